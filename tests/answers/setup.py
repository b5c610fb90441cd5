"""Recorded answers to the exercises of 00_setup, right and wrong.

``CORRECT``: answers written another way than the reference (other library calls,
other idioms, extra prints); each must be told "Correct" and earn full marks.
``MISTAKES``: common wrong answers; each must be told "Incorrect" with a message
that contains its ``diagnosis`` (case ignored), and lose its exercise's points.
Each ``code`` is the complete source of an answer cell, as a learner might write it.
"""

CORRECT = {
    "q1_count_images": [
        {
            "how": "os.scandir and str.endswith, with a debug print",
            "code": '''import os

def count_images(root):
    """Number of image files in each class folder of `root`."""
    counts = {}
    for entry in os.scandir(root):
        if entry.is_dir() and not entry.name.startswith("."):
            files = os.listdir(entry.path)
            counts[entry.name] = sum(f.lower().endswith((".jpg", ".jpeg", ".png")) for f in files)
    print("counted:", counts)
    return counts
''',
        },
        {
            "how": "glob over every file, a loop, and a sorted dict",
            "code": '''import glob
import os

def count_images(root):
    """Number of image files in each class folder of `root`."""
    counts = {}
    for folder in sorted(glob.glob(os.path.join(str(root), "*"))):
        name = os.path.basename(folder)
        if not os.path.isdir(folder) or name.startswith("."):
            continue
        counts[name] = 0
        for path in glob.glob(os.path.join(folder, "*")):
            if os.path.splitext(path)[1].lower() in (".jpg", ".jpeg", ".png"):
                counts[name] += 1
    return counts
''',
        },
    ],
    "q2_batches_per_epoch": [
        {
            "how": "integer arithmetic, rounding up without math",
            "code": '''def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    return (n_images + batch_size - 1) // batch_size
''',
        },
        {
            "how": "NumPy's ceil converted to int, and divmod in a print",
            "code": '''import numpy as np

def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    full, rest = divmod(n_images, batch_size)
    print(f"{full} full batches and a last one of {rest}")
    return int(np.ceil(n_images / batch_size))
''',
        },
    ],
}

MISTAKES = {
    "q1_count_images": [
        {
            "why": "counts every file, not only images",
            "diagnosis": "count image files only",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    root = Path(root)
    return {d.name: len(list(d.iterdir())) for d in root.iterdir()
            if d.is_dir() and not d.name.startswith(".")}
''',
        },
        {
            "why": "keeps hidden folders such as .ipynb_checkpoints as a class",
            "diagnosis": "hidden folders",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    root = Path(root)
    return {d.name: sum(p.suffix.lower() in {".jpg", ".jpeg", ".png"} for p in d.iterdir())
            for d in root.iterdir() if d.is_dir()}
''',
        },
        {
            "why": "matches suffixes case-sensitively and misses .JPG and .jpeg",
            "diagnosis": "upper or lower case",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    root = Path(root)
    return {d.name: len(list(d.glob("*.jpg"))) + len(list(d.glob("*.png")))
            for d in root.iterdir() if d.is_dir() and not d.name.startswith(".")}
''',
        },
        {
            "why": "counts from a list of image paths, so a class with no image disappears",
            "diagnosis": "no images",
            "code": '''from collections import Counter

def count_images(root):
    """Number of image files in each class folder of `root`."""
    images = [p for p in Path(root).glob("*/*") if p.suffix.lower() in {".jpg", ".jpeg", ".png"}
              and not p.parent.name.startswith(".")]
    return dict(Counter(p.parent.name for p in images))
''',
        },
        {
            "why": "treats files in the root as classes",
            "diagnosis": "only folders are classes",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    suffixes = {".jpg", ".jpeg", ".png"}
    return {d.name: sum(p.suffix.lower() in suffixes for p in d.iterdir()) if d.is_dir() else 0
            for d in Path(root).iterdir() if not d.name.startswith(".")}
''',
        },
        {
            "why": "returns a pandas Series, not a dict",
            "diagnosis": "should return a dict",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    suffixes = {".jpg", ".jpeg", ".png"}
    return pd.Series({d.name: sum(p.suffix.lower() in suffixes for p in d.iterdir())
                      for d in Path(root).iterdir() if d.is_dir() and not d.name.startswith(".")})
''',
        },
        {
            "why": "returns the image files of each class instead of their number",
            "diagnosis": "the counts should be",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    suffixes = {".jpg", ".jpeg", ".png"}
    return {d.name: sorted(p.name for p in d.iterdir() if p.suffix.lower() in suffixes)
            for d in Path(root).iterdir() if d.is_dir() and not d.name.startswith(".")}
''',
        },
    ],
    "q2_batches_per_epoch": [
        {
            "why": "integer division drops the last, smaller batch",
            "diagnosis": "drops that last batch",
            "code": '''def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    return n_images // batch_size
''',
        },
        {
            "why": "rounds to the nearest instead of up",
            "diagnosis": "round the division up",
            "code": '''def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    return round(n_images / batch_size)
''',
        },
        {
            "why": "returns a float",
            "diagnosis": "an int",
            "code": '''def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    return n_images / batch_size
''',
        },
        {
            "why": "always adds one batch, even when the images fill the batches exactly",
            "diagnosis": "fill whole batches exactly",
            "code": '''def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    return n_images // batch_size + 1
''',
        },
        {
            "why": "divides the batch size by the number of images (arguments swapped)",
            "diagnosis": "batches_per_epoch(64, 32) should be 2",
            "code": '''import math

def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    return math.ceil(batch_size / n_images)
''',
        },
    ],
}
