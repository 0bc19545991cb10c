"""In-memory redemption storage, its ledger and the pricing unit of work."""

import threading
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from ecomcore.adapters.memory.uow import InMemoryOutbox, InMemoryUnitOfWork
from ecomcore.core import Aggregate, DomainEvent, Money
from ecomcore.pricing import Redemption, RedemptionUsage

__all__ = ["InMemoryPricingUnitOfWork", "InMemoryRedemptionLedger", "InMemoryRedemptionStore"]


class InMemoryRedemptionStore:
    """The committed redemptions, one per (key, order); a `ecomcore.pricing.RedemptionReader`.

    Every `InMemoryPricingUnitOfWork` given the same store shares its redemptions. A quote may
    read the store itself: it needs no unit of work.

    Examples:
        >>> from datetime import UTC, datetime
        >>> store = InMemoryRedemptionStore()
        >>> at = datetime(2026, 4, 1, tzinfo=UTC)
        >>> with InMemoryPricingUnitOfWork(store) as uow:
        ...     uow.redemptions.record(Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"), at))
        ...     uow.commit()
        >>> store.usage("spring", "c-1", "EUR")
        RedemptionUsage(uses=1, customer_uses=1, granted=Money('5.00', 'EUR'))
    """

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.by_key: dict[str, dict[str, Redemption]] = {}

    def usage(self, key: str, customer_id: str | None, currency: str) -> RedemptionUsage:
        """Return the committed uses of ``key`` in all and by ``customer_id``, and the discount."""
        with self.lock:
            redemptions = list(self.by_key.get(key, {}).values())
        granted = sum(
            (r.discount.amount for r in redemptions if r.discount.currency.code == currency),
            Decimal(0),
        )
        by_customer = (
            0
            if customer_id is None
            else sum(1 for r in redemptions if r.customer_id == customer_id)
        )
        return RedemptionUsage(len(redemptions), by_customer, Money(granted, currency))


class _LedgerWrite:
    """A staged change of the redemptions: nothing to check, since none can be stale."""

    __slots__ = ()
    store: InMemoryRedemptionStore

    @property
    def lock(self) -> threading.RLock:
        return self.store.lock

    def check(self) -> None:
        """Pass: a (key, order) recorded twice is kept once, releasing nothing does nothing."""


@attrs.define(eq=False, kw_only=True)
class _Record(_LedgerWrite, Aggregate):
    """Store a redemption unless its (key, order) is stored; only then record its event.

    Staged as its own aggregate: the unit of work collects the event after applying the write,
    so a retried order sends nothing.
    """

    store: InMemoryRedemptionStore
    redemption: Redemption
    event: DomainEvent | None

    def apply(self) -> None:
        orders = self.store.by_key.setdefault(self.redemption.key, {})
        if self.redemption.order_id in orders:
            return
        orders[self.redemption.order_id] = self.redemption
        if self.event is not None:
            self.record(self.event)


@attrs.frozen
class _Release(_LedgerWrite):
    """Forget the redemption of ``key`` by ``order_id``, if there is one."""

    store: InMemoryRedemptionStore
    key: str
    order_id: str

    def apply(self) -> None:
        self.store.by_key.get(self.key, {}).pop(self.order_id, None)


class InMemoryRedemptionLedger:
    """A `ecomcore.pricing.RedemptionLedger` over an `InMemoryRedemptionStore`, staging in a uow.

    Examples:
        >>> from datetime import UTC, datetime
        >>> uow = InMemoryPricingUnitOfWork()
        >>> spring = Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"),
        ...                     datetime(2026, 4, 1, tzinfo=UTC))
        >>> with uow:
        ...     uow.redemptions.record(spring)
        ...     uow.redemptions.usage("spring", "c-1", "EUR").uses  # staged, not committed
        ...     uow.commit()
        0
        >>> uow.redemptions.usage("spring", "c-1", "EUR").uses
        1
    """

    def __init__(self, store: InMemoryRedemptionStore, uow: InMemoryUnitOfWork) -> None:
        self._store, self._uow = store, uow

    def usage(self, key: str, customer_id: str | None, currency: str) -> RedemptionUsage:
        """Return the committed uses of ``key`` in all and by ``customer_id``, and the discount."""
        return self._store.usage(key, customer_id, currency)

    def record(self, redemption: Redemption, *, event: DomainEvent | None = None) -> None:
        """Stage recording ``redemption``; ``event`` goes to the outbox if the commit stores it."""
        write = _Record(store=self._store, redemption=redemption, event=event)
        self._uow.stage(write, write)

    def release(self, key: str, order_id: str) -> None:
        """Stage forgetting the redemption of ``key`` by ``order_id``, if any."""
        self._uow.stage(_Release(self._store, key, order_id))


class InMemoryPricingUnitOfWork(InMemoryUnitOfWork):
    """A `ecomcore.pricing.PricingUnitOfWork` over an `InMemoryRedemptionStore` (new if none).

    Examples:
        >>> uow = InMemoryPricingUnitOfWork()
        >>> uow.redemptions.usage("spring", None, "EUR").uses, uow.outbox.events()
        (0, [])
    """

    def __init__(
        self,
        store: InMemoryRedemptionStore | None = None,
        outbox: InMemoryOutbox | None = None,
        *,
        subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = (),
    ) -> None:
        super().__init__(outbox, subscribers=subscribers)
        self.store = store if store is not None else InMemoryRedemptionStore()
        self.redemptions = InMemoryRedemptionLedger(self.store, self)
