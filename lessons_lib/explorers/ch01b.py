"""Chapter 01b's explorer: why foreign holders' share of the debt fell while their holdings grew."""

from __future__ import annotations

from matplotlib.artist import Artist
from matplotlib.axes import Axes

from lessons_lib import data
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE
from lessons_lib.validate import DECIMAL, Range, number

GROWTH_RANGE = Range(-0.5, 1.0, DECIMAL)
"""Annual growth rates the share model accepts, as decimals (-50% to +100% a year)."""

FIRST_YEAR, LAST_YEAR = 2012, 2024
"""Fiscal years compared: foreign holders' peak share, and the last year with all the data."""


def _fiscal_year_end(year: int) -> tuple[float, float]:
    """(debt held by the public, foreign holdings) at the end of fiscal ``year``, USD billions."""
    debt = data.load("federal_debt_fy")["debt_held_by_public_usd_bn"]
    foreign = data.load("tic_holdings")["all_foreign_usd_bn"]
    return float(debt[year]), float(foreign[f"{year}-09-30"])


def annual_growth(start: float, end: float, years: int) -> float:
    """The constant yearly growth rate, as a decimal, that takes ``start`` to ``end``."""
    return (end / start) ** (1 / years) - 1


def share_after(share_start_pct: float, holding_growth: float, debt_growth: float,
                years: int) -> float:
    """A holder's share of a debt (in %) after ``years`` of constant growth of both.

    Args:
        share_start_pct: the starting share, in %.
        holding_growth, debt_growth: yearly growth of the holding and of the debt, decimals.
        years: how many years.
    """
    holding_growth = number(holding_growth, "holding_growth", GROWTH_RANGE)
    debt_growth = number(debt_growth, "debt_growth", GROWTH_RANGE)
    return share_start_pct * ((1 + holding_growth) / (1 + debt_growth)) ** years


_DEBT_0, _FOREIGN_0 = _fiscal_year_end(FIRST_YEAR)
_DEBT_1, _FOREIGN_1 = _fiscal_year_end(LAST_YEAR)
YEARS = LAST_YEAR - FIRST_YEAR
SHARE_FIRST_PCT = 100 * _FOREIGN_0 / _DEBT_0
SHARE_LAST_PCT = 100 * _FOREIGN_1 / _DEBT_1
DEBT_GROWTH = annual_growth(_DEBT_0, _DEBT_1, YEARS)
"""How fast the debt held by the public grew a year, fiscal 2012 to 2024, as a decimal."""
FOREIGN_GROWTH = annual_growth(_FOREIGN_0, _FOREIGN_1, YEARS)
"""How fast foreign holdings grew a year over the same years, as a decimal."""

FOREIGN = Control(
    "foreign_growth_pct", "Foreign holdings' growth (% a year)", -5.0, 15.0, 0.1,
    round(100 * FOREIGN_GROWTH, 1), model_range=GROWTH_RANGE, scale=100,
)
DEBT = Control(
    "debt_growth_pct", "Debt's growth (% a year)", 0.0, 15.0, 0.1,
    round(100 * DEBT_GROWTH, 1), model_range=GROWTH_RANGE, scale=100,
)


class ForeignShareExplorer(Explorer):
    """Foreign holders' share of the debt held by the public after twelve years of growth.

    Both start from the end of fiscal year 2012 (the shipped TIC and debt data) and grow at
    the rates the sliders set; the bars compare the resulting share for 2024 with the actual
    shares of 2012 and 2024. Controls: the yearly growth of foreign holdings and of the debt.
    """

    controls = (FOREIGN, DEBT)

    def draw_frame(self, ax: Axes, foreign_growth_pct: float,
                   debt_growth_pct: float) -> tuple[Artist, ...]:
        names = [f"{FIRST_YEAR}, actual", f"{LAST_YEAR}, actual", f"{LAST_YEAR}, your rates"]
        colours = [PALETTE["black"], PALETTE["black"], PALETTE["sky"]]
        bars = ax.bar(names, [SHARE_FIRST_PCT, SHARE_LAST_PCT, 0.0], color=colours,
                      edgecolor="black")
        bars[1].set_alpha(0.5)
        self.bar = bars[2]
        self.bar.set_hatch("//")
        ax.axhline(SHARE_FIRST_PCT, color=BASELINE, linestyle="--", linewidth=2,
                   label=f"the {FIRST_YEAR} share")
        ax.set_ylim(0, 100)
        ax.set_ylabel("Foreign holders' share of the debt (%)")
        ax.legend(loc="upper left")
        return (self.bar, ax.title)

    def draw(self, foreign_growth_pct: float, debt_growth_pct: float) -> str:
        share = share_after(SHARE_FIRST_PCT, FOREIGN.to_model(foreign_growth_pct),
                            DEBT.to_model(debt_growth_pct), YEARS)
        self.bar.set_height(min(share, 100.0))
        self.ax.set_title(f"Foreign share in {LAST_YEAR} at your rates: {share:.1f}%")
        if share > 100:
            return (
                f"At {foreign_growth_pct:.1f}% a year against the debt's {debt_growth_pct:.1f}%, "
                f"foreign holdings would pass the whole debt ({share:.0f}%): impossible, so "
                "these two rates cannot both hold for twelve years."
            )
        return (
            f"With foreign holdings growing {foreign_growth_pct:.1f}% a year and the debt "
            f"{debt_growth_pct:.1f}% a year from fiscal {FIRST_YEAR}, foreign holders would "
            f"hold {share:.1f}% of the debt in {LAST_YEAR} (they held "
            f"{SHARE_FIRST_PCT:.1f}% in {FIRST_YEAR})."
        )
