"""Reading Treasury holdings data: how much of a change is price, and how much is trading.

The Treasury International Capital (TIC) table of major foreign holders has valued
holdings of notes and bonds at market prices since December 2011 (TIC, "Major Foreign
Holders of Treasury Securities", notes to mfhhis01). When yields rise, the same portfolio
is worth less, so the recorded holdings fall with no sale at all. To first order a
portfolio with modified duration ``D`` loses ``H * D * dy`` when its yields rise by ``dy``
(decimal); what is left of the recorded change is net trading plus everything else the
data mix in (redemptions, custody moves, revisions).

Units: holdings in billions of US dollars, durations in years, yield changes in
percentage points (0.5 is 50 basis points).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from lessons_lib import bonds

FloatOrArray = float | npt.NDArray[np.float64]

DURATION_RANGE_YEARS = (0.0, 30.0)
YIELD_CHANGE_RANGE_POINTS = (-5.0, 5.0)

AVERAGE_MATURITY_YEARS = 6.0
"""Weighted average maturity of marketable Treasury debt held by the public: 72 months in
June 2025, 71 in June 2024 (Joint Economic Committee, *Monthly Debt Update*, October 2025,
citing the US Treasury)."""

DEFAULT_PORTFOLIO_DURATION_YEARS = round(
    float(
        bonds.modified_duration(
            bonds.Bond(coupon_rate=0.04, maturity_years=AVERAGE_MATURITY_YEARS), 0.04
        )
    ),
    1,
)
"""A starting guess for a foreign holder's portfolio (years): the modified duration of a
4% note with the debt's average maturity at a 4% yield (about 5.3 years). A portfolio that
spreads the same average maturity over short and long securities has a somewhat shorter
duration, so treat this as an upper middle; holders do not publish theirs."""


class HoldingsChange(NamedTuple):
    """A change in recorded holdings split in two (USD billions).

    ``recorded`` = ``valuation`` + ``other``: the first-order price effect, and the rest
    (net purchases or sales, redemptions, custody moves and revisions).
    """

    recorded_usd_bn: FloatOrArray
    valuation_usd_bn: FloatOrArray
    other_usd_bn: FloatOrArray


def _checked(value: FloatOrArray, name: str, low: float, high: float, unit: str):
    array = np.asarray(value, dtype=float)
    if not np.all(np.isfinite(array)) or np.any(array < low) or np.any(array > high):
        raise ValueError(f"{name} must be between {low:g} and {high:g} {unit}, got {value!r}")
    return array


def _out(array: npt.NDArray[np.float64]) -> FloatOrArray:
    return float(array) if np.ndim(array) == 0 else array


def valuation_change(
    holdings_usd_bn: FloatOrArray,
    modified_duration_years: FloatOrArray,
    yield_change_points: FloatOrArray,
) -> FloatOrArray:
    """First-order change in market value (USD billions) when yields move.

    ``-H * D * dy / 100``, with ``dy`` in percentage points. Arguments broadcast
    against each other (NumPy rules), so a widget can sweep any of them.

    Args:
        holdings_usd_bn: market value before the move, USD billions (0 to 100,000).
        modified_duration_years: the portfolio's modified duration, years (0 to 30).
        yield_change_points: change in yields, percentage points (-5 to 5).
    """
    h = _checked(holdings_usd_bn, "holdings_usd_bn", 0.0, 1e5, "USD billions")
    d = _checked(modified_duration_years, "modified_duration_years", *DURATION_RANGE_YEARS, "years")
    dy = _checked(
        yield_change_points, "yield_change_points", *YIELD_CHANGE_RANGE_POINTS, "percentage points"
    )
    return _out(-h * d * dy / 100.0)


def decompose_change(
    start_usd_bn: FloatOrArray,
    end_usd_bn: FloatOrArray,
    modified_duration_years: FloatOrArray,
    yield_change_points: FloatOrArray,
) -> HoldingsChange:
    """Split the change in recorded holdings into a price effect and the rest.

    Args:
        start_usd_bn: holdings at the start, USD billions.
        end_usd_bn: holdings at the end, USD billions (0 to 100,000).
        modified_duration_years: the portfolio's modified duration, years (0 to 30).
        yield_change_points: change in the portfolio's yields over the period,
            percentage points (-5 to 5).

    Returns:
        :class:`HoldingsChange`; ``other_usd_bn`` below zero points to net selling
        (or to a shorter portfolio than assumed), above zero to net buying.
    """
    end = _checked(end_usd_bn, "end_usd_bn", 0.0, 1e5, "USD billions")
    valuation = np.asarray(
        valuation_change(start_usd_bn, modified_duration_years, yield_change_points)
    )
    recorded = end - np.asarray(start_usd_bn, dtype=float)
    return HoldingsChange(_out(recorded), _out(valuation), _out(recorded - valuation))
