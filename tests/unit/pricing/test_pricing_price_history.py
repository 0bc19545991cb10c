"""Price history and the EU price-reduction rule."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from ecomcore.core import Money, ValidationError
from ecomcore.pricing import PriceChanged, PriceHistory, ReductionRuleError, announce_reduction

DAY0 = datetime(2026, 1, 1, tzinfo=UTC)


def _history() -> PriceHistory:
    history = PriceHistory()
    history.record_price("mug", Money("20.00", "EUR"), at=DAY0)
    history.record_price("mug", Money("16.00", "EUR"), at=DAY0 + timedelta(days=40))
    history.record_price("mug", Money("20.00", "EUR"), at=DAY0 + timedelta(days=50))
    return history


def test_every_change_is_recorded_with_an_event() -> None:
    """Three changes: three PriceChanged events, each with the price before it."""
    history = _history()
    events = history.pull_events()
    assert [type(event) for event in events] == [PriceChanged] * 3
    assert events[1].previous == Money("20.00", "EUR")  # type: ignore[attr-defined]
    assert history.pull_events() == []
    assert history.price_at("mug", "EUR", DAY0 + timedelta(days=45)) == Money("16.00", "EUR")
    assert history.price_at("mug", "EUR", DAY0 - timedelta(days=1)) is None


def test_lowest_price_of_the_prior_30_days_includes_a_short_promotion() -> None:
    """16.00 for ten days within the 30 days before day 60 makes 16.00 the reference."""
    assert _history().lowest_prior_price("mug", "EUR", before=DAY0 + timedelta(days=60)) == Money(
        "16.00", "EUR"
    )


def test_the_period_is_configurable() -> None:
    """With a 7-day period, day 60 only sees the 20.00 price."""
    assert _history().lowest_prior_price(
        "mug", "EUR", before=DAY0 + timedelta(days=60), period=timedelta(days=7)
    ) == Money("20.00", "EUR")


def test_announce_reduction_computes_the_percent_from_the_lowest_prior_price() -> None:
    """From 16.00 (not 20.00) to 12.00 is 25% off, not 40%."""
    reduction = announce_reduction(
        _history(), "mug", Money("12.00", "EUR"), at=DAY0 + timedelta(days=60)
    )
    assert (reduction.was, reduction.percent) == (Money("16.00", "EUR"), Decimal(25))


def test_a_was_price_above_the_lowest_prior_price_is_refused() -> None:
    """Announcing 12.00 'was 20.00' while 16.00 applied within 30 days breaks the rule."""
    with pytest.raises(ReductionRuleError) as error:
        announce_reduction(
            _history(),
            "mug",
            Money("12.00", "EUR"),
            at=DAY0 + timedelta(days=60),
            was=Money("20.00", "EUR"),
        )
    assert error.value.facts["lowest"] == Money("16.00", "EUR")


def test_percent_rounds_down_and_non_reductions_are_refused() -> None:
    """20.00 to 13.33 is 33.35% off, announced as 33%; a rise is not a reduction."""
    history = PriceHistory()
    history.record_price("mug", Money("20.00", "EUR"), at=DAY0)
    later = DAY0 + timedelta(days=31)
    assert announce_reduction(history, "mug", Money("13.33", "EUR"), at=later).percent == 33
    with pytest.raises(ValidationError):
        announce_reduction(history, "mug", Money("21.00", "EUR"), at=later)
    with pytest.raises(ValidationError):
        announce_reduction(history, "hat", Money("1.00", "EUR"), at=later)
