"""The lesson registry: the one place where the course's assignments are described.

Each entry says what a lesson is called, which data set decides its mode, which
module of ``helpers.exercises`` holds its instant checks (its recorded answers for
the tests are ``tests/answers/<that name>.py``), whether it trains with TensorFlow,
and how its budget differs from the common one (``helpers.modes``). ``helpers.modes``,
``helpers.grading``, the tests and the README check all read it.

Adding a lesson (say ``05_dense_ann``):

1. add its ``Lesson`` entry below, in course order;
2. write ``solutions/05_dense_ann/05_dense_ann.ipynb`` (setup cell:
   ``budget, checks = modes.start_lesson("05_dense_ann")``);
3. write its checks, ``helpers/exercises/dense_ann.py``, and its recorded correct and
   wrong answers, ``tests/answers/dense_ann.py``;
4. run ``make lessons`` and add its row to the README's syllabus table.

The tests find the new lesson from its entry: instant checks, agreement with the
hidden tests, the nbgrader round trip, the README row and badge.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType


@dataclass(frozen=True)
class Lesson:
    id: str  # the assignment id, also the folder and notebook name: "01_pixels"
    title: str
    exercises: str  # module helpers.exercises.<exercises>; answers tests/answers/<exercises>.py
    dataset: str = "trashnet"  # its full copy, when present, makes the mode "full"
    tensorflow: bool = False  # import TensorFlow quietly before the lesson starts
    budget: dict[str, dict] = field(default_factory=dict)  # per mode: changes to the common budget

    @property
    def checks(self) -> ModuleType:
        """The module of the lesson's instant checks (``checks.q1.check(...)``)."""
        return importlib.import_module(f"helpers.exercises.{self.exercises}")


LESSONS = (
    Lesson("00_setup", "Setup", "setup"),
    Lesson("01_pixels", "Pixels", "pixels"),
    Lesson("02_data", "Data", "data", tensorflow=True),
    Lesson(
        "03_logistic_regression", "Logistic regression", "logistic_regression",
        budget={"full": {"image_size": 64}},
    ),
    Lesson("04_lightgbm", "LightGBM", "lightgbm", budget={"full": {"image_size": 32}}),
    Lesson(
        "05_dense_ann", "Dense network", "dense_ann", tensorflow=True,
        budget={"full": {"image_size": 64, "epochs": 60}, "quick": {"epochs": 5},
                "grading": {"batch_size": 32}},
    ),
    Lesson(
        "06_cnn", "CNN", "cnn", tensorflow=True,
        budget={"full": {"image_size": 112, "epochs": 50}, "quick": {"epochs": 5},
                "grading": {"batch_size": 32}},
    ),
    Lesson(
        "07_transfer_learning", "Transfer learning", "transfer", tensorflow=True,
        budget={"full": {"image_size": 224, "epochs": 8},
                "quick": {"image_size": 128, "epochs": 3}},
    ),
    Lesson(  # trains only a stand-in CNN, when 06's is not among the saved models
        "08_evaluation", "Evaluation", "evaluation", tensorflow=True,
        budget={"full": {"image_size": 64, "epochs": 15}, "quick": {"epochs": 5}},
    ),
    Lesson(
        "10_cats_vs_dogs", "Cats vs dogs workshop", "cats_vs_dogs", dataset="cats_vs_dogs",
        tensorflow=True,
        budget={"full": {"image_size": 150, "epochs": 10}, "quick": {"epochs": 3}},
    ),
)


def ids() -> list[str]:
    """The assignment ids, in course order."""
    return [lesson.id for lesson in LESSONS]


def get(lesson_id: str) -> Lesson:
    """The entry of ``lesson_id``; a clear error for an id the course does not have."""
    for lesson in LESSONS:
        if lesson.id == lesson_id:
            return lesson
    raise ValueError(f"There is no lesson {lesson_id!r}: the lessons are {', '.join(ids())}.")
