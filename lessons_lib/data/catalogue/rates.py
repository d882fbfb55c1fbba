"""Treasury yields: monthly means of H.15 constant-maturity yields."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ..schema import Column, Schema
from ..sources.common import monthly_mean
from ..sources.fred import fred_input, parse_fred_csv
from ..spec import Built, DatasetSpec, Raw, register
from .curve import CURVE_INPUTS

_YIELD_COLUMNS = (
    Column("y3m_pct", low=-1, high=20, optional=True),
    Column("y2y_pct", low=-1, high=20),
    Column("y10y_pct", low=-1, high=20),
    Column("y30y_pct", low=-1, high=20, optional=True, nullable=True),
)

_YIELD_SERIES = {"DGS3MO": "y3m_pct", "DGS2": "y2y_pct", "DGS10": "y10y_pct", "DGS30": "y30y_pct"}


def build_yields_monthly(raw: Raw) -> Built:
    """``yields_monthly``: monthly means of the daily H.15 yields from January 2000."""
    columns = {}
    for series, column in _YIELD_SERIES.items():
        if series in raw:
            daily = parse_fred_csv(raw[series], series)
            columns[column] = monthly_mean(daily[daily.index >= "2000-01-01"])
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



register(
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
            min_rows=12,
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
            "The Treasury did not issue 30-year bonds from Feb 2002 to Feb 2006: from "
            "19 Feb 2002 to 8 Feb 2006 DGS30 holds Treasury's extrapolated estimates, not "
            "market yields (yield_curve_monthly flags those months in y30y_extrapolated). "
            "The same figures as yield_curve_monthly's columns, month by month (a test checks "
            "it); this table adds the month-end quotes."
        ),
        inputs=tuple(
            replace(item, required=item.key in ("DGS2", "DGS10"))
            for item in CURVE_INPUTS if item.key in _YIELD_SERIES),
        builder=build_yields_monthly,
    )
)


def build_term_premium_kim_wright(raw: Raw) -> Built:
    """Monthly mean of the daily Kim-Wright 10-year term premium, percent."""
    daily = parse_fred_csv(raw["THREEFYTP10"], "THREEFYTP10")
    monthly = monthly_mean(daily[daily.index >= "2000-01-01"], decimals=4)
    frame = pd.DataFrame({"term_premium_10y_pct": monthly})
    frame.index.name = "month_end"
    return Built(frame, f"daily data to {frame.index[-1]:%b %Y}")


register(
    DatasetSpec(
        name="term_premium_kim_wright",
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
            "depend on it; the course uses the New York Fed ACM estimate (term_premium). "
            "A model estimate, not an observed price (Kim and Wright 2005); "
            "the New York Fed's ACM estimate differs in level."
        ),
        inputs=(fred_input("THREEFYTP10", "rates/THREEFYTP10.csv"),),
        shipped=False,
        builder=build_term_premium_kim_wright,
    )
)


_MACRO_MIRROR = ("sivamsapingali/Codex_Macro-Monitor data/{0}.csv @7fb9755; FRED's series "
                 "re-saved with the header date,value and trailing zeros dropped")
_HISTORY_START = "1980-01-01"


def _month_end(series: pd.Series) -> pd.Series:
    """A monthly FRED series (dated the first of the month) indexed by month end."""
    series = series.copy()
    series.index = series.index.to_period("M").to_timestamp(how="end").normalize()
    return series


def build_rates_history(raw: Raw) -> Built:
    """``rates_history``: the 10-year yield, the federal funds rate and inflation from 1980."""
    daily = parse_fred_csv(raw["DGS10"], "DGS10")
    daily = daily[daily.index >= _HISTORY_START].dropna()
    mean = monthly_mean(daily)
    by_month = daily.groupby(daily.index.to_period("M"))
    high = by_month.max()
    high_day = by_month.idxmax()
    for s in (high, high_day):
        s.index = s.index.to_timestamp(how="end").normalize()
    funds = _month_end(parse_fred_csv(raw["FEDFUNDS"], "FEDFUNDS"))
    cpi = _month_end(parse_fred_csv(raw["CPIAUCSL"], "CPIAUCSL"))
    cpi = cpi.reindex(pd.date_range(cpi.index.min(), cpi.index.max(), freq="ME"))
    inflation = (100 * (cpi / cpi.shift(12) - 1)).round(2)
    frame = pd.DataFrame({
        "y10y_pct": mean,
        "y10y_high_pct": high.loc[mean.index],
        "y10y_high_date": high_day.loc[mean.index],
        "fed_funds_pct": funds,
        "cpi_inflation_pct": inflation,
    }).loc[mean.index]
    frame.index.name = "month_end"
    frame.index.freq = None
    return Built(frame, f"daily and monthly data to {frame.index[-1]:%b %Y}")


register(
    DatasetSpec(
        name="rates_history",
        schema=Schema(
            "month_end",
            "month_end",
            (
                Column("y10y_pct", low=0, high=20),
                Column("y10y_high_pct", low=0, high=20),
                Column("y10y_high_date", kind="date"),
                Column("fed_funds_pct", low=0, high=25),
                Column("cpi_inflation_pct", low=-5, high=20, nullable=True),
            ),
            min_rows=400,
        ),
        publisher="Board of Governors of the Federal Reserve System (H.15) and U.S. Bureau "
        "of Labor Statistics (CPI), via FRED",
        short_source="Federal Reserve H.15 and BLS CPI via FRED (DGS10, FEDFUNDS, CPIAUCSL)",
        title="The 10-year Treasury yield, the federal funds rate and CPI inflation since 1980, "
        "monthly",
        url="https://fred.stlouisfed.org/series/DGS10",
        series=("DGS10", "FEDFUNDS", "CPIAUCSL"),
        units="percent per year; y10y_high_date a date",
        transformation=(
            "y10y_pct: monthly mean of the daily 10-year constant-maturity yield (DGS10), "
            "rounded half up to two decimals as H.15 does; y10y_high_pct and y10y_high_date: "
            "the month's highest daily quote and its first day; fed_funds_pct: the effective "
            "federal funds rate, FRED's monthly average (FEDFUNDS); cpi_inflation_pct: the "
            "12-month change of the seasonally adjusted CPI for all urban consumers "
            "(CPIAUCSL), rounded to two decimals. Months from January 1980 whose last "
            "business day is in the daily series."
        ),
        notes=(
            "The long history the daily curve (from 1990) does not reach: the 10-year's all-time "
            "highs of 1981. Inflation is missing for 1980 (its 1979 base is not in the input) "
            "and for months whose CPI was not published (October 2025: the Bureau of "
            "Labor Statistics did not release it after the federal shutdown)."
        ),
        inputs=(
            fred_input("DGS10", "rates/DGS10.csv", mirror=_MACRO_MIRROR.format("DGS10")),
            fred_input("FEDFUNDS", "rates/FEDFUNDS.csv", mirror=_MACRO_MIRROR.format("FEDFUNDS")),
            fred_input("CPIAUCSL", "rates/CPIAUCSL.csv", mirror=_MACRO_MIRROR.format("CPIAUCSL")),
        ),
        builder=build_rates_history,
    )
)
