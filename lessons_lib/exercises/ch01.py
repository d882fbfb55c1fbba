"""Exercises of chapter 01: a Treasury's payments, price and yield, basis points."""

from lessons_lib import bonds
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

_NOTE_2Y = bonds.Bond(coupon_rate=0.04, maturity_years=2)
_NOTE_5Y = bonds.Bond(coupon_rate=0.04, maturity_years=5)

EXERCISES = (
    exercise(
        1,
        objective=3,
        question="A one-year note pays $103 in a year and costs $90 today: what is the "
        "one-year return, in %?",
        answer=100 * float(bonds.simple_yield(90.0, 103.0)),
        unit="%",
        tolerance=0.06,
        mistakes={
            13.0: "13% is the $13 gain divided by the $100 face value. The return is measured "
            "on what you paid for the note.",
            3.33: "3.33% is the current yield, the $3 coupon over the $90 price: it leaves out "
            "the $10 you gain when $100 is repaid.",
            11.11: "11.1% is the $10 price gain over $90 alone: the $3 coupon is paid too.",
            3.0: "3% is the coupon rate, fixed when the note was issued. The yield depends on "
            "the price you pay.",
        },
        hint="Total received in a year, minus the price, divided by the price.",
        explanation="13 / 90: what you gain over what you paid. It is a one-period return.",
    ),
    exercise(
        2,
        objective=1,
        question="How many dollars in all does a 2-year note with a 4% coupon pay per $100 "
        "of face value, from purchase to maturity?",
        answer=float(bonds.cash_flows(_NOTE_2Y).amounts.sum()),
        unit="dollars",
        tolerance=0.01,
        mistakes={
            104.0: "$104 counts one year of coupons. The note pays coupons for two years.",
            116.0: "$116 pays the full 4% every half year. The 4% is a yearly rate, paid in two "
            "halves.",
            8.0: "$8 counts the coupons only: the $100 face value is repaid at maturity as well.",
        },
        hint="List the payments: one every six months, each half the yearly coupon, plus "
        "the face value with the last one.",
        explanation="Four coupons of $2 and the $100 face value.",
    ),
    exercise(
        3,
        objective=2,
        question="What is the price, in dollars per $100 face, of that 2-year 4% note when "
        "its yield to maturity is 5%?",
        answer=float(bonds.price(_NOTE_2Y, 0.05)),
        unit="dollars",
        tolerance=0.01,
        mistakes={
            100.0: "$100 would be right only if the yield equalled the coupon. Here the yield "
            "is higher, so the price is below face value.",
            98.14: "$98.14 discounts two yearly payments of $4 at 5% a year. Treasury notes "
            "pay every six months: discount four payments of $2 at 2.5% a period.",
            97.96: "$97.96 discounts all $108 as if it were paid at maturity. Discount each "
            "payment from its own date.",
        },
        hint="Discount each of the four payments by (1 + 0.05/2) raised to its period "
        "number, then add them up.",
        explanation="A yield above the coupon puts the price below face value.",
    ),
    exercise(
        4,
        objective=3,
        question="A 5-year Treasury note with a 4% coupon trades at $95. What is its yield "
        "to maturity, in % a year?",
        answer=100 * float(bonds.yield_to_maturity(_NOTE_5Y, 95.0)),
        unit="%",
        tolerance=0.02,
        mistakes={
            9.47: "9.47% is the article's one-year arithmetic, (104 - 95) / 95. It holds for a "
            "note one year from maturity; this one pays for five more years, so its $5 gain is "
            "spread over five years.",
            4.21: "4.21% is the current yield, coupon over price: it leaves out the $5 gain at "
            "maturity.",
            4.0: "4% is the coupon rate, fixed at issue: the yield equals the coupon only when "
            "the price is $100.",
            5.26: "5.26% spreads the $5 gain evenly over the five years ($1 a year) and divides "
            "by 95, with no discounting. Solve the price equation.",
        },
        hint="Find the yield at which the discounted coupons and face value add up to $95: "
        "bonds.yield_to_maturity does it with a root finder.",
        explanation="A $5 discount on a five-year note adds about a point a year to the coupon.",
    ),
    exercise(
        5,
        objective=4,
        question="The 10-year yield rises from 4.00% to 4.50%. By how many basis points did "
        "it rise?",
        answer=(4.50 - 4.00) * 100,
        unit="basis points",
        tolerance=0.01,
        mistakes={
            0.5: "0.5 is the rise in percentage points. One percentage point is 100 basis "
            "points.",
            12.5: "12.5 is the relative change, 0.5 / 4.0 as a percentage. Basis points measure "
            "the difference between the two yields.",
            5.0: "One basis point is 0.01 percentage point, so count how many hundredths of a "
            "point the yield rose.",
        },
        hint="A basis point is one hundredth of a percentage point.",
        explanation="Half a percentage point is 50 basis points.",
    ),
    exercise(
        6,
        objective=4,
        question="A sell-off pushes an outstanding 10-year 3% note from $100 to $90. What "
        "happens to the interest the Treasury pays on that note? (a) it rises, to about "
        "4.24% of face; (b) nothing: the coupon was fixed at issue, only new borrowing "
        "costs more; (c) the Treasury now repays only $90 at maturity.",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "The 4.24% is what a buyer at $90 earns. The Treasury keeps paying the 3% "
            "coupon it promised; the higher yield applies to new notes.",
            "c": "The Treasury repays the $100 face value at maturity whatever the market price "
            "was along the way.",
        },
        hint="Which numbers are written in the note's contract, and which are set in the "
        "market?",
        explanation="A falling price changes what new buyers earn, not what the issuer owes.",
    ),
)
