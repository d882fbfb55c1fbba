"""Execute notebooks in place, top to bottom in a fresh kernel, as nbval will re-run them.

    python -m tools.run_notebooks                 # every chapter and solution notebook
    python -m tools.run_notebooks notebooks/01b_who_holds_treasuries.ipynb

Cell metadata (slides, tags, hidden outputs) is kept; no execution timings are written, so
a re-run changes a notebook's file only where an output changed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def run(path: Path, timeout: int = 600) -> None:
    """Execute ``path`` in its own folder and save it; raise on any cell error."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    nbformat.write(nb, path)


def main(argv: list[str]) -> int:
    """Run the named notebooks, or all of them; return the exit status."""
    paths = [Path(a) for a in argv] or sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
        (ROOT / "notebooks" / "solutions").glob("*.ipynb"))
    for path in paths:
        run(path.resolve())
        print(f"ran {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
