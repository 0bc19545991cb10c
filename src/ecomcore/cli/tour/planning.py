"""Tour section: forecasts for intermittent demand, the book's EOQ, and reorder suggestions.

The suggestions are planned from live in-memory stock: eight weeks of shipments
through reserve, allocate and ship, then the stock each location holds today.
"""

from datetime import UTC, date, datetime, timedelta

from ecomcore.cli.tour import storage
from ecomcore.core import FixedClock
from ecomcore.inventory import (
    InventoryUnitOfWork,
    ReservationLine,
    StockKey,
    StockPolicy,
    allocate_reservation,
    expect_receipt,
    receive_stock,
    reserve,
    ship_reservation,
)
from ecomcore.inventory import planning as p

START = date(2024, 1, 1)
DAYS = 56
PATTERNS = {
    ("mug", "berlin"): [3, 2, 4, 3, 1, 2, 3],
    ("mug", "paris"): [1, 0, 2, 1, 0, 1, 1],
    ("tent", "berlin"): [0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 5],
}
# What each location holds once the eight weeks have shipped: on hand, then units allocated.
TODAY = {("mug", "berlin"): (18, 4), ("mug", "paris"): (30, 2), ("tent", "berlin"): (3, 4)}
_HOUR = timedelta(hours=1)


_NO_BACKORDERS = StockPolicy()


def _hold(
    uow: InventoryUnitOfWork, clock: FixedClock, name: str, key: tuple[str, str], *,
    units: int, order: str, policy: StockPolicy = _NO_BACKORDERS,
) -> None:  # fmt: skip
    """Reserve ``units`` of ``key`` and allocate them to ``order``."""
    item, location = key
    reserve(uow, clock, name, [ReservationLine(item, units, location)], _HOUR,
            policy=policy)  # fmt: skip
    allocate_reservation(uow, clock, name, order)


def live_stock() -> InventoryUnitOfWork:
    """Eight weeks of made-up, deterministic sales shipped through the tour's stock."""
    uow = storage.stock_unit_of_work()
    clock = FixedClock(datetime(2023, 12, 31, 9, tzinfo=UTC))
    for key, pattern in PATTERNS.items():
        shipped = sum(pattern[day % len(pattern)] for day in range(DAYS))
        receive_stock(uow, clock, StockKey(*key), shipped + TODAY[key][0], reference="po")
    for day in range(DAYS):
        clock.advance(timedelta(days=1))
        for key, pattern in PATTERNS.items():
            if units := pattern[day % len(pattern)]:
                name = f"{key[0]}-{key[1]}-{day}"
                _hold(uow, clock, name, key, units=units, order=f"order-{name}")
                ship_reservation(uow, clock, name)
    clock.advance(timedelta(days=1))
    expect_receipt(uow, clock, StockKey("mug", "paris"), 12, reference="po-9",
                   due=clock.now().date() + timedelta(days=3))  # fmt: skip
    for key, (_, allocated) in TODAY.items():
        # Tents may be sold one past the shelf: 4 allocated against 3 on hand is a backorder.
        _hold(uow, clock, f"today-{key[0]}-{key[1]}", key, units=allocated,
              order="open-order", policy=StockPolicy(backorder_limit=1))  # fmt: skip
    return uow


def show() -> str:
    """Return the planning section of the tour."""
    uow = live_stock()
    as_of = START + timedelta(days=DAYS)
    history = p.demand_history(p.shipments_as_demand(uow.stock.movements()), start=START, end=as_of)
    tent = history.series("tent", "berlin")
    profile = p.classify_demand(tent)
    forecast = p.auto_forecast(tent)
    lot = p.economic_order_quantity(fixed_cost=8, holding_cost=0.225, demand_rate=1300)
    lines = [
        f"Tents in Berlin: ADI {profile.adi:.2f}, CV^2 {profile.cv2:.2f} -> "
        f"{profile.demand_class.value}; {forecast.method} forecasts {forecast.level:.3f} a day.",
        f"Snyder & Shen Example 3.1: EOQ {lot.order_quantity:.2f} units, {lot.cost:.2f} a year.",
        "",
        "Reorder suggestions at a 95% cycle service level, from live stock levels and shipments:",
    ]
    suppliers = {
        "mug": p.Supplier("Keramik GmbH", lead_time_days=5, pack_size=6, minimum_order=12),
        "tent": p.Supplier("Outdoor Ltd", lead_time_days=14, lead_time_std_days=3),
    }
    suggestions = p.suggest_reorders_from_stock(
        uow, suppliers=suppliers, as_of=as_of, history_days=DAYS,
        keys=[StockKey(*key) for key in TODAY],  # the tour's --db may hold other sections' stock
    )  # fmt: skip
    for suggestion in suggestions:
        lines += ["", suggestion.explanation]
    return "\n".join(lines)
