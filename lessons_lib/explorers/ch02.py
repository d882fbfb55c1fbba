"""Chapter 02's explorer: who sells, how much and how fast -> the path of the 10-year yield."""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from lessons_lib import market
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE
from lessons_lib.validate import Range

SELLERS = ("japan", "china", "foreign_official")
"""The sellers, in the order of the seller slider (1, 2, 3): keys of :data:`market.HOLDERS`."""
SELLER_RANGE = Range(1.0, 3.0, "seller number (1 Japan, 2 China, 3 all foreign official)")

HORIZON_DAYS = 250
"""Trading days drawn (about a year): room for the longest sale and the short run's decay."""
YIELD_AXIS_BP = (0.0, 400.0)
"""Fixed axis of the yield change, basis points. Japan selling everything in a day reaches
about 380bp in the high calibration; larger results (all foreign official holders selling
fast) go above the chart, and the readout says so."""
OFF_CHART_MARGIN_BP = 12.0
LEGEND_ZORDER = 1.52
BAND_ZORDER = 1.55
"""Drawing order: the axes' grid (1.5), the legend, the shaded band and selling period, the
lines (2). The grid and the legend stay in the kept frame; everything from the band up is
painted at each update, so the band must lie above the grid for the kept frame to give the
same pixels as a full redraw."""

SELLER = Control(
    "seller", "Seller (1 Japan, 2 China, 3 all foreign official)", 1, 3, 1, 1,
    model_range=SELLER_RANGE, integer=True,
)
SHARE_SOLD = Control(
    "share_sold_pct", "Share of its holdings sold (%)", 0.0, 100.0, 5.0, 50.0,
    model_range=market.SHARE_SOLD_RANGE_PCT, readout_format=".0f",
)
DAYS_TAKEN = Control(
    "days_taken", "Days taken to sell (trading days)", 1, 120, 1, 20,
    model_range=market.DAYS_RANGE, integer=True,
)


class SellOffExplorer(Explorer):
    """The 10-year yield, day by day, when a big holder sells part of its Treasuries.

    A seller (Japan, China or all foreign official holders, with their latest holdings in the
    shipped TIC data) sells a share of its holdings evenly over a number of trading days. The
    chart shows the change in the 10-year yield (:func:`lessons_lib.market.impact_band`): the
    central calibration as a line, the low-to-high band shaded, the starting setting's central
    path dashed grey as the baseline. The readout gives the peak and the lasting rise for each
    calibration and what the peak does to the price of a 10-year note bought at par today.

    The seller's portfolio is taken to have the market's duration (so its share of the market
    is the same in face value and in 10-year equivalents): holders do not publish theirs
    (see :func:`lessons_lib.market.holder_size` for the range).

    Args:
        seller: 1 Japan, 2 China, 3 all foreign official.
        share_sold_pct: percent of the holdings sold (0 to 100).
        days_taken: trading days over which it is sold (1 to 120).
    """

    controls = (SELLER, SHARE_SOLD, DAYS_TAKEN)

    def _band(self, seller: int, share_sold_pct: float, days_taken: int) -> market.ImpactBand:
        holder = SELLERS[seller - 1]
        sold = market.holder_sale_usd_bn(holder, share_sold_pct)
        return market.impact_band(market.even_schedule(sold, days_taken),
                                  horizon_days=HORIZON_DAYS)

    def draw_frame(
        self, ax: Axes, seller: int, share_sold_pct: float, days_taken: int
    ) -> tuple[Artist, ...]:
        self.days = np.arange(1, HORIZON_DAYS + 1)
        ax.set_xlim(0, HORIZON_DAYS)
        ax.set_ylim(*YIELD_AXIS_BP)
        ax.set_xlabel("Trading days since the sale began")
        ax.set_ylabel("Change in the 10-year yield (bp)")
        ax.grid(alpha=0.3)
        ax.axhline(0.0, color="black", linewidth=1)
        start = self._band(seller, share_sold_pct, days_taken)
        ax.plot(self.days, start.central_bp, color=BASELINE, linestyle="--", linewidth=2,
                label="start (central)")
        self.band = ax.fill_between(
            self.days, start.low_bp, start.high_bp, color=PALETTE["sky"], alpha=0.35,
            hatch="//", edgecolor=PALETTE["blue"], linewidth=0, label="low to high",
            zorder=BAND_ZORDER,
        )
        (self.central,) = ax.plot(self.days, start.central_bp, color=PALETTE["blue"],
                                  linewidth=2.5, label="central")
        self.selling = ax.axvspan(0, days_taken, color=PALETTE["orange"], alpha=0.12, lw=0,
                                  label="days of selling", zorder=BAND_ZORDER)
        (self.marker,) = ax.plot([], [], "^", color=PALETTE["vermillion"], markersize=10,
                                 clip_on=False)
        # above the grid, below the moving artists: kept in the frame, not repainted each update
        ax.legend(loc="upper right").set_zorder(LEGEND_ZORDER)
        return self.selling, self.band, self.central, self.marker, ax.title

    def draw(self, seller: int, share_sold_pct: float, days_taken: int) -> str:
        holder = SELLERS[seller - 1]
        month_end, held = market.holder_holdings_usd_bn(holder)
        band = self._band(seller, share_sold_pct, days_taken)
        self.band.set_data(self.days, band.low_bp, band.high_bp)
        self.central.set_ydata(band.central_bp)
        self.selling.set_x(0)
        self.selling.set_width(days_taken)
        peaks = [float(b.max()) for b in band]
        top = YIELD_AXIS_BP[1]
        off_chart = peaks[2] > top
        self.marker.set_data(
            ([int(np.argmax(band.high_bp)) + 1], [top - OFF_CHART_MARGIN_BP]) if off_chart
            else ([], [])
        )
        sold = held * share_sold_pct / 100
        share = float(market.share_of_market_pct(sold))
        lasting = [cal.lasting_bp_per_pp * share for cal in market.CALIBRATIONS.values()]
        prices = market.ten_year_note_price(np.array(peaks))
        name = market.HOLDERS[holder][1]
        self.ax.set_title(f"{name} sells {share_sold_pct:.0f}% in {days_taken} days: "
                          f"peak {peaks[1]:.0f}bp (band {peaks[0]:.0f}-{peaks[2]:.0f})")
        where = " The high band goes above the chart (triangle)." if off_chart else ""
        return (
            f"{name} sells {share_sold_pct:.0f}% of its ${held:,.0f} billion "
            f"({month_end:%B %Y}), ${sold:,.0f} billion, {share:.2f}% of the market, over "
            f"{_days(days_taken)}. The 10-year yield peaks {peaks[1]:.1f}bp higher (central; "
            f"low {peaks[0]:.1f}, high {peaks[2]:.1f}) and keeps {lasting[1]:.1f}bp once the "
            f"short run fades (low {lasting[0]:.1f}, high {lasting[2]:.1f}). A 10-year note "
            f"bought at par ($100) at {100 * market.today().ten_year_yield:.2f}% would be worth "
            f"${prices[1]:.2f} at the central peak (${prices[2]:.2f} to ${prices[0]:.2f})."
            f"{where}"
        )


def _days(n: int) -> str:
    return "1 trading day" if n == 1 else f"{n} trading days"
