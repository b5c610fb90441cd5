"""Instant exercise checks, for learners with or without nbgrader. Introduced in 00_setup.

Every exercise of a lesson is an ``Exercise`` in ``helpers.exercises.<lesson>``.
In a notebook, the cell after an answer runs, for example::

    checks.q1_grayscale.check(to_grayscale)

and shows one of three verdicts:

- **Correct**, printed;
- **Not attempted**: the answer still raises ``NotImplementedError``;
- **Incorrect**: a plain-language reason and a pointer to ``.hint()``.

A later cell that uses the answer calls ``checks.q1_grayscale.require(to_grayscale)``:
the same verdicts, but a function that has already passed is not checked again.

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
import re
import signal
import sys
import threading
import types
import warnings
from collections.abc import Callable
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from helpers.modes import EAGER_TF_DATA_WARNING, quiet_tensorflow

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
    _passed: Any = field(default=None, repr=False, compare=False)  # the function that passed last

    def check(self, answer: Any) -> None:
        """Check an answer: print "Correct", or raise ``NotAttempted`` / ``Incorrect``."""
        self._passed = None
        _stderr_to_stdout_until_the_cell_ends()
        with warnings.catch_warnings(record=True) as raised, _closing_new_figures():
            warnings.simplefilter("default")  # each distinct warning once
            warnings.filterwarnings("ignore", EAGER_TF_DATA_WARNING, UserWarning)
            self._verdict(answer)
        _report(raised)
        self._passed = answer if isinstance(answer, types.FunctionType) else None

    def require(self, answer: Any) -> None:
        """``check``, for a cell that uses the answer: a function that has just passed
        (the very same object: a cell run again defines a new one) is not checked again."""
        if answer is not None and answer is self._passed:
            self._say_correct()
            return
        self.check(answer)

    def _say_correct(self) -> None:
        print(f"{_GREEN}Correct ({self.name}).{_RESET}")

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
        self._say_correct()

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


def is_int(value: Any) -> bool:
    """True for a Python or NumPy integer (a bool is not one)."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def keras_module() -> Any:
    """Keras, imported after TensorFlow without its start-up messages (for checks that
    build models)."""
    quiet_tensorflow()
    import keras

    return keras


def call(function: Any, *args: Any, **kwargs: Any) -> Any:
    """Call the learner's function, first checking that it is one."""
    if not callable(function):
        fail(f"expected a function, got a {type(function).__name__}.")
    return function(*args, **kwargs)


def attempt(function: Any, what: str, advice: str, *args: Any) -> Any:
    """Call the learner's function; if it raises, say which call failed, the gist of the
    error (Keras's messages are long) and ``advice``: what usually causes it."""
    try:
        return call(function, *args)
    except (ExerciseFailed, NotImplementedError):
        raise
    except Exception as err:  # Keras explains itself; the learner needs the gist
        fail(f"{what} raised {type(err).__name__}: {keras_error(err)} {advice}".rstrip())


def pair(value: Any) -> tuple[int, int]:
    """A Keras size argument (3 or (3, 3)) as a pair of ints."""
    return (int(value), int(value)) if is_int(value) else (int(value[0]), int(value[1]))


# ------------------------------------------------ building blocks of Keras tests
# One set for every Keras exercise (05-07). Learners' correct models vary: the
# Sequential or the functional API, an Input layer or input_shape, an activation as
# a layer or as an argument, "relu" or keras.activations.relu. The checks compare
# what a model *is* (its steps, shapes, parameters, compiled settings), so every
# correct form passes and a wrong one is told which layer or setting differs.

# Activation layers, by the activation they apply.
_ACTIVATION_LAYERS = {"ReLU": "relu", "Softmax": "softmax", "LeakyReLU": "leaky_relu",
                      "ELU": "elu", "PReLU": "prelu"}
_ACTIVATION_ALIASES = {"softmax_v2": "softmax"}  # tf.nn.softmax's name


@dataclass(frozen=True)
class Step:
    """One layer of a model as a learner thinks of it: its kind, its size (Dense
    units, Conv2D filters, Dropout rate, pooling size) and its activation."""

    kind: str
    size: Any = None
    activation: str | None = None

    def __str__(self) -> str:
        inside = [str(v) for v in (self.size, self.activation) if v is not None]
        return f"{self.kind}({', '.join(inside)})"


def _activation_name(function: Any) -> str:
    name = getattr(function, "__name__", None) or type(function).__name__
    return _ACTIVATION_ALIASES.get(name, name)


def _step(layer: Any) -> Step:
    kind = type(layer).__name__
    if kind in ("Dense", "Conv2D", "SeparableConv2D", "Conv1D"):
        size = getattr(layer, "units", None) or getattr(layer, "filters", None)
        return Step(kind, size, _activation_name(layer.activation))
    if kind in ("Dropout", "SpatialDropout2D", "GaussianDropout"):
        return Step(kind, float(layer.rate))
    if kind in ("MaxPooling2D", "AveragePooling2D"):
        return Step(kind, tuple(layer.pool_size))
    return Step(kind)


def layers_of(model: Any) -> list:
    """The layers of ``model`` in order, nested models opened, Input layers left out
    (for the settings that steps leave out: kernel size, strides, padding, weights)."""
    keras = keras_module()
    found = []
    for layer in model.layers:
        if isinstance(layer, keras.Model):
            found.extend(layers_of(layer))
        elif not isinstance(layer, keras.layers.InputLayer):
            found.append(layer)
    return found


def model_steps(model: Any) -> list[Step]:
    """The steps of ``model`` in order (``layers_of``), with an activation layer
    (``Activation``, ``ReLU``, ``Softmax`` ...) right after a layer without an
    activation of its own folded into that layer, so ``Dense(6),
    Activation("softmax")`` reads like ``Dense(6, activation="softmax")``."""
    steps: list[Step] = []
    for layer in layers_of(model):
        kind = type(layer).__name__
        applies = _ACTIVATION_LAYERS.get(kind) or (
            _activation_name(layer.activation) if kind == "Activation" else None
        )
        if applies and steps and steps[-1].activation == "linear":
            steps[-1] = Step(steps[-1].kind, steps[-1].size, applies)
        elif applies:
            steps.append(Step("Activation", None, applies))
        else:
            steps.append(_step(layer))
    return steps


def describe_steps(steps: list[Step]) -> str:
    return " -> ".join(map(str, steps)) or "no layers"


def expect_model(value: Any, what: str = "your function's result") -> Any:
    """Fail unless ``value`` is a Keras model; return it."""
    keras = keras_module()

    if value is None:
        fail(f"{what} should be a Keras model; it is None: end your function with "
             "`return model`.")
    if isinstance(value, type) or (callable(value) and not isinstance(value, keras.Layer)):
        fail(f"{what} should be a Keras model; it is {value!r}: did you forget to call it?")
    if not isinstance(value, keras.Model):
        fail(f"{what} should be a Keras model (keras.Sequential or keras.Model); it is a "
             f"{type(value).__name__}.")
    return value


def keras_error(err: Exception) -> str:
    """The informative line of an error message (Keras's own or any other), colour codes
    removed: the first line that mentions a shape or an expectation, else the first line
    (Keras 3 starts many messages with "Exception encountered when calling ...")."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(err))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return type(err).__name__
    useful = [line for line in lines if not line.startswith(("Exception encountered", "Arguments",
                                                              "\u2022", "args=", "kwargs="))]
    found = next((line for line in useful
                  if re.search(r"shape|expect|incompatible|compatible", line, re.I)),
                 (useful or lines)[0])
    return found if found.endswith((".", "!", "?", ":")) else found + "."


_SHAPE_ADVICE = ("Check the input shape (keras.Input(shape=...) or input_shape=...) and the "
                 "layer order.")


def run_model(model: Any, inputs: np.ndarray, what: str = "your model",
              advice: str = _SHAPE_ADVICE) -> np.ndarray:
    """The model's output for ``inputs`` (inference mode), with a plain message (the gist
    of the error, then ``advice``) when the model cannot run on inputs of that shape."""
    try:
        return np.asarray(model(inputs, training=False))
    except Exception as err:  # Keras raises ValueError, TypeError, InvalidArgumentError...
        fail(f"{what} cannot take a batch of shape {inputs.shape}: {type(err).__name__}: "
             f"{keras_error(err)} {advice}".rstrip())


def expect_rescaling(layer: Any, what: str) -> None:
    """Fail unless ``layer`` is Rescaling(1 / 255) with no offset (0..255 pixels to 0..1)."""
    scale = np.asarray(layer.scale, dtype=np.float64)
    offset = np.asarray(layer.offset, dtype=np.float64)
    if not np.allclose(scale, 1 / 255) or not np.allclose(offset, 0.0):
        fail(f"{what}'s Rescaling layer computes x * {layer.scale!r} + {layer.offset!r}; the "
             "network should see pixels from 0 to 1: layers.Rescaling(1 / 255), no offset.")


def expect_steps(
    model: Any, expected: list[Step], what: str = "your model", hint: str = ""
) -> None:
    """Fail unless the model's steps are ``expected``, in order (a ``None`` size or
    activation in ``expected`` matches any); the message names the first difference."""
    steps = model_steps(model)
    for i, (mine, wanted) in enumerate(zip(steps, expected, strict=False)):
        same = mine.kind == wanted.kind and all(
            w is None or m == w for m, w in ((mine.size, wanted.size),
                                             (mine.activation, wanted.activation))
        )
        if not same:
            fail(f"{what}'s layer {i + 1} is {mine}; expected {wanted}. Your layers: "
                 f"{describe_steps(steps)}. {hint}")
    if len(steps) != len(expected):
        more = "more" if len(steps) > len(expected) else "fewer"
        fail(f"{what} has {len(steps)} layers, {more} than the {len(expected)} expected "
             f"({describe_steps(expected)}). Your layers: {describe_steps(steps)}. {hint}")


def expect_params(model: Any, expected: int, what: str = "your model", hint: str = "") -> None:
    """Fail unless the model has ``expected`` parameters (trainable or not)."""
    found = model.count_params()
    if found != expected:
        fail(f"{what} has {found:,} parameters; expected {expected:,}. {hint}")


@dataclass(frozen=True)
class Compiled:
    """What ``model.compile`` was given, in comparable form."""

    loss: str | None
    from_logits: bool
    label_smoothing: float
    optimizer: str
    learning_rate: Any  # a float, or the schedule object
    metrics: list[str]


def _loss_facts(loss: Any) -> tuple[str | None, bool, float]:
    keras = keras_module()

    if loss is None:
        return None, False, 0.0
    if isinstance(loss, str):
        loss = keras.losses.get(loss)
    if isinstance(loss, keras.losses.Loss):
        config = loss.get_config()
        return (loss.name, bool(config.get("from_logits", False)),
                float(config.get("label_smoothing", 0.0) or 0.0))
    return getattr(loss, "__name__", type(loss).__name__), False, 0.0


def _metric_name(metric: Any) -> str:
    if isinstance(metric, str):
        return {"acc": "accuracy"}.get(metric, metric)
    if isinstance(metric, dict):  # a serialised metric object
        return metric.get("config", {}).get("name") or metric.get("class_name", "?")
    return getattr(metric, "name", None) or getattr(metric, "__name__", type(metric).__name__)


def compiled(model: Any, what: str = "your model") -> Compiled:
    """What the model was compiled with; fails if it was not compiled."""
    if getattr(model, "optimizer", None) is None or not getattr(model, "compiled", False):
        fail(f"{what} is not compiled: call `model.compile(optimizer=..., loss=..., "
             "metrics=[...])` before returning it.")
    loss, from_logits, smoothing = _loss_facts(model.loss)
    optimizer = model.optimizer
    schedule = getattr(optimizer, "_learning_rate", None)
    keras = keras_module()

    if isinstance(schedule, keras.optimizers.schedules.LearningRateSchedule):
        rate = schedule
    else:
        rate = float(np.asarray(optimizer.learning_rate))
    metrics = [_metric_name(m) for m in (model.get_compile_config().get("metrics") or [])]
    return Compiled(loss, from_logits, smoothing, type(optimizer).__name__, rate, metrics)


def expect_callback(
    callbacks: Any, kind: str, what: str = "your callbacks", **settings: Any
) -> Any:
    """Fail unless ``callbacks`` (a list) holds exactly one ``keras.callbacks.<kind>``
    with these settings (attribute values, floats compared with a tolerance); return it."""
    if callbacks is None:
        fail(f"{what} should be a list of Keras callbacks; yours is None: end with `return [...]`.")
    try:
        found = [c for c in callbacks if type(c).__name__ == kind]
    except TypeError:
        fail(f"{what} should be a list of Keras callbacks; yours is a {type(callbacks).__name__}.")
    if not found:
        kinds = ", ".join(type(c).__name__ for c in callbacks) or "none"
        fail(f"{what} should include a keras.callbacks.{kind}; yours are: {kinds}.")
    if len(found) > 1:
        fail(f"{what} include {len(found)} {kind} callbacks; one is enough.")
    (callback,) = found
    for name, wanted in settings.items():
        value = getattr(callback, name, None)
        same = (np.isclose(value, wanted) if isinstance(wanted, float) and
                isinstance(value, (int, float)) else value == wanted)
        if not same:
            fail(f"your {kind}'s {name} is {value!r}; expected {wanted!r}.")
    return callback


def expect_loss_falls(
    model: Any, inputs: np.ndarray, targets: np.ndarray, steps: int = 30,
    factor: float = 0.5, what: str = "your model",
) -> tuple[float, float]:
    """Train a copy of the compiled ``model`` for ``steps`` steps on one small batch and
    fail unless the loss on that batch falls below ``factor`` x its first value: any
    model that can learn fits a handful of images. The learner's model is not touched.
    Returns (loss before, loss after)."""
    keras = keras_module()

    compiled(model, what)
    copy = keras.models.clone_model(model)
    copy.set_weights(model.get_weights())
    copy.compile_from_config(model.get_compile_config())
    before = float(copy.evaluate(inputs, targets, verbose=0, return_dict=True)["loss"])
    for _ in range(steps):
        copy.train_on_batch(inputs, targets)
    after = float(copy.evaluate(inputs, targets, verbose=0, return_dict=True)["loss"])
    if not np.isfinite(after) or not np.isfinite(before):
        fail(f"{what}'s loss is {after if np.isfinite(before) else before} on a small batch: "
             "the output layer and the loss do not fit together (or the learning rate is far "
             "too high).")
    if after > before:
        fail(f"{what}'s loss grew in training, from {before:.3f} to {after:.3g}, on the same "
             f"{len(inputs)} images: the learning rate is far too high (or the output "
             "activation and the loss do not fit together).")
    if after > factor * before:
        fail(f"{what} does not learn: after {steps} training steps on the same "
             f"{len(inputs)} images its loss went from {before:.3f} to {after:.3f} "
             f"(expected below {factor * before:.3f}). Check the learning rate, the output "
             "activation and the loss.")
    return before, after
