"""Foreign holdings of and flows into Treasuries: New York Fed custody, TIC, FRED FDHBFIN."""

from __future__ import annotations

import pandas as pd

from ..schema import Column, Schema
from ..sources.fred import fred_input, parse_fred_csv, weekly_usd_bn, weekly_vintage
from ..sources.tic_slt import (
    S1_INPUT,
    SLT3D_INPUT,
    SLT_TABLE1_INPUT,
    SLT_TABLE3_INPUT,
    SLT_TABLE5_INPUT,
    TIC_RESOURCE,
    parse_s1_globl,
    parse_slt3d,
    parse_slt_table,
    parse_slt_table5,
    wide,
)
from ..spec import Built, DatasetSpec, Raw, register

USD_BN = "USD billions"
_TIC = "U.S. Department of the Treasury, Treasury International Capital (TIC) system"
_CUSTODIAL = (
    "TIC data are collected mainly from U.S.-based custodians, so holdings and flows are "
    "attributed to the country of the custodian or account holder: securities held through "
    "custodians in Belgium, Luxembourg, the UK or the Cayman Islands may belong to investors "
    "elsewhere (TIC FAQ #7, cited in the files' notes)."
)

COUNTRIES = {
    "Japan": "japan",
    "China, Mainland": "china",
    "United Kingdom": "united_kingdom",
    "Belgium": "belgium",
    "Luxembourg": "luxembourg",
    "Cayman Islands": "cayman_islands",
    "Canada": "canada",
    "Switzerland": "switzerland",
    "Taiwan": "taiwan",
    "Ireland": "ireland",
    "France": "france",
    "Grand Total": "grand_total",
    "Of Which: Foreign Official": "foreign_official",
}
"""TIC row labels kept by the country tables -> column prefix."""

_LATE_IN_FORM_S = ("belgium", "luxembourg", "cayman_islands")
"""Countries that Form S reports separately only from 2001-01 (Belgium and Luxembourg were
one row before, the Cayman Islands were part of the British West Indies)."""


def _month_text(stamp: pd.Timestamp) -> str:
    return f"{stamp:%b %Y}"


def _consecutive_tail(index: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """The longest run of consecutive month ends at the end of ``index`` (sorted)."""
    periods = index.to_period("M")
    start = len(index) - 1
    while start > 0 and (periods[start] - periods[start - 1]).n == 1:
        start -= 1
    return index[start:]


# --------------------------------------------------------------------------------------------
# New York Fed custody holdings (weekly)
# --------------------------------------------------------------------------------------------

CUSTODY_START = "2007-07-04"


def build_custody_holdings(raw: Raw) -> Built:
    """``custody_holdings``: WMTSECL1 from 4 Jul 2007, Wednesday levels, USD billions."""
    values = weekly_usd_bn(raw, "WMTSECL1", start=CUSTODY_START)
    if (values <= 0).any() or values.isna().any():
        raise ValueError("FRED WMTSECL1: zero or missing values after 2007-07-04")
    frame = pd.DataFrame({"marketable_treasuries_usd_bn": values})
    return Built(frame, weekly_vintage(frame.index))


register(
    DatasetSpec(
        name="custody_holdings",
        schema=Schema(
            "wednesday",
            "week_wednesday",
            (Column("marketable_treasuries_usd_bn", low=500, high=6000),),
            min_rows=4,
        ),
        publisher="Board of Governors of the Federal Reserve System (H.4.1), via FRED",
        short_source="Federal Reserve H.4.1 via FRED (WMTSECL1)",
        title="Marketable U.S. Treasury securities held in custody at the Federal Reserve Bank "
        "of New York for foreign official and international accounts, Wednesday level",
        url="https://fred.stlouisfed.org/series/WMTSECL1",
        series=("WMTSECL1",),
        units=USD_BN + ", Wednesday level (FRED publishes USD millions)",
        transformation=(
            "FRED's USD millions divided by 1,000 (exact). Starts on 4 Jul 2007: FRED shows the "
            "series as 0 from Dec 2002 to 27 Jun 2007 (no data), and those weeks are dropped."
        ),
        notes=(
            "A weekly, timely view of foreign central banks' Treasuries, but only those kept at "
            "the New York Fed: official holdings at other custodians are not in it (TIC's "
            "foreign-official holdings are larger: custody was 69-82% of them at month ends "
            "from Dec 2013). A fall need not be a sale: maturities not rolled over and moves "
            "to another custodian also lower it."
        ),
        inputs=(
            fred_input("WMTSECL1", "flows/WMTSECL1.csv", mirror=(
                "KonstantineVM/dollar-breaking-point build/reserve/rdte_evidence/"
                "fred_wmtsecl1.csv @dbca3fb3; FRED's own layout (`observation_date,WMTSECL1`)")),
        ),
        builder=build_custody_holdings,
    )
)


# --------------------------------------------------------------------------------------------
# TIC net purchases by country (monthly): Form S history spliced with SLT Table 1
# --------------------------------------------------------------------------------------------


def build_tic_net_purchases(raw: Raw) -> Built:
    """``tic_net_purchases``: net foreign purchases of long-term Treasuries, USD billions.

    Form S (``s1_globl``: gross purchases [1] minus gross sales [7]) up to the month before
    SLT Table 1's net flows begin, SLT Table 1 (``for_lt_treas_net``) from then on.
    """
    form_s = parse_s1_globl(raw["s1_globl"])
    form_s = form_s[form_s["month_end"] >= "1990-01-31"]
    slt = parse_slt_table(raw["slt_table1"], "TIC slt_table1")
    if "for_lt_treas_net" not in slt:
        raise ValueError("TIC slt_table1: no 'for_lt_treas_net' column")
    columns = {label: f"{prefix}_usd_bn" for label, prefix in COUNTRIES.items()}
    old = wide(form_s, "net_treasury", columns)
    new = wide(slt, "for_lt_treas_net", columns)
    new = new[new["grand_total_usd_bn"].notna()]
    if new.empty:
        raise ValueError("TIC slt_table1: no month with net flows for the Grand Total")
    splice = new.index[0]
    old = old[old.index < splice]
    old["basis"] = "form_s"
    new["basis"] = "slt"
    frame = pd.concat([old, new])
    numeric = [c for c in frame.columns if c != "basis"]
    frame[numeric] = frame[numeric].astype("float64") / 1000.0
    expected = pd.date_range(frame.index[0], frame.index[-1], freq="ME")
    if len(expected) != len(frame):
        raise ValueError(f"TIC net purchases: Form S ends {_month_text(old.index[-1])} but "
                         f"SLT Table 1 net flows start {_month_text(splice)}: months missing")
    frame.index = pd.DatetimeIndex(frame.index, name="month_end")
    vintage = (f"monthly data to {_month_text(frame.index[-1])} (Form S to "
               f"{_month_text(old.index[-1])}, SLT from {_month_text(splice)})")
    return Built(frame, vintage)


def _country_columns(suffix: str, low: float, high: float,
                     late: tuple[str, ...] = ()) -> tuple[Column, ...]:
    return tuple(
        Column(f"{prefix}{suffix}", low=low, high=high,
               nullable=prefix in late or prefix == "foreign_official")
        for prefix in COUNTRIES.values())


register(
    DatasetSpec(
        name="tic_net_purchases",
        schema=Schema(
            "month_end",
            "month_end",
            _country_columns("_usd_bn", -400, 400, _LATE_IN_FORM_S)
            + (Column("basis", kind="str"),),
            min_rows=3,
        ),
        publisher=_TIC,
        short_source="U.S. Treasury TIC (Form S s1_globl; SLT Table 1)",
        title="Net foreign purchases of long-term U.S. Treasury securities, by country, monthly",
        url=TIC_RESOURCE.template.format(param="slt_table1.txt"),
        series=("s1_globl [1] - [7]", "slt_table1 for_lt_treas_net"),
        units=USD_BN + " per month; positive = net foreign purchases, negative = net sales "
        "(TIC publishes USD millions)",
        transformation=(
            "Form S (s1_globl.txt): gross purchases by foreigners from U.S. residents of "
            "marketable Treasury and Federal Financing Bank bonds and notes (column [1]) minus "
            "gross sales by foreigners to U.S. residents (column [7]), Jan 1990 - Jan 2023. "
            "SLT (slt_table1.txt): 'Net U.S. Sales' of U.S. Treasuries (for_lt_treas_net, "
            "Form SLT columns 3 + 7 - 2 - 6; a positive number is an increase in the foreign "
            "position), from Feb 2023, the first month with net flows (n.a. before). Each "
            "month comes from one source, named in the basis column ('form_s' or 'slt'). USD "
            "millions divided by 1,000."
        ),
        notes=(
            "Both count long-term Treasuries only, bills excluded. Form S column [1]/[7] is "
            "'Marketable U.S. Treasury and Federal Financing Bank bonds & notes', gross "
            "purchases and gross sales by foreigners in U.S. transactions with foreigners; the "
            "SLT figure is the net of the purchase and sales columns of Form SLT, reported "
            "with the holdings and valuation changes (SLT Table 3 adds bills, estimated as the "
            "month-over-month change in bill holdings, not included here). The two are "
            "different reports, so the splice at Feb 2023 is a break. Treasury froze "
            "s1_globl at Jan 2023. Form S reports Belgium, Luxembourg and the Cayman Islands "
            "separately only from Jan 2001 (empty before); foreign_official is empty in the "
            "Form S months (s1_globl has no official row). " + _CUSTODIAL
        ),
        inputs=(S1_INPUT, SLT_TABLE1_INPUT),
        builder=build_tic_net_purchases,
    )
)


# --------------------------------------------------------------------------------------------
# TIC Treasury holdings by country (monthly): Table 3D history spliced with SLT Table 3
# --------------------------------------------------------------------------------------------

_HOLDING_PARTS = (("total", "for_treas_pos"), ("long_term", "for_lt_treas_pos"),
                  ("short_term", "for_st_treas_pos"))


def build_tic_holdings_slt(raw: Raw) -> Built:
    """``tic_holdings_slt``: Treasury holdings by country, total/long/short, USD billions.

    Table 3D (``slt3d_globl.csv``) for the months before SLT Table 3 starts, SLT Table 3
    from then on; the lone quarterly month before the monthly run (Sep 2011) is dropped.
    """
    history = parse_slt3d(raw["slt3d_globl"])
    table3 = parse_slt_table(raw["slt_table3"], "TIC slt_table3")
    parts_old, parts_new = [], []
    for part, field in _HOLDING_PARTS:
        names = {label: f"{prefix}_{part}_usd_bn" for label, prefix in COUNTRIES.items()}
        parts_old.append(wide(history, part, names))
        parts_new.append(wide(table3, field, names))
    new = pd.concat(parts_new, axis=1)
    old = pd.concat(parts_old, axis=1)
    old = old[old.index < new.index[0]]
    old["basis"] = "slt3d"
    new["basis"] = "slt_table3"
    frame = pd.concat([old, new])
    frame = frame.loc[_consecutive_tail(pd.DatetimeIndex(frame.index))]
    numeric = [c for c in frame.columns if c != "basis"]
    frame[numeric] = frame[numeric].astype("float64") / 1000.0
    order = [f"{prefix}_{part}_usd_bn" for prefix in COUNTRIES.values()
             for part, _ in _HOLDING_PARTS] + ["basis"]
    frame = frame[order]
    frame.index = pd.DatetimeIndex(frame.index, name="month_end")
    vintage = (f"monthly data to {_month_text(frame.index[-1])} (Table 3D to "
               f"{_month_text(old.index[-1])}, SLT Table 3 from {_month_text(new.index[0])})")
    return Built(frame, vintage)


def _holding_columns() -> tuple[Column, ...]:
    columns = []
    for prefix in COUNTRIES.values():
        high = 15000 if prefix in ("grand_total", "foreign_official") else 3000
        for part, _ in _HOLDING_PARTS:
            columns.append(Column(f"{prefix}_{part}_usd_bn", low=0, high=high,
                                  nullable=prefix == "foreign_official"))
    return tuple(columns)


register(
    DatasetSpec(
        name="tic_holdings_slt",
        schema=Schema("month_end", "month_end", _holding_columns()
                      + (Column("basis", kind="str"),), min_rows=3),
        publisher=_TIC,
        short_source="U.S. Treasury TIC (Table 3D slt3d_globl; SLT Table 3)",
        title="U.S. Treasury securities held by foreign residents, by country: total, "
        "long-term and short-term, monthly",
        url=TIC_RESOURCE.template.format(param="slt_table3.txt"),
        series=("for_treas_pos", "for_lt_treas_pos", "for_st_treas_pos"),
        units=USD_BN + ", holdings at end of month (TIC publishes USD millions)",
        transformation=(
            "Table 3D (slt3d_globl.csv: total, long-term and short-term U.S. Treasury "
            "securities) for Dec 2011 - Dec 2019; SLT Table 3 (slt_table3.txt: for_treas_pos, "
            "for_lt_treas_pos, for_st_treas_pos) from Jan 2020, its first month, which "
            "replaces Table 3D's older vintage of 2020-01 to 2023-01. The basis column names "
            "the source of each month. Table 3D's Sep 2011 (the only month before the monthly "
            "run) is dropped. USD millions divided by 1,000."
        ),
        notes=(
            "Long-term Treasuries (bonds and notes) are reported on Form SLT at market value; "
            "short-term bills on Form BL-2 (the files' note 1). The foreign_official columns "
            "are empty before Dec 2013: Table 3D has no official row before then. Table 3D "
            "and Table 3 are "
            "different vintages: in the months both cover they differ by revisions (Grand "
            "Total Oct 2022: 7,133.094 in Table 3D, 7,133.151 in Table 3; Japan agrees). These "
            "are the monthly rows behind the major-foreign-holders table (tic_holdings); "
            + _CUSTODIAL
        ),
        inputs=(SLT3D_INPUT, SLT_TABLE3_INPUT),
        builder=build_tic_holdings_slt,
    )
)


# --------------------------------------------------------------------------------------------
# TIC Table 5: major foreign holders, the latest 13 months
# --------------------------------------------------------------------------------------------

_TABLE5_ROWS = {
    "Japan": ("japan_usd_bn", False),
    "China, Mainland": ("china_usd_bn", False),
    "United Kingdom": ("united_kingdom_usd_bn", False),
    "Cayman Islands": ("cayman_islands_usd_bn", True),
    "Belgium": ("belgium_usd_bn", True),
    "Luxembourg": ("luxembourg_usd_bn", True),
    "Canada": ("canada_usd_bn", True),
    "France": ("france_usd_bn", True),
    "Ireland": ("ireland_usd_bn", True),
    "Taiwan": ("taiwan_usd_bn", True),
    "Switzerland": ("switzerland_usd_bn", True),
    "All Other": ("all_other_usd_bn", False),
    "Grand Total": ("grand_total_usd_bn", False),
    "Of Which: Foreign Official": ("foreign_official_usd_bn", False),
    "Of Which: Foreign Official Treasury Bills": ("foreign_official_bills_usd_bn", False),
    "Of Which: Foreign Official T-Bonds & Notes": ("foreign_official_bonds_notes_usd_bn",
                                                   False),
}
"""Table 5 row -> (column, optional): the table lists the top holders of its latest month,
so a country outside them may be absent from a later file."""


def build_tic_major_holders_recent(raw: Raw) -> Built:
    """``tic_major_holders_recent``: SLT Table 5 (latest 13 months), USD billions."""
    table = parse_slt_table5(raw["slt_table5"])
    missing = [label for label, (_, optional) in _TABLE5_ROWS.items()
               if not optional and label not in table]
    if missing:
        raise ValueError(f"TIC slt_table5: rows {missing} are missing")
    present = {label: column for label, (column, _) in _TABLE5_ROWS.items() if label in table}
    frame = table[list(present)].rename(columns=present).astype("float64")
    missing_optional = tuple(c for c, optional in _TABLE5_ROWS.values()
                             if optional and c not in frame)
    return Built(frame, f"latest 13 months, to {_month_text(frame.index[-1])}",
                 missing_optional)


register(
    DatasetSpec(
        name="tic_major_holders_recent",
        schema=Schema(
            "month_end",
            "month_end",
            tuple(Column(column, low=0, high=15000, optional=optional)
                  for column, optional in _TABLE5_ROWS.values()),
            min_rows=3,
        ),
        publisher=_TIC,
        short_source="U.S. Treasury TIC, SLT Table 5 (Major Foreign Holders of Treasury "
        "Securities)",
        title="Major Foreign Holders of Treasury Securities, latest 13 months (SLT Table 5)",
        url=TIC_RESOURCE.template.format(param="slt_table5.txt"),
        series=tuple(_TABLE5_ROWS),
        units=USD_BN + ", holdings at end of month (as published, one decimal)",
        transformation=(
            "The rows listed in series, as published; Table 5 lists the 20 largest holders "
            "of its latest month plus 'All Other', so a country that drops out of them is "
            "absent from a later file (its column is then left out)."
        ),
        notes=(
            "The newest months of the major-foreign-holders table (tic_holdings is the long "
            "history, mfhhis01); Table 5 is the same table for the latest 13 months and is "
            "revised each month. " + _CUSTODIAL
        ),
        inputs=(SLT_TABLE5_INPUT,),
        builder=build_tic_major_holders_recent,
    )
)


# --------------------------------------------------------------------------------------------
# Federal debt held by foreign and international investors (quarterly, Z.1 via FRED)
# --------------------------------------------------------------------------------------------


def build_foreign_held_debt(raw: Raw) -> Built:
    """``foreign_held_debt``: FDHBFIN, USD billions, FRED's quarter-start dates -> quarter end."""
    values = parse_fred_csv(raw["FDHBFIN"], "FDHBFIN").dropna()
    starts = values.index
    if not (starts.is_quarter_start.all() and (starts.day == 1).all()):
        raise ValueError("FRED FDHBFIN: dates are not the first days of quarters")
    frame = pd.DataFrame({"foreign_held_federal_debt_usd_bn": values.to_numpy()},
                         index=pd.DatetimeIndex(starts + pd.offsets.QuarterEnd(0),
                                                name="quarter_end"))
    last = frame.index[-1]
    return Built(frame, f"quarterly data to {last.year}Q{last.quarter}")


register(
    DatasetSpec(
        name="foreign_held_debt",
        schema=Schema(
            "quarter_end",
            "quarter_end",
            (Column("foreign_held_federal_debt_usd_bn", low=1, high=20000),),
            min_rows=4,
        ),
        publisher="U.S. Department of the Treasury, Fiscal Service, via FRED",
        short_source="U.S. Treasury via FRED (FDHBFIN)",
        title="Federal debt held by foreign and international investors, quarterly",
        url="https://fred.stlouisfed.org/series/FDHBFIN",
        series=("FDHBFIN",),
        units=USD_BN + ", end of quarter",
        transformation=(
            "As published (USD billions, one decimal). FRED dates each quarter by its first "
            "day (2024-10-01 is 2024Q4); the value is the holding at the end of that quarter, "
            "so the index here is the quarter's last day (2024-10-01 -> 2024-12-31)."
        ),
        notes=(
            "Quarterly; it covers all foreign and international holders (official and "
            "private). From 2011Q4 to 2025Q3 it is within 2% of TIC's Grand Total at the "
            "quarter's last month (tic_holdings_slt)."
        ),
        inputs=(
            fred_input("FDHBFIN", "flows/FDHBFIN.csv", mirror=(
                "rjgreenresearch/economic-fragility-simulator data/raw/FDHBFIN.csv @2dab4d50; "
                "pandas-style header `,FDHBFIN` instead of FRED's `observation_date,FDHBFIN`")),
        ),
        builder=build_foreign_held_debt,
    )
)
