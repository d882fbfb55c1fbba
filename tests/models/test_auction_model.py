"""lessons_lib.auctions: a uniform-price auction worked by hand, bad input, properties."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessons_lib import auctions


def test_a_small_auction_worked_by_hand():
    # $10bn offered, $1bn non-competitive; bids of 4bn at 4.00%, 3bn at 4.02%, 4bn at 4.03%
    result = auctions.clear(10.0, [0.0400, 0.0402, 0.0403], [4.0, 3.0, 4.0], 1.0)
    assert result.high_yield == 0.0403  # 4 + 3 = 7 < 9 needed, so the 4.03% bids set it
    assert result.accepted_usd_bn == pytest.approx([4.0, 3.0, 2.0])  # half of the last bid
    assert result.allotted_at_high_pct == pytest.approx(50.0)
    assert result.tendered_usd_bn == pytest.approx(12.0)
    assert result.sold_usd_bn == pytest.approx(10.0)
    assert result.bid_to_cover == pytest.approx(1.2)


def test_bids_in_any_order_give_the_same_result():
    a = auctions.clear(10.0, [0.0403, 0.0400, 0.0402], [4.0, 4.0, 3.0], 1.0)
    assert a.high_yield == 0.0403 and a.accepted_usd_bn == pytest.approx([2.0, 4.0, 3.0])


def test_bids_that_fall_short_are_all_accepted():
    result = auctions.clear(10.0, [0.04, 0.05], [2.0, 3.0])
    assert result.sold_usd_bn == pytest.approx(5.0) and result.high_yield == 0.05
    assert result.bid_to_cover == pytest.approx(1.0)


@pytest.mark.parametrize(
    "args, message",
    [
        ((10.0, [4.1], [20.0]), "bid_yields must be .*did you mean 0.041"),
        ((0.0, [0.04], [20.0]), "offering_usd_bn must be more than 0"),
        ((10.0, [0.04, 0.05], [20.0]), "one value per bid"),
        ((10.0, [0.04], [-1.0]), "bid_amounts_usd_bn must be between 0"),
        ((10.0, [0.04], [0.0]), "positive amount"),
        ((10.0, "4%", [1.0]), "bid_yields must be a number"),
        ((10.0, [0.04], [20.0], 11.0), "noncompetitive_usd_bn must be .*at most the offering"),
    ],
)
def test_bad_input_is_refused_with_the_argument_named(args, message):
    with pytest.raises(ValueError, match=message):
        auctions.clear(*args)


def test_ladder_spreads_an_amount_evenly():
    yields, amounts = auctions.ladder(7.0, 0.04, 0.0406, bids=7)
    assert yields == pytest.approx(np.linspace(0.04, 0.0406, 7))
    assert amounts.sum() == pytest.approx(7.0)
    with pytest.raises(ValueError, match="high_yield must be"):
        auctions.ladder(7.0, 0.05, 0.04)


@given(
    st.floats(1.0, 100.0),
    st.lists(st.tuples(st.floats(0.0, 0.1), st.floats(0.1, 50.0)), min_size=1, max_size=20),
)
def test_properties(offering, bids):
    yields, amounts = (np.array(v) for v in zip(*bids, strict=True))
    result = auctions.clear(offering, yields, amounts)
    assert result.sold_usd_bn == pytest.approx(min(offering, amounts.sum()))
    assert np.all(result.accepted_usd_bn <= amounts + 1e-9)
    # every bid below the high yield is filled in full, every bid above it gets nothing
    assert np.allclose(result.accepted_usd_bn[yields < result.high_yield],
                       amounts[yields < result.high_yield])
    assert np.all(result.accepted_usd_bn[yields > result.high_yield] == 0)
    assert result.bid_to_cover >= 1.0 - 1e-12
