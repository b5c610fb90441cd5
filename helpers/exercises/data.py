"""Checks of the exercises of 02_data.

Each check runs the learner's function on tiny inputs whose answers were worked
out by hand, and explains the usual mistakes in plain words. Random answers are
checked with a *scripted* random generator, whose draws the check chooses, so the
expected images are known exactly. Introduced in 02_data.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from helpers.checks import Exercise, as_array, call, close, expect_array, expect_equal, fail

__all__ = [
    "q1_class_balance",
    "q2_file_status",
    "q3_aspect_stats",
    "q4_standardise",
    "q5_random_flip_shift",
    "q6_random_brightness",
    "q7_make_pipeline",
]


# ------------------------------------------------------------------ small helpers


def _unchanged(before: np.ndarray, after: np.ndarray, function: str) -> None:
    if not np.array_equal(before, after):
        fail(
            f"{function} changed the image it was given. Build a new array instead "
            "(image.astype(...), np.zeros_like(image) and slicing with [:, ::-1] all do)."
        )


class _ScriptedRng:
    """Stands in for np.random.Generator: returns the draws the check chose, in order,
    and remembers how it was called."""

    def __init__(self, randoms=(), integers=(), uniforms=()):
        self._queues = {"random": list(randoms), "integers": list(integers),
                        "uniform": list(uniforms)}
        self.calls: list[tuple[str, tuple, dict]] = []

    def _next(self, name: str, size):
        """The next scripted draw; with ``size``, integers take that many draws, the
        others repeat one draw (so that a check can say "one number, not one per pixel")."""
        queue = self._queues[name]
        count = int(np.prod(size)) if size is not None and name == "integers" else 1
        if len(queue) < count:
            fail(
                f"your function called rng.{name}() more often than the docstring says. "
                "Draw each random number once, in the order the docstring gives."
            )
        values = [queue.pop(0) for _ in range(count)]
        if size is None:
            return values[0]
        return np.array(values).reshape(size) if count > 1 else np.full(size, values[0])

    def random(self, size=None, **kwargs):
        self.calls.append(("random", (), {"size": size, **kwargs}))
        return self._next("random", size)

    def integers(self, low, high=None, size=None, dtype=np.int64, endpoint=False):
        self.calls.append(("integers", (low, high), {"size": size, "endpoint": endpoint}))
        return self._next("integers", size)

    def uniform(self, low=0.0, high=1.0, size=None):
        self.calls.append(("uniform", (low, high), {"size": size}))
        return self._next("uniform", size)

    def __getattr__(self, name: str):
        fail(
            f"your function called rng.{name}(...). Use only the draws the docstring "
            "names (rng.random(), rng.integers(...), rng.uniform(...)), in its order, so "
            "that a seeded generator always gives the same result."
        )


# ------------------------------------------------------------------ q1 class balance


def _test_class_balance(class_balance: Any) -> None:
    labels = [0, 2, 2, 1, 2, 0]  # 2 of class 0, 1 of class 1, 3 of class 2, none of class 3
    result = call(class_balance, labels, 4)
    if not isinstance(result, tuple) or len(result) != 2:
        fail("class_balance should return a tuple of two arrays: (counts, shares).")
    counts, shares = (as_array(r, w) for r, w in zip(result, ("counts", "shares"), strict=True))
    if counts.shape == (3,):
        fail(
            "with 4 classes, counts should have 4 entries; yours has 3. Class 3 has no "
            "image in these labels, but it still needs its count of 0: np.bincount(labels) "
            "stops at the largest label present, np.bincount(labels, minlength=n_classes) "
            "does not (np.unique also skips absent classes)."
        )
    if counts.shape != (4,):
        fail(f"with 4 classes, counts should have shape (4,); yours has shape {counts.shape}.")
    if not np.issubdtype(counts.dtype, np.integer):
        fail(f"counts should be integers (one count per class); yours has dtype {counts.dtype}.")
    expect_array(counts, np.array([2, 1, 3, 0]), "counts of the labels [0, 2, 2, 1, 2, 0]",
                 dtype=False, hint="Entry k is the number of labels equal to k.")
    if shares.shape != (4,):
        fail(f"shares should have one entry per class, shape (4,); yours has {shares.shape}.")
    if close(shares, np.array([2, 1, 3, 0]) / 4):
        fail(
            "your shares add up to 1.5: you divided by the number of classes. A share is "
            "the fraction of all images: divide the counts by the number of labels (6)."
        )
    if close(shares, np.array([2, 1, 3, 0]) / 3):
        fail("you divided by the largest count; divide by the number of labels (6) instead.")
    if close(shares, np.array([200, 100, 300, 0]) / 6):
        fail("your shares are percentages; return fractions (they add up to 1, not 100).")
    expect_array(shares, np.array([2, 1, 3, 0]) / 6, "shares of the labels [0, 2, 2, 1, 2, 0]",
                 dtype=False, atol=1e-9, hint="shares = counts / len(labels).")
    counts, shares = call(class_balance, np.array([1, 1, 1, 0]), 2)
    expect_array(np.asarray(counts), np.array([1, 3]), "counts of np.array([1, 1, 1, 0])",
                 dtype=False)
    expect_array(np.asarray(shares), np.array([0.25, 0.75]), "shares of np.array([1, 1, 1, 0])",
                 dtype=False, atol=1e-9)


q1_class_balance = Exercise(
    name="q1_class_balance",
    answer="class_balance",
    test=_test_class_balance,
    hints=[
        "np.bincount(labels) counts how often each integer 0, 1, 2, ... appears.",
        "np.bincount(labels, minlength=n_classes) also gives 0 for the last classes when "
        "they do not appear.",
        "shares = counts / counts.sum(), and return counts, shares.",
    ],
)


# ------------------------------------------------------------------ q2 file status


def _noise_image(path: Path, fmt: str, size=(48, 48), mode="RGB", seed=0) -> bytes:
    rng = np.random.default_rng(seed)
    shape = (*size, 3) if mode == "RGB" else size
    Image.fromarray(rng.integers(0, 256, shape, dtype=np.uint8), mode).save(path, format=fmt)
    return path.read_bytes()


def _test_file_status(file_status: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        good = tmp / "glass1.jpg"
        whole = _noise_image(good, "JPEG", size=(64, 64))
        truncated = tmp / "glass2.jpg"
        truncated.write_bytes(whole[: len(whole) * 2 // 3])  # the header survives
        text = tmp / "paper1.jpg"
        text.write_text("this is a text file, not a photo\n")
        empty = tmp / "metal1.jpg"
        empty.write_bytes(b"")
        gray = tmp / "trash1.png"
        _noise_image(gray, "PNG", mode="L")
        cases = [
            (good, "ok", "a good JPEG photo"),
            (gray, "ok", "a good grayscale PNG"),
            (empty, "empty", "an empty file (0 bytes)"),
            (text, "not an image", "a text file named .jpg"),
            (truncated, "truncated", "a JPEG cut off after two thirds of its bytes"),
        ]
        for path, expected, what in cases:
            result = call(file_status, path)
            if not isinstance(result, str):
                fail(f"file_status should return a str; for {what} yours returned "
                     f"{type(result).__name__} {result!r}.")
            if result == expected:
                continue
            if expected == "truncated" and result == "ok":
                fail(
                    "a truncated JPEG came out 'ok'. Image.open is lazy: it reads only the "
                    "header (format, size, mode), and img.verify() does not decode JPEG data "
                    "either. Call img.load(), which decodes every pixel and raises OSError "
                    "when the data stops early."
                )
            if expected == "empty" and result == "not an image":
                fail(
                    "an empty file came out 'not an image': PIL cannot identify 0 bytes, so "
                    "check the size first, with path.stat().st_size == 0 (or "
                    "os.path.getsize(path) == 0), before opening the file."
                )
            if expected == "not an image" and result == "truncated":
                fail(
                    "a text file named .jpg came out 'truncated'. UnidentifiedImageError is "
                    "a kind of OSError, so an `except OSError` written first catches it too: "
                    "put `except UnidentifiedImageError` before `except OSError`."
                )
            expect_equal(result, expected, f"file_status of {what}",
                         hint="The four answers are 'ok', 'empty', 'not an image', 'truncated'.")
        expect_equal(call(file_status, str(good)), "ok", "file_status of a path given as a str")


q2_file_status = Exercise(
    name="q2_file_status",
    answer="file_status",
    test=_test_file_status,
    hints=[
        "Start with path = Path(path); path.stat().st_size is the size in bytes.",
        "with Image.open(path) as img: img.load() opens the file and decodes every pixel.",
        "Put it in try: ... except UnidentifiedImageError: ... except OSError: ..., in that "
        "order: UnidentifiedImageError is a special kind of OSError.",
    ],
)


# ------------------------------------------------------------------ q3 aspect ratios


def _test_aspect_stats(aspect_stats: Any) -> None:
    # (height, width): a portrait TrashNet sample photo (256 tall, 192 wide), a landscape
    # photo (384 tall, 512 wide), a square, and a wider landscape photo. Aspects (width /
    # height): 0.75, 4/3, 1, 1.5.
    sizes = [(256, 192), (384, 512), (100, 100), (300, 450)]
    result = call(aspect_stats, sizes)
    if not isinstance(result, dict):
        fail(f"aspect_stats should return a dict; yours returned a {type(result).__name__}.")
    keys = {"mean", "landscape", "portrait", "square"}
    if set(result) != keys:
        fail(f"the dict should have exactly the keys {sorted(keys)}; yours has {sorted(result)}.")
    got = (result["mean"], result["landscape"], result["portrait"], result["square"])
    inverse = (np.mean([4 / 3, 0.75, 1, 2 / 3]), 1, 2, 1)
    if np.allclose(got, inverse):
        fail(
            "you computed height / width. The aspect ratio is width / height, and each size "
            "is given as (height, width), the order of image.shape: unpack it as "
            "`for height, width in sizes`."
        )
    if np.isclose(result["mean"], 0.75) and result["square"] == 3:
        fail(
            "a mean of 0.75 and 3 squares: integer division (//) rounds 192 // 256 down to 0 "
            "and 512 // 384 to 1. Use true division, width / height."
        )
    if result["landscape"] == 3 and result["square"] == 1:
        fail("the square image was counted as landscape too: landscape means width / height > 1, "
             "strictly.")
    if not np.isclose(float(result["mean"]), np.mean([0.75, 4 / 3, 1, 1.5]), atol=1e-9):
        fail(
            f"the mean aspect ratio of {sizes} should be (0.75 + 1.3333 + 1 + 1.5) / 4 = "
            f"1.1458; yours is {result['mean']!r}."
        )
    for key, expected in (("landscape", 2), ("portrait", 1), ("square", 1)):
        if not isinstance(result[key], (int, np.integer)):
            fail(f"result['{key}'] should be an int; yours is a {type(result[key]).__name__}.")
        expect_equal(int(result[key]), expected, f"the number of {key} images of {sizes}",
                     hint="landscape: width > height; portrait: width < height; square: equal.")
    result = call(aspect_stats, [(192, 256), (192, 256)])
    expect_equal(round(float(result["mean"]), 9), round(256 / 192, 9),
                 "the mean aspect of two images 192 tall and 256 wide (landscape)")


q3_aspect_stats = Exercise(
    name="q3_aspect_stats",
    answer="aspect_stats",
    test=_test_aspect_stats,
    hints=[
        "aspects = np.array([width / height for height, width in sizes]).",
        "np.sum(aspects > 1) counts the landscape images; < 1 and == 1 the others.",
        "Return {'mean': float(aspects.mean()), 'landscape': int(...), 'portrait': int(...), "
        "'square': int(...)}.",
    ],
)


# ------------------------------------------------------------------ q4 standardise


def _test_standardise(standardise: Any) -> None:
    # Two 1x2 training images. Per channel, over every training pixel:
    #   red   0, 6, 6, 8       -> mean 5,  std 3   (deviations -5, 1, 1, 3)
    #   green 60, 0, 80, 60    -> mean 50, std 30
    #   blue  22, 10, 26, 22   -> mean 20, std 6
    train = np.array([[[[0, 60, 22], [6, 0, 10]]], [[[6, 80, 26], [8, 60, 22]]]], dtype=np.uint8)
    images = np.array([[[[5, 50, 20], [11, 110, 8]]]], dtype=np.uint8)
    before_train, before_images = train.copy(), images.copy()
    result = as_array(call(standardise, train, images), "standardise(train_images, images)")
    _unchanged(before_train, train, "standardise")
    _unchanged(before_images, images, "standardise")
    if result.shape != images.shape:
        fail(f"the result should have the shape of images, {images.shape}; yours has "
             f"{result.shape}.")
    expected = np.array([[[[0, 0, 0], [2, 2, -2]]]], dtype=np.float32)
    own = images.astype(np.float64)
    if close(result, (own - own.mean(axis=(0, 1, 2))) / own.std(axis=(0, 1, 2)), 1e-4):
        fail(
            "you standardised images with their own mean and standard deviation. Compute "
            "both on train_images only, and use them for every split: the validation and "
            "test images must be transformed exactly like the training images, and without "
            "looking at them (a model in use sees one new image at a time)."
        )
    t = train.astype(np.float64)
    if close(result, (own - t.mean(axis=0)) / t.std(axis=0), 1e-4):
        fail(
            "you computed one mean and standard deviation per pixel position (axis=0). "
            "Standardisation works per channel: average over the images, rows and columns, "
            "axis=(0, 1, 2), which leaves 3 numbers, one per colour channel."
        )
    if close(result, (own - t.mean()) / t.std(), 1e-4):
        fail(
            "you used a single mean and standard deviation over all values of all channels. "
            "Compute them per channel: train_images.mean(axis=(0, 1, 2)) gives 3 means."
        )
    if np.isnan(result).any() or np.isinf(result).any():
        fail("your result contains NaN or infinity: did you divide by a standard deviation of 0?")
    if result.dtype != np.float32:
        fail(f"the result should have dtype float32; yours is {result.dtype}. Convert at the "
             "end with .astype(np.float32).")
    expect_array(
        result, expected, "standardise of [[5, 50, 20], [11, 110, 8]] with those training images",
        atol=1e-5,
        hint="The training means are (5, 50, 20) and the standard deviations (3, 30, 6) "
        "(np.std, which divides by N).",
    )


q4_standardise = Exercise(
    name="q4_standardise",
    answer="standardise",
    test=_test_standardise,
    hints=[
        "mean = train_images.mean(axis=(0, 1, 2)) averages over images, rows and columns: "
        "one mean per channel, shape (3,).",
        "std = train_images.std(axis=(0, 1, 2)) in the same way; broadcasting then subtracts "
        "and divides channel by channel.",
        "Return ((images - mean) / std).astype(np.float32).",
    ],
)


# ------------------------------------------------------------------ q5 random flip and shift


def _shift_by_hand(image: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """Move the content dy rows down and dx columns right; zeros come in (pixel by pixel)."""
    out = np.zeros_like(image)
    height, width = image.shape[:2]
    for r in range(height):
        for c in range(width):
            if 0 <= r + dy < height and 0 <= c + dx < width:
                out[r + dy, c + dx] = image[r, c]
    return out


def _check_shift_calls(rng: _ScriptedRng, max_shift: int) -> None:
    kinds = [name for name, _, _ in rng.calls]
    if not kinds or kinds[0] != "random":
        fail(
            "draw the flip first, with rng.random() (then the shifts): the order of the "
            f"draws matters for a seeded generator. Your calls were: {', '.join(kinds)}."
        )
    for name, (low, high), options in rng.calls[1:]:
        if name != "integers":
            continue
        top = high - 1 if high is not None and not options["endpoint"] else high
        if low != -max_shift or top != max_shift:
            if high == max_shift and not options["endpoint"]:
                fail(
                    f"you called rng.integers({low}, {high}): its upper bound is excluded, so "
                    f"the shift would never be +{max_shift}. Use rng.integers(-max_shift, "
                    "max_shift + 1)."
                )
            fail(
                f"you called rng.integers({low}, {high}); the shifts go from -max_shift to "
                f"+max_shift = {max_shift}: rng.integers(-max_shift, max_shift + 1)."
            )


def _test_random_flip_shift(random_flip_shift: Any) -> None:
    image = np.arange(1, 13, dtype=np.uint8).reshape(3, 4)
    before = image.copy()
    # (flip draw, dy, dx): rng.random() < 0.5 means mirror.
    cases = [(0.9, 0, 0), (0.2, 0, 0), (0.9, 1, 0), (0.9, 0, -2), (0.7, -1, 2), (0.1, 2, 1)]
    for draw, dy, dx in cases:
        rng = _ScriptedRng(randoms=[draw], integers=[dy, dx])
        result = as_array(call(random_flip_shift, image, rng, 2), "random_flip_shift")
        _unchanged(before, image, "random_flip_shift")
        _check_shift_calls(rng, 2)
        if rng._queues["integers"]:
            fail("draw two shifts with rng.integers: first dy (rows), then dx (columns).")
        mirrored = draw < 0.5
        start = image[:, ::-1] if mirrored else image
        expected = _shift_by_hand(start, dy, dx)
        what = (f"random_flip_shift of {image.tolist()} when rng.random() gives {draw} and "
                f"the shifts are dy={dy}, dx={dx}")
        if result.shape != image.shape:
            fail(f"{what}: the result should keep the shape {image.shape}; yours has "
                 f"{result.shape}. Shifting moves the content, the frame stays the same.")
        if close(result, expected):
            if result.dtype != image.dtype:
                fail(f"keep the dtype of the image ({image.dtype}); yours is {result.dtype}.")
            continue
        if (dy, dx) == (0, 0):
            if close(result, image[:, ::-1] if not mirrored else image):
                fail(f"{what}: mirror when rng.random() < 0.5, and only then; yours does the "
                     "opposite.")
            if mirrored and close(result, image[::-1]):
                fail(f"{what}: you turned the image upside down. A mirror reverses the "
                     "columns: image[:, ::-1].")
        if close(result, np.roll(start, (dy, dx), axis=(0, 1))):
            fail(
                f"{what}: the pixels pushed out on one side came back on the other: np.roll "
                "wraps around. A shift must bring in zeros (black) instead; start from "
                "np.zeros_like(image) and copy the part that stays in the frame."
            )
        if close(result, _shift_by_hand(start, -dy, -dx)):
            fail(f"{what}: you shifted the wrong way. A positive dy moves the content down "
                 "(row r goes to row r + dy), a positive dx moves it right.")
        if close(result, _shift_by_hand(start, dx, dy)):
            fail(f"{what}: dy and dx are swapped. dy moves rows (axis 0), dx columns (axis 1).")
        expect_array(result, expected, what, dtype=False,
                     hint="The content moves dy rows down and dx columns right; the rows and "
                     "columns it uncovers are 0.")
    colour = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3) + 1
    rng = _ScriptedRng(randoms=[0.3], integers=[1, -1])
    result = as_array(call(random_flip_shift, colour, rng, 1), "random_flip_shift")
    expect_array(result, _shift_by_hand(colour[:, ::-1], 1, -1),
                 "random_flip_shift of a 2x3 colour image (mirrored, dy=1, dx=-1)",
                 hint="Mirror and shift only the rows and columns; keep the channels as they are.")


q5_random_flip_shift = Exercise(
    name="q5_random_flip_shift",
    answer="random_flip_shift",
    test=_test_random_flip_shift,
    hints=[
        "if rng.random() < 0.5: image = image[:, ::-1]. Then dy = rng.integers(-max_shift, "
        "max_shift + 1) and dx the same way, in that order.",
        "out = np.zeros_like(image), then copy the block that stays in the frame: for dy >= 0 "
        "the rows image[0:H - dy] go to out[dy:H]; for dy < 0 the rows image[-dy:H] go to "
        "out[0:H + dy]. Columns likewise with dx.",
        "In one line per axis: out[max(dy, 0):H + min(dy, 0), max(dx, 0):W + min(dx, 0)] = "
        "image[max(-dy, 0):H - max(dy, 0), max(-dx, 0):W - max(dx, 0)].",
    ],
)


# ------------------------------------------------------------------ q6 random brightness


def _test_random_brightness(random_brightness: Any) -> None:
    image = np.array([[0, 10, 100], [200, 250, 255]], dtype=np.uint8)
    before = image.copy()
    cases = [
        (20.4, [[20, 30, 120], [220, 255, 255]]),  # 250 + 20.4 -> 255 (clipped)
        (-30.6, [[0, 0, 69], [169, 219, 224]]),  # 0 - 30.6 -> 0; 100 - 30.6 = 69.4 -> 69
        (-0.4, [[0, 10, 100], [200, 250, 255]]),  # 10 - 0.4 = 9.6 rounds to 10
        (7.7, [[8, 18, 108], [208, 255, 255]]),  # 250 + 7.7 = 257.7 -> 255; 0 + 7.7 -> 8
    ]
    for delta, expected in cases:
        rng = _ScriptedRng(uniforms=[delta])
        result = as_array(call(random_brightness, image, rng, 40), "random_brightness")
        _unchanged(before, image, "random_brightness")
        if not rng.calls or rng.calls[0][0] != "uniform":
            fail("draw the change of brightness with rng.uniform(-max_delta, max_delta).")
        low, high = rng.calls[0][1]
        draw_size = rng.calls[0][2]["size"]
        if draw_size is not None and int(np.prod(draw_size)) > 1:
            fail(
                "you drew a different change for every pixel (size=...). Brightness "
                "augmentation draws ONE number and adds it to the whole image, as if the "
                "light were brighter or dimmer; noise per pixel would be another augmentation."
            )
        if (low, high) != (-40, 40):
            fail(f"you called rng.uniform({low}, {high}) with max_delta=40; draw from "
                 "rng.uniform(-max_delta, max_delta).")
        expected = np.array(expected, dtype=np.uint8)
        what = f"random_brightness of {image.tolist()} when rng.uniform gives {delta}"
        if result.shape != image.shape:
            fail(f"{what}: the result should have shape {image.shape}; yours has {result.shape}.")
        raw = image.astype(np.float64) + delta
        if not close(result, expected) and close(result, np.floor(np.clip(raw, 0, 255))):
            fail(
                f"{what}: you truncated instead of rounding: .astype(np.uint8) cuts off the "
                "decimals, so 9.6 becomes 9 instead of 10. Round with np.round first."
            )
        inside = (raw >= 0) & (raw <= 255)
        if not close(result, expected) and close(result[inside], expected[inside]):
            fail(
                f"{what}: the pixels that go past 255 or below 0 are wrong, {result.tolist()}. "
                "Clip to 0..255 with np.clip before converting to uint8, or they wrap around "
                "(or turn into nonsense)."
            )
        if result.dtype != np.uint8:
            fail(f"the result should be uint8, like the image; yours is {result.dtype}.")
        expect_array(result, expected, what,
                     hint="Add delta in float, clip to 0..255, round, then convert to uint8.")


q6_random_brightness = Exercise(
    name="q6_random_brightness",
    answer="random_brightness",
    test=_test_random_brightness,
    hints=[
        "delta = rng.uniform(-max_delta, max_delta) draws one number for the whole image.",
        "Work in float: image.astype(np.float64) + delta.",
        "np.clip(..., 0, 255), then np.round(...).astype(np.uint8).",
    ],
)


# ------------------------------------------------------------------ q7 a tf.data pipeline


def _batches(ds, limit: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """At most ``limit`` batches, as NumPy arrays (a repeated dataset never ends)."""
    out = []
    for element in ds.take(limit):
        if not isinstance(element, tuple) or len(element) != 2:
            fail("each element of the dataset should be a pair (images, labels); build it "
                 "with tf.data.Dataset.from_tensor_slices((images, labels)).")
        out.append((element[0].numpy(), element[1].numpy()))
    return out


def _test_make_pipeline(make_pipeline: Any) -> None:
    from helpers.modes import quiet_tensorflow

    tf = quiet_tensorflow()
    n, size = 20, (4, 5)
    images = np.stack([np.full((*size, 3), 10 * i, dtype=np.uint8) for i in range(n)])
    images[:, 0, 0] = 255  # one white pixel per image, to see the scaling
    labels = np.arange(n, dtype=np.int64)  # label i belongs to image i
    ds = call(make_pipeline, images, labels, 8, False, 0)
    if not isinstance(ds, tf.data.Dataset):
        fail(f"make_pipeline should return a tf.data.Dataset; yours returned a "
             f"{type(ds).__name__}.")
    spec = ds.element_spec
    if not isinstance(spec, tuple) or len(spec) != 2:
        fail("each element of the dataset should be a pair (images, labels).")
    image_spec, label_spec = spec
    shape = tuple(image_spec.shape)
    if len(shape) == 3:
        fail(f"the elements have shape {shape}: single images, not batches. Call "
             ".batch(batch_size).")
    if shape[1:] != (*size, 3):
        fail(f"batches of images should have shape (batch, 4, 5, 3); yours have {shape}.")
    if shape[0] is not None:
        fail("the batch size is fixed in the element_spec: did you pass drop_remainder=True? "
             "Keep the last, smaller batch so that every image is used.")
    if image_spec.dtype == tf.uint8:
        fail("the images are still uint8 (0..255): scale them to float32 in 0..1 with "
             "tf.cast(x, tf.float32) / 255.0 in a .map.")
    if image_spec.dtype != tf.float32:
        fail(f"the images should be float32; yours are {image_spec.dtype.name}. Use "
             "tf.cast(x, tf.float32) / 255.0.")
    if label_spec.dtype != tf.as_dtype(labels.dtype):
        fail(f"the labels should stay as they were, {labels.dtype}; yours are "
             f"{label_spec.dtype.name}. Change only the images in the .map: "
             "lambda x, y: (tf.cast(x, tf.float32) / 255.0, y).")
    batches = _batches(ds, 4)
    sizes = [len(y) for _, y in batches]
    if len(batches) > 3:
        fail(f"20 images in batches of 8 make 3 batches per epoch; yours goes on for more "
             f"({sizes} ...). Did you call .repeat()? Keras repeats epochs itself.")
    expect_equal(sizes, [8, 8, 4], "the batch sizes of 20 images with batch_size=8")
    got_images = np.concatenate([x for x, _ in batches])
    got_labels = np.concatenate([y for _, y in batches])
    if got_labels.tolist() != labels.tolist():
        fail(
            "with training=False the order must stay as it was (labels 0, 1, 2, ...); yours is "
            f"{got_labels.tolist()}. Shuffle only the training data: validation results, and "
            "predictions matched to their files, need the original order."
        )
    if got_images.max() > 1.0 + 1e-6:
        fail(f"the largest pixel value is {got_images.max():g}: divide by 255 to scale to 0..1.")
    expect_array(got_images, images.astype(np.float32) / 255.0,
                 "the scaled images, in order", atol=1e-6, dtype=False,
                 hint="Each image should be its uint8 values divided by 255.")

    shuffled = _batches(call(make_pipeline, images, labels, 8, True, 0), 4)
    first = np.concatenate([y for _, y in shuffled])
    if sorted(first.tolist()) != labels.tolist():
        fail("with training=True every image should appear exactly once per epoch; labels "
             f"came out as {first.tolist()}. Shuffle with a buffer as large as the data set.")
    if all(np.array_equal(np.sort(y), np.arange(y.min(), y.min() + len(y))) for _, y in shuffled):
        fail(
            "your batches hold consecutive images (at most the order of whole batches changes):"
            " you shuffled after batching, or not at all. Shuffle the images first, with "
            ".shuffle(len(images), seed=seed), then batch, so that each batch mixes images "
            "from all over the data set."
        )
    again = np.concatenate([y for _, y in _batches(call(make_pipeline, images, labels, 8,
                                                        True, 0), 4)])
    if again.tolist() != first.tolist():
        fail("two pipelines built with the same seed gave different orders: pass the seed to "
             "shuffle, .shuffle(len(images), seed=seed).")
    other = [np.concatenate([y for _, y in _batches(call(make_pipeline, images, labels, 8,
                                                         True, s), 4)]).tolist()
             for s in (1, 2)]
    if all(o == first.tolist() for o in other):
        fail("the seeds 0, 1 and 2 all gave the same order: use the seed argument in shuffle.")
    # .shuffle(buffer) fills a buffer with the next `buffer` images and picks one of them at
    # random, so the image at place k is at most image k + buffer - 1. With a buffer as large
    # as the data set, some image jumps 10 or more places forward for these seeds (16, 12 and
    # 11 places; by chance less than 10 for all three would have odds of about 3 in a million).
    jumps = []
    for s in (0, 1, 2):
        order = np.concatenate([y for _, y in _batches(call(make_pipeline, images, labels, 2,
                                                            True, s), 10)])
        jumps.append(int((order - np.arange(len(order))).max()))
    if max(jumps) < n // 2:
        fail(
            f"your shuffle hardly mixes the images: with 20 images, batch_size=2 and the seeds "
            f"0, 1 and 2, no image came out 10 or more places earlier than it went in (the "
            f"largest jumps were {jumps}). .shuffle(buffer_size) only picks among the next "
            "buffer_size images, so a small buffer (such as batch_size) keeps nearly the "
            "original order. Use a buffer as large as the data set: "
            ".shuffle(len(images), seed=seed)."
        )
    if "prefetch" not in type(ds).__name__.lower():
        fail("the last step should be .prefetch(tf.data.AUTOTUNE): it prepares the next batch "
             "while the model works on the current one.")


q7_make_pipeline = Exercise(
    name="q7_make_pipeline",
    answer="make_pipeline",
    test=_test_make_pipeline,
    hints=[
        "ds = tf.data.Dataset.from_tensor_slices((images, labels)) gives one (image, label) "
        "pair per element.",
        "if training: ds = ds.shuffle(len(images), seed=seed). Then ds.map(lambda x, y: "
        "(tf.cast(x, tf.float32) / 255.0, y)).",
        "Finish with .batch(batch_size) and .prefetch(tf.data.AUTOTUNE), in that order.",
    ],
)
