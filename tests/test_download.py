"""Tests of helpers.download and data_scripts/download.py, all offline.

Small archives in each source's real layout are served by a local HTTP server;
every source is patched to expect their counts and, unless a test overrides the
URLs, to point at a local port where nothing listens. Nothing touches the internet.
"""

from __future__ import annotations

import io
import os
import re
import runpy
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from helpers import download
from helpers.data import DataError, full_copy, list_files
from helpers.download import DownloadError, VerificationError, fetch
from helpers.storage import COMPLETE_MARKER

SCRIPT = Path(__file__).resolve().parents[1] / "data_scripts" / "download.py"
PUBLISHED = dict(download.DATASETS)  # before the fixtures patch them

# The small TrashNet: images per class. Its split files use TrashNet's own label
# numbers, which are not the alphabetical order of the classes.
TRASHNET = {"cardboard": 2, "glass": 3, "metal": 2, "paper": 2, "plastic": 2, "trash": 1}
LABELS = {"glass": 1, "paper": 2, "cardboard": 3, "plastic": 4, "metal": 5, "trash": 6}
SPLIT_OF_NUMBER = {1: "train", 2: "val", 3: "test"}
CATS_VS_DOGS = {"train/cats": 2, "train/dogs": 2, "val/cats": 1, "val/dogs": 1}


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "JPEG")
    return buffer.getvalue()


JPEG = _jpeg()


# ---------------------------------------------------------------- small archives


def trashnet_splits() -> dict[str, list[tuple[str, str]]]:
    """(class, file name) of each split of the small TrashNet."""
    splits: dict[str, list[tuple[str, str]]] = {"train": [], "val": [], "test": []}
    for cls, count in TRASHNET.items():
        for number in range(1, count + 1):
            splits[SPLIT_OF_NUMBER[number]].append((cls, f"{cls}{number}.jpg"))
    return splits


def make_trashnet(folder: Path) -> None:
    """dataset-resized.zip (with macOS junk) and the official split files, as published."""
    with zipfile.ZipFile(folder / "dataset-resized.zip", "w") as zf:
        for cls, count in TRASHNET.items():
            for number in range(1, count + 1):
                zf.writestr(f"dataset-resized/{cls}/{cls}{number}.jpg", JPEG)
                zf.writestr(f"__MACOSX/dataset-resized/{cls}/._{cls}{number}.jpg", b"junk")
        zf.writestr("dataset-resized/.DS_Store", b"junk")
    for split, files in trashnet_splits().items():
        lines = "".join(f"{name} {LABELS[cls]}\n" for cls, name in files)
        (folder / f"one-indexed-files-notrash_{split}.txt").write_text(lines)


def trashnet_urls(base: str) -> dict[str, str]:
    urls = {"archive": f"{base}/dataset-resized.zip"}
    return urls | {s: f"{base}/one-indexed-files-notrash_{s}.txt" for s in ("train", "val", "test")}


def make_cats_vs_dogs(folder: Path) -> Path:
    """cats_and_dogs_filtered.zip: train/ and validation/ split folders."""
    archive = folder / "cats_and_dogs_filtered.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for key, count in CATS_VS_DOGS.items():
            split, cls = key.replace("val/", "validation/").split("/")
            for number in range(count):
                zf.writestr(f"cats_and_dogs_filtered/{split}/{cls}/{cls[:-1]}.{number}.jpg", JPEG)
        zf.writestr("cats_and_dogs_filtered/vectorize.py", "print('hi')\n")
    return archive


def make_petimages(folder: Path) -> None:
    """kagglecatsanddogs_5340.zip: PetImages/{Cat,Dog} with an empty (broken) image."""
    with zipfile.ZipFile(folder / "kagglecatsanddogs_5340.zip", "w") as zf:
        zf.writestr("CDLA-Permissive-2.0.pdf", b"licence")
        for cls in ("Cat", "Dog"):
            for number in range(3):
                broken = cls == "Cat" and number == 2
                zf.writestr(f"PetImages/{cls}/{number}.jpg", b"" if broken else JPEG)
            zf.writestr(f"PetImages/{cls}/Thumbs.db", b"windows junk")


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def home(tmp_path, monkeypatch):
    """The data home, in tmp_path."""
    path = tmp_path / "home"
    monkeypatch.setenv("COURSE_DATA_HOME", str(path))
    return path


@pytest.fixture(autouse=True)
def small_offline_sources(monkeypatch, dead_url, home):
    """Every source expects the small archives and points at nothing; retries wait little."""
    monkeypatch.setattr(download, "BACKOFF_SECONDS", 0.01)
    changes = {
        "trashnet": {"counts": TRASHNET, "split_sizes": {"train": 6, "val": 5, "test": 1}},
        "cats_vs_dogs": {"counts": CATS_VS_DOGS},
        "petimages": {"counts": {"Cat": 3, "Dog": 3}, "tolerance": 1},
    }
    for name, source in list(download.DATASETS.items()):
        splits = {s: f"{dead_url}/{Path(url).name}" for s, url in source.split_urls.items()}
        offline = replace(source, url=f"{dead_url}/{Path(source.url).name}", split_urls=splits)
        monkeypatch.setitem(download.DATASETS, name, replace(offline, **changes[name]))


def assert_nothing_left(home: Path) -> None:
    """Neither the data set nor any temporary file is in the data home."""
    assert not home.exists() or list(home.iterdir()) == []


def by_hand(tmp_path: Path) -> Path:
    """The small TrashNet archive and split files, as if downloaded in a browser."""
    folder = tmp_path / "by_hand"
    folder.mkdir()
    make_trashnet(folder)
    return folder / "dataset-resized.zip"


def test_sources_describe_the_published_sets():
    trashnet = PUBLISHED["trashnet"]
    assert trashnet.classes == ["cardboard", "glass", "metal", "paper", "plastic", "trash"]
    assert sum(trashnet.counts.values()) == sum(trashnet.split_sizes.values()) == 2527
    assert PUBLISHED["cats_vs_dogs"].classes == ["cats", "dogs"]
    assert sum(PUBLISHED["cats_vs_dogs"].counts.values()) == 3000
    for source in PUBLISHED.values():
        assert source.licence and source.url.startswith("https://")
    assert trashnet.with_urls({"val": "file:///v.txt"}).split_urls["val"] == "file:///v.txt"
    with pytest.raises(ValueError, match="validation"):
        trashnet.with_urls({"validation": "file:///v.txt"})


# ---------------------------------------------------------------- successful fetches


def test_fetch_trashnet_installs_a_verified_copy(server, home):
    make_trashnet(server.root)
    path = fetch("trashnet", urls=trashnet_urls(server.url))
    assert path == home / "trashnet"
    assert sorted(p.name for p in path.iterdir()) == sorted(
        [COMPLETE_MARKER, "SOURCE.txt", "test.txt", "train.txt", "val.txt", *TRASHNET]
    )
    for split, files in trashnet_splits().items():
        assert (path / f"{split}.txt").read_text().splitlines() == [f"{c}/{n}" for c, n in files]
        listed = list_files(path, split)
        assert listed.skipped == [] and len(listed.paths) == len(files)
    assert list_files(path).counts() == TRASHNET
    assert "MIT" in (path / "SOURCE.txt").read_text()
    assert full_copy("trashnet") == path
    assert sorted(p.name for p in home.iterdir()) == ["trashnet"]  # no temporary files


def test_fetch_cats_vs_dogs_uses_split_folders(server):
    make_cats_vs_dogs(server.root)
    path = fetch("cats_vs_dogs", urls={"archive": f"{server.url}/cats_and_dogs_filtered.zip"})
    assert (path / "val" / "cats").is_dir() and not (path / "validation").exists()
    assert list_files(path, "train").counts() == {"cats": 2, "dogs": 2}
    assert list_files(path, "val").counts() == {"cats": 1, "dogs": 1}
    assert download.image_counts(path, "cats_vs_dogs") == CATS_VS_DOGS
    assert (path / COMPLETE_MARKER).is_file()


def test_file_urls_work(tmp_path):
    archive = make_cats_vs_dogs(tmp_path)
    path = fetch("cats_vs_dogs", tmp_path / "data", urls={"archive": archive.as_uri()})
    assert download.image_counts(path, "cats_vs_dogs") == CATS_VS_DOGS


def test_second_fetch_does_not_download_again_unless_forced(server):
    make_trashnet(server.root)
    urls = trashnet_urls(server.url)
    path = fetch("trashnet", urls=urls)
    assert len(server.httpd.requests) == 4  # the archive and three split files
    assert fetch("trashnet", urls=urls) == path
    assert len(server.httpd.requests) == 4
    assert fetch("trashnet", urls=urls, force=True) == path
    assert len(server.httpd.requests) == 8


def test_a_server_error_is_tried_again(server):
    make_cats_vs_dogs(server.root)
    server.httpd.failures = 1
    urls = {"archive": f"{server.url}/cats_and_dogs_filtered.zip"}
    path = fetch("cats_vs_dogs", urls=urls, retries=2)
    assert (path / COMPLETE_MARKER).is_file()
    assert len(server.httpd.requests) == 2


def test_archive_downloaded_by_hand_installs_offline(tmp_path, home):
    path = fetch("trashnet", archive=by_hand(tmp_path))  # the sources' URLs lead nowhere
    assert list_files(path, "test").counts()["glass"] == 1
    assert (path / COMPLETE_MARKER).is_file()


def test_petimages_removes_and_reports_unreadable_images(server, capsys):
    make_petimages(server.root)
    path = fetch("petimages", urls={"archive": f"{server.url}/kagglecatsanddogs_5340.zip"})
    assert download.image_counts(path, "petimages") == {"Cat": 2, "Dog": 3}
    assert "Cat/2.jpg" in capsys.readouterr().out
    assert "Cat/2.jpg" in (path / "SOURCE.txt").read_text()


def test_work_folders_of_killed_runs_are_removed(tmp_path, home):
    stale = home / ".trashnet.abc123.partial"
    (stale / "data").mkdir(parents=True)
    (stale / "archive.zip").write_bytes(b"half an archive")
    long_ago = time.time() - 2 * download.STALE_SECONDS
    for path in (stale / "archive.zip", stale / "data", stale):
        os.utime(path, (long_ago, long_ago))
    running = home / ".trashnet.def456.partial"  # may belong to a run still going
    running.mkdir()
    fetch("trashnet", archive=by_hand(tmp_path))
    assert not stale.exists() and running.exists()


# ---------------------------------------------------------------- failures leave nothing


def test_404_is_a_clear_download_error(server, home):
    make_trashnet(server.root)
    urls = trashnet_urls(server.url) | {"archive": f"{server.url}/moved.zip"}
    with pytest.raises(DownloadError, match="the server answered 404") as info:
        fetch("trashnet", urls=urls)
    assert f"{server.url}/moved.zip" in str(info.value) and "--archive" in str(info.value)
    assert server.httpd.requests.count("/moved.zip") == 1  # a 404 is not tried again
    assert_nothing_left(home)


def test_no_network_is_a_clear_download_error(home, dead_url):
    with pytest.raises(DownloadError, match="cannot be reached") as info:
        fetch("cats_vs_dogs", retries=2)
    message = str(info.value)
    assert f"{dead_url}/cats_and_dogs_filtered.zip" in message
    assert "tried 2 times" in message and "--archive" in message and "quick mode" in message
    assert_nothing_left(home)


def test_archive_without_its_split_files_says_what_to_add(tmp_path, home):
    archive = by_hand(tmp_path)
    (archive.parent / "one-indexed-files-notrash_val.txt").unlink()
    with pytest.raises(DownloadError, match="one-indexed-files-notrash_val.txt"):
        fetch("trashnet", archive=archive, retries=1)
    assert_nothing_left(home)


def test_missing_archive_file_is_a_clear_error(tmp_path, home):
    with pytest.raises(DownloadError, match="There is no file"):
        fetch("trashnet", archive=tmp_path / "nope.zip")
    assert_nothing_left(home)


@pytest.mark.parametrize("damage", ["truncated", "bit flip", "not a zip"])
def test_damaged_archive_fails_verification(server, home, damage):
    make_trashnet(server.root)
    archive = server.root / "dataset-resized.zip"
    data = bytearray(archive.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "bit flip":  # in the last image: the earlier ones are already extracted
        data[data.rfind(JPEG) + len(JPEG) // 2] ^= 0xFF
    else:
        data = bytearray(b"<html>Please sign in to the network</html>")
    archive.write_bytes(data)
    with pytest.raises(VerificationError, match="damaged or is not a zip file"):
        fetch("trashnet", urls=trashnet_urls(server.url))
    assert_nothing_left(home)


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        (TRASHNET | {"glass": 4}, "glass has 3 images instead of 4"),
        (TRASHNET | {"battery": 1}, "class folder(s) battery missing"),
        ({c: n for c, n in TRASHNET.items() if c != "trash"}, "unexpected folder(s) trash"),
    ],
)
def test_unexpected_content_fails_verification(server, home, monkeypatch, counts, message):
    make_trashnet(server.root)
    source = download.DATASETS["trashnet"]
    monkeypatch.setitem(download.DATASETS, "trashnet", replace(source, counts=counts))
    with pytest.raises(VerificationError, match=re.escape(message)):
        fetch("trashnet", urls=trashnet_urls(server.url))
    assert_nothing_left(home)


def test_split_file_listing_a_missing_image_fails_verification(server, home):
    make_trashnet(server.root)
    val = server.root / "one-indexed-files-notrash_val.txt"
    val.write_text(val.read_text() + "glass9.jpg 1\n")
    with pytest.raises(VerificationError, match=re.escape("does not hold (glass/glass9.jpg)")):
        fetch("trashnet", urls=trashnet_urls(server.url))
    assert_nothing_left(home)


def test_failed_forced_download_keeps_the_good_copy(server, home):
    make_trashnet(server.root)
    urls = trashnet_urls(server.url)
    path = fetch("trashnet", urls=urls)
    before = sorted(p.relative_to(path) for p in path.rglob("*"))
    (server.root / "dataset-resized.zip").write_bytes(b"not a zip")
    with pytest.raises(VerificationError):
        fetch("trashnet", urls=urls, force=True)
    with pytest.raises(DownloadError, match="404"):
        fetch("trashnet", urls=urls | {"archive": f"{server.url}/moved.zip"}, force=True)
    assert sorted(p.relative_to(path) for p in path.rglob("*")) == before
    assert full_copy("trashnet") == path
    assert sorted(p.name for p in home.iterdir()) == ["trashnet"]


def test_incomplete_folder_in_the_way_is_left_alone(home):
    folder = home / "trashnet"
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(DataError, match="not a complete download"):
        fetch("trashnet")
    assert [p.name for p in home.iterdir()] == ["trashnet"]
    assert (folder / "notes.txt").read_text() == "mine"


@pytest.mark.parametrize("member", ["../evil.jpg", "dataset-resized/../../evil.jpg", "absolute"])
def test_zip_slip_archive_is_refused(server, home, tmp_path, member):
    make_trashnet(server.root)
    target = tmp_path / "evil.jpg"
    with zipfile.ZipFile(server.root / "dataset-resized.zip", "a") as zf:
        zf.writestr(str(target) if member == "absolute" else member, JPEG)
    with pytest.raises(VerificationError, match="unsafe file name"):
        fetch("trashnet", urls=trashnet_urls(server.url))
    assert not target.exists() and not (home.parent / "evil.jpg").exists()
    assert_nothing_left(home)


# ---------------------------------------------------------------- the command line


def test_cli_prints_where_the_data_went(tmp_path, capsys):
    main = runpy.run_path(str(SCRIPT))["main"]
    dest = tmp_path / "data"
    assert main(["trashnet", "--archive", str(by_hand(tmp_path)), "--dest", str(dest)]) == 0
    out = capsys.readouterr().out
    assert str(dest) in out
    assert re.search(r"glass\s+3\n", out) and re.search(r"total\s+12\n", out)


def test_cli_failure_is_one_plain_line(capsys):
    main = runpy.run_path(str(SCRIPT))["main"]
    assert main(["cats_vs_dogs"]) == 1  # the patched source points at nothing
    assert re.fullmatch(
        r"error: Could not download \S+ \(tried 3 times\)[^\n]*\n", capsys.readouterr().err
    )


def test_cli_exits_non_zero_without_a_traceback(tmp_path, home):
    missing = tmp_path / "nope.zip"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "trashnet", "--archive", str(missing)],
        capture_output=True,
        text=True,
        env=os.environ | {"COURSE_DATA_HOME": str(home)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: There is no file {missing}: check the path of the archive you downloaded."
    ]
