"""The contract every `ecomcore.pricing.RedemptionLedger` keeps, driven through its unit of work.

Subclass `RedemptionLedgerContract` as ``Test...`` and implement `make_unit_of_work` (every unit
of work one test instance makes shares one empty ledger and outbox, as one database does) and
`outbox`.
"""

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from ecomcore.core import DomainEvent, Money, Outbox
from ecomcore.pricing import PricingUnitOfWork, PromotionRedeemed, Redemption

__all__ = ["RedemptionLedgerContract"]

_AT = datetime(2026, 4, 1, tzinfo=UTC)


def _redeemed(redemption: Redemption) -> PromotionRedeemed:
    return PromotionRedeemed(
        occurred_at=redemption.at,
        promotion_id=redemption.key,
        order_id=redemption.order_id,
        customer_id=redemption.customer_id,
        coupon_code=None,
        discount=redemption.discount,
    )


class RedemptionLedgerContract:
    """Subclass in your tests and implement `make_unit_of_work` and `outbox`.

    Examples:
        >>> from ecomcore.adapters.memory import (InMemoryOutbox, InMemoryPricingUnitOfWork,
        ...     InMemoryRedemptionStore)
        >>> class TestMemoryLedger(RedemptionLedgerContract):
        ...     def setup_method(self) -> None:
        ...         self.store, self.events = InMemoryRedemptionStore(), InMemoryOutbox()
        ...     def make_unit_of_work(self, subscribers=()):
        ...         return InMemoryPricingUnitOfWork(self.store, self.events,
        ...                                          subscribers=subscribers)
        ...     def outbox(self):
        ...         return self.events
        >>> suite = TestMemoryLedger()
        >>> suite.setup_method()
        >>> suite.test_recording_the_same_order_twice_counts_and_sends_once()
    """

    def make_unit_of_work(
        self, subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = ()
    ) -> PricingUnitOfWork:
        """Return a new unit of work over this test's ledger, calling ``subscribers``."""
        raise NotImplementedError

    def outbox(self) -> Outbox:
        """Return this test's outbox."""
        raise NotImplementedError

    def _record(self, *redemptions: Redemption) -> None:
        with self.make_unit_of_work() as uow:
            for redemption in redemptions:
                uow.redemptions.record(redemption, event=_redeemed(redemption))
            uow.commit()

    def _release(self, key: str, order_id: str) -> None:
        with self.make_unit_of_work() as uow:
            uow.redemptions.release(key, order_id)
            uow.commit()

    def _uses(self, key: str, customer_id: str | None = None) -> int:
        with self.make_unit_of_work() as uow:
            return uow.redemptions.usage(key, customer_id, "EUR").uses

    def test_an_unused_key_has_no_uses_and_nothing_granted(self) -> None:
        """A promotion never redeemed shows zero uses and zero granted."""
        with self.make_unit_of_work() as uow:
            usage = uow.redemptions.usage("spring", "c-1", "EUR")
        assert (usage.uses, usage.customer_uses, usage.granted) == (0, 0, Money(0, "EUR"))

    def test_uses_count_in_all_and_per_customer(self) -> None:
        """Two customers' three orders: 3 uses in all, 2 for the first customer."""
        self._record(
            *(
                Redemption("spring", order, customer, Money("2.50", "EUR"), _AT)
                for order, customer in (("o-1", "c-1"), ("o-2", "c-1"), ("o-3", "c-2"))
            )
        )
        with self.make_unit_of_work() as uow:
            usage = uow.redemptions.usage("spring", "c-1", "EUR")
        assert (usage.uses, usage.customer_uses) == (3, 2)
        assert usage.granted == Money("7.50", "EUR")

    def test_nothing_is_recorded_or_sent_without_a_commit(self) -> None:
        """A staged redemption left uncommitted counts for nothing and sends no event."""
        redemption = Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"), _AT)
        with self.make_unit_of_work() as uow:
            uow.redemptions.record(redemption, event=_redeemed(redemption))
        assert self._uses("spring") == 0
        assert list(self.outbox().events()) == []

    def test_the_event_goes_out_with_the_commit(self) -> None:
        """Subscribers get the event after the commit, when the use already counts."""
        seen: list[int] = []
        redemption = Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"), _AT)
        with self.make_unit_of_work([lambda events: seen.append(self._uses("spring"))]) as uow:
            uow.redemptions.record(redemption, event=_redeemed(redemption))
            uow.commit()
        assert seen == [1]
        assert list(self.outbox().events()) == [_redeemed(redemption)]

    def test_recording_the_same_order_twice_counts_and_sends_once(self) -> None:
        """A retried order, in the same commit or a later one, is one redemption and one event."""
        redemption = Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"), _AT)
        self._record(redemption, redemption)
        self._record(redemption)
        assert self._uses("spring") == 1
        assert list(self.outbox().events()) == [_redeemed(redemption)]

    def test_releasing_gives_the_use_and_budget_back(self) -> None:
        """A cancelled order's redemption no longer counts; releasing nothing does nothing."""
        self._record(Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"), _AT))
        self._release("spring", "o-1")
        self._release("spring", "o-unknown")
        with self.make_unit_of_work() as uow:
            usage = uow.redemptions.usage("spring", "c-1", "EUR")
        assert (usage.uses, usage.granted) == (0, Money(0, "EUR"))

    def test_changes_of_one_commit_apply_in_order(self) -> None:
        """Released then recorded again in one commit: the order counts once more."""
        first = Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"), _AT)
        self._record(first)
        again = Redemption("spring", "o-1", "c-1", Money("4.00", "EUR"), _AT)
        with self.make_unit_of_work() as uow:
            uow.redemptions.release("spring", "o-1")
            uow.redemptions.record(again)
            uow.commit()
        with self.make_unit_of_work() as uow:
            assert uow.redemptions.usage("spring", "c-1", "EUR").granted == Money("4.00", "EUR")

    def test_keys_and_currencies_are_kept_apart(self) -> None:
        """A coupon's uses do not count for its promotion; granted is per currency."""
        self._record(
            Redemption("coupon:ABC", "o-1", None, Money("5.00", "EUR"), _AT),
            Redemption("spring", "o-2", None, Money("500", "JPY"), _AT),
        )
        with self.make_unit_of_work() as uow:
            ledger = uow.redemptions
            assert ledger.usage("spring", None, "EUR").granted == Money(0, "EUR")
            assert ledger.usage("spring", None, "JPY").granted == Money("500", "JPY")
            assert ledger.usage("coupon:ABC", None, "EUR").uses == 1
