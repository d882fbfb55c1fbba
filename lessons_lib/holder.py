"""A yen-based holder of Treasuries: its return in yen, hedged and unhedged, and what erodes it.

A Japanese investor who buys a Treasury earns dollars, and spends yen. Over a horizon of
``h`` years its return has three sources (:func:`yen_return`), all decimals of the amount
invested:

- **carry**: the yield it bought, ``y x h`` (a note bought at par pays its yield as coupon;
  roll-down and the reinvestment of coupons are left out);
- **price change** from a move ``dy`` of the yield, at once and lasting (a shock): to second
  order ``-D dy + 0.5 C dy**2``, with ``D`` the modified duration and ``C`` the convexity of the
  note at the start (:mod:`lessons_lib.bonds`). The dollar return is ``r = carry + price``;
- **currency**: the change ``s`` in yen per dollar over the horizon (``s > 0``: a weaker yen,
  a gain to a yen holder of dollars). Unhedged, the yen return is
  ``(1 + r)(1 + s) - 1 = carry + price + s + r s``.

**Hedged**, the investor sells its dollars forward for yen and rolls the contract every
``tau`` years (three months, the usual tenor). Covered interest parity (CIP) prices the forward
at ``F / S = (1 + i_jpy tau) / (1 + i_usd tau)`` for the tenor, with ``i`` the two short rates
(simple interest over the tenor): when dollar rates are above yen rates the forward buys fewer
yen than the spot, and that discount is the hedge's cost. Rolled over ``h / tau`` tenors at
unchanged rates, the hedge returns ``(F / S) ** (h / tau) - 1`` (negative: a cost), and the
hedged yen return is ``(1 + r)(F / S) ** (h / tau) - 1``, which does not depend on the spot
rate at all. :func:`hedge_cost` gives the annualised cost, ``((1 + i_usd tau) / (1 + i_jpy
tau) - 1) / tau``: about the short-rate gap ``i_usd - i_jpy``.

Two idealisations: the hedge covers the dollar value at the horizon exactly (in practice it is
set on the value at the start and rolled, which leaves the product ``r x s`` of the return
and the currency move unhedged: a few tenths of a percent for a move of a few percent), and
rates stay where they are over the horizon.

**The cross-currency basis.** Forwards do not trade exactly at parity. The dollar/yen
cross-currency basis ``b`` (quoted on the yen leg, negative for most of the years since 2008:
dollars cost more in the forward and swap markets than parity says) makes the forward
``F / S = (1 + (i_jpy + b) tau) / (1 + i_usd tau)``, so a negative basis adds about ``-b`` to
the hedge's cost. The course's data do not include the basis (no shipped dataset quotes
forwards or swaps), so :func:`hedge_cost` takes it as an argument, ``basis_bp``, 0 by default,
and :func:`hedged_ten_year_yield` leaves it out. Hedge costs quoted in the press (Bloomberg's,
for instance) include it, and come out a few tenths of a point above the rate gap alone
(``tests/data/test_hedged_yield.py`` measures it for November 2024).

**From the data** (:func:`hedged_ten_year_yield`): the 10-year Treasury yield minus the hedge
cost, with the US 3-month constant-maturity yield (``y3m_pct``: DGS3MO, in
``yield_curve_daily`` and ``yield_curve_monthly``) for the dollar leg and the Bank of Japan's
uncollateralised overnight call rate (``jpy_call_overnight_pct`` in ``fx_daily`` and
``fx_monthly``) for the yen leg: the data ship no 3-month yen rate, and the overnight rate is
its stand-in (the two differ by a few hundredths of a point in most months, more when the
market expects a move of the BOJ's rate).

**What erodes the return besides:** inflation, in the currency the return is counted in
(:func:`real_return`), and, for a holder large enough to move the market, the price its own
sale moves against it (:func:`sale_cost`, with chapter 02's price-impact model,
:mod:`lessons_lib.market`: no second model here).

Units follow the library: yields and rates decimals (0.04 is 4%), returns decimals of the
amount invested, yield moves in basis points (``_bp``), currency moves in percent (``_pct``),
amounts in USD billions (``_usd_bn``).
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd

from lessons_lib import bonds, data, market, validate
from lessons_lib.validate import DECIMAL, FloatOrArray, Range

# --------------------------------------------------------------------------------------------
# Ranges
# --------------------------------------------------------------------------------------------

TREASURY_YIELD_RANGE = Range(0.0, 0.20, DECIMAL)
"""Yields of the Treasury bought at par (coupon = yield, so not below 0): 0 to 20%."""
SHORT_RATE_RANGE = Range(-0.05, 0.25, DECIMAL)
"""Short rates of either currency: -5% to 25% a year (the BOJ's call rate was about -0.07% at
its lowest; the US 3-month bill yield peaked near 16% in 1981)."""
YIELD_SHOCK_RANGE_BP = Range(-500.0, 500.0, "basis points")
"""Moves of the Treasury's yield: up to 5 percentage points either way (the duration and
convexity approximation is poor beyond that)."""
FX_MOVE_RANGE_PCT = Range(
    -50.0, 100.0, "percent change in yen per dollar (positive: a weaker yen)"
)
"""Moves of yen per dollar over the horizon: from halving to doubling."""
MATURITY_RANGE_YEARS = Range(0.5, 30.0, "years")
"""Maturities of the Treasury: 6 months to 30 years, a whole number of half-years."""
HORIZON_RANGE_YEARS = Range(0.0, 30.0, "years", low_open=True)
"""Horizons: more than 0 up to 30 years, and at most the Treasury's maturity."""
TENOR_RANGE_YEARS = Range(1.0 / 52.0, 1.0, "years")
"""Tenors of the forward rolled to hedge: a week to a year (three months, 0.25, is usual)."""
BASIS_RANGE_BP = Range(-300.0, 300.0, "basis points a year (negative: dearer dollars)")
"""Cross-currency basis on the yen leg: up to 3 percentage points either way."""
RETURN_RANGE = Range(-1.0, 10.0, "as a decimal of the amount invested (0.05 is 5%)")
"""Returns over a horizon: from losing everything (-1) to eleven times the money."""
INFLATION_RANGE = Range(-0.10, 1.0, DECIMAL)
"""Inflation rates, a year: -10% to 100%."""
SAMPLINGS = ("monthly", "daily")

HEDGE_TENOR_YEARS = 0.25
"""The tenor of the hedge the course uses: three months, rolled (the tenor of the quoted
hedged yields, and of the US 3-month bill yield in the data)."""


# --------------------------------------------------------------------------------------------
# Hedging
# --------------------------------------------------------------------------------------------


def _forward_ratio(usd: npt.NDArray[np.float64], jpy: npt.NDArray[np.float64], tau: float,
                   basis: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """``F / S`` for one tenor, covered interest parity with a basis on the yen leg."""
    return (1.0 + (jpy + basis) * tau) / (1.0 + usd * tau)


def _rates(usd_short_rate: Any, jpy_short_rate: Any, tenor_years: Any, basis_bp: Any):
    usd = validate.numbers(usd_short_rate, "usd_short_rate", SHORT_RATE_RANGE)
    jpy = validate.numbers(jpy_short_rate, "jpy_short_rate", SHORT_RATE_RANGE)
    tau = validate.number(tenor_years, "tenor_years", TENOR_RANGE_YEARS)
    basis = validate.numbers(basis_bp, "basis_bp", BASIS_RANGE_BP) / 10_000.0
    return usd, jpy, tau, basis


def hedge_cost(
    usd_short_rate: FloatOrArray,
    jpy_short_rate: FloatOrArray,
    tenor_years: float = HEDGE_TENOR_YEARS,
    basis_bp: FloatOrArray = 0.0,
) -> FloatOrArray:
    """The annualised cost to a yen investor of hedging dollars with a forward, decimal.

    ``((1 + i_usd tau) / (1 + (i_jpy + b) tau) - 1) / tau``: the forward's discount to the spot
    over one tenor (covered interest parity), per year. About ``i_usd - i_jpy - b``: 5.44% -
    (-0.01%) = 5.45% in December 2023 (3-month bill and call rate, monthly averages).
    Negative when yen rates are the higher: the hedge then pays.

    Args:
        usd_short_rate: the dollar rate for the tenor, decimal (-0.05 to 0.25): the course
            uses the 3-month Treasury bill yield.
        jpy_short_rate: the yen rate for the tenor, decimal (-0.05 to 0.25): the course uses
            the BOJ's overnight call rate, a stand-in (module docstring).
        tenor_years: the forward's tenor, years (a week to 1; 0.25 by default).
        basis_bp: the cross-currency basis on the yen leg, basis points a year (-300 to
            300; 0 by default: the course's data do not include it). A negative basis (dear
            dollars) raises the cost by about its size.

    Rates and the basis may be arrays; they broadcast against each other.
    """
    usd, jpy, tau, basis = _rates(usd_short_rate, jpy_short_rate, tenor_years, basis_bp)
    return validate.result((1.0 / _forward_ratio(usd, jpy, tau, basis) - 1.0) / tau)


# --------------------------------------------------------------------------------------------
# The return in yen
# --------------------------------------------------------------------------------------------


class YenReturn(NamedTuple):
    """A yen investor's return on a Treasury over the horizon, decimals of the yen invested.

    - ``carry``: the yield times the horizon;
    - ``price_change``: from the yield move, ``-D dy + 0.5 C dy**2``;
    - ``dollar_return``: ``carry + price_change``, the return in dollars;
    - ``currency``: the change in yen per dollar, ``s``;
    - ``unhedged``: ``(1 + dollar_return)(1 + s) - 1``;
    - ``hedge``: what the rolled forwards return, ``(F / S) ** (h / tau) - 1`` (negative: the
      hedge's cost over the horizon);
    - ``hedged``: ``(1 + dollar_return)(1 + hedge) - 1``: no ``s`` in it.

    The parts add up with a product term each (:attr:`currency_interaction`,
    :attr:`hedge_interaction`): ``unhedged = carry + price_change + currency +
    currency_interaction`` and ``hedged = carry + price_change + hedge + hedge_interaction``.
    """

    carry: FloatOrArray
    price_change: FloatOrArray
    dollar_return: FloatOrArray
    currency: FloatOrArray
    unhedged: FloatOrArray
    hedge: FloatOrArray
    hedged: FloatOrArray

    @property
    def currency_interaction(self) -> FloatOrArray:
        """``dollar_return x currency``: the currency move on the return itself."""
        return self.dollar_return * self.currency

    @property
    def hedge_interaction(self) -> FloatOrArray:
        """``dollar_return x hedge``: the hedge's cost on the return itself."""
        return self.dollar_return * self.hedge


@functools.cache
def _duration_convexity(ytm: float, maturity_years: float) -> tuple[float, float]:
    note = bonds.Bond(coupon_rate=ytm, maturity_years=maturity_years)
    return float(bonds.modified_duration(note, ytm)), float(bonds.convexity(note, ytm))


def yen_return(
    ytm: float,
    yield_change_bp: FloatOrArray,
    jpy_per_usd_change_pct: FloatOrArray,
    usd_short_rate: FloatOrArray,
    jpy_short_rate: FloatOrArray,
    maturity_years: float = 10.0,
    horizon_years: float = 1.0,
    tenor_years: float = HEDGE_TENOR_YEARS,
    basis_bp: FloatOrArray = 0.0,
) -> YenReturn:
    """A yen investor's return on a Treasury bought at par, unhedged and hedged, in parts.

    The model is the module's: carry ``ytm x horizon``, the price change of a yield shock to
    second order (duration and convexity of the note at the start), the currency move
    unhedged or the rolled forward's cost hedged.

    Args:
        ytm: the Treasury's yield when bought, decimal (0 to 0.20); it is bought at par, so
            its coupon is this yield (paid twice a year).
        yield_change_bp: the move of its yield, basis points (-500 to 500), at once and for
            the whole horizon.
        jpy_per_usd_change_pct: the change in yen per dollar over the horizon, percent (-50
            to 100; positive: a weaker yen, which raises the dollars' worth in yen).
        usd_short_rate, jpy_short_rate: the short rates that price the hedge, decimals (-0.05
            to 0.25), for the tenor (see :func:`hedge_cost`).
        maturity_years: the Treasury's maturity, years (0.5 to 30, whole half-years; 10).
        horizon_years: how long it is held, years (more than 0, at most the maturity; 1).
        tenor_years: the tenor of the forwards rolled, years (a week to 1; 0.25).
        basis_bp: the cross-currency basis, basis points a year (0: the data lack it).

    The shocks and the short rates may be arrays; they broadcast against each other.

    Returns:
        :class:`YenReturn`, decimals of the yen invested over the horizon.

    Example: a 10-year note at 4% held a year, no shocks, short rates 5% and 0%: carry 0.04,
    unhedged 4.00%; the hedge costs ``(1/(1.0125))**4 - 1 = -4.85%`` over the year, so
    hedged ``1.04 x 0.9515 - 1 = -1.04%``.
    """
    y = validate.number(ytm, "ytm", TREASURY_YIELD_RANGE)
    m = validate.number(maturity_years, "maturity_years", MATURITY_RANGE_YEARS)
    if abs(2 * m - round(2 * m)) > 1e-9:
        raise ValueError(f"maturity_years must be a whole number of half-years, got "
                         f"{maturity_years!r}")
    h = validate.number(horizon_years, "horizon_years", HORIZON_RANGE_YEARS)
    if h > m:
        raise ValueError(f"horizon_years must be at most maturity_years ({m:g}), got "
                         f"{horizon_years!r}")
    dy = validate.numbers(yield_change_bp, "yield_change_bp", YIELD_SHOCK_RANGE_BP) / 10_000.0
    s = validate.numbers(jpy_per_usd_change_pct, "jpy_per_usd_change_pct",
                         FX_MOVE_RANGE_PCT) / 100.0
    usd, jpy, tau, basis = _rates(usd_short_rate, jpy_short_rate, tenor_years, basis_bp)
    duration, convexity = _duration_convexity(y, m)
    dy, s, usd, jpy, basis = np.broadcast_arrays(dy, s, usd, jpy, basis)
    carry = np.full(dy.shape, y * h)
    price = -duration * dy + 0.5 * convexity * dy**2
    dollar = carry + price
    hedge = _forward_ratio(usd, jpy, tau, basis) ** (h / tau) - 1.0
    r = validate.result
    return YenReturn(r(carry), r(price), r(dollar), r(s.copy()), r((1 + dollar) * (1 + s) - 1),
                     r(hedge), r((1 + dollar) * (1 + hedge) - 1))


def real_return(
    nominal_return: FloatOrArray, inflation_rate: FloatOrArray, horizon_years: float = 1.0
) -> FloatOrArray:
    """A return after inflation, decimal: ``(1 + R) / (1 + pi) ** h - 1``.

    Deflate by the inflation of the currency the return is counted in: US inflation for a
    return in dollars, Japan's for a return in yen. A Treasury yielding 4% held a year while
    prices rise 9% loses ``1.04 / 1.09 - 1 = -4.6%`` of its buying power: the article D risk
    ("if US inflation exceeds the yield, the real return shrinks"). About ``R - pi`` for small
    numbers.

    Args:
        nominal_return: the return over the horizon, decimal (-1 to 10).
        inflation_rate: inflation a year, decimal (-0.10 to 1).
        horizon_years: years the return covers (more than 0, at most 30; 1).
    """
    ret = validate.numbers(nominal_return, "nominal_return", RETURN_RANGE)
    pi = validate.numbers(inflation_rate, "inflation_rate", INFLATION_RANGE)
    h = validate.number(horizon_years, "horizon_years", HORIZON_RANGE_YEARS)
    return validate.result((1.0 + ret) / (1.0 + pi) ** h - 1.0)


# --------------------------------------------------------------------------------------------
# A big holder's own sale: chapter 02's price impact, from the seller's side
# --------------------------------------------------------------------------------------------


class SaleCost(NamedTuple):
    """What a large sale costs the seller, under one calibration of chapter 02's model.

    Amounts in USD billions, first order in the yield (duration only):

    - ``sold_usd_bn``, ``kept_usd_bn``: what is sold, and what the holder still holds after;
    - ``peak_yield_change_bp``: the largest rise of the 10-year yield while selling;
    - ``shortfall_usd_bn``: the proceeds lost on the bonds sold, against selling them all at
      the price before the sale (each day's sales at the average of the yield before and
      after them: a seller pays about half of its own day's impact);
    - ``shortfall_pct``: that, as a percent of the amount sold;
    - ``kept_markdown_usd_bn``: the fall in value of what is kept, on the last day of selling;
    - ``kept_markdown_lasting_usd_bn``: the same once the short-run part has faded (only the
      lasting impact left): the concentration risk of a holder too big to sell quietly.
    """

    sold_usd_bn: float
    kept_usd_bn: float
    peak_yield_change_bp: float
    shortfall_usd_bn: float
    shortfall_pct: float
    kept_markdown_usd_bn: float
    kept_markdown_lasting_usd_bn: float


def sale_cost(
    holdings_usd_bn: float,
    share_sold_pct: float,
    days: int,
    calibration: Any = "central",
    duration_years: float | None = None,
) -> SaleCost:
    """What a holder loses by moving the market against itself when it sells part of its
    Treasuries evenly over ``days`` trading days (chapter 02's :func:`market.impact_parts` on
    today's market).

    Args:
        holdings_usd_bn: the holder's Treasuries, USD billions (0 to 100,000).
        share_sold_pct: percent of them sold (0 to 100).
        days: trading days the sale takes, a whole number (1 to 2,520).
        calibration: "low", "central" or "high" (:data:`market.CALIBRATIONS`), or a
            :class:`market.Calibration`.
        duration_years: the modified duration of the holdings, years (0 to 30); by default
            the market's (about 4.3 years; a reserve portfolio is likely shorter, 3 to 5.5:
            :func:`market.holder_size`).

    Returns:
        :class:`SaleCost`. Example: $100bn held, half sold in one day, at the market's
        duration ``D``, central calibration: $50bn is 50 / 30,170 = 0.166% of the market, so
        the yield jumps ``(2.2 + 4.57) x 0.166 = 1.12bp``; the seller gets on average half of
        it, ``50 x D x 0.56bp``, about $12 million at D = 4.3 years.
    """
    held = validate.number(holdings_usd_bn, "holdings_usd_bn", market.AMOUNT_RANGE_USD_BN)
    share = validate.number(share_sold_pct, "share_sold_pct", market.SHARE_SOLD_RANGE_PCT)
    if duration_years is None:
        duration = market.today().market_duration_years
    else:
        duration = validate.number(duration_years, "duration_years", market.DURATION_RANGE_YEARS)
    sold = held * share / 100.0
    schedule = market.even_schedule(sold, days)
    parts = market.impact_parts(schedule, calibration, seller_duration_years=duration,
                                holdings_usd_bn=held)
    total = parts.total_bp
    before = np.r_[0.0, total[:-1]]
    shortfall = float(np.sum(schedule * duration * (before + total) / 2.0)) / 10_000.0
    kept = held - sold
    return SaleCost(
        sold_usd_bn=sold,
        kept_usd_bn=kept,
        peak_yield_change_bp=float(total.max()),
        shortfall_usd_bn=shortfall,
        shortfall_pct=100.0 * shortfall / sold if sold > 0 else 0.0,
        kept_markdown_usd_bn=kept * duration * float(total[-1]) / 10_000.0,
        kept_markdown_lasting_usd_bn=kept * duration * float(parts.lasting_bp[-1]) / 10_000.0,
    )


# --------------------------------------------------------------------------------------------
# From the data: the hedged 10-year yield
# --------------------------------------------------------------------------------------------

CALL_RATE_FILL_DAYS = 5
"""Days over which the daily table carries the last call rate forward: the rate is not
published on Japanese holidays (up to the New Year and Golden Week breaks), when the US
yields are."""


@functools.cache
def _hedged(sampling: str) -> pd.DataFrame:
    if sampling == "monthly":
        curve = data.load("yield_curve_monthly")[["y10y_pct", "y3m_pct"]]
        call = data.load("fx_monthly")["jpy_call_overnight_pct"]
    else:
        curve = data.load("yield_curve_daily")[["y10y_pct", "y3m_pct"]]
        call = data.load("fx_daily")["jpy_call_overnight_pct"]
        call = call.reindex(call.index.union(curve.index)).ffill(limit=CALL_RATE_FILL_DAYS)
    frame = curve.join(call, how="inner").dropna()
    cost = hedge_cost(frame["y3m_pct"].to_numpy() / 100.0,
                      frame["jpy_call_overnight_pct"].to_numpy() / 100.0)
    frame["hedge_cost_pct"] = 100.0 * np.asarray(cost)
    frame["hedged_10y_pct"] = frame["y10y_pct"] - frame["hedge_cost_pct"]
    return frame


def hedged_ten_year_yield(sampling: str = "monthly") -> pd.DataFrame:
    """The 10-year Treasury yield to a yen investor who hedges with 3-month forwards, from the
    shipped data, percent.

    Columns: ``y10y_pct`` (10-year constant-maturity yield), ``y3m_pct`` (3-month
    constant-maturity yield, DGS3MO: the dollar leg), ``jpy_call_overnight_pct`` (the BOJ's
    uncollateralised overnight call rate: the yen leg's stand-in), ``hedge_cost_pct``
    (:func:`hedge_cost` of the two, 3-month tenor, no basis) and ``hedged_10y_pct`` = the
    10-year yield minus the hedge cost. The 10-year is the whole yield of a par note; the
    hedge's cost is a per-year rate, so the difference is the year's hedged carry.

    Args:
        sampling: "monthly" (``yield_curve_monthly`` and ``fx_monthly``: monthly means) or
            "daily" (``yield_curve_daily`` and ``fx_daily``; US business days, the call rate
            carried over up to :data:`CALL_RATE_FILL_DAYS` days of Japanese holidays).

    The table runs over the months (days) both sources cover: from 2000 to the yield curve's
    last shipped month (day). It leaves out the cross-currency basis, which quoted hedge costs
    include (module docstring): from late 2022 to late 2024 it made the cost quoted in the
    press a few tenths of a point higher than this one.
    """
    validate.one_of(sampling, "sampling", SAMPLINGS)
    return _hedged(sampling).copy()


class LatestRates(NamedTuple):
    """The last day of the daily hedged-yield table, decimals (yen per dollar as quoted)."""

    date: pd.Timestamp
    ten_year_yield: float
    usd_short_rate: float
    jpy_short_rate: float
    hedge_cost: float
    jpy_per_usd: float


@functools.cache
def _latest() -> LatestRates:
    row = _hedged("daily").iloc[-1]
    day = pd.Timestamp(row.name)
    yen = data.load("fx_daily")["jpy_per_usd"].dropna().loc[:day]
    return LatestRates(day, float(row["y10y_pct"]) / 100, float(row["y3m_pct"]) / 100,
                       float(row["jpy_call_overnight_pct"]) / 100,
                       float(row["hedge_cost_pct"]) / 100, float(yen.iloc[-1]))


def latest_rates() -> LatestRates:
    """The 10-year yield, the two short rates and the hedge cost on the last day of
    :func:`hedged_ten_year_yield` ("daily"), with yen per dollar that day (or the last day
    before with a New York rate): the starting point of chapter 05's explorer."""
    return _latest()
