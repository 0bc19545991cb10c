"""Inventory planning benchmark: reorder suggestions for every item and location, against numpy.

Full size is 10,000 items x 3 locations x 730 days of demand. The number of items scales with
the environment variable ``ECOMCORE_BENCH_SCALE``, a fraction of the full size: ``make bench``
sets it to 1 (override with ``make bench ECOMCORE_BENCH_SCALE=0.1``); without it, as in the
single untimed pass of ``make test``, it is 0.01 (100 items), so that pass takes well under a
second. The data are built lazily, on the first call, so collecting the module costs nothing.
"""

import os
from datetime import date
from functools import cache
from typing import Any

import numpy as np
from scipy.special import ndtr, ndtri

from ecomcore.inventory import planning as p
from ratio import ratio_benchmark

SCALE = float(os.environ.get("ECOMCORE_BENCH_SCALE", "0.01"))
ITEMS = max(10, int(10_000 * SCALE))
LOCATIONS = 3
DAYS = 730
SERVICE = 0.95
LEAD, LEAD_STD, MINIMUM, PACK, CYCLE = 7.0, 1.5, 6, 6, 14.0


@cache
def data() -> dict[str, Any]:
    """Two years of daily Poisson demand with item-specific rates, and stock positions."""
    rng = np.random.default_rng(7)
    series = ITEMS * LOCATIONS
    rates = rng.gamma(0.8, 2.5, size=(series, 1))
    matrix = rng.poisson(rates, size=(series, DAYS)).astype(np.float64)
    keys = tuple(
        p.SeriesKey(f"sku-{i // LOCATIONS:05d}", f"loc-{i % LOCATIONS}") for i in range(series)
    )
    history = p.DemandHistory(keys, date(2023, 1, 1), p.DemandPeriod.DAY, matrix)
    positions = [
        p.InventoryPosition(
            key.item, key.location, on_hand=(i * 7) % 60, incoming=(i % 3) * 6,
            allocated=i % 4, backorders=i % 5 == 0,
        )
        for i, key in enumerate(keys)
    ]  # fmt: skip
    supplier = p.Supplier(
        "acme", lead_time_days=LEAD, lead_time_std_days=LEAD_STD, minimum_order=MINIMUM,
        pack_size=PACK, order_cycle_days=CYCLE,
    )  # fmt: skip
    return {
        "history": history,
        "positions": positions,
        "suppliers": {key.item: supplier for key in keys},
        "facts": np.array(
            [[f.on_hand, f.incoming, f.allocated, f.backorders] for f in positions], dtype=float
        ),
    }


def ours() -> list[p.ReorderSuggestion]:
    d = data()
    return p.suggest_reorders(
        d["history"], d["positions"], suppliers=d["suppliers"], service_level=SERVICE
    )


def numpy_reference() -> tuple[Any, ...]:
    """The same figures straight in numpy: no objects, no validation, no explanations."""
    d = data()
    matrix, facts = d["history"].quantities, d["facts"]
    mean = matrix.mean(axis=1)
    std = matrix.std(axis=1, ddof=1)
    position = facts[:, 0] + facts[:, 1] - facts[:, 2] - facts[:, 3]
    expected = mean * LEAD
    spread = np.sqrt(LEAD * std**2 + mean**2 * LEAD_STD**2)
    reorder = expected + ndtri(SERVICE) * spread
    need = np.maximum(np.ceil(reorder + mean * CYCLE - position), MINIMUM)
    quantity = np.where(position <= reorder, np.ceil(need / PACK) * PACK, 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        risk = np.where(spread > 0, ndtr((expected - position) / spread), position < expected)
    return quantity, risk


test_inventory_planning_suggest_30k = ratio_benchmark(
    "inventory_planning_suggest_30k",
    target=2.0,
    baseline="the same reorder figures for 10,000 items x 3 locations x 730 days, straight numpy",
    ours=ours,
    reference=numpy_reference,
)


def test_benchmark_sides_agree() -> None:
    """Both sides compute the same order quantities, so the ratio compares like with like."""
    quantity, risk = numpy_reference()
    suggestions = ours()
    assert [s.order_quantity for s in suggestions] == quantity.astype(int).tolist()
    assert np.allclose([s.stockout_risk for s in suggestions], risk)
