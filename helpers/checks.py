"""Instant exercise checks, for learners with or without nbgrader. Introduced in 00_setup.

Every exercise of a lesson is an ``Exercise`` in ``helpers.exercises.<lesson>``.
In a notebook, the cell after an answer runs, for example::

    checks.q1_grayscale.check(to_grayscale)

and shows one of three verdicts:

- **Correct**, printed;
- **Not attempted**: the answer still raises ``NotImplementedError``;
- **Incorrect**: a plain-language reason and a pointer to ``.hint()``.

The two failing verdicts are exceptions (``AssertionError`` subclasses), so the
same call is also an nbgrader test: nbgrader gives 0 points to a test cell that
raises. In Jupyter they print as a short message, not a traceback.

nbgrader also gives 0 points to a test cell that writes anything to stderr, and a
Python warning goes to stderr (so do progress bars, log messages, and the C
libraries' own messages: TensorFlow's, OpenCV's). So from the moment a check starts
until its cell ends (the hidden tests that follow included), all of these are shown
on stdout instead: a warning never costs a correct answer its points. The check
itself names the warnings the answer raised, next to its verdict.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass, field
from typing import Any

import numpy as np

TIME_LIMIT = 20  # seconds a check may run before we call the answer stuck

_RED, _GREEN, _BLUE, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[34m", "\x1b[0m"


class ExerciseFailed(AssertionError):
    """An answer did not pass its check. Jupyter shows just the message."""

    label = "Incorrect"
    colour = _RED

    def __init__(self, message: str, exercise: str = ""):
        super().__init__(message)
        self.message = message
        self.exercise = exercise

    def __str__(self) -> str:
        where = f" ({self.exercise})" if self.exercise else ""
        return f"{self.label}{where}: {self.message}"

    def _render_traceback_(self) -> list[str]:  # IPython's hook for custom error display
        return [f"{self.colour}{self}{_RESET}"]


class Incorrect(ExerciseFailed):
    """The answer runs but gives a wrong result."""


class NotAttempted(ExerciseFailed):
    """The answer is still the stub."""

    label = "Not attempted"
    colour = _BLUE


def fail(message: str) -> None:
    """Reject the answer with a message written for the learner."""
    raise Incorrect(message.strip())


@dataclass
class Exercise:
    """One exercise: how to test an answer, and hints.

    ``test(answer)`` calls ``fail(...)`` (or raises ``Incorrect``) when the answer
    is wrong. ``answer`` is the name the learner defines in the notebook.
    """

    name: str
    answer: str
    test: Callable[[Any], None]
    hints: list[str] = field(default_factory=list)
    _hints_shown: int = 0

    def check(self, answer: Any) -> None:
        """Check an answer: print "Correct", or raise ``NotAttempted`` / ``Incorrect``."""
        _stderr_to_stdout_until_the_cell_ends()
        with warnings.catch_warnings(record=True) as raised, _closing_new_figures():
            warnings.simplefilter("default")  # each distinct warning once
            self._verdict(answer)
        _report(raised)

    def _verdict(self, answer: Any) -> None:
        try:
            with _time_limit(TIME_LIMIT):
                self.test(answer)
        except NotImplementedError:
            raise NotAttempted(
                "replace `raise NotImplementedError()` with your code, then run the cell "
                "again before this check.",
                self.name,
            ) from None
        except ExerciseFailed as err:
            err.exercise = self.name
            more = " Stuck? Run `.hint()` on this exercise." if self.hints else ""
            raise type(err)(err.message + more, self.name) from None
        except _TimeUp:
            raise Incorrect(
                f"your code was still running after {TIME_LIMIT} s on a tiny input. "
                "Look for a loop that never ends.",
                self.name,
            ) from None
        except Exception as err:  # the learner's own code failed: say so plainly
            raise Incorrect(
                f"your code raised {type(err).__name__}: {err}. Read that message, fix the "
                "code and run both cells again.",
                self.name,
            ) from None
        print(f"{_GREEN}Correct ({self.name}).{_RESET}")

    def hint(self) -> None:
        """Print the next hint (each call reveals one more)."""
        if not self.hints:
            print("No hint for this one: re-read the explanation above the exercise.")
            return
        self._hints_shown = min(self._hints_shown + 1, len(self.hints))
        for i, text in enumerate(self.hints[: self._hints_shown], start=1):
            print(f"Hint {i}/{len(self.hints)}: {text}")


class _TimeUp(Exception):
    pass


def _report(raised: list[warnings.WarningMessage]) -> None:
    """Name, on stdout, the distinct warnings an answer raised while it was checked."""
    distinct = list(dict.fromkeys(f"{w.category.__name__}: {w.message}" for w in raised))
    if distinct:
        shown = "; ".join(distinct[:3]) + ("; ..." if len(distinct) > 3 else "")
        print(
            f"Your code raised {len(distinct)} kind(s) of warning while it was checked: {shown}. "
            "A warning does not cost points, but read it: it may point at a real problem."
        )


def _show_on_stdout(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"{category.__name__}: {message}", file=sys.stdout)


@contextmanager
def stderr_to_stdout():
    """While the block runs, show on stdout what would go to stderr: warnings, writes
    to ``sys.stderr``, log handlers that write there, and writes of C libraries to
    file descriptor 2."""
    stderr = sys.stderr
    handlers = [h for h in _log_handlers() if getattr(h, "stream", None) is stderr]
    for stream in (sys.stdout, stderr):
        stream.flush()
    saved_fd = os.dup(2)
    os.dup2(1, 2)
    try:
        with warnings.catch_warnings(), redirect_stderr(sys.stdout):
            warnings.showwarning = _show_on_stdout
            for handler in handlers:
                handler.setStream(sys.stdout)
            yield
    finally:
        for handler in handlers:
            handler.setStream(stderr)
        for stream in (sys.stdout, stderr):
            stream.flush()
        os.dup2(saved_fd, 2)
        os.close(saved_fd)


def _log_handlers() -> list[logging.Handler]:
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    return [h for lg in loggers if isinstance(lg, logging.Logger) for h in lg.handlers]


def _stderr_to_stdout_until_the_cell_ends() -> None:
    """In IPython, keep warnings and Python's stderr writes off stderr until the
    running cell ends (nbgrader scores a test cell with stderr output as 0);
    elsewhere, do nothing."""
    shell = _ipython()
    if shell is None or getattr(shell, "_course_warnings", None) is not None:
        return
    block = stderr_to_stdout()
    block.__enter__()
    shell._course_warnings = block

    def restore(*args: Any) -> None:
        shell.events.unregister("post_run_cell", restore)
        shell._course_warnings = None
        block.__exit__(None, None, None)

    shell.events.register("post_run_cell", restore)


def _ipython() -> Any:
    if "IPython" not in sys.modules:
        return None
    return sys.modules["IPython"].get_ipython()


@contextmanager
def _closing_new_figures():
    """Close the figures an answer opens while it is checked (many calls, many plots)."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    before = set(pyplot.get_fignums()) if pyplot else set()
    try:
        yield
    finally:
        pyplot = sys.modules.get("matplotlib.pyplot")
        if pyplot:
            for number in set(pyplot.get_fignums()) - before:
                pyplot.close(number)


@contextmanager
def _time_limit(seconds: int):
    """Interrupt a stuck answer where the platform allows it (Unix, main thread)."""
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------- building blocks of tests


def as_array(value: Any, what: str, expected: str = "") -> np.ndarray:
    """Fail unless ``value`` is a NumPy array; return it. ``expected`` says what the
    array should hold (for example "one value per row, shape (N,)")."""
    if isinstance(value, np.ndarray):
        return value
    wanted = f" ({expected})" if expected else ""
    if value is None:
        fail(f"{what} should be a NumPy array{wanted}; your function returned None: end it "
             "with `return ...`.")
    if isinstance(value, (int, float, complex, np.generic)):
        fail(f"{what} should be a NumPy array{wanted}; yours is a single number, {value!r}.")
    fail(f"{what} should be a NumPy array{wanted}; yours is a {type(value).__name__}.")


def close(value: Any, expected: Any, atol: float = 1e-6) -> bool:
    """Same shape and values, dtype ignored (a single expected number is compared with
    every value); False for anything that cannot be compared. For spotting a known
    mistake before the general check."""
    try:
        value = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    expected = np.asarray(expected, dtype=np.float64)
    if expected.ndim == 0:
        expected = np.full(value.shape, float(expected))
    return value.shape == expected.shape and bool(np.allclose(value, expected, atol=atol))


def expect_array(
    value: Any,
    expected: np.ndarray,
    what: str,
    *,
    dtype: bool = True,
    atol: float = 0,
    hint: str = "",
) -> None:
    """Fail unless ``value`` is an array equal to ``expected`` (shape, dtype, values)."""
    as_array(value, what)
    if value.shape != expected.shape:
        fail(f"{what} should have shape {expected.shape}; yours has shape {value.shape}. {hint}")
    if dtype and value.dtype != expected.dtype:
        fail(f"{what} should have dtype {expected.dtype}; yours has dtype {value.dtype}. {hint}")
    diff = np.abs(value.astype(np.float64) - expected.astype(np.float64))
    if not np.all(diff <= atol):  # NaN differences fail too
        worst = np.argmax(np.nan_to_num(diff, nan=np.inf))
        where = tuple(int(i) for i in np.unravel_index(worst, diff.shape))
        fail(
            f"{what} has wrong values: at index {where} it is {value[where].item()!r}, "
            f"expected {expected[where].item()!r}. {hint}"
        )


def expect_unchanged(before: np.ndarray, after: np.ndarray, function: str, tip: str) -> None:
    """Fail if the learner's ``function`` changed an array it was given (``after``,
    compared with the copy ``before``); ``tip`` says how to avoid it."""
    if not np.array_equal(before, after):
        fail(f"{function} changed the array it was given. {tip}")


def expect_equal(value: Any, expected: Any, what: str, hint: str = "") -> None:
    """Fail unless ``value == expected``."""
    if value != expected:
        fail(f"{what} should be {expected!r}; yours is {value!r}. {hint}")


def call(function: Any, *args: Any, **kwargs: Any) -> Any:
    """Call the learner's function, first checking that it is one."""
    if not callable(function):
        fail(f"expected a function, got a {type(function).__name__}.")
    return function(*args, **kwargs)
