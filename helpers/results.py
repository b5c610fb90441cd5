"""The results registry: every modelling lesson records its best model's figures here,
and 08_evaluation shows them side by side. Introduced in 03_logistic_regression.

Results are rows of a CSV file, ``$COURSE_RESULTS`` or ``<data home>/results.csv``.
A row is identified by (mode, lesson, method, colour, augmentation, split):
recording the same model again replaces its row.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn import metrics

from helpers.storage import data_home

KEY = ["mode", "lesson", "method", "colour", "augmentation", "split"]
FIGURES = ["accuracy", "precision", "recall", "f1", "mcc"]
COLUMNS = [*KEY, "fit_seconds", *FIGURES, "n_images"]


def results_file() -> Path:
    return Path(os.environ.get("COURSE_RESULTS") or data_home() / "results.csv")


def classification_metrics(y_true, y_pred) -> dict[str, float]:
    """Accuracy, weighted precision / recall / F1 and Matthews correlation coefficient."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    precision, recall, f1, _ = metrics.precision_recall_fscore_support(
        y_true, y_pred, average="weighted", zero_division=0
    )
    return {
        "accuracy": float(metrics.accuracy_score(y_true, y_pred)),
        "precision": float(precision),
        "recall": float(recall),
        "f1": float(f1),
        "mcc": float(metrics.matthews_corrcoef(y_true, y_pred)),
    }


def record(
    lesson: str,
    method: str,
    y_true,
    y_pred,
    *,
    colour: str,
    fit_seconds: float,
    augmentation: str = "none",
    split: str = "val",
    mode: str | None = None,
    details: dict | None = None,
) -> pd.Series:
    """Compute the figures of one model on one split, store them, and return the row.

    ``details`` adds columns of the lesson's own (for example ``{"epochs": 41,
    "images_per_second": 230}`` for a network); other rows leave them empty."""
    from helpers.modes import current_mode

    row = {
        "mode": mode or current_mode(),
        "lesson": lesson,
        "method": method,
        "colour": colour,
        "augmentation": augmentation,
        "split": split,
        "fit_seconds": round(float(fit_seconds), 2),
        **{k: round(v, 4) for k, v in classification_metrics(y_true, y_pred).items()},
        "n_images": len(y_true),
        **(details or {}),
    }
    table = load()
    same = (table[KEY] == pd.Series({k: row[k] for k in KEY})).all(axis=1)
    extra = [c for c in [*table.columns, *row] if c not in COLUMNS]
    columns = [*COLUMNS, *dict.fromkeys(extra)]  # keep extra columns, in order
    table = pd.DataFrame([*table[~same].to_dict("records"), row], columns=columns)
    path = results_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    table.to_csv(partial, index=False)
    os.replace(partial, path)  # all or nothing: a killed kernel never leaves half a file
    return pd.Series(row)


def load(mode: str | None = None) -> pd.DataFrame:
    """All recorded results (of one mode, if given), in the order they were recorded."""
    path = results_file()
    try:
        table = pd.read_csv(path)
    except (FileNotFoundError, pd.errors.EmptyDataError):
        table = pd.DataFrame(columns=COLUMNS)
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(
            f"{path} is not a results file of this course (no column {', '.join(missing)}): "
            f"move it away, or point COURSE_RESULTS at another file."
        )
    return table[table["mode"] == mode].reset_index(drop=True) if mode else table
