"""The in-memory stock repository keeps the stock contract through its unit of work."""

from collections.abc import Callable, Sequence

from ecomcore.adapters.memory import (
    InMemoryOutbox,
    InMemoryStockRepository,
    InMemoryStockStore,
    InMemoryStockUnitOfWork,
)
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


class _PublicOnlyStock:
    """A repository with the public `StockRepository` methods only, as an application's is.

    It stores through the in-memory repository, so the contract checks that the use cases'
    fast path (which ecomcore's own adapters offer) and the public path give the same results.
    """

    def __init__(self, inner: InMemoryStockRepository) -> None:
        self.levels, self.reservation = inner.levels, inner.reservation
        self.find_reservation, self.expiring = inner.find_reservation, inner.expiring
        self.transfer, self.stock_keys = inner.transfer, inner.stock_keys
        self.movements, self.stage = inner.movements, inner.stage


class TestPublicOnlyStockRepository(TestMemoryStockRepository):
    """Runs every contract test against a repository without the private fast path."""

    def make_unit_of_work(
        self, subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = ()
    ) -> InMemoryStockUnitOfWork:
        uow = super().make_unit_of_work(subscribers)
        uow.stock = _PublicOnlyStock(uow.stock)  # type: ignore[assignment]
        return uow
