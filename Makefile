# Hemisphere: the two commands a newcomer needs are `make report` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help report test bench lab clean briefs

help: ## list the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

report: $(INSTALLED) ## build build/report.html and build/report.pdf (installs what it needs)
	$(BIN)/hemisphere build

test: $(INSTALLED) ## run the test suite
	$(BIN)/python -m pytest

bench: $(INSTALLED) ## time cold, no-op and one-notebook rebuilds against the naive way
	$(BIN)/python benchmarks/bench.py

briefs: $(INSTALLED) ## build a brief per country: build/briefs/<country>.html|pdf and index.html
	$(BIN)/hemisphere briefs

lab: $(INSTALLED) ## install JupyterLab (optional extra) and open the notebooks
	$(BIN)/pip install --quiet -e '.[lab]'
	$(BIN)/jupyter lab notebooks/

clean: ## remove generated files (build/, figures/), keep the environment
	rm -rf build figures/*/

$(INSTALLED): requirements.lock pyproject.toml
	@$(PYTHON) -m venv $(VENV) || { echo "'$(PYTHON) -m venv' failed: on Debian/Ubuntu, install python3-venv"; exit 1; }
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(INSTALLED)
