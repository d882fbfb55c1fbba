"""Reserve diversification as a mean-variance portfolio (lessons_lib.reserves): the yen returns
against the shipped data, a two-asset case by hand, the constraints (Hypothesis), bad input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lessons_lib import data, reserves

# ------------------------------------------------------------------------------ returns


def test_yen_returns_follow_the_formulas_in_one_month() -> None:
    rates, fx = data.load("global_rates"), data.load("fx_monthly")
    returns = reserves.yen_returns(duration_years=8.0)
    month, before = pd_month("2010-06-30"), pd_month("2010-05-31")
    yen = fx.loc[month, "jpy_per_usd"] / fx.loc[before, "jpy_per_usd"]
    us = rates.loc[before, "us_10y_pct"] / 1200 - 8.0 * (
        rates.loc[month, "us_10y_pct"] - rates.loc[before, "us_10y_pct"]) / 100
    assert returns.loc[month, "treasuries"] == pytest.approx((1 + us) * yen - 1)
    jp = rates.loc[before, "jp_10y_pct"] / 1200 - 8.0 * (
        rates.loc[month, "jp_10y_pct"] - rates.loc[before, "jp_10y_pct"]) / 100
    assert returns.loc[month, "jgbs"] == pytest.approx(jp)
    euro = (fx.loc[month, "jpy_per_usd"] * rates.loc[month, "usd_per_eur"]) / (
        fx.loc[before, "jpy_per_usd"] * rates.loc[before, "usd_per_eur"])
    de = rates.loc[before, "de_10y_pct"] / 1200 - 8.0 * (
        rates.loc[month, "de_10y_pct"] - rates.loc[before, "de_10y_pct"]) / 100
    assert returns.loc[month, "bunds"] == pytest.approx((1 + de) * euro - 1)
    gold = rates["gold_usd_per_troy_oz"]
    assert returns.loc[month, "gold"] == pytest.approx(gold[month] / gold[before] * yen - 1)


def pd_month(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def test_the_window_and_the_estimates() -> None:
    est = reserves.estimates()
    # February 2000 (the first change) to July 2025 (where the shipped euro series stops)
    assert (est.first_month, est.last_month) == (pd_month("2000-02-29"), pd_month("2025-07-31"))
    assert est.months == 306
    returns = reserves.yen_returns()
    np.testing.assert_allclose(est.expected_returns, 12 * returns.mean().to_numpy())
    np.testing.assert_allclose(est.volatilities, np.sqrt(12 * returns.var().to_numpy()))
    # JGBs are the calmest in yen (no currency risk), gold the most volatile
    assert np.argmin(est.volatilities) == 2 and np.argmax(est.volatilities) == 3
    window = reserves.estimates(start_month="2013-04-30", end_month="2020-12-31")
    assert window.first_month == pd_month("2013-04-30") and window.months == 93


# ------------------------------------------------------------------------------ by hand


def test_two_asset_minimum_variance_by_hand() -> None:
    # w1 = (s2^2 - s12) / (s1^2 + s2^2 - 2 s12) = 0.04 / 0.05 = 0.8
    w = reserves.min_variance_weights([[0.01, 0.0], [0.0, 0.04]])
    np.testing.assert_allclose(w, [0.8, 0.2], atol=1e-6)
    # correlation 0.5, volatilities 10% and 20%: (0.04 - 0.01) / (0.05 - 0.02) = 1
    np.testing.assert_allclose(reserves.min_variance_weights([[0.01, 0.01], [0.01, 0.04]]),
                               [1.0, 0.0], atol=1e-6)
    # a floor above the free solution binds: 0.9 in Treasuries
    np.testing.assert_allclose(reserves.min_variance_weights([[0.01, 0.0], [0.0, 0.04]], 0.9),
                               [0.9, 0.1], atol=1e-9)
    # the other way round: the first asset the riskier one, 0.01 / 0.05 = 0.2
    np.testing.assert_allclose(reserves.min_variance_weights([[0.04, 0.0], [0.0, 0.01]]),
                               [0.2, 0.8], atol=1e-6)


def test_two_asset_frontier_by_hand() -> None:
    # with two assets the target return fixes the weights: w1 = (t - m2) / (m1 - m2)
    w = reserves.frontier_weights([0.03, 0.01], [[0.01, 0.0], [0.0, 0.04]], 0.025)
    np.testing.assert_allclose(w, [0.75, 0.25], atol=1e-7)
    front = reserves.efficient_frontier([0.03, 0.01], [[0.01, 0.0], [0.0, 0.04]], points=3)
    # from the minimum-variance portfolio (0.8, 0.2): return 0.026, volatility sqrt(0.008)
    assert front.expected_returns[0] == pytest.approx(0.026, abs=1e-7)
    assert front.volatilities[0] == pytest.approx(np.sqrt(0.008), abs=1e-7)
    assert front.expected_returns[-1] == pytest.approx(0.03, abs=1e-7)


# ------------------------------------------------------------------------------ properties


def _covariances(size: int):
    return arrays(float, (size, size), elements=st.floats(-0.3, 0.3)).map(
        lambda a: a @ a.T + 1e-4 * np.eye(size))


@given(st.integers(2, 5).flatmap(lambda n: st.tuples(
    _covariances(n), arrays(float, n, elements=st.floats(-0.05, 0.15)))),
    st.floats(0.0, 1.0), st.floats(0.0, 1.0))
@settings(max_examples=60, deadline=None)
def test_weights_sum_to_one_and_respect_the_floor(case, floor, where) -> None:
    cov, mu = case
    w = reserves.min_variance_weights(cov, floor)
    assert w.sum() == pytest.approx(1.0)
    assert np.all(w >= -1e-12) and w[0] >= floor - 1e-9
    lowest = floor * mu[0] + (1 - floor) * mu.min()
    highest = floor * mu[0] + (1 - floor) * mu.max()
    target = lowest + where * (highest - lowest)
    f = reserves.frontier_weights(mu, cov, target, floor)
    assert f.sum() == pytest.approx(1.0)
    assert np.all(f >= -1e-12) and f[0] >= floor - 1e-9
    assert f @ mu == pytest.approx(target, abs=1e-6)
    # no portfolio has less variance than the minimum-variance one
    assert w @ cov @ w <= f @ cov @ f + 1e-9


def test_the_frontier_from_the_data_with_the_liquidity_floor() -> None:
    est = reserves.estimates()
    front = reserves.efficient_frontier(est.expected_returns, est.covariance,
                                        reserves.LIQUIDITY_FLOOR, points=10)
    np.testing.assert_allclose(front.weights.sum(axis=1), 1.0)
    assert np.all(front.weights[:, 0] >= reserves.LIQUIDITY_FLOOR - 1e-9)
    assert np.all(np.diff(front.expected_returns) > 0)
    assert np.all(np.diff(front.volatilities) > -1e-9)  # efficient: more return, more risk
    free = reserves.min_variance_weights(est.covariance)
    floored = reserves.min_variance_weights(est.covariance, reserves.LIQUIDITY_FLOOR)
    # without a floor the least risky yen portfolio is mostly JGBs; the floor costs risk
    assert np.argmax(free) == 2
    assert free @ est.covariance @ free < floored @ est.covariance @ floored
    # each point is no riskier than a random portfolio with the same return and floor
    rng = np.random.default_rng(0)
    for _ in range(200):
        w = rng.dirichlet(np.ones(4)) * (1 - reserves.LIQUIDITY_FLOOR)
        w[0] += reserves.LIQUIDITY_FLOOR
        target = float(w @ est.expected_returns)
        if target < front.expected_returns[0]:
            continue
        best = reserves.frontier_weights(est.expected_returns, est.covariance, target,
                                         reserves.LIQUIDITY_FLOOR)
        assert best @ est.covariance @ best <= w @ est.covariance @ w + 1e-10


# ------------------------------------------------------------------------------ bad input


def test_bad_input_names_the_argument_and_its_range() -> None:
    cov = [[0.01, 0.0], [0.0, 0.04]]
    with pytest.raises(ValueError, match="^covariance must be a square matrix"):
        reserves.min_variance_weights([0.01, 0.04])
    with pytest.raises(ValueError, match="^covariance must be symmetric"):
        reserves.min_variance_weights([[0.01, 0.02], [0.0, 0.04]])
    with pytest.raises(ValueError, match="^covariance must be positive semi-definite"):
        reserves.min_variance_weights([[0.01, 0.05], [0.05, 0.01]])
    with pytest.raises(ValueError, match="^treasury_floor must be between 0 and 1"):
        reserves.min_variance_weights(cov, 1.5)
    with pytest.raises(ValueError, match="^expected_returns must hold one return per asset"):
        reserves.frontier_weights([0.03, 0.01, 0.02], cov, 0.02)
    with pytest.raises(ValueError, match="^target_return must be between 0.01 and 0.03"):
        reserves.frontier_weights([0.03, 0.01], cov, 0.05)
    with pytest.raises(ValueError, match="^target_return must be between 0.02 and 0.03"):
        reserves.frontier_weights([0.03, 0.01], cov, 0.015, treasury_floor=0.5)
    with pytest.raises(ValueError, match="^points must be a whole number"):
        reserves.efficient_frontier([0.03, 0.01], cov, points=2.5)
    with pytest.raises(ValueError, match="^duration_years must be between 0 and 30"):
        reserves.yen_returns(-1.0)
    with pytest.raises(ValueError, match="^start_month and end_month must span at least 24"):
        reserves.yen_returns(start_month="2024-01-31", end_month="2024-12-31")
    with pytest.raises(ValueError, match="^start_month must be a date"):
        reserves.estimates(start_month=2013)
