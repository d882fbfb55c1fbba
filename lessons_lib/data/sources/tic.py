"""Treasury International Capital (TIC): the major-foreign-holders history table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from ..errors import RawFormatError
from ..spec import Endpoint, Input, register_endpoint
from .common import text_of

TIC = register_endpoint(Endpoint("tic", "https://ticdata.treasury.gov/Publish/{param}"))
MFH_INPUT = Input("mfhhis01", "tic", "mfhhis01.txt", "mfhhis01.txt",
                  mirror="DimuthuAttanayake/US_foreign_debt mfhhis01.txt @ a2f19c5e, the "
                  "publisher's file as distributed (dated 3/18/26)")

_MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    start=1)}

TIC_ROWS = {
    "Japan": "japan_usd_bn",
    "China, Mainland": "china_usd_bn",
    "Grand Total": "all_foreign_usd_bn",
    "For. Official": "foreign_official_usd_bn",
}


@dataclass(frozen=True)
class TicTable:
    """The parsed TIC major-foreign-holders history table."""

    holdings: pd.DataFrame
    file_date: date
    revisions: dict[int, str]
    series_breaks: tuple[str, ...]


def _tic_cells(line: str) -> list[str]:
    return [cell.strip().strip('"').strip() for cell in line.rstrip("\r\n").split("\t")]


def parse_tic_mfh(raw: bytes) -> TicTable:
    """Parse ``mfhhis01.txt``: monthly holdings of the rows in :data:`TIC_ROWS`.

    The file is a stack of year blocks, newest first; each has a row of month names, a
    ``Country`` row of years and one row per holder, tab-separated, newest month on the left.
    At a series break a month appears twice; the left value (the newer series, which
    continues into later months) is kept. Raises :class:`RawFormatError` when the layout is
    not recognised or a month is missing.
    """
    text = text_of(raw, "TIC mfhhis01")
    if "MAJOR FOREIGN HOLDERS OF TREASURY SECURITIES" not in text.upper()[:2000]:
        raise RawFormatError("TIC mfhhis01: title 'MAJOR FOREIGN HOLDERS OF TREASURY "
                             "SECURITIES' not found at the top")
    lines = text.splitlines()
    values: dict[str, dict[pd.Timestamp, float]] = {col: {} for col in TIC_ROWS.values()}
    breaks: list[str] = []
    months: list[pd.Timestamp | None] = []
    for position, line in enumerate(lines):
        cells = _tic_cells(line)
        label = cells[0]
        if label == "Country":
            if position == 0:
                raise RawFormatError("TIC mfhhis01: 'Country' row without month names")
            names = _tic_cells(lines[position - 1])[1:]
            years = cells[1:]
            months = []
            seen: set[pd.Timestamp] = set()
            for month_name, year in zip(names, years, strict=False):
                if not month_name and not year:
                    continue
                if month_name not in _MONTHS or not year.isdigit():
                    raise RawFormatError(
                        f"TIC mfhhis01: bad column header {month_name!r} {year!r} near line "
                        f"{position + 1}")
                stamp = pd.Timestamp(int(year), _MONTHS[month_name], 1) + pd.offsets.MonthEnd(0)
                if stamp in seen:
                    breaks.append(f"{stamp:%Y-%m}")
                    months.append(None)  # older series shown for comparison: skip
                else:
                    seen.add(stamp)
                    months.append(stamp)
            continue
        column = TIC_ROWS.get(label)
        if column is None or not months:
            continue
        numbers = cells[1:]
        for stamp, cell in zip(months, numbers, strict=False):
            if stamp is None or cell == "":
                continue
            try:
                value = float(cell.replace(",", ""))
            except ValueError as exc:
                raise RawFormatError(
                    f"TIC mfhhis01: {label} {stamp:%Y-%m}: not a number: {cell!r}") from exc
            if stamp in values[column]:
                raise RawFormatError(f"TIC mfhhis01: {label} {stamp:%Y-%m} appears twice")
            values[column][stamp] = value
    if not values["japan_usd_bn"]:
        raise RawFormatError("TIC mfhhis01: no 'Japan' rows found")
    frame = pd.DataFrame(values).sort_index()
    frame.index.name = "month_end"
    if frame.isna().any().any():
        bad = frame[frame.isna().any(axis=1)].index[0]
        raise RawFormatError(f"TIC mfhhis01: a holder row is missing for {bad:%Y-%m}")
    file_date = None
    for line in lines:
        match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2})", _tic_cells(line)[0])
        if match:
            month, day, year = (int(g) for g in match.groups())
            file_date = date(2000 + year, month, day)
            break
    if file_date is None:  # the dated footer closes the tables: without it the file is cut
        raise RawFormatError("TIC mfhhis01: no file date (m/d/yy) after the tables; the "
                             "file looks cut short")
    revisions: dict[int, str] = {}
    for line in lines:
        match = re.fullmatch(r"\((\d{4}) revised (\w+ \d{1,2}, \d{4})\)", _tic_cells(line)[0])
        if match:
            revisions.setdefault(int(match.group(1)), match.group(2))
    return TicTable(frame, file_date, revisions, tuple(sorted(set(breaks))))



def vintage(table: TicTable) -> str:
    """Caption text for the table's vintage, e.g. ``"revised vintage of 18 Mar 2026"``."""
    return f"revised vintage of {table.file_date.day} {table.file_date:%b %Y}"
