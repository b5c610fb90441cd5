"""Checks of the exercises of 00_setup."""

from __future__ import annotations

import tempfile
from pathlib import Path

from helpers.checks import Exercise, call, expect_equal, fail


def _test_count_images(count_images) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        layout = {
            "glass": ["g1.jpg", "g2.jpg", "g3.jpeg", "notes.txt"],
            "paper": ["p1.JPG", "p2.png"],
            ".ipynb_checkpoints": ["x.jpg"],
        }
        for folder, files in layout.items():
            (root / folder).mkdir()
            for name in files:
                (root / folder / name).write_bytes(b"")
        (root / "README.md").write_text("not a class")
        counts = call(count_images, root)
        if not isinstance(counts, dict):
            fail(f"count_images should return a dict; yours returned a {type(counts).__name__}.")
        if ".ipynb_checkpoints" in counts:
            fail("hidden folders (names starting with '.') are not classes: skip them.")
        if "README.md" in counts:
            fail("only folders are classes: skip files that sit directly in the root.")
        expect_equal(
            sorted(counts),
            ["glass", "paper"],
            "the classes (keys)",
            "Each sub-folder of the root is one class.",
        )
        if counts["glass"] == 4:
            fail("'glass' holds 3 images and a .txt file: count image files only.")
        if counts["paper"] == 1 or counts["glass"] == 2:
            fail(
                "some images were missed: accept .jpg, .jpeg and .png, in upper or lower case "
                "(`path.suffix.lower()`)."
            )
        expect_equal(counts, {"glass": 3, "paper": 2}, "the counts")


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
    expect_equal(call(batches_per_epoch, 64, 32), 2, "batches_per_epoch(64, 32)")
    got = call(batches_per_epoch, 100, 32)
    if got == 3:
        fail(
            "batches_per_epoch(100, 32) is 4: three full batches of 32 and a last one of 4. "
            "Integer division drops that last batch."
        )
    if isinstance(got, float):
        fail(f"return a whole number of batches (an int); yours is {got!r}.")
    expect_equal(got, 4, "batches_per_epoch(100, 32)")
    expect_equal(call(batches_per_epoch, 33, 32), 2, "batches_per_epoch(33, 32)")
    expect_equal(call(batches_per_epoch, 5, 32), 1, "batches_per_epoch(5, 32)")


q2_batches_per_epoch = Exercise(
    name="q2_batches_per_epoch",
    answer="batches_per_epoch",
    test=_test_batches_per_epoch,
    hints=[
        "One epoch shows every image once; the last batch may be smaller than the others.",
        "Round the division up: `math.ceil(n_images / batch_size)`, or `-(-a // b)`.",
    ],
)
