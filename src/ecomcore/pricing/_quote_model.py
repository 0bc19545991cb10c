"""What goes into a quote and what comes out: requests, quoted lines, adjustments, the quote."""

from collections.abc import Iterable
from datetime import datetime

import attrs

from ecomcore.core import Money, TaxedMoney, ValidationError, allocate, sum_money
from ecomcore.pricing._checks import aware, currency_code, ids, optional_whole_money, positive
from ecomcore.pricing._coupons import CouponRefusal
from ecomcore.pricing._price_lists import PriceListKind
from ecomcore.tax import TaxComponent, TaxTotal

__all__ = [
    "Adjustment",
    "AppliedPromotion",
    "CustomerContext",
    "LineItem",
    "NearMiss",
    "Quote",
    "QuoteRequest",
    "QuotedLine",
    "ShippingQuote",
]


@attrs.frozen
class CustomerContext:
    """Who is buying, as pricing needs to know: id, groups, whether it is their first order.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import (CustomerInGroup, LineItem, PercentOff, PriceBook,
        ...     Promotion, QuoteRequest, quote)
        >>> staff = Promotion("staff", "Staff 20%", PercentOff("20"),
        ...                   condition=CustomerInGroup({"staff"}))
        >>> mug = LineItem("1", "mug", "mug", 1, unit_price=Money("10.00", "EUR"))
        >>> for who in (CustomerContext(), CustomerContext("c-7", groups={"staff"})):
        ...     request = QuoteRequest("EUR", [mug], datetime(2026, 6, 1, tzinfo=UTC), customer=who)
        ...     print(quote(request, prices=PriceBook([]), promotions=[staff]).discount.amount)
        0.00
        2.00
    """

    customer_id: str | None = None
    groups: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    first_order: bool = False


@attrs.frozen
class LineItem:
    """A line to price: the variant and the facts promotions look at, and a quantity.

    ``unit_price`` gives the price outright (a custom item) instead of resolving it from price
    lists; ``prices_include_tax`` then says whether it is gross.

    Examples:
        >>> LineItem("1", "tee-m", "tee", 2, category_ids={"shirts"}).quantity
        2
    """

    line_id: str
    variant_id: str
    product_id: str
    quantity: int = attrs.field(validator=positive)
    category_ids: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    collection_ids: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    unit_price: Money | None = attrs.field(default=None, converter=optional_whole_money)
    prices_include_tax: bool = False
    tax_code: str | None = None


def _lines(lines: Iterable[LineItem]) -> tuple[LineItem, ...]:
    result = tuple(lines)
    seen = [line.line_id for line in result]
    if len(set(seen)) != len(seen):
        raise ValidationError("lines", seen, "lines with distinct line ids")
    return result


def _codes(codes: Iterable[str]) -> tuple[str, ...]:
    if isinstance(codes, str):
        raise ValidationError("coupon_codes", codes, "a collection of codes, not one string")
    return tuple(codes)


@attrs.frozen
class QuoteRequest:
    """Everything a quote depends on besides the store's price lists and promotions.

    ``at`` is the instant prices and promotions are taken at (pass ``clock.now()``);
    ``shipping`` is the shipping amount before promotions, if any.

    Examples:
        >>> from datetime import UTC, datetime
        >>> at = datetime(2026, 6, 1, tzinfo=UTC)
        >>> request = QuoteRequest("eur", [LineItem("1", "mug", "mug", 2)], at, coupon_codes=["x"])
        >>> request.currency, request.customer.first_order, request.shipping
        ('EUR', False, None)
        >>> QuoteRequest("EUR", [LineItem("1", "mug", "mug", 1)], at, shipping=Money("4.95", "USD"))
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: amount must be an amount in EUR, ...
    """

    currency: str = attrs.field(converter=currency_code)
    lines: tuple[LineItem, ...] = attrs.field(converter=_lines)
    at: datetime = attrs.field(validator=aware)
    customer: CustomerContext = attrs.field(factory=CustomerContext)
    channel: str | None = None
    region: str | None = None
    coupon_codes: tuple[str, ...] = attrs.field(default=(), converter=_codes)
    shipping: Money | None = attrs.field(default=None, converter=optional_whole_money)

    def __attrs_post_init__(self) -> None:
        for amount in [line.unit_price for line in self.lines] + [self.shipping]:
            if amount is not None and amount.currency.code != self.currency:
                raise ValidationError("amount", amount, f"an amount in {self.currency}")


@attrs.frozen(slots=False)  # slots=False: the quote engine builds it with _fast.build
class Adjustment:
    """One promotion's discount on one line (or on shipping), with the reason in words.

    ``amount`` is what was taken off, as a positive amount.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import (AmountOff, LineItem, PriceBook, Promotion, QuoteRequest,
        ...     quote)
        >>> lines = [LineItem("a", "a", "a", 1, unit_price=Money("30.00", "EUR")),
        ...          LineItem("b", "b", "b", 1, unit_price=Money("10.00", "EUR"))]
        >>> spring = Promotion("spring", "Spring", AmountOff(Money("10.00", "EUR")))
        >>> result = quote(QuoteRequest("EUR", lines, datetime(2026, 6, 1, tzinfo=UTC)),
        ...                prices=PriceBook([]), promotions=[spring])
        >>> [(line.line_id, a.amount, a.reason) for line in result.lines for a in line.adjustments]
        [('a', Money('7.50', 'EUR'), 'Spring: 10.00 EUR off every item'),
         ('b', Money('2.50', 'EUR'), 'Spring: 10.00 EUR off every item')]
    """

    promotion_id: str
    promotion_name: str
    amount: Money
    reason: str
    coupon_code: str | None = None


@attrs.frozen(slots=False)  # slots=False: the quote engine builds it with _fast.build
class QuotedLine:
    """A priced line: where the price came from, every adjustment, and net, tax and gross.

    ``subtotal`` is unit price times quantity; ``amount`` is the subtotal less the discount, in
    the terms of the price (gross when ``prices_include_tax``); ``total`` is the line's net, tax
    and gross after discounts as the tax engine computed them (no tax without a `QuoteTax`), and
    ``tax_components`` its breakdown: one `TaxComponent` per tax, with rate, tax type,
    jurisdiction and taxability reason.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import (LineItem, PriceBook, PriceList, PriceListKind,
        ...     QuoteRequest, quote)
        >>> sale = PriceList.of("summer", "EUR", {"mug": "9.00"}, kind=PriceListKind.SALE)
        >>> book = PriceBook([PriceList.of("retail", "EUR", {"mug": "12.00"}), sale])
        >>> cart = QuoteRequest("EUR", [LineItem("1", "mug", "mug", 2)],
        ...                     datetime(2026, 6, 1, tzinfo=UTC))
        >>> line = quote(cart, prices=book).line("1")
        >>> line.price_source, line.price_kind.value, line.original_unit_price, line.subtotal
        ('summer', 'sale', Money('12.00', 'EUR'), Money('18.00', 'EUR'))
    """

    line_id: str
    variant_id: str
    quantity: int
    unit_price: Money
    price_source: str
    """The id of the price list the price came from, ``"given"`` or ``"gift"``."""
    price_kind: PriceListKind | None
    original_unit_price: Money
    """The compare-at price when a sale list priced the line, else the unit price."""
    adjustments: tuple[Adjustment, ...]
    total: TaxedMoney
    prices_include_tax: bool
    is_gift: bool = False
    tax_components: tuple[TaxComponent, ...] = ()

    @property
    def subtotal(self) -> Money:
        """Unit price times quantity, before promotions."""
        return self.unit_price * self.quantity

    @property
    def discount(self) -> Money:
        """Everything promotions took off the line: the sum of its adjustments."""
        return sum_money(
            (adjustment.amount for adjustment in self.adjustments),
            currency=self.unit_price.currency,
        )

    @property
    def amount(self) -> Money:
        """The subtotal less the discount."""
        return self.subtotal - self.discount

    def unit_amounts(self) -> list[Money]:
        """Split `amount` over the units with `allocate`, e.g. to refund some of them.

        Examples:
            >>> from ecomcore.core import Money, TaxedMoney
            >>> line = QuotedLine("1", "v", 3, Money("10.00", "EUR"), "retail", None,
            ...     Money("10.00", "EUR"), (Adjustment("p", "Promo", Money("10.00", "EUR"), "-"),),
            ...     TaxedMoney(Money("20.00", "EUR"), Money(0, "EUR")), False)
            >>> line.subtotal, line.discount
            (Money('30.00', 'EUR'), Money('10.00', 'EUR'))
            >>> line.unit_amounts()
            [Money('6.67', 'EUR'), Money('6.67', 'EUR'), Money('6.66', 'EUR')]
        """
        return allocate(self.amount, [1] * self.quantity)


@attrs.frozen
class ShippingQuote:
    """Shipping before and after promotions, its net, tax and gross, and its tax breakdown.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import (LineItem, PriceBook, Promotion, QuoteRequest,
        ...     ShippingDiscount, quote)
        >>> mug = LineItem("1", "mug", "mug", 1, unit_price=Money("10.00", "EUR"))
        >>> cart = QuoteRequest("EUR", [mug], datetime(2026, 6, 1, tzinfo=UTC),
        ...                     shipping=Money("4.90", "EUR"))
        >>> half = Promotion("ship", "Half shipping", ShippingDiscount(percent="50"))
        >>> shipping = quote(cart, prices=PriceBook([]), promotions=[half]).shipping
        >>> shipping.amount, shipping.discount, shipping.total.gross
        (Money('4.90', 'EUR'), Money('2.45', 'EUR'), Money('2.45', 'EUR'))
    """

    amount: Money
    adjustments: tuple[Adjustment, ...]
    discount: Money
    total: TaxedMoney
    tax_components: tuple[TaxComponent, ...] = ()


@attrs.frozen
class AppliedPromotion:
    """A promotion that took something off, in all (lines, shipping and gifts together).

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import (Coupon, CouponBook, LineItem, PercentOff, PriceBook,
        ...     Promotion, QuoteRequest, quote)
        >>> mug = LineItem("1", "mug", "mug", 2, unit_price=Money("10.00", "EUR"))
        >>> cart = QuoteRequest("EUR", [mug], datetime(2026, 6, 1, tzinfo=UTC), coupon_codes=["hi"])
        >>> welcome = Promotion("w", "Welcome", PercentOff("10"), coupon_required=True)
        >>> quote(cart, prices=PriceBook([]), promotions=[welcome],
        ...       coupons=CouponBook([Coupon("HI", "w")])).promotions
        (AppliedPromotion(promotion_id='w', name='Welcome', discount=Money('2.00', 'EUR'),
                          coupon_code='HI', detail=''),)
    """

    promotion_id: str
    name: str
    discount: Money
    coupon_code: str | None = None
    detail: str = ""


@attrs.frozen
class NearMiss:
    """A promotion the cart almost qualifies for, and what it lacks.

    Examples:
        >>> NearMiss("ship", "Free shipping", Money("12.00", "EUR"), 0,
        ...          "add 12.00 EUR for Free shipping").message
        'add 12.00 EUR for Free shipping'
    """

    promotion_id: str
    name: str
    missing_amount: Money | None
    missing_quantity: int
    message: str


@attrs.frozen
class Quote:
    """The priced cart: every line, shipping, totals, promotions, coupons and near misses.

    ``subtotal`` is every line (gift lines at their value) before promotions; ``discount`` is
    everything promotions took off (lines, gifts and shipping) and equals the sum of every
    adjustment; so ``subtotal - discount + shipping`` is the amount charged when prices include
    tax or no tax is charged. ``total`` is the document's net, tax and gross; ``tax_totals`` its
    tax per rate (their tax adds up to ``total.tax``) and ``tax_notes`` the invoice mentions
    (reverse charge, place of supply), both empty without a `QuoteTax`.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import (LineItem, PercentOff, PriceBook, PriceList, Promotion,
        ...     QuoteRequest, quote)
        >>> book = PriceBook([PriceList.of("retail", "EUR", {"mug": "12.00"})])
        >>> result = quote(QuoteRequest("EUR", [LineItem("1", "mug", "mug", 2)],
        ...                             at=datetime(2026, 5, 1, tzinfo=UTC)),
        ...                prices=book, promotions=[Promotion("p", "Mug days", PercentOff("10"))])
        >>> line = result.line("1")
        >>> line.price_source, line.subtotal, line.discount, line.amount
        ('retail', Money('24.00', 'EUR'), Money('2.40', 'EUR'), Money('21.60', 'EUR'))
        >>> [(p.promotion_id, p.discount) for p in result.promotions]
        [('p', Money('2.40', 'EUR'))]
    """

    currency: str
    lines: tuple[QuotedLine, ...]
    shipping: ShippingQuote | None
    subtotal: Money
    discount: Money
    total: TaxedMoney
    promotions: tuple[AppliedPromotion, ...]
    applied_coupons: tuple[str, ...]
    refused_coupons: tuple[CouponRefusal, ...]
    near_misses: tuple[NearMiss, ...]
    tax_totals: tuple[TaxTotal, ...] = ()
    tax_notes: tuple[str, ...] = ()

    def line(self, line_id: str) -> QuotedLine:
        """Return the quoted line with ``line_id`` (KeyError if absent)."""
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise KeyError(line_id)
