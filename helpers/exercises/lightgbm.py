"""Checks of the exercises of 04_lightgbm.

Each check runs the learner's function on tiny inputs whose answers were worked
out by hand (or by an independent means: the course's own ``ColourHistogram``,
scikit-learn's ``ParameterSampler``), and explains the usual mistakes in plain
words. Introduced in 04_lightgbm.

The module shares its name with the LightGBM library; it does not need the
library, and absolute imports keep ``import lightgbm`` elsewhere pointing at it.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from sklearn.model_selection import ParameterSampler

from helpers.checks import Exercise, as_array, call, close, expect_array, fail
from helpers.features import ColourHistogram

__all__ = [
    "q1_boosted_probabilities",
    "q2_trees_in_search",
    "q3_importance_map",
    "q4_colour_histogram",
    "q5_histogram_intersection",
    "q6_refine_space",
]


# ------------------------------------------------------------------ small helpers


def _unchanged(before: np.ndarray, after: np.ndarray, function: str) -> None:
    if not np.array_equal(before, after):
        fail(
            f"{function} changed the array it was given. Work on a new array and leave the "
            "input as it was."
        )


def _softmax(scores: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax, used only to recognise wrong answers (never the expected one)."""
    shifted = scores - scores.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


def _is_int(value: Any) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


# ------------------------------------------------------------------ q1 boosted probabilities

LN2, LN3, LN4 = np.log(2.0), np.log(3.0), np.log(4.0)


def _test_boosted_probabilities(boosted_probabilities: Any) -> None:
    # Two rounds, two images, three classes; the two rounds are the same.
    # Image 0: the trees add up to (0, 2 ln 2, 0); times 0.5 that is (0, ln 2, 0):
    #   exp gives (1, 2, 1), so the probabilities are (1/4, 1/2, 1/4).
    # Image 1: the trees add up to (2 ln 3, 0, 0) -> (ln 3, 0, 0) -> (3, 1, 1) / 5.
    base = np.zeros(3)
    one_round = np.array([[0.0, LN2, 0.0], [LN3, 0.0, 0.0]])
    trees = np.stack([one_round, one_round])  # (rounds, images, classes)
    before_base, before_trees = base.copy(), trees.copy()
    result = as_array(call(boosted_probabilities, base, trees, 0.5), "boosted_probabilities")
    _unchanged(before_trees, trees, "boosted_probabilities")
    _unchanged(before_base, base, "boosted_probabilities")
    expected = np.array([[0.25, 0.5, 0.25], [0.6, 0.2, 0.2]])
    if result.shape != (2, 3):
        fail(
            f"with tree outputs of shape (2 rounds, 2 images, 3 classes) the answer should "
            f"have shape (2, 3), one row of class probabilities per image; yours has shape "
            f"{result.shape}. Sum over the rounds (axis 0) and keep images and classes."
        )
    if close(result, _softmax(trees.sum(axis=0))):
        fail(
            "you added the tree outputs without the learning rate. Each tree's output is "
            "shrunk: multiply the sum of the tree outputs by learning_rate (0.5 here)."
        )
    if close(result, _softmax(0.5 * trees.mean(axis=0))):
        fail(
            "you averaged the tree outputs. Boosting adds them up: each tree corrects what "
            "the trees before it left over, so use the sum over the rounds."
        )
    if close(result, _softmax(0.5 * trees.sum(axis=0), axis=0)):
        fail(
            "your probabilities add up to 1 down each column (over images). The softmax runs "
            "over the classes of one image: each row should add up to 1 (axis=1, or -1)."
        )
    if close(result, 0.5 * trees.sum(axis=0)):
        fail(
            "you returned the raw scores. Turn them into probabilities with the softmax: "
            "exp(score) divided by the sum of exp over the classes of that image."
        )
    expect_array(
        result,
        expected,
        "boosted_probabilities(zeros, trees, 0.5) for two images",
        dtype=False,
        atol=1e-6,
        hint="Raw score = base + learning_rate x (sum of tree outputs); then the softmax.",
    )
    # The starting scores matter and are not shrunk: base (ln 4, 0, 0), trees that add
    # nothing, learning rate 0.5 -> exp gives (4, 1, 1) -> (2/3, 1/6, 1/6).
    base = np.array([LN4, 0.0, 0.0])
    trees = np.zeros((3, 1, 3))
    result = as_array(call(boosted_probabilities, base, trees, 0.5), "boosted_probabilities")
    if result.shape == (1, 3) and close(result, [[1 / 3, 1 / 3, 1 / 3]]):
        fail(
            "the starting scores were left out: with trees that add nothing, the "
            "probabilities should come from base_scores alone, (2/3, 1/6, 1/6) here."
        )
    if result.shape == (1, 3) and close(result, [[0.5, 0.25, 0.25]]):
        fail(
            "you multiplied the starting scores by the learning rate too. Only the trees' "
            "outputs are shrunk: raw score = base + learning_rate x (sum of tree outputs)."
        )
    expect_array(
        result,
        np.array([[2 / 3, 1 / 6, 1 / 6]]),
        "boosted_probabilities(base=(ln 4, 0, 0), trees that output 0, 0.5)",
        dtype=False,
        atol=1e-6,
    )


q1_boosted_probabilities = Exercise(
    name="q1_boosted_probabilities",
    answer="boosted_probabilities",
    test=_test_boosted_probabilities,
    hints=[
        "tree_outputs has shape (rounds, images, classes): tree_outputs.sum(axis=0) adds up "
        "the rounds and has shape (images, classes).",
        "raw = base_scores + learning_rate * tree_outputs.sum(axis=0); base_scores (shape "
        "(classes,)) is broadcast to every image.",
        "Softmax over the classes: e = np.exp(raw - raw.max(axis=1, keepdims=True)), then "
        "e / e.sum(axis=1, keepdims=True).",
    ],
)


# ------------------------------------------------------------------ q2 trees in a search


def _test_trees_in_search(trees_in_search: Any) -> None:
    # Three candidates of 100, 50 and 200 rounds, 3 folds, 6 classes, the third one wins:
    # (3 x (100 + 50 + 200) + 200) rounds x 6 trees per round = 1250 x 6 = 7500.
    got = call(trees_in_search, [100, 50, 200], 3, 6, 2)
    if not _is_int(got):
        fail(f"return a whole number of trees (an int); yours is {got!r}.")
    if got == 6300:
        fail(
            "trees_in_search([100, 50, 200], 3, 6, 2) should be 7500; yours is 6300: you "
            "left out the refit. After the search, the best candidate (here the one at index "
            "2, with 200 rounds) is trained once more on the whole training set."
        )
    if got == 1250:
        fail(
            "trees_in_search([100, 50, 200], 3, 6, 2) should be 7500; yours is 1250, the "
            "number of rounds. With 6 classes LightGBM builds 6 trees per round, one per class."
        )
    if got in (3 * 350 * 6 + 100 * 6, 3 * 350 * 6 + 350 * 6):
        fail(
            "trees_in_search([100, 50, 200], 3, 6, 2) should be 7500; yours is "
            f"{got}. The refit trains only the best candidate, rounds[best] = 200 rounds."
        )
    if got != 7500:
        fail(
            f"trees_in_search([100, 50, 200], 3, 6, 2) should be 7500; yours is {got}. Each "
            "candidate is trained once per fold (3 x 350 rounds), the best once more (200 "
            "rounds), and every round builds 6 trees (one per class)."
        )
    # Binary: one tree per round. 5 folds x (10 + 20) + 10 = 160 rounds, 160 trees.
    got = call(trees_in_search, [10, 20], 5, 2, 0)
    if got == 320:
        fail(
            "trees_in_search([10, 20], 5, 2, 0) should be 160; yours is 320. With two "
            "classes LightGBM builds ONE tree per round: it scores one class, and the other "
            "class's probability is 1 minus that one."
        )
    if got != 160:
        fail(
            f"trees_in_search([10, 20], 5, 2, 0) should be 160 (a binary problem); yours is "
            f"{got}."
        )
    got = call(trees_in_search, [40], 2, 3, 0)
    if got != 360:
        fail(
            f"trees_in_search([40], 2, 3, 0) should be 360: (2 x 40 + 40) rounds x 3 trees "
            f"(three classes is already multiclass); yours is {got}."
        )


q2_trees_in_search = Exercise(
    name="q2_trees_in_search",
    answer="trees_in_search",
    test=_test_trees_in_search,
    hints=[
        "Count rounds first: every candidate is trained n_folds times, and then the best one "
        "(rounds[best]) once more on the whole training set (the refit).",
        "Then trees per round: n_classes for three classes or more, 1 for two classes.",
        "(n_folds * sum(rounds) + rounds[best]) * trees_per_round, returned as an int.",
    ],
)


# ------------------------------------------------------------------ q3 importance map


def _test_importance_map(importance_map: Any) -> None:
    # Gray: 6 importances for a 2x3 image, in the order of image.reshape(-1): row by row.
    gray = np.arange(6)
    before = gray.copy()
    result = as_array(call(importance_map, gray, 2, 3), "importance_map")
    _unchanged(before, gray, "importance_map")
    if result.shape == (3, 2):
        fail(
            "importance_map(importances, 2, 3) has shape (3, 2); it should be (2, 3): "
            "(height, width), rows first, as in image.shape."
        )
    if result.shape != (2, 3):
        fail(
            f"importance_map(importances, height=2, width=3) should have shape (2, 3); yours "
            f"has shape {result.shape}."
        )
    if not np.issubdtype(result.dtype, np.floating):
        fail(
            f"the map should hold floats (values between 0 and 1); yours has dtype "
            f"{result.dtype}. Importances can be integers (split counts): divide to get floats."
        )
    if close(result, np.arange(6).reshape(2, 3)):
        fail(
            "the map is not normalised: divide by its largest value, so that the most "
            "important pixel is 1.0."
        )
    if close(result, np.arange(6).reshape(2, 3) / 15):
        fail(
            "you divided by the sum of the importances; divide by the largest value instead, "
            "so that the most important pixel is exactly 1.0."
        )
    expect_array(
        result,
        np.array([[0, 1, 2], [3, 4, 5]]) / 5,
        "importance_map(np.arange(6), 2, 3)",
        dtype=False,
        atol=1e-9,
        hint="Reshape to (height, width), then divide by the maximum.",
    )
    # Colour: 18 importances for a 2x3 RGB image, channels last: pixel (r, c) owns the three
    # features 3 * (3 * r + c) + 0, 1, 2. Summed per pixel: 3, 12, 21, 30, 39, 48.
    colour = np.arange(18.0)
    result = as_array(call(importance_map, colour, 2, 3), "importance_map")
    if result.shape == (2, 3, 3):
        fail(
            "for a colour model (3 features per pixel) the map should still be (height, "
            "width): add up the importances of each pixel's three channels."
        )
    if result.shape != (2, 3):
        fail(
            f"18 importances of a 2x3 colour image should give a (2, 3) map; yours has shape "
            f"{result.shape}. Reshape to (height, width, 3), then sum the last axis."
        )
    channel_first = np.arange(18.0).reshape(3, 2, 3).sum(axis=0)
    if close(result, channel_first / channel_first.max()):
        fail(
            "the channels are in the wrong place. The features come from image.reshape(-1) "
            "of an (height, width, 3) image, so the three channels of a pixel are next to "
            "each other: reshape to (height, width, 3), not (3, height, width)."
        )
    expect_array(
        result,
        np.array([[3, 12, 21], [30, 39, 48]]) / 48,
        "importance_map(np.arange(18), 2, 3) for a colour model",
        dtype=False,
        atol=1e-9,
        hint="Reshape to (height, width, 3) and sum over the channels; then normalise.",
    )
    # A model that never split (a tiny training set): every importance is 0.
    result = as_array(call(importance_map, np.zeros(6, dtype=np.int32), 2, 3), "importance_map")
    if result.shape != (2, 3) or not np.all(np.isfinite(result.astype(np.float64))):
        fail(
            "when every importance is 0 (a model that never split), 0 / 0 gives NaN. Return "
            "a map of zeros in that case."
        )
    expect_array(result, np.zeros((2, 3)), "the map of all-zero importances", dtype=False)


q3_importance_map = Exercise(
    name="q3_importance_map",
    answer="importance_map",
    test=_test_importance_map,
    hints=[
        "A gray model has height * width features; a colour model 3 times as many. "
        "len(importances) // (height * width) tells you which.",
        "np.asarray(importances, dtype=np.float64).reshape(height, width, -1).sum(axis=2) "
        "works for both: the last axis has length 1 or 3.",
        "Divide by the maximum only if it is greater than 0; otherwise return the zeros.",
    ],
)


# ------------------------------------------------------------------ q4 colour histogram

# A 2x2 photo of pure red, green, blue and white. In OpenCV's HSV (uint8):
# red (0, 255, 255), green (60, 255, 255), blue (120, 255, 255), white (0, 0, 255).
_FOUR = np.array([[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [255, 255, 255]]], dtype=np.uint8)
# 4 bins. Hue over 0..180 (bins of 45): 0, 60, 120, 0 -> bins 0, 1, 2, 0 -> (2, 1, 1, 0) / 4.
# Saturation over 0..256 (bins of 64): 255, 255, 255, 0 -> (1, 0, 0, 3) / 4.
# Value: 255 four times -> (0, 0, 0, 4) / 4.
_FOUR_HSV = np.array([0.5, 0.25, 0.25, 0, 0.25, 0, 0, 0.75, 0, 0, 0, 1])
# RGB: every channel is 255 twice and 0 twice -> (2, 0, 0, 2) / 4 for each.
_FOUR_RGB = np.array([0.5, 0, 0, 0.5] * 3)


def _test_colour_histogram(colour_histogram: Any) -> None:
    image = _FOUR.copy()
    result = as_array(call(colour_histogram, image, 4, "hsv"), "colour_histogram")
    _unchanged(_FOUR, image, "colour_histogram")
    if result.shape == (9,):
        fail(
            "colour_histogram(image, 4, 'hsv') has 9 values, 3 per channel: one bin short. "
            "4 bins need 5 edges (np.linspace(0, top, bins + 1)); or let np.histogram make "
            "them with bins=bins and range=(0, top)."
        )
    if result.ndim == 2 and result.shape[0] == 3:
        fail(
            f"your histogram has shape {result.shape}: concatenate the three channels' "
            "histograms into one flat vector of 3 x bins values (np.concatenate)."
        )
    if result.shape != (12,):
        fail(
            f"colour_histogram(image, 4, 'hsv') should have 12 values (3 channels x 4 bins); "
            f"yours has shape {result.shape}."
        )
    if not np.issubdtype(result.dtype, np.floating):
        fail(
            f"the histogram should hold fractions of the pixels (floats); yours has dtype "
            f"{result.dtype}. Divide each channel's counts by the number of pixels."
        )
    if close(result, _FOUR_HSV * 4):
        fail(
            "these are pixel counts. Divide each channel's counts by the number of pixels "
            "(height x width), so photos of any size give comparable histograms."
        )
    if close(result, _FOUR_HSV / 3):
        fail(
            "the whole vector adds up to 1; each channel's histogram should add up to 1. "
            "Divide each channel's counts by the number of pixels."
        )
    if close(result, np.array([0.75, 0.25, 0, 0, 0.25, 0, 0, 0.75, 0, 0, 0, 1])):
        fail(
            "the hue histogram is wrong: pure blue (hue 120) landed in bin 1. OpenCV's hue "
            "runs from 0 to 179 (degrees / 2), so its bins span 0..180, not 0..256."
        )
    if close(result, _FOUR_RGB):
        fail(
            "with space='hsv' you histogrammed the RGB channels. Convert first with "
            "cv2.cvtColor(image, cv2.COLOR_RGB2HSV)."
        )
    expect_array(
        result,
        _FOUR_HSV,
        "colour_histogram of red, green, blue and white pixels with 4 bins in HSV "
        "(hue bins 0-45, 45-90, 90-135, 135-180)",
        dtype=False,
        atol=1e-6,
    )
    result = as_array(call(colour_histogram, image, 4, "rgb"), "colour_histogram")
    if result.shape == (12,) and close(result, _FOUR_HSV):
        fail("with space='rgb' histogram the red, green and blue channels: do not convert.")
    expect_array(
        result,
        _FOUR_RGB,
        "colour_histogram of red, green, blue and white pixels with 4 bins in RGB",
        dtype=False,
        atol=1e-6,
    )
    # A random photo, against the course's own ColourHistogram.
    photo = np.random.default_rng(4).integers(0, 256, size=(7, 5, 3), dtype=np.uint8)
    for bins, space in ((16, "hsv"), (5, "rgb"), (7, "hsv")):
        result = as_array(call(colour_histogram, photo, bins, space), "colour_histogram")
        expect_array(
            result,
            ColourHistogram(bins=bins, space=space).transform(photo[None])[0],
            f"colour_histogram of a random 7x5 photo with {bins} bins in {space.upper()}",
            dtype=False,
            atol=1e-6,
            hint="Use the bins argument, and for each channel np.histogram(values, bins=bins, "
            "range=(0, top)) with top 180 for the hue and 256 otherwise.",
        )


q4_colour_histogram = Exercise(
    name="q4_colour_histogram",
    answer="colour_histogram",
    test=_test_colour_histogram,
    hints=[
        "For space='hsv', convert first: cv2.cvtColor(image, cv2.COLOR_RGB2HSV).",
        "np.histogram(image[:, :, c], bins=bins, range=(0, top))[0] counts one channel; top "
        "is 180 for OpenCV's hue, 256 for everything else.",
        "Divide each channel's counts by height * width, then np.concatenate the three.",
    ],
)


# ------------------------------------------------------------------ q5 histogram intersection


def _test_histogram_intersection(histogram_intersection: Any) -> None:
    query = np.array([0.5, 0.5, 0.0, 0.0])
    others = np.array([[0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5], [0.25, 0.25, 0.25, 0.25]])
    before = others.copy()
    result = as_array(call(histogram_intersection, query, others), "histogram_intersection")
    _unchanged(before, others, "histogram_intersection")
    if result.shape == (4,):
        fail(
            "you got one value per bin; there should be one value per histogram (per row of "
            "histograms). Sum the element-wise minimum along each row (axis=1)."
        )
    if result.shape != (3,):
        fail(
            f"three histograms should give three similarities, shape (3,); yours has shape "
            f"{result.shape}."
        )
    if close(result, [0.5, 0.0, 0.25]):
        fail(
            "you multiplied the histograms (a dot product). The intersection adds up the "
            "smaller of the two values in each bin: np.minimum."
        )
    if close(result, [1.0, 2.0, 1.0]):
        fail(
            "you took the larger value in each bin. The intersection is the overlap: the "
            "smaller of the two values, np.minimum."
        )
    expect_array(
        result,
        np.array([1.0, 0.0, 0.5]),
        "histogram_intersection([0.5, 0.5, 0, 0], three histograms)",
        dtype=False,
        atol=1e-9,
        hint="For each row: np.minimum(query, row).sum() / query.sum().",
    )
    # Three channels, each adding up to 1, so the query adds up to 3.
    query = np.array([1.0, 0, 0, 1, 0.5, 0.5])
    others = np.array([[1.0, 0, 1, 0, 0.5, 0.5], [1.0, 0, 0, 1, 0.5, 0.5]])
    result = as_array(call(histogram_intersection, query, others), "histogram_intersection")
    if close(result, [2.0, 3.0]):
        fail(
            "for a query of three channels (it adds up to 3) your similarities reach 3. "
            "Divide by query.sum(), so that identical histograms give exactly 1."
        )
    expect_array(
        result,
        np.array([2 / 3, 1.0]),
        "histogram_intersection of three-channel histograms",
        dtype=False,
        atol=1e-9,
    )
    # Histograms of counts with different totals: the query adds up to 4, the rows to 2,
    # 16 and 4. Minimum sums: 2, 4 and 2, so the similarities are 2/4, 4/4 and 2/4.
    query = np.array([2.0, 2.0, 0.0, 0.0])
    others = np.array([[1.0, 1.0, 0, 0], [4.0, 4.0, 4.0, 4.0], [0, 2.0, 2.0, 0]])
    result = as_array(call(histogram_intersection, query, others), "histogram_intersection")
    what = "histogram_intersection([2, 2, 0, 0], rows [1, 1, 0, 0], [4, 4, 4, 4], [0, 2, 2, 0])"
    if close(result, [1.0, 0.25, 0.5]):
        fail(
            f"{what} gave {np.round(result, 3).tolist()}: you divided by each row's own total. "
            "Divide every row's overlap by the same number, the query's total query.sum(), "
            "as the docstring says."
        )
    if close(result, [1.0, 0.5, 0.5]):
        fail(
            f"{what} gave {np.round(result, 3).tolist()}: you normalised the histograms "
            "(divided each by its own total) before comparing them. Use the histograms as "
            "they are: np.minimum(query, row).sum() / query.sum()."
        )
    expect_array(result, np.array([0.5, 1.0, 0.5]), what, dtype=False, atol=1e-9,
                 hint="Divide by query.sum() only; the rows' totals do not matter.")


q5_histogram_intersection = Exercise(
    name="q5_histogram_intersection",
    answer="histogram_intersection",
    test=_test_histogram_intersection,
    hints=[
        "np.minimum(query, histograms) broadcasts the query to every row: shape (N, bins).",
        "Sum each row (axis=1) to get one overlap per histogram.",
        "Divide by query.sum(): identical histograms then give 1.0, disjoint ones 0.0.",
    ],
)


# ------------------------------------------------------------------ q6 refine a search space

_SAMPLES = 400


def _samples(space: dict, key: str) -> list:
    with warnings.catch_warnings():  # a space of lists only: "smaller than n_iter"
        warnings.simplefilter("ignore")
        candidates = list(ParameterSampler(space, n_iter=_SAMPLES, random_state=0))
    return [c[key] for c in candidates]


def _check_refined(refine_space: Any, best: dict) -> None:
    given = dict(best)
    space = call(refine_space, given)
    if given != best:
        fail("refine_space changed the best_params dict it was given: build a new dict.")
    if not isinstance(space, dict):
        fail(f"refine_space should return a dict; yours returned a {type(space).__name__}.")
    required = {"lgbm__learning_rate", "lgbm__n_estimators", "lgbm__subsample",
                "lgbm__subsample_freq"}
    if "lgbm__subsample_freq" not in space and required - {"lgbm__subsample_freq"} <= set(space):
        fail(
            "there is no 'lgbm__subsample_freq' in your space. LightGBM's default bagging "
            "frequency is 0, and with frequency 0 the subsample (bagging fraction) does "
            "nothing: set it to [1] so that every candidate bags."
        )
    expected_keys = set(best) | required
    missing, extra = expected_keys - set(space), set(space) - expected_keys
    if missing:
        others = sorted(set(best) - required)
        fail(
            f"your space lacks {sorted(missing)}. It needs the four keys of the refined "
            f"parameters, and every other key of best_params ({others}) with its best value "
            "kept fixed (a one-element list), or the search falls back to the defaults."
        )
    if extra:
        fail(f"your space has keys that do not belong: {sorted(extra)}.")
    try:
        _samples(space, "lgbm__learning_rate")
    except Exception as err:  # the reason goes to the learner
        fail(
            f"scikit-learn cannot sample from your space ({type(err).__name__}: {err}). Each "
            "value must be a list of choices or a scipy.stats distribution."
        )

    rate = float(best["lgbm__learning_rate"])
    rates = np.array(_samples(space, "lgbm__learning_rate"), dtype=np.float64)
    if len(np.unique(rates)) < 50:
        fail(
            "the learning rate takes only a few values: use a continuous distribution, "
            "stats.loguniform(low, high), so that every candidate tries a new one."
        )
    low, high = rate / 2, rate * 2
    if rates.min() < low * (1 - 1e-9) or rates.max() > high * (1 + 1e-9):
        fail(
            f"for a best learning rate of {rate} the candidates should stay between {low} "
            f"and {high}; yours range from {rates.min():.4g} to {rates.max():.4g}."
        )
    if rates.min() > low * 1.1 or rates.max() < high * 0.9:
        fail(
            f"for a best learning rate of {rate} the candidates should cover {low} to "
            f"{high}; yours only reach {rates.min():.4g} to {rates.max():.4g}."
        )
    median = float(np.median(rates))
    if abs(median / rate - 1) > 0.1:
        fail(
            f"half of your learning rates are above {median:.4g}. Drawn log-uniformly "
            f"between {low} and {high}, half would be above and half below {rate}, the best "
            "one: that is what stats.loguniform does (a plain uniform draw favours the top "
            "of the range)."
        )

    trees = int(best["lgbm__n_estimators"])
    counts = _samples(space, "lgbm__n_estimators")
    if not all(_is_int(n) for n in counts):
        fail(
            "the numbers of trees must be whole numbers (ints): LightGBM rejects 150.0 "
            "rounds. Use the list [n // 2, n, 2 * n]."
        )
    if sorted(set(int(n) for n in counts)) != [trees // 2, trees, 2 * trees]:
        fail(
            f"for a best n_estimators of {trees} the candidates should be "
            f"{[trees // 2, trees, 2 * trees]}; yours take the values "
            f"{sorted(set(int(n) for n in counts))}."
        )

    share = float(best["lgbm__subsample"])
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    shares = np.array(_samples(space, "lgbm__subsample"), dtype=np.float64)
    if shares.max() > 1.0 + 1e-12:
        fail(
            f"some subsamples are above 1 (up to {shares.max():.3g}): a tree cannot use more "
            "than all the rows, and LightGBM stops with an error. Note that "
            "stats.uniform(loc, scale) runs from loc to loc + scale, not from loc to scale."
        )
    if len(np.unique(shares)) < 50:
        fail(
            "the subsample takes only a few values: use a continuous distribution, "
            "stats.uniform(loc, scale)."
        )
    if shares.min() < low - 1e-9 or shares.max() > high + 1e-9:
        fail(
            f"for a best subsample of {share} the candidates should stay between {low:.3g} "
            f"and {high:.3g}; yours range from {shares.min():.3g} to {shares.max():.3g}. "
            "Remember that stats.uniform(loc, scale) runs from loc to loc + scale."
        )
    if shares.min() > low + 0.02 or shares.max() < high - 0.02:
        fail(
            f"for a best subsample of {share} the candidates should cover {low:.3g} to "
            f"{high:.3g}; yours only reach {shares.min():.3g} to {shares.max():.3g}."
        )

    frequencies = _samples(space, "lgbm__subsample_freq")
    if any(_is_int(f) and f == 0 for f in frequencies):
        fail(
            "some candidates have subsample_freq 0, and with frequency 0 LightGBM never bags: "
            "their subsample does nothing. Use [1] (whatever best_params says)."
        )
    if any(not _is_int(f) or f != 1 for f in frequencies):
        fail(
            f"'lgbm__subsample_freq' should be the list [1]; yours gives "
            f"{sorted(set(frequencies))}."
        )

    for key in sorted(set(best) - required):
        values = _samples(space, key)
        if any(v != best[key] for v in values):
            fail(
                f"'{key}' should stay fixed at its best value, [{best[key]!r}]; your space "
                f"tries {sorted(set(map(repr, values)))[:5]}."
            )


def _test_refine_space(refine_space: Any) -> None:
    best = {
        "lgbm__learning_rate": 0.08,
        "lgbm__max_depth": 6,
        "lgbm__n_estimators": 100,
        "lgbm__num_leaves": 15,
        "lgbm__subsample": 0.8,
        "lgbm__subsample_freq": 1,
    }
    _check_refined(refine_space, best)
    # Near the top: the subsample range is cut at 1.0; no other key; an odd tree count.
    _check_refined(
        refine_space,
        {"lgbm__learning_rate": 0.2, "lgbm__n_estimators": 75, "lgbm__subsample": 0.95},
    )


q6_refine_space = Exercise(
    name="q6_refine_space",
    answer="refine_space",
    test=_test_refine_space,
    hints=[
        "Start from the fixed values: {key: [value] for key, value in best_params.items()}, "
        "then overwrite the four keys you refine.",
        "stats.loguniform(rate / 2, rate * 2) for the learning rate; [n // 2, n, 2 * n] for "
        "the trees; [1] for 'lgbm__subsample_freq'.",
        "stats.uniform(loc, scale) covers loc to loc + scale: for low..high write "
        "stats.uniform(low, high - low).",
    ],
)
