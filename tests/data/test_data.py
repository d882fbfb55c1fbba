"""Shipped datasets: schemas, spot values checked by hand against the publishers, loader errors.

Spot values come from the publishers' own tables (TIC mfhhis01 dated 18 Mar 2026, FRED/H.15,
Treasury FiscalData, CBO January 2025), not from this package, so a parsing slip fails here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lessons_lib import data
from lessons_lib.data import schema, store

ALL = data.available()




def month(text: str) -> pd.Timestamp:
    """Month-end timestamp of ``YYYY-MM``."""
    return pd.Timestamp(text) + pd.offsets.MonthEnd(0)


# ------------------------------------------------------------------------------ every dataset


def test_the_course_datasets_are_all_shipped() -> None:
    expected = {
        # chapters 00-01b
        "tic_holdings", "japan_holdings_vintages", "yields_monthly", "federal_debt_fy",
        "budget_fy", "avg_interest_rate", "marketable_composition", "cbo_baseline", "events",
        "cofer_usd_share", "cb_gold_purchases", "wam_marketable",
        # chapters 02-07
        "yield_curve_daily", "yield_curve_monthly", "term_premium_daily",
        "term_premium_monthly", "fx_daily", "fx_monthly", "global_rates", "japan_interventions",
        "fed_holdings", "fed_programs", "fed_remittances", "custody_holdings",
        "tic_net_purchases", "tic_holdings_slt", "tic_major_holders_recent", "foreign_held_debt",
        "maturity_profile", "cbo_economic_quarterly", "auctions", "bid_to_cover",
        "cofer_shares", "gold_reserves", "rates_history",
    }
    assert set(ALL) == expected
    shipped = {p.stem for p in store.shipped_dir().glob("*.csv")}
    assert shipped == expected  # no file left behind by a dataset that was removed


@pytest.mark.parametrize("name", ALL)
def test_each_dataset_loads_with_its_schema(name: str) -> None:
    frame = data.load(name)
    spec = data.SPECS[name]
    assert frame.index.name == spec.schema.index_name
    required = [c.name for c in spec.schema.columns if not c.optional]
    assert [c for c in frame.columns if c in required] == required
    for column in spec.schema.columns:
        if column.name not in frame:
            continue
        values = frame[column.name]
        if column.kind == "float":
            assert values.dtype == np.float64, column.name
        if not column.nullable:
            assert not values.isna().any(), column.name
    if spec.schema.index_kind in ("fiscal_year", "year"):
        assert frame.index.dtype == np.int64
        assert (np.diff(frame.index) == 1).all()
    else:
        assert isinstance(frame.index, pd.DatetimeIndex)
        assert frame.index.is_monotonic_increasing
    if spec.schema.index_kind == "month_end":
        assert frame.index.is_month_end.all()
        assert len(pd.date_range(frame.index[0], frame.index[-1], freq="ME")) == len(frame)


@pytest.mark.parametrize("name", ALL)
def test_each_dataset_describes_its_source(name: str) -> None:
    info = data.describe(name)
    assert isinstance(info, data.SourceInfo)
    assert info.publisher and info.title and info.url and info.units
    assert info.transformation and info.period and info.retrieved
    with pytest.raises(AttributeError):
        info.publisher = "x"  # type: ignore[misc]
    line = data.caption(name)
    assert line.startswith("Source: ") and line.endswith(".")
    assert f"Data: {data.describe(name).period}" in line
    assert "retrieved " in line and "\n" not in line
    assert data.caption(name) == line  # deterministic


@pytest.mark.parametrize("name", ALL)
def test_each_dataset_says_what_it_was_built_from(name: str) -> None:
    """The manifest names every input of the shipped copy, and which of them were mirrors."""
    spec = data.SPECS[name]
    info = data.describe(name)
    keys = [entry.split(":")[0] for entry in info.built_from]
    assert keys == [item.key for item in spec.inputs if item.key in keys]
    required = [item.key for item in spec.inputs if item.required]
    assert set(required) <= set(keys), f"{name}: built_from lacks {set(required) - set(keys)}"
    mirrored = {item.key for item in spec.inputs if item.mirror and item.key in keys}
    assert {entry.split(":")[0] for entry in info.mirrors} == mirrored
    for item in spec.inputs:
        if item.mirror and item.key in keys:
            assert item.mirror in " ".join(info.mirrors)


def test_every_endpoint_is_a_public_https_template() -> None:
    from lessons_lib.data.spec import ENDPOINTS

    for kind, endpoint in ENDPOINTS.items():
        assert endpoint.template.startswith("https://"), kind
        assert "{param}" in endpoint.template, kind


def test_sources_covers_every_dataset() -> None:
    assert set(data.sources()) == set(ALL) | set(data.download_only())


def test_caption_of_tic_holdings_names_the_vintage() -> None:
    text = data.caption("tic_holdings")
    assert text == ("Source: U.S. Treasury, TIC major foreign holders (mfhhis01), revised "
                    "vintage of 18 Mar 2026. Data: 2000-03 to 2025-12 (monthly), from files "
                    "retrieved 2026-11-21.")


def test_runtime_does_not_import_yaml_or_read_shared() -> None:
    code = (
        "import sys; from lessons_lib import data; [data.load(n) for n in data.available()]; "
        "print('yaml' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
    for module in Path(data.__file__).parent.rglob("*.py"):
        source = module.read_text()
        assert "shared/facts" not in source and "import yaml" not in source, module


# ------------------------------------------------------------------------------ spot values


def test_tic_holdings_spot_values() -> None:
    tic = data.load("tic_holdings")
    assert list(tic.columns) == ["japan_usd_bn", "china_usd_bn", "all_foreign_usd_bn",
                                 "foreign_official_usd_bn"]
    assert tic.index[0] == pd.Timestamp("2000-03-31") and tic.index[-1] == month("2025-12")
    japan = tic["japan_usd_bn"]
    assert japan[month("2024-03")] == 1167.0
    assert japan[month("2024-04")] == 1126.1
    assert japan[month("2024-05")] == 1106.0
    assert japan[month("2021-11")] == 1325.5 == japan.max()  # all-time high
    assert japan[month("2025-12")] == 1185.5
    assert tic.loc[month("2019-06"), ["japan_usd_bn", "china_usd_bn"]].tolist() == [1122.8, 1112.5]
    assert tic["china_usd_bn"].max() == 1316.7 and tic["china_usd_bn"].idxmax() == month("2013-11")
    assert tic.loc[month("2025-11"), "all_foreign_usd_bn"] == 9359.3
    assert tic.loc[month("2025-12"), "foreign_official_usd_bn"] == 3887.0
    assert tic.loc[month("2000-12"), "all_foreign_usd_bn"] == 1015.2


def test_tic_holdings_takes_the_newer_series_at_breaks() -> None:
    tic = data.load("tic_holdings")
    # June 2010 is printed twice: 1,112.1 (new series XI) and 843.7 (old series X, comparison)
    assert tic.loc[month("2010-06"), "china_usd_bn"] == 1112.1
    # March 2000: Series II 307.6 kept, Series I 325.8 dropped
    assert tic.loc[month("2000-03"), "japan_usd_bn"] == 307.6
    assert "newer series" in data.describe("tic_holdings").transformation


def test_japan_holdings_vintages() -> None:
    vint = data.load("japan_holdings_vintages")
    assert list(vint.index) == [month("2024-03"), month("2024-04"), month("2024-05")]
    assert vint["first_published_usd_bn"].tolist() == [1187.8, 1150.0, 1128.0]
    assert vint["revised_usd_bn"].tolist() == [1167.0, 1126.1, 1106.0]
    assert vint["first_published_approximate"].tolist() == [False, True, True]
    assert vint["first_published_precision_usd_bn"].tolist() == [0.1, 1.0, 1.0]
    assert (vint["revised_usd_bn"] < vint["first_published_usd_bn"]).all()
    assert vint["revised_vintage"].str.contains("January 15, 2026").all()
    # the revised column is the same figure as tic_holdings
    tic = data.load("tic_holdings")
    assert (tic.loc[vint.index, "japan_usd_bn"] == vint["revised_usd_bn"]).all()


def test_yields_monthly_matches_h15_monthly_averages() -> None:
    yields = data.load("yields_monthly")
    assert yields.index[0] == month("2000-01")
    # FRED GS10 (Board of Governors monthly averages)
    assert yields.loc[month("2000-01"), "y10y_pct"] == 6.66
    assert yields.loc[month("2020-08"), "y10y_pct"] == 0.65
    assert yields.loc[month("2023-10"), "y10y_pct"] == 4.80
    assert yields.loc[month("2024-04"), "y10y_pct"] == 4.54
    # the 2s10s curve was inverted through 2023
    assert (yields.loc["2023", "y2y_pct"] > yields.loc["2023", "y10y_pct"]).all()
    annual = yields.loc["2024", "y10y_pct"].mean()
    assert abs(annual - 4.21) < 0.02  # H.15 annual average of daily data: 4.21


def test_april_2025_daily_closes() -> None:
    daily = data.load("yield_curve_daily").loc["2025-03-03":"2025-05-30"]
    y10 = daily["y10y_pct"]
    closes = {"2025-04-02": 4.20, "2025-04-03": 4.06, "2025-04-04": 4.01, "2025-04-07": 4.15,
              "2025-04-08": 4.26, "2025-04-09": 4.34, "2025-04-10": 4.40, "2025-04-11": 4.48,
              "2025-04-14": 4.38, "2025-04-21": 4.42}
    for day, value in closes.items():
        assert y10[pd.Timestamp(day)] == value, day
    assert daily.loc[pd.Timestamp("2025-04-09"), "y2y_pct"] == 3.91
    assert pd.Timestamp("2025-04-18") not in daily.index  # Good Friday: no quote
    assert round(y10["2025-04-11"] - y10["2025-04-04"], 2) == 0.47


def test_federal_debt_fy_spot_values() -> None:
    debt = data.load("federal_debt_fy")
    assert debt.index[0] == 2000 and debt.index[-1] >= 2025
    assert round(debt.loc[2000, "total_public_debt_usd_bn"], 1) == 5674.2
    assert round(debt.loc[2023, "total_public_debt_usd_bn"], 1) == 33167.3
    assert round(debt.loc[2024, "total_public_debt_usd_bn"], 1) == 35464.7
    assert round(debt.loc[2025, "total_public_debt_usd_bn"], 1) == 37637.6
    assert round(debt.loc[2000, "debt_held_by_public_usd_bn"], 1) == 3405.3
    assert round(debt.loc[2023, "debt_held_by_public_usd_bn"], 1) == 26330.1
    assert round(debt.loc[2024, "debt_held_by_public_usd_bn"], 1) == 28307.3
    held = debt["debt_held_by_public_usd_bn"]
    assert held.loc[:2024].notna().all()  # only a year past the extract may be empty
    assert (held.dropna() < debt.loc[held.dropna().index, "total_public_debt_usd_bn"]).all()


def test_budget_fy_spot_values() -> None:
    budget = data.load("budget_fy")
    assert budget.index[0] == 2000 and budget.index[-1] == 2025
    assert round(budget.loc[2024, "net_interest_usd_bn"], 1) == 879.9
    assert round(budget.loc[2025, "net_interest_usd_bn"], 1) == 970.1
    assert round(budget.loc[2025, "receipts_usd_bn"], 1) == 5236.4
    assert round(budget.loc[2024, "outlays_usd_bn"], 1) == 6735.3
    assert round(budget.loc[2020, "surplus_deficit_usd_bn"], 1) == -3095.7
    assert round(budget.loc[2000, "surplus_deficit_usd_bn"], 1) == 236.2
    balance = budget["receipts_usd_bn"] - budget["outlays_usd_bn"]
    assert np.allclose(balance, budget["surplus_deficit_usd_bn"], atol=1.0)
    share = budget["net_interest_usd_bn"] / budget["receipts_usd_bn"] * 100
    assert round(share[2025], 1) == 18.5 and round(share[2024], 1) == 17.9
    assert abs(budget.loc[2025, "gdp_fy_usd_bn"] - 30363) < 1


def test_avg_interest_rate_spot_values() -> None:
    rates = data.load("avg_interest_rate")
    total = rates["total_marketable_pct"]
    assert total[month("2001-01")] == 6.62
    assert total[month("2024-09")] == 3.392
    assert total[month("2025-05")] == 3.362
    assert total.min() == 1.424 and total.idxmin() == month("2022-01")
    assert np.isnan(total[month("2004-12")])  # the publisher has no row that month
    assert total[month("2005-07")] == 4.145  # published under the label 'TotalMarketable'
    may = rates.loc[month("2025-05")]
    assert may[["bills_pct", "notes_pct", "bonds_pct", "tips_pct", "frn_pct"]].tolist() == [
        4.316, 3.008, 3.278, 0.865, 4.427]


def test_marketable_composition() -> None:
    comp = data.load("marketable_composition")
    assert list(comp["security"]) == ["Bills", "Notes", "Bonds", "TIPS", "FRNs"]
    assert round(comp["amount_usd_bn"].sum(), 1) == 28555.9
    assert comp.set_index("security").loc["Bills", "amount_usd_bn"] == 6059.3
    shares = comp["amount_usd_bn"] / comp["amount_usd_bn"].sum() * 100
    assert np.allclose(shares.round(1), comp["share_pct"])


def test_wam_marketable() -> None:
    wam = data.load("wam_marketable")["wam_months"]
    assert wam[pd.Timestamp("2025-06-30")] == 72 and wam[pd.Timestamp("2020-06-30")] == 62
    assert wam.is_monotonic_increasing


def test_cbo_baseline() -> None:
    cbo = data.load("cbo_baseline")
    assert cbo.index[0] == 2024 and cbo.index[-1] == 2035
    assert round(cbo.loc[2030, "net_interest_usd_bn"]) == 1328
    assert round(cbo.loc[2030, "net_interest_usd_bn"] / cbo.loc[2030, "revenues_usd_bn"] * 100,
                 1) == 20.3
    assert round(cbo.loc[2030, "net_interest_usd_bn"] / cbo.loc[2030, "outlays_usd_bn"] * 100,
                 1) == 15.3
    assert round(cbo.loc[2035, "debt_held_by_public_usd_bn"] / cbo.loc[2035, "gdp_usd_bn"] * 100
                 ) == 118
    assert cbo["actual"].tolist() == [True] + [False] * 11


def test_events() -> None:
    events = data.load("events")
    ratings = events[events["category"] == "rating_action"]
    assert [d.year for d in ratings.index] == [2011, 2023, 2025]
    assert list(ratings.index) == [pd.Timestamp("2011-08-05"), pd.Timestamp("2023-08-01"),
                                   pd.Timestamp("2025-05-16")]
    japan = events[events["category"] == "japan_intervention"]
    assert japan.loc[pd.Timestamp("2024-04-29"), "value"] == 5.92
    assert japan["unit"].eq("JPY trillions").all()
    totals = events[events["category"] == "japan_intervention_period_total"]["value"].tolist()
    assert totals == [9.79, 5.53]
    assert set(events["date_precision"]) <= {"day", "month"}
    assert events["url"].str.startswith("http").all()
    selloff = events[events["category"] == "selloff_2025"]
    daily = data.load("yield_curve_daily")
    for day, row in selloff.iterrows():
        assert daily.loc[day, "y10y_pct"] == row["value"]


def test_reserves() -> None:
    cofer = data.load("cofer_usd_share")
    assert cofer.loc[pd.Timestamp("2024-12-31"), "usd_share_allocated_reserves_pct"] == 57.8
    assert cofer.index[-1] == pd.Timestamp("2025-09-30")  # 2025Q4 not verified: left out
    gold = data.load("cb_gold_purchases")
    assert gold["net_purchases_tonnes"].to_dict() == {2022: 1082, 2023: 1049, 2024: 1045,
                                                      2025: 863}


# ------------------------------------------------------------------------------ loader errors


def test_unknown_name_lists_the_available_ones() -> None:
    with pytest.raises(KeyError) as info:
        data.load("tic_holding")
    message = str(info.value)
    assert "tic_holding" in message and "tic_holdings" in message and "budget_fy" in message
    assert isinstance(info.value, ValueError)
    with pytest.raises(data.UnknownDatasetError):
        data.describe("nope")
    with pytest.raises(data.UnknownDatasetError):
        data.refresh("nope")


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the shipped datasets that load() reads instead of the package's."""
    folder = tmp_path / "datasets"
    shutil.copytree(store.shipped_dir(), folder)
    with data.use_folder(folder):
        yield folder


def test_checksum_mismatch_names_the_file(shipped_copy: Path) -> None:
    path = shipped_copy / "tic_holdings.csv"
    path.write_bytes(path.read_bytes().replace(b"1106.0", b"1160.0"))
    with pytest.raises(data.DataIntegrityError, match="checksum mismatch.*tic_holdings.csv"):
        data.load("tic_holdings")
    data.load("budget_fy")  # the others still load


def test_missing_file_is_named(shipped_copy: Path) -> None:
    (shipped_copy / "budget_fy.csv").unlink()
    with pytest.raises(data.DataIntegrityError, match="budget_fy.csv"):
        data.load("budget_fy")


def _reseal(folder: Path, name: str, payload: bytes) -> None:
    """Write ``payload`` as dataset ``name`` with a matching checksum (a bad build)."""
    (folder / f"{name}.csv").write_bytes(payload)
    manifest = store.read_manifest(folder)
    manifest[name]["sha256"] = store.sha256(payload)
    store.write_manifest(folder, manifest)


@pytest.mark.parametrize(
    ("name", "old", "new", "problem"),
    [
        ("tic_holdings", b"2024-05-31,1106.0", b"2024-05-31,-5.0", "below"),
        ("tic_holdings", b"2024-05-31,1106.0", b"2024-05-31,", "missing values"),
        ("tic_holdings", b"month_end,japan_usd_bn", b"month_end,japan_usd", "unexpected column"),
        ("budget_fy", b"2025,", b"2027,", "gaps"),
        ("budget_fy", b"2024,", b"2044,", "increasing order"),
        ("avg_interest_rate", b"2024-05-31,", b"2024-05-30,", "gap-free"),
        ("yields_monthly", b"2020-08-31,0.1,0.14,0.65", b"2020-08-31,0.1,0.14,abc", "y10y_pct"),
        ("events", b"2011-08-05,day", b"2011-08-05,", "date_precision"),
    ],
)
def test_schema_violations_are_named(shipped_copy: Path, name: str, old: bytes, new: bytes,
                                     problem: str) -> None:
    payload = (shipped_copy / f"{name}.csv").read_bytes()
    assert old in payload
    _reseal(shipped_copy, name, payload.replace(old, new, 1))
    with pytest.raises(data.DataIntegrityError, match=problem) as info:
        data.load(name)
    assert name in str(info.value)


def test_removed_rows_are_a_gap(shipped_copy: Path) -> None:
    lines = (shipped_copy / "tic_holdings.csv").read_bytes().splitlines(keepends=True)
    _reseal(shipped_copy, "tic_holdings", b"".join(lines[:100] + lines[101:]))
    with pytest.raises(data.DataIntegrityError, match="gap-free"):
        data.load("tic_holdings")


def test_damaged_manifest_is_reported(shipped_copy: Path) -> None:
    (shipped_copy / "manifest.json").write_text("{not json")
    with pytest.raises(data.DataIntegrityError, match="manifest"):
        data.load("tic_holdings")


def test_csv_round_trip_is_byte_stable() -> None:
    for name in ALL:
        spec = data.SPECS[name]
        payload = (store.shipped_dir() / f"{name}.csv").read_bytes()
        assert schema.to_csv_bytes(data.load(name), spec.schema) == payload, name


def test_month_end_yields_are_the_last_daily_quotes():
    # DGS10: 4.20 on Thu 28 Mar 2024 (29 Mar was Good Friday), 4.69 on 30 Apr 2024
    yields = data.load("yields_monthly")
    assert yields.loc["2024-03-31", "y10y_month_end_pct"] == 4.20
    assert yields.loc["2024-04-30", "y10y_month_end_pct"] == 4.69
    assert yields.loc["2024-04-30", "y10y_pct"] == 4.54  # the monthly mean differs
