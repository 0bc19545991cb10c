"""Hypothesis strategies for money, currencies and weights; fraud inputs and rules in `.fraud`.

Examples:
    >>> from hypothesis import given
    >>> from ecomcore.core import to_minor_units
    >>> @given(money(digits=3))
    ... def test_three_digit_amounts_are_whole_minor_units(amount):
    ...     assert isinstance(to_minor_units(amount), int)
    >>> test_three_digit_amounts_are_whole_minor_units()
"""

from decimal import Decimal

from hypothesis import strategies as st

from ecomcore.core import Money, from_minor_units, iso_currency_codes, minor_units

__all__ = ["currency_codes", "money", "weights"]


def currency_codes(digits: int | None = None) -> st.SearchStrategy[str]:
    """ISO 4217 codes, all of them or only those with ``digits`` minor digits (0, 2, 3 or 4).

    Shrinks toward the alphabetically first code.
    """
    codes = tuple(
        code for code in iso_currency_codes() if digits is None or minor_units(code) == digits
    )
    if not codes:
        raise ValueError(f"no ISO 4217 currency has {digits} minor digits; use 0, 2, 3 or 4")
    return st.sampled_from(codes)


def money(
    currency: str | None = None,
    *,
    digits: int | None = None,
    min_units: int = -(10**12),
    max_units: int = 10**12,
) -> st.SearchStrategy[Money]:
    """Money in whole minor units, between ``min_units`` and ``max_units`` minor units.

    ``currency`` fixes the currency; otherwise any ISO currency is drawn, optionally only those
    with ``digits`` minor digits. Shrinks toward zero.
    """
    codes = st.just(currency) if currency is not None else currency_codes(digits)
    return st.builds(from_minor_units, st.integers(min_units, max_units), codes)


def weights(
    *, min_size: int = 1, max_size: int = 50, decimal: bool = False, max_weight: int = 10**6
) -> st.SearchStrategy[list[int] | list[Decimal]]:
    """Allocation weights: lists of non-negative ints, or Decimals with up to four places.

    Zeros are common on purpose, including the all-zero list.
    """
    if decimal:
        element: st.SearchStrategy[int] | st.SearchStrategy[Decimal] = st.decimals(
            min_value=0, max_value=max_weight, places=4, allow_nan=False, allow_infinity=False
        )
    else:
        element = st.integers(min_value=0, max_value=max_weight) | st.just(0)
    return st.lists(element, min_size=min_size, max_size=max_size)  # type: ignore[return-value]
