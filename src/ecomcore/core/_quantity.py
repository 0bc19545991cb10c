"""Whole numbers from outside: quantities, counts and limits, checked one way everywhere."""

from typing import Any

import attrs

from ecomcore.core._errors import ValidationError

__all__ = ["check_whole_number", "whole_number"]


def check_whole_number(
    field: str, value: object, *, minimum: int = 0, maximum: int | None = None
) -> int:
    """Return ``value`` if it is an ``int`` (never a bool, float or text) within the bounds.

    The one whole-number check of the library: quantities, counts, days and limits all go
    through it, so ``True``, ``2.0`` and ``"3"`` are refused alike, naming the field.

    Examples:
        >>> check_whole_number("quantity", 3, minimum=1)
        3
        >>> check_whole_number("quantity", 2.0, minimum=1)
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: quantity must be a whole number, 1 or more, got 2.0
        >>> check_whole_number("percent", 120, maximum=100)
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: percent must be a whole number from 0 to 100, got 120
    """
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or value < minimum
        or (maximum is not None and value > maximum)
    ):
        allowed = (
            f"a whole number, {minimum} or more"
            if maximum is None
            else f"a whole number from {minimum} to {maximum}"
        )
        raise ValidationError(field, value, allowed)
    return value


def whole_number(*, minimum: int = 0, maximum: int | None = None) -> Any:
    """Make an attrs validator that applies `check_whole_number` to a field.

    Examples:
        >>> @attrs.frozen
        ... class Pack:
        ...     size: int = attrs.field(validator=whole_number(minimum=1))
        >>> Pack(0)
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: size must be a whole number, 1 or more, got 0
    """

    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        check_whole_number(attribute.name, value, minimum=minimum, maximum=maximum)

    return check
