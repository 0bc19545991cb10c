"""Finding card data in text: Luhn-valid card numbers and CVVs, so they can be refused."""

import re
from typing import Final

from ecomcore.core._errors import CardDataError

__all__ = ["find_card_data", "luhn_valid", "refuse_card_data"]

# A run of digit groups separated by single spaces or dashes, as people type card numbers.
# A run right after "+" is an international phone number, never a card.
_DIGIT_RUN: Final = re.compile(r"(?<![\d+])\d+(?:[ -]\d+)*")
_SEPARATOR: Final = re.compile(r"[ -]")
_CVV: Final = re.compile(
    r"\b(?:cvv2?|cvc2?|cid|csc|security\s+code|card\s+verification(?:\s+(?:code|value))?)"
    r"\b\W{0,5}\d{3,4}\b",
    re.IGNORECASE,
)
_PAN_MIN, _PAN_MAX = 13, 19


def luhn_valid(digits: str) -> bool:
    """Whether a string of digits passes the Luhn check that every card number passes.

    Examples:
        >>> luhn_valid("4111111111111111"), luhn_valid("4111111111111112")
        (True, False)
    """
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _has_card_number(text: str) -> bool:
    for run in _DIGIT_RUN.finditer(text):
        groups = _SEPARATOR.split(run.group())
        # Any stretch of whole consecutive groups with 13 to 19 digits may be a card number.
        for start in range(len(groups)):
            digits = ""
            for group in groups[start:]:
                digits += group
                if len(digits) > _PAN_MAX:
                    break
                if len(digits) >= _PAN_MIN and luhn_valid(digits):
                    return True
    return False


def find_card_data(text: str) -> str | None:
    """Say what card data ``text`` holds ("a full card number", "a CVV") or None if it holds none.

    A full card number is a Luhn-valid run of 13 to 19 digits, possibly in groups separated by
    single spaces or dashes. A CVV is 3 or 4 digits right after a word such as "CVV", "CVC" or
    "security code".

    Examples:
        >>> find_card_data("please use 4111 1111 1111 1111 again")
        'a full card number'
        >>> find_card_data("cvc: 123") , find_card_data("Flat 4, 12 High Street")
        ('a CVV', None)
    """
    if _has_card_number(text):
        return "a full card number"
    if _CVV.search(text):
        return "a CVV"
    return None


def refuse_card_data(field: str, text: str | None) -> None:
    """Raise `CardDataError` naming ``field`` if ``text`` holds a card number or a CVV.

    Examples:
        >>> refuse_card_data("phone", "+44 20 7946 0958")
        >>> refuse_card_data("note", "card 5555-5555-5555-4444")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.CardDataError: note contains a full card number; ...
    """
    if text is None:
        return
    found = find_card_data(text)
    if found is not None:
        raise CardDataError(field, found)
