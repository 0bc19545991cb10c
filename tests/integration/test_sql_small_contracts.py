"""The SQL redemption ledger, velocity counter and tax rate provider keep their contracts."""

from collections.abc import Callable, Sequence

import pytest

from ecomcore.adapters.sqlalchemy import (
    Database,
    SqlOutbox,
    SqlPricingUnitOfWork,
    SqlTaxRateProvider,
    SqlVelocityCounter,
)
from ecomcore.adapters.sqlalchemy.tax import tax_rule
from ecomcore.core import DomainEvent
from ecomcore.tax import TaxRule
from ecomcore.testing import (
    RedemptionLedgerContract,
    TaxRateProviderContract,
    VelocityCounterContract,
)


class _OnDatabase:
    @pytest.fixture(autouse=True)
    def _use(self, database: Database) -> None:
        self._database = database


class TestSqlRedemptionLedger(_OnDatabase, RedemptionLedgerContract):
    def make_unit_of_work(
        self, subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = ()
    ) -> SqlPricingUnitOfWork:
        return SqlPricingUnitOfWork(self._database, subscribers=subscribers)

    def outbox(self) -> SqlOutbox:
        return SqlOutbox(self._database)


class TestSqlVelocityCounter(_OnDatabase, VelocityCounterContract):
    def make_counter(self) -> SqlVelocityCounter:
        return SqlVelocityCounter(self._database)


class TestSqlTaxRateProvider(_OnDatabase, TaxRateProviderContract):
    def make_provider(self, rules: Sequence[TaxRule]) -> SqlTaxRateProvider:
        with self._database.writing() as connection:
            connection.execute(tax_rule.delete())
        provider = SqlTaxRateProvider(self._database)
        provider.add(rules)
        return provider
