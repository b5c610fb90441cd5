"""Wall time and peak memory of each solution notebook, run top to bottom in a fresh kernel.

    python tests/benchmarks/lesson_times.py [--mode grading|quick|full] [--set NAME=VALUE]
                                            [ASSIGNMENT ...]

Prints one line per lesson (seconds, peak resident memory of the kernel, cells,
errors), then the figures the lessons recorded in the results registry during
this run (validation split). ``--executed FOLDER`` also keeps each executed
notebook there, with its outputs (the figures the lessons print). Each notebook
runs in a temporary folder; the lessons of one run share a results file and a model
folder, temporary too unless ``--keep FOLDER`` names one (to run 08_evaluation later
on the models of 03-07): nothing is written to the repository or to your own
results. For full mode, point COURSE_DATA_TRASHNET (COURSE_DATA_CATS_VS_DOGS for the
workshop) at a full copy.
``--set BACKBONE='"lite2"'`` runs a lesson with one of its settings changed, as a
learner would edit it: the line ``BACKBONE = ...`` becomes ``BACKBONE = "lite2"``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def with_settings(notebook, settings: list[str]):
    """The notebook with each ``NAME=VALUE`` of ``settings`` put in place of the
    value of the first top-level line ``NAME = ...`` of a code cell."""
    for setting in settings:
        name, _, value = (part.strip() for part in setting.partition("="))
        line = re.compile(rf"^{re.escape(name)} = .*$", re.M)
        cell = next((c for c in notebook.cells if c.cell_type == "code" and line.search(c.source)),
                    None)
        if not value or cell is None:
            raise SystemExit(f"--set {setting}: the notebook has no line `{name} = ...`.")
        new = f"{name} = {value}"
        cell.source = line.sub(lambda _, new=new: new, cell.source, count=1)
    return notebook


def run_one(path: Path, mode: str, executed: str | None = None,
            settings: list[str] = ()) -> dict:
    """Execute one notebook (in this process's child kernel) and measure it."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = with_settings(nbformat.read(path, 4), settings)
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
        seconds = time.perf_counter() - start
    if executed:
        nbformat.write(notebook, Path(executed) / path.name)
    # The kernel was this process's child and has exited: its peak RSS (KiB on Linux).
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mib": peak_mib, "cells": len(notebook.cells), "error": error}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", default="grading", choices=["grading", "quick", "full"])
    parser.add_argument("--executed", help="keep the executed notebooks in this folder")
    parser.add_argument("--keep", help="keep the results file and the saved models in this folder")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="change a setting of the lesson (a top-level line NAME = ...)")
    parser.add_argument("--single", help=argparse.SUPPRESS)  # internal: one notebook, JSON out
    parser.add_argument("assignments", nargs="*")
    args = parser.parse_args()
    if args.single:
        print(json.dumps(run_one(Path(args.single), args.mode, args.executed, args.set)))
        return 0

    from helpers import lessons

    ids = args.assignments or lessons.ids()
    print(f"mode {args.mode}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    failed = False
    with tempfile.TemporaryDirectory() as temporary:
        scratch = Path(args.keep).resolve() if args.keep else Path(temporary)
        env = {**os.environ, "COURSE_RESULTS": f"{scratch}/results.csv",
               "COURSE_MODELS": f"{scratch}/models"}
        for aid in ids:
            (path,) = (ROOT / "solutions" / aid).glob("*.ipynb")
            # One process per lesson, so the peak memory is that lesson's alone.
            out = subprocess.run(
                [sys.executable, __file__, "--mode", args.mode, "--single", str(path),
                 *(["--executed", str(Path(args.executed).resolve())] if args.executed else []),
                 *(f"--set={setting}" for setting in args.set)],
                env=env, capture_output=True, text=True, check=True,
            ).stdout
            result = json.loads(out.strip().splitlines()[-1])
            failed |= bool(result["error"])
            print(f"{aid:<24} {result['seconds']:7.1f} s  peak {result['peak_mib']:6.0f} MiB  "
                  f"{result['cells']:3d} cells  {result['error'] or 'ok'}", flush=True)
        results = Path(scratch) / "results.csv"
        if results.is_file():
            import pandas as pd

            table = pd.read_csv(results)
            columns = ["lesson", "method", "colour", "split", "n_images", "fit_seconds",
                       "accuracy", "f1", "mcc"]
            columns += [c for c in ("epochs", "images_per_second", "extract_seconds",
                                    "fine_tune_seconds") if c in table]
            print("\nFigures recorded by the lessons (weighted F1):")
            print(table[columns].to_string(index=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
