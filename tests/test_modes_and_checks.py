"""helpers.modes (run sizes) and helpers.checks (instant verdicts)."""

from __future__ import annotations

import subprocess
import sys
import warnings

import numpy as np
import pytest

from helpers import checks, lessons, modes


@pytest.fixture(autouse=True)
def _automatic_mode():
    modes.set_mode(None)
    yield
    modes.set_mode(None)


def test_mode_precedence(monkeypatch):
    assert modes.current_mode() == "grading"  # COURSE_MODE from the tests
    monkeypatch.delenv("COURSE_MODE")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert modes.current_mode() == "quick"  # no full copy
    assert modes.set_mode("full") == "full"  # a notebook's choice wins ...
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert modes.current_mode() == "grading"  # ... except under nbgrader
    monkeypatch.delenv("NBGRADER_EXECUTION")
    monkeypatch.setenv("COURSE_MODE", "bogus")
    with pytest.raises(ValueError, match="not a mode"):
        modes.set_mode(None)
    monkeypatch.setenv("COURSE_MODE", "grading")
    with pytest.raises(ValueError, match="Unknown mode"):
        modes.set_mode("fast")


def test_budgets_shrink_from_full_to_grading():
    full, quick, grading = (modes.budget("02_data", m) for m in modes.MODES)
    assert full.image_size > quick.image_size > grading.image_size
    assert full.epochs > quick.epochs >= grading.epochs >= 1
    assert grading.images_per_class is not None and full.images_per_class is None
    assert modes.budget("04_lightgbm", "full").image_size == 32  # its registry entry
    assert modes.budget("04_lightgbm", "grading") == grading
    with pytest.raises(ValueError, match="no lesson '3_logistic_regression'"):
        modes.budget("3_logistic_regression")


def test_the_mode_follows_the_lesson_data_set(monkeypatch, tmp_path):
    """A full copy of one data set does not put a lesson on another one in full mode."""
    monkeypatch.delenv("COURSE_MODE")
    monkeypatch.setenv("COURSE_DATA_TRASHNET", str(tmp_path))
    other = lessons.Lesson("10_other", "Other data", "setup", dataset="cats_vs_dogs")
    monkeypatch.setattr(lessons, "LESSONS", (*lessons.LESSONS, other))
    assert modes.start_lesson("04_lightgbm").budget.mode == "full"
    assert modes.current_mode() == modes.current_mode("trashnet") == "full"
    assert modes.start_lesson("10_other").budget.mode == "quick"
    assert modes.current_mode() == "quick" and modes.current_mode("trashnet") == "full"


def test_helpers_import_without_cycles():
    """Each module imports on its own in a fresh interpreter (a cycle shows as an ImportError)."""
    for name in ("storage", "lessons", "modes", "data", "checks", "backbones", "torch_checkpoint"):
        subprocess.run([sys.executable, "-c", f"import helpers.{name}"], check=True)


def test_start_lesson_seeds_and_reports(capsys):
    budget, lesson_checks = modes.start_lesson("01_pixels", mode="quick", seed=3)
    assert lesson_checks.__name__ == "helpers.exercises.pixels"
    first = np.random.rand()
    modes.start_lesson("01_pixels", mode="quick", seed=3)
    assert np.random.rand() == first
    assert budget.mode == "quick" and "01_pixels (Pixels) in quick mode" in capsys.readouterr().out


def test_tensorflow_runs_eagerly_in_grading_mode_only(capsys):
    """Grading-mode fits are a step or two: no graphs for them; graphs in the other modes."""
    tf = modes.quiet_tensorflow()
    try:
        modes.start_lesson("06_cnn", mode="quick")
        assert not tf.config.functions_run_eagerly()
        modes.set_mode(None)
        modes.start_lesson("06_cnn")  # COURSE_MODE=grading
        assert tf.config.functions_run_eagerly()
        # tf.data still traces its functions, and says so: neither on stderr nor in a verdict.
        traced = checks.Exercise("q0_traced", "pipeline", lambda answer: answer(), [])
        with warnings.catch_warnings(record=True) as outside:
            warnings.simplefilter("default")
            modes.start_lesson("06_cnn")
            tf.data.Dataset.range(2).map(lambda x: x + 1)
        assert not outside
        traced.check(lambda: tf.data.Dataset.range(2).map(lambda x: x * 2))
        assert "warning" not in capsys.readouterr().out
    finally:
        tf.config.run_functions_eagerly(False)


def _square_test(square):
    checks.expect_equal(checks.call(square, 3), 9, "square(3)", "Multiply the number by itself.")


SQUARE = checks.Exercise("q0_square", "square", _square_test, hints=["x * x", "or x ** 2"])


def test_correct_answer_prints_correct(capsys):
    SQUARE.check(lambda x: x * x)
    assert "Correct (q0_square)" in capsys.readouterr().out


def test_require_checks_each_function_once(capsys):
    """A cell that uses an answer re-checks it only if it is not the function that passed."""
    calls = []
    counted = checks.Exercise("q0_counted", "square", lambda f: (calls.append(f), _square_test(f)))

    def square(x):
        return x * x

    counted.check(square)
    counted.require(square)
    assert len(calls) == 1 and capsys.readouterr().out.count("Correct (q0_counted)") == 2
    counted.require(lambda x: x * x)  # a new function (the cell run again): checked
    assert len(calls) == 2

    def double(x):
        return x + x

    with pytest.raises(checks.Incorrect, match="should be 9"):
        counted.require(double)
    with pytest.raises(checks.Incorrect, match="should be 9"):
        counted.require(double)  # what failed is checked again, every time
    counted.check(square)
    with pytest.raises(checks.Incorrect, match="should be 9"):
        counted.check(double)
    counted.require(square)  # the last check failed: square is checked again
    assert len(calls) == 7


def test_verdicts_for_wrong_answers():
    def stub(x):
        raise NotImplementedError()

    with pytest.raises(checks.NotAttempted, match="replace `raise NotImplementedError"):
        SQUARE.check(stub)
    with pytest.raises(checks.Incorrect, match=r"square\(3\) should be 9; yours is 6.*hint"):
        SQUARE.check(lambda x: x + x)
    with pytest.raises(checks.Incorrect, match="raised ZeroDivisionError"):
        SQUARE.check(lambda x: x / 0)
    with pytest.raises(checks.Incorrect, match="expected a function, got a int"):
        SQUARE.check(9)


def test_stuck_answer_is_stopped(monkeypatch):
    monkeypatch.setattr(checks, "TIME_LIMIT", 1)

    def forever(x):
        while True:
            pass

    with pytest.raises(checks.Incorrect, match="still running after 1 s"):
        SQUARE.check(forever)


def test_failures_render_as_one_line_in_jupyter():
    with pytest.raises(checks.Incorrect) as caught:
        SQUARE.check(lambda x: 0)
    (line,) = caught.value._render_traceback_()
    assert "Incorrect (q0_square): square(3) should be 9" in line
    assert isinstance(caught.value, AssertionError), "nbgrader must see a failing test"


def test_hints_come_one_at_a_time(capsys):
    exercise = checks.Exercise("q0", "f", _square_test, hints=["first", "second"])
    exercise.hint()
    assert "Hint 1/2: first" in capsys.readouterr().out
    exercise.hint()
    exercise.hint()
    out = capsys.readouterr().out
    assert "Hint 2/2: second" in out and "Hint 3" not in out


def test_expect_array_messages():
    expected = np.array([[1, 2], [3, 4]], np.uint8)
    with pytest.raises(checks.Incorrect, match="should be a NumPy array"):
        checks.expect_array([[1, 2], [3, 4]], expected, "x")
    with pytest.raises(checks.Incorrect, match=r"shape \(2, 2\); yours has shape \(4,\)"):
        checks.expect_array(expected.ravel(), expected, "x")
    with pytest.raises(checks.Incorrect, match="dtype uint8; yours has dtype int64"):
        checks.expect_array(expected.astype(np.int64), expected, "x")
    with pytest.raises(checks.Incorrect, match=r"at index \(1, 0\) it is 9, expected 3"):
        checks.expect_array(np.array([[1, 2], [9, 4]], np.uint8), expected, "x")
    checks.expect_array(expected.astype(np.float32) + 0.4, expected, "x", dtype=False, atol=0.5)


def test_as_array_says_what_came_back():
    with pytest.raises(checks.Incorrect, match=r"array \(one value per row\); yours is a single"):
        checks.as_array(np.float64(0.5), "x", expected="one value per row")
    with pytest.raises(checks.Incorrect, match="returned None: end it with `return"):
        checks.as_array(None, "x")


def test_grading_wins_over_a_learners_choice(monkeypatch, capsys):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert modes.start_lesson("04_lightgbm", mode="full").budget.mode == "grading"
    assert "gives way to grading" in capsys.readouterr().out


def test_warnings_stay_off_stderr_until_the_test_cell_ends(monkeypatch):
    """In a real kernel: from a check to the end of its cell (where the hidden tests
    run), warnings, Python's stderr writes, a log handler's and a C library's go to
    stdout; the next cell writes to stderr as usual."""
    import nbclient
    import nbformat

    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(
            "import logging, os, sys, warnings\n"
            "logging.basicConfig(level=logging.INFO)\n"
            "from helpers import checks\n"
            "def answer(x):\n"
            "    warnings.warn('while checked', RuntimeWarning)\n"
            "    return x\n"
            "exercise = checks.Exercise('q0', 'answer',\n"
            "                           lambda f: checks.expect_equal(f(1), 1, 'f(1)'))"
        ),
        nbformat.v4.new_code_cell(
            "exercise.check(answer)\nwarnings.warn('in the hidden tests', UserWarning)\n"
            "print('a progress bar', file=sys.stderr)\nlogging.info('a log line')\n"
            "os.write(2, b'a C library\\n')"
        ),
        nbformat.v4.new_code_cell(
            "warnings.warn('a later cell', UserWarning)\nlogging.info('a later log line')\n"
            "os.write(2, b'a later C library\\n')"
        ),
    ])
    # A kernel started under pytest leaves file descriptors 1 and 2 alone (ipykernel's
    # rule); a real one sends what C libraries write there to the notebook.
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    nbclient.NotebookClient(notebook, timeout=60).execute()
    streams = [
        {name: "".join(o.text for o in cell.outputs if o.get("name") == name)
         for name in ("stdout", "stderr")}
        for cell in notebook.cells
    ]
    assert streams[1]["stderr"] == ""
    assert "Correct (q0)" in streams[1]["stdout"] and "while checked" in streams[1]["stdout"]
    assert "UserWarning: in the hidden tests" in streams[1]["stdout"]
    for text in ("a progress bar", "a log line", "a C library"):
        assert text in streams[1]["stdout"]
    for text in ("a later cell", "a later log line", "a later C library"):
        assert text in streams[2]["stderr"]
