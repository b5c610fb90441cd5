"""Images per second: the course's tf.data pipeline against Keras's legacy ImageDataGenerator.

    python tests/benchmarks/pipeline_throughput.py --root DIR [--image-size 128]
        [--batch-size 32] [--epochs 3]

DIR is a data set folder ``<class>/<image>`` (split files, if any, are ignored:
both pipelines read every image of the class folders). In one process, one after
the other, on the same images, at the same size and batch size, every batch
rescaled to float32 in 0..1, in a fixed order, without augmentation:

- ``helpers.pipeline.make_dataset(..., scale=True)`` (introduced in 02_data):
  TensorFlow reads, decodes and resizes in parallel threads and prefetches; once
  with the decoded images cached in memory (epochs after the first come from the
  cache) and once without a cache;
- ``ImageDataGenerator(rescale=1/255).flow_from_directory(DIR, ...)``: Keras's
  legacy loader, which decodes and resizes with PIL, one image after the other.
  It is deprecated and no longer part of the public API of Keras 3 (3.15 here):
  this script imports it from the private module
  ``keras.src.legacy.preprocessing.image``, or from ``tf_keras`` (Keras 2) if
  that is installed and the private module is gone.

Both resize with bilinear interpolation and stretch to a square (no aspect
ratio kept). Before timing, every file is read once, so that both start with
the files in the operating system's cache, and each pipeline delivers one batch,
so that one-time start-up costs (thread pools, imports) are not timed. The
pipelines take turns epoch by epoch (epoch 1 of each, then epoch 2 of each, ...),
so that a change in the load of a shared machine affects them alike. The first
epoch is reported apart from the later ones, which is where a cache pays off.
TensorFlow decodes on all cores; the legacy loader on one. Only images that both
pipelines read are counted: the script stops if the two lists of files differ
(for example a file TensorFlow cannot decode; run ``helpers.scan.scan`` on DIR).
Nothing is written anywhere. Times depend on the machine and on what else runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from helpers import data, pipeline  # noqa: E402
from helpers.modes import quiet_tensorflow  # noqa: E402

# What flow_from_directory lists (keras.src.legacy.preprocessing.image), minus the
# formats tf.io.decode_image does not read (ppm, tif, tiff).
SHARED_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp"}


def image_data_generator():
    """The legacy ImageDataGenerator class and where it came from."""
    try:
        import keras
        from keras.src.legacy.preprocessing.image import ImageDataGenerator

        where = f"keras.src.legacy.preprocessing.image (Keras {keras.__version__})"
        return ImageDataGenerator, where
    except ImportError:
        pass
    try:
        import tf_keras
        from tf_keras.preprocessing.image import ImageDataGenerator

        return ImageDataGenerator, f"tf_keras.preprocessing.image (tf_keras {tf_keras.__version__})"
    except ImportError:
        sys.exit(
            "ImageDataGenerator is not available: neither keras.src.legacy.preprocessing.image "
            "nor tf_keras could be imported."
        )


def timed_epochs(runs: dict, epochs: int, expected: int) -> dict[str, list[float]]:
    """Seconds of each epoch of each run; ``run()`` delivers one epoch and returns its
    number of images. The runs take turns, epoch by epoch, so that a change in the
    load of a shared machine affects them alike."""
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(epochs):
        for name, run_epoch in runs.items():
            start = time.perf_counter()
            count = run_epoch()
            seconds[name].append(time.perf_counter() - start)
            if count != expected:
                sys.exit(f"{name} delivered {count} images in an epoch instead of {expected}.")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, type=Path,
                        help="data set folder with one sub-folder of images per class")
    parser.add_argument("--image-size", type=int, default=128)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=3, help="at least 2")
    args = parser.parse_args(argv)
    if args.epochs < 2:
        parser.error("--epochs must be at least 2 (the first epoch is reported apart)")
    if (args.root / "train").is_dir() and not (args.root / "train.txt").is_file():
        parser.error("DIR has split folders (train/<class>/); pass one of them as --root")

    tf = quiet_tensorflow()
    generator_class, generator_origin = image_data_generator()
    size, batch = args.image_size, args.batch_size

    listed = data.list_files(args.root)  # every image of the class folders
    shared = [i for i, p in enumerate(listed.paths) if p.suffix.lower() in SHARED_SUFFIXES]
    files = data.FileList([listed.paths[i] for i in shared], [listed.labels[i] for i in shared],
                          listed.class_names)
    files = pipeline.usable_files(files)
    flow = generator_class(rescale=1 / 255).flow_from_directory(
        str(args.root), target_size=(size, size), batch_size=batch, class_mode="sparse",
        shuffle=False, interpolation="bilinear", classes=files.class_names,
    )
    ours = {os.path.realpath(p) for p in files.paths}
    theirs = {os.path.realpath(p) for p in flow.filepaths}
    if ours != theirs:
        only_ours, only_theirs = sorted(ours - theirs)[:5], sorted(theirs - ours)[:5]
        sys.exit(
            f"The two pipelines would read different files (tf.data only: {only_ours}; "
            f"ImageDataGenerator only: {only_theirs}). Clean the folder first: "
            "helpers.scan.scan(DIR) explains the odd files."
        )
    n = len(files.paths)
    for path in files.paths:  # both start with the files in the operating system's cache
        path.read_bytes()

    def tf_data(cache: bool):
        ds = pipeline.make_dataset(files, size, batch, training=False, cache=cache, scale=True,
                                   check_files=False)

        def epoch() -> int:
            return sum(int(labels.shape[0]) for _, labels in ds)

        return epoch

    def legacy_epoch() -> int:
        count = 0
        for i in range(len(flow)):
            images, labels = flow[i]
            assert images.dtype == "float32" and images.shape[1:] == (size, size, 3)
            count += len(labels)
        return count

    # One-time start-up costs, not timed: a whole small epoch of tf.data, a batch of the other.
    few = data.FileList(files.paths[:2 * batch], files.labels[:2 * batch], files.class_names)
    for _ in pipeline.make_dataset(few, size, batch, cache=False, scale=True, check_files=False):
        pass
    flow[0]

    runs = {
        "tf.data, no cache": tf_data(cache=False),
        "tf.data, cache in memory": tf_data(cache=True),
        "ImageDataGenerator.flow_from_directory": legacy_epoch,
    }
    results = timed_epochs(runs, args.epochs, n)

    print(f"{n} images of {args.root} ({len(files.class_names)} classes), resized to "
          f"{size}x{size}, batches of {batch}, rescaled to float32 0..1, fixed order, no "
          f"augmentation; {args.epochs} epochs each, the pipelines taking turns.")
    print(f"Python {platform.python_version()}, TensorFlow {tf.__version__}, "
          f"ImageDataGenerator from {generator_origin}; {os.cpu_count()} CPU cores "
          "(shared with whatever else runs).")
    later = f"epochs 2-{args.epochs}" if args.epochs > 2 else "epoch 2"
    print()
    print(f"{'':<40} {'images per second':^27}  {'seconds per epoch':^27}")
    header = f"{'pipeline':<40} {'epoch 1':>12} {later:>14}  {'epoch 1':>12} {later:>14}"
    print(header)
    print("-" * len(header))
    rates = {}
    for name, seconds in results.items():
        first, rest = seconds[0], sum(seconds[1:]) / len(seconds[1:])
        rates[name] = (n / first, n / rest)
        print(f"{name:<40} {n / first:12.0f} {n / rest:14.0f}  {first:12.2f} {rest:14.2f}")
    legacy = rates["ImageDataGenerator.flow_from_directory"]
    print()
    for name in ("tf.data, no cache", "tf.data, cache in memory"):
        mine = rates[name]
        print(f"{name} / ImageDataGenerator: {mine[0] / legacy[0]:.1f}x in epoch 1, "
              f"{mine[1] / legacy[1]:.1f}x in later epochs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
