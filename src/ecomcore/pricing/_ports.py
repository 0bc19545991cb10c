"""Ports of the pricing context: what the application provides.

The quote only reads redemption counts (a `RedemptionReader`); recording redemptions is a staged
write in a `PricingUnitOfWork`, committed with the order's other changes and events.
"""

from datetime import datetime
from typing import Protocol

import attrs

from ecomcore.core import DomainEvent, Money, UnitOfWork
from ecomcore.pricing._checks import whole_money

__all__ = [
    "PricingUnitOfWork",
    "Redemption",
    "RedemptionLedger",
    "RedemptionReader",
    "RedemptionUsage",
]


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
        >>> from ecomcore.adapters.memory import InMemoryPricingUnitOfWork
        >>> uow = InMemoryPricingUnitOfWork()
        >>> at = datetime(2026, 4, 1, tzinfo=UTC)
        >>> with uow:
        ...     uow.redemptions.record(
        ...         Redemption("coupon:ONCE", "o-1", "c-1", Money("2.00", "EUR"), at))
        ...     uow.commit()
        >>> usage = uow.redemptions.usage("coupon:ONCE", "c-2", "EUR")  # another customer asks
        >>> usage.uses, usage.customer_uses, usage.granted
        (1, 0, Money('2.00', 'EUR'))
    """

    uses: int
    customer_uses: int
    granted: Money


class RedemptionReader(Protocol):
    """Reads how often promotions and coupons were redeemed: all the quote needs of a ledger.

    Examples:
        >>> reader: RedemptionReader = EmptyLedger()
        >>> reader.usage("spring", "c-1", "EUR").uses
        0
    """

    def usage(self, key: str, customer_id: str | None, currency: str) -> RedemptionUsage:
        """Return the committed uses of ``key`` in all and by ``customer_id``, and the discount."""
        ...


class RedemptionLedger(RedemptionReader, Protocol):
    """Counts redemptions of promotions and coupons, for per-customer, total and budget limits.

    ``record`` and ``release`` stage changes in the `PricingUnitOfWork` the ledger belongs to;
    its commit applies them in order, atomically, with the order's other changes. Recording is
    idempotent per (key, order): at commit a (key, order) already recorded changes nothing and
    its ``event`` is not sent; a new one is stored and its ``event`` goes to the outbox.
    Releasing an order's redemption (a cancelled order) gives the use and the budget back.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryPricingUnitOfWork
        >>> uow = InMemoryPricingUnitOfWork()
        >>> spring = Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"),
        ...                     datetime(2026, 4, 1, tzinfo=UTC))
        >>> with uow:
        ...     ledger: RedemptionLedger = uow.redemptions
        ...     ledger.record(spring)
        ...     ledger.record(spring)  # a retry: still one use
        ...     uow.commit()
        >>> ledger.usage("spring", "c-1", "EUR").uses
        1
        >>> with uow:
        ...     ledger.release("spring", "o-1")  # the order was cancelled: the use is given back
        ...     uow.commit()
        >>> ledger.usage("spring", "c-1", "EUR").uses
        0
    """

    def record(self, redemption: Redemption, *, event: DomainEvent | None = None) -> None:
        """Stage recording ``redemption``, with ``event`` to send if the commit stores it."""
        ...

    def release(self, key: str, order_id: str) -> None:
        """Stage forgetting the redemption of ``key`` by ``order_id`` (nothing if there is none)."""
        ...


class PricingUnitOfWork(UnitOfWork, Protocol):
    """The unit of work of pricing use cases: its ``redemptions`` ledger.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryPricingUnitOfWork
        >>> uow: PricingUnitOfWork = InMemoryPricingUnitOfWork()
        >>> with uow:
        ...     uow.redemptions.usage("spring", None, "EUR").uses
        0
    """

    @property
    def redemptions(self) -> RedemptionLedger:
        """The redemption ledger of this unit of work."""
        ...


class EmptyLedger:
    """A `RedemptionReader` with no history: every limit looks unused.

    What the quote reads when no ledger is given; redemption limits need a real one.
    """

    def usage(self, key: str, customer_id: str | None, currency: str) -> RedemptionUsage:
        """Return zero uses and nothing granted."""
        return RedemptionUsage(0, 0, Money(0, currency))
