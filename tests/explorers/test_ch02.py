"""Chapter 02's explorer (SellOffExplorer), driven through ``update`` without a browser."""

import numpy as np
import pytest

from lessons_lib import market
from lessons_lib.explorers.ch02 import HORIZON_DAYS, SellOffExplorer


def test_readout_gives_the_model_band_and_the_note_price():
    explorer = SellOffExplorer()
    text = explorer.update(seller=1, share_sold_pct=50.0, days_taken=20)
    held = market.holder_holdings_usd_bn("japan")[1]
    band = market.impact_band(market.even_schedule(held / 2, 20), horizon_days=HORIZON_DAYS)
    assert f"peaks {band.central_bp.max():.1f}bp higher" in text
    assert f"low {band.low_bp.max():.1f}, high {band.high_bp.max():.1f}" in text
    price = market.ten_year_note_price(band.central_bp.max())
    assert f"${price:.2f} at the central peak" in text
    assert text.startswith("Japan sells 50%")
    assert np.allclose(explorer.central.get_ydata(), band.central_bp)


def test_axes_stay_fixed_and_the_off_chart_band_is_said():
    explorer = SellOffExplorer()
    limits = (explorer.ax.get_xlim(), explorer.ax.get_ylim())
    text = explorer.update(seller=3, share_sold_pct=100.0, days_taken=1)
    assert (explorer.ax.get_xlim(), explorer.ax.get_ylim()) == limits
    assert "above the chart" in text and len(explorer.marker.get_xdata()) == 1
    text = explorer.update(seller=1, share_sold_pct=10.0, days_taken=60)
    assert "above the chart" not in text and len(explorer.marker.get_xdata()) == 0


def test_selling_nothing_moves_nothing():
    explorer = SellOffExplorer()
    text = explorer.update(share_sold_pct=0.0)
    assert "peaks 0.0bp higher" in text
    assert np.all(explorer.central.get_ydata() == 0)


@pytest.mark.parametrize("seller, name", [(1, "Japan"), (2, "China"),
                                          (3, "all foreign official")])
def test_each_seller_is_named(seller, name):
    assert SellOffExplorer().update(seller=seller).startswith(name)
