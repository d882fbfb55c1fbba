"""The course's datasets: shipped, validated on load, refreshable from the publishers.

Every chart and claim check in the course reads its figures through this module::

    from lessons_lib import data
    holdings = data.load("tic_holdings")        # USD billions, month-end index
    print(data.caption("tic_holdings"))         # one line for a figure caption

The package ships one CSV per dataset in ``lessons_lib/datasets/`` with a manifest
(``manifest.json``) that records each file's SHA-256, its period and the date the figures were
retrieved. :func:`load` checks the checksum and a schema (columns, ranges, no gaps where none
belong) every time, so a damaged file fails loudly and names itself.

:func:`refresh` downloads the current series from the publisher's public endpoint (FRED CSV,
Treasury FiscalData API, TIC tables), builds the same table, validates it and writes it
atomically to a user cache (``LESSONS_LIB_CACHE`` or the platform's cache folder). The shipped
copies are never touched; ``load(name, prefer_cache=True)`` reads the refreshed copy.

The same parsing and building functions serve ``tools/build_data.py``, which makes the shipped
CSVs from a folder of raw files (``--from-dir``) or from the publishers.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from http.client import HTTPException
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "DataError",
    "DataIntegrityError",
    "RawFormatError",
    "RefreshError",
    "SourceInfo",
    "UnknownDatasetError",
    "available",
    "cache_dir",
    "caption",
    "describe",
    "download_only",
    "load",
    "refresh",
    "sources",
]

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1

# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


class DataError(ValueError):
    """Base class of this module's errors (a ``ValueError``)."""


class UnknownDatasetError(DataError, KeyError):
    """A dataset name that the course does not ship; the message lists the available names."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class DataIntegrityError(DataError):
    """A shipped or cached file that is missing, altered or breaks its schema."""


class RawFormatError(DataError):
    """A publisher's file or response that does not have the expected layout."""


class RefreshError(DataError):
    """A download that failed, was cut short or was malformed; no data was replaced."""


# --------------------------------------------------------------------------------------------
# Schemas and dataset specifications
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of a dataset: its name (with the unit), type and allowed range.

    ``kind`` is ``"float"``, ``"int"``, ``"str"``, ``"bool"`` or ``"date"``. ``optional`` columns
    may be absent (a series the offline build could not source); ``nullable`` ones may hold
    missing values (the ``notes`` of the dataset say where and why).
    """

    name: str
    kind: str = "float"
    low: float | None = None
    high: float | None = None
    nullable: bool = False
    optional: bool = False


@dataclass(frozen=True)
class Schema:
    """The index and columns of a dataset.

    ``index_kind`` is ``"month_end"`` (DatetimeIndex of month-end dates, monthly, no gaps),
    ``"quarter_end"`` (quarterly, no gaps), ``"fiscal_year"`` or ``"year"`` (integers, annual,
    no gaps) or ``"date"`` (DatetimeIndex, sorted; repeats and gaps allowed).
    """

    index_name: str
    index_kind: str
    columns: tuple[Column, ...]
    min_rows: int = 1
    unique_index: bool = True


@dataclass(frozen=True)
class Input:
    """One raw input of a dataset: where to download it and where it sits in a raw folder.

    ``kind`` picks the endpoint: ``"fred"`` (``param`` is a FRED series id), ``"fiscaldata"``
    (``param`` is an API path plus query) or ``"tic"`` (``param`` is a file name under
    ``/Publish/``). ``local`` is the file's path inside a ``--from-dir`` folder.
    """

    key: str
    kind: str
    param: str
    local: str
    required: bool = True


@dataclass(frozen=True)
class SourceInfo:
    """Where a dataset comes from, for captions and further reading.

    ``period`` and ``retrieved`` come from the manifest of the copy that :func:`load` would
    read; everything else is fixed in this module.
    """

    name: str
    publisher: str
    title: str
    url: str
    series: tuple[str, ...]
    units: str
    period: str
    retrieved: str
    vintage: str
    transformation: str
    notes: str


@dataclass(frozen=True)
class DatasetSpec:
    """Everything the module knows about one dataset besides its figures."""

    name: str
    schema: Schema
    publisher: str
    short_source: str
    title: str
    url: str
    series: tuple[str, ...]
    units: str
    transformation: str
    notes: str = ""
    inputs: tuple[Input, ...] = ()
    curated: str | None = None
    shipped: bool = True

    @property
    def refreshable(self) -> bool:
        """True when the dataset can be downloaded from a public endpoint."""
        return bool(self.inputs) and self.curated is None


FRED_URL = "https://fred.stlouisfed.org/graph/fredgraph.csv?id={param}"
FISCALDATA_URL = "https://api.fiscaldata.treasury.gov/services/api/fiscal_service/{param}"
TIC_URL = "https://ticdata.treasury.gov/Publish/{param}"
DEFAULT_ENDPOINTS: dict[str, str] = {
    "fred": FRED_URL,
    "fiscaldata": FISCALDATA_URL,
    "tic": TIC_URL,
}

_TIC = Input("mfhhis01", "tic", "mfhhis01.txt", "mfhhis01.txt")


def _fred(series: str, local: str, required: bool = True) -> Input:
    return Input(series, "fred", series, local, required)


_USD_BN = "USD billions"

SPECS: dict[str, DatasetSpec] = {}


def _register(spec: DatasetSpec) -> None:
    SPECS[spec.name] = spec


_register(
    DatasetSpec(
        name="tic_holdings",
        schema=Schema(
            "month_end",
            "month_end",
            (
                Column("japan_usd_bn", low=100, high=2500),
                Column("china_usd_bn", low=10, high=2500),
                Column("all_foreign_usd_bn", low=500, high=20000),
                Column("foreign_official_usd_bn", low=300, high=10000),
            ),
            min_rows=120,
        ),
        publisher="U.S. Department of the Treasury / Federal Reserve Board",
        short_source="U.S. Treasury, TIC major foreign holders (mfhhis01)",
        title="Major Foreign Holders of Treasury Securities, historical table (mfhhis01.txt)",
        url=TIC_URL.format(param="mfhhis01.txt"),
        series=("Japan", "China, Mainland", "Grand Total", "For. Official"),
        units=_USD_BN + ", holdings at end of month",
        transformation=(
            "Parsed the rows Japan, 'China, Mainland', Grand Total and For. Official from the "
            "year blocks of mfhhis01.txt (monthly, newest vintage). Where the file shows two "
            "values for one month at a series break (annual survey benchmarks: Mar 2000 and "
            "each June 2002-2011), the newer series is kept (the left-hand column, which "
            "continues into the following months); the older series' value, shown by TIC for "
            "comparison only, is dropped. Values as published (one decimal)."
        ),
        notes=(
            "Holdings are custodial: they are attributed to the country of the custodian or "
            "holder, include private holders, and miss securities held through custodians "
            "elsewhere (Belgium, Luxembourg, UK). Since Dec 2011 bonds and notes are at market "
            "value (form SLT), so monthly changes mix trades and price changes. Series breaks "
            "before 2012 can move a country's level by tens of billions. Japan and China here "
            "are the revised vintage; see japan_holdings_vintages for first-published values."
        ),
        inputs=(_TIC,),
    )
)

_register(
    DatasetSpec(
        name="japan_holdings_vintages",
        schema=Schema(
            "month_end",
            "month_end",
            (
                Column("first_published_usd_bn", low=900, high=1400),
                Column("first_published_precision_usd_bn", low=0.1, high=1.0),
                Column("first_published_approximate", kind="bool"),
                Column("first_published_on", kind="date"),
                Column("first_published_source", kind="str"),
                Column("revised_usd_bn", low=900, high=1400),
                Column("revised_vintage", kind="str"),
            ),
        ),
        publisher="U.S. Department of the Treasury (TIC), as first reported by the press",
        short_source="U.S. Treasury TIC: first-published values as reported by Yicai and "
        "Reuters; revised values from mfhhis01",
        title="Japan's holdings of U.S. Treasury securities, Mar-May 2024: first-published "
        "and revised",
        url=TIC_URL.format(param="mfhhis01.txt"),
        series=("Japan",),
        units=_USD_BN + ", holdings at end of month",
        transformation=(
            "First-published values transcribed from press reports of the TIC monthly releases "
            "(tools/curated/japan_first_published.csv, one citation per row); revised values "
            "taken from the TIC historical table mfhhis01 by the build step."
        ),
        notes=(
            "March 2024 was first published as 1,187.8 (Yicai, in units of USD 100 million). "
            "April and May are known only to the nearest billion ('$1.150 trillion', "
            "'$1.128 trillion' in Reuters reports), so they are flagged approximate with a "
            "precision of 1.0. The May figure is the one Reuters quoted with the June data "
            "(15 Aug 2024). The fall in holdings is not a measure of sales: holdings are at "
            "market value and 10-year yields rose about half a point in April 2024."
        ),
        inputs=(_TIC,),
        curated="japan_first_published.csv",
    )
)

_YIELD_COLUMNS = (
    Column("y3m_pct", low=-1, high=20, optional=True),
    Column("y2y_pct", low=-1, high=20),
    Column("y10y_pct", low=-1, high=20),
    Column("y30y_pct", low=-1, high=20, optional=True, nullable=True),
)

_register(
    DatasetSpec(
        name="yields_monthly",
        schema=Schema(
            "month_end",
            "month_end",
            _YIELD_COLUMNS
            + (
                Column("y2y_month_end_pct", low=-1, high=20),
                Column("y10y_month_end_pct", low=-1, high=20),
            ),
            min_rows=120,
        ),
        publisher="Board of Governors of the Federal Reserve System (H.15), via FRED",
        short_source="Federal Reserve H.15 via FRED (constant-maturity yields, monthly means "
        "of daily data)",
        title="Market yield on U.S. Treasury securities at constant maturity, monthly averages",
        url="https://fred.stlouisfed.org/series/DGS10",
        series=("DGS3MO", "DGS2", "DGS10", "DGS30"),
        units="percent per year (bond-equivalent yield)",
        transformation=(
            "Monthly mean of the daily constant-maturity yields (days without a quote "
            "skipped), rounded half up to two decimals as in the H.15 monthly averages (for "
            "the 10-year this reproduces FRED's GS10 in every month checked); months from "
            "January 2000 whose last business day is in the daily series (a month the daily "
            "file does not reach to its end is dropped). The 3-month (DGS3MO) and 30-year "
            "(DGS30) columns are present only when those series were available to the build. "
            "The *_month_end_pct columns are the last daily quote of each month (the yields "
            "at which month-end holdings are valued)."
        ),
        notes=(
            "The Treasury did not issue 30-year bonds from Feb 2002 to Feb 2006; DGS30 is "
            "missing then, so y30y_pct may be empty in those months."
        ),
        inputs=(
            _fred("DGS3MO", "rates/DGS3MO.csv", required=False),
            _fred("DGS2", "rates/DGS2.csv"),
            _fred("DGS10", "rates/DGS10.csv"),
            _fred("DGS30", "rates/DGS30.csv", required=False),
        ),
    )
)

_register(
    DatasetSpec(
        name="yields_daily_2025",
        schema=Schema(
            "date",
            "date",
            (Column("y2y_pct", low=0, high=10), Column("y10y_pct", low=0, high=10)),
            min_rows=40,
        ),
        publisher="Board of Governors of the Federal Reserve System (H.15), via FRED",
        short_source="Federal Reserve H.15 via FRED (DGS2, DGS10), daily",
        title="2-year and 10-year Treasury constant-maturity yields, daily, March-May 2025",
        url="https://fred.stlouisfed.org/series/DGS10",
        series=("DGS2", "DGS10"),
        units="percent per year (bond-equivalent yield), end of day",
        transformation=(
            "Daily values from 3 March to 30 May 2025 as published; days without a quote "
            "(market holidays such as Good Friday, 18 April) are left out."
        ),
        notes=(
            "Covers the April 2025 sell-off: tariffs announced after the close on 2 April, "
            "the 90-day pause on 9 April. Closing values: intraday highs and lows were wider."
        ),
        inputs=(_fred("DGS2", "rates/DGS2.csv"), _fred("DGS10", "rates/DGS10.csv")),
    )
)

_register(
    DatasetSpec(
        name="federal_debt_fy",
        schema=Schema(
            "fiscal_year",
            "fiscal_year",
            (
                Column("total_public_debt_usd_bn", low=3000, high=80000),
                Column("debt_held_by_public_usd_bn", low=2000, high=60000, nullable=True),
            ),
            min_rows=20,
        ),
        publisher="U.S. Department of the Treasury, Bureau of the Fiscal Service (FiscalData)",
        short_source="U.S. Treasury FiscalData (Historical Debt Outstanding; Debt to the Penny)",
        title="Federal debt at the end of each fiscal year: total public debt outstanding and "
        "debt held by the public",
        url="https://fiscaldata.treasury.gov/datasets/debt-to-the-penny/debt-to-the-penny",
        series=("debt_outstanding_amt", "tot_pub_debt_out_amt", "debt_held_public_amt"),
        units=_USD_BN + ", at fiscal-year end (30 September)",
        transformation=(
            "Total public debt outstanding: Historical Debt Outstanding, the 30 September "
            "record of each fiscal year. Debt held by the public: Debt to the Penny, the last "
            "record on or before 30 September (the last business day). Dollars divided by 1e9 "
            "and rounded to USD millions."
        ),
        notes=(
            "Fiscal years run 1 October - 30 September. Debt held by the public includes the "
            "Federal Reserve's holdings. It is empty where the Debt to the Penny extract used "
            "by the build ends before the fiscal year's end (FY2025 in the offline build); "
            "refresh() fills it from the API."
        ),
        inputs=(
            Input(
                "debt_outstanding",
                "fiscaldata",
                "v2/accounting/od/debt_outstanding?fields=record_date,debt_outstanding_amt"
                "&filter=record_date:gte:2000-01-01&sort=record_date",
                "fred/debt-annual.csv",
            ),
            Input(
                "debt_to_penny",
                "fiscaldata",
                "v2/accounting/od/debt_to_penny?fields=record_date,debt_held_public_amt,"
                "tot_pub_debt_out_amt&filter=record_date:gte:2000-01-01,"
                "record_calendar_month:eq:09&sort=record_date",
                "nc/debt.raw.data.ts",
            ),
        ),
    )
)

_register(
    DatasetSpec(
        name="budget_fy",
        schema=Schema(
            "fiscal_year",
            "fiscal_year",
            (
                Column("receipts_usd_bn", low=1000, high=20000),
                Column("outlays_usd_bn", low=1000, high=20000),
                Column("surplus_deficit_usd_bn", low=-10000, high=2000),
                Column("net_interest_usd_bn", low=50, high=5000),
                Column("gdp_fy_usd_bn", low=5000, high=100000),
            ),
            min_rows=20,
        ),
        publisher="U.S. Office of Management and Budget and U.S. Treasury (Monthly Treasury "
        "Statement), via FRED; GDP: U.S. Bureau of Economic Analysis, via FRED",
        short_source="OMB/Treasury via FRED (FYFR, FYONET, FYFSD, FYOINT); BEA GDP via FRED",
        title="Federal receipts, outlays, surplus or deficit and net interest by fiscal year; "
        "GDP per fiscal year",
        url="https://fred.stlouisfed.org/series/FYOINT",
        series=("FYFR", "FYONET", "FYFSD", "FYOINT", "GDP"),
        units=_USD_BN + " (nominal); fiscal years ending 30 September",
        transformation=(
            "FYFR, FYONET, FYFSD and FYOINT (USD millions) divided by 1,000. gdp_fy_usd_bn is "
            "the mean of the four quarterly seasonally adjusted annual rates of nominal GDP "
            "from October to September (quarters Q4 of the previous calendar year to Q3), "
            "rounded to 0.001; it approximates fiscal-year GDP in the current BEA vintage."
        ),
        notes=(
            "Net interest is budget function 900: interest paid net of interest received by "
            "trust funds and other income, so it is smaller than gross interest on the debt. "
            "Ratios such as net interest per receipts are left to the caller."
        ),
        inputs=(
            _fred("FYFR", "fred/fiscal-receipts.csv"),
            _fred("FYONET", "fred/fiscal-outlays.csv"),
            _fred("FYFSD", "fred/fiscal-deficit.csv"),
            _fred("FYOINT", "fred/fiscal-interest.csv"),
            _fred("GDP", "fred/gdp.csv"),
        ),
    )
)

_register(
    DatasetSpec(
        name="avg_interest_rate",
        schema=Schema(
            "month_end",
            "month_end",
            (
                Column("total_marketable_pct", low=0.5, high=10, nullable=True),
                Column("bills_pct", low=0, high=10),
                Column("notes_pct", low=0, high=10),
                Column("bonds_pct", low=0, high=15),
                Column("tips_pct", low=-1, high=10, nullable=True),
                Column("frn_pct", low=-1, high=10, nullable=True),
            ),
            min_rows=120,
        ),
        publisher="U.S. Department of the Treasury, Bureau of the Fiscal Service (FiscalData)",
        short_source="U.S. Treasury FiscalData, Average Interest Rates on U.S. Treasury "
        "Securities",
        title="Average interest rate on marketable Treasury debt, total and by security type, "
        "monthly",
        url="https://fiscaldata.treasury.gov/datasets/average-interest-rates-treasury-securities/",
        series=(
            "Total Marketable",
            "Treasury Bills",
            "Treasury Notes",
            "Treasury Bonds",
            "Treasury Inflation-Protected Securities (TIPS)",
            "Treasury Floating Rate Notes (FRN)",
        ),
        units="percent per year, at end of month",
        transformation=(
            "Marketable rows of the avg_interest_rates dataset pivoted to one column per "
            "security type; the label 'TotalMarketable' (Jul 2005) read as 'Total Marketable'."
        ),
        notes=(
            "Gaps are the publisher's: no Total Marketable row for December 2004; TIPS are "
            "reported as one line only from late 2004 (before, as separate inflation-indexed "
            "notes and bonds, not combined here); FRNs exist from 2014. The rate is the "
            "average coupon-type rate on debt outstanding, so it reprices slowly."
        ),
        inputs=(
            Input(
                "avg_interest_rates",
                "fiscaldata",
                "v2/accounting/od/avg_interest_rates?fields=record_date,security_type_desc,"
                "security_desc,avg_interest_rate_amt&filter=record_date:gte:2001-01-01"
                "&sort=record_date",
                "nc/AvgInterestRate_20010131_20250531.ts",
            ),
        ),
    )
)

_CURATED_NOTE = "Hand-curated from the documents cited in the source column, one per row."

_register(
    DatasetSpec(
        name="marketable_composition",
        schema=Schema(
            "date",
            "date",
            (
                Column("security", kind="str"),
                Column("amount_usd_bn", low=0, high=50000),
                Column("share_pct", low=0, high=100),
                Column("source", kind="str"),
            ),
            unique_index=False,
        ),
        publisher="U.S. Department of the Treasury, Monthly Statement of the Public Debt (MSPD)",
        short_source="U.S. Treasury, Monthly Statement of the Public Debt, April 2025",
        title="Marketable Treasury debt held by the public by type of security",
        url="https://fiscaldata.treasury.gov/datasets/monthly-statement-public-debt/",
        series=("Bills", "Notes", "Bonds", "TIPS", "FRNs"),
        units=_USD_BN + " outstanding and percent of the total",
        transformation=(
            "Amounts transcribed from the MSPD summary table (tools/curated/"
            "marketable_composition.csv); share_pct = amount / total of the five types x 100, "
            "rounded to 0.1."
        ),
        notes=(
            "The amount maturing within 1, 1-2, 2-5, 5-10 and 10+ years is not shipped: no "
            "verified source was available to the build. " + _CURATED_NOTE
        ),
        curated="marketable_composition.csv",
    )
)

_register(
    DatasetSpec(
        name="wam_marketable",
        schema=Schema(
            "date",
            "date",
            (Column("wam_months", low=12, high=200), Column("source", kind="str")),
        ),
        publisher="U.S. Department of the Treasury, as cited by the Joint Economic Committee",
        short_source="U.S. Treasury via the Joint Economic Committee's Monthly Debt Update",
        title="Weighted average maturity of marketable Treasury debt held by the public",
        url="https://www.jec.senate.gov/public/vendor/_accounts/JEC-R/debt/Monthly%20Debt%20"
        "Update%20mobile.html",
        series=("weighted average maturity",),
        units="months",
        transformation="Transcribed (tools/curated/wam_marketable.csv).",
        notes=(
            "A summary of the maturity profile: the amounts maturing within 1, 1-2, 2-5, 5-10 "
            "and 10+ years were not available from a verified source and are not shipped. "
            + _CURATED_NOTE
        ),
        curated="wam_marketable.csv",
    )
)

_register(
    DatasetSpec(
        name="cbo_baseline",
        schema=Schema(
            "fiscal_year",
            "fiscal_year",
            (
                Column("net_interest_usd_bn", low=100, high=5000),
                Column("revenues_usd_bn", low=1000, high=20000),
                Column("outlays_usd_bn", low=1000, high=20000),
                Column("debt_held_by_public_usd_bn", low=10000, high=100000),
                Column("gdp_usd_bn", low=10000, high=100000),
                Column("actual", kind="bool"),
                Column("source", kind="str"),
            ),
            min_rows=11,
        ),
        publisher="Congressional Budget Office",
        short_source="CBO, The Budget and Economic Outlook: 2025 to 2035 (January 2025)",
        title="CBO baseline projections, January 2025: net interest, revenues, outlays, debt "
        "held by the public and GDP, fiscal years 2024-2035",
        url="https://www.cbo.gov/publication/60870",
        series=("net interest", "revenues", "outlays", "debt held by the public", "GDP"),
        units=_USD_BN + ", fiscal years",
        transformation="Transcribed from CBO's baseline tables (tools/curated/cbo_baseline.csv).",
        notes=(
            "2024 is CBO's actual (it differs slightly from the Treasury's later figures). "
            "CBO's February 2026 baseline supersedes this one (net interest about $2.1 trillion "
            "in 2036, 4.6% of GDP), but only its headlines were available to the build, so the "
            "full table shipped is January 2025's. " + _CURATED_NOTE
        ),
        curated="cbo_baseline.csv",
    )
)

_register(
    DatasetSpec(
        name="events",
        schema=Schema(
            "date",
            "date",
            (
                Column("date_precision", kind="str"),
                Column("category", kind="str"),
                Column("event", kind="str"),
                Column("value", nullable=True),
                Column("unit", kind="str", nullable=True),
                Column("source", kind="str"),
                Column("url", kind="str"),
            ),
            unique_index=False,
        ),
        publisher="Rating agencies, Japan's Ministry of Finance, the Federal Reserve "
        "(as cited per row)",
        short_source="rating agencies, Japan MOF, Federal Reserve (cited per row)",
        title="Events: sovereign rating actions, Japan's 2024 currency interventions, the April "
        "2025 sell-off, Federal Reserve asset purchases and backstops",
        url="see the url column",
        series=(),
        units="value in the unit column (JPY trillions, USD billions, rating)",
        transformation=(
            "Transcribed event by event (tools/curated/events.csv). date_precision 'month' "
            "means only the month is sourced; the date is then the first of the month."
        ),
        notes=(
            "Only events whose figures were read in a cited source are listed: QE1's final "
            "composition, QE2, QE3 and the 2020 purchase sizes are left out for want of a "
            "verified source. " + _CURATED_NOTE
        ),
        curated="events.csv",
    )
)

_register(
    DatasetSpec(
        name="cofer_usd_share",
        schema=Schema(
            "quarter_end",
            "quarter_end",
            (
                Column("usd_share_allocated_reserves_pct", low=0, high=100),
                Column("source", kind="str"),
            ),
        ),
        publisher="International Monetary Fund, Currency Composition of Official Foreign "
        "Exchange Reserves (COFER)",
        short_source="IMF COFER, as reported by Reuters and others",
        title="U.S. dollar share of allocated foreign-exchange reserves, quarterly",
        url="https://data.imf.org/?sk=388dfa60-1d26-4ade-b505-a05a558d9a42",
        series=("COFER USD share of allocated reserves",),
        units="percent of allocated reserves (excludes gold), end of quarter",
        transformation="Transcribed (tools/curated/cofer_usd_share.csv).",
        notes=(
            "Only 2024Q3-2025Q3 are shipped: 2025Q4 was seen only on a third-party site. The "
            "IMF revises these shares; most of the 2025Q2 fall was valuation (at constant "
            "exchange rates 57.67%). " + _CURATED_NOTE
        ),
        curated="cofer_usd_share.csv",
    )
)

_register(
    DatasetSpec(
        name="cb_gold_purchases",
        schema=Schema(
            "year",
            "year",
            (Column("net_purchases_tonnes", low=-1000, high=3000), Column("source", kind="str")),
        ),
        publisher="World Gold Council, Gold Demand Trends",
        short_source="World Gold Council, Gold Demand Trends",
        title="Central banks' net purchases of gold, annual",
        url="https://www.gold.org/goldhub/research/gold-demand-trends",
        series=("central banks and other institutions, net purchases",),
        units="tonnes per calendar year",
        transformation="Transcribed (tools/curated/cb_gold_purchases.csv).",
        notes=(
            "The WGC revises past years: 2022 was first reported as 1,136 t. " + _CURATED_NOTE
        ),
        curated="cb_gold_purchases.csv",
    )
)

_register(
    DatasetSpec(
        name="term_premium",
        schema=Schema(
            "month_end",
            "month_end",
            (Column("term_premium_10y_pct", low=-3, high=6),),
            min_rows=120,
        ),
        publisher="Board of Governors of the Federal Reserve System (Kim and Wright model), "
        "via FRED",
        short_source="Federal Reserve Board, Kim-Wright 10-year term premium (FRED "
        "THREEFYTP10)",
        title="Term premium on a 10-year zero-coupon bond, monthly averages",
        url="https://fred.stlouisfed.org/series/THREEFYTP10",
        series=("THREEFYTP10",),
        units="percent per year",
        transformation=(
            "Monthly mean of the daily estimates from January 2000, rounded half up to four "
            "decimals."
        ),
        notes=(
            "Not shipped: no verified copy was available offline, so the course must not "
            "depend on it. A model estimate, not an observed price (Kim and Wright 2005); "
            "the New York Fed's ACM estimate differs in level."
        ),
        inputs=(_fred("THREEFYTP10", "rates/THREEFYTP10.csv"),),
        shipped=False,
    )
)


# --------------------------------------------------------------------------------------------
# Public API: names, descriptions, captions
# --------------------------------------------------------------------------------------------


def available() -> list[str]:
    """Names of the shipped datasets, sorted."""
    return sorted(name for name, spec in SPECS.items() if spec.shipped)


def download_only() -> list[str]:
    """Datasets not shipped (no verified offline source) that :func:`refresh` can download."""
    return sorted(name for name, spec in SPECS.items() if not spec.shipped)


def _spec(name: str) -> DatasetSpec:
    if not isinstance(name, str) or name not in SPECS:
        raise UnknownDatasetError(
            f"unknown dataset {name!r}; available datasets: {', '.join(available())}; "
            f"downloadable with refresh() when online: {', '.join(download_only())}"
        )
    return SPECS[name]


def _package_dir() -> Path:
    return Path(str(resources.files("lessons_lib").joinpath("datasets")))


def cache_dir() -> Path:
    """The folder where :func:`refresh` writes (not created here).

    ``LESSONS_LIB_CACHE`` wins; otherwise the platform's user cache folder:
    ``~/Library/Caches/lessons_lib`` on macOS, ``%LOCALAPPDATA%\\lessons_lib\\Cache`` on
    Windows, ``$XDG_CACHE_HOME/lessons_lib`` (default ``~/.cache/lessons_lib``) elsewhere.
    """
    env = os.environ.get("LESSONS_LIB_CACHE")
    if env:
        return Path(env).expanduser()
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "lessons_lib"
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / "lessons_lib" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(home / ".cache")
    return Path(base) / "lessons_lib"


def read_manifest(folder: Path) -> dict[str, dict[str, object]]:
    """The manifest's entry per dataset in ``folder`` (checksum, rows, period, retrieval).

    A folder without a manifest gives ``{}``; an unreadable or unknown manifest raises
    :class:`DataIntegrityError` naming the file.
    """
    path = folder / MANIFEST_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise DataIntegrityError(f"manifest {path} cannot be read: {exc}") from exc
    if not isinstance(raw, dict) or raw.get("format") != MANIFEST_FORMAT:
        raise DataIntegrityError(f"manifest {path} has an unknown format")
    datasets = raw.get("datasets")
    if not isinstance(datasets, dict):
        raise DataIntegrityError(f"manifest {path} has no 'datasets' table")
    return datasets


def _entry(name: str, prefer_cache: bool) -> tuple[Path, dict[str, object]]:
    """The folder and manifest entry of the copy :func:`load` reads."""
    if prefer_cache:
        folder = cache_dir()
        entry = read_manifest(folder).get(name)
        if entry is not None:
            return folder, entry
    if not SPECS[name].shipped:
        raise DataIntegrityError(
            f"dataset {name!r} is not shipped with the course (no verified offline source); "
            f"run lessons_lib.data.refresh({name!r}) when online, then "
            f"load({name!r}, prefer_cache=True)"
        )
    folder = _package_dir()
    entry = read_manifest(folder).get(name)
    if entry is None:
        raise DataIntegrityError(
            f"dataset {name!r}: no entry in the shipped manifest {folder / MANIFEST_NAME}; "
            "rebuild the datasets with `make data`"
        )
    return folder, entry


def describe(name: str, prefer_cache: bool = False) -> SourceInfo:
    """Source, units, period, retrieval date and transformation of dataset ``name``."""
    spec = _spec(name)
    if spec.shipped or prefer_cache and name in read_manifest(cache_dir()):
        _, entry = _entry(name, prefer_cache)
    else:
        entry = {"period": "not shipped; download with refresh()"}
    notes = spec.notes
    missing = entry.get("missing_series") or []
    if missing:
        notes += (f" This copy lacks {', '.join(map(str, missing))}: the series was not "
                  "available when it was built; refresh() downloads them when online.")
    return SourceInfo(
        name=name,
        publisher=spec.publisher,
        title=spec.title,
        url=spec.url,
        series=spec.series,
        units=spec.units,
        period=str(entry.get("period", "")),
        retrieved=str(entry.get("retrieved", "")),
        vintage=str(entry.get("vintage", "")),
        transformation=spec.transformation,
        notes=notes,
    )


def sources(prefer_cache: bool = False) -> dict[str, SourceInfo]:
    """:func:`describe` for every dataset, keyed by name."""
    return {name: describe(name, prefer_cache) for name in sorted(SPECS)}


def caption(name: str, prefer_cache: bool = False) -> str:
    """One line for a figure caption: source, vintage and retrieval date.

    Example: ``"Source: U.S. Treasury, TIC major foreign holders (mfhhis01), revised vintage
    of 18 Mar 2026; retrieved 2026-11-21."`` Deterministic: it reads only the manifest.
    """
    spec = _spec(name)
    info = describe(name, prefer_cache)
    text = f"Source: {spec.short_source}"
    if info.vintage:
        text += f", {info.vintage}"
    if info.retrieved:
        text += f"; retrieved {info.retrieved}"
    return text + "."


# --------------------------------------------------------------------------------------------
# Loading and validation
# --------------------------------------------------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load(name: str, prefer_cache: bool = False) -> pd.DataFrame:
    """Dataset ``name`` as a DataFrame with a typed index, validated against its schema.

    The shipped copy is read unless ``prefer_cache`` is true and :func:`refresh` has written
    one to :func:`cache_dir`. Raises :class:`UnknownDatasetError` for an unknown name (the
    message lists the available ones) and :class:`DataIntegrityError` naming the file when a
    checksum or the schema does not match.
    """
    spec = _spec(name)
    folder, entry = _entry(name, prefer_cache)
    path = folder / str(entry.get("file", ""))
    try:
        payload = path.read_bytes()
    except OSError as exc:
        raise DataIntegrityError(f"dataset {name!r}: cannot read {path}: {exc}") from exc
    if _sha256(payload) != entry.get("sha256"):
        raise DataIntegrityError(
            f"dataset {name!r}: checksum mismatch for {path} (the file was altered or "
            "damaged; reinstall the package or run refresh())"
        )
    try:
        frame = _parse_csv(payload, spec.schema)
        validate(frame, spec)
    except DataError as exc:
        raise DataIntegrityError(f"dataset {name!r} in {path}: {exc}") from exc
    return frame



def _parse_csv(payload: bytes, schema: Schema) -> pd.DataFrame:
    """Read a dataset CSV written by :func:`to_csv_bytes` into typed columns."""
    known = {c.name: c for c in schema.columns}
    try:
        frame = pd.read_csv(io.BytesIO(payload), dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError) as exc:
        raise DataError(f"not a readable CSV: {exc}") from exc
    if frame.columns.size == 0 or frame.columns[0] != schema.index_name:
        raise DataError(f"first column must be {schema.index_name!r}")
    out: dict[str, pd.Series] = {}
    for col in frame.columns[1:]:
        column = known.get(col)
        if column is None:
            raise DataError(f"unexpected column {col!r}")
        out[col] = _typed(frame[col], column).array
    index = _typed_index(frame[schema.index_name], schema)
    return pd.DataFrame(out, index=index)


def _typed(values: pd.Series, column: Column) -> pd.Series:
    text = values.astype(str)
    empty = text == ""
    try:
        if column.kind == "float":
            return pd.to_numeric(text.mask(empty), errors="raise").astype("float64")
        if column.kind == "int":
            return pd.to_numeric(text, errors="raise").astype("int64")
        if column.kind == "bool":
            mapping = {"True": True, "False": False}
            bad = ~text.isin(list(mapping) + [""])
            if bad.any():
                raise ValueError(f"not a boolean: {text[bad].iloc[0]!r}")
            return text.map(mapping).astype("boolean")
        if column.kind == "date":
            return pd.to_datetime(text.where(~empty, None), format="%Y-%m-%d")
        return text.where(~empty, None).astype(object)
    except (ValueError, TypeError) as exc:
        raise DataError(f"column {column.name!r}: {exc}") from exc


def _typed_index(values: pd.Series, schema: Schema) -> pd.Index:
    try:
        if schema.index_kind in ("fiscal_year", "year"):
            return pd.Index(pd.to_numeric(values, errors="raise").astype("int64"),
                            name=schema.index_name)
        return pd.DatetimeIndex(pd.to_datetime(values, format="%Y-%m-%d"),
                                name=schema.index_name)
    except (ValueError, TypeError) as exc:
        raise DataError(f"index {schema.index_name!r}: {exc}") from exc


def validate(frame: pd.DataFrame, spec: DatasetSpec) -> None:
    """Check ``frame`` against the schema of ``spec``; raise :class:`DataError` if it fails.

    Checks: index name, type, order and (for periodic data) that no period is missing;
    the required columns, their types, missing values and ranges.
    """
    schema = spec.schema
    index = frame.index
    if index.name != schema.index_name:
        raise DataError(f"index must be named {schema.index_name!r}, not {index.name!r}")
    if len(frame) < schema.min_rows:
        raise DataError(f"only {len(frame)} rows; at least {schema.min_rows} expected")
    if schema.unique_index and index.has_duplicates:
        raise DataError(f"repeated {schema.index_name} {index[index.duplicated()][0]}")
    if not index.is_monotonic_increasing:
        raise DataError(f"{schema.index_name} is not in increasing order")
    _check_periods(index, schema)
    names = [c.name for c in schema.columns]
    missing = [c.name for c in schema.columns if not c.optional and c.name not in frame]
    if missing:
        raise DataError(f"missing columns {missing}")
    extra = [c for c in frame.columns if c not in names]
    if extra:
        raise DataError(f"unexpected columns {extra}")
    for column in schema.columns:
        if column.name in frame:
            _check_column(frame[column.name], column)


def _check_periods(index: pd.Index, schema: Schema) -> None:
    kind = schema.index_kind
    if kind in ("fiscal_year", "year"):
        if index.dtype.kind != "i":
            raise DataError(f"{schema.index_name} must be integers")
        if len(index) and (index.min() < 1900 or index.max() > 2100):
            raise DataError(f"{schema.index_name} outside 1900-2100")
        if len(index) and not np.array_equal(index, np.arange(index[0], index[0] + len(index))):
            raise DataError(f"{schema.index_name} has gaps")
        return
    if not isinstance(index, pd.DatetimeIndex):
        raise DataError(f"{schema.index_name} must be dates")
    if kind == "date":
        return
    freq = "ME" if kind == "month_end" else "QE"
    expected = pd.date_range(index[0], periods=len(index), freq=freq)
    if not index.equals(expected):
        wrong = index[~index.isin(expected)]
        where = wrong[0].date() if len(wrong) else "somewhere"
        raise DataError(f"{schema.index_name} is not a gap-free run of {kind} dates ({where})")


def _check_column(values: pd.Series, column: Column) -> None:
    name = column.name
    isna = values.isna()
    if isna.any() and not column.nullable:
        raise DataError(f"column {name!r} has missing values")
    present = values[~isna]
    if column.kind in ("float", "int"):
        if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            raise DataError(f"column {name!r} must be numeric")
        if not np.isfinite(present.to_numpy(dtype="float64")).all():
            raise DataError(f"column {name!r} has infinite values")
        if column.low is not None and (present < column.low).any():
            raise DataError(f"column {name!r} below {column.low}: {present.min()}")
        if column.high is not None and (present > column.high).any():
            raise DataError(f"column {name!r} above {column.high}: {present.max()}")
    elif column.kind == "bool":
        if not pd.api.types.is_bool_dtype(values):
            raise DataError(f"column {name!r} must be boolean")
    elif column.kind == "date":
        if not pd.api.types.is_datetime64_any_dtype(values):
            raise DataError(f"column {name!r} must be dates")
    elif not all(isinstance(v, str) and v for v in present):
        raise DataError(f"column {name!r} must hold non-empty text")


# --------------------------------------------------------------------------------------------
# Writing: CSV bytes, manifest entries, atomic files
# --------------------------------------------------------------------------------------------


def _format_value(value: object, kind: str) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if kind == "date" or isinstance(value, pd.Timestamp):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if kind == "bool":
        return "True" if bool(value) else "False"
    if kind == "float":
        return repr(float(value))
    if kind == "int":
        return str(int(value))
    return str(value)


def to_csv_bytes(frame: pd.DataFrame, spec: DatasetSpec) -> bytes:
    """The dataset as CSV bytes: index first, columns in schema order, ``\\n`` line ends.

    Floats are written with Python's shortest round-trip repr, so the bytes depend only on
    the values (the build is reproducible byte for byte).
    """
    kinds = {c.name: c.kind for c in spec.schema.columns}
    columns = [c.name for c in spec.schema.columns if c.name in frame]
    index_kind = "int" if spec.schema.index_kind in ("fiscal_year", "year") else "date"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([spec.schema.index_name, *columns])
    for position, label in enumerate(frame.index):
        row = [_format_value(label, index_kind)]
        row += [_format_value(frame[c].iloc[position], kinds[c]) for c in columns]
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")


def period_text(frame: pd.DataFrame, spec: DatasetSpec) -> str:
    """The period a frame covers, e.g. ``"2000-03 to 2025-12 (monthly)"``."""
    index = frame.index
    kind = spec.schema.index_kind
    if kind == "fiscal_year":
        return f"FY{index[0]} to FY{index[-1]}"
    if kind == "year":
        return f"{index[0]} to {index[-1]}"
    if kind == "month_end":
        return f"{index[0]:%Y-%m} to {index[-1]:%Y-%m} (monthly)"
    if kind == "quarter_end":
        first, last = index[0], index[-1]
        return f"{first.year}Q{first.quarter} to {last.year}Q{last.quarter} (quarterly)"
    if index[0] == index[-1]:
        return f"{index[0]:%Y-%m-%d}"
    return f"{index[0]:%Y-%m-%d} to {index[-1]:%Y-%m-%d}"


def manifest_entry(
    frame: pd.DataFrame,
    spec: DatasetSpec,
    payload: bytes,
    retrieved: str,
    vintage: str,
    missing: tuple[str, ...] = (),
) -> dict[str, object]:
    """The manifest record of one written dataset; ``missing`` lists skipped optional series."""
    return {
        "file": f"{spec.name}.csv",
        "sha256": _sha256(payload),
        "rows": len(frame),
        "period": period_text(frame, spec),
        "retrieved": retrieved,
        "vintage": vintage,
        "missing_series": list(missing),
    }


def atomic_write(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; data files are for everyone to read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_manifest(folder: Path, datasets: Mapping[str, Mapping[str, object]]) -> None:
    """Write ``manifest.json`` in ``folder`` atomically, datasets sorted by name."""
    body = {"format": MANIFEST_FORMAT, "datasets": {k: dict(datasets[k]) for k in sorted(datasets)}}
    text = json.dumps(body, indent=2, sort_keys=True) + "\n"
    atomic_write(folder / MANIFEST_NAME, text.encode("utf-8"))


# --------------------------------------------------------------------------------------------
# Parsers of the publishers' formats
# --------------------------------------------------------------------------------------------


def _text(raw: bytes, what: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("latin-1")
        except UnicodeDecodeError as exc:  # pragma: no cover - latin-1 decodes anything
            raise RawFormatError(f"{what}: not text") from exc


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_fred_csv(raw: bytes, series: str) -> pd.Series:
    """A FRED series from its CSV download (``fredgraph.csv``) as a float Series.

    Accepts the header ``observation_date,SERIES`` (current), ``DATE,SERIES`` (older) or
    ``date,value``; missing observations (``.`` or empty) become NaN. Raises
    :class:`RawFormatError` for anything else, e.g. an HTML error page, or a file that does
    not end with a line break (FRED's always do: a download cut short mid-line).
    """
    text = _text(raw, series)
    lines = text.splitlines()
    if not lines:
        raise RawFormatError(f"FRED {series}: empty response")
    header = [h.strip() for h in lines[0].split(",")]
    ok_headers = (["observation_date", series], ["DATE", series], ["date", "value"])
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


_RECORD = re.compile(r"\{([^{}]*)\}")
_PAIR = re.compile(r"""["']?(\w+)["']?\s*:\s*(?:"([^"]*)"|'([^']*)')""")


def parse_fiscaldata_records(raw: bytes, what: str) -> list[dict[str, str]]:
    """Records of a FiscalData API response as dicts of strings.

    Reads the JSON of ``/services/api/fiscal_service/...`` (``{"data": [...]}``), the same
    records pasted into a JavaScript/TypeScript module (keys unquoted or quoted, single or
    double quotes) or the CSV download of a dataset (header with ``record_date``). Only flat
    records with a ``record_date`` are returned.
    """
    text = _text(raw, what)
    stripped = text.lstrip()
    if stripped.startswith("record_date"):
        reader = csv.DictReader(io.StringIO(stripped))
        return [dict(row) for row in reader]
    if stripped.startswith("{") and '"data"' in stripped[:200]:
        try:
            body = json.loads(stripped)
        except ValueError as exc:
            raise RawFormatError(f"{what}: response is not valid JSON ({exc})") from exc
        data = body.get("data") if isinstance(body, dict) else None
        if not isinstance(data, list):
            raise RawFormatError(f"{what}: JSON without a 'data' list")
        return [
            {k: "" if v is None else str(v) for k, v in row.items()}
            for row in data
            if isinstance(row, dict) and "record_date" in row
        ]
    records = []
    for match in _RECORD.finditer(text):
        pairs = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
                 for m in _PAIR.finditer(match.group(1))}
        if "record_date" in pairs:
            records.append(pairs)
    return records


def _amount(value: str) -> float:
    """A FiscalData amount string as float; ``'null'`` and empty become NaN."""
    if value in ("", "null", "None"):
        return float("nan")
    return float(value)


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
    text = _text(raw, "TIC mfhhis01")
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


# --------------------------------------------------------------------------------------------
# Builders: raw inputs -> dataset frames
# --------------------------------------------------------------------------------------------

Raw = Mapping[str, bytes]


@dataclass(frozen=True)
class Built:
    """A built dataset, the vintage text for its caption and the optional series it lacks."""

    frame: pd.DataFrame
    vintage: str = ""
    missing: tuple[str, ...] = ()


def _tic_vintage(table: TicTable) -> str:
    return f"revised vintage of {table.file_date.day} {table.file_date:%b %Y}"


def build_tic_holdings(raw: Raw) -> Built:
    """``tic_holdings`` from ``mfhhis01.txt``: four holder columns, USD billions."""
    table = parse_tic_mfh(raw["mfhhis01"])
    return Built(table.holdings[list(TIC_ROWS.values())], _tic_vintage(table))


def _monthly_mean(daily: pd.Series, decimals: int = 2) -> pd.Series:
    """Monthly means of a daily series, rounded half up to ``decimals`` (as in H.15).

    The daily values are taken as exact multiples of 10**-decimals, so the rounding is
    exact. A final month whose last weekday is missing from the series is dropped.
    """
    present = daily.dropna()
    scale = 10**decimals
    units = (present * scale).round().astype("int64")
    grouped = units.groupby(present.index.to_period("M"))
    means = np.floor(grouped.sum() / grouped.count() + 0.5) / scale
    last_day = present.index.max()
    last_weekday = (pd.Timestamp(last_day) + pd.offsets.BMonthEnd(0)).normalize()
    if last_day < last_weekday:
        means = means.iloc[:-1]
    means.index = means.index.to_timestamp(how="end").normalize()
    return means


_YIELD_SERIES = {"DGS3MO": "y3m_pct", "DGS2": "y2y_pct", "DGS10": "y10y_pct", "DGS30": "y30y_pct"}


def build_yields_monthly(raw: Raw) -> Built:
    """``yields_monthly``: monthly means of the daily H.15 yields from January 2000."""
    columns = {}
    for series, column in _YIELD_SERIES.items():
        if series in raw:
            daily = parse_fred_csv(raw[series], series)
            columns[column] = _monthly_mean(daily[daily.index >= "2000-01-01"])
    required = ["y2y_pct", "y10y_pct"]
    for series, column in (("DGS2", "y2y_month_end_pct"), ("DGS10", "y10y_month_end_pct")):
        daily = parse_fred_csv(raw[series], series).dropna()
        daily = daily[daily.index >= "2000-01-01"]
        last = daily.groupby(daily.index.to_period("M")).last()
        last.index = last.index.to_timestamp(how="end").normalize()
        columns[column] = last
    end = min(columns[c].index.max() for c in required)
    frame = pd.DataFrame(columns).loc[:end]
    frame = frame.dropna(subset=required)
    if "y3m_pct" in frame:
        frame = frame.dropna(subset=["y3m_pct"])
    frame.index.name = "month_end"
    frame.index.freq = None
    last = frame.index[-1]
    return Built(frame, f"daily data to {last:%b %Y}")


def build_yields_daily_2025(raw: Raw) -> Built:
    """``yields_daily_2025``: daily 2-year and 10-year yields, 3 March - 30 May 2025."""
    frame = pd.DataFrame(
        {
            "y2y_pct": parse_fred_csv(raw["DGS2"], "DGS2"),
            "y10y_pct": parse_fred_csv(raw["DGS10"], "DGS10"),
        }
    )
    frame = frame.loc["2025-03-03":"2025-05-30"].dropna()
    frame.index.name = "date"
    return Built(frame)


def _fiscal_year_end_records(records: list[dict[str, str]], field_name: str) -> pd.Series:
    """Last value of ``field_name`` on or before 30 September of each fiscal year."""
    rows = [(r["record_date"], _amount(r.get(field_name, ""))) for r in records]
    series = pd.Series(
        [v for _, v in rows],
        index=pd.to_datetime([d for d, _ in rows], format="%Y-%m-%d"),
        dtype="float64",
    ).dropna().sort_index()
    series = series[~series.index.duplicated(keep="last")]
    # the last business day of September or later (an extract may stop mid-September)
    month_start = series.index.to_period("M").to_timestamp()
    last_business_day = month_start + pd.offsets.BMonthEnd(0)
    september = series[(series.index.month == 9) & (series.index >= last_business_day)]
    by_year = september.groupby(september.index.year).tail(1)
    by_year.index = by_year.index.year
    return by_year


def build_federal_debt_fy(raw: Raw) -> Built:
    """``federal_debt_fy``: FY-end total public debt and debt held by the public, USD bn."""
    outstanding = parse_fiscaldata_records(raw["debt_outstanding"], "debt_outstanding")
    penny = parse_fiscaldata_records(raw["debt_to_penny"], "debt_to_penny")
    if not outstanding or not penny:
        raise RawFormatError("FiscalData debt: no records in the response")
    total = _fiscal_year_end_records(outstanding, "debt_outstanding_amt")
    held = _fiscal_year_end_records(penny, "debt_held_public_amt")
    frame = pd.DataFrame(
        {
            "total_public_debt_usd_bn": (total / 1e9).round(3),
            "debt_held_by_public_usd_bn": (held / 1e9).round(3),
        }
    )
    frame = frame.loc[2000:]
    frame = frame[frame["total_public_debt_usd_bn"].notna()]
    frame.index = frame.index.astype("int64")
    frame.index.name = "fiscal_year"
    return Built(frame, f"fiscal years to FY{frame.index[-1]}")


def _fred_fiscal_year(raw: Raw, series: str) -> pd.Series:
    values = parse_fred_csv(raw[series], series).dropna()
    values = values[values.index.year >= 2000]
    return pd.Series((values / 1000.0).round(3).to_numpy(), index=values.index.year)


def build_budget_fy(raw: Raw) -> Built:
    """``budget_fy``: receipts, outlays, surplus/deficit, net interest and FY GDP, USD bn."""
    frame = pd.DataFrame(
        {
            "receipts_usd_bn": _fred_fiscal_year(raw, "FYFR"),
            "outlays_usd_bn": _fred_fiscal_year(raw, "FYONET"),
            "surplus_deficit_usd_bn": _fred_fiscal_year(raw, "FYFSD"),
            "net_interest_usd_bn": _fred_fiscal_year(raw, "FYOINT"),
        }
    )
    gdp = parse_fred_csv(raw["GDP"], "GDP").dropna()
    fiscal_year = gdp.index.year + (gdp.index.month >= 10).astype(int)
    grouped = gdp.groupby(fiscal_year)
    gdp_fy = grouped.mean()[grouped.count() == 4].round(3)
    frame["gdp_fy_usd_bn"] = gdp_fy
    frame = frame.dropna()
    frame.index = frame.index.astype("int64")
    frame.index.name = "fiscal_year"
    return Built(frame, f"fiscal years to FY{frame.index[-1]}")


_AVG_RATE_COLUMNS = {
    "Total Marketable": "total_marketable_pct",
    "TotalMarketable": "total_marketable_pct",
    "Treasury Bills": "bills_pct",
    "Treasury Notes": "notes_pct",
    "Treasury Bonds": "bonds_pct",
    "Treasury Inflation-Protected Securities (TIPS)": "tips_pct",
    "Treasury Floating Rate Notes (FRN)": "frn_pct",
}


def build_avg_interest_rate(raw: Raw) -> Built:
    """``avg_interest_rate``: average rates on marketable debt by type, monthly, percent."""
    records = parse_fiscaldata_records(raw["avg_interest_rates"], "avg_interest_rates")
    cells: dict[str, dict[pd.Timestamp, float]] = {}
    for record in records:
        if record.get("security_type_desc") != "Marketable":
            continue
        column = _AVG_RATE_COLUMNS.get(record.get("security_desc", ""))
        if column is None:
            continue
        stamp = pd.Timestamp(record["record_date"])
        cells.setdefault(column, {})[stamp] = _amount(record.get("avg_interest_rate_amt", ""))
    if "notes_pct" not in cells:
        raise RawFormatError("avg_interest_rates: no marketable records in the response")
    order = ["total_marketable_pct", "bills_pct", "notes_pct", "bonds_pct", "tips_pct", "frn_pct"]
    frame = pd.DataFrame({c: pd.Series(cells.get(c, {}), dtype="float64") for c in order})
    frame = frame.sort_index()
    frame.index = pd.DatetimeIndex(frame.index, name="month_end")
    return Built(frame, f"monthly data to {frame.index[-1]:%b %Y}")


def build_term_premium(raw: Raw) -> Built:
    """``term_premium``: monthly mean of the daily Kim-Wright 10-year term premium, percent."""
    daily = parse_fred_csv(raw["THREEFYTP10"], "THREEFYTP10")
    monthly = _monthly_mean(daily[daily.index >= "2000-01-01"], decimals=4)
    frame = pd.DataFrame({"term_premium_10y_pct": monthly})
    frame.index.name = "month_end"
    return Built(frame, f"daily data to {frame.index[-1]:%b %Y}")


BUILDERS: dict[str, Callable[[Raw], Built]] = {
    "term_premium": build_term_premium,
    "tic_holdings": build_tic_holdings,
    "yields_monthly": build_yields_monthly,
    "yields_daily_2025": build_yields_daily_2025,
    "federal_debt_fy": build_federal_debt_fy,
    "budget_fy": build_budget_fy,
    "avg_interest_rate": build_avg_interest_rate,
}


def build_from_curated(name: str, curated: bytes, raw: Raw | None = None) -> Built:
    """A curated dataset from its source table in ``tools/curated`` (CSV bytes).

    The table holds the shipped columns (with a citation column) after ``#`` comment lines;
    ``japan_holdings_vintages`` also takes ``mfhhis01`` from ``raw`` for the revised values.
    """
    spec = _spec(name)
    text = _text(curated, name)
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    table = pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)
    vintage = ""
    if name == "japan_holdings_vintages":
        if raw is None or "mfhhis01" not in raw:
            raise RawFormatError("japan_holdings_vintages needs the TIC table mfhhis01")
        tic = parse_tic_mfh(raw["mfhhis01"])
        stamps = pd.to_datetime(table["month_end"], format="%Y-%m-%d")
        revised = tic.holdings["japan_usd_bn"].reindex(stamps)
        if revised.isna().any():
            raise RawFormatError("japan_holdings_vintages: month missing from mfhhis01")
        table["revised_usd_bn"] = [repr(float(v)) for v in revised]
        table["revised_vintage"] = [
            f"{stamp.year} revised {tic.revisions.get(stamp.year, 'date not stated')} "
            f"(mfhhis01 dated {tic.file_date})" for stamp in stamps]
        vintage = _tic_vintage(tic)
    wanted = [spec.schema.index_name] + [c.name for c in spec.schema.columns]
    missing = [c for c in wanted if c not in table.columns]
    if missing:
        raise RawFormatError(f"curated {name}: missing columns {missing}")
    payload = table[wanted].to_csv(index=False, lineterminator="\n").encode("utf-8")
    return Built(_parse_csv(payload, spec.schema), vintage)


# --------------------------------------------------------------------------------------------
# Downloading and refreshing
# --------------------------------------------------------------------------------------------

Fetch = Callable[[str, float], bytes]

_USER_AGENT = "lessons_lib-data/0.1 (course 'When a big holder sells US Treasuries')"
MAX_BYTES = 50_000_000


def http_get(url: str, timeout: float) -> bytes:
    """GET ``url`` and return the body; raise :class:`RefreshError` on any failure.

    A status other than 200, a body shorter than its ``Content-Length``, a timeout or a
    connection error all raise, with the URL in the message.
    """
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            status = getattr(response, "status", 200)
            if status != 200:
                raise RefreshError(f"{url}: HTTP status {status}")
            body = response.read(MAX_BYTES + 1)
            expected = response.headers.get("Content-Length")
    except RefreshError:
        raise
    except urllib.error.HTTPError as exc:
        raise RefreshError(f"{url}: HTTP status {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, HTTPException, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise RefreshError(f"{url}: download failed ({type(exc).__name__}: {reason})") from exc
    if len(body) > MAX_BYTES:
        raise RefreshError(f"{url}: response larger than {MAX_BYTES} bytes")
    if expected is not None and expected.isdigit() and int(expected) != len(body):
        raise RefreshError(f"{url}: truncated response ({len(body)} of {expected} bytes)")
    if not body:
        raise RefreshError(f"{url}: empty response")
    return body


def input_url(item: Input, endpoints: Mapping[str, str] | None = None, page: int = 0) -> str:
    """The download URL of an input, with ``endpoints`` overriding the publishers' hosts."""
    templates = {**DEFAULT_ENDPOINTS, **(endpoints or {})}
    url = templates[item.kind].format(param=item.param)
    if item.kind == "fiscaldata":
        url += f"&page[number]={page or 1}&page[size]=10000"
    return url


def fetch_input(
    item: Input, fetch: Fetch, timeout: float, endpoints: Mapping[str, str] | None = None
) -> bytes:
    """Download one input; FiscalData responses are followed page by page and merged.

    The merged FiscalData result is JSON ``{"data": [...]}`` whose record count must equal
    the API's ``total-count``; otherwise :class:`RefreshError` (a partial download).
    """
    if item.kind != "fiscaldata":
        return fetch(input_url(item, endpoints), timeout)
    rows: list[dict[str, object]] = []
    page, pages, total = 1, 1, None
    while page <= pages:
        url = input_url(item, endpoints, page)
        body = fetch(url, timeout)
        try:
            parsed = json.loads(body.decode("utf-8"))
            data = parsed["data"]
            meta = parsed["meta"]
            pages = int(meta["total-pages"])
            total = int(meta["total-count"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise RefreshError(f"{url}: not a FiscalData API response ({exc!r})") from exc
        if not isinstance(data, list):
            raise RefreshError(f"{url}: 'data' is not a list")
        rows.extend(data)
        page += 1
        if page > 100:
            raise RefreshError(f"{url}: more than 100 pages")
    if total is not None and total != len(rows):
        raise RefreshError(
            f"{item.param.split('?')[0]}: got {len(rows)} records of {total} (partial download)")
    return json.dumps({"data": rows}).encode("utf-8")


def build_dataset(name: str, raw: Raw, curated: bytes | None = None) -> Built:
    """Build dataset ``name`` from raw inputs (and its curated table, if it has one)."""
    spec = _spec(name)
    for item in spec.inputs:
        if item.required and item.key not in raw:
            raise RawFormatError(f"{name}: input {item.key} ({item.local}) is missing")
    try:
        if spec.curated is not None:
            if curated is None:
                raise RawFormatError(f"{name}: curated table {spec.curated} is missing")
            built = build_from_curated(name, curated, raw)
        else:
            built = BUILDERS[name](raw)
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        if isinstance(exc, DataError):
            raise
        raise RawFormatError(f"{name}: cannot build from the inputs ({exc!r})") from exc
    validate(built.frame, spec)
    missing = tuple(item.key for item in spec.inputs if item.key not in raw)
    return Built(built.frame, built.vintage, missing)


def _check_not_shorter(name: str, fresh: pd.DataFrame) -> None:
    """Refuse a refreshed table that covers less than the shipped one (a partial download)."""
    try:
        shipped = load(name)
    except DataError:
        return
    if fresh.index[0] > shipped.index[0] or fresh.index[-1] < shipped.index[-1]:
        raise RefreshError(
            f"{name}: downloaded data cover {period_text(fresh, SPECS[name])}, less than the "
            f"shipped {period_text(shipped, SPECS[name])}; kept the existing data")
    missing = [c for c in shipped.columns if c not in fresh.columns]
    if missing:
        raise RefreshError(f"{name}: downloaded data lack columns {missing}; kept the "
                           "existing data")


def refresh(
    name: str,
    timeout: float = 30.0,
    *,
    endpoints: Mapping[str, str] | None = None,
    fetch: Fetch | None = None,
    today: str | None = None,
) -> Path:
    """Download dataset ``name`` from its publisher, validate it and cache it atomically.

    Returns the path of the cached CSV. ``load(name, prefer_cache=True)`` then reads it.
    ``endpoints`` overrides the URL templates (keys ``"fred"``, ``"fiscaldata"``, ``"tic"``,
    each with a ``{param}`` field); ``fetch(url, timeout) -> bytes`` replaces HTTP (tests use
    recorded responses); ``today`` (``YYYY-MM-DD``) is the retrieval date to record (default:
    the current UTC date).

    Raises :class:`RefreshError` when a download fails, is cut short or is malformed, or when
    the result fails validation or covers less than the shipped copy; in every such case the
    cached and shipped files are left as they were.
    """
    spec = _spec(name)
    if not spec.refreshable:
        raise RefreshError(
            f"{name}: hand-curated from documents (no public data endpoint); update "
            f"tools/curated/{spec.curated} and run tools/build_data.py instead")
    getter = fetch or http_get
    raw: dict[str, bytes] = {}
    for item in spec.inputs:
        try:
            raw[item.key] = fetch_input(item, getter, timeout, endpoints)
        except RefreshError:
            if item.required:
                raise
    try:
        built = build_dataset(name, raw)
    except DataError as exc:
        raise RefreshError(f"{name}: the download did not give valid data: {exc}") from exc
    _check_not_shorter(name, built.frame)
    payload = to_csv_bytes(built.frame, spec)
    retrieved = today or pd.Timestamp.now(tz="UTC").strftime("%Y-%m-%d")
    entry = manifest_entry(built.frame, spec, payload, retrieved, built.vintage, built.missing)
    folder = cache_dir()
    file_name = f"{name}.{entry['sha256'][:12]}.csv"  # type: ignore[index]
    entry["file"] = file_name
    atomic_write(folder / file_name, payload)
    manifest = read_manifest(folder) if (folder / MANIFEST_NAME).exists() else {}
    old = manifest.get(name, {}).get("file")
    manifest[name] = entry
    write_manifest(folder, manifest)
    if old and old != file_name:
        (folder / str(old)).unlink(missing_ok=True)
    return folder / file_name


def refresh_all(timeout: float = 30.0) -> dict[str, str]:
    """Refresh every dataset that has a public endpoint into the user cache.

    Returns, for each dataset, the cached file's path or the reason it was not refreshed
    (the shipped and cached copies are then left as they were). Hand-curated datasets are
    skipped: they change only with the course.
    """
    results: dict[str, str] = {}
    for name in [*available(), *download_only()]:
        if not _spec(name).refreshable:
            results[name] = "not refreshed: hand-curated from documents"
            continue
        try:
            results[name] = str(refresh(name, timeout=timeout))
        except RefreshError as exc:
            results[name] = f"not refreshed: {exc}"
    return results


if __name__ == "__main__":  # python -m lessons_lib.data: `make data`
    print(f"Refreshing into {cache_dir()} (the shipped copies are never changed).")
    for dataset, outcome in refresh_all().items():
        print(f"{dataset}: {outcome}")
    print("Use them with lessons_lib.data.load(name, prefer_cache=True).")
