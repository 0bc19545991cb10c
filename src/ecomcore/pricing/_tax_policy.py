"""The seam where tax plugs into the quote: a policy that turns amounts into net, tax and gross.

The quote engine hands the policy one `TaxableItem` per line (after discounts) and one for
shipping, and takes back one `TaxedMoney` per item. `NoTax`, the default, charges none.
"""

from collections.abc import Sequence
from typing import Protocol

import attrs

from ecomcore.core import Money, TaxedMoney
from ecomcore.pricing._quote_model import QuoteRequest

__all__ = ["NoTax", "TaxPolicy", "TaxableItem"]


@attrs.frozen
class TaxableItem:
    """An amount to tax: a line after discounts, or shipping (``key == "shipping"``).

    ``amount`` is gross when ``includes_tax``, else net.
    """

    key: str
    amount: Money
    includes_tax: bool
    quantity: int = 1
    product_id: str | None = None
    tax_code: str | None = None


class TaxPolicy(Protocol):
    """Computes net, tax and gross for each item of a quote."""

    def tax(self, items: Sequence[TaxableItem], request: QuoteRequest) -> Sequence[TaxedMoney]:
        """Return one `TaxedMoney` per item, in the same order."""
        ...


class NoTax:
    """Charges no tax: the amount is the net and the gross.

    Examples:
        >>> from datetime import UTC, datetime
        >>> request = QuoteRequest("EUR", [], datetime(2026, 1, 1, tzinfo=UTC))
        >>> NoTax().tax([TaxableItem("1", Money("9.99", "EUR"), False)], request)[0].gross
        Money('9.99', 'EUR')
    """

    def tax(self, items: Sequence[TaxableItem], request: QuoteRequest) -> Sequence[TaxedMoney]:
        """Return each amount as net with zero tax."""
        zero = Money(0, request.currency)
        return [TaxedMoney(net=item.amount, tax=zero) for item in items]
