"""Tour section: the CDNOW lifetime models refitted, next to the papers' published values."""

from ecomcore.metrics import (
    BetaGeoModel,
    GammaGammaModel,
    ParetoNBDModel,
    TimeUnit,
    customer_lifetime_value,
    load_cdnow,
    summarize_transactions,
)

PUBLISHED = (
    ("BG/NBD", "r", 0.243),
    ("BG/NBD", "alpha", 4.414),
    ("BG/NBD", "a", 0.793),
    ("BG/NBD", "b", 2.426),
    ("BG/NBD", "log-likelihood", -9582.4),
    ("Pareto/NBD", "r", 0.553),
    ("Pareto/NBD", "alpha", 10.578),
    ("Pareto/NBD", "s", 0.606),
    ("Pareto/NBD", "beta", 11.669),
    ("Pareto/NBD", "log-likelihood", -9595.0),
    ("Gamma-Gamma", "p", 6.25),
    ("Gamma-Gamma", "q", 3.74),
    ("Gamma-Gamma", "gamma", 15.44),
)
"""Fader, Hardie & Lee (2005), Marketing Science 24(2) and Journal of Marketing Research 42(4)."""


def show() -> str:
    """Return the metrics section of the tour: refit CDNOW and compare with the papers."""
    summary = summarize_transactions(
        load_cdnow(), calibration_end="1997-09-30", time_unit=TimeUnit.WEEKS
    )
    bg, pareto, spend = (
        BetaGeoModel.fit(summary),
        ParetoNBDModel.fit(summary),
        GammaGammaModel.fit(summary),
    )
    ours = {
        "BG/NBD": {**bg.params, "log-likelihood": bg.log_likelihood},
        "Pareto/NBD": {**pareto.params, "log-likelihood": pareto.log_likelihood},
        "Gamma-Gamma": {"p": spend.p, "q": spend.q, "gamma": spend.v},
    }
    lines = [
        f"CDNOW 1/10 sample: {summary.size:,} customers, calibration to 1997-09-30, in weeks.",
        f"  {'model':<12} {'parameter':<15} {'ours':>11} {'published':>11}",
    ]
    for model, name, published in PUBLISHED:
        lines.append(f"  {model:<12} {name:<15} {ours[model][name]:>11.4f} {published:>11}")
    clv = customer_lifetime_value(
        bg, spend, summary, periods=12, period_length=365.25 / 12 / 7, margin=0.3,
        discount_rate=0.01,
    )  # fmt: skip
    lines.append(
        f"One-year CLV at a 30% margin, 1% a month: mean ${clv.mean():.2f}, "
        f"top customer ${clv.max():.2f}."
    )
    return "\n".join(lines)
