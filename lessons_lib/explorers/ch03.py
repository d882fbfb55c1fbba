"""Chapter 03's explorers: the tangent line of duration on a note's price-yield curve
(:class:`DurationExplorer`), and today's yield curve shifted and twisted, with what $100B of
new debt costs along it (:class:`CurveCostExplorer`, used in chapter 03b)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from lessons_lib import bonds, curve, data
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE
from lessons_lib.validate import RATE_CHANGE_RANGE

SHIFT = Control(
    "shift_bp", "Parallel shift (bp)", -200.0, 300.0, 10.0, 0.0,
    model_range=curve.MOVE_RANGE_BP, readout_format=".0f",
)
STEEPEN = Control(
    "steepen_bp", "Steepen: 10-year vs 2-year (bp)", -150.0, 150.0, 10.0, 0.0,
    model_range=curve.MOVE_RANGE_BP, readout_format=".0f",
)
BILLS = Control(
    "bills_share_pct", "Bills' share of new debt (%)", 0.0, 100.0, 5.0, 20.0,
    model_range=curve.SHARE_RANGE, scale=100, readout_format=".0f",
)
"""The rest is split between notes and bonds as in the marketable debt outstanding."""

AMOUNT_USD_BN = 100.0
"""New debt the explorer prices, USD billions."""
PIVOT_YEARS = 2.0
"""The steepening's pivot: the 2-year yield stays put."""
MATURITY_AXIS_YEARS = (0.0, 31.0)
"""Maturity axis, years: a little past 30 so the 30-year's marker shows whole."""


class CurveCostExplorer(Explorer):
    """Today's yield curve (the latest day of ``yield_curve_daily``, fitted by Nelson-Siegel)
    moved by a parallel shift and a steepening around the 2-year, and the interest on $100B
    of new debt borrowed along it.

    The bills' share is a slider; the rest is notes and bonds in the proportion of the
    marketable debt outstanding (``maturity_profile``, TIPS and FRNs left out). Bills stand
    for 3-month bills, notes for the 2-, 3-, 5-, 7- and 10-year, bonds for the 20- and
    30-year, in equal parts (:data:`lessons_lib.curve.KIND_MATURITIES_YEARS`). Debt that
    matures within ten years is rolled over at the moved curve's yield for its maturity
    (``rollover="unchanged"``: the move lasts). The readout gives the first-year and the
    ten-year interest, and their change from today's curve with the same mix.

    Args:
        yield_curve: the daily curve (``data.load("yield_curve_daily")`` by default); its
            last day is today's curve.
        profile: the maturity profile (``data.load("maturity_profile")`` by default).
        shift_bp, steepen_bp, bills_share_pct: starting values of the sliders.
    """

    controls = (SHIFT, STEEPEN, BILLS)

    def __init__(self, yield_curve: pd.DataFrame | None = None,
                 profile: pd.DataFrame | None = None, **values: float) -> None:
        frame = data.load("yield_curve_daily") if yield_curve is None else yield_curve
        self.day = frame.index[-1]
        self.observed = curve.row_maturities(frame.iloc[-1])
        self.today = curve.fit_row(frame.iloc[-1]).curve
        shares = curve.outstanding_shares(
            data.load("maturity_profile") if profile is None else profile)
        self.notes_of_rest = shares.notes / (shares.notes + shares.bonds)
        self.maturities = np.linspace(0.05, MATURITY_AXIS_YEARS[1], 200)
        super().__init__(**values)

    def moved(self, shift_bp: float, steepen_bp: float) -> curve.Curve:
        """Today's curve shifted by ``shift_bp`` and steepened by ``steepen_bp`` (basis
        points) around the 2-year."""
        return curve.steepen(curve.shift(self.today, shift_bp), steepen_bp, PIVOT_YEARS)

    def mix(self, bills_share_pct: float) -> curve.IssuanceMix:
        """$100B as bills (this share, percent) and notes and bonds in the outstanding
        proportion."""
        bills = BILLS.to_model(bills_share_pct)
        rest = 1.0 - bills
        notes = rest * self.notes_of_rest
        return curve.mix_by_kind(bills, notes, rest - notes, AMOUNT_USD_BN)

    def costs(self, shift_bp: float, steepen_bp: float,
              bills_share_pct: float) -> tuple[curve.IssuanceCost, curve.IssuanceCost]:
        """The interest on $100B at the moved curve and at today's, with this mix."""
        mix = self.mix(bills_share_pct)
        return (curve.issuance_cost(self.moved(shift_bp, steepen_bp), *mix),
                curve.issuance_cost(self.today, *mix))

    def draw_frame(self, ax: Axes, shift_bp: float, steepen_bp: float,
                   bills_share_pct: float) -> tuple[Artist, ...]:
        base = 100 * np.asarray(self.today.yield_at(self.maturities))
        corners = [100 * np.asarray(self.moved(s, t).yield_at(self.maturities))
                   for s in (SHIFT.low, SHIFT.high) for t in (STEEPEN.low, STEEPEN.high)]
        low = min(float(np.min(c)) for c in corners)
        high = max(float(np.max(c)) for c in corners)
        ax.set_xlim(*MATURITY_AXIS_YEARS)
        ax.set_ylim(np.floor(low) - 0.5, np.ceil(high) + 2.5)  # room for the legend
        ax.set_xlabel("Maturity (years)")
        ax.set_ylabel("Yield (% a year)")
        ax.grid(alpha=0.3)
        ax.plot(self.maturities, base, color=BASELINE, linestyle="--", linewidth=2,
                label=f"today's curve ({self.day:%d %b %Y}, fitted)")
        m, y = self.observed
        ax.plot(m, 100 * y, "o", color=BASELINE, markersize=5, label="today's yields")
        (self.line,) = ax.plot(self.maturities, base, color=PALETTE["blue"], linewidth=2.5,
                               label="moved curve")
        (self.points,) = ax.plot([], [], "s", color=PALETTE["vermillion"], markersize=7,
                                 label="where the new debt is issued")
        ax.legend(loc="upper left", fontsize="small", ncol=2)
        return self.line, self.points, ax.title

    def draw(self, shift_bp: float, steepen_bp: float, bills_share_pct: float) -> str:
        moved = self.moved(shift_bp, steepen_bp)
        self.line.set_ydata(100 * np.asarray(moved.yield_at(self.maturities)))
        mix = self.mix(bills_share_pct)
        used = mix.maturities_years[mix.amounts_usd_bn > 0]
        self.points.set_data(used, 100 * np.asarray(moved.yield_at(used)))
        now, base = self.costs(shift_bp, steepen_bp, bills_share_pct)
        self.ax.set_title(f"\\$100B of new debt: \\${now.first_year_usd_bn:.2f}B in year one, "
                          f"\\${now.total_usd_bn:.1f}B over ten years")
        notes = (100 - bills_share_pct) * self.notes_of_rest
        return (
            f"$100B borrowed as {bills_share_pct:.0f}% bills, {notes:.0f}% notes and "
            f"{100 - bills_share_pct - notes:.0f}% bonds, on today's curve shifted "
            f"{shift_bp:+.0f} bp and steepened {steepen_bp:+.0f} bp (10-year vs 2-year): "
            f"interest ${now.first_year_usd_bn:.2f}B in the first year "
            f"({now.first_year_usd_bn - base.first_year_usd_bn:+.2f}B against today's curve), "
            f"${now.total_usd_bn:.1f}B over ten years "
            f"({now.total_usd_bn - base.total_usd_bn:+.1f}B), "
            f"debt that matures rolled over at the same curve."
        )


# --- duration and convexity: the tangent line ------------------------------------------------

START_YIELD = 0.03
"""The note's coupon and starting yield, decimal: the article's 3%, so the note starts at $100."""
DURATION_MATURITY = Control(
    "maturity_years", "Maturity (years)", 1, 30, 1, 10,
    model_range=bonds.MATURITY_RANGE_YEARS, integer=True,
)
YIELD_CHANGE = Control(
    "yield_change_bp", "Change in yield (bp)", -200.0, 600.0, 1.0, 0.0,
    model_range=RATE_CHANGE_RANGE, scale=10_000, readout_format=".0f",
)
"""Steps of one basis point, so that a goal such as "the rise that takes the 10-year note to
$90, within 5 cents" can be reached: near $90 one step moves that note's price by about
8 cents."""
DURATION_YIELD_AXIS_PCT = (0.0, 10.0)
"""Fixed yield axis, percent a year: the starting 3% less 2 points to plus 6 points, and a
little room either side."""
DURATION_PRICE_AXIS = (0.0, 170.0)
"""Fixed price axis, dollars per $100 face; the tangent of a 30-year bond runs off its bottom
for large rises, as it should: a straight line can price a bond below zero."""


class DurationExplorer(Explorer):
    """A 3% note priced at a 3% yield ($100), its price-yield curve, and the two estimates of
    a new price that chapter 03 builds: the tangent line (modified duration) and the tangent
    bent by convexity.

    The 10-year note's curve stays on the chart (grey, dashed) as the baseline; the vertical
    dotted line marks the new yield. The readout gives the exact new price, the two estimates
    and the tangent line's error. Computed with :func:`lessons_lib.bonds.price_change`.

    Args:
        maturity_years: starting maturity, whole years (1 to 30).
        yield_change_bp: starting change in yield from 3%, basis points (-200 to 600).
    """

    controls = (DURATION_MATURITY, YIELD_CHANGE)

    def __init__(self, **values: float) -> None:
        self.grid_pct = np.linspace(*DURATION_YIELD_AXIS_PCT, 201)
        super().__init__(**values)

    @staticmethod
    def note(maturity_years: int) -> bonds.Bond:
        """The 3% note (coupons twice a year) with ``maturity_years`` to run."""
        return bonds.Bond(coupon_rate=START_YIELD, maturity_years=maturity_years)

    def draw_frame(self, ax: Axes, maturity_years: int,
                   yield_change_bp: float) -> tuple[Artist, ...]:
        ax.set_xlim(*DURATION_YIELD_AXIS_PCT)
        ax.set_ylim(*DURATION_PRICE_AXIS)
        ax.set_xlabel("Yield to maturity (% a year)")
        ax.set_ylabel(r"Price (\$ per \$100 face)")
        ax.grid(alpha=0.3)
        ax.plot(self.grid_pct, bonds.price(self.note(10), self.grid_pct / 100), color=BASELINE,
                linestyle="--", linewidth=1.5, label="10-year 3% note (start)")
        ax.axvline(100 * START_YIELD, color=BASELINE, linewidth=1, linestyle=":")
        (self.exact,) = ax.plot([], [], color=PALETTE["blue"], linewidth=2.5,
                                label="price (exact)")
        (self.tangent,) = ax.plot([], [], color=PALETTE["vermillion"], linestyle="--",
                                  linewidth=2, label="tangent: duration")
        (self.bent,) = ax.plot([], [], color=PALETTE["green"], linestyle="-.", linewidth=2,
                               label="duration + convexity")
        self.marker = ax.axvline(100 * START_YIELD, color=PALETTE["black"], linewidth=1,
                                 linestyle=":")
        (self.dots,) = ax.plot([], [], "o", color=PALETTE["black"], markersize=6)
        ax.legend(loc="upper right", fontsize="small")
        return self.exact, self.tangent, self.bent, self.marker, self.dots, ax.title

    def draw(self, maturity_years: int, yield_change_bp: float) -> str:
        note = self.note(maturity_years)
        dy_grid = self.grid_pct / 100 - START_YIELD
        whole = bonds.price_change(note, START_YIELD, dy_grid)
        self.exact.set_data(self.grid_pct, 100 + np.asarray(whole.exact))
        self.tangent.set_data(self.grid_pct, 100 + np.asarray(whole.duration))
        self.bent.set_data(self.grid_pct, 100 + np.asarray(whole.duration_convexity))
        dy = YIELD_CHANGE.to_model(yield_change_bp)
        new_pct = 100 * (START_YIELD + dy)
        here = bonds.price_change(note, START_YIELD, dy)
        exact, first, second = (100 + float(v) for v in here)
        self.marker.set_xdata([new_pct, new_pct])
        self.dots.set_data([new_pct] * 3, [exact, first, second])
        years = "1 year" if maturity_years == 1 else f"{maturity_years} years"
        self.ax.set_title(f"A 3% note, {years} to run: the tangent line and the curve")
        return (
            f"{years} to run, yield 3.00% to {new_pct:.2f}% ({yield_change_bp:+.0f} bp): "
            f"price ${exact:.2f} (exact); tangent line (duration "
            f"{float(bonds.modified_duration(note, START_YIELD)):.2f} years) ${first:.2f}, "
            f"off by ${first - exact:+.2f}; with convexity ${second:.2f}, "
            f"off by ${second - exact:+.2f}."
        )
