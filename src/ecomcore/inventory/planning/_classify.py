"""Demand classes by Syntetos and Boylan: smooth, erratic, intermittent, lumpy."""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

from ecomcore.inventory.planning._errors import require_demand

ADI_CUTOFF = 1.32
"""Average inter-demand interval at which demand counts as intermittent (Syntetos-Boylan)."""
CV2_CUTOFF = 0.49
"""Squared coefficient of variation of demand sizes at which demand counts as erratic."""


class DemandClass(enum.Enum):
    """Where a series falls on the Syntetos-Boylan grid, and so which forecast suits it.

    Examples:
        >>> from ecomcore.inventory.planning import DemandClass, auto_forecast, classify_demand
        >>> series = [0, 6, 0, 0, 1, 0]
        >>> classify_demand(series).demand_class is DemandClass.LUMPY
        True
        >>> auto_forecast(series).method
        'tsb'
    """

    SMOOTH = "smooth"
    ERRATIC = "erratic"
    INTERMITTENT = "intermittent"
    LUMPY = "lumpy"


@attrs.frozen
class DemandProfile:
    """A series' average inter-demand interval (ADI), squared CV of sizes, and class.

    Examples:
        >>> from ecomcore.inventory.planning import classify_demand
        >>> profile = classify_demand([4, 0, 6, 0, 5, 0])
        >>> profile.adi, round(profile.cv2, 3), profile.demand_class.value
        (2.0, 0.027, 'intermittent')
    """

    adi: float
    cv2: float
    demand_class: DemandClass


def classify_demand(series: Sequence[float]) -> DemandProfile:
    """Classify a demand series by ADI and CV^2 with the cut-offs 1.32 and 0.49.

    ADI is the number of periods divided by the number of periods with demand; CV^2 is the
    squared coefficient of variation (population standard deviation over mean) of the non-zero
    demand sizes. A value exactly at a cut-off counts as the higher side. A series with no demand
    at all is intermittent, with an infinite ADI.

    Examples:
        >>> classify_demand([3, 4, 3, 5, 4, 3]).demand_class
        <DemandClass.SMOOTH: 'smooth'>
        >>> profile = classify_demand([0, 0, 3, 0, 0, 4, 0, 0, 3])
        >>> profile.adi, profile.demand_class
        (3.0, <DemandClass.INTERMITTENT: 'intermittent'>)
        >>> classify_demand([0, 0, 1, 0, 0, 9, 0, 0, 2]).demand_class
        <DemandClass.LUMPY: 'lumpy'>
    """
    values = require_demand("series", series)
    sizes = [value for value in values if value > 0]
    if not sizes:
        return DemandProfile(float("inf"), 0.0, DemandClass.INTERMITTENT)
    adi = len(values) / len(sizes)
    mean = sum(sizes) / len(sizes)
    variance = sum((size - mean) ** 2 for size in sizes) / len(sizes)
    cv2 = variance / mean**2
    if adi < ADI_CUTOFF:
        demand_class = DemandClass.SMOOTH if cv2 < CV2_CUTOFF else DemandClass.ERRATIC
    else:
        demand_class = DemandClass.INTERMITTENT if cv2 < CV2_CUTOFF else DemandClass.LUMPY
    return DemandProfile(adi, cv2, demand_class)
