"""The course's interactive explorers (ipywidgets), one module per chapter.

    from lessons_lib.explorers import PriceYieldExplorer
    explorer = PriceYieldExplorer(coupon_pct=3.0, maturity_years=10, yield_pct=3.0)
    explorer.ui

- :mod:`~lessons_lib.explorers.base`: the pattern every explorer follows (:class:`Control`,
  :class:`Explorer`) and :func:`registry`;
- ``ch<id>.py``: each chapter's explorers (``ch01``: the price-yield seesaw; ``ch01a``: the par
  curve; ``ch01b``: the foreign share of the debt; ``ch01c``: an auction; ``ch01d``: price
  effect or sales; ``ch02``: a sale's price impact; ``ch03``: duration's tangent line, the
  curve and new issuance's cost; ``ch04``: the interest bill and debt beside CBO's baseline;
  ``ch05``: a yen holder's return, hedged and unhedged; ``ch05b``: a borrower's interest on
  dollar debt when US rates and the dollar rise; ``ch06``: Fed purchases that
  offset a sale, with and without; ``ch06b``: how fast to sell, fire sale,
  even and optimal schedules; ``ch06c``: a reserve portfolio in yen with a Treasury floor).
  An explorer is importable from this package by its class
  name, and found by :func:`registry`, as soon as its chapter's module defines it.
"""

from __future__ import annotations

from lessons_lib.explorers.base import Control, Explorer, registry

__all__ = ["Control", "Explorer", "registry"]


def __getattr__(name: str) -> type[Explorer]:
    found = registry()
    if name in found:
        return found[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
