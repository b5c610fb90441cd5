"""Grader self-tests: the nbgrader round trip of every assignment.

For each assignment, in one temporary course and one autograde run: the solution
earns full marks and runs without errors or stderr output; the untouched lesson
earns zero without breaking the run; the first two recorded correct answers of
every exercise earn full marks with no test cell writing to stderr, and its first
two recorded mistakes lose its points. Each round runs the whole lesson, so the
other answers (up to 20 an exercise) are proven in-process by
tests/test_instant_checks.py: each correct one passes its instant check and its
whole test cell with nothing on stderr, each mistake fails both. Recorded answers
are submitted in rounds: round k holds the k-th answer of every exercise (the
exercises do not depend on each other).
"""

from __future__ import annotations

import html
import re

import nbformat
import pytest
from course_dir import Course, notebook_path, recorded_answers

from helpers import lessons
from helpers.grading import nbgrader as run_nbgrader


def graded_exercises(notebook: nbformat.NotebookNode) -> dict[str, float]:
    """Points of each autograded test cell, by grade id."""
    return {
        cell.metadata.nbgrader["grade_id"]: cell.metadata.nbgrader["points"]
        for cell in notebook.cells
        if cell.metadata.get("nbgrader", {}).get("grade")
    }


def answer_cells(notebook: nbformat.NotebookNode):
    """(exercise, cell) for each answer cell ``<exercise>_answer``."""
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id.endswith("_answer"):
            yield grade_id[: -len("_answer")], cell


def with_answers(notebook: nbformat.NotebookNode, answers: dict[str, str]):
    """A copy of ``notebook`` whose answer cells ``<exercise>_answer`` hold other code."""
    copy = nbformat.from_dict(notebook)
    for name, cell in answer_cells(copy):
        if name in answers:
            cell.source = answers[name]
    return copy


def bypassing_answers(notebook: nbformat.NotebookNode) -> dict[str, str]:
    """Answer cells that switch their instant check off and answer nonsense: only the
    hidden tests stand between them and the points."""
    answers = {}
    for name, cell in answer_cells(notebook):
        function = re.search(r"^def (\w+)\(", cell.source, re.M)
        if function:
            answers[name] = (
                f"checks.{name}.test = lambda answer: None\n"
                f"def {function.group(1)}(*args, **kwargs):\n    return None\n"
            )
    return answers


def hidden_test_lines(notebook: nbformat.NotebookNode) -> list[str]:
    """The code lines of every hidden-test block (not the bare strings of assertion
    messages, which the feedback may show, nor imports, which answers have too)."""
    lines = []
    for cell in notebook.cells:
        hidden = r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS"
        for block in re.findall(hidden, cell.source, re.S):
            for line in block.splitlines():
                line = line.strip()
                if len(line) >= 12 and not re.match(r"^(f?[\"']|\)|import |from )", line):
                    lines.append(line)
    return lines


ROUNDS = 2  # of recorded correct answers, and of mistakes


def rounds_of(answers: dict[str, list[dict]]) -> list[dict[str, dict]]:
    """Round k (up to ROUNDS): the k-th recorded answer of every exercise that has one."""
    rounds = min(ROUNDS, max((len(found) for found in answers.values()), default=0))
    return [
        {name: found[k] for name, found in answers.items() if k < len(found)}
        for k in range(rounds)
    ]


class RoundTrip:
    """The round trip of one assignment. One subclass per lesson (below), so that
    ``pytest -n`` (``--dist loadscope``) keeps each lesson's autograde run on one worker
    while the other worker grades another lesson."""

    assignment: str

    @pytest.fixture(scope="class")
    def graded(self, tmp_path_factory):
        """One autograde run of an assignment with the solution, the lesson and the
        recorded answers, right and wrong."""
        assignment = self.assignment
        course = Course(tmp_path_factory.mktemp(assignment))
        lesson = course.release(assignment)
        solution = nbformat.read(notebook_path(assignment), 4)
        course.submit("solution", assignment, solution)
        course.submit("untouched", assignment, lesson)
        correct, mistakes = recorded_answers(assignment)
        correct, mistakes = rounds_of(correct), rounds_of(mistakes)
        for kind, rounds in (("correct", correct), ("mistakes", mistakes)):
            for k, answers in enumerate(rounds, start=1):
                codes = {name: answer["code"] for name, answer in answers.items()}
                course.submit(f"{kind}{k}", assignment, with_answers(solution, codes))
        course.submit("bypass", assignment, with_answers(solution, bypassing_answers(solution)))
        course.autograde(assignment)
        return course, assignment, graded_exercises(solution), correct, mistakes

    def test_solution_earns_full_marks(self, graded):
        course, assignment, points, *_ = graded
        scores = course.scores(assignment, "solution")
        assert set(scores) == set(points)
        lost = {name: s for name, s in scores.items() if s[0] != s[1]}
        assert not lost, f"The reference solution of {assignment} lost points: {lost}"

    def test_solution_runs_clean(self, graded):
        """Executed top to bottom in grading mode: no error, nothing on stderr."""
        course, assignment, *_ = graded
        for cell in course.graded_notebook(assignment, "solution").cells:
            for output in cell.get("outputs", []):
                assert output.output_type != "error", f"{cell.id}: {output.get('evalue')}"
                assert output.get("name") != "stderr", f"{cell.id} wrote to stderr: {output.text}"

    def test_recorded_correct_answers_earn_full_marks(self, graded):
        """... and no test cell of theirs writes to stderr (nbgrader would score it 0)."""
        course, assignment, points, correct, _ = graded
        for k, answers in enumerate(correct, start=1):
            scores = course.scores(assignment, f"correct{k}")
            lost = {name: answer["how"] for name, answer in answers.items()
                    if scores[name][0] != scores[name][1]}
            assert not lost, f"correct answers of {assignment} that lost points: {lost}"
            for cell in course.graded_notebook(assignment, f"correct{k}").cells:
                if cell.id in points:
                    streams = [o.name for o in cell.get("outputs", []) if o.output_type == "stream"]
                    assert "stderr" not in streams, f"{cell.id} of correct{k} wrote to stderr"

    def test_untouched_lesson_scores_zero(self, graded):
        course, assignment, points, *_ = graded
        scores = course.scores(assignment, "untouched")
        assert set(scores) == set(points)
        assert all(score == 0 for score, _ in scores.values()), scores

    def test_recorded_mistakes_lose_their_points(self, graded):
        course, assignment, _, _, mistakes = graded
        for k, answers in enumerate(mistakes, start=1):
            scores = course.scores(assignment, f"mistakes{k}")
            for name, mistake in answers.items():
                assert scores[name][0] == 0, f"{name}: mistake not caught: {mistake['why']}"

    def test_switching_the_instant_check_off_does_not_help(self, graded):
        """The hidden tests stand on their own: answers that disable their instant check
        and return nonsense score 0 on every exercise."""
        course, assignment, points, *_ = graded
        scores = course.scores(assignment, "bypass")
        assert set(scores) == set(points)
        assert all(score == 0 for score, _ in scores.values()), scores

    def test_feedback_shows_no_hidden_test(self, graded):
        """`nbgrader generate_feedback` for the whole class: no feedback file holds the
        text of a hidden test (failing hidden tests included), and each shows the verdicts."""
        course, assignment, *_ = graded
        run_nbgrader("generate_feedback", assignment, "--force", cwd=course.path)
        lines = hidden_test_lines(nbformat.read(notebook_path(assignment), 4))
        assert lines
        files = sorted((course.path / "feedback").glob(f"*/{assignment}/*.html"))
        students = {"solution", "untouched", "bypass"}
        assert students <= {f.parent.parent.name for f in files}
        for path in files:
            text = html.unescape(re.sub(r"<[^>]+>", "", path.read_text()))
            leaked = [line for line in lines if line in text]
            assert not leaked, f"{path.relative_to(course.path)} shows hidden tests: {leaked[:3]}"
            if path.parent.parent.name == "solution":
                assert "Correct (" in text
            if path.parent.parent.name == "untouched":
                assert "Not attempted" in text


# Latest lessons first: they train models and take longest, so the workers finish together.
for _id in reversed(lessons.ids()):
    _name = f"TestRoundTrip_{_id}"
    globals()[_name] = type(_name, (RoundTrip,), {"assignment": _id})


def test_grading_survives_learner_accidents(tmp_path):
    """An endless loop, an exception, an edited or deleted check cost only their own
    exercise; an unreadable notebook fails alone (nbgrader names it) and scores 0."""
    assignment = "00_setup"
    course = Course(tmp_path)
    course.release(assignment)
    solution = nbformat.read(notebook_path(assignment), 4)
    endless = "while True:\n    pass\n"
    course.submit("looping", assignment, with_answers(solution, {"q1_count_images": endless}))
    crash = "raise RuntimeError('oops')\n"
    course.submit("crashing", assignment, with_answers(solution, {"q1_count_images": crash}))
    tampered = with_answers(solution, {"q1_count_images": "def count_images(root):\n    return 0"})
    for cell in tampered.cells:
        if cell.id == "q1_count_images":
            cell.source = "# the learner replaced the check\npass"
    course.submit("tampering", assignment, tampered)
    deleted = nbformat.from_dict(solution)
    deleted.cells = [cell for cell in deleted.cells if cell.id != "q1_count_images"]
    course.submit("deleting", assignment, deleted)
    broken = course.path / "submitted" / "broken" / assignment / notebook_path(assignment).name
    broken.parent.mkdir(parents=True)
    broken.write_text('{"cells": [')  # a download cut short
    with pytest.raises(RuntimeError, match="for student 'broken'"):
        course.autograde(assignment, "--Execute.timeout=15")
    for student in ("looping", "crashing", "tampering", "deleting"):
        scores = course.scores(assignment, student)
        assert scores["q1_count_images"][0] == 0, student
        assert scores["q2_batches_per_epoch"] == (1, 1), f"{student}: other exercises still count"
    assert all(score == 0 for score, _ in course.scores(assignment, "broken").values())
