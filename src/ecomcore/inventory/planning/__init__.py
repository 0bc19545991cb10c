"""Inventory planning: demand history, forecasts, reorder policies and what to buy next.

Forecasting and the policy math are pure functions on plain numbers; `suggest_reorders` combines
them for every item and location, from a `DemandHistory` and each one's inventory position
(`PositionFacts`: on hand, incoming, allocated, backorders); `suggest_reorders_from_stock` feeds
it from a live `ecomcore.inventory.InventoryUnitOfWork` (levels and shipments in the ledger). Needs
the ``analytics`` extra (numpy, scipy), imported only inside the functions that use them.

Examples:
    >>> from ecomcore.inventory.planning import croston, economic_order_quantity
    >>> round(croston([0, 0, 3, 0, 1, 0]).level, 4)
    0.9655
    >>> round(economic_order_quantity(
    ...     fixed_cost=8, holding_cost=0.225, demand_rate=1300).order_quantity, 1)
    304.0
"""

from ecomcore.inventory.planning._accuracy import (
    Backtest,
    backtest_forecasts,
    bias,
    mean_absolute_error,
    mean_absolute_scaled_error,
    root_mean_squared_error,
)
from ecomcore.inventory.planning._analysis import (
    abc_classes,
    days_of_inventory,
    fill_rate,
    gmroi,
    inventory_turnover,
    sell_through,
    stockout_rate,
    xyz_classes,
)
from ecomcore.inventory.planning._classify import (
    ADI_CUTOFF,
    CV2_CUTOFF,
    DemandClass,
    DemandProfile,
    classify_demand,
)
from ecomcore.inventory.planning._errors import PlanningInputError
from ecomcore.inventory.planning._forecast import (
    Forecast,
    auto_forecast,
    croston,
    holt,
    moving_average,
    sba,
    simple_exponential_smoothing,
    tsb,
)
from ecomcore.inventory.planning._from_stock import (
    position_from_level,
    shipments_as_demand,
    suggest_reorders_from_stock,
)
from ecomcore.inventory.planning._history import (
    DemandHistory,
    DemandObservation,
    DemandPeriod,
    DemandRecord,
    SeriesKey,
    demand_history,
)
from ecomcore.inventory.planning._periodic import (
    LotPlan,
    SSPolicy,
    ss_cost,
    ss_policy,
    wagner_whitin,
)
from ecomcore.inventory.planning._policies import (
    BaseStockLevel,
    LotSize,
    discrete_newsvendor_cost,
    economic_order_quantity,
    economic_order_quantity_with_backorders,
    economic_production_quantity,
    eoq_cost,
    newsvendor_discrete,
    newsvendor_normal,
    newsvendor_normal_cost,
)
from ecomcore.inventory.planning._reorder_point import (
    LeadTimeDemand,
    RQPolicy,
    base_stock_level,
    lead_time_demand,
    reorder_point,
    rq_cost,
    rq_policy,
    safety_stock,
    safety_stock_for_fill_rate,
)
from ecomcore.inventory.planning._suggest import (
    InventoryPosition,
    PositionFacts,
    ReorderSuggestion,
    Supplier,
    suggest_reorders,
)

__all__ = [
    "ADI_CUTOFF",
    "CV2_CUTOFF",
    "Backtest",
    "BaseStockLevel",
    "DemandClass",
    "DemandHistory",
    "DemandObservation",
    "DemandPeriod",
    "DemandProfile",
    "DemandRecord",
    "Forecast",
    "InventoryPosition",
    "LeadTimeDemand",
    "LotPlan",
    "LotSize",
    "PlanningInputError",
    "PositionFacts",
    "RQPolicy",
    "ReorderSuggestion",
    "SSPolicy",
    "SeriesKey",
    "Supplier",
    "abc_classes",
    "auto_forecast",
    "backtest_forecasts",
    "base_stock_level",
    "bias",
    "classify_demand",
    "croston",
    "days_of_inventory",
    "demand_history",
    "discrete_newsvendor_cost",
    "economic_order_quantity",
    "economic_order_quantity_with_backorders",
    "economic_production_quantity",
    "eoq_cost",
    "fill_rate",
    "gmroi",
    "holt",
    "inventory_turnover",
    "lead_time_demand",
    "mean_absolute_error",
    "mean_absolute_scaled_error",
    "moving_average",
    "newsvendor_discrete",
    "newsvendor_normal",
    "newsvendor_normal_cost",
    "position_from_level",
    "reorder_point",
    "root_mean_squared_error",
    "rq_cost",
    "rq_policy",
    "safety_stock",
    "safety_stock_for_fill_rate",
    "sba",
    "sell_through",
    "shipments_as_demand",
    "simple_exponential_smoothing",
    "ss_cost",
    "ss_policy",
    "stockout_rate",
    "suggest_reorders",
    "suggest_reorders_from_stock",
    "tsb",
    "wagner_whitin",
    "xyz_classes",
]
