"""Order-level benefits: a percentage or an amount off the whole order, and shipping discounts.

They act after the line benefits (`Stage.ORDER`, `Stage.SHIPPING`): an order discount is spread
over the lines by what is left of each, through `split`, so the parts sum exactly.
"""

from decimal import Decimal
from typing import ClassVar

import attrs

from ecomcore.core import Money, Rounding, to_minor_units
from ecomcore.pricing._checks import optional_whole_money, percent, whole_money
from ecomcore.pricing._promotions._benefits import Benefit, money_text, pct_text
from ecomcore.pricing._promotions._context import PromotionContext
from ecomcore.pricing._promotions._working import (
    Proposal,
    StackingBase,
    Stage,
    Working,
    percent_of,
    split,
)

__all__ = ["OrderAmountOff", "OrderPercentOff", "ShippingDiscount"]


def _spread(discount: int, context: PromotionContext, state: Working) -> Proposal:
    """Spread ``discount`` over the lines by what is left of each, never more than that."""
    left = state.net[: len(context.lines)]
    return Proposal(dict(enumerate(split(min(discount, sum(left)), left, state.currency))))


@attrs.frozen
class OrderPercentOff(Benefit):
    """``percent`` % off the order, rounded once on the total, then spread over the lines.

    Examples:
        >>> OrderPercentOff("10").describe()
        '10% off the order'
    """

    stage: ClassVar[Stage] = Stage.ORDER
    percent: Decimal = attrs.field(converter=percent)

    def propose(
        self,
        context: PromotionContext,
        state: Working,
        base: StackingBase,
        max_items: int | None,
        rounding: Rounding,
    ) -> Proposal:
        count = len(context.lines)
        total = sum(state.bases(range(count), base).values())
        return _spread(percent_of(self.percent, rounding)(total), context, state)

    def describe(self) -> str:
        return f"{pct_text(self.percent)} off the order"


@attrs.frozen
class OrderAmountOff(Benefit):
    """``amount`` off the order, spread over the lines by their value.

    Examples:
        >>> OrderAmountOff(Money("5.00", "EUR")).describe()
        '5.00 EUR off the order'
    """

    stage: ClassVar[Stage] = Stage.ORDER
    amount: Money = attrs.field(converter=whole_money)

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
        return _spread(to_minor_units(self.amount), context, state)

    def describe(self) -> str:
        return f"{money_text(self.amount)} off the order"


@attrs.frozen
class ShippingDiscount(Benefit):
    """Free shipping (the default), a percentage off it, or a fixed amount off it.

    Examples:
        >>> ShippingDiscount().describe(), ShippingDiscount(amount=Money("2.00", "EUR")).describe()
        ('free shipping', '2.00 EUR off shipping')
    """

    stage: ClassVar[Stage] = Stage.SHIPPING
    percent: Decimal = attrs.field(default=Decimal(100), converter=percent)
    amount: Money | None = attrs.field(default=None, converter=optional_whole_money)

    def propose(
        self,
        context: PromotionContext,
        state: Working,
        base: StackingBase,
        max_items: int | None,
        rounding: Rounding,
    ) -> Proposal:
        shipping = state.shipping_base if base is StackingBase.BEFORE_PROMOTIONS else state.shipping
        if self.amount is not None:
            if self.amount.currency.code != context.currency:
                return Proposal()
            return Proposal(shipping=min(to_minor_units(self.amount), shipping))
        return Proposal(shipping=percent_of(self.percent, rounding)(shipping))

    def describe(self) -> str:
        if self.amount is not None:
            return f"{money_text(self.amount)} off shipping"
        return "free shipping" if self.percent == 100 else f"{pct_text(self.percent)} off shipping"
