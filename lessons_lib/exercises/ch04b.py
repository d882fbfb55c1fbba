"""Exercises of chapter 04b: the primary balance that holds debt/GDP steady, the yield shock
that turns r - g positive, net interest and the Fed's remittances, and the consolidation that
brings the debt back to its FY2025 level under a lasting rise in yields.

Answers are computed with :mod:`lessons_lib.fiscal` from CBO's January 2025 baseline
(``cbo_baseline``), never typed in; 04b.4 is solved with :func:`scipy.optimize.brentq` on
:func:`lessons_lib.fiscal.project`. Exercises are numbered in the order the chapter asks them.
"""

from scipy.optimize import brentq

from lessons_lib import data, fiscal
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

_CBO = data.load("cbo_baseline")
_RG = fiscal.r_minus_g_cbo()

# 04b.1: the debt-stabilising primary balance in CBO's FY2035 numbers
STABLE_YEAR = 2035
_B = float(_CBO.loc[STABLE_YEAR - 1, "debt_held_by_public_pct_gdp"]) / 100
_R = float(_RG.loc[STABLE_YEAR, "effective_rate"])
_G = float(_RG.loc[STABLE_YEAR, "growth"])
_PB_STAR_PCT = 100 * float(fiscal.debt_stabilizing_primary_balance(_B, _R, _G))
_NO_DIVISION_PCT = 100 * _B * (_R - _G)
_CBO_PB_PCT = -100 * float(_CBO.loc[STABLE_YEAR, "primary_deficit_usd_bn"]
                           / _CBO.loc[STABLE_YEAR, "gdp_usd_bn"])
_FIRST = 2026
_PB_STAR_FIRST_PCT = 100 * float(fiscal.debt_stabilizing_primary_balance(
    float(_CBO.loc[_FIRST - 1, "debt_held_by_public_pct_gdp"]) / 100,
    float(_RG.loc[_FIRST, "effective_rate"]), float(_RG.loc[_FIRST, "growth"])))

# 04b.2: the lasting yield shock that turns r - g positive in FY2030
FLIP_YEAR = 2030
_FLIP = fiscal.flip_shock_points()
_GAP_FLIP_YEAR = -float(_RG.loc[FLIP_YEAR, "r_minus_g_points"])

# 04b.4: the primary-deficit change that brings FY2035 debt/GDP back to FY2025's level
SHOCK_POINTS = 1.0
"""04b.4: a lasting rise in every yield over CBO's path, percentage points."""
TARGET_PCT_GDP = float(_CBO.loc[fiscal.CBO_START_YEAR, "debt_held_by_public_pct_gdp"])
"""04b.4: debt held by the public at the end of FY2025 in CBO's baseline, % of GDP."""
_LAST = int(_CBO.index[-1])


def deficit_change_for(target_pct_gdp: float, shock_points: float) -> float:
    """The change in the primary deficit (% of GDP, every year from FY2026; negative: a
    smaller deficit) that puts debt held by the public at ``target_pct_gdp`` in FY2035 under a
    lasting yield shock of ``shock_points`` (:func:`lessons_lib.fiscal.project`)."""

    def miss(change: float) -> float:
        table = fiscal.project(shock_points=shock_points, primary_deficit_change_pct_gdp=change)
        return float(table.loc[_LAST, "debt_pct_gdp"]) - target_pct_gdp

    return float(brentq(miss, -10.0, 10.0, xtol=1e-6))


_WITH_SHOCK = deficit_change_for(TARGET_PCT_GDP, SHOCK_POINTS)
_WITHOUT_SHOCK = deficit_change_for(TARGET_PCT_GDP, 0.0)
_BACK_TO_CBO = deficit_change_for(float(fiscal.project().loc[_LAST, "debt_pct_gdp"]),
                                  SHOCK_POINTS)

EXERCISES = (
    exercise(
        1,
        objective=1,
        question=f"In CBO's January 2025 baseline, what primary balance would hold debt held "
        f"by the public steady as a share of GDP in FY{STABLE_YEAR}? Start from the debt ratio "
        f"at the end of FY{STABLE_YEAR - 1} and use FY{STABLE_YEAR}'s effective rate and "
        "nominal growth (the scaffold reads them). In % of GDP, to two decimals, negative for "
        "a deficit.",
        answer=_PB_STAR_PCT,
        unit="% of GDP",
        decimals=2,
        mistakes={
            round(-_PB_STAR_PCT, 2): "The sign is wrong: that is a surplus. With r below g "
            "the debt ratio shrinks on its own, so a small primary deficit still holds it "
            "steady: there is no snowball to stop.",
            round(_NO_DIVISION_PCT, 2): "That is b (r - g) without dividing by (1 + g). The "
            "primary balance is paid in next year's GDP: divide by 1 + g.",
            round(_CBO_PB_PCT, 2): f"That is CBO's own primary balance in FY{STABLE_YEAR}, the "
            "one that makes the debt ratio rise. The question asks for the one that would "
            "hold it steady: b (r - g) / (1 + g).",
            round(_PB_STAR_FIRST_PCT, 2): f"That is the stabilising balance of FY{_FIRST}, the "
            f"worked example. Change the year in the scaffold to {STABLE_YEAR}.",
        },
        hint="Apply pb* = b (r - g) / (1 + g) to the decimals the scaffold prints, then "
        "multiply by 100 for % of GDP.",
        explanation="r - g is a little below zero in FY2035, so the stabilising balance is a "
        "small deficit; CBO's deficit is several times larger, and that is what lifts the debt.",
    ),
    exercise(
        2,
        objective=2,
        question=f"In CBO's January 2025 baseline, what lasting rise in every yield, from "
        f"October 2025, would make r - g zero in FY{FLIP_YEAR}? In percentage points, to two "
        "decimals.",
        answer=float(_FLIP[FLIP_YEAR]),
        unit="percentage points",
        decimals=2,
        mistakes={
            round(float(_FLIP[_FIRST]), 2): f"That is the shock that flips FY{_FIRST}. Add "
            f"{FLIP_YEAR} to the years in the scaffold.",
            round(float(_FLIP[_LAST]), 2): f"That is the shock that flips FY{_LAST}. Add "
            f"{FLIP_YEAR} to the years in the scaffold.",
            round(100 * float(_FLIP[FLIP_YEAR])): "That is the shock in basis points. The "
            "question asks for percentage points: one point is 100 basis points.",
            round(_GAP_FLIP_YEAR, 2): f"That is the gap g - r in FY{FLIP_YEAR}: it would be "
            "enough only if the whole debt paid the new yields at once. Only what matures or "
            "is newly borrowed reprices, so the shock must be larger.",
        },
        hint="The scaffold prints the shock that flips each year it is given: add the year.",
        explanation="The later the year, the more of the debt has been refinanced at the new "
        "yields, and the smaller the shock that flips it.",
    ),
    exercise(
        3,
        objective=3,
        question="In FY2019 the Federal Reserve held part of the debt held by the public and "
        "made a profit. What did the budget's net interest say about what the government as a "
        "whole paid its lenders? (a) it overstated it: it counted the interest paid to the "
        "Fed, and most of that came back as remittances, which the budget books as revenue; "
        "(b) it understated it: the interest paid to the Fed is left out of net interest; (c) "
        "it measured it exactly, because the Fed kept the interest it received. Answer with "
        "the letter in quotes, e.g. \"a\".",
        answer="a",
        choices=("a", "b", "c"),
        mistakes={
            "b": "Net interest counts interest on all the debt held by the public, the Fed's "
            "holdings included. Only interest credited to the trust funds is left out.",
            "c": "A profitable Fed sends what it earns, after its costs, to the Treasury each "
            "week: the remittances of Figure 2.",
        },
        hint="Follow the interest the Treasury pays the Fed: where did it go while the Fed "
        "made a profit?",
        explanation="Part of net interest went round a circle, Treasury to Fed to Treasury, "
        "until September 2022, when the Fed's costs outgrew its income.",
    ),
    exercise(
        4,
        objective=4,
        question=f"Yields stay {SHOCK_POINTS:.0f} point above CBO's path from October 2025. "
        "Which change in the primary deficit, the same share of GDP in every year from FY2026, "
        f"brings debt held by the public in FY{_LAST} back to its level at the end of FY2025? "
        "In % of GDP a year, to one decimal, negative for a smaller deficit.",
        answer=_WITH_SHOCK,
        unit="% of GDP",
        decimals=1,
        mistakes={
            round(-_WITH_SHOCK, 1): "The sign is wrong: a positive change adds to the deficit "
            "and the debt. A cut is negative.",
            round(_WITHOUT_SHOCK, 1): "That is the change without the rise in yields. The "
            f"question keeps yields {SHOCK_POINTS:.0f} point higher: read the scaffold's line "
            "with the shock.",
            round(_BACK_TO_CBO, 1): f"That only offsets the shock: it brings FY{_LAST}'s debt "
            "back to CBO's path, which still rises. The target is the end of FY2025's level.",
        },
        hint="Try values in the scaffold until its line with the shock prints the end of "
        "FY2025's debt ratio, then round to one decimal.",
        explanation="Holding the debt ratio at FY2025's level under higher yields takes a "
        "large, lasting cut in the primary deficit, larger than the shock alone costs.",
    ),
)
