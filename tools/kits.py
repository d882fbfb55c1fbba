"""The classroom kits: ``make student`` and ``make instructor``, one archive each, in ``_kits/``.

- **Student kit** (``treasuries_student.zip``): the course as a student gets it. Every ready
  chapter's notebook with its outputs, execution counts and saved widget states cleared (no
  prediction is answered before the student runs the cell), the library with its shipped data,
  the glossary, the pinned environment, ``tools/notebook_time.py`` (which the notebooks cite),
  a README that says what the kit is, and a Makefile offering only what works in it
  (``make lab``, ``make data``, ``make clean``). Left out: the worked solutions, the
  instructor's guide and answer key, the tests, the maintainer tools and docs, CI.
- **Instructor kit** (``treasuries_instructor.zip``): the worked-solution notebooks as
  committed (with outputs), the instructor's guide, the printable answer key
  (tools/answer_key.py) and the offline slide decks (tools/build_slides.py; reveal.js is
  fetched once with npm, like ``make slides``).

Both are built from the files git tracks, as a clean clone would have them: never from .venv,
caches or untracked files. A ready chapter whose notebook, solutions or exercise module is not
tracked stops the build (the kit would be missing it). The slide decks' JavaScript comes from
``vendor/``, the pinned and integrity-checked npm packages (tools/web_assets.py).

Usage: python -m tools.kits student|instructor [--out DIR]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import nbformat

from lessons_lib import course

ROOT = course.ROOT
DEFAULT_OUT = ROOT / "_kits"
STUDENT = "treasuries_student"
INSTRUCTOR = "treasuries_instructor"

STUDENT_FILES = ("pyproject.toml", "requirements.lock", "environment.yml", ".gitignore",
                 "docs/glossary.md", "tools/__init__.py", "tools/notebook_time.py")
"""Files outside lessons_lib/ and notebooks/ that the student kit keeps."""
KIT_TARGETS = ("$(STAMP)", "setup", "lab", "data")
"""The rules of the course's Makefile that the student kit's Makefile copies as they are."""
LEFT_OUT = (
    ("notebooks/solutions/", "the worked solutions (the instructor's kit has them)"),
    ("docs/instructor_guide.md", "the instructor's guide (the answer key is made only for the "
     "instructor's kit)"),
    ("tests/", "the tests: they compare the notebooks' saved outputs, which are cleared here"),
    ("tools/ (all but notebook_time.py)", "the maintainer tools: re-running and checking the "
     "notebooks, the slides, the site, the datasets, the benchmarks"),
    ("docs/CONTRIBUTING.md, .ci/", "how to write a chapter, and continuous integration"),
)


class KitError(RuntimeError):
    """A kit cannot be built as asked (the command line prints it and exits)."""


def _git(root: Path, *args: str) -> str:
    """A read-only git command's output, or KitError if ``root`` is not a git checkout."""
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                            check=False)
    if result.returncode:
        raise KitError(f"The kits are built from the files git tracks; `git {args[0]}` failed "
                         f"in {root}: {result.stderr.strip()}")
    return result.stdout


def tracked(root: Path = ROOT) -> list[str]:
    """The files git tracks that are in the working tree, as POSIX paths from ``root``."""
    names = [n for n in _git(root, "ls-files", "-z").split("\0") if n]
    return [n for n in names if (root / n).is_file()]


def provenance(root: Path = ROOT) -> str:
    """The commit the kit comes from, and whether tracked files were changed since."""
    commit = _git(root, "rev-parse", "--short=12", "HEAD").strip()
    dirty = _git(root, "status", "--porcelain", "--untracked-files=no").strip()
    return f"commit {commit}" + (" with uncommitted changes" if dirty else "")


def check_tracked(files: list[str], root: Path = ROOT) -> None:
    """Stop if a ready chapter's notebook, solutions or modules exist but are not tracked."""
    have = set(files)
    missing = []
    for chapter in course.ready():
        wanted = [chapter.path, chapter.solutions_path,
                  *(course.ROOT / "lessons_lib" / kind / f"ch{chapter.id}.py"
                    for kind in ("exercises", "explorers"))]
        for path in wanted:
            name = path.relative_to(course.ROOT).as_posix()
            if (path == chapter.path or (root / name).is_file()) and name not in have:
                missing.append(name)
    if missing:
        raise KitError("These files of ready chapters are not tracked by git, so a kit built "
                         "now would lack them: " + ", ".join(missing) + ". `git add` them first.")


def in_student_kit(name: str) -> bool:
    """Whether a tracked file (a POSIX path from the course folder) goes in the student kit."""
    if name.startswith("notebooks/"):
        if name.startswith("notebooks/solutions/"):
            return False
        if name.endswith(".ipynb") and name.count("/") == 1:
            return name in {f"notebooks/{c.notebook}" for c in course.ready()}
        return True
    return name.startswith("lessons_lib/") or name in STUDENT_FILES or (
        "/" not in name and name.upper().startswith("LICENSE"))


def clear_outputs(path: Path) -> None:
    """Clear every code cell's outputs and execution count, and the saved widget states."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)


def _rules(makefile: str) -> dict[str, str]:
    """Each rule of a Makefile (``target: ...`` and its recipe), by target."""
    rules = {}
    for match in re.finditer(r"^([^\s#=:][^:=\n]*):(?!=)[^\n]*\n(?:\t[^\n]*\n)*", makefile, re.M):
        rules[match.group(1).strip()] = match.group(0)
    return rules


def student_makefile(root: Path = ROOT) -> str:
    """The kit's Makefile: the course's variables and its set-up, lab and data rules as they
    are, a help listing only those, and a clean that removes what they make."""
    source = (root / "Makefile").read_text(encoding="utf-8")
    variables = [line for line in source.splitlines()
                 if re.match(r"^[A-Z_]+\s*[:?]?=", line)]
    rules = _rules(source)
    absent = [t for t in KIT_TARGETS if t not in rules]
    if absent:
        raise KitError(f"The course's Makefile has no rule for {', '.join(absent)}")
    helps = [line for line in rules.get("help", "").splitlines()
             if re.search(r'echo "make (lab|data)\b', line)]
    return "\n".join([
        "# The student kit of the course: `make lab` sets up .venv with the pinned packages and",
        "# opens JupyterLab on the welcome notebook. Made by `make student` (tools/kits.py) from",
        "# the course's own Makefile; the course's other targets need files this kit leaves out.",
        "",
        *variables,
        "",
        ".PHONY: help setup lab data clean",
        "",
        "help:",
        *helps,
        '\t@echo "make clean  remove .venv"',
        "",
        *(rules[t].rstrip("\n") + "\n" for t in KIT_TARGETS),
        "clean:",
        "\trm -rf $(VENV) build *.egg-info",
        "",
    ])


def student_readme(source: str) -> str:
    """The kit's README: what the kit is, how to start, what is in it and what is not."""
    rows = "\n".join(f"| `{c.stem}` | {c.summary} |" for c in course.ready())
    left_out = "\n".join(f"- `{what}`: {why}." for what, why in LEFT_OUT)
    return f"""# When a big holder sells US Treasuries: student kit

This is the student copy of an open course in Jupyter notebooks. Five articles from 2024-2025
tell one story: a large foreign holder sells US Treasury bonds, prices fall, yields rise, the
US government pays more to roll over its debt, and the shock spreads abroad. Each chapter
turns a step of it into a model you run, checks the articles' figures against official data,
and says where they are right, loose or wrong.

The notebooks come with their outputs cleared: nothing is computed until you run it, so each
prediction you are asked for is yours before the answer appears. Run the cells in order
(*Run → Run All Cells* works too, but read each prediction first).

## Start

With Python 3.11 or newer (Linux or macOS), from this folder:

```
make lab     # creates .venv with the pinned packages, opens JupyterLab on the welcome notebook
```

With Anaconda instead: `conda env create -f environment.yml`, `conda activate treasuries`,
then, from this folder, `jupyter lab --ServerApp.root_dir=. notebooks/00_welcome.ipynb`
(the folder as JupyterLab's root, so the notebooks' links to `docs/` open).
`make data` downloads the latest official series into your user cache (the shipped copies,
which the notebooks use, stay as they are).

## Chapters

| notebook | what it teaches |
|----------|-----------------|
{rows}

## What is in the kit, and what is not

In it: `notebooks/` (the chapters), `lessons_lib/` (the course library, with its shipped
datasets in `lessons_lib/datasets/`), `docs/glossary.md`, the pinned environment
(`requirements.lock`, `environment.yml`, `pyproject.toml`) and `tools/notebook_time.py`, which
estimates each chapter's time.

Left out on purpose:

{left_out}

The self-checks (`check("01.3", answer)`) work as in the full course. After three tries that
miss, a check points you to the worked solution in `notebooks/solutions/`: those notebooks are
not in this kit; your lecturer hands them out (copied into `notebooks/solutions/`, they run
as they are). The welcome notebook also mentions `make test` and `make slides`: those belong
to the full course repository, not to this kit.

Built by `make student` from {source}.
"""


def stage(root: Path, dest: Path) -> list[str]:
    """Copy the files git tracks into ``dest`` (a clean clone's content); return their names."""
    files = tracked(root)
    check_tracked(files, root)
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--",
                     "lessons_lib", "notebooks", "docs").split()
    if untracked:
        print("Not tracked by git, so left out of the kit: " + ", ".join(untracked),
              file=sys.stderr)
    for name in files:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target)
    return files


def archive(folder: Path, zip_path: Path) -> Path:
    """Zip ``folder`` with its name as the archive's top folder."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder.parent).as_posix())
    return zip_path


def build_student(out: Path = DEFAULT_OUT, root: Path = ROOT) -> Path:
    """Build ``<out>/treasuries_student.zip``; return its path."""
    with tempfile.TemporaryDirectory() as tmp:
        clone, kit = Path(tmp) / "clone", Path(tmp) / STUDENT
        for name in stage(root, clone):
            if in_student_kit(name):
                (kit / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(clone / name, kit / name)
        for chapter in course.ready():
            clear_outputs(kit / "notebooks" / chapter.notebook)
        (kit / "Makefile").write_text(student_makefile(clone), encoding="utf-8")
        (kit / "README.md").write_text(student_readme(provenance(root)), encoding="utf-8")
        return archive(kit, out / f"{STUDENT}.zip")


def instructor_readme(source: str, decks: bool) -> str:
    slides = ("- `slides/`: one offline reveal.js deck per chapter, with its saved outputs. Open "
              "`slides/<chapter>.slides.html` in a browser from disk; press S for the speaker "
              "notes.\n" if decks else "- (built without the slide decks)\n")
    return f"""# When a big holder sells US Treasuries: instructor's kit

For the lecturer; keep it from students. Built by `make instructor` from {source}.

- `answer_key.html` (print it from a browser: one chapter a page) and `answer_key.md`: every
  self-check of every chapter, with the question, the answer, its unit and precision, the
  wrong answers the check diagnoses and what it tells the student.
- `instructor_guide.md`: timing, misconceptions to expect and discussion prompts for each
  chapter, a suggested syllabus, and how to hand the course out on a JupyterHub.
- `solutions/`: the worked-solution notebooks, executed. They use the course library: copy them
  into the course's (or the student kit's) `notebooks/solutions/` folder to run them, which is
  also where the self-checks point students after three missed tries.
{slides}
The student kit (`make student`) is the course without any of this.
"""


def build_instructor(out: Path = DEFAULT_OUT, root: Path = ROOT, decks: bool = True) -> Path:
    """Build ``<out>/treasuries_instructor.zip``; return its path. ``decks=False`` leaves
    out the slide decks (no npm needed)."""
    from tools import answer_key

    with tempfile.TemporaryDirectory() as tmp:
        clone, kit = Path(tmp) / "clone", Path(tmp) / INSTRUCTOR
        stage(root, clone)
        source = provenance(root)
        (kit / "solutions").mkdir(parents=True)
        for chapter in course.ready():
            solutions = clone / chapter.solutions_path.relative_to(course.ROOT)
            if solutions.is_file():
                shutil.copy2(solutions, kit / "solutions" / solutions.name)
        shutil.copy2(clone / "docs" / "instructor_guide.md", kit / "instructor_guide.md")
        answer_key.write(kit, source)
        if decks:
            from tools import build_slides

            build_slides.build(kit / "slides")
        (kit / "README.md").write_text(instructor_readme(source, decks), encoding="utf-8")
        return archive(kit, out / f"{INSTRUCTOR}.zip")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kit", choices=("student", "instructor"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    start = time.perf_counter()
    build = build_student if args.kit == "student" else build_instructor
    try:
        made = build(args.out)
    except KitError as exc:
        raise SystemExit(str(exc)) from None
    with zipfile.ZipFile(made) as zf:
        files = [i for i in zf.infolist() if not i.is_dir()]
    size = made.stat().st_size / 1e6
    print(f"{made}: {len(files)} files, {size:.1f} MB ({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
