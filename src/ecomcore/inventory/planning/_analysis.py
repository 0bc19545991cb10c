"""Inventory analysis: ABC by value, XYZ by variability, turnover, days of inventory and friends."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import moneyed

from ecomcore.core import CurrencyMismatchError
from ecomcore.inventory.planning._errors import PlanningInputError, require_demand


def abc_classes(
    values: Mapping[str, Decimal | int],
    *,
    a: Decimal = Decimal("0.8"),
    b: Decimal = Decimal("0.95"),
) -> dict[str, str]:
    """Class items A, B or C by their share of total value (Pareto).

    Items are ranked by value, highest first (ties by item name); an item is A while the
    cumulative share before it is below ``a``, B while below ``b``, else C. So the items making up
    the first 80% of value are A, the next 15% B, the rest C.

    Examples:
        >>> abc_classes({"tv": 700, "mug": 50, "cable": 150, "pen": 100})
        {'tv': 'A', 'cable': 'A', 'pen': 'B', 'mug': 'C'}
    """
    if not values:
        raise PlanningInputError("values", dict(values), "one item or more")
    for item, value in values.items():
        if isinstance(value, float) or Decimal(value) < 0:
            raise PlanningInputError(f"values[{item!r}]", value, "an int or Decimal, zero or more")
    if not Decimal(0) < a < b <= Decimal(1):
        raise PlanningInputError("a, b", (a, b), "cut-offs with 0 < a < b <= 1")
    total = Decimal(sum(Decimal(v) for v in values.values()))
    ranked = sorted(values.items(), key=lambda pair: (-Decimal(pair[1]), pair[0]))
    classes: dict[str, str] = {}
    before = Decimal(0)
    for item, value in ranked:
        share = before / total if total else Decimal(0)
        classes[item] = "A" if share < a else "B" if share < b else "C"
        before += Decimal(value)
    return classes


def xyz_classes(
    series: Mapping[str, Sequence[float]], *, x: float = 0.5, y: float = 1.0
) -> dict[str, str]:
    """Class items X, Y or Z by the coefficient of variation of their demand per period.

    CV = population standard deviation / mean; X below ``x`` (steady), Y below ``y``, Z
    otherwise (erratic, or no demand at all).

    Examples:
        >>> xyz_classes({"mug": [10, 11, 9, 10], "tent": [0, 0, 12, 0], "pen": [5, 2, 8, 1]})
        {'mug': 'X', 'tent': 'Z', 'pen': 'Y'}
    """
    classes: dict[str, str] = {}
    for item, values in series.items():
        demand = require_demand(f"series[{item!r}]", values)
        mean = sum(demand) / len(demand)
        if mean == 0:
            classes[item] = "Z"
            continue
        cv = (sum((d - mean) ** 2 for d in demand) / len(demand)) ** 0.5 / mean
        classes[item] = "X" if cv < x else "Y" if cv < y else "Z"
    return classes


def _ratio(field: str, numerator: moneyed.Money, denominator: moneyed.Money) -> Decimal:
    if numerator.currency != denominator.currency:
        raise CurrencyMismatchError(str(numerator.currency), str(denominator.currency))
    if denominator.amount <= 0:
        raise PlanningInputError(field, denominator, "an amount above zero")
    return Decimal(numerator.amount) / Decimal(denominator.amount)


def inventory_turnover(
    cost_of_goods_sold: moneyed.Money, average_inventory_cost: moneyed.Money
) -> Decimal:
    """How many times the inventory sold through in the period: COGS / average inventory at cost.

    Examples:
        >>> from ecomcore.core import Money
        >>> inventory_turnover(Money("120000", "EUR"), Money("20000", "EUR"))
        Decimal('6')
    """
    return _ratio("average_inventory_cost", cost_of_goods_sold, average_inventory_cost)


def days_of_inventory(
    cost_of_goods_sold: moneyed.Money, average_inventory_cost: moneyed.Money, *, days: int = 365
) -> Decimal:
    """Days the average inventory lasts at the period's rate of sale: days / turnover.

    Examples:
        >>> from ecomcore.core import Money
        >>> days_of_inventory(Money("120000", "EUR"), Money("20000", "EUR"), days=360)
        Decimal('60')
    """
    if days < 1:
        raise PlanningInputError("days", days, "a whole number of days, 1 or more")
    return days / inventory_turnover(cost_of_goods_sold, average_inventory_cost)


def gmroi(gross_margin: moneyed.Money, average_inventory_cost: moneyed.Money) -> Decimal:
    """Gross margin return on inventory investment: gross margin / average inventory at cost.

    Examples:
        >>> from ecomcore.core import Money
        >>> gmroi(Money("45000", "EUR"), Money("20000", "EUR"))
        Decimal('2.25')
    """
    return _ratio("average_inventory_cost", gross_margin, average_inventory_cost)


def _share(field: str, part: int, whole: int, whole_field: str) -> Decimal:
    if part < 0 or part > whole:
        raise PlanningInputError(field, part, f"between 0 and {whole_field} ({whole})")
    if whole <= 0:
        raise PlanningInputError(whole_field, whole, "a count above zero")
    return Decimal(part) / Decimal(whole)


def sell_through(units_sold: int, units_received: int) -> Decimal:
    """Share of the units received that sold: sold / received.

    Examples:
        >>> sell_through(45, 60)
        Decimal('0.75')
    """
    return _share("units_sold", units_sold, units_received, "units_received")


def fill_rate(units_filled: int, units_demanded: int) -> Decimal:
    """Share of demand met from stock at once (the type 2 service level).

    Examples:
        >>> fill_rate(95, 100)
        Decimal('0.95')
    """
    return _share("units_filled", units_filled, units_demanded, "units_demanded")


def stockout_rate(periods_out_of_stock: int, periods: int) -> Decimal:
    """Share of periods the item was out of stock.

    Examples:
        >>> stockout_rate(3, 30)
        Decimal('0.1')
    """
    return _share("periods_out_of_stock", periods_out_of_stock, periods, "periods")
