"""Exercises of chapter 02b: sell-offs in the data (March 2020, spring 2024, April 2025).

The weekly custody holdings and the Fed's holdings come from the shipped datasets
``custody_holdings`` and ``fed_holdings``; the model's market for 2020 is
:data:`lessons_lib.market.PAST_MARKETS` ``"2020"``. Nothing is typed in but the $109bn the
press reported for March 2020, a known wrong answer. Exercises are numbered in the order the
chapter asks them.
"""

from lessons_lib import data, market
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

_CUSTODY = data.load("custody_holdings")["marketable_treasuries_usd_bn"]
_FED = data.load("fed_holdings")["treasuries_outright_usd_bn"]

# 02b.1: the custody holdings from Wednesday 4 March to Wednesday 1 April 2020
CUSTODY_START, CUSTODY_END = "2020-03-04", "2020-04-01"
_CUSTODY_CHANGE = float(_CUSTODY[CUSTODY_END] - _CUSTODY[CUSTODY_START])
_FROM_FEBRUARY = float(_CUSTODY[CUSTODY_END] - _CUSTODY["2020-02-26"])
_WEEK_EARLY = float(_CUSTODY["2020-03-25"] - _CUSTODY["2020-02-26"])
REPORTED_MARCH_FALL_USD_BN = 109.0
"""The fall in March 2020 reported at the time (Vissing-Jorgensen 2021; the Fed's H.4.1):
a calendar month, not the Wednesdays of the weekly data."""

# 02b.2: the Fed's purchases from Wednesday 18 March to Wednesday 8 April 2020
FED_START, FED_END = "2020-03-18", "2020-04-08"
FED_PURCHASES_USD_BN = float(_FED[FED_END] - _FED[FED_START])
_PAST = market.PAST_MARKETS["2020"]
_CENTRAL = market.CALIBRATIONS["central"]
_SHARE_2020_PCT = float(market.share_of_market_pct(-FED_PURCHASES_USD_BN,
                                                   _PAST.marketable_debt_usd_bn,
                                                   _PAST.duration_years))
_LASTING_BP = _CENTRAL.lasting_bp_per_pp * _SHARE_2020_PCT
_TODAY_MARKET_BP = _CENTRAL.lasting_bp_per_pp * float(
    market.share_of_market_pct(-FED_PURCHASES_USD_BN))
_HIGH_BP = market.CALIBRATIONS["high"].lasting_bp_per_pp * _SHARE_2020_PCT

EXERCISES = (
    exercise(
        1,
        objective=1,
        question="By how much did the Treasuries held in custody at the New York Fed for "
        "foreign official accounts change from Wednesday 4 March to Wednesday 1 April 2020 "
        "(custody_holdings)? In billions of dollars, to one decimal, with its sign.",
        answer=_CUSTODY_CHANGE,
        unit="billion dollars",
        decimals=1,
        mistakes={
            -REPORTED_MARCH_FALL_USD_BN: "That is the fall reported for the calendar month "
            "of March. The weekly data are Wednesday levels: take the two Wednesdays the "
            "question names.",
            _FROM_FEBRUARY: f"{_FROM_FEBRUARY:.1f} starts on 26 February, a week early. "
            "Start on 4 March.",
            _WEEK_EARLY: f"{_WEEK_EARLY:.1f} runs from 26 February to 25 March, a week "
            "early at both ends.",
            -_CUSTODY_CHANGE: "The sign is wrong: the holdings fell.",
        },
        hint="The level on 1 April minus the level on 4 March: change the dates in the "
        "scaffold cell.",
        explanation="The three largest four-week falls in the custody data since 2007 end in "
        "March or April 2020.",
    ),
    exercise(
        2,
        objective=2,
        question=f"From Wednesday 18 March to Wednesday 8 April 2020 the Fed's Treasury "
        f"holdings rose by ${FED_PURCHASES_USD_BN:,.1f}bn. Treat them as a negative sale at "
        "the market's duration in 2020's market (PAST_MARKETS['2020']). What lasting change "
        "in the 10-year yield does the central calibration give? In basis points, to one "
        "decimal, with its sign.",
        answer=_LASTING_BP,
        unit="basis points",
        decimals=1,
        mistakes={
            -_LASTING_BP: "The sign is wrong: purchases are negative sales, and they lower "
            "yields.",
            _TODAY_MARKET_BP: f"{_TODAY_MARKET_BP:.1f} uses today's market, almost twice "
            "2020's. Pass the 2020 market's size and duration.",
            _HIGH_BP: f"{_HIGH_BP:.1f} uses the high calibration. The question asks for the "
            "central one.",
        },
        hint="The lasting part is lambda x the share of the market bought, in points: "
        "the scaffold cell has the line.",
        explanation="Several times what the model gives for the foreign official sales of "
        "that March, in the other direction.",
    ),
    exercise(
        3,
        objective=3,
        question="From 4 to 11 April 2025 the 10-year yield rose by about half a percentage "
        "point. Which reading do the data in this chapter support? (a) foreign central banks "
        "dumped Treasuries and drove the rise; (b) foreign official flows were small beside "
        "private foreigners' net sales, the Treasuries held in custody for official accounts "
        "rose that week, and most of the rise was term premium: private sellers and "
        "deleveraging, on tariff news, did most of it; (c) the United States could no longer "
        "sell its debt: its auctions failed. Answer with the letter in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "Look at the flows, not the yields: the custody holdings for foreign "
            "official accounts rose in the sell-off week, and in the TIC data for April "
            "official net sales were a small part of foreigners' net sales.",
            "c": "Auctions are covered because primary dealers must bid: a weak auction sells "
            "at a higher yield, it does not fail (chapter 01c).",
        },
        hint="Compare the official flows (TIC, custody) with the total, and the term premium "
        "with the yield.",
        explanation="A rise in yields is not, by itself, evidence of who sold.",
    ),
    exercise(
        4,
        objective=3,
        question="After writing your own answer: which statement about March 2020 does the "
        "evidence in this chapter support best? (a) foreign official sales explain the rise "
        "of the 10-year yield from 9 to 18 March under every calibration; (b) official sales "
        "are one force, small in the low and central calibrations and large only in the "
        "high one; the dash for cash, the unwinding of hedge funds' basis trades and full "
        "dealer balance sheets pushed the same way, and the Fed's purchases, several times "
        "larger, pushed back; (c) the Fed's purchases raised yields. Answer with the letter "
        "in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "Check the model's table for March 2020: only the high calibration makes "
            "the custody sales as large as the rise; the low and central ones make them a "
            "few basis points.",
            "c": "Purchases are negative sales in the model: they lower yields. Yields fell "
            "after the Fed's buying began.",
        },
        hint="Read the model's table for March 2020 across the three calibrations, and list "
        "what else happened that month.",
        explanation="The model is one force; the band says how big it may be, the episode "
        "says what else moved.",
    ),
)
