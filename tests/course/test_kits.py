"""The classroom kits (tools/kits.py, tools/answer_key.py) and the hub link (tools/hub_link.py).

The student kit must hold no solution: no worked-solution notebook, no instructor's guide or
answer key, every chapter notebook with its outputs cleared, no text only the solutions or the
guide contain, no self-check fed its right answer. It must still work: the library and its data
are there, what the notebooks import is there, and its Makefile offers only targets that work.
The instructor's kit must hold the solutions, the guide and an answer key that covers every
self-check of every ready chapter. Each finder below is also run on a kit doctored to leak, so
the tests can fail. The last test runs the kit's notebooks with HOME in a temporary folder and
records every write Python makes, to back what the instructor's guide says about JupyterHub.
"""

from __future__ import annotations

import ast
import html
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import nbformat
import pytest

from lessons_lib import checks, course
from tools import answer_key, hub_link, kits

ROOT = course.ROOT
MIN_WORDS = 8
"""A sentence this long found in a private document and in the student kit is a leak."""


def unzip(archive: Path, into: Path) -> Path:
    with zipfile.ZipFile(archive) as zf:
        tops = {name.split("/", 1)[0] for name in zf.namelist()}
        assert tops == {archive.stem}, f"{archive.name} must hold one folder, {archive.stem}/"
        zf.extractall(into)
    return into / archive.stem


@pytest.fixture(scope="module")
def student(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kits")
    return unzip(kits.build_student(out), out / "unpacked")


@pytest.fixture(scope="module")
def instructor(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kits")
    return unzip(kits.build_instructor(out, decks=False), out / "unpacked")


# ------------------------------------------------------------------------------------------
# What a student kit must not hold, and what it must
# ------------------------------------------------------------------------------------------


def _cells_text(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells)


def _norm(text: str) -> str:
    return " ".join(text.replace("\\\\$", "$").split())


def _sentences(text: str) -> list[str]:
    flat = _norm(re.sub(r"[*`#]", "", text))
    return [s for s in re.split(r"(?<=[.!?:;])\s+", flat) if len(s.split()) >= MIN_WORDS]


def private_sentences() -> dict[str, list[str]]:
    """Sentences of the worked solutions and the instructor's guide that no chapter has."""
    public = _norm(re.sub(r"[*`#]", "", "\n".join(
        _cells_text(c.path) for c in course.ready())))
    found = {}
    for chapter in course.ready():
        if chapter.solutions_path.is_file():
            nb = nbformat.read(chapter.solutions_path, as_version=4)
            text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
            found[chapter.solutions_path.name] = text
    found["instructor_guide.md"] = (ROOT / "docs" / "instructor_guide.md").read_text()
    return {name: [s for s in _sentences(text) if s not in public]
            for name, text in found.items()}


def kit_text(kit: Path) -> str:
    """Every text a student can read in the kit (notebook cells, Markdown, code), normalised."""
    parts = []
    for path in kit.rglob("*"):
        if path.suffix == ".ipynb":
            parts.append(_cells_text(path))
        elif path.suffix in (".md", ".py", ".txt", ".toml", ".yml", ".html", ".css") or \
                path.name == "Makefile":
            parts.append(path.read_text(encoding="utf-8"))
    return _norm(re.sub(r"[*`#]", "", "\n".join(parts)))


def right_answers_fed(path: Path) -> list[str]:
    """``check("<id>", <literal>)`` calls that feed a self-check its right answer, where the
    worked solution is not meant to be in that notebook."""
    found = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "check"
                    and len(node.args) >= 2 and isinstance(node.args[0], ast.Constant)):
                continue
            try:
                value = ast.literal_eval(node.args[1])
            except ValueError:
                continue  # a name: the student's answer
            exercise_id = node.args[0].value
            ex = checks.get(exercise_id)
            if ex.solution.startswith("notebooks/solutions/") and \
                    checks.check(exercise_id, value, demo=True).correct:
                found.append(f"{path.name}: check({exercise_id!r}, {value!r})")
    return found


def student_kit_problems(kit: Path) -> list[str]:
    problems = []
    if (kit / "notebooks" / "solutions").exists():
        problems.append("notebooks/solutions/ is in the kit")
    for path in kit.rglob("*"):
        name = path.name.lower()
        if "solution" in name and path.suffix == ".ipynb":
            problems.append(f"a solutions notebook: {path.relative_to(kit)}")
        if name.startswith(("instructor_guide", "answer_key")):
            problems.append(f"an instructor's file: {path.relative_to(kit)}")
    chapters = {c.notebook for c in course.ready()}
    on_disk = {p.name for p in (kit / "notebooks").glob("*.ipynb")}
    if on_disk != chapters:
        problems.append(f"chapter notebooks: missing {sorted(chapters - on_disk)}, "
                        f"not ready {sorted(on_disk - chapters)}")
    for name in sorted(chapters & on_disk):
        nb = nbformat.read(kit / "notebooks" / name, as_version=4)
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
                problems.append(f"{name}, cell {index}: outputs or execution count not cleared")
        if "widgets" in nb.metadata:
            problems.append(f"{name}: saved widget states")
        problems += right_answers_fed(kit / "notebooks" / name)
    text = kit_text(kit)
    for source, sentences in private_sentences().items():
        problems += [f"text of {source}: {s[:70]}" for s in sentences if s in text]
    return problems


def makefile_problems(kit: Path) -> list[str]:
    """Targets the kit's Makefile offers that cannot work in the kit."""
    makefile = (kit / "Makefile").read_text()
    phony = sorted({t for line in re.findall(r"^\.PHONY:(.*)$", makefile, re.M)
                    for t in line.split()})
    helped = re.findall(r'echo "make (\w+)', makefile)
    problems = [f"help lists {t}, which is not a target" for t in helped if t not in phony]
    for target in phony:
        dry = subprocess.run(["make", "-n", "-C", str(kit), target], capture_output=True,
                             text=True, check=False)
        if dry.returncode:
            problems.append(f"make -n {target}: {dry.stderr.strip()}")
            continue
        for module in re.findall(r"-m ([\w.]+)", dry.stdout):
            top = module.split(".")[0]
            if top in ("lessons_lib", "tools", "tests"):
                base = kit / module.replace(".", "/")
                if not (base.with_suffix(".py").is_file() or (base / "__main__.py").is_file()):
                    problems.append(f"make {target} runs {module}, which the kit lacks")
        for path in re.findall(r"(\S+\.(?:ipynb|txt|lock|toml|yml))\b", dry.stdout):
            if not (kit / path).is_file():
                problems.append(f"make {target} needs {path}, which the kit lacks")
    return problems


def missing_imports(kit: Path) -> list[str]:
    """lessons_lib modules the kit's notebooks import that the kit does not have."""
    def present(module: str) -> bool:
        base = kit / module.replace(".", "/")
        return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()

    missing = []
    for path in sorted((kit / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            for module, names in re.findall(r"^\s*from (lessons_lib[\w.]*) import \(?([\w, ]+)",
                                            cell.source, re.M):
                wanted = [module] if module != "lessons_lib" else [
                    f"lessons_lib.{n.strip()}" for n in names.split(",") if n.strip()]
                missing += [f"{path.name}: {m}" for m in wanted if not present(m)]
            for module in re.findall(r"^\s*import (lessons_lib[\w.]*)", cell.source, re.M):
                if not present(module):
                    missing.append(f"{path.name}: {module}")
    return missing


def test_student_kit_holds_no_solution(student):
    assert student_kit_problems(student) == []


def test_student_kit_works_for_a_student(student):
    assert makefile_problems(student) == []
    assert missing_imports(student) == []
    dry = subprocess.run(["make", "-n", "-C", str(student), "lab"], capture_output=True,
                         text=True, check=True).stdout
    assert "pip install --quiet --no-deps -e ." in dry
    assert "jupyter lab" in dry and "notebooks/00_welcome.ipynb" in dry
    tracked_data = {n for n in kits.tracked() if n.startswith("lessons_lib/")}
    assert tracked_data and all((student / n).is_file() for n in tracked_data)
    for name in ("pyproject.toml", "requirements.lock", "environment.yml", "docs/glossary.md",
                 "tools/notebook_time.py"):
        assert (student / name).is_file(), name
    for left_out in ("tests", ".ci", "docs/CONTRIBUTING.md", "tools/build_slides.py",
                     "tools/run_notebooks.py", ".venv", "lessons_lib.egg-info", "vendor"):
        assert not (student / left_out).exists(), left_out
    assert not list(student.rglob("__pycache__")) and not list(student.rglob(".ipynb_checkpoints"))


def test_student_readme_says_what_the_kit_is(student):
    readme = (student / "README.md").read_text()
    assert readme.startswith("# ") and "student" in readme.splitlines()[0]
    assert "make lab" in readme and "notebooks/solutions/" in readme
    for chapter in course.ready():
        assert f"| `{chapter.stem}` | {chapter.summary} |" in readme
    for what, _ in kits.LEFT_OUT:
        assert what in readme
    assert re.search(r"Built by `make student` from commit [0-9a-f]{12}", readme)


def test_the_kit_makefile_copies_the_course_setup():
    course_rules = kits._rules((ROOT / "Makefile").read_text())
    kit_makefile = kits.student_makefile()
    for target in kits.KIT_TARGETS:
        assert course_rules[target] in kit_makefile, target


def test_the_finders_catch_a_leaky_kit(student, tmp_path):
    leaky = tmp_path / "leaky"
    shutil.copytree(student, leaky)
    solutions = next(c for c in course.ready() if c.solutions_path.is_file())
    (leaky / "notebooks" / "solutions").mkdir()
    shutil.copy(solutions.solutions_path, leaky / "notebooks" / "solutions")
    shutil.copy(ROOT / "docs" / "instructor_guide.md", leaky / "docs")
    chapter = leaky / "notebooks" / solutions.notebook
    nb = nbformat.read(chapter, as_version=4)
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.outputs = [nbformat.v4.new_output("stream", text="leaked\n")]
    exercise = next(ex for ex in checks.exercises().values()
                    if ex.id.startswith(f"{solutions.id}.")
                    and ex.solution.startswith("notebooks/solutions/"))
    nb.cells.append(nbformat.v4.new_code_cell(f"check({exercise.id!r}, {exercise.answer!r})"))
    nb.cells.append(nbformat.v4.new_markdown_cell(
        private_sentences()[solutions.solutions_path.name][0]))
    nbformat.write(nb, chapter)
    (leaky / "Makefile").write_text((leaky / "Makefile").read_text().replace(
        ".PHONY: help", ".PHONY: help test") + "\ntest:\n\tpython -m tests.run\n")
    found = "\n".join(student_kit_problems(leaky))
    for expected in ("notebooks/solutions/ is in the kit", "a solutions notebook",
                     "an instructor's file: docs/instructor_guide.md", "not cleared",
                     f"check({exercise.id!r}", f"text of {solutions.solutions_path.name}",
                     "text of instructor_guide.md"):
        assert expected in found, expected
    assert "make test runs tests.run, which the kit lacks" in makefile_problems(leaky)


def test_a_ready_chapter_must_be_tracked(monkeypatch):
    files = kits.tracked()
    first = course.ready()[1]
    untracked = [n for n in files if n != f"notebooks/{first.notebook}"]
    with pytest.raises(kits.KitError, match=first.notebook):
        kits.check_tracked(untracked)
    kits.check_tracked(files)


# ------------------------------------------------------------------------------------------
# The instructor's kit and its answer key
# ------------------------------------------------------------------------------------------


def test_instructor_kit_holds_solutions_guide_and_key(instructor):
    expected = {c.solutions_path.name for c in course.ready() if c.solutions_path.is_file()}
    assert expected and {p.name for p in (instructor / "solutions").iterdir()} == expected
    for name in expected:  # executed, as committed
        nb = nbformat.read(instructor / "solutions" / name, as_version=4)
        assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), name
    guide = (ROOT / "docs" / "instructor_guide.md").read_text()
    assert (instructor / "instructor_guide.md").read_text() == guide
    for name in ("answer_key.html", "answer_key.md", "README.md"):
        assert (instructor / name).is_file(), name


def key_articles(page: str) -> dict[str, dict]:
    found = {}
    for match in re.finditer(r'<article class="exercise" id="ex-[^"]+" data-id="([^"]+)" '
                             r'data-answer="([^"]*)">(.*?)</article>', page, re.S):
        body = match.group(3)
        found[html.unescape(match.group(1))] = {
            "answer": html.unescape(match.group(2)),
            "mistakes": [html.unescape(m) for m in re.findall(r'data-mistake="([^"]*)"', body)],
            "body": html.unescape(body),
        }
    return found


def test_answer_key_covers_every_exercise_of_every_ready_chapter(instructor):
    page = (instructor / "answer_key.html").read_text()
    assert "<script" not in page and "http" not in page.split("</style>")[0]
    articles = key_articles(page)
    ready = {c.id for c in course.ready()}
    expected = {i for i in checks.exercises() if i.split(".")[0] in ready}
    assert expected and set(articles) == expected
    for exercise_id, article in articles.items():
        ex = checks.get(exercise_id)
        value = float(article["answer"]) if ex.numeric else article["answer"]
        assert checks.check(exercise_id, value, demo=True).correct, exercise_id
        assert ex.question in article["body"] and "Asked in section" in article["body"]
        assert len(article["mistakes"]) == len(ex.mistakes)
        for shown in article["mistakes"]:
            wrong = float(shown) if ex.numeric else shown
            assert checks.check(exercise_id, wrong, demo=True).status == "mistake", shown
        if ex.numeric:
            assert ex.unit in article["body"].split("Answer:")[1].split("(")[0]
    markdown = (instructor / "answer_key.md").read_text()
    assert set(re.findall(r"^### (\S+) ", markdown, re.M)) == expected
    assert markdown.count("**Answer: ") == len(expected)


def test_answer_key_states_precision_as_asked():
    ex = checks.get("03b.2")
    assert answer_key.precision(ex).startswith("2 decimals")
    assert answer_key.rounded(14.435, 2) == "14.44" and answer_key.rounded(3, 2) == "3.00"
    assert answer_key.with_unit(checks.get("01.1"), "14.44") == "14.44%"


# ------------------------------------------------------------------------------------------
# JupyterHub: the link, and where the course writes
# ------------------------------------------------------------------------------------------


def guide_section(title: str) -> str:
    guide = (ROOT / "docs" / "instructor_guide.md").read_text(encoding="utf-8")
    return guide.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_guide_places_the_hub_section_before_the_chapters():
    guide = (ROOT / "docs" / "instructor_guide.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", guide, re.M)
    first_chapter = headings.index(f"{course.ready()[0].id} · {course.ready()[0].title}")
    hub = headings.index("Teaching with JupyterHub")
    assert headings.index("How a session runs") < hub < first_chapter
    assert headings.index("A suggested syllabus") < first_chapter
    text = guide_section("Teaching with JupyterHub")
    for needed in ("/hub/user-redirect/git-pull?repo=", "requirements.lock", "tools.hub_link",
                   "PYTHONPATH", "pip install --user --no-deps -e .", "test_kits.py"):
        assert needed in text, needed


def test_the_syllabus_gives_each_chapter_its_measured_minutes():
    from tools import notebook_time

    text = guide_section("A suggested syllabus")
    assert 6 <= len(re.findall(r"^### Session \d+ · ", text, re.M)) <= 8
    stated = re.findall(r"`(\d\d[a-z]?)` [^`()]+\((\d+) min\)", " ".join(text.split()))
    assert stated, "no chapter minutes found"
    for chapter_id, minutes in stated:
        measured = notebook_time.minutes(course.chapter(chapter_id).path)
        assert int(minutes) == measured, f"{chapter_id}: {minutes} stated, {measured} measured"
    mentioned = set(re.findall(r"`(\d\d[a-z]?)`", text))
    assert {c.id for c in course.ready()} <= mentioned
    assert "Assessment: the capstone brief" in text


def test_hub_link_pulls_the_repo_and_opens_the_welcome():
    url = hub_link.link("https://hub.example.edu/", "https://git.example.edu/teach/course.git")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https", "hub.example.edu", "/hub/user-redirect/git-pull")
    query = parse_qs(parts.query, strict_parsing=True)
    assert query == {"repo": ["https://git.example.edu/teach/course.git"], "branch": ["main"],
                     "urlpath": ["lab/tree/course/notebooks/00_welcome.ipynb"]}
    with_base = hub_link.link("https://uni.edu/jupyter", "git@git.uni.edu:teach/treasuries",
                              branch="spring", folder="econ101")
    parts = urlsplit(with_base)
    assert parts.path == "/jupyter/hub/user-redirect/git-pull"
    query = parse_qs(parts.query)
    assert query["targetPath"] == ["econ101"] and query["branch"] == ["spring"]
    assert query["urlpath"] == ["lab/tree/econ101/notebooks/00_welcome.ipynb"]
    assert hub_link.folder_of("git@git.uni.edu:teach/treasuries") == "treasuries"
    for bad in ({"hub": "hub.example.edu"}, {"folder": "a/b"}, {"branch": ""}):
        args = {"hub": "https://h.edu", "repo": "https://g.edu/c", **bad}
        with pytest.raises(ValueError):
            hub_link.link(**args)


def test_hub_link_command_line(capsys):
    assert hub_link.main(["--hub", "https://h.edu", "--repo", "https://g.edu/x/course"]) == 0
    assert capsys.readouterr().out.strip() == hub_link.link("https://h.edu",
                                                            "https://g.edu/x/course")


AUDIT_HOOK = '''
import os, sys
_LOG = os.open(os.environ["COURSE_WRITE_LOG"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
_WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_EVENTS = {"os.mkdir", "os.rename", "os.replace", "os.remove", "os.rmdir", "os.symlink",
           "os.link", "os.truncate", "os.chmod", "shutil.rmtree", "shutil.copyfile"}

def _note(event, path):
    if isinstance(path, int) or path is None:
        return
    path = os.fsdecode(path)
    if path == ":memory:":
        return
    os.write(_LOG, f"{event}\\t{os.path.abspath(path)}\\n".encode())

def _hook(event, args):
    if event == "open":
        path, mode, flags = args
        if (isinstance(flags, int) and flags & _WRITE) or (mode and set(str(mode)) & set("wax+")):
            _note(event, path)
    elif event in _EVENTS:
        if event != "shutil.copyfile":  # its first argument is the file it reads
            _note(event, args[0])
        if event in ("os.rename", "os.replace", "os.link", "shutil.copyfile"):
            _note(event, args[1])
    elif event == "sqlite3.connect":
        _note(event, args[0])

sys.addaudithook(_hook)
'''

SESSION = '''
import os, sys
from pathlib import Path

import matplotlib
import nbformat
from jupyter_core import paths
from nbclient import NotebookClient

import lessons_lib
from lessons_lib import data

kit, home = Path(sys.argv[1]), Path(os.environ["HOME"])
assert Path(lessons_lib.__file__).is_relative_to(kit), lessons_lib.__file__
for name in data.available():
    data.load(name, prefer_cache=True)
where = {"lessons_lib cache": data.cache_dir(),
         "matplotlib config": matplotlib.get_configdir(),
         "matplotlib cache": matplotlib.get_cachedir(),
         "jupyter config (JupyterLab settings, workspaces)": paths.jupyter_config_dir(),
         "jupyter data": paths.jupyter_data_dir(), "jupyter runtime": paths.jupyter_runtime_dir()}
for what, folder in where.items():
    assert Path(folder).is_relative_to(home), (what, folder)
for name in sys.argv[2:]:
    nb = nbformat.read(kit / "notebooks" / name, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(kit / "notebooks")}}).execute()
    nbformat.write(nb, home / name)
print("ran", len(sys.argv) - 2)
'''


def test_the_course_writes_only_in_home_and_its_folder(student, tmp_path):
    """Run the kit's welcome and one full chapter (figures, an explorer, self-checks) in a
    kernel, with HOME in a temporary folder and no XDG, Jupyter or matplotlib variables, as on a
    hub. Every file Python opens for writing, creates, renames or removes must be under HOME,
    in the course folder's bytecode caches, or a temporary file in TMPDIR that is gone at the
    end (Python's probe of the temp folder, the kernel's connection file). Writes from compiled
    code that bypass Python's audit events are not seen."""
    course_folder = tmp_path / "course"
    shutil.copytree(student, course_folder)
    home, scratch, hook = tmp_path / "home", tmp_path / "tmp", tmp_path / "hook"
    for folder in (home, scratch, hook):
        folder.mkdir()
    (hook / "sitecustomize.py").write_text(AUDIT_HOOK)
    (tmp_path / "session.py").write_text(SESSION)
    log = tmp_path / "writes.log"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "JUPYTER", "IPYTHON", "MPL", "PYTHON", "LESSONS_LIB"))}
    env.update(HOME=str(home), TMPDIR=str(scratch), COURSE_WRITE_LOG=str(log),
               PYTHONPATH=os.pathsep.join([str(hook), str(course_folder)]))
    chapter = next(c for c in course.ready() if c.id == "03b").notebook
    run = subprocess.run([sys.executable, str(tmp_path / "session.py"), str(course_folder),
                          "00_welcome.ipynb", chapter], env=env, cwd=home,
                         capture_output=True, text=True, timeout=900, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    writes = [line.split("\t", 1) for line in log.read_text().splitlines()]
    assert any(Path(p).is_relative_to(home) for _, p in writes), "the hook recorded nothing"
    outside = sorted({f"{event} {path}" for event, path in writes
                      if not Path(path).is_relative_to(home)
                      and not (Path(path).is_relative_to(course_folder) and "__pycache__" in path)
                      and not Path(path).is_relative_to(scratch)
                      and not path.startswith("/dev/")})
    assert outside == []
    assert list(scratch.iterdir()) == [], "temporary files left in TMPDIR"
    assert (home / chapter).is_file()


def test_kits_command_line_help():
    result = subprocess.run([sys.executable, "-m", "tools.kits", "--help"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "student" in result.stdout
