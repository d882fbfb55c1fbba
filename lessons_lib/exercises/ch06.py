"""Exercises of chapter 06: Fed purchases that offset a sale (duration-matched, in chapter 02's
price-impact model), the model's QE2 beside the published estimates, what a repo is, and what
quantitative easing costs.

Answers are computed with :mod:`lessons_lib.market` and the chapter's helpers
(:mod:`lessons_lib.explorers.ch06`) from the shipped data (``tic_holdings``, the maturity
profile, the yield curve), never typed in. Exercises are numbered in the order the chapter
asks them.
"""

from lessons_lib import market
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

# 06.1: the Fed's purchase of 10-year notes that offsets half of China's holdings
_TODAY = market.today()
CHINA_HALF_USD_BN = float(market.holder_sale_usd_bn("china", 50.0))
_OFFSET = float(market.ten_year_equivalents(CHINA_HALF_USD_BN, _TODAY.market_duration_years,
                                            _TODAY.ten_year_duration_years))
_INVERTED = CHINA_HALF_USD_BN * _TODAY.ten_year_duration_years / _TODAY.market_duration_years

# 06.2: QE2's purchases in today's market, central calibration
QE2_USD_BN = 600.0
QE2_DURATION_YEARS = 5.5
_QE2 = market.PAST_MARKETS["qe2"]
_QE2_POINTS = float(market.share_of_market_pct(QE2_USD_BN, _QE2.marketable_debt_usd_bn,
                                               _QE2.duration_years, QE2_DURATION_YEARS))
_CENTRAL = market.CALIBRATIONS["central"].lasting_bp_per_pp
_QE2_FALL = _CENTRAL * _QE2_POINTS
_TODAY_POINTS = float(market.share_of_market_pct(QE2_USD_BN,
                                                 seller_duration_years=QE2_DURATION_YEARS))
_TODAY_FACE_POINTS = 100.0 * QE2_USD_BN / _TODAY.marketable_debt_usd_bn
_HIGH_TODAY = market.CALIBRATIONS["high"].lasting_bp_per_pp * _TODAY_POINTS

EXERCISES = (
    exercise(
        1,
        objective=1,
        question=f"China sells half its Treasuries, ${CHINA_HALF_USD_BN:,.0f} billion, of the "
        f"market's duration ({_TODAY.market_duration_years:.2f} years). How many billion "
        "dollars of 10-year notes (duration "
        f"{_TODAY.ten_year_duration_years:.2f} years) must the Fed buy to take back exactly "
        "the interest-rate risk sold (the same amount in 10-year equivalents)? In USD "
        "billions, to the nearest billion.",
        answer=_OFFSET,
        unit="USD billions",
        decimals=0,
        mistakes={
            round(CHINA_HALF_USD_BN): "That buys the same face value. A 10-year note carries "
            "more risk per dollar than China's average Treasury: match the duration, not the "
            "face.",
            round(_INVERTED): "The ratio is upside down: the Fed's notes are longer than "
            "China's portfolio, so fewer of them carry the same risk. Multiply by China's "
            "duration and divide by the 10-year's.",
        },
        hint="Ten-year equivalents are face x duration / the 10-year note's duration: "
        "market.ten_year_equivalents in the scaffold.",
        explanation="Duration matching: a dollar of 10-year notes carries nearly twice the "
        "risk of a dollar of the average Treasury, so the Fed needs a little over half the "
        "face value.",
    ),
    exercise(
        2,
        objective=2,
        question=f"QE2 bought ${QE2_USD_BN:.0f} billion of Treasuries of duration about "
        f"{QE2_DURATION_YEARS} years. If the Fed bought the same today, in today's market "
        "(market.today(): the shipped maturity profile and yield curve), by how much would "
        "the model's central calibration say it lowers the 10-year yield for good? In basis "
        "points, to one decimal, as a positive number.",
        answer=_CENTRAL * _TODAY_POINTS,
        unit="bp",
        decimals=1,
        mistakes={
            round(_QE2_FALL, 1): "That is QE2 in 2010's market, about a third of today's. "
            "Change the scaffold's market to today's.",
            round(_CENTRAL * _TODAY_FACE_POINTS, 1): "That counts the purchases in face "
            "value. Their bonds are longer than the market's: pass their duration too.",
            round(_HIGH_TODAY, 1): "That is the high calibration. The question asks for the "
            "central one.",
        },
        hint="Share of today's market (points) x the central calibration's lasting bp per "
        "point.",
        explanation="The same dollars buy about a third of the effect they bought in 2010: "
        "the market has grown, and the model scales by share of the market.",
    ),
    exercise(
        3,
        objective=3,
        question="The Fed pays for its Treasuries with new bank reserves, on which it pays "
        "interest at about its policy rate. What happened once the policy rate rose above "
        "the yield of the Fed's securities in 2022? (a) nothing: whatever the Fed pays comes "
        "back to the Treasury, so the debt the Fed holds costs nothing; (b) the Fed paid more "
        "on reserves than it earned, made losses and stopped sending remittances to the "
        "Treasury: for the government as a whole, that part of the debt paid a floating "
        "rate; (c) the Treasury paid higher coupons on the bonds the Fed holds. Answer with "
        "the letter in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "The Fed's net income comes back, but it is not always positive: when the "
            "rate on reserves passes the yield of its bonds, its losses are the government's "
            "too. Look at the remittances after August 2022.",
            "c": "A Treasury's coupon is fixed when it is sold. What rose was the rate the "
            "Fed pays on the reserves that financed its bonds.",
        },
        hint="The remittances figure shows when the Fed stopped paying the Treasury.",
        explanation="QE swaps long fixed-rate debt for overnight reserves: it shortens the "
        "consolidated government's debt, so higher rates reach the budget sooner.",
    ),
    exercise(
        4,
        objective=4,
        question="In March 2020 a central bank needs dollars for a month. What does the Fed's "
        "FIMA repo facility let it do? (a) sell its Treasuries to the Fed, which keeps them: "
        "the same as selling in the market, at a better price; (b) borrow dollars overnight "
        "against its Treasuries, which stay on its books and come back when it repays; "
        "(c) swap its own currency for dollars, with no Treasuries involved. Answer with the "
        "letter in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "A repo is not a sale: the Treasuries are collateral for a loan and come "
            "back when the loan is repaid. Nothing is sold into the market.",
            "c": "That is a central-bank swap line, the other backstop; its collateral is "
            "the borrower's own currency. FIMA repo takes Treasuries as collateral.",
        },
        hint="Read the events table: what does the facility take, and what comes back?",
        explanation="Dollars without a sale: the holder's Treasuries stay its own, so no "
        "one else has to absorb them.",
    ),
)
