"""Exercises of chapter 06c: what a Treasury floor costs a reserve portfolio in yen, what
diversifying costs in Treasuries sold, and how the least-variance mix moves with the window.

Answers are computed with :mod:`lessons_lib.reserves` from the shipped datasets, never typed
in. Exercises are numbered in the order the chapter asks them.
"""

import numpy as np

from lessons_lib import reserves
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

FLOOR_STEP_PCT = 5
GAP_POINTS = 1.0
"""06c.2: the highest floor (a multiple of 5%) at which the least-variance volatility stays
within 1 percentage point of the no-floor one's (the explorer's goal)."""
RECENT_START = "2013-01-31"
"""06c.3: the window from January 2013 to the end of the data."""


def _volatility_pct(e: reserves.Estimates, floor: float) -> float:
    w = reserves.min_variance_weights(e.covariance, floor)
    return 100.0 * float(np.sqrt(w @ e.covariance @ w))


def highest_floor_pct(duration_years: float = reserves.BOND_DURATION_YEARS,
                      start_month: str | None = None, gap_points: float = GAP_POINTS) -> int:
    """The highest floor, % (a multiple of 5), whose least-variance volatility is within
    ``gap_points`` of the no-floor one's, on the window from ``start_month`` to the end."""
    e = reserves.estimates(duration_years, start_month)
    free = _volatility_pct(e, 0.0)
    return max(f for f in range(0, 101, FLOOR_STEP_PCT)
               if _volatility_pct(e, f / 100.0) - free <= gap_points)


FLOOR_PCT = highest_floor_pct()


def _jgb_weight_pct(duration_years: float, start: str | None, end: str | None = None) -> float:
    e = reserves.estimates(duration_years, start, end)
    return 100.0 * float(reserves.min_variance_weights(e.covariance)[2])


JGB_WEIGHT_PCT = _jgb_weight_pct(reserves.BOND_DURATION_YEARS, RECENT_START)

EXERCISES = (
    exercise(
        1,
        objective=2,
        question="A reserve manager moves from all Treasuries to the least-variance mix with "
        "at least half in Treasuries, in yen, estimated on 2000-2025. Which is right? (a) it "
        "lowers the portfolio's volatility and costs nothing, since Treasuries are not "
        "sold; (b) it lowers the volatility in this sample, but sells half the Treasuries, "
        "and chapter 02's model prices that sale like any other; (c) it raises the "
        "volatility, because JGBs are riskier than Treasuries in yen. Answer with the letter "
        "in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "Moving half the portfolio into JGBs means selling those Treasuries: "
            "diversifying is the sale this course studies.",
            "c": "Read the volatilities in yen: JGBs carry no currency risk for a yen "
            "investor and are the least volatile of the four.",
        },
        hint="Compare the weights of the least-variance mix with all Treasuries, and price "
        "the dollars that move.",
        explanation="The risk falls in the sample's covariances; the sale still has to be "
        "made, and the yield still rises.",
    ),
    exercise(
        2,
        objective=1,
        question="The explorer's goal. With the sample from 2000 and bonds of 8 years' "
        "duration, what is the highest Treasury floor (a multiple of 5%) at which the "
        "least-variance portfolio's volatility in yen is within 1 percentage point of the "
        "least-variance volatility with no floor? In % of the portfolio, a whole number.",
        answer=float(FLOOR_PCT),
        unit="% of the portfolio",
        decimals=0,
        mistakes={
            float(FLOOR_PCT + FLOOR_STEP_PCT): "At that floor the volatility is already more "
            "than 1 point above the no-floor one: step back one notch.",
            FLOOR_PCT / 100.0: "That is a share. The question asks in percent of the "
            "portfolio.",
            float(highest_floor_pct(duration_years=4.0)): "That is with bonds of 4 years' "
            "duration. Set the duration slider back to 8.",
            float(highest_floor_pct(gap_points=2.0)): "That keeps the volatility within 2 "
            "points, not 1: read the gap the readout gives in points.",
        },
        hint="Keep the start year at 2000 and the duration at 8; raise the floor a notch at a "
        "time and read the gap in points in the readout.",
        explanation="Up to a point the floor costs little, because the no-floor mix is mostly "
        "JGBs and a little Treasuries; beyond it, each notch adds more volatility.",
    ),
    exercise(
        3,
        objective=3,
        question="Estimate on the window from January 2013 to the end of the data (July "
        "2025), bonds of 8 years' duration, no floor. What weight does the least-variance "
        "portfolio put in JGBs? In % of the portfolio, to the nearest whole number.",
        answer=JGB_WEIGHT_PCT,
        unit="% of the portfolio",
        decimals=0,
        mistakes={
            round(_jgb_weight_pct(reserves.BOND_DURATION_YEARS, None)): "That is the whole "
            "sample, from 2000. Start the window in January 2013.",
            round(_jgb_weight_pct(reserves.BOND_DURATION_YEARS, None, "2012-12-31")): "That is "
            "the first window, 2000-2012. The question asks for 2013 to the end.",
            round(_jgb_weight_pct(4.0, RECENT_START)): "That is with a duration of 4 years. "
            "Keep the bonds' duration at 8.",
            round(JGB_WEIGHT_PCT / 100.0, 2): "That is a share. The question asks in percent.",
        },
        hint="In the open-ended cell, the second window starts in 2013; read the JGBs' weight "
        "(the third of the least-variance weights).",
        explanation="The mix leans on JGBs in every window; how much moves with the sample, a "
        "reason to read a frontier as a description of the past, not a plan.",
    ),
)
