"""The in-memory redemption ledger keeps the RedemptionLedger contract."""

from ecomcore.adapters.memory import InMemoryRedemptionLedger
from ecomcore.pricing import RedemptionLedger
from ecomcore.testing import RedemptionLedgerContract


class TestMemoryRedemptionLedger(RedemptionLedgerContract):
    def make_ledger(self) -> RedemptionLedger:
        return InMemoryRedemptionLedger()
