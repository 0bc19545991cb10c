"""The stacking runner: stages, lanes with best-of, clamps so nothing goes below zero, caps.

Order of work within one run (documented in docs/pricing.md):

1. Stages in order: line promotions, order promotions, shipping promotions.
2. Within a stage, promotions in rank order (higher priority first, then id). Promotions sharing
   a lane are taken together where the lane's first member stands; each member's discount is
   computed on the cart as it is at that point and the largest one applies (ties to the earlier
   rank). A promotion without a lane is a lane of its own.
3. Each proposal is clamped so no line (and no shipping) goes below zero, then capped by the
   promotion's maximum discount and remaining budget, with the cap spread over the lines through
   `ecomcore.core.allocate`.
"""

from collections.abc import Mapping, Sequence

import attrs

from ecomcore.core import Rounding
from ecomcore.pricing._promotions._context import PromotionContext
from ecomcore.pricing._promotions._promotion import Promotion
from ecomcore.pricing._promotions._working import Proposal, Stage, Working, split

__all__ = ["Applied", "Outcome", "stack"]


@attrs.define(slots=True, eq=False)
class Applied:
    """What one promotion took off in a run: per line index, on shipping, on its gift line."""

    promotion: Promotion
    lines: dict[int, int]
    shipping: int
    gift_index: int | None
    gift_discount: int
    detail: str
    capped: bool

    @property
    def total(self) -> int:
        """Everything the promotion took off, minor units."""
        return sum(self.lines.values()) + self.shipping + self.gift_discount


@attrs.define(slots=True, eq=False)
class Outcome:
    """The result of one run: the final amounts, what applied, and who lost a lane to whom."""

    state: Working
    applied: list[Applied]
    lost_to: dict[str, str]

    @property
    def total(self) -> int:
        """Everything taken off the cart, minor units."""
        return sum(applied.total for applied in self.applied)


def _bounded(proposal: Proposal, state: Working, cap: int | None) -> tuple[Proposal, bool]:
    """Clamp a proposal to what is left on each line and on shipping, then apply ``cap``."""
    net = state.net
    lines = {
        index: amount if amount < net[index] else net[index]  # min() without a call
        for index, amount in proposal.lines.items()
        if amount > 0 and net[index] > 0
    }
    shipping = max(min(proposal.shipping, state.shipping), 0)
    bounded = Proposal(lines, shipping, proposal.gift, proposal.detail)
    if cap is None or bounded.total <= cap:
        return bounded, False
    if bounded.gift is not None:
        return bounded, True  # the runner discounts the gift by the cap only
    if shipping:
        return Proposal(shipping=cap, detail=proposal.detail), True
    parts = split(cap, list(lines.values()), state.currency)
    return Proposal(dict(zip(lines, parts, strict=True)), detail=proposal.detail), True


def _apply(
    promotion: Promotion, proposal: Proposal, capped: bool, cap: int | None, state: Working
) -> Applied:
    for index, amount in proposal.lines.items():
        state.net[index] -= amount
    state.shipping -= proposal.shipping
    gift_index = None
    gift_discount = 0
    if proposal.gift is not None:
        gift = proposal.gift
        gift.line_id = f"gift:{promotion.id}"
        value = gift.unit * gift.quantity
        gift_discount = value if cap is None else min(value, cap)
        gift_index = len(state.lines)
        state.lines.append(gift)
        state.net.append(value - gift_discount)
    return Applied(
        promotion,
        proposal.lines,
        proposal.shipping,
        gift_index,
        gift_discount,
        proposal.detail,
        capped,
    )


def stack(
    promotions: Sequence[Promotion],
    context: PromotionContext,
    state: Working,
    caps: Mapping[str, int],
    rounding: Rounding,
) -> Outcome:
    """Run ``promotions`` over ``state`` (changed in place) and return what each took off.

    ``caps`` holds, per promotion id, the most it may take off (its maximum discount or what is
    left of its budget, whichever is lower); promotions absent from it are uncapped.
    """
    ordered = sorted(promotions, key=lambda promotion: promotion.rank)
    applied: list[Applied] = []
    lost_to: dict[str, str] = {}
    for stage in Stage:
        lanes: dict[object, list[Promotion]] = {}
        for promotion in ordered:
            if promotion.benefit.stage is stage:
                lane = promotion.lane if promotion.lane is not None else ("", promotion.id)
                lanes.setdefault(lane, []).append(promotion)
        for members in lanes.values():
            best: tuple[Promotion, Proposal, bool] | None = None
            for promotion in members:
                cap = caps.get(promotion.id)
                proposal, capped = _bounded(
                    promotion.benefit.propose(
                        context,
                        state,
                        promotion.stacking_base,
                        promotion.limits.max_items,
                        rounding,
                    ),
                    state,
                    cap,
                )
                if proposal.total > 0 and (best is None or proposal.total > best[1].total):
                    best = (promotion, proposal, capped)
            if best is None:
                continue
            winner, proposal, capped = best
            applied.append(_apply(winner, proposal, capped, caps.get(winner.id), state))
            for member in members:
                if member is not winner:
                    lost_to[member.id] = winner.id
    return Outcome(state, applied, lost_to)
