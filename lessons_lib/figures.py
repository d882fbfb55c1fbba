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
from matplotlib.figure import Figure

from lessons_lib import bonds
from lessons_lib.style import BASELINE, PALETTE


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
