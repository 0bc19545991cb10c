"""Money: py-moneyed's type, held to ISO 4217 and kept away from floats."""

import enum
from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal
from decimal import InvalidOperation as _InvalidOperation
from typing import Final

import moneyed
from moneyed import Currency

from ecomcore.core._errors import (
    CurrencyMismatchError,
    FloatAmountError,
    PrecisionLossError,
    UnknownCurrencyError,
    ValidationError,
)
from ecomcore.core._iso4217 import MINOR_UNITS

# ISO currencies newer than py-moneyed 3.0: (numeric code, name, countries).
_NEWER_THAN_MONEYED: Final = {
    "XCG": ("532", "Caribbean guilder", ["CURAÇAO", "SINT MAARTEN (DUTCH PART)"]),
    "ZWG": ("924", "Zimbabwe Gold", ["ZIMBABWE"]),
}
for _code, (_numeric, _name, _countries) in _NEWER_THAN_MONEYED.items():
    if _code not in moneyed.CURRENCIES:
        moneyed.add_currency(_code, _numeric, 10 ** MINOR_UNITS[_code], _name, _countries)

_ISO_CODES: Final = tuple(sorted(MINOR_UNITS))

# The value of one minor unit by number of digits (Decimal('0.01') for two): quantize exponents.
_EXPONENTS: Final = {digits: Decimal(1).scaleb(-digits) for digits in range(5)}


def get_currency(code: str) -> Currency:
    """Return the py-moneyed `Currency` for an ISO 4217 code (any letter case).

    Raises `UnknownCurrencyError` for a code that is not an ISO currency with minor units.

    Examples:
        >>> get_currency("eur").code, get_currency("eur").name
        ('EUR', 'Euro')
    """
    if isinstance(code, str):
        upper = code.upper()
        if upper in MINOR_UNITS:
            return moneyed.CURRENCIES[upper]
    raise UnknownCurrencyError(code)


def iso_currency_codes() -> tuple[str, ...]:
    """Return every currency code ecomcore accepts, sorted: ISO 4217 codes with minor units.

    Examples:
        >>> codes = iso_currency_codes()
        >>> len(codes) > 150, "EUR" in codes, "XAU" in codes
        (True, True, False)
    """
    return _ISO_CODES


def minor_units(currency: str | Currency) -> int:
    """Return how many digits the currency has after the decimal point, per ISO 4217.

    ISO wins where babel's (CLDR's) display table disagrees, as it does for IQD.

    Examples:
        >>> minor_units("EUR"), minor_units("JPY"), minor_units("KWD"), minor_units("CLF")
        (2, 0, 3, 4)
        >>> minor_units("IQD")
        3
    """
    code = currency.code if isinstance(currency, Currency) else currency
    try:
        return MINOR_UNITS[code]
    except (KeyError, TypeError):
        get_currency(code)  # accepts lower case, or raises UnknownCurrencyError
        return MINOR_UNITS[code.upper()]


def _amount(value: object) -> Decimal:
    """Read an amount exactly: int, Decimal or a decimal string; never a float or a bool."""
    if isinstance(value, float):
        raise FloatAmountError("Money()", value)
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = Decimal(value)
    elif isinstance(value, str):
        try:
            amount = Decimal(value.strip())
        except _InvalidOperation:
            raise ValidationError("amount", value, "a decimal number such as '19.99'") from None
    else:
        raise ValidationError("amount", value, "an int, a Decimal or a decimal string")
    if not amount.is_finite():
        raise ValidationError("amount", value, "a finite number")
    return amount


def _factor(operation: str, value: object) -> object:
    if isinstance(value, float):
        raise FloatAmountError(operation, value)
    return value


class Money(moneyed.Money):
    """An amount in an ISO 4217 currency; py-moneyed's ``Money``, held to stricter rules.

    It *is* a `moneyed.Money` (so django-money and friends accept it), and everything
    ecomcore takes accepts a plain ``moneyed.Money`` too. What it adds:

    - the currency must be an ISO 4217 currency with minor units (`UnknownCurrencyError`);
    - floats are refused as amounts and as factors (`FloatAmountError`): pass an ``int``,
      a ``Decimal`` or a decimal string;
    - combining two currencies raises `CurrencyMismatchError` (also a ``TypeError``).

    Amounts may carry more digits than the currency's minor unit (a unit price of one third, an
    exact tax figure); `quantize` rounds them at the point you choose.

    Examples:
        >>> Money("19.99", "EUR") * 3
        Money('59.97', 'EUR')
        >>> sum([Money("0.10", "EUR"), Money("0.20", "EUR")])
        Money('0.30', 'EUR')
        >>> Money(1.5, "EUR")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.FloatAmountError: Money() takes an int or a Decimal, got ... 1.5...
    """

    def __init__(self, amount: object, currency: str | Currency) -> None:
        if type(amount) is not Decimal or not amount.is_finite():
            amount = _amount(amount)
        if not isinstance(currency, Currency) or currency.code not in MINOR_UNITS:
            currency = get_currency(currency if isinstance(currency, str) else currency.code)
        super().__init__(amount, currency)

    def _check_currency(self, other: moneyed.Money) -> None:
        """Raise CurrencyMismatchError unless ``other`` is in this currency."""
        if other.currency != self.currency:
            raise CurrencyMismatchError(self.currency.code, other.currency.code)

    def __add__(self, other: object) -> "Money":
        if isinstance(other, moneyed.Money):
            self._check_currency(other)
            return _exact(self.amount + other.amount, self.currency)
        if type(other) is int and other == 0:
            return self  # lets sum() start from 0, as for Decimal
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other: object) -> "Money":
        if isinstance(other, moneyed.Money):
            self._check_currency(other)
            return _exact(self.amount - other.amount, self.currency)
        return NotImplemented

    def __rsub__(self, other: object) -> "Money":
        return (-self).__add__(other)

    def __mul__(self, other: object) -> "Money":
        if type(other) is int or (type(other) is Decimal and other.is_finite()):
            return _exact(self.amount * other, self.currency)
        return super().__mul__(_factor("Money multiplication", other))

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> "Money | Decimal":
        if isinstance(other, moneyed.Money):
            self._check_currency(other)
        return super().__truediv__(_factor("Money division", other))

    def __rmod__(self, other: object) -> "Money":
        return super().__rmod__(_factor("Money percentage", other))

    def __lt__(self, other: object) -> bool:
        if isinstance(other, moneyed.Money):
            self._check_currency(other)
        return super().__lt__(other)

    def __gt__(self, other: object) -> bool:
        if isinstance(other, moneyed.Money):
            self._check_currency(other)
        return super().__gt__(other)


def sum_money(amounts: Iterable[moneyed.Money], *, currency: str | Currency) -> Money:
    """Add up amounts of one currency; an empty input gives zero in ``currency``.

    Faster than ``sum()`` over Money (it adds the Decimals and builds one Money at the end), and
    unlike ``sum()`` it knows the currency of nothing. Raises `CurrencyMismatchError` for
    an amount in another currency.

    Examples:
        >>> sum_money([Money("0.10", "EUR"), Money("0.20", "EUR")], currency="EUR")
        Money('0.30', 'EUR')
        >>> sum_money([], currency="JPY")
        Money('0', 'JPY')
    """
    expected = currency if isinstance(currency, Currency) else get_currency(currency)
    total = Decimal(0)
    for amount in amounts:
        if amount.currency != expected:
            raise CurrencyMismatchError(expected.code, amount.currency.code)
        total += amount.amount
    return _exact(total, expected)


_new_object = object.__new__


def trusted_money(amount: Decimal, currency: Currency) -> Money:
    """Build a Money without validating it: the kernel's fast constructor for hot paths.

    Not public (it skips validation): the tax and quote engines import it from this module.

    ``amount`` must be a finite ``Decimal`` and ``currency`` a `Currency` from `get_currency` (or
    the currency of a Money already built); nothing is checked, which is what makes it several
    times faster than ``Money(amount, currency)``. Use it where both were checked once (a
    document's currency, amounts computed from checked amounts); anywhere else use `Money`.

    Examples:
        >>> from decimal import Decimal
        >>> trusted_money(Decimal("19.99"), get_currency("EUR")) == Money("19.99", "EUR")
        True
    """
    money: Money = _new_object(Money)
    # The two attributes py-moneyed's constructor sets, set as it sets them (so they are Final
    # to a type checker: this is a constructor too). Never reading ``__dict__``, which would give
    # each Money a dict object of its own to allocate and collect.
    money.amount = amount  # type: ignore[misc]
    money.currency = currency  # type: ignore[misc]
    return money


_exact = trusted_money  # the kernel's own name for it, used by Money arithmetic


def as_money(value: moneyed.Money) -> Money:
    """Return ``value`` as an ecomcore `Money`, accepting any ``moneyed.Money``.

    Examples:
        >>> import moneyed
        >>> plain = moneyed.Money("9.99", "EUR")
        >>> as_money(plain), type(as_money(plain)) is Money
        (Money('9.99', 'EUR'), True)
        >>> as_money(plain) + Money("0.01", "EUR")
        Money('10.00', 'EUR')
    """
    if type(value) is Money:
        return value
    if isinstance(value, moneyed.Money):
        return Money(value.amount, value.currency)
    raise ValidationError("money", value, "a Money (py-moneyed) amount")


class Rounding(enum.Enum):
    """How to round to the minor unit; the names and behaviour are those of `decimal`.

    ``UP`` and ``DOWN`` are away from and toward zero, so negative amounts mirror positive ones.

    Examples:
        >>> [quantize(Money("-2.345", "EUR"), mode).amount for mode in Rounding]
        [Decimal('-2.35'), Decimal('-2.34'), Decimal('-2.34'), Decimal('-2.34'), Decimal('-2.35')]
    """

    HALF_UP = ROUND_HALF_UP
    """Ties away from zero: 2.345 -> 2.35. The usual commercial rounding."""
    HALF_EVEN = ROUND_HALF_EVEN
    """Ties to the even digit: 2.345 -> 2.34, 2.355 -> 2.36. Banker's rounding; no drift in sums."""
    HALF_DOWN = ROUND_HALF_DOWN
    """Ties toward zero: 2.345 -> 2.34."""
    DOWN = ROUND_DOWN
    """Toward zero (truncate): 2.349 -> 2.34."""
    UP = ROUND_UP
    """Away from zero: 2.341 -> 2.35."""


def quantize(money: moneyed.Money, rounding: Rounding = Rounding.HALF_UP) -> Money:
    """Round ``money`` to its currency's minor unit with an explicit rounding mode.

    The one rounding point of ecomcore: everything that rounds money goes through here.
    Idempotent: quantizing a quantized amount changes nothing.

    Examples:
        >>> quantize(Money("2.345", "EUR"))
        Money('2.35', 'EUR')
        >>> quantize(Money("2.345", "EUR"), Rounding.HALF_EVEN)
        Money('2.34', 'EUR')
        >>> quantize(Money("1234.5", "JPY"))
        Money('1235', 'JPY')
        >>> quantize(Money("1.23456", "KWD"), Rounding.DOWN)
        Money('1.234', 'KWD')
    """
    exponent = _EXPONENTS[minor_units(money.currency)]
    return _exact(money.amount.quantize(exponent, rounding=rounding.value), money.currency)


def to_minor_units(money: moneyed.Money) -> int:
    """Return the amount as a whole number of minor units (cents, fils, yen).

    Raises `PrecisionLossError` rather than drop a fraction of a minor unit.

    Examples:
        >>> to_minor_units(Money("19.99", "EUR")), to_minor_units(Money("500", "JPY"))
        (1999, 500)
        >>> to_minor_units(Money("1.005", "EUR"))
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.PrecisionLossError: amount must be a whole number of minor units ...
    """
    scaled = money.amount.scaleb(minor_units(money.currency))
    integral = scaled.to_integral_value()
    if scaled != integral:
        raise PrecisionLossError("amount", money, minor_units(money.currency))
    return int(integral)


def from_minor_units(units: int, currency: str | Currency) -> Money:
    """Return the `Money` worth ``units`` minor units of ``currency``.

    Examples:
        >>> from_minor_units(1999, "EUR"), from_minor_units(-1500, "KWD")
        (Money('19.99', 'EUR'), Money('-1.500', 'KWD'))
    """
    if isinstance(units, float):
        raise FloatAmountError("from_minor_units()", units)
    if not isinstance(units, int) or isinstance(units, bool):
        raise ValidationError("units", units, "a whole number of minor units (an int)")
    return Money(Decimal(units).scaleb(-minor_units(currency)), currency)
