"""Chapter 03's explorer: the curve moved, the mix chosen, the interest on $100B read out."""

import numpy as np
import pytest

from lessons_lib import curve, data
from lessons_lib.explorers import CurveCostExplorer


@pytest.fixture(scope="module")
def explorer():
    return CurveCostExplorer()


def test_the_readout_gives_the_models_costs(explorer):
    text = explorer.update(shift_bp=100.0, steepen_bp=0.0, bills_share_pct=100.0)
    today = curve.fit_row(data.load("yield_curve_daily").iloc[-1]).curve
    bills = curve.issuance_cost(curve.shift(today, 100.0), *curve.mix_by_kind(1, 0, 0))
    assert f"${bills.first_year_usd_bn:.2f}B in the first year" in text
    assert "(+1.00B against today's curve)" in text and "(+10.0B)" in text
    assert "100% bills, 0% notes and 0% bonds" in text


def test_the_defaults_are_todays_curve(explorer):
    text = explorer.update(shift_bp=0.0, steepen_bp=0.0, bills_share_pct=20.0)
    assert "(+0.00B against today's curve)" in text
    assert np.allclose(explorer.line.get_ydata(),
                       100 * np.asarray(explorer.today.yield_at(explorer.maturities)))


def test_steepening_moves_the_long_end_up_and_the_short_end_down(explorer):
    explorer.update(shift_bp=0.0, steepen_bp=100.0, bills_share_pct=20.0)
    moved = explorer.line.get_ydata() - 100 * np.asarray(explorer.today.yield_at(
        explorer.maturities))
    assert moved[0] < 0 < moved[-1]
    assert float(np.interp(10.0, explorer.maturities, moved)) == pytest.approx(1.0, abs=0.01)


def test_the_axes_stay_fixed_and_hold_every_curve(explorer):
    limits = (explorer.ax.get_xlim(), explorer.ax.get_ylim())
    for shift in (-200.0, 300.0):
        for steepen in (-150.0, 150.0):
            explorer.update(shift_bp=shift, steepen_bp=steepen, bills_share_pct=0.0)
            y = explorer.line.get_ydata()
            assert limits[1][0] <= y.min() and y.max() <= limits[1][1]
    assert (explorer.ax.get_xlim(), explorer.ax.get_ylim()) == limits


# --- the tangent line ----------------------------------------------------------------------

from lessons_lib import bonds  # noqa: E402
from lessons_lib.explorers import DurationExplorer  # noqa: E402


@pytest.fixture(scope="module")
def tangent():
    return DurationExplorer()


def test_the_tangent_readout_gives_the_models_prices(tangent):
    text = tangent.update(maturity_years=10, yield_change_bp=124.0)
    note = bonds.Bond(coupon_rate=0.03, maturity_years=10)
    change = bonds.price_change(note, 0.03, 0.0124)
    assert f"price ${100 + change.exact:.2f} (exact)" in text and "$89.98" in text
    assert f"${100 + change.duration:.2f}, off by ${change.duration - change.exact:+.2f}" in text
    assert "to 4.24% (+124 bp)" in text


def test_the_tangent_touches_the_curve_at_the_start_and_lies_below_it(tangent):
    tangent.update(maturity_years=30, yield_change_bp=300.0)
    x = tangent.exact.get_xdata()
    gap = tangent.exact.get_ydata() - tangent.tangent.get_ydata()
    assert float(np.interp(3.0, x, gap)) == pytest.approx(0.0, abs=1e-9)
    assert np.all(gap >= -1e-9)
    assert tangent.dots.get_xdata()[0] == pytest.approx(6.0)


def test_the_tangent_axes_stay_fixed(tangent):
    limits = (tangent.ax.get_xlim(), tangent.ax.get_ylim())
    for years in (1, 30):
        for bp in (-200.0, 600.0):
            tangent.update(maturity_years=years, yield_change_bp=bp)
    assert (tangent.ax.get_xlim(), tangent.ax.get_ylim()) == limits
