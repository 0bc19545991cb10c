"""The in-memory stock repository keeps the stock contract through its unit of work."""

from collections.abc import Callable, Sequence

from ecomcore.adapters.memory import InMemoryOutbox, InMemoryStockStore, InMemoryStockUnitOfWork
from ecomcore.core import DomainEvent
from ecomcore.testing import StockRepositoryContract


class TestMemoryStockRepository(StockRepositoryContract):
    """Runs every contract test against InMemoryStockUnitOfWork over one store and outbox."""

    def setup_method(self) -> None:
        self._store, self._outbox = InMemoryStockStore(), InMemoryOutbox()

    def make_unit_of_work(
        self, subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = ()
    ) -> InMemoryStockUnitOfWork:
        return InMemoryStockUnitOfWork(self._store, self._outbox, subscribers=subscribers)

    def outbox(self) -> InMemoryOutbox:
        return self._outbox
