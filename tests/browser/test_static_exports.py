"""The offline slide decks (make slides) and the self-study site (make site) in chromium.

Both are built into a temporary folder from the committed notebooks, then opened from disk
(file:// URLs) as a lecturer or student would open them with no network: every page must load
with no console error, no failed request, no request off the disk, and no missing image; every
image must carry a text alternative; the decks' saved widgets must render. The site is a
Jupyter Book (tools/book): its sidebar, search, previous/next links, folded solutions and
download and launch links are checked too.
"""

from __future__ import annotations

import html
import json
import re
import time
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from lab_driver import require_exports
from prose_maths import TYPESET_TEX_JS, notebook_formulas

from lessons_lib import course
from tools import book, build_slides, export
from tools.book import stage

# An explorer's figure sits in a widget beside its text readout, which is its alternative;
# every other image is a figure whose caption must be its alt text.
IMAGES_JS = """() => Array.from(document.images).map(i => ({
    src: i.src.slice(0, 60), ok: i.complete && i.naturalWidth > 0,
    alt: (i.getAttribute('alt') || '').trim()
        || (i.closest('.jupyter-widgets') && i.closest('.jupyter-widgets').parentElement
            .querySelector('.course-readout') ? 'readout' : '') }))"""


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    require_exports()
    return build_slides.build(tmp_path_factory.mktemp("slides"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_exports()
    out = tmp_path_factory.mktemp("site")
    book.build(out)
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
    # leave the last page first: its unfinished loads (MathJax's fonts) end there, aborted
    page.goto("about:blank")
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


def site_pages(site: Path) -> list[Path]:
    """Every HTML page of the book (the theme's own files under _static/ are not pages)."""
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).parts[0]
                  .startswith("_"))


def chapter_pages(site: Path) -> list[Path]:
    """The ready chapters' pages and their worked solutions' pages."""
    return [*sorted((site / "notebooks").glob("*.html")),
            *sorted((site / "notebooks" / "solutions").glob("*.html"))]


def test_every_site_page_opens_offline_with_working_links(site, recording_page):
    chapters = {p.stem for p in chapter_pages(site)}
    expected = {c.stem for c in export.chapters()} | {s.stem for s in export.solutions()}
    assert chapters == expected
    for html_page in site_pages(site):
        load(recording_page, html_page)
        check_page(recording_page, html_page)
        for href in recording_page.evaluate(
            "() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
        ):
            url = urlparse(href)
            if url.scheme == "file":
                assert Path(unquote(url.path)).is_file(), f"{html_page.name}: broken link {href}"
            else:
                assert url.scheme in ("http", "https"), f"{html_page.name}: {href}"
                assert "localhost" not in url.netloc and "127.0.0.1" not in url.netloc, href


def test_chapter_pages_link_glossary_terms_and_render_math(site, recording_page):
    chapter = site / "notebooks" / "01_what_is_a_treasury.html"
    load(recording_page, chapter)
    recording_page.wait_for_selector(".MathJax_CHTML", state="attached", timeout=30_000)
    wait_typeset(recording_page)
    shown = recording_page.evaluate("""() => Array.from(document.querySelectorAll(
        '.MathJax_CHTML')).filter(m => m.getBoundingClientRect().width > 0).length""")
    assert shown >= 3, f"only {shown} formulas rendered in view"
    terms = recording_page.evaluate(
        "() => Array.from(document.querySelectorAll('a.glossary-term')).map(a => a.href)"
    )
    assert len(terms) >= 10
    text = recording_page.inner_text("main")
    assert "$90" in text, "money must stay text, not turn into math"


def test_each_glossary_term_is_linked_once_to_an_entry_that_exists(site):
    glossary = (site / "docs" / "glossary.html").read_text(encoding="utf-8")
    entries = set(re.findall(r'id="([^"]+)"', glossary))
    link = re.compile(r'<a class="glossary-term" href="([^"#]*)#([^"]+)"')
    for html_page in chapter_pages(site):
        anchors = [target for _, target in link.findall(html_page.read_text(encoding="utf-8"))]
        assert len(set(anchors)) == len(anchors), f"{html_page.name}: a term linked twice"
        assert set(anchors) <= entries, f"{html_page.name}: {set(anchors) - entries}"
    assert len(link.findall((site / "notebooks" / "03b_the_yield_curve.html").read_text())) >= 5


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


def sources_of(page_path: Path) -> list[Path]:
    """The notebooks a page shows: a deck's or a solutions page's one notebook; a chapter's
    page also shows its worked solutions (folded under the self-checks)."""
    stem = page_path.name.split(".")[0]
    for chapter in course.ready():
        if stem == chapter.stem:
            return [p for p in (chapter.path, chapter.solutions_path) if p.is_file()]
        if stem == chapter.solutions_path.stem:
            return [chapter.solutions_path]
    raise AssertionError(f"no notebook for {page_path.name}")


def test_prose_and_readouts_are_not_typeset_in_decks_and_site(decks, site, page):
    pages = [*decks, *chapter_pages(site)]
    problems = {}
    for html_page in pages:
        page.goto(html_page.as_uri(), wait_until="load")
        if html_page in decks:
            page.wait_for_selector(".reveal.ready", timeout=30_000)
        time.sleep(1.0)  # the widget renderer adds the explorers after load
        wait_typeset(page)
        intended = set().union(*(notebook_formulas(p) for p in sources_of(html_page)))
        bad = unintended_maths(page, intended)
        if bad:
            problems[html_page.name] = bad
    assert not problems, f"prose or readouts typeset as maths: {problems}"


# An explorer's exported cell: the deck's template wraps the widget with its note; on the
# book the cell carries the tag course-explorer (tools/book/stage.py).
EXPLORERS_JS = """selector => Array.from(document.querySelectorAll(selector)).map(e => ({
    note: (e.querySelector('.course-kernel-note') || {}).textContent || '',
    readout: (e.querySelector('.course-readout') || {}).textContent || '',
    figure: Array.from(e.querySelectorAll('img')).some(i => i.naturalWidth > 0)}))"""


def test_explorers_say_they_need_a_kernel_and_show_their_start(decks, site, page):
    pages = [*decks, *chapter_pages(site)]
    for html_page in pages:
        if "application/vnd.jupyter.widget-view+json" not in html_page.read_text():
            continue
        page.goto(html_page.as_uri(), wait_until="load")
        page.wait_for_selector(".jupyter-widgets .course-readout", state="attached",
                               timeout=30_000)
        time.sleep(1.0)
        selector = ".course-widget-export" if html_page in decks else ".tag_course-explorer"
        explorers = page.evaluate(EXPLORERS_JS, selector)
        assert explorers, f"{html_page.name}: an explorer without the export's wrapper"
        for explorer in explorers:
            assert "needs a running kernel" in explorer["note"], html_page.name
            assert "make lab" in explorer["note"], html_page.name
            assert explorer["readout"].strip() and explorer["figure"], (html_page.name, explorer)


def test_site_folds_speaker_notes_and_says_how_to_run_live(site, page):
    for html_page in chapter_pages(site):
        page.goto(html_page.as_uri(), wait_until="load")
        loose = page.evaluate(r"""() => Array.from(document.querySelectorAll('main p'))
            .filter(p => /^\s*Speaker notes[.:]/.test(p.innerText) && !p.closest('details'))
            .length""")
        assert not loose, f"{html_page.name}: {loose} speaker-notes paragraphs shown as prose"
        folded = page.evaluate("""() => Array.from(document.querySelectorAll(
            'details.course-notes')).filter(d => d.open).length""")
        assert not folded, f"{html_page.name}: speaker notes open by default"
        live = page.inner_text(".course-run-live")
        notebook = sources_of(html_page)[0].relative_to(course.ROOT).as_posix()
        assert "make lab" in live and notebook in live, (html_page.name, live)
        assert "localhost" not in page.content(), html_page.name
    assert any('course-notes' in p.read_text() for p in chapter_pages(site)), "no notes folded"
    page.goto((site / "index.html").as_uri(), wait_until="load")
    assert "localhost" not in page.content() and "make lab" in page.inner_text("main")


def test_sidebar_lists_every_ready_chapter_and_pages_link_previous_and_next(site, page):
    ready = course.ready()
    page.goto((site / "index.html").as_uri(), wait_until="load")
    sidebar = page.inner_text("nav.bd-docs-nav")
    for chapter in ready:
        assert f"{chapter.id} · {chapter.title}" in sidebar, f"{chapter.id} not in the sidebar"
    assert "Glossary" in sidebar and "Instructor's guide" in sidebar.replace("’", "'")
    order = [site / "index.html", *(site / "notebooks" / f"{c.stem}.html" for c in ready)]
    for index in range(1, len(order)):
        before, here = order[index - 1], order[index]
        after = order[index + 1] if index + 1 < len(order) else None
        page.goto(here.as_uri(), wait_until="load")
        links = page.evaluate("""() => ({
            prev: (document.querySelector('a.left-prev') || {}).href || '',
            next: (document.querySelector('a.right-next') || {}).href || ''})""")
        assert links["prev"] == before.as_uri(), (here.name, links)
        if after is not None:
            assert links["next"] == after.as_uri(), (here.name, links)


def test_search_finds_a_term_offline(site, recording_page):
    load(recording_page, site / "notebooks" / "01_what_is_a_treasury.html")
    recording_page.click("button.search-button-field >> visible=true")
    recording_page.keyboard.type("convexity")
    recording_page.keyboard.press("Enter")
    recording_page.wait_for_selector("#search-results li a", timeout=30_000)
    time.sleep(0.5)
    results = recording_page.evaluate(
        "() => Array.from(document.querySelectorAll('#search-results li a')).map(a => a.href)")
    assert recording_page.url.startswith((site / "search.html").as_uri())
    assert any("glossary.html" in r for r in results), results
    assert any("03_rising_yields.html" in r for r in results), results
    check_page(recording_page, site / "search.html")


SOLUTIONS_JS = """() => Array.from(document.querySelectorAll('details.course-solution')).map(
    d => ({open: d.open, title: d.querySelector('summary').innerText, text: d.textContent}))"""


def test_worked_solutions_are_folded_closed_under_each_self_check(site, page):
    for chapter in course.ready():
        if not chapter.solutions_path.is_file():
            continue
        exercises = stage.worked_solutions(chapter)
        chapter_page = site / "notebooks" / f"{chapter.stem}.html"
        solutions_page = site / "notebooks" / "solutions" / f"{chapter.solutions_path.stem}.html"
        for html_page in (chapter_page, solutions_page):
            page.goto(html_page.as_uri(), wait_until="load")
            dropdowns = page.evaluate(SOLUTIONS_JS)
            assert len(dropdowns) == len(exercises), (html_page.name, len(dropdowns))
            assert not any(d["open"] for d in dropdowns), f"{html_page.name}: a solution is open"
            assert all("check(" in d["text"] for d in dropdowns), html_page.name
        page.goto(chapter_page.as_uri(), wait_until="load")
        titles = " ".join(d["title"] for d in page.evaluate(SOLUTIONS_JS))
        assert all(f"{exercise} ·" in titles for exercise in exercises), (chapter.id, titles)
        links = page.evaluate("() => Array.from(document.querySelectorAll('a')).map(a => a.href)")
        assert solutions_page.as_uri() in links, f"{chapter.id}: no link to its solutions"


def test_each_chapter_page_offers_its_notebook_to_download(site, page):
    for html_page in chapter_pages(site):
        page.goto(html_page.as_uri(), wait_until="load")
        hrefs = page.evaluate("""() => Array.from(document.querySelectorAll(
            '.btn-download-source-button')).map(a => a.href)""")
        notebook = sources_of(html_page)[0]
        target = site / "_sources" / notebook.relative_to(course.ROOT)
        assert target.as_uri() in hrefs, (html_page.name, hrefs)
        downloaded = json.loads(target.read_text(encoding="utf-8"))
        committed = json.loads(notebook.read_text(encoding="utf-8"))
        assert [c["source"] for c in downloaded["cells"]] == [
            c["source"] for c in committed["cells"]], f"{html_page.name}: not the notebook itself"


def test_a_hub_and_a_repository_give_each_page_a_jupyterhub_launch_link(tmp_path):
    require_exports()
    hub, repo = "https://hub.example.edu", "https://git.example.edu/econ/treasuries.git"
    book.build(tmp_path, book.launch_settings(hub, repo, "main"))
    for html_page in chapter_pages(tmp_path):
        notebook = sources_of(html_page)[0].relative_to(course.ROOT).as_posix()
        expected = {"repo": [repo], "branch": ["main"],
                    "urlpath": [f"lab/tree/treasuries/{notebook}"]}
        launches = [parse_qs(urlparse(html.unescape(h)).query)
                    for h in re.findall(r'href="([^"]+)"', html_page.read_text())
                    if h.startswith(f"{hub}/hub/user-redirect/git-pull?")]
        assert launches.count(expected) >= 2, f"{html_page.name}: no launch button and note link"
    assert "localhost" not in (tmp_path / "index.html").read_text()


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
