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


def reveals(message: str, value: float, typed: float | None = None) -> bool:
    """Whether ``message`` prints ``value`` (the numbers the student typed, ``typed``, aside)."""
    numbers = set(re.findall(r"-?\d+(?:\.\d+)?", message.replace(",", "")))
    if typed is not None:
        numbers -= {f"{typed:.{digits}f}" for digits in range(5)} | {f"{typed:g}"}
    return any(r in numbers for r in renderings(value))


CHOICE = [ex for ex in BANK.values() if not ex.numeric]
WITH_DECIMALS = [ex for ex in NUMERIC if ex.decimals is not None]

QUESTIONS_THAT_LIST_THE_ANSWER = {
    "01c.1": "the high yield is one of the bid yields the question lists",
}
"""Exercises whose question must print the answer among other candidates, and why."""


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
            assert not reveals(feedback.message, float(ex.answer), typed=float(mistake.value)), (
                ex.id, feedback.message)
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
        assert not reveals(ex.hint, float(ex.answer)), ex.id
        if ex.id not in QUESTIONS_THAT_LIST_THE_ANSWER:
            assert not reveals(ex.question, float(ex.answer)), ex.id


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
    assert check("01.4", "four").status == "format"
    assert check("00.1", "$3.00").correct and check("00.1", 3).correct


@pytest.mark.parametrize("ex", CHOICE, ids=[ex.id for ex in CHOICE])
@pytest.mark.parametrize("slip", ["({})", " {} ", "{})", "'{}'", "{}.", "{}"])
def test_a_letter_is_read_however_it_is_wrapped_or_cased(ex, slip):
    assert check(ex.id, slip.format(ex.answer.upper())).correct
    assert check(ex.id, slip.format(ex.answer)).correct


@pytest.mark.parametrize("ex", CHOICE, ids=[ex.id for ex in CHOICE])
def test_a_format_slip_is_not_a_try(ex):
    for slip in ("z", "(b) because", "", 3.0, "ab"):
        feedback = check(ex.id, slip)
        assert feedback.status in ("format", "blank"), (slip, feedback.status)
        assert feedback.tries == 0 and "worked solution" not in feedback.message
    assert "in quotes" in check(ex.id, "z").message
    wrong = next(c for c in ex.choices if c != ex.answer)
    assert check(ex.id, wrong).tries == 1


def test_a_word_for_a_number_is_not_a_try():
    for _ in range(4):
        feedback = check("01.4", "five")
        assert feedback.status == "format" and feedback.tries == 0
    assert "worked solution" not in feedback.message


@pytest.mark.parametrize("ex", WITH_DECIMALS, ids=[ex.id for ex in WITH_DECIMALS])
def test_any_answer_that_rounds_right_is_right(ex):
    answer, d = float(ex.answer), ex.decimals
    shown = f"{answer:.{d}f}"
    padded = f"{shown}0" if d > 0 else f"{shown}.0"
    for given in (answer, float(shown), shown, f"{answer:.{d + 2}f}", padded):
        feedback = check(ex.id, given)
        assert feedback.correct, (ex.id, given, feedback.message)
    # one unit off in the last decimal is not right
    step = 10.0 ** -d
    for off in (float(shown) + step, float(shown) - step):
        assert not check(ex.id, off).correct, (ex.id, off)


@pytest.mark.parametrize("ex", [e for e in WITH_DECIMALS if e.decimals >= 1],
                         ids=[e.id for e in WITH_DECIMALS if e.decimals >= 1])
def test_fewer_decimals_get_a_nudge_not_a_try(ex):
    answer, d = float(ex.answer), ex.decimals
    fewer = float(f"{answer:.{d - 1}f}")
    if float(f"{answer:.{d}f}") == fewer:  # the answer ends in 0 at d decimals: already right
        return
    if any(abs(fewer - float(m.value)) < 10.0 ** -d for m in ex.mistakes):
        return  # a known mistake of its own
    for _ in range(4):
        feedback = check(ex.id, fewer)
        assert feedback.status == "precision", (ex.id, fewer, feedback.message)
        assert f"give it to {d} decimal" in feedback.message and feedback.tries == 0
        assert not reveals(feedback.message, answer, typed=fewer)


def test_the_issue_s_rounding_examples():
    exercise = Exercise("x.1", "o", "q?", 98.119012896, "dollars",
                        mistakes=(Mistake(100.0, "d"), Mistake(97.96, "d")), decimals=2)
    from lessons_lib.checks import _diagnose

    assert _diagnose(exercise, 98.12)[0] == "correct"
    assert _diagnose(exercise, 98.119)[0] == "correct"
    assert _diagnose(exercise, 98.1)[0] == "precision"
    assert _diagnose(exercise, 98.11)[0] == "wrong"
    assert _diagnose(exercise, "98.12%")[0] == "correct"
    negative = Exercise("x.2", "o", "q?", -5.227077977, "%",
                        mistakes=(Mistake(-61.0, "d"), Mistake(5.227, "d")), decimals=1)
    assert _diagnose(negative, -5.2)[0] == "correct"
    assert _diagnose(negative, -5.23)[0] == "correct"
    assert _diagnose(negative, -5)[0] == "precision"
    assert _diagnose(negative, -5.3)[0] == "wrong"


def test_float_representation_does_not_move_a_boundary():
    # 14.435 is 14.434999... in binary; a student who computed it by hand rounds up
    exercise = Exercise("x.3", "o", "q?", 14.435, "%",
                        mistakes=(Mistake(13.0, "d"), Mistake(3.0, "d")), decimals=2)
    from lessons_lib.checks import _diagnose

    assert _diagnose(exercise, 14.44)[0] == "correct"
    assert _diagnose(exercise, 14.43)[0] == "correct"
    assert _diagnose(exercise, 14.42)[0] == "wrong"
    # 1.1 + 2.2 is 3.3000000000000003 in binary: still 3.30
    sum_ex = Exercise("x.4", "o", "q?", 3.3, "%",
                      mistakes=(Mistake(13.0, "d"), Mistake(4.0, "d")), decimals=2)
    assert _diagnose(sum_ex, 1.1 + 2.2)[0] == "correct"
    assert _diagnose(sum_ex, 3.295)[0] == "correct"  # rounds half up to 3.30
    assert _diagnose(sum_ex, 3.2949)[0] == "wrong"


def test_the_count_resets_after_a_right_answer():
    check("01.4", 3.0)
    check("01.4", 7.7)
    assert check("01.4", 5.147).tries == 3
    again = check("01.4", 99.0)
    assert again.tries == 1 and "worked solution" not in again.message


def test_demonstrations_are_not_tries():
    for _ in range(5):
        feedback = check("00.1", 103, demo=True)
        assert feedback.status == "mistake" and "worked solution" not in feedback.message
    assert check("00.1", 0.03, demo=True).status == "units"
    assert check("00.1", 103).tries == 1


def test_an_unquoted_letter_gets_a_word_not_a_name_error(capsys):
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        assert checks.install_letter_hint()
        result = shell.run_cell("answer = b")
        out = capsys.readouterr().out
        assert 'answer = "b"' in out and "NameError" not in out
        assert isinstance(result.error_in_exec, NameError)
        shell.run_cell("answer = undefined_thing")
        assert "NameError" in capsys.readouterr().out  # other slips keep their traceback
    finally:
        shell.set_custom_exc((), None)
        InteractiveShell.clear_instance()


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
    names = [m.__name__.rsplit(".", 1)[1] for m in modules]
    assert names[:2] == ["ch00", "ch01"]
    order = [f"ch{c.id}" for c in course.CHAPTERS]
    assert names == sorted(names, key=order.index), "modules in course order"
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
    welcome = "notebooks/00_welcome.ipynb, section 'Worked solution to self-check 00.1'"
    assert BANK["00.1"].solution == welcome


def test_a_pointer_to_a_section_leads_to_a_worked_solution():
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for ex in BANK.values():
        if ", section " not in ex.solution:
            continue
        path, section = ex.solution.split(", section ")
        section = section.strip("'")
        cells = json.loads((root / path).read_text())["cells"]
        texts = ["".join(c["source"]) for c in cells]
        start = next((i for i, t in enumerate(texts) if re.match(rf"#+ {re.escape(section)}\s*$",
                                                                 t.splitlines()[0] if t else "")),
                     None)
        assert start is not None, (ex.id, section)
        body = texts[start]
        assert "worked solution" in body.lower() and len(body.split()) >= 30, (ex.id, body)


def test_tic_exercises_read_the_shipped_data():
    from lessons_lib import data

    japan = data.load("tic_holdings")["japan_usd_bn"]
    march, may = japan["2024-03-31"], japan["2024-05-31"]
    chapter = NUMERIC  # the chapter that reads them may move when chapters split
    assert any(ex.answer == pytest.approx(100 * (may / march - 1)) for ex in chapter)
    assert any(f"${may:,.1f}bn" in ex.question for ex in chapter)


def test_a_check_loads_its_own_chapter_only():
    import subprocess
    import sys

    code = (
        "import sys; from lessons_lib.checks import check; check('00.1', 3.0); "
        "print(sorted(m for m in sys.modules if m.startswith('lessons_lib.exercises.ch')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['lessons_lib.exercises.ch00']"
