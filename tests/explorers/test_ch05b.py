"""Chapter 05b's explorer (DollarDebtExplorer), driven through ``update`` without a browser."""

import itertools

import numpy as np
import pytest

from lessons_lib import dollar
from lessons_lib.explorers.ch05b import DOLLAR, SPREAD, US_RATE, DollarDebtExplorer


def model(rate_points: float, dollar_pct: float, spread_points: float = 0.0,
          **borrower: float) -> dollar.DebtService:
    return dollar.dollar_debt_service(**{**dollar.STYLISED_BORROWER, **borrower},
                                      us_rate_change=rate_points / 100,
                                      dollar_change_pct=dollar_pct,
                                      spread_change=spread_points / 100)


def test_readout_gives_the_models_interest_and_its_parts():
    explorer = DollarDebtExplorer()
    text = explorer.update(us_rate_change_points=3.5, dollar_change_pct=5.0,
                           spread_change_points=1.0)
    s = model(3.5, 5.0, 1.0)
    assert (f"Interest on it: {float(s.interest_before_pct_gdp):.2f}% of GDP before, "
            f"{float(s.interest_after_pct_gdp):.2f}% after") in text
    assert f"dearer dollar {float(s.from_currency_pct_gdp):+.2f}" in text
    assert f"higher rates {float(s.from_rates_pct_gdp):+.2f}" in text
    assert f"both together {float(s.interaction_pct_gdp):+.2f}" in text
    assert f"{float(s.debt_after_pct_gdp):.2f}% after" in text
    assert explorer.bars[4].get_height() == pytest.approx(float(s.interest_after_pct_gdp))


def test_the_waterfall_adds_up_to_the_interest_after():
    explorer = DollarDebtExplorer()
    explorer.update(us_rate_change_points=-2.0, dollar_change_pct=30.0, spread_change_points=4.0)
    s = model(-2.0, 30.0, 4.0)
    parts = (s.from_currency_pct_gdp, s.from_rates_pct_gdp, s.interaction_pct_gdp)
    for bar, part in zip(explorer.bars[1:4], parts, strict=True):
        assert bar.get_height() == pytest.approx(abs(float(part)))
    top = explorer.bars[3]
    end = top.get_y() + (top.get_height() if float(s.interaction_pct_gdp) >= 0 else 0.0)
    assert end == pytest.approx(float(s.interest_after_pct_gdp))


def test_no_moves_leave_the_interest_where_it_was():
    text = DollarDebtExplorer().update(us_rate_change_points=0.0, dollar_change_pct=0.0,
                                       spread_change_points=0.0)
    assert "0.75% of GDP before, 0.75% after (+0.00" in text  # 15% of GDP at 5%


def test_the_goal_can_be_reached_on_the_sliders():
    # with no change in rates, the dollar rise that adds as much as +2 points of US rates
    two_points = float(model(2.0, 0.0).from_rates_pct_gdp)
    rises = np.arange(DOLLAR.low, DOLLAR.high + DOLLAR.step, DOLLAR.step)
    added = model(0.0, rises).interest_after_pct_gdp - model(0.0, 0.0).interest_before_pct_gdp
    best = rises[np.argmin(np.abs(added - two_points))]
    assert 0 < best < DOLLAR.high
    assert float(added[rises == best][0]) == pytest.approx(two_points, abs=1e-9)  # exactly 12%


def test_the_borrower_can_be_changed_and_bad_ones_are_refused():
    explorer = DollarDebtExplorer(debt_pct_gdp=80.0, dollar_share=0.5)
    text = explorer.update(dollar_change_pct=10.0)
    s = model(0.0, 10.0, debt_pct_gdp=80.0, dollar_share=0.5)
    assert f"{float(s.interest_after_pct_gdp):.2f}% after" in text
    with pytest.raises(ValueError, match="dollar_share"):
        DollarDebtExplorer(dollar_share=25)


@pytest.mark.parametrize("values", list(itertools.product(
    *((c.low, c.high) for c in (US_RATE, DOLLAR, SPREAD)))))
def test_every_setting_stays_on_the_fixed_axes(values):
    explorer = DollarDebtExplorer()
    limits = (explorer.ax.get_xlim(), explorer.ax.get_ylim())
    explorer.update(**dict(zip(("us_rate_change_points", "dollar_change_pct",
                                "spread_change_points"), values, strict=True)))
    assert (explorer.ax.get_xlim(), explorer.ax.get_ylim()) == limits
    low, high = limits[1]
    for bar in explorer.bars:
        assert low <= bar.get_y() and bar.get_y() + bar.get_height() <= high
    for label in explorer.labels:
        assert low <= label.get_position()[1] <= high
