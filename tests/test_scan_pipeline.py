"""helpers.scan and helpers.pipeline on tiny data sets with odd files, made in tmp_path."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from helpers import data, pipeline, scan


def _photo(seed: int, size=(12, 16)) -> np.ndarray:
    """A random RGB image, (height, width, 3) uint8; flat-ish so JPEG keeps it close."""
    rng = np.random.default_rng(seed)
    return np.repeat(rng.integers(0, 256, (1, 1, 3), dtype=np.uint8), size[0] * size[1], 0).reshape(
        (*size, 3)
    )


@pytest.fixture
def odd_dataset(tmp_path):
    """Two classes of plain JPEGs, plus every kind of odd file the scan knows."""
    root = tmp_path / "ds"
    for name, count in {"cat": 3, "dog": 2}.items():
        (root / name).mkdir(parents=True)
        for i in range(count):
            Image.fromarray(_photo(10 * ord(name[0]) + i)).save(root / name / f"{name}{i}.jpg")
    cat, dog = root / "cat", root / "dog"
    Image.fromarray(_photo(99, (64, 64))).save(cat / "truncated.jpg", quality=95)
    whole = (cat / "truncated.jpg").read_bytes()
    (cat / "truncated.jpg").write_bytes(whole[: len(whole) // 2])
    (cat / "notes.jpg").write_text("not a photo at all\n")
    (cat / "empty.jpg").write_bytes(b"")
    (cat / "page.png").write_text("<!DOCTYPE html><html><body>404</body></html>")
    Image.new("CMYK", (16, 12), (0, 255, 255, 0)).save(dog / "cmyk.jpg")
    rgba = np.zeros((12, 16, 4), np.uint8)
    rgba[..., 0], rgba[..., 3] = 200, 0  # fully transparent red
    Image.fromarray(rgba, "RGBA").save(dog / "alpha.png")
    Image.fromarray(np.full((12, 16), 90, np.uint8), "L").save(dog / "gray.jpg")
    Image.fromarray(np.full((12, 16), 65535, np.uint16)).save(dog / "deep.png")
    Image.fromarray(_photo(3)).save(dog / "misnamed.png", format="JPEG")
    Image.fromarray(_photo(4)).save(dog / "photo.tif")
    (dog / "cat0-copy.jpg").write_bytes((cat / "cat0.jpg").read_bytes())
    (dog / "README.txt").write_text("dogs")
    (dog / ".DS_Store").write_bytes(b"\x00\x01")
    return root


def _problems(frame) -> dict[str, str]:
    return {p.name: why for p, why in zip(frame["path"], frame["problem"], strict=True)}


def test_scan_explains_every_odd_file(odd_dataset):
    frame = scan.scan(odd_dataset, tiny=8)  # the test images are 16x12
    assert list(frame.columns) == scan.COLUMNS
    why = _problems(frame)
    assert why["truncated.jpg"] == "truncated: the file ends before the image data does"
    assert why["notes.jpg"] == "not an image: the file holds text"
    assert why["empty.jpg"] == "empty: the file has 0 bytes"
    assert why["page.png"].startswith("not an image: the file holds a web page")
    assert why["cmyk.jpg"] == "CMYK colour: converted to RGB when loaded"
    assert why["alpha.png"] == "has an alpha channel: composited on white"
    assert why["deep.png"] == "16-bit: scaled to 8-bit"
    assert why["gray.jpg"] == "grayscale: copied to 3 channels"
    assert why["misnamed.png"].startswith("wrong suffix: a JPEG file named .png")
    assert why["photo.tif"].startswith("TIFF: TensorFlow's decoder cannot read it")
    assert why["cat0-copy.jpg"] == "duplicate: the same bytes as cat/cat0.jpg"
    assert why["cat0.jpg"] == "duplicate: the same bytes as dog/cat0-copy.jpg"
    assert why["README.txt"].startswith("ignored: not an image file name")
    assert why[".DS_Store"].startswith("ignored: a hidden file")
    for name in ("cat1.jpg", "cat2.jpg", "dog1.jpg"):
        assert why[name] == ""
    rows = frame.set_index(frame["path"].map(lambda p: p.name))
    assert not rows.loc["truncated.jpg", "readable"] and rows.loc["cmyk.jpg", "readable"]
    assert rows.loc["photo.tif", "readable"] and not rows.loc["photo.tif", "tf_readable"]
    assert rows.loc["cat0.jpg", ["width", "height", "aspect"]].tolist() == [16, 12, 16 / 12]
    assert rows.loc["cat0.jpg", "class"] == "cat" and rows.loc["cmyk.jpg", "class"] == "dog"
    assert rows["split"].isna().all(), "no split files, no split folders: no split"
    assert _problems(scan.scan(odd_dataset))["cat1.jpg"] == "tiny: only 16x12 pixels"


def test_scan_reads_splits_and_reports_missing_and_doubly_listed_files(odd_dataset, capsys):
    (odd_dataset / "train.txt").write_text("cat/cat0.jpg\ncat/cat1.jpg\ndog/dog0.jpg\n")
    (odd_dataset / "val.txt").write_text("cat/cat1.jpg\ndog/dog1.jpg\ndog/gone.jpg\n")
    frame = scan.scan(odd_dataset, tiny=8)
    splits = dict(zip(frame["path"].map(lambda p: p.name), frame["split"], strict=True))
    assert splits["cat0.jpg"] == "train" and splits["dog1.jpg"] == "val"
    assert splits["cat1.jpg"] == "train+val"
    why = _problems(frame)
    assert why["cat1.jpg"] == "in 2 splits: train and val"
    assert why["gone.jpg"] == "missing: listed in val.txt but missing"
    assert "in no split" in why["gray.jpg"], "a readable image that no split file lists"
    counts = scan.summary(frame)
    assert counts["missing"] == 1 and counts["in 2 splits"] == 1 and counts["truncated"] == 1
    assert f"{len(frame)} files in 2 class folder(s)" in capsys.readouterr().out


def test_scan_of_split_folders(tmp_path):
    seed = 0
    for split, count in (("train", 2), ("val", 1)):
        for name in ("a", "b"):
            (tmp_path / split / name).mkdir(parents=True)
            for i in range(count):
                seed += 1
                Image.fromarray(_photo(seed)).save(tmp_path / split / name / f"{i}.png")
    frame = scan.scan(tmp_path, tiny=8)
    assert len(frame) == 6 and sorted(frame["split"].value_counts().items()) == [
        ("train", 4), ("val", 2)
    ]
    assert (frame["problem"] == "").all() and frame["readable"].all()


def test_usable_files_leaves_out_what_tensorflow_cannot_decode(odd_dataset, capsys):
    files = data.list_files(odd_dataset)
    kept = pipeline.usable_files(files)
    out = capsys.readouterr().out
    left_out = {"truncated.jpg", "notes.jpg", "empty.jpg", "page.png", "photo.tif"}
    assert {p.name for p, _ in kept.skipped} == left_out
    assert all(name in out for name in left_out)
    assert len(kept.paths) == len(files.paths) - len(left_out)
    again = pipeline.usable_files(files, scan.scan(odd_dataset), verbose=False)
    assert again.paths == kept.paths and again.labels == kept.labels


def _epoch(ds):
    batches = [(x.numpy(), y.numpy()) for x, y in ds]
    return np.concatenate([x for x, _ in batches]), np.concatenate([y for _, y in batches])


def test_dataset_shapes_dtypes_labels_and_order(odd_dataset, capsys):
    files = pipeline.usable_files(data.list_files(odd_dataset), verbose=False)
    ds = pipeline.make_dataset(files, image_size=(8, 10), batch_size=4, check_files=False)
    images_spec, labels_spec = ds.element_spec
    assert tuple(images_spec.shape) == (None, 8, 10, 3) and images_spec.dtype.name == "uint8"
    assert tuple(labels_spec.shape) == (None,) and labels_spec.dtype.name == "int64"
    sizes = [len(y) for _, y in ds]
    assert sizes == [4] * (len(files.paths) // 4) + ([len(files.paths) % 4] if len(
        files.paths) % 4 else [])
    images, labels = _epoch(ds)
    assert labels.tolist() == files.labels, "without training the order is kept"
    cmyk = files.paths.index(odd_dataset / "dog" / "cmyk.jpg")
    red = images[cmyk].reshape(-1, 3).mean(axis=0)
    assert red[0] > 200 and red[1] < 60 and red[2] < 60, "CMYK red decodes as red"
    gray = images[files.paths.index(odd_dataset / "dog" / "gray.jpg")]
    assert np.all(np.abs(gray.astype(int) - 90) <= 2)
    deep = images[files.paths.index(odd_dataset / "dog" / "deep.png")]
    assert np.all(deep == 255), "16-bit white stays white"
    one = pipeline.load_image(str(odd_dataset / "dog" / "gray.jpg"), (8, 10)).numpy()
    assert one.shape == (8, 10, 3) and one.dtype == np.uint8 and np.array_equal(one, gray)
    scaled, _ = _epoch(
        pipeline.make_dataset(files, 8, batch_size=4, scale=True, check_files=False)
    )
    assert scaled.dtype == np.float32 and 0 <= scaled.min() and scaled.max() <= 1
    with pytest.raises(ValueError, match="training data only"):
        pipeline.make_dataset(files, 8, augment=pipeline.augmentation_layers(), training=False)


def test_bad_files_do_not_crash_an_epoch(odd_dataset, capsys):
    files = data.list_files(odd_dataset)
    ds = pipeline.make_dataset(files, 8, batch_size=3, check_files=False)
    _, labels = _epoch(ds)  # truncated, text, HTML, empty and TIFF files are dropped
    assert len(labels) == len(files.paths) - 5
    ds = pipeline.make_dataset(files, 8, batch_size=3)
    assert "Left out 5 file(s)" in capsys.readouterr().out
    assert len(_epoch(ds)[1]) == len(files.paths) - 5


def test_training_shuffle_and_augmentation_are_seeded(odd_dataset):
    files = pipeline.usable_files(data.list_files(odd_dataset), verbose=False)

    def build(seed):
        return pipeline.make_dataset(
            files, 8, batch_size=4, training=True, seed=seed, check_files=False,
            augment=pipeline.augmentation_layers(seed),
        )

    first = _epoch(build(1))
    again = _epoch(build(1))
    other = _epoch(build(2))
    assert sorted(first[1].tolist()) == sorted(files.labels), "every image once per epoch"
    assert first[0].dtype == np.uint8 and first[0].shape[1:] == (8, 8, 3)
    assert np.array_equal(first[0], again[0]) and np.array_equal(first[1], again[1])
    single = data.FileList(files.paths[:1], files.labels[:1], files.class_names)
    one = pipeline.make_dataset(
        single, 8, batch_size=1, training=True, seed=1, check_files=False,
        augment=pipeline.augmentation_layers(1),
    )
    assert not np.array_equal(_epoch(one)[0], _epoch(one)[0]), "new random changes each epoch"
    assert not np.array_equal(first[0], other[0])


def test_cache_serves_later_epochs_from_memory_or_file(odd_dataset, tmp_path):
    files = pipeline.usable_files(data.list_files(odd_dataset), verbose=False)
    target = odd_dataset / "cat" / "cat0.jpg"
    index = files.paths.index(target)
    original = target.read_bytes()
    for cache in (True, tmp_path / "cache" / "train"):
        target.write_bytes(original)
        ds = pipeline.make_dataset(files, 8, batch_size=4, cache=cache, check_files=False)
        before, _ = _epoch(ds)
        Image.fromarray(np.zeros((12, 16, 3), np.uint8)).save(target)  # the photo turns black
        after, _ = _epoch(ds)
        assert np.array_equal(before[index], after[index]), f"cache={cache}: not cached"
        uncached, _ = _epoch(pipeline.make_dataset(files, 8, cache=False, check_files=False))
        assert uncached[index].max() <= 5, "without a cache the file is read again"
    assert list((tmp_path / "cache").glob("train*")), "the file cache was written"


def test_augmentation_layers_change_training_batches_only():
    layers = pipeline.augmentation_layers(seed=3)
    batch = np.random.default_rng(0).integers(0, 256, (4, 16, 16, 3)).astype(np.float32)
    assert np.array_equal(np.asarray(layers(batch, training=False)), batch)
    changed = np.asarray(layers(batch, training=True))
    assert changed.shape == batch.shape and not np.allclose(changed, batch)
    names = [type(layer).__name__ for layer in layers.layers]
    assert names == ["RandomFlip", "RandomRotation", "RandomTranslation", "RandomZoom",
                     "RandomBrightness", "RandomContrast"]
    assert len(pipeline.augmentation_layers(flip="", contrast=0).layers) == 4


def test_subset_matches_load_images():
    root = data.sample_dir("trashnet")
    files = data.subset(data.list_files(root, "val"), 2, seed=5)
    loaded = data.load_images(split="val", image_size=8, images_per_class=2, seed=5, root=root)
    assert files.paths == loaded.paths and files.labels == loaded.labels.tolist()
