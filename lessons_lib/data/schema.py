"""Schemas of the shipped datasets: columns, index kinds, validation and the CSV form.

Every kind of column and of index is one entry of a table (:data:`COLUMN_KINDS`,
:data:`INDEX_KINDS`) that says how its text is read, how it is checked and how it is
written, so a new dataset (a yield curve with a dozen maturity columns, auctions with
repeated dates) needs a schema and nothing else.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import DataError

# --------------------------------------------------------------------------------------------
# Column kinds
# --------------------------------------------------------------------------------------------


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value))


def _read_float(text: pd.Series) -> pd.Series:
    return pd.to_numeric(text.mask(text == ""), errors="raise").astype("float64")


def _read_int(text: pd.Series) -> pd.Series:
    return pd.to_numeric(text, errors="raise").astype("int64")


def _read_bool(text: pd.Series) -> pd.Series:
    mapping = {"True": True, "False": False}
    bad = ~text.isin([*mapping, ""])
    if bad.any():
        raise ValueError(f"not a boolean: {text[bad].iloc[0]!r}")
    return text.map(mapping).astype("boolean")


def _read_date(text: pd.Series) -> pd.Series:
    return pd.to_datetime(text.where(text != "", None), format="%Y-%m-%d")


def _read_str(text: pd.Series) -> pd.Series:
    return text.where(text != "", None).astype(object)


def _check_number(values: pd.Series, column: Column) -> str | None:
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return "must be numeric"
    present = values.dropna()
    if not np.isfinite(present.to_numpy(dtype="float64")).all():
        return "has infinite values"
    if column.low is not None and (present < column.low).any():
        return f"below {column.low}: {present.min()}"
    if column.high is not None and (present > column.high).any():
        return f"above {column.high}: {present.max()}"
    return None


def _check_bool(values: pd.Series, column: Column) -> str | None:
    return None if pd.api.types.is_bool_dtype(values) else "must be boolean"


def _check_date(values: pd.Series, column: Column) -> str | None:
    return None if pd.api.types.is_datetime64_any_dtype(values) else "must be dates"


def _check_str(values: pd.Series, column: Column) -> str | None:
    ok = all(isinstance(v, str) and v for v in values.dropna())
    return None if ok else "must hold non-empty text"


@dataclass(frozen=True)
class ColumnKind:
    """How one kind of column is read from text, checked, and written back as text."""

    read: Callable[[pd.Series], pd.Series]
    check: Callable[[pd.Series, Column], str | None]
    write: Callable[[object], str]


COLUMN_KINDS: dict[str, ColumnKind] = {
    "float": ColumnKind(_read_float, _check_number, lambda v: repr(float(v))),  # type: ignore[arg-type]
    "int": ColumnKind(_read_int, _check_number, lambda v: str(int(v))),  # type: ignore[call-overload]
    "bool": ColumnKind(_read_bool, _check_bool, lambda v: "True" if bool(v) else "False"),
    "date": ColumnKind(_read_date, _check_date,
                       lambda v: pd.Timestamp(v).strftime("%Y-%m-%d")),  # type: ignore[arg-type]
    "str": ColumnKind(_read_str, _check_str, str),
}


@dataclass(frozen=True)
class Column:
    """One column of a dataset: its name (with the unit), kind and allowed range.

    ``kind`` is a key of :data:`COLUMN_KINDS`. ``optional`` columns may be absent (a series
    the offline build could not source); ``nullable`` ones may hold missing values (the
    dataset's notes say where and why).
    """

    name: str
    kind: str = "float"
    low: float | None = None
    high: float | None = None
    nullable: bool = False
    optional: bool = False

    def __post_init__(self) -> None:
        if self.kind not in COLUMN_KINDS:
            raise ValueError(f"column {self.name!r}: kind must be one of {sorted(COLUMN_KINDS)}")


# --------------------------------------------------------------------------------------------
# Index kinds
# --------------------------------------------------------------------------------------------


def _read_int_index(text: pd.Series) -> pd.Index:
    return pd.Index(pd.to_numeric(text, errors="raise").astype("int64"))


def _read_date_index(text: pd.Series) -> pd.Index:
    return pd.DatetimeIndex(pd.to_datetime(text, format="%Y-%m-%d"))


def _check_years(index: pd.Index, name: str) -> None:
    if index.dtype.kind != "i":
        raise DataError(f"{name} must be integers")
    if len(index) and (index.min() < 1900 or index.max() > 2100):
        raise DataError(f"{name} outside 1900-2100")
    if len(index) and not np.array_equal(index, np.arange(index[0], index[0] + len(index))):
        raise DataError(f"{name} has gaps")


def _dates_checker(freq: str | None) -> Callable[[pd.Index, str], None]:
    """A check that the index is dates and, with ``freq``, a gap-free run at that frequency."""

    def check(index: pd.Index, name: str) -> None:
        if not isinstance(index, pd.DatetimeIndex):
            raise DataError(f"{name} must be dates")
        if freq is None or not len(index):
            return
        expected = pd.date_range(index[0], periods=len(index), freq=freq)
        if not index.equals(expected):
            wrong = index[~index.isin(expected)]
            where = wrong[0].date() if len(wrong) else "somewhere"
            raise DataError(f"{name} is not a gap-free run of {freq} dates ({where})")

    return check


def _period_dates(index: pd.Index) -> str:
    if index[0] == index[-1]:
        return f"{index[0]:%Y-%m-%d}"
    return f"{index[0]:%Y-%m-%d} to {index[-1]:%Y-%m-%d}"


@dataclass(frozen=True)
class IndexKind:
    """How one kind of index is read, checked (order, gaps), written and described."""

    read: Callable[[pd.Series], pd.Index]
    check: Callable[[pd.Index, str], None]
    write: Callable[[object], str]
    period: Callable[[pd.Index], str]


_write_year: Callable[[object], str] = lambda v: str(int(v))  # type: ignore[call-overload]  # noqa: E731
_write_date: Callable[[object], str] = lambda v: pd.Timestamp(v).strftime("%Y-%m-%d")  # type: ignore[arg-type]  # noqa: E731

INDEX_KINDS: dict[str, IndexKind] = {
    "fiscal_year": IndexKind(_read_int_index, _check_years, _write_year,
                             lambda i: f"FY{i[0]} to FY{i[-1]}"),
    "year": IndexKind(_read_int_index, _check_years, _write_year,
                      lambda i: f"{i[0]} to {i[-1]}"),
    "month_end": IndexKind(_read_date_index, _dates_checker("ME"), _write_date,
                           lambda i: f"{i[0]:%Y-%m} to {i[-1]:%Y-%m} (monthly)"),
    "quarter_end": IndexKind(
        _read_date_index, _dates_checker("QE"), _write_date,
        lambda i: f"{i[0].year}Q{i[0].quarter} to {i[-1].year}Q{i[-1].quarter} (quarterly)"),
    "week_wednesday": IndexKind(_read_date_index, _dates_checker("W-WED"), _write_date,
                                lambda i: _period_dates(i) + " (weekly, Wednesdays)"),
    "business_day": IndexKind(_read_date_index, _dates_checker(None), _write_date,
                              lambda i: _period_dates(i) + " (daily)"),
    "date": IndexKind(_read_date_index, _dates_checker(None), _write_date, _period_dates),
}
"""``month_end``, ``quarter_end`` and ``week_wednesday`` are gap-free runs; ``business_day``
and ``date`` are sorted dates (gaps allowed: holidays, irregular events); ``fiscal_year`` and
``year`` are gap-free integers."""


@dataclass(frozen=True)
class Schema:
    """The index and columns of a dataset.

    ``index_kind`` is a key of :data:`INDEX_KINDS`. ``unique_index`` is false for tables with
    several rows per date (events, several securities at one date).
    """

    index_name: str
    index_kind: str
    columns: tuple[Column, ...]
    min_rows: int = 1
    unique_index: bool = True

    def __post_init__(self) -> None:
        if self.index_kind not in INDEX_KINDS:
            raise ValueError(f"index_kind must be one of {sorted(INDEX_KINDS)}")
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError(f"repeated column names in {names}")

    @property
    def index(self) -> IndexKind:
        """The index kind's behaviour."""
        return INDEX_KINDS[self.index_kind]


# --------------------------------------------------------------------------------------------
# Validation, reading and writing
# --------------------------------------------------------------------------------------------


def validate(frame: pd.DataFrame, schema: Schema) -> None:
    """Check ``frame`` against ``schema``; raise :class:`DataError` naming what fails.

    Checks: index name, order, repeats and (for periodic data) that no period is missing;
    the required columns, no unknown ones, their types, missing values and ranges.
    """
    index = frame.index
    if index.name != schema.index_name:
        raise DataError(f"index must be named {schema.index_name!r}, not {index.name!r}")
    if len(frame) < schema.min_rows:
        raise DataError(f"only {len(frame)} rows; at least {schema.min_rows} expected")
    if schema.unique_index and index.has_duplicates:
        raise DataError(f"repeated {schema.index_name} {index[index.duplicated()][0]}")
    if not index.is_monotonic_increasing:
        raise DataError(f"{schema.index_name} is not in increasing order")
    schema.index.check(index, schema.index_name)
    names = [c.name for c in schema.columns]
    missing = [c.name for c in schema.columns if not c.optional and c.name not in frame]
    if missing:
        raise DataError(f"missing columns {missing}")
    extra = [c for c in frame.columns if c not in names]
    if extra:
        raise DataError(f"unexpected columns {extra}")
    for column in schema.columns:
        if column.name not in frame:
            continue
        values = frame[column.name]
        if values.isna().any() and not column.nullable:
            raise DataError(f"column {column.name!r} has missing values")
        problem = COLUMN_KINDS[column.kind].check(values, column)
        if problem:
            raise DataError(f"column {column.name!r} {problem}")


def read_csv(payload: bytes, schema: Schema) -> pd.DataFrame:
    """A dataset CSV written by :func:`to_csv_bytes`, with typed columns and index."""
    known = {c.name: c for c in schema.columns}
    try:
        frame = pd.read_csv(io.BytesIO(payload), dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError) as exc:
        raise DataError(f"not a readable CSV: {exc}") from exc
    if frame.columns.size == 0 or frame.columns[0] != schema.index_name:
        raise DataError(f"first column must be {schema.index_name!r}")
    out: dict[str, object] = {}
    for name in frame.columns[1:]:
        column = known.get(name)
        if column is None:
            raise DataError(f"unexpected column {name!r}")
        try:
            out[name] = COLUMN_KINDS[column.kind].read(frame[name].astype(str)).array
        except (ValueError, TypeError) as exc:
            raise DataError(f"column {name!r}: {exc}") from exc
    try:
        index = schema.index.read(frame[schema.index_name])
    except (ValueError, TypeError) as exc:
        raise DataError(f"index {schema.index_name!r}: {exc}") from exc
    index.name = schema.index_name
    return pd.DataFrame(out, index=index)


def to_csv_bytes(frame: pd.DataFrame, schema: Schema) -> bytes:
    """The dataset as CSV bytes: index first, columns in schema order, ``\\n`` line ends.

    Floats are written with Python's shortest round-trip repr, so the bytes depend only on
    the values (the build is reproducible byte for byte).
    """
    columns = [c for c in schema.columns if c.name in frame]
    writers = [COLUMN_KINDS[c.kind].write for c in columns]
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow([schema.index_name, *(c.name for c in columns)])
    cells = [frame[c.name].to_numpy(dtype=object) for c in columns]
    for row, label in enumerate(frame.index):
        out.writerow([schema.index.write(label)] + [
            "" if _is_missing(values[row]) else write(values[row])
            for write, values in zip(writers, cells, strict=True)])
    return buffer.getvalue().encode("utf-8")


def period_text(frame: pd.DataFrame, schema: Schema) -> str:
    """The period a frame covers, e.g. ``"2000-03 to 2025-12 (monthly)"``."""
    return schema.index.period(frame.index)
