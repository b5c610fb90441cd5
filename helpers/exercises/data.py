"""Checks of the exercises of 02_data.

Each check runs the learner's function on small inputs whose answers were worked
out by hand (and on a few of realistic size), and explains the usual mistakes in
plain words. Random answers are checked with a *scripted* random generator, whose
draws the check chooses, so the expected images are known exactly. Introduced in
02_data.
"""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageFile

from helpers.checks import (
    Exercise,
    ExerciseFailed,
    as_array,
    call,
    close,
    expect_array,
    expect_equal,
    expect_unchanged,
    fail,
)

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


_unchanged = partial(
    expect_unchanged,
    tip=(
        "Build a new array instead (image.astype(...), np.zeros_like(image) and slicing "
        "with [:, ::-1] all do)."
    ),
)


def _shown(value: Any) -> str:
    """An argument as a learner would have written it in the call."""
    if isinstance(value, np.ndarray | np.generic):
        return repr(value.tolist())
    return repr(value)


class _ScriptedRng:
    """Stands in for np.random.Generator, with draws the check chose.

    A real Generator has one stream of numbers that all its methods take from in
    turn, and so does this one. The script lists the draws in order: ("float", u),
    a float u in [0, 1), or ("int", k, n), the k-th of n whole numbers. As from a
    seeded Generator, rng.random() gives u and rng.uniform(low, high) gives
    low + (high - low) * u; rng.integers(low, high) gives low + k and
    rng.choice(items) gives items[k] when they choose among n numbers; size=...
    takes that many draws. So every call that a seeded Generator answers with the
    same numbers works. A draw that does not fit the script gets a harmless value
    instead; ``calls`` keeps every call, for the check to judge afterwards.
    """

    def __init__(self, *script: tuple):
        self.script = list(script)
        self.calls: list[dict] = []  # text, kind, n, count (of draws), fits, value

    def _draw(self, text: str, kind: str, size, make, n: int | None = None):
        count = 1 if size is None else int(np.prod(size))
        first = sum(c["count"] for c in self.calls)
        entries = self.script[first:first + count]
        fits = len(entries) == count and all(
            e[0] == kind and (kind == "float" or e[2] == n) for e in entries)
        if fits:
            values = [make(e[1]) for e in entries]
        else:
            values = [make(0.5 if kind == "float" else max(n, 1) // 2)] * count
        value = values[0] if size is None else np.array(values).reshape(size)
        self.calls.append({"text": text, "kind": kind, "n": n, "count": count, "fits": fits,
                           "value": value})
        return value

    def random(self, size=None, dtype=np.float64, out=None):
        text = "rng.random()" if size is None else f"rng.random({_shown(size)})"
        return self._draw(text, "float", size, float)

    def uniform(self, low=0.0, high=1.0, size=None):
        text = f"rng.uniform({_shown(low)}, {_shown(high)}" + (
            ")" if size is None else f", size={_shown(size)})")
        return self._draw(text, "float", size, lambda u: low + (high - low) * u)

    def integers(self, low, high=None, size=None, dtype=np.int64, endpoint=False):
        text = f"rng.integers({_shown(low)}" + ("" if high is None else f", {_shown(high)}") + (
            "" if size is None else f", size={_shown(size)}") + (
            ", endpoint=True)" if endpoint else ")")
        if high is None:
            low, high = 0, low
        n = int(high) - int(low) + bool(endpoint)
        return self._draw(text, "int", size, lambda k: np.int64(low + k), n)

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        items = np.arange(a) if isinstance(a, int | np.integer) else np.asarray(a)
        text = f"rng.choice({_shown(a)}" + ("" if size is None else f", size={_shown(size)}") + (
            ")" if p is None else ", p=...)")
        if p is not None:  # a weighted choice draws a float, then looks it up in the weights
            cumulative = np.cumsum(p) / np.sum(p)
            return self._draw(text, "float", size,
                              lambda u: items[np.searchsorted(cumulative, u, side="right")])
        return self._draw(text, "int", size, lambda k: items[k], len(items))

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        fail(
            f"your function called rng.{name}(...). Use only the draws the docstring "
            "names, in its order, so that a seeded generator always gives the same result."
        )


def _drawn(rng: _ScriptedRng) -> str:
    return ", ".join(c["text"] for c in rng.calls) or "nothing"


def _call_drawing(function: Any, rng: _ScriptedRng, judge, what: str, *args: Any) -> Any:
    """Call an answer that draws from ``rng``, then judge its draws (also when the
    answer failed: a wrong draw, answered with a stand-in value, explains it better)."""
    try:
        result = call(function, *args)
    except (ExerciseFailed, NotImplementedError):  # verdicts, and the untouched stub
        raise
    except Exception as err:
        judge(rng)
        fail(f"{what}: your function raised {type(err).__name__}: {err}. Read that message, "
             "fix the code and run both cells again.")
    judge(rng)
    return result


# ------------------------------------------------------------------ q1 class balance


def _test_class_balance(class_balance: Any) -> None:
    labels = [3, 0, 3, 3, 1, 0]  # 2 of class 0, 1 of class 1, none of class 2, 3 of class 3
    expected = np.array([2, 1, 0, 3, 0])  # and none of class 4
    counts, shares = _balance_of(class_balance, labels, 5)
    if counts.shape == (3,):
        fail(
            f"with n_classes=5, counts should have 5 entries, one per class; yours has 3, one "
            f"per class that appears in the labels {labels}. Classes 2 and 4 have no image "
            "here, and each still needs its count of 0, in its own place: np.unique, "
            "collections.Counter and value_counts() list only the classes that appear. "
            "np.bincount(labels, minlength=n_classes) counts every class."
        )
    if counts.shape == (4,):
        fail(
            "with n_classes=5, counts should have 5 entries; yours has 4. np.bincount(labels) "
            "stops at the largest label present (3 here); np.bincount(labels, "
            "minlength=n_classes) goes on to class n_classes - 1, which may have no image."
        )
    if counts.shape != (5,):
        fail(f"with n_classes=5, counts should have shape (5,); yours has shape {counts.shape}.")
    if not np.array_equal(counts, expected) and sorted(counts) == sorted(expected):
        fail(
            f"your counts for the labels {labels}, {counts.tolist()}, hold the right numbers in "
            f"the wrong places: entry k is the number of labels equal to k, so "
            f"{expected.tolist()} (class 2 has no image: its 0 is at index 2). Counter and "
            "value_counts() order the classes their own way (first seen, most frequent) "
            "and skip the absent ones."
        )
    expect_array(counts, expected, f"counts of the labels {labels}", dtype=False,
                 hint="Entry k is the number of labels equal to k.")
    if not np.issubdtype(counts.dtype, np.integer):
        fail(
            f"counts should be whole numbers in an integer array; yours has dtype "
            f"{counts.dtype}. (np.zeros(n) makes floats: use np.zeros(n, dtype=int), or "
            "np.bincount.)"
        )
    if close(shares, expected / 5):
        fail(
            "your shares add up to 1.2: you divided by the number of classes. A share is "
            "the fraction of all images: divide the counts by the number of labels (6)."
        )
    if close(shares, expected / 3):
        fail("you divided by the largest count; divide by the number of labels (6) instead.")
    if close(shares, expected * 100 / 6):
        fail("your shares are percentages; return fractions (they add up to 1, not 100).")
    expect_array(shares, expected / 6, f"shares of the labels {labels}", dtype=False,
                 atol=1e-9, hint="shares = counts / len(labels).")

    # An array whose first and last classes are empty; one label of one class.
    for labels, n_classes, expected in ((np.array([2, 1, 2, 2]), 4, [0, 1, 3, 0]),
                                        ([0], 1, [1])):
        counts, shares = _balance_of(class_balance, labels, n_classes)
        what = f"of {labels!r} with n_classes={n_classes}"
        expect_array(counts, np.array(expected), f"counts {what}", dtype=False,
                     hint="There is one count per class, 0 for a class without labels.")
        expect_array(shares, np.array(expected) / len(labels), f"shares {what}", dtype=False,
                     atol=1e-9)

    # A realistic size: 1768 labels of 6 classes, as many as TrashNet's training split.
    expected = np.array([282, 351, 287, 416, 337, 95])
    labels = np.random.default_rng(0).permutation(np.repeat(np.arange(6), expected))
    counts, shares = _balance_of(class_balance, labels, 6)
    if (np.issubdtype(counts.dtype, np.integer) and counts.dtype.itemsize < 8
            and not np.array_equal(counts, expected)
            and np.array_equal(counts, expected.astype(counts.dtype))):
        fail(
            f"on 1768 labels your counts wrapped around, {counts.tolist()} instead of "
            f"{expected.tolist()}: dtype {counts.dtype} cannot hold {expected.max()}. Count in "
            "a larger integer type (np.bincount gives int64)."
        )
    expect_array(counts, expected, "counts of 1768 labels of 6 classes", dtype=False)
    expect_array(shares, expected / 1768, "shares of 1768 labels of 6 classes", dtype=False,
                 atol=1e-9)


def _balance_of(class_balance: Any, labels: Any, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """The (counts, shares) of an answer, as arrays (a list or a pandas Series is fine)."""
    result = call(class_balance, labels, n_classes)
    if not isinstance(result, tuple | list) or len(result) != 2:
        fail("class_balance should return two arrays, (counts, shares): "
             "`return counts, shares`.")
    arrays = []
    for value, what in zip(result, ("counts", "shares"), strict=True):
        array = np.asarray(value)
        if array.ndim != 1 or not np.issubdtype(array.dtype, np.number):
            fail(f"{what} should be a 1-D array of numbers, one per class; yours is "
                 f"{type(value).__name__} {value!r}.")
        arrays.append(array)
    return arrays[0], arrays[1]


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


def _image_file(path: Path, fmt: str, size=(48, 48), mode="RGB", seed=0) -> bytes:
    """Save random pixels as an image file (mode "RGB", "RGBA", "L", "P" or "CMYK")."""
    rng = np.random.default_rng(seed)
    shape = size if mode == "L" else (*size, 4 if mode == "RGBA" else 3)
    Image.fromarray(rng.integers(0, 256, shape, dtype=np.uint8)).convert(mode).save(path, fmt)
    return path.read_bytes()


def _odd_files(folder: Path) -> list[tuple[Path, str, str]]:
    """(path, expected status, description) of good, empty, non-image and truncated files."""
    files = []

    def add(name: str, expected: str, what: str, content: bytes | None = None, **image):
        path = folder / name
        if content is None:
            _image_file(path, **image)
        else:
            path.write_bytes(content)
        files.append((path, expected, what))

    add("glass1.jpg", "ok", "a good JPEG photo", fmt="JPEG", size=(64, 64))
    add("trash1.png", "ok", "a good grayscale PNG", fmt="PNG", mode="L", seed=1)
    add("plastic1.png", "ok", "a PNG with an alpha channel (RGBA)", fmt="PNG", mode="RGBA", seed=2)
    add("cardboard1.jpg", "ok", "a CMYK JPEG", fmt="JPEG", mode="CMYK", seed=3)
    add("metal1.gif", "ok", "a palette GIF", fmt="GIF", mode="P", seed=4)
    add("metal2.jpg", "empty", "an empty file (0 bytes)", b"")
    add("paper1.jpg", "not an image", "a text file named .jpg",
        b"this is a text file, not a photo\n")
    add("paper2.png", "not an image", "a file of random bytes named .png",
        np.random.default_rng(5).integers(0, 256, 500, dtype=np.uint8).tobytes())
    whole = _image_file(folder / "whole.jpg", fmt="JPEG", size=(64, 64), seed=6)
    add("glass2.jpg", "truncated", "a JPEG cut off after two thirds of its bytes",
        whole[: len(whole) * 2 // 3])  # the header survives
    whole = _image_file(folder / "whole.png", fmt="PNG", size=(40, 50), seed=7)
    add("glass3.png", "truncated", "a PNG cut off after 60 % of its bytes",
        whole[: len(whole) * 6 // 10])
    return files


@contextmanager
def _watching_loads():
    """Record each decoding of pixels while the block runs (img.load(), and everything
    that calls it: np.asarray(img), img.convert(...)): whether it raised, and whether
    ImageFile.LOAD_TRUNCATED_IMAGES was set."""
    original, loads = ImageFile.ImageFile.load, []

    def load(self, *args, **kwargs):
        loads.append({"filled in": ImageFile.LOAD_TRUNCATED_IMAGES, "raised": False})
        try:
            return original(self, *args, **kwargs)
        except Exception:
            loads[-1]["raised"] = True
            raise

    ImageFile.ImageFile.load = load
    try:
        yield loads
    finally:
        ImageFile.ImageFile.load = original


def _names_in(function: Any) -> set[str]:
    """The attribute and global names a function's code (nested functions included) uses."""
    names, codes = set(), [getattr(function, "__code__", None)]
    while codes:
        code = codes.pop()
        if code is not None:
            names |= set(code.co_names)
            codes += [c for c in code.co_consts if hasattr(c, "co_names")]
    return names


def _test_file_status(file_status: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for path, expected, what in _odd_files(Path(tmp)):
            for given in (path, str(path)):
                with _watching_loads() as loads:
                    try:
                        result = call(file_status, given)
                    except (ExerciseFailed, NotImplementedError):
                        raise
                    except Exception as err:
                        if isinstance(err, AssertionError) and "verify" in _names_in(file_status):
                            fail(f"for {what}, file_status raised AssertionError: after "
                                 "img.verify(), PIL cannot decode the same image object. Open "
                                 "the file again for img.load() (or leave verify out).")
                        if isinstance(given, str):
                            fail(f"given the path of {what} as a str, file_status raised "
                                 f"{type(err).__name__}: {err}. Accept a str too: start with "
                                 "path = Path(path).")
                        fail(
                            f"for {what}, file_status raised {type(err).__name__}: {err}. "
                            f"It should return {expected!r}: catch the errors PIL raises "
                            "(UnidentifiedImageError, then OSError) and turn them into "
                            "answers."
                        )
                if not isinstance(result, str):
                    fail(f"file_status should return a str; for {what} yours returned "
                         f"{type(result).__name__} {result!r}.")
                if result == expected:
                    continue
                if expected == "truncated" and result == "ok":
                    _explain_truncated_ok(what, loads, "load" in _names_in(file_status))
                _explain_status(result, expected, what)


def _explain_truncated_ok(what: str, loads: list[dict], mentions_load: bool) -> None:
    """Fail with the reason why a truncated file came out 'ok'."""
    if any(load["filled in"] for load in loads):
        fail(
            f"{what} came out 'ok' because ImageFile.LOAD_TRUNCATED_IMAGES was True while its "
            "pixels were decoded: PIL then fills in the missing pixels instead of raising an "
            "error. Leave it False (the default): file_status must notice truncated files."
        )
    if any(load["raised"] for load in loads):
        fail(
            f"{what} came out 'ok'. Your function decodes its pixels, and PIL raises OSError "
            "(image file is truncated) while doing so; that error must turn into "
            "'truncated'. Is it caught and then ignored?"
        )
    if not loads and mentions_load:
        fail(
            f"{what} came out 'ok', and your function never decoded its pixels, although "
            "its code mentions load. Write img.load() with its parentheses (img.load alone "
            "does nothing), and make sure it runs for every file, inside the try."
        )
    fail(
        f"{what} came out 'ok', and your function never decoded its pixels. "
        "Image.open is lazy: it reads only the header (format, size, mode), and "
        "img.verify() does not decode the pixels either. Call img.load(), which "
        "decodes every pixel and raises OSError when the data stops early."
    )


def _explain_status(result: str, expected: str, what: str) -> None:
    """Fail with the reason why ``result`` came out instead of ``expected``."""
    if expected == "truncated" and result == "not an image":
        fail(
            f"{what} came out 'not an image'. PIL recognises its header, so Image.open "
            "succeeds; decoding its pixels then raises a plain OSError, not "
            "UnidentifiedImageError. Answer 'not an image' only for UnidentifiedImageError, "
            "and 'truncated' for any other OSError."
        )
    if expected == "empty" and result == "not an image":
        fail(
            "an empty file came out 'not an image': PIL cannot identify 0 bytes, so "
            "check the size first, with path.stat().st_size == 0 (or "
            "os.path.getsize(path) == 0), before opening the file."
        )
    if expected == "not an image" and result == "truncated":
        fail(
            f"{what} came out 'truncated'. UnidentifiedImageError is a kind of OSError, so "
            "an `except OSError` written first catches it too: put "
            "`except UnidentifiedImageError` before `except OSError`."
        )
    expect_equal(result, expected, f"file_status of {what}",
                 hint="The four answers are 'ok', 'empty', 'not an image', 'truncated'.")


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
    result = _stats_of(aspect_stats, sizes)
    got = (result["mean"], result["landscape"], result["portrait"], result["square"])
    if np.allclose(got, (np.mean([4 / 3, 0.75, 1, 2 / 3]), 1, 2, 1)):
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
    if np.isclose(result["mean"], (192 + 512 + 100 + 450) / (256 + 384 + 100 + 300)):
        fail("you divided the mean width by the mean height. The mean aspect ratio is the "
             "mean of the images' own ratios: width / height for each image, then the mean.")
    if np.isclose(result["mean"], np.median([0.75, 4 / 3, 1, 1.5])):
        fail("that is the median aspect ratio; return the mean (np.mean).")
    if result["square"] == 1 and (result["landscape"], result["portrait"]) in ((3, 1), (2, 2)):
        kind = "landscape" if result["landscape"] == 3 else "portrait"
        fail(f"the square image was counted as {kind} too: landscape means width / height > 1 "
             "and portrait < 1, strictly; a square is neither.")
    _expect_stats(result, sizes, np.mean([0.75, 4 / 3, 1, 1.5]), (2, 1, 1))
    # One image, 1 pixel tall and 6 wide; then extreme portraits, a square and a landscape.
    _expect_stats(_stats_of(aspect_stats, [(1, 6)]), [(1, 6)], 6.0, (1, 0, 0))
    sizes = [(8, 1), (3, 3), (10, 2), (2, 5)]  # aspects 0.125, 1, 0.2, 2.5
    _expect_stats(_stats_of(aspect_stats, sizes), sizes, 0.95625, (1, 2, 1))


def _stats_of(aspect_stats: Any, sizes: list) -> dict:
    result = call(aspect_stats, sizes)
    if not isinstance(result, dict):
        fail(f"aspect_stats should return a dict; yours returned a {type(result).__name__}.")
    keys = {"mean", "landscape", "portrait", "square"}
    if set(result) < keys:
        fail(f"for the sizes {sizes}, your dict has only the keys {sorted(result)}. It needs all "
             f"of {sorted(keys)}: a kind without images still has its count, 0 (a Counter "
             "or value_counts() lists only the kinds it has seen).")
    if set(result) != keys:
        fail(f"the dict should have exactly the keys {sorted(keys)}; yours has {sorted(result)}.")
    for key in ("landscape", "portrait", "square"):
        if not isinstance(result[key], int | np.integer):
            fail(f"result['{key}'] should be an int (a number of images); yours is a "
                 f"{type(result[key]).__name__}, {result[key]!r}. Convert with int(...).")
    return result


def _expect_stats(result: dict, sizes: list, mean: float, kinds: tuple) -> None:
    """Compare with the mean aspect ratio and the (landscape, portrait, square) counts."""
    if not np.isclose(float(result["mean"]), mean):
        fail(f"the mean aspect ratio (width / height) of {sizes} should be {mean:.5g}; yours is "
             f"{result['mean']!r}.")
    for key, expected in zip(("landscape", "portrait", "square"), kinds, strict=True):
        expect_equal(int(result[key]), expected, f"the number of {key} images of {sizes}",
                     hint="landscape: width > height; portrait: width < height; square: equal.")


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
    expected = np.array([[[[0, 0, 0], [2, 2, -2]]]], dtype=np.float32)
    result = _standardised(standardise, train, images)
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
    if close(result, (own - t.mean(axis=(0, 1, 2))) / t.std(axis=(0, 1, 2), ddof=1), 1e-4):
        fail(
            "you divided by the sample standard deviation (ddof=1, which divides by N - 1: "
            "the default of pandas' .std() and of statistics.stdev). Use np.std, which "
            "divides by N."
        )
    if not np.isfinite(result).all():
        fail(
            "your result contains NaN or infinity, but the training standard deviations are "
            "3, 30 and 6, none of them 0: check how you compute them. (In uint8, arithmetic "
            "such as x ** 2 wraps around above 255: convert to float first.)"
        )
    if result.dtype != np.float32:
        fail(f"the result should have dtype float32; yours is {result.dtype}. Convert at the "
             "end with .astype(np.float32).")
    expect_array(
        result, expected, "standardise of [[5, 50, 20], [11, 110, 8]] with those training images",
        atol=1e-5,
        hint="The training means are (5, 50, 20) and the standard deviations (3, 30, 6) "
        "(np.std, which divides by N).",
    )
    # Float images in 0..1 (the same photos / 255): standardisation ignores the scale.
    result = _standardised(standardise, train / 255, images / 255)
    if not np.isfinite(result).any():
        fail(
            "for float images with values in 0..1, your result is all NaN or infinity: your "
            "standard deviations came out as 0, although those of these training images are "
            "3/255, 30/255 and 6/255. Rounding, or converting to an integer type (astype(int), "
            "astype(np.uint8)), turns values between 0 and 1 into 0: keep them as floats."
        )
    expect_array(result, expected, "standardise of the same images as floats in 0..1 (/ 255)",
                 atol=1e-4, hint="Dividing every image by 255 changes the means and standard "
                 "deviations by the same factor: the standardised images stay the same.")
    # The training images standardised with their own statistics: mean 0 and std 1.
    floats = np.array([[[[0.5, 2.0, 5.0]], [[1.5, 2.0, 5.0]]],
                       [[[0.5, 6.0, -3.0]], [[1.5, 6.0, -3.0]]]])  # means 1, 4, 1; stds 0.5, 2, 4
    result = _standardised(standardise, floats, floats)
    expect_array(result, np.array([[[[-1, -1, 1]], [[1, -1, 1]]], [[[-1, 1, -1]], [[1, 1, -1]]]],
                                  dtype=np.float32),
                 "standardise(train_images, train_images) of two float images 2 pixels tall "
                 "and 1 wide", atol=1e-5,
                 hint="Each channel should come out with mean 0 and standard deviation 1.")


def _standardised(standardise: Any, train: np.ndarray, images: np.ndarray) -> np.ndarray:
    before_train, before_images = train.copy(), images.copy()
    result = as_array(call(standardise, train, images), "standardise(train_images, images)",
                      "the standardised images, of the shape of images")
    _unchanged(before_train, train, "standardise")
    _unchanged(before_images, images, "standardise")
    return result


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


def _judge_flip_shift_draws(rng: _ScriptedRng, max_shift: int) -> None:
    """Fail unless the draws were rng.random(), then two shifts of the right range."""
    if all(c["fits"] for c in rng.calls) and (
            sum(c["count"] for c in rng.calls) == len(rng.script)):
        return
    kinds = [c["kind"] for c in rng.calls for _ in range(c["count"])]
    numbers = 2 * max_shift + 1
    wrong_range = [c for c in rng.calls if c["kind"] == "int" and c["n"] != numbers]
    if not rng.calls:
        reason = ("your function never drew from rng (np.random.* and the random module do "
                  "not count), so a seeded generator cannot repeat its result.")
    elif "float" not in kinds:
        reason = ("draw the mirror with rng.random(), a float in [0, 1): mirror when it is "
                  "below 0.5. A seeded generator gives other numbers for other calls.")
    elif kinds[0] != "float":
        reason = ("draw the flip first, then the shifts: the order of the draws matters "
                  "for a seeded generator.")
    elif wrong_range:
        reason = (f"{wrong_range[0]['text']} chooses among {wrong_range[0]['n']} numbers, but "
                  f"a shift goes from -{max_shift} to +{max_shift}: {numbers} numbers. The "
                  "upper bound of rng.integers is excluded, hence "
                  "rng.integers(-max_shift, max_shift + 1).")
    else:
        reason = "draw exactly the numbers of the docstring, each once, in its order."
    fail(f"{reason} The docstring draws rng.random(), then rng.integers({-max_shift}, "
         f"{max_shift + 1}) for dy and again for dx (max_shift={max_shift}); yours drew: "
         f"{_drawn(rng)}.")


def _test_random_flip_shift(random_flip_shift: Any) -> None:
    image = np.arange(1, 13, dtype=np.uint8).reshape(3, 4)
    # (flip draw, dy, dx): rng.random() < 0.5 means mirror.
    cases = [(0.9, 0, 0), (0.2, 0, 0), (0.9, 1, 0), (0.9, 0, -2), (0.7, -1, 2), (0.1, 2, 1)]
    for draw, dy, dx in cases:
        _expect_flip_shift(random_flip_shift, image, 2, draw, dy, dx)
    colour = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3) + 1
    _expect_flip_shift(random_flip_shift, colour, 1, 0.3, 1, -1)


def _expect_flip_shift(random_flip_shift: Any, image: np.ndarray, max_shift: int,
                       draw: float, dy: int, dx: int) -> None:
    before = image.copy()
    rng = _ScriptedRng(("float", draw), ("int", dy + max_shift, 2 * max_shift + 1),
                       ("int", dx + max_shift, 2 * max_shift + 1))
    what = (f"random_flip_shift of the {'x'.join(map(str, image.shape))} image "
            f"{image.tolist()} with max_shift={max_shift}, when rng.random() gives {draw} and "
            f"the shifts are dy={dy}, dx={dx}")
    result = _call_drawing(random_flip_shift, rng, lambda r: _judge_flip_shift_draws(r, max_shift),
                           what, image, rng, max_shift)
    result = as_array(result, "random_flip_shift", "the shifted image, of the shape of image")
    _unchanged(before, image, "random_flip_shift")
    mirrored = draw < 0.5
    start = image[:, ::-1] if mirrored else image
    expected = _shift_by_hand(start, dy, dx)
    if close(result, expected):
        if result.dtype != image.dtype:
            fail(f"keep the dtype of the image ({image.dtype}); yours is {result.dtype}.")
        return
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
        fail(
            f"{what}: your result moved the content {dx} row(s) down and {dy} column(s) "
            "right. The first rng.integers draw is dy, the shift of the rows (axis 0); the "
            "second is dx, the shift of the columns (axis 1). Check the order of your two "
            "draws, and which axis each one shifts."
        )
    drawn = [int(v) for c in rng.calls if c["kind"] == "int" for v in np.ravel(c["value"])]
    if len(drawn) == 2 and drawn != [dy, dx] and close(result, _shift_by_hand(start, *drawn)):
        fail(
            f"{what}: your shifts were {drawn[0]} and {drawn[1]}, from "
            f"{_drawn(rng)}. The shifts go from -max_shift to +max_shift: "
            "rng.integers(-max_shift, max_shift + 1)."
        )
    expect_array(result, expected, what, dtype=False,
                 hint="The content moves dy rows down and dx columns right, in a frame of "
                 "the same shape; the rows and columns it uncovers are 0. Mirror and shift "
                 "only the rows and columns; keep the channels as they are.")


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


def _judge_brightness_draws(rng: _ScriptedRng) -> None:
    """Fail unless the answer drew one float (rng.uniform or rng.random), once."""
    if len(rng.calls) == 1 and rng.calls[0]["fits"]:
        return
    if not rng.calls:
        reason = ("your function never drew from rng (np.random.* and the random module do "
                  "not count), so a seeded generator cannot repeat its result.")
    elif any(c["kind"] == "float" and c["count"] > 1 for c in rng.calls):
        reason = ("you drew a different change for every pixel (size=...). Brightness "
                  "augmentation draws ONE number and adds it to the whole image, as if the "
                  "light were brighter or dimmer; noise per pixel would be another augmentation.")
    elif any(c["kind"] == "int" for c in rng.calls):
        reason = ("draw delta with rng.uniform(-max_delta, max_delta), a float: rng.integers "
                  "gives whole numbers, and a seeded generator gives other numbers for it.")
    else:
        reason = "draw delta once, for the whole image."
    fail(f"{reason} The docstring draws delta = rng.uniform(-max_delta, max_delta), once; "
         f"yours drew: {_drawn(rng)}.")


def _test_random_brightness(random_brightness: Any) -> None:
    gray = np.array([[0, 10, 100], [200, 250, 255]], dtype=np.uint8)
    colour = np.array([[[0, 128, 255], [37, 90, 250]]], dtype=np.uint8)  # 1 x 2, RGB
    cases = [  # image, max_delta, delta, the expected image (worked out by hand)
        (gray, 40, 20.4, [[20, 30, 120], [220, 255, 255]]),  # 250 + 20.4 -> 255 (clipped)
        (gray, 40, -30.6, [[0, 0, 69], [169, 219, 224]]),  # 0 - 30.6 -> 0; 100 - 30.6 = 69.4
        (gray, 40, -0.4, [[0, 10, 100], [200, 250, 255]]),  # 10 - 0.4 = 9.6 rounds to 10
        (gray, 40, 7.7, [[8, 18, 108], [208, 255, 255]]),  # 250 + 7.7 = 257.7 -> 255
        (colour, 300, -123.7, [[[0, 4, 131], [0, 0, 126]]]),  # 128 - 123.7 = 4.3 -> 4
        (colour, 0, 0.0, colour),  # max_delta = 0: no change at all
    ]
    for image, max_delta, delta, expected in cases:
        before = image.copy()
        u = (delta + max_delta) / (2 * max_delta) if max_delta else 0.3  # uniform's float
        rng = _ScriptedRng(("float", u))
        what = (f"random_brightness of {image.tolist()} with max_delta={max_delta}, when "
                f"delta = rng.uniform(-max_delta, max_delta) is {delta}")
        result = _call_drawing(random_brightness, rng, _judge_brightness_draws, what, image,
                               rng, max_delta)
        result = as_array(result, "random_brightness", "the brightened image")
        _unchanged(before, image, "random_brightness")
        expected = np.array(expected, dtype=np.uint8)
        if result.shape == image.shape and not close(result, expected):
            _explain_brightness(result, expected, image, delta, rng.calls[0], what)
        if result.dtype != np.uint8:
            fail(f"the result should be uint8, like the image; yours is {result.dtype}.")
        expect_array(result, expected, what,
                     hint="Add delta in float, clip to 0..255, round, then convert to uint8.")


def _explain_brightness(result: np.ndarray, expected: np.ndarray, image: np.ndarray,
                        delta: float, drawn: dict, what: str) -> None:
    """Fail if ``result`` shows a known mistake: truncating, no clipping, other bounds."""
    raw = image.astype(np.float64) + delta
    if close(result, np.floor(np.clip(raw, 0, 255))):
        fail(
            f"{what}: you truncated instead of rounding: .astype(np.uint8) cuts off the "
            "decimals, so 9.6 becomes 9 instead of 10. Round with np.round first."
        )
    inside = (raw >= 0) & (raw <= 255)
    if close(result[inside], expected[inside]):
        fail(
            f"{what}: the pixels that go past 255 or below 0 are wrong, {result.tolist()}. "
            "Clip to 0..255 with np.clip before converting to uint8, or they wrap around "
            "(or turn into nonsense)."
        )
    value = float(np.ravel(drawn["value"])[0])  # what the answer's call gave
    if drawn["text"].startswith("rng.uniform") and close(
            result, np.round(np.clip(image + value, 0, 255))):
        fail(f"{what}: you called {drawn['text']}, which gave {value:.4g} here. delta goes "
             "from -max_delta to +max_delta: rng.uniform(-max_delta, max_delta).")


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
    return [(x.numpy(), y.numpy()) for x, y in ds.take(limit)]


def _order(make_pipeline: Any, images, labels, batch_size: int, seed: int) -> np.ndarray:
    """The labels of one shuffled epoch, in the order they come out."""
    batches = _batches(call(make_pipeline, images, labels, batch_size, True, seed), 1000)
    return np.concatenate([y for _, y in batches])


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
    if len(shape) != 4 or shape[1:] != (*size, 3):
        fail(f"the elements should be batches of images, of shape (batch, 4, 5, 3); yours have "
             f"shape {shape}" + (": single images. Call .batch(batch_size)."
                                 if len(shape) == 3 else "."))
    if shape[0] is not None:
        fail("the batch size is fixed in the element_spec: did you pass drop_remainder=True? "
             "Keep the last, smaller batch so that every image is used.")
    if image_spec.dtype != tf.float32:
        fail(f"the images should be float32 in 0..1; yours are {image_spec.dtype.name}"
             + (", still 0..255" if image_spec.dtype == tf.uint8 else "")
             + ". Scale them with tf.cast(x, tf.float32) / 255.0 in a .map.")
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
    if "prefetch" not in type(ds).__name__.lower():
        fail("the last step should be .prefetch(tf.data.AUTOTUNE): it prepares the next batch "
             "while the model works on the current one.")

    shuffled = _batches(call(make_pipeline, images, labels, 8, True, 0), 4)
    first = np.concatenate([y for _, y in shuffled])
    if sorted(first.tolist()) != labels.tolist():
        fail("with training=True every image should appear exactly once per epoch; labels "
             f"came out as {first.tolist()}. Shuffle the images, do not draw them at random "
             "with replacement: .shuffle(len(images), seed=seed).")
    if not all(np.allclose(x[:, -1, -1, 0] * 255, 10 * y, atol=1e-3) for x, y in shuffled):
        fail("with training=True the images and the labels no longer match: image i should "
             "keep label i. Shuffle the (image, label) pairs together: "
             "tf.data.Dataset.from_tensor_slices((images, labels)).shuffle(...).")
    if all(np.array_equal(np.sort(y), np.arange(y.min(), y.min() + len(y))) for _, y in shuffled):
        fail(
            "your batches hold consecutive images (at most the order of whole batches changes):"
            " you shuffled after batching, or not at all. Shuffle the images first, with "
            ".shuffle(len(images), seed=seed), then batch, so that each batch mixes images "
            "from all over the data set."
        )
    if _order(make_pipeline, images, labels, 8, 0).tolist() != first.tolist():
        fail("two pipelines built with the same seed gave different orders: pass the seed to "
             "shuffle, .shuffle(len(images), seed=seed).")
    if all(_order(make_pipeline, images, labels, 8, s).tolist() == first.tolist()
           for s in (1, 2)):
        fail("the seeds 0, 1 and 2 all gave the same order: use the seed argument in shuffle.")
    # A realistic size. .shuffle(buffer) fills a buffer with the next `buffer` images and
    # picks one of them at random: the image at place k comes from the first k + buffer, so
    # no image moves more than buffer - 1 places forward. With a buffer of all N images,
    # some image moves 80 % of N places or more (by chance not: odds far below 1 in 100,000).
    n = 1768  # the photos of TrashNet's training split
    order = _order(make_pipeline, np.zeros((n, 1, 1, 3), np.uint8), np.arange(n), 128, 0)
    jump = int((order - np.arange(n)).max())
    if jump < 0.8 * n:
        fail(
            f"on {n} images (as many as TrashNet's training split), with batch_size=128 and "
            f"seed=0, no image moved more than {jump} places forward, as if your shuffle "
            f"buffer held only about {jump + 1} images. .shuffle(buffer_size) picks each next "
            "image among the next buffer_size images only, so a buffer smaller than the data "
            "set leaves the order partly as it was. Use a buffer as large as the data set: "
            ".shuffle(len(images), seed=seed)."
        )


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
