"""Self-checks: the feedback ladder, and that no feedback gives the answer away."""

import re

import pytest

from lessons_lib import checks
from lessons_lib.checks import Exercise, Mistake, check

BANK = checks.exercises()
NUMERIC = [ex for ex in BANK.values() if ex.numeric]


@pytest.fixture(autouse=True)
def fresh_tries():
    checks.reset()
    yield
    checks.reset()


def renderings(value: float) -> set[str]:
    """Ways a value could be written in a message (14.444 -> 14.44, 14.4, 0.1444, ...)."""
    out = set()
    for v in (value, value / 100, value * 100):
        for digits in (1, 2, 3, 4):
            text = f"{v:.{digits}f}"
            if text.strip("-0.") and len(text.strip("-").replace(".", "").lstrip("0")) >= 2:
                out.add(text)
    return out


def reveals(message: str, value: float) -> bool:
    numbers = set(re.findall(r"-?\d+(?:\.\d+)?", message.replace(",", "")))
    return any(r in numbers for r in renderings(value))


@pytest.mark.parametrize("blank", [..., None, "", "   "])
def test_blank_answers_get_a_reminder_and_never_raise(blank):
    for ex_id in BANK:
        feedback = check(ex_id, blank)
        assert feedback.status == "blank"
        assert "Not answered yet" in repr(feedback)
        assert feedback.tries == 0


def test_every_numeric_exercise_lists_two_diagnosed_mistakes():
    assert NUMERIC, "the bank has numeric exercises"
    for ex in NUMERIC:
        assert len(ex.mistakes) >= 2, ex.id


@pytest.mark.parametrize("ex", list(BANK.values()), ids=list(BANK))
def test_each_known_mistake_is_diagnosed_without_revealing_the_answer(ex):
    for mistake in ex.mistakes:
        checks.reset()
        feedback = check(ex.id, mistake.value)
        assert feedback.status == "mistake", (ex.id, mistake.value)
        assert mistake.diagnosis in feedback.message
        if ex.numeric:
            assert not reveals(feedback.message, float(ex.answer)), (ex.id, feedback.message)
        else:
            assert f"({ex.answer})" not in feedback.message


@pytest.mark.parametrize("ex", NUMERIC, ids=[ex.id for ex in NUMERIC])
def test_unit_slips_are_caught_without_revealing_the_answer(ex):
    answer = float(ex.answer)
    for factor in (100.0, 0.01):
        slipped = answer * factor
        if any(abs(slipped - float(m.value)) <= ex.tolerance for m in ex.mistakes):
            continue
        feedback = check(ex.id, slipped)
        assert feedback.status == "units", (ex.id, slipped, feedback.message)
        assert "check units" in feedback.message
        assert not reveals(feedback.message, answer)


@pytest.mark.parametrize("ex", list(BANK.values()), ids=list(BANK))
def test_the_right_answer_is_accepted(ex):
    feedback = check(ex.id, ex.answer)
    assert feedback.correct and "Correct" in feedback.message


def test_hints_and_questions_do_not_contain_the_answer():
    for ex in NUMERIC:
        assert not reveals(ex.hint + ex.question, float(ex.answer)), ex.id


def test_three_tries_point_to_the_worked_solution_and_only_then():
    ex = BANK["01.4"]
    first = check("01.4", 3.0)
    second = check("01.4", 7.7)
    assert "worked solution" not in first.message + second.message
    third = check("01.4", 99.0)
    assert third.tries == 3 and ex.solution in third.message
    assert not reveals(third.message, float(ex.answer))


def test_solutions_named_by_the_exercises_exist():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for ex in BANK.values():
        path = ex.solution.split(",")[0]
        assert (root / path).is_file(), (ex.id, path)


def test_feedback_examples():
    assert check("01.4", 9.47).status == "mistake"
    assert "current yield" in check("01.4", "4.21%").message
    assert check("01.4", 0.05147).status == "units"
    assert check("01.4", 5.147).correct
    assert check("01b.2", "B").correct
    assert check("01b.2", "d").status == "wrong"
    assert check("01.4", "four").status == "wrong"


def test_unknown_exercise_lists_the_known_ones():
    with pytest.raises(ValueError, match="01.1"):
        check("99.9", 1.0)


def test_a_bad_exercise_definition_is_refused():
    with pytest.raises(ValueError, match="two mistakes"):
        Exercise("x", "o", "q?", 1.0, "%", 0.1, (Mistake(2.0, "d"),))
    with pytest.raises(ValueError, match="equals the answer"):
        Exercise("x", "o", "q?", 1.0, "%", 0.1, (Mistake(1.05, "d"), Mistake(3.0, "d")))


def test_the_bank_holds_every_chapter_module_s_exercises():
    from lessons_lib import course

    modules = course.chapter_modules("lessons_lib.exercises")
    assert [m.__name__.rsplit(".", 1)[1] for m in modules][:3] == ["ch00", "ch01", "ch01b"]
    from_modules = [ex.id for m in modules for ex in m.EXERCISES]
    assert sorted(from_modules) == sorted(BANK)
    for module in modules:
        chapter = course.chapter_of_module(module.__name__)
        for ex in module.EXERCISES:
            assert ex.id.startswith(chapter.id + ".") and ex.objective.startswith(chapter.id + "-")


def test_solution_paths_follow_from_the_chapter():
    assert BANK["01.4"].solution == (
        "notebooks/solutions/01_what_is_a_treasury_solutions.ipynb, exercise 01.4"
    )
    welcome = "notebooks/00_welcome.ipynb, section 'How to check your answers'"
    assert BANK["00.1"].solution == welcome


def test_tic_exercises_read_the_shipped_data():
    from lessons_lib import data

    japan = data.load("tic_holdings")["japan_usd_bn"]
    march, may = japan["2024-03-31"], japan["2024-05-31"]
    assert BANK["01b.1"].answer == pytest.approx(100 * (may / march - 1))
    assert f"${may:,.1f}bn" in BANK["01b.4"].question
    assert f"fell by ${march - may:.0f}bn" in BANK["01b.2"].question


def test_a_check_loads_its_own_chapter_only():
    import subprocess
    import sys

    code = (
        "import sys; from lessons_lib.checks import check; check('00.1', 3.0); "
        "print(sorted(m for m in sys.modules if m.startswith('lessons_lib.exercises.ch')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['lessons_lib.exercises.ch00']"
