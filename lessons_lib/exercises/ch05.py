"""Exercises of chapter 05: a yen holder's return on a Treasury, the hedged yield, and the yen
loop's long-run answer to a push.

Answers are computed with :mod:`lessons_lib.holder` and :mod:`lessons_lib.loop` from the
shipped datasets (``yield_curve_daily``, ``yield_curve_monthly``, ``fx_daily``, ``fx_monthly``,
``japan_interventions``, ``term_premium_monthly``), never typed in. Exercises are numbered in
the order the chapter asks them.
"""

import pandas as pd

from lessons_lib import holder, loop
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

# 05.1: a year on a 10-year Treasury bought on the last day of the data, yield +100bp, yen
# 10% stronger (yen per dollar -10%)
_RATES = holder.latest_rates()
SHOCK_BP, YEN_MOVE_PCT = 100.0, -10.0


def _year(shock_bp: float, move_pct: float) -> holder.YenReturn:
    return holder.yen_return(_RATES.ten_year_yield, shock_bp, move_pct, _RATES.usd_short_rate,
                             _RATES.jpy_short_rate)


_MOVED = _year(SHOCK_BP, YEN_MOVE_PCT)
_WEAKER = _year(SHOCK_BP, -YEN_MOVE_PCT)

# 05.2: the hedged 10-year yield in December 2023 (monthly means)
MONTH = pd.Timestamp("2023-12-31")
_HEDGED = holder.hedged_ten_year_yield("monthly").loc[MONTH]

# 05.3: a lasting 10% push on yen per dollar under the loop's "high" coefficients
PUSH_PCT = 10.0
_HIGH = loop.gains("high").total
_CENTRAL = loop.gains("central").total

EXERCISES = (
    exercise(
        1,
        objective=1,
        question=f"A yen investor buys a 10-year Treasury at par on {_RATES.date:%-d %B %Y} "
        f"({100 * _RATES.ten_year_yield:.2f}%) and holds it a year, unhedged. Its yield rises "
        f"{SHOCK_BP:.0f} basis points at once and the yen strengthens: yen per dollar falls "
        f"{abs(YEN_MOVE_PCT):.0f}%. What is the year's return in yen? In %, to two decimals, "
        "negative for a loss.",
        answer=100 * float(_MOVED.unhedged),
        unit="%",
        decimals=2,
        mistakes={
            round(100 * float(_MOVED.carry + _MOVED.price_change + _MOVED.currency), 2): "That "
            "adds the parts and leaves out the currency move on the return itself: the yen "
            "return is (1 + dollar return)(1 + currency) - 1.",
            round(100 * float(_WEAKER.unhedged), 2): "That is a weaker yen (yen per dollar "
            "up 10%). A stronger yen means fewer yen per dollar: a move of -10%.",
            round(100 * float(_MOVED.hedged), 2): "That is the hedged return. The question "
            "asks for the unhedged one, which carries the currency move.",
            round(100 * float(_MOVED.dollar_return), 2): "That is the return in dollars. "
            "Counted in yen, the currency move comes on top.",
        },
        hint="Set the yield move and the yen move in the scaffold and read the unhedged "
        "return.",
        explanation="A stronger yen and a higher yield hit an unhedged holder twice; the "
        "carry covers neither.",
    ),
    exercise(
        2,
        objective=2,
        question=f"In {MONTH:%B %Y} (monthly averages), what did a yen investor earn on a "
        "10-year Treasury hedged with 3-month forwards: the 10-year yield minus the hedge's "
        "cost from the US 3-month yield and the yen call rate? In % a year, to two decimals, "
        "negative if the hedge cost more than the yield.",
        answer=float(_HEDGED["hedged_10y_pct"]),
        unit="%",
        decimals=2,
        mistakes={
            round(float(_HEDGED["hedge_cost_pct"]), 2): "That is the hedge's cost. Subtract it "
            "from the 10-year yield.",
            round(float(_HEDGED["y10y_pct"]), 2): "That is the 10-year yield unhedged. The "
            "hedge's cost comes off it.",
            round(-float(_HEDGED["hedged_10y_pct"]), 2): "The sign is wrong: when the hedge "
            "costs more than the yield pays, the hedged yield is negative.",
            round(float(_HEDGED["y10y_pct"] - _HEDGED["y3m_pct"]), 2): "That leaves out the "
            "yen rate (and the compounding of the forward): use the scaffold's "
            "hedged_10y_pct column.",
        },
        hint="The scaffold prints the 10-year yield, the hedge's cost and the hedged yield for "
        "the month you set.",
        explanation="US short rates above 5% and yen rates near zero made the hedge cost more "
        "than the 10-year paid.",
    ),
    exercise(
        3,
        objective=3,
        question=f"A lasting push weakens the yen by {PUSH_PCT:.0f}% in every round of the "
        "loop. With the loop's \"high\" coefficients, where does the yen's weakness settle, "
        "push and the loop's answers together? In %, to one decimal.",
        answer=PUSH_PCT / (1 - _HIGH),
        unit="%",
        decimals=1,
        mistakes={
            round(PUSH_PCT * (1 + _HIGH), 1): "That is the push plus one round of the loop. A "
            "lasting push keeps feeding it: add every round, s (1 + G + G**2 + ...).",
            round(PUSH_PCT / (1 + _HIGH), 1): "That divides by 1 + G. The rounds add up to "
            "s / (1 - G).",
            round(PUSH_PCT / (1 - _CENTRAL), 1): "That is the central set. The question asks "
            "for the high one.",
            round(PUSH_PCT * _HIGH, 1): "That is one round's answer to the push alone. Add the "
            "push and every round.",
        },
        hint="A lasting push s settles at s / (1 - G), with G the loop gain: the scaffold "
        "prints G for each set.",
        explanation="A gain below one means every round's answer is smaller than the last: "
        "the loop adds a little and stops.",
    ),
)
