"""Treasury International Capital (TIC): the SLT tables and the older country histories.

All files are served by the Treasury's TIC resource centre,
``https://ticdata.treasury.gov/resource-center/data-chart-center/tic/Documents/{file}``
(the address each SLT table prints on its own ``Link:`` line):

- ``slt_table1.txt``: U.S. long-term securities held by foreign residents, by country and
  month: holdings, net U.S. sales (= net foreign purchases) and valuation change, by type
  of security; tab-delimited, USD millions; net flows from 2023-02 (``n.a.`` before).
- ``slt_table3.txt``: U.S. Treasury securities held by foreign residents, by country and
  month: total, long-term and short-term holdings and net purchases; USD millions.
- ``slt_table5.txt``: Major Foreign Holders of Treasury Securities, the latest 13 months,
  one column per month; USD billions.
- ``slt3d_globl.csv``: the older Table 3D history of Treasury holdings by country (total,
  long-term, short-term), 2011-09 to 2023-01; USD millions, thousands separators.
- ``s1_globl.txt``: TIC Form S, monthly gross purchases and sales by foreigners of
  long-term securities, by type and country; USD millions; frozen by Treasury at 2023-01.

Every parser raises :class:`RawFormatError` when the layout is not recognised, for an HTML
page in place of the file, and for a file cut short (its closing notes missing, a row cut).
"""

from __future__ import annotations

import csv
import io
import re

import pandas as pd

from ..errors import RawFormatError
from ..spec import Endpoint, Input, register_endpoint
from .common import text_of

TIC_RESOURCE = register_endpoint(Endpoint(
    "tic_resource",
    "https://ticdata.treasury.gov/resource-center/data-chart-center/tic/Documents/{param}"))

_MIRROR_REPO = "KonstantineVM/dollar-breaking-point"


def tic_resource_input(key: str, file_name: str, local: str, mirror: str = "") -> Input:
    """The input for TIC resource-centre file ``file_name``, at ``local`` in a raw folder."""
    return Input(key, "tic_resource", file_name, local, True, mirror)


SLT_TABLE1_INPUT = tic_resource_input(
    "slt_table1", "slt_table1.txt", "flows/TIC_slt_table1.txt",
    f"{_MIRROR_REPO} build/data/treasury_tic/current/slt_tables/slt_table1.txt @d204d7e1; "
    "the publisher's tab-delimited layout, unchanged")
SLT_TABLE3_INPUT = tic_resource_input(
    "slt_table3", "slt_table3.txt", "flows/TIC_slt_table3.txt",
    f"{_MIRROR_REPO} build/data/treasury_tic/current/slt_tables/slt_table3.txt @d204d7e1; "
    "the publisher's tab-delimited layout, unchanged")
SLT_TABLE5_INPUT = tic_resource_input(
    "slt_table5", "slt_table5.txt", "flows/TIC_slt_table5.txt",
    f"{_MIRROR_REPO} build/data/treasury_tic/current/slt_tables/slt_table5.txt @d204d7e1; "
    "the publisher's tab-delimited layout, unchanged")
SLT3D_INPUT = tic_resource_input(
    "slt3d_globl", "slt3d_globl.csv", "flows/TIC_slt3d_globl.csv",
    f"{_MIRROR_REPO} build/reserve/rdt_evidence/tic/slt3d_globl.csv @001460cf; the "
    "publisher's CSV layout, unchanged")
S1_INPUT = tic_resource_input(
    "s1_globl", "s1_globl.txt", "flows/TIC_s1_globl_from1990.txt",
    f"{_MIRROR_REPO} build/reserve/rdt_evidence/tic/s1_globl.txt @001460cf; the "
    "publisher's tab-delimited layout with the rows before 1990-01 removed")

_MONTH = re.compile(r"^\d{4}-\d{2}$")


def _month_end(text: str) -> pd.Timestamp:
    return pd.Timestamp(f"{text}-01") + pd.offsets.MonthEnd(0)


def _number(cell: str, what: str) -> float:
    """A TIC cell as float: thousands separators and quotes dropped, ``n.a.`` is NaN."""
    text = cell.strip().strip('"').replace(",", "").strip()
    if text in ("n.a.", "na", ""):
        return float("nan")
    try:
        return float(text)
    except ValueError as exc:
        raise RawFormatError(f"{what}: not a number: {cell!r}") from exc


def _refuse_html(text: str, what: str) -> None:
    head = text.lstrip()[:200].lower()
    if head.startswith("<") or "<html" in head or "<!doctype" in head:
        raise RawFormatError(f"{what}: got an HTML page, not the TIC file")


def _rows(frame_rows: list[dict[str, object]], what: str) -> pd.DataFrame:
    if not frame_rows:
        raise RawFormatError(f"{what}: no data rows")
    frame = pd.DataFrame(frame_rows)
    if frame.duplicated(["country", "month_end"]).any():
        bad = frame[frame.duplicated(["country", "month_end"])].iloc[0]
        raise RawFormatError(f"{what}: {bad['country']} {bad['month_end']:%Y-%m} appears twice")
    return frame


def parse_slt_table(raw: bytes, what: str) -> pd.DataFrame:
    """An SLT country table (``slt_table1.txt``, ``slt_table3.txt``) in long form.

    Returns one row per country and month: ``country``, ``country_code``, ``month_end`` and
    the table's own machine field names (``for_lt_treas_pos``, ``for_lt_treas_net``, ...),
    USD millions, ``n.a.`` as NaN. The header row ``country / country_code / date`` names
    the fields; the ``Column definitions:`` block after the data must be present (without it
    the file was cut short).
    """
    text = text_of(raw, what)
    _refuse_html(text, what)
    lines = text.splitlines()
    if not lines or not re.match(r"Table \d+:", lines[0].strip()):
        raise RawFormatError(f"{what}: the title line 'Table N: ...' is missing")
    fields: list[str] | None = None
    rows: list[dict[str, object]] = []
    for number, line in enumerate(lines, start=1):
        cells = [c.strip() for c in line.split("\t")]
        if cells[:3] == ["country", "country_code", "date"]:
            fields = [c for c in cells[3:] if c]
            continue
        if fields is None or len(cells) < 3 or not _MONTH.match(cells[2]):
            continue
        values = cells[3:3 + len(fields)]
        if len(values) < len(fields) or any(v == "" for v in values):
            raise RawFormatError(f"{what}: line {number} has fewer cells than the header "
                                 f"(cut short?): {line[:60]!r}")
        row: dict[str, object] = {"country": cells[0].strip('"'), "country_code": cells[1],
                                  "month_end": _month_end(cells[2])}
        for name, cell in zip(fields, values, strict=True):
            row[name] = _number(cell, f"{what} line {number}")
        rows.append(row)
    if fields is None:
        raise RawFormatError(f"{what}: no header row 'country, country_code, date'")
    if not any(line.startswith("Column definitions:") for line in lines):
        raise RawFormatError(f"{what}: the 'Column definitions:' notes after the data are "
                             "missing; the file looks cut short")
    return _rows(rows, what)


def parse_slt_table5(raw: bytes) -> pd.DataFrame:
    """``slt_table5.txt`` (Major Foreign Holders, latest 13 months): months x holders.

    Returns a frame indexed by month end (oldest first) with one column per row label of
    the table (``Japan``, ``Grand Total``, ``Of Which: Foreign Official``, ...), USD
    billions as published. The ``Notes:`` block after the table must be present.
    """
    what = "TIC slt_table5"
    text = text_of(raw, what)
    _refuse_html(text, what)
    lines = text.splitlines()
    if not lines or "Major Foreign Holders of Treasury Securities" not in lines[0]:
        raise RawFormatError(f"{what}: title 'Major Foreign Holders of Treasury Securities' "
                             "not found on the first line")
    months: list[pd.Timestamp] | None = None
    columns: dict[str, list[float]] = {}
    for number, line in enumerate(lines, start=1):
        cells = [c.strip() for c in line.split("\t")]
        if cells[0] == "Country":
            stamps = [c for c in cells[1:] if c]
            if not stamps or not all(_MONTH.match(c) for c in stamps):
                raise RawFormatError(f"{what}: bad month header on line {number}")
            months = [_month_end(c) for c in stamps]
            continue
        if cells[0] == "Notes:":
            break
        if months is None or not cells[0]:
            continue
        values = cells[1:1 + len(months)]
        if len(values) < len(months) or any(v == "" for v in values):
            raise RawFormatError(f"{what}: line {number} ({cells[0]}) has missing months")
        columns[cells[0]] = [_number(v, f"{what} {cells[0]}") for v in values]
    if months is None:
        raise RawFormatError(f"{what}: no 'Country' header row of months")
    if not any(line.startswith("Notes:") for line in lines):
        raise RawFormatError(f"{what}: the 'Notes:' after the table are missing; the file "
                             "looks cut short")
    if "Grand Total" not in columns:
        raise RawFormatError(f"{what}: no 'Grand Total' row")
    frame = pd.DataFrame(columns, index=pd.DatetimeIndex(months, name="month_end"))
    return frame.sort_index()


def parse_slt3d(raw: bytes) -> pd.DataFrame:
    """``slt3d_globl.csv`` (Table 3D history) in long form, USD millions.

    Columns ``country``, ``country_code``, ``month_end``, ``total``, ``long_term``,
    ``short_term``. The foreign-official row, labelled ``Of which Foreign Official`` in
    this file, is renamed ``Of Which: Foreign Official`` as in ``slt_table3.txt``. The
    ``Notes:`` after the data must be present.
    """
    what = "TIC slt3d_globl"
    text = text_of(raw, what)
    _refuse_html(text, what)
    if "TABLE 3D" not in text[:1000].replace('","', "").upper():
        raise RawFormatError(f"{what}: title 'TABLE 3D' not found at the top")
    rows: list[dict[str, object]] = []
    notes = False
    for number, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
        if cells and cells[0].strip() == "Notes:":
            notes = True
            break
        if len(cells) < 3 or not _MONTH.match(cells[2].strip()):
            continue
        if len(cells) != 6 or any(c.strip() == "" for c in cells[3:]):
            raise RawFormatError(f"{what}: line {number} is not 6 cells (cut short?)")
        country = cells[0].strip()
        if country.lower() == "of which foreign official":
            country = "Of Which: Foreign Official"
        where = f"{what} line {number}"
        rows.append({"country": country, "country_code": cells[1].strip(),
                     "month_end": _month_end(cells[2].strip()),
                     "total": _number(cells[3], where), "long_term": _number(cells[4], where),
                     "short_term": _number(cells[5], where)})
    if not notes:
        raise RawFormatError(f"{what}: the 'Notes:' after the data are missing; the file "
                             "looks cut short")
    return _rows(rows, what)


S1_FIELDS = (
    "purchases_treasury", "purchases_agency", "purchases_corporate_bonds",
    "purchases_corporate_stocks", "purchases_foreign_bonds", "purchases_foreign_stocks",
    "sales_treasury", "sales_agency", "sales_corporate_bonds", "sales_corporate_stocks",
    "sales_foreign_bonds", "sales_foreign_stocks",
)
"""The twelve numbered columns [1]..[12] of ``s1_globl.txt``: gross purchases by foreigners
from U.S. residents ([1] marketable Treasury and Federal Financing Bank bonds and notes,
[2] bonds of U.S. government corporations and federally sponsored agencies, [3] U.S.
corporate and other bonds, [4] U.S. corporate stocks, [5] foreign bonds, [6] foreign stocks)
and gross sales by foreigners to U.S. residents ([7]..[12], same order)."""


def parse_s1_globl(raw: bytes) -> pd.DataFrame:
    """``s1_globl.txt`` (TIC Form S by country) in long form, USD millions.

    Columns ``country``, ``country_code``, ``month_end`` and :data:`S1_FIELDS`; adds
    ``net_treasury`` = [1] - [7], net foreign purchases of long-term marketable Treasury
    (and FFB) bonds and notes. The file has no closing notes, so a download cut short is
    caught by a row with too few cells, a missing final line break, or a ``Grand Total``
    block that lacks months the countries have.
    """
    what = "TIC s1_globl"
    text = text_of(raw, what)
    _refuse_html(text, what)
    if "Transactions with Foreigners in Long-term Domestic and Foreign Securities" \
            not in text[:2000]:
        raise RawFormatError(f"{what}: title 'U.S. Transactions with Foreigners in Long-term "
                             "Domestic and Foreign Securities' not found at the top")
    if not re.search(r"\[1\]\s+\[2\].*\[12\]", text[:5000]):
        raise RawFormatError(f"{what}: the column numbers [1]..[12] are missing")
    if not text.endswith("\n"):
        raise RawFormatError(f"{what}: the file ends mid-line (cut short?)")
    rows: list[dict[str, object]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        cells = line.split("\t")
        if len(cells) < 3 or not _MONTH.match(cells[2].strip()):
            continue
        values = [c for c in cells[3:] if c.strip() != ""]
        if len(values) != len(S1_FIELDS):
            raise RawFormatError(f"{what}: line {number} has {len(values)} values, not "
                                 f"{len(S1_FIELDS)} (cut short?)")
        row: dict[str, object] = {"country": cells[0].strip().strip('"'),
                                  "country_code": cells[1].strip(),
                                  "month_end": _month_end(cells[2].strip())}
        for name, cell in zip(S1_FIELDS, values, strict=True):
            row[name] = _number(cell, f"{what} line {number}")
        rows.append(row)
    frame = _rows(rows, what)
    total = set(frame.loc[frame["country"] == "Grand Total", "month_end"])
    if not total:
        raise RawFormatError(f"{what}: no 'Grand Total' rows (cut short?)")
    missing = set(frame["month_end"]) - total
    if missing:
        raise RawFormatError(f"{what}: 'Grand Total' lacks {min(missing):%Y-%m} (cut short?)")
    frame["net_treasury"] = frame["purchases_treasury"] - frame["sales_treasury"]
    return frame


def wide(frame: pd.DataFrame, field: str, countries: dict[str, str]) -> pd.DataFrame:
    """Month x column table of ``field`` for ``countries`` (publisher label -> column name).

    A country absent from ``frame`` gives a column of NaN; months are those of ``frame``.
    """
    months = pd.DatetimeIndex(sorted(frame["month_end"].unique()), name="month_end")
    out = pd.DataFrame(index=months)
    for label, column in countries.items():
        rows = frame[frame["country"] == label]
        out[column] = rows.set_index("month_end")[field].reindex(months)
    return out
