"""Chapter 06c's explorer: a reserve portfolio in yen with a Treasury floor (Markowitz's
mean-variance frontier, :mod:`lessons_lib.reserves`), and the sale of Treasuries it implies
(priced with chapter 02's model, :mod:`lessons_lib.market`)."""

from __future__ import annotations

import functools

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from lessons_lib import market, reserves
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE
from lessons_lib.validate import Range

CALIBRATIONS = ("low", "central", "high")
FIRST_YEAR, LAST_YEAR = 2000, 2020
"""The start years the slider offers: every window ends with the shipped data (July 2025), so
the shortest, from January 2020, holds more than five years of months."""
START_YEAR_RANGE = Range(float(FIRST_YEAR), float(LAST_YEAR), "first calendar year of the window")
FRONTIER_POINTS = 25
SALE_DAYS = 60
"""The move out of Treasuries is sold evenly over 60 trading days, as in the chapter."""
HORIZON_DAYS = 250
VOLATILITY_AXIS_PCT = (0.0, 14.0)
RETURN_AXIS_PCT = (-4.0, 24.0)
GOAL_GAP_POINTS = 1.0
"""The goal: the highest floor at which the least variance stays within this many percentage
points of volatility of the no-floor one."""

FLOOR = Control(
    "treasury_floor_pct", "Treasury floor (% of the portfolio)", 0.0, 100.0, 5.0, 50.0,
    model_range=reserves.FLOOR_RANGE, scale=100.0, readout_format=".0f",
)
START_YEAR = Control(
    "start_year", "Window starts in (year; ends July 2025)", FIRST_YEAR, LAST_YEAR, 1,
    FIRST_YEAR, model_range=START_YEAR_RANGE, integer=True,
)
DURATION = Control(
    "duration_years", "Bonds' duration (years)", 2.0, 10.0, 1.0, reserves.BOND_DURATION_YEARS,
    model_range=reserves.DURATION_RANGE_YEARS, readout_format=".0f",
)


@functools.lru_cache(maxsize=256)
def window(start_year: int, duration_years: float) -> reserves.Estimates:
    """The estimates in yen from January of ``start_year`` to the end of the data (cached)."""
    return reserves.estimates(float(duration_years), f"{int(start_year)}-01-01")


@functools.lru_cache(maxsize=2048)
def frontier(start_year: int, duration_years: float,
             treasury_floor: float) -> reserves.ReserveFrontier:
    """The efficient frontier for a window and a floor (a share, 0 to 1), cached: its first
    point is the least-variance portfolio."""
    e = window(start_year, duration_years)
    return reserves.efficient_frontier(e.expected_returns, e.covariance, treasury_floor,
                                       FRONTIER_POINTS)


@functools.lru_cache(maxsize=4)
def _lasting_bp_per_usd_bn(calibration: str) -> float:
    """Chapter 02's lasting rise of the 10-year yield, bp, per USD billion sold evenly over
    :data:`SALE_DAYS` days (the lasting part is proportional to the amount)."""
    path = market.impact_parts(market.even_schedule(100.0, SALE_DAYS), calibration,
                               horizon_days=HORIZON_DAYS)
    return float(path.lasting_bp[-1]) / 100.0


def lasting_bp(amount_usd_bn: float) -> tuple[float, float, float]:
    """The lasting rise (low, central, high calibrations), bp, of selling ``amount_usd_bn``
    evenly over :data:`SALE_DAYS` trading days."""
    return tuple(amount_usd_bn * _lasting_bp_per_usd_bn(c) for c in CALIBRATIONS)


class ReservePortfolioExplorer(Explorer):
    """A yen investor's reserve portfolio of Treasuries, Bunds, JGBs and gold: the efficient
    frontier in yen (:func:`lessons_lib.reserves.efficient_frontier`) with at least the floor
    in Treasuries, beside the frontier with no floor (the grey dashed baseline), with the
    least-variance portfolio of each marked. Sliders: the floor, the year the sample starts
    (it always ends in July 2025) and the bonds' duration. The readout gives the least-variance
    weights and volatility, and the dollars that would leave Treasuries if Japan's holdings
    (:func:`lessons_lib.market.holder_holdings_usd_bn`) moved to those weights, with the
    lasting rise of the 10-year yield chapter 02's band gives that sale (60 trading days).
    The axes are fixed.

    Goal: find the highest floor at which the least-variance portfolio's volatility stays
    within 1 percentage point of the no-floor one's.

    Args:
        treasury_floor_pct: the floor, % of the portfolio (0 to 100).
        start_year: the window's first year (2000 to 2020).
        duration_years: the bonds' modified duration, years (2 to 10).
    """

    controls = (FLOOR, START_YEAR, DURATION)

    def __init__(self, **values: float) -> None:
        self.month, self.held_usd_bn = market.holder_holdings_usd_bn("japan")
        super().__init__(**values)

    def least_variance(self, treasury_floor_pct: float, start_year: int,
                       duration_years: float) -> tuple[np.ndarray, float]:
        """The least-variance weights with the floor, and their volatility (% a year)."""
        f = frontier(int(start_year), float(duration_years), treasury_floor_pct / 100.0)
        return f.weights[0], 100.0 * float(f.volatilities[0])

    def moved_usd_bn(self, treasury_floor_pct: float, start_year: int,
                     duration_years: float) -> float:
        """USD billions that leave Treasuries if Japan's holdings move to the least-variance
        weights with the floor."""
        weights, _ = self.least_variance(treasury_floor_pct, start_year, duration_years)
        return self.held_usd_bn * (1.0 - float(weights[0]))

    def draw_frame(self, ax: Axes, treasury_floor_pct: float, start_year: int,
                   duration_years: float) -> tuple[Artist, ...]:
        ax.figure.subplots_adjust(left=0.1, right=0.97, bottom=0.13, top=0.9)
        ax.set_xlim(*VOLATILITY_AXIS_PCT)
        ax.set_ylim(*RETURN_AXIS_PCT)
        ax.set_xlabel("Volatility in yen (% a year)")
        ax.set_ylabel("Expected return in yen (% a year)")
        (self.free_line,) = ax.plot([], [], color=BASELINE, linestyle="--", linewidth=1.5,
                                    label="no floor")
        (self.floor_line,) = ax.plot([], [], color=PALETTE["vermillion"], linestyle="-",
                                     linewidth=2.2, label="with the floor")
        (self.assets,) = ax.plot([], [], color=PALETTE["black"], marker="s", markersize=5,
                                 linestyle="none", label="each asset alone")
        (self.free_point,) = ax.plot([], [], color=BASELINE, marker="o", markersize=7,
                                     linestyle="none", label="least variance, no floor")
        (self.floor_point,) = ax.plot([], [], color=PALETTE["vermillion"], marker="D",
                                      markersize=7, linestyle="none",
                                      label="least variance, with the floor")
        self.labels = [ax.text(0.0, 0.0, name, fontsize=8, va="bottom",
                               ha="right" if name == "Treasuries" else "left")
                       for name in ("Treasuries", "Bunds", "JGBs", "gold")]
        legend = ax.legend(loc="upper left", fontsize=8)
        legend.set_zorder(1.5)  # below the lines (which never reach that corner): in the frame
        return (self.free_line, self.floor_line, self.assets, self.free_point,
                self.floor_point, *self.labels, ax.title)

    def draw(self, treasury_floor_pct: float, start_year: int, duration_years: float) -> str:
        e = window(int(start_year), float(duration_years))
        free = frontier(int(start_year), float(duration_years), 0.0)
        held = frontier(int(start_year), float(duration_years), treasury_floor_pct / 100.0)
        self.free_line.set_data(100 * free.volatilities, 100 * free.expected_returns)
        self.floor_line.set_data(100 * held.volatilities, 100 * held.expected_returns)
        x, y = 100 * e.volatilities, 100 * e.expected_returns
        self.assets.set_data(x, y)
        for label, xi, yi in zip(self.labels, x, y, strict=True):  # Treasuries' to the left
            shift = -0.3 if label.get_ha() == "right" else 0.3
            label.set_position((min(xi, VOLATILITY_AXIS_PCT[1] - 2.5) + shift, yi + 0.2))
        self.free_point.set_data([100 * free.volatilities[0]], [100 * free.expected_returns[0]])
        self.floor_point.set_data([100 * held.volatilities[0]], [100 * held.expected_returns[0]])
        weights, vol = held.weights[0], 100.0 * float(held.volatilities[0])
        vol_free = 100.0 * float(free.volatilities[0])
        gap = vol - vol_free
        self.ax.set_title(f"A {treasury_floor_pct:.0f}% floor adds {gap:.2f} points of "
                          f"volatility at the least-variance end", fontsize="medium")
        moved = self.held_usd_bn * (1.0 - float(weights[0]))
        low, central, high = lasting_bp(moved)
        mix = ", ".join(f"{name} {100 * w:.0f}%" for name, w in
                        zip(("Treasuries", "Bunds", "JGBs", "gold"), weights, strict=True))
        return (
            f"Yen returns {e.first_month:%b %Y} to {e.last_month:%b %Y}, bonds' duration "
            f"{duration_years:.0f} years, at least {treasury_floor_pct:.0f}% in Treasuries. "
            f"Least variance: {mix}; volatility {vol:.2f}% a year, against {vol_free:.2f}% "
            f"with no floor ({gap:+.2f} points; goal: within {GOAL_GAP_POINTS:.0f}). "
            f"If Japan's ${self.held_usd_bn:,.1f} billion of Treasuries ({self.month:%b %Y}) "
            f"moved to this mix, ${moved:,.0f} billion would leave Treasuries: sold over "
            f"{SALE_DAYS} trading days, chapter 02's model leaves the 10-year yield {low:.1f} "
            f"to {high:.1f} bp higher for good (central {central:.1f})."
        )
