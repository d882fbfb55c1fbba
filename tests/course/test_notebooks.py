"""The notebooks follow the chapter template of docs/CONTRIBUTING.md, beyond running (nbval).

Each test names the section of docs/CONTRIBUTING.md whose rule it checks.
"""

import json
import re
from pathlib import Path

import pytest

from lessons_lib import checks, course, data, holdings
from tools import export, notebook_time

ROOT = course.ROOT

NOTEBOOKS = export.chapters()
SOLUTIONS = export.solutions()
CHAPTERS = [c.path for c in course.ready() if c.id != "00"]
CHECK_CALL = re.compile(r"""check\(\s*["']([\w.]+)["']""")


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def chapter_id(path: Path) -> str:
    return next(c.id for c in course.CHAPTERS if c.path == path)


def ids(paths):
    return [p.name for p in paths]


def test_the_course_has_its_first_notebooks():
    names = {nb.name for nb in NOTEBOOKS}
    assert {"00_welcome.ipynb", "01_what_is_a_treasury.ipynb"} <= names


@pytest.mark.parametrize("nb", NOTEBOOKS + SOLUTIONS, ids=ids(NOTEBOOKS + SOLUTIONS))
def test_committed_executed_in_order_without_errors(nb):
    """CONTRIBUTING.md, "Committing a chapter"."""
    saved = json.loads(nb.read_text(encoding="utf-8"))
    assert saved["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in saved["cells"] if c["cell_type"] == "code" and source(c).strip()]
    counts = [c["execution_count"] for c in code]
    assert None not in counts, "commit notebooks executed"
    assert counts == list(range(1, len(code) + 1)), "re-run top to bottom in a fresh kernel"
    for c in code:
        assert all(o["output_type"] != "error" for o in c["outputs"])
    assert not re.search(r"0x[0-9a-f]{8,}", json.dumps(saved["cells"])), "memory address"


@pytest.mark.parametrize("nb", NOTEBOOKS + SOLUTIONS, ids=ids(NOTEBOOKS + SOLUTIONS))
def test_every_cell_has_slide_metadata(nb):
    """CONTRIBUTING.md, "Slides and speaker notes"."""
    allowed = {"slide", "subslide", "fragment", "-", "skip", "notes"}
    for c in cells(nb):
        assert c["metadata"].get("slideshow", {}).get("slide_type") in allowed, source(c)[:60]
    assert cells(nb)[0]["metadata"]["slideshow"]["slide_type"] == "slide"


@pytest.mark.parametrize("nb", NOTEBOOKS + SOLUTIONS, ids=ids(NOTEBOOKS + SOLUTIONS))
def test_output_comparison_is_skipped_only_for_figures_and_widgets(nb):
    """CONTRIBUTING.md, "Committing a chapter"."""
    for c in cells(nb):
        text = source(c)
        if c["cell_type"] == "code" and "NBVAL_IGNORE_OUTPUT" in text:
            assert text.rstrip().endswith(".ui"), f"only widget cells may skip nbval: {text[:80]}"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_stated_time_is_the_measured_time_and_at_most_an_hour(nb):
    """CONTRIBUTING.md, "Title, summary, objectives, prerequisites, time"."""
    stated = notebook_time.stated_minutes(nb)
    assert stated is not None, "the first cell states the time to work through"
    assert stated == notebook_time.minutes(nb), "re-run python -m tools.notebook_time and update"
    assert stated <= 60, "split a chapter that runs past an hour"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_objectives_are_each_checked_by_a_self_check_in_the_notebook(nb):
    """CONTRIBUTING.md, "Title, summary, objectives, prerequisites, time" and "Exercises"."""
    leading = []
    for c in cells(nb):
        if c["cell_type"] == "code":
            break
        leading.append(source(c))
    objectives = re.findall(r"\*\*(\d\d[a-z]?-O\d)\*\*", "\n".join(leading))
    assert 1 <= len(objectives) <= 5 if nb.name.startswith("00_") else 3 <= len(objectives) <= 5
    code = [source(c) for c in cells(nb) if c["cell_type"] == "code"]
    called = {m for text in code for m in CHECK_CALL.findall(text)}
    bank = checks.exercises()
    assert called <= set(bank), f"unknown exercises: {called - set(bank)}"
    mine = {ex.id for ex in bank.values() if ex.id.split(".")[0] == chapter_id(nb)}
    assert mine <= called, f"exercises never asked in the notebook: {mine - called}"
    for objective in objectives:
        assert any(bank[i].objective == objective for i in called), f"{objective} is unchecked"


@pytest.mark.parametrize("nb", CHAPTERS, ids=ids(CHAPTERS))
def test_chapter_template(nb):
    """CONTRIBUTING.md, "The chapter template": the parts every chapter after 00 has."""
    text = "\n".join(source(c) for c in cells(nb) if c["cell_type"] == "markdown")
    for heading in ("## From the article", "## Claim check", "## Key takeaways",
                    "## Further reading", "**Glossary terms introduced:**"):
        assert heading in text, heading
    assert text.count("**Predict.**") >= 2, "two predictions at least"
    assert len(re.findall(r"#+ Misconception", text)) >= 2, "two named misconceptions at least"
    assert re.search(r"needs qualification|\bcorrect\b|\bwrong\b", text.split("## Claim check")[1])
    assert any(source(c).rstrip().endswith(".ui") for c in cells(nb)), "an interactive explorer"
    assert any("data.load(" in source(c) for c in cells(nb)), "real data"


@pytest.mark.parametrize("nb", NOTEBOOKS + SOLUTIONS, ids=ids(NOTEBOOKS + SOLUTIONS))
def test_every_figure_has_a_caption_right_after_it(nb):
    """CONTRIBUTING.md, "Real data" (the rule itself: tools/export.py, figure_captions)."""
    missing = [index for index, caption in export.figure_captions(cells(nb)) if caption is None]
    assert not missing, f"figures in cells {missing} have no caption right after them"


def test_each_chapter_has_a_worked_solutions_notebook_that_checks_every_exercise():
    """CONTRIBUTING.md, "Exercises"."""
    bank = checks.exercises()
    for ex in bank.values():
        path = ROOT / ex.solution.split(",")[0]
        assert path.is_file(), (ex.id, path)
        if "solutions" in path.parts:
            solved = {m for c in cells(path) for m in CHECK_CALL.findall(source(c))}
            assert ex.id in solved, f"{path.name} does not solve {ex.id}"


def test_01b_states_the_average_maturity_the_model_uses():
    """CONTRIBUTING.md, "Numbers in prose": 01b quotes the figure holdings reads from the data."""
    wam = data.load("wam_marketable")
    latest = wam.index.max()
    text = "\n".join(source(c) for c in cells(course.chapter("01b").path))
    stated = f"({wam.loc[latest, 'wam_months']:.0f} months in {latest:%B %Y})"
    assert stated in text
    assert holdings.AVERAGE_MATURITY_YEARS == wam.loc[latest, "wam_months"] / 12
