"""Reserve datasets: COFER currency shares and official gold holdings by country."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lessons_lib import data
from lessons_lib.data.catalogue.reserves import reported_change_tonnes
from lessons_lib.data.sources.imf import parse_cofer
from lessons_lib.data.sources.wgc import parse_gold_reserves

SAMPLES = Path(__file__).parent / "data_samples"
HTML = b"<!DOCTYPE html><html><body>Service unavailable</body></html>\n"
USD = "G001.AFXRA.CI_USD.SHRO_PT.Q"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()




# ------------------------------------------------------------------------ cofer_shares


def test_cofer_spot_values() -> None:
    cofer = data.load("cofer_shares")
    assert round(cofer.loc[pd.Timestamp("2024-12-31"), "usd_share_pct"], 2) == 57.79
    assert round(cofer.loc[pd.Timestamp("2025-03-31"), "usd_share_pct"], 2) == 57.74
    assert cofer.index[-1] == pd.Timestamp("2025-03-31")
    assert cofer.loc[:"2016-09-30", "cny_share_pct"].isna().all()
    assert cofer.loc["2016-12-31":, "cny_share_pct"].notna().all()


def test_cofer_agrees_with_the_hand_transcribed_share() -> None:
    """The transcribed cofer_usd_share (one decimal) against the IMF's file, where both exist."""
    cofer = data.load("cofer_shares")["usd_share_pct"]
    transcribed = data.load("cofer_usd_share")["usd_share_allocated_reserves_pct"]
    common = cofer.index.intersection(transcribed.index)
    assert len(common) >= 2
    for day in common:
        assert abs(cofer[day] - transcribed[day]) <= 0.06, day


def test_cofer_shares_are_shares_of_allocated_reserves() -> None:
    cofer = data.load("cofer_shares")
    recent = cofer.loc["2017-03-31":]
    named = recent[["usd_share_pct", "eur_share_pct", "jpy_share_pct", "gbp_share_pct",
                    "cny_share_pct"]].sum(axis=1)
    assert ((named > 85) & (named < 100)).all()  # CAD, AUD, CHF and others make up the rest
    assert (cofer["allocated_reserves_usd_bn"] <= cofer["total_fx_reserves_usd_bn"]).all()
    assert len(data.describe("cofer_shares").mirrors) == 1


def test_cofer_parser_reads_both_imf_layouts() -> None:
    codes = (USD, "G001.AFXRA.CI_T.NV_USD.Q")
    wide = parse_cofer(sample("imf_cofer_portal_sample.csv"), codes)
    long = parse_cofer(sample("imf_cofer_sdmx_sample.csv"), codes)
    assert round(wide.loc[pd.Timestamp("2024-12-31"), USD], 2) == 57.79
    pd.testing.assert_frame_equal(long, wide.loc["2024-06-30":], check_freq=False)


@pytest.mark.parametrize("payload", [HTML, b'"DATASET","SERIES_CODE","2024-Q4"\n"x","y","1"\n'])
def test_cofer_rejects_malformed_input(payload: bytes) -> None:
    with pytest.raises(data.RawFormatError):
        parse_cofer(payload, (USD,))


def test_cofer_refresh_from_the_imf(empty_folder: Path) -> None:
    def recorded(url: str, timeout: float) -> bytes:
        assert url.startswith("https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.STA/"
                              "COFER/")
        return sample("imf_cofer_sdmx_sample.csv")

    data.refresh("cofer_shares", fetch=recorded, today="2026-11-21")
    fresh = data.load("cofer_shares", prefer_cache=True)
    assert list(fresh.index) == [pd.Timestamp(d) for d in ("2024-06-30", "2024-09-30",
                                                           "2024-12-31", "2025-03-31")]
    assert round(fresh.loc[pd.Timestamp("2025-03-31"), "usd_share_pct"], 2) == 57.74
    assert fresh.loc[pd.Timestamp("2024-12-31"), "total_fx_reserves_usd_bn"] == 12363.501


# ------------------------------------------------------------------------ gold_reserves


def _holding(gold: pd.DataFrame, country: str, day: str) -> float:
    rows = gold.loc[pd.Timestamp(day)]
    return float(rows.loc[rows["country"] == country, "tonnes"].iloc[0])


def test_gold_spot_values() -> None:
    gold = data.load("gold_reserves")
    assert _holding(gold, "POL", "2024-12-31") == 448.23
    assert _holding(gold, "CHN", "2024-12-31") == 2279.56
    assert _holding(gold, "IND", "2024-12-31") == 876.18
    assert not gold.reset_index().duplicated(["quarter_end", "country"]).any()
    assert len(data.describe("gold_reserves").mirrors) == 1


def test_reported_purchases_fall_short_of_the_headline_demand() -> None:
    """The caveat in the notes: reported changes are far below ~1,000 t a year."""
    gold = data.load("gold_reserves")
    changes = {year: round(reported_change_tonnes(gold, year), 2) for year in (2022, 2023, 2024)}
    assert changes == {2022: 414.86, 2023: 417.0, 2024: 313.51}
    assert all(change < 500 for change in changes.values())


def test_gold_coverage_shrinks_in_the_latest_quarters() -> None:
    counts = data.load("gold_reserves").groupby(level=0)["country"].count()
    assert counts[pd.Timestamp("2024-12-31")] == 107
    assert counts[pd.Timestamp("2025-12-31")] == 93
    assert counts[pd.Timestamp("2026-03-31")] == 43


def test_gold_parser_reads_the_api_and_the_mirror_alike() -> None:
    api = parse_gold_reserves(sample("wgc_cbd_gold_reserves_sample.json"))
    mirror = parse_gold_reserves(sample("wgc_gold_mirror_sample.csv"))
    pd.testing.assert_frame_equal(api, mirror)
    pol = api[(api["country"] == "POL") & (api["quarter_end"] == pd.Timestamp("2024-12-31"))]
    assert pol["tonnes"].tolist() == [448.23]


@pytest.mark.parametrize("payload", [
    HTML,
    b'{"chartData": {"linechart": {}}}',
    sample("wgc_gold_mirror_sample.csv")[:100],
    b"country,quarter_end,gold_reserves_tonnes\nPOL,2024-11-30,448.23\n",
])
def test_gold_rejects_malformed_input(payload: bytes) -> None:
    with pytest.raises(data.RawFormatError):
        parse_gold_reserves(payload)


def test_gold_refresh_from_the_wgc(empty_folder: Path) -> None:
    def recorded(url: str, timeout: float) -> bytes:
        assert url.startswith("https://fsapi.gold.org/api/cbd/v11/charts/getPage?")
        return sample("wgc_cbd_gold_reserves_sample.json")

    data.refresh("gold_reserves", fetch=recorded, today="2026-11-21")
    fresh = data.load("gold_reserves", prefer_cache=True)
    assert _holding(fresh, "CHN", "2024-12-31") == 2279.56
