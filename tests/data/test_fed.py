"""The Federal Reserve datasets: fed_holdings, fed_remittances and the fed_programs events.

Spot values are FRED's (TREAST, WALCL, RESPPLLOPNWW, USD millions) as checked by hand in
the raw folder's notes; the datasets hold USD billions. The QE/QT table is checked against
the shipped Treasury holdings. Refresh tests feed FRED's own CSV layout
(``observation_date,SERIES``) recorded in tests/data/data_samples.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pandas as pd
import pytest

from lessons_lib import data
from lessons_lib.data.sources.fred import parse_fred_csv

SAMPLES = Path(__file__).parent / "data_samples"




def recorded(url: str, timeout: float) -> bytes:
    """FRED's CSV for a series, from the samples (``fred_SERIES_sample.csv``)."""
    parts = urllib.parse.urlsplit(url)
    assert parts.netloc == "fred.stlouisfed.org" and parts.path == "/graph/fredgraph.csv", url
    series = urllib.parse.parse_qs(parts.query)["id"][0]
    return (SAMPLES / f"fred_{series}_sample.csv").read_bytes()


# ------------------------------------------------------------------------------ fed_holdings


def test_fed_holdings_spot_values() -> None:
    frame = data.load("fed_holdings")
    treasuries = frame["treasuries_outright_usd_bn"]
    assert treasuries.idxmax() == pd.Timestamp("2022-06-08")
    assert treasuries.max() == pytest.approx(5771.393, abs=1e-9)
    assert treasuries[pd.Timestamp("2024-12-25")] == pytest.approx(4308.893, abs=1e-9)
    assert frame.loc[pd.Timestamp("2022-04-13"), "total_assets_usd_bn"] == pytest.approx(
        8965.487, abs=1e-9)


def test_fed_holdings_are_weekly_wednesdays_and_within_total_assets() -> None:
    frame = data.load("fed_holdings")
    assert (frame.index.day_of_week == 2).all()
    assert frame.index[0] == pd.Timestamp("2002-12-18")
    assert frame.index[-1] == pd.Timestamp("2026-06-03")  # TREAST's last week offline
    assert (frame["treasuries_outright_usd_bn"] < frame["total_assets_usd_bn"]).all()
    assert data.describe("fed_holdings").vintage == "weekly data to 3 Jun 2026"


def test_fed_holdings_describe_names_the_mirrors() -> None:
    mirrors = data.describe("fed_holdings").mirrors
    assert any("jonsflow/risk-model" in m for m in mirrors)
    assert any("raylia529/market-indicators-dashboard" in m for m in mirrors)


def test_fed_holdings_refresh_from_fred_layout(tmp_path: Path) -> None:
    with data.use_folder(tmp_path / "empty"):
        path = data.refresh("fed_holdings", fetch=recorded, today="2026-11-21")
        assert path.exists()
        fresh = data.load("fed_holdings", prefer_cache=True)
    assert len(fresh) == 6
    assert fresh.loc[pd.Timestamp("2022-06-08"), "treasuries_outright_usd_bn"] == 5771.393
    assert fresh.index[0] == pd.Timestamp("2022-05-18")


# ------------------------------------------------------------------------------ fed_programs


def _wednesday_before(holdings: pd.Series, day: pd.Timestamp) -> float:
    return float(holdings[holdings.index < day].iloc[-1])


def _wednesday_after(holdings: pd.Series, day: pd.Timestamp) -> float:
    return float(holdings[holdings.index >= day].iloc[0])


def _program_change(row: pd.Series, start: pd.Timestamp, holdings: pd.Series) -> float:
    """Change in TREAST from the last Wednesday before the start to the first on or after the
    end (for an end given only as a month, the month's last day)."""
    end = row["end"]
    if row["end_precision"] == "month":
        end = end + pd.offsets.MonthEnd(0)
    return _wednesday_after(holdings, end) - _wednesday_before(holdings, start)


def test_fed_programs_table() -> None:
    programs = data.load("fed_programs")
    assert len(programs) == 13
    assert set(programs["kind"]) == {"purchase", "taper", "runoff", "maturity_extension"}
    assert programs["source"].str.contains("FOMC|Federal Reserve").all()
    by_name = programs.reset_index().set_index("program")
    assert by_name.loc["QE1 Treasury purchases", "announced"] == pd.Timestamp("2009-03-18")
    assert by_name.loc["QE2", "announced"] == pd.Timestamp("2010-11-03")
    assert by_name.loc["Maturity extension program", "start"] == pd.Timestamp("2011-09-21")
    assert by_name.loc["QE3 agency MBS purchases", "start"] == pd.Timestamp("2012-09-13")
    assert by_name.loc["QT2", "start"] == pd.Timestamp("2022-06-01")
    assert by_name.loc["QT2", "end"] == pd.Timestamp("2025-12-01")
    assert by_name.loc["QT2 slowed further", "treasury_monthly_usd_bn"] == -5
    assert (programs["announced"] <= programs.index + pd.offsets.MonthEnd(0)).all()
    ends = programs["end"].dropna()
    assert (ends >= programs.loc[ends.index].index).all()


def test_fed_programs_agree_with_treasury_holdings() -> None:
    """Holdings rose over each purchase and taper, fell over each runoff, and stayed about
    level over the maturity extension program (computed from the shipped TREAST).

    Measured, last Wednesday before the start to the first on or after the end: QE1 +301.9bn,
    QE2 +786.7bn, maturity extension +7.2bn (+0.4%), QE3 Treasuries +804.7bn, QE3 taper
    +252.8bn, QT1 -370.3bn, March 2020 +455.3bn (one week), 2020-22 +3,120.3bn, 2021 taper
    +247.7bn, QT2 -1,580.7bn, QT2 slowed -270.4bn, QT2 slowed further -48.7bn."""
    holdings = data.load("fed_holdings")["treasuries_outright_usd_bn"]
    programs = data.load("fed_programs")
    changes = {}
    for start, row in programs.iterrows():
        if "Treasuries" not in row["securities"]:
            continue
        change = _program_change(row, start, holdings)
        changes[row["program"]] = change
        level = _wednesday_before(holdings, start)
        if row["kind"] in ("purchase", "taper"):
            assert change > 0, row["program"]
        elif row["kind"] == "runoff":
            assert change < 0, row["program"]
        else:
            assert abs(change) < 0.02 * level, row["program"]
    assert len(changes) == 12
    # QE1's stated $300bn of Treasuries shows up in the holdings (measured: +301.9bn)
    assert changes["QE1 Treasury purchases"] == pytest.approx(300, abs=15)
    # QT2 took about $1.6 trillion of Treasuries off the balance sheet (measured: -1,580.7bn)
    assert -1700 < changes["QT2"] < -1400


def test_fed_programs_cannot_be_refreshed() -> None:
    with pytest.raises(data.RefreshError, match="fed_programs.csv"):
        data.refresh("fed_programs", fetch=recorded)


# ------------------------------------------------------------------------------ fed_remittances


def test_fed_remittances_spot_values_and_deferred_asset() -> None:
    series = data.load("fed_remittances")["remittances_due_usd_bn"]
    assert series[pd.Timestamp("2022-08-31")] == pytest.approx(1.024, abs=1e-9)
    # negative in four weeks of 2011, then from 7 Sep 2022 (the deferred asset)
    early = series[(series < 0) & (series.index.year == 2011)]
    assert list(early.index.strftime("%m-%d")) == ["07-27", "08-03", "10-26", "11-02"]
    assert ((series[:"2022-08-31"] < 0).sum()) == 4
    first_negative = series[(series < 0) & (series.index.year == 2022)].index[0]
    assert first_negative == pd.Timestamp("2022-09-07")
    assert series[first_negative] == pytest.approx(-0.165, abs=1e-9)
    assert series.index[-1] == pd.Timestamp("2022-12-14")
    assert series.iloc[-1] == pytest.approx(-14.309, abs=1e-9)
    assert series.index[0] == pd.Timestamp("2011-01-05") and (series != 0).all()
    info = data.describe("fed_remittances")
    assert info.vintage == "weekly data to 14 Dec 2022"
    assert "2023-2025" in info.notes and "refresh()" in info.notes
    assert any("vorobeij/markets-research" in m for m in info.mirrors)


def test_fed_remittances_refresh_from_fred_layout(tmp_path: Path) -> None:
    with data.use_folder(tmp_path / "empty"):
        data.refresh("fed_remittances", fetch=recorded, today="2026-11-21")
        fresh = data.load("fed_remittances", prefer_cache=True)
    assert fresh.loc[pd.Timestamp("2022-09-07"), "remittances_due_usd_bn"] == -0.165
    assert len(fresh) == 6


# ------------------------------------------------------------------------------ parsers


@pytest.mark.parametrize(
    ("text", "series"),
    [
        ("Date,Value\n2022-06-08,5771393.0\n", "TREAST"),
        ("date,value\n2022-04-13,8965487\n", "WALCL"),
        ("DATE,RESPPLLOPNWW\n2022-09-07,-165.0\n", "RESPPLLOPNWW"),
        ("observation_date,TREAST\n2022-06-08,5771393\n", "TREAST"),
    ],
)
def test_fred_mirror_and_publisher_layouts(text: str, series: str) -> None:
    values = parse_fred_csv(text.encode(), series)
    assert len(values) == 1 and values.index[0].day_of_week == 2


@pytest.mark.parametrize(
    "payload",
    [
        b"<!DOCTYPE html><html><body>Service unavailable</body></html>\n",
        b"observation_date,TREAST\n2022-05-18,5768021\n2022-05-25,57694",
    ],
)
def test_fred_malformed_responses_raise(payload: bytes, tmp_path: Path) -> None:
    with pytest.raises(data.RawFormatError):
        parse_fred_csv(payload, "TREAST")

    def broken(url: str, timeout: float) -> bytes:
        return payload

    with data.use_folder(tmp_path / "empty"), pytest.raises(data.RefreshError):
        data.refresh("fed_holdings", fetch=broken, today="2026-11-21")
