"""The error tree, domain events and clocks."""

from datetime import UTC, datetime, timedelta

import attrs
import pytest

from ecomcore import core
from ecomcore.core import (
    ConcurrencyError,
    DomainEvent,
    EcomcoreError,
    FixedClock,
    NotFoundError,
    SystemClock,
    ValidationError,
)


def test_every_public_error_is_an_ecomcore_error_with_a_distinct_code() -> None:
    """Each error in ecomcore.core subclasses EcomcoreError and a builtin, with its own code."""
    exceptions = [
        value
        for value in vars(core).values()
        if isinstance(value, type) and issubclass(value, Exception)
    ]
    errors = [error for error in exceptions if issubclass(error, EcomcoreError)]
    assert errors == exceptions
    codes = [error.code for error in errors]
    assert len(codes) == len(set(codes))
    for error in errors:
        assert error is EcomcoreError or len(error.__mro__) > 3, error
        assert error.__name__.endswith("Error")


def test_not_found_and_concurrency_errors_carry_their_facts() -> None:
    """Errors keep the structured facts behind their messages."""
    missing = NotFoundError("product", "tee-1")
    assert isinstance(missing, LookupError)
    assert dict(missing.facts) == {"kind": "product", "key": "tee-1"}
    race = ConcurrencyError("cart", "c1", expected_version=2, actual_version=3)
    assert isinstance(race, RuntimeError)
    assert race.facts["actual_version"] == 3
    assert "reload" in str(race)


def test_events_need_an_aware_timestamp_and_know_their_name() -> None:
    """A naive datetime is refused; the name is the class name."""

    @attrs.frozen(kw_only=True)
    class PriceChanged(DomainEvent):
        sku: str

    event = PriceChanged(sku="A", occurred_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert event.name == "PriceChanged"
    with pytest.raises(ValidationError, match="timezone-aware"):
        PriceChanged(sku="A", occurred_at=datetime(2026, 1, 1))


def test_clocks_are_aware_and_the_fixed_one_moves_only_when_told() -> None:
    """SystemClock reads UTC; FixedClock stands still until advanced."""
    assert SystemClock().now().utcoffset() == timedelta(0)
    clock = FixedClock(datetime(2026, 1, 1, tzinfo=UTC))
    assert clock.now() == clock.now()
    clock.advance(timedelta(hours=2))
    assert clock.now() == datetime(2026, 1, 1, 2, tzinfo=UTC)
    with pytest.raises(ValidationError):
        FixedClock(datetime(2026, 1, 1))
