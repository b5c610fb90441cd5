"""Scanning an image folder: what is there and what is odd. Introduced in 02_data.

``scan(root)`` opens every file under the class folders of a data set (the same
layouts as ``helpers.data``: ``<root>/<class>/<file>`` with split files, or split
folders ``<root>/<split>/<class>/<file>``) and returns one row per file, with a
plain-language ``problem`` that says what is odd about it and what the course's
loader (``helpers.data.read_image``) does about it::

    frame = scan.scan(data.locate("trashnet"))
    scan.summary(frame)          # counts per kind of problem
    frame[frame.problem != ""]   # the odd files, explained

Nothing is changed on disk: the scan only reads.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pandas as pd
from PIL import Image, UnidentifiedImageError

from helpers.data import (
    IMAGE_SUFFIXES,
    SPLITS,
    UnreadableImageError,
    class_names,
    list_files,
    read_image,
)

COLUMNS = [
    "path", "class", "split", "format", "mode", "width", "height", "aspect", "bytes",
    "readable", "tf_readable", "problem",
]

# What tf.io.decode_image reads in every TensorFlow version the course supports (not
# TIFF; WebP only in recent versions, so it is left out to be safe).
TF_FORMATS = {"JPEG", "PNG", "GIF", "BMP"}
TINY = 32  # images with a side shorter than this many pixels are reported as tiny

_TRUNCATED = "truncated: the file ends before the image data does"
_EMPTY = "empty: the file has 0 bytes"


def inspect_file(path: str | Path, tiny: int = TINY) -> dict:
    """Facts about one file and what is odd about it (the columns of ``scan``, without
    class and split). ``problem`` is "" for a plain RGB image; several remarks are
    joined with "; "."""
    path = Path(path)
    row: dict = {
        "path": path, "format": None, "mode": None, "width": math.nan, "height": math.nan,
        "aspect": math.nan, "bytes": math.nan, "readable": False, "tf_readable": False,
    }
    notes: list[str] = []
    if not path.is_file():
        row["problem"] = "missing: there is no such file"
        return row
    row["bytes"] = path.stat().st_size
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        if path.name.startswith("."):
            row["problem"] = f"ignored: a hidden file ({path.name}), which the loader skips"
        else:
            kind = f"'{path.suffix}'" if path.suffix else "without a suffix"
            row["problem"] = f"ignored: not an image file name ({kind}), which the loader skips"
        return row
    if row["bytes"] == 0:
        row["problem"] = _EMPTY
        return row
    try:
        with Image.open(path) as img:
            row["format"], row["mode"] = img.format, img.mode
            row["width"], row["height"] = img.size
            frames = getattr(img, "n_frames", 1)
            rotated = img.getexif().get(0x0112, 1) not in (0, 1)  # EXIF orientation tag
            transparent = img.mode == "P" and "transparency" in img.info
    except UnidentifiedImageError:
        row["problem"] = _what_is_it(path)
        return row
    except Image.DecompressionBombError as err:
        row["problem"] = f"too large: the loader skips it ({err})"
        return row
    except Exception as err:  # any failure to read the header means damage
        row["problem"] = _TRUNCATED if _is_truncation(str(err)) else (
            f"damaged: the image header cannot be read ({err})")
        return row
    try:
        image = read_image(path)
    except UnreadableImageError as err:
        detail = err.reason.split("(", 1)[-1].rstrip(")")  # read_image: "damaged ... (why)"
        row["problem"] = _TRUNCATED if _is_truncation(detail) else (
            f"damaged: the image data cannot be decoded ({detail})")
        return row
    row["readable"] = True
    row["height"], row["width"] = image.shape[:2]  # as loaded: after the EXIF rotation
    row["aspect"] = row["width"] / row["height"]
    row["tf_readable"] = row["format"] in TF_FORMATS

    expected = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".bmp": "BMP", ".gif": "GIF",
                ".webp": "WEBP", ".tif": "TIFF", ".tiff": "TIFF"}[path.suffix.lower()]
    if row["format"] != expected:
        notes.append(f"wrong suffix: a {row['format']} file named {path.suffix} "
                     "(decoders go by the content, so it still loads)")
    if not row["tf_readable"]:
        cannot = "not every TensorFlow version decodes" if row["format"] == "WEBP" else (
            "TensorFlow's decoder cannot read")
        notes.append(f"{row['format']}: {cannot} it, so tf.data pipelines leave it out")
    notes.extend(_mode_notes(row["mode"], transparent))
    if rotated:
        notes.append("EXIF rotation: turned upright when loaded")
    if frames > 1:
        notes.append(f"animated ({frames} frames): only the first frame is used")
    if min(row["width"], row["height"]) < tiny:
        notes.append(f"tiny: only {row['width']}x{row['height']} pixels")
    row["problem"] = "; ".join(notes)
    return row


def _is_truncation(message: str) -> bool:
    return any(w in message.lower() for w in ("truncated", "broken data stream"))


def _mode_notes(mode: str, transparent: bool) -> list[str]:
    if mode == "CMYK":
        return ["CMYK colour: converted to RGB when loaded"]
    if mode in ("RGBA", "LA", "PA", "RGBa", "La") or transparent:
        return ["has an alpha channel: composited on white"]
    if mode.startswith("I;16"):
        return ["16-bit: scaled to 8-bit"]
    if mode in ("I", "F"):
        return [f"more than 8 bits per pixel (mode {mode}): scaled to 8-bit"]
    if mode == "L":
        return ["grayscale: copied to 3 channels"]
    if mode == "1":
        return ["black and white (1 bit per pixel): copied to 3 channels"]
    if mode == "P":
        return ["palette colours: converted to RGB"]
    if mode != "RGB":
        return [f"{mode} colour: converted to RGB when loaded"]
    return []


def _what_is_it(path: Path) -> str:
    """Explain a file that PIL does not recognise, from its first bytes."""
    if path.name.startswith("._"):
        return "not an image: a macOS resource fork ('._' file), left by a zip made on a Mac"
    head = path.read_bytes()[:1024]
    lowered = head.lower().lstrip()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "not an image: the file holds a web page (HTML), perhaps a failed download"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and all(c.isprintable() or c in "\r\n\t" for c in text):
        return "not an image: the file holds text"
    return "not an image: the content is no image format PIL knows"


# ---------------------------------------------------------------- a whole folder


def _split_of(root: Path) -> tuple[dict[str, list[str]], list[tuple[Path, str, str]]]:
    """From split files: 'class/file' -> the splits listing it; and listed-but-missing files."""
    listed: dict[str, list[str]] = {}
    missing: list[tuple[Path, str, str]] = []
    for split in SPLITS:
        if not (root / f"{split}.txt").is_file():
            continue
        files = list_files(root, split)
        for path in files.paths:
            listed.setdefault(path.relative_to(root).as_posix(), []).append(split)
        for path, reason in files.skipped:
            missing.append((path, split, reason))
    return listed, missing


def scan(root: str | Path, tiny: int = TINY) -> pd.DataFrame:
    """One row per file in the class folders of ``root`` (images, odd files and others).

    Columns: path, class, split (from split files or split folders; None without
    either), format and mode (as PIL names them), width, height and aspect
    (width / height, as loaded), bytes, readable (``helpers.data.read_image``
    can load it), tf_readable (TensorFlow's decoder can too), problem (a
    plain-language explanation; "" when nothing is odd). Exact duplicates are
    reported too: each file of a group with the same bytes names the others. Files
    that a split file lists but that are missing get a row of their own.
    """
    root = Path(root)
    names = class_names(root)
    split_folders = (root / "train").is_dir() and not (root / "train.txt").is_file()
    listed, missing = ({}, []) if split_folders else _split_of(root)
    rows, digests = [], {}  # digests: md5 of the bytes -> the files that have them
    bases = [(root / s, s) for s in SPLITS if (root / s).is_dir()] if split_folders else [
        (root, None)
    ]
    for base, folder_split in bases:
        for name in names:
            folder = base / name
            if not folder.is_dir():
                continue
            for path in sorted(p for p in folder.iterdir() if p.is_file()):
                row = inspect_file(path, tiny)
                row["class"] = name
                rel = path.relative_to(root).as_posix()
                notes = [row["problem"]] if row["problem"] else []
                if folder_split is not None:
                    row["split"] = folder_split
                elif listed or missing:
                    splits = listed.get(rel, [])
                    row["split"] = "+".join(splits) if splits else None
                    if len(splits) > 1:
                        notes.append(f"in {len(splits)} splits: {' and '.join(splits)}")
                    elif not splits and row["readable"]:
                        notes.append("in no split: no split file lists it")
                else:
                    row["split"] = None
                if row["format"] is not None:  # an image file with content
                    row["_digest"] = hashlib.md5(path.read_bytes(), usedforsecurity=False).digest()
                    digests.setdefault(row["_digest"], []).append(rel)
                row["_notes"] = notes
                rows.append(row)
    for row in rows:  # every file of a group of identical files names the others
        same = digests.get(row.pop("_digest", None), [])
        rel = Path(row["path"]).relative_to(root).as_posix()
        if len(same) > 1:
            others = ", ".join(r for r in same if r != rel)
            row["_notes"].append(f"duplicate: the same bytes as {others}")
        row["problem"] = "; ".join(row.pop("_notes"))
    for path, split, reason in missing:
        rows.append({
            "path": path, "class": Path(path).parent.name, "split": split, "bytes": math.nan,
            "readable": False, "tf_readable": False, "problem": f"missing: {reason}",
        })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({"readable": bool, "tf_readable": bool})


def summary(frame: pd.DataFrame) -> pd.Series:
    """Print a one-line overview of a ``scan`` and return the number of files per
    kind of problem (the words before the first colon of each remark)."""
    kinds = [
        remark.split(":")[0]
        for problem in frame["problem"]
        for remark in (problem.split("; ") if problem else [])
    ]
    counts = pd.Series(kinds, dtype=object).value_counts().rename("files")
    counts.index.name = "problem"
    classes = frame["class"].nunique()
    print(
        f"{len(frame)} files in {classes} class folder(s): {int(frame['readable'].sum())} "
        f"readable, {int((~frame['readable']).sum())} not; "
        f"{int((frame['problem'] != '').sum())} with something to report."
    )
    return counts
