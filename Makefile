# Two commands for students and lecturers: `make lab` and `make test`.
# Both create .venv with the pinned environment (requirements.lock) and lessons_lib.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help setup lab test bench notebooks lock data datasets slides site clean

help:
	@echo "make lab    set up .venv and open JupyterLab on the welcome notebook"
	@echo "make test   set up .venv and run every test (library, notebooks, browser)"
	@echo "make bench  notebooks against a bare kernel, every explorer update, slider-to-figure in chromium"
	@echo "make notebooks  re-run every notebook in place (after changing the library or data)"
	@echo "make data   download the latest series into your user cache (shipped copies untouched)"
	@echo "make datasets  (maintainers) rebuild the shipped datasets from the publishers' series"
	@echo "make slides export every chapter to an offline reveal.js deck in _slides/"
	@echo "make student  the student kit in _kits/: no solutions, outputs cleared (one .zip)"
	@echo "make instructor  the instructor's kit in _kits/: solutions, guide, answer key, slide decks"
	@echo "make site   build the self-study site (a Jupyter Book) in _site/ (open _site/index.html);"
	@echo "            make site HUB=https://hub.example.edu REPO=<git URL> adds JupyterHub launch links"
	@echo "make lock   add pyproject.toml's new packages to requirements.lock, keeping its pins"
	@echo "            (make lock UPGRADE=1 re-resolves everything)"

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "): set PYTHON=python3.11")'
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { echo "Python's venv module is missing: on Debian or Ubuntu, install python3-venv (apt install python3-venv)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

setup: $(STAMP)

# JupyterLab refuses to run as root unless told; only then is the flag added.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

# The course folder is JupyterLab's root (given a file alone, it would serve only notebooks/,
# and the notebooks' links to ../docs/glossary.md would not open).
lab: setup
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=. notebooks/00_welcome.ipynb

test: setup
	$(BIN)/ruff check .
	$(BIN)/python -m pytest --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg

bench: setup
	$(BIN)/python -m tools.bench

notebooks: setup
	$(BIN)/python -m tools.run_notebooks

slides: setup
	$(BIN)/python -m tools.build_slides

# HUB and REPO (and BRANCH, default main) give each page an nbgitpuller link to a JupyterHub.
site: setup
	$(BIN)/python -m tools.book $(if $(HUB),--hub "$(HUB)") $(if $(REPO),--repo "$(REPO)") \
	    $(if $(BRANCH),--branch "$(BRANCH)")

data: setup
	$(BIN)/python -m lessons_lib.data

# The classroom kits, built from the files git tracks (tools/kits.py).
.PHONY: student instructor
student: setup
	$(BIN)/python -m tools.kits student

instructor: setup
	$(BIN)/python -m tools.kits instructor

datasets: setup
	$(BIN)/python -m tools.build_data

lock:
	rm -rf .lockenv
	$(PYTHON) -m venv .lockenv
	.lockenv/bin/python -m pip install --quiet --upgrade pip
	.lockenv/bin/python -m pip install --quiet -c tools/lock_floor.txt \
	    $(if $(UPGRADE),,-c requirements.lock) ".[test]"
	@{ echo "# Exact versions that make and CI install. Made by 'make lock' from pyproject.toml;"; \
	   echo "# keep environment.yml in step (tests/course/test_environment.py checks it)."; \
	   .lockenv/bin/python -m pip freeze --exclude lessons_lib \
	   | .lockenv/bin/python -c "import sys; sys.stdout.writelines(sorted(sys.stdin, key=str.lower))"; \
	   } > requirements.lock.new
	mv requirements.lock.new requirements.lock
	rm -rf .lockenv

clean:
	rm -rf $(VENV) build *.egg-info _site _slides vendor test-artifacts
	rm -rf _kits
