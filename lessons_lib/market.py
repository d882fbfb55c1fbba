"""The price impact of a large sale of Treasuries: one model, used in chapters 02 and 06.

A sale matters by its share of the market measured in risk, not in face value: a dollar of
30-year bonds carries about four times the interest-rate risk of a dollar of 2-year notes. The
common yardstick is the **10-year equivalent**: face value x modified duration / the modified
duration of a 10-year note, the amount of 10-year notes with the same dollar duration.

The model (:func:`impact_path`) turns a schedule of daily net sales into the change of the
10-year yield, in basis points, on each trading day. Let, on day ``t = 0, 1, ...``,

- ``q_t``: net sales that day, USD billions (net purchases, such as the Fed's, negative);
- ``s_t = 100 * q_t * D_seller / (M * D_market)``: the day's sales as a share of the market in
  10-year equivalents, in percentage points (``M`` the marketable debt in USD billions,
  ``D`` modified durations in years; the 10-year note's duration cancels out of the ratio);
- ``S_t = s_0 + ... + s_t``: the share sold so far.

Then the yield change is the sum of two parts, in basis points::

    lasting_t   = lambda * S_t
    short_run_t = kappa * (s_t + rho * s_(t-1) + rho**2 * s_(t-2) + ...)
    rho         = 2 ** (-1 / half_life_days)

The lasting part stays as long as the bonds stay sold (a stock effect: the portfolio-balance
channel of the asset-purchase literature); it depends only on how much has been sold, not on
how fast. The short-run part is the price of hurrying (a transient impact with an exponential
kernel, as in Obizhaeva & Wang 2013, "Optimal trading strategy and supply/demand dynamics",
J. Financial Markets 16(1)): each day's sale adds ``kappa`` bp per percentage point, which
halves every ``half_life_days`` trading days as other investors and dealers absorb the bonds.
It builds with the pace of selling and decays to zero once selling stops. A one-day sale of
1 percentage point of the market thus moves the yield by ``lambda + kappa`` on its day and
settles at ``lambda``. The model is linear: a purchase is a sale with the sign flipped (QE is
the same model), and two schedules' impacts add.

What this model is not: a forecast of yields. It is one force (the supply of duration to the
rest of the market) in isolation; expectations of policy rates, inflation, risk appetite and
dealers' balance sheets move yields at the same time, and in a fire sale the impact is
unlikely to stay linear. Its parameters come from estimates that disagree by a factor of about
eight, so every result is given as a band, :data:`CALIBRATIONS` "low", "central", "high".

Units follow the library: amounts in USD billions (``_usd_bn``), durations in years, yield
changes in basis points (``_bp``), shares in percent (``_pct``), yields as decimals. Days are
trading days (about 21 a month, 252 a year).

The market's size defaults to today's: the shipped MSPD maturity profile
(``data.load("maturity_profile")``: all marketable Treasury debt, including the Federal
Reserve's holdings, as the calibration sources count it) with its modified duration on the
latest shipped yield curve. Pass ``marketable_debt_usd_bn`` and ``market_duration_years`` for a
past episode (:data:`PAST_MARKETS` gives the sizes this module assumes for them).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy.signal import lfilter

from lessons_lib import bonds, data, maturity, validate
from lessons_lib.validate import DECIMAL, FloatOrArray, Range

# --------------------------------------------------------------------------------------------
# Ranges
# --------------------------------------------------------------------------------------------

DAILY_SALES_RANGE_USD_BN = Range(
    -50_000.0, 50_000.0, "USD billions a day (net sales positive, net purchases negative)"
)
"""Net sales in one day the model accepts: up to $50 trillion either way (more than the whole
market; the model also refuses a schedule that sells more than the market in total)."""
AMOUNT_RANGE_USD_BN = Range(0.0, 100_000.0, "USD billions")
"""Face amounts (holdings, a sale's total) the functions accept: none to $100 trillion."""
SIGNED_AMOUNT_RANGE_USD_BN = Range(-100_000.0, 100_000.0, "USD billions (sales positive)")
"""A signed total (a net sale, or a net purchase as a negative number)."""
MARKET_RANGE_USD_BN = Range(100.0, 200_000.0, "USD billions")
"""Sizes of the marketable debt the model accepts: $0.1 trillion to $200 trillion (the debt was
about $0.2 trillion in 1970 and $30 trillion in 2026)."""
DURATION_RANGE_YEARS = Range(0.0, 30.0, "years")
"""Modified durations of a seller's portfolio: none (cash) to a portfolio of 30-year zeros."""
MARKET_DURATION_RANGE_YEARS = Range(0.0, 30.0, "years", low_open=True)
"""Modified durations of the whole market: more than 0 (it is a divisor) to 30 years."""
DAYS_RANGE = Range(1.0, 2520.0, "trading days (252 a year)")
"""Days a sale may take, or a path may run: one day to ten years of trading days."""
SHARE_SOLD_RANGE_PCT = Range(0.0, 100.0, "percent of the seller's holdings")
"""How much of its holdings a seller may sell: none to all."""
YIELD_CHANGE_RANGE_BP = Range(-2000.0, 2000.0, "basis points")
"""Changes of the 10-year yield the pricing helper accepts: up to 20 percentage points."""
TEN_YEAR_YIELD_RANGE = Range(0.0, 0.25, DECIMAL, low_open=True)
"""Yields of the 10-year note (priced at par: coupon = yield) the helpers accept: above 0 to 25%."""
MULTIPLE_RANGE = Range(1.0, 100.0, "times the lasting impact")
LASTING_RANGE_BP_PER_PP = Range(0.0, 1000.0, "basis points per percentage point", low_open=True)
HALF_LIFE_RANGE_DAYS = Range(0.0, 2520.0, "trading days", low_open=True)

CALIBRATION_PACE_DAYS = 21
"""Trading days in a month: the short-run estimates measure the effect of a month's flow, so a
calibration's short-run figure is the rise by the end of a sale spread evenly over 21 days."""


# --------------------------------------------------------------------------------------------
# Ten-year equivalents
# --------------------------------------------------------------------------------------------


def _curve_function(maturities: npt.NDArray[np.float64], yields: npt.NDArray[np.float64]):
    def curve(times: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.interp(times, maturities, yields)  # flat beyond the first and last points

    return curve


_CURVE_COLUMNS = {
    "y1m_pct": 1 / 12, "y3m_pct": 0.25, "y6m_pct": 0.5, "y1y_pct": 1.0, "y2y_pct": 2.0,
    "y3y_pct": 3.0, "y5y_pct": 5.0, "y7y_pct": 7.0, "y10y_pct": 10.0, "y20y_pct": 20.0,
    "y30y_pct": 30.0,
}


class Today(NamedTuple):
    """Today's market as the shipped data give it (see :func:`today`)."""

    profile_date: pd.Timestamp
    curve_date: pd.Timestamp
    marketable_debt_usd_bn: float
    market_duration_years: float
    ten_year_yield: float
    ten_year_duration_years: float
    ten_year_equivalents_usd_bn: float


@functools.cache
def _latest_curve() -> tuple[pd.Timestamp, Any, float]:
    """The last day of ``yield_curve_daily`` with a 10-year yield: its date, the curve as a
    function of years to maturity (decimals, interpolated between the published maturities,
    flat beyond them) and the 10-year yield (decimal)."""
    last = data.load("yield_curve_daily").dropna(subset=["y10y_pct"]).iloc[-1]
    points = [(m, float(last[c]) / 100) for c, m in _CURVE_COLUMNS.items()
              if c in last.index and math.isfinite(float(last[c]))]
    maturities, yields = (np.array(v) for v in zip(*points, strict=True))
    y10 = float(last["y10y_pct"]) / 100
    return pd.Timestamp(last.name), _curve_function(maturities, yields), y10


@functools.cache
def _today() -> Today:
    curve_date, curve, y10 = _latest_curve()
    profile = data.load("maturity_profile")
    face = float(profile[list(maturity.KIND_COLUMNS)].to_numpy().sum())
    duration = maturity.duration_years(profile, curve)
    d10 = float(ten_year_note_duration_years(y10))
    return Today(maturity.reference_date(profile), curve_date, face, duration, y10,
                 d10, face * duration / d10)


def today() -> Today:
    """Today's market from the shipped data: the size and duration of marketable debt and the
    10-year note's yield and duration.

    - ``marketable_debt_usd_bn``: all marketable Treasury debt in the MSPD maturity profile
      (``maturity_profile``, dated ``profile_date``), USD billions, face value: about $30.2
      trillion at the end of April 2026, the Fed's holdings included.
    - ``market_duration_years``: its modified duration (:func:`lessons_lib.maturity.
      duration_years`) on the latest day of ``yield_curve_daily`` (``curve_date``), each
      maturity at the curve's yield for it (interpolated, flat beyond 1 month and 30 years):
      about 4.3 years.
    - ``ten_year_yield`` (decimal) and ``ten_year_duration_years``: the 10-year yield that day
      and the modified duration of a 10-year note priced at par at it (about 8.1 years).
    - ``ten_year_equivalents_usd_bn``: the market in 10-year equivalents, face x duration /
      the 10-year's duration: about $30.2T x 4.3 / 8.1 = $16 trillion.

    The profile and the curve are not from the same day (the shipped curve may end earlier);
    the duration moves little with the curve (4.4 years at a flat 4%, 4.3 at 4.5%).
    """
    return _today()


def ten_year_note_duration_years(ytm: FloatOrArray | None = None) -> FloatOrArray:
    """Modified duration, in years, of a 10-year note priced at par at ``ytm`` (coupon = yield,
    paid twice a year), by :func:`lessons_lib.bonds.modified_duration`.

    Args:
        ytm: the 10-year yield, a decimal above 0 (0.04 is 4%); by default today's (the last
            day of the shipped ``yield_curve_daily``). About 8.1 years at 4.14%.
    """
    if ytm is None:
        return _today().ten_year_duration_years
    y = validate.numbers(ytm, "ytm", TEN_YEAR_YIELD_RANGE)
    # closed form of bonds.modified_duration at par, element-wise (a Bond takes one coupon)
    durations = -np.expm1(-20.0 * np.log1p(y / 2.0)) / y
    return validate.result(durations)


def ten_year_equivalents(
    face_usd_bn: FloatOrArray,
    duration_years: FloatOrArray,
    ten_year_duration_years: FloatOrArray | None = None,
) -> FloatOrArray:
    """Ten-year equivalents, USD billions: ``face x duration / the 10-year note's duration``.

    The amount of 10-year notes with the same dollar duration (the same loss for a given rise
    in yields) as ``face_usd_bn`` of securities of modified duration ``duration_years``.
    $100 billion of a portfolio of duration 4 years is $100bn x 4 / 8.1 = $49 billion of
    10-year equivalents when the 10-year note's duration is 8.1 years.

    Args:
        face_usd_bn: face value, USD billions (0 to 100,000).
        duration_years: modified duration of those securities, years (0 to 30).
        ten_year_duration_years: the 10-year note's modified duration, years; by default
            today's (:func:`ten_year_note_duration_years`).
    """
    face = validate.numbers(face_usd_bn, "face_usd_bn", AMOUNT_RANGE_USD_BN)
    duration = validate.numbers(duration_years, "duration_years", DURATION_RANGE_YEARS)
    if ten_year_duration_years is None:
        d10 = np.asarray(_today().ten_year_duration_years)
    else:
        d10 = validate.numbers(ten_year_duration_years, "ten_year_duration_years",
                               MARKET_DURATION_RANGE_YEARS)
    return validate.result(face * duration / d10)


def market_duration_years(yields: Any = None) -> float:
    """Modified duration of today's marketable debt (the shipped maturity profile), years.

    Args:
        yields: a decimal yield above 0, one per month of the profile, or a function of the
            years to maturity (see :func:`lessons_lib.maturity.duration_years`); by default the
            latest shipped yield curve (about 4.3 years).
    """
    if yields is None:
        return _today().market_duration_years
    return maturity.duration_years(data.load("maturity_profile"), yields)


def market_ten_year_equivalents(yields: Any = None, ytm: float | None = None) -> float:
    """Today's marketable debt in 10-year equivalents, USD billions (about $16 trillion).

    Face value of the shipped maturity profile x its duration (:func:`market_duration_years`
    at ``yields``) / the 10-year note's duration at ``ytm`` (both by default from the latest
    shipped yield curve).
    """
    return float(ten_year_equivalents(_today().marketable_debt_usd_bn,
                                      market_duration_years(yields),
                                      ten_year_note_duration_years(ytm)))


HOLDERS = {
    "japan": ("japan_usd_bn", "Japan"),
    "china": ("china_usd_bn", "China"),
    "foreign_official": ("foreign_official_usd_bn", "all foreign official"),
}
"""Holders whose holdings the module reads from the shipped ``tic_holdings`` (TIC, major
foreign holders: custodial, at market value, private holders of the country included; the
foreign official line is central banks and other official institutions of all countries)."""

HOLDER_DURATION_LOW_YEARS = 3.0
"""Low end of a foreign holder's portfolio duration, years: an assumption, not a published
figure. A reserve manager's liquidity portfolio of bills and notes within about five years
(central banks' reserve benchmarks are often 1-3 years of duration: approximately, and it
varies by bank)."""


@functools.cache
def _coupon_only_duration_years() -> float:
    profile = data.load("maturity_profile").copy()
    profile["bills_usd_bn"] = 0.0
    profile["frn_usd_bn"] = 0.0
    return maturity.duration_years(profile, _latest_curve()[1])


def holder_duration_high_years() -> float:
    """High end of a foreign holder's portfolio duration, years: the duration of the market's
    notes, bonds and TIPS without bills and FRNs (the shipped maturity profile on the latest
    curve, about 5.5 years): a holder with no bills that owns coupon securities in the market's
    proportions. An assumption: holders do not publish their durations. (Chapter 01b's
    ``holdings.DEFAULT_PORTFOLIO_DURATION_YEARS``, about 5.3 years, lies near this end.)"""
    return _coupon_only_duration_years()


class HolderSize(NamedTuple):
    """A holder's Treasuries, latest month of the shipped TIC holdings, in face and in risk.

    ``ten_year_equivalents_*_usd_bn`` and ``share_of_market_*_pct`` (percent of today's market,
    both in 10-year equivalents) at the low and high ends of the duration assumption
    (``duration_low_years``, ``duration_high_years``) and at the market's own duration
    (``*_market_duration``: a holder that holds the market portfolio).
    """

    month_end: pd.Timestamp
    holdings_usd_bn: float
    duration_low_years: float
    duration_high_years: float
    ten_year_equivalents_low_usd_bn: float
    ten_year_equivalents_market_duration_usd_bn: float
    ten_year_equivalents_high_usd_bn: float
    share_of_market_low_pct: float
    share_of_market_market_duration_pct: float
    share_of_market_high_pct: float


def holder_holdings_usd_bn(holder: str) -> tuple[pd.Timestamp, float]:
    """The holder's Treasuries in the latest month of the shipped ``tic_holdings``:
    ``(month_end, USD billions)``. ``holder`` is one of :data:`HOLDERS`."""
    validate.one_of(holder, "holder", HOLDERS)
    return _holder_holdings(holder)


@functools.cache
def _holder_holdings(holder: str) -> tuple[pd.Timestamp, float]:
    column = data.load("tic_holdings")[HOLDERS[holder][0]].dropna()
    return pd.Timestamp(column.index[-1]), float(column.iloc[-1])


def holder_size(holder: str) -> HolderSize:
    """A holder's latest holdings (``tic_holdings``) in 10-year equivalents and as a share of
    today's market, under the duration assumption from :data:`HOLDER_DURATION_LOW_YEARS`
    (3 years: a short reserve portfolio) to :func:`holder_duration_high_years` (about 5.5
    years: coupon securities only), with the market's own duration in between.

    TIC holdings are at market value and include private holders in the country; they are
    treated here as face value, a simplification of a few percent when prices are below par.
    """
    validate.one_of(holder, "holder", HOLDERS)
    month_end, held = _holder_holdings(holder)
    now = _today()
    durations = np.array([HOLDER_DURATION_LOW_YEARS, now.market_duration_years,
                          holder_duration_high_years()])
    equivalents = held * durations / now.ten_year_duration_years
    shares = 100.0 * equivalents / now.ten_year_equivalents_usd_bn
    return HolderSize(month_end, held, float(durations[0]), float(durations[2]),
                      *(float(v) for v in equivalents), *(float(v) for v in shares))


def holder_sale_usd_bn(holder: str, share_sold_pct: FloatOrArray) -> FloatOrArray:
    """USD billions sold when ``holder`` sells ``share_sold_pct`` percent (0 to 100) of its
    latest holdings (``tic_holdings``)."""
    validate.one_of(holder, "holder", HOLDERS)
    share = validate.numbers(share_sold_pct, "share_sold_pct", SHARE_SOLD_RANGE_PCT)
    return validate.result(_holder_holdings(holder)[1] * share / 100.0)


# --------------------------------------------------------------------------------------------
# Calibrations
# --------------------------------------------------------------------------------------------


class PastMarket(NamedTuple):
    """The marketable debt this module assumes for a past estimate or episode.

    Fields:
        label: which period.
        marketable_debt_usd_bn: total marketable Treasury debt (MSPD, the Fed's holdings
            included), USD billions, approximately.
        duration_years: its modified duration, years, approximately (an assumption).
        basis: where the figures come from and how sure they are.
    """

    label: str
    marketable_debt_usd_bn: float
    duration_years: float
    basis: str


PAST_MARKETS = {
    "2005": PastMarket(
        "end of fiscal 2005 (Warnock & Warnock's sample end)", 4_200.0, 3.5,
        "Approximately: debt held by the public was $4,601bn at 30 Sep 2005 (shipped "
        "federal_debt_fy), of which roughly $0.4 trillion nonmarketable (savings bonds, SLGS); "
        "duration assumed about 3.5 years (average maturity then about 4.5-5 years).",
    ),
    "2010": PastMarket(
        "end of fiscal 2010 (Beltran et al.'s sample end)", 8_500.0, 4.0,
        "Approximately: debt held by the public $9,023bn at 30 Sep 2010 (shipped "
        "federal_debt_fy), less roughly $0.5 trillion nonmarketable; duration assumed about "
        "4 years (average maturity 47 months in June 2009, shipped wam_marketable, and rising).",
    ),
    "qe2": PastMarket(
        "QE2, November 2010 to June 2011", 9_000.0, 4.0,
        "Approximately: between the fiscal-2010 end (about $8.5 trillion marketable, as "
        "above) and the fiscal-2011 end (debt held by the public $10,127bn, about $9.6 "
        "trillion marketable); duration assumed about 4 years, as for 2010.",
    ),
    "2020": PastMarket(
        "February-March 2020", 17_000.0, 5.0,
        "Approximately: debt held by the public $16,809bn at 30 Sep 2019 (shipped "
        "federal_debt_fy) and rising, less roughly $0.5 trillion nonmarketable: about $17 "
        "trillion marketable before the spring 2020 borrowing surge; duration assumed about "
        "5 years (average maturity about 5.5-6 years; 62 months in June 2020, wam_marketable).",
    ),
}
"""Market sizes assumed for the calibration sources and the course's episodes. Each is an
approximation (``basis`` says from what); change them and the rescaled calibrations move in
proportion."""


def _impulse(peak_bp: float, lasting_bp: float, half_life_days: float) -> float:
    """kappa such that selling 1 point evenly over :data:`CALIBRATION_PACE_DAYS` days gives a
    total of ``peak_bp`` on the last day: ``(peak - lasting) * n (1 - rho) / (1 - rho**n)``."""
    n = CALIBRATION_PACE_DAYS
    rho = 2.0 ** (-1.0 / half_life_days)
    return (peak_bp - lasting_bp) * n * (1.0 - rho) / (1.0 - rho**n)


@dataclass(frozen=True)
class Calibration:
    """One set of the model's parameters, with how each was derived.

    Attributes:
        name: "low", "central" or "high".
        lasting_bp_per_pp: ``lambda``: basis points of the 10-year yield per percentage point
            of the market (in 10-year equivalents) sold, which stay as long as the bonds stay
            sold.
        peak_multiple: the short-run rise, as a multiple of the lasting one, at the end of a
            sale spread evenly over a month (:data:`CALIBRATION_PACE_DAYS` trading days): the
            monthly-flow studies' short run against their long run. At least 1.
        half_life_days: trading days in which the short-run part halves once selling stops.
        derivation: how each number was obtained and rescaled to shares of the market.
        sources: the citations.

    Derived (properties): ``short_run_peak_bp_per_pp`` (= lasting x multiple: the total rise by
    the end of a month-long sale of 1 point), ``impulse_bp_per_pp`` (``kappa``: the short-run
    rise from 1 point sold in one day, on that day), ``decay_per_day`` (``rho``).
    """

    name: str
    lasting_bp_per_pp: float
    peak_multiple: float
    half_life_days: float
    derivation: str
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        for field in ("name", "derivation"):
            if not isinstance(getattr(self, field), str) or not getattr(self, field):
                raise ValueError(f"{field} must be a non-empty text, got "
                                 f"{getattr(self, field)!r}")
        if not (isinstance(self.sources, tuple) and self.sources
                and all(isinstance(s, str) for s in self.sources)):
            raise ValueError(f"sources must be a tuple of citations (texts), got "
                             f"{self.sources!r}")
        validate.number(self.lasting_bp_per_pp, "lasting_bp_per_pp", LASTING_RANGE_BP_PER_PP)
        validate.number(self.peak_multiple, "peak_multiple", MULTIPLE_RANGE)
        validate.number(self.half_life_days, "half_life_days", HALF_LIFE_RANGE_DAYS)

    @property
    def short_run_peak_bp_per_pp(self) -> float:
        """Total rise (bp) by the last day of selling 1 point of the market evenly over a month."""
        return self.lasting_bp_per_pp * self.peak_multiple

    @property
    def decay_per_day(self) -> float:
        """``rho = 2 ** (-1 / half_life_days)``: what is left of the short-run part a day later."""
        return 2.0 ** (-1.0 / self.half_life_days)

    @property
    def impulse_bp_per_pp(self) -> float:
        """``kappa``, bp per percentage point sold in one day, on that day (before decay)."""
        return _impulse(self.short_run_peak_bp_per_pp, self.lasting_bp_per_pp,
                        self.half_life_days)


UNITS = {
    "lasting_bp_per_pp": "basis points of the 10-year yield per percentage point of the "
                         "marketable debt in 10-year equivalents",
    "peak_multiple": "times the lasting impact, at the end of a sale spread over 21 trading days",
    "half_life_days": "trading days",
    "impulse_bp_per_pp": "basis points per percentage point sold in one day, on that day",
}
"""The units of a :class:`Calibration`'s numbers."""


WILLIAMS_2013 = ("Williams, J. C. (2013), 'Lessons from the financial crisis for unconventional "
                 "monetary policy', speech, Federal Reserve Bank of San Francisco, 17 Oct 2013")
GAGNON_2011 = ("Gagnon, Raskin, Remache & Sack (2011), 'The financial market effects of the "
               "Federal Reserve's large-scale asset purchases', Int. J. Central Banking 7(1)")
BELTRAN_2013 = ("Beltran, Kretchmer, Marquez & Thomas (2013), 'Foreign holdings of U.S. "
                "Treasuries and U.S. Treasury yields', J. Int. Money and Finance 32, 1120-1143; "
                "Federal Reserve IFDP 1041 (2012)")
IMF_2017 = ("IMF Working Paper 17/174 (2017), on foreign official holdings and the U.S. "
            "Treasury term premium")
AHMED_REBUCCI_2022 = "Ahmed, R. & Rebucci, A. (2022), NBER Working Paper 30476"
WARNOCK_2009 = ("Warnock, F. E. & Warnock, V. C. (2009), 'International capital flows and U.S. "
                "interest rates', J. Int. Money and Finance 28, 903-919; NBER WP 12560 (2006)")
"""The calibrations' sources, cited once each."""


CALIBRATIONS: dict[str, Calibration] = {
    "low": Calibration(
        "low", lasting_bp_per_pp=1.6, peak_multiple=2.0, half_life_days=10.0,
        derivation=(
            "Lasting 1.6 bp per point: Williams (2013), $600bn of purchases lowers the 10-year "
            "15-25bp; its low end, 15bp, over QE2's share of the market in 10-year equivalents. "
            "QE2 bought $600bn of Treasuries, assumed duration about 5.5 years (purchases "
            "concentrated in 2.5-10-year notes: approximately), in a market of about $9.0 "
            "trillion of duration about 4 years (PAST_MARKETS['qe2']): 600 x 5.5 / (9,000 x 4.0) "
            "= 9.17 points, and 15 / 9.17 = 1.64, rounded to 1.6. (Gagnon et al. 2011: LSAP1's "
            "$1.75 trillion lowered the 10-year term premium 30-100bp; over a Treasury market "
            "of about $7 trillion that is 1.2-4 bp per point, but the purchases were mostly "
            "MBS, so it is a cross-check only.) Peak multiple 2: Beltran et al.'s short run "
            "against their long run at its low end, 40bp / 20bp. Half-life 10 trading days "
            "(two weeks): assumed, not estimated: a market that absorbs a sale quickly."
        ),
        sources=(WILLIAMS_2013, GAGNON_2011, BELTRAN_2013),
    ),
    "central": Calibration(
        "central", lasting_bp_per_pp=2.2, peak_multiple=2.5, half_life_days=20.0,
        derivation=(
            "Lasting 2.2 bp per point: IMF WP/17/174, a point of foreign official holdings "
            "relative to marketable debt moves the 10-year term premium 2.0-2.4bp (midpoint "
            "2.2; already a share of the market, so no rescaling: in face value, taken as "
            "10-year equivalents on the assumption that official holders' duration is close to "
            "the market's). Williams (2013) agrees: the middle of 15-25bp, 20bp, over QE2's "
            "9.17 points (see 'low') is 2.18. The IMF's own '$100bn raises yields 1.5-1.8bp' "
            "is the same estimate on a market of about $13 trillion (100 / 13,000 = 0.77 "
            "points x 2.0-2.4). Peak multiple 2.5: Beltran et al.'s short run against their "
            "long run at the midpoint, 50bp / 20bp. Half-life 20 trading days (about a month): "
            "assumed: the monthly-flow studies measure the short run over a month and the long "
            "run after several months, 'once foreign private investors react' (Beltran et al.)."
        ),
        sources=(IMF_2017, WILLIAMS_2013, BELTRAN_2013),
    ),
    "high": Calibration(
        "high", lasting_bp_per_pp=17.0, peak_multiple=5.0, half_life_days=40.0,
        derivation=(
            "Lasting 17 bp per point: Beltran et al. (2013), a $100bn fall in foreign official "
            "inflows raises the 5-year yield about 20bp in the long run. Their sample ends in "
            "2010, with marketable debt about $8.5 trillion (PAST_MARKETS['2010']): $100bn was "
            "100 / 8,500 = 1.18 points, and 20 / 1.18 = 17.0 (the 5-year's response taken as "
            "the 10-year's, and the flow's duration as the market's: both assumptions; rescaled "
            "at the sample's average market, about $5-6 trillion, it would be about 10-12). "
            "Warnock & Warnock point the same way: foreign official flows lowered the 10-year "
            "about 90bp (NBER w12560, the 2006 version of the 2009 JIMF paper; the 80bp often "
            "quoted is Kaminska & Zinna, IMF WP/14/66); if those flows were about $250bn a year "
            "in a market of about $4.2 trillion (both approximately), that is 90 / 6 = 15 bp "
            "per point. Peak multiple 5: Ahmed & Rebucci (NBER w30476), a $100bn foreign flow "
            "shock moves yields by more than 100bp on impact; 100bp on the same $8.5 trillion "
            "market is 85 bp per point, 5 x 17 (Beltran et al.'s 60bp short run, 51 bp per "
            "point, lies inside). Half-life 40 trading days (about two months): assumed: slow "
            "absorption when dealers' balance sheets are constrained."
        ),
        sources=(BELTRAN_2013, AHMED_REBUCCI_2022, WARNOCK_2009),
    ),
}
"""The three calibrations, "low", "central" and "high" (see each one's ``derivation``).

========  ======================  ==============  =============  ====================
name      lasting (bp per point)  peak multiple   half-life      impulse kappa
========  ======================  ==============  =============  ====================
low       1.6                     2.0 (3.2 bp)    10 days        about 2.9 bp per point
central   2.2                     2.5 (5.5 bp)    20 days        about 4.6 bp per point
high      17                      5.0 (85 bp)     40 days        about 80 bp per point
========  ======================  ==============  =============  ====================

A "point" is a percentage point of the marketable debt in 10-year equivalents. The estimates
were made on markets a third to a half of today's size, per $100 billion: a fixed dollar
amount is a smaller share of today's $30 trillion market, so each is rescaled by the market's
size in its sample (:data:`PAST_MARKETS`) to a share. The band is wide because the literature
is: stock-based estimates (asset purchases, the IMF) give about 2 bp per point, flow-based ones
(Beltran et al., Warnock & Warnock) about 15. The calibrations are ordered: for any sale (net
sales never negative) low <= central <= high on every day, since lambda, kappa and the
half-life all rise from low to high.

Check of the central calibration (in the tests): QE2, $600bn of purchases of duration about 5.5
years in 2010's market of about $9.0 trillion of duration 4 years, leaves a lasting fall of
2.2 x 9.17 = 20bp in the 10-year, inside Williams's 15-25bp (not an independent check: Williams
is one of its sources; the IMF's estimate, made on a later market, is the other).
"""


def _calibration(name: Any) -> Calibration:
    """The :class:`Calibration` called ``name`` ("low", "central" or "high"); a Calibration
    given instead is returned as it is (to try other parameters)."""
    if isinstance(name, Calibration):
        return name
    return CALIBRATIONS[validate.one_of(name, "calibration", CALIBRATIONS)]


# --------------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------------


class ImpactParts(NamedTuple):
    """The yield change on each day, basis points, and its two parts (``total = lasting +
    short_run``). Arrays of one calibration, the same shape as the padded sales schedule."""

    lasting_bp: npt.NDArray[np.float64]
    short_run_bp: npt.NDArray[np.float64]
    total_bp: npt.NDArray[np.float64]


class ImpactBand(NamedTuple):
    """The total yield change on each day, basis points, under each calibration."""

    low_bp: npt.NDArray[np.float64]
    central_bp: npt.NDArray[np.float64]
    high_bp: npt.NDArray[np.float64]


def _shares_pct(
    daily_net_sales_usd_bn: Any,
    marketable_debt_usd_bn: Any,
    market_duration_years: Any,
    seller_duration_years: Any,
    horizon_days: Any,
    holdings_usd_bn: Any,
) -> npt.NDArray[np.float64]:
    """Daily sales as shares of the market in 10-year equivalents (points), padded with zeros
    to ``horizon_days``, after checking every argument."""
    sales = np.atleast_1d(validate.numbers(daily_net_sales_usd_bn, "daily_net_sales_usd_bn",
                                           DAILY_SALES_RANGE_USD_BN))
    if sales.ndim > 2:
        raise ValueError("daily_net_sales_usd_bn must be one schedule (days) or a table of "
                         f"schedules (rows x days), got {sales.ndim} dimensions")
    now = None
    if marketable_debt_usd_bn is None:
        now = _today()
        market = now.marketable_debt_usd_bn
    else:
        market = validate.number(marketable_debt_usd_bn, "marketable_debt_usd_bn",
                                 MARKET_RANGE_USD_BN)
    if market_duration_years is None:
        market_duration = (now or _today()).market_duration_years
    else:
        market_duration = validate.number(market_duration_years, "market_duration_years",
                                          MARKET_DURATION_RANGE_YEARS)
    if seller_duration_years is None:
        seller_duration = market_duration
    else:
        seller_duration = validate.number(seller_duration_years, "seller_duration_years",
                                          DURATION_RANGE_YEARS)
    days = sales.shape[-1]
    if horizon_days is not None:
        horizon = validate.number(horizon_days, "horizon_days", DAYS_RANGE)
        if not horizon.is_integer() or horizon < days:
            raise ValueError(f"horizon_days must be a whole number of days, at least the "
                             f"{days} days of daily_net_sales_usd_bn, got {horizon_days!r}")
        padding = [(0, 0)] * (sales.ndim - 1) + [(0, int(horizon) - days)]
        sales = np.pad(sales, padding)
    sold = np.cumsum(sales, axis=-1)
    if holdings_usd_bn is not None:
        held = validate.number(holdings_usd_bn, "holdings_usd_bn", AMOUNT_RANGE_USD_BN)
        if np.max(sold) > held * (1 + 1e-12):
            day = int(np.argmax(np.max(np.atleast_2d(sold), axis=0) > held * (1 + 1e-12)))
            raise ValueError(
                f"daily_net_sales_usd_bn must not sell more than holdings_usd_bn ({held:g} "
                f"billion dollars): the sales add up to {np.max(sold):g} billion by day {day}"
            )
    shares = 100.0 * sales * seller_duration / (market * market_duration)
    if np.max(np.abs(np.cumsum(shares, axis=-1))) > 100.0:
        raise ValueError(
            "daily_net_sales_usd_bn must not sell or buy more than the whole market in "
            f"10-year equivalents (marketable_debt_usd_bn {market:g} billion dollars of "
            f"duration {market_duration:g} years)"
        )
    return shares


def _parts(shares: npt.NDArray[np.float64], cal: Calibration) -> ImpactParts:
    lasting = cal.lasting_bp_per_pp * np.cumsum(shares, axis=-1)
    short_run = lfilter([cal.impulse_bp_per_pp], [1.0, -cal.decay_per_day], shares, axis=-1)
    return ImpactParts(lasting, short_run, lasting + short_run)


def impact_parts(
    daily_net_sales_usd_bn: Any,
    calibration: Any = "central",
    marketable_debt_usd_bn: float | None = None,
    market_duration_years: float | None = None,
    seller_duration_years: float | None = None,
    horizon_days: int | None = None,
    holdings_usd_bn: float | None = None,
) -> ImpactParts:
    """The lasting and short-run parts of :func:`impact_path`, and their total, in bp."""
    cal = _calibration(calibration)
    shares = _shares_pct(daily_net_sales_usd_bn, marketable_debt_usd_bn, market_duration_years,
                         seller_duration_years, horizon_days, holdings_usd_bn)
    return _parts(shares, cal)


def impact_path(
    daily_net_sales_usd_bn: Any,
    calibration: Any = "central",
    marketable_debt_usd_bn: float | None = None,
    market_duration_years: float | None = None,
    seller_duration_years: float | None = None,
    horizon_days: int | None = None,
    holdings_usd_bn: float | None = None,
) -> npt.NDArray[np.float64]:
    """The change in the 10-year yield on each trading day, basis points, from a schedule of
    net sales (the model in the module's docstring).

    Args:
        daily_net_sales_usd_bn: net sales on each trading day, USD billions face value (net
            purchases negative); one schedule (days), or a table of schedules (rows x days)
            to compute many at once. A single number is a one-day sale.
        calibration: "low", "central" or "high" (:data:`CALIBRATIONS`), or a
            :class:`Calibration`.
        marketable_debt_usd_bn: the market's size, USD billions face value (100 to 200,000);
            by default today's (:func:`today`: the shipped maturity profile, about $30.2
            trillion). For a past episode see :data:`PAST_MARKETS`.
        market_duration_years: the market's modified duration, years (above 0, at most 30);
            by default today's (about 4.3 years).
        seller_duration_years: the modified duration of what is sold, years (0 to 30); by
            default the market's (so the share in 10-year equivalents equals the share in face
            value).
        horizon_days: days in the result, at least the schedule's (1 to 2,520); by default the
            schedule's. Extra days have no sales: they show the short-run part decaying.
        holdings_usd_bn: the seller's holdings, USD billions (0 to 100,000); if given, a
            schedule that sells more than this in total by any day is refused.

    Returns:
        The yield change (bp) on each day since the day before the first sale, same shape as
        the schedule padded to ``horizon_days``: positive is a rise in the yield.

    Raises:
        ValueError: naming the argument and its range, for a bad number, an unknown
            calibration, a horizon shorter than the schedule, a sale above the holdings, or a
            schedule that sells more than the whole market.

    Example: a one-day sale of 1 percentage point of today's market (1% of $30.2 trillion,
    $302bn at the market's duration) gives, on that day, lambda + kappa = 2.2 + 4.57 = 6.77bp in
    the central calibration, and 2.2bp once the short run has decayed.
    """
    return impact_parts(daily_net_sales_usd_bn, calibration, marketable_debt_usd_bn,
                        market_duration_years, seller_duration_years, horizon_days,
                        holdings_usd_bn).total_bp


def impact_band(
    daily_net_sales_usd_bn: Any,
    marketable_debt_usd_bn: float | None = None,
    market_duration_years: float | None = None,
    seller_duration_years: float | None = None,
    horizon_days: int | None = None,
    holdings_usd_bn: float | None = None,
) -> ImpactBand:
    """:func:`impact_path` under the low, central and high calibrations (bp), in one call."""
    shares = _shares_pct(daily_net_sales_usd_bn, marketable_debt_usd_bn, market_duration_years,
                         seller_duration_years, horizon_days, holdings_usd_bn)
    return ImpactBand(*(_parts(shares, CALIBRATIONS[n]).total_bp
                        for n in ("low", "central", "high")))


def share_of_market_pct(
    amount_usd_bn: FloatOrArray,
    marketable_debt_usd_bn: float | None = None,
    market_duration_years: float | None = None,
    seller_duration_years: float | None = None,
) -> FloatOrArray:
    """A sale's share of the market in 10-year equivalents, in percent:
    ``100 x amount x seller's duration / (market x market's duration)``.

    Defaults as in :func:`impact_path` (today's market; the seller's duration the market's).
    $109bn in March 2020's market of about $17 trillion is 100 x 109 / 17,000 = 0.64%.
    """
    amount = validate.numbers(amount_usd_bn, "amount_usd_bn", SIGNED_AMOUNT_RANGE_USD_BN)
    shares = [_shares_pct(a, marketable_debt_usd_bn, market_duration_years,
                          seller_duration_years, None, None)[0] for a in amount.reshape(-1)]
    return validate.result(np.reshape(shares, amount.shape))


def even_schedule(amount_usd_bn: float, days: int) -> npt.NDArray[np.float64]:
    """A sale of ``amount_usd_bn`` (USD billions; negative for a purchase) spread evenly over
    ``days`` trading days (1 to 2,520): an array of ``days`` equal daily amounts."""
    amount = validate.number(amount_usd_bn, "amount_usd_bn", SIGNED_AMOUNT_RANGE_USD_BN)
    n = validate.number(days, "days", DAYS_RANGE)
    if not n.is_integer():
        raise ValueError(f"days must be a whole number of trading days, got {days!r}")
    return np.full(int(n), amount / n)


def ten_year_note_price(yield_change_bp: FloatOrArray, ytm: float | None = None) -> FloatOrArray:
    """Price, dollars per $100 face, of a 10-year note priced at par at ``ytm`` (coupon =
    ``ytm``, twice a year) after its yield moves by ``yield_change_bp`` basis points.

    Args:
        yield_change_bp: the change in yield, bp (-2,000 to 2,000); 100bp is 1 point.
        ytm: the starting yield, a decimal above 0 (by default today's 10-year yield).
    """
    start = _today().ten_year_yield if ytm is None else validate.number(
        ytm, "ytm", TEN_YEAR_YIELD_RANGE)
    change = validate.numbers(yield_change_bp, "yield_change_bp", YIELD_CHANGE_RANGE_BP)
    note = bonds.Bond(coupon_rate=start, maturity_years=10)
    new_yield = start + change / 10_000.0
    if np.any(new_yield <= bonds.YIELD_RANGE.low):
        raise ValueError(f"yield_change_bp takes the yield below {bonds.YIELD_RANGE.low:g}, "
                         f"got {yield_change_bp!r}")
    return bonds.price(note, new_yield)


# --------------------------------------------------------------------------------------------
# The opening picture: demand and supply
# --------------------------------------------------------------------------------------------

DEMAND_SLOPE = 1.0
"""Default slope of the picture's demand line: dollars of price per percentage point of supply.

Chosen to draw the article's story (a sale of 10% of the supply takes the price from $100 to
$90), not estimated. For comparison, the central calibration's lasting impact, 2.2bp per point
of the market, is about 2.2 x 8.1 / 100 = 0.18 dollars per $100 of a 10-year note per point:
a demand line about five times flatter than the picture's."""
QUANTITY_RANGE_PCT = Range(0.0, 1000.0, "percent of the supply before the sale")
SLOPE_RANGE = Range(0.0, 100.0, "dollars per percentage point of supply")
PRICE_RANGE = Range(0.0, 1000.0, "dollars per $100 face", low_open=True)
SOLD_RANGE_PCT = Range(-100.0, 100.0, "percent of the supply before the sale")


class SupplyShift(NamedTuple):
    """Before and after a sale in the demand picture: quantities in percent of the supply
    before the sale, prices in dollars per $100 face."""

    quantity_before_pct: float
    quantity_after_pct: float
    price_before: float
    price_after: float


def demand_price(
    quantity_pct: FloatOrArray, slope: float = DEMAND_SLOPE, price_at_start: float = 100.0
) -> FloatOrArray:
    """The price at which investors other than the seller will hold ``quantity_pct`` of the
    bonds: a straight, downward-sloping demand line through (100%, ``price_at_start``).

    ``price = price_at_start - slope x (quantity_pct - 100)``. A picture of the idea for the
    chapter's opening figure, not a calibrated model (see :data:`DEMAND_SLOPE`): more bonds
    to hold need a lower price (a higher yield) to find buyers.

    Args:
        quantity_pct: bonds the rest of the market must hold, percent of the supply before the
            sale (0 to 1,000).
        slope: dollars of price per percentage point (0 to 100): 0 is a flat line (buyers
            take any amount at the same price).
        price_at_start: the price before the sale, dollars per $100 face.

    Raises:
        ValueError: for a quantity at which the line reaches a price of zero or less.
    """
    q = validate.numbers(quantity_pct, "quantity_pct", QUANTITY_RANGE_PCT)
    b = validate.number(slope, "slope", SLOPE_RANGE)
    p0 = validate.number(price_at_start, "price_at_start", PRICE_RANGE)
    price = p0 - b * (q - 100.0)
    if np.any(price <= 0):
        raise ValueError(f"quantity_pct must keep the price above 0 on this line: below "
                         f"{100 + p0 / b:g} percent for slope {b:g} and price_at_start "
                         f"{p0:g}, got {quantity_pct!r}")
    return validate.result(price)


def supply_shift(
    sold_pct: float, slope: float = DEMAND_SLOPE, price_at_start: float = 100.0
) -> SupplyShift:
    """The new clearing price when a holder sells ``sold_pct`` percent of the supply (-100 to
    100; negative for a purchase) to the rest of the market, on the line of
    :func:`demand_price`: the supply others hold shifts from 100% to ``100 + sold_pct``.

    With the default slope of 1 dollar per point, selling 10% moves the price from $100 to
    $90, the article's story; the calibrated model (:func:`impact_path`) says how steep the
    line really is.
    """
    sold = validate.number(sold_pct, "sold_pct", SOLD_RANGE_PCT)
    b = validate.number(slope, "slope", SLOPE_RANGE)
    p0 = validate.number(price_at_start, "price_at_start", PRICE_RANGE)
    if p0 - b * sold <= 0:
        raise ValueError(f"sold_pct must keep the price above 0 on this line: below "
                         f"{p0 / b:g} percent for slope {b:g} and price_at_start {p0:g}, "
                         f"got {sold_pct!r}")
    after = 100.0 + sold
    price_after = float(demand_price(after, slope, price_at_start))
    return SupplyShift(100.0, after, float(demand_price(100.0, slope, price_at_start)),
                       price_after)
