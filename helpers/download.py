"""Downloading and verifying the full data sets. Introduced in 00_setup.

``fetch(name)`` downloads a data set of ``DATASETS`` into the data home
(``helpers.storage.data_home()``), checks it, and only then puts it in place: a
failed or interrupted download never leaves partial data behind, and a previous
good copy survives a failed re-download. Offline, install an archive downloaded
by hand with ``fetch(name, archive=path)``. ``download_file(url, dest)`` does the
same for one file (07_transfer_learning's ImageNet weights). From a terminal::

    python data_scripts/download.py trashnet
"""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import shutil
import ssl
import tempfile
import time
import urllib.error
import urllib.request
import warnings
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from tqdm.auto import tqdm

from helpers.data import DataError, UnreadableImageError, images_in, read_image
from helpers.storage import COMPLETE_MARKER, data_home

BACKOFF_SECONDS = 2.0  # the wait before try n + 1 is BACKOFF_SECONDS * 2 ** (n - 1)
RETRY_STATUS = {408, 429, 500, 502, 503, 504}  # server answers worth another try
TEMP_SUFFIX = ".partial"  # work folders are ".<name>.<random>.partial" beside the destination
STALE_SECONDS = 3600  # a work folder untouched this long belongs to a killed run
NOTE_FILE = "SOURCE.txt"  # where the data came from, its licence, what was removed
USER_AGENT = "image-classification-course (Python urllib)"  # some servers turn away the default


class DownloadError(DataError):
    """A data set could not be downloaded; the message says why and what to do."""


class VerificationError(DownloadError):
    """The downloaded data is not what was expected, so it was not installed."""


@dataclass(frozen=True)
class Source:
    """Where a data set comes from and what a good copy of it holds.

    ``counts`` maps each image folder of the installed copy (``class`` or
    ``split/class``) to its number of images; the folders' names are the classes.
    """

    name: str
    title: str
    url: str  # the zip archive
    archive_root: str  # the folder inside the archive that holds the data
    counts: Mapping[str, int]
    licence: str
    rename: Mapping[str, str] = field(default_factory=dict)  # archive folder -> installed name
    split_urls: Mapping[str, str] = field(default_factory=dict)  # split -> "file.jpg label" list
    split_sizes: Mapping[str, int] = field(default_factory=dict)  # split -> number of files
    tolerance: int = 0  # how far a folder's count may be from the expected one
    check_images: bool = False  # decode every image; remove (and report) unreadable ones

    @property
    def classes(self) -> list[str]:
        """The expected class names, sorted."""
        return sorted({PurePosixPath(folder).name for folder in self.counts})

    def with_urls(self, urls: Mapping[str, str] | None) -> Source:
        """This source with some URLs replaced; keys are ``archive`` or a split name."""
        if not urls:
            return self
        unknown = set(urls) - {"archive", *self.split_urls}
        if unknown:
            raise ValueError(
                f"Unknown URL key(s) {sorted(unknown)} for {self.name}: "
                f"use 'archive' or one of {sorted(self.split_urls)}."
            )
        splits = {split: urls.get(split, url) for split, url in self.split_urls.items()}
        return replace(self, url=urls.get("archive", self.url), split_urls=splits)


_TRASHNET_SPLIT = (
    "https://raw.githubusercontent.com/garythung/trashnet/master/data/"
    "one-indexed-files-notrash_{}.txt"
)

DATASETS: dict[str, Source] = {
    "trashnet": Source(
        name="trashnet",
        title="TrashNet (garbage classification, 6 classes)",
        url="https://github.com/garythung/trashnet/raw/master/data/dataset-resized.zip",
        archive_root="dataset-resized",
        counts={
            "cardboard": 403,
            "glass": 501,
            "metal": 410,
            "paper": 594,
            "plastic": 482,
            "trash": 137,
        },
        split_urls={split: _TRASHNET_SPLIT.format(split) for split in ("train", "val", "test")},
        split_sizes={"train": 1768, "val": 328, "test": 431},
        licence="MIT License, Copyright (c) 2017 Gary Thung (github.com/garythung/trashnet)",
    ),
    "cats_vs_dogs": Source(
        name="cats_vs_dogs",
        title="Cats vs dogs (the TensorFlow tutorials' filtered set)",
        url="https://storage.googleapis.com/mledu-datasets/cats_and_dogs_filtered.zip",
        archive_root="cats_and_dogs_filtered",
        counts={"train/cats": 1000, "train/dogs": 1000, "val/cats": 500, "val/dogs": 500},
        rename={"validation": "val"},
        licence=(
            "A subset of Kaggle's Dogs vs. Cats images (Microsoft Asirra), "
            "published by Google for the TensorFlow tutorials"
        ),
    ),
    "petimages": Source(
        name="petimages",
        title="Kaggle cats and dogs, full set (Microsoft PetImages)",
        url=(
            "https://download.microsoft.com/download/3/E/1/"
            "3E1C3F21-ECDB-4869-8368-6DEBA77B919F/kagglecatsanddogs_5340.zip"
        ),
        archive_root="PetImages",
        counts={"Cat": 12500, "Dog": 12500},
        tolerance=100,  # a few files are known to be damaged; they are removed
        check_images=True,
        licence=(
            "Microsoft (Asirra data from Petfinder.com); "
            "see the licence file in the downloaded archive"
        ),
    ),
}


def fetch(
    name: str,
    dest: str | Path | None = None,
    *,
    force: bool = False,
    retries: int = 3,
    timeout: float = 60,
    urls: Mapping[str, str] | None = None,
    archive: str | Path | None = None,
) -> Path:
    """Download, verify and install data set ``name``; return its folder.

    The folder is ``dest`` or ``data_home() / name``. A complete copy already
    there is returned as it is unless ``force``. ``retries`` is how many times
    each file is tried; ``timeout`` the seconds to wait for the server; ``urls``
    replaces URLs of the source (keys ``archive`` or a split name). ``archive``
    installs a zip downloaded by hand instead of downloading it; split files lying
    beside it under their original names are used too. Introduced in 00_setup.
    """
    if name not in DATASETS:
        raise DataError(f"Unknown data set '{name}': choose one of {', '.join(DATASETS)}.")
    source = DATASETS[name].with_urls(urls)
    dest = Path(dest).expanduser() if dest is not None else data_home() / name
    if (dest / COMPLETE_MARKER).is_file() and not force:
        return dest
    if not force and (dest.is_file() or (dest.is_dir() and any(dest.iterdir()))):
        raise DataError(
            f"{dest} exists but is not a complete download of {name}: remove it, "
            "or download with force=True (--force) to replace it."
        )
    if archive is not None:
        archive = Path(archive).expanduser()
        if not archive.is_file():
            raise DownloadError(
                f"There is no file {archive}: check the path of the archive you downloaded."
            )
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(dest)
        work = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=TEMP_SUFFIX, dir=dest.parent))
        try:
            removed = _build(source, work / "data", work, archive, retries, timeout)
            _swap(work / "data", dest, work / "previous")
        finally:
            shutil.rmtree(work, ignore_errors=True)
    except OSError as err:  # disk full, no permission...; network errors are DownloadErrors
        raise DataError(
            f"Could not install {name} in {dest.parent}: {err}. "
            "Check the free disk space and that you may write there."
        ) from err
    if removed:
        print(f"Removed {len(removed)} unreadable image(s) from {dest}:")
        for line in removed:
            print(f"  {line}")
    return dest


def image_counts(root: str | Path, source: Source | str) -> dict[str, int]:
    """The number of images in each expected folder of ``source`` under ``root``."""
    source = DATASETS[source] if isinstance(source, str) else source
    return {folder: len(images_in(Path(root) / folder)) for folder in source.counts}


# ---------------------------------------------------------------- building a copy


def _build(
    source: Source,
    staged: Path,
    work: Path,
    archive: Path | None,
    retries: int,
    timeout: float,
) -> list[str]:
    """Make a verified copy in ``staged``; return the unreadable images it removed."""
    hint = _by_hand(source)
    splits = {}  # the small split files first: a broken link then fails fast
    for split, url in source.split_urls.items():
        path = archive.parent / _file_name(url) if archive is not None else None
        if path is not None and path.is_file():
            where = str(path)
        else:
            path, where = work / f"{split}.txt", url
            _download(url, path, retries, timeout, hint)
        splits[split] = (where, _read_split(path.read_text(errors="replace"), where))
    if archive is None:
        archive = work / "archive.zip"
        _download(source.url, archive, retries, timeout, hint)
        origin = source.url
    else:
        origin = str(archive)
    _extract(archive, staged, source, origin)
    removed = _remove_unreadable(staged, source) if source.check_images else []
    _verify(staged, source, origin)
    for split, (where, lines) in splits.items():
        _verify_split(staged, lines, where, source.split_sizes.get(split))
        (staged / f"{split}.txt").write_text("\n".join(lines) + "\n")
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    note = [source.title, f"Source: {source.url}", f"Licence: {source.licence}", f"Verified: {now}"]
    if removed:
        note += [f"Removed {len(removed)} unreadable image(s):", *(f"  {r}" for r in removed)]
    (staged / NOTE_FILE).write_text("\n".join(note) + "\n")
    (staged / COMPLETE_MARKER).write_text(now + "\n")  # last: the copy is complete
    return removed


def _swap(staged: Path, dest: Path, previous: Path) -> None:
    """Put ``staged`` at ``dest``; an old ``dest`` moves to ``previous`` (put back on failure)."""
    if dest.exists() or dest.is_symlink():
        dest.rename(previous)
    try:
        staged.rename(dest)
    except BaseException:  # even an interrupt must not lose the old copy
        if previous.exists() or previous.is_symlink():
            previous.rename(dest)
        raise


def _remove_stale(dest: Path) -> None:
    """Remove work folders of ``dest`` left by runs that were killed long ago."""
    cutoff = time.time() - STALE_SECONDS
    for folder in dest.parent.glob(f".{dest.name}.*{TEMP_SUFFIX}"):
        try:
            newest = max(p.stat().st_mtime for p in [folder, *folder.rglob("*")])
        except OSError:  # removed meanwhile
            continue
        if newest < cutoff:
            shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------- downloading


def download_file(
    url: str,
    dest: str | Path,
    md5: str | None = None,
    tries: int = 3,
    timeout: float = 30.0,
    hint: str | None = None,
    progress: bool = True,
) -> Path:
    """Download ``url`` to ``dest`` and return ``dest``: into a hidden partial file
    beside it, checked against ``md5`` when given (``VerificationError`` if it differs),
    then renamed into place, so a failed download leaves nothing behind and a file at
    ``dest`` is always whole. A ``dest`` already there (with the right MD5, if given)
    is returned without downloading. ``tries`` and ``timeout`` as in ``fetch``; ``hint``
    ends the error messages with what to do instead (default: download it by hand);
    ``progress=False`` hides the progress bar (which tqdm writes to stderr).
    """
    dest = Path(dest).expanduser()
    if dest.is_file() and (md5 is None or _md5(dest) == md5.lower()):
        return dest
    hint = hint or f"download {url} by hand and save it as {dest}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=TEMP_SUFFIX, dir=dest.parent)
    os.close(handle)
    partial = Path(name)
    try:
        _download(url, partial, tries, timeout, hint, progress)
        if md5 is not None and (found := _md5(partial)) != md5.lower():
            raise VerificationError(
                f"The file downloaded from {url} is not the expected {dest.name} "
                f"(MD5 {found} instead of {md5}), so it was not kept. "
                f"Try again later; if it keeps failing, {hint}."
            )
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
    return dest


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)  # a checksum, not security
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _download(url: str, target: Path, tries: int, timeout: float, hint: str,
              progress: bool = True) -> None:
    """Stream ``url`` into ``target`` with a progress bar, trying again on network errors."""
    tries = max(tries, 1)
    why = ""
    for attempt in range(1, tries + 1):
        if attempt > 1:
            time.sleep(BACKOFF_SECONDS * 2 ** (attempt - 2))
        try:
            _stream(url, target, timeout, progress)
            return
        except urllib.error.HTTPError as err:
            err.close()
            if err.code not in RETRY_STATUS:
                raise DownloadError(
                    f"Could not download {url}: the server answered {err.code} {err.reason}. "
                    f"The file may have moved or be gone for now; try again later, or {hint}."
                ) from None
            why = f"the server answered {err.code} {err.reason}"
        except urllib.error.URLError as err:
            reason = err.reason
            why = (
                f"no answer within {timeout:g} s"
                if isinstance(reason, TimeoutError)
                else f"the server cannot be reached ({reason})"
            )
        except TimeoutError:
            why = f"no answer within {timeout:g} s"
        except (ConnectionError, http.client.HTTPException, ssl.SSLError) as err:
            why = f"the connection broke off ({err})"
    times = "once" if tries == 1 else f"{tries} times"
    raise DownloadError(
        f"Could not download {url} (tried {times}): {why}. "
        f"Check your internet connection and try again; without one, {hint}."
    )


def _stream(url: str, target: Path, timeout: float, progress: bool = True) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response, target.open("wb") as out:
        size = int(response.headers.get("Content-Length") or 0)
        done = 0
        with tqdm(
            total=size or None,
            desc=_file_name(url),
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            disable=not progress,
        ) as bar:
            while chunk := response.read(1 << 20):
                out.write(chunk)
                done += len(chunk)
                bar.update(len(chunk))
    if size and done < size:
        raise ConnectionError(f"only {done} of {size} bytes arrived")


def _by_hand(source: Source) -> str:
    """What a learner without network can do instead, as the end of a sentence."""
    besides = ""
    if source.split_urls:
        besides = f" (and, into the same folder, {', '.join(source.split_urls.values())})"
    return (
        f"download {source.url} by hand{besides} and install it with "
        f"`python data_scripts/download.py {source.name} --archive FILE`, "
        "or use quick mode with the bundled sample"
    )


def _file_name(url: str) -> str:
    return PurePosixPath(urlparse(url).path).name


# ---------------------------------------------------------------- extracting


def _extract(archive: Path, target: Path, source: Source, origin: str) -> None:
    """Extract the files under ``source.archive_root`` into ``target``, renaming folders."""
    try:
        with zipfile.ZipFile(archive) as zf:
            members = _data_members(zf, source, origin)
            for info, rel in tqdm(members, desc="Extracting", unit="file"):
                path = target.joinpath(*rel.parts)
                path.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, path.open("wb") as out:
                    shutil.copyfileobj(src, out)
    except (zipfile.BadZipFile, zlib.error, EOFError) as err:
        raise VerificationError(
            f"The archive from {origin} is damaged or is not a zip file ({err}). "
            "Usually the download was cut short: try again; if it keeps failing, "
            "download it by hand and pass it with --archive (archive= in fetch)."
        ) from None


def _data_members(
    zf: zipfile.ZipFile, source: Source, origin: str
) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    """The archive's data files with their paths in the installed copy.

    Refuses the whole archive if any name could land outside the target folder
    (an absolute path or ``..``: the "zip slip" attack). Skips macOS and hidden junk.
    """
    root = PurePosixPath(source.archive_root).parts
    chosen = []
    for info in zf.infolist():
        name = info.filename.replace("\\", "/")
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts or re.match(r"[A-Za-z]:", name):
            raise VerificationError(
                f"The archive from {origin} holds an unsafe file name '{info.filename}' "
                "that points outside its folder. It is not the expected archive, "
                "so nothing was extracted."
            )
        parts = path.parts
        junk = any(part == "__MACOSX" or part.startswith(".") for part in parts)
        folder = name.endswith("/")  # also a folder named with Windows backslashes
        if folder or junk or parts[: len(root)] != root or len(parts) == len(root):
            continue
        rel = list(parts[len(root) :])
        rel[0] = source.rename.get(rel[0], rel[0])
        chosen.append((info, PurePosixPath(*rel)))
    if not chosen:
        raise VerificationError(
            f"The archive from {origin} has no folder '{source.archive_root}/': "
            f"it is not the {source.title} archive."
        )
    return chosen


# ---------------------------------------------------------------- verifying


def _remove_unreadable(root: Path, source: Source) -> list[str]:
    """Delete the images ``read_image`` cannot decode; return 'folder/file: reason' lines."""
    paths = [path for folder in source.counts for path in images_in(root / folder)]
    removed = []
    with warnings.catch_warnings():  # Pillow warns about odd but readable files
        warnings.simplefilter("ignore")
        for path in tqdm(paths, desc="Checking images", unit="image"):
            try:
                read_image(path)
            except UnreadableImageError as err:
                path.unlink()
                removed.append(f"{path.relative_to(root).as_posix()}: {err.reason}")
    return removed


def _verify(root: Path, source: Source, origin: str) -> None:
    """Check the class folders and their image counts; raise ``VerificationError`` if off."""
    problems = []
    folders = [PurePosixPath(folder) for folder in source.counts]
    missing_folders = set()
    for parent in sorted({folder.parent for folder in folders}):
        expected = {f.name for f in folders if f.parent == parent}
        base = root / parent
        found = set()
        if base.is_dir():
            found = {p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")}
        where = "at the top" if parent.name == "" else f"in {parent}/"
        if expected - found:
            problems.append(
                f"class folder(s) {', '.join(sorted(expected - found))} missing {where}"
            )
            missing_folders |= {str(parent / name) for name in expected - found}
        if found - expected:
            problems.append(f"unexpected folder(s) {', '.join(sorted(found - expected))} {where}")
    for folder, count in image_counts(root, source).items():
        want = source.counts[folder]
        if folder not in missing_folders and abs(count - want) > source.tolerance:
            about = f" (give or take {source.tolerance})" if source.tolerance else ""
            problems.append(f"{folder} has {count} images instead of {want}{about}")
    if problems:
        raise VerificationError(
            f"The data from {origin} is not as expected: {'; '.join(problems)}. "
            "Nothing was installed. The archive may be incomplete or a different "
            "version: try again, and if it keeps failing tell the course maintainers."
        )


def _read_split(text: str, origin: str) -> list[str]:
    """Turn an official split file ('glass1.jpg 1' lines) into 'glass/glass1.jpg' lines.

    The class comes from the letters of the file name, not from the label number.
    """
    lines = []
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields:
            continue
        match = re.fullmatch(r"([A-Za-z]+)\d+\.\w+", fields[0])
        if match is None:
            raise VerificationError(
                f"Line {number} of {origin} ('{line.strip()[:60]}') is not a 'name.jpg label' "
                "line: this is not the split file the course expects. Try again later."
            )
        lines.append(f"{match[1]}/{fields[0]}")
    return lines


def _verify_split(root: Path, lines: list[str], origin: str, size: int | None) -> None:
    """Check that a converted split file lists only files of the copy, and how many."""
    problems = []
    missing = [line for line in lines if not (root / line).is_file()]
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        problems.append(f"it lists {len(missing)} file(s) the archive does not hold ({shown})")
    if size is not None and len(lines) != size:
        problems.append(f"it lists {len(lines)} files instead of {size}")
    if problems:
        raise VerificationError(
            f"The split file {origin} does not match the data: {'; '.join(problems)}. "
            "Nothing was installed; try again later, and if it keeps failing tell the "
            "course maintainers."
        )
