"""Exercises of chapter 01c: how a Treasury auction sets its yield, and who buys.

The small auction of 01c.1 is cleared with :func:`lessons_lib.auctions.clear`; the bidder
shares of 01c.2 come from the shipped dataset ``auctions``, never typed in.
"""

import numpy as np

from lessons_lib import auctions, data
from lessons_lib.exercises.model import ExerciseMaker

exercise = ExerciseMaker.for_module(__name__)

# 01c.1: a small auction (the chapter's "Your turn")
OFFERING_USD_BN = 20.0
NONCOMPETITIVE_USD_BN = 0.4
BID_YIELDS_PCT = (4.010, 4.020, 4.030, 4.040, 4.050)
BID_AMOUNTS_USD_BN = (5.0, 6.0, 8.0, 10.0, 12.0)
_RESULT = auctions.clear(OFFERING_USD_BN, np.array(BID_YIELDS_PCT) / 100,
                         BID_AMOUNTS_USD_BN, NONCOMPETITIVE_USD_BN)
_HIGH_PCT = 100 * _RESULT.high_yield
_ACCEPTED = _RESULT.accepted_usd_bn
_PAY_AS_BID_PCT = float(np.dot(_ACCEPTED, BID_YIELDS_PCT) / _ACCEPTED.sum())

# 01c.2: 10-year auctions in 2025
_AUCTIONS = data.load("auctions")
_INDIRECT_2025_PCT = float(_AUCTIONS.loc["2025", "indirect_pct"].mean())
_INDIRECT_2015_PCT = float(_AUCTIONS.loc["2015", "indirect_pct"].mean())
_DEALER_2025_PCT = float(_AUCTIONS.loc["2025", "dealer_pct"].mean())

EXERCISES = (
    exercise(
        1,
        objective=1,
        question=f"Treasury offers ${OFFERING_USD_BN:g}bn; ${NONCOMPETITIVE_USD_BN:g}bn is bid "
        "non-competitively; the competitive bids are "
        + ", ".join(f"${a:g}bn at {y:.3f}%" for y, a in
                    zip(BID_YIELDS_PCT, BID_AMOUNTS_USD_BN, strict=True))
        + ". What is the auction's high yield? In %, to three decimals.",
        answer=_HIGH_PCT,
        unit="%",
        decimals=3,
        mistakes={
            BID_YIELDS_PCT[2]: f"At {BID_YIELDS_PCT[2]:.3f}% the bids add up to "
            f"${sum(BID_AMOUNTS_USD_BN[:3]):g}bn, short of the competitive amount "
            f"(${OFFERING_USD_BN:g}bn less the non-competitive ${NONCOMPETITIVE_USD_BN:g}bn). "
            "Keep going up the list until it is covered.",
            BID_YIELDS_PCT[-1]: f"{BID_YIELDS_PCT[-1]:.3f}% is the highest bid, not the "
            "highest bid accepted: the auction stops as soon as the offering is covered.",
            _PAY_AS_BID_PCT: f"{_PAY_AS_BID_PCT:.3f}% is the average of the yields accepted, "
            "what the winners would get on average if each got its own bid. In a "
            "uniform-price auction all get the same yield: which one?",
        },
        hint="Take away the non-competitive bids, then add up the competitive bids from the "
        "lowest yield until the rest of the offering is covered: the scaffold cell does it.",
        explanation="Every winning bidder, whatever yield it bid, gets the high yield.",
    ),
    exercise(
        2,
        objective=2,
        question="Over the 10-year note auctions of 2025 (the auctions dataset), what was the "
        "average share of indirect bidders in the competitive amount accepted? In %, to one "
        "decimal.",
        answer=_INDIRECT_2025_PCT,
        unit="%",
        decimals=1,
        mistakes={
            _INDIRECT_2015_PCT: f"{_INDIRECT_2015_PCT:.1f}% is the average of 2015. Change the "
            "year in the scaffold cell to 2025.",
            100 - _INDIRECT_2025_PCT: f"{100 - _INDIRECT_2025_PCT:.1f}% is everyone else's "
            "share: dealers and direct bidders together.",
            _DEALER_2025_PCT: f"{_DEALER_2025_PCT:.1f}% is the primary dealers' share. Use the "
            "indirect_pct column.",
        },
        hint="The mean of the indirect_pct column over the auctions of 2025.",
        explanation="Indirect bidders take most of a 10-year auction; dealers take what is left.",
    ),
    exercise(
        3,
        objective=2,
        question="The indirect bidders' share of a 10-year auction rises from 60% to 70%. Which "
        "reading does this support? (a) foreign central banks bought ten points more of the "
        "auction; (b) more of the auction went to bidders who bid through a primary dealer or "
        "the New York Fed: foreign central banks among them, but also private funds at home "
        "and abroad; (c) the auction failed to sell the whole offering. Answer with the letter "
        "in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "Foreign central banks do bid as indirect bidders, through the New York Fed, "
            "but so do many private investors who bid through a dealer. The auction results "
            "do not split the indirect share between them.",
            "c": "A larger share for indirect bidders says who won, not that anything went "
            "unsold: the offering was sold either way.",
        },
        hint="Who counts as an indirect bidder?",
        explanation="Indirect is where foreign official demand shows, mixed with private demand.",
    ),
    exercise(
        4,
        objective=3,
        question="Article C says buyers who paid $100 for a Treasury 'now bid only $90'. When "
        "Treasury auctions a new 10-year note and demand is weak, what does the auction show? "
        "(a) the note is sold at $90 with its coupon unchanged; (b) a higher high yield (a "
        "tail), a lower bid-to-cover and more of the note for the dealers, while the coupon, set "
        "from the high yield, keeps the price close to $100; (c) Treasury cancels the auction "
        "for lack of bids. Answer with the letter in quotes, e.g. \"a\".",
        answer="b",
        choices=("a", "b", "c"),
        mistakes={
            "a": "A new note's coupon is set after the auction from its high yield, so the note "
            "sells close to $100 whatever the yield. A price of $90 is a secondary-market price "
            "of a note issued earlier, when yields were lower.",
            "c": "Primary dealers must bid at every auction, so an auction is always covered: "
            "weak demand raises the yield rather than leaving notes unsold.",
        },
        hint="What adjusts at an auction: the price, the coupon or the yield?",
        explanation="Weak demand at auction shows as a higher yield, not a price of $90.",
    ),
)
