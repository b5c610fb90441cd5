"""Checks of the exercises of 07_transfer_learning.

A real ImageNet backbone is far too big to test an answer in a second, so each
check hands the learner's function a *stand-in base*: a tiny functional network
built like EfficientNet (convolutions, batch normalisation with non-trivial moving
statistics, ReLU6, a skip connection), 16x16 photos, three to five classes. What a
check asks is what a real base needs: frozen or trainable weights, batch
normalisation in inference mode, the head's layers and shapes, the learning rate,
the input range. Answers are judged by what their models are and do, so the
Sequential and the functional API, string and object forms all pass. Introduced in
07_transfer_learning.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from helpers.backbones import IMAGENET_MEAN, IMAGENET_STD
from helpers.checks import (
    Exercise,
    Step,
    attempt,
    call,
    close,
    compiled,
    describe_steps,
    expect_model,
    fail,
    is_int,
    keras_module,
    layers_of,
    model_steps,
    run_model,
)

__all__ = [
    "q1_imagenet_inputs",
    "q2_top_classes",
    "q3_frozen_classifier",
    "q4_unfreeze_top",
    "q5_parameter_counts",
    "q6_fine_tuning_compile",
    "q7_split_at",
    "stand_in_base",
]


# ------------------------------------------------------------------ the stand-in base


def stand_in_base(seed: int = 0, size: int = 16, channels: int = 12):
    """A tiny pre-trained-looking base: stem conv, BN, ReLU6, one inverted-residual block
    with a skip connection, a 1x1 head conv; output (size / 2, size / 2, channels).
    Its batch-norm layers have moving statistics far from 0 and 1, so inference and
    training mode give clearly different outputs. Also used by the hidden tests."""
    keras = keras_module()
    layers = keras.layers

    keras.utils.set_random_seed(seed)
    inputs = keras.Input((size, size, 3), name="image")
    x = layers.Conv2D(8, 3, 2, padding="same", use_bias=False, name="stem_conv")(inputs)
    x = layers.BatchNormalization(name="stem_bn")(x)
    x = start = layers.ReLU(6.0, name="stem_relu6")(x)
    x = layers.Conv2D(16, 1, use_bias=False, name="block0_expand_conv")(x)
    x = layers.BatchNormalization(name="block0_expand_bn")(x)
    x = layers.ReLU(6.0, name="block0_expand_relu6")(x)
    x = layers.DepthwiseConv2D(3, padding="same", use_bias=False, name="block0_dwconv")(x)
    x = layers.BatchNormalization(name="block0_bn")(x)
    x = layers.Conv2D(8, 1, use_bias=False, name="block0_project_conv")(x)
    x = layers.BatchNormalization(name="block0_project_bn")(x)
    x = layers.Add(name="block0_add")([start, x])
    x = layers.Conv2D(channels, 1, use_bias=False, name="head_conv")(x)
    x = layers.BatchNormalization(name="head_bn")(x)
    outputs = layers.ReLU(6.0, name="head_relu6")(x)
    base = keras.Model(inputs, outputs, name="stand_in_base")
    rng = np.random.default_rng(seed)
    for layer in base.layers:
        if isinstance(layer, layers.BatchNormalization):
            gamma, beta, mean, variance = layer.get_weights()
            layer.set_weights([rng.uniform(0.5, 1.5, gamma.shape),
                               rng.normal(0, 0.2, beta.shape),
                               rng.normal(0.5, 0.5, mean.shape),
                               rng.uniform(0.5, 3, variance.shape)])
    return base


def expect_uses_base(model: Any, base: Any, what: str) -> None:
    """Fail unless ``model`` is built on the stand-in ``base`` itself (nested, or on its
    own layers), not on a new copy. Also used by 10_cats_vs_dogs."""
    if not any(layer is base for layer in model.layers) and not any(
            layer is base.get_layer("head_conv") for layer in layers_of(model)):
        fail(f"the model of {what} does not use the base it was given: call it, "
             "x = base(inputs), instead of building a new one.")


def _photos(rng: np.random.Generator, n: int = 4, size: int = 16) -> np.ndarray:
    """Inputs as a base receives them (already preprocessed): roughly -2..2."""
    return rng.normal(0, 1, (n, size, size, 3)).astype(np.float32)


# ------------------------------------------------------------------ q1 ImageNet inputs


def _test_imagenet_inputs(imagenet_inputs: Any) -> None:
    rng = np.random.default_rng(701)
    photos = rng.integers(0, 256, (3, 5, 4, 3), dtype=np.uint8)
    photos[0, 0, 0] = (0, 0, 0)
    photos[0, 0, 1] = (255, 255, 255)
    photos[1, 2, 2] = (255, 0, 40)  # strongly red: a channel mix-up shows
    given = photos.copy()
    got = call(imagenet_inputs, given)
    if not np.array_equal(given, photos):
        fail("imagenet_inputs changed the photos it was given: compute the result in a new "
             "array (photos / 255 makes one) and leave the photos alone.")
    if got is None:
        fail("imagenet_inputs returned None: end it with `return ...`.")
    got = np.asarray(got)
    if got.shape != photos.shape:
        fail(f"for photos of shape {photos.shape} imagenet_inputs should return the same "
             f"shape; yours has {got.shape}. The mean and standard deviation have one value "
             "per colour channel, the last axis: NumPy broadcasts arrays of shape (3,) over it.")
    if not np.issubdtype(got.dtype, np.floating):
        fail(f"imagenet_inputs returned {got.dtype} values; the network's inputs are floats "
             "(about -2 to 2.6): compute in float32 (photos.astype('float32') / 255 ...).")
    x = photos.astype(np.float64)
    expected = (x / 255 - IMAGENET_MEAN) / IMAGENET_STD
    if close(got, expected, atol=1e-4):
        return
    wrong = {
        "divides by 255 only": x / 255,
        "forgot to divide by 255": (x - IMAGENET_MEAN) / IMAGENET_STD,
        "-1..1": x / 127.5 - 1,
        "0..255": x,
        "swapped the mean and the standard deviation": (x / 255 - IMAGENET_STD) / IMAGENET_MEAN,
        "multiplied by the standard deviation": (x / 255 - IMAGENET_MEAN) * IMAGENET_STD,
        "the channels reversed (BGR)": (x / 255 - IMAGENET_MEAN[::-1]) / IMAGENET_STD[::-1],
        "divided before subtracting": x / 255 / IMAGENET_STD - IMAGENET_MEAN,
        "mean and std of these photos": (x - x.mean()) / x.std(),
        "mean and std per channel of these photos": (x - x.mean(axis=(0, 1, 2)))
        / x.std(axis=(0, 1, 2)),
    }
    message = {
        "divides by 255 only": "your values are 0..1: that is half of it. The network was "
        "trained on photos scaled to 0..1 and then normalised channel by channel: subtract "
        "the ImageNet mean and divide by the ImageNet standard deviation "
        "(backbones.IMAGENET_MEAN, backbones.IMAGENET_STD).",
        "forgot to divide by 255": "you normalised the raw 0..255 values: the ImageNet mean "
        "and standard deviation are those of photos scaled to 0..1, so divide by 255 first.",
        "-1..1": "your values are -1..1 (x / 127.5 - 1): that is the input range of Xception "
        "and MobileNetV2, not of EfficientNet-Lite, which wants 0..1 normalised with the "
        "ImageNet mean and standard deviation. Each base has its own: no error shows it, the "
        "predictions just get worse.",
        "0..255": "you returned the photos as they are (0..255). EfficientNetV2 in "
        "keras.applications takes that range, but EfficientNet-Lite wants 0..1, normalised "
        "with the ImageNet mean and standard deviation.",
        "swapped the mean and the standard deviation": "you subtracted the standard deviation "
        "and divided by the mean: (x / 255 - mean) / std, the mean first.",
        "multiplied by the standard deviation": "you multiplied by the standard deviation; "
        "normalising divides by it: (x / 255 - mean) / std.",
        "the channels reversed (BGR)": "you used the channels in reversed order (BGR, as "
        "OpenCV reads files). The photos here are RGB: the mean's first value, 0.485, is the "
        "red channel's.",
        "divided before subtracting": "you divided by the standard deviation before "
        "subtracting the mean: (x / 255 - mean) / std, in that order (the parentheses "
        "matter).",
        "mean and std of these photos": "you normalised with the mean and standard deviation "
        "of these photos. The network learned with the ImageNet figures, the same for every "
        "photo: backbones.IMAGENET_MEAN and IMAGENET_STD.",
        "mean and std per channel of these photos": "you normalised with the mean and "
        "standard deviation of these photos, per channel. The network learned with the "
        "ImageNet figures, the same for every photo: backbones.IMAGENET_MEAN and IMAGENET_STD.",
    }
    for name, values in wrong.items():
        if close(got, values, atol=1e-3 * max(1.0, float(np.abs(values).max()))):
            fail(message[name])
    fail(f"imagenet_inputs gives {got.reshape(-1)[1]:.3f} for a red value of "
         f"{photos.reshape(-1)[1]}; expected {expected.reshape(-1)[1]:.3f}. Scale to 0..1 "
         "(/ 255), subtract the ImageNet mean, divide by the ImageNet standard deviation, "
         "channel by channel.")


q1_imagenet_inputs = Exercise(
    name="q1_imagenet_inputs",
    answer="imagenet_inputs",
    test=_test_imagenet_inputs,
    hints=[
        "Start with photos.astype(np.float32) / 255: values 0..1, in a new array.",
        "Then subtract backbones.IMAGENET_MEAN and divide by backbones.IMAGENET_STD: arrays "
        "of shape (3,) broadcast over the last axis, the colour channels.",
    ],
)


# ------------------------------------------------------------------ q2 top classes


def _softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - logits.max())
    return e / e.sum()


def _check_top(top_classes: Any, logits: np.ndarray, names: list[str], k: int) -> None:
    what = f"top_classes(logits of {len(logits)} classes, names, k={k})"
    given = logits.copy()
    got = call(top_classes, given, list(names), k)
    if not np.array_equal(given, logits):
        fail("top_classes changed the logits it was given: leave them alone.")
    if got is None:
        fail(f"{what} returned None: end it with `return ...`.")
    try:
        pairs = [tuple(pair) for pair in got]
    except TypeError:
        fail(f"{what} should return a list of (name, probability) pairs; yours returned "
             f"{type(got).__name__}.")
    if any(len(pair) != 2 for pair in pairs):
        fail(f"{what} should return a list of (name, probability) pairs; yours returned "
             f"{got!r}.")
    if len(pairs) != k:
        fail(f"{what} should return {k} pairs; yours returned {len(pairs)}.")
    try:
        values = np.array([float(pair[1]) for pair in pairs])
    except (TypeError, ValueError):
        fail(f"{what}: the second item of each pair should be a probability (a number).")
    if np.any(~np.isfinite(values)):
        fail(f"{what} returned the probabilities {values.round(3).tolist()}: with logits as "
             f"large as {logits.max():.0f}, np.exp overflows. Subtract the largest logit "
             "before np.exp (softmax does not change), or use scipy.special.softmax.")
    probabilities = _softmax(logits.astype(np.float64))
    order = np.argsort(-probabilities, kind="stable")[:k]
    expected = [(names[i], float(probabilities[i])) for i in order]
    got_names = [pair[0] for pair in pairs]
    if all(is_int(name) for name in got_names):
        fail(f"{what} returned class numbers ({got_names}); return the class names, "
             "class_names[i].")
    if got_names != [name for name, _ in expected]:
        least = [names[i] for i in np.argsort(probabilities, kind="stable")[:k]]
        if got_names == least:
            fail(f"{what} returned the {k} LEAST likely classes: np.argsort sorts from small "
                 "to large, so take the end, reversed (np.argsort(p)[::-1][:k]) or sort -p.")
        if got_names == least[::-1] or got_names == [names[i] for i in
                                                     np.argsort(probabilities)[-k:]]:
            fail(f"{what} returned the right classes in the wrong order: likeliest first.")
        fail(f"{what} should name {[name for name, _ in expected]}; yours named {got_names}.")
    wanted = np.array([p for _, p in expected])
    if close(values, logits[order], atol=1e-4):
        fail(f"{what} returned the logits as probabilities: turn them into probabilities "
             "with the softmax, exp(z) / sum(exp(z)) over all classes.")
    if close(values, 100 * wanted, atol=1e-3):
        fail(f"{what} returned percentages; return probabilities between 0 and 1.")
    if not close(values, wanted, atol=1e-4):
        fail(f"{what} should give the probabilities {wanted.round(4).tolist()}; yours are "
             f"{values.round(4).tolist()}. The softmax divides exp(logit) by the sum of "
             "exp over ALL the classes, not only the top k.")


def _test_top_classes(top_classes: Any) -> None:
    rng = np.random.default_rng(702)
    names = ["cardboard", "glass", "metal", "paper", "plastic", "trash"]
    _check_top(top_classes, np.array([0.5, 2.0, -1.0, 3.0, 1.0, 0.0], np.float32), names, 3)
    many = [f"class {i}" for i in range(40)]
    _check_top(top_classes, rng.normal(0, 3, 40).astype(np.float32), many, 5)
    _check_top(top_classes, np.array([800.0, 795.0, 790.0, 10.0], np.float32),
               ["tabby", "tiger cat", "Egyptian cat", "espresso"], 2)
    _check_top(top_classes, np.array([1.5, -0.5, 0.25], np.float32), ["a", "b", "c"], 1)


q2_top_classes = Exercise(
    name="q2_top_classes",
    answer="top_classes",
    test=_test_top_classes,
    hints=[
        "Probabilities from logits: p = np.exp(logits - logits.max()); p /= p.sum().",
        "The k likeliest, likeliest first: np.argsort(-p)[:k] (or np.argsort(p)[::-1][:k]).",
        "Return [(class_names[i], float(p[i])) for i in those positions].",
    ],
)


# ------------------------------------------------------------------ q3 frozen classifier


def _check_frozen(frozen_classifier: Any, n_classes: int, dropout: float, seed: int) -> None:
    keras = keras_module()
    base = stand_in_base(seed)
    what = f"frozen_classifier(base, {n_classes}, {dropout})"
    model = expect_model(attempt(frozen_classifier, what, "Build the head on base.output's "
                                 "shape: keras.Input(base.input_shape[1:]) is the model's input.",
                                 base, n_classes, dropout), f"the result of {what}")
    if base.trainable or base.trainable_weights:
        fail(f"after {what} the base is still trainable: its {len(base.trainable_weights)} "
             "weight arrays would be changed by training, and large updates from a random "
             "head would wreck what it learned on ImageNet. Freeze it: base.trainable = False.")
    expect_uses_base(model, base, what)
    steps = [s for s in model_steps(model) if s.kind not in
             {layer.__class__.__name__ for layer in layers_of(base)}]
    kinds = [s.kind for s in steps]
    if "Flatten" in kinds:
        fail(f"the head of {what} flattens the base's feature map. With a real base that is "
             "7 x 7 x 1280 = 62,720 numbers per photo, so the Dense layer would need "
             "hundreds of thousands of weights for six classes, and would overfit; "
             "GlobalAveragePooling2D gives one number per channel (1,280).")
    expected = [Step("GlobalAveragePooling2D", None, None), Step("Dropout", dropout, None),
                Step("Dense", n_classes, "softmax")]
    head = [s for s in steps if s.kind in {"GlobalAveragePooling2D", "GlobalMaxPooling2D",
                                           "Dropout", "Dense"}]
    if [s.kind for s in head] != [s.kind for s in expected] or head[-1] != expected[-1]:
        fail(f"the head of {what} is {describe_steps(head)}; expected "
             f"{describe_steps(expected)}: pool, drop out, then one Dense layer with one "
             "softmax output per class.")
    rates = [layer.rate for layer in layers_of(model) if isinstance(layer, keras.layers.Dropout)]
    if not np.isclose(rates[0], dropout):
        fail(f"the Dropout of {what} has rate {rates[0]}; use the dropout given, {dropout}.")
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    wanted = (base.output.shape[-1] + 1) * n_classes
    if trainable != wanted:
        fail(f"the model of {what} has {trainable:,} trainable parameters; with the base "
             f"frozen only the Dense layer learns: ({base.output.shape[-1]} + 1) x {n_classes} "
             f"= {wanted}.")
    rng = np.random.default_rng(seed)
    photos = _photos(rng)
    out = run_model(model, photos, f"the model of {what}")
    if out.shape != (len(photos), n_classes) or not close(out.sum(axis=1), 1.0, atol=1e-4):
        fail(f"the model of {what} should give {n_classes} probabilities per photo; for "
             f"{len(photos)} photos it gave an array of shape {out.shape}.")


def _test_frozen_classifier(frozen_classifier: Any) -> None:
    _check_frozen(frozen_classifier, 6, 0.2, 0)
    _check_frozen(frozen_classifier, 3, 0.5, 1)


q3_frozen_classifier = Exercise(
    name="q3_frozen_classifier",
    answer="frozen_classifier",
    test=_test_frozen_classifier,
    hints=[
        "base.trainable = False first; then inputs = keras.Input(base.input_shape[1:]).",
        "x = base(inputs, training=False), or base(inputs): frozen, the base runs in "
        "inference mode anyway.",
        "x = layers.GlobalAveragePooling2D()(x); x = layers.Dropout(dropout)(x); outputs = "
        "layers.Dense(n_classes, activation='softmax')(x); return keras.Model(inputs, outputs).",
    ],
)


# ------------------------------------------------------------------ q4 unfreeze the top


def _check_unfreeze(unfreeze_top: Any, base: Any, n: int) -> None:
    keras = keras_module()
    base.trainable = False  # as after feature extraction
    what = f"unfreeze_top(base, {n})"
    attempt(unfreeze_top, what, "Loop over base.layers[-n:] and set each layer's trainable.",
            base, n)
    first_top = len(base.layers) - n
    wrong = []
    for i, layer in enumerate(base.layers):
        if not layer.weights:
            continue  # the flag of a layer without weights changes nothing
        batch_norm = isinstance(layer, keras.layers.BatchNormalization)
        should = i >= first_top and not batch_norm
        if layer.trainable != should:
            wrong.append((i, layer, should, batch_norm))
    if not wrong:
        return
    bn_left = [layer.name for i, layer, should, bn in wrong if bn and i >= first_top]
    if bn_left and len(bn_left) == len(wrong):
        fail(f"after {what} the batch-norm layers among the last {n} are trainable "
             f"({', '.join(bn_left)}). Keep them frozen (layer.trainable = False, for "
             "layers.BatchNormalization): a frozen batch-norm layer also keeps its ImageNet "
             "statistics, in inference mode; the small batches of fine-tuning would "
             "otherwise replace them.")
    if n == 0:
        fail(f"{what} made {len(wrong)} layers trainable although n is 0: base.layers[-0:] "
             "is the WHOLE list (-0 is 0). Take base.layers[len(base.layers) - n:], or skip "
             "the loop when n is 0.")
    trainable = [layer.name for layer in base.layers if layer.weights and layer.trainable]
    firsts = [layer.name for layer in base.layers[:n] if layer.weights
              and not isinstance(layer, keras.layers.BatchNormalization)]
    if trainable and trainable == firsts:
        fail(f"{what} unfroze the FIRST {n} layers ({', '.join(trainable)}). Fine-tuning "
             "adapts the last layers, whose features are the most specific to ImageNet; "
             "the first ones find edges and colours, useful for any photo: base.layers[-n:].")
    i, layer, should, _ = wrong[0]
    state = "trainable" if layer.trainable else "frozen"
    fail(f"after {what}, layer {i} of base.layers ({layer.name}) is {state}; it should be "
         f"{'trainable' if should else 'frozen'}. Only the last {n} layers of base.layers "
         "learn, batch-norm layers excepted; all the others stay frozen.")


def _test_unfreeze_top(unfreeze_top: Any) -> None:
    base = stand_in_base(0)  # the answer only sets flags: one base serves every n
    # n such that the first layer to unfreeze has weights: an off-by-one shows.
    for n in (6, 0, 11, len(base.layers), 3):
        _check_unfreeze(unfreeze_top, base, n)


q4_unfreeze_top = Exercise(
    name="q4_unfreeze_top",
    answer="unfreeze_top",
    test=_test_unfreeze_top,
    hints=[
        "base.trainable = True unfreezes every layer; then set trainable = False on all but "
        "the last n: for layer in base.layers[:len(base.layers) - n].",
        "Careful with base.layers[-n:] when n is 0: it is the whole list.",
        "Batch-norm layers stay frozen: isinstance(layer, layers.BatchNormalization).",
    ],
)


# ------------------------------------------------------------------ q5 parameter counts


def _partly_frozen_model(seed: int, unfrozen: int):
    keras = keras_module()
    layers = keras.layers
    base = stand_in_base(seed)
    for i, layer in enumerate(base.layers):
        layer.trainable = i >= len(base.layers) - unfrozen and not isinstance(
            layer, layers.BatchNormalization)
    inputs = keras.Input(base.input_shape[1:])
    x = base(inputs, training=False)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.BatchNormalization()(x)
    outputs = layers.Dense(4, activation="softmax")(layers.Dropout(0.2)(x))
    return keras.Model(inputs, outputs)


def _check_counts(parameter_counts: Any, model: Any, what: str) -> None:
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    frozen = sum(int(np.prod(w.shape)) for w in model.non_trainable_weights)
    got = call(parameter_counts, model)
    if not isinstance(got, dict) or set(got) != {"trainable", "frozen"}:
        fail(f"parameter_counts should return a dict with the keys 'trainable' and "
             f"'frozen'; yours returned {got!r}.")
    values = {key: got[key] for key in ("trainable", "frozen")}
    if not all(is_int(v) for v in values.values()):
        fail(f"the counts should be whole numbers; yours are {values}.")
    if values == {"trainable": trainable, "frozen": frozen}:
        return
    if values["trainable"] + values["frozen"] != trainable + frozen:
        if values["trainable"] < 100 and values["frozen"] < 100:
            fail(f"for {what}, your counts {values} look like numbers of layers or weight "
                 "arrays; count the numbers inside them: each weight's size, "
                 "int(np.prod(w.shape)), summed over model.trainable_weights and "
                 "model.non_trainable_weights.")
        fail(f"for {what}, your counts add up to {values['trainable'] + values['frozen']:,}; "
             f"the model has {trainable + frozen:,} parameters (model.count_params()). Count "
             "the weights of the whole model, the base's included.")
    fail(f"for {what}, {trainable:,} parameters are trainable and {frozen:,} frozen; yours "
         f"says {values['trainable']:,} and {values['frozen']:,}. Judging by layer.trainable "
         "is not enough: a trainable batch-norm layer still has frozen weights (its moving "
         "mean and variance, which no gradient changes), and a base is one layer of "
         "model.layers whose own layers may be frozen or not. model.trainable_weights and "
         "model.non_trainable_weights know.")


def _test_parameter_counts(parameter_counts: Any) -> None:
    for seed, unfrozen in ((0, 6), (1, 0), (2, 100)):
        model = _partly_frozen_model(seed, unfrozen)
        _check_counts(parameter_counts, model,
                      f"a base with its last {unfrozen} layers unfrozen and a new head")
    base = stand_in_base(3)
    base.trainable = False
    _check_counts(parameter_counts, base, "a frozen base")


q5_parameter_counts = Exercise(
    name="q5_parameter_counts",
    answer="parameter_counts",
    test=_test_parameter_counts,
    hints=[
        "model.trainable_weights and model.non_trainable_weights are lists of weight "
        "arrays; each has a .shape.",
        "sum(int(np.prod(w.shape)) for w in model.trainable_weights), and the same for the "
        "frozen ones; return {'trainable': ..., 'frozen': ...}.",
    ],
)


# ------------------------------------------------------------------ q6 fine-tuning compile


def _check_compile(compile_for_fine_tuning: Any, head_rate: float, seed: int) -> None:
    keras = keras_module()
    model = _partly_frozen_model(seed, 6)
    model.compile(optimizer=keras.optimizers.SGD(head_rate), loss="mse")  # a stale setting
    stale = model.optimizer
    what = f"compile_for_fine_tuning(model, {head_rate:g})"
    got = attempt(compile_for_fine_tuning, what, "", model, head_rate)
    got = expect_model(got, f"the result of {what}")
    if got is not model:
        fail(f"{what} should compile the model it was given and return it, not a new one.")
    if model.optimizer is stale:
        fail(f"{what} did not compile the model again. After layers are unfrozen, Keras "
             "uses the new trainable flags only once the model is compiled again: call "
             "model.compile(...) with the new optimizer.")
    settings = compiled(model, f"the model after {what}")
    if settings.optimizer not in ("Adam", "AdamW"):
        fail(f"{what} uses {settings.optimizer}; use Adam (keras.optimizers.Adam, or AdamW).")
    rate = settings.learning_rate
    if not isinstance(rate, float):
        fail(f"{what} uses a learning-rate schedule; give Adam one rate, head_rate / 10.")
    if np.isclose(rate, 1e-3) and not np.isclose(head_rate / 10, 1e-3):
        fail(f"{what} uses Adam's default learning rate, 0.001, which is often as large as "
             f"the head's; fine-tuning needs a tenth of the head's rate: {head_rate / 10:g}.")
    if np.isclose(rate, head_rate):
        fail(f"{what} fine-tunes at the head's rate, {head_rate:g}. The unfrozen layers "
             "already hold good ImageNet features: steps as large as a new head's would "
             "overwrite them. Use a tenth of it, head_rate / 10.")
    if np.isclose(rate, head_rate * 10):
        fail(f"{what} multiplies the head's rate by 10; fine-tuning DIVIDES it by 10: "
             f"{head_rate / 10:g}.")
    if not np.isclose(rate, head_rate / 10, rtol=1e-5):
        fail(f"{what} uses the learning rate {rate:g}; expected a tenth of the head's "
             f"rate, {head_rate / 10:g}.")
    if settings.loss != "sparse_categorical_crossentropy" or settings.from_logits:
        fail(f"{what} uses the loss {settings.loss}"
             f"{' from logits' if settings.from_logits else ''}; the labels are class numbers "
             "and the model ends in a softmax: loss='sparse_categorical_crossentropy'.")
    if settings.metrics != ["accuracy"]:
        fail(f"{what} reports the metrics {settings.metrics}; use metrics=['accuracy'].")


def _test_fine_tuning_compile(compile_for_fine_tuning: Any) -> None:
    _check_compile(compile_for_fine_tuning, 3e-3, 0)
    _check_compile(compile_for_fine_tuning, 1e-2, 1)


q6_fine_tuning_compile = Exercise(
    name="q6_fine_tuning_compile",
    answer="compile_for_fine_tuning",
    test=_test_fine_tuning_compile,
    hints=[
        "model.compile(optimizer=keras.optimizers.Adam(head_rate / 10), ...).",
        "loss='sparse_categorical_crossentropy', metrics=['accuracy']; then return model.",
    ],
)


# ------------------------------------------------------------------ q7 split at a layer


def _check_split(split_at: Any, layer_name: str, seed: int) -> None:
    keras = keras_module()
    base = stand_in_base(seed)
    what = f"split_at(base, {layer_name!r})"
    got = attempt(split_at, what, "front = keras.Model(model.input, layer.output); back = "
                  "keras.Model(layer.output, model.output).", base, layer_name)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"{what} should return two models, (front, back); yours returned {got!r}.")
    front, back = (expect_model(m, f"the {which} model of {what}") for m, which in
                   zip(got, ("first (front)", "second (back)"), strict=True))
    photos = _photos(np.random.default_rng(seed))
    cut = np.asarray(keras.Model(base.input, base.get_layer(layer_name).output)(photos))
    if tuple(front.input_shape[1:]) != tuple(base.input_shape[1:]) and tuple(
            back.input_shape[1:]) == tuple(base.input_shape[1:]):
        fail(f"{what} returned (back, front): return the front model first.")
    middle = run_model(front, photos, f"the front model of {what}",
                       "It should take the base's input: keras.Model(model.input, ...).")
    if middle.shape != cut.shape or not close(middle, cut, atol=1e-4):
        gives = ("other values" if middle.shape == cut.shape
                 else f"outputs of shape {middle.shape}")
        fail(f"the front model of {what} should end with the output of {layer_name}, of "
             f"shape {cut.shape}; yours gives {gives} (did it end at its input?). The front "
             "ends WITH that layer: keras.Model(model.input, model.get_layer(name).output).")
    end = run_model(back, cut, f"the back model of {what}",
                    f"It should take {layer_name}'s output, of shape {cut.shape[1:]}: "
                    "keras.Model(layer.output, model.output).")
    full = np.asarray(base(photos, training=False))
    if end.shape != full.shape or not close(end, full, atol=1e-4):
        shapes = "" if end.shape == full.shape else f" (shape {end.shape}, not {full.shape})"
        fail(f"back(front(x)) should be model(x), and it is not: for 4 photos the back "
             f"model's outputs differ from the whole model's{shapes}. Build it from the layer's "
             "output to the model's output, keras.Model(layer.output, model.output), which "
             "keeps the skip connections; calling the later layers one after the other in a "
             "loop loses them.")
    shared = {id(w) for w in base.weights}
    if not all(id(w) in shared for w in front.weights + back.weights):
        fail(f"the models of {what} have weights of their own: they should share the "
             "base's layers (and so its weights), as keras.Model(...) on the base's own "
             "tensors does; a copy would not learn together with the base.")


def _test_split_at(split_at: Any) -> None:
    _check_split(split_at, "block0_add", 0)
    _check_split(split_at, "head_conv", 1)
    _check_split(split_at, "stem_relu6", 2)


q7_split_at = Exercise(
    name="q7_split_at",
    answer="split_at",
    test=_test_split_at,
    hints=[
        "cut = model.get_layer(layer_name).output: the tensor where the model is split.",
        "front = keras.Model(model.input, cut); back = keras.Model(cut, model.output); "
        "return front, back.",
    ],
)
