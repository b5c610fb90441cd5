"""A temporary nbgrader course, set up like the real one, for grading round trips."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from helpers import lessons
from helpers.grading import ROOT, nbgrader


def recorded_answers(assignment: str) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """The recorded correct answers and mistakes of an assignment, by exercise
    (``tests/answers/<lesson>.py``: ``CORRECT`` and ``MISTAKES``)."""
    module_name = lessons.get(assignment).exercises
    path = ROOT / "tests" / "answers" / f"{module_name}.py"
    spec = importlib.util.spec_from_file_location(f"answers_{module_name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CORRECT, module.MISTAKES


def notebook_path(assignment: str, folder: str = "solutions") -> Path:
    (path,) = (ROOT / folder / assignment).glob("*.ipynb")
    return path


class Course:
    """An nbgrader course directory in ``path`` with the course's nbgrader_config.py."""

    def __init__(self, path: Path):
        self.path = path
        shutil.copy(ROOT / "nbgrader_config.py", path)

    def release(self, assignment: str) -> nbformat.NotebookNode:
        """Generate the student version (recording the assignment in the gradebook)."""
        shutil.copytree(ROOT / "solutions" / assignment, self.path / "solutions" / assignment)
        nbgrader("generate_assignment", assignment, "--force", cwd=self.path)
        return nbformat.read(self.path / "lessons" / assignment / self._name(assignment), 4)

    def submit(self, student: str, assignment: str, notebook: nbformat.NotebookNode) -> None:
        folder = self.path / "submitted" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, folder / self._name(assignment))

    def autograde(self, assignment: str, *options: str) -> subprocess.CompletedProcess:
        return nbgrader("autograde", assignment, "--force", *options, cwd=self.path)

    def scores(self, assignment: str, student: str) -> dict[str, tuple[float, float]]:
        """(score, max score) of each autograded test cell, by grade id."""
        with Gradebook(f"sqlite:///{self.path / 'gradebook.db'}") as gradebook:
            submitted = gradebook.find_submission_notebook(
                Path(self._name(assignment)).stem, assignment, student
            )
            return {g.name: (g.score, g.max_score) for g in submitted.grades}

    def graded_notebook(self, assignment: str, student: str) -> nbformat.NotebookNode:
        path = self.path / "autograded" / student / assignment / self._name(assignment)
        return nbformat.read(path, 4)

    @staticmethod
    def _name(assignment: str) -> str:
        return notebook_path(assignment).name
