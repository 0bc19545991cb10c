"""allocate: largest remainder, exact sums, deterministic ties, mirrored negatives."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecomcore.core import (
    FloatAmountError,
    Money,
    PrecisionLossError,
    ValidationError,
    allocate,
    minor_units,
    to_minor_units,
)
from ecomcore.testing import strategies


def test_one_euro_over_three_lines_gives_the_extra_cent_to_the_first() -> None:
    """1.00 EUR in thirds is 0.34 + 0.33 + 0.33: ties go to the earlier index."""
    assert allocate(Money("1.00", "EUR"), [1, 1, 1]) == [
        Money("0.34", "EUR"),
        Money("0.33", "EUR"),
        Money("0.33", "EUR"),
    ]


def test_largest_remainder_not_first_index_wins_when_remainders_differ() -> None:
    """10.00 EUR by 1:2:4 is exactly 1.428..., 2.857..., 5.714...: 1.43, 2.86, 5.71."""
    assert allocate(Money("10.00", "EUR"), [1, 2, 4]) == [
        Money("1.43", "EUR"),
        Money("2.86", "EUR"),
        Money("5.71", "EUR"),
    ]


@pytest.mark.parametrize(
    ("total", "code", "weights", "expected"),
    [
        ("100", "JPY", [1, 1, 1], ["34", "33", "33"]),
        ("1.000", "KWD", [1, 1, 1], ["0.334", "0.333", "0.333"]),
        ("1.0000", "CLF", [1, 2], ["0.3333", "0.6667"]),
        ("0.05", "EUR", [Decimal("0.5"), Decimal("0.5")], ["0.03", "0.02"]),
    ],
)
def test_splits_in_zero_three_and_four_digit_currencies(
    total: str, code: str, weights: list[int | Decimal], expected: list[str]
) -> None:
    """Minor units follow the currency: yen, fils, ten-thousandths."""
    assert allocate(Money(total, code), weights) == [Money(part, code) for part in expected]


def test_all_zero_weights_split_evenly() -> None:
    """Weights that are all zero (a free cart) split the total evenly."""
    assert allocate(Money("0.10", "EUR"), [0, 0, 0]) == [
        Money("0.04", "EUR"),
        Money("0.03", "EUR"),
        Money("0.03", "EUR"),
    ]


def test_a_zero_weight_gets_nothing() -> None:
    """A line of weight zero takes no part of the discount."""
    assert allocate(Money("5.00", "EUR"), [0, 1])[0] == Money("0.00", "EUR")


def test_negative_zero_never_appears() -> None:
    """Splitting a refund never yields a "-0.00" part."""
    parts = allocate(Money("-0.01", "EUR"), [1, 1])
    assert [str(part.amount) for part in parts] == ["-0.01", "0.00"]


@pytest.mark.parametrize(
    ("weights", "error"),
    [
        ([], ValidationError),
        ([1, -1], ValidationError),
        ([1, 0.5], FloatAmountError),
        ([1, "2"], ValidationError),
        ([True], ValidationError),
        ([Decimal("NaN")], ValidationError),
    ],
)
def test_bad_weights_are_refused(weights: list[object], error: type[Exception]) -> None:
    """No weights, negative, float, text, bool or NaN weights raise the library's errors."""
    with pytest.raises(error):
        allocate(Money("1.00", "EUR"), weights)  # type: ignore[arg-type]


def test_a_total_with_a_fraction_of_a_cent_is_refused() -> None:
    """allocate will not invent or lose the half cent of 1.005 EUR: quantize first."""
    with pytest.raises(PrecisionLossError):
        allocate(Money("1.005", "EUR"), [1, 1])


@given(strategies.money(), strategies.weights())
def test_parts_sum_exactly_and_stay_within_one_minor_unit(total: Money, weights: list[int]) -> None:
    """Parts sum to the total exactly; each is within one minor unit of its exact share."""
    parts = allocate(total, weights)
    assert len(parts) == len(weights)
    assert sum(part.amount for part in parts) == total.amount
    weight_sum = sum(weights) or len(weights)
    shares = weights if sum(weights) else [1] * len(weights)
    one = Decimal(1).scaleb(-minor_units(total.currency))
    for part, weight in zip(parts, shares, strict=True):
        exact = total.amount * weight / weight_sum
        assert abs(part.amount - exact) < one


@given(strategies.money(), strategies.weights(decimal=True))
def test_decimal_weights_split_like_their_scaled_integers(
    total: Money, weights: list[Decimal]
) -> None:
    """Decimal weights 0.5 : 0.25 behave exactly as 2 : 1."""
    scaled = [int(weight * 10**4) for weight in weights]
    assert allocate(total, weights) == allocate(total, scaled)


@given(strategies.money(), strategies.weights())
def test_negative_totals_mirror_positive_ones(total: Money, weights: list[int]) -> None:
    """Splitting -x gives exactly the negation of splitting x, part by part."""
    assert allocate(-total, weights) == [-part for part in allocate(total, weights)]


@given(strategies.money(min_units=0), st.lists(st.integers(0, 1000), min_size=2, max_size=20))
def test_equal_weights_differ_by_at_most_one_minor_unit(total: Money, weights: list[int]) -> None:
    """Equal weights get parts that differ by at most one minor unit, larger ones first."""
    parts = [to_minor_units(part) for part in allocate(total, [7] * len(weights))]
    assert max(parts) - min(parts) <= 1
    assert parts == sorted(parts, reverse=True)
