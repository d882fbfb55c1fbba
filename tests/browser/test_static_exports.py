"""The offline slide decks (make slides) and the self-study site (make site) in chromium.

Both are built into a temporary folder from the committed notebooks, then opened from disk
(file:// URLs) as a lecturer or student would open them with no network: every page must load
with no console error, no failed request, no request off the disk, and no missing image; every
image must carry a text alternative; the decks' saved widgets must render.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from lab_driver import require_chromium

from tools import build_site, build_slides, export, web_assets

# An explorer's figure sits in a widget beside its text readout, which is its alternative;
# every other image is a figure whose caption must be its alt text.
IMAGES_JS = """() => Array.from(document.images).map(i => ({
    src: i.src.slice(0, 60), ok: i.complete && i.naturalWidth > 0,
    alt: (i.getAttribute('alt') || '').trim()
        || (i.closest('.jupyter-widgets') && i.closest('.jupyter-widgets').parentElement
            .querySelector('.course-readout') ? 'readout' : '') }))"""


def require_exports() -> None:
    """Chromium and the vendored web assets, or skip (locally) / fail (in CI) without them."""
    require_chromium()
    try:
        web_assets.ensure()
    except SystemExit as exc:  # no npm to fetch reveal.js and MathJax with
        if os.environ.get("COURSE_REQUIRE_BROWSER", "") not in ("", "0"):
            pytest.fail(f"COURSE_REQUIRE_BROWSER is set: {exc}", pytrace=False)
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    require_exports()
    return build_slides.build(tmp_path_factory.mktemp("slides"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_exports()
    out = tmp_path_factory.mktemp("site")
    build_site.build(out)
    return out


def off_disk_requests(page) -> list[str]:
    local = ("file://", "data:", "blob:")  # blob: URLs are images the page made itself
    return [url for url in page.requested if not url.startswith(local)]


@pytest.fixture
def recording_page(page):
    page.requested = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requested.append(request.url))
    return page


def load(page, path: Path) -> None:
    page.requested.clear()
    page.problems.clear()
    page.goto(path.as_uri(), wait_until="load")
    time.sleep(0.5)


def check_page(page, path: Path) -> list[dict]:
    assert not page.problems, f"{path.name}: {page.problems}"
    assert not off_disk_requests(page), f"{path.name} asked the network: {off_disk_requests(page)}"
    images = page.evaluate(IMAGES_JS)
    assert all(image["ok"] for image in images), f"{path.name}: missing images {images}"
    assert all(image["alt"] for image in images), f"{path.name}: an image has no alt text"
    return images


def test_every_deck_opens_offline(decks, recording_page):
    assert [d.name for d in decks] == [f"{c.stem}.slides.html" for c in export.chapters()]
    for deck in decks:
        load(recording_page, deck)
        recording_page.wait_for_selector(".reveal.ready", timeout=30_000)
        time.sleep(1.0)  # MathJax and the widget renderer finish after reveal
        check_page(recording_page, deck)
        slides = recording_page.evaluate(
            "() => document.querySelectorAll('.slides section').length"
        )
        assert slides >= 5, f"{deck.name}: only {slides} slides"
        source = deck.read_text()
        if "application/vnd.jupyter.widget-view+json" in source:
            recording_page.wait_for_selector(".reveal .widget-slider", state="attached",
                                             timeout=30_000)


def test_every_site_page_opens_offline_with_working_links(site, recording_page):
    pages = sorted(site.glob("*.html")) + sorted((site / "chapters").glob("*.html"))
    chapter_pages = {p.stem for p in (site / "chapters").glob("*.html")}
    expected = {c.stem for c in export.chapters()} | {s.stem for s in export.solutions()}
    assert chapter_pages == expected
    for html_page in pages:
        load(recording_page, html_page)
        check_page(recording_page, html_page)
        for href in recording_page.evaluate(
            "() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
        ):
            url = urlparse(href)
            if url.scheme == "file":
                assert Path(unquote(url.path)).is_file(), f"{html_page.name}: broken link {href}"
            else:
                assert url.netloc == "localhost:8888" or url.scheme in ("http", "https"), href


def test_chapter_pages_link_glossary_terms_and_render_math(site, recording_page):
    chapter = site / "chapters" / "01_what_is_a_treasury.html"
    load(recording_page, chapter)
    recording_page.wait_for_selector(".MathJax, mjx-container, .MathJax_CHTML", timeout=30_000)
    terms = recording_page.evaluate(
        "() => Array.from(document.querySelectorAll('a.glossary-term')).map(a => a.href)"
    )
    assert len(terms) >= 10
    assert len(set(terms)) == len(terms), "each term is linked once, at its first use"
    text = recording_page.inner_text("main")
    assert "$90" in text, "money must stay text, not turn into math"


SLIDE_HEIGHT_PX = 720
STEP_JS = "() => location.hash + '|' + document.querySelectorAll('.fragment.visible').length"
PRESENT_JS = """() => {
    const leaf = Array.from(document.querySelectorAll('.slides section.present'))
        .filter(s => !s.querySelector('section'))[0];
    return leaf ? [location.hash, leaf.scrollHeight] : null;
}"""


def test_every_slide_fits_a_1280_by_720_screen(decks, page):
    page.set_viewport_size({"width": 1280, "height": 720})
    for deck in decks:
        page.goto(deck.as_uri(), wait_until="load")
        page.wait_for_selector(".reveal.ready", timeout=30_000)
        time.sleep(1.0)
        heights = {}
        for _ in range(500):  # every slide, subslide and fragment, in presenting order
            hash_, height = page.evaluate(PRESENT_JS)
            heights[hash_] = max(heights.get(hash_, 0), height)
            before = page.evaluate(STEP_JS)
            page.keyboard.press("Space")
            time.sleep(0.03)
            if page.evaluate(STEP_JS) == before:
                break
        assert len(heights) >= 5, f"{deck.name}: stepped through only {len(heights)} slides"
        tall = {h: px for h, px in heights.items() if px > SLIDE_HEIGHT_PX}
        assert not tall, f"{deck.name}: slides taller than {SLIDE_HEIGHT_PX}px: {tall}"
