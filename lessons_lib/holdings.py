"""Reading Treasury holdings data: how much of a change is price, and how much is trading.

The Treasury International Capital (TIC) table of major foreign holders has valued
holdings of notes and bonds at market prices since December 2011 (TIC, "Major Foreign
Holders of Treasury Securities", notes to mfhhis01). When yields rise, the same portfolio
is worth less, so the recorded holdings fall with no sale at all. To first order a
portfolio with modified duration ``D`` loses ``H * D * dy`` when its yields rise by ``dy``
(decimal); what is left of the recorded change is net trading plus everything else the
data mix in (redemptions, custody moves, revisions).

Units: holdings in billions of US dollars, durations in years, and yield changes as
decimals like every yield in the library (0.005 is a rise of 50 basis points).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from lessons_lib import bonds, data, validate
from lessons_lib.validate import FloatOrArray, Range

HOLDINGS_RANGE_USD_BN = Range(0.0, 1e5, "USD billions")
"""Holdings the functions accept: none to $100 trillion, far above any holder's."""
DURATION_RANGE_YEARS = Range(0.0, 30.0, "years")
"""Modified durations the functions accept: none (cash) to a portfolio of 30-year zeros."""
YIELD_CHANGE_RANGE = Range(
    -0.05, 0.05, "as a decimal (0.005 is a rise of 0.5 percentage point, 50 basis points)"
)
"""Yield changes the functions accept: up to 5 percentage points either way (the first-order
estimate is poor well before that)."""


def _latest_average_maturity_years() -> float:
    wam = data.load("wam_marketable").sort_index()
    return float(wam["wam_months"].iloc[-1]) / 12


AVERAGE_MATURITY_YEARS = _latest_average_maturity_years()
"""Weighted average maturity of the marketable Treasury debt held by the public, in years: the
latest figure of the shipped dataset ``wam_marketable`` (months / 12; its source and date are
in ``data.caption("wam_marketable")``)."""

DEFAULT_PORTFOLIO_DURATION_YEARS = round(
    float(
        bonds.modified_duration(
            # a note's maturity is a whole number of half-years
            bonds.Bond(coupon_rate=0.04, maturity_years=round(2 * AVERAGE_MATURITY_YEARS) / 2),
            0.04,
        )
    ),
    1,
)
"""A starting guess for a foreign holder's portfolio (years): the modified duration of a
4% note with the debt's average maturity (to the half-year) at a 4% yield (about 5.3 years). A
portfolio that spreads the same average maturity over short and long securities has a somewhat
shorter duration, so treat this as an upper middle; holders do not publish theirs."""


class HoldingsChange(NamedTuple):
    """A change in recorded holdings split in two (USD billions).

    ``recorded`` = ``valuation`` + ``other``: the first-order price effect, and the rest
    (net purchases or sales, redemptions, custody moves and revisions).
    """

    recorded_usd_bn: FloatOrArray
    valuation_usd_bn: FloatOrArray
    other_usd_bn: FloatOrArray


def _price_effect(
    holdings_usd_bn: npt.NDArray[np.float64],
    modified_duration_years: FloatOrArray,
    yield_change: FloatOrArray,
) -> npt.NDArray[np.float64]:
    d = validate.numbers(modified_duration_years, "modified_duration_years", DURATION_RANGE_YEARS)
    dy = validate.numbers(yield_change, "yield_change", YIELD_CHANGE_RANGE)
    return -holdings_usd_bn * d * dy


def valuation_change(
    holdings_usd_bn: FloatOrArray,
    modified_duration_years: FloatOrArray,
    yield_change: FloatOrArray,
) -> FloatOrArray:
    """First-order change in market value (USD billions) when yields move.

    ``-H * D * dy``, with ``dy`` a decimal. Arguments broadcast against each other (NumPy
    rules), so a widget can sweep any of them.

    Args:
        holdings_usd_bn: market value before the move, USD billions (0 to 100,000).
        modified_duration_years: the portfolio's modified duration, years (0 to 30).
        yield_change: change in yields, decimal (-0.05 to 0.05; 0.005 is +50 basis points).
    """
    h = validate.numbers(holdings_usd_bn, "holdings_usd_bn", HOLDINGS_RANGE_USD_BN)
    return validate.result(_price_effect(h, modified_duration_years, yield_change))


def decompose_change(
    start_usd_bn: FloatOrArray,
    end_usd_bn: FloatOrArray,
    modified_duration_years: FloatOrArray,
    yield_change: FloatOrArray,
) -> HoldingsChange:
    """Split the change in recorded holdings into a price effect and the rest.

    Args:
        start_usd_bn: holdings at the start, USD billions (0 to 100,000).
        end_usd_bn: holdings at the end, USD billions (0 to 100,000).
        modified_duration_years: the portfolio's modified duration, years (0 to 30).
        yield_change: change in the portfolio's yields over the period, decimal (-0.05 to
            0.05).

    Returns:
        :class:`HoldingsChange`; ``other_usd_bn`` below zero points to net selling
        (or to a shorter portfolio than assumed), above zero to net buying.
    """
    start = validate.numbers(start_usd_bn, "start_usd_bn", HOLDINGS_RANGE_USD_BN)
    end = validate.numbers(end_usd_bn, "end_usd_bn", HOLDINGS_RANGE_USD_BN)
    valuation = _price_effect(start, modified_duration_years, yield_change)
    recorded = end - start
    return HoldingsChange(
        validate.result(recorded), validate.result(valuation), validate.result(recorded - valuation)
    )
