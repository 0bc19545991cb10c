"""Customer lifetime value and the calibration-versus-hold-out check."""

from typing import TYPE_CHECKING, Any, Protocol

import attrs

from ecomcore.core import ValidationError
from ecomcore.metrics._gamma_gamma import GammaGammaModel
from ecomcore.metrics._summary import CustomerSummary

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Floats = npt.NDArray[np.float64]

__all__ = ["CalibrationCheck", "PurchaseModel", "calibration_vs_holdout", "customer_lifetime_value"]


class PurchaseModel(Protocol):
    """What CLV needs from a purchase model: BG/NBD, modified BG/NBD and Pareto/NBD all fit.

    Examples:
        >>> from ecomcore.metrics import BetaGeoModel
        >>> model: PurchaseModel = BetaGeoModel(0.243, 4.414, 0.793, 2.426, 0.0, (), 0)
        >>> history = dict(frequency=[0, 3], recency=[0, 30], T=[38, 38])
        >>> model.probability_alive(**history).round(2).tolist()
        [1.0, 0.74]
        >>> model.conditional_expected_purchases(10, **history).round(2).tolist()
        [0.06, 0.53]
    """

    def conditional_expected_purchases(
        self, t: float, frequency: Any, recency: Any, T: Any
    ) -> "Floats":
        """Return expected purchases in the next ``t`` time units, given each history."""
        ...

    def probability_alive(self, frequency: Any, recency: Any, T: Any) -> "Floats":
        """Return the probability that each customer is still active."""
        ...


def customer_lifetime_value(
    purchases: PurchaseModel,
    spend: GammaGammaModel,
    summary: CustomerSummary,
    *,
    periods: int = 12,
    period_length: float = 1.0,
    margin: float = 1.0,
    discount_rate: float = 0.0,
) -> "Floats":
    """Each customer's discounted expected profit over ``periods`` periods.

    ``period_length`` is one period in the summary's time unit (a month on a weekly summary is
    ``365.25 / 12 / 7``). For period i the expected purchases in it times the expected spend times
    ``margin`` (a fraction of revenue kept as profit) is discounted by ``(1 + discount_rate)**i``.

    Examples:
        >>> from ecomcore.metrics import BetaGeoModel, CustomerSummary
        >>> bg = BetaGeoModel(0.243, 4.414, 0.793, 2.426, 0.0, (), 0)
        >>> gg = GammaGammaModel(6.25, 3.74, 15.44, 0.0, (), 0)
        >>> summary = CustomerSummary.from_arrays(
        ...     frequency=[0, 3], recency=[0, 30], T=[38, 38], monetary_value=[0, 40]
        ... )
        >>> clv = customer_lifetime_value(
        ...     bg, gg, summary, periods=12, period_length=4.35, margin=0.3, discount_rate=0.01
        ... )
        >>> bool(clv[1] > clv[0] > 0)
        True
    """
    import numpy as np

    if periods < 1 or period_length <= 0:
        raise ValidationError("periods", periods, "at least 1, with a positive period_length")
    if not 0 < margin <= 1 or discount_rate < 0:
        raise ValidationError("margin", margin, "in (0, 1], with a discount_rate of 0 or more")
    args = (summary.frequency, summary.recency, summary.T)
    value = spend.conditional_expected_average_spend(summary.frequency, summary.monetary_value)
    total = np.zeros(summary.size)
    previous = np.zeros(summary.size)
    for i in range(1, periods + 1):
        cumulative = purchases.conditional_expected_purchases(i * period_length, *args)
        total += (cumulative - previous) / (1 + discount_rate) ** i
        previous = cumulative
    result: Floats = margin * value * total
    return result


@attrs.frozen(eq=False)
class CalibrationCheck:
    """Average hold-out purchases, actual and predicted, by number of calibration repeat purchases.

    Row k holds the customers with k repeat purchases in calibration (the last row: k or more).

    Examples:
        >>> import datetime as dt
        >>> from ecomcore.metrics import BetaGeoModel, summarize_transactions
        >>> orders = [{"customer_id": c, "placed_at": dt.date(2024, 1, d), "gross": 10.0}
        ...           for c, d in [("a", 1), ("a", 8), ("a", 29), ("b", 1), ("b", 22), ("c", 2)]]
        >>> summary = summarize_transactions(orders, calibration_end="2024-01-15")
        >>> bg = BetaGeoModel(0.243, 4.414, 0.793, 2.426, 0.0, (), 0)
        >>> check = calibration_vs_holdout(bg, summary, max_frequency=1)
        >>> check.frequency.tolist(), check.customers.tolist(), check.actual.tolist()
        ([0, 1], [2, 1], [0.5, 1.0])
        >>> check.predicted.round(2).tolist()
        [0.07, 0.26]
    """

    frequency: "npt.NDArray[np.int64]"
    customers: "npt.NDArray[np.int64]"
    actual: "Floats"
    predicted: "Floats"


def calibration_vs_holdout(
    purchases: PurchaseModel, summary: CustomerSummary, *, max_frequency: int = 7
) -> CalibrationCheck:
    """Compare predicted and actual hold-out purchases, grouped by calibration frequency.

    Needs a summary with a hold-out period (``summarize_transactions`` with ``observation_end``
    after ``calibration_end``); frequencies above ``max_frequency`` are pooled in the last row.

    Examples:
        >>> from ecomcore.metrics import BetaGeoModel, CustomerSummary
        >>> bg = BetaGeoModel(0.243, 4.414, 0.793, 2.426, 0.0, (), 0)
        >>> summary = CustomerSummary.from_arrays(frequency=[0, 3], recency=[0, 30], T=[38, 38])
        >>> calibration_vs_holdout(bg, summary)
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: summary must be ... with a hold-out period, ...
    """
    import numpy as np

    if summary.duration_holdout <= 0:
        raise ValidationError(
            "summary",
            "no hold-out period",
            "a summary with a hold-out period, from summarize_transactions(..., observation_end=)",
        )
    predicted = purchases.conditional_expected_purchases(
        summary.duration_holdout, summary.frequency, summary.recency, summary.T
    )
    bucket = np.minimum(summary.frequency, max_frequency).astype(np.int64)
    customers = np.bincount(bucket, minlength=max_frequency + 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        actual = np.bincount(bucket, summary.frequency_holdout, max_frequency + 1) / customers
        mean_predicted = np.bincount(bucket, predicted, max_frequency + 1) / customers
    return CalibrationCheck(
        frequency=np.arange(max_frequency + 1),
        customers=customers,
        actual=actual,
        predicted=mean_predicted,
    )
