"""One look for every figure of the course: a colour-blind-safe palette and two sizes.

``use_course_style()`` is for reading at a desk; ``use_course_style(lecture=True)``
enlarges fonts and lines so a figure reads from the back of a room. Both use the
Okabe-Ito palette (Okabe & Ito, "Color Universal Design", 2008), which stays
distinguishable under the common colour-vision deficiencies, and every line style
cycle pairs each colour with its own dash so that lines also differ in grayscale.
"""

from __future__ import annotations

import matplotlib as mpl
from cycler import cycler

PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
"""Okabe-Ito colours by name (hex)."""

LINE_COLOURS = ("blue", "vermillion", "green", "orange", "purple", "sky", "black")
DASHES = ("-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)), (0, (1, 3)))
BASELINE = "#7f7f7f"
"""Grey for a baseline or reference curve (drawn dashed)."""


def course_rc(lecture: bool = False) -> dict[str, object]:
    """Matplotlib settings for the course style; ``lecture=True`` for slides (fonts >= 18 pt)."""
    base = 18 if lecture else 11
    return {
        "axes.prop_cycle": cycler(color=[PALETTE[c] for c in LINE_COLOURS])
        + cycler(linestyle=list(DASHES)),
        "figure.figsize": (10, 5.0) if lecture else (7.5, 3.6),
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "font.size": base,
        "axes.titlesize": base + 2,
        "axes.labelsize": base,
        "xtick.labelsize": base - 1,
        "ytick.labelsize": base - 1,
        "legend.fontsize": base - 1,
        "lines.linewidth": 3.0 if lecture else 2.0,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "legend.frameon": False,
    }


def use_course_style(lecture: bool = False) -> None:
    """Switch matplotlib to the course style for the rest of the session."""
    mpl.rcParams.update(course_rc(lecture))
