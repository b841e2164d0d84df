# Two commands set everything up on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
# This machine's pip configuration names local indexes that may not exist; their warnings are noise.
QUIET_PIP := 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
# pip's own output, cut to one counted line per package so a long install shows where it is.
PINNED := $(shell grep -c '==' requirements.lock)
PIP_PROGRESS := 2>&1 | awk -v n=$(PINNED) '/^Collecting /{i++; printf "  [%d/%d] %s\n", i, n, $$2; fflush(); next} /^(ERROR|WARNING)/ && !/is ignored: it is neither/{print; fflush()} /^Successfully installed/{print "  installed"; fflush()}'
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)

.PHONY: demo test lint bench eval fuzz clean lock

$(STAMP): requirements.lock pyproject.toml
	@echo "setting up $(VENV): $(PINNED) pinned packages (a few minutes on a fresh machine)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check --require-hashes -r requirements.lock $(PIP_PROGRESS)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . $(QUIET_PIP)
	rm -f $(VENV)/.installed-*
	touch $@

demo: $(STAMP)
	$(BIN)/trucewatch demo

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Generated inputs through every reader and stage (docs/fuzzing.md); new failing seeds go to fuzz/regressions.json.
FUZZ_SECONDS ?= 1800
FUZZ_INPUTS ?= 1000000
fuzz: $(STAMP)
	$(BIN)/python fuzz/run.py --seconds $(FUZZ_SECONDS) --inputs $(FUZZ_INPUTS)

eval: $(STAMP)
	TRUCEWATCH_SHARED=$${TRUCEWATCH_SHARED:-../shared} $(BIN)/trucewatch eval all --fixtures tests/fixtures --realdev eval/real-dev

# Regenerate the hash-pinned lock after changing dependencies in pyproject.toml.
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev --strip-extras \
		--output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) trucewatch.db trucewatch-demo.db* build
