"""The chapters' explorers, driven through ``update`` without a browser."""

import pytest

from lessons_lib import bonds, data, holdings
from lessons_lib.explorers import HoldingsChangeExplorer, PriceYieldExplorer


def test_price_yield_explorer_reads_out_the_model():
    explorer = PriceYieldExplorer(coupon_pct=3.0, maturity_years=10, yield_pct=3.0)
    first_image = explorer.image.value
    text = explorer.update(yield_pct=4.24)
    note = bonds.Bond(coupon_rate=0.03, maturity_years=10)
    assert f"${bonds.price(note, 0.0424):.2f}" in text
    assert explorer.image.value != first_image and explorer.image.value[:4] == b"\x89PNG"
    assert text in explorer.readout.value


def test_moving_a_slider_updates_the_figure_and_readout():
    explorer = PriceYieldExplorer()
    before = (explorer.readout.value, explorer.image.value)
    explorer.sliders["maturity_years"].value = 30
    assert explorer.readout.value != before[0]
    assert explorer.image.value != before[1]
    assert "30 years" in explorer.readout.value
    assert explorer.values["maturity_years"] == 30


def test_update_keeps_the_other_controls_and_moves_the_named_slider_with_one_redraw():
    explorer = PriceYieldExplorer(coupon_pct=5.0)
    draws = []
    original = explorer.draw
    explorer.draw = lambda **values: draws.append(values) or original(**values)
    text = explorer.update(maturity_years=20)
    assert draws == [{"coupon_pct": 5.0, "maturity_years": 20, "yield_pct": 3.0}]
    assert explorer.sliders["maturity_years"].value == 20
    assert "5.00% coupon, 20 years" in text


def test_price_yield_axes_stay_fixed():
    explorer = PriceYieldExplorer()
    limits = (explorer.ax.get_xlim(), explorer.ax.get_ylim())
    explorer.update(coupon_pct=10.0, maturity_years=30, yield_pct=0.0)
    assert (explorer.ax.get_xlim(), explorer.ax.get_ylim()) == limits


def test_holdings_explorer():
    explorer = HoldingsChangeExplorer("test", 1167.0, 1126.1, 0.49, duration_years=5.0)
    text = explorer.update(duration_years=5.0, yield_change_points=0.49)
    split = holdings.decompose_change(1167.0, 1126.1, 5.0, 0.0049)
    assert f"{split.other_usd_bn:+.1f}" in text and "+0.49 points" in text
    before = explorer.image.value
    explorer.sliders["duration_years"].value = 8.0
    assert explorer.image.value != before
    low, high = explorer.ax.get_ylim()
    slider_top = {name: s.max for name, s in explorer.sliders.items()}
    biggest = holdings.valuation_change(
        1167.0, slider_top["duration_years"], slider_top["yield_change_points"] / 100
    )
    assert low <= biggest and high >= -biggest


def test_holdings_example_is_japan_in_april_2024_from_the_data():
    explorer = HoldingsChangeExplorer.example()
    japan = data.load("tic_holdings")["japan_usd_bn"]
    assert explorer.start_usd_bn == japan["2024-03-31"]
    assert "-40.9 billion" in explorer.readout.value


@pytest.mark.parametrize(
    "values, message",
    [
        ({"coupon_pct": -20.0}, "coupon_pct must be between 0 and 10"),
        ({"yield_pct": 16.0}, "yield_pct must be between 0 and 15"),
        ({"maturity_years": 10.5}, "maturity_years must be a whole number"),
        ({"maturity_years": "ten"}, "maturity_years must be a number"),
        ({"coupon": 3.0}, "no control coupon; its controls: coupon_pct, maturity_years"),
    ],
)
def test_update_refuses_what_no_slider_can_send(values, message):
    explorer = PriceYieldExplorer()
    with pytest.raises(ValueError, match=message):
        explorer.update(**values)
