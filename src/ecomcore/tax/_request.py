"""What the tax engine is asked: a document's lines, discounts, shipping, parties and tax point."""

import enum
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

import attrs
import moneyed

from ecomcore.core import Address, Money, ValidationError, as_money, minor_units
from ecomcore.tax._eu import EuCrossBorderSales, VatNumberCheck
from ecomcore.tax._model import Jurisdiction, TaxCategory, TaxRate, as_category
from ecomcore.tax._rounding import RoundingPolicy
from ecomcore.tax._us import StateSales

SHIPPING_LINE_ID = "shipping"
"""The line id of shipping in a `TaxResult`; no line of a request with shipping may take it."""

_UNIT = {digits: Decimal(1).scaleb(-digits) for digits in range(5)}


def _whole_non_negative(field: str, money: Money) -> None:
    if money.amount < 0 or money.amount != money.amount.quantize(
        _UNIT[minor_units(money.currency)]
    ):
        raise ValidationError(field, money, "0 or more, in whole minor units of its currency")


def _lines(value: "Iterable[TaxLine]") -> "tuple[TaxLine, ...]":
    return tuple(value)


def _discounts(value: "Iterable[TaxDiscount]") -> "tuple[TaxDiscount, ...]":
    return tuple(value)


def _exemptions(value: "Iterable[Exemption]") -> "tuple[Exemption, ...]":
    return tuple(value)


def _levies(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise ValidationError("levies", value, "a sequence of levy names, such as ('provincial',)")
    return tuple(value)


@attrs.frozen(kw_only=True)
class TaxLine:
    """One line of a document to tax: a unit price, a quantity, and what the price includes.

    ``includes_tax`` says whether ``unit_price`` is gross (tax included) or net. For a gross
    price entered under another rate than the one that applies (a shop's home rate),
    ``entered_rate`` names that rate and the request's `PriceBasis` says what is kept.

    Examples:
        >>> line = TaxLine(line_id="l1", unit_price=Money("11.90", "EUR"), quantity=2,
        ...                includes_tax=True, category="standard")
        >>> line.amount
        Money('23.80', 'EUR')
    """

    line_id: str
    unit_price: Money = attrs.field(converter=as_money)
    quantity: int = 1
    includes_tax: bool = False
    category: TaxCategory = attrs.field(default=TaxCategory.STANDARD, converter=as_category)
    product_code: str | None = None
    entered_rate: TaxRate | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.line_id, str) or not self.line_id:
            raise ValidationError("line_id", self.line_id, "a non-empty line id")
        if type(self.quantity) is not int or self.quantity < 1:
            raise ValidationError("quantity", self.quantity, "a whole number of units, 1 or more")
        _whole_non_negative("unit_price", self.unit_price)

    @property
    def amount(self) -> Money:
        """Unit price times quantity, before discounts."""
        return self.unit_price * self.quantity


@attrs.frozen(kw_only=True)
class TaxDiscount:
    """A discount and whether its amount includes tax; on one line, or spread over all lines.

    A document discount (``line_id=None``) reaches the lines through `ecomcore.core.allocate`, in
    proportion to their amounts as entered.

    Examples:
        >>> TaxDiscount(amount=Money("1.19", "EUR"), includes_tax=True, line_id="l1").line_id
        'l1'
    """

    amount: Money = attrs.field(converter=as_money)
    includes_tax: bool
    line_id: str | None = None

    def __attrs_post_init__(self) -> None:
        _whole_non_negative("discount", self.amount)


class ShippingTaxPolicy(enum.Enum):
    """How shipping is taxed.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Address
        >>> from ecomcore import tax as t
        >>> tax = t.TableTaxCalculator(InMemoryTaxRateProvider(t.eu_vat_rules())).calculate
        >>> home = {"seller": t.Seller(address=Address("DE")), "tax_point": date(2026, 3, 1),
        ...         "buyer": t.Buyer(address=Address("DE")), "shipping": Money("5.00", "EUR")}
        >>> book = t.TaxLine(line_id="book", unit_price=Money("20.00", "EUR"), category="reduced")
        >>> for policy in t.ShippingTaxPolicy:  # shipping at its own 19%, or at the book's 7%
        ...     result = tax(t.TaxRequest(lines=[book], shipping_policy=policy, **home))
        ...     print(policy.value, result.line(t.SHIPPING_LINE_ID).amount.tax.amount)
        own_category 0.95
        weighted 0.35
    """

    OWN_CATEGORY = "own_category"
    """As a line of its own in the request's shipping category (``shipping`` by default)."""
    WEIGHTED = "weighted"
    """Split over the goods it carries in proportion to their net amounts, each at their rates."""


class PriceBasis(enum.Enum):
    """For a gross price entered under another rate than the one that applies: what is kept.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Address
        >>> from ecomcore import tax as t
        >>> tax = t.TableTaxCalculator(InMemoryTaxRateProvider(t.eu_vat_rules())).calculate
        >>> france = {"seller": t.Seller(address=Address("FR")), "tax_point": date(2026, 3, 1),
        ...           "buyer": t.Buyer(address=Address("FR"))}
        >>> german_price = t.TaxLine(line_id="a", unit_price=Money("11.90", "EUR"),
        ...                          includes_tax=True, entered_rate=t.TaxRate.percent("19"))
        >>> for basis in t.PriceBasis:  # sold at French VAT, 20%
        ...     result = tax(t.TaxRequest(lines=[german_price], price_basis=basis, **france))
        ...     print(basis.value, result.total.gross.amount)
        keep_gross 11.90
        keep_net 12.00
    """

    KEEP_GROSS = "keep_gross"
    """The customer pays the price shown; the net changes with the rate (B2C shops)."""
    KEEP_NET = "keep_net"
    """The net entered under the original rate is kept; the gross follows the applicable rate."""


@attrs.frozen(kw_only=True)
class Exemption:
    """A customer's exemption from the taxes of a jurisdiction, with the certificate that proves it.

    ``levies`` limits it to some levies (``("provincial",)``); empty means all levies there.

    Examples:
        >>> Exemption(jurisdiction=Jurisdiction("US", "WA"), certificate_id="WA-RESALE-1").levies
        ()
    """

    jurisdiction: Jurisdiction
    certificate_id: str
    levies: tuple[str, ...] = attrs.field(default=(), converter=_levies)
    valid_from: date | None = None
    valid_to: date | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.certificate_id, str) or not self.certificate_id.strip():
            raise ValidationError(
                "certificate_id", self.certificate_id, "the exemption certificate's id"
            )

    def covers(self, jurisdiction: Jurisdiction, levy: str, tax_point: date) -> bool:
        """Say whether the exemption applies to ``levy`` as levied in ``jurisdiction``."""
        if (self.valid_from and tax_point < self.valid_from) or (
            self.valid_to and tax_point > self.valid_to
        ):
            return False
        if self.levies and levy not in self.levies:
            return False
        mine = self.jurisdiction
        return mine.country == jurisdiction.country and mine.subdivision in (
            None,
            jurisdiction.subdivision,
        )


@attrs.frozen(kw_only=True)
class Seller:
    """The seller's place and the sales facts that decide where it must collect tax.

    - ``eu_cross_border_sales``: EU-wide distance sales so far, for the 10,000 EUR threshold.
    - ``us_sales``: sales per US state (two-letter code) for economic nexus;
      ``us_physical_presence`` the states where the seller has nexus anyway.

    Examples:
        >>> Seller(address=Address("DE")).address.country
        'DE'
    """

    address: Address
    eu_cross_border_sales: EuCrossBorderSales | None = None
    us_sales: Mapping[str, StateSales] = attrs.field(factory=dict)
    us_physical_presence: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)


@attrs.frozen(kw_only=True)
class Buyer:
    """The buyer's place, VAT number evidence (a business) and exemptions.

    Examples:
        >>> Buyer(address=Address("FR")).is_business
        False
    """

    address: Address
    vat_check: VatNumberCheck | None = None
    exemptions: tuple[Exemption, ...] = attrs.field(default=(), converter=_exemptions)

    @property
    def is_business(self) -> bool:
        """True when the buyer gave a VAT number (valid or not; see `vat_check`)."""
        return self.vat_check is not None


@attrs.frozen(kw_only=True)
class TaxRequest:
    """A document to tax: what the quote passes to a `TaxCalculator`, once per document.

    The tax point is a date (usually delivery): rates are those in force then, never "now".
    All amounts share one currency, in whole minor units; line ids are unique; a discount's
    ``line_id`` must name a line.

    Examples:
        >>> request = TaxRequest(
        ...     lines=[TaxLine(line_id="l1", unit_price=Money("10.00", "EUR"))],
        ...     seller=Seller(address=Address("DE")), buyer=Buyer(address=Address("DE")),
        ...     tax_point=date(2026, 3, 1))
        >>> request.currency.code, request.rounding.level.value
        ('EUR', 'per_line')
    """

    lines: tuple[TaxLine, ...] = attrs.field(converter=_lines)
    seller: Seller
    buyer: Buyer
    tax_point: date
    discounts: tuple[TaxDiscount, ...] = attrs.field(default=(), converter=_discounts)
    shipping: Money | None = None
    shipping_includes_tax: bool = False
    shipping_policy: ShippingTaxPolicy = ShippingTaxPolicy.OWN_CATEGORY
    shipping_category: TaxCategory = attrs.field(
        default=TaxCategory.SHIPPING, converter=as_category
    )
    rounding: RoundingPolicy = attrs.field(factory=RoundingPolicy)
    price_basis: PriceBasis = PriceBasis.KEEP_GROSS

    def __attrs_post_init__(self) -> None:
        if not self.lines:
            raise ValidationError("lines", self.lines, "one line or more")
        if type(self.tax_point) is not date:
            raise ValidationError("tax_point", self.tax_point, "a date (the tax point)")
        currency = self.lines[0].unit_price.currency
        amounts: list[moneyed.Money] = [line.unit_price for line in self.lines]
        amounts += [discount.amount for discount in self.discounts]
        if self.shipping is not None:
            object.__setattr__(self, "shipping", as_money(self.shipping))
            _whole_non_negative("shipping", self.shipping)
            amounts.append(self.shipping)
        for amount in amounts:
            if amount.currency != currency:
                raise ValidationError(
                    "currency", amount.currency.code, f"{currency.code}, one currency a document"
                )
        ids = [line.line_id for line in self.lines]
        if len(set(ids)) != len(ids):
            raise ValidationError("line_id", ids, "unique within the document")
        if self.shipping is not None and SHIPPING_LINE_ID in ids:
            raise ValidationError(
                "line_id", SHIPPING_LINE_ID, "another id: the result gives it to the shipping line"
            )
        for discount in self.discounts:
            if discount.line_id is not None and discount.line_id not in ids:
                raise ValidationError("discount.line_id", discount.line_id, f"one of {ids}")

    @property
    def currency(self) -> moneyed.Currency:
        """The document's currency."""
        return self.lines[0].unit_price.currency
