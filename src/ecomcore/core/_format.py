"""Display formatting of money through babel, with ISO 4217 digits."""

import copy
import unicodedata
from functools import lru_cache

import moneyed
from babel import Locale, UnknownLocaleError
from babel.numbers import NumberPattern, get_currency_symbol

from ecomcore.core._errors import ValidationError
from ecomcore.core._money import minor_units


@lru_cache(maxsize=256)
def _pattern(locale: str, digits: int) -> tuple[Locale, NumberPattern]:
    """Return the locale and its standard currency pattern with ``digits`` fraction digits."""
    try:
        parsed = Locale.parse(locale)
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValidationError(
            "locale", locale, "a CLDR locale such as 'en_US' or 'de_DE'"
        ) from None
    pattern = copy.copy(parsed.currency_formats["standard"])
    pattern.frac_prec = (digits, digits)
    return parsed, pattern


def format_money(money: moneyed.Money, locale: str = "en_US") -> str:
    r"""Format ``money`` for display in ``locale``, with the currency's ISO 4217 digits.

    The locale decides symbol, separators and sign placement (babel/CLDR); ISO decides how many
    digits follow the decimal point, even where CLDR shows fewer (IQD has 3, not 0). An amount that
    was not yet rounded shows all its digits rather than being rounded for display behind your back.

    Examples:
        >>> from ecomcore.core import Money, format_money
        >>> format_money(Money("1234.5", "EUR"), "de_DE")
        '1.234,50\xa0€'
        >>> format_money(Money("1234.5", "USD"))
        '$1,234.50'
        >>> format_money(Money("1500", "JPY"), "ja_JP")
        '￥1,500'
        >>> format_money(Money("2.5", "KWD"), "en_US")
        'KWD\xa02.500'
        >>> format_money(Money("1500", "IQD"), "en_US")
        'IQD\xa01,500.000'
        >>> format_money(Money("0.125", "EUR"), "fr_FR")
        '0,125\xa0€'
    """
    code = money.currency.code
    parsed, pattern = _pattern(str(locale), minor_units(code))
    text = pattern.apply(
        money.amount, parsed, currency=code, currency_digits=False, decimal_quantization=False
    )
    return _space_currency(text, get_currency_symbol(code, parsed))


def _is_letter_like(char: str) -> bool:
    return not unicodedata.category(char).startswith(("S", "Z"))


def _space_currency(text: str, symbol: str) -> str:
    """Apply CLDR's default currency spacing, which babel leaves out.

    A symbol that ends (or starts) with a letter, such as "KWD", is kept apart from the adjacent
    digit by a no-break space; "$" or "€" are not.
    """
    start = text.find(symbol)
    if start < 0:
        return text
    end = start + len(symbol)
    if end < len(text) and text[end].isdigit() and _is_letter_like(symbol[-1]):
        text = f"{text[:end]}\xa0{text[end:]}"
    if start > 0 and text[start - 1].isdigit() and _is_letter_like(symbol[0]):
        text = f"{text[:start]}\xa0{text[start:]}"
    return text
