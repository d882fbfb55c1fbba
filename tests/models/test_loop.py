"""The yen loop (lessons_lib.loop): its arithmetic by hand, its coefficients from the data,
the loop's properties (rest, return to rest, running away) and bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons_lib import data, loop, market

CAL = loop.calibrations()


def coefficients(a: float, b: float, d: float, e: float) -> loop.LoopCoefficients:
    return loop.LoopCoefficients("test", a, b, d, e)


# ------------------------------------------------------------------------------ by hand


def test_loop_gain_by_hand() -> None:
    c = coefficients(4.0, 0.02, 0.05, 0.03)
    assert c.yield_channel_gain == pytest.approx(4 * 0.02 * 0.05)  # 0.004
    assert c.direct_gain == pytest.approx(-4 * 0.03)  # -0.12
    assert c.loop_gain == pytest.approx(4 * (0.001 - 0.03))  # -0.116
    g = loop.gains(c)
    assert g.total == pytest.approx(-0.116) and g.stable
    assert g.long_run_multiplier == pytest.approx(1 / 1.116)


def test_simulation_by_hand() -> None:
    c = coefficients(4.0, 0.02, 0.05, 0.03)  # G = -0.116
    path = loop.simulate([10.0, 0.0, 0.0], c)
    assert path.yen_pct == pytest.approx([10.0, -1.16, 0.134560])
    assert path.sales_usd_bn == pytest.approx([0.0, 40.0, -4.64])  # a x last round's weakness
    assert path.yield_bp == pytest.approx([0.0, 0.8, -0.0928])  # b x sales


def test_a_lasting_push_settles_at_the_long_run_multiplier() -> None:
    c = coefficients(5.0, 0.1, 0.5, 0.05)  # G = 5 (0.05 - 0.05) + ... = 0: no loop
    assert loop.gains(c).total == pytest.approx(0.0)
    c = coefficients(5.0, 0.1, 0.6, 0.0)  # G = 0.3
    path = loop.simulate(np.full(200, 10.0), c)
    assert path.yen_pct[-1] == pytest.approx(10 / 0.7)
    assert path.yen_pct[-1] == pytest.approx(10 * loop.gains(c).long_run_multiplier)


def test_critical_values_by_hand() -> None:
    c = coefficients(4.0, 0.02, 0.05, 0.03)
    # d with G = 1: (1/4 + 0.03) / 0.02 = 14; b: (1/4 + 0.03) / 0.05 = 5.6
    assert loop.critical_value("yen_pct_per_yield_bp", c) == pytest.approx(14.0)
    assert loop.critical_value("ten_year_bp_per_usd_bn", c) == pytest.approx(5.6)
    # a with G = -1: -1 / (0.001 - 0.03)
    assert loop.critical_value("intervention_usd_bn_per_pct", c, gain=-1.0) == pytest.approx(
        1 / 0.029)
    # e with G = -1: 0.001 + 1/4
    assert loop.critical_value("direct_yen_pct_per_usd_bn", c, gain=-1.0) == pytest.approx(
        0.251)
    for name in loop.COEFFICIENTS:
        try:
            value = loop.critical_value(name, c)
        except ValueError as error:
            assert name in str(error)
            continue
        # (the value may lie outside the coefficient's range, so the gain is worked by hand)
        a, b, d, e = ({k: getattr(c, k) for k in loop.COEFFICIENTS} | {name: value}).values()
        assert a * (b * d - e) == pytest.approx(1.0)


def test_no_value_reaches_the_gain_when_the_sign_is_wrong() -> None:
    c = coefficients(4.0, 0.02, 0.05, 0.03)  # b d < e: more intervention only lowers G
    with pytest.raises(ValueError, match="intervention_usd_bn_per_pct"):
        loop.critical_value("intervention_usd_bn_per_pct", c)
    with pytest.raises(ValueError, match="direct_yen_pct_per_usd_bn"):
        loop.critical_value("direct_yen_pct_per_usd_bn", c)


# ------------------------------------------------------------------------------ properties

coefficient_sets = st.builds(
    coefficients, st.floats(0.0, 20.0), st.floats(0.0, 1.0), st.floats(-0.5, 0.5),
    st.floats(0.0, 0.5))


@settings(max_examples=200, deadline=None)
@given(coefficient_sets, st.integers(1, 200))
def test_with_no_shock_the_loop_stays_at_rest(c, rounds) -> None:
    path = loop.simulate(np.zeros(rounds), c)
    assert np.all(path.yen_pct == 0) and np.all(path.sales_usd_bn == 0)
    assert np.all(path.yield_bp == 0)


@settings(max_examples=200, deadline=None)
@given(coefficient_sets, st.floats(-20.0, 20.0).filter(lambda s: abs(s) > 0.1))
def test_it_returns_to_rest_after_a_push_when_the_gain_is_below_one(c, push) -> None:
    g = c.loop_gain
    if not abs(g) < 0.95:
        return
    shocks = np.zeros(600)
    shocks[0] = push
    path = loop.simulate(shocks, c)
    assert abs(path.yen_pct[-1]) < 1e-9
    assert abs(path.yen_pct[-1]) <= abs(path.yen_pct[0])
    assert loop.gains(c).stable


@settings(max_examples=200, deadline=None)
@given(st.floats(1.05, 3.0), st.floats(0.1, 20.0))
def test_with_a_gain_above_one_it_runs_away(g, push) -> None:
    c = coefficients(50.0, 0.1, g / 5.0, 0.0)  # G = 50 x 0.1 x d = 5 d
    assert c.loop_gain == pytest.approx(g)
    assert not loop.gains(c).stable
    path = loop.simulate(np.r_[push, np.zeros(60)], c)
    assert np.all(np.diff(path.yen_pct) > 0)  # every round larger than the last
    assert path.yen_pct[-1] == pytest.approx(push * g**60)  # more than 18 times the push
    assert path.yen_pct[-1] > 18 * push


# ------------------------------------------------------------------------------ from the data


def test_the_episodes_come_from_moffs_record() -> None:
    episodes = loop.intervention_episodes()
    assert [d.strftime("%Y-%m") for d in episodes["first_day"]] == [
        "2022-09", "2024-04", "2024-07", "2026-04"]
    ops = data.load("japan_interventions").loc[loop.EPISODES_SINCE:]
    assert episodes["usd_sold_bn"].sum() == pytest.approx(
        ops.loc[ops["jpy_bought"], "amount_usd_bn"].sum())
    # April-May 2024 (facts: about $62bn over 29 Apr and 1 May): 37.8 + 24.5
    assert episodes.loc[1, "usd_sold_bn"] == pytest.approx(62.3, abs=0.1)
    # the yen had weakened in the year before each one, and fell back on the operation days
    assert (episodes["yen_rise_year_before_pct"] > 10).all()
    assert (episodes["yen_change_on_days_pct"] < 0).all()
    yen = data.load("fx_daily")["jpy_per_usd"].dropna()
    before, year_ago = yen.loc[:"2022-09-21"].iloc[-1], yen.loc[:"2021-09-22"].iloc[-1]
    assert episodes.loc[0, "yen_rise_year_before_pct"] == pytest.approx(
        100 * (before / year_ago - 1))


def test_the_yen_sensitivity_is_positive_and_about_six_hundredths() -> None:
    central = loop.yen_sensitivity()
    assert central.start == loop.pd.Timestamp(loop.YEN_SINCE)
    assert central.months > 140
    assert 0.03 < central.per_term_premium_bp < 0.09
    assert central.per_term_premium_bp > 3 * central.per_term_premium_se
    assert 0.05 < central.per_expected_bp < 0.13  # expected rates move the yen more
    assert 0.2 < central.r_squared < 0.6
    with pytest.raises(ValueError, match="start_month and end_month"):
        loop.yen_sensitivity("2025-01-31")


def test_the_calibrations_are_ordered_and_sourced() -> None:
    low, central, high = CAL
    episodes = loop.intervention_episodes()
    assert low.intervention_usd_bn_per_pct == episodes["usd_bn_per_pct"].min()
    assert high.intervention_usd_bn_per_pct == episodes["usd_bn_per_pct"].max()
    assert (low.intervention_usd_bn_per_pct < central.intervention_usd_bn_per_pct
            < high.intervention_usd_bn_per_pct)
    assert (low.ten_year_bp_per_usd_bn < central.ten_year_bp_per_usd_bn
            < high.ten_year_bp_per_usd_bn)
    assert (low.yen_pct_per_yield_bp == 0.0
            < central.yen_pct_per_yield_bp < high.yen_pct_per_yield_bp)
    assert (low.direct_yen_pct_per_usd_bn > central.direct_yen_pct_per_usd_bn
            > high.direct_yen_pct_per_usd_bn >= 0)
    assert low.loop_gain < high.loop_gain and central.loop_gain < high.loop_gain
    # b is chapter 02's month of selling: the calibration's short-run peak per point of the
    # market, over the USD billions in a point (the seller's duration the market's)
    one_point_usd_bn = market.today().marketable_debt_usd_bn / 100
    for c, name in zip(CAL, ("low", "central", "high"), strict=True):
        peak = market.CALIBRATIONS[name].short_run_peak_bp_per_pp
        assert c.ten_year_bp_per_usd_bn == pytest.approx(peak / one_point_usd_bn, rel=1e-6)
        assert c.derivation


def test_with_calibrated_values_the_loop_is_stable() -> None:
    for c in CAL:
        g = loop.gains(c)
        assert g.stable and abs(g.total) < 0.5, c.name
        assert g.yield_channel >= 0 and g.direct < 0
    central = loop.gains("central")
    assert central.total < 0  # the yen MOF buys outweighs the yield channel
    assert central.yield_channel < 0.05 * abs(central.direct)
    # the yield channel would need to be hundreds of times stronger to run away
    factor = loop.critical_value("ten_year_bp_per_usd_bn") / CAL.central.ten_year_bp_per_usd_bn
    assert factor > 100
    # even the high set needs a yield link several times chapter 02's high calibration
    factor_high = (loop.critical_value("ten_year_bp_per_usd_bn", "high")
                   / CAL.high.ten_year_bp_per_usd_bn)
    assert factor_high > 3


# ------------------------------------------------------------------------------ bad input


@pytest.mark.parametrize("field, value", [
    ("intervention_usd_bn_per_pct", -1.0),
    ("ten_year_bp_per_usd_bn", 50.0),
    ("yen_pct_per_yield_bp", 2.0),
    ("direct_yen_pct_per_usd_bn", -0.1),
])
def test_a_coefficient_out_of_range_is_named(field, value) -> None:
    values = {k: getattr(CAL.central, k) for k in loop.COEFFICIENTS}
    with pytest.raises(ValueError, match=rf"^{field} must be"):
        loop.LoopCoefficients("bad", **{**values, field: value})


def test_other_bad_input() -> None:
    with pytest.raises(ValueError, match="^coefficients must be one of low, central, high"):
        loop.gains("middle")
    with pytest.raises(ValueError, match="^shocks_pct must be"):
        loop.simulate([200.0])
    with pytest.raises(ValueError, match="^coefficient must be one of"):
        loop.critical_value("a")
    with pytest.raises(ValueError, match="^gain must not be 0"):
        loop.critical_value("yen_pct_per_yield_bp", gain=0.0)
    runaway = coefficients(100.0, 10.0, 1.0, 0.0)  # G = 1000
    with pytest.raises(ValueError, match="coefficients give a loop gain of 1000"):
        loop.simulate(np.r_[1.0, np.zeros(999)], runaway)
