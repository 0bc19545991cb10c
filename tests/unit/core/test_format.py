"""format_money: babel's locale rules with ISO 4217 digits."""

import pytest

from ecomcore.core import Money, ValidationError, format_money


@pytest.mark.parametrize(
    ("amount", "code", "locale", "expected"),
    [
        ("1234.5", "EUR", "de_DE", "1.234,50\xa0€"),
        ("1234.5", "EUR", "en_IE", "€1,234.50"),
        ("-1234.5", "USD", "en_US", "-$1,234.50"),
        ("1234", "JPY", "en_US", "¥1,234"),
        ("2.5", "KWD", "en_US", "KWD\xa02.500"),
        ("1500", "IQD", "en_US", "IQD\xa01,500.000"),
        ("0.5", "CLF", "es_CL", "CLF\xa00,5000"),
        # The CLDR data of the locked babel (2.19) writes the Swiss group separator as a plain "'".
        ("1234.5", "CHF", "de_CH", "CHF\xa01'234.50"),
    ],
)
def test_formats_with_locale_conventions_and_iso_digits(
    amount: str, code: str, locale: str, expected: str
) -> None:
    """Separators and symbols come from the locale; the number of decimals from ISO 4217."""
    assert format_money(Money(amount, code), locale) == expected


def test_unrounded_amounts_show_all_their_digits() -> None:
    """0.125 EUR is not silently shown as 0.13 (or 0.12)."""
    assert format_money(Money("0.125", "EUR"), "en_IE") == "€0.125"


def test_unknown_locale_is_a_validation_error() -> None:
    """A bad locale names the field and an example of a good one."""
    with pytest.raises(ValidationError, match="locale must be a CLDR locale"):
        format_money(Money("1", "EUR"), "xx_NOPE")
