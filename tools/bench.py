"""Benchmark: each notebook's headless run time against a bare kernel, and widget updates.

For every notebook the script runs it top to bottom in a fresh kernel (nbclient), and runs
a "bare" notebook holding only the same notebook's import lines, also in a fresh kernel.
The bare run is the floor: kernel start-up plus the imports. Target: every notebook within
2x its floor. Then it times one update of each explorer (model plus redraw to PNG), median
of 20 updates over the sliders' range. Target: under 100 ms.

Usage: python -m tools.bench [notebook ...]
"""

from __future__ import annotations

import copy
import os
import statistics
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_TARGET = 2.0
WIDGET_TARGET_MS = 100.0


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


def bench_notebook(path: Path) -> tuple[float, float]:
    nb = nbformat.read(path, as_version=4)
    floor = _run(_imports_only(nb), path.parent)
    full = _run(copy.deepcopy(nb), path.parent)
    return full, floor


def bench_widgets(repeats: int = 20) -> dict[str, float]:
    import numpy as np

    from lessons_lib.widgets import HoldingsChangeExplorer, PriceYieldExplorer

    results = {}
    price_yield = PriceYieldExplorer()
    times = []
    for y in np.linspace(0.5, 14.5, repeats):
        start = time.perf_counter()
        price_yield.update(3.0, 30, float(y))
        times.append(time.perf_counter() - start)
    results["PriceYieldExplorer.update"] = 1000 * statistics.median(times)
    holdings = HoldingsChangeExplorer("benchmark", 1167.0, 1126.1, 0.49)
    times = []
    for d in np.linspace(1.0, 9.0, repeats):
        start = time.perf_counter()
        holdings.update(float(d), 0.49)
        times.append(time.perf_counter() - start)
    results["HoldingsChangeExplorer.update"] = 1000 * statistics.median(times)
    return results


def main(argv: list[str]) -> int:
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    paths = [Path(p) for p in argv] or sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
        (ROOT / "notebooks" / "solutions").glob("*.ipynb")
    )
    slow = 0
    print(f"{'notebook':<62} {'run (s)':>8} {'floor (s)':>9} {'ratio':>6}")
    for path in paths:
        full, floor = bench_notebook(path)
        ratio = full / floor
        flag = "" if ratio <= NOTEBOOK_TARGET else f"  over {NOTEBOOK_TARGET:g}x"
        slow += bool(flag)
        print(f"{str(path.relative_to(ROOT)):<62} {full:8.2f} {floor:9.2f} {ratio:6.2f}{flag}")
    print(f"\n{'widget update (median of 20)':<62} {'ms':>8}")
    for name, ms in bench_widgets().items():
        flag = "" if ms <= WIDGET_TARGET_MS else f"  over {WIDGET_TARGET_MS:g} ms"
        slow += bool(flag)
        print(f"{name:<62} {ms:8.1f}{flag}")
    return 0 if not slow else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
