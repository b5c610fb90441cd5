"""The instructor's nbgrader steps that need more than one nbgrader call, and the
course's own nbgrader preprocessor.

    python -m helpers.grading generate [ASSIGNMENT ...]

regenerates ``lessons/<id>/`` from ``solutions/<id>/`` (every lesson of
``helpers.lessons`` by default) with ``nbgrader generate_assignment``: solutions
become stubs and hidden tests disappear. Run it after every edit of ``solutions/``; never edit
``lessons/`` by hand. The other steps are plain nbgrader commands (README).

``FeedbackWithoutHiddenTests`` is what ``nbgrader generate_feedback`` runs on each
graded notebook (``nbgrader_config.py``): the feedback a student receives shows
each check's verdict and message, never the text of a hidden test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from nbgrader.preprocessors import ClearHiddenTests
from nbgrader.utils import is_grade

from helpers import lessons

ROOT = Path(__file__).resolve().parents[1]


def nbgrader(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run one nbgrader command in course directory ``cwd``; raise with its log if it fails."""
    # nbgrader runs tools (alembic, kernels) found on PATH: put this environment's first.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    # Under pytest, ipykernel leaves file descriptors 1 and 2 alone, so what C libraries
    # write there would not reach the notebooks; grading must see what a real run sees.
    env.pop("PYTEST_CURRENT_TEST", None)
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=cwd, capture_output=True, text=True, env=env
    )
    if result.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result


def generate_lessons(root: Path = ROOT, ids: list[str] | None = None) -> list[Path]:
    """Regenerate ``lessons/<id>`` from ``solutions/<id>`` for each assignment id.

    nbgrader runs in a scratch copy (so no gradebook is written into the course),
    then each lesson folder is replaced whole.
    """
    ids = ids or lessons.ids()
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        shutil.copy(root / "nbgrader_config.py", scratch)
        for aid in ids:
            shutil.copytree(root / "solutions" / aid, scratch / "solutions" / aid)
            nbgrader("generate_assignment", aid, "--force", "--no-db", cwd=scratch)
            target = root / "lessons" / aid
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(scratch / "lessons" / aid, target)
            written.extend(sorted(target.glob("*.ipynb")))
    return written


class FeedbackWithoutHiddenTests(ClearHiddenTests):
    """Removes the hidden tests from the test cells of a graded notebook, and the
    tracebacks that would quote them: an error keeps only its type and message."""

    def preprocess_cell(self, cell, resources, cell_index):
        had_hidden_tests = self.begin_test_delimeter in cell.source
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        if cell.cell_type != "code" or not is_grade(cell):
            return cell, resources
        if had_hidden_tests:
            cell.source = cell.source.rstrip() + "\n# (hidden tests ran here; they are not shown)"
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                ours = output.ename in ("Incorrect", "NotAttempted")  # helpers.checks' verdicts
                output.traceback = [output.evalue if ours else f"{output.ename}: {output.evalue}"]
        return cell, resources


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "generate":
        print(__doc__)
        return 2
    for path in generate_lessons(ids=argv[1:] or None):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
