"""The one way ecomcore splits money: largest remainder in minor units."""

from collections.abc import Sequence
from decimal import Decimal
from typing import cast

import moneyed

from ecomcore.core._errors import FloatAmountError, ValidationError
from ecomcore.core._money import _EXPONENTS, Money, _exact, minor_units, to_minor_units


def _integer_weights(weights: Sequence[int | Decimal]) -> list[int]:
    """Scale the weights to integers with the same ratios, exactly, refusing bad ones."""
    if not weights:
        raise ValidationError("weights", weights, "one weight or more")
    if set(map(type, weights)) == {int}:  # map and set run in C: the common case, checked fast
        ints = cast("list[int]", list(weights))
    else:
        ints = _scaled_to_integers(weights)
    if min(ints) < 0:
        raise ValidationError("weights", weights, "zero or more each")
    return ints


def _scaled_to_integers(weights: Sequence[int | Decimal]) -> list[int]:
    """Multiply int and Decimal weights by the power of ten that makes them all whole."""
    places = 0
    for weight in weights:
        if isinstance(weight, float):
            raise FloatAmountError("allocate() weights", weight)
        if isinstance(weight, Decimal):
            if not weight.is_finite():
                raise ValidationError("weights", weights, "finite numbers")
            places = max(places, -int(weight.as_tuple().exponent))
        elif isinstance(weight, bool) or not isinstance(weight, int):
            raise ValidationError("weights", weights, "ints or Decimals")
    factor = 10**places
    return [int(weight * factor) for weight in weights]


def allocate(total: moneyed.Money, weights: Sequence[int | Decimal]) -> list[Money]:
    """Split ``total`` into one part per weight, in proportion, exact to the minor unit.

    Largest remainder: each part first gets its share rounded down to whole minor units, then the
    minor units left over go one each to the parts with the largest remainders; ties go to the
    earlier index. So the parts always sum exactly to ``total``, each is within one minor unit of
    its exact share, and the result depends only on the inputs.

    A negative total mirrors the positive one (a refund splits like the charge it undoes). All-zero
    weights split evenly. Raises `ValidationError` for no weights or a negative weight,
    `FloatAmountError` for a float weight, and `PrecisionLossError` if ``total`` is
    not a whole number of minor units (quantize it first).

    Examples:
        >>> from decimal import Decimal
        >>> from ecomcore.core import Money, allocate
        >>> allocate(Money("100.00", "EUR"), [1, 1, 1])
        [Money('33.34', 'EUR'), Money('33.33', 'EUR'), Money('33.33', 'EUR')]
        >>> allocate(Money("-100.00", "EUR"), [1, 1, 1])
        [Money('-33.34', 'EUR'), Money('-33.33', 'EUR'), Money('-33.33', 'EUR')]
        >>> allocate(Money("10", "JPY"), [Decimal("0.5"), Decimal("0.25"), Decimal("0.25")])
        [Money('5', 'JPY'), Money('3', 'JPY'), Money('2', 'JPY')]
        >>> allocate(Money("0.05", "USD"), [0, 0])
        [Money('0.03', 'USD'), Money('0.02', 'USD')]
    """
    units = allocate_units(to_minor_units(total), weights)
    minor = _EXPONENTS[minor_units(total.currency)]
    currency = total.currency
    return [_exact(part * minor, currency) for part in units]


def allocate_units(units: int, weights: Sequence[int | Decimal]) -> list[int]:
    """Split a whole number of minor units by ``weights``, exactly as `allocate` splits money.

    The same largest-remainder rule, for hot paths that keep amounts as integers (the quote
    engine): no Money objects are built. `allocate` is this plus the conversion.

    Examples:
        >>> allocate_units(1000, [1, 1, 1]), allocate_units(-5, [1, 0, 1])
        ([334, 333, 333], [-3, 0, -2])
    """
    if isinstance(units, bool) or not isinstance(units, int):
        raise ValidationError("units", units, "a whole number of minor units (an int)")
    ints = _integer_weights(weights)
    weight_sum = sum(ints)
    if weight_sum == 0:
        ints = [1] * len(ints)
        weight_sum = len(ints)
    whole = abs(units)
    parts = [whole * weight // weight_sum for weight in ints]  # two int passes beat divmod
    leftover = whole - sum(parts)
    if leftover:
        remainders = [whole * weight % weight_sum for weight in ints]
        # A stable sort, even reversed, keeps equal remainders in index order: ties go earlier.
        by_remainder = sorted(range(len(parts)), key=remainders.__getitem__, reverse=True)
        for index in by_remainder[:leftover]:
            parts[index] += 1
    if units < 0:
        parts = [-part for part in parts]
    return parts
