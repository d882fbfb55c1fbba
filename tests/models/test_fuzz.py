"""Every public function and class of every model module, fed the values a student mistypes.

Each call must give a ValueError that names the argument, or a finite result: never a silent
NaN or infinity, a TypeError from deep inside NumPy, or a hang. The modules are
:data:`lessons_lib.validate.MODEL_MODULES`; a later chapter's model module joins that list, and
its arguments get a valid example in ``VALID`` below (the test says which are missing).
"""

from __future__ import annotations

import importlib
import inspect
import math
import pkgutil
import signal
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import lessons_lib
from lessons_lib import bonds, curve, data, loop, market, scenario, validate

TIMEOUT_SECONDS = 10


def _profile() -> pd.DataFrame:
    return data.load("maturity_profile")


VALID: dict[str, Callable[[], Any]] = {
    # a valid example for every argument name a model takes (called fresh for each use)
    "bond": lambda: bonds.Bond(coupon_rate=0.03, maturity_years=10),
    "face": lambda: 100.0,
    "coupon_rate": lambda: 0.03,
    "maturity_years": lambda: 10.0,
    "frequency": lambda: 2,
    "ytm": lambda: 0.04,
    "dy": lambda: 0.01,
    "price": lambda: 95.0,
    "payoff": lambda: 103.0,
    "discount_rate": lambda: 0.04,
    "days": lambda: 91,
    "year_days": lambda: 365,
    "holdings_usd_bn": lambda: 1100.0,
    "start_usd_bn": lambda: 1100.0,
    "end_usd_bn": lambda: 1050.0,
    "modified_duration_years": lambda: 5.0,
    "yield_change": lambda: 0.003,
    "profile": _profile,
    "yields": lambda: 0.04,
    "measure": lambda: "modified",
    "offering_usd_bn": lambda: 58.0,
    "bid_yields": lambda: np.array([0.040, 0.041, 0.042]),
    "bid_amounts_usd_bn": lambda: np.array([30.0, 40.0, 50.0]),
    "noncompetitive_usd_bn": lambda: 1.0,
    "amount_usd_bn": lambda: 10.0,
    "low_yield": lambda: 0.040,
    "high_yield": lambda: 0.042,
    "bids": lambda: 7,
    # lessons_lib.market
    "face_usd_bn": lambda: 100.0,
    "duration_years": lambda: 4.0,
    "ten_year_duration_years": lambda: 8.0,
    "holder": lambda: "japan",
    "share_sold_pct": lambda: 50.0,
    "daily_net_sales_usd_bn": lambda: np.array([10.0, 10.0]),
    "calibration": lambda: "central",
    "marketable_debt_usd_bn": lambda: 30000.0,
    "market_duration_years": lambda: 4.3,
    "seller_duration_years": lambda: 5.0,
    "horizon_days": lambda: 30,
    "yield_change_bp": lambda: 10.0,
    "quantity_pct": lambda: 110.0,
    "slope": lambda: 1.0,
    "price_at_start": lambda: 100.0,
    "sold_pct": lambda: 10.0,
    "name": lambda: "no_sale",  # any text for a Calibration, a shipped one for scenario.load
    "lasting_bp_per_pp": lambda: 2.0,
    "peak_multiple": lambda: 2.0,
    "half_life_days": lambda: 20.0,
    "derivation": lambda: "x",
    "sources": lambda: ("x",),
    # lessons_lib.curve
    "level": lambda: 0.05,
    "curvature": lambda: 0.01,
    "decay_years": lambda: 2.0,
    "maturities_years": lambda: np.array([0.25, 2, 5, 10, 30]),
    "par_yields": lambda: np.array([0.043, 0.040, 0.041, 0.043, 0.047]),
    "row": lambda: data.load("yield_curve_daily").loc["2024-12-31"],
    "curve": lambda: curve.Curve(0.05, -0.02, 0.01, 2.0),
    "shift_bp": lambda: 100.0,
    "steepen_bp": lambda: 50.0,
    "pivot_years": lambda: 2.0,
    "butterfly_bp": lambda: 20.0,
    "shares": lambda: np.array([0.2, 0.3, 0.2, 0.2, 0.1]),
    "amounts_usd_bn": lambda: np.array([20.0, 30, 20, 20, 10]),
    "bills_share": lambda: 0.2,
    "notes_share": lambda: 0.6,
    "bonds_share": lambda: 0.2,
    "years": lambda: 10,
    "rollover": lambda: "unchanged",
    "rate": lambda: 0.03,
    "years_held": lambda: 1.0,
    "yield_10y_pct": lambda: 4.48,
    "term_premium_10y_pct": lambda: 0.6,
    "yield_curve": lambda: data.load("yield_curve_daily"),
    "term_premium": lambda: data.load("term_premium_daily"),
    "start_date": lambda: "2025-04-04",
    "end_date": lambda: "2025-04-11",
    "spread_points": lambda: data.load("yield_curve_daily")["y10y_pct"] - 4.0,
    "merge_gap_days": lambda: 10,
    "min_length_days": lambda: 5,
    # lessons_lib.fiscal
    "debt_shares": lambda: (0.2, 0.6, 0.2),
    "month": lambda: "2024-09-30",
    "monthly_primary_deficit_usd_bn": lambda: 150.0,
    "months": lambda: 12,
    "kind_rates": lambda: {"bills": 0.043, "notes": 0.030, "bonds": 0.033, "tips": 0.009},
    "shock_points": lambda: 1.0,
    "persistence": lambda: 1.0,
    "primary_deficit_change_pct_gdp": lambda: 1.0,
    "growth_change_points": lambda: 0.5,
    "debt_feedback_bp_per_pp": lambda: 2.5,
    "b": lambda: 1.0,
    "r": lambda: 0.04,
    "g": lambda: 0.03,
    "primary_balance": lambda: -0.02,
    # lessons_lib.holder, loop and dollar (chapter 05)
    "jpy_per_usd_change_pct": lambda: -5.0,
    "usd_short_rate": lambda: 0.05,
    "jpy_short_rate": lambda: 0.001,
    "horizon_years": lambda: 1.0,
    "tenor_years": lambda: 0.25,
    "basis_bp": lambda: -30.0,
    "nominal_return": lambda: 0.04,
    "inflation_rate": lambda: 0.03,
    "sampling": lambda: "monthly",
    "intervention_usd_bn_per_pct": lambda: 3.0,
    "ten_year_bp_per_usd_bn": lambda: 0.02,
    "yen_pct_per_yield_bp": lambda: 0.06,
    "direct_yen_pct_per_usd_bn": lambda: 0.03,
    "start_month": lambda: "2013-04-30",
    "end_month": lambda: "2025-11-30",
    "coefficients": lambda: "central",
    "shocks_pct": lambda: np.array([10.0, 0.0, 0.0]),
    "coefficient": lambda: "yen_pct_per_yield_bp",
    "gain": lambda: 1.0,
    "debt_pct_gdp": lambda: 60.0,
    "dollar_share": lambda: 0.25,
    "us_rate": lambda: 0.02,
    "spread": lambda: 0.03,
    "repricing_share": lambda: 0.3,
    "us_rate_change": lambda: 0.02,
    "dollar_change_pct": lambda: 20.0,
    "spread_change": lambda: 0.01,
    # lessons_lib.execution and reserves (chapter 06)
    "total_usd_bn": lambda: 100.0,
    "periods": lambda: 20,
    "sigma": lambda: 0.003,
    "eta": lambda: 1e-5,
    "gamma": lambda: 3e-7,
    "risk_aversion": lambda: 0.01,
    "tau_days": lambda: 1.0,
    "trajectory_usd_bn": lambda: np.array([100.0, 50.0, 0.0]),
    "window_start": lambda: "2021-01-01",
    "window_end": lambda: "2025-12-31",
    "expected_returns": lambda: np.array([0.03, 0.02]),
    "covariance": lambda: np.array([[0.01, 0.002], [0.002, 0.02]]),
    "target_return": lambda: 0.025,
    "treasury_floor": lambda: 0.3,
    "points": lambda: 5,
    # lessons_lib.scenario (chapter 07)
    "seller": lambda: "japan",
    "size": lambda: 100.0,
    "title": lambda: "Japan sells $100bn",
    "notes": lambda: "",
    "fed_share_pct": lambda: 50.0,
    "repo_share_pct": lambda: 20.0,
    "consolidation_pct_gdp": lambda: 0.5,
    "converted_pct": lambda: 50.0,
    "scenario": lambda: scenario.load("japan_spring_2024"),
    "remedy": lambda: "fed",
    "currency": lambda: "JPY",
    "result": lambda: scenario.run(scenario.load("japan_spring_2024")),
    "scenarios": lambda: ["japan_spring_2024"],
    "remedies": lambda: ("none", "fed"),
}

BAD: dict[str, Any] = {
    "nan": math.nan,
    "inf": math.inf,
    "-inf": -math.inf,
    "negative": -1.0,
    "negative 1.5": -1.5,
    "zero": 0.0,
    "percent for a decimal": 4.24,
    "huge": 1e12,
    "-huge": -1e12,
    "text": "90",
    "percent text": "3%",
    "None": None,
    "empty array": np.array([]),
    "empty list": [],
    "array with nan": np.array([0.03, np.nan]),
    "bool": True,
}


def _public_callables() -> list[tuple[str, Callable[..., Any]]]:
    found = []
    for module_name in validate.MODEL_MODULES:
        module = importlib.import_module(module_name)
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module_name:
                continue
            if inspect.isfunction(obj):
                found.append((f"{module_name}.{name}", obj))
            elif inspect.isclass(obj) and not issubclass(obj, tuple):  # NamedTuples are results
                found.append((f"{module_name}.{name}", obj))
    return found


CALLABLES = _public_callables()


def _parameters(func: Callable[..., Any]) -> list[str]:
    return [p.name for p in inspect.signature(func).parameters.values()
            if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]


def _finite(value: Any) -> bool:
    if isinstance(value, tuple | list):  # a part may be absent (scenario.resolve_size's weeks)
        return all(v is None or _finite(v) for v in value)
    if isinstance(value, Mapping):
        return all(_finite(v) for v in value.values())
    if isinstance(value, str):  # a label in a result (a currency, a scenario's name)
        return True
    if isinstance(value, pd.DataFrame | pd.Series):
        numeric = value.select_dtypes("number") if isinstance(value, pd.DataFrame) else value
        return bool(np.isfinite(np.asarray(numeric, dtype=float)).all())
    if isinstance(value, pd.Timestamp):
        return not pd.isna(value)
    if isinstance(value, bonds.Bond | curve.Curve | market.Calibration | loop.LoopCoefficients
                  | scenario.Scenario):
        return True
    array = np.asarray(value, dtype=float)
    return bool(np.isfinite(array).all())


class _Hang(Exception):
    pass


def _call_with_timeout(func: Callable[..., Any], kwargs: dict[str, Any]) -> Any:
    def alarm(signum, frame):
        raise _Hang

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(TIMEOUT_SECONDS)
    try:
        return func(**kwargs)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_the_model_modules_are_found_and_listed():
    assert {name.rsplit(".", 1)[0] for name, _ in CALLABLES} == set(validate.MODEL_MODULES)
    assert len(CALLABLES) >= 15
    # every lessons_lib module that checks arguments is a model, or is named as not one
    package = Path(lessons_lib.__file__).parent
    for info in pkgutil.iter_modules([str(package)]):
        full = f"lessons_lib.{info.name}"
        source = package / (info.name + ("/__init__.py" if info.ispkg else ".py"))
        if "validate" in source.read_text() and full != "lessons_lib.validate":
            assert full in validate.MODEL_MODULES + validate.NOT_MODELS, (
                f"{full} checks arguments with validate: add it to validate.MODEL_MODULES"
            )


def test_every_argument_has_a_valid_example():
    missing = sorted({p for _, f in CALLABLES for p in _parameters(f)} - set(VALID))
    assert not missing, f"add a valid example for these arguments to VALID: {missing}"


def test_the_valid_examples_give_finite_results():
    for name, func in CALLABLES:
        kwargs = {p: VALID[p]() for p in _parameters(func)}
        assert _finite(_call_with_timeout(func, kwargs)), name


CASES = [
    pytest.param(func, param, bad, id=f"{name}-{param}-{label}")
    for name, func in CALLABLES
    for param in _parameters(func)
    for label, bad in BAD.items()
]


@pytest.mark.parametrize("func, param, bad", CASES)
def test_bad_input_is_named_or_gives_a_finite_result(func, param, bad):
    kwargs = {p: VALID[p]() for p in _parameters(func)}
    kwargs[param] = bad
    try:
        out = _call_with_timeout(func, kwargs)
    except ValueError as error:
        assert param in str(error), f"the message does not name {param}: {error}"
        return
    except _Hang:
        pytest.fail(f"no answer within {TIMEOUT_SECONDS} s")
    assert _finite(out), f"{param}={bad!r} gave a non-finite result {out!r}"
    if validate.is_rate_name(param) and not validate.is_rate_change_name(param):
        assert not (isinstance(bad, float) and abs(bad) > 1), (
            f"{param}={bad!r} is no plausible rate but was accepted")


@pytest.mark.parametrize("func_name, kwargs, name", [
    ("bonds.price", {"bond": bonds.Bond(), "ytm": 4.24}, "ytm"),
    ("bonds.modified_duration", {"bond": bonds.Bond(), "ytm": 3.0}, "ytm"),
    ("bonds.price_change", {"bond": bonds.Bond(), "ytm": 0.03, "dy": 1.5}, "dy"),
    ("bonds.bill_price", {"discount_rate": 4.0, "days": 91}, "discount_rate"),
    ("holdings.valuation_change",
     {"holdings_usd_bn": 1106.0, "modified_duration_years": 5.0, "yield_change": -0.15},
     "yield_change"),
    ("maturity.duration_years", {"profile": None, "yields": 4.0}, "yields"),
])
def test_a_percent_typed_for_a_decimal_gets_a_hint(func_name, kwargs, name):
    module, func = func_name.split(".")
    target = getattr(importlib.import_module(f"lessons_lib.{module}"), func)
    if "profile" in kwargs:
        kwargs["profile"] = _profile()
    with pytest.raises(ValueError, match=rf"^{name} must be .*looks like (a percent|percentage "
                                         rf"points): did you mean -?0\.0\d+\?"):
        target(**kwargs)
