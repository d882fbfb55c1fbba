"""Time to work through a notebook, estimated from what is in it.

The estimate counts the work a student does, at fixed rates:

- prose (Markdown) read at 150 words a minute, link addresses not counted: well below the
  238 words a minute that Brysbaert (2019, "How many words do we read per minute?", Journal
  of Memory and Language 109, 104047) finds for silent reading of non-fiction, to allow for
  formulas and tables;
- 0.5 minute per code cell to run it and read its output, and 0.5 more per figure it draws;
- 7 minutes per self-check exercise with a number to work out (``check("01.3", ...)``, each
  exercise counted once), 3 per multiple choice;
- 3 per prediction (a "**Predict.**" prompt in a Markdown cell);
- 8 per interactive explorer (a code cell whose last line shows ``.ui``): trying it and
  working through its goals.

The rates were recalibrated (November 2026) on a review in which chapters 01 and 01b were
worked through as a new student would: 75-90 and 60-75 minutes, where the earlier rates (3
minutes an exercise, 2 a prediction, 5 an explorer, no figures) had stated 55 and 45. With
these rates the same two notebooks come to 81 and 64 minutes.

Speaker notes (slide type ``notes``) are not counted. The total is rounded up to the next
5 minutes. Each notebook states the result in its first cell ("**Time to work through:**
about N minutes"), and tests/course/test_notebooks.py checks the two agree.

Usage: python -m tools.notebook_time notebooks/*.ipynb
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

from lessons_lib import checks

WORDS_PER_MINUTE = 150
MINUTES_PER_CODE_CELL = 0.5
MINUTES_PER_FIGURE = 0.5
MINUTES_PER_EXERCISE = 7
MINUTES_PER_CHOICE = 3
MINUTES_PER_PREDICTION = 3
MINUTES_PER_WIDGET = 8

CHECK_CALL = re.compile(r"""check\(\s*["']([\w.]+)["']""")
LINK_TARGET = re.compile(r"\]\([^)]*\)")

STATED = re.compile(r"\*\*Time to work through:\*\*\s*about (\d+) minutes")


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def minutes(path: str | Path) -> int:
    """Minutes to work through the notebook at ``path``, rounded up to a multiple of 5."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    bank = checks.exercises()
    counted: set[str] = set()
    total = 0.0
    for cell in cells:
        if cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes":
            continue
        text = _source(cell)
        if cell["cell_type"] == "markdown":
            words = re.findall(r"[A-Za-z0-9$%.,']+", LINK_TARGET.sub("]", text))
            total += len(words) / WORDS_PER_MINUTE
            total += MINUTES_PER_PREDICTION * text.count("**Predict")
        elif cell["cell_type"] == "code" and text.strip():
            total += MINUTES_PER_CODE_CELL
            for exercise_id in set(CHECK_CALL.findall(text)) - counted:
                counted.add(exercise_id)  # a demonstration's repeated calls count once
                exercise = bank.get(exercise_id)
                numeric = exercise is None or exercise.numeric
                total += MINUTES_PER_EXERCISE if numeric else MINUTES_PER_CHOICE
            if text.strip().splitlines()[-1].strip().endswith(".ui"):
                total += MINUTES_PER_WIDGET
            total += MINUTES_PER_FIGURE * sum(
                "image/png" in output.get("data", {}) for output in cell.get("outputs", []))
    return int(5 * math.ceil(total / 5))


def stated_minutes(path: str | Path) -> int | None:
    """The time the notebook's first cell states, or None."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    match = STATED.search(_source(cells[0])) if cells else None
    return int(match.group(1)) if match else None


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: about {minutes(name)} minutes (first cell says {stated_minutes(name)})")
