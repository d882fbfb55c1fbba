"""What a self-checked exercise is, and the helper each chapter's module builds them with.

A chapter's module (``ch01.py``) starts with ``exercise = ExerciseMaker.for_module(__name__)``
and lists its exercises in ``EXERCISES``; the maker numbers them from the chapter's id and
points each one at its worked solution, so neither is typed by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lessons_lib import course


@dataclass(frozen=True)
class Mistake:
    """A wrong answer students are known to give, and what it means.

    Attributes:
        value: the wrong number, in the exercise's unit (or a choice label).
        diagnosis: names what the student computed and gives a hint, without the answer.
    """

    value: float | str
    diagnosis: str


@dataclass(frozen=True)
class Exercise:
    """One self-checked exercise.

    Attributes:
        id: chapter and number, e.g. ``"01.3"``.
        objective: the learning objective it checks, e.g. ``"01-O2"``.
        question: one line saying what to compute (shown with reminders).
        answer: the correct number (in ``unit``) or choice label (``"b"``).
        unit: what the number is measured in, e.g. ``"%"`` or ``"dollars"``; ``""`` for a choice.
        tolerance: absolute tolerance in ``unit`` for a numeric answer. With ``decimals``
            it is half a unit in the last decimal asked for, so any answer that rounds
            correctly to the stated precision is right.
        decimals: the precision the question asks for ("in %, to two decimals": 2), or
            None for a choice or an exercise that sets ``tolerance`` itself.
        mistakes: known wrong answers with their diagnoses (two at least for numbers).
        hint: a nudge for a wrong answer no mistake explains.
        solution: where the worked solution is (notebook path and heading).
        explanation: one sentence shown once the answer is right.
        choices: the labels of a multiple choice (empty for a number).
    """

    id: str
    objective: str
    question: str
    answer: float | str
    unit: str
    tolerance: float = 0.0
    mistakes: tuple[Mistake, ...] = ()
    hint: str = ""
    solution: str = ""
    explanation: str = ""
    choices: tuple[str, ...] = field(default=())
    decimals: int | None = None

    @property
    def numeric(self) -> bool:
        return not isinstance(self.answer, str)

    def __post_init__(self) -> None:
        if self.decimals is not None:
            if not isinstance(self.decimals, int) or not 0 <= self.decimals <= 6:
                raise ValueError(f"exercise {self.id}: decimals must be a whole number 0-6")
            # half a unit in the last place, and a hair more so that 14.435 rounds either way
            object.__setattr__(self, "tolerance", 0.5 * 10.0 ** -self.decimals + 1e-9)
        if self.numeric:
            if self.tolerance <= 0:
                raise ValueError(f"exercise {self.id}: tolerance must be > 0 for a number")
            if len(self.mistakes) < 2:
                raise ValueError(f"exercise {self.id}: a numeric exercise needs two mistakes")
            for m in self.mistakes:
                if abs(float(m.value) - float(self.answer)) <= self.tolerance:
                    raise ValueError(f"exercise {self.id}: mistake {m.value} equals the answer")
        elif self.answer not in self.choices:
            raise ValueError(f"exercise {self.id}: answer {self.answer!r} is not a choice")


def _cite(path: Path) -> str:
    return path.relative_to(course.ROOT).as_posix()


@dataclass(frozen=True)
class ExerciseMaker:
    """Builds the exercises of one chapter."""

    chapter: course.Chapter

    @classmethod
    def for_module(cls, module_name: str) -> ExerciseMaker:
        """The maker for the chapter a module is named after (``...exercises.ch01b``: 01b)."""
        return cls(course.chapter_of_module(module_name))

    def __call__(
        self,
        number: int,
        *,
        objective: int,
        question: str,
        answer: float | str,
        mistakes: Mapping[float | str, str],
        hint: str,
        explanation: str,
        unit: str = "",
        tolerance: float = 0.0,
        decimals: int | None = None,
        choices: tuple[str, ...] = (),
        section: str | None = None,
    ) -> Exercise:
        """Exercise ``<chapter>.<number>``, checking objective ``<chapter>-O<objective>``.

        ``mistakes`` maps each known wrong answer to its diagnosis. The worked solution is
        the exercise of that id in the chapter's solutions notebook or, with ``section``, that
        section of the chapter's own notebook. The other arguments are :class:`Exercise`'s.
        """
        exercise_id = f"{self.chapter.id}.{number}"
        if section is None:
            solution = f"{_cite(self.chapter.solutions_path)}, exercise {exercise_id}"
        else:
            solution = f"{_cite(self.chapter.path)}, section {section!r}"
        return Exercise(
            id=exercise_id,
            objective=f"{self.chapter.id}-O{objective}",
            question=question,
            answer=answer,
            unit=unit,
            tolerance=tolerance,
            decimals=decimals,
            mistakes=tuple(Mistake(value, text) for value, text in mistakes.items()),
            hint=hint,
            solution=solution,
            explanation=explanation,
            choices=choices,
        )
