"""Tour section: a split allocation over two locations, an expired reservation returning stock."""

from datetime import UTC, datetime, timedelta

from ecomcore.cli.tour import storage
from ecomcore.core import FixedClock
from ecomcore.inventory import (
    Location,
    LocationKind,
    ReservationLine,
    StockKey,
    allocate_reservation,
    by_location_priority,
    expire_reservations,
    receive_stock,
    reserve,
    reserve_by_strategy,
)


def show() -> str:
    """Return the inventory section of the tour."""
    uow = storage.stock_unit_of_work()
    clock = FixedClock(datetime(2026, 11, 27, 9, 0, tzinfo=UTC))
    warehouse = Location("berlin-wh", LocationKind.WAREHOUSE, priority=1)
    store = Location("hamburg-store", LocationKind.STORE, priority=2)
    receive_stock(uow, clock, StockKey("mug", warehouse.id), 4, reference="po-1")
    receive_stock(uow, clock, StockKey("mug", store.id), 10, reference="po-2")

    def shelf() -> str:
        levels = uow.stock.levels([StockKey("mug", warehouse.id), StockKey("mug", store.id)])
        return ", ".join(
            f"{key.location}: {lv.on_hand} on hand, {lv.reserved} reserved,"
            f" {lv.allocated} allocated, {lv.available} available"
            for key, lv in levels.items()
        )

    lines = ["Stock of mugs: " + shelf()]
    split = reserve_by_strategy(
        uow, clock, "checkout-1", {"mug": 6},
        locations=[warehouse, store], strategy=by_location_priority, ttl=timedelta(minutes=15),
    )  # fmt: skip
    lines += [
        "",
        "A checkout for 6 mugs, by location priority (the warehouse has only 4): a split",
        "  " + ", ".join(f"{units} from {key.location}" for key, units in split.units),
        "  " + shelf(),
    ]
    reserve(uow, clock, "cart-7", [ReservationLine("mug", 3, store.id)], timedelta(minutes=15))
    allocate_reservation(uow, clock, "checkout-1", "order-1")
    lines += [
        "",
        "The checkout becomes order-1 (allocated, no expiry); a cart holds 3 mugs for 15 minutes:",
        "  " + shelf(),
    ]
    clock.advance(timedelta(minutes=20))
    swept = expire_reservations(uow, clock)
    lines += [
        "",
        "20 minutes later the expiry sweep releases "
        + ", ".join(f"{r.id} ({r.total_units} units)" for r in swept)
        + ":",
        "  " + shelf(),
    ]
    return "\n".join(lines)
