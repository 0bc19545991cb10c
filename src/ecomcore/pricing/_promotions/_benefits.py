"""Promotion benefits: what a promotion takes off once its conditions hold.

Every benefit proposes integer minor-unit discounts per line index (or on shipping, or a gift
line); the stacking runner clamps them so no line goes below zero, caps them, and records them.
Percentages round per line (or per unit, for unit-wise benefits) with the quote's rounding mode;
fixed amounts are spread with `ecomcore.core.allocate`, so the parts sum exactly.
"""

import enum
from decimal import Decimal
from typing import ClassVar

import attrs

from ecomcore.core import Money, Rounding, to_minor_units
from ecomcore.pricing._checks import percent, positive, whole_money
from ecomcore.pricing._errors import PromotionDefinitionError
from ecomcore.pricing._promotions._context import PricedLine, PromotionContext
from ecomcore.pricing._promotions._ranges import ProductRange
from ecomcore.pricing._promotions._working import (
    Proposal,
    StackingBase,
    Stage,
    Working,
    add_to,
    percent_of,
    split,
)

__all__ = [
    "AmountOff",
    "Benefit",
    "BuyXGetY",
    "FixedPriceBundle",
    "FreeGift",
    "PercentOff",
    "Reward",
    "Tier",
    "TieredPercentOff",
    "money_text",
    "pct_text",
]


def money_text(money: Money) -> str:
    return f"{money.amount} {money.currency.code}"


def pct_text(value: Decimal) -> str:
    return f"{value.normalize():f}%"


class Benefit:
    """Base of every benefit.

    Examples:
        >>> from ecomcore.pricing import ShippingDiscount
        >>> [b.describe() for b in (PercentOff("10"), ShippingDiscount(percent="50"))]
        ['10% off every item', '50% off shipping']
    """

    stage: ClassVar[Stage] = Stage.LINE
    range: ProductRange | None = None

    def propose(
        self,
        context: PromotionContext,
        state: Working,
        base: StackingBase,
        max_items: int | None,
        rounding: Rounding,
    ) -> Proposal:
        """Return what the benefit would take off the cart in ``state``."""
        raise NotImplementedError

    def describe(self) -> str:
        """Say the benefit in words, as shown to the customer."""
        raise NotImplementedError


def _range_bases(
    benefit_range: ProductRange,
    context: PromotionContext,
    state: Working,
    base: StackingBase,
    max_items: int | None,
) -> dict[int, int]:
    """Return the base amount per line in range; with ``max_items``, of the top units only."""
    indexes = benefit_range.lines_in(context)
    if max_items is None:
        return state.bases(indexes, base)
    bases: dict[int, int] = {}
    for value, index in state.units(indexes, base, max_items):
        bases[index] = bases.get(index, 0) + value
    return bases


@attrs.frozen
class PercentOff(Benefit):
    """``percent`` % off every item in ``range``, rounded per line.

    Examples:
        >>> PercentOff("15", ProductRange(categories={"shoes"})).describe()
        '15% off categories shoes'
    """

    percent: Decimal = attrs.field(converter=percent)
    range: ProductRange = attrs.field(factory=ProductRange.everything)

    def propose(
        self,
        context: PromotionContext,
        state: Working,
        base: StackingBase,
        max_items: int | None,
        rounding: Rounding,
    ) -> Proposal:
        bases = _range_bases(self.range, context, state, base, max_items)
        off = percent_of(self.percent, rounding)
        return Proposal({index: off(value) for index, value in bases.items()})

    def describe(self) -> str:
        return f"{pct_text(self.percent)} off {self.range.describe()}"


@attrs.frozen
class AmountOff(Benefit):
    """``amount`` off items in ``range``: spread over the lines by value, or off each item.

    Spread (the default), the amount is split over the qualifying lines in proportion to their
    value with `ecomcore.core.allocate`; ``per_item`` takes it off every unit (never below zero).
    Applies only to carts in the amount's currency.

    Examples:
        >>> AmountOff(Money("5.00", "EUR"), per_item=True).describe()
        '5.00 EUR off each of every item'
    """

    amount: Money = attrs.field(converter=whole_money)
    range: ProductRange = attrs.field(factory=ProductRange.everything)
    per_item: bool = False

    def propose(
        self,
        context: PromotionContext,
        state: Working,
        base: StackingBase,
        max_items: int | None,
        rounding: Rounding,
    ) -> Proposal:
        if self.amount.currency.code != context.currency:
            return Proposal()
        amount = to_minor_units(self.amount)
        if self.per_item:
            lines: dict[int, int] = {}
            for value, index in state.units(self.range.lines_in(context), base, max_items):
                add_to(lines, index, min(amount, value))
            return Proposal(lines)
        bases = _range_bases(self.range, context, state, base, max_items)
        total = min(amount, sum(bases.values()))
        parts = split(total, list(bases.values()), state.currency)
        return Proposal(dict(zip(bases, parts, strict=True)))

    def describe(self) -> str:
        each = "each of " if self.per_item else ""
        return f"{money_text(self.amount)} off {each}{self.range.describe()}"


@attrs.frozen
class FixedPriceBundle(Benefit):
    """Any ``size`` items of ``range`` for ``price`` ("3 for 20.00"), repeatable.

    Items are grouped most valuable first; each group's discount is split over its items by value
    with `ecomcore.core.allocate`, so every group costs exactly ``price``. A group already cheaper
    than ``price`` is left alone.

    Examples:
        >>> FixedPriceBundle(3, Money("20.00", "EUR")).describe()
        '3 for 20.00 EUR, every item'
    """

    size: int = attrs.field(validator=positive)
    price: Money = attrs.field(converter=whole_money)
    range: ProductRange = attrs.field(factory=ProductRange.everything)
    max_applications: int | None = attrs.field(default=None, validator=positive)

    def propose(
        self,
        context: PromotionContext,
        state: Working,
        base: StackingBase,
        max_items: int | None,
        rounding: Rounding,
    ) -> Proposal:
        if self.price.currency.code != context.currency:
            return Proposal()
        price = to_minor_units(self.price)
        units = state.units(self.range.lines_in(context), base)
        groups = len(units) // self.size
        if self.max_applications is not None:
            groups = min(groups, self.max_applications)
        if max_items is not None:
            groups = min(groups, max_items // self.size)
        lines: dict[int, int] = {}
        applied = 0
        for group in range(groups):
            members = units[group * self.size : (group + 1) * self.size]
            values = [value for value, _ in members]
            discount = sum(values) - price
            if discount <= 0:
                continue
            applied += 1
            for (_, index), part in zip(
                members, split(discount, values, state.currency), strict=True
            ):
                add_to(lines, index, part)
        return Proposal(lines, detail=f"{applied} set{'s' if applied != 1 else ''}")

    def describe(self) -> str:
        return f"{self.size} for {money_text(self.price)}, {self.range.describe()}"


class Reward(enum.Enum):
    """Which items a buy-X-get-Y promotion gives away.

    Examples:
        >>> BuyXGetY(2, 1, reward=Reward.MOST_EXPENSIVE).describe()
        'buy 2 get 1 free (most expensive), every item'
    """

    CHEAPEST = "cheapest"
    MOST_EXPENSIVE = "most_expensive"


@attrs.frozen
class BuyXGetY(Benefit):
    """Buy ``buy`` items of ``range``, get ``get`` more at ``percent`` % off (100 = free).

    The cart's items in range make ``len // (buy + get)`` applications (up to
    ``max_applications``); the rewarded items are the cheapest (or most expensive) ``get`` per
    application, across the whole range.

    Examples:
        >>> BuyXGetY(2, 1).describe()
        'buy 2 get 1 free (cheapest), every item'
    """

    buy: int = attrs.field(validator=positive)
    get: int = attrs.field(validator=positive)
    range: ProductRange = attrs.field(factory=ProductRange.everything)
    percent: Decimal = attrs.field(default=Decimal(100), converter=percent)
    reward: Reward = Reward.CHEAPEST
    max_applications: int | None = attrs.field(default=None, validator=positive)

    def propose(
        self,
        context: PromotionContext,
        state: Working,
        base: StackingBase,
        max_items: int | None,
        rounding: Rounding,
    ) -> Proposal:
        units = state.units(self.range.lines_in(context), base)
        times = len(units) // (self.buy + self.get)
        if self.max_applications is not None:
            times = min(times, self.max_applications)
        if max_items is not None:
            times = min(times, max_items // self.get)
        count = times * self.get
        if count == 0:
            return Proposal()
        rewarded = units[-count:] if self.reward is Reward.CHEAPEST else units[:count]
        lines: dict[int, int] = {}
        off = percent_of(self.percent, rounding)
        for value, index in rewarded:
            add_to(lines, index, off(value))
        return Proposal(lines, detail=f"{times} time{'s' if times != 1 else ''}")

    def describe(self) -> str:
        off = "free" if self.percent == 100 else f"{pct_text(self.percent)} off"
        return (
            f"buy {self.buy} get {self.get} {off} ({self.reward.value.replace('_', ' ')}), "
            f"{self.range.describe()}"
        )


@attrs.frozen
class Tier:
    """One step of a tiered promotion: from ``at_least`` (units, or a spend), ``percent`` off.

    Examples:
        >>> tiers = [Tier(Money("200", "EUR"), "15"), Tier(Money("100", "EUR"), "10")]
        >>> TieredPercentOff(tiers).describe()  # sorted by threshold
        'tiered: from 100 EUR 10%, from 200 EUR 15%, every item'
    """

    at_least: int | Money
    percent: Decimal = attrs.field(converter=percent)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.at_least, Money):
            object.__setattr__(self, "at_least", whole_money(self.at_least))
        elif isinstance(self.at_least, bool) or not isinstance(self.at_least, int):
            raise PromotionDefinitionError("at_least", self.at_least, "a quantity or a Money")


def _tiers(tiers: tuple[Tier, ...] | list[Tier]) -> tuple[Tier, ...]:
    ordered = tuple(tiers)
    if not ordered:
        raise PromotionDefinitionError("tiers", ordered, "one tier or more")
    kinds = {isinstance(tier.at_least, Money) for tier in ordered}
    if len(kinds) != 1:
        raise PromotionDefinitionError("tiers", ordered, "all by quantity or all by spend")
    return tuple(sorted(ordered, key=lambda tier: _tier_key(tier.at_least)))


def _tier_key(threshold: int | Money) -> int:
    return to_minor_units(threshold) if isinstance(threshold, Money) else threshold


@attrs.frozen
class TieredPercentOff(Benefit):
    """The more of ``range`` bought (in units or in spend), the bigger the percentage off.

    The highest tier reached applies to every item in range.

    Examples:
        >>> TieredPercentOff([Tier(3, "10"), Tier(5, "20")]).describe()
        'tiered: from 3 items 10%, from 5 items 20%, every item'
    """

    tiers: tuple[Tier, ...] = attrs.field(converter=_tiers)
    range: ProductRange = attrs.field(factory=ProductRange.everything)

    def propose(
        self,
        context: PromotionContext,
        state: Working,
        base: StackingBase,
        max_items: int | None,
        rounding: Rounding,
    ) -> Proposal:
        indexes = self.range.lines_in(context)
        by_spend = isinstance(self.tiers[0].at_least, Money)
        if by_spend:
            if self.tiers[0].at_least.currency.code != context.currency:  # type: ignore[union-attr]
                return Proposal()
            have = sum(state.bases(indexes, base).values())
        else:
            have = sum(state.lines[index].quantity for index in indexes)
        reached = [tier for tier in self.tiers if _tier_key(tier.at_least) <= have]
        if not reached:
            return Proposal()
        rate = reached[-1].percent
        bases = _range_bases(self.range, context, state, base, max_items)
        off = percent_of(rate, rounding)
        return Proposal(
            {index: off(value) for index, value in bases.items()},
            detail=f"tier {pct_text(rate)}",
        )

    def describe(self) -> str:
        steps = ", ".join(
            f"from {money_text(tier.at_least)} {pct_text(tier.percent)}"
            if isinstance(tier.at_least, Money)
            else f"from {tier.at_least} items {pct_text(tier.percent)}"
            for tier in self.tiers
        )
        return f"tiered: {steps}, {self.range.describe()}"


@attrs.frozen
class FreeGift(Benefit):
    """Add ``quantity`` units of a gift variant to the cart, free.

    The gift line is priced from the price lists (0 when none prices it) and fully discounted, so
    the quote shows what the gift is worth.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import (FreeGift, LineItem, PriceBook, PriceList, Promotion,
        ...     QuoteRequest, quote)
        >>> book = PriceBook([PriceList.of("retail", "EUR", {"mug": "9.00", "tote": "4.00"})])
        >>> cart = QuoteRequest("EUR", [LineItem("1", "mug", "mug", 1)],
        ...                     datetime(2026, 6, 1, tzinfo=UTC))
        >>> tote = Promotion("tote", "Free tote", FreeGift("tote", "tote"))
        >>> [(line.line_id, line.subtotal, line.amount)
        ...  for line in quote(cart, prices=book, promotions=[tote]).lines if line.is_gift]
        [('gift:tote', Money('4.00', 'EUR'), Money('0.00', 'EUR'))]
    """

    variant_id: str
    product_id: str
    quantity: int = attrs.field(default=1, validator=positive)

    def propose(
        self,
        context: PromotionContext,
        state: Working,
        base: StackingBase,
        max_items: int | None,
        rounding: Rounding,
    ) -> Proposal:
        quantity = self.quantity if max_items is None else min(self.quantity, max_items)
        gift = PricedLine(
            line_id=f"gift:{self.variant_id}",
            variant_id=self.variant_id,
            product_id=self.product_id,
            quantity=quantity,
            unit=state.price_gift(self.variant_id, quantity),
            is_gift=True,
        )
        return Proposal(gift=gift)

    def describe(self) -> str:
        return f"free gift: {self.quantity} x {self.variant_id}"
