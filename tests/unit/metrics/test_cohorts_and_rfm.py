"""Cohort retention and RFM: the laws a reader of the tables relies on."""

import datetime as dt
from typing import Any

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecomcore.core import ValidationError
from ecomcore.metrics import (
    SEGMENTS,
    retention_matrix,
    rfm_scores,
    segment_of,
    synthetic_store,
)

STORE = synthetic_store(2000, seed=5, days=200)
ORDERS = STORE.frame("orders", "polars")


def test_every_pair_of_r_and_f_scores_has_exactly_one_segment() -> None:
    """The segment map covers the 25 (R, F) cells once each."""
    for r in range(1, 6):
        for f in range(1, 6):
            names = [n for n, (a, b), (c, d) in SEGMENTS if a <= r <= b and c <= f <= d]
            assert len(names) == 1, (r, f, names)
            assert segment_of(r, f) == names[0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 28)), min_size=1, max_size=40))
def test_equal_values_get_equal_scores_and_more_is_never_worse(
    purchases: list[tuple[int, int]],
) -> None:
    """Ties share a score; a higher frequency never scores lower; recency 5 is the most recent."""
    orders = [
        {"customer_id": c, "placed_at": dt.datetime(2024, 1, day), "gross": 10.0}
        for c, day in purchases
    ]
    scores = rfm_scores(orders, as_of=dt.date(2024, 2, 1))
    order = np.argsort(scores.frequency, kind="stable")
    assert np.all(np.diff(scores.f[order]) >= 0)
    order = np.argsort(scores.recency_days, kind="stable")
    assert np.all(np.diff(scores.r[order]) <= 0)
    for values, score in ((scores.frequency, scores.f), (scores.recency_days, scores.r)):
        for value in np.unique(values):
            assert len(set(score[values == value].tolist())) == 1
    assert scores.r.min() >= 1
    assert scores.r.max() <= 5


def test_rfm_refuses_an_as_of_date_before_the_last_order() -> None:
    """Recency cannot be negative."""
    with pytest.raises(ValidationError, match="as_of"):
        rfm_scores(ORDERS, as_of=dt.date(2024, 1, 2))


@pytest.mark.parametrize("mode", ["calendar", "rolling"])
def test_retention_first_period_is_the_whole_cohort_and_later_cells_never_exceed_it(
    mode: Any,
) -> None:
    """Period 0 holds every cohort customer; no later period holds more."""
    matrix = retention_matrix(ORDERS, period="month", mode=mode)
    assert np.all(matrix.customers[:, 0] == matrix.sizes)
    assert matrix.sizes.sum() == ORDERS["customer_id"].n_unique()
    assert np.all(np.nan_to_num(matrix.customers) <= matrix.sizes[:, None])
    if mode == "calendar":  # every cell with orders has begun by the last order's date
        assert np.nansum(matrix.revenue) == pytest.approx(ORDERS["gross"].sum())


def test_cumulative_retention_never_rises() -> None:
    """'Active in k or after' can only fall as k grows."""
    matrix = retention_matrix(ORDERS, period="month", cumulative=True)
    steps = np.diff(matrix.customers, axis=1)
    assert np.all(np.isnan(steps) | (steps <= 0))


def test_cells_not_yet_observable_are_missing_not_zero() -> None:
    """The latest cohort has no value for periods after the as-of date."""
    matrix = retention_matrix(ORDERS, period="month")
    last = len(matrix.cohorts) - 1
    assert np.isnan(matrix.customers[last, 1:]).all()
    assert not np.isnan(matrix.customers[0]).any()
    early = retention_matrix(ORDERS, period="month", as_of=dt.date(2024, 3, 15))
    assert np.isnan(early.customers[0, 3:]).all()


def test_retention_is_the_same_from_pandas_and_polars_lazy() -> None:
    """The matrix does not depend on the engine the orders come in."""
    from_pandas = retention_matrix(STORE.frame("orders", "pandas"), period="quarter")
    from_lazy = retention_matrix(pl.LazyFrame(ORDERS), period="quarter")
    np.testing.assert_array_equal(from_pandas.customers, from_lazy.customers)
    assert from_pandas.cohorts == from_lazy.cohorts
