"""Chapter 01's explorer: a bond's price against its yield (the seesaw)."""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from lessons_lib import bonds
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE, course_rc

PRICE_AXIS = (0.0, 220.0)
"""Fixed price axis, dollars per $100 face."""
YIELD_AXIS_PCT = (0.0, 15.0)
"""Fixed yield axis, percent a year: also the yield slider's range."""

COUPON = Control(
    "coupon_pct", "Coupon (% a year)", 0.0, 10.0, 0.25, 3.0,
    model_range=bonds.COUPON_RATE_RANGE, scale=100,
)
MATURITY = Control(
    "maturity_years", "Maturity (years)", 1, 30, 1, 10,
    model_range=bonds.MATURITY_RANGE_YEARS, integer=True,
)
YIELD = Control(
    "yield_pct", "Yield to maturity (% a year)", *YIELD_AXIS_PCT, 0.01, 3.0,
    model_range=bonds.YIELD_RANGE, scale=100,
)
"""Steps of 0.01 point (one basis point), so that a goal such as "the yield at which the
10-year 3% note costs $90, within 5 cents" can be reached: near $90 one step moves that
note's price by about 7 cents."""
OFF_CHART_MARGIN = 8.0
"""Dollars below the top of the price axis at which a price above it is marked (a triangle)."""


def _years(n: int) -> str:
    return f"{n} year" if n == 1 else f"{n} years"


class PriceYieldExplorer(Explorer):
    """A bond's price against its yield, with three controls: coupon, maturity, yield.

    The starting bond's curve stays on the chart (grey, dashed) as the baseline; the
    readout gives the price and what a yield one percentage point higher would do to it.
    A price above the chart's top (up to $400 for a 10% 30-year bond at a 0% yield) is
    marked by a triangle at the top edge, and the readout says so.

    Args:
        coupon_pct: starting coupon, percent a year (0 to 10).
        maturity_years: starting maturity, whole years (1 to 30).
        yield_pct: starting yield to maturity, percent a year (0 to 15).
    """

    controls = (COUPON, MATURITY, YIELD)

    @staticmethod
    def _bond(coupon_pct: float, maturity_years: int) -> bonds.Bond:
        return bonds.Bond(coupon_rate=COUPON.to_model(coupon_pct), maturity_years=maturity_years)

    def draw_frame(
        self, ax: Axes, coupon_pct: float, maturity_years: int, yield_pct: float
    ) -> tuple[Artist, ...]:
        self.yields_pct = np.linspace(*YIELD_AXIS_PCT, 301)
        ax.set_xlim(*YIELD_AXIS_PCT)
        ax.set_ylim(*PRICE_AXIS)
        ax.set_xlabel("Yield to maturity (% a year)")
        ax.set_ylabel(r"Price (\$ per \$100 face)")
        ax.grid(alpha=0.3)
        ax.axhline(100.0, color=BASELINE, linewidth=1, linestyle=":")
        start = bonds.price(self._bond(coupon_pct, maturity_years), YIELD.to_model(self.yields_pct))
        label = f"start: {coupon_pct:g}% coupon, {_years(maturity_years)}"
        ax.plot(self.yields_pct, start, color=BASELINE, linestyle="--", linewidth=2, label=label)
        (self.line,) = ax.plot(
            self.yields_pct, start, color=PALETTE["blue"], linewidth=course_rc()["lines.linewidth"],
            label="your bond",
        )
        (self.point,) = ax.plot([], [], "o", color=PALETTE["vermillion"], markersize=9,
                                clip_on=False)
        ax.legend(loc="upper right")
        return self.line, self.point, ax.title

    def draw(self, coupon_pct: float, maturity_years: int, yield_pct: float) -> str:
        bond = self._bond(coupon_pct, maturity_years)
        # one pricing call for the curve, another for the point and the point one higher
        self.line.set_ydata(bonds.price(bond, YIELD.to_model(self.yields_pct)))
        price, higher = bonds.price(bond, YIELD.to_model(np.array([yield_pct, yield_pct + 1.0])))
        off_chart = price > PRICE_AXIS[1]
        self.point.set_marker("^" if off_chart else "o")
        shown = PRICE_AXIS[1] - OFF_CHART_MARGIN if off_chart else price
        self.point.set_data([yield_pct], [shown])
        title = f"{coupon_pct:g}% coupon, {maturity_years}-year bond"
        self.ax.set_title(f"{title}: \\${price:.2f} at {yield_pct:.2f}%")
        where = " (above the chart, marked by the triangle)" if off_chart else ""
        return (
            f"Price ${price:.2f} per $100 face at a {yield_pct:.2f}% yield "
            f"({coupon_pct:.2f}% coupon, {_years(maturity_years)}){where}. "
            f"A yield 1 percentage point higher would lower it to ${higher:.2f} "
            f"({100 * (higher - price) / price:+.1f}%)."
        )
