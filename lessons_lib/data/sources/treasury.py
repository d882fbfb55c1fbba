"""U.S. Treasury, "Daily Treasury Par Yield Curve Rates": the CSV download, one file per year.

The publisher serves one CSV per calendar year (``.../daily-treasury-rates.csv/{year}/all?
type=daily_treasury_yield_curve&field_tdr_date_value={year}&page&_format=csv``): header
``Date,"1 Mo","2 Mo",...,"30 Yr"``, dates ``MM/DD/YYYY``, newest row first, yields in percent
with two decimals, an empty cell where a maturity was not published that day. Treasury also
offers a 1990-2023 archive file, of which the course's raw folder holds a mirror.

One input, many years
---------------------
An :class:`~lessons_lib.data.spec.Input` has one ``param``, but the yearly endpoint needs one
request per year. The simplest design that serves both the offline build and ``refresh`` is
to let ``param`` be a *span of years* and give the endpoint a fetcher that loops over it:

* ``"2024"`` is one year (one request);
* ``"1990-2023"`` is every year from 1990 to 2023 (34 requests);
* ``"2025-"`` is 2025 to the current year (as many requests as years).

:func:`fetch_years` puts the year into the URL for each request and returns the yearly files
one after another in one body; :func:`parse_par_curve` reads such a body (each file keeps its
own header, so a column Treasury added in a later year, like "4 Mo" in 2022 or "1.5 Mo" in
2025, is read where it exists). Offline, each span's ``local`` file is one file of the raw
folder that covers the same years: the 1990-2023 archive, the 2024 file and the newest
yearly file. A dataset lists a few spans that together run from its first year to
``"YYYY-"``, so a refresh downloads every year exactly once and always reaches the present.

The parser also reads the two mirror layouts of the course's raw folder: the archive with
lower-cased headers and rows oldest first, and yearly files re-saved by pandas (ISO dates,
unquoted headers, trailing zeros dropped).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

import numpy as np
import pandas as pd

from ..errors import RawFormatError, RefreshError
from ..spec import Endpoint, Fetch, Input, register_endpoint
from .common import text_of

PAR_CURVE_URL = (
    "https://home.treasury.gov/resource-center/data-chart-center/interest-rates/"
    "daily-treasury-rates.csv/{param}/all?type=daily_treasury_yield_curve"
    "&field_tdr_date_value={param}&page&_format=csv"
)
"""The yearly CSV of the par yield curve; ``{param}`` is a year (or, for the fetcher, a span)."""

FIRST_YEAR = 1990
"""The first year of the par yield curve on Treasury's site."""

_SPAN = re.compile(r"^(\d{4})(?:-(\d{4})?)?$")
_SPAN_IN_URL = re.compile(r"field_tdr_date_value=(\d{4}(?:-(?:\d{4})?)?)(?=&|$)")
_TENOR = re.compile(r"^(\d+(?:\.\d+)?) (mo|yr)$", re.IGNORECASE)
_MISSING = {"", "N/A", "NA", "n/a"}


def current_year() -> int:
    """The current calendar year (UTC): the last year an open span ``"YYYY-"`` reaches."""
    return datetime.now(UTC).year


def span_years(span: str) -> list[int]:
    """The years of a span: ``"2024"`` -> [2024]; ``"1990-1992"`` -> [1990, 1991, 1992];
    ``"2025-"`` -> 2025 to :func:`current_year`. ValueError for anything else."""
    match = _SPAN.match(span)
    if not match:
        raise ValueError(f"not a year or span of years: {span!r} (e.g. '2024', '1990-2023', "
                         "'2025-')")
    first = int(match.group(1))
    if "-" not in span:
        last = first
    elif match.group(2):
        last = int(match.group(2))
    else:
        last = max(first, current_year())
    if first < FIRST_YEAR or last < first:
        raise ValueError(f"span {span!r}: years must run forwards from {FIRST_YEAR}")
    return list(range(first, last + 1))


def fetch_years(url: str, get: Fetch, timeout: float) -> bytes:
    """Download every year of the span in ``url`` and return the yearly CSVs one after another.

    The span is the value of ``field_tdr_date_value`` (see :func:`span_years`); each request
    has it replaced by one year. A URL without that field (a test server's template) is one
    plain GET. Each year's body must be a par-curve CSV (a header and only that year's dates;
    a header alone is accepted for a year with no data yet); otherwise :class:`RefreshError`
    names the year's URL, so a partial download never passes as a full one.
    """
    match = _SPAN_IN_URL.search(url)
    if not match:
        return get(url, timeout)
    span = match.group(1)
    parts = []
    for year in span_years(span):
        year_url = url.replace(span, str(year))
        body = get(year_url, timeout)
        try:
            table = parse_par_curve(body, f"Treasury par yield curve {year}", allow_empty=True)
        except RawFormatError as exc:
            raise RefreshError(f"{year_url}: {exc}") from exc
        wrong = table.index[table.index.year != year]
        if len(wrong):
            raise RefreshError(f"{year_url}: the file for {year} has the date {wrong[0]:%Y-%m-%d}")
        parts.append(text_of(body, year_url).rstrip("\r\n") + "\n")
    return "".join(parts).encode("utf-8")


PAR_CURVE = register_endpoint(Endpoint("treasury_par", PAR_CURVE_URL, fetch_years))


def par_curve_input(key: str, years: str, local: str, mirror: str = "") -> Input:
    """The input for the par yield curve in the span ``years``, found at ``local`` offline."""
    span_years(years)  # fail early on a malformed span
    return Input(key, "treasury_par", years, local, True, mirror)


def tenor_label(text: str) -> str | None:
    """The canonical label of a maturity column (``"3 yr"`` -> ``"3 Yr"``), or None."""
    match = _TENOR.match(text.strip())
    if not match:
        return None
    number = match.group(1)
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return f"{number} {match.group(2).capitalize()}"


def _read_date(text: str) -> pd.Timestamp:
    for fmt in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return pd.Timestamp(datetime.strptime(text, fmt))
        except ValueError:
            continue
    raise ValueError(text)


def _read_block(header: list[str], rows: list[tuple[int, list[str]]], what: str) -> pd.DataFrame:
    """One file's rows as a frame of floats (percent), index ascending."""
    labels = []
    for name in header[1:]:
        label = tenor_label(name)
        if label is None:
            raise RawFormatError(f"{what}: unexpected column {name!r} (expected maturities "
                                 "such as '3 Mo' or '10 Yr')")
        labels.append(label)
    if len(set(labels)) != len(labels):
        raise RawFormatError(f"{what}: a maturity appears twice in the header {header}")
    dates: list[pd.Timestamp] = []
    values = np.full((len(rows), len(labels)), np.nan)
    for position, (number, cells) in enumerate(rows):
        if len(cells) != len(header):
            raise RawFormatError(
                f"{what}: line {number} has {len(cells)} fields, the header {len(header)} "
                f"(cut short?): {','.join(cells)[:60]!r}")
        try:
            dates.append(_read_date(cells[0].strip()))
        except ValueError as exc:
            raise RawFormatError(f"{what}: line {number}: not a date: {cells[0][:30]!r}") from exc
        for column, cell in enumerate(cells[1:]):
            cell = cell.strip()
            if cell in _MISSING:
                continue
            try:
                values[position, column] = float(cell)
            except ValueError as exc:
                raise RawFormatError(
                    f"{what}: line {number}, {labels[column]}: not a number: {cell[:30]!r}"
                ) from exc
    index = pd.DatetimeIndex(dates, name="date")
    frame = pd.DataFrame(values, index=index, columns=labels)
    if index.is_monotonic_decreasing and not index.is_monotonic_increasing:
        frame = frame.iloc[::-1]
    if not frame.index.is_monotonic_increasing or frame.index.has_duplicates:
        raise RawFormatError(f"{what}: dates are neither in order nor in reverse order, or "
                             "a date is repeated")
    return frame


def parse_par_curve(raw: bytes, what: str = "Treasury par yield curve",
                    allow_empty: bool = False) -> pd.DataFrame:
    """The par yield curve in ``raw`` as a frame: date index (ascending), one float column
    per maturity labelled as Treasury does (``"1 Mo"``, ``"3 Yr"``, ...), percent.

    Reads the publisher's CSV (``Date,"1 Mo",...``, ``MM/DD/YYYY``, newest first), the
    archive mirror (lower-cased headers, oldest first), pandas re-saves (ISO dates) and
    several such files one after another (what :func:`fetch_years` returns); a maturity
    missing from one file or empty on a day is NaN. A date in two files must carry the same
    yields. Raises :class:`RawFormatError` for anything else: an HTML page, an unknown
    column, a row cut short, a malformed date or number, no rows (unless ``allow_empty``).
    """
    text = text_of(raw, what)
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        raise RawFormatError(f"{what}: empty file")
    blocks: list[tuple[list[str], list[tuple[int, list[str]]]]] = []
    for number, line in lines:
        cells = next(csv.reader(io.StringIO(line)))
        if cells and cells[0].strip().lower() == "date":
            blocks.append((cells, []))
        elif not blocks:
            raise RawFormatError(f"{what}: not a par yield curve CSV (line {number} is "
                                 f"{line[:60]!r}, expected a header starting with 'Date')")
        else:
            blocks[-1][1].append((number, cells))
    frames = [_read_block(header, rows, what) for header, rows in blocks]
    frame = pd.concat(frames, sort=False)
    if frame.index.has_duplicates:
        repeated = frame[frame.index.duplicated(keep=False)]
        for day, group in repeated.groupby(level=0):
            if not all(group[c].nunique(dropna=False) == 1 for c in group):
                raise RawFormatError(f"{what}: {day:%Y-%m-%d} appears twice with different "
                                     "yields")
        frame = frame[~frame.index.duplicated(keep="first")]
    frame = frame.sort_index()
    ordered = sorted(frame.columns, key=_tenor_months)
    frame = frame[ordered]
    frame.index.name = "date"
    if frame.empty and not allow_empty:
        raise RawFormatError(f"{what}: no rows")
    return frame


def _tenor_months(label: str) -> float:
    number, unit = label.split()
    return float(number) * (12 if unit == "Yr" else 1)
