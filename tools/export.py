"""What the slide decks (tools/build_slides.py) and the site (tools/book/) share.

Both start from the executed notebooks as committed, give every figure its caption as a text
alternative, and point every script at local copies (tools/web_assets.py), so that the output
opens from disk with no network.
"""

from __future__ import annotations

import argparse
import re
import shutil
import time
from pathlib import Path

import nbformat

from lessons_lib import course
from tools import web_assets

ROOT = course.ROOT
NOTEBOOKS = course.NOTEBOOKS
TEMPLATES = ROOT / "tools" / "templates"
# Only what a page loads: MathJax, require.js, jQuery, the widget renderer, reveal.js.
VENDORED = ("mathjax", "requirejs", "jquery", "html-manager", "reveal.js")
UNUSED = {"mathjax": ("unpacked", "test", "Asana-Math", "Gyre-Pagella", "Gyre-Termes",
                      "Latin-Modern", "Neo-Euler", "STIX-Web"),
          "html-manager": ("lib", "embed.js", "embed.js.map", "libembed-amd.js")}
"""Files of the vendored packages no page loads, left out of the copies (about 50 MB):
MathJax 2's unpacked sources, its tests and its fonts other than TeX (the pages use TeX
fonts), and the widget renderer's builds other than embed-amd.js."""
MONEY = '<span class="tex2jax_ignore mathjax_ignore">&#36;</span>'
"""A literal dollar sign in exported Markdown (MathJax 2 skips the tex2jax_ignore class,
MathJax 3 mathjax_ignore)."""
MONEY_SOURCE = "\\\\$"
"""How the notebooks write a dollar sign in Markdown: two backslashes, then $. JupyterLab
and RISE show it as "$" and never as maths; a single backslash before $ is read as a maths
delimiter by JupyterLab and is not used (tests/course/test_money.py)."""


CAPTION_START = "*Figure"
"""How a figure's caption starts: the Markdown cell right after the figure, ``*Figure N.* ...``
(docs/CONTRIBUTING.md, "Real data")."""


def chapters() -> list[Path]:
    """The notebooks of the chapters written so far, in course order (lessons_lib.course)."""
    return [c.path for c in course.ready()]


def solutions() -> list[Path]:
    """The worked-solution notebooks of those chapters (the welcome has none)."""
    return [c.solutions_path for c in course.ready() if c.solutions_path.is_file()]


def _text(cell) -> str:
    source = cell["source"]
    return "".join(source) if isinstance(source, list) else source


def figure_captions(cells: list) -> list[tuple[int, str | None]]:
    """``(index, caption)`` for each code cell that shows a figure (a PNG output).

    The caption is the Markdown cell right after the figure if it starts with
    :data:`CAPTION_START`, and None if there is none: the one rule for captions, which the
    exports (as alt text) and the notebook tests both apply. ``cells`` are a notebook's cells,
    as nbformat reads them or as raw JSON.
    """
    found = []
    for index, cell in enumerate(cells):
        outputs = cell.get("outputs", []) if cell["cell_type"] == "code" else []
        if not any("image/png" in output.get("data", {}) for output in outputs):
            continue
        following = cells[index + 1] if index + 1 < len(cells) else None
        caption = None
        if following is not None and following["cell_type"] == "markdown":
            text = _text(following)
            caption = text if text.startswith(CAPTION_START) else None
        found.append((index, caption))
    return found


def plain(markdown: str) -> str:
    """Markdown reduced to one line of plain text (for alt text and summaries)."""
    text = markdown.replace(MONEY_SOURCE, "\0")  # an escaped dollar is money, not math
    text = re.sub(r"\$([^$]+)\$", r"\1", text).replace("\0", "$")
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"[*_`#]", "", text)
    return " ".join(text.split())


def captions(nb: nbformat.NotebookNode, path: Path) -> list[tuple[int, str]]:
    """``(index, alt text)`` for each figure of the notebook read from ``path``: its caption
    as one line of plain text. Raises SystemExit naming the notebook and cell when a figure has
    no caption."""
    found = []
    for index, caption in figure_captions(nb.cells):
        if caption is None:
            raise SystemExit(
                f"{path.name}, cell {index}: a figure needs a caption in the next Markdown "
                f"cell, starting with '{CAPTION_START} N.*'"
            )
        found.append((index, plain(caption)))
    return found


def prepare(path: Path) -> nbformat.NotebookNode:
    """The notebook ready to export: figure captions as alt text, dollar signs kept as text.

    Each figure's caption (the Markdown cell after it) becomes its alt text
    (:func:`captions`).
    """
    nb = nbformat.read(path, as_version=4)
    for index, alt in captions(nb, path):
        for output in nb.cells[index].outputs:
            if "image/png" in output.get("data", {}):
                output.setdefault("metadata", {})["alt"] = alt
    no_maths_in_widgets(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            # Money is written \\$ (MONEY_SOURCE); nbconvert's Markdown would print a
            # backslash and MathJax could read the dollar as maths: keep the dollar where
            # MathJax does not look.
            cell.source = cell.source.replace(MONEY_SOURCE, MONEY)
    return nb


def no_maths_in_widgets(nb: nbformat.NotebookNode) -> None:
    """Give every saved widget the classes MathJax skips (a readout's dollars are money)."""
    from lessons_lib.explorers.base import NO_MATHS_CLASSES

    saved = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    for model in saved.get("state", {}).values():
        state = model.get("state", {})
        classes = state.get("_dom_classes")
        if classes is not None:
            state["_dom_classes"] = [*classes, *(c for c in NO_MATHS_CLASSES if c not in classes)]


def asset_urls(prefix: str) -> dict[str, str]:
    """Exporter settings that load every script from ``prefix`` (a relative folder)."""
    return {
        "mathjax_url": f"{prefix}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
        "require_js_url": f"{prefix}/requirejs/require.js",
        "jquery_url": f"{prefix}/jquery/dist/jquery.min.js",
        "widget_renderer_url": f"{prefix}/html-manager/dist/embed-amd.js",
    }


def copy_vendor(destination: Path, names: tuple[str, ...] = VENDORED) -> None:
    """Copy the vendored packages a page needs next to it (fetched first if missing), less
    the files no page loads (:data:`UNUSED`)."""
    vendor = web_assets.ensure()
    for name in names:
        target = destination / name
        source = vendor / name
        stamp = (source / ".version").read_text()
        if (target / ".version").is_file() and (target / ".version").read_text() == stamp:
            continue
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target, ignore=_unused(name))


def _unused(package: str):
    """A ``shutil.copytree`` filter that leaves out ``package``'s :data:`UNUSED` files."""
    names = set(UNUSED.get(package, ()))
    return lambda folder, entries: [e for e in entries if e in names]


def run(build, default_out: Path, description: str, what: str) -> int:
    """The command line of a build script: ``--out DIR``, then a line saying what was made."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args()
    start = time.perf_counter()
    made = build(args.out)
    print(f"{len(made)} {what} in {args.out} ({time.perf_counter() - start:.1f} s)")
    return 0
