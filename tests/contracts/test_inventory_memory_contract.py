"""The in-memory stock repository passes the StockRepository contract, concurrency included."""

from ecomcore.adapters.memory import MemoryStockRepository
from ecomcore.inventory import StockRepository
from ecomcore.testing import StockRepositoryContract


class TestMemoryStockRepository(StockRepositoryContract):
    """Runs every contract test against MemoryStockRepository."""

    def make_repository(self) -> StockRepository:
        return MemoryStockRepository()
