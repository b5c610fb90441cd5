"""Shared fixtures. Every test runs in grading mode, with data homes in temp folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Kernels started by the tests inherit these: small budgets, quiet TensorFlow.
os.environ["COURSE_MODE"] = "grading"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


@pytest.fixture(autouse=True)
def _isolated_data_home(tmp_path_factory, monkeypatch):
    """No test reads or writes the real ~/course_data or a learner's data variables."""
    monkeypatch.setenv("COURSE_DATA_HOME", str(tmp_path_factory.mktemp("course_data")))
    for name in list(os.environ):
        if name.startswith("COURSE_DATA_") and name != "COURSE_DATA_HOME":
            monkeypatch.delenv(name)
