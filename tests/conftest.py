"""Shared fixtures. Every test runs in grading mode, with data homes in temp folders;
downloads are tested against a local HTTP server (``server``) or a port where nothing
listens (``dead_url``), never the internet."""

from __future__ import annotations

import http.server
import os
import socket
import threading
from dataclasses import dataclass
from functools import partial
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


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder, records the paths asked for, answers 503 while failures remain."""

    def do_GET(self):
        self.server.requests.append(self.path)
        if self.server.failures > 0:
            self.server.failures -= 1
            self.send_error(503)
            return
        super().do_GET()

    def log_message(self, *args):  # keep the test output clean
        pass


@dataclass
class Server:
    root: Path  # the served folder
    url: str
    httpd: http.server.ThreadingHTTPServer

    @property
    def requests(self) -> list[str]:
        """The paths asked for so far."""
        return self.httpd.requests


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "served"
    root.mkdir()
    handler = partial(_Handler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.requests, httpd.failures = [], 0
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield Server(root, f"http://127.0.0.1:{httpd.server_port}", httpd)
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def dead_url():
    """The address of a local port where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
