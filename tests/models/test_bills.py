"""Treasury bills on Treasury's quotes: discount rate (actual/360) and investment rate."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessons_lib import bonds


def test_thirteen_weeks_is_91_days():
    assert bonds.BILL_TERMS_DAYS["13-week"] == 91
    assert bonds.BILL_TERMS_DAYS["26-week"] == 182 and bonds.BILL_TERMS_DAYS["52-week"] == 364
    assert sorted(bonds.BILL_TERMS_DAYS.values()) == [28, 42, 56, 91, 119, 182, 364]


def test_13_week_bill_at_4_percent_by_hand():
    # P = 100 (1 - 0.04 x 91/360) = 100 - 1.011111 = 98.988889
    p = bonds.bill_price(0.04, 91)
    assert p == pytest.approx(98.988889, abs=1e-6)
    # i = (100 - P) / P x 365/91 = 1.011111 / 98.988889 x 4.010989 = 0.040970
    assert bonds.bill_investment_rate(p, 91) == pytest.approx(0.0409698, abs=1e-7)
    assert bonds.bill_discount_rate(p, 91) == pytest.approx(0.04, abs=1e-12)


def test_a_published_91_day_auction_result():
    # Treasury's result as published: discount rate 4.975%, investment rate 5.108%,
    # price per $100 98.742431 (the three columns of an auction announcement).
    assert round(bonds.bill_price(0.04975, 91), 6) == 98.742431
    assert round(100 * bonds.bill_investment_rate(98.742431, 91), 3) == 5.108
    assert round(100 * bonds.bill_discount_rate(98.742431, 91), 3) == 4.975


def test_52_week_bill_by_the_quadratic_by_hand():
    # d = 4.12%, r = 364: P = 100 - 4.12 x 364/360 = 95.834222
    p = bonds.bill_price(0.0412, 364)
    assert p == pytest.approx(95.834222, abs=1e-6)
    a, b, c = 364 / 730 - 0.25, 364 / 365, (p - 100) / p
    by_hand = (-b + np.sqrt(b * b - 4 * a * c)) / (2 * a)
    assert by_hand == pytest.approx(0.043124, abs=1e-6)
    assert bonds.bill_investment_rate(p, 364) == pytest.approx(by_hand, abs=1e-12)


def test_half_a_year_is_the_boundary_and_a_leap_year_moves_it():
    p = 97.9
    simple_365 = (100 - p) / p * 365 / 182
    assert bonds.bill_investment_rate(p, 182) == pytest.approx(simple_365)
    simple_366 = (100 - p) / p * 366 / 183
    assert bonds.bill_investment_rate(p, 183, year_days=366) == pytest.approx(simple_366)
    # 183 days in a 365-day year is more than half a year: the quadratic, a lower rate
    assert bonds.bill_investment_rate(p, 183) < (100 - p) / p * 365 / 183


def test_vectorised_and_broadcast():
    rates = np.array([0.01, 0.04, 0.05])
    days = np.array([[28], [91], [364]])
    prices = bonds.bill_price(rates, days)
    assert prices.shape == (3, 3)
    for i, r in enumerate(days[:, 0]):
        for j, d in enumerate(rates):
            assert prices[i, j] == bonds.bill_price(float(d), int(r))
    expected = np.broadcast_to(rates, (3, 3))
    np.testing.assert_allclose(bonds.bill_discount_rate(prices, days), expected)
    inv = bonds.bill_investment_rate(prices, days)
    assert inv.shape == (3, 3) and np.all(inv > np.broadcast_to(rates, (3, 3)))


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: bonds.bill_price(4.0, 91), r"discount_rate must be .*did you mean 0.04\?"),
        (lambda: bonds.bill_price("4%", 91), r"^discount_rate must be a number"),
        (lambda: bonds.bill_price(0.04, 91.5), r"^days must be a whole number"),
        (lambda: bonds.bill_price(0.04, 0), r"^days must be between 1 and 366"),
        (lambda: bonds.bill_price(0.04, None), r"^days must be a number"),
        (lambda: bonds.bill_price(0.99, 364), r"^discount_rate must leave the bill a positive"),
        (lambda: bonds.bill_price(np.nan, 91), r"^discount_rate must be"),
        (lambda: bonds.bill_investment_rate(0.98988, 91), r"did you mean 98.988\?"),
        (lambda: bonds.bill_investment_rate(-5, 91), r"^price must be more than 0"),
        (lambda: bonds.bill_investment_rate(150.0, 91), r"^price must be between"),
        (lambda: bonds.bill_investment_rate(99.0, 91, year_days=360), r"^year_days must be"),
        (lambda: bonds.bill_discount_rate("99", 91), r"^price must be a number"),
        (lambda: bonds.bill_discount_rate([], 91), r"^price must hold at least one number"),
    ],
)
def test_bad_input_names_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


discount_rates = st.floats(min_value=-0.05, max_value=0.5)
days_st = st.integers(min_value=1, max_value=364)


@given(discount_rates, days_st)
def test_price_and_discount_rate_are_inverse(d, r):
    assert bonds.bill_discount_rate(bonds.bill_price(d, r), r) == pytest.approx(d, abs=1e-9)


@given(st.floats(min_value=0.0, max_value=0.5), days_st, st.sampled_from([365, 366]))
def test_investment_rate_solves_treasurys_equation(d, r, y):
    p = bonds.bill_price(d, r)
    i = bonds.bill_investment_rate(p, r, year_days=y)
    if r <= y / 2:
        assert p * (1 + i * r / y) == pytest.approx(100.0, rel=1e-10)
    else:
        assert p * (1 + i / 2) * (1 + (r / y - 0.5) * i) == pytest.approx(100.0, rel=1e-10)


@given(st.floats(min_value=0.0001, max_value=0.5), days_st)
def test_investment_rate_is_above_the_discount_rate(d, r):
    # the discount rate divides by face (not price) and counts a 360-day year
    p = bonds.bill_price(d, r)
    assert bonds.bill_investment_rate(p, r) > d


@given(st.floats(min_value=0.0, max_value=0.3), st.floats(min_value=0.0, max_value=0.3), days_st)
def test_price_falls_as_the_discount_rate_rises(d1, d2, r):
    lo, hi = sorted((d1, d2))
    assert bonds.bill_price(hi, r) <= bonds.bill_price(lo, r)
