"""Chapter 07's explorer (ScenarioExplorer), driven through ``update`` without a browser."""

import itertools

import numpy as np
import pytest

from lessons_lib import market, scenario
from lessons_lib.explorers.ch07 import (
    CALIBRATION,
    CONSOLIDATION,
    DAYS,
    FED,
    GOAL_INTEREST_USD_BN,
    REPO,
    SELLER,
    SIZE,
    ScenarioExplorer,
)

NAMES = [c.name for c in ScenarioExplorer.controls]


def test_the_explorer_is_registered_and_its_example_works():
    from lessons_lib.explorers import registry

    assert registry()["ScenarioExplorer"] is ScenarioExplorer
    explorer = ScenarioExplorer.example()
    assert explorer.image.value[:4] == b"\x89PNG" and "Japan sells 50%" in explorer.readout.value


def test_the_readout_is_the_runners():
    explorer = ScenarioExplorer()
    text = explorer.update(seller=2, share_sold_pct=40.0, days=30, fed_share_pct=20.0,
                           repo_share_pct=10.0, consolidation_pct_gdp=0.5, calibration=3)
    s = scenario.Scenario(name="x", seller="china", days=30,
                          size=market.holder_holdings_usd_bn("china")[1] * 0.4,
                          fed_share_pct=20.0, repo_share_pct=10.0, consolidation_pct_gdp=0.5)
    r = scenario.run(s)
    assert f"China sells 40% (${s.size_usd_bn:,.1f} billion) over 30 days" in text
    assert f"peak {r.peak_bp['high']:.1f} bp, lasting {r.lasting_bp['high']:.1f} bp (high" in text
    assert f"{r.added_interest_usd_bn['high']:+,.0f} $bn vs CBO" in text
    assert f"{r.debt_pct_gdp_2035['high']:.1f}%" in text
    assert f"{r.dollar_move_pct['high']:+.2f}%" in text
    assert f"{r.seller_loss_pct['high']:.2f}% of the sale" in text
    assert "billion dollars" in text  # no yuan rate shipped
    assert np.allclose(explorer.path.get_ydata(), r.yield_bp.high_bp)
    added = (r.fiscal["high"]["interest_usd_bn"] - scenario.baseline()["interest_usd_bn"])
    assert np.allclose(explorer.interest_line.get_ydata(), added.to_numpy())
    assert explorer.bar_patches[0].get_width() == pytest.approx(r.dollar_move_pct["high"])


def test_japans_loss_is_in_yen():
    text = ScenarioExplorer().update(seller=1)
    assert "billion yen" in text


def test_the_goal_can_be_met_with_the_sliders():
    explorer = ScenarioExplorer()
    assert "under $100 billion): not yet" in explorer.update(calibration=3)
    assert "under $100 billion): met" in explorer.update(calibration=3, fed_share_pct=100.0)
    explorer.update(fed_share_pct=0.0)
    cuts = np.arange(CONSOLIDATION.low, CONSOLIDATION.high + 1e-9, CONSOLIDATION.step)
    met = [c for c in cuts if scenario.run(explorer.build(1, 50.0, 21, 0.0, 0.0, float(c), 3))
           .added_interest_usd_bn["high"] < GOAL_INTEREST_USD_BN]
    assert met and met[0] > 0  # a consolidation alone also gets there
    assert "): met" in explorer.update(consolidation_pct_gdp=float(met[0]), calibration=3)


def test_repo_of_everything_gives_the_baseline():
    explorer = ScenarioExplorer()
    text = explorer.update(repo_share_pct=100.0)
    assert "peak 0.0 bp, lasting 0.0 bp" in text and "+0 $bn vs CBO" in text
    assert not np.any(explorer.path.get_ydata())


@pytest.mark.parametrize("values", list(itertools.product(
    *((c.low, c.high) for c in (SELLER, SIZE, DAYS, FED, CONSOLIDATION, CALIBRATION)))))
def test_every_corner_stays_on_the_fixed_axes(values):
    explorer = ScenarioExplorer()
    limits = [(a.get_xlim(), a.get_ylim()) for a in explorer.fig.axes]
    names = ("seller", "share_sold_pct", "days", "fed_share_pct", "consolidation_pct_gdp",
             "calibration")
    explorer.update(**dict(zip(names, values, strict=True)), repo_share_pct=REPO.low)
    assert [(a.get_xlim(), a.get_ylim()) for a in explorer.fig.axes] == limits
    low, high = explorer.interest_limits
    assert low <= np.min(explorer.interest_line.get_ydata()) <= high
    assert low <= np.max(explorer.interest_line.get_ydata()) <= high
    bottom, top = explorer.yield_limits
    y = np.asarray(explorer.path.get_ydata())
    assert y.min() >= bottom and y.max() <= top
    left, right = explorer.bar_limits
    for bar in explorer.bar_patches:
        assert left <= bar.get_width() <= right


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="converted_pct"):
        ScenarioExplorer(converted_pct=150.0)
    with pytest.raises(ValueError, match="seller"):
        ScenarioExplorer().update(seller=3)
    assert DAYS.high == 250 and FED.high == 150.0
