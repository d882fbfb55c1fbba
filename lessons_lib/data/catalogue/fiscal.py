"""The federal budget and debt: FiscalData debt, OMB/Treasury budget totals, average rates."""

from __future__ import annotations

import pandas as pd

from ..errors import RawFormatError
from ..schema import Column, Schema
from ..sources.fiscaldata import amount, parse_fiscaldata_records
from ..sources.fred import fred_input, parse_fred_csv
from ..spec import Built, DatasetSpec, Input, Raw, register

USD_BN = "USD billions"
_JSAINTFLEUR = "jsaintfleur/usnationaldebt data/: a copy of FRED's download in FRED's layout"


def _fiscal_year_end_records(records: list[dict[str, str]], field_name: str) -> pd.Series:
    """Last value of ``field_name`` on or before 30 September of each fiscal year."""
    rows = [(r["record_date"], amount(r.get(field_name, ""))) for r in records]
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
        cells.setdefault(column, {})[stamp] = amount(record.get("avg_interest_rate_amt", ""))
    if "notes_pct" not in cells:
        raise RawFormatError("avg_interest_rates: no marketable records in the response")
    order = ["total_marketable_pct", "bills_pct", "notes_pct", "bonds_pct", "tips_pct", "frn_pct"]
    frame = pd.DataFrame({c: pd.Series(cells.get(c, {}), dtype="float64") for c in order})
    frame = frame.sort_index()
    frame.index = pd.DatetimeIndex(frame.index, name="month_end")
    return Built(frame, f"monthly data to {frame.index[-1]:%b %Y}")



register(
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
        units=USD_BN + ", at fiscal-year end (30 September)",
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
                mirror="jsaintfleur/usnationaldebt data/debt-annual.csv: the API's records "
                "saved as a CSV download (record_date, debt_outstanding_amt)",
            ),
            Input(
                "debt_to_penny",
                "fiscaldata",
                "v2/accounting/od/debt_to_penny?fields=record_date,debt_held_public_amt,"
                "tot_pub_debt_out_amt&filter=record_date:gte:2000-01-01,"
                "record_calendar_month:eq:09&sort=record_date",
                "nc/debt.raw.data.ts",
                mirror="r7lemieux/nc src/lib/services/domain/timeFactor/debt.raw.data.ts @ "
                "2c5587d: the API's records (2000-01-01 to 2025-06-05) pasted into a "
                "TypeScript module",
            ),
        ),
        builder=build_federal_debt_fy,
    )
)


register(
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
            min_rows=5,
        ),
        publisher="U.S. Office of Management and Budget and U.S. Treasury (Monthly Treasury "
        "Statement), via FRED; GDP: U.S. Bureau of Economic Analysis, via FRED",
        short_source="OMB/Treasury via FRED (FYFR, FYONET, FYFSD, FYOINT); BEA GDP via FRED",
        title="Federal receipts, outlays, surplus or deficit and net interest by fiscal year; "
        "GDP per fiscal year",
        url="https://fred.stlouisfed.org/series/FYOINT",
        series=("FYFR", "FYONET", "FYFSD", "FYOINT", "GDP"),
        units=USD_BN + " (nominal); fiscal years ending 30 September",
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
            fred_input("FYFR", "fred/fiscal-receipts.csv", mirror=_JSAINTFLEUR),
            fred_input("FYONET", "fred/fiscal-outlays.csv", mirror=_JSAINTFLEUR),
            fred_input("FYFSD", "fred/fiscal-deficit.csv", mirror=_JSAINTFLEUR),
            fred_input("FYOINT", "fred/fiscal-interest.csv", mirror=_JSAINTFLEUR),
            fred_input("GDP", "fred/gdp.csv", mirror=_JSAINTFLEUR),
        ),
        builder=build_budget_fy,
    )
)


register(
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
            min_rows=12,
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
                mirror="r7lemieux/nc src/lib/services/domain/timeFactor/"
                "AvgInterestRate_20010131_20250531.ts @ 2c5587d: the API's records pasted "
                "into a TypeScript module",
            ),
        ),
        builder=build_avg_interest_rate,
    )
)
