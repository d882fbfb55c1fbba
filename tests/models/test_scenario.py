"""Chapter 07's scenario runner: plain data in and out, the chain against each chapter's model,
hand-worked values, and properties that must hold for any scenario."""

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons_lib import data, fiscal, holder, loop, market, scenario
from lessons_lib.scenario import Scenario

NOW = market.today()
JAPAN = market.holder_holdings_usd_bn("japan")[1]


def japan(size=100.0, days=21, **fields):
    return Scenario(name="test", seller="japan", size=size, days=days, **fields)


# --------------------------------------------------------------------------------------------
# The baseline


def test_no_sale_gives_cbos_baseline_exactly():
    result = scenario.run(scenario.load("no_sale"))
    cbo = data.load("cbo_baseline")
    for calibration in scenario.CALIBRATIONS:
        table = result.fiscal[calibration]
        assert table.equals(fiscal.project())
        assert (table["interest_usd_bn"] == cbo.loc[2026:2035, "net_interest_usd_bn"]).all()
        assert (table["debt_usd_bn"] == cbo.loc[2026:2035, "debt_held_by_public_usd_bn"]).all()
        assert result.added_interest_usd_bn[calibration] == 0.0
        assert result.lasting_bp[calibration] == 0.0 and result.peak_bp[calibration] == 0.0
        assert result.dollar_move_pct[calibration] == 0.0
        assert result.seller_loss_usd_bn[calibration] == 0.0
    assert all(not np.any(path) for path in result.yield_bp)


@pytest.mark.parametrize("changes", [{"repo_share_pct": 100.0}, {"fed_share_pct": 100.0}])
def test_repo_instead_of_selling_or_the_fed_buying_it_all_gives_the_baseline(changes):
    result = scenario.run(japan(500.0, **changes))
    for c in scenario.CALIBRATIONS:
        assert result.fiscal[c].equals(scenario.baseline())
        assert result.lasting_bp[c] == 0.0 and result.seller_loss_usd_bn[c] == 0.0
        assert result.dollar_move_pct[c] == 0.0  # the dollars are kept (converted_pct 0)


def test_a_repo_funded_intervention_still_moves_the_yen():
    result = scenario.run(japan(60.0, repo_share_pct=100.0, converted_pct=100.0))
    e = loop.calibrations().central.direct_yen_pct_per_usd_bn
    assert result.lasting_bp["central"] == 0.0
    assert result.dollar_move_pct["central"] == pytest.approx(-e * 60.0)


# --------------------------------------------------------------------------------------------
# Hand-worked values


def test_a_one_point_sale_at_the_ten_years_duration_lasts_lambda_bp():
    # 1% of the market in 10-year equivalents, sold at the 10-year's own duration
    one_point = NOW.ten_year_equivalents_usd_bn / 100.0
    result = scenario.run(japan(one_point, days=1,
                                seller_duration_years=NOW.ten_year_duration_years))
    assert result.lasting_bp["central"] == pytest.approx(2.2)
    assert result.lasting_bp["high"] == pytest.approx(17.0)
    # day 1: lambda + kappa (chapter 02's docstring: 2.2 + 4.57 = 6.77 bp)
    kappa = market.CALIBRATIONS["central"].impulse_bp_per_pp
    assert result.yield_bp.central_bp[0] == pytest.approx(2.2 + kappa)
    assert round(result.peak_bp["central"], 2) == 6.77


def test_the_links_are_the_chapters_models():
    s = japan(300.0, days=21, converted_pct=50.0)
    result = scenario.run(s)
    teq = 300.0 * NOW.market_duration_years / NOW.ten_year_duration_years
    points = 100 * teq / NOW.ten_year_equivalents_usd_bn
    assert result.lasting_bp["central"] == pytest.approx(2.2 * points)
    path = market.impact_path(market.even_schedule(300.0, 21), "central",
                              horizon_days=scenario.HORIZON_DAYS)
    assert np.allclose(result.yield_bp.central_bp, path)
    table = fiscal.project(shock_points=result.lasting_bp["central"] / 100)
    assert result.added_interest_usd_bn["central"] == pytest.approx(
        (table["interest_usd_bn"] - fiscal.project()["interest_usd_bn"]).sum())
    c = loop.calibrations().central
    assert result.dollar_move_pct["central"] == pytest.approx(
        c.yen_pct_per_yield_bp * result.lasting_bp["central"]
        - c.direct_yen_pct_per_usd_bn * 150.0)
    # the seller's shortfall is holder.sale_cost's on the same schedule
    cost = holder.sale_cost(JAPAN, 100 * 300.0 / JAPAN, 21)
    assert result.seller_loss_usd_bn["central"] == pytest.approx(cost.shortfall_usd_bn)
    assert result.seller_loss_pct["central"] == pytest.approx(cost.shortfall_pct)
    rate = holder.latest_rates().jpy_per_usd
    assert result.seller_loss_local_bn["central"] == pytest.approx(
        cost.shortfall_usd_bn * rate * (1 + result.dollar_move_pct["central"] / 100))


def test_a_consolidation_alone_is_chapter_06bs():
    result = scenario.run(japan(0.0, consolidation_pct_gdp=1.0))
    cut = fiscal.project(primary_deficit_change_pct_gdp=-1.0)
    assert result.fiscal["central"].equals(cut)
    assert round(-result.added_interest_usd_bn["central"]) == 680  # chapter 06b's figure


# --------------------------------------------------------------------------------------------
# Sizes from the data


def test_sizes_come_from_the_shipped_data():
    spring = data.load("japan_interventions").loc["2024-04-01":"2024-05-31", "amount_usd_bn"]
    assert scenario.load("japan_spring_2024").size_usd_bn == pytest.approx(spring.sum())
    assert f"{spring.sum():.1f}" == "62.3"
    china = data.load("tic_holdings")["china_usd_bn"].dropna().iloc[-1]
    assert scenario.load("china_sells_half").size_usd_bn == pytest.approx(china / 2)
    assert scenario.load("articles_japan_sells_all").size_usd_bn == pytest.approx(JAPAN)
    custody = data.load("custody_holdings")["marketable_treasuries_usd_bn"]
    replay = scenario.load("march_2020_replay")
    assert replay.size_usd_bn == pytest.approx(custody["2020-03-04"] - custody["2020-04-01"])
    weekly = -np.diff(custody.loc["2020-03-04":"2020-04-01"].to_numpy())
    assert np.allclose(replay.weekly_usd_bn, weekly) and replay.days == 20
    sold = scenario.run(replay).sold_usd_bn
    assert np.allclose(sold[:20], np.repeat(weekly / 5, 5)) and not sold[20:].any()


def test_every_shipped_file_loads_and_its_remedies_run():
    assert {"articles_japan_sells_all", "japan_spring_2024", "march_2020_replay",
            "china_sells_half", "no_sale"} <= set(scenario.names())
    for name in scenario.names():
        s = scenario.load(name)
        assert s.name == name and s.title and s.notes
        for remedy in scenario.REMEDIES:
            assert np.isfinite(scenario.run(scenario.with_remedy(s, remedy)).peak_bp["high"])


def test_side_by_side_is_tidy():
    table = scenario.side_by_side(["china_sells_half"], ("none", "fed", "spread"))
    assert list(table.index) == [("china_sells_half", r) for r in ("none", "fed", "spread")]
    for measure in scenario.MEASURES:
        for c in scenario.CALIBRATIONS:
            assert f"{measure}_{c}" in table.columns
    rows = table.loc["china_sells_half"]
    assert rows.loc["fed", "lasting_bp_high"] == 0.0
    assert rows.loc["spread", "lasting_bp_central"] == pytest.approx(
        rows.loc["none", "lasting_bp_central"])
    assert rows.loc["spread", "peak_bp_central"] < rows.loc["none", "peak_bp_central"]
    assert (table["currency"] == "USD").all()


# --------------------------------------------------------------------------------------------
# Plain data in and out


def test_round_trip_dict_and_json(tmp_path):
    for name in scenario.names():
        s = scenario.load(name)
        assert Scenario.from_dict(s.to_dict()) == s
        assert Scenario.from_dict(s.to_dict()).to_dict() == s.to_dict()
        path = s.to_json(tmp_path / f"{name}.json")
        assert Scenario.from_json(path) == s
        assert json.loads(path.read_text()) == s.to_dict()


@settings(max_examples=40, deadline=None)
@given(size=st.floats(0.0, 600.0), days=st.integers(1, 252), fed=st.floats(0.0, 200.0),
       repo=st.floats(0.0, 100.0), cut=st.floats(0.0, 5.0), converted=st.floats(0.0, 100.0),
       calibration=st.sampled_from(scenario.CALIBRATIONS),
       seller=st.sampled_from(list(scenario.SELLERS)))
def test_round_trip_any_scenario(size, days, fed, repo, cut, converted, calibration, seller):
    values = {"name": "any", "title": "t", "seller": seller, "size": size, "days": days,
              "fed_share_pct": fed, "repo_share_pct": repo, "consolidation_pct_gdp": cut,
              "converted_pct": converted, "seller_duration_years": None,
              "calibration": calibration, "notes": ""}
    assert Scenario.from_dict(values).to_dict() == values


# --------------------------------------------------------------------------------------------
# Properties


@settings(max_examples=25, deadline=None)
@given(small=st.floats(0.0, 600.0), extra=st.floats(0.0, 500.0), days=st.integers(1, 252))
def test_more_sale_never_lowers_the_yield_rise(small, extra, days):
    a, b = (scenario.run(japan(x, days)) for x in (small, small + extra))
    for c in scenario.CALIBRATIONS:
        assert b.lasting_bp[c] >= a.lasting_bp[c] - 1e-12
        assert b.peak_bp[c] >= a.peak_bp[c] - 1e-12
        assert np.all(b.yield_bp[scenario.CALIBRATIONS.index(c)]
                      >= a.yield_bp[scenario.CALIBRATIONS.index(c)] - 1e-12)
        assert b.added_interest_usd_bn[c] >= a.added_interest_usd_bn[c] - 1e-6


@settings(max_examples=25, deadline=None)
@given(size=st.floats(1.0, 1000.0), days=st.integers(1, 252),
       duration=st.floats(0.5, 20.0))
def test_fed_purchases_equal_to_the_sale_cancel_the_lasting_rise(size, days, duration):
    result = scenario.run(japan(size, days, fed_share_pct=100.0,
                                seller_duration_years=duration))
    for c in scenario.CALIBRATIONS:
        assert result.lasting_bp[c] == 0.0
        assert result.added_interest_usd_bn[c] == 0.0


@settings(max_examples=25, deadline=None)
@given(size=st.floats(1.0, 1000.0), days=st.integers(1, 252), fed=st.floats(0.0, 100.0))
def test_the_band_is_ordered_and_the_lasting_rise_ignores_the_pace(size, days, fed):
    result = scenario.run(japan(size, days, fed_share_pct=fed))
    assert result.lasting_bp["low"] <= result.lasting_bp["central"] <= result.lasting_bp["high"]
    assert result.peak_bp["low"] <= result.peak_bp["central"] <= result.peak_bp["high"]
    one_day = scenario.run(japan(size, 1, fed_share_pct=fed))
    assert result.lasting_bp["central"] == pytest.approx(one_day.lasting_bp["central"])
    assert result.peak_bp["central"] <= one_day.peak_bp["central"] + 1e-9


# --------------------------------------------------------------------------------------------
# Bad fields


@pytest.mark.parametrize("field, value, message", [
    ("days", 0, r"days must be between 1 and 252 trading days \(a whole number\), got 0"),
    ("days", 2.5, r"days must be between 1 and 252 trading days \(a whole number\), got 2\.5"),
    ("fed_share_pct", -1.0, r"fed_share_pct must be between 0 and 200 percent"),
    ("repo_share_pct", 150.0, r"repo_share_pct must be between 0 and 100 percent"),
    ("consolidation_pct_gdp", 9.0, r"consolidation_pct_gdp must be between 0 and 5"),
    ("converted_pct", "all", r"converted_pct must be a number .*\(percent of the dollars"),
    ("seller_duration_years", 40.0, "seller_duration_years must be between 0 and 30 years"),
    ("size", -5.0, "size must be between 0 and 100000 USD billions"),
    ("size", float("nan"), "size must be between"),
    ("size", 5000.0, "size must be at most the seller's latest holdings"),
    ("size", {"from": "gossip"}, "size must be a number of USD billions or a rule"),
    ("size", {"from": "tic_holdings", "holder": "mars", "share": 0.5}, "size.holder"),
    ("size", {"from": "tic_holdings", "holder": "china", "share": 50}, "size.share must be"),
    ("size", {"from": "custody_holdings", "start": "2020-03-05", "end": "2020-04-01"},
     "size.start must be a Wednesday"),
    ("size", {"from": "japan_interventions", "start": "2023-01-01", "end": "2023-12-31"},
     "no yen-buying operation"),
    ("seller", "mars", "seller must be one of japan, china, foreign_official"),
    ("calibration", "medium", "calibration must be one of low, central, high"),
    ("name", "Has Spaces", "name must be"),
    ("title", 3, "title must be"),
])
def test_bad_fields_raise_naming_the_field(field, value, message):
    values = {"name": "bad", "seller": "japan", "size": 100.0, "days": 21, field: value}
    with pytest.raises(ValueError, match=message):
        Scenario.from_dict(values)


def test_bad_dicts_and_files_are_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown scenario field"):
        Scenario.from_dict({"name": "x", "seller": "japan", "size": 1.0, "days": 1, "fed": 1})
    with pytest.raises(ValueError, match="needs days"):
        Scenario.from_dict({"name": "x", "seller": "japan", "size": 1.0})
    with pytest.raises(ValueError, match="days must be 20 for this custody rule"):
        Scenario.from_dict({"name": "x", "seller": "foreign_official", "days": 21, "size": {
            "from": "custody_holdings", "start": "2020-03-04", "end": "2020-04-01"}})
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(ValueError, match="not valid JSON"):
        Scenario.from_json(broken)
    with pytest.raises(ValueError,
                       match="name must be one of articles_japan_sells_all, .*no_sale, got "):
        scenario.load("atlantis")
    with pytest.raises(ValueError, match="remedy must be one of"):
        scenario.with_remedy(scenario.load("no_sale"), "prayer")
    with pytest.raises(ValueError, match="scenario must be a Scenario"):
        scenario.run({"name": "x"})


def test_remedies_change_only_their_fields():
    s = scenario.load("china_sells_half")
    for remedy, changes in scenario.REMEDIES.items():
        changed = scenario.with_remedy(s, remedy)
        for key in scenario.KEYS:
            if key in changes:
                assert getattr(changed, key) == changes[key]
            elif key != "name":
                assert getattr(changed, key) == getattr(s, key)
    replay = scenario.load("march_2020_replay")
    assert scenario.with_remedy(replay, "spread").days == 20  # the data's dates are kept
    assert isinstance(scenario.side_by_side(["no_sale"], ("none",)), pd.DataFrame)
