"""Chapter 06b's explorer: how fast to sell a large holding of Treasuries (Almgren & Chriss's
optimal execution, :mod:`lessons_lib.execution`, with chapter 02's calibrations)."""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from lessons_lib import execution, market, validate
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE
from lessons_lib.validate import Range

CALIBRATIONS = ("low", "central", "high")
"""The calibrations, in the order of the calibration slider (1, 2, 3): keys of
:data:`lessons_lib.market.CALIBRATIONS`."""
CALIBRATION_RANGE = Range(1.0, 3.0, "calibration number (1 low, 2 central, 3 high)")
LOG_RISK_AVERSION_RANGE = Range(-6.0, 6.0, "log10 of the risk aversion, per USD billion")
"""The risk aversion slider moves in powers of ten: -2 is 0.01 per USD billion."""

MAX_DAYS = 60
"""The x axis, trading days: the longest sale the slider allows."""
HOLDINGS_AXIS_PCT = (0.0, 105.0)
GOAL_DAYS, GOAL_SHARE_PCT = 2, 50.0
"""The goal: half the amount sold by the end of the second day (marked on the chart)."""

DAYS = Control(
    "days_to_sell", "Days to sell (trading days)", 2, MAX_DAYS, 1, 20,
    model_range=execution.PERIODS_RANGE, integer=True,
)
RISK_AVERSION = Control(
    "log10_risk_aversion", "Risk aversion (log10, per $ billion)", -4.0, 1.0, 0.25, -2.0,
    model_range=LOG_RISK_AVERSION_RANGE,
)
CALIBRATION = Control(
    "calibration", "Calibration (1 low, 2 central, 3 high)", 1, 3, 1, 2,
    model_range=CALIBRATION_RANGE, integer=True,
)


class ExecutionExplorer(Explorer):
    """A holder sells ``total_usd_bn`` of Treasuries over a number of trading days (one
    period a day): its holdings, as a percentage of the amount to sell, day by day, for a
    fire sale (everything on the first day: the grey dashed baseline), an even sale and
    Almgren & Chriss's optimal schedule for the seller's risk aversion
    (:func:`lessons_lib.execution.optimal_trajectory`), with parameters from chapter 02's
    calibration (:func:`lessons_lib.execution.treasury_parameters`). The readout gives each
    schedule's expected cost and standard deviation (USD billions), the permanent part no
    schedule avoids, and the lasting rise of the 10-year yield, the same for all. The axes
    are fixed.

    Goal: find the risk aversion at which the optimal schedule sells half the amount in the
    first two days.

    Args:
        total_usd_bn: the amount to sell, USD billions (above 0, at most 10,000); by default
            half of Japan's latest holdings (:func:`lessons_lib.market.holder_sale_usd_bn`).
        days_to_sell: trading days the sale takes (2 to 60).
        log10_risk_aversion: the risk aversion's power of ten, per USD billion (-4 to 1).
        calibration: 1 low, 2 central, 3 high.
    """

    controls = (DAYS, RISK_AVERSION, CALIBRATION)

    def __init__(self, total_usd_bn: float | None = None, **values: float) -> None:
        if total_usd_bn is None:
            total_usd_bn = float(market.holder_sale_usd_bn("japan", 50.0))
        self.total_usd_bn = validate.number(total_usd_bn, "total_usd_bn",
                                            Range(0.0, 10_000.0, "USD billions", low_open=True))
        self.parameters = {name: execution.treasury_parameters(name) for name in CALIBRATIONS}
        super().__init__(**values)

    def schedules(self, days_to_sell: int, log10_risk_aversion: float,
                  calibration: int) -> dict[str, np.ndarray]:
        """Holdings (USD billions, ``days_to_sell + 1`` values from the total to 0) of the
        fire sale, the even sale and the optimal one for these slider values."""
        p = self.parameters[CALIBRATIONS[int(calibration) - 1]]
        total, n = self.total_usd_bn, int(days_to_sell)
        return {
            "fire": execution.fire_sale(total, n),
            "even": execution.even_trajectory(total, n),
            "optimal": execution.optimal_trajectory(total, n, n, p.sigma, p.eta, p.gamma,
                                                    10.0 ** log10_risk_aversion),
        }

    def costs(self, days_to_sell: int, log10_risk_aversion: float,
              calibration: int) -> dict[str, execution.ScheduleCost]:
        """Each schedule's expected cost and standard deviation (:func:`schedules`)."""
        p = self.parameters[CALIBRATIONS[int(calibration) - 1]]
        return {name: execution.schedule_cost(x, int(days_to_sell), p.sigma, p.eta, p.gamma)
                for name, x in self.schedules(days_to_sell, log10_risk_aversion,
                                              calibration).items()}

    def lasting_bp(self, calibration: int) -> float:
        """The lasting rise of the 10-year yield once the sale is done, bp (chapter 02's
        lasting part): the same for every schedule."""
        p = self.parameters[CALIBRATIONS[int(calibration) - 1]]
        return p.lasting_bp_per_pp * p.points_per_usd_bn * self.total_usd_bn

    def draw_frame(self, ax: Axes, days_to_sell: int, log10_risk_aversion: float,
                   calibration: int) -> tuple[Artist, ...]:
        ax.figure.subplots_adjust(left=0.1, right=0.97, bottom=0.13, top=0.9)
        ax.set_xlim(0, MAX_DAYS)
        ax.set_ylim(*HOLDINGS_AXIS_PCT)
        ax.set_xlabel("Trading days since the sale began")
        ax.set_ylabel("Still held (% of the amount to sell)")
        ax.plot([0, 1, MAX_DAYS], [100.0, 0.0, 0.0], color=BASELINE, linestyle="--",
                linewidth=1.5, label="fire sale (all on day 1)")
        ax.plot([GOAL_DAYS], [GOAL_SHARE_PCT], marker="o", color=PALETTE["black"],
                linestyle="none", markersize=6, label="goal: half sold by day 2")
        (self.even_line,) = ax.plot([], [], color=PALETTE["blue"], linestyle=":",
                                    linewidth=2.2, label="even")
        (self.optimal_line,) = ax.plot([], [], color=PALETTE["vermillion"], linestyle="-",
                                       linewidth=2.2, marker=".", label="optimal")
        ax.legend(loc="upper right", fontsize=9)
        return (self.even_line, self.optimal_line, ax.title)

    def draw(self, days_to_sell: int, log10_risk_aversion: float, calibration: int) -> str:
        trajectories = self.schedules(days_to_sell, log10_risk_aversion, calibration)
        costs = self.costs(days_to_sell, log10_risk_aversion, calibration)
        days = np.arange(int(days_to_sell) + 1)
        scale = 100.0 / self.total_usd_bn
        self.even_line.set_data(days, trajectories["even"] * scale)
        self.optimal_line.set_data(days, trajectories["optimal"] * scale)
        sold_two = 100.0 - trajectories["optimal"][GOAL_DAYS] * scale
        self.ax.set_title(f"The optimal schedule sells {sold_two:.0f}% in the first two days",
                          fontsize="medium")
        name = CALIBRATIONS[int(calibration) - 1]
        lam = 10.0 ** log10_risk_aversion
        readout = "; ".join(f"{label} {costs[key].expected_usd_bn:.2f} (sd "
                            f"{costs[key].std_usd_bn:.2f})" for key, label in
                            (("fire", "fire sale"), ("even", "even"), ("optimal", "optimal")))
        return (
            f"Selling ${self.total_usd_bn:,.2f} billion over {int(days_to_sell)} trading days, "
            f"{name} calibration, risk aversion {lam:.4g} per $ billion. Expected cost to the "
            f"seller, $ billions (standard deviation): {readout}. The optimal schedule sells "
            f"{sold_two:.0f}% in the first two days. Every schedule pays the permanent part, "
            f"${costs['fire'].permanent_usd_bn:.2f} billion, and leaves the 10-year yield "
            f"{self.lasting_bp(calibration):.1f} bp higher for good: selling slowly saves "
            f"only the rest."
        )
