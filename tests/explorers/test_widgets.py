"""Widgets: the update functions, without a browser."""

import pytest

from lessons_lib import bonds, holdings
from lessons_lib.widgets import HoldingsChangeExplorer, PriceYieldExplorer


def test_price_yield_explorer_reads_out_the_model():
    explorer = PriceYieldExplorer(3.0, 10, 3.0)
    first_image = explorer.image.value
    text = explorer.update(3.0, 10, 4.24)
    note = bonds.Bond(coupon_rate=0.03, maturity_years=10)
    assert f"${bonds.price(note, 0.0424):.2f}" in text
    assert explorer.image.value != first_image and explorer.image.value[:4] == b"\x89PNG"
    assert text in explorer.readout.value


def test_moving_a_slider_updates_the_figure_and_readout():
    explorer = PriceYieldExplorer()
    before = (explorer.readout.value, explorer.image.value)
    explorer.maturity.value = 30
    assert explorer.readout.value != before[0]
    assert explorer.image.value != before[1]
    assert "30 years" in explorer.readout.value


def test_price_yield_axes_stay_fixed():
    explorer = PriceYieldExplorer()
    limits = (explorer.ax.get_xlim(), explorer.ax.get_ylim())
    explorer.update(10.0, 30, 0.0)
    assert (explorer.ax.get_xlim(), explorer.ax.get_ylim()) == limits


def test_sliders_keep_to_ranges_the_model_accepts():
    explorer = PriceYieldExplorer()
    explorer.update(explorer.coupon.max, explorer.maturity.max, explorer.ytm.min)
    explorer.update(explorer.coupon.min, explorer.maturity.min, explorer.ytm.max)


def test_holdings_explorer():
    explorer = HoldingsChangeExplorer("test", 1167.0, 1126.1, 0.49, duration_years=5.0)
    text = explorer.update(5.0, 0.49)
    split = holdings.decompose_change(1167.0, 1126.1, 5.0, 0.49)
    assert f"{split.other_usd_bn:+.1f}" in text
    before = explorer.image.value
    explorer.duration.value = 8.0
    assert explorer.image.value != before
    low, high = explorer.ax.get_ylim()
    biggest = holdings.valuation_change(1167.0, explorer.duration.max, explorer.dy.max)
    assert low <= biggest and high >= -biggest


@pytest.mark.parametrize("bad", [-1.0, 11.0])
def test_widget_model_refuses_what_the_slider_cannot_send(bad):
    explorer = PriceYieldExplorer()
    with pytest.raises(ValueError):
        explorer.update(bad * 20, 10, 3.0)
