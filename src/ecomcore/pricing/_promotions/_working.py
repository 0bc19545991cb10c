"""The working state of one stacking run, and the integer helpers benefits compute with."""

import enum
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

import attrs

from ecomcore.core import Rounding, allocate_units
from ecomcore.pricing._promotions._context import PricedLine

__all__ = ["Proposal", "StackingBase", "Stage", "Working"]

_ONE = Decimal(1)


class Stage(enum.Enum):
    """When a benefit runs: line promotions, then order promotions, then shipping promotions.

    Examples:
        >>> from ecomcore.core import Money
        >>> from ecomcore.pricing import OrderAmountOff, PercentOff, ShippingDiscount
        >>> [b.stage.value for b in (ShippingDiscount(), OrderAmountOff(Money("5", "EUR")),
        ...                          PercentOff("10"))]
        ['shipping', 'order', 'line']
    """

    LINE = "line"
    ORDER = "order"
    SHIPPING = "shipping"


class StackingBase(enum.Enum):
    """What a promotion computes its discount from when others ran before it.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.pricing import (AmountOff, LineItem, PercentOff, PriceBook, Promotion,
        ...     QuoteRequest, quote)
        >>> mug = LineItem("1", "mug", "mug", 1, unit_price=Money("50.00", "EUR"))
        >>> cart = QuoteRequest("EUR", [mug], datetime(2026, 6, 1, tzinfo=UTC))
        >>> five = Promotion("five", "5 off", AmountOff(Money("5.00", "EUR")), priority=1)
        >>> for base in StackingBase:  # 10% after 5.00 off, or 10% of the price as resolved
        ...     ten = Promotion("ten", "10%", PercentOff("10"), stacking_base=base)
        ...     result = quote(cart, prices=PriceBook([]), promotions=[five, ten])
        ...     print(base.value, result.discount.amount)
        after_earlier_promotions 9.50
        before_promotions 10.00
    """

    AFTER_EARLIER_PROMOTIONS = "after_earlier_promotions"
    """The line as earlier promotions left it: 10% after 5.00 off 50.00 is 4.50."""
    BEFORE_PROMOTIONS = "before_promotions"
    """The resolved price, as if no promotion had run: 10% of 50.00 is 5.00 whatever came before."""


@attrs.define(slots=True, eq=False)
class Working:
    """Line and shipping amounts as promotions reduce them, in minor units."""

    lines: list[PricedLine]
    net: list[int]
    shipping_base: int
    shipping: int
    currency: str
    price_gift: Callable[[str, int], int]
    """Unit price of a gift variant (0 when no list prices it)."""

    def copy(self) -> "Working":
        """Return an independent copy (lines are shared, amounts copied)."""
        return Working(
            list(self.lines),
            list(self.net),
            self.shipping_base,
            self.shipping,
            self.currency,
            self.price_gift,
        )

    def bases(self, indexes: Iterable[int], base: StackingBase) -> dict[int, int]:
        """Return the amount of each line in ``indexes`` a benefit computes from."""
        if base is StackingBase.BEFORE_PROMOTIONS:
            lines = self.lines
            return {index: lines[index].unit * lines[index].quantity for index in indexes}
        net = self.net
        return {index: net[index] for index in indexes}

    def unit_values(self, index: int, base: StackingBase) -> list[int]:
        """Return the value of each unit of line ``index``, summing exactly to its base."""
        line = self.lines[index]
        if base is StackingBase.BEFORE_PROMOTIONS:
            return [line.unit] * line.quantity
        share, rest = divmod(self.net[index], line.quantity)
        if rest == 0:
            return [share] * line.quantity  # divides exactly: nothing to allocate
        return split(self.net[index], [1] * line.quantity, self.currency)

    def units(
        self, indexes: Sequence[int], base: StackingBase, limit: int | None = None
    ) -> list[tuple[int, int]]:
        """Return (unit value, line index) for every unit, most valuable first, ties by line.

        With ``limit``, only the ``limit`` most valuable units.
        """
        units = [(value, index) for index in indexes for value in self.unit_values(index, base)]
        units.sort(key=lambda unit: (-unit[0], unit[1]))
        return units if limit is None else units[:limit]


@attrs.define(slots=True, eq=False)
class Proposal:
    """What a benefit would take off: per line index, shipping, and perhaps a gift line."""

    lines: dict[int, int] = attrs.field(factory=dict)
    shipping: int = 0
    gift: PricedLine | None = None
    detail: str = ""

    @property
    def total(self) -> int:
        """Everything the proposal takes off, minor units."""
        gift = self.gift.unit * self.gift.quantity if self.gift is not None else 0
        return sum(self.lines.values()) + self.shipping + gift


def percent_of(percent: Decimal, rounding: Rounding) -> Callable[[int], int]:
    """Return a function: ``percent`` % of some minor units, rounded to a whole unit.

    Rounding is with ``rounding``. The fraction and the mode are worked out once, for the many
    lines a benefit rounds.
    """
    fraction, mode = percent / 100, rounding.value  # exact: a shift of the decimal point

    def of(units: int) -> int:
        return int((units * fraction).quantize(_ONE, mode))

    return of


def split(total: int, weights: Sequence[int], currency: str) -> list[int]:
    """Split ``total`` minor units by ``weights`` with `ecomcore.core.allocate_units`."""
    if total == 0:
        return [0] * len(weights)
    return allocate_units(total, weights)


def add_to(lines: dict[int, int], index: int, amount: int) -> None:
    """Add ``amount`` to the entry of ``index``, leaving zero amounts out."""
    if amount:
        lines[index] = lines.get(index, 0) + amount
