"""Auction datasets: 10-year note auctions with bidder shares, and bid-to-cover of 10s and 30s."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lessons_lib import data
from lessons_lib.data.sources.treasurydirect import (
    parse_auctions,
    parse_auctions_mirror,
    parse_auctions_query,
    parse_bid_to_cover,
)

SAMPLES = Path(__file__).parent / "data_samples"
HTML = b"<!DOCTYPE html><html><body>Service unavailable</body></html>\n"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()




# ------------------------------------------------------------------------ auctions


def test_auctions_spot_values() -> None:
    auctions = data.load("auctions")
    feb = auctions.loc[pd.Timestamp("2025-02-12")]
    assert feb["cusip"] == "91282CMM0" and not feb["reopening"]
    assert feb["high_yield_pct"] == 4.632 and feb["bid_to_cover"] == 2.48
    assert round(feb["dealer_pct"], 3) == 14.838
    assert round(feb["direct_pct"], 3) == 13.615
    assert round(feb["indirect_pct"], 3) == 71.547
    nov = auctions.loc[pd.Timestamp("2024-11-05")]
    assert nov["high_yield_pct"] == 4.347 and nov["bid_to_cover"] == 2.58


def test_auctions_leave_out_the_flagged_rows() -> None:
    auctions = data.load("auctions")
    assert pd.Timestamp("2019-11-05") not in auctions.index  # 3-year note, old 10-year CUSIP
    assert pd.Timestamp("2019-06-21") not in auctions.index  # $25 million reopening
    assert "912828TY6" not in set(auctions["cusip"])
    assert auctions.index.is_unique and len(auctions) == 132
    assert (~auctions["reopening"]).sum() == 44
    assert auctions.index[0] == pd.Timestamp("2015-01-13")
    assert auctions.index[-1] == pd.Timestamp("2025-12-09")


def test_bidder_shares_add_up_to_100() -> None:
    auctions = data.load("auctions")
    total = auctions[["dealer_pct", "direct_pct", "indirect_pct"]].sum(axis=1)
    np.testing.assert_allclose(total, 100.0, atol=1e-9)


def test_bid_to_cover_agrees_between_the_two_sources() -> None:
    """Original issues of the auctions table against the independent TreasuryDirect copy."""
    auctions = data.load("auctions")
    originals = auctions.loc[~auctions["reopening"], "bid_to_cover"]
    ratios = data.load("bid_to_cover")["bid_to_cover_10y"].dropna()
    common = originals.index.intersection(ratios.index)
    assert len(common) == len(originals) == 44
    pd.testing.assert_series_equal(originals.loc[common], ratios.loc[common],
                                   check_names=False, check_freq=False)


def test_auctions_query_sample_computes_the_shares() -> None:
    frame = parse_auctions_query(sample("fiscaldata_auctions_query.json"))
    # kept: the 2025-02-12 new issue and its 2025-03-12 reopening; dropped: the 3-year
    # reopening of an old 10-year CUSIP, a 10-year TIPS and an auction not yet held
    assert list(frame.index) == [pd.Timestamp("2025-02-12"), pd.Timestamp("2025-03-12")]
    feb = frame.loc[pd.Timestamp("2025-02-12")]
    assert round(feb["dealer_pct"], 3) == 14.838  # 6,198,055,000 / 41,770,656,300
    assert round(feb["indirect_pct"], 3) == 71.547  # 29,885,601,300 / 41,770,656,300
    assert round(feb["direct_pct"], 3) == 13.615
    assert feb["offering_usd_bn"] == 42.0 and feb["median_yield_pct"] == 4.56
    assert frame.loc[pd.Timestamp("2025-03-12"), "reopening"]


def test_auctions_mirror_sample_drops_the_same_rows() -> None:
    frame = parse_auctions(sample("auctions_10y_mirror_sample.csv"))
    assert [f"{d:%Y-%m-%d}" for d in frame.index] == [
        "2019-06-12", "2024-11-05", "2025-02-12", "2025-03-12"]
    mirror = parse_auctions_mirror(sample("auctions_10y_mirror_sample.csv"))
    publisher = parse_auctions(sample("fiscaldata_auctions_query.json"))
    day = pd.Timestamp("2025-02-12")
    for column in ("dealer_pct", "direct_pct", "indirect_pct"):
        assert mirror.loc[day, column] == pytest.approx(publisher.loc[day, column], abs=1e-9)


@pytest.mark.parametrize("payload", [
    HTML,
    b'{"data": [], "meta": {"total-count": 0}}',
    sample("auctions_10y_mirror_sample.csv")[:300],
])
def test_auctions_reject_malformed_input(payload: bytes) -> None:
    with pytest.raises(data.RawFormatError):
        parse_auctions(payload)


def test_auctions_refresh_from_fiscaldata(empty_folder: Path) -> None:
    def recorded(url: str, timeout: float) -> bytes:
        assert url.startswith("https://api.fiscaldata.treasury.gov/services/api/fiscal_service/"
                              "v1/accounting/od/auctions_query?fields=")
        assert "original_security_term:eq:10-Year" in url
        return sample("fiscaldata_auctions_query.json")

    data.refresh("auctions", fetch=recorded, today="2026-11-21")
    fresh = data.load("auctions", prefer_cache=True)
    assert fresh.loc[pd.Timestamp("2025-02-12"), "bid_to_cover"] == 2.48
    assert round(fresh.loc[pd.Timestamp("2025-02-12"), "dealer_pct"], 3) == 14.838


def test_auctions_describe_names_the_mirror() -> None:
    info = data.describe("auctions")
    assert len(info.mirrors) == 1 and "smileys21/Global-Bond-Holdings" in info.mirrors[0]
    assert "2019-11-05" in info.spec.notes and "2019-06-21" in info.spec.notes


# ------------------------------------------------------------------------ bid_to_cover


def test_bid_to_cover_spot_values() -> None:
    ratios = data.load("bid_to_cover")
    assert ratios.loc[pd.Timestamp("2024-11-05"), "bid_to_cover_10y"] == 2.58
    assert ratios.loc[pd.Timestamp("2025-02-12"), "bid_to_cover_10y"] == 2.48
    assert ratios.loc[pd.Timestamp("2024-11-06"), "bid_to_cover_30y"] == 2.64
    assert ratios["bid_to_cover_10y"].count() == 101 and ratios["bid_to_cover_30y"].count() == 74
    # one auction a day: never both columns
    assert (ratios.notna().sum(axis=1) == 1).all()
    thirty = ratios["bid_to_cover_30y"].dropna()
    assert not ((thirty.index.year >= 2002) & (thirty.index.year <= 2005)).any()
    assert len(data.describe("bid_to_cover").mirrors) == 2


def test_treasurydirect_samples() -> None:
    notes = parse_bid_to_cover(sample("treasurydirect_notes.json"), "BIDTOCOVER_10Y", "10-Year")
    assert notes.to_dict() == {pd.Timestamp("2024-11-05"): 2.58, pd.Timestamp("2025-02-12"): 2.48}
    mirror = parse_bid_to_cover(sample("bidtocover_10y_mirror_sample.csv"), "BIDTOCOVER_10Y",
                                "10-Year")
    assert mirror.index[-1] == pd.Timestamp("2026-05-12") and mirror.iloc[-1] == 2.40


@pytest.mark.parametrize("payload", [HTML, b"date,BIDTOCOVER_10Y\r\n2025-02-12,2.4",
                                     b'[{"cusip": "X"}]'])
def test_bid_to_cover_rejects_malformed_input(payload: bytes) -> None:
    with pytest.raises(data.RawFormatError):
        parse_bid_to_cover(payload, "BIDTOCOVER_10Y", "10-Year")


def test_bid_to_cover_refresh_from_treasurydirect(empty_folder: Path) -> None:
    def recorded(url: str, timeout: float) -> bytes:
        assert url.startswith("https://www.treasurydirect.gov/TA_WS/securities/search?")
        name = "treasurydirect_notes.json" if "type=Note" in url else "treasurydirect_bonds.json"
        return sample(name)

    data.refresh("bid_to_cover", fetch=recorded, today="2026-11-21")
    fresh = data.load("bid_to_cover", prefer_cache=True)
    assert fresh["bid_to_cover_10y"].dropna().tolist() == [2.58, 2.48]
    assert fresh["bid_to_cover_30y"].dropna().tolist() == [2.64]
