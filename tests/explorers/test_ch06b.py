"""Chapter 06b's explorer (ExecutionExplorer), driven through ``update`` without a browser."""

import itertools

import numpy as np
import pytest

from lessons_lib import execution, market
from lessons_lib.explorers.ch06b import (
    CALIBRATION,
    DAYS,
    GOAL_DAYS,
    HOLDINGS_AXIS_PCT,
    MAX_DAYS,
    RISK_AVERSION,
    ExecutionExplorer,
)

SALE = float(market.holder_sale_usd_bn("japan", 50))


def costs(days: int, lam: float, calibration: str) -> dict[str, execution.ScheduleCost]:
    p = execution.treasury_parameters(calibration)
    paths = {"fire": execution.fire_sale(SALE, days), "even": execution.even_trajectory(SALE, days),
             "optimal": execution.optimal_trajectory(SALE, days, days, p.sigma, p.eta, p.gamma,
                                                     lam)}
    return {k: execution.schedule_cost(x, days, p.sigma, p.eta, p.gamma) for k, x in paths.items()}


def test_readout_gives_the_models_costs_for_each_schedule():
    explorer = ExecutionExplorer()
    text = explorer.update(days_to_sell=30, log10_risk_aversion=-1.0, calibration=3)
    c = costs(30, 0.1, "high")
    for key, label in (("fire", "fire sale"), ("even", "even"), ("optimal", "optimal")):
        assert f"{label} {c[key].expected_usd_bn:.2f} (sd {c[key].std_usd_bn:.2f})" in text
    assert f"permanent part, ${c['fire'].permanent_usd_bn:.2f} billion" in text
    assert "high calibration" in text and "over 30 trading days" in text


def test_the_lines_show_the_schedules_as_shares_of_the_sale():
    explorer = ExecutionExplorer()
    explorer.update(days_to_sell=10, log10_risk_aversion=0.0, calibration=2)
    p = execution.treasury_parameters("central")
    optimal = execution.optimal_trajectory(SALE, 10, 10, p.sigma, p.eta, p.gamma, 1.0)
    assert np.allclose(explorer.optimal_line.get_ydata(), 100 * optimal / SALE)
    assert np.allclose(explorer.even_line.get_ydata(), np.linspace(100, 0, 11))
    assert list(explorer.even_line.get_xdata()) == list(range(11))


def test_the_lasting_rise_is_chapter_02s_and_the_same_for_every_schedule():
    explorer = ExecutionExplorer()
    lasting = market.impact_parts(market.even_schedule(SALE, 20), "central",
                                  horizon_days=60).lasting_bp[-1]
    assert explorer.lasting_bp(2) == pytest.approx(lasting)
    for days in (DAYS.low, DAYS.high):
        assert f"{lasting:.1f} bp higher for good" in explorer.update(days_to_sell=days,
                                                                     calibration=2)


def test_the_goal_can_be_reached_on_the_sliders():
    explorer = ExecutionExplorer()
    steps = np.arange(RISK_AVERSION.low, RISK_AVERSION.high + RISK_AVERSION.step / 2,
                      RISK_AVERSION.step)
    sold = np.array([100 - 100 * explorer.schedules(20, s, 2)["optimal"][GOAL_DAYS] / SALE
                     for s in steps])
    best = int(np.argmin(np.abs(sold - 50)))
    assert 0 < best < len(steps) - 1 and abs(sold[best] - 50) < 3
    assert sold[0] < 15 and sold[-1] > 85  # the slider spans from slow to nearly a fire sale
    text = explorer.update(days_to_sell=20, log10_risk_aversion=float(steps[best]))
    assert f"sells {sold[best]:.0f}% in the first two days" in text


def test_a_more_risk_averse_seller_sells_faster_and_pays_more():
    explorer = ExecutionExplorer()
    low = explorer.costs(20, -3.0, 2)["optimal"]
    high = explorer.costs(20, 0.0, 2)["optimal"]
    assert high.expected_usd_bn > low.expected_usd_bn and high.std_usd_bn < low.std_usd_bn


def test_the_amount_can_be_changed_and_bad_ones_are_refused():
    text = ExecutionExplorer(total_usd_bn=100.0).update()
    assert "Selling $100.00 billion" in text
    with pytest.raises(ValueError, match="total_usd_bn"):
        ExecutionExplorer(total_usd_bn=-5.0)


@pytest.mark.parametrize("values", list(itertools.product(
    *((c.low, c.high) for c in (DAYS, RISK_AVERSION, CALIBRATION)))))
def test_every_setting_stays_on_the_fixed_axes(values):
    explorer = ExecutionExplorer()
    limits = (explorer.ax.get_xlim(), explorer.ax.get_ylim())
    explorer.update(**dict(zip(("days_to_sell", "log10_risk_aversion", "calibration"), values,
                               strict=True)))
    assert (explorer.ax.get_xlim(), explorer.ax.get_ylim()) == limits == ((0, MAX_DAYS),
                                                                         HOLDINGS_AXIS_PCT)
    for line in (explorer.even_line, explorer.optimal_line):
        y = np.asarray(line.get_ydata())
        assert y.min() >= 0 and y.max() <= HOLDINGS_AXIS_PCT[1]
        assert np.asarray(line.get_xdata()).max() <= MAX_DAYS
