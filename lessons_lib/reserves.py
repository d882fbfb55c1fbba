"""Diversifying reserves: a mean-variance portfolio of Treasuries, Bunds, JGBs and gold, in yen.

A reserve manager in Japan who wants to hold fewer Treasuries can hold German Bunds, Japanese
government bonds or gold instead. This module asks what the past returns of those four assets,
measured in yen, say about the mix (Markowitz's mean-variance portfolio: Markowitz, H. (1952),
"Portfolio selection", Journal of Finance 7(1), 77-91).

**Returns** (:func:`yen_returns`), monthly, as decimals, from the shipped ``global_rates``
(OECD 10-year yields of the US, Germany and Japan, the dollar price of gold, dollars per euro)
and ``fx_monthly`` (yen per dollar):

- a bond's return in its own currency over month ``t`` is its carry plus the price change
  from the yield's move through a stated modified duration ``D`` (``duration_years``, by
  default :data:`BOND_DURATION_YEARS`, 8 years)::

      r_t = y_(t-1) / 12 - D (y_t - y_(t-1))

  (yields as decimals; a first-order price change; roll-down and convexity left out);
- a dollar asset's yen return is ``(1 + r_t)(1 + s_t) - 1`` with ``s_t`` the change in yen per
  dollar; a euro asset's uses the change in yen per euro (yen per dollar x dollars per euro);
  a JGB's is ``r_t`` itself;
- gold pays nothing: its yen return is the change of its price in yen (dollars per ounce x yen
  per dollar); storage and lending fees are left out.

The series are monthly averages, so month-to-month changes are smoother than changes from one
month end to the next: volatilities come out somewhat lower than month-end data would give.
The window is the months that all the series cover (by default February 2000 to July 2025,
where the shipped euro series stops).

**The portfolio** (:func:`min_variance_weights`, :func:`frontier_weights`,
:func:`efficient_frontier`), with annual figures (mean x 12, covariance x 12): weights ``w``
over the assets, long only (``0 <= w_i <= 1``: reserve managers do not short), summing to 1,
with a **liquidity floor**: at least ``treasury_floor`` in Treasuries, the first asset. The
floor is on Treasuries alone because what a reserve manager needs at short notice is dollars
(Japan intervenes by selling dollars for yen), and Treasuries are the market where large
amounts sell fastest. The frontier minimises the variance ``w' S w`` for each target of the
expected return ``w' m`` with SciPy's SLSQP (:func:`scipy.optimize.minimize`).

**What this is not.** Past means are poor forecasts of future returns (the yen's long fall
since 2021 and gold's rise dominate the sample), a reserve manager's aims are liquidity and
safety before return, and a large holder cannot move into Bunds, JGBs or gold without moving
those smaller markets itself (chapter 02's lesson in another market). The frontier shows how
the data trade risk for return, not what a holder should do.

Units: returns decimals (0.03 is 3% a year), volatilities decimals a year, weights shares of
the portfolio (0.5 is half), durations years.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy.optimize import minimize

from lessons_lib import data, validate
from lessons_lib.validate import Range

ASSETS = ("treasuries", "bunds", "jgbs", "gold")
"""The assets, in the order of every array of this module: US Treasuries first (the floor
applies to the first asset of any array given)."""

BOND_DURATION_YEARS = 8.0
"""Default modified duration of the bond holdings, years: about that of a 10-year note at par
(8.1 years at 4.14%, :func:`lessons_lib.market.ten_year_note_duration_years`), matching the
10-year yields the data give. An assumption: a reserve portfolio is likely shorter (3 to 5.5
years, :func:`lessons_lib.market.holder_size`), and a JGB's duration at yields near 0.5% is
nearer 9.5 years."""

LIQUIDITY_FLOOR = 0.5
"""An illustrative liquidity floor: at least half the portfolio in Treasuries. An assumption,
not a published rule: Japan's Ministry of Finance does not publish its reserves' currency
shares; the dollar's share of the world's allocated currency reserves was 56-58% in 2024-2025
(IMF, COFER; gold not counted)."""

DURATION_RANGE_YEARS = Range(0.0, 30.0, "years")
FLOOR_RANGE = Range(0.0, 1.0, "as a share of the portfolio (0.5 is half)")
RETURN_RANGE = Range(-1.0, 1.0, "as a decimal a year (0.03 is 3%)")
COVARIANCE_RANGE = Range(-10.0, 10.0, "squared decimals a year")
POINTS_RANGE = Range(2.0, 500.0, "points (a whole number)")
MIN_MONTHS = 24
"""Months of returns the estimates need at least."""

_TOLERANCE = 1e-9


# --------------------------------------------------------------------------------------------
# Returns from the data
# --------------------------------------------------------------------------------------------


def _month(value: Any, name: str) -> pd.Timestamp:
    text = "a date such as '2013-04-30'"
    if isinstance(value, bool) or not isinstance(value, str | pd.Timestamp | np.datetime64):
        raise ValueError(f"{name} must be {text}, got {value!r}")
    try:
        day = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be {text}, got {value!r}") from None
    if pd.isna(day):
        raise ValueError(f"{name} must be {text}, got {value!r}")
    return day


@functools.cache
def _levels() -> pd.DataFrame:
    rates = data.load("global_rates")
    yen = data.load("fx_monthly")["jpy_per_usd"]
    frame = pd.concat([rates, yen], axis=1, join="inner").dropna()
    return frame


@functools.cache
def _returns(duration: float) -> pd.DataFrame:
    f = _levels()

    def bond(column: str) -> pd.Series:
        y = f[column] / 100.0
        return y.shift(1) / 12.0 - duration * y.diff()

    dollar = f["jpy_per_usd"].pct_change()
    euro = (f["jpy_per_usd"] * f["usd_per_eur"]).pct_change()
    out = pd.DataFrame({
        "treasuries": (1 + bond("us_10y_pct")) * (1 + dollar) - 1,
        "bunds": (1 + bond("de_10y_pct")) * (1 + euro) - 1,
        "jgbs": bond("jp_10y_pct"),
        "gold": (f["gold_usd_per_troy_oz"] * f["jpy_per_usd"]).pct_change(),
    })
    return out.dropna()


def yen_returns(
    duration_years: float = BOND_DURATION_YEARS,
    start_month: Any = None,
    end_month: Any = None,
) -> pd.DataFrame:
    """Monthly returns in yen of the four :data:`ASSETS` (columns), decimals, indexed by month
    end (the module's docstring gives the formulas).

    Args:
        duration_years: the bonds' modified duration, years (0 to 30; by default
            :data:`BOND_DURATION_YEARS`, 8).
        start_month, end_month: dates (``"2013-04-30"``) bounding the months kept; by default
            all the months the data cover (February 2000 to July 2025). At least
            :data:`MIN_MONTHS` months.
    """
    duration = validate.number(duration_years, "duration_years", DURATION_RANGE_YEARS)
    returns = _returns(duration)
    start = returns.index[0] if start_month is None else _month(start_month, "start_month")
    end = returns.index[-1] if end_month is None else _month(end_month, "end_month")
    window = returns.loc[start:end]
    if len(window) < MIN_MONTHS:
        raise ValueError(f"start_month and end_month must span at least {MIN_MONTHS} months of "
                         f"the shipped data ({returns.index[0]:%b %Y} to "
                         f"{returns.index[-1]:%b %Y}), got {len(window)} from {start_month!r} "
                         f"to {end_month!r}")
    return window.copy()


class Estimates(NamedTuple):
    """Annual estimates from :func:`yen_returns`, in the order of :data:`ASSETS`:

    - ``expected_returns``: mean monthly return x 12, decimals a year;
    - ``covariance``: covariance of monthly returns x 12, squared decimals a year;
    - ``volatilities``: the square roots of its diagonal, decimals a year;
    - ``first_month``, ``last_month``, ``months``: the window.
    """

    expected_returns: npt.NDArray[np.float64]
    covariance: npt.NDArray[np.float64]
    volatilities: npt.NDArray[np.float64]
    first_month: pd.Timestamp
    last_month: pd.Timestamp
    months: int


def estimates(
    duration_years: float = BOND_DURATION_YEARS,
    start_month: Any = None,
    end_month: Any = None,
) -> Estimates:
    """The annual expected returns and covariance of the four assets in yen over a window of
    the shipped data (arguments as :func:`yen_returns`)."""
    returns = yen_returns(duration_years, start_month, end_month)
    covariance = 12.0 * returns.cov().to_numpy()
    return Estimates(12.0 * returns.mean().to_numpy(), covariance,
                     np.sqrt(np.diag(covariance)), pd.Timestamp(returns.index[0]),
                     pd.Timestamp(returns.index[-1]), len(returns))


# --------------------------------------------------------------------------------------------
# The portfolio
# --------------------------------------------------------------------------------------------


def _covariance(covariance: Any) -> npt.NDArray[np.float64]:
    cov = validate.numbers(covariance, "covariance", COVARIANCE_RANGE)
    if cov.ndim != 2 or cov.shape[0] != cov.shape[1] or not 2 <= cov.shape[0] <= 10:
        raise ValueError(f"covariance must be a square matrix of 2 to 10 assets (squared "
                         f"decimals a year), Treasuries first, got {covariance!r}")
    if not np.allclose(cov, cov.T, rtol=1e-9, atol=1e-12):
        raise ValueError("covariance must be symmetric, got a matrix that is not")
    if np.min(np.linalg.eigvalsh(cov)) < -1e-10 * max(1.0, float(np.max(np.abs(cov)))):
        raise ValueError("covariance must be positive semi-definite (no portfolio with a "
                         "negative variance), got a matrix that is not")
    return cov


def _means(expected_returns: Any, size: int) -> npt.NDArray[np.float64]:
    mu = validate.numbers(expected_returns, "expected_returns", RETURN_RANGE)
    if mu.shape != (size,):
        raise ValueError(f"expected_returns must hold one return per asset of covariance "
                         f"({size}), got {expected_returns!r}")
    return mu


def _floor(treasury_floor: Any) -> float:
    return validate.number(treasury_floor, "treasury_floor", FLOOR_RANGE)


def _solve(cov: npt.NDArray[np.float64], floor: float, extra: list[dict[str, Any]],
           start: npt.NDArray[np.float64],
           allowed: npt.NDArray[np.bool_] | None = None) -> npt.NDArray[np.float64]:
    """Minimum variance, long only, weights summing to 1, Treasuries at least ``floor`` (and
    nothing beyond the floor in an asset not ``allowed``)."""
    size = cov.shape[0]
    bounds = [(floor, 1.0)] + [(0.0, 1.0)] * (size - 1)
    if allowed is not None:
        bounds = [b if ok else (b[0], b[0]) for b, ok in zip(bounds, allowed, strict=True)]
    constraints = [{"type": "eq", "fun": lambda w: np.sum(w) - 1.0,
                    "jac": lambda w: np.ones_like(w)}, *extra]
    scale = 1.0 / max(float(np.max(np.abs(np.diag(cov)))), 1e-12)  # variances near 1
    result = minimize(lambda w: scale * w @ cov @ w, start, jac=lambda w: 2.0 * scale * cov @ w,
                      method="SLSQP", bounds=bounds, constraints=constraints,
                      options={"ftol": 1e-14, "maxiter": 500})
    # SLSQP may stop short of its tolerance at a point that already meets every constraint
    # ("positive directional derivative in line search"): that point is kept
    feasible = all(abs(c["fun"](result.x)) < 1e-7 for c in constraints)
    if not (result.success or (result.status == 8 and feasible)):
        raise RuntimeError(f"SLSQP did not converge: {result.message}")
    weights = np.clip(result.x, [b[0] for b in bounds], [b[1] for b in bounds])
    return weights / np.sum(weights)


def _start(size: int, floor: float) -> npt.NDArray[np.float64]:
    rest = (1.0 - floor) / size
    return np.r_[floor + rest, np.full(size - 1, rest)]


def min_variance_weights(covariance: Any, treasury_floor: float = 0.0) -> npt.NDArray[np.float64]:
    """The long-only portfolio of least variance ``w' S w``, weights summing to 1, with at
    least ``treasury_floor`` in the first asset (Treasuries).

    Args:
        covariance: ``S``, a symmetric positive semi-definite matrix of 2 to 10 assets, squared
            decimals a year (each element -10 to 10), Treasuries first.
        treasury_floor: the liquidity floor, a share of the portfolio (0 to 1; 0, the default,
            is no floor; :data:`LIQUIDITY_FLOOR` is the module's illustration).

    Example (two assets, no floor binding): volatilities 10% and 20%, correlation 0.5:
    ``S = [[0.01, 0.01], [0.01, 0.04]]``, and the first asset's weight is ``(0.04 - 0.01) /
    (0.01 + 0.04 - 0.02) = 1``; with correlation 0 (``S = [[0.01, 0], [0, 0.04]]``) it is
    ``0.04 / 0.05 = 0.8``, a variance of ``0.64 x 0.01 + 0.04 x 0.04 = 0.008``.
    """
    cov = _covariance(covariance)
    floor = _floor(treasury_floor)
    return _solve(cov, floor, [], _start(cov.shape[0], floor))


def _return_range(mu: npt.NDArray[np.float64], cov: npt.NDArray[np.float64],
                  floor: float) -> tuple[float, float]:
    """The expected returns a long-only portfolio with the floor can reach, from the minimum-
    variance portfolio's (lower ones are not efficient) to the highest."""
    lowest = float(mu @ _solve(cov, floor, [], _start(len(mu), floor)))
    highest = floor * mu[0] + (1.0 - floor) * float(np.max(mu))
    return lowest, max(lowest, highest)


def frontier_weights(
    expected_returns: Any,
    covariance: Any,
    target_return: float,
    treasury_floor: float = 0.0,
) -> npt.NDArray[np.float64]:
    """The long-only portfolio of least variance whose expected return is ``target_return``,
    weights summing to 1, at least ``treasury_floor`` in Treasuries (the first asset).

    Args:
        expected_returns: ``m``, one per asset, decimals a year (-1 to 1).
        covariance, treasury_floor: as :func:`min_variance_weights`.
        target_return: the expected return wanted, a decimal a year (-1 to 1), within what the
            assets can reach with the floor (the message gives the range).
    """
    cov = _covariance(covariance)
    mu = _means(expected_returns, cov.shape[0])
    floor = _floor(treasury_floor)
    target = validate.number(target_return, "target_return", RETURN_RANGE)
    lowest = floor * mu[0] + (1.0 - floor) * float(np.min(mu))
    highest = floor * mu[0] + (1.0 - floor) * float(np.max(mu))
    if not lowest - _TOLERANCE <= target <= highest + _TOLERANCE:
        raise ValueError(f"target_return must be between {lowest:g} and {highest:g} as a "
                         f"decimal a year (what these assets reach with treasury_floor "
                         f"{floor:g}), got {target_return!r}")
    spread = highest - lowest
    if spread < _TOLERANCE:  # every portfolio has that return: no constraint
        return _solve(cov, floor, [], _start(cov.shape[0], floor))
    share = min(max((target - lowest) / spread, 0.0), 1.0)
    if share < 1e-9 or share > 1 - 1e-9:  # an end: only the assets of least (most) return
        best = np.min(mu) if share < 0.5 else np.max(mu)
        allowed = np.abs(mu - best) <= _TOLERANCE
        start = np.where(allowed, 1.0, 0.0) * (1.0 - floor) / np.sum(allowed)
        start[0] += floor
        return _solve(cov, floor, [], start, allowed)
    # a start that meets every constraint: between the two ends
    start = np.zeros(cov.shape[0])
    start[0] = floor
    start[int(np.argmin(mu))] += (1.0 - floor) * (1.0 - share)
    start[int(np.argmax(mu))] += (1.0 - floor) * share
    goal = lowest + share * spread
    constraint = {"type": "eq", "fun": lambda w: (w @ mu - goal) / spread,
                  "jac": lambda w: mu / spread}
    return _solve(cov, floor, [constraint], start)


class ReserveFrontier(NamedTuple):
    """The efficient frontier (:func:`efficient_frontier`), from the minimum-variance portfolio
    to the highest expected return: ``expected_returns`` and ``volatilities`` (decimals a year,
    one per point) and ``weights`` (points x assets, each row summing to 1)."""

    expected_returns: npt.NDArray[np.float64]
    volatilities: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]


def efficient_frontier(
    expected_returns: Any,
    covariance: Any,
    treasury_floor: float = 0.0,
    points: int = 20,
) -> ReserveFrontier:
    """``points`` portfolios of :func:`frontier_weights`, their targets evenly spaced from the
    minimum-variance portfolio's expected return to the highest the floor allows (arguments as
    :func:`frontier_weights`; ``points`` a whole number, 2 to 500)."""
    cov = _covariance(covariance)
    mu = _means(expected_returns, cov.shape[0])
    floor = _floor(treasury_floor)
    count = validate.number(points, "points", POINTS_RANGE)
    if not count.is_integer():
        raise ValueError(f"points must be a whole number, {POINTS_RANGE}, got {points!r}")
    lowest, highest = _return_range(mu, cov, floor)
    targets = np.linspace(lowest, highest, int(count))
    weights = np.array([frontier_weights(mu, cov, t, floor) for t in targets])
    variances = np.einsum("pi,ij,pj->p", weights, cov, weights)
    return ReserveFrontier(weights @ mu, np.sqrt(np.maximum(variances, 0.0)), weights)
