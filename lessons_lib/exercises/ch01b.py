"""Exercises of chapter 01b: reading the TIC table of foreign holders.

The holdings figures come from the shipped dataset ``tic_holdings`` (the same revised vintage
the chapter charts), never typed in: each question, answer and diagnosis that quotes one is
written from the data.
"""

from lessons_lib import data, holdings
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

_TIC = data.load("tic_holdings")
_JAPAN = _TIC["japan_usd_bn"]
_CHINA = _TIC["china_usd_bn"]
_ALL_FOREIGN = _TIC["all_foreign_usd_bn"]

_MARCH_2024, _MAY_2024 = float(_JAPAN["2024-03-31"]), float(_JAPAN["2024-05-31"])
_CHANGE_USD_BN = _MAY_2024 - _MARCH_2024
_CHANGE_PCT = 100 * _CHANGE_USD_BN / _MARCH_2024
_CHANGE_OVER_MAY_PCT = 100 * _CHANGE_USD_BN / _MAY_2024
_SHARE_DEC_2025_PCT = float(100 * _JAPAN["2025-12-31"] / _ALL_FOREIGN["2025-12-31"])
_SHARE_DEC_2000_PCT = float(100 * _JAPAN["2000-12-31"] / _ALL_FOREIGN["2000-12-31"])
_CHINA_PEAK_MONTH = _CHINA.idxmax()

# 01b.4: Japan's holdings at the end of May 2024, duration 5 years, yields down 0.15 point
_PORTFOLIO_USD_BN = _MAY_2024
_PRICE_EFFECT_USD_BN = float(holdings.valuation_change(_PORTFOLIO_USD_BN, 5.0, -0.0015))

EXERCISES = (
    exercise(
        1,
        objective=2,
        question="By what percentage did Japan's Treasury holdings (TIC, revised) change "
        "from March to May 2024?",
        answer=_CHANGE_PCT,
        unit="%",
        tolerance=0.02,
        mistakes={
            _CHANGE_USD_BN: f"{_CHANGE_USD_BN:.0f} is the change in billions of dollars, not "
            "in percent.",
            -_CHANGE_PCT: "The sign is wrong: holdings fell.",
            _CHANGE_OVER_MAY_PCT: f"{_CHANGE_OVER_MAY_PCT:.2f}% divides the fall by the May "
            "value. A change is measured against the starting value, March.",
        },
        hint="(May value / March value - 1) times 100.",
        explanation="About a twentieth of Japan's holdings, in two months.",
    ),
    exercise(
        2,
        objective=2,
        question=f"Japan's recorded holdings fell by ${-_CHANGE_USD_BN:.0f}bn from March to "
        "May 2024. Which reading does the data support? (a) Japan sold about "
        f"${-_CHANGE_USD_BN:.0f}bn of Treasuries; (b) the fall mixes sales and a lower "
        "market value of the same bonds, held by private as well as official Japanese holders; "
        "(c) the fall shows the United States is struggling to repay Japan.",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "TIC holdings are valued at market prices and count private holders too. "
            "Yields rose in April 2024, so the same bonds were worth less: a fall in holdings "
            "is not the same as sales.",
            "c": "A lower price is not a missed payment: the Treasury still owes every coupon "
            "and the face value, whoever holds the bonds.",
        },
        hint="Ask what TIC measures: whose bonds, and valued at what price?",
        explanation="Holdings are custodial, at market value, and include private holders.",
    ),
    exercise(
        3,
        objective=1,
        question="What share of all foreign holdings of Treasuries did Japan hold at the end "
        "of December 2025, in %?",
        answer=_SHARE_DEC_2025_PCT,
        unit="%",
        tolerance=0.05,
        mistakes={
            100 - _SHARE_DEC_2025_PCT: f"{100 - _SHARE_DEC_2025_PCT:.1f}% is everyone else's "
            "share: Japan's is what remains.",
            100 / _SHARE_DEC_2025_PCT: f"{100 / _SHARE_DEC_2025_PCT:.2f} is all foreign "
            "holdings divided by Japan's, the ratio the wrong way round.",
            _SHARE_DEC_2000_PCT: f"{_SHARE_DEC_2000_PCT:.1f}% was Japan's share in December "
            "2000. Use December 2025.",
        },
        hint="Japan's holdings divided by all foreign holdings, in the same month, times 100.",
        explanation="Japan is still the largest single holder, but foreign holdings grew "
        "ninefold while Japan's did not.",
    ),
    exercise(
        4,
        objective=3,
        question=f"A portfolio worth ${_PORTFOLIO_USD_BN:,.1f}bn with a modified duration of 5 "
        "years: by how many billion dollars does its market value change if its yields fall by "
        "0.15 percentage point?",
        answer=_PRICE_EFFECT_USD_BN,
        unit="billion dollars",
        tolerance=0.05,
        mistakes={
            -_PRICE_EFFECT_USD_BN: "The sign is wrong: when yields fall, prices rise, and so "
            "does the value of the portfolio.",
            5 * 0.15: f"0.75 is the percentage change (5 x 0.15). Apply it to the "
            f"${_PORTFOLIO_USD_BN:,.1f}bn.",
            _PORTFOLIO_USD_BN * 0.15 / 100: f"{_PORTFOLIO_USD_BN * 0.15 / 100:.2f} leaves out "
            "the duration: each point of yield moves the price by about duration-many percent.",
        },
        hint="Holdings x duration x yield change (in decimals), with a minus sign.",
        explanation="A rise of a few billion with no trade at all.",
    ),
    exercise(
        5,
        objective=2,
        question=f"China's recorded holdings fell from ${_CHINA.max():,.1f}bn "
        f"({_CHINA_PEAK_MONTH:%B %Y}) to ${_CHINA['2025-12-31']:,.1f}bn (December 2025). "
        "Which is a reason this fall may overstate China's selling? (a) Treasuries China "
        "holds through custodians in other countries, such as Belgium, are counted under those "
        "countries; (b) TIC counts only Treasury bills; (c) TIC values holdings at face value, "
        "so price changes do not show.",
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
