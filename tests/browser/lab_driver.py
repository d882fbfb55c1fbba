"""Driving JupyterLab (and RISE inside it) from Playwright: open, run all, inspect widgets.

Selectors and waits follow shared/STACK_NOTES.md: wait for the status bar's "| Idle", run all
cells through the exposed ``window.jupyterapp``, move ipywidgets sliders by focusing their noUi
handle and pressing arrow keys (in JupyterLab) or by dragging the handle (in RISE, where the
arrow keys change slides).
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
# ipywidgets' renderer does not always tag its output with the mime type (8.1.2 does not), so
# a widget output is one tagged so or one whose direct child is a rendered widget.
WIDGET_OUTPUT = (
    f'.jp-OutputArea-output:is([data-mime-type="{WIDGET_MIME}"], :has(> .jupyter-widgets))'
)
ANY_OUTPUT = ".jp-OutputArea-output"
OPEN_TIMEOUT_MS = 90_000
RUN_TIMEOUT_MS = 240_000
CHANGE_TIMEOUT_S = 15.0
REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS_ENV = "COURSE_BROWSER_NOTEBOOKS"
"""A folder laid out like the repo's notebooks/ to test instead of it (for development)."""


CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
def chromium_executable() -> str | None:
    for candidate in (shutil.which("chromium"), *CHROMIUM_CANDIDATES):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def require_chromium() -> str:
    """The chromium path, or skip (locally) / fail (COURSE_REQUIRE_BROWSER=1) without it."""
    path = chromium_executable()
    if path is not None:
        return path
    message = (
        "No chromium found (looked for `chromium` on PATH and /usr/bin/chromium). The browser "
        "tests use Debian's chromium, not a Playwright download: "
        "`apt-get update && apt-get install -y chromium`."
    )
    if os.environ.get("COURSE_REQUIRE_BROWSER", "") not in ("", "0"):
        pytest.fail("COURSE_REQUIRE_BROWSER is set: " + message, pytrace=False)
    pytest.skip(message)


def require_exports() -> None:
    """Chromium and the vendored web assets (reveal.js, MathJax: tools/web_assets.py), or skip
    (locally) / fail (COURSE_REQUIRE_BROWSER=1) without them."""
    from tools import web_assets

    require_chromium()
    try:
        web_assets.ensure()
    except SystemExit as exc:  # no npm to fetch reveal.js and MathJax with
        if os.environ.get("COURSE_REQUIRE_BROWSER", "") not in ("", "0"):
            pytest.fail(f"COURSE_REQUIRE_BROWSER is set: {exc}", pytrace=False)
        pytest.skip(str(exc))


def notebooks_dir() -> Path:
    return Path(os.environ.get(NOTEBOOKS_ENV, REPO / "notebooks")).resolve()


def discover_notebooks() -> list[str]:
    """Every chapter and solution notebook, as paths relative to notebooks/ (sorted)."""
    root = notebooks_dir()
    found = sorted(root.glob("*.ipynb")) + sorted(root.glob("solutions/*.ipynb"))
    return [p.relative_to(root).as_posix() for p in found]




def open_notebook(page, server, relative: str) -> None:
    """Open notebooks/<relative> in a clean workspace and wait for an idle kernel."""
    page.goto(
        f"{server.url}/lab/tree/notebooks/{relative}?token={server.token}&reset",
        wait_until="domcontentloaded",
    )
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.content"
        " && window.jupyterapp.shell.currentWidget.content.widgets.length > 0",
        timeout=OPEN_TIMEOUT_MS,
    )
    wait_idle(page, OPEN_TIMEOUT_MS)


def wait_idle(page, timeout_ms: int) -> None:
    page.wait_for_function(
        "() => { const bar = document.querySelector('#jp-main-statusbar');"
        " return bar && /\\|\\s*Idle/.test(bar.textContent); }",
        timeout=timeout_ms,
    )


def run_all(page) -> None:
    """Run every cell and wait until the kernel has finished them all."""
    page.evaluate(
        "() => window.jupyterapp.commands.execute('notebook:run-all-cells')",
    )
    # run-all resolves when the cells are queued or done, depending on the version: also wait
    # for every code cell to have an execution count and the kernel to be idle again.
    page.wait_for_function(
        """() => {
            const panel = window.jupyterapp.shell.currentWidget;
            const cells = panel.content.widgets.filter(c => c.model.type === 'code');
            const busy = document.querySelector('#jp-main-statusbar');
            return cells.every(c => c.model.executionCount !== null)
                && busy && /\\|\\s*Idle/.test(busy.textContent);
        }""",
        timeout=RUN_TIMEOUT_MS,
    )


def notebook_json(page) -> dict:
    return page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.toJSON()")


def error_outputs(nb: dict) -> list[str]:
    """Error outputs of cells not tagged ``raises-exception``, as short descriptions."""
    found = []
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        if "raises-exception" in cell.get("metadata", {}).get("tags", []):
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
    return found


def widget_view_count(nb: dict) -> int:
    return sum(
        1
        for cell in nb["cells"]
        for output in cell.get("outputs", [])
        if WIDGET_MIME in output.get("data", {})
    )


def wait_widgets_rendered(page, expected: int, timeout_s: float = 30.0) -> None:
    """Wait until ``expected`` widget outputs each show a rendered widget; fail on errors."""
    deadline = time.monotonic() + timeout_s
    state = {}
    while time.monotonic() < deadline:
        state = page.evaluate(
            """([selector, any]) => {
                const outs = Array.from(document.querySelectorAll(selector));
                const all = Array.from(document.querySelectorAll(any));
                return {
                    total: outs.length,
                    rendered: outs.filter(o => o.querySelector('.jupyter-widgets')).length,
                    errors: all.filter(o => /Error displaying widget|Error rendering/
                        .test(o.textContent)).map(o => o.textContent.slice(0, 300)),
                    loading: all.filter(o => /Loading widget/.test(o.textContent)).length,
                };
            }""",
            [WIDGET_OUTPUT, ANY_OUTPUT],
        )
        assert not state["errors"], f"widget failed to display: {state['errors']}"
        if state["total"] >= expected and state["rendered"] == state["total"]:
            if not state["loading"]:
                return
        time.sleep(0.25)
    raise AssertionError(f"widgets did not all render in {timeout_s:.0f} s: {state}")


@dataclass
class Control:
    kind: str  # "slider", "toggle" or "dropdown"
    output_index: int


SNAPSHOT_JS = """(element) => {
    const images = Array.from(element.querySelectorAll('img')).map(i => i.src);
    const texts = Array.from(element.querySelectorAll(
        '.widget-html, .widget-htmlmath, .widget-label, .jp-OutputArea-output pre,'
        + ' .widget-readout, .widget-output'
    )).map(t => t.textContent);
    return JSON.stringify([images, texts]);
}"""


def interactive_outputs(page) -> list[tuple[int, str]]:
    """(index, kind) of each widget output holding a slider, toggle buttons or a dropdown."""
    return page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector)).map((o, i) => {
            if (o.querySelector('.widget-slider .noUi-handle')) return [i, 'slider'];
            if (o.querySelector('.widget-toggle-buttons button, button.widget-toggle-button'))
                return [i, 'toggle'];
            if (o.querySelector('.widget-dropdown select')) return [i, 'dropdown'];
            return null;
        }).filter(x => x !== null)""",
        WIDGET_OUTPUT,
    )


def snapshot(output) -> str:
    return output.evaluate(SNAPSHOT_JS)


def wait_changed(output, before: str, timeout_s: float = CHANGE_TIMEOUT_S) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if snapshot(output) != before:
            return True
        time.sleep(0.2)
    return False


def drag(page, handle, dx: float) -> None:
    """Drag a slider handle ``dx`` pixels sideways with the mouse."""
    handle.scroll_into_view_if_needed()
    box = handle.bounding_box()
    assert box is not None, "the slider handle is not on screen"
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y, steps=8)
    page.mouse.up()


def move_control(page, output, kind: str, use_mouse: bool = False) -> str:
    """Change the first control of this kind inside ``output``; return what was done."""
    output.scroll_into_view_if_needed()
    if kind == "slider":
        handle = output.locator(".widget-slider .noUi-handle").first
        if use_mouse:
            drag(page, handle, 60)
            return "dragged a slider handle 60 px right"
        handle.focus()
        for _ in range(4):
            handle.press("ArrowRight")
        return "pressed ArrowRight four times on a slider handle"
    if kind == "toggle":
        buttons = output.locator(".widget-toggle-buttons button, button.widget-toggle-button")
        count = buttons.count()
        for i in range(count):
            button = buttons.nth(i)
            if "mod-active" not in (button.get_attribute("class") or ""):
                button.click()
                return f"clicked toggle button {i}"
        buttons.first.click()
        return "clicked the first toggle button"
    select = output.locator(".widget-dropdown select").first
    values = select.evaluate("s => Array.from(s.options).map(o => o.value)")
    current = select.input_value()
    other = next(v for v in values if v != current)
    select.select_option(other)
    return f"chose dropdown option {other!r}"


def move_back(page, output, use_mouse: bool = False) -> None:
    """A slider at the top of its range does not move right: move it left instead."""
    handle = output.locator(".widget-slider .noUi-handle").first
    if use_mouse:
        drag(page, handle, -120)
        return
    handle.focus()
    for _ in range(8):
        handle.press("ArrowLeft")
