"""Selling a large holding over time: the optimal execution model of Almgren & Chriss (2000).

Almgren, R. & Chriss, N. (2000), "Optimal execution of portfolio transactions", Journal of
Risk 3(2), 5-39, in their discrete-time form, with linear impact and no fixed cost.

**The model.** A holder sells ``X`` (USD billions) over ``N`` periods of length
``tau = T / N`` trading days. Its holdings are ``x_0 = X, x_1, ..., x_N = 0`` (``x_k`` after
the sales of period ``k``) and it sells ``n_k = x_(k-1) - x_k`` in period ``k``. The price
(a fraction of the value at the start: 1 is the starting price) follows

- a random walk, ``sigma sqrt(tau) xi_k`` a period (``xi_k`` independent, mean 0, variance 1);
- a **permanent** impact: each sale lowers it for good by ``gamma n_k``;
- a **temporary** impact: the sales of period ``k`` get ``eta n_k / tau`` less than the price
  that period, and the discount is gone by the next period.

The shortfall (the value at the start minus the proceeds) has, for any schedule
(:func:`schedule_cost`)::

    E = 1/2 gamma X**2 + (eta_tilde / tau) * sum_k n_k**2,   eta_tilde = eta - gamma tau / 2
    V = sigma**2 tau * sum_k x_k**2                          (k = 1 ... N)

The paper's fixed cost ``epsilon`` (half the bid-ask spread) adds ``epsilon sum_k |n_k|``,
which is ``epsilon X`` for every schedule that only sells: it changes no comparison and is
left out. The schedule minimising ``E + lambda V`` (``lambda``: the seller's aversion to
risk, per USD billion) is (:func:`optimal_trajectory`)::

    x_j = sinh(kappa (T - t_j)) / sinh(kappa T) * X,    t_j = j tau
    (2 / tau**2) (cosh(kappa tau) - 1) = lambda sigma**2 / eta_tilde

so ``kappa = arccosh(1 + lambda sigma**2 tau**2 / (2 eta_tilde)) / tau`` (per trading day).
As ``lambda`` goes to 0, ``kappa`` goes to 0 and the schedule tends to the even one,
``x_j = (1 - j / N) X``, the cheapest in expectation; as ``lambda`` grows it front-loads the
sales towards the fire sale (everything in the first period, no risk, the highest cost).
:func:`efficient_frontier` traces ``(E, V)`` of the optimal schedules over ``lambda``.

**A Treasury holder** (:func:`treasury_parameters`) gets its parameters from chapter 02's
price-impact model (:mod:`lessons_lib.market`) and the shipped daily yield curve: see that
function for the mapping. Two limits of the mapping matter for the lesson:

- What gradual selling saves is the seller's **temporary** impact cost, the term in
  ``eta_tilde``: the price of hurrying. It falls as ``1 / N`` for an even sale.
- What it does not save is the **permanent** impact, ``1/2 gamma X**2``, the same for every
  schedule, and the lasting rise of the yield behind it: chapter 02's lasting part depends on
  how much has been sold, not how fast. That rise is what raises the US Treasury's interest
  bill as debt is refinanced, so a slow sale spares the seller part of its own loss but spares
  the Treasury nothing.
- Chapter 02's short-run part does not vanish the next day: it halves over 10 to 40 trading
  days. Almgren & Chriss's temporary impact is gone after one period, so with one-day periods
  the model takes a sale spread over days to be much cheaper than chapter 02's transient
  model does: read its savings from gradual selling as an upper bound.

Units: amounts in USD billions (``_usd_bn``), time in trading days (``_days``), prices as
fractions of the starting value, so costs ``E`` are USD billions and variances ``V`` squared
USD billions. ``gamma`` is per USD billion, ``eta`` trading days per USD billion, ``sigma``
per square root of a trading day, ``risk_aversion`` per USD billion.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd

from lessons_lib import data, market, validate
from lessons_lib.validate import FloatOrArray, Range

# --------------------------------------------------------------------------------------------
# Ranges
# --------------------------------------------------------------------------------------------

TOTAL_RANGE_USD_BN = Range(0.0, 100_000.0, "USD billions")
"""Amounts to sell: none to $100 trillion (more than the whole market)."""
PERIODS_RANGE = Range(1.0, 10_000.0, "periods (a whole number)")
"""Periods a sale is split into: one (a fire sale) to 10,000."""
HORIZON_RANGE_DAYS = Range(0.0, 2520.0, "trading days", low_open=True)
"""Time a sale takes: more than 0 to ten years of trading days."""
SIGMA_RANGE = Range(0.0, 1.0, "per square root of a trading day (a fraction of the price)")
"""Price volatility: none to 100% a day (a 10-year note's is about 0.5% a day)."""
ETA_RANGE = Range(0.0, 1.0, "trading days per USD billion (a fraction of the price)",
                  low_open=True)
"""Temporary impact: the fall in the price, as a fraction, for selling USD 1 billion a day."""
GAMMA_RANGE = Range(0.0, 1.0, "per USD billion (a fraction of the price)")
"""Permanent impact: the lasting fall in the price, as a fraction, per USD 1 billion sold."""
RISK_AVERSION_RANGE = Range(0.0, 1e6, "per USD billion")
"""The seller's aversion to risk ``lambda``: 0 (minimise the expected cost only) upwards."""
TRAJECTORY_RANGE_USD_BN = Range(-100_000.0, 100_000.0, "USD billions")
"""Holdings along a schedule (a schedule may buy back, so holdings may go below zero)."""

VOLATILITY_START = "2021-01-01"
VOLATILITY_END = "2025-12-31"
"""The default window for the 10-year yield's daily volatility (:func:`ten_year_volatility_bp`):
the five years 2021-2025 of the shipped ``yield_curve_daily``, since the policy rate left zero
(about 6.2bp a day; 2025 alone gives about 4.9, 2016-2025 about 5.3)."""


# --------------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------------


def _setup(total_usd_bn: Any, periods: Any, horizon_days: Any) -> tuple[float, int, float]:
    total = validate.number(total_usd_bn, "total_usd_bn", TOTAL_RANGE_USD_BN)
    n = validate.number(periods, "periods", PERIODS_RANGE)
    if not n.is_integer():
        raise ValueError(f"periods must be a whole number, {PERIODS_RANGE}, got {periods!r}")
    horizon = validate.number(horizon_days, "horizon_days", HORIZON_RANGE_DAYS)
    return total, int(n), horizon


def _eta_tilde(eta: Any, gamma: Any, tau: float) -> tuple[float, float]:
    """``(eta_tilde, gamma)`` after checking that ``eta_tilde = eta - gamma tau / 2 > 0``."""
    e = validate.number(eta, "eta", ETA_RANGE)
    g = validate.number(gamma, "gamma", GAMMA_RANGE)
    eta_tilde = e - g * tau / 2.0
    if eta_tilde <= 0:
        raise ValueError(
            f"eta must be more than gamma x tau / 2 = {g * tau / 2.0:g} (tau = horizon_days / "
            f"periods = {tau:g} trading days), so that eta_tilde = eta - gamma tau / 2 is "
            f"positive, got {eta!r}")
    return eta_tilde, g


def decay_rate(sigma: float, eta: float, gamma: float, risk_aversion: float,
               tau_days: float = 1.0) -> float:
    """``kappa`` of :func:`optimal_trajectory`, per trading day: the root of
    ``(2 / tau**2)(cosh(kappa tau) - 1) = risk_aversion sigma**2 / eta_tilde``, in closed form
    ``arccosh(1 + a) / tau`` with ``a = risk_aversion sigma**2 tau**2 / (2 eta_tilde)``
    (computed as ``log1p(a + sqrt(a (a + 2)))``, exact for small ``a``). 0 when
    ``risk_aversion`` or ``sigma`` is 0. ``1 / kappa`` is the schedule's half-life in days
    divided by ln 2: the time over which the optimal seller works off about 63% of the risk.

    Args: as :func:`optimal_trajectory`; ``tau_days``: the length of a period, trading days.
    """
    tau = validate.number(tau_days, "tau_days", HORIZON_RANGE_DAYS)
    s = validate.number(sigma, "sigma", SIGMA_RANGE)
    lam = validate.number(risk_aversion, "risk_aversion", RISK_AVERSION_RANGE)
    eta_tilde, _ = _eta_tilde(eta, gamma, tau)
    a = lam * s**2 * tau**2 / (2.0 * eta_tilde)
    return float(np.log1p(a + np.sqrt(a) * np.sqrt(a + 2.0)) / tau)


def _sinh_ratio(kappa: float, total: float, n: int, tau: float) -> npt.NDArray[np.float64]:
    """``sinh(kappa (T - t_j)) / sinh(kappa T) X`` for j = 0..N, without overflow."""
    j = np.arange(n + 1, dtype=float)
    remaining = (n - j) * tau  # T - t_j, exactly 0 at j = N
    if not np.isfinite(kappa):  # the limit of an infinite kappa: everything at once
        return np.r_[total, np.zeros(n)]
    if kappa * n * tau < 1e-12:  # lambda -> 0: the limit is the even schedule
        return total * remaining / (n * tau)
    # sinh(k(T - t)) / sinh(kT) = exp(-k t) (1 - exp(-2k(T - t))) / (1 - exp(-2kT))
    ratio = np.exp(-kappa * j * tau) * np.expm1(-2.0 * kappa * remaining) / np.expm1(
        -2.0 * kappa * n * tau)
    return total * ratio


def optimal_trajectory(
    total_usd_bn: float,
    periods: int,
    horizon_days: float,
    sigma: float,
    eta: float,
    gamma: float,
    risk_aversion: float,
) -> npt.NDArray[np.float64]:
    """The holdings ``x_0 = X, ..., x_N = 0`` (USD billions) of the schedule that minimises
    ``E + risk_aversion V`` (the module's docstring): ``x_j = sinh(kappa (T - t_j)) /
    sinh(kappa T) X``, with ``kappa`` from :func:`decay_rate`.

    Args:
        total_usd_bn: ``X``, the amount to sell, USD billions (0 to 100,000).
        periods: ``N``, the number of periods, a whole number (1 to 10,000).
        horizon_days: ``T``, the time the sale takes, trading days (above 0, at most 2,520);
            a period is ``tau = T / N`` days.
        sigma: the price's volatility per square root of a trading day, as a fraction of the
            price (0 to 1).
        eta: the temporary impact, trading days per USD billion (above 0, at most 1); it must
            exceed ``gamma tau / 2``.
        gamma: the permanent impact, per USD billion (0 to 1).
        risk_aversion: ``lambda``, per USD billion (0 to 1,000,000); 0 gives the even schedule.

    Returns:
        ``N + 1`` holdings, from ``X`` down to exactly 0, never rising.

    Raises:
        ValueError: naming the argument and its range (``eta`` when ``eta_tilde <= 0``).

    Example: ``X = 1``, ``N = 2``, ``T = 2`` (``tau = 1``), ``sigma = 0.1``, ``eta = 0.005``,
    ``gamma = 0``, ``lambda = 1``: ``2 (cosh(kappa) - 1) = 0.01 / 0.005``, so ``cosh(kappa) =
    2``, and ``x_1 = sinh(kappa) / sinh(2 kappa) = 1 / (2 cosh(kappa)) = 1/4``: sell 3/4 at once
    and the last 1/4 in the second period. (By hand: ``E + lambda V = 0.005 ((1 - x_1)**2 +
    x_1**2) + 0.01 x_1**2`` is smallest where ``0.04 x_1 = 0.01``.)
    """
    total, n, horizon = _setup(total_usd_bn, periods, horizon_days)
    tau = horizon / n
    kappa = decay_rate(sigma, eta, gamma, risk_aversion, tau)
    return _sinh_ratio(kappa, total, n, tau)


def fire_sale(total_usd_bn: float, periods: int) -> npt.NDArray[np.float64]:
    """Holdings (USD billions) of a fire sale: all of ``total_usd_bn`` in the first of
    ``periods`` periods, ``[X, 0, ..., 0]`` (``periods + 1`` values)."""
    total, n, _ = _setup(total_usd_bn, periods, 1.0)
    holdings = np.zeros(n + 1)
    holdings[0] = total
    return holdings


def even_trajectory(total_usd_bn: float, periods: int) -> npt.NDArray[np.float64]:
    """Holdings (USD billions) of an even sale: ``total_usd_bn / periods`` in each period,
    ``x_j = (1 - j / N) X`` (``periods + 1`` values): the optimal schedule for
    ``risk_aversion = 0``."""
    total, n, _ = _setup(total_usd_bn, periods, 1.0)
    return total * (n - np.arange(n + 1, dtype=float)) / n


class ScheduleCost(NamedTuple):
    """The shortfall of a schedule (:func:`schedule_cost`), USD billions:

    - ``permanent_usd_bn``: ``1/2 gamma X**2``, the same for every schedule;
    - ``temporary_usd_bn``: ``(eta_tilde / tau) sum n_k**2``, the price of hurrying;
    - ``expected_usd_bn``: ``E``, their sum;
    - ``variance_usd_bn2``: ``V = sigma**2 tau sum x_k**2``, squared USD billions;
    - ``std_usd_bn``: ``sqrt(V)``, USD billions.
    """

    permanent_usd_bn: float
    temporary_usd_bn: float
    expected_usd_bn: float
    variance_usd_bn2: float
    std_usd_bn: float


def schedule_cost(
    trajectory_usd_bn: Any,
    horizon_days: float,
    sigma: float,
    eta: float,
    gamma: float,
) -> ScheduleCost:
    """The expected shortfall ``E`` and its variance ``V`` of ANY schedule (the module's
    docstring), with no fixed cost ``epsilon``.

    Args:
        trajectory_usd_bn: the holdings ``x_0, ..., x_N`` (USD billions, at least two
            values), ending at 0: what :func:`optimal_trajectory`, :func:`even_trajectory`
            and :func:`fire_sale` return. The amount sold is ``X = x_0``; trades are
            ``n_k = x_(k-1) - x_k`` (a negative one buys back).
        horizon_days, sigma, eta, gamma: as :func:`optimal_trajectory`; ``tau = horizon_days
            / N``.

    Example: selling ``X = 10`` over ``N = 2`` periods of ``tau = 1`` evenly (5 and 5) with
    ``gamma = 0.01``, ``eta = 0.1``, ``sigma = 0.1``: ``eta_tilde = 0.095``, ``E = 0.5 x 0.01
    x 100 + 0.095 x (25 + 25) = 5.25``, ``V = 0.01 x 25 = 0.25``.
    """
    x = validate.numbers(trajectory_usd_bn, "trajectory_usd_bn", TRAJECTORY_RANGE_USD_BN)
    if x.ndim != 1 or x.size < 2:
        raise ValueError(f"trajectory_usd_bn must be the holdings x_0 ... x_N, at least two "
                         f"values in one row, got {trajectory_usd_bn!r}")
    if abs(x[-1]) > 1e-9 * max(1.0, float(np.max(np.abs(x)))):
        raise ValueError(f"trajectory_usd_bn must end at 0 (everything sold), got last "
                         f"holding {x[-1]:g}")
    if x[0] < 0:
        raise ValueError(f"trajectory_usd_bn must start at the amount to sell, at least 0, "
                         f"got {x[0]:g}")
    horizon = validate.number(horizon_days, "horizon_days", HORIZON_RANGE_DAYS)
    tau = horizon / (x.size - 1)
    s = validate.number(sigma, "sigma", SIGMA_RANGE)
    eta_tilde, g = _eta_tilde(eta, gamma, tau)
    trades = -np.diff(x)
    permanent = 0.5 * g * float(x[0]) ** 2
    temporary = eta_tilde / tau * float(np.sum(trades**2))
    variance = s**2 * tau * float(np.sum(x[1:] ** 2))
    return ScheduleCost(permanent, temporary, permanent + temporary, variance,
                        float(np.sqrt(variance)))


class Frontier(NamedTuple):
    """The efficient frontier (:func:`efficient_frontier`): for each ``risk_aversion`` (per
    USD billion), the optimal schedule's expected shortfall ``expected_usd_bn`` and its
    variance ``variance_usd_bn2`` (and ``std_usd_bn``), arrays of the same length."""

    risk_aversion: npt.NDArray[np.float64]
    expected_usd_bn: npt.NDArray[np.float64]
    variance_usd_bn2: npt.NDArray[np.float64]
    std_usd_bn: npt.NDArray[np.float64]


def efficient_frontier(
    total_usd_bn: float,
    periods: int,
    horizon_days: float,
    sigma: float,
    eta: float,
    gamma: float,
    risk_aversion: FloatOrArray,
) -> Frontier:
    """``(E, V)`` of the optimal schedule for each value of ``risk_aversion`` (a number or an
    array, each 0 to 1,000,000 per USD billion); the other arguments as
    :func:`optimal_trajectory`. Sorted by risk aversion: ``E`` rises and ``V`` falls along it,
    from the even schedule (``lambda = 0``, lowest ``E``) towards the fire sale (``V = 0``)."""
    lams = np.sort(np.atleast_1d(validate.numbers(risk_aversion, "risk_aversion",
                                                  RISK_AVERSION_RANGE)).reshape(-1))
    _, _, horizon = _setup(total_usd_bn, periods, horizon_days)
    costs = [schedule_cost(optimal_trajectory(total_usd_bn, periods, horizon_days, sigma, eta,
                                              gamma, lam), horizon, sigma, eta, gamma)
             for lam in lams]
    return Frontier(lams, np.array([c.expected_usd_bn for c in costs]),
                    np.array([c.variance_usd_bn2 for c in costs]),
                    np.array([c.std_usd_bn for c in costs]))


# --------------------------------------------------------------------------------------------
# A Treasury holder: parameters from chapter 02's model
# --------------------------------------------------------------------------------------------


def _day(value: Any, name: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, str):
        raise ValueError(f"{name} must be a date such as '2021-01-01', got {value!r}")
    try:
        day = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a date such as '2021-01-01', got {value!r}") from None
    if pd.isna(day):
        raise ValueError(f"{name} must be a date such as '2021-01-01', got {value!r}")
    return day


@functools.cache
def _volatility(start: Any, end: Any) -> tuple[float, int]:
    changes = 100.0 * data.load("yield_curve_daily")["y10y_pct"].dropna().diff().dropna()
    window = changes[start:end]
    return float(window.std()), len(window)


def ten_year_volatility_bp(window_start: str = VOLATILITY_START,
                           window_end: str = VOLATILITY_END) -> float:
    """The standard deviation of the daily change of the 10-year Treasury yield, basis points
    per trading day, in the shipped ``yield_curve_daily`` (H.15) from ``window_start`` to
    ``window_end`` (dates such as ``"2021-01-01"``; at least 20 daily changes). About 6.2bp over
    2021-2025 (:data:`VOLATILITY_START`, :data:`VOLATILITY_END`)."""
    start, end = _day(window_start, "window_start"), _day(window_end, "window_end")
    vol, count = _volatility(start, end)
    if count < 20:
        raise ValueError(f"window_start and window_end must span at least 20 daily changes of the "
                         f"shipped yield_curve_daily, got {count} from {window_start!r} to "
                         f"{window_end!r}")
    return vol


class TreasuryParameters(NamedTuple):
    """The model's parameters for a seller of Treasuries (:func:`treasury_parameters`):

    - ``eta`` (trading days per USD billion), ``gamma`` (per USD billion), ``sigma`` (per
      square root of a trading day): prices as fractions of the value held;
    - ``points_per_usd_bn``: percentage points of the market (10-year equivalents) that
      USD 1 billion of the seller's bonds is;
    - ``lasting_bp_per_pp``, ``impulse_bp_per_pp``: chapter 02's ``lambda`` and ``kappa``;
    - ``yield_volatility_bp``: the 10-year yield's daily volatility used, bp per day;
    - ``duration_years``: the seller's modified duration.
    """

    eta: float
    gamma: float
    sigma: float
    points_per_usd_bn: float
    lasting_bp_per_pp: float
    impulse_bp_per_pp: float
    yield_volatility_bp: float
    duration_years: float


def treasury_parameters(
    calibration: Any = "central",
    duration_years: float | None = None,
    window_start: str = VOLATILITY_START,
    window_end: str = VOLATILITY_END,
) -> TreasuryParameters:
    """``eta``, ``gamma`` and ``sigma`` for a holder selling Treasuries of modified duration
    ``D`` in today's market, from chapter 02's calibration (:data:`market.CALIBRATIONS`) and
    the shipped daily yields, with one period of one trading day in mind.

    The mapping, each step in consistent units (USD billions of the seller's bonds, prices as
    fractions of their value, trading days):

    - USD 1bn of bonds of duration ``D`` is ``p = 100 D / (M D_m)`` percentage points of the
      market in 10-year equivalents (``M``, ``D_m``: today's marketable debt and its
      duration, :func:`market.today`, about $30.2 trillion and 4.3 years), and a rise of the
      10-year yield by 1bp lowers the value of the bonds by ``D / 10,000`` (a parallel move,
      as :func:`lessons_lib.holder.sale_cost` assumes).
    - Permanent: chapter 02's lasting part raises the yield ``lambda`` bp per point sold, for
      as long as the bonds stay sold, so ``gamma = lambda p D / 10,000`` per USD billion.
    - Temporary: a day's sale of ``s`` points moves the yield by ``(lambda + kappa) s`` by the
      day's close (``kappa``: chapter 02's short-run impulse), and a seller spread through the
      day gets on average half of that move, as :func:`lessons_lib.holder.sale_cost` prices
      it. So ``eta = (kappa + lambda) / 2 x p D / 10,000`` (trading days per USD billion: a
      sale of ``v`` USD billions a day gets ``eta v`` less on the day), which makes
      ``eta_tilde = eta - gamma / 2 = kappa / 2 x p D / 10,000``: half the impulse. A fire
      sale in one day then costs exactly ``sale_cost``'s shortfall; over several days the
      two models differ in how long the short-run part lasts.
    - But chapter 02's short-run part halves only over 10 to 40 trading days, and Almgren &
      Chriss's temporary impact is gone the next period: this ``eta`` leaves out how one
      day's sales weigh on the next days' prices (the module's docstring), so the model's
      saving from gradual selling is an upper bound (for 10% of Japan's holdings over 20
      days, central calibration: the model's even sale costs about a third of the fire sale,
      chapter 02's about 90%).
    - Volatility: ``sigma = D s / 10,000``, with ``s`` the daily standard deviation of the
      10-year yield's change in bp (:func:`ten_year_volatility_bp` from ``window_start`` to
      ``window_end``; by default 2021-2025, about 6.2bp), taken to move the seller's yields one
      for one: the price risk of holding what is not yet sold.

    ``eta_tilde > 0`` for every calibration. The mapping is for periods of one trading day
    (``tau = 1``: ``periods = horizon_days``). Only ``D`` enters, not the size of the sale:
    the model is linear, so the costs scale with the square of the amount.

    Args:
        calibration: "low", "central" or "high", or a :class:`market.Calibration`.
        duration_years: the seller's modified duration, years (0 to 30); by default the
            market's (about 4.3; a reserve portfolio's is likely 3 to 5.5 years:
            :func:`market.holder_size`).
        window_start, window_end: the window for the yield's volatility.

    Example (central, the market's duration): ``p = 100 / 30,170 = 0.0033`` points per
    USD billion, ``gamma = 2.2 x 0.0033 x 4.29 / 10,000 = 3.1e-6``, ``eta = (4.57 + 2.2) / 2 x
    0.0033 x 4.29 / 10,000 = 4.8e-6``.
    """
    if isinstance(calibration, market.Calibration):
        cal = calibration
    else:
        cal = market.CALIBRATIONS[validate.one_of(calibration, "calibration",
                                                  market.CALIBRATIONS)]
    now = market.today()
    if duration_years is None:
        duration = now.market_duration_years
    else:
        duration = validate.number(duration_years, "duration_years",
                                   market.DURATION_RANGE_YEARS)
    vol_bp = ten_year_volatility_bp(window_start, window_end)
    points = 100.0 * duration / (now.marketable_debt_usd_bn * now.market_duration_years)
    per_bp = duration / 10_000.0
    return TreasuryParameters(
        eta=(cal.impulse_bp_per_pp + cal.lasting_bp_per_pp) / 2.0 * points * per_bp,
        gamma=cal.lasting_bp_per_pp * points * per_bp,
        sigma=vol_bp * per_bp,
        points_per_usd_bn=points,
        lasting_bp_per_pp=cal.lasting_bp_per_pp,
        impulse_bp_per_pp=cal.impulse_bp_per_pp,
        yield_volatility_bp=vol_bp,
        duration_years=duration,
    )
