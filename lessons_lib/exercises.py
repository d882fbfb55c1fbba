"""The course's self-checked exercises, chapter by chapter (see :mod:`lessons_lib.checks`).

Correct answers are computed with the course's own functions where they can be, so an
exercise and the model it tests cannot drift apart. Each numeric exercise lists at least
two diagnosed wrong answers; ``tests/test_checks.py`` feeds every one of them in.
"""

from __future__ import annotations

from lessons_lib import bonds, holdings
from lessons_lib.checks import Exercise, Mistake, register

_SOL_01 = "notebooks/solutions/01_what_is_a_treasury_solutions.ipynb, exercise "
_SOL_01B = "notebooks/solutions/01b_who_holds_treasuries_solutions.ipynb, exercise "

# Chapter 01 figures (TIC major foreign holders, revised vintage of 18 March 2026):
# Japan held $1,167.0bn at end-March 2024 and $1,106.0bn at end-May 2024.
_JAPAN_MAR_2024_REVISED = 1167.0
_JAPAN_MAY_2024_REVISED = 1106.0
# and $1,185.5bn of all foreign holders' $9,271.0bn at end-December 2025.
_JAPAN_DEC_2025 = 1185.5
_ALL_FOREIGN_DEC_2025 = 9271.0

_NOTE_10Y = bonds.Bond(coupon_rate=0.03, maturity_years=10)
_NOTE_2Y = bonds.Bond(coupon_rate=0.04, maturity_years=2)
_NOTE_5Y = bonds.Bond(coupon_rate=0.04, maturity_years=5)

register(
    Exercise(
        id="00.1",
        objective="00-O1",
        question="A note with $100 face value pays a 3% coupon. How many dollars of interest "
        "does it pay in a year?",
        answer=100.0 * 0.03,
        unit="dollars",
        tolerance=0.001,
        mistakes=(
            Mistake(103.0, "$103 adds the $100 face value back in: the question asks for the "
                    "interest alone."),
            Mistake(300.0, "300 multiplies 3 by 100. 3% means 3 hundredths."),
            Mistake(1.5, "$1.50 is one of the two half-yearly payments; a year has two."),
        ),
        hint="The coupon rate is a yearly percentage of the face value.",
        solution="notebooks/00_welcome.ipynb, section 'How to check your answers'",
        explanation="3% of $100 a year, paid as two halves.",
    ),
    Exercise(
        id="01.1",
        objective="01-O3",
        question="A one-year note pays $103 in a year and costs $90 today: what is the "
        "one-year return, in %?",
        answer=100 * float(bonds.simple_yield(90.0, 103.0)),
        unit="%",
        tolerance=0.06,
        mistakes=(
            Mistake(13.0, "13% is the $13 gain divided by the $100 face value. The return is "
                    "measured on what you paid for the note."),
            Mistake(3.33, "3.33% is the current yield, the $3 coupon over the $90 price: it "
                    "leaves out the $10 you gain when $100 is repaid."),
            Mistake(11.11, "11.1% is the $10 price gain over $90 alone: the $3 coupon is "
                    "paid too."),
            Mistake(3.0, "3% is the coupon rate, fixed when the note was issued. The yield "
                    "depends on the price you pay."),
        ),
        hint="Total received in a year, minus the price, divided by the price.",
        solution=_SOL_01 + "01.1",
        explanation="13 / 90: what you gain over what you paid. It is a one-period return.",
    ),
    Exercise(
        id="01.2",
        objective="01-O1",
        question="How many dollars in all does a 2-year note with a 4% coupon pay per $100 "
        "of face value, from purchase to maturity?",
        answer=float(bonds.cash_flows(_NOTE_2Y).amounts.sum()),
        unit="dollars",
        tolerance=0.01,
        mistakes=(
            Mistake(104.0, "$104 counts one year of coupons. The note pays coupons for "
                    "two years."),
            Mistake(116.0, "$116 pays the full 4% every half year. The 4% is a yearly rate, "
                    "paid in two halves."),
            Mistake(8.0, "$8 counts the coupons only: the $100 face value is repaid at "
                    "maturity as well."),
        ),
        hint="List the payments: one every six months, each half the yearly coupon, plus "
        "the face value with the last one.",
        solution=_SOL_01 + "01.2",
        explanation="Four coupons of $2 and the $100 face value.",
    ),
    Exercise(
        id="01.3",
        objective="01-O2",
        question="What is the price, in dollars per $100 face, of that 2-year 4% note when "
        "its yield to maturity is 5%?",
        answer=float(bonds.price(_NOTE_2Y, 0.05)),
        unit="dollars",
        tolerance=0.01,
        mistakes=(
            Mistake(100.0, "$100 would be right only if the yield equalled the coupon. Here "
                    "the yield is higher, so the price is below face value."),
            Mistake(98.14, "$98.14 discounts two yearly payments of $4 at 5% a year. "
                    "Treasury notes pay every six months: discount four payments of $2 at "
                    "2.5% a period."),
            Mistake(97.96, "$97.96 discounts all $108 as if it were paid at maturity. "
                    "Discount each payment from its own date."),
        ),
        hint="Discount each of the four payments by (1 + 0.05/2) raised to its period "
        "number, then add them up.",
        solution=_SOL_01 + "01.3",
        explanation="A yield above the coupon puts the price below face value.",
    ),
    Exercise(
        id="01.4",
        objective="01-O3",
        question="A 5-year Treasury note with a 4% coupon trades at $95. What is its yield "
        "to maturity, in % a year?",
        answer=100 * float(bonds.yield_to_maturity(_NOTE_5Y, 95.0)),
        unit="%",
        tolerance=0.02,
        mistakes=(
            Mistake(9.47, "9.47% is the article's one-year arithmetic, (104 - 95) / 95. It "
                    "holds for a note one year from maturity; this one pays for five more "
                    "years, so its $5 gain is spread over five years."),
            Mistake(4.21, "4.21% is the current yield, coupon over price: it leaves out the "
                    "$5 gain at maturity."),
            Mistake(4.0, "4% is the coupon rate, fixed at issue: the yield equals the coupon "
                    "only when the price is $100."),
            Mistake(5.26, "5.26% spreads the $5 gain evenly over the five years ($1 a year) "
                    "and divides by 95, with no discounting. Solve the price equation."),
        ),
        hint="Find the yield at which the discounted coupons and face value add up to $95: "
        "bonds.yield_to_maturity does it with a root finder.",
        solution=_SOL_01 + "01.4",
        explanation="A $5 discount on a five-year note adds about a point a year to the coupon.",
    ),
    Exercise(
        id="01.5",
        objective="01-O4",
        question="The 10-year yield rises from 4.00% to 4.50%. By how many basis points did "
        "it rise?",
        answer=50.0,
        unit="basis points",
        tolerance=0.01,
        mistakes=(
            Mistake(0.5, "0.5 is the rise in percentage points. One percentage point is 100 "
                    "basis points."),
            Mistake(12.5, "12.5 is the relative change, 0.5 / 4.0 as a percentage. Basis "
                    "points measure the difference between the two yields."),
            Mistake(5.0, "One basis point is 0.01 percentage point, so count how many "
                    "hundredths of a point the yield rose."),
        ),
        hint="A basis point is one hundredth of a percentage point.",
        solution=_SOL_01 + "01.5",
        explanation="Half a percentage point is 50 basis points.",
    ),
    Exercise(
        id="01b.1",
        objective="01b-O2",
        question="By what percentage did Japan's Treasury holdings (TIC, revised) change "
        "from March to May 2024?",
        answer=100 * (_JAPAN_MAY_2024_REVISED / _JAPAN_MAR_2024_REVISED - 1),
        unit="%",
        tolerance=0.02,
        mistakes=(
            Mistake(-61.0, "-61 is the change in billions of dollars, not in percent."),
            Mistake(5.23, "The sign is wrong: holdings fell."),
            Mistake(-5.52, "-5.52% divides the fall by the May value. A change is measured "
                    "against the starting value, March."),
        ),
        hint="(May value / March value - 1) times 100.",
        solution=_SOL_01B + "01b.1",
        explanation="About a twentieth of Japan's holdings, in two months.",
    ),
    Exercise(
        id="01b.2",
        objective="01b-O2",
        question="Japan's recorded holdings fell by $61bn from March to May 2024. Which "
        "reading does the data support? (a) Japan sold about $61bn of Treasuries; (b) the "
        "fall mixes sales and a lower market value of the same bonds, held by private as "
        "well as official Japanese holders; (c) the fall shows the United States is "
        "struggling to repay Japan.",
        answer="b",
        unit="",
        choices=("a", "b", "c"),
        mistakes=(
            Mistake("a", "TIC holdings are valued at market prices and count private holders "
                    "too. Yields rose in April 2024, so the same bonds were worth less: "
                    "a fall in holdings is not the same as sales."),
            Mistake("c", "A lower price is not a missed payment: the Treasury still owes "
                    "every coupon and the face value, whoever holds the bonds."),
        ),
        hint="Ask what TIC measures: whose bonds, and valued at what price?",
        solution=_SOL_01B + "01b.2",
        explanation="Holdings are custodial, at market value, and include private holders.",
    ),
    Exercise(
        id="01.6",
        objective="01-O4",
        question="A sell-off pushes an outstanding 10-year 3% note from $100 to $90. What "
        "happens to the interest the Treasury pays on that note? (a) it rises, to about "
        "4.24% of face; (b) nothing: the coupon was fixed at issue, only new borrowing "
        "costs more; (c) the Treasury now repays only $90 at maturity.",
        answer="b",
        unit="",
        choices=("a", "b", "c"),
        mistakes=(
            Mistake("a", "The 4.24% is what a buyer at $90 earns. The Treasury keeps paying "
                    "the 3% coupon it promised; the higher yield applies to new notes."),
            Mistake("c", "The Treasury repays the $100 face value at maturity whatever the "
                    "market price was along the way."),
        ),
        hint="Which numbers are written in the note's contract, and which are set in the "
        "market?",
        solution=_SOL_01 + "01.6",
        explanation="A falling price changes what new buyers earn, not what the issuer owes.",
    ),
    Exercise(
        id="01b.3",
        objective="01b-O1",
        question="What share of all foreign holdings of Treasuries did Japan hold at the end "
        "of December 2025, in %?",
        answer=100 * _JAPAN_DEC_2025 / _ALL_FOREIGN_DEC_2025,
        unit="%",
        tolerance=0.05,
        mistakes=(
            Mistake(87.21, "87.2% is everyone else's share: Japan's is what remains."),
            Mistake(7.82, "7.82 is all foreign holdings divided by Japan's, the ratio the "
                    "wrong way round."),
            Mistake(31.29, "31.3% was Japan's share in December 2000. Use December 2025."),
        ),
        hint="Japan's holdings divided by all foreign holdings, in the same month, times 100.",
        solution=_SOL_01B + "01b.3",
        explanation="Japan is still the largest single holder, but foreign holdings grew "
        "ninefold while Japan's did not.",
    ),
    Exercise(
        id="01b.4",
        objective="01b-O3",
        question="A portfolio worth $1,106.0bn with a modified duration of 5 years: by how "
        "many billion dollars does its market value change if its yields fall by 0.15 "
        "percentage point?",
        answer=float(holdings.valuation_change(1106.0, 5.0, -0.15)),
        unit="billion dollars",
        tolerance=0.05,
        mistakes=(
            Mistake(-8.3, "The sign is wrong: when yields fall, prices rise, and so does the "
                    "value of the portfolio."),
            Mistake(0.75, "0.75 is the percentage change (5 x 0.15). Apply it to the "
                    "$1,106.0bn."),
            Mistake(1.66, "1.66 leaves out the duration: each point of yield moves the "
                    "price by about duration-many percent."),
        ),
        hint="Holdings x duration x yield change (in decimals), with a minus sign.",
        solution=_SOL_01B + "01b.4",
        explanation="A rise of a few billion with no trade at all.",
    ),
    Exercise(
        id="01b.5",
        objective="01b-O2",
        question="China's recorded holdings fell from $1,316.7bn (November 2013) to $683.5bn "
        "(December 2025). Which is a reason this fall may overstate China's selling? (a) "
        "Treasuries China holds through custodians in other countries, such as Belgium, "
        "are counted under those countries; (b) TIC counts only Treasury bills; (c) TIC "
        "values holdings at face value, so price changes do not show.",
        answer="a",
        unit="",
        choices=("a", "b", "c"),
        mistakes=(
            Mistake("b", "TIC counts bills, notes and bonds alike; the table covers all "
                    "marketable Treasury securities."),
            Mistake("c", "Since December 2011 notes and bonds are valued at market prices, "
                    "so price changes do show in the table."),
        ),
        hint="TIC records holdings by where they are kept. Where might a central bank keep "
        "its bonds?",
        solution=_SOL_01B + "01b.5",
        explanation="TIC is custodial: it sees the custodian's country, not the owner.",
    ),
)
