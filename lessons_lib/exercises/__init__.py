"""The course's self-checked exercises, one module per chapter (see :mod:`lessons_lib.checks`).

- :mod:`~lessons_lib.exercises.model`: what an exercise is (:class:`~.model.Exercise`,
  :class:`~.model.Mistake`) and the maker each chapter builds its exercises with;
- ``ch<id>.py`` (``ch00``, ``ch01``, ``ch01b``, ...): each chapter's exercises, in a tuple
  named ``EXERCISES``. :func:`lessons_lib.checks.exercises` finds every such module by its name,
  so a new chapter's module needs no registration anywhere else.

Correct answers are computed with the course's own functions, and figures from the shipped
datasets are read from them, so an exercise cannot drift from the model or the data it tests.
Each numeric exercise lists at least two diagnosed wrong answers;
``tests/course/test_checks.py`` feeds every one of them in.
"""
