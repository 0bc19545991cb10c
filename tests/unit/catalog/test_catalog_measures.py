"""Weights and dimensions: exact Decimal amounts with units, converted without floats."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecomcore.catalog import Dimensions, Length, UnknownUnitError, Weight, WeightUnit
from ecomcore.core import FloatAmountError, ValidationError

amounts = st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False)


def test_a_pound_is_exactly_its_legal_definition_in_grams() -> None:
    """1 lb = 453.59237 g and 1 oz = 28.349523125 g, exactly."""
    assert Weight.of(1, "lb").to("g").amount == Decimal("453.59237")
    assert Weight.of(1, "oz").to("g").amount == Decimal("28.349523125")
    assert Weight.of("2.5", "kg").to("g").amount == Decimal(2500)


def test_units_are_parsed_in_any_case_and_unknown_ones_refused() -> None:
    """'KG' is kilograms; 'stone' is refused with the list of known units."""
    assert Weight.of("1", "KG").unit is WeightUnit.KILOGRAM
    with pytest.raises(UnknownUnitError) as raised:
        Weight.of("1", "stone")
    assert raised.value.code == "unknown_unit"
    assert "g, kg, lb, oz" in str(raised.value)


def test_floats_and_bad_numbers_are_refused() -> None:
    """A float weight is refused with the float error; text that is not a number says so."""
    with pytest.raises(FloatAmountError):
        Weight.of(1.5, "kg")
    for bad in ("abc", "-1", "NaN", "12,5", True):
        with pytest.raises(ValidationError):
            Weight.of(bad, "g")


@given(amounts, st.sampled_from(["g", "kg", "lb", "oz"]))
def test_converting_to_grams_and_back_changes_nothing(amount: Decimal, unit: str) -> None:
    """A weight converted to grams and back to its unit is the same amount."""
    weight = Weight.of(amount, unit)
    assert weight.to("g").to(unit).amount == amount


@given(amounts, st.sampled_from(["g", "kg", "lb", "oz"]), st.sampled_from(["g", "kg", "lb", "oz"]))
def test_equal_masses_compare_equal_across_units(amount: Decimal, one: str, other: str) -> None:
    """Weights are equal when they are the same mass, whatever unit they are written in."""
    weight = Weight.of(amount, one)
    assert weight.to(other) == weight or weight.to(other).to(one).amount != amount


def test_lengths_and_dimensions_convert_exactly() -> None:
    """2 in is 50.8 mm; a 30 x 20 x 10 cm box is 6 litres whichever unit it is written in."""
    assert Length.of("2", "in").to("mm").amount == Decimal("50.8")
    box = Dimensions.of("30", "20", "10", "cm")
    assert box.to("mm").sides == (Decimal(300), Decimal(200), Decimal(100))
    assert box.to("m").volume_cm3 == box.volume_cm3 == Decimal(6000)
    with pytest.raises(UnknownUnitError):
        Dimensions.of(1, 1, 1, "ft")
