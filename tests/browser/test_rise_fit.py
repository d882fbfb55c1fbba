"""Every RISE slide of every chapter fits a 1280x720 screen, with a live kernel.

For each chapter notebook (found by glob, as the other browser tests find them): a copy is
opened in JupyterLab, all its cells are run (so each explorer renders from a live kernel) and
saved, and the copy is opened in RISE (jupyterlab-rise) the way "Open as Reveal Slideshow"
does it, at /rise/<path>, in a 1280x720 window; RISE reuses the kernel session and restores
the explorers from it. Once every widget output has rendered, the slideshow is stepped with
the space bar through every slide, subslide and fragment, in presenting order.

What is measured is what test_static_exports measures for the offline decks: the present
slide's visible content in the deck's own pixels (RISE lets reveal.js scale the 1280x720 slide
of the notebook's ``rise`` metadata to the window), once its images have loaded: the lowest
bottom and rightmost edge of any visible element (speaker notes and fragments not yet shown
left out), from the top and left of reveal's slide box. Each slide keeps its largest figures
over its fragments, so a slide is measured with all of them shown. A slide does not fit when
its content reaches past 720 px down or 1280 px across, or when RISE has had to make it scroll
(``scroll: true`` turns a slide taller than the window into a scrolling box).

The failure message lists every slide that does not fit: notebook, slide index h/v, the first
words of the slide, its measured height and width, and its lowest element. A summary of every
notebook is printed at the end of the module and written to
test-artifacts/browser/rise_fit.txt. ``test_a_tall_and_a_wide_slide_are_reported`` shows the
measure fails on a scratch notebook with a slide too long and one too wide for the screen.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from lab_driver import (
    discover_notebooks,
    notebook_json,
    open_notebook,
    run_all,
    wait_widgets_rendered,
    widget_view_count,
)

SLIDE_WIDTH_PX, SLIDE_HEIGHT_PX = 1280, 720
CHAPTERS = [n for n in discover_notebooks() if "/" not in n]  # solutions are not presented
COPY_SUFFIX = ".rise-fit.ipynb"
SCRATCH = "_rise_fit_scratch.ipynb"
MAX_STEPS = 400
SUMMARY_FILE = "rise_fit.txt"

# The present slide's indices h/v (from the DOM, so they hold with or without reveal's hash)
# and the number of fragments shown: it changes with every step of the space bar.
STEP_JS = """() => {
    const tops = Array.from(document.querySelectorAll('.reveal .slides > section'));
    const h = tops.findIndex(s => s.classList.contains('present'));
    const stack = tops[h];
    const subs = stack ? Array.from(stack.querySelectorAll(':scope > section')) : [];
    const v = Math.max(subs.findIndex(s => s.classList.contains('present')), 0);
    const shown = document.querySelectorAll('.reveal .slides .fragment.visible').length;
    return h + '/' + v + '|' + shown;
}"""

# The present slide's visible content in deck pixels, as test_static_exports measures it,
# from reveal's 1280x720 slide box; null while an image of the slide is still loading.
MEASURE_JS = """() => {
    const leaf = Array.from(document.querySelectorAll('.reveal .slides section.present'))
        .filter(s => !s.querySelector('section'))[0];
    if (!leaf) return null;
    const images = Array.from(leaf.querySelectorAll('img'))
        .filter(i => !i.closest('.fragment:not(.visible)'));
    if (images.some(i => !i.complete)) return null;
    if (leaf.querySelector('.jp-OutputArea-output')
        && /Loading widget/.test(leaf.textContent)) return null;
    const clean = (t) => (t || '').replace(/\u00b6/g, '').replace(/\\s+/g, ' ').trim()
        .slice(0, 50);
    leaf.scrollTop = 0;
    leaf.scrollLeft = 0;
    const slides = document.querySelector('.reveal .slides');
    const box = slides.getBoundingClientRect();
    const scale = box.height / slides.offsetHeight || 1;
    let bottom = 0, right = 0, lowest = null, lowestBottom = 0;
    for (const el of leaf.querySelectorAll('*')) {
        if (el.closest('aside.notes, .fragment:not(.visible)')) continue;
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const b = (r.bottom - box.top) / scale, rt = (r.right - box.left) / scale;
        bottom = Math.max(b, bottom);
        if (b >= lowestBottom - 0.5 && (/^(IMG|CANVAS|svg)$/.test(el.tagName)
                || Array.from(el.childNodes).some(n => n.nodeType === 3 && n.data.trim()))) {
            lowestBottom = Math.max(b, lowestBottom);  // the lowest text or picture
            lowest = el;
        }
        right = Math.max(right, rt);
    }
    const parts = Array.from(leaf.querySelectorAll(
        '.jp-RenderedMarkdown, .jp-InputArea-editor .cm-content, .jp-OutputArea-output'))
        .filter(p => p.getClientRects().length && !p.closest('aside.notes'));
    const first = parts[0];  // a code cell's lines are divs: take its text line by line
    const text = !first ? clean(leaf.textContent) : clean(first.classList.contains('cm-content')
        ? first.innerText : first.textContent);
    return {
        first: text.split(' ').slice(0, 8).join(' ').slice(0, 60),
        bottom: Math.ceil(bottom), right: Math.ceil(right),
        lowest: lowest ? clean(lowest.textContent) || lowest.tagName.toLowerCase() : '',
        widgets: leaf.querySelectorAll('.jp-OutputArea-output .jupyter-widgets img').length,
        scrolls: leaf.style.overflowY === 'scroll' && leaf.scrollHeight > leaf.clientHeight + 1,
        scale: scale,
    };
}"""


def slide_sizes(page, label: str, shots: Path | None = None) -> dict[str, dict]:
    """Step through the open slideshow; the largest measure of each slide h/v.

    With ``shots``, a screenshot of each slide that does not fit, and of each slide with an
    explorer (to see it rendered), is saved there.
    """
    sizes: dict[str, dict] = {}
    for _ in range(MAX_STEPS):
        measured = None
        for _ in range(100):  # images and widget views of this slide: up to 10 s
            measured = page.evaluate(MEASURE_JS)
            if measured is not None:
                break
            time.sleep(0.1)
        assert measured is not None, f"{label}: a slide did not finish loading"
        key = page.evaluate(STEP_JS).split("|")[0]
        known = sizes.get(key)
        if known is None:
            sizes[key] = measured
        else:  # a fragment more: keep the largest extent and whether it scrolls
            known["bottom"] = max(known["bottom"], measured["bottom"])
            known["right"] = max(known["right"], measured["right"])
            known["scrolls"] = known["scrolls"] or measured["scrolls"]
            if measured["bottom"] >= known["bottom"]:
                known["lowest"] = measured["lowest"]
        if shots is not None and (too_big({key: measured}) or measured["widgets"]):
            stem = re.sub(r"[^A-Za-z0-9_.-]", "_", label.removesuffix(".ipynb"))
            page.screenshot(path=str(shots / f"{stem}_{key.replace('/', '_')}.png"))
        before = page.evaluate(STEP_JS)
        page.keyboard.press("Space")  # next fragment, subslide or slide
        for _ in range(20):
            time.sleep(0.05)
            if page.evaluate(STEP_JS) != before:
                break
        else:
            return sizes  # the last step of the last slide
    raise AssertionError(f"{label}: still stepping after {MAX_STEPS} presses of the space bar")


def too_big(sizes: dict[str, dict]) -> dict[str, dict]:
    return {key: s for key, s in sizes.items()
            if s["bottom"] > SLIDE_HEIGHT_PX + 1 or s["right"] > SLIDE_WIDTH_PX + 2  # rounding
            or s["scrolls"]}


def describe(key: str, s: dict) -> str:
    scrolls = ", RISE made it scroll" if s["scrolls"] else ""
    return (f"slide {key} {s['first']!r}: {s['bottom']} px tall, {s['right']} px wide"
            f"{scrolls}; lowest: {s['lowest']!r}")


def present(page, server, relative: str, shots: Path | None = None) -> dict[str, dict]:
    """Run a copy of notebooks/<relative> in JupyterLab, open it in RISE, measure each slide."""
    copy = relative[: -len(".ipynb")] + COPY_SUFFIX
    shutil.copyfile(server.root / "notebooks" / relative, server.root / "notebooks" / copy)
    try:
        open_notebook(page, server, copy)
        run_all(page)
        expected = widget_view_count(notebook_json(page))
        page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
        page.wait_for_function(
            "() => !window.jupyterapp.shell.currentWidget.context.model.dirty", timeout=30_000
        )
        page.set_viewport_size({"width": SLIDE_WIDTH_PX, "height": SLIDE_HEIGHT_PX})
        page.goto(f"{server.url}/rise/notebooks/{copy}?activeCellIndex=0&token={server.token}",
                  wait_until="domcontentloaded")
        page.wait_for_selector(".reveal .slides section.present", timeout=90_000)
        if expected:
            wait_widgets_rendered(page, expected, timeout_s=60)
        page.evaluate("() => document.fonts.ready")
        time.sleep(1.0)  # MathJax typesets after the slides appear
        return slide_sizes(page, relative, shots)
    finally:
        server.shutdown_kernels()
        (server.root / "notebooks" / copy).unlink(missing_ok=True)


@pytest.fixture(scope="module")
def summary(request, artifacts_dir):
    """Per notebook: its number of slides and the ones that do not fit, printed at the end."""
    found: dict[str, tuple[int, list[str], float]] = {}
    yield found
    lines = [f"RISE slides against {SLIDE_WIDTH_PX}x{SLIDE_HEIGHT_PX}:"]
    for name, (count, bad, seconds) in found.items():
        lines.append(f"{name}: {count} slides, {len(bad)} do not fit ({seconds:.0f} s)")
        lines += [f"    {line}" for line in bad]
    text = "\n".join(lines)
    (artifacts_dir / SUMMARY_FILE).write_text(text + "\n")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line("")
        for line in lines:
            reporter.write_line(line)


@pytest.mark.parametrize("relative", CHAPTERS)
def test_every_rise_slide_fits_1280_by_720(relative, lab_server, page, summary, artifacts_dir):
    start = time.monotonic()
    shots = artifacts_dir / "rise_fit"
    shots.mkdir(exist_ok=True)
    for old in shots.glob(re.sub(r"[^A-Za-z0-9_.-]", "_", relative[:-6]) + "_*.png"):
        old.unlink()
    sizes = present(page, lab_server, relative, shots)
    print(f"\n{relative}:\n" + "\n".join(describe(key, s) for key, s in sizes.items()))
    bad = [describe(key, s) for key, s in too_big(sizes).items()]
    summary[relative] = (len(sizes), bad, time.monotonic() - start)
    assert len(sizes) >= 5, f"{relative}: stepped through only {len(sizes)} slides"
    assert_fit(relative, sizes)


def assert_fit(relative: str, sizes: dict[str, dict]) -> None:
    bad = [describe(key, s) for key, s in too_big(sizes).items()]
    assert not bad, (f"{relative}: {len(bad)} of {len(sizes)} RISE slides do not fit "
                     f"{SLIDE_WIDTH_PX}x{SLIDE_HEIGHT_PX}:\n" + "\n".join(bad))


def scratch_notebook() -> nbformat.NotebookNode:
    """Four slides: short, far too tall (a long Markdown list), too wide (a long line), short."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.metadata["rise"] = {"height": SLIDE_HEIGHT_PX, "width": SLIDE_WIDTH_PX, "scroll": True,
                           "theme": "white", "transition": "none"}
    slide = {"slideshow": {"slide_type": "slide"}}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Short slide\n\nOne line.", metadata=slide),
        nbformat.v4.new_markdown_cell(
            "## Tall slide\n\n" + "\n".join(f"- point {i}" for i in range(60)), metadata=slide
        ),
        nbformat.v4.new_code_cell("wide = '" + "x" * 400 + "'", metadata=slide),
        nbformat.v4.new_markdown_cell("## Last slide", metadata=slide),
    ]
    return nb


def test_a_tall_and_a_wide_slide_are_reported(lab_server, page):
    nbformat.write(scratch_notebook(), lab_server.root / "notebooks" / SCRATCH)
    try:
        sizes = present(page, lab_server, SCRATCH)
    finally:
        (lab_server.root / "notebooks" / SCRATCH).unlink(missing_ok=True)
    print("\n".join(f"{describe(key, s)} (scale {s['scale']:.3f})" for key, s in sizes.items()))
    assert sorted(sizes) == ["0/0", "1/0", "2/0", "3/0"], sizes
    with pytest.raises(AssertionError) as failure:
        assert_fit(SCRATCH, sizes)
    message = str(failure.value)
    assert "2 of 4 RISE slides do not fit" in message, message
    assert "slide 1/0 'Tall slide point 0" in message and "lowest: 'point 59'" in message
    assert "slide 2/0 \"wide = 'xxx" in message and "px wide" in message
    assert "slide 0/0" not in message and "slide 3/0" not in message, message
    assert sizes["1/0"]["bottom"] > 1500 and sizes["2/0"]["right"] > 2000, sizes
