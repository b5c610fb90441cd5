"""A non-editable `pip install .` brings the helpers, the bundled sample and the ImageNet
class names (as on Colab)."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

from course_dir import ROOT

CHECK = """
import helpers, helpers.data as data, helpers.backbones as backbones
assert helpers.__file__.startswith(sys.argv[1]), helpers.__file__
assert len(backbones.imagenet_classes()) == 1000
train = data.load_images("trashnet", "train", image_size=32)
print(len(train), train.images.shape[1:], ",".join(train.class_names))
"""


def test_pip_install_into_a_clean_venv(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", str(ROOT)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert install.returncode == 0, install.stderr
    # Third-party packages come from the test environment; helpers must not.
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    (Path(site) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run = subprocess.run(
        [python, "-c", "import sys\n" + CHECK, str(venv)],
        capture_output=True, text=True, cwd=tmp_path, env={"COURSE_MODE": "quick", "PATH": ""},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["144", "(32,", "32,", "3)",
                                  "cardboard,glass,metal,paper,plastic,trash"]
