"""The dollar's side of a sell-off: how it moved beside the 10-year yield, what a dearer dollar
costs a borrower in dollars, and the reserves held in dollars and in gold.

Three thin helpers, not models of the dollar:

- :func:`yield_and_dollar` puts the change of the 10-year yield over a window, split into
  its expected-short-rate and term-premium parts (:func:`lessons_lib.curve.decompose_change`,
  ACM), beside the broad dollar index's change and the yen's over the same window. It says what
  moved together, not why: in 2022 the yield rose on expected policy rates and the dollar
  rose; in April 2025 the rise was term premium and the dollar fell (:data:`WINDOWS`).
- :func:`dollar_debt_service` is the arithmetic of a stylised emerging-market borrower's
  interest on its dollar debt, in its own currency, when US rates and the dollar rise.
- :func:`gold_changes` sums official gold holdings (``gold_reserves``) over the countries that
  reported at both ends of each year, so that late reports do not read as sales.
  The dollar's share of allocated reserves needs no helper:
  ``data.load("cofer_shares")["usd_share_pct"]``.

Units: yields and rates decimals, changes of yields in percentage points (``_points``) where
they come from :mod:`lessons_lib.curve`, currency moves in percent (``_pct``), debt and
interest in percent of GDP (``_pct_gdp``), gold in tonnes.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from lessons_lib import curve, data, validate
from lessons_lib.validate import DECIMAL, DECIMAL_CHANGE, FloatOrArray, Range

# --------------------------------------------------------------------------------------------
# The yield and the dollar over a window
# --------------------------------------------------------------------------------------------

WINDOWS = {
    "2022": ("2021-12-31", "2022-12-30"),
    "april_2025": ("2025-04-02", "2025-04-11"),
}
"""The two windows chapter 05 compares: the calendar year 2022 (the Fed's fastest rise of its
policy rate in decades), and 2-11 April 2025, from the day the US announced its tariffs to the
end of the following week's sell-off of Treasuries."""


class YieldAndDollar(NamedTuple):
    """The 10-year yield's change over a window, in parts (percentage points, as
    :class:`lessons_lib.curve.YieldChangeParts`), and the dollar's over the same days.

    ``broad_dollar_change_pct``: the Fed's nominal broad dollar index (``usd_broad_index``);
    ``jpy_per_usd_change_pct``: yen per dollar; both percent, positive: a stronger dollar, from
    the last value on or before ``start`` to that on or before ``end``.
    """

    start: pd.Timestamp
    end: pd.Timestamp
    yield_change_points: float
    term_premium_change_points: float
    expected_change_points: float
    broad_dollar_start: float
    broad_dollar_end: float
    broad_dollar_change_pct: float
    jpy_per_usd_change_pct: float


def _on_or_before(series: pd.Series, day: pd.Timestamp) -> float:
    return float(series.dropna().loc[:day].iloc[-1])


def yield_and_dollar(start_date: Any, end_date: Any) -> YieldAndDollar:
    """The 10-year yield's change from ``start_date`` to ``end_date``, split into expected
    short rates and term premium (``yield_curve_daily``, ``term_premium_daily``), beside the
    broad dollar index's and yen per dollar's changes (``fx_daily``).

    Args:
        start_date, end_date: dates (``"2025-04-02"``), each taken as the last day on or
            before it on which the 10-year yield and the term premium both have a value (see
            :func:`lessons_lib.curve.decompose_change`); :data:`WINDOWS` gives chapter 05's.
    """
    parts = curve.decompose_change(data.load("yield_curve_daily"),
                                   data.load("term_premium_daily"), start_date, end_date)
    fx = data.load("fx_daily")
    if parts.start < fx["usd_broad_index"].first_valid_index():
        raise ValueError(f"start_date must be on or after "
                         f"{fx['usd_broad_index'].first_valid_index():%Y-%m-%d}, when the broad "
                         f"dollar index starts, got {start_date!r}")
    dollar0 = _on_or_before(fx["usd_broad_index"], parts.start)
    dollar1 = _on_or_before(fx["usd_broad_index"], parts.end)
    yen0 = _on_or_before(fx["jpy_per_usd"], parts.start)
    yen1 = _on_or_before(fx["jpy_per_usd"], parts.end)
    return YieldAndDollar(
        parts.start, parts.end, parts.yield_change_points, parts.term_premium_change_points,
        parts.expected_change_points, dollar0, dollar1, 100.0 * (dollar1 / dollar0 - 1.0),
        100.0 * (yen1 / yen0 - 1.0),
    )


# --------------------------------------------------------------------------------------------
# An emerging-market borrower's dollar debt
# --------------------------------------------------------------------------------------------

DEBT_RANGE_PCT_GDP = Range(0.0, 500.0, "percent of GDP")
SHARE_RANGE = Range(0.0, 1.0, "as a decimal (0.25 is 25%)")
US_RATE_RANGE = Range(-0.05, 0.25, DECIMAL)
SPREAD_RANGE = Range(0.0, 0.30, "as a decimal (0.03 is 3 percentage points over US rates)")
US_RATE_CHANGE_RANGE = Range(-0.10, 0.10, DECIMAL_CHANGE)
SPREAD_CHANGE_RANGE = Range(-0.10, 0.20, DECIMAL_CHANGE)
DOLLAR_MOVE_RANGE_PCT = Range(
    -50.0, 200.0, "percent change in local currency per dollar (positive: a dearer dollar)"
)

STYLISED_BORROWER = {
    "debt_pct_gdp": 60.0,
    "dollar_share": 0.25,
    "us_rate": 0.02,
    "spread": 0.03,
    "repricing_share": 0.3,
}
"""An illustrative borrower, not a country and not an average: public debt of 60% of GDP, a
quarter of it in dollars, borrowing at US rates (2%) plus 3 points, with 30% of its dollar
debt repriced within a year (floating-rate loans plus what matures and is refinanced). Change
any of them: the notebook states the ones it uses."""


class DebtService(NamedTuple):
    """A year's interest on a borrower's dollar debt, in its own currency, before and after a
    rise of US rates and of the dollar, percent of GDP (GDP in local currency unchanged).

    ``interest_after - interest_before = from_currency + from_rates + interaction``:
    the dearer dollar on the old interest bill, the higher rate on the repriced debt, and the
    higher rate on the extra local cost of that debt. The dollar debt itself, in local
    currency, goes from ``debt_before_pct_gdp`` to ``debt_after_pct_gdp``.
    """

    debt_before_pct_gdp: FloatOrArray
    debt_after_pct_gdp: FloatOrArray
    interest_before_pct_gdp: FloatOrArray
    interest_after_pct_gdp: FloatOrArray
    from_currency_pct_gdp: FloatOrArray
    from_rates_pct_gdp: FloatOrArray
    interaction_pct_gdp: FloatOrArray


def dollar_debt_service(
    debt_pct_gdp: float,
    dollar_share: float,
    us_rate: float,
    spread: float,
    repricing_share: float,
    us_rate_change: FloatOrArray,
    dollar_change_pct: FloatOrArray,
    spread_change: FloatOrArray = 0.0,
) -> DebtService:
    """The interest a borrower pays on its dollar debt, in its own currency, before and after
    US rates and the dollar rise (:class:`DebtService`).

    With ``D`` the debt, ``w`` its dollar share, ``r + s`` the rate on the dollar debt, ``p``
    the share repriced within the year, ``dr`` and ``ds`` the changes of the US rate and the
    spread and ``x`` the dollar's rise (decimal)::

        dollar debt, local:  D w           ->  D w (1 + x)
        interest, local:     D w (r + s)   ->  D w (1 + x) (r + s + p (dr + ds))

    Example (:data:`STYLISED_BORROWER`, US rates +2 points, the dollar +20%): dollar debt 15% of
    GDP becomes 18%; interest 15 x 0.05 = 0.75% of GDP becomes 18 x (0.05 + 0.3 x 0.02) =
    1.008%: +0.15 from the currency, +0.09 from rates, +0.018 from both.

    Args:
        debt_pct_gdp: public debt, percent of GDP (0 to 500).
        dollar_share: the share of it in dollars, decimal (0 to 1).
        us_rate: the US rate the dollar debt is priced on, before, decimal (-0.05 to 0.25).
        spread: the borrower's spread over it, decimal (0 to 0.30).
        repricing_share: the share of the dollar debt whose rate resets within the year,
            decimal (0 to 1).
        us_rate_change: the change of the US rate, decimal (-0.10 to 0.10; 0.02 is +2 points).
        dollar_change_pct: the change of local currency per dollar, percent (-50 to 200).
        spread_change: the change of the spread, decimal (-0.10 to 0.20; 0 by default).

    The changes may be arrays; they broadcast against each other.
    """
    d = validate.number(debt_pct_gdp, "debt_pct_gdp", DEBT_RANGE_PCT_GDP)
    w = validate.number(dollar_share, "dollar_share", SHARE_RANGE)
    r = validate.number(us_rate, "us_rate", US_RATE_RANGE)
    s = validate.number(spread, "spread", SPREAD_RANGE)
    p = validate.number(repricing_share, "repricing_share", SHARE_RANGE)
    dr = validate.numbers(us_rate_change, "us_rate_change", US_RATE_CHANGE_RANGE)
    x = validate.numbers(dollar_change_pct, "dollar_change_pct", DOLLAR_MOVE_RANGE_PCT) / 100.0
    ds = validate.numbers(spread_change, "spread_change", SPREAD_CHANGE_RANGE)
    if r + s < 0:
        raise ValueError(f"us_rate plus spread must be at least 0, got {r:g} + {s:g}")
    dr, x, ds = np.broadcast_arrays(dr, x, ds)
    debt = d * w
    rate = r + s
    repriced = p * (dr + ds)
    res = validate.result
    return DebtService(
        debt_before_pct_gdp=debt,
        debt_after_pct_gdp=res(debt * (1.0 + x)),
        interest_before_pct_gdp=debt * rate,
        interest_after_pct_gdp=res(debt * (1.0 + x) * (rate + repriced)),
        from_currency_pct_gdp=res(debt * x * rate),
        from_rates_pct_gdp=res(debt * repriced),
        interaction_pct_gdp=res(debt * x * repriced),
    )


# --------------------------------------------------------------------------------------------
# Official gold
# --------------------------------------------------------------------------------------------


@functools.cache
def _gold_changes() -> pd.DataFrame:
    gold = data.load("gold_reserves")
    year_ends = gold[gold.index.month == 12].reset_index()
    table = year_ends.pivot(index="quarter_end", columns="country", values="tonnes")
    rows = []
    for before, after in zip(table.index[:-1], table.index[1:], strict=True):
        both = table.loc[before].notna() & table.loc[after].notna()
        start, end = table.loc[before, both], table.loc[after, both]
        rows.append((after.year, int(both.sum()), float(start.sum()), float(end.sum()),
                     float((end - start).sum())))
    frame = pd.DataFrame(rows, columns=["year", "countries", "start_tonnes", "end_tonnes",
                                        "change_tonnes"])
    return frame.set_index("year")


def gold_changes() -> pd.DataFrame:
    """Official gold holdings reported to the IMF (``gold_reserves``), year by year, over the
    countries that reported at both year-ends: ``countries``, ``start_tonnes``,
    ``end_tonnes`` and ``change_tonnes`` (net buying by those countries, tonnes).

    A plain sum over all countries each year would fall in the latest years because reports
    come in late, not because anyone sold. The reported changes are well below the World Gold
    Council's estimates of central banks' buying (``cb_gold_purchases``), which add purchases
    nobody reports (``data.describe("gold_reserves").notes``).
    """
    return _gold_changes().copy()
