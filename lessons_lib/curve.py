"""The yield curve: a smooth curve fitted to a day's yields, its moves, the cost of new
issuance along it, what a yield is made of, and the curve's shape over history.

Conventions (as in the rest of the library):

- Maturities are in years (3 months is 0.25), yields and rates are decimals (0.04 is 4%)
  unless a name says ``_pct``, ``_points`` (percentage points) or ``_bp`` (basis points);
  amounts are USD billions (``_usd_bn``).
- The curve is fitted to Treasury's **par** yields (the constant-maturity yields of the
  dataset ``yield_curve_daily``, bond-equivalent, semi-annual), as quoted: ``yield_at`` gives
  par yields. :func:`zero_coupon_yields` bootstraps zero-coupon yields from it, and the
  forward rates of :func:`issuance_cost` come from those.
- The fitted form is Nelson-Siegel (1987),

      y(m) = level + slope * L1(m / decay) + curvature * L2(m / decay),
      L1(x) = (1 - exp(-x)) / x,   L2(x) = L1(x) - exp(-x),

  ``level`` is the long end (m -> infinity), ``level + slope`` the short end (m -> 0); the curvature
  factor peaks at about 1.79 x ``decay_years``.
- The decay is bounded (:data:`DECAY_RANGE_YEARS`, 0.25 to 10 years, so that the hump lies
  between about 5 months and 18 years, inside the maturities Treasury quotes; a shorter decay
  makes the slope factor a copy of the level beyond the shortest maturity, a longer one makes
  it a straight line that the curvature factor copies).
- Svensson's (1994) extension, a second hump, was tried and left out: it fits the dataset's
  days 1-2 basis points better but is not stable (its two humps trade off against the level;
  on some days the parameters run to +-100% and cancel), and the course needs parameters a
  student can read.
- Given the decay the curve is linear in the other parameters, so the fit solves for them by
  linear least squares and searches the decay with SciPy's ``least_squares`` (bounded),
  starting from the best point of a grid (variable projection). A flat curve is fitted
  exactly: level = the yield, slope = curvature = 0.

Every function checks its arguments with :mod:`lessons_lib.validate`: a bad one raises a
``ValueError`` naming it and the range it accepts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy.optimize import least_squares

from lessons_lib import maturity, validate
from lessons_lib.validate import RATE_CHANGE_RANGE, RATE_RANGE, FloatOrArray, Range

# --- ranges ------------------------------------------------------------------------------

MATURITY_RANGE_YEARS = Range(0.0, 100.0, "years", low_open=True)
"""Maturities the curve is evaluated at: above 0, up to 100 years."""
DECAY_RANGE_YEARS = Range(0.25, 10.0, "years")
"""Nelson-Siegel decay the fit searches and a :class:`Curve` accepts (see the module's notes)."""
LEVEL_RANGE = RATE_RANGE
"""The curve's long-end level: a rate, -10% to 100% as a decimal."""
FACTOR_RANGE = RATE_CHANGE_RANGE
"""Slope and curvature: differences of yields, -1 to 1 as a decimal."""
MOVE_RANGE_BP = Range(-1000.0, 1000.0, "basis points")
"""Curve moves (shift, steepening, butterfly): up to 1,000 basis points (10 points) either way."""
PIVOT_RANGE_YEARS = Range(0.0, 10.0, "years", low_open=True, high_open=True)
"""Pivot of a steepening: the maturity whose yield stays put, above 0 and below 10 years."""
STEEPEN_REFERENCE_YEARS = 10.0
"""A steepening of s basis points raises the 10-year yield by s relative to the pivot."""
SHARE_RANGE = Range(0.0, 1.0, "as a decimal (0.2 is 20%)")
"""Shares of an issuance mix: 0 to 1 as decimals, summing to 1."""
SHARE_SUM_TOLERANCE = 1e-6
"""How far from 1 the shares of a mix may sum (rounding)."""
ISSUE_MATURITY_RANGE_YEARS = Range(1.0 / 52.0, 100.0, "years")
"""Maturities a new issue may have: one week (1/52 year) to 100 years."""
AMOUNT_RANGE_USD_BN = Range(0.0, 100_000.0, "USD billions")
"""Amounts issued: none to $100 trillion."""
HORIZON_RANGE_YEARS = Range(1.0, 50.0, "years")
"""Horizons of :func:`issuance_cost`: 1 to 50 whole years."""
YIELD_PCT_RANGE = Range(-10.0, 100.0, "percent")
"""Yields in percent (4.24 is 4.24%)."""
TERM_PREMIUM_PCT_RANGE = Range(-10.0, 10.0, "percent")
"""The 10-year term premium in percent: ACM's estimate has stayed within -2 and +5 since 1961."""
MIN_MATURITIES = 4
"""The fewest maturities a curve is fitted to (its number of parameters)."""
ROLLOVER_RULES = ("unchanged", "forward")
"""How :func:`issuance_cost` prices a rollover: at the curve as it is, or at its forwards."""

KIND_MATURITIES_YEARS = {
    "bills": (0.25,),
    "notes": (2.0, 3.0, 5.0, 7.0, 10.0),
    "bonds": (20.0, 30.0),
}
"""The maturities standing for each kind in :func:`mix_by_kind`, each share split equally
among them: bills as 3-month bills (rolled over every quarter), notes as the five note
maturities Treasury auctions, bonds as the 20- and 30-year bond. An assumption, not Treasury's
auction calendar."""

_COLUMN = re.compile(r"^y(\d+)([my])_pct$")
_GRID_SIZE = 25


# --- the curve ---------------------------------------------------------------------------


def _loadings(m: npt.NDArray[np.float64], decay: float) -> tuple[npt.NDArray[np.float64], ...]:
    x = m / decay
    slope = -np.expm1(-x) / x
    return slope, slope - np.exp(-x)


@dataclass(frozen=True)
class Curve:
    """A Nelson-Siegel yield curve: par yields, decimals, by maturity in years.

    Args:
        level: the long end (m -> infinity), decimal; -0.1 to 1.
        slope: short end minus long end, decimal; -1 to 1 (negative: upward sloping).
        curvature: the hump, decimal; -1 to 1.
        decay_years: where the hump lies (it peaks at about 1.79 x this); 0.25 to 10.
    """

    level: float
    slope: float = 0.0
    curvature: float = 0.0
    decay_years: float = 1.5

    def __post_init__(self) -> None:
        validate.number(self.level, "level", LEVEL_RANGE)
        validate.number(self.slope, "slope", FACTOR_RANGE)
        validate.number(self.curvature, "curvature", FACTOR_RANGE)
        validate.number(self.decay_years, "decay_years", DECAY_RANGE_YEARS)

    def _yields(self, m: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        l1, l2 = _loadings(m, self.decay_years)
        return self.level + self.slope * l1 + self.curvature * l2

    def yield_at(self, maturities_years: FloatOrArray) -> FloatOrArray:
        """Par yields (decimals) at ``maturities_years`` (above 0, up to 100; any shape)."""
        m = validate.numbers(maturities_years, "maturities_years", MATURITY_RANGE_YEARS)
        return validate.result(self._yields(m))


class CurveFit(NamedTuple):
    """A fitted curve and how well it fits: the residuals (fitted minus observed) in basis
    points at the maturities it was fitted to, and their root mean square."""

    curve: Curve
    maturities_years: npt.NDArray[np.float64]
    residuals_bp: npt.NDArray[np.float64]
    rmse_bp: float


def _linear(m, y, decay):
    design = np.column_stack([np.ones_like(m), *_loadings(m, float(decay[0]))])
    betas = np.linalg.lstsq(design, y, rcond=None)[0]
    return betas, design @ betas - y


def fit(maturities_years: FloatOrArray, par_yields: FloatOrArray) -> CurveFit:
    """Fit a Nelson-Siegel curve to par yields by least squares.

    The decay is searched within :data:`DECAY_RANGE_YEARS` by ``scipy.optimize.least_squares``
    (bounded), from the best point of a grid; level, slope and curvature are the linear
    least-squares solution for that decay. Each maturity weighs the same. A flat curve is
    fitted exactly: equal yields give ``Curve(level=the yield)`` (slope and curvature 0, the
    default decay), which least squares would also reach up to rounding, but with a slope
    and curvature of 1e-11 that offset each other when the maturities cannot tell the
    factors apart.

    Args:
        maturities_years: the maturities, years (above 0, up to 100); at least 4 distinct.
        par_yields: the yields at those maturities, decimals (0.04 is 4%), same shape.
    """
    m = validate.numbers(maturities_years, "maturities_years", MATURITY_RANGE_YEARS).reshape(-1)
    y = validate.numbers(par_yields, "par_yields", RATE_RANGE).reshape(-1)
    if y.shape != m.shape:
        raise ValueError(f"par_yields must hold one yield per maturity of maturities_years "
                         f"({m.size}), got {y.size}")
    if np.unique(m).size < MIN_MATURITIES:
        raise ValueError(f"maturities_years must hold at least {MIN_MATURITIES} distinct "
                         f"maturities, got {np.unique(m).size}")
    if np.ptp(y) == 0:  # flat: the level alone, not a combination the design cannot tell apart
        return CurveFit(Curve(level=float(y[0])), m, np.zeros_like(m), 0.0)
    low, high = DECAY_RANGE_YEARS.low, DECAY_RANGE_YEARS.high
    grid = np.geomspace(low, high, _GRID_SIZE)
    sse = [float(np.sum(_linear(m, y, [d])[1] ** 2)) for d in grid]
    decay = float(grid[int(np.argmin(sse))])
    if min(sse) > 1e-24:  # not already exact (a flat curve is)
        inside = float(np.clip(decay, low * (1 + 1e-9), high * (1 - 1e-9)))
        found = least_squares(lambda p: _linear(m, y, p)[1], [inside], bounds=([low], [high]),
                              x_scale=[inside], xtol=1e-12, ftol=1e-14, gtol=1e-14)
        if 2 * found.cost <= min(sse):
            decay = float(found.x[0])
    betas, _ = _linear(m, y, [decay])
    betas = np.where(np.abs(betas) < 1e-15, 0.0, betas)
    try:
        curve = Curve(float(betas[0]), float(betas[1]), float(betas[2]), decay)
    except ValueError as error:
        raise ValueError(f"par_yields cannot be fitted by a Nelson-Siegel curve with sensible "
                         f"parameters ({error})") from None
    residuals_bp = 10_000 * (curve._yields(m) - y)
    return CurveFit(curve, m, residuals_bp, float(np.sqrt(np.mean(residuals_bp**2))))


def row_maturities(row: pd.Series) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The maturities (years) and par yields (decimals) of one row of ``yield_curve_daily``
    (or ``yield_curve_monthly``), skipping missing values and a 30-year yield that is
    Treasury's extrapolation (``y30y_extrapolated``, 2002-2006)."""
    if not isinstance(row, pd.Series):
        raise ValueError(f"row must be a row of data.load('yield_curve_daily'), such as "
                         f"frame.loc['2024-12-31'], got {row!r}")
    found = []
    for name, value in row.items():
        match = _COLUMN.match(str(name))
        if match is None:
            continue
        if name == "y30y_pct" and bool(row.get("y30y_extrapolated", False)):
            continue
        number, unit = int(match.group(1)), match.group(2)
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"row must hold numbers in its yield columns, got {name}="
                             f"{value!r}") from None
        if math.isfinite(value):
            found.append((number / 12 if unit == "m" else float(number), value / 100))
    if not found:
        raise ValueError("row must have yield columns such as y10y_pct (percent), found none")
    m, y = (np.array(v) for v in zip(*sorted(found), strict=True))
    return m, y


def fit_row(row: pd.Series) -> CurveFit:
    """Fit a curve to one row of ``yield_curve_daily`` (see :func:`row_maturities`).

    >>> curve_frame = data.load("yield_curve_daily")
    >>> fit_row(curve_frame.loc["2024-12-31"]).rmse_bp
    """
    m, y = row_maturities(row)
    try:
        return fit(m, y)
    except ValueError as error:
        raise ValueError(f"row cannot be fitted: {error}") from None


# --- moves -------------------------------------------------------------------------------


def _curve(curve: Any) -> Curve:
    return validate.instance(curve, "curve", Curve,
                             "a Curve, such as curve.fit(maturities, yields).curve")


def _moved(curve: Curve, name: str, **parts: float) -> Curve:
    try:
        return replace(curve, **parts)
    except ValueError as error:
        raise ValueError(f"{name} moves the curve outside what it may be ({error})") from None


def shift(curve: Curve, shift_bp: float) -> Curve:
    """The curve moved up by ``shift_bp`` basis points at every maturity (a parallel shift).

    Args:
        curve: the curve.
        shift_bp: the shift, basis points (100 is 1 percentage point); -1000 to 1000.
    """
    _curve(curve)
    s = validate.number(shift_bp, "shift_bp", MOVE_RANGE_BP) / 10_000
    return _moved(curve, "shift_bp", level=curve.level + s)


def steepen(curve: Curve, steepen_bp: float, pivot_years: float = 2.0) -> Curve:
    """The curve twisted around ``pivot_years``: the 10-year yield rises by ``steepen_bp``
    basis points relative to the pivot's, whose yield stays put (negative: a flattening).

    The move follows the curve's own slope factor: the change at maturity m is
    ``steepen_bp * (L1(p) - L1(m)) / (L1(p) - L1(10))`` (``p`` the pivot), which is zero at
    the pivot, ``steepen_bp`` at 10 years, smooth and bounded at both ends: maturities shorter
    than the pivot fall, longer ones rise, the 30-year a little more than the 10-year. The
    result is again a Nelson-Siegel curve.

    Args:
        curve: the curve.
        steepen_bp: the rise of the 10-year yield against the pivot's, basis points; -1000 to
            1000.
        pivot_years: the maturity that stays put, years; above 0 and below 10 (2 by default).
    """
    _curve(curve)
    s = validate.number(steepen_bp, "steepen_bp", MOVE_RANGE_BP) / 10_000
    p = validate.number(pivot_years, "pivot_years", PIVOT_RANGE_YEARS)
    l_pivot, l_ten = (float(_loadings(np.array(v), curve.decay_years)[0])
                      for v in (p, STEEPEN_REFERENCE_YEARS))
    scale = s / (l_pivot - l_ten)
    return _moved(curve, "steepen_bp", level=curve.level + scale * l_pivot,
                  slope=curve.slope - scale)


def butterfly(curve: Curve, butterfly_bp: float) -> Curve:
    """The curve's belly raised by ``butterfly_bp`` basis points against both ends.

    The change follows the curvature factor, scaled to ``butterfly_bp`` at its peak (about
    1.79 x the curve's decay) and fading to zero at the shortest and the longest maturities.

    Args:
        curve: the curve.
        butterfly_bp: the rise at the peak, basis points; -1000 to 1000.
    """
    _curve(curve)
    s = validate.number(butterfly_bp, "butterfly_bp", MOVE_RANGE_BP) / 10_000
    grid = np.linspace(0.01, 10.0, 2000) * curve.decay_years
    peak = float(np.max(_loadings(grid, curve.decay_years)[1]))
    return _moved(curve, "butterfly_bp", curvature=curve.curvature + s / peak)


# --- zero-coupon yields and forwards -----------------------------------------------------


def _discount(curve: Curve, t: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Discount factors at times ``t`` (years, >= 0) bootstrapped from the par curve."""
    top = max(0.5, float(np.max(t)))
    grid = np.arange(1, int(np.ceil(2 * top)) + 1) / 2.0  # coupon dates, half-years
    coupons = curve._yields(grid) / 2
    factors = np.empty_like(grid)
    factors[0] = 1.0 / (1.0 + coupons[0])  # a half-year par bond pays once
    running = factors[0]
    for k in range(1, grid.size):
        factors[k] = (1.0 - coupons[k] * running) / (1.0 + coupons[k])
        running += factors[k]
    if np.any(factors <= 0):
        raise ValueError("curve implies a discount factor of zero or less (par yields too high "
                         "for too long): it has no zero-coupon curve")
    short = np.clip(t, 1e-9, 0.5)  # up to half a year: one payment, as a bill
    short_factors = (1.0 + curve._yields(short) / 2) ** (-2.0 * short)
    long_log = np.interp(t, grid, np.log(factors))
    return np.where(t <= 0.5, np.where(t <= 0, 1.0, short_factors), np.exp(long_log))


def zero_coupon_yields(curve: Curve, maturities_years: FloatOrArray) -> FloatOrArray:
    """Zero-coupon yields (decimals, compounded twice a year) bootstrapped from the par curve.

    Par bonds paying the curve's yield as a semi-annual coupon are priced at 100 by the
    discount factors solved half-year by half-year; up to half a year the par yield is already
    a zero-coupon yield (one payment). Between coupon dates the log discount factor is linear.
    An upward-sloping par curve has its zero-coupon curve above it.

    Args:
        curve: the (par) curve.
        maturities_years: above 0, up to 100 years.
    """
    _curve(curve)
    m = validate.numbers(maturities_years, "maturities_years", MATURITY_RANGE_YEARS)
    d = _discount(curve, m)
    return validate.result(2.0 * (d ** (-1.0 / (2.0 * m)) - 1.0))


def par_zero_gap_bp(curve: Curve, maturity_years: float = 10.0) -> float:
    """The zero-coupon yield minus the par yield at ``maturity_years``, basis points.

    ACM's term premium comes from a model of zero-coupon yields; Treasury's 10-year yield is a
    par yield. This is the gap between the two for the same fitted curve, which the ACM
    identity against the par yield leaves out.
    """
    _curve(curve)
    m = validate.number(maturity_years, "maturity_years", MATURITY_RANGE_YEARS)
    zero = float(zero_coupon_yields(curve, m))
    return 10_000 * (zero - float(curve._yields(np.array(m))))


# --- issuance ----------------------------------------------------------------------------


class IssuanceMix(NamedTuple):
    """New debt as amounts (USD billions, face) at maturities (years)."""

    maturities_years: npt.NDArray[np.float64]
    amounts_usd_bn: npt.NDArray[np.float64]


class KindShares(NamedTuple):
    """Shares (decimals summing to 1) of bills, notes and bonds."""

    bills: float
    notes: float
    bonds: float


class IssuanceCost(NamedTuple):
    """Interest on new debt (USD billions): each year's, the first year's and the total over
    the horizon, with the rate each issue pays at the start (decimals)."""

    by_year_usd_bn: npt.NDArray[np.float64]
    first_year_usd_bn: float
    total_usd_bn: float
    starting_rates: npt.NDArray[np.float64]


def _shares(values: FloatOrArray, name: str) -> npt.NDArray[np.float64]:
    shares = validate.numbers(values, name, SHARE_RANGE)
    total = float(np.sum(shares))
    if abs(total - 1.0) > SHARE_SUM_TOLERANCE:
        raise ValueError(f"{name} must sum to 1 (decimals, 0.2 is 20%), got {total:g}")
    return shares


def mix_over_maturities(maturities_years: FloatOrArray, shares: FloatOrArray,
                        amount_usd_bn: float = 100.0) -> IssuanceMix:
    """``amount_usd_bn`` split over ``maturities_years`` by ``shares`` (decimals summing to 1).

    >>> mix_over_maturities([0.25, 2, 5, 10, 30], [0.2, 0.3, 0.2, 0.2, 0.1], 100.0)
    """
    m = validate.numbers(maturities_years, "maturities_years", ISSUE_MATURITY_RANGE_YEARS)
    w = _shares(shares, "shares")
    m, w = m.reshape(-1), w.reshape(-1)
    if m.shape != w.shape:
        raise ValueError(f"shares must hold one share per maturity of maturities_years ({m.size}), "
                         f"got {w.size}")
    amount = validate.number(amount_usd_bn, "amount_usd_bn", AMOUNT_RANGE_USD_BN)
    return IssuanceMix(m, amount * w)


def mix_by_kind(bills_share: float, notes_share: float, bonds_share: float,
                amount_usd_bn: float = 100.0) -> IssuanceMix:
    """``amount_usd_bn`` of new debt as bills, notes and bonds, in these shares (decimals
    summing to 1), each kind spread equally over its maturities in
    :data:`KIND_MATURITIES_YEARS` (bills: 3 months; notes: 2, 3, 5, 7, 10 years; bonds: 20
    and 30 years)."""
    kinds = {"bills_share": bills_share, "notes_share": notes_share, "bonds_share": bonds_share}
    values = [validate.number(v, k, SHARE_RANGE) for k, v in kinds.items()]
    total = sum(values)
    if abs(total - 1.0) > SHARE_SUM_TOLERANCE:
        raise ValueError(f"bills_share, notes_share and bonds_share must sum to 1 (decimals, "
                         f"0.2 is 20%), got {total:g}")
    amount = validate.number(amount_usd_bn, "amount_usd_bn", AMOUNT_RANGE_USD_BN)
    maturities, amounts = [], []
    for value, tenors in zip(values, KIND_MATURITIES_YEARS.values(), strict=True):
        maturities += list(tenors)
        amounts += [amount * value / len(tenors)] * len(tenors)
    return IssuanceMix(np.array(maturities), np.array(amounts))


def outstanding_shares(profile: pd.DataFrame) -> KindShares:
    """Bills', notes' and bonds' shares of the marketable debt in a maturity profile
    (``data.load("maturity_profile")``), at face value; TIPS and FRNs are left out."""
    maturity.reference_date(profile)  # checks the profile
    totals = np.array([float(profile[c].sum()) for c in maturity.KIND_COLUMNS[:3]])
    if totals.sum() <= 0:
        raise ValueError("profile must hold some bills, notes or bonds, got none")
    return KindShares(*(float(v) for v in totals / totals.sum()))


def _rollover_rates(curve: Curve, m: float, starts: npt.NDArray[np.float64],
                    rollover: str) -> npt.NDArray[np.float64]:
    if rollover == "unchanged":
        return np.full(starts.shape, float(curve._yields(np.array(m))))
    # the forward par rate: the coupon that prices a security issued at ``start`` at par,
    # paying every half-year back from its maturity (a short first period if need be)
    n = int(np.ceil(2 * m - 1e-9))
    back = 0.5 * np.arange(n)
    times = starts[:, None] + m - back[None, :]
    accrual = np.full(n, 0.5)
    accrual[-1] = m - back[-1]
    d = _discount(curve, np.concatenate([starts, times.reshape(-1)]))
    d_start, d_pay = d[: starts.size], d[starts.size:].reshape(times.shape)
    rates = (d_start - d_pay[:, 0]) / (d_pay @ accrual)
    rates[0] = float(curve._yields(np.array(m)))  # the first issue at today's par yield
    return rates


def issuance_cost(curve: Curve, maturities_years: FloatOrArray, amounts_usd_bn: FloatOrArray,
                  years: int = 10, rollover: str = "unchanged") -> IssuanceCost:
    """Interest paid on new debt issued today along ``curve``, year by year for ``years``.

    Each amount is issued at par at its maturity's yield on the curve and pays simple
    interest on its face (the article's arithmetic: $100B at 3% costs $3B a year). When it
    matures within the horizon it is rolled over into the same maturity, for the same face,
    at a rate set by ``rollover``:

    - "unchanged" (the default): at the curve's yield for that maturity, as it is now: the
      curve (shifted or not) stays where it is. A 3-month bill then costs the same each year.
    - "forward": at the forward par rate the curve implies for that period: the coupon that
      would price the security issued then at par under the discount factors of today's
      curve (:func:`zero_coupon_yields`); for a bill, the simple rate over its term. For an
      upward-sloping curve this costs more, because forwards include the term premium as
      well as the short rates expected. On a flat curve it gives the curve's yield for notes
      and bonds, and slightly less for bills (3.98% a quarter for a flat 4%: the simple rate
      equal to 4% compounded twice a year).

    The first issue of each amount pays the par yield under both rules, so the first year's
    cost differs only for maturities shorter than a year.

    Args:
        curve: the curve (today's, or moved).
        maturities_years: maturities of the issues, years (1/52 to 100).
        amounts_usd_bn: face issued at each maturity, USD billions (0 to 100,000), same shape.
        years: the horizon, whole years (1 to 50).
        rollover: "unchanged" or "forward".
    """
    _curve(curve)
    m = validate.numbers(maturities_years, "maturities_years",
                         ISSUE_MATURITY_RANGE_YEARS).reshape(-1)
    a = validate.numbers(amounts_usd_bn, "amounts_usd_bn", AMOUNT_RANGE_USD_BN).reshape(-1)
    if a.shape != m.shape:
        raise ValueError(f"amounts_usd_bn must hold one amount per maturity of "
                         f"maturities_years ({m.size}), got {a.size}")
    horizon = validate.number(years, "years", HORIZON_RANGE_YEARS)
    if not horizon.is_integer():
        raise ValueError(f"years must be a whole number of years, got {years!r}")
    validate.one_of(rollover, "rollover", ROLLOVER_RULES)
    n = int(horizon)
    year_starts = np.arange(n, dtype=float)
    by_year = np.zeros(n)
    starting = np.empty(m.size)
    for i, (tenor, amount) in enumerate(zip(m, a, strict=True)):
        starts = np.arange(int(np.ceil(n / tenor - 1e-12)), dtype=float) * tenor
        rates = _rollover_rates(curve, float(tenor), starts, rollover)
        starting[i] = rates[0]
        ends = starts + tenor
        overlap = np.clip(np.minimum(ends[None, :], year_starts[:, None] + 1)
                          - np.maximum(starts[None, :], year_starts[:, None]), 0.0, None)
        by_year += amount * overlap @ rates
    return IssuanceCost(by_year, float(by_year[0]), float(by_year.sum()), starting)


def simple_interest_usd_bn(amount_usd_bn: FloatOrArray, rate: FloatOrArray,
                           years_held: FloatOrArray = 1.0) -> FloatOrArray:
    """Simple interest on face: ``amount_usd_bn * rate * years_held``, USD billions.

    The article's arithmetic: $100B at 3% costs $3B a year, at 14.4% $14.4B; $10B costs
    $0.3B ($300 million) and $1.44B.

    Args:
        amount_usd_bn: face, USD billions (0 to 100,000).
        rate: the interest rate, decimal (0.03 is 3%).
        years_held: years the debt is outstanding (0 to 100).
    """
    a = validate.numbers(amount_usd_bn, "amount_usd_bn", AMOUNT_RANGE_USD_BN)
    r = validate.numbers(rate, "rate", RATE_RANGE)
    t = validate.numbers(years_held, "years_held", Range(0.0, 100.0, "years"))
    return validate.result(a * r * t)


# --- what a yield is made of -------------------------------------------------------------


class YieldParts(NamedTuple):
    """A 10-year yield (percent) split as ACM do: the average short rate expected over ten
    years plus the term premium, both in percent."""

    expected_short_rate_pct: float
    term_premium_pct: float


def decompose(yield_10y_pct: FloatOrArray, term_premium_10y_pct: FloatOrArray) -> YieldParts:
    """Split a 10-year yield into the expected average short rate and the term premium.

    The ACM identity: the 10-year yield = the average short rate expected over ten years
    (the risk-neutral yield) + the term premium. ACM (Adrian, Crump and Moench 2013) fit
    zero-coupon yields; applied to Treasury's par (constant-maturity) yield the expected part
    also takes up the par-zero gap (:func:`par_zero_gap_bp`), a few basis points most days.

    Args:
        yield_10y_pct: the 10-year yield, percent (4.24 is 4.24%); -10 to 100.
        term_premium_10y_pct: ACM's 10-year term premium, percent; -10 to 10.

    Returns:
        :class:`YieldParts`, in percent; they sum back to the yield.
    """
    y = validate.numbers(yield_10y_pct, "yield_10y_pct", YIELD_PCT_RANGE)
    tp = validate.numbers(term_premium_10y_pct, "term_premium_10y_pct", TERM_PREMIUM_PCT_RANGE)
    y, tp = np.broadcast_arrays(y, tp)
    return YieldParts(validate.result(y - tp), validate.result(tp.copy()))


class YieldChangeParts(NamedTuple):
    """How the 10-year yield changed between two days (percentage points): the change, its
    term-premium part and its expected-short-rate part (they sum to the change); the days used
    and the yields on them (percent)."""

    start: pd.Timestamp
    end: pd.Timestamp
    start_yield_pct: float
    end_yield_pct: float
    yield_change_points: float
    term_premium_change_points: float
    expected_change_points: float

    @property
    def term_premium_share(self) -> float:
        """The term premium's part of the change, as a decimal of it (NaN for no change)."""
        if self.yield_change_points == 0:
            return math.nan
        return self.term_premium_change_points / self.yield_change_points


def _day(value: Any, name: str, index: pd.DatetimeIndex) -> pd.Timestamp:
    """The last day of ``index`` on or before ``value`` (a date or ISO text)."""
    where = f"a date from {index[0]:%Y-%m-%d} to {index[-1]:%Y-%m-%d} (such as '2025-04-11')"
    if isinstance(value, bool) or not isinstance(value, str | date | pd.Timestamp | np.datetime64):
        raise ValueError(f"{name} must be {where}, got {value!r}")
    try:
        day = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be {where}, got {value!r}") from None
    if pd.isna(day) or day < index[0] or day > index[-1] + pd.Timedelta(days=6):
        raise ValueError(f"{name} must be {where}, got {value!r}")
    return index[index.searchsorted(day, side="right") - 1]


def _frame(value: Any, name: str, column: str, example: str) -> pd.Series:
    if not isinstance(value, pd.DataFrame) or column not in value.columns:
        raise ValueError(f"{name} must be a DataFrame with a column {column} such as "
                         f"data.load({example!r}), got {type(value).__name__}")
    if not isinstance(value.index, pd.DatetimeIndex) or not value.index.is_monotonic_increasing:
        raise ValueError(f"{name} must be indexed by dates in increasing order")
    series = value[column].dropna()
    if series.empty:
        raise ValueError(f"{name} has no values in {column}")
    return series


def decompose_change(yield_curve: pd.DataFrame, term_premium: pd.DataFrame,
                     start_date: Any, end_date: Any) -> YieldChangeParts:
    """How much of the 10-year yield's change from ``start_date`` to ``end_date`` was term
    premium, from Treasury's 10-year yield and ACM's term premium.

    Args:
        yield_curve: ``data.load("yield_curve_daily")`` (or monthly): the column
            ``y10y_pct`` is used.
        term_premium: ``data.load("term_premium_daily")`` (or monthly): the column
            ``term_premium_10y_pct``.
        start_date, end_date: dates (``"2025-04-04"``, a ``date`` or a ``Timestamp``); each is
            taken as the last day on or before it on which both series have a value.
    """
    y = _frame(yield_curve, "yield_curve", "y10y_pct", "yield_curve_daily")
    tp = _frame(term_premium, "term_premium", "term_premium_10y_pct", "term_premium_daily")
    both = pd.concat([y, tp], axis=1, join="inner")
    if both.empty:
        raise ValueError("yield_curve and term_premium share no date")
    start = _day(start_date, "start_date", both.index)
    end = _day(end_date, "end_date", both.index)
    if end < start:
        raise ValueError(f"end_date must be on or after start_date ({start:%Y-%m-%d}), got "
                         f"{end_date!r}")
    (y0, tp0), (y1, tp1) = both.loc[start].to_numpy(), both.loc[end].to_numpy()
    dy, dtp = float(y1 - y0), float(tp1 - tp0)
    return YieldChangeParts(start, end, float(y0), float(y1), dy, dtp, dy - dtp)


# --- the curve's shape over history ------------------------------------------------------


def spreads(yield_curve: pd.DataFrame) -> pd.DataFrame:
    """The 10-year minus 3-month and 10-year minus 2-year spreads, percentage points, each
    day of ``yield_curve`` (``data.load("yield_curve_daily")``); negative: inverted."""
    for column in ("y3m_pct", "y2y_pct"):
        _frame(yield_curve, "yield_curve", column, "yield_curve_daily")
    ten = _frame(yield_curve, "yield_curve", "y10y_pct", "yield_curve_daily")
    return pd.DataFrame({
        "spread_10y_3m_points": ten - yield_curve["y3m_pct"],
        "spread_10y_2y_points": ten - yield_curve["y2y_pct"],
    }).dropna()


def inversions(spread_points: pd.Series, merge_gap_days: int = 0,
               min_length_days: int = 1) -> pd.DataFrame:
    """The periods in which a spread (percentage points, e.g. a column of :func:`spreads`)
    was below zero: first and last day, trading days and calendar days.

    Args:
        spread_points: the spread each day, a Series indexed by dates in increasing order.
        merge_gap_days: join two inversions separated by at most this many trading days of a
            spread at or above zero (0: none joined); 0 to 1000.
        min_length_days: leave out inversions shorter than this many trading days (after
            joining); 1 to 10000.

    Returns:
        A frame with ``start``, ``end``, ``trading_days`` (from start to end, including the
        days of the gaps joined) and ``calendar_days`` (end minus start, plus one).
    """
    if not isinstance(spread_points, pd.Series) or not isinstance(spread_points.index,
                                                                   pd.DatetimeIndex):
        raise ValueError(f"spread_points must be a Series of spreads indexed by dates, such as "
                         f"curve.spreads(frame)['spread_10y_3m_points'], got "
                         f"{type(spread_points).__name__}")
    gap = int(validate.number(merge_gap_days, "merge_gap_days", Range(0, 1000, "trading days")))
    shortest = validate.number(min_length_days, "min_length_days",
                               Range(1, 10_000, "trading days"))
    values = validate.numbers(spread_points.dropna().to_numpy(), "spread_points",
                              Range(-100.0, 100.0, "percentage points"))
    days = spread_points.dropna().index
    below = values < 0
    edges = np.diff(np.r_[0, below.astype(int), 0])
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
    runs: list[list[int]] = []
    for s, e in zip(starts, ends, strict=True):
        if runs and s - runs[-1][1] - 1 <= gap:
            runs[-1][1] = e
        else:
            runs.append([s, e])
    rows = [(days[s], days[e], e - s + 1, (days[e] - days[s]).days + 1)
            for s, e in runs if e - s + 1 >= shortest]
    return pd.DataFrame(rows, columns=["start", "end", "trading_days", "calendar_days"])

