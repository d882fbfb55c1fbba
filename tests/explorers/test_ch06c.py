"""Chapter 06c's explorer (ReservePortfolioExplorer), driven through ``update`` without a
browser."""

import itertools
import time

import numpy as np
import pytest

from lessons_lib import market, reserves
from lessons_lib.exercises import ch06c as exercises
from lessons_lib.explorers.ch06c import (
    DURATION,
    FLOOR,
    RETURN_AXIS_PCT,
    SALE_DAYS,
    START_YEAR,
    VOLATILITY_AXIS_PCT,
    ReservePortfolioExplorer,
    lasting_bp,
)

MONTH, HELD = market.holder_holdings_usd_bn("japan")
CALS = ("low", "central", "high")


def least_variance(floor: float, start_year: int = 2000, duration: float = 8.0):
    e = reserves.estimates(duration, f"{start_year}-01-01")
    w = reserves.min_variance_weights(e.covariance, floor)
    return w, 100 * float(np.sqrt(w @ e.covariance @ w))


def test_readout_gives_the_weights_the_volatility_and_the_sale():
    explorer = ReservePortfolioExplorer()
    text = explorer.update(treasury_floor_pct=50.0, start_year=2000, duration_years=8.0)
    w, vol = least_variance(0.5)
    _, free = least_variance(0.0)
    assert "Treasuries 50%, Bunds 0%, JGBs 50%, gold 0%" in text
    assert f"volatility {vol:.2f}% a year, against {free:.2f}% with no floor" in text
    moved = HELD * (1 - w[0])
    assert f"${moved:,.0f} billion would leave Treasuries" in text
    assert f"Japan's ${HELD:,.1f} billion of Treasuries ({MONTH:%b %Y})" in text
    assert "Feb 2000 to Jul 2025" in text


def test_the_weights_match_the_library_across_the_sliders():
    explorer = ReservePortfolioExplorer()
    for floor, year, duration in ((0.0, 2000, 8.0), (30.0, 2013, 4.0), (75.0, 2020, 10.0)):
        weights, vol = explorer.least_variance(floor, year, duration)
        w, v = least_variance(floor / 100, year, duration)
        assert np.allclose(weights, w, atol=2e-3) and vol == pytest.approx(v, abs=0.01)
        assert weights[0] >= floor / 100 - 1e-9 and weights.sum() == pytest.approx(1.0)


def test_the_price_of_the_sale_is_chapter_02s_band():
    for amount in (100.0, 592.75):
        expected = [market.impact_parts(market.even_schedule(amount, SALE_DAYS), c,
                                        horizon_days=250).lasting_bp[-1] for c in CALS]
        assert np.allclose(lasting_bp(amount), expected, rtol=1e-9)
    low, central, high = lasting_bp(HELD * 0.5)
    text = ReservePortfolioExplorer().update(treasury_floor_pct=50.0)
    assert f"{low:.1f} to {high:.1f} bp higher for good (central {central:.1f})" in text


def test_a_full_floor_moves_nothing():
    text = ReservePortfolioExplorer().update(treasury_floor_pct=100.0)
    assert "Treasuries 100%" in text and "$0 billion would leave Treasuries" in text


def test_the_no_floor_baseline_and_the_floor_frontier_are_drawn():
    explorer = ReservePortfolioExplorer()
    explorer.update(treasury_floor_pct=50.0, start_year=2000, duration_years=8.0)
    e = reserves.estimates()
    free = reserves.efficient_frontier(e.expected_returns, e.covariance, 0.0, 25)
    assert np.allclose(explorer.free_line.get_xdata(), 100 * free.volatilities, atol=1e-3)
    floor_x = np.asarray(explorer.floor_line.get_xdata())
    assert floor_x.min() > np.min(100 * free.volatilities)  # the floor costs risk at the low end
    assert np.allclose(explorer.assets.get_xdata(), 100 * e.volatilities)


def test_the_goal_is_the_exercise_and_can_be_reached_on_the_slider():
    explorer = ReservePortfolioExplorer()
    floors = np.arange(FLOOR.low, FLOOR.high + FLOOR.step / 2, FLOOR.step)
    _, free = explorer.least_variance(0.0, 2000, 8.0)
    gaps = [explorer.least_variance(f, 2000, 8.0)[1] - free for f in floors]
    reached = max(f for f, g in zip(floors, gaps, strict=True) if g <= 1.0)
    assert reached == exercises.FLOOR_PCT == 40
    assert 0 < reached < FLOOR.high and np.all(np.diff(gaps) >= -1e-6)
    text = explorer.update(treasury_floor_pct=float(reached), start_year=2000,
                           duration_years=8.0)
    assert f"({gaps[int(reached // 5)]:+.2f} points; goal: within 1)" in text


def test_an_update_is_quick_once_the_window_is_cached():
    explorer = ReservePortfolioExplorer()
    explorer.update(treasury_floor_pct=35.0)
    times = []
    for floor in (40.0, 45.0, 40.0, 45.0, 40.0):
        start = time.perf_counter()
        explorer.update(treasury_floor_pct=floor)
        times.append(time.perf_counter() - start)
    assert min(times) < 0.1  # the course's target is 150 ms in the browser


@pytest.mark.parametrize("values", list(itertools.product(
    *((c.low, c.high) for c in (FLOOR, START_YEAR, DURATION)))))
def test_every_setting_stays_on_the_fixed_axes(values):
    explorer = ReservePortfolioExplorer()
    limits = (explorer.ax.get_xlim(), explorer.ax.get_ylim())
    explorer.update(**dict(zip(("treasury_floor_pct", "start_year", "duration_years"), values,
                               strict=True)))
    assert (explorer.ax.get_xlim(), explorer.ax.get_ylim()) == limits == (VOLATILITY_AXIS_PCT,
                                                                         RETURN_AXIS_PCT)
    for line in (explorer.free_line, explorer.floor_line, explorer.assets):
        x, y = np.asarray(line.get_xdata()), np.asarray(line.get_ydata())
        assert x.min() >= VOLATILITY_AXIS_PCT[0] and x.max() <= VOLATILITY_AXIS_PCT[1]
        assert y.min() >= RETURN_AXIS_PCT[0] and y.max() <= RETURN_AXIS_PCT[1]


def test_every_window_and_duration_fits_the_axes():
    for year in range(START_YEAR.low, START_YEAR.high + 1):
        for duration in np.arange(DURATION.low, DURATION.high + 0.5, DURATION.step):
            e = reserves.estimates(float(duration), f"{year}-01-01")
            assert 100 * e.volatilities.max() < VOLATILITY_AXIS_PCT[1]
            assert RETURN_AXIS_PCT[0] < 100 * e.expected_returns.min()
            assert 100 * e.expected_returns.max() < RETURN_AXIS_PCT[1]
