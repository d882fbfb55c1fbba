"""The chapters' static figures, so that a notebook cell is one call and a title.

Each function draws on a new matplotlib figure in the course style (call
:func:`lessons_lib.style.use_course_style` first) and returns the figure; the notebook gives
the title, which states the finding. Units are in the axis labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.dates import DateFormatter
from matplotlib.figure import Figure

from lessons_lib import bonds, market
from lessons_lib import curve as curve_model
from lessons_lib.style import BASELINE, DASHES, LINE_COLOURS, PALETTE


def cash_flow_bars(bond: bonds.Bond, title: str) -> Figure:
    """Bars of a bond's payments (dollars per its face) against time (years)."""
    flows = bonds.cash_flows(bond)
    fig, ax = plt.subplots()
    ax.bar(flows.times_years, flows.amounts, width=0.3 / bond.frequency * 2,
           color=PALETTE["blue"])
    ax.set_xlabel("Years from today")
    ax.set_ylabel(rf"Payment (\$ per \${bond.face:g} face)")
    ax.set_title(title)
    return fig


def price_yield_curves(
    coupon_rate: float,
    maturities_years: Sequence[int],
    title: str,
    price_line: float | None = None,
    yields_pct: tuple[float, float] = (0.0, 16.0),
) -> Figure:
    """Price (dollars per $100) against yield (% a year) for bonds of one coupon.

    A one-year bond here is the first article's IOU: a single payment of coupon and face a
    year from now (``frequency=1``), so that its yield at a price is the article's one-year
    return. Longer bonds pay twice a year, as Treasury notes and bonds do. With
    ``price_line``, a dotted line marks that price and a dot marks where each curve crosses
    it, labelled with the yield to maturity there; neighbouring labels alternate above and
    below the line so that they do not overlap.
    """
    grid = np.linspace(*yields_pct, 321)
    fig, ax = plt.subplots()
    crossings = []
    for years in maturities_years:
        bond = bonds.Bond(coupon_rate=coupon_rate, maturity_years=years,
                          frequency=1 if years == 1 else 2)
        label = ("1 year, one payment (the article's IOU)" if years == 1
                 else f"{years} years to run")
        ax.plot(grid, bonds.price(bond, grid / 100), label=label)
        if price_line is not None:
            ytm_pct = 100 * float(bonds.yield_to_maturity(bond, price_line))
            if yields_pct[0] <= ytm_pct <= yields_pct[1]:
                crossings.append(ytm_pct)
    for ytm_pct in crossings:  # in the order of the maturities; place by rank of the yield
        rank = sorted(crossings).index(ytm_pct)
        ax.plot(ytm_pct, price_line, "o", color=PALETTE["black"])
        near_right = ytm_pct > yields_pct[0] + 0.8 * (yields_pct[1] - yields_pct[0])
        ax.annotate(f"{ytm_pct:.2f}%", (ytm_pct, price_line),
                    xytext=(-4 if near_right else 4, -16 if rank % 2 == 0 else 7),
                    textcoords="offset points", ha="right" if near_right else "left")
    if price_line is not None:
        ax.axhline(price_line, color=BASELINE, linewidth=1, linestyle=":")
    ax.set_xlim(*yields_pct)
    ax.set_ylim(40, 180)
    ax.set_xlabel("Yield to maturity (% a year)")
    ax.set_ylabel(r"Price (\$ per \$100 face)")
    ax.set_title(title)
    ax.legend()
    return fig


def lines_over_time(
    frame: pd.DataFrame,
    columns: Mapping[str, str],
    ylabel: str,
    title: str,
    scale: float = 1.0,
    ylim: tuple[float, float] | None = None,
    legend_loc: str = "upper left",
    hline: float | None = None,
) -> Figure:
    """Time series of ``frame``'s ``columns`` (name -> legend label), divided by ``scale``,
    with a dotted horizontal line at ``hline`` (in the plotted unit) if given, such as zero
    for a spread."""
    fig, ax = plt.subplots()
    if hline is not None:
        ax.axhline(hline, color=BASELINE, linewidth=1, linestyle=":")
    for column, label in columns.items():
        ax.plot(frame.index, frame[column] / scale, label=label)
    ax.set_ylabel(ylabel)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_title(title)
    ax.legend(loc=legend_loc)
    return fig


def history_and_projection(
    history: pd.DataFrame,
    projection: pd.DataFrame,
    columns: Mapping[str, str],
    ylabel: str,
    title: str,
    projection_label: str = "projection",
) -> Figure:
    """Each of ``columns`` (name -> legend label) as one line: solid over ``history``, the
    same colour dashed over ``projection`` (both indexed by year), joined at the last year of
    history, with a dotted vertical line where the projection starts. Columns after the first
    carry markers, so that they differ in grayscale as well."""
    fig, ax = plt.subplots()
    markers = ("", "o", "s", "^")
    for i, (column, label) in enumerate(columns.items()):
        style = {"color": PALETTE[LINE_COLOURS[i % len(LINE_COLOURS)]],
                 "marker": markers[i % len(markers)], "markersize": 3}
        ax.plot(history.index, history[column], linestyle="-", label=f"{label}, actual",
                **style)
        joined = pd.concat([history[column].iloc[-1:], projection[column]])
        ax.plot(joined.index, joined, linestyle="--", label=f"{label}, {projection_label}",
                **style)
    ax.axvline(history.index[-1], color=BASELINE, linewidth=1, linestyle=":")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc="upper left")
    return fig


# Chapter 03


def duration_tangent(
    bond: bonds.Bond,
    ytm: float,
    title: str,
    yields_pct: tuple[float, float] = (0.0, 10.0),
    mark_yield_pct: float | None = None,
) -> Figure:
    """A bond's price (dollars per its face) against its yield (% a year), with the tangent
    line at ``ytm`` (decimal: the modified-duration estimate) and the tangent bent by
    convexity (:func:`lessons_lib.bonds.price_change`). With ``mark_yield_pct``, a dotted
    vertical line at that yield and a dot where each of the three lines crosses it."""
    grid = np.linspace(*yields_pct, 201)
    parts = bonds.price_change(bond, ytm, grid / 100 - ytm)
    start = float(bonds.price(bond, ytm))
    fig, ax = plt.subplots()
    labels = ("price (exact)", "tangent line: duration", "duration + convexity")
    for values, label in zip(parts, labels, strict=True):
        ax.plot(grid, start + np.asarray(values), label=label)
    ax.axvline(100 * ytm, color=BASELINE, linewidth=1, linestyle=":")
    if mark_yield_pct is not None:
        ax.axvline(mark_yield_pct, color=BASELINE, linewidth=1, linestyle=":")
        here = bonds.price_change(bond, ytm, mark_yield_pct / 100 - ytm)
        ax.plot([mark_yield_pct] * 3, [start + float(v) for v in here], "o",
                color=PALETTE["black"])
    ax.set_xlim(*yields_pct)
    ax.set_ylim(0.4 * start, 1.6 * start)
    ax.set_xlabel("Yield to maturity (% a year)")
    ax.set_ylabel(rf"Price (\$ per \${bond.face:g} face)")
    ax.set_title(title)
    ax.legend(loc="upper right")
    return fig


def yield_curves(
    curves: Mapping[str, curve_model.Curve],
    title: str,
    observed: Mapping[str, tuple[Sequence[float], Sequence[float]]] | None = None,
    max_years: float = 30.0,
    legend_loc: str = "best",
) -> Figure:
    """Yield curves (% a year) against maturity (years): each of ``curves`` (label -> a
    :class:`lessons_lib.curve.Curve`) as a line, and each of ``observed`` (label ->
    (maturities in years, yields as decimals), e.g. :func:`lessons_lib.curve.row_maturities`)
    as dots, in the colour of the line drawn in the same position."""
    grid = np.linspace(0.05, max_years, 300)
    fig, ax = plt.subplots()
    lines = [ax.plot(grid, 100 * np.asarray(c.yield_at(grid)), label=label)[0]
             for label, c in curves.items()]
    for index, (label, (m, y)) in enumerate((observed or {}).items()):
        colour = lines[index].get_color() if index < len(lines) else PALETTE["black"]
        ax.plot(np.asarray(m), 100 * np.asarray(y), "o", color=colour, linestyle="none",
                label=label)
    ax.set_xlim(0, max_years + 1)
    ax.set_xlabel("Maturity (years)")
    ax.set_ylabel("Yield (% a year)")
    ax.set_title(title)
    ax.legend(loc=legend_loc, fontsize="small")
    return fig


# Chapter 02


def supply_and_demand(sold_pct: float, slope: float, title: str) -> Figure:
    """The article's story as supply and demand: a downward-sloping demand line for the bonds
    others hold (:func:`lessons_lib.market.demand_price`, ``slope`` dollars per percentage
    point of supply) and the supply they must hold before and after a holder sells
    ``sold_pct`` percent of it (:func:`lessons_lib.market.supply_shift`), with both prices
    marked."""
    shift = market.supply_shift(sold_pct, slope)
    quantities = np.linspace(80.0, 120.0, 161)
    fig, ax = plt.subplots()
    ax.plot(quantities, market.demand_price(quantities, slope), label="demand of other investors")
    for quantity, price, name, dash in (
        (shift.quantity_before_pct, shift.price_before, "supply before the sale", "--"),
        (shift.quantity_after_pct, shift.price_after, "supply after the sale", "-."),
    ):
        ax.axvline(quantity, color=BASELINE, linestyle=dash, linewidth=1.5, label=name)
        ax.plot(quantity, price, "o", color=PALETTE["black"])
        ax.annotate(rf"\${price:.0f}", (quantity, price), xytext=(6, 4),
                    textcoords="offset points")
    ax.set_xlim(quantities[0], quantities[-1])
    ax.set_xlabel("Bonds other investors must hold (% of the supply before the sale)")
    ax.set_ylabel(r"Price (\$ per \$100 face)")
    ax.set_title(title)
    ax.legend(loc="lower left")
    return fig


def impact_band_paths(
    band: Mapping[str, np.ndarray] | Sequence[np.ndarray],
    selling_days: int,
    title: str,
    lasting_bp: np.ndarray | None = None,
    ylim: tuple[float, float] | None = None,
) -> Figure:
    """A sale's yield path, basis points, by trading day: the low-to-high band shaded, the
    central path as a line (``band`` is a :class:`lessons_lib.market.ImpactBand` or its three
    arrays low, central, high), the days of selling shaded and, if given, the central
    calibration's lasting part dashed."""
    low, central, high = (np.asarray(b, dtype=float) for b in band)
    days = np.arange(1, len(central) + 1)
    fig, ax = plt.subplots()
    ax.axvspan(0, selling_days, color=PALETTE["orange"], alpha=0.12, lw=0,
               label="days of selling")
    ax.fill_between(days, low, high, color=PALETTE["sky"], alpha=0.35, hatch="//",
                    edgecolor=PALETTE["blue"], linewidth=0, label="low to high calibration")
    ax.plot(days, central, color=PALETTE["blue"], linestyle="-", label="central calibration")
    if lasting_bp is not None:
        ax.plot(days, lasting_bp, color=PALETTE["vermillion"], linestyle="--",
                label="central: the lasting part")
    ax.axhline(0.0, color=BASELINE, linewidth=1)
    ax.set_xlim(0, len(central))
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlabel("Trading days since the sale began")
    ax.set_ylabel("Change in the 10-year yield (bp)")
    ax.set_title(title)
    ax.legend(loc="upper right")
    return fig


def episode_panel(
    yields: Mapping[str, pd.Series],
    flows: Mapping[str, pd.Series],
    title: str,
    flows_label: str = r"Change (\$ billion)",
) -> Figure:
    """An episode in two panels sharing the time axis: above, yields in percent (label ->
    daily series); below, holdings or flows in USD billions (label -> weekly or daily
    series), drawn as steps with a marker at each observation, and a zero line."""
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(7.5, 4.0),
                                      gridspec_kw={"height_ratios": (1, 1)})
    for label, series in yields.items():
        top.plot(series.index, series, label=label)
    top.set_ylabel("Yield (%)")
    top.set_title(title)
    top.legend(loc="best")
    markers = ("o", "s", "^", "D")
    for (label, series), marker, colour, dash in zip(
        flows.items(), markers, ("green", "purple", "orange", "black"), ("-", "--", "-.", ":"),
        strict=False,
    ):
        bottom.step(series.index, series, where="post", color=PALETTE[colour],
                    linestyle=dash, label=label)
        bottom.plot(series.index, series, marker, color=PALETTE[colour], markersize=4)
    bottom.axhline(0.0, color=BASELINE, linewidth=1)
    bottom.set_ylabel(flows_label)
    bottom.legend(loc="best")
    bottom.xaxis.set_major_formatter(DateFormatter("%d %b %Y"))
    fig.autofmt_xdate()
    return fig


# Chapter 04b


def gap_bars(
    history: pd.Series,
    projection: pd.Series,
    ylabel: str,
    title: str,
    history_label: str = "actual",
    projection_label: str = "projection",
) -> Figure:
    """A gap by year (such as r - g, percentage points) as bars: filled over ``history``,
    hatched and unfilled over ``projection`` (both indexed by year), with a zero line and a
    dotted vertical line where the projection starts, so the two read apart in grayscale."""
    fig, ax = plt.subplots()
    ax.axhline(0.0, color=BASELINE, linewidth=1)
    ax.bar(history.index, history, width=0.7, color=PALETTE["blue"], label=history_label)
    ax.bar(projection.index, projection, width=0.7, color="white",
           edgecolor=PALETTE["vermillion"], hatch="///", linewidth=1.2, label=projection_label)
    ax.axvline((history.index[-1] + projection.index[0]) / 2, color=BASELINE, linewidth=1,
               linestyle=":")
    ax.set_xlabel("Fiscal year")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc="lower left")
    return fig


def series_with_events(
    series: pd.Series,
    events: Mapping[pd.Timestamp | str, str],
    ylabel: str,
    title: str,
) -> Figure:
    """A daily series (such as the 10-year yield, percent) with a vertical line at each event
    (date -> label), each line in its own colour and dash, labelled in a band left free above
    the series (labels alternate between two heights so that close events do not collide)."""
    fig, ax = plt.subplots()
    ax.plot(series.index, series, color=PALETTE["blue"], linewidth=1.2, linestyle="-")
    low, high = float(series.min()), float(series.max())
    ax.set_ylim(low - 0.05 * (high - low), high + 0.5 * (high - low))
    for i, ((day, label), colour, dash) in enumerate(zip(
            events.items(), ("vermillion", "green", "black"), ("--", "-.", ":"), strict=False)):
        when = pd.Timestamp(day)
        ax.axvline(when, color=PALETTE[colour], linestyle=dash, linewidth=1.8)
        ax.text(when, 0.98 - 0.14 * (i % 2), f" {label}", transform=ax.get_xaxis_transform(),
                ha="left", va="top", fontsize="small",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0})
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    return fig


# Chapter 05b


def panels_over_time(
    top: Mapping[str, pd.Series],
    bottom: Mapping[str, pd.Series],
    top_label: str,
    bottom_label: str,
    title: str,
    spans: Mapping[str, tuple[str, str]] | None = None,
) -> Figure:
    """Two panels sharing the time axis, each in its own unit: ``top`` and ``bottom`` (legend
    label -> series). Each of ``spans`` (label -> (start, end) dates) is shaded over both
    panels, in its own colour and hatch, with its label at the top of the upper panel."""
    from matplotlib.dates import YearLocator

    fig, (upper, lower) = plt.subplots(2, 1, sharex=True, figsize=(7.5, 4.0))
    styles = iter(range(len(top) + len(bottom)))  # each line its own colour and dash
    for panel, series_by_label, ylabel in ((upper, top, top_label),
                                           (lower, bottom, bottom_label)):
        for label, series in series_by_label.items():
            i = next(styles)
            panel.plot(series.index, series, label=label, linewidth=1.4,
                       color=PALETTE[LINE_COLOURS[i % len(LINE_COLOURS)]],
                       linestyle=("-", "--", "-.", ":")[i % 4])
        panel.set_ylabel(ylabel)
        panel.legend(loc="lower right", fontsize="small")
    for (label, (start, end)), colour, hatch in zip(
            (spans or {}).items(), ("orange", "purple", "green"), ("//", "\\\\", "xx"),
            strict=False):
        for panel in (upper, lower):
            panel.axvspan(pd.Timestamp(start), pd.Timestamp(end), color=PALETTE[colour],
                          alpha=0.25, hatch=hatch, linewidth=1.5)
        upper.text(pd.Timestamp(start), 0.97, f" {label}", transform=upper.get_xaxis_transform(),
                   ha="left", va="top", fontsize="small")
    upper.set_title(title)
    lower.xaxis.set_major_locator(YearLocator())
    lower.xaxis.set_major_formatter(DateFormatter("%Y"))
    return fig


def grouped_bars(
    frame: pd.DataFrame,
    columns: Mapping[str, str],
    ylabel: str,
    title: str,
    value_format: str = "{:,.0f}",
) -> Figure:
    """Bars side by side for each row of ``frame`` (its index along the x axis, such as
    years), one bar per column (name -> legend label), each column in its own colour and
    hatch so that they read apart in grayscale, with each bar's value written above it and
    the legend in a row above the bars (for values of zero and above)."""
    fig, ax = plt.subplots()
    width = 0.8 / len(columns)
    positions = np.arange(len(frame))
    for i, ((column, label), colour, hatch) in enumerate(zip(
            columns.items(), ("blue", "orange", "green", "purple"), ("", "//", "..", "xx"),
            strict=False)):
        offsets = positions + (i - (len(columns) - 1) / 2) * width
        bars = ax.bar(offsets, frame[column], width=width * 0.95, color=PALETTE[colour],
                      hatch=hatch, edgecolor=PALETTE["black"], linewidth=0.6, label=label)
        ax.bar_label(bars, labels=[value_format.format(v) for v in frame[column]],
                     fontsize="small", padding=2)
    ax.set_xticks(positions, [str(i) for i in frame.index])
    ax.grid(axis="x", visible=False)
    ax.axhline(0.0, color=BASELINE, linewidth=1)
    highest = float(np.nanmax(frame[list(columns)].to_numpy()))
    ax.set_ylim(top=1.35 * highest)  # room for the legend above the bars
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc="upper center", ncol=len(columns), fontsize="small")
    return fig


# Chapter 06


def bands_with_and_without(
    without: Sequence[np.ndarray],
    with_: Sequence[np.ndarray],
    title: str,
    selling_days: int | None = None,
    buying_days: tuple[int, int] | None = None,
    ylim: tuple[float, float] | None = None,
    labels: tuple[str, str] = ("without the Fed", "with the Fed"),
) -> Figure:
    """Two yield paths' bands, basis points, by trading day (each ``(low, central, high)``,
    such as a :class:`lessons_lib.market.ImpactBand`): ``without`` hatched with its central
    path dash-dotted, ``with_`` shaded with its central path solid; the days of selling and,
    if given, of buying (first and last day) shaded apart, so that the two read in grayscale."""
    low0, central0, high0 = (np.asarray(b, dtype=float) for b in without)
    low1, central1, high1 = (np.asarray(b, dtype=float) for b in with_)
    days = np.arange(1, len(central0) + 1)
    fig, ax = plt.subplots()
    if selling_days is not None:
        ax.axvspan(0, selling_days, color=PALETTE["orange"], alpha=0.12, lw=0,
                   label="days of selling")
    if buying_days is not None:
        ax.axvspan(buying_days[0] - 1, buying_days[1], color=PALETTE["green"], alpha=0.12,
                   lw=0, hatch="..", label="days of Fed buying")
    ax.fill_between(days, low0, high0, facecolor="none", hatch="xx",
                    edgecolor=PALETTE["vermillion"], linewidth=0,
                    label=f"{labels[0]}: low to high")
    ax.plot(days, central0, color=PALETTE["vermillion"], linestyle="-.",
            label=f"{labels[0]}: central")
    ax.fill_between(days, low1, high1, color=PALETTE["sky"], alpha=0.45, linewidth=0,
                    label=f"{labels[1]}: low to high")
    ax.plot(days, central1, color=PALETTE["blue"], linestyle="-",
            label=f"{labels[1]}: central")
    ax.axhline(0.0, color=BASELINE, linewidth=1)
    ax.set_xlim(0, len(central0))
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlabel("Trading days since the sale began")
    ax.set_ylabel("Change in the 10-year yield (bp)")
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize="small")
    return fig


def holdings_with_programs(
    series: pd.Series,
    programs: Mapping[str, tuple[object, object, str]],
    ylabel: str,
    title: str,
    scale: float = 1.0,
) -> Figure:
    """A stock over time (such as the Fed's Treasuries, divided by ``scale``) with each
    program (label -> (start, end, kind)) shaded: purchases ("purchase") green with dots,
    runoff ("runoff") orange with slashes, anything else purple with crosses; each program's
    label sits at the top of its span, alternating between two heights."""
    fig, ax = plt.subplots()
    ax.plot(series.index, series / scale, color=PALETTE["blue"], linewidth=1.8)
    styles = {"purchase": ("green", ".."), "runoff": ("orange", "//")}
    for i, (label, (start, end, kind)) in enumerate(programs.items()):
        colour, hatch = styles.get(kind, ("purple", "xx"))
        ax.axvspan(pd.Timestamp(start), pd.Timestamp(end), color=PALETTE[colour], alpha=0.22,
                   hatch=hatch, linewidth=0)
        ax.text(pd.Timestamp(start), 0.98 - 0.09 * (i % 2), label, fontsize="x-small",
                transform=ax.get_xaxis_transform(), ha="left", va="top")
    ax.set_ylim(0, float(series.max()) / scale * 1.3)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    return fig


# Chapter 06b


def xy_lines(
    lines: Mapping[str, tuple[Sequence[float], Sequence[float]]],
    xlabel: str,
    ylabel: str,
    title: str,
    points: Mapping[str, tuple[float, float]] | None = None,
    xlim: tuple[float, float] | None = None,
    ylim: tuple[float, float] | None = None,
    legend_loc: str = "best",
) -> Figure:
    """Lines of ``y`` against ``x`` (legend label -> (x values, y values)), each in the course's
    colour and dash cycle, and labelled points (label -> (x, y)), each a black marker of its
    own shape with its label written beside it: schedules over days, frontiers of risk
    against cost or return."""
    fig, ax = plt.subplots()
    for (label, (x, y)), colour, dash in zip(lines.items(), LINE_COLOURS, DASHES, strict=False):
        ax.plot(x, y, label=label, color=PALETTE[colour], linestyle=dash)
    for (label, (x, y)), marker in zip((points or {}).items(), ("o", "s", "^", "D", "v", "P"),
                                       strict=False):
        ax.plot([x], [y], marker=marker, color=PALETTE["black"], linestyle="none")
        ax.annotate(f" {label}", (x, y), fontsize="small", ha="left", va="bottom")
    if xlim is not None:
        ax.set_xlim(*xlim)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc=legend_loc)
    return fig


# Chapter 07


def small_multiples(
    table: pd.DataFrame,
    measures: Mapping[str, str],
    title: str,
    labels: Sequence[str] | None = None,
    figsize: tuple[float, float] = (11.0, 3.9),
) -> Figure:
    """One panel per measure (column prefix -> panel label with its unit), side by side, each a
    horizontal bar per row of ``table`` at the ``<measure>_central`` value, with a whisker from
    ``<measure>_low`` to ``<measure>_high`` (the calibrations' band) and the central value
    written at the bar's end. Rows share the y axis, labelled by ``labels`` (default: the
    table's index), first row on top; bars alternate colour and hatch so that neighbours read
    apart in grayscale. Made for :func:`lessons_lib.scenario.side_by_side`'s columns."""
    names = [str(i) for i in table.index] if labels is None else list(labels)
    if len(names) != len(table):
        raise ValueError(f"labels must give one label per row ({len(table)}), got {len(names)}")
    fig, axes = plt.subplots(1, len(measures), figsize=figsize, sharey=True, squeeze=False)
    positions = np.arange(len(table))[::-1]
    styles = [(PALETTE["blue"], ""), (PALETTE["orange"], "//")]
    for ax, (measure, label) in zip(axes[0], measures.items(), strict=True):
        central = table[f"{measure}_central"].to_numpy(dtype=float)
        low = table[f"{measure}_low"].to_numpy(dtype=float)
        high = table[f"{measure}_high"].to_numpy(dtype=float)
        lower = np.minimum(low, high)
        upper = np.maximum(low, high)
        for i, (y, value) in enumerate(zip(positions, central, strict=True)):
            colour, hatch = styles[i % 2]
            ax.barh(y, value, color=colour, hatch=hatch, edgecolor=PALETTE["black"],
                    linewidth=0.5, height=0.6)
        ax.errorbar(central, positions, xerr=[central - lower, upper - central], fmt="none",
                    ecolor=PALETTE["black"], elinewidth=1.2, capsize=3)
        for y, value in zip(positions, central, strict=True):
            ax.annotate(f"{value:,.1f}", (value, y), xytext=(3, 4), textcoords="offset points",
                        fontsize="x-small", ha="left", va="bottom")
        ax.axvline(0.0, color=BASELINE, linewidth=1)
        ax.grid(axis="y", visible=False)
        ax.set_title(label, fontsize="small")
        ax.tick_params(axis="x", labelsize="x-small")
    axes[0][0].set_yticks(positions, names, fontsize="small")
    fig.suptitle(title)
    fig.tight_layout()
    return fig
