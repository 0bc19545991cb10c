"""The CDNOW data set, bundled: the transactions the lifetime-model papers were fitted on."""

import datetime as dt
import gzip
from importlib import resources
from typing import Any, Literal

from ecomcore.core import ValidationError

__all__ = ["load_cdnow"]

_FILES = {"sample": "CDNOW_sample.txt.gz", "full": "CDNOW_master.txt.gz"}


def load_cdnow(which: Literal["sample", "full"] = "sample", *, backend: Any = None) -> Any:
    """Load the CDNOW transactions: the papers' 1/10 sample (default) or the full cohort.

    Columns: ``customer_id`` (int), ``placed_at`` (date), ``cds`` (number of CDs, int) and
    ``gross`` (dollar value, float). With ``backend`` ("pandas", "polars", "pyarrow", ...) the
    result is that library's dataframe; without, a list of dicts, which every metric accepts.
    Provenance: ``ecomcore/metrics/data/PROVENANCE.md`` (Bruce Hardie's research data, as shipped
    in the MIT-licensed ``lifetimes`` 0.11.3).

    Examples:
        >>> rows = load_cdnow()
        >>> len(rows), len({row["customer_id"] for row in rows})
        (6919, 2357)
        >>> rows[0]
        {'customer_id': 4, 'placed_at': datetime.date(1997, 1, 1), 'cds': 2, 'gross': 29.33}
        >>> len(load_cdnow("full"))
        69659
    """
    if which not in _FILES:
        raise ValidationError("which", which, "'sample' or 'full'")
    raw = resources.files("ecomcore.metrics").joinpath("data", _FILES[which]).read_bytes()
    lines = gzip.decompress(raw).decode("ascii").split()
    width = 5 if which == "sample" else 4
    start = 0 if which == "sample" else 4  # the full file opens with a header line
    fields = lines[start:]
    offset = 1 if which == "sample" else 0  # the sample also keeps the original customer id
    columns: dict[str, list[Any]] = {"customer_id": [], "placed_at": [], "cds": [], "gross": []}
    for i in range(0, len(fields), width):
        row = fields[i : i + width]
        day = row[1 + offset]
        columns["customer_id"].append(int(row[0]))
        columns["placed_at"].append(dt.date(int(day[:4]), int(day[4:6]), int(day[6:])))
        columns["cds"].append(int(row[2 + offset]))
        columns["gross"].append(float(row[3 + offset]))
    if backend is not None:
        import narwhals as nw

        return nw.from_dict(columns, backend=backend).to_native()
    names = list(columns)
    return [dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)]
