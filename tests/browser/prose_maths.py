"""What counts as typeset maths in prose: shared by the JupyterLab and the export tests.

A Markdown cell's intended formulas are its ``$...$`` and ``$$...$$`` pairs once code spans
and money (the two-backslash dollar of tools/export.py, ``MONEY_SOURCE``) are taken out. Any
other typeset maths a reader sees is prose garbled by MathJax ("100facevalue,a3103").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tools import export

CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
PAIR = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.S)


def formulas(markdown: str) -> list[str]:
    """The formulas MathJax is meant to typeset in ``markdown``."""
    text = CODE.sub("", markdown).replace(export.MONEY_SOURCE, "")
    text = text.replace("\\$", "")  # a single-backslash dollar is meant as money too
    return [" ".join((a or b).split()) for a, b in PAIR.findall(text)]


def notebook_formulas(path: Path) -> set[str]:
    """Every intended formula of a notebook's Markdown cells."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found: set[str] = set()
    for cell in cells:
        if cell["cell_type"] == "markdown":
            source = cell["source"]
            found.update(formulas("".join(source) if isinstance(source, list) else source))
    return found


# MathJax 2 (the exports) keeps each formula's TeX in a script element beside its rendering.
TYPESET_TEX_JS = """() => Array.from(document.querySelectorAll('script[type^="math/tex"]'))
    .map(s => ({tex: s.textContent.split(/\\s+/).join(' ').trim(),
                inWidget: !!s.closest('.jupyter-widgets, .course-readout')}))"""
