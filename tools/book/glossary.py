"""The glossary on the book: its entries, their anchors, and the first use of each term linked.

The notebooks link a term to its entry as JupyterLab reads it, ``](../docs/glossary.md#term)``;
on the book every glossary link becomes ``<a class="glossary-term">`` to the glossary page, and
the first plain-prose use of each term a chapter does not link itself is linked too, once.
"""

from __future__ import annotations

import re

from lessons_lib import course
from tools import export

GLOSSARY_MD = course.ROOT / "docs" / "glossary.md"
# Where a term must not be linked: code, maths, links, HTML tags, headings, money's
# placeholder (see link_glossary).
PROTECTED = re.compile(
    r"`[^`]*`|\$\$.*?\$\$|\$[^$\n]*\$|\[[^\]]*\]\([^)]*\)|<a\b.*?</a>|<[^>]+>|^#[^\n]*",
    re.M | re.S,
)
GLOSSARY_LINK = re.compile(r"\[([^\]]+)\]\((?:\.\./)*docs/glossary\.md(?:#([^)\s]*))?\)")
"""A notebook's own link to the glossary, as it works in JupyterLab:
``[text](../docs/glossary.md#term)``."""


def slug(term: str) -> str:
    """A glossary entry's anchor: ``"Nelson-Siegel curve"`` -> ``"nelson-siegel-curve"``."""
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def glossary_terms() -> list[str]:
    """Terms with an entry in docs/glossary.md (its ### headings), in file order."""
    return re.findall(r"^### (.+)$", GLOSSARY_MD.read_text(), re.M)


def anchor(href: str, text: str) -> str:
    return f'<a class="glossary-term" href="{href}">{text}</a>'


def _link_first(text: str, term: str, href: str) -> str | None:
    """``text`` with the first plain-prose use of ``term`` linked, or None if there is none."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.I)
    position = 0
    for protected in [*PROTECTED.finditer(text), None]:
        end = protected.start() if protected else len(text)
        match = pattern.search(text, position, end)
        if match:
            return text[: match.start()] + anchor(href, match.group(0)) + text[match.end():]
        position = protected.end() if protected else len(text)
    return None


def link_glossary(cells: list, terms: list[str], glossary_html: str, skip=lambda cell: False
                  ) -> None:
    """Link the glossary in ``cells`` (a notebook's, edited in place) to ``glossary_html``.

    The notebook's own glossary links point at the book's glossary page; then the first
    plain-prose use of every other term is linked to its entry. A term the notebook links
    itself is not linked again, and a second link of the notebook's own to the same entry
    becomes plain text, so each term has one link on a page. Cells for which
    ``skip(cell)`` is true (speaker notes) are left alone. Money, written
    ``export.MONEY_SOURCE``, is not read as a maths delimiter.
    """
    linked: set[str] = set()

    def own(match: re.Match) -> str:
        if match.group(2) in linked:  # the notebook links this term again: once is enough
            return match.group(1)
        linked.add(match.group(2) or "")
        target = f"#{match.group(2)}" if match.group(2) else ""
        return anchor(glossary_html + target, match.group(1))

    for cell in cells:
        if cell.cell_type == "markdown":
            cell.source = GLOSSARY_LINK.sub(own, cell.source)
    markdown = [c for c in cells if c.cell_type == "markdown" and not skip(c)]
    remaining = [t for t in sorted(terms, key=len, reverse=True)  # "yield to maturity" first
                 if slug(t) not in linked]
    for cell in markdown:
        text = cell.source.replace(export.MONEY_SOURCE, "\0")
        for term in list(remaining):
            found = _link_first(text, term, f"{glossary_html}#{slug(term)}")
            if found is not None:
                text = found
                remaining.remove(term)
        cell.source = text.replace("\0", export.MONEY_SOURCE)
