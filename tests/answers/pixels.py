"""Recorded answers to the exercises of 01_pixels, right and wrong.

``CORRECT``: answers written another way than the reference (other library calls,
other idioms, extra prints and plots, harmless warnings); each must be told
"Correct" and earn full marks.
``MISTAKES``: common wrong answers; each must be told "Incorrect" with a message
that contains its ``diagnosis`` (case ignored), and lose its exercise's points.
Each ``code`` is the complete source of an answer cell, as a learner might write it.
"""

CORRECT = {
    "q1_grayscale": [
        {
            "how": "OpenCV's cvtColor (fixed-point weights, within the rounding tolerance)",
            "code": '''def to_grayscale(image):
    return cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
''',
        },
        {
            "how": "Pillow's convert('L')",
            "code": '''from PIL import Image

def to_grayscale(image):
    return np.array(Image.fromarray(image).convert("L"))
''',
        },
        {
            "how": "a loop over the pixels with Python's round()",
            "code": '''def to_grayscale(image):
    h, w, _ = image.shape
    out = np.zeros((h, w), dtype=np.uint8)
    for i in range(h):
        for j in range(w):
            r, g, b = image[i, j].astype(float)
            out[i, j] = round(0.299 * r + 0.587 * g + 0.114 * b)
    return out
''',
        },
        {
            "how": "float32 einsum and np.rint, shown with plt.show() on every call",
            "code": '''def to_grayscale(image):
    weights = np.array([0.299, 0.587, 0.114], dtype=np.float32)
    gray = np.rint(np.einsum("hwc,c->hw", image.astype(np.float32), weights)).astype(np.uint8)
    plt.imshow(gray, cmap="gray")
    plt.show()
    return gray
''',
        },
    ],
    "q2_binary_threshold": [
        {
            "how": "OpenCV's threshold",
            "code": '''def binarize(gray, threshold):
    _, binary = cv2.threshold(gray, threshold, 255, cv2.THRESH_BINARY)
    return binary
''',
        },
        {
            "how": "a boolean mask times 255, in uint8",
            "code": '''def binarize(gray, threshold):
    return (gray > threshold).astype(np.uint8) * 255
''',
        },
        {
            "how": "a loop over the pixels into np.zeros_like",
            "code": '''def binarize(gray, threshold):
    out = np.zeros_like(gray)
    for i in range(gray.shape[0]):
        for j in range(gray.shape[1]):
            if gray[i, j] > threshold:
                out[i, j] = 255
    return out
''',
        },
        {
            "how": "gray / threshold > 1, which warns (division by zero) for threshold 0",
            "code": '''def binarize(gray, threshold):
    ratio = gray / threshold  # inf (or nan for 0 / 0) when the threshold is 0
    return np.where(ratio > 1, 255, 0).astype(np.uint8)
''',
        },
    ],
    "q3_center_crop": [
        {
            "how": "shape[:2], two slicings and a copy",
            "code": '''def center_crop(image, height, width):
    H, W = image.shape[:2]
    top, left = (H - height) // 2, (W - width) // 2
    return image[top:top + height][:, left:left + width].copy()
''',
        },
        {
            "how": "int() of a true division, an Ellipsis, and a debug print",
            "code": '''def center_crop(image, height, width):
    top = int((image.shape[0] - height) / 2)
    left = int((image.shape[1] - width) / 2)
    print("crop starts at row", top, "column", left)
    return image[top:top + height, left:left + width, ...]
''',
        },
        {
            "how": "Pillow's Image.crop",
            "code": '''from PIL import Image

def center_crop(image, height, width):
    top = (image.shape[0] - height) // 2
    left = (image.shape[1] - width) // 2
    return np.array(Image.fromarray(image).crop((left, top, left + width, top + height)))
''',
        },
    ],
    "q4_flip_rotate": [
        {
            "how": "OpenCV's flip and rotate",
            "code": '''def flip_rotate(image, mirror, turns):
    if mirror:
        image = cv2.flip(image, 1)
    codes = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}
    if turns % 4:
        image = cv2.rotate(image, codes[turns % 4])
    return image
''',
        },
        {
            "how": "np.flip on axis 1 and one clockwise np.rot90 per turn, modulo 4",
            "code": '''def flip_rotate(image, mirror, turns):
    out = np.flip(image, axis=1) if mirror else image
    for _ in range(turns % 4):
        out = np.rot90(out, -1)
    return out
''',
        },
        {
            "how": "transpose of the first two axes, then reversed columns, per turn",
            "code": '''def flip_rotate(image, mirror, turns):
    if mirror:
        image = image[:, ::-1]
    for _ in range(turns % 4):
        axes = (1, 0) + tuple(range(2, image.ndim))
        image = np.transpose(image, axes)[:, ::-1]
    return image
''',
        },
        {
            "how": "np.fliplr and np.rot90, plotting every result (over 20 figures: a warning)",
            "code": '''def flip_rotate(image, mirror, turns):
    out = np.fliplr(image) if mirror else image
    out = np.rot90(out, k=-turns)
    plt.figure(figsize=(2, 2))
    plt.imshow(out)
    plt.title(f"mirror={mirror}, turns={turns}")
    return out
''',
        },
    ],
    "q5_resize_keep_aspect": [
        {
            "how": "one factor for both sides, returned as a list",
            "code": '''def fit_size(height, width, longest):
    scale = longest / max(height, width)
    return [max(1, round(height * scale)), max(1, round(width * scale))]
''',
        },
        {
            "how": "int(x + 0.5) rounding, and an np.int64 in the tuple",
            "code": '''def fit_size(height, width, longest):
    if height >= width:
        return longest, max(1, int(width * longest / height + 0.5))
    return np.int64(max(1, int(height * longest / width + 0.5))), longest
''',
        },
    ],
    "q6_brightness_contrast": [
        {
            "how": "OpenCV's addWeighted with an all-zero second image",
            "code": '''def adjust_brightness_contrast(image, alpha, beta):
    return cv2.addWeighted(image, alpha, np.zeros_like(image), 0, beta)
''',
        },
        {
            "how": "float32, clipped before np.rint",
            "code": '''def adjust_brightness_contrast(image, alpha, beta):
    result = np.clip(alpha * image.astype(np.float32) + beta, 0, 255)
    return np.rint(result).astype(np.uint8)
''',
        },
        {
            "how": "a lookup table of the 256 values, applied with cv2.LUT",
            "code": '''def adjust_brightness_contrast(image, alpha, beta):
    table = np.clip(np.round(alpha * np.arange(256) + beta), 0, 255).astype(np.uint8)
    return cv2.LUT(image, table)
''',
        },
        {
            "how": "a lookup table indexed with the image, and an int16 intermediate",
            "code": '''def adjust_brightness_contrast(image, alpha, beta):
    table = np.round(alpha * np.arange(256, dtype=np.int16) + beta).astype(np.int16)
    return np.clip(table, 0, 255).astype(np.uint8)[image]
''',
        },
    ],
    "q7_output_size": [
        {
            "how": "counting the windows with a while loop",
            "code": '''def conv_output_size(n, kernel_size, stride=1, padding=0):
    count, start = 0, 0
    while start + kernel_size <= n + 2 * padding:
        count += 1
        start += stride
    return count
''',
        },
        {
            "how": "math.floor of a true division",
            "code": '''import math

def conv_output_size(n, kernel_size, stride=1, padding=0):
    return math.floor((n + 2 * padding - kernel_size) / stride) + 1
''',
        },
        {
            "how": "the length of a range of window starts",
            "code": '''def conv_output_size(n, kernel_size, stride=1, padding=0):
    return len(range(0, n + 2 * padding - kernel_size + 1, stride))
''',
        },
        {
            "how": "np.floor, returning an np.int64",
            "code": '''def conv_output_size(n, kernel_size, stride=1, padding=0):
    return np.int64(np.floor((n + 2 * padding - kernel_size) / stride)) + 1
''',
        },
    ],
    "q8_conv2d": [
        {
            "how": "SciPy's correlate2d on the padded image, then every stride-th value",
            "code": '''from scipy.signal import correlate2d

def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float64), padding)
    return correlate2d(padded, kernel.astype(np.float64), mode="valid")[::stride, ::stride]
''',
        },
        {
            "how": "OpenCV's filter2D anchored at the top-left corner",
            "code": '''def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float64), padding)
    kh, kw = kernel.shape
    full = cv2.filter2D(padded, cv2.CV_64F, kernel.astype(np.float64), anchor=(0, 0),
                        borderType=cv2.BORDER_CONSTANT)
    return full[:padded.shape[0] - kh + 1:stride, :padded.shape[1] - kw + 1:stride]
''',
        },
        {
            "how": "sliding_window_view and tensordot",
            "code": '''from numpy.lib.stride_tricks import sliding_window_view

def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image, padding).astype(np.float64)
    windows = sliding_window_view(padded, kernel.shape)[::stride, ::stride]
    return np.tensordot(windows, kernel.astype(np.float64), axes=([2, 3], [0, 1]))
''',
        },
        {
            "how": "four nested loops over a zero array padded by hand",
            "code": '''def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kh, kw = kernel.shape
    padded = np.zeros((H + 2 * padding, W + 2 * padding))
    padded[padding:padding + H, padding:padding + W] = image
    out = np.zeros(((H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            for u in range(kh):
                for v in range(kw):
                    out[i, j] += padded[i * stride + u, j * stride + v] * float(kernel[u, v])
    return out
''',
        },
        {
            "how": "SciPy's ndimage.correlate with its origin moved to the top-left corner",
            "code": '''from scipy import ndimage

def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float64), padding)
    kh, kw = kernel.shape
    full = ndimage.correlate(padded, kernel.astype(np.float64), mode="constant",
                             origin=(-(kh // 2), -(kw // 2)))
    return full[:padded.shape[0] - kh + 1:stride, :padded.shape[1] - kw + 1:stride]
''',
        },
        {
            "how": "SciPy's fftconvolve with the kernel flipped (FFT rounding: 26.999999999999996)",
            "code": '''from scipy import signal

def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float64), padding)
    k = kernel.astype(np.float64)[::-1, ::-1]
    return signal.fftconvolve(padded, k, mode="valid")[::stride, ::stride]
''',
        },
        {
            "how": "np.einsum over sliding windows, computed in float32, returned as float64",
            "code": '''from numpy.lib.stride_tricks import sliding_window_view

def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float32), padding)
    windows = sliding_window_view(padded, kernel.shape)[::stride, ::stride]
    return np.einsum("ijuv,uv->ij", windows, kernel.astype(np.float32)).astype(np.float64)
''',
        },
    ],
    "q9_sobel_edges": [
        {
            "how": "OpenCV's Sobel in float64, the one-pixel border cut off",
            "code": '''def sobel_magnitude(gray):
    gx = cv2.Sobel(gray, cv2.CV_64F, 1, 0, ksize=3)
    gy = cv2.Sobel(gray, cv2.CV_64F, 0, 1, ksize=3)
    return np.hypot(gx, gy)[1:-1, 1:-1]
''',
        },
        {
            "how": "SciPy's convolve2d (flipping the kernel only flips the sign of gx and gy)",
            "code": '''from scipy.signal import convolve2d

def sobel_magnitude(gray):
    kx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
    g = gray.astype(np.float64)
    gx = convolve2d(g, kx, mode="valid")
    gy = convolve2d(g, kx.T, mode="valid")
    return np.sqrt(gx ** 2 + gy ** 2)
''',
        },
        {
            "how": "SciPy's ndimage.sobel on a float copy, the border cut off",
            "code": '''from scipy import ndimage

def sobel_magnitude(gray):
    g = gray.astype(np.float64)
    return np.hypot(ndimage.sobel(g, axis=1), ndimage.sobel(g, axis=0))[1:-1, 1:-1]
''',
        },
        {
            "how": "loops over the windows and a printed mean direction that divides by zero",
            "code": '''def sobel_magnitude(gray):
    kx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float64)
    ky = kx.T
    g = gray.astype(np.float64)
    h, w = g.shape
    gx = np.zeros((h - 2, w - 2))
    gy = np.zeros((h - 2, w - 2))
    for i in range(h - 2):
        for j in range(w - 2):
            gx[i, j] = np.sum(g[i:i + 3, j:j + 3] * kx)
            gy[i, j] = np.sum(g[i:i + 3, j:j + 3] * ky)
    print("mean direction (degrees):", np.degrees(np.nanmean(np.arctan(gy / gx))))
    return np.sqrt(gx ** 2 + gy ** 2)
''',
        },
        {
            "how": "OpenCV's Sobel and magnitude in float32, returned as float64",
            "code": '''def sobel_magnitude(gray):
    g = gray.astype(np.float32)
    gx = cv2.Sobel(g, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(g, cv2.CV_32F, 0, 1, ksize=3)
    return cv2.magnitude(gx, gy)[1:-1, 1:-1].astype(np.float64)
''',
        },
    ],
    "q10_max_pool": [
        {
            "how": "Keras's MaxPooling2D layer (TensorFlow imported in the answer cell)",
            "code": '''import tensorflow as tf

def max_pool(image, size=2, stride=None):
    x = tf.constant(image.astype(np.float64)[None, :, :, None])
    out = tf.keras.layers.MaxPooling2D(pool_size=size, strides=stride)(x)
    return out.numpy()[0, :, :, 0].astype(image.dtype)
''',
        },
        {
            "how": "sliding_window_view, every stride-th window",
            "code": '''from numpy.lib.stride_tricks import sliding_window_view

def max_pool(image, size=2, stride=None):
    stride = stride or size
    return sliding_window_view(image, (size, size))[::stride, ::stride].max(axis=(2, 3))
''',
        },
        {
            "how": "SciPy's maximum_filter anchored at the top-left corner",
            "code": '''from scipy.ndimage import maximum_filter

def max_pool(image, size=2, stride=None):
    if stride is None:
        stride = size
    full = maximum_filter(image, size=size, origin=-(size // 2))
    return full[:image.shape[0] - size + 1:stride, :image.shape[1] - size + 1:stride]
''',
        },
        {
            "how": "OpenCV's dilate (a maximum filter) anchored at the top-left corner",
            "code": '''def max_pool(image, size=2, stride=None):
    if stride is None:
        stride = size
    full = cv2.dilate(image, np.ones((size, size), np.uint8), anchor=(0, 0))
    return full[:image.shape[0] - size + 1:stride, :image.shape[1] - size + 1:stride]
''',
        },
        {
            "how": "loops over ranges of window starts, into np.empty",
            "code": '''def max_pool(image, size=2, stride=None):
    if stride is None:
        stride = size
    rows = range(0, image.shape[0] - size + 1, stride)
    cols = range(0, image.shape[1] - size + 1, stride)
    out = np.empty((len(rows), len(cols)), dtype=image.dtype)
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            out[i, j] = np.max(image[r:r + size, c:c + size])
    return out
''',
        },
    ],
}

MISTAKES = {
    "q1_grayscale": [
        {
            "why": "plain average of the three channels",
            "diagnosis": "averaged the channels equally",
            "code": """\
def to_grayscale(image):
    return np.round(image.mean(axis=2)).astype(np.uint8)
""",
        },
        {
            "why": "the weights in BGR order on an RGB image",
            "diagnosis": "BGR order",
            "code": """\
def to_grayscale(image):
    weights = np.array([0.114, 0.587, 0.299])
    return np.round(image.astype(np.float64) @ weights).astype(np.uint8)
""",
        },
        {
            "why": "truncating instead of rounding",
            "diagnosis": "you truncated",
            "code": """\
def to_grayscale(image):
    gray = 0.299 * image[:, :, 0] + 0.587 * image[:, :, 1] + 0.114 * image[:, :, 2]
    return gray.astype(np.uint8)
""",
        },
        {
            "why": "returns the float luminance, not rounded uint8",
            "diagnosis": "should have dtype uint8",
            "code": """\
def to_grayscale(image):
    return 0.299 * image[:, :, 0] + 0.587 * image[:, :, 1] + 0.114 * image[:, :, 2]
""",
        },
        {
            "why": "keeps a channel axis of length 1",
            "diagnosis": "drop the channel axis",
            "code": """\
def to_grayscale(image):
    weights = np.array([[0.299], [0.587], [0.114]])
    return np.round(image @ weights).astype(np.uint8)
""",
        },
        {
            "why": "MATLAB's rounded weights 0.2989, 0.5870, 0.1140",
            "diagnosis": "slightly different weights",
            "code": """\
def to_grayscale(image):
    weights = np.array([0.2989, 0.5870, 0.1140])
    return np.round(image.astype(np.float64) @ weights).astype(np.uint8)
""",
        },
        {
            "why": "np.squeeze of an (H, W, 1) result, which also drops a row or column of 1",
            "diagnosis": "dropped the row and column axes",
            "code": """\
def to_grayscale(image):
    weights = np.array([[0.299], [0.587], [0.114]])
    return np.squeeze(np.round(image @ weights)).astype(np.uint8)
""",
        },
        {
            "why": "float16 arithmetic, too coarse to round right on realistic images",
            "diagnosis": "too little precision (float16)",
            "code": """\
def to_grayscale(image):
    weights = np.array([0.299, 0.587, 0.114], dtype=np.float16)
    return np.round(image.astype(np.float16) @ weights).astype(np.uint8)
""",
        },
        {
            "why": "the BT.709 (HDTV) weights instead of BT.601",
            "diagnosis": "BT.709",
            "code": """\
def to_grayscale(image):
    weights = np.array([0.2126, 0.7152, 0.0722])
    return np.round(image @ weights).astype(np.uint8)
""",
        },
        {
            "why": "returns a list of lists",
            "diagnosis": "should be a NumPy array",
            "code": """\
def to_grayscale(image):
    gray = np.round(image @ np.array([0.299, 0.587, 0.114])).astype(np.uint8)
    return gray.tolist()
""",
        },
        {
            "why": "combines along axis 0 (the rows) instead of the channel axis",
            "diagnosis": "the last axis",
            "code": """\
def to_grayscale(image):
    weights = np.array([0.299, 0.587, 0.114])
    return np.round((image * weights).sum(axis=0)).astype(np.uint8)
""",
        },
    ],
    "q2_binary_threshold": [
        {
            "why": ">= instead of >: pixels equal to the threshold become white",
            "diagnosis": "use >, not >=",
            "code": """\
def binarize(gray, threshold):
    return np.where(gray >= threshold, 255, 0).astype(np.uint8)
""",
        },
        {
            "why": "returns the boolean mask",
            "diagnosis": "True/False values",
            "code": """\
def binarize(gray, threshold):
    return gray > threshold
""",
        },
        {
            "why": "white is 1 instead of 255",
            "diagnosis": "white should be 255, not 1",
            "code": """\
def binarize(gray, threshold):
    return (gray > threshold).astype(np.uint8)
""",
        },
        {
            "why": "inverted (THRESH_BINARY_INV)",
            "diagnosis": "black and white are swapped",
            "code": """\
def binarize(gray, threshold):
    return np.where(gray > threshold, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "the example's threshold hard-coded instead of the argument",
            "diagnosis": "use the threshold argument",
            "code": """\
def binarize(gray, threshold):
    return np.where(gray > 100, 255, 0).astype(np.uint8)
""",
        },
        {
            "why": "thresholds the image in place and returns it",
            "diagnosis": "changed the array it was given",
            "code": """\
def binarize(gray, threshold):
    gray[gray > threshold] = 255
    gray[gray <= threshold] = 0
    return gray
""",
        },
        {
            "why": "rounds the threshold, wrong for a fractional one",
            "diagnosis": "need not be a whole number",
            "code": """\
def binarize(gray, threshold):
    return np.where(gray > round(threshold), 255, 0).astype(np.uint8)
""",
        },
        {
            "why": "gray >= threshold + 1, the same only for whole thresholds",
            "diagnosis": "need not be a whole number",
            "code": """\
def binarize(gray, threshold):
    return np.where(gray >= threshold + 1, 255, 0).astype(np.uint8)
""",
        },
        {
            "why": "a boolean mask times 255 gives an int64 array",
            "diagnosis": "should have dtype uint8",
            "code": """\
def binarize(gray, threshold):
    return (gray > threshold) * 255
""",
        },
        {
            "why": "a list comprehension over gray.flatten() loses the 2-D shape",
            "diagnosis": "should have the shape of the gray one",
            "code": """\
def binarize(gray, threshold):
    return np.array([255 if v > threshold else 0 for v in gray.flatten()], dtype=np.uint8)
""",
        },
    ],
    "q3_center_crop": [
        {
            "why": "rows and columns swapped (x/y confusion)",
            "diagnosis": "height is the number of rows",
            "code": """\
def center_crop(image, height, width):
    top = (image.shape[0] - height) // 2
    left = (image.shape[1] - width) // 2
    return image[left:left + width, top:top + height]
""",
        },
        {
            "why": "crops the top-left corner",
            "diagnosis": "top-left corner",
            "code": """\
def center_crop(image, height, width):
    return image[:height, :width]
""",
        },
        {
            "why": "centre minus half the size: odd margins put the extra pixel above and left",
            "diagnosis": "extra pixel goes below and to the right",
            "code": """\
def center_crop(image, height, width):
    top = image.shape[0] // 2 - height // 2
    left = image.shape[1] // 2 - width // 2
    return image[top:top + height, left:left + width]
""",
        },
        {
            "why": "slices up to -margin, which is empty when the margin is 0",
            "diagnosis": "-0 is 0",
            "code": """\
def center_crop(image, height, width):
    top = (image.shape[0] - height) // 2
    left = (image.shape[1] - width) // 2
    bottom = image.shape[0] - height - top
    right = image.shape[1] - width - left
    return image[top:-bottom, left:-right]
""",
        },
        {
            "why": "np.squeeze of the crop drops the axes of a 1-pixel crop",
            "diagnosis": "dropped the axes of length 1",
            "code": """\
def center_crop(image, height, width):
    top = (image.shape[0] - height) // 2
    left = (image.shape[1] - width) // 2
    return np.squeeze(image[top:top + height, left:left + width])
""",
        },
        {
            "why": "H, W = image.shape fails on colour images",
            "diagnosis": "too many values to unpack",
            "code": """\
def center_crop(image, height, width):
    H, W = image.shape
    top, left = (H - height) // 2, (W - width) // 2
    return image[top:top + height, left:left + width]
""",
        },
        {
            "why": "slices from centre - size // 2 to centre + size // 2: odd sizes lose a pixel",
            "diagnosis": "should have shape (3, 3)",
            "code": """\
def center_crop(image, height, width):
    cy, cx = image.shape[0] // 2, image.shape[1] // 2
    return image[cy - height // 2:cy + height // 2, cx - width // 2:cx + width // 2]
""",
        },
    ],
    "q4_flip_rotate": [
        {
            "why": "flips the wrong axis (upside down instead of a mirror)",
            "diagnosis": "upside down",
            "code": """\
def flip_rotate(image, mirror, turns):
    if mirror:
        image = image[::-1]
    return np.rot90(image, -turns)
""",
        },
        {
            "why": "rotates counter-clockwise (np.rot90's direction)",
            "diagnosis": "rotated counter-clockwise",
            "code": """\
def flip_rotate(image, mirror, turns):
    if mirror:
        image = image[:, ::-1]
    return np.rot90(image, turns)
""",
        },
        {
            "why": "rotates first, mirrors second",
            "diagnosis": "mirror first, then rotate",
            "code": """\
def flip_rotate(image, mirror, turns):
    image = np.rot90(image, -turns)
    if mirror:
        image = image[:, ::-1]
    return image
""",
        },
        {
            "why": "np.flip without an axis reverses every axis",
            "diagnosis": "reversed both rows and columns",
            "code": """\
def flip_rotate(image, mirror, turns):
    if mirror:
        image = np.flip(image)
    return np.rot90(image, -turns)
""",
        },
        {
            "why": "rotation with .T, which also moves the colour channels",
            "diagnosis": "the channels staying last",
            "code": """\
def flip_rotate(image, mirror, turns):
    if mirror:
        image = image[:, ::-1]
    for _ in range(turns % 4):
        image = image[::-1].T
    return image
""",
        },
        {
            "why": "a loop over range(turns), which does nothing for negative turns",
            "diagnosis": "did not rotate at all",
            "code": """\
def flip_rotate(image, mirror, turns):
    if mirror:
        image = image[:, ::-1]
    for _ in range(turns):
        image = np.rot90(image, -1)
    return image
""",
        },
        {
            "why": "swaps the two axes (a transpose) for each quarter turn",
            "diagnosis": "transposed the image",
            "code": """\
def flip_rotate(image, mirror, turns):
    if mirror:
        image = image[:, ::-1]
    for _ in range(turns % 4):
        image = np.swapaxes(image, 0, 1)
    return image
""",
        },
    ],
    "q5_resize_keep_aspect": [
        {
            "why": "truncates with int() instead of rounding",
            "diagnosis": "int() cuts off the decimals",
            "code": """\
def fit_size(height, width, longest):
    factor = longest / max(height, width)
    return max(1, int(height * factor)), max(1, int(width * factor))
""",
        },
        {
            "why": "returns (width, height), cv2.resize's order",
            "diagnosis": "you returned (width, height)",
            "code": """\
def fit_size(height, width, longest):
    factor = longest / max(height, width)
    return max(1, round(width * factor)), max(1, round(height * factor))
""",
        },
        {
            "why": "assumes the width is the longest side",
            "diagnosis": "the longer side is the height",
            "code": """\
def fit_size(height, width, longest):
    factor = longest / width
    return max(1, round(height * factor)), longest
""",
        },
        {
            "why": "forgets that a side needs at least one pixel",
            "diagnosis": "at least one pixel",
            "code": """\
def fit_size(height, width, longest):
    factor = longest / max(height, width)
    return round(height * factor), round(width * factor)
""",
        },
        {
            "why": "returns floats",
            "diagnosis": "two whole numbers",
            "code": """\
def fit_size(height, width, longest):
    factor = longest / max(height, width)
    return height * factor, width * factor
""",
        },
        {
            "why": "keeps at least one pixel for portrait photos only",
            "diagnosis": "at least one pixel",
            "code": """\
def fit_size(height, width, longest):
    if height >= width:
        return longest, max(1, round(width * longest / height))
    return round(height * longest / width), longest
""",
        },
        {
            "why": "returns a NumPy array instead of a tuple",
            "diagnosis": "a NumPy array",
            "code": """\
def fit_size(height, width, longest):
    size = np.round(np.array([height, width]) * longest / max(height, width)).astype(int)
    return np.maximum(size, 1)
""",
        },
        {
            "why": "returns the scale factor instead of the size",
            "diagnosis": "should return a tuple (new_height, new_width)",
            "code": """\
def fit_size(height, width, longest):
    return longest / max(height, width)
""",
        },
        {
            "why": "makes both sides `longest`",
            "diagnosis": "a square",
            "code": """\
def fit_size(height, width, longest):
    return longest, longest
""",
        },
    ],
    "q6_brightness_contrast": [
        {
            "why": "uint8 arithmetic wraps around before the clip",
            "diagnosis": "wrapped around",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    return np.clip(alpha * image + beta, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "truncates instead of rounding",
            "diagnosis": "you truncated",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    result = alpha * image.astype(np.float64) + beta
    return np.clip(result, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "cv2.convertScaleAbs takes the absolute value of negative results",
            "diagnosis": "not made positive",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    return cv2.convertScaleAbs(image, alpha=alpha, beta=beta)
""",
        },
        {
            "why": "rounds halves up with np.floor(x + 0.5) instead of np.round (half to even)",
            "diagnosis": "nearest EVEN number",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    result = np.floor(alpha * image.astype(np.float64) + beta + 0.5)
    return np.clip(result, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "rounds alpha x value and beta separately",
            "diagnosis": "round the sum once",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    result = np.round(alpha * image.astype(np.float64)) + np.round(beta)
    return np.clip(result, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "returns floats",
            "diagnosis": "should return a uint8 image",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    return np.clip(np.round(alpha * image.astype(np.float64) + beta), 0, 255)
""",
        },
        {
            "why": "writes the result into the input image",
            "diagnosis": "changed the array it was given",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    image[...] = np.clip(np.round(alpha * image.astype(np.float64) + beta), 0, 255)
    return image
""",
        },
        {
            "why": "float16 arithmetic, off by one on many values of a realistic image",
            "diagnosis": "at most 1% may be off",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    result = alpha * image.astype(np.float16) + np.float16(beta)
    return np.clip(np.round(result), 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "a list comprehension over image.flatten() loses the shape",
            "diagnosis": "should keep the shape",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    values = [min(255, max(0, round(alpha * float(v) + beta))) for v in image.flatten()]
    return np.array(values, dtype=np.uint8)
""",
        },
        {
            "why": "clips at 255 only: negative values wrap in the uint8 conversion",
            "diagnosis": "clip at 0 as well as at 255",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    result = np.round(alpha * image.astype(np.float64) + beta)
    return np.minimum(result, 255).astype(np.uint8)
""",
        },
        {
            "why": "no clipping at all, and float values",
            "diagnosis": "outside 0..255",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    return np.round(alpha * image.astype(np.float64) + beta)
""",
        },
    ],
    "q7_output_size": [
        {
            "why": "forgets the + 1",
            "diagnosis": "don't forget the + 1",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    return (n + 2 * padding - kernel_size) // stride
""",
        },
        {
            "why": "counts the padding at one end only",
            "diagnosis": "added at both ends",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    return (n + padding - kernel_size) // stride + 1
""",
        },
        {
            "why": "true division gives a float",
            "diagnosis": "a float; it should be the int 3",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    return (n + 2 * padding - kernel_size) / stride + 1
""",
        },
        {
            "why": "rounds the division up (keeps a window that sticks out)",
            "diagnosis": "don't round up",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    return int(np.ceil((n + 2 * padding - kernel_size) / stride)) + 1
""",
        },
        {
            "why": "ignores the stride",
            "diagnosis": "divide by the stride",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    return n + 2 * padding - kernel_size + 1
""",
        },
        {
            "why": "hard-codes the answers of the visible check",
            "diagnosis": "KeyError",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    known = {(5, 3, 1, 0): 3, (5, 3, 2, 0): 2, (5, 3, 1, 1): 5, (7, 3, 2, 1): 4,
             (6, 3, 2, 0): 2, (32, 5, 1, 2): 32, (224, 7, 2, 3): 112, (4, 2, 2, 0): 2}
    return known[(n, kernel_size, stride, padding)]
""",
        },
        {
            "why": "no default values for stride and padding",
            "diagnosis": "missing a required argument",
            "code": """\
def conv_output_size(n, kernel_size, stride, padding):
    return (n + 2 * padding - kernel_size) // stride + 1
""",
        },
        {
            "why": "renames the parameters, so stride= and padding= are refused",
            "diagnosis": "unexpected keyword argument",
            "code": """\
def conv_output_size(n, k, s=1, p=0):
    return (n + 2 * p - k) // s + 1
""",
        },
        {
            "why": "prints the result instead of returning it",
            "diagnosis": "yours returned None",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    print((n + 2 * padding - kernel_size) // stride + 1)
""",
        },
        {
            "why": "adds the padding after dividing by the stride",
            "diagnosis": "should be 4; yours is 5",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    return (n - kernel_size) // stride + 1 + 2 * padding
""",
        },
    ],
    "q8_conv2d": [
        {
            "why": "flips the kernel: true convolution instead of cross-correlation",
            "diagnosis": "you flipped the kernel",
            "code": """\
def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float64), padding)
    kernel = kernel[::-1, ::-1].astype(np.float64)
    kh, kw = kernel.shape
    out_h = (padded.shape[0] - kh) // stride + 1
    out_w = (padded.shape[1] - kw) // stride + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = np.sum(window * kernel)
    return out
""",
        },
        {
            "why": "forgets the padding",
            "diagnosis": "did you forget to pad?",
            "code": """\
def conv2d(image, kernel, stride=1, padding=0):
    image = image.astype(np.float64)
    kh, kw = kernel.shape
    out_h = (image.shape[0] - kh) // stride + 1
    out_w = (image.shape[1] - kw) // stride + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            window = image[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = np.sum(window * kernel)
    return out
""",
        },
        {
            "why": "the windows do not move by the stride (window i starts at i)",
            "diagnosis": "must start at row i * stride",
            "code": """\
def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float64), padding)
    kh, kw = kernel.shape
    out_h = (padded.shape[0] - kh) // stride + 1
    out_w = (padded.shape[1] - kw) // stride + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(padded[i:i + kh, j:j + kw] * kernel)
    return out
""",
        },
        {
            "why": "multiplies uint8 arrays, which wrap around",
            "diagnosis": "wraps around to 144",
            "code": """\
def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image, padding)
    kh, kw = kernel.shape
    out_h = (padded.shape[0] - kh) // stride + 1
    out_w = (padded.shape[1] - kw) // stride + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = np.sum(window * kernel)
    return out
""",
        },
        {
            "why": "off by one in the output size",
            "diagnosis": "a 2-wide window fits at 3 positions",
            "code": """\
def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float64), padding)
    kh, kw = kernel.shape
    out_h = (padded.shape[0] - kh) // stride
    out_w = (padded.shape[1] - kw) // stride
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = np.sum(window * kernel)
    return out
""",
        },
        {
            "why": "assumes a square kernel",
            "diagnosis": "height and width can differ",
            "code": """\
def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float64), padding)
    k = kernel.shape[0]
    out_h = (padded.shape[0] - k) // stride + 1
    out_w = (padded.shape[1] - k) // stride + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            window = padded[i * stride:i * stride + k, j * stride:j * stride + k]
            out[i, j] = np.sum(window * kernel)
    return out
""",
        },
        {
            "why": "computes and returns float32",
            "diagnosis": "should return float64 values",
            "code": """\
def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float32), padding)
    kh, kw = kernel.shape
    out = np.zeros(((padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1),
                   dtype=np.float32)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = np.sum(window * kernel)
    return out
""",
        },
        {
            "why": "no default values for stride and padding",
            "diagnosis": "missing a required argument",
            "code": """\
def conv2d(image, kernel, stride, padding):
    padded = np.pad(image.astype(np.float64), padding)
    kh, kw = kernel.shape
    out = np.zeros(((padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = np.sum(window * kernel)
    return out
""",
        },
        {
            "why": "pads the top and left only",
            "diagnosis": "padded one side only",
            "code": """\
def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float64), ((padding, 0), (padding, 0)))
    kh, kw = kernel.shape
    out = np.zeros(((padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = np.sum(window * kernel)
    return out
""",
        },
        {
            "why": "pads with the edge values instead of zeros",
            "diagnosis": "pad with zeros",
            "code": """\
def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float64), padding, mode="edge")
    kh, kw = kernel.shape
    out = np.zeros(((padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = np.sum(window * kernel)
    return out
""",
        },
        {
            "why": "converts the kernel to int, which drops its fractions",
            "diagnosis": "fractions cut off",
            "code": """\
def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image.astype(np.float64), padding)
    kernel = kernel.astype(int)
    kh, kw = kernel.shape
    out = np.zeros(((padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = np.sum(window * kernel)
    return out
""",
        },
        {
            "why": "OpenCV's filter2D with the input's depth (ddepth=-1): uint8 sums stop at 255",
            "diagnosis": "stops at 255",
            "code": """\
def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image, padding)
    kh, kw = kernel.shape
    full = cv2.filter2D(padded, -1, kernel.astype(np.float64), anchor=(0, 0),
                        borderType=cv2.BORDER_CONSTANT).astype(np.float64)
    return full[:padded.shape[0] - kh + 1:stride, :padded.shape[1] - kw + 1:stride]
""",
        },
    ],
    "q9_sobel_edges": [
        {
            "why": "only the horizontal gradient gx",
            "diagnosis": "did you forget gy",
            "code": """\
def sobel_magnitude(gray):
    g = gray.astype(np.float64)
    gx = (g[:-2, 2:] + 2 * g[1:-1, 2:] + g[2:, 2:]) - (g[:-2, :-2] + 2 * g[1:-1, :-2] + g[2:, :-2])
    return np.abs(gx)
""",
        },
        {
            "why": "|gx| + |gy| instead of the Euclidean magnitude",
            "diagnosis": "|gx| + |gy| = 60",
            "code": """\
def sobel_magnitude(gray):
    g = gray.astype(np.float64)
    gx = (g[:-2, 2:] + 2 * g[1:-1, 2:] + g[2:, 2:]) - (g[:-2, :-2] + 2 * g[1:-1, :-2] + g[2:, :-2])
    gy = (g[2:, :-2] + 2 * g[2:, 1:-1] + g[2:, 2:]) - (g[:-2, :-2] + 2 * g[:-2, 1:-1] + g[:-2, 2:])
    return np.abs(gx) + np.abs(gy)
""",
        },
        {
            "why": "arithmetic on the uint8 image wraps around",
            "diagnosis": "wrapped it around",
            "code": """\
def sobel_magnitude(gray):
    g = gray
    gx = (g[:-2, 2:] + 2 * g[1:-1, 2:] + g[2:, 2:]) - (g[:-2, :-2] + 2 * g[1:-1, :-2] + g[2:, :-2])
    gy = (g[2:, :-2] + 2 * g[2:, 1:-1] + g[2:, 2:]) - (g[:-2, :-2] + 2 * g[:-2, 1:-1] + g[:-2, 2:])
    return np.sqrt(gx**2 + gy**2).astype(np.float64)
""",
        },
        {
            "why": "forgets the square root",
            "diagnosis": "take the square root",
            "code": """\
def sobel_magnitude(gray):
    g = gray.astype(np.float64)
    gx = (g[:-2, 2:] + 2 * g[1:-1, 2:] + g[2:, 2:]) - (g[:-2, :-2] + 2 * g[1:-1, :-2] + g[2:, :-2])
    gy = (g[2:, :-2] + 2 * g[2:, 1:-1] + g[2:, 2:]) - (g[:-2, :-2] + 2 * g[:-2, 1:-1] + g[:-2, 2:])
    return gx**2 + gy**2
""",
        },
        {
            "why": "OpenCV's padded Sobel: the output keeps the input's size",
            "diagnosis": "the size of the input",
            "code": """\
def sobel_magnitude(gray):
    g = gray.astype(np.float64)
    gx = cv2.Sobel(g, cv2.CV_64F, 1, 0, ksize=3)
    gy = cv2.Sobel(g, cv2.CV_64F, 0, 1, ksize=3)
    return np.sqrt(gx**2 + gy**2)
""",
        },
        {
            "why": "converts to int32, right for uint8 images only",
            "diagnosis": "fractions cut off",
            "code": """\
def sobel_magnitude(gray):
    g = gray.astype(np.int32)
    gx = (g[:-2, 2:] + 2 * g[1:-1, 2:] + g[2:, 2:]) - (g[:-2, :-2] + 2 * g[1:-1, :-2] + g[2:, :-2])
    gy = (g[2:, :-2] + 2 * g[2:, 1:-1] + g[2:, 2:]) - (g[:-2, :-2] + 2 * g[:-2, 1:-1] + g[:-2, 2:])
    return np.sqrt(gx ** 2 + gy ** 2)
""",
        },
        {
            "why": "OpenCV's Sobel and magnitude in float32",
            "diagnosis": "dtype float64",
            "code": """\
def sobel_magnitude(gray):
    gx = cv2.Sobel(gray, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(gray, cv2.CV_32F, 0, 1, ksize=3)
    return cv2.magnitude(gx, gy)[1:-1, 1:-1]
""",
        },
        {
            "why": "SciPy's convolve2d in its default 'full' mode, which pads",
            "diagnosis": "(H - 2, W - 2)",
            "code": """\
from scipy.signal import convolve2d

def sobel_magnitude(gray):
    kx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
    g = gray.astype(np.float64)
    return np.hypot(convolve2d(g, kx), convolve2d(g, kx.T))
""",
        },
        {
            "why": "subtracts the minimum in place first: harmless for the result, not the input",
            "diagnosis": "changed the array it was given",
            "code": """\
def sobel_magnitude(gray):
    gray -= gray.min()  # start from 0
    g = gray.astype(np.float64)
    gx = cv2.Sobel(g, cv2.CV_64F, 1, 0, ksize=3)[1:-1, 1:-1]
    gy = cv2.Sobel(g, cv2.CV_64F, 0, 1, ksize=3)[1:-1, 1:-1]
    return np.sqrt(gx ** 2 + gy ** 2)
""",
        },
        {
            "why": "squeezes the result, so a one-row result loses its row axis",
            "diagnosis": "should have shape (1, 3); yours has shape (3,)",
            "code": """\
def sobel_magnitude(gray):
    g = gray.astype(np.float64)
    gx = cv2.Sobel(g, cv2.CV_64F, 1, 0, ksize=3)[1:-1, 1:-1]
    gy = cv2.Sobel(g, cv2.CV_64F, 0, 1, ksize=3)[1:-1, 1:-1]
    return np.squeeze(np.sqrt(gx ** 2 + gy ** 2))
""",
        },
        {
            "why": "OpenCV's Sobel with the input's depth (ddepth=-1): uint8 results stop at 255",
            "diagnosis": "stopped it at 255",
            "code": """\
def sobel_magnitude(gray):
    gx = cv2.Sobel(gray, -1, 1, 0, ksize=3).astype(np.float64)
    gy = cv2.Sobel(gray, -1, 0, 1, ksize=3).astype(np.float64)
    return np.sqrt(gx ** 2 + gy ** 2)[1:-1, 1:-1]
""",
        },
    ],
    "q10_max_pool": [
        {
            "why": "average pooling instead of max pooling",
            "diagnosis": "you averaged each window",
            "code": """\
def max_pool(image, size=2, stride=None):
    if stride is None:
        stride = size
    out_h = (image.shape[0] - size) // stride + 1
    out_w = (image.shape[1] - size) // stride + 1
    out = np.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = image[i * stride:i * stride + size, j * stride:j * stride + size].mean()
    return out
""",
        },
        {
            "why": "the default stride is 1 instead of the window size",
            "diagnosis": "by default the stride equals the size",
            "code": """\
def max_pool(image, size=2, stride=None):
    if stride is None:
        stride = 1
    out_h = (image.shape[0] - size) // stride + 1
    out_w = (image.shape[1] - size) // stride + 1
    out = np.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = image[i * stride:i * stride + size, j * stride:j * stride + size].max()
    return out
""",
        },
        {
            "why": "keeps the incomplete windows at the right and bottom edges",
            "diagnosis": "they are dropped",
            "code": """\
def max_pool(image, size=2, stride=None):
    stride = stride or size
    rows = range(0, image.shape[0], stride)
    columns = range(0, image.shape[1], stride)
    out = np.zeros((len(rows), len(columns)), dtype=image.dtype)
    for i, r in enumerate(rows):
        for j, c in enumerate(columns):
            out[i, j] = image[r:r + size, c:c + size].max()
    return out
""",
        },
        {
            "why": "the output is float64 whatever the input",
            "diagnosis": "keep the input's dtype",
            "code": """\
def max_pool(image, size=2, stride=None):
    if stride is None:
        stride = size
    out_h = (image.shape[0] - size) // stride + 1
    out_w = (image.shape[1] - size) // stride + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = image[i * stride:i * stride + size, j * stride:j * stride + size].max()
    return out
""",
        },
        {
            "why": "starts each maximum from 0, wrong for negative values",
            "diagnosis": "not from 0",
            "code": """\
def max_pool(image, size=2, stride=None):
    if stride is None:
        stride = size
    out_h = (image.shape[0] - size) // stride + 1
    out_w = (image.shape[1] - size) // stride + 1
    out = np.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            best = 0
            for value in image[i * stride:i * stride + size, j * stride:j * stride + size].ravel():
                best = max(best, value)
            out[i, j] = best
    return out
""",
        },
        {
            "why": "the reshape trick, which needs sizes that divide evenly",
            "diagnosis": "reshape trick only works",
            "code": """\
def max_pool(image, size=2, stride=None):
    h, w = image.shape
    return image.reshape(h // size, size, w // size, size).max(axis=(1, 3))
""",
        },
        {
            "why": "H // stride windows, which keeps incomplete ones when they overlap",
            "diagnosis": "(H - size) // stride + 1 rows",
            "code": """\
def max_pool(image, size=2, stride=None):
    if stride is None:
        stride = size
    out = np.zeros((image.shape[0] // stride, image.shape[1] // stride), dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * stride:i * stride + size, j * stride:j * stride + size].max()
    return out
""",
        },
        {
            "why": "the default stride is 2 whatever the size",
            "diagnosis": "by default the stride is the size, 3",
            "code": """\
def max_pool(image, size=2, stride=None):
    if stride is None:
        stride = 2
    out_h = (image.shape[0] - size) // stride + 1
    out_w = (image.shape[1] - size) // stride + 1
    out = np.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = image[i * stride:i * stride + size, j * stride:j * stride + size].max()
    return out
""",
        },
        {
            "why": "a uint8 output whatever the input",
            "diagnosis": "should have dtype int16",
            "code": """\
def max_pool(image, size=2, stride=None):
    if stride is None:
        stride = size
    out_h = (image.shape[0] - size) // stride + 1
    out_w = (image.shape[1] - size) // stride + 1
    out = np.zeros((out_h, out_w), dtype=np.uint8)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = image[i * stride:i * stride + size, j * stride:j * stride + size].max()
    return out
""",
        },
        {
            "why": "SciPy's maximum_filter without picking the windows: one value per pixel",
            "diagnosis": "should be 2x2; yours is 4x4",
            "code": """\
from scipy.ndimage import maximum_filter

def max_pool(image, size=2, stride=None):
    return maximum_filter(image, size=size)
""",
        },
    ],
}
