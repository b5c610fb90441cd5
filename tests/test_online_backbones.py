"""The online choice of 07_transfer_learning, all offline: helpers.download.download_file
and helpers.backbones.pretrained, with keras.applications weights served by a local HTTP
server (or by nothing, at a port where nothing listens). Nothing touches the internet.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import replace
from importlib import import_module
from pathlib import Path

import numpy as np
import pytest

from helpers import backbones, download, modes, storage
from helpers.download import DownloadError, VerificationError, download_file
from helpers.modes import quiet_tensorflow

keras = quiet_tensorflow().keras

LITE0_CACHE = {"efficientnet_lite0.weights.h5", "efficientnet_lite0.weights.json"}
FALLBACK = (
    r"The ImageNet weights of {} could not be downloaded \({}\)\. "
    r"Using the bundled EfficientNet-Lite0 instead, which works offline\.\n"
)


@pytest.fixture
def online(monkeypatch):
    """Not grading (the suite runs in grading mode): full mode, as on Colab."""
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.setenv("COURSE_MODE", "full")
    monkeypatch.setattr(modes, "_chosen", None)
    monkeypatch.setattr(download, "BACKOFF_SECONDS", 0.01)


def serve_from(monkeypatch, name: str, base: str, **changes) -> None:
    """Point the table's entry ``name`` at ``base`` (keeping its file name), with changes."""
    app = backbones.KERAS_APPLICATIONS[name]
    moved = replace(app, url=f"{base}/{app.file_name}", **changes)
    monkeypatch.setitem(backbones.KERAS_APPLICATIONS, name, moved)


def md5_of(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def backbones_folder() -> set[str]:
    folder = storage.data_home() / "backbones"
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


# ---------------------------------------------------------------- download_file


def test_download_file_puts_the_file_in_place_once(server, tmp_path):
    served = server.root / "weights.h5"
    served.write_bytes(bytes(range(256)) * 1000)
    dest = tmp_path / "out" / "weights.h5"
    url = f"{server.url}/weights.h5"
    assert download_file(url, dest, md5=md5_of(served)) == dest
    assert dest.read_bytes() == served.read_bytes()
    assert [p.name for p in dest.parent.iterdir()] == ["weights.h5"]  # no partial file
    assert server.requests == ["/weights.h5"]
    assert download_file(url, dest, md5=md5_of(served)) == dest
    assert download_file(url, dest) == dest
    assert server.requests == ["/weights.h5"]  # not downloaded again


def test_download_file_refuses_a_wrong_md5(server, tmp_path):
    (server.root / "weights.h5").write_bytes(b"<html>Please sign in to the network</html>")
    dest = tmp_path / "out" / "weights.h5"
    with pytest.raises(VerificationError, match=r"not the expected weights\.h5 .*not kept"):
        download_file(f"{server.url}/weights.h5", dest, md5="0" * 32)
    assert list(dest.parent.iterdir()) == []


def test_download_file_404_is_a_clear_download_error(server, tmp_path):
    dest = tmp_path / "out" / "weights.h5"
    with pytest.raises(DownloadError, match="the server answered 404") as info:
        download_file(f"{server.url}/moved.h5", dest)
    assert f"{server.url}/moved.h5" in str(info.value) and str(dest) in str(info.value)
    assert list(dest.parent.iterdir()) == []


def test_download_file_without_network_fails_fast(dead_url, tmp_path):
    dest = tmp_path / "out" / "weights.h5"
    start = time.monotonic()
    with pytest.raises(DownloadError, match=r"\(tried once\): the server cannot be reached"):
        download_file(f"{dead_url}/weights.h5", dest, tries=1, timeout=2)
    assert time.monotonic() - start < 5
    assert list(dest.parent.iterdir()) == []


# ---------------------------------------------------------------- pretrained


def test_pretrained_downloads_and_loads_the_keras_weights(server, online, monkeypatch):
    app = backbones.KERAS_APPLICATIONS["mobilenet_v2"]
    made = keras.applications.MobileNetV2(
        include_top=False, weights=None, input_shape=(224, 224, 3)
    )
    rng = np.random.default_rng(0)
    for layer in ("Conv1", "Conv_1"):  # the first and the last convolution
        kernel = made.get_layer(layer).get_weights()[0]
        made.get_layer(layer).set_weights([rng.normal(size=kernel.shape).astype(np.float32)])
    served = server.root / app.file_name
    made.save(served)  # the legacy H5 format of keras.applications' weights files
    serve_from(monkeypatch, "mobilenet_v2", server.url, md5=md5_of(served))

    backbone = backbones.pretrained("mobilenet_v2")
    assert backbone.name == "mobilenet_v2" and backbone.title == "MobileNetV2"
    assert backbone.image_size == 224 and backbone.input_range == "-1..1"
    assert backbone.offline is False
    assert backbone.model.output.shape == (None, 7, 7, 1280)
    for layer in ("Conv1", "Conv_1"):
        assert np.array_equal(
            backbone.model.get_layer(layer).get_weights()[0], made.get_layer(layer).get_weights()[0]
        )
    inputs = backbone.preprocess(np.array([0, 255]))
    assert inputs.dtype == np.float32 and inputs.tolist() == [-1.0, 1.0]
    assert server.requests == [f"/{app.file_name}"]
    assert backbones_folder() == {app.file_name}


@pytest.mark.parametrize("failure", ["no network", "damaged"])
def test_a_failed_download_falls_back_to_lite0(
    server, dead_url, online, monkeypatch, capsys, failure
):
    if failure == "no network":
        serve_from(monkeypatch, "xception", dead_url)
        reason = r"the server cannot be reached \(.+\)"
    else:
        (server.root / backbones.KERAS_APPLICATIONS["xception"].file_name).write_bytes(b"x")
        serve_from(monkeypatch, "xception", server.url, md5="0" * 32)
        reason = "what arrived is not the expected file: its MD5 differs"
    backbone = backbones.pretrained("xception")
    assert re.fullmatch(FALLBACK.format("Xception", reason), capsys.readouterr().out)
    assert backbone.name == "lite0" and backbone.title == "EfficientNet-Lite0"
    assert backbone.image_size == 224
    assert backbone.offline is True and backbone.input_range == backbones.LITE_INPUT_RANGE
    assert backbone.model.output.shape == (None, 7, 7, 1280)
    assert backbone.preprocess is backbones.preprocess
    assert backbones_folder() == LITE0_CACHE  # no weights file, no partial file


def test_grading_mode_downloads_nothing(server, monkeypatch, capsys):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    serve_from(monkeypatch, "efficientnet_v2_b0", server.url)
    backbone = backbones.pretrained("efficientnet_v2_b0", input_shape=(160, 160, 3))
    assert capsys.readouterr().out == (
        "Grading uses the bundled EfficientNet-Lite0, which works offline: the ImageNet "
        "weights of EfficientNetV2B0 are not downloaded.\n"
    )
    assert server.requests == []
    assert backbone.name == "lite0" and backbone.offline is True
    assert backbone.model.output.shape == (None, 5, 5, 1280)  # the size asked for
    assert backbones_folder() == LITE0_CACHE


def test_an_unknown_backbone_lists_the_choices():
    with pytest.raises(
        ValueError, match="choose one of lite0, lite2, xception, mobilenet_v2, efficientnet_v2_b0"
    ):
        backbones.pretrained("resnet50")


# ---------------------------------------------------------------- the table


def test_the_table_names_keras_weights_and_classes():
    online = ("xception", "mobilenet_v2", "efficientnet_v2_b0", "vgg16")
    assert backbones.BACKBONES == ("lite0", "lite2", *online)
    assert tuple(backbones.KERAS_APPLICATIONS) == online
    for app in backbones.KERAS_APPLICATIONS.values():
        assert app.url.startswith("https://storage.googleapis.com/tensorflow/keras-applications/")
        assert app.url.endswith(f"/{app.file_name}") and app.file_name.endswith(".h5")
        assert callable(getattr(keras.applications, app.cls))
        source = Path(import_module(f"keras.src.applications.{app.module}").__file__).read_text()
        assert app.md5 is None or app.md5 in source  # Keras's own file_hash
    assert backbones.KERAS_APPLICATIONS["mobilenet_v2"].md5 is None  # Keras checks none


@pytest.mark.parametrize("name", ["xception", "mobilenet_v2", "efficientnet_v2_b0"])
def test_preprocess_gives_the_stated_range(name):
    app = backbones.KERAS_APPLICATIONS[name]
    photos = np.array([0.0, 255.0], np.float32)
    inputs = app.preprocess(photos)
    low, high = (float(x) for x in app.input_range.split()[0].split(".."))
    assert inputs.dtype == np.float32 and inputs.tolist() == [low, high]
    assert photos.tolist() == [0.0, 255.0]  # Keras's preprocess_input works in place


def test_efficientnet_v2_rescales_inside_and_xception_takes_299():
    size = backbones.KERAS_APPLICATIONS["efficientnet_v2_b0"].image_size
    model = keras.applications.EfficientNetV2B0(
        include_top=False, weights=None, input_shape=(size, size, 3)
    )
    rescaling = [layer for layer in model.layers if type(layer).__name__ == "Rescaling"]
    assert len(rescaling) == 1 and rescaling[0].scale == pytest.approx(1 / 255)
    size = backbones.KERAS_APPLICATIONS["xception"].image_size
    model = keras.applications.Xception(
        include_top=False, weights=None, input_shape=(size, size, 3)
    )
    assert model.output.shape == (None, 10, 10, 2048)


@pytest.mark.parametrize("name", ["xception", "mobilenet_v2", "efficientnet_v2_b0", "vgg16"])
def test_the_keras_bases_split_before_their_last_two_stages(name):
    """Each entry's cut is a tensor at 1/16 of the photo's side that every path goes
    through, and its preprocessing as a layer is its preprocess."""
    app = backbones.KERAS_APPLICATIONS[name]
    size = app.image_size
    model = getattr(keras.applications, app.cls)(
        include_top=False, weights=None, input_shape=(size, size, 3)
    )
    cut = model.get_layer(backbones.fine_tuning_cut(model, app.cut_before)).output
    assert cut.shape[1:3] == (-(-size // 16),) * 2
    keras.Model(cut, model.output)  # raises unless every path goes through the cut
    photos = np.array([[[[0.0, 127.5, 255.0], [10.0, 20.0, 30.0]]]], np.float32)
    chosen = backbones.Backbone(name, app.cls, model, app.preprocess, size, app.input_range,
                                False, app.scaling, "")
    layer = chosen.preprocessing_layer()
    assert np.allclose(np.asarray(layer(photos)), app.preprocess(photos), atol=1e-4)
