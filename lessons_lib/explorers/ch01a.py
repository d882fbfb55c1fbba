"""Chapter 01a's explorer: the par yield curve on a chosen month, and what it did to a note
sold at par in July 2020."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from lessons_lib import bonds, data
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE, course_rc
from lessons_lib.validate import Range

MATURITIES_YEARS = {
    "y1m_pct": 1 / 12, "y3m_pct": 0.25, "y6m_pct": 0.5, "y1y_pct": 1.0, "y2y_pct": 2.0,
    "y3y_pct": 3.0, "y5y_pct": 5.0, "y7y_pct": 7.0, "y10y_pct": 10.0, "y20y_pct": 20.0,
    "y30y_pct": 30.0,
}
"""The dataset's columns and the maturity each is read at, in years."""
YIELD_AXIS_PCT = (0.0, 10.0)
"""Fixed yield axis, % a year (the monthly averages lie inside it since 1990)."""
MATURITY_AXIS_YEARS = (0.0, 30.5)

YEAR_RANGE = Range(1990, 2025, "year")
"""The years of the monthly data (``yield_curve_monthly``)."""
MONTH_RANGE = Range(1, 12, "month")

YEAR = Control("year", "Year (1990-2025)", 1990, 2025, 1, 2020, model_range=YEAR_RANGE,
               integer=True)
MONTH = Control("month", "Month (1-12)", 1, 12, 1, 7, model_range=MONTH_RANGE, integer=True)

NOTE_SOLD = pd.Timestamp("2020-07-31")
"""The month the chapter's example note was sold, at par, with ten years to run."""
NOTE_COUPON_PCT = 0.625
"""Its coupon, % a year: July 2020's 10-year yield (0.62%) rounded to 1/8 point."""


def _curve() -> pd.DataFrame:
    return data.load("yield_curve_monthly")[list(MATURITIES_YEARS)]


def note_value(row: pd.Series, when: pd.Timestamp) -> tuple[float, float, float] | None:
    """The July 2020 note in month ``when``, priced off that month's curve ``row`` (a row of
    ``yield_curve_monthly``): (years left, yield in % a year, price in dollars per $100 face),
    or None before August 2020.

    The years left are rounded to whole half-years (a ``Bond`` runs whole coupon periods);
    the yield is interpolated linearly between the curve's maturities."""
    months_on = (when.year - NOTE_SOLD.year) * 12 + when.month - NOTE_SOLD.month
    if months_on <= 0:
        return None
    left_years = round((120 - months_on) / 6) / 2
    have = row[list(MATURITIES_YEARS)].notna().to_numpy()
    maturities = np.array(list(MATURITIES_YEARS.values()))[have]
    yields = row[list(MATURITIES_YEARS)].to_numpy(dtype=float)[have]
    ytm_pct = float(np.interp(left_years, maturities, yields))
    note = bonds.Bond(coupon_rate=NOTE_COUPON_PCT / 100, maturity_years=left_years)
    return left_years, ytm_pct, float(bonds.price(note, ytm_pct / 100))


class ParCurveExplorer(Explorer):
    """The par yield curve (monthly averages of constant-maturity yields) in a chosen month,
    against the starting month's (grey, dashed).

    The readout gives the 3-month, 2-year and 10-year yields, the 10-year minus 3-month spread
    in basis points, and, from August 2020, the value of a 10-year note sold at par in July
    2020 (0.625% coupon), priced at the curve's yield for the time it has left (interpolated
    between maturities, rounded to whole half-years). Months after the data's last (November
    2025) show the last month.

    Args:
        year: starting year (1990 to 2025).
        month: starting month (1 to 12).
    """

    controls = (YEAR, MONTH)

    def _month(self, year: int, month: int) -> pd.Timestamp:
        wanted = pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)
        return min(wanted, self.curve.index.max())

    def _points(self, when: pd.Timestamp) -> tuple[np.ndarray, np.ndarray]:
        row = self.curve.loc[when]
        have = row.notna().to_numpy()
        return self.maturities[have], row.to_numpy(dtype=float)[have]

    def draw_frame(self, ax: Axes, year: int, month: int) -> tuple[Artist, ...]:
        self.curve = _curve()
        self.maturities = np.array(list(MATURITIES_YEARS.values()))
        ax.set_xlim(*MATURITY_AXIS_YEARS)
        ax.set_ylim(*YIELD_AXIS_PCT)
        ax.set_xlabel("Maturity (years)")
        ax.set_ylabel("Yield (% a year)")
        ax.grid(alpha=0.3)
        start = self._month(year, month)
        x, y = self._points(start)
        ax.plot(x, y, color=BASELINE, linestyle="--", linewidth=2, marker=".",
                label=f"start: {start:%B %Y}")
        (self.line,) = ax.plot(x, y, color=PALETTE["blue"], marker="o",
                               linewidth=course_rc()["lines.linewidth"], label="chosen month")
        (self.note,) = ax.plot([], [], "D", color=PALETTE["vermillion"], markersize=9,
                               label="the July 2020 note", clip_on=False)
        ax.legend(loc="upper left")
        return self.line, self.note, ax.title

    def draw(self, year: int, month: int) -> str:
        when = self._month(year, month)
        x, y = self._points(when)
        self.line.set_data(x, y)
        row = self.curve.loc[when]
        spread_bp = 100 * (row["y10y_pct"] - row["y3m_pct"])
        slope = "inverted: the 10-year below the 3-month" if spread_bp < 0 else "upward sloping"
        self.ax.set_title(f"Treasury par yield curve, {when:%B %Y} (monthly average)")
        text = (
            f"{when:%B %Y}: 3-month {row['y3m_pct']:.2f}%, 2-year {row['y2y_pct']:.2f}%, "
            f"10-year {row['y10y_pct']:.2f}%. 10-year minus 3-month: {spread_bp:+.0f} basis "
            f"points ({slope})."
        )
        found = note_value(row, when)
        if found is None:
            sold = "is sold at par this month" if when == NOTE_SOLD else "is not sold yet"
            self.note.set_data([], [])
            return text + (f" The chapter's 10-year note {sold} (July 2020, "
                           f"{NOTE_COUPON_PCT}% coupon).")
        left_years, ytm_pct, value = found
        self.note.set_data([left_years], [ytm_pct])
        return text + (
            f" The 10-year note sold at par in July 2020 ({NOTE_COUPON_PCT}% coupon), "
            f"{left_years:g} years left, priced at {ytm_pct:.2f}%: ${value:.2f} per $100 face."
        )
