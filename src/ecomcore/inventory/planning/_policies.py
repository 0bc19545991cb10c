"""Lot sizes and stock levels: EOQ and its variants, newsvendor, base-stock, Wagner-Whitin.

Symbols follow Snyder and Shen, "Fundamentals of Supply Chain Theory" (2nd ed.): K the fixed
cost per order, h the holding cost per unit and time, p the stock-out (backorder) cost per unit
and time, lambda the demand rate. Time units are the caller's, used consistently.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import sqrt

import attrs

from ecomcore.inventory.planning import _normal
from ecomcore.inventory.planning._errors import (
    PlanningInputError,
    require_non_negative,
    require_positive,
)


@attrs.frozen
class LotSize:
    """An order quantity and the cost per unit of time it attains.

    ``backorder_fraction`` is the share of demand met late (EOQ with planned backorders); 0 when
    backorders are not planned.

    Examples:
        >>> from ecomcore.inventory.planning import economic_order_quantity, eoq_cost
        >>> lot = economic_order_quantity(fixed_cost=50, holding_cost=4, demand_rate=400)
        >>> lot.order_quantity, lot.cost, lot.backorder_fraction
        (100.0, 400.0, 0.0)
        >>> round(eoq_cost(120, fixed_cost=50, holding_cost=4, demand_rate=400), 2)
        406.67
    """

    order_quantity: float
    cost: float
    backorder_fraction: float = 0.0


@attrs.frozen
class BaseStockLevel:
    """A base-stock (order-up-to) level and its expected cost per period.

    Examples:
        Stock for demand of 0 to 3 units, where a shortage costs three times a leftover:

        >>> from ecomcore.inventory.planning import newsvendor_discrete
        >>> best = newsvendor_discrete(holding_cost=1, stockout_cost=3,
        ...                            demand_pmf=[0.2, 0.3, 0.3, 0.2])
        >>> best.level, round(best.cost, 2)
        (2, 1.3)
    """

    level: float
    cost: float


def economic_order_quantity(
    *, fixed_cost: float, holding_cost: float, demand_rate: float
) -> LotSize:
    """Compute the EOQ: Q* = sqrt(2 K lambda / h), with cost g* = sqrt(2 K lambda h).

    Examples:
        Snyder and Shen, Example 3.1 (K = 8, h = 0.225, lambda = 1300):

        >>> lot = economic_order_quantity(fixed_cost=8, holding_cost=0.225, demand_rate=1300)
        >>> round(lot.order_quantity, 2), round(lot.cost, 2)
        (304.05, 68.41)
    """
    k = require_positive("fixed_cost", fixed_cost)
    h = require_positive("holding_cost", holding_cost)
    demand = require_positive("demand_rate", demand_rate)
    quantity = sqrt(2 * k * demand / h)
    return LotSize(quantity, quantity * h)


def eoq_cost(
    order_quantity: float, *, fixed_cost: float, holding_cost: float, demand_rate: float
) -> float:
    """Compute the cost per unit of time of ordering ``order_quantity``: K lambda / Q + h Q / 2.

    Examples:
        >>> round(eoq_cost(400, fixed_cost=8, holding_cost=0.225, demand_rate=1300), 2)
        71.0
    """
    q = require_positive("order_quantity", order_quantity)
    k = require_non_negative("fixed_cost", fixed_cost)
    h = require_positive("holding_cost", holding_cost)
    demand = require_non_negative("demand_rate", demand_rate)
    return k * demand / q + h * q / 2


def economic_order_quantity_with_backorders(
    *, fixed_cost: float, holding_cost: float, stockout_cost: float, demand_rate: float
) -> LotSize:
    """Compute the EOQ with planned backorders: Q* = sqrt(2 K lambda (h + p) / (h p)).

    x* = h / (h + p) is the backorder fraction.

    ``backorder_fraction`` x* is the share of each cycle's demand met from backorders.

    Examples:
        Snyder and Shen, Example 3.8 (p = 5):

        >>> lot = economic_order_quantity_with_backorders(
        ...     fixed_cost=8, holding_cost=0.225, stockout_cost=5, demand_rate=1300
        ... )
        >>> round(lot.order_quantity, 2), round(lot.backorder_fraction, 4), round(lot.cost, 2)
        (310.81, 0.0431, 66.92)
    """
    k = require_positive("fixed_cost", fixed_cost)
    h = require_positive("holding_cost", holding_cost)
    p = require_positive("stockout_cost", stockout_cost)
    demand = require_positive("demand_rate", demand_rate)
    quantity = sqrt(2 * k * demand * (h + p) / (h * p))
    return LotSize(quantity, quantity * h * p / (h + p), h / (h + p))


def economic_production_quantity(
    *, fixed_cost: float, holding_cost: float, demand_rate: float, production_rate: float
) -> LotSize:
    """Compute the EPQ: Q* = sqrt(2 K lambda / (h (1 - rho))) with rho = demand / production rate.

    Examples:
        >>> lot = economic_production_quantity(
        ...     fixed_cost=8, holding_cost=0.225, demand_rate=1300, production_rate=1700
        ... )
        >>> round(lot.order_quantity, 2), round(lot.cost, 2)
        (626.81, 33.18)
    """
    k = require_positive("fixed_cost", fixed_cost)
    h = require_positive("holding_cost", holding_cost)
    demand = require_positive("demand_rate", demand_rate)
    production = require_positive("production_rate", production_rate)
    if demand >= production:
        raise PlanningInputError(
            "production_rate", production_rate, f"above the demand rate {demand_rate}"
        )
    rho = demand / production
    quantity = sqrt(2 * k * demand / (h * (1 - rho)))
    return LotSize(quantity, quantity * h * (1 - rho))


def newsvendor_normal(
    *,
    holding_cost: float,
    stockout_cost: float,
    demand_mean: float,
    demand_std: float,
    lead_time: int = 0,
) -> BaseStockLevel:
    """Set the newsvendor / base-stock level for normal demand: S* = mu + z sigma.

    With a lead time of L periods this is the optimal base-stock level of a periodic-review
    system: demand over the L + 1 periods the order covers has mean (L + 1) mu and standard
    deviation sqrt(L + 1) sigma. z is the standard normal quantile at p / (h + p). The cost
    is g* = (h + p) phi(z) sigma per period.

    Examples:
        Snyder and Shen, Example 4.3 (h = 0.18, p = 0.70, demand N(50, 8^2)):

        >>> level = newsvendor_normal(
        ...     holding_cost=0.18, stockout_cost=0.70, demand_mean=50, demand_std=8
        ... )
        >>> round(level.level, 2), round(level.cost, 4)
        (56.6, 1.9976)
    """
    h = require_positive("holding_cost", holding_cost)
    p = require_positive("stockout_cost", stockout_cost)
    mean = require_positive("demand_mean", demand_mean)
    std = require_positive("demand_std", demand_std)
    periods = require_non_negative("lead_time", lead_time) + 1
    mean, std = mean * periods, std * sqrt(periods)
    z = _normal.inverse_cdf(p / (h + p))
    return BaseStockLevel(mean + z * std, (h + p) * _normal.pdf(z) * std)


def newsvendor_normal_cost(
    level: float,
    *,
    holding_cost: float,
    stockout_cost: float,
    demand_mean: float,
    demand_std: float,
) -> float:
    """Compute the expected cost per period of stocking up to ``level`` for N(mean, std^2).

    g(S) = h E[(S - D)+] + p E[(D - S)+].

    Examples:
        Snyder and Shen, Example 4.1 (S = 60):

        >>> round(newsvendor_normal_cost(
        ...     60, holding_cost=0.18, stockout_cost=0.70, demand_mean=50, demand_std=8
        ... ), 4)
        2.1561
    """
    h = require_positive("holding_cost", holding_cost)
    p = require_non_negative("stockout_cost", stockout_cost)
    mean = require_non_negative("demand_mean", demand_mean)
    std = require_positive("demand_std", demand_std)
    z = (level - mean) / std
    short = std * _normal.loss(z)
    return h * (level - mean + short) + p * short


def validate_pmf(field: str, pmf: Sequence[float]) -> tuple[float, ...]:
    """Return a demand pmf (P[D = 0], P[D = 1], ...) as floats, checked to be one."""
    values = tuple(require_non_negative(f"{field}[{d}]", value) for d, value in enumerate(pmf))
    if not values or abs(sum(values) - 1) > 1e-6:
        raise PlanningInputError(
            field, list(pmf), "probabilities of demand 0, 1, 2, ... summing to 1"
        )
    return values


def discrete_newsvendor_cost(
    level: int, *, holding_cost: float, stockout_cost: float, demand_pmf: Sequence[float]
) -> float:
    """Compute the expected cost per period of stocking ``level`` units, discrete demand.

    Examples:
        >>> discrete_newsvendor_cost(1, holding_cost=1, stockout_cost=4, demand_pmf=[0.5, 0.5])
        0.5
    """
    h = require_positive("holding_cost", holding_cost)
    p = require_non_negative("stockout_cost", stockout_cost)
    pmf = validate_pmf("demand_pmf", demand_pmf)
    return _discrete_cost(level, h, p, pmf)


def _discrete_cost(level: int, h: float, p: float, pmf: Sequence[float]) -> float:
    over = sum((level - d) * prob for d, prob in enumerate(pmf) if d < level)
    short = sum((d - level) * prob for d, prob in enumerate(pmf) if d > level)
    return h * over + p * short


def newsvendor_discrete(
    *, holding_cost: float, stockout_cost: float, demand_pmf: Sequence[float]
) -> BaseStockLevel:
    """Set the newsvendor level for discrete demand: the smallest S with F(S) >= p / (h + p).

    ``demand_pmf[d]`` is the probability that demand is ``d`` units.

    Examples:
        Snyder and Shen, Example 4.7 (Poisson demand with mean 6, h = 1, p = 4):

        >>> from math import exp, factorial
        >>> pmf = [exp(-6) * 6**d / factorial(d) for d in range(60)]
        >>> level = newsvendor_discrete(holding_cost=1, stockout_cost=4, demand_pmf=pmf)
        >>> level.level, round(level.cost, 4)
        (8, 3.5701)
    """
    h = require_positive("holding_cost", holding_cost)
    p = require_positive("stockout_cost", stockout_cost)
    pmf = validate_pmf("demand_pmf", demand_pmf)
    ratio = p / (h + p)
    cumulative = 0.0
    level = len(pmf) - 1
    for demand, probability in enumerate(pmf):
        cumulative += probability
        if cumulative >= ratio:
            level = demand
            break
    return BaseStockLevel(level, _discrete_cost(level, h, p, pmf))
