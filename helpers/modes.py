"""How big a run is: the one place that decides it. Introduced in 00_setup.

Three modes serve the same notebook on a Colab GPU, a laptop and the autograder:

- ``full``: the full data set at the lesson's image size and epoch budget;
- ``quick``: the bundled sample, small images, one or two epochs;
- ``grading``: the smallest budget, chosen automatically under nbgrader.

The mode comes from, in order: nbgrader (``NBGRADER_EXECUTION`` is set while it
executes notebooks: grading always wins, whatever a learner's notebook asks for),
``set_mode()`` in the notebook, the environment variable ``COURSE_MODE``, then
``full`` if the full copy of the lesson's data set is present, else ``quick``.

A lesson's budget is the common one of its mode with the changes its entry in
``helpers.lessons`` makes (a CNN wants other image sizes than LightGBM).
"""

from __future__ import annotations

import logging
import os
import random
import sys
import warnings
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np
from threadpoolctl import threadpool_limits

from helpers import lessons
from helpers.storage import full_copy

MODES = ("full", "quick", "grading")
ENV_VAR = "COURSE_MODE"
_chosen: str | None = None
_dataset = "trashnet"  # the data set of the lesson started last: it decides the automatic mode


@dataclass(frozen=True)
class Budget:
    """The size of a lesson's run in one mode."""

    mode: str
    image_size: int  # images are resized to image_size x image_size
    images_per_class: int | None  # per split; None = every image
    epochs: int
    batch_size: int
    search_iterations: int  # hyper-parameter search candidates


# What tf.data (Keras's input pipeline too) says on stderr each time it traces a function
# while the rest runs eagerly: the course's grading-mode setting, never a learner's doing.
EAGER_TF_DATA_WARNING = "Even though the `tf.config.experimental_run_functions_eagerly`"

_BASE = {
    "full": Budget("full", 128, None, 30, 32, 20),
    "quick": Budget("quick", 64, None, 2, 32, 4),
    "grading": Budget("grading", 32, 4, 1, 16, 2),
}


def set_mode(mode: str | None) -> str:
    """Choose the mode for this session (``None`` goes back to automatic)."""
    global _chosen
    if mode is not None and mode not in MODES:
        raise ValueError(f"Unknown mode {mode!r}: choose one of {', '.join(MODES)}.")
    _chosen = mode
    return current_mode()


def current_mode(dataset: str | None = None) -> str:
    """The mode in force now for ``dataset`` (default: the data set of the lesson
    started last); see the module docstring for the order of precedence."""
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
    return "full" if full_copy(dataset or _dataset) is not None else "quick"


def budget(lesson: str, mode: str | None = None) -> Budget:
    """The budget of ``lesson`` in ``mode`` (default: the current mode of its data set)."""
    entry = lessons.get(lesson)
    mode = mode or current_mode(entry.dataset)
    if mode not in MODES:
        raise ValueError(f"Unknown mode {mode!r}: choose one of {', '.join(MODES)}.")
    return replace(_BASE[mode], **entry.budget.get(mode, {}))


def parallel_fits(mode: str | None = None) -> int:
    """How many models a search should train side by side (scikit-learn's ``n_jobs``).

    ``start_lesson`` gives each fit one thread (see ``one_thread_per_fit``), so the
    cores are used by training several candidates at once; in grading mode the
    models are too small to be worth a second process.
    """
    return 1 if (mode or current_mode()) == "grading" else max(1, os.cpu_count() or 1)


def one_thread_per_fit() -> None:
    """Limit NumPy's linear algebra (BLAS) and OpenMP (LightGBM, scikit-learn) to one
    thread in this process, for the rest of the session.

    For the course's small matrices, threads spend more time waiting for each other
    than computing, and on a busy machine the waiting grows: 10 to 15 times slower
    fits were measured on two loaded cores. Searches use the cores instead by
    training ``parallel_fits()`` models side by side (joblib gives each of its
    worker processes its share of threads). TensorFlow has its own thread pools and
    is not affected.
    """
    threadpool_limits(limits=1, user_api="blas")
    threadpool_limits(limits=1, user_api="openmp")


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


class Start(NamedTuple):
    """What ``start_lesson`` returns: the run's budget and the lesson's instant checks."""

    budget: Budget
    checks: object  # the module helpers.exercises.<lesson>


def start_lesson(lesson: str, mode: str | None = None, seed: int = 42) -> Start:
    """The first call of every lesson: choose the mode, seed, say what the mode means.

    ``budget, checks = modes.start_lesson("01_pixels")``. Pass ``mode="full"`` /
    ``"quick"`` / ``"grading"`` to override the automatic choice for this session.
    The lesson's entry in ``helpers.lessons`` says which data set decides the
    automatic mode and whether TensorFlow is imported first (quietly); in grading
    mode TensorFlow then runs eagerly, without graphs. Fits get one thread each
    (``one_thread_per_fit``). Introduced in 00_setup.
    """
    global _dataset
    entry = lessons.get(lesson)
    _dataset = entry.dataset
    # Quiet TensorFlow's C++ log even in lessons that do not use it, for an answer that does.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if entry.tensorflow:
        quiet_tensorflow()
    one_thread_per_fit()
    if mode is not None:
        set_mode(mode)
    seed_everything(seed)
    plan = budget(lesson)
    if entry.tensorflow:
        # A grading-mode fit is a step or two: tracing it into a graph costs more than it saves.
        sys.modules["tensorflow"].config.run_functions_eagerly(plan.mode == "grading")
        warnings.filterwarnings("ignore", EAGER_TF_DATA_WARNING, UserWarning)
    source = f"full {entry.dataset} data set" if plan.mode == "full" else "bundled sample"
    per_class = "all images" if plan.images_per_class is None else (
        f"{plan.images_per_class} images per class and split"
    )
    print(
        f"{lesson} ({entry.title}) in {plan.mode} mode: {source}, {per_class}, "
        f"{plan.image_size}x{plan.image_size} px, {plan.epochs} epoch(s)."
    )
    if mode is not None and mode != plan.mode:
        print(f"(nbgrader is running this notebook, so mode={mode!r} gives way to grading.)")
    return Start(plan, entry.checks)
