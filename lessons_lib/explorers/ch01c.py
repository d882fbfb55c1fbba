"""Chapter 01c's explorer: who bids at a Treasury auction, and what sets the yield."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from lessons_lib import auctions
from lessons_lib.explorers.base import Control, Explorer
from lessons_lib.style import BASELINE, PALETTE

INDIRECT = Control(
    "indirect_usd_bn", "Indirect bidders' bids (USD bn)", 0.0, 80.0, 1.0, 45.0,
    model_range=auctions.AMOUNT_RANGE_USD_BN, readout_format=".0f",
)
DIRECT = Control(
    "direct_usd_bn", "Direct bidders' bids (USD bn)", 0.0, 40.0, 1.0, 12.0,
    model_range=auctions.AMOUNT_RANGE_USD_BN, readout_format=".0f",
)

GROUPS = ("primary dealers", "direct bidders", "indirect bidders")


class AuctionOutcome(NamedTuple):
    """An auction of the explorer's scenario: the result and each group's share (% of the
    competitive amount accepted, in the order of :data:`GROUPS`)."""

    result: auctions.AuctionResult
    shares_pct: tuple[float, float, float]
    tail_bp: float


class AuctionExplorer(Explorer):
    """A 10-year note auction with three groups of bidders (a stylised scenario).

    Treasury offers ``offering_usd_bn``; ``noncompetitive_usd_bn`` is bid non-competitively.
    Indirect and direct bidders spread their bids over yields near the when-issued yield
    (the market's yield for the note just before the auction); primary dealers bid a fixed
    amount at somewhat higher yields, as they must bid at every auction. The sliders set the
    indirect and direct bidders' totals; the readout gives the high yield, the tail against
    the when-issued yield, the bid-to-cover and who was allotted what.

    Args:
        offering_usd_bn: the amount sold, USD billions.
        when_issued_pct: the when-issued yield before the auction, % a year.
        dealers_usd_bn: the primary dealers' bids, USD billions.
        noncompetitive_usd_bn: non-competitive bids, USD billions.
    """

    controls = (INDIRECT, DIRECT)

    def __init__(
        self,
        offering_usd_bn: float = 42.0,
        when_issued_pct: float = 4.07,
        dealers_usd_bn: float = 50.0,
        noncompetitive_usd_bn: float = 0.3,
        **values: float,
    ) -> None:
        self.offering_usd_bn = offering_usd_bn
        self.when_issued_pct = when_issued_pct
        self.dealers_usd_bn = dealers_usd_bn
        self.noncompetitive_usd_bn = noncompetitive_usd_bn
        super().__init__(**values)

    def bids(self, indirect_usd_bn: float, direct_usd_bn: float) -> tuple[np.ndarray, ...]:
        """Every competitive bid: (yields as decimals, amounts in USD billions, group index)."""
        wi = self.when_issued_pct / 100
        bp = 0.0001
        spreads = {  # each group's lowest and highest bid, basis points from the WI yield
            0: (self.dealers_usd_bn, 0.0, 6.0),
            1: (direct_usd_bn, -1.5, 1.0),
            2: (indirect_usd_bn, -2.0, 1.0),
        }
        parts = [auctions.ladder(amount, wi + low * bp, wi + high * bp)
                 for amount, low, high in spreads.values()]
        group = np.repeat(np.arange(3), [len(y) for y, _ in parts])
        return (np.concatenate([y for y, _ in parts]), np.concatenate([a for _, a in parts]),
                group)

    def outcome(self, indirect_usd_bn: float, direct_usd_bn: float) -> AuctionOutcome:
        """The auction with these indirect and direct bids (USD billions)."""
        yields, amounts, group = self.bids(indirect_usd_bn, direct_usd_bn)
        result = auctions.clear(self.offering_usd_bn, yields, amounts, self.noncompetitive_usd_bn)
        accepted = result.accepted_usd_bn
        total = accepted.sum()
        shares = tuple(float(100 * accepted[group == g].sum() / total) for g in range(3))
        tail_bp = 10_000 * result.high_yield - 100 * self.when_issued_pct
        return AuctionOutcome(result, shares, round(tail_bp, 1))

    def _curve(self, indirect_usd_bn: float, direct_usd_bn: float):
        yields, amounts, _ = self.bids(indirect_usd_bn, direct_usd_bn)
        order = np.argsort(yields, kind="stable")
        x = 100 * yields[order]
        y = self.noncompetitive_usd_bn + np.cumsum(amounts[order])
        # from the left edge (non-competitive bids only) to past the right edge of the axes
        wi = self.when_issued_pct
        return (np.r_[wi - 1.0, x, wi + 1.0],
                np.r_[self.noncompetitive_usd_bn, y, y[-1]])

    def draw_frame(self, ax: Axes, indirect_usd_bn: float,
                   direct_usd_bn: float) -> tuple[Artist, ...]:
        x, y = self._curve(indirect_usd_bn, direct_usd_bn)
        ax.step(x, y, where="post", color=BASELINE, linestyle="--", linewidth=1.5,
                label="bids at the starting values")
        (self.curve,) = ax.step(x, y, where="post", color=PALETTE["blue"], linewidth=2.5,
                                label="bids at or below each yield")
        ax.axhline(self.offering_usd_bn, color="black", linewidth=1, linestyle=":",
                   label=f"offering ({self.offering_usd_bn:g} bn)")
        ax.axvline(self.when_issued_pct, color=PALETTE["vermillion"], linewidth=1,
                   linestyle="-.", label="when-issued yield before the auction")
        (self.marker,) = ax.plot([], [], "o", color=PALETTE["vermillion"], markersize=9,
                                 label="high yield (every winner gets it)")
        top = INDIRECT.high + DIRECT.high + self.dealers_usd_bn + self.noncompetitive_usd_bn
        ax.set_xlim(self.when_issued_pct - 0.03, self.when_issued_pct + 0.07)
        ax.set_ylim(0, top * 1.05)
        ax.set_xlabel("Bid yield (% a year)")
        ax.set_ylabel("Bids at or below that yield (USD bn)")
        ax.legend(loc="lower right", fontsize="small")
        return (self.curve, self.marker, ax.title)

    def draw(self, indirect_usd_bn: float, direct_usd_bn: float) -> str:
        x, y = self._curve(indirect_usd_bn, direct_usd_bn)
        self.curve.set_data(x, y)
        found = self.outcome(indirect_usd_bn, direct_usd_bn)
        result = found.result
        self.marker.set_data([100 * result.high_yield], [result.sold_usd_bn])
        self.ax.set_title(f"High yield {100 * result.high_yield:.3f}%, "
                          f"bid-to-cover {result.bid_to_cover:.2f}")
        dealers, direct, indirect = found.shares_pct
        sold = ("sold in full" if result.sold_usd_bn >= self.offering_usd_bn - 1e-9
                else f"only {result.sold_usd_bn:.1f} of {self.offering_usd_bn:g} bn sold")
        return (
            f"High yield {100 * result.high_yield:.3f}% ({sold}): a tail of "
            f"{found.tail_bp:+.1f} basis points against the {self.when_issued_pct:.3f}% "
            f"when-issued yield. Bid-to-cover {result.bid_to_cover:.2f}. Allotted: dealers "
            f"{dealers:.0f}%, direct bidders {direct:.0f}%, indirect bidders {indirect:.0f}%."
        )
