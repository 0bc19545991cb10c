"""Near misses: promotions the cart would get with a little more in it."""

from collections.abc import Sequence

from ecomcore.core import from_minor_units
from ecomcore.pricing._promotions._context import PromotionContext
from ecomcore.pricing._promotions._promotion import Promotion
from ecomcore.pricing._quote_model import NearMiss

__all__ = ["near_misses"]


def near_misses(
    candidates: Sequence[Promotion],
    context: PromotionContext,
    coupon_promotions: set[str],
    limit: int,
) -> list[NearMiss]:
    """Return up to ``limit`` promotions whose condition fails only for lack of value or items.

    Candidates needing a coupon count only when that coupon was accepted. The smallest gaps come
    first (amount, then quantity, then stacking rank), so "add 2.00 for free shipping" leads.
    """
    found: list[tuple[int, int, tuple[int, str], NearMiss]] = []
    if limit <= 0:
        return []
    for promotion in candidates:
        if promotion.coupon_required and promotion.id not in coupon_promotions:
            continue
        if not promotion.active_at(context.at):
            continue
        lacking = promotion.condition.shortfall(context)
        if lacking is None or lacking.met:
            continue
        missing = from_minor_units(lacking.amount, context.currency) if lacking.amount > 0 else None
        wants = []
        if missing is not None:
            wants.append(f"{missing.amount} {context.currency}")
        if lacking.quantity > 0:
            wants.append(f"{lacking.quantity} more item{'s' if lacking.quantity != 1 else ''}")
        message = f"add {' and '.join(wants)} for {promotion.name}"
        found.append(
            (
                lacking.amount,
                lacking.quantity,
                promotion.rank,
                NearMiss(promotion.id, promotion.name, missing, max(lacking.quantity, 0), message),
            )
        )
    found.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in found[:limit]]
