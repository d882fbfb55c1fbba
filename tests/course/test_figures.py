"""Figure helpers: what they draw can be checked without looking."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from lessons_lib import bonds, figures, market  # noqa: E402


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


def test_history_and_projection_joins_solid_history_to_a_dashed_projection():
    history = pd.DataFrame({"a": [1.0, 2.0]}, index=[2024, 2025])
    projection = pd.DataFrame({"a": [3.0, 4.0]}, index=[2026, 2027])
    fig = figures.history_and_projection(history, projection, {"a": "A"}, "%", "t",
                                         projection_label="CBO")
    solid, dashed = fig.axes[0].lines[:2]
    assert list(solid.get_ydata()) == [1.0, 2.0] and solid.get_linestyle() == "-"
    assert list(dashed.get_xdata()) == [2025, 2026, 2027] and dashed.get_linestyle() == "--"
    assert solid.get_color() == dashed.get_color()
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["A, actual", "A, CBO"]


# Chapter 02


def test_supply_and_demand_marks_the_article_s_prices():
    fig = figures.supply_and_demand(10.0, 1.0, "t")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == [r"\$100", r"\$90"]
    demand = ax.lines[0]
    assert np.interp(110.0, demand.get_xdata(), demand.get_ydata()) == pytest.approx(90.0)


def test_impact_band_paths_draw_the_band_the_central_path_and_the_lasting_part():
    parts = market.impact_parts(market.even_schedule(300.0, 20), horizon_days=100)
    band = market.impact_band(market.even_schedule(300.0, 20), horizon_days=100)
    fig = figures.impact_band_paths(band, 20, "t", lasting_bp=parts.lasting_bp)
    ax = fig.axes[0]
    central, lasting = ax.lines[0], ax.lines[1]
    assert np.allclose(central.get_ydata(), band.central_bp)
    assert np.allclose(lasting.get_ydata(), parts.lasting_bp)
    assert ax.get_xlim() == (0.0, 100.0)
    assert len(ax.get_legend().get_texts()) == 4


def test_episode_panel_puts_yields_above_and_flows_below():
    days = pd.date_range("2020-03-02", periods=5, freq="B")
    weeks = pd.to_datetime(["2020-03-04", "2020-03-11"])
    fig = figures.episode_panel({"10-year": pd.Series([1.0, 0.9, 0.8, 1.1, 1.2], days)},
                                {"custody": pd.Series([0.0, -20.0], weeks)}, "t")
    top, bottom = fig.axes
    assert list(top.lines[0].get_ydata()) == [1.0, 0.9, 0.8, 1.1, 1.2]
    assert list(bottom.lines[0].get_ydata()) == [0.0, -20.0]
    assert top.get_title() == "t" and "billion" in bottom.get_ylabel()


# Chapter 03


def test_duration_tangent_draws_the_curve_its_tangent_and_the_bent_tangent():
    note = bonds.Bond(coupon_rate=0.03, maturity_years=10)
    fig = figures.duration_tangent(note, 0.03, "t", mark_yield_pct=5.0)
    exact, tangent, bent = fig.axes[0].lines[:3]
    at = {name: float(np.interp(5.0, line.get_xdata(), line.get_ydata()))
          for name, line in (("exact", exact), ("tangent", tangent), ("bent", bent))}
    assert at["tangent"] < at["exact"] < at["bent"]  # convex: the tangent lies below
    assert np.interp(3.0, tangent.get_xdata(), tangent.get_ydata()) == pytest.approx(100, abs=0.01)
    dots = fig.axes[0].lines[-1]
    assert list(dots.get_xdata()) == [5.0] * 3


def test_yield_curves_draw_each_curve_and_its_dots():
    from lessons_lib import curve

    flat, steep = curve.Curve(level=0.04), curve.Curve(level=0.05, slope=-0.02)
    fig = figures.yield_curves({"flat": flat, "steep": steep}, "t",
                               observed={"dots": ([1.0, 10.0], [0.04, 0.04])})
    lines = fig.axes[0].lines
    assert np.allclose(lines[0].get_ydata(), 4.0)
    assert lines[1].get_ydata()[-1] > lines[1].get_ydata()[0]
    assert list(lines[2].get_ydata()) == [4.0, 4.0]
    assert lines[2].get_color() == lines[0].get_color()
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == ["flat", "steep", "dots"]


# Chapter 04b


def test_gap_bars_fill_history_and_hatch_the_projection():
    history = pd.Series([1.0, -2.0], index=[2024, 2025])
    projection = pd.Series([-0.5, -0.25], index=[2026, 2027])
    fig = figures.gap_bars(history, projection, "points", "t", projection_label="CBO")
    bars = fig.axes[0].patches
    assert [b.get_height() for b in bars] == [1.0, -2.0, -0.5, -0.25]
    assert not bars[0].get_hatch() and bars[2].get_hatch() == "///"
    assert fig.axes[0].lines[-1].get_xdata()[0] == 2025.5
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["actual", "CBO"]


def test_series_with_events_marks_each_event_with_its_own_dash():
    days = pd.date_range("2011-08-01", periods=10, freq="B")
    fig = figures.series_with_events(pd.Series(range(10), days, dtype=float),
                                     {"2011-08-05": "A", days[7]: "B"}, "%", "t")
    ax = fig.axes[0]
    assert list(ax.lines[0].get_ydata()) == list(range(10))
    marks = ax.lines[1:]
    assert [m.get_xdata()[0] for m in marks] == [pd.Timestamp("2011-08-05"), days[7]]
    assert marks[0].get_linestyle() != marks[1].get_linestyle()
    assert [t.get_text() for t in ax.texts] == [" A", " B"]


# Chapter 05b


def test_panels_over_time_put_each_mapping_in_its_panel_and_shade_the_spans():
    days = pd.date_range("2022-01-03", periods=10, freq="B")
    fig = figures.panels_over_time({"yield": pd.Series(range(10), days, dtype=float)},
                                   {"dollar": pd.Series(range(10, 20), days, dtype=float)},
                                   "%", "index", "t", spans={"A": (days[2], days[4])})
    upper, lower = fig.axes
    assert list(upper.lines[0].get_ydata()) == list(range(10))
    assert list(lower.lines[0].get_ydata()) == list(range(10, 20))
    assert upper.lines[0].get_linestyle() != lower.lines[0].get_linestyle()
    assert len(upper.patches) == len(lower.patches) == 1
    assert [t.get_text() for t in upper.texts] == [" A"] and upper.get_title() == "t"


def test_grouped_bars_put_one_bar_per_column_side_by_side_with_their_values():
    frame = pd.DataFrame({"a": [400.0, 300.0], "b": [1000.0, 900.0]}, index=[2022, 2023])
    fig = figures.grouped_bars(frame, {"a": "reported", "b": "estimated"}, "tonnes", "t")
    ax = fig.axes[0]
    bars = ax.patches
    assert [b.get_height() for b in bars] == [400.0, 300.0, 1000.0, 900.0]
    assert bars[0].get_x() < bars[2].get_x() < bars[1].get_x()
    assert bars[0].get_hatch() != bars[2].get_hatch()
    assert [t.get_text() for t in ax.texts] == ["400", "300", "1,000", "900"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["reported", "estimated"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2022", "2023"]


# Chapter 06


def test_bands_with_and_without_draw_both_bands_and_both_centrals():
    without = (np.zeros(5), np.ones(5), 2 * np.ones(5))
    with_ = (np.zeros(5), 0.5 * np.ones(5), np.ones(5))
    fig = figures.bands_with_and_without(without, with_, "t", selling_days=2,
                                         buying_days=(3, 4), ylim=(-1, 3))
    ax = fig.axes[0]
    centrals = [line for line in ax.lines if len(line.get_ydata()) == 5]
    assert [list(c.get_ydata()) for c in centrals] == [[1.0] * 5, [0.5] * 5]
    assert centrals[0].get_linestyle() != centrals[1].get_linestyle()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[:2] == ["days of selling", "days of Fed buying"]
    assert "with the Fed: central" in labels and ax.get_ylim() == (-1, 3)


def test_holdings_with_programs_shade_each_program_by_kind():
    weeks = pd.date_range("2009-01-07", periods=20, freq="W-WED")
    series = pd.Series(np.arange(20, dtype=float) * 100, weeks)
    fig = figures.holdings_with_programs(
        series, {"QE": (weeks[2], weeks[5], "purchase"), "QT": (weeks[10], weeks[12], "runoff")},
        "$ trillion", "t", scale=1000)
    ax = fig.axes[0]
    assert list(ax.lines[0].get_ydata()) == list(series / 1000)
    assert len(ax.patches) == 2 and ax.patches[0].get_hatch() != ax.patches[1].get_hatch()
    assert [t.get_text() for t in ax.texts] == ["QE", "QT"] and ax.get_title() == "t"


# Chapter 06b


def test_xy_lines_draw_each_line_and_label_each_point():
    fig = figures.xy_lines({"a": ([0, 1, 2], [3.0, 2.0, 0.0]), "b": ([0, 2], [3.0, 0.0])},
                           "days", "% held", "t", points={"P": (1.0, 1.5), "Q": (2.0, 2.5)},
                           xlim=(0, 3))
    ax = fig.axes[0]
    assert list(ax.lines[0].get_ydata()) == [3.0, 2.0, 0.0]
    assert ax.lines[0].get_linestyle() != ax.lines[1].get_linestyle()
    assert [line.get_marker() for line in ax.lines[2:]] == ["o", "s"]
    assert [t.get_text() for t in ax.texts] == [" P", " Q"]
    assert ax.get_xlim() == (0.0, 3.0) and ax.get_title() == "t"
    assert [t.get_text() for t in ax.get_legend().get_texts()][:2] == ["a", "b"]
