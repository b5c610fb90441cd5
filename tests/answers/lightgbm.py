"""Recorded answers to the exercises of 04_lightgbm, right and wrong.

``CORRECT``: answers written another way than the reference (other library calls,
other idioms, loops, extra prints and plots, a warning that the answer handles);
each must be told "Correct" and earn full marks.
``MISTAKES``: common wrong answers; each must be told "Incorrect" with a message
that contains its ``diagnosis`` (case ignored), and lose its exercise's points.
Each ``code`` is the complete source of an answer cell, as a learner might write it.
"""

CORRECT = {
    "q1_boosted_probabilities": [
        {
            "how": "scipy.special.softmax, with a debug print of the shapes",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    print("trees:", tree_outputs.shape, "base:", base_scores.shape)
    raw = base_scores + learning_rate * tree_outputs.sum(axis=0)
    return special.softmax(raw, axis=1)
""",
        },
        {
            "how": "loops over images, classes and rounds with math.exp",
            "code": """import math

def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    rounds, images, classes = tree_outputs.shape
    result = np.zeros((images, classes))
    for n in range(images):
        raw = []
        for k in range(classes):
            total = sum(tree_outputs[m, n, k] for m in range(rounds))
            raw.append(base_scores[k] + learning_rate * total)
        exps = [math.exp(r) for r in raw]
        result[n] = [e / sum(exps) for e in exps]
    return result
""",
        },
        {
            "how": "np.einsum for the sum, one shift by the largest score overall",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = base_scores[None, :] + learning_rate * np.einsum("mnk->nk", tree_outputs)
    e = np.exp(raw - raw.max())
    return e / e.sum(axis=-1, keepdims=True)
""",
        },
        {
            "how": "the starting scores shifted on a copy, raw scores in float32",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    base = base_scores - base_scores.max()  # a new array: the caller's is left alone
    raw = (base + learning_rate * tree_outputs.sum(axis=0)).astype(np.float32)
    e = np.exp(raw - raw.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
""",
        },
        {
            "how": "log-probabilities with scipy.special.logsumexp, accumulated round by round",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = np.tile(base_scores, (tree_outputs.shape[1], 1)).astype(np.float64)
    for tree in tree_outputs:
        raw += learning_rate * tree
    return np.exp(raw - special.logsumexp(raw, axis=1, keepdims=True))
""",
        },
    ],
    "q2_trees_in_search": [
        {
            "how": "a loop over the candidates, with a debug print",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    total = 0
    for r in rounds:
        total += r * n_folds
    total += rounds[best]
    per_round = 1 if n_classes == 2 else n_classes
    print(f"{total} rounds x {per_round} trees per round")
    return total * per_round
""",
        },
        {
            "how": "np.sum, so the answer is an np.int64",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    per_round = n_classes if n_classes > 2 else 1
    return (np.sum(rounds) * n_folds + rounds[best]) * per_round
""",
        },
        {
            "how": "a generator expression, and int() of the product",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    fits = sum(n_folds * r for r in rounds) + rounds[best]
    return int(fits * (n_classes if n_classes >= 3 else 1))
""",
        },
    ],
    "q3_importance_map": [
        {
            "how": "np.nan_to_num after dividing by 0 (a RuntimeWarning, handled)",
            "code": """def importance_map(importances, height, width):
    per_pixel = np.reshape(importances, (height, width, -1)).sum(axis=-1)
    return np.nan_to_num(per_pixel / per_pixel.max())
""",
        },
        {
            "how": "np.where, which still divides 0 by 0 (a RuntimeWarning, handled)",
            "code": """def importance_map(importances, height, width):
    per_pixel = np.asarray(importances, dtype=float).reshape(height, width, -1).sum(axis=2)
    top = per_pixel.max()
    return np.where(top > 0, per_pixel / top, 0.0)
""",
        },
        {
            "how": "branches on gray or colour, float32, the mean of the channels",
            "code": """def importance_map(importances, height, width):
    values = np.asarray(importances, dtype=np.float32)
    if values.size == 3 * height * width:
        per_pixel = values.reshape(height, width, 3).mean(axis=2)
    else:
        per_pixel = values.reshape(height, width)
    if per_pixel.max() == 0:
        return np.zeros((height, width), dtype=np.float32)
    return per_pixel / per_pixel.max()
""",
        },
        {
            "how": "plots every map it makes, a new figure each call",
            "code": """import matplotlib.pyplot as plt

def importance_map(importances, height, width):
    per_pixel = np.asarray(importances, dtype=np.float64).reshape(height, width, -1).sum(axis=2)
    result = np.divide(per_pixel, per_pixel.max(), out=np.zeros_like(per_pixel),
                       where=per_pixel.max() > 0)
    plt.figure(figsize=(2, 2))
    plt.imshow(result, cmap="magma", vmin=0, vmax=1)
    plt.title(f"{height}x{width}")
    return result
""",
        },
        {
            "how": "tried on a real LightGBM model in the answer cell, verbose left at its default",
            "code": """def importance_map(importances, height, width):
    per_pixel = np.asarray(importances, dtype=np.float64).reshape(height, width, -1).sum(axis=2)
    return per_pixel / max(per_pixel.max(), 1e-12)


demo_rng = np.random.default_rng(0)
demo_x = demo_rng.random((40, 16))
demo_y = (demo_x[:, 5] > 0.5).astype(int)
demo_model = lightgbm.LGBMClassifier(n_estimators=5, min_child_samples=2).fit(demo_x, demo_y)
print(importance_map(demo_model.feature_importances_, 4, 4).round(2))
""",
        },
    ],
    "q4_colour_histogram": [
        {
            "how": "cv2.calcHist (float32 counts), ravelled",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([
        cv2.calcHist([image], [c], None, [bins], [0, top]).ravel() / n
        for c, top in enumerate(tops)
    ])
""",
        },
        {
            "how": "np.bincount of integer bin numbers, computed without overflow",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    parts = []
    for c, top in enumerate(tops):
        numbers = image[:, :, c].astype(np.int64).ravel() * bins // top
        parts.append(np.bincount(numbers, minlength=bins) / n)
    return np.concatenate(parts)
""",
        },
        {
            "how": "explicit bin edges from np.linspace(0, top, bins + 1), cv2.split",
            "code": """def colour_histogram(image, bins, space):
    if space == "rgb":
        channels, tops = cv2.split(image), [256, 256, 256]
    else:
        channels, tops = cv2.split(cv2.cvtColor(image, cv2.COLOR_RGB2HSV)), [180, 256, 256]
    result = []
    for channel, top in zip(channels, tops):
        counts, _ = np.histogram(channel, bins=np.linspace(0, top, bins + 1))
        result.append(counts / channel.size)
    return np.concatenate(result)
""",
        },
    ],
    "q5_histogram_intersection": [
        {
            "how": "a loop over the rows, then one division",
            "code": """def histogram_intersection(query, histograms):
    overlaps = []
    for row in histograms:
        overlaps.append(np.minimum(query, row).sum())
    return np.array(overlaps) / query.sum()
""",
        },
        {
            "how": "means instead of sums (the bin count cancels out)",
            "code": """def histogram_intersection(query, histograms):
    return np.minimum(query, histograms).mean(axis=1) / query.mean()
""",
        },
        {
            "how": "np.where for the smaller value, with a debug print",
            "code": """def histogram_intersection(query, histograms):
    smaller = np.where(histograms < query, histograms, query)
    print("overlap per row:", smaller.sum(axis=-1))
    return smaller.sum(axis=-1) / np.sum(query)
""",
        },
    ],
    "q6_refine_space": [
        {
            "how": "stats.reciprocal and keyword arguments, a loop and dict.update",
            "code": """def refine_space(best_params):
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space = {}
    for key, value in best_params.items():
        space[key] = [value]
    space.update({
        "lgbm__learning_rate": stats.reciprocal(a=rate * 0.5, b=rate * 2.0),
        "lgbm__n_estimators": [int(trees / 2), trees, trees * 2],
        "lgbm__subsample": stats.uniform(loc=low, scale=high - low),
        "lgbm__subsample_freq": [1],
    })
    return space
""",
        },
        {
            "how": "the fixed keys first, without the refined ones; scipy.stats names imported",
            "code": """from scipy.stats import loguniform, uniform

REFINED = ("lgbm__learning_rate", "lgbm__n_estimators", "lgbm__subsample",
           "lgbm__subsample_freq")

def refine_space(best_params):
    space = {k: [v] for k, v in best_params.items() if k not in REFINED}
    s = best_params["lgbm__subsample"]
    n = best_params["lgbm__n_estimators"]
    space["lgbm__learning_rate"] = loguniform(best_params["lgbm__learning_rate"] / 2,
                                              best_params["lgbm__learning_rate"] * 2)
    space["lgbm__n_estimators"] = np.array([n // 2, n, 2 * n])
    space["lgbm__subsample"] = uniform(max(0.5, s - 0.1), min(1.0, s + 0.1) - max(0.5, s - 0.1))
    space["lgbm__subsample_freq"] = (1,)
    return space
""",
        },
    ],
}

MISTAKES = {
    "q1_boosted_probabilities": [
        {
            "why": "no shrinkage: the tree outputs are added without the learning rate",
            "diagnosis": "without the learning rate",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = base_scores + tree_outputs.sum(axis=0)
    e = np.exp(raw - raw.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
""",
        },
        {
            "why": "softmax over the images (axis 0) instead of the classes",
            "diagnosis": "down each column",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = base_scores + learning_rate * tree_outputs.sum(axis=0)
    e = np.exp(raw)
    return e / e.sum(axis=0, keepdims=True)
""",
        },
        {
            "why": "the learning rate also shrinks the starting scores",
            "diagnosis": "starting scores by the learning rate",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = learning_rate * (base_scores + tree_outputs.sum(axis=0))
    e = np.exp(raw)
    return e / e.sum(axis=1, keepdims=True)
""",
        },
        {
            "why": "the starting scores are left out",
            "diagnosis": "starting scores were left out",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    return special.softmax(learning_rate * tree_outputs.sum(axis=0), axis=1)
""",
        },
        {
            "why": "the tree outputs are averaged over the rounds",
            "diagnosis": "averaged",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    return special.softmax(base_scores + learning_rate * tree_outputs.mean(axis=0), axis=1)
""",
        },
        {
            "why": "sums over the images (axis 1) instead of the rounds",
            "diagnosis": "over the images (axis 1)",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = base_scores + learning_rate * tree_outputs.sum(axis=1)
    return np.exp(raw) / np.exp(raw).sum(axis=1, keepdims=True)
""",
        },
        {
            "why": "returns the raw scores, no softmax",
            "diagnosis": "raw scores",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    return base_scores + learning_rate * tree_outputs.sum(axis=0)
""",
        },
        {
            "why": "a sigmoid of each score instead of the softmax over the classes",
            "diagnosis": "should add up to 1",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = base_scores + learning_rate * tree_outputs.sum(axis=0)
    return 1 / (1 + np.exp(-raw))
""",
        },
        {
            "why": "the result transposed: one row per class",
            "diagnosis": "one row per class",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = base_scores + learning_rate * tree_outputs.sum(axis=0)
    return special.softmax(raw, axis=1).T
""",
        },
        {
            "why": "returns the most likely class of each image, not the probabilities",
            "diagnosis": "should have shape (2, 3)",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = base_scores + learning_rate * tree_outputs.sum(axis=0)
    return special.softmax(raw, axis=1).argmax(axis=1)
""",
        },
        {
            "why": "shrinks the tree outputs in place, changing the caller's array",
            "diagnosis": "changed tree_outputs",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    tree_outputs *= learning_rate
    return special.softmax(base_scores + tree_outputs.sum(axis=0), axis=1)
""",
        },
        {
            "why": "the learning rate written as a constant, 0.5",
            "diagnosis": "use the learning_rate argument",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    raw = base_scores + tree_outputs.sum(axis=0) / 2
    return special.softmax(raw, axis=1)
""",
        },
        {
            "why": "shifts base_scores in place by its maximum: right result, changed input",
            "diagnosis": "changed base_scores",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    base_scores -= base_scores.max()  # the softmax does not change
    raw = base_scores + learning_rate * tree_outputs.sum(axis=0)
    e = np.exp(raw - raw.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
""",
        },
        {
            "why": "turns base_scores into log-probabilities in place, with [:]",
            "diagnosis": "changed base_scores",
            "code": """def boosted_probabilities(base_scores, tree_outputs, learning_rate):
    base_scores[:] = base_scores - special.logsumexp(base_scores)  # start from log-probabilities
    raw = base_scores + learning_rate * tree_outputs.sum(axis=0)
    return special.softmax(raw, axis=1)
""",
        },
    ],
    "q2_trees_in_search": [
        {
            "why": "forgets the refit of the best candidate",
            "diagnosis": "left out the refit",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    per_round = n_classes if n_classes > 2 else 1
    return n_folds * sum(rounds) * per_round
""",
        },
        {
            "why": "counts rounds, not trees: forgets one tree per class",
            "diagnosis": "one per class",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    return n_folds * sum(rounds) + rounds[best]
""",
        },
        {
            "why": "two trees per round for a binary problem",
            "diagnosis": "ONE tree per round",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    return (n_folds * sum(rounds) + rounds[best]) * n_classes
""",
        },
        {
            "why": "n_classes - 1 trees per round, as if one class were free",
            "diagnosis": "5 tree(s) per round",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    return (n_folds * sum(rounds) + rounds[best]) * (n_classes - 1)
""",
        },
        {
            "why": "a float count, from np.mean",
            "diagnosis": "(an int)",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    per_round = n_classes if n_classes > 2 else 1
    return (n_folds * len(rounds) * np.mean(rounds) + rounds[best]) * per_round
""",
        },
        {
            "why": "refits the candidate with the most rounds, not the one at index best",
            "diagnosis": "a candidate with 30 rounds",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    per_round = n_classes if n_classes > 2 else 1
    return (n_folds * sum(rounds) + max(rounds)) * per_round
""",
        },
        {
            "why": "adds best, an index, as the refit's number of rounds",
            "diagnosis": "an index in rounds",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    per_round = n_classes if n_classes > 2 else 1
    return (n_folds * sum(rounds) + best) * per_round
""",
        },
        {
            "why": "refits every candidate",
            "diagnosis": "refitted every candidate",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    per_round = n_classes if n_classes > 2 else 1
    return (n_folds + 1) * sum(rounds) * per_round
""",
        },
        {
            "why": "refits the best candidate once per fold",
            "diagnosis": "once per fold. The refit trains it once",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    per_round = n_classes if n_classes > 2 else 1
    return n_folds * (sum(rounds) + rounds[best]) * per_round
""",
        },
        {
            "why": "the search counted right, but the binary refit with n_classes trees per round",
            "diagnosis": "your refit builds 2 tree(s) per round",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    per_round = n_classes if n_classes > 2 else 1
    return n_folds * sum(rounds) * per_round + rounds[best] * n_classes
""",
        },
        {
            "why": "the search counted right, but the refit with one tree per round",
            "diagnosis": "your refit builds 1 tree(s) per round",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    per_round = n_classes if n_classes > 2 else 1
    return n_folds * sum(rounds) * per_round + rounds[best]
""",
        },
        {
            "why": "a refit for every candidate but the best, as one more fold minus the best",
            "diagnosis": "each candidate is trained once per fold (3 x 350 rounds)",
            "code": """def trees_in_search(rounds, n_folds, n_classes, best):
    per_round = n_classes if n_classes > 2 else 1
    return int(((n_folds + 1) * sum(rounds) - rounds[best]) * per_round)
""",
        },
    ],
    "q3_importance_map": [
        {
            "why": "colour features reshaped channels first, (3, height, width)",
            "diagnosis": "channels are in the wrong place",
            "code": """def importance_map(importances, height, width):
    per_pixel = np.asarray(importances, dtype=np.float64).reshape(-1, height, width).sum(axis=0)
    top = per_pixel.max()
    return per_pixel / top if top > 0 else per_pixel
""",
        },
        {
            "why": "normalised by the sum instead of the maximum",
            "diagnosis": "sum of the importances",
            "code": """def importance_map(importances, height, width):
    per_pixel = np.asarray(importances, dtype=np.float64).reshape(height, width, -1).sum(axis=2)
    total = per_pixel.sum()
    return per_pixel / total if total > 0 else per_pixel
""",
        },
        {
            "why": "reshaped to (width, height)",
            "diagnosis": "it should be (2, 3)",
            "code": """def importance_map(importances, height, width):
    per_pixel = np.asarray(importances, dtype=np.float64).reshape(width, height, -1).sum(axis=2)
    top = per_pixel.max()
    return per_pixel / top if top > 0 else per_pixel
""",
        },
        {
            "why": "no guard for all-zero importances: 0 / 0 gives NaN",
            "diagnosis": "0 / 0 gives nan",
            "code": """def importance_map(importances, height, width):
    per_pixel = np.reshape(importances, (height, width, -1)).sum(axis=-1)
    return per_pixel / per_pixel.max()
""",
        },
        {
            "why": "min-max scaling instead of dividing by the maximum",
            "diagnosis": "min-max",
            "code": """def importance_map(importances, height, width):
    per_pixel = np.reshape(importances, (height, width, -1)).sum(axis=-1).astype(float)
    spread = per_pixel.max() - per_pixel.min()
    return (per_pixel - per_pixel.min()) / spread if spread > 0 else np.zeros_like(per_pixel)
""",
        },
        {
            "why": "normalises the importances before adding up each pixel's channels",
            "diagnosis": "largest value of your map is",
            "code": """def importance_map(importances, height, width):
    values = np.asarray(importances, dtype=float)
    if values.max() > 0:
        values = values / values.max()
    return values.reshape(height, width, -1).sum(axis=2)
""",
        },
        {
            "why": "not normalised at all",
            "diagnosis": "is not normalised",
            "code": """def importance_map(importances, height, width):
    return np.asarray(importances, dtype=float).reshape(height, width, -1).sum(axis=2)
""",
        },
        {
            "why": "returns a uint8 picture (0..255) instead of floats",
            "diagnosis": "should hold floats",
            "code": """def importance_map(importances, height, width):
    per_pixel = np.asarray(importances, dtype=np.float64).reshape(height, width, -1).sum(axis=2)
    if per_pixel.max() > 0:
        per_pixel = per_pixel / per_pixel.max()
    return (per_pixel * 255).astype(np.uint8)
""",
        },
        {
            "why": "squeezes the map, so a one-pixel image gives a single number",
            "diagnosis": "one value per pixel",
            "code": """def importance_map(importances, height, width):
    per_pixel = np.squeeze(np.reshape(importances, (height, width, -1)).sum(axis=-1))
    return per_pixel / per_pixel.max() if per_pixel.max() > 0 else per_pixel
""",
        },
        {
            "why": "keeps the colour channels: a (height, width, 3) map",
            "diagnosis": "should still be (height, width)",
            "code": """def importance_map(importances, height, width):
    values = np.asarray(importances, dtype=float)
    if values.size == height * width:
        values = values.reshape(height, width)
    else:
        values = values.reshape(height, width, 3)
    return values / values.max() if values.max() > 0 else values
""",
        },
        {
            "why": "adds up the colour channels but forgets to reshape to (height, width)",
            "diagnosis": "should give a (2, 3) map",
            "code": """def importance_map(importances, height, width):
    values = np.asarray(importances, dtype=float)
    if values.size == height * width:
        per_pixel = values.reshape(height, width)
    else:
        per_pixel = values.reshape(-1, 3).sum(axis=1)
    return per_pixel / per_pixel.max() if per_pixel.max() > 0 else per_pixel
""",
        },
        {
            "why": "no reshape at all: a flat map",
            "diagnosis": "should have shape (2, 3); yours has shape (6,)",
            "code": """def importance_map(importances, height, width):
    values = np.asarray(importances, dtype=float)
    return values / values.max() if values.max() > 0 else values
""",
        },
        {
            "why": "all-zero importances: returns zeros shaped like the importances",
            "diagnosis": "should have shape (3, 1)",
            "code": """def importance_map(importances, height, width):
    if np.max(importances) == 0:
        return np.zeros_like(importances)
    per_pixel = np.asarray(importances, dtype=float).reshape(height, width, -1).sum(axis=2)
    return per_pixel / per_pixel.max()
""",
        },
        {
            "why": "all-zero importances: integer zeros, though every other map holds floats",
            "diagnosis": "when every importance is 0 your map has dtype",
            "code": """def importance_map(importances, height, width):
    per_pixel = np.asarray(importances).reshape(height, width, -1).sum(axis=2)
    if per_pixel.max() == 0:
        return np.zeros((height, width), dtype=int)
    return per_pixel / per_pixel.max()
""",
        },
    ],
    "q4_colour_histogram": [
        {
            "why": "pixel counts, not normalised",
            "diagnosis": "fractions of the pixels (floats)",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([
        np.histogram(image[:, :, c], bins=bins, range=(0, top))[0] for c, top in enumerate(tops)
    ])
""",
        },
        {
            "why": "cv2.calcHist counts (floats), not divided by the number of pixels",
            "diagnosis": "these are pixel counts",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([
        cv2.calcHist([image], [c], None, [bins], [0, top]).ravel() for c, top in enumerate(tops)
    ])
""",
        },
        {
            "why": "OpenCV's hue histogrammed over 0..256 instead of 0..180",
            "diagnosis": "0..180, not 0..256",
            "code": """def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([np.histogram(image[:, :, c], bins=bins, range=(0, 256))[0] / n
                           for c in range(3)])
""",
        },
        {
            "why": "bins edges off by one: np.linspace(0, top, bins) makes bins - 1 bins",
            "diagnosis": "one bin short",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([
        np.histogram(image[:, :, c], bins=np.linspace(0, top, bins))[0] / n
        for c, top in enumerate(tops)
    ])
""",
        },
        {
            "why": "converted with COLOR_BGR2HSV: the images are RGB",
            "diagnosis": "as if the image were bgr",
            "code": """def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_BGR2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([np.histogram(image[:, :, c], bins=bins, range=(0, top))[0] / n
                           for c, top in enumerate(tops)])
""",
        },
        {
            "why": "range=(0, 255) (and 0..179): the largest value, not the outer edge",
            "diagnosis": "outer edge of the bins",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([
        np.histogram(image[:, :, c], bins=bins, range=(0, top - 1))[0] / n
        for c, top in enumerate(tops)
    ])
""",
        },
        {
            "why": "bin numbers from uint8 values times bins: they overflow",
            "diagnosis": "wrapped around",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    parts = []
    for c, top in enumerate(tops):
        numbers = np.floor(image[:, :, c].ravel() * bins / top).astype(int)
        parts.append(np.bincount(numbers, minlength=bins)[:bins] / n)
    return np.concatenate(parts)
""",
        },
        {
            "why": "the hue's top of 180 used for the red channel too",
            "diagnosis": "for opencv's hue only",
            "code": """def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([np.histogram(image[:, :, c], bins=bins, range=(0, top))[0] / n
                           for c, top in enumerate((180, 256, 256))])
""",
        },
        {
            "why": "the whole vector normalised to 1 instead of each channel",
            "diagnosis": "whole vector adds up to 1",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    counts = np.concatenate([
        np.histogram(image[:, :, c], bins=bins, range=(0, top))[0] for c, top in enumerate(tops)
    ])
    return counts / counts.sum()
""",
        },
        {
            "why": "np.stack instead of np.concatenate: a (3, bins) array",
            "diagnosis": "concatenate",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.stack([np.histogram(image[:, :, c], bins=bins, range=(0, top))[0] / n
                     for c, top in enumerate(tops)])
""",
        },
        {
            "why": "converts to HSV whatever the space",
            "diagnosis": "do not convert",
            "code": """def colour_histogram(image, bins, space):
    hsv = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([np.histogram(hsv[:, :, c], bins=bins, range=(0, top))[0] / n
                           for c, top in enumerate((180, 256, 256))])
""",
        },
        {
            "why": "never converts to HSV",
            "diagnosis": "you histogrammed the rgb channels",
            "code": """def colour_histogram(image, bins, space):
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([np.histogram(image[:, :, c], bins=bins, range=(0, top))[0] / n
                           for c, top in enumerate(tops)])
""",
        },
        {
            "why": "np.histogram without range: bins from the image's smallest to largest value",
            "diagnosis": "without range=(0, top)",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([np.histogram(image[:, :, c], bins=bins)[0] / n
                           for c in range(3)])
""",
        },
        {
            "why": "np.histogram(density=True): divided by the bin width too",
            "diagnosis": "density=true",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([
        np.histogram(image[:, :, c], bins=bins, range=(0, top), density=True)[0]
        for c, top in enumerate(tops)
    ])
""",
        },
        {
            "why": "converts a float image: OpenCV's float HSV has hue in degrees, S and V in 0..1",
            "diagnosis": "has wrong values",
            "code": """def colour_histogram(image, bins, space):
    image = image.astype(np.float32) / 255
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    image = np.round(image * 255).astype(np.uint8) if space == "rgb" else image
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([np.histogram(image[:, :, c], bins=bins, range=(0, top))[0] / n
                           for c, top in enumerate(tops)])
""",
        },
        {
            "why": "the number of bins written as a constant",
            "diagnosis": "use the bins argument",
            "code": """\
def colour_histogram(image, bins, space):
    if space == "hsv":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([
        np.histogram(image[:, :, c], bins=4, range=(0, top))[0] / n for c, top in enumerate(tops)
    ])
""",
        },
        {
            "why": "converts to HSV in place (dst=image), overwriting the caller's photo",
            "diagnosis": "changed the array it was given",
            "code": """def colour_histogram(image, bins, space):
    if space == "hsv":
        cv2.cvtColor(image, cv2.COLOR_RGB2HSV, dst=image)  # saves a copy
    tops = (180, 256, 256) if space == "hsv" else (256, 256, 256)
    n = image.shape[0] * image.shape[1]
    return np.concatenate([
        np.histogram(image[:, :, c], bins=bins, range=(0, top))[0] / n for c, top in enumerate(tops)
    ])
""",
        },
    ],
    "q5_histogram_intersection": [
        {
            "why": "not divided by the query's total",
            "diagnosis": "divide by query.sum()",
            "code": """def histogram_intersection(query, histograms):
    return np.minimum(query, histograms).sum(axis=1)
""",
        },
        {
            "why": "divided by each row's total instead of the query's",
            "diagnosis": "each row's own total",
            "code": """def histogram_intersection(query, histograms):
    return np.minimum(query, histograms).sum(axis=1) / histograms.sum(axis=1)
""",
        },
        {
            "why": "normalises both histograms to add up to 1 before the minimum",
            "diagnosis": "normalised the histograms",
            "code": """def histogram_intersection(query, histograms):
    query = query / query.sum()
    histograms = histograms / histograms.sum(axis=1, keepdims=True)
    return np.minimum(query, histograms).sum(axis=1)
""",
        },
        {
            "why": "sums over every bin of every row: a single number",
            "diagnosis": "one value per row of histograms, shape (N,)",
            "code": """def histogram_intersection(query, histograms):
    return np.minimum(query, histograms).sum() / query.sum()
""",
        },
        {
            "why": "np.squeeze: one histogram gives a single number",
            "diagnosis": "one value per row of histograms, shape (N,)",
            "code": """def histogram_intersection(query, histograms):
    return np.squeeze(np.minimum(query, histograms).sum(axis=1)) / query.sum()
""",
        },
        {
            "why": "a Python list of similarities",
            "diagnosis": "yours is a list",
            "code": """def histogram_intersection(query, histograms):
    return [float(np.minimum(query, row).sum() / query.sum()) for row in histograms]
""",
        },
        {
            "why": "sums down the columns (axis 0): one value per bin",
            "diagnosis": "one value per bin",
            "code": """def histogram_intersection(query, histograms):
    return np.minimum(query, histograms).sum(axis=0) / query.sum()
""",
        },
        {
            "why": "keepdims=True: shape (N, 1)",
            "diagnosis": "yours has shape (3, 1)",
            "code": """def histogram_intersection(query, histograms):
    return np.minimum(query, histograms).sum(axis=1, keepdims=True) / query.sum()
""",
        },
        {
            "why": "a dot product instead of the minimum",
            "diagnosis": "dot product",
            "code": """def histogram_intersection(query, histograms):
    return histograms @ query / query.sum()
""",
        },
        {
            "why": "the larger value in each bin",
            "diagnosis": "larger value",
            "code": """def histogram_intersection(query, histograms):
    return np.maximum(query, histograms).sum(axis=1) / query.sum()
""",
        },
        {
            "why": "np.minimum(..., out=histograms) to save memory: overwrites the caller's rows",
            "diagnosis": "changed the array it was given",
            "code": """def histogram_intersection(query, histograms):
    np.minimum(query, histograms, out=histograms)
    return histograms.sum(axis=1) / query.sum()
""",
        },
    ],
    "q6_refine_space": [
        {
            "why": "stats.uniform(low, high) read as low..high: it runs from low to low + high",
            "diagnosis": "loc to loc + scale",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "learning rate drawn uniformly instead of log-uniformly",
            "diagnosis": "log-uniformly",
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
            "why": "bagging frequency not set, and missing when best_params has none",
            "diagnosis": "no 'lgbm__subsample_freq'",
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
        {
            "why": "bagging frequency kept from best_params, which may say 0",
            "diagnosis": "subsample_freq 0",
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
    space["lgbm__subsample_freq"] = [best_params.get("lgbm__subsample_freq", 1)]
    return space
""",
        },
        {
            "why": "the subsample range cut at 1.0 but not at 0.5",
            "diagnosis": "cut at 0.5",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(share - 0.1, high - (share - 0.1))
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "keeps only the lgbm__ keys, dropping the feature step's settings",
            "diagnosis": "lacks ['features__bins']",
            "code": """\
def refine_space(best_params):
    space = {k: [v] for k, v in best_params.items() if k.startswith("lgbm__")}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "only the four refined keys: the other settings fall back to their defaults",
            "diagnosis": "your space lacks",
            "code": """\
def refine_space(best_params):
    space = {}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "LightGBM's name bagging_freq instead of scikit-learn's subsample_freq",
            "diagnosis": "lightgbm's own name",
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
    space["lgbm__bagging_freq"] = [1]
    return space
""",
        },
        {
            "why": "an extra setting in the space",
            "diagnosis": "do not belong",
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
    space["lgbm__subsample_freq"] = [1]
    space["lgbm__verbose"] = [-1]
    return space
""",
        },
        {
            "why": "the number of trees drawn from a range instead of the three values",
            "diagnosis": "different values",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = stats.randint(trees // 2, 2 * trees + 1)
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "n / 2: a float number of trees",
            "diagnosis": "whole numbers",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = [trees / 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "forgets to return the space",
            "diagnosis": "returned none",
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
    space["lgbm__subsample_freq"] = [1]
""",
        },
        {
            "why": "returns a list holding the space, not the dict the exercise asks for",
            "diagnosis": "should return a dict",
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
    space["lgbm__subsample_freq"] = [1]
    return [space]
""",
        },
        {
            "why": "wraps the values of best_params itself, changing it",
            "diagnosis": "changed the best_params",
            "code": """\
def refine_space(best_params):
    space = best_params
    for key in space:
        space[key] = [space[key]]
    rate = space["lgbm__learning_rate"][0]
    trees = space["lgbm__n_estimators"][0]
    share = space["lgbm__subsample"][0]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "the fixed settings kept as plain values, not one-element lists",
            "diagnosis": "cannot sample",
            "code": """\
def refine_space(best_params):
    space = dict(best_params)
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "a list of a few learning rates instead of a distribution",
            "diagnosis": "only a few values",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = list(np.geomspace(rate / 2, rate * 2, 7))
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "learning rates from a third to three times the best",
            "diagnosis": "learning rate of 0.08 the candidates should stay between",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 3, rate * 3)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "learning rates from 0.75 to 1.5 times the best: too narrow",
            "diagnosis": "learning rate of 0.08 the candidates should cover",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate * 0.75, rate * 1.5)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "three subsample values instead of a distribution",
            "diagnosis": "the subsample takes only a few values",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = [low, share, high]
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "a subsample range of half the width, below the best value only",
            "diagnosis": "subsample of 0.8 the candidates should cover",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(share - 0.05, 0.05)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "searches the bagging frequency too",
            "diagnosis": "should be the list [1]",
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
    space["lgbm__subsample_freq"] = [1, 5]
    return space
""",
        },
        {
            "why": "refines the feature fraction too, like the subsample",
            "diagnosis": "should stay fixed",
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
    space["lgbm__subsample_freq"] = [1]
    if "lgbm__colsample_bytree" in best_params:
        fraction = best_params["lgbm__colsample_bytree"]
        space["lgbm__colsample_bytree"] = stats.uniform(fraction - 0.1, 0.2)
    return space
""",
        },
        {
            "why": "round(n / 2) for half the trees: 37.5 rounds to 38, not 75 // 2 = 37",
            "diagnosis": "the exercise rounds it down, 75 // 2 = 37",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 2, rate * 2)
    space["lgbm__n_estimators"] = [round(trees / 2), trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "learning rates from the best / 1.9 to 1.9 x the best: slightly too narrow",
            "diagnosis": "learning rate of 0.08 the candidates should cover",
            "code": """\
def refine_space(best_params):
    space = {key: [value] for key, value in best_params.items()}
    rate = best_params["lgbm__learning_rate"]
    trees = best_params["lgbm__n_estimators"]
    share = best_params["lgbm__subsample"]
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    space["lgbm__learning_rate"] = stats.loguniform(rate / 1.9, 1.9 * rate)
    space["lgbm__n_estimators"] = [trees // 2, trees, 2 * trees]
    space["lgbm__subsample"] = stats.uniform(low, high - low)
    space["lgbm__subsample_freq"] = [1]
    return space
""",
        },
        {
            "why": "the subsample range cut at 0.5 but not at 1.0",
            "diagnosis": "some subsamples are above 1",
            "code": """def refine_space(best_params):
    space = {k: [v] for k, v in best_params.items()}
    s = best_params["lgbm__subsample"]
    n = best_params["lgbm__n_estimators"]
    lr = best_params["lgbm__learning_rate"]
    low = max(0.5, s - 0.1)
    space.update(lgbm__learning_rate=stats.loguniform(lr / 2, 2 * lr),
                 lgbm__n_estimators=[n // 2, n, 2 * n],
                 lgbm__subsample=stats.uniform(low, s + 0.1 - low), lgbm__subsample_freq=[1])
    return space
""",
        },
    ],
}
