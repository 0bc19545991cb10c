"""The promotion: conditions, a benefit, limits and its place in the stacking order."""

from datetime import datetime

import attrs

from ecomcore.core import Money
from ecomcore.pricing._checks import (
    aware,
    check_window,
    optional_whole_money,
    positive,
    window_contains,
)
from ecomcore.pricing._errors import PromotionDefinitionError
from ecomcore.pricing._promotions._benefits import Benefit
from ecomcore.pricing._promotions._conditions import Always, Condition
from ecomcore.pricing._promotions._working import StackingBase

__all__ = ["Promotion", "PromotionLimits"]


@attrs.frozen
class PromotionLimits:
    """How far a promotion may go.

    ``max_items`` caps the units it discounts (the most valuable first); ``max_discount`` caps
    what it takes off one order; ``per_customer`` and ``total_redemptions`` count orders that
    used it, and ``budget`` caps the discount granted over all orders, through a
    `RedemptionLedger`.

    Examples:
        >>> PromotionLimits(max_discount=Money("15.00", "EUR")).max_discount
        Money('15.00', 'EUR')
    """

    max_items: int | None = attrs.field(default=None, validator=positive)
    max_discount: Money | None = attrs.field(default=None, converter=optional_whole_money)
    per_customer: int | None = attrs.field(default=None, validator=positive)
    total_redemptions: int | None = attrs.field(default=None, validator=positive)
    budget: Money | None = attrs.field(default=None, converter=optional_whole_money)

    @property
    def needs_ledger(self) -> bool:
        """True when checking the limits needs the redemption history."""
        return (
            self.per_customer is not None
            or self.total_redemptions is not None
            or self.budget is not None
        )


@attrs.frozen
class Promotion:
    """A named benefit that applies when its condition holds, with limits and stacking rules.

    - ``priority``: higher runs first (ties by id), and so sees the undiscounted lines.
    - ``exclusive``: applies alone; the quote gives the customer whichever is larger, the best
      exclusive promotion alone or all the combinable ones together.
    - ``lane``: promotions sharing a lane do not stack with each other; the one giving the largest
      discount at that point wins. Promotions without a lane stack with everything.
    - ``stacking_base``: whether the discount is computed after earlier promotions (the default)
      or on the price before any promotion.
    - ``coupon_required``: applies only with an accepted coupon pointing to it.
    - ``valid_from`` / ``valid_until``: when it is active; inactive promotions are skipped for
      almost nothing.
    - ``discount_includes_tax``: for the tax engine, whether the amounts it takes off include tax;
      ``None`` (the default) means in the terms of each line's price (gross for a price list that
      includes tax). A 10.00 net discount on a gross price takes 10.00 plus its tax off the gross.

    Examples:
        >>> from ecomcore.pricing import PercentOff, SubtotalAtLeast
        >>> promo = Promotion("spring", "Spring sale", PercentOff("10"),
        ...                   condition=SubtotalAtLeast(Money("50.00", "EUR")))
        >>> promo.describe()
        'Spring sale: 10% off every item, if subtotal at least 50.00 EUR'
    """

    id: str
    name: str
    benefit: Benefit
    condition: Condition = attrs.field(factory=Always)
    priority: int = 0
    exclusive: bool = False
    lane: str | None = None
    stacking_base: StackingBase = StackingBase.AFTER_EARLIER_PROMOTIONS
    limits: PromotionLimits = attrs.field(factory=PromotionLimits)
    coupon_required: bool = False
    valid_from: datetime | None = attrs.field(default=None, validator=aware)
    valid_until: datetime | None = attrs.field(default=None, validator=aware)
    discount_includes_tax: bool | None = None

    def __attrs_post_init__(self) -> None:
        if not self.id:
            raise PromotionDefinitionError("id", self.id, "a non-empty promotion id")
        if not isinstance(self.benefit, Benefit):
            raise PromotionDefinitionError("benefit", self.benefit, "a Benefit")
        if not isinstance(self.condition, Condition):
            raise PromotionDefinitionError("condition", self.condition, "a Condition")
        check_window(self.valid_from, self.valid_until)

    def active_at(self, at: datetime) -> bool:
        """Tell whether the promotion runs at ``at``."""
        return window_contains(self.valid_from, self.valid_until, at)

    @property
    def rank(self) -> tuple[int, str]:
        """Sort key of the stacking order: higher priority first, then id."""
        return (-self.priority, self.id)

    def describe(self) -> str:
        """Say the promotion in words."""
        text = f"{self.name}: {self.benefit.describe()}"
        if not isinstance(self.condition, Always):
            text += f", if {self.condition.describe()}"
        return text
