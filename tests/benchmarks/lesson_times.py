"""Wall time of each solution notebook, run top to bottom in a fresh kernel.

    python tests/benchmarks/lesson_times.py [--mode grading|quick|full] [ASSIGNMENT ...]

Prints one line per lesson (seconds, cells, errors). Nothing is written to the
repository: each notebook runs in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[2]


def run(path: Path, mode: str) -> tuple[float, int, str]:
    notebook = nbformat.read(path, 4)
    os.environ["COURSE_MODE"] = mode
    with tempfile.TemporaryDirectory() as scratch:
        client = NotebookClient(
            notebook, timeout=3600, kernel_name="python3", resources={"metadata": {"path": scratch}}
        )
        start = time.perf_counter()
        try:
            client.execute()
            error = ""
        except CellExecutionError as err:
            error = str(err).strip().splitlines()[-1]
        return time.perf_counter() - start, len(notebook.cells), error


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", default="grading", choices=["grading", "quick", "full"])
    parser.add_argument("assignments", nargs="*")
    args = parser.parse_args()
    ids = args.assignments or sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir())
    print(f"mode {args.mode}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    failed = False
    for aid in ids:
        (path,) = (ROOT / "solutions" / aid).glob("*.ipynb")
        seconds, cells, error = run(path, args.mode)
        failed |= bool(error)
        print(f"{aid:<24} {seconds:7.1f} s  {cells:3d} cells  {error or 'ok'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
