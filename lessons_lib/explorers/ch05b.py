"""Chapter 05b's explorer: what dearer dollars and higher US rates do to the interest an
emerging-market borrower pays on its dollar debt."""

from __future__ import annotations

import itertools

from matplotlib.artist import Artist
from matplotlib.axes import Axes

from lessons_lib import dollar, validate
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE

US_RATE = Control(
    "us_rate_change_points", "Change in US rates (points)", -2.0, 6.0, 0.25, 0.0,
    model_range=dollar.US_RATE_CHANGE_RANGE, scale=100.0,
)
DOLLAR = Control(
    "dollar_change_pct", "Rise of the dollar against the borrower's currency (%)",
    -20.0, 50.0, 1.0, 0.0, model_range=dollar.DOLLAR_MOVE_RANGE_PCT, readout_format=".0f",
)
SPREAD = Control(
    "spread_change_points", "Change in the borrower's spread (points)", -2.0, 6.0, 0.25, 0.0,
    model_range=dollar.SPREAD_CHANGE_RANGE, scale=100.0,
)

STEPS = ("before", "dearer\ndollar", "higher\nrates", "both\ntogether", "after")
"""The waterfall's bars, left to right: the interest before, the three parts of the change
(:class:`lessons_lib.dollar.DebtService`) and the interest after."""
STEP_STYLES = (
    {"color": BASELINE},
    {"color": PALETTE["orange"], "hatch": "//"},
    {"color": PALETTE["sky"], "hatch": ".."},
    {"color": PALETTE["green"], "hatch": "xx"},
    {"color": PALETTE["vermillion"]},
)
"""Each bar's fill and hatch, so that they read apart in grayscale too."""
AXIS_PAD = 0.15
"""Room above the highest bar (and below the lowest) for the value labels, as a share of the
range the bars can span."""


class DollarDebtExplorer(Explorer):
    """A year's interest on a borrower's dollar debt, in its own currency, percent of GDP,
    before and after US rates, the dollar and its spread move
    (:func:`lessons_lib.dollar.dollar_debt_service`), as a waterfall: the interest before
    (grey, with a dashed baseline across the chart), the part from the dearer dollar, the
    part from higher rates on the repriced debt, the part from both together, and the
    interest after. The y axis is fixed: it holds every setting of the sliders.

    Goal: with no change in rates, find the rise of the dollar that adds as much interest as
    a 2-point rise in US rates with no move of the dollar.

    Args:
        debt_pct_gdp, dollar_share, us_rate, spread, repricing_share: the borrower, as
            :func:`lessons_lib.dollar.dollar_debt_service` takes them; by default
            :data:`lessons_lib.dollar.STYLISED_BORROWER` (public debt 60% of GDP, a quarter in
            dollars, US rate 2% plus a 3-point spread, 30% repriced within the year).
        us_rate_change_points: the change of US rates, percentage points (-2 to 6).
        dollar_change_pct: the dollar's rise against the borrower's currency, percent (-20 to
            50; negative: a cheaper dollar).
        spread_change_points: the change of the borrower's spread, percentage points (-2 to 6).
    """

    controls = (US_RATE, DOLLAR, SPREAD)

    def __init__(
        self,
        debt_pct_gdp: float = dollar.STYLISED_BORROWER["debt_pct_gdp"],
        dollar_share: float = dollar.STYLISED_BORROWER["dollar_share"],
        us_rate: float = dollar.STYLISED_BORROWER["us_rate"],
        spread: float = dollar.STYLISED_BORROWER["spread"],
        repricing_share: float = dollar.STYLISED_BORROWER["repricing_share"],
        **values: float,
    ) -> None:
        self.borrower = {
            "debt_pct_gdp": validate.number(debt_pct_gdp, "debt_pct_gdp",
                                            dollar.DEBT_RANGE_PCT_GDP),
            "dollar_share": validate.number(dollar_share, "dollar_share", dollar.SHARE_RANGE),
            "us_rate": validate.number(us_rate, "us_rate", dollar.US_RATE_RANGE),
            "spread": validate.number(spread, "spread", dollar.SPREAD_RANGE),
            "repricing_share": validate.number(repricing_share, "repricing_share",
                                               dollar.SHARE_RANGE),
        }
        self.service(0.0, 0.0, 0.0)  # a borrower the model refuses is refused here
        corners = [self.levels(*c) for c in itertools.product(
            *((ctl.low, ctl.high) for ctl in self.controls))]
        low = min(0.0, *(min(c) for c in corners))
        high = max(max(c) for c in corners)
        pad = AXIS_PAD * (high - low)
        self.limits = (low - pad if low < 0 else 0.0, high + pad)
        super().__init__(**values)

    def service(self, us_rate_change_points: float, dollar_change_pct: float,
                spread_change_points: float = 0.0) -> dollar.DebtService:
        """The borrower's interest before and after these moves (slider units: points and
        percent), from :func:`lessons_lib.dollar.dollar_debt_service`; arrays broadcast."""
        return dollar.dollar_debt_service(
            **self.borrower, us_rate_change=US_RATE.to_model(us_rate_change_points),
            dollar_change_pct=dollar_change_pct,
            spread_change=SPREAD.to_model(spread_change_points),
        )

    def levels(self, us_rate_change_points: float, dollar_change_pct: float,
               spread_change_points: float) -> list[float]:
        """The waterfall's running total after each bar, percent of GDP."""
        s = self.service(us_rate_change_points, dollar_change_pct, spread_change_points)
        before = float(s.interest_before_pct_gdp)
        steps = [float(s.from_currency_pct_gdp), float(s.from_rates_pct_gdp),
                 float(s.interaction_pct_gdp)]
        running = [before]
        for step in steps:
            running.append(running[-1] + step)
        return running

    def draw_frame(self, ax: Axes, us_rate_change_points: float, dollar_change_pct: float,
                   spread_change_points: float) -> tuple[Artist, ...]:
        before = float(self.service(0.0, 0.0, 0.0).interest_before_pct_gdp)
        positions = range(len(STEPS))
        ax.figure.subplots_adjust(left=0.11, right=0.97, bottom=0.19, top=0.9)
        ax.set_xlim(-0.6, len(STEPS) - 0.4)
        ax.set_ylim(*self.limits)
        ax.set_xticks(list(positions), STEPS)
        ax.set_ylabel("Interest on dollar debt (% of GDP)")
        ax.grid(axis="x", visible=False)
        ax.axhline(0.0, color="black", linewidth=1)
        ax.axhline(before, color=BASELINE, linestyle="--", linewidth=1.5,
                   label=f"before: {before:.2f}% of GDP")
        self.bars = []
        for position, style in zip(positions, STEP_STYLES, strict=True):
            (bar,) = ax.bar([position], [before if position in (0, 4) else 0.0], width=0.6,
                            edgecolor=PALETTE["black"], linewidth=0.8, **style)
            self.bars.append(bar)
        self.labels = [ax.text(p, 0.0, "", ha="center", va="bottom", fontsize=10)
                       for p in positions]
        ax.legend(loc="upper left", fontsize=9)
        return (*self.bars[1:], *self.labels, ax.title)

    def draw(self, us_rate_change_points: float, dollar_change_pct: float,
             spread_change_points: float) -> str:
        s = self.service(us_rate_change_points, dollar_change_pct, spread_change_points)
        running = self.levels(us_rate_change_points, dollar_change_pct, spread_change_points)
        before, after = running[0], running[-1]
        gap = 0.02 * (self.limits[1] - self.limits[0])
        for index in (1, 2, 3):
            bottom, top = sorted((running[index - 1], running[index]))
            self.bars[index].set_y(bottom)
            self.bars[index].set_height(top - bottom)
            self.labels[index].set_text(f"{running[index] - running[index - 1]:+.2f}")
            self.labels[index].set_position((index, top + gap))
        self.bars[4].set_height(after)
        self.labels[0].set_text(f"{before:.2f}")
        self.labels[0].set_position((0, max(before, 0.0) + gap))
        self.labels[4].set_text(f"{after:.2f}")
        self.labels[4].set_position((4, max(after, 0.0) + gap))
        self.ax.set_title(f"Interest on dollar debt: {before:.2f}% of GDP before, "
                          f"{after:.2f}% after ({after - before:+.2f})", fontsize="medium")
        b = self.borrower
        return (
            f"US rates {us_rate_change_points:+.2f} points, the dollar {dollar_change_pct:+.0f}% "
            f"against the borrower's currency, its spread {spread_change_points:+.2f} points. "
            f"Dollar debt {float(s.debt_before_pct_gdp):.2f}% of GDP in local currency before, "
            f"{float(s.debt_after_pct_gdp):.2f}% after. Interest on it: {before:.2f}% of GDP "
            f"before, {after:.2f}% after ({after - before:+.2f}: dearer dollar "
            f"{float(s.from_currency_pct_gdp):+.2f}, higher rates "
            f"{float(s.from_rates_pct_gdp):+.2f}, both together "
            f"{float(s.interaction_pct_gdp):+.2f}). Borrower: debt {b['debt_pct_gdp']:g}% of "
            f"GDP, {100 * b['dollar_share']:g}% in dollars at {100 * b['us_rate']:g}% + "
            f"{100 * b['spread']:g} points, {100 * b['repricing_share']:g}% repriced within "
            f"the year."
        )
