# The two commands users need: `make generate` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SPEC ?= spec/openapi.yaml
CONFIG ?= spec/generator.yaml
OUT ?= generated
GEN := $(PY) -m generator
STAMP := $(VENV)/.installed

.PHONY: help install generate check test test-slow lint typecheck release bench mock clean update-snapshots

help:
	@echo "make generate   regenerate $(OUT)/ from $(SPEC) and $(CONFIG)"
	@echo "make test       install what is needed, lint, type-check, run the tests and the drift check"
	@echo "make check      fail if $(OUT)/ is stale"
	@echo "make release    build the SDK, CLI and MCP server packages and the docs archive into dist/"
	@echo "make bench      run the benchmarks and write bench/RESULTS.md"
	@echo "make mock       start the Prism mock server on 127.0.0.1:4010"
	@echo "make test-slow  also run the slow tests (large real-world documents)"

install: $(STAMP)

# The generated SDK, CLI and MCP server are installed (editable) too: the tests
# run the `boltz-api` and `boltz-api-mcp` commands and import `boltz_api` as
# users would. npm brings Prism.
$(STAMP): pyproject.toml package.json package-lock.json $(OUT)/sdk/pyproject.toml $(OUT)/cli/pyproject.toml $(OUT)/mcp/pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]' -e $(OUT)/sdk -e $(OUT)/cli -e $(OUT)/mcp
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

generate: $(STAMP)
	$(GEN) generate --spec $(SPEC) --config $(CONFIG) --out $(OUT)

check: $(STAMP)
	$(GEN) check --spec $(SPEC) --config $(CONFIG) --out $(OUT)

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests bench
	$(VENV)/bin/ruff format --check generator tests bench

typecheck: $(STAMP)
	$(VENV)/bin/mypy

test: $(STAMP)
	$(MAKE) --no-print-directory lint typecheck
	$(PY) -m pytest -q -n auto
	$(MAKE) --no-print-directory check

test-slow: $(STAMP)
	$(PY) -m pytest -q -n auto -m "slow or not slow"

update-snapshots: $(STAMP)
	$(PY) -m tests.snapshots update

# The same command an installed tool runs: `openapi-forge release`.
release: $(STAMP) check
	rm -rf dist
	$(GEN) release --out $(OUT) --dist dist

bench: $(STAMP)
	$(PY) bench/run.py

mock: $(STAMP)
	node_modules/.bin/prism mock --host 127.0.0.1 --port 4010 --errors $(SPEC)

clean:
	rm -rf dist build .pytest_cache .mypy_cache .ruff_cache $(VENV)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# The real-world corpus (tests/realworld/): SDK wheels from PyPI; the stainless.yml +
# OpenAPI pairs are on no registry, so MIRROR=DIR copies them from local clones.
.PHONY: realworld
realworld: $(STAMP)
	-$(PY) -m tests.realworld.fetch $(if $(MIRROR),--from-mirror $(MIRROR))
	$(PY) -m tests.realworld.measure
