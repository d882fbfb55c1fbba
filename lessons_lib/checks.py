"""Self-checks: one call after an answer cell gives a feedback ladder, not a verdict.

    from lessons_lib.checks import check
    my_answer = ...          # replace ... with your number
    check("01.3", my_answer)

The ladder, for every exercise:

1. a blank answer (``...``, ``None`` or ``""``) gets a reminder and never raises, so a
   fresh notebook runs from top to bottom;
2. an answer that is not in the form asked for (a word for a number, ``"(b)"`` or a letter
   that is not a choice) gets a word on the form, and is not counted as a try;
3. a right answer given with fewer decimals than the question asks for (14.4 for 14.44) gets
   "right so far: give it to 2 decimals", and is not counted as a try either;
4. a known wrong answer gets a diagnosis naming what was computed, and a hint;
5. the right number in the wrong unit (0.0424 for 4.24%, or billions for trillions)
   gets "close: check units";
6. after three tries that are not right, the student is pointed to the worked solution. A
   right answer starts the count again.

Precision: an exercise with ``decimals=N`` accepts any answer that rounds to the same N
decimals as the answer (half up, on the decimal digits as typed: 14.444 and 14.44 both give
14.44). An answer that sits on a rounding boundary (14.435) accepts both roundings.

A letter typed without quotes (``answer = b``) would stop the cell with a bare ``NameError``;
importing this module in IPython installs a handler that says instead to type ``"b"``.

The correct value is never printed before the student has given it: the feedback for a
wrong answer names the mistake, not the answer. The exercises live in
:mod:`lessons_lib.exercises`, one module per chapter; :func:`exercises` finds them all.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from lessons_lib import course
from lessons_lib.exercises.model import Exercise, Mistake

__all__ = ["Exercise", "Feedback", "Mistake", "check", "exercises", "get", "reset"]

MAX_TRIES_BEFORE_SOLUTION = 3
UNIT_FACTORS = (100.0, 0.01, 1000.0, 0.001)
"""Unit slips recognised: percent <-> decimal, billions <-> trillions (or millions)."""


@dataclass(frozen=True)
class Feedback:
    """What :func:`check` says.

    ``status`` is one of blank, format, precision (a try not counted), correct, mistake,
    units, wrong (a try counted). ``tries`` counts the tries that missed so far, this one
    included (for a correct answer: the tries it took, this one included).
    """

    exercise_id: str
    status: str
    message: str
    tries: int

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __repr__(self) -> str:  # shown as the cell's output in a notebook
        return self.message


_tries: Counter[str] = Counter()


@functools.cache
def _chapter_exercises(chapter_id: str) -> dict[str, Exercise]:
    """One chapter's exercises by id, importing that chapter's module only."""
    module = course.chapter_module("lessons_lib.exercises", chapter_id)
    found: dict[str, Exercise] = {}
    for ex in module.EXERCISES if module is not None else ():
        if not ex.id.startswith(f"{chapter_id}."):
            raise ValueError(f"exercise {ex.id} is in {module.__name__}, not its chapter's")
        if ex.id in found:
            raise ValueError(f"exercise id {ex.id!r} is defined twice")
        found[ex.id] = ex
    return found


def exercises() -> dict[str, Exercise]:
    """Every exercise of every chapter module in :mod:`lessons_lib.exercises`, by id."""
    bank: dict[str, Exercise] = {}
    for module in course.chapter_modules("lessons_lib.exercises"):
        bank.update(_chapter_exercises(course.chapter_of_module(module.__name__).id))
    return bank


def get(exercise_id: str) -> Exercise:
    """The exercise with this id; an unknown id lists the known ones."""
    chapter_id = str(exercise_id).split(".")[0]
    if any(c.id == chapter_id for c in course.CHAPTERS):
        found = _chapter_exercises(chapter_id).get(exercise_id)
        if found is not None:
            return found
    known = ", ".join(sorted(exercises()))
    raise ValueError(f"exercise_id {exercise_id!r} is not an exercise; known ids: {known}")


def reset(exercise_id: str | None = None) -> None:
    """Forget the tries counted for one exercise (or for all)."""
    if exercise_id is None:
        _tries.clear()
    else:
        _tries.pop(exercise_id, None)


def _is_blank(answer: Any) -> bool:
    return answer is None or answer is Ellipsis or (isinstance(answer, str) and not answer.strip())


NOT_COUNTED = ("blank", "format", "precision")
"""Statuses that do not use up a try."""

_BOUNDARY = Decimal("1e-9")


def _as_decimal(answer: Any) -> Decimal | None:
    """The number a student typed, as the decimal digits they typed.

    A float goes through its shortest repr (14.44 is ``Decimal("14.44")``, not the binary
    14.4399999...), a string loses a trailing %, $ and thousands commas.
    """
    if isinstance(answer, bool):
        return None
    if isinstance(answer, str):
        text = answer.strip().rstrip("%").replace(",", "").replace("$", "").strip()
    elif isinstance(answer, int | float) or hasattr(answer, "__float__"):
        try:
            number = float(answer)
        except (TypeError, ValueError):
            return None
        if float(number).is_integer() and isinstance(answer, int):
            text = str(int(answer))
        else:
            text = repr(number)
    else:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _decimals_typed(value: Decimal) -> int:
    """How many decimals ``value`` was typed with (trailing zeros do not count)."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -int(exponent))


def _round(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _roundings(target: float, decimals: int) -> set[Decimal]:
    """What ``target`` rounds to at ``decimals``: one value, or both near a boundary."""
    exact = Decimal(repr(float(target)))
    return {_round(exact - _BOUNDARY, decimals), _round(exact + _BOUNDARY, decimals),
            _round(exact, decimals)}


def _agrees(value: Decimal, target: float, ex: Exercise) -> str | None:
    """``"exact"`` if ``value`` is ``target`` at the exercise's precision, ``"fewer"`` if it
    is ``target`` rounded to fewer decimals than asked, otherwise None."""
    if ex.decimals is None:
        return "exact" if abs(float(value) - target) <= ex.tolerance else None
    if _round(value, ex.decimals) in _roundings(target, ex.decimals):
        return "exact"
    typed = _decimals_typed(value)
    if typed < ex.decimals and value in _roundings(target, typed):
        return "fewer"
    return None


def _label(answer: Any) -> str:
    """A choice as typed, without the wrapping a student may add: " (B) " is "b"."""
    return re.sub(r"[^a-z0-9]", "", str(answer).strip().lower())


def _diagnose(ex: Exercise, answer: Any) -> tuple[str, str]:
    """Return (status, text) for a non-blank answer."""
    if not ex.numeric:
        label = _label(answer)
        if label == ex.answer:
            return "correct", ex.explanation
        for m in ex.mistakes:
            if label == m.value:
                return "mistake", m.diagnosis
        if label not in ex.choices:
            letters = ", ".join(ex.choices)
            return "format", (f"Answer with one of {letters}: the letter alone, in quotes, "
                              f'as in answer = "{ex.choices[0]}". This did not count as a try.')
        return "wrong", ex.hint
    value = _as_decimal(answer)
    if value is None:
        return "format", (f"Answer with a number in {ex.unit} (for example 4.5, without the "
                          "unit). This did not count as a try.")
    target = float(ex.answer)
    if _agrees(value, target, ex) == "exact":
        return "correct", ex.explanation
    for m in ex.mistakes:
        if _agrees(value, float(m.value), ex) == "exact":
            return "mistake", m.diagnosis
    if _agrees(value, target, ex) == "fewer":
        return "precision", (f"Right so far: give it to {ex.decimals} decimals. This did not "
                             "count as a try.")
    factors = [Decimal(repr(f)) for f in UNIT_FACTORS]
    if any(_agrees(value * f, target, ex) for f in factors):
        return "units", f"Close: check units. The answer is asked for in {ex.unit}."
    for m in ex.mistakes:
        if any(_agrees(value * f, float(m.value), ex) == "exact" for f in factors):
            return "mistake", m.diagnosis + f" (Check the units too: the answer is in {ex.unit}.)"
    return "wrong", ex.hint


def check(exercise_id: str, answer: Any, *, demo: bool = False) -> Feedback:
    """Check ``answer`` to exercise ``exercise_id`` and say what it shows.

    Args:
        exercise_id: the exercise, e.g. ``"01.3"``.
        answer: a number in the exercise's unit (``4.24`` for 4.24%), a choice label
            in quotes (``"b"``), or ``...`` while you have not answered yet.
        demo: a demonstration of the feedback (the welcome notebook's): it is not counted
            as one of your tries.

    Returns:
        :class:`Feedback`; in a notebook it shows as its message.
    """
    ex = get(exercise_id)
    if _is_blank(answer):
        return Feedback(
            ex.id,
            "blank",
            f"[{ex.id}] Not answered yet: {ex.question} Replace ... with your answer and run "
            "the cell again.",
            _tries[ex.id],
        )
    status, text = _diagnose(ex, answer)
    if status == "correct":
        message = f"[{ex.id}] Correct. {text}".rstrip()
        tries = _tries[ex.id] + 1
        if not demo:
            _tries.pop(ex.id, None)  # a right answer starts the count again
        return Feedback(ex.id, status, message, tries)
    counted = status not in NOT_COUNTED and not demo
    if counted:
        _tries[ex.id] += 1
    tries = _tries[ex.id]
    lead = {"mistake": "Not quite.", "units": "", "wrong": "Not yet.", "format": "",
            "precision": ""}[status]
    message = f"[{ex.id}] {lead} {text}".replace("  ", " ").rstrip()
    if counted and tries >= MAX_TRIES_BEFORE_SOLUTION:
        message += f"\nAfter {tries} tries, read the worked solution: {ex.solution}"
    return Feedback(ex.id, status, message, tries)


LETTER_NAMES = frozenset("abcdefgh")
"""Names that, undefined, are almost surely a multiple-choice answer typed without quotes."""


def _letter_name_error(shell: Any, etype: type, value: BaseException, tb: Any,
                       tb_offset: int | None = None) -> Any:
    """IPython's handler for a NameError: a bare letter gets a word on quotes."""
    name = getattr(value, "name", None)
    if isinstance(value, NameError) and name in LETTER_NAMES:
        print(f"A letter answer goes in quotes: type answer = \"{name}\" (not answer = {name}). "
              "Fix the line and run the cell again; this is not counted as a try.")
        return None
    return shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install_letter_hint() -> bool:
    """In IPython (a notebook), explain an unquoted letter instead of a bare NameError.

    Called when this module is imported; returns whether a shell was found. Any other error
    shows its usual traceback.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with Jupyter
        return False
    shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc((NameError,), _letter_name_error)
    return True


install_letter_hint()
