"""Lifecycle tables: allowed moves pass, others are refused naming what is allowed."""

import enum

import pytest

from ecomcore.core import Lifecycle, TransitionError


class Parcel(enum.Enum):
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    LOST = "lost"


PARCEL = Lifecycle[Parcel, int](
    "parcel",
    {Parcel.PACKED: {Parcel.SHIPPED}, Parcel.SHIPPED: {Parcel.DELIVERED, Parcel.LOST}},
    guards={(Parcel.SHIPPED, Parcel.LOST): lambda days: None if days > 30 else "not yet 30 days"},
)


def test_an_allowed_move_returns_the_new_state() -> None:
    """A move in the table, whose guard passes, gives the target state."""
    assert PARCEL.move(Parcel.PACKED, Parcel.SHIPPED, 0) is Parcel.SHIPPED
    assert PARCEL.move(Parcel.SHIPPED, Parcel.LOST, 31) is Parcel.LOST


def test_a_move_not_in_the_table_names_the_current_and_allowed_states() -> None:
    """Skipping a state is refused with the states that are allowed from here."""
    with pytest.raises(TransitionError) as refused:
        PARCEL.move(Parcel.PACKED, Parcel.DELIVERED, 0)
    assert refused.value.current == "packed"
    assert refused.value.allowed == ["shipped"]
    assert refused.value.code == "transition_refused"


def test_a_guard_refusal_carries_its_reason() -> None:
    """A guard that says no is reported with its reason, and the move is refused."""
    with pytest.raises(TransitionError, match="not yet 30 days"):
        PARCEL.move(Parcel.SHIPPED, Parcel.LOST, 3)


def test_final_states_allow_nothing() -> None:
    """A state with no moves out is final, and any move from it is refused as such."""
    assert PARCEL.is_final(Parcel.DELIVERED)
    with pytest.raises(TransitionError, match="nothing"):
        PARCEL.move(Parcel.DELIVERED, Parcel.SHIPPED, 0)
