"""Congressional Budget Office: the baseline's budget projections and economic projections.

- Budget: the long-format CSV of CBO's ``cbo-data`` repository (``date,variable,value``
  with dates ``FY2024`` ..., USD billions), one file per baseline.
- Economy: ``Quarterly_January2025.csv`` of CBO's historical data and economic projections
  (``date,gdp,...`` with dates ``2024q4``; ``NA`` for missing), as published inside a zip
  file or on its own.

The URL of the economic zip file (``55022-2025-01-HistoricalEconomicData.zip``) is the one
cited by users of that release; it could not be checked from where this module was written.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pandas as pd

from ..errors import RawFormatError
from ..spec import Endpoint, register_endpoint
from .common import text_of

CBO_FILES = register_endpoint(Endpoint("cbo", "https://www.cbo.gov/system/files/{param}"))
CBO_DATA_GITHUB = register_endpoint(Endpoint(
    "cbo_github", "https://raw.githubusercontent.com/US-CBO/cbo-data/main/{param}"))


def parse_cbo_budget_long(raw: bytes) -> pd.DataFrame:
    """The long-format budget file as a table: fiscal years (int) by variable.

    Raises :class:`RawFormatError` for another header, a date that is not ``FYyyyy``, a value
    that is not a number or a variable given twice for one year.
    """
    what = "CBO budget projections (long CSV)"
    text = text_of(raw, what)
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    if [h.strip() for h in header] != ["date", "variable", "value"]:
        raise RawFormatError(f"{what}: unexpected header {','.join(header)[:80]!r}")
    if not text.endswith("\n"):
        raise RawFormatError(f"{what}: the file ends mid-line (cut short?)")
    cells: dict[tuple[int, str], float] = {}
    for number, row in enumerate(reader, start=2):
        if not row:
            continue
        if len(row) != 3 or not re.fullmatch(r"FY\d{4}", row[0]):
            raise RawFormatError(f"{what}: malformed line {number}: {','.join(row)[:60]!r}")
        key = (int(row[0][2:]), row[1])
        if key in cells:
            raise RawFormatError(f"{what}: {row[1]} for {row[0]} appears twice")
        try:
            cells[key] = float(row[2])
        except ValueError as exc:
            raise RawFormatError(f"{what}: line {number}: not a number {row[2]!r}") from exc
    if not cells:
        raise RawFormatError(f"{what}: no rows")
    series = pd.Series(cells)
    table = series.unstack()
    table.index.name = "fiscal_year"
    return table.sort_index()


def _quarterly_text(raw: bytes, what: str) -> str:
    if raw[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                names = [n for n in archive.namelist()
                         if re.search(r"(^|/)Quarterly_\w+\.csv$", n)]
                if not names:
                    raise RawFormatError(f"{what}: no Quarterly_*.csv in the zip file")
                raw = archive.read(names[0])
        except zipfile.BadZipFile as exc:
            raise RawFormatError(f"{what}: damaged zip file ({exc})") from exc
    return text_of(raw, what)


def parse_cbo_quarterly(raw: bytes) -> pd.DataFrame:
    """CBO's quarterly economic file (CSV, or the zip that holds it) with a quarter-end index.

    ``NA`` cells become NaN. Raises :class:`RawFormatError` when the first column is not
    ``date`` with ``yyyyqN`` labels, a value is not a number, or the file is cut short.
    """
    what = "CBO quarterly economic projections"
    text = _quarterly_text(raw, what)
    if not text.startswith("date,"):
        raise RawFormatError(f"{what}: the header does not start with 'date,': {text[:60]!r}")
    if not text.endswith("\n"):
        raise RawFormatError(f"{what}: the file ends mid-line (cut short?)")
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError) as exc:
        raise RawFormatError(f"{what}: not a readable CSV ({exc})") from exc
    labels = frame.pop("date")
    bad = ~labels.str.fullmatch(r"\d{4}q[1-4]")
    if bad.any():
        raise RawFormatError(f"{what}: bad quarter label {labels[bad].iloc[0]!r}")
    try:
        values = frame.replace({"NA": "", "": None}).apply(pd.to_numeric, errors="raise")
    except (ValueError, TypeError) as exc:
        raise RawFormatError(f"{what}: a value is not a number ({exc})") from exc
    periods = pd.PeriodIndex([label.replace("q", "Q") for label in labels], freq="Q")
    values.index = periods.to_timestamp(how="end").normalize()
    values.index.name = "quarter_end"
    return values.astype("float64")
