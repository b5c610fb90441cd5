"""Input pipelines with tf.data. Introduced in 02_data.

``make_dataset`` turns a ``helpers.data.FileList`` (paths and labels) into a
``tf.data.Dataset`` of ``(images, labels)`` batches, in this order::

    file names -> read + decode + resize -> cache -> shuffle -> batch -> augment -> prefetch
                  (in parallel)            (once)   (training only)    (training only)

- decoding runs in parallel threads (``num_parallel_calls``), in TensorFlow, not Python;
- the cache keeps the decoded, resized images (uint8) in memory or in a file after the
  first epoch, so later epochs skip reading and decoding;
- shuffling comes *after* the cache, so every epoch has a new order;
- augmentation comes after the cache too, so every epoch sees new random versions;
- ``prefetch`` prepares the next batches while the model works on the current one.

Images come out as uint8 (N, H, W, 3), like ``helpers.data.load_images``, unless
``scale=True`` (float32 in 0..1); labels as int64.

**Files TensorFlow cannot read.** ``tf.io.decode_image`` stops the whole epoch with
an error on a truncated JPEG, a text file named ``.jpg``, an empty file or a TIFF.
Two defences, both on by default:

1. before building, ``usable_files`` checks every file with ``helpers.scan.inspect_file``
   (a full decode with PIL) and leaves out, *with a printed report*, the files that
   ``helpers.data.read_image`` cannot load or whose format TensorFlow does not decode;
2. after decoding, ``Dataset.ignore_errors()`` drops, *silently*, any element whose
   decoding still fails (a file damaged after the check, or a case the check did not
   foresee), so an epoch never crashes.

TensorFlow's decoder differs from ``read_image`` in two details: it drops an alpha
channel instead of compositing on white, and it ignores EXIF rotation (the scan
reports both; TrashNet has neither). TensorFlow is imported through
``helpers.modes.quiet_tensorflow``, so it starts without log messages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.data import FileList
from helpers.modes import quiet_tensorflow


def usable_files(
    files: FileList, scan_frame: pd.DataFrame | None = None, verbose: bool = True
) -> FileList:
    """The files of ``files`` that TensorFlow can decode; the others move to ``skipped``.

    A file is usable when ``helpers.data.read_image`` loads it and its format is one
    ``tf.io.decode_image`` reads (``helpers.scan.TF_FORMATS``). Pass the frame of a
    ``helpers.scan.scan`` you already ran to skip the check; otherwise every file is
    inspected now. ``verbose`` prints which files were left out, and why.
    """
    from helpers import scan

    if scan_frame is not None:
        known = {Path(p): (ok, why) for p, ok, why in
                 zip(scan_frame["path"], scan_frame["tf_readable"], scan_frame["problem"],
                     strict=True)}
    else:
        known = {}
    kept_paths, kept_labels, skipped = [], [], list(files.skipped)
    for path, label in zip(files.paths, files.labels, strict=True):
        ok, why = known.get(Path(path)) or _usable(scan.inspect_file(path))
        if ok:
            kept_paths.append(path)
            kept_labels.append(label)
        else:
            skipped.append((Path(path), why))
    left_out = skipped[len(files.skipped):]
    if verbose and left_out:
        print(f"Left out {len(left_out)} file(s) that TensorFlow cannot decode:")
        for path, why in left_out:
            print(f"  {Path(path).parent.name}/{Path(path).name}: {why}")
    return FileList(kept_paths, kept_labels, list(files.class_names), skipped)


def _usable(row: dict) -> tuple[bool, str]:
    return bool(row["tf_readable"]), row["problem"]


def load_image(path, image_size: int | tuple[int, int]):
    """Read, decode and resize one image file in TensorFlow: a uint8 tensor (H, W, 3).

    ``path`` is a string (or a string tensor, inside ``Dataset.map``). Grayscale and
    RGBA files become 3 channels (alpha dropped); GIFs give their first frame.
    Resizing follows ``helpers.data.load_images``: area interpolation (the average
    of the pixels that merge) when shrinking, bilinear when enlarging.
    """
    return _load_image(quiet_tensorflow(), path, _size(image_size))


def _load_image(tf, path, size: tuple[int, int]):
    raw = tf.io.read_file(path)
    image = tf.io.decode_image(raw, channels=3, expand_animations=False, dtype=tf.uint8)
    image.set_shape([None, None, 3])
    # Like helpers.data: area interpolation when shrinking, bilinear when enlarging.
    shape = tf.shape(image)
    shrinking = tf.logical_or(shape[0] > size[0], shape[1] > size[1])
    image = tf.cond(
        shrinking,
        lambda: tf.image.resize(image, size, method="area"),
        lambda: tf.image.resize(image, size, method="bilinear"),
    )
    return tf.cast(tf.round(tf.clip_by_value(image, 0.0, 255.0)), tf.uint8)


def augmentation_layers(
    seed: int = 42,
    flip: str = "horizontal_and_vertical",
    rotation: float = 0.1,
    translation: float = 0.1,
    zoom: float = 0.1,
    brightness: float = 0.1,
    contrast: float = 0.1,
):
    """The course's data augmentation: a Keras ``Sequential`` of random layers.

    Each call of the model on a batch with ``training=True`` draws new random
    changes per image: a flip (``flip``: "horizontal", "vertical" or both), a
    rotation by up to ``rotation`` x 360 degrees, a shift by up to ``translation``
    of the height and width, a zoom in or out by up to ``zoom``, a brightness
    shift of up to ``brightness`` of the 0..255 range, and a contrast factor drawn
    from [1 - ``contrast``, 1 + ``contrast``]. Empty areas are filled by
    reflection. With ``training=False`` (``model.predict``, ``model.evaluate``)
    the layers pass images through unchanged. Give them float32 images in 0..255
    (some Keras layers, such as ``RandomContrast``, reject uint8 tensors); they
    return float32.
    Seeded, so a fresh set of layers repeats its draws. Introduced in 02_data;
    used again in 05_dense_ann, 06_cnn and 07_transfer_learning.
    """
    quiet_tensorflow()
    import keras
    from keras import layers

    steps = []
    if flip:
        steps.append(layers.RandomFlip(flip, seed=seed))
    if rotation:
        steps.append(layers.RandomRotation(rotation, fill_mode="reflect", seed=seed + 1))
    if translation:
        steps.append(
            layers.RandomTranslation(translation, translation, fill_mode="reflect", seed=seed + 2)
        )
    if zoom:
        steps.append(layers.RandomZoom(zoom, zoom, fill_mode="reflect", seed=seed + 3))
    if brightness:
        steps.append(layers.RandomBrightness(brightness, value_range=(0, 255), seed=seed + 4))
    if contrast:
        steps.append(layers.RandomContrast(contrast, seed=seed + 5))
    return keras.Sequential(steps, name="augmentation")


def make_dataset(
    files: FileList,
    image_size: int | tuple[int, int] = 64,
    batch_size: int = 32,
    training: bool = False,
    cache: bool | str | Path = True,
    augment: Callable | None = None,
    seed: int = 42,
    scale: bool = False,
    check_files: bool | pd.DataFrame = True,
    verbose: bool = True,
):
    """A batched, prefetched ``tf.data.Dataset`` of (images, labels) from a ``FileList``.

    - ``image_size``: images are resized to image_size x image_size (or (height, width)).
    - ``training``: shuffle every epoch (seeded with ``seed``) and apply ``augment``;
      otherwise the order of ``files`` is kept, so predictions line up with labels.
    - ``cache``: ``True`` keeps the decoded images in memory after the first epoch; a
      path caches them in files with that prefix (TensorFlow reuses existing cache
      files as they are: delete them when the files or the image size change);
      ``False`` decodes every epoch.
    - ``augment``: a Keras layer or model (called with ``training=True``), e.g.
      ``augmentation_layers(seed)``, or a function of a batch of images, applied to each
      training batch as float32 in 0..255; the result is rounded back to uint8.
    - ``scale``: images as float32 in 0..1 instead of uint8 (scaled after the cache,
      so the cache stays uint8, four times smaller).
    - ``check_files``: leave out the files TensorFlow cannot decode first (see
      ``usable_files``; pass a ``helpers.scan.scan`` frame to reuse its findings);
      ``ignore_errors`` guards the epoch in any case.
    """
    tf = quiet_tensorflow()
    if augment is not None and not training:
        raise ValueError(
            "augment is for training data only: validation and test images must stay as "
            "they are. Pass training=True, or leave augment out."
        )
    if check_files is not False:
        frame = check_files if isinstance(check_files, pd.DataFrame) else None
        files = usable_files(files, frame, verbose=verbose)
    if not files.paths:
        raise ValueError("There are no usable image files to build a dataset from.")
    size = _size(image_size)
    paths = tf.constant([str(p) for p in files.paths])
    labels = tf.constant(np.asarray(files.labels, dtype=np.int64))
    autotune = tf.data.AUTOTUNE

    ds = tf.data.Dataset.from_tensor_slices((paths, labels))
    ds = ds.map(lambda p, y: (_load_image(tf, p, size), y), num_parallel_calls=autotune)
    ds = ds.ignore_errors()
    if cache is True:
        ds = ds.cache()
    elif cache:
        Path(cache).parent.mkdir(parents=True, exist_ok=True)
        ds = ds.cache(str(cache))
    if training:
        ds = ds.shuffle(len(files.paths), seed=seed, reshuffle_each_iteration=True)
    ds = ds.batch(batch_size)
    if augment is not None:
        import keras

        if isinstance(augment, keras.Layer):  # Keras layers and models: the training branch
            layer = augment

            def augment(images):
                return layer(images, training=True)

        # One call per batch, in order: parallel calls would make the seeded draws race.
        ds = ds.map(lambda x, y: (_to_uint8(tf, augment(tf.cast(x, tf.float32))), y))
    if scale:
        ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y), num_parallel_calls=autotune)
    return ds.prefetch(autotune)


def _to_uint8(tf, images):
    return tf.cast(tf.round(tf.clip_by_value(tf.cast(images, tf.float32), 0.0, 255.0)), tf.uint8)


def _size(image_size: int | tuple[int, int]) -> tuple[int, int]:
    if isinstance(image_size, int):
        return image_size, image_size
    height, width = image_size
    return int(height), int(width)
