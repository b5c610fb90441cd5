"""Checks of the exercises of 00_setup."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from helpers.checks import Exercise, call, expect_equal, fail


def _make_folders(root: Path, layout: dict[str, list[str]]) -> None:
    for folder, files in layout.items():
        (root / folder).mkdir()
        for name in files:
            (root / folder / name).write_bytes(b"")


def _counts_both_ways(count_images, root: Path):
    """count_images(root) with root as a Path (what data.locate returns) and as a str:
    both must work and agree. Returns the counts."""
    # AttributeError and TypeError are what mixing up str and Path raises.
    try:
        counts = call(count_images, root)
    except (AttributeError, TypeError) as err:
        try:
            count_images(str(root))
        except (AttributeError, TypeError):
            raise err from None  # not a str / Path mix-up: report the learner's own error
        fail(
            f"count_images works when root is a str, but raised {type(err).__name__} ({err}) "
            "when root is a Path, which is what data.locate returns. Accept both: start with "
            "root = Path(root)."
        )
    try:
        from_str = count_images(str(root))
    except (AttributeError, TypeError) as err:
        fail(
            f"count_images works when root is a Path, but raised {type(err).__name__} ({err}) "
            "when root is a str, such as 'data/trashnet'. Accept both: start with "
            "root = Path(root)."
        )
    if not isinstance(counts, dict):
        fail(f"count_images should return a dict; yours returned a {type(counts).__name__}.")
    if counts != from_str:
        fail(
            f"count_images gives different results for the same folder as a Path, {counts!r}, "
            f"and as a str, {from_str!r}: somewhere a Path and a str are compared (a str never "
            "equals a Path) or combined. Convert root once, at the start (root = Path(root)), "
            "and compare paths of one type."
        )
    return counts


def _counted(count_images, name: str):
    """What count_images says of a class folder holding one file, ``name``."""
    with tempfile.TemporaryDirectory() as tmp:
        _make_folders(Path(tmp), {"probe": [name]})
        counts = call(count_images, Path(tmp))
    return counts.get("probe") if isinstance(counts, dict) else None


def _test_count_images(count_images) -> None:
    expected = {"glass": 3, "paper": 2, "trash": 0}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _make_folders(root, {
            "glass": ["g1.jpg", "g2.jpg", "g3.jpeg", "notes.txt", "anim.gif"],
            "paper": ["p1.JPG", "p2.png", ".DS_Store", "labels"],  # the last two: no suffix
            "trash": [],
            ".ipynb_checkpoints": ["x.jpg"],
        })
        (root / "README.md").write_text("not a class")
        counts = _counts_both_ways(count_images, root)
    if ".ipynb_checkpoints" in counts:
        fail("hidden folders (names starting with '.') are not classes: skip them.")
    if "README.md" in counts:
        fail("only folders are classes: skip files that sit directly in the root.")
    if sorted(counts) == ["glass", "paper"]:
        fail(
            "the folder 'trash' holds no images, and it is still a class: count it as 0. "
            "Go through the class folders, not through the image files."
        )
    expect_equal(sorted(counts), sorted(expected), "the classes (keys)",
                 "Each sub-folder of the root is one class.")
    if counts == expected:
        return
    # Find out which files are miscounted: one class folder with one file at a time.
    others = [n for n in ("notes.txt", "anim.gif", ".DS_Store", "labels")
              if _counted(count_images, n) == 1]
    if others and set(others) <= {".DS_Store", "labels"}:
        fail(
            f"files with no suffix ({' and '.join(others)}) were counted as images. Their "
            "suffix is '', and '' is part of every string: `'' in '.jpg .jpeg .png'` is "
            "True. Compare the whole suffix with a set: "
            "`p.suffix.lower() in {'.jpg', '.jpeg', '.png'}`."
        )
    if others == ["anim.gif"]:
        fail(
            "anim.gif was counted as an image. The data set's images are .jpg, .jpeg and .png "
            "files: count those three suffixes only, not every image type (GIF, BMP, TIFF)."
        )
    if others:
        fail(
            f"{', '.join(others)} were counted, and none of them is a .jpg, .jpeg or .png "
            "file: count image files only."
        )
    images = ("g1.jpg", "g3.jpeg", "p1.JPG", "p2.png")
    missed = [n for n in images if _counted(count_images, n) == 0]
    if missed:
        fail(
            f"some images were missed ({', '.join(missed)}): accept .jpg, .jpeg and .png, in "
            "upper or lower case (`path.suffix.lower()`)."
        )
    expect_equal(counts, expected, "the counts")


q1_count_images = Exercise(
    name="q1_count_images",
    answer="count_images",
    test=_test_count_images,
    hints=[
        "`Path(root).iterdir()` lists a folder; `p.is_dir()` tells folders from files.",
        "A file is an image if `p.suffix.lower()` is one of '.jpg', '.jpeg', '.png'.",
        "Skip folders whose name starts with '.', such as .ipynb_checkpoints.",
    ],
)


def _test_batches_per_epoch(batches_per_epoch) -> None:
    cases = [(64, 32), (100, 32), (33, 32), (5, 32), (60, 32), (1, 1), (1_000_001, 1000),
             (4097, 4096)]
    got = {case: call(batches_per_epoch, *case) for case in cases}
    for (n, size), value in got.items():
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool):
            fail(
                f"return a whole number of batches (an int); batches_per_epoch({n}, {size}) "
                f"returned {value!r}."
            )
    if all(value == n // size for (n, size), value in got.items()):
        fail(
            "batches_per_epoch(100, 32) is 4: three full batches of 32 and a last one of 4. "
            "Integer division drops that last batch."
        )
    if all(value == n // size + 1 for (n, size), value in got.items()):
        fail(
            "64 images fill whole batches exactly: 2 batches of 32, not 3. Add a batch only "
            "when some images are left over."
        )
    if all(value == round(n / size) for (n, size), value in got.items()):
        fail(
            "batches_per_epoch(60, 32) is 2 but batches_per_epoch(33, 32) is 2 too: any left-over "
            "images make one more batch. You rounded to the nearest; round the division up."
        )
    wrong = [(n, size, value) for (n, size), value in got.items() if value != -(-n // size)]
    # Each wrong case drops its left-over batch while other left-overs are counted: the
    # division was rounded up by a fixed nudge (+ 0.999, say), not exactly.
    if wrong and all(value == n // size and n % size for n, size, value in wrong):
        n, size, value = wrong[0]
        fail(
            f"batches_per_epoch({n}, {size}) should be {n // size + 1}: {n // size} full "
            f"batch(es) and a last one of {n % size} image(s); yours is {value}. Any left-over, "
            "however small next to the batch size, makes one more batch; adding a fixed "
            "amount (0.999, say) before rounding down misses the smallest ones. Round up "
            "exactly: math.ceil(n_images / batch_size)."
        )
    for n, size, value in wrong:
        expect_equal(value, -(-n // size), f"batches_per_epoch({n}, {size})")


q2_batches_per_epoch = Exercise(
    name="q2_batches_per_epoch",
    answer="batches_per_epoch",
    test=_test_batches_per_epoch,
    hints=[
        "One epoch shows every image once; the last batch may be smaller than the others.",
        "Round the division up: `math.ceil(n_images / batch_size)`, or `-(-a // b)`.",
    ],
)
