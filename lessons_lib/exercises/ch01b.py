"""Exercises of chapter 01b: who holds Treasuries, and what a country's TIC line counts.

The holdings figures come from the shipped datasets (``tic_holdings``, the same revised vintage
the chapter charts, and ``federal_debt_fy``), never typed in: each question, answer and
diagnosis that quotes one is written from the data. Exercises are numbered in the order the
chapter asks them.
"""

from lessons_lib import data
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

_TIC = data.load("tic_holdings")
_JAPAN = _TIC["japan_usd_bn"]
_CHINA = _TIC["china_usd_bn"]
_ALL_FOREIGN = _TIC["all_foreign_usd_bn"]
_DEBT = data.load("federal_debt_fy")["debt_held_by_public_usd_bn"]

_SHARE_DEC_2025_PCT = float(100 * _JAPAN["2025-12-31"] / _ALL_FOREIGN["2025-12-31"])
_SHARE_DEC_2000_PCT = float(100 * _JAPAN["2000-12-31"] / _ALL_FOREIGN["2000-12-31"])
_CHINA_PEAK_MONTH = _CHINA.idxmax()

# 01b.2: foreign holdings and the debt held by the public, end of fiscal years 2012 and 2024
_FOREIGN_2012, _FOREIGN_2024 = float(_ALL_FOREIGN["2012-09-30"]), float(_ALL_FOREIGN["2024-09-30"])
_FOREIGN_SHARE_2012_PCT = 100 * _FOREIGN_2012 / float(_DEBT[2012])
_FOREIGN_SHARE_2024_PCT = 100 * _FOREIGN_2024 / float(_DEBT[2024])

EXERCISES = (
    exercise(
        1,
        objective=1,
        question="What share of all foreign holdings of Treasuries did Japan hold at the end "
        "of December 2025? In %, to one decimal.",
        answer=_SHARE_DEC_2025_PCT,
        unit="%",
        decimals=1,
        mistakes={
            100 - _SHARE_DEC_2025_PCT: f"{100 - _SHARE_DEC_2025_PCT:.1f}% is everyone else's "
            "share: Japan's is what remains.",
            100 / _SHARE_DEC_2025_PCT: f"{100 / _SHARE_DEC_2025_PCT:.2f} is all foreign "
            "holdings divided by Japan's, the ratio the wrong way round.",
            _SHARE_DEC_2000_PCT: f"{_SHARE_DEC_2000_PCT:.1f}% was Japan's share in December "
            "2000. Use December 2025.",
        },
        hint="Japan's holdings divided by all foreign holdings, in the same month, times 100: "
        "change the date in the scaffold cell.",
        explanation="Japan is still the largest single holder, but foreign holdings grew "
        "ninefold while Japan's did not.",
    ),    exercise(
        2,
        objective=2,
        question="Foreign holders' share of the debt held by the public fell from "
        f"{_FOREIGN_SHARE_2012_PCT:.0f}% (fiscal year 2012) to {_FOREIGN_SHARE_2024_PCT:.0f}% "
        "(2024). Which reading does the data support? (a) foreign holders sold Treasuries, on "
        "balance, over those years; (b) foreign holdings grew, but more slowly than the debt; "
        "(c) the Federal Reserve bought the foreign holders' Treasuries from them. Answer with "
        "the letter in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": f"Foreign holdings rose, from ${_FOREIGN_2012:,.0f}bn to ${_FOREIGN_2024:,.0f}bn "
            "(end of September). A share can fall while the holding grows.",
            "c": "The Fed buys from dealers in the market, not from a given holder; and foreign "
            "holdings grew over those years.",
        },
        hint="Compare how fast foreign holdings grew with how fast the debt grew (the "
        "explorer).",
        explanation="A falling share is not selling: the debt grew about twice as fast.",
    ),
    exercise(
        3,
        objective=3,
        question=f"China's recorded holdings fell from ${_CHINA.max():,.1f}bn "
        f"({_CHINA_PEAK_MONTH:%B %Y}) to ${_CHINA['2025-12-31']:,.1f}bn (December 2025). "
        "Which is a reason this fall may overstate China's selling? (a) Treasuries China "
        "holds through custodians in other countries, such as Belgium, are counted under those "
        "countries; (b) TIC counts only Treasury bills; (c) TIC values holdings at face value, "
        "so price changes do not show. Answer with the letter in quotes, e.g. \"a\".",
        answer="a",
        choices=("a", "b", "c"),
        mistakes={
            "b": "TIC counts bills, notes and bonds alike; the table covers all marketable "
            "Treasury securities.",
            "c": "Since December 2011 notes and bonds are valued at market prices, so price "
            "changes do show in the table.",
        },
        hint="TIC records holdings by where they are kept. Where might a central bank keep "
        "its bonds?",
        explanation="TIC is custodial: it sees the custodian's country, not the owner.",
    ),
)
