"""In-memory redemption ledger."""

from decimal import Decimal

import attrs

from ecomcore.core import Money
from ecomcore.pricing import Redemption, RedemptionUsage

__all__ = ["InMemoryRedemptionLedger"]


@attrs.define
class InMemoryRedemptionLedger:
    """A `ecomcore.pricing.RedemptionLedger` kept in a dictionary.

    Examples:
        >>> from datetime import UTC, datetime
        >>> ledger = InMemoryRedemptionLedger()
        >>> at = datetime(2026, 4, 1, tzinfo=UTC)
        >>> ledger.record(Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"), at))
        >>> ledger.record(Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"), at))
        >>> ledger.usage("spring", "c-1", "EUR")
        RedemptionUsage(uses=1, customer_uses=1, granted=Money('5.00', 'EUR'))
    """

    _by_key: dict[str, dict[str, Redemption]] = attrs.field(factory=dict)

    def usage(self, key: str, customer_id: str | None, currency: str) -> RedemptionUsage:
        """Return the uses of ``key`` in all and by ``customer_id``, and the discount granted."""
        redemptions = self._by_key.get(key, {}).values()
        granted = sum(
            (r.discount.amount for r in redemptions if r.discount.currency.code == currency),
            Decimal(0),
        )
        by_customer = (
            0
            if customer_id is None
            else sum(1 for r in redemptions if r.customer_id == customer_id)
        )
        return RedemptionUsage(len(redemptions), by_customer, Money(granted, currency))

    def record(self, redemption: Redemption) -> None:
        """Record a redemption; the same (key, order) again changes nothing."""
        self._by_key.setdefault(redemption.key, {}).setdefault(redemption.order_id, redemption)

    def release(self, key: str, order_id: str) -> None:
        """Forget the redemption of ``key`` by ``order_id``, if any."""
        self._by_key.get(key, {}).pop(order_id, None)
