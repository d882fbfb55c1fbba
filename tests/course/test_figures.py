"""Figure helpers: what they draw can be checked without looking."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from lessons_lib import bonds, figures  # noqa: E402


def test_cash_flow_bars_show_every_payment():
    note = bonds.Bond(coupon_rate=0.03, maturity_years=10)
    fig = figures.cash_flow_bars(note, "title")
    bars = fig.axes[0].patches
    assert len(bars) == 20
    assert bars[-1].get_height() == pytest.approx(101.5)
    assert fig.axes[0].get_title() == "title"


def test_price_yield_curves_mark_the_yields_at_the_price_line():
    fig = figures.price_yield_curves(0.03, [1, 10], "t", price_line=90.0)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels == ["14.44%", "4.24%"]
    curve = fig.axes[0].lines[0]
    assert np.interp(3.0, curve.get_xdata(), curve.get_ydata()) == pytest.approx(100, abs=0.1)


def test_lines_over_time_scales_and_labels():
    frame = pd.DataFrame({"a_usd_bn": [1000.0, 2000.0]},
                         index=pd.to_datetime(["2020-01-31", "2020-02-29"]))
    fig = figures.lines_over_time(frame, {"a_usd_bn": "A"}, "trillions", "t", scale=1000)
    line = fig.axes[0].lines[0]
    assert list(line.get_ydata()) == [1.0, 2.0]
    assert fig.axes[0].get_legend().get_texts()[0].get_text() == "A"
