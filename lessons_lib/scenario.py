"""Chapter 07's scenario runner: one function that chains the course's models, from a sale to
the seller's own loss.

A **scenario** (:class:`Scenario`) is plain data: who sells, how much, over how many trading
days, and which remedies are on. It reads from and writes to a dict and a JSON file, so a
lecturer can write a new one without code. :func:`run` takes it through the chain of chapters
02 to 06, each link a model the course built before:

1. **The sale** (chapters 02, 06): the amount sold, spread evenly over ``days`` trading days.
   A repo (chapter 06, FIMA repo) raises ``repo_share_pct`` of the dollars without selling:
   that part never reaches the market. The rest is put in 10-year equivalents at the seller's
   duration (:func:`lessons_lib.market.ten_year_equivalents`); the Fed buys ``fed_share_pct``
   of it, in 10-year equivalents, on the same days (chapter 06's duration-matched QE).
2. **The yield path** (chapter 02): :func:`lessons_lib.market.impact_band` of the net sales on
   today's market, low, central and high calibrations, over :data:`HORIZON_DAYS` trading days:
   the peak and the lasting rise (lambda x the net share of the market sold).
3. **Interest and debt** (chapters 04, 04b, 06b): :func:`lessons_lib.fiscal.project` on CBO's
   January 2025 baseline, with the lasting rise as a yield shock that stays (persistence 1: the
   bonds stay sold) and a primary-deficit cut of ``consolidation_pct_gdp`` (chapter 06b's
   consolidation). Added net interest over FY2026-2035 against CBO's, and debt/GDP in FY2035.
   The short-run part, which fades within weeks, is left out of the interest bill.
4. **The dollar** (chapters 05, 05b): the loop's two channels (:mod:`lessons_lib.loop`): the
   seller's currency per dollar moves by ``d x`` the lasting rise (a higher US term premium,
   estimated on the yen) and by ``-e x`` the dollars exchanged for the seller's currency
   (``converted_pct`` of the dollars raised, sold or repo'd: an intervention buys its
   currency whichever way it raised the dollars). Percent, positive: a stronger dollar. The
   loop's "low", "central" and "high" sets go with the market's calibrations of the same
   name. The coefficients were estimated on the yen: for another seller they are a stand-in.
5. **The seller's loss** (chapters 05, 06b): the proceeds it loses by moving the price against
   itself (each day's sales at the average of the yield before and after them, at the
   seller's duration, on the net path the Fed's purchases leave), in USD billions, as a percent
   of what it sold, and in its own currency at the latest shipped rate moved by the dollar's
   move (yen for Japan; the data ship no yuan rate, so China's is in dollars).

**Sizes from data.** ``size`` is a number (USD billions, face value) or a rule that names the
shipped data it is computed from when the scenario is built (:data:`SIZE_RULES`):

- ``{"from": "tic_holdings", "holder": "china", "share": 0.5}``: a share of the holder's
  latest TIC holdings (:func:`lessons_lib.market.holder_holdings_usd_bn`);
- ``{"from": "japan_interventions", "start": "2024-04-01", "end": "2024-05-31"}``: the dollars
  Japan's Ministry of Finance sold in its yen-buying operations between two dates;
- ``{"from": "custody_holdings", "start": "2020-03-04", "end": "2020-04-01"}``: the fall of the
  Treasuries the New York Fed holds in custody for foreign official accounts between two
  Wednesdays, sold as it happened: each week's fall spread over that week's five trading days
  (so ``days`` must be five times the number of weeks).

Named scenarios ship as JSON files in ``lessons_lib/scenarios/`` (:func:`names`, :func:`load`);
:data:`REMEDIES` turns each one's remedies on one at a time (:func:`with_remedy`), and
:func:`side_by_side` tabulates them.

What the chain leaves out: it is one force, the supply of duration, in isolation. Policy-rate
expectations, inflation, risk appetite, dealers' balance sheets, the Fed's own choices and
what other holders do at the same time all move yields, the dollar and the budget, and in a
fire sale the impact is unlikely to stay linear. Each link's band is the calibrations';
the links' own simplifications are in their modules.

Units follow the library: amounts in USD billions (``_usd_bn``), yield changes in basis points
(``_bp``), shares and moves in percent (``_pct``), ratios to GDP in percent (``_pct_gdp``).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd

from lessons_lib import data, fiscal, holder, loop, market, validate
from lessons_lib.validate import Range

# --------------------------------------------------------------------------------------------
# Fields and what each accepts
# --------------------------------------------------------------------------------------------

HORIZON_DAYS = 504
"""Trading days the yield path runs: two years, long enough for the short-run part of the
longest sale (:data:`MAX_DAYS`) to fade."""
MAX_DAYS = 252
"""The longest sale a scenario may take: a year of trading days."""
CALIBRATIONS = ("low", "central", "high")
"""The market's calibrations (:data:`lessons_lib.market.CALIBRATIONS`), paired with the loop's
sets of the same name."""
SELLERS = {
    "japan": ("Japan", "JPY"),
    "china": ("China", "USD"),
    "foreign_official": ("all foreign official holders", "USD"),
}
"""Who may sell (keys of :data:`lessons_lib.market.HOLDERS`): its name and the currency its
loss is reported in (USD where the shipped data give no rate for its own currency)."""
NAME_PATTERN = re.compile(r"^[a-z0-9_]{1,40}$")
WEEK_DAYS = 5
"""Trading days in a week: a custody-based sale spreads each week's fall over five days."""


FIELDS: dict[str, Range] = {
    "size_usd_bn": Range(0.0, 100_000.0, "USD billions, face value (and at most the seller's "
                         "latest holdings)"),
    "days": Range(1.0, float(MAX_DAYS), "trading days (a whole number)"),
    "fed_share_pct": Range(0.0, 200.0, "percent of the sale, in 10-year equivalents"),
    "repo_share_pct": Range(0.0, 100.0, "percent of the dollars raised by repo instead of a "
                            "sale"),
    "consolidation_pct_gdp": Range(0.0, 5.0, "percent of GDP a year (a smaller primary "
                                   "deficit)"),
    "converted_pct": Range(0.0, 100.0, "percent of the dollars raised exchanged for the "
                           "seller's currency"),
    "seller_duration_years": Range(0.0, 30.0, "years"),
    "share": Range(0.0, 1.0, "as a decimal of the holdings (0.5 is half)"),
}
"""The numeric fields of a :class:`Scenario` (and of a size rule's ``share``) and the
:class:`lessons_lib.validate.Range` each accepts; a field outside its range raises a ValueError
naming it and the range (:mod:`lessons_lib.validate`)."""

SIZE_RULES = ("tic_holdings", "japan_interventions", "custody_holdings")
"""The shipped datasets a size rule may compute the sale from (module docstring)."""

KEYS = ("name", "title", "seller", "size", "days", "fed_share_pct", "repo_share_pct",
        "consolidation_pct_gdp", "converted_pct", "seller_duration_years", "calibration",
        "notes")
"""The keys of a scenario's dict and JSON file, in order (``name``, ``seller``, ``size`` and
``days`` required; the others have defaults)."""


# --------------------------------------------------------------------------------------------
# Sizes from the data
# --------------------------------------------------------------------------------------------


def _day(value: Any, name: str) -> pd.Timestamp:
    try:
        return pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a date such as '2024-04-01', got {value!r}") from None


def _rule_dates(rule: Mapping[str, Any]) -> tuple[pd.Timestamp, pd.Timestamp]:
    if "start" not in rule or "end" not in rule:
        raise ValueError(f"size rule {rule['from']!r} needs 'start' and 'end' dates, got "
                         f"{dict(rule)!r}")
    start, end = _day(rule["start"], "size.start"), _day(rule["end"], "size.end")
    if not start < end:
        raise ValueError(f"size.start must come before size.end, got {rule['start']!r} and "
                         f"{rule['end']!r}")
    return start, end


def _custody_weeks(start: pd.Timestamp, end: pd.Timestamp) -> npt.NDArray[np.float64]:
    custody = data.load("custody_holdings")["marketable_treasuries_usd_bn"].dropna()
    for day, name in ((start, "size.start"), (end, "size.end")):
        if day not in custody.index:
            raise ValueError(f"{name} must be a Wednesday in custody_holdings "
                             f"({custody.index[0]:%Y-%m-%d} to {custody.index[-1]:%Y-%m-%d}), "
                             f"got {day:%Y-%m-%d}")
    return -np.diff(custody.loc[start:end].to_numpy())


def resolve_size(size: Any, seller: str) -> tuple[float, npt.NDArray[np.float64] | None]:
    """The sale in USD billions for ``size`` (a number or a rule of :data:`SIZE_RULES`), and
    for a custody rule the weekly falls it follows (else None).

    Raises:
        ValueError: naming ``size`` (or the rule's key) for an unknown rule, a missing or bad
            key, or a number out of range; naming ``seller`` for one not in :data:`SELLERS`.
    """
    validate.one_of(seller, "seller", SELLERS)
    if not isinstance(size, Mapping):
        return validate.number(size, "size", FIELDS["size_usd_bn"]), None
    source = size.get("from")
    if not isinstance(source, str) or source not in SIZE_RULES:
        raise ValueError(f"size must be a number of USD billions or a rule whose 'from' is one "
                         f"of {', '.join(SIZE_RULES)}, got {dict(size)!r}")
    if source == "tic_holdings":
        holder_key = validate.one_of(size.get("holder"), "size.holder", market.HOLDERS)
        share = validate.number(size.get("share"), "size.share", FIELDS["share"])
        return market.holder_holdings_usd_bn(holder_key)[1] * share, None
    start, end = _rule_dates(size)
    if source == "japan_interventions":
        operations = data.load("japan_interventions")
        sold = operations.loc[start:end]
        sold = sold.loc[sold["direction"] == "sell USD, buy JPY", "amount_usd_bn"]
        if sold.empty:
            raise ValueError(f"size: no yen-buying operation in japan_interventions between "
                             f"{start:%Y-%m-%d} and {end:%Y-%m-%d}")
        return float(sold.sum()), None
    weeks = _custody_weeks(start, end)
    return float(weeks.sum()), weeks


# --------------------------------------------------------------------------------------------
# The scenario
# --------------------------------------------------------------------------------------------


def _days(value: Any) -> int:
    """``days`` checked against ``FIELDS["days"]`` and as a whole number."""
    days = validate.number(value, "days", FIELDS["days"])
    if not days.is_integer():
        raise ValueError(f"days must be {FIELDS['days']}, got {value!r}")
    return int(days)


@dataclass(frozen=True)
class Scenario:
    """Who sells how much over how long, and which remedies are on: plain data.

    Attributes:
        name: an identifier, lower-case letters, digits and underscores (at most 40).
        seller: who sells, a key of :data:`SELLERS` ("japan", "china", "foreign_official").
        size: the sale, USD billions face value (0 to 100,000, at most the seller's latest
            TIC holdings), or a rule computing it from the shipped data (module docstring).
        days: trading days the sale takes, spread evenly (1 to 252); for a custody rule, five
            a week of the rule's dates.
        title: a short description (a heading in tables).
        fed_share_pct: the Fed buys this percent of the sale, in 10-year equivalents, on the
            same days (0 to 200; 100 offsets it exactly).
        repo_share_pct: percent of the dollars raised by repo instead of a sale (0 to 100).
        consolidation_pct_gdp: a smaller primary deficit, percent of GDP every year from
            FY2026 (0 to 5).
        converted_pct: percent of the dollars raised that the seller exchanges for its own
            currency (0 to 100: 100 for an intervention that buys yen, 0 for a holder that
            keeps the dollars).
        seller_duration_years: the modified duration of what is sold, years (0 to 30), or
            None for the market's (about 4.3 years).
        calibration: the calibration a one-number summary uses: "low", "central" or "high";
            every result also carries the band.
        notes: where the story and its numbers come from.

    Derived when the scenario is built: ``size_usd_bn`` (the sale in USD billions) and
    ``weekly_usd_bn`` (a custody rule's weekly falls, else None).

    Raises:
        ValueError: naming the field and what it accepts, for any bad field.
    """

    name: str
    seller: str
    size: float | Mapping[str, Any]
    days: int
    title: str = ""
    fed_share_pct: float = 0.0
    repo_share_pct: float = 0.0
    consolidation_pct_gdp: float = 0.0
    converted_pct: float = 0.0
    seller_duration_years: float | None = None
    calibration: str = "central"
    notes: str = ""
    size_usd_bn: float = field(init=False, repr=False, compare=False)
    weekly_usd_bn: tuple[float, ...] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        name_rule = "1 to 40 lower-case letters, digits or underscores"
        validate.instance(self.name, "name", str, name_rule)
        if not NAME_PATTERN.match(self.name):
            raise ValueError(f"name must be {name_rule}, got {self.name!r}")
        for key in ("title", "notes"):
            validate.instance(getattr(self, key), key, str, "a text")
        validate.one_of(self.seller, "seller", SELLERS)
        validate.one_of(self.calibration, "calibration", CALIBRATIONS)
        days = _days(self.days)
        object.__setattr__(self, "days", days)
        for key in ("fed_share_pct", "repo_share_pct", "consolidation_pct_gdp",
                    "converted_pct"):
            object.__setattr__(self, key, validate.number(getattr(self, key), key, FIELDS[key]))
        if self.seller_duration_years is not None:
            object.__setattr__(self, "seller_duration_years", validate.number(
                self.seller_duration_years, "seller_duration_years",
                FIELDS["seller_duration_years"]))
        if isinstance(self.size, Mapping):
            object.__setattr__(self, "size", dict(self.size))
        amount, weeks = resolve_size(self.size, self.seller)
        held = market.holder_holdings_usd_bn(self.seller)[1]
        if amount > held * (1 + 1e-12):
            raise ValueError(f"size must be at most the seller's latest holdings, "
                             f"{held:,.1f} USD billions ({SELLERS[self.seller][0]}, "
                             f"tic_holdings), got {amount:,.1f}")
        if weeks is not None and days != WEEK_DAYS * len(weeks):
            raise ValueError(f"days must be {WEEK_DAYS * len(weeks)} for this custody rule "
                             f"({len(weeks)} weeks of {WEEK_DAYS} trading days), got {days}")
        object.__setattr__(self, "size_usd_bn", amount)
        object.__setattr__(self, "weekly_usd_bn",
                           None if weeks is None else tuple(float(w) for w in weeks))

    # ---- plain data in and out

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> Scenario:
        """A scenario from a dict with the keys of :data:`KEYS` (unknown keys are refused)."""
        if not isinstance(values, Mapping):
            raise ValueError(f"a scenario must be a dict of fields, got {values!r}")
        unknown = sorted(set(values) - set(KEYS))
        if unknown:
            raise ValueError(f"unknown scenario field(s) {', '.join(unknown)}; the fields: "
                             f"{', '.join(KEYS)}")
        missing = [k for k in ("name", "seller", "size", "days") if k not in values]
        if missing:
            raise ValueError(f"a scenario needs {', '.join(missing)}")
        return cls(**dict(values))

    def to_dict(self) -> dict[str, Any]:
        """The scenario as a dict of :data:`KEYS` (a size rule stays a rule)."""
        out = {key: getattr(self, key) for key in KEYS}
        if isinstance(out["size"], Mapping):
            out["size"] = dict(out["size"])
        return out

    @classmethod
    def from_json(cls, path: str | Path) -> Scenario:
        """A scenario from a JSON file holding its dict."""
        try:
            values = json.loads(Path(path).read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}: not valid JSON ({error})") from None
        return cls.from_dict(values)

    def to_json(self, path: str | Path) -> Path:
        """Write the scenario's dict to ``path`` as JSON; returns the path."""
        target = Path(path)
        target.write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")
        return target

    def replace(self, **changes: Any) -> Scenario:
        """A copy with some fields changed (checked again)."""
        return dataclasses.replace(self, **changes)


# --------------------------------------------------------------------------------------------
# Named scenarios and remedies
# --------------------------------------------------------------------------------------------

PACKAGE_FOLDER = "scenarios"
"""The folder of ``lessons_lib`` that holds the named scenarios, one JSON file each."""

REMEDIES: dict[str, dict[str, float]] = {
    "none": {},
    "fed": {"fed_share_pct": 100.0},
    "repo": {"repo_share_pct": 100.0},
    "spread": {"days": 250},
    "consolidation": {"consolidation_pct_gdp": 1.0},
}
"""Each remedy as the fields it changes: the Fed buys the whole sale in 10-year equivalents
(chapter 06); a repo instead of any sale (chapter 06); the sale spread over 250 trading days,
about a year (chapter 06b); a consolidation of 1% of GDP a year (chapter 06b). A scenario
whose sale follows the custody data keeps its dates when spread: spreading applies to sales
spread evenly only."""


def _files() -> dict[str, Any]:
    folder = resources.files("lessons_lib").joinpath(PACKAGE_FOLDER)
    return {Path(item.name).stem: item for item in folder.iterdir()
            if item.name.endswith(".json")}


def names() -> list[str]:
    """The named scenarios shipped with the library, in the order of their files' names."""
    return sorted(_files())


@functools.cache
def _load(name: str) -> Scenario:
    values = json.loads(_files()[name].read_text(encoding="utf-8"))
    scenario = Scenario.from_dict(values)
    if scenario.name != name:
        raise ValueError(f"{name}.json: its name field says {scenario.name!r}")
    return scenario


def load(name: str) -> Scenario:
    """The shipped scenario called ``name`` (see :func:`names`), sizes computed from the data."""
    return _load(validate.one_of(name, "name", names()))


def with_remedy(scenario: Scenario, remedy: str) -> Scenario:
    """``scenario`` with one of :data:`REMEDIES` turned on (named ``<name>__<remedy>``)."""
    _scenario(scenario, "scenario")
    validate.one_of(remedy, "remedy", REMEDIES)
    if remedy == "none":
        return scenario
    changes = dict(REMEDIES[remedy])
    if "days" in changes and scenario.weekly_usd_bn is not None:
        changes.pop("days")
    return scenario.replace(name=f"{scenario.name}__{remedy}"[:40], **changes)


# --------------------------------------------------------------------------------------------
# The chain
# --------------------------------------------------------------------------------------------


class ScenarioResult(NamedTuple):
    """What :func:`run` gives: the paths, and each link's figures by calibration
    (dicts keyed "low", "central", "high").

    Attributes:
        scenario: the scenario run.
        sold_usd_bn: face value sold into the market each trading day (the repo's share
            taken out), :data:`HORIZON_DAYS` values.
        net_ten_year_equivalents_usd_bn: net sales each day in 10-year equivalents, after the
            Fed's purchases.
        yield_bp: the 10-year yield's change each day (:class:`lessons_lib.market.ImpactBand`).
        peak_bp, lasting_bp: its highest value and its lasting part at the end, bp.
        fiscal: :func:`lessons_lib.fiscal.project` tables, FY2026-2035.
        added_interest_usd_bn: net interest over FY2026-2035 above CBO's baseline.
        debt_pct_gdp_2035: debt held by the public, percent of GDP, FY2035.
        dollar_move_pct: the seller's currency per dollar, percent (positive: dearer dollar).
        seller_loss_usd_bn, seller_loss_pct: what the seller loses to its own price impact,
            USD billions and percent of what it sold.
        seller_loss_local_bn: the same in billions of ``currency``.
        currency: "JPY" or "USD".
    """

    scenario: Scenario
    sold_usd_bn: npt.NDArray[np.float64]
    net_ten_year_equivalents_usd_bn: npt.NDArray[np.float64]
    yield_bp: market.ImpactBand
    peak_bp: dict[str, float]
    lasting_bp: dict[str, float]
    fiscal: dict[str, pd.DataFrame]
    added_interest_usd_bn: dict[str, float]
    debt_pct_gdp_2035: dict[str, float]
    dollar_move_pct: dict[str, float]
    seller_loss_usd_bn: dict[str, float]
    seller_loss_pct: dict[str, float]
    seller_loss_local_bn: dict[str, float]
    currency: str


def _scenario(value: Any, name: str) -> Scenario:
    return validate.instance(value, name, Scenario, "a Scenario (Scenario.from_dict or load)")


def _schedule(scenario: Scenario) -> npt.NDArray[np.float64]:
    """Face value sold on each of the sale's days, USD billions, before the repo."""
    if scenario.weekly_usd_bn is not None:
        return np.repeat(np.asarray(scenario.weekly_usd_bn) / WEEK_DAYS, WEEK_DAYS)
    return np.full(scenario.days, scenario.size_usd_bn / scenario.days)


def local_per_usd(currency: str) -> float:
    """Units of ``currency`` per dollar at the latest shipped rate: yen from ``fx_daily`` (the
    last day of :func:`lessons_lib.holder.latest_rates`), 1 for USD."""
    validate.one_of(currency, "currency", ("JPY", "USD"))
    return holder.latest_rates().jpy_per_usd if currency == "JPY" else 1.0


@functools.cache
def baseline() -> pd.DataFrame:
    """CBO's January 2025 baseline as :func:`lessons_lib.fiscal.project` gives it with no
    change, FY2026-2035: what a scenario with no sale and no consolidation returns."""
    return fiscal.project()


def run(scenario: Scenario) -> ScenarioResult:
    """Take ``scenario`` through the chain of chapters 02-06 (module docstring): sale ->
    yield path with its band -> interest and debt over FY2026-2035 -> the dollar and the
    seller's loss in its own currency.

    A scenario with no sale (or all of it repo'd, or all of it offset by the Fed) and no
    consolidation returns CBO's baseline exactly, no yield change, and no loss.
    """
    _scenario(scenario, "scenario")
    now = market.today()
    duration = (now.market_duration_years if scenario.seller_duration_years is None
                else scenario.seller_duration_years)
    sold = np.zeros(HORIZON_DAYS)
    plan = _schedule(scenario) * (1.0 - scenario.repo_share_pct / 100.0)
    sold[: len(plan)] = plan
    teq = sold * duration / now.ten_year_duration_years
    net = teq * (1.0 - scenario.fed_share_pct / 100.0)
    band = market.impact_band(net, seller_duration_years=now.ten_year_duration_years)
    points = 100.0 * float(net.sum()) / now.ten_year_equivalents_usd_bn
    lasting = {c: market.CALIBRATIONS[c].lasting_bp_per_pp * points for c in CALIBRATIONS}
    paths = dict(zip(CALIBRATIONS, band, strict=True))
    peak = {c: float(paths[c].max()) for c in CALIBRATIONS}
    tables = {c: _fiscal(lasting[c], scenario.consolidation_pct_gdp) for c in CALIBRATIONS}
    cbo = baseline()
    added = {c: float((t["interest_usd_bn"] - cbo["interest_usd_bn"]).sum())
             for c, t in tables.items()}
    debt = {c: float(t["debt_pct_gdp"].iloc[-1]) for c, t in tables.items()}
    converted = scenario.size_usd_bn * scenario.converted_pct / 100.0
    sets = loop.calibrations()._asdict()
    move = {c: sets[c].yen_pct_per_yield_bp * lasting[c]
            - sets[c].direct_yen_pct_per_usd_bn * converted for c in CALIBRATIONS}
    total_sold = float(sold.sum())
    loss = {}
    for c in CALIBRATIONS:
        before = np.r_[0.0, paths[c][:-1]]
        loss[c] = float(np.sum(sold * duration * (before + paths[c]) / 2.0)) / 10_000.0
    loss_pct = {c: 100.0 * v / total_sold if total_sold > 0 else 0.0 for c, v in loss.items()}
    currency = SELLERS[scenario.seller][1]
    rate = local_per_usd(currency)
    local = {c: loss[c] * rate * (1.0 + (move[c] / 100.0 if currency != "USD" else 0.0))
             for c in CALIBRATIONS}
    return ScenarioResult(scenario, sold, net, band, peak, lasting, tables, added, debt, move,
                          loss, loss_pct, local, currency)


def _fiscal(lasting_bp: float, consolidation_pct_gdp: float) -> pd.DataFrame:
    if lasting_bp == 0.0 and consolidation_pct_gdp == 0.0:
        return baseline().copy()
    return fiscal.project(shock_points=lasting_bp / 100.0,
                          primary_deficit_change_pct_gdp=-consolidation_pct_gdp)


# --------------------------------------------------------------------------------------------
# Side by side
# --------------------------------------------------------------------------------------------

MEASURES = {
    "peak_bp": "peak yield rise (bp)",
    "lasting_bp": "lasting yield rise (bp)",
    "added_interest_usd_bn": "added interest FY2026-35 ($bn)",
    "debt_pct_gdp_2035": "debt/GDP FY2035 (%)",
    "dollar_move_pct": "dollar move (%)",
    "seller_loss_pct": "seller's loss (% of sale)",
    "seller_loss_local_bn": "seller's loss (bn, own currency)",
}
"""The measures :func:`summary` and :func:`side_by_side` report, each with ``_low``,
``_central`` and ``_high`` columns, and their labels with units."""


def _items(values: Any, name: str, what: str) -> list[Any]:
    """``values`` as a list, if it is a non-empty collection (not a text); otherwise a
    ValueError naming ``name``."""
    items = (list(values) if isinstance(values, Iterable) and not isinstance(values, str | bytes)
             else [])
    if not items:
        raise ValueError(f"{name} must be a non-empty list of {what}, got {values!r}")
    return items


def summary(result: ScenarioResult, remedy: str = "none") -> dict[str, Any]:
    """One row of :func:`side_by_side` for a result: each measure at each calibration, with
    the scenario's name, title, seller, sale and currency.

    Args:
        result: what :func:`run` gave.
        remedy: the key of :data:`REMEDIES` the row is labelled with.
    """
    validate.instance(result, "result", ScenarioResult, "what scenario.run gives")
    validate.one_of(remedy, "remedy", REMEDIES)
    s = result.scenario
    row: dict[str, Any] = {"scenario": s.name.split("__")[0], "remedy": remedy,
                           "title": s.title, "seller": s.seller, "sale_usd_bn": s.size_usd_bn,
                           "days": s.days, "currency": result.currency}
    for measure in MEASURES:
        values = getattr(result, measure)
        for c in CALIBRATIONS:
            row[f"{measure}_{c}"] = values[c]
    return row


def side_by_side(scenarios: Iterable[str | Scenario] | None = None,
                 remedies: Iterable[str] = tuple(REMEDIES)) -> pd.DataFrame:
    """A tidy table of scenarios, each with each remedy on in turn: one row per (scenario,
    remedy), a column per measure and calibration (:data:`MEASURES`: ``peak_bp_low``,
    ``peak_bp_central``, ...), with the scenario's title, seller, sale (USD billions), days
    and the currency of the seller's loss.

    Args:
        scenarios: names of shipped scenarios or :class:`Scenario` objects; by default every
            shipped one except the one with no sale.
        remedies: keys of :data:`REMEDIES` ("none" for the scenario as written).

    Raises:
        ValueError: naming ``scenarios`` or ``remedies`` for one that is not a non-empty list
            of what it must hold.
    """
    if scenarios is None:
        bases = [load(n) for n in names() if n != "no_sale"]
    else:
        what = "shipped scenarios' names or Scenario objects"
        bases = []
        for item in _items(scenarios, "scenarios", what):
            if isinstance(item, str):
                item = load(validate.one_of(item, "scenarios", names()))
            bases.append(validate.instance(item, "scenarios", Scenario, f"a list of {what}"))
    chosen = [validate.one_of(r, "remedies", REMEDIES)
              for r in _items(remedies, "remedies", "keys of scenario.REMEDIES")]
    rows = []
    for base in bases:
        for remedy in chosen:
            rows.append(summary(run(with_remedy(base, remedy)), remedy))
    return pd.DataFrame(rows).set_index(["scenario", "remedy"])
