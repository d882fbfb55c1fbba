"""The yield curve (FRED H.15 series and Treasury's par curve), the ACM term premium and the
course's episodes.

Spot values are those checked by hand against the publishers (shared raw folder's
SOURCES_ADDED.md, and the course's facts for the 2-year), read from the SHIPPED datasets.
The parsers are fed small samples of each publisher's download layout
(``data_samples/treasury_par_*.csv``, ``fred_curve_*_2025-04.csv``, and an Excel 97 workbook
``nyfed_ACMTermPremium_2025_april_may.xls`` written with xlwt from the mirror's values: it has
the publisher's sheet name and the two columns read, DATE as ``dd-Mon-yyyy`` text and
ACMTP10) and of the mirrors' layouts.
"""

from __future__ import annotations

import re
import urllib.parse
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lessons_lib import data
from lessons_lib.data.catalogue import curve
from lessons_lib.data.refreshing import fetch_input, input_url
from lessons_lib.data.sources import nyfed, treasury
from lessons_lib.data.sources.common import monthly_mean
from lessons_lib.episodes import EPISODES, Episode, get_episode, window

SAMPLES = Path(__file__).parent / "data_samples"
PAR_2025 = SAMPLES / "treasury_par_2025_april.csv"
PAR_2023 = SAMPLES / "treasury_par_2023_october.csv"
ACM_XLS = SAMPLES / "nyfed_ACMTermPremium_2025_april_may.xls"
FRED_SERIES = curve.FRED_SERIES
YIELDS = [column for column, _, _ in curve.MATURITIES]
LABELS = {column: label for column, _, label in curve.MATURITIES}
OURS = ("yield_curve_daily", "yield_curve_monthly", "term_premium_daily", "term_premium_monthly")


@pytest.fixture(scope="module")
def daily() -> pd.DataFrame:
    return data.load("yield_curve_daily")


@pytest.fixture(scope="module")
def monthly() -> pd.DataFrame:
    return data.load("yield_curve_monthly")


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def month(text: str) -> pd.Timestamp:
    return pd.Timestamp(text) + pd.offsets.MonthEnd(0)


# ------------------------------------------------------------------------------ shipped: curve


def test_yield_curve_daily_spot_values_2023_10_19(daily: pd.DataFrame) -> None:
    """SOURCES_ADDED.md's checks for 19 Oct 2023 (10-year closing high of the cycle)."""
    expected = {"y1m_pct": 5.58, "y3m_pct": 5.60, "y6m_pct": 5.56, "y1y_pct": 5.44,
                "y3y_pct": 5.01, "y5y_pct": 4.95, "y7y_pct": 5.00, "y10y_pct": 4.98,
                "y20y_pct": 5.30, "y30y_pct": 5.11}
    row = daily.loc[day("2023-10-19")]
    assert {k: row[k] for k in expected} == pytest.approx(expected, abs=1e-9)
    # the 2-year's high of the cycle: 5.19 on 17 and 18 October 2023 (course facts, DGS2)
    assert daily.loc["2023-10-17":"2023-10-18", "y2y_pct"].tolist() == [5.19, 5.19]
    assert daily["y30y_pct"].loc["2023-10"].idxmax() == day("2023-10-19")


def test_yield_curve_daily_spot_values_2024_12_31(daily: pd.DataFrame) -> None:
    row = daily.loc[day("2024-12-31")]
    assert (row["y3y_pct"], row["y10y_pct"], row["y30y_pct"]) == (4.27, 4.58, 4.78)


def test_yield_curve_daily_gaps_are_where_the_notes_say(daily: pd.DataFrame) -> None:
    assert daily.index[0] == day("1990-01-02") and daily.index[-1] == day("2025-12-30")
    assert daily.index.is_unique and (daily.index.day_of_week < 5).all()
    for column in YIELDS:
        if column not in curve.NULLABLE:
            assert daily[column].notna().all(), column
    one_month = daily["y1m_pct"]
    assert one_month.first_valid_index() == day("2001-07-31")
    assert one_month.loc["2001-07-31":].notna().all()
    twenty = daily["y20y_pct"]
    assert twenty.first_valid_index() == day("1993-10-01")
    assert twenty.loc["1993-10-01":].notna().all()
    three = daily["y3y_pct"]
    assert three.last_valid_index() == day("2025-07-11")  # the newest par-curve file's end
    assert three.loc[:"2025-07-11"].notna().all()
    assert daily["y30y_pct"].notna().all()  # FRED carries the extrapolated values


def test_y30y_extrapolated_flags_2002_to_2006(daily: pd.DataFrame,
                                              monthly: pd.DataFrame) -> None:
    flagged = daily.index[daily["y30y_extrapolated"].to_numpy(dtype=bool)]
    assert flagged[0] == day("2002-02-19") and flagged[-1] == day("2006-02-08")
    assert len(flagged) == len(daily.loc["2002-02-19":"2006-02-08"])
    months = monthly.index[monthly["y30y_extrapolated"].to_numpy(dtype=bool)]
    assert months[0] == month("2002-02") and months[-1] == month("2006-02")
    assert len(months) == 49


def test_treasury_samples_match_the_shipped_curve(daily: pd.DataFrame) -> None:
    """The publisher's CSV (two samples) against the shipped daily curve, every maturity:
    the par curve's 10-year is FRED's DGS10, its 3-year the shipped 3-year."""
    compared = 0
    for path in (PAR_2023, PAR_2025):
        par = treasury.parse_par_curve(path.read_bytes())
        for column, label in LABELS.items():
            shipped = daily.loc[par.index, column]
            np.testing.assert_allclose(shipped.to_numpy(), par[label].to_numpy(), atol=1e-9,
                                       err_msg=f"{path.name} {label}")
        compared += len(par)
    assert compared == 5 + 21


def test_yield_curve_monthly_is_the_mean_of_the_daily(daily: pd.DataFrame,
                                                      monthly: pd.DataFrame) -> None:
    assert monthly.index[0] == month("1990-01") and monthly.index[-1] == month("2025-11")
    for column in YIELDS:
        expected = monthly_mean(daily[column]).reindex(monthly.index)
        pd.testing.assert_series_equal(monthly[column], expected, check_names=False,
                                       check_freq=False)
    assert monthly["y3y_pct"].last_valid_index() == month("2025-06")
    assert monthly["y1m_pct"].first_valid_index() == month("2001-07")
    assert monthly["y20y_pct"].first_valid_index() == month("1993-10")


def test_yields_monthly_equals_the_curve_on_common_months(monthly: pd.DataFrame) -> None:
    """``yields_monthly`` (catalogue/rates.py) and ``yield_curve_monthly`` agree wherever both
    have a column and a month."""
    old = data.load("yields_monthly")
    common = old.index.intersection(monthly.index)
    assert len(common) >= 300
    shared = [c for c in old.columns if c in monthly.columns]
    assert {"y2y_pct", "y10y_pct"} <= set(shared)
    for column in shared:
        pd.testing.assert_series_equal(old.loc[common, column], monthly.loc[common, column])


def test_describe_names_the_mirrors() -> None:
    mirrors = " ".join(data.describe("yield_curve_daily").mirrors)
    for name in ("piq-13/proyecto", "deerfieldgreen/us-department-treasury",
                 "SahilB21/yieldcurvepca", "401Alert/401Alert-backtest-data"):
        assert name in mirrors
    tp = " ".join(data.describe("term_premium_daily").mirrors)
    assert "raylia529/market-indicators-dashboard" in tp
    assert data.describe("yield_curve_daily").vintage == (
        "daily data to 30 Dec 2025 (3-year to 11 Jul 2025)")


def test_load_is_quick() -> None:
    data.load("yield_curve_daily")
    import time

    start = time.perf_counter()
    data.load("yield_curve_daily")
    assert time.perf_counter() - start < 2.0


# ------------------------------------------------------------------------------ shipped: ACM


def test_term_premium_spot_values() -> None:
    daily = data.load("term_premium_daily")["term_premium_10y_pct"]
    assert round(daily[day("2023-10-19")], 3) == 0.454
    assert round(daily[day("2025-05-21")], 3) == 0.896
    assert daily.index[0] == day("1990-01-02")


def test_term_premium_monthly_is_the_mean_of_the_daily() -> None:
    daily = data.load("term_premium_daily")["term_premium_10y_pct"]
    monthly = data.load("term_premium_monthly")["term_premium_10y_pct"]
    means = daily.groupby(daily.index.to_period("M")).mean()
    means.index = means.index.to_timestamp(how="end").normalize()
    np.testing.assert_allclose(monthly.to_numpy(), means.reindex(monthly.index).to_numpy(),
                               atol=5.01e-7)
    assert monthly.index[0] == month("1990-01") and monthly.index[-1] == month("2026-07")


# ------------------------------------------------------------------------------ par-curve parser

ARCHIVE_LAYOUT = (
    "date,1 mo,2 mo,3 mo,4 mo,6 mo,1 yr,2 yr,3 yr,5 yr,7 yr,10 yr,20 yr,30 yr\n"
    "02/15/2002,1.72,,1.74,,1.84,2.2,2.97,3.5,4.27,4.66,4.86,5.58,5.37\n"
    "02/19/2002,1.73,,1.76,,1.87,2.23,2.98,3.52,4.28,4.71,4.88,5.61,\n"
)
PANDAS_LAYOUT = (
    "Date,1 Mo,2 Mo,3 Mo,4 Mo,6 Mo,1 Yr,2 Yr,3 Yr,5 Yr,7 Yr,10 Yr,20 Yr,30 Yr\n"
    "2022-01-04,0.06,0.05,0.08,,0.22,0.38,0.77,1.02,1.37,1.57,1.66,2.1,2.07\n"
    "2022-01-03,0.05,0.06,0.08,,0.22,0.4,0.78,1.04,1.37,1.55,1.63,2.05,2.01\n"
)


def test_par_curve_publisher_layout() -> None:
    par = treasury.parse_par_curve(PAR_2025.read_bytes())
    assert par.index.is_monotonic_increasing and par.index.name == "date"
    assert par.index[0] == day("2025-04-01") and par.index[-1] == day("2025-04-30")
    assert list(par.columns)[:3] == ["1 Mo", "1.5 Mo", "2 Mo"]
    assert par.loc[day("2025-04-11"), "10 Yr"] == 4.48
    october = treasury.parse_par_curve(PAR_2023.read_bytes())
    assert october.loc[day("2023-10-19"), ["3 Yr", "10 Yr", "30 Yr"]].tolist() == [
        5.01, 4.98, 5.11]


def test_par_curve_mirror_layouts() -> None:
    archive = treasury.parse_par_curve(ARCHIVE_LAYOUT.encode())
    assert archive.loc[day("2002-02-19"), "3 Yr"] == 3.52
    assert np.isnan(archive.loc[day("2002-02-19"), "30 Yr"])  # no 30-year then
    assert np.isnan(archive.loc[day("2002-02-15"), "2 Mo"])
    resaved = treasury.parse_par_curve(PANDAS_LAYOUT.encode())
    assert resaved.index.tolist() == [day("2022-01-03"), day("2022-01-04")]
    assert resaved.loc[day("2022-01-03"), "1 Yr"] == 0.4


def test_par_curve_reads_several_files_one_after_another() -> None:
    body = ARCHIVE_LAYOUT + PANDAS_LAYOUT + PAR_2025.read_text()
    par = treasury.parse_par_curve(body.encode())
    assert len(par) == 2 + 2 + 21
    assert par["1.5 Mo"].loc[:"2022"].isna().all()  # a column of the 2025 file only
    assert par.columns.tolist() == ["1 Mo", "1.5 Mo", "2 Mo", "3 Mo", "4 Mo", "6 Mo", "1 Yr",
                                    "2 Yr", "3 Yr", "5 Yr", "7 Yr", "10 Yr", "20 Yr",
                                    "30 Yr"]
    again = PANDAS_LAYOUT.splitlines()[0] + "\n{}\n"
    row = "2022-01-04,0.06,0.05,0.08,,0.22,0.38,0.77,1.02,1.37,1.57,{},2.1,2.07"
    same = PANDAS_LAYOUT + again.format(row.format("1.66"))
    assert len(treasury.parse_par_curve(same.encode())) == 2
    different = PANDAS_LAYOUT + again.format(row.format("1.67"))
    with pytest.raises(data.RawFormatError, match="2022-01-04 appears twice"):
        treasury.parse_par_curve(different.encode())


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<!DOCTYPE html><html><body>Service Unavailable</body></html>\n",
         "not a par yield curve CSV"),
        (PAR_2025.read_bytes()[:-30], "cut short"),
        (b'Date,"1 Mo","Extrapolation Factor"\n04/01/2025,4.2,0.1\n', "unexpected column"),
        (b'Date,"1 Mo"\n2025/04/01,4.2\n', "not a date"),
        (b'Date,"1 Mo"\n04/01/2025,4..2\n', "not a number"),
        (b'Date,"1 Mo"\n04/01/2025,4.2\n04/03/2025,4.2\n04/02/2025,4.2\n', "in order"),
        (b'Date,"1 Mo","3 Mo"\n', "no rows"),
        (b"", "empty"),
    ],
)
def test_par_curve_rejects_malformed_files(body: bytes, message: str) -> None:
    with pytest.raises(data.RawFormatError, match=message):
        treasury.parse_par_curve(body)


def test_span_years(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(treasury, "current_year", lambda: 2027)
    assert treasury.span_years("2024") == [2024]
    assert treasury.span_years("1990-1992") == [1990, 1991, 1992]
    assert treasury.span_years("2025-") == [2025, 2026, 2027]
    for bad in ("1989", "2024-2023", "24", "2024-25", "all"):
        with pytest.raises(ValueError):
            treasury.span_years(bad)


def test_fetch_years_requests_each_year_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(treasury, "current_year", lambda: 2026)
    urls: list[str] = []

    def get(url: str, timeout: float) -> bytes:
        urls.append(url)
        return recorded(url, timeout)

    item = next(i for i in data.SPECS["yield_curve_daily"].inputs if i.param == "2025-")
    body = fetch_input(item, get, 5.0)
    assert urls == [treasury.PAR_CURVE_URL.format(param=year) for year in (2025, 2026)]
    assert "field_tdr_date_value=2025&" in urls[0] and "/2025/all?" in urls[0]
    assert len(treasury.parse_par_curve(body)) == 21

    def wrong_year(url: str, timeout: float) -> bytes:
        return PAR_2023.read_bytes()

    with pytest.raises(data.RefreshError, match="has the date 2023-10-16"):
        fetch_input(item, wrong_year, 5.0)

    def html(url: str, timeout: float) -> bytes:
        return b"<html><body>Access Denied</body></html>"

    with pytest.raises(data.RefreshError, match="field_tdr_date_value=2025"):
        fetch_input(item, html, 5.0)


# ------------------------------------------------------------------------------ the curve build


def sample_raw() -> dict[str, bytes]:
    """The curve's inputs from the samples: FRED April 2025, par curve 2023 and 2025."""
    raw = {s: (SAMPLES / f"fred_curve_{s}_2025-04.csv").read_bytes() for s in FRED_SERIES}
    raw["treasury_par_1990_2023"] = PAR_2023.read_bytes()
    raw["treasury_par_2024"] = b'Date,"1 Mo","3 Yr"\n'
    raw["treasury_par_2025_on"] = PAR_2025.read_bytes()
    return raw


def test_the_build_cross_checks_fred_against_the_par_curve() -> None:
    built = data.build_dataset("yield_curve_daily", sample_raw())
    assert len(built.frame) == 21 and built.vintage == "daily data to 30 Apr 2025"
    assert curve.cross_check(built.frame["y10y_pct"],
                             treasury.parse_par_curve(PAR_2025.read_bytes())["10 Yr"],
                             "DGS10") == 21
    raw = sample_raw()
    raw["DGS10"] = raw["DGS10"].replace(b"2025-04-11,4.48", b"2025-04-11,4.38")
    with pytest.raises(data.RawFormatError,
                       match=r"DGS10 and Treasury's par curve differ on 1 of 21 common days, "
                             r"first 2025-04-11: 4.38 against 4.48"):
        data.build_dataset("yield_curve_daily", raw)
    raw = sample_raw()  # a column read as its neighbour fails the same way
    raw["DGS7"] = raw["DGS5"].replace(b"DGS5", b"DGS7")
    with pytest.raises(data.RawFormatError, match="DGS7 and Treasury's par curve differ"):
        data.build_dataset("yield_curve_daily", raw)


# ------------------------------------------------------------------------------ ACM parser


def test_acm_workbook_sample() -> None:
    series = nyfed.parse_acm_daily(ACM_XLS.read_bytes())
    assert len(series) == 42
    assert series.index[0] == day("2025-04-01") and series.index[-1] == day("2025-05-30")
    assert series[day("2025-05-21")] == pytest.approx(0.896379, abs=1e-12)


def test_acm_sheet_with_excel_dates_and_other_columns() -> None:
    sheet = pd.DataFrame({
        "DATE": pd.to_datetime(["2025-05-20", "2025-05-21"]),
        "ACMY10": [4.5, 4.6],            # made-up neighbours: only ACMTP10 is read
        "ACMTP10": [0.85, 0.896379],
        "ACMRNY10": [3.6, 3.7],
    })
    series = nyfed.acm_series_from_sheet(sheet)
    assert series.tolist() == [0.85, 0.896379]
    with pytest.raises(data.RawFormatError, match="no column 'ACMTP10'"):
        nyfed.acm_series_from_sheet(sheet.drop(columns="ACMTP10"))
    with pytest.raises(data.RawFormatError, match="not a date"):
        nyfed.acm_series_from_sheet(sheet.assign(DATE=["20 May", "21 May"]))
    with pytest.raises(data.RawFormatError, match="out of order"):
        nyfed.acm_series_from_sheet(sheet.iloc[::-1])


def test_acm_mirror_layout() -> None:
    series = nyfed.parse_acm_daily(b"date,value\n2023-10-19,0.454076\n2023-10-20,0.465241\n")
    assert series.tolist() == [0.454076, 0.465241]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html><body>Page not found</body></html>\n", "neither the Excel workbook"),
        (ACM_XLS.read_bytes()[:3000], "cannot read sheet"),
        (b"PK\x03\x04 an xlsx", "not the Excel 97 workbook"),
        (b"date,value\n2023-10-19,\n", "empty values"),
    ],
)
def test_acm_rejects_malformed_files(body: bytes, message: str) -> None:
    with pytest.raises(data.RawFormatError, match=message):
        nyfed.parse_acm_daily(body)


# ------------------------------------------------------------------------------ refresh


def recorded(url: str, timeout: float) -> bytes:
    """The recorded publisher response for each download URL of the curve and the ACM."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qs(parts.query)
    if parts.netloc == "fred.stlouisfed.org":
        return (SAMPLES / f"fred_curve_{query['id'][0]}_2025-04.csv").read_bytes()
    if parts.netloc == "home.treasury.gov":
        year = query["field_tdr_date_value"][0]
        assert re.fullmatch(r"\d{4}", year), url
        if year == "2023":
            return PAR_2023.read_bytes()
        if year == "2025":
            return PAR_2025.read_bytes()
        return b'Date,"1 Mo","2 Mo","3 Mo","6 Mo","1 Yr","2 Yr","3 Yr","5 Yr","10 Yr"\n'
    if url == "https://www.newyorkfed.org/medialibrary/media/research/data_indicators/" \
              "ACMTermPremium.xls":
        return ACM_XLS.read_bytes()
    raise AssertionError(f"no sample for {url}")


def test_refresh_yield_curve(tmp_path: Path, user_cache: Path, daily: pd.DataFrame,
                             monthly: pd.DataFrame) -> None:
    urls: list[str] = []

    def fetch(url: str, timeout: float) -> bytes:
        urls.append(url)
        return recorded(url, timeout)

    empty = tmp_path / "shipped"
    empty.mkdir()
    with data.use_folder(empty):
        for name in ("yield_curve_daily", "yield_curve_monthly"):
            path = data.refresh(name, fetch=fetch, today="2026-11-21")
            assert path.parent == user_cache
        fresh = data.load("yield_curve_daily", prefer_cache=True)
        fresh_monthly = data.load("yield_curve_monthly", prefer_cache=True)
        info = data.describe("yield_curve_daily", prefer_cache=True)
    pd.testing.assert_frame_equal(fresh, daily.loc["2025-04-01":"2025-04-30"],
                                  check_freq=False)
    pd.testing.assert_frame_equal(fresh_monthly, monthly.loc[[month("2025-04")]],
                                  check_freq=False)
    assert info.retrieved == "2026-11-21" and not info.mirrors
    treasury_years = [u for u in urls if "home.treasury.gov" in u]
    years = [int(urllib.parse.parse_qs(urllib.parse.urlsplit(u).query)
                 ["field_tdr_date_value"][0]) for u in treasury_years]
    per_build = list(range(1990, treasury.current_year() + 1))
    assert years == per_build * 2  # each year once per dataset built
    assert sum("fred.stlouisfed.org" in u for u in urls) == 2 * len(FRED_SERIES)


def test_refresh_term_premium(tmp_path: Path) -> None:
    shipped_daily = data.load("term_premium_daily")
    shipped_monthly = data.load("term_premium_monthly")
    empty = tmp_path / "shipped"
    empty.mkdir()
    with data.use_folder(empty):
        data.refresh("term_premium_daily", fetch=recorded, today="2026-11-21")
        data.refresh("term_premium_monthly", fetch=recorded, today="2026-11-21")
        fresh = data.load("term_premium_daily", prefer_cache=True)
        fresh_monthly = data.load("term_premium_monthly", prefer_cache=True)
    pd.testing.assert_frame_equal(fresh, shipped_daily.loc["2025-04-01":"2025-05-30"],
                                  check_freq=False)
    assert round(fresh.loc[day("2025-05-21"), "term_premium_10y_pct"], 3) == 0.896
    pd.testing.assert_frame_equal(
        fresh_monthly, shipped_monthly.loc[[month("2025-04"), month("2025-05")]],
        check_freq=False)


def test_our_datasets_refresh_from_the_publishers_urls() -> None:
    urls = {input_url(item)
            for name in OURS for item in data.SPECS[name].inputs}
    assert "https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS1MO" in urls
    assert ("https://home.treasury.gov/resource-center/data-chart-center/interest-rates/"
            "daily-treasury-rates.csv/1990-2023/all?type=daily_treasury_yield_curve"
            "&field_tdr_date_value=1990-2023&page&_format=csv") in urls
    assert ("https://www.newyorkfed.org/medialibrary/media/research/data_indicators/"
            "ACMTermPremium.xls") in urls
    assert all(data.SPECS[name].refreshable for name in OURS)


# ------------------------------------------------------------------------------ episodes


def test_every_episode_has_rows_in_the_daily_curve(daily: pd.DataFrame) -> None:
    assert list(EPISODES) == ["taper_tantrum_2013", "dash_for_cash_2020",
                              "japan_interventions_2022", "term_premium_2023", "japan_2024",
                              "april_2025_selloff"]
    for name, episode in EPISODES.items():
        rows = window(daily, name)
        assert rows.index[0].date() >= episode.start and rows.index[-1].date() <= episode.end
        assert len(rows) == len(daily.loc[str(episode.start):str(episode.end)])
        assert episode.name == name and episode.sources and episode.title
        assert len(episode.what_happened) < 500


def test_april_2025_the_ten_year_rose(daily: pd.DataFrame) -> None:
    rows = window(daily, "april_2025_selloff")
    ten = rows["y10y_pct"]
    rise = ten.iloc[-1] - ten.iloc[0]
    assert rise > 0
    assert rise == daily.loc[day("2025-04-11"), "y10y_pct"] - daily.loc[day("2025-04-02"),
                                                                         "y10y_pct"]
    assert ten.idxmin() == day("2025-04-04")  # it fell first, as the text says


def test_the_yields_quoted_in_the_episodes_are_the_datasets(daily: pd.DataFrame) -> None:
    """Each 'X% on D Month' of a what_happened text is the 10-year's value that day."""
    pattern = re.compile(r"(-?\d+\.\d\d)% on (\d{1,2}) (January|February|March|April|May|"
                         r"June|July|August|September|October|November|December)")
    checked = 0
    for episode in EPISODES.values():
        for value, day_text, month_name in pattern.findall(episode.what_happened):
            when = pd.Timestamp(f"{day_text} {month_name} {episode.start.year}")
            assert daily.loc[when, "y10y_pct"] == float(value), (episode.name, when)
            checked += 1
    assert checked == 12
    tp = data.load("term_premium_daily")["term_premium_10y_pct"]
    rows = window(tp.to_frame(), "term_premium_2023")["term_premium_10y_pct"]
    assert (round(rows.iloc[0], 2), round(rows[day("2023-10-19")], 2)) == (-0.47, 0.45)
    tic = data.load("tic_holdings")["japan_usd_bn"]
    assert (tic[month("2024-03")], tic[month("2024-05")]) == (1167.0, 1106.0)


def test_window_errors(daily: pd.DataFrame, monthly: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"unknown episode 'gfc_2008'; known episodes: "
                                         r"taper_tantrum_2013, dash_for_cash_2020"):
        window(daily, "gfc_2008")
    with pytest.raises(ValueError, match="'april_2025_selloff'.*no rows in it"):
        window(monthly, "april_2025_selloff")  # no month ends between 2 and 11 April
    assert len(window(monthly, "japan_2024")) == 2
    with pytest.raises(ValueError, match="no rows in it"):
        window(daily.loc[:"2010"], "japan_2024")
    with pytest.raises(ValueError, match="date index"):
        window(daily.reset_index(), "japan_2024")
    with pytest.raises(ValueError, match="end 2020-01-01 is before start"):
        Episode("x", date(2020, 2, 1), date(2020, 1, 1), "x", "x", ("x",))
    with pytest.raises(TypeError):
        EPISODES["x"] = get_episode("japan_2024")  # type: ignore[index]
    with pytest.raises(AttributeError):
        get_episode("japan_2024").end = date(2030, 1, 1)  # type: ignore[misc]
