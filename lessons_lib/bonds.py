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
- Treasury bills are quoted differently: on a discount-rate basis (actual/360), with an
  investment rate (bond-equivalent, actual/365) beside it. Use :func:`bill_price`,
  :func:`bill_discount_rate` and :func:`bill_investment_rate` with the bill's days to
  maturity (13 weeks is 91 days, :data:`BILL_TERMS_DAYS`), not :class:`Bond`: a
  ``Bond`` with a coupon of 0 is a zero-coupon bond priced on whole coupon periods, which is
  not how Treasury prices a bill.
- Yields and rates must lie in :data:`lessons_lib.validate.RATE_RANGE` (-10% to 100% a year);
  a percent typed where a decimal is expected (4.24 for 0.0424) gets a ValueError that says so.

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
from lessons_lib.validate import DECIMAL, RATE_CHANGE_RANGE, RATE_RANGE, FloatOrArray, Range

ALLOWED_FREQUENCIES = (1, 2, 4, 12)
"""Coupon payments per year that the course's bonds may have."""

FACE_RANGE = Range(0.0, math.inf, "dollars", low_open=True)
"""Face values a bond may have (and prices a buyer may pay): any positive number of dollars."""
COUPON_RATE_RANGE = Range(0.0, 1.0, DECIMAL)
"""Coupon rates a bond may have: 0 to 100% of face a year."""
MATURITY_RANGE_YEARS = Range(0.0, 100.0, "years", low_open=True)
"""Years to maturity a bond may have."""
YIELD_RANGE = RATE_RANGE
"""Yields the course's models work with: -10% to 100% a year (:data:`validate.RATE_RANGE`).

Every function that takes a yield accepts this range, :func:`yield_to_maturity` searches it,
and the explorers' yield sliders lie inside it. Every Treasury yield ever printed lies far
inside it; a yield outside it is almost certainly a slip (4.24 typed for 0.0424), and so is a
price that needs one (9 typed for 90)."""


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
    _bond(bond)
    k = np.arange(1, bond.periods + 1, dtype=float)
    amounts = np.full(bond.periods, bond.coupon)
    amounts[-1] += bond.face
    return CashFlows(times_years=k / bond.frequency, amounts=amounts)


def _bond(bond: Bond) -> Bond:
    what = "a Bond, such as bonds.Bond(coupon_rate=0.03, maturity_years=10)"
    return validate.instance(bond, "bond", Bond, what)


def _as_yields(ytm: FloatOrArray, name: str = "ytm") -> npt.NDArray[np.float64]:
    return validate.numbers(ytm, name, YIELD_RANGE)


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
    _bond(bond)
    return validate.result(_price(bond, _as_yields(ytm)))


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
    _bond(bond)
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
    earn 13 / 90 = 14.4%. It equals the yield to maturity only for an instrument with one
    payment left, a period from now, and a yield compounded once per that period: an
    annual-pay one-period IOU (``Bond(coupon_rate=0.03, maturity_years=1, frequency=1)``).
    A real Treasury note with a year left pays twice a year, and its yield (bond-equivalent,
    compounded semi-annually) differs: at $90 a 3% note with a year left yields about
    14.07%, not 14.44%.

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
    _bond(bond)
    y = _as_yields(ytm)
    flows = cash_flows(bond)
    pv = _discount_factors(bond, y) * flows.amounts
    return validate.result((pv @ flows.times_years) / pv.sum(axis=-1))


def modified_duration(bond: Bond, ytm: FloatOrArray) -> FloatOrArray:
    """Modified duration in years: -(1/P) dP/dy = D_Macaulay / (1 + y/f).

    A 1 percentage-point rise in the yield lowers the price by about this many percent.
    """
    _bond(bond)
    y = _as_yields(ytm)
    return validate.result(np.asarray(macaulay_duration(bond, y)) / (1.0 + y / bond.frequency))


def convexity(bond: Bond, ytm: FloatOrArray) -> FloatOrArray:
    """Convexity (1/P) d2P/dy2 in years squared.

    C = sum_k CF_k k (k+1) / f^2 (1 + y/f)^-(k+2) / P.
    """
    _bond(bond)
    y = _as_yields(ytm)
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
            a float or an array, -1 to 1. ``ytm + dy`` must stay in :data:`YIELD_RANGE`.

    Returns:
        :class:`PriceChange` with the exact repricing and the duration and
        duration-plus-convexity approximations.
    """
    _bond(bond)
    y0 = validate.number(ytm, "ytm", YIELD_RANGE)
    d = validate.numbers(dy, "dy", RATE_CHANGE_RANGE)
    y1 = _as_yields(y0 + d, name="ytm + dy")
    p0 = float(price(bond, y0))
    d_mod = float(modified_duration(bond, y0))
    conv = float(convexity(bond, y0))
    first = -d_mod * p0 * d
    return PriceChange(
        exact=validate.result(_price(bond, y1) - p0),
        duration=validate.result(first),
        duration_convexity=validate.result(first + 0.5 * conv * p0 * d**2),
    )


# --- Treasury bills: discount-rate quotes ---------------------------------------------------

BILL_TERMS_DAYS = {"4-week": 28, "6-week": 42, "8-week": 56, "13-week": 91, "17-week": 119,
                   "26-week": 182, "52-week": 364}
"""Days to maturity of Treasury's regular bills at issue: 13 weeks is 91 days (not a quarter
of a year), 26 weeks 182 and 52 weeks 364."""

BILL_FACE = 100.0
"""Bill prices are dollars per $100 of face value."""

DISCOUNT_YEAR_DAYS = 360
"""The discount rate's year: actual/360."""

BILL_DAYS_RANGE = Range(1.0, 366.0, "days")
"""Days to maturity a bill may have: 1 to 366 (a whole number)."""

_DISCOUNT_RATE_RANGE = RATE_RANGE


def _bill_days(days: FloatOrArray) -> npt.NDArray[np.float64]:
    r = validate.numbers(days, "days", BILL_DAYS_RANGE)
    if not np.all(r == np.round(r)):
        raise ValueError(
            f"days must be a whole number of days (91 for a 13-week bill), got {days!r}"
        )
    return r


def _year_days(year_days: int) -> int:
    return validate.one_of(year_days, "year_days", (365, 366))


def _bill_price(d: npt.NDArray[np.float64], r: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return BILL_FACE * (1.0 - d * r / DISCOUNT_YEAR_DAYS)


def _bill_prices(price: FloatOrArray, r: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """``price`` checked against ``days``: its discount rate must lie in RATE_RANGE."""
    p = validate.numbers(price, "price", Range(0.0, math.inf, "dollars per $100 face",
                                                 low_open=True))
    p, r = np.broadcast_arrays(p, r)
    d = (1.0 - p / BILL_FACE) * DISCOUNT_YEAR_DAYS / r
    if not _DISCOUNT_RATE_RANGE.contains(d):
        bad = np.flatnonzero(~((d >= RATE_RANGE.low) & (d <= RATE_RANGE.high)))[0]
        days_bad = float(r.reshape(-1)[bad])
        low = float(_bill_price(np.asarray(RATE_RANGE.high), np.asarray(days_bad)))
        high = float(_bill_price(np.asarray(RATE_RANGE.low), np.asarray(days_bad)))
        hint = ""
        value = float(p.reshape(-1)[bad])
        if value < 1.0 and low <= 100 * value <= high:
            hint = f": {value:g} looks like a fraction of face: did you mean {100 * value:g}?"
        raise ValueError(
            f"price must be between {low:g} and {high:g} dollars per $100 face for a"
            f" {days_bad:g}-day bill (discount rates -10% to 100%), got {price!r}{hint}"
        )
    return p


def bill_price(discount_rate: FloatOrArray, days: FloatOrArray) -> FloatOrArray:
    """Price of a Treasury bill (dollars per $100 face) from its discount rate.

    P = 100 (1 - d r / 360), with ``d`` the discount rate (decimal) and ``r`` the days to
    maturity: a 13-week (91-day) bill at a 4.00% discount rate costs
    100 (1 - 0.04 x 91 / 360) = $98.988889.

    Args:
        discount_rate: the bank-discount rate, decimal (0.04 is 4%), actual/360; -0.1 to 1.
        days: days to maturity, a whole number from 1 to 366 (see :data:`BILL_TERMS_DAYS`).
            Both arguments may be arrays; they broadcast against each other.

    Returns:
        Price in dollars per $100 face, a float or an array.
    """
    d = validate.numbers(discount_rate, "discount_rate", _DISCOUNT_RATE_RANGE)
    r = _bill_days(days)
    p = _bill_price(d, r)
    if not np.all(p > 0):
        raise ValueError(
            f"discount_rate must leave the bill a positive price (below 360 / days as a decimal),"
            f" got {discount_rate!r} for {days!r} days"
        )
    return validate.result(p)


def bill_discount_rate(price: FloatOrArray, days: FloatOrArray) -> FloatOrArray:
    """Discount rate (decimal, actual/360) of a bill bought at ``price`` with ``days`` to go.

    d = (100 - P) / 100 x 360 / r: the inverse of :func:`bill_price`.

    Args:
        price: dollars per $100 face (more than 0); its discount rate must lie in -10% to 100%.
        days: days to maturity, a whole number from 1 to 366.
    """
    r = _bill_days(days)
    p = _bill_prices(price, r)
    return validate.result((BILL_FACE - p) / BILL_FACE * DISCOUNT_YEAR_DAYS / r)


def bill_investment_rate(
    price: FloatOrArray, days: FloatOrArray, year_days: int = 365
) -> FloatOrArray:
    """Investment rate (decimal): the bond-equivalent yield Treasury publishes beside a bill's
    discount rate, comparable with a note's yield.

    Treasury's formulas (TreasuryDirect, "Bills: how to calculate the investment rate"), with
    ``r`` the days to maturity and ``y`` the days in the year after issue (365, or 366 when
    that year holds 29 February):

    - not more than half a year (r <= y / 2): i = (100 - P) / P x y / r;
    - longer: the root of a i^2 + b i + c = 0 with a = r / (2y) - 0.25, b = r / y,
      c = (P - 100) / P, that is i = (-b + sqrt(b^2 - 4ac)) / (2a). It solves
      P (1 + i/2) (1 + (r/y - 1/2) i) = 100: half a year compounded, the rest simple.

    A 13-week bill at a 4.00% discount rate (price $98.988889) has an investment rate of
    1.011111 / 98.988889 x 365 / 91 = 4.097%.

    Args:
        price: dollars per $100 face (more than 0); its discount rate must lie in -10% to 100%.
        days: days to maturity, a whole number from 1 to 366.
        year_days: 365, or 366 for a bill whose year after issue holds 29 February.
    """
    r = _bill_days(days)
    y = float(_year_days(year_days))
    p = _bill_prices(price, r)
    r = np.broadcast_to(r, p.shape)
    simple = (BILL_FACE - p) / p * y / r
    a = r / (2 * y) - 0.25
    b = r / y
    c = (p - BILL_FACE) / p
    long = r > y / 2
    safe_a = np.where(long, a, 1.0)
    root = (-b + np.sqrt(np.maximum(b**2 - 4 * safe_a * c, 0.0))) / (2 * safe_a)
    return validate.result(np.where(long, root, simple))
