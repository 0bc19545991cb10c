"""Money: ISO currencies, exact amounts, no floats, explicit rounding, minor units."""

from decimal import Decimal

import moneyed
import pytest
from babel.numbers import get_currency_precision
from hypothesis import given
from hypothesis import strategies as st

from ecomcore.core import (
    CurrencyMismatchError,
    FloatAmountError,
    Money,
    PrecisionLossError,
    Rounding,
    UnknownCurrencyError,
    ValidationError,
    from_minor_units,
    get_currency,
    iso_currency_codes,
    minor_units,
    quantize,
    sum_money,
    to_minor_units,
)
from ecomcore.core._money import trusted_money
from ecomcore.testing import strategies


def test_minor_units_follow_iso_where_babel_disagrees() -> None:
    """IQD has three decimals by ISO 4217 though CLDR displays none; ISO wins."""
    assert get_currency_precision("IQD") == 0
    assert minor_units("IQD") == 3
    assert {code: minor_units(code) for code in ("JPY", "EUR", "KWD", "CLF")} == {
        "JPY": 0,
        "EUR": 2,
        "KWD": 3,
        "CLF": 4,
    }


def test_every_iso_currency_is_usable_including_the_newest() -> None:
    """XCG and ZWG, newer than py-moneyed, work like any other currency."""
    assert {"XCG", "ZWG"} <= set(iso_currency_codes())
    for code in iso_currency_codes():
        assert get_currency(code).code == code
        assert Money("1", code).currency.sub_unit == 10 ** minor_units(code)


@pytest.mark.parametrize("code", ["EUX", "XAU", "", "eu", "ADP"])
def test_unknown_or_unpriced_codes_fail_clearly(code: str) -> None:
    """A made-up, obsolete or metal code fails with the field named and examples of good codes."""
    with pytest.raises(UnknownCurrencyError, match="ISO 4217") as caught:
        Money("1", code)
    assert caught.value.facts["field"] == "currency"
    assert caught.value.code == "unknown_currency"


def test_lower_case_codes_are_accepted() -> None:
    """Codes are case-insensitive on the way in."""
    assert Money("1.00", "eur") == Money("1.00", "EUR")


def test_money_is_py_moneyed_money() -> None:
    """Our Money is a py-moneyed Money; plain py-moneyed amounts are accepted by our functions."""
    assert isinstance(Money("1", "EUR"), moneyed.Money)
    assert quantize(moneyed.Money("1.005", "EUR")) == Money("1.01", "EUR")
    assert type(quantize(moneyed.Money("1.005", "EUR"))) is Money


@pytest.mark.parametrize(
    "operation",
    [
        lambda: Money(0.1, "EUR"),
        lambda: Money("1.00", "EUR") * 1.1,
        lambda: 1.1 * Money("1.00", "EUR"),
        lambda: Money("1.00", "EUR") / 3.0,
        lambda: 2.5 % Money("1.00", "EUR"),
        lambda: from_minor_units(100.0, "EUR"),  # type: ignore[arg-type]
    ],
)
def test_floats_are_refused_everywhere(operation: object) -> None:
    """A float as amount or factor raises FloatAmountError, a TypeError, and suggests Decimal."""
    assert callable(operation)
    with pytest.raises(FloatAmountError, match="Decimal") as caught:
        operation()
    assert isinstance(caught.value, TypeError)


@pytest.mark.parametrize("amount", ["abc", "NaN", "Infinity", True, None, [1]])
def test_bad_amounts_fail_with_a_validation_error(amount: object) -> None:
    """Non-numbers, NaN, infinities and bools are not amounts."""
    with pytest.raises(ValidationError, match="amount must be"):
        Money(amount, "EUR")


def test_mixing_currencies_raises_currency_mismatch() -> None:
    """Adding, subtracting, comparing or dividing across currencies is a CurrencyMismatchError."""
    eur, usd = Money("1", "EUR"), Money("1", "USD")
    for combine in (
        lambda: eur + usd,
        lambda: eur - usd,
        lambda: eur < usd,
        lambda: eur > usd,
        lambda: eur / usd,
    ):
        with pytest.raises(CurrencyMismatchError) as caught:
            combine()
        assert (caught.value.expected, caught.value.got) == ("EUR", "USD")
        assert isinstance(caught.value, TypeError)


def test_arithmetic_stays_exact_and_keeps_our_type() -> None:
    """Decimal arithmetic: 0.1 + 0.2 is 0.3, and results are ecomcore Money."""
    total = Money("0.10", "EUR") + Money("0.20", "EUR")
    assert total == Money("0.30", "EUR")
    assert type(total) is Money
    assert type(Money("3", "EUR") * Decimal("0.5")) is Money
    assert Money("10.00", "EUR") / Money("4.00", "EUR") == Decimal("2.5")
    assert Money("10.00", "EUR") - Money("0.01", "EUR") == Money("9.99", "EUR")


def test_sum_money_knows_the_currency_of_nothing() -> None:
    """sum_money gives zero in the requested currency for no amounts and refuses strangers."""
    assert sum_money([], currency="KWD") == Money("0", "KWD")
    with pytest.raises(CurrencyMismatchError):
        sum_money([Money("1", "EUR"), Money("1", "USD")], currency="EUR")


@pytest.mark.parametrize(
    ("amount", "code", "rounding", "expected"),
    [
        ("2.345", "EUR", Rounding.HALF_UP, "2.35"),
        ("2.345", "EUR", Rounding.HALF_EVEN, "2.34"),
        ("2.355", "EUR", Rounding.HALF_EVEN, "2.36"),
        ("2.345", "EUR", Rounding.HALF_DOWN, "2.34"),
        ("2.349", "EUR", Rounding.DOWN, "2.34"),
        ("2.341", "EUR", Rounding.UP, "2.35"),
        ("-2.345", "EUR", Rounding.HALF_UP, "-2.35"),
        ("1234.5", "JPY", Rounding.HALF_UP, "1235"),
        ("1234.5", "JPY", Rounding.HALF_EVEN, "1234"),
        ("1.2345", "KWD", Rounding.HALF_UP, "1.235"),
        ("1.2345", "KWD", Rounding.DOWN, "1.234"),
        ("1.23455", "CLF", Rounding.HALF_UP, "1.2346"),
        ("1.23455", "CLF", Rounding.HALF_EVEN, "1.2346"),
        ("1.23445", "CLF", Rounding.HALF_EVEN, "1.2344"),
    ],
)
def test_quantize_rounds_to_the_minor_unit_with_the_mode_given(
    amount: str, code: str, rounding: Rounding, expected: str
) -> None:
    """Worked roundings in 0-, 2-, 3- and 4-digit currencies."""
    rounded = quantize(Money(amount, code), rounding)
    assert rounded == Money(expected, code)
    assert rounded.amount.as_tuple().exponent == -minor_units(code)


@given(strategies.money(), st.sampled_from(Rounding), st.integers(0, 10**6))
def test_quantize_is_idempotent(amount: Money, rounding: Rounding, extra: int) -> None:
    """Quantizing twice gives what quantizing once gave, with any amount of sub-minor digits."""
    fine = Money(
        amount.amount + Decimal(extra).scaleb(-(minor_units(amount.currency) + 7)), amount.currency
    )
    once = quantize(fine, rounding)
    assert quantize(once, rounding) == once
    assert abs(once.amount - fine.amount) < Decimal(1).scaleb(-minor_units(amount.currency))


@given(strategies.money(), st.sampled_from(Rounding))
def test_rounding_mirrors_for_negative_amounts(amount: Money, rounding: Rounding) -> None:
    """Every mode is symmetric around zero: round(-x) == -round(x)."""
    fine = Money(amount.amount / 7, amount.currency)
    assert quantize(-fine, rounding) == -quantize(fine, rounding)


@given(strategies.money())
def test_minor_units_round_trip(amount: Money) -> None:
    """to_minor_units and from_minor_units are inverses on whole minor units."""
    units = to_minor_units(amount)
    assert from_minor_units(units, amount.currency) == amount
    assert to_minor_units(from_minor_units(units, amount.currency)) == units


def test_a_fraction_of_a_minor_unit_is_never_dropped_silently() -> None:
    """Converting 1.005 EUR to cents refuses, naming the amount and the remedy."""
    with pytest.raises(PrecisionLossError, match="quantize") as caught:
        to_minor_units(Money("1.005", "EUR"))
    assert caught.value.digits == 2
    assert to_minor_units(Money("1.0100", "EUR")) == 101  # trailing zeros lose nothing


def test_minor_units_of_three_and_four_digit_currencies() -> None:
    """1 KWD is 1000 fils, 1 CLF is 10000 ten-thousandths, 1 JPY is 1 yen."""
    assert to_minor_units(Money("1", "KWD")) == 1000
    assert to_minor_units(Money("1", "CLF")) == 10000
    assert to_minor_units(Money("1", "JPY")) == 1
    assert from_minor_units(1, "CLF") == Money("0.0001", "CLF")


def test_from_minor_units_refuses_non_integers() -> None:
    """Only an int is a count of minor units."""
    with pytest.raises(ValidationError, match="whole number of minor units"):
        from_minor_units(Decimal("1.5"), "EUR")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        from_minor_units(True, "EUR")


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**9), max_value=10**9
    ),
    st.sampled_from(["EUR", "JPY", "KWD"]),
)
def test_trusted_money_equals_the_checked_constructor(amount: Decimal, code: str) -> None:
    """The fast constructor builds the same Money as Money() for checked inputs."""
    fast = trusted_money(amount, get_currency(code))
    assert type(fast) is Money
    assert fast == Money(amount, code)
    assert fast + Money(1, code) == Money(amount + 1, code)
