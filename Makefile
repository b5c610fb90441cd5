# Thin wrappers: each target is one obvious command. `make help` lists them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help setup lab test lessons sample lint bench

help:
	@echo "make lab      set everything up and open the lessons in JupyterLab (bundled sample)"
	@echo "make test     set everything up and run the whole test suite"
	@echo "make lessons  regenerate lessons/ from solutions/ with nbgrader"
	@echo "make sample   rebuild the bundled TrashNet sample (needs a full copy)"
	@echo "make lint     ruff"
	@echo "make bench    time each lesson in grading and quick mode"

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[lab,test]"
	touch $(STAMP)

# Jupyter refuses root unless told; containers often run as root.
lab: setup
	$(BIN)/jupyter lab lessons/ $(if $(filter 0,$(shell id -u)),--allow-root)

# One worker per core; pyproject's --dist loadscope keeps a lesson's round trip on one.
test: setup
	$(BIN)/python -m pytest -n auto

lessons: setup
	$(BIN)/python -m helpers.grading generate

sample: setup
	$(BIN)/python data_scripts/build_sample.py

lint: setup
	$(BIN)/ruff check .

bench: setup
	$(BIN)/python tests/benchmarks/lesson_times.py --mode grading
	$(BIN)/python tests/benchmarks/lesson_times.py --mode quick
