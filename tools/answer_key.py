"""The printable answer key: every self-check of every ready chapter, for the instructor.

For each exercise of each chapter in :func:`lessons_lib.course.ready` (from
:func:`lessons_lib.checks.exercises`, so the answers are the ones the library computes from the
shipped data): its id and objective, where the notebook asks it (the section and the answer
cell's line), the question as :func:`~lessons_lib.checks.check` shows it, the answer with its
unit and precision, every diagnosed wrong answer with the diagnosis students see, the hint, the
explanation shown once right, and where the worked solution is.

Written as one self-contained HTML page (no script, no external file; prints one chapter per
page) and the same content in Markdown. ``make instructor`` puts both in the instructor's kit
(tools/kits.py); on its own: ``python -m tools.answer_key [--out DIR]``.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from lessons_lib import checks, course
from lessons_lib.exercises.model import Exercise
from tools.export import plain

TITLE = "Answer key · When a big holder sells US Treasuries"
CHECK_CALL = re.compile(r"""check\(\s*["']([\w.]+)["']\s*,\s*(answer_\w+)""")


@dataclass(frozen=True)
class Asked:
    """Where a chapter's notebook asks an exercise: its section and its answer cell's line."""

    section: str
    line: str


def asked_in(notebook: Path) -> dict[str, Asked]:
    """Each exercise id the notebook checks an ``answer_...`` for, with where it asks it."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    found: dict[str, Asked] = {}
    section = ""
    for cell in cells:
        source = cell["source"]
        text = "".join(source) if isinstance(source, list) else source
        if cell["cell_type"] == "markdown":
            headings = re.findall(r"^#{1,3} (.+)$", text, re.M)
            section = plain(headings[-1]) if headings else section
            continue
        for exercise_id, name in CHECK_CALL.findall(text):
            lines = [ln for ln in text.splitlines() if ln.startswith(f"{name} =")]
            found.setdefault(exercise_id, Asked(section, lines[0] if lines else ""))
    return found


def rounded(value: float, decimals: int) -> str:
    """``value`` at ``decimals``, rounded half up on its shortest repr as the checks do."""
    exact = Decimal(repr(float(value)))
    return str(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def shown(ex: Exercise, value: float | str) -> str:
    """An answer (or a wrong one) as the key prints it: the number at the asked precision."""
    if not ex.numeric:
        return f'"{value}"'
    if ex.decimals is not None:
        return rounded(float(value), ex.decimals)
    return f"{float(value):.6g}"


def with_unit(ex: Exercise, number: str) -> str:
    if not ex.numeric or not ex.unit:
        return number
    return f"{number}{ex.unit}" if ex.unit == "%" else f"{number} {ex.unit}"


def precision(ex: Exercise) -> str:
    """The precision a numeric answer is asked for, as the key states it."""
    if not ex.numeric:
        return f"one of {', '.join(ex.choices)}"
    if ex.decimals is not None:
        places = {0: "a whole number"}.get(ex.decimals, f"{ex.decimals} decimals")
        return f"{places}; any answer that rounds to it is accepted"
    return f"within {ex.tolerance:g} {ex.unit} of it"


def entries() -> list[tuple[course.Chapter, list[tuple[Exercise, Asked | None]]]]:
    """The ready chapters in course order, each with its exercises and where they are asked."""
    bank = checks.exercises()
    out = []
    for chapter in course.ready():
        mine = [ex for ex in bank.values() if ex.id.split(".")[0] == chapter.id]
        mine.sort(key=lambda ex: int(ex.id.split(".")[1]))
        asked = asked_in(chapter.path) if chapter.path.is_file() else {}
        out.append((chapter, [(ex, asked.get(ex.id)) for ex in mine]))
    return out


CSS = """
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 48em; margin: 2em auto;
       padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #333; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.05em; margin: 0 0 0.3em; }
.meta, .where, .objective, .solution { color: #444; font-size: 0.92em; }
article { border: 1px solid #bbb; border-radius: 4px; padding: 0.6em 0.9em; margin: 0.9em 0; }
.answer { background: #eef4ee; padding: 0.3em 0.5em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; font-size: 0.95em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.value { white-space: nowrap; }
code { font-family: Menlo, Consolas, monospace; font-size: 0.88em; }
nav ol { columns: 2; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  nav { display: none; }
  section.chapter + section.chapter { break-before: page; }
  article { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def _html_exercise(ex: Exercise, asked: Asked | None) -> str:
    e = html.escape
    answer = shown(ex, ex.answer)
    rows = "".join(
        f'<tr><td class="value" data-mistake="{e(shown(ex, m.value).strip(chr(34)))}">'
        f"{e(with_unit(ex, shown(ex, m.value)))}</td><td>{e(m.diagnosis)}</td></tr>"
        for m in ex.mistakes
    )
    where = ""
    if asked is not None:
        where = (f'<p class="where">Asked in section “{e(asked.section)}”: '
                 f"<code>{e(asked.line)}</code></p>")
    return (
        f'<article class="exercise" id="ex-{e(ex.id)}" data-id="{e(ex.id)}" '
        f'data-answer="{e(answer.strip(chr(34)))}">\n'
        f'<h3>{e(ex.id)} <span class="objective">(objective {e(ex.objective)})</span></h3>\n'
        f"{where}\n<p>{e(ex.question)}</p>\n"
        f'<p class="answer"><strong>Answer: {e(with_unit(ex, answer))}</strong> '
        f"({e(precision(ex))})</p>\n"
        f"<table><tr><th>Diagnosed wrong answer</th><th>What the check tells the student</th>"
        f"</tr>{rows}</table>\n"
        f"<p><strong>Hint</strong> (any other wrong answer): {e(ex.hint)}</p>\n"
        f"<p><strong>Once right</strong>: {e(ex.explanation)}</p>\n"
        f'<p class="solution">Worked solution: {e(ex.solution)}</p>\n</article>'
    )


def to_html(found, source: str = "") -> str:
    """The answer key as one self-contained HTML page."""
    e = html.escape
    count = sum(len(items) for _, items in found)
    toc = "".join(f'<li><a href="#ch-{e(c.id)}">{e(c.id)} · {e(c.title)}</a> ({len(items)})</li>'
                  for c, items in found)
    sections = "\n".join(
        f'<section class="chapter" id="ch-{e(c.id)}">\n<h2>{e(c.id)} · {e(c.title)}</h2>\n'
        + ("\n".join(_html_exercise(ex, asked) for ex, asked in items)
           or "<p>No self-checks in this chapter.</p>")
        + "\n</section>"
        for c, items in found
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(TITLE)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<h1>{e(TITLE)}</h1>\n"
        f'<p class="meta">For instructors: not for students. {count} self-checks in '
        f"{len(found)} chapters, answers computed by lessons_lib from the shipped data"
        f"{e(', ' + source) if source else ''}. A numeric answer is accepted when it rounds to "
        "the value shown at the precision asked; the table lists the wrong answers the check "
        "recognises and what it tells the student.</p>\n"
        f"<nav><ol>{toc}</ol></nav>\n{sections}\n</body>\n</html>\n"
    )


def to_markdown(found, source: str = "") -> str:
    """The answer key in Markdown (the same content as the HTML page)."""
    count = sum(len(items) for _, items in found)
    out = [f"# {TITLE}", "",
           f"For instructors: not for students. {count} self-checks in {len(found)} chapters, "
           "answers computed by lessons_lib from the shipped data"
           + (f", {source}" if source else "") + ".", ""]
    for chapter, items in found:
        out += [f"## {chapter.id} · {chapter.title}", ""]
        for ex, asked in items:
            out += [f"### {ex.id} (objective {ex.objective})", ""]
            if asked is not None:
                out += [f"Asked in section “{asked.section}”: `{asked.line}`", ""]
            out += [ex.question, "",
                    f"**Answer: {with_unit(ex, shown(ex, ex.answer))}** ({precision(ex)})", "",
                    "| diagnosed wrong answer | what the check tells the student |",
                    "|---|---|"]
            out += [f"| {with_unit(ex, shown(ex, m.value))} | {m.diagnosis.replace('|', '/')} |"
                    for m in ex.mistakes]
            out += ["", f"- Hint (any other wrong answer): {ex.hint}",
                    f"- Once right: {ex.explanation}", f"- Worked solution: {ex.solution}", ""]
    return "\n".join(out)


def write(out: Path, source: str = "") -> list[Path]:
    """Write ``answer_key.html`` and ``answer_key.md`` into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    found = entries()
    page, text = out / "answer_key.html", out / "answer_key.md"
    page.write_text(to_html(found, source), encoding="utf-8")
    text.write_text(to_markdown(found, source), encoding="utf-8")
    return [page, text]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("."))
    for path in write(parser.parse_args().out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
