"""The yen and the dollar: exchange rates, Japanese rates, global yields, gold, interventions.

Four datasets: ``fx_daily`` and ``fx_monthly`` (yen per dollar, the broad dollar index, the
BOJ overnight call rate and the 10-year JGB yield: what a yen investor's hedged and unhedged
returns on Treasuries need), ``global_rates`` (euro, German/Japanese/US 10-year yields and
gold, monthly) and ``japan_interventions`` (Japan's Ministry of Finance record of its
foreign exchange interventions, daily).
"""

from __future__ import annotations

import pandas as pd

from ..errors import RawFormatError
from ..schema import Column, Schema
from ..sources.boj import boj_input, parse_boj_csv
from ..sources.common import monthly_mean
from ..sources.fred import fred_input, parse_fred_csv
from ..sources.mof import (
    FEIO_FILE,
    currency_pair,
    jgb_input,
    parse_intervention_csv,
    parse_jgb_csv,
)
from ..sources.worldbank import parse_pink_sheet, pink_sheet_input
from ..spec import Built, DatasetSpec, Input, Raw, register

START = pd.Timestamp("2000-01-01")
"""The datasets start in January 2000, like the course's other rate series."""

_RAYLIA = ("raylia529/market-indicators-dashboard {path} (commit not recorded); re-saved by the "
           "dashboard as `date,value` with ISO dates, {how}")
_MIRRORS = {
    "DEXJPUS": "401Alert/401Alert-backtest-data DEXJPUS.csv @ d23de3f2; FRED's own layout "
               "(observation_date,DEXJPUS; empty value on US holidays)",
    "DTWEXBGS": _RAYLIA.format(path="data/broad-us-dollar-index.csv",
                               how="only days with a value (FRED's CSV has a row, empty, for "
                               "holidays)"),
    "STRDCLUCON": _RAYLIA.format(path="data/japan-overnight-call-rate.csv",
                                 how="Japanese business days only (the BOJ API's CSV has a "
                                 "metadata preamble, YYYYMMDD dates and a `null` row for every "
                                 "other calendar day)"),
    "JGB10Y": _RAYLIA.format(path="data/japan-10-year-jgb-yield.csv",
                             how="the 10Y column only, four decimals (MOF's jgbcme_all.csv has a "
                             "title line, all maturities 1Y-40Y and dates written 1974/9/24)"),
    "DEXUSEU_2000_2024": "Wfiles/global-tactical-fund-simulator data/DEXUSEU.csv @ cf147ca2; "
                         "FRED's layout (observation_date,DEXUSEU), 2000-01-03 to 2024-11-29, "
                         "one trailing blank line",
    "DEXUSEU_2020_2025": "KutayMendi/FX-Carry data/fred/DEXUSEU.csv @ 6a3e6fb0; FRED's layout, "
                         "FRED's default five-year download (2020-08-24 to 2025-08-22)",
    "IRLTLT01": "SSMIF-Quant/SP500-analysis-using-10-yr-yield-across-countries- {series}.csv @ "
                "53bdb022; FRED's layout (observation_date,{series})",
}


# --------------------------------------------------------------------------------------------
# fx_daily and fx_monthly
# --------------------------------------------------------------------------------------------

_FX_INPUTS = (
    fred_input("DEXJPUS", "fx/DEXJPUS.csv", mirror=_MIRRORS["DEXJPUS"]),
    fred_input("DTWEXBGS", "fx/DTWEXBGS_daily.csv", mirror=_MIRRORS["DTWEXBGS"]),
    boj_input("STRDCLUCON", "FM01", "STRDCLUCON", "199801", "fx/BOJ_call_rate_daily.csv",
              mirror=_MIRRORS["STRDCLUCON"]),
    jgb_input("JGB10Y", "historical/jgbcme_all.csv", "fx/JGB10Y_MOF_daily.csv",
              mirror=_MIRRORS["JGB10Y"]),
    # the current month: only the publisher serves it (no raw copy; skipped offline)
    jgb_input("JGB10Y_current", "jgbcme.csv", "fx/JGB10Y_MOF_current_month.csv",
              required=False),
)

def _jgb_10y(raw: Raw) -> pd.Series:
    """The MOF 10-year JGB yield: the history file, then the current-month file if given.

    Days in both must agree; a difference raises :class:`RawFormatError`.
    """
    history = parse_jgb_csv(raw["JGB10Y"], "10Y")
    if "JGB10Y_current" not in raw:
        return history
    current = parse_jgb_csv(raw["JGB10Y_current"], "10Y")
    both = history.index.intersection(current.index)
    differ = both[(history[both] - current[both]).abs() > 1e-9]
    if len(differ):
        raise RawFormatError(f"MOF JGB 10Y: the history and current-month files differ on "
                             f"{differ[0].date()}")
    return pd.concat([history, current[~current.index.isin(both)]]).sort_index()


def fx_daily_series(raw: Raw) -> dict[str, pd.Series]:
    """The four daily series of ``fx_daily``, by column, days without a value dropped."""
    return {
        "jpy_per_usd": parse_fred_csv(raw["DEXJPUS"], "DEXJPUS").dropna(),
        "usd_broad_index": parse_fred_csv(raw["DTWEXBGS"], "DTWEXBGS").dropna(),
        "jpy_call_overnight_pct": parse_boj_csv(raw["STRDCLUCON"], "STRDCLUCON"),
        "jgb_10y_pct": _jgb_10y(raw),
    }


def _day(stamp: pd.Timestamp) -> str:
    return f"{stamp.day} {stamp:%b %Y}"


def build_fx_daily(raw: Raw) -> Built:
    """``fx_daily``: the four series side by side on every day any of them has a value.

    From 3 Jan 2000 to the last day that all four reach (the earliest of their last days).
    """
    series = fx_daily_series(raw)
    end = min(s.index.max() for s in series.values())
    frame = pd.DataFrame(series).sort_index()
    frame = frame[(frame.index >= START) & (frame.index <= end)].dropna(how="all")
    frame.index.name = "date"
    return Built(frame, f"daily data to {_day(end)}")


def build_fx_monthly(raw: Raw) -> Built:
    """``fx_monthly``: monthly means of the four daily series, rounded half up to 4 decimals.

    Months from January 2000 (or the first month the yen rate, the call rate and the JGB
    yield all have, if later) to the last month that all four series complete.
    """
    means = {name: monthly_mean(s[s.index >= START], decimals=4)
             for name, s in fx_daily_series(raw).items()}
    start = max(m.index.min() for name, m in means.items() if name != "usd_broad_index")
    end = min(m.index.max() for m in means.values())
    frame = pd.DataFrame(means).sort_index()
    frame = frame.reindex(pd.date_range(start, end, freq="ME"))
    frame.index.name = "month_end"
    return Built(frame, f"monthly means of daily data to {end:%b %Y}")


_HEDGE_NOTE = (
    "For a yen investor's returns on Treasuries: unhedged, the dollar return times the change "
    "in jpy_per_usd; hedged with rolling forwards, covered interest parity makes the hedge "
    "cost about the US short rate minus the yen short rate. The US leg is the 3-month "
    "Treasury bill yield (DGS3MO) from the course's yield-curve data (y3m_pct in "
    "yields_monthly); the yen leg here is the overnight call rate, a stand-in for a 3-month "
    "yen rate. A parity-based hedge cost ignores the cross-currency basis, which the actual "
    "forward prices include, so the cost a yen investor paid can differ from the rate gap."
)

_FX_SERIES_TEXT = (
    "DEXJPUS (yen per US dollar, noon buying rate in New York, Federal Reserve H.10), "
    "DTWEXBGS (nominal broad dollar index, Jan 2006 = 100, Federal Reserve H.10), BOJ "
    "FM01'STRDCLUCON (uncollateralized overnight call rate, average), MOF 10-year JGB "
    "constant-maturity yield"
)

FX_DAILY = register(
    DatasetSpec(
        name="fx_daily",
        schema=Schema(
            "date",
            "business_day",
            (
                Column("jpy_per_usd", low=60, high=400, nullable=True),
                Column("usd_broad_index", low=80, high=160, nullable=True),
                Column("jpy_call_overnight_pct", low=-1, high=10, nullable=True),
                Column("jgb_10y_pct", low=-1, high=10, nullable=True),
            ),
            min_rows=10,
        ),
        publisher="Board of Governors of the Federal Reserve System (H.10, via FRED); Bank of "
        "Japan; Ministry of Finance Japan",
        short_source="Federal Reserve H.10 via FRED (DEXJPUS, DTWEXBGS); Bank of Japan "
        "(call rate); Japan MOF (10-year JGB)",
        title="Yen per dollar, broad dollar index, yen overnight call rate and 10-year JGB "
        "yield, daily",
        url="https://fred.stlouisfed.org/series/DEXJPUS",
        series=("DEXJPUS", "DTWEXBGS", "FM01'STRDCLUCON", "MOF JGB 10Y"),
        units="jpy_per_usd: yen per US dollar; usd_broad_index: index, January 2006 = 100; "
        "jpy_call_overnight_pct and jgb_10y_pct: percent per year",
        transformation=(
            "Daily values as published, one row per day on which at least one of the four "
            "series has a value, from 3 January 2000 to the last day all four reach. "
            f"Series: {_FX_SERIES_TEXT}. The JGB yield is the 10Y column of MOF's history "
            "file (jgbcme_all.csv) followed, when downloaded, by its current-month file "
            "(jgbcme.csv)."
        ),
        notes=(
            "Columns are empty on days a series is not published: the yen rate and the dollar "
            "index follow US holidays (e.g. 4 July, Thanksgiving), the call rate and the JGB "
            "yield Japanese ones (New Year 31 Dec-3 Jan, Golden Week, other national holidays), "
            "so most rows with an empty column are holidays in one country only. "
            "usd_broad_index is empty before 2 Jan 2006, when DTWEXBGS starts. The call rate "
            "and the JGB yield run a few weeks beyond the yen rate in the raw files; the table "
            "stops at the yen rate's last day. DEXJPUS is a New York noon rate, the JGB yield "
            "a Tokyo close: on a given date they are hours apart. " + _HEDGE_NOTE
        ),
        inputs=_FX_INPUTS,
        builder=build_fx_daily,
    )
)

register(
    FX_DAILY.variant(
        name="fx_monthly",
        schema=Schema(
            "month_end",
            "month_end",
            (
                Column("jpy_per_usd", low=60, high=400),
                Column("usd_broad_index", low=80, high=160, nullable=True),
                Column("jpy_call_overnight_pct", low=-1, high=10),
                Column("jgb_10y_pct", low=-1, high=10),
            ),
        ),
        short_source="Federal Reserve H.10 via FRED (DEXJPUS, DTWEXBGS); Bank of Japan "
        "(call rate); Japan MOF (10-year JGB); monthly means of daily data",
        title="Yen per dollar, broad dollar index, yen overnight call rate and 10-year JGB "
        "yield, monthly averages",
        units="jpy_per_usd: yen per US dollar; usd_broad_index: index, January 2006 = 100; "
        "jpy_call_overnight_pct and jgb_10y_pct: percent per year; all monthly averages",
        transformation=(
            "Monthly mean of each daily series over the days it has a value, rounded half up "
            "to four decimals (as the H.10 monthly averages are), from January 2000 to the "
            "last month that all four series complete (a month a daily file does not reach "
            f"to its last weekday is left out). Series: {_FX_SERIES_TEXT}."
        ),
        notes=(
            "usd_broad_index is empty before January 2006, when DTWEXBGS starts. Each "
            "series is averaged over its own country's business days. " + _HEDGE_NOTE
        ),
        builder=build_fx_monthly,
    )
)


# --------------------------------------------------------------------------------------------
# global_rates
# --------------------------------------------------------------------------------------------

_OECD = {"de_10y_pct": "IRLTLT01DEM156N", "jp_10y_pct": "IRLTLT01JPM156N",
         "us_10y_pct": "IRLTLT01USM156N"}


def combine_overlapping(first: pd.Series, second: pd.Series, what: str) -> pd.Series:
    """Two copies of one daily series joined; on the days both list they must agree exactly.

    Raises :class:`RawFormatError` naming the first day where they differ (a missing value in
    one and a number in the other counts as a difference).
    """
    both = first.index.intersection(second.index)
    a, b = first[both], second[both]
    differ = both[~((a == b) | (a.isna() & b.isna()))]
    if len(differ):
        raise RawFormatError(f"{what}: the two files differ on {differ[0].date()} "
                             f"({a[differ[0]]} vs {b[differ[0]]})")
    return pd.concat([first, second[~second.index.isin(both)]]).sort_index()


def _usd_per_eur(raw: Raw) -> pd.Series:
    daily = parse_fred_csv(raw["DEXUSEU_2000_2024"], "DEXUSEU")
    if "DEXUSEU_2020_2025" in raw:
        daily = combine_overlapping(daily, parse_fred_csv(raw["DEXUSEU_2020_2025"], "DEXUSEU"),
                                    "FRED DEXUSEU")
    return monthly_mean(daily[daily.index >= START], decimals=4)


def _oecd_monthly(raw: Raw, series: str) -> pd.Series:
    values = parse_fred_csv(raw[series], series).dropna()
    if not (values.index.day == 1).all():
        raise RawFormatError(f"FRED {series}: monthly dates must be the first of the month")
    values.index = values.index + pd.offsets.MonthEnd(0)
    return values[values.index >= START]


def build_global_rates(raw: Raw) -> Built:
    """``global_rates``: euro, three OECD 10-year yields and gold, monthly, union of months.

    Each column runs from January 2000 to its own last month; a column may be empty only at
    the end (a gap inside a series raises :class:`RawFormatError`).
    """
    gold, edition = parse_pink_sheet(raw["pink_sheet"], "Gold", "($/troy oz)")
    columns = {"usd_per_eur": _usd_per_eur(raw)}
    columns.update({name: _oecd_monthly(raw, series) for name, series in _OECD.items()})
    columns["gold_usd_per_troy_oz"] = gold[gold.index >= START]
    frame = pd.DataFrame(columns).sort_index()
    frame = frame.reindex(pd.date_range(frame.index[0], frame.index[-1], freq="ME"))
    for name in frame.columns:
        present = frame[name].notna().to_numpy()
        last = present.nonzero()[0].max()
        if not present[: last + 1].all():
            gap = frame.index[~present][0]
            raise RawFormatError(f"global_rates: {name} has no value for {gap:%Y-%m}")
    frame.index.name = "month_end"

    def last(name: str) -> str:
        return f"{frame[name].last_valid_index():%b %Y}"

    vintage = (f"euro to {last('usd_per_eur')}, OECD yields to {last('us_10y_pct')}, gold to "
               f"{last('gold_usd_per_troy_oz')} (Pink Sheet of {edition})")
    return Built(frame, vintage)


register(
    DatasetSpec(
        name="global_rates",
        schema=Schema(
            "month_end",
            "month_end",
            (
                Column("usd_per_eur", low=0.5, high=2.0, nullable=True),
                Column("de_10y_pct", low=-1.5, high=15, nullable=True),
                Column("jp_10y_pct", low=-1.5, high=15, nullable=True),
                Column("us_10y_pct", low=-1.5, high=20, nullable=True),
                Column("gold_usd_per_troy_oz", low=100, high=20000, nullable=True),
            ),
        ),
        publisher="Board of Governors of the Federal Reserve System (H.10) and OECD, via "
        "FRED; World Bank (Commodity Price Data, the Pink Sheet)",
        short_source="FRED (DEXUSEU; OECD 10-year yields IRLTLT01); World Bank Pink Sheet "
        "(gold)",
        title="Dollars per euro, German, Japanese and US 10-year government bond yields and "
        "the gold price, monthly",
        url="https://fred.stlouisfed.org/series/IRLTLT01DEM156N",
        series=("DEXUSEU", "IRLTLT01DEM156N", "IRLTLT01JPM156N", "IRLTLT01USM156N",
                "Pink Sheet: Gold ($/troy oz)"),
        units="usd_per_eur: US dollars per euro; *_10y_pct: percent per year; "
        "gold_usd_per_troy_oz: US dollars per troy ounce; all monthly averages",
        transformation=(
            "usd_per_eur: monthly mean of the daily H.10 noon buying rate (DEXUSEU), rounded "
            "half up to four decimals; the offline build joins two copies of DEXUSEU that "
            "overlap (2020-08-24 to 2024-11-29) and must agree on every shared day. The "
            "10-year yields: OECD long-term interest rates (monthly averages) as FRED "
            "publishes them, dated at month end; the German series at full precision. Gold: "
            "the Pink Sheet's monthly average price, column 'Gold ($/troy oz)' of sheet "
            "'Monthly Prices' of CMO-Historical-Data-Monthly.xlsx. From January 2000; the "
            "months are the union of the series' months."
        ),
        notes=(
            "Each column stops at its own latest month, so the last rows have empty columns: "
            "the euro stops where its daily file stops and each series' copy was taken at a "
            "different time (see the vintage). The OECD US "
            "series equals the H.15 10-year monthly mean (y10y_pct in yields_monthly) in "
            "every month from Jan 2000 to Nov 2025. The OECD Japanese series is not the mean "
            "of MOF's daily 10-year yield (jgb_10y_pct in fx_monthly): the two differ by 0.03 "
            "points on average and by up to 0.26 (Aug 2003), so compare Japan with Germany "
            "and the US within this table. Gold is the LBMA PM fix average until May 2025 and "
            "a spot "
            "average from June 2025, per the Pink Sheet's notes. The offline copy of the "
            "workbook is the World Bank's file of 2 June 2026, byte-identical (MD5 "
            "8793094adfb4570946d62ba0e3e0d1d5), found in datasets/gold-prices cache/monthly.xls "
            "@ 95f96689. EUR/JPY = usd_per_eur x jpy_per_usd (fx_monthly)."
        ),
        inputs=(
            Input("DEXUSEU_2000_2024", "fred", "DEXUSEU", "fx/DEXUSEU_2000-2024.csv",
                  mirror=_MIRRORS["DEXUSEU_2000_2024"]),
            Input("DEXUSEU_2020_2025", "fred", "DEXUSEU", "fx/DEXUSEU_2020-2025.csv",
                  required=False, mirror=_MIRRORS["DEXUSEU_2020_2025"]),
            *(fred_input(series, f"fx/{series}.csv",
                         mirror=_MIRRORS["IRLTLT01"].format(series=series))
              for series in _OECD.values()),
            pink_sheet_input(
                "pink_sheet",
                "reserves/WorldBank_PinkSheet_CMO-Historical-Data-Monthly_2026-06-02.xlsx"),
        ),
        builder=build_global_rates,
    )
)


# --------------------------------------------------------------------------------------------
# japan_interventions
# --------------------------------------------------------------------------------------------


def check_quarter_totals(days: pd.DataFrame, totals: pd.Series) -> pd.Series:
    """Each quarter's published total minus the sum of its daily amounts (100 million yen).

    The daily amounts and the totals are each rounded to whole units, so the two may differ
    by up to half a unit per operation plus half a unit; a larger difference raises
    :class:`RawFormatError`.
    """
    quarter = days.index.to_period("Q")
    sums = days["amount_100m_jpy"].groupby(quarter).sum().reindex(totals.index, fill_value=0)
    counts = days["amount_100m_jpy"].groupby(quarter).count().reindex(totals.index,
                                                                      fill_value=0)
    gaps = totals - sums
    bad = gaps[gaps.abs() > 0.5 * (counts + 1)]
    if len(bad):
        raise RawFormatError(f"MOF interventions: {bad.index[0]} total {totals[bad.index[0]]} "
                             f"but its days sum to {sums[bad.index[0]]}")
    return gaps


def build_japan_interventions(raw: Raw) -> Built:
    """``japan_interventions``: one row per operation, with yen and dollar amounts.

    The dollar amount is the yen amount at DEXJPUS of the operation's date or, when that
    date has no quote (a New York holiday), of the latest earlier date.
    """
    record = parse_intervention_csv(raw["feio"])
    check_quarter_totals(record.days, record.quarter_totals)
    days = record.days
    rates = parse_fred_csv(raw["DEXJPUS"], "DEXJPUS").dropna()
    position = rates.index.searchsorted(days.index, side="right") - 1
    if (position < 0).any():
        first = days.index[position < 0][0]
        raise RawFormatError(f"japan_interventions: no DEXJPUS quote on or before {first.date()}")
    if days.index.max() > rates.index.max() + pd.Timedelta(days=7):
        raise RawFormatError(f"japan_interventions: DEXJPUS ends {rates.index.max().date()}, "
                             f"before the operation of {days.index.max().date()}")
    rate = rates.to_numpy()[position]
    amount_jpy_bn = days["amount_100m_jpy"].to_numpy() / 10.0
    jpy_leg = [("JPY" in (s, b)) for s, b in zip(days["sold"], days["bought"], strict=True)]
    frame = pd.DataFrame(
        {
            "amount_jpy_bn": amount_jpy_bn,
            "amount_usd_bn": (amount_jpy_bn / rate).round(3),
            "sold_currency": days["sold"].to_numpy(),
            "bought_currency": days["bought"].to_numpy(),
            "currency_pair": [currency_pair(s, b) for s, b in zip(days["sold"], days["bought"],
                                                                  strict=True)],
            "direction": [f"sell {s}, buy {b}" for s, b in zip(days["sold"], days["bought"],
                                                              strict=True)],
            "jpy_bought": pd.array([b == "JPY" if leg else None for b, leg in
                                    zip(days["bought"], jpy_leg, strict=True)],
                                   dtype="boolean"),
            "jpy_per_usd": rate,
            "rate_date": rates.index[position],
        },
        index=days.index,
    )
    frame.index.name = "date"
    last_quarter = record.quarter_totals.index[-1]
    return Built(frame, f"quarterly record to {last_quarter} (last operation "
                        f"{_day(days.index.max())})")


register(
    DatasetSpec(
        name="japan_interventions",
        schema=Schema(
            "date",
            "date",
            (
                Column("amount_jpy_bn", low=0.1, high=20000),
                Column("amount_usd_bn", low=0.001, high=200),
                Column("sold_currency", kind="str"),
                Column("bought_currency", kind="str"),
                Column("currency_pair", kind="str"),
                Column("direction", kind="str"),
                Column("jpy_bought", kind="bool", nullable=True),
                Column("jpy_per_usd", low=60, high=400),
                Column("rate_date", kind="date"),
            ),
            min_rows=2,
            unique_index=False,
        ),
        publisher="Ministry of Finance Japan; Board of Governors of the Federal Reserve System "
        "(H.10, via FRED) for the dollar conversion",
        short_source="Japan Ministry of Finance, Foreign Exchange Intervention Operations",
        title="Japan's foreign exchange interventions, daily record from April 1991",
        url="https://www.mof.go.jp/english/policy/international_policy/reference/feio/"
        "index.html",
        series=("MOF Foreign Exchange Intervention Operations", "DEXJPUS"),
        units="amount_jpy_bn and amount_usd_bn: billions of yen and of US dollars; "
        "jpy_per_usd: yen per US dollar",
        transformation=(
            "Parsed the daily rows of MOF's foreign_exchange_intervention_operations.csv "
            "(Shift-JIS); amount_jpy_bn = the published amount in 100 million yen / 10. The "
            "quarterly total rows are not kept, but the build checks each against the sum of "
            "its quarter's days (equal within the rounding of the daily figures). The "
            "currencies come from the English pair text ('the US dollar (sold) the Japanese "
            "yen (bought)' = sold USD, bought JPY); currency_pair is quoted base first "
            "(USD/JPY, EUR/JPY). amount_usd_bn = amount_jpy_bn / jpy_per_usd, rounded to "
            "three decimals, where jpy_per_usd is FRED DEXJPUS (noon in New York) on the "
            "operation's date (rate_date) or, when that date has no quote, the latest earlier "
            "one. jpy_bought is empty for operations with no yen leg."
        ),
        notes=(
            "One row per operation: a day with operations in two currency pairs (yen sold "
            "for dollars and for marks or euros) has two rows, in the file's order; quarters "
            "without operations have no rows. MOF publishes "
            "the daily detail once a quarter (monthly totals come earlier), so the record "
            "ends with the last published quarter. Spot FX settles two business days after "
            "the trade, so dollars move in the following days' data: the operations of 29 "
            "April 2024 (a Tokyo holiday) and 1 May 2024 both settled in May, and show in "
            "May's reserves and holdings, not April's. Operations with no yen leg (dollars "
            "sold for German marks in Aug 1991, for Indonesian rupiah in Nov 1997) were "
            "converted to yen by MOF at the Bank of Japan's central rate; their dollar "
            "amounts here, at DEXJPUS, are approximate. DEXJPUS is a New York noon rate, "
            "hours after a Tokyo operation. The offline copy is the publisher's file, "
            "byte-identical (MD5 "
            "680719ca6f2f8d2651785932bc5fd91f), found in komekome898-web/trade "
            "backtest_data/fx_fundamentals_20260822/mof_feio_daily.csv @ 68cfa8ce. The file "
            "is bilingual (Japanese and English columns); MOF's Japanese pages serve a file "
            "of the same name at /policy/international_policy/reference/feio/."
        ),
        inputs=(
            Input("feio", "mof_feio", FEIO_FILE,
                  "japan_fx/MOF_foreign_exchange_intervention_operations_daily_sjis.csv"),
            fred_input("DEXJPUS", "fx/DEXJPUS.csv", mirror=_MIRRORS["DEXJPUS"]),
        ),
        builder=build_japan_interventions,
    )
)
