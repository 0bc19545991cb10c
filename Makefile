# Every target works on a fresh machine with nothing but Python 3.11+:
# the virtual environment is created on first use and refreshed when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
K ?=
# Benchmarks that scale their data read this: full size under `make bench`, small in `make test`.
ECOMCORE_BENCH_SCALE ?= 1

# Material for MkDocs prints a banner about its successor on every build; we read it once.
export NO_MKDOCS_2_WARNING := 1

.PHONY: demo test lint types layers pytest bench docs fmt clean java

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m ecomcore

test: lint types layers pytest docs

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

# The KPI tests start PySpark in local mode, which needs a Java runtime: install one where it is
# missing (fresh CI machines; needs root and apt, as CI has).
java:
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless; }

pytest: $(STAMP) java
	$(BIN)/pytest --benchmark-disable

# Benchmarks run at full size here (the make-test pass uses small defaults, see each bench file);
# lifetimes 0.11.3 is a benchmark baseline only, so it is installed here and nowhere else.
BENCH_SIZES := ECOMCORE_BENCH_ORDERS=$${ECOMCORE_BENCH_ORDERS:-10000000} \
	ECOMCORE_BENCH_CUSTOMERS=$${ECOMCORE_BENCH_CUSTOMERS:-1000000}

bench: $(STAMP)
	$(BIN)/python -m pip install -qq 'lifetimes==0.11.3'
	ECOMCORE_BENCH_SCALE=$(ECOMCORE_BENCH_SCALE) $(BENCH_SIZES) $(BIN)/pytest benchmarks --benchmark-only --benchmark-json=benchmarks/.raw.json \
		$(if $(K),-k '$(K)') -q
	$(BIN)/python benchmarks/report.py benchmarks/.raw.json benchmarks/latest.json

docs: $(STAMP)
	$(BIN)/mkdocs build --strict

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) site build dist benchmarks/.raw.json
