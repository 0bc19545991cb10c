"""Periodic review with a fixed order cost: the (s, S) policy, and Wagner-Whitin lot sizing."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ecomcore.inventory.planning._errors import (
    PlanningInputError,
    require_non_negative,
    require_positive,
)
from ecomcore.inventory.planning._policies import _discrete_cost, newsvendor_discrete, validate_pmf


@attrs.frozen
class SSPolicy:
    """An (s, S) policy: when the inventory position is at or below s, order up to S.

    Examples:
        >>> from ecomcore.inventory.planning import ss_cost, ss_policy
        >>> facts = dict(holding_cost=1, stockout_cost=9, fixed_cost=4,
        ...              demand_pmf=[0.25, 0.5, 0.25])
        >>> policy = ss_policy(**facts)
        >>> policy.reorder_point, policy.order_up_to, round(policy.cost, 3)
        (0, 3, 3.114)
        >>> round(ss_cost(0, 4, **facts), 3)  # ordering up to one more costs more
        3.128
    """

    reorder_point: int
    order_up_to: int
    cost: float


@attrs.frozen
class _SSProblem:
    h: float
    p: float
    k: float
    pmf: tuple[float, ...]

    def g(self, level: int) -> float:
        return _discrete_cost(level, self.h, self.p, self.pmf)

    def cost(self, s: int, big_s: int) -> float:
        # Zheng and Federgruen (1991): m(j) is the expected number of periods spent j units
        # below S before the position first drops to s or below; M sums them.
        gap = big_s - s
        pmf = self.pmf
        p0 = pmf[0]
        m = [1.0 / (1 - p0)]
        for j in range(1, gap):
            m.append(m[0] * sum(pmf[i] * m[j - i] for i in range(1, min(j, len(pmf) - 1) + 1)))
        total = self.k + sum(m[d] * self.g(big_s - d) for d in range(gap))
        return total / sum(m)


def ss_cost(
    reorder_point: int,
    order_up_to: int,
    *,
    holding_cost: float,
    stockout_cost: float,
    fixed_cost: float,
    demand_pmf: Sequence[float],
) -> float:
    """Compute the expected cost per period of an (s, S) policy (Zheng-Federgruen).

    Examples:
        Snyder and Shen, Example 4.7 (Poisson demand with mean 6, h = 1, p = 4, K = 5):

        >>> from math import exp, factorial
        >>> pmf = [exp(-6) * 6**d / factorial(d) for d in range(60)]
        >>> round(ss_cost(4, 10, holding_cost=1, stockout_cost=4, fixed_cost=5,
        ...               demand_pmf=pmf), 4)
        8.0341
    """
    problem = _ss_problem(holding_cost, stockout_cost, fixed_cost, demand_pmf)
    if order_up_to <= reorder_point:
        raise PlanningInputError("order_up_to", order_up_to, f"above s = {reorder_point}")
    return problem.cost(reorder_point, order_up_to)


def _ss_problem(h: float, p: float, k: float, pmf: Sequence[float]) -> _SSProblem:
    problem = _SSProblem(
        require_positive("holding_cost", h),
        require_positive("stockout_cost", p),
        require_positive("fixed_cost", k),
        validate_pmf("demand_pmf", pmf),
    )
    if problem.pmf[0] >= 1:
        raise PlanningInputError("demand_pmf", list(pmf), "some chance of demand above zero")
    return problem


def ss_policy(
    *,
    holding_cost: float,
    stockout_cost: float,
    fixed_cost: float,
    demand_pmf: Sequence[float],
) -> SSPolicy:
    """Find the optimal (s, S) policy for discrete demand (Zheng and Federgruen's algorithm).

    Starts from the newsvendor level y*, finds s for S = y*, then raises S while g(S) does not
    exceed the best cost, moving s up whenever S improves (Snyder and Shen, Algorithm 4.2).

    Examples:
        Snyder and Shen, Example 4.7:

        >>> from math import exp, factorial
        >>> pmf = [exp(-6) * 6**d / factorial(d) for d in range(60)]
        >>> policy = ss_policy(holding_cost=1, stockout_cost=4, fixed_cost=5, demand_pmf=pmf)
        >>> policy.reorder_point, policy.order_up_to, round(policy.cost, 4)
        (4, 10, 8.0341)
    """
    problem = _ss_problem(holding_cost, stockout_cost, fixed_cost, demand_pmf)
    y_star = int(
        newsvendor_discrete(
            holding_cost=problem.h, stockout_cost=problem.p, demand_pmf=problem.pmf
        ).level
    )
    s = y_star - 1
    while problem.cost(s, y_star) > problem.g(s):
        s -= 1
    best_s, best_big_s, best = s, y_star, problem.cost(s, y_star)
    big_s = y_star + 1
    while problem.g(big_s) <= best:
        candidate = problem.cost(s, big_s)
        if candidate < best:
            best_big_s = big_s
            while problem.cost(s, best_big_s) <= problem.g(s + 1):
                s += 1
            best_s, best = s, problem.cost(s, best_big_s)
        big_s += 1
    return SSPolicy(best_s, best_big_s, best)


@attrs.frozen
class LotPlan:
    """Order quantities per period of a finite horizon and the plan's total cost.

    Examples:
        >>> from ecomcore.inventory.planning import wagner_whitin
        >>> plan = wagner_whitin([40, 10, 60], fixed_cost=100, holding_cost=2)
        >>> plan.order_quantities, plan.cost
        ((50.0, 0.0, 60.0), 220.0)
    """

    order_quantities: tuple[float, ...]
    cost: float


def wagner_whitin(
    demand: Sequence[float],
    *,
    fixed_cost: float,
    holding_cost: float,
    purchase_cost: float = 0.0,
) -> LotPlan:
    """Plan the cheapest orders for known demand over a short horizon (Wagner and Whitin, 1958).

    Each order arrives at the start of its period and covers the demand of that period and some
    after it; inventory left at the end of a period costs ``holding_cost`` per unit. Dynamic
    programming over the next order period, O(T^2); ties go to the earlier next order.

    Examples:
        Snyder and Shen, Example 3.9 (K = 500, h = 2):

        >>> plan = wagner_whitin([90, 120, 80, 70], fixed_cost=500, holding_cost=2)
        >>> plan.order_quantities, plan.cost
        ((210.0, 0.0, 150.0, 0.0), 1380.0)
    """
    periods = [require_non_negative(f"demand[{t}]", d) for t, d in enumerate(demand)]
    if not periods:
        raise PlanningInputError("demand", list(demand), "one period or more")
    k = require_non_negative("fixed_cost", fixed_cost)
    h = require_non_negative("holding_cost", holding_cost)
    c = require_non_negative("purchase_cost", purchase_cost)
    horizon = len(periods)
    cost_to_go = [0.0] * (horizon + 1)
    next_order = [horizon] * horizon
    for t in range(horizon - 1, -1, -1):
        best = float("inf")
        for following in range(t + 1, horizon + 1):
            covered = periods[t:following]
            cost = (k if sum(covered) > 0 else 0.0) + sum(
                c * d + h * i * d for i, d in enumerate(covered)
            )
            cost += cost_to_go[following]
            if cost < best:
                best, next_order[t] = cost, following
        cost_to_go[t] = best
    quantities = [0.0] * horizon
    t = 0
    while t < horizon:
        quantities[t] = sum(periods[t : next_order[t]])
        t = next_order[t]
    return LotPlan(tuple(quantities), cost_to_go[0])
