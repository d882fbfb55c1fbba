"""FRED (Federal Reserve Bank of St. Louis): the CSV download of any series.

Also reads the re-saves that mirrors make of it: ``DATE,SERIES``, ``date,value``,
``Date,Value`` and pandas' ``,SERIES`` header, and values written as ``4.5`` or ``4.50``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from ..errors import RawFormatError
from ..spec import Endpoint, Input, register_endpoint
from .common import text_of

FRED = register_endpoint(
    Endpoint("fred", "https://fred.stlouisfed.org/graph/fredgraph.csv?id={param}"))


def fred_input(series: str, local: str, required: bool = True, mirror: str = "") -> Input:
    """The input for FRED series ``series``, found at ``local`` in a raw folder."""
    return Input(series, "fred", series, local, required, mirror)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_fred_csv(raw: bytes, series: str) -> pd.Series:
    """A FRED series from its CSV download (``fredgraph.csv``) as a float Series.

    Accepts the header ``observation_date,SERIES`` (current), ``DATE,SERIES`` (older) and the
    mirrors' ``date,value``, ``Date,Value`` and ``,SERIES``; missing observations (``.`` or
    empty) become NaN. Raises :class:`RawFormatError` for anything else, e.g. an HTML error
    page, or a file that does not end with a line break (FRED's always do: a download cut
    short mid-line).
    """
    text = text_of(raw, series)
    lines = text.splitlines()
    if not lines:
        raise RawFormatError(f"FRED {series}: empty response")
    header = [h.strip() for h in lines[0].split(",")]
    ok_headers = (["observation_date", series], ["DATE", series], ["date", "value"],
                  ["Date", "Value"], ["", series])
    if header not in [list(h) for h in ok_headers]:
        raise RawFormatError(f"FRED {series}: unexpected header {lines[0][:80]!r}")
    if not text.endswith("\n"):
        raise RawFormatError(f"FRED {series}: the file ends mid-line (cut short?): "
                             f"{lines[-1][:40]!r}")
    dates: list[str] = []
    values: list[float] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        parts = line.split(",")
        if len(parts) != 2 or not _ISO_DATE.match(parts[0]):
            raise RawFormatError(f"FRED {series}: malformed line {number}: {line[:80]!r}")
        cell = parts[1].strip()
        if cell in ("", "."):
            value = float("nan")
        else:
            try:
                value = float(cell)
            except ValueError as exc:
                raise RawFormatError(
                    f"FRED {series}: malformed value on line {number}: {cell[:40]!r}"
                ) from exc
        dates.append(parts[0])
        values.append(value)
    if not dates:
        raise RawFormatError(f"FRED {series}: no observations")
    index = pd.DatetimeIndex(pd.to_datetime(dates, format="%Y-%m-%d"), name="date")
    result = pd.Series(values, index=index, name=series, dtype="float64")
    if not result.index.is_monotonic_increasing or result.index.has_duplicates:
        raise RawFormatError(f"FRED {series}: dates out of order or repeated")
    return result


def weekly_usd_bn(raw: Mapping[str, bytes], series: str, start: str | None = None) -> pd.Series:
    """A FRED Wednesday-level series in USD millions as USD billions (exact: millions / 1,000).

    Observations before ``start`` (``YYYY-MM-DD``) and missing ones at either end are
    dropped; the result is indexed by Wednesday (``wednesday``).
    """
    values = parse_fred_csv(raw[series], series)
    if start is not None:
        values = values[values.index >= start]
    first, last = values.first_valid_index(), values.last_valid_index()
    if first is None or last is None:
        raise ValueError(f"FRED {series}: no observations")
    values = values.loc[first:last]
    if not (values.index.day_of_week == 2).all():
        bad = values.index[values.index.day_of_week != 2][0]
        raise ValueError(f"FRED {series}: {bad.date()} is not a Wednesday")
    out = values / 1000.0
    out.index = pd.DatetimeIndex(out.index, name="wednesday")
    return out


def weekly_vintage(index: pd.Index) -> str:
    """Caption text for weekly data, e.g. ``"weekly data to 3 Jun 2026"``."""
    return f"weekly data to {index[-1].day} {index[-1]:%b %Y}"
