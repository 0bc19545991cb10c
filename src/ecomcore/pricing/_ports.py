"""Ports of the pricing context: what the application provides."""

from datetime import datetime
from typing import Protocol

import attrs

from ecomcore.core import Money
from ecomcore.pricing._checks import whole_money

__all__ = ["Redemption", "RedemptionLedger", "RedemptionUsage"]


@attrs.frozen
class Redemption:
    """One order's use of a promotion or coupon, under ``key`` (a promotion id or ``coupon:CODE``).

    Examples:
        >>> from datetime import UTC, datetime
        >>> Redemption("spring", "o-1", "c-7", Money("4.50", "EUR"),
        ...            datetime(2026, 4, 2, tzinfo=UTC)).discount
        Money('4.50', 'EUR')
    """

    key: str
    order_id: str
    customer_id: str | None
    discount: Money = attrs.field(converter=whole_money)
    at: datetime


@attrs.frozen
class RedemptionUsage:
    """How often a key was redeemed (in all, by one customer) and the discount granted so far.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryRedemptionLedger
        >>> ledger = InMemoryRedemptionLedger()
        >>> at = datetime(2026, 4, 1, tzinfo=UTC)
        >>> ledger.record(Redemption("coupon:ONCE", "o-1", "c-1", Money("2.00", "EUR"), at))
        >>> usage = ledger.usage("coupon:ONCE", "c-2", "EUR")  # another customer asks
        >>> usage.uses, usage.customer_uses, usage.granted
        (1, 0, Money('2.00', 'EUR'))
    """

    uses: int
    customer_uses: int
    granted: Money


class RedemptionLedger(Protocol):
    """Counts redemptions of promotions and coupons, for per-customer, total and budget limits.

    Recording is idempotent per (key, order): a retried order changes nothing. Releasing an
    order's redemption (a cancelled order) gives the use and the budget back.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryRedemptionLedger
        >>> ledger: RedemptionLedger = InMemoryRedemptionLedger()
        >>> ledger.record(Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"),
        ...                          datetime(2026, 4, 1, tzinfo=UTC)))
        >>> ledger.release("spring", "o-1")  # the order was cancelled: the use is given back
        >>> ledger.usage("spring", "c-1", "EUR").uses
        0
    """

    def usage(self, key: str, customer_id: str | None, currency: str) -> RedemptionUsage:
        """Return the uses of ``key`` in all and by ``customer_id``, and the discount granted."""
        ...

    def record(self, redemption: Redemption) -> None:
        """Record a redemption; recording the same (key, order) again changes nothing."""
        ...

    def release(self, key: str, order_id: str) -> None:
        """Forget the redemption of ``key`` by ``order_id``; nothing happens if there is none."""
        ...


class EmptyLedger:
    """A ledger with no history and no memory: every limit looks unused.

    What the quote uses when no ledger is given; redemption limits need a real one.
    """

    def usage(self, key: str, customer_id: str | None, currency: str) -> RedemptionUsage:
        """Return zero uses and nothing granted."""
        return RedemptionUsage(0, 0, Money(0, currency))

    def record(self, redemption: Redemption) -> None:
        """Forget the redemption at once."""

    def release(self, key: str, order_id: str) -> None:
        """Do nothing."""
