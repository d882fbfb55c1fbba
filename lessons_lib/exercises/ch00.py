"""Exercises of chapter 00, the welcome: the first self-check."""

from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

EXERCISES = (
    exercise(
        1,
        objective=1,
        question="A note with $100 face value pays a 3% coupon. How many dollars of interest "
        "does it pay in a year? In dollars, to two decimals.",
        answer=100.0 * 0.03,
        unit="dollars",
        decimals=2,
        mistakes={
            103.0: "$103 adds the $100 face value back in: the question asks for the interest "
            "alone.",
            300.0: "300 multiplies 3 by 100. 3% means 3 hundredths.",
            1.5: "$1.50 is one of the two half-yearly payments; a year has two.",
        },
        hint="The coupon rate is a yearly percentage of the face value.",
        section="Worked solution to self-check 00.1",
        explanation="3% of $100 a year, paid as two halves.",
    ),
)
