"""The Federal Reserve's balance sheet: Treasury holdings, total assets, remittances, QE/QT."""

from __future__ import annotations

import pandas as pd

from ..schema import Column, Schema
from ..sources.fred import fred_input, weekly_usd_bn, weekly_vintage
from ..spec import Built, DatasetSpec, Raw, register
from .curated import curated, curated_input

USD_BN = "USD billions"
_H41 = "Board of Governors of the Federal Reserve System (H.4.1), via FRED"


def build_fed_holdings(raw: Raw) -> Built:
    """``fed_holdings``: TREAST and WALCL, Wednesday levels, USD billions, common weeks."""
    frame = pd.DataFrame({
        "treasuries_outright_usd_bn": weekly_usd_bn(raw, "TREAST"),
        "total_assets_usd_bn": weekly_usd_bn(raw, "WALCL"),
    }).dropna()
    frame.index.name = "wednesday"
    return Built(frame, weekly_vintage(frame.index))


register(
    DatasetSpec(
        name="fed_holdings",
        schema=Schema(
            "wednesday",
            "week_wednesday",
            (
                Column("treasuries_outright_usd_bn", low=100, high=10000),
                Column("total_assets_usd_bn", low=300, high=15000),
            ),
            min_rows=4,
        ),
        publisher=_H41,
        short_source="Federal Reserve H.4.1 via FRED (TREAST, WALCL)",
        title="Federal Reserve: Treasury securities held outright and total assets, Wednesday "
        "levels",
        url="https://fred.stlouisfed.org/series/TREAST",
        series=("TREAST", "WALCL"),
        units=USD_BN + ", Wednesday level (FRED publishes USD millions)",
        transformation=(
            "FRED's USD millions divided by 1,000 (exact; no rounding). Weeks where both series "
            "have a value: the table ends at the earlier of the two series' last Wednesdays."
        ),
        notes=(
            "Treasury holdings are at face value (TIPS including inflation compensation) and "
            "exclude repo. Total assets also include agency MBS, loans and other assets. "
            "In the offline build TREAST stops at 3 Jun 2026 while WALCL runs to "
            "19 Aug 2026, so both columns end on 3 Jun 2026. The QE and QT periods are in "
            "fed_programs."
        ),
        inputs=(
            fred_input("TREAST", "fed/TREAST_weekly.csv", mirror=(
                "jonsflow/risk-model data/fred/TREAST.csv @aeb4dce0; header `Date,Value` "
                "instead of FRED's `observation_date,TREAST`, values with `.0`")),
            fred_input("WALCL", "fed/WALCL_weekly.csv", mirror=(
                "raylia529/market-indicators-dashboard data/fed-balance-sheet.csv; header "
                "`date,value` instead of FRED's `observation_date,WALCL`")),
        ),
        builder=build_fed_holdings,
    )
)


def build_fed_remittances(raw: Raw) -> Built:
    """``fed_remittances``: RESPPLLOPNWW, Wednesday levels, USD billions (negative: deferred)."""
    values = weekly_usd_bn(raw, "RESPPLLOPNWW")
    reported = values[values != 0]
    if reported.empty:
        raise ValueError("FRED RESPPLLOPNWW: every value is zero")
    frame = pd.DataFrame({"remittances_due_usd_bn": values.loc[reported.index[0]:]})
    frame.index.name = "wednesday"
    return Built(frame, weekly_vintage(frame.index))


register(
    DatasetSpec(
        name="fed_remittances",
        schema=Schema(
            "wednesday",
            "week_wednesday",
            (Column("remittances_due_usd_bn", low=-1000, high=200),),
            min_rows=4,
        ),
        publisher=_H41,
        short_source="Federal Reserve H.4.1 via FRED (RESPPLLOPNWW)",
        title="Federal Reserve: earnings remittances due to the U.S. Treasury, Wednesday level",
        url="https://fred.stlouisfed.org/series/RESPPLLOPNWW",
        series=("RESPPLLOPNWW",),
        units=USD_BN + ", Wednesday level (FRED publishes USD millions)",
        transformation=(
            "FRED's USD millions divided by 1,000 (exact; no rounding). Starts at the first "
            "non-zero week, 5 Jan 2011: FRED shows 0 for every week from 18 Dec 2002 to 29 Dec "
            "2010, and those weeks are dropped."
        ),
        notes=(
            "A positive value is earnings owed to the Treasury and not yet paid (remitted "
            "weekly). A negative value is the deferred asset: when the Reserve Banks' interest "
            "costs exceed their income they stop remitting and record what future earnings "
            "must repay before remittances resume. The series is negative in four weeks of 2011 "
            "(27 Jul, 3 Aug, 26 Oct and 2 Nov; at most -0.672) and from 7 Sep 2022 (-0.165) "
            "on. The series shipped here stops at 14 Dec 2022 (-14.309), just after the "
            "deferred asset began: it does not cover the 2023-2025 build-up. refresh() "
            "downloads the full series from FRED."
        ),
        inputs=(
            fred_input("RESPPLLOPNWW", "fed/RESPPLLOPNWW_weekly_2002-2022.csv", mirror=(
                "vorobeij/markets-research data/fred/RESPPLLOPNWW.csv @c23e86e5; header "
                "`DATE,RESPPLLOPNWW` (FRED's older header), values with `.0`; ends 2022-12-14")),
        ),
        builder=build_fed_remittances,
    )
)


register(
    DatasetSpec(
        name="fed_programs",
        schema=Schema(
            "start",
            "date",
            (
                Column("start_precision", kind="str"),
                Column("end", kind="date", nullable=True),
                Column("end_precision", kind="str", nullable=True),
                Column("program", kind="str"),
                Column("kind", kind="str"),
                Column("securities", kind="str"),
                Column("treasury_monthly_usd_bn", low=-100, high=200, nullable=True),
                Column("treasury_total_usd_bn", low=0, high=5000, nullable=True),
                Column("announced", kind="date"),
                Column("description", kind="str"),
                Column("source", kind="str"),
            ),
            min_rows=5,
        ),
        publisher="Federal Open Market Committee (statements, as cited per row)",
        short_source="FOMC statements (cited per row)",
        title="Federal Reserve asset purchases (QE) and balance-sheet runoff (QT) touching "
        "Treasuries, 2009-2025",
        url="https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm",
        series=(),
        units="dates; treasury_monthly_usd_bn in USD billions per month (negative: runoff "
        "cap), treasury_total_usd_bn in USD billions",
        transformation=(
            "Transcribed from FOMC statements (tools/curated/fed_programs.csv). kind is "
            "purchase, taper (purchases continuing at a falling pace), runoff (holdings "
            "allowed to mature under caps) or maturity_extension (sales of short and purchases "
            "of long Treasuries, holdings about unchanged). start/end precision 'month' means "
            "the statement gives only the month (the date is then the first of the month)."
        ),
        notes=(
            "Rows overlap: the taper rows lie inside the purchase program they slow, and the "
            "two 'QT2 slowed' rows inside QT2. treasury_monthly_usd_bn is the pace or cap when "
            "the row starts (QT caps rose in steps; see description). Sizes not read in a "
            "statement are left empty. Hand-curated from the documents cited in the source "
            "column, one per row."
        ),
        inputs=(curated_input("fed_programs.csv"),),
        builder=curated("fed_programs"),
    )
)
