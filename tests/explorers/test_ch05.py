"""Chapter 05's explorer (HolderReturnExplorer), driven through ``update`` without a browser."""

import numpy as np
import pytest

from lessons_lib import holder, market
from lessons_lib.explorers.ch05 import RETURN_AXIS_PCT, YEN_AXIS_PCT, HolderReturnExplorer

RATES = holder.latest_rates()


def model(shock_bp: float, move_pct: float) -> holder.YenReturn:
    return holder.yen_return(RATES.ten_year_yield, shock_bp, move_pct, RATES.usd_short_rate,
                             RATES.jpy_short_rate)


def test_readout_gives_the_models_returns_and_parts():
    explorer = HolderReturnExplorer()
    text = explorer.update(yield_shock_bp=50.0, jpy_per_usd_change_pct=-5.0)
    r = model(50.0, -5.0)
    assert f"Unhedged: {100 * r.unhedged:+.2f}% in yen" in text
    assert f"price {100 * r.price_change:+.2f}" in text
    assert f"Hedged: {100 * r.hedged:+.2f}%" in text
    assert f"the hedge {100 * r.hedge:+.2f}% over the year" in text
    assert f"at {100 * RATES.ten_year_yield:.2f}%" in text
    held = market.holder_holdings_usd_bn("japan")[1]
    yen_tn = held * RATES.jpy_per_usd / 1000
    assert f"a loss of ¥{abs(yen_tn * r.unhedged):,.2f} trillion unhedged" in text
    assert np.allclose(explorer.unhedged.get_ydata(), 100 * model(50.0, np.array(YEN_AXIS_PCT))
                       .unhedged)


def test_the_hedged_line_is_flat_and_the_unhedged_rises_with_a_weaker_yen():
    explorer = HolderReturnExplorer()
    explorer.update(yield_shock_bp=-100.0)
    hedged = explorer.hedged.get_ydata()
    unhedged = explorer.unhedged.get_ydata()
    assert hedged[0] == hedged[-1]
    assert unhedged[-1] > unhedged[0]


def test_no_shocks_give_the_carry_and_the_hedged_carry():
    text = HolderReturnExplorer().update(yield_shock_bp=0.0, jpy_per_usd_change_pct=0.0)
    assert f"Unhedged: {100 * RATES.ten_year_yield:+.2f}% in yen" in text
    r = model(0.0, 0.0)
    assert r.hedged < r.unhedged  # dollar rates above yen rates: the hedge costs
    assert f"Hedged: {100 * r.hedged:+.2f}%" in text


def test_the_goal_can_be_reached_on_the_sliders():
    # the yen move that wipes out a year of unhedged carry lies inside the yen slider
    breakeven_pct = 100 * (1 / (1 + RATES.ten_year_yield) - 1)
    assert YEN_AXIS_PCT[0] < breakeven_pct < 0
    assert model(0.0, np.floor(breakeven_pct)).unhedged < 0 < model(
        0.0, np.ceil(breakeven_pct)).unhedged
    # the yield rise that wipes out a year of hedged carry lies inside the yield slider
    assert model(0.0, 0.0).hedged > 0 > model(200.0, 0.0).hedged


@pytest.mark.parametrize("shock, move", [(-200.0, 20.0), (200.0, -20.0), (-200.0, -20.0),
                                         (200.0, 20.0)])
def test_every_setting_stays_on_the_fixed_axes(shock, move):
    explorer = HolderReturnExplorer()
    limits = (explorer.ax.get_xlim(), explorer.ax.get_ylim())
    explorer.update(yield_shock_bp=shock, jpy_per_usd_change_pct=move)
    assert (explorer.ax.get_xlim(), explorer.ax.get_ylim()) == limits
    for line in (explorer.unhedged, explorer.hedged):
        y = line.get_ydata()
        assert RETURN_AXIS_PCT[0] < y.min() and y.max() < RETURN_AXIS_PCT[1]
