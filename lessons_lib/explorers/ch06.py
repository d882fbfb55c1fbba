"""Chapter 06's explorer and its helpers: a sale by Japan with and without Fed purchases that
offset it (quantitative easing), in chapter 02's price-impact model.

The purchases are **duration-matched**: the Fed buys 10-year notes worth a chosen share of the
sale in 10-year equivalents (:func:`lessons_lib.market.ten_year_equivalents`), so that a
purchase of 100% takes back exactly the interest-rate risk the seller put on the market. Both
legs are expressed in 10-year equivalents and fed to :func:`lessons_lib.market.impact_band`
with the 10-year note's duration as the seller's, which gives each leg its share of the
market in 10-year equivalents. The model is linear, so purchases are sales with the sign
flipped and the two legs' impacts add (see :mod:`lessons_lib.market`).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from lessons_lib import market, validate
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE
from lessons_lib.validate import Range

SALE_DAYS = 21
"""Trading days the sale takes in the explorer: a month."""
PURCHASE_DAYS = 21
"""Trading days the Fed's purchases take in the explorer: a month."""
HORIZON_DAYS = 250
"""Trading days drawn (about a year)."""
YIELD_AXIS_BP = (-200.0, 360.0)
"""Fixed axis of the yield change, basis points: Japan selling everything in a month peaks at
about 340bp in the high calibration; purchases larger than the sale push the path below zero.
Larger moves go off the chart, and the readout says so."""
OFF_CHART_MARGIN_BP = 12.0
LEGEND_ZORDER = 1.52
BAND_ZORDER = 1.55
"""Drawing order as in chapter 02's explorer: grid, legend, then the bands, then the lines."""

PURCHASES_RANGE_PCT = Range(0.0, 1000.0, "percent of the sale, in 10-year equivalents")
DELAY_RANGE_DAYS = Range(0.0, 1000.0, "trading days after the sale begins")
GOAL_LASTING_BP = 5.0
"""The explorer's goal: the lasting rise under this many basis points in the high calibration."""


class QESchedules(NamedTuple):
    """Daily net sales in 10-year equivalents, USD billions, padded to the horizon.

    ``sale``: the seller alone; ``purchases``: the Fed's purchases (negative); ``net``: both.
    ``sale_usd_bn`` is the sale in face value, ``purchases_usd_bn`` the Fed's purchases in face
    value of 10-year notes (equal to their 10-year equivalents).
    """

    sale: npt.NDArray[np.float64]
    purchases: npt.NDArray[np.float64]
    net: npt.NDArray[np.float64]
    sale_usd_bn: float
    purchases_usd_bn: float


def qe_schedules(
    sale_usd_bn: float,
    purchases_pct: float,
    delay_days: int = 0,
    sale_days: int = SALE_DAYS,
    purchase_days: int = PURCHASE_DAYS,
    horizon_days: int = HORIZON_DAYS,
    seller_duration_years: float | None = None,
) -> QESchedules:
    """A sale spread evenly over ``sale_days`` and Fed purchases of ``purchases_pct`` percent of
    it in 10-year equivalents, spread evenly over ``purchase_days`` starting ``delay_days``
    after the sale's first day (0: the same days).

    Args:
        sale_usd_bn: the sale, USD billions face value (0 to 100,000).
        purchases_pct: the Fed's purchases, percent of the sale in 10-year equivalents (0 to
            1,000; 100 offsets the sale exactly).
        delay_days: trading days from the sale's first day to the Fed's (whole, 0 or more).
        sale_days, purchase_days: trading days each takes (whole, 1 or more).
        horizon_days: days in the result; must cover both the sale and the purchases.
        seller_duration_years: the seller's portfolio duration, years; by default the market's
            (today's, :func:`lessons_lib.market.today`).

    Raises:
        ValueError: naming the argument, for a number outside its range, a count that is not
            whole, or a horizon too short for the schedules.
    """
    sale = validate.number(sale_usd_bn, "sale_usd_bn", market.AMOUNT_RANGE_USD_BN)
    share = validate.number(purchases_pct, "purchases_pct", PURCHASES_RANGE_PCT)
    counts = {}
    for name, value, low in (("delay_days", delay_days, 0), ("sale_days", sale_days, 1),
                             ("purchase_days", purchase_days, 1),
                             ("horizon_days", horizon_days, 1)):
        number = validate.number(value, name, Range(low, 2520.0, "trading days"))
        if not number.is_integer():
            raise ValueError(f"{name} must be a whole number of trading days, got {value!r}")
        counts[name] = int(number)
    horizon = counts["horizon_days"]
    if horizon < max(counts["sale_days"], counts["delay_days"] + counts["purchase_days"]):
        raise ValueError(f"horizon_days ({horizon}) must cover the sale and the purchases")
    now = market.today()
    duration = now.market_duration_years if seller_duration_years is None else \
        validate.number(seller_duration_years, "seller_duration_years",
                        market.DURATION_RANGE_YEARS)
    sale_teq = float(market.ten_year_equivalents(sale, duration, now.ten_year_duration_years))
    bought_teq = sale_teq * share / 100.0
    sold = np.zeros(horizon)
    sold[: counts["sale_days"]] = sale_teq / counts["sale_days"]
    bought = np.zeros(horizon)
    start = counts["delay_days"]
    bought[start: start + counts["purchase_days"]] = -bought_teq / counts["purchase_days"]
    return QESchedules(sold, bought, sold + bought, sale, bought_teq)


def band_in_ten_year_equivalents(schedule: npt.ArrayLike) -> market.ImpactBand:
    """:func:`lessons_lib.market.impact_band` of a schedule given in 10-year equivalents (USD
    billions a day) in today's market: the seller's duration is the 10-year note's."""
    return market.impact_band(schedule,
                              seller_duration_years=market.today().ten_year_duration_years)


def lasting_bp(schedule: npt.ArrayLike) -> dict[str, float]:
    """The lasting rise (bp) a schedule in 10-year equivalents leaves in today's market, by
    calibration: lambda x the net share of the market sold (negative for net purchases)."""
    total = float(np.sum(schedule))
    points = 100.0 * total / market.market_ten_year_equivalents()
    return {name: cal.lasting_bp_per_pp * points for name, cal in market.CALIBRATIONS.items()}


SHARE_SOLD = Control(
    "share_sold_pct", "Share of Japan's holdings sold (%)", 0.0, 100.0, 5.0, 50.0,
    model_range=market.SHARE_SOLD_RANGE_PCT, readout_format=".0f",
)
PURCHASES = Control(
    "purchases_pct", "Fed purchases (% of the sale, 10-year equivalents)", 0.0, 150.0, 5.0, 0.0,
    model_range=PURCHASES_RANGE_PCT, readout_format=".0f",
)
DELAY = Control(
    "delay_days", "Fed starts after (trading days)", 0, 60, 1, 0,
    model_range=DELAY_RANGE_DAYS, integer=True,
)


class QEExplorer(Explorer):
    """The 10-year yield, day by day, when Japan sells part of its Treasuries over a month and
    the Fed buys 10-year notes to offset some, all or more of it, over a month of its own.

    The chart shows the change in the 10-year yield with the Fed (the central calibration as a
    line, the low-to-high band shaded) and without it (the high calibration dotted, the central
    dash-dotted), with the starting setting's central path dashed grey as the baseline. The
    readout gives the peak and the lasting rise with and without the Fed for each calibration,
    and says whether the goal (a lasting rise under 5bp in the high calibration) is met.

    Args:
        share_sold_pct: percent of Japan's latest holdings (TIC) sold, over 21 trading days.
        purchases_pct: the Fed's purchases, percent of the sale in 10-year equivalents.
        delay_days: trading days from the sale's first day to the Fed's first purchase.
    """

    controls = (SHARE_SOLD, PURCHASES, DELAY)

    def schedules(self, share_sold_pct: float, purchases_pct: float,
                  delay_days: int) -> QESchedules:
        """The sale and the purchases for these control values (10-year equivalents)."""
        sold = float(market.holder_sale_usd_bn("japan", share_sold_pct))
        return qe_schedules(sold, purchases_pct, delay_days)

    def draw_frame(self, ax: Axes, share_sold_pct: float, purchases_pct: float,
                   delay_days: int) -> tuple[Artist, ...]:
        self.days = np.arange(1, HORIZON_DAYS + 1)
        ax.set_xlim(0, HORIZON_DAYS)
        ax.set_ylim(*YIELD_AXIS_BP)
        ax.set_xlabel("Trading days since the sale began")
        ax.set_ylabel("Change in the 10-year yield (bp)")
        ax.grid(alpha=0.3)
        ax.axhline(0.0, color="black", linewidth=1)
        plan = self.schedules(share_sold_pct, purchases_pct, delay_days)
        start = band_in_ten_year_equivalents(plan.net)
        ax.plot(self.days, start.central_bp, color=BASELINE, linestyle="--", linewidth=2,
                label="start (central)")
        self.band = ax.fill_between(
            self.days, start.low_bp, start.high_bp, color=PALETTE["sky"], alpha=0.35,
            hatch="//", edgecolor=PALETTE["blue"], linewidth=0, label="with the Fed: low to high",
            zorder=BAND_ZORDER,
        )
        (self.without_high,) = ax.plot(self.days, start.high_bp, color=PALETTE["vermillion"],
                                       linestyle=":", linewidth=2,
                                       label="without the Fed: high")
        (self.without_central,) = ax.plot(self.days, start.central_bp,
                                          color=PALETTE["orange"], linestyle="-.",
                                          linewidth=2, label="without the Fed: central")
        (self.central,) = ax.plot(self.days, start.central_bp, color=PALETTE["blue"],
                                  linewidth=2.5, label="with the Fed: central")
        (self.marker,) = ax.plot([], [], "v", color=PALETTE["vermillion"], markersize=10,
                                 clip_on=False)
        ax.legend(loc="upper right", fontsize="small").set_zorder(LEGEND_ZORDER)
        return (self.band, self.without_high, self.without_central, self.central,
                self.marker, ax.title)

    def draw(self, share_sold_pct: float, purchases_pct: float, delay_days: int) -> str:
        plan = self.schedules(share_sold_pct, purchases_pct, delay_days)
        with_fed = band_in_ten_year_equivalents(plan.net)
        without = band_in_ten_year_equivalents(plan.sale)
        self.band.set_data(self.days, with_fed.low_bp, with_fed.high_bp)
        self.central.set_ydata(with_fed.central_bp)
        self.without_high.set_ydata(without.high_bp)
        self.without_central.set_ydata(without.central_bp)
        highest = max(float(without.high_bp.max()), float(with_fed.high_bp.max()))
        lowest = float(with_fed.high_bp.min())
        bottom, top = YIELD_AXIS_BP
        if highest > top:
            self.marker.set_data([int(np.argmax(without.high_bp)) + 1],
                                 [top - OFF_CHART_MARGIN_BP])
        elif lowest < bottom:
            self.marker.set_data([int(np.argmin(with_fed.high_bp)) + 1],
                                 [bottom + OFF_CHART_MARGIN_BP])
        else:
            self.marker.set_data([], [])
        peak = [float(b.max()) for b in with_fed]
        peak_without = [float(b.max()) for b in without]
        lasting = lasting_bp(plan.net)
        lasting_without = lasting_bp(plan.sale)
        met = lasting["high"] < GOAL_LASTING_BP
        self.ax.set_title(f"Japan sells {share_sold_pct:.0f}%, the Fed buys "
                          f"{purchases_pct:.0f}%: lasting {lasting['high']:.1f}bp (high)")
        where = " Part of a path goes off the chart (triangle)." if (
            highest > top or lowest < bottom) else ""
        low_note = (f" The high path dips to {lowest:.1f}bp: purchases beyond the sale push "
                    "yields below where they started." if lowest < -0.05 else "")
        return (
            f"Japan sells {share_sold_pct:.0f}% of its holdings, ${plan.sale_usd_bn:,.0f} "
            f"billion, over {SALE_DAYS} trading days; the Fed buys ${plan.purchases_usd_bn:,.0f} "
            f"billion of 10-year notes ({purchases_pct:.0f}% of the sale in 10-year "
            f"equivalents) over {PURCHASE_DAYS} days from day {delay_days + 1}. "
            f"With the Fed: peak {peak[1]:.1f}bp (low {peak[0]:.1f}, high {peak[2]:.1f}), "
            f"lasting {lasting['central']:.1f}bp (low {lasting['low']:.1f}, high "
            f"{lasting['high']:.1f}). Without it: peak {peak_without[1]:.1f}bp (low "
            f"{peak_without[0]:.1f}, high {peak_without[2]:.1f}), lasting "
            f"{lasting_without['central']:.1f}bp (high {lasting_without['high']:.1f}). "
            f"Goal, lasting rise under {GOAL_LASTING_BP:.0f}bp at the high calibration: "
            f"{'met' if met else 'not yet'}.{low_note}{where}"
        )
