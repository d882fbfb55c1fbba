"""Fixed-rate Treasury securities: cash flows, price, yield, duration and convexity.

Conventions (used throughout the course):

- Valuation is on a coupon date, so there is no accrued interest: the price is the
  full ("dirty") price and equals the quoted ("clean") price.
- Prices are per ``face`` (by default per $100 of face value).
- Yields are decimals (0.03 is 3%) compounded at the bond's coupon frequency. For a
  semi-annual Treasury note this is the bond-equivalent yield that Treasury and the
  Federal Reserve's H.15 release quote.
- Times are in years; a bond pays ``face * coupon_rate / frequency`` every
  ``1 / frequency`` years and its face value with the last coupon.
- A Treasury bill is a zero-coupon bond: ``Bond(coupon_rate=0.0, maturity_years=0.25,
  frequency=4)`` is a 13-week bill priced with a quarterly-compounded yield.

Every function accepts a float or a NumPy array of yields and works element-wise
without a Python loop over the yields. A bad argument raises a ``ValueError`` naming it and
the range it accepts (:mod:`lessons_lib.validate`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from scipy.optimize import brentq

from lessons_lib import validate
from lessons_lib.validate import DECIMAL, FloatOrArray, Range

ALLOWED_FREQUENCIES = (1, 2, 4, 12)
"""Coupon payments per year that the course's bonds may have."""

FACE_RANGE = Range(0.0, math.inf, "dollars", low_open=True)
"""Face values a bond may have (and prices a buyer may pay): any positive number of dollars."""
COUPON_RATE_RANGE = Range(0.0, 1.0, DECIMAL)
"""Coupon rates a bond may have: 0 to 100% of face a year."""
MATURITY_RANGE_YEARS = Range(0.0, 100.0, "years", low_open=True)
"""Years to maturity a bond may have."""
YIELD_RANGE = Range(-0.5, 2.0, DECIMAL)
"""Yields the course's models work with: -50% to 200% a year.

:func:`yield_to_maturity` searches this range, and the explorers' yield sliders lie inside it.
Every Treasury yield ever printed lies far inside it; a price that needs a yield outside it is
almost certainly a typing slip (for example 9 for 90). :func:`price` itself accepts any yield
above -100% a coupon period."""


@dataclass(frozen=True)
class Bond:
    """A fixed-rate bond valued on a coupon date.

    Args:
        face: face (par) value repaid at maturity, in dollars; > 0. Default $100.
        coupon_rate: annual coupon as a decimal of face (0.03 = 3%); 0 <= rate <= 1.
        maturity_years: years to maturity; > 0, at most 100, and a whole number of
            coupon periods (``maturity_years * frequency`` is an integer).
        frequency: coupon payments a year, one of 1, 2, 4, 12. Treasury notes and
            bonds pay twice a year (2).
    """

    face: float = 100.0
    coupon_rate: float = 0.03
    maturity_years: float = 10.0
    frequency: int = 2

    def __post_init__(self) -> None:
        validate.number(self.face, "face", FACE_RANGE)
        validate.number(self.coupon_rate, "coupon_rate", COUPON_RATE_RANGE)
        validate.one_of(self.frequency, "frequency", ALLOWED_FREQUENCIES)
        validate.number(self.maturity_years, "maturity_years", MATURITY_RANGE_YEARS)
        periods = self.maturity_years * self.frequency
        if abs(periods - round(periods)) > 1e-9:
            raise ValueError(
                f"maturity_years must be a whole number of coupon periods of 1/{self.frequency}"
                f" year, got {self.maturity_years!r} ({periods:g} periods)"
            )

    @property
    def periods(self) -> int:
        """Number of coupon periods to maturity."""
        return int(round(self.maturity_years * self.frequency))

    @property
    def coupon(self) -> float:
        """Dollars paid each coupon period."""
        return self.face * self.coupon_rate / self.frequency


class CashFlows(NamedTuple):
    """A bond's remaining payments: times in years and amounts in dollars."""

    times_years: npt.NDArray[np.float64]
    amounts: npt.NDArray[np.float64]


class PriceChange(NamedTuple):
    """Price change (dollars per ``face``) for a yield change, three ways.

    ``exact`` reprices the bond; ``duration`` is the first-order estimate
    ``-D_mod * P * dy``; ``duration_convexity`` adds ``0.5 * C * P * dy**2``.
    """

    exact: FloatOrArray
    duration: FloatOrArray
    duration_convexity: FloatOrArray


def cash_flows(bond: Bond) -> CashFlows:
    """Times (years) and amounts (dollars) of every remaining payment of ``bond``."""
    k = np.arange(1, bond.periods + 1, dtype=float)
    amounts = np.full(bond.periods, bond.coupon)
    amounts[-1] += bond.face
    return CashFlows(times_years=k / bond.frequency, amounts=amounts)


def _priceable(bond: Bond) -> Range:
    """Yields that give ``bond`` a price: above -100% a coupon period."""
    unit = "as a decimal (0.03 is 3%; -100% a coupon period or less has no price)"
    return Range(-float(bond.frequency), math.inf, unit, low_open=True)


def _as_yields(ytm: FloatOrArray, bond: Bond, name: str = "ytm") -> npt.NDArray[np.float64]:
    return validate.numbers(ytm, name, _priceable(bond))


def _discount_factors(bond: Bond, y: npt.NDArray[np.float64], extra_power: int = 0):
    """Discount factors ``(1 + y/f) ** -(k + extra_power)``, shape ``y.shape + (periods,)``."""
    k = np.arange(1, bond.periods + 1, dtype=float)
    base = 1.0 + y[..., np.newaxis] / bond.frequency
    return base ** -(k + extra_power)


def _price(bond: Bond, y: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return _discount_factors(bond, y) @ cash_flows(bond).amounts


def price(bond: Bond, ytm: FloatOrArray) -> FloatOrArray:
    """Price of ``bond`` (dollars per ``face``) at yield to maturity ``ytm``.

    P = sum_k CF_k / (1 + y/f)^k, where ``f`` is the coupon frequency.

    Args:
        bond: the bond.
        ytm: yield to maturity, decimal (0.03 = 3%), compounded ``bond.frequency``
            times a year; a float or an array of any shape.

    Returns:
        Price in dollars per ``bond.face``, a float or an array shaped like ``ytm``.
    """
    return validate.result(_price(bond, _as_yields(ytm, bond)))


def yield_to_maturity(bond: Bond, price: FloatOrArray) -> FloatOrArray:
    """Yield to maturity (decimal, compounded at ``bond.frequency``) that gives ``price``.

    Solved with SciPy's Brent root finder over :data:`YIELD_RANGE`; the price
    is strictly decreasing in the yield, so the root is unique.

    Args:
        bond: the bond.
        price: price in dollars per ``bond.face``; a float or an array.

    Raises:
        ValueError: if a price is not positive or needs a yield outside
            :data:`YIELD_RANGE` (the error gives the prices that are possible).
    """
    low_y, high_y = YIELD_RANGE.low, YIELD_RANGE.high
    possible = Range(
        float(_price(bond, np.asarray(high_y))),
        float(_price(bond, np.asarray(low_y))),
        f"dollars per {bond.face:g} face for this bond (yields {low_y:.0%} to {high_y:.0%})",
    )
    p = validate.numbers(price, "price", possible)

    def gap(y: float, target: float) -> float:
        return float(_price(bond, np.asarray(y))) - target

    solve = np.vectorize(lambda target: brentq(gap, low_y, high_y, args=(target,), xtol=1e-14))
    return validate.result(solve(p).astype(float))


def simple_yield(price: FloatOrArray, payoff: FloatOrArray) -> FloatOrArray:
    """One-period return of buying at ``price`` and receiving ``payoff`` (decimal).

    This is the first article's arithmetic: pay $90, receive $103 a year later,
    earn 13 / 90 = 14.4%. It equals the yield to maturity only for a bond with one
    period left.

    Args:
        price: price paid, dollars (> 0).
        payoff: dollars received at the end of the period (>= 0).
    """
    p = validate.numbers(price, "price", FACE_RANGE)
    q = validate.numbers(payoff, "payoff", Range(0.0, math.inf, "dollars"))
    return validate.result(q / p - 1.0)


def macaulay_duration(bond: Bond, ytm: FloatOrArray) -> FloatOrArray:
    """Macaulay duration in years: the present-value-weighted average time of the payments.

    D = sum_k t_k PV(CF_k) / P. A zero-coupon bond's duration equals its maturity.
    """
    y = _as_yields(ytm, bond)
    flows = cash_flows(bond)
    pv = _discount_factors(bond, y) * flows.amounts
    return validate.result((pv @ flows.times_years) / pv.sum(axis=-1))


def modified_duration(bond: Bond, ytm: FloatOrArray) -> FloatOrArray:
    """Modified duration in years: -(1/P) dP/dy = D_Macaulay / (1 + y/f).

    A 1 percentage-point rise in the yield lowers the price by about this many percent.
    """
    y = _as_yields(ytm, bond)
    return validate.result(np.asarray(macaulay_duration(bond, y)) / (1.0 + y / bond.frequency))


def convexity(bond: Bond, ytm: FloatOrArray) -> FloatOrArray:
    """Convexity (1/P) d2P/dy2 in years squared.

    C = sum_k CF_k k (k+1) / f^2 (1 + y/f)^-(k+2) / P.
    """
    y = _as_yields(ytm, bond)
    k = np.arange(1, bond.periods + 1, dtype=float)
    amounts = cash_flows(bond).amounts
    second = _discount_factors(bond, y, extra_power=2) @ (amounts * k * (k + 1))
    second /= bond.frequency**2
    return validate.result(second / (_discount_factors(bond, y) @ amounts))


def price_change(bond: Bond, ytm: float, dy: FloatOrArray) -> PriceChange:
    """Change in price (dollars per ``face``) when the yield moves from ``ytm`` by ``dy``.

    Args:
        bond: the bond.
        ytm: starting yield, decimal.
        dy: yield change, decimal (0.01 is +1 percentage point, 100 basis points);
            a float or an array. ``ytm + dy`` must stay above ``-frequency``.

    Returns:
        :class:`PriceChange` with the exact repricing and the duration and
        duration-plus-convexity approximations.
    """
    y0 = validate.number(ytm, "ytm", _priceable(bond))
    d = validate.numbers(dy, "dy")
    y1 = _as_yields(y0 + d, bond, name="ytm + dy")
    p0 = float(price(bond, y0))
    d_mod = float(modified_duration(bond, y0))
    conv = float(convexity(bond, y0))
    first = -d_mod * p0 * d
    return PriceChange(
        exact=validate.result(_price(bond, y1) - p0),
        duration=validate.result(first),
        duration_convexity=validate.result(first + 0.5 * conv * p0 * d**2),
    )
