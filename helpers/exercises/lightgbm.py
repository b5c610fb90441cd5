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
from functools import partial
from typing import Any

import cv2
import numpy as np
from sklearn.model_selection import ParameterSampler

from helpers.checks import (
    Exercise,
    as_array,
    call,
    close,
    expect_array,
    expect_unchanged,
    fail,
    is_int,
)
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


_unchanged = partial(expect_unchanged, tip="Work on a new array and leave the input as it was.")


def _softmax(scores: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax, used only to recognise wrong answers (never the expected one)."""
    shifted = scores - scores.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


# ------------------------------------------------------------------ q1 boosted probabilities

LN2, LN3, LN4 = np.log(2.0), np.log(3.0), np.log(4.0)
_ROWS = "one row of class probabilities per image, shape (N, K)"


def _probabilities(boosted_probabilities: Any, base: np.ndarray, trees: np.ndarray,
                   rate: float) -> np.ndarray:
    """Call the answer; fail if it changed either array it was given."""
    copies = {"base_scores": base.copy(), "tree_outputs": trees.copy()}
    result = call(boosted_probabilities, base, trees, rate)
    for name, array in (("base_scores", base), ("tree_outputs", trees)):
        if not np.array_equal(copies[name], array):
            fail(
                f"boosted_probabilities changed {name}, an array it was given (an in-place "
                f"operation such as {name} -= ... or {name}[:] = ... writes into the caller's "
                "array). Compute on a new array, raw = base_scores + ..., and leave the inputs "
                "as they were."
            )
    return as_array(result, "boosted_probabilities", _ROWS)


def _test_boosted_probabilities(boosted_probabilities: Any) -> None:
    # Two rounds, two images, three classes; the two rounds are the same.
    # Image 0: the trees add up to (0, 2 ln 2, 0); times 0.5 that is (0, ln 2, 0):
    #   exp gives (1, 2, 1), so the probabilities are (1/4, 1/2, 1/4).
    # Image 1: the trees add up to (2 ln 3, 0, 0) -> (ln 3, 0, 0) -> (3, 1, 1) / 5.
    base = np.zeros(3)
    one_round = np.array([[0.0, LN2, 0.0], [LN3, 0.0, 0.0]])
    trees = np.stack([one_round, one_round])  # (rounds, images, classes)
    result = _probabilities(boosted_probabilities, base, trees, 0.5)
    expected = np.array([[0.25, 0.5, 0.25], [0.6, 0.2, 0.2]])
    if result.shape == (3, 2):
        fail(
            "with 2 images and 3 classes your answer has shape (3, 2), one row per class. It "
            "should have one row per image: shape (images, classes), (2, 3) here."
        )
    if result.shape != (2, 3):
        fail(
            f"with tree outputs of shape (2 rounds, 2 images, 3 classes) the answer should "
            f"have shape (2, 3), one row of class probabilities per image; yours has shape "
            f"{result.shape}."
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
    if close(result, _softmax(0.5 * trees.sum(axis=1))):
        fail(
            "you added up the tree outputs over the images (axis 1). tree_outputs has shape "
            "(rounds, images, classes): add up over the rounds, axis 0."
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
    totals = result.sum(axis=1)
    if not np.allclose(totals, 1.0, atol=1e-6):
        fail(
            f"the rows of your answer add up to {np.round(totals, 4).tolist()}; each row holds "
            "the probabilities of one image's classes and should add up to 1. Apply the "
            "softmax over the classes: exp(score) divided by the sum of exp over that row."
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
    result = _probabilities(boosted_probabilities, base, trees, 0.5)
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
    # Two classes, one round, another learning rate, a negative starting score:
    # base (0, -ln 2), learning rate 0.25. Image 0: tree (4 ln 3, 0) -> raw (ln 3, -ln 2)
    #   -> exp (3, 1/2) -> (6/7, 1/7). Image 1: tree (0, -4 ln 2) -> raw (0, -ln 4) -> (4/5, 1/5).
    base = np.array([0.0, -LN2])
    trees = np.array([[[4 * LN3, 0.0], [0.0, -4 * LN2]]])
    result = _probabilities(boosted_probabilities, base, trees, 0.25)
    expect_array(
        result,
        np.array([[6 / 7, 1 / 7], [4 / 5, 1 / 5]]),
        "boosted_probabilities(base=(0, -ln 2), one round for two images and two classes, "
        "learning_rate=0.25)",
        dtype=False,
        atol=1e-6,
        hint="Use the learning_rate argument as it is given (0.25 here), and keep the shape "
        "(images, classes) even for one round.",
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


def _expect_trees(trees_in_search: Any, rounds: list, folds: int, classes: int, best: int) -> None:
    """Compare trees_in_search(...) with the count, and say which part of it is off."""
    per_round = classes if classes > 2 else 1
    total_rounds = folds * sum(rounds) + rounds[best]
    expected = total_rounds * per_round
    got = call(trees_in_search, list(rounds), folds, classes, best)
    asked = f"trees_in_search({rounds}, {folds}, {classes}, {best}) should be {expected}"
    if not is_int(got):
        fail(
            f"return a whole number of trees (an int): {asked}, and yours is {got!r}. "
            "int(...) turns a count into an int."
        )
    if got == expected:
        return
    why = (
        "With two classes LightGBM builds ONE tree per round: it scores one class, and the "
        "other class's probability is 1 minus that one."
        if classes == 2
        else f"With {classes} classes LightGBM builds {classes} trees per round, one per class."
    )
    # The usual slips, each with the count it gives. A slip is named only when it alone
    # explains the answer; otherwise the message just says what each part counts.
    search = folds * sum(rounds) * per_round  # the trees of the cross-validation
    candidate = f"the candidate at index best={best}, with rounds[{best}] = {rounds[best]} rounds"
    slips = []
    if got > 0 and got % total_rounds == 0:
        slips.append(
            f"that is {total_rounds} rounds x {got // total_rounds} tree(s) per round. {why}"
        )
    if got == search:
        slips.append(
            f"you left out the refit. After the search, {candidate}, is trained once more on "
            "the whole training set."
        )
    if got == search + sum(rounds) * per_round:
        slips.append(f"you refitted every candidate. The refit trains only {candidate}.")
    if got == search + folds * rounds[best] * per_round:
        slips.append(
            f"you refitted {candidate} once per fold. The refit trains it once, on the whole "
            "training set."
        )
    if best not in rounds and got == search + best * per_round:
        slips.append(
            f"you added best, which is an index in rounds, as if it were a number of rounds. "
            f"The refit trains {candidate}."
        )
    for other in sorted(set(rounds) - {rounds[best]}):
        if got == search + other * per_round:
            slips.append(
                f"your refit trains a candidate with {other} rounds. It trains {candidate}."
            )
    for trees in sorted({1, classes - 1, classes} - {per_round, 0}):
        if got == search + rounds[best] * trees:
            slips.append(
                f"the search is right, but your refit builds {trees} tree(s) per round. The "
                f"refit is a model like the others: {per_round} tree(s) per round. {why}"
            )
    if len(slips) == 1:
        fail(f"{asked}; yours is {got}: {slips[0]}")
    fail(
        f"{asked}; yours is {got}. Each candidate is trained once per fold ({folds} x "
        f"{sum(rounds)} rounds), the best once more ({rounds[best]} rounds), and every round "
        f"builds {per_round} tree(s). {why}"
    )


def _test_trees_in_search(trees_in_search: Any) -> None:
    # Three candidates, 3 folds, 6 classes, the third one wins:
    # (3 x (100 + 50 + 200) + 200) rounds x 6 trees per round = 1250 x 6 = 7500.
    _expect_trees(trees_in_search, [100, 50, 200], 3, 6, 2)
    # Binary: one tree per round. 5 folds x (10 + 30) + 10 = 210 rounds, 210 trees.
    _expect_trees(trees_in_search, [10, 30], 5, 2, 0)
    # One candidate, three classes (already multiclass): (2 x 40 + 40) x 3 = 360.
    _expect_trees(trees_in_search, [40], 2, 3, 0)
    # Four candidates, the best in the middle, 10 folds, 11 classes.
    _expect_trees(trees_in_search, [7, 300, 9, 45], 10, 11, 1)


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


def _expect_map(result: np.ndarray, per_pixel: np.ndarray, what: str, hint: str) -> None:
    """Compare a map with per_pixel / its maximum, and name the usual normalisation slips."""
    if close(result, per_pixel):
        fail(
            f"{what} is not normalised: divide by its largest value, so that the most "
            "important pixel is 1.0."
        )
    if close(result, per_pixel / per_pixel.sum()):
        fail(
            f"{what}: you divided by the sum of the importances; divide by the largest value "
            "instead, so that the most important pixel is exactly 1.0."
        )
    low, high = per_pixel.min(), per_pixel.max()
    if low > 0 and close(result, (per_pixel - low) / (high - low)):
        fail(
            f"{what}: you subtracted the smallest value (min-max scaling), so the least "
            "important pixel became 0. Only divide by the largest value."
        )
    top = float(np.max(result))
    if abs(top - 1.0) > 1e-6:
        fail(
            f"{what}: the largest value of your map is {top:.4g}; after adding up the channels "
            "of each pixel, divide by the largest sum, so that the most important pixel is 1.0."
        )
    expect_array(result, per_pixel / high, what, dtype=False, atol=1e-6, hint=hint)


_MAP = "one value per pixel, shape (height, width)"


def _map(importance_map: Any, importances: np.ndarray, height: int, width: int) -> np.ndarray:
    """Call the answer; fail if it changed the importances it was given."""
    before = importances.copy()
    result = call(importance_map, importances, height, width)
    _unchanged(before, importances, "importance_map")
    return as_array(result, "importance_map", _MAP)


def _test_importance_map(importance_map: Any) -> None:
    # Gray: 6 importances for a 2x3 image, in the order of image.reshape(-1): row by row.
    gray = np.arange(6)
    result = _map(importance_map, gray, 2, 3)
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
    _expect_map(
        result,
        np.arange(6.0).reshape(2, 3),
        "importance_map(np.arange(6), 2, 3)",
        "Reshape to (height, width), then divide by the maximum.",
    )
    # Colour: 18 importances for a 2x3 RGB image, channels last: pixel (r, c) owns the three
    # features 3 * (3 * r + c) + 0, 1, 2. Summed per pixel: 3, 4, 6 and 12, 1, 6.
    colour = np.array([1, 0, 2, 0, 4, 0, 2, 2, 2, 5, 0, 7, 0, 0, 1, 3, 3, 0], dtype=np.float64)
    what = f"importance_map({colour.astype(int).tolist()}, 2, 3) for a colour model"
    result = _map(importance_map, colour, 2, 3)
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
    channel_first = colour.reshape(3, 2, 3).sum(axis=0)
    if close(result, channel_first / channel_first.max()):
        fail(
            "the channels are in the wrong place. The features come from image.reshape(-1) "
            "of an (height, width, 3) image, so the three channels of a pixel are next to "
            "each other: reshape to (height, width, 3), not (3, height, width)."
        )
    _expect_map(
        result,
        np.array([[3.0, 4, 6], [12, 1, 6]]),
        what,
        "Reshape to (height, width, 3) and sum over the channels; then normalise.",
    )
    # One pixel of a colour model: its three importances 2 + 0 + 5 make the whole map, 1.0.
    result = _map(importance_map, np.array([2, 0, 5]), 1, 1)
    expect_array(
        result,
        np.ones((1, 1)),
        "importance_map(np.array([2, 0, 5]), 1, 1), the map of a one-pixel colour image,",
        dtype=False,
        atol=1e-6,
        hint="Keep the shape (height, width) even for one pixel (no squeeze).",
    )
    # A model that never split (a tiny training set): every importance is 0. A 3x1 colour
    # image, split counts as int32.
    result = _map(importance_map, np.zeros(9, dtype=np.int32), 3, 1)
    if result.shape != (3, 1):
        fail(
            f"importance_map(np.zeros(9), 3, 1), a 3x1 colour image, should have shape (3, 1); "
            f"yours has shape {result.shape}."
        )
    if not np.all(np.isfinite(result.astype(np.float64))):
        fail(
            "when every importance is 0 (a model that never split), 0 / 0 gives NaN. Return "
            "a map of zeros in that case."
        )
    if not np.issubdtype(result.dtype, np.floating):
        fail(
            f"when every importance is 0 your map has dtype {result.dtype}; like any other map "
            "it should hold floats: return float zeros, for example np.zeros((height, width)) "
            "(float64 by default)."
        )
    expect_array(result, np.zeros((3, 1)), "the map of all-zero importances", dtype=False)


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

_TOPS = {"hsv": (180, 256, 256), "rgb": (256, 256, 256)}  # np.histogram's range per channel

# A 2x2 photo of pure red, green, blue and white. In OpenCV's HSV (uint8):
# red (0, 255, 255), green (60, 255, 255), blue (120, 255, 255), white (0, 0, 255).
_FOUR = np.array([[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [255, 255, 255]]], dtype=np.uint8)
# 4 bins. Hue over 0..180 (bins of 45): 0, 60, 120, 0 -> bins 0, 1, 2, 0 -> (2, 1, 1, 0) / 4.
# Saturation over 0..256 (bins of 64): 255, 255, 255, 0 -> (1, 0, 0, 3) / 4.
# Value: 255 four times -> (0, 0, 0, 4) / 4.
_FOUR_HSV = np.array([0.5, 0.25, 0.25, 0, 0.25, 0, 0, 0.75, 0, 0, 0, 1])
# RGB: every channel is 255 twice and 0 twice -> (2, 0, 0, 2) / 4 for each.
_FOUR_RGB = np.array([0.5, 0, 0, 0.5] * 3)


def _histograms(channels: np.ndarray, bins: int, tops: Any) -> np.ndarray:
    """Per-channel histograms of an (H, W, 3) array over 0..top (no range if top is None),
    each divided by the number of pixels, concatenated. For naming mistakes only."""
    n = channels.shape[0] * channels.shape[1]
    return np.concatenate(
        [
            np.histogram(channels[..., c], bins=bins, range=None if top is None else (0, top))[0]
            / n
            for c, top in enumerate(tops)
        ]
    )


def _histogram_mistakes(image: np.ndarray, bins: int, space: str) -> list[tuple[np.ndarray, str]]:
    """What the usual mistakes give for this image, and what to tell the learner."""
    hsv = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    channels, tops = (hsv if space == "hsv" else image), _TOPS[space]
    right = _histograms(channels, bins, tops)
    n = image.shape[0] * image.shape[1]
    wrapped = (channels.astype(np.int64) * bins) % 256  # uint8 * bins overflows past 255
    mistakes = [
        (
            right * n,
            "these are pixel counts. Divide each channel's counts by the number of pixels "
            "(height x width), so photos of any size give comparable histograms.",
        ),
        (
            right / 3,
            "the whole vector adds up to 1; each channel's histogram should add up to 1. "
            "Divide each channel's counts by the number of pixels.",
        ),
        (
            right * bins / np.repeat(tops, bins),
            "density=True divides by the width of the bins as well. Divide the counts by the "
            "number of pixels instead, so that each channel adds up to 1.",
        ),
        (
            _histograms(channels, bins, (None,) * 3),
            "without range=(0, top), np.histogram spreads the bins from the smallest to the "
            "largest value of this one photo, so a bin means a different colour in every photo. "
            "Pass range=(0, top): top is 180 for the hue, 256 for every other channel.",
        ),
        (
            _histograms(channels, bins, [top - 1 for top in tops]),
            "the bins should span 0..256 (0..180 for OpenCV's hue): np.histogram's range is "
            "the outer edge of the bins, one more than the largest value, 255 (179 for the hue).",
        ),
        (
            np.concatenate(
                [
                    np.bincount((wrapped[..., c] // top).ravel(), minlength=bins)[:bins]
                    for c, top in enumerate(tops)
                ]
            )
            / n,
            "your bin numbers wrapped around: the image is uint8 (0..255), and value * bins "
            "overflows past 255. Convert the channel first: channel.astype(int) * bins // top.",
        ),
    ]
    if space == "hsv":
        mistakes += [
            (
                _histograms(hsv, bins, _TOPS["rgb"]),
                "the hue histogram is wrong: OpenCV's hue runs from 0 to 179 (degrees / 2), so "
                "its bins span 0..180, not 0..256.",
            ),
            (
                _histograms(cv2.cvtColor(image, cv2.COLOR_BGR2HSV), bins, tops),
                "you converted as if the image were BGR; the course's images are RGB: use "
                "cv2.cvtColor(image, cv2.COLOR_RGB2HSV).",
            ),
        ]
        mistakes += [  # no conversion, with either set of tops
            (
                _histograms(image, bins, rgb_tops),
                "with space='hsv' you histogrammed the RGB channels. Convert first with "
                "cv2.cvtColor(image, cv2.COLOR_RGB2HSV).",
            )
            for rgb_tops in _TOPS.values()
        ]
    else:
        mistakes += [
            (
                _histograms(hsv, bins, _TOPS["hsv"]),
                "with space='rgb' histogram the red, green and blue channels: do not convert.",
            ),
            (
                _histograms(image, bins, _TOPS["hsv"]),
                "with space='rgb' every channel spans 0..256: the top of 180 is for OpenCV's "
                "hue only.",
            ),
        ]
    return mistakes


def _expect_histogram(
    colour_histogram: Any,
    image: np.ndarray,
    bins: int,
    space: str,
    what: str,
    expected: np.ndarray | None = None,
) -> None:
    """Run colour_histogram(image, bins, space) and compare it with ``expected`` (by default
    the course's ColourHistogram), naming the usual mistakes."""
    given = image.copy()
    result = as_array(
        call(colour_histogram, given, bins, space),
        "colour_histogram",
        "3 x bins fractions, shape (3 * bins,)",
    )
    _unchanged(image, given, "colour_histogram")
    if expected is None:
        expected = ColourHistogram(bins=bins, space=space).transform(image[None])[0]
    if result.shape == (3 * (bins - 1),):
        fail(
            f"{what} has {result.size} values, {bins - 1} per channel: one bin short. {bins} "
            f"bins need {bins + 1} edges (np.linspace(0, top, bins + 1)); or let np.histogram "
            "make them with bins=bins and range=(0, top)."
        )
    if result.ndim == 2 and result.shape[0] == 3:
        fail(
            f"your histogram has shape {result.shape}: concatenate the three channels' "
            "histograms into one flat vector of 3 x bins values (np.concatenate)."
        )
    if result.shape != expected.shape:
        fail(
            f"{what} should have {expected.size} values (3 channels x {bins} bins); yours has "
            f"shape {result.shape}. Use the bins argument."
        )
    if not np.issubdtype(result.dtype, np.floating):
        fail(
            f"the histogram should hold fractions of the pixels (floats); yours has dtype "
            f"{result.dtype}. Divide each channel's counts by the number of pixels."
        )
    if close(result, expected):
        return
    for wrong, message in _histogram_mistakes(image, bins, space):
        if close(result, wrong) and not close(wrong, expected):
            fail(f"{what}: {message}")
    expect_array(
        result,
        expected,
        what,
        dtype=False,
        atol=1e-6,
        hint="For each channel np.histogram(values, bins=bins, range=(0, top)) with top 180 "
        "for the hue and 256 otherwise, divided by the number of pixels.",
    )


def _test_colour_histogram(colour_histogram: Any) -> None:
    four = "colour_histogram of red, green, blue and white pixels with 4 bins"
    _expect_histogram(
        colour_histogram,
        _FOUR,
        4,
        "hsv",
        f"{four} in HSV (hue bins 0-45, 45-90, 90-135, 135-180)",
        _FOUR_HSV,
    )
    _expect_histogram(colour_histogram, _FOUR, 4, "rgb", f"{four} in RGB", _FOUR_RGB)
    # One pixel (10, 200, 30), 2 bins in RGB: R and B in the low bin, G in the high one.
    pixel = np.array([[[10, 200, 30]]], dtype=np.uint8)
    _expect_histogram(
        colour_histogram,
        pixel,
        2,
        "rgb",
        "colour_histogram of a one-pixel image with 2 bins in RGB",
        np.array([1.0, 0, 0, 1, 1, 0]),
    )
    _expect_histogram(
        colour_histogram,
        pixel,
        2,
        "hsv",
        "colour_histogram of a one-pixel image with 2 bins in HSV",
    )
    # A random photo, against the course's own ColourHistogram.
    photo = np.random.default_rng(4).integers(0, 256, size=(7, 5, 3), dtype=np.uint8)
    for bins, space in ((16, "hsv"), (5, "rgb"), (7, "hsv")):
        _expect_histogram(
            colour_histogram,
            photo,
            bins,
            space,
            f"colour_histogram of a random 7x5 photo with {bins} bins in {space.upper()}",
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


def _intersections(histogram_intersection: Any, query: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Call the answer (on a copy of the query); fail if it changed the histograms."""
    before = rows.copy()
    result = call(histogram_intersection, query.copy(), rows)
    _unchanged(before, rows, "histogram_intersection")
    return as_array(
        result, "histogram_intersection", expected="one value per row of histograms, shape (N,)"
    )


def _test_histogram_intersection(histogram_intersection: Any) -> None:
    query = np.array([0.5, 0.5, 0.0, 0.0])
    others = np.array([[0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5], [0.25, 0.25, 0.25, 0.25]])
    result = _intersections(histogram_intersection, query, others)
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
    if close(result, [1.0, 2.0, 1.5]):
        fail(
            "you took the larger value in each bin. The intersection is the overlap: the "
            "smaller of the two values, np.minimum."
        )
    expect_array(
        result,
        np.array([1.0, 0.0, 0.5]),
        "histogram_intersection([0.5, 0.5, 0, 0], three histograms)",
        dtype=False,
        atol=1e-6,
        hint="For each row: np.minimum(query, row).sum() / query.sum().",
    )
    # Three channels, each adding up to 1, so the query adds up to 3.
    query = np.array([1.0, 0, 0, 1, 0.5, 0.5])
    others = np.array([[1.0, 0, 1, 0, 0.5, 0.5], [1.0, 0, 0, 1, 0.5, 0.5]])
    result = _intersections(histogram_intersection, query, others)
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
        atol=1e-6,
    )
    # Histograms of counts with different totals: the query adds up to 4, the rows to 2,
    # 16, 4 and 0 (an empty histogram). Minimum sums: 2, 4, 2 and 0: similarities 2/4, 4/4,
    # 2/4 and 0.
    query = np.array([2.0, 2.0, 0.0, 0.0])
    others = np.array([[1.0, 1.0, 0, 0], [4.0, 4.0, 4.0, 4.0], [0, 2.0, 2.0, 0], [0, 0, 0, 0]])
    result = _intersections(histogram_intersection, query, others)
    what = (
        "histogram_intersection([2, 2, 0, 0], rows [1, 1, 0, 0], [4, 4, 4, 4], [0, 2, 2, 0], "
        "[0, 0, 0, 0])"
    )
    shown = np.round(result.astype(np.float64), 3).tolist()
    if result.shape == (4,) and close(result[:3], [1.0, 0.25, 0.5]):
        fail(
            f"{what} gave {shown}: you divided by each row's own total. Divide every row's "
            "overlap by the same number, the query's total query.sum(), as the docstring says."
        )
    if result.shape == (4,) and close(result[:3], [1.0, 0.5, 0.5]):
        fail(
            f"{what} gave {shown}: you normalised the histograms (divided each by its own "
            "total) before comparing them. Use the histograms as they are: "
            "np.minimum(query, row).sum() / query.sum()."
        )
    expect_array(
        result,
        np.array([0.5, 1.0, 0.5, 0.0]),
        what,
        dtype=False,
        atol=1e-6,
        hint="Divide by query.sum() only; the rows' totals do not matter.",
    )
    # One histogram only: still an array of one value.
    result = _intersections(histogram_intersection, np.array([3.0, 1.0]), np.array([[1.0, 1.0]]))
    expect_array(
        result,
        np.array([0.5]),
        "histogram_intersection([3, 1], [[1, 1]]), one row,",
        dtype=False,
        atol=1e-6,
        hint="Keep one value per row, shape (N,), even for N = 1 (no squeeze).",
    )


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
# LightGBM's own names of the settings the exercise refines (the lesson uses scikit-learn's).
_ALIASES = {
    "lgbm__num_iterations": "lgbm__n_estimators",
    "lgbm__eta": "lgbm__learning_rate",
    "lgbm__bagging_fraction": "lgbm__subsample",
    "lgbm__bagging_freq": "lgbm__subsample_freq",
}


def _sample(space: dict) -> list[dict]:
    """Candidates drawn from the learner's space, as RandomizedSearchCV would draw them."""
    with warnings.catch_warnings():  # our n_iter is larger than a space of lists only
        warnings.filterwarnings(
            "ignore", message="The total space of parameters", category=UserWarning
        )
        return list(ParameterSampler(space, n_iter=_SAMPLES, random_state=0))


def _values(values: list) -> str:
    """The distinct values a space takes, short enough for a message."""
    plain = [v.item() if isinstance(v, np.generic) else v for v in values]
    distinct = list({repr(v): v for v in plain}.values())  # in the order drawn; maybe unhashable
    if len(distinct) <= 6:
        return str(distinct)
    numbers = [v for v in distinct if isinstance(v, (int, float))]
    span = f", from {min(numbers):.4g} to {max(numbers):.4g}" if numbers else ""
    return f"{len(distinct)} different values{span}"


def _check_refined(refine_space: Any, best: dict) -> None:
    given = dict(best)
    space = call(refine_space, given)
    if given != best:
        fail("refine_space changed the best_params dict it was given: build a new dict.")
    if space is None:
        fail("refine_space returned None: end the function with `return space`.")
    if not isinstance(space, dict):
        fail(f"refine_space should return a dict; yours returned a {type(space).__name__}.")
    for alias, name in _ALIASES.items():
        if alias in space and alias not in best:
            fail(
                f"your space has '{alias}', LightGBM's own name for '{name}'. Use the "
                f"scikit-learn name '{name}', as the exercise asks: LightGBM warns when both "
                "names of one setting are given, and keeps only one."
            )
    required = {
        "lgbm__learning_rate",
        "lgbm__n_estimators",
        "lgbm__subsample",
        "lgbm__subsample_freq",
    }
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
            f"for best_params with the keys {sorted(best)}, your space lacks {sorted(missing)}. "
            f"It needs the four refined keys, and every other key of best_params ({others}), "
            "whichever step it belongs to, fixed at its best value (a one-element list); "
            "otherwise the search falls back to the defaults."
        )
    if extra:
        fail(f"your space has keys that do not belong: {sorted(extra)}.")
    try:
        candidates = _sample(space)
    except Exception as err:  # the reason goes to the learner
        fail(
            f"scikit-learn cannot sample from your space ({type(err).__name__}: {err}). Each "
            "value must be a list of choices or a scipy.stats distribution."
        )

    def drawn(key: str) -> list:
        return [candidate[key] for candidate in candidates]

    rate = float(best["lgbm__learning_rate"])
    rates = np.array(drawn("lgbm__learning_rate"), dtype=np.float64)
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
    if rates.min() > low * 1.03 or rates.max() < high / 1.03:  # 400 draws reach closer
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
    counts = drawn("lgbm__n_estimators")
    if not all(is_int(n) for n in counts):
        fail(
            "the numbers of trees must be whole numbers (ints): LightGBM rejects 150.0 "
            "rounds. Use the list [n // 2, n, 2 * n]."
        )
    taken = sorted({int(n) for n in counts})
    if taken != [trees // 2, trees, 2 * trees]:
        rounded_up = (
            f" Half of {trees} is {trees / 2}: the exercise rounds it down, {trees} // 2 = "
            f"{trees // 2} (round() and math.ceil give {trees // 2 + 1})."
            if taken == [trees // 2 + 1, trees, 2 * trees] else ""
        )
        fail(
            f"for a best n_estimators of {trees} the candidates should be "
            f"{[trees // 2, trees, 2 * trees]}; yours take {_values(taken)}.{rounded_up}"
        )

    share = float(best["lgbm__subsample"])
    low, high = max(0.5, share - 0.1), min(1.0, share + 0.1)
    shares = np.array(drawn("lgbm__subsample"), dtype=np.float64)
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
            "The range is cut at 0.5 and at 1.0; remember that stats.uniform(loc, scale) runs "
            "from loc to loc + scale."
        )
    if shares.min() > low + 0.005 or shares.max() < high - 0.005:  # 400 draws reach closer
        fail(
            f"for a best subsample of {share} the candidates should cover {low:.3g} to "
            f"{high:.3g}; yours only reach {shares.min():.3g} to {shares.max():.3g}."
        )

    frequencies = drawn("lgbm__subsample_freq")
    if any(is_int(f) and f == 0 for f in frequencies):
        fail(
            "some candidates have subsample_freq 0, and with frequency 0 LightGBM never bags: "
            "their subsample does nothing. Use [1] (whatever best_params says)."
        )
    if any(not is_int(f) or f != 1 for f in frequencies):
        fail(f"'lgbm__subsample_freq' should be the list [1]; yours gives {_values(frequencies)}.")

    for key in sorted(set(best) - required):
        values = drawn(key)
        if any(v != best[key] for v in values):
            fail(
                f"'{key}' should stay fixed at its best value, [{best[key]!r}]; your space "
                f"tries {_values(values)}."
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
    # Near the bottom: the range is cut at 0.5; a first search that did not bag
    # (subsample_freq 0); a setting of the feature step.
    _check_refined(
        refine_space,
        {
            "features__bins": 8,
            "lgbm__colsample_bytree": 0.7,
            "lgbm__learning_rate": 0.01,
            "lgbm__n_estimators": 300,
            "lgbm__subsample": 0.52,
            "lgbm__subsample_freq": 0,
        },
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
