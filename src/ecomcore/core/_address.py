"""Where a party is: one `Address` for every context, with one country and subdivision check.

Countries and subdivisions are ISO 3166 codes, checked against pycountry's copy of the standard,
so every context accepts and refuses the same codes: ``GR`` and ``GB`` are countries, while ``EL``
(the Greek VAT prefix), ``UK`` (reserved, not assigned) and ``XX`` (user-assigned) are not.
"""

from collections.abc import Iterable
from functools import cache, lru_cache

import attrs
import pycountry

from ecomcore.core._carddata import refuse_card_data
from ecomcore.core._distance import Coordinates
from ecomcore.core._errors import ValidationError

__all__ = ["Address", "check_country", "check_subdivision"]

_COUNTRY_ALLOWED = "an ISO 3166-1 alpha-2 country code, like 'DE', 'GR' or 'GB'"
_MAX_TEXT = 200
_MAX_LINES = 4


@cache
def _alpha_2_codes() -> frozenset[str]:
    return frozenset(country.alpha_2 for country in pycountry.countries)


@lru_cache(maxsize=1024)
def _known_country(code: str) -> str | None:
    upper = code.strip().upper()
    return upper if upper in _alpha_2_codes() else None


def check_country(code: object, field: str = "country") -> str:
    """Return ``code`` as an upper-case ISO 3166-1 alpha-2 country code, or raise.

    The one country check of the library: tax, fraud, the catalog, stock locations and addresses
    all call it, so they all refuse the same codes with the same `ValidationError`.

    Examples:
        >>> check_country(" gr ")
        'GR'
        >>> check_country("EL")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: country must be an ISO 3166-1 alpha-2 country ...
        >>> check_country("UK", field="country_of_origin")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: country_of_origin must be an ISO 3166-1 ...
    """
    upper = _known_country(code) if isinstance(code, str) else None
    if upper is None:
        raise ValidationError(field, code, _COUNTRY_ALLOWED)
    return upper


@cache
def _subdivisions() -> dict[str, frozenset[str]]:
    by_country: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        country, code = subdivision.code.split("-", 1)
        by_country.setdefault(country, set()).add(code)
    return {country: frozenset(codes) for country, codes in by_country.items()}


def _subdivision_codes(country: str) -> frozenset[str]:
    return _subdivisions().get(country, frozenset())


def check_subdivision(country: str, code: object, field: str = "subdivision") -> str:
    """Return ``code`` as the upper-case ISO 3166-2 subdivision of ``country`` (``ON``, ``CA``).

    ``country`` must already be checked (`check_country`). The code is the part after the
    country prefix; the prefixed form (``CA-ON``) is accepted too.

    Examples:
        >>> check_subdivision("CA", "on"), check_subdivision("US", "US-WA")
        ('ON', 'WA')
        >>> check_subdivision("US", "ON")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: subdivision must be an ISO 3166-2 subdivision ...
    """
    text = code.strip().upper() if isinstance(code, str) else None
    if text is not None and text.startswith(f"{country}-"):
        text = text[len(country) + 1 :]
    if text is None or text not in _subdivision_codes(country):
        raise ValidationError(
            field, code, f"an ISO 3166-2 subdivision of {country}, like the 'ON' of 'CA-ON'"
        )
    return text


def _text(field: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        raise ValidationError(field, value, f"text of at most {_MAX_TEXT} characters")
    stripped = " ".join(value.split())
    refuse_card_data(f"Address.{field}", stripped)
    return stripped or None


def _postcode(value: object) -> str | None:
    text = _text("postcode", value)
    return text.upper() if text is not None else None


def _city(value: object) -> str | None:
    return _text("city", value)


def _name(value: object) -> str | None:
    return _text("name", value)


def _coordinates(_: object, __: "attrs.Attribute[Coordinates | None]", value: object) -> None:
    if value is not None and not isinstance(value, Coordinates):
        raise ValidationError("coordinates", value, "Coordinates (latitude, longitude) or None")


def _lines(value: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    try:
        items = tuple(value)
    except TypeError:
        raise ValidationError("lines", value, "a sequence of address lines") from None
    if len(items) > _MAX_LINES:
        raise ValidationError("lines", items, f"at most {_MAX_LINES} address lines")
    texts = (_text("lines", item) for item in items)
    return tuple(text for text in texts if text)


@attrs.frozen(cache_hash=True)
class Address:
    """A postal address: country, subdivision, postcode, city, street lines and recipient.

    The country is checked by `check_country`, the subdivision (state, province, region) by
    `check_subdivision`. Text is trimmed with inner runs of white space collapsed; postcodes are
    upper-cased with their spaces kept (``SW1A 1AA``), and contexts that compare postcodes
    (tax jurisdictions, shipping zones) normalise them for the comparison. Every text field
    (the recipient's ``name`` too) is bounded (200 characters, 4 lines) and a card number or CVV
    in any of them is refused. ``coordinates`` are where the caller's geocoder put the address;
    ecomcore never geocodes.

    Examples:
        >>> office = Address("ca", "on", "m5v 2t6", city="Toronto", lines=["290  Bremner Blvd"])
        >>> office.country, office.subdivision, office.postcode, office.lines
        ('CA', 'ON', 'M5V 2T6', ('290 Bremner Blvd',))
        >>> Address("EL")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: country must be an ISO 3166-1 alpha-2 country ...

        The recipient and the geocoded point are optional, and named:

        >>> from ecomcore.core import Coordinates, distance_km
        >>> home = Address("DE", postcode="10117", lines=["Unter den Linden 1"],
        ...                name="Kim  Meyer", coordinates=Coordinates(52.517, 13.389))
        >>> home.name, round(distance_km(home.coordinates, Coordinates(48.857, 2.352)))
        ('Kim Meyer', 876)
        >>> Address("DE", name="card 4111 1111 1111 1111")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.CardDataError: Address.name contains a full card number; ...
    """

    country: str = attrs.field(converter=check_country)
    subdivision: str | None = attrs.field(default=None)
    postcode: str | None = attrs.field(default=None, converter=_postcode)
    city: str | None = attrs.field(default=None, kw_only=True, converter=_city)
    lines: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_lines)
    name: str | None = attrs.field(default=None, kw_only=True, converter=_name)
    coordinates: Coordinates | None = attrs.field(
        default=None, kw_only=True, validator=_coordinates
    )

    def __attrs_post_init__(self) -> None:
        if self.subdivision is not None:
            object.__setattr__(
                self, "subdivision", check_subdivision(self.country, self.subdivision)
            )
