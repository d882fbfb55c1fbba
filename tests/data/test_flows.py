"""Foreign holdings and flows: custody_holdings, tic_net_purchases, tic_holdings_slt,
tic_major_holders_recent, foreign_held_debt.

Spot values are the publishers' (FRED; TIC files, USD millions unless noted) as checked by
hand in the raw folder's notes; the datasets hold USD billions. Cross-checks compare the TIC
tables with the major-foreign-holders history (tic_holdings, mfhhis01) and with FRED FDHBFIN.
The samples in tests/data/data_samples are trimmed copies of the publishers' own files.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pandas as pd
import pytest

from lessons_lib import data
from lessons_lib.data.refreshing import input_url
from lessons_lib.data.sources import tic_slt

SAMPLES = Path(__file__).parent / "data_samples"
TIC_SAMPLES = {
    "slt_table1.txt": "tic_slt_table1_sample.txt",
    "slt_table3.txt": "tic_slt_table3_sample.txt",
    "slt_table5.txt": "tic_slt_table5.txt",
    "slt3d_globl.csv": "tic_slt3d_globl_sample.csv",
    "s1_globl.txt": "tic_s1_globl_sample.txt",
}
TIC_BASE = "https://ticdata.treasury.gov/resource-center/data-chart-center/tic/Documents/"
HTML = b"<!DOCTYPE html>\n<html><head><title>Page not found</title></head></html>\n"




def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def recorded(url: str, timeout: float) -> bytes:
    """The recorded publisher file for a TIC resource-centre or FRED URL."""
    if url.startswith(TIC_BASE):
        return sample(TIC_SAMPLES[url[len(TIC_BASE):]])
    parts = urllib.parse.urlsplit(url)
    assert parts.netloc == "fred.stlouisfed.org", url
    return sample(f"fred_{urllib.parse.parse_qs(parts.query)['id'][0]}_sample.csv")


def month(text: str) -> pd.Timestamp:
    return pd.Timestamp(text) + pd.offsets.MonthEnd(0)


def refreshed(name: str, tmp_path: Path, fetch=recorded) -> pd.DataFrame:  # noqa: ANN001
    with data.use_folder(tmp_path / "empty"):
        data.refresh(name, fetch=fetch, today="2026-11-21")
        return data.load(name, prefer_cache=True)


# ------------------------------------------------------------------------------ spot values


def test_custody_holdings_spot_values() -> None:
    frame = data.load("custody_holdings")["marketable_treasuries_usd_bn"]
    assert frame.index[0] == pd.Timestamp("2007-07-04")
    assert (frame > 0).all()
    assert frame[pd.Timestamp("2014-06-25")] == pytest.approx(2971.818, abs=1e-9)
    assert frame[pd.Timestamp("2024-12-25")] == pytest.approx(2903.537, abs=1e-9)


def test_tic_net_purchases_spot_values_and_splice() -> None:
    frame = data.load("tic_net_purchases")
    # Japan Oct 2022 (Form S): gross purchases 8,053 - gross sales 22,508 (USD millions)
    assert frame.loc[month("2022-10"), "japan_usd_bn"] == pytest.approx(-14.455, abs=1e-9)
    # Japan Jul 2024 (SLT Table 1): net -10,903
    assert frame.loc[month("2024-07"), "japan_usd_bn"] == pytest.approx(-10.903, abs=1e-9)
    basis = frame["basis"]
    assert set(basis[:month("2023-01")]) == {"form_s"}
    assert set(basis[month("2023-02"):]) == {"slt"}
    assert frame.index[0] == month("1990-01") and frame.index[-1] == month("2026-04")
    assert frame["foreign_official_usd_bn"][:month("2023-01")].isna().all()
    assert frame["foreign_official_usd_bn"][month("2023-02"):].notna().all()
    # Belgium, Luxembourg and the Cayman Islands: Form S rows from Jan 2001 only
    assert frame["belgium_usd_bn"][:month("2000-12")].isna().all()
    assert frame["belgium_usd_bn"][month("2001-01"):].notna().all()


def test_tic_holdings_slt_spot_values() -> None:
    frame = data.load("tic_holdings_slt")
    # Japan Oct 2022: 1,064,414 in both Table 3D and SLT Table 3 (now from Table 3)
    assert frame.loc[month("2022-10"), "japan_total_usd_bn"] == pytest.approx(1064.414, abs=1e-9)
    assert frame.loc[month("2024-07"), "grand_total_total_usd_bn"] == pytest.approx(
        8428.222, abs=1e-9)
    assert frame.loc[month("2024-07"), "japan_long_term_usd_bn"] == pytest.approx(
        1022.332, abs=1e-9)
    assert set(frame["basis"][:month("2019-12")]) == {"slt3d"}
    assert set(frame["basis"][month("2020-01"):]) == {"slt_table3"}
    parts = frame["japan_long_term_usd_bn"] + frame["japan_short_term_usd_bn"]
    assert (parts - frame["japan_total_usd_bn"]).abs().max() < 0.0015
    assert frame["foreign_official_total_usd_bn"][:month("2013-11")].isna().all()
    assert frame["foreign_official_total_usd_bn"][month("2013-12"):].notna().all()


def test_tic_major_holders_recent_spot_values() -> None:
    frame = data.load("tic_major_holders_recent")
    assert len(frame) == 13 and frame.index[-1] == month("2026-04")
    assert frame.loc[month("2026-04"), "japan_usd_bn"] == 1209.9
    assert frame.loc[month("2026-04"), "grand_total_usd_bn"] == 9352.6


def test_foreign_held_debt_spot_value_and_quarter_index() -> None:
    frame = data.load("foreign_held_debt")["foreign_held_federal_debt_usd_bn"]
    # FRED dates it 2024-10-01 (2024Q4); here the quarter's end
    assert frame[pd.Timestamp("2024-12-31")] == 8528.0
    assert frame.index[0] == pd.Timestamp("1970-03-31")
    assert data.describe("foreign_held_debt").vintage == "quarterly data to 2025Q3"


@pytest.mark.parametrize(
    ("name", "owner"),
    [
        ("custody_holdings", "KonstantineVM/dollar-breaking-point"),
        ("tic_net_purchases", "KonstantineVM/dollar-breaking-point"),
        ("tic_holdings_slt", "KonstantineVM/dollar-breaking-point"),
        ("tic_major_holders_recent", "KonstantineVM/dollar-breaking-point"),
        ("foreign_held_debt", "rjgreenresearch/economic-fragility-simulator"),
    ],
)
def test_describe_names_the_mirror(name: str, owner: str) -> None:
    info = data.describe(name)
    assert info.mirrors and all(owner in m for m in info.mirrors)


# ------------------------------------------------------------------------------ cross-checks


def test_tic_tables_against_the_major_holders_history() -> None:
    """SLT Table 3 / Table 3D (USD millions) against mfhhis01 (USD billions, one decimal).

    Measured on the 169 common months (Dec 2011 - Dec 2025): Japan and China agree to
    rounding (at most 0.05bn) in every month. Grand Total agrees to rounding except in
    Jun-Dec 2015 (about 2bn, Table 3D's older vintage) and Dec 2024 - Dec 2025 (up to 9.7bn,
    revisions after mfhhis01's 18 Mar 2026 vintage); foreign official likewise, with up to
    14.9bn in Dec 2024 - Dec 2025 and 0.1-2.1bn in 2015.
    """
    slt = data.load("tic_holdings_slt")
    mfh = data.load("tic_holdings")
    common = slt.index.intersection(mfh.index)
    assert len(common) == 169
    slt, mfh = slt.loc[common], mfh.loc[common]
    rounding = 0.05 + 1e-6
    for ours, theirs in (("japan_total_usd_bn", "japan_usd_bn"),
                         ("china_total_usd_bn", "china_usd_bn")):
        assert (slt[ours] - mfh[theirs]).abs().max() <= rounding, ours
    revised = (slt.index.year == 2015) | (slt.index >= month("2024-12"))
    for ours, theirs, worst in (("grand_total_total_usd_bn", "all_foreign_usd_bn", 10.0),
                                ("foreign_official_total_usd_bn", "foreign_official_usd_bn",
                                 15.0)):
        gap = (slt[ours] - mfh[theirs]).dropna().abs()
        assert (gap[~revised[slt[ours].notna()]] <= rounding).all(), ours
        assert gap.max() <= worst, ours
        assert (gap / mfh[theirs].loc[gap.index]).max() < 0.005, ours


def test_table5_against_table3_and_the_history() -> None:
    """Table 5 (billions) is Table 3 (millions) rounded: at most 0.05bn apart in all 13 months.
    Against mfhhis01, Japan and China are identical in the 9 common months (Apr-Dec 2025)."""
    table5 = data.load("tic_major_holders_recent")
    slt = data.load("tic_holdings_slt").loc[table5.index]
    pairs = {"japan_usd_bn": "japan_total_usd_bn", "china_usd_bn": "china_total_usd_bn",
             "united_kingdom_usd_bn": "united_kingdom_total_usd_bn",
             "grand_total_usd_bn": "grand_total_total_usd_bn",
             "foreign_official_usd_bn": "foreign_official_total_usd_bn"}
    for ours, theirs in pairs.items():
        assert (table5[ours] - slt[theirs]).abs().max() <= 0.05 + 1e-6, ours
    mfh = data.load("tic_holdings")
    common = table5.index.intersection(mfh.index)
    assert len(common) == 9
    assert (table5.loc[common, "japan_usd_bn"] == mfh.loc[common, "japan_usd_bn"]).all()
    assert (table5.loc[common, "china_usd_bn"] == mfh.loc[common, "china_usd_bn"]).all()


def test_slt_table1_and_table3_agree_on_long_term_treasuries() -> None:
    """Table 1's Treasury columns and Table 3's long-term ones are the same SLT columns
    (1 + 5 holdings; 3 + 7 - 2 - 6 net): equal in every row of the samples (and, measured on
    the full files, in all 6,916 common country-months)."""
    table1 = tic_slt.parse_slt_table(sample("tic_slt_table1_sample.txt"), "table1")
    table3 = tic_slt.parse_slt_table(sample("tic_slt_table3_sample.txt"), "table3")
    table3 = table3[table3["month_end"].isin(table1["month_end"])]
    both = table1.merge(table3, on=["country", "month_end"], suffixes=("_1", "_3"))
    assert len(both) == 0 or (both["for_lt_treas_pos_1"] == both["for_lt_treas_pos_3"]).all()
    shipped = data.load("tic_net_purchases")
    holdings = data.load("tic_holdings_slt")
    net = shipped.loc[month("2023-02"):, "grand_total_usd_bn"]
    assert net.notna().all()
    # the SLT-basis months of tic_net_purchases are Table 3's long-term net purchases, the
    # months of tic_holdings_slt from Table 3: the same report, so the indexes line up
    assert net.index.isin(holdings.index).all()


def test_foreign_held_debt_against_tic_grand_total() -> None:
    """FDHBFIN against TIC's Grand Total at each quarter's last month (2011Q4-2025Q3).

    Measured on 56 quarters: FDHBFIN differs from TIC's Grand Total by -1.1% to +1.7%
    (largest 2022Q4), +0.03% on average."""
    fdh = data.load("foreign_held_debt")["foreign_held_federal_debt_usd_bn"]
    tic = data.load("tic_holdings_slt")["grand_total_total_usd_bn"]
    common = fdh.index.intersection(tic.index)
    assert len(common) >= 50
    ratio = fdh[common] / tic[common] - 1
    assert ratio.abs().max() < 0.02


def test_custody_holdings_below_tic_foreign_official() -> None:
    """The New York Fed custody account holds part of foreign official Treasuries: at each
    month's last Wednesday it is below TIC's foreign-official holdings (from Dec 2013).

    Measured on 149 months: custody is 69% to 82% of TIC's foreign-official total."""
    custody = data.load("custody_holdings")["marketable_treasuries_usd_bn"]
    monthly = custody.groupby(custody.index.to_period("M")).last()
    monthly.index = monthly.index.to_timestamp(how="end").normalize()
    official = data.load("tic_holdings_slt")["foreign_official_total_usd_bn"].dropna()
    common = monthly.index.intersection(official.index)
    assert len(common) > 100
    share = monthly[common] / official[common]
    assert share.between(0.6, 0.9).all()


# ------------------------------------------------------------------------------ parsers


def test_parse_s1_globl_sample() -> None:
    frame = tic_slt.parse_s1_globl(sample("tic_s1_globl_sample.txt"))
    japan = frame[(frame["country"] == "Japan") & (frame["month_end"] == month("2022-10"))]
    assert japan["purchases_treasury"].item() == 8053
    assert japan["sales_treasury"].item() == 22508
    assert japan["net_treasury"].item() == -14455
    assert "China, Mainland" in set(frame["country"])  # quotes removed


def test_parse_slt_tables_sample() -> None:
    table1 = tic_slt.parse_slt_table(sample("tic_slt_table1_sample.txt"), "table1")
    japan = table1[table1["country"] == "Japan"].set_index("month_end")
    assert pd.isna(japan.loc[month("2023-01"), "for_lt_treas_net"])  # "n.a."
    assert japan.loc[month("2023-02"), "for_lt_treas_net"] == 4458
    assert japan.loc[month("2023-02"), "for_lt_treas_pos"] == 1013830
    table3 = tic_slt.parse_slt_table(sample("tic_slt_table3_sample.txt"), "table3")
    grand = table3[table3["country"] == "Grand Total"].set_index("month_end")
    assert grand.loc[month("2020-01"), "for_treas_pos"] == 7027316


def test_parse_slt3d_and_table5_samples() -> None:
    history = tic_slt.parse_slt3d(sample("tic_slt3d_globl_sample.csv"))
    assert "Of Which: Foreign Official" in set(history["country"])
    japan = history[history["country"] == "Japan"].set_index("month_end")
    assert (japan["long_term"] + japan["short_term"] == japan["total"]).all()
    table5 = tic_slt.parse_slt_table5(sample("tic_slt_table5.txt"))
    assert table5.loc[month("2025-04"), "Japan"] == 1134.5
    assert table5.index.is_monotonic_increasing


def _cut(payload: bytes, marker: bytes) -> bytes:
    return payload[:payload.index(marker)]


@pytest.mark.parametrize(
    ("parser", "payload"),
    [
        (lambda b: tic_slt.parse_slt_table(b, "t1"), HTML),
        (lambda b: tic_slt.parse_slt_table(b, "t1"),
         _cut(sample("tic_slt_table1_sample.txt"), b"Definitions:")),
        (lambda b: tic_slt.parse_slt_table(b, "t1"), sample("tic_slt_table1_sample.txt")[:3000]),
        (tic_slt.parse_slt_table5, HTML),
        (tic_slt.parse_slt_table5, _cut(sample("tic_slt_table5.txt"), b"Notes:")),
        (tic_slt.parse_slt3d, HTML),
        (tic_slt.parse_slt3d, _cut(sample("tic_slt3d_globl_sample.csv"), b'"Notes:"')),
        (tic_slt.parse_s1_globl, HTML),
        (tic_slt.parse_s1_globl, _cut(sample("tic_s1_globl_sample.txt"), b"Grand Total")),
        (tic_slt.parse_s1_globl, sample("tic_s1_globl_sample.txt")[:-40]),
    ],
)
def test_malformed_tic_files_raise(parser, payload: bytes) -> None:  # noqa: ANN001
    with pytest.raises(data.RawFormatError):
        parser(payload)


# ------------------------------------------------------------------------------ refresh


def test_tic_endpoints_are_the_resource_centre() -> None:
    for name in ("tic_net_purchases", "tic_holdings_slt", "tic_major_holders_recent"):
        for item in data.SPECS[name].inputs:
            url = input_url(item)
            assert url.startswith(TIC_BASE) and url[len(TIC_BASE):] in TIC_SAMPLES


def test_refresh_tic_net_purchases(tmp_path: Path) -> None:
    fresh = refreshed("tic_net_purchases", tmp_path)
    assert list(fresh.index) == [month(m) for m in
                                 ("2022-10", "2022-11", "2022-12", "2023-01", "2023-02",
                                  "2023-03")]
    assert fresh.loc[month("2022-10"), "japan_usd_bn"] == pytest.approx(-14.455)
    assert fresh.loc[month("2023-02"), "japan_usd_bn"] == pytest.approx(4.458)
    assert list(fresh["basis"]) == ["form_s"] * 4 + ["slt"] * 2


def test_refresh_tic_holdings_slt(tmp_path: Path) -> None:
    fresh = refreshed("tic_holdings_slt", tmp_path)
    assert fresh.index[0] == month("2019-10") and fresh.index[-1] == month("2020-03")
    assert fresh.loc[month("2020-01"), "grand_total_total_usd_bn"] == pytest.approx(7027.316)
    assert list(fresh["basis"]) == ["slt3d"] * 3 + ["slt_table3"] * 3


def test_refresh_tic_major_holders_recent(tmp_path: Path) -> None:
    fresh = refreshed("tic_major_holders_recent", tmp_path)
    pd.testing.assert_frame_equal(fresh, data.load("tic_major_holders_recent"))


def test_refresh_custody_and_foreign_held_debt(tmp_path: Path) -> None:
    custody = refreshed("custody_holdings", tmp_path)
    assert custody.loc[pd.Timestamp("2024-12-25"), "marketable_treasuries_usd_bn"] == 2903.537
    debt = refreshed("foreign_held_debt", tmp_path)
    assert debt.loc[pd.Timestamp("2024-12-31"), "foreign_held_federal_debt_usd_bn"] == 8528.0


def test_refresh_refuses_an_html_page(tmp_path: Path) -> None:
    def html(url: str, timeout: float) -> bytes:
        return HTML

    with data.use_folder(tmp_path / "empty"), pytest.raises(data.RefreshError):
        data.refresh("tic_net_purchases", fetch=html, today="2026-11-21")
