"""Any dataframe in, the same kind out: the narwhals boundary of the metrics context.

A metric accepts whatever narwhals supports (pandas, polars eager or lazy, pyarrow, DuckDB, Dask,
PySpark...) or a plain iterable of records (mappings); it computes on the caller's engine and hands
back the caller's own type: a lazy frame stays lazy, records come back as a list of dicts.
"""

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ecomcore.metrics._errors import ColumnsError

if TYPE_CHECKING:
    import narwhals as nw

__all__ = ["Frame", "as_frame", "check_columns", "collect", "to_caller"]

Kind = Literal["datetime", "numeric", "boolean", "any"]

_KIND_WORDS: dict[Kind, str] = {
    "datetime": "a date or datetime",
    "numeric": "a number (integer, float or decimal)",
    "boolean": "a boolean",
    "any": "any type",
}

# Engines tried, in order, to hold plain records while a metric runs on them.
_RECORD_BACKENDS = ("polars", "pyarrow", "pandas")


@attrs.frozen
class Frame:
    """A caller's table wrapped for narwhals, remembering how to hand results back."""

    frame: "nw.LazyFrame[Any]"
    origin: Literal["eager", "lazy", "records"]


def as_frame(data: object, table: str) -> Frame:
    """Wrap a dataframe or an iterable of records as a narwhals lazy frame.

    Raises `ColumnsError` naming ``table`` when ``data`` is neither.
    """
    import narwhals as nw

    if isinstance(data, (nw.DataFrame, nw.LazyFrame)):
        native: Any = data.to_native()
    else:
        native = data
    try:
        wrapped = nw.from_native(native)
    except TypeError:
        return Frame(_records_frame(native, table).lazy(), "records")
    if isinstance(wrapped, nw.DataFrame):
        return Frame(wrapped.lazy(), "eager")
    if isinstance(wrapped, nw.LazyFrame):
        return Frame(wrapped, "lazy")
    raise ColumnsError(table, missing=["(a dataframe or an iterable of records)"])


def _records_frame(data: object, table: str) -> "nw.DataFrame[Any]":
    import importlib.util

    import narwhals as nw

    if isinstance(data, (str, bytes)) or not isinstance(data, Iterable):
        raise ColumnsError(table, missing=["(a dataframe or an iterable of records)"])
    rows = [dict(row) for row in data if isinstance(row, Mapping)]
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    columns = {name: [row.get(name) for row in rows] for name in names}
    backend: Any
    for backend in _RECORD_BACKENDS:
        if importlib.util.find_spec(backend) is not None:
            return nw.from_dict(columns, backend=backend)
    raise ColumnsError(table, missing=["(polars, pyarrow or pandas, to hold plain records)"])


def check_columns(frame: Frame, table: str, required: Mapping[str, Kind]) -> None:
    """Raise `ColumnsError` naming every column of ``required`` missing or of the wrong kind."""
    import narwhals as nw

    schema = frame.frame.collect_schema()
    missing = [name for name in required if name not in schema]
    mistyped: dict[str, tuple[str, str]] = {}
    for name, kind in required.items():
        if name not in schema or kind == "any":
            continue
        dtype = schema[name]
        ok = {
            "datetime": isinstance(dtype, (nw.Datetime, nw.Date)),
            "numeric": dtype.is_numeric(),
            "boolean": isinstance(dtype, nw.Boolean),
        }[kind]
        if not ok:
            mistyped[name] = (str(dtype), _KIND_WORDS[kind])
    if missing or mistyped:
        raise ColumnsError(table, missing=missing, mistyped=mistyped)


def collect(frame: "nw.LazyFrame[Any]") -> "nw.DataFrame[Any]":
    """Run a lazy query on its engine and return the (small) result eagerly."""
    return frame.collect()


def to_caller(result: "nw.LazyFrame[Any]", origin: Frame) -> Any:
    """Hand ``result`` back in the caller's own type: lazy stays lazy, records stay records."""
    if origin.origin == "lazy":
        return result.to_native()
    eager = result.collect(backend=None) if origin.origin == "eager" else result.collect()
    if origin.origin == "records":
        return eager.rows(named=True)
    return eager.to_native()
