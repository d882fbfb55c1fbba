"""The fiscal dilemma: rolling the debt over when yields rise, and the arithmetic of debt.

Two models, both used in chapter 04.

**1. Rollover** (:func:`rollover`, and on CBO's baseline :func:`project` and
:func:`rate_shock`). Only the debt that matures is refinanced at today's yields; the rest keeps
the rate it was issued at. The model steps month by month through a stock of marketable debt
shaped like the maturity profile (``data.load("maturity_profile")``, the MSPD by month of
maturity and kind). In month ``k`` (``k = 0, 1, ...``, month 0 the first month after the
reference date):

- the stock outstanding during the month pays interest ``I_k = (sum of rate x principal) / 12``
  (simple interest on face, no compounding within the year; bills are counted like notes, at
  their yield on face, not at their discount);
- the stock not yet matured from the start carries the **average interest rate of its kind**
  (bills, notes, bonds, TIPS: ``data.load("avg_interest_rate")``, by default its latest month);
  floating-rate notes reset every week to the 13-week bill, so they pay the month's 3-month
  yield (their small spread over the bill is left out);
- at the month's end, what matures (the profile's row ``k`` and the new issues due) is
  refinanced, and the primary deficit ``P_k`` and the interest ``I_k`` are borrowed on top:
  ``A_k = matured_k + P_k + I_k`` is issued at par, spread over the issue maturities
  (:data:`ISSUE_MATURITIES_YEARS`: bills as 3-month bills, notes as the 2-, 3-, 5-, 7- and
  10-year, bonds as the 20- and 30-year, each kind's share equally over its maturities as in
  :func:`lessons_lib.curve.mix_by_kind`), each at that month's market yield for its maturity;
- so the debt grows as ``D_k = D_(k-1) + P_k + I_k``.

Months are summed into **fiscal years** (October to September; FY2026 runs from October 2025
to September 2026): interest is the year's sum, debt the level at the year's end, the average
rate the year's interest over the mean of the monthly stock.

The issuance mix is given as the composition of the debt it keeps (``debt_shares``: bills',
notes' and bonds' shares, decimals summing to 1), because that is what Treasury's choices are
about and what a student can compare with the data. Bills roll over four times a year, so
keeping a fifth of the debt in bills takes most of the gross issuance:
:func:`issuance_shares` converts one into the other, and the model issues that mix. By default
the mix keeps the bills', notes' and bonds' shares of the profile.

**2. Debt dynamics** (:func:`next_debt_ratio`, :func:`debt_ratio_path`,
:func:`debt_stabilizing_primary_balance`). With debt ``b`` as a ratio to GDP, ``r`` the
effective nominal rate on the debt and ``g`` nominal GDP growth (decimals), and the primary
balance ``pb`` as a share of GDP (a surplus positive)::

    b' = b (1 + r) / (1 + g) - pb,        stable debt: pb* = b (r - g) / (1 + g)

When ``r < g`` (as in the 2010s and in CBO's January 2025 baseline) debt shrinks relative to GDP
unless primary deficits add to it: debt then grows from the deficits, not from a snowball of
interest. :func:`r_minus_g_history` and :func:`r_minus_g_cbo` measure ``r - g`` with the
effective rate = net interest / the previous year's debt held by the public;
:func:`flip_shock_points` finds the rate shock that would turn it positive.

**CBO's baseline** (``data.load("cbo_baseline")``, January 2025, fiscal years 2024-2035) drives
:func:`project` and :func:`rate_shock`. The starting stock is the debt held by the public at
the end of FY2025 in CBO's baseline, given the shape of the MSPD maturity profile: each kind's
amount maturing ``k`` months after the reference date becomes the amount maturing ``k`` months
after 30 September 2025. The profile is the MSPD of 30 April 2026, seven months later than that
start (the shipped profile's only date), and it counts marketable debt only (including the
Federal Reserve's holdings); the debt held by the public also holds some non-marketable debt
(savings bonds, state and local government series), here given the marketable debt's profile.
The baseline yield path is CBO's own quarterly projection of the 3-month bill and the 10-year
note (``cbo_economic_quarterly``); maturities between them are interpolated linearly in the
logarithm of the maturity, and the 20- and 30-year yields are the 10-year's plus their spread
over it in the last twelve months of ``yield_curve_monthly`` (CBO projects neither). Primary
deficits are CBO's, spread evenly over each year's months.

:func:`project` reports CBO's baseline plus the change the model computes (a shock run minus a
baseline run of the same model): with no change it returns CBO's figures exactly. The model's
own level of interest differs from CBO's net interest (see :func:`rollover` on CBO's inputs,
``cbo_inputs``): net interest (budget function 900) also nets out other interest the
government receives, counts TIPS' inflation adjustment and is computed by CBO security by
security.

**Optional: debt nudging yields up.** CBO (Working Paper 2019-01, "The Effect of Debt on
Interest Rates") estimates that each percentage point of debt held by the public as a share
of GDP raises interest rates by about 2 to 3 basis points
(:data:`CBO_DEBT_FEEDBACK_BP_PER_PP`). :func:`project` can add this to the yields, applied to
the debt ratio's departure from CBO's baseline (the baseline already holds the effect of its
own debt).

**Net and gross interest, the Federal Reserve.** Net interest (``budget_fy``,
``cbo_baseline``) is interest on the debt held by the public less the government's other
interest income; gross interest also counts interest credited to the trust funds on the
intragovernmental debt, which only moves money inside the government. Gross interest and the
rate on intragovernmental debt are not shipped, so gross interest is not computed here.
Interest paid on the Treasuries the Federal Reserve holds comes back to the Treasury as
remittances when the Fed makes a profit. From September 2022 its interest costs exceeded its
income, and it stopped remitting and recorded a deferred asset instead; the shipped
``fed_remittances`` shows the turn but stops in December 2022, so remittances are not modelled;
:func:`fed_share_of_debt` gives the Fed's share of the debt in CBO's baseline, the share of
net interest that is paid to the Fed.

Units follow the library: yields and rates are decimals (0.04 is 4%) unless the name says
``_pct`` (percent) or ``_points`` (percentage points); amounts in USD billions (``_usd_bn``);
ratios to GDP as decimals in the debt-dynamics functions (1.0 is 100%) and in percent
(``_pct_gdp``) in CBO's tables.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd

from lessons_lib import curve, data, maturity, validate
from lessons_lib.validate import RATE_RANGE, FloatOrArray, Range

# --------------------------------------------------------------------------------------------
# Ranges and constants
# --------------------------------------------------------------------------------------------

SHOCK_RANGE_POINTS = Range(-10.0, 10.0, "percentage points")
"""Yield shocks the models accept: up to 10 percentage points either way (a shock of -100% or
more would be a slip: the whole yield is a few points)."""
PERSISTENCE_RANGE = Range(0.0, 1.0, "as a decimal a year (1: the shock lasts)", low_open=True)
"""How much of a shock is left after a year: the shock in month k is ``shock *
persistence ** (k / 12)``; 1 keeps it, 0.5 halves it every year."""
MONTHS_RANGE = Range(1.0, 600.0, "months")
"""Horizons of :func:`rollover`: one month to fifty years."""
MONTHLY_DEFICIT_RANGE_USD_BN = Range(-10_000.0, 10_000.0,
                                     "USD billions a month (a surplus negative)")
"""Primary deficits in one month: up to $10 trillion either way."""
DEFICIT_CHANGE_RANGE_PCT_GDP = Range(-20.0, 20.0, "percent of GDP a year")
"""Changes of the primary deficit against CBO's baseline: up to 20% of GDP either way."""
GROWTH_CHANGE_RANGE_POINTS = Range(-10.0, 10.0, "percentage points a year")
"""Changes of nominal GDP growth against CBO's baseline: up to 10 points either way."""
FEEDBACK_RANGE_BP_PER_PP = Range(0.0, 20.0, "basis points per percentage point of debt/GDP")
"""The effect of debt on yields: none to 20 basis points per point of debt/GDP."""
DEBT_RATIO_RANGE = Range(0.0, 10.0, "as a decimal of GDP (1.0 is 100%)")
"""Debt as a ratio to GDP: none to 1,000% of GDP."""
GROWTH_RANGE = Range(-0.5, 1.0, "as a decimal a year (0.04 is 4%)")
"""Nominal GDP growth: -50% to 100% a year (the formulas divide by 1 + g)."""
PRIMARY_BALANCE_RANGE = Range(-1.0, 1.0, "as a decimal of GDP (0.01 is 1%; a deficit negative)")
"""Primary balances: up to 100% of GDP either way."""
YEARS_RANGE = Range(1.0, 200.0, "years")
"""Horizons of :func:`debt_ratio_path`: 1 to 200 whole years."""

LEGACY_KINDS = ("bills", "notes", "bonds", "tips")
"""Kinds whose stock keeps its own average rate until it matures (FRNs pay the 3-month yield)."""
KINDS = ("bills", "notes", "bonds", "tips", "frn")
"""The kinds of marketable debt, in the profile's column order (:data:`maturity.KIND_COLUMNS`)."""
ISSUE_KINDS = ("bills", "notes", "bonds")
"""What new debt is issued as (TIPS and FRNs are refinanced into these)."""
ISSUE_MATURITIES_YEARS = tuple(m for tenors in curve.KIND_MATURITIES_YEARS.values()
                               for m in tenors)
"""Maturities new debt is issued at, years: 0.25; 2, 3, 5, 7, 10; 20, 30
(:data:`lessons_lib.curve.KIND_MATURITIES_YEARS`)."""
_ISSUE_MONTHS = np.array([round(12 * m) for m in ISSUE_MATURITIES_YEARS])
_ISSUE_KIND = np.array([i for i, tenors in enumerate(curve.KIND_MATURITIES_YEARS.values())
                        for _ in tenors])
_KIND_OF_ISSUE = np.eye(len(ISSUE_KINDS))[_ISSUE_KIND]  # (8, 3) indicator
_MEAN_TENOR_YEARS = np.array([np.mean(t) for t in curve.KIND_MATURITIES_YEARS.values()])

CBO_DEBT_FEEDBACK_BP_PER_PP = (2.0, 3.0)
"""CBO's estimate of how much interest rates rise per percentage point of debt held by the
public as a share of GDP, basis points: 2 to 3 (CBO Working Paper 2019-01, "The Effect of
Debt on Interest Rates", https://www.cbo.gov/publication/55018; about 2 in Working Paper
2024-05)."""
CBO_RULE_OF_THUMB_USD_BN = 351.0
"""CBO's rule of thumb for its January 2025 baseline: interest rates 0.1 percentage point
higher than projected in every year add about $351 billion to deficits over 2026-2035 (CBO,
"How Changes in Economic Conditions Might Affect the Federal Budget: 2025 to 2035",
publication 61249, 2025). Read in a secondary summary of that report (the course's facts,
``cbo_rate_rule_2025``)."""
CBO_RULE_SHOCK_POINTS = 0.1
"""The rise in rates CBO's rule of thumb is for, percentage points."""
CBO_START_YEAR = 2025
"""The fiscal year at whose end the projection starts (CBO's baseline runs to 2035)."""

_CURVE_COLUMNS = {0.25: "y3m_pct", 10.0: "y10y_pct", 20.0: "y20y_pct", 30.0: "y30y_pct"}


# --------------------------------------------------------------------------------------------
# Checking inputs
# --------------------------------------------------------------------------------------------


def _debt_shares(value: Any) -> npt.NDArray[np.float64]:
    """Bills', notes' and bonds' shares of the debt, checked: three decimals summing to 1."""
    shares = validate.numbers(value, "debt_shares", curve.SHARE_RANGE).reshape(-1)
    if shares.size != len(ISSUE_KINDS):
        raise ValueError(f"debt_shares must hold three shares, bills, notes and bonds "
                         f"(decimals summing to 1), got {value!r}")
    if abs(float(shares.sum()) - 1.0) > curve.SHARE_SUM_TOLERANCE:
        raise ValueError(f"debt_shares must sum to 1 (decimals, 0.2 is 20%), got "
                         f"{float(shares.sum()):g}")
    return shares


def issuance_shares(debt_shares: Any) -> curve.KindShares:
    """The gross issuance mix that keeps the debt at ``debt_shares`` in the long run.

    New debt is spread over :data:`ISSUE_MATURITIES_YEARS`, a kind's share equally over its
    maturities, so when the debt is steady each kind is outstanding in proportion to its
    issuance times its mean maturity (bills 0.25 years, notes 5.4, bonds 25). The issuance
    share of kind ``k`` is thus ``s_k / m_k`` normalised: a fifth of the debt in 3-month bills
    takes close to nine tenths of what is issued.

    Args:
        debt_shares: bills', notes' and bonds' shares of the debt, decimals summing to 1 (a
            :class:`lessons_lib.curve.KindShares` or three numbers).

    Returns:
        :class:`lessons_lib.curve.KindShares`, the shares of gross issuance (decimals).
    """
    shares = _debt_shares(debt_shares)
    flow = shares / _MEAN_TENOR_YEARS
    return curve.KindShares(*(float(v) for v in flow / flow.sum()))


def _issue_weights(debt_shares: Any) -> npt.NDArray[np.float64]:
    mix = curve.mix_by_kind(*issuance_shares(debt_shares), 1.0)
    return np.asarray(mix.amounts_usd_bn, dtype=float)


def _kind_rates(value: Any) -> npt.NDArray[np.float64]:
    """The legacy stock's rates for bills, notes, bonds, TIPS (decimals), from a mapping."""
    if not isinstance(value, Mapping | pd.Series):
        raise ValueError(f"kind_rates must map kinds ({', '.join(LEGACY_KINDS)}) to average "
                         f"rates as decimals, such as latest_kind_rates(), got {value!r}")
    unknown = [k for k in value.keys() if k not in KINDS]
    if unknown:
        raise ValueError(f"kind_rates has unknown kinds {unknown}; the kinds are "
                         f"{', '.join(LEGACY_KINDS)} (FRNs pay the 3-month yield)")
    missing = [k for k in LEGACY_KINDS if k not in value.keys()]
    if missing:
        raise ValueError(f"kind_rates is missing the kinds {missing}")
    return np.array([validate.number(value[k], f"kind_rates[{k!r}]", RATE_RANGE)
                     for k in LEGACY_KINDS])


def latest_kind_rates(month: Any = None) -> pd.Series:
    """Average interest rates on marketable debt by kind (a Series: bills, notes, bonds, tips,
    frn), decimals, from Treasury's dataset
    ``avg_interest_rate`` (its latest month, May 2025 in the shipped copy, or the last month
    on or before ``month``, such as ``"2024-09-30"``).

    TIPS' rate is the real coupon: their inflation adjustment, which the budget counts as
    interest, is left out. FRNs are given for reference; the models pay them the 3-month
    yield.
    """
    frame = data.load("avg_interest_rate")
    if month is not None:
        if isinstance(month, bool) or not isinstance(month, str | pd.Timestamp):
            raise ValueError(f"month must be a date such as '2024-09-30', got {month!r}")
        try:
            day = pd.Timestamp(month)
        except (TypeError, ValueError):
            raise ValueError(f"month must be a date such as '2024-09-30', got {month!r}") from None
        if pd.isna(day) or day < frame.index[0]:
            raise ValueError(f"month must be on or after {frame.index[0]:%Y-%m-%d}, "
                             f"got {month!r}")
        frame = frame.loc[:day]
    row = frame.iloc[-1]
    rates = pd.Series({k: float(row[f"{k}_pct"]) / 100 for k in KINDS}, name=row.name)
    rates.index.name = "kind"
    return rates


# --------------------------------------------------------------------------------------------
# The rollover engine (vectorised over shocks)
# --------------------------------------------------------------------------------------------


class _Run(NamedTuple):
    interest: npt.NDArray[np.float64]  # (S, H) USD bn paid in each month
    debt: npt.NDArray[np.float64]  # (S, H) at each month's end
    stock: npt.NDArray[np.float64]  # (S, H) principal outstanding during each month
    kind_rates: npt.NDArray[np.float64] | None  # (S, H, 5) average rate by kind


def _simulate(stock: npt.NDArray[np.float64], legacy_rates: npt.NDArray[np.float64],
              base_yields: npt.NDArray[np.float64], deficits: npt.NDArray[np.float64],
              weights: npt.NDArray[np.float64], shocks: npt.NDArray[np.float64],
              persistence: float, feedback: float = 0.0,
              gdp: npt.NDArray[np.float64] | None = None,
              reference_ratio: npt.NDArray[np.float64] | None = None,
              by_kind: bool = False) -> _Run:
    """The month-by-month rollover (see the module's docstring).

    stock: (5, L) legacy principal maturing at the end of month j, by kind; legacy_rates: (4,)
    for bills, notes, bonds, TIPS; base_yields: (H, 8) market yields at issue; deficits: (S, H)
    or (H,) primary deficits a month; weights: (8,) issuance shares by maturity; shocks: (S,)
    decimals. With ``feedback`` (bp per point of debt/GDP), yields also rise with the debt
    ratio's departure from ``reference_ratio`` (H,), debt over ``gdp`` (S, H) or (H,).
    """
    months = base_yields.shape[0]
    n = shocks.size
    legacy = np.zeros((len(KINDS), months))
    legacy[:, :min(months, stock.shape[1])] = stock[:, :months]
    outstanding = stock[:, ::-1].cumsum(axis=1)[:, ::-1]  # during month j: rows j and later
    during = np.zeros((len(KINDS), months))
    during[:, :min(months, stock.shape[1])] = outstanding[:, :months]
    fixed_flow = legacy_rates @ during[:4]  # (H,) annual interest of the fixed-rate legacy
    matured_legacy = legacy.sum(axis=0)
    decay = persistence ** (np.arange(months) / 12.0)
    path = base_yields[None, :, :] + (shocks[:, None] * decay[None, :])[:, :, None]
    deficits = np.broadcast_to(deficits, (n, months))
    # new debt: in total (what interest needs) and, for the report by kind, by kind
    due_principal = np.zeros((n, months))
    due_flow = np.zeros((n, months))
    total_flow_new = np.zeros(n)
    if by_kind:
        due_kind_principal = np.zeros((n, months, len(ISSUE_KINDS)))
        due_kind_flow = np.zeros((n, months, len(ISSUE_KINDS)))
        principal = np.zeros((n, len(ISSUE_KINDS)))
        flow = np.zeros((n, len(ISSUE_KINDS)))
    interest = np.empty((n, months))
    debt = np.empty((n, months))
    held = np.empty((n, months))
    rates = np.full((n, months, len(KINDS)), np.nan) if by_kind else None
    level = np.full(n, stock.sum())
    with_feedback = bool(feedback) and gdp is not None and reference_ratio is not None
    if with_feedback:
        gdp = np.broadcast_to(gdp, (n, months))
    lift = np.zeros((n, 1))
    for k in range(months):
        y = path[:, k, :] + lift if with_feedback else path[:, k, :]
        bill = y[:, 0]
        interest_k = (fixed_flow[k] + bill * during[4, k] + total_flow_new) / 12.0
        interest[:, k] = interest_k
        held[:, k] = level
        total_flow_new -= due_flow[:, k]
        issued = matured_legacy[k] + due_principal[:, k] + deficits[:, k] + interest_k
        amounts = issued[:, None] * weights[None, :]  # (S, 8)
        costs = amounts * y
        total_flow_new += costs.sum(axis=1)
        ends = k + _ISSUE_MONTHS
        inside = ends < months
        due_principal[:, ends[inside]] += amounts[:, inside]  # each maturity ends apart
        due_flow[:, ends[inside]] += costs[:, inside]
        if by_kind:
            assert rates is not None
            with np.errstate(invalid="ignore", divide="ignore"):
                legacy_flow = np.append(legacy_rates * during[:4, k], 0.0)
                kind_amounts = np.tile(during[:, k], (n, 1))
                flows = np.tile(legacy_flow, (n, 1))
                flows[:, 4] = bill * during[4, k]
                kind_amounts[:, :3] += principal
                flows[:, :3] += flow
                positive = kind_amounts > 0
                rates[:, k, :] = np.where(positive, flows / np.where(positive, kind_amounts, 1),
                                          np.nan)
            principal += amounts @ _KIND_OF_ISSUE - due_kind_principal[:, k, :]
            flow += costs @ _KIND_OF_ISSUE - due_kind_flow[:, k, :]
            due_kind_principal[:, ends[inside], _ISSUE_KIND[inside]] += amounts[:, inside]
            due_kind_flow[:, ends[inside], _ISSUE_KIND[inside]] += costs[:, inside]
        level = level + deficits[:, k] + interest_k
        debt[:, k] = level
        if with_feedback:
            lift = (feedback / 100 * (level / gdp[:, k] - reference_ratio[k]))[:, None]
    return _Run(interest, debt, held, rates)


def _fiscal_years(month_ends: pd.DatetimeIndex) -> npt.NDArray[np.int64]:
    """The fiscal year (October-September, named by the year it ends) of each month end."""
    return np.asarray(month_ends.to_period("Y-SEP").year, dtype=np.int64)


def _by_fiscal_year(years: npt.NDArray[np.int64], interest: npt.NDArray[np.float64],
                    debt: npt.NDArray[np.float64], held: npt.NDArray[np.float64],
                    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64],
                               npt.NDArray[np.float64], npt.NDArray[np.float64],
                               npt.NDArray[np.int64]]:
    """Sums of interest, year-end debt, mean stock and months per fiscal year (``years``: the
    fiscal year of each month); arrays (S, Y)."""
    unique, start, counts = np.unique(years, return_index=True, return_counts=True)
    last = start + counts - 1
    yearly_interest = np.add.reduceat(interest, start, axis=1)
    mean_held = np.add.reduceat(held, start, axis=1) / counts
    return unique, yearly_interest, debt[:, last], mean_held, counts


# --------------------------------------------------------------------------------------------
# Rollover on any stock
# --------------------------------------------------------------------------------------------


class Rollover(NamedTuple):
    """A rollover simulation.

    Attributes:
        monthly: by month end: ``interest_usd_bn`` (paid in the month), ``debt_usd_bn`` (at
            the month's end), ``average_rate`` (annual interest over the stock during the
            month, decimal) and the average rate of each kind's stock, ``bills_rate`` ...
            ``frn_rate`` (decimals; NaN once a kind has none outstanding).
        by_year: by fiscal year (October-September): ``interest_usd_bn`` (sum),
            ``debt_usd_bn`` (at the year's end or the last month simulated),
            ``average_rate`` (interest over the mean stock, a year's rate, decimal) and
            ``months`` (how many months of the year were simulated; a first or last year may
            be partial).
    """

    monthly: pd.DataFrame
    by_year: pd.DataFrame


def _shifted_yields(value: Any, months: int) -> npt.NDArray[np.float64]:
    """Yields at issue, (months, 8), from a number, one per month, or one per month and
    maturity of :data:`ISSUE_MATURITIES_YEARS`."""
    if isinstance(value, curve.Curve):
        return np.tile(np.asarray(value.yield_at(np.array(ISSUE_MATURITIES_YEARS))), (months, 1))
    y = validate.numbers(value, "yields", RATE_RANGE)
    if y.ndim == 0:
        return np.full((months, len(ISSUE_MATURITIES_YEARS)), float(y))
    if y.ndim == 1 and y.size == months:
        return np.tile(y[:, None], (1, len(ISSUE_MATURITIES_YEARS)))
    if y.shape == (months, len(ISSUE_MATURITIES_YEARS)):
        return y
    raise ValueError(f"yields must be a decimal yield, a Curve, one yield per month ({months}) "
                     f"or an array of {months} months x {len(ISSUE_MATURITIES_YEARS)} "
                     f"maturities {ISSUE_MATURITIES_YEARS}, got shape {y.shape}")


def _monthly_deficits(value: Any, months: int) -> npt.NDArray[np.float64]:
    p = validate.numbers(value, "monthly_primary_deficit_usd_bn", MONTHLY_DEFICIT_RANGE_USD_BN)
    if p.ndim == 0:
        return np.full(months, float(p))
    if p.shape == (months,):
        return p
    raise ValueError(f"monthly_primary_deficit_usd_bn must be a number (USD billions a month) "
                     f"or one per month ({months}), got shape {p.shape}")


def rollover(profile: pd.DataFrame, yields: Any, monthly_primary_deficit_usd_bn: Any = 0.0,
             months: int = 120, kind_rates: Mapping[str, float] | None = None,
             debt_shares: Any = None, shock_points: float = 0.0,
             persistence: float = 1.0) -> Rollover:
    """Roll a stock of marketable debt forward month by month (see the module's docstring).

    Args:
        profile: the stock at the start, shaped like ``data.load("maturity_profile")`` (USD
            billions by month of maturity and kind); the simulation starts at its reference
            date (the month end before its first row), and a row's amount matures at the end
            of its month.
        yields: market yields at issue, decimals: one number (a flat curve that stays), a
            :class:`lessons_lib.curve.Curve` (that stays), one yield per month (the same at
            every maturity), or an array of ``months`` rows x the 8
            :data:`ISSUE_MATURITIES_YEARS`.
        monthly_primary_deficit_usd_bn: the primary deficit each month, USD billions (a
            surplus negative): one number or one per month.
        months: how many months to simulate (1 to 600).
        kind_rates: the average rate of the stock by kind, decimals, for ``"bills"``,
            ``"notes"``, ``"bonds"`` and ``"tips"`` (``"frn"`` may be given but FRNs pay the
            month's 3-month yield). Default: :func:`latest_kind_rates`.
        debt_shares: bills', notes' and bonds' shares of the debt the issuance keeps (decimals
            summing to 1; see :func:`issuance_shares`). Default: those of ``profile``
            (:func:`lessons_lib.curve.outstanding_shares`).
        shock_points: a rise in every yield at issue, percentage points (-10 to 10), from the
            first month.
        persistence: the share of the shock left after a year (above 0, up to 1; 1 keeps it).

    Returns:
        :class:`Rollover`, by month and by fiscal year.

    >>> rollover(data.load("maturity_profile"), 0.04, months=360).by_year["average_rate"]
    """
    amounts = maturity._amounts(profile)
    start = maturity.reference_date(profile)
    n = int(validate.number(months, "months", MONTHS_RANGE))
    if n != months:
        raise ValueError(f"months must be a whole number of months, got {months!r}")
    base = _shifted_yields(yields, n)
    deficits = _monthly_deficits(monthly_primary_deficit_usd_bn, n)
    legacy_rates = _kind_rates(latest_kind_rates() if kind_rates is None else kind_rates)
    shares = curve.outstanding_shares(profile) if debt_shares is None else debt_shares
    weights = _issue_weights(shares)
    shock = validate.number(shock_points, "shock_points", SHOCK_RANGE_POINTS) / 100
    rho = validate.number(persistence, "persistence", PERSISTENCE_RANGE)
    run = _simulate(amounts.to_numpy().T, legacy_rates, base, deficits, weights,
                    np.array([shock]), rho, by_kind=True)
    month_ends = pd.date_range(start + pd.offsets.MonthEnd(1), periods=n, freq="ME",
                               name="month_end")
    assert run.kind_rates is not None
    monthly = pd.DataFrame({
        "interest_usd_bn": run.interest[0],
        "debt_usd_bn": run.debt[0],
        "average_rate": 12 * run.interest[0] / run.stock[0],
        **{f"{k}_rate": run.kind_rates[0, :, i] for i, k in enumerate(KINDS)},
    }, index=month_ends)
    years, interest, debt, held, counts = _by_fiscal_year(_fiscal_years(month_ends),
                                                         run.interest, run.debt, run.stock)
    by_year = pd.DataFrame({
        "interest_usd_bn": interest[0], "debt_usd_bn": debt[0],
        "average_rate": interest[0] / held[0] * 12 / counts, "months": counts,
    }, index=pd.Index(years, name="fiscal_year"))
    return Rollover(monthly, by_year)


# --------------------------------------------------------------------------------------------
# CBO's January 2025 baseline
# --------------------------------------------------------------------------------------------


class CboInputs(NamedTuple):
    """What the projection takes from CBO's January 2025 baseline and the shipped data.

    Attributes:
        baseline: ``data.load("cbo_baseline")`` for fiscal years 2026-2035.
        start_debt_usd_bn: debt held by the public at the end of FY2025, USD billions.
        start_gdp_usd_bn: GDP in FY2025, USD billions.
        profile: the starting stock: the MSPD profile's shape (re-dated to start on 30
            September 2025) scaled to ``start_debt_usd_bn``.
        yields: the baseline yields at issue, decimals, by month (October 2025 to September
            2035) and maturity (:data:`ISSUE_MATURITIES_YEARS`, the columns, in years).
        monthly_primary_deficit_usd_bn: CBO's primary deficit of each month's fiscal year / 12.
        kind_rates: the stock's average rates by kind (:func:`latest_kind_rates`).
        long_spreads_points: the 20- and 30-year yields' spreads over the 10-year used,
            percentage points (mean of the last twelve months of ``yield_curve_monthly``).

    ``rollover(inputs.profile, inputs.yields, inputs.monthly_primary_deficit_usd_bn,
    months=120, kind_rates=inputs.kind_rates)`` is the model's own run on these inputs.
    """

    baseline: pd.DataFrame
    start_debt_usd_bn: float
    start_gdp_usd_bn: float
    profile: pd.DataFrame
    yields: pd.DataFrame
    monthly_primary_deficit_usd_bn: pd.Series
    kind_rates: pd.Series
    long_spreads_points: tuple[float, float]


class _Inputs(NamedTuple):
    baseline: pd.DataFrame
    start_debt_usd_bn: float
    start_gdp_usd_bn: float
    profile: pd.DataFrame
    month_ends: pd.DatetimeIndex
    yields: npt.NDArray[np.float64]
    monthly_primary_deficit_usd_bn: npt.NDArray[np.float64]
    kind_rates: pd.Series
    long_spreads_points: tuple[float, float]
    fiscal_years: npt.NDArray[np.int64]
    default_weights: npt.NDArray[np.float64]


def _interpolated(short: npt.NDArray[np.float64], ten: npt.NDArray[np.float64],
                  spreads: tuple[float, float]) -> npt.NDArray[np.float64]:
    """Yields at :data:`ISSUE_MATURITIES_YEARS` from the 3-month and 10-year yields (arrays of
    months): linear in log maturity between them, the 10-year plus a spread beyond."""
    m = np.array(ISSUE_MATURITIES_YEARS)
    weight = np.clip(np.log(m / 0.25) / np.log(10.0 / 0.25), 0.0, 1.0)
    out = short[:, None] + weight[None, :] * (ten - short)[:, None]
    out[:, m == 20.0] += spreads[0]
    out[:, m == 30.0] += spreads[1]
    return out


@functools.lru_cache(maxsize=1)
def _cbo_inputs() -> _Inputs:
    baseline = data.load("cbo_baseline")
    start_debt = float(baseline.loc[CBO_START_YEAR, "debt_held_by_public_usd_bn"])
    years = baseline.loc[CBO_START_YEAR + 1:]
    month_ends = pd.date_range(f"{CBO_START_YEAR}-10-31", periods=12 * len(years), freq="ME",
                               name="month_end")
    shipped = data.load("maturity_profile")
    amounts = shipped[list(maturity.KIND_COLUMNS)].astype(float)
    amounts = amounts * start_debt / float(amounts.to_numpy().sum())
    amounts.index = pd.date_range(month_ends[0], periods=len(amounts), freq="ME",
                                  name="month_end")
    quarterly = data.load("cbo_economic_quarterly")
    per_month = quarterly[["tbill_3m_pct", "note_10y_pct"]].reindex(
        month_ends, method="bfill") / 100
    curve_monthly = data.load("yield_curve_monthly").tail(12)
    spreads = tuple(float((curve_monthly[c] - curve_monthly["y10y_pct"]).mean()) / 100
                    for c in ("y20y_pct", "y30y_pct"))
    yields = _interpolated(per_month["tbill_3m_pct"].to_numpy(),
                           per_month["note_10y_pct"].to_numpy(), spreads)  # type: ignore[arg-type]
    fiscal = _fiscal_years(month_ends)
    deficits = years["primary_deficit_usd_bn"].reindex(fiscal).to_numpy() / 12
    for array in (yields, deficits):
        array.setflags(write=False)
    start_gdp = float(baseline.loc[CBO_START_YEAR, "gdp_usd_bn"])
    weights = _issue_weights(curve.outstanding_shares(amounts))
    for array in (fiscal, weights):
        array.setflags(write=False)
    return _Inputs(years.copy(), start_debt, start_gdp, amounts, month_ends, yields, deficits,
                   latest_kind_rates(), (100 * spreads[0], 100 * spreads[1]), fiscal, weights)


def cbo_inputs() -> CboInputs:
    """The inputs of :func:`project` taken from CBO's January 2025 baseline (see
    :class:`CboInputs` and the module's docstring)."""
    inputs = _cbo_inputs()
    columns = pd.Index(ISSUE_MATURITIES_YEARS, name="maturity_years")
    return CboInputs(
        inputs.baseline.copy(), inputs.start_debt_usd_bn, inputs.start_gdp_usd_bn,
        inputs.profile.copy(),
        pd.DataFrame(inputs.yields.copy(), index=inputs.month_ends, columns=columns),
        pd.Series(inputs.monthly_primary_deficit_usd_bn.copy(), index=inputs.month_ends,
                  name="monthly_primary_deficit_usd_bn"),
        inputs.kind_rates.copy(), inputs.long_spreads_points)


class _Scenario(NamedTuple):
    years: npt.NDArray[np.int64]
    added_interest: npt.NDArray[np.float64]  # (S, Y)
    added_debt: npt.NDArray[np.float64]  # (S, Y) at year end
    gdp_scale: npt.NDArray[np.float64]  # (Y,)
    deficit_change_pct_gdp: float


def _gdp_scale(growth_change: float, years: int) -> npt.NDArray[np.float64]:
    return (1.0 + growth_change) ** np.arange(1, years + 1)


def _scenario(shocks: npt.NDArray[np.float64], persistence: float,
              deficit_change_pct_gdp: float, growth_change: float, debt_shares: Any,
              feedback: float) -> _Scenario:
    inputs = _cbo_inputs()
    base = inputs.baseline
    n_years = len(base)
    scale_year = _gdp_scale(growth_change, n_years)
    scale_month = np.repeat(scale_year, 12)
    gdp_month = np.repeat(base["gdp_usd_bn"].to_numpy(), 12)
    deficits = (inputs.monthly_primary_deficit_usd_bn * scale_month
                + deficit_change_pct_gdp / 100 * gdp_month * scale_month / 12)
    weights = (inputs.default_weights if debt_shares is None
               else _issue_weights(debt_shares))
    stock = inputs.profile.to_numpy().T
    rates = _kind_rates(inputs.kind_rates)
    reference = _baseline_run(weights.tobytes())
    run = _simulate(stock, rates, inputs.yields, deficits, weights, shocks, persistence,
                    feedback=feedback, gdp=gdp_month * scale_month,
                    reference_ratio=reference.debt[0] / gdp_month)
    fiscal = inputs.fiscal_years
    years, interest, debt, _, _ = _by_fiscal_year(fiscal, run.interest, run.debt, run.stock)
    _, base_interest, base_debt, _, _ = _by_fiscal_year(fiscal, reference.interest,
                                                        reference.debt, reference.stock)
    return _Scenario(years, interest - base_interest, debt - base_debt, scale_year,
                     deficit_change_pct_gdp)


@functools.lru_cache(maxsize=8)
def _baseline_run(weights_bytes: bytes) -> _Run:
    """The model run on CBO's inputs with no change (cached per issuance mix)."""
    inputs = _cbo_inputs()
    weights = np.frombuffer(weights_bytes)
    return _simulate(inputs.profile.to_numpy().T, _kind_rates(inputs.kind_rates),
                     inputs.yields, inputs.monthly_primary_deficit_usd_bn, weights,
                     np.zeros(1), 1.0)


def _checked_scenario(shock_points: Any, persistence: float, primary_deficit_change_pct_gdp:
                      float, growth_change_points: float, debt_shares: Any,
                      debt_feedback_bp_per_pp: float) -> _Scenario:
    shocks = validate.numbers(shock_points, "shock_points", SHOCK_RANGE_POINTS).reshape(-1) / 100
    rho = validate.number(persistence, "persistence", PERSISTENCE_RANGE)
    change = validate.number(primary_deficit_change_pct_gdp, "primary_deficit_change_pct_gdp",
                             DEFICIT_CHANGE_RANGE_PCT_GDP)
    growth = validate.number(growth_change_points, "growth_change_points",
                             GROWTH_CHANGE_RANGE_POINTS) / 100
    feedback = validate.number(debt_feedback_bp_per_pp, "debt_feedback_bp_per_pp",
                               FEEDBACK_RANGE_BP_PER_PP)
    if debt_shares is not None:
        _debt_shares(debt_shares)
    return _scenario(shocks, rho, change, growth, debt_shares, feedback)


def _columns(scenario: _Scenario) -> dict[str, npt.NDArray[np.float64]]:
    """CBO's baseline plus each scenario's changes, by fiscal year: arrays (S, Y)."""
    inputs = _cbo_inputs()
    base = inputs.baseline
    scale = scenario.gdp_scale
    gdp = base["gdp_usd_bn"].to_numpy() * scale
    revenues = base["revenues_usd_bn"].to_numpy() * scale
    interest = base["net_interest_usd_bn"].to_numpy() + scenario.added_interest
    primary = ((base["outlays_usd_bn"] - base["net_interest_usd_bn"]).to_numpy() * scale
               + scenario.deficit_change_pct_gdp / 100 * gdp)  # the change as more spending
    # the debt also moves with the deficit change and with the growth change's scaling of
    # deficits: the model run borrows them, so both are in added_debt
    debt = base["debt_held_by_public_usd_bn"].to_numpy() + scenario.added_debt
    previous_debt = np.c_[np.full(len(debt), inputs.start_debt_usd_bn), debt[:, :-1]]
    previous_gdp = np.r_[inputs.start_gdp_usd_bn, gdp[:-1]]
    outlays = primary + interest
    effective = interest / previous_debt
    growth = np.broadcast_to(gdp / previous_gdp - 1, effective.shape)
    full = np.broadcast_to
    shape = interest.shape
    return {
        "interest_usd_bn": interest,
        "debt_usd_bn": debt,
        "revenues_usd_bn": full(revenues, shape),
        "outlays_usd_bn": outlays,
        "gdp_usd_bn": full(gdp, shape),
        "interest_pct_revenue": 100 * interest / revenues,
        "interest_pct_outlays": 100 * interest / outlays,
        "interest_pct_gdp": 100 * interest / gdp,
        "debt_pct_gdp": 100 * debt / gdp,
        "primary_deficit_pct_gdp": full(100 * (primary - revenues) / gdp, shape),
        "effective_rate": effective,
        "growth": growth,
        "r_minus_g_points": 100 * (effective - growth),
    }


def _table(scenario: _Scenario, row: int) -> pd.DataFrame:
    """CBO's baseline plus the changes of scenario ``row``, by fiscal year."""
    columns = {name: np.array(values[row]) for name, values in _columns(scenario).items()}
    return pd.DataFrame(columns, index=pd.Index(scenario.years, name="fiscal_year"))


def project(shock_points: float = 0.0, persistence: float = 1.0,
            primary_deficit_change_pct_gdp: float = 0.0, growth_change_points: float = 0.0,
            debt_shares: Any = None, debt_feedback_bp_per_pp: float = 0.0) -> pd.DataFrame:
    """CBO's January 2025 baseline, fiscal years 2026-2035, changed by a yield shock, a
    different primary deficit or growth, and what the rollover model says they do to interest.

    Each column is CBO's figure plus the change the model computes (a run with the changes
    minus a run without, both on CBO's inputs: :func:`cbo_inputs`); with no change the table
    is CBO's. Revenues, non-interest outlays and primary deficits keep their shares of GDP, so
    a growth change scales them with GDP; a growth change alone leaves yields where they are.

    Args:
        shock_points: a rise in every market yield over CBO's projection, percentage points
            (-10 to 10), from October 2025.
        persistence: the share of the shock left after a year (above 0, up to 1).
        primary_deficit_change_pct_gdp: added primary deficit, percent of GDP each year (-20 to
            20; negative: a smaller deficit).
        growth_change_points: added nominal GDP growth each year, percentage points (-10 to 10).
        debt_shares: bills', notes' and bonds' shares of the debt the issuance keeps (decimals
            summing to 1); default: those of the MSPD profile.
        debt_feedback_bp_per_pp: basis points added to every yield per percentage point of
            debt/GDP above CBO's path (0 to 20; CBO: 2 to 3, :data:`CBO_DEBT_FEEDBACK_BP_PER_PP`).

    Returns:
        A frame by fiscal year: ``interest_usd_bn`` (net interest), ``debt_usd_bn`` (held by
        the public, year end), ``revenues_usd_bn``, ``outlays_usd_bn``, ``gdp_usd_bn``;
        ``interest_pct_revenue``, ``interest_pct_outlays``, ``interest_pct_gdp``,
        ``debt_pct_gdp``, ``primary_deficit_pct_gdp`` (percent); ``effective_rate`` (interest
        / the previous year's debt), ``growth`` (nominal GDP, decimals) and
        ``r_minus_g_points`` (percentage points).
    """
    validate.number(shock_points, "shock_points", SHOCK_RANGE_POINTS)
    scenario = _checked_scenario(shock_points, persistence, primary_deficit_change_pct_gdp,
                                 growth_change_points, debt_shares, debt_feedback_bp_per_pp)
    return _table(scenario, 0)


class RateShock(NamedTuple):
    """What a rate shock adds to CBO's baseline.

    Attributes:
        added_interest_usd_bn: net interest added in each fiscal year 2026-2035, USD billions
            (a Series by fiscal year), the interest on the debt the added interest itself adds
            included.
        total_usd_bn: their sum over 2026-2035.
        added_debt_usd_bn: debt held by the public added by each year's end, USD billions.
    """

    added_interest_usd_bn: pd.Series
    total_usd_bn: float
    added_debt_usd_bn: pd.Series


def rate_shock(shock_points: float, persistence: float = 1.0,
               debt_shares: Any = None) -> RateShock:
    """What market yields ``shock_points`` percentage points above CBO's January 2025
    projection add to net interest in each fiscal year 2026-2035 (:func:`project`).

    Against CBO's rule of thumb (:data:`CBO_RULE_OF_THUMB_USD_BN`: 0.1 point higher rates in
    every year add about $351 billion to deficits over 2026-2035), the model gives about $319
    billion for 0.1 point (about 9% less; ``tests/models/test_fiscal.py`` holds it within 20%).
    Both count the interest on the added debt. The gap comes from what the two count and
    start from:

    - CBO's figure comes from its full budget model, which reprices all interest-bearing debt
      held by the public, the non-marketable part included, and can count other budget items
      that move with interest rates; the model reprices marketable debt only (scaled to the
      debt held by the public);
    - the model's maturity structure is the MSPD of April 2026 put at the start of FY2026,
      seven months earlier, and each kind keeps its May 2025 average rate, where CBO starts
      from the debt as it stood when it made the baseline;
    - CBO prices each security and the TIPS' inflation adjustment; the model uses one rate a
      kind, new issues at eight maturities, and CBO's 3-month and 10-year yields only.

    The issuance mix hardly matters for a shock that lasts: a parallel rise reaches all the
    debt issued since it began, and how much of the old debt has matured by then does not
    depend on what replaced it (the mix moves the total by about 1%, through the baseline
    curve's slope). For a shock that fades it matters: long issues lock in the high yields,
    bills let them go (for 1 point halving every year, about $413 billion over ten years with
    40% of the debt in bills against $691 billion with 10%).

    Args:
        shock_points: the rise in yields over CBO's projection in every year, percentage points
            (-10 to 10).
        persistence: the share of the shock left after a year (above 0, up to 1; 1 for CBO's
            rule, which keeps it).
        debt_shares: bills', notes' and bonds' shares of the debt the issuance keeps (decimals
            summing to 1); default: the MSPD profile's.
    """
    validate.number(shock_points, "shock_points", SHOCK_RANGE_POINTS)
    scenario = _checked_scenario(shock_points, persistence, 0.0, 0.0, debt_shares, 0.0)
    index = pd.Index(scenario.years, name="fiscal_year")
    added = pd.Series(scenario.added_interest[0], index=index, name="added_interest_usd_bn")
    debt = pd.Series(scenario.added_debt[0], index=index, name="added_debt_usd_bn")
    return RateShock(added, float(added.sum()), debt)


def flip_shock_points(persistence: float = 1.0) -> pd.Series:
    """The smallest yield shock (percentage points over CBO's projection, from October 2025)
    that turns ``r - g`` positive in each fiscal year 2026-2035 of CBO's baseline.

    ``r`` is the effective rate (net interest over the previous year's debt held by the
    public) and ``g`` nominal GDP growth, as in :func:`project`. A shock raises ``r`` only as
    the debt is refinanced, so the shock needed falls from year to year as more of the debt
    reprices. Found by bisection, all years at once (vectorised over the shock), to 0.001
    point; NaN where no shock within :data:`SHOCK_RANGE_POINTS` flips it (a shock that fades
    fast may never flip a late year).

    Args:
        persistence: the share of the shock left after a year (above 0, up to 1).
    """
    rho = validate.number(persistence, "persistence", PERSISTENCE_RANGE)
    n_years = len(_cbo_inputs().baseline)

    def gap(shocks_points: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        scenario = _scenario(shocks_points / 100, rho, 0.0, 0.0, None, 0.0)
        return np.diagonal(_columns(scenario)["r_minus_g_points"])

    low = np.full(n_years, SHOCK_RANGE_POINTS.low)
    high = np.full(n_years, SHOCK_RANGE_POINTS.high)
    found = gap(high) >= 0
    already = gap(low) >= 0
    for _ in range(15):
        middle = (low + high) / 2
        above = gap(middle) >= 0
        high = np.where(above, middle, high)
        low = np.where(above, low, middle)
    result = np.where(found & ~already, high, np.nan)
    return pd.Series(result, index=pd.Index(_cbo_inputs().baseline.index, name="fiscal_year"),
                     name="flip_shock_points")


def fed_share_of_debt() -> pd.DataFrame:
    """The Federal Reserve's holdings in CBO's January 2025 baseline, by fiscal year 2024-2035:
    ``debt_held_by_fed_usd_bn`` and ``fed_share_pct`` (percent of the debt held by the public,
    at the year's end): about the share of net interest that is paid to the Fed. It comes
    back to the Treasury as remittances only when the Fed's income exceeds its costs, which
    stopped being the case in September 2022 (``fed_remittances``, shipped to December 2022
    only, so later remittances are not available here)."""
    base = data.load("cbo_baseline")
    return pd.DataFrame({
        "debt_held_by_fed_usd_bn": base["debt_held_by_fed_usd_bn"],
        "fed_share_pct": 100 * base["debt_held_by_fed_usd_bn"]
        / base["debt_held_by_public_usd_bn"],
    })


# --------------------------------------------------------------------------------------------
# Debt dynamics
# --------------------------------------------------------------------------------------------


def _b_r_g(b: FloatOrArray, r: FloatOrArray, g: FloatOrArray) -> tuple[
        npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    return (validate.numbers(b, "b", DEBT_RATIO_RANGE), validate.numbers(r, "r", RATE_RANGE),
            validate.numbers(g, "g", GROWTH_RANGE))


def next_debt_ratio(b: FloatOrArray, r: FloatOrArray, g: FloatOrArray,
                    primary_balance: FloatOrArray) -> FloatOrArray:
    """Next year's debt ratio: ``b (1 + r) / (1 + g) - primary_balance``.

    Args:
        b: debt as a ratio to GDP, decimal (1.0 is 100%); 0 to 10.
        r: the effective nominal interest rate on the debt, decimal; -0.1 to 1.
        g: nominal GDP growth, decimal; -0.5 to 1.
        primary_balance: revenues minus non-interest spending, as a ratio to GDP (a surplus
            positive, a deficit negative); -1 to 1.
    """
    b_, r_, g_ = _b_r_g(b, r, g)
    pb = validate.numbers(primary_balance, "primary_balance", PRIMARY_BALANCE_RANGE)
    return validate.result(b_ * (1 + r_) / (1 + g_) - pb)


def debt_ratio_path(b: float, r: FloatOrArray, g: FloatOrArray, primary_balance: FloatOrArray,
                    years: int) -> npt.NDArray[np.float64]:
    """The debt ratio over ``years`` years by :func:`next_debt_ratio`, starting at ``b``.

    ``r``, ``g`` and ``primary_balance`` are each one number (every year) or one per year.
    Returns ``years + 1`` ratios, the first ``b``. A ratio may turn negative (net assets) when
    surpluses outrun the debt.
    """
    start = validate.number(b, "b", DEBT_RATIO_RANGE)
    n = validate.number(years, "years", YEARS_RANGE)
    if not n.is_integer():
        raise ValueError(f"years must be a whole number of years, got {years!r}")
    count = int(n)
    series = []
    for name, value, allowed in (("r", r, RATE_RANGE), ("g", g, GROWTH_RANGE),
                                 ("primary_balance", primary_balance, PRIMARY_BALANCE_RANGE)):
        array = validate.numbers(value, name, allowed)
        if array.ndim == 0:
            array = np.full(count, float(array))
        if array.shape != (count,):
            raise ValueError(f"{name} must be one number or one per year ({count}), got "
                             f"{array.size}")
        series.append(array)
    growth_factor = (1 + series[0]) / (1 + series[1])
    path = np.empty(count + 1)
    path[0] = start
    for t in range(count):
        path[t + 1] = path[t] * growth_factor[t] - series[2][t]
    return path


def debt_stabilizing_primary_balance(b: FloatOrArray, r: FloatOrArray,
                                     g: FloatOrArray) -> FloatOrArray:
    """The primary balance (ratio to GDP) that keeps the debt ratio at ``b``:
    ``b (r - g) / (1 + g)``. Negative when ``r < g``: a primary deficit that small still
    keeps debt/GDP steady.

    Args:
        b: debt as a ratio to GDP, decimal (1.0 is 100%); 0 to 10.
        r: the effective nominal interest rate on the debt, decimal; -0.1 to 1.
        g: nominal GDP growth, decimal; -0.5 to 1.

    >>> debt_stabilizing_primary_balance(1.0, 0.04, 0.03)   # 0.0097: a surplus of ~1% of GDP
    """
    b_, r_, g_ = _b_r_g(b, r, g)
    return validate.result(b_ * (r_ - g_) / (1 + g_))


def _r_minus_g(interest: pd.Series, debt: pd.Series, gdp: pd.Series) -> pd.DataFrame:
    r = interest / debt.shift(1)
    g = gdp / gdp.shift(1) - 1
    frame = pd.DataFrame({"effective_rate": r, "growth": g, "r_minus_g_points": 100 * (r - g)})
    return frame.dropna()


def r_minus_g_history() -> pd.DataFrame:
    """``r - g`` by fiscal year from the shipped history, FY2001-2025.

    ``effective_rate`` = net interest (``budget_fy``) / debt held by the public at the end of
    the previous fiscal year (``federal_debt_fy``). Both count the Federal Reserve's holdings
    and the interest paid on them; the Fed's remittances, which returned most of that interest
    until 2022, are revenue in the budget and are not netted out here. ``growth`` = nominal
    GDP growth over the fiscal year (``budget_fy``'s fiscal-year GDP); ``r_minus_g_points``
    their difference, percentage points. Rates are decimals.
    """
    budget = data.load("budget_fy")
    debt = data.load("federal_debt_fy")["debt_held_by_public_usd_bn"]
    return _r_minus_g(budget["net_interest_usd_bn"], debt.reindex(budget.index),
                      budget["gdp_fy_usd_bn"])


def r_minus_g_cbo() -> pd.DataFrame:
    """``r - g`` by fiscal year in CBO's January 2025 baseline, FY2025-2035, measured as
    :func:`r_minus_g_history` does (net interest over the previous year's debt held by the
    public; nominal GDP growth). ``r`` stays below ``g`` in every year."""
    base = data.load("cbo_baseline")
    return _r_minus_g(base["net_interest_usd_bn"], base["debt_held_by_public_usd_bn"],
                      base["gdp_usd_bn"])

