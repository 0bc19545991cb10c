"""Safety stock, reorder points and the (r, Q) policy under normal lead-time demand."""

from __future__ import annotations

from math import sqrt

import attrs

from ecomcore.inventory.planning import _normal
from ecomcore.inventory.planning._errors import (
    require_non_negative,
    require_positive,
    require_probability,
)
from ecomcore.inventory.planning._policies import economic_order_quantity, newsvendor_normal


@attrs.frozen
class LeadTimeDemand:
    """Mean and standard deviation of demand over a replenishment lead time.

    Examples:
        Safety stock is z times the deviation (z = 1.645 for a 95% service level):

        >>> from ecomcore.inventory.planning import lead_time_demand, safety_stock
        >>> demand = lead_time_demand(demand_mean=10, demand_std=3, lead_time=4)
        >>> demand.mean, demand.std
        (40.0, 6.0)
        >>> facts = dict(demand_mean=10, demand_std=3, lead_time=4)
        >>> round(safety_stock(service_level=0.95, **facts) / demand.std, 3)
        1.645
    """

    mean: float
    std: float


def lead_time_demand(
    *, demand_mean: float, demand_std: float, lead_time: float, lead_time_std: float = 0.0
) -> LeadTimeDemand:
    """Demand over a lead time of L periods, with variable demand and a variable lead time.

    mean = mu L; std = sqrt(L sigma^2 + mu^2 sigma_L^2), demand per period independent of the
    lead time. ``lead_time`` must be above zero.

    Examples:
        >>> lead_time_demand(demand_mean=10, demand_std=3, lead_time=4, lead_time_std=1)
        LeadTimeDemand(mean=40.0, std=...)
        >>> round(_.std, 4)
        11.6619
    """
    mean = require_non_negative("demand_mean", demand_mean)
    std = require_non_negative("demand_std", demand_std)
    lead = require_positive("lead_time", lead_time)
    lead_std = require_non_negative("lead_time_std", lead_time_std)
    return LeadTimeDemand(mean * lead, sqrt(lead * std**2 + mean**2 * lead_std**2))


def safety_stock(
    *,
    service_level: float,
    demand_mean: float,
    demand_std: float,
    lead_time: float,
    lead_time_std: float = 0.0,
) -> float:
    """Safety stock for a cycle service level (chance of no stock-out in a cycle): z sigma_L.

    Examples:
        >>> round(safety_stock(service_level=0.95, demand_mean=10, demand_std=3, lead_time=4), 3)
        9.869
    """
    level = require_probability("service_level", service_level)
    demand = lead_time_demand(
        demand_mean=demand_mean, demand_std=demand_std, lead_time=lead_time,
        lead_time_std=lead_time_std,
    )  # fmt: skip
    return _normal.inverse_cdf(level) * demand.std


def reorder_point(
    *,
    service_level: float,
    demand_mean: float,
    demand_std: float,
    lead_time: float,
    lead_time_std: float = 0.0,
) -> float:
    """Reorder point for a cycle service level: expected lead-time demand plus safety stock.

    Examples:
        >>> round(reorder_point(service_level=0.95, demand_mean=10, demand_std=3, lead_time=4), 3)
        49.869
    """
    stock = safety_stock(
        service_level=service_level, demand_mean=demand_mean, demand_std=demand_std,
        lead_time=lead_time, lead_time_std=lead_time_std,
    )  # fmt: skip
    return float(demand_mean) * float(lead_time) + stock


def safety_stock_for_fill_rate(
    *,
    fill_rate: float,
    order_quantity: float,
    demand_mean: float,
    demand_std: float,
    lead_time: float,
    lead_time_std: float = 0.0,
) -> float:
    """Safety stock k sigma_L so that a share ``fill_rate`` of demand is met from stock.

    Solves sigma_L L(k) = (1 - fill_rate) Q for k, L the standard normal loss function: each
    cycle of Q units may fall short by the expected lead-time shortfall. k may be negative when Q
    is large against the lead-time variability.

    Examples:
        >>> round(safety_stock_for_fill_rate(
        ...     fill_rate=0.99, order_quantity=100, demand_mean=10, demand_std=3, lead_time=4
        ... ), 3)
        3.644
    """
    from scipy.optimize import brentq

    rate = require_probability("fill_rate", fill_rate)
    quantity = require_positive("order_quantity", order_quantity)
    demand = lead_time_demand(
        demand_mean=demand_mean, demand_std=demand_std, lead_time=lead_time,
        lead_time_std=lead_time_std,
    )  # fmt: skip
    if demand.std == 0:
        return 0.0
    target = (1 - rate) * quantity / demand.std
    # L(z) > -z, so below -target - 1 the loss is surely above the target.
    low = min(-50.0, -target - 1)
    k = brentq(lambda z: _normal.loss(z) - target, low, 50.0, xtol=1e-12)
    return float(k) * demand.std


def base_stock_level(
    *,
    holding_cost: float,
    stockout_cost: float,
    demand_mean: float,
    demand_std: float,
    lead_time: int,
) -> float:
    """Optimal base-stock level with a lead time of L periods: newsvendor over L + 1 periods.

    Examples:
        >>> round(base_stock_level(
        ...     holding_cost=0.18, stockout_cost=0.70, demand_mean=50, demand_std=8, lead_time=4
        ... ), 2)
        264.77
    """
    return newsvendor_normal(
        holding_cost=holding_cost, stockout_cost=stockout_cost, demand_mean=demand_mean,
        demand_std=demand_std, lead_time=lead_time,
    ).level  # fmt: skip


@attrs.frozen
class RQPolicy:
    """An (r, Q) policy: when the inventory position falls to r, order Q; with its cost rate.

    Examples:
        >>> from ecomcore.inventory.planning import rq_cost, rq_policy
        >>> facts = dict(holding_cost=1, stockout_cost=10, fixed_cost=50,
        ...              demand_mean=1000, demand_std=100, lead_time=0.05)
        >>> policy = rq_policy(**facts)
        >>> round(policy.reorder_point, 1), round(policy.order_quantity, 1), round(policy.cost, 2)
        (20.1, 339.3, 309.43)
        >>> round(rq_cost(policy.reorder_point, 300, **facts), 2)  # a rounder lot costs more
        312.01
    """

    reorder_point: float
    order_quantity: float
    cost: float


@attrs.frozen
class _RQProblem:
    h: float
    p: float
    k: float
    rate: float
    mean: float
    std: float

    @classmethod
    def of(
        cls,
        *,
        holding_cost: float,
        stockout_cost: float,
        fixed_cost: float,
        demand_mean: float,
        demand_std: float,
        lead_time: float,
    ) -> _RQProblem:
        rate = require_positive("demand_mean", demand_mean)
        demand = lead_time_demand(
            demand_mean=rate, demand_std=require_positive("demand_std", demand_std),
            lead_time=lead_time,
        )  # fmt: skip
        return cls(
            require_positive("holding_cost", holding_cost),
            require_positive("stockout_cost", stockout_cost),
            require_positive("fixed_cost", fixed_cost),
            rate, demand.mean, demand.std,
        )  # fmt: skip

    def shortfall(self, y: float) -> float:
        return self.std * _normal.loss((y - self.mean) / self.std)

    def shortfall2(self, y: float) -> float:
        return self.std**2 * _normal.second_loss((y - self.mean) / self.std)

    def g(self, y: float) -> float:
        return self.h * (y - self.mean) + (self.h + self.p) * self.shortfall(y)

    def cost(self, r: float, q: float) -> float:
        # The integral of g over [r, r + Q] in closed form: n2 is the antiderivative of -n.
        over = ((r + q - self.mean) ** 2 - (r - self.mean) ** 2) / 2
        short = self.shortfall2(r) - self.shortfall2(r + q)
        return (self.k * self.rate + self.h * over + (self.h + self.p) * short) / q

    def best_r(self, q: float) -> float:
        from scipy.optimize import brentq

        top = self.mean + self.std * _normal.inverse_cdf(self.p / (self.h + self.p))
        low = top - q - 10 * self.std
        return float(brentq(lambda r: self.g(r) - self.g(r + q), low, top, xtol=1e-10))


def rq_cost(
    reorder_point: float,
    order_quantity: float,
    *,
    holding_cost: float,
    stockout_cost: float,
    fixed_cost: float,
    demand_mean: float,
    demand_std: float,
    lead_time: float,
) -> float:
    """Exact expected cost per unit of time of an (r, Q) policy, normal demand, continuous review.

    g(r, Q) = (K lambda + integral of g(y) from r to r + Q) / Q, g the newsvendor cost of the
    lead-time demand; the integral is taken in closed form with the second-order loss function.

    Examples:
        Snyder and Shen, Example 5.1:

        >>> round(rq_cost(126.8, 328.5, holding_cost=0.225, stockout_cost=7.5, fixed_cost=8,
        ...               demand_mean=1300, demand_std=150, lead_time=1/12), 2)
        78.07
    """
    problem = _RQProblem.of(
        holding_cost=holding_cost, stockout_cost=stockout_cost, fixed_cost=fixed_cost,
        demand_mean=demand_mean, demand_std=demand_std, lead_time=lead_time,
    )  # fmt: skip
    quantity = require_positive("order_quantity", order_quantity)
    return problem.cost(reorder_point, quantity)


def rq_policy(
    *,
    holding_cost: float,
    stockout_cost: float,
    fixed_cost: float,
    demand_mean: float,
    demand_std: float,
    lead_time: float,
    order_quantity: float | None = None,
) -> RQPolicy:
    """Choose an (r, Q) policy by the loss-function approximation of Hadley and Whitin.

    Iterates n(r) = h Q / (h + p) and Q = sqrt(2 (K lambda + (h + p) n2(r)) / h) from the EOQ
    until both settle (within 1e-9). Given ``order_quantity``, returns the exactly optimal r for
    that Q instead (g(r) = g(r + Q)). The cost reported is the exact cost of the result.

    Examples:
        Snyder and Shen, Example 5.6 and (with Q = 300) Example 5.2:

        >>> facts = dict(holding_cost=0.225, stockout_cost=7.5, fixed_cost=8,
        ...              demand_mean=1300, demand_std=150, lead_time=1/12)
        >>> policy = rq_policy(**facts)
        >>> round(policy.reorder_point, 2), round(policy.order_quantity, 2)
        (126.87, 328.45)
        >>> round(rq_policy(**facts, order_quantity=300).reorder_point, 2)
        129.43
    """
    from scipy.optimize import brentq

    problem = _RQProblem.of(
        holding_cost=holding_cost, stockout_cost=stockout_cost, fixed_cost=fixed_cost,
        demand_mean=demand_mean, demand_std=demand_std, lead_time=lead_time,
    )  # fmt: skip
    if order_quantity is not None:
        q = require_positive("order_quantity", order_quantity)
        r = problem.best_r(q)
        return RQPolicy(r, q, problem.cost(r, q))
    h, p = problem.h, problem.p
    q = economic_order_quantity(
        fixed_cost=problem.k, holding_cost=h, demand_rate=problem.rate
    ).order_quantity
    r = previous_r = previous_q = float("inf")
    for _ in range(1000):
        target = h * q / (h + p) / problem.std
        low = min(-50.0, -target - 1)
        z = brentq(lambda z, t=target: _normal.loss(z) - t, low, 50.0, xtol=1e-13)
        r = problem.mean + float(z) * problem.std
        q = sqrt(2 * (problem.k * problem.rate + (h + p) * problem.shortfall2(r)) / h)
        if abs(q - previous_q) <= 1e-9 and abs(r - previous_r) <= 1e-9:
            break
        previous_r, previous_q = r, q
    return RQPolicy(r, q, problem.cost(r, q))
