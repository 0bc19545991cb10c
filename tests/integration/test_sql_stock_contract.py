"""The SQL stock repository keeps the stock contract on SQLite and on PostgreSQL."""

from collections.abc import Callable, Sequence

import pytest

from ecomcore.adapters.sqlalchemy import Database, SqlOutbox, SqlStockUnitOfWork
from ecomcore.core import DomainEvent
from ecomcore.testing import StockRepositoryContract


class TestSqlStockRepository(StockRepositoryContract):
    """Every contract test, threads included, against each database of the `database` fixture."""

    @pytest.fixture(autouse=True)
    def _use(self, database: Database) -> None:
        self._database = database

    def make_unit_of_work(
        self, subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = ()
    ) -> SqlStockUnitOfWork:
        return SqlStockUnitOfWork(self._database, subscribers=subscribers)

    def outbox(self) -> SqlOutbox:
        return SqlOutbox(self._database)
