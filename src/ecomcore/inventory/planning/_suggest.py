"""Reorder suggestions: for every item and location, whether to order now, how much, and why.

The seam to live stock levels: a suggestion takes each item and location's inventory position
as plain numbers through the `PositionFacts` protocol (on hand, incoming, allocated,
backorders), so any stock record with those four attributes feeds it; this module imports nothing
from the rest of the inventory context (`suggest_reorders_from_stock` is the link to live levels).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Protocol

import attrs

from ecomcore.inventory.planning import _normal
from ecomcore.inventory.planning._errors import (
    PlanningInputError,
    require_non_negative,
    require_positive,
    require_probability,
)
from ecomcore.inventory.planning._history import DemandHistory

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


class PositionFacts(Protocol):
    """What a suggestion needs to know about the stock of one item at one location.

    Inventory position = on hand + incoming - allocated - backorders: what will be there to meet
    new demand once everything on order has arrived and everything promised has shipped.

    Examples:
        Your own stock rows will do:

        >>> from datetime import date
        >>> from types import SimpleNamespace
        >>> from ecomcore.inventory.planning import DemandHistory, Supplier, suggest_reorders
        >>> row = SimpleNamespace(item="mug", location="berlin", on_hand=5, incoming=12,
        ...                       allocated=3, backorders=0)
        >>> history = DemandHistory.from_rows({("mug", "berlin"): [2, 2, 2]},
        ...                                   start=date(2024, 1, 1))
        >>> [s] = suggest_reorders(history, [row],
        ...                        suppliers={"mug": Supplier("acme", lead_time_days=3)})
        >>> s.facts is row, s.inventory_position, s.reorder_point, s.should_order
        (True, 14.0, 6.0, False)
    """

    @property
    def item(self) -> str:
        """The SKU."""
        ...

    @property
    def location(self) -> str:
        """The location holding it."""
        ...

    @property
    def on_hand(self) -> int:
        """Units physically there."""
        ...

    @property
    def incoming(self) -> int:
        """Units on order, not yet received."""
        ...

    @property
    def allocated(self) -> int:
        """Units committed to orders, not yet shipped."""
        ...

    @property
    def backorders(self) -> int:
        """Units owed to customers beyond what is on hand."""
        ...


@attrs.frozen
class InventoryPosition:
    """Plain `PositionFacts` for one item and location.

    Examples:
        >>> InventoryPosition("mug", "berlin", on_hand=20, incoming=10, allocated=6).position
        24
    """

    item: str
    location: str
    on_hand: int
    incoming: int = 0
    allocated: int = 0
    backorders: int = 0

    @property
    def position(self) -> int:
        """On hand + incoming - allocated - backorders."""
        return self.on_hand + self.incoming - self.allocated - self.backorders


@attrs.frozen
class Supplier:
    """Who replenishes an item, how long it takes, and in what quantities.

    ``order_cycle_days`` is how many days of demand one order should cover beyond the reorder
    point (the Q of an (r, Q) policy, in days of demand); an EOQ converts with Q / demand rate.

    Examples:
        >>> Supplier("acme", lead_time_days=7, pack_size=12, minimum_order=24).pack_size
        12
        >>> Supplier("acme", lead_time_days=0)
        Traceback (most recent call last):
        ...
        ecomcore.inventory.planning._errors.PlanningInputError: lead_time_days must be ...
    """

    name: str
    lead_time_days: float = attrs.field()
    lead_time_std_days: float = attrs.field(default=0.0)
    minimum_order: int = attrs.field(default=1)
    pack_size: int = attrs.field(default=1)
    order_cycle_days: float = attrs.field(default=14.0)

    @lead_time_days.validator
    def _check_lead_time(self, _: object, value: float) -> None:
        require_positive("lead_time_days", value)

    @lead_time_std_days.validator
    def _check_lead_time_std(self, _: object, value: float) -> None:
        require_non_negative("lead_time_std_days", value)

    @minimum_order.validator
    @pack_size.validator
    def _check_units(self, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise PlanningInputError(attribute.name, value, "a whole number of units, 1 or more")

    @order_cycle_days.validator
    def _check_cycle(self, _: object, value: float) -> None:
        require_positive("order_cycle_days", value)


@attrs.frozen
class ReorderSuggestion:
    """What to do about one item at one location, with every figure behind it.

    Demand figures are per day. ``stockout_risk`` is the chance that demand over the lead time
    exceeds the current inventory position: the risk of running out before an order placed now
    could arrive, if none is placed. Read `explanation` for the reasoning in words.

    Examples:
        >>> from datetime import date
        >>> from ecomcore.inventory.planning import (DemandHistory, InventoryPosition, Supplier,
        ...     suggest_reorders)
        >>> history = DemandHistory.from_rows({("mug", "berlin"): [4, 6, 5, 5]},
        ...                                   start=date(2024, 1, 1))
        >>> [s] = suggest_reorders(history, [InventoryPosition("mug", "berlin", on_hand=20)],
        ...     suppliers={"mug": Supplier("acme", lead_time_days=4, pack_size=12)})
        >>> s.item, s.should_order, s.order_quantity, round(s.reorder_point, 1)
        ('mug', True, 84, 22.7)
        >>> s.lead_time_demand, round(s.stockout_risk, 2)
        (20.0, 0.5)
    """

    facts: PositionFacts
    """The position facts the suggestion was made from."""
    supplier: Supplier
    """Who would deliver the order."""
    service_level: float
    """The cycle service level the safety stock is set for."""
    inventory_position: float
    """on hand + incoming - allocated - backorders."""
    demand_per_day: float
    """Mean demand per day over the history used."""
    demand_std_per_day: float
    """Standard deviation of demand per day."""
    lead_time_demand: float
    """Expected demand over the supplier's lead time."""
    safety_stock: float
    """Stock held against demand and lead-time variability."""
    reorder_point: float
    """Order when the position is at or below this."""
    order_up_to: float
    """The position an order brings the item back to, before rounding to packs."""
    order_quantity: int
    """Units to order now, in whole packs; 0 for no order."""
    stockout_risk: float
    """Chance of running out before an order placed now could arrive, if none is placed."""

    @property
    def item(self) -> str:
        """The SKU."""
        return self.facts.item

    @property
    def location(self) -> str:
        """The location."""
        return self.facts.location

    @property
    def should_order(self) -> bool:
        """Whether to place an order now."""
        return self.order_quantity > 0

    @property
    def explanation(self) -> str:
        """The suggestion and each figure behind it, in words."""
        f, s = self.facts, self.supplier
        lines = [
            f"{f.item} at {f.location}: position {_n(self.inventory_position)} = on hand "
            f"{f.on_hand} + incoming {f.incoming} - allocated {f.allocated} - backorders "
            f"{f.backorders}.",
            f"  Demand {self.demand_per_day:.2f}/day (sd {self.demand_std_per_day:.2f}); over the "
            f"{_n(s.lead_time_days)}-day lead time from {s.name}"
            + (f" (sd {_n(s.lead_time_std_days)} days)" if s.lead_time_std_days else "")
            + f" expect {self.lead_time_demand:.1f}.",
            f"  Safety stock {self.safety_stock:.1f} for a {self.service_level:.0%} cycle "
            f"service level; reorder point {self.reorder_point:.1f}.",
        ]
        if self.should_order:
            lines.append(
                f"  Position {_n(self.inventory_position)} <= reorder point: order "
                f"{self.order_quantity} (up to {self.order_up_to:.1f} = reorder point + "
                f"{_n(s.order_cycle_days)} days of demand;\n    packs of {s.pack_size}, "
                f"minimum {s.minimum_order})."
            )
        else:
            lines.append(
                f"  Position {_n(self.inventory_position)} is above the reorder point: no order."
            )
        lines.append(
            f"  Stock-out risk before an order placed now would arrive: {self.stockout_risk:.0%}."
        )
        return "\n".join(lines)


def _n(number: float) -> str:
    return f"{number:g}"


def suggest_reorders(
    history: DemandHistory,
    positions: Iterable[PositionFacts],
    *,
    suppliers: Mapping[str, Supplier],
    service_level: float = 0.95,
    window: int | None = None,
) -> list[ReorderSuggestion]:
    """One `ReorderSuggestion` per position, in the order given.

    For each item and location: demand per period is the mean and sample standard deviation of
    its history (the last ``window`` periods if given), turned per day. Over the supplier's lead
    time L (days, standard deviation sigma_L) the expected demand is mu L with standard deviation
    sqrt(L sigma^2 + mu^2 sigma_L^2); the safety stock is z times that for the cycle
    ``service_level``; the reorder point is expected lead-time demand plus safety stock. When the
    inventory position is at or below the reorder point, order up to the reorder point plus the
    supplier's ``order_cycle_days`` of demand: the difference rounded up to whole packs, and at
    least the supplier's minimum order (also in whole packs).

    ``suppliers`` maps each item to its `Supplier`. Raises `PlanningInputError` for a position
    whose item has no supplier or whose item and location has no history.

    Examples:
        >>> from datetime import date
        >>> history = DemandHistory.from_rows(
        ...     {("mug", "berlin"): [2, 3, 1, 2, 4, 0, 2]}, start=date(2024, 1, 1)
        ... )
        >>> [suggestion] = suggest_reorders(
        ...     history,
        ...     [InventoryPosition("mug", "berlin", on_hand=9, incoming=0, allocated=2)],
        ...     suppliers={"mug": Supplier("acme", lead_time_days=5, pack_size=6)},
        ... )
        >>> suggestion.should_order, suggestion.order_quantity
        (True, 36)
        >>> print(suggestion.explanation)
        mug at berlin: position 7 = on hand 9 + incoming 0 - allocated 2 - backorders 0.
          Demand 2.00/day (sd 1.29); over the 5-day lead time from acme expect 10.0.
          Safety stock 4.7 for a 95% cycle service level; reorder point 14.7.
          Position 7 <= reorder point: order 36 (up to 42.7 = reorder point + 14 days of demand;
            packs of 6, minimum 1).
          Stock-out risk before an order placed now would arrive: 85%.
    """
    import numpy as np
    from scipy.special import ndtr

    level = require_probability("service_level", service_level)
    matrix = history.quantities
    if window is not None:
        if isinstance(window, bool) or not isinstance(window, int) or window < 1:
            raise PlanningInputError("window", window, "a whole number of periods, 1 or more")
        matrix = matrix[:, -window:]
    facts = list(positions)
    rows = history.rows([(f.item, f.location) for f in facts])
    chosen = [_supplier_of(f.item, suppliers) for f in facts]

    days = history.period.days
    mean_all, std_all = _mean_and_std(matrix)
    mean, std = mean_all[rows] / days, std_all[rows] / np.sqrt(days)
    lead = np.array([s.lead_time_days for s in chosen])
    lead_std = np.array([s.lead_time_std_days for s in chosen])
    cycle = np.array([s.order_cycle_days for s in chosen])
    pack = np.array([s.pack_size for s in chosen])
    minimum = np.array([s.minimum_order for s in chosen])
    position = np.array(
        [f.on_hand + f.incoming - f.allocated - f.backorders for f in facts], dtype=np.float64
    )

    expected = mean * lead
    spread = np.sqrt(lead * std**2 + mean**2 * lead_std**2)
    safety = _normal.inverse_cdf(level) * spread
    reorder = expected + safety
    order_up_to = reorder + mean * cycle
    need = np.maximum(np.ceil(order_up_to - position - 1e-9), minimum)
    quantity = np.where(position <= reorder, np.ceil(need / pack) * pack, 0).astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        risk = np.where(
            spread > 0, ndtr((expected - position) / spread), (position < expected) * 1.0
        )
    return [
        ReorderSuggestion(f, s, level, *numbers)
        for f, s, *numbers in zip(
            facts,
            chosen,
            position.tolist(),
            mean.tolist(),
            std.tolist(),
            expected.tolist(),
            safety.tolist(),
            reorder.tolist(),
            order_up_to.tolist(),
            quantity.tolist(),
            risk.tolist(),
            strict=True,
        )
    ]


def _supplier_of(item: str, suppliers: Mapping[str, Supplier]) -> Supplier:
    try:
        return suppliers[item]
    except KeyError:
        raise PlanningInputError(
            "suppliers", item, "a Supplier for every item with a position"
        ) from None


def _mean_and_std(matrix: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Row means and sample standard deviations in one pass over the matrix.

    Sums of values and of squares: exact enough for unit counts (float64 holds the sums
    exactly up to 2^53) and without the temporary copy of the whole history that ``std`` makes.
    """
    import numpy as np

    periods = matrix.shape[1]
    total = matrix.sum(axis=1)
    squares = np.einsum("ij,ij->i", matrix, matrix)
    mean = total / periods
    spread = np.maximum(squares - total * mean, 0.0) / max(periods - 1, 1)
    return mean, np.sqrt(spread)
