"""Evaluate a saved model on a folder of images. Introduced in 03_logistic_regression.

    python -m helpers.evaluate MODEL_FILE IMAGE_DIR [--split val]

IMAGE_DIR is a data set folder ``<class>/<image>`` (with split files or split
folders, choose one with ``--split``). The images get the model's own
preprocessing (its image size; the rest is inside the model). Prints accuracy,
weighted precision / recall / F1, MCC and a per-class report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import classification_report

from helpers.data import DataError, load_images
from helpers.models import load_model
from helpers.results import classification_metrics


def evaluate(model_file: str | Path, image_dir: str | Path, split: str | None = None) -> dict:
    """Figures of a saved model on a folder of images (printed, and returned as a dict)."""
    saved = load_model(model_file)
    images = load_images(root=image_dir, split=split, image_size=saved.image_size)
    unknown = sorted(set(images.class_names) - set(saved.class_names))
    if unknown:
        raise DataError(
            f"The model knows the classes {', '.join(saved.class_names)}; the folder also has "
            f"{', '.join(unknown)}. Evaluate on folders of known classes only."
        )
    # Folder labels -> the model's class indices, by name.
    to_model = np.array([saved.class_names.index(n) for n in images.class_names])
    y_true = to_model[images.labels]
    y_pred = saved.predict(images.images)
    figures = classification_metrics(y_true, y_pred)
    print(f"{saved.method} ({saved.lesson}) on {len(y_true)} images of {image_dir}")
    for name, value in figures.items():
        print(f"  {name:<9} {value:.3f}")
    present = sorted(set(y_true) | set(y_pred))
    print(
        classification_report(
            y_true, y_pred, labels=present, target_names=[saved.class_names[i] for i in present],
            zero_division=0,
        )
    )
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_file")
    parser.add_argument("image_dir")
    parser.add_argument("--split", default=None, help="train, val or test (default: all images)")
    args = parser.parse_args(argv)
    try:
        evaluate(args.model_file, args.image_dir, args.split)
    except (DataError, FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
