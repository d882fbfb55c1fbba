"""Chapter 04's explorer: CBO's baseline under a yield shock, other growth or deficits."""

import numpy as np
import pytest

from lessons_lib import data, fiscal
from lessons_lib.explorers import FiscalPathExplorer


@pytest.fixture(scope="module")
def explorer():
    return FiscalPathExplorer()


def test_the_defaults_draw_cbos_baseline(explorer):
    text = explorer.update(shock_points=0.0, growth_change_points=0.0,
                           primary_deficit_change_pct_gdp=0.0)
    base = data.load("cbo_baseline").loc[2026:]
    share = 100 * base["net_interest_usd_bn"] / base["revenues_usd_bn"]
    assert np.allclose(explorer.lines["interest_pct_revenue"].get_ydata(), share)
    assert np.allclose(explorer.lines["debt_pct_gdp"].get_ydata(),
                       base["debt_held_by_public_pct_gdp"])
    assert f"{share[2035]:.1f}% of revenue (CBO {share[2035]:.1f}%)" in text
    assert "+$0B against CBO" in text


def test_the_readout_gives_the_models_figures(explorer):
    text = explorer.update(shock_points=1.0, growth_change_points=0.0,
                           primary_deficit_change_pct_gdp=0.0)
    table = fiscal.project(1.0)
    last = table.iloc[-1]
    assert f"net interest is ${last.interest_usd_bn:,.0f}B" in text
    assert f"{last.debt_pct_gdp:.1f}% of GDP" in text
    assert f"+${fiscal.rate_shock(1.0).total_usd_bn:,.0f}B against CBO" in text
    assert np.allclose(explorer.lines["interest_pct_revenue"].get_ydata(),
                       table["interest_pct_revenue"])


def test_each_slider_moves_its_path_the_expected_way(explorer):
    start = explorer.update(shock_points=0.0, growth_change_points=0.0,
                            primary_deficit_change_pct_gdp=0.0)
    assert start
    cbo_interest = explorer.lines["interest_pct_revenue"].get_ydata().copy()
    cbo_debt = explorer.lines["debt_pct_gdp"].get_ydata().copy()
    explorer.update(shock_points=2.0)
    assert (explorer.lines["interest_pct_revenue"].get_ydata() > cbo_interest).all()
    explorer.update(shock_points=0.0, growth_change_points=1.0)
    assert explorer.lines["debt_pct_gdp"].get_ydata()[-1] < cbo_debt[-1]
    explorer.update(growth_change_points=0.0, primary_deficit_change_pct_gdp=-2.0)
    assert explorer.lines["debt_pct_gdp"].get_ydata()[-1] < cbo_debt[-1] - 10


def test_the_axes_stay_fixed_and_hold_every_path(explorer):
    limits = [(a.get_xlim(), a.get_ylim()) for a in (explorer.ax, explorer.ax_debt)]
    for values in ({"shock_points": 3.0, "growth_change_points": -2.0,
                    "primary_deficit_change_pct_gdp": 3.0},
                   {"shock_points": -1.0, "growth_change_points": 2.0,
                    "primary_deficit_change_pct_gdp": -3.0}):
        explorer.update(**values)
        assert [(a.get_xlim(), a.get_ylim()) for a in (explorer.ax, explorer.ax_debt)] == limits
        for axes, column in ((explorer.ax, "interest_pct_revenue"),
                             (explorer.ax_debt, "debt_pct_gdp")):
            low, high = axes.get_ylim()
            ys = explorer.lines[column].get_ydata()
            assert low <= ys.min() and ys.max() <= high


def test_a_fading_shock_and_another_mix_are_set_when_made():
    fading = FiscalPathExplorer(persistence=0.5, shock_points=1.0)
    assert "50% of it left after a year" in fading.readout.value
    lasting = FiscalPathExplorer(shock_points=1.0)
    assert (fading.lines["interest_pct_revenue"].get_ydata()[-1]
            < lasting.lines["interest_pct_revenue"].get_ydata()[-1])
    # a fading shock: long issues lock in the high yields, bills let them go
    bills = FiscalPathExplorer(persistence=0.5, debt_shares=(0.4, 0.45, 0.15), shock_points=1.0)
    assert (bills.lines["interest_pct_revenue"].get_ydata()[-1]
            < fading.lines["interest_pct_revenue"].get_ydata()[-1])


def test_bad_settings_are_named():
    with pytest.raises(ValueError, match="persistence"):
        FiscalPathExplorer(persistence=0.0)
    with pytest.raises(ValueError, match="debt_shares must sum to 1"):
        FiscalPathExplorer(debt_shares=(0.5, 0.6, 0.2))
    with pytest.raises(ValueError, match="shock_points must be between -1 and 3"):
        FiscalPathExplorer().update(shock_points=5.0)
