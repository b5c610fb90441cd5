"""Checks of the exercises of 03_logistic_regression.

Each check runs the learner's function on tiny inputs whose answers were worked
out by hand (the arithmetic is in the comments), and explains the usual
mistakes in plain words. Introduced in 03_logistic_regression.
"""

from __future__ import annotations

import math
from functools import partial
from typing import Any

import numpy as np

from helpers.checks import (
    Exercise,
    as_array,
    call,
    close,
    expect_array,
    expect_equal,
    expect_unchanged,
    fail,
)

__all__ = [
    "q1_flatten",
    "q2_memory_bytes",
    "q3_standardize",
    "q4_softmax",
    "q5_best_c",
    "q6_weighted_scores",
]


# ------------------------------------------------------------------ small helpers


_unchanged = partial(
    expect_unchanged,
    tip=(
        "Compute on a new array and leave the input as it was: code that runs later still"
        " needs the original."
    ),
)


def _number(value: Any, what: str, kind: str = "a number") -> float:
    """Fail unless ``value`` is a plain number (Python or NumPy scalar); return it as float."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        fail(f"{what} should be {kind}; yours is {value!r} ({type(value).__name__}).")
    return float(value)


def _float_dtype(result: np.ndarray, given: np.ndarray, what: str) -> None:
    """Float64 results, except that float32 inputs may stay float32 (as scikit-learn's
    StandardScaler and SciPy's softmax keep them)."""
    allowed = (np.float64, np.float32) if given.dtype == np.float32 else (np.float64,)
    if result.dtype not in allowed:
        fail(
            f"{what}: the result should be float64 (for {given.dtype} input); yours has "
            f"dtype {result.dtype}. Convert first: np.asarray(x, dtype=np.float64) (a new "
            "array: the input stays as it was)."
        )


# ------------------------------------------------------------------ q1 flatten


def _by_hand(images: np.ndarray, gray: bool) -> np.ndarray:
    """The expected features, one value at a time (slow, but plainly right)."""
    n, h, w, _ = images.shape
    weights = (0.299, 0.587, 0.114)
    out = np.zeros((n, h * w * (1 if gray else 3)))
    for i in range(n):
        for r in range(h):
            for c in range(w):
                pixel = images[i, r, c].astype(np.float64)
                if gray:
                    out[i, r * w + c] = sum(k * v for k, v in zip(weights, pixel, strict=True))
                else:
                    out[i, (r * w + c) * 3:(r * w + c) * 3 + 3] = pixel
    return out / 255.0


_FEATURES = "one row of features per image, shape (number of images, features)"


def _test_flatten(flatten_images: Any) -> None:
    # Two 2x3 images: the first has pure red, green, blue, white, black and a mix.
    first = [[[255, 0, 0], [0, 255, 0], [0, 0, 255]], [[255, 255, 255], [0, 0, 0], [100, 150, 200]]]
    second = np.arange(18).reshape(2, 3, 3) * 10
    images = np.array([first, second], dtype=np.uint8)
    before = images.copy()
    result = as_array(call(flatten_images, images), "flatten_images", _FEATURES)
    _unchanged(before, images, "flatten_images")
    expected = _by_hand(images, gray=False)
    if result.ndim == 1:
        fail(
            f"your features have shape {result.shape}: one long vector for the whole batch. "
            "A model needs one row per image: a 2-D array of shape (number of images, "
            "features), here (2, 18). images.reshape(len(images), -1) keeps the first axis."
        )
    if result.shape != (2, 18):
        fail(
            f"two RGB images of 2x3 pixels should give features of shape (2, 18): one row per "
            f"image and 2 x 3 x 3 = 18 values in it. Yours have shape {result.shape}."
        )
    if np.nanmax(np.abs(result)) > 1.5:
        fail(
            "your features go up to 255: divide the pixel values by 255 so that they lie "
            "between 0 and 1 (the scale every model of the course uses)."
        )
    if close(result, expected * 255 / 256):
        fail(
            "pure red (255) became 0.996, not 1: you divided by 256. The largest pixel value "
            "is 255, so divide by 255 to map 0..255 onto 0..1 exactly."
        )
    if close(result, images.transpose(0, 3, 1, 2).reshape(2, -1) / 255.0):
        fail(
            "you put all the red values first, then all the green, then all the blue. Keep "
            "NumPy's own order, images.reshape(len(images), -1): pixel after pixel, the "
            "three channel values of each pixel side by side."
        )
    if np.issubdtype(result.dtype, np.integer):
        fail(
            f"your features are integers (dtype {result.dtype}): converting values between 0 "
            "and 1 to an integer type keeps only 0 and 1. Keep them as floats: "
            ".astype(np.float32)."
        )
    if result.dtype != np.float32:
        fail(
            f"the features should have dtype float32; yours have dtype {result.dtype}. "
            "float32 takes half the memory of float64 and is precise enough here: "
            "finish with .astype(np.float32)."
        )
    expect_array(
        result, expected.astype(np.float32), "flatten_images of two 2x3 RGB images", atol=1e-6,
        hint="Row i holds image i, pixel by pixel (row by row), each pixel's R, G, B, / 255.",
    )
    gray = as_array(call(flatten_images, images, gray=True), "flatten_images(..., gray=True)",
                    _FEATURES)
    if gray.shape == (2, 18):
        fail(
            "with gray=True the result still has 18 features per image: the gray option is "
            "ignored. Convert each pixel to one gray value first, giving 2 x 3 = 6 features."
        )
    if gray.shape != (2, 6):
        fail(
            f"with gray=True two 2x3 images should give shape (2, 6), one gray value per "
            f"pixel; yours has shape {gray.shape}."
        )
    if np.nanmax(np.abs(gray)) > 1.5:
        fail("with gray=True your values go up to 255: divide by 255 here too.")
    if close(gray[0, :3], [1 / 3, 1 / 3, 1 / 3], atol=0.01):
        fail(
            "pure red, green and blue all give the same gray value: you averaged the "
            "channels. Use the luminance weights of lesson 01: 0.299 R + 0.587 G + 0.114 B."
        )
    if close(gray[0, :3], [0.114, 0.587, 0.299], atol=0.01):
        fail(
            "pure red came out darker than pure blue: the weights are in BGR order. These "
            "images are RGB: red (channel 0) weighs 0.299 and blue (channel 2) 0.114."
        )
    if gray.dtype != np.float32:
        fail(f"with gray=True the features should be float32 too; yours are {gray.dtype}.")
    # Truncating cuts every gray level down by less than 1 (pure green: 149.685 -> 149);
    # rounding (OpenCV's way) or no rounding stays within half a level.
    below = _by_hand(images, gray=True) * 255 - gray.astype(np.float64) * 255
    if np.all((below > -0.01) & (below < 1.01)) and below.max() > 0.6:
        fail(
            "your gray levels are cut down, not rounded: pure green gives 0.587 x 255 = "
            f"149.685, and yours is {gray[0, 1] * 255:.3f} / 255. .astype(np.uint8) drops the "
            "decimals; keep the exact values, or round first with np.round."
        )
    expect_array(
        gray, _by_hand(images, gray=True).astype(np.float32),
        "flatten_images(..., gray=True) of two 2x3 images", atol=0.6 / 255,
        hint="Gray = 0.299 R + 0.587 G + 0.114 B per pixel, then / 255, one row per image.",
    )
    # A bigger, non-square batch of random images, then batches of ONE image (one of
    # them a single pixel): still 2-D, one row.
    photos = np.random.default_rng(3).integers(0, 256, size=(3, 4, 5, 3), dtype=np.uint8)
    one = np.array([[[[10, 20, 30], [40, 50, 60], [70, 80, 90]]] * 2], dtype=np.uint8)
    pixel = np.array([[[[200, 120, 40]]]], dtype=np.uint8)
    for batch in (photos, one, pixel):
        for as_gray in (False, True):
            what = f"flatten_images of a batch of shape {batch.shape} with gray={as_gray}"
            result = as_array(call(flatten_images, batch, gray=as_gray), what, _FEATURES)
            expected = _by_hand(batch, as_gray).astype(np.float32)
            if len(batch) == 1 and result.shape != expected.shape:
                fail(
                    f"{what} should have shape {expected.shape}: a batch of ONE image still "
                    f"gives a 2-D array with one row. Yours has shape {result.shape}. "
                    "np.squeeze drops every axis of length 1, the batch axis too; "
                    "reshape(len(images), -1) keeps it."
                )
            expect_array(result, expected, what, atol=0.6 / 255 if as_gray else 1e-6)


q1_flatten = Exercise(
    name="q1_flatten",
    answer="flatten_images",
    test=_test_flatten,
    hints=[
        "images.reshape(len(images), -1) keeps one row per image and lets NumPy work out "
        "the number of features (-1).",
        "For gray, first compute images.astype(np.float64) @ np.array([0.299, 0.587, 0.114]): "
        "shape (N, H, W), one value per pixel.",
        "Divide by 255 and finish with .astype(np.float32).",
    ],
)


# ------------------------------------------------------------------ q2 memory bytes


def _test_memory_bytes(memory_bytes: Any) -> None:
    # (n_images, height, width, channels, dtype) -> bytes, worked out by hand.
    cases = [
        ((1, 2, 2, 1, "uint8"), 4),  # 4 pixels of 1 byte
        ((10, 64, 64, 3, "uint8"), 122_880),  # 10 x 4096 pixels x 3 channels x 1 byte
        ((10, 64, 64, 3, "float32"), 491_520),  # 4 bytes a value
        ((10, 64, 64, 1, np.float64), 327_680),  # 8 bytes a value, one channel
        ((7, 3, 5, 3, np.dtype("float16")), 630),  # 2 bytes a value
        ((4, 8, 8, 4, np.int32), 4096),  # RGBA, 4 bytes a value
        ((2, 3, 3, 2, "complex64"), 288),  # 8 bytes a value
        ((2527, 224, 224, 3, "float64"), 3_043_074_048),  # the full TrashNet at 224 px
    ]
    # Every other usual dtype, given in all three ways, on 2 x 3 x 4 x 3 = 72 values.
    cases += [
        ((2, 3, 4, 3, dtype), 72 * size) for dtype, size in [
            ("int8", 1), (bool, 1), (np.int16, 2), ("uint16", 2), (np.dtype("uint32"), 4),
            ("int64", 8), (np.uint64, 8), (np.complex128, 16),
        ]
    ]
    got = []
    for (n, h, w, c, dtype), _ in cases:
        name = getattr(dtype, "__name__", None) or repr(str(dtype))
        what = f"memory_bytes({n}, {h}, {w}, {c}, {name})"
        try:
            result = call(memory_bytes, n, h, w, c, dtype)
        except KeyError as err:  # looked the dtype up in a table (a dict) of sizes
            fail(
                f"{what} raised KeyError: {err}. Does your table of sizes have no entry for "
                f"{np.dtype(dtype).name}? NumPy has more dtypes than a table lists: "
                "np.dtype(dtype).itemsize gives the bytes of one value of any of them."
            )
        got.append((what, result, _number(result, what, "a whole number of bytes (an int)")))
    values = [value for _, _, value in got]
    expected = [bytes_ for _, bytes_ in cases]
    # Diagnose from all the cases at once: a pattern shared by every case names the mistake.
    if all(v == 8 * e for v, e in zip(values, expected, strict=True)):
        fail(
            f"{got[2][0]} should be {expected[2]:,} bytes; yours is 8 times more, "
            f"{values[2]:,.0f}: that counts bits. A byte is 8 bits; np.dtype(dtype).itemsize "
            "gives the bytes of one value."
        )
    if all(v == e // case[3] for v, e, (case, _) in zip(values, expected, cases, strict=True)):
        fail(
            f"{got[1][0]} should be {expected[1]:,} bytes; yours, {values[1]:,.0f}, forgot the "
            "channels: each pixel of a colour image holds 3 values (4 with alpha)."
        )
    per_value = {v / math.prod(case[:4]) for v, (case, _) in zip(values, cases, strict=True)}
    if len(per_value) == 1:
        (size,) = per_value
        fail(
            f"your answer counts {size:g} byte(s) a value whatever the dtype: {got[1][0]} and "
            f"{got[2][0]} gave {values[1]:,.0f} and {values[2]:,.0f}. A uint8 value takes 1 "
            "byte, a float32 value 4 and a float64 value 8: np.dtype(dtype).itemsize gives "
            "the bytes per value of any dtype."
        )
    if all(math.isclose(v, e / 1e6) or math.isclose(v, e / 2**20)
           for v, e in zip(values, expected, strict=True)):
        fail(f"{got[1][0]} should be in bytes ({expected[1]:,}), not in megabytes.")
    for (what, result, value), bytes_ in zip(got, expected, strict=True):
        if value == bytes_ and not isinstance(result, (int, np.integer)):
            fail(f"{what} gave {result!r}, a float: return an int, a whole number of bytes.")
        expect_equal(
            result, bytes_, what,
            "Multiply the number of values, n x height x width x channels, by the bytes a value.",
        )


q2_memory_bytes = Exercise(
    name="q2_memory_bytes",
    answer="memory_bytes",
    test=_test_memory_bytes,
    hints=[
        "The array holds n_images x height x width x channels values.",
        "np.dtype(dtype).itemsize is the number of bytes of one value: 1 for uint8, 4 for "
        "float32, 8 for float64 (it accepts 'float32', np.float32 or a dtype).",
        "Return int(number_of_values * bytes_per_value).",
    ],
)


# ------------------------------------------------------------------ q3 standardize


def _standardized(standardize: Any, train: np.ndarray, other: np.ndarray):
    """Call standardize; check the inputs are unchanged and the result is two arrays of
    the input shapes and of the right dtype."""
    before = (train.copy(), other.copy())
    result = call(standardize, train, other)
    _unchanged(before[0], train, "standardize")
    _unchanged(before[1], other, "standardize")
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(
            "standardize should return a tuple of two arrays, (train_scaled, other_scaled): "
            "`return train_scaled, other_scaled`."
        )
    arrays = (
        as_array(result[0], "train_scaled (the first array)", "the shape of train"),
        as_array(result[1], "other_scaled (the second array)", "the shape of other"),
    )
    if arrays[0].shape != train.shape or arrays[1].shape != other.shape:
        fail(
            f"the scaled arrays should keep the shapes of the inputs, {train.shape} and "
            f"{other.shape}; yours have shapes {arrays[0].shape} and {arrays[1].shape}."
        )
    for array, name in zip(arrays, ("train_scaled", "other_scaled"), strict=True):
        _float_dtype(array, train, name)
    return arrays


def _test_standardize(standardize: Any) -> None:
    # Column 0: 0, 2, 4 -> mean 2, std sqrt(8/3); column 1 is constant (10);
    # column 2: 5, 1, 3 -> mean 3, std sqrt(8/3). Population std (divide by n), like
    # scikit-learn's StandardScaler; a constant column is divided by 1.
    train = np.array([[0.0, 10.0, 5.0], [2.0, 10.0, 1.0], [4.0, 10.0, 3.0]])
    other = np.array([[2.0, 12.0, 3.0], [6.0, 10.0, 7.0]])
    train_scaled, other_scaled = _standardized(standardize, train, other)
    s = math.sqrt(8 / 3)
    expected_train = np.array([[-2 / s, 0, 2 / s], [0, 0, -2 / s], [2 / s, 0, 0]])
    expected_other = np.array([[0, 2, 0], [4 / s, 0, 4 / s]])
    if not (np.all(np.isfinite(train_scaled)) and np.all(np.isfinite(other_scaled))):
        fail(
            "your result contains NaN or infinite values. Column 1 of the training features "
            "is constant (every value 10), so its standard deviation is 0, and dividing by it "
            "gives 0 / 0 = NaN (or 2 / 0 = infinity for the 12 of `other`). Like "
            "scikit-learn's StandardScaler, divide such columns by 1: std[std == 0] = 1."
        )
    if np.abs(other_scaled).max() > 1e300:
        fail(
            f"other_scaled holds a huge value, {np.abs(other_scaled).max():.3g}: column 1 of "
            "the training features is constant (10), its standard deviation is 0, and "
            "(12 - 10) / 0 is infinite (np.nan_to_num turns infinity into the largest float). "
            "Replace a standard deviation of 0 by 1 BEFORE dividing: std[std == 0] = 1."
        )
    constant = other_scaled[0, 1]  # 12 in the constant column: (12 - 10) / 1 = 2
    if (close(train_scaled, expected_train) and not close(constant, 2)
            and close(other_scaled[:, [0, 2]], expected_other[:, [0, 2]])):
        why = ""
        if constant == 0:
            why = ("Setting every value of a constant column to 0 (np.divide with where=std != 0 "
                   "and out=zeros) is right for the training rows only. ")
        elif abs(constant) > 100:
            why = ("Dividing by a tiny standard deviation (std + 1e-8, say) avoids the division "
                   "by 0 but blows up the values of `other` in a constant column. ")
        fail(
            "column 1 of the training features is constant (10), and the 12 of `other` in that "
            f"column should become (12 - 10) / 1 = 2; yours is {constant:.6g}. {why}Replace "
            "the standard deviation of 0 by exactly 1."
        )
    if close(train_scaled.mean(axis=1), 0) and not close(train_scaled, expected_train):
        fail(
            "each ROW of your scaled training features has mean 0: you computed the mean "
            "and std of each image (axis=1). Standardise each feature, that is each COLUMN, "
            "over the training images: train.mean(axis=0), train.std(axis=0)."
        )
    if close(other_scaled.mean(axis=0)[[0, 2]], 0) and not close(other_scaled, expected_other):
        fail(
            "the scaled `other` features have mean 0 in every column: you computed the mean "
            "and std on `other` itself. Compute them on the TRAINING features only and apply "
            "those to both arrays; validation data must not influence the model, or its "
            "score stops being an honest estimate."
        )
    if close(train_scaled, (train - train.mean()) / train.std()):
        fail(
            "you used one mean and one standard deviation for the whole array "
            "(train.mean() without an axis). Each feature, that is each COLUMN, gets its own: "
            "train.mean(axis=0) and train.std(axis=0)."
        )
    both = np.vstack([train, other])
    spread = np.where(both.std(axis=0) == 0, 1.0, both.std(axis=0))
    if close(train_scaled, (train - both.mean(axis=0)) / spread):
        fail(
            "you computed the mean and std on the training and `other` features together. "
            "Use the training features only: in the lesson `other` is the validation split, "
            "and its statistics must not leak into the model."
        )
    if close(train_scaled, expected_train * math.sqrt(2 / 3)):
        fail(
            "your standard deviations divide by n - 1 (ddof=1). Use the population standard "
            "deviation, dividing by n: NumPy's default std(axis=0), and scikit-learn's "
            "StandardScaler."
        )
    hint = "(x - train mean) / train std, column by column."
    expect_array(train_scaled, expected_train, "train_scaled for the worked example",
                 dtype=False, atol=1e-6, hint=hint)
    expect_array(other_scaled, expected_other, "other_scaled for the worked example",
                 dtype=False, atol=1e-6, hint=hint)
    # Integer features (pixel values) come back as float64.
    # Column 0: mean 102, deviations -102, 153, -51, 0 -> std sqrt(36414 / 4) = 95.414...
    train = np.array([[0, 100], [255, 100], [51, 100], [102, 100]], dtype=np.uint8)
    other = np.array([[255, 0]], dtype=np.uint8)
    std0 = math.sqrt((102**2 + 153**2 + 51**2) / 4)
    expect_array(
        _standardized(standardize, train, other)[1], np.array([[153 / std0, -100.0]]),
        "other_scaled for uint8 features", dtype=False, atol=1e-6,
        hint="Convert to float64 first: uint8 arithmetic wraps around (lesson 01).",
    )
    # int64 features, some negative. Column 0: -3, 1, 5 -> mean 1, std sqrt(32 / 3);
    # column 1 is constant (7).
    train = np.array([[-3, 7], [1, 7], [5, 7]], dtype=np.int64)
    other = np.array([[9, 8]], dtype=np.int64)
    expect_array(
        _standardized(standardize, train, other)[1], np.array([[8 / math.sqrt(32 / 3), 1.0]]),
        "other_scaled for int64 features", dtype=False, atol=1e-6,
    )
    # float32 features (what PixelFeatures gives). Column 0: 1.5, 2.5, 3.5, 0.5 -> mean 2,
    # std sqrt(5 / 4); column 1 is constant (4).
    train = np.array([[1.5, 4.0], [2.5, 4.0], [3.5, 4.0], [0.5, 4.0]], dtype=np.float32)
    other = np.array([[2.0, 6.0], [4.5, 4.0]], dtype=np.float32)
    expect_array(
        _standardized(standardize, train, other)[1],
        np.array([[0.0, 2.0], [2.5 / math.sqrt(5 / 4), 0.0]]),
        "other_scaled for float32 features", dtype=False, atol=1e-6,
    )


q3_standardize = Exercise(
    name="q3_standardize",
    answer="standardize",
    test=_test_standardize,
    hints=[
        "mean = train.mean(axis=0) and std = train.std(axis=0) give one number per column "
        "(feature).",
        "Replace the zeros of std by 1 before dividing: std = np.where(std == 0, 1.0, std).",
        "Return ((train - mean) / std, (other - mean) / std), computed in float64.",
    ],
)


# ------------------------------------------------------------------ q4 softmax


def _softmax_call(softmax: Any, scores: np.ndarray, what: str) -> np.ndarray:
    before = scores.copy()
    result = as_array(call(softmax, scores), what, "probabilities, the shape of the scores")
    _unchanged(before, scores, "softmax")
    if result.shape != scores.shape:
        fail(
            f"{what} should have the shape of the scores, {scores.shape}: one probability "
            f"per class for each image. Yours has shape {result.shape}."
        )
    _float_dtype(result, scores, what)
    return result


def _test_softmax(softmax: Any) -> None:
    # exp(1), exp(2), exp(3) = 2.718, 7.389, 20.086; their sum is 30.193.
    scores = np.array([[1.0, 2.0, 3.0]])
    result = _softmax_call(softmax, scores, "softmax([[1, 2, 3]])")
    expected = np.array([[0.09003057, 0.24472847, 0.66524096]])
    if close(result, np.ones_like(scores)):
        fail(
            "softmax([[1, 2, 3]]) gave 1 for every class: each value was divided by itself. "
            "That is what summing down the columns (axis=0) does when there is one row. Each "
            "ROW holds the scores of one image: sum over axis=1, with keepdims=True."
        )
    expect_array(result, expected, "softmax([[1, 2, 3]])", dtype=False, atol=1e-6)
    # Two images (rows), two classes: row 0 -> 1 / (1 + e), e / (1 + e); row 1 ->
    # 1 / (1 + e^2), e^2 / (1 + e^2).
    scores = np.array([[1.0, 2.0], [3.0, 5.0]])
    result = _softmax_call(softmax, scores, "softmax of a 2x2 array")
    sums = np.nansum(result, axis=1)
    if not close(sums, [1, 1]):
        fail(
            f"the rows of softmax([[1, 2], [3, 5]]) should each sum to 1; yours sum to "
            f"{np.round(sums, 4).tolist()}. Divide each row by its OWN sum, "
            "exps.sum(axis=1, keepdims=True): without keepdims the (N,) sums broadcast "
            "along the wrong axis, and exps.sum() adds up the whole array."
        )
    expect_array(
        result, np.array([[0.26894142, 0.73105858], [0.11920292, 0.88079708]]),
        "softmax([[1, 2], [3, 5]])", dtype=False, atol=1e-6,
        hint="Subtract each row's maximum, exponentiate, divide by each row's sum.",
    )
    scores = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -1002.0]])
    result = _softmax_call(softmax, scores, "softmax of very large scores")
    if not np.all(np.isfinite(result)) and np.all(np.isfinite(result[0])):
        fail(
            "softmax([[-1000, -1001, -1002]]) gave NaN: subtracting the maximum of the WHOLE "
            "array (1002) leaves exp(-2002) = 0 everywhere in that row, and 0 / 0 is NaN. "
            "Subtract each row's own maximum: scores.max(axis=1, keepdims=True)."
        )
    if not np.all(np.isfinite(result)):
        fail(
            "softmax([[1000, 1001, 1002]]) gave NaN: np.exp(1000) overflows to infinity "
            "and inf / inf is NaN. Subtract each row's maximum before np.exp: softmax does "
            "not change when the same number is added to every score of a row, and the "
            "largest exponent becomes exp(0) = 1."
        )
    if close(result[0], 1 / 3):
        fail(
            "softmax([[1000, 1001, 1002]]) gave 1/3 to each class, as if the three scores "
            "were equal: clipping the scores (to keep np.exp from overflowing) makes them "
            "equal and changes the result. Subtract each row's maximum instead: that "
            "leaves softmax unchanged."
        )
    expect_array(
        result,
        np.array([[0.09003057, 0.24472847, 0.66524096], [0.66524096, 0.24472847, 0.09003057]]),
        "softmax([[1000, 1001, 1002], [-1000, -1001, -1002]])", dtype=False, atol=1e-6,
    )
    # Scores beyond what even a long double can exponentiate (exp(11357) overflows).
    scores = np.array([[0.0, 1.0], [30000.0, 30001.0]])
    result = _softmax_call(softmax, scores, "softmax of rows on different scales")
    if not np.all(np.isfinite(result)):
        fail(
            "softmax([[0, 1], [30000, 30001]]) gave NaN: np.exp(30000) overflows, even in "
            "a long double (np.longdouble reaches about exp(11356)): a wider float type only "
            "moves the limit. Subtract each row's maximum before np.exp, and no score "
            "overflows."
        )
    expect_array(
        result, np.array([[0.26894142, 0.73105858], [0.26894142, 0.73105858]]),
        "softmax([[0, 1], [30000, 30001]])", dtype=False, atol=1e-6,
    )
    # Scores far apart within a row: exp(-1500) and exp(-3000) are 0 next to exp(0) = 1.
    scores = np.array([[-1500.0, 0.0, 1500.0]])
    result = _softmax_call(softmax, scores, "softmax([[-1500, 0, 1500]])")
    if not np.all(np.isfinite(result)):
        fail(
            "softmax([[-1500, 0, 1500]]) gave NaN: you shifted the row by less than its "
            "maximum (its mean or its minimum?), so exp(1500) still overflows. Subtract each "
            "row's maximum: the largest exponent is then exp(0) = 1 and nothing overflows."
        )
    expect_array(result, np.array([[0.0, 0.0, 1.0]]), "softmax([[-1500, 0, 1500]])",
                 dtype=False, atol=1e-6)
    # One class only: its probability is 1, whatever the score.
    result = _softmax_call(softmax, np.array([[5.0], [-2.0]]), "softmax([[5], [-2]])")
    expect_array(result, np.array([[1.0], [1.0]]), "softmax([[5], [-2]]) (one class)",
                 dtype=False, atol=1e-6)
    # Integer scores give float64; float32 scores may stay float32.
    result = _softmax_call(softmax, np.array([[1, 2, 3]]), "softmax of integer scores")
    expect_array(result, expected, "softmax([[1, 2, 3]]) with integer scores",
                 dtype=False, atol=1e-6)
    scores = np.array([[1.0, 2.0], [0.5, 0.5]], dtype=np.float32)
    result = _softmax_call(softmax, scores, "softmax of float32 scores")
    expect_array(result, np.array([[0.26894142, 0.73105858], [0.5, 0.5]]),
                 "softmax([[1, 2], [0.5, 0.5]]) with float32 scores", dtype=False, atol=1e-6)


q4_softmax = Exercise(
    name="q4_softmax",
    answer="softmax",
    test=_test_softmax,
    hints=[
        "scores.max(axis=1, keepdims=True) has shape (N, 1): subtracting it shifts every "
        "row so that its largest score is 0.",
        "np.exp of the shifted scores, then divide by their sum over axis=1 (keepdims=True).",
        "Start with scores = np.asarray(scores, dtype=np.float64) (a new array: the input "
        "stays as it was).",
    ],
)


# ------------------------------------------------------------------ q5 best C


def _test_best_c(best_c: Any) -> None:
    # The highest mean score wins; NaN (a failed fit) is ignored; among equal scores the
    # smallest C (the strongest regularisation) wins. Scores can be negative (MCC,
    # neg_log_loss), so a NaN replaced by 0 would win.
    nan = math.nan
    cases = [
        ([0.003, 0.03, 0.3, 3.0], [0.20, 0.35, 0.05, 0.30], 0.03, "a plain maximum"),
        ([0.001, 0.01, 0.1, 1.0], [0.30, 0.42, 0.42, 0.25], 0.01, "a tie, C in increasing order"),
        ([10.0, 1.0, 0.1, 0.01], [0.30, 0.40, 0.40, 0.20], 0.1, "a tie, C in decreasing order"),
        ([1.0, 0.01, 10.0, 0.1], [0.20, 0.50, 0.10, 0.30], 0.01, "C in no particular order"),
        ([0.01, 1.0, 100.0], [-0.12, -0.05, -0.30], 1.0, "negative scores (MCC)"),
        ([0.001, 0.01, 0.1], [nan, 0.30, 0.20], 0.01, "a failed fit (NaN score) first"),
        ([0.01, 0.1, 1.0, 10.0], [-1.62, -1.45, nan, -1.51], 0.1,
         "negative scores (neg_log_loss) and a failed fit (NaN)"),
        # Not a tie: 1.0 is better by 0.00002 (rounding to 2, 3 or 4 decimals, or
        # np.isclose with atol=1e-3, would merge the two).
        ([0.1, 1.0, 10.0], [0.81211, 0.81213, 0.6], 1.0, "two close scores"),
    ]
    picks = []
    for c_values, scores, _, label in cases:
        cv_results = {
            "param_model__C": np.ma.masked_array(c_values, mask=False, dtype=object),
            "mean_test_score": np.array(scores),
            "std_test_score": np.full(len(scores), 0.05),
        }
        what = f"best_c for {label}: C = {c_values}, mean_test_score = {scores}"
        result = call(best_c, cv_results)
        if isinstance(result, (np.ndarray, list, tuple, dict)):
            fail(f"best_c should return one number, the best C; yours returned {result!r}.")
        picks.append((_number(result, "best_c's result", "a number, the best C"), result, what))
    wrong = [
        (case, value, result, what)
        for case, (value, result, what) in zip(cases, picks, strict=True) if value != case[2]
    ]
    if not wrong:
        return
    # Every case without NaN answered with the C of the lowest score: "lower is better".
    lowest = [
        value == case[0][int(np.argmin(case[1]))]
        for case, (value, _, _) in zip(cases, picks, strict=True) if not np.isnan(case[1]).any()
    ]
    if all(lowest):
        fail(
            f"{wrong[0][3]}: you picked C = {wrong[0][1]}, the LOWEST mean score, and so in "
            "every case. GridSearchCV's scores are better when higher (accuracy, MCC, and "
            "even losses, which it negates: neg_log_loss): take the maximum."
        )
    (c_values, scores, expected, _), value, result, what = wrong[0]
    if any(math.isnan(s) and c == value for c, s in zip(c_values, scores, strict=True)):
        fail(
            f"{what}: you picked C = {value}, whose score is NaN, a failed fit. Ignore NaN "
            "scores: np.argmax, max() and sorting do not skip NaN, and replacing NaN by 0 "
            "lets a failed fit beat negative scores. np.nanmax and np.nanargmax skip it."
        )
    position = value.is_integer() and 0 <= value < len(c_values) and value not in c_values
    if position and c_values[int(value)] == expected:
        fail(
            f"{what}: yours returned {result!r}, the position of the best C in the list. "
            f"Return the value of C at that position ({expected})."
        )
    top = np.nanmax(scores)
    tied = [c for c, s in zip(c_values, scores, strict=True) if s == top]
    if len(tied) > 1 and value in tied:
        why = (
            " (np.argmax returns the first maximum in the order of the list, whatever "
            "the order of C.)" if value == tied[0] else ""
        )
        fail(
            f"{what}: C = {tied} tie for the best score, and you returned {value}. "
            "Break ties toward the SMALLER C: with equal scores, prefer the stronger "
            f"regularisation, the simpler model.{why}"
        )
    if value in c_values and value < expected:
        gap = top - scores[c_values.index(value)]
        if 0 < gap < 0.01:
            fail(
                f"{what}: you returned {value}, whose score is {gap:.5f} below the best, "
                f"{top} (C = {expected}). That is not a tie: {expected} is better, if only "
                "a little. Compare the scores exactly, scores == best: rounding them, or "
                "np.isclose with a tolerance this large, merges scores that differ."
            )
    if value == np.nanmax(scores) and value not in c_values:
        fail(f"{what}: you returned {value}, the best SCORE. Return the C that reached it.")
    fail(
        f"{what}: the best is C = {expected}; yours, {value}, "
        + (f"has the mean score {scores[c_values.index(value)]}." if value in c_values
           else "is not one of the C values.")
        + " The i-th score belongs to the i-th C: pick the C whose own score is highest."
    )


q5_best_c = Exercise(
    name="q5_best_c",
    answer="best_c",
    test=_test_best_c,
    hints=[
        "np.asarray(cv_results['param_model__C'], dtype=float) and "
        "np.asarray(cv_results['mean_test_score'], dtype=float) give two plain arrays.",
        "best = np.nanmax(scores) ignores NaN; scores == best marks every C that reaches it.",
        "Return float(c_values[scores == best].min()).",
    ],
)


# ------------------------------------------------------------------ q6 weighted scores


def _fill_freed_memory(length: int, value: float) -> None:
    """Leave freed arrays of ``length`` float64 values holding ``value``. NumPy hands such
    memory to the next small arrays it creates, so an entry that an answer never sets
    (np.empty, or np.divide with where= but no out=) holds ``value``."""
    junk = [np.full(length, value) for _ in range(16)]
    del junk


def _three_numbers(result: Any) -> tuple[float, float, float]:
    if isinstance(result, tuple) and len(result) == 4 and result[3] is None:
        fail(
            f"weighted_scores returned four values, {result!r}: precision_recall_fscore_support "
            "adds the support (None once averaged). Return the first three: [:3]."
        )
    is_sequence = isinstance(result, (tuple, list)) or (
        isinstance(result, np.ndarray) and result.ndim == 1
    )
    if not is_sequence or len(result) != 3:
        fail(
            "weighted_scores should return a tuple of three numbers, (precision, recall, f1); "
            f"yours returned {result!r}."
        )
    for v in result:
        if isinstance(v, np.ndarray) and v.size > 1:
            fail(
                f"weighted_scores should return three numbers; one of yours is an array, "
                f"{np.round(v, 4).tolist()}: the weighted per-class scores. Add them up: "
                "np.sum(weights * precision)."
            )
    return tuple(_number(v, "each of the three scores") for v in result)


def _scores_of(weighted_scores: Any, confusion: np.ndarray) -> tuple[float, float, float]:
    """Call weighted_scores twice, freed memory first full of NaN then of zeros: an answer
    that leaves some values unset gives two different results."""
    before = confusion.copy()
    got = []
    for filler in (np.nan, 0.0):
        _fill_freed_memory(len(confusion), filler)
        got.append(_three_numbers(call(weighted_scores, confusion)))
        _unchanged(before, confusion, "weighted_scores")
    if not np.array_equal(got[0], got[1], equal_nan=True):
        fail(
            f"weighted_scores of {confusion.tolist()} gave {got[0]}, then {got[1]} for the "
            "same matrix: some of your values are never set and hold whatever was left in "
            "memory. np.divide(a, b, where=b > 0) without out= leaves the entries where "
            "b is 0 unset (so does np.empty): pass out=np.zeros(len(a))."
        )
    return got[0]


def _test_weighted_scores(weighted_scores: Any) -> None:
    # Rows: true class; columns: predicted class. Row sums (support) 6, 6, 4 of 16;
    # column sums 7, 4, 5. Precision 5/7, 3/4, 4/5; recall 5/6, 3/6, 4/4;
    # F1 10/13, 3/5, 8/9. Weighted: precision 0.749107, recall 12/16 = 0.75, F1 0.735684.
    confusion = np.array([[5, 1, 0], [2, 3, 1], [0, 0, 4]])
    expected = np.array([
        (6 * 5 / 7 + 6 * 3 / 4 + 4 * 4 / 5) / 16,
        12 / 16,
        (6 * 10 / 13 + 6 * 3 / 5 + 4 * 8 / 9) / 16,
    ])
    got = _scores_of(weighted_scores, confusion)
    shown = tuple(round(v, 4) for v in got)
    if close(got, (0.754762, 0.777778, 0.752707)):
        fail(
            f"you returned {shown}: the MACRO averages, where every class counts the same. "
            "Weight each class by its support, the number of images that truly belong to "
            "it (the row sums: 6, 6, 4), then divide by the total (16)."
        )
    if close(got, (0.75, 0.749107, 0.735684)):
        fail(
            "precision and recall are swapped. Rows are the true classes and columns the "
            "predictions. Precision of class k: of the images PREDICTED as k (column k), "
            "the share that are k. Recall: of the images that ARE k (row k), the share "
            "found."
        )
    if close(got[2], 0.764316):
        fail(
            "you weighted the classes by the column sums (the predictions). Weight them by "
            "their support, the row sums: the number of images that truly belong to each class."
        )
    if close(got[:2], (0.749107, 0.75)) and close(got[2], 0.749553):
        fail(
            "your F1 is the harmonic mean of the weighted precision and the weighted recall. "
            "Compute F1 for each class from its own precision and recall, then take the "
            "weighted average of those F1 scores (as scikit-learn does)."
        )
    rounded = [d for d in range(1, 6) if close(got, np.round(expected, d), atol=1e-12)]
    if rounded and not close(got, expected):
        fail(
            f"your scores {got} are the right ones, {tuple(float(v) for v in expected)}, "
            f"rounded to {rounded[0]} decimals. Return the unrounded floats, and round only "
            "when you print."
        )
    expect_array(
        np.array(got), expected, "(precision, recall, f1) of [[5, 1, 0], [2, 3, 1], [0, 0, 4]]",
        atol=1e-6,
        hint="Per class: precision = diagonal / column sum, recall = diagonal / row sum.",
    )
    # Class 2 is never predicted (column 2 is empty): its precision is 0 / 0, taken as 0
    # (scikit-learn's zero_division=0), so its F1 is 0. Support 4, 4, 2 of 10; column sums
    # 6, 4, 0. Precision 3/6, 3/4, 0 -> 0.5; recall 3/4, 3/4, 0 -> 0.6;
    # F1 0.6, 0.75, 0 -> (4 x 0.6 + 4 x 0.75) / 10 = 0.54.
    confusion = np.array([[3, 1, 0], [1, 3, 0], [2, 0, 0]])
    got = _scores_of(weighted_scores, confusion)
    if any(math.isnan(v) for v in got):
        fail(
            "a class that is never predicted (an empty column) has precision 0 / 0, and "
            "your scores came out NaN. Count such a precision as 0 (scikit-learn's "
            "zero_division=0), and an F1 with precision + recall = 0 as 0 too."
        )
    if close(got, (0.7, 0.6, 0.54)):
        fail(
            "class 2 is never predicted (column 2 is empty), so its precision is 0 / 0, and "
            "you counted it as 1 (zero_division=1?), which gives a weighted precision of 0.7. "
            "The exercise counts any 0 / 0 as 0, like scikit-learn's zero_division=0 (and its "
            "default, which also warns): 0.5."
        )
    expect_array(
        np.array(got), np.array([0.5, 0.6, 0.54]),
        "(precision, recall, f1) of [[3, 1, 0], [1, 3, 0], [2, 0, 0]] (class 2 never predicted)",
        atol=1e-6,
    )
    # Two classes, class 1 never predicted. Support 3, 2 of 5; precision 3/5, 0; recall 1, 0;
    # F1 0.75, 0 -> precision 3/5 x 3/5 = 0.36, recall 0.6, F1 3/5 x 0.75 = 0.45.
    expect_array(
        np.array(_scores_of(weighted_scores, np.array([[3, 0], [2, 0]]))),
        np.array([0.36, 0.6, 0.45]),
        "(precision, recall, f1) of [[3, 0], [2, 0]] (two classes, class 1 never predicted)",
        atol=1e-6,
    )
    # Class 1 has no images and no predictions: it weighs 0 and must not turn anything NaN.
    # Support 5, 0, 3, 4 of 12; precision 4/5, 0, 2/4, 3/3; recall 4/5, 0, 2/3, 3/4;
    # F1 4/5, 0, 4/7, 6/7.
    confusion = np.array([[4, 0, 1, 0], [0, 0, 0, 0], [1, 0, 2, 0], [0, 0, 1, 3]])
    got = _scores_of(weighted_scores, confusion)
    if any(math.isnan(v) for v in got):
        fail(
            "a class with no images at all (an empty row and column) made your scores NaN: "
            "0 x NaN is still NaN. Treat its 0 / 0 precision, recall and F1 as 0; its "
            "weight is 0 anyway."
        )
    expect_array(
        np.array(got), np.array([9.5 / 12, 9 / 12, (4 + 3 * 4 / 7 + 4 * 6 / 7) / 12]),
        "(precision, recall, f1) of a 4-class matrix with an empty class", atol=1e-6,
    )


q6_weighted_scores = Exercise(
    name="q6_weighted_scores",
    answer="weighted_scores",
    test=_test_weighted_scores,
    hints=[
        "np.diag(confusion) holds the correct predictions of each class; confusion.sum(axis=0) "
        "the predictions of each class (columns), confusion.sum(axis=1) the true images (rows).",
        "np.divide(a, b, out=np.zeros(len(a)), where=b > 0) divides where b > 0 and leaves 0 "
        "elsewhere: use it for precision, recall and F1.",
        "Weights = row sums / total; each weighted score is np.sum(weights * per_class_score).",
    ],
)
