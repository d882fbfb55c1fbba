"""Bond mathematics: hand-worked cases, bad input, and properties."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons_lib import bonds
from lessons_lib.bonds import Bond


def test_par_bond_prices_at_face():
    for freq in bonds.ALLOWED_FREQUENCIES:
        bond = Bond(face=1000.0, coupon_rate=0.045, maturity_years=7, frequency=freq)
        assert bonds.price(bond, 0.045) == pytest.approx(1000.0, abs=1e-9)


def test_two_year_note_by_hand():
    # 4% semi-annual, 5% yield: 2/1.025 + 2/1.025^2 + 2/1.025^3 + 102/1.025^4
    by_hand = 2 / 1.025 + 2 / 1.025**2 + 2 / 1.025**3 + 102 / 1.025**4
    assert by_hand == pytest.approx(98.1190129, abs=1e-7)
    assert bonds.price(Bond(coupon_rate=0.04, maturity_years=2), 0.05) == pytest.approx(by_hand)


def test_cash_flows_of_a_two_year_note():
    flows = bonds.cash_flows(Bond(coupon_rate=0.04, maturity_years=2))
    np.testing.assert_allclose(flows.times_years, [0.5, 1.0, 1.5, 2.0])
    np.testing.assert_allclose(flows.amounts, [2.0, 2.0, 2.0, 102.0])


def test_articles_one_year_arithmetic():
    assert bonds.simple_yield(90.0, 103.0) == pytest.approx(13 / 90)
    assert round(100 * bonds.simple_yield(90.0, 103.0), 1) == 14.4
    assert round(100 * bonds.simple_yield(95.0, 105.0), 2) == 10.53
    one_year = Bond(coupon_rate=0.03, maturity_years=1, frequency=1)
    assert bonds.yield_to_maturity(one_year, 90.0) == pytest.approx(13 / 90, abs=1e-12)


def test_ten_year_note_at_90_yields_about_4_24_percent():
    note = Bond(coupon_rate=0.03, maturity_years=10)
    assert bonds.yield_to_maturity(note, 90.0) == pytest.approx(0.042372, abs=1e-6)


def test_zero_coupon_duration_equals_maturity():
    zero = Bond(coupon_rate=0.0, maturity_years=7.5, frequency=2)
    assert bonds.macaulay_duration(zero, 0.04) == pytest.approx(7.5)
    assert bonds.modified_duration(zero, 0.04) == pytest.approx(7.5 / 1.02)


def test_convexity_of_zero_by_hand():
    # P = (1+y/2)^-n with n = 2T, so (1/P) d2P/dy2 = n(n+1) / 4 / (1+y/2)^2
    zero = Bond(coupon_rate=0.0, maturity_years=5, frequency=2)
    assert bonds.convexity(zero, 0.06) == pytest.approx(10 * 11 / 4 / 1.03**2)


def test_vectorised_over_yields_matches_scalar_calls():
    note = Bond(coupon_rate=0.03, maturity_years=10)
    ys = np.linspace(0.0, 0.15, 31).reshape(31)
    prices = bonds.price(note, ys)
    assert isinstance(prices, np.ndarray) and prices.shape == (31,)
    np.testing.assert_allclose(prices, [bonds.price(note, float(y)) for y in ys])
    grid = bonds.price(note, ys.reshape(31, 1))
    assert grid.shape == (31, 1)
    np.testing.assert_allclose(bonds.yield_to_maturity(note, prices), ys, atol=1e-10)


def test_price_change_three_ways():
    note = Bond(coupon_rate=0.03, maturity_years=10)
    change = bonds.price_change(note, 0.03, 0.01)
    assert change.exact == pytest.approx(bonds.price(note, 0.04) - 100.0)
    assert change.duration == pytest.approx(-bonds.modified_duration(note, 0.03) * 100 * 0.01)
    # convexity brings the estimate closer to the exact change
    assert abs(change.duration_convexity - change.exact) < abs(change.duration - change.exact)
    both = bonds.price_change(note, 0.03, np.array([-0.01, 0.01]))
    assert both.exact.shape == (2,)


@pytest.mark.parametrize(
    "kwargs, word",
    [
        ({"face": -100.0}, "face"),
        ({"face": float("nan")}, "face"),
        ({"coupon_rate": -0.01}, "coupon_rate"),
        ({"coupon_rate": 3.0}, "coupon_rate"),
        ({"maturity_years": -1.0}, "maturity_years"),
        ({"maturity_years": 0.0}, "maturity_years"),
        ({"maturity_years": 10.3}, "whole number of coupon periods"),
        ({"frequency": 3}, "frequency"),
    ],
)
def test_bad_bonds_are_refused_with_the_argument_named(kwargs, word):
    with pytest.raises(ValueError, match=word):
        Bond(**kwargs)


def test_bond_is_immutable():
    bond = Bond()
    with pytest.raises(AttributeError):
        bond.coupon_rate = 0.05  # type: ignore[misc]


@pytest.mark.parametrize("bad", [float("nan"), -2.0, -5.0, np.array([0.03, np.inf])])
def test_bad_yields_are_refused(bad):
    with pytest.raises(ValueError, match="ytm"):
        bonds.price(Bond(), bad)


@pytest.mark.parametrize("bad", [0.0, -5.0, 1e6, float("nan")])
def test_prices_no_yield_can_produce(bad):
    with pytest.raises(ValueError, match="price must be between"):
        bonds.yield_to_maturity(Bond(), bad)


def test_simple_yield_bad_input():
    with pytest.raises(ValueError, match="price"):
        bonds.simple_yield(0.0, 103.0)
    with pytest.raises(ValueError, match="payoff"):
        bonds.simple_yield(90.0, -1.0)


bonds_strategy = st.builds(
    Bond,
    face=st.sampled_from([100.0, 1000.0]),
    coupon_rate=st.floats(0.0, 0.15),
    maturity_years=st.integers(1, 30).map(float),
    frequency=st.sampled_from(bonds.ALLOWED_FREQUENCIES),
)
yields = st.floats(-0.02, 0.25)


@settings(max_examples=200, deadline=None)
@given(bonds_strategy, yields, st.floats(1e-4, 0.05))
def test_price_falls_and_is_convex_in_yield(bond, y, h):
    p_lo, p_mid, p_hi = bonds.price(bond, np.array([y - h, y, y + h]))
    assert p_lo > p_mid > p_hi
    assert p_lo + p_hi - 2 * p_mid >= -1e-9 * bond.face


@settings(max_examples=200, deadline=None)
@given(bonds_strategy, yields)
def test_yield_round_trip(bond, y):
    assert bonds.yield_to_maturity(bond, bonds.price(bond, y)) == pytest.approx(y, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(bonds_strategy, st.floats(0.0, 0.25))
def test_durations_positive_and_no_longer_than_maturity(bond, y):
    d_mac = bonds.macaulay_duration(bond, y)
    d_mod = bonds.modified_duration(bond, y)
    assert 0 < d_mod <= d_mac <= bond.maturity_years + 1e-12
    assert bonds.convexity(bond, y) > 0


@settings(max_examples=100, deadline=None)
@given(bonds_strategy, st.floats(0.0, 0.2), st.floats(-0.02, 0.02))
def test_duration_convexity_is_a_second_order_estimate(bond, y, dy):
    change = bonds.price_change(bond, y, dy)
    # third-order remainder: at most P (T + 1)^3 |dy|^3 / 6, and P <= face (1 + 30 c)
    scale = bond.face * (1 + 30 * bond.coupon_rate) * (bond.maturity_years + 1) ** 3 * abs(dy) ** 3
    assert math.isclose(change.duration_convexity, change.exact, abs_tol=scale + 1e-9)
