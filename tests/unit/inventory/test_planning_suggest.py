"""Reorder suggestions: position against reorder point, packs and minimums, risk, explanation."""

from datetime import date

import attrs
import numpy as np
import pytest
from scipy.stats import norm

from ecomcore.inventory import planning as p

HISTORY = p.DemandHistory.from_rows(
    {
        ("mug", "berlin"): [2, 3, 1, 2, 4, 0, 2],
        ("mug", "paris"): [0, 0, 0, 0, 0, 0, 0],
        ("cap", "berlin"): [10, 10, 10, 10, 10, 10, 10],
    },
    start=date(2024, 1, 1),
)
SUPPLIERS = {
    "mug": p.Supplier("acme", lead_time_days=5, pack_size=6, minimum_order=12),
    "cap": p.Supplier("hats", lead_time_days=2, order_cycle_days=7),
}


@attrs.frozen
class LiveStock:
    """Stands in for the inventory context's stock record: any object with the four facts."""

    item: str
    location: str
    on_hand: int
    incoming: int
    allocated: int
    backorders: int
    reserved: int = 0


def test_an_item_at_or_below_its_reorder_point_is_ordered_in_whole_packs() -> None:
    """Order up to r + cycle demand, rounded up to packs; figures follow the documented formulas."""
    [mug] = p.suggest_reorders(
        HISTORY,
        [LiveStock("mug", "berlin", on_hand=9, incoming=2, allocated=3, backorders=1)],
        suppliers=SUPPLIERS,
    )
    std = float(np.std([2, 3, 1, 2, 4, 0, 2], ddof=1))
    assert mug.inventory_position == 7
    assert mug.demand_per_day == pytest.approx(2)
    assert mug.safety_stock == pytest.approx(norm.ppf(0.95) * std * 5**0.5)
    assert mug.reorder_point == pytest.approx(10 + mug.safety_stock)
    assert mug.order_up_to == pytest.approx(mug.reorder_point + 2 * 14)
    assert mug.order_quantity % 6 == 0
    assert mug.order_quantity - 6 < mug.order_up_to - 7 <= mug.order_quantity
    assert mug.stockout_risk == pytest.approx(norm.sf(7, loc=10, scale=std * 5**0.5))
    assert "backorders 1" in mug.explanation
    assert "packs of 6" in mug.explanation


def test_no_order_above_the_reorder_point_and_minimums_apply() -> None:
    """Enough stock: no order. No demand but nothing on hand: the minimum order, in packs."""
    cap, quiet = p.suggest_reorders(
        HISTORY,
        [
            p.InventoryPosition("cap", "berlin", on_hand=100),
            p.InventoryPosition("mug", "paris", on_hand=0),
        ],
        suppliers=SUPPLIERS,
    )
    assert not cap.should_order
    assert "no order" in cap.explanation
    assert cap.stockout_risk == 0
    assert quiet.order_quantity == 12


def test_weekly_history_is_turned_into_daily_rates() -> None:
    """A weekly history of 70 a week plans like 10 a day."""
    weekly = p.DemandHistory.from_rows(
        {("cap", "berlin"): [70, 70, 70]}, start=date(2024, 1, 1), period=p.DemandPeriod.WEEK
    )
    [cap] = p.suggest_reorders(
        weekly, [p.InventoryPosition("cap", "berlin", on_hand=5)], suppliers=SUPPLIERS
    )
    assert cap.demand_per_day == pytest.approx(10)
    assert cap.reorder_point == pytest.approx(20)
    assert cap.order_quantity == 20 + 70 - 5


def test_missing_supplier_or_history_is_a_clear_error() -> None:
    """A position with no supplier or no history is refused, naming what is missing."""
    with pytest.raises(p.PlanningInputError, match="tent"):
        p.suggest_reorders(
            HISTORY, [p.InventoryPosition("tent", "berlin", on_hand=1)], suppliers=SUPPLIERS
        )
    with pytest.raises(p.PlanningInputError, match="rome"):
        p.suggest_reorders(
            HISTORY, [p.InventoryPosition("mug", "rome", on_hand=1)], suppliers=SUPPLIERS
        )
    with pytest.raises(p.PlanningInputError) as error:
        p.Supplier("acme", lead_time_days=3, pack_size=0)
    assert error.value.field == "pack_size"
