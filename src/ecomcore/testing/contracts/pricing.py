"""The contract every `ecomcore.pricing.RedemptionLedger` must keep, as a reusable test suite."""

from collections.abc import Callable
from datetime import UTC, datetime

from ecomcore.core import Money
from ecomcore.pricing import Redemption, RedemptionLedger

__all__ = ["RedemptionLedgerContract"]

_AT = datetime(2026, 4, 1, tzinfo=UTC)


class RedemptionLedgerContract:
    """Subclass in your tests and implement `make_ledger` to check your adapter.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryRedemptionLedger
        >>> class TestMemoryLedger(RedemptionLedgerContract):
        ...     def make_ledger(self):
        ...         return InMemoryRedemptionLedger()
        >>> TestMemoryLedger().test_recording_the_same_order_twice_counts_once()
    """

    make_ledger: Callable[[], RedemptionLedger]

    def test_an_unused_key_has_no_uses_and_nothing_granted(self) -> None:
        """A promotion never redeemed shows zero uses and zero granted."""
        usage = self.make_ledger().usage("spring", "c-1", "EUR")
        assert (usage.uses, usage.customer_uses, usage.granted) == (0, 0, Money(0, "EUR"))

    def test_uses_count_in_all_and_per_customer(self) -> None:
        """Two customers' three orders: 3 uses in all, 2 for the first customer."""
        ledger = self.make_ledger()
        for order, customer in (("o-1", "c-1"), ("o-2", "c-1"), ("o-3", "c-2")):
            ledger.record(Redemption("spring", order, customer, Money("2.50", "EUR"), _AT))
        usage = ledger.usage("spring", "c-1", "EUR")
        assert (usage.uses, usage.customer_uses) == (3, 2)
        assert usage.granted == Money("7.50", "EUR")

    def test_recording_the_same_order_twice_counts_once(self) -> None:
        """A retried order is one redemption, not two."""
        ledger = self.make_ledger()
        redemption = Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"), _AT)
        ledger.record(redemption)
        ledger.record(redemption)
        assert ledger.usage("spring", "c-1", "EUR").uses == 1

    def test_releasing_gives_the_use_and_budget_back(self) -> None:
        """A cancelled order's redemption no longer counts."""
        ledger = self.make_ledger()
        ledger.record(Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"), _AT))
        ledger.release("spring", "o-1")
        ledger.release("spring", "o-unknown")
        usage = ledger.usage("spring", "c-1", "EUR")
        assert (usage.uses, usage.granted) == (0, Money(0, "EUR"))

    def test_keys_and_currencies_are_kept_apart(self) -> None:
        """A coupon's uses do not count for its promotion; granted is per currency."""
        ledger = self.make_ledger()
        ledger.record(Redemption("coupon:ABC", "o-1", None, Money("5.00", "EUR"), _AT))
        ledger.record(Redemption("spring", "o-2", None, Money("500", "JPY"), _AT))
        assert ledger.usage("spring", None, "EUR").granted == Money(0, "EUR")
        assert ledger.usage("spring", None, "JPY").granted == Money("500", "JPY")
        assert ledger.usage("coupon:ABC", None, "EUR").uses == 1
