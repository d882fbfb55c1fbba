"""Exercises of chapter 06b: selling slowly as optimal execution, and what a fiscal
consolidation saves in interest (diversified reserves are chapter 06c's).

Answers are computed with :mod:`lessons_lib.execution`, :mod:`lessons_lib.fiscal` and
:mod:`lessons_lib.market` from the shipped datasets, never typed in. Exercises are numbered
in the order the chapter asks them.
"""

from lessons_lib import execution, fiscal, holder, market
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

# 06b.1: half of Japan's holdings, 20 trading days, central calibration
SHARE_SOLD_PCT = 50.0
SALE_DAYS = 20
_HELD = float(market.holder_size("japan").holdings_usd_bn)
SALE_USD_BN = float(market.holder_sale_usd_bn("japan", SHARE_SOLD_PCT))
_P = execution.treasury_parameters("central")
_FIRE = execution.schedule_cost(execution.fire_sale(SALE_USD_BN, SALE_DAYS), SALE_DAYS,
                                _P.sigma, _P.eta, _P.gamma)
_EVEN = execution.schedule_cost(execution.even_trajectory(SALE_USD_BN, SALE_DAYS), SALE_DAYS,
                                _P.sigma, _P.eta, _P.gamma)
SAVING_USD_BN = _FIRE.expected_usd_bn - _EVEN.expected_usd_bn
_CH02_SAVING = (holder.sale_cost(_HELD, SHARE_SOLD_PCT, 1).shortfall_usd_bn
                - holder.sale_cost(_HELD, SHARE_SOLD_PCT, SALE_DAYS).shortfall_usd_bn)

# 06b.3: a consolidation of 1% of GDP a year on CBO's baseline, FY2026-2035
_BASE = fiscal.project()
_SAVED = {feedback: _BASE["interest_usd_bn"] - fiscal.project(
    primary_deficit_change_pct_gdp=-1.0, debt_feedback_bp_per_pp=feedback)["interest_usd_bn"]
    for feedback in (0.0, *fiscal.CBO_DEBT_FEEDBACK_BP_PER_PP)}
INTEREST_SAVED_USD_BN = float(_SAVED[0.0].sum())

EXERCISES = (
    exercise(
        1,
        objective=1,
        question=f"Japan sells half its Treasuries (${SALE_USD_BN:,.2f} billion). In the "
        "execution model with chapter 02's central calibration, how much less does the seller "
        f"expect to lose selling evenly over {SALE_DAYS} trading days than selling everything "
        "on the first day? In USD billions, to two decimals.",
        answer=SAVING_USD_BN,
        unit="USD billions",
        decimals=2,
        mistakes={
            round(_EVEN.expected_usd_bn, 2): "That is the even sale's expected cost. The "
            "question asks how much less it is than the fire sale's.",
            round(_FIRE.expected_usd_bn, 2): "That is the fire sale's expected cost. Subtract "
            "the even sale's from it.",
            round(_FIRE.permanent_usd_bn, 2): "That is the permanent part, which every "
            "schedule pays: selling slowly saves none of it.",
            round(_CH02_SAVING, 2): "That is chapter 02's transient model, in which the "
            "short-run rise takes weeks to fade. The question asks for the execution model's "
            "saving.",
        },
        hint="The table of the three schedules gives each one's expected cost for the "
        "central calibration.",
        explanation="Selling slowly spares the seller most of the price of hurrying, in this "
        "model; chapter 02's slower-fading impact says far less.",
    ),
    exercise(
        2,
        objective=2,
        question="Two sales of the same amount: one in a day, one spread evenly over 20 "
        "trading days. Sixty trading days after each began, how does chapter 02's lasting "
        "part of the 10-year yield's rise compare? (a) the slow sale's is about 20 times "
        "smaller; (b) they are the same; (c) the slow sale's is about half. Answer with the "
        "letter in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "That divides by the number of days. The lasting part depends on how much "
            "has been sold in all, not on how fast: compare the two lasting paths on day 60.",
            "c": "Look at the lasting part on day 60 for both schedules: once both sales are "
            "done, they have sold the same amount.",
        },
        hint="The cell that compares the two schedules prints each one's lasting part.",
        explanation="A slow sale lowers the short-run peak and the seller's cost, not the "
        "lasting rise that the Treasury refinances at.",
    ),
    exercise(
        3,
        objective=3,
        question="Cut the primary deficit by 1% of GDP every year from FY2026 on CBO's "
        "January 2025 baseline, with no feedback from debt to yields. How much net interest "
        "does the rollover model save in total over FY2026-2035? In USD billions, to the "
        "nearest billion.",
        answer=INTEREST_SAVED_USD_BN,
        unit="USD billions",
        decimals=0,
        mistakes={
            round(float(_SAVED[0.0].iloc[-1])): "That is FY2035 alone. The question asks for "
            "the total over the ten years.",
            round(float(_SAVED[2.0].sum())): "That adds CBO's feedback of 2bp a point of "
            "debt/GDP. The question asks for the model with no feedback.",
            round(float(_SAVED[3.0].sum())): "That adds CBO's feedback of 3bp a point of "
            "debt/GDP. The question asks for the model with no feedback.",
        },
        hint="Set the feedback in the scaffold to 0 and read the ten-year total.",
        explanation="Less borrowing means less debt to pay interest on, and the saving grows "
        "each year; any effect on yields comes on top.",
    ),
)
