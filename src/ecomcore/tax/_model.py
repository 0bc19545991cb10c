"""Tax model: categories, rates, places, jurisdictions and the dated rate rules."""

import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import ClassVar

import attrs

from ecomcore.core import Address, ValidationError, check_country, check_subdivision


class TaxType(enum.Enum):
    """The kind of tax a rule levies, as printed on invoices.

    Examples:
        >>> gst = TaxRule(jurisdiction=Jurisdiction("CA"), levy="federal", tax_type=TaxType.GST,
        ...               rate=TaxRate.percent("5"))
        >>> us = TaxRule(jurisdiction=Jurisdiction("US", "WA"), levy="state",
        ...              tax_type=TaxType.SALES_TAX, rate=TaxRate.percent("6.5"))
        >>> str(gst), str(us)  # the invoice name comes from the type unless given
        ('CA GST 5% (standard)', 'US-WA SALES TAX 6.5% (standard)')
    """

    VAT = "vat"
    GST = "gst"
    HST = "hst"
    PST = "pst"
    QST = "qst"
    SALES_TAX = "sales_tax"


class Taxability(enum.Enum):
    """Why a line is taxed the way it is; the reason shown next to each rate.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Address, Money
        >>> from ecomcore import tax as t
        >>> tax = t.TableTaxCalculator(InMemoryTaxRateProvider(t.eu_vat_rules())).calculate
        >>> line = t.TaxLine(line_id="a", unit_price=Money("50.00", "EUR"))
        >>> export = tax(t.TaxRequest(lines=[line],
        ...     seller=t.Seller(address=Address("DE")), buyer=t.Buyer(address=Address("CH")),
        ...     tax_point=date(2026, 3, 1)))
        >>> export.line("a").taxability, export.total.tax
        (<Taxability.ZERO_RATED: 'zero_rated'>, Money('0.00', 'EUR'))
    """

    STANDARD = "standard"
    REDUCED = "reduced"
    ZERO_RATED = "zero_rated"
    EXEMPT = "exempt"
    REVERSE_CHARGE = "reverse_charge"
    CUSTOMER_EXEMPT = "customer_exempt"
    NOT_COLLECTING = "not_collecting"


def _category_code(value: object) -> str:
    if isinstance(value, TaxCategory):
        return value.code
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("category", value, "a non-empty tax category code such as 'standard'")
    return value.strip().lower()


@attrs.frozen(cache_hash=True)
class TaxCategory:
    """What kind of goods or service a line is, for tax: a code such as ``reduced`` or ``shipping``.

    The built-in codes are class attributes; any other code (a tax provider's product tax code,
    ``books``, ``txcd_20030000``) is a free category that rate rules can name. Codes are lower case.
    ``zero_rated`` and ``exempt`` need no rule: a line in them is untaxed unless a rule says more.

    Examples:
        >>> TaxCategory("Reduced") == TaxCategory.REDUCED == TaxCategory(TaxCategory.REDUCED)
        True
        >>> TaxCategory.SHIPPING.code
        'shipping'
    """

    code: str = attrs.field(converter=_category_code)

    STANDARD: ClassVar["TaxCategory"]
    REDUCED: ClassVar["TaxCategory"]
    SUPER_REDUCED: ClassVar["TaxCategory"]
    ZERO_RATED: ClassVar["TaxCategory"]
    EXEMPT: ClassVar["TaxCategory"]
    SHIPPING: ClassVar["TaxCategory"]

    def __str__(self) -> str:
        return self.code


TaxCategory.STANDARD = TaxCategory("standard")
TaxCategory.REDUCED = TaxCategory("reduced")
TaxCategory.SUPER_REDUCED = TaxCategory("super_reduced")
TaxCategory.ZERO_RATED = TaxCategory("zero_rated")
TaxCategory.EXEMPT = TaxCategory("exempt")
TaxCategory.SHIPPING = TaxCategory("shipping")


def as_category(value: "TaxCategory | str") -> TaxCategory:
    """Accept a category or its code."""
    return value if isinstance(value, TaxCategory) else TaxCategory(value)


_HUNDRED = Decimal(100)


@attrs.frozen(cache_hash=True)
class TaxRate:
    """A tax rate as an exact fraction (0.19 for 19%); never a float.

    Examples:
        >>> TaxRate.percent("9.975").fraction
        Decimal('0.09975')
        >>> str(TaxRate.percent("19")), str(TaxRate.percent("5.5"))
        ('19%', '5.5%')
    """

    fraction: Decimal

    def __attrs_post_init__(self) -> None:
        if (
            type(self.fraction) is not Decimal
            or not self.fraction.is_finite()
            or not 0 <= self.fraction < 10
        ):
            raise ValidationError("rate", self.fraction, "a Decimal fraction from 0 (0%) up")

    @classmethod
    def percent(cls, value: "str | int | Decimal") -> "TaxRate":
        """Build a rate from a percentage given as a string, an int or a Decimal.

        Examples:
            >>> TaxRate.percent(7) == TaxRate.percent("7.0")
            True
        """
        if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
            raise ValidationError("percent", value, "a percentage as a string, int or Decimal")
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ValidationError("percent", value, "a percentage such as '19' or '5.5'") from None
        if not number.is_finite() or number < 0:
            raise ValidationError("percent", value, "a finite percentage of 0 or more")
        return cls((number / _HUNDRED).normalize() if number else Decimal(0))

    @property
    def as_percent(self) -> Decimal:
        """The rate in percent, without trailing zeros."""
        return (self.fraction * _HUNDRED).normalize() if self.fraction else Decimal(0)

    def __str__(self) -> str:
        return f"{self.as_percent:f}%"


ZERO_RATE = TaxRate(Decimal(0))


def _prefixes(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not all(isinstance(item, str) for item in value):  # type: ignore[attr-defined]
        raise ValidationError("postal_prefixes", value, "a sequence of postal code prefixes")
    return tuple(item.replace(" ", "").upper() for item in value)  # type: ignore[attr-defined]


def _ranges(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    ranges = tuple(value)
    for item in ranges:
        if (
            not isinstance(item, tuple)
            or len(item) != 2
            or not all(isinstance(end, str) for end in item)
            or item[0] > item[1]
        ):
            raise ValidationError("postal_ranges", value, "(first, last) postal code pairs")
    return ranges


@attrs.frozen(cache_hash=True)
class Jurisdiction:
    """A place that levies tax: a country, optionally a subdivision and postal prefixes or ranges.

    The country and subdivision are checked as an `ecomcore.core.Address`'s are (ISO 3166:
    ``GR`` for Greece, never the VAT prefix ``EL``). `specificity` orders jurisdictions: a postal
    area (2) over a subdivision (1) over its country (0). Postcodes are compared without their
    spaces; postal ranges compare codes as text of equal length, inclusive at both ends.

    Examples:
        >>> bc = Jurisdiction("CA", "BC")
        >>> bc.contains(Address("CA", "BC", "V6B 1A1")), bc.contains(Address("CA", "ON"))
        (True, False)
        >>> Jurisdiction("US", "CA", postal_ranges=(("90001", "90099"),)).contains(
        ...     Address("US", "CA", "90012"))
        True
        >>> str(bc)
        'CA-BC'
        >>> Jurisdiction("EL")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: country must be an ISO 3166-1 alpha-2 country ...
    """

    country: str = attrs.field(converter=check_country)
    subdivision: str | None = attrs.field(default=None)
    postal_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_prefixes)
    postal_ranges: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_ranges)

    def __attrs_post_init__(self) -> None:
        if self.subdivision is not None:
            object.__setattr__(
                self, "subdivision", check_subdivision(self.country, self.subdivision)
            )

    @property
    def specificity(self) -> int:
        """2 for a postal area, 1 for a subdivision, 0 for a whole country."""
        if self.postal_prefixes or self.postal_ranges:
            return 2
        return 1 if self.subdivision else 0

    def contains(self, address: Address) -> bool:
        """Say whether ``address`` lies inside this jurisdiction."""
        if address.country != self.country:
            return False
        if self.subdivision is not None and address.subdivision != self.subdivision:
            return False
        if not (self.postal_prefixes or self.postal_ranges):
            return True
        if address.postcode is None:
            return False
        code = address.postcode.replace(" ", "")
        return any(code.startswith(prefix) for prefix in self.postal_prefixes) or any(
            len(code) == len(low) and low <= code <= high for low, high in self.postal_ranges
        )

    def __str__(self) -> str:
        text = self.country + (f"-{self.subdivision}" if self.subdivision else "")
        postal = [*self.postal_prefixes, *(f"{low}..{high}" for low, high in self.postal_ranges)]
        return text + (f" ({', '.join(postal)})" if postal else "")


def _optional_product_code(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("product_code", value, "a non-empty product tax code or None")
    return value.strip()


@attrs.frozen(kw_only=True, cache_hash=True)
class TaxRule:
    """One dated rate: in this jurisdiction, for this category or product, this levy is this rate.

    - ``levy`` names the tax slot the rule fills (``vat``, ``federal``, ``provincial``, ``state``).
      A line pays one rate per levy, so GST and PST are two levies on one line, while Ontario's HST
      *replaces* GST by filling the same ``federal`` levy at the more specific subdivision.
    - ``category`` is the category the rule is for; ``standard`` is also the default, used for any
      category without a rule of its own. ``product_code`` makes the rule product-specific.
    - ``valid_from`` / ``valid_to`` bound the tax points it applies to, both inclusive, either open.
    - ``compound``: the tax is charged on the net plus the non-compound taxes of the line.
    - ``taxability`` is the reason shown with the rate (standard, reduced, zero rated, exempt).

    Examples:
        >>> rule = TaxRule(jurisdiction=Jurisdiction("DE"), levy="vat", tax_type=TaxType.VAT,
        ...                rate=TaxRate.percent("7"), category="reduced")
        >>> rule.taxability, rule.name, rule.in_force(date(2026, 1, 1))
        (<Taxability.REDUCED: 'reduced'>, 'VAT', True)
    """

    jurisdiction: Jurisdiction
    levy: str
    tax_type: TaxType
    rate: TaxRate
    category: TaxCategory = attrs.field(default=TaxCategory.STANDARD, converter=as_category)
    product_code: str | None = attrs.field(default=None, converter=_optional_product_code)
    valid_from: date | None = None
    valid_to: date | None = None
    compound: bool = False
    name: str = ""
    taxability: Taxability = attrs.field()
    note: str = ""

    @taxability.default
    def _default_taxability(self) -> Taxability:
        if self.category == TaxCategory.EXEMPT:
            return Taxability.EXEMPT
        if not self.rate.fraction:
            return Taxability.ZERO_RATED
        if self.category == TaxCategory.STANDARD:
            return Taxability.STANDARD
        return Taxability.REDUCED

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.levy, str) or not self.levy:
            raise ValidationError("levy", self.levy, "a non-empty levy name such as 'vat'")
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValidationError(
                "valid_to", self.valid_to, f"on or after valid_from ({self.valid_from})"
            )
        if not self.name:
            object.__setattr__(self, "name", self.tax_type.name.replace("_", " "))

    def in_force(self, tax_point: date) -> bool:
        """Say whether the rule applies at ``tax_point`` (both ends inclusive)."""
        return (self.valid_from is None or self.valid_from <= tax_point) and (
            self.valid_to is None or tax_point <= self.valid_to
        )

    @property
    def goods_specificity(self) -> int:
        """2 for a product-specific rule, 1 for a category rule, 0 for the standard default."""
        if self.product_code is not None:
            return 2
        return 0 if self.category == TaxCategory.STANDARD else 1

    def __str__(self) -> str:
        what = self.product_code or self.category.code
        return f"{self.jurisdiction} {self.name} {self.rate} ({what})"
