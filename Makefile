# Hemisphere: the two commands a newcomer needs are `make report` and `make test`.
PYTHON ?= python3
# The floor, as in pyproject.toml's requires-python: the pinned numpy, pandas and matplotlib need 3.11.
MIN_PYTHON := 3.11
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check
# One stamp per installed set: build (requirements.lock), build + test, build + JupyterLab.
INSTALLED := $(VENV)/.installed
INSTALLED_TEST := $(VENV)/.installed-test
INSTALLED_LAB := $(VENV)/.installed-lab
LOCKS := requirements.lock requirements/test.txt requirements/lab.txt
LOCK_PYTHONS := 3.11 3.12 3.13

# `$(call check_python,INTERPRETER,HINT)`: stop with one clear line unless INTERPRETER is >= MIN_PYTHON.
check_python = version=$$($(1) -c 'import sys; print("%d.%d.%d" % sys.version_info[:3]); sys.exit(sys.version_info[:2] < ($(subst .,$(comma) ,$(MIN_PYTHON))))' 2>/dev/null) || { \
	echo "Hemisphere needs Python $(MIN_PYTHON) or newer; '$(1)' is $${version:-not a working Python}. $(2)" >&2; exit 1; }
comma := ,

.DEFAULT_GOAL := help
.PHONY: help report test sweep briefs bench lab lockcheck locks clean

help: ## list the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

report: $(INSTALLED) ## build build/report.html and build/report.pdf, and the country briefs (installs what it needs)
	$(BIN)/hemisphere build
	$(BIN)/hemisphere briefs --quiet

test: $(INSTALLED_TEST) ## run the test suite (installs the build and test locks)
	$(BIN)/python -m pytest

sweep: $(INSTALLED) ## run every notebook over its parameter grid and check each run (slow)
	$(BIN)/python -m hemisphere.build.sweep

bench: $(INSTALLED) ## time cold, no-op and one-notebook rebuilds against the naive way
	$(BIN)/python benchmarks/bench.py

briefs: $(INSTALLED) ## build a brief per country: build/briefs/<country>.html|pdf and index.html
	$(BIN)/hemisphere briefs

lab: $(INSTALLED_LAB) ## install the pinned JupyterLab (requirements/lab.txt) and open the notebooks
	$(BIN)/jupyter lab notebooks/

lockcheck: $(BIN)/python ## check every lock resolves, with its hashes, as wheels for Python 3.11, 3.12 and 3.13 (needs the package index)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && status=0 && \
	for version in $(LOCK_PYTHONS); do for lock in $(LOCKS); do \
		if $(PIP) download --python-version $$version --only-binary=:all: --require-hashes \
			-r $$lock -d "$$tmp/$$version" >"$$tmp/log" 2>&1; \
		then echo "lockcheck: Python $$version $$lock: resolves ($$(ls "$$tmp/$$version" | wc -l) wheels so far for $$version)"; \
		else echo "lockcheck: Python $$version $$lock: FAILS"; grep -E '^ERROR' "$$tmp/log" | head -5; status=1; fi; \
	done; done; exit $$status

locks: $(BIN)/python ## regenerate the hashed locks from pyproject.toml with pip-tools in a throwaway venv (keeps current pins)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) -m venv "$$tmp/venv" && "$$tmp/venv/bin/python" -m pip install --quiet pip-tools==7.6.2 && \
	compile="env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND='make locks' $$tmp/venv/bin/pip-compile \
		--quiet --generate-hashes --allow-unsafe --all-build-deps --strip-extras --no-emit-index-url \
		--no-emit-find-links --annotation-style=line" && \
	eval $$compile -c requirements/constraints.txt -o requirements.lock pyproject.toml && \
	eval $$compile --extra test -c requirements.lock -c requirements/constraints.txt -o requirements/test.txt pyproject.toml && \
	eval $$compile --extra lab -c requirements.lock -c requirements/constraints.txt -o requirements/lab.txt pyproject.toml

clean: ## remove generated files (build/, figures/), keep the environment
	rm -rf build figures/*/

# The interpreter is checked before the environment is made, so an old Python fails here, in one line.
$(BIN)/python:
	@$(call check_python,$(PYTHON),Install python3.11 or newer and run e.g. 'make PYTHON=python3.12 test'.)
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "'$(PYTHON) -m venv' failed: on Debian/Ubuntu, install python3-venv" >&2; exit 1; }

# Every install is hash-checked against its lock; the package itself goes in editable, without dependencies.
$(INSTALLED): requirements.lock pyproject.toml | $(BIN)/python
	@$(call check_python,$(BIN)/python,Remove $(VENV)/ and run make again.)
	$(PIP) install --require-hashes -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@

$(INSTALLED_TEST): requirements/test.txt pyproject.toml | $(BIN)/python
	@$(call check_python,$(BIN)/python,Remove $(VENV)/ and run make again.)
	$(PIP) install --require-hashes -r requirements/test.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@

$(INSTALLED_LAB): requirements/lab.txt pyproject.toml | $(BIN)/python
	@$(call check_python,$(BIN)/python,Remove $(VENV)/ and run make again.)
	$(PIP) install --require-hashes -r requirements/lab.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@
