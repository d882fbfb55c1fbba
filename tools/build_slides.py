"""Export every chapter to a reveal.js deck that opens offline: ``make slides``.

Writes ``_slides/<notebook>.slides.html`` for each notebook in notebooks/ (the saved outputs,
widgets in their saved state) and ``_slides/vendor/`` with reveal.js, MathJax, require.js,
jQuery and the widget renderer. Open a deck in a browser from disk; press S for the speaker
notes (the notebooks' notes cells).

Usage: python -m tools.build_slides [--out DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from nbconvert import SlidesExporter
from traitlets.config import Config

from tools import export

DEFAULT_OUT = export.ROOT / "_slides"


def build(out: Path = DEFAULT_OUT) -> list[Path]:
    """Write every deck into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    export.copy_vendor(out / "vendor")
    # A deck shows figures, not the one-line calls that draw them (cells tagged "figure").
    config = Config({"TagRemovePreprocessor": {"enabled": True,
                                               "remove_input_tags": {"figure"}}})
    exporter = SlidesExporter(
        config=config,
        template_name="course_reveal",
        extra_template_basedirs=[str(export.TEMPLATES)],
        reveal_url_prefix="vendor/reveal.js",
        reveal_theme="white",
        reveal_transition="none",
        reveal_scroll=True,
        reveal_width="1280",
        reveal_height="720",
        **export.asset_urls("vendor"),
    )
    decks = []
    for path in export.chapters():
        body, _ = exporter.from_notebook_node(export.prepare(path))
        deck = out / f"{path.stem}.slides.html"
        deck.write_text(body, encoding="utf-8")
        decks.append(deck)
    return decks


if __name__ == "__main__":
    sys.exit(export.run(build, DEFAULT_OUT, __doc__.splitlines()[0], "decks"))
