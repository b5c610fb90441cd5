"""Where the course keeps data sets on disk: the data home, verified full copies and
the samples bundled with the package. Introduced in 00_setup.

Both ``helpers.modes`` (is there a full copy?) and ``helpers.data`` (which folder to
read?) ask this module, and it asks neither of them.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

COMPLETE_MARKER = ".complete"  # written by helpers.download once a copy is verified


def data_home() -> Path:
    """Where downloaded data sets live: ``$COURSE_DATA_HOME`` or ``~/course_data``."""
    return Path(os.environ.get("COURSE_DATA_HOME") or Path.home() / "course_data")


def env_var(name: str) -> str:
    """The environment variable that points at data set ``name``."""
    return "COURSE_DATA_" + name.upper().replace("-", "_")


def sample_dir(name: str) -> Path | None:
    """The sample of ``name`` bundled with the package, if there is one."""
    path = Path(str(resources.files("helpers") / "sample_data" / name))
    return path if path.is_dir() else None


def full_copy(name: str) -> Path | None:
    """The full copy of ``name``: the folder in ``$COURSE_DATA_<NAME>``, else a
    verified download under the data home; ``None`` if there is neither."""
    from_env = os.environ.get(env_var(name))
    if from_env:
        return Path(from_env).expanduser()
    downloaded = data_home() / name
    return downloaded if (downloaded / COMPLETE_MARKER).is_file() else None
