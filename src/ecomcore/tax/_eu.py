"""EU VAT: member states, VAT numbers with their evidence, and the distance-sales threshold."""

from datetime import datetime
from decimal import Decimal
from typing import Final

import attrs
from stdnum.eu import vat as stdnum_vat
from stdnum.exceptions import ValidationError as StdnumValidationError

from ecomcore.core import Money, ValidationError, as_money

EU_MEMBER_STATES: Final = frozenset((
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
))  # fmt: skip
"""The 27 member states by ISO 3166-1 code (Greece is GR here, EL only in VAT numbers)."""

EU_DISTANCE_SALES_THRESHOLD: Final = Money("10000", "EUR")
"""EU-wide cross-border B2C sales above which VAT is due where the buyer is (since 2021-07-01)."""

_VAT_PREFIX_TO_COUNTRY: Final = {"EL": "GR"}


def vat_prefix(country: str) -> str:
    """Return the VAT number prefix of an ISO country code (``GR`` -> ``EL``).

    Examples:
        >>> vat_prefix("GR"), vat_prefix("DE")
        ('EL', 'DE')
    """
    return "EL" if country == "GR" else country


def normalize_vat_number(raw: str) -> str:
    """Return an EU VAT number in its compact form, checked offline for syntax and check digits.

    Uses python-stdnum. Greek numbers are given the prefix ``EL`` (also when entered as ``GR``);
    British numbers (``GB``) are refused: the UK is not in the EU VAT area. Raises
    `InvalidVatNumberError` with the reason.

    Examples:
        >>> normalize_vat_number("de 136 695 976"), normalize_vat_number("GR094259216")
        ('DE136695976', 'EL094259216')
        >>> normalize_vat_number("DE136695977")
        Traceback (most recent call last):
        ...
        ecomcore.tax._errors.InvalidVatNumberError: ... (the check digit is wrong), ...
    """
    from ecomcore.tax._errors import InvalidVatNumberError  # noqa: PLC0415 (cycle-free)

    if not isinstance(raw, str):
        raise InvalidVatNumberError(raw, "a VAT number is text")
    if raw.strip().upper().startswith("GB"):
        raise InvalidVatNumberError(raw, "GB numbers are British, outside the EU VAT area")
    try:
        compact = stdnum_vat.compact(raw)
    except StdnumValidationError:
        raise InvalidVatNumberError(raw, "it is not a VAT number") from None
    if compact[:2] == "GR":
        compact = "EL" + compact[2:]
    try:
        stdnum_vat.validate(compact)
    except StdnumValidationError as error:
        reason = {
            "InvalidChecksum": "the check digit is wrong",
            "InvalidLength": "the length is wrong for the country",
            "InvalidFormat": "the characters are wrong for the country",
            "InvalidComponent": "the country prefix is not an EU member state",
        }.get(type(error).__name__, "it is not valid")
        raise InvalidVatNumberError(raw, reason) from None
    return str(compact)


@attrs.frozen(kw_only=True)
class VatAnswer:
    """A VAT number service's answer: registered or not, and the consultation reference it gave.

    Examples:
        >>> VatAnswer(valid=True, consultation_reference="WAPIAAAAW1234").valid
        True
    """

    valid: bool
    consultation_reference: str
    name: str | None = None


@attrs.frozen(kw_only=True)
class VatNumberCheck:
    """Evidence about a buyer's VAT number: what was checked, when, how, and the answer.

    ``online`` is True when a `VatNumberValidator` confirmed it (its consultation reference is
    kept); an offline check covers syntax and check digits only. Reverse charge needs an online
    confirmation (`confirms_business`).

    Examples:
        >>> from datetime import UTC, datetime
        >>> check = VatNumberCheck(vat_number="FR40303265045", valid=True, online=True,
        ...     checked_at=datetime(2026, 3, 1, tzinfo=UTC), consultation_reference="REF-1")
        >>> check.country, check.confirms_business
        ('FR', True)
    """

    vat_number: str
    valid: bool
    online: bool
    checked_at: datetime
    consultation_reference: str | None = None
    name: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.checked_at, datetime) or self.checked_at.utcoffset() is None:
            raise ValidationError("checked_at", self.checked_at, "a timezone-aware datetime")

    @property
    def country(self) -> str:
        """The ISO country code of the number (``GR`` for an ``EL`` number)."""
        prefix = self.vat_number[:2]
        return _VAT_PREFIX_TO_COUNTRY.get(prefix, prefix)

    @property
    def confirms_business(self) -> bool:
        """True when a VAT number service confirmed the number as registered."""
        return self.valid and self.online


def _eur(value: object) -> Money:
    money = as_money(value)  # type: ignore[arg-type]
    if money.currency.code != "EUR" or money.amount < 0:
        raise ValidationError("eu_cross_border_sales", money, "a EUR amount of 0 or more")
    return money


@attrs.frozen(kw_only=True)
class EuCrossBorderSales:
    """A seller's EU-wide cross-border B2C sales, for the 10,000 EUR threshold.

    ``current_year`` counts sales of this calendar year *before* the document being taxed;
    ``previous_year`` the whole previous year. When the document's currency is not EUR,
    ``eur_per_unit`` converts its net (EUR per one unit of the document currency).
    ``destination_opted`` records an option to tax at destination even below the threshold.

    Examples:
        >>> EuCrossBorderSales(current_year=Money("9000", "EUR")).previous_year
        Money('0', 'EUR')
    """

    current_year: Money = attrs.field(converter=_eur)
    previous_year: Money = attrs.field(default=Money("0", "EUR"), converter=_eur)
    eur_per_unit: Decimal | None = None
    destination_opted: bool = False

    def passes_threshold(self, this_sale_eur: Decimal) -> bool:
        """Say whether VAT is due at destination: threshold passed last year, or with this sale."""
        limit = EU_DISTANCE_SALES_THRESHOLD.amount
        return (
            self.destination_opted
            or self.previous_year.amount > limit
            or self.current_year.amount + this_sale_eur > limit
        )
