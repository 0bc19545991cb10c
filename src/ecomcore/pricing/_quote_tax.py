"""The one seam between the quote and `ecomcore.tax`: `QuoteTax` turns a quote into a TaxRequest.

The quote engine prices and discounts a cart in whole minor units; when a `QuoteTax` is given, it
hands every line (its unit price as entered, whether that price includes tax, its category), every
promotion's amount on it (in the promotion's basis) and shipping after shipping promotions to
``QuoteTax.calculator`` as one `TaxRequest`, and copies the `TaxResult` back onto the quote.
"""

from collections.abc import Mapping, Sequence
from datetime import date

import attrs

from ecomcore.core import Money, ValidationError
from ecomcore.tax import (
    Buyer,
    PriceBasis,
    RoundingPolicy,
    Seller,
    ShippingTaxPolicy,
    TaxCalculator,
    TaxCategory,
    TaxDiscount,
    TaxLine,
    TaxRate,
    TaxRequest,
    TaxResult,
)

__all__ = ["QuoteTax", "TaxableLine"]


def _rates(value: Mapping[str, TaxRate]) -> Mapping[str, TaxRate]:
    rates = dict(value)
    for list_id, rate in rates.items():
        if not isinstance(rate, TaxRate):
            raise ValidationError("entered_rates", list_id, "a TaxRate per price list id")
    return rates


@attrs.frozen(kw_only=True)
class TaxableLine:
    """A quote line as the tax engine needs it (built by the quote, not by callers)."""

    unit_price: Money
    quantity: int
    includes_tax: bool
    price_source: str
    tax_code: str | None
    product_id: str
    discounts: tuple[tuple[Money, bool], ...]
    """Each promotion's amount on the line, and whether that amount includes tax."""


@attrs.frozen(kw_only=True)
class QuoteTax:
    """How a quote is taxed: which `TaxCalculator`, for whom, and under which policies.

    Pass it as ``quote(..., tax=QuoteTax(...))``; without it a quote charges no tax. The quote then
    makes one `TaxRequest` per quote:

    - one `TaxLine` per quote line: its unit price before promotions, its quantity, whether its
      price list includes tax (``entered_rates`` names the rate a list's gross prices were
      entered under, for ``price_basis``), category ``LineItem.tax_code`` (``standard`` when
      unset) and product code ``LineItem.product_id`` (for product-specific rules);
    - one line `TaxDiscount` per promotion amount on a line, tax-inclusive when the promotion says
      so (``Promotion.discount_includes_tax``), else in the terms of the line's price;
    - shipping after shipping promotions, taxed by ``shipping_policy``;
    - the tax point ``tax_point``, or the date of the quote's instant when unset.

    ``rounding`` is the tax engine's `RoundingPolicy`, the only one: the quote's own ``rounding``
    mode rounds promotion percentages, never tax.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Address
        >>> from ecomcore.tax import TableTaxCalculator, eu_vat_rules
        >>> tax = QuoteTax(calculator=TableTaxCalculator(InMemoryTaxRateProvider(eu_vat_rules())),
        ...                seller=Seller(address=Address("DE")),
        ...                buyer=Buyer(address=Address("DE")))
        >>> tax.rounding.level.value, tax.shipping_policy.value
        ('per_line', 'own_category')
    """

    calculator: TaxCalculator
    seller: Seller
    buyer: Buyer
    rounding: RoundingPolicy = attrs.field(factory=RoundingPolicy)
    tax_point: date | None = None
    shipping_policy: ShippingTaxPolicy = ShippingTaxPolicy.OWN_CATEGORY
    shipping_category: TaxCategory = attrs.field(
        default=TaxCategory.SHIPPING, converter=TaxCategory
    )
    shipping_includes_tax: bool = False
    price_basis: PriceBasis = PriceBasis.KEEP_GROSS
    entered_rates: Mapping[str, TaxRate] = attrs.field(factory=dict, converter=_rates)

    def request(
        self, lines: Sequence[TaxableLine], shipping: Money | None, tax_point: date
    ) -> TaxRequest:
        """Build the document's `TaxRequest`; line ``i`` gets the id ``str(i)``.

        Positional ids keep the caller's line ids (which may be anything, even ``shipping``) out
        of the tax engine's namespace.
        """
        tax_lines = []
        discounts = []
        for index, line in enumerate(lines):
            line_id = str(index)
            tax_lines.append(
                TaxLine(
                    line_id=line_id,
                    unit_price=line.unit_price,
                    quantity=line.quantity,
                    includes_tax=line.includes_tax,
                    category=line.tax_code or TaxCategory.STANDARD,
                    product_code=line.product_id,
                    entered_rate=self.entered_rates.get(line.price_source)
                    if line.includes_tax
                    else None,
                )
            )
            discounts += [
                TaxDiscount(amount=amount, includes_tax=includes, line_id=line_id)
                for amount, includes in line.discounts
                if amount.amount
            ]
        return TaxRequest(
            lines=tax_lines,
            seller=self.seller,
            buyer=self.buyer,
            tax_point=self.tax_point or tax_point,
            discounts=discounts,
            shipping=shipping,
            shipping_includes_tax=self.shipping_includes_tax,
            shipping_policy=self.shipping_policy,
            shipping_category=self.shipping_category,
            rounding=self.rounding,
            price_basis=self.price_basis,
        )

    def calculate(
        self, lines: Sequence[TaxableLine], shipping: Money | None, tax_point: date
    ) -> TaxResult:
        """Tax the quote's lines and shipping through the calculator, once per quote."""
        return self.calculator.calculate(self.request(lines, shipping, tax_point))
