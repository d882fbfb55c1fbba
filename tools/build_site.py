"""Build the self-study site from the executed notebooks: ``make site``.

Writes ``_site/`` (open ``_site/index.html`` from disk, no network needed):

- ``index.html``: the contents, each chapter with its summary and time to work through, then
  the chapters still planned (the list is ``lessons_lib.course.CHAPTERS``);
- ``chapters/<notebook>.html``: every chapter and worked solution with its saved outputs and
  figures (each figure's caption as its text alternative), the first use of each glossary
  term linked to its entry, how to run the notebook in JupyterLab (``make lab``), speaker
  notes folded under a label, and a note above each explorer that it needs a running kernel;
- ``glossary.html`` and ``instructor.html`` from ``docs/``;
- ``vendor/``: MathJax, require.js, jQuery and the widget renderer, loaded from disk.

Usage: python -m tools.build_site [--out DIR]
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import mistune
import nbformat
from nbconvert import HTMLExporter

from lessons_lib import course
from tools import export, notebook_time

DEFAULT_OUT = export.ROOT / "_site"
DOCS = export.ROOT / "docs"
SITE_VENDOR = ("mathjax", "requirejs", "jquery", "html-manager")
CSS = """
body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; }
main.course, .course-page { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
.course-nav { max-width: 60rem; margin: 1rem auto; padding: 0.5rem 1rem;
  border-bottom: 3px solid #0072B2; font-size: 0.95rem; }
.course-nav a { color: #0072B2; }
h1, h2, h3 { color: #0072B2; }
table.course-times { border-collapse: collapse; }
table.course-times td, table.course-times th { border: 1px solid #999; padding: 0.3rem 0.6rem; }
a.glossary-term { color: inherit; text-decoration: underline dotted #0072B2; }
.course-kernel-note { border-left: 4px solid #E69F00; background: #fff8e6; padding: 0.4rem 0.8rem; }
details.course-notes { border-left: 4px solid #999; background: #f4f4f4; margin: 0.5rem 0;
  padding: 0.2rem 0.8rem; font-size: 0.9rem; color: #444; }
details.course-notes summary { cursor: pointer; font-style: italic; }
"""
# Where a term must not be linked: code, math, existing links, HTML tags, headings.
PROTECTED = re.compile(
    r"`[^`]*`|\$\$.*?\$\$|\$[^$\n]*\$|\[[^\]]*\]\([^)]*\)|<[^>]+>|^#[^\n]*", re.M | re.S
)


def slug(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def glossary_terms() -> list[str]:
    """Terms with an entry in docs/glossary.md (its ### headings), in file order."""
    return re.findall(r"^### (.+)$", (DOCS / "glossary.md").read_text(), re.M)


def _link_first(text: str, term: str, href: str) -> str | None:
    """``text`` with the first plain-prose use of ``term`` linked, or None if there is none."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.I)
    position = 0
    for protected in [*PROTECTED.finditer(text), None]:
        end = protected.start() if protected else len(text)
        match = pattern.search(text, position, end)
        if match:
            link = f'<a class="glossary-term" href="{href}">{match.group(0)}</a>'
            return text[: match.start()] + link + text[match.end():]
        position = protected.end() if protected else len(text)
    return None


GLOSSARY_LINK = re.compile(r"\]\((?:\.\./)*docs/glossary\.md(#[^)\s]*)?\)")
"""A notebook's link to the glossary as it works in JupyterLab: ``](../docs/glossary.md#term)``."""


def link_glossary(nb, terms: list[str]) -> None:
    """Point the notebook's own glossary links at the site's glossary page, and link the
    first use of each other glossary term in its prose to its entry."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = GLOSSARY_LINK.sub(lambda m: f"](../glossary.html{m.group(1) or ''})",
                                            cell.source)
    remaining = sorted(terms, key=len, reverse=True)  # "yield to maturity" before "maturity"
    for cell in nb.cells:
        if cell.cell_type != "markdown" or cell.metadata.get("slideshow", {}).get(
            "slide_type"
        ) == "notes":
            continue
        text = cell.source.replace(export.MONEY_SOURCE, "\0")  # money is not a math delimiter
        for term in list(remaining):
            linked = _link_first(text, term, f"../glossary.html#{slug(term)}")
            if linked is not None:
                text = linked
                remaining.remove(term)
        cell.source = text.replace("\0", export.MONEY_SOURCE)


def page(title: str, body: str, depth: int = 0) -> str:
    up = "../" * depth
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title><link rel="stylesheet" href="{up}course.css"></head>
<body><nav class="course-nav"><a href="{up}index.html">Contents</a> ·
<a href="{up}glossary.html">Glossary</a> · <a href="{up}instructor.html">Instructor's guide</a>
</nav><main class="course">{body}</main></body></html>
"""


def chapter_summary(path: Path) -> tuple[str, str]:
    """(title, first paragraph) of a notebook's first cell, as plain text."""
    first = nbformat.read(path, as_version=4).cells[0].source
    title = re.search(r"^# (.+)$", first, re.M).group(1)
    paragraphs = [p for p in first.split("\n\n")[1:] if p.strip()]
    return title, export.plain(paragraphs[0]) if paragraphs else ""


def build(out: Path = DEFAULT_OUT) -> list[Path]:
    """Write the whole site into ``out``; return the pages written."""
    (out / "chapters").mkdir(parents=True, exist_ok=True)
    export.copy_vendor(out / "vendor", SITE_VENDOR)
    (out / "course.css").write_text(CSS)
    terms = glossary_terms()
    exporter = HTMLExporter(
        template_name="course_lab",
        extra_template_basedirs=[str(export.TEMPLATES)],
        **export.asset_urls("../vendor"),
    )
    pages = []
    for path in [*export.chapters(), *export.solutions()]:
        nb = export.prepare(path, before_escape=lambda n: link_glossary(n, terms))
        relative = path.relative_to(export.NOTEBOOKS).as_posix()
        body, _ = exporter.from_notebook_node(nb, resources={"course_notebook": relative})
        target = out / "chapters" / f"{path.stem}.html"
        target.write_text(body, encoding="utf-8")
        pages.append(target)

    summaries = {path: chapter_summary(path) for path in export.chapters()}
    rows = []
    for chapter in course.ready():
        path = chapter.path
        title, summary = summaries[path]
        extra = ""
        if chapter.solutions_path in export.solutions():
            extra = f' · <a href="chapters/{chapter.solutions_path.stem}.html">worked solutions</a>'
        rows.append(
            f'<h2><a href="chapters/{path.stem}.html">{html.escape(title)}</a></h2>'
            f"<p>{html.escape(summary)}</p><p><b>Time to work through:</b> about "
            f"{notebook_time.stated_minutes(path)} minutes{extra} · to run it live: "
            f"<code>make lab</code>, then open <code>notebooks/{path.name}</code> in "
            "JupyterLab</p>"
        )
    planned = "".join(
        f"<li>{html.escape(c.id)} · {html.escape(c.title)}: {html.escape(c.summary)}</li>"
        for c in course.CHAPTERS if not c.ready
    )
    if planned:
        rows.append(f"<h2>Planned chapters</h2><ul>{planned}</ul>")
    intro = (
        "<h1>When a big holder sells US Treasuries</h1><p>The course as a site, to read "
        "offline. To run the code, answer the self-checks and play with the explorers, open "
        "the notebooks in JupyterLab: <code>make lab</code> in the course folder.</p>"
    )
    pages.append(out / "index.html")
    pages[-1].write_text(page("Contents", intro + "".join(rows)))

    glossary = mistune.html((DOCS / "glossary.md").read_text())
    glossary = re.sub(
        r"<h3>(.+?)</h3>", lambda m: f'<h3 id="{slug(html.unescape(m.group(1)))}">'
        f"{m.group(1)}</h3>", glossary,
    )
    pages.append(out / "glossary.html")
    pages[-1].write_text(page("Glossary", glossary))

    times = "".join(
        f"<tr><td>{html.escape(title)}</td>"
        f"<td>{notebook_time.stated_minutes(p)} minutes</td></tr>"
        for p, (title, _) in summaries.items()
    )
    table = (
        '<table class="course-times"><tr><th>chapter</th><th>time to work through</th></tr>'
        f"{times}</table>"
    )
    guide = mistune.html((DOCS / "instructor_guide.md").read_text())
    guide = guide.replace("</h1>", "</h1>" + table, 1)
    pages.append(out / "instructor.html")
    pages[-1].write_text(page("Instructor's guide", guide))
    return pages


if __name__ == "__main__":
    sys.exit(export.run(build, DEFAULT_OUT, __doc__.splitlines()[0], "pages"))
