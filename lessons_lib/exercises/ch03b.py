"""Exercises of chapter 03b: a Nelson-Siegel curve fitted to a day's yields, the interest on
new debt priced along it, and which debt a rise in yields reprices.

Answers are computed with :mod:`lessons_lib.curve` from the shipped datasets
``yield_curve_daily`` and ``maturity_profile``, never typed in. Exercises are numbered in the
order the chapter asks them.
"""

from lessons_lib import curve, data
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

_YIELDS = data.load("yield_curve_daily")

# 03b.1: the curve of 19 October 2023, the 10-year's closing high
PEAK_DAY = "2023-10-19"
_PEAK_ROW = _YIELDS.loc[PEAK_DAY]
_PEAK = curve.fit_row(_PEAK_ROW).curve

# 03b.2: $100B of 10-year notes on the latest curve shifted up 50 basis points
_LATEST_ROW = _YIELDS.iloc[-1]
LATEST_DAY = _YIELDS.index[-1]
_LATEST = curve.fit_row(_LATEST_ROW).curve
_TEN = curve.mix_over_maturities([10.0], [1.0], 100.0)
SHIFT_BP = 50.0
_SHIFTED = curve.issuance_cost(curve.shift(_LATEST, SHIFT_BP), *_TEN)
_UNSHIFTED = curve.issuance_cost(_LATEST, *_TEN)
_TINY = curve.issuance_cost(curve.shift(_LATEST, SHIFT_BP / 10), *_TEN)
_OBSERVED_PLUS_PCT = float(_LATEST_ROW["y10y_pct"]) + SHIFT_BP / 100

# 03b.3: bills against 10-year notes on an inverted day
INVERTED_DAY = "2023-07-31"
_INVERTED = curve.fit_row(_YIELDS.loc[INVERTED_DAY]).curve
_BILLS = curve.issuance_cost(_INVERTED, *curve.mix_by_kind(1.0, 0.0, 0.0, 100.0))
_NOTES = curve.issuance_cost(_INVERTED, *_TEN)
_BILLS_FWD = curve.issuance_cost(_INVERTED, *curve.mix_by_kind(1.0, 0.0, 0.0, 100.0),
                                 rollover="forward")
_GAP_FIRST = _BILLS.first_year_usd_bn - _NOTES.first_year_usd_bn
_GAP_TEN = _BILLS.total_usd_bn - _NOTES.total_usd_bn
_GAP_TEN_FWD = _BILLS_FWD.total_usd_bn - _NOTES.total_usd_bn

# 03b.4: the marketable debt of the shipped maturity profile
_DEBT_USD_TN = float(data.load("maturity_profile")["total_usd_bn"].sum()) / 1000

EXERCISES = (
    exercise(
        1,
        objective=1,
        question="Fit the curve of 19 October 2023 (the 10-year yield's closing high of 2023). "
        "What is its level, the long end of the fitted curve? In %, to two decimals.",
        answer=100 * _PEAK.level,
        unit="%",
        decimals=2,
        mistakes={
            round(100 * (_PEAK.level + _PEAK.slope), 2): "That is level + slope: the fitted "
            "curve's short end. The level is the long end.",
            round(float(_PEAK_ROW["y10y_pct"]), 2): "That is the observed 10-year yield. The "
            "level is a parameter of the fitted curve: read fit.curve.level.",
            round(float(_PEAK_ROW["y30y_pct"]), 2): "That is the observed 30-year yield. The "
            "level is a parameter of the fitted curve, where it tends far beyond 30 years.",
            round(100 * _PEAK.slope, 2): "That is the slope parameter. The question asks for "
            "the level.",
        },
        hint="Change the date in the scaffold and read the level it prints.",
        explanation="The level is where the fitted curve heads beyond the longest maturity.",
    ),
    exercise(
        2,
        objective=2,
        question=f"On the curve of {LATEST_DAY:%-d %B %Y} shifted up by {SHIFT_BP:.0f} basis "
        "points, what is the first year's interest on $100 billion of new 10-year notes? In "
        "billions of dollars, to two decimals.",
        answer=_SHIFTED.first_year_usd_bn,
        unit="billion dollars",
        decimals=2,
        mistakes={
            round(_UNSHIFTED.first_year_usd_bn, 2): "That is the cost on the curve before the "
            "shift. Set the shift in the scaffold.",
            round(_SHIFTED.total_usd_bn, 2): "That is the interest over ten years. The "
            "question asks for the first year's.",
            round(_TINY.first_year_usd_bn, 2): "That shifts the curve by 5 basis points. 50 "
            "basis points is half a percentage point.",
            round(_OBSERVED_PLUS_PCT, 2): "That adds the shift to the observed 10-year yield. "
            "The cost is priced on the fitted curve, whose 10-year yield differs by a few "
            "basis points: use the scaffold.",
        },
        hint="The first year's interest is the amount times the moved curve's 10-year yield: "
        "the scaffold prints it once you set the shift.",
        explanation="Half a point more on $100 billion is half a billion dollars a year.",
    ),
    exercise(
        3,
        objective=2,
        question="On the curve of 31 July 2023, how much more does $100 billion borrowed "
        "in 3-month bills cost in the first year than $100 billion in 10-year notes? In "
        "billions of dollars, to two decimals, negative if the bills cost less.",
        answer=_GAP_FIRST,
        unit="billion dollars",
        decimals=2,
        mistakes={
            round(-_GAP_FIRST, 2): "The sign is wrong: on that day the bills paid more than "
            "the notes. Take the bills' cost minus the notes'.",
            round(_GAP_TEN, 2): "That is the gap over ten years. The question asks for the "
            "first year.",
            round(_GAP_TEN_FWD, 2): "That is the gap over ten years with the bills rolled "
            "over at the curve's forward rates. The question asks for the first year.",
        },
        hint="Run the scaffold with the date of the question: it prints the first year's "
        "cost of each.",
        explanation="On an inverted curve the short end costs more, for as long as it stays "
        "inverted.",
    ),
    exercise(
        4,
        objective=3,
        question="Yields at every maturity rise by one percentage point tomorrow and stay "
        f"there. What happens to the interest on the Treasury's ${_DEBT_USD_TN:.1f} trillion "
        "of marketable debt in the coming year? (a) it rises by about one point on all of it; "
        "(b) it rises by about a point on what is newly borrowed or rolled over during the "
        "year, a fraction of the debt at first and more as old debt matures; (c) nothing "
        "changes until the debt is repaid. Answer with the letter in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "Coupons are fixed when a security is sold: a note sold last year keeps its "
            "coupon to maturity. Only new borrowing pays the new yields.",
            "c": "Bills mature within a year and notes every month: the Treasury borrows "
            "again to repay them, at the new yields.",
        },
        hint="Which securities pay the new yields: those already sold, or those sold from "
        "now on?",
        explanation="The bill for a rise in yields arrives as the debt rolls over; chapter 04 "
        "traces it year by year.",
    ),
)
