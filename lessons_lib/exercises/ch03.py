"""Exercises of chapter 03: what a fall from $100 to $90 does to a note's yield, duration's
estimate of a price change, and what the 10-year yield is made of (ACM's term premium).

Answers are computed with the library and the shipped datasets ``yield_curve_daily`` and
``term_premium_daily``, never typed in. Exercises are numbered in the order the chapter asks
them.
"""

from lessons_lib import bonds, curve, data
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

COUPON = 0.03
"""The article's coupon, decimal: every note of this chapter pays 3% and starts at $100."""

# 03.1: a 5-year 3% note falls from $100 to $90
_NOTE_5Y = bonds.Bond(coupon_rate=COUPON, maturity_years=5)
_RISE_5Y_BP = 10_000 * (float(bonds.yield_to_maturity(_NOTE_5Y, 90.0)) - COUPON)
_RISE_10Y_BP = 10_000 * (float(bonds.yield_to_maturity(bonds.Bond(coupon_rate=COUPON), 90.0))
                         - COUPON)
_ARTICLE_RISE_BP = 10_000 * (float(bonds.simple_yield(90.0, 103.0)) - COUPON)

# 03.2: a 30-year 3% bond at 3%, yields up 100 bp, estimated by duration alone
_BOND_30Y = bonds.Bond(coupon_rate=COUPON, maturity_years=30)
_DY = 0.01
_CHANGE_30Y = bonds.price_change(_BOND_30Y, COUPON, _DY)
_MACAULAY_30Y = float(bonds.macaulay_duration(_BOND_30Y, COUPON))
_DURATION_10Y = float(bonds.modified_duration(bonds.Bond(coupon_rate=COUPON), COUPON))

# 03.4: January 2022 to the peak of October 2023, decomposed
_YIELDS = data.load("yield_curve_daily")
_PREMIUM = data.load("term_premium_daily")
HIKING_START, HIKING_END = "2022-01-03", "2023-10-19"
"""03.4: the first trading day of 2022 and the 10-year yield's closing high of 2023."""
_HIKING = curve.decompose_change(_YIELDS, _PREMIUM, HIKING_START, HIKING_END)
_PREMIUM_SHARE_PCT = 100 * _HIKING.term_premium_share
_PREMIUM_OF_LEVEL_PCT = 100 * float(_PREMIUM.loc[HIKING_END].iloc[0]) / _HIKING.end_yield_pct

EXERCISES = (
    exercise(
        1,
        objective=1,
        question="A 5-year Treasury note with a 3% coupon falls from $100 to $90. By how many "
        "basis points has its yield to maturity risen? A whole number.",
        answer=_RISE_5Y_BP,
        unit="basis points",
        decimals=0,
        mistakes={
            round(_ARTICLE_RISE_BP): f"{_ARTICLE_RISE_BP:.0f} basis points is the article's "
            "one-year sum, 13 / 90, less 3%. A 5-year note earns its $10 discount over five "
            "years, not one: find its yield to maturity at $90.",
            round(_ARTICLE_RISE_BP / 100, 2): "That is the one-year sum, 13 / 90, less 3%, "
            "and in percentage points. Find the 5-year note's yield to maturity at $90, "
            "then count the rise in basis points.",
            round(_RISE_5Y_BP / 100, 2): "That is the rise in percentage points. One "
            "percentage point is 100 basis points.",
            round(_RISE_10Y_BP): f"{_RISE_10Y_BP:.0f} is the rise for the 10-year note. Change "
            "the maturity in the scaffold to 5 years.",
        },
        hint="Find the yield to maturity at $90 (the scaffold does it for the 10-year note), "
        "subtract 3%, and count hundredths of a percentage point.",
        explanation="The shorter the note, the more of the $10 discount falls in each year, "
        "and the further its yield moves.",
    ),
    exercise(
        2,
        objective=2,
        question="A 30-year Treasury bond with a 3% coupon costs $100 at a 3% yield. Using its "
        "modified duration alone (the tangent line), by how much does its price change if its "
        "yield rises by 100 basis points? In dollars per $100 face, to two decimals, with its "
        "sign.",
        answer=float(_CHANGE_30Y.duration),
        unit="dollars",
        decimals=2,
        mistakes={
            round(float(_CHANGE_30Y.exact), 2): "That is the exact repricing. The question "
            "asks for the tangent line's estimate: -duration x price x change in yield.",
            round(float(_CHANGE_30Y.duration_convexity), 2): "That adds convexity. The "
            "question asks for duration alone.",
            round(-float(_CHANGE_30Y.duration), 2): "The sign is wrong: when the yield rises, "
            "the price falls.",
            round(100 * float(_CHANGE_30Y.duration), 2): "That enters 100 basis points as 1. "
            "In the formula the change in yield is a decimal: 100 basis points is 0.01.",
            round(-_MACAULAY_30Y, 2): "That uses the Macaulay duration. The price's "
            "sensitivity is the modified duration: Macaulay divided by (1 + y/2).",
            round(-_DURATION_10Y, 2): "That is the 10-year note's duration. Change the "
            "maturity in the scaffold to 30 years.",
        },
        hint="-modified duration x price x change in yield, with the change as a decimal "
        "(0.01).",
        explanation="A 30-year bond's tangent line is steep: about $20 per point of yield at "
        "$100.",
    ),
    exercise(
        3,
        objective=3,
        question="From 31 July to 19 October 2023 the 10-year yield rose by about a "
        "percentage point. What do ACM's estimates say about it? (a) the expected average short "
        "rate rose by about a point: markets priced in more rate rises by the Fed; (b) the term "
        "premium rose by about the whole rise, and the expected short rate barely moved; (c) "
        "the two rose by about the same. Answer with the letter in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "That reads every rise in the 10-year yield as expected policy rates. Look "
            "at the table: in those weeks the expected part fell slightly.",
            "c": "Look at the table again: one part did about all of the rise.",
        },
        hint="Compare the two columns of the decomposition for August to October 2023.",
        explanation="Investors asked more for holding long debt; the path they expected for "
        "the Fed's rate hardly changed.",
    ),
    exercise(
        4,
        objective=3,
        question="What share of the 10-year yield's rise from 3 January 2022 to 19 October 2023 "
        "was term premium, by ACM's estimate? In %, a whole number.",
        answer=_PREMIUM_SHARE_PCT,
        unit="%",
        decimals=0,
        mistakes={
            round(100 - _PREMIUM_SHARE_PCT): "That is the expected short rate's share of the "
            "rise. The question asks for the term premium's.",
            round(_HIKING.term_premium_change_points, 2): "That is the term premium's rise in "
            "percentage points. Divide it by the yield's rise and multiply by 100.",
            round(_HIKING.yield_change_points, 2): "That is the yield's rise in percentage "
            "points. The question asks what share of it was term premium.",
            round(_PREMIUM_OF_LEVEL_PCT): "That is the term premium's share of the yield's "
            "level on 19 October 2023. The question asks about the rise since January 2022.",
        },
        hint="curve.decompose_change gives the two parts; the share is the term premium's "
        "change over the yield's change, times 100.",
        explanation="Over the whole hiking cycle most of the rise was expected short rates: "
        "the Fed raised its rate by more than five points.",
    ),
)
