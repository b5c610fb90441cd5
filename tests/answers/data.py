"""Common wrong answers to the exercises of 02_data, kept to prove the grader catches them.

Each ``code`` is the complete source of an answer cell, as a learner might write it.
``hidden_only`` marks a mistake that only the hidden tests of the notebook catch.
"""

CORRECT: dict[str, list[dict]] = {}

MISTAKES = {
    "q1_class_balance": [
        {
            "why": "np.bincount without minlength: classes after the largest label vanish",
            "code": """\
def class_balance(labels, n_classes):
    counts = np.bincount(labels)
    return counts, counts / counts.sum()
""",
        },
        {
            "why": "shares divided by the number of classes instead of the number of labels",
            "code": """\
def class_balance(labels, n_classes):
    counts = np.bincount(labels, minlength=n_classes)
    return counts, counts / n_classes
""",
        },
        {
            "why": "np.unique counts only the classes that appear",
            "code": """\
def class_balance(labels, n_classes):
    _, counts = np.unique(labels, return_counts=True)
    return counts, counts / len(labels)
""",
        },
    ],
    "q2_file_status": [
        {
            "why": "Image.open alone is lazy: a truncated file looks fine",
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
    ],
    "q3_aspect_stats": [
        {
            "why": "sizes unpacked as (width, height): the aspect ratio is inverted",
            "code": """\
def aspect_stats(sizes):
    aspects = np.array([w / h for w, h in sizes])
    return {"mean": float(aspects.mean()), "landscape": int(np.sum(aspects > 1)),
            "portrait": int(np.sum(aspects < 1)), "square": int(np.sum(aspects == 1))}
""",
        },
        {
            "why": "integer division",
            "code": """\
def aspect_stats(sizes):
    aspects = np.array([w // h for h, w in sizes])
    return {"mean": float(aspects.mean()), "landscape": int(np.sum(aspects > 1)),
            "portrait": int(np.sum(aspects < 1)), "square": int(np.sum(aspects == 1))}
""",
        },
        {
            "why": "squares counted as landscape (>= instead of >)",
            "code": """\
def aspect_stats(sizes):
    aspects = np.array([w / h for h, w in sizes])
    return {"mean": float(aspects.mean()), "landscape": int(np.sum(aspects >= 1)),
            "portrait": int(np.sum(aspects < 1)), "square": int(np.sum(aspects == 1))}
""",
        },
    ],
    "q4_standardise": [
        {
            "why": "statistics of the images being transformed (the validation statistics)",
            "code": """\
def standardise(train_images, images):
    mean = images.mean(axis=(0, 1, 2))
    std = images.std(axis=(0, 1, 2))
    return ((images - mean) / std).astype(np.float32)
""",
        },
        {
            "why": "per-pixel statistics (axis=0) instead of per channel",
            "code": """\
def standardise(train_images, images):
    mean = train_images.mean(axis=0)
    std = train_images.std(axis=0)
    return ((images - mean) / std).astype(np.float32)
""",
        },
        {
            "why": "one mean and standard deviation over all channels",
            "code": """\
def standardise(train_images, images):
    return ((images - train_images.mean()) / train_images.std()).astype(np.float32)
""",
        },
    ],
    "q5_random_flip_shift": [
        {
            "why": "np.roll wraps the pixels around instead of bringing in zeros",
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
    ],
    "q6_random_brightness": [
        {
            "why": "no clipping: values past 255 wrap around when cast to uint8",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.uniform(-max_delta, max_delta)
    return np.round(image + delta).astype(np.uint8)
""",
        },
        {
            "why": "truncates instead of rounding",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.uniform(-max_delta, max_delta)
    return np.clip(image + delta, 0, 255).astype(np.uint8)
""",
        },
        {
            "why": "a different delta for every pixel (noise, not brightness)",
            "code": """\
def random_brightness(image, rng, max_delta):
    delta = rng.uniform(-max_delta, max_delta, size=image.shape)
    return np.round(np.clip(image + delta, 0, 255)).astype(np.uint8)
""",
        },
    ],
    "q7_make_pipeline": [
        {
            "why": "shuffles after batching: batches of consecutive images",
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
            "why": "casts the labels to float32 too (the labels should stay unchanged)",
            "code": """\
def make_pipeline(images, labels, batch_size, training, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    if training:
        ds = ds.shuffle(len(images), seed=seed)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, tf.cast(y, tf.float32)))
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
""",
        },
    ],
}
