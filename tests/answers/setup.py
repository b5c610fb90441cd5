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
        {
            "how": "os.walk's top level, and NumPy counts (np.int64 values)",
            "code": '''import os

import numpy as np

def count_images(root):
    """Number of image files in each class folder of `root`."""
    top, folders, _ = next(os.walk(root))
    counts = {}
    for folder in folders:
        if folder.startswith("."):
            continue
        suffixes = [os.path.splitext(f)[1].lower() for f in os.listdir(os.path.join(top, folder))]
        counts[folder] = np.isin(suffixes, [".jpg", ".jpeg", ".png"]).sum()
    return counts
''',
        },
        {
            "how": "glob patterns with character classes, one per suffix",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    counts = {}
    for folder in Path(root).glob("*"):
        if folder.is_dir() and not folder.name.startswith("."):
            patterns = ("*.[jJ][pP][gG]", "*.[jJ][pP][eE][gG]", "*.[pP][nN][gG]")
            counts[folder.name] = sum(len(list(folder.glob(p))) for p in patterns)
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
        {
            "how": "floor division plus a bool for the left-over",
            "code": '''def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    return n_images // batch_size + (n_images % batch_size > 0)
''',
        },
        {
            "how": "the length of a range of batch starts",
            "code": '''def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    return len(range(0, n_images, batch_size))
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
        {
            "why": "calls root.iterdir() without Path(root): fails when root is a str",
            "diagnosis": "when root is a str",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    return {d.name: sum(p.suffix.lower() in {".jpg", ".jpeg", ".png"} for p in d.iterdir())
            for d in root.iterdir() if d.is_dir() and not d.name.startswith(".")}
''',
        },
        {
            "why": "builds paths by adding strings: fails when root is a Path",
            "diagnosis": "when root is a Path",
            "code": '''import os

def count_images(root):
    """Number of image files in each class folder of `root`."""
    counts = {}
    for name in os.listdir(root):
        folder = root + "/" + name
        if os.path.isdir(folder) and not name.startswith("."):
            counts[name] = sum(f.lower().endswith((".jpg", ".jpeg", ".png"))
                               for f in os.listdir(folder))
    return counts
''',
        },
        {
            "why": "tests the suffix as a substring: files with no suffix count as images",
            "diagnosis": "files with no suffix",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    return {d.name: sum(p.suffix.lower() in ".jpg .jpeg .png" for p in d.iterdir())
            for d in Path(root).iterdir() if d.is_dir() and not d.name.startswith(".")}
''',
        },
        {
            "why": "counts every image type (mimetypes), GIF included",
            "diagnosis": "anim.gif was counted",
            "code": '''import mimetypes

def count_images(root):
    """Number of image files in each class folder of `root`."""
    counts = {}
    for d in Path(root).iterdir():
        if d.is_dir() and not d.name.startswith("."):
            kinds = [mimetypes.guess_type(p.name)[0] or "" for p in d.iterdir()]
            counts[d.name] = sum(kind.startswith("image/") for kind in kinds)
    return counts
''',
        },
        {
            "why": "os.walk, skipping the root with folder == root: a Path root never equals a str",
            "diagnosis": "different results for the same folder",
            "code": '''import os

def count_images(root):
    """Number of image files in each class folder of `root`."""
    counts = {}
    for folder, _, files in os.walk(root):
        name = os.path.basename(folder)
        if folder == root or name.startswith("."):
            continue
        counts[name] = sum(f.lower().endswith((".jpg", ".jpeg", ".png")) for f in files)
    return counts
''',
        },
        {
            "why": "calls the suffix like a method, p.suffix()",
            "diagnosis": "'str' object is not callable",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    return {d.name: sum(p.suffix().lower() in {".jpg", ".jpeg", ".png"} for p in d.iterdir())
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
        {
            "why": "adds 0.999 before int(): misses a left-over of 1 image in a large batch",
            "diagnosis": "adding a fixed amount",
            "code": '''def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    return int(n_images / batch_size + 0.999)
''',
        },
    ],
}
