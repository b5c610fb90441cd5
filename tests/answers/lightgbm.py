"""Common wrong answers to the exercises of 04_lightgbm, kept to prove the grader catches them.

Each ``code`` is the complete source of an answer cell, as a learner might write it.
``hidden_only`` marks a mistake that only the hidden tests of the notebook catch.
"""

CORRECT: dict[str, list[dict]] = {}

MISTAKES = {
    "q1_boosted_probabilities": [
        {
            "why": "no shrinkage: the tree outputs are added without the learning rate",
            "code": """\
def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = base_scores + tree_outputs.sum(axis=0)
    e = np.exp(raw - raw.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
""",
        },
        {
            "why": "softmax over the images (axis 0) instead of the classes",
            "code": """\
def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = base_scores + learning_rate * tree_outputs.sum(axis=0)
    e = np.exp(raw)
    return e / e.sum(axis=0, keepdims=True)
""",
        },
        {
            "why": "the learning rate also shrinks the starting scores",
            "code": """\
def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = learning_rate * (base_scores + tree_outputs.sum(axis=0))
    e = np.exp(raw)
    return e / e.sum(axis=1, keepdims=True)
""",
        },
    ],
    "q2_trees_in_search": [
        {
            "why": "forgets the refit of the best candidate",
            "code": """\
def trees_in_search(rounds, n_folds, n_classes, best):
    per_round = n_classes if n_classes > 2 else 1
    return n_folds * sum(rounds) * per_round
""",
        },
        {
            "why": "counts rounds, not trees: forgets one tree per class",
            "code": """\
def trees_in_search(rounds, n_folds, n_classes, best):
    return n_folds * sum(rounds) + rounds[best]
""",
        },
        {
            "why": "two trees per round for a binary problem",
            "code": """\
def trees_in_search(rounds, n_folds, n_classes, best):
    return (n_folds * sum(rounds) + rounds[best]) * n_classes
""",
        },
    ],
    "q3_importance_map": [
        {
            "why": "colour features reshaped channels first, (3, height, width)",
            "code": """\
def importance_map(importances, height, width):
    per_pixel = np.asarray(importances, dtype=np.float64).reshape(-1, height, width).sum(axis=0)
    top = per_pixel.max()
    return per_pixel / top if top > 0 else per_pixel
""",
        },
        {
            "why": "normalised by the sum instead of the maximum",
            "code": """\
def importance_map(importances, height, width):
    per_pixel = np.asarray(importances, dtype=np.float64).reshape(height, width, -1).sum(axis=2)
    total = per_pixel.sum()
    return per_pixel / total if total > 0 else per_pixel
""",
        },
        {
            "why": "reshaped to (width, height)",
            "code": """\
def importance_map(importances, height, width):
    per_pixel = np.asarray(importances, dtype=np.float64).reshape(width, height, -1).sum(axis=2)
    top = per_pixel.max()
    return per_pixel / top if top > 0 else per_pixel
""",
        },
    ],
    "q4_colour_histogram": [
        {
            "why": "pixel counts, not normalised",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    return np.concatenate([np.histogram(image[:, :, c], bins=bins, range=(0, top))[0]
                           for c, top in enumerate(tops)])
""",
        },
        {
            "why": "OpenCV's hue histogrammed over 0..256 instead of 0..180",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([np.histogram(image[:, :, c], bins=bins, range=(0, 256))[0] / n
                           for c in range(3)])
""",
        },
        {
            "why": "bins edges off by one: np.linspace(0, top, bins) makes bins - 1 bins",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([np.histogram(image[:, :, c], bins=np.linspace(0, top, bins))[0] / n
                           for c, top in enumerate(tops)])
""",
        },
    ],
    "q5_histogram_intersection": [
        {
            "why": "not divided by the query's total",
            "code": """\
def histogram_intersection(query, histograms):
    return np.minimum(query, histograms).sum(axis=1)
""",
        },
        {
            "why": "divided by each row's total instead of the query's",
            "code": """\
def histogram_intersection(query, histograms):
    return np.minimum(query, histograms).sum(axis=1) / histograms.sum(axis=1)
""",
        },
        {
            "why": "normalises both histograms to add up to 1 before the minimum",
            "code": """\
def histogram_intersection(query, histograms):
    query = query / query.sum()
    histograms = histograms / histograms.sum(axis=1, keepdims=True)
    return np.minimum(query, histograms).sum(axis=1)
""",
        },
    ],
    "q6_refine_space": [
        {
            "why": "stats.uniform(low, high) read as low..high: it runs from low to low + high",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(max(0.5, share - 0.1), min(1.0, share + 0.1))
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "learning rate drawn uniformly instead of log-uniformly",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.uniform(rate / 2, rate * 2 - rate / 2)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "bagging frequency not set: kept from best_params, or missing (0: no bagging)",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    return space
""",
        },
    ],
}
