"""The yield curve: fit, moves, issuance cost, decomposition and inversions (lessons_lib.curve)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lessons_lib import bonds, curve, data
from lessons_lib.curve import Curve

CURVE_DAILY = data.load("yield_curve_daily")
TERM_PREMIUM = data.load("term_premium_daily")
TENORS = np.array([1 / 12, 0.25, 0.5, 1, 2, 3, 5, 7, 10, 20, 30])
UPWARD = Curve(level=0.05, slope=-0.02, curvature=0.0, decay_years=2.0)

levels = st.floats(-0.01, 0.15)
curves = st.builds(Curve, level=st.floats(0.0, 0.12), slope=st.floats(-0.05, 0.05),
                   curvature=st.floats(-0.05, 0.05), decay_years=st.floats(0.25, 10.0))
moves_bp = st.floats(-300.0, 300.0)


# ------------------------------------------------------------------------ by hand


def test_nelson_siegel_by_hand() -> None:
    """At m = decay: L1 = 1 - 1/e, L2 = L1 - 1/e, so -0.02 L1 + 0.01 L2 = -0.01."""
    c = Curve(level=0.05, slope=-0.02, curvature=0.01, decay_years=2.0)
    assert c.yield_at(2.0) == pytest.approx(0.04, abs=1e-15)
    assert c.yield_at(1e-9) == pytest.approx(0.03)  # level + slope at the short end
    assert c.yield_at(100.0) == pytest.approx(0.05 - 0.02 * 0.02 + 0.01 * 0.02, abs=1e-12)
    assert c.yield_at(np.array([[2.0, 2.0]])).shape == (1, 2)


def test_the_fit_recovers_a_nelson_siegel_curve() -> None:
    true = Curve(level=0.045, slope=-0.01, curvature=-0.02, decay_years=1.7)
    found = curve.fit(TENORS, true.yield_at(TENORS))
    assert found.rmse_bp < 1e-6
    assert found.curve.decay_years == pytest.approx(1.7, rel=1e-5)
    assert found.curve.level == pytest.approx(0.045, abs=1e-9)


@pytest.mark.parametrize("day", ["2023-10-19", "2024-12-31", "2025-04-11", "2025-12-30"])
def test_the_fit_to_real_days_is_within_ten_basis_points(day) -> None:
    found = curve.fit_row(CURVE_DAILY.loc[day])
    assert found.rmse_bp < 10.0
    assert np.all(np.abs(found.residuals_bp) < 25.0)
    assert curve.DECAY_RANGE_YEARS.contains(found.curve.decay_years)


def test_fit_row_skips_missing_and_extrapolated_maturities() -> None:
    m, y = curve.row_maturities(CURVE_DAILY.loc["2004-06-01"])  # 30-year extrapolated then
    assert 30.0 not in m and 20.0 in m
    m, y = curve.row_maturities(CURVE_DAILY.loc["2025-12-30"])  # no 3-year that day
    assert 3.0 not in m and m[0] == pytest.approx(1 / 12)
    assert y[list(m).index(10.0)] == pytest.approx(0.0414)


def test_steepen_pivots_and_butterfly_moves_the_belly() -> None:
    steeper = curve.steepen(UPWARD, 50.0, pivot_years=2.0)
    change = np.asarray(steeper.yield_at(TENORS)) - np.asarray(UPWARD.yield_at(TENORS))
    assert change[list(TENORS).index(2)] == pytest.approx(0.0, abs=1e-12)
    assert change[list(TENORS).index(10)] == pytest.approx(0.005, abs=1e-12)
    assert np.all(np.diff(change) > 0)  # short end down, long end up
    belly = curve.butterfly(UPWARD, 30.0)
    bump = np.asarray(belly.yield_at(TENORS)) - np.asarray(UPWARD.yield_at(TENORS))
    fine = np.linspace(0.01, 30, 3000)
    assert np.max(np.asarray(belly.yield_at(fine)) - np.asarray(UPWARD.yield_at(fine))) == (
        pytest.approx(0.003, rel=1e-4))
    assert abs(bump[0]) < 0.001 and np.argmax(bump) in (5, 6)


def test_a_flat_par_curve_has_flat_zero_coupon_yields() -> None:
    flat = Curve(level=0.04)
    zeros = curve.zero_coupon_yields(flat, np.array([0.25, 0.5, 1.0, 2.0, 10.0, 30.0]))
    assert np.allclose(zeros, 0.04, atol=1e-12)
    assert curve.par_zero_gap_bp(flat) == pytest.approx(0.0, abs=1e-8)
    assert curve.par_zero_gap_bp(UPWARD) > 0  # upward sloping: zero above par


def test_zero_coupon_yields_price_a_par_bond_at_par() -> None:
    c = curve.fit_row(CURVE_DAILY.loc["2023-10-19"]).curve
    y10 = float(c.yield_at(10.0))
    times = np.arange(1, 21) / 2
    zeros = np.asarray(curve.zero_coupon_yields(c, times))
    flows = np.full(20, 100 * y10 / 2)
    flows[-1] += 100
    assert float(flows @ (1 + zeros / 2) ** (-2 * times)) == pytest.approx(100.0, abs=1e-9)


def test_the_articles_arithmetic() -> None:
    """$100B at 3% costs $3B, at 14.4% $14.4B; $10B costs $300M and $1.44B."""
    assert curve.simple_interest_usd_bn(100.0, 0.03) == pytest.approx(3.0)
    assert curve.simple_interest_usd_bn(100.0, 0.144) == pytest.approx(14.4)
    assert curve.simple_interest_usd_bn(10.0, 0.03) * 1000 == pytest.approx(300.0)  # millions
    assert curve.simple_interest_usd_bn(10.0, 0.144) == pytest.approx(1.44)
    article_rate = round(bonds.simple_yield(90.0, 103.0), 3)  # 13 / 90, as printed: 14.4%
    assert curve.simple_interest_usd_bn(100.0, article_rate) == pytest.approx(14.4)
    assert curve.simple_interest_usd_bn(100.0, 0.03, years_held=10) == pytest.approx(30.0)


def test_issuance_cost_by_hand_on_a_flat_curve() -> None:
    flat = Curve(level=0.04)
    ten = curve.issuance_cost(flat, [10.0], [100.0])
    assert ten.first_year_usd_bn == pytest.approx(4.0)
    assert ten.total_usd_bn == pytest.approx(40.0)
    assert np.allclose(ten.by_year_usd_bn, 4.0)
    mix = curve.mix_by_kind(0.2, 0.6, 0.2, 100.0)
    assert mix.amounts_usd_bn.sum() == pytest.approx(100.0)
    assert curve.issuance_cost(flat, *mix).total_usd_bn == pytest.approx(40.0)
    # a 7-year note over 10 years: rolled once, at year 7; a 30-year runs past the horizon
    seven = curve.issuance_cost(flat, [7.0, 30.0], [50.0, 50.0], rollover="forward")
    assert seven.total_usd_bn == pytest.approx(40.0, rel=1e-12)
    assert np.allclose(seven.by_year_usd_bn, 4.0)


def test_rollover_rules_compared() -> None:
    """Bills rolled at the forwards of an upward-sloping curve cost more over ten years than
    at the unchanged curve; a 10-year note, which is not rolled, costs the same; on a flat
    curve the two rules nearly agree (the forward rule's simple quarterly rate equivalent to
    4% compounded twice a year is 3.98%)."""
    bills = curve.mix_by_kind(1.0, 0.0, 0.0)
    same = curve.issuance_cost(UPWARD, *bills)
    forward = curve.issuance_cost(UPWARD, *bills, rollover="forward")
    assert forward.total_usd_bn > same.total_usd_bn + 5.0
    assert forward.starting_rates[0] == same.starting_rates[0]
    ten = curve.mix_over_maturities([10.0], [1.0])
    assert curve.issuance_cost(UPWARD, *ten, rollover="forward").total_usd_bn == pytest.approx(
        curve.issuance_cost(UPWARD, *ten).total_usd_bn)
    flat = Curve(level=0.04)
    a = curve.issuance_cost(flat, *bills).total_usd_bn
    b = curve.issuance_cost(flat, *bills, rollover="forward").total_usd_bn
    assert b == pytest.approx(100 * 10 * ((1.02) ** 0.5 - 1) / 0.25, rel=1e-3)
    assert abs(a - b) < 0.3


def test_todays_issuance_costs_and_a_100bp_shift() -> None:
    today = curve.fit_row(CURVE_DAILY.iloc[-1]).curve
    shares = curve.outstanding_shares(data.load("maturity_profile"))
    assert shares.bills == pytest.approx(0.223, abs=0.005)
    for mix in (curve.mix_by_kind(1, 0, 0), curve.mix_by_kind(*shares),
                curve.mix_over_maturities([10.0], [1.0])):
        base = curve.issuance_cost(today, *mix)
        up = curve.issuance_cost(curve.shift(today, 100.0), *mix)
        assert up.first_year_usd_bn - base.first_year_usd_bn == pytest.approx(1.0)
        assert up.total_usd_bn - base.total_usd_bn == pytest.approx(10.0)


def test_decompose_by_hand_and_from_the_data() -> None:
    parts = curve.decompose(4.98, 0.45)
    assert parts.expected_short_rate_pct == pytest.approx(4.53)
    assert parts.term_premium_pct == pytest.approx(0.45)
    april = curve.decompose_change(CURVE_DAILY, TERM_PREMIUM, "2025-04-04", "2025-04-11")
    assert april.yield_change_points == pytest.approx(0.47)
    assert april.term_premium_change_points == pytest.approx(
        TERM_PREMIUM.loc["2025-04-11", "term_premium_10y_pct"]
        - TERM_PREMIUM.loc["2025-04-04", "term_premium_10y_pct"])
    assert 0.8 < april.term_premium_share < 1.0
    autumn = curve.decompose_change(CURVE_DAILY, TERM_PREMIUM, "2023-08-01", "2023-10-19")
    assert autumn.yield_change_points == pytest.approx(0.93)
    assert autumn.term_premium_share > 0.9
    # a weekend date is taken as the Friday before
    assert curve.decompose_change(CURVE_DAILY, TERM_PREMIUM, "2025-04-05",
                                  "2025-04-13").start == pd.Timestamp("2025-04-04")


def test_the_inversions_of_2022_24() -> None:
    spread = curve.spreads(CURVE_DAILY)
    ten_two = curve.inversions(spread["spread_10y_2y_points"])
    longest = ten_two.loc[ten_two["trading_days"].idxmax()]
    assert (longest["start"], longest["end"]) == (pd.Timestamp("2022-07-06"),
                                                  pd.Timestamp("2024-08-26"))
    ten_three = curve.inversions(spread["spread_10y_3m_points"], merge_gap_days=10,
                                 min_length_days=5)
    longest = ten_three.loc[ten_three["trading_days"].idxmax()]
    assert longest["start"].year == 2022 and longest["end"] == pd.Timestamp("2024-12-12")
    assert longest["calendar_days"] == (longest["end"] - longest["start"]).days + 1


def test_inversions_by_hand() -> None:
    days = pd.bdate_range("2024-01-01", periods=8)
    spread = pd.Series([0.1, -0.1, -0.2, 0.05, -0.1, 0.2, 0.3, -0.1], index=days)
    runs = curve.inversions(spread)
    assert runs["trading_days"].tolist() == [2, 1, 1]
    joined = curve.inversions(spread, merge_gap_days=1)
    assert joined["trading_days"].tolist() == [4, 1]
    assert curve.inversions(spread, merge_gap_days=1, min_length_days=2)["start"].tolist() == [
        days[1]]


# ------------------------------------------------------------------------ bad input


@pytest.mark.parametrize("call, name", [
    (lambda: curve.fit([-1, 1, 2, 5], [0.04] * 4), "maturities_years"),
    (lambda: curve.fit([1, 2, 5, math.nan], [0.04] * 4), "maturities_years"),
    (lambda: curve.fit([1, 2, 5, 10], [0.04, 0.04, math.inf, 0.04]), "par_yields"),
    (lambda: curve.fit("1, 2, 5", [0.04] * 3), "maturities_years"),
    (lambda: curve.fit([1, 2, 5], [0.04] * 3), "maturities_years"),
    (lambda: curve.fit([1, 2, 5, 10], [0.04] * 3), "par_yields"),
    (lambda: Curve(level=0.04).yield_at(0.0), "maturities_years"),
    (lambda: Curve(level=0.04, decay_years=0.1), "decay_years"),
    (lambda: curve.shift(Curve(level=0.04), "100"), "shift_bp"),
    (lambda: curve.shift("curve", 100), "curve"),
    (lambda: curve.steepen(UPWARD, 50, pivot_years=10), "pivot_years"),
    (lambda: curve.mix_by_kind(0.5, 0.3, 0.3), "bills_share"),
    (lambda: curve.mix_over_maturities([0.25, 10], [0.5, 0.6]), "shares"),
    (lambda: curve.issuance_cost(UPWARD, [-1.0], [100.0]), "maturities_years"),
    (lambda: curve.issuance_cost(UPWARD, [1.0], [100.0, 5.0]), "amounts_usd_bn"),
    (lambda: curve.issuance_cost(UPWARD, [1.0], [100.0], years=2.5), "years"),
    (lambda: curve.issuance_cost(UPWARD, [1.0], [100.0], rollover="market"), "rollover"),
    (lambda: curve.decompose(4.0, math.nan), "term_premium_10y_pct"),
    (lambda: curve.decompose_change(CURVE_DAILY, TERM_PREMIUM, "1980-01-01", "2025-01-02"),
     "start_date"),
    (lambda: curve.decompose_change(CURVE_DAILY, TERM_PREMIUM, "2025-04-11", "2025-04-04"),
     "end_date"),
    (lambda: curve.fit_row({"y10y_pct": 4.0}), "row"),
    (lambda: curve.inversions([0.1, -0.2]), "spread_points"),
])
def test_bad_input_names_the_argument(call, name) -> None:
    with pytest.raises(ValueError, match=name):
        call()


@pytest.mark.parametrize("call, hint", [
    (lambda: curve.fit([0.25, 2, 5, 10], [4.2, 4.0, 4.1, 4.3]), "did you mean 0.042"),
    (lambda: curve.mix_by_kind(20, 60, 20), "did you mean 0.2"),
    (lambda: curve.simple_interest_usd_bn(100, 3.0), "did you mean 0.03"),
    (lambda: Curve(level=4.5), "did you mean 0.045"),
])
def test_a_percent_for_a_decimal_gets_a_hint(call, hint) -> None:
    with pytest.raises(ValueError, match=hint):
        call()


# ------------------------------------------------------------------------ properties


@settings(max_examples=60, deadline=None)
@given(level=levels, picks=st.lists(st.sampled_from(list(TENORS)), min_size=4, unique=True))
def test_a_flat_curve_fits_exactly(level, picks) -> None:
    found = curve.fit(picks, [level] * len(picks))
    assert found.rmse_bp < 1e-9
    assert found.curve.level == pytest.approx(level, abs=1e-13)
    assert found.curve.slope == pytest.approx(0.0, abs=1e-12)
    assert found.curve.curvature == pytest.approx(0.0, abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(c=curves, s=moves_bp)
def test_a_parallel_shift_raises_every_yield_by_s(c, s) -> None:
    assume(curve.LEVEL_RANGE.contains(c.level + s / 10_000))
    moved = curve.shift(c, s)
    assert np.allclose(np.asarray(moved.yield_at(TENORS)) - np.asarray(c.yield_at(TENORS)),
                       s / 10_000, atol=1e-13, rtol=0)


@settings(max_examples=100, deadline=None)
@given(c=curves, s=moves_bp, pivot=st.floats(0.25, 7.0))
def test_steepening_keeps_the_pivot_and_moves_the_ten_year_by_s(c, s, pivot) -> None:
    try:
        moved = curve.steepen(c, s, pivot_years=pivot)
    except ValueError:
        return  # a move that takes the parameters out of their ranges is refused
    change = np.asarray(moved.yield_at([pivot, 10.0])) - np.asarray(c.yield_at([pivot, 10.0]))
    assert change == pytest.approx([0.0, s / 10_000], abs=1e-10)


@settings(max_examples=100, deadline=None)
@given(c=curves, s=st.floats(1.0, 300.0),
       shares=st.lists(st.floats(0.0, 1.0), min_size=3, max_size=3).filter(lambda w: sum(w) > 0),
       rule=st.sampled_from(curve.ROLLOVER_RULES))
def test_issuance_cost_rises_with_a_shift_up(c, s, shares, rule) -> None:
    assume(curve.LEVEL_RANGE.contains(c.level + s / 10_000))
    w = np.array(shares) / sum(shares)
    mix = curve.mix_by_kind(*w, amount_usd_bn=100.0)
    base = curve.issuance_cost(c, *mix, rollover=rule)
    up = curve.issuance_cost(curve.shift(c, s), *mix, rollover=rule)
    assert up.first_year_usd_bn > base.first_year_usd_bn
    assert up.total_usd_bn > base.total_usd_bn
    if rule == "unchanged":  # each dollar pays s more a year
        assert up.total_usd_bn - base.total_usd_bn == pytest.approx(100 * 10 * s / 10_000)


@settings(max_examples=100, deadline=None)
@given(c=curves, amount=st.floats(0.0, 5000.0))
def test_a_mix_of_bills_costs_amount_times_the_bill_yield_in_year_one(c, amount) -> None:
    cost = curve.issuance_cost(c, *curve.mix_by_kind(1.0, 0.0, 0.0, amount), years=1)
    assert cost.first_year_usd_bn == pytest.approx(amount * float(c.yield_at(0.25)), abs=1e-9)
    assert cost.total_usd_bn == pytest.approx(cost.first_year_usd_bn)


@settings(max_examples=200, deadline=None)
@given(y=st.floats(-1.0, 20.0), tp=st.floats(-3.0, 6.0))
def test_the_decomposition_sums_back_to_the_yield(y, tp) -> None:
    parts = curve.decompose(y, tp)
    assert parts.expected_short_rate_pct + parts.term_premium_pct == pytest.approx(y, abs=1e-12)
    both = curve.decompose(np.array([y, y]), tp)
    assert np.allclose(np.asarray(both.expected_short_rate_pct) + tp, y)


@settings(max_examples=50, deadline=None)
@given(days=st.lists(st.sampled_from(list(TERM_PREMIUM.loc["2020":"2025"].index)), min_size=2,
                     max_size=2, unique=True))
def test_a_change_splits_into_its_parts(days) -> None:
    start, end = sorted(days)
    found = curve.decompose_change(CURVE_DAILY, TERM_PREMIUM, start, end)
    assert found.term_premium_change_points + found.expected_change_points == pytest.approx(
        found.yield_change_points, abs=1e-12)
    assert found.end_yield_pct - found.start_yield_pct == pytest.approx(
        found.yield_change_points)
