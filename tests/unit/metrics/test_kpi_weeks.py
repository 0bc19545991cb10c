"""Weekly periods: ISO weeks, Monday to Sunday, labelled by the Monday, for KPIs and cohorts."""

import datetime as dt

import pandas as pd
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from ecomcore.metrics import churn_rate, order_count, retention_matrix


def monday_of(at: dt.datetime) -> dt.datetime:
    """The definition, by hand: midnight of the day minus its weekday (Monday is 0)."""
    return dt.datetime.combine(at.date() - dt.timedelta(days=at.weekday()), dt.time())


times = st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 12, 31))


@settings(max_examples=100, deadline=None)
@given(st.lists(times, min_size=1, max_size=30))
def test_every_order_lands_in_the_week_of_its_monday(placed: list[dt.datetime]) -> None:
    """Each week's orders are exactly those whose date minus weekday is that Monday."""
    orders = pl.DataFrame({"order_id": range(len(placed)), "placed_at": placed})
    result = order_count(orders, period="week")
    expected = pd.Series([monday_of(at) for at in placed]).value_counts().sort_index()
    assert result["period"].to_list() == [stamp.to_pydatetime() for stamp in expected.index]
    assert result["orders"].to_list() == expected.tolist()


def test_sunday_night_and_monday_morning_fall_in_different_weeks() -> None:
    """A week ends on Sunday at midnight and crosses month and year ends unbroken."""
    placed = ["2023-12-31 23:59", "2024-01-01 00:00", "2024-01-03 12:00", "2024-01-07 23:59"]
    orders = pd.DataFrame({"order_id": range(4), "placed_at": pd.to_datetime(placed)})
    result = order_count(orders, period="week")
    assert result["period"].tolist() == [pd.Timestamp("2023-12-25"), pd.Timestamp("2024-01-01")]
    assert result["orders"].tolist() == [1, 3]


def test_timezone_aware_times_count_in_their_own_zone() -> None:
    """Sunday 23:30 in New York is Monday in UTC but stays in the New York week of its Sunday."""
    zone = "America/New_York"
    at = pl.datetime(2024, 1, 7, 23, 30, time_zone=zone)
    orders = pl.select(order_id=pl.lit(1), placed_at=at)
    result = order_count(orders, period="week")
    assert result["period"].to_list() == [pd.Timestamp("2024-01-01", tz=zone).to_pydatetime()]


def test_weekly_churn_follows_consecutive_weeks_across_a_year_end() -> None:
    """Week index steps by one from the last week of December to the first of January."""
    orders = [
        {"customer_id": "a", "placed_at": dt.datetime(2023, 12, 27)},
        {"customer_id": "b", "placed_at": dt.datetime(2023, 12, 28)},
        {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 2)},
    ]
    assert churn_rate(orders, period="week") == [
        {"period": dt.datetime(2024, 1, 1), "churn_rate": 0.5}
    ]


def test_weekly_cohorts_are_labelled_by_their_monday() -> None:
    """Cohorts by week: a Sunday buyer and the next Monday's buyer are in consecutive cohorts."""
    orders = [
        {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 7, 22), "gross": 1.0},
        {"customer_id": "b", "placed_at": dt.datetime(2024, 1, 8, 1), "gross": 2.0},
        {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 9), "gross": 3.0},
        {"customer_id": "b", "placed_at": dt.datetime(2024, 1, 22), "gross": 4.0},
    ]
    matrix = retention_matrix(orders, period="week")
    assert matrix.cohorts == ("2024-01-01", "2024-01-08")
    assert matrix.sizes.tolist() == [1, 1]
    assert matrix.customers[0, :3].tolist() == [1.0, 1.0, 0.0]
    assert matrix.customers[1, :3].tolist() == [1.0, 0.0, 1.0]
    rolling = retention_matrix(orders, period="week", mode="rolling")
    assert rolling.customers[0, 0] == 1.0  # the second order came under 7 days after the first
