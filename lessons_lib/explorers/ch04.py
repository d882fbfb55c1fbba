"""Chapter 04's explorer: raise the yields, change growth or the primary deficit, and read
what happens to the interest bill and the debt over CBO's ten years."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis

from lessons_lib import fiscal, validate
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE

SHOCK = Control(
    "shock_points", "Yields above CBO's path (points)", -1.0, 3.0, 0.25, 0.0,
    model_range=fiscal.SHOCK_RANGE_POINTS,
)
GROWTH = Control(
    "growth_change_points", "Nominal GDP growth vs CBO (points a year)", -2.0, 2.0, 0.25, 0.0,
    model_range=fiscal.GROWTH_CHANGE_RANGE_POINTS,
)
DEFICIT = Control(
    "primary_deficit_change_pct_gdp", "Primary deficit vs CBO (% of GDP)", -3.0, 3.0, 0.25, 0.0,
    model_range=fiscal.DEFICIT_CHANGE_RANGE_PCT_GDP,
)

YEAR_AXIS = (2025.5, 2035.5)
"""Fiscal years on the x-axis: 2026 to 2035, CBO's ten years."""


class FiscalPathExplorer(Explorer):
    """CBO's January 2025 baseline under higher yields, other growth or another primary
    deficit (:func:`lessons_lib.fiscal.project`): net interest as a share of revenue (left)
    and debt held by the public as a share of GDP (right), fiscal years 2026-2035, each beside
    CBO's own path (grey, dashed).

    Three sliders: the yield shock over CBO's projected yields (percentage points, from
    October 2025), the change in nominal GDP growth (points a year) and in the primary deficit
    (percent of GDP a year). The rest are fixed when the explorer is made (the base explorer
    has no "advanced" panel): how long the shock lasts, the mix the debt is issued in and the
    feedback of debt on yields.

    Args:
        persistence: the share of the yield shock left after a year (above 0, up to 1; 1 by
            default: it lasts).
        debt_shares: bills', notes' and bonds' shares of the debt the issuance keeps (decimals
            summing to 1); default: today's, from the MSPD profile.
        debt_feedback_bp_per_pp: basis points added to yields per point of debt/GDP above
            CBO's path (0 by default; CBO's estimate is 2 to 3).
        shock_points, growth_change_points, primary_deficit_change_pct_gdp: starting values of
            the sliders.
    """

    controls = (SHOCK, GROWTH, DEFICIT)

    def __init__(self, persistence: float = 1.0, debt_shares: Any = None,
                 debt_feedback_bp_per_pp: float = 0.0, **values: float) -> None:
        self.persistence = validate.number(persistence, "persistence",
                                           fiscal.PERSISTENCE_RANGE)
        self.debt_shares = debt_shares
        self.feedback = validate.number(debt_feedback_bp_per_pp, "debt_feedback_bp_per_pp",
                                        fiscal.FEEDBACK_RANGE_BP_PER_PP)
        self.cbo = fiscal.project()
        self.years = self.cbo.index.to_numpy()
        corners = [self.table(*c) for c in itertools.product(
            *((ctl.low, ctl.high) for ctl in self.controls))]
        self.limits = {
            column: (min(float(t[column].min()) for t in [*corners, self.cbo]),
                     max(float(t[column].max()) for t in [*corners, self.cbo]))
            for column in ("interest_pct_revenue", "debt_pct_gdp")
        }
        super().__init__(**values)

    def table(self, shock_points: float, growth_change_points: float,
              primary_deficit_change_pct_gdp: float) -> pd.DataFrame:
        """The projection for these slider values (:func:`lessons_lib.fiscal.project`)."""
        return fiscal.project(shock_points, self.persistence, primary_deficit_change_pct_gdp,
                              growth_change_points, self.debt_shares, self.feedback)

    def draw_frame(self, ax: Axes, shock_points: float, growth_change_points: float,
                   primary_deficit_change_pct_gdp: float) -> tuple[Artist, ...]:
        figure = ax.figure
        grid = figure.add_gridspec(1, 2, left=0.08, right=0.98, bottom=0.13, top=0.80,
                                   wspace=0.28)
        ax.set_subplotspec(grid[0])
        self.ax_debt = figure.add_subplot(grid[1])
        panels = (
            (ax, "interest_pct_revenue", "Net interest (% of revenue)"),
            (self.ax_debt, "debt_pct_gdp", "Debt held by the public (% of GDP)"),
        )
        moving: list[Artist] = []
        self.lines = {}
        for panel, column, label in panels:
            low, high = self.limits[column]
            pad = 0.06 * (high - low)
            panel.set_xlim(*YEAR_AXIS)
            panel.set_ylim(low - pad, high + pad)
            panel.set_xticks(self.years[::3])
            panel.set_xlabel("Fiscal year")
            panel.set_ylabel(label)
            panel.grid(alpha=0.3)
            (cbo,) = panel.plot(self.years, self.cbo[column], color=BASELINE, linestyle="--",
                                linewidth=2, label="CBO's baseline, January 2025")
            (line,) = panel.plot(self.years, self.cbo[column], color=PALETTE["blue"],
                                 linewidth=2.5, marker="o", markersize=3,
                                 label="with your changes (rollover model)")
            self.lines[column] = line
            moving += [line, panel.title]
        # one legend for both panels, on the figure: drawn once with the frame
        figure.legend(handles=[cbo, line], loc="upper center", ncol=2, fontsize="small",
                      frameon=False)
        return tuple(moving)

    def _painted_each_update(self, moving: Iterable[Artist]) -> list[Artist]:
        """As the base class does for the left axes, and the same for the right one (the
        debt panel): its changing artists and those drawn above them are painted each update."""
        moving = list(moving)
        debt_children = self.ax_debt.get_children()
        right = [a for a in moving if any(a is c for c in debt_children)]
        painted = super()._painted_each_update([a for a in moving
                                                if not any(a is r for r in right)])
        lowest = min(a.get_zorder() for a in right)
        extra = [c for c in sorted(debt_children, key=lambda c: c.get_zorder())
                 if any(c is a for a in right) or (c.get_zorder() >= lowest
                                                    and c is not self.ax_debt.patch
                                                    and not isinstance(c, Axis))]
        for artist in extra:
            artist.set_animated(True)
        return painted + extra

    def draw(self, shock_points: float, growth_change_points: float,
             primary_deficit_change_pct_gdp: float) -> str:
        table = self.table(shock_points, growth_change_points, primary_deficit_change_pct_gdp)
        for column, line in self.lines.items():
            line.set_ydata(table[column].to_numpy())
        last, cbo = table.iloc[-1], self.cbo.iloc[-1]
        year = int(table.index[-1])
        self.ax.set_title(f"{last.interest_pct_revenue:.1f}% of revenue in {year} "
                          f"(CBO {cbo.interest_pct_revenue:.1f}%)", fontsize="medium")
        self.ax_debt.set_title(f"{last.debt_pct_gdp:.1f}% of GDP in {year} "
                               f"(CBO {cbo.debt_pct_gdp:.1f}%)", fontsize="medium")
        lasting = ("lasting" if self.persistence == 1
                   else f"{self.persistence:.0%} of it left after a year")
        added = float((table["interest_usd_bn"] - self.cbo["interest_usd_bn"]).sum())
        return (
            f"Yields {shock_points:+.2f} points over CBO's path ({lasting}), nominal growth "
            f"{growth_change_points:+.2f} points, primary deficit "
            f"{primary_deficit_change_pct_gdp:+.2f}% of GDP: in FY{year} net interest is "
            f"${last.interest_usd_bn:,.0f}B, {last.interest_pct_revenue:.1f}% of revenue "
            f"(CBO {cbo.interest_pct_revenue:.1f}%) and {last.interest_pct_outlays:.1f}% of "
            f"outlays; debt held by the public is {last.debt_pct_gdp:.1f}% of GDP "
            f"(CBO {cbo.debt_pct_gdp:.1f}%); r - g is {last.r_minus_g_points:+.2f} points "
            f"(CBO {cbo.r_minus_g_points:+.2f}). Net interest over 2026-2035: "
            f"{'+' if added >= 0 else '-'}${abs(added):,.0f}B against CBO."
        )

    @classmethod
    def example(cls) -> FiscalPathExplorer:
        """CBO's baseline with a lasting shock and today's issuance mix, no debt feedback."""
        return cls()

