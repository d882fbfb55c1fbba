"""Debt datasets: the MSPD maturity profile and CBO's January 2025 baseline.

Spot values are the ones checked by hand against the publishers (SOURCES_ADDED.md); the
samples under data_samples/ are small files in the publishers' own layouts.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import lessons_lib
from lessons_lib import data
from lessons_lib.data.sources.cbo import parse_cbo_budget_long, parse_cbo_quarterly
from lessons_lib.data.sources.mspd import parse_maturity_profile, parse_mspd_table3

SAMPLES = Path(__file__).parent / "data_samples"
SHIPPED = Path(lessons_lib.__file__).parent / "datasets"
HTML = b"<!DOCTYPE html><html><body>Service unavailable</body></html>\n"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()




# ------------------------------------------------------------------------ maturity_profile


def test_maturity_profile_spot_values() -> None:
    profile = data.load("maturity_profile")
    kinds = ["bills_usd_bn", "notes_usd_bn", "bonds_usd_bn", "tips_usd_bn", "frn_usd_bn"]
    totals = profile[kinds].sum()
    assert round(totals.sum() / 1000, 2) == 30.17
    assert (totals / 1000).round(2).tolist() == [6.12, 15.94, 5.38, 2.08, 0.65]
    may = profile.loc[pd.Timestamp("2026-05-31")]
    assert round(may["total_usd_bn"] * 1000) == 1_782_570
    assert may["bills_usd_bn"] == 1509.3054403  # the publisher's millions, kept exactly
    np.testing.assert_allclose(profile[kinds].sum(axis=1), profile["total_usd_bn"], atol=1e-9)
    assert profile.index[0] == pd.Timestamp("2026-05-31")
    assert profile.index[-1] == pd.Timestamp("2056-02-29")


def test_maturity_profile_names_its_reference_date_and_mirror() -> None:
    info = data.describe("maturity_profile")
    assert "2026-04-30" in info.vintage and "2026-04-30" in data.caption("maturity_profile")
    assert len(info.mirrors) == 1 and "scottausor/treasury-maturity-dashboard" in info.mirrors[0]
    assert "MIRROR" in info.spec.notes


def test_mspd_table3_sample_is_aggregated_by_month_and_kind() -> None:
    table = parse_mspd_table3(sample("fiscaldata_mspd_table_3_market.json"))
    assert table.reference_date == pd.Timestamp("2026-04-30")  # the latest record date only
    frame = table.millions
    assert frame.index[0] == pd.Timestamp("2026-05-31")
    assert frame.index[-1] == pd.Timestamp("2054-02-28")
    # every month from May 2026 to Feb 2054, zero where nothing matures
    assert len(frame) == (2054 - 2026) * 12 - 2
    may = frame.loc[pd.Timestamp("2026-05-31")]
    assert may["bills"] == pytest.approx(150000.5)  # two bills in one month
    assert may["notes"] == pytest.approx(70000.25)  # the null extra issue line is skipped
    assert frame.loc[pd.Timestamp("2026-06-30")].sum() == 0  # FFB left out
    july = frame.loc[pd.Timestamp("2026-07-31")]
    assert july["tips"] == pytest.approx(45000.12345678) and july["frn"] == 30000.0
    assert frame["bonds"].sum() == 25000.0
    assert frame.to_numpy().sum() == pytest.approx(150000.5 + 70000.25 + 45000.12345678
                                                   + 30000 + 25000)


def test_mspd_mirror_sample() -> None:
    table = parse_maturity_profile(sample("mspd_maturity_mirror_sample.json"))
    assert table.reference_date == pd.Timestamp("2026-04-30")
    assert table.millions.loc[pd.Timestamp("2026-05-31"), "bills"] == 1509305.4403
    assert len(table.millions) == 3


@pytest.mark.parametrize("payload", [HTML, b'{"monthly": [{"ym": "2026-05", "bill": 1',
                                     b'{"data": [], "meta": {}}'])
def test_maturity_profile_rejects_malformed_input(payload: bytes) -> None:
    with pytest.raises(data.RawFormatError):
        parse_maturity_profile(payload)


def test_maturity_profile_refresh_reads_mspd_table3(empty_folder: Path) -> None:
    urls: list[str] = []

    def recorded(url: str, timeout: float) -> bytes:
        urls.append(url)
        assert url.startswith("https://api.fiscaldata.treasury.gov/services/api/fiscal_service/"
                              "v1/debt/mspd/mspd_table_3_market?")
        assert "record_date:eq:2026-04-30" in url and "page[number]=1" in url
        return sample("fiscaldata_mspd_table_3_market.json")

    data.refresh("maturity_profile", fetch=recorded, today="2026-11-21")
    fresh = data.load("maturity_profile", prefer_cache=True)
    assert fresh.loc[pd.Timestamp("2026-05-31"), "bills_usd_bn"] == 150.0005
    assert fresh["total_usd_bn"].sum() == pytest.approx(320.00062345678)
    assert "2026-04-30" in data.describe("maturity_profile", prefer_cache=True).vintage
    assert len(urls) == 1


# ------------------------------------------------------------------------ cbo_baseline


def test_cbo_baseline_spot_values() -> None:
    cbo = data.load("cbo_baseline")
    assert list(cbo.index) == list(range(2024, 2036))
    assert cbo.loc[2025, "net_interest_usd_bn"] == 952.261
    assert cbo.loc[2035, "net_interest_usd_bn"] == 1782.585
    assert cbo.loc[2035, "debt_held_by_public_usd_bn"] == 52055.866
    assert round(cbo.loc[2035, "debt_held_by_public_pct_gdp"], 1) == 118.5
    assert round(cbo.loc[2035, "debt_held_by_public_usd_bn"] / cbo.loc[2035, "gdp_usd_bn"]
                 * 100, 1) == 118.5
    assert cbo["actual"].tolist() == [True] + [False] * 11
    # the ratios the course quotes (the old hand-transcribed table gave the same)
    assert round(cbo.loc[2030, "net_interest_usd_bn"] / cbo.loc[2030, "revenues_usd_bn"] * 100,
                 1) == 20.3
    assert round(cbo.loc[2030, "net_interest_usd_bn"] / cbo.loc[2030, "outlays_usd_bn"] * 100,
                 1) == 15.3


def test_cbo_identities_hold_every_year() -> None:
    cbo = data.load("cbo_baseline")
    np.testing.assert_allclose(cbo["deficit_usd_bn"],
                               cbo["outlays_usd_bn"] - cbo["revenues_usd_bn"], atol=0.0015)
    np.testing.assert_allclose(cbo["primary_deficit_usd_bn"],
                               cbo["deficit_usd_bn"] - cbo["net_interest_usd_bn"], atol=0.0015)


def test_cbo_gdp_agrees_with_the_economic_file() -> None:
    """GDP derived from debt / (debt % of GDP) equals the fiscal-year mean of CBO's quarters."""
    cbo = data.load("cbo_baseline")
    quarterly = data.load("cbo_economic_quarterly")["gdp_usd_bn"]
    fiscal_year = quarterly.index.year + (quarterly.index.month >= 10)
    by_year = quarterly.groupby(fiscal_year).mean()
    np.testing.assert_allclose(cbo["gdp_usd_bn"], by_year.loc[2024:2035], atol=0.002)


def test_cbo_rates_are_fiscal_year_means_of_the_quarters() -> None:
    cbo = data.load("cbo_baseline")
    quarterly = data.load("cbo_economic_quarterly")
    fy2035 = quarterly.loc["2034-10-01":"2035-09-30"]
    assert len(fy2035) == 4
    assert cbo.loc[2035, "note_10y_pct"] == round(fy2035["note_10y_pct"].mean(), 4)
    assert cbo.loc[2035, "tbill_3m_pct"] == round(fy2035["tbill_3m_pct"].mean(), 4)


def test_cbo_economic_quarterly_spot_values() -> None:
    econ = data.load("cbo_economic_quarterly")
    last = econ.loc[pd.Timestamp("2035-12-31")]
    assert last["gdp_usd_bn"] == 44962.56
    assert round(last["note_10y_pct"], 2) == 3.76 and round(last["tbill_3m_pct"], 2) == 3.01
    assert econ.index[0] <= pd.Timestamp("2015-03-31")
    projected = econ["projected"]
    assert not projected.loc[:"2024-09-30"].any() and projected.loc["2024-12-31":].all()


def test_cbo_describe_names_the_mirrors() -> None:
    info = data.describe("cbo_baseline")
    assert len(info.mirrors) == 2
    assert any("laurencehw/fiscal-policy-calculator" in m for m in info.mirrors)
    assert "a new spec" in info.spec.notes
    assert "cbo_baseline" not in [item.param for item in data.SPECS["cbo_baseline"].curated]
    assert data.SPECS["cbo_baseline"].refreshable


def test_cbo_parsers_read_the_samples() -> None:
    budget = parse_cbo_budget_long(sample("cbo_budget_annual_fy_2025-01_sample.csv"))
    assert budget.loc[2025, "proj_outlays_net_interest"] == 952.261
    quarterly = parse_cbo_quarterly(sample("cbo_55022-2025-01-HistoricalEconomicData_sample.zip"))
    assert quarterly.loc[pd.Timestamp("2035-12-31"), "gdp"] == 44962.56


def _cut_zip() -> bytes:
    return sample("cbo_55022-2025-01-HistoricalEconomicData_sample.zip")[:400]


def _zip_without_csv() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("README.txt", "no data\n")
    return buffer.getvalue()


@pytest.mark.parametrize("payload", [HTML, _cut_zip(), _zip_without_csv(),
                                     b"date,gdp\r\n2024q1,1\r\n2024q2,2"])
def test_cbo_quarterly_rejects_malformed_input(payload: bytes) -> None:
    with pytest.raises(data.RawFormatError):
        parse_cbo_quarterly(payload)


@pytest.mark.parametrize("payload", [HTML, b"date,variable,value\nFY2024,proj_rev_total,49"])
def test_cbo_budget_rejects_malformed_input(payload: bytes) -> None:
    with pytest.raises(data.RawFormatError):
        parse_cbo_budget_long(payload)


def _cbo_recorded(url: str, timeout: float) -> bytes:
    if url == ("https://raw.githubusercontent.com/US-CBO/cbo-data/main/data/budget/"
               "ten_year_budget/annual_fy_2025-01.csv"):
        return sample("cbo_budget_annual_fy_2025-01_sample.csv")
    if url == "https://www.cbo.gov/system/files/2025-01/55022-2025-01-HistoricalEconomicData.zip":
        return sample("cbo_55022-2025-01-HistoricalEconomicData_sample.zip")
    raise AssertionError(f"no sample for {url}")


def test_cbo_refresh_from_cbos_files(empty_folder: Path) -> None:
    data.refresh("cbo_baseline", fetch=_cbo_recorded, today="2026-11-21")
    fresh = data.load("cbo_baseline", prefer_cache=True)
    with data.use_folder(SHIPPED):
        shipped = data.load("cbo_baseline")
    pd.testing.assert_frame_equal(fresh, shipped)
    data.refresh("cbo_economic_quarterly", fetch=_cbo_recorded, today="2026-11-21")
    econ = data.load("cbo_economic_quarterly", prefer_cache=True)
    assert econ.index[0] == pd.Timestamp("2023-12-31")
    assert econ.loc[pd.Timestamp("2035-12-31"), "gdp_usd_bn"] == 44962.56
