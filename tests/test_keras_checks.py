"""The Keras building blocks of helpers.checks accept every correct way of writing a
model (Sequential or functional API, Input layer or input_shape, activation as a layer
or an argument, by name or as a function) and name what is wrong in the others."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import checks
from helpers.checks import Step
from helpers.modes import quiet_tensorflow

tf = quiet_tensorflow()
keras = tf.keras
layers = keras.layers

MLP = [Step("Flatten"), Step("Dense", 16, "relu"), Step("Dropout", 0.2),
       Step("Dense", 3, "softmax")]


def _sequential_input():
    return keras.Sequential([keras.Input((8, 8, 1)), layers.Flatten(), layers.Dense(16, "relu"),
                             layers.Dropout(0.2), layers.Dense(3, "softmax")])


def _sequential_input_shape():
    with pytest.warns(UserWarning):  # Keras prefers an Input; input_shape still works
        first = layers.Flatten(input_shape=(8, 8, 1))
    return keras.Sequential([first, layers.Dense(16, activation=keras.activations.relu),
                             layers.Dropout(0.2), layers.Dense(3, activation=tf.nn.softmax)])


def _functional_activation_layers():
    inputs = keras.Input((8, 8, 1))
    x = layers.Flatten()(inputs)
    x = layers.Activation("relu")(layers.Dense(16)(x))
    x = layers.Dropout(0.2)(x)
    outputs = layers.Softmax()(layers.Dense(3)(x))
    return keras.Model(inputs, outputs)


def _nested_with_relu_layer():
    hidden = keras.Sequential([layers.Dense(16), layers.ReLU()], name="hidden")
    return keras.Sequential([keras.Input((8, 8, 1)), layers.Flatten(), hidden,
                             layers.Dropout(0.2), layers.Dense(3), layers.Activation("softmax")])


CORRECT_FORMS = [_sequential_input, _sequential_input_shape, _functional_activation_layers,
                 _nested_with_relu_layer]


@pytest.mark.parametrize("build", CORRECT_FORMS, ids=lambda f: f.__name__)
def test_every_correct_form_of_a_model_passes(build):
    model = build()
    checks.expect_model(model)
    checks.expect_steps(model, MLP)
    checks.expect_params(model, 64 * 16 + 16 + 16 * 3 + 3)
    out = checks.run_model(model, np.zeros((2, 8, 8, 1), np.float32))
    assert out.shape == (2, 3)


@pytest.mark.parametrize("model, message", [
    (keras.Sequential([keras.Input((8, 8, 1)), layers.Flatten(), layers.Dense(16, "relu"),
                       layers.Dropout(0.2), layers.Dense(3)]),
     "layer 4 is Dense(3, linear); expected Dense(3, softmax)"),
    (keras.Sequential([keras.Input((8, 8, 1)), layers.Flatten(), layers.Dense(16, "sigmoid"),
                       layers.Dropout(0.2), layers.Dense(3, "softmax")]),
     "layer 2 is Dense(16, sigmoid); expected Dense(16, relu)"),
    (keras.Sequential([keras.Input((8, 8, 1)), layers.Flatten(), layers.Dense(16, "relu"),
                       layers.Dense(3, "softmax")]),
     "layer 3 is Dense(3, softmax); expected Dropout(0.2)"),
    (keras.Sequential([keras.Input((8, 8, 1)), layers.Flatten(), layers.Dense(16, "relu"),
                       layers.Dropout(0.2), layers.Dense(3, "softmax"), layers.Dense(3)]),
     "has 5 layers, more than the 4 expected"),
])
def test_a_wrong_model_is_told_its_first_difference(model, message):
    with pytest.raises(checks.Incorrect, match=message.replace("(", r"\(").replace(")", r"\)")):
        checks.expect_steps(model, MLP)


def test_not_a_model():
    with pytest.raises(checks.Incorrect, match="it is None"):
        checks.expect_model(None)
    with pytest.raises(checks.Incorrect, match="forget to call it"):
        checks.expect_model(_sequential_input)
    with pytest.raises(checks.Incorrect, match="it is a list"):
        checks.expect_model([layers.Dense(3)])
    with pytest.raises(checks.Incorrect, match=r"cannot take a batch of shape \(2, 9, 9, 1\)"):
        checks.run_model(_sequential_input(), np.zeros((2, 9, 9, 1), np.float32))


@pytest.mark.parametrize("loss", ["categorical_crossentropy", keras.losses.categorical_crossentropy,
                                  keras.losses.CategoricalCrossentropy()])
@pytest.mark.parametrize("metric", ["accuracy", "acc", keras.metrics.CategoricalAccuracy()])
def test_compiled_settings_in_every_form(loss, metric):
    model = _sequential_input()
    model.compile(optimizer=keras.optimizers.Adam(3e-4), loss=loss, metrics=[metric])
    facts = checks.compiled(model)
    assert facts.loss == "categorical_crossentropy" and not facts.from_logits
    assert facts.optimizer == "Adam" and np.isclose(facts.learning_rate, 3e-4)
    assert facts.metrics[0] in ("accuracy", "categorical_accuracy")


def test_compiled_facts_of_logits_schedules_and_no_compile():
    model = _sequential_input()
    with pytest.raises(checks.Incorrect, match="not compiled"):
        checks.compiled(model)
    schedule = keras.optimizers.schedules.CosineDecay(1e-3, 100)
    model.compile(optimizer=keras.optimizers.SGD(schedule),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True,))
    facts = checks.compiled(model)
    assert facts.loss == "sparse_categorical_crossentropy" and facts.from_logits
    assert facts.learning_rate is schedule and facts.optimizer == "SGD"


def test_callback_settings():
    found = [keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True),
             keras.callbacks.ReduceLROnPlateau(factor=0.5)]
    checks.expect_callback(found, "EarlyStopping", patience=5, restore_best_weights=True)
    checks.expect_callback(found, "ReduceLROnPlateau", factor=0.5)
    with pytest.raises(checks.Incorrect, match="restore_best_weights is False; expected True"):
        checks.expect_callback([keras.callbacks.EarlyStopping()], "EarlyStopping",
                               restore_best_weights=True)
    with pytest.raises(checks.Incorrect, match="should include a keras.callbacks.ModelCheckpoint"):
        checks.expect_callback(found, "ModelCheckpoint")
    with pytest.raises(checks.Incorrect, match="is None"):
        checks.expect_callback(None, "EarlyStopping")


def _batch():
    rng = np.random.default_rng(0)
    x = rng.random((12, 8, 8, 1)).astype(np.float32)
    return x, keras.utils.to_categorical(np.arange(12) % 3, 3)


def test_loss_falls_for_a_model_that_learns_and_its_weights_stay():
    keras.utils.set_random_seed(0)
    model = _sequential_input()
    model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="categorical_crossentropy")
    weights = [w.copy() for w in model.get_weights()]
    before, after = checks.expect_loss_falls(model, *_batch())
    assert after < before / 2
    kept = zip(weights, model.get_weights(), strict=True)
    assert all(np.array_equal(a, b) for a, b in kept)


@pytest.mark.parametrize("rate, message", [(1e-7, "does not learn"), (1e6, "loss grew")])
def test_loss_that_does_not_fall_is_named(rate, message):
    keras.utils.set_random_seed(0)
    model = _sequential_input()
    model.compile(optimizer=keras.optimizers.SGD(rate), loss="categorical_crossentropy")
    with pytest.raises(checks.Incorrect, match=message):
        checks.expect_loss_falls(model, *_batch())
