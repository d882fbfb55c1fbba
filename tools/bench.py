"""Benchmark what a student waits for: ``make bench``.

1. Notebooks. Each chapter and solution notebook runs top to bottom in a fresh kernel
   (nbclient), and so does its floor: a bare notebook holding only the same notebook's import
   lines (kernel start-up plus the imports). Each runs ``--repeats`` times (3 by default),
   notebook and floor in turn; the minimum and the median are reported. Target: the
   notebook's minimum within 2x its floor's.
2. Explorers. Every explorer the registry finds (``lessons_lib.explorers.registry()``; there
   is no list here), built with its ``example()``: each control is swept over its slider's
   range, the others at their defaults, and every ``update`` (model, figure, PNG) is timed.
   Target: median under 100 ms.
3. In the browser. ``tests/browser/test_explorer_latency.py`` steps every explorer's sliders
   in JupyterLab in headless chromium and times each step to the new figure. Target: median
   under 150 ms. Without chromium the line says so (``--no-browser`` leaves it out).

Exit status 1 if a target is missed.

Usage: python -m tools.bench [--repeats N] [--no-browser] [notebook ...]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from lessons_lib import course
from tools import export

ROOT = course.ROOT
NOTEBOOK_TARGET = 2.0
EXPLORER_TARGET_MS = 100.0
BROWSER_TARGET_MS = 150.0
SWEEP_POINTS = 10
LATENCY_TEST = ROOT / "tests" / "browser" / "test_explorer_latency.py"
LATENCY_RESULT = ROOT / "test-artifacts" / "browser" / "explorer_latency.json"


def _run(nb: nbformat.NotebookNode, cwd: Path) -> float:
    start = time.perf_counter()
    resources = {"metadata": {"path": str(cwd)}}
    NotebookClient(nb, timeout=600, kernel_name="python3", resources=resources).execute()
    return time.perf_counter() - start


def _imports_only(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    lines = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines += [
                line for line in cell.source.splitlines()
                if line.startswith(("import ", "from ")) and not line.rstrip().endswith("(")
            ]
    bare = nbformat.v4.new_notebook(metadata=copy.deepcopy(nb.metadata))
    bare.cells = [nbformat.v4.new_code_cell("\n".join(dict.fromkeys(lines)) or "pass")]
    return bare


def bench_notebook(path: Path, repeats: int) -> tuple[list[float], list[float]]:
    """Run times (seconds) of the notebook and of its floor, ``repeats`` of each, in turn."""
    nb = nbformat.read(path, as_version=4)
    floor = _imports_only(nb)
    full, bare = [], []
    for _ in range(repeats):
        bare.append(_run(copy.deepcopy(floor), path.parent))
        full.append(_run(copy.deepcopy(nb), path.parent))
    return full, bare


def _sweep(control) -> list[float]:
    """``SWEEP_POINTS`` values across a control's range, on its steps."""
    count = int(round((control.high - control.low) / control.step))
    picks = sorted({round(i * count / (SWEEP_POINTS - 1)) for i in range(SWEEP_POINTS)})
    return [control.low + k * control.step for k in picks]


def bench_explorers() -> dict[str, list[float]]:
    """Update times (milliseconds) of every registered explorer over its controls' ranges."""
    from lessons_lib.explorers import registry

    results = {}
    for name, cls in registry().items():
        explorer = cls.example()
        defaults = {c.name: c.default for c in cls.controls}
        explorer.update(**defaults)  # warm up
        times = []
        for control in cls.controls:
            for value in _sweep(control):
                start = time.perf_counter()
                explorer.update(**{**defaults, control.name: value})
                times.append(1000 * (time.perf_counter() - start))
        results[name] = times
    return results


def bench_browser() -> tuple[dict[str, dict[str, float]] | None, str]:
    """The browser latency test's results, or None and the reason there are none."""
    LATENCY_RESULT.unlink(missing_ok=True)
    command = [sys.executable, "-m", "pytest", str(LATENCY_TEST), "-q", "-s", "-rs",
               "-p", "no:cacheprovider"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if LATENCY_RESULT.is_file():
        return json.loads(LATENCY_RESULT.read_text()), ""
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    return None, (lines[-1] if lines else done.stderr.strip()[-300:])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each notebook (>= 3)")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser timing")
    args = parser.parse_args(argv)
    if args.repeats < 3:
        parser.error("--repeats must be 3 or more: a minimum and a median need several runs")
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    paths = [p.resolve() for p in args.notebooks] or export.chapters() + export.solutions()
    missed = 0

    print(f"notebooks: {args.repeats} runs each, seconds (target: min within "
          f"{NOTEBOOK_TARGET:g}x the floor's min)")
    print(f"{'notebook':<62} {'min':>6} {'median':>6} {'floor min':>9} {'median':>6} {'ratio':>6}")
    for path in paths:
        full, bare = bench_notebook(path, args.repeats)
        ratio = min(full) / min(bare)
        flag = "" if ratio <= NOTEBOOK_TARGET else "  over target"
        missed += bool(flag)
        print(f"{str(path.relative_to(ROOT)):<62} {min(full):6.2f} {statistics.median(full):6.2f} "
              f"{min(bare):9.2f} {statistics.median(bare):6.2f} {ratio:6.2f}{flag}")

    print(f"\nexplorer update (model, figure, PNG), ms (target: median under "
          f"{EXPLORER_TARGET_MS:g})")
    print(f"{'explorer':<62} {'min':>6} {'median':>6} {'updates':>9}")
    for name, times in bench_explorers().items():
        median = statistics.median(times)
        flag = "" if median <= EXPLORER_TARGET_MS else "  over target"
        missed += bool(flag)
        print(f"{name:<62} {min(times):6.1f} {median:6.1f} {len(times):9d}{flag}")

    if not args.no_browser:
        print(f"\nslider step to new figure in JupyterLab (chromium), ms (target: median under "
              f"{BROWSER_TARGET_MS:g})")
        results, reason = bench_browser()
        if results is None:
            print(f"not measured: {reason}")
        else:
            print(f"{'explorer':<62} {'min':>6} {'median':>6} {'steps':>9}")
            for name, r in results.items():
                flag = "" if r["median_ms"] <= BROWSER_TARGET_MS else "  over target"
                missed += bool(flag)
                print(f"{name:<62} {r['min_ms']:6.0f} {r['median_ms']:6.0f} "
                      f"{int(r['steps']):9d}{flag}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
