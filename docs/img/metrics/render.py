"""Render the metrics page's figures: `.venv/bin/python docs/img/metrics/render.py`.

The same calls as the examples in docs/metrics.md, saved as PNG next to this file.
"""

from pathlib import Path

from ecomcore.metrics import (
    BetaGeoModel,
    TimeUnit,
    calibration_vs_holdout,
    load_cdnow,
    plot_calibration_vs_holdout,
    plot_cohort_heatmap,
    plot_frequency_recency_matrix,
    plot_probability_alive_matrix,
    retention_matrix,
    summarize_transactions,
    synthetic_store,
)

HERE = Path(__file__).parent

summary = summarize_transactions(
    load_cdnow(),
    calibration_end="1997-09-30",
    observation_end="1998-06-30",
    time_unit=TimeUnit.WEEKS,
)
bg = BetaGeoModel.fit(summary)
figures = {
    "frequency_recency": plot_frequency_recency_matrix(bg, T=39, max_frequency=20),
    "probability_alive": plot_probability_alive_matrix(bg, T=39, max_frequency=20),
    "calibration": plot_calibration_vs_holdout(calibration_vs_holdout(bg, summary)),
    "cohorts": plot_cohort_heatmap(
        retention_matrix(synthetic_store(5_000, seed=1).frame("orders"), period="month")
    ),
}
for name, ax in figures.items():
    ax.figure.savefig(HERE / f"{name}.png", dpi=80, bbox_inches="tight")  # type: ignore[union-attr]
