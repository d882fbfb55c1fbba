"""Time to work through a notebook, estimated from what is in it.

The estimate counts the work a student does, at fixed rates:

- prose (Markdown) read at 150 words a minute: well below the 238 words a minute that
  Brysbaert (2019, "How many words do we read per minute?", Journal of Memory and
  Language 109, 104047) finds for silent reading of non-fiction, to allow for formulas
  and tables;
- 0.5 minute per code cell to run it and read its output;
- 3 minutes per self-check exercise (an answer line ``answer_... = ...`` to fill in),
  2 per prediction (a "**Predict.**" prompt in a Markdown cell), 5 per interactive
  explorer (a code cell whose last line shows ``.ui``).

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

WORDS_PER_MINUTE = 150
MINUTES_PER_CODE_CELL = 0.5
MINUTES_PER_EXERCISE = 3
MINUTES_PER_PREDICTION = 2
MINUTES_PER_WIDGET = 5

STATED = re.compile(r"\*\*Time to work through:\*\*\s*about (\d+) minutes")


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def minutes(path: str | Path) -> int:
    """Minutes to work through the notebook at ``path``, rounded up to a multiple of 5."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    total = 0.0
    for cell in cells:
        if cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes":
            continue
        text = _source(cell)
        if cell["cell_type"] == "markdown":
            total += len(re.findall(r"[A-Za-z0-9$%.,']+", text)) / WORDS_PER_MINUTE
            total += MINUTES_PER_PREDICTION * text.count("**Predict")
        elif cell["cell_type"] == "code" and text.strip():
            total += MINUTES_PER_CODE_CELL
            total += MINUTES_PER_EXERCISE * len(re.findall(r"^\w+ = \.\.\.", text, re.M))
            if text.strip().splitlines()[-1].strip().endswith(".ui"):
                total += MINUTES_PER_WIDGET
    return int(5 * math.ceil(total / 5))


def stated_minutes(path: str | Path) -> int | None:
    """The time the notebook's first cell states, or None."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    match = STATED.search(_source(cells[0])) if cells else None
    return int(match.group(1)) if match else None


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: about {minutes(name)} minutes (first cell says {stated_minutes(name)})")
