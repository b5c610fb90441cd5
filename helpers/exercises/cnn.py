"""Checks of the exercises of 06_cnn.

Each check runs the learner's function on its own tiny inputs (8 to 20 pixel
images, 1 to 5 filters, 3 to 5 classes) and compares what comes back with an
independent answer: Keras's own ``compute_output_shape`` and ``count_params``, a
NumPy cross-correlation, parameter counts worked out by hand. Keras models are
judged by what they are and do (their layers, settings, output shapes, parameter
counts, outputs in training and at inference), so the Sequential and the
functional API, an ``Input`` layer or ``input_shape``, an activation as an
argument or as a layer all pass. The usual mistakes are named in plain words.
Introduced in 06_cnn.

``layers_of`` (from ``helpers.checks``) is also offered here, for the hidden tests:
``checks.layers_of(model)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from helpers.checks import (
    Exercise,
    Step,
    attempt,
    call,
    close,
    describe_steps,
    expect_callback,
    expect_model,
    expect_params,
    expect_rescaling,
    expect_steps,
    fail,
    is_int,
    keras_error,
    keras_module,
    layers_of,
    model_steps,
    pair,
    run_model,
)

__all__ = [
    "q1_kernels_to_conv2d",
    "q2_keras_output_size",
    "q3_conv_cost",
    "q4_small_cnn",
    "q5_vgg_block",
    "q6_preprocessing_inside",
    "q7_best_learning_rate",
    "q8_checkpoint_callbacks",
    "layers_of",
]


# ------------------------------------------------------------------ small helpers


def _is_augmentation(kind: str) -> bool:
    return kind.startswith("Random") or kind in {
        "RandAugment", "AugMix", "Solarization", "MixUp", "CutMix"}


def _expect_no_lambda(model: Any, what: str) -> None:
    if any(type(layer).__name__ == "Lambda" for layer in layers_of(model)):
        fail(f"{what} has a Lambda layer. Keras refuses to load a saved model with Lambda "
             "layers (they hold Python code), so the model could not be used again: use "
             "Keras's own layers, such as layers.Rescaling(1 / 255).")


# ------------------------------------------------------------------ q1 kernels to Conv2D


def _cross_correlation(image: np.ndarray, kernels: np.ndarray) -> np.ndarray:
    """Deep learning's convolution of a 2-D image with n kernels (n, kh, kw), no padding:
    shape (H - kh + 1, W - kw + 1, n)."""
    from numpy.lib.stride_tricks import sliding_window_view

    windows = sliding_window_view(image, kernels.shape[1:])  # (oh, ow, kh, kw)
    return np.einsum("ijuv,fuv->ijf", windows, kernels)


def _check_kernels_model(conv2d_from_kernels: Any, kernels: np.ndarray, size: int,
                         rng: np.random.Generator) -> None:
    n, kh, kw = kernels.shape
    what = f"conv2d_from_kernels(kernels of shape {kernels.shape}, {size})"
    given = kernels.copy()
    model = expect_model(
        attempt(conv2d_from_kernels, what, "Take the number of filters and the kernel size "
                "from kernels.shape, and give set_weights an array of shape (kh, kw, 1, n).",
                given, size), f"the result of {what}")
    if not np.array_equal(given, kernels):
        fail("conv2d_from_kernels changed the kernels array it was given: build the weights "
             "in a new array (np.transpose and np.moveaxis make one) and leave kernels alone.")
    steps = model_steps(model)
    if len(steps) == 1 and steps[0].kind == "Conv2D" and steps[0].activation != "linear":
        fail(f"your Conv2D has the activation {steps[0].activation}. A filter's raw response "
             "is positive on one side of an edge and negative on the other; an activation "
             "such as relu would cut the negative half off. Leave the activation out "
             "(the default, linear).")
    expect_steps(model, [Step("Conv2D", n, "linear")], "your model",
                 hint=f"One Conv2D layer with one filter per kernel: {n} here, "
                 "layers.Conv2D(len(kernels), ...).")
    (conv,) = layers_of(model)
    if pair(conv.kernel_size) != (kh, kw):
        fail(f"for kernels of shape {kernels.shape} the Conv2D's kernel_size should be "
             f"{(kh, kw)} (rows, columns); yours is {tuple(conv.kernel_size)}.")
    if pair(conv.strides) != (1, 1):
        fail(f"your Conv2D has strides {tuple(conv.strides)}; a filter like the NumPy "
             "convolution of lesson 01 moves one pixel at a time: strides=1 (the default).")
    if conv.padding != "valid":
        fail(f"your Conv2D has padding='{conv.padding}'; the exercise computes the response "
             "only where the kernel fits inside the image: padding='valid' (the default).")
    kernel = np.asarray(conv.kernel)
    if kernel.shape[2] != 1:
        fail(f"your Conv2D's weights have shape {kernel.shape}: it expects images with "
             f"{kernel.shape[2]} channels. The model takes gray images, one channel: "
             f"keras.Input(shape=({size}, {size}, 1)).")
    image = rng.normal(size=(size, size)).astype(np.float32)
    out = run_model(model, image[None, :, :, None], "your model",
                    f"It should take gray images: keras.Input(shape=({size}, {size}, 1)).")
    expected = _cross_correlation(image.astype(np.float64), kernels)[None]
    if out.shape != expected.shape:
        fail(f"for a {size}x{size} gray image your model's output has shape {out.shape}; "
             f"expected {expected.shape} (batch, rows, columns, one channel per kernel).")
    scale = max(1.0, float(np.abs(expected).max()))

    def same(kernel_set: np.ndarray) -> bool:
        return close(out, _cross_correlation(image.astype(np.float64), kernel_set)[None],
                     atol=1e-4 * scale)

    if same(kernels):
        return
    reshaped = kernels.reshape(kh, kw, 1, n)[:, :, 0, :]  # what reshape puts in each filter
    if same(np.moveaxis(reshaped, -1, 0)) and n > 1:
        fail("the filters are scrambled: kernels.reshape(kh, kw, 1, n) keeps the numbers in "
             "their order in memory and cuts them anew, so filter 0 is not kernels[0]. Move "
             "the filter axis to the end instead: np.transpose(kernels, (1, 2, 0)) has shape "
             "(kh, kw, n); add the channel axis with [:, :, np.newaxis, :].")
    if same(kernels[:, ::-1, ::-1]):
        fail("your model flips the kernels (rotates them by 180 degrees): that is the "
             "mathematicians' convolution. Keras's Conv2D computes a cross-correlation and "
             "uses each kernel as it is: set the weights without flipping them.")
    if kh == kw and same(np.transpose(kernels, (0, 2, 1))):
        fail("your model uses each kernel transposed (rows and columns swapped). Keras "
             "stores a Conv2D's weights as (kernel rows, kernel columns, input channels, "
             "filters): np.transpose(kernels, (1, 2, 0)) keeps rows first.")
    if conv.use_bias and np.any(np.asarray(conv.bias) != 0):
        fail("your Conv2D adds a bias to every output. A filter of lesson 01 only multiplies "
             "and adds: use use_bias=False, or set the bias to zeros.")
    fail(f"for a random {size}x{size} gray image, output channel f of your model should be "
         "the cross-correlation of the image with kernels[f] (no flip, no padding), and it "
         "is not. Keras's weights have shape (kh, kw, 1, n): weights[:, :, 0, f] must be "
         "kernels[f].")


def _test_kernels_to_conv2d(conv2d_from_kernels: Any) -> None:
    rng = np.random.default_rng(601)
    # Two 3x3 kernels without symmetry (a flip, a transposition or a reshape all show).
    kernels = np.array([[[1.0, 2.0, 0.0], [0.0, -1.0, 3.0], [-2.0, 0.0, 1.0]],
                        [[0.0, 0.0, 1.0], [4.0, 0.0, 0.0], [0.0, -3.0, 0.0]]])
    _check_kernels_model(conv2d_from_kernels, kernels, 6, rng)
    # Three kernels of 2 rows x 3 columns: kernel_size is (rows, columns).
    _check_kernels_model(conv2d_from_kernels, rng.normal(size=(3, 2, 3)), 7, rng)
    # One 1x1 kernel: the layer multiplies every pixel by one number.
    _check_kernels_model(conv2d_from_kernels, np.array([[[-0.5]]]), 4, rng)


q1_kernels_to_conv2d = Exercise(
    name="q1_kernels_to_conv2d",
    answer="conv2d_from_kernels",
    test=_test_kernels_to_conv2d,
    hints=[
        "n, kh, kw = kernels.shape; then keras.Sequential([keras.Input((image_size, "
        "image_size, 1)), layers.Conv2D(n, (kh, kw), use_bias=False)]).",
        "Keras wants the weights as (kh, kw, input channels, filters): "
        "np.transpose(kernels, (1, 2, 0))[:, :, np.newaxis, :] (not a reshape, which "
        "scrambles the filters).",
        "model.layers[-1].set_weights([weights]) (a list, with no bias when use_bias=False); "
        "do not flip the kernels.",
    ],
)


# ------------------------------------------------------------------ q2 output size in Keras


def _keras_size(n: int, k: int, s: int, padding: str) -> int:
    """The output length Keras computes, from Keras itself."""
    keras = keras_module()
    shape = keras.layers.Conv2D(1, (k, 1), strides=(s, 1), padding=padding).compute_output_shape(
        (1, n, 1, 1))
    return int(shape[1])


def _ceil(a: int, b: int) -> int:
    return -(-a // b)


# Wrong ways of computing the output size: each is wrong for one padding only.
_SIZE_MISTAKES = {
    "same keeps n": ("same", lambda n, k, s: n),
    "same rounds down": ("same", lambda n, k, s: n // s),
    "same pads (k - 1) // 2": ("same", lambda n, k, s: (n + 2 * ((k - 1) // 2) - k) // s + 1),
    "same computed as valid": ("same", lambda n, k, s: (n - k) // s + 1),
    "valid without + 1": ("valid", lambda n, k, s: (n - k) // s),
    "valid rounds up": ("valid", lambda n, k, s: _ceil(n - k, s) + 1),
    "valid ignores the stride": ("valid", lambda n, k, s: n - k + 1),
    "valid computed as same": ("valid", lambda n, k, s: _ceil(n, s)),
    "valid divides n": ("valid", lambda n, k, s: n // s),
}


def _size_mistake(name: str, what: str, expected: int, got: int, n: int, k: int, s: int) -> str:
    said = f"{what} should be {expected}; yours is {got}"
    return {
        "same keeps n": f"{said}. 'same' keeps the size only with strides 1: Keras pads, then "
        f"moves {s} pixels at a time, so the output has ceil(n / strides) values, "
        "(n + strides - 1) // strides.",
        "same rounds down": f"{said}. With padding='same' Keras rounds up: ceil(n / strides) "
        f"= ceil({n} / {s}) = {expected}; // rounds down. Write (n + strides - 1) // strides, "
        "or -(-n // strides).",
        "same pads (k - 1) // 2": f"{said}: you padded (k - 1) // 2 zeros at each end, as in "
        "lesson 01. That keeps the size only for an odd kernel. Keras's 'same' pads "
        "kernel_size - 1 zeros in total (one more at the bottom or right when that is odd), "
        "so the output has ceil(n / strides) values whatever the kernel size.",
        "same computed as valid": f"{said}: that is the 'valid' size. padding='same' adds "
        "zeros around the input, so the output has ceil(n / strides) values.",
        "valid without + 1": f"{said}: you forgot the + 1. (n - kernel_size) // strides counts "
        "the steps after the first window; the first window, at position 0, counts too.",
        "valid rounds up": f"{said}: with padding='valid' a window that would stick out of the "
        "input is dropped, so round down: (n - kernel_size) // strides + 1.",
        "valid ignores the stride": f"{said}: with strides {s} the windows start {s} pixels "
        "apart, so there are fewer of them: (n - kernel_size) // strides + 1.",
        "valid computed as same": f"{said}: that is the 'same' size. 'valid' adds no zeros, "
        "so every window must fit inside the input: (n - kernel_size) // strides + 1.",
        "valid divides n": f"{said}: with padding='valid' the window must fit, so the "
        "kernel size matters: (n - kernel_size) // strides + 1.",
    }[name]


def _test_keras_output_size(keras_output_size: Any) -> None:
    # (n, kernel_size, strides, padding): the sizes of real layers, with odd and even
    # kernels and lengths, strides longer than the kernel, and a kernel as long as n.
    cases = [
        (32, 3, 1, "same"), (32, 3, 1, "valid"), (7, 3, 2, "same"), (7, 3, 2, "valid"),
        (224, 7, 2, "same"), (8, 4, 1, "same"), (9, 2, 2, "valid"), (9, 2, 2, "same"),
        (15, 3, 3, "valid"), (5, 5, 1, "valid"), (1, 1, 1, "same"), (6, 1, 4, "valid"),
        (10, 4, 3, "same"), (13, 5, 2, "valid"), (3, 2, 5, "same"), (64, 2, 2, "valid"),
    ]
    rng = np.random.default_rng(602)
    for _ in range(20):
        k, s = (int(v) for v in rng.integers([1, 1], [8, 5]))
        n = int(rng.integers(k, 70))
        cases.append((n, k, s, ["same", "valid"][int(rng.integers(2))]))
    possible = set(_SIZE_MISTAKES)
    for n, k, s, padding in cases:
        what = f"keras_output_size({n}, {k}, {s}, '{padding}')"
        expected = _keras_size(n, k, s, padding)
        got = call(keras_output_size, n, k, s, padding)
        if isinstance(got, float):
            fail(f"{what} returned {got!r}, a float; a length is a whole number: return an "
                 "int (// divides and rounds down and keeps ints as ints).")
        if not is_int(got):
            fail(f"{what} should return an int; yours returned {got!r}.")
        # A mistake is named only if it explains every answer so far.
        possible = {m for m in possible if _SIZE_MISTAKES[m][0] != padding
                    or _SIZE_MISTAKES[m][1](n, k, s) == got}
        if got == expected:
            continue
        named = [m for m in possible if _SIZE_MISTAKES[m][0] == padding]
        if len(named) == 1:
            fail(_size_mistake(named[0], what, expected, int(got), n, k, s))
        formula = ("ceil(n / strides)" if padding == "same"
                   else "(n - kernel_size) // strides + 1")
        fail(f"{what} should be {expected}; yours is {got}. With padding='{padding}' Keras "
             f"gives {formula}.")


q2_keras_output_size = Exercise(
    name="q2_keras_output_size",
    answer="keras_output_size",
    test=_test_keras_output_size,
    hints=[
        "Two cases: if padding == 'valid': ...; else (padding == 'same'): ...",
        "'valid' adds no zeros: windows that fit start at 0, strides, 2 x strides, ... up "
        "to n - kernel_size: (n - kernel_size) // strides + 1.",
        "'same' gives ceil(n / strides) whatever the kernel size: (n + strides - 1) // "
        "strides, or math.ceil(n / strides) turned into an int.",
    ],
)


# ------------------------------------------------------------------ q3 parameters, multiplications

# Wrong parameter counts (h, w, c, kh, kw, f) and what they miss.
_PARAM_MISTAKES = {
    "no bias": (lambda h, w, c, kh, kw, f: kh * kw * c * f,
                "you left out the biases: each filter adds one bias to its sum, so a "
                "Conv2D has (kh x kw x in_channels + 1) x filters parameters."),
    "bias per channel": (lambda h, w, c, kh, kw, f: (kh * kw + 1) * c * f,
                         "you gave each input channel its own bias. A filter spans every "
                         "input channel at once and has ONE bias: (kh x kw x in_channels "
                         "+ 1) x filters."),
    "no channels": (lambda h, w, c, kh, kw, f: (kh * kw + 1) * f,
                    "you left out the input channels: a filter has a kh x kw grid of weights "
                    "for EACH input channel: (kh x kw x in_channels + 1) x filters."),
    "one bias": (lambda h, w, c, kh, kw, f: kh * kw * c * f + 1,
                 "you counted one bias for the whole layer; every filter has its own: "
                 "(kh x kw x in_channels + 1) x filters."),
    "per position": (lambda h, w, c, kh, kw, f: (kh * kw * c + 1) * f * h * w,
                     "you multiplied by the number of positions (height x width). A "
                     "convolution uses the SAME weights at every position: its parameter "
                     "count does not depend on the image size."),
}
# Wrong multiplication counts.
_MULT_MISTAKES = {
    "bias multiplied": (lambda h, w, c, kh, kw, f: h * w * f * (kh * kw * c + 1),
                        "you counted the bias as a multiplication; adding it is an addition. "
                        "Each output value takes kh x kw x in_channels multiplications."),
    "one position": (lambda h, w, c, kh, kw, f: kh * kw * c * f,
                     "that is the cost of one position only. The filters are applied at "
                     "every position of the output: height x width positions with "
                     "padding 'same'."),
    "valid positions": (lambda h, w, c, kh, kw, f: (h - kh + 1) * (w - kw + 1) * kh * kw * c * f,
                        "you counted the positions of padding 'valid'. With 'same' (and "
                        "stride 1) the output has height x width positions."),
    "no filters": (lambda h, w, c, kh, kw, f: h * w * kh * kw * c,
                   "you counted one filter; each of the `filters` filters makes its own "
                   "output channel: multiply by filters."),
    "no channels": (lambda h, w, c, kh, kw, f: h * w * kh * kw * f,
                    "you left out the input channels: each output value multiplies kh x kw "
                    "weights for EACH input channel."),
}


def _cost_case(conv_cost: Any, h: int, w: int, c: int, kernel: Any, f: int) -> None:
    kh, kw = pair(kernel)
    what = f"conv_cost({h}, {w}, {c}, {kernel!r}, {f})"
    params, mults = (kh * kw * c + 1) * f, h * w * f * kh * kw * c
    got = attempt(conv_cost, what, "kernel_size can be an int or a tuple (kh, kw): for a "
                  "tuple, unpack it with kh, kw = kernel_size.", h, w, c, kernel, f)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"{what} should return two numbers, (parameters, multiplications), as a "
             f"tuple; yours returned {got!r}.")
    got_params, got_mults = got
    if isinstance(got_params, float) or isinstance(got_mults, float):
        fail(f"{what} returned {got!r}: counts are whole numbers, return ints (// instead "
             "of /, or int(...)).")
    if not (is_int(got_params) and is_int(got_mults)):
        fail(f"{what} should return two ints; yours returned {got!r}.")
    if (got_params, got_mults) == (mults, params) and params != mults:
        fail(f"{what} should be {(params, mults)}; yours is {tuple(got)}: the two numbers are "
             "swapped. Return (parameters, multiplications).")
    args = (h, w, c, kh, kw, f)
    if got_params != params:
        named = [why for count, why in _PARAM_MISTAKES.values() if count(*args) == got_params]
        why = named[0] if len(named) == 1 else (
            "a Conv2D has (kh x kw x in_channels + 1) x filters parameters: a weight per "
            "kernel position and input channel, and one bias, for each filter.")
        fail(f"{what}: the layer has {params:,} parameters; yours says {got_params:,}: {why}")
    if got_mults != mults:
        named = [why for count, why in _MULT_MISTAKES.values() if count(*args) == got_mults]
        why = named[0] if len(named) == 1 else (
            "with padding 'same' and stride 1 there are height x width x filters output "
            "values, and each takes kh x kw x in_channels multiplications.")
        fail(f"{what}: the layer does {mults:,} multiplications; yours says {got_mults:,}: "
             f"{why}")


def _test_conv_cost(conv_cost: Any) -> None:
    _cost_case(conv_cost, 8, 6, 3, 3, 4)  # (27 + 1) x 4 = 112; 8 x 6 x 4 x 27 = 5,184
    _cost_case(conv_cost, 5, 7, 16, (1, 1), 8)  # a 1x1 convolution: 136; 4,480
    _cost_case(conv_cost, 6, 4, 2, (3, 5), 5)  # a 3x5 kernel: 155; 3,600
    _cost_case(conv_cost, 256, 256, 3, 3, 512)  # the lesson's first layer: 14,336; 905,969,664
    _cost_case(conv_cost, 9, 9, 7, (2, 2), 1)  # one filter: 29; 2,268


q3_conv_cost = Exercise(
    name="q3_conv_cost",
    answer="conv_cost",
    test=_test_conv_cost,
    hints=[
        "If kernel_size is an int, the kernel is kernel_size x kernel_size; if it is a "
        "tuple, kh, kw = kernel_size.",
        "Parameters: (kh * kw * in_channels + 1) * filters (the + 1 is each filter's bias); "
        "the image size does not matter.",
        "Multiplications: height * width output positions (padding 'same', stride 1), times "
        "filters, times kh * kw * in_channels each. Return (parameters, multiplications).",
    ],
)


# ------------------------------------------------------------------ q4 a small CNN


def _small_cnn_steps(n_classes: int) -> list[Step]:
    return [Step("Rescaling"), Step("Conv2D", 16, "relu"), Step("MaxPooling2D", (2, 2)),
            Step("Conv2D", 32, "relu"), Step("MaxPooling2D", (2, 2)), Step("Flatten"),
            Step("Dense", 64, "relu"), Step("Dense", n_classes, "softmax")]


def _small_cnn_params(height: int, width: int, channels: int, n_classes: int) -> int:
    h, w = (height - 2) // 2, (width - 2) // 2
    h, w = (h - 2) // 2, (w - 2) // 2
    return ((9 * channels + 1) * 16 + (9 * 16 + 1) * 32 + (h * w * 32 + 1) * 64
            + (64 + 1) * n_classes)


def _check_small_cnn(small_cnn: Any, input_shape: tuple, n_classes: int,
                     rng: np.random.Generator) -> None:
    what = f"small_cnn({input_shape}, {n_classes})"
    model = expect_model(
        attempt(small_cnn, what, "Build the model for the input_shape and n_classes given.",
                input_shape, n_classes), f"the result of {what}")
    images = rng.integers(0, 256, size=(2, *input_shape)).astype(np.float32)
    out = run_model(model, images, f"the model of {what}",
                    "Use the input_shape given: keras.Input(shape=input_shape).")
    steps = model_steps(model)
    kinds = [step.kind for step in steps]
    if "Rescaling" not in kinds:
        fail(f"the model of {what} has no Rescaling layer. It takes images of 0..255: make "
             "layers.Rescaling(1 / 255) its first layer, so that the scaling travels with "
             "the saved model.")
    if kinds[-1] == "Dense" and steps[-1].activation == "linear":
        fail(f"the last layer of {what} is {steps[-1]}, with no activation: it gives raw "
             "scores, not probabilities. Use Dense(n_classes, activation='softmax').")
    pooled = {"Flatten", "GlobalAveragePooling2D", "GlobalMaxPooling2D"}
    if "Dense" in kinds and not pooled & set(kinds):
        fail(f"the model of {what} has no Flatten layer: a Dense layer applied to the "
             "(rows, columns, channels) feature maps works on the channels of each position "
             "only. Put layers.Flatten() between the last pooling layer and the first Dense.")
    expect_steps(model, _small_cnn_steps(n_classes), f"the model of {what}",
                 hint="The layers, in order: Rescaling(1 / 255), Conv2D(16, 3, relu), "
                 "MaxPooling2D(2), Conv2D(32, 3, relu), MaxPooling2D(2), Flatten, "
                 "Dense(64, relu), Dense(n_classes, softmax).")
    found = layers_of(model)
    expect_rescaling(found[0], f"the model of {what}")
    for layer in found:
        kind = type(layer).__name__
        if kind == "Conv2D" and pair(layer.kernel_size) != (3, 3):
            fail(f"a Conv2D of {what} has kernel_size {tuple(layer.kernel_size)}; both use "
                 "3x3 kernels.")
        if kind == "Conv2D" and layer.padding != "valid":
            fail(f"a Conv2D of {what} has padding='{layer.padding}'; this network uses "
                 "padding='valid' (the default), so each convolution trims 2 pixels.")
        if kind in ("Conv2D", "MaxPooling2D"):
            expected = (1, 1) if kind == "Conv2D" else (2, 2)
            if pair(layer.strides) != expected:
                fail(f"a {kind} of {what} has strides {tuple(layer.strides)}; expected "
                     f"{expected} (the default).")
    if out.shape != (2, n_classes):
        fail(f"for a batch of 2 images the model of {what} gives an output of shape "
             f"{out.shape}; expected (2, {n_classes}): one probability per class.")
    expect_params(model, _small_cnn_params(*input_shape, n_classes), f"the model of {what}",
                  hint="Check the kernel sizes (3), the pooling (2) and the Dense units (64).")


def _test_small_cnn(small_cnn: Any) -> None:
    rng = np.random.default_rng(604)
    _check_small_cnn(small_cnn, (16, 16, 3), 3, rng)
    _check_small_cnn(small_cnn, (20, 12, 1), 5, rng)  # gray, not square, 5 classes


q4_small_cnn = Exercise(
    name="q4_small_cnn",
    answer="small_cnn",
    test=_test_small_cnn,
    hints=[
        "keras.Sequential([keras.Input(shape=input_shape), layers.Rescaling(1 / 255), ...]): "
        "use the arguments, not fixed numbers.",
        "Two rounds of layers.Conv2D(filters, 3, activation='relu') and "
        "layers.MaxPooling2D(2): 16 filters, then 32.",
        "Then layers.Flatten(), layers.Dense(64, activation='relu') and "
        "layers.Dense(n_classes, activation='softmax').",
    ],
)


# ------------------------------------------------------------------ q5 a VGG-style block


def _block_model(vgg_block: Any, filters: list[int], input_shape: tuple) -> Any:
    """A model of the learner's blocks, one after the other, on ``input_shape``."""
    keras = keras_module()
    inputs = x = keras.Input(input_shape)
    for f in filters:
        block = call(vgg_block, f)
        if isinstance(block, (list, tuple)):
            fail(f"vgg_block({f}) returned a {type(block).__name__} of layers; return one "
                 "Keras layer: put them in keras.Sequential([...]).")
        if block is None:
            fail(f"vgg_block({f}) returned None: end it with `return keras.Sequential([...])`.")
        if not isinstance(block, keras.Layer):
            fail(f"vgg_block({f}) should return a Keras layer (keras.Sequential([...])); it "
                 f"returned a {type(block).__name__}.")
        try:
            x = block(x)
        except Exception as err:  # Keras says why; the learner needs the gist
            fail(f"the block of vgg_block({f}) cannot be applied to feature maps of shape "
                 f"{tuple(x.shape)}: {keras_error(err)} A block must work on any input: "
                 "leave keras.Input out of it.")
    return keras.Model(inputs, x)


def _vgg_params(channels: int, filters: list[int]) -> int:
    total = 0
    for f in filters:
        total += (9 * channels + 1) * f + (9 * f + 1) * f
        channels = f
    return total


def _check_vgg(vgg_block: Any, filters: list[int], input_shape: tuple) -> None:
    model = _block_model(vgg_block, filters, input_shape)
    what = " then ".join(f"vgg_block({f})" for f in filters)
    expected_steps = [step for f in filters for step in (
        Step("Conv2D", f, "relu"), Step("Conv2D", f, "relu"), Step("MaxPooling2D", (2, 2)))]
    steps = model_steps(model)
    if steps and steps[0].kind == "Conv2D" and steps[0].activation == "linear":
        fail(f"the first Conv2D of {what} has no activation. Each convolution of the block "
             "is followed by relu: activation='relu'.")
    expect_steps(model, expected_steps, what,
                 hint="Each block: Conv2D(filters, 3, padding='same', activation='relu') "
                 "twice, with the SAME number of filters, then MaxPooling2D(2).")
    for layer in layers_of(model):
        kind = type(layer).__name__
        if kind == "Conv2D":
            if pair(layer.kernel_size) != (3, 3):
                fail(f"a Conv2D of {what} has kernel_size {tuple(layer.kernel_size)}; VGG "
                     "blocks use 3x3 kernels.")
            if layer.padding != "same":
                fail(f"a Conv2D of {what} has padding='{layer.padding}'. In a VGG block the "
                     "convolutions keep the size of the feature maps (padding='same') and only "
                     "the pooling halves it.")
            if pair(layer.strides) != (1, 1):
                fail(f"a Conv2D of {what} has strides {tuple(layer.strides)}. The "
                     "convolutions move one pixel at a time; the pooling does the shrinking.")
        if kind == "MaxPooling2D" and pair(layer.strides) != (2, 2):
            fail(f"the MaxPooling2D of {what} has strides {tuple(layer.strides)}; use "
                 "MaxPooling2D(2), whose stride is its pool size, 2.")
    h, w = input_shape[:2]
    for _ in filters:
        h, w = h // 2, w // 2
    expected_shape = (None, h, w, filters[-1])
    if tuple(model.output.shape) != expected_shape:
        fail(f"{what} on inputs of shape {input_shape} gives feature maps of shape "
             f"{tuple(model.output.shape)[1:]}; expected {expected_shape[1:]}.")
    expect_params(model, _vgg_params(input_shape[2], filters), what)
    out = run_model(model, np.zeros((2, *input_shape), np.float32), what, "")
    if out.shape != (2, *expected_shape[1:]):
        fail(f"{what} gives an output of shape {out.shape} for 2 inputs of shape "
             f"{input_shape}; expected {(2, *expected_shape[1:])}.")


def _test_vgg_block(vgg_block: Any) -> None:
    _check_vgg(vgg_block, [8], (12, 10, 3))
    _check_vgg(vgg_block, [5], (9, 9, 4))  # odd sizes: the pooling rounds down
    _check_vgg(vgg_block, [4, 8], (8, 8, 3))  # two blocks in a row, filters doubling


q5_vgg_block = Exercise(
    name="q5_vgg_block",
    answer="vgg_block",
    test=_test_vgg_block,
    hints=[
        "Return keras.Sequential([...]) of three layers, with no keras.Input: the block "
        "takes whatever comes before it.",
        "layers.Conv2D(filters, 3, padding='same', activation='relu'), twice (both with "
        "`filters` filters).",
        "Then layers.MaxPooling2D(2), which halves the height and the width.",
    ],
)


# ------------------------------------------------------------------ q6 preprocessing inside


def _tiny_core(size: int, rng: np.random.Generator) -> Any:
    """A small Keras model for images in 0..1: Flatten, Dense(3), random weights (raw
    scores, not probabilities, so that every change of the input shows)."""
    keras = keras_module()
    core = keras.Sequential([keras.Input((size, size, 3)), keras.layers.Flatten(),
                             keras.layers.Dense(3)], name="core")
    kernel, bias = core.get_weights()
    core.set_weights([rng.normal(0, 0.1, kernel.shape).astype(np.float32),
                      rng.normal(0, 1, bias.shape).astype(np.float32)])
    return core


def _check_preprocessing(with_preprocessing: Any, size: int, rng: np.random.Generator) -> None:
    what = f"with_preprocessing(core, {size})"
    core = _tiny_core(size, rng)
    model = expect_model(
        attempt(with_preprocessing, what, f"Here core takes images of {size}x{size}: build "
                "the input from image_size, keras.Input((image_size, image_size, 3)).", core,
                size),
        f"the result of {what}")
    _expect_no_lambda(model, f"the model of {what}")
    steps = model_steps(model)
    kinds = [step.kind for step in steps]
    augmenting = [i for i, kind in enumerate(kinds) if _is_augmentation(kind)]
    if not augmenting:
        fail(f"the model of {what} has no augmentation layer (its layers: "
             f"{describe_steps(steps)}). Put pipeline.augmentation_layers() (or Keras's "
             "Random... layers) right after the input.")
    if "Rescaling" not in kinds:
        fail(f"the model of {what} has no layers.Rescaling(1 / 255): core expects pixels "
             "from 0 to 1, and the model is given 0..255.")
    if kinds.index("Rescaling") < augmenting[0]:
        fail(f"the model of {what} rescales before it augments. The course's augmentation "
             "layers work on pixels of 0..255 (RandomBrightness(value_range=(0, 255)) shifts "
             "by up to 25 of 255 levels): augment first, then Rescaling(1 / 255), then core.")
    rescaling = next(layer for layer in layers_of(model)
                     if type(layer).__name__ == "Rescaling")
    expect_rescaling(rescaling, f"the model of {what}")
    images = rng.integers(0, 256, size=(8, size, size, 3)).astype(np.uint8)
    advice = "Start with keras.Input((image_size, image_size, 3)) and end with core."
    first = run_model(model, images, f"the model of {what}", advice)
    second = run_model(model, images, f"the model of {what}", advice)
    expected = np.asarray(core(images.astype(np.float32) / 255, training=False))
    if first.shape != expected.shape:
        fail(f"for 8 images of {size}x{size} the model of {what} gives an output of shape "
             f"{first.shape}; core alone gives {expected.shape}. End the model with core.")
    if not np.allclose(first, second, atol=1e-6):
        fail(f"the model of {what} gives different answers for the same images at "
             "inference (training=False): its augmentation still acts. Augment with Keras's "
             "Random... layers (pipeline.augmentation_layers() is made of them): they act "
             "only when Keras calls them with training=True, in fit.")
    if not np.allclose(first, expected, atol=1e-5):
        fail(f"at inference the model of {what} should give core's output for images / 255 "
             "(augmentation switched off, then the scaling, then core), and it does not. Apply "
             "core to the rescaled images, and add no other layers.")
    trained = np.asarray(model(images, training=True))
    if np.allclose(trained, first, atol=1e-6):
        fail(f"in training (training=True) the model of {what} gives the same output as at "
             "inference: its augmentation never acts. Put Keras's Random... layers (or "
             "pipeline.augmentation_layers()) between the input and the Rescaling layer.")


def _test_preprocessing_inside(with_preprocessing: Any) -> None:
    rng = np.random.default_rng(606)
    _check_preprocessing(with_preprocessing, 12, rng)
    _check_preprocessing(with_preprocessing, 9, rng)


q6_preprocessing_inside = Exercise(
    name="q6_preprocessing_inside",
    answer="with_preprocessing",
    test=_test_preprocessing_inside,
    hints=[
        "inputs = keras.Input((image_size, image_size, 3)); then x = "
        "pipeline.augmentation_layers()(inputs).",
        "x = layers.Rescaling(1 / 255)(x); outputs = core(x); return keras.Model(inputs, "
        "outputs). (keras.Sequential([...]) with the same four parts works too.)",
        "Nothing to switch by hand: Keras calls the layers with training=True in fit and "
        "training=False in predict and evaluate, and the Random... layers act only in the "
        "first case.",
    ],
)


# ------------------------------------------------------------------ q7 the best learning rate


def _history(loss: list, val_loss: list, accuracy: list, val_accuracy: list) -> dict:
    return {"loss": list(loss), "val_loss": list(val_loss), "accuracy": list(accuracy),
            "val_accuracy": list(val_accuracy)}


def _check_best_rate(best_learning_rate: Any, histories: dict, expected: float,
                     wrong: dict[str, str]) -> None:
    """``wrong``: the rate a known mistake picks (as a key of histories' repr) -> its reason."""
    given = {rate: {k: list(v) for k, v in h.items()} for rate, h in histories.items()}
    got = call(best_learning_rate, given)
    if given != histories:
        fail("best_learning_rate changed the histories it was given: read them, do not "
             "change them.")
    rates = ", ".join(f"{rate:g}" for rate in histories)
    what = f"for the histories of the rates {rates}, best_learning_rate"
    if isinstance(got, dict) or isinstance(got, list):
        fail(f"{what} returned a {type(got).__name__}; return the learning rate itself, one "
             "of the keys of histories.")
    if not isinstance(got, (int, float, np.number)) or isinstance(got, bool):
        fail(f"{what} should return a learning rate (a number); yours returned {got!r}.")
    if got not in histories:
        if is_int(got) and 0 <= got < len(histories):
            fail(f"{what} returned {got}, a position; return the learning rate itself, the "
                 f"key: {list(histories)[int(got)]:g} is at position {got}.")
        fail(f"{what} returned {got!r}, which is not one of the rates tried ({rates}). "
             "Return the key of the best history, not a loss.")
    if got == expected:
        return
    reason = wrong.get(repr(float(got)), "")
    fail(f"{what} should return {expected:g}; yours returned {got:g}. {reason} Pick the rate "
         "whose lowest validation loss (over its epochs) is the lowest; a run whose "
         "validation loss is NaN never wins.")


def _test_best_learning_rate(best_learning_rate: Any) -> None:
    histories = {
        1e-4: _history([2.0, 1.8, 1.6], [1.25, 1.25, 1.25], [0.2, 0.3, 0.35], [0.25, 0.3, 0.35]),
        1e-3: _history([1.7, 1.2, 0.8], [1.5, 1.2, 1.3], [0.35, 0.5, 0.7], [0.4, 0.5, 0.48]),
        1e-2: _history([1.9, 1.0, 0.5], [1.6, 1.4, 1.22], [0.3, 0.6, 0.8], [0.35, 0.45, 0.55]),
    }
    _check_best_rate(best_learning_rate, histories, 1e-3, {
        "0.01": "The rate 0.01 has the lowest LAST loss, training (0.5) or validation (1.22), "
                "and the best validation accuracy, but the lowest validation loss of all, "
                "1.2, is 0.001's, at its second epoch. A low training loss only says that a "
                "model memorises its training photos; and the training cell keeps the best "
                "epoch (restore_best_weights), not the last.",
        "0.0001": "0.0001 has the lowest average validation loss over its epochs (1.25), but "
                  "the lowest validation loss of all, 1.2, is 0.001's: the best epoch is the "
                  "one that counts, since training keeps it (restore_best_weights).",
    })
    # A rate that diverged (NaN losses, listed first) and one whose best epoch is its first.
    nan = float("nan")
    histories = {
        0.1: _history([nan, nan], [nan, nan], [0.17, 0.17], [0.17, 0.17]),
        3e-3: _history([1.4, 0.9], [1.1, 1.3], [0.45, 0.65], [0.55, 0.5]),
        3e-4: _history([1.6, 1.3], [1.5, 1.2], [0.35, 0.5], [0.4, 0.52]),
    }
    _check_best_rate(best_learning_rate, histories, 3e-3, {
        "0.1": "The rate 0.1 diverged: its losses are NaN (not a number). Comparisons with NaN "
               "are always False, so min() and np.argmin can pick it: leave out the runs whose "
               "validation losses are NaN (math.isnan), or use np.nanmin.",
        "0.0003": "0.0003 has the lower last validation loss (1.2), but 0.003 reached 1.1, at "
                  "its first epoch.",
    })
    # One rate only.
    _check_best_rate(best_learning_rate,
                     {5e-4: _history([1.0], [1.1], [0.5], [0.45])}, 5e-4, {})


q7_best_learning_rate = Exercise(
    name="q7_best_learning_rate",
    answer="best_learning_rate",
    test=_test_best_learning_rate,
    hints=[
        "For each rate, the best epoch's validation loss is min(history['val_loss']); the "
        "last one, history['val_loss'][-1], is not what counts.",
        "Skip a run whose validation losses are NaN: math.isnan(x), or np.nanmin (which "
        "gives NaN only when every value is NaN).",
        "Return the rate (the key) with the lowest of those minimums, for example with "
        "min(scores, key=scores.get) over a dict {rate: best validation loss}.",
    ],
)


# ------------------------------------------------------------------ q8 checkpoint callbacks


def _check_callbacks(training_callbacks: Any, folder: Path, patience: int) -> None:
    what = f"training_callbacks({str(folder)!r}, {patience})"
    found = call(training_callbacks, str(folder), patience)
    keras = keras_module()
    if isinstance(found, keras.callbacks.Callback):
        fail(f"{what} returned one callback, a {type(found).__name__}; return a list of "
             "two: [checkpoint, early_stopping].")
    checkpoint = expect_callback(found, "ModelCheckpoint", f"the callbacks of {what}")
    path = str(checkpoint.filepath)
    if Path(path).suffix != ".keras":
        fail(f"your ModelCheckpoint saves to {path!r}. Save the whole model in Keras's "
             "format, a file name ending in .keras: keras.models.load_model can then resume "
             "training from it, optimizer state included.")
    if Path(path) != folder / "best.keras":
        fail(f"your ModelCheckpoint saves to {path!r}; it should save to "
             f"{str(folder / 'best.keras')!r}, the file best.keras in the folder given.")
    if checkpoint.save_weights_only:
        fail("your ModelCheckpoint saves the weights only; to resume training, save the "
             "whole model (save_weights_only=False, the default).")
    if checkpoint.monitor != "val_loss":
        fail(f"your ModelCheckpoint monitors {checkpoint.monitor!r}. Judge the model on the "
             "photos it does not learn from, by their loss: monitor='val_loss'.")
    if not checkpoint.save_best_only:
        fail("your ModelCheckpoint has save_best_only=False, so every epoch overwrites the "
             "file, and it ends up holding the last model, not the best one: "
             "save_best_only=True.")
    if checkpoint.mode not in ("auto", "min"):
        fail(f"your ModelCheckpoint has mode={checkpoint.mode!r}: it would keep the model "
             "with the HIGHEST validation loss. Leave mode out ('auto' knows that a loss "
             "should be low) or use 'min'.")
    stopping = expect_callback(found, "EarlyStopping", f"the callbacks of {what}")
    if stopping.monitor != "val_loss":
        fail(f"your EarlyStopping monitors {stopping.monitor!r}; stop when the validation "
             "loss stops improving: monitor='val_loss'.")
    if stopping.mode not in ("auto", "min"):
        fail(f"your EarlyStopping has mode={stopping.mode!r}; leave it out ('auto') or use "
             "'min': a loss should go down.")
    if stopping.patience != patience:
        fail(f"{what}: your EarlyStopping has patience {stopping.patience}; use the "
             f"patience given, {patience}.")
    if not stopping.restore_best_weights:
        fail("your EarlyStopping has restore_best_weights=False: when it stops, the model "
             "keeps the weights of the last epoch, several epochs past the best one. Use "
             "restore_best_weights=True.")
    others = [type(c).__name__ for c in found
              if type(c).__name__ not in ("ModelCheckpoint", "EarlyStopping")]
    if others:
        fail(f"{what} should return the two callbacks only; yours also has {', '.join(others)}.")


def _test_checkpoint_callbacks(training_callbacks: Any) -> None:
    _check_callbacks(training_callbacks, Path("checkpoints") / "run1", 4)
    _check_callbacks(training_callbacks, Path("/tmp") / "course" / "cnn", 11)


q8_checkpoint_callbacks = Exercise(
    name="q8_checkpoint_callbacks",
    answer="training_callbacks",
    test=_test_checkpoint_callbacks,
    hints=[
        "The path: str(Path(folder) / 'best.keras').",
        "keras.callbacks.ModelCheckpoint(path, monitor='val_loss', save_best_only=True).",
        "keras.callbacks.EarlyStopping(monitor='val_loss', patience=patience, "
        "restore_best_weights=True); return both in a list.",
    ],
)
