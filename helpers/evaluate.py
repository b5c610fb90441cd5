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
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import classification_report

from helpers.data import DataError, ImageSet, load_images
from helpers.models import SavedModel, load_model, models_dir
from helpers.results import classification_metrics


@dataclass
class Evaluation:
    """A saved model's answers on one split: the photos (at the model's image size), the
    true classes and the probabilities, both in the model's class order."""

    saved: SavedModel
    images: ImageSet
    y_true: np.ndarray
    probabilities: np.ndarray

    @property
    def y_pred(self) -> np.ndarray:
        return self.probabilities.argmax(axis=1)

    @property
    def figures(self) -> dict[str, float]:
        return classification_metrics(self.y_true, self.y_pred)


def run(model: str | Path | SavedModel, image_dir: str | Path,
        split: str | None = None) -> Evaluation:
    """Load a saved model (unless given loaded) and the split's photos at its image size;
    predict them."""
    saved = model if isinstance(model, SavedModel) else load_model(model)
    images = load_images(root=image_dir, split=split, image_size=saved.image_size)
    unknown = sorted(set(images.class_names) - set(saved.class_names))
    if unknown:
        raise DataError(
            f"The model knows the classes {', '.join(saved.class_names)}; the folder also has "
            f"{', '.join(unknown)}. Evaluate on folders of known classes only."
        )
    # Folder labels -> the model's class indices, by name.
    to_model = np.array([saved.class_names.index(n) for n in images.class_names])
    return Evaluation(saved, images, to_model[images.labels], saved.probabilities(images.images))


def evaluate(model_file: str | Path, image_dir: str | Path, split: str | None = None) -> dict:
    """Figures of a saved model on a folder of images (printed, and returned as a dict)."""
    result = run(model_file, image_dir, split)
    saved, y_true, y_pred = result.saved, result.y_true, result.y_pred
    figures = result.figures
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


def final_split(image_dir: str | Path) -> str:
    """The split to judge finished models on: "test" when the data set has one, else "val"
    (08_evaluation says which it was). Introduced in 08_evaluation."""
    root = Path(image_dir)
    return "test" if (root / "test.txt").is_file() or (root / "test").is_dir() else "val"


def saved_models(folder: str | Path | None = None) -> list[Path]:
    """The models the lessons saved (``.joblib``, and ``.keras`` with its ``.json``), in
    course order (their file names start with the lesson's number)."""
    folder = Path(folder) if folder else models_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == ".joblib" or (
        p.suffix == ".keras" and p.with_suffix(".json").is_file()))


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
