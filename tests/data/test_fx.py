"""The yen, the dollar, global yields, gold and Japan's interventions: fx_daily, fx_monthly,
global_rates and japan_interventions.

Spot values were checked by hand against the publishers (SOURCES_ADDED.md). The samples in
data_samples/ are small files in the publishers' download layouts, cut from the raw copies:

* fred_*_2024.csv: FRED ``fredgraph.csv`` (DTWEXBGS written with FRED's empty holiday rows);
* boj_FM01_STRDCLUCON_2024-07.csv: the BOJ API's English CSV (``getDataCode?format=csv``):
  preamble, header, a row per calendar day, ``null`` on weekends and holidays (the preamble
  lines are reconstructed from the API manual's description; the values are the BOJ's);
* mof_jgbcme_all_2024-07.csv / mof_jgbcme_2024-07.csv: MOF's English JGB files (title line,
  ``Date,1Y,...,40Y``, ``2024/7/1`` dates, CRLF); only the 10Y values are known to the raw
  copy, so the other maturities are written ``-`` (MOF's mark for no value);
* mof_feio_2024_sjis.csv: lines of MOF's Shift-JIS intervention file, byte for byte: the
  header block, the four quarters of 2024 and the notes;
* worldbank_pink_sheet_2024.xlsx: a workbook written with openpyxl in the Pink Sheet's
  layout (sheet "Monthly Prices": four title rows, names, units, ``2024M01`` ... rows), with
  five columns and the 2024 values copied from the World Bank's file of 2 June 2026.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lessons_lib import data
from lessons_lib.data.catalogue.fx import check_quarter_totals, combine_overlapping
from lessons_lib.data.refreshing import input_url
from lessons_lib.data.sources.boj import parse_boj_csv
from lessons_lib.data.sources.mof import parse_intervention_csv, parse_jgb_csv
from lessons_lib.data.sources.worldbank import parse_pink_sheet

SAMPLES = Path(__file__).parent / "data_samples"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def month(text: str) -> pd.Timestamp:
    return pd.Timestamp(text) + pd.offsets.MonthEnd(0)




# ------------------------------------------------------------------------------ fx_daily


def test_fx_daily_spot_values() -> None:
    fx = data.load("fx_daily")
    assert list(fx.columns) == ["jpy_per_usd", "usd_broad_index", "jpy_call_overnight_pct",
                                "jgb_10y_pct"]
    assert fx.loc["2024-07-02", "jpy_per_usd"] == 161.53
    assert fx.loc["2024-07-11", "jpy_per_usd"] == 158.58  # an intervention day
    assert fx.loc["2024-07-10", "usd_broad_index"] == 123.19
    assert fx.loc["2024-03-19", "jpy_call_overnight_pct"] == -0.001
    assert fx.loc["2024-08-01", "jpy_call_overnight_pct"] == 0.227
    assert fx.loc["2024-07-11", "jgb_10y_pct"] == 1.089
    assert fx.index[0] == pd.Timestamp("2000-01-03")
    assert fx.index[-1] == pd.Timestamp("2026-07-31")


def test_fx_daily_gaps_are_one_country_holidays() -> None:
    fx = data.load("fx_daily")
    july4 = fx.loc["2024-07-04"]  # US holiday: Tokyo open
    assert np.isnan(july4["jpy_per_usd"]) and np.isnan(july4["usd_broad_index"])
    assert july4["jgb_10y_pct"] == 1.086
    marine_day = fx.loc["2024-07-15"]  # Japanese holiday: New York open
    assert np.isnan(marine_day["jgb_10y_pct"]) and np.isnan(marine_day["jpy_call_overnight_pct"])
    assert marine_day["jpy_per_usd"] == 157.89
    assert fx.loc[:"2006-01-01", "usd_broad_index"].isna().all()  # DTWEXBGS starts 2006-01-02
    assert fx.loc["2006-01-02":, "usd_broad_index"].notna().mean() > 0.95
    assert not fx.isna().all(axis=1).any()
    assert (fx.index.day_of_week < 5).all()


def test_fx_monthly_is_the_mean_of_fx_daily() -> None:
    daily = data.load("fx_daily")
    monthly = data.load("fx_monthly")
    assert monthly.index[0] == month("2000-01") and monthly.index[-1] == month("2026-07")
    means = daily.groupby(daily.index.to_period("M")).mean()
    means.index = means.index.to_timestamp(how="end").normalize()
    diff = (monthly - means.reindex(monthly.index)).abs()
    assert diff.max().max() <= 0.00005 + 1e-9  # rounded half up to four decimals
    assert monthly.loc[month("2024-07"), "jpy_per_usd"] == 157.5182
    assert monthly.loc[:"2005-12-31", "usd_broad_index"].isna().all()
    assert monthly.loc["2006-01-31":].notna().all().all()


# ------------------------------------------------------------------------------ global_rates


def test_global_rates_spot_values() -> None:
    rates = data.load("global_rates")
    assert rates.index[0] == month("2000-01") and rates.index[-1] == month("2026-05")
    july = rates.loc[month("2024-07")]
    assert round(july["de_10y_pct"], 4) == 2.4583  # FRED keeps the OECD's full precision
    assert july["jp_10y_pct"] == 1.045
    assert july["us_10y_pct"] == 4.25
    assert rates.loc[month("2024-01"), "usd_per_eur"] == 1.0899  # mean 1.089890... half up
    gold = rates["gold_usd_per_troy_oz"]
    assert gold[month("2023-10")] == 1916.25
    assert gold[month("2024-07")] == 2398.2
    assert gold[month("2024-12")] == 2648.01
    assert gold[month("2025-12")] == 4309.23


def test_global_rates_columns_end_at_their_own_months() -> None:
    rates = data.load("global_rates")
    last = {name: rates[name].last_valid_index() for name in rates.columns}
    assert last["usd_per_eur"] == month("2025-07")  # DEXUSEU copy ends 2025-08-22
    assert last["us_10y_pct"] == last["de_10y_pct"] == last["jp_10y_pct"] == month("2026-01")
    assert last["gold_usd_per_troy_oz"] == month("2026-05")
    for name in rates.columns:  # no gap before a column's last month
        assert rates.loc[: last[name], name].notna().all(), name


def test_oecd_us_yield_equals_the_h15_monthly_mean() -> None:
    oecd = data.load("global_rates")["us_10y_pct"]
    h15 = data.load("yields_monthly")["y10y_pct"]
    both = oecd.index.intersection(h15.index)
    assert len(both) >= 300
    # measured: equal in every month 2000-01..2025-11 (max difference 0.0)
    assert (oecd[both] - h15[both]).abs().max() < 0.005


def test_oecd_japan_yield_is_close_to_the_mof_10y_mean() -> None:
    oecd = data.load("global_rates")["jp_10y_pct"].dropna()
    mof = data.load("fx_monthly")["jgb_10y_pct"]
    diff = (oecd - mof.reindex(oecd.index)).dropna()
    assert len(diff) >= 300
    # measured: mean absolute difference 0.034, largest 0.259 (Aug 2003): not the same average
    assert diff.abs().mean() < 0.05
    assert diff.abs().max() < 0.3


# ------------------------------------------------------------------------------ japan_interventions

SPOT_INTERVENTIONS = {  # 100 million yen, dollars sold for yen
    "2022-09-22": 28382, "2022-10-21": 56202, "2024-04-29": 59185, "2024-05-01": 38700,
    "2024-07-11": 31678, "2024-07-12": 23670,
}


def test_japan_interventions_spot_values() -> None:
    table = data.load("japan_interventions")
    assert table.index[0] == pd.Timestamp("1991-05-13")
    assert table.index[-1] == pd.Timestamp("2026-05-06")
    for day, amount in SPOT_INTERVENTIONS.items():
        row = table.loc[day]
        assert round(row["amount_jpy_bn"] * 10) == amount, day
        assert row["direction"] == "sell USD, buy JPY" and row["currency_pair"] == "USD/JPY"
        assert row["sold_currency"] == "USD" and row["bought_currency"] == "JPY"
        assert bool(row["jpy_bought"])
    july11 = table.loc["2024-07-11"]
    assert july11["jpy_per_usd"] == 158.58
    assert july11["amount_usd_bn"] == round(3167.8 / 158.58, 3)


def test_japan_interventions_quarters_add_up_to_the_published_totals() -> None:
    table = data.load("japan_interventions")
    units = (table["amount_jpy_bn"] * 10).round().astype(int)
    by_quarter = units.groupby(table.index.to_period("Q"))
    published = {"2022Q3": 28382, "2022Q4": 63499, "2024Q2": 97885, "2024Q3": 55348,
                 "2026Q2": 117349}
    for quarter, total in published.items():
        period = pd.Period(quarter, freq="Q")
        assert abs(by_quarter.sum()[period] - total) <= 0.5 * (by_quarter.count()[period] + 1)


def test_japan_interventions_dollar_amounts_use_dexjpus() -> None:
    table = data.load("japan_interventions")
    fx = data.load("fx_daily")["jpy_per_usd"]
    assert (table["rate_date"] <= table.index).all()
    assert ((table.index - table["rate_date"]).dt.days <= 4).all()
    recent = table[table.index >= "2000-01-03"]
    assert (fx.reindex(recent["rate_date"]).to_numpy() == recent["jpy_per_usd"]).all()
    ratio = table["amount_jpy_bn"] / table["jpy_per_usd"]
    assert (table["amount_usd_bn"] - ratio).abs().max() <= 0.0005 + 1e-12
    # Presidents' Day 1992: no New York quote, the previous business day's is used
    assert table.loc["1992-02-17", "rate_date"] == pd.Timestamp("1992-02-14")


def test_japan_interventions_currencies() -> None:
    table = data.load("japan_interventions")
    assert set(table["currency_pair"]) == {"USD/JPY", "EUR/JPY", "DEM/JPY", "USD/DEM",
                                           "USD/IDR"}
    no_yen = table[table["jpy_bought"].isna()]
    assert set(no_yen["bought_currency"]) == {"DEM", "IDR"}
    assert (table.loc[table["bought_currency"] == "JPY", "jpy_bought"]).all()
    two_rows = table.index[table.index.duplicated()]
    assert len(two_rows) == 17  # yen sold for dollars and for euros or marks the same day


# ------------------------------------------------------------------------------ parsers

HTML = b"<!DOCTYPE html><html><body>Service unavailable</body></html>"


def test_boj_api_csv() -> None:
    call = parse_boj_csv(sample("boj_FM01_STRDCLUCON_2024-07.csv"), "STRDCLUCON")
    assert call.index[0] == pd.Timestamp("2024-07-01")
    assert call["2024-07-02"] == 0.077
    assert pd.Timestamp("2024-07-06") not in call.index  # Saturday: null
    assert pd.Timestamp("2024-07-15") not in call.index  # Marine Day: null
    assert len(call) == 22


def test_boj_resave_layout() -> None:
    call = parse_boj_csv(b"date,value\n2024-03-19,-0.001\n2024-08-01,0.227\n", "STRDCLUCON")
    assert call.to_dict() == {pd.Timestamp("2024-03-19"): -0.001,
                              pd.Timestamp("2024-08-01"): 0.227}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (HTML, "unexpected first line"),
        (b'{"STATUS":400,"MESSAGEID":"M181005E","MESSAGE":"Invalid DB"}', "error"),
        (b"STATUS,400\nMESSAGE,Invalid input parameters\n", "status '400'"),
        (b"", "empty"),
        (b"date,value\n2024-03-19,-0.001\n2024-03-2", "cut short"),
    ],
)
def test_boj_malformed(body: bytes, message: str) -> None:
    with pytest.raises(data.RawFormatError, match=message):
        parse_boj_csv(body, "STRDCLUCON")


def test_boj_partial_and_cut_responses() -> None:
    good = sample("boj_FM01_STRDCLUCON_2024-07.csv")
    with pytest.raises(data.RawFormatError, match="partial response"):
        parse_boj_csv(good.replace(b"NEXTPOSITION,", b"NEXTPOSITION,2"), "STRDCLUCON")
    cut = good[: good.index(b"20240710") - 30]  # inside a quoted name
    with pytest.raises(data.RawFormatError, match="malformed line"):
        parse_boj_csv(cut, "STRDCLUCON")
    with pytest.raises(data.RawFormatError, match="series"):
        parse_boj_csv(good.replace(b"STRDCLUCON,", b"STRDCLUCONH,"), "STRDCLUCON")


# A hand-written sample of MOF's English layout with every maturity filled in (made-up
# yields except the 10Y column, which is MOF's).
JGB_ALL_MATURITIES = (
    b"Interest Rate,,,,,,,,,,,,,,,(Unit : %)\r\n"
    b"Date,1Y,2Y,3Y,4Y,5Y,6Y,7Y,8Y,9Y,10Y,15Y,20Y,25Y,30Y,40Y\r\n"
    b"1986/7/5,4.1,4.2,4.3,4.4,4.5,4.6,4.7,4.8,4.9,5.103,-,-,-,-,-\r\n"
    b"2024/7/11,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.089,1.5,2.0,2.2,2.4,2.6\r\n"
    b",,,,,,,,,,,,,,,\r\n"
    b'"If you cannot download the latest csv data, please clear the browser cache.",,,,\r\n'
)


def test_jgb_publisher_layout() -> None:
    ten = parse_jgb_csv(JGB_ALL_MATURITIES, "10Y")
    assert ten.to_dict() == {pd.Timestamp("1986-07-05"): 5.103, pd.Timestamp("2024-07-11"): 1.089}
    forty = parse_jgb_csv(JGB_ALL_MATURITIES, "40Y")
    assert forty.to_dict() == {pd.Timestamp("2024-07-11"): 2.6}  # "-" = not yet issued
    history = parse_jgb_csv(sample("mof_jgbcme_all_2024-07.csv"))
    current = parse_jgb_csv(sample("mof_jgbcme_2024-07.csv"))
    assert history.index[-1] == current.index[0] == pd.Timestamp("2024-07-10")
    assert current["2024-07-11"] == 1.089


def test_jgb_resave_layout() -> None:
    ten = parse_jgb_csv(b"date,value\n1986-07-05,5.1030\n2024-07-11,1.0890\n")
    assert ten["2024-07-11"] == 1.089 and ten["1986-07-05"] == 5.103


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (HTML + b"\n", "no 'Date,...' header"),
        (JGB_ALL_MATURITIES[:-30], "cut short"),
        (JGB_ALL_MATURITIES.replace(b"2024/7/11", b"R6.7.11"), "Japanese-era date"),
        (JGB_ALL_MATURITIES.replace(b",10Y,", b",11Y,"), "no '10Y' column"),
        (JGB_ALL_MATURITIES.replace(b"1.089", b"1.O89"), "malformed value"),
    ],
)
def test_jgb_malformed(body: bytes, message: str) -> None:
    with pytest.raises(data.RawFormatError, match=message):
        parse_jgb_csv(body)


def test_intervention_record_sample() -> None:
    raw = sample("mof_feio_2024_sjis.csv")
    assert b"\r\n" in raw and "Foreign".encode("cp932") in raw
    record = parse_intervention_csv(raw)
    days = record.days
    assert [f"{d:%Y-%m-%d}" for d in days.index] == ["2024-04-29", "2024-05-01", "2024-07-11",
                                                    "2024-07-12"]
    assert days["amount_100m_jpy"].tolist() == [59185, 38700, 31678, 23670]
    assert set(days["sold"]) == {"USD"} and set(days["bought"]) == {"JPY"}
    assert record.quarter_totals.tolist() == [0, 97885, 55348, 0]
    assert str(record.quarter_totals.index[0]) == "2024Q1"
    assert check_quarter_totals(days, record.quarter_totals).abs().max() == 0
    utf8 = parse_intervention_csv(raw.decode("cp932").encode("utf-8"))
    pd.testing.assert_frame_equal(utf8.days, days)


def test_intervention_totals_must_match_their_days() -> None:
    raw = sample("mof_feio_2024_sjis.csv").replace(b'"97,885"', b'"97,985"')
    record = parse_intervention_csv(raw)
    with pytest.raises(data.RawFormatError, match="2024Q2 total 97985"):
        check_quarter_totals(record.days, record.quarter_totals)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda raw: HTML, "title"),
        (lambda raw: raw[: raw.rindex(b"\r\n", 0, raw.index(b"April - June 2024")) + 2],
         "cut short"),
        (lambda raw: raw[: raw.index(b"April - June 2024") - 40], "not understood"),
        (lambda raw: raw[: raw.index("(注1)".encode("cp932"))], "notes"),
        (lambda raw: raw.replace(b"2024,Jul,11", b"2024,Oct,11"), "not in 2024Q3"),
        (lambda raw: raw.replace(b"the Japanese yen (bought)", b"the yuan (bought)"),
         "unknown currency"),
        (lambda raw: raw.replace(b'"38,700"', b'"38.7bn"'), "not a whole number"),
    ],
)
def test_intervention_record_malformed(edit, message: str) -> None:  # noqa: ANN001
    with pytest.raises(data.RawFormatError, match=message):
        parse_intervention_csv(edit(sample("mof_feio_2024_sjis.csv")))


def test_pink_sheet_sample() -> None:
    gold, edition = parse_pink_sheet(sample("worldbank_pink_sheet_2024.xlsx"), "Gold",
                                     "($/troy oz)")
    assert edition == "2 Jun 2026"
    assert gold[month("2024-07")] == 2398.2 and gold[month("2024-12")] == 2648.01
    assert len(gold) == 12
    silver, _ = parse_pink_sheet(sample("worldbank_pink_sheet_2024.xlsx"), "Silver",
                                 "($/troy oz)")
    assert not silver.equals(gold)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (HTML, "not an .xlsx workbook"),
        (None, "cannot be read"),
    ],
)
def test_pink_sheet_malformed(body: bytes | None, message: str) -> None:
    raw = sample("worldbank_pink_sheet_2024.xlsx")
    with pytest.raises(data.RawFormatError, match=message):
        parse_pink_sheet(body if body is not None else raw[: len(raw) // 2], "Gold",
                         "($/troy oz)")
    with pytest.raises(data.RawFormatError, match="no column 'Copper'"):
        parse_pink_sheet(raw, "Copper", "($/mt)")
    with pytest.raises(data.RawFormatError, match="unit"):
        parse_pink_sheet(raw, "Gold", "($/kg)")


def test_two_dexuseu_copies_must_agree_on_their_overlap() -> None:
    first = pd.Series([1.0957, np.nan, 1.0921],
                      index=pd.to_datetime(["2024-01-02", "2024-01-03", "2024-01-04"]))
    second = pd.Series([np.nan, 1.0921, 1.0945],
                       index=pd.to_datetime(["2024-01-03", "2024-01-04", "2024-01-05"]))
    joined = combine_overlapping(first, second, "DEXUSEU")
    assert joined.index[-1] == pd.Timestamp("2024-01-05") and len(joined) == 4
    with pytest.raises(data.RawFormatError, match="differ on 2024-01-04"):
        combine_overlapping(first, second.replace(1.0921, 1.0922), "DEXUSEU")
    raw = {item.key: sample(f"fred_{item.param}_2024.csv")
           for item in data.SPECS["global_rates"].inputs if item.kind == "fred"}
    raw["pink_sheet"] = sample("worldbank_pink_sheet_2024.xlsx")
    data.build_dataset("global_rates", raw)
    raw["DEXUSEU_2020_2025"] = raw["DEXUSEU_2020_2025"].replace(b"2024-01-10,1.0960",
                                                                b"2024-01-10,1.0961")
    with pytest.raises(data.RawFormatError, match="differ on 2024-01-10"):
        data.build_dataset("global_rates", raw)


# ------------------------------------------------------------------------------ refresh


def sample_for(url: str) -> bytes:
    """The recorded response for each publisher URL of the four datasets."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qs(parts.query)
    if parts.netloc == "fred.stlouisfed.org":
        return sample(f"fred_{query['id'][0]}_2024.csv")
    if parts.netloc == "www.stat-search.boj.or.jp":
        assert query["db"] == ["FM01"] and query["code"] == ["STRDCLUCON"]
        assert query["format"] == ["csv"] and query["lang"] == ["en"]
        return sample("boj_FM01_STRDCLUCON_2024-07.csv")
    if url.endswith("/interest_rate/historical/jgbcme_all.csv"):
        return sample("mof_jgbcme_all_2024-07.csv")
    if url.endswith("/interest_rate/jgbcme.csv"):
        return sample("mof_jgbcme_2024-07.csv")
    if url.endswith("/feio/foreign_exchange_intervention_operations.csv"):
        return sample("mof_feio_2024_sjis.csv")
    if parts.netloc == "thedocs.worldbank.org":
        return sample("worldbank_pink_sheet_2024.xlsx")
    raise AssertionError(f"no sample for {url}")


def recorded(url: str, timeout: float) -> bytes:
    return sample_for(url)




def test_publisher_endpoints() -> None:
    urls = {item.key: input_url(item) for name in ("fx_daily", "global_rates",
                                                   "japan_interventions")
            for item in data.SPECS[name].inputs}
    assert urls["STRDCLUCON"] == ("https://www.stat-search.boj.or.jp/api/v1/getDataCode?"
                                  "format=csv&lang=en&db=FM01&code=STRDCLUCON&startDate=199801")
    assert urls["JGB10Y"] == ("https://www.mof.go.jp/english/policy/jgbs/reference/"
                              "interest_rate/historical/jgbcme_all.csv")
    assert urls["JGB10Y_current"] == ("https://www.mof.go.jp/english/policy/jgbs/reference/"
                                      "interest_rate/jgbcme.csv")
    assert urls["feio"] == ("https://www.mof.go.jp/english/policy/international_policy/"
                            "reference/feio/foreign_exchange_intervention_operations.csv")
    assert urls["pink_sheet"] == (
        "https://thedocs.worldbank.org/en/doc/18675f1d1639c7a34d463f59263ba0a2-0050012025/"
        "related/CMO-Historical-Data-Monthly.xlsx")
    assert urls["DEXJPUS"] == "https://fred.stlouisfed.org/graph/fredgraph.csv?id=DEXJPUS"
    assert urls["DEXUSEU_2000_2024"] == urls["DEXUSEU_2020_2025"]


def test_refresh_fx_daily_and_monthly(empty_folder: Path) -> None:
    data.refresh("fx_daily", fetch=recorded, today="2026-11-21")
    fx = data.load("fx_daily", prefer_cache=True)
    assert fx.index[0] == pd.Timestamp("2024-04-15") and fx.index[-1] == pd.Timestamp("2024-07-31")
    assert fx.loc["2024-07-11"].tolist() == [158.58, 122.77, 0.077, 1.089]  # JGB: current month
    assert fx.loc["2024-07-01", "jgb_10y_pct"] == 1.083  # JGB: history file
    assert np.isnan(fx.loc["2024-07-04", "jpy_per_usd"])  # FRED's empty holiday row
    assert np.isnan(fx.loc["2024-07-15", "jpy_call_overnight_pct"])  # BOJ null
    assert data.describe("fx_daily", prefer_cache=True).retrieved == "2026-11-21"
    data.refresh("fx_monthly", fetch=recorded, today="2026-11-21")
    monthly = data.load("fx_monthly", prefer_cache=True)
    assert list(monthly.index) == [month("2024-07")]
    with data.use_folder(Path(data.__file__).parents[1] / "datasets"):
        shipped = data.load("fx_monthly").loc[[month("2024-07")]]
    pd.testing.assert_frame_equal(monthly, shipped, check_freq=False)  # same July days


def test_refresh_global_rates(empty_folder: Path) -> None:
    data.refresh("global_rates", fetch=recorded, today="2026-11-21")
    rates = data.load("global_rates", prefer_cache=True)
    assert rates.index[0] == month("2024-01") and rates.index[-1] == month("2024-12")
    assert rates.loc[month("2024-01"), "usd_per_eur"] == 1.0899
    assert rates["usd_per_eur"].last_valid_index() == month("2024-02")
    assert round(rates.loc[month("2024-07"), "de_10y_pct"], 4) == 2.4583
    assert rates.loc[month("2024-07"), "gold_usd_per_troy_oz"] == 2398.2
    assert "Pink Sheet of 2 Jun 2026" in data.describe("global_rates", prefer_cache=True).vintage


def test_refresh_japan_interventions(empty_folder: Path) -> None:
    data.refresh("japan_interventions", fetch=recorded, today="2026-11-21")
    fresh = data.load("japan_interventions", prefer_cache=True)
    assert len(fresh) == 4
    assert (fresh["amount_jpy_bn"] * 10).round().tolist() == [59185, 38700, 31678, 23670]
    with data.use_folder(Path(data.__file__).parents[1] / "datasets"):
        shipped = data.load("japan_interventions").loc["2024-04-29":"2024-07-12"]
    pd.testing.assert_frame_equal(fresh, shipped)


def test_refresh_refuses_a_broken_boj_answer(empty_folder: Path) -> None:
    def fetch(url: str, timeout: float) -> bytes:
        if "stat-search" in url:
            return b'{"STATUS":503,"MESSAGEID":"M181091S","MESSAGE":"database error"}'
        return sample_for(url)

    with pytest.raises(data.RefreshError, match="BOJ STRDCLUCON"):
        data.refresh("fx_daily", fetch=fetch)


# ------------------------------------------------------------------------------ describe


def test_describe_names_the_mirrors() -> None:
    daily = data.describe("fx_daily")
    assert len(daily.mirrors) == 4
    assert any("raylia529/market-indicators-dashboard" in m for m in daily.mirrors)
    assert any("401Alert/401Alert-backtest-data" in m for m in daily.mirrors)
    rates = data.describe("global_rates")
    assert any("Wfiles/global-tactical-fund-simulator" in m for m in rates.mirrors)
    assert not any("pink_sheet" in m for m in rates.mirrors)  # the World Bank's own file
    interventions = data.describe("japan_interventions")
    assert any(m.startswith("feio:") and "(publisher's file)" in m
               for m in interventions.built_from)
    assert "two business days" in interventions.notes
    assert "cross-currency basis" in daily.notes and "3-month" in daily.notes
