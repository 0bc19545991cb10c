"""Core's Address: the recipient and the geocoded point, optional and checked like the rest."""

import pytest

from ecomcore.core import Address, CardDataError, Coordinates, ValidationError


def test_the_recipient_is_trimmed_bounded_and_card_guarded() -> None:
    """A name is text like the address lines: collapsed spaces, at most 200 characters, no PAN."""
    assert Address("DE", name="  Kim   Meyer ").name == "Kim Meyer"
    assert Address("DE").name is None
    with pytest.raises(ValidationError, match="name must be text of at most 200"):
        Address("DE", name="x" * 201)
    with pytest.raises(CardDataError) as caught:
        Address("DE", name="Kim cvv 123")
    assert caught.value.field == "Address.name"


def test_coordinates_are_core_coordinates_or_nothing() -> None:
    """Only a checked Coordinates value is taken; a bare pair is refused, naming the field."""
    berlin = Coordinates(52.52, 13.405)
    assert Address("DE", coordinates=berlin).coordinates == berlin
    with pytest.raises(ValidationError, match="coordinates"):
        Address("DE", coordinates=(52.52, 13.405))  # type: ignore[arg-type]


def test_name_and_coordinates_take_part_in_equality() -> None:
    """Two parcels to one door for two people are two addresses."""
    door = Address("DE", postcode="10117", lines=["Unter den Linden 1"])
    assert door == Address("DE", postcode="10117", lines=["Unter den Linden 1"])
    assert door != Address("DE", postcode="10117", lines=["Unter den Linden 1"], name="Kim")
