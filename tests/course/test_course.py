"""The one list of chapters (lessons_lib.course) and every document that repeats it."""

import json
import re
import sys
import textwrap

import pytest

from lessons_lib import checks, course, exercises
from tools import export

ROOT = course.ROOT


def first_cell(path) -> str:
    return "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])


def test_ids_notebooks_and_titles_are_unique_and_well_formed():
    ids = [c.id for c in course.CHAPTERS]
    assert len(set(ids)) == len(ids) and len({c.notebook for c in course.CHAPTERS}) == len(ids)
    for c in course.CHAPTERS:
        assert re.fullmatch(r"\d\d[a-z]?", c.id), c.id
        assert c.notebook.startswith(c.id + "_") and c.notebook.endswith(".ipynb")
        assert c.title[0].isupper() and c.summary and "\n" not in c.summary
    ready = [c.ready for c in course.CHAPTERS]
    assert ready == sorted(ready, reverse=True), "chapters are written in order"


def test_the_notebooks_on_disk_are_the_ready_chapters():
    on_disk = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert on_disk == sorted(c.path for c in course.ready())
    solutions = sorted((ROOT / "notebooks" / "solutions").glob("*.ipynb"))
    assert solutions == export.solutions()
    assert export.chapters() == [c.path for c in course.ready()]


@pytest.mark.parametrize("chapter", course.ready(), ids=lambda c: c.id)
def test_each_notebook_title_starts_with_its_id_and_title(chapter):
    assert first_cell(chapter.path).startswith(f"# {chapter.id} · {chapter.title}")


def test_the_readme_chapter_table_is_the_list():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| (.+?) \|$", readme, re.M)
    expected = [(c.stem, ("" if c.ready else "(planned) ") + c.summary) for c in course.CHAPTERS]
    assert rows == expected


def test_the_instructor_guide_has_a_section_for_each_ready_chapter_and_no_other():
    guide = (ROOT / "docs" / "instructor_guide.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## (\w+) · (.+)$", guide, re.M)
    assert sections == [(c.id, c.title) for c in course.ready()]


def test_the_welcome_learning_path_lists_every_chapter_and_the_written_ones():
    cells = json.loads((ROOT / "notebooks" / "00_welcome.ipynb").read_text())["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    path = text.split("## The learning path", 1)[1]
    assert re.findall(r"^\| (\d\d[a-z]?) \|", path, re.M) == [c.id for c in course.CHAPTERS]
    written = re.search(r"Chapters ([\w ,]+?) are written", path).group(1)
    assert re.findall(r"\d\d[a-z]?", written) == [c.id for c in course.ready()]


def test_chapter_lookups():
    assert course.chapter("01b").notebook == "01b_who_holds_treasuries.ipynb"
    assert course.chapter_of_module("lessons_lib.exercises.ch01b").id == "01b"
    with pytest.raises(ValueError, match="known ids: 00, 01, 01a, 01b"):
        course.chapter("1")
    with pytest.raises(ValueError, match="not named ch<chapter id>"):
        course.chapter_of_module("lessons_lib.exercises.model")


def test_a_new_chapter_module_of_exercises_is_found_without_registration(tmp_path, monkeypatch):
    # a new chapter after the last one declared, planned: no module can exist for it yet
    new_id = f"{int(course.CHAPTERS[-1].id[:2]) + 1:02d}"
    scratch = course.Chapter(new_id, f"{new_id}_scratch.ipynb", "Scratch", "a scratch chapter",
                             ready=False)
    monkeypatch.setattr(course, "CHAPTERS", (*course.CHAPTERS, scratch))
    (tmp_path / f"ch{new_id}.py").write_text(textwrap.dedent('''
        from lessons_lib.exercises.model import ExerciseMaker

        exercise = ExerciseMaker.for_module(__name__)
        EXERCISES = (
            exercise(1, objective=1, question="Pick b.", answer="b", choices=("a", "b"),
                     mistakes={"a": "Not a."}, hint="b.", explanation="b it is."),
        )
    '''))
    monkeypatch.setattr(exercises, "__path__", [*exercises.__path__, str(tmp_path)])
    checks._chapter_exercises.cache_clear()
    try:
        found = checks.get(f"{new_id}.1")
        assert found.objective == f"{new_id}-O1"
        solutions = f"notebooks/solutions/{new_id}_scratch_solutions.ipynb"
        assert found.solution == f"{solutions}, exercise {new_id}.1"
    finally:
        sys.modules.pop(f"lessons_lib.exercises.ch{new_id}", None)
        monkeypatch.undo()
        checks._chapter_exercises.cache_clear()
    assert f"{new_id}.1" not in checks.exercises()


def test_a_module_named_after_no_chapter_is_an_error(tmp_path, monkeypatch):
    ids = {c.id for c in course.CHAPTERS}
    unknown = next(f"{n:02d}" for n in range(99, 0, -1) if f"{n:02d}" not in ids)
    (tmp_path / f"ch{unknown}.py").write_text("EXERCISES = ()\n")
    monkeypatch.setattr(exercises, "__path__", [*exercises.__path__, str(tmp_path)])
    with pytest.raises(ValueError, match=f"'{unknown}' is not a chapter"):
        course.chapter_modules("lessons_lib.exercises")
