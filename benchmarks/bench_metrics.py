"""Metrics benchmarks: KPIs against hand-written dataframe code, model fits against `lifetimes`.

Sizes come from the environment so that the single pass of `make test` stays quick:
``ECOMCORE_BENCH_ORDERS`` order rows for the KPIs (default 100,000; `make bench` uses 10 million)
and ``ECOMCORE_BENCH_CUSTOMERS`` customers for the large BG/NBD fit (default 20,000; `make bench`
uses 1 million). Data is built on first use, not at import. The `lifetimes` 0.11.3 comparisons
run only where `lifetimes` is installed: `make bench` installs it, the project never depends on it.
"""

import functools
import importlib.util
import os
import tracemalloc
import warnings
from typing import Any

import numpy as np
import pandas as pd
import polars as pl

from ecomcore.metrics import (
    BetaGeoModel,
    CustomerSummary,
    GammaGammaModel,
    TimeUnit,
    average_order_value,
    load_cdnow,
    purchase_frequency,
    summarize_transactions,
    synthetic_store,
)
from ratio import ratio_benchmark, released_after_module

ORDERS = int(os.environ.get("ECOMCORE_BENCH_ORDERS", "100000"))
CUSTOMERS = int(os.environ.get("ECOMCORE_BENCH_CUSTOMERS", "20000"))


@functools.cache
def cdnow() -> CustomerSummary:
    return summarize_transactions(
        load_cdnow(), calibration_end="1997-09-30", time_unit=TimeUnit.WEEKS
    )


@functools.cache
def many_customers() -> CustomerSummary:
    """BG/NBD-like histories at a daily grain for CUSTOMERS customers, drawn in one pass."""
    rng = np.random.default_rng(3)
    n = CUSTOMERS
    age = rng.integers(1, 365, n) / 7
    rate = rng.gamma(0.25, 1 / 4.4, n)
    dropout = rng.beta(0.8, 2.4, n)
    life = np.minimum(rng.geometric(np.maximum(dropout, 1e-9)) / np.maximum(rate, 1e-9), age)
    x = np.minimum(rng.poisson(rate * life), 200).astype(np.float64)
    t_x = np.where(x > 0, np.floor(life * rng.beta(np.maximum(x, 1), 1) * 7) / 7, 0.0)
    return CustomerSummary.from_arrays(
        frequency=x, recency=np.minimum(t_x, age), T=age, time_unit=TimeUnit.WEEKS
    )


def fit_many() -> BetaGeoModel:
    return BetaGeoModel.fit(many_customers())


def peak_memory_mb() -> float:
    """Peak traced memory of one large fit, in MB (measured outside the timed runs)."""
    many_customers()
    tracemalloc.start()
    fit_many()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return round(peak / 2**20, 1)


# The cost follows the distinct (x, t_x, T) rows, not the customers: a million customers at a
# daily grain have about 190,000 of them (CDNOW: 1,016), so the fit takes a few hundred times
# CDNOW's, seconds in all, in well under 100 MB.
_many_customers_timing = ratio_benchmark(
    "metrics_bgnbd_fit_many_customers_vs_cdnow",
    target=400.0,
    baseline="the same BG/NBD fit on the 2,357 CDNOW customers",
    ours=fit_many,
    reference=lambda: BetaGeoModel.fit(cdnow()),
)


def test_metrics_bgnbd_fit_many_customers_vs_cdnow(benchmark: Any) -> None:
    """The large fit's time next to CDNOW's, with its peak memory in the benchmark's extra info."""
    memory = peak_memory_mb()
    benchmark.extra_info.update(customers=CUSTOMERS, peak_memory_mb=memory)
    print(f"\nBG/NBD fit on {CUSTOMERS:,} customers: peak memory {memory} MB")
    _many_customers_timing(benchmark)


if importlib.util.find_spec("lifetimes") is not None:

    def lifetimes_bgnbd() -> object:
        summary = cdnow()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # lifetimes warns about pandas features it uses
            from lifetimes import BetaGeoFitter  # noqa: PLC0415 (optional, bench-only)

            return BetaGeoFitter().fit(
                pd.Series(summary.frequency), pd.Series(summary.recency), pd.Series(summary.T)
            )

    def lifetimes_gamma_gamma() -> object:
        summary = cdnow()
        repeat = summary.frequency > 0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from lifetimes import GammaGammaFitter  # noqa: PLC0415 (optional, bench-only)

            return GammaGammaFitter().fit(
                pd.Series(summary.frequency[repeat]), pd.Series(summary.monetary_value[repeat])
            )

    test_metrics_bgnbd_vs_lifetimes = ratio_benchmark(
        "metrics_bgnbd_fit_cdnow_vs_lifetimes",
        target=0.2,
        baseline="lifetimes 0.11.3 BetaGeoFitter on the same summary",
        ours=lambda: BetaGeoModel.fit(cdnow()),
        reference=lifetimes_bgnbd,
    )

    test_metrics_gamma_gamma_vs_lifetimes = ratio_benchmark(
        "metrics_gamma_gamma_fit_cdnow_vs_lifetimes",
        target=0.2,
        baseline="lifetimes 0.11.3 GammaGammaFitter on the same summary",
        ours=lambda: GammaGammaModel.fit(cdnow()),
        reference=lifetimes_gamma_gamma,
    )


# The KPI benchmarks come last in this module: their ten-million-row frames stay cached to the
# end of the module and would otherwise weigh on the millisecond-scale fits above.
@functools.cache
def orders_polars() -> pl.DataFrame:
    store = synthetic_store(ORDERS, seed=1, lines=False, sessions=False)
    columns = ("customer_id", "placed_at", "gross", "channel")
    return pl.DataFrame({name: store.orders[name] for name in columns})


@functools.cache
def orders_pandas() -> pd.DataFrame:
    return orders_polars().to_pandas()


_release_frames = released_after_module(orders_polars, orders_pandas)


def aov_polars_by_hand(orders: pl.DataFrame) -> pl.DataFrame:
    return (
        orders.group_by(pl.col("placed_at").dt.truncate("1mo").alias("period"), "channel")
        .agg(pl.col("gross").sum().alias("revenue"), pl.len().alias("orders"))
        .select("period", "channel", (pl.col("revenue") / pl.col("orders")).alias("aov"))
        .sort("period", "channel")
    )


def aov_pandas_by_hand(orders: pd.DataFrame) -> pd.DataFrame:
    period = orders["placed_at"].dt.to_period("M").dt.start_time
    grouped = orders.groupby([period.rename("period"), orders["channel"]])["gross"]
    result = grouped.agg(["sum", "size"])
    return (result["sum"] / result["size"]).rename("aov").reset_index()


def frequency_polars_by_hand(orders: pl.DataFrame) -> pl.DataFrame:
    return (
        orders.group_by(pl.col("placed_at").dt.truncate("1mo").alias("period"), "channel")
        .agg(pl.len().alias("orders"), pl.col("customer_id").n_unique().alias("customers"))
        .select("period", "channel", (pl.col("orders") / pl.col("customers")).alias("frequency"))
        .sort("period", "channel")
    )


def frequency_pandas_by_hand(orders: pd.DataFrame) -> pd.DataFrame:
    period = orders["placed_at"].dt.to_period("M").dt.start_time
    grouped = orders.groupby([period.rename("period"), orders["channel"]])["customer_id"]
    result = grouped.agg(["size", "nunique"])
    return (result["size"] / result["nunique"]).rename("frequency").reset_index()


test_metrics_aov_polars = ratio_benchmark(
    "metrics_aov_by_month_channel_polars",
    target=1.3,
    baseline="hand-written polars group_by on the same orders",
    ours=lambda: average_order_value(orders_polars(), period="month", by="channel"),
    reference=lambda: aov_polars_by_hand(orders_polars()),
)

test_metrics_aov_pandas = ratio_benchmark(
    "metrics_aov_by_month_channel_pandas",
    target=1.3,
    baseline="hand-written pandas groupby on the same orders",
    ours=lambda: average_order_value(orders_pandas(), period="month", by="channel"),
    reference=lambda: aov_pandas_by_hand(orders_pandas()),
)

test_metrics_frequency_polars = ratio_benchmark(
    "metrics_purchase_frequency_polars",
    target=1.3,
    baseline="hand-written polars group_by with n_unique",
    ours=lambda: purchase_frequency(orders_polars(), period="month", by="channel"),
    reference=lambda: frequency_polars_by_hand(orders_polars()),
)

test_metrics_frequency_pandas = ratio_benchmark(
    "metrics_purchase_frequency_pandas",
    target=1.3,
    baseline="hand-written pandas groupby with nunique",
    ours=lambda: purchase_frequency(orders_pandas(), period="month", by="channel"),
    reference=lambda: frequency_pandas_by_hand(orders_pandas()),
)
