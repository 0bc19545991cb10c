"""The SQL catalog repositories keep the catalog contracts on SQLite and on PostgreSQL."""

from collections.abc import Callable, Sequence

import pytest

from ecomcore.adapters.sqlalchemy import Database, SqlCatalogUnitOfWork, SqlOutbox
from ecomcore.core import DomainEvent
from ecomcore.testing import CategoryRepositoryContract, ProductRepositoryContract

Subscriber = Callable[[Sequence[DomainEvent]], None]


class _OnTheDatabase:
    """Every unit of work of one test over one database of the `database` fixture."""

    @pytest.fixture(autouse=True)
    def _use(self, database: Database) -> None:
        self._database = database

    def make_unit_of_work(self, subscribers: Sequence[Subscriber] = ()) -> SqlCatalogUnitOfWork:
        return SqlCatalogUnitOfWork(self._database, subscribers=subscribers)

    def outbox(self) -> SqlOutbox:
        return SqlOutbox(self._database)


class TestSqlProductRepository(_OnTheDatabase, ProductRepositoryContract):
    """Every product contract test against each database."""


class TestSqlCategoryRepository(_OnTheDatabase, CategoryRepositoryContract):
    """Every category contract test against each database."""
