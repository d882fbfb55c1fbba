"""Exercises of chapter 01a: basis points, bills' discount and investment rates, what a price
fall does to the issuer, and the slope of the yield curve in the data."""

from lessons_lib import bonds, data
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

BILL_DISCOUNT_RATE = 0.04
"""01a.2: the 26-week bill's discount rate, decimal."""
BILL_DAYS = bonds.BILL_TERMS_DAYS["26-week"]
"""01a.2: its days to maturity (182)."""
_YEAR = BILL_DAYS / 365


def _inverted_share_pct(strict: bool = True, short: str = "y3m_pct") -> float:
    curve = data.load("yield_curve_daily")
    spread = curve["y10y_pct"] - curve[short]
    inverted = spread < 0 if strict else spread <= 0
    return 100 * float(inverted.mean())


EXERCISES = (
    exercise(
        1,
        objective=1,
        question="The 10-year yield rises from 4.00% to 4.50%. By how many basis points did "
        "it rise? A whole number.",
        answer=(4.50 - 4.00) * 100,
        unit="basis points",
        decimals=0,
        mistakes={
            0.5: "0.5 is the rise in percentage points. One percentage point is 100 basis "
            "points.",
            12.5: "12.5 is the relative change, 0.5 / 4.0 as a percentage. Basis points measure "
            "the difference between the two yields.",
            5.0: "One basis point is 0.01 percentage point, so count how many hundredths of a "
            "point the yield rose.",
        },
        hint="A basis point is one hundredth of a percentage point.",
        explanation="Half a percentage point is 50 basis points.",
    ),
    exercise(
        2,
        objective=2,
        question="A 26-week Treasury bill (182 days to maturity) is quoted at a discount rate "
        "of 4.00%. What is its price, in dollars per $100 face, to three decimals?",
        answer=float(bonds.bill_price(BILL_DISCOUNT_RATE, BILL_DAYS)),
        unit="dollars",
        decimals=3,
        mistakes={
            round(100 * (1 - BILL_DISCOUNT_RATE * _YEAR), 3): "That price counts the year "
            "as 365 days. A bill's discount rate counts it as 360: use days / 360.",
            round(100 / (1 + BILL_DISCOUNT_RATE * _YEAR), 3): "That price reads the 4.00% as "
            "an investment rate (a yield on the price paid). A discount rate is taken off the "
            "face value: 100 x (1 - rate x days / 360).",
            round(100 * (1 - BILL_DISCOUNT_RATE / 2), 3): "That price takes 26 weeks as exactly "
            "half a year. Count the days: 182 of a 360-day year.",
            round(100 / (1 + BILL_DISCOUNT_RATE) ** 0.5, 3): "That price compounds the rate "
            "like a note's yield. A bill's discount rate is simple: 100 x (1 - rate x "
            "days / 360).",
        },
        hint="The discount is face value x discount rate x days / 360; the price is face "
        "value minus the discount.",
        explanation="The discount rate is taken off the face value, over a 360-day year.",
    ),
    exercise(
        3,
        objective=4,
        question="A sell-off pushes an outstanding 10-year 3% note from $100 to $90. What "
        "happens to the interest the Treasury pays on that note? (a) it rises, to about "
        "4.24% of face, the yield a buyer at $90 earns; (b) nothing: the coupon was fixed at "
        "issue, only new borrowing costs more; (c) the Treasury now repays only $90 at "
        "maturity.",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "The 4.24% is what a buyer at $90 earns. The Treasury keeps paying the 3% "
            "coupon it promised; the higher yield applies to new notes.",
            "c": "The Treasury repays the $100 face value at maturity whatever the market price "
            "was along the way.",
        },
        hint="Which numbers are written in the note's contract, and which are set in the "
        "market?",
        explanation="A falling price changes what new buyers earn, not what the issuer owes.",
    ),
    exercise(
        4,
        objective=3,
        question="In the daily data (January 1990 to December 2025), on what share of days was "
        "the 10-year yield below the 3-month yield (the curve inverted by that measure)? In %, "
        "to one decimal.",
        answer=_inverted_share_pct(),
        unit="%",
        decimals=1,
        mistakes={
            round(_inverted_share_pct(strict=False), 1): "That counts the days when the two "
            "yields were equal as well. Inverted means the 10-year strictly below the 3-month.",
            round(_inverted_share_pct(short="y2y_pct"), 1): "That compares the 10-year with the "
            "2-year yield. The question asks about the 3-month.",
            round(100 - _inverted_share_pct(strict=False), 1): "That is the share of days the "
            "curve was not inverted: the 10-year at or above the 3-month.",
        },
        hint="Take the spread (10-year minus 3-month) for every day, mark the days when it "
        "is below zero, and take the share of those days: the scaffold cell's last line does "
        "it for another threshold.",
        explanation="Inversions are rare and come in spells: 2000-01, 2006-07, 2019, early "
        "2020, the long one from October 2022 to December 2024, and short ones in 2025.",
    ),
)
