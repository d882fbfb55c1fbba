"""The self-study site as a Jupyter Book (1.x, Sphinx): ``make site``.

Builds ``_site/`` (open ``_site/index.html`` from disk; nothing is fetched from the network):

- ``index.html``: the contents, each ready chapter with its summary and time to work through
  and a link to its worked solutions, then the chapters still planned
  (``lessons_lib.course.CHAPTERS``);
- ``notebooks/<chapter>.html``: every ready chapter with its saved outputs (the build runs no
  notebook), figures with their captions as text alternatives, the first use of each glossary
  term linked to its entry, each self-check followed by its worked solution folded in a
  dropdown, speaker notes folded, a note above each explorer that it needs a kernel, and how to
  run the page live (``make lab``; a JupyterHub launch link when given one);
- ``notebooks/solutions/<chapter>_solutions.html``: the worked solutions, each folded;
- ``docs/glossary.html`` and ``docs/instructor_guide.html`` (with the table of times);
- a sidebar of chapters, full-text search, previous/next links, a download (.ipynb) button.

The notebooks are not edited: a staging copy is prepared (``tools/book/stage.py``), with a
generated ``_config.yml`` and ``_toc.yml``, and ``jupyter-book build`` runs on it. MathJax 2,
require.js and the widget renderer are loaded from the vendored copies (tools/web_assets.py).

Usage: python -m tools.book [--out DIR] [--hub URL --repo URL [--branch NAME]]
(``make site HUB=https://hub.example.edu REPO=https://github.com/org/course`` passes them.)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from lessons_lib import course
from tools import export
from tools.book import stage

DEFAULT_OUT = export.ROOT / "_site"
TITLE = "When a big holder sells US Treasuries"
HERE = Path(__file__).resolve().parent
ASSETS = "course"
"""The folder of ``_static/`` that holds the vendored scripts and the course's CSS."""
SITE_VENDOR = ("mathjax", "requirejs", "html-manager")


def launch_settings(hub: str | None = None, repo: str | None = None,
                    branch: str | None = None) -> stage.Launch | None:
    """The JupyterHub launch link's settings from the arguments or the environment (HUB,
    REPO, BRANCH), or None when the hub or the repository is not given."""
    hub = hub or os.environ.get("HUB", "")
    repo = repo or os.environ.get("REPO", "")
    branch = branch or os.environ.get("BRANCH", "") or "main"
    if not (hub and repo):
        return None
    return stage.Launch(hub=hub.rstrip("/"), repo=repo, branch=branch)


# jupyter-book's extensions less sphinx-thebe (unused; its script names a CDN), plus the
# JupyterHub launch button (tools/book/launch.py).
EXTENSIONS = ["sphinx_togglebutton", "sphinx_copybutton", "myst_nb", "jupyter_book",
              "sphinx_comments", "sphinx_external_toc", "sphinx_design", "sphinx_book_theme",
              "tools.book.launch"]


def config(launch: stage.Launch | None) -> dict:
    """The book's _config.yml."""
    return {
        "title": TITLE,
        "author": "the course's authors",
        "copyright": "the course's authors",
        "only_build_toc_files": True,
        "execute": {"execute_notebooks": "off"},  # the committed outputs are the proof
        "parse": {"myst_enable_extensions": ["colon_fence", "dollarmath"]},
        "html": {"use_multitoc_numbering": False},
        "latex": {"use_jupyterbook_latex": False},
        "sphinx": {
            "config": {
                "extensions": EXTENSIONS,
                "html_theme_options": {
                    "search_bar_text": "Search the course...",
                    "home_page_in_toc": True,
                    "show_navbar_depth": 1,
                    "use_download_button": True,
                    "use_fullscreen_button": False,
                    "use_repository_button": False,
                    "launch_buttons": {},
                    "repository_url": "",
                },
                "html_show_sourcelink": False,
                # search results without the summary Sphinx would fetch from each page
                # (a fetch of a file:// page is blocked, a console error)
                "html_show_search_summary": False,
                "html_context": {
                    # with no stored mode the theme would log a console error before "auto"
                    "default_mode": "light",
                    "course_launch": launch._asdict() if launch else None,
                },
                "mathjax_path": f"{ASSETS}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
                # MathJax 2 typesets the maths Sphinx marks (\\( \\) and \\[ \\]), never a
                # widget's text (a readout's "$100 ... $91" is money); prose's money is text.
                "mathjax2_config": {
                    "tex2jax": {"ignoreClass": "tex2jax_ignore|mathjax_ignore|jupyter-widgets"},
                },
                "mathjax3_config": None,
                "myst_update_mathjax": False,
                "nb_ipywidgets_js": {  # on pages with widgets, in this order
                    f"{ASSETS}/widgets.js": {},
                    f"{ASSETS}/requirejs/require.js": {},
                    f"{ASSETS}/html-manager/dist/embed-amd.js": {},
                },
                "suppress_warnings": ["myst.domains", "myst.header"],
            },
        },
    }


def table_of_contents() -> dict:
    """The book's _toc.yml: the ready chapters, their worked solutions, the references."""
    ready = course.ready()
    solved = [c for c in ready if c.solutions_path.is_file()]
    return {
        "format": "jb-book",
        "root": "index",
        "parts": [
            {"caption": "Chapters", "chapters": [
                {"file": f"notebooks/{c.stem}", "title": f"{c.id} · {c.title}"} for c in ready]},
            {"caption": "Worked solutions", "chapters": [
                {"file": f"notebooks/solutions/{c.solutions_path.stem}",
                 "title": f"{c.id} · {c.title}: solutions"} for c in solved]},
            {"caption": "Reference", "chapters": [
                {"file": "docs/glossary", "title": "Glossary"},
                {"file": "docs/instructor_guide", "title": "Instructor's guide"}]},
        ],
    }


def _copy_assets(static: Path) -> None:
    """The vendored scripts the pages load, into the built site's ``_static/course/``."""
    vendor = static / ASSETS
    export.copy_vendor(vendor, SITE_VENDOR)
    shutil.copy(HERE / "widgets.js", vendor / "widgets.js")


def build(out: Path = DEFAULT_OUT, launch: stage.Launch | None = None,
          quiet: bool = True) -> list[Path]:
    """Build the book into ``out`` (replaced); return the HTML pages of its contents."""
    with tempfile.TemporaryDirectory(prefix="course-book-") as tmp:
        source = Path(tmp) / "book"
        stage.stage(source, launch)
        (source / "_config.yml").write_text(yaml.safe_dump(config(launch), sort_keys=False))
        (source / "_toc.yml").write_text(yaml.safe_dump(table_of_contents(), sort_keys=False))
        # jupyter-book adds every .css and .js under _static/ to every page
        static = source / "_static" / ASSETS
        static.mkdir(parents=True)
        shutil.copy(HERE / "course.css", static / "course.css")
        command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(source),
                   "--path-output", tmp, "--warningiserror", "--keep-going"]
        if quiet:
            command.append("--quiet")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (str(export.ROOT), os.environ.get("PYTHONPATH", "")) if p)}
        result = subprocess.run(command, cwd=tmp, env=env, capture_output=quiet, text=True,
                                check=False)
        if result.returncode:
            output = (result.stdout or "") + (result.stderr or "")
            raise SystemExit(f"jupyter-book build failed:\n{output[-6000:]}")
        html = Path(tmp) / "_build" / "html"
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(html, out)
    _copy_assets(out / "_static")
    stage.restore_downloads(out)
    return pages(out)


def pages(out: Path) -> list[Path]:
    """The site's pages in the order of its table of contents."""
    toc = table_of_contents()
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [out / f"{name}.html" for name in files]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--hub", help="a JupyterHub's URL (or HUB in the environment)")
    parser.add_argument("--repo", help="the course repository's URL for nbgitpuller (or REPO)")
    parser.add_argument("--branch", help="the branch nbgitpuller pulls (or BRANCH; main)")
    parser.add_argument("--verbose", action="store_true", help="show jupyter-book's output")
    args = parser.parse_args()
    launch = launch_settings(args.hub, args.repo, args.branch)
    start = time.perf_counter()
    made = build(args.out, launch, quiet=not args.verbose)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file()) / 1e6
    print(f"{len(made)} pages in {args.out} ({time.perf_counter() - start:.1f} s, {size:.0f} MB)"
          + (f"; JupyterHub launch links to {launch.hub}" if launch else ""))
    print(f"open {args.out / 'index.html'}")
    return 0
