"""What a student feels: from a slider step to the new figure, in JupyterLab in chromium.

A scratch notebook, written into the server's copy of notebooks/ (never the repo's), shows
every explorer the registry finds (``lessons_lib.explorers.registry()``, each built with its
``example()``), so a new explorer is measured with no list to update. Every slider of each
explorer is stepped with the arrow keys; for each step the page itself notes the time of the
key press (a keydown listener on the slider's handle) and the time the new figure has loaded
(the ``load`` event of the explorer's ``<img>``). The difference is the whole round trip: the
slider's message to the kernel, the model and the redraw, the PNG back, decoded in the page.

The test prints the minimum and median per explorer against the course's target of 150 ms and
writes them to test-artifacts/browser/explorer_latency.json (``make bench`` reports them). It
fails only when a median passes 1000 ms or a step brings no new figure: that is an update
that is broken, not one that is slow.
"""

from __future__ import annotations

import json
import statistics

import nbformat
from lab_driver import WIDGET_OUTPUT, open_notebook, run_all, wait_widgets_rendered

from lessons_lib.explorers import registry

TARGET_MS = 150.0
BROKEN_MS = 1000.0
WARM_UP_STEPS = 2
STEPS_PER_SLIDER = 6
RESULT_FILE = "explorer_latency.json"
SCRATCH = "_explorer_latency.ipynb"

ARM_JS = """([handle, img]) => {
    window.__courseLatency = new Promise((resolve) => {
        handle.addEventListener('keydown', () => {
            const start = performance.now();
            img.addEventListener('load', () => resolve(performance.now() - start),
                                 {once: true});
        }, {once: true, capture: true});
    });
}"""
WAIT_JS = """(timeoutMs) => Promise.race([
    window.__courseLatency,
    new Promise((resolve) => setTimeout(() => resolve(null), timeoutMs)),
])"""


def scratch_notebook(names: list[str]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("from lessons_lib.explorers import registry")]
    nb.cells += [nbformat.v4.new_code_cell(f'registry()["{name}"].example().ui')
                 for name in names]
    return nb


def step(page, handle, img, key: str) -> float | None:
    """Press ``key`` on a slider handle; milliseconds until the new figure loaded (or None)."""
    page.evaluate(ARM_JS, [handle.element_handle(), img.element_handle()])
    handle.press(key)
    return page.evaluate(WAIT_JS, 2 * BROKEN_MS)


def key_for(handle, number: int) -> str:
    """Alternate left and right; a slider at either end of its range steps inwards."""
    value, low, high = (float(handle.get_attribute(name))
                        for name in ("aria-valuenow", "aria-valuemin", "aria-valuemax"))
    if value <= low:
        return "ArrowRight"
    if value >= high:
        return "ArrowLeft"
    return ("ArrowLeft", "ArrowRight")[number % 2]


def test_slider_step_to_new_figure(lab_server, page, artifacts_dir):
    names = list(registry())
    assert names, "the registry finds no explorer"
    nbformat.write(scratch_notebook(names), lab_server.root / "notebooks" / SCRATCH)
    results: dict[str, dict[str, float]] = {}
    try:
        open_notebook(page, lab_server, SCRATCH)
        run_all(page)
        wait_widgets_rendered(page, len(names))
        outputs = page.locator(WIDGET_OUTPUT)
        assert outputs.count() == len(names)
        for index, name in enumerate(names):
            output = outputs.nth(index)
            output.scroll_into_view_if_needed()
            img = output.locator("img").first
            handles = output.locator(".widget-slider .noUi-handle")
            times, missing = [], []
            for h in range(handles.count()):
                handle = handles.nth(h)
                handle.focus()
                for number in range(WARM_UP_STEPS + STEPS_PER_SLIDER):
                    elapsed = step(page, handle, img, key_for(handle, number))
                    if elapsed is None:
                        missing.append(f"slider {h}, step {number}")
                    elif number >= WARM_UP_STEPS:
                        times.append(elapsed)
            assert not missing, f"{name}: no new figure after {missing}"
            results[name] = {
                "min_ms": min(times),
                "median_ms": statistics.median(times),
                "steps": len(times),
            }
    finally:
        lab_server.shutdown_kernels()
    (artifacts_dir / RESULT_FILE).write_text(json.dumps(results, indent=1))
    print(f"\nslider step to new figure in JupyterLab (chromium), target {TARGET_MS:g} ms")
    for name, r in results.items():
        verdict = "on target" if r["median_ms"] <= TARGET_MS else "over target"
        print(f"  {name:<28} min {r['min_ms']:6.0f} ms  median {r['median_ms']:6.0f} ms  "
              f"({r['steps']} steps, {verdict})")
    slow = {n: r["median_ms"] for n, r in results.items() if r["median_ms"] > BROKEN_MS}
    assert not slow, f"median slider-to-figure time above {BROKEN_MS:g} ms: {slow}"
