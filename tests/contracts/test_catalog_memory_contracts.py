"""The in-memory catalog unit of work keeps the product and category contracts."""

from collections.abc import Callable, Sequence

from ecomcore.adapters.memory import InMemoryCatalogStore, InMemoryCatalogUnitOfWork, InMemoryOutbox
from ecomcore.core import DomainEvent
from ecomcore.testing import CategoryRepositoryContract, ProductRepositoryContract


class _InMemoryCatalog:
    def setup_method(self) -> None:
        self._store, self._outbox = InMemoryCatalogStore(), InMemoryOutbox()

    def make_unit_of_work(
        self, subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = ()
    ) -> InMemoryCatalogUnitOfWork:
        return InMemoryCatalogUnitOfWork(self._store, self._outbox, subscribers=subscribers)

    def outbox(self) -> InMemoryOutbox:
        return self._outbox


class TestInMemoryProductRepository(_InMemoryCatalog, ProductRepositoryContract):
    pass


class TestInMemoryCategoryRepository(_InMemoryCatalog, CategoryRepositoryContract):
    pass
