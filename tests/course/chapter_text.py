"""The Markdown a chapter's prose tests read: one helper for every test_chapter*_prose.py."""

import json

from lessons_lib import course


def chapter_prose(chapter_id: str, solutions: bool = False, notes: bool = True) -> str:
    """The chapter's (or its solutions notebook's) Markdown cells as one line of text: line
    breaks collapsed and the \\\\$ of money read as $. ``notes=False`` leaves out the speaker
    notes."""
    chapter = course.chapter(chapter_id)
    path = chapter.solutions_path if solutions else chapter.path
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown" and (
        notes or c["metadata"].get("slideshow", {}).get("slide_type") != "notes"))
    return " ".join(text.replace("\\\\$", "$").split())
