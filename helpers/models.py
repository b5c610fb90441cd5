"""Saving a trained model with what it needs to be used again. Introduced in 03_logistic_regression.

A saved model remembers the image size and the class names it was trained with,
so ``helpers.evaluate`` can run it on any folder of ``<class>/<image>`` files.

- scikit-learn / LightGBM: a ``Pipeline`` (or any estimator) whose input is a batch
  of RGB uint8 images, shape (N, H, W, 3), saved with joblib as ``NAME.joblib``;
- Keras: a model whose input is such a batch (scaling inside the model), saved as
  ``NAME.keras`` with the details beside it in ``NAME.json``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from helpers.storage import data_home


@dataclass
class SavedModel:
    """A model and the facts needed to feed it."""

    model: Any
    image_size: int
    class_names: list[str]
    lesson: str
    method: str

    def predict(self, images: np.ndarray) -> np.ndarray:
        """Class indices for a batch of RGB uint8 images of the model's image size."""
        if not _is_keras(self.model):
            return np.asarray(self.model.predict(images))
        return self.probabilities(images).argmax(axis=1)

    def probabilities(self, images: np.ndarray) -> np.ndarray:
        """The probability of each class for each image, shape (N, classes): the model's
        ``predict_proba`` (scikit-learn, LightGBM) or its outputs (Keras: softmax; one
        sigmoid output becomes the two columns 1 - p, p). Introduced in 08_evaluation."""
        if not _is_keras(self.model):
            return np.asarray(self.model.predict_proba(images), dtype=np.float64)
        scores = np.asarray(self.model.predict(images, verbose=0), dtype=np.float64)
        if scores.ndim == 2 and scores.shape[1] == 1:  # one sigmoid output: binary
            return np.hstack([1 - scores, scores])
        return scores


def models_dir() -> Path:
    """Where lessons save their models: ``$COURSE_MODELS`` or ``<data home>/models``."""
    return Path(os.environ.get("COURSE_MODELS") or data_home() / "models")


def _is_keras(model: Any) -> bool:
    return type(model).__module__.startswith(("keras", "tensorflow"))


def save_model(
    model: Any, name: str, *, image_size: int, class_names: list[str], lesson: str, method: str,
    folder: str | Path | None = None,
) -> Path:
    """Save ``model`` as ``<folder>/<name>.joblib`` (or ``.keras``); return the path."""
    folder = Path(folder) if folder else models_dir()
    folder.mkdir(parents=True, exist_ok=True)
    facts = {
        "image_size": int(image_size),
        "class_names": list(class_names),
        "lesson": lesson,
        "method": method,
    }
    if _is_keras(model):
        path = folder / f"{name}.keras"
        model.save(path)
        path.with_suffix(".json").write_text(json.dumps(facts, indent=1))
        return path
    import joblib

    path = folder / f"{name}.joblib"
    joblib.dump({"model": model, **facts}, path)
    return path


def load_model(path: str | Path) -> SavedModel:
    """Load a model saved by ``save_model``; a clear error if the file is not one.

    Loading runs code stored in the file (pickle): load only models you trust.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"There is no model file {path}.")
    if path.suffix == ".keras":
        facts_file = path.with_suffix(".json")
        if not facts_file.is_file():
            raise ValueError(f"{facts_file.name} is missing: it must sit beside {path.name}.")
        from helpers.modes import quiet_tensorflow

        keras = quiet_tensorflow().keras
        return SavedModel(keras.models.load_model(path), **json.loads(facts_file.read_text()))
    if path.suffix != ".joblib":
        raise ValueError(f"{path.name} is not a saved course model (.joblib or .keras).")
    import joblib

    stored = joblib.load(path)
    if not isinstance(stored, dict) or "model" not in stored:
        raise ValueError(f"{path.name} was not saved by helpers.models.save_model.")
    return SavedModel(**stored)
