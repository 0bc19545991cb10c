"""Weights and lengths with their units, exact: Decimal amounts, no floats, lossless conversions."""

import enum
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Generic, Self, TypeVar

import attrs

from ecomcore.catalog._errors import UnknownUnitError
from ecomcore.core import FloatAmountError, ValidationError

__all__ = ["Dimensions", "Length", "LengthUnit", "Weight", "WeightUnit"]


class WeightUnit(enum.Enum):
    """A unit of mass; the value is the unit's symbol as stores write it.

    Examples:
        >>> from ecomcore.catalog import Weight, WeightUnit
        >>> Weight.of("1.5", WeightUnit.KILOGRAM).to(WeightUnit.GRAM)
        Weight(amount=Decimal('1500'), unit=<WeightUnit.GRAM: 'g'>)
    """

    GRAM = "g"
    KILOGRAM = "kg"
    POUND = "lb"
    OUNCE = "oz"

    @classmethod
    def parse(cls, symbol: str) -> "WeightUnit":
        """Return the unit for ``g``, ``kg``, ``lb`` or ``oz`` (any case); else `UnknownUnitError`.

        Examples:
            >>> WeightUnit.parse("KG")
            <WeightUnit.KILOGRAM: 'kg'>
        """
        unit = _WEIGHT_SYMBOLS.get(symbol.strip().lower()) if isinstance(symbol, str) else None
        if unit is None:
            raise UnknownUnitError("weight unit", symbol, sorted(_WEIGHT_SYMBOLS))
        return unit


class LengthUnit(enum.Enum):
    """A unit of length; the value is the unit's symbol.

    Examples:
        >>> from ecomcore.catalog import Length, LengthUnit
        >>> Length.of(2, LengthUnit.INCH).to(LengthUnit.MILLIMETRE)
        Length(amount=Decimal('50.8'), unit=<LengthUnit.MILLIMETRE: 'mm'>)
    """

    MILLIMETRE = "mm"
    CENTIMETRE = "cm"
    METRE = "m"
    INCH = "in"

    @classmethod
    def parse(cls, symbol: str) -> "LengthUnit":
        """Return the unit for ``mm``, ``cm``, ``m`` or ``in`` (any case); else `UnknownUnitError`.

        Examples:
            >>> LengthUnit.parse("in")
            <LengthUnit.INCH: 'in'>
        """
        unit = _LENGTH_SYMBOLS.get(symbol.strip().lower()) if isinstance(symbol, str) else None
        if unit is None:
            raise UnknownUnitError("length unit", symbol, sorted(_LENGTH_SYMBOLS))
        return unit


_WEIGHT_SYMBOLS = {unit.value: unit for unit in WeightUnit}
_LENGTH_SYMBOLS = {unit.value: unit for unit in LengthUnit}

# Exact by definition: the international pound is 0.45359237 kg (1959), the ounce 1/16 of it,
# the inch 25.4 mm. Every conversion is a Decimal multiplication or division, never a float.
_GRAMS = {
    WeightUnit.GRAM: Decimal(1),
    WeightUnit.KILOGRAM: Decimal(1000),
    WeightUnit.POUND: Decimal("453.59237"),
    WeightUnit.OUNCE: Decimal("28.349523125"),
}
_MILLIMETRES = {
    LengthUnit.MILLIMETRE: Decimal(1),
    LengthUnit.CENTIMETRE: Decimal(10),
    LengthUnit.METRE: Decimal(1000),
    LengthUnit.INCH: Decimal("25.4"),
}


def _amount(field: str, value: object) -> Decimal:
    """Return a finite, non-negative Decimal from an int, Decimal or numeric string."""
    if isinstance(value, float):
        raise FloatAmountError(field, value)
    if isinstance(value, bool):
        raise ValidationError(field, value, "a number such as '1.25'")
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)  # type: ignore[arg-type]
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(field, value, "a number such as '1.25'") from None
    if not amount.is_finite() or amount < 0:
        raise ValidationError(field, value, "a finite number, zero or more")
    return amount


def _normalize(amount: Decimal) -> Decimal:
    """Drop trailing zeros of a converted amount without turning 1000 into 1E+3."""
    normal = amount.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


_U = TypeVar("_U", WeightUnit, LengthUnit)


class _Measure(Generic[_U]):
    """An exact amount in a unit: equal to any amount of the same size, converted exactly."""

    __slots__ = ()
    amount: Decimal
    unit: _U
    _FACTORS: ClassVar[Mapping[Any, Decimal]]
    """How many of the base unit (g, mm) one of each unit is."""
    _UNITS: ClassVar[Any]
    """The unit enum, whose ``parse`` reads a symbol."""
    _FIELD: ClassVar[str]
    """What an amount is called in errors (``weight``, ``length``)."""

    @classmethod
    def of(cls, amount: object, unit: "str | _U") -> Self:
        """Parse ``amount`` (int, Decimal or numeric string) in ``unit`` (symbol or enum)."""
        parsed = unit if isinstance(unit, cls._UNITS) else cls._UNITS.parse(unit)
        return cls(_amount(cls._FIELD, amount), parsed)  # type: ignore[call-arg]  # attrs subclasses

    @property
    def _base(self) -> Decimal:
        return self.amount * self._FACTORS[self.unit]

    def to(self, unit: "str | _U") -> Self:
        """Return the same quantity in ``unit`` (a symbol or the enum), exact to 28 digits."""
        target = self._UNITS.parse(unit) if isinstance(unit, str) else unit
        return attrs.evolve(
            self, amount=_normalize(self._base / self._FACTORS[target]), unit=target
        )  # type: ignore[misc]  # the attrs plugin cannot see that subclasses are attrs classes

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._base == other._base

    def __hash__(self) -> int:
        return hash(self._base)

    def __str__(self) -> str:
        return f"{self.amount} {self.unit.value}"


@attrs.frozen(eq=False)
class Weight(_Measure[WeightUnit]):
    """A weight: a non-negative Decimal amount in a `WeightUnit`.

    Conversions are exact (a pound is exactly 453.59237 g). Two weights compare equal when
    they are the same mass, whatever their units.

    Examples:
        >>> Weight.of("1.5", "kg").to("g")
        Weight(amount=Decimal('1500'), unit=<WeightUnit.GRAM: 'g'>)
        >>> Weight.of(1, "lb").to("g").amount
        Decimal('453.59237')
        >>> Weight.of(16, "oz") == Weight.of(1, "lb")
        True
    """

    _FACTORS = _GRAMS
    _UNITS = WeightUnit
    _FIELD = "weight"

    amount: Decimal
    unit: WeightUnit

    @property
    def grams(self) -> Decimal:
        """The weight in grams, exact."""
        return self._base


@attrs.frozen(eq=False)
class Length(_Measure[LengthUnit]):
    """A length: a non-negative Decimal amount in a `LengthUnit`, converted exactly.

    Examples:
        >>> Length.of("2", "in").to("mm")
        Length(amount=Decimal('50.8'), unit=<LengthUnit.MILLIMETRE: 'mm'>)
        >>> Length.of(1, "m") == Length.of(100, "cm")
        True
    """

    _FACTORS = _MILLIMETRES
    _UNITS = LengthUnit
    _FIELD = "length"

    amount: Decimal
    unit: LengthUnit

    @property
    def millimetres(self) -> Decimal:
        """The length in millimetres, exact."""
        return self._base


@attrs.frozen
class Dimensions:
    """A parcel's length, width and height, in one unit.

    Examples:
        >>> box = Dimensions.of("30", "20", "10", "cm")
        >>> box.volume_cm3
        Decimal('6000')
        >>> str(box.to("mm"))
        '300 x 200 x 100 mm'
    """

    length: Decimal
    width: Decimal
    height: Decimal
    unit: LengthUnit

    @classmethod
    def of(
        cls, length: object, width: object, height: object, unit: "str | LengthUnit"
    ) -> "Dimensions":
        """Parse three amounts in one ``unit``."""
        parsed = unit if isinstance(unit, LengthUnit) else LengthUnit.parse(unit)
        return cls(
            _amount("length", length), _amount("width", width), _amount("height", height), parsed
        )

    def to(self, unit: "str | LengthUnit") -> "Dimensions":
        """Return the same box in ``unit``."""
        target = unit if isinstance(unit, LengthUnit) else LengthUnit.parse(unit)
        sides = [Length(side, self.unit).to(target).amount for side in self.sides]
        return Dimensions(sides[0], sides[1], sides[2], target)

    @property
    def sides(self) -> tuple[Decimal, Decimal, Decimal]:
        """Length, width and height in this unit."""
        return (self.length, self.width, self.height)

    @property
    def volume_cm3(self) -> Decimal:
        """The volume in cubic centimetres, exact."""
        to_cm = _MILLIMETRES[self.unit] / 10
        return _normalize(self.length * self.width * self.height * to_cm**3)

    def __str__(self) -> str:
        return f"{self.length} x {self.width} x {self.height} {self.unit.value}"
