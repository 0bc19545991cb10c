"""What promotions look at: the priced lines and the facts about the customer and the order.

These are built by the quote engine once per quote. Amounts are integers of minor units, so
conditions and benefits compute without creating Money objects on the hot path.
"""

from collections.abc import Callable
from datetime import datetime

import attrs

__all__ = ["PricedLine", "PromotionContext"]


@attrs.define(slots=True, eq=False)
class PricedLine:
    """A cart line with its resolved price, as promotions see it (amounts in minor units)."""

    line_id: str
    variant_id: str
    product_id: str
    quantity: int
    unit: int
    """Resolved unit price, minor units."""
    compare_at: int | None = None
    """The regular unit price when a sale list priced the line."""
    category_ids: frozenset[str] = frozenset()
    collection_ids: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    is_gift: bool = False

    @property
    def on_sale(self) -> bool:
        """True when a sale list priced the line below its regular price."""
        return self.compare_at is not None

    @property
    def subtotal(self) -> int:
        """Unit price times quantity, minor units."""
        return self.unit * self.quantity


@attrs.define(slots=True, eq=False)
class PromotionContext:
    """The facts a promotion's conditions are evaluated against, for one quote.

    ``subtotal`` is the sum of the line subtotals before any promotion: conditions see the cart
    as priced, so whether a promotion applies never depends on the order promotions run in.
    """

    lines: tuple[PricedLine, ...]
    currency: str
    at: datetime
    customer_id: str | None = None
    customer_groups: frozenset[str] = frozenset()
    first_order: bool = False
    channel: str | None = None
    coupon_codes: frozenset[str] = frozenset()
    subtotal: int = attrs.field(init=False)
    _matches: dict[int, tuple[int, ...]] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self.subtotal = sum(line.unit * line.quantity for line in self.lines if not line.is_gift)

    def matching(self, key: object, test: Callable[[PricedLine], bool]) -> tuple[int, ...]:
        """Return the indexes of the (non-gift) lines passing ``test``, cached under ``key``."""
        found = self._matches.get(id(key))
        if found is None:
            found = tuple(
                index for index, line in enumerate(self.lines) if not line.is_gift and test(line)
            )
            self._matches[id(key)] = found
        return found
