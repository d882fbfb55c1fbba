"""Exercises of chapter 02: the sell-off, flows and a sale's size in risk, and its price impact.

Japan's holdings come from the shipped ``tic_holdings`` and today's market from the shipped
maturity profile and yield curve, through :mod:`lessons_lib.market`; nothing is typed in.
Exercises are numbered in the order the chapter asks them.
"""

from lessons_lib import bonds, market
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

# 02.2: Japan's holdings as a share of the market in 10-year equivalents, low-end duration
_JAPAN = market.holder_size("japan")
_TODAY = market.today()
_SHARE_LOW_PCT = _JAPAN.share_of_market_low_pct
_FACE_SHARE_PCT = 100 * _JAPAN.holdings_usd_bn / _TODAY.marketable_debt_usd_bn
_MIXED_PCT = 100 * _JAPAN.ten_year_equivalents_low_usd_bn / _TODAY.marketable_debt_usd_bn

# 02.4: the rise in yield that takes a 10-year note bought at par today to $90
_START_YIELD = _TODAY.ten_year_yield
_TARGET_PRICE = 90.0
_NOTE = bonds.Bond(coupon_rate=_START_YIELD, maturity_years=10)
_RISE_BP = 10_000 * (float(bonds.yield_to_maturity(_NOTE, _TARGET_PRICE)) - _START_YIELD)
_THREE_PCT_NOTE = bonds.Bond(coupon_rate=0.03, maturity_years=10)
_RISE_3PCT_BP = 10_000 * (float(bonds.yield_to_maturity(_THREE_PCT_NOTE, _TARGET_PRICE)) - 0.03)
_ARTICLE_BP = 10_000 * (13 / 90 - 0.03)  # article A's one-year arithmetic: 14.4% against 3%

EXERCISES = (
    exercise(
        1,
        objective=1,
        question="Which of these shows that holders sold Treasuries, rather than that the "
        "bonds they keep lost value? (a) a fall in a country's holdings in the TIC table of "
        "major foreign holders; (b) TIC net foreign purchases below zero, or a fall in the "
        "Treasuries the New York Fed holds in custody for foreign official accounts; (c) a "
        "lower bid-to-cover ratio at a 10-year auction. Answer with the letter in quotes, "
        "e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "TIC holdings are at market value and include private holders: when yields "
            "rise, the same bonds are worth less and the holdings fall with no sale at all "
            "(chapter 01d).",
            "c": "A bid-to-cover ratio measures demand at a new auction, dollars bid per "
            "dollar sold. It says nothing about who sold bonds they already held.",
        },
        hint="Which data count trades (transactions), and which count holdings valued at "
        "market prices?",
        explanation="Net purchases count trades, and custody holdings move week by week; "
        "holdings at market value mix trades and prices.",
    ),
    exercise(
        2,
        objective=2,
        question=f"Japan holds ${_JAPAN.holdings_usd_bn:,.1f}bn of Treasuries "
        f"({_JAPAN.month_end:%B %Y}). If its portfolio's modified duration is "
        f"{_JAPAN.duration_low_years:g} years, what share of today's marketable debt is that, "
        f"in 10-year equivalents (the market: ${_TODAY.marketable_debt_usd_bn:,.0f}bn of face "
        f"value, duration {_TODAY.market_duration_years:.2f} years)? In %, to two decimals.",
        answer=_SHARE_LOW_PCT,
        unit="%",
        decimals=2,
        mistakes={
            _FACE_SHARE_PCT: f"{_FACE_SHARE_PCT:.2f}% is Japan's share in face value: it "
            "leaves out the durations. A dollar of a short portfolio carries less risk than a "
            "dollar of the market: multiply each face value by its duration.",
            _MIXED_PCT: f"{_MIXED_PCT:.2f}% divides Japan in 10-year equivalents by the "
            "market in face value. Measure both the same way: face x duration over face x "
            "duration (the 10-year note's duration cancels).",
            _JAPAN.share_of_market_high_pct: f"{_JAPAN.share_of_market_high_pct:.2f}% uses "
            f"the high-end duration, {_JAPAN.duration_high_years:.2f} years. The question "
            f"takes {_JAPAN.duration_low_years:g} years.",
        },
        hint="100 x Japan's face value x its duration / (the market's face value x the "
        "market's duration): the scaffold cell has the line.",
        explanation="A short portfolio is a smaller share of the market's risk than of its "
        "face value.",
    ),
    exercise(
        3,
        objective=3,
        question="In the model, Japan sells half of its holdings evenly over 20 trading days. "
        "A year after the sale began, what is left of the rise in the 10-year yield? (a) all "
        "of the peak: a price drop from a sale stays; (b) about the lasting part, smaller "
        "than the peak: the short-run part fades as other investors and dealers take up the "
        "bonds; (c) nothing: yields always return to where they were. Answer with the letter "
        "in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "The short-run part is the price of hurrying: it halves every few weeks once "
            "the selling stops. Only the lasting part stays, as long as the bonds stay sold.",
            "c": "Other investors now hold more duration than before, and want a higher yield "
            "to hold it: the lasting part stays as long as the bonds stay sold.",
        },
        hint="The model has two parts: which one depends on how fast the bonds were sold?",
        explanation="Only the lasting part stays; in the central calibration it is less "
        "than half of the peak.",
    ),
    exercise(
        4,
        objective=4,
        question=f"A 10-year note bought at par ($100) at today's 10-year yield, "
        f"{100 * _START_YIELD:.2f}% (its coupon), falls to $90. By how many basis points has "
        "its yield risen? In basis points, no decimals.",
        answer=_RISE_BP,
        unit="basis points",
        decimals=0,
        mistakes={
            _RISE_BP / 100: "That is the rise in percentage points. The question asks for "
            "basis points: one percentage point is 100 basis points.",
            1000.0: "1,000 basis points (10 points) reads the $10 fall in price as a 10-point "
            "rise in yield. A 10-year note's price moves about 8 dollars per point of yield: "
            "find the yield at which it is worth $90.",
            _ARTICLE_BP: f"{_ARTICLE_BP:.0f} comes from the article's one-year arithmetic "
            "(13/90 = 14.4% against 3%). This note has ten years to run: solve for its yield "
            "to maturity at $90.",
            _RISE_3PCT_BP: f"{_RISE_3PCT_BP:.0f} is for chapter 01's 3% note. This note's "
            f"coupon is today's yield, {100 * _START_YIELD:.2f}%.",
        },
        hint="Solve for the note's yield to maturity at $90 (the scaffold cell does it for "
        "another price), subtract the starting yield and multiply by 10,000.",
        explanation="A fall of $10 on a 10-year note is a rise of over one percentage point, "
        "far short of the 11 points of the article's one-year arithmetic.",
    ),
)
