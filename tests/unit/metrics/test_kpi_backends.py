"""Every KPI gives the same answer on every dataframe engine as on pandas."""

import functools
from collections.abc import Callable, Iterator
from typing import Any

import dask.dataframe as dd
import duckdb
import narwhals as nw
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from pyspark.sql import SparkSession

from ecomcore.metrics import (
    average_order_value,
    cart_abandonment_rate,
    churn_rate,
    conversion_rate,
    customer_acquisition_cost,
    customers,
    discount_rate,
    gross_margin,
    order_count,
    purchase_frequency,
    repeat_purchase_rate,
    return_on_ad_spend,
    return_rate,
    revenue,
    synthetic_store,
    time_between_orders,
    units_per_order,
)

dask_from_pandas: Any = dd.from_pandas
STORE = synthetic_store(3000, seed=42, days=120)


def to_pandas(native: Any) -> pd.DataFrame:
    frame = nw.from_native(native)
    if isinstance(frame, nw.LazyFrame):
        frame = frame.collect()
    result: pd.DataFrame = frame.to_pandas()
    return result


def on_pandas(table: pd.DataFrame) -> Any:
    return table


def on_polars(table: pd.DataFrame) -> Any:
    return pl.from_pandas(table)


def on_polars_lazy(table: pd.DataFrame) -> Any:
    return pl.from_pandas(table).lazy()


def on_pyarrow(table: pd.DataFrame) -> Any:
    return pa.Table.from_pandas(table, preserve_index=False)


def on_duckdb(table: pd.DataFrame) -> Any:
    arrow = pa.Table.from_pandas(table, preserve_index=False)
    return duckdb.from_arrow(arrow)


def on_dask(table: pd.DataFrame) -> Any:
    return dask_from_pandas(table, npartitions=4)


@functools.cache
def spark() -> SparkSession:
    """One local Spark for the module (started on first use, stopped by the fixture below)."""
    session = (
        SparkSession.builder.master("local[2]")
        .appName("ecomcore-kpi-equivalence")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


@pytest.fixture(scope="module", autouse=True)
def stop_spark() -> Iterator[None]:
    yield
    if spark.cache_info().currsize:
        spark().stop()
        spark.cache_clear()


def on_pyspark(table: pd.DataFrame) -> Any:
    return spark().createDataFrame(pa.Table.from_pandas(table, preserve_index=False))


BACKENDS: dict[str, Callable[[pd.DataFrame], Any]] = {
    "polars": on_polars,
    "polars-lazy": on_polars_lazy,
    "pyarrow": on_pyarrow,
    "duckdb": on_duckdb,
    "dask": on_dask,
    "pyspark": on_pyspark,
}
LAZY = {"polars-lazy", "duckdb", "dask", "pyspark"}

ORDERS = STORE.frame("orders")
LINES = STORE.frame("lines")
SESSIONS = STORE.frame("sessions")
SPEND = STORE.frame("spend")

# (name, function, tables, keyword arguments); weeks run alongside the other periods.
CASES: list[tuple[str, Callable[..., Any], tuple[pd.DataFrame, ...], dict[str, Any]]] = []
ORDER_KPIS: tuple[Callable[..., Any], ...] = (
    revenue, order_count, average_order_value, units_per_order, customers, repeat_purchase_rate,
    purchase_frequency, time_between_orders, return_rate, discount_rate,
)  # fmt: skip
CASES.extend((kpi.__name__, kpi, (ORDERS,), {}) for kpi in ORDER_KPIS)
CASES.extend(
    (f"{kpi.__name__}-by-{period}-channel", kpi, (ORDERS,), {"period": period, "by": "channel"})
    for kpi in ORDER_KPIS
    for period in ("month", "week")
)
CASES.extend(
    (f"{kpi.__name__}-by-{period}", kpi, (SESSIONS,), {"period": period, "by": "channel"})
    for kpi in (conversion_rate, cart_abandonment_rate)
    for period in ("day", "week")
)
CASES.extend(
    (f"gross_margin-by-{period}", gross_margin, (LINES,), {"period": period})
    for period in ("quarter", "week")
)
CASES.extend(
    (f"churn_rate-by-{period}{suffix}", churn_rate, (ORDERS,), {"period": period, **by})
    for period in ("month", "week")
    for suffix, by in (("", {}), ("-channel", {"by": "channel"}))
)
CASES.extend(
    (kpi.__name__, kpi, (ORDERS, SPEND), {})
    for kpi in (customer_acquisition_cost, return_on_ad_spend)
)
CASES.extend(
    (
        f"{kpi.__name__}-by-{period}-channel",
        kpi,
        (ORDERS, SPEND),
        {"period": period, "by": "channel"},
    )
    for kpi in (customer_acquisition_cost, return_on_ad_spend)
    for period in ("month", "week")
)


def normalised(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for name in frame.columns:
        if name == "period":
            frame[name] = pd.to_datetime(frame[name]).dt.tz_localize(None).astype("datetime64[ns]")
        elif name != "channel":
            frame[name] = frame[name].astype("float64")
        else:
            frame[name] = frame[name].astype(str)
    keys = [name for name in ("period", "channel") if name in frame.columns]
    return frame.sort_values(keys).reset_index(drop=True) if keys else frame


@pytest.fixture(scope="module")
def expected() -> dict[str, pd.DataFrame]:
    return {name: normalised(kpi(*tables, **kwargs)) for name, kpi, tables, kwargs in CASES}


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@pytest.mark.parametrize(
    ("name", "kpi", "tables", "kwargs"), CASES, ids=[case[0] for case in CASES]
)
def test_kpi_matches_pandas(  # noqa: PLR0917 (pytest passes parameters by position)
    backend: str,
    name: str,
    kpi: Callable[..., Any],
    tables: tuple[pd.DataFrame, ...],
    kwargs: dict[str, Any],
    expected: dict[str, pd.DataFrame],
) -> None:
    """The KPI on this engine equals the pandas result, in the caller's own frame type."""
    natives = [BACKENDS[backend](table) for table in tables]
    result = kpi(*natives, **kwargs)
    assert type(result).__module__.split(".")[0] == type(natives[0]).__module__.split(".")[0]
    assert isinstance(nw.from_native(result), nw.LazyFrame) == (backend in LAZY)
    got = normalised(to_pandas(result))
    pd.testing.assert_frame_equal(
        got, expected[name], check_dtype=False, check_exact=False, rtol=1e-9
    )


def test_distinct_customers_are_exact_on_a_multi_partition_dask_frame() -> None:
    """Customers ordering in several partitions are counted once, not once per partition."""
    orders = pd.DataFrame({"customer_id": [1, 2, 1, 2, 1, 3], "gross": [1.0] * 6})
    frame = dask_from_pandas(orders, npartitions=3)
    assert frame.npartitions == 3
    assert to_pandas(customers(frame))["customers"].tolist() == [3]
    assert to_pandas(purchase_frequency(frame))["purchase_frequency"].tolist() == [2.0]
