"""Exercises of chapter 01d: Japan's holdings in spring 2024, price or sales?

The holdings figures come from the shipped dataset ``tic_holdings`` (the same revised vintage
the chapter charts), never typed in: each question, answer and diagnosis that quotes one is
written from the data. Exercises are numbered in the order the chapter asks them.
"""

from lessons_lib import data, holdings
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

_TIC = data.load("tic_holdings")
_JAPAN = _TIC["japan_usd_bn"]
_FIRST = data.load("japan_holdings_vintages")["first_published_usd_bn"]

_MARCH_2024, _MAY_2024 = float(_JAPAN["2024-03-31"]), float(_JAPAN["2024-05-31"])
_CHANGE_USD_BN = _MAY_2024 - _MARCH_2024
_CHANGE_PCT = 100 * _CHANGE_USD_BN / _MARCH_2024
_CHANGE_OVER_MAY_PCT = 100 * _CHANGE_USD_BN / _MAY_2024
_FIRST_CHANGE_PCT = float(100 * (_FIRST["2024-05-31"] / _FIRST["2024-03-31"] - 1))

# 01d.3: Japan's holdings at the end of May 2024, duration 5 years, yields down 0.15 point
_PORTFOLIO_USD_BN = _MAY_2024
_DURATION_YEARS = 5.0
_YIELD_CHANGE = -0.0015  # a fall of 0.15 percentage point, as a decimal
_PRICE_EFFECT_USD_BN = float(
    holdings.valuation_change(_PORTFOLIO_USD_BN, _DURATION_YEARS, _YIELD_CHANGE)
)
_DECIMAL_SLIP = -_PORTFOLIO_USD_BN * _DURATION_YEARS * (100 * _YIELD_CHANGE)

EXERCISES = (
    exercise(
        1,
        objective=1,
        question="By what percentage did Japan's Treasury holdings (TIC, revised) change "
        "from March to May 2024? In %, to one decimal, with its sign.",
        answer=_CHANGE_PCT,
        unit="%",
        decimals=1,
        mistakes={
            _CHANGE_USD_BN: f"{_CHANGE_USD_BN:.1f} is the change in billions of dollars, not "
            "in percent.",
            -_CHANGE_PCT: "The sign is wrong: holdings fell.",
            _CHANGE_OVER_MAY_PCT: f"{_CHANGE_OVER_MAY_PCT:.2f}% divides the fall by the May "
            "value. A change is measured against the starting value, March.",
            _FIRST_CHANGE_PCT: f"{_FIRST_CHANGE_PCT:.2f}% uses the first-published figures. "
            "The question asks for the revised ones (the revised_usd_bn column).",
        },
        hint="(May value / March value - 1) times 100, with the revised figures.",
        explanation="About a twentieth of Japan's holdings, in two months.",
    ),
    exercise(
        2,
        objective=1,
        question=f"Japan's recorded holdings fell by ${-_CHANGE_USD_BN:.0f}bn from March to "
        "May 2024. Which reading does the data support? (a) Japan sold about "
        f"${-_CHANGE_USD_BN:.0f}bn of Treasuries; (b) the fall mixes sales and a lower "
        "market value of the same bonds, held by private as well as official Japanese holders; "
        "(c) the fall shows the United States is struggling to repay Japan. Answer with the "
        "letter in quotes, e.g. \"a\".",
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
        objective=2,
        question=f"A portfolio worth ${_PORTFOLIO_USD_BN:,.1f}bn with a modified duration of "
        f"{_DURATION_YEARS:g} years: by how many billion dollars does its market value change "
        "if its yields fall by 0.15 percentage point (a change of -0.0015 as a decimal)? "
        "In billions of dollars, to one decimal, with its sign.",
        answer=_PRICE_EFFECT_USD_BN,
        unit="billion dollars",
        decimals=1,
        mistakes={
            -_PRICE_EFFECT_USD_BN: "The sign is wrong: when yields fall, prices rise, and so "
            "does the value of the portfolio.",
            _DECIMAL_SLIP: f"{_DECIMAL_SLIP:.1f} enters the fall of 0.15 point as -0.15. In "
            "the formula the yield change is a decimal: 0.15 point is 0.0015.",
            -_DECIMAL_SLIP: f"{-_DECIMAL_SLIP:.1f} enters the fall of 0.15 point as 0.15, and "
            "with the wrong sign. In the formula the yield change is a decimal, -0.0015, and "
            "a fall in yields raises the value.",
            _DURATION_YEARS * 0.15: f"{_DURATION_YEARS * 0.15:.2f} is the percentage change "
            f"(5 x 0.15). Apply it to the ${_PORTFOLIO_USD_BN:,.1f}bn.",
            _PORTFOLIO_USD_BN * 0.0015: f"{_PORTFOLIO_USD_BN * 0.0015:.2f} leaves out the "
            "duration: each point of yield moves the price by about duration-many percent.",
        },
        hint="-H x D x yield change, with the yield change as a decimal (-0.0015).",
        explanation="A rise of a few billion with no trade at all.",
    ),    exercise(
        4,
        objective=3,
        question="Japan's Ministry of Finance sold dollars for yen on Monday 29 April 2024. "
        "In which month's TIC holdings can the dollars it paid out first show? (a) April, the "
        "month of the trade; (b) May: a spot trade settles two business days after it is made; "
        "(c) neither: selling dollars never touches Treasury holdings. Answer with the letter "
        "in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "The trade was made in April, but a spot trade settles two business days "
            "later: the dollars left the ministry's accounts in May, after April's holdings "
            "were counted.",
            "c": "The dollars have to come from somewhere: deposits, bills left to mature, or "
            "notes sold. The last two lower the Treasury holdings TIC records.",
        },
        hint="When does a spot currency trade settle?",
        explanation="April's residual is not the intervention; May's can be.",
    ),
)
