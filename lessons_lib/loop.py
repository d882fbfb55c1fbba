"""The yen loop of articles A and E as a small linear model: does selling Treasuries to defend
the yen feed on itself?

The story: the yen weakens; Japan's Ministry of Finance (MOF) intervenes, selling dollars
and buying yen; it gets the dollars by selling Treasuries; the sales raise the US term premium
(chapter 02); a higher US yield widens the gap with Japanese yields, which weakens the yen
further; and round it goes (article A: "a vicious cycle"; article E: Japan "can only rely on
selling US Treasury bonds" to defend the yen). The story leaves out that the intervention
itself buys yen, which pushes the other way.

**The model.** Time runs in rounds of about a month (an episode of interventions and the
market's answer to it). In round ``t``, with ``x`` the yen's weakness (percent change in yen
per dollar from where it rests, positive: weaker), ``q`` the dollars MOF sells (USD billions,
all raised by selling Treasuries) and ``y`` the rise of the 10-year yield (basis points)::

    q_t = a * x_(t-1)                 MOF answers last round's weakness
    y_t = b * q_t                     the sale lifts the 10-year (term premium)
    x_t = s_t + d * y_t - e * q_t     a push s, the yield channel, the yen MOF buys

so ``x_t = s_t + G * x_(t-1)`` with the **loop gain** ``G = a (b d - e)``: the yield
channel's ``a b d`` (the article's vicious circle, positive) plus the intervention's own
``-a e`` (negative). A push dies out, round by round, when ``|G| < 1``: after one push ``s``
the yen's weakness is ``s, G s, G**2 s, ...``; a lasting push ``s`` settles at
``s / (1 - G)``. When ``G > 1`` each round's answer is larger than the last: the loop runs
away. (When ``G < -1`` it would run away too, swinging: an intervention so large that it
overshoots by more each round; MOF does not buy dollars when the yen is strong, so the linear
model overstates that side.)

**The coefficients** (:class:`LoopCoefficients`; :func:`calibrations` gives "low", "central"
and "high", ordered by how strongly the loop feeds on itself):

- ``a``, ``intervention_usd_bn_per_pct``: USD billions sold per 1% of yen weakness. From
  ``japan_interventions``: each episode of yen-buying since 2022 (operations less than
  :data:`EPISODE_GAP_DAYS` apart), its dollars sold over the rise of yen per dollar in the
  year before its first operation (``fx_daily``) (:func:`intervention_episodes`). Low: the
  smallest episode's ratio; central: all dollars over all the rises; high: the largest. A
  judgement as well: MOF acts at levels and in bursts, not in proportion.
- ``b``, ``ten_year_bp_per_usd_bn``: basis points of the 10-year per USD billion sold over a
  month: chapter 02's model (:func:`market.impact_path`) at the end of a sale spread over 21
  trading days, on today's market, the seller's duration the market's, for each of its
  calibrations (low, central, high).
- ``d``, ``yen_pct_per_yield_bp``: percent of yen per dollar per basis point of the US
  term premium. From the data (:func:`yen_sensitivity`): monthly changes of yen per dollar
  (``fx_monthly``) regressed on the changes of the 10-year term premium
  (``term_premium_monthly``, ACM) and of the rest of the 10-year yield, the expected short
  rates (``yield_curve_monthly``). Central: since April 2013 (the BOJ's quantitative and
  qualitative easing); high: since 2022 plus two standard errors. Low: 0, a judgement: in
  April 2025 the term premium rose while the dollar fell (:func:`lessons_lib.dollar.
  yield_and_dollar`), so the sign of this link can flip when the rise comes from doubts
  about US assets.
- ``e``, ``direct_yen_pct_per_usd_bn``: percent fall of yen per dollar per USD billion
  MOF sells, from the yen's day-on-day change (New York noon, ``fx_daily``) on the days of
  operations: central: all episodes' changes over all their dollars; low loop (the strongest
  effect) and high loop (the weakest) from the episodes' own ratios. The daily New York rate
  misses much of an operation's move within the day, and part of the effect fades within
  weeks; both are reasons for the range.

With these values the loop gain lies well inside ``(-1, 1)`` (the tests check it). In the
central set it is negative: the yield channel is two orders of magnitude too weak to outweigh
the yen the intervention buys. In the high set, which takes every coefficient at the end that
feeds the loop, it is slightly positive and still far below one. :func:`critical_value` says
how large one coefficient would have to be for the loop to run away.

What the model leaves out: that sold bonds keep the yield up for as long as they stay sold (the
lasting part of chapter 02: here each round's yield rise acts once), MOF's other sources of
dollars (deposits: selling Treasuries for all of it overstates ``b``'s share), the BOJ's rate,
Japanese private investors, and everything else that moves the yen (the US policy rate above
all). A model of one loop, to see whether it can feed on itself, not a forecast.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy.signal import lfilter

from lessons_lib import data, market, validate
from lessons_lib.validate import Range

# --------------------------------------------------------------------------------------------
# Ranges
# --------------------------------------------------------------------------------------------

INTERVENTION_RANGE = Range(0.0, 100.0, "USD billions sold per 1% of yen weakness")
YIELD_LINK_RANGE = Range(0.0, 10.0, "basis points of the 10-year per USD billion sold in a month")
YEN_LINK_RANGE = Range(-1.0, 1.0, "percent of yen per dollar per basis point of term premium")
DIRECT_RANGE = Range(0.0, 1.0, "percent fall of yen per dollar per USD billion sold")
SHOCK_RANGE_PCT = Range(-100.0, 100.0, "percent of yen per dollar (positive: a weaker yen)")
GAIN_RANGE = Range(-10.0, 10.0, "loop gain (1: the edge of running away)")
MAX_ROUNDS = 1000
"""Rounds a simulation may run."""

EPISODES_SINCE = "2022-01-01"
"""The episodes of yen-buying used: those since 2022 (September-October 2022, April-May 2024,
July 2024, April-May 2026 in the shipped data). MOF last bought yen before them in 1998, in a
market a fraction of today's size."""
EPISODE_GAP_DAYS = 45
"""Operations less than this many calendar days apart belong to one episode."""
YEN_SINCE = "2013-04-30"
"""Start of the central estimate of the yen's sensitivity: the BOJ's quantitative and
qualitative easing began in April 2013."""
YEN_RECENT_SINCE = "2022-01-31"
"""Start of the recent estimate (the high end adds two standard errors to it)."""
MONTH_OF_SELLING_DAYS = market.CALIBRATION_PACE_DAYS
"""A round's sales are spread over a month of trading days (21), as chapter 02 calibrates."""


# --------------------------------------------------------------------------------------------
# The coefficients
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoopCoefficients:
    """One set of the loop's coefficients (see the module docstring for each one's source).

    Attributes:
        name: what the set is called ("low", "central", "high", or your own).
        intervention_usd_bn_per_pct: ``a``, USD billions MOF sells per 1% of yen weakness
            (0 to 100).
        ten_year_bp_per_usd_bn: ``b``, basis points of the 10-year per USD billion sold over a
            month (0 to 10).
        yen_pct_per_yield_bp: ``d``, percent of yen per dollar per basis point of the term
            premium (-1 to 1; positive: a higher term premium weakens the yen).
        direct_yen_pct_per_usd_bn: ``e``, percent fall of yen per dollar per USD billion MOF
            sells (0 to 1).
        derivation: where the numbers come from.
    """

    name: str
    intervention_usd_bn_per_pct: float
    ten_year_bp_per_usd_bn: float
    yen_pct_per_yield_bp: float
    direct_yen_pct_per_usd_bn: float
    derivation: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise ValueError(f"name must be a non-empty text, got {self.name!r}")
        if not isinstance(self.derivation, str):
            raise ValueError(f"derivation must be a text, got {self.derivation!r}")
        for field, allowed in _COEFFICIENT_RANGES.items():
            validate.number(getattr(self, field), field, allowed)

    @property
    def yield_channel_gain(self) -> float:
        """``a b d``: the articles' vicious circle alone, ignoring the yen MOF buys."""
        return (self.intervention_usd_bn_per_pct * self.ten_year_bp_per_usd_bn
                * self.yen_pct_per_yield_bp)

    @property
    def direct_gain(self) -> float:
        """``-a e``: the intervention's own push on the yen, per round."""
        return -self.intervention_usd_bn_per_pct * self.direct_yen_pct_per_usd_bn

    @property
    def loop_gain(self) -> float:
        """``G = a (b d - e)``: the yield channel plus the direct push."""
        return self.yield_channel_gain + self.direct_gain


_COEFFICIENT_RANGES = {
    "intervention_usd_bn_per_pct": INTERVENTION_RANGE,
    "ten_year_bp_per_usd_bn": YIELD_LINK_RANGE,
    "yen_pct_per_yield_bp": YEN_LINK_RANGE,
    "direct_yen_pct_per_usd_bn": DIRECT_RANGE,
}
COEFFICIENTS = tuple(_COEFFICIENT_RANGES)
"""The names of the four coefficients, ``a``, ``b``, ``d``, ``e`` in the module's notation."""


# --------------------------------------------------------------------------------------------
# Coefficients from the data
# --------------------------------------------------------------------------------------------


@functools.cache
def _episodes() -> pd.DataFrame:
    ops = data.load("japan_interventions")
    ops = ops[ops["jpy_bought"] & (ops["sold_currency"] == "USD")].loc[EPISODES_SINCE:]
    by_day = ops.groupby(level=0)["amount_usd_bn"].sum()
    yen = data.load("fx_daily")["jpy_per_usd"].dropna()
    episode = (by_day.index.to_series().diff() > pd.Timedelta(days=EPISODE_GAP_DAYS)).cumsum()
    rows = []
    for _, days in by_day.groupby(episode.to_numpy()):
        first, last = days.index[0], days.index[-1]
        before = yen.loc[: first - pd.Timedelta(days=1)].iloc[-1]
        year_before = yen.loc[: first - pd.Timedelta(days=365)].iloc[-1]
        rise = 100.0 * (before / year_before - 1.0)
        direct = 0.0
        for day in days.index:
            prior = yen.loc[: day - pd.Timedelta(days=1)].iloc[-1]
            after = yen.loc[day:].iloc[0]
            direct += 100.0 * (after / prior - 1.0)
        sold = float(days.sum())
        rows.append((first, last, len(days), sold, rise, sold / rise, direct, -direct / sold))
    return pd.DataFrame(rows, columns=[
        "first_day", "last_day", "operation_days", "usd_sold_bn", "yen_rise_year_before_pct",
        "usd_bn_per_pct", "yen_change_on_days_pct", "direct_pct_per_usd_bn"])


def intervention_episodes() -> pd.DataFrame:
    """MOF's episodes of yen-buying since :data:`EPISODES_SINCE`, from ``japan_interventions``
    and ``fx_daily``, one row each.

    Columns: ``first_day``, ``last_day``, ``operation_days``; ``usd_sold_bn`` (dollars sold,
    USD billions); ``yen_rise_year_before_pct`` (percent rise of yen per dollar from a year
    before the first operation to the day before it, New York noon rates);
    ``usd_bn_per_pct`` (their ratio: the coefficient ``a`` for that episode);
    ``yen_change_on_days_pct`` (the sum, over the operation days, of the change in yen per
    dollar from the New York rate of the day before to that of the day, or of the next day
    with one); ``direct_pct_per_usd_bn`` (minus that over the dollars sold: ``e``).
    """
    return _episodes().copy()


class YenSensitivity(NamedTuple):
    """The regression of monthly percent changes in yen per dollar on the monthly changes (bp)
    of the 10-year term premium and of the rest of the 10-year yield (expected short rates),
    with an intercept: coefficients in percent per basis point, their standard errors (the
    usual OLS ones), the months used and R squared."""

    start: pd.Timestamp
    end: pd.Timestamp
    months: int
    per_term_premium_bp: float
    per_term_premium_se: float
    per_expected_bp: float
    per_expected_se: float
    r_squared: float


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
def _monthly_changes() -> pd.DataFrame:
    frame = pd.concat([
        data.load("fx_monthly")["jpy_per_usd"],
        data.load("yield_curve_monthly")["y10y_pct"],
        data.load("term_premium_monthly")["term_premium_10y_pct"],
    ], axis=1, join="inner").dropna()
    yield_bp = 100.0 * frame["y10y_pct"].diff()
    premium_bp = 100.0 * frame["term_premium_10y_pct"].diff()
    return pd.DataFrame({
        "yen_pct": 100.0 * frame["jpy_per_usd"].pct_change(),
        "term_premium_bp": premium_bp,
        "expected_bp": yield_bp - premium_bp,
    }).dropna()


MIN_MONTHS = 24


def yen_sensitivity(start_month: Any = YEN_SINCE, end_month: Any = None) -> YenSensitivity:
    """How yen per dollar has moved with the US term premium and expected short rates: the
    regression described in :class:`YenSensitivity`, over the months from ``start_month`` to
    ``end_month`` (by default the last month the three monthly datasets share).

    Args:
        start_month, end_month: dates (``"2013-04-30"``); at least :data:`MIN_MONTHS` months of
            changes must lie between them.
    """
    changes = _monthly_changes()
    start = _month(start_month, "start_month")
    end = changes.index[-1] if end_month is None else _month(end_month, "end_month")
    window = changes.loc[start:end]
    if len(window) < MIN_MONTHS:
        raise ValueError(f"start_month and end_month must span at least {MIN_MONTHS} months of "
                         f"data ({changes.index[0]:%Y-%m} to {changes.index[-1]:%Y-%m}), got "
                         f"{len(window)} from {start_month!r} to {end_month!r}")
    x = np.column_stack([np.ones(len(window)), window["term_premium_bp"],
                         window["expected_bp"]])
    y = window["yen_pct"].to_numpy()
    coef, *_ = np.linalg.lstsq(x, y, rcond=None)
    resid = y - x @ coef
    dof = len(y) - x.shape[1]
    cov = resid @ resid / dof * np.linalg.inv(x.T @ x)
    se = np.sqrt(np.diag(cov))
    r2 = 1.0 - resid @ resid / np.sum((y - y.mean()) ** 2)
    return YenSensitivity(window.index[0], window.index[-1], len(window), float(coef[1]),
                          float(se[1]), float(coef[2]), float(se[2]), float(r2))


def _yield_per_usd_bn(calibration: str) -> float:
    amount = 100.0
    path = market.impact_path(market.even_schedule(amount, MONTH_OF_SELLING_DAYS), calibration)
    return float(path.max()) / amount


class LoopCalibrations(NamedTuple):
    """The three sets of :func:`calibrations`, by name."""

    low: LoopCoefficients
    central: LoopCoefficients
    high: LoopCoefficients


@functools.cache
def _calibrations() -> LoopCalibrations:
    episodes = _episodes()
    a_each = episodes["usd_bn_per_pct"]
    a_all = episodes["usd_sold_bn"].sum() / episodes["yen_rise_year_before_pct"].sum()
    e_each = episodes["direct_pct_per_usd_bn"].clip(lower=0.0)
    e_all = max(0.0, -episodes["yen_change_on_days_pct"].sum() / episodes["usd_sold_bn"].sum())
    central_d = yen_sensitivity(YEN_SINCE)
    recent_d = yen_sensitivity(YEN_RECENT_SINCE)
    high_d = recent_d.per_term_premium_bp + 2 * recent_d.per_term_premium_se
    b = {name: _yield_per_usd_bn(name) for name in ("low", "central", "high")}
    n = len(episodes)
    common = (f"a from the {n} episodes of yen-buying since 2022 (japan_interventions, "
              f"fx_daily); b from chapter 02's '{{cal}}' calibration (market.impact_path, "
              f"a month's sale on today's market); e from the yen's moves on the operation "
              f"days (fx_daily). ")
    return LoopCalibrations(
        LoopCoefficients(
            "low", float(a_each.min()), b["low"], 0.0, float(e_each.max()),
            common.format(cal="low") + "a: the smallest episode's dollars per percent; d = 0: "
            "a judgement (April 2025: term premium up, dollar down); e: the episode with the "
            "strongest effect per dollar."),
        LoopCoefficients(
            "central", float(a_all), b["central"], central_d.per_term_premium_bp, float(e_all),
            common.format(cal="central") + "a: all episodes' dollars over all their yen rises; "
            f"d: the term premium's coefficient, monthly, {central_d.start:%b %Y} to "
            f"{central_d.end:%b %Y} (yen_sensitivity); e: all episodes' yen changes over all "
            "their dollars."),
        LoopCoefficients(
            "high", float(a_each.max()), b["high"], float(high_d), float(e_each.min()),
            common.format(cal="high") + "a: the largest episode's dollars per percent; d: "
            f"the term premium's coefficient {recent_d.start:%b %Y} to {recent_d.end:%b %Y} "
            "plus two standard errors; e: the episode with the weakest effect per dollar."),
    )


def calibrations() -> LoopCalibrations:
    """The loop's coefficients "low", "central" and "high", from the shipped data and chapter
    02's calibrations (each one's ``derivation`` says how). "low" is the set under which the
    loop feeds on itself least, "high" most: every coefficient is taken at the end of its
    range that raises the gain. ``calibrations().central``, or ``calibrations()._asdict()``
    for a dict by name."""
    return _calibrations()


def _coefficients(value: Any) -> LoopCoefficients:
    if isinstance(value, LoopCoefficients):
        return value
    name = validate.one_of(value, "coefficients", LoopCalibrations._fields)
    return getattr(_calibrations(), name)


# --------------------------------------------------------------------------------------------
# The loop
# --------------------------------------------------------------------------------------------


class LoopGains(NamedTuple):
    """The loop's gain per round and its two parts: ``total = yield_channel + direct``;
    ``stable`` is ``|total| < 1``; ``long_run_multiplier`` is ``1 / (1 - total)`` when stable
    (a lasting push of 1% ends as this many percent), NaN otherwise."""

    yield_channel: float
    direct: float
    total: float
    stable: bool
    long_run_multiplier: float


def gains(coefficients: Any = "central") -> LoopGains:
    """The loop gain of a set of coefficients ("low", "central", "high" or a
    :class:`LoopCoefficients`), with its parts (:class:`LoopGains`)."""
    c = _coefficients(coefficients)
    g = c.loop_gain
    stable = abs(g) < 1.0
    return LoopGains(c.yield_channel_gain, c.direct_gain, g, stable,
                     1.0 / (1.0 - g) if stable else float("nan"))


class LoopPath(NamedTuple):
    """The loop round by round: the yen's weakness (percent), MOF's dollar sales (USD billions)
    and the rise of the 10-year yield (basis points), one entry per round."""

    yen_pct: npt.NDArray[np.float64]
    sales_usd_bn: npt.NDArray[np.float64]
    yield_bp: npt.NDArray[np.float64]


def simulate(shocks_pct: Any, coefficients: Any = "central") -> LoopPath:
    """Run the loop over the rounds of ``shocks_pct``: ``x_t = s_t + G x_(t-1)`` from rest.

    Args:
        shocks_pct: the push on yen per dollar in each round, percent (-100 to 100; positive:
            weaker), one entry per round (at most :data:`MAX_ROUNDS`); ``[10, 0, 0, ...]`` is
            a single push, ``[10, 10, ...]`` a lasting one.
        coefficients: "low", "central", "high" or a :class:`LoopCoefficients`.

    Raises:
        ValueError: for a bad push, or a loop that runs away beyond what a float can hold.
    """
    s = np.atleast_1d(validate.numbers(shocks_pct, "shocks_pct", SHOCK_RANGE_PCT))
    if s.ndim != 1 or len(s) > MAX_ROUNDS:
        raise ValueError(f"shocks_pct must be one list of at most {MAX_ROUNDS} rounds, got "
                         f"shape {s.shape}")
    c = _coefficients(coefficients)
    with np.errstate(over="ignore", invalid="ignore"):
        x = lfilter([1.0], [1.0, -c.loop_gain], s)
        sales = c.intervention_usd_bn_per_pct * np.r_[0.0, x[:-1]]
        rise = c.ten_year_bp_per_usd_bn * sales
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(sales))):
        raise ValueError(f"coefficients give a loop gain of {c.loop_gain:g}: the loop runs away "
                         f"beyond what can be computed within {len(s)} rounds")
    return LoopPath(x, sales, rise)


def critical_value(coefficient: str, coefficients: Any = "central", gain: float = 1.0) -> float:
    """The value of one coefficient at which the loop gain reaches ``gain``, the others fixed.

    With ``gain=1`` (the default) it is where the loop starts to run away; with ``gain=-1``
    where it would start to swing ever wider. ``G = a (b d - e)`` is linear in each
    coefficient, so: ``a = G / (b d - e)``, ``b = (G / a + e) / d``, ``d = (G / a + e) / b``,
    ``e = b d - G / a``. The value may lie far outside the coefficient's range: that is the
    point (it says how far from running away the loop is).

    Args:
        coefficient: one of :data:`COEFFICIENTS`.
        coefficients: the others: "low", "central", "high" or a :class:`LoopCoefficients`.
        gain: the loop gain to reach (-10 to 10, not 0).

    Raises:
        ValueError: naming ``coefficient`` when no value of it reaches ``gain`` with the others
            as they are (a division by zero, or a negative value where only positive ones
            make sense).
    """
    name = validate.one_of(coefficient, "coefficient", COEFFICIENTS)
    c = _coefficients(coefficients)
    g = validate.number(gain, "gain", GAIN_RANGE)
    if g == 0:
        raise ValueError("gain must not be 0 (every coefficient set to 0 gives it)")
    a, b = c.intervention_usd_bn_per_pct, c.ten_year_bp_per_usd_bn
    d, e = c.yen_pct_per_yield_bp, c.direct_yen_pct_per_usd_bn
    value: float | None = None
    if name == "intervention_usd_bn_per_pct":
        value = g / (b * d - e) if b * d != e else None
    elif a == 0:
        value = None
    elif name == "ten_year_bp_per_usd_bn":
        value = (g / a + e) / d if d != 0 else None
    elif name == "yen_pct_per_yield_bp":
        value = (g / a + e) / b if b != 0 else None
    else:
        value = b * d - g / a
    if value is None or not np.isfinite(value) or (
            name != "yen_pct_per_yield_bp" and value < 0):
        raise ValueError(f"coefficient {name}: no value of it gives a loop gain of {g:g} with the "
                         f"other coefficients of {c.name!r}")
    return float(value)
