"""Monthly Statement of the Public Debt (MSPD): marketable debt by month of maturity and kind.

Two layouts give the same table (USD millions by month of maturity and kind of security):

- the publisher's: FiscalData's MSPD table 3, marketable securities (``mspd_table_3_market``),
  one record per security (and per issue of a reopened security), read through the
  FiscalData endpoint of :mod:`.fiscaldata` (with its paging);
- a mirror's: a JSON aggregation of the MSPD ``Entire`` Excel file made by a third-party
  dashboard, ``{"monthly": [{"ym": "2026-05", "bill": ..., "note": ..., "bond": ...,
  "tips": ..., "frn": ..., "total_millions": ...}, ...]}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd

from ..errors import RawFormatError
from .common import text_of
from .fiscaldata import FISCALDATA, amount, parse_fiscaldata_records

KINDS = ("bills", "notes", "bonds", "tips", "frn")
"""The kinds of marketable security, in the order of the dataset's columns."""

MSPD_CLASSES = {
    "Bills Maturity Value": "bills",
    "Notes": "notes",
    "Bonds": "bonds",
    "Inflation-Protected Securities": "tips",
    "Inflation-Indexed Notes": "tips",
    "Inflation-Indexed Bonds": "tips",
    "Floating Rate Notes": "frn",
}
"""``security_class1_desc`` of MSPD table 3 per kind; other classes (Federal Financing Bank,
totals) are left out, as the MSPD's total marketable debt held by the public leaves them."""

_MIRROR_KEYS = {"bill": "bills", "note": "notes", "bond": "bonds", "tips": "tips", "frn": "frn"}

ENDPOINT_KIND = FISCALDATA.kind
"""MSPD table 3 is served by the FiscalData API (the same endpoint, with paging)."""


@dataclass(frozen=True)
class MaturityTable:
    """Amounts outstanding (USD millions) by month of maturity (month-end) and kind.

    ``reference_date`` is the statement's date (the end of the month it describes).
    """

    millions: pd.DataFrame
    reference_date: pd.Timestamp


def _month_end(text: str, what: str) -> pd.Timestamp:
    try:
        return pd.Timestamp(text[:7] + "-01") + pd.offsets.MonthEnd(0)
    except ValueError as exc:
        raise RawFormatError(f"{what}: not a month: {text!r}") from exc


def _finish(cells: dict[pd.Timestamp, dict[str, float]], reference: pd.Timestamp,
            what: str) -> MaturityTable:
    if not cells:
        raise RawFormatError(f"{what}: no marketable securities with a maturity date")
    frame = pd.DataFrame.from_dict(cells, orient="index").reindex(columns=list(KINDS))
    frame = frame.fillna(0.0).sort_index()
    # one row per month from the first maturity to the last: months with nothing are zero
    months = pd.date_range(frame.index[0], frame.index[-1], freq="ME")
    frame = frame.reindex(months, fill_value=0.0)
    frame.index.name = "month_end"
    if frame.index[0] <= reference:
        raise RawFormatError(f"{what}: maturities on or before the statement's date "
                             f"{reference:%Y-%m-%d}")
    return MaturityTable(frame, reference)


def parse_mspd_mirror(raw: bytes) -> MaturityTable:
    """The mirror's JSON (``{"monthly": [...]}``) as a :class:`MaturityTable`.

    The mirror does not state the statement's date: it is taken as the end of the month
    before the first month of maturity (the MSPD lists every bill maturing in the next month).
    Each row's ``total_millions`` must equal the sum of its kinds (to 0.01 million).
    """
    what = "MSPD maturity profile (mirror JSON)"
    try:
        body = json.loads(text_of(raw, what))
        rows = body["monthly"]
    except (ValueError, KeyError, TypeError) as exc:
        raise RawFormatError(f"{what}: not the expected JSON with a 'monthly' list "
                             f"({exc!r})") from exc
    if not isinstance(rows, list) or not rows:
        raise RawFormatError(f"{what}: 'monthly' is empty")
    cells: dict[pd.Timestamp, dict[str, float]] = {}
    for row in rows:
        try:
            stamp = _month_end(str(row["ym"]), what)
            values = {column: float(row[key]) for key, column in _MIRROR_KEYS.items()}
            total = float(row["total_millions"])
        except (KeyError, TypeError, ValueError) as exc:
            raise RawFormatError(f"{what}: malformed row {row!r:.80} ({exc!r})") from exc
        if abs(sum(values.values()) - total) > 0.01:
            raise RawFormatError(f"{what}: {stamp:%Y-%m}: kinds do not add up to the total")
        if stamp in cells:
            raise RawFormatError(f"{what}: month {stamp:%Y-%m} appears twice")
        cells[stamp] = values
    reference = min(cells) - pd.offsets.MonthEnd(1)
    return _finish(cells, reference, what)


def parse_mspd_table3(raw: bytes) -> MaturityTable:
    """FiscalData's ``mspd_table_3_market`` records, aggregated by month of maturity and kind.

    Uses the records of the latest ``record_date`` in the response. Each security's
    ``outstanding_amt`` (USD millions; for TIPS it includes the inflation adjustment, as the
    MSPD's totals do) is added to the month of its ``maturity_date`` under the kind of its
    ``security_class1_desc`` (:data:`MSPD_CLASSES`). Records without a maturity date or with
    a null outstanding amount (subtotals, and the extra issue lines of reopened securities,
    whose amount is on the security's main line) are skipped.
    """
    what = "MSPD table 3 (mspd_table_3_market)"
    records = parse_fiscaldata_records(raw, what)
    if not records:
        raise RawFormatError(f"{what}: no records in the response")
    if "security_class1_desc" not in records[0] or "maturity_date" not in records[0]:
        raise RawFormatError(f"{what}: records lack security_class1_desc or maturity_date")
    latest = max(r["record_date"] for r in records)
    reference = pd.Timestamp(latest)
    cells: dict[pd.Timestamp, dict[str, float]] = {}
    for record in records:
        if record["record_date"] != latest:
            continue
        kind = MSPD_CLASSES.get(record.get("security_class1_desc", ""))
        maturity = record.get("maturity_date", "")
        if kind is None or maturity in ("", "null", "None"):
            continue
        if str(record.get("security_class2_desc", "")).startswith("Total"):
            continue
        value = amount(record.get("outstanding_amt", ""))
        if pd.isna(value) or value == 0:
            continue
        stamp = _month_end(maturity, what)
        month = cells.setdefault(stamp, dict.fromkeys(KINDS, 0.0))
        month[kind] += value
    return _finish(cells, reference, what)


def parse_maturity_profile(raw: bytes) -> MaturityTable:
    """Either layout: the mirror's ``{"monthly": ...}`` JSON or FiscalData's MSPD table 3."""
    head = text_of(raw[:4000], "MSPD maturity profile").lstrip()
    if head.startswith("{") and '"monthly"' in head[:200]:
        return parse_mspd_mirror(raw)
    return parse_mspd_table3(raw)
