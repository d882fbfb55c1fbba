"""How a Treasury auction sets its yield: a uniform-price (single-price) auction.

Treasury sells its marketable securities at auction. Bidders send either

- a **competitive** bid: an amount and the lowest yield they will accept, or
- a **non-competitive** bid: an amount only (at most $10 million a bidder for notes), filled in
  full at whatever yield the auction sets.

Treasury fills the non-competitive bids first, then accepts competitive bids from the lowest
yield up until the offering is sold. The yield of the last bid accepted is the **high yield**
(the stop-out); bids at exactly that yield are filled pro rata. Since November 1998 every
auction is uniform-price: every winning bidder gets the high yield, whatever yield it bid
(31 CFR part 356, the Uniform Offering Circular; Garbade and Ingber 2005).

Units: amounts in billions of US dollars (face value), yields as decimals (0.04 is 4%) like
every yield in the library.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from lessons_lib import validate
from lessons_lib.validate import Range

AMOUNT_RANGE_USD_BN = Range(0.0, 10_000.0, "USD billions")
"""Amounts the functions accept: none to $10 trillion, far above any single auction."""
OFFERING_RANGE_USD_BN = Range(0.0, 10_000.0, "USD billions", low_open=True)
"""Offerings the functions accept: more than nothing, up to $10 trillion."""
AUCTION_YIELD_RANGE = Range(-0.05, 0.5, "as a decimal (0.04 is 4%)")
"""Bid yields the functions accept: -5% to 50% a year, as decimals (a percent typed by
mistake, 4.1 for 0.041, is refused with a hint)."""


class AuctionResult(NamedTuple):
    """What an auction gives (amounts in USD billions, yields as decimals).

    Attributes:
        high_yield: the yield every winning bidder gets: the highest competitive yield
            accepted (the stop-out).
        accepted_usd_bn: the amount accepted of each competitive bid, in the order given.
        noncompetitive_usd_bn: the non-competitive amount, filled in full.
        tendered_usd_bn: everything bid, competitive and non-competitive.
        sold_usd_bn: everything accepted (the offering, unless the bids fall short).
        bid_to_cover: tendered over sold: how many dollars were bid for each dollar sold.
        allotted_at_high_pct: the percentage of the bids at the high yield that was filled.
    """

    high_yield: float
    accepted_usd_bn: npt.NDArray[np.float64]
    noncompetitive_usd_bn: float
    tendered_usd_bn: float
    sold_usd_bn: float
    bid_to_cover: float
    allotted_at_high_pct: float


def clear(
    offering_usd_bn: float,
    bid_yields: npt.ArrayLike,
    bid_amounts_usd_bn: npt.ArrayLike,
    noncompetitive_usd_bn: float = 0.0,
) -> AuctionResult:
    """Run a uniform-price auction: the high yield, each bid's allotment, the bid-to-cover.

    Args:
        offering_usd_bn: the amount Treasury sells, USD billions (more than 0).
        bid_yields: each competitive bid's yield, decimals (-0.05 to 0.5).
        bid_amounts_usd_bn: each competitive bid's amount, USD billions (0 or more), one per
            yield.
        noncompetitive_usd_bn: the non-competitive bids' total, USD billions, at most the
            offering.

    Returns:
        :class:`AuctionResult`. If the competitive bids cannot cover what is left after the
        non-competitive bids (it has not happened in modern Treasury auctions), all of them
        are accepted, ``sold_usd_bn`` is less than the offering and the high yield is the
        highest bid.
    """
    offering = validate.number(offering_usd_bn, "offering_usd_bn", OFFERING_RANGE_USD_BN)
    yields = validate.numbers(bid_yields, "bid_yields", AUCTION_YIELD_RANGE).reshape(-1)
    amounts = validate.numbers(bid_amounts_usd_bn, "bid_amounts_usd_bn",
                               AMOUNT_RANGE_USD_BN).reshape(-1)
    noncompetitive = validate.number(noncompetitive_usd_bn, "noncompetitive_usd_bn",
                                     Range(0.0, offering, "USD billions (at most the offering)"))
    if yields.shape != amounts.shape:
        raise ValueError(f"bid_yields and bid_amounts_usd_bn must have one value per bid; got "
                         f"{yields.size} yields and {amounts.size} amounts")
    if amounts.sum() <= 0:
        raise ValueError("bid_amounts_usd_bn must hold a positive amount in total, got 0")
    competitive = offering - noncompetitive
    accepted = np.zeros_like(amounts)
    levels = np.unique(yields[amounts > 0])
    high, filled_at_high, left = float(levels[-1]), 1.0, competitive
    for level in levels:
        at_level = (yields == level) & (amounts > 0)
        wanted = float(amounts[at_level].sum())
        if wanted >= left:  # this yield covers what is left: the stop-out, filled pro rata
            high, filled_at_high = float(level), left / wanted
            accepted[at_level] = amounts[at_level] * filled_at_high
            left = 0.0
            break
        accepted[at_level] = amounts[at_level]
        left -= wanted
    sold = noncompetitive + float(accepted.sum())
    tendered = noncompetitive + float(amounts.sum())
    return AuctionResult(
        high_yield=high,
        accepted_usd_bn=accepted,
        noncompetitive_usd_bn=noncompetitive,
        tendered_usd_bn=tendered,
        sold_usd_bn=sold,
        bid_to_cover=tendered / sold,
        allotted_at_high_pct=100.0 * filled_at_high,
    )


def ladder(
    amount_usd_bn: float, low_yield: float, high_yield: float, bids: int = 7
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """A group's bids: ``amount_usd_bn`` split evenly over ``bids`` yields from ``low_yield`` to
    ``high_yield`` (decimals), rounded to a tenth of a basis point as auctions quote them
    (three decimals of a percent). Returns (yields, amounts), ready for :func:`clear`."""
    amount = validate.number(amount_usd_bn, "amount_usd_bn", AMOUNT_RANGE_USD_BN)
    low = validate.number(low_yield, "low_yield", AUCTION_YIELD_RANGE)
    high = validate.number(high_yield, "high_yield", Range(low, AUCTION_YIELD_RANGE.high,
                                                           "as a decimal, at least low_yield"))
    count = int(validate.number(bids, "bids", Range(1, 1000, "bids")))
    yields = np.round(np.linspace(low, high, count), 5)
    return yields, np.full(count, amount / count)
