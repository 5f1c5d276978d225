# Alcove: `make run` serves the app, `make test` runs every test on SQLite and PostgreSQL.
# Nothing is assumed on the machine beyond Python 3.13 and make; uv comes from PyPI.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.13 || command -v python3)
TOOLS := .tools
UV := $(shell command -v uv 2>/dev/null || echo $(TOOLS)/bin/uv)
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv
VENV_STAMP := .venv/.alcove-synced
ALCOVE := .venv/bin/alcove
PORT ?= 8000

.PHONY: run demo test engine test-sqlite test-postgres lint typecheck browser-deps deid-weights clean

$(TOOLS)/bin/uv:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet uv

$(VENV_STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

# The de-identification engine compiled with mypyc, when its sources changed (about a
# minute; where there is no C compiler it runs as Python, slower): bin/compile-engine
engine: $(VENV_STAMP)
	.venv/bin/python bin/compile-engine

run: $(VENV_STAMP) engine
	$(ALCOVE) migrate --no-input
	$(ALCOVE) migrate --no-input --database keys
	$(ALCOVE) serve --port $(PORT)

# A fictional practice to look around in, in its own data directory (never in production).
demo: $(VENV_STAMP)
	ALCOVE_DEMO=1 ALCOVE_DATA_DIR=$${ALCOVE_DATA_DIR:-./var/demo} $(MAKE) --no-print-directory run

# Every database test runs twice: once on SQLite, once on PostgreSQL.
test: $(VENV_STAMP) engine browser-deps lint typecheck test-sqlite test-postgres

test-sqlite: $(VENV_STAMP)
	ALCOVE_TEST_DB=sqlite .venv/bin/pytest

test-postgres: $(VENV_STAMP)
	bin/test-postgres

lint: $(VENV_STAMP)
	.venv/bin/ruff check alcove bench
	.venv/bin/ruff format --check alcove bench

typecheck: $(VENV_STAMP)
	.venv/bin/mypy alcove

# Browser tests drive Debian's Chromium; a test tool's own browser download cannot work here.
browser-deps:
	@bin/install-chromium

# Fit the de-identification engine's context weights on the annotated sets (scikit-learn is
# needed only here: bench/deid/train_context.py). ARGS=--check measures on held-out folds first.
deid-weights: $(VENV_STAMP)
	$(UV) run --frozen --group train python bench/deid/train_context.py $(ARGS)

clean:
	rm -rf .venv $(TOOLS) .pytest_cache .mypy_cache .ruff_cache
