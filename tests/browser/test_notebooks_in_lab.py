"""Every notebook, run for real in JupyterLab in chromium: no errors, every widget responds.

For each notebook (chapters and solutions, found by glob so new chapters are covered): open a
copy in JupyterLab, run all cells, assert there is no error output, that every widget renders
(no "Error displaying widget"), and that moving a control of each interactive widget changes
its figure or its readout. A screenshot per notebook lands in test-artifacts/browser/.
"""

from __future__ import annotations

import re

import pytest
from lab_driver import (
    WIDGET_OUTPUT,
    discover_notebooks,
    error_outputs,
    interactive_outputs,
    move_back,
    move_control,
    notebook_json,
    open_notebook,
    run_all,
    snapshot,
    wait_changed,
    wait_widgets_rendered,
    widget_view_count,
)

NOTEBOOKS = discover_notebooks()


@pytest.mark.parametrize("relative", NOTEBOOKS)
def test_notebook_runs_and_widgets_respond(relative, lab_server, page, artifacts_dir):
    shot = artifacts_dir / (re.sub(r"[^A-Za-z0-9_.-]", "_", relative[: -len(".ipynb")]) + ".png")
    try:
        open_notebook(page, lab_server, relative)
        run_all(page)
        nb = notebook_json(page)
        errors = error_outputs(nb)
        assert not errors, f"{relative}: error output after running all cells: {errors}"

        expected = widget_view_count(nb)
        if expected:
            wait_widgets_rendered(page, expected)
        outputs = page.locator(WIDGET_OUTPUT)
        moved = []
        for index, kind in interactive_outputs(page):
            output = outputs.nth(index)
            before = snapshot(output)
            action = move_control(page, output, kind)
            changed = wait_changed(output, before)
            if not changed and kind == "slider":
                move_back(page, output)
                action += ", then ArrowLeft eight times"
                changed = wait_changed(output, before)
            assert changed, (
                f"{relative}: widget output {index} ({kind}) did not change its figure or "
                f"readout after: {action}"
            )
            moved.append(index)
        if expected:
            assert moved, f"{relative}: {expected} widget(s) but no slider, toggle or dropdown"
        # Widgets still fine after being driven.
        wait_widgets_rendered(page, expected, timeout_s=5)
        # An explorer's readout ("Price $100.00 per $100 face") is text, never typeset maths.
        typeset = page.locator(f"{WIDGET_OUTPUT} mjx-container").count()
        assert not typeset, f"{relative}: {typeset} pieces of a widget's text typeset as maths"
    finally:
        try:
            page.screenshot(path=str(shot))
        finally:
            lab_server.shutdown_kernels()
