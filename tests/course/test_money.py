"""Money renders as money: how the notebooks and docs write a dollar sign in Markdown.

The convention (tools/export.py, ``MONEY_SOURCE``): a dollar sign in Markdown is written with
two backslashes before it. JupyterLab 4 shows that as "$" and never as maths; a single
backslash before the dollar is read as a maths delimiter by JupyterLab, which garbles
"$100 face value ... $103" into typeset maths. The browser tests (tests/browser) check what a
reader sees; these fast checks catch the slips in the sources.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lessons_lib import course
from tools import export

ROOT = course.ROOT
SINGLE_BACKSLASH_DOLLAR = re.compile(r"(?<!\\)\\\$")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
PAIR = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.S)
PROSE_RUN = re.compile(r"(?:\b[A-Za-z]{3,}\b[ ,]+){3}\b[A-Za-z]{3,}\b")


def notebooks() -> list[Path]:
    found = sorted(course.NOTEBOOKS.glob("*.ipynb")) + sorted(
        (course.NOTEBOOKS / "solutions").glob("*.ipynb"))
    return found


def markdown_cells(path: Path) -> list[tuple[int, str]]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(i, "".join(c["source"]) if isinstance(c["source"], list) else c["source"])
            for i, c in enumerate(cells) if c["cell_type"] == "markdown"]


def docs() -> list[Path]:
    return sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]


def formulas(text: str) -> list[str]:
    """What MathJax would typeset in ``text``: ``$...$`` and ``$$...$$`` pairs once code and
    money (the two-backslash dollar) are taken out."""
    text = CODE.sub("", text).replace(export.MONEY_SOURCE, "")
    return [a or b for a, b in PAIR.findall(text)]


def test_the_convention_is_two_backslashes():
    assert export.MONEY_SOURCE == "\\\\$"
    assert formulas(r"a \\$100 note and a \\$103 payment") == []
    assert formulas(r"the price $P$ at \\$90") == ["P"]
    assert not SINGLE_BACKSLASH_DOLLAR.search(r"\\$100")
    assert SINGLE_BACKSLASH_DOLLAR.search(r"a \$100 note")


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_no_single_backslash_dollar_in_notebook_markdown(path):
    slips = [i for i, text in markdown_cells(path) if SINGLE_BACKSLASH_DOLLAR.search(text)]
    assert not slips, (f"{path.name}: cells {slips} write a dollar as a single backslash and $, "
                       "which JupyterLab typesets as maths: write two backslashes, then $")


@pytest.mark.parametrize("path", docs(), ids=lambda p: p.name)
def test_no_single_backslash_dollar_in_docs(path):
    text = CODE.sub("", path.read_text(encoding="utf-8"))
    assert not SINGLE_BACKSLASH_DOLLAR.search(text), path.name


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_no_prose_between_dollar_signs(path):
    """An unescaped "$100 ... $103" would be typeset as one formula: a "formula" that holds a
    run of four words is money that was not escaped."""
    found = [(i, f[:60]) for i, text in markdown_cells(path) for f in formulas(text)
             if PROSE_RUN.search(re.sub(r"\\(?:text|mathrm|textrm)\{[^}]*\}", "", f))]
    assert not found, f"{path.name}: prose typeset as maths (escape its dollars): {found}"
