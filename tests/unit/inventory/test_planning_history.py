"""Demand history, demand classes and the inventory analysis measures."""

import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from ecomcore.core import CurrencyMismatchError, Money
from ecomcore.inventory import planning as p


def test_history_sums_per_day_and_fills_quiet_days_with_zero() -> None:
    """Lines on the same day add up; days without lines are zeros; keys are sorted."""
    lines = [
        p.DemandRecord("mug", "berlin", date(2024, 1, 3), 2),
        p.DemandRecord("cap", "paris", datetime(2024, 1, 1, 23, tzinfo=UTC), 1),
        p.DemandRecord("mug", "berlin", date(2024, 1, 1), Decimal(4)),
        p.DemandRecord("mug", "berlin", date(2024, 1, 3), 1),
    ]
    history = p.demand_history(lines)
    assert history.keys == (p.SeriesKey("cap", "paris"), p.SeriesKey("mug", "berlin"))
    assert history.start == date(2024, 1, 1)
    assert history.series("mug", "berlin") == (4, 0, 3)
    assert history.series("cap", "paris") == (1, 0, 0)


def test_weekly_history_buckets_by_iso_week_within_the_range() -> None:
    """Weeks start on Monday; an explicit range drops what falls outside it."""
    lines = [
        p.DemandRecord("mug", "berlin", date(2024, 1, 7), 2),  # Sunday of week 1
        p.DemandRecord("mug", "berlin", date(2024, 1, 8), 5),  # Monday of week 2
        p.DemandRecord("mug", "berlin", date(2024, 2, 1), 9),  # outside the range
    ]
    history = p.demand_history(
        lines, period=p.DemandPeriod.WEEK, start=date(2024, 1, 3), end=date(2024, 1, 22)
    )
    assert history.start == date(2024, 1, 1)
    assert history.series("mug", "berlin") == (2, 5, 0)


@pytest.mark.parametrize(
    ("lines", "field"),
    [
        ([], "observations"),
        ([p.DemandRecord("mug", "berlin", date(2024, 1, 1), -1)], "observations[0].quantity"),
    ],
)
def test_bad_history_is_refused_naming_the_field(lines: list[p.DemandRecord], field: str) -> None:
    """No observations at all, or a negative quantity (a return), is a PlanningInputError."""
    with pytest.raises(p.PlanningInputError) as error:
        p.demand_history(lines)
    assert error.value.field == field


def test_unknown_series_is_a_clear_error() -> None:
    """Asking for an item and location the history does not hold names both."""
    history = p.DemandHistory.from_rows({("mug", "berlin"): [1, 2]}, start=date(2024, 1, 1))
    with pytest.raises(p.PlanningInputError, match="paris"):
        history.series("mug", "paris")


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        ([3, 4, 3, 5, 4, 3], p.DemandClass.SMOOTH),
        ([1, 9, 2, 12, 1, 8], p.DemandClass.ERRATIC),
        ([0, 0, 3, 0, 0, 4, 0, 0, 3], p.DemandClass.INTERMITTENT),
        ([0, 0, 1, 0, 0, 9, 0, 0, 2], p.DemandClass.LUMPY),
        ([0, 0, 0], p.DemandClass.INTERMITTENT),
    ],
)
def test_syntetos_boylan_classes(series: list[int], expected: p.DemandClass) -> None:
    """ADI against 1.32 and CV^2 against 0.49 put each series in its quadrant."""
    assert p.classify_demand(series).demand_class is expected


def test_abc_xyz_and_the_ratios() -> None:
    """ABC by value share, XYZ by variability; turnover, days, GMROI and rates, worked numbers."""
    assert p.abc_classes({"tv": 700, "cable": 150, "pen": 100, "mug": 50}) == {
        "tv": "A", "cable": "A", "pen": "B", "mug": "C",
    }  # fmt: skip
    assert p.xyz_classes({"mug": [10, 11, 9, 10], "tent": [0, 0, 12, 0]}) == {
        "mug": "X",
        "tent": "Z",
    }
    cogs, stock = Money("120000", "EUR"), Money("20000", "EUR")
    assert p.inventory_turnover(cogs, stock) == 6
    assert p.days_of_inventory(cogs, stock) == Decimal(365) / 6
    assert p.gmroi(Money("45000", "EUR"), stock) == Decimal("2.25")
    assert p.sell_through(45, 60) == Decimal("0.75")
    assert p.fill_rate(95, 100) == Decimal("0.95")
    assert p.stockout_rate(3, 30) == Decimal("0.1")
    with pytest.raises(CurrencyMismatchError):
        p.gmroi(Money("1", "EUR"), Money("1", "USD"))
    with pytest.raises(p.PlanningInputError):
        p.fill_rate(120, 100)


def test_importing_planning_loads_neither_numpy_nor_scipy() -> None:
    """`import ecomcore.inventory.planning` stays light: numpy and scipy load only when used."""
    code = (
        "import sys, ecomcore.inventory.planning; "
        "print(sorted(m for m in ('numpy', 'scipy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
