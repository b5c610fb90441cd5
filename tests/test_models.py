"""Features, the results registry, saving models and evaluating them on a folder."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from helpers import data, evaluate, features, models, results

TRAIN = data.load_images("trashnet", "train", image_size=16, images_per_class=6)


def test_pixel_features():
    gray = features.PixelFeatures("gray").fit_transform(TRAIN.images)
    rgb = features.PixelFeatures("rgb").fit_transform(TRAIN.images)
    assert gray.shape == (36, 256) and rgb.shape == (36, 768)
    assert gray.dtype == np.float32 and 0 <= gray.min() and gray.max() <= 1
    np.testing.assert_allclose(rgb[0], TRAIN.images[0].ravel() / 255.0, rtol=1e-6)
    with pytest.raises(ValueError, match="colour must be one of"):
        features.PixelFeatures("blue").fit(TRAIN.images)
    with pytest.raises(ValueError, match="colour must be one of"):
        features.PixelFeatures("grey").transform(TRAIN.images)
    with pytest.raises(ValueError, match="space must be 'hsv' or 'rgb'"):
        features.ColourHistogram(space="HSV").transform(TRAIN.images)
    with pytest.raises(ValueError, match=r"shape \(N, height, width, 3\)"):
        features.PixelFeatures().transform(TRAIN.images[0])


def test_colour_histogram():
    hist = features.ColourHistogram(bins=8).fit_transform(TRAIN.images)
    assert hist.shape == (36, 24)
    np.testing.assert_allclose(hist.reshape(36, 3, 8).sum(axis=2), 1.0, rtol=1e-5)
    red = np.zeros((1, 4, 4, 3), np.uint8)
    red[..., 0] = 255
    rgb = features.ColourHistogram(bins=4, space="rgb").fit_transform(red)[0]
    assert rgb.tolist() == [0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0]


def test_metrics_and_registry():
    figures = results.classification_metrics([0, 0, 1, 1], [0, 1, 1, 1])
    assert figures["accuracy"] == 0.75 and round(figures["mcc"], 3) == 0.577
    assert results.load().empty
    results.record("03_x", "logreg", [0, 1], [0, 1], colour="gray", fit_seconds=1.234)
    results.record("03_x", "logreg", [0, 1], [1, 1], colour="rgb", fit_seconds=2)
    row = results.record("03_x", "logreg", [0, 1], [1, 0], colour="gray", fit_seconds=3)
    table = results.load()
    assert len(table) == 2, "recording the same model again replaces its row"
    assert table.iloc[-1]["accuracy"] == 0 and row["mode"] == "grading"
    assert results.load(mode="full").empty
    results.record("05_x", "mlp", [0, 1], [0, 1], colour="gray", fit_seconds=1,
                   details={"epochs": 7})
    table = results.load()
    assert table.iloc[-1]["epochs"] == 7 and table["epochs"].isna().sum() == 2


def test_registry_survives_odd_files():
    path = results.results_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("")  # e.g. an editor saved it empty
    assert results.load().empty
    results.record("03_x", "m", [0, 1], [0, 1], colour="gray", fit_seconds=1)
    table = results.load()
    table["note"] = "mine"
    table.to_csv(path, index=False)
    results.record("04_x", "m", [0, 1], [0, 1], colour="gray", fit_seconds=1)
    assert results.load()["note"].tolist()[0] == "mine", "columns a learner added are kept"
    assert [p.name for p in path.parent.iterdir() if "partial" in p.name] == []
    path.write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match="not a results file of this course"):
        results.load()


def test_save_evaluate_sklearn_pipeline(tmp_path, capsys):
    pipeline = make_pipeline(features.PixelFeatures("gray"), LogisticRegression(max_iter=200))
    pipeline.fit(TRAIN.images, TRAIN.labels)
    path = models.save_model(
        pipeline, "logreg", image_size=16, class_names=TRAIN.class_names,
        lesson="03_logistic_regression", method="logistic regression", folder=tmp_path,
    )
    saved = models.load_model(path)
    assert saved.image_size == 16 and saved.class_names == TRAIN.class_names
    np.testing.assert_array_equal(saved.predict(TRAIN.images), pipeline.predict(TRAIN.images))

    # A folder with only two classes: labels are matched to the model's by name.
    folder = tmp_path / "two"
    root = data.sample_dir("trashnet")
    for name in ("metal", "trash"):
        shutil.copytree(root / name, folder / name)
    figures = evaluate.evaluate(path, folder)
    expected = data.load_images(root=folder, split=None, image_size=16)
    y_true = np.array([2, 5])[expected.labels]
    assert figures == results.classification_metrics(y_true, pipeline.predict(expected.images))
    assert "accuracy" in capsys.readouterr().out


def test_evaluate_cli_errors(tmp_path, capsys):
    assert evaluate.main([str(tmp_path / "none.joblib"), str(tmp_path)]) == 1
    assert "no model file" in capsys.readouterr().err
    bogus = tmp_path / "bogus.joblib"
    __import__("joblib").dump([1, 2], bogus)
    assert evaluate.main([str(bogus), str(tmp_path)]) == 1
    assert "not saved by helpers.models" in capsys.readouterr().err
    model = models.save_model(
        make_pipeline(features.PixelFeatures(), LogisticRegression(max_iter=1000)).fit(
            TRAIN.images, TRAIN.labels
        ),
        "m", image_size=16, class_names=["cardboard", "glass"], lesson="x", method="y",
        folder=tmp_path,
    )
    assert evaluate.main([str(model), str(data.sample_dir("trashnet")), "--split", "val"]) == 1
    assert "also has metal, paper, plastic, trash" in capsys.readouterr().err


def test_save_keras_model(tmp_path):
    keras = __import__("helpers.modes", fromlist=["x"]).quiet_tensorflow().keras
    model = keras.Sequential([
        keras.Input((16, 16, 3)), keras.layers.Rescaling(1 / 255), keras.layers.Flatten(),
        keras.layers.Dense(6, activation="softmax"),
    ])
    path = models.save_model(model, "tiny", image_size=16, class_names=TRAIN.class_names,
                             lesson="05_dense_ann", method="mlp", folder=tmp_path)
    saved = models.load_model(path)
    assert path.suffix == ".keras" and saved.lesson == "05_dense_ann"
    np.testing.assert_array_equal(
        saved.predict(TRAIN.images), model.predict(TRAIN.images, verbose=0).argmax(axis=1)
    )


def test_every_saved_model_is_found_and_judged_on_the_final_split(tmp_path):
    keras = __import__("helpers.modes", fromlist=["x"]).quiet_tensorflow().keras
    pipeline = make_pipeline(features.PixelFeatures(), LogisticRegression(max_iter=500)).fit(
        TRAIN.images, TRAIN.labels)
    models.save_model(pipeline, "03_logreg", image_size=16, class_names=TRAIN.class_names,
                      lesson="03_logistic_regression", method="logistic regression",
                      folder=tmp_path)
    sigmoid = keras.Sequential([keras.Input((16, 16, 3)), keras.layers.Rescaling(1 / 255),
                                keras.layers.Flatten(),
                                keras.layers.Dense(1, activation="sigmoid")])
    models.save_model(sigmoid, "10_binary", image_size=16, class_names=["cardboard", "glass"],
                      lesson="10_cats_vs_dogs", method="binary", folder=tmp_path)
    (tmp_path / "05_orphan.keras").write_bytes(b"")  # no .json beside it: not a course model
    (tmp_path / "06_cnn_checkpoints").mkdir()
    found = evaluate.saved_models(tmp_path)
    assert [p.name for p in found] == ["03_logreg.joblib", "10_binary.keras"]
    assert evaluate.saved_models(tmp_path / "absent") == []

    root = data.sample_dir("trashnet")
    assert evaluate.final_split(root) == "test" and evaluate.final_split(tmp_path) == "val"
    result = evaluate.run(found[0], root, "test")
    expected = data.load_images(root=root, split="test", image_size=16)
    assert len(result.y_true) == len(expected) == 48
    np.testing.assert_allclose(result.probabilities, pipeline.predict_proba(expected.images))
    np.testing.assert_array_equal(result.y_pred, pipeline.predict(expected.images))
    assert result.figures == results.classification_metrics(result.y_true, result.y_pred)

    binary = models.load_model(found[1])
    p = binary.probabilities(TRAIN.images[:5])
    assert p.shape == (5, 2) and np.allclose(p.sum(axis=1), 1)
    np.testing.assert_array_equal(binary.predict(TRAIN.images[:5]), p.argmax(axis=1))
