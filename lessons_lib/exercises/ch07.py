"""Exercises of chapter 07, the capstone: the scenario runner that chains chapters 02 to 06.

Numeric answers are computed with :mod:`lessons_lib.scenario` from the shipped scenarios and
datasets, never typed in. Exercises are numbered in the order the chapter asks them. The
chapter's last exercise, the written brief, is open-ended and has no self-check.
"""

from lessons_lib import fiscal, scenario
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

# 07.1: China sells half, central calibration: net interest added over FY2026-2035
_CHINA = scenario.run(scenario.load("china_sells_half"))
CHINA_INTEREST_USD_BN = _CHINA.added_interest_usd_bn["central"]
_CHINA_FY2035 = float(_CHINA.fiscal["central"]["interest_usd_bn"].iloc[-1]
                      - scenario.baseline()["interest_usd_bn"].iloc[-1])
_CHINA_PEAK = fiscal.rate_shock(_CHINA.peak_bp["central"] / 100).total_usd_bn

# 07.4: the articles' story, central calibration
_ARTICLES_BP = scenario.run(scenario.load("articles_japan_sells_all")).lasting_bp["central"]

# 07.3: Japan sells what it spent on the spring 2024 interventions and buys yen with it
_SPRING = scenario.run(scenario.load("japan_spring_2024"))
SPRING_DOLLAR_PCT = _SPRING.dollar_move_pct["central"]
_SPRING_KEPT = scenario.run(scenario.load("japan_spring_2024").replace(converted_pct=0.0))

EXERCISES = (
    exercise(
        1,
        objective=1,
        question="China sells half its Treasuries over a month (the shipped scenario "
        "'china_sells_half'). In the central calibration, how much net interest does the "
        "chain add over FY2026-2035 against CBO's baseline? In USD billions, to the nearest "
        "billion.",
        answer=CHINA_INTEREST_USD_BN,
        unit="USD billions",
        decimals=0,
        mistakes={
            round(_CHINA.added_interest_usd_bn["high"]): "That is the high calibration. The "
            "question asks for the central one.",
            round(_CHINA_FY2035): "That is FY2035 alone. Add up the ten fiscal years.",
            round(_CHINA_PEAK): "That treats the peak as if it lasted. Only the lasting rise "
            "stays while the bonds stay sold; the peak fades within weeks.",
        },
        hint="The runner's result has the ten-year total for each calibration: "
        "added_interest_usd_bn.",
        explanation="A sale of a third of a trillion dollars adds tens of billions over a "
        "decade in the central calibration: real money, but under 1% of the interest CBO "
        "already expects.",
    ),
    exercise(
        2,
        objective=2,
        question="Which remedy leaves the lasting rise of the 10-year yield where it was, "
        "but lowers its peak and the seller's own loss? (a) the Fed buying the sale; (b) "
        "spreading the sale over a year; (c) a repo instead of a sale. Answer with the letter "
        "in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "The Fed's purchases are a sale with the sign flipped: buying as much in "
            "10-year equivalents takes the lasting rise away too.",
            "c": "A repo keeps the bonds off the market: nothing is sold, so there is no rise "
            "to keep and no loss to cut.",
        },
        hint="Compare the lasting and seller's-loss columns of the remedies table.",
        explanation="The lasting part counts what has been sold, not how fast: a slow sale "
        "lowers the peak and the seller's cost, not what the Treasury refinances at.",
    ),
    exercise(
        3,
        objective=3,
        question="Japan sells the Treasuries behind its spring 2024 interventions and buys "
        "yen with the dollars (scenario 'japan_spring_2024'). In the central calibration, "
        "by how much does the dollar move against the yen? In percent, to two decimals "
        "(negative: a cheaper dollar).",
        answer=SPRING_DOLLAR_PCT,
        unit="%",
        decimals=2,
        mistakes={
            round(-SPRING_DOLLAR_PCT, 2): "Check the sign: buying yen with the dollars makes "
            "the dollar cheaper, a negative move.",
            round(_SPRING_KEPT.dollar_move_pct["central"], 2): "That is the yield channel "
            "alone, as if Japan kept the dollars. This scenario exchanges all of them for "
            "yen.",
            round(_SPRING.dollar_move_pct["high"], 2): "That is the high set. The question "
            "asks for the central one.",
        },
        hint="The runner's result has dollar_move_pct for each calibration.",
        explanation="The yield rises a little and the dollar still falls: the sale sells "
        "dollars, which outweighs the term premium's pull in this model.",
    ),
    exercise(
        4,
        objective=4,
        question=f"The articles' story adds a lasting {_ARTICLES_BP:.1f} bp to the 10-year "
        "yield in the central calibration. Why does net interest not rise at once by that "
        "much on all the "
        "debt? (a) only debt that matures or is newly borrowed pays the new yields; (b) the "
        "Fed pays the difference; (c) the debt's price falls, which lowers its interest. "
        "Answer with the letter in quotes, e.g. \"a\".",
        answer="a",
        choices=("a", "b", "c"),
        mistakes={
            "b": "The Fed's remittances are not a subsidy for higher yields, and they stopped "
            "in 2022 (chapter 04b). Think about which bonds pay the new yield.",
            "c": "A bond's coupon is fixed when it is issued: a lower price changes what a "
            "buyer earns, not what the Treasury pays on that bond.",
        },
        hint="Chapter 04's rollover model: which bonds does a higher yield reach in year one?",
        explanation="The bill grows as the debt rolls over: bills within months, notes and "
        "bonds over years.",
    ),
)
