"""Marketable debt by month of maturity (MSPD) and CBO's January 2025 baseline."""

from __future__ import annotations

import pandas as pd

from ..errors import RawFormatError
from ..schema import Column, Schema
from ..sources.cbo import CBO_DATA_GITHUB, CBO_FILES, parse_cbo_budget_long, parse_cbo_quarterly
from ..sources.mspd import ENDPOINT_KIND, KINDS, parse_maturity_profile
from ..spec import Built, DatasetSpec, Input, Raw, register

USD_BN = "USD billions"

# --------------------------------------------------------------------------------------------
# maturity_profile
# --------------------------------------------------------------------------------------------

MSPD_REFERENCE_DATE = "2026-04-30"
"""The statement the shipped profile describes; refresh asks FiscalData for the same one."""

PROFILE_COLUMNS = tuple(f"{kind}_usd_bn" for kind in KINDS)


def build_maturity_profile(raw: Raw) -> Built:
    """``maturity_profile``: marketable debt by month of maturity and kind, USD billions."""
    table = parse_maturity_profile(raw["mspd_table_3"])
    frame = (table.millions / 1000.0).round(11)
    frame.columns = [f"{kind}_usd_bn" for kind in frame.columns]
    frame["total_usd_bn"] = (table.millions.sum(axis=1) / 1000.0).round(11)
    frame.index.freq = None
    reference = table.reference_date
    return Built(frame, f"Monthly Statement of the Public Debt of {reference.day} "
                        f"{reference:%b %Y} (reference date {reference:%Y-%m-%d})")


register(
    DatasetSpec(
        name="maturity_profile",
        schema=Schema(
            "month_end",
            "month_end",
            tuple(Column(name, low=0, high=5000) for name in PROFILE_COLUMNS)
            + (Column("total_usd_bn", low=0, high=5000),),
            min_rows=12,
        ),
        publisher="U.S. Department of the Treasury, Bureau of the Fiscal Service, Monthly "
        "Statement of the Public Debt (MSPD)",
        short_source="U.S. Treasury, Monthly Statement of the Public Debt, table 3 "
        "(marketable securities)",
        title="Marketable Treasury debt outstanding by month of maturity and kind of security "
        "(bills, notes, bonds, TIPS, FRNs)",
        url="https://fiscaldata.treasury.gov/datasets/monthly-statement-public-debt/",
        series=("Bills Maturity Value", "Notes", "Bonds", "Inflation-Protected Securities",
                "Floating Rate Notes"),
        units=USD_BN + " outstanding at the reference date, by month of maturity (month end)",
        transformation=(
            "Each security's amount outstanding (USD millions; TIPS including the inflation "
            "adjustment) added to the month of its maturity date under its kind; months with "
            "nothing maturing are zero. Divided by 1,000 and rounded to 1e-11, so the "
            "publisher's millions are kept exactly. total_usd_bn is the sum of the five kinds."
        ),
        notes=(
            "Reference date 30 April 2026 (the MSPD of end-April 2026): the first row is "
            "May 2026. The offline build reads a MIRROR, not the publisher's layout: a "
            "third-party dashboard's aggregation of the MSPD 'Entire' Excel file (marketable "
            "sheet) into USD millions by month and kind (see describe().built_from). It sums "
            "to USD 30,170.5 billion (bills 6,119.4, notes 15,937.9, bonds 5,383.1, TIPS "
            "2,079.7, FRNs 650.3); May 2026 maturities are USD 1,782.6 billion. refresh() "
            "rebuilds the same statement from FiscalData's security-level table 3 "
            "(mspd_table_3_market, record_date 30 April 2026); a later statement is a new "
            "reference date and needs a new spec. Federal Financing Bank securities are "
            "left out, as in the MSPD's marketable total. From 2036 only February, May, "
            "August and November have maturities (the rows between are zero)."
        ),
        inputs=(
            Input(
                "mspd_table_3",
                ENDPOINT_KIND,
                "v1/debt/mspd/mspd_table_3_market?fields=record_date,security_type_desc,"
                "security_class1_desc,security_class2_desc,maturity_date,outstanding_amt"
                f"&filter=record_date:eq:{MSPD_REFERENCE_DATE}&sort=maturity_date",
                "maturity/MSPD_maturity_profile_2026-04_by_month_and_type.json",
                mirror=(
                    "scottausor/treasury-maturity-dashboard data/maturity_data_202604.json "
                    "@8e7891f4 (extracted 2026-05-08); a JSON of USD millions by month of "
                    "maturity and kind aggregated from the MSPD 'Entire' Excel file, not "
                    "FiscalData's security-level table 3"
                ),
            ),
        ),
        builder=build_maturity_profile,
    )
)

# --------------------------------------------------------------------------------------------
# CBO January 2025 baseline
# --------------------------------------------------------------------------------------------

FIRST_PROJECTED_FISCAL_YEAR = 2025
"""CBO's January 2025 baseline projects from FY2025; FY2024 is CBO's actual."""
FIRST_PROJECTED_QUARTER = "2024-12-31"
"""The economic file's actual values are those released by 4 December 2024 (its README):
2024Q3 is the last actual quarter, 2024Q4 the first projected one."""

_BUDGET_VARIABLES = {
    "proj_rev_total": "revenues_usd_bn",
    "proj_outlays_total": "outlays_usd_bn",
    "proj_outlays_net_interest": "net_interest_usd_bn",
    "proj_debt_held_by_public_end": "debt_held_by_public_usd_bn",
    "proj_debt_held_by_public_gdp_share": "debt_held_by_public_pct_gdp",
    "proj_debt_fed_reserve_holdings": "debt_held_by_fed_usd_bn",
    "proj_debt_avg_interest_rate": "avg_interest_rate_on_debt_pct",
}

_ECONOMIC_COLUMNS = {
    "gdp": "gdp_usd_bn",
    "treasury_bill_rate_3mo": "tbill_3m_pct",
    "treasury_note_rate_10yr": "note_10y_pct",
    "fed_funds_rate": "fed_funds_pct",
    "cpiu": "cpi_u_index",
}

_CBO_BUDGET_INPUT = Input(
    "budget",
    CBO_DATA_GITHUB.kind,
    "data/budget/ten_year_budget/annual_fy_2025-01.csv",
    "cbo/CBO_ten_year_budget_annual_fy_2025-01_EXTRACT.csv",
    mirror=(
        "laurencehw/fiscal-policy-calculator fiscal_model/data_files/cbo_baseline/sources/"
        "cbo-data/data__budget__ten_year_budget__annual_fy_2025-01.csv @a819b39f (a copy of "
        "US-CBO/cbo-data data/budget/ten_year_budget/annual_fy_2025-01.csv); an EXTRACT: the "
        "rows of 19 of its variables copied verbatim, same date,variable,value layout"
    ),
)

_CBO_ECONOMIC_INPUT = Input(
    "economic",
    CBO_FILES.kind,
    "2025-01/55022-2025-01-HistoricalEconomicData.zip",
    "cbo/CBO_Quarterly_January2025.csv",
    mirror=(
        "trinebsaether/TIO4550_Replication data/CPr/CBO_Quarterly_January2025.csv @754fd887; "
        "CBO's Quarterly_January2025.csv on its own, not inside CBO's zip file"
    ),
)

_CBO_REFRESH_NOTE = (
    "refresh() fetches CBO's files as published for the January 2025 baseline (the budget "
    "file from CBO's cbo-data repository on GitHub, the economic file from CBO's zip of "
    "historical data and projections); a later baseline needs a new spec, since a baseline "
    "is a vintage, not a series."
)


def _fiscal_year_mean(quarterly: pd.Series) -> pd.Series:
    """Mean of the four quarters October-September of each fiscal year (complete years)."""
    fiscal_year = quarterly.index.year + (quarterly.index.month >= 10).astype(int)
    grouped = quarterly.groupby(fiscal_year)
    means = grouped.mean()[grouped.count() == 4]
    return means.round(4)


def build_cbo_baseline(raw: Raw) -> Built:
    """``cbo_baseline``: CBO's January 2025 budget baseline by fiscal year, USD billions."""
    budget = parse_cbo_budget_long(raw["budget"])
    missing = [v for v in [*_BUDGET_VARIABLES, "proj_deficit_total", "proj_primary_deficit"]
               if v not in budget]
    if missing:
        raise RawFormatError(f"CBO budget projections: variables {missing} not in the file")
    frame = budget[list(_BUDGET_VARIABLES)].rename(columns=_BUDGET_VARIABLES)
    # CBO records deficits as negative surpluses; here a deficit is a positive number
    frame["deficit_usd_bn"] = -budget["proj_deficit_total"]
    frame["primary_deficit_usd_bn"] = -budget["proj_primary_deficit"]
    dollars = [c for c in frame.columns if c.endswith("_usd_bn")]
    frame[dollars] = frame[dollars].round(3)  # CBO's USD millions, without float noise
    frame["gdp_usd_bn"] = (frame["debt_held_by_public_usd_bn"]
                           / frame["debt_held_by_public_pct_gdp"] * 100).round(3)
    economic = parse_cbo_quarterly(raw["economic"])
    for source, column in (("treasury_bill_rate_3mo", "tbill_3m_pct"),
                           ("treasury_note_rate_10yr", "note_10y_pct")):
        if source not in economic:
            raise RawFormatError(f"CBO quarterly economic projections: no {source} column")
        frame[column] = _fiscal_year_mean(economic[source].dropna())
    frame["actual"] = pd.array(frame.index < FIRST_PROJECTED_FISCAL_YEAR, dtype="boolean")
    frame.index = frame.index.astype("int64")
    frame.index.name = "fiscal_year"
    order = ["revenues_usd_bn", "outlays_usd_bn", "net_interest_usd_bn",
             "primary_deficit_usd_bn", "deficit_usd_bn", "debt_held_by_public_usd_bn",
             "debt_held_by_public_pct_gdp", "debt_held_by_fed_usd_bn", "gdp_usd_bn",
             "avg_interest_rate_on_debt_pct", "tbill_3m_pct", "note_10y_pct", "actual"]
    return Built(frame[order], "January 2025 baseline (The Budget and Economic Outlook: "
                               f"2025 to 2035), FY{frame.index[0]} to FY{frame.index[-1]}")


register(
    DatasetSpec(
        name="cbo_baseline",
        schema=Schema(
            "fiscal_year",
            "fiscal_year",
            (
                Column("revenues_usd_bn", low=1000, high=20000),
                Column("outlays_usd_bn", low=1000, high=20000),
                Column("net_interest_usd_bn", low=100, high=5000),
                Column("primary_deficit_usd_bn", low=-5000, high=10000),
                Column("deficit_usd_bn", low=-5000, high=10000),
                Column("debt_held_by_public_usd_bn", low=10000, high=100000),
                Column("debt_held_by_public_pct_gdp", low=20, high=300),
                Column("debt_held_by_fed_usd_bn", low=0, high=20000),
                Column("gdp_usd_bn", low=10000, high=100000),
                Column("avg_interest_rate_on_debt_pct", low=0, high=15),
                Column("tbill_3m_pct", low=-1, high=20),
                Column("note_10y_pct", low=-1, high=20),
                Column("actual", kind="bool"),
            ),
            min_rows=11,
        ),
        publisher="Congressional Budget Office",
        short_source="CBO, The Budget and Economic Outlook: 2025 to 2035 (January 2025)",
        title="CBO baseline projections, January 2025: revenues, outlays, net interest, "
        "deficits, debt held by the public, GDP and interest rates, fiscal years 2024-2035",
        url="https://www.cbo.gov/publication/60870",
        series=(*_BUDGET_VARIABLES, "proj_deficit_total", "proj_primary_deficit",
                "treasury_bill_rate_3mo", "treasury_note_rate_10yr"),
        units=USD_BN + " (nominal), fiscal years ending 30 September; _pct columns percent; "
        "debt at the end of the fiscal year",
        transformation=(
            "From CBO's long-format budget file: the variables as published (USD billions, "
            "rounded to 0.001 to drop the file's float noise such as 951.2619999999994). "
            "deficit_usd_bn and primary_deficit_usd_bn are CBO's proj_deficit_total and "
            "proj_primary_deficit with the sign turned (positive = deficit), so deficit = "
            "outlays - revenues and primary deficit = deficit - net interest. gdp_usd_bn is "
            "not in the budget file: it is debt held by the public / its share of GDP x 100, "
            "rounded to 0.001; it equals the mean of CBO's quarterly GDP over the fiscal "
            "year's four quarters to 0.001 in every year. tbill_3m_pct and note_10y_pct are "
            "the means of the four quarters of the fiscal year (October-September, e.g. "
            "2034Q4-2035Q3 for FY2035) of CBO's quarterly 3-month bill and "
            "10-year note rates, rounded to 0.0001. actual is True for FY2024, CBO's actual."
        ),
        notes=(
            "Built from CBO's own files, not transcribed: the budget file is an EXTRACT of "
            "CBO's long-format file (19 of its variables, rows verbatim) from a MIRROR of "
            "CBO's cbo-data repository, and the economic file a mirror of the CSV inside "
            "CBO's zip file (see describe().built_from). 2024 is CBO's actual (it differs "
            "slightly from the Treasury's later figures). Net interest is budget function "
            "900. CBO's February 2026 baseline supersedes this one (only its headlines were "
            "available to the build). " + _CBO_REFRESH_NOTE
        ),
        inputs=(_CBO_BUDGET_INPUT, _CBO_ECONOMIC_INPUT),
        builder=build_cbo_baseline,
    )
)


def build_cbo_economic_quarterly(raw: Raw) -> Built:
    """``cbo_economic_quarterly``: GDP, rates and CPI-U, 2000Q1-2035Q4, actual and projected."""
    economic = parse_cbo_quarterly(raw["economic"])
    missing = [c for c in _ECONOMIC_COLUMNS if c not in economic]
    if missing:
        raise RawFormatError(f"CBO quarterly economic projections: no columns {missing}")
    frame = economic.loc["2000-01-01":, list(_ECONOMIC_COLUMNS)].rename(columns=_ECONOMIC_COLUMNS)
    frame["projected"] = pd.array(frame.index >= pd.Timestamp(FIRST_PROJECTED_QUARTER),
                                  dtype="boolean")
    frame.index.freq = None
    last = frame.index[-1]
    return Built(frame, f"January 2025 projections to {last.year}Q{last.quarter} (actual "
                        "data as released by 4 Dec 2024)")


register(
    DatasetSpec(
        name="cbo_economic_quarterly",
        schema=Schema(
            "quarter_end",
            "quarter_end",
            (
                Column("gdp_usd_bn", low=5000, high=100000),
                Column("tbill_3m_pct", low=-1, high=20),
                Column("note_10y_pct", low=-1, high=20),
                Column("fed_funds_pct", low=-1, high=20),
                Column("cpi_u_index", low=100, high=1000),
                Column("projected", kind="bool"),
            ),
            min_rows=40,
        ),
        publisher="Congressional Budget Office",
        short_source="CBO, historical data and economic projections, January 2025",
        title="CBO's quarterly economic history and projections, January 2025: GDP, 3-month "
        "bill and 10-year note rates, federal funds rate, CPI-U",
        url="https://www.cbo.gov/data/budget-economic-data",
        series=tuple(_ECONOMIC_COLUMNS),
        units="GDP: USD billions, seasonally adjusted annual rate; rates: percent per year "
        "(quarterly averages); CPI-U: index 1982-84 = 100, seasonally adjusted",
        transformation=(
            "CBO's Quarterly_January2025.csv from 2000Q1: gdp, treasury_bill_rate_3mo, "
            "treasury_note_rate_10yr, fed_funds_rate and cpiu as published (names per CBO's "
            "README), quarters dated at their last day. projected is True from 2024Q4."
        ),
        notes=(
            "Actual values are those released by 4 December 2024 (CBO's README), so 2024Q3 "
            "is the last actual quarter and 2024Q4 the first projected one. The offline build "
            "reads a MIRROR of the CSV (see describe().built_from). " + _CBO_REFRESH_NOTE
        ),
        inputs=(_CBO_ECONOMIC_INPUT,),
        builder=build_cbo_economic_quarterly,
    )
)
