"""Chapter 01d's explorer: how much of a fall in recorded holdings is price."""

from __future__ import annotations

from matplotlib.artist import Artist
from matplotlib.axes import Axes

from lessons_lib import data, holdings, maturity
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE

DEBT_SHAPED_DURATION_YEARS = round(maturity.duration_years(data.load("maturity_profile"), 0.04), 1)
"""The modified duration of a portfolio shaped like the marketable debt (the shipped maturity
profile, bills included) at a 4% yield, to a tenth of a year: the slider's starting value."""

DURATION = Control(
    "duration_years", "Portfolio duration (years)", 0.0, 10.0, 0.1,
    DEBT_SHAPED_DURATION_YEARS, model_range=holdings.DURATION_RANGE_YEARS,
)
YIELD_CHANGE = Control(
    "yield_change_points", "Yield change (points)", -1.0, 1.0, 0.01, 0.0,
    model_range=holdings.YIELD_CHANGE_RANGE, scale=100,
)


class HoldingsChangeExplorer(Explorer):
    """How much of a fall in recorded holdings a rise in yields explains.

    Bars show the recorded change, the first-order price effect
    (:func:`lessons_lib.holdings.valuation_change`) and what is left for net trading and
    everything else. Controls: the portfolio's modified duration and the yield change.

    Args:
        label: what the episode is, e.g. "Japan, March to April 2024".
        start_usd_bn, end_usd_bn: recorded holdings before and after, USD billions.
        yield_change_points: the observed change in yields, percentage points (-1 to 1: the
            starting value of its slider, drawn as the baseline).
        duration_years: starting modified duration of the portfolio, years (0 to 10); by
            default that of a portfolio shaped like the marketable debt
            (:data:`DEBT_SHAPED_DURATION_YEARS`).
    """

    controls = (DURATION, YIELD_CHANGE)

    def __init__(
        self,
        label: str,
        start_usd_bn: float,
        end_usd_bn: float,
        yield_change_points: float,
        duration_years: float = DURATION.default,
    ) -> None:
        self.label = label
        self.start_usd_bn = start_usd_bn
        self.end_usd_bn = end_usd_bn
        super().__init__(duration_years=duration_years, yield_change_points=yield_change_points)

    @classmethod
    def example(cls) -> HoldingsChangeExplorer:
        """Japan from March to April 2024, from the shipped TIC holdings and month-end yields."""
        japan = data.load("tic_holdings")["japan_usd_bn"]
        y10 = data.load("yields_monthly")["y10y_month_end_pct"]
        return cls(
            "Japan, March to April 2024", float(japan["2024-03-31"]), float(japan["2024-04-30"]),
            float(y10["2024-04-30"] - y10["2024-03-31"]),
        )

    def _split(self, duration_years: float, yield_change_points: float) -> holdings.HoldingsChange:
        return holdings.decompose_change(
            self.start_usd_bn, self.end_usd_bn, duration_years,
            YIELD_CHANGE.to_model(yield_change_points),
        )

    def draw_frame(
        self, ax: Axes, duration_years: float, yield_change_points: float
    ) -> tuple[Artist, ...]:
        names = ["recorded change", "price effect", "net trading and other"]
        colours = [PALETTE["black"], PALETTE["sky"], PALETTE["vermillion"]]
        self.bars = ax.bar(names, [0.0, 0.0, 0.0], color=colours, edgecolor="black")
        for bar, hatch in zip(self.bars, ("", "//", ".."), strict=True):
            bar.set_hatch(hatch)
        start = self._split(duration_years, yield_change_points)
        ax.plot(
            [0.6, 1.4], [start.valuation_usd_bn] * 2, color=BASELINE, linestyle="--",
            linewidth=2, label="price effect at the starting values",
        )
        ax.axhline(0.0, color="black", linewidth=1)
        # room for the largest price effect the sliders can reach, and the recorded change
        reach = self.start_usd_bn * DURATION.high * YIELD_CHANGE.to_model(YIELD_CHANGE.high)
        scale = max(abs(self.end_usd_bn - self.start_usd_bn), reach) * 1.3
        ax.set_ylim(-scale, scale)
        ax.set_ylabel("USD billions")
        ax.legend(loc="upper right")
        return (*self.bars, ax.title)

    def draw(self, duration_years: float, yield_change_points: float) -> str:
        split = self._split(duration_years, yield_change_points)
        values = (split.recorded_usd_bn, split.valuation_usd_bn, split.other_usd_bn)
        for bar, value in zip(self.bars, values, strict=True):
            bar.set_height(value)
        self.ax.set_title(f"{self.label}: price effect {split.valuation_usd_bn:+.1f}bn")
        return (
            f"{self.label}: holdings changed by {split.recorded_usd_bn:+.1f} billion dollars. "
            f"With yields {yield_change_points:+.2f} points, a portfolio of duration "
            f"{duration_years:.1f} years changes in value by {split.valuation_usd_bn:+.1f} "
            f"billion; that leaves {split.other_usd_bn:+.1f} billion for net trading and "
            "everything else."
        )
