"""The in-memory catalog repositories pass the contract suites every adapter must pass."""

from ecomcore.adapters.memory import InMemoryCategoryRepository, InMemoryProductRepository
from ecomcore.catalog import CategoryRepository, ProductRepository
from ecomcore.testing import CategoryRepositoryContract, ProductRepositoryContract


class TestInMemoryProductRepository(ProductRepositoryContract):
    def make_repository(self) -> ProductRepository:
        return InMemoryProductRepository()


class TestInMemoryCategoryRepository(CategoryRepositoryContract):
    def make_repository(self) -> CategoryRepository:
        return InMemoryCategoryRepository()
