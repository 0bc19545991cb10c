"""Plots for notebooks and reports (the ``plot`` extra, matplotlib).

Each function draws on the ``ax`` it is given, or on a new figure's axes, and returns the axes;
no global pyplot state is touched, so the plots work in notebooks, scripts and servers alike.
"""

from typing import TYPE_CHECKING, Any

from ecomcore.metrics._clv import CalibrationCheck, PurchaseModel
from ecomcore.metrics._cohorts import RetentionMatrix

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "plot_calibration_vs_holdout",
    "plot_cohort_heatmap",
    "plot_frequency_recency_matrix",
    "plot_probability_alive_matrix",
]


def _axes(ax: "Axes | None") -> "Axes":
    if ax is not None:
        return ax
    from matplotlib.figure import Figure

    return Figure(figsize=(7, 5)).subplots()


def plot_cohort_heatmap(matrix: RetentionMatrix, *, ax: "Axes | None" = None) -> "Axes":
    """Draw retention rates, cohorts down and periods since first purchase across.

    Unobservable cells stay blank.

    Examples:
        >>> from ecomcore.metrics import retention_matrix, synthetic_store
        >>> matrix = retention_matrix(synthetic_store(500, seed=1).frame("orders"))
        >>> plot_cohort_heatmap(matrix).get_title()
        'Retention by first-purchase cohort'
    """
    ax = _axes(ax)
    image = ax.imshow(matrix.rates, aspect="auto", cmap="viridis", vmin=0, vmax=1)
    ax.figure.colorbar(image, ax=ax, label="share of cohort active")
    ax.set_yticks(range(len(matrix.cohorts)), matrix.cohorts)
    ax.set_xlabel("periods since first purchase")
    ax.set_ylabel("cohort")
    ax.set_title("Retention by first-purchase cohort")
    return ax


def _grid(max_frequency: int, max_recency: float, T: float) -> tuple[Any, Any]:
    import numpy as np

    frequency = np.arange(max_frequency + 1, dtype=np.float64)
    recency = np.linspace(0, min(max_recency, T), 60)
    return np.meshgrid(frequency, recency, indexing="ij")


def _matrix_plot(ax: "Axes", values: Any, T: float, max_recency: float, label: str) -> None:
    image = ax.imshow(
        values, origin="lower", aspect="auto", cmap="viridis",
        extent=(0, min(max_recency, T), 0, values.shape[0] - 1),
    )  # fmt: skip
    ax.figure.colorbar(image, ax=ax, label=label)
    ax.set_xlabel("recency (time from first to last purchase)")
    ax.set_ylabel("frequency (repeat purchases)")


def plot_frequency_recency_matrix(
    model: PurchaseModel,
    *,
    T: float,
    t: float = 1.0,
    max_frequency: int = 20,
    ax: "Axes | None" = None,
) -> "Axes":
    """Draw expected purchases in the next ``t`` units by frequency and recency, at age ``T``.

    Examples:
        >>> from ecomcore.metrics import BetaGeoModel
        >>> model = BetaGeoModel(0.243, 4.414, 0.793, 2.426, 0.0, (), 0)
        >>> ax = plot_frequency_recency_matrix(model, T=39, max_frequency=10)
        >>> ax.images[0].get_array().shape
        (11, 60)
    """
    import numpy as np

    ax = _axes(ax)
    frequency, recency = _grid(max_frequency, T, T)
    recency = np.where(frequency == 0, 0.0, recency)
    values = model.conditional_expected_purchases(t, frequency, recency, np.full_like(recency, T))
    _matrix_plot(ax, values, T, T, f"expected purchases in the next {t:g} units")
    ax.set_title("Expected purchases by frequency and recency")
    return ax


def plot_probability_alive_matrix(
    model: PurchaseModel, *, T: float, max_frequency: int = 20, ax: "Axes | None" = None
) -> "Axes":
    """Draw the probability of being alive by frequency and recency, at age ``T``.

    Examples:
        >>> from ecomcore.metrics import BetaGeoModel
        >>> model = BetaGeoModel(0.243, 4.414, 0.793, 2.426, 0.0, (), 0)
        >>> float(plot_probability_alive_matrix(model, T=39).images[0].get_array().max())
        1.0
    """
    import numpy as np

    ax = _axes(ax)
    frequency, recency = _grid(max_frequency, T, T)
    recency = np.where(frequency == 0, 0.0, recency)
    values = model.probability_alive(frequency, recency, np.full_like(recency, T))
    _matrix_plot(ax, values, T, T, "probability alive")
    ax.set_title("Probability alive by frequency and recency")
    return ax


def plot_calibration_vs_holdout(check: CalibrationCheck, *, ax: "Axes | None" = None) -> "Axes":
    """Draw actual and predicted hold-out purchases by calibration-period frequency.

    Examples:
        >>> import numpy as np
        >>> check = CalibrationCheck(np.arange(3), np.array([5, 3, 1]),
        ...                          np.array([0.2, 0.6, 1.5]), np.array([0.25, 0.5, 1.4]))
        >>> len(plot_calibration_vs_holdout(check).lines)
        2
    """
    ax = _axes(ax)
    ax.plot(check.frequency, check.actual, marker="o", label="actual")
    ax.plot(check.frequency, check.predicted, marker="s", linestyle="--", label="model")
    ax.set_xlabel("repeat purchases in calibration (last: that many or more)")
    ax.set_ylabel("average purchases in hold-out")
    ax.set_title("Calibration versus hold-out")
    ax.legend()
    return ax
