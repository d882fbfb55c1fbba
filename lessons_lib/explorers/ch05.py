"""Chapter 05's explorer: a yen holder's year on a 10-year Treasury, hedged and unhedged."""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from lessons_lib import holder, market
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE

YEN_AXIS_PCT = (-20.0, 20.0)
"""The x axis, the change in yen per dollar over the year (percent): the slider's range."""
RETURN_AXIS_PCT = (-35.0, 50.0)
"""The fixed y axis, the year's return in yen (percent): it holds every setting of the
sliders (unhedged, about -28% at +200bp and -20%, +46% at -200bp and +20%)."""
LEGEND_ZORDER = 1.52
HOLDER = "japan"
"""Whose holdings the readout prices in yen: Japan's, latest month of ``tic_holdings``."""

YIELD_SHOCK = Control(
    "yield_shock_bp", "Change in the 10-year yield (bp)", -200.0, 200.0, 5.0, 0.0,
    model_range=holder.YIELD_SHOCK_RANGE_BP, readout_format=".0f",
)
YEN_MOVE = Control(
    "jpy_per_usd_change_pct", "Change in yen per dollar over the year (%, + weaker yen)",
    YEN_AXIS_PCT[0], YEN_AXIS_PCT[1], 1.0, 0.0,
    model_range=holder.FX_MOVE_RANGE_PCT, readout_format=".0f",
)


class HolderReturnExplorer(Explorer):
    """A yen investor's return over one year on a 10-year Treasury bought at par today, with
    and without a currency hedge, when its yield moves and the yen moves.

    The starting point is the last day of the shipped data (:func:`holder.latest_rates`): the
    10-year yield, and the US 3-month yield and the BOJ's call rate that price a hedge rolled
    every three months (no cross-currency basis: the data lack it). The chart plots the
    year's return in yen (%) against the change in yen per dollar: unhedged, a line that rises
    with a weaker yen; hedged, flat (the hedge takes the currency out). The grey lines are the
    same with no yield move (the baseline); the points mark the slider's yen move. The readout
    splits the return into carry, price and currency, gives the hedge's cost, and prices the
    result on Japan's Treasuries in yen.

    Goal: with no yield move, find the yen move that wipes out a year of carry for the
    unhedged holder; then find how large a rise of the yield wipes out a year of hedged carry
    (the 10-year yield minus the hedge's cost), and compare the two.

    Args:
        yield_shock_bp: the change in the 10-year yield, at once, basis points (-200 to 200).
        jpy_per_usd_change_pct: the change in yen per dollar over the year, percent (-20 to
            20; positive: a weaker yen).
    """

    controls = (YIELD_SHOCK, YEN_MOVE)

    def _returns(self, yield_shock_bp: float, moves_pct) -> holder.YenReturn:
        rates = holder.latest_rates()
        return holder.yen_return(rates.ten_year_yield, yield_shock_bp, moves_pct,
                                 rates.usd_short_rate, rates.jpy_short_rate)

    def draw_frame(
        self, ax: Axes, yield_shock_bp: float, jpy_per_usd_change_pct: float
    ) -> tuple[Artist, ...]:
        self.moves = np.array(YEN_AXIS_PCT)
        ax.set_xlim(*YEN_AXIS_PCT)
        ax.set_ylim(*RETURN_AXIS_PCT)
        ax.set_xlabel("Change in yen per dollar over the year (%, + weaker yen)")
        ax.set_ylabel("Return over the year, in yen (%)")
        ax.grid(alpha=0.3)
        ax.axhline(0.0, color="black", linewidth=1)
        ax.axvline(0.0, color="black", linewidth=0.6, alpha=0.5)
        start = self._returns(0.0, self.moves)
        ax.plot(self.moves, 100 * start.unhedged, color=BASELINE, linestyle="--", linewidth=1.8,
                label="unhedged, no yield move")
        ax.plot(self.moves, 100 * start.hedged, color=BASELINE, linestyle=":", linewidth=1.8,
                label="hedged, no yield move")
        (self.unhedged,) = ax.plot([], [], color=PALETTE["blue"], linewidth=2.5,
                                   label="unhedged")
        (self.hedged,) = ax.plot([], [], color=PALETTE["vermillion"], linestyle="-.",
                                 linewidth=2.5, label="hedged (3-month forwards)")
        (self.points,) = ax.plot([], [], "o", color=PALETTE["black"], markersize=7)
        ax.legend(loc="upper left", fontsize=9).set_zorder(LEGEND_ZORDER)
        return self.unhedged, self.hedged, self.points, ax.title

    def draw(self, yield_shock_bp: float, jpy_per_usd_change_pct: float) -> str:
        rates = holder.latest_rates()
        lines = self._returns(yield_shock_bp, self.moves)
        self.unhedged.set_data(self.moves, 100 * lines.unhedged)
        self.hedged.set_data(self.moves, 100 * lines.hedged)
        now = self._returns(yield_shock_bp, jpy_per_usd_change_pct)
        self.points.set_data([jpy_per_usd_change_pct] * 2,
                             [100 * now.unhedged, 100 * now.hedged])
        self.ax.set_title(f"Yield {yield_shock_bp:+.0f}bp, yen per dollar "
                          f"{jpy_per_usd_change_pct:+.0f}%: unhedged {100 * now.unhedged:+.1f}%, "
                          f"hedged {100 * now.hedged:+.1f}%")
        month_end, held = market.holder_holdings_usd_bn(HOLDER)
        yen_tn = held * rates.jpy_per_usd / 1000.0
        return (
            f"A 10-year Treasury bought at par at {100 * rates.ten_year_yield:.2f}% "
            f"({rates.date:%d %b %Y}) and held a year; its yield moves {yield_shock_bp:+.0f}bp "
            f"and yen per dollar {jpy_per_usd_change_pct:+.0f}%. Unhedged: "
            f"{100 * now.unhedged:+.2f}% in yen (carry {100 * now.carry:+.2f}, price "
            f"{100 * now.price_change:+.2f}, currency {100 * now.currency:+.2f}, both together "
            f"{100 * now.currency_interaction:+.2f}). Hedged: {100 * now.hedged:+.2f}% (the "
            f"hedge {100 * now.hedge:+.2f}% over the year: US 3-month "
            f"{100 * rates.usd_short_rate:.2f}% against the yen call rate "
            f"{100 * rates.jpy_short_rate:.2f}%, no basis). On Japan's ${held:,.0f} billion "
            f"({month_end:%b %Y}), ¥{yen_tn:,.0f} trillion at {rates.jpy_per_usd:.2f} yen per "
            f"dollar: {_yen(yen_tn * now.unhedged)} unhedged, {_yen(yen_tn * now.hedged)} "
            f"hedged."
        )


def _yen(trillions: float) -> str:
    return f"{'a gain' if trillions >= 0 else 'a loss'} of ¥{abs(trillions):,.2f} trillion"
