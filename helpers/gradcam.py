"""Grad-CAM: where in a photo a convolutional network found its answer. Introduced in
08_evaluation.

A network's last feature maps still have positions; what follows pools or flattens
them into one answer. ``split_at_maps`` cuts a model there into two models,
``to_maps`` (photos to those maps) and ``from_maps`` (maps to class probabilities);
08's exercise takes, with ``tf.GradientTape``, the gradient of a class's probability
with respect to the maps and weighs the maps with it; ``overlay`` draws the heatmap
over the photo.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

# Layers after which the maps are still the same maps, only smaller or noisier: the cut
# goes before them, where the maps have the most positions.
_SAME_MAPS = ("MaxPooling2D", "AveragePooling2D", "Dropout", "SpatialDropout2D")


class MapsSplit(NamedTuple):
    to_maps: Any  # keras model: photos -> the last feature maps (1, H, W, C)
    from_maps: Any  # keras model: those maps -> the class probabilities
    layer: str  # the name of the layer whose output the maps are (in a nested model, maybe)


def _chain(model: Any, probe: Any) -> list[tuple[Any, Any]]:
    """The (layer, its output for ``probe``) of ``model``, in order, nested models that
    run their layers one after the other opened up; a model with branches (skip
    connections) stays one piece."""
    layers = [layer for layer in getattr(model, "layers", [])
              if type(layer).__name__ != "InputLayer"]
    if layers:
        steps, x = [], probe
        try:
            for layer in layers:
                opened = _chain(layer, x)
                steps += opened
                x = opened[-1][1]
        except Exception:  # noqa: BLE001 (a merge layer given one tensor: a branching model)
            steps = None
        expected = model(probe, training=False)
        if steps and tuple(x.shape) == tuple(expected.shape) and np.allclose(
                np.asarray(x), np.asarray(expected), atol=1e-4):
            return steps
        return [(model, expected)]
    return [(model, model(probe, training=False))]


def split_at_maps(model: Any) -> MapsSplit:
    """Cut a Keras model that takes one batch of photos at its last feature maps: the
    output of the last layer before the network pools or flattens them (pooling and
    dropout layers just before are left to ``from_maps``). Both parts share the
    model's layers and weights."""
    import keras

    shape = model.input_shape[1:]
    if len(shape) != 3:
        raise ValueError(f"Grad-CAM needs a model of images (height, width, channels); this "
                         f"one takes inputs of shape {shape}.")
    probe = keras.ops.zeros((1, *shape))
    steps = _chain(model, probe)
    # The first step that turns maps (4-D) into something else: pooling or flattening.
    flat = next((i for i in range(1, len(steps)) if len(steps[i][1].shape) != 4
                 and len(steps[i - 1][1].shape) == 4), None)
    if flat is None:
        raise ValueError(f"{model.name} has no feature maps that are pooled or flattened "
                         "into its answer: Grad-CAM needs a convolutional network.")
    cut = flat - 1
    while cut > 0 and type(steps[cut][0]).__name__ in _SAME_MAPS:
        cut -= 1
    layers = [layer for layer, _ in steps]
    maps_shape = tuple(steps[cut][1].shape[1:])
    to_maps = keras.Sequential([keras.Input(shape), *layers[:cut + 1]], name="to_maps")
    from_maps = keras.Sequential([keras.Input(maps_shape), *layers[cut + 1:]], name="from_maps")
    named = layers[cut]
    while getattr(named, "layers", None):  # a nested model: its maps come from its last layer
        named = named.layers[-1]
    return MapsSplit(to_maps, from_maps, named.name)


def overlay(image: np.ndarray, heatmap: np.ndarray, alpha: float = 0.45) -> np.ndarray:
    """The photo (H, W, 3 uint8) with ``heatmap`` (values 0..1, any size: it is resized
    to the photo's) over it in the "jet" colours: red where it is 1."""
    import cv2
    from matplotlib import colormaps

    image = np.asarray(image)
    heat = cv2.resize(np.asarray(heatmap, np.float32), (image.shape[1], image.shape[0]),
                      interpolation=cv2.INTER_LINEAR)
    colours = colormaps["jet"](np.clip(heat, 0, 1))[..., :3] * 255
    return np.clip((1 - alpha) * image + alpha * colours, 0, 255).astype(np.uint8)
