"""The public names of each package are a contract: changing them is a deliberate act."""

import importlib
import subprocess
import sys

import pytest

PUBLIC = {
    "ecomcore.core": {
        "Clock", "ConcurrencyError", "Currency", "CurrencyMismatchError", "DomainEvent",
        "EcomcoreError", "FloatAmountError", "Money", "NotFoundError", "PrecisionLossError",
        "Rounding", "SystemClock", "TaxedMoney", "UnknownCurrencyError", "ValidationError",
        "allocate", "as_money", "format_money", "from_minor_units", "get_currency", "minor_units",
        "quantize", "sum_money", "to_minor_units",
    },
    "ecomcore.testing": {"FixedClock", "strategies"},
    "ecomcore.metrics": {
        "BetaGeoModel", "CalibrationCheck", "ColumnsError", "CustomerSummary", "FitError",
        "GammaGammaModel", "ModifiedBetaGeoModel", "NotConvergedError", "ParetoNBDModel",
        "PurchaseModel", "SpendModelDivergesError", "TimeUnit", "calibration_vs_holdout",
        "customer_lifetime_value", "load_cdnow", "summarize_transactions",
        "LineSchema", "OrderSchema", "Period", "SessionSchema", "SpendSchema", "SyntheticStore",
        "average_order_value", "cart_abandonment_rate", "churn_rate", "conversion_rate",
        "customer_acquisition_cost", "customers", "discount_rate", "gross_margin", "order_count",
        "purchase_frequency", "repeat_purchase_rate", "return_on_ad_spend", "return_rate",
        "revenue", "synthetic_store", "time_between_orders", "units_per_order",
        "plot_calibration_vs_holdout", "plot_cohort_heatmap", "plot_frequency_recency_matrix",
        "plot_probability_alive_matrix", "RetentionMatrix", "RfmScores", "SEGMENTS",
        "retention_matrix", "rfm_scores", "segment_of",
    },
    "ecomcore.adapters.memory": set(),
    "ecomcore.schemas": set(),
}  # fmt: skip


@pytest.mark.parametrize("package", sorted(PUBLIC))
def test_all_lists_exactly_the_public_names(package: str) -> None:
    """__all__ matches the locked list, and every name in it exists."""
    module = importlib.import_module(package)
    assert set(module.__all__) == PUBLIC[package]
    for name in module.__all__:
        assert hasattr(module, name), name


def test_importing_ecomcore_imports_no_context() -> None:
    """`import ecomcore` is cheap: it loads no context until one is asked for."""
    code = "import ecomcore, sys; print(sorted(m for m in sys.modules if m.startswith('ecomcore')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['ecomcore']"
