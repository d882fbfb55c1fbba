"""Chapter 07's explorer: the capstone as an app. Build a scenario from the sliders and watch
the whole chain of :mod:`lessons_lib.scenario` redraw: the 10-year yield's path, the net
interest it adds year by year over CBO's baseline, and the dollar's move and the seller's own
loss."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

import ipywidgets as widgets
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis

from lessons_lib import market, scenario, validate
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE
from lessons_lib.validate import Range

SELLERS = ("japan", "china")
"""The sellers, in the order of the seller slider (1 Japan, 2 China)."""
CALIBRATIONS = scenario.CALIBRATIONS
"""The calibrations, in the order of the calibration slider (1 low, 2 central, 3 high)."""

SELLER = Control("seller", "Seller (1 Japan, 2 China)", 1, 2, 1, 1,
                 model_range=Range(1.0, 2.0, "seller number (1 Japan, 2 China)"), integer=True)
SIZE = Control("share_sold_pct", "Share of its holdings sold (%)", 0.0, 100.0, 5.0, 50.0,
               model_range=market.SHARE_SOLD_RANGE_PCT, readout_format=".0f")
DAYS = Control("days", "Days to sell (trading days)", 1, 250, 1, 21,
               model_range=scenario.FIELDS["days"], integer=True)
FED = Control("fed_share_pct", "Fed buys (% of the sale)", 0.0, 150.0,
              10.0, 0.0, model_range=scenario.FIELDS["fed_share_pct"], readout_format=".0f")
REPO = Control("repo_share_pct", "Repo instead (% of the dollars)", 0.0, 100.0,
               10.0, 0.0, model_range=scenario.FIELDS["repo_share_pct"], readout_format=".0f")
CONSOLIDATION = Control("consolidation_pct_gdp", "Consolidation (% of GDP a year)", 0.0, 3.0,
                        0.25, 0.0, model_range=scenario.FIELDS["consolidation_pct_gdp"])
CALIBRATION = Control("calibration", "Calibration (1 low, 2 central, 3 high)", 1, 3, 1, 2,
                      model_range=Range(1.0, 3.0, "calibration number (1 low, 2 central, 3 high)"),
                      integer=True)

GOAL_INTEREST_USD_BN = 100.0
"""The explorer's goal: Japan sells half, and the net interest added over FY2026-2035 stays
under this many USD billions in the high calibration."""
DAYS_SHOWN = 300
"""Trading days on the yield panel's x axis."""
IMAGE_WIDTH = "780px"
"""Shown width of the three panels (the base explorers' 640px is one panel's)."""
BAND_ZORDER = 1.55
"""Bands and bars sit above the grid (zorder 1.5), as in chapter 06's explorer, so that
painting them over the kept frame gives the same pixels as a full redraw."""
OFF_CHART_MARGIN = 0.04
"""Where the off-chart triangle sits, as a share of the axis from its edge."""


def _padded(low: float, high: float, share: float = 0.08) -> tuple[float, float]:
    pad = share * (high - low)
    return low - pad, high + pad


class ScenarioExplorer(Explorer):
    """One scenario of :mod:`lessons_lib.scenario`, built from seven sliders: who sells
    (Japan or China), what share of its latest TIC holdings, over how many trading days; the
    Fed's purchases (percent of the sale in 10-year equivalents), the share raised by repo
    instead of a sale, a fiscal consolidation (percent of GDP a year); and the calibration
    the lines show (the band is always drawn).

    Three panels, fixed axes: the change in the 10-year yield day by day (band low to high,
    chosen calibration solid, the starting setting dashed grey); the net interest added each
    fiscal year over CBO's baseline (zero line dashed grey); the dollar's move against the
    seller's currency and the seller's loss as a percent of the sale (bars at the chosen
    calibration, whiskers low to high). The readout gives every link's figures.

    Goal: Japan sells half its Treasuries. Find a mix of remedies that keeps the net interest
    added over FY2026-2035 under $100 billion in the high calibration.

    Args:
        converted_pct: percent of the dollars raised that the seller exchanges for its own
            currency (0 to 100; 0 by default: it keeps them).
        **values: starting values of the sliders.
    """

    controls = (SELLER, SIZE, DAYS, FED, REPO, CONSOLIDATION, CALIBRATION)

    def __init__(self, converted_pct: float = 0.0, **values: Any) -> None:
        self.converted_pct = validate.number(converted_pct, "converted_pct",
                                             scenario.FIELDS["converted_pct"])
        self.cbo = scenario.baseline()
        self.years = self.cbo.index.to_numpy()
        self._limits()
        super().__init__(**values)
        first = [self.sliders[c.name] for c in self.controls[:4]]
        second = [self.sliders[c.name] for c in self.controls[4:]]
        self.image.layout = widgets.Layout(width=IMAGE_WIDTH, max_width="100%")
        self.ui = widgets.VBox([widgets.HBox([widgets.VBox(first), widgets.VBox(second)]),
                                self.readout, self.image])

    # ---- the model

    def build(self, seller: int, share_sold_pct: float, days: int, fed_share_pct: float,
              repo_share_pct: float, consolidation_pct_gdp: float,
              calibration: int) -> scenario.Scenario:
        """The :class:`lessons_lib.scenario.Scenario` these slider values describe."""
        who = SELLERS[int(seller) - 1]
        return scenario.Scenario(
            name="explorer", seller=who, days=int(days),
            size={"from": "tic_holdings", "holder": who, "share": share_sold_pct / 100.0},
            fed_share_pct=fed_share_pct, repo_share_pct=repo_share_pct,
            consolidation_pct_gdp=consolidation_pct_gdp, converted_pct=self.converted_pct,
            calibration=CALIBRATIONS[int(calibration) - 1],
            title=f"{who} sells {share_sold_pct:.0f}% over {int(days)} days")

    def result(self, **values: Any) -> scenario.ScenarioResult:
        """:func:`lessons_lib.scenario.run` for these slider values (the others as now)."""
        merged = {**self.values, **values} if hasattr(self, "values") else values
        return scenario.run(self.build(**merged))

    def _limits(self) -> None:
        """Axes wide enough for every slider setting: from the extreme corners."""
        corners = []
        for seller, fed, cut, days in itertools.product((1, 2), (0.0, FED.high),
                                                        (0.0, CONSOLIDATION.high), (1, 21)):
            corners.append(scenario.run(self.build(seller, SIZE.high, days, fed, 0.0, cut, 2)))
        yields = np.concatenate([np.concatenate(r.yield_bp) for r in corners])
        interest = np.concatenate([(t["interest_usd_bn"] - self.cbo["interest_usd_bn"])
                                   .to_numpy() for r in corners for t in r.fiscal.values()])
        bars = np.concatenate([[v for m in ("dollar_move_pct", "seller_loss_pct")
                                for v in getattr(r, m).values()] for r in corners])
        self.yield_limits = _padded(min(0.0, float(yields.min())), float(yields.max()), 0.05)
        self.interest_limits = _padded(float(interest.min()), float(interest.max()))
        self.bar_limits = _padded(min(0.0, float(bars.min())), float(bars.max()))

    # ---- drawing

    def draw_frame(self, ax: Axes, **values: Any) -> tuple[Artist, ...]:
        figure = ax.figure
        figure.set_size_inches(10.0, 3.6)
        grid = figure.add_gridspec(1, 3, left=0.07, right=0.99, bottom=0.14, top=0.9,
                                   wspace=0.38, width_ratios=(1.25, 1.0, 0.9))
        ax.set_subplotspec(grid[0])
        self.ax_interest = figure.add_subplot(grid[1])
        self.ax_bars = figure.add_subplot(grid[2])
        start = self.result(**values)
        chosen = CALIBRATIONS.index(start.scenario.calibration)
        days = np.arange(1, scenario.HORIZON_DAYS + 1)
        self.days = days
        # the yield path
        ax.set_xlim(0, DAYS_SHOWN)
        ax.set_ylim(*self.yield_limits)
        ax.set_xlabel("Trading days since the sale began")
        ax.set_ylabel("10-year yield change (bp)")
        ax.grid(alpha=0.3)
        ax.axhline(0.0, color="black", linewidth=0.8)
        (self.start_line,) = ax.plot(days, start.yield_bp[chosen], color=BASELINE,
                                     linestyle="--", linewidth=1.8, label="start")
        self.band = ax.fill_between(days, start.yield_bp.low_bp, start.yield_bp.high_bp,
                                    color=PALETTE["sky"], alpha=0.4, linewidth=0,
                                    label="low to high", zorder=BAND_ZORDER)
        (self.path,) = ax.plot(days, start.yield_bp[chosen], color=PALETTE["blue"],
                               linewidth=2.2, label="chosen calibration")
        (self.yield_marker,) = ax.plot([], [], "v", color=PALETTE["vermillion"],
                                       markersize=9, clip_on=False)
        ax.legend(loc="upper right", fontsize="x-small")
        # the interest bill
        panel = self.ax_interest
        panel.set_xlim(self.years[0] - 0.5, self.years[-1] + 0.5)
        panel.set_ylim(*self.interest_limits)
        panel.set_xticks(self.years[::3])
        panel.set_xlabel("Fiscal year")
        panel.set_ylabel("Net interest over CBO ($bn a year)")
        panel.grid(alpha=0.3)
        panel.axhline(0.0, color=BASELINE, linestyle="--", linewidth=1.5)
        self.interest_band = panel.fill_between(self.years, 0 * self.years, 0 * self.years,
                                                color=PALETTE["orange"], alpha=0.3, hatch="//",
                                                linewidth=0, zorder=BAND_ZORDER)
        (self.interest_line,) = panel.plot(self.years, 0 * self.years, color=PALETTE["vermillion"],
                                           linestyle="-.", linewidth=2.2, marker="o",
                                           markersize=3)
        # the dollar and the seller
        bars = self.ax_bars
        bars.set_xlim(*self.bar_limits)
        bars.set_ylim(-0.6, 1.6)
        bars.set_yticks([1, 0], ["dollar\nmove", "seller's\nloss"])
        bars.set_xlabel("Percent")
        bars.grid(axis="y", visible=False)
        bars.axvline(0.0, color=BASELINE, linewidth=1)
        self.bar_patches = bars.barh([1, 0], [0.0, 0.0], height=0.5,
                                     color=[PALETTE["green"], PALETTE["purple"]],
                                     hatch="..", edgecolor=PALETTE["black"], linewidth=0.5,
                                     zorder=BAND_ZORDER)
        (self.whiskers,) = bars.plot([], [], color=PALETTE["black"], marker="|",
                                     markersize=10, linewidth=1.2)
        moving = [self.band, self.path, self.yield_marker, ax.title, self.interest_band,
                  self.interest_line, panel.title, *self.bar_patches, self.whiskers,
                  bars.title]
        return tuple(moving)

    def _painted_each_update(self, moving: Iterable[Artist]) -> list[Artist]:
        """As the base class does for the first panel, and the same for the other two."""
        moving = list(moving)
        others = (self.ax_interest, self.ax_bars)
        children = {id(p): p.get_children() for p in others}
        mine = {id(p): [a for a in moving if any(a is c for c in children[id(p)])]
                for p in others}
        taken = [a for group in mine.values() for a in group]
        painted = super()._painted_each_update([a for a in moving
                                                if not any(a is t for t in taken)])
        for panel in others:
            group = mine[id(panel)]
            lowest = min(a.get_zorder() for a in group)
            extra = [c for c in sorted(children[id(panel)], key=lambda c: c.get_zorder())
                     if any(c is a for a in group) or (c.get_zorder() >= lowest
                                                        and c is not panel.patch
                                                        and not isinstance(c, Axis))]
            for artist in extra:
                artist.set_animated(True)
            painted += extra
        return painted

    def draw(self, seller: int, share_sold_pct: float, days: int, fed_share_pct: float,
             repo_share_pct: float, consolidation_pct_gdp: float, calibration: int) -> str:
        values = {"seller": seller, "share_sold_pct": share_sold_pct, "days": days,
                  "fed_share_pct": fed_share_pct, "repo_share_pct": repo_share_pct,
                  "consolidation_pct_gdp": consolidation_pct_gdp, "calibration": calibration}
        result = scenario.run(self.build(**values))
        s = result.scenario
        cal = s.calibration
        chosen = CALIBRATIONS.index(cal)
        band = result.yield_bp
        self.band.set_data(self.days, band.low_bp, band.high_bp)
        self.path.set_ydata(band[chosen])
        bottom, top = self.yield_limits
        if float(band.high_bp.max()) > top:
            self.yield_marker.set_data([int(np.argmax(band.high_bp)) + 1],
                                       [top - OFF_CHART_MARGIN * (top - bottom)])
        else:
            self.yield_marker.set_data([], [])
        added = {c: (t["interest_usd_bn"] - self.cbo["interest_usd_bn"]).to_numpy()
                 for c, t in result.fiscal.items()}
        self.interest_band.set_data(self.years, np.minimum(added["low"], added["high"]),
                                    np.maximum(added["low"], added["high"]))
        self.interest_line.set_ydata(added[cal])
        move, loss = result.dollar_move_pct, result.seller_loss_pct
        self.bar_patches[0].set_width(move[cal])
        self.bar_patches[1].set_width(loss[cal])
        self.whiskers.set_data([min(move.values()), max(move.values()), np.nan,
                                min(loss.values()), max(loss.values())], [1, 1, np.nan, 0, 0])
        self.ax.set_title(f"Lasting rise {result.lasting_bp[cal]:.1f} bp ({cal})",
                          fontsize="small")
        self.ax_interest.set_title(f"{result.added_interest_usd_bn[cal]:+,.0f} $bn over "
                                   "FY2026-35", fontsize="small")
        self.ax_bars.set_title(f"Dollar {move[cal]:+.2f}%, loss {loss[cal]:.2f}%",
                               fontsize="small")
        name, currency = scenario.SELLERS[s.seller]
        interest = result.added_interest_usd_bn
        met = interest["high"] < GOAL_INTEREST_USD_BN and s.seller == "japan" and \
            share_sold_pct == 50.0
        local = ("yen" if currency == "JPY" else "dollars")
        off = " High path off the chart (triangle)." if float(
            band.high_bp.max()) > top else ""
        return (
            f"{name} sells {share_sold_pct:.0f}% (${s.size_usd_bn:,.1f} billion) over "
            f"{s.days} days; Fed {fed_share_pct:.0f}%, repo {repo_share_pct:.0f}%, "
            f"consolidation {consolidation_pct_gdp:.2f}% of GDP. Yield: peak "
            f"{result.peak_bp[cal]:.1f} bp, lasting {result.lasting_bp[cal]:.1f} bp ({cal}; "
            f"{result.lasting_bp['low']:.1f} to {result.lasting_bp['high']:.1f}). Interest "
            f"FY2026-35: {interest[cal]:+,.0f} $bn vs CBO ({interest['low']:+,.0f} to "
            f"{interest['high']:+,.0f}); debt/GDP FY2035 {result.debt_pct_gdp_2035[cal]:.1f}% "
            f"(CBO {self.cbo['debt_pct_gdp'].iloc[-1]:.1f}%). Dollar {move[cal]:+.2f}%. "
            f"Seller's loss {loss[cal]:.2f}% of the sale, "
            f"{result.seller_loss_local_bn[cal]:,.1f} billion {local}. Goal (Japan 50%, high "
            f"under ${GOAL_INTEREST_USD_BN:.0f} billion): {'met' if met else 'not yet'}.{off}"
        )
