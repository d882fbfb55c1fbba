"""Self-checks: one call after an answer cell gives a feedback ladder, not a verdict.

    from lessons_lib.checks import check
    my_answer = ...          # replace ... with your number
    check("01.3", my_answer)

The ladder, for every exercise:

1. a blank answer (``...``, ``None`` or ``""``) gets a reminder and never raises, so a
   fresh notebook runs from top to bottom;
2. a known wrong answer gets a diagnosis naming what was computed, and a hint;
3. the right number in the wrong unit (0.0424 for 4.24%, or billions for trillions)
   gets "close: check units";
4. after three tries that are not right, the student is pointed to the worked solution.

The correct value is never printed before the student has given it: the feedback for a
wrong answer names the mistake, not the answer. The exercises live in
:mod:`lessons_lib.exercises`, one module per chapter; :func:`exercises` finds them all.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from lessons_lib import course
from lessons_lib.exercises.model import Exercise, Mistake

__all__ = ["Exercise", "Feedback", "Mistake", "check", "exercises", "get", "reset"]

MAX_TRIES_BEFORE_SOLUTION = 3
UNIT_FACTORS = (100.0, 0.01, 1000.0, 0.001)
"""Unit slips recognised: percent <-> decimal, billions <-> trillions (or millions)."""


@dataclass(frozen=True)
class Feedback:
    """What :func:`check` says. ``status`` is one of blank, correct, mistake, units, wrong."""

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


def _close(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol


def _as_number(answer: Any) -> float | None:
    if isinstance(answer, bool):
        return None
    try:
        value = float(str(answer).strip().rstrip("%").replace(",", "").replace("$", ""))
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _diagnose(ex: Exercise, answer: Any) -> tuple[str, str]:
    """Return (status, text) for a non-blank answer."""
    if not ex.numeric:
        label = str(answer).strip().lower()
        if label == ex.answer:
            return "correct", ex.explanation
        for m in ex.mistakes:
            if label == m.value:
                return "mistake", m.diagnosis
        if label not in ex.choices:
            return "wrong", f"Answer with one of {', '.join(ex.choices)}."
        return "wrong", ex.hint
    value = _as_number(answer)
    if value is None:
        return "wrong", f"Answer with a number in {ex.unit} (for example 4.5, without the unit)."
    target = float(ex.answer)
    if _close(value, target, ex.tolerance):
        return "correct", ex.explanation
    for m in ex.mistakes:
        if _close(value, float(m.value), ex.tolerance):
            return "mistake", m.diagnosis
    if any(_close(value * f, target, ex.tolerance) for f in UNIT_FACTORS):
        return "units", f"Close: check units. The answer is asked for in {ex.unit}."
    for m in ex.mistakes:
        if any(_close(value * f, float(m.value), ex.tolerance) for f in UNIT_FACTORS):
            return "mistake", m.diagnosis + f" (Check the units too: the answer is in {ex.unit}.)"
    return "wrong", ex.hint


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check ``answer`` to exercise ``exercise_id`` and say what it shows.

    Args:
        exercise_id: the exercise, e.g. ``"01.3"``.
        answer: a number in the exercise's unit (``4.24`` for 4.24%), a choice label
            (``"b"``), or ``...`` while you have not answered yet.

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
        return Feedback(ex.id, status, message, _tries[ex.id] + 1)
    _tries[ex.id] += 1
    tries = _tries[ex.id]
    lead = {"mistake": "Not quite.", "units": "", "wrong": "Not yet."}[status]
    message = f"[{ex.id}] {lead} {text}".replace("  ", " ").rstrip()
    if tries >= MAX_TRIES_BEFORE_SOLUTION:
        message += f"\nAfter {tries} tries, read the worked solution: {ex.solution}"
    return Feedback(ex.id, status, message, tries)
