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
def test_rise_presents_every_notebook_at_1280_by_720(nb):
    """CONTRIBUTING.md, "Slides and speaker notes": without its RISE settings a notebook is
    presented at RISE's defaults, and slides that fit the decks overflow in JupyterLab."""
    rise = json.loads(nb.read_text(encoding="utf-8"))["metadata"].get("rise", {})
    assert (rise.get("width"), rise.get("height"), rise.get("scroll")) == (1280, 720, True)


IGNORE_TAG = "nbval-ignore-output"
"""The cell tag that tells nbval not to compare a cell's output (nbval 0.11 honours it as it
does the comment ``# NBVAL_IGNORE_OUTPUT``, which students would see in the code)."""


def tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def is_explorer(cell: dict) -> bool:
    lines = source(cell).strip().splitlines()
    return cell["cell_type"] == "code" and bool(lines) and lines[-1].strip().endswith(".ui")


def shows_figure(cell: dict) -> bool:
    return "figure" in tags(cell) or any(
        "image/png" in o.get("data", {}) for o in cell.get("outputs", []))


@pytest.mark.parametrize("nb", NOTEBOOKS + SOLUTIONS, ids=ids(NOTEBOOKS + SOLUTIONS))
def test_no_nbval_comments_in_student_code(nb):
    """The brief's convention 3: nbval markers are cell tags, which students do not see."""
    marked = [i for i, c in enumerate(cells(nb))
              if c["cell_type"] == "code" and re.search(r"#\s*(NBVAL|PYTEST_VALIDATE)_", source(c))]
    assert not marked, f"cells {marked}: use the tag {IGNORE_TAG!r} instead of a # NBVAL_ comment"


@pytest.mark.parametrize("nb", NOTEBOOKS + SOLUTIONS, ids=ids(NOTEBOOKS + SOLUTIONS))
def test_output_comparison_is_skipped_only_for_figures_and_widgets(nb):
    """CONTRIBUTING.md, "Committing a chapter": only a widget or figure cell is not compared."""
    for index, c in enumerate(cells(nb)):
        if IGNORE_TAG in tags(c):
            assert is_explorer(c) or shows_figure(c), (
                f"cell {index}: only widget and figure cells may skip nbval: {source(c)[:80]}")


PREDICT = "**Predict.**"


def slide_type(cell: dict) -> str:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "")


def ends_reveal(cell: dict) -> bool:
    """A Markdown cell that ends a prediction's reveal: a new slide, a heading or **Reveal.**"""
    text = source(cell).lstrip()
    return cell["cell_type"] == "markdown" and (
        slide_type(cell) == "slide" or text.startswith("#") or text.startswith("**Reveal"))


def predictions(nb_cells: list[dict]) -> list[tuple[int, list[int]]]:
    """(index of each **Predict.** cell, indices of the code cells of its reveal).

    The rule: a prediction is a Markdown cell holding ``**Predict.**``; its reveal is every
    cell after it up to the next Markdown cell that opens a new slide (slide type "slide"),
    starts with a heading, or starts with ``**Reveal.**``, or up to the next prediction.
    """
    found = []
    for index, cell in enumerate(nb_cells):
        if cell["cell_type"] != "markdown" or PREDICT not in source(cell):
            continue
        reveal = []
        for later in range(index + 1, len(nb_cells)):
            after = nb_cells[later]
            if ends_reveal(after) or PREDICT in source(after):
                break
            if after["cell_type"] == "code":
                reveal.append(later)
        found.append((index, reveal))
    return found


def hidden(cell: dict) -> bool:
    return bool(cell.get("metadata", {}).get("jupyter", {}).get("outputs_hidden"))


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_prediction_reveals_are_hidden_until_run(nb):
    """The brief's convention 2: a reveal's saved output is folded away (outputs_hidden) so
    that the answer does not sit under the question. An explorer is exempt: it opens at its
    starting values, before the student moves anything."""
    nb_cells = cells(nb)
    shown = [
        (predict, code)
        for predict, reveal in predictions(nb_cells)
        for code in reveal
        if nb_cells[code].get("outputs") and not is_explorer(nb_cells[code])
        and not hidden(nb_cells[code])
    ]
    assert not shown, (
        f"{nb.name}: (prediction cell, code cell) pairs whose reveal shows its saved output; "
        f'set the code cell\'s metadata "jupyter": {{"outputs_hidden": true}}: {shown}')


PREDICTED_NUMBER = r"predict\w*\W+(?:\w+\W+){0,3}?-?\$?\d+(?:\.\d+)?\s?%"
NUMBER = re.compile(r"(?<![\w.])-?\d+\.\d+|(?<![\w.])-?\d+(?=\s?%)")


def output_text(cell: dict) -> str:
    parts = []
    for output in cell.get("outputs", []):
        text = output.get("text") or output.get("data", {}).get("text/plain", "")
        parts.append("".join(text) if isinstance(text, list) else text)
    return "\n".join(parts)


def numbers_in(text: str) -> set[str]:
    return set(NUMBER.findall(text.replace(",", "")))


def same_at_precision(noted: str, printed: str) -> bool:
    decimals = len(noted.split(".")[1]) if "." in noted else 0
    return round(float(printed), decimals) == float(noted)


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_speaker_notes_do_not_give_a_prediction_away(nb):
    """The brief's convention 2: speaker notes sit in the student's path, so a notes cell must
    not state the number a later reveal prints (unless the prose before the prediction already
    gives it), nor tell what the room will predict before any prediction is asked (a notes
    cell after a prediction comments on that one).

    A heuristic: numbers with a decimal point or a % sign are compared at the notes'
    precision with the printed outputs of the next prediction's reveal."""
    nb_cells = cells(nb)
    spans = predictions(nb_cells)
    problems = []
    for index, cell in enumerate(nb_cells):
        if slide_type(cell) != "notes":
            continue
        following = [(p, reveal) for p, reveal in spans if p > index]
        if not following:
            continue
        predict, reveal = following[0]
        noted = numbers_in(source(cell))
        printed = {n for code in reveal for n in numbers_in(output_text(nb_cells[code]))}
        visible_before = " ".join(
            source(c) for c in nb_cells[: predict + 1]
            if c["cell_type"] == "markdown" and slide_type(c) != "notes")
        known = numbers_in(visible_before)
        for number in noted - known:
            if any(same_at_precision(number, p) for p in printed):
                problems.append(f"notes cell {index} states {number}, which the reveal of the "
                                f"prediction in cell {predict} prints")
        after_a_prediction = any(p < index for p, _ in spans)  # notes on the one just made
        says_prediction = re.search(PREDICTED_NUMBER, source(cell), re.I)
        if not after_a_prediction and says_prediction:
            problems.append(f"notes cell {index} says what the room will predict, before the "
                            f"prediction in cell {predict}: move it after the prediction")
    assert not problems, "\n".join(problems)


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
