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
from prose_maths import TYPESET_TEX_JS, notebook_formulas

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


def unintended_maths(page, intended: set[str]) -> list[str]:
    """Typeset TeX on the page that is no formula of the notebook, or sits in a widget."""
    found = page.evaluate(TYPESET_TEX_JS)
    return [m["tex"][:60] + (" (in a widget)" if m["inWidget"] else "") for m in found
            if m["inWidget"] or m["tex"] not in intended]


def wait_typeset(page) -> None:
    """Wait until MathJax 2 has finished its queue (or is absent)."""
    page.wait_for_function(
        """() => !window.MathJax || !MathJax.Hub || (MathJax.Hub.queue.pending === 0
            && MathJax.Hub.queue.running === 0)""", timeout=30_000)
    time.sleep(0.5)


def source_of(page_path: Path) -> Path:
    stem = page_path.name.split(".")[0]
    for path in [*export.chapters(), *export.solutions()]:
        if path.stem == stem:
            return path
    raise AssertionError(f"no notebook for {page_path.name}")


def test_prose_and_readouts_are_not_typeset_in_decks_and_site(decks, site, page):
    pages = [*decks, *sorted((site / "chapters").glob("*.html"))]
    problems = {}
    for html_page in pages:
        page.goto(html_page.as_uri(), wait_until="load")
        if html_page in decks:
            page.wait_for_selector(".reveal.ready", timeout=30_000)
        time.sleep(1.0)  # the widget renderer adds the explorers after load
        wait_typeset(page)
        bad = unintended_maths(page, notebook_formulas(source_of(html_page)))
        if bad:
            problems[html_page.name] = bad
    assert not problems, f"prose or readouts typeset as maths: {problems}"


def test_explorers_say_they_need_a_kernel_and_show_their_start(decks, site, page):
    pages = [*decks, *sorted((site / "chapters").glob("*.html"))]
    for html_page in pages:
        if "application/vnd.jupyter.widget-view+json" not in html_page.read_text():
            continue
        page.goto(html_page.as_uri(), wait_until="load")
        page.wait_for_selector(".jupyter-widgets .course-readout", state="attached",
                               timeout=30_000)
        time.sleep(1.0)
        explorers = page.evaluate("""() => Array.from(document.querySelectorAll(
            '.course-widget-export')).map(e => ({
                note: (e.querySelector('.course-kernel-note') || {}).textContent || '',
                readout: (e.querySelector('.course-readout') || {}).textContent || '',
                figure: Array.from(e.querySelectorAll('img')).some(i => i.naturalWidth > 0)}))""")
        assert explorers, f"{html_page.name}: an explorer without the export's wrapper"
        for explorer in explorers:
            assert "needs a running kernel" in explorer["note"], html_page.name
            assert "make lab" in explorer["note"], html_page.name
            assert explorer["readout"].strip() and explorer["figure"], (html_page.name, explorer)


def test_site_folds_speaker_notes_and_says_how_to_run_live(site, page):
    for html_page in sorted((site / "chapters").glob("*.html")):
        page.goto(html_page.as_uri(), wait_until="load")
        loose = page.evaluate(r"""() => Array.from(document.querySelectorAll('.jp-MarkdownCell'))
            .filter(c => /^\s*Speaker notes/.test(c.innerText) && !c.closest('details'))
            .length""")
        assert not loose, f"{html_page.name}: {loose} speaker-notes cells shown as prose"
        folded = page.evaluate("""() => Array.from(document.querySelectorAll(
            'details.course-notes')).filter(d => d.open).length""")
        assert not folded, f"{html_page.name}: speaker notes open by default"
        nav = page.inner_text(".course-nav")
        assert "make lab" in nav and "localhost" not in page.content(), html_page.name
    index = (site / "index.html").read_text()
    assert "localhost:8888" not in index and "make lab" in index


SLIDE_WIDTH_PX, SLIDE_HEIGHT_PX = 1280, 720
STEP_JS = "() => location.hash + '|' + document.querySelectorAll('.fragment.visible').length"
# What a viewer sees: the present slide's content, in the deck's own pixels (reveal.js scales
# the 1280x720 slide to the window), measured from the slide's top to the lowest and rightmost
# visible element once its images have loaded. A slide's own scrollHeight missed content that
# overflows inside fixed-height output areas and images that had not loaded yet.
PRESENT_JS = """() => {
    const leaf = Array.from(document.querySelectorAll('.slides section.present'))
        .filter(s => !s.querySelector('section'))[0];
    if (!leaf) return null;
    const images = Array.from(leaf.querySelectorAll('img'));
    if (images.some(i => !i.complete)) return [location.hash, -1, -1, ''];
    const slides = document.querySelector('.reveal .slides');
    const scale = slides.getBoundingClientRect().width / slides.offsetWidth || 1;
    const top = leaf.getBoundingClientRect().top, left = slides.getBoundingClientRect().left;
    let bottom = 0, right = 0, lowest = '';
    for (const el of leaf.querySelectorAll('*')) {
        if (el.closest('aside.notes, .fragment:not(.visible)')) continue;
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const b = (r.bottom - top) / scale, rt = (r.right - left) / scale;
        if (b > bottom) { bottom = b; lowest = (el.textContent || el.tagName).trim().slice(0, 50); }
        right = Math.max(right, rt);
    }
    const first = (leaf.textContent || '').trim().split('\\n')[0].slice(0, 50);
    return [location.hash + ' ' + first, Math.ceil(bottom), Math.ceil(right), lowest];
}"""


def test_every_slide_fits_a_1280_by_720_screen(decks, page):
    page.set_viewport_size({"width": SLIDE_WIDTH_PX, "height": SLIDE_HEIGHT_PX})
    overflowing = {}
    for deck in decks:
        page.goto(deck.as_uri(), wait_until="load")
        page.wait_for_selector(".reveal.ready", timeout=30_000)
        time.sleep(1.5)  # MathJax and the widget renderer finish after reveal
        sizes: dict[str, tuple[int, int, str]] = {}
        for _ in range(500):  # every slide, subslide and fragment, in presenting order
            for _ in range(50):
                measured = page.evaluate(PRESENT_JS)
                if measured and measured[1] >= 0:
                    break
                time.sleep(0.1)
            name, bottom, right, lowest = measured
            if bottom >= sizes.get(name, (0, 0, ""))[0]:
                sizes[name] = (bottom, right, lowest)
            before = page.evaluate(STEP_JS)
            page.keyboard.press("Space")
            time.sleep(0.05)
            if page.evaluate(STEP_JS) == before:
                break
        assert len(sizes) >= 5, f"{deck.name}: stepped through only {len(sizes)} slides"
        tall = {n: f"{b}px tall, {r}px wide, lowest: {low!r}" for n, (b, r, low) in sizes.items()
                if b > SLIDE_HEIGHT_PX + 1 or r > SLIDE_WIDTH_PX + 2}  # sub-pixel rounding
        if tall:
            overflowing[deck.name] = tall
    report = "\n".join(f"{deck}: {name}: {what}" for deck, slides in overflowing.items()
                       for name, what in slides.items())
    assert not overflowing, f"slides that do not fit {SLIDE_WIDTH_PX}x{SLIDE_HEIGHT_PX}:\n{report}"
