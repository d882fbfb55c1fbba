"""The staging copy the book is built from: the committed notebooks, prepared for the book.

The course's notebooks are not edited; copies are written under the staging folder with the
layout of the repository (``notebooks/``, ``notebooks/solutions/``, ``docs/``), so a page's
path is its notebook's path (the JupyterHub link and the download button rely on it):

- each figure's caption becomes its alt text (cell metadata ``mystnb.image.alt``);
- money, written ``\\\\$`` (two backslashes, ``export.MONEY_SOURCE``), becomes MyST's ``\\$``,
  a dollar sign as text and never maths;
- glossary links point at the glossary page and the first use of each term is linked;
- speaker notes are folded in a closed dropdown, and so is each worked solution, placed after
  its self-check (the solutions notebooks head each exercise ``### <id> · ...``);
- an explorer's saved start state comes with a note that it needs a running kernel;
- a cell whose source or outputs JupyterLab folds (``jupyter.source_hidden``,
  ``jupyter.outputs_hidden``: the reveals after a prediction) is folded on the page too;
- a note at the top says how to run the page live (``make lab``; a JupyterHub link if given).
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from typing import NamedTuple

import nbformat

from lessons_lib import course
from tools import export, hub_link, notebook_time
from tools.book import glossary

GLOSSARY_PAGE = "docs/glossary.html"
CHECK = re.compile(r"""\bcheck\(\s*["']([\w.]+)["']""")
EXERCISE_HEADING = re.compile(r"^#{2,4} ([\w.]+) · (.+)$", re.M)
"""How a solutions notebook heads each exercise: ``### 03b.1 · The level of 19 October 2023``."""


class Launch(NamedTuple):
    """Where a page can be opened live: a JupyterHub with nbgitpuller, and the repository."""

    hub: str
    repo: str
    branch: str = "main"

    def url(self, path: str) -> str:
        """The nbgitpuller link (tools/hub_link.py) that pulls the repository and opens
        ``path`` (relative to the repository) in JupyterLab."""
        return hub_link.link(self.hub, self.repo, self.branch, notebook=path)


def is_notes(cell) -> bool:
    return cell.metadata.get("slideshow", {}).get("slide_type") == "notes"


def _source_text(markdown: str) -> str:
    """Money as MyST writes it: a dollar sign as text."""
    return markdown.replace(export.MONEY_SOURCE, "\\$")


def _solution_text(markdown: str) -> str:
    """A worked solution's prose for a dropdown: money as text, and a glossary link as its
    plain words (the page links each term once, in its prose)."""
    return _source_text(glossary.GLOSSARY_LINK.sub(lambda m: m.group(1), markdown))


def md_escape(text: str) -> str:
    """Plain text made safe to put in MyST Markdown."""
    return re.sub(r"([\\`*_\[\]<>$#|])", r"\\\1", text)


def _dropdown(title: str, body: str, css_class: str) -> nbformat.NotebookNode:
    fence = ":" * max(4, 1 + max((len(m) for m in re.findall(r"^:{3,}", body, re.M)),
                                 default=0))
    return nbformat.v4.new_markdown_cell(
        f"{fence}{{dropdown}} {title}\n:class-container: {css_class}\n\n{body.strip()}\n{fence}\n"
    )


def _fenced(text: str, language: str) -> str:
    fence = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`{3,}", text)), default=0))
    return f"{fence}{language}\n{text.rstrip()}\n{fence}"


def _outputs_as_text(cell, where: str) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            data = output.get("data", {})
            if set(data) - {"text/plain"}:
                raise SystemExit(f"{where}: a worked solution shows {sorted(data)}; the book "
                                 "folds solutions with text outputs only")
            parts.append(data.get("text/plain", "") + "\n")
        elif output.output_type == "error":
            raise SystemExit(f"{where}: a worked solution ends in an error")
    return "".join(parts)


def worked_solutions(chapter: course.Chapter) -> dict[str, tuple[str, str]]:
    """``{exercise id: (title, MyST body)}`` from the chapter's solutions notebook: each
    exercise's prose, code and saved output, up to the next exercise's heading."""
    if not chapter.solutions_path.is_file():
        return {}
    nb = nbformat.read(chapter.solutions_path, as_version=4)
    found: dict[str, tuple[str, list[str]]] = {}
    current = None
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            heading = EXERCISE_HEADING.search(cell.source)
            if heading:
                current = heading.group(1)
                rest = cell.source[heading.end():]
                title = _solution_text(heading.group(2).strip())
                found[current] = (title, [_solution_text(rest.strip())])
                continue
            if current:
                found[current][1].append(_solution_text(cell.source))
        elif cell.cell_type == "code" and current:
            parts = found[current][1]
            parts.append(_fenced(cell.source, "python"))
            shown = _outputs_as_text(cell, f"{chapter.solutions_path.name}, cell {index}")
            if shown.strip():
                parts.append("Output:\n\n" + _fenced(shown, "text"))
    return {key: (title, "\n\n".join(p for p in parts if p.strip()))
            for key, (title, parts) in found.items()}


def _alt_text(nb, path: Path) -> None:
    """Each figure's caption as its alt text (myst-nb reads cell metadata mystnb.image)."""
    for index, alt in export.captions(nb, path):
        nb.cells[index].metadata.setdefault("mystnb", {}).setdefault("image", {})["alt"] = alt


def _fold_hidden(nb) -> None:
    """JupyterLab's folded source or outputs, folded on the page (myst-nb's hide tags)."""
    for cell in nb.cells:
        hidden = cell.metadata.get("jupyter", {})
        if cell.cell_type != "code" or not hidden:
            continue
        tags = cell.metadata.setdefault("tags", [])
        for key, tag in (("source_hidden", "hide-input"), ("outputs_hidden", "hide-output")):
            if hidden.get(key) and tag not in tags:
                tags.append(tag)


def _run_live(notebook: str, launch: Launch | None) -> str:
    """How to run a page's notebook live (``notebook``: its path in the repository)."""
    text = (f"To run it, in the course folder type `make lab` (it opens JupyterLab), then open "
            f"`{notebook}` from JupyterLab's file browser.")
    if launch:  # raw HTML: MyST would escape the link's "&" twice
        text += (f' Or <a class="course-launch" href="{html.escape(launch.url(notebook))}">'
                 "open it on the course's JupyterHub</a>.")
    return text


def _kernel_note(notebook: str, launch: Launch | None) -> nbformat.NotebookNode:
    text = ("<b>This explorer needs a running kernel.</b> Here it shows its starting state and "
            "its sliders do nothing. To use it, type <code>make lab</code> in the course "
            f"folder, open <code>{html.escape(notebook)}</code> in JupyterLab and run its cells.")
    if launch:
        text += (f' Or <a href="{html.escape(launch.url(notebook))}">open it on the course\'s '
                 "JupyterHub</a>.")
    return nbformat.v4.new_output(
        "display_data", data={"text/html": f'<p class="course-kernel-note">{text}</p>',
                              "text/plain": "This explorer needs a running kernel."})


def _mark_explorers(nb, notebook: str, launch: Launch | None) -> None:
    for cell in nb.cells:
        outputs = cell.get("outputs", []) if cell.cell_type == "code" else []
        if any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs):
            cell.outputs = [_kernel_note(notebook, launch), *outputs]
            cell.metadata.setdefault("tags", []).append("course-explorer")


def chapter_page(chapter: course.Chapter, terms: list[str], launch: Launch | None
                 ) -> nbformat.NotebookNode:
    """A chapter's notebook as its book page."""
    nb = nbformat.read(chapter.path, as_version=4)
    notebook = f"notebooks/{chapter.notebook}"
    _alt_text(nb, chapter.path)
    export.no_maths_in_widgets(nb)
    glossary.link_glossary(nb.cells, terms, f"../{GLOSSARY_PAGE}", skip=is_notes)
    _fold_hidden(nb)
    _mark_explorers(nb, notebook, launch)
    solutions = worked_solutions(chapter)
    cells, placed = [], set()
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = _source_text(cell.source)
            if is_notes(cell):
                cell = _dropdown("Speaker notes (for a presenter)", cell.source, "course-notes")
        cells.append(cell)
        if cell.cell_type == "code":
            for exercise in CHECK.findall(cell.source):
                if exercise in solutions and exercise not in placed:
                    placed.add(exercise)
                    title, body = solutions[exercise]
                    cells.append(_dropdown(f"Worked solution: {exercise} · {title}", body,
                                           "course-solution"))
    if set(solutions) - placed:
        raise SystemExit(f"{chapter.notebook}: worked solutions with no self-check on the page: "
                         f"{sorted(set(solutions) - placed)}")
    about = ("This page shows the chapter with the outputs saved in its notebook. "
             + _run_live(notebook, launch))
    if solutions:
        about += (" Each self-check's worked solution is folded under it; all of them are on "
                  f"[their own page](solutions/{chapter.solutions_path.name}).")
    cells.insert(1, nbformat.v4.new_markdown_cell(
        f":::{{admonition}} Run it live\n:class: tip course-run-live\n\n{about}\n:::\n"))
    nb.cells = cells
    return nb


def solutions_page(chapter: course.Chapter, terms: list[str], launch: Launch | None
                   ) -> nbformat.NotebookNode:
    """A chapter's worked solutions as a book page: each exercise's heading, then its working
    folded in a dropdown."""
    nb = nbformat.read(chapter.solutions_path, as_version=4)
    notebook = f"notebooks/solutions/{chapter.solutions_path.name}"
    glossary.link_glossary(nb.cells, terms, f"../../{GLOSSARY_PAGE}")
    solutions = worked_solutions(chapter)
    cells, exercises = [], False
    for cell in nb.cells:
        heading = EXERCISE_HEADING.search(cell.source) if cell.cell_type == "markdown" else None
        if heading:
            exercises = True
            title, body = solutions[heading.group(1)]
            cells.append(nbformat.v4.new_markdown_cell(
                f"### {heading.group(1)} · {title}\n\nTry it on the "
                f"[chapter's page](../{chapter.notebook}) first."))
            cells.append(_dropdown("Worked solution", body, "course-solution"))
        elif not exercises:  # the title and the set-up, kept as they are
            if cell.cell_type == "markdown":
                cell.source = _source_text(cell.source)
            cells.append(cell)
    cells.insert(1, nbformat.v4.new_markdown_cell(
        ":::{admonition} Run it live\n:class: tip course-run-live\n\n"
        f"The chapter: [{chapter.id} · {md_escape(chapter.title)}](../{chapter.notebook}). "
        f"{_run_live(notebook, launch)}\n:::\n"))
    nb.cells = cells
    return nb


def _title_and_summary(chapter: course.Chapter) -> tuple[str, str]:
    """(title, first paragraph) of a chapter's first cell, as plain text."""
    first = nbformat.read(chapter.path, as_version=4).cells[0].source
    title = re.search(r"^# (.+)$", first, re.M).group(1)
    paragraphs = [p for p in first.split("\n\n")[1:] if p.strip()]
    return export.plain(title), export.plain(paragraphs[0]) if paragraphs else ""


def _docs_markdown(text: str) -> str:
    """A document of docs/ as MyST: its dollar signs are money (the docs have no maths)."""
    pieces = re.split(r"(`[^`\n]*`)", text)
    return "".join(p if p.startswith("`") else p.replace("$", "\\$") for p in pieces)


def index_page(launch: Launch | None) -> str:
    lines = [
        "# When a big holder sells US Treasuries\n",
        "The course as a book to read in the browser, offline: every chapter with the outputs "
        "saved in its notebook, the worked solutions, the glossary and the instructor's guide. "
        "Search it from the sidebar. To run the code, answer the self-checks and move the "
        "explorers' sliders, open the notebooks in JupyterLab: `make lab` in the course "
        "folder" + (", or each chapter's link to the course's JupyterHub" if launch else "")
        + ".\n",
    ]
    for chapter in course.ready():
        title, summary = _title_and_summary(chapter)
        extra = ""
        if chapter.solutions_path.is_file():
            extra = (f" · [worked solutions](notebooks/solutions/"
                     f"{chapter.solutions_path.name})")
        lines += [
            f"## [{md_escape(title)}](notebooks/{chapter.notebook})\n",
            f"{md_escape(summary)}\n",
            f"**Time to work through:** about {notebook_time.stated_minutes(chapter.path)} "
            f"minutes{extra} · to run it live: `make lab`, then open "
            f"`notebooks/{chapter.notebook}`\n",
        ]
    planned = [c for c in course.CHAPTERS if not c.ready]
    if planned:
        lines.append("## Planned chapters\n")
        lines += [f"- {c.id} · {md_escape(c.title)}: {md_escape(c.summary)}" for c in planned]
    return "\n".join(lines) + "\n"


def instructor_page() -> str:
    rows = "\n".join(
        f"| [{c.id} · {md_escape(c.title)}](../notebooks/{c.notebook}) | "
        f"{notebook_time.stated_minutes(c.path)} minutes |" for c in course.ready())
    table = ("\n\n| Chapter | Time to work through |\n| --- | --- |\n" + rows + "\n")
    guide = _docs_markdown((course.ROOT / "docs" / "instructor_guide.md").read_text())
    first_heading = re.search(r"^# .+$", guide, re.M)
    return guide[: first_heading.end()] + table + guide[first_heading.end():]


def glossary_page() -> str:
    """docs/glossary.md with an explicit anchor where an entry's heading id would differ
    from the anchor the notebooks link to."""
    from docutils.nodes import make_id

    text = _docs_markdown(glossary.GLOSSARY_MD.read_text())
    return re.sub(
        r"^### (.+)$",
        lambda m: (m.group(0) if make_id(m.group(1)) == glossary.slug(m.group(1))
                   else f'<span id="{glossary.slug(m.group(1))}"></span>\n\n{m.group(0)}'),
        text, flags=re.M)


def stage(source: Path, launch: Launch | None = None) -> list[Path]:
    """Write the book's pages (notebooks and Markdown) under ``source``; return them."""
    terms = glossary.glossary_terms()
    written = []

    def write(relative: str, content) -> None:
        target = source / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            nbformat.write(content, target)
        written.append(target)

    for chapter in course.ready():
        write(f"notebooks/{chapter.notebook}", chapter_page(chapter, terms, launch))
        if chapter.solutions_path.is_file():
            write(f"notebooks/solutions/{chapter.solutions_path.name}",
                  solutions_page(chapter, terms, launch))
    write("index.md", index_page(launch))
    write("docs/glossary.md", glossary_page())
    write("docs/instructor_guide.md", instructor_page())
    return written


def restore_downloads(out: Path) -> None:
    """The download button gives the notebooks as committed, not the staged copies."""
    for chapter in course.ready():
        for path in (chapter.path, chapter.solutions_path):
            target = out / "_sources" / path.relative_to(course.ROOT)
            if path.is_file() and target.is_file():
                shutil.copy(path, target)
