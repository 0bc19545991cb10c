"""The in-memory redemption ledger keeps the RedemptionLedger contract through its unit of work."""

from collections.abc import Callable, Sequence

from ecomcore.adapters.memory import (
    InMemoryOutbox,
    InMemoryPricingUnitOfWork,
    InMemoryRedemptionStore,
)
from ecomcore.core import DomainEvent
from ecomcore.testing import RedemptionLedgerContract


class TestMemoryRedemptionLedger(RedemptionLedgerContract):
    def setup_method(self) -> None:
        self._store, self._outbox = InMemoryRedemptionStore(), InMemoryOutbox()

    def make_unit_of_work(
        self, subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = ()
    ) -> InMemoryPricingUnitOfWork:
        return InMemoryPricingUnitOfWork(self._store, self._outbox, subscribers=subscribers)

    def outbox(self) -> InMemoryOutbox:
        return self._outbox
