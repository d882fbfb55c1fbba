"""Exercises of chapter 05b: the dollar beside the 10-year yield's parts, a stylised
emerging-market borrower's interest on its dollar debt, and the dollar's share of reserves.

Answers are computed with :mod:`lessons_lib.dollar` from the shipped datasets
(``yield_curve_daily``, ``term_premium_daily``, ``fx_daily``, ``cofer_shares``), never typed
in. Exercises are numbered in the order the chapter asks them.
"""

from lessons_lib import data, dollar
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

# 05b.2: the stylised borrower under 2022's moves: the 2-year yield and the broad dollar
_YEAR_2022 = dollar.yield_and_dollar(*dollar.WINDOWS["2022"])
_TWO_YEAR = data.load("yield_curve_daily")["y2y_pct"]
RATE_2022_POINTS = round(float(_TWO_YEAR.loc[_YEAR_2022.end] - _TWO_YEAR.loc[_YEAR_2022.start]),
                         2)
DOLLAR_2022_PCT = round(_YEAR_2022.broad_dollar_change_pct, 2)
_BORROWER = dollar.STYLISED_BORROWER


def _after(repricing_share: float = _BORROWER["repricing_share"], rate: float = RATE_2022_POINTS,
           dollar_pct: float = DOLLAR_2022_PCT) -> float:
    """The borrower's interest after the moves, % of GDP (rate in points, dollar in %)."""
    borrower = {**_BORROWER, "repricing_share": repricing_share}
    return float(dollar.dollar_debt_service(**borrower, us_rate_change=rate / 100,
                                            dollar_change_pct=dollar_pct).interest_after_pct_gdp)


_SERVICE = dollar.dollar_debt_service(**_BORROWER, us_rate_change=RATE_2022_POINTS / 100,
                                      dollar_change_pct=DOLLAR_2022_PCT)
_BEFORE = float(_SERVICE.interest_before_pct_gdp)
_AFTER = float(_SERVICE.interest_after_pct_gdp)
_DEBT = _BORROWER["debt_pct_gdp"] * _BORROWER["dollar_share"]
_RATE = _BORROWER["us_rate"] + _BORROWER["spread"]
_DOLLAR_AS_DECIMAL = _DEBT * (1 + DOLLAR_2022_PCT) * (
    _RATE + _BORROWER["repricing_share"] * RATE_2022_POINTS / 100)
_RATE_AS_DECIMAL = _DEBT * (1 + DOLLAR_2022_PCT / 100) * (
    _RATE + _BORROWER["repricing_share"] * RATE_2022_POINTS)

# 05b.3: the dollar's share of allocated reserves, end-2000 and the latest quarter
_COFER = data.load("cofer_shares")
SHARE_START = "2000-12-31"
_SHARE_THEN = float(_COFER.loc[SHARE_START, "usd_share_pct"])
_SHARE_NOW = float(_COFER["usd_share_pct"].iloc[-1])
LATEST_QUARTER = _COFER.index[-1]

# 05b.4: autumn 2023 (chapter 03's window), the dollar beside a rise of the term premium
AUTUMN_2023 = ("2023-07-31", "2023-10-19")
_AUTUMN = dollar.yield_and_dollar(*AUTUMN_2023)

EXERCISES = (
    exercise(
        1,
        objective=1,
        question="From 2 to 11 April 2025 the 10-year Treasury yield rose. What do ACM's split "
        "of that rise and the Fed's broad dollar index show? (a) expected short rates did the "
        "rise and the dollar rose with it; (b) the term premium rose by more than the whole "
        "rise while expected short rates fell, and the dollar fell; (c) expected short rates "
        "did the rise, yet the dollar fell. Answer with the letter in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "That is 2022, when expected policy rates drove the yield and the dollar rose. "
            "Look at the April 2025 row of the table: which part moved, and which way did the "
            "dollar go?",
            "c": "The dollar did fall, but read the split again: expected short rates went "
            "down in those days; another part did all of the rise.",
        },
        hint="The table of the two windows gives the split and the dollar's change for each.",
        explanation="Higher yields do not always lift the dollar: in April 2025 investors "
        "asked more to hold US debt, and the dollar fell.",
    ),
    exercise(
        2,
        objective=2,
        question="The stylised borrower (public debt 60% of GDP, a quarter of it in dollars, "
        "paying the US rate of 2% plus 3 points, 30% of its dollar debt repriced within the "
        f"year) meets 2022's moves: US rates up {RATE_2022_POINTS:.2f} points (the 2-year "
        f"Treasury yield's rise over 2022) and the dollar up {DOLLAR_2022_PCT:.2f}% (the broad "
        "dollar index's rise), spread unchanged. What is its interest on dollar debt after "
        "the moves? In % of GDP, to two decimals.",
        answer=_AFTER,
        unit="% of GDP",
        decimals=2,
        mistakes={
            round(_after(rate=RATE_2022_POINTS, dollar_pct=0.0), 2): "That leaves out the "
            "dearer dollar: the same dollar interest costs more of the borrower's own "
            "currency. Set the dollar's move in the scaffold too.",
            round(_after(repricing_share=1.0), 2): "That reprices all of the dollar debt at "
            "the new rate. Only 30% of it resets within the year; the rest keeps its old "
            "rate.",
            round(_DOLLAR_AS_DECIMAL, 2): "That reads the dollar's rise in percent as a "
            "decimal (5 for 5%). The model takes the dollar's move in percent.",
            round(_RATE_AS_DECIMAL, 2): "That reads the rise in US rates in points as a "
            "decimal. A rise of 1 point is 0.01.",
            round(_BEFORE, 2): "That is the interest before the moves. The question asks for "
            "the interest after them.",
            round(_AFTER - _BEFORE, 2): "That is the increase alone. The question asks for "
            "the interest after the moves, the old interest included.",
        },
        hint="Put 2022's two moves in the scaffold's line and read the interest after.",
        explanation="Over a quarter more interest in a year, most of it from the rates on "
        "the repriced debt; the dearer dollar also raised the debt itself.",
    ),
    exercise(
        3,
        objective=3,
        question=f"The dollar's share of the world's allocated reserves fell from about "
        f"{_SHARE_THEN:.0f}% at the end of 2000 to about {_SHARE_NOW:.0f}% in "
        f"{LATEST_QUARTER.year}Q{LATEST_QUARTER.quarter} (IMF COFER). What happened to the "
        "dollar reserves themselves, counted in US dollars? (a) they fell, by about a fifth, "
        "in step with the share; (b) they rose several-fold, because reserves as a whole grew "
        "far faster than the dollar's share fell; (c) they stayed about the same. Answer with "
        "the letter in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "A share is a part of a total. If the total grows, a smaller share can be "
            "a larger amount: multiply the share by the allocated reserves of each date.",
            "c": "Multiply the share by the allocated reserves at each date: the total has "
            "not stood still since 2000.",
        },
        hint="The cell above the question multiplies each share by the allocated reserves.",
        explanation="A falling share is not a sale: central banks hold several times the "
        "dollars they held in 2000, and more of everything else.",
    ),
    exercise(
        4,
        objective=1,
        question="From 31 July to 19 October 2023 (chapter 03's autumn) the term premium did "
        "more than the whole rise of the 10-year yield. By how much did the Fed's broad "
        "dollar index change over the same days? In %, to two decimals, negative if it fell.",
        answer=_AUTUMN.broad_dollar_change_pct,
        unit="%",
        decimals=2,
        mistakes={
            round(_AUTUMN.jpy_per_usd_change_pct, 2): "That is the change of yen per dollar, "
            "one currency. The question asks for the broad index, against 26 currencies.",
            round(-_AUTUMN.broad_dollar_change_pct, 2): "The sign is wrong: a positive change "
            "of the index is a stronger dollar. Read broad_dollar_change_pct as printed.",
            round(_AUTUMN.term_premium_change_points, 2): "That is the term premium's change, "
            "in points. The question asks for the dollar's change, in %.",
            round(_AUTUMN.yield_change_points, 2): "That is the 10-year yield's change, in "
            "points. The question asks for the dollar's change, in %.",
        },
        hint="Set the scaffold's two dates to 31 July and 19 October 2023 and read the broad "
        "dollar's change.",
        explanation="A rising term premium came with a stronger dollar then: what the "
        "dollar does depends on why investors ask more, and on what else moves.",
    ),
)
