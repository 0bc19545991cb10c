"""Inventory benchmarks: reservations per second through the service and the memory unit of work.

The baseline is a bare dict guarded by one lock doing the same arithmetic per reservation: look up
the idempotency key, sum demand per (item, location), check available (on hand - reserved -
allocated - safety stock) for every key, hold all or nothing, record the reservation with its
expiry and append one ledger entry per key. Both sides run 200 two-line reservations per round,
single-threaded and spread over 8 threads, each round on a fresh store (so the heap, and the
garbage collector's work, stay the same size however many rounds run).
"""

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from ecomcore.adapters.memory import InMemoryStockStore, InMemoryStockUnitOfWork
from ecomcore.core import FixedClock
from ecomcore.inventory import ReservationLine, StockKey, receive_stock, reserve
from ratio import ratio_benchmark

BATCH = 200
THREADS = 8
STOCK = 10**12  # never runs out, however many rounds the benchmark takes
TTL = timedelta(minutes=15)
CLOCK = FixedClock(datetime(2026, 5, 4, 9, 0, tzinfo=UTC))
LINES = [ReservationLine("mug", 2, "wh"), ReservationLine("plate", 1, "wh")]
_ids = itertools.count()


def _store() -> InMemoryStockStore:
    store = InMemoryStockStore()
    for sku in ("mug", "plate"):
        receive_stock(
            InMemoryStockUnitOfWork(store), CLOCK, StockKey(sku, "wh"), STOCK, reference="po"
        )
    return store


def ours(count: int = BATCH, store: InMemoryStockStore | None = None) -> None:
    uow = InMemoryStockUnitOfWork(store or _store())  # one unit of work per thread
    for _ in range(count):
        reserve(uow, CLOCK, f"r{next(_ids)}", LINES, TTL)


class DictAndLock:
    """The same bookkeeping with plain dicts, tuples and one lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.levels = {
            ("mug", "wh"): [STOCK, 0, 0, 0],
            ("plate", "wh"): [STOCK, 0, 0, 0],
        }  # on hand, reserved, allocated, safety stock
        self.reservations: dict[str, tuple[object, ...]] = {}
        self.ledger: list[tuple[object, ...]] = []

    def reserve(self, reservation_id: str, lines: list[tuple[str, int, str]]) -> None:
        now = CLOCK.now()
        wanted: dict[tuple[str, str], int] = {}
        for sku, quantity, location in lines:
            wanted[(sku, location)] = wanted.get((sku, location), 0) + quantity
        with self.lock:
            if reservation_id in self.reservations:
                return
            for key, quantity in wanted.items():
                on_hand, reserved, allocated, safety = self.levels[key]
                if on_hand - reserved - allocated - safety < quantity:
                    raise ValueError(f"short of {key}")
            for key, quantity in wanted.items():
                self.levels[key][1] += quantity
                self.ledger.append((key, "reservation", now, reservation_id, quantity))
            self.reservations[reservation_id] = (tuple(wanted.items()), now, now + TTL)


PLAIN_LINES = [(line.sku, line.quantity, line.location) for line in LINES]


def reference(count: int = BATCH, baseline: DictAndLock | None = None) -> None:
    baseline = baseline or DictAndLock()
    for _ in range(count):
        baseline.reserve(f"b{next(_ids)}", PLAIN_LINES)


_pool: list[ThreadPoolExecutor] = []


def in_threads(work: Callable[[int, Any], None], store: Callable[[], object]) -> Callable[[], None]:
    """Run ``work`` for BATCH reservations on one fresh store, over THREADS threads (one pool)."""

    def run() -> None:
        if not _pool:
            _pool.append(ThreadPoolExecutor(THREADS))
        shared = store()
        share = BATCH // THREADS
        for future in [_pool[0].submit(work, share, shared) for _ in range(THREADS)]:
            future.result()

    return run


test_inventory_reserve_single_thread = ratio_benchmark(
    "inventory_reserve_single_thread",
    target=4.0,
    baseline="the same two-line all-or-nothing reservation on a dict under one lock",
    ours=ours,
    reference=reference,
)

test_inventory_reserve_8_threads = ratio_benchmark(
    "inventory_reserve_8_threads",
    target=4.0,
    baseline="the same, 200 reservations over 8 threads, on a dict under one lock",
    ours=in_threads(ours, _store),
    reference=in_threads(reference, DictAndLock),
)
