"""The instructor's kit with its slide decks (make instructor), unpacked and opened offline.

Building the decks needs reveal.js and MathJax, fetched once with npm, and opening one needs
chromium: without them the tests skip locally and fail in CI (COURSE_REQUIRE_BROWSER), as in
test_static_exports.py. tests/course/test_kits.py checks the rest of the kit without decks.
"""

from __future__ import annotations

import time
import zipfile

import pytest
from lab_driver import require_exports

from lessons_lib import course
from tools import kits


@pytest.fixture(scope="module")
def instructor(tmp_path_factory):
    require_exports()
    out = tmp_path_factory.mktemp("kit")
    archive = kits.build_instructor(out)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(out / "unpacked")
    return out / "unpacked" / kits.INSTRUCTOR


def test_instructor_kit_has_a_deck_per_ready_chapter(instructor):
    slides = instructor / "slides"
    assert sorted(p.name for p in slides.glob("*.slides.html")) == sorted(
        f"{c.stem}.slides.html" for c in course.ready())
    for name in ("reveal.js", "mathjax", "requirejs", "jquery", "html-manager"):
        assert (slides / "vendor" / name / ".version").is_file(), name
    for name in ("answer_key.html", "instructor_guide.md", "README.md"):
        assert (instructor / name).is_file()
    assert "slides/" in (instructor / "README.md").read_text()


def test_a_deck_opens_offline_from_the_unpacked_kit(instructor, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    deck = instructor / "slides" / f"{course.ready()[1].stem}.slides.html"
    page.goto(deck.as_uri(), wait_until="load")
    page.wait_for_selector(".reveal.ready", timeout=30_000)
    time.sleep(1.0)
    assert not page.problems, page.problems
    assert all(url.startswith(("file://", "data:", "blob:")) for url in requested), requested
    assert page.evaluate("() => document.querySelectorAll('.slides section').length") >= 5
