"""Metrics: KPIs on any dataframe, cohorts, RFM, and customer-lifetime models that match the papers.

Needs the ``analytics`` extra (numpy, scipy, narwhals); plots need the ``plot`` extra.

Examples:
    >>> from ecomcore.metrics import load_cdnow, summarize_transactions, BetaGeoModel, TimeUnit
    >>> summary = summarize_transactions(
    ...     load_cdnow(), calibration_end="1997-09-30", time_unit=TimeUnit.WEEKS
    ... )
    >>> summary.size, int((summary.frequency > 0).sum())
    (2357, 946)
"""

from ecomcore.metrics._bgnbd import BetaGeoModel, ModifiedBetaGeoModel
from ecomcore.metrics._cdnow import load_cdnow
from ecomcore.metrics._clv import (
    CalibrationCheck,
    PurchaseModel,
    calibration_vs_holdout,
    customer_lifetime_value,
)
from ecomcore.metrics._cohorts import RetentionMatrix, retention_matrix
from ecomcore.metrics._cross_table_kpis import (
    cart_abandonment_rate,
    churn_rate,
    conversion_rate,
    customer_acquisition_cost,
    gross_margin,
    return_on_ad_spend,
)
from ecomcore.metrics._errors import (
    ColumnsError,
    FitError,
    NotConvergedError,
    SpendModelDivergesError,
)
from ecomcore.metrics._gamma_gamma import GammaGammaModel
from ecomcore.metrics._order_kpis import (
    average_order_value,
    customers,
    discount_rate,
    order_count,
    purchase_frequency,
    repeat_purchase_rate,
    return_rate,
    revenue,
    time_between_orders,
    units_per_order,
)
from ecomcore.metrics._pareto import ParetoNBDModel
from ecomcore.metrics._plots import (
    plot_calibration_vs_holdout,
    plot_cohort_heatmap,
    plot_frequency_recency_matrix,
    plot_probability_alive_matrix,
)
from ecomcore.metrics._rfm import SEGMENTS, RfmScores, rfm_scores, segment_of
from ecomcore.metrics._schemas import LineSchema, OrderSchema, Period, SessionSchema, SpendSchema
from ecomcore.metrics._summary import CustomerSummary, TimeUnit, summarize_transactions
from ecomcore.metrics._synthetic import SyntheticStore, synthetic_store

__all__ = [
    "SEGMENTS",
    "BetaGeoModel",
    "CalibrationCheck",
    "ColumnsError",
    "CustomerSummary",
    "FitError",
    "GammaGammaModel",
    "LineSchema",
    "ModifiedBetaGeoModel",
    "NotConvergedError",
    "OrderSchema",
    "ParetoNBDModel",
    "Period",
    "PurchaseModel",
    "RetentionMatrix",
    "RfmScores",
    "SessionSchema",
    "SpendModelDivergesError",
    "SpendSchema",
    "SyntheticStore",
    "TimeUnit",
    "average_order_value",
    "calibration_vs_holdout",
    "cart_abandonment_rate",
    "churn_rate",
    "conversion_rate",
    "customer_acquisition_cost",
    "customer_lifetime_value",
    "customers",
    "discount_rate",
    "gross_margin",
    "load_cdnow",
    "order_count",
    "plot_calibration_vs_holdout",
    "plot_cohort_heatmap",
    "plot_frequency_recency_matrix",
    "plot_probability_alive_matrix",
    "purchase_frequency",
    "repeat_purchase_rate",
    "retention_matrix",
    "return_on_ad_spend",
    "return_rate",
    "revenue",
    "rfm_scores",
    "segment_of",
    "summarize_transactions",
    "synthetic_store",
    "time_between_orders",
    "units_per_order",
]
