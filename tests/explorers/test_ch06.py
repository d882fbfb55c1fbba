"""Chapter 06's explorer (QEExplorer) through ``update``, and the model test of issue 12: Fed
purchases of the same size in 10-year equivalents cancel a sale's lasting impact."""

import numpy as np
import pytest

from lessons_lib import market
from lessons_lib.explorers.ch06 import (
    GOAL_LASTING_BP,
    HORIZON_DAYS,
    QEExplorer,
    band_in_ten_year_equivalents,
    lasting_bp,
    qe_schedules,
)


@pytest.mark.parametrize("sale_usd_bn", [10.0, 593.0, 1186.0])
@pytest.mark.parametrize("delay_days, purchase_days", [(0, 21), (0, 5), (21, 21), (60, 40)])
@pytest.mark.parametrize("calibration", ["low", "central", "high"])
def test_purchases_of_the_same_size_cancel_the_lasting_impact(sale_usd_bn, delay_days,
                                                              purchase_days, calibration):
    plan = qe_schedules(sale_usd_bn, 100.0, delay_days, purchase_days=purchase_days)
    duration = market.today().ten_year_duration_years
    parts = market.impact_parts(plan.net, calibration, seller_duration_years=duration)
    alone = market.impact_parts(plan.sale, calibration, seller_duration_years=duration)
    assert parts.lasting_bp[-1] == pytest.approx(0.0, abs=1e-9)
    assert alone.lasting_bp[-1] > 0
    if delay_days == 0 and purchase_days == 21:  # the same days: nothing moves at all
        assert np.allclose(parts.total_bp, 0.0, atol=1e-9)
    # the short run fades: after a year only a sliver is left
    assert abs(parts.total_bp[-1]) < 0.05 * alone.total_bp.max()


@pytest.mark.parametrize("purchases_pct", [0.0, 25.0, 50.0, 90.0, 150.0])
def test_the_lasting_rise_falls_in_proportion_to_the_purchases(purchases_pct):
    plan = qe_schedules(593.0, purchases_pct)
    without = lasting_bp(plan.sale)
    with_fed = lasting_bp(plan.net)
    for name in ("low", "central", "high"):
        assert with_fed[name] == pytest.approx(without[name] * (1 - purchases_pct / 100))


def test_the_purchases_are_duration_matched():
    today = market.today()
    plan = qe_schedules(593.0, 100.0)
    assert plan.purchases_usd_bn == pytest.approx(
        593.0 * today.market_duration_years / today.ten_year_duration_years)
    # the sale in 10-year equivalents gives the same band as the face value at its duration
    face = market.impact_band(market.even_schedule(593.0, 21), horizon_days=HORIZON_DAYS)
    teq = band_in_ten_year_equivalents(plan.sale)
    assert np.allclose(face.high_bp, teq.high_bp)


@pytest.mark.parametrize("bad", [
    {"sale_usd_bn": -1.0}, {"purchases_pct": -5.0}, {"delay_days": 1.5},
    {"delay_days": 240}, {"sale_days": 0},
])
def test_bad_arguments_are_named(bad):
    args = {"sale_usd_bn": 100.0, "purchases_pct": 50.0, **bad}
    with pytest.raises(ValueError, match=next(iter(bad)) if "delay_days" not in bad
                       or bad["delay_days"] != 240 else "horizon_days"):
        qe_schedules(**args)


def test_readout_gives_both_bands_and_the_goal():
    explorer = QEExplorer()
    text = explorer.update(share_sold_pct=50.0, purchases_pct=0.0, delay_days=0)
    plan = explorer.schedules(50.0, 0.0, 0)
    band = band_in_ten_year_equivalents(plan.sale)
    assert f"peak {band.central_bp.max():.1f}bp" in text
    assert f"high {band.high_bp.max():.1f}" in text and "not yet" in text
    text = explorer.update(purchases_pct=90.0)
    assert "met" in text and lasting_bp(explorer.schedules(50.0, 90.0, 0).net)["high"] < 5
    assert lasting_bp(explorer.schedules(50.0, 85.0, 0).net)["high"] >= GOAL_LASTING_BP
    assert np.allclose(explorer.without_high.get_ydata(), band.high_bp)


def test_axes_stay_fixed_and_off_chart_paths_are_said():
    explorer = QEExplorer()
    limits = (explorer.ax.get_xlim(), explorer.ax.get_ylim())
    text = explorer.update(share_sold_pct=100.0, purchases_pct=150.0, delay_days=60)
    assert (explorer.ax.get_xlim(), explorer.ax.get_ylim()) == limits
    assert "off the chart" in text and len(explorer.marker.get_xdata()) == 1
    assert "below where they started" in text
    text = explorer.update(share_sold_pct=50.0, purchases_pct=100.0, delay_days=0)
    assert "off the chart" not in text and len(explorer.marker.get_xdata()) == 0
    assert np.allclose(explorer.central.get_ydata(), 0.0, atol=1e-9)
