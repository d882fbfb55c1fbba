"""Treasury auction results: TreasuryDirect's securities API and FiscalData's auctions_query.

Both serve the Bureau of the Fiscal Service's auction results. Layouts read here:

- FiscalData ``v1/accounting/od/auctions_query`` (JSON, one record per auction; read with
  :func:`~.fiscaldata.parse_fiscaldata_records`), whose bidder shares are computed here from
  the accepted amounts; and the mirror's table of 10-year note auctions with the shares
  already computed (``date,tenor,term,reopening,cusip,size_bn,high_yield,median_yield,
  bid_to_cover,dealer_pct,direct_pct,indirect_pct,dispersion_bp``);
- TreasuryDirect's ``TA_WS/securities/search`` (JSON list of auctions, camelCase fields
  ``auctionDate``, ``reopening``, ``bidToCoverRatio``); and the mirror's re-save of its
  bid-to-cover ratios as ``date,BIDTOCOVER_10Y``.

The TreasuryDirect URL template below is the securities search of its public web service;
it could not be checked from where this module was written.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd

from ..errors import RawFormatError
from ..spec import Endpoint, register_endpoint
from .common import text_of
from .fiscaldata import amount, parse_fiscaldata_records

TREASURYDIRECT = register_endpoint(Endpoint(
    "treasurydirect", "https://www.treasurydirect.gov/TA_WS/securities/search?{param}"))

TEN_YEAR_TERM = re.compile(r"^(10-Year|9-Year( \d{1,2}-Month)?)$")
"""Terms of a 10-year note at auction: ``10-Year`` new issues, ``9-Year 10-Month`` and
``9-Year 11-Month`` reopenings. A reopening of an old 10-year note sold as a 3-year note
(2019-11-05) has term ``3-Year`` and is left out."""

MIN_OFFERING_USD_BN = 1.0
"""Auctions offering less than this (USD billions) are left out: the one in 2015-2025 is a
$25 million reopening on 2019-06-21, all taken by dealers, which is not a market auction."""

AUCTION_COLUMNS = (
    "cusip", "reopening", "offering_usd_bn", "high_yield_pct", "median_yield_pct",
    "bid_to_cover", "dealer_pct", "direct_pct", "indirect_pct",
)


def _yes(value: str) -> bool:
    text = str(value).strip().lower()
    if text in ("yes", "true", "y"):
        return True
    if text in ("no", "false", "n"):
        return False
    raise RawFormatError(f"auctions: reopening flag {value!r} is neither yes nor no")


def _auction_frame(rows: list[dict[str, object]], what: str) -> pd.DataFrame:
    if not rows:
        raise RawFormatError(f"{what}: no 10-year note auctions in the response")
    frame = pd.DataFrame(rows).set_index("auction_date").sort_index()
    frame.index = pd.DatetimeIndex(frame.index, name="auction_date")
    if frame.index.has_duplicates:
        raise RawFormatError(f"{what}: two auctions on {frame.index[frame.index.duplicated()][0]}")
    frame["reopening"] = frame["reopening"].astype("boolean")
    return frame[list(AUCTION_COLUMNS)]


def _keep(term: str, offering_bn: float) -> bool:
    return bool(TEN_YEAR_TERM.match(term.strip())) and offering_bn >= MIN_OFFERING_USD_BN


def parse_auctions_query(raw: bytes) -> pd.DataFrame:
    """10-year note auctions from FiscalData's ``auctions_query`` JSON (or its CSV download).

    Keeps nominal notes (``security_type`` Note, not inflation-indexed, not floating) whose
    term is a 10-year note's (:data:`TEN_YEAR_TERM`) and whose offering is at least
    :data:`MIN_OFFERING_USD_BN`. Shares of primary dealers, direct and indirect bidders are
    their accepted amounts over competitive accepted (``comp_accepted``), in percent;
    amounts in dollars become USD billions.
    """
    what = "FiscalData auctions_query"
    records = parse_fiscaldata_records(raw, what)
    if not records:
        raise RawFormatError(f"{what}: no records in the response")
    rows = []
    for record in records:
        if record.get("security_type") != "Note":
            continue
        if record.get("inflation_index_security", "No") == "Yes":
            continue
        if record.get("floating_rate", "No") == "Yes":
            continue
        try:
            offering = amount(record["offering_amt"]) / 1e9
            competitive = amount(record["comp_accepted"])
            dealers = amount(record["primary_dealer_accepted"])
            direct = amount(record["direct_bidder_accepted"])
            indirect = amount(record["indirect_bidder_accepted"])
            row = {
                "auction_date": record["auction_date"],
                "cusip": record["cusip"],
                "reopening": _yes(record["reopening"]),
                "offering_usd_bn": offering,
                "high_yield_pct": amount(record["high_yield"]),
                "median_yield_pct": amount(record["avg_med_yield"]),
                "bid_to_cover": amount(record["bid_to_cover_ratio"]),
                "dealer_pct": dealers / competitive * 100,
                "direct_pct": direct / competitive * 100,
                "indirect_pct": indirect / competitive * 100,
            }
        except KeyError as exc:
            raise RawFormatError(f"{what}: record without field {exc}") from exc
        except ZeroDivisionError as exc:
            raise RawFormatError(f"{what}: {record.get('auction_date')}: competitive "
                                 "accepted is zero") from exc
        if pd.isna(row["bid_to_cover"]):  # announced, not yet auctioned
            continue
        if _keep(record.get("security_term", ""), offering):
            rows.append(row)
    return _auction_frame(rows, what)


_MIRROR_HEADER = ["date", "tenor", "term", "reopening", "cusip", "size_bn", "high_yield",
                  "median_yield", "bid_to_cover", "dealer_pct", "direct_pct", "indirect_pct",
                  "dispersion_bp"]


def parse_auctions_mirror(raw: bytes) -> pd.DataFrame:
    """10-year note auctions from the mirror's table (shares already computed).

    Applies the same rules as :func:`parse_auctions_query` (term and minimum size).
    """
    what = "10-year note auctions (mirror CSV)"
    text = text_of(raw, what)
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    if header != _MIRROR_HEADER:
        raise RawFormatError(f"{what}: unexpected header {','.join(header)[:80]!r}")
    if not text.endswith("\n"):
        raise RawFormatError(f"{what}: the file ends mid-line (cut short?)")
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not cells:
            continue
        if len(cells) != len(header):
            raise RawFormatError(f"{what}: line {number} has {len(cells)} cells")
        cell = dict(zip(header, cells, strict=True))
        try:
            offering = float(cell["size_bn"])
            row = {
                "auction_date": cell["date"],
                "cusip": cell["cusip"],
                "reopening": _yes(cell["reopening"]),
                "offering_usd_bn": offering,
                "high_yield_pct": float(cell["high_yield"]),
                "median_yield_pct": float(cell["median_yield"]),
                "bid_to_cover": float(cell["bid_to_cover"]),
                "dealer_pct": float(cell["dealer_pct"]),
                "direct_pct": float(cell["direct_pct"]),
                "indirect_pct": float(cell["indirect_pct"]),
            }
        except ValueError as exc:
            raise RawFormatError(f"{what}: line {number}: {exc}") from exc
        if cell["tenor"] == "10-Year" and _keep(cell["term"], offering):
            rows.append(row)
    return _auction_frame(rows, what)


def parse_auctions(raw: bytes) -> pd.DataFrame:
    """Either layout: the mirror's CSV (header ``date,tenor,...``) or FiscalData's."""
    if text_of(raw[:200], "auctions").lstrip().startswith("date,tenor,"):
        return parse_auctions_mirror(raw)
    return parse_auctions_query(raw)


def parse_bid_to_cover(raw: bytes, series: str, term: str) -> pd.Series:
    """Bid-to-cover ratios of the original issues of ``term`` (e.g. "10-Year"), by auction date.

    Reads TreasuryDirect's ``TA_WS/securities/search`` JSON (a list of auctions: keeps those
    with ``securityTerm`` ``term``, ``reopening`` "No", not inflation-indexed or floating, and
    a ``bidToCoverRatio``) or the mirror's ``date,SERIES`` CSV (already those auctions).
    """
    text = text_of(raw, series)
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            auctions = json.loads(stripped)
        except ValueError as exc:
            raise RawFormatError(f"{series}: not valid JSON ({exc})") from exc
        values: dict[str, float] = {}
        for item in auctions:
            if not isinstance(item, dict) or "auctionDate" not in item:
                raise RawFormatError(f"{series}: not a TreasuryDirect securities list")
            ratio = str(item.get("bidToCoverRatio") or "")
            if (item.get("securityTerm") != term
                    or str(item.get("reopening", "")).lower() != "no"
                    or item.get("inflationIndexSecurity") == "Yes"
                    or item.get("floatingRate") == "Yes"
                    or ratio in ("", "null")):
                continue
            values[str(item["auctionDate"])[:10]] = float(ratio)
    else:
        lines = stripped.splitlines()
        if not lines or [h.strip() for h in lines[0].split(",")] != ["date", series]:
            raise RawFormatError(f"{series}: unexpected header {lines[0][:80] if lines else ''!r}")
        if not text.endswith("\n"):
            raise RawFormatError(f"{series}: the file ends mid-line (cut short?)")
        values = {}
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            parts = line.split(",")
            if len(parts) != 2 or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", parts[0]):
                raise RawFormatError(f"{series}: malformed line {number}: {line[:60]!r}")
            try:
                values[parts[0]] = float(parts[1])
            except ValueError as exc:
                raise RawFormatError(f"{series}: line {number}: {parts[1]!r}") from exc
    if not values:
        raise RawFormatError(f"{series}: no auctions")
    result = pd.Series(values, dtype="float64").sort_index()
    result.index = pd.DatetimeIndex(pd.to_datetime(result.index, format="%Y-%m-%d"), name="date")
    return result
