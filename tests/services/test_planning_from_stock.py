"""Reorder suggestions from a live in-memory stock repository, end to end, with worked numbers."""

import math
from datetime import UTC, date, datetime, timedelta

import pytest

from ecomcore.adapters.memory import InMemoryStockUnitOfWork
from ecomcore.core import FixedClock
from ecomcore.inventory import (
    ReservationLine,
    StockKey,
    StockPolicy,
    allocate_reservation,
    configure_stock,
    expect_receipt,
    receive_stock,
    reserve,
    return_to_stock,
    ship_reservation,
)
from ecomcore.inventory.planning import (
    PlanningInputError,
    Supplier,
    suggest_reorders_from_stock,
)

MUG, PLATE, CUP = StockKey("mug", "wh"), StockKey("plate", "wh"), StockKey("cup", "store")
Z95 = 1.6448536269514722  # the standard normal's 95% quantile
SUPPLIERS = {
    "mug": Supplier("Keramik", lead_time_days=30, pack_size=6, minimum_order=12),
    "plate": Supplier("Teller", lead_time_days=5),
    "cup": Supplier("Tassen", lead_time_days=5, minimum_order=4),
}


def _ship(uow: InMemoryStockUnitOfWork, clock: FixedClock, day: int, units: int) -> None:
    """Reserve, allocate and ship ``units`` mugs on 2026-05-``day``."""
    clock.advance(datetime(2026, 5, day, 10, tzinfo=UTC) - clock.now())
    name = f"ship-{day}"
    reserve(uow, clock, name, [ReservationLine("mug", units, "wh")], timedelta(hours=1))
    allocate_reservation(uow, clock, name, f"order-{day}")
    ship_reservation(uow, clock, name)


@pytest.fixture
def uow() -> InMemoryStockUnitOfWork:
    """A week of mug sales, a return, open holds, a backordered plate and a configured cup."""
    uow = InMemoryStockUnitOfWork()
    clock = FixedClock(datetime(2026, 4, 30, 9, tzinfo=UTC))
    receive_stock(uow, clock, MUG, 40, reference="po-1")
    receive_stock(uow, clock, PLATE, 3, reference="po-2")
    configure_stock(uow, clock, CUP, safety_stock=2, reorder_point=1)
    _ship(uow, clock, 1, 2)
    _ship(uow, clock, 4, 4)
    _ship(uow, clock, 6, 1)
    return_to_stock(uow, clock, MUG, 1, reference="rma-1")
    expect_receipt(uow, clock, MUG, 12, reference="po-7", due=date(2026, 5, 20))
    reserve(uow, clock, "cart", [ReservationLine("mug", 3, "wh")], timedelta(hours=1))
    reserve(uow, clock, "placed", [ReservationLine("mug", 2, "wh")], timedelta(hours=1))
    allocate_reservation(uow, clock, "placed", "order-9")
    backorders = StockPolicy(backorder_limit=5)
    reserve(uow, clock, "pre", [ReservationLine("plate", 5, "wh")], timedelta(hours=1),
            policy=backorders)  # fmt: skip
    return uow


def test_every_stored_level_gets_a_suggestion_in_key_order(uow: InMemoryStockUnitOfWork) -> None:
    """A level only configured, never moved or shipped, is still planned for."""
    suggestions = suggest_reorders_from_stock(
        uow, suppliers=SUPPLIERS, as_of=date(2026, 5, 8), history_days=7
    )
    assert [StockKey(s.item, s.location) for s in suggestions] == [CUP, MUG, PLATE]
    cup = suggestions[0]
    assert (cup.inventory_position, cup.demand_per_day) == (0.0, 0.0)


def test_the_mug_is_planned_from_its_levels_and_shipments(uow: InMemoryStockUnitOfWork) -> None:
    """Position 41 and 1 mug a day (returns not netted) give an order of 18 mugs."""
    [mug] = suggest_reorders_from_stock(
        uow, suppliers=SUPPLIERS, as_of=date(2026, 5, 8), history_days=7, keys=[MUG]
    )
    # on hand 40 - 7 shipped + 1 returned = 34; incoming 12; committed 3 held + 2 allocated.
    facts = mug.facts
    assert (facts.on_hand, facts.incoming, facts.allocated, facts.backorders) == (34, 12, 5, 0)
    assert mug.inventory_position == 41
    # Shipments 2, 0, 0, 4, 0, 1, 0 from May 1 to 7: mean 1, sample variance 14 / 6.
    assert mug.demand_per_day == pytest.approx(1.0)
    assert mug.demand_std_per_day == pytest.approx(math.sqrt(14 / 6))
    # 30 days of lead time: expect 30, sd sqrt(30 * 14 / 6) = sqrt(70).
    assert mug.lead_time_demand == pytest.approx(30.0)
    assert mug.reorder_point == pytest.approx(30 + Z95 * math.sqrt(70))
    # Up to 43.76 + 14 days x 1 = 57.76: 16.76 short -> 17 -> three packs of 6 = 18.
    assert mug.order_quantity == 18
    assert mug.stockout_risk == pytest.approx(0.5 * math.erfc(11 / math.sqrt(70) / math.sqrt(2)))


def test_a_backordered_plate_is_ordered_back_above_zero(uow: InMemoryStockUnitOfWork) -> None:
    """5 plates held against 3 on hand: 3 allocated, 2 backorders, position -2, order 2."""
    [plate] = suggest_reorders_from_stock(
        uow, suppliers=SUPPLIERS, as_of=date(2026, 5, 8), history_days=7, keys=[PLATE]
    )
    assert (plate.facts.allocated, plate.facts.backorders) == (3, 2)
    assert plate.inventory_position == -2
    assert (plate.demand_per_day, plate.reorder_point) == (0.0, 0.0)
    assert (plate.order_quantity, plate.stockout_risk) == (2, 1.0)


def test_incoming_can_be_limited_to_receipts_due_in_time(uow: InMemoryStockUnitOfWork) -> None:
    """Leaving out the receipt due May 20 takes its 12 mugs off the position."""
    [mug] = suggest_reorders_from_stock(
        uow, suppliers=SUPPLIERS, as_of=date(2026, 5, 8), history_days=7, keys=[MUG],
        incoming_due_by=date(2026, 5, 15),
    )  # fmt: skip
    assert (mug.facts.incoming, mug.inventory_position) == (0, 29)


def test_shipments_before_the_window_are_left_out(uow: InMemoryStockUnitOfWork) -> None:
    """A three-day history from May 5 sees only the single mug shipped on May 6."""
    [mug] = suggest_reorders_from_stock(
        uow, suppliers=SUPPLIERS, as_of=date(2026, 5, 8), history_days=3, keys=[MUG]
    )
    assert mug.demand_per_day == pytest.approx(1 / 3)


def test_an_item_without_a_supplier_or_an_empty_store_is_refused() -> None:
    """Planning says what is missing instead of guessing."""
    uow = InMemoryStockUnitOfWork()
    with pytest.raises(PlanningInputError, match="keys"):
        suggest_reorders_from_stock(uow, suppliers=SUPPLIERS, as_of=date(2026, 5, 8))
    receive_stock(uow, FixedClock(datetime(2026, 5, 1, tzinfo=UTC)), StockKey("bowl", "wh"), 1,
                  reference="po")  # fmt: skip
    with pytest.raises(PlanningInputError, match="suppliers"):
        suggest_reorders_from_stock(uow, suppliers=SUPPLIERS, as_of=date(2026, 5, 8))
    with pytest.raises(PlanningInputError, match="history_days"):
        suggest_reorders_from_stock(
            uow, suppliers=SUPPLIERS, as_of=date(2026, 5, 8), history_days=0
        )
