"""Demand history: quantities per item, location and period, with the quiet periods filled in."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

import attrs

from ecomcore.inventory.planning._errors import PlanningInputError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


class DemandPeriod(enum.Enum):
    """The length of one bucket of a demand history: a day or an ISO week.

    Not `ecomcore.metrics.Period` (a reporting period of KPIs); this only says how a demand
    series is bucketed.

    Weeks start on Monday (ISO 8601), so a weekly history always lines up with calendar weeks.

    Examples:
        >>> from datetime import date
        >>> from ecomcore.inventory.planning import DemandRecord, DemandPeriod, demand_history
        >>> lines = [DemandRecord("mug", "berlin", date(2024, 1, 3), 2),
        ...          DemandRecord("mug", "berlin", date(2024, 1, 10), 5)]
        >>> weekly = demand_history(lines, period=DemandPeriod.WEEK)
        >>> weekly.start, weekly.series("mug", "berlin")
        (datetime.date(2024, 1, 1), (2.0, 5.0))
    """

    DAY = 1
    WEEK = 7

    @property
    def days(self) -> int:
        """Days in one period.

        Examples:
            >>> DemandPeriod.WEEK.days
            7
        """
        return self.value

    def bucket_start(self, day: date) -> date:
        """Return the first day of the period that holds ``day``.

        Examples:
            >>> from datetime import date
            >>> DemandPeriod.WEEK.bucket_start(date(2024, 3, 7))
            datetime.date(2024, 3, 4)
        """
        if self is DemandPeriod.WEEK:
            return day - timedelta(days=day.weekday())
        return day


@attrs.frozen(cache_hash=True, order=True)
class SeriesKey:
    """Which demand series: an item (SKU) at a location.

    Examples:
        >>> from datetime import date
        >>> from ecomcore.inventory.planning import DemandRecord, demand_history
        >>> history = demand_history([DemandRecord("mug", "paris", date(2024, 1, 1), 1),
        ...                           DemandRecord("mug", "berlin", date(2024, 1, 1), 2)])
        >>> history.keys
        (SeriesKey(item='mug', location='berlin'), SeriesKey(item='mug', location='paris'))
        >>> [history.series(key.item, key.location) for key in history.keys]
        [(2.0,), (1.0,)]
    """

    item: str
    location: str


class DemandObservation(Protocol):
    """One demand fact: an order line shipped, or a stock movement out to a customer.

    Any object with these attributes will do: an order line, a ledger movement (take shipments,
    not transfers or damage, which are not customer demand), or a `DemandRecord`.

    Examples:
        Your own rows will do; a datetime counts on its calendar date:

        >>> from datetime import UTC, date, datetime
        >>> from types import SimpleNamespace
        >>> from ecomcore.inventory.planning import demand_history
        >>> lines = [
        ...     SimpleNamespace(item="mug", location="berlin", day=date(2024, 1, 1), quantity=2),
        ...     SimpleNamespace(item="mug", location="berlin",
        ...                     day=datetime(2024, 1, 3, 18, tzinfo=UTC), quantity=1),
        ... ]
        >>> demand_history(lines).series("mug", "berlin")
        (2.0, 0.0, 1.0)
    """

    @property
    def item(self) -> str:
        """The SKU demanded."""
        ...

    @property
    def location(self) -> str:
        """The location that served (or should have served) the demand."""
        ...

    @property
    def day(self) -> date:
        """When the demand happened; a datetime counts on its own calendar date."""
        ...

    @property
    def quantity(self) -> int | float | Decimal:
        """Units demanded, zero or more."""
        ...


@attrs.frozen
class DemandRecord:
    """A plain `DemandObservation`: so many units of an item at a location on a day.

    Examples:
        >>> from datetime import date
        >>> DemandRecord("mug", "berlin", date(2024, 1, 2), 3).quantity
        3
    """

    item: str
    location: str
    day: date
    quantity: int | float | Decimal


@attrs.frozen(eq=False)
class DemandHistory:
    """Demand per series (item and location) and period, as one row of numbers per series.

    Row ``i`` of `quantities` is the series ``keys[i]``; column ``j`` is the period starting
    ``start + j * period.days`` days. Periods without demand hold 0, so every row has the same
    length. Build one with `demand_history` from observations, or `DemandHistory.from_rows`.

    Examples:
        >>> from datetime import date
        >>> history = DemandHistory.from_rows(
        ...     {("mug", "berlin"): [0, 2, 0, 1]}, start=date(2024, 1, 1)
        ... )
        >>> history.series("mug", "berlin")
        (0.0, 2.0, 0.0, 1.0)
        >>> len(history), history.periods
        (1, 4)
    """

    keys: tuple[SeriesKey, ...]
    start: date
    period: DemandPeriod
    quantities: NDArray[np.float64]
    # By plain (item, location) tuples: lookups come as pairs, and tuples hash fast.
    _index: dict[tuple[str, str], int] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        import numpy as np

        matrix = self.quantities
        if matrix.ndim != 2 or matrix.shape[0] != len(self.keys):
            raise PlanningInputError(
                "quantities", matrix.shape, f"a matrix with one row per key ({len(self.keys)})"
            )
        if matrix.shape[1] == 0:
            raise PlanningInputError("quantities", matrix.shape, "a history of one period or more")
        if not np.isfinite(matrix).all() or (matrix < 0).any():
            row, column = np.argwhere(~(matrix >= 0) | ~np.isfinite(matrix))[0]
            raise PlanningInputError(
                f"quantities[{self.keys[row].item!r}, {self.keys[row].location!r}][{column}]",
                float(matrix[row, column]),
                "a finite demand, zero or more (returns are not demand)",
            )
        index = {(key.item, key.location): row for row, key in enumerate(self.keys)}
        if len(index) != len(self.keys):
            raise PlanningInputError("keys", self.keys, "each item and location once")
        object.__setattr__(self, "_index", index)

    @classmethod
    def from_rows(
        cls,
        rows: dict[tuple[str, str], Sequence[float]],
        *,
        start: date,
        period: DemandPeriod = DemandPeriod.DAY,
    ) -> DemandHistory:
        """Build a history from one sequence of quantities per (item, location), all one length."""
        import numpy as np

        if not rows:
            raise PlanningInputError("rows", rows, "at least one item and location")
        lengths = {len(values) for values in rows.values()}
        if len(lengths) != 1:
            raise PlanningInputError("rows", sorted(lengths), "sequences of one common length")
        keys = tuple(SeriesKey(*key) for key in rows)
        matrix = np.array([list(values) for values in rows.values()], dtype=np.float64)
        return cls(keys, start, period, matrix)

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def periods(self) -> int:
        """How many periods each series covers."""
        return int(self.quantities.shape[1])

    @property
    def end(self) -> date:
        """The first day after the history.

        Examples:
            >>> from datetime import date
            >>> DemandHistory.from_rows({("a", "b"): [1, 2]}, start=date(2024, 1, 1)).end
            datetime.date(2024, 1, 3)
        """
        return self.start + timedelta(days=self.periods * self.period.days)

    def row(self, item: str, location: str) -> int:
        """Return the row index of a series; raises `PlanningInputError` if it is not there."""
        try:
            return self._index[item, location]
        except KeyError:
            raise PlanningInputError(
                "item, location", (item, location), "an item and location in the demand history"
            ) from None

    def rows(self, pairs: Iterable[tuple[str, str]]) -> NDArray[np.intp]:
        """Return the row indices of many (item, location) pairs; raises for one not there."""
        import numpy as np

        index = self._index
        try:
            return np.array([index[pair] for pair in pairs], dtype=np.intp)
        except KeyError as missing:
            raise PlanningInputError(
                "item, location", missing.args[0], "an item and location in the demand history"
            ) from None

    def series(self, item: str, location: str) -> tuple[float, ...]:
        """Return the quantities of one series, oldest period first."""
        return tuple(float(value) for value in self.quantities[self.row(item, location)])


def demand_history(
    observations: Iterable[DemandObservation],
    *,
    period: DemandPeriod = DemandPeriod.DAY,
    start: date | None = None,
    end: date | None = None,
) -> DemandHistory:
    """Sum observations into a `DemandHistory` per item, location and period, zeros filled in.

    The history runs from ``start`` (default: the first observation's period) up to ``end``
    exclusive (default: the period after the last observation). Both are moved to the start of
    their period. Observations outside the range are left out. Series keys are sorted, so the same
    observations in any order give the same history. Raises `PlanningInputError` for no
    observations, a negative or non-finite quantity (naming the observation's position), or an
    empty range.

    Examples:
        >>> from datetime import date
        >>> lines = [
        ...     DemandRecord("mug", "berlin", date(2024, 1, 1), 2),
        ...     DemandRecord("mug", "berlin", date(2024, 1, 4), 1),
        ...     DemandRecord("mug", "berlin", date(2024, 1, 4), 5),
        ... ]
        >>> demand_history(lines).series("mug", "berlin")
        (2.0, 0.0, 0.0, 6.0)
        >>> demand_history(lines, period=DemandPeriod.WEEK).series("mug", "berlin")
        (8.0,)
    """
    import numpy as np

    cells: dict[tuple[tuple[str, str], int], float] = {}
    days: list[tuple[tuple[str, str], date, float]] = []
    for position, observation in enumerate(observations):
        quantity = float(observation.quantity)
        if not 0 <= quantity < float("inf"):
            raise PlanningInputError(
                f"observations[{position}].quantity",
                observation.quantity,
                "a finite demand, zero or more (returns are not demand)",
            )
        day = observation.day.date() if isinstance(observation.day, datetime) else observation.day
        days.append(((observation.item, observation.location), day, quantity))
    if not days:
        raise PlanningInputError("observations", [], "at least one demand observation")
    first = period.bucket_start(start or min(day for _, day, _ in days))
    last = period.bucket_start(end - timedelta(days=1)) if end else None
    stop = last or period.bucket_start(max(day for _, day, _ in days))
    count = (stop - first).days // period.days + 1
    if count <= 0:
        raise PlanningInputError("end", end, f"a date after start {first.isoformat()}")
    for key, day, quantity in days:
        column = (period.bucket_start(day) - first).days // period.days
        if 0 <= column < count:
            cells[key, column] = cells.get((key, column), 0.0) + quantity
    pairs = sorted({pair for pair, _, _ in days})
    row_of = {pair: row for row, pair in enumerate(pairs)}
    matrix = np.zeros((len(pairs), count), dtype=np.float64)
    for (key, column), quantity in cells.items():
        matrix[row_of[key], column] = quantity
    return DemandHistory(tuple(SeriesKey(*pair) for pair in pairs), first, period, matrix)
