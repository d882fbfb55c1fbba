"""Prose reads as prose in JupyterLab: no Markdown cell shows typeset maths it did not ask for.

Every notebook (chapters and solutions) is opened in the session's JupyterLab without running
it. For each rendered Markdown cell the test counts MathJax's elements (``mjx-container``)
and compares them with the cell's intended formulas (``$...$`` pairs once money, written with
two backslashes, is taken out: tests/browser/prose_maths.py). A cell meant as prose that
shows maths, or a cell with more typeset pieces than formulas, fails the test, which names
the cell and the text MathJax took as maths.
"""

from __future__ import annotations

import time

import pytest
from lab_driver import discover_notebooks, open_notebook
from prose_maths import formulas

NOTEBOOKS = discover_notebooks()

CELLS_JS = """() => window.jupyterapp.shell.currentWidget.content.widgets
    .map((cell, index) => cell.model.type !== 'markdown' ? null : {
        index,
        source: cell.model.sharedModel.getSource(),
        rendered: !!cell.node.querySelector('.jp-RenderedMarkdown'),
        maths: Array.from(cell.node.querySelectorAll('.jp-RenderedMarkdown mjx-container'))
            .map(m => (m.querySelector('mjx-assistive-mml') || m).textContent.slice(0, 80)),
    }).filter(c => c !== null)"""


def settled_cells(page, timeout_s: float = 30.0) -> list[dict]:
    """The Markdown cells once every one is rendered and MathJax has stopped adding maths."""
    deadline = time.monotonic() + timeout_s
    previous = None
    while time.monotonic() < deadline:
        cells = page.evaluate(CELLS_JS)
        if all(c["rendered"] for c in cells) and cells == previous:
            return cells
        previous = cells
        time.sleep(1.0)
    return previous or []


@pytest.mark.parametrize("relative", NOTEBOOKS)
def test_markdown_prose_is_not_typeset_as_maths(relative, lab_server, page):
    try:
        open_notebook(page, lab_server, relative)
        cells = settled_cells(page)
        assert cells, f"{relative}: no Markdown cell rendered"
        garbled = []
        for cell in cells:
            intended = formulas(cell["source"])
            if len(cell["maths"]) > len(intended):
                garbled.append(f"cell {cell['index']}: {len(cell['maths'])} typeset for "
                               f"{len(intended)} formulas; typeset: {cell['maths'][:3]}")
        assert not garbled, f"{relative}: prose typeset as maths:\n" + "\n".join(garbled)
    finally:
        lab_server.shutdown_kernels()
