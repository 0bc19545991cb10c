"""Policy laws: EOQ cost minimal at Q*, safety stock rising with service, bad input refused."""

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecomcore.inventory import planning as p

positive = st.floats(0.01, 1000)


@given(k=positive, h=positive, demand=positive, factor=st.floats(0.05, 20))
def test_eoq_cost_is_minimal_at_the_eoq(k: float, h: float, demand: float, factor: float) -> None:
    """No order quantity costs less per year than Q*, and Q*'s cost is the reported one."""
    lot = p.economic_order_quantity(fixed_cost=k, holding_cost=h, demand_rate=demand)
    at_best = p.eoq_cost(lot.order_quantity, fixed_cost=k, holding_cost=h, demand_rate=demand)
    other = p.eoq_cost(
        lot.order_quantity * factor, fixed_cost=k, holding_cost=h, demand_rate=demand
    )
    assert at_best == pytest.approx(lot.cost)
    assert at_best <= other * (1 + 1e-12)


@settings(max_examples=200)
@given(
    low=st.floats(0.5, 0.999),
    step=st.floats(0.0001, 0.4),
    mean=st.floats(0, 500),
    std=st.floats(0.1, 200),
    lead=st.floats(0.1, 60),
    lead_std=st.floats(0, 10),
)
def test_safety_stock_grows_with_the_service_level(
    *, low: float, step: float, mean: float, std: float, lead: float, lead_std: float
) -> None:
    """A higher cycle service level or fill rate never asks for less safety stock."""
    high = min(low + step, 0.9999)
    facts = {"demand_mean": mean, "demand_std": std, "lead_time": lead, "lead_time_std": lead_std}
    assert p.safety_stock(service_level=high, **facts) >= p.safety_stock(service_level=low, **facts)
    assert (
        p.safety_stock_for_fill_rate(fill_rate=high, order_quantity=50, **facts)
        >= p.safety_stock_for_fill_rate(fill_rate=low, order_quantity=50, **facts) - 1e-9
    )


def test_reorder_point_adds_safety_stock_to_lead_time_demand() -> None:
    """r = mu L + z sigma_L, with lead-time variability widening sigma_L."""
    facts = {"demand_mean": 10.0, "demand_std": 3.0, "lead_time": 4.0, "lead_time_std": 1.0}
    demand = p.lead_time_demand(**facts)
    assert demand.mean == 40
    assert demand.std == pytest.approx((4 * 9 + 100 * 1) ** 0.5)
    assert p.reorder_point(service_level=0.9, **facts) == pytest.approx(
        40 + p.safety_stock(service_level=0.9, **facts)
    )


BAD_INPUT = [
    (p.economic_order_quantity, {"fixed_cost": 8, "holding_cost": 0, "demand_rate": 1}, "holding_cost"),  # noqa: E501 (one readable row per case)
    (p.economic_order_quantity, {"fixed_cost": 8, "holding_cost": 1, "demand_rate": -5}, "demand_rate"),  # noqa: E501 (one readable row per case)
    (p.safety_stock, {"service_level": 0.95, "demand_mean": 1, "demand_std": 1, "lead_time": 0}, "lead_time"),  # noqa: E501 (one readable row per case)
    (p.safety_stock, {"service_level": 1.0, "demand_mean": 1, "demand_std": 1, "lead_time": 2}, "service_level"),  # noqa: E501 (one readable row per case)
    (p.rq_policy, {"holding_cost": 1, "stockout_cost": 2, "fixed_cost": 3, "demand_mean": 10, "demand_std": 2, "lead_time": 0}, "lead_time"),  # noqa: E501 (one readable row per case)
    (p.newsvendor_discrete, {"holding_cost": 1, "stockout_cost": 2, "demand_pmf": [0.5, 0.4]}, "demand_pmf"),  # noqa: E501 (one readable row per case)
    (p.economic_production_quantity, {"fixed_cost": 1, "holding_cost": 1, "demand_rate": 5, "production_rate": 4}, "production_rate"),  # noqa: E501 (one readable row per case)
    (p.wagner_whitin, {"demand": [3, -1], "fixed_cost": 1, "holding_cost": 1}, "demand[1]"),
]  # fmt: skip


@pytest.mark.parametrize(("function", "arguments", "field"), BAD_INPUT)
def test_bad_policy_input_names_the_field(
    function: Callable[..., object], arguments: dict[str, object], field: str
) -> None:
    """A zero cost, negative demand, zero lead time or broken pmf names the field at fault."""
    with pytest.raises(p.PlanningInputError) as error:
        function(**arguments)
    assert error.value.field == field
