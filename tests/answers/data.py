"""Recorded answers to the exercises of 02_data, right and wrong.

``CORRECT``: answers written another way than the reference (other library calls,
other idioms, extra prints); each must be told "Correct" and earn full marks.
``MISTAKES``: common wrong answers; each must be told "Incorrect" with a message
that contains its ``diagnosis`` (case ignored), and lose its exercise's points.
Each ``code`` is the complete source of an answer cell, as a learner might write it
(it runs with only the lesson's imports: np, pd, cv2, tf, keras, Path, Image, ...).
"""

CORRECT = {
    "q1_class_balance": [
        {
            "how": "a loop over the labels, returning Python lists, with a debug print",
            "code": """\
def class_balance(labels, n_classes):
    counts = [0] * n_classes
    for label in labels:
        counts[label] += 1
    shares = [count / len(labels) for count in counts]
    print("counts:", counts)
    return counts, shares
""",
        },
        {
            "how": "collections.Counter read class by class (absent classes give 0)",
            "code": """\
from collections import Counter

def class_balance(labels, n_classes):
    seen = Counter(int(label) for label in labels)
    counts = np.array([seen[k] for k in range(n_classes)])
    return counts, counts / counts.sum()
""",
        },
        {
            "how": "pandas value_counts reindexed on every class, returned as Series",
            "code": """\
def class_balance(labels, n_classes):
    counts = pd.Series(labels).value_counts().reindex(range(n_classes), fill_value=0)
    return counts, counts / len(labels)
""",
        },
        {
            "how": "np.histogram with one bin per class, returned as a list",
            "code": """\
def class_balance(labels, n_classes):
    counts, _ = np.histogram(labels, bins=np.arange(n_classes + 1))
    return [counts, counts / len(labels)]
""",
        },
    ],
    "q2_file_status": [
        {
            "how": "no with-block (a harmless ResourceWarning for the files left open)",
            "code": """\
def file_status(path):
    if Path(path).stat().st_size == 0:
        return "empty"
    try:
        img = Image.open(path)
        img.load()
    except UnidentifiedImageError:
        return "not an image"
    except OSError:
        return "truncated"
    return "ok"
""",
        },
        {
            "how": "os.path.getsize, np.asarray(img.convert(...)) and except Exception",
            "code": """\
import os

def file_status(path):
    if os.path.getsize(path) == 0:
        return "empty"
    try:
        with Image.open(path) as img:
            pixels = np.asarray(img.convert("RGB"))
    except UnidentifiedImageError:
        return "not an image"
    except Exception:
        return "truncated"
    return "ok"
""",
        },
        {
            "how": "img.verify(), then the file opened again for img.load()",
            "code": """\
def file_status(path):
    path = Path(path)
    if path.stat().st_size == 0:
        return "empty"
    try:
        with Image.open(path) as img:
            img.verify()
        with Image.open(path) as img:
            img.load()
    except UnidentifiedImageError:
        return "not an image"
    except (OSError, SyntaxError):
        return "truncated"
    return "ok"
""",
        },
        {
            "how": "the size looked at only when PIL cannot identify the file",
            "code": """\
def file_status(path):
    path = Path(path)
    try:
        with Image.open(path) as img:
            img.load()
    except UnidentifiedImageError:
        return "empty" if path.stat().st_size == 0 else "not an image"
    except OSError:
        return "truncated"
    return "ok"
""",
        },
    ],
    "q3_aspect_stats": [
        {
            "how": "a loop with if / elif / else and a running total",
            "code": """\
def aspect_stats(sizes):
    total, kinds = 0.0, {"landscape": 0, "portrait": 0, "square": 0}
    for height, width in sizes:
        total += width / height
        if width > height:
            kinds["landscape"] += 1
        elif width < height:
            kinds["portrait"] += 1
        else:
            kinds["square"] += 1
    return {"mean": total / len(sizes), **kinds}
""",
        },
        {
            "how": "a NumPy array of the sizes; NumPy numbers left as they are",
            "code": """\
def aspect_stats(sizes):
    sizes = np.array(sizes)
    aspects = sizes[:, 1] / sizes[:, 0]
    return {"mean": aspects.mean(), "landscape": (aspects > 1).sum(),
            "portrait": (aspects < 1).sum(), "square": (aspects == 1).sum()}
""",
        },
        {
            "how": "pandas, comparing the sides instead of the ratio",
            "code": """\
def aspect_stats(sizes):
    frame = pd.DataFrame(sizes, columns=["height", "width"])
    return {
        "mean": float((frame["width"] / frame["height"]).mean()),
        "landscape": int((frame["width"] > frame["height"]).sum()),
        "portrait": int((frame["width"] < frame["height"]).sum()),
        "square": int((frame["width"] == frame["height"]).sum()),
    }
""",
        },
    ],
    "q4_standardise": [
        {
            "how": "computed in float32 from the start",
            "code": """\
def standardise(train_images, images):
    train = train_images.astype(np.float32)
    mean, std = train.mean(axis=(0, 1, 2)), train.std(axis=(0, 1, 2))
    return (images.astype(np.float32) - mean) / std
""",
        },
        {
            "how": "the pixels as rows of 3 channels, np.float32(...), a debug print",
            "code": """\
def standardise(train_images, images):
    pixels = train_images.reshape(-1, 3)
    mean, std = pixels.mean(axis=0), pixels.std(axis=0)
    print("mean", mean, "std", std)
    return np.float32((images - mean) / std)
""",
        },
        {
            "how": "scikit-learn's StandardScaler on the pixels as rows of 3 channels",
            "code": """\
from sklearn.preprocessing import StandardScaler

def standardise(train_images, images):
    scaler = StandardScaler().fit(train_images.reshape(-1, 3))
    flat = scaler.transform(images.reshape(-1, 3))
    return flat.reshape(images.shape).astype(np.float32)
""",
        },
        {
            "how": "np.mean / np.std with keepdims and a float64 accumulator",
            "code": """\
def standardise(train_images, images):
    mean = np.mean(train_images, axis=(0, 1, 2), keepdims=True, dtype=np.float64)
    std = np.std(train_images, axis=(0, 1, 2), keepdims=True, dtype=np.float64)
    return np.divide(np.subtract(images, mean), std).astype(np.float32)
""",
        },
    ],
    "q5_random_flip_shift": [
        {
            "how": "np.fliplr, dy and dx in one call with size=2 (the same numbers)",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = np.fliplr(image)
    dy, dx = rng.integers(-max_shift, max_shift + 1, size=2)
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "how": "rng.integers(2 * max_shift + 1) - max_shift and endpoint=True",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    mirror = rng.random() < 0.5
    dy = rng.integers(2 * max_shift + 1) - max_shift
    dx = rng.integers(-max_shift, max_shift, endpoint=True)
    if mirror:
        image = np.flip(image, axis=1)
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "how": "scipy.ndimage.shift with order=0 and rng.choice of the shifts",
            "code": """\
from scipy import ndimage

def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = image[:, ::-1]
    dy = rng.choice(np.arange(-max_shift, max_shift + 1))
    dx = rng.choice(np.arange(-max_shift, max_shift + 1))
    return ndimage.shift(image, (dy, dx) + (0,) * (image.ndim - 2), order=0, cval=0)
""",
        },
        {
            "how": "a weighted rng.choice for the flip; cv2.flip and cv2.warpAffine",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.choice([True, False], p=[0.5, 0.5]):  # the same draw as rng.random() < 0.5
        image = cv2.flip(image, 1)
    dy = int(rng.integers(-max_shift, max_shift + 1))
    dx = int(rng.integers(-max_shift, max_shift + 1))
    h, w = image.shape[:2]
    move = np.float32([[1, 0, dx], [0, 1, dy]])
    return cv2.warpAffine(image, move, (w, h), flags=cv2.INTER_NEAREST,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=0)
""",
        },
        {
            "how": "np.roll, then the wrapped rows and columns set to 0",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = image[:, ::-1]
    dy = rng.integers(-max_shift, max_shift + 1)
    dx = rng.integers(-max_shift, max_shift + 1)
    out = np.roll(image, (dy, dx), axis=(0, 1))
    if dy > 0:
        out[:dy] = 0
    elif dy < 0:
        out[dy:] = 0
    if dx > 0:
        out[:, :dx] = 0
    elif dx < 0:
        out[:, dx:] = 0
    return out
""",
        },
    ],
    "q6_random_brightness": [
        {
            "how": "delta rounded first, int16 arithmetic",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.uniform(-max_delta, max_delta)
    return np.clip(image.astype(np.int16) + np.round(delta), 0, 255).astype(np.uint8)
""",
        },
        {
            "how": "rng.random() scaled to -max_delta..max_delta (the same number), float32",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = (rng.random() * 2 - 1) * max_delta
    brighter = image.astype(np.float32) + delta
    return np.rint(np.clip(brighter, 0, 255)).astype(np.uint8)
""",
        },
        {
            "how": "cv2.add, which saturates and rounds, with a print",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.uniform(-max_delta, max_delta)
    print(f"brightness {delta:+.1f}")
    return cv2.add(image, delta)
""",
        },
    ],
    "q7_make_pipeline": [
        {
            "how": "map after batch with convert_image_dtype; prefetch(2); reshuffle stated",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(buffer_size=len(images), seed=seed, reshuffle_each_iteration=True)
    ds = ds.batch(batch_size).map(lambda x, y: (tf.image.convert_image_dtype(x, tf.float32), y))
    return ds.prefetch(2)
""",
        },
        {
            "how": "a Rescaling layer, .cache() before the shuffle, parallel map",
            "code": """\
rescale = keras.layers.Rescaling(1 / 255)

def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels)).cache()
    if training:
        ds = ds.shuffle(len(labels), seed=seed)
    ds = ds.batch(batch_size)
    ds = ds.map(lambda x, y: (rescale(x), y), num_parallel_calls=tf.data.AUTOTUNE)
    return ds.prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "how": "shuffled and scaled with NumPy before building the dataset",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    x, y = images.astype(np.float32) / 255.0, labels
    if training:
        order = np.random.default_rng(seed).permutation(len(x))
        x, y = x[order], y[order]
    return tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "how": "a fixed buffer larger than any data set here; x / 255",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(10_000, seed=seed)
    ds = ds.map(lambda x, y: (x / 255, y))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
    ],
}

MISTAKES = {
    "q1_class_balance": [
        {
            "why": "np.bincount without minlength: classes after the largest label vanish",
            "diagnosis": "stops at the largest label present",
            "code": """\
def class_balance(labels, n_classes):
    counts = np.bincount(labels)
    return counts, counts / counts.sum()
""",
        },
        {
            "why": "shares divided by the number of classes instead of the number of labels",
            "diagnosis": "you divided by the number of classes",
            "code": """\
def class_balance(labels, n_classes):
    counts = np.bincount(labels, minlength=n_classes)
    return counts, counts / n_classes
""",
        },
        {
            "why": "np.unique counts only the classes that appear",
            "diagnosis": "list only the classes that appear",
            "code": """\
def class_balance(labels, n_classes):
    _, counts = np.unique(labels, return_counts=True)
    return counts, counts / len(labels)
""",
        },
        {
            "why": "np.unique padded with zeros at the end: an empty class in the middle is lost",
            "diagnosis": "right numbers in the wrong places",
            "code": """\
def class_balance(labels, n_classes):
    _, counts = np.unique(labels, return_counts=True)
    counts = np.pad(counts, (0, n_classes - len(counts)))
    return counts, counts / len(labels)
""",
        },
        {
            "why": "counts in a float array (np.zeros without dtype)",
            "diagnosis": "integer array",
            "code": """\
def class_balance(labels, n_classes):
    counts = np.zeros(n_classes)
    for label in labels:
        counts[label] += 1
    return counts, counts / len(labels)
""",
        },
        {
            "why": "counts in uint8: they wrap around past 255 on a realistic data set",
            "diagnosis": "wrapped around",
            "code": """\
def class_balance(labels, n_classes):
    counts = np.zeros(n_classes, dtype=np.uint8)
    np.add.at(counts, np.asarray(labels), 1)
    return counts, counts / len(labels)
""",
        },
        {
            "why": "shares as percentages",
            "diagnosis": "percentages",
            "code": """\
def class_balance(labels, n_classes):
    counts = np.bincount(labels, minlength=n_classes)
    return counts, 100 * counts / len(labels)
""",
        },
        {
            "why": "shares relative to the largest class",
            "diagnosis": "divided by the largest count",
            "code": """\
def class_balance(labels, n_classes):
    counts = np.bincount(labels, minlength=n_classes)
    return counts, counts / counts.max()
""",
        },
        {
            "why": "one class too many (minlength=n_classes + 1)",
            "diagnosis": "should have shape (5,)",
            "code": """\
def class_balance(labels, n_classes):
    counts = np.bincount(labels, minlength=n_classes + 1)
    return counts, counts / len(labels)
""",
        },
        {
            "why": "returns only the counts",
            "diagnosis": "return counts, shares",
            "code": """\
def class_balance(labels, n_classes):
    return np.bincount(labels, minlength=n_classes)
""",
        },
        {
            "why": "returns the Counter itself for the counts",
            "diagnosis": "1-D array of numbers",
            "code": """\
from collections import Counter

def class_balance(labels, n_classes):
    counts = Counter(labels)
    return counts, {k: v / len(labels) for k, v in counts.items()}
""",
        },
    ],
    "q2_file_status": [
        {
            "why": "Image.open alone is lazy: a truncated file looks fine",
            "diagnosis": "Image.open is lazy",
            "code": """\
def file_status(path):
    path = Path(path)
    if path.stat().st_size == 0:
        return "empty"
    try:
        Image.open(path)
    except UnidentifiedImageError:
        return "not an image"
    except OSError:
        return "truncated"
    return "ok"
""",
        },
        {
            "why": "no size check: an empty file is reported as 'not an image'",
            "diagnosis": "check the size first",
            "code": """\
def file_status(path):
    try:
        with Image.open(path) as img:
            img.load()
    except UnidentifiedImageError:
        return "not an image"
    except OSError:
        return "truncated"
    return "ok"
""",
        },
        {
            "why": "except OSError first: it also catches UnidentifiedImageError",
            "diagnosis": "before `except OSError`",
            "code": """\
def file_status(path):
    if Path(path).stat().st_size == 0:
        return "empty"
    try:
        with Image.open(path) as img:
            img.load()
    except OSError:
        return "truncated"
    except UnidentifiedImageError:
        return "not an image"
    return "ok"
""",
        },
        {
            "why": "img.load without parentheses: the pixels are never decoded",
            "diagnosis": "with its parentheses",
            "code": """\
def file_status(path):
    if Path(path).stat().st_size == 0:
        return "empty"
    try:
        with Image.open(path) as img:
            img.load
    except UnidentifiedImageError:
        return "not an image"
    except OSError:
        return "truncated"
    return "ok"
""",
        },
        {
            "why": "img.verify() instead of img.load(): a truncated JPEG passes",
            "diagnosis": "img.verify() does not decode the pixels",
            "code": """\
def file_status(path):
    if Path(path).stat().st_size == 0:
        return "empty"
    try:
        with Image.open(path) as img:
            img.verify()
    except UnidentifiedImageError:
        return "not an image"
    except OSError:
        return "truncated"
    return "ok"
""",
        },
        {
            "why": "img.load() after img.verify() on the same image raises AssertionError",
            "diagnosis": "open the file again",
            "code": """\
def file_status(path):
    if Path(path).stat().st_size == 0:
        return "empty"
    try:
        with Image.open(path) as img:
            img.verify()
            img.load()
    except UnidentifiedImageError:
        return "not an image"
    except OSError:
        return "truncated"
    return "ok"
""",
        },
        {
            "why": "ImageFile.LOAD_TRUNCATED_IMAGES set (the usual web fix for its OSError)",
            "diagnosis": "LOAD_TRUNCATED_IMAGES",
            "code": """\
from PIL import ImageFile

def file_status(path):
    if Path(path).stat().st_size == 0:
        return "empty"
    ImageFile.LOAD_TRUNCATED_IMAGES = True  # so that broken files do not crash
    try:
        with Image.open(path) as img:
            img.load()
    except UnidentifiedImageError:
        return "not an image"
    except OSError:
        return "truncated"
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = False
    return "ok"
""",
        },
        {
            "why": "the OSError of img.load() is caught and ignored",
            "diagnosis": "caught and then ignored",
            "code": """\
def file_status(path):
    if Path(path).stat().st_size == 0:
        return "empty"
    try:
        img = Image.open(path)
    except UnidentifiedImageError:
        return "not an image"
    except OSError:
        return "truncated"
    try:
        img.load()
    except OSError:
        pass
    return "ok"
""",
        },
        {
            "why": "every OSError reported as 'not an image'",
            "diagnosis": "not UnidentifiedImageError",
            "code": """\
def file_status(path):
    if Path(path).stat().st_size == 0:
        return "empty"
    try:
        with Image.open(path) as img:
            img.load()
    except (UnidentifiedImageError, OSError):
        return "not an image"
    return "ok"
""",
        },
        {
            "why": "catches ValueError instead of OSError: the truncated file raises",
            "diagnosis": "file_status raised OSError",
            "code": """\
def file_status(path):
    if Path(path).stat().st_size == 0:
        return "empty"
    try:
        with Image.open(path) as img:
            img.load()
    except UnidentifiedImageError:
        return "not an image"
    except ValueError:
        return "truncated"
    return "ok"
""",
        },
        {
            "why": "path.stat() on a str path",
            "diagnosis": "Accept a str too",
            "code": """\
def file_status(path):
    try:
        with Image.open(path) as img:
            img.load()
    except UnidentifiedImageError:
        return "empty" if path.stat().st_size == 0 else "not an image"
    except OSError:
        return "truncated"
    return "ok"
""",
        },
        {
            "why": "no return at the end: a good image gives None",
            "diagnosis": "should return a str",
            "code": """\
def file_status(path):
    if Path(path).stat().st_size == 0:
        return "empty"
    try:
        with Image.open(path) as img:
            img.load()
    except UnidentifiedImageError:
        return "not an image"
    except OSError:
        return "truncated"
""",
        },
        {
            "why": "another spelling of the answers",
            "diagnosis": "the four answers are",
            "code": """\
def file_status(path):
    if Path(path).stat().st_size == 0:
        return "empty"
    try:
        with Image.open(path) as img:
            img.load()
    except UnidentifiedImageError:
        return "not_an_image"
    except OSError:
        return "truncated"
    return "ok"
""",
        },
    ],
    "q3_aspect_stats": [
        {
            "why": "sizes unpacked as (width, height): the aspect ratio is inverted",
            "diagnosis": "you computed height / width",
            "code": """\
def aspect_stats(sizes):
    aspects = np.array([w / h for w, h in sizes])
    return {"mean": float(aspects.mean()), "landscape": int(np.sum(aspects > 1)),
            "portrait": int(np.sum(aspects < 1)), "square": int(np.sum(aspects == 1))}
""",
        },
        {
            "why": "integer division",
            "diagnosis": "integer division",
            "code": """\
def aspect_stats(sizes):
    aspects = np.array([w // h for h, w in sizes])
    return {"mean": float(aspects.mean()), "landscape": int(np.sum(aspects > 1)),
            "portrait": int(np.sum(aspects < 1)), "square": int(np.sum(aspects == 1))}
""",
        },
        {
            "why": "squares counted as landscape (>= instead of >)",
            "diagnosis": "counted as landscape too",
            "code": """\
def aspect_stats(sizes):
    aspects = np.array([w / h for h, w in sizes])
    return {"mean": float(aspects.mean()), "landscape": int(np.sum(aspects >= 1)),
            "portrait": int(np.sum(aspects < 1)), "square": int(np.sum(aspects == 1))}
""",
        },
        {
            "why": "the mean width divided by the mean height",
            "diagnosis": "mean width by the mean height",
            "code": """\
def aspect_stats(sizes):
    sizes = np.array(sizes)
    aspects = sizes[:, 1] / sizes[:, 0]
    return {"mean": float(sizes[:, 1].mean() / sizes[:, 0].mean()),
            "landscape": int((aspects > 1).sum()), "portrait": int((aspects < 1).sum()),
            "square": int((aspects == 1).sum())}
""",
        },
        {
            "why": "the median instead of the mean",
            "diagnosis": "median",
            "code": """\
def aspect_stats(sizes):
    aspects = np.array([w / h for h, w in sizes])
    return {"mean": float(np.median(aspects)), "landscape": int(np.sum(aspects > 1)),
            "portrait": int(np.sum(aspects < 1)), "square": int(np.sum(aspects == 1))}
""",
        },
        {
            "why": "the mean rounded to 2 decimals",
            "diagnosis": "the mean aspect ratio (width / height)",
            "code": """\
def aspect_stats(sizes):
    aspects = np.array([w / h for h, w in sizes])
    return {"mean": round(float(aspects.mean()), 2), "landscape": int(np.sum(aspects > 1)),
            "portrait": int(np.sum(aspects < 1)), "square": int(np.sum(aspects == 1))}
""",
        },
        {
            "why": "landscape and portrait the wrong way round",
            "diagnosis": "the number of landscape images",
            "code": """\
def aspect_stats(sizes):
    aspects = np.array([w / h for h, w in sizes])
    return {"mean": float(aspects.mean()), "landscape": int(np.sum(aspects < 1)),
            "portrait": int(np.sum(aspects > 1)), "square": int(np.sum(aspects == 1))}
""",
        },
        {
            "why": "counts as floats",
            "diagnosis": "should be an int",
            "code": """\
def aspect_stats(sizes):
    aspects = np.array([w / h for h, w in sizes])
    return {"mean": aspects.mean(), "landscape": np.where(aspects > 1, 1.0, 0.0).sum(),
            "portrait": np.where(aspects < 1, 1.0, 0.0).sum(),
            "square": np.where(aspects == 1, 1.0, 0.0).sum()}
""",
        },
        {
            "why": "an extra key",
            "diagnosis": "exactly the keys",
            "code": """\
def aspect_stats(sizes):
    aspects = np.array([w / h for h, w in sizes])
    return {"mean": float(aspects.mean()), "landscape": int(np.sum(aspects > 1)),
            "portrait": int(np.sum(aspects < 1)), "square": int(np.sum(aspects == 1)),
            "count": len(aspects)}
""",
        },
        {
            "why": "the kinds counted with a Counter: a kind without images has no key",
            "diagnosis": "a kind without images still has its count",
            "code": """\
from collections import Counter

def aspect_stats(sizes):
    kinds = Counter("landscape" if w > h else "portrait" if w < h else "square"
                    for h, w in sizes)
    return {"mean": float(np.mean([w / h for h, w in sizes])), **kinds}
""",
        },
        {
            "why": "a pandas Series instead of a dict",
            "diagnosis": "should return a dict",
            "code": """\
def aspect_stats(sizes):
    aspects = pd.Series([w / h for h, w in sizes])
    return pd.Series({"mean": aspects.mean(), "landscape": int((aspects > 1).sum()),
                      "portrait": int((aspects < 1).sum()), "square": int((aspects == 1).sum())})
""",
        },
        {
            "why": "np.squeeze on the sizes: one image becomes a 1-D array",
            "diagnosis": "IndexError",
            "code": """\
def aspect_stats(sizes):
    sizes = np.array(sizes).squeeze()
    aspects = sizes[:, 1] / sizes[:, 0]
    return {"mean": float(aspects.mean()), "landscape": int((aspects > 1).sum()),
            "portrait": int((aspects < 1).sum()), "square": int((aspects == 1).sum())}
""",
        },
    ],
    "q4_standardise": [
        {
            "why": "statistics of the images being transformed (the validation statistics)",
            "diagnosis": "their own mean and standard deviation",
            "code": """\
def standardise(train_images, images):
    mean = images.mean(axis=(0, 1, 2))
    std = images.std(axis=(0, 1, 2))
    return ((images - mean) / std).astype(np.float32)
""",
        },
        {
            "why": "per-pixel statistics (axis=0) instead of per channel",
            "diagnosis": "per pixel position",
            "code": """\
def standardise(train_images, images):
    mean = train_images.mean(axis=0)
    std = train_images.std(axis=0)
    return ((images - mean) / std).astype(np.float32)
""",
        },
        {
            "why": "one mean and standard deviation over all channels",
            "diagnosis": "a single mean and standard deviation",
            "code": """\
def standardise(train_images, images):
    return ((images - train_images.mean()) / train_images.std()).astype(np.float32)
""",
        },
        {
            "why": "pandas' .std(), the sample standard deviation (ddof=1)",
            "diagnosis": "sample standard deviation",
            "code": """\
def standardise(train_images, images):
    pixels = pd.DataFrame(train_images.reshape(-1, 3).astype(float))
    mean, std = pixels.mean().to_numpy(), pixels.std().to_numpy()
    return ((images - mean) / std).astype(np.float32)
""",
        },
        {
            "why": "the variance as mean(x ** 2) - mean ** 2 in uint8: the squares wrap around",
            "diagnosis": "wraps around above 255",
            "code": """\
def standardise(train_images, images):
    mean = train_images.mean(axis=(0, 1, 2))
    variance = (train_images ** 2).mean(axis=(0, 1, 2)) - mean ** 2
    return ((images - mean) / np.sqrt(variance)).astype(np.float32)
""",
        },
        {
            "why": "astype(int) first: float images in 0..1 become 0",
            "diagnosis": "converting to an integer type",
            "code": """\
def standardise(train_images, images):
    train = train_images.astype(int)
    mean, std = train.mean(axis=(0, 1, 2)), train.std(axis=(0, 1, 2))
    return ((images.astype(int) - mean) / std).astype(np.float32)
""",
        },
        {
            "why": "float images changed in place",
            "diagnosis": "changed the array it was given",
            "code": """\
def standardise(train_images, images):
    mean, std = train_images.mean(axis=(0, 1, 2)), train_images.std(axis=(0, 1, 2))
    if images.dtype.kind == "f":
        images -= mean
        images /= std
        return images.astype(np.float32)
    return ((images - mean) / std).astype(np.float32)
""",
        },
        {
            "why": "float64 result",
            "diagnosis": "dtype float32",
            "code": """\
def standardise(train_images, images):
    mean, std = train_images.mean(axis=(0, 1, 2)), train_images.std(axis=(0, 1, 2))
    return (images - mean) / std
""",
        },
        {
            "why": "the statistics rounded to whole pixel levels",
            "diagnosis": "Rounding, or converting",
            "code": """\
def standardise(train_images, images):
    mean = np.round(train_images.mean(axis=(0, 1, 2)))
    std = np.round(train_images.std(axis=(0, 1, 2)))
    return ((images - mean) / std).astype(np.float32)
""",
        },
        {
            "why": "returns the statistics with the images",
            "diagnosis": "should be a NumPy array",
            "code": """\
def standardise(train_images, images):
    mean, std = train_images.mean(axis=(0, 1, 2)), train_images.std(axis=(0, 1, 2))
    return ((images - mean) / std).astype(np.float32), mean, std
""",
        },
    ],
    "q5_random_flip_shift": [
        {
            "why": "np.roll wraps the pixels around instead of bringing in zeros",
            "diagnosis": "np.roll wraps around",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = image[:, ::-1]
    dy = rng.integers(-max_shift, max_shift + 1)
    dx = rng.integers(-max_shift, max_shift + 1)
    return np.roll(image, (dy, dx), axis=(0, 1))
""",
        },
        {
            "why": "shifts in the opposite direction",
            "diagnosis": "you shifted the wrong way",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = image[:, ::-1]
    dy = rng.integers(-max_shift, max_shift + 1)
    dx = rng.integers(-max_shift, max_shift + 1)
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)] = \\
        image[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)]
    return out
""",
        },
        {
            "why": "flips upside down instead of left-right",
            "diagnosis": "upside down",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = image[::-1]
    dy = rng.integers(-max_shift, max_shift + 1)
    dx = rng.integers(-max_shift, max_shift + 1)
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "why": "mirrors when the draw is above 0.5",
            "diagnosis": "yours does the opposite",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() > 0.5:
        image = image[:, ::-1]
    dy = rng.integers(-max_shift, max_shift + 1)
    dx = rng.integers(-max_shift, max_shift + 1)
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "why": "dx drawn before dy (the draw order, not the axes, is wrong)",
            "diagnosis": "check the order of your two draws",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = image[:, ::-1]
    dx = rng.integers(-max_shift, max_shift + 1)
    dy = rng.integers(-max_shift, max_shift + 1)
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "why": "the flip drawn with rng.integers(0, 2): one call of the wrong function",
            "diagnosis": "draw the mirror with rng.random()",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.integers(0, 2) == 1:
        image = image[:, ::-1]
    dy = rng.integers(-max_shift, max_shift + 1)
    dx = rng.integers(-max_shift, max_shift + 1)
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "why": "the shifts drawn before the flip",
            "diagnosis": "draw the flip first",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    dy = rng.integers(-max_shift, max_shift + 1)
    dx = rng.integers(-max_shift, max_shift + 1)
    if rng.random() < 0.5:
        image = image[:, ::-1]
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "why": "rng.integers(-max_shift, max_shift): the upper bound is excluded",
            "diagnosis": "upper bound of rng.integers is excluded",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = image[:, ::-1]
    dy = rng.integers(-max_shift, max_shift)
    dx = rng.integers(-max_shift, max_shift)
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "why": "one draw used for both shifts",
            "diagnosis": "yours drew: rng.random(), rng.integers(-2, 3).",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = image[:, ::-1]
    dy = dx = rng.integers(-max_shift, max_shift + 1)
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "why": "np.random instead of the rng it is given",
            "diagnosis": "never drew from rng",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if np.random.random() < 0.5:
        image = image[:, ::-1]
    dy = np.random.randint(-max_shift, max_shift + 1)
    dx = np.random.randint(-max_shift, max_shift + 1)
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "why": "rng.integers(0, 2 * max_shift + 1) without subtracting max_shift",
            "diagnosis": "your shifts were 2 and 2",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = image[:, ::-1]
    dy = rng.integers(0, 2 * max_shift + 1)
    dx = rng.integers(0, 2 * max_shift + 1)
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "why": "dx drawn but never used: only the rows move",
            "diagnosis": "has wrong values",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = image[:, ::-1]
    dy = rng.integers(-max_shift, max_shift + 1)
    dx = rng.integers(-max_shift, max_shift + 1)
    out = np.zeros_like(image)
    h = image.shape[0]
    out[max(dy, 0):h + min(dy, 0)] = image[max(-dy, 0):h - max(dy, 0)]
    return out
""",
        },
        {
            "why": "the mirror written into the image it was given",
            "diagnosis": "changed the array it was given",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image[:] = image[:, ::-1]
    dy = rng.integers(-max_shift, max_shift + 1)
    dx = rng.integers(-max_shift, max_shift + 1)
    h, w = image.shape[:2]
    out = np.zeros_like(image)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "why": "a float64 result (np.zeros(image.shape))",
            "diagnosis": "keep the dtype of the image",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = image[:, ::-1]
    dy = rng.integers(-max_shift, max_shift + 1)
    dx = rng.integers(-max_shift, max_shift + 1)
    h, w = image.shape[:2]
    out = np.zeros(image.shape)
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \\
        image[max(-dy, 0):h - max(dy, 0), max(-dx, 0):w - max(dx, 0)]
    return out
""",
        },
        {
            "why": "slices that end at -dy: a shift of 0 gives an empty slice",
            "diagnosis": "your function raised ValueError",
            "code": """\
def random_flip_shift(image, rng, max_shift):
    if rng.random() < 0.5:
        image = image[:, ::-1]
    dy = rng.integers(-max_shift, max_shift + 1)
    dx = rng.integers(-max_shift, max_shift + 1)
    out = np.zeros_like(image)
    out[dy:, dx:] = image[:-dy, :-dx]
    return out
""",
        },
    ],
    "q6_random_brightness": [
        {
            "why": "no clipping: values past 255 wrap around when cast to uint8",
            "diagnosis": "clip to 0..255",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.uniform(-max_delta, max_delta)
    return np.round(image + delta).astype(np.uint8)
""",
        },
        {
            "why": "truncates instead of rounding",
            "diagnosis": "truncated instead of rounding",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.uniform(-max_delta, max_delta)
    return np.clip(image + delta, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "a different delta for every pixel (noise, not brightness)",
            "diagnosis": "a different change for every pixel",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.uniform(-max_delta, max_delta, size=image.shape)
    return np.round(np.clip(image + delta, 0, 255)).astype(np.uint8)
""",
        },
        {
            "why": "a whole-number delta from rng.integers: one call of the wrong function",
            "diagnosis": "rng.integers gives whole numbers",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.integers(-max_delta, max_delta + 1)
    return np.clip(image.astype(int) + delta, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "a second draw in a debug print",
            "diagnosis": "draw delta once",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.uniform(-max_delta, max_delta)
    print("a brightness change:", rng.uniform(-max_delta, max_delta))
    return np.round(np.clip(image + delta, 0, 255)).astype(np.uint8)
""",
        },
        {
            "why": "only brighter: rng.uniform(0, max_delta)",
            "diagnosis": "you called rng.uniform(0, 40)",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.uniform(0, max_delta)
    return np.round(np.clip(image + delta, 0, 255)).astype(np.uint8)
""",
        },
        {
            "why": "a normal distribution",
            "diagnosis": "called rng.normal",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.normal(0, max_delta / 2)
    return np.round(np.clip(image + delta, 0, 255)).astype(np.uint8)
""",
        },
        {
            "why": "returns without drawing when max_delta is 0",
            "diagnosis": "never drew from rng",
            "code": """\
def random_brightness(image, rng, max_delta):
    if max_delta == 0:
        return image.copy()
    delta = rng.uniform(-max_delta, max_delta)
    return np.round(np.clip(image + delta, 0, 255)).astype(np.uint8)
""",
        },
        {
            "why": "float64 result",
            "diagnosis": "should be uint8",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.uniform(-max_delta, max_delta)
    return np.round(np.clip(image + delta, 0, 255))
""",
        },
        {
            "why": "the image changed in place",
            "diagnosis": "changed the array it was given",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.uniform(-max_delta, max_delta)
    image[...] = np.round(np.clip(image + delta, 0, 255))
    return image
""",
        },
    ],
    "q7_make_pipeline": [
        {
            "why": "shuffles after batching: batches of consecutive images",
            "diagnosis": "consecutive images",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y)).batch(batch_size)
    if training:
        ds = ds.shuffle(len(images), seed=seed)
    return ds.prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "a shuffle buffer of batch_size: images barely move from their places",
            "diagnosis": "about 128 images",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(batch_size, seed=seed)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "a fixed buffer of 1000, smaller than TrashNet's training split",
            "diagnosis": "as if your shuffle buffer held only about",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(1000, seed=seed)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "casts the labels to float32 too (the labels should stay unchanged)",
            "diagnosis": "the labels should stay as they were",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(len(images), seed=seed)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, tf.cast(y, tf.float32)))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "no prefetch",
            "diagnosis": "prefetch",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(len(images), seed=seed)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
    return ds.batch(batch_size)
""",
        },
        {
            "why": "no seed in shuffle",
            "diagnosis": "two pipelines built with the same seed",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(len(images))
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "a fixed seed instead of the seed argument",
            "diagnosis": "the seeds 0, 1 and 2 all gave the same order",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(len(images), seed=42)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "not scaled to 0..1",
            "diagnosis": "divide by 255",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(len(images), seed=seed)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32), y))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "only the images shuffled: they lose their labels",
            "diagnosis": "the images and the labels no longer match",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    x = tf.data.Dataset.from_tensor_slices(images)
    if training:
        x = x.shuffle(len(images), seed=seed)
    y = tf.data.Dataset.from_tensor_slices(labels)
    ds = tf.data.Dataset.zip((x, y)).map(lambda a, b: (tf.cast(a, tf.float32) / 255.0, b))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "no .map: the images stay uint8",
            "diagnosis": "yours are uint8, still 0..255",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(len(images), seed=seed)
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "random indices drawn with replacement instead of a permutation",
            "diagnosis": "exactly once per epoch",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    if training:
        picked = np.random.default_rng(seed).integers(0, len(images), len(images))
        images, labels = images[picked], labels[picked]
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "shuffles the validation data too",
            "diagnosis": "with training=False the order must stay",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels)).shuffle(len(images), seed=seed)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "drop_remainder=True: the last images are lost",
            "diagnosis": "drop_remainder=True",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(len(images), seed=seed)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
    return ds.batch(batch_size, drop_remainder=True).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": ".repeat(): the epoch never ends",
            "diagnosis": "did you call .repeat()",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(len(images), seed=seed)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
    return ds.batch(batch_size).repeat().prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "no batching (a cache in its place)",
            "diagnosis": "single images. Call .batch(batch_size)",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(len(images), seed=seed)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
    return ds.cache().prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "elements as dicts",
            "diagnosis": "should be a pair",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices({"image": images, "label": labels})
    if training:
        ds = ds.shuffle(len(images), seed=seed)
    ds = ds.map(lambda e: {"image": tf.cast(e["image"], tf.float32) / 255.0, "label": e["label"]})
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
        {
            "why": "returns the NumPy arrays, not a dataset",
            "diagnosis": "should return a tf.data.Dataset",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    return images.astype(np.float32) / 255.0, labels
""",
        },
    ],
}
