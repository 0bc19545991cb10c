"""Promotion conditions: a tree of all / any / not over facts about the cart and the customer.

Each node answers `holds` (does the cart qualify?) and `shortfall` (what would the cart need to
qualify: an amount or a quantity more, or None when adding items cannot help), which is how the
quote finds near misses. Amounts are compared in minor units; a condition on an amount in another
currency than the cart's never holds.
"""

from collections.abc import Iterable
from datetime import datetime

import attrs

from ecomcore.core import Money, to_minor_units
from ecomcore.pricing._checks import (
    aware,
    check_window,
    ids,
    positive,
    whole_money,
    window_contains,
)
from ecomcore.pricing._errors import PromotionDefinitionError
from ecomcore.pricing._promotions._context import PromotionContext
from ecomcore.pricing._promotions._ranges import ProductRange

__all__ = [
    "AllOf",
    "Always",
    "AnyOf",
    "ChannelIs",
    "Condition",
    "CouponEntered",
    "CurrencyIs",
    "CustomerInGroup",
    "DateWindow",
    "FirstOrder",
    "RangeQuantityAtLeast",
    "RangeValueAtLeast",
    "Shortfall",
    "SubtotalAtLeast",
    "Unless",
]

MAX_DEPTH = 16
"""The deepest condition tree accepted; deeper trees are refused when built."""


@attrs.frozen
class Shortfall:
    """What a cart lacks to meet a condition: minor units of value and units of quantity.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import PricedLine
        >>> cart = PromotionContext((PricedLine("1", "mug", "mug", 1, 3000),), "EUR",
        ...                         datetime(2026, 6, 1, tzinfo=UTC))
        >>> gap = SubtotalAtLeast(Money("50.00", "EUR")).shortfall(cart)
        >>> gap, gap.met
        (Shortfall(amount=2000, quantity=0), False)
    """

    amount: int = 0
    quantity: int = 0

    @property
    def met(self) -> bool:
        """True when nothing is lacking."""
        return self.amount <= 0 and self.quantity <= 0


_MET = Shortfall()


class Condition:
    """Base of every condition node.

    Examples:
        >>> from datetime import UTC, datetime
        >>> class Weekend(Condition):
        ...     def holds(self, context): return context.at.weekday() >= 5
        ...     def describe(self): return "at the weekend"
        >>> saturday = PromotionContext((), "EUR", datetime(2026, 6, 6, tzinfo=UTC))
        >>> Weekend().holds(saturday), Weekend().shortfall(saturday).met
        (True, True)
        >>> AnyOf([Weekend(), FirstOrder()]).describe()
        '(at the weekend or first order)'
    """

    def holds(self, context: PromotionContext) -> bool:
        """Tell whether the cart meets the condition."""
        raise NotImplementedError

    def shortfall(self, context: PromotionContext) -> Shortfall | None:
        """Return what the cart lacks (an empty `Shortfall` when met), None if items can't help."""
        return _MET if self.holds(context) else None

    def describe(self) -> str:
        """Say the condition in words."""
        raise NotImplementedError

    def depth(self) -> int:
        """Return the depth of the tree under this node (a leaf is 1)."""
        return 1


@attrs.frozen
class Always(Condition):
    """Holds for every cart: the condition of an unconditional promotion.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import PercentOff, Promotion
        >>> Promotion("ten", "10% off", PercentOff("10")).condition
        Always()
        >>> Always().holds(PromotionContext((), "EUR", datetime(2026, 6, 1, tzinfo=UTC)))
        True
    """

    def holds(self, context: PromotionContext) -> bool:
        return True

    def describe(self) -> str:
        return "always"


def _amount_gap(threshold: Money, have: int, currency: str) -> int | None:
    if threshold.currency.code != currency:
        return None
    return to_minor_units(threshold) - have


@attrs.frozen
class SubtotalAtLeast(Condition):
    """The cart's subtotal (before promotions) is at least ``amount``.

    Examples:
        >>> SubtotalAtLeast(Money("50.00", "EUR")).describe()
        'subtotal at least 50.00 EUR'
    """

    amount: Money = attrs.field(converter=whole_money)

    def holds(self, context: PromotionContext) -> bool:
        gap = _amount_gap(self.amount, context.subtotal, context.currency)
        return gap is not None and gap <= 0

    def shortfall(self, context: PromotionContext) -> Shortfall | None:
        gap = _amount_gap(self.amount, context.subtotal, context.currency)
        return None if gap is None else Shortfall(amount=max(gap, 0))

    def describe(self) -> str:
        return f"subtotal at least {self.amount.amount} {self.amount.currency.code}"


@attrs.frozen
class RangeQuantityAtLeast(Condition):
    """At least ``quantity`` units of items in ``range`` are in the cart.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import PricedLine
        >>> tee = PricedLine("1", "tee-m", "tee", 2, 1500, category_ids=frozenset({"shirts"}))
        >>> cart = PromotionContext((tee,), "EUR", datetime(2026, 6, 1, tzinfo=UTC))
        >>> three_shirts = RangeQuantityAtLeast(ProductRange(categories={"shirts"}), 3)
        >>> three_shirts.holds(cart), three_shirts.shortfall(cart)
        (False, Shortfall(amount=0, quantity=1))
    """

    range: ProductRange
    quantity: int = attrs.field(validator=positive)

    def _have(self, context: PromotionContext) -> int:
        lines = context.lines
        return sum(lines[index].quantity for index in self.range.lines_in(context))

    def holds(self, context: PromotionContext) -> bool:
        return self._have(context) >= self.quantity

    def shortfall(self, context: PromotionContext) -> Shortfall | None:
        return Shortfall(quantity=max(self.quantity - self._have(context), 0))

    def describe(self) -> str:
        return f"at least {self.quantity} of {self.range.describe()}"


@attrs.frozen
class RangeValueAtLeast(Condition):
    """Items in ``range`` are worth at least ``amount`` (before promotions).

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import PricedLine
        >>> lines = (PricedLine("1", "tee", "tee", 1, 2500, tags=frozenset({"organic"})),
        ...          PricedLine("2", "cap", "cap", 1, 4000))
        >>> cart = PromotionContext(lines, "EUR", datetime(2026, 6, 1, tzinfo=UTC))
        >>> organic = RangeValueAtLeast(ProductRange(tags={"organic"}), Money("30.00", "EUR"))
        >>> organic.holds(cart), organic.shortfall(cart).amount
        (False, 500)
    """

    range: ProductRange
    amount: Money = attrs.field(converter=whole_money)

    def _gap(self, context: PromotionContext) -> int | None:
        lines = context.lines
        have = sum(lines[index].subtotal for index in self.range.lines_in(context))
        return _amount_gap(self.amount, have, context.currency)

    def holds(self, context: PromotionContext) -> bool:
        gap = self._gap(context)
        return gap is not None and gap <= 0

    def shortfall(self, context: PromotionContext) -> Shortfall | None:
        gap = self._gap(context)
        return None if gap is None else Shortfall(amount=max(gap, 0))

    def describe(self) -> str:
        amount = f"{self.amount.amount} {self.amount.currency.code}"
        return f"{self.range.describe()} worth at least {amount}"


@attrs.frozen
class CustomerInGroup(Condition):
    """The customer belongs to one of ``groups``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> vip = PromotionContext((), "EUR", datetime(2026, 6, 1, tzinfo=UTC),
        ...                        customer_groups=frozenset({"vip"}))
        >>> CustomerInGroup({"vip", "staff"}).holds(vip), CustomerInGroup({"staff"}).holds(vip)
        (True, False)
        >>> CustomerInGroup({"staff"}).shortfall(vip) is None  # adding items cannot help
        True
    """

    groups: frozenset[str] = attrs.field(converter=ids)

    def holds(self, context: PromotionContext) -> bool:
        return not self.groups.isdisjoint(context.customer_groups)

    def describe(self) -> str:
        return f"customer in {', '.join(sorted(self.groups))}"


@attrs.frozen
class FirstOrder(Condition):
    """The customer has not ordered before.

    Examples:
        >>> from datetime import UTC, datetime
        >>> newcomer = PromotionContext((), "EUR", datetime(2026, 6, 1, tzinfo=UTC),
        ...                             first_order=True)
        >>> FirstOrder().holds(newcomer), Unless(FirstOrder()).holds(newcomer)
        (True, False)
    """

    def holds(self, context: PromotionContext) -> bool:
        return context.first_order

    def describe(self) -> str:
        return "first order"


@attrs.frozen
class CouponEntered(Condition):
    """One of ``codes`` was entered and accepted (codes compare normalised).

    Examples:
        >>> from datetime import UTC, datetime
        >>> welcome = CouponEntered({"welcome-10"})
        >>> welcome.describe()
        'coupon WELCOME10'
        >>> welcome.holds(PromotionContext((), "EUR", datetime(2026, 6, 1, tzinfo=UTC),
        ...                                coupon_codes=frozenset({"WELCOME10"})))
        True
    """

    codes: frozenset[str] = attrs.field(converter=ids)

    def __attrs_post_init__(self) -> None:
        from ecomcore.pricing._coupons import normalise_code  # noqa: PLC0415 (cycle)

        object.__setattr__(self, "codes", frozenset(normalise_code(c) for c in self.codes))

    def holds(self, context: PromotionContext) -> bool:
        return not self.codes.isdisjoint(context.coupon_codes)

    def describe(self) -> str:
        return f"coupon {' or '.join(sorted(self.codes))}"


@attrs.frozen
class ChannelIs(Condition):
    """The order comes through one of ``channels`` (web, app, pos...).

    Examples:
        >>> from datetime import UTC, datetime
        >>> in_app = PromotionContext((), "EUR", datetime(2026, 6, 1, tzinfo=UTC), channel="app")
        >>> ChannelIs({"app", "pos"}).holds(in_app), ChannelIs({"web"}).holds(in_app)
        (True, False)
    """

    channels: frozenset[str] = attrs.field(converter=ids)

    def holds(self, context: PromotionContext) -> bool:
        return context.channel in self.channels

    def describe(self) -> str:
        return f"channel {' or '.join(sorted(self.channels))}"


@attrs.frozen
class CurrencyIs(Condition):
    """The cart is in one of ``currencies``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> swiss = PromotionContext((), "CHF", datetime(2026, 6, 1, tzinfo=UTC))
        >>> CurrencyIs({"EUR", "CHF"}).holds(swiss), CurrencyIs({"EUR"}).holds(swiss)
        (True, False)
    """

    currencies: frozenset[str] = attrs.field(converter=ids)

    def holds(self, context: PromotionContext) -> bool:
        return context.currency in self.currencies

    def describe(self) -> str:
        return f"currency {' or '.join(sorted(self.currencies))}"


@attrs.frozen
class DateWindow(Condition):
    """The quote's instant lies in [start, end), e.g. a weekend or a happy hour.

    Examples:
        >>> from datetime import UTC, datetime
        >>> weekend = DateWindow(datetime(2026, 6, 6, tzinfo=UTC), datetime(2026, 6, 8, tzinfo=UTC))
        >>> [weekend.holds(PromotionContext((), "EUR", datetime(2026, 6, day, tzinfo=UTC)))
        ...  for day in (5, 6, 7, 8)]
        [False, True, True, False]
    """

    start: datetime | None = attrs.field(default=None, validator=aware)
    end: datetime | None = attrs.field(default=None, validator=aware)

    def __attrs_post_init__(self) -> None:
        check_window(self.start, self.end)

    def holds(self, context: PromotionContext) -> bool:
        return window_contains(self.start, self.end, context.at)

    def describe(self) -> str:
        start = self.start.isoformat() if self.start else "any time"
        end = self.end.isoformat() if self.end else "any time"
        return f"from {start} until {end}"


def _children(conditions: Iterable[Condition]) -> tuple[Condition, ...]:
    children = tuple(conditions)
    if not children:
        raise PromotionDefinitionError("conditions", children, "one condition or more")
    for child in children:
        if not isinstance(child, Condition):
            raise PromotionDefinitionError("conditions", child, "Condition objects")
    if max(child.depth() for child in children) >= MAX_DEPTH:
        raise PromotionDefinitionError("conditions", "...", f"a tree at most {MAX_DEPTH} deep")
    return children


@attrs.frozen
class AllOf(Condition):
    """Every child holds.

    Examples:
        >>> rule = AllOf([SubtotalAtLeast(Money("50", "EUR")), Unless(FirstOrder())])
        >>> rule.describe()
        '(subtotal at least 50 EUR and not first order)'
    """

    conditions: tuple[Condition, ...] = attrs.field(converter=_children)

    def holds(self, context: PromotionContext) -> bool:
        return all(child.holds(context) for child in self.conditions)

    def shortfall(self, context: PromotionContext) -> Shortfall | None:
        gaps = [child.shortfall(context) for child in self.conditions]
        if any(gap is None for gap in gaps):
            return None
        present = [gap for gap in gaps if gap is not None]
        # One addition can meet several thresholds at once: the largest gap is what's lacking.
        return Shortfall(
            amount=max(gap.amount for gap in present),
            quantity=max(gap.quantity for gap in present),
        )

    def describe(self) -> str:
        return "(" + " and ".join(child.describe() for child in self.conditions) + ")"

    def depth(self) -> int:
        return 1 + max(child.depth() for child in self.conditions)


@attrs.frozen
class AnyOf(Condition):
    """At least one child holds.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import PricedLine
        >>> cart = PromotionContext((PricedLine("1", "mug", "mug", 2, 1000),), "EUR",
        ...                         datetime(2026, 6, 1, tzinfo=UTC))
        >>> rule = AnyOf([SubtotalAtLeast(Money("50.00", "EUR")),
        ...             RangeQuantityAtLeast(ProductRange.everything(), 3)])
        >>> rule.holds(cart), rule.shortfall(cart)  # the nearest branch: no item, 30.00 more
        (False, Shortfall(amount=3000, quantity=0))
    """

    conditions: tuple[Condition, ...] = attrs.field(converter=_children)

    def holds(self, context: PromotionContext) -> bool:
        return any(child.holds(context) for child in self.conditions)

    def shortfall(self, context: PromotionContext) -> Shortfall | None:
        gaps = [gap for child in self.conditions if (gap := child.shortfall(context)) is not None]
        if not gaps:
            return None
        return min(gaps, key=lambda gap: (gap.quantity, gap.amount))

    def describe(self) -> str:
        return "(" + " or ".join(child.describe() for child in self.conditions) + ")"

    def depth(self) -> int:
        return 1 + max(child.depth() for child in self.conditions)


@attrs.frozen
class Unless(Condition):
    """The child does not hold.

    Examples:
        >>> from datetime import UTC, datetime
        >>> no_staff = Unless(CustomerInGroup({"staff"}))
        >>> no_staff.describe()
        'not customer in staff'
        >>> no_staff.holds(PromotionContext((), "EUR", datetime(2026, 6, 1, tzinfo=UTC)))
        True
    """

    condition: Condition

    def __attrs_post_init__(self) -> None:
        _children([self.condition])

    def holds(self, context: PromotionContext) -> bool:
        return not self.condition.holds(context)

    def describe(self) -> str:
        return f"not {self.condition.describe()}"

    def depth(self) -> int:
        return 1 + self.condition.depth()
