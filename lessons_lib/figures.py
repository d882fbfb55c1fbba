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

    A one-year bond is taken to pay once a year, longer ones twice. With ``price_line``, a
    dotted line marks that price and a dot marks where each curve crosses it, labelled with
    the yield to maturity there.
    """
    grid = np.linspace(*yields_pct, 321)
    fig, ax = plt.subplots()
    for years in maturities_years:
        bond = bonds.Bond(coupon_rate=coupon_rate, maturity_years=years,
                          frequency=1 if years == 1 else 2)
        label = f"{years} year{'s' if years > 1 else ''} to run"
        ax.plot(grid, bonds.price(bond, grid / 100), label=label)
        if price_line is not None:
            ytm_pct = 100 * float(bonds.yield_to_maturity(bond, price_line))
            if yields_pct[0] <= ytm_pct <= yields_pct[1]:
                ax.plot(ytm_pct, price_line, "o", color=PALETTE["black"])
                ax.annotate(f"{ytm_pct:.2f}%", (ytm_pct, price_line), xytext=(4, -16),
                            textcoords="offset points")
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
) -> Figure:
    """Time series of ``frame``'s ``columns`` (name -> legend label), divided by ``scale``."""
    fig, ax = plt.subplots()
    for column, label in columns.items():
        ax.plot(frame.index, frame[column] / scale, label=label)
    ax.set_ylabel(ylabel)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_title(title)
    ax.legend(loc=legend_loc)
    return fig
