"""World Bank Commodity Price Data (the "Pink Sheet"): monthly prices, from the Excel file.

The World Bank publishes ``CMO-Historical-Data-Monthly.xlsx`` on its documents site. The
URL holds a document id that changes with editions (the file is re-posted under a new id
now and then), so a refresh that gets HTTP 404 needs the current link from the Commodity
Markets page (https://www.worldbank.org/en/research/commodity-markets). The id below is the
one in use when the course was built (the offline copy is the edition of 2 June 2026).

Layout of sheet ``Monthly Prices``: four title rows (``World Bank Commodity Price Data (The
Pink Sheet)``, ..., ``Updated on June 02, 2026``), a row of commodity names (``Gold``), a row
of units (``($/troy oz)``), then one row per month from ``1960M01`` (a month code in column
A); a price not available is ``…`` or empty.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

import pandas as pd

from ..errors import RawFormatError
from ..spec import Endpoint, Input, register_endpoint

PINK_SHEET = register_endpoint(Endpoint("worldbank", "https://thedocs.worldbank.org/en/doc/{param}"))
PINK_SHEET_MONTHLY = ("18675f1d1639c7a34d463f59263ba0a2-0050012025/related/"
                      "CMO-Historical-Data-Monthly.xlsx")
SHEET = "Monthly Prices"

_MONTH_CODE = re.compile(r"^(\d{4})M(\d{2})$")
_UPDATED = re.compile(r"Updated on (\w+ \d{1,2}, \d{4})")


def pink_sheet_input(key: str, local: str, mirror: str = "") -> Input:
    """The input for the Pink Sheet monthly workbook, found at ``local`` in a raw folder."""
    return Input(key, "worldbank", PINK_SHEET_MONTHLY, local, True, mirror)


def parse_pink_sheet(raw: bytes, commodity: str, unit: str) -> tuple[pd.Series, str]:
    """One commodity of the Pink Sheet's ``Monthly Prices`` sheet, and the edition's date.

    ``commodity`` and ``unit`` are the two header cells (``"Gold"``, ``"($/troy oz)"``).
    Returns the monthly prices (month-end index, float, as published; months without a price
    dropped) and the edition text (``"2 Jun 2026"``, from the ``Updated on`` title row).
    Raises :class:`RawFormatError` when the bytes are not an .xlsx workbook (an HTML page, a
    cut-short download), the sheet, the column or the edition line is missing, or a month is
    out of order.
    """
    import openpyxl  # only the build and refresh read Excel files

    what = f"World Bank Pink Sheet {commodity}"
    if not raw.startswith(b"PK"):
        raise RawFormatError(f"{what}: not an .xlsx workbook (starts {raw[:30]!r})")
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise RawFormatError(f"{what}: the workbook cannot be read ({exc}); cut short?") from exc
    try:
        if SHEET not in book.sheetnames:
            raise RawFormatError(f"{what}: no sheet {SHEET!r} (sheets: {book.sheetnames})")
        rows = [tuple(row) for row in book[SHEET].iter_rows(values_only=True)]
    finally:
        book.close()
    edition = None
    column = None
    for number, row in enumerate(rows[:20]):
        cells = ["" if c is None else str(c).strip() for c in row]
        match = _UPDATED.search(cells[0]) if cells else None
        if match:
            edition = datetime.strptime(match.group(1), "%B %d, %Y")
        if commodity in cells and number + 1 < len(rows):
            position = cells.index(commodity)
            below = rows[number + 1][position]
            if str(below).strip() != unit:
                raise RawFormatError(f"{what}: unit {below!r}, expected {unit!r}")
            column = position
    if column is None:
        raise RawFormatError(f"{what}: no column {commodity!r} {unit} in the header rows")
    if edition is None:
        raise RawFormatError(f"{what}: no 'Updated on ...' line in the title rows")
    months: list[pd.Timestamp] = []
    values: list[float] = []
    for number, row in enumerate(rows, start=1):
        match = _MONTH_CODE.match(str(row[0]).strip()) if row and row[0] is not None else None
        if not match:
            continue
        cell = row[column] if column < len(row) else None
        if cell is None or (isinstance(cell, str) and cell.strip() in ("", "…", "...")):
            continue
        if not isinstance(cell, int | float) or isinstance(cell, bool):
            raise RawFormatError(f"{what}: row {number} ({row[0]}): not a number: {cell!r}")
        months.append(pd.Timestamp(int(match.group(1)), int(match.group(2)), 1)
                      + pd.offsets.MonthEnd(0))
        values.append(float(cell))
    if not months:
        raise RawFormatError(f"{what}: no monthly rows (YYYYMmm) in sheet {SHEET!r}")
    prices = pd.Series(values, index=pd.DatetimeIndex(months, name="month_end"),
                       name=commodity, dtype="float64")
    if not prices.index.is_monotonic_increasing or prices.index.has_duplicates:
        raise RawFormatError(f"{what}: months out of order or repeated")
    return prices, f"{edition.day} {edition:%b %Y}"
