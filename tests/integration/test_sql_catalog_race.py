"""Processes racing to claim one SKU, or one handle, store exactly one product per claim.

Every process creates products ``0 .. COUNT-1`` in the same order, one per commit, so the
commits claiming one SKU (or handle) run at about the same time. Counts are printed (``pytest
-s`` shows them).
"""

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from ecomcore.adapters.sqlalchemy import Database, SqlCatalogUnitOfWork
from ecomcore.adapters.sqlalchemy._catalog_tables import (
    catalog_handle,
    catalog_product,
    catalog_sku,
)

WORKER = Path(__file__).with_name("catalog_race_worker.py")
COUNT = 60
PROCESSES = 8


def _race(database: Database, mode: str) -> list[dict[str, list[int]]]:
    url = database.url.render_as_string(hide_password=False)
    workers = [
        subprocess.Popen(
            [sys.executable, str(WORKER), url, str(worker), str(COUNT), mode],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        for worker in range(PROCESSES)
    ]  # fmt: skip
    for worker in workers:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    results = [json.loads(worker.communicate(timeout=600)[0]) for worker in workers]
    assert [worker.returncode for worker in workers] == [0] * PROCESSES
    return results


def _count(database: Database, table: sa.Table) -> int:
    with database.reading() as connection:
        counted: int = connection.execute(
            sa.select(sa.func.count()).select_from(table)
        ).scalar_one()
    return counted


@pytest.mark.parametrize("mode", ["sku", "handle"])
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_one_claim_is_stored_once(
    backend: str, mode: str, open_database: Callable[[str], Database]
) -> None:
    """Each SKU (or handle) is stored for one product; every other claim of it is refused."""
    database = open_database(backend)
    results = _race(database, mode)
    winners = Counter(n for result in results for n in result["stored"])
    refused = sum(len(result["refused"]) for result in results)
    gave_up = sum(len(result["gave_up"]) for result in results)
    print(
        f"\n{backend}, {PROCESSES} processes claiming {COUNT} {mode}s each: stored "
        f"{sum(winners.values())}, refused {refused}, gave up {gave_up}"
    )
    assert winners == Counter(range(COUNT))  # each n stored by exactly one process
    assert refused == COUNT * (PROCESSES - 1)
    assert gave_up == 0
    products = SqlCatalogUnitOfWork(database).products
    for worker, result in enumerate(results):
        for n in result["stored"]:
            found = (
                products.get_by_sku(f"SKU-{n}") if mode == "sku"
                else products.get_by_handle(f"item-{n}")
            )  # fmt: skip
            assert found.id == f"p-{worker}-{n}"
    assert [
        _count(database, table) for table in (catalog_product, catalog_handle, catalog_sku)
    ] == [COUNT] * 3
