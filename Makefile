# Every target works on a fresh machine with nothing but Python 3.11+:
# the virtual environment is created on first use from uv.lock and refreshed when pyproject.toml or uv.lock change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
K ?=
# Benchmarks that scale their data read this: full size under `make bench`, small in `make test`.
ECOMCORE_BENCH_SCALE ?= 1

# Installs come from uv.lock, never from a fresh resolve: `--locked` also fails when pyproject.toml
# and the lock disagree (refresh the lock with `make lock`). uv itself is pinned and bootstrapped
# into .uv/ with the machine's Python; it never downloads a Python of its own.
UV_VERSION := 0.13.8
UV := .uv/bin/uv
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := $(PYTHON)
# Compile bytecode at install, as pip does: a third-party module then never warns at first import
# (stockpyl has invalid escape sequences, which the test run turns into errors).
export UV_COMPILE_BYTECODE := 1
SYNC := $(UV) sync --locked --quiet

# Material for MkDocs prints a banner about its successor on every build; we read it once.
export NO_MKDOCS_2_WARNING := 1

.PHONY: demo test lint types layers pytest bench docs fmt clean java postgres lock

$(UV):
	$(PYTHON) -m venv .uv
	.uv/bin/python -m pip install -qq 'uv==$(UV_VERSION)'

# What the tour needs and nothing more: ecomcore, its analytics extra (numpy, scipy, narwhals) and
# the `tour` group (polars, to hold the CDNOW records).
# `--inexact` leaves a development install that is already there in place.
$(VENV)/.demo: pyproject.toml uv.lock | $(UV)
	$(SYNC) --inexact --no-dev --extra analytics --group tour
	touch $@

# Every extra and the development toolchain (the `dev` group), exactly as locked.
$(VENV)/.dev: pyproject.toml uv.lock | $(UV)
	$(SYNC) --all-extras --group dev --group tour
	touch $@ $(VENV)/.demo

# Refresh the lock: re-resolve to the newest releases pyproject.toml allows, then commit uv.lock.
lock: | $(UV)
	$(UV) lock --upgrade

demo: $(VENV)/.demo
	$(BIN)/python -m ecomcore

test: lint types layers pytest docs

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(VENV)/.dev
	$(BIN)/mypy

layers: $(VENV)/.dev
	$(BIN)/lint-imports

# The KPI tests start PySpark in local mode, which needs a Java runtime: install one where it is
# missing (fresh CI machines; needs root and apt, as CI has).
java:
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless; }

# The SQL adapter's tests start a throwaway PostgreSQL server (tests/integration/conftest.py) from
# Debian's server programs: install them where they are missing (needs root and apt, as CI has).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }

pytest: $(VENV)/.dev java postgres
	$(BIN)/pytest --benchmark-disable

# Benchmarks run at full size here (the make-test pass uses small defaults, see each bench file);
# lifetimes 0.11.3 is a benchmark baseline only (the `bench` group), so it is installed here alone.
BENCH_SIZES := ECOMCORE_BENCH_ORDERS=$${ECOMCORE_BENCH_ORDERS:-10000000} \
	ECOMCORE_BENCH_CUSTOMERS=$${ECOMCORE_BENCH_CUSTOMERS:-1000000}

bench: $(VENV)/.dev
	$(SYNC) --inexact --all-extras --group dev --group tour --group bench
	ECOMCORE_BENCH_SCALE=$(ECOMCORE_BENCH_SCALE) $(BENCH_SIZES) $(BIN)/pytest benchmarks --benchmark-only --benchmark-json=benchmarks/.raw.json \
		$(if $(K),-k '$(K)') -q
	$(BIN)/python benchmarks/report.py benchmarks/.raw.json benchmarks/latest.json

docs: $(VENV)/.dev
	$(BIN)/mkdocs build --strict

fmt: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .uv site build dist benchmarks/.raw.json
