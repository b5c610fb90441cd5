"""Self-tests of every lesson's instant checks: fast, in-process, no kernel, no nbgrader.

For every exercise of every solution notebook: the reference answer passes its
check and its whole test cell (hidden tests included) with nothing on stderr;
the nbgrader stub is "not attempted"; every recorded mistake is "incorrect"
(a mistake marked ``hidden_only`` fools the instant check but not the hidden
tests). Answer cells run on their own with only the lesson's ``imports`` cell.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import re
import time
from functools import cache

import nbformat
import pytest
from course_dir import lesson_module, notebook_path
from test_grading import recorded_mistakes

from helpers import checks
from helpers.grading import assignment_ids

STUB = "# YOUR CODE HERE\nraise NotImplementedError()"  # nbgrader_config.py's code_stub


def exercises(assignment: str) -> dict[str, checks.Exercise]:
    module = importlib.import_module(f"helpers.exercises.{lesson_module(assignment)}")
    return {n: v for n, v in vars(module).items() if isinstance(v, checks.Exercise)}


@cache
def cells(assignment: str) -> dict[str, nbformat.NotebookNode]:
    return {cell.id: cell for cell in nbformat.read(notebook_path(assignment), 4).cells}


@cache
def lesson_namespace(assignment: str) -> dict:
    """What the lesson's imports cell defines (IPython magics dropped, output hidden)."""
    source = "\n".join(
        line for line in cells(assignment)["imports"].source.splitlines()
        if not line.startswith("%")
    )
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(source, f"<{assignment} imports>", "exec"), namespace)
    return namespace


def define(assignment: str, source: str, label: str) -> dict:
    """Run an answer cell on its own, with only the lesson's imports."""
    namespace = dict(lesson_namespace(assignment))
    exec(compile(source, f"<{label}>", "exec"), namespace)
    return namespace


def solution(source: str) -> str:
    """The answer cell as the instructor's notebook runs it: the markers dropped."""
    markers = ("### BEGIN SOLUTION", "### END SOLUTION")
    return "\n".join(line for line in source.splitlines() if line.strip() not in markers)


def stub(source: str) -> str:
    """The answer cell as nbgrader releases it: the solution region replaced by the stub."""
    match = re.search(
        r"^([ \t]*)### BEGIN SOLUTION\n.*?^[ \t]*### END SOLUTION[ \t]*$", source, re.S | re.M
    )
    assert match, "answer cell without a solution region"
    body = "\n".join(match.group(1) + line for line in STUB.splitlines())
    return source[: match.start()] + body + source[match.end():]


def run_test_cell(assignment: str, name: str, namespace: dict) -> None:
    exec(compile(cells(assignment)[name].source, f"<{name} tests>", "exec"), namespace)


EXERCISES = [(a, n) for a in assignment_ids() for n in sorted(exercises(a))]
MISTAKES = [
    (a, n, i) for a in assignment_ids() for n, found in recorded_mistakes(a).items()
    for i in range(len(found))
]


def _id(case) -> str:
    return "-".join(map(str, case))


@pytest.mark.parametrize("case", EXERCISES, ids=_id)
def test_notebook_cells_match_the_exercise(case):
    assignment, name = case
    exercise = exercises(assignment)[name]
    assert exercise.name == name and exercise.hints, f"{name}: name or hints"
    answer, test = cells(assignment).get(f"{name}_answer"), cells(assignment).get(name)
    assert answer is not None and test is not None, f"{name}: missing answer or test cell"
    assert answer.metadata.nbgrader == {
        "grade": False, "solution": True, "locked": False,
        "grade_id": f"{name}_answer", "schema_version": 3,
    }
    meta = test.metadata.nbgrader
    assert meta["grade"] and meta["locked"] and not meta["solution"] and meta["points"] > 0
    assert f"def {exercise.answer}(" in answer.source
    assert test.source.startswith('"""'), "a test cell starts with a docstring"
    assert f"checks.{name}.check({exercise.answer})" in test.source
    assert "### BEGIN HIDDEN TESTS" in test.source


@pytest.mark.parametrize("case", EXERCISES, ids=_id)
def test_solution_passes_the_whole_test_cell(case, capfd):
    assignment, name = case
    namespace = define(assignment, solution(cells(assignment)[f"{name}_answer"].source), name)
    run_test_cell(assignment, name, namespace)
    out, err = capfd.readouterr()
    assert f"Correct ({name})" in out and err == ""


@pytest.mark.parametrize("case", EXERCISES, ids=_id)
def test_stub_is_not_attempted(case):
    assignment, name = case
    exercise = exercises(assignment)[name]
    namespace = define(assignment, stub(cells(assignment)[f"{name}_answer"].source), name)
    with pytest.raises(checks.NotAttempted):
        exercise.check(namespace[exercise.answer])


@pytest.mark.parametrize("case", MISTAKES, ids=_id)
def test_mistake_is_caught(case):
    assignment, name, index = case
    exercise = exercises(assignment)[name]
    mistake = recorded_mistakes(assignment)[name][index]
    assert mistake["why"] and "### BEGIN SOLUTION" not in mistake["code"]
    namespace = define(assignment, mistake["code"], f"{name} mistake {index}")
    if mistake.get("hidden_only"):
        with contextlib.redirect_stdout(io.StringIO()):
            exercise.check(namespace[exercise.answer])  # the instant check is fooled ...
        with pytest.raises(Exception):  # noqa: B017 (any error scores the cell 0)
            run_test_cell(assignment, name, namespace)  # ... the hidden tests are not
    else:
        with pytest.raises(checks.Incorrect, match=name):
            exercise.check(namespace[exercise.answer])


def test_endless_loop_is_incorrect_within_the_time_limit(monkeypatch):
    monkeypatch.setattr(checks, "TIME_LIMIT", 1)
    assignment, name = EXERCISES[-1]
    exercise = exercises(assignment)[name]
    namespace = define(assignment, "def f(*args):\n    while True:\n        pass\n", "loop")
    start = time.perf_counter()
    with pytest.raises(checks.Incorrect, match="still running"):
        exercise.check(namespace["f"])
    assert time.perf_counter() - start < 5
