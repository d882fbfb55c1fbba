"""What the slide decks (tools/build_slides.py) and the site (tools/build_site.py) share.

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

from tools import web_assets

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TEMPLATES = ROOT / "tools" / "templates"
# Only what a page loads: MathJax, require.js, jQuery, the widget renderer, reveal.js.
VENDORED = ("mathjax", "requirejs", "jquery", "html-manager", "reveal.js")
MONEY = '<span class="tex2jax_ignore">&#36;</span>'
"""A literal dollar sign in exported Markdown (MathJax skips the tex2jax_ignore class)."""


def chapters() -> list[Path]:
    """The chapter notebooks, in course order."""
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def solutions() -> list[Path]:
    """The worked-solution notebooks."""
    return sorted((NOTEBOOKS / "solutions").glob("*.ipynb"))


def plain(markdown: str) -> str:
    """Markdown reduced to one line of plain text (for alt text and summaries)."""
    text = markdown.replace("\\$", "\0")  # an escaped dollar is money, not math
    text = re.sub(r"\$([^$]+)\$", r"\1", text).replace("\0", "$")
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"[*_`#]", "", text)
    return " ".join(text.split())


def prepare(path: Path, before_escape=None) -> nbformat.NotebookNode:
    """The notebook ready to export: figure captions as alt text, dollar signs kept as text.

    Each figure's caption (the Markdown cell after it) becomes its alt text.

    ``before_escape``, if given, is called with the notebook before dollar signs are made
    safe from MathJax (the site links glossary terms there). Raises SystemExit naming the
    notebook and cell when a figure has no caption.
    """
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if "image/png" not in output.get("data", {}):
                continue
            following = nb.cells[index + 1] if index + 1 < len(nb.cells) else None
            if following is None or following.cell_type != "markdown" or not (
                following.source.startswith("*Figure")
            ):
                raise SystemExit(
                    f"{path.name}, cell {index}: a figure needs a caption in the next Markdown "
                    "cell, starting with '*Figure N.*'"
                )
            output.setdefault("metadata", {})["alt"] = plain(following.source)
    if before_escape is not None:
        before_escape(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            # nbconvert's Markdown drops the backslash of an escaped dollar, and MathJax would
            # then read money as math: keep such a dollar where MathJax does not look.
            cell.source = cell.source.replace("\\$", MONEY)
    return nb


def asset_urls(prefix: str) -> dict[str, str]:
    """Exporter settings that load every script from ``prefix`` (a relative folder)."""
    return {
        "mathjax_url": f"{prefix}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
        "require_js_url": f"{prefix}/requirejs/require.js",
        "jquery_url": f"{prefix}/jquery/dist/jquery.min.js",
        "widget_renderer_url": f"{prefix}/html-manager/dist/embed-amd.js",
    }


def copy_vendor(destination: Path, names: tuple[str, ...] = VENDORED) -> None:
    """Copy the vendored packages a page needs next to it (fetched first if missing)."""
    vendor = web_assets.ensure()
    for name in names:
        target = destination / name
        source = vendor / name
        stamp = (source / ".version").read_text()
        if (target / ".version").is_file() and (target / ".version").read_text() == stamp:
            continue
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)


def run(build, default_out: Path, description: str, what: str) -> int:
    """The command line of a build script: ``--out DIR``, then a line saying what was made."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args()
    start = time.perf_counter()
    made = build(args.out)
    print(f"{len(made)} {what} in {args.out} ({time.perf_counter() - start:.1f} s)")
    return 0
