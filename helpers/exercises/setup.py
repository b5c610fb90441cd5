"""Checks of the exercises of 00_setup."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from helpers.checks import Exercise, call, expect_equal, fail


def _test_count_images(count_images) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        layout = {
            "glass": ["g1.jpg", "g2.jpg", "g3.jpeg", "notes.txt"],
            "paper": ["p1.JPG", "p2.png"],
            "trash": [],
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
        if sorted(counts) == ["glass", "paper"]:
            fail(
                "the folder 'trash' holds no images, and it is still a class: count it as 0. "
                "Go through the class folders, not through the image files."
            )
        expect_equal(
            sorted(counts),
            ["glass", "paper", "trash"],
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
        expect_equal(counts, {"glass": 3, "paper": 2, "trash": 0}, "the counts")


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
    cases = [(64, 32), (100, 32), (33, 32), (5, 32), (60, 32), (1, 1), (1_000_001, 1000)]
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
    for (n, size), value in got.items():
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
