"""The shared argument checker: every model's bad input reads the same way."""

import math

import numpy as np
import pytest

from lessons_lib import bonds, holdings, validate
from lessons_lib.validate import Range


@pytest.mark.parametrize(
    "allowed, text",
    [
        (Range(0.0, 30.0, "years"), "between 0 and 30 years"),
        (Range(0.0, 100.0, "years", low_open=True), "more than 0 and at most 100 years"),
        (Range(0.0, math.inf, "dollars", low_open=True), "more than 0 dollars"),
        (Range(0.0, math.inf, "dollars"), "at least 0 dollars"),
        (Range(-math.inf, 1.0, high_open=True), "less than 1"),
    ],
)
def test_ranges_say_what_they_allow(allowed, text):
    assert str(allowed) == text


def test_bounds_open_and_closed():
    closed = Range(0.0, 1.0)
    half_open = Range(0.0, 1.0, low_open=True)
    assert closed.contains(0.0) and closed.contains(1.0) and not closed.contains(1.0001)
    assert not half_open.contains(0.0) and half_open.contains(np.array([0.5, 1.0]))
    assert not closed.contains(float("nan")) and not closed.contains(np.array([0.5, np.inf]))
    assert closed.covers(0.0, 1.0) and not closed.covers(-0.1, 0.5)
    with pytest.raises(ValueError, match="low < high"):
        Range(1.0, 1.0)


def test_numbers_keep_shape_and_return_floats():
    out = validate.numbers([[1, 2], [3, 4]], "x", Range(0, 10))
    assert out.dtype == float and out.shape == (2, 2)
    assert validate.number(np.int64(3), "x") == 3.0
    assert validate.result(np.asarray(2.5)) == 2.5 and isinstance(validate.result(out), np.ndarray)


@pytest.mark.parametrize("bad", ["4.5", b"1", None, True, [1.0, "a"], [[1.0], [1.0, 2.0]], {}])
def test_what_is_not_a_number_is_a_value_error_naming_the_argument(bad):
    with pytest.raises(ValueError, match=r"^duration_years must be a number"):
        validate.numbers(bad, "duration_years", Range(0.0, 30.0, "years"))


def test_a_single_number_is_required_where_one_is_expected():
    with pytest.raises(ValueError, match="ytm must be a single number"):
        validate.number([0.03, 0.04], "ytm")


def test_one_of():
    assert validate.one_of(2, "frequency", (1, 2)) == 2
    for bad in (3, True, np.array([1, 2]), "2"):
        with pytest.raises(ValueError, match="frequency must be one of 1, 2"):
            validate.one_of(bad, "frequency", (1, 2))


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: bonds.price(bonds.Bond(), "3%"), "ytm"),
        (lambda: bonds.price(bonds.Bond(), None), "ytm"),
        (lambda: bonds.yield_to_maturity(bonds.Bond(), "ninety"), "price"),
        (lambda: bonds.simple_yield([90.0, "x"], 103.0), "price"),
        (lambda: bonds.price_change(bonds.Bond(), 0.03, "0.01"), "dy"),
        (lambda: bonds.Bond(coupon_rate="3"), "coupon_rate"),
        (lambda: bonds.Bond(maturity_years=None), "maturity_years"),
        (lambda: holdings.valuation_change("1000", 5.0, 0.005), "holdings_usd_bn"),
    ],
)
def test_every_model_refuses_non_numbers_with_a_value_error(call, name):
    with pytest.raises(ValueError, match=rf"^{name} must be"):
        call()


def test_one_float_or_array_type():
    assert bonds.FloatOrArray is validate.FloatOrArray is holdings.FloatOrArray
