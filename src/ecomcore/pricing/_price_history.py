"""Price history and the EU price-reduction rule (the lowest price of the prior 30 days)."""

import bisect
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import ROUND_DOWN, Decimal

import attrs
import moneyed

from ecomcore.core import Aggregate, Money, ValidationError
from ecomcore.pricing._checks import whole_money
from ecomcore.pricing._errors import ReductionRuleError
from ecomcore.pricing._events import PriceChanged

__all__ = ["PriceHistory", "PriceReduction", "announce_reduction"]

DEFAULT_REFERENCE_PERIOD = timedelta(days=30)
"""The period whose lowest price is the reference for a reduction (Directive 98/6/EC, art. 6a)."""


@attrs.define(eq=False, kw_only=True)
class PriceHistory(Aggregate):
    """Every price a variant had in each currency, and since when.

    Record each change with `record_price`; ask `price_at` and `lowest_prior_price`. Changes
    may be recorded out of order (back-filled from an import); they are kept sorted by
    effective time. An `ecomcore.core.Aggregate`: each change records `PriceChanged` for the
    caller to collect with `pull_events`.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> day = datetime(2026, 3, 1, tzinfo=UTC)
        >>> history = PriceHistory()
        >>> history.record_price("mug", Money("12.00", "EUR"), at=day)
        >>> history.record_price("mug", Money("9.00", "EUR"), at=day + timedelta(days=10))
        >>> history.record_price("mug", Money("12.00", "EUR"), at=day + timedelta(days=20))
        >>> history.lowest_prior_price("mug", "EUR", before=day + timedelta(days=35))
        Money('9.00', 'EUR')
        >>> history.lowest_prior_price("mug", "EUR", before=day + timedelta(days=55))
        Money('12.00', 'EUR')
    """

    _times: dict[tuple[str, str], list[datetime]] = attrs.field(factory=dict, init=False)
    _prices: dict[tuple[str, str], list[Money]] = attrs.field(factory=dict, init=False)

    def record_price(self, variant_id: str, price: moneyed.Money, *, at: datetime) -> None:
        """Record that ``variant_id`` costs ``price`` from ``at`` on (records `PriceChanged`)."""
        if at.utcoffset() is None:
            raise ValidationError("at", at, "a timezone-aware datetime")
        money = whole_money(price)
        key = (variant_id, money.currency.code)
        times = self._times.setdefault(key, [])
        prices = self._prices.setdefault(key, [])
        index = bisect.bisect_right(times, at)
        previous = prices[index - 1] if index else None
        if index and times[index - 1] == at:
            prices[index - 1] = money  # a correction of the same instant replaces it
        else:
            times.insert(index, at)
            prices.insert(index, money)
        self.record(
            PriceChanged(occurred_at=at, variant_id=variant_id, price=money, previous=previous)
        )

    def price_at(self, variant_id: str, currency: str, at: datetime) -> Money | None:
        """Return the price in effect at ``at``, or None before the first recorded price."""
        times = self._times.get((variant_id, currency), [])
        index = bisect.bisect_right(times, at)
        return self._prices[(variant_id, currency)][index - 1] if index else None

    def changes(self, variant_id: str, currency: str) -> Sequence[tuple[datetime, Money]]:
        """Return every recorded (effective time, price), oldest first."""
        key = (variant_id, currency)
        return list(zip(self._times.get(key, []), self._prices.get(key, []), strict=True))

    def lowest_prior_price(
        self,
        variant_id: str,
        currency: str,
        *,
        before: datetime,
        period: timedelta = DEFAULT_REFERENCE_PERIOD,
    ) -> Money | None:
        """Return the lowest price in effect at any time in ``[before - period, before)``.

        The price already in effect when the period starts counts, as does every change inside
        it. None when no price was in effect during the period.
        """
        key = (variant_id, currency)
        times = self._times.get(key, [])
        prices = self._prices.get(key, [])
        start = before - period
        first = max(bisect.bisect_right(times, start) - 1, 0)
        end = bisect.bisect_left(times, before)
        candidates = prices[first:end]
        return min(candidates, key=lambda money: money.amount) if candidates else None


@attrs.frozen
class PriceReduction:
    """A reduction that respects the rule: the new price, the reference "was" price, the percent.

    ``percent`` is rounded down to a whole percent, so the announcement never overstates it.

    Examples:
        >>> from datetime import UTC, datetime
        >>> history = PriceHistory()
        >>> history.record_price("mug", Money("20.00", "EUR"), at=datetime(2026, 3, 1, tzinfo=UTC))
        >>> cut = announce_reduction(history, "mug", Money("14.99", "EUR"),
        ...                          at=datetime(2026, 5, 1, tzinfo=UTC))
        >>> cut.was, cut.now, cut.percent  # 25.05% off, announced as 25%
        (Money('20.00', 'EUR'), Money('14.99', 'EUR'), Decimal('25'))
    """

    variant_id: str
    was: Money
    now: Money
    percent: Decimal


def announce_reduction(
    history: PriceHistory,
    variant_id: str,
    new_price: moneyed.Money,
    *,
    at: datetime,
    was: moneyed.Money | None = None,
    period: timedelta = DEFAULT_REFERENCE_PERIOD,
) -> PriceReduction:
    """Compute a price reduction to announce at ``at``, against the lowest prior price.

    Raises `ReductionRuleError` when ``was`` is given and is not that lowest price, and
    `ValidationError` when there is no prior price or the new price is not lower.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> day = datetime(2026, 3, 1, tzinfo=UTC)
        >>> history = PriceHistory()
        >>> history.record_price("mug", Money("20.00", "EUR"), at=day)
        >>> history.record_price("mug", Money("15.00", "EUR"), at=day + timedelta(days=5))
        >>> history.record_price("mug", Money("20.00", "EUR"), at=day + timedelta(days=15))
        >>> later = day + timedelta(days=25)
        >>> announce_reduction(history, "mug", Money("12.00", "EUR"), at=later).percent
        Decimal('20')
        >>> announce_reduction(history, "mug", Money("12.00", "EUR"), at=later,
        ...                    was=Money("20.00", "EUR"))
        Traceback (most recent call last):
        ...
        ecomcore.pricing._errors.ReductionRuleError: the "was" price 20.00 EUR of 'mug' ...
    """
    now = whole_money(new_price)
    code = now.currency.code
    lowest = history.lowest_prior_price(variant_id, code, before=at, period=period)
    if lowest is None:
        raise ValidationError(
            "variant_id", variant_id, f"a variant with a recorded {code} price before {at}"
        )
    days = period.days
    if was is not None and whole_money(was) != lowest:
        raise ReductionRuleError(variant_id, whole_money(was), lowest, days)
    if now.amount >= lowest.amount:
        raise ValidationError(
            "new_price", now, f"lower than the lowest price of the prior {days} days, {lowest}"
        )
    percent = ((lowest.amount - now.amount) * 100 / lowest.amount).quantize(
        Decimal(1), rounding=ROUND_DOWN
    )
    return PriceReduction(variant_id=variant_id, was=lowest, now=now, percent=percent)
