"""Typed attributes: values are checked against their definitions."""

from datetime import date
from decimal import Decimal

import pytest

from ecomcore.catalog import AttributeDefinition, AttributeValueError, ProductType
from ecomcore.core import ValidationError

MUG = ProductType(
    "mug",
    "Mug",
    (
        AttributeDefinition.number("capacity", "Capacity", unit="ml", required=True),
        AttributeDefinition.boolean("dishwasher_safe", "Dishwasher safe"),
        AttributeDefinition.choice("finish", "Finish", ["matte", "gloss"]),
        AttributeDefinition.text("designer", "Designer"),
        AttributeDefinition.date("launched", "Launched"),
    ),
)


def test_each_kind_turns_text_into_its_value() -> None:
    """Text from a form or file becomes a Decimal, a bool, a choice, a date."""
    values = MUG.check_attributes(
        {
            "capacity": "350.5",
            "dishwasher_safe": "no",
            "finish": "gloss",
            "designer": " Ana ",
            "launched": "2026-02-01",
        }
    )
    assert values == {
        "capacity": Decimal("350.5"),
        "dishwasher_safe": False,
        "finish": "gloss",
        "designer": "Ana",
        "launched": date(2026, 2, 1),
    }


@pytest.mark.parametrize(
    ("code", "bad"),
    [
        ("capacity", "lots"),
        ("capacity", 1.5),
        ("capacity", True),
        ("dishwasher_safe", "maybe"),
        ("finish", "satin"),
        ("designer", ""),
        ("launched", "01/02/2026"),
    ],
)
def test_a_wrong_value_names_the_attribute_and_what_is_allowed(code: str, bad: object) -> None:
    """Each refusal is an AttributeValueError naming the attribute."""
    with pytest.raises(AttributeValueError) as raised:
        MUG.check_attributes({code: bad})
    assert raised.value.attribute == code
    assert raised.value.code == "invalid_attribute"


def test_unknown_attributes_are_refused_and_missing_required_ones_listed() -> None:
    """An attribute the type does not define is refused; missing required ones are listed."""
    with pytest.raises(AttributeValueError, match="capacity, dishwasher_safe"):
        MUG.check_attributes({"colour": "red"})
    assert MUG.missing_required({"finish": "matte"}) == ["capacity"]


def test_definitions_are_consistent() -> None:
    """Choices only on choice attributes, units only on numbers, codes distinct."""
    with pytest.raises(ValidationError):
        AttributeDefinition("size", "Size", AttributeDefinition.text("a", "A").kind, choices=("S",))
    with pytest.raises(ValidationError):
        AttributeDefinition.choice("fit", "Fit", [])
    with pytest.raises(ValidationError):
        ProductType(
            "t", "T", (AttributeDefinition.text("a", "A"), AttributeDefinition.text("a", "B"))
        )
