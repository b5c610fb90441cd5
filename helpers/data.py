"""Finding, reading and splitting image data sets. Introduced in 00_setup and 01_pixels.

A data set is a folder ``<root>/<class>/<image>``. Splits come either from split
files ``<root>/<split>.txt`` (one ``class/file.jpg`` per line, like TrashNet's
official split) or from split folders ``<root>/<split>/<class>/<image>`` (like
the TensorFlow tutorials' cats-vs-dogs set).

``load_images`` gives NumPy arrays; ``helpers.pipeline.make_dataset`` streams the
same files as a ``tf.data.Dataset``.

Where a data set is found, in order: a folder you pass, the environment variable
``COURSE_DATA_<NAME>``, the downloaded full copy under the data home (in ``full``
mode), else the sample bundled with this package.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from helpers import modes
from helpers.storage import env_var, full_copy, sample_dir

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff"}
SPLITS = ("train", "val", "test")


class DataError(Exception):
    """A data set cannot be used; the message says why and what to do."""


class DataNotFoundError(DataError):
    """The data set is not where it was looked for."""


class UnreadableImageError(DataError):
    """One image file cannot be decoded."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


def locate(name: str = "trashnet", root: str | Path | None = None, mode: str | None = None) -> Path:
    """The folder of data set ``name`` for this run (see the module docstring).

    ``full`` mode uses the full copy; ``quick`` and ``grading`` use the bundled sample.
    """
    if root is not None:
        path = Path(root).expanduser()
        if not path.is_dir():
            raise DataNotFoundError(f"There is no folder {path}: check the path you gave.")
        return path
    mode = mode or modes.current_mode(name)
    if mode == "full":
        path = full_copy(name)
        if path is None:
            raise DataNotFoundError(
                f"full mode needs the full '{name}' data set, and there is no copy yet. "
                f"Download it with `python data_scripts/download.py {name}` (or "
                f"`helpers.download.fetch('{name}')` in a notebook), point "
                f"{env_var(name)} at a copy you have, or use quick mode."
            )
        if not path.is_dir():
            raise DataNotFoundError(f"{env_var(name)} points at {path}, which is not a folder.")
        return path
    path = sample_dir(name)
    if path is None:
        raise DataNotFoundError(
            f"No sample of '{name}' is bundled with the course: download the full data set "
            f"with `python data_scripts/download.py {name}` and use full mode."
        )
    return path


# ---------------------------------------------------------------- reading files


def read_image(path: str | Path) -> np.ndarray:
    """Read one image as an RGB ``uint8`` array of shape (height, width, 3).

    Grayscale, palette, RGBA (composited on white), CMYK and 16-bit images are
    converted; the EXIF orientation is applied. A file that cannot be decoded
    raises ``UnreadableImageError`` with the reason. Introduced in 01_pixels.
    """
    path = Path(path)
    try:
        with Image.open(path) as img:
            img.load()
            img = ImageOps.exif_transpose(img)
            return _to_rgb8(img)
    except FileNotFoundError:
        raise UnreadableImageError(path, "the file does not exist") from None
    except IsADirectoryError:
        raise UnreadableImageError(path, "this is a folder, not an image file") from None
    except PermissionError:
        raise UnreadableImageError(path, "no permission to read this file") from None
    except UnidentifiedImageError:
        raise UnreadableImageError(path, "not an image file (or an unknown format)") from None
    except Image.DecompressionBombError as err:
        raise UnreadableImageError(path, f"too large to decode safely ({err})") from None
    except (OSError, SyntaxError, ValueError) as err:
        raise UnreadableImageError(path, f"damaged or truncated image ({err})") from None


def _to_rgb8(img: Image.Image) -> np.ndarray:
    if img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        # 16-bit or 32-bit grayscale: scale the full range down to 0..255.
        arr = np.asarray(img, dtype=np.float64)
        top = 65535.0 if img.mode.startswith("I;16") or arr.max() > 255 else 255.0
        gray = np.clip(np.round(arr / top * 255.0), 0, 255).astype(np.uint8)
        return np.repeat(gray[:, :, None], 3, axis=2)
    if img.mode == "P" and "transparency" in img.info:
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA", "PA", "RGBa"):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, rgba)
    return np.asarray(img.convert("RGB"), dtype=np.uint8).copy()


# ---------------------------------------------------------------- listing a data set


@dataclass
class FileList:
    """The image files of one split, with their class, and what was skipped."""

    paths: list[Path]
    labels: list[int]
    class_names: list[str]
    skipped: list[tuple[Path, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Number of files per class name."""
        per_label = Counter(self.labels)
        return {name: per_label.get(i, 0) for i, name in enumerate(self.class_names)}


def class_names(root: str | Path) -> list[str]:
    """The class folders of a data set, sorted; a clear error if the layout is wrong."""
    root = Path(root)
    if not root.is_dir():
        raise DataNotFoundError(f"There is no data set folder {root}.")
    base = root / "train" if _has_split_folders(root) else root
    names = sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not names:
        loose = [p.name for p in root.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES]
        hint = (
            f" It holds {len(loose)} image files directly: put each in a folder named "
            "after its class."
            if loose
            else ""
        )
        raise DataError(f"{base} has no class folders: expected <root>/<class>/<image>.{hint}")
    empty = [n for n in names if not any(images_in(base / n))]
    if empty:
        raise DataError(
            f"These class folders of {base} hold no images: {', '.join(empty)}. "
            "Add images or remove the empty folders."
        )
    return names


def list_files(root: str | Path, split: str | None = None) -> FileList:
    """The image files of ``root`` (one split of it, or all), sorted, with labels."""
    root = Path(root)
    names = class_names(root)
    index = {n: i for i, n in enumerate(names)}
    pairs: list[tuple[Path, str]] = []
    skipped: list[tuple[Path, str]] = []
    if split is None:
        bases = [root / s for s in SPLITS if (root / s).is_dir()] or [root]
        pairs = [(p, p.parent.name) for b in bases for n in names for p in images_in(b / n)]
    elif (root / f"{split}.txt").is_file():
        for line in (root / f"{split}.txt").read_text().splitlines():
            rel = line.strip()
            if not rel:
                continue
            path = root / rel
            cls = Path(rel).parts[0]
            if cls not in index:
                skipped.append((path, f"class '{cls}' in {split}.txt is not a folder of {root}"))
            elif not path.is_file():
                skipped.append((path, f"listed in {split}.txt but missing"))
            else:
                pairs.append((path, cls))
    elif (root / split).is_dir():
        pairs = [(p, n) for n in names for p in images_in(root / split / n)]
    else:
        raise DataError(
            f"{root} has no split '{split}': expected a file {split}.txt or a folder {split}/."
        )
    pairs.sort(key=lambda pc: (index[pc[1]], str(pc[0])))
    return FileList(
        paths=[p for p, _ in pairs],
        labels=[index[c] for _, c in pairs],
        class_names=names,
        skipped=skipped,
    )


def _has_split_folders(root: Path) -> bool:
    return (root / "train").is_dir() and not (root / "train.txt").is_file()


def images_in(folder: Path) -> list[Path]:
    """The image files of one folder, sorted (hidden files such as macOS's ``._x.jpg``
    left out); an empty list if the folder does not exist."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file() and not p.name.startswith(".")
    )


# ---------------------------------------------------------------- loading arrays


@dataclass
class ImageSet:
    """Images of one split as arrays: ``images`` (N, H, W, 3) uint8, ``labels`` (N,)."""

    images: np.ndarray
    labels: np.ndarray
    class_names: list[str]
    paths: list[Path]
    skipped: list[tuple[Path, str]]

    def __len__(self) -> int:
        return len(self.labels)


def load_images(
    name: str = "trashnet",
    split: str | None = "train",
    image_size: int | tuple[int, int] = 64,
    images_per_class: int | None = None,
    root: str | Path | None = None,
    seed: int = 42,
    verbose: bool = True,
) -> ImageSet:
    """Load one split of a data set as NumPy arrays, resized to ``image_size``.

    Unreadable files are skipped and reported (which file, why) instead of
    stopping the run. ``images_per_class`` keeps a seeded random subset.
    Introduced in 01_pixels.
    """
    folder = locate(name, root)
    files = subset(list_files(folder, split), images_per_class, seed)
    size = (image_size, image_size) if isinstance(image_size, int) else tuple(image_size)
    images, labels, paths = [], [], []
    skipped = list(files.skipped)
    for path, label in zip(files.paths, files.labels, strict=True):
        try:
            image = read_image(path)
        except UnreadableImageError as err:
            skipped.append((err.path, err.reason))
            continue
        images.append(_resize(image, size))
        labels.append(label)
        paths.append(path)
    if not images:
        raise DataError(f"No readable image in split '{split}' of {folder}.")
    if verbose and skipped:
        print(f"Skipped {len(skipped)} file(s) of {folder}:")
        for path, reason in skipped:
            print(f"  {path.name}: {reason}")
    return ImageSet(
        images=np.stack(images),
        labels=np.asarray(labels, dtype=np.int64),
        class_names=files.class_names,
        paths=paths,
        skipped=skipped,
    )


def _resize(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Resize to (height, width); area interpolation when shrinking keeps detail honest."""
    import cv2

    height, width = size
    if image.shape[:2] == (height, width):
        return image
    shrinking = height < image.shape[0] or width < image.shape[1]
    interpolation = cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR
    return cv2.resize(image, (width, height), interpolation=interpolation)


def subset(files: FileList, per_class: int | None, seed: int = 42) -> FileList:
    """A seeded random subset of ``per_class`` files per class (``None``: all of them),
    in the original order; ``load_images`` picks the same files. Introduced in 02_data."""
    if per_class is None:
        return files
    rng = random.Random(seed)
    chosen: list[int] = []
    for label in range(len(files.class_names)):
        members = [i for i, lab in enumerate(files.labels) if lab == label]
        rng.shuffle(members)
        chosen.extend(members[:per_class])
    chosen.sort()
    return FileList(
        paths=[files.paths[i] for i in chosen],
        labels=[files.labels[i] for i in chosen],
        class_names=list(files.class_names),
        skipped=list(files.skipped),
    )
