"""What this machine offers the course: versions, GPU, Colab, mode, data. Introduced in 00_setup."""

from __future__ import annotations

import importlib.util
import os
import platform
from importlib import metadata

PACKAGES = ("tensorflow", "keras", "numpy", "opencv-python", "scikit-learn", "lightgbm", "pandas")


def on_colab() -> bool:
    """True inside Google Colab."""
    return importlib.util.find_spec("google.colab") is not None


def package_versions() -> dict[str, str]:
    """Installed version of each package the lessons use ("missing" if absent)."""
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            alternative = {"opencv-python": "opencv-python-headless"}.get(name)
            try:
                versions[name] = metadata.version(alternative) if alternative else "missing"
            except metadata.PackageNotFoundError:
                versions[name] = "missing"
    return versions


def gpus() -> list[str]:
    """Names of the GPUs TensorFlow can use (empty on a CPU-only machine)."""
    from helpers.modes import quiet_tensorflow

    tf = quiet_tensorflow()
    return [device.name for device in tf.config.list_physical_devices("GPU")]


def gpu_advice(found: list[str], colab: bool) -> str:
    """One sentence on what the GPU situation means for the course."""
    if found:
        return f"GPU ready: {', '.join(found)}. Full mode trains in minutes."
    if colab:
        return (
            "No GPU in this Colab runtime. For lessons 05-07 in full mode choose "
            "Runtime > Change runtime type > GPU, then run the notebook again."
        )
    return "No GPU: fine for quick mode, and every lesson runs on a CPU (full mode is slower)."


def report() -> dict[str, object]:
    """Print and return the facts a learner (or a helper on a forum) needs first."""
    from helpers.data import full_copy, locate
    from helpers.modes import current_mode

    mode = current_mode()
    found = gpus()
    facts: dict[str, object] = {
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "cpu cores": os.cpu_count(),
        "colab": on_colab(),
        **package_versions(),
        "gpus": found,
        "mode": mode,
        "data": str(locate("trashnet", mode=mode)),
        "full trashnet copy": str(full_copy("trashnet") or "not downloaded"),
    }
    width = max(len(k) for k in facts)
    for key, value in facts.items():
        print(f"{key:<{width}}  {value}")
    print(gpu_advice(found, bool(facts["colab"])))
    return facts
