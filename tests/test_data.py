"""helpers.data: locating, listing and reading data sets, good and bad."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from helpers import data, modes, scan, storage


def make_dataset(root, per_class=None, size=(12, 16)):
    """A tiny data set of flat-coloured RGB JPEGs: {class: count}."""
    per_class = per_class or {"cat": 3, "dog": 2}
    rng = np.random.default_rng(0)
    for name, count in per_class.items():
        (root / name).mkdir(parents=True)
        for i in range(count):
            pixels = rng.integers(0, 256, (*size, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(root / name / f"{name}{i}.jpg")
    return root


def test_bundled_sample_is_complete():
    root = data.sample_dir("trashnet")
    names = data.class_names(root)
    assert names == ["cardboard", "glass", "metal", "paper", "plastic", "trash"]
    counts = {s: data.list_files(root, s).counts() for s in data.SPLITS}
    assert all(c == 24 for c in counts["train"].values())
    assert all(c == 8 for c in counts["val"].values()) and counts["val"] == counts["test"]
    listed = {p for s in data.SPLITS for p in data.list_files(root, s).paths}
    assert listed == set(data.list_files(root).paths), "splits must cover the sample exactly once"
    assert "MIT License" in (root / "README.md").read_text()


def test_locate_follows_mode_and_overrides(tmp_path, monkeypatch):
    assert data.locate("trashnet", mode="quick") == data.sample_dir("trashnet")
    with pytest.raises(data.DataNotFoundError, match="download.py trashnet"):
        data.locate("trashnet", mode="full")
    monkeypatch.setenv("COURSE_DATA_TRASHNET", str(tmp_path))
    assert data.locate("trashnet", mode="full") == tmp_path
    assert data.locate("anything", root=tmp_path) == tmp_path
    with pytest.raises(data.DataNotFoundError, match="no folder"):
        data.locate("trashnet", root=tmp_path / "missing")
    with pytest.raises(data.DataNotFoundError, match="No sample"):
        data.locate("cats_vs_dogs", mode="quick")


def test_downloaded_copy_counts_only_when_complete(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_DATA_HOME", str(tmp_path))
    make_dataset(tmp_path / "trashnet")
    assert data.full_copy("trashnet") is None, "an unverified folder is never used"
    (tmp_path / "trashnet" / storage.COMPLETE_MARKER).write_text("")
    assert data.full_copy("trashnet") == tmp_path / "trashnet"
    assert modes.current_mode() == "grading"  # the tests' COURSE_MODE wins
    monkeypatch.delenv("COURSE_MODE")
    assert modes.current_mode() == "full"


def test_read_image_converts_odd_modes(tmp_path):
    gray = tmp_path / "gray.png"
    Image.fromarray(np.full((4, 5), 77, np.uint8), "L").save(gray)
    rgba = tmp_path / "rgba.png"
    pixels = np.zeros((4, 5, 4), np.uint8)
    pixels[..., 0] = 200  # red, half transparent over white
    pixels[..., 3] = 128
    Image.fromarray(pixels, "RGBA").save(rgba)
    cmyk = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (5, 4), (0, 255, 255, 0)).save(cmyk)  # pure red in CMYK
    deep = tmp_path / "deep.png"
    Image.fromarray(np.full((4, 5), 65535, np.uint16)).save(deep)
    palette = tmp_path / "palette.gif"
    Image.new("P", (5, 4), 3).save(palette)

    for path in (gray, rgba, cmyk, deep, palette):
        image = data.read_image(path)
        assert image.shape == (4, 5, 3) and image.dtype == np.uint8, path.name
    assert (data.read_image(gray) == 77).all()
    assert tuple(data.read_image(rgba)[0, 0]) == pytest.approx((227, 127, 127), abs=2)
    red = data.read_image(cmyk)[0, 0]
    assert red[0] > 200 and red[1] < 60 and red[2] < 60
    assert (data.read_image(deep) == 255).all()


def test_read_image_explains_bad_files(tmp_path):
    truncated = tmp_path / "truncated.jpg"
    Image.fromarray(np.zeros((64, 64, 3), np.uint8)).save(truncated)
    truncated.write_bytes(truncated.read_bytes()[:200])
    not_image = tmp_path / "notes.jpg"
    not_image.write_text("hello")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    for path, reason in [(truncated, "damaged or truncated"), (not_image, "not an image"),
                         (empty, "not an image"), (tmp_path / "gone.jpg", "does not exist"),
                         (tmp_path, "a folder, not an image")]:
        with pytest.raises(data.UnreadableImageError, match=reason):
            data.read_image(path)


def test_load_images_skips_and_reports_bad_files(tmp_path, capsys):
    root = make_dataset(tmp_path / "ds")
    (root / "cat" / "broken.jpg").write_bytes(b"\xff\xd8\xff garbage")
    loaded = data.load_images(split=None, image_size=8, root=root)
    assert loaded.images.shape == (5, 8, 8, 3) and loaded.images.dtype == np.uint8
    assert list(loaded.labels) == [0, 0, 0, 1, 1] and loaded.class_names == ["cat", "dog"]
    assert [p.name for p, _ in loaded.skipped] == ["broken.jpg"]
    assert "broken.jpg" in capsys.readouterr().out


def test_a_huge_image_is_skipped_with_its_reason(tmp_path, monkeypatch):
    """Pillow refuses images over twice MAX_IMAGE_PIXELS as possible decompression bombs:
    the folder still loads, and the report and the scan say why that file is missing."""
    root = make_dataset(tmp_path / "ds")
    Image.fromarray(np.zeros((50, 60, 3), np.uint8)).save(root / "dog" / "huge.png")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # 3000 pixels: over the limit
    loaded = data.load_images(split=None, image_size=8, root=root, verbose=False)
    assert len(loaded.images) == 5
    assert [(p.name, r.split(" (")[0]) for p, r in loaded.skipped] == [
        ("huge.png", "too large to decode safely")]
    frame = scan.scan(root)
    problems = {p.name: why for p, why in zip(frame["path"], frame["problem"], strict=True)}
    assert problems["huge.png"].startswith("too large: the loader skips it")


def test_split_files_and_split_folders(tmp_path):
    root = make_dataset(tmp_path / "files")
    (root / "train.txt").write_text("cat/cat0.jpg\ncat/cat1.jpg\ndog/dog0.jpg\ndog/missing.jpg\n")
    train = data.list_files(root, "train")
    assert train.counts() == {"cat": 2, "dog": 1}
    assert [(p.name, why) for p, why in train.skipped] == [
        ("missing.jpg", "listed in train.txt but missing")
    ]
    with pytest.raises(data.DataError, match="no split 'val'"):
        data.list_files(root, "val")

    folders = tmp_path / "folders"
    make_dataset(folders / "train")
    make_dataset(folders / "val", {"cat": 1, "dog": 1})
    assert data.class_names(folders) == ["cat", "dog"]
    assert data.list_files(folders, "val").counts() == {"cat": 1, "dog": 1}
    assert len(data.list_files(folders).paths) == 7


def test_wrong_layouts_get_clear_errors(tmp_path):
    with pytest.raises(data.DataNotFoundError):
        data.class_names(tmp_path / "nothing")
    flat = tmp_path / "flat"
    flat.mkdir()
    Image.new("RGB", (4, 4)).save(flat / "a.jpg")
    with pytest.raises(data.DataError, match="1 image files directly"):
        data.class_names(flat)
    root = make_dataset(tmp_path / "ds")
    (root / "empty_class").mkdir()
    with pytest.raises(data.DataError, match="hold no images: empty_class"):
        data.list_files(root)


def test_images_per_class_is_a_seeded_subset():
    first = data.load_images("trashnet", "train", image_size=16, images_per_class=3, seed=1)
    again = data.load_images("trashnet", "train", image_size=16, images_per_class=3, seed=1)
    other = data.load_images("trashnet", "train", image_size=16, images_per_class=3, seed=2)
    assert np.bincount(first.labels).tolist() == [3] * 6
    assert first.paths == again.paths and first.paths != other.paths
