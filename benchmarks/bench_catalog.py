"""Catalog benchmarks: bulk import of variant rows against merely validating them with pydantic.

The data is built lazily, once, by an autouse fixture: 100,000 rows when benchmarking, and a
small file when ``make test`` runs the benchmarks once with ``--benchmark-disable`` (then the
pass only checks that both sides run, in well under a second).
"""

import csv
import io
from datetime import UTC, datetime
from functools import cache
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, Field, create_model

from ecomcore.core import FixedClock
from ecomcore.schemas import CSV_COLUMNS, import_catalog_csv
from ecomcore.testing import sample_catalog_csv
from ratio import ratio_benchmark

FULL_ROWS = 100_000
SMOKE_ROWS = 500
CLOCK = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))

# The floor: a bare pydantic model of the same columns, every one a plain string.
BareRow = create_model(
    "BareRow",
    __config__=ConfigDict(extra="ignore", str_strip_whitespace=True),
    **{f"column_{i}": (str, Field("", alias=name)) for i, name in enumerate(CSV_COLUMNS)},  # type: ignore[call-overload]
)


@cache
def catalog_text(rows: int) -> str:
    return sample_catalog_csv(rows, seed=2026).text


_size = {"rows": SMOKE_ROWS}


@pytest.fixture(autouse=True)
def _catalog_size(benchmark: Any) -> None:
    _size["rows"] = SMOKE_ROWS if benchmark.disabled else FULL_ROWS
    catalog_text(_size["rows"])  # built before timing starts


def bare_validation() -> list[BaseModel]:
    """Read the same CSV and validate every row with the bare model: nothing else."""
    reader = csv.reader(io.StringIO(catalog_text(_size["rows"])))
    header = next(reader)
    return [BareRow.model_validate(dict(zip(header, record, strict=True))) for record in reader]


test_catalog_import_100k = ratio_benchmark(
    "catalog_import_100k",
    target=3.0,
    baseline="reading the same CSV and validating each row with a bare pydantic model",
    ours=lambda: import_catalog_csv(catalog_text(_size["rows"]), clock=CLOCK),
    reference=bare_validation,
)
