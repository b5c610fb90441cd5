"""Checks of the exercises of 10_cats_vs_dogs, the binary-classification workshop.

Each check runs the learner's function on small inputs (label arrays of a few
hundred photos, 16 to 40 pixel models, the stand-in base of 07) and compares what
comes back with an independent answer: counts per class, Keras's own
``count_params``, probabilities worked out by hand. Keras models are judged by what
they are and do, so the Sequential and the functional API, string and object forms
all pass. Introduced in 10_cats_vs_dogs.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from helpers.checks import (
    Exercise,
    Step,
    attempt,
    call,
    compiled,
    describe_steps,
    expect_model,
    expect_params,
    expect_rescaling,
    expect_steps,
    fail,
    is_int,
    keras_module,
    layers_of,
    model_steps,
    pair,
    run_model,
)
from helpers.exercises.transfer import expect_uses_base, stand_in_base

__all__ = [
    "q1_hold_out_fifth",
    "q2_small_cnn",
    "q3_small_cnn_parameters",
    "q4_compile_binary",
    "q5_binary_transfer",
    "q6_answer",
    "layers_of",
    "stand_in_base",
]


# ------------------------------------------------------------------ q1 hold out a fifth


def _indices(value: Any, what: str, n: int) -> np.ndarray:
    array = np.asarray(value)
    if array.dtype == bool:
        fail(f"{what} is an array of True/False; return the positions of the photos "
             "(np.flatnonzero(mask) turns a mask into positions).")
    if array.ndim != 1 or not (array.size == 0 or np.issubdtype(array.dtype, np.integer)):
        fail(f"{what} should be a 1-D array (or list) of photo positions, whole numbers; "
             f"yours is {array.dtype} of shape {array.shape}.")
    if array.size and (array.min() < 0 or array.max() >= n):
        fail(f"{what} holds positions outside 0..{n - 1}: return positions in labels, not "
             "the labels themselves.")
    return array


def _split(hold_out_fifth: Any, labels: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    what = f"hold_out_fifth(labels of {len(labels)} photos, seed={seed})"
    given = labels.copy()
    got = call(hold_out_fifth, given, seed)
    if not np.array_equal(given, labels):
        fail("hold_out_fifth changed the labels it was given: leave them alone.")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"{what} should return two arrays of positions, (train, val); yours returned "
             f"{type(got).__name__}.")
    train, val = (_indices(part, f"the {name} part of {what}", len(labels))
                  for part, name in zip(got, ("train", "val"), strict=True))
    if len(np.intersect1d(train, val)):
        fail(f"{what}: {len(np.intersect1d(train, val))} photos are in both train and val. A "
             "validation photo the model trained on says nothing about new photos.")
    if len(np.unique(train)) != len(train) or len(np.unique(val)) != len(val):
        fail(f"{what} lists some photos twice: draw without replacement (a permutation).")
    if len(train) + len(val) != len(labels):
        fail(f"{what} uses {len(train) + len(val)} of the {len(labels)} photos; every photo "
             "goes to train or to val.")
    if len(val) > len(train):
        fail(f"{what} puts {len(val)} photos in val and {len(train)} in train: the other way "
             "round. Hold out a fifth for validation; the model trains on four fifths.")
    for k in np.unique(labels):
        total, held = int(np.sum(labels == k)), int(np.sum(labels[val] == k))
        if abs(held - total / 5) > 1:
            share = ", ".join(f"class {c}: {int(np.sum(labels[val] == c))} of "
                              f"{int(np.sum(labels == c))}" for c in np.unique(labels))
            fail(f"{what} holds out {share}. Each class should lose a fifth of its photos "
                 "(stratified), so that validation has the same mix of classes as training; "
                 "split each class's positions on its own, or use train_test_split(..., "
                 "stratify=labels).")
    return train, val


def _test_hold_out_fifth(hold_out_fifth: Any) -> None:
    labels = np.repeat([0, 1, 2], [50, 30, 20])
    np.random.default_rng(71).shuffle(labels)
    splits = {seed: _split(hold_out_fifth, labels, seed) for seed in (0, 1, 2)}
    again = _split(hold_out_fifth, labels, 1)
    if not (np.array_equal(np.sort(again[1]), np.sort(splits[1][1]))):
        fail("hold_out_fifth(labels, 1) gave another split the second time: draw with a "
             "generator seeded with the seed given, np.random.default_rng(seed), so that the "
             "split can be repeated.")
    if all(_is_first_of_each(labels, val) for _, val in splits.values()):
        fail("hold_out_fifth holds out the first photos of each class, not a random fifth: "
             "a folder's first files may not be typical (taken on one day, by one "
             "camera). Shuffle the positions first.")
    if all(np.array_equal(np.sort(splits[0][1]), np.sort(val)) for _, val in splits.values()):
        fail("hold_out_fifth gives the same split for the seeds 0, 1 and 2: use the seed "
             "given, not a fixed one.")
    two = np.array([0] * 8 + [1] * 7)  # small and odd: a fifth is not a whole number
    _split(hold_out_fifth, two, 5)


def _is_first_of_each(labels: np.ndarray, val: np.ndarray) -> bool:
    firsts = np.concatenate([np.flatnonzero(labels == k)[:len(val[labels[val] == k])]
                             for k in np.unique(labels)])
    return np.array_equal(np.sort(firsts), np.sort(val))


q1_hold_out_fifth = Exercise(
    name="q1_hold_out_fifth",
    answer="hold_out_fifth",
    test=_test_hold_out_fifth,
    hints=[
        "rng = np.random.default_rng(seed); then, for each class k, its positions "
        "np.flatnonzero(labels == k), shuffled with rng.permutation.",
        "A fifth of each class's positions go to val: round(len(positions) / 5) of them; the "
        "rest to train.",
        "Or: sklearn.model_selection.train_test_split(np.arange(len(labels)), test_size=0.2, "
        "stratify=labels, random_state=seed).",
    ],
)


# ------------------------------------------------------------------ q2 the small CNN


def _small_cnn_steps() -> list[Step]:
    return [Step("Rescaling"), Step("Conv2D", 32, "relu"), Step("MaxPooling2D", (2, 2)),
            Step("Flatten"), Step("Dense", 64, "relu"), Step("Dense", 1, "sigmoid")]


def _parameters(image_size: int) -> int:
    """The parameters of the workshop's CNN for square RGB photos: a 3x3 convolution of
    32 filters (valid), 2x2 pooling, Dense 64, Dense 1."""
    side = (image_size - 2) // 2
    return (27 + 1) * 32 + (side * side * 32 + 1) * 64 + 64 + 1


def _check_small_cnn(small_cnn: Any, image_size: int, rng: np.random.Generator) -> None:
    what = f"small_cnn({image_size})"
    model = expect_model(attempt(small_cnn, what, "Build the model for the image_size given: "
                                 "keras.Input((image_size, image_size, 3)).", image_size),
                         f"the result of {what}")
    photos = rng.integers(0, 256, size=(2, image_size, image_size, 3)).astype(np.float32)
    out = run_model(model, photos, f"the model of {what}",
                    "It takes RGB photos: keras.Input((image_size, image_size, 3)).")
    steps = model_steps(model)
    kinds = [step.kind for step in steps]
    if "Rescaling" not in kinds:
        fail(f"the model of {what} has no Rescaling layer. It takes photos of 0..255 (the "
             "workshop rescaled them with ImageDataGenerator(rescale=1/255)): make "
             "layers.Rescaling(1 / 255) its first layer, so the scaling travels with the model.")
    last = steps[-1]
    if last.kind == "Dense" and last.size == 2:
        fail(f"the model of {what} ends in {last}. For two classes one output is enough: "
             "the probability of the second class (dog), from a sigmoid, Dense(1, "
             "activation='sigmoid'); the first class's is 1 minus it.")
    if last.kind == "Dense" and last.size == 1 and last.activation != "sigmoid":
        fail(f"the model of {what} ends in {last}: its output is not a probability. Use "
             "Dense(1, activation='sigmoid'), which squeezes any number into 0..1.")
    expect_steps(model, _small_cnn_steps(), f"the model of {what}",
                 hint="The workshop's layers: Rescaling(1 / 255), Conv2D(32, (3, 3), relu), "
                 "MaxPooling2D((2, 2)), Flatten, Dense(64, relu), Dense(1, sigmoid).")
    found = layers_of(model)
    expect_rescaling(found[0], f"the model of {what}")
    conv = next(layer for layer in found if type(layer).__name__ == "Conv2D")
    if pair(conv.kernel_size) != (3, 3):
        fail(f"the Conv2D of {what} has kernel_size {tuple(conv.kernel_size)}; the workshop's "
             "is (3, 3).")
    if conv.padding != "valid" or pair(conv.strides) != (1, 1):
        fail(f"the Conv2D of {what} has padding='{conv.padding}' and strides "
             f"{tuple(conv.strides)}; use the defaults (valid, 1), as the workshop does.")
    if out.shape != (2, 1):
        fail(f"for 2 photos the model of {what} gives an output of shape {out.shape}; "
             "expected (2, 1): one probability per photo.")
    expect_params(model, _parameters(image_size), f"the model of {what}",
                  hint="Check the kernel size (3), the pooling (2) and the Dense units (64).")


def _test_small_cnn(small_cnn: Any) -> None:
    rng = np.random.default_rng(1002)
    _check_small_cnn(small_cnn, 16, rng)
    _check_small_cnn(small_cnn, 23, rng)  # odd: the pooling drops a row and a column


q2_small_cnn = Exercise(
    name="q2_small_cnn",
    answer="small_cnn",
    test=_test_small_cnn,
    hints=[
        "keras.Sequential([keras.Input((image_size, image_size, 3)), "
        "layers.Rescaling(1 / 255), ...]).",
        "layers.Conv2D(32, (3, 3), activation='relu'), layers.MaxPooling2D((2, 2)), "
        "layers.Flatten().",
        "layers.Dense(64, activation='relu'), then layers.Dense(1, activation='sigmoid').",
    ],
)


# ------------------------------------------------------------------ q3 its parameters


def _test_small_cnn_parameters(count_parameters: Any) -> None:
    def side(n: int) -> int:
        return (n - 2) // 2

    wrong = {
        "no biases": lambda n: 27 * 32 + side(n) ** 2 * 32 * 64 + 64,
        "no pooling": lambda n: 28 * 32 + ((n - 2) ** 2 * 32 + 1) * 64 + 65,
        "same padding": lambda n: 28 * 32 + ((n // 2) ** 2 * 32 + 1) * 64 + 65,
        "gray": lambda n: 10 * 32 + (side(n) ** 2 * 32 + 1) * 64 + 65,
        "rounded up": lambda n: 28 * 32 + (((n - 1) // 2) ** 2 * 32 + 1) * 64 + 65,
        "two outputs": lambda n: 28 * 32 + (side(n) ** 2 * 32 + 1) * 64 + 130,
        "no dense part": lambda n: 28 * 32,
    }
    message = {
        "no biases": "you left out the biases: every filter and every unit has one more "
        "parameter, (3 * 3 * 3 + 1) * 32 for the convolution.",
        "no pooling": "you forgot the pooling: 2x2 max pooling halves each side of the "
        "feature maps (rounding down) before Flatten.",
        "same padding": "you counted with padding='same'; the convolution is 'valid', so its "
        "maps are image_size - 2 pixels wide, then halved by the pooling.",
        "gray": "you counted one input channel; the photos are RGB: 3 * 3 * 3 weights per filter.",
        "rounded up": "the pooling rounds DOWN: an odd map of 21 pixels gives 10, "
        "(image_size - 2) // 2.",
        "two outputs": "the model has one output (a sigmoid), so the last layer has 64 + 1 "
        "parameters.",
        "no dense part": "you counted the convolution only; the Dense layers have most of "
        "the parameters: (side * side * 32 + 1) * 64 for the first.",
    }
    possible = set(wrong)  # the mistakes that explain every answer so far
    for n in (150, 16, 23, 64, 99):
        expected = _parameters(n)
        got = call(count_parameters, n)
        what = f"small_cnn_parameters({n})"
        if isinstance(got, float) and got.is_integer():
            got = int(got)
        if not is_int(got):
            fail(f"{what} should return a whole number; yours returned {got!r}.")
        possible = {name for name in possible if wrong[name](n) == got}
        if got == expected:
            continue
        for name in wrong:
            if name in possible:
                fail(f"{what} should be {expected:,}; yours is {got:,}: {message[name]}")
        fail(f"{what} should be {expected:,} (the model's count_params()); yours is {got:,}. "
             "Conv2D: (3 * 3 * 3 + 1) * 32; after the convolution and the pooling the maps "
             "are (image_size - 2) // 2 pixels a side; Dense(64): (side * side * 32 + 1) * 64; "
             "Dense(1): 64 + 1.")


q3_small_cnn_parameters = Exercise(
    name="q3_small_cnn_parameters",
    answer="small_cnn_parameters",
    test=_test_small_cnn_parameters,
    hints=[
        "The convolution: 32 filters of 3 * 3 * 3 weights, plus one bias each.",
        "Its 'valid' maps are image_size - 2 a side; the pooling halves that, rounding down: "
        "side = (image_size - 2) // 2.",
        "Flatten gives side * side * 32 numbers; Dense(64) has (that + 1) * 64 parameters, "
        "Dense(1) 64 + 1.",
    ],
)


# ------------------------------------------------------------------ q4 compile for two classes


def _test_compile_binary(compile_binary: Any) -> None:
    keras = keras_module()
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
    got = attempt(compile_binary, "compile_binary(model)", "", model)
    if got is not model:
        fail("compile_binary should compile the model it is given and return it.")
    settings = compiled(model, "the model after compile_binary(model)")
    if settings.loss in ("sparse_categorical_crossentropy", "categorical_crossentropy"):
        fail(f"compile_binary uses {settings.loss}, a loss for a softmax over several "
             "classes. With one sigmoid output (the probability of a dog) and labels 0 or 1, "
             "the loss is binary cross-entropy: loss='binary_crossentropy'.")
    if settings.loss in ("mean_squared_error", "mse"):
        fail("compile_binary uses the mean squared error; for probabilities of two classes "
             "the loss is binary cross-entropy, which punishes a confident wrong answer far "
             "more: loss='binary_crossentropy'.")
    if settings.loss != "binary_crossentropy":
        fail(f"compile_binary uses the loss {settings.loss}; expected binary_crossentropy.")
    if settings.from_logits:
        fail("compile_binary's loss has from_logits=True, but the model ends in a sigmoid: "
             "its outputs are already probabilities. Leave from_logits out.")
    if settings.optimizer != "SGD":
        fail(f"compile_binary uses {settings.optimizer}; the workshop uses "
             "keras.optimizers.SGD(learning_rate=0.002, momentum=0.8).")
    if not np.isclose(settings.learning_rate, 0.002):
        fail(f"compile_binary's SGD has the learning rate {settings.learning_rate:g}; the "
             "workshop's is 0.002.")
    momentum = float(np.asarray(model.optimizer.momentum))
    if not np.isclose(momentum, 0.8):
        fail(f"compile_binary's SGD has momentum {momentum:g}; the workshop's is 0.8 (each "
             "step keeps 80 % of the previous one, which smooths the noisy gradients of "
             "small batches).")
    if settings.metrics not in (["accuracy"], ["binary_accuracy"]):
        fail(f"compile_binary reports the metrics {settings.metrics}; use "
             "metrics=['accuracy'].")


q4_compile_binary = Exercise(
    name="q4_compile_binary",
    answer="compile_binary",
    test=_test_compile_binary,
    hints=[
        "optimizer=keras.optimizers.SGD(learning_rate=0.002, momentum=0.8).",
        "loss='binary_crossentropy', metrics=['accuracy']; then return model.",
    ],
)


# ------------------------------------------------------------------ q5 the transfer model


def _check_transfer(binary_transfer: Any, seed: int) -> None:
    base = stand_in_base(seed)
    what = "binary_transfer(base)"
    model = expect_model(attempt(binary_transfer, what, "Build it on base: keras.Input("
                                 "base.input_shape[1:]), then base(inputs).", base),
                         f"the result of {what}")
    if base.trainable_weights:
        fail(f"after {what} the base is still trainable: training would change what it "
             "learned on ImageNet from the first, random steps of the new head. Freeze it: "
             "base.trainable = False.")
    expect_uses_base(model, base, what)
    head = [s for s in model_steps(model) if s.kind in
            {"GlobalAveragePooling2D", "GlobalMaxPooling2D", "Flatten", "Dropout", "Dense"}]
    if any(s.kind == "Flatten" for s in head):
        fail(f"the head of {what} flattens the feature map; pool it: "
             "layers.GlobalAveragePooling2D() gives one number per channel, and far fewer "
             "weights to learn.")
    expected = [Step("GlobalAveragePooling2D"), Step("Dense", 1, "sigmoid")]
    dense = [s for s in head if s.kind in ("GlobalAveragePooling2D", "Dense")]
    if [s.kind for s in dense] != [s.kind for s in expected] or dense[-1] != expected[-1]:
        last = dense[-1] if dense else None
        if last and last.kind == "Dense" and last.size == 2:
            fail(f"the head of {what} ends in {last}; for two classes one sigmoid output is "
                 "enough: Dense(1, activation='sigmoid').")
        fail(f"the head of {what} is {describe_steps(head)}; expected "
             f"{describe_steps(expected)} (a Dropout may come before the Dense layer).")
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    if trainable != base.output_shape[-1] + 1:
        fail(f"the model of {what} has {trainable} trainable parameters; with the base "
             f"frozen only the Dense layer learns: {base.output_shape[-1]} + 1.")
    out = run_model(model, np.random.default_rng(seed).normal(size=(3, 16, 16, 3)),
                    f"the model of {what}")
    if out.shape != (3, 1) or not np.all((out >= 0) & (out <= 1)):
        fail(f"for 3 photos the model of {what} should give 3 probabilities, shape (3, 1); "
             f"it gave shape {out.shape}.")


def _test_binary_transfer(binary_transfer: Any) -> None:
    _check_transfer(binary_transfer, 5)
    _check_transfer(binary_transfer, 6)


q5_binary_transfer = Exercise(
    name="q5_binary_transfer",
    answer="binary_transfer",
    test=_test_binary_transfer,
    hints=[
        "base.trainable = False; inputs = keras.Input(base.input_shape[1:]); x = base(inputs).",
        "x = layers.GlobalAveragePooling2D()(x); outputs = layers.Dense(1, "
        "activation='sigmoid')(x); return keras.Model(inputs, outputs).",
    ],
)


# ------------------------------------------------------------------ q6 the plain answer


def _expected_answer(probability: float, class_names: list[str]) -> str:
    """The plain answer for one photo."""
    if probability >= 0.5:
        return f"{class_names[1]}, {round(100 * probability)} %"
    return f"{class_names[0]}, {round(100 * (1 - probability))} %"


def _test_answer(answer: Any) -> None:
    names = ["cat", "dog"]
    cases = [0.934, 0.07, 0.5, 0.81, 0.2549, 0.999, 0.0004, 0.62]
    for p in cases:
        expected = _expected_answer(p, names)
        got = call(answer, p, names)
        what = f"answer({p}, {names})"
        if not isinstance(got, str):
            fail(f"{what} should return a string like 'dog, 93 %'; yours returned {got!r}.")
        if got == expected:
            continue
        if got.strip() == expected:
            fail(f"{what} should be {expected!r}; yours is {got!r}: no spaces around it.")
        if p < 0.5 and got == f"{names[0]}, {round(100 * p)} %":
            fail(f"{what} should be {expected!r}; yours is {got!r}. The model's output is the "
                 "probability of a DOG; when it says cat, the probability of a cat is "
                 "1 - p.")
        if p == 0.5 and got.startswith(names[0]):
            fail(f"{what} should be {expected!r}: at exactly 0.5 the answer is the second "
                 "class (p >= 0.5), as Keras's binary accuracy counts it.")
        wrong_name = names[0] if expected.startswith(names[1]) else names[1]
        if got.startswith(wrong_name):
            fail(f"{what} should be {expected!r}; yours is {got!r}: the wrong class. The "
                 "output is the probability of class_names[1]: 0.5 or more means "
                 "class_names[1].")
        if got.replace(" %", "%") == expected.replace(" %", "%") or "%" not in got:
            fail(f"{what} should be {expected!r}, exactly: the name, a comma, a space, the "
                 "percentage, a space, '%'.")
        fail(f"{what} should be {expected!r}; yours is {got!r}. The percentage is rounded to "
             "a whole number: round(100 * probability).")


q6_answer = Exercise(
    name="q6_answer",
    answer="answer",
    test=_test_answer,
    hints=[
        "p is the probability of class_names[1] (dog); 1 - p that of class_names[0] (cat).",
        "If p >= 0.5: f\"{class_names[1]}, {round(100 * p)} %\"; otherwise the same with "
        "class_names[0] and 1 - p.",
    ],
)

