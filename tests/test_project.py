"""The project's own invariants: notebooks, generated lessons, pins, commands."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib
import yaml
from course_dir import ROOT, recorded_answers

from helpers import REPOSITORY, lessons
from helpers.grading import generate_lessons

NOTEBOOKS = sorted(ROOT.glob("solutions/*/*.ipynb")) + sorted(ROOT.glob("lessons/*/*.ipynb"))


def test_the_registry_is_every_assignment():
    """solutions/ and lessons/ hold one folder per lesson of helpers.lessons, in course order."""
    for folder in ("solutions", "lessons"):
        assert lessons.ids() == sorted(p.name for p in (ROOT / folder).iterdir() if p.is_dir())
    for lesson in lessons.LESSONS:
        assert lesson.checks.__name__ == f"helpers.exercises.{lesson.exercises}"
        assert (ROOT / "tests" / "answers" / f"{lesson.exercises}.py").is_file(), lesson.id


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_stored_clean(path):
    """No outputs, no execution counts, a stable unique id on every cell."""
    notebook = json.loads(path.read_text())
    ids = [cell.get("id") for cell in notebook["cells"]]
    assert all(ids) and len(set(ids)) == len(ids), "every cell needs a unique id"
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, cell["id"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_follows_the_skeleton(path):
    """H1 title, Colab badge of this notebook, Setup with the bootstrap cell, Summary."""
    notebook = json.loads(path.read_text())
    sources = {cell["id"]: "".join(cell["source"]) for cell in notebook["cells"]}
    first = "".join(notebook["cells"][0]["source"])
    assert first.startswith("# ")
    lesson_path = f"lessons/{path.parent.name}/{path.name}"
    assert f"colab.research.google.com/github/{REPOSITORY}/blob/main/{lesson_path}" in first
    assert f"git+https://github.com/{REPOSITORY}" in sources["bootstrap"]
    headings = [s for s in sources.values() if s.startswith("## ")]
    assert headings[0].startswith("## Setup") and any(h.startswith("## Summary") for h in headings)


def test_lessons_are_generated_from_solutions(tmp_path):
    """lessons/ is exactly what `make lessons` makes from solutions/."""
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    shutil.copytree(ROOT / "solutions", tmp_path / "solutions")
    generate_lessons(tmp_path)
    for fresh in sorted((tmp_path / "lessons").glob("*/*.ipynb")):
        stored = ROOT / fresh.relative_to(tmp_path)
        assert stored.is_file(), f"{stored} is missing: run `make lessons`"
        assert json.loads(stored.read_text()) == json.loads(fresh.read_text()), (
            f"{stored.relative_to(ROOT)} is out of date: run `make lessons`"
        )


@pytest.mark.parametrize("path", sorted(ROOT.glob("lessons/*/*.ipynb")), ids=lambda p: p.name)
def test_lessons_hide_solutions_and_hidden_tests(path):
    text = path.read_text()
    for marker in ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "BEGIN SOLUTION", "END SOLUTION"):
        assert marker not in text
    solution = json.loads((ROOT / "solutions" / path.parent.name / path.name).read_text())
    lesson_text = "".join("".join(c["source"]) for c in json.loads(text)["cells"])
    for cell in solution["cells"]:
        source = "".join(cell["source"])
        hidden_blocks = re.findall(r"BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", source, re.S)
        for hidden in hidden_blocks:
            for line in hidden.strip().splitlines():
                if len(line.strip()) > 12:
                    assert line.strip() not in lesson_text, f"hidden test text in lesson: {line}"


def _requirements_in_pyproject() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    return {*project["dependencies"], *(r for group in extras.values() for r in group)}


def test_environment_yml_agrees_with_pyproject():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    assert {r for r in pip if not r.startswith("-e")} == _requirements_in_pyproject()
    assert "-e ." in pip
    python = next(d for d in environment["dependencies"] if str(d).startswith("python="))
    required = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert python == "python=3.11" and required == ">=3.10"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"```(?:bash|sh)\n(.*?)```", readme, re.S)
    assert commands[:2] == ["make lab\n", "make test\n"], "README: the two commands come first"
    ci = (ROOT / ".ci" / "run").read_text().strip().splitlines()
    assert ci[-1] == "make test"


def test_readme_has_a_syllabus_row_and_colab_badge_per_lesson():
    readme = (ROOT / "README.md").read_text()
    for lesson in lessons.LESSONS:
        aid = lesson.id
        link = f"[{lesson.title}](lessons/{aid}/{aid}.ipynb)"
        assert link.lower() in readme.lower(), f"README's syllabus lacks {link}"
        url = f"colab.research.google.com/github/{REPOSITORY}/blob/main/lessons/{aid}/{aid}.ipynb"
        assert url in readme, f"README lacks the Colab badge of {aid}"


def test_readme_counts_the_recorded_answers():
    """The README's count of exercises and recorded answers is the registry's."""
    counts, totals = [], [0, 0, 0]
    for lesson in lessons.LESSONS:
        correct, mistakes = recorded_answers(lesson.id)
        figures = [len(correct), sum(map(len, correct.values())), sum(map(len, mistakes.values()))]
        totals = [t + f for t, f in zip(totals, figures, strict=True)]
        counts.append(f"{lesson.id[:2]}: {' / '.join(map(str, figures))}")
    expected = f"{', '.join(counts)} ({' / '.join(map(str, totals))};"
    assert expected in (ROOT / "README.md").read_text(), f"README should say: {expected}"


def test_code_passes_ruff():
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run([ruff, "check", "--quiet", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
