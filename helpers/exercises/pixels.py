"""Checks of the exercises of 01_pixels.

Each check runs the learner's function on small inputs whose answers were worked
out by hand (or by an independent means, such as OpenCV where it agrees
exactly), and explains the usual mistakes in plain words. Each check also tries
the kinds of input the grader tries: one-pixel and edge-size inputs, other
dtypes, non-default parameters, larger random images. Introduced in 01_pixels.
"""

from __future__ import annotations

import inspect
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
    "q1_grayscale",
    "q2_binary_threshold",
    "q3_center_crop",
    "q4_flip_rotate",
    "q5_resize_keep_aspect",
    "q6_brightness_contrast",
    "q7_output_size",
    "q8_conv2d",
    "q9_sobel_edges",
    "q10_max_pool",
]


# ------------------------------------------------------------------ small helpers


_unchanged = partial(
    expect_unchanged,
    tip=(
        "Work on a new array (for example image.astype(np.float64) makes one) and leave "
        "the input as it was."
    ),
)


def _run(function: Any, name: str, *args: Any, **kwargs: Any) -> Any:
    """Call the learner's function, then fail if it changed an array it was given: the
    grader checks that after every call, and an in-place change may show on some inputs
    only (subtracting the minimum changes nothing when the minimum is 0)."""
    copies = [np.copy(a) if isinstance(a, np.ndarray) else None for a in args]
    result = call(function, *args, **kwargs)
    for copy, given in zip(copies, args, strict=True):
        if copy is not None:
            _unchanged(copy, given, name)
    return result


def _result(function: Any, name: str, expected: str, *args: Any) -> np.ndarray:
    """The array the learner's function returns for ``args`` (see ``_run``)."""
    return as_array(_run(function, name, *args), name, expected)


def _size(shape: tuple[int, ...]) -> str:
    return "x".join(str(n) for n in shape)


def _call_as(function: Any, what: str, signature: str, *args: Any, **kwargs: Any) -> Any:
    """Call the learner's function as the grader does (keyword arguments, defaults),
    first checking that its parameters allow that call."""
    if callable(function):
        try:
            inspect.signature(function).bind(*args, **kwargs)
        except TypeError as err:
            fail(
                f"{what} cannot be called: {err}. Keep the exercise's signature, {signature}, "
                "with its parameter names and default values."
            )
    return _run(function, signature.split("(")[0], *args, **kwargs)


def _expect_floats(result: np.ndarray, expected: Any, what: str, hint: str = "") -> None:
    """Compare a float result as the grader does, value by value with np.isclose: correct
    methods (FFT, cv2.filter2D, einsum, steps in float32) differ in the last digits. (The
    dtype is checked before, with its own message.)"""
    expected = np.asarray(expected, dtype=np.float64)
    if result.shape != expected.shape:
        fail(f"{what} should have shape {expected.shape}; yours has shape {result.shape}. {hint}")
    wrong = ~np.isclose(result, expected)  # NaN is wrong too
    if wrong.any():
        where = tuple(int(i) for i in np.argwhere(wrong)[0])
        fail(
            f"{what} has wrong values: at index {where} it is {result[where].item()!r}, "
            f"expected {expected[where].item()!r}. {hint}"
        )


# ------------------------------------------------------------------ q1 grayscale

_GRAY = "the gray image, a uint8 array of shape (height, width)"


def _test_grayscale(to_grayscale: Any) -> None:
    # Pure red, green, blue; white, black and one mixed colour. Worked out by hand:
    # 0.299 * 255 = 76.245 -> 76, 0.587 * 255 = 149.685 -> 150, 0.114 * 255 = 29.07 -> 29,
    # 0.299 * 100 + 0.587 * 150 + 0.114 * 200 = 140.75 -> 141.
    image = np.array(
        [[[255, 0, 0], [0, 255, 0], [0, 0, 255]], [[255, 255, 255], [0, 0, 0], [100, 150, 200]]],
        dtype=np.uint8,
    )
    gray = _result(to_grayscale, "to_grayscale", _GRAY, image)
    if gray.shape == (2, 3, 1):
        fail(
            "your gray image has shape (2, 3, 1): drop the channel axis, a gray image "
            "of a (2, 3, 3) RGB image has shape (2, 3)."
        )
    if gray.shape != (2, 3):
        fail(
            f"a (2, 3, 3) RGB image (2 rows, 3 columns) should give a (2, 3) gray image, one "
            f"value per pixel; yours has shape {gray.shape}. Combine the three channels "
            "(the last axis) of each pixel."
        )
    values = gray.astype(np.float64)
    if np.allclose(values, [[85, 85, 85], [255, 0, 150]], atol=1):
        fail(
            "pure red, green and blue all give 85: you averaged the channels equally. The eye "
            "is most sensitive to green and least to blue, so use the weights 0.299 (red), "
            "0.587 (green) and 0.114 (blue)."
        )
    if abs(values[0, 0] - 29) <= 1 and abs(values[0, 2] - 76) <= 1:
        fail(
            "pure red gives 29 and pure blue gives 76: you applied the weights in BGR order. "
            "This image is RGB: channel 0 is red (weight 0.299), channel 2 is blue (0.114)."
        )
    if np.allclose(values, [[54, 182, 18], [255, 0, 143]], atol=1):
        fail(
            "pure green gives 182: you used the BT.709 (HDTV) weights 0.2126, 0.7152, 0.0722. "
            "This exercise uses the BT.601 weights of JPEG and OpenCV: 0.299 (red), 0.587 "
            "(green) and 0.114 (blue)."
        )
    if gray.dtype != np.uint8:
        fail(
            f"the gray image should have dtype uint8 like the input; yours is {gray.dtype}. "
            "Round with np.round, then convert with .astype(np.uint8)."
        )
    if values[0, 1] == 149 and values[1, 2] == 140:  # 149.685 and 140.75, both cut down
        fail(
            "pure green (0, 255, 0) should give 150: 0.587 x 255 = 149.685 rounds to 150. "
            "You truncated: .astype(np.uint8) alone cuts off the decimals, so round first."
        )
    expect_array(
        gray,
        np.array([[76, 150, 29], [255, 0, 141]], dtype=np.uint8),
        "the gray value of pure red, green, blue (top row) and white, black, (100, 150, 200)",
        hint="Compute 0.299 * R + 0.587 * G + 0.114 * B for each pixel, then round.",
    )
    # A single pixel keeps both axes: 2.99 + 117.4 + 3.42 = 123.81 -> 124.
    gray = _result(to_grayscale, "to_grayscale", _GRAY, np.array([[[10, 200, 30]]], dtype=np.uint8))
    if gray.shape != (1, 1):
        squeezed = (
            " Something (np.squeeze, or a reshape) dropped the row and column axes of length "
            "1: combine the channels only, for example with image @ weights."
            if gray.size == 1 else ""
        )
        fail(
            "a 1x1 RGB image (shape (1, 1, 3)) should give a gray image of shape (1, 1); yours "
            f"has shape {gray.shape}.{squeezed}"
        )
    expect_array(gray, np.array([[124]], dtype=np.uint8),
                 "the gray value of a 1x1 image whose pixel is (10, 200, 30)")
    # A large random image, judged as the grader does: off by at most 1, and off at all on
    # at most 1% of the pixels. Weights rounded to four places (MATLAB's rgb2gray uses 0.2989,
    # 0.5870, 0.1140) or float16 arithmetic land on the wrong side of .5 more often.
    photo = np.random.default_rng(2).integers(0, 256, size=(64, 64, 3), dtype=np.uint8)
    gray = _result(to_grayscale, "to_grayscale", _GRAY, photo)
    exact = np.round(photo.astype(np.float64) @ np.array([0.299, 0.587, 0.114]))
    diff = np.abs(gray.astype(np.float64) - exact)
    if diff.max() > 1 or np.mean(diff > 0) > 0.01:
        where = tuple(int(i) for i in np.unravel_index(np.argmax(diff), diff.shape))
        often = (
            " That many values off by 1 usually means slightly different weights (such as "
            "MATLAB's 0.2989, 0.5870, 0.1140) or too little precision (float16): use exactly "
            "0.299, 0.587 and 0.114 in float64, and round only at the end."
            if diff.max() == 1 else ""
        )
        fail(
            f"on a random 64x64 RGB image, {np.mean(diff > 0):.1%} of your gray values differ "
            f"from 0.299 R + 0.587 G + 0.114 B rounded (at most 1% may, by 1 at most): the "
            f"pixel at {where}, RGB {tuple(int(v) for v in photo[where])}, gives "
            f"{int(gray[where])}, expected {exact[where]:g}.{often}"
        )


q1_grayscale = Exercise(
    name="q1_grayscale",
    answer="to_grayscale",
    test=_test_grayscale,
    hints=[
        "image[:, :, 0] is the red channel, image[:, :, 1] green, image[:, :, 2] blue.",
        "Convert to float first: image.astype(np.float64). Then 0.299 * red + 0.587 * green "
        "+ 0.114 * blue works on whole channels at once (or use image @ weights).",
        "Finish with np.round(gray).astype(np.uint8).",
    ],
)


# ------------------------------------------------------------------ q2 binary threshold

_BINARY = "a uint8 array of 0 and 255, the shape of the gray image"


def _test_binary_threshold(binarize: Any) -> None:
    gray = np.array([[0, 99, 100, 101], [200, 255, 128, 50]], dtype=np.uint8)
    result = _result(binarize, "binarize", _BINARY, gray, 100)
    if result.shape != gray.shape:
        fail(
            f"the binary image should have the shape of the gray one, {gray.shape}; "
            f"yours has shape {result.shape}."
        )
    expected = np.array([[0, 0, 0, 255], [255, 255, 255, 0]], dtype=np.uint8)
    if result.dtype == bool:
        fail(
            "you returned True/False values. A binary image stores black as 0 and white as "
            "255 in a uint8 array, so it shows and saves like any other gray image."
        )
    if close(result, expected // 255):
        fail(
            "white should be 255, not 1: a binary image uses the two ends of the uint8 range, "
            "0 (black) and 255 (white)."
        )
    if close(result, 255 - expected):
        fail(
            "black and white are swapped: pixels brighter than the threshold should be white "
            "(255), the others black (0)."
        )
    if int(result[0, 2]) == 255 and close(np.delete(result, 2, axis=1), np.delete(expected, 2, 1)):
        fail(
            "the pixel equal to the threshold (100) became white. Only pixels strictly "
            "greater than the threshold become 255: use >, not >= (OpenCV's THRESH_BINARY rule)."
        )
    if result.dtype != np.uint8:
        fail(
            f"the binary image should have dtype uint8; yours is {result.dtype}. Convert it "
            "with .astype(np.uint8)."
        )
    expect_array(result, expected, "binarize(gray, 100)", hint="255 where gray > threshold.")
    result = _result(binarize, "binarize", _BINARY, gray, 150)
    if close(result, expected):
        fail(
            "binarize(gray, 150) gave the same result as binarize(gray, 100): "
            "use the threshold argument instead of a fixed number."
        )
    expect_array(
        result,
        np.array([[0, 0, 0, 0], [255, 255, 0, 0]], dtype=np.uint8),
        "binarize(gray, 150)",
    )
    # A threshold that is not a whole number, and the two ends of the range.
    gray = np.array([[127, 128, 129, 0], [255, 60, 61, 200]], dtype=np.uint8)
    what = f"binarize({gray.tolist()}, 127.5)"
    result = _result(binarize, "binarize", _BINARY, gray, 127.5)
    if result.shape == gray.shape and int(result[0, 1]) == 0 and close(
            np.delete(result, 1, axis=1), np.array([[0, 255, 0], [255, 0, 255]])):
        fail(
            f"{what} made the pixel 128 black, but 128 > 127.5. A threshold need not be a whole "
            "number: compare gray > threshold as it is, without rounding the threshold (or "
            "adding 1 to it)."
        )
    expect_array(result, np.array([[0, 255, 255, 0], [255, 0, 0, 255]], dtype=np.uint8), what)
    for threshold, expected, hint in [
        (0, [[255, 255, 255, 0], [255, 255, 255, 255]], "Every pixel but 0 is greater than 0."),
        (255, [[0] * 4] * 2, "No uint8 value is greater than 255: the image is all black."),
    ]:
        what = f"binarize({gray.tolist()}, {threshold})"
        result = _result(binarize, "binarize", _BINARY, gray, threshold)
        expect_array(result, np.array(expected, dtype=np.uint8), what, hint=hint)
    result = _result(binarize, "binarize", _BINARY, np.array([[201]], dtype=np.uint8), 200)
    expect_array(result, np.array([[255]], dtype=np.uint8), "binarize([[201]], 200), a 1x1 image")


q2_binary_threshold = Exercise(
    name="q2_binary_threshold",
    answer="binarize",
    test=_test_binary_threshold,
    hints=[
        "gray > threshold is a boolean array of the same shape: True where the pixel is brighter.",
        "np.where(condition, 255, 0) picks 255 where the condition holds, else 0.",
        "Convert the result with .astype(np.uint8).",
    ],
)


# ------------------------------------------------------------------ q3 centre crop


def _expect_crop(crop: np.ndarray, image: np.ndarray, corner: tuple[int, int], height: int,
                 width: int, what: str) -> None:
    """The general check of a crop whose top-left corner (worked out by hand) is `corner`:
    its shape (with the edge-size mistakes), then its values."""
    top, left = corner
    expected = image[top:top + height, left:left + width]
    if crop.shape != expected.shape:
        margins = {0: image.shape[0] - height, 1: image.shape[1] - width}
        if any(crop.shape[axis] == 0 and margins[axis] == 0 for axis in (0, 1) if crop.ndim > axis):
            fail(
                f"{what} is empty (shape {crop.shape}), though the margin around the crop is 0 "
                "on that axis. If you sliced up to -margin, note that -0 is 0: image[0:-0] is "
                "empty. Slice with image[top:top + height, left:left + width]."
            )
        if crop.shape == tuple(n for n in expected.shape if n != 1):
            fail(
                f"{what} should have shape {expected.shape}; yours has shape {crop.shape}: "
                "something (np.squeeze, for example) dropped the axes of length 1. Return the "
                "slice as it is."
            )
        fail(
            f"{what} should have shape {expected.shape} ({height} rows, {width} columns"
            f"{', all channels' if image.ndim == 3 else ''}); yours has shape {crop.shape}."
        )
    expect_array(crop, expected, what, hint=f"Rows {top} to {top + height - 1}, columns {left} "
                 f"to {left + width - 1}.")


def _test_center_crop(center_crop: Any) -> None:
    image = np.arange(48, dtype=np.uint8).reshape(6, 8)  # 6 rows, 8 columns: 8 * row + column
    what = "center_crop of a 6x8 image to 2x4"
    crop = as_array(call(center_crop, image, 2, 4), "center_crop", "the 2x4 crop")
    if crop.shape == (4, 2):
        fail(
            f"{what} has shape (4, 2); it should be (2, 4): height is the number of rows "
            "(first axis), width the number of columns (second axis)."
        )
    if close(crop, [[0, 1, 2, 3], [8, 9, 10, 11]]):
        fail(
            f"{what} is its top-left corner. Centre the crop: leave (H - height) // 2 rows "
            "above it and (W - width) // 2 columns to its left."
        )
    _expect_crop(crop, image, (2, 2), 2, 4, what)
    what = "center_crop of a 6x8 image to 3x3"
    crop = as_array(call(center_crop, image, 3, 3), "center_crop", "the 3x3 crop")
    if close(crop, [[19, 20, 21], [27, 28, 29], [35, 36, 37]]):
        fail(
            "cropping 3x3 out of 6x8 leaves odd margins (3 rows, 5 columns). The extra pixel "
            "goes below and to the right: top = (6 - 3) // 2 = 1 and left = (8 - 3) // 2 = 2, "
            "rounding down."
        )
    _expect_crop(crop, image, (1, 2), 3, 3, what)
    # Edge sizes (no margin on one axis, a single pixel) and colour images.
    colour = np.arange(5 * 7 * 3, dtype=np.uint8).reshape(5, 7, 3)
    for array, height, width, corner in [
        (image, 6, 4, (0, 2)), (image, 2, 8, (2, 0)), (image, 1, 1, (2, 3)),
        (colour, 3, 5, (1, 1)), (colour, 5, 7, (0, 0)), (colour, 1, 1, (2, 3)),
    ]:
        crop = as_array(call(center_crop, array, height, width), "center_crop",
                        f"the {height}x{width} crop")
        _expect_crop(crop, array, corner, height, width,
                     f"center_crop of a {_size(array.shape)} image to {height}x{width}")


q3_center_crop = Exercise(
    name="q3_center_crop",
    answer="center_crop",
    test=_test_center_crop,
    hints=[
        "image.shape[0] is the height H (rows), image.shape[1] the width W (columns).",
        "top = (H - height) // 2 and left = (W - width) // 2.",
        "image[top:top + height, left:left + width] keeps any channels that follow.",
    ],
)


# ------------------------------------------------------------------ q4 flip and rotate


def _test_flip_rotate(flip_rotate: Any) -> None:
    a = np.array([[1, 2, 3], [4, 5, 6]], dtype=np.uint8)
    square = np.array([[1, 2], [3, 4]], dtype=np.uint8)
    cases = [
        (a, False, 0, [[1, 2, 3], [4, 5, 6]]),
        (a, True, 0, [[3, 2, 1], [6, 5, 4]]),
        (a, False, 1, [[4, 1], [5, 2], [6, 3]]),
        (a, False, -1, [[3, 6], [2, 5], [1, 4]]),
        (a, False, 2, [[6, 5, 4], [3, 2, 1]]),
        (a, True, 1, [[6, 3], [5, 2], [4, 1]]),
        (a, False, 5, [[4, 1], [5, 2], [6, 3]]),
        (a, True, -4, [[3, 2, 1], [6, 5, 4]]),
        (a, True, -3, [[6, 3], [5, 2], [4, 1]]),
        (square, False, 1, [[3, 1], [4, 2]]),
        (square, True, 2, [[3, 4], [1, 2]]),
    ]
    for image, mirror, turns, expected in cases:
        result = _result(flip_rotate, "flip_rotate", "the turned image", image, mirror, turns)
        what = f"flip_rotate({image.tolist()}, mirror={mirror}, turns={turns})"
        start = image[:, ::-1] if mirror else image
        if mirror and turns == 0:
            if close(result, image[::-1]):
                fail(
                    f"{what} turned the image upside down (reversed the rows, axis 0). A "
                    "mirror flip swaps left and right: reverse the columns, axis 1."
                )
            if close(result, image[::-1, ::-1]):
                fail(
                    f"{what} reversed both rows and columns (np.flip without an axis does "
                    "that, and would also reverse the colour channels). Reverse only the "
                    "columns, axis 1."
                )
        if turns % 4 == 1 and not mirror:
            if close(result, np.rot90(image)):
                fail(
                    f"{what} rotated counter-clockwise. turns counts clockwise quarter turns; "
                    "note that np.rot90(image, k) turns counter-clockwise for positive k."
                )
            if close(result, image.T):
                fail(
                    f"{what} transposed the image: that mirrors it across its diagonal, it "
                    "does not rotate it."
                )
        if mirror and turns == 1 and close(result, np.rot90(image, -1)[:, ::-1]):
            fail(
                f"{what}: you rotated first and mirrored second. Mirror first, then rotate "
                "(the order changes the result)."
            )
        if turns < 0 and turns % 4 and close(result, start):
            fail(
                f"{what} did not rotate at all. A negative number of turns rotates "
                "counter-clockwise (a loop over range(turns) never runs when turns is "
                f"negative); turns % 4 gives the same rotation clockwise: {turns} % 4 = "
                f"{turns % 4} clockwise turns."
            )
        expect_array(
            result,
            np.array(expected, dtype=np.uint8),
            what,
            hint="Mirror reverses the columns; then turn clockwise by 90 degrees x turns.",
        )
    colour = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3)
    result = _result(flip_rotate, "flip_rotate", "the turned image", colour, False, 1)
    if result.shape != (3, 2, 3):
        fail(
            "a quarter turn of a colour image of shape (2, 3, 3) should give shape (3, 2, 3), "
            f"the channels staying last; yours has shape {result.shape}. Rotate only the first "
            "two axes (image.T and np.transpose without axes also move the channels)."
        )
    pixels = [[colour[1, 0], colour[0, 0]], [colour[1, 1], colour[0, 1]],
              [colour[1, 2], colour[0, 2]]]
    expect_array(result, np.array(pixels), "a clockwise quarter turn of a 2x3 colour image")
    result = _result(flip_rotate, "flip_rotate", "the turned image", colour, True, 0)
    expect_array(result, colour[:, [2, 1, 0]], "the mirror image of a 2x3 colour image",
                 hint="Keep the channel order: reverse only the columns.")


q4_flip_rotate = Exercise(
    name="q4_flip_rotate",
    answer="flip_rotate",
    test=_test_flip_rotate,
    hints=[
        "image[:, ::-1] reverses the columns (a left-right mirror); image[::-1] the rows.",
        "np.rot90(image, k) turns counter-clockwise by k quarter turns; a negative k turns "
        "clockwise. It handles any k (it takes k modulo 4) and leaves the channels alone.",
        "Mirror first (if asked), then rotate: np.rot90(image, -turns).",
    ],
)


# ------------------------------------------------------------------ q5 resize keeping the aspect


def _test_resize_keep_aspect(fit_size: Any) -> None:
    cases = [
        ((256, 192, 128), (128, 96)),  # a portrait TrashNet sample photo
        ((192, 256, 128), (96, 128)),  # the same, landscape
        ((512, 384, 224), (224, 168)),  # a full-size TrashNet photo (512 tall, 384 wide)
        ((64, 64, 32), (32, 32)),  # a square stays square
        ((30, 40, 80), (60, 80)),  # enlarging works the same way
        ((100, 299, 50), (17, 50)),  # 100 x 50 / 299 = 16.72 -> 17
        ((300, 200, 50), (50, 33)),  # 200 x 50 / 300 = 33.33 -> 33
        ((1000, 4, 50), (50, 1)),  # 4 x 50 / 1000 = 0.2, but at least 1 pixel
        ((3, 900, 100), (1, 100)),  # 3 x 100 / 900 = 0.33, but at least 1 pixel
        ((1, 1, 7), (7, 7)),  # a single pixel, enlarged
    ]
    for args, expected in cases:
        result = call(fit_size, *args)
        what = f"fit_size{args}"
        if isinstance(result, np.ndarray):
            fail(
                f"{what} should return a tuple (new_height, new_width); yours is a NumPy array, "
                f"{result!r}. Return a tuple of two ints, for example tuple(int(n) for n in size)."
            )
        if not isinstance(result, (tuple, list)) or len(result) != 2:
            fail(f"{what} should return a tuple (new_height, new_width); yours is {result!r}.")
        if not all(isinstance(n, (int, np.integer)) and not isinstance(n, bool) for n in result):
            fail(
                f"{what} should return two whole numbers (ints); yours is {tuple(result)!r}. "
                "Sizes in pixels are integers and cv2.resize refuses floats: round() "
                "without a second argument returns an int."
            )
        result = tuple(int(n) for n in result)
        if result == expected:
            continue
        height, width, longest = args
        if result == expected[::-1] and expected[0] != expected[1]:
            fail(
                f"{what} should be {expected} but yours is {result}: you returned (width, "
                "height). Return (height, width), NumPy's order, as in image.shape; only "
                "cv2.resize's dsize argument takes (width, height)."
            )
        if result == (longest, longest) and height != width:
            fail(
                f"{what} should be {expected}; yours is {result}, a square. Scale both sides "
                "by the same factor so the shape of the photo stays the same."
            )
        if (args, expected) == ((100, 299, 50), (17, 50)) and result == (16, 50):
            fail(
                f"{what} should be (17, 50): 100 x 50 / 299 = 16.72, which rounds to 17. "
                "int() cuts off the decimals; use round()."
            )
        if 1 in expected and result == tuple(0 if n == 1 else n for n in expected):
            short = min(height, width)
            fail(
                f"{what} should be {expected}: {short} x {longest} / {max(height, width)} = "
                f"{short * longest / max(height, width):.2f} rounds to 0, but an image needs "
                "at least one pixel: use max(1, ...)."
            )
        longer = "height" if height >= width else "width"
        fail(
            f"{what} should be {expected}; yours is {result}. Here the longer side is the "
            f"{longer} ({max(height, width)} px): it becomes {longest}, and the other side is "
            f"multiplied by {longest}/{max(height, width)}."
        )


q5_resize_keep_aspect = Exercise(
    name="q5_resize_keep_aspect",
    answer="fit_size",
    test=_test_resize_keep_aspect,
    hints=[
        "The scale factor is longest / max(height, width).",
        "Multiply both sides by the factor, round each with round(), and keep at least 1.",
        "Return (new_height, new_width): height first.",
    ],
)


# ------------------------------------------------------------------ q6 brightness and contrast

_ADJUSTED = "a uint8 image of the input's shape"


def _test_brightness_contrast(adjust: Any) -> None:
    image = np.array([[0, 50, 100, 200, 250]], dtype=np.uint8)
    cases = [
        (1, 100, [[100, 150, 200, 255, 255]]),
        (1, -60, [[0, 0, 40, 140, 190]]),
        (1.5, -20, [[0, 55, 130, 255, 255]]),
    ]
    for alpha, beta, expected in cases:
        result = _result(adjust, "adjust_brightness_contrast", _ADJUSTED, image, alpha, beta)
        what = f"adjust_brightness_contrast({image.tolist()}, alpha={alpha}, beta={beta})"
        if result.shape != image.shape:
            fail(f"{what} should keep the shape {image.shape}; yours has shape {result.shape}.")
        values = result.astype(np.float64).ravel()
        if (alpha, beta) == (1, 100) and values[3] == 44:
            fail(
                f"{what}: 200 + 100 gave 44, not 255. Values above 255 wrapped around "
                "(300 - 256 = 44) because uint8 arithmetic stays uint8: convert to a wider "
                "type (image.astype(np.float64)) before adding, then clip to 0..255."
            )
        if (alpha, beta) == (1, -60):
            if values[0] == 196:
                fail(
                    f"{what}: 0 - 60 gave 196, not 0. Values below 0 wrapped around "
                    "(-60 + 256 = 196): compute in a wider type and clip at 0 as well as at 255."
                )
            if values[0] == 60:
                fail(
                    f"{what}: 0 - 60 gave 60, not 0. Negative results must be clipped to 0, "
                    "not made positive (cv2.convertScaleAbs takes the absolute value)."
                )
        if values.max() > 255 or values.min() < 0:
            fail(
                f"{what} gave values outside 0..255 ({values.min():g} to {values.max():g}): "
                "clip them with np.clip(..., 0, 255)."
            )
        if result.dtype != np.uint8:
            fail(
                f"{what} should return a uint8 image, like the input; yours has dtype "
                f"{result.dtype}. Convert with .astype(np.uint8) after rounding and clipping."
            )
        expect_array(
            result, np.array(expected, dtype=np.uint8), what,
            hint="Each value is alpha x value + beta, rounded, then clipped to 0..255.",
        )
    small = np.array([[1, 4, 250]], dtype=np.uint8)
    result = _result(adjust, "adjust_brightness_contrast", _ADJUSTED, small, 0.7, 0)
    if close(result, [[0, 2, 175]]):
        fail(
            "adjust_brightness_contrast([[1, 4, 250]], alpha=0.7, beta=0) should be "
            "[[1, 3, 175]]: 0.7 x 1 = 0.7 rounds to 1 and 0.7 x 4 = 2.8 rounds to 3. You "
            "truncated (.astype(np.uint8) cuts off the decimals): use np.round first."
        )
    expect_array(result, np.array([[1, 3, 175]], dtype=np.uint8),
                 "adjust_brightness_contrast([[1, 4, 250]], alpha=0.7, beta=0)")
    # Halves: np.round rounds them to the nearest even number (0.5 -> 0, 2.5 -> 2).
    odd = np.array([[1, 3, 5, 7]], dtype=np.uint8)
    what = "adjust_brightness_contrast([[1, 3, 5, 7]], alpha=0.5, beta=0)"
    result = _result(adjust, "adjust_brightness_contrast", _ADJUSTED, odd, 0.5, 0)
    if close(result, [[1, 2, 3, 4]]):
        fail(
            f"{what} should be [[0, 2, 2, 4]]: 0.5, 1.5, 2.5 and 3.5 are halves, and np.round "
            "rounds a half to the nearest EVEN number (0.5 -> 0, 2.5 -> 2), as the docstring "
            "asks. You rounded halves up (for example with np.floor(x + 0.5))."
        )
    expect_array(result, np.array([[0, 2, 2, 4]], dtype=np.uint8), what,
                 hint="Round with np.round: halves go to the nearest even number.")
    # A fractional beta: round alpha x value + beta as a whole, not its parts.
    what = "adjust_brightness_contrast([[1, 2, 3, 10]], alpha=0.3, beta=0.4)"
    result = _result(adjust, "adjust_brightness_contrast", _ADJUSTED,
                     np.array([[1, 2, 3, 10]], dtype=np.uint8), 0.3, 0.4)
    if close(result, [[0, 1, 1, 3]]):
        fail(
            f"{what} should be [[1, 1, 1, 3]]: 0.3 x 1 + 0.4 = 0.7 rounds to 1. You rounded "
            "(or dropped) beta, or alpha x value, on its own: compute alpha x value + beta "
            "first and round the sum once."
        )
    expect_array(result, np.array([[1, 1, 1, 3]], dtype=np.uint8), what,
                 hint="Compute alpha * value + beta in float, then round once.")
    colour = np.full((2, 2, 3), 120, dtype=np.uint8)
    result = _result(adjust, "adjust_brightness_contrast", _ADJUSTED, colour, 2, 10)
    expect_array(result, np.full((2, 2, 3), 250, dtype=np.uint8),
                 "adjust_brightness_contrast of a 2x2 colour image of value 120, alpha=2, beta=10")
    result = _result(adjust, "adjust_brightness_contrast", _ADJUSTED,
                     np.array([[77]], dtype=np.uint8), 1.2, 3)
    expect_array(result, np.array([[95]], dtype=np.uint8),
                 "adjust_brightness_contrast([[77]], alpha=1.2, beta=3), a 1x1 image",
                 hint="1.2 x 77 + 3 = 95.4 rounds to 95.")
    # A random colour photo, judged as the grader does: off by at most 1, on at most 1% of
    # the values (float32 or OpenCV arithmetic may round a few values the other way).
    photo = np.random.default_rng(6).integers(0, 256, size=(24, 32, 3), dtype=np.uint8)
    for alpha, beta in [(2.6, -100), (0.4, 20.2), (3.5, 5), (0.9, -250)]:
        what = (f"adjust_brightness_contrast(photo, alpha={alpha}, beta={beta}) of a random "
                "24x32 colour photo")
        result = _result(adjust, "adjust_brightness_contrast", _ADJUSTED, photo, alpha, beta)
        exact = np.clip(np.round(alpha * photo.astype(np.float64) + beta), 0, 255)
        diff = np.abs(result.astype(np.float64) - exact)
        if diff.max() > 1 or np.mean(diff > 0) > 0.01:
            where = tuple(int(i) for i in np.unravel_index(np.argmax(diff), diff.shape))
            fail(
                f"{what} differs from alpha x value + beta, rounded and clipped to 0..255, on "
                f"{np.mean(diff > 0):.1%} of the values (at most 1% may be off, by 1 at most): "
                f"at index {where} the value {int(photo[where])} gives {int(result[where])}, "
                f"expected {exact[where]:g}."
            )


q6_brightness_contrast = Exercise(
    name="q6_brightness_contrast",
    answer="adjust_brightness_contrast",
    test=_test_brightness_contrast,
    hints=[
        "uint8 arithmetic wraps around: np.uint8(200) + 100 is 44. Start with "
        "image.astype(np.float64).",
        "alpha * values + beta, then np.round, then np.clip(..., 0, 255).",
        "Finish with .astype(np.uint8).",
    ],
)


# ------------------------------------------------------------------ q7 output size

_OUTPUT_SIZE = "conv_output_size(n, kernel_size, stride=1, padding=0)"

# The usual wrong formulas for the output length.
_OUTPUT_MISTAKES = {
    "no + 1": lambda n, k, s, p: (n + 2 * p - k) // s,
    "padding at one end": lambda n, k, s, p: (n + p - k) // s + 1,
    "no stride": lambda n, k, s, p: n + 2 * p - k + 1,
    "rounding up": lambda n, k, s, p: -(-(n + 2 * p - k) // s) + 1,
}


def _output_mistake(mistake: str, what: str, n: int, k: int, s: int, p: int, expected: int) -> str:
    last = n + 2 * p - k  # where the last window starts
    return {
        "no + 1": f"{what} should be {expected}: the last window starts at {last} at most "
        f"({n} + 2 x {p} - {k}), so there are {last} // {s} + 1 = {expected} windows. Don't "
        "forget the + 1 for the window at position 0.",
        "padding at one end": f"{what} should be {expected}: the padding is added at both ends, "
        f"so the padded length is {n} + 2 x {p} = {n + 2 * p}.",
        "no stride": f"{what} should be {expected}: with stride {s} the window jumps {s} pixels "
        "each step, so there are fewer windows. Divide by the stride.",
        "rounding up": f"{what} should be {expected}: a window that would stick out past the "
        "end is dropped. Round the division down (//), don't round up.",
    }[mistake]


def _windows(n: int, k: int, s: int, p: int) -> int:
    """Count the window positions one by one: an independent way to the answer."""
    return sum(1 for start in range(0, n + 2 * p, s) if start + k <= n + 2 * p)


def _test_output_size(conv_output_size: Any) -> None:
    # (n, kernel_size, stride, padding) -> output length, worked out by counting windows.
    cases = [
        ((5, 3, 1, 0), 3),  # windows start at 0, 1, 2
        ((5, 3, 2, 0), 2),  # windows start at 0, 2
        ((5, 3, 1, 1), 5),  # "same" padding keeps the size
        ((7, 3, 2, 1), 4),
        ((6, 3, 2, 0), 2),  # a third window would stick out: dropped
        ((32, 5, 1, 2), 32),
        ((224, 7, 2, 3), 112),  # the first layer of ResNet-50
        ((4, 2, 2, 0), 2),  # 2x2 max pooling halves the size
        ((1, 1, 1, 0), 1),  # edge sizes: a single pixel,
        ((3, 5, 1, 1), 1),  # a window as long as the padded input,
        ((4, 2, 9, 0), 1),  # a stride longer than the input,
        ((9, 1, 3, 2), 5),  # a 1-pixel window over the padding
    ]
    # More lengths, windows, strides and paddings, drawn at random (with a fixed seed).
    rng = np.random.default_rng(7)
    for _ in range(30):
        k, s, p = (int(v) for v in rng.integers([1, 1, 0], [12, 6, 6]))
        n = int(rng.integers(max(1, k - 2 * p), 400))
        cases.append(((n, k, s, p), _windows(n, k, s, p)))
    possible = set(_OUTPUT_MISTAKES)  # the known mistakes the answers so far do not rule out
    for (n, k, s, p), expected in cases:
        what = f"conv_output_size({n}, {k}, stride={s}, padding={p})"
        result = _call_as(conv_output_size, what, _OUTPUT_SIZE, n, k, stride=s, padding=p)
        if isinstance(result, bool) or not isinstance(result, (int, np.integer, float)):
            fail(f"{what} should return an int; yours returned {result!r}.")
        if isinstance(result, float):
            fail(
                f"{what} gave {result!r}, a float; it should be the int {expected}. The // "
                "operator (floor division) divides and rounds down, and keeps ints as ints."
            )
        if int(result) == expected:
            possible = {m for m in possible if _OUTPUT_MISTAKES[m](n, k, s, p) == expected}
            continue
        named = [m for m in possible if _OUTPUT_MISTAKES[m](n, k, s, p) == result]
        if len(named) == 1:
            fail(_output_mistake(named[0], what, n, k, s, p, expected))
        expect_equal(int(result), expected, what)
    # The defaults: stride 1, no padding.
    for args, options, expected in [((30, 5), {}, 26), ((9, 3), {"stride": 2}, 4),
                                    ((9, 3), {"padding": 1}, 9)]:
        what = f"conv_output_size{args}" if not options else (
            f"conv_output_size({args[0]}, {args[1]}, "
            + ", ".join(f"{k}={v}" for k, v in options.items()) + ")")
        result = _call_as(conv_output_size, what, _OUTPUT_SIZE, *args, **options)
        expect_equal(result, expected, what,
                     hint="Unless given, the stride is 1 and the padding 0.")


q7_output_size = Exercise(
    name="q7_output_size",
    answer="conv_output_size",
    test=_test_output_size,
    hints=[
        "Padding adds `padding` zeros at EACH end: the padded length is n + 2 * padding.",
        "Count the positions where the window fits: the last start is padded length - kernel_size.",
        "Divide that by the stride with //, then add 1 for the window at position 0.",
    ],
)


# ------------------------------------------------------------------ q8 conv2d

_CONV2D = "conv2d(image, kernel, stride=1, padding=0)"


def _conv_case(conv2d, image, kernel, expected, why_shape, **options):
    """Run conv2d as the grader does (stride and padding by keyword, or the defaults)."""
    expected = np.array(expected, dtype=np.float64)
    stride, padding = options.get("stride", 1), options.get("padding", 0)
    what = f"conv2d of a {_size(image.shape)} image with a {_size(kernel.shape)} kernel, " + (
        f"stride {stride}, padding {padding}" if options else "default stride and padding")
    result = as_array(_call_as(conv2d, what, _CONV2D, image, kernel, **options), "conv2d",
                      "a float64 array of the output size")
    if result.shape != expected.shape:
        (h, w), (kh, kw) = image.shape, kernel.shape
        unpadded = ((h - kh) // stride + 1, (w - kw) // stride + 1)
        one_side = ((h + padding - kh) // stride + 1, (w + padding - kw) // stride + 1)
        if padding and result.shape == unpadded:
            why_shape = (f"padding={padding} adds that many rows and columns of zeros on every "
                         "side of the image first (np.pad(image, padding)). Did you forget to pad?")
        elif padding and result.shape == one_side:
            why_shape = (f"you padded one side only: padding={padding} adds that many rows and "
                         "columns of zeros on EVERY side, top and bottom, left and right.")
        fail(
            f"the result has shape {result.shape} but {what} gives "
            f"{expected.shape[0]}x{expected.shape[1]}: {why_shape}"
        )
    if result.dtype != np.float64:
        fail(
            f"{what} should return float64 values; yours has dtype {result.dtype}. Convert "
            "the image and kernel with .astype(np.float64) and create the output with "
            "np.zeros(shape) (float64 by default)."
        )
    return result, expected, what


def _test_conv2d(conv2d: Any) -> None:
    # 1. The defaults (stride 1, no padding), a kernel whose flip is different.
    image = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], dtype=np.float64)
    kernel = np.array([[1, 2], [3, 4]], dtype=np.float64)
    result, expected, what = _conv_case(
        conv2d, image, kernel,
        [[44, 54, 64], [84, 94, 104]],  # 1x1 + 2x2 + 5x3 + 6x4 = 44, ...
        "a 2-wide window fits at 3 positions across 4 columns and 2 positions down 3 rows.",
    )
    if close(result, [[26, 36, 46], [66, 76, 86]]):
        fail(
            "you flipped the kernel: that is convolution in the mathematical sense. In deep "
            "learning, and in this exercise, \"convolution\" means cross-correlation: multiply "
            "each window by the kernel as it is, kernel[0, 0] with the window's top-left pixel."
        )
    _expect_floats(result, expected, what, hint="out[0, 0] = 1x1 + 2x2 + 5x3 + 6x4 = 44.")

    # 2. Stride 2.
    image = np.arange(25, dtype=np.float64).reshape(5, 5)
    result, expected, what = _conv_case(
        conv2d, image, np.ones((3, 3)),
        [[54, 72], [144, 162]],  # sums of the 3x3 blocks starting at rows/columns 0 and 2
        "with stride 2, a 3-wide window starts at rows and columns 0 and 2 only; "
        "(5 + 0 - 3) // 2 + 1 = 2.",
        stride=2, padding=0,
    )
    if close(result, [[54, 63], [99, 108]]):
        fail(
            f"{what}: your output has the right size, but window (i, j) must start at row "
            "i * stride and column j * stride; yours start at i and j."
        )
    _expect_floats(result, expected, what, hint="The windows start at rows and columns 0 and 2.")

    # 3. Padding 1: zeros all around.
    image = np.arange(1, 10, dtype=np.float64).reshape(3, 3)
    result, expected, what = _conv_case(
        conv2d, image, np.ones((3, 3)),
        [[12, 21, 16], [27, 45, 33], [24, 39, 28]],
        "with padding 1 the image is 5x5 after padding, and (3 + 2 - 3) // 1 + 1 = 3.",
        stride=1, padding=1,
    )
    _expect_floats(
        result, expected, what,
        hint="Pad with zeros (np.pad(image, padding) does that): the corner window "
        "holds 1 + 2 + 4 + 5 = 12.",
    )

    # 4. uint8 image and kernel: the products do not fit in uint8.
    image = np.full((2, 3), 200, dtype=np.uint8)
    kernel = np.full((2, 2), 2, dtype=np.uint8)
    result, expected, what = _conv_case(
        conv2d, image, kernel, [[1600, 1600]],
        "(2 - 2) // 1 + 1 = 1 row and (3 - 2) // 1 + 1 = 2 columns.",
        stride=1, padding=0,
    )
    if not close(result, expected):
        # NumPy's uint8 arithmetic wraps around; OpenCV's uint8 results stop at 255.
        how = ("OpenCV's uint8 output (ddepth=-1) stops at 255" if close(result, 255)
               else "in uint8 arithmetic 200 x 2 = 400 wraps around to 144")
        fail(
            f"{what} should give 4 x 200 x 2 = 1600 everywhere; yours gives "
            f"{result.ravel().tolist()}: the sums do not fit in uint8, and {how}. Convert "
            "the image and the kernel to float64 before multiplying."
        )

    # 5. A 1x3 kernel with stride 2 and padding 1 on a 4x5 image.
    image = np.arange(20, dtype=np.float64).reshape(4, 5)
    result, expected, what = _conv_case(
        conv2d, image, np.array([[1.0, 0.0, -1.0]]),
        [[0, 0, 0], [-6, -2, 8], [-16, -2, 18]],
        "rows: (4 + 2 - 1) // 2 + 1 = 3, columns: (5 + 2 - 3) // 2 + 1 = 3. The kernel's "
        "height and width can differ: use kernel.shape[0] for rows and kernel.shape[1] for "
        "columns.",
        stride=2, padding=1,
    )
    _expect_floats(result, expected, what,
                   hint="The first output row lies entirely in the zero padding, so it is 0.")

    # 6. Fractional and negative values, in the image and in the kernel.
    image = np.array([[0.5, -1.5, 2.0], [1.25, 0.0, -1.0]])
    result, expected, what = _conv_case(
        conv2d, image, np.array([[0.5, -0.25]]),
        [[0.625, -1.25], [0.625, 0.25]],  # 0.5 x 0.5 - 0.25 x -1.5 = 0.625, ...
        "a 1x2 kernel fits at 2 positions across 3 columns, in each of the 2 rows.",
        stride=1, padding=0,
    )
    if close(result, np.zeros((2, 2))) or close(result, [[0.25, -1.0], [0.5, 0.25]]):
        part = "kernel [[0.5, -0.25]]" if close(result, np.zeros((2, 2))) else "image"
        fail(
            f"{what} should be {expected.tolist()}; yours, {result.tolist()}, is what the "
            f"{part} gives with its fractions cut off. Convert to float64, not to an integer "
            "type (int, np.int32, np.uint8...)."
        )
    _expect_floats(result, expected, what,
                   hint="out[0, 0] = 0.5 x 0.5 + (-0.25) x (-1.5) = 0.625.")

    # 7. A 1x1 kernel with stride 2: every other pixel of every other row, times 3.
    image = np.arange(12, dtype=np.float64).reshape(3, 4)
    result, expected, what = _conv_case(
        conv2d, image, np.array([[3.0]]),
        [[0, 6], [24, 30]],
        "(3 - 1) // 2 + 1 = 2 rows and (4 - 1) // 2 + 1 = 2 columns.",
        stride=2, padding=0,
    )
    _expect_floats(result, expected, what,
                   hint="The windows are the single pixels at rows 0 and 2, columns 0 and 2.")


q8_conv2d = Exercise(
    name="q8_conv2d",
    answer="conv2d",
    test=_test_conv2d,
    hints=[
        "Start with padded = np.pad(image.astype(np.float64), padding): zeros on every side.",
        "The output has (padded height - kernel height) // stride + 1 rows, and likewise "
        "for columns; create it with np.zeros((rows, columns)).",
        "For each output (i, j): window = padded[i*stride : i*stride + kh, "
        "j*stride : j*stride + kw], and out[i, j] = np.sum(window * kernel).",
    ],
)


# ------------------------------------------------------------------ q9 Sobel edges

_MAGNITUDE = "a float64 array of shape (H - 2, W - 2)"


def _test_sobel_edges(sobel_magnitude: Any) -> None:
    # A vertical edge from 0 to 90: gx = 90 x (1 + 2 + 1) = 360 where the window covers it.
    gray = np.array([[0, 0, 0, 90, 90]] * 4, dtype=np.uint8)
    result = _result(sobel_magnitude, "sobel_magnitude", _MAGNITUDE, gray)
    if result.shape == gray.shape:
        fail(
            f"for a 4x5 image the result should be 2x3 (no padding: a 3x3 window fits "
            f"2 x 3 times); yours is {_size(result.shape)}, the size of the input."
        )
    if result.shape != (2, 3):
        fail(
            f"for a 4x5 image the result should have shape (2, 3), that is (H - 2, W - 2); "
            f"yours has shape {result.shape}."
        )
    expected = np.array([[0, 360, 360], [0, 360, 360]], dtype=np.float64)
    if not close(result, expected):
        as_float = call(sobel_magnitude, gray.astype(np.float64))
        if isinstance(as_float, np.ndarray) and close(as_float, expected):
            # NumPy's uint8 arithmetic wraps around; OpenCV's uint8 results stop at 255.
            how = ("OpenCV stopped it at 255 (a uint8 output depth, such as ddepth=-1, "
                   "saturates)" if close(result, np.minimum(expected, 255))
                   else "your uint8 arithmetic wrapped it around")
            fail(
                "your function is right for a float64 image but wrong for the same image in "
                f"uint8: 90 x 4 = 360 does not fit in uint8, and {how}. Convert the image "
                "with gray.astype(np.float64) before any arithmetic (with cv2.Sobel, ask for "
                "cv2.CV_64F as the output depth)."
            )
    if result.dtype != np.float64:
        fail(
            f"the result should have dtype float64; yours is {result.dtype}. Compute in float64: "
            "gray.astype(np.float64), or cv2.CV_64F as the output depth of cv2.Sobel."
        )
    if close(result, expected**2):
        fail("you returned gx**2 + gy**2: take the square root, np.sqrt(gx**2 + gy**2).")
    _expect_floats(result, expected, "sobel_magnitude of a vertical edge from 0 to 90",
                   hint="Across the edge, gx = 90 x 1 + 90 x 2 + 90 x 1 = 360.")
    # The same edge from bright to dark: gx is negative, its magnitude is not.
    gray = np.array([[90, 90, 0, 0, 0]] * 3, dtype=np.uint8)
    result = _result(sobel_magnitude, "sobel_magnitude", _MAGNITUDE, gray)
    _expect_floats(
        result, np.array([[360.0, 360.0, 0.0]]),
        "sobel_magnitude of an edge from 90 (left) to 0 (right)",
        hint="Here gx = -360; squaring makes it count as much as a dark-to-bright edge.",
    )
    # A horizontal edge: only gy responds.
    gray = np.array([[0] * 4] * 3 + [[50] * 4] * 2, dtype=np.uint8)
    result = _result(sobel_magnitude, "sobel_magnitude", _MAGNITUDE, gray)
    if close(result, np.zeros((3, 2))):
        fail(
            "a horizontal edge (dark rows above bright rows) gives 0 everywhere: did you "
            "forget gy, the vertical gradient with [[-1, -2, -1], [0, 0, 0], [1, 2, 1]]?"
        )
    _expect_floats(
        result, np.array([[0.0, 0.0], [200.0, 200.0], [200.0, 200.0]]),
        "sobel_magnitude of a horizontal edge from 0 (top) to 50 (bottom)",
    )
    # A diagonal corner: gx = gy = 30, magnitude 30 x sqrt(2).
    gray = np.array([[0, 0, 0], [0, 0, 10], [0, 10, 10]], dtype=np.uint8)
    result = _result(sobel_magnitude, "sobel_magnitude", _MAGNITUDE, gray)
    if close(result, [[60.0]]):
        fail(
            "for this corner gx = gy = 30 and you returned |gx| + |gy| = 60: the magnitude "
            "is sqrt(gx**2 + gy**2) = 42.43."
        )
    _expect_floats(result, np.array([[np.sqrt(1800.0)]]),
                   "sobel_magnitude of [[0, 0, 0], [0, 0, 10], [0, 10, 10]] (gx = gy = 30)")
    # A float64 image with fractions and negative values: gx = -4, gy = 4.
    gray = np.array([[0.5, 0.0, -0.5], [0.5, 0.0, -0.5], [1.5, 1.0, 0.5]])
    what = f"sobel_magnitude of the float64 image {gray.tolist()} (gx = -4, gy = 4)"
    result = _result(sobel_magnitude, "sobel_magnitude", _MAGNITUDE, gray)
    if close(result, [[np.sqrt(10.0)]]):
        fail(
            f"{what} should be [[5.657]], sqrt(32); yours is [[3.162]], sqrt(10), what the "
            "image gives with its fractions cut off. Convert with gray.astype(np.float64), not "
            "to an integer type: the image may already hold floats."
        )
    _expect_floats(result, np.array([[np.sqrt(32.0)]]), what)


q9_sobel_edges = Exercise(
    name="q9_sobel_edges",
    answer="sobel_magnitude",
    test=_test_sobel_edges,
    hints=[
        "Convert first: g = gray.astype(np.float64).",
        "Either call your conv2d(g, kx) and conv2d(g, ky) (stride 1, no padding), or add up "
        "9 shifted slices: g[u:u + H - 2, v:v + W - 2] * kx[u, v] for u, v in 0..2.",
        "Return np.sqrt(gx**2 + gy**2).",
    ],
)


# ------------------------------------------------------------------ q10 max pooling

_POOLED = "the pooled array, with the input's dtype"


def _expect_pooled(result: np.ndarray, expected: np.ndarray, what: str, why: str) -> None:
    """The general check of a pooled array: its shape, zeros for negative windows, values."""
    if result.shape != expected.shape:
        fail(
            f"{what} should have shape {expected.shape} ({why}); yours has shape "
            f"{result.shape}. There are (H - size) // stride + 1 rows of windows, and "
            "likewise for columns."
        )
    if np.any(expected < 0) and close(result, np.maximum(expected, 0)):
        fail(
            f"{what} gave 0 where every value of a window is negative: start each window's "
            "maximum from its own values (window.max()), not from 0."
        )
    expect_array(result, expected, what, hint=f"Here {why}.")


def _test_max_pool(max_pool: Any) -> None:
    image = np.array([[1, 3, 2, 0], [4, 2, 1, 5], [0, 1, 7, 2], [3, 6, 1, 1]], dtype=np.uint8)
    result = _result(max_pool, "max_pool", _POOLED, image)
    if result.shape == (3, 3):
        fail(
            "max_pool(image) of a 4x4 image gave 3x3: by default the stride equals the size "
            "(2), so the windows do not overlap and the result is 2x2."
        )
    if result.shape != (2, 2):
        fail(f"max_pool(image) of a 4x4 image should be 2x2; yours is {_size(result.shape)}.")
    if close(result, [[2.5, 2], [2.5, 2.75]]) or close(result, [[2, 2], [2, 2]]):
        fail("you averaged each window: max pooling keeps the largest value of each window.")
    if result.dtype != image.dtype:
        fail(
            f"the result should keep the input's dtype ({image.dtype}); yours is "
            f"{result.dtype}. Create the output with np.zeros(shape, dtype=image.dtype)."
        )
    expect_array(result, np.array([[4, 5], [6, 7]], dtype=np.uint8),
                 "max_pool of a 4x4 image with 2x2 windows")

    image = np.arange(25, dtype=np.int16).reshape(5, 5)
    try:
        result = _result(max_pool, "max_pool", _POOLED, image)
    except ValueError as err:
        if "reshape" not in str(err):
            raise
        fail(
            f"max_pool of a 5x5 image raised ValueError ({err}). 2x2 windows do not divide "
            "5x5 evenly: the last row and column are dropped, so the result is 2x2. (The "
            "reshape trick only works when the sizes divide evenly; loop over the windows.)"
        )
    if result.shape == (3, 3):
        fail(
            "max_pool of a 5x5 image gave 3x3: the last row and column do not fill a "
            "2x2 window, so they are dropped (like Keras's MaxPooling2D with "
            "padding='valid'). The result is 2x2."
        )
    expect_array(result, np.array([[6, 8], [16, 18]], dtype=np.int16),
                 "max_pool of a 5x5 int16 image with 2x2 windows (the last row and column "
                 "dropped)", hint="Keep the input's dtype: np.zeros(shape, dtype=image.dtype).")

    # Other sizes and strides: overlapping windows, gaps between windows, a 1x1 window.
    grid = np.array([[4, 0, 9, 1, 6, 2, 8], [1, 3, 0, 7, 5, 0, 2], [0, 2, 5, 3, 1, 4, 0],
                     [2, 6, 1, 0, 3, 8, 1], [5, 1, 7, 4, 0, 2, 6], [3, 8, 0, 2, 9, 1, 5]],
                    dtype=np.int16)
    pooled = [
        (image, (3, 2), [[12, 14], [22, 24]], "overlapping windows start at rows and columns 0 "
         "and 2"),
        (grid, (3,), [[9, 7], [8, 9]], "by default the stride is the size, 3: windows start "
         "at rows 0 and 3, columns 0 and 3"),
        (grid, (2, 3), [[4, 7], [6, 4]], "2x2 windows, 3 apart: rows 2 and 5 and columns 2, "
         "5 and 6 fall between windows or past the last one"),
        (np.array([[1, 9, 2, 0, 4], [3, 0, 8, 1, 1], [7, 2, 1, 6, 0], [0, 5, 3, 2, 9]],
                  dtype=np.float32),
         (3, 1), [[9, 9, 8], [8, 8, 9]], "3x3 windows, one step apart: (4 - 3) // 1 + 1 = 2 "
         "rows and (5 - 3) // 1 + 1 = 3 columns"),
        (np.array([[-3, 7, 0], [5, -8, 2]], dtype=np.int16), (1,), [[-3, 7, 0], [5, -8, 2]],
         "1x1 windows with stride 1 keep every pixel"),
    ]
    for array, args, expected, why in pooled:
        what = (f"max_pool(image, {', '.join(map(str, args))}) of a {_size(array.shape)} "
                f"{array.dtype} image")
        result = _result(max_pool, "max_pool", _POOLED, array, *args)
        _expect_pooled(result, np.array(expected, dtype=array.dtype), what, why)
    negative = -np.arange(1, 17, dtype=np.float32).reshape(4, 4)
    result = _result(max_pool, "max_pool", _POOLED, negative)
    _expect_pooled(result, np.array([[-1, -3], [-9, -11]], dtype=np.float32),
                   "max_pool(image) of a 4x4 float32 image of negative values",
                   "2x2 windows, 2 apart")

    wide = np.array([[1, 9, 2, 3], [5, 0, 8, 4], [7, 7, 7, 7]], dtype=np.uint8)
    result = _result(max_pool, "max_pool", _POOLED, wide)
    expect_array(result, np.array([[9, 8]], dtype=np.uint8),
                 "max_pool of a 3x4 image (1 row and 2 columns of windows)")


q10_max_pool = Exercise(
    name="q10_max_pool",
    answer="max_pool",
    test=_test_max_pool,
    hints=[
        "If stride is None, set stride = size.",
        "There are (H - size) // stride + 1 rows of windows, and likewise for columns.",
        "out[i, j] = image[i*stride : i*stride + size, j*stride : j*stride + size].max(); "
        "create out with np.zeros(shape, dtype=image.dtype).",
    ],
)
