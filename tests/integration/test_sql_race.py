"""Processes racing reservations for scarce stock oversell nothing and hold no cart twice.

Each cart id is reserved by two different processes (a checkout retried on another server
with the same idempotency key). Counts are printed (``pytest -s`` shows them).
"""

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ecomcore.adapters.sqlalchemy import Database, SqlStockUnitOfWork
from ecomcore.core import FixedClock
from ecomcore.inventory import MovementReason, StockKey, receive_stock, replay

WORKER = Path(__file__).with_name("race_worker.py")
CARTS = 240
STOCK = {"mug": 150, "plate": 90}  # carts ask for about 480 mugs and 240 plates


def _race(database: Database, processes: int) -> dict[str, object]:
    clock = FixedClock(datetime(2026, 5, 4, 8, tzinfo=UTC))
    for sku, units in STOCK.items():
        receive_stock(SqlStockUnitOfWork(database), clock, StockKey(sku, "wh"), units,
                      reference="po-1")  # fmt: skip
    url = database.url.render_as_string(hide_password=False)
    # Cart c goes to processes c % n and (c + 1) % n: every id is tried twice, concurrently.
    shares: list[list[int]] = [[] for _ in range(processes)]
    for cart in range(CARTS):
        shares[cart % processes].append(cart)
        shares[(cart + 1) % processes].append(cart)
    workers = [
        subprocess.Popen(
            [sys.executable, str(WORKER), url, *map(str, share)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        for share in shares
    ]  # fmt: skip
    for worker in workers:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    results = [json.loads(worker.communicate(timeout=600)[0]) for worker in workers]
    assert [worker.returncode for worker in workers] == [0] * processes
    return {"results": results}


@pytest.mark.parametrize(
    ("backend", "processes"), [("sqlite", 8), ("postgresql", 16)], ids=["sqlite", "postgresql"]
)
def test_racing_processes_oversell_nothing(
    backend: str, processes: int, open_database: Callable[[str], Database]
) -> None:
    """No unit sold twice, no cart held twice, and the ledger replays to the levels."""
    database = open_database(backend)
    results = _race(database, processes)["results"]
    assert isinstance(results, list)
    stock = SqlStockUnitOfWork(database).stock
    keys = [StockKey(sku, "wh") for sku in STOCK]
    levels = stock.levels(keys)

    answers: dict[str, list[object]] = {}
    for result in results:
        for name, units in result["held"].items():
            answers.setdefault(name, []).append(units)
    # A cart answered twice with different units was held twice.
    double = sorted(name for name, seen in answers.items() if any(s != seen[0] for s in seen))
    ledger = stock.movements()
    reservations_in_ledger = Counter(
        m.reference for m in ledger if m.reason is MovementReason.RESERVATION
    )
    stored = {name: stock.find_reservation(name) for name in answers}
    held_twice = sorted(
        name for name, reservation in stored.items()
        if reservation is None or reservations_in_ledger[name] != len(reservation.units)
    )  # fmt: skip
    held_units = Counter[str]()
    for reservation in stored.values():
        assert reservation is not None
        for key, units in reservation.units:
            held_units[key.sku] += units
    # Units held by the reservations stored, beyond the units there were (and the levels agree).
    oversold = {sku: max(0, held_units[sku] - units) for sku, units in STOCK.items()}
    gave_up = sum(len(result["gave_up"]) for result in results)
    short = len({name for result in results for name in result["short"]} - set(answers))
    print(
        f"\n{backend}, {processes} processes, {CARTS} carts each tried twice: "
        f"held {len(answers)}, short {short}, gave up {gave_up}; "
        f"reserved {dict(held_units)} of {STOCK}; oversold {oversold}; "
        f"carts held twice {len(double) + len(held_twice)}"
    )
    assert oversold == {"mug": 0, "plate": 0}
    assert double == []
    assert held_twice == []
    assert {key.sku: levels[key].reserved for key in keys} == dict(held_units)
    assert replay(ledger) == {key: levels[key].quantities() for key in keys}
    assert gave_up == 0
    assert len(answers) + short == CARTS
