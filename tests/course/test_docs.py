"""The glossary covers every term the chapters introduce; captions become alt text.

(The instructor's guide against the chapter list: tests/course/test_course.py.)
"""

import re
from pathlib import Path

import nbformat
import pytest

from tools import export
from tools.book import glossary

ROOT = Path(__file__).resolve().parents[2]

GLOSSARY = {term.lower() for term in glossary.glossary_terms()}
CHAPTERS = export.chapters()


def introduced_terms(path: Path) -> list[str]:
    text = "\n\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
    match = re.search(r"\*\*Glossary terms introduced:\*\*(.+?)(?:\n\n|$)", text, re.S)
    assert match, f"{path.name} has no 'Glossary terms introduced' list"
    return [t.strip().rstrip(".") for t in " ".join(match.group(1).split()).split(",")]


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_every_introduced_term_has_a_glossary_entry(path):
    missing = [t for t in introduced_terms(path) if t.lower() not in GLOSSARY]
    assert not missing, f"{path.name}: no glossary entry for {missing}"


def test_glossary_entries_are_unique_and_defined():
    text = (ROOT / "docs" / "glossary.md").read_text()
    terms = glossary.glossary_terms()
    assert len(terms) == len(set(terms))
    for block in text.split("\n### ")[1:]:
        assert len(block.split("\n", 1)[1].split()) >= 8, f"{block[:30]}: define it"


def test_first_use_linking():
    text = "A `maturity` in code, $maturity$ in math, then maturity in prose and maturity again."
    linked = glossary._link_first(text, "maturity", "g.html#maturity")
    assert linked.count('href="g.html#maturity"') == 1
    assert "then <a class" in linked and "`maturity`" in linked and "$maturity$" in linked
    assert glossary._link_first("# Maturity heading only", "maturity", "x") is None


def test_captions_become_alt_text():
    nb = export.prepare(ROOT / "notebooks" / "01_what_is_a_treasury.ipynb")
    alts = [
        o["metadata"]["alt"] for c in nb.cells if c.cell_type == "code"
        for o in c.get("outputs", []) if "image/png" in o.get("data", {})
    ]
    assert alts and all(a.startswith("Figure") for a in alts)
    assert any("$90" in a for a in alts), "money in captions stays money"


def test_the_contributing_sections_the_tests_and_tools_cite_exist():
    headings = set(re.findall(r"^#+ (.+)$", (ROOT / "docs" / "CONTRIBUTING.md").read_text(), re.M))
    citing = [ROOT / "tests" / "course" / "test_notebooks.py", ROOT / "tools" / "export.py"]
    cited = {
        section
        for path in citing
        for group in re.findall(r'CONTRIBUTING\.md, ((?:"[^"]+"(?: and )?)+)', path.read_text())
        for section in re.findall(r'"([^"]+)"', group)
    }
    assert len(cited) >= 6, cited
    assert cited <= headings, f"cited but not in docs/CONTRIBUTING.md: {cited - headings}"
