"""The promotion catalog: promotions indexed by what they can apply to.

A line-level promotion over a product range can only apply when some line carries one of the
range's keys (a variant, product, category, collection or tag); it is filed under those keys.
Promotions over every item, order and shipping promotions are filed as "always checked". A quote
then looks up each line's keys, so the thousands of promotions for other products cost nothing.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime

import attrs

from ecomcore.core import NotFoundError
from ecomcore.pricing._errors import PromotionDefinitionError
from ecomcore.pricing._promotions._context import PricedLine, distinct_values
from ecomcore.pricing._promotions._promotion import Promotion
from ecomcore.pricing._promotions._working import Stage

__all__ = ["PromotionCatalog"]


def _ranked(promotions: Iterable[Promotion]) -> tuple[Promotion, ...]:
    ordered = tuple(sorted(promotions, key=lambda promotion: promotion.rank))
    seen = [promotion.id for promotion in ordered]
    if len(set(seen)) != len(seen):
        duplicates = sorted({pid for pid in seen if seen.count(pid) > 1})
        raise PromotionDefinitionError("promotions", duplicates, "promotions with distinct ids")
    return ordered


@attrs.frozen
class PromotionCatalog:
    """Every promotion of a store, in stacking rank, indexed for fast candidate lookup.

    Examples:
        >>> from ecomcore.pricing import PercentOff, ProductRange, Promotion
        >>> catalog = PromotionCatalog([
        ...     Promotion("shoes", "Shoes", PercentOff("20", ProductRange(categories={"shoes"}))),
        ...     Promotion("all", "Everything", PercentOff("5")),
        ... ])
        >>> len(catalog), catalog.get("shoes").name
        (2, 'Shoes')
    """

    promotions: tuple[Promotion, ...] = attrs.field(converter=_ranked)
    _by_id: dict[str, Promotion] = attrs.field(init=False, eq=False)
    _by_kind: dict[str, dict[str, list[int]]] = attrs.field(init=False, eq=False)
    _always: tuple[int, ...] = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_kind: dict[str, dict[str, list[int]]] = {}
        always: list[int] = []
        for position, promotion in enumerate(self.promotions):
            benefit = promotion.benefit
            keys = (
                benefit.range.index_keys()
                if benefit.stage is Stage.LINE and benefit.range is not None
                else None
            )
            if keys is None:
                always.append(position)
            else:
                for kind, value in keys:
                    by_kind.setdefault(kind, {}).setdefault(value, []).append(position)
        object.__setattr__(self, "_by_id", {p.id: p for p in self.promotions})
        object.__setattr__(self, "_by_kind", by_kind)
        object.__setattr__(self, "_always", tuple(always))

    def __len__(self) -> int:
        return len(self.promotions)

    def __contains__(self, promotion_id: object) -> bool:
        return promotion_id in self._by_id

    def get(self, promotion_id: str) -> Promotion:
        """Return the promotion with ``promotion_id``, or raise `NotFoundError`."""
        try:
            return self._by_id[promotion_id]
        except KeyError:
            raise NotFoundError("promotion", promotion_id) from None

    def candidates(self, lines: Sequence[PricedLine], at: datetime) -> list[Promotion]:
        """Return the active promotions that could apply to ``lines``, in stacking rank."""
        positions = set(self._always)
        for kind, index in self._by_kind.items():
            # The cart's distinct values of each kind: far fewer lookups than per line and key.
            for value in distinct_values(lines, kind):
                found = index.get(value)
                if found is not None:
                    positions.update(found)
        promotions = self.promotions
        return [
            promotions[position]
            for position in sorted(positions)
            if promotions[position].active_at(at)
        ]
