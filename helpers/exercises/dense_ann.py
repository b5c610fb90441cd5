"""Checks of the exercises of 05_dense_ann.

Each check runs the learner's function on its own tiny inputs (8x8 images, three or
four classes, models of a few dozen weights) and compares what comes back with
answers worked out by hand: a parameter count, the layers of a model, the settings a
model was compiled with, a weight penalty, callback settings, a learning rate. The
usual mistakes are recognised and named. Every correct way of writing an answer
passes: the Sequential or the functional API, an Input layer or ``input_shape``, an
activation as an argument or as a layer, a loss by name, as a function or as an
object. Introduced in 05_dense_ann.

Besides the building blocks of ``helpers.checks``, two generic ones live here:
``loss_value`` (what a compiled model's loss gives on a batch, whatever form the
loss was given in) and ``penalty_of`` (what a layer's kernel regulariser adds to the
loss for a given kernel).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from helpers.checks import (
    Exercise,
    Step,
    call,
    compiled,
    describe_steps,
    expect_callback,
    expect_model,
    expect_params,
    fail,
    is_int,
    keras_module,
    model_steps,
    run_model,
)

__all__ = [
    "q1_first_layer_cost",
    "q2_dense_network",
    "q3_compile_for_labels",
    "q4_training_steps",
    "q5_regularised_dense",
    "q6_training_callbacks",
    "q7_cosine_learning_rate",
]


def _number(value: Any, what: str) -> float:
    """A single number from ``value`` (a Python or NumPy number, a 0-d array or tensor)."""
    if value is None:
        fail(f"{what} returned None: end your function with `return ...`.")
    if isinstance(value, (bool, np.bool_, str)):
        fail(f"{what} should be a number; yours is {value!r}.")
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        fail(f"{what} should be a number; yours is a {type(value).__name__}.")
    if array.size != 1:
        fail(f"{what} should be one number; yours has shape {array.shape}.")
    return float(array.reshape(()))


def loss_value(model: Any, inputs: np.ndarray, labels: np.ndarray) -> float:
    """The mean loss of a compiled ``model`` on one batch, computed eagerly (no training,
    no tracing), whatever form the loss was given in: a name, a function or a ``Loss``
    object. Regularisation penalties are not included.

    The model's outputs reach the loss as a plain array: Keras 3 (TensorFlow) recognises
    the output of a softmax layer and quietly corrects ``from_logits=True`` on it, which
    would hide that mismatch from a check."""
    keras = keras_module()
    loss = model.loss
    function = keras.losses.get(loss) if isinstance(loss, str) else loss
    predictions = np.asarray(model(inputs, training=False), dtype=np.float32)
    return float(np.mean(np.asarray(function(labels, predictions))))


def penalty_of(layer: Any, kernel: np.ndarray) -> float | None:
    """What ``layer``'s kernel regulariser adds to the loss when its kernel holds
    ``kernel`` (``None`` if it has no kernel regulariser). The layer is built for
    inputs of ``kernel.shape[0]`` features if it is not built yet."""
    if not layer.built:
        layer.build((None, kernel.shape[0]))
    layer.kernel.assign(kernel.astype(np.float32))
    if layer.kernel_regularizer is None:
        return None
    return float(np.asarray(layer.kernel_regularizer(layer.kernel)))


# ------------------------------------------------------------------ q1 first layer cost

_MB = 1_000_000


def _cost_parts(first_layer_cost: Any, image_size: int, channels: int, units: int):
    what = f"first_layer_cost({image_size}, {channels}, {units})"
    result = call(first_layer_cost, image_size, channels, units)
    if result is None:
        fail(f"{what} returned None: end with `return parameters, megabytes`.")
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        kind = f"a {type(result).__name__}" if not isinstance(result, (tuple, list)) else (
            f"{len(result)} values")
        fail(f"first_layer_cost should return two values, (parameters, megabytes); yours "
             f"returned {kind}.")
    parameters, megabytes = result
    if isinstance(parameters, (float, np.floating)) and is_int(megabytes):
        fail(f"{what} returned ({parameters!r}, {megabytes!r}): the two values are in the wrong "
             "order. Return (parameters, megabytes): the count first, then the memory.")
    return what, parameters, _number(megabytes, f"the megabytes of {what}")


def _test_first_layer_cost(first_layer_cost: Any) -> None:
    # (image size, channels, units): inputs = size * size * channels; parameters =
    # inputs x units weights + units biases; 4 bytes each in float32.
    cases = [(8, 1, 4), (8, 3, 4), (5, 3, 7), (1, 1, 1), (64, 1, 512), (64, 3, 512)]
    got = [_cost_parts(first_layer_cost, *case) for case in cases]
    inputs = [s * s * c for s, c, _ in cases]
    expected = [i * u + u for i, (_, _, u) in zip(inputs, cases, strict=True)]
    params = [p for _, p, _ in got]
    for (what, p, _), e in zip(got, expected, strict=True):
        if isinstance(p, (float, np.floating)) and float(p) == e:
            fail(f"{what} gave {p!r} parameters, a float: return a whole number, an int.")
        if not is_int(p):
            fail(f"the parameter count should be an int; {what} gave {p!r}.")
    # Each case's slip, from the one that gets the biggest case (64, 3, 512) right.
    if all(p == e for p, e in zip(params, expected, strict=True)):
        pass
    elif all(p == i * u for p, i, (_, _, u) in zip(params, inputs, cases, strict=True)):
        fail(f"{got[1][0]} should count {expected[1]} parameters; yours, {params[1]}, left "
             "out the biases: a Dense layer has one bias per unit, inputs x units + units.")
    elif all(p == s * s * u + u for p, (s, _, u) in zip(params, cases, strict=True)):
        fail(f"{got[1][0]} should count {expected[1]} parameters; yours, {params[1]}, "
             "forgot the channels: a colour photo flattens to height x width x 3 inputs, "
             "three times as many as a gray one.")
    elif all(p == s * c * u + u for p, (s, c, u) in zip(params, cases, strict=True)):
        fail(f"{got[0][0]} should count {expected[0]} parameters; yours, {params[0]}: an "
             "image of image_size x image_size pixels has image_size squared of them "
             "(image_size ** 2), not image_size.")
    elif all(p == (i + 1) * (u + 1) for p, i, (_, _, u) in zip(params, inputs, cases,
                                                                strict=True)):
        fail(f"{got[0][0]} should count {expected[0]} parameters: one bias per unit is "
             "units more, (inputs x units) + units, not (inputs + 1) x (units + 1).")
    else:
        for (what, p, _), e in zip(got, expected, strict=True):
            if p != e:
                fail(f"{what} should count {e:,} parameters; yours counts {p:,}. Inputs: "
                     "image_size x image_size x channels; parameters: inputs x units + units.")
    mbs = [m for _, _, m in got]

    def all_are(factor: float) -> bool:
        return all(math.isclose(m, e * factor, rel_tol=1e-6)
                   for m, e in zip(mbs, expected, strict=True))

    big = got[5][0]
    wanted = expected[5] * 4 / _MB
    if all_are(4 / _MB):
        return
    if all_are(4):
        fail(f"{big} should take {wanted} MB; yours, {mbs[5]:,.0f}, is in bytes. Divide the "
             "bytes by 1,000,000 to get megabytes.")
    if all_are(4 / 2**20):
        fail(f"{big} should take {wanted} MB; yours, {mbs[5]:.4f}, divides by 2**20 = "
             "1,048,576 (a mebibyte, MiB). The exercise counts 1 MB = 1,000,000 bytes.")
    if all_are(8 / _MB):
        fail(f"{big} should take {wanted} MB; yours, {mbs[5]:.4f}, counts 8 bytes a "
             "parameter (float64). Keras keeps weights in float32: 4 bytes each.")
    if all_are(1 / _MB):
        fail(f"{big} should take {wanted} MB; yours, {mbs[5]:.4f}, counts 1 byte a "
             "parameter. A float32 number takes 4 bytes.")
    if all_are(32 / _MB):
        fail(f"{big} should take {wanted} MB; yours, {mbs[5]:.4f}, counts bits (32 a "
             "parameter). A byte is 8 bits: a float32 number takes 4 bytes.")
    if all(math.isclose(m, i * 4 / _MB, rel_tol=1e-6) or math.isclose(m, i / _MB, rel_tol=1e-6)
           for m, i in zip(mbs, inputs, strict=True)):
        fail(f"{big} should take {wanted} MB; yours, {mbs[5]:.4f}, is the memory of one "
             "flattened photo. The question is the memory of the layer's parameters.")
    for (what, _, m), e in zip(got, expected, strict=True):
        if not math.isclose(m, e * 4 / _MB, rel_tol=1e-6):
            fail(f"{what} should take {e * 4 / _MB} MB ({e:,} parameters x 4 bytes / "
                 f"1,000,000); yours is {m}.")


q1_first_layer_cost = Exercise(
    name="q1_first_layer_cost",
    answer="first_layer_cost",
    test=_test_first_layer_cost,
    hints=[
        "A flattened photo has image_size * image_size * channels inputs.",
        "Each unit has one weight per input and one bias: inputs * units + units parameters.",
        "float32 takes 4 bytes: megabytes = parameters * 4 / 1_000_000. Return "
        "(parameters, megabytes).",
    ],
)


# ------------------------------------------------------------------ q2 dense network


def _flat(steps: list[Step]) -> list[Step]:
    """A Reshape to one axis does what Flatten does: count it as one."""
    return [Step("Flatten") if s.kind == "Reshape" else s for s in steps]


def _expected_network(hidden: list[int], n_classes: int, dropout: float) -> list[Step]:
    steps = [Step("Flatten")]
    for units in hidden:
        steps += [Step("Dense", units, "relu"), Step("Dropout", float(dropout))]
    return [*steps, Step("Dense", n_classes, "softmax")]


def _check_network(dense_network: Any, input_shape: tuple, n_classes: int,
                   hidden: list[int], dropout: float, seed: int) -> None:
    what = f"dense_network({input_shape}, {n_classes}, {hidden}, {dropout})"
    model = expect_model(call(dense_network, input_shape, n_classes, list(hidden), dropout),
                         f"the result of {what}")
    images = np.random.default_rng(seed).random((3, *input_shape)).astype(np.float32)
    try:
        takes = tuple(model.inputs[0].shape[1:])
    except (AttributeError, IndexError, TypeError, ValueError):  # not built yet: no input shape
        takes = None
    if takes is not None and takes != tuple(input_shape):
        fail(f"the model of {what} takes inputs of shape {takes}; it should take "
             f"input_shape, {tuple(input_shape)} here: keras.Input(shape=input_shape).")
    out = run_model(model, images, f"the model of {what}")
    steps = _flat(model_steps(model))
    mine = f"Your layers: {describe_steps(steps)}."
    kinds = [s.kind for s in steps]
    if "Flatten" not in kinds:
        fail(f"the model of {what} has no Flatten layer, so its Dense layers work on the last "
             f"axis of each image only: its output has shape {out.shape}, not (3, "
             f"{n_classes}). Start with layers.Flatten(), which turns each image into one "
             f"row of numbers. {mine}")
    if out.shape[-1] != n_classes or out.ndim != 2:
        fail(f"the model of {what} gives outputs of shape {out.shape} for 3 images; expected "
             f"(3, {n_classes}): an output layer of n_classes units, one per class. {mine}")
    last = steps[-1]
    if last.kind == "Dropout":
        fail(f"the model of {what} ends with a Dropout layer. Dropout goes after the hidden "
             f"layers only: the output layer's probabilities must reach the loss whole. {mine}")
    if last.kind == "Dense" and last.activation != "softmax":
        if last.activation == "linear":
            fail(f"the output layer of {what} has no activation, so it gives raw scores "
                 "(logits), not probabilities: add activation='softmax', which turns the "
                 f"scores of each image into probabilities that add up to 1. {mine}")
        if last.activation == "sigmoid":
            fail(f"the output layer of {what} uses a sigmoid, which squashes each score on "
                 "its own: the outputs do not add up to 1. For one class out of several, use "
                 f"activation='softmax'. {mine}")
        fail(f"the output layer of {what} uses {last.activation}; it should use softmax, so "
             f"that the outputs are class probabilities that add up to 1. {mine}")
    if kinds[0] != "Flatten" or (len(kinds) > 1 and kinds[1] == "Dropout"):
        if "Dropout" in kinds[:2]:
            fail(f"the model of {what} has a Dropout layer before its first Dense layer, which "
                 "drops input pixels. In this exercise dropout comes after each hidden Dense "
                 f"layer only, and Flatten comes first. {mine}")
        fail(f"the model of {what} should start with Flatten; it starts with {steps[0]}. "
             f"{mine}")
    hidden_dense = [s for s in steps[:-1] if s.kind == "Dense"]
    sizes = [s.size for s in hidden_dense]
    if sizes != list(hidden):
        if sizes == list(hidden)[::-1] and len(hidden) > 1:
            fail(f"the hidden layers of {what} have {sizes} units: the order is reversed. "
                 f"Use hidden_units in order, {list(hidden)}. {mine}")
        fail(f"the hidden Dense layers of {what} have {sizes} units; expected one layer per "
             f"number of hidden_units, in order: {list(hidden)}. {mine}")
    for s in hidden_dense:
        if s.activation == "linear":
            fail(f"a hidden layer of {what} has no activation. Without one, the Dense layers "
                 "add up to a single linear map, no better than logistic regression: use "
                 f"activation='relu'. {mine}")
        if s.activation != "relu":
            fail(f"a hidden layer of {what} uses {s.activation}; the exercise asks for relu "
                 f"in every hidden layer. {mine}")
    rates = [s.size for s in steps if s.kind == "Dropout"]
    if rates and all(math.isclose(r, 1 - dropout) for r in rates) and dropout != 0.5:
        fail(f"the Dropout layers of {what} have rate {rates[0]:g}, which is 1 - dropout. In "
             "Keras the rate is the share of units that are dropped, not the share kept: "
             f"layers.Dropout(dropout). {mine}")
    if len(rates) != len(hidden):
        fail(f"the model of {what} has {len(rates)} Dropout layer(s) for {len(hidden)} hidden "
             f"layer(s): put one Dropout after each hidden Dense layer. {mine}")
    if any(not math.isclose(r, dropout) for r in rates):
        fail(f"the Dropout layers of {what} have rates {rates}; each should drop the share "
             f"`dropout` asks for, {dropout}. {mine}")
    expected = _expected_network(list(hidden), n_classes, dropout)
    if steps != expected:
        fail(f"the layers of {what} should be {describe_steps(expected)}. {mine}")
    inputs = int(np.prod(input_shape))
    sizes = [inputs, *hidden, n_classes]
    weights = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:], strict=True))
    expect_params(model, weights, f"the model of {what}",
                  "Each Dense layer has inputs x units weights and units biases.")
    totals = out.sum(axis=1)
    if not np.allclose(totals, 1.0, atol=1e-5):
        fail(f"the outputs of {what} should add up to 1 for each image (class probabilities); "
             f"yours add up to {np.round(totals, 4).tolist()}.")


def _test_dense_network(dense_network: Any) -> None:
    _check_network(dense_network, (8, 8, 1), 3, [16], 0.25, seed=0)
    _check_network(dense_network, (6, 6, 3), 4, [12, 8], 0.5, seed=1)
    _check_network(dense_network, (4, 5, 3), 3, [10, 6, 4], 0.1, seed=2)


q2_dense_network = Exercise(
    name="q2_dense_network",
    answer="dense_network",
    test=_test_dense_network,
    hints=[
        "Start with keras.Sequential([keras.Input(shape=input_shape), layers.Flatten()]) and "
        "add layers with model.add(...).",
        "For each number of units in hidden_units: layers.Dense(units, activation='relu'), "
        "then layers.Dropout(dropout).",
        "End with layers.Dense(n_classes, activation='softmax') and return the model.",
    ],
)


# ------------------------------------------------------------------ q3 compile for labels

_LOSSES = {"sparse_categorical_crossentropy", "categorical_crossentropy"}


def _cross_entropy(scores: np.ndarray, classes: np.ndarray, logits: bool) -> float:
    """Mean cross-entropy by hand: softmax the scores first if they are logits."""
    if logits:
        shifted = scores - scores.max(axis=1, keepdims=True)
        probabilities = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    else:
        probabilities = scores
    return float(-np.mean(np.log(probabilities[np.arange(len(classes)), classes])))


def _metric_kind(metric: Any) -> str:
    """'accuracy', 'sparse_categorical_accuracy', 'categorical_accuracy' or another name."""
    if isinstance(metric, dict):  # a serialised metric object: its class says what it is
        name = metric.get("class_name", "")
        return {"SparseCategoricalAccuracy": "sparse_categorical_accuracy",
                "CategoricalAccuracy": "categorical_accuracy",
                "Accuracy": "exact_accuracy"}.get(name, name)
    if isinstance(metric, str):
        return {"acc": "accuracy"}.get(metric, metric)
    return getattr(metric, "__name__", None) or getattr(metric, "name", "?")


def _probe_model(logits: bool, n_inputs: int, n_classes: int, seed: int):
    keras = keras_module()
    return keras.Sequential([
        keras.Input((n_inputs,)),
        keras.layers.Dense(n_classes, activation=None if logits else "softmax",
                           kernel_initializer=keras.initializers.RandomNormal(stddev=1.0,
                                                                              seed=seed)),
    ])


def _check_compiled(compile_for_labels: Any, one_hot: bool, logits: bool, rate: float,
                    n_classes: int, label_dtype: Any, seed: int) -> None:
    rng = np.random.default_rng(seed)
    classes = np.arange(8) % n_classes
    labels = (np.eye(n_classes, dtype=label_dtype)[classes] if one_hot
              else classes.astype(label_dtype))
    model = _probe_model(logits, 5, n_classes, seed)
    form = (f"one-hot labels of shape {labels.shape}" if one_hot
            else f"integer labels of shape {labels.shape}")
    output = "raw scores (logits)" if logits else "softmax probabilities"
    what = f"compile_for_labels(model, {form}, logits={logits}, learning_rate={rate})"
    result = call(compile_for_labels, model, labels, logits, rate)
    if result is None:
        fail(f"{what} returned None. model.compile(...) changes the model in place and "
             "returns None: call it, then `return model`.")
    expect_model(result, f"the result of {what}")
    facts = compiled(result, f"the model returned by {what}")
    right = "categorical_crossentropy" if one_hot else "sparse_categorical_crossentropy"
    if facts.loss is None:
        fail(f"{what} compiled the model without a loss: pass loss=... to model.compile.")
    if facts.loss != right and facts.loss in _LOSSES:
        if one_hot:
            fail(f"for {form} (one row of 0s and a 1 per image) the loss is "
                 "categorical_crossentropy; sparse_categorical_crossentropy is for integer "
                 f"labels (one class number per image). {what} used {facts.loss}.")
        fail(f"for {form} (one class number per image) the loss is "
             "sparse_categorical_crossentropy; categorical_crossentropy is for one-hot "
             f"labels (one row of 0s and a 1 per image). {what} used {facts.loss}.")
    if facts.loss == "binary_crossentropy":
        fail(f"{what} used binary_crossentropy, the loss of one yes-or-no output (two "
             f"classes, a sigmoid). With {n_classes} classes use {right}.")
    if facts.loss in ("mean_squared_error", "mean_absolute_error"):
        fail(f"{what} used {facts.loss}, a loss for numbers to predict (regression). For "
             f"classes use the cross-entropy: {right} for {form}.")
    if facts.loss in _LOSSES and facts.from_logits != logits:
        if logits:
            fail(f"the model outputs {output}, but the loss of {what} expects probabilities "
                 "(from_logits=False): it would take the raw scores for probabilities. Tell "
                 f"it: keras.losses.{_class_name(right)}(from_logits=True).")
        fail(f"the model outputs {output}, but the loss of {what} has from_logits=True: it "
             "would apply a second softmax to probabilities. Keep from_logits=False (the "
             "default) for a model that ends with a softmax.")
    if facts.label_smoothing:
        fail(f"the loss of {what} smooths the labels (label_smoothing="
             f"{facts.label_smoothing:g}); the exercise asks for the plain cross-entropy.")
    inputs = rng.normal(size=(8, 5)).astype(np.float32)
    expected = _cross_entropy(np.asarray(result(inputs, training=False), np.float64),
                              classes, logits)
    try:
        value = loss_value(result, inputs, labels)
    except Exception as err:  # a loss for another label format raises a shape error
        fail(f"the loss of {what} cannot be computed for {form} ({type(err).__name__}: "
             f"{str(err).splitlines()[0]}). Use {right}.")
    if not math.isclose(value, expected, rel_tol=1e-4, abs_tol=1e-5):
        fail(f"on 8 images with {form}, the loss of {what} gives {value:.4f}; the "
             f"cross-entropy of the model's {output} is {expected:.4f}. Use {right}"
             f"{' with from_logits=True' if logits else ''}.")
    if facts.optimizer != "Adam":
        fail(f"{what} compiled with {facts.optimizer}; the exercise asks for "
             "keras.optimizers.Adam(learning_rate=learning_rate).")
    if not isinstance(facts.learning_rate, float):
        fail(f"{what} gave Adam a schedule; the exercise asks for the fixed rate "
             f"learning_rate={rate}.")
    found = facts.learning_rate
    if not math.isclose(found, rate, rel_tol=1e-5):
        if math.isclose(found, 1e-3, rel_tol=1e-5):
            fail(f"{what} trains with a learning rate of 0.001, Adam's default, instead of "
                 f"{rate}: pass the learning_rate argument on, "
                 "keras.optimizers.Adam(learning_rate=learning_rate).")
        for factor in (10, 0.1):
            if math.isclose(found, rate * factor, rel_tol=1e-5):
                fail(f"{what} trains with a learning rate of {found:g}, {factor:g} times "
                     f"the {rate} asked for: check the number of zeros.")
        fail(f"{what} trains with a learning rate of {found:g}; expected {rate}.")
    kinds = [_metric_kind(m) for m in (result.get_compile_config().get("metrics") or [])]
    fits = "categorical_accuracy" if one_hot else "sparse_categorical_accuracy"
    wrong = "sparse_categorical_accuracy" if one_hot else "categorical_accuracy"
    if wrong in kinds:
        fail(f"{what} measures {wrong}, which expects {'integer' if one_hot else 'one-hot'} "
             f"labels; the labels are {form}. metrics=['accuracy'] lets Keras pick the "
             "right kind.")
    if "accuracy" not in kinds and fits not in kinds:
        fail(f"{what} compiled without the accuracy metric (its metrics: {kinds or 'none'}): "
             "pass metrics=['accuracy'], so that training reports it.")


def _class_name(loss: str) -> str:
    return {"sparse_categorical_crossentropy": "SparseCategoricalCrossentropy",
            "categorical_crossentropy": "CategoricalCrossentropy"}[loss]


def _test_compile_for_labels(compile_for_labels: Any) -> None:
    _check_compiled(compile_for_labels, one_hot=False, logits=False, rate=1e-3, n_classes=3,
                    label_dtype=np.int64, seed=0)
    _check_compiled(compile_for_labels, one_hot=True, logits=False, rate=3e-4, n_classes=4,
                    label_dtype=np.float32, seed=1)
    _check_compiled(compile_for_labels, one_hot=False, logits=True, rate=1e-2, n_classes=3,
                    label_dtype=np.int32, seed=2)
    _check_compiled(compile_for_labels, one_hot=True, logits=True, rate=2e-3, n_classes=3,
                    label_dtype=np.int64, seed=3)


q3_compile_for_labels = Exercise(
    name="q3_compile_for_labels",
    answer="compile_for_labels",
    test=_test_compile_for_labels,
    hints=[
        "labels.ndim is 1 for integer labels (one class number per image) and 2 for one-hot "
        "labels (one row per image).",
        "keras.losses.SparseCategoricalCrossentropy(from_logits=logits) for integer labels, "
        "keras.losses.CategoricalCrossentropy(from_logits=logits) for one-hot labels.",
        "model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate), "
        "loss=loss, metrics=['accuracy']), then return model.",
    ],
)


# ------------------------------------------------------------------ q4 training steps


def _test_training_steps(training_steps: Any) -> None:
    cases = [(100, 32, 3), (64, 32, 5), (5, 16, 2), (1414, 32, 60), (33, 32, 1), (1, 1, 1),
             (1000, 1000, 7), (18, 4, 10), (60, 32, 2), (1000, 300, 1)]
    got = []
    for n, b, e in cases:
        what = f"training_steps({n}, {b}, {e})"
        value = call(training_steps, n, b, e)
        if value is None:
            fail(f"{what} returned None: end your function with `return ...`.")
        if isinstance(value, (float, np.floating)):
            fail(f"{what} returned {value!r}, a float: a number of steps is a whole number. "
                 "Round each epoch's batches up (math.ceil) and return an int.")
        if not is_int(value):
            fail(f"{what} should return an int; yours returned a {type(value).__name__}.")
        got.append(int(value))
    expected = [math.ceil(n / b) * e for n, b, e in cases]
    if got == expected:
        return

    def every(values: list[int]) -> bool:
        return got == values

    if every([n // b * e for n, b, e in cases]):
        fail("training_steps(100, 32, 3) is 12: each epoch has three full batches of 32 and a "
             "last, smaller batch of 4, and every batch is one step. Integer division drops "
             "that last batch: round up, math.ceil(n_images / batch_size).")
    if every([math.ceil(n * e / b) for n, b, e in cases]):
        fail("training_steps(100, 32, 3) is 12, not 10: every epoch ends with its own last, "
             "smaller batch (4 images here), because each epoch goes through the photos "
             "anew. Round up per epoch, then multiply by the epochs.")
    if every([round(n / b) * e for n, b, e in cases]):
        fail("training_steps(33, 32, 1) is 2: one full batch and one of a single image. You "
             "rounded to the nearest; round up (math.ceil).")
    if every([math.ceil(n / b) for n, b, _ in cases]):
        fail("training_steps(64, 32, 5) is 10: 2 steps per epoch for 5 epochs. Yours counts "
             "one epoch: multiply by epochs.")
    if every([n * e for n, _, e in cases]):
        fail("training_steps(64, 32, 5) is 10: one step per batch of 32 photos, not one per "
             "photo. Divide by batch_size.")
    if every([e for _, _, e in cases]):
        fail("training_steps(64, 32, 5) is 10: CosineDecay counts optimizer steps (batches), "
             "not epochs. Each epoch has math.ceil(n_images / batch_size) steps.")
    for (n, b, e), value, right in zip(cases, got, expected, strict=True):
        if value != right:
            fail(f"training_steps({n}, {b}, {e}) should be {right} (math.ceil({n} / {b}) = "
                 f"{math.ceil(n / b)} steps per epoch, {e} epochs); yours is {value}.")


q4_training_steps = Exercise(
    name="q4_training_steps",
    answer="training_steps",
    test=_test_training_steps,
    hints=[
        "One step = one batch. An epoch of 100 photos in batches of 32 has 4 steps: 32, 32, 32 "
        "and 4.",
        "math.ceil(n_images / batch_size) steps per epoch (or -(-n_images // batch_size)).",
        "Multiply by epochs, and return an int.",
    ],
)


# ------------------------------------------------------------------ q5 regularised dense


def _check_regularised(regularised_dense: Any, units: int, l1: float, l2: float,
                       seed: int) -> None:
    keras = keras_module()
    what = f"regularised_dense({units}, l1={l1}, l2={l2})"
    layer = call(regularised_dense, units, l1, l2)
    if layer is None:
        fail(f"{what} returned None: end with `return layers.Dense(...)`.")
    if isinstance(layer, type):
        fail(f"{what} returned the class {layer.__name__} itself: call it, "
             "layers.Dense(units, ...).")
    if isinstance(layer, keras.Model) or not isinstance(layer, keras.layers.Dense):
        fail(f"{what} should return one layers.Dense layer; yours returned a "
             f"{type(layer).__name__}.")
    if layer.units != units:
        fail(f"the layer of {what} has {layer.units} units; expected units={units}.")
    step = model_steps(keras.Sequential([keras.Input((4,)), layer]))[0]
    if step.activation != "relu":
        fail(f"the layer of {what} uses the activation {step.activation}; the exercise asks "
             "for activation='relu'.")
    if layer.kernel_regularizer is None:
        if layer.bias_regularizer is not None:
            fail(f"the layer of {what} regularises its biases (bias_regularizer), and not its "
                 "weights. The penalty goes on the weights, the kernel: kernel_regularizer=...")
        if layer.activity_regularizer is not None:
            fail(f"the layer of {what} penalises its outputs (activity_regularizer), not its "
                 "weights. The penalty goes on the kernel: kernel_regularizer=...")
        fail(f"the layer of {what} has no kernel_regularizer: pass "
             "kernel_regularizer=keras.regularizers.L1L2(l1=l1, l2=l2).")
    if layer.bias_regularizer is not None or layer.activity_regularizer is not None:
        where = "bias_regularizer" if layer.bias_regularizer is not None else (
            "activity_regularizer")
        fail(f"the layer of {what} also has a {where}; the exercise penalises the kernel "
             "only.")
    kernel = np.random.default_rng(seed).uniform(-2, 2, size=(4, units)).round(2)
    absolute, squares = float(np.abs(kernel).sum()), float((kernel**2).sum())
    penalty = penalty_of(layer, kernel)
    expected = l1 * absolute + l2 * squares

    def near(value: float) -> bool:
        return math.isclose(penalty, value, rel_tol=1e-4, abs_tol=1e-9)

    if near(expected):
        return
    shown = (f"For a kernel whose absolute values add up to {absolute:.2f} and whose "
             f"squares add up to {squares:.2f}, it adds {penalty:.6g} to the loss; expected "
             f"{l1} x {absolute:.2f} + {l2} x {squares:.2f} = {expected:.6g}.")
    if near(l2 * absolute + l1 * squares):
        fail(f"the regulariser of {what} swaps l1 and l2. {shown} L1 penalises the absolute "
             "values, L2 the squares.")
    if l1 and near(l2 * squares):
        fail(f"the regulariser of {what} leaves out the L1 part. {shown} Use both: "
             "keras.regularizers.L1L2(l1=l1, l2=l2).")
    if l2 and near(l1 * absolute):
        fail(f"the regulariser of {what} leaves out the L2 part. {shown} Use both: "
             "keras.regularizers.L1L2(l1=l1, l2=l2).")
    if near(0.01 * squares) or near(0.01 * absolute) or near(0.01 * (absolute + squares)):
        fail(f"the regulariser of {what} uses Keras's default strength, 0.01 ('l2' or 'l1' "
             f"by name, or L2() without a strength). {shown} Pass the strengths: "
             "keras.regularizers.L1L2(l1=l1, l2=l2).")
    if near(l1 * absolute + l2 / 2 * squares):
        fail(f"the regulariser of {what} halves the L2 strength. {shown} Keras's L2 "
             "penalty is l2 x (sum of squares), with no 1/2: pass l2 as it is.")
    fail(f"the regulariser of {what} does not add the expected penalty. {shown}")


def _test_regularised_dense(regularised_dense: Any) -> None:
    _check_regularised(regularised_dense, 8, 1e-5, 1e-4, seed=0)
    _check_regularised(regularised_dense, 3, 0.0, 1e-3, seed=1)
    _check_regularised(regularised_dense, 5, 2e-3, 0.0, seed=2)
    _check_regularised(regularised_dense, 2, 0.02, 0.05, seed=3)


q5_regularised_dense = Exercise(
    name="q5_regularised_dense",
    answer="regularised_dense",
    test=_test_regularised_dense,
    hints=[
        "layers.Dense(units, activation='relu', kernel_regularizer=...) penalises the layer's "
        "weights (its kernel).",
        "keras.regularizers.L1L2(l1=l1, l2=l2) adds l1 x sum(|w|) + l2 x sum(w**2) to the loss.",
        "Pass l1 and l2 as they are: 'l2' by name would use Keras's default strength, 0.01.",
    ],
)


# ------------------------------------------------------------------ q6 training callbacks


def _check_callbacks(training_callbacks: Any, patience: int, lr_patience: int) -> None:
    keras = keras_module()
    what = f"training_callbacks(patience={patience}, lr_patience={lr_patience})"
    found = call(training_callbacks, patience, lr_patience)
    if isinstance(found, keras.callbacks.Callback):
        fail(f"{what} returned one callback, a {type(found).__name__}; return a list of two: "
             "[EarlyStopping(...), ReduceLROnPlateau(...)].")
    if isinstance(found, (list, tuple)):
        classes = [c.__name__ for c in found if isinstance(c, type)]
        if classes:
            fail(f"{what} returned the class {classes[0]} itself, not a callback: call it "
                 f"with its settings, keras.callbacks.{classes[0]}(...).")
    stopping = expect_callback(found, "EarlyStopping", what)
    reducing = expect_callback(found, "ReduceLROnPlateau", what)
    for name, callback in (("EarlyStopping", stopping), ("ReduceLROnPlateau", reducing)):
        if callback.monitor == "loss":
            fail(f"the {name} of {what} monitors 'loss', the training loss, which keeps "
                 "falling while the network learns its training photos by heart. Monitor the "
                 "loss on the held-out photos: monitor='val_loss'.")
        if callback.monitor != "val_loss":
            fail(f"the {name} of {what} monitors {callback.monitor!r}; the exercise asks for "
                 "monitor='val_loss'.")
        if callback.mode == "max":
            fail(f"the {name} of {what} has mode='max', so it waits for val_loss to grow. A "
                 "loss should fall: leave mode at 'auto' (or 'min').")
    if not stopping.restore_best_weights:
        fail(f"the EarlyStopping of {what} has restore_best_weights=False, so training ends "
             f"with the weights of the last epoch, {patience} epochs after the best one. Pass "
             "restore_best_weights=True to go back to the best epoch's weights.")
    if stopping.patience == lr_patience and reducing.patience == patience:
        fail(f"the patiences of {what} are swapped: EarlyStopping waits `patience` "
             f"({patience}) epochs, ReduceLROnPlateau `lr_patience` ({lr_patience}).")
    if stopping.patience != patience:
        fail(f"the EarlyStopping of {what} waits {stopping.patience} epochs; expected "
             f"patience={patience}.")
    if reducing.patience != lr_patience:
        fail(f"the ReduceLROnPlateau of {what} waits {reducing.patience} epochs; expected "
             f"patience=lr_patience ({lr_patience}). With the same patience as EarlyStopping, "
             "the rate would never be lowered before training stops.")
    if reducing.factor > 1:
        fail(f"the ReduceLROnPlateau of {what} has factor={reducing.factor:g}: the learning "
             "rate is multiplied by the factor, so it would grow. Halving is factor=0.5.")
    if not math.isclose(reducing.factor, 0.5):
        fail(f"the ReduceLROnPlateau of {what} multiplies the rate by {reducing.factor:g}; "
             "the exercise halves it: factor=0.5.")


def _test_training_callbacks(training_callbacks: Any) -> None:
    _check_callbacks(training_callbacks, 5, 2)
    _check_callbacks(training_callbacks, 12, 4)


q6_training_callbacks = Exercise(
    name="q6_training_callbacks",
    answer="training_callbacks",
    test=_test_training_callbacks,
    hints=[
        "keras.callbacks.EarlyStopping(monitor='val_loss', patience=patience, "
        "restore_best_weights=True).",
        "keras.callbacks.ReduceLROnPlateau(monitor='val_loss', factor=0.5, "
        "patience=lr_patience).",
        "Return both in a list: [early_stopping, reduce_lr].",
    ],
)


# ------------------------------------------------------------------ q7 cosine learning rate


def _cosine(step, rate, steps, alpha, *, clip=True, fraction=True, half=True, one_plus=True,
            shrink=True, radians=True):
    """CosineDecay, and (with a switch off) the usual slips."""
    t = min(step, steps) if clip else step
    angle = math.pi * t / steps if radians else 180 * t / steps
    wave = (1 + math.cos(angle)) if one_plus else math.cos(angle)
    wave = wave / 2 if half else wave
    if not fraction:  # alpha taken as the lowest rate itself
        return alpha + (rate - alpha) * wave
    return rate * (((1 - alpha) if shrink else 1) * wave + alpha)


def _test_cosine_learning_rate(cosine_learning_rate: Any) -> None:
    cases = [(0, 1e-3, 100, 0.0), (50, 1e-3, 100, 0.0), (25, 0.01, 100, 0.0),
             (100, 1e-3, 100, 0.1), (150, 1e-3, 100, 0.1), (30, 2e-3, 40, 0.05),
             (7, 0.5, 10, 0.2), (0, 0.05, 10, 0.2)]
    got = []
    for case in cases:
        what = "cosine_learning_rate({}, {}, {}, {})".format(*case)
        got.append((what, _number(call(cosine_learning_rate, *case), what)))

    def near(value: float, expected: float, rate: float) -> bool:
        return abs(value - expected) <= 1e-6 * rate + 1e-5 * abs(expected)

    def every(**slip) -> bool:
        return all(near(v, _cosine(*case, **slip), case[1])
                   for (_, v), case in zip(got, cases, strict=True))

    if every():
        return
    values = {what: v for what, v in got}
    at = "cosine_learning_rate(150, 0.001, 100, 0.1)"
    if every(clip=False):
        fail(f"{at} should be 0.0001: after decay_steps the rate stays at its floor, "
             f"alpha x initial_rate. Yours is {values[at]:.6g}: the cosine climbed back up. Use "
             "min(step, decay_steps).")
    end = "cosine_learning_rate(100, 0.001, 100, 0.1)"
    if all(near(v, _cosine(c[0], c[1], c[2], 0.0), c[1])
           for (_, v), c in zip(got, cases, strict=True)):
        fail(f"{end} should be 0.0001, alpha x initial_rate; yours is {values[end]:.6g}: "
             "alpha was left out. The rate ends at alpha x initial_rate, not at 0.")
    if every(fraction=False):
        fail(f"{end} should be 0.0001; yours is {values[end]:.6g}. alpha is a fraction of the "
             "initial rate (0.1 means a tenth of it), not a learning rate: "
             "initial_rate x ((1 - alpha) x cosine + alpha).")
    start = "cosine_learning_rate(0, 0.001, 100, 0.0)"
    if every(shrink=False):
        first = "cosine_learning_rate(0, 0.05, 10, 0.2)"
        fail(f"{first} should be 0.05, the initial rate; yours is {values[first]:.6g}. "
             "Multiply the cosine part by (1 - alpha), so that the rate starts at "
             "initial_rate x ((1 - alpha) + alpha) = initial_rate.")
    if every(half=False):
        fail(f"{start} should be 0.001, the initial rate; yours is {values[start]:.6g}, twice "
             "as much: the cosine term is 0.5 x (1 + cos(pi x step / decay_steps)), which "
             "goes from 1 to 0.")
    if every(one_plus=False):
        fail(f"{start} should be 0.001; yours is {values[start]:.6g}. The cosine term is "
             "0.5 x (1 + cos(...)): without the 1 + it turns negative halfway.")
    if every(radians=False):
        fail("math.cos and np.cos take radians: the angle is math.pi x step / decay_steps, "
             "not 180 x step / decay_steps.")
    if all(near(v, c[1] * ((1 - c[3]) * (1 - min(c[0], c[2]) / c[2]) + c[3]), c[1])
           for (_, v), c in zip(got, cases, strict=True)):
        fail("your rate falls in a straight line. The cosine schedule falls slowly at first, "
             "fastest halfway, and slowly again at the end: 0.5 x (1 + cos(pi x step / "
             "decay_steps)).")
    for (what, v), case in zip(got, cases, strict=True):
        right = _cosine(*case)
        if not near(v, right, case[1]):
            fail(f"{what} should be {right:.6g}; yours is {v:.6g}. initial_rate x ((1 - alpha) "
                 "x 0.5 x (1 + cos(pi x min(step, decay_steps) / decay_steps)) + alpha).")


q7_cosine_learning_rate = Exercise(
    name="q7_cosine_learning_rate",
    answer="cosine_learning_rate",
    test=_test_cosine_learning_rate,
    hints=[
        "First t = min(step, decay_steps): after decay_steps the rate stays at its floor.",
        "cosine = 0.5 * (1 + math.cos(math.pi * t / decay_steps)) goes from 1 to 0.",
        "Return initial_rate * ((1 - alpha) * cosine + alpha).",
    ],
)
