"""Grad-CAM's cut of a model at its last feature maps, and the overlay."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import gradcam, modes
from helpers.exercises.transfer import stand_in_base

keras = modes.quiet_tensorflow().keras
layers = keras.layers


def _same_answers(model, split, x):
    whole = np.asarray(model(x, training=False))
    parts = np.asarray(split.from_maps(split.to_maps(x, training=False), training=False))
    np.testing.assert_allclose(parts, whole, atol=1e-5)
    ids = {id(w) for w in model.weights}
    assert all(id(w) in ids for w in split.to_maps.weights + split.from_maps.weights)


def test_a_cnn_is_cut_after_its_last_convolution_before_pooling():
    keras.utils.set_random_seed(0)
    block = keras.Sequential([
        layers.Conv2D(8, 3, padding="same", activation="relu", name="b2_conv"),
        layers.MaxPooling2D(2, name="b2_pool")], name="block2")
    model = keras.Sequential([
        keras.Input((16, 16, 3)), layers.Rescaling(1 / 255), layers.RandomFlip("horizontal"),
        layers.Conv2D(4, 3, activation="relu"), layers.MaxPooling2D(2), block,
        layers.Dropout(0.2), layers.Flatten(), layers.Dense(5, activation="softmax"),
    ])
    split = gradcam.split_at_maps(model)
    assert split.layer == "b2_conv" and split.to_maps.output_shape[1:] == (7, 7, 8)
    _same_answers(model, split, np.random.default_rng(0).uniform(0, 255, (2, 16, 16, 3)))


def test_a_fine_tuned_model_of_07_is_cut_inside_its_nested_parts():
    """07 saves preprocessing -> front -> (back -> pooling -> head): the maps are back's
    output, inside the nested model; back and front have skip connections and stay whole."""
    base = stand_in_base(3)
    cut = base.get_layer("block0_expand_conv").input
    front, back = keras.Model(base.input, cut), keras.Model(cut, base.output, name="back")
    head = keras.Sequential([keras.Input((12,)), layers.Dropout(0.3),
                             layers.Dense(4, activation="softmax")], name="head")
    maps_in = keras.Input(back.input_shape[1:])
    tuned = keras.Model(maps_in, head(layers.GlobalAveragePooling2D()(back(maps_in))))
    photos = keras.Input((16, 16, 3))
    final = keras.Model(photos, tuned(front(layers.Rescaling(1 / 127.5, -1)(photos))))
    split = gradcam.split_at_maps(final)
    assert split.layer == "head_relu6" and split.to_maps.output_shape[1:] == (8, 8, 12)
    assert split.to_maps.layers[-1].name == "back"
    _same_answers(final, split, np.random.default_rng(1).uniform(0, 255, (2, 16, 16, 3)))


def test_a_model_without_maps_is_refused_plainly():
    dense = keras.Sequential([keras.Input((8, 8, 3)), layers.Flatten(), layers.Dense(3)])
    with pytest.raises(ValueError, match="needs a convolutional network"):
        gradcam.split_at_maps(dense)
    with pytest.raises(ValueError, match="model of images"):
        gradcam.split_at_maps(keras.Sequential([keras.Input((5,)), layers.Dense(2)]))


def test_the_overlay_is_the_photo_with_the_heat_in_colour():
    photo = np.full((20, 30, 3), 128, np.uint8)
    heat = np.zeros((4, 6))
    heat[0, 0] = 1.0
    shown = gradcam.overlay(photo, heat, alpha=0.5)
    assert shown.shape == photo.shape and shown.dtype == np.uint8
    assert shown[0, 0, 0] > shown[0, 0, 2]  # red where the heat is 1
    assert shown[-1, -1, 2] > shown[-1, -1, 0]  # blue where it is 0
