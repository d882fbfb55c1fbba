"""Exercises of chapter 01: a Treasury's payments, its price from its yield and its yield from
its price."""

from lessons_lib import bonds
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

_NOTE_2Y = bonds.Bond(coupon_rate=0.04, maturity_years=2)
_NOTE_5Y = bonds.Bond(coupon_rate=0.04, maturity_years=5)

EXERCISES = (
    exercise(
        1,
        objective=4,
        question="A one-year IOU pays $103 in a year and costs $90 today: what is the "
        "one-year return, in %, to two decimals?",
        answer=100 * float(bonds.simple_yield(90.0, 103.0)),
        unit="%",
        decimals=2,
        mistakes={
            13.0: "13% is the $13 gain divided by the $100 face value. The return is measured "
            "on what you paid for the IOU.",
            3.33: "3.33% is the current yield, the $3 coupon over the $90 price: it leaves out "
            "the $10 you gain when $100 is repaid.",
            11.11: "11.11% is the $10 price gain over $90 alone: the $3 coupon is paid too.",
            3.0: "3% is the coupon rate, fixed when the IOU was issued. The return depends on "
            "the price you pay.",
        },
        hint="Total received in a year, minus the price, divided by the price.",
        explanation="13 / 90: what you gain over what you paid. It is a one-period return.",
    ),
    exercise(
        2,
        objective=1,
        question="Which list gives the payments of a 2-year Treasury note with a 4% coupon, "
        "per $100 of face value? (a) $4 after one year and $104 after two; (b) $2 after 6, "
        "12 and 18 months and $102 after 24; (c) $4 after 6, 12 and 18 months and $104 after "
        "24.",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "That pays the coupon once a year. Treasury notes pay every six months, half "
            "the yearly coupon each time.",
            "c": "That pays the full 4% every half year. The 4% is a yearly rate, paid in two "
            "halves.",
        },
        hint="A payment every six months, each half the yearly coupon, and the face value "
        "with the last one.",
        explanation="Four coupons of $2, the face value with the last: $108 in all.",
    ),
    exercise(
        3,
        objective=2,
        question="What is the price of that 2-year 4% note when its yield to maturity is 5%? "
        "In dollars per $100 face, to two decimals.",
        answer=float(bonds.price(_NOTE_2Y, 0.05)),
        unit="dollars",
        decimals=2,
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
        "to maturity, in % a year, to two decimals?",
        answer=100 * float(bonds.yield_to_maturity(_NOTE_5Y, 95.0)),
        unit="%",
        decimals=2,
        mistakes={
            9.47: "9.47% is the article's one-year arithmetic, (104 - 95) / 95. It holds for an "
            "IOU one year from maturity; this note pays for five more years, so its $5 gain is "
            "spread over five years.",
            4.21: "4.21% is the current yield, coupon over price: it leaves out the $5 gain at "
            "maturity.",
            4.0: "4% is the coupon rate, fixed at issue: the yield equals the coupon only when "
            "the price is $100.",
            5.26: "5.26% spreads the $5 gain evenly over the five years ($1 a year) and divides "
            "by 95, with no discounting. Solve the price equation.",
        },
        hint="Find the yield at which the discounted coupons and face value add up to $95: "
        "adapt the scaffold line, which calls bonds.yield_to_maturity with the note and "
        "the price.",
        explanation="A $5 discount on a five-year note adds about a point a year to the coupon.",
    ),
)
