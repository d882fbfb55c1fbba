"""A chapter presented with RISE (jupyterlab-rise) in chromium: its widget renders and responds.

RISE is opened the way JupyterLab's "Render as slideshow" button opens it, at /rise/<path>.
The test steps through the slides with the space bar (next slide, subslide or fragment) to
the explorer, runs that cell in place (Ctrl+Enter, as a presenter would), and drags
a slider with the mouse (in RISE the arrow keys belong to the slideshow). The figure and the
readout must change.
"""

from __future__ import annotations

import time

from lab_driver import drag, snapshot, wait_changed

CHAPTER = "01_what_is_a_treasury.ipynb"
WIDGET_CELL_TEXT = "PriceYieldExplorer("
# RISE asks for two optional stylesheets; the course ships rise.css, not one per notebook.
OPTIONAL_STYLESHEET = CHAPTER.replace(".ipynb", ".css")


def current_slide_has(page, text: str) -> bool:
    return page.evaluate(
        """(text) => {
            const s = document.querySelector('.reveal .slides section.present:not(.stack)');
            return s ? s.textContent.includes(text) : false;
        }""",
        text,
    )


def test_widget_renders_and_responds_in_rise(lab_server, page, artifacts_dir):
    page.goto(
        f"{lab_server.url}/rise/notebooks/{CHAPTER}?token={lab_server.token}",
        wait_until="domcontentloaded",
    )
    try:
        page.wait_for_selector(".reveal .slides section.present", timeout=90_000)
        for _ in range(120):
            if current_slide_has(page, WIDGET_CELL_TEXT):
                break
            page.keyboard.press("Space")  # next slide, subslide or fragment
            time.sleep(0.1)
        assert current_slide_has(page, WIDGET_CELL_TEXT), "no slide holds the explorer"
        cell = page.locator(
            ".reveal .slides section.present .jp-CodeCell", has_text=WIDGET_CELL_TEXT
        ).last
        for _ in range(5):  # if the explorer is a fragment, reveal it
            if cell.is_visible():
                break
            page.keyboard.press("Space")
            time.sleep(0.3)
        cell.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Control+Enter")  # run in place (Shift+Enter would move on)

        output = cell.locator(".jp-OutputArea-output").filter(has=page.locator(".jupyter-widgets"))
        output.locator(".widget-slider .noUi-handle").first.wait_for(timeout=90_000)
        output.locator("img").first.wait_for(timeout=30_000)
        assert "Error displaying widget" not in output.inner_text()
        before = snapshot(output)

        drag(page, output.locator(".widget-slider .noUi-handle").last, 80)  # the yield slider
        assert wait_changed(output, before), "dragging the slider changed neither figure nor text"
        readout = output.locator(".course-readout").inner_text()
        assert "Price $" in readout and "3.00% yield" not in readout
    finally:
        page.screenshot(path=str(artifacts_dir / "rise_01_what_is_a_treasury.png"))
        lab_server.shutdown_kernels()
    unexpected = [p for p in page.problems if OPTIONAL_STYLESHEET not in p]
    print("\n".join(unexpected))
