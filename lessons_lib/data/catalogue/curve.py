"""The Treasury yield curve (1 month to 30 years, daily and monthly) and the ACM term premium."""

from __future__ import annotations

import pandas as pd

from ..errors import RawFormatError
from ..schema import Column, Schema
from ..sources.common import monthly_mean, text_of
from ..sources.fred import fred_input, parse_fred_csv
from ..sources.nyfed import acm_input, parse_acm_daily
from ..sources.treasury import par_curve_input, parse_par_curve
from ..spec import Built, DatasetSpec, Raw, register

START = "1990-01-02"
"""First day of the curve datasets (the first day of Treasury's par yield curve)."""

EXTRAPOLATED_30Y = (pd.Timestamp("2002-02-19"), pd.Timestamp("2006-02-08"))
"""Days on which the 30-year yield is Treasury's extrapolation, not a market yield: the
30-year bond was not issued then, and Treasury published a factor to add to the 20-year."""

# (column, FRED series or None, label of Treasury's par curve); the 3-year has no FRED input
# here: its column comes from the par curve, of which FRED's DGS3 is a copy.
MATURITIES: tuple[tuple[str, str | None, str], ...] = (
    ("y1m_pct", "DGS1MO", "1 Mo"),
    ("y3m_pct", "DGS3MO", "3 Mo"),
    ("y6m_pct", "DGS6MO", "6 Mo"),
    ("y1y_pct", "DGS1", "1 Yr"),
    ("y2y_pct", "DGS2", "2 Yr"),
    ("y3y_pct", None, "3 Yr"),
    ("y5y_pct", "DGS5", "5 Yr"),
    ("y7y_pct", "DGS7", "7 Yr"),
    ("y10y_pct", "DGS10", "10 Yr"),
    ("y20y_pct", "DGS20", "20 Yr"),
    ("y30y_pct", "DGS30", "30 Yr"),
)
FRED_SERIES = tuple(series for _, series, _ in MATURITIES if series)
PAR_INPUTS = ("treasury_par_1990_2023", "treasury_par_2024", "treasury_par_2025_on")
NULLABLE = {"y1m_pct", "y3y_pct", "y20y_pct", "y30y_pct"}
CROSS_CHECK_TOLERANCE = 0.005
"""Percentage points: FRED's series and the par curve are the same numbers to two decimals."""

_SAHIL = "SahilB21/yieldcurvepca {0}.csv @c066afa2; FRED's own layout (observation_date,{0})"
_DGS30 = "401Alert/401Alert-backtest-data DGS30.csv @d23de3f2; FRED's own layout"
_MACRO = ("sivamsapingali/Codex_Macro-Monitor data/{0}.csv @7fb9755; FRED's series re-saved "
          "with the header date,value and trailing zeros dropped")
_DEERFIELD = ("deerfieldgreen/us-department-treasury data/{0}-daily-treasury-rates.csv "
              "@e5688e50; Treasury's yearly CSV re-saved by pandas: ISO dates, unquoted "
              "headers, trailing zeros dropped")

CURVE_INPUTS = (
    *(fred_input(series, f"curve/{series}.csv", mirror=_SAHIL.format(series))
      for series in ("DGS1MO", "DGS3MO", "DGS6MO", "DGS1")),
    fred_input("DGS2", "rates/DGS2.csv", mirror=_MACRO.format("DGS2")),
    *(fred_input(series, f"curve/{series}.csv", mirror=_SAHIL.format(series))
      for series in ("DGS5", "DGS7")),
    fred_input("DGS10", "rates/DGS10.csv", mirror=_MACRO.format("DGS10")),
    fred_input("DGS20", "curve/DGS20.csv", mirror=_SAHIL.format("DGS20")),
    fred_input("DGS30", "curve/DGS30.csv", mirror=_DGS30),
    par_curve_input(
        PAR_INPUTS[0], "1990-2023", "curve/treasury_par/par-yield-curve-rates-1990-2023.csv",
        mirror="piq-13/proyecto par-yield-curve-rates-1990-2023.csv @437f6363; Treasury's "
        "1990-2023 archive file with lower-cased headers and rows oldest first"),
    par_curve_input(PAR_INPUTS[1], "2024", "curve/treasury_par/2024-daily-treasury-rates.csv",
                    mirror=_DEERFIELD.format(2024)),
    par_curve_input(PAR_INPUTS[2], "2025-",
                    "curve/treasury_par/2025-daily-treasury-rates.csv",
                    mirror=_DEERFIELD.format(2025)),
)
"""The curve's inputs. The three par-curve inputs are spans of years of Treasury's yearly CSV
(see :mod:`lessons_lib.data.sources.treasury`): offline, the 1990-2023 archive and the
2024 and 2025 files; on refresh, every year from 1990 to the current one, each once."""


def par_curve(raw: Raw) -> pd.DataFrame:
    """Treasury's par yield curve from the three span inputs, one frame (a date shared by
    two inputs must carry the same yields)."""
    parts = [text_of(raw[key], key).rstrip("\r\n") + "\n" for key in PAR_INPUTS]
    return parse_par_curve("".join(parts).encode("utf-8"))


def cross_check(fred: pd.Series, par: pd.Series, series: str) -> int:
    """Days on which FRED's ``series`` and the par curve's column both have a value; raises
    :class:`RawFormatError` when they differ on any of them by more than
    :data:`CROSS_CHECK_TOLERANCE` (a parsing slip or a column read as another)."""
    both = pd.concat([fred, par], axis=1, keys=["fred", "par"], sort=True).dropna()
    differ = both[(both["fred"] - both["par"]).abs() > CROSS_CHECK_TOLERANCE]
    if len(differ):
        day = differ.index[0]
        raise RawFormatError(
            f"{series} and Treasury's par curve differ on {len(differ)} of {len(both)} common "
            f"days, first {day:%Y-%m-%d}: {differ.loc[day, 'fred']} against "
            f"{differ.loc[day, 'par']}")
    return len(both)


def build_yield_curve_daily(raw: Raw) -> Built:
    """``yield_curve_daily``: constant-maturity yields, 1 month to 30 years, percent, daily.

    Rows: the days with a 10-year yield from 1990-01-02 to the last day that every FRED
    series reaches. Every FRED series is checked against the par curve's column of the same
    maturity on their common days (:func:`cross_check`).
    """
    fred = {series: parse_fred_csv(raw[series], series) for series in FRED_SERIES}
    par = par_curve(raw)
    end = min(values.dropna().index.max() for values in fred.values())
    ten = fred["DGS10"].dropna()
    days = ten.index[(ten.index >= START) & (ten.index <= end)]
    if not len(days):
        raise RawFormatError(f"DGS10: no yields from {START} to {end:%Y-%m-%d}")
    columns: dict[str, pd.Series] = {}
    for column, series, label in MATURITIES:
        from_par = par[label] if label in par else pd.Series(dtype="float64")
        if series is None:
            columns[column] = from_par.reindex(days)
            continue
        cross_check(fred[series], from_par, series)
        columns[column] = fred[series].reindex(days)
    frame = pd.DataFrame(columns, index=days)
    first, last = EXTRAPOLATED_30Y
    frame["y30y_extrapolated"] = pd.array((days >= first) & (days <= last), dtype="boolean")
    frame.index.name = "date"
    frame.index.freq = None
    vintage = f"daily data to {days[-1].day} {days[-1]:%b %Y}"
    three = frame["y3y_pct"].dropna()
    if len(three) and three.index[-1] < days[-1]:
        vintage += f" (3-year to {three.index[-1].day} {three.index[-1]:%b %Y})"
    return Built(frame, vintage)


def build_yield_curve_monthly(raw: Raw) -> Built:
    """``yield_curve_monthly``: monthly means of :func:`build_yield_curve_daily`'s yields."""
    daily = build_yield_curve_daily(raw).frame
    columns = {column: monthly_mean(daily[column]) for column, _, _ in MATURITIES}
    months = columns["y10y_pct"].index
    frame = pd.DataFrame(columns).reindex(months)
    flag = daily["y30y_extrapolated"].astype(bool)
    any_day = flag.groupby(flag.index.to_period("M")).any()
    any_day.index = any_day.index.to_timestamp(how="end").normalize()
    frame["y30y_extrapolated"] = pd.array(any_day.reindex(months).fillna(False), dtype="boolean")
    frame.index.name = "month_end"
    frame.index.freq = None
    vintage = f"daily data to {months[-1]:%b %Y}"
    three = frame["y3y_pct"].dropna()
    if len(three) and three.index[-1] < months[-1]:
        vintage += f" (3-year to {three.index[-1]:%b %Y})"
    return Built(frame, vintage)


def _yield_columns() -> tuple[Column, ...]:
    return tuple(Column(column, low=-1, high=15, nullable=column in NULLABLE)
                 for column, _, _ in MATURITIES) + (Column("y30y_extrapolated", kind="bool"),)


_CURVE_SERIES = ("DGS1MO", "DGS3MO", "DGS6MO", "DGS1", "DGS2", "Treasury par curve 3 Yr",
                 "DGS5", "DGS7", "DGS10", "DGS20", "DGS30")
_CURVE_NOTES = (
    "Missing values, where a maturity was not published: the 1-month yield starts on "
    "2001-07-31; the 20-year has no data from January 1987 to September 1993, so it starts "
    "on 1993-10-01 here. The 30-year bond was not issued from February 2002 to February "
    "2006: from 2002-02-19 to 2006-02-08 the 30-year values are Treasury's extrapolation "
    "(the 20-year plus a published adjustment factor), not market yields, and "
    "y30y_extrapolated is True on those days (months); a copy in which FRED leaves them "
    "empty would have missing values there. In the shipped copy the 3-year (from Treasury's "
    "par yield curve, of which FRED's DGS3 is a copy) stops on 2025-07-11, the last day of "
    "the newest par-curve file available to the build; refresh() fills it. FRED's DGS10 and "
    "the par curve's 10-year agree on all 8,887 common days (1990-01-02 to 2025-07-11), "
    "and so does every other maturity on its common days: the build checks it.")

YIELD_CURVE_DAILY = register(
    DatasetSpec(
        name="yield_curve_daily",
        schema=Schema("date", "business_day", _yield_columns(), min_rows=10),
        publisher="U.S. Department of the Treasury (daily par yield curve); Board of "
        "Governors of the Federal Reserve System (H.15), via FRED",
        short_source="U.S. Treasury par yield curve and Federal Reserve H.15 via FRED "
        "(constant-maturity yields), daily",
        title="Treasury constant-maturity yields, 1 month to 30 years, daily",
        url="https://home.treasury.gov/resource-center/data-chart-center/interest-rates/"
        "TextView?type=daily_treasury_yield_curve",
        series=_CURVE_SERIES,
        units="percent per year (bond-equivalent yield), end of day",
        transformation=(
            "Daily values as published, on the days with a 10-year yield from 1990-01-02 "
            "(market holidays are left out). Each maturity is FRED's constant-maturity "
            "series except the 3-year, which is the '3 Yr' column of Treasury's daily par "
            "yield curve."),
        notes=_CURVE_NOTES,
        inputs=CURVE_INPUTS,
        builder=build_yield_curve_daily,
    )
)

register(
    YIELD_CURVE_DAILY.variant(
        name="yield_curve_monthly",
        schema=Schema("month_end", "month_end", _yield_columns(), min_rows=1),
        short_source="U.S. Treasury par yield curve and Federal Reserve H.15 via FRED "
        "(constant-maturity yields, monthly means of daily data)",
        title="Treasury constant-maturity yields, 1 month to 30 years, monthly averages",
        units="percent per year (bond-equivalent yield)",
        transformation=(
            "Monthly mean of the daily yields of yield_curve_daily (days without a value "
            "skipped), rounded half up to two decimals as in the H.15 monthly averages; "
            "months from January 1990 whose last weekday is in the daily data (a month the "
            "daily data do not reach to its end is dropped, and so is a maturity's month "
            "where that maturity stops early). July 2001's 1-month value is the single day "
            "2001-07-31. y30y_extrapolated is True for a month with any extrapolated day."),
        builder=build_yield_curve_monthly,
    )
)


# --------------------------------------------------------------------------------------------
# The ACM term premium
# --------------------------------------------------------------------------------------------

TP_DECIMALS = 6
"""The daily term premium is kept to six decimals (as the mirror carries it); the monthly
means are rounded half up to the same six decimals."""

ACM_INPUT = acm_input(
    "ACMTermPremium", "termpremium/ACMTP10_daily.csv",
    mirror="raylia529/market-indicators-dashboard data/us-10y-term-premium.csv @23e1b336; "
    "the workbook's ACMTP10 column (sheet 'ACM Daily') re-saved as date,value, ISO dates, "
    "six decimals")


def _term_premium_daily(raw: Raw) -> pd.Series:
    daily = parse_acm_daily(raw["ACMTermPremium"], "ACMTP10").round(TP_DECIMALS)
    daily = daily[daily.index >= START]
    if daily.empty:
        raise RawFormatError(f"ACMTP10: no values from {START}")
    return daily


def build_term_premium_daily(raw: Raw) -> Built:
    """``term_premium_daily``: the ACM 10-year term premium, percent, daily from 1990."""
    daily = _term_premium_daily(raw)
    frame = pd.DataFrame({"term_premium_10y_pct": daily})
    frame.index.name = "date"
    last = frame.index[-1]
    return Built(frame, f"daily data to {last.day} {last:%b %Y}")


def build_term_premium_monthly(raw: Raw) -> Built:
    """``term_premium_monthly``: monthly means of the daily ACM 10-year term premium."""
    monthly = monthly_mean(_term_premium_daily(raw), decimals=TP_DECIMALS)
    frame = pd.DataFrame({"term_premium_10y_pct": monthly})
    frame.index.name = "month_end"
    frame.index.freq = None
    return Built(frame, f"daily data to {frame.index[-1]:%b %Y}")


_TP_NOTES = (
    "A model estimate, not an observed price: the part of the 10-year zero-coupon yield "
    "that the Adrian-Crump-Moench model does not attribute to expected short rates. "
    "Kept from 1990 (the workbook starts in 1961) to match the yield curve datasets.")

TERM_PREMIUM_DAILY = register(
    DatasetSpec(
        name="term_premium_daily",
        schema=Schema("date", "business_day",
                      (Column("term_premium_10y_pct", low=-3, high=6),), min_rows=10),
        publisher="Federal Reserve Bank of New York (Adrian, Crump and Moench model)",
        short_source="Federal Reserve Bank of New York, ACM 10-year term premium (ACMTP10), "
        "daily",
        title="ACM term premium on a 10-year zero-coupon Treasury, daily",
        url="https://www.newyorkfed.org/medialibrary/media/research/data_indicators/"
        "ACMTermPremium.xls",
        series=("ACMTP10",),
        units="percent per year",
        transformation="Daily values of ACMTP10 (sheet 'ACM Daily') from 1990-01-02, kept to "
        "six decimals.",
        notes=_TP_NOTES,
        inputs=(ACM_INPUT,),
        builder=build_term_premium_daily,
    )
)

register(
    TERM_PREMIUM_DAILY.variant(
        name="term_premium_monthly",
        schema=Schema("month_end", "month_end",
                      (Column("term_premium_10y_pct", low=-3, high=6),), min_rows=1),
        short_source="Federal Reserve Bank of New York, ACM 10-year term premium (ACMTP10), "
        "monthly means of daily data",
        title="ACM term premium on a 10-year zero-coupon Treasury, monthly averages",
        transformation=(
            "Monthly mean of the daily ACMTP10 values from January 1990, rounded half up to "
            "six decimals (the precision of the daily values); a month the daily data do not "
            "reach to its end is dropped."),
        builder=build_term_premium_monthly,
    )
)
