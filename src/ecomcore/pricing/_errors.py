"""The pricing context's errors, all under `ecomcore.core.EcomcoreError`."""

from ecomcore.core import EcomcoreError, Money, NotFoundError, ValidationError

__all__ = ["PriceNotFoundError", "PromotionDefinitionError", "ReductionRuleError"]


class PriceNotFoundError(NotFoundError):
    """No price list prices a variant for the currency, quantity and customer asked about.

    Examples:
        >>> raise PriceNotFoundError("v-1", "EUR", 3)
        Traceback (most recent call last):
        ...
        ecomcore.pricing._errors.PriceNotFoundError: no price for variant 'v-1' in EUR ...
    """

    code = "price_not_found"

    def __init__(self, variant_id: str, currency: str, quantity: int) -> None:
        EcomcoreError.__init__(
            self,
            f"no price for variant {variant_id!r} in {currency} at quantity {quantity}; add it to "
            "a price list valid now for this customer and channel, or give the line a unit price",
            variant_id=variant_id,
            currency=currency,
            quantity=quantity,
        )
        self.kind = "price"
        self.key = (variant_id, currency, quantity)


class ReductionRuleError(EcomcoreError, ValueError):
    """A price reduction was announced against a "was" price other than the lowest prior price.

    The EU price-indication rule (Directive 98/6/EC, art. 6a) requires the prior price shown next
    to a reduction to be the lowest price applied in the period before it (30 days by default).

    Examples:
        >>> from ecomcore.core import Money
        >>> raise ReductionRuleError("v-1", Money("20.00", "EUR"), Money("15.00", "EUR"), 30)
        Traceback (most recent call last):
        ...
        ecomcore.pricing._errors.ReductionRuleError: the "was" price 20.00 EUR of 'v-1' ...
    """

    code = "reduction_rule"

    def __init__(self, variant_id: str, was: Money, lowest: Money, days: int) -> None:
        super().__init__(
            f'the "was" price {was.amount} {was.currency.code} of {variant_id!r} breaks the '
            f"price-reduction rule: a reduction must be announced against the lowest price of the "
            f"prior {days} days, which is {lowest.amount} {lowest.currency.code}",
            variant_id=variant_id,
            was=was,
            lowest=lowest,
            days=days,
        )


class PromotionDefinitionError(ValidationError):
    """A promotion, price list or coupon is not well formed: says which field and what is allowed.

    Examples:
        >>> raise PromotionDefinitionError("percent", 120, "between 0 and 100")
        Traceback (most recent call last):
        ...
        ecomcore.pricing._errors.PromotionDefinitionError: percent must be between 0 and 100, ...
    """

    code = "invalid_definition"
