"""Recorded answers to the exercises of 03_logistic_regression, right and wrong.

``CORRECT``: answers written another way than the reference (other library calls,
other idioms, extra prints); each must be told "Correct" and earn full marks.
``MISTAKES``: common wrong answers; each must be told "Incorrect" with a message
that contains its ``diagnosis`` (case ignored), and lose its exercise's points.
Each ``code`` is the complete source of an answer cell, as a learner might write it.
"""

CORRECT = {
    "q1_flatten": [
        {
            "how": "float32 first, the gray weights channel by channel",
            "code": '''def flatten_images(images, gray=False):
    x = images.astype(np.float32) / 255
    if gray:
        x = 0.299 * x[..., 0] + 0.587 * x[..., 1] + 0.114 * x[..., 2]
    return x.reshape(x.shape[0], -1)
''',
        },
        {
            "how": "OpenCV per image (gray rounded to whole levels), a loop and a debug print",
            "code": '''import cv2

def flatten_images(images, gray=False):
    rows = []
    for image in images:
        if gray:
            image = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
        rows.append(image.flatten())
    print("flattened", len(rows), "images")
    return np.array(rows, dtype=np.float32) / 255
''',
        },
        {
            "how": "np.round to whole gray levels, np.stack of ravelled images",
            "code": '''def flatten_images(images, gray=False):
    if gray:
        images = np.round(np.dot(images, [0.299, 0.587, 0.114]))
    return (np.stack([image.ravel() for image in images]) / 255).astype("float32")
''',
        },
    ],
    "q2_memory_bytes": [
        {
            "how": "logs its result through logging.basicConfig (a handler on stderr)",
            "code": '''import logging

logging.basicConfig(level=logging.INFO)


def memory_bytes(n_images, height, width, channels, dtype):
    size = n_images * height * width * channels * np.dtype(dtype).itemsize
    logging.info("memory_bytes -> %d", size)
    return size
''',
        },
        {
            "how": "np.prod, which returns an np.int64",
            "code": '''def memory_bytes(n_images, height, width, channels, dtype):
    return np.prod([n_images, height, width, channels]) * np.dtype(dtype).itemsize
''',
        },
        {
            "how": "math.prod over the sizes and the bytes per value",
            "code": '''import math

def memory_bytes(n_images, height, width, channels, dtype):
    return math.prod((n_images, height, width, channels, np.dtype(dtype).itemsize))
''',
        },
        {
            "how": "the nbytes of an empty array of that shape and dtype",
            "code": '''def memory_bytes(n_images, height, width, channels, dtype):
    return np.empty((n_images, height, width, channels), dtype=dtype).nbytes
''',
        },
    ],
    "q3_standardize": [
        {
            "how": "np.where that divides everywhere first (a harmless divide-by-zero warning)",
            "code": '''def standardize(train, other):
    train = np.asarray(train, dtype=np.float64)
    other = np.asarray(other, dtype=np.float64)
    mean, std = train.mean(axis=0), train.std(axis=0)
    scale = lambda x: np.where(std == 0, x - mean, (x - mean) / std)
    return scale(train), scale(other)
''',
        },
        {
            "how": "scikit-learn's StandardScaler, returning a list",
            "code": '''def standardize(train, other):
    scaler = StandardScaler().fit(train)
    return [scaler.transform(train), scaler.transform(other)]
''',
        },
        {
            "how": "no conversion: float32 stays float32, integers give float64",
            "code": '''def standardize(train, other):
    mean = train.mean(axis=0)
    std = train.std(axis=0)
    std[std == 0] = 1
    return (train - mean) / std, (other - mean) / std
''',
        },
        {
            "how": "a loop over the columns with the statistics module",
            "code": '''import statistics

def standardize(train, other):
    train_scaled = np.zeros(np.shape(train))
    other_scaled = np.zeros(np.shape(other))
    for j in range(np.shape(train)[1]):
        column = [float(v) for v in train[:, j]]
        mean = statistics.fmean(column)
        std = statistics.pstdev(column) or 1.0
        train_scaled[:, j] = (train[:, j] - mean) / std
        other_scaled[:, j] = (other[:, j] - mean) / std
    return train_scaled, other_scaled
''',
        },
        {
            "how": "np.isclose for the zero standard deviations, in place on new float64 copies",
            "code": '''def standardize(train, other):
    a = np.array(train, dtype=np.float64)
    b = np.array(other, dtype=np.float64)
    mu, sd = a.mean(axis=0), a.std(axis=0)
    sd[np.isclose(sd, 0)] = 1
    a -= mu
    a /= sd
    b -= mu
    b /= sd
    return a, b
''',
        },
    ],
    "q4_softmax": [
        {
            "how": "scipy.special.softmax (float32 scores stay float32)",
            "code": '''def softmax(scores):
    return special.softmax(scores, axis=1)
''',
        },
        {
            "how": "a loop over the rows",
            "code": '''def softmax(scores):
    out = np.empty(np.shape(scores))
    for i, row in enumerate(scores):
        e = np.exp(row - np.max(row))
        out[i] = e / e.sum()
    return out
''',
        },
        {
            "how": "scipy's logsumexp",
            "code": '''from scipy.special import logsumexp

def softmax(scores):
    return np.exp(scores - logsumexp(scores, axis=1, keepdims=True))
''',
        },
        {
            "how": "np.apply_along_axis of a one-row softmax",
            "code": '''def softmax(scores):
    def one_row(z):
        e = np.exp(z - z.max())
        return e / e.sum()
    return np.apply_along_axis(one_row, 1, np.asarray(scores, dtype=float))
''',
        },
    ],
    "q5_best_c": [
        {
            "how": "pandas: sort by C, then idxmax (which skips NaN)",
            "code": '''def best_c(cv_results):
    table = pd.DataFrame({"C": np.asarray(cv_results["param_model__C"], dtype=float),
                          "score": np.asarray(cv_results["mean_test_score"], dtype=float)})
    table = table.sort_values("C").reset_index(drop=True)
    return float(table.loc[table["score"].idxmax(), "C"])
''',
        },
        {
            "how": "argsort by C, then nanargmax (returns an np.float64)",
            "code": '''def best_c(cv_results):
    c = np.asarray(cv_results["param_model__C"], dtype=float)
    s = np.asarray(cv_results["mean_test_score"], dtype=float)
    order = np.argsort(c)
    return c[order][np.nanargmax(s[order])]
''',
        },
        {
            "how": "a plain loop with math.isnan",
            "code": '''import math

def best_c(cv_results):
    best = None
    for c, s in zip(cv_results["param_model__C"], cv_results["mean_test_score"]):
        if math.isnan(s):
            continue
        if best is None or s > best[1] or (s == best[1] and c < best[0]):
            best = (c, s)
    print("best (C, score):", best)
    return float(best[0])
''',
        },
        {
            "how": "sorted on (-score, C) after dropping NaN",
            "code": '''import math

def best_c(cv_results):
    pairs = [(float(c), float(s))
             for c, s in zip(cv_results["param_model__C"], cv_results["mean_test_score"])
             if not math.isnan(s)]
    return sorted(pairs, key=lambda p: (-p[1], p[0]))[0][0]
''',
        },
        {
            "how": "np.isclose with its default tolerance for the ties",
            "code": '''def best_c(cv_results):
    c = np.asarray(cv_results["param_model__C"], dtype=float)
    s = np.asarray(cv_results["mean_test_score"], dtype=float)
    return float(c[np.isclose(s, np.nanmax(s))].min())
''',
        },
        {
            "how": "np.lexsort on (C, -score) after dropping the NaN scores",
            "code": '''def best_c(cv_results):
    c = np.asarray(cv_results["param_model__C"], dtype=float)
    s = np.asarray(cv_results["mean_test_score"], dtype=float)
    keep = ~np.isnan(s)
    order = np.lexsort((c[keep], -s[keep]))
    return float(c[keep][order[0]])
''',
        },
    ],
    "q6_weighted_scores": [
        {
            "how": "classification_report(output_dict=True), default zero_division (warns)",
            "code": '''def weighted_scores(confusion):
    y_true, y_pred = [], []
    for i in range(len(confusion)):
        for j in range(len(confusion)):
            y_true += [i] * confusion[i, j]
            y_pred += [j] * confusion[i, j]
    report = classification_report(y_true, y_pred, output_dict=True)
    w = report["weighted avg"]
    return w["precision"], w["recall"], w["f1-score"]
''',
        },
        {
            "how": "precision_recall_fscore_support with average='weighted' (warns)",
            "code": '''from sklearn.metrics import precision_recall_fscore_support

def weighted_scores(confusion):
    k = confusion.shape[0]
    y_true = np.repeat(np.arange(k), confusion.sum(axis=1))
    y_pred = np.concatenate([np.repeat(np.arange(k), row) for row in confusion])
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="weighted")
    return p, r, f
''',
        },
        {
            "how": "plain division, then np.nan_to_num (a harmless 0 / 0 warning)",
            "code": '''def weighted_scores(confusion):
    c = confusion.astype(float)
    p = np.nan_to_num(np.diag(c) / c.sum(axis=0))
    r = np.nan_to_num(np.diag(c) / c.sum(axis=1))
    f = np.nan_to_num(2 * p * r / (p + r))
    w = c.sum(axis=1) / c.sum()
    return float(w @ p), float(w @ r), float(w @ f)
''',
        },
        {
            "how": "np.nansum skips the 0 / 0 classes, returns a NumPy array of three",
            "code": '''def weighted_scores(confusion):
    c = confusion.astype(float)
    p = np.diag(c) / c.sum(axis=0)
    r = np.diag(c) / c.sum(axis=1)
    f = 2 * p * r / (p + r)
    w = c.sum(axis=1) / c.sum()
    return np.array([np.nansum(w * p), np.nansum(w * r), np.nansum(w * f)])
''',
        },
        {
            "how": "np.divide with where= and no out=, then the unset entries set to 0 (warns)",
            "code": '''def weighted_scores(confusion):
    c = np.asarray(confusion, dtype=float)
    tp, col, row = np.diag(c), c.sum(axis=0), c.sum(axis=1)
    p = np.divide(tp, col, where=col > 0)
    p[col == 0] = 0
    r = np.divide(tp, row, where=row > 0)
    r[row == 0] = 0
    f = np.divide(2 * p * r, p + r, where=p + r > 0)
    f[p + r == 0] = 0
    w = row / row.sum()
    return float(w @ p), float(w @ r), float(w @ f)
''',
        },
        {
            "how": "a loop over the classes with if for each 0 / 0",
            "code": '''def weighted_scores(confusion):
    total = confusion.sum()
    precision = recall = f1 = 0.0
    for k in range(len(confusion)):
        tp, predicted, support = confusion[k, k], confusion[:, k].sum(), confusion[k].sum()
        p = tp / predicted if predicted else 0.0
        r = tp / support if support else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        precision += support / total * p
        recall += support / total * r
        f1 += support / total * f
    return precision, recall, f1
''',
        },
    ],
}

MISTAKES = {
    "q1_flatten": [
        {
            "why": "forgets to divide by 255: features from 0 to 255",
            "diagnosis": "divide the pixel values by 255",
            "code": '''def flatten_images(images, gray=False):
    values = images.astype(np.float32)
    if gray:
        values = values @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    return values.reshape(len(images), -1)
''',
        },
        {
            "why": "gray as the plain average of the channels",
            "diagnosis": "averaged the channels",
            "code": '''def flatten_images(images, gray=False):
    values = images / 255.0
    if gray:
        values = values.mean(axis=3)
    return values.reshape(len(images), -1).astype(np.float32)
''',
        },
        {
            "why": "flattens the whole batch into one long vector",
            "diagnosis": "one long vector",
            "code": '''def flatten_images(images, gray=False):
    values = images.astype(np.float64)
    if gray:
        values = values @ np.array([0.299, 0.587, 0.114])
    return (values.flatten() / 255).astype(np.float32)
''',
        },
        {
            "why": "one row per pixel instead of one row per image",
            "diagnosis": "shape (2, 18)",
            "code": '''def flatten_images(images, gray=False):
    values = images / 255
    if gray:
        return (values @ np.array([0.299, 0.587, 0.114])).reshape(-1, 1).astype(np.float32)
    return values.reshape(-1, 3).astype(np.float32)
''',
        },
        {
            "why": "divides by 256",
            "diagnosis": "divided by 256",
            "code": '''def flatten_images(images, gray=False):
    x = images.astype(np.float32)
    if gray:
        x = x @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    return x.reshape(len(images), -1) / 256
''',
        },
        {
            "why": "channels first (as in PyTorch) before flattening",
            "diagnosis": "all the red values first",
            "code": '''def flatten_images(images, gray=False):
    x = images / 255
    if gray:
        x = x @ np.array([0.299, 0.587, 0.114])
        return x.reshape(len(x), -1).astype(np.float32)
    return x.transpose(0, 3, 1, 2).reshape(len(x), -1).astype(np.float32)
''',
        },
        {
            "why": "converts the 0..1 values to uint8 to save memory",
            "diagnosis": "your features are integers",
            "code": '''def flatten_images(images, gray=False):
    if gray:
        images = images @ np.array([0.299, 0.587, 0.114])
    return (images.reshape(len(images), -1) / 255).astype(np.uint8)
''',
        },
        {
            "why": "forgets .astype(np.float32): images / 255 is float64",
            "diagnosis": "should have dtype float32",
            "code": '''def flatten_images(images, gray=False):
    if gray:
        images = images @ np.array([0.299, 0.587, 0.114])
    return images.reshape(len(images), -1) / 255
''',
        },
        {
            "why": "gray=True left as (N, H, W), not flattened",
            "diagnosis": "should give shape (2, 6)",
            "code": '''def flatten_images(images, gray=False):
    x = (images / 255).astype(np.float32)
    if gray:
        return x @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    return x.reshape(len(x), -1)
''',
        },
        {
            "why": "computes the gray image but keeps the colour one (the result is dropped)",
            "diagnosis": "the gray option is ignored",
            "code": '''import cv2

def flatten_images(images, gray=False):
    rows = []
    for image in images:
        if gray:
            cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
        rows.append(image.ravel() / 255)
    return np.array(rows, dtype=np.float32)
''',
        },
        {
            "why": "OpenCV gray without / 255",
            "diagnosis": "with gray=True your values go up to 255",
            "code": '''import cv2

def flatten_images(images, gray=False):
    if gray:
        rows = [cv2.cvtColor(image, cv2.COLOR_RGB2GRAY).ravel() for image in images]
        return np.array(rows, dtype=np.float32)
    return images.reshape(len(images), -1).astype(np.float32) / 255
''',
        },
        {
            "why": "OpenCV's BGR2GRAY on RGB images: weights in BGR order",
            "diagnosis": "BGR order",
            "code": '''import cv2

def flatten_images(images, gray=False):
    if gray:
        images = np.stack([cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) for image in images])
    return images.reshape(len(images), -1).astype(np.float32) / 255
''',
        },
        {
            "why": "gray features left as float64 while colour ones are float32",
            "diagnosis": "with gray=True the features should be float32 too",
            "code": '''def flatten_images(images, gray=False):
    if gray:
        return (images @ np.array([0.299, 0.587, 0.114])).reshape(len(images), -1) / 255
    return (images.reshape(len(images), -1) / 255).astype(np.float32)
''',
        },
        {
            "why": "truncates the gray values with .astype(np.uint8)",
            "diagnosis": "cut down, not rounded",
            "code": '''def flatten_images(images, gray=False):
    x = images
    if gray:
        x = (images @ np.array([0.299, 0.587, 0.114])).astype(np.uint8)
    return x.reshape(len(images), -1).astype(np.float32) / 255
''',
        },
        {
            "why": "np.squeeze drops the batch axis of a one-image batch",
            "diagnosis": "a batch of ONE image",
            "code": '''def flatten_images(images, gray=False):
    values = images / 255.0
    if gray:
        values = np.dot(values, [[0.299], [0.587], [0.114]]).squeeze()
    return values.reshape(values.shape[0], -1).astype(np.float32)
''',
        },
        {
            "why": "rounded textbook weights 0.3, 0.59, 0.11",
            "diagnosis": "has wrong values",
            "code": '''def flatten_images(images, gray=False):
    if gray:
        images = images @ np.array([0.3, 0.59, 0.11])
    return (images.reshape(len(images), -1) / 255).astype(np.float32)
''',
        },
    ],
    "q2_memory_bytes": [
        {
            "why": "forgets the channels",
            "diagnosis": "forgot the channels",
            "code": '''def memory_bytes(n_images, height, width, channels, dtype):
    return n_images * height * width * np.dtype(dtype).itemsize
''',
        },
        {
            "why": "counts bits instead of bytes",
            "diagnosis": "counts bits",
            "code": '''def memory_bytes(n_images, height, width, channels, dtype):
    bits = np.dtype(dtype).itemsize * 8
    return n_images * height * width * channels * bits
''',
        },
        {
            "why": "ignores the dtype: one byte a value, as for uint8",
            "diagnosis": "counts 1 byte(s) a value whatever the dtype",
            "code": '''def memory_bytes(n_images, height, width, channels, dtype):
    return n_images * height * width * channels
''',
        },
        {
            "why": "assumes 8 bytes a value (float64) whatever the dtype",
            "diagnosis": "counts 8 byte(s) a value whatever the dtype",
            "code": '''def memory_bytes(n_images, height, width, channels, dtype):
    return n_images * height * width * channels * 8
''',
        },
        {
            "why": "bits / 8 gives a float",
            "diagnosis": "a float: return an int",
            "code": '''def memory_bytes(n_images, height, width, channels, dtype):
    bits = np.dtype(dtype).itemsize * 8
    return n_images * height * width * channels * bits / 8
''',
        },
        {
            "why": "returns megabytes",
            "diagnosis": "not in megabytes",
            "code": '''def memory_bytes(n_images, height, width, channels, dtype):
    return n_images * height * width * channels * np.dtype(dtype).itemsize / 1e6
''',
        },
        {
            "why": "a hand-made table of sizes that misses most dtypes",
            "diagnosis": "no entry for int32",
            "code": '''SIZES = {"uint8": 1, "float16": 2, "float32": 4, "float64": 8}

def memory_bytes(n_images, height, width, channels, dtype):
    return n_images * height * width * channels * SIZES[np.dtype(dtype).name]
''',
        },
        {
            "why": "forgets the number of images",
            "diagnosis": "should be 122880",
            "code": '''def memory_bytes(n_images, height, width, channels, dtype):
    return height * width * channels * np.dtype(dtype).itemsize
''',
        },
        {
            "why": "prints the size instead of returning it",
            "diagnosis": "should be a whole number of bytes (an int); yours is None",
            "code": '''def memory_bytes(n_images, height, width, channels, dtype):
    print(n_images * height * width * channels * np.dtype(dtype).itemsize, "bytes")
''',
        },
        {
            "why": "a hand-made table of the common dtypes (no int8, int16, complex128...)",
            "diagnosis": "no entry for int8",
            "code": '''SIZES = {"uint8": 1, "float16": 2, "float32": 4, "float64": 8, "int32": 4,
         "int64": 8, "complex64": 8}

def memory_bytes(n_images, height, width, channels, dtype):
    return n_images * height * width * channels * SIZES[np.dtype(dtype).name]
''',
        },
    ],
    "q3_standardize": [
        {
            "why": "statistics of the training and other rows together (leaks validation data)",
            "diagnosis": "together",
            "code": '''def standardize(train, other):
    both = np.vstack([train, other]).astype(np.float64)
    mean = both.mean(axis=0)
    std = both.std(axis=0)
    std[std == 0] = 1
    return (train - mean) / std, (other - mean) / std
''',
        },
        {
            "why": "statistics of each row (image) instead of each column (feature)",
            "diagnosis": "each ROW",
            "code": '''def standardize(train, other):
    def scale(x):
        x = x.astype(np.float64)
        std = x.std(axis=1, keepdims=True)
        std[std == 0] = 1
        return (x - x.mean(axis=1, keepdims=True)) / std
    return scale(train), scale(other)
''',
        },
        {
            "why": "divides by a zero standard deviation for constant columns",
            "diagnosis": "NaN or infinite",
            "code": '''def standardize(train, other):
    mean = train.mean(axis=0)
    std = train.std(axis=0)
    return (train - mean) / std, (other - mean) / std
''',
        },
        {
            "why": "np.divide(where=std != 0) with out=zeros: other's constant column becomes 0",
            "diagnosis": "should become (12 - 10) / 1 = 2",
            "code": '''def standardize(train, other):
    train = train.astype(np.float64)
    other = other.astype(np.float64)
    mean, std = train.mean(axis=0), train.std(axis=0)
    scale = lambda x: np.divide(x - mean, std, out=np.zeros_like(x), where=std != 0)
    return scale(train), scale(other)
''',
        },
        {
            "why": "adds a small epsilon to the standard deviation (std + 1e-8)",
            "diagnosis": "tiny standard deviation",
            "code": '''def standardize(train, other):
    train = np.asarray(train, dtype=np.float64)
    other = np.asarray(other, dtype=np.float64)
    mean, std = train.mean(axis=0), train.std(axis=0)
    return (train - mean) / (std + 1e-8), (other - mean) / (std + 1e-8)
''',
        },
        {
            "why": "np.nan_to_num after dividing by 0: other's constant column becomes 1.8e308",
            "diagnosis": "huge value",
            "code": '''def standardize(train, other):
    train = train.astype(np.float64)
    other = other.astype(np.float64)
    mean, std = train.mean(axis=0), train.std(axis=0)
    return np.nan_to_num((train - mean) / std), np.nan_to_num((other - mean) / std)
''',
        },
        {
            "why": "standardises in place (train -= mean), changing the caller's array",
            "diagnosis": "changed the array it was given",
            "code": '''def standardize(train, other):
    mean, std = train.mean(axis=0), train.std(axis=0)
    std[std == 0] = 1
    train -= mean
    train /= std
    return train, (other - mean) / std
''',
        },
        {
            "why": "statistics of `other` for `other` (each split standardised on its own)",
            "diagnosis": "on `other` itself",
            "code": '''def standardize(train, other):
    def scale(x):
        x = np.asarray(x, dtype=np.float64)
        std = x.std(axis=0)
        return (x - x.mean(axis=0)) / np.where(std == 0, 1, std)
    return scale(train), scale(other)
''',
        },
        {
            "why": "sample standard deviation (ddof=1)",
            "diagnosis": "n - 1",
            "code": '''def standardize(train, other):
    train = np.asarray(train, dtype=np.float64)
    mean, std = train.mean(axis=0), train.std(axis=0, ddof=1)
    std[std == 0] = 1
    return (train - mean) / std, (np.asarray(other, dtype=np.float64) - mean) / std
''',
        },
        {
            "why": "one mean and one std for the whole array (no axis)",
            "diagnosis": "for the whole array",
            "code": '''def standardize(train, other):
    train = train.astype(np.float64)
    mean, std = train.mean(), train.std()
    return (train - mean) / std, (other - mean) / std
''',
        },
        {
            "why": "returns only the scaled training features",
            "diagnosis": "a tuple of two arrays",
            "code": '''def standardize(train, other):
    scaler = StandardScaler().fit(train)
    other_scaled = scaler.transform(other)
    return scaler.transform(train)
''',
        },
        {
            "why": "works on the transposed arrays and forgets to transpose back",
            "diagnosis": "keep the shapes of the inputs",
            "code": '''def standardize(train, other):
    train_t, other_t = train.T.astype(np.float64), other.T.astype(np.float64)
    mean = train_t.mean(axis=1, keepdims=True)
    std = train_t.std(axis=1, keepdims=True)
    std[std == 0] = 1
    return (train_t - mean) / std, (other_t - mean) / std
''',
        },
        {
            "why": "converts to float32 for memory, even for float64 and integer features",
            "diagnosis": "should be float64",
            "code": '''def standardize(train, other):
    train = train.astype(np.float32)
    other = other.astype(np.float32)
    mean, std = train.mean(axis=0), train.std(axis=0)
    std[std == 0] = 1
    return (train - mean) / std, (other - mean) / std
''',
        },
        {
            "why": "uint8 arithmetic: the mean is subtracted as uint8 and wraps around",
            "diagnosis": "other_scaled for uint8 features has wrong values",
            "code": '''def standardize(train, other):
    mean = train.mean(axis=0).astype(train.dtype)
    std = train.std(axis=0)
    std[std == 0] = 1
    return (train - mean) / std, (other - mean) / std
''',
        },
    ],
    "q4_softmax": [
        {
            "why": "no max subtraction: np.exp overflows for large scores",
            "diagnosis": "overflows to infinity",
            "code": '''def softmax(scores):
    exps = np.exp(scores.astype(np.float64))
    return exps / exps.sum(axis=1, keepdims=True)
''',
        },
        {
            "why": "normalises the columns (axis=0) instead of the rows",
            "diagnosis": "1 for every class",
            "code": '''def softmax(scores):
    scores = scores.astype(np.float64)
    exps = np.exp(scores - scores.max(axis=0, keepdims=True))
    return exps / exps.sum(axis=0, keepdims=True)
''',
        },
        {
            "why": "subtracts the maximum of the whole array, not of each row",
            "diagnosis": "maximum of the WHOLE array",
            "code": '''def softmax(scores):
    scores = scores.astype(np.float64)
    exps = np.exp(scores - scores.max())
    return exps / exps.sum(axis=1, keepdims=True)
''',
        },
        {
            "why": "subtracts each row's mean instead of its maximum",
            "diagnosis": "by less than its maximum",
            "code": '''def softmax(scores):
    scores = scores.astype(np.float64)
    exps = np.exp(scores - scores.mean(axis=1, keepdims=True))
    return exps / exps.sum(axis=1, keepdims=True)
''',
        },
        {
            "why": "sums the rows without keepdims: (N,) sums broadcast along the wrong axis",
            "diagnosis": "keepdims",
            "code": '''def softmax(scores):
    scores = scores.astype(np.float64)
    exps = np.exp(scores - scores.max(axis=1, keepdims=True))
    return exps / exps.sum(axis=1)
''',
        },
        {
            "why": "np.zeros_like(scores) for the output: integer scores give integer zeros",
            "diagnosis": "should be float64 (for int64 input)",
            "code": '''def softmax(scores):
    out = np.zeros_like(scores)
    for i in range(len(scores)):
        e = np.exp(scores[i] - scores[i].max())
        out[i] = e / e.sum()
    return out
''',
        },
        {
            "why": "subtracts the maximum in place, changing the caller's scores",
            "diagnosis": "changed the array it was given",
            "code": '''def softmax(scores):
    scores -= scores.max(axis=1, keepdims=True)
    exps = np.exp(scores)
    return exps / exps.sum(axis=1, keepdims=True)
''',
        },
        {
            "why": "np.squeeze at the end: one image gives a 1-D array",
            "diagnosis": "should have the shape of the scores",
            "code": '''def softmax(scores):
    exps = np.exp(scores - np.max(scores, axis=1, keepdims=True))
    return np.squeeze(exps / np.sum(exps, axis=1, keepdims=True))
''',
        },
        {
            "why": "computes in long double instead of subtracting the maximum",
            "diagnosis": "even in a long double",
            "code": '''def softmax(scores):
    e = np.exp(np.asarray(scores, dtype=np.longdouble))
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float64)
''',
        },
        {
            "why": "clips the scores to keep np.exp from overflowing",
            "diagnosis": "clipping the scores",
            "code": '''def softmax(scores):
    e = np.exp(np.clip(np.asarray(scores, dtype=float), -700, 700))
    return e / e.sum(axis=1, keepdims=True)
''',
        },
    ],
    "q5_best_c": [
        {
            "why": "np.argmax: NaN scores win and ties go to the first in list order",
            "diagnosis": "np.argmax returns the first maximum",
            "code": '''def best_c(cv_results):
    scores = np.asarray(cv_results["mean_test_score"], dtype=float)
    return float(cv_results["param_model__C"][np.argmax(scores)])
''',
        },
        {
            "why": "np.nanargmax: ties go to the first in list order, not the smallest C",
            "diagnosis": "toward the SMALLER C",
            "code": '''def best_c(cv_results):
    c_values = np.asarray(cv_results["param_model__C"], dtype=float)
    return float(c_values[np.nanargmax(cv_results["mean_test_score"])])
''',
        },
        {
            "why": "returns the position of the best C instead of its value",
            "diagnosis": "position",
            "code": '''def best_c(cv_results):
    scores = np.asarray(cv_results["mean_test_score"], dtype=float)
    return int(np.nanargmax(scores))
''',
        },
        {
            "why": "np.nan_to_num: a failed fit scores 0, which beats negative scores",
            "diagnosis": "whose score is NaN",
            "code": '''def best_c(cv_results):
    c = np.asarray(cv_results["param_model__C"], dtype=float)
    s = np.nan_to_num(np.asarray(cv_results["mean_test_score"], dtype=float))
    return float(c[s == s.max()].min())
''',
        },
        {
            "why": "max() of (score, -C) pairs: a NaN first is never replaced",
            "diagnosis": "whose score is NaN",
            "code": '''def best_c(cv_results):
    pairs = zip(cv_results["mean_test_score"], cv_results["param_model__C"])
    score, minus_c = max((s, -c) for s, c in pairs)
    return float(-minus_c)
''',
        },
        {
            "why": "lower is better, as for a loss: np.nanargmin",
            "diagnosis": "LOWEST mean score",
            "code": '''def best_c(cv_results):
    c = np.asarray(cv_results["param_model__C"], dtype=float)
    return float(c[np.nanargmin(cv_results["mean_test_score"])])
''',
        },
        {
            "why": "ties broken toward the LARGER C",
            "diagnosis": "tie for the best score",
            "code": '''def best_c(cv_results):
    c = np.asarray(cv_results["param_model__C"], dtype=float)
    s = np.asarray(cv_results["mean_test_score"], dtype=float)
    return float(c[s == np.nanmax(s)].max())
''',
        },
        {
            "why": "sorts C but not the scores with it: the pairs no longer match",
            "diagnosis": "has the mean score",
            "code": '''def best_c(cv_results):
    c = np.sort(np.asarray(cv_results["param_model__C"], dtype=float))
    s = np.asarray(cv_results["mean_test_score"], dtype=float)
    return float(c[np.nanargmax(s)])
''',
        },
        {
            "why": "returns the best score instead of its C",
            "diagnosis": "the best SCORE",
            "code": '''def best_c(cv_results):
    return float(np.nanmax(cv_results["mean_test_score"]))
''',
        },
        {
            "why": "returns every C that reaches the best score (forgets .min())",
            "diagnosis": "should return one number",
            "code": '''def best_c(cv_results):
    c = np.asarray(cv_results["param_model__C"], dtype=float)
    s = np.asarray(cv_results["mean_test_score"], dtype=float)
    return c[s == np.nanmax(s)]
''',
        },
        {
            "why": "prints the best C instead of returning it",
            "diagnosis": "yours is None",
            "code": '''def best_c(cv_results):
    c = np.asarray(cv_results["param_model__C"], dtype=float)
    s = np.asarray(cv_results["mean_test_score"], dtype=float)
    print("best C:", c[s == np.nanmax(s)].min())
''',
        },
        {
            "why": "rounds the scores to 2 decimals before comparing: close scores tie",
            "diagnosis": "that is not a tie",
            "code": '''def best_c(cv_results):
    c = np.asarray(cv_results["param_model__C"], dtype=float)
    s = np.round(np.asarray(cv_results["mean_test_score"], dtype=float), 2)
    return float(c[s == np.nanmax(s)].min())
''',
        },
        {
            "why": "np.isclose with atol=1e-3 for the ties: close scores tie",
            "diagnosis": "that is not a tie",
            "code": '''def best_c(cv_results):
    c = np.asarray(cv_results["param_model__C"], dtype=float)
    s = np.asarray(cv_results["mean_test_score"], dtype=float)
    return float(c[np.isclose(s, np.nanmax(s), atol=1e-3)].min())
''',
        },
    ],
    "q6_weighted_scores": [
        {
            "why": "macro average: every class counts the same",
            "diagnosis": "MACRO",
            "code": '''def weighted_scores(confusion):
    confusion = confusion.astype(np.float64)
    correct = np.diag(confusion)
    precision = correct / np.maximum(confusion.sum(axis=0), 1)
    recall = correct / np.maximum(confusion.sum(axis=1), 1)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    return float(precision.mean()), float(recall.mean()), float(f1.mean())
''',
        },
        {
            "why": "precision and recall swapped (rows and columns mixed up)",
            "diagnosis": "swapped",
            "code": '''def weighted_scores(confusion):
    confusion = confusion.astype(np.float64)
    correct = np.diag(confusion)
    support = confusion.sum(axis=1)
    precision = correct / np.maximum(support, 1)
    recall = correct / np.maximum(confusion.sum(axis=0), 1)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    weights = support / support.sum()
    return float(weights @ precision), float(weights @ recall), float(weights @ f1)
''',
        },
        {
            "why": "F1 of the averaged precision and recall, not the average of per-class F1",
            "diagnosis": "harmonic mean",
            "code": '''def weighted_scores(confusion):
    confusion = confusion.astype(np.float64)
    correct = np.diag(confusion)
    support = confusion.sum(axis=1)
    precision = correct / np.maximum(confusion.sum(axis=0), 1)
    recall = correct / np.maximum(support, 1)
    weights = support / support.sum()
    p, r = float(weights @ precision), float(weights @ recall)
    return p, r, 2 * p * r / (p + r)
''',
        },
        {
            "why": "weights by the column sums (predictions) instead of the row sums",
            "diagnosis": "column sums",
            "code": '''def weighted_scores(confusion):
    c = confusion.astype(np.float64)
    predicted = c.sum(axis=0)
    p = np.divide(np.diag(c), predicted, out=np.zeros(len(c)), where=predicted > 0)
    support = c.sum(axis=1)
    r = np.divide(np.diag(c), support, out=np.zeros(len(c)), where=support > 0)
    f = np.divide(2 * p * r, p + r, out=np.zeros(len(c)), where=p + r > 0)
    w = predicted / predicted.sum()
    return float(w @ p), float(w @ r), float(w @ f)
''',
        },
        {
            "why": "scikit-learn average='macro'",
            "diagnosis": "MACRO",
            "code": '''from sklearn.metrics import precision_recall_fscore_support

def weighted_scores(confusion):
    k = len(confusion)
    y_true = np.repeat(np.arange(k), confusion.sum(axis=1))
    y_pred = np.concatenate([np.repeat(np.arange(k), row) for row in confusion])
    return precision_recall_fscore_support(y_true, y_pred, average="macro", zero_division=0)[:3]
''',
        },
        {
            "why": "scikit-learn's four values, support included",
            "diagnosis": "Return the first three",
            "code": '''from sklearn.metrics import precision_recall_fscore_support

def weighted_scores(confusion):
    k = len(confusion)
    y_true = np.repeat(np.arange(k), confusion.sum(axis=1))
    y_pred = np.concatenate([np.repeat(np.arange(k), row) for row in confusion])
    return precision_recall_fscore_support(y_true, y_pred, average="weighted", zero_division=0)
''',
        },
        {
            "why": "zero_division=1: a class never predicted gets precision 1",
            "diagnosis": "you counted it as 1",
            "code": '''from sklearn.metrics import precision_recall_fscore_support

def weighted_scores(confusion):
    k = len(confusion)
    y_true = np.repeat(np.arange(k), confusion.sum(axis=1))
    y_pred = np.concatenate([np.repeat(np.arange(k), row) for row in confusion])
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="weighted",
                                                 zero_division=1)
    return p, r, f
''',
        },
        {
            "why": "no 0 / 0 handling: a class never predicted makes everything NaN",
            "diagnosis": "never predicted",
            "code": '''def weighted_scores(confusion):
    c = confusion.astype(np.float64)
    p = np.diag(c) / c.sum(axis=0)
    r = np.diag(c) / c.sum(axis=1)
    f = 2 * p * r / (p + r)
    w = c.sum(axis=1) / c.sum()
    return float(w @ p), float(w @ r), float(w @ f)
''',
        },
        {
            "why": "handles the empty column (precision) but not an empty row (recall)",
            "diagnosis": "no images at all",
            "code": '''def weighted_scores(confusion):
    c = confusion.astype(np.float64)
    predicted = c.sum(axis=0)
    p = np.divide(np.diag(c), predicted, out=np.zeros(len(c)), where=predicted > 0)
    r = np.diag(c) / c.sum(axis=1)
    f = np.divide(2 * p * r, p + r, out=np.zeros(len(c)), where=p + r > 0)
    w = c.sum(axis=1) / c.sum()
    return float(w @ p), float(w @ r), float(w @ f)
''',
        },
        {
            "why": "rounds the scores to 4 decimals",
            "diagnosis": "rounded to 4 decimals",
            "code": '''def weighted_scores(confusion):
    report = classification_report(
        np.repeat(np.arange(len(confusion)), confusion.sum(axis=1)),
        np.concatenate([np.repeat(np.arange(len(confusion)), row) for row in confusion]),
        output_dict=True, zero_division=0)["weighted avg"]
    return round(report["precision"], 4), round(report["recall"], 4), round(report["f1-score"], 4)
''',
        },
        {
            "why": "returns a dict",
            "diagnosis": "a tuple of three numbers",
            "code": '''def weighted_scores(confusion):
    report = classification_report(
        np.repeat(np.arange(len(confusion)), confusion.sum(axis=1)),
        np.concatenate([np.repeat(np.arange(len(confusion)), row) for row in confusion]),
        output_dict=True, zero_division=0)
    return report["weighted avg"]
''',
        },
        {
            "why": "forgets to add up the weighted per-class scores",
            "diagnosis": "Add them up",
            "code": '''def weighted_scores(confusion):
    c = confusion.astype(np.float64)
    p = np.divide(np.diag(c), c.sum(axis=0), out=np.zeros(len(c)), where=c.sum(axis=0) > 0)
    r = np.divide(np.diag(c), c.sum(axis=1), out=np.zeros(len(c)), where=c.sum(axis=1) > 0)
    f = np.divide(2 * p * r, p + r, out=np.zeros(len(c)), where=p + r > 0)
    w = c.sum(axis=1) / c.sum()
    return w * p, w * r, w * f
''',
        },
        {
            "why": "returns formatted strings",
            "diagnosis": "each of the three scores should be a number",
            "code": '''def weighted_scores(confusion):
    c = confusion.astype(np.float64)
    p = np.divide(np.diag(c), c.sum(axis=0), out=np.zeros(len(c)), where=c.sum(axis=0) > 0)
    r = np.divide(np.diag(c), c.sum(axis=1), out=np.zeros(len(c)), where=c.sum(axis=1) > 0)
    f = np.divide(2 * p * r, p + r, out=np.zeros(len(c)), where=p + r > 0)
    w = c.sum(axis=1) / c.sum()
    return f"{w @ p:.3f}", f"{w @ r:.3f}", f"{w @ f:.3f}"
''',
        },
        {
            "why": "np.divide with where= but no out=: the 0 / 0 entries hold what was in memory",
            "diagnosis": "never set",
            "code": '''def weighted_scores(confusion):
    c = np.asarray(confusion, dtype=float)
    tp, col, row = np.diag(c), c.sum(axis=0), c.sum(axis=1)
    p = np.divide(tp, col, where=col > 0)
    r = np.divide(tp, row, where=row > 0)
    f = np.divide(2 * p * r, p + r, where=(p + r) > 0)
    w = row / row.sum()
    return float(w @ p), float(w @ r), float(w @ f)
''',
        },
    ],
}
