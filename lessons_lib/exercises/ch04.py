"""Exercises of chapter 04: interest as a share of revenue and of outlays, a rate shock rolled
through the debt on CBO's January 2025 baseline, and which debt a Fed rate rise reaches first.

Answers are computed with :mod:`lessons_lib.fiscal` from the shipped datasets
(``cbo_baseline``, ``maturity_profile``, ``avg_interest_rate``, ``cbo_economic_quarterly``),
never typed in. Exercises are numbered in the order the chapter asks them.
"""

from lessons_lib import fiscal
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

_CBO = fiscal.project()

# 04.1: CBO's net interest in FY2030 as a share of outlays
YEAR = 2030
_ROW = _CBO.loc[YEAR]
_EARLIER = _CBO.loc[YEAR - 4]

# 04.2: a lasting half-point rise over CBO's yields, what it adds to FY2030's net interest
SHOCK_POINTS = 0.5
_HALF = fiscal.rate_shock(SHOCK_POINTS)
_ONE = fiscal.rate_shock(2 * SHOCK_POINTS)
_PREVIOUS_DEBT = float(_CBO.loc[YEAR - 1, "debt_usd_bn"])  # CBO's debt at the end of FY2029

EXERCISES = (
    exercise(
        1,
        objective=1,
        question=f"In CBO's January 2025 baseline, what share of federal outlays does net "
        f"interest take in fiscal year {YEAR}? In % of outlays, to one decimal.",
        answer=float(_ROW.interest_pct_outlays),
        unit="%",
        decimals=1,
        mistakes={
            round(float(_ROW.interest_pct_revenue), 1): "That is interest as a share of "
            "revenue. Outlays are larger than revenue (the deficit is the gap), so the same "
            "interest is a smaller share of them.",
            round(float(_ROW.interest_pct_gdp), 1): "That is interest as a share of GDP. The "
            "question divides by outlays.",
            round(float(_EARLIER.interest_pct_outlays), 1): f"That is fiscal year {YEAR - 4}. "
            "Set the year in the scaffold.",
        },
        hint="The scaffold prints interest, revenue and outlays for the year you set, and "
        "both shares.",
        explanation="The articles' \"budget\" is outlays: about 15% in CBO's 2030, not 20%.",
    ),
    exercise(
        2,
        objective=2,
        question=f"Market yields rise {SHOCK_POINTS} percentage point above CBO's projection "
        f"from October 2025 and stay there. How much does that add to net interest in fiscal "
        f"year {YEAR}, in the rollover model? In billions of dollars, a whole number.",
        answer=float(_HALF.added_interest_usd_bn[YEAR]),
        unit="billion dollars",
        decimals=0,
        mistakes={
            round(SHOCK_POINTS / 100 * _PREVIOUS_DEBT): "That reprices the whole debt at once: "
            "half a percent of it. Only what matures or is newly borrowed pays the higher "
            "yields; use fiscal.rate_shock.",
            round(_HALF.total_usd_bn): "That is the sum over 2026-2035. The question asks for "
            f"fiscal year {YEAR} alone.",
            round(float(_HALF.added_interest_usd_bn[YEAR - 4])): f"That is fiscal year "
            f"{YEAR - 4}, the first year. Read the row for {YEAR}.",
            round(float(_ONE.added_interest_usd_bn[YEAR])): "That is a shock of a whole "
            "point. Set the shock to half a point.",
        },
        hint="Set the shock in the scaffold and read the year's added interest.",
        explanation="By 2030 about half the debt has rolled over at the higher yields, and "
        "the added interest has itself been borrowed.",
    ),
    exercise(
        3,
        objective=3,
        question="The Fed raises its policy rate by a point and long-term yields do not move. "
        "Which part of the debt carries most of the extra interest in the first year? (a) "
        "the notes and bonds already sold, whose coupons go up; (b) bills and floating-rate "
        "notes, which pay the new short rates within months as they roll over or reset; (c) "
        "none of it until the higher rate reaches the 10-year yield. Answer with the letter "
        "in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "A note's coupon is fixed when it is sold: a Fed rate rise does not change "
            "it. What changes is the rate on what is sold next.",
            "c": "Bills mature within a year and are sold again at the new short rates; FRNs "
            "reset every week to the 13-week bill.",
        },
        hint="Which securities are sold or reset at short-term rates within the year?",
        explanation="The Fed reaches the interest bill through bills and FRNs within months; "
        "a term-premium rise reaches it slowly, through the long debt that is sold.",
    ),
)
