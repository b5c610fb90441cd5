"""Common wrong answers to the exercises of 01_pixels, kept to prove the grader catches them.

Each ``code`` is the complete source of an answer cell, as a learner might write it.
``hidden_only`` marks a mistake that only the hidden tests of the notebook catch.
"""

CORRECT: dict[str, list[dict]] = {}

MISTAKES = {
    "q1_grayscale": [
        {
            "why": "plain average of the three channels",
            "code": """\
def to_grayscale(image):
    return np.round(image.mean(axis=2)).astype(np.uint8)
""",
        },
        {
            "why": "the weights in BGR order on an RGB image",
            "code": """\
def to_grayscale(image):
    weights = np.array([0.114, 0.587, 0.299])
    return np.round(image.astype(np.float64) @ weights).astype(np.uint8)
""",
        },
        {
            "why": "truncating instead of rounding",
            "code": """\
def to_grayscale(image):
    gray = 0.299 * image[:, :, 0] + 0.587 * image[:, :, 1] + 0.114 * image[:, :, 2]
    return gray.astype(np.uint8)
""",
        },
        {
            "why": "returns the float luminance, not rounded uint8",
            "code": """\
def to_grayscale(image):
    return 0.299 * image[:, :, 0] + 0.587 * image[:, :, 1] + 0.114 * image[:, :, 2]
""",
        },
        {
            "why": "keeps a channel axis of length 1",
            "code": """\
def to_grayscale(image):
    weights = np.array([[0.299], [0.587], [0.114]])
    return np.round(image @ weights).astype(np.uint8)
""",
        },
        {
            "why": "MATLAB's rounded weights 0.2989, 0.5870, 0.1140",
            "code": """\
def to_grayscale(image):
    weights = np.array([0.2989, 0.5870, 0.1140])
    return np.round(image.astype(np.float64) @ weights).astype(np.uint8)
""",
        },
    ],
    "q2_binary_threshold": [
        {
            "why": ">= instead of >: pixels equal to the threshold become white",
            "code": """\
def binarize(gray, threshold):
    return np.where(gray >= threshold, 255, 0).astype(np.uint8)
""",
        },
        {
            "why": "returns the boolean mask",
            "code": """\
def binarize(gray, threshold):
    return gray > threshold
""",
        },
        {
            "why": "white is 1 instead of 255",
            "code": """\
def binarize(gray, threshold):
    return (gray > threshold).astype(np.uint8)
""",
        },
        {
            "why": "inverted (THRESH_BINARY_INV)",
            "code": """\
def binarize(gray, threshold):
    return np.where(gray > threshold, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "the example's threshold hard-coded instead of the argument",
            "code": """\
def binarize(gray, threshold):
    return np.where(gray > 100, 255, 0).astype(np.uint8)
""",
        },
    ],
    "q3_center_crop": [
        {
            "why": "rows and columns swapped (x/y confusion)",
            "code": """\
def center_crop(image, height, width):
    top = (image.shape[0] - height) // 2
    left = (image.shape[1] - width) // 2
    return image[left:left + width, top:top + height]
""",
        },
        {
            "why": "crops the top-left corner",
            "code": """\
def center_crop(image, height, width):
    return image[:height, :width]
""",
        },
        {
            "why": "centre minus half the size: odd margins put the extra pixel above and left",
            "code": """\
def center_crop(image, height, width):
    top = image.shape[0] // 2 - height // 2
    left = image.shape[1] // 2 - width // 2
    return image[top:top + height, left:left + width]
""",
        },
    ],
    "q4_flip_rotate": [
        {
            "why": "flips the wrong axis (upside down instead of a mirror)",
            "code": """\
def flip_rotate(image, mirror, turns):
    if mirror:
        image = image[::-1]
    return np.rot90(image, -turns)
""",
        },
        {
            "why": "rotates counter-clockwise (np.rot90's direction)",
            "code": """\
def flip_rotate(image, mirror, turns):
    if mirror:
        image = image[:, ::-1]
    return np.rot90(image, turns)
""",
        },
        {
            "why": "rotates first, mirrors second",
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
            "code": """\
def flip_rotate(image, mirror, turns):
    if mirror:
        image = np.flip(image)
    return np.rot90(image, -turns)
""",
        },
        {
            "why": "rotation with .T, which also moves the colour channels",
            "code": """\
def flip_rotate(image, mirror, turns):
    if mirror:
        image = image[:, ::-1]
    for _ in range(turns % 4):
        image = image[::-1].T
    return image
""",
        },
    ],
    "q5_resize_keep_aspect": [
        {
            "why": "truncates with int() instead of rounding",
            "code": """\
def fit_size(height, width, longest):
    factor = longest / max(height, width)
    return max(1, int(height * factor)), max(1, int(width * factor))
""",
        },
        {
            "why": "returns (width, height), cv2.resize's order",
            "code": """\
def fit_size(height, width, longest):
    factor = longest / max(height, width)
    return max(1, round(width * factor)), max(1, round(height * factor))
""",
        },
        {
            "why": "assumes the width is the longest side",
            "code": """\
def fit_size(height, width, longest):
    factor = longest / width
    return max(1, round(height * factor)), longest
""",
        },
        {
            "why": "forgets that a side needs at least one pixel",
            "code": """\
def fit_size(height, width, longest):
    factor = longest / max(height, width)
    return round(height * factor), round(width * factor)
""",
        },
        {
            "why": "returns floats",
            "code": """\
def fit_size(height, width, longest):
    factor = longest / max(height, width)
    return height * factor, width * factor
""",
        },
    ],
    "q6_brightness_contrast": [
        {
            "why": "uint8 arithmetic wraps around before the clip",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    return np.clip(alpha * image + beta, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "truncates instead of rounding",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    result = alpha * image.astype(np.float64) + beta
    return np.clip(result, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "cv2.convertScaleAbs takes the absolute value of negative results",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    return cv2.convertScaleAbs(image, alpha=alpha, beta=beta)
""",
        },
        {
            "why": "rounds halves up with np.floor(x + 0.5) instead of np.round (half to even)",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    result = np.floor(alpha * image.astype(np.float64) + beta + 0.5)
    return np.clip(result, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "rounds alpha x value and beta separately",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    result = np.round(alpha * image.astype(np.float64)) + np.round(beta)
    return np.clip(result, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "returns floats",
            "code": """\
def adjust_brightness_contrast(image, alpha, beta):
    return np.clip(np.round(alpha * image.astype(np.float64) + beta), 0, 255)
""",
        },
    ],
    "q7_output_size": [
        {
            "why": "forgets the + 1",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    return (n + 2 * padding - kernel_size) // stride
""",
        },
        {
            "why": "counts the padding at one end only",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    return (n + padding - kernel_size) // stride + 1
""",
        },
        {
            "why": "true division gives a float",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    return (n + 2 * padding - kernel_size) / stride + 1
""",
        },
        {
            "why": "rounds the division up (keeps a window that sticks out)",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    return int(np.ceil((n + 2 * padding - kernel_size) / stride)) + 1
""",
        },
        {
            "why": "ignores the stride",
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    return n + 2 * padding - kernel_size + 1
""",
        },
        {
            "why": "hard-codes the answers of the visible check",
            "hidden_only": True,
            "code": """\
def conv_output_size(n, kernel_size, stride=1, padding=0):
    known = {(5, 3, 1, 0): 3, (5, 3, 2, 0): 2, (5, 3, 1, 1): 5, (7, 3, 2, 1): 4,
             (6, 3, 2, 0): 2, (32, 5, 1, 2): 32, (224, 7, 2, 3): 112, (4, 2, 2, 0): 2}
    return known[(n, kernel_size, stride, padding)]
""",
        },
    ],
    "q8_conv2d": [
        {
            "why": "flips the kernel: true convolution instead of cross-correlation",
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
    ],
    "q9_sobel_edges": [
        {
            "why": "only the horizontal gradient gx",
            "code": """\
def sobel_magnitude(gray):
    g = gray.astype(np.float64)
    gx = (g[:-2, 2:] + 2 * g[1:-1, 2:] + g[2:, 2:]) - (g[:-2, :-2] + 2 * g[1:-1, :-2] + g[2:, :-2])
    return np.abs(gx)
""",
        },
        {
            "why": "|gx| + |gy| instead of the Euclidean magnitude",
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
            "code": """\
def sobel_magnitude(gray):
    g = gray.astype(np.float64)
    gx = cv2.Sobel(g, cv2.CV_64F, 1, 0, ksize=3)
    gy = cv2.Sobel(g, cv2.CV_64F, 0, 1, ksize=3)
    return np.sqrt(gx**2 + gy**2)
""",
        },
    ],
    "q10_max_pool": [
        {
            "why": "average pooling instead of max pooling",
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
            "code": """\
def max_pool(image, size=2, stride=None):
    h, w = image.shape
    return image.reshape(h // size, size, w // size, size).max(axis=(1, 3))
""",
        },
    ],
}
