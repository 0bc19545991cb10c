"""The in-memory stock repository passes the StockRepository contract, concurrency included."""

from ecomcore.adapters.memory import InMemoryStockRepository
from ecomcore.inventory import StockRepository
from ecomcore.testing import StockRepositoryContract


class TestMemoryStockRepository(StockRepositoryContract):
    """Runs every contract test against InMemoryStockRepository."""

    def make_repository(self) -> StockRepository:
        return InMemoryStockRepository()
