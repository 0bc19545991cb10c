"""Typed attributes: definitions attached to product types, and values checked against them."""

import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

import attrs

from ecomcore.catalog._errors import AttributeValueError
from ecomcore.core import ValidationError

__all__ = ["AttributeDefinition", "AttributeKind", "AttributeValue", "ProductType"]

AttributeValue = str | Decimal | bool | date
"""What an attribute holds once checked: text or choice (str), number (Decimal), flag, date."""


class AttributeKind(enum.Enum):
    """The kind of value an attribute holds.

    Examples:
        >>> from ecomcore.catalog import AttributeDefinition, AttributeKind
        >>> launched = AttributeDefinition("launched", "Launched", AttributeKind.DATE)
        >>> launched.check("2026-03-01")
        datetime.date(2026, 3, 1)
        >>> AttributeDefinition.number("capacity", "Capacity", unit="ml").kind
        <AttributeKind.NUMBER: 'number'>
    """

    TEXT = "text"
    NUMBER = "number"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    DATE = "date"


_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0"})


@attrs.frozen
class AttributeDefinition:
    """One attribute a product type asks for: its code, kind, unit, choices and whether required.

    `check` turns an incoming value (often text from a form or a file) into the attribute's
    value, or raises `AttributeValueError` saying what is allowed. Numbers are Decimals in
    the definition's ``unit``; floats are refused.

    Examples:
        >>> capacity = AttributeDefinition.number("capacity", "Capacity", unit="ml")
        >>> capacity.check("350")
        Decimal('350')
        >>> AttributeDefinition.choice("fit", "Fit", ["slim", "regular"]).check("baggy")
        Traceback (most recent call last):
        ...
        ecomcore.catalog._errors.AttributeValueError: attribute fit must be one of 'slim', ...
    """

    code: str
    name: str
    kind: AttributeKind
    required: bool = False
    unit: str | None = None
    choices: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        if not self.code.isidentifier():
            raise ValidationError("code", self.code, "an identifier such as 'shoe_size'")
        if (self.kind is AttributeKind.CHOICE) != bool(self.choices):
            raise ValidationError("choices", self.choices, "given for choice attributes only")
        if self.unit is not None and self.kind is not AttributeKind.NUMBER:
            raise ValidationError("unit", self.unit, "given for number attributes only")

    @classmethod
    def text(cls, code: str, name: str, *, required: bool = False) -> "AttributeDefinition":
        """Return a free-text attribute."""
        return cls(code, name, AttributeKind.TEXT, required)

    @classmethod
    def number(
        cls, code: str, name: str, *, unit: str | None = None, required: bool = False
    ) -> "AttributeDefinition":
        """Return a number, optionally in a ``unit`` (``"ml"``, ``"mAh"``)."""
        return cls(code, name, AttributeKind.NUMBER, required, unit)

    @classmethod
    def boolean(cls, code: str, name: str, *, required: bool = False) -> "AttributeDefinition":
        """Return a yes/no attribute."""
        return cls(code, name, AttributeKind.BOOLEAN, required)

    @classmethod
    def choice(
        cls, code: str, name: str, choices: list[str] | tuple[str, ...], *, required: bool = False
    ) -> "AttributeDefinition":
        """One of a fixed list of ``choices``."""
        return cls(code, name, AttributeKind.CHOICE, required, None, tuple(choices))

    @classmethod
    def date(cls, code: str, name: str, *, required: bool = False) -> "AttributeDefinition":
        """Return a calendar date (ISO ``YYYY-MM-DD`` as text)."""
        return cls(code, name, AttributeKind.DATE, required)

    def check(self, value: object) -> AttributeValue:
        """Return ``value`` as this attribute's type, or raise `AttributeValueError`."""
        checker = _CHECKERS[self.kind]
        return checker(self, value)

    def _refuse(self, value: object, allowed: str) -> AttributeValueError:
        return AttributeValueError(self.code, value, allowed)


def _check_text(definition: AttributeDefinition, value: object) -> AttributeValue:
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise definition._refuse(value, "non-empty text")


def _check_number(definition: AttributeDefinition, value: object) -> AttributeValue:
    unit = f" in {definition.unit}" if definition.unit else ""
    if isinstance(value, int | Decimal | str) and not isinstance(value, bool):
        try:
            number = Decimal(value.strip() if isinstance(value, str) else value)
        except InvalidOperation:
            pass
        else:
            if number.is_finite():
                return number
    raise definition._refuse(value, f"a number{unit} as an int, Decimal or text like '1.5'")


def _check_boolean(definition: AttributeDefinition, value: object) -> AttributeValue:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise definition._refuse(value, "true or false (or yes/no, 1/0)")


def _check_choice(definition: AttributeDefinition, value: object) -> AttributeValue:
    if isinstance(value, str) and value.strip() in definition.choices:
        return value.strip()
    raise definition._refuse(value, "one of " + ", ".join(map(repr, definition.choices)))


def _check_date(definition: AttributeDefinition, value: object) -> AttributeValue:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise definition._refuse(value, "a date like '2026-03-01'")


_CHECKERS = {
    AttributeKind.TEXT: _check_text,
    AttributeKind.NUMBER: _check_number,
    AttributeKind.BOOLEAN: _check_boolean,
    AttributeKind.CHOICE: _check_choice,
    AttributeKind.DATE: _check_date,
}


@attrs.frozen
class ProductType:
    """A kind of product (``mug``, ``t-shirt``) and the attributes its products carry.

    ``requires_shipping`` says whether its products are physical: then the publication check
    wants a weight on every variant.

    Examples:
        >>> mug = ProductType("mug", "Mug", (
        ...     AttributeDefinition.number("capacity", "Capacity", unit="ml", required=True),
        ...     AttributeDefinition.boolean("dishwasher_safe", "Dishwasher safe"),
        ... ))
        >>> mug.check_attributes({"capacity": "350", "dishwasher_safe": "yes"})
        {'capacity': Decimal('350'), 'dishwasher_safe': True}
        >>> mug.missing_required({})
        ['capacity']
    """

    code: str
    name: str
    attributes: tuple[AttributeDefinition, ...] = ()
    requires_shipping: bool = True

    def __attrs_post_init__(self) -> None:
        codes = [definition.code for definition in self.attributes]
        if len(set(codes)) != len(codes):
            raise ValidationError("attributes", codes, "definitions with distinct codes")

    def definition(self, code: str) -> AttributeDefinition:
        """Return the definition with ``code``; `AttributeValueError` if this type has none."""
        for definition in self.attributes:
            if definition.code == code:
                return definition
        known = ", ".join(d.code for d in self.attributes) or "none"
        raise AttributeValueError(code, code, f"an attribute of type {self.code!r} ({known})")

    def check_attributes(self, values: Mapping[str, object]) -> dict[str, AttributeValue]:
        """Check every value against its definition; unknown codes are refused.

        Missing required attributes are not an error here (a draft may lack them); the
        publication check reports them.
        """
        return {code: self.definition(code).check(value) for code, value in values.items()}

    def missing_required(self, values: Mapping[str, object]) -> list[str]:
        """Return the codes of required attributes absent from ``values``, in definition order."""
        return [d.code for d in self.attributes if d.required and d.code not in values]
