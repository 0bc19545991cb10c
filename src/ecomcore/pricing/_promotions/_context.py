"""What promotions look at: the priced lines and the facts about the customer and the order.

These are built by the quote engine once per quote. Amounts are integers of minor units, so
conditions and benefits compute without creating Money objects on the hot path.
"""

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

import attrs

__all__ = ["PricedLine", "PromotionContext"]


@attrs.define(slots=True, eq=False)
class PricedLine:
    """A cart line with its resolved price, as promotions see it (amounts in minor units).

    Examples:
        >>> tee = PricedLine("1", "tee-m", "tee", 3, 1200, compare_at=1500)
        >>> tee.subtotal, tee.on_sale
        (3600, True)
    """

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

    Examples:
        >>> from datetime import UTC, datetime
        >>> lines = (PricedLine("1", "mug", "mug", 2, 1000),
        ...          PricedLine("gift:tote", "tote", "tote", 1, 400, is_gift=True))
        >>> cart = PromotionContext(lines, "EUR", datetime(2026, 6, 1, tzinfo=UTC), channel="web")
        >>> cart.subtotal, cart.lines_with([("product", "mug")])  # a gift is not in the subtotal
        (2000, [0])
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
    _by_kind: dict[str, dict[str, list[int]]] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self.subtotal = sum(line.unit * line.quantity for line in self.lines if not line.is_gift)

    def lines_with(self, keys: Iterable[tuple[str, str]]) -> list[int]:
        """Return the indexes of the lines carrying any of ``keys``, ascending."""
        found: set[int] = set()
        for kind, value in keys:
            hits = self._index(kind).get(value)
            if hits is not None:
                found.update(hits)
        return sorted(found)

    def _index(self, kind: str) -> dict[str, list[int]]:
        """Return the line indexes per value of one kind of key, built on first use."""
        index = self._by_kind.get(kind)
        if index is None:
            index = {}
            field = KEY_FIELDS[kind]
            if kind in SINGLE_KEYS:
                for position, line in enumerate(self.lines):
                    index.setdefault(getattr(line, field), []).append(position)
            else:
                for position, line in enumerate(self.lines):
                    for value in getattr(line, field):
                        index.setdefault(value, []).append(position)
            self._by_kind[kind] = index
        return index

    def matching(
        self,
        key: object,
        test: Callable[[PricedLine], bool] | None,
        keys: Iterable[tuple[str, str]] | None = None,
    ) -> tuple[int, ...]:
        """Return the indexes of the (non-gift) lines passing ``test``, cached under ``key``.

        With ``keys``, only lines carrying one of them are tested (a range's inclusions); with
        no ``test``, every such line matches.
        """
        found = self._matches.get(id(key))
        if found is None:
            lines = self.lines
            indexes = range(len(lines)) if keys is None else self.lines_with(keys)
            found = tuple(
                index
                for index in indexes
                if not lines[index].is_gift and (test is None or test(lines[index]))
            )
            self._matches[id(key)] = found
        return found


KEY_FIELDS = {
    "variant": "variant_id",
    "product": "product_id",
    "category": "category_ids",
    "collection": "collection_ids",
    "tag": "tags",
}
"""The line field behind each kind of index key (the counterpart of `ProductRange.index_keys`)."""
SINGLE_KEYS = frozenset({"variant", "product"})
"""The kinds a line carries exactly one value of; the others are sets."""


def distinct_values(lines: Sequence[PricedLine], kind: str) -> set[str]:
    """Return the values of one kind of key that any of ``lines`` carries."""
    field = KEY_FIELDS[kind]
    if kind in SINGLE_KEYS:
        return {getattr(line, field) for line in lines}
    return set().union(*[getattr(line, field) for line in lines])
