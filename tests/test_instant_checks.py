"""Self-tests of every lesson's instant checks: fast, in-process, no kernel, no nbgrader.

For every exercise of every solution notebook: the reference answer passes its
check and its whole test cell (hidden tests included) with nothing on stderr; the
nbgrader stub is "not attempted"; every recorded correct answer
(``tests/answers/<lesson>.py``, ``CORRECT``) is "correct" and passes the whole
test cell with nothing on stderr; every recorded mistake (``MISTAKES``) is
"incorrect" with the diagnosis it was recorded for. And the instant check never
disagrees with the hidden tests: for every recorded answer, the hidden tests run
on their own give the same verdict. Answer cells run on their own with only the
lesson's ``imports`` cell.
"""

from __future__ import annotations

import contextlib
import io
import re
import time
from functools import cache

import nbformat
import pytest
from course_dir import notebook_path, recorded_answers

from helpers import checks, lessons

STUB = "# YOUR CODE HERE\nraise NotImplementedError()"  # nbgrader_config.py's code_stub


def exercises(assignment: str) -> dict[str, checks.Exercise]:
    module = lessons.get(assignment).checks
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


def run_hidden_tests(assignment: str, name: str, namespace: dict) -> bool:
    """The test cell without its instant check: do the hidden tests pass on their own?"""
    exercise = exercises(assignment)[name]
    source = cells(assignment)[name].source.replace(f"checks.{name}.check({exercise.answer})", "")
    try:
        with checks.stderr_to_stdout(), contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, f"<{name} hidden tests>", "exec"), namespace)
    except Exception:
        return False
    return True


def instant_verdict(exercise: checks.Exercise, namespace: dict) -> checks.ExerciseFailed | None:
    """The instant check's failure (None for "Correct"), its printout hidden."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exercise.check(namespace[exercise.answer])
    except checks.ExerciseFailed as failure:
        return failure
    return None


EXERCISES = [(a, n) for a in lessons.ids() for n in sorted(exercises(a))]
CORRECT = [
    (a, n, i) for a in lessons.ids() for n, found in recorded_answers(a)[0].items()
    for i in range(len(found))
]
MISTAKES = [
    (a, n, i) for a in lessons.ids() for n, found in recorded_answers(a)[1].items()
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
    first_code = test.source.split('"""', 2)[2].strip().splitlines()[0]
    assert first_code == f"checks.{name}.check({exercise.answer})", (
        "the instant check comes first in a test cell: it keeps warnings off stderr")
    assert "### BEGIN HIDDEN TESTS" in test.source


@pytest.mark.parametrize("assignment", lessons.ids())
def test_every_exercise_has_two_recorded_answers_of_each_kind(assignment):
    correct, mistakes = recorded_answers(assignment)
    names = set(exercises(assignment))
    assert set(correct) <= names and set(mistakes) <= names, "answers to unknown exercises"
    few = {
        name: (len(correct.get(name, [])), len(mistakes.get(name, [])))
        for name in sorted(names)
        if len(correct.get(name, [])) < 2 or len(mistakes.get(name, [])) < 2
    }
    assert not few, f"(correct, mistakes) recorded for exercises of {assignment}: {few}"


@pytest.mark.parametrize("case", EXERCISES, ids=_id)
def test_solution_passes_the_whole_test_cell(case, capfd):
    assignment, name = case
    namespace = define(assignment, solution(cells(assignment)[f"{name}_answer"].source), name)
    with checks.stderr_to_stdout():
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


@pytest.mark.parametrize("case", CORRECT, ids=_id)
def test_correct_answer_is_correct_everywhere(case, capfd):
    """Correct instantly, the hidden tests agree, and the whole test cell (as the
    kernel runs it: warnings on stdout) writes nothing to stderr."""
    assignment, name, index = case
    exercise = exercises(assignment)[name]
    answer = recorded_answers(assignment)[0][name][index]
    assert answer["how"] and "### BEGIN SOLUTION" not in answer["code"]
    namespace = define(assignment, answer["code"], f"{name} correct {index}")
    failure = instant_verdict(exercise, namespace)
    assert failure is None, f"{answer['how']}: told {failure}"
    assert run_hidden_tests(assignment, name, namespace), (
        f"{answer['how']}: told Correct, but the hidden tests fail")
    capfd.readouterr()
    with checks.stderr_to_stdout():
        run_test_cell(assignment, name, namespace)
    out, err = capfd.readouterr()
    assert f"Correct ({name})" in out and err == "", err


@pytest.mark.parametrize("case", MISTAKES, ids=_id)
def test_mistake_is_caught_for_its_reason(case):
    """Incorrect instantly, with the recorded diagnosis in the message, and the
    hidden tests agree."""
    assignment, name, index = case
    exercise = exercises(assignment)[name]
    mistake = recorded_answers(assignment)[1][name][index]
    assert mistake["why"] and mistake["diagnosis"] and "### BEGIN SOLUTION" not in mistake["code"]
    namespace = define(assignment, mistake["code"], f"{name} mistake {index}")
    failure = instant_verdict(exercise, namespace)
    assert isinstance(failure, checks.Incorrect), f"{mistake['why']}: told {failure or 'Correct'}"
    assert mistake["diagnosis"].lower() in failure.message.lower(), (
        f"{mistake['why']}: the message should say {mistake['diagnosis']!r}; it says: "
        f"{failure.message}")
    assert not run_hidden_tests(assignment, name, namespace), (
        f"{mistake['why']}: told Incorrect, but the hidden tests pass")


def test_endless_loop_is_incorrect_within_the_time_limit(monkeypatch):
    monkeypatch.setattr(checks, "TIME_LIMIT", 1)
    assignment, name = EXERCISES[-1]
    exercise = exercises(assignment)[name]
    namespace = define(assignment, "def f(*args):\n    while True:\n        pass\n", "loop")
    start = time.perf_counter()
    with pytest.raises(checks.Incorrect, match="still running"):
        exercise.check(namespace["f"])
    assert time.perf_counter() - start < 5


def test_warnings_of_a_check_are_named_on_stdout_not_stderr(capfd):
    """A correct answer that warns is told Correct, and the warning is named on stdout."""
    import warnings

    def noisy(x):
        warnings.warn("something odd", RuntimeWarning, stacklevel=1)
        return x

    exercise = checks.Exercise("q0_demo", "noisy", lambda f: checks.expect_equal(f(1), 1, "f(1)"))
    exercise.check(noisy)
    out, err = capfd.readouterr()
    assert "Correct (q0_demo)" in out and "RuntimeWarning: something odd" in out and err == ""
