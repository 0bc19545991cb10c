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
from ecomcore.metrics._errors import (
    ColumnsError,
    FitError,
    NotConvergedError,
    SpendModelDivergesError,
)
from ecomcore.metrics._gamma_gamma import GammaGammaModel
from ecomcore.metrics._pareto import ParetoNBDModel
from ecomcore.metrics._summary import CustomerSummary, TimeUnit, summarize_transactions

__all__ = [
    "BetaGeoModel",
    "CalibrationCheck",
    "ColumnsError",
    "CustomerSummary",
    "FitError",
    "GammaGammaModel",
    "ModifiedBetaGeoModel",
    "NotConvergedError",
    "ParetoNBDModel",
    "PurchaseModel",
    "SpendModelDivergesError",
    "TimeUnit",
    "calibration_vs_holdout",
    "customer_lifetime_value",
    "load_cdnow",
    "summarize_transactions",
]
