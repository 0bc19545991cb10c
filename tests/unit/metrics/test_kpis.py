"""KPIs: clear errors for bad columns, configurable names, records in and out."""

import datetime as dt

import pandas as pd
import polars as pl
import pytest

from ecomcore.core import ValidationError
from ecomcore.metrics import (
    ColumnsError,
    OrderSchema,
    average_order_value,
    churn_rate,
    customers,
    revenue,
    time_between_orders,
)


def test_missing_and_mistyped_columns_are_named_in_one_error() -> None:
    """The error lists every absent column and every column of the wrong type."""
    orders = pd.DataFrame({"placed_at": ["2024-01-01"], "customer_id": [1]})
    with pytest.raises(ColumnsError) as raised:
        revenue(orders, period="month")
    assert raised.value.missing == ("gross",)
    assert set(raised.value.mistyped) == {"placed_at"}
    assert "'gross'" in str(raised.value)
    assert "'placed_at' is String" in str(raised.value)


def test_column_names_come_from_the_schema() -> None:
    """A store's own column names work through OrderSchema."""
    orders = pl.DataFrame({"total": [10.0, 30.0]})
    result = average_order_value(orders, schema=OrderSchema(gross="total"))
    assert isinstance(result, pl.DataFrame)
    assert result["average_order_value"].to_list() == [20.0]


def test_an_unknown_period_is_refused() -> None:
    """Only the documented calendar periods are accepted."""
    with pytest.raises(ValidationError, match="period"):
        revenue([{"gross": 1.0, "placed_at": dt.datetime(2024, 1, 1)}], period="fortnight")  # type: ignore[arg-type]


def test_something_that_is_not_a_table_is_refused() -> None:
    """A number is neither a dataframe nor records."""
    with pytest.raises(ColumnsError):
        revenue(42)


def test_records_come_back_as_records_grouped_by_period() -> None:
    """Plain dicts in, plain dicts out, one per period."""
    orders = [
        {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 5), "gross": 10.0},
        {"customer_id": "a", "placed_at": dt.datetime(2024, 2, 5), "gross": 5.0},
        {"customer_id": "b", "placed_at": dt.datetime(2024, 2, 9), "gross": 7.0},
    ]
    assert customers(orders, period="month") == [
        {"period": dt.datetime(2024, 1, 1), "customers": 1},
        {"period": dt.datetime(2024, 2, 1), "customers": 2},
    ]
    assert churn_rate(orders, period="month") == [
        {"period": dt.datetime(2024, 2, 1), "churn_rate": 0.0}
    ]


def test_ratios_with_nothing_to_divide_by_are_missing() -> None:
    """A customer with one order has no time between orders: missing, not zero or infinite."""
    orders = pd.DataFrame({"customer_id": [1], "placed_at": [pd.Timestamp("2024-01-01")]})
    assert time_between_orders(orders)["days_between_orders"].isna().all()
