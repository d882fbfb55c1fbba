"""The maturity profile of marketable Treasury debt: buckets, average maturity and duration.

Pure functions over a profile shaped like the shipped dataset ``maturity_profile``: one row
per month of maturity (month-end dates, a gap-free run), columns ``bills_usd_bn``,
``notes_usd_bn``, ``bonds_usd_bn``, ``tips_usd_bn``, ``frn_usd_bn`` (USD billions
outstanding; a ``total_usd_bn`` column is ignored).

Conventions:

- The reference date (the statement's date) is the month end before the first row.
- Month-midpoint convention: everything maturing in the k-th month after the reference date
  matures at ``(k - 0.5) / 12`` years, the middle of that month.
- Amounts are principal: face value, TIPS including their inflation adjustment (as the MSPD
  reports them), not market value.
- Yields are decimals (0.04 is 4%), compounded twice a year (bond-equivalent), as in
  :mod:`lessons_lib.bonds`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pandas as pd

from lessons_lib import validate
from lessons_lib.bonds import YIELD_RANGE
from lessons_lib.validate import Range

KIND_COLUMNS = ("bills_usd_bn", "notes_usd_bn", "bonds_usd_bn", "tips_usd_bn", "frn_usd_bn")
"""The profile's columns, one per kind of security, USD billions."""

BUCKET_EDGES_YEARS = (1.0, 2.0, 5.0, 10.0)
"""Bucket edges: within 1 year, 1-2, 2-5, 5-10 and over 10 years."""
BUCKET_LABELS = ("0-1y", "1-2y", "2-5y", "5-10y", "10y+")

FRN_RESET_YEARS = 1.0 / 52.0
"""An FRN's coupon resets every week, so its rate duration is about the time to the next
reset, taken as one week."""

POSITIVE_YIELD_RANGE = Range(0.0, YIELD_RANGE.high, "as a decimal (0.04 is 4%)", low_open=True)
"""Yields :func:`duration_years` accepts: above 0 up to 200% a year."""

Yields = float | npt.ArrayLike | Callable[[npt.NDArray[np.float64]], npt.ArrayLike]


def _amounts(profile: pd.DataFrame) -> pd.DataFrame:
    """The kind columns of ``profile``, checked: month ends, no gaps, non-negative numbers."""
    if not isinstance(profile, pd.DataFrame):
        raise ValueError(f"profile must be a DataFrame like data.load('maturity_profile'), "
                         f"got {type(profile).__name__}")
    missing = [c for c in KIND_COLUMNS if c not in profile.columns]
    if missing:
        raise ValueError(f"profile must have the columns {list(KIND_COLUMNS)}; missing {missing}")
    if profile.empty:
        raise ValueError("profile must have at least one month, got none")
    index = profile.index
    if not isinstance(index, pd.DatetimeIndex):
        raise ValueError("profile must be indexed by month-end dates")
    expected = pd.date_range(index[0], periods=len(index), freq="ME")
    if not index.equals(expected):
        raise ValueError("profile must have one row per month, month ends without gaps, "
                         "in increasing order")
    amounts = profile[list(KIND_COLUMNS)].astype("float64")
    values = amounts.to_numpy()
    if not np.isfinite(values).all() or (values < 0).any():
        raise ValueError("profile amounts must be finite and at least 0 USD billions")
    if values.sum() <= 0:
        raise ValueError("profile must hold a positive amount in total, got 0 USD billions")
    return amounts


def reference_date(profile: pd.DataFrame) -> pd.Timestamp:
    """The profile's reference date: the month end before its first month of maturity."""
    return _amounts(profile).index[0] - pd.offsets.MonthEnd(1)


def maturity_years(profile: pd.DataFrame) -> npt.NDArray[np.float64]:
    """Years from the reference date to each row's maturity (month-midpoint convention)."""
    months = np.arange(1, len(_amounts(profile)) + 1, dtype=float)
    return (months - 0.5) / 12.0


def buckets(profile: pd.DataFrame) -> pd.DataFrame:
    """Amounts maturing within 1, 1-2, 2-5, 5-10 and over 10 years of the reference date.

    Returns a frame indexed by :data:`BUCKET_LABELS` with ``amount_usd_bn`` (USD billions,
    all kinds) and ``share_pct`` (percent of the total). A month belongs to the bucket its
    midpoint falls in, so "within 1 year" is the 12 months after the reference date.
    """
    amounts = _amounts(profile).sum(axis=1).to_numpy()
    times = maturity_years(profile)
    which = np.searchsorted(np.array(BUCKET_EDGES_YEARS), times, side="right")
    totals = np.bincount(which, weights=amounts, minlength=len(BUCKET_LABELS))
    frame = pd.DataFrame(
        {"amount_usd_bn": totals, "share_pct": totals / totals.sum() * 100.0},
        index=pd.Index(BUCKET_LABELS, name="bucket"),
    )
    return frame


def average_maturity_years(profile: pd.DataFrame) -> float:
    """Average years to maturity, weighted by principal (month-midpoint convention).

    All kinds count, bills included; TIPS at their inflation-adjusted principal. This is a
    weighted average maturity of the kind Treasury reports, though Treasury's own figure
    dates each security exactly and refers to debt held by the public.
    """
    amounts = _amounts(profile).sum(axis=1).to_numpy()
    return float(amounts @ maturity_years(profile) / amounts.sum())


def _yields_per_month(yields: Yields, times: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    if callable(yields):
        values = np.asarray(yields(times), dtype=float)
    else:
        values = np.asarray(validate.numbers(yields, "yields", POSITIVE_YIELD_RANGE), dtype=float)
    if values.ndim == 0:
        values = np.full(times.shape, float(values))
    if values.shape != times.shape:
        raise ValueError(f"yields must be one decimal yield, or one per month of the profile "
                         f"({times.size}), got {values.size}")
    return np.asarray(validate.numbers(values, "yields", POSITIVE_YIELD_RANGE), dtype=float)


def _par_bond_modified(times: npt.NDArray[np.float64],
                       y: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Modified duration of a par bond (coupon = yield, paid twice a year), in years.

    (1 - (1 + y/2) ** (-2t)) / y: the closed form of
    :func:`lessons_lib.bonds.modified_duration` at par, used for any ``t`` (a maturity that
    is not a whole number of half-years is treated as a fraction of a coupon period).
    """
    return -np.expm1(-2.0 * times * np.log1p(y / 2.0)) / y


def duration_years(profile: pd.DataFrame, yields: Yields, measure: str = "modified") -> float:
    """Duration of the whole portfolio at ``yields``, in years (modified by default).

    Each month's amount of each kind is valued as one security maturing mid-month:

    - bills: zero-coupon; value ``face * (1 + y/2) ** (-2t)``; modified duration
      ``t / (1 + y/2)``;
    - notes, bonds and TIPS: priced at par with coupon = yield (par-bond duration,
      ``(1 - (1 + y/2) ** (-2t)) / y``); TIPS are treated like nominal notes at the same
      yield, a simplification (their real-yield duration is longer);
    - FRNs: at par, duration one week (:data:`FRN_RESET_YEARS`, the next coupon reset).

    The portfolio's duration is the market-value-weighted mean of these. Modified duration
    is the default because it is the price sensitivity the course uses: a 1 percentage-point
    rise in all yields lowers the portfolio's value by about this many percent. ``measure=
    "macaulay"`` gives the value-weighted mean time of the payments instead (modified x
    (1 + y/2) per security).

    Args:
        profile: the maturity profile (see the module's docstring).
        yields: a decimal yield above 0 (0.04 is 4%), or one yield per month of the profile,
            or a function of the years to maturity (an array) returning the yields (a curve).
        measure: "modified" or "macaulay".
    """
    validate.one_of(measure, "measure", ("modified", "macaulay"))
    amounts = _amounts(profile)
    times = maturity_years(profile)
    y = _yields_per_month(yields, times)
    half = 1.0 + y / 2.0
    bill_value = amounts["bills_usd_bn"].to_numpy() * half ** (-2.0 * times)
    bill_duration = times / half
    par_face = amounts[["notes_usd_bn", "bonds_usd_bn", "tips_usd_bn"]].sum(axis=1).to_numpy()
    par_duration = _par_bond_modified(times, y)
    frn_face = amounts["frn_usd_bn"].to_numpy()
    frn_duration = np.full(times.shape, FRN_RESET_YEARS) / half
    if measure == "macaulay":
        bill_duration, par_duration, frn_duration = (d * half for d in
                                                      (bill_duration, par_duration, frn_duration))
    value = bill_value.sum() + par_face.sum() + frn_face.sum()
    weighted = bill_value @ bill_duration + par_face @ par_duration + frn_face @ frn_duration
    result = float(weighted / value)
    if not math.isfinite(result):  # pragma: no cover - inputs are checked above
        raise ValueError("duration is not finite for these yields")
    return result
