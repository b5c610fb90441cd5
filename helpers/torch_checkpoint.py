"""Read a PyTorch checkpoint of the legacy format into NumPy arrays, without PyTorch
and without running anything from the file. Used by ``helpers.backbones``.

A ``.pth`` file of the legacy format (``torch.save(..., _use_new_zipfile_serialization=False)``)
is five pickles and the raw tensor data:

1. a magic number, 2. the format's protocol version (1001), 3. facts about the
machine that wrote it (byte order, type sizes), 4. the saved object (here a
state dict: names to tensors), whose tensors point at *storages* by key,
5. the list of storage keys, then each storage in that order: its element count
(8 bytes, little-endian) and its elements.

Unpickling can call any importable function, so a pickle is code. This reader's
unpickler knows a short list of names and maps each to a NumPy stand-in: an
``OrderedDict``, the tensor rebuild function, the storage types. Any other name
in the file (``os.system``, ``builtins.eval`` ...) stops the read with
``UnsafeCheckpoint``, before anything from the file has run.
"""

from __future__ import annotations

import collections
import pickle
import struct
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

MAGIC = 0x1950A86A20F9469CFC6C
PROTOCOL = 1001

_STORAGE_DTYPES = {
    "FloatStorage": np.float32,
    "DoubleStorage": np.float64,
    "HalfStorage": np.float16,
    "LongStorage": np.int64,
    "IntStorage": np.int32,
    "ShortStorage": np.int16,
    "CharStorage": np.int8,
    "ByteStorage": np.uint8,
    "BoolStorage": np.bool_,
}


class UnsafeCheckpoint(ValueError):
    """The file asks to run something a checkpoint of tensors never needs."""


class BadCheckpoint(ValueError):
    """The file is not a complete checkpoint of the legacy format."""


class _Storage:
    """Where a tensor's elements are: a key into the storages that follow the pickles."""

    def __init__(self, key: str, dtype: np.dtype, size: int):
        self.key, self.dtype, self.size = key, np.dtype(dtype), size
        self.array: np.ndarray | None = None  # filled in once the raw data has been read


class _Tensor:
    """A tensor waiting for its storage's data: storage, offset, shape and strides
    (in elements, as PyTorch counts them)."""

    def __init__(self, storage: _Storage, offset: int, shape: tuple, strides: tuple):
        self.storage, self.offset, self.shape, self.strides = storage, offset, shape, strides

    def to_numpy(self) -> np.ndarray:
        data = self.storage.array
        if not self.shape:
            return data[self.offset].copy()
        if 0 in self.shape:
            return np.zeros(self.shape, data.dtype)
        last = self.offset + sum((n - 1) * s for n, s in zip(self.shape, self.strides, strict=True))
        if self.offset < 0 or last >= len(data) or min(self.strides) < 0:
            raise BadCheckpoint(f"a tensor of shape {self.shape} reaches outside its storage")
        view = np.lib.stride_tricks.as_strided(
            data[self.offset:], shape=self.shape,
            strides=tuple(s * data.itemsize for s in self.strides), writeable=False)
        return np.ascontiguousarray(view)


def _rebuild_tensor(storage, offset, shape, strides, requires_grad=False, hooks=None, *_):
    if not isinstance(storage, _Storage):
        raise UnsafeCheckpoint("a tensor's data is not a storage of the file")
    return _Tensor(storage, int(offset), tuple(int(n) for n in shape),
                   tuple(int(s) for s in strides))


class _StorageType:
    """Stands for ``torch.FloatStorage`` and its kin: only its element type is used."""

    def __init__(self, name: str):
        self.dtype = _STORAGE_DTYPES[name]


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: BinaryIO, storages: dict[str, _Storage]):
        super().__init__(file)
        self.storages = storages

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor
        if module == "torch" and name in _STORAGE_DTYPES:
            return _StorageType(name)
        raise UnsafeCheckpoint(
            f"the checkpoint asks for {module}.{name}, which a file of tensors never needs "
            "(unpickling it could run code): refusing to read it.")

    def persistent_load(self, pid: Any) -> _Storage:
        if not (isinstance(pid, tuple) and len(pid) >= 5 and pid[0] == "storage"
                and isinstance(pid[1], _StorageType)):
            raise UnsafeCheckpoint(f"unexpected reference in the checkpoint: {pid!r:.80}")
        _, kind, key, _location, size = pid[:5]
        if pid[5:] and pid[5] is not None:
            raise BadCheckpoint("storage views are not supported")
        if key not in self.storages:
            self.storages[key] = _Storage(str(key), kind.dtype, int(size))
        return self.storages[key]


def _parse(file: BinaryIO, name: str) -> dict[str, _Tensor]:
    """The pickles and storages of an open checkpoint: its tensors, data filled in."""
    storages: dict[str, _Storage] = {}
    magic, protocol, facts = (_Unpickler(file, storages).load() for _ in range(3))
    if magic != MAGIC or protocol != PROTOCOL:
        raise BadCheckpoint(
            f"{name} is not a PyTorch checkpoint of the legacy format (a zip-format "
            "checkpoint, torch.save's default since PyTorch 1.6, is not supported)")
    if not isinstance(facts, dict) or not facts.get("little_endian", False):
        raise BadCheckpoint(f"{name} was written on a big-endian machine")
    state = _Unpickler(file, storages).load()
    keys = _Unpickler(file, storages).load()
    if not isinstance(state, dict) or not isinstance(keys, list):
        raise BadCheckpoint(f"{name} does not hold a state dict")
    for key in keys:
        storage = storages.get(key)
        if storage is None:
            raise BadCheckpoint(f"{name} lists storage {key!r} that no tensor uses")
        (count,) = struct.unpack("<q", file.read(8))
        raw = file.read(count * storage.dtype.itemsize)
        if count != storage.size or len(raw) != count * storage.dtype.itemsize:
            raise BadCheckpoint(f"{name} is cut short or damaged (storage {key})")
        storage.array = np.frombuffer(raw, dtype=storage.dtype.newbyteorder("<"))
    if any(s.array is None for s in storages.values()):
        raise BadCheckpoint(f"{name} lacks the data of some tensors")
    for key, value in state.items():
        if not isinstance(value, _Tensor):
            raise BadCheckpoint(f"{name}: {key} is not a tensor")
    return state


def read_state_dict(path: str | Path) -> dict[str, np.ndarray]:
    """The tensors of the checkpoint at ``path``, by name, as NumPy arrays."""
    path = Path(path)
    with open(path, "rb") as file:
        try:
            state = _parse(file, path.name)
            return {str(key): tensor.to_numpy() for key, tensor in state.items()}
        except (pickle.UnpicklingError, EOFError, struct.error, TypeError, IndexError) as err:
            raise BadCheckpoint(f"{path.name} is cut short or is not a PyTorch checkpoint "
                                f"({type(err).__name__}: {err})") from err
