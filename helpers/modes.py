"""How big a run is: the one place that decides it. Introduced in 00_setup.

Three modes serve the same notebook on a Colab GPU, a laptop and the autograder:

- ``full``: the full data set at the lesson's image size and epoch budget;
- ``quick``: the bundled sample, small images, one or two epochs;
- ``grading``: the smallest budget, chosen automatically under nbgrader.

The mode comes from, in order: nbgrader (``NBGRADER_EXECUTION`` is set while it
executes notebooks: grading always wins, whatever a learner's notebook asks for),
``set_mode()`` in the notebook, the environment variable ``COURSE_MODE``, then
``full`` if a full data set is present, else ``quick``.
"""

from __future__ import annotations

import logging
import os
import random
import sys
from dataclasses import dataclass, replace

import numpy as np

MODES = ("full", "quick", "grading")
ENV_VAR = "COURSE_MODE"
_chosen: str | None = None


@dataclass(frozen=True)
class Budget:
    """The size of a lesson's run in one mode."""

    mode: str
    image_size: int  # images are resized to image_size x image_size
    images_per_class: int | None  # per split; None = every image
    epochs: int
    batch_size: int
    search_iterations: int  # hyper-parameter search candidates


_BASE = {
    "full": Budget("full", 128, None, 30, 32, 20),
    "quick": Budget("quick", 64, None, 2, 32, 4),
    "grading": Budget("grading", 32, 4, 1, 16, 2),
}

# What a lesson changes in full mode (image size and epochs suit its model).
_LESSON_FULL = {
    "03_logistic_regression": {"image_size": 64},
    "04_lightgbm": {"image_size": 32},
    "05_dense_ann": {"image_size": 64},
    "07_transfer_learning": {"image_size": 224, "epochs": 15},
}


def set_mode(mode: str | None) -> str:
    """Choose the mode for this session (``None`` goes back to automatic)."""
    global _chosen
    if mode is not None and mode not in MODES:
        raise ValueError(f"Unknown mode {mode!r}: choose one of {', '.join(MODES)}.")
    _chosen = mode
    return current_mode()


def current_mode() -> str:
    """The mode in force now (see the module docstring for the order of precedence)."""
    if os.environ.get("NBGRADER_EXECUTION"):
        return "grading"
    if _chosen:
        return _chosen
    from_env = os.environ.get(ENV_VAR, "").strip().lower()
    if from_env:
        if from_env not in MODES:
            raise ValueError(
                f"{ENV_VAR}={from_env!r} is not a mode: use one of {', '.join(MODES)}."
            )
        return from_env
    from helpers.data import full_copy

    return "full" if full_copy("trashnet") is not None else "quick"


def budget(lesson: str | None = None, mode: str | None = None) -> Budget:
    """The budget of ``lesson`` in ``mode`` (default: the current mode)."""
    mode = mode or current_mode()
    if mode not in MODES:
        raise ValueError(f"Unknown mode {mode!r}: choose one of {', '.join(MODES)}.")
    base = _BASE[mode]
    if mode == "full" and lesson in _LESSON_FULL:
        return replace(base, **_LESSON_FULL[lesson])
    return base


def seed_everything(seed: int = 42) -> None:
    """Seed Python, NumPy and (if imported) TensorFlow so runs repeat. Introduced in 00_setup."""
    random.seed(seed)
    np.random.seed(seed)
    if "tensorflow" in sys.modules:
        sys.modules["tensorflow"].random.set_seed(seed)


def quiet_tensorflow():
    """Import TensorFlow without its start-up chatter and return it. Introduced in 00_setup.

    nbgrader scores a test cell with stderr output as 0, and TensorFlow's C++
    start-up messages ignore ``TF_CPP_MIN_LOG_LEVEL``; so the first import runs
    with the process's stderr pointed at the null device. Errors still raise.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    if "tensorflow" not in sys.modules:
        sys.stderr.flush()
        saved, null = os.dup(2), os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        try:
            import tensorflow  # noqa: F401
        finally:
            os.dup2(saved, 2)
            os.close(null)
            os.close(saved)
    tf = sys.modules["tensorflow"]
    tf.get_logger().setLevel(logging.ERROR)
    logging.getLogger("absl").setLevel(logging.ERROR)
    return tf


def start_lesson(
    lesson: str, mode: str | None = None, seed: int = 42, tensorflow: bool = False
) -> Budget:
    """The first call of every lesson: choose the mode, seed, say what the mode means.

    Pass ``mode="full"`` / ``"quick"`` / ``"grading"`` to override the automatic
    choice for this session; ``tensorflow=True`` imports TensorFlow quietly first
    (lessons that train models). Introduced in 00_setup.
    """
    # Quiet TensorFlow's C++ log even in lessons that do not use it, for an answer that does.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if tensorflow:
        quiet_tensorflow()
    if mode is not None:
        set_mode(mode)
    seed_everything(seed)
    plan = budget(lesson)
    source = "full data set" if plan.mode == "full" else "bundled sample"
    per_class = "all images" if plan.images_per_class is None else (
        f"{plan.images_per_class} images per class and split"
    )
    print(
        f"{lesson} in {plan.mode} mode: {source}, {per_class}, "
        f"{plan.image_size}x{plan.image_size} px, {plan.epochs} epoch(s)."
    )
    if mode is not None and mode != plan.mode:
        print(f"(nbgrader is running this notebook, so mode={mode!r} gives way to grading.)")
    return plan
