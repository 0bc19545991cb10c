"""Small validators and converters shared by the pricing value objects."""

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

import moneyed

from ecomcore.core import Money, PrecisionLossError, as_money, get_currency, to_minor_units
from ecomcore.pricing._errors import PromotionDefinitionError


def ids(values: Iterable[str] | None) -> frozenset[str]:
    """Convert an iterable of ids to a frozenset, refusing a bare string (a common slip)."""
    if values is None:
        return frozenset()
    if isinstance(values, str):
        raise PromotionDefinitionError("ids", values, "a collection of ids, not a single string")
    return frozenset(values)


def whole_money(value: moneyed.Money) -> Money:
    """Convert to ecomcore Money and insist on whole minor units (prices, thresholds, caps)."""
    money = as_money(value)
    try:
        to_minor_units(money)
    except PrecisionLossError:
        raise PromotionDefinitionError(
            "amount", money, "a whole number of minor units of its currency"
        ) from None
    return money


def optional_whole_money(value: moneyed.Money | None) -> Money | None:
    """Like `whole_money`, passing None through."""
    return None if value is None else whole_money(value)


def aware(_: object, attribute: Any, value: Any) -> None:
    """Attrs validator: None or a timezone-aware datetime."""
    if value is not None and (not isinstance(value, datetime) or value.utcoffset() is None):
        raise PromotionDefinitionError(attribute.name, value, "a timezone-aware datetime")


def positive(_: object, attribute: Any, value: Any) -> None:
    """Attrs validator: None or an int of at least 1."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise PromotionDefinitionError(attribute.name, value, "a whole number of at least 1")


def percent(value: object) -> Decimal:
    """Convert a percentage to Decimal, refusing floats and values outside 0-100."""
    if isinstance(value, float | bool):
        raise PromotionDefinitionError("percent", value, "a Decimal, int or string, not a float")
    try:
        number = Decimal(value) if isinstance(value, int | str) else value
    except ArithmeticError:
        raise PromotionDefinitionError("percent", value, "a number between 0 and 100") from None
    if not isinstance(number, Decimal) or not number.is_finite() or not 0 <= number <= 100:
        raise PromotionDefinitionError("percent", value, "a number between 0 and 100")
    return number


def currency_code(code: str) -> str:
    """Return the ISO code of a currency in upper case, or raise `UnknownCurrencyError`."""
    return get_currency(code).code


def window_contains(start: datetime | None, end: datetime | None, at: datetime) -> bool:
    """Tell whether ``at`` lies in [start, end); a missing bound is open."""
    return (start is None or start <= at) and (end is None or at < end)


def check_window(start: datetime | None, end: datetime | None) -> None:
    """Refuse a window that ends before it starts."""
    if start is not None and end is not None and end <= start:
        raise PromotionDefinitionError("valid_until", end, f"later than valid_from {start}")
