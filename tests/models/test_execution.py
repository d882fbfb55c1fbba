"""Almgren & Chriss's optimal execution (lessons_lib.execution): hand-worked cases, a
brute-force check of the cost, properties with Hypothesis, bad input, and the Treasury
parameters from chapter 02's calibration."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons_lib import execution, holder, market

# a small market: sigma^2 = 0.01 a day, eta_tilde = 0.005 - gamma tau / 2
PARAMS = {"sigma": 0.1, "eta": 0.005, "gamma": 0.0}

params = st.fixed_dictionaries({
    "total_usd_bn": st.floats(0.0, 1_000.0),
    "periods": st.integers(1, 40),
    "horizon_days": st.floats(0.5, 60.0),
    "sigma": st.floats(0.0, 0.05),
    "eta": st.floats(1e-6, 1e-2),
    "gamma_share": st.floats(0.0, 0.99),  # gamma as a share of its largest allowed value
    "risk_aversion": st.floats(0.0, 10.0),
})


def _unpack(p: dict) -> tuple[float, int, float, float, float, float, float]:
    tau = p["horizon_days"] / p["periods"]
    gamma = p["gamma_share"] * 2.0 * p["eta"] / tau  # keeps eta_tilde > 0
    gamma = min(gamma, 1.0)
    return (p["total_usd_bn"], p["periods"], p["horizon_days"], p["sigma"], p["eta"], gamma,
            p["risk_aversion"])


def _objective(x: np.ndarray, horizon: float, sigma: float, eta: float, gamma: float,
               lam: float) -> float:
    cost = execution.schedule_cost(x, horizon, sigma, eta, gamma)
    return cost.expected_usd_bn + lam * cost.variance_usd_bn2


# ------------------------------------------------------------------------------ by hand


def test_two_periods_by_hand() -> None:
    # cosh(kappa) = 1 + 0.01 / (2 x 0.005) = 2, so x_1 = 1 / (2 cosh(kappa)) = 1/4
    x = execution.optimal_trajectory(1.0, 2, 2.0, risk_aversion=1.0, **PARAMS)
    np.testing.assert_allclose(x, [1.0, 0.25, 0.0], atol=1e-12)
    assert execution.decay_rate(risk_aversion=1.0, **PARAMS) == pytest.approx(math.acosh(2.0))
    # the same by minimising E + lambda V over x_1 on a fine grid
    grid = np.linspace(0.0, 1.0, 100_001)
    objective = 0.005 * ((1 - grid) ** 2 + grid**2) + 0.01 * grid**2
    assert grid[np.argmin(objective)] == pytest.approx(0.25, abs=1e-5)


def test_three_periods_against_the_formula() -> None:
    # N = 3, tau = 1, lambda sigma^2 / eta_tilde = 0.01 / 0.005 = 2: cosh(kappa) = 2
    kappa = math.acosh(2.0)
    x = execution.optimal_trajectory(6.0, 3, 3.0, risk_aversion=1.0, **PARAMS)
    expected = [6.0 * math.sinh(kappa * (3 - j)) / math.sinh(3 * kappa) for j in range(4)]
    np.testing.assert_allclose(x, expected, rtol=1e-12, atol=1e-12)


def test_schedule_cost_by_hand() -> None:
    # X = 10 in two periods of a day, 5 and 5; eta_tilde = 0.1 - 0.01 / 2 = 0.095
    cost = execution.schedule_cost([10.0, 5.0, 0.0], 2.0, sigma=0.1, eta=0.1, gamma=0.01)
    assert cost.permanent_usd_bn == pytest.approx(0.5)
    assert cost.temporary_usd_bn == pytest.approx(0.095 * 50)
    assert cost.expected_usd_bn == pytest.approx(5.25)
    assert cost.variance_usd_bn2 == pytest.approx(0.25)
    assert cost.std_usd_bn == pytest.approx(0.5)


def test_fire_sale_and_even_schedules() -> None:
    np.testing.assert_allclose(execution.fire_sale(9.0, 3), [9.0, 0, 0, 0])
    np.testing.assert_allclose(execution.even_trajectory(9.0, 3), [9.0, 6.0, 3.0, 0.0])
    fire = execution.schedule_cost(execution.fire_sale(9.0, 3), 3.0, **PARAMS)
    even = execution.schedule_cost(execution.even_trajectory(9.0, 3), 3.0, **PARAMS)
    assert fire.variance_usd_bn2 == 0.0
    assert fire.temporary_usd_bn == pytest.approx(3 * even.temporary_usd_bn)  # 81 vs 3 x 9


# ------------------------------------------------------------------------------ brute force


def _simulated_shortfall(x: np.ndarray, tau: float, eta: float, gamma: float) -> float:
    """Value at the start minus the proceeds, period by period, with no noise."""
    price, proceeds = 1.0, 0.0
    for n in -np.diff(x):
        proceeds += n * (price - eta * n / tau)  # this period's price, less the temporary part
        price -= gamma * n  # the permanent part stays
    return float(x[0]) - proceeds


@given(start=st.floats(0.0, 100.0), inner=st.lists(st.floats(-50.0, 150.0), max_size=30),
       horizon=st.floats(1.0, 60.0), eta=st.floats(1e-4, 1e-2), gamma_share=st.floats(0, 0.9))
@settings(max_examples=200, deadline=None)
def test_expected_cost_matches_a_brute_force_sum(start, inner, horizon, eta, gamma_share):
    x = np.array([start, *inner, 0.0])  # any schedule, buying back allowed
    tau = horizon / (len(x) - 1)
    gamma = gamma_share * 2 * eta / tau
    cost = execution.schedule_cost(x, horizon, 0.01, eta, gamma)
    assert cost.expected_usd_bn == pytest.approx(
        _simulated_shortfall(x, tau, eta, gamma), rel=1e-9, abs=1e-9)
    assert cost.variance_usd_bn2 == pytest.approx(1e-4 * tau * np.sum(x[1:] ** 2))


# ------------------------------------------------------------------------------ properties


@given(params)
@settings(max_examples=200, deadline=None)
def test_the_trajectory_starts_at_the_total_and_ends_at_zero(p) -> None:
    total, n, horizon, sigma, eta, gamma, lam = _unpack(p)
    x = execution.optimal_trajectory(total, n, horizon, sigma, eta, gamma, lam)
    assert x.shape == (n + 1,)
    assert x[0] == pytest.approx(total)
    assert x[-1] == 0.0
    assert np.sum(-np.diff(x)) == pytest.approx(total)
    assert np.all(np.diff(x) <= 1e-12 * max(total, 1.0))  # a seller never buys back
    assert np.all(np.isfinite(x))


@given(params)
@settings(max_examples=200, deadline=None)
def test_the_optimal_schedule_beats_even_and_fire_sales(p) -> None:
    total, n, horizon, sigma, eta, gamma, lam = _unpack(p)
    args = (horizon, sigma, eta, gamma, lam)
    best = _objective(execution.optimal_trajectory(total, n, horizon, sigma, eta, gamma, lam),
                      *args)
    for other in (execution.even_trajectory(total, n), execution.fire_sale(total, n)):
        assert best <= _objective(other, *args) * (1 + 1e-9) + 1e-12


@given(params, st.lists(st.floats(0.0, 1.0), min_size=1, max_size=39))
@settings(max_examples=200, deadline=None)
def test_the_optimal_schedule_beats_any_selling_schedule(p, cuts) -> None:
    total, n, horizon, sigma, eta, gamma, lam = _unpack(p)
    inner = np.sort(np.array(cuts[: n - 1]))[::-1] * total  # decreasing holdings in [0, X]
    inner = np.r_[inner, np.zeros(max(0, n - 1 - len(inner)))]
    other = np.r_[total, inner, 0.0]
    args = (horizon, sigma, eta, gamma, lam)
    best = _objective(execution.optimal_trajectory(total, n, horizon, sigma, eta, gamma, lam),
                      *args)
    assert best <= _objective(other, *args) * (1 + 1e-9) + 1e-12


def test_it_tends_to_the_even_schedule_as_risk_aversion_goes_to_zero() -> None:
    even = execution.even_trajectory(100.0, 20)
    gaps = [np.max(np.abs(execution.optimal_trajectory(100.0, 20, 20.0, 0.01, 1e-4, 1e-5,
                                                       lam) - even))
            for lam in (1.0, 1e-2, 1e-4, 1e-6, 1e-10)]
    assert all(a > b for a, b in zip(gaps, gaps[1:], strict=False))
    assert gaps[-1] < 1e-6
    # exactly 0 is the limit itself, with no division by zero
    np.testing.assert_array_equal(
        execution.optimal_trajectory(100.0, 20, 20.0, 0.01, 1e-4, 1e-5, 0.0), even)
    np.testing.assert_array_equal(
        execution.optimal_trajectory(100.0, 20, 20.0, 0.0, 1e-4, 1e-5, 5.0), even)


def test_a_huge_risk_aversion_gives_a_fire_sale_without_overflow() -> None:
    x = execution.optimal_trajectory(100.0, 20, 20.0, 0.5, 1e-9, 0.0, 1e6)
    assert np.all(np.isfinite(x))
    np.testing.assert_allclose(x, execution.fire_sale(100.0, 20), atol=1e-6)


def test_the_frontier_trades_cost_for_risk() -> None:
    lams = np.array([0.0, 1e-3, 1e-2, 1e-1, 1.0])
    front = execution.efficient_frontier(100.0, 20, 20.0, 0.003, 6e-6, 3e-6, lams[::-1])
    np.testing.assert_array_equal(front.risk_aversion, lams)
    assert np.all(np.diff(front.expected_usd_bn) > 0)
    assert np.all(np.diff(front.variance_usd_bn2) < 0)
    even = execution.schedule_cost(execution.even_trajectory(100.0, 20), 20.0, 0.003, 6e-6,
                                   3e-6)
    assert front.expected_usd_bn[0] == pytest.approx(even.expected_usd_bn)
    np.testing.assert_allclose(front.std_usd_bn, np.sqrt(front.variance_usd_bn2))


# ------------------------------------------------------------------------------ bad input


@pytest.mark.parametrize("name, value, text", [
    ("total_usd_bn", -1.0, "between 0 and 100000 USD billions"),
    ("periods", 0, "between 1 and 10000"),
    ("periods", 2.5, "whole number"),
    ("horizon_days", 0.0, "more than 0"),
    ("risk_aversion", -0.1, "between 0 and 1e\\+06 per USD billion"),
    ("sigma", -0.1, "between 0 and 1"),
    ("eta", 0.0, "more than 0"),
    ("eta", 0.001, "more than gamma x tau / 2"),  # gamma 0.01, tau 1: eta_tilde = -0.004
    ("gamma", -0.01, "between 0 and 1"),
])
def test_bad_input_names_the_argument_and_its_range(name, value, text) -> None:
    kwargs = {"total_usd_bn": 10.0, "periods": 5, "horizon_days": 5.0, "sigma": 0.01,
              "eta": 0.1, "gamma": 0.01, "risk_aversion": 0.1, name: value}
    with pytest.raises(ValueError, match=rf"^{name} must .*{text}"):
        execution.optimal_trajectory(**kwargs)


def test_bad_schedules_are_refused() -> None:
    with pytest.raises(ValueError, match="^trajectory_usd_bn must end at 0"):
        execution.schedule_cost([10.0, 5.0], 2.0, **PARAMS)
    with pytest.raises(ValueError, match="^trajectory_usd_bn must be the holdings"):
        execution.schedule_cost([10.0], 2.0, **PARAMS)
    with pytest.raises(ValueError, match="^trajectory_usd_bn must start"):
        execution.schedule_cost([-10.0, 0.0], 2.0, **PARAMS)
    with pytest.raises(ValueError, match="^eta must be more than gamma"):
        execution.schedule_cost([10.0, 0.0], 2.0, sigma=0.1, eta=0.001, gamma=0.01)
    with pytest.raises(ValueError, match="^window_start must be a date"):
        execution.ten_year_volatility_bp(2021)
    with pytest.raises(ValueError, match="^window_start and window_end must span"):
        execution.ten_year_volatility_bp("2025-12-01", "2025-12-05")


# ------------------------------------------------------------------------------ Treasuries


def test_treasury_parameters_follow_chapter_02() -> None:
    now = market.today()
    p = execution.treasury_parameters("central", duration_years=5.0)
    points = 100.0 * 5.0 / (now.marketable_debt_usd_bn * now.market_duration_years)
    assert p.points_per_usd_bn == pytest.approx(points)
    assert p.gamma == pytest.approx(2.2 * points * 5.0 / 10_000)
    kappa = market.CALIBRATIONS["central"].impulse_bp_per_pp
    assert p.eta == pytest.approx((kappa + 2.2) / 2 * points * 5.0 / 10_000)
    assert p.eta - p.gamma / 2 == pytest.approx(kappa / 2 * points * 5.0 / 10_000)
    assert p.sigma == pytest.approx(p.yield_volatility_bp * 5.0 / 10_000)
    # the 10-year's daily volatility over 2021-2025 in the shipped H.15 data: about 6.2bp
    assert 5.5 < p.yield_volatility_bp < 7.0
    # per USD billion sold at the market's duration: 1 / 30,170 of the market = 0.0033 points
    assert execution.treasury_parameters().points_per_usd_bn == pytest.approx(
        100.0 / now.marketable_debt_usd_bn)


def test_treasury_calibrations_are_ordered_and_keep_eta_tilde_positive() -> None:
    low, central, high = (execution.treasury_parameters(c) for c in ("low", "central", "high"))
    assert low.gamma < central.gamma < high.gamma
    assert low.eta < central.eta < high.eta
    for p in (low, central, high):
        assert p.eta - p.gamma / 2 > 0  # one-day periods


@pytest.mark.parametrize("calibration", ["low", "central", "high"])
def test_a_fire_sale_costs_what_chapter_02_says(calibration) -> None:
    # one day: no decay to disagree about, so the two models give the same shortfall
    p = execution.treasury_parameters(calibration, duration_years=5.0)
    fire = execution.schedule_cost(execution.fire_sale(118.55, 1), 1.0, p.sigma, p.eta,
                                   p.gamma)
    ch02 = holder.sale_cost(1185.5, 10.0, 1, calibration, duration_years=5.0)
    assert fire.expected_usd_bn == pytest.approx(ch02.shortfall_usd_bn, rel=1e-9)
    # over 20 days chapter 02's short run lingers (half-life 10-40 days): it costs more than
    # the model's even sale, whose temporary impact is gone each next day
    even = execution.schedule_cost(execution.even_trajectory(118.55, 20), 20.0, p.sigma,
                                   p.eta, p.gamma)
    slow = holder.sale_cost(1185.5, 10.0, 20, calibration, duration_years=5.0)
    assert even.expected_usd_bn < slow.shortfall_usd_bn < fire.expected_usd_bn


def test_gradual_selling_saves_the_temporary_cost_not_the_permanent_one() -> None:
    p = execution.treasury_parameters("central")
    args = (20.0, p.sigma, p.eta, p.gamma)
    fire = execution.schedule_cost(execution.fire_sale(118.55, 20), *args)
    even = execution.schedule_cost(execution.even_trajectory(118.55, 20), *args)
    best = execution.schedule_cost(
        execution.optimal_trajectory(118.55, 20, *args, risk_aversion=0.01), *args)
    assert fire.permanent_usd_bn == pytest.approx(even.permanent_usd_bn)
    assert best.permanent_usd_bn == pytest.approx(even.permanent_usd_bn)
    assert even.temporary_usd_bn == pytest.approx(fire.temporary_usd_bn / 20)
    assert even.expected_usd_bn < best.expected_usd_bn < fire.expected_usd_bn
    assert fire.variance_usd_bn2 < best.variance_usd_bn2 < even.variance_usd_bn2


def test_the_upper_bound_quoted_for_japan() -> None:
    # 10% of Japan's latest holdings over 20 days, central, the market's duration: the model's
    # even sale costs about a third of the fire sale, chapter 02's about 90% (the docstring)
    held = market.holder_holdings_usd_bn("japan")[1]
    sold = held / 10
    p = execution.treasury_parameters("central")
    fire = execution.schedule_cost(execution.fire_sale(sold, 1), 1.0, p.sigma, p.eta, p.gamma)
    even = execution.schedule_cost(execution.even_trajectory(sold, 20), 20.0, p.sigma, p.eta,
                                   p.gamma)
    assert 0.30 < even.expected_usd_bn / fire.expected_usd_bn < 0.40
    ch02 = holder.sale_cost(held, 10.0, 20).shortfall_usd_bn / holder.sale_cost(
        held, 10.0, 1).shortfall_usd_bn
    assert 0.85 < ch02 < 0.92
