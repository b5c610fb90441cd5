"""Common wrong answers to the exercises of 03_logistic_regression, kept to prove the grader
catches them.

Each ``code`` is the complete source of an answer cell, as a learner might write it.
``hidden_only`` marks a mistake that only the hidden tests of the notebook catch.
"""

CORRECT: dict[str, list[dict]] = {}

MISTAKES = {
    "q1_flatten": [
        {
            "why": "forgets to divide by 255: features from 0 to 255",
            "code": """\
def flatten_images(images, gray=False):
    values = images.astype(np.float32)
    if gray:
        values = values @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    return values.reshape(len(images), -1)
""",
        },
        {
            "why": "gray as the plain average of the channels",
            "code": """\
def flatten_images(images, gray=False):
    values = images / 255.0
    if gray:
        values = values.mean(axis=3)
    return values.reshape(len(images), -1).astype(np.float32)
""",
        },
        {
            "why": "flattens the whole batch into one long vector",
            "code": """\
def flatten_images(images, gray=False):
    values = images.astype(np.float64)
    if gray:
        values = values @ np.array([0.299, 0.587, 0.114])
    return (values.flatten() / 255).astype(np.float32)
""",
        },
    ],
    "q2_memory_bytes": [
        {
            "why": "forgets the channels",
            "code": """\
def memory_bytes(n_images, height, width, channels, dtype):
    return n_images * height * width * np.dtype(dtype).itemsize
""",
        },
        {
            "why": "counts bits instead of bytes",
            "code": """\
def memory_bytes(n_images, height, width, channels, dtype):
    bits = np.dtype(dtype).itemsize * 8
    return n_images * height * width * channels * bits
""",
        },
        {
            "why": "ignores the dtype: one byte a value, as for uint8",
            "code": """\
def memory_bytes(n_images, height, width, channels, dtype):
    return n_images * height * width * channels
""",
        },
    ],
    "q3_standardize": [
        {
            "why": "statistics of the training and other rows together (leaks validation data)",
            "code": """\
def standardize(train, other):
    both = np.vstack([train, other]).astype(np.float64)
    mean = both.mean(axis=0)
    std = both.std(axis=0)
    std[std == 0] = 1
    return (train - mean) / std, (other - mean) / std
""",
        },
        {
            "why": "statistics of each row (image) instead of each column (feature)",
            "code": """\
def standardize(train, other):
    def scale(x):
        x = x.astype(np.float64)
        std = x.std(axis=1, keepdims=True)
        std[std == 0] = 1
        return (x - x.mean(axis=1, keepdims=True)) / std
    return scale(train), scale(other)
""",
        },
        {
            "why": "divides by a zero standard deviation for constant columns",
            "code": """\
def standardize(train, other):
    mean = train.mean(axis=0)
    std = train.std(axis=0)
    return (train - mean) / std, (other - mean) / std
""",
        },
    ],
    "q4_softmax": [
        {
            "why": "no max subtraction: np.exp overflows for large scores",
            "code": """\
def softmax(scores):
    exps = np.exp(scores.astype(np.float64))
    return exps / exps.sum(axis=1, keepdims=True)
""",
        },
        {
            "why": "normalises the columns (axis=0) instead of the rows",
            "code": """\
def softmax(scores):
    scores = scores.astype(np.float64)
    exps = np.exp(scores - scores.max(axis=0, keepdims=True))
    return exps / exps.sum(axis=0, keepdims=True)
""",
        },
        {
            "why": "subtracts the maximum of the whole array, not of each row",
            "code": """\
def softmax(scores):
    scores = scores.astype(np.float64)
    exps = np.exp(scores - scores.max())
    return exps / exps.sum(axis=1, keepdims=True)
""",
        },
    ],
    "q5_best_c": [
        {
            "why": "np.argmax: NaN scores win and ties go to the first in list order",
            "code": """\
def best_c(cv_results):
    scores = np.asarray(cv_results["mean_test_score"], dtype=float)
    return float(cv_results["param_model__C"][np.argmax(scores)])
""",
        },
        {
            "why": "np.nanargmax: ties go to the first in list order, not the smallest C",
            "code": """\
def best_c(cv_results):
    c_values = np.asarray(cv_results["param_model__C"], dtype=float)
    return float(c_values[np.nanargmax(cv_results["mean_test_score"])])
""",
        },
        {
            "why": "returns the position of the best C instead of its value",
            "code": """\
def best_c(cv_results):
    scores = np.asarray(cv_results["mean_test_score"], dtype=float)
    return int(np.nanargmax(scores))
""",
        },
    ],
    "q6_weighted_scores": [
        {
            "why": "macro average: every class counts the same",
            "code": """\
def weighted_scores(confusion):
    confusion = confusion.astype(np.float64)
    correct = np.diag(confusion)
    precision = correct / np.maximum(confusion.sum(axis=0), 1)
    recall = correct / np.maximum(confusion.sum(axis=1), 1)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    return float(precision.mean()), float(recall.mean()), float(f1.mean())
""",
        },
        {
            "why": "precision and recall swapped (rows and columns mixed up)",
            "code": """\
def weighted_scores(confusion):
    confusion = confusion.astype(np.float64)
    correct = np.diag(confusion)
    support = confusion.sum(axis=1)
    precision = correct / np.maximum(support, 1)
    recall = correct / np.maximum(confusion.sum(axis=0), 1)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    weights = support / support.sum()
    return float(weights @ precision), float(weights @ recall), float(weights @ f1)
""",
        },
        {
            "why": "F1 of the averaged precision and recall, not the average of per-class F1",
            "code": """\
def weighted_scores(confusion):
    confusion = confusion.astype(np.float64)
    correct = np.diag(confusion)
    support = confusion.sum(axis=1)
    precision = correct / np.maximum(confusion.sum(axis=0), 1)
    recall = correct / np.maximum(support, 1)
    weights = support / support.sum()
    p, r = float(weights @ precision), float(weights @ recall)
    return p, r, 2 * p * r / (p + r)
""",
        },
    ],
}
