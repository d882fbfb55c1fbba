"""Checking the arguments of the course's models, so that every bad input reads the same way.

Every model module (:mod:`~lessons_lib.bonds`, :mod:`~lessons_lib.holdings` and those to come)
checks its arguments here. A bad argument raises a ``ValueError`` that names the argument, the
range it accepts with its unit, and the value it got::

    coupon_rate must be between 0 and 1 as a decimal (0.03 is 3%), got 3.0

A value that is not a number at all (a string, ``None``, a list holding text) gets the same
kind of message, not a ``TypeError`` from NumPy.

Unit convention of the whole library: yields, rates and their changes are decimals (0.03 is 3%)
unless the name says otherwise with ``_pct`` (percent), ``_points`` (percentage points) or
``_bp`` (basis points). Other quantities carry their unit in the name (``_years``,
``_usd_bn``) or in the docstring (prices in dollars per face).
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

FloatOrArray = float | npt.NDArray[np.float64]
"""A float, or a NumPy array of floats, as the models accept and return them."""

DECIMAL = "as a decimal (0.03 is 3%)"
"""The unit text of a yield or rate."""

DECIMAL_CHANGE = "as a decimal (0.01 is 1 percentage point)"
"""The unit text of a change in a yield or rate."""

_RATE_SUFFIXES = ("_pct", "_points", "_bp")

MODEL_MODULES = (
    "lessons_lib.bonds", "lessons_lib.holdings", "lessons_lib.maturity", "lessons_lib.auctions",
    "lessons_lib.market", "lessons_lib.curve", "lessons_lib.fiscal", "lessons_lib.holder",
    "lessons_lib.loop", "lessons_lib.dollar", "lessons_lib.execution", "lessons_lib.reserves",
    "lessons_lib.scenario",
)
"""The model modules: every public function and class in them checks its arguments here.

``tests/models/test_fuzz.py`` feeds each of them bad values (NaN, infinities, negatives, zero,
huge numbers, text, ``None``, empty arrays, a percent for a decimal rate) and fails unless each
gives a ValueError naming the argument or a finite result. A later chapter's model module goes
in this list (the test also fails on a ``lessons_lib`` module that imports this one and is not
listed here, nor in :data:`NOT_MODELS`)."""

NOT_MODELS = ("lessons_lib.data", "lessons_lib.explorers")
"""Modules that use this checker but are not models (the data store, the explorers' widgets)."""


@dataclass(frozen=True)
class Range:
    """The values an argument may take, with the unit its message gives.

    Args:
        low, high: the bounds (``-math.inf`` or ``math.inf`` for none).
        unit: what the numbers are, as it reads after them: ``"years"``,
            ``"USD billions"``, :data:`DECIMAL`.
        low_open, high_open: whether the bound itself is excluded.
    """

    low: float
    high: float
    unit: str = ""
    low_open: bool = False
    high_open: bool = False

    def __post_init__(self) -> None:
        if not self.low < self.high:
            raise ValueError(f"a Range needs low < high, got {self.low!r} and {self.high!r}")

    def contains(self, value: FloatOrArray) -> bool:
        """Whether every element of ``value`` is a finite number inside the range."""
        array = np.asarray(value, dtype=float)
        if not np.all(np.isfinite(array)):
            return False
        above = array > self.low if self.low_open else array >= self.low
        below = array < self.high if self.high_open else array <= self.high
        return bool(np.all(above & below))

    def covers(self, low: float, high: float) -> bool:
        """Whether the whole interval from ``low`` to ``high`` lies inside the range."""
        return self.contains(np.array([low, high]))

    def __str__(self) -> str:
        lower = f"{'more than' if self.low_open else 'at least'} {self.low:g}"
        upper = f"{'less than' if self.high_open else 'at most'} {self.high:g}"
        if math.isinf(self.high):
            text = lower
        elif math.isinf(self.low):
            text = upper
        elif self.low_open or self.high_open:
            text = f"{lower} and {upper}"
        else:
            text = f"between {self.low:g} and {self.high:g}"
        return f"{text} {self.unit}".rstrip()


ANY_NUMBER = Range(-math.inf, math.inf, low_open=True, high_open=True)
"""Every finite number."""

RATE_RANGE = Range(-0.10, 1.0, DECIMAL)
"""Rates and yields the library accepts: -10% to 100% a year, as decimals.

Every Treasury yield ever printed lies far inside it. A value outside it is almost certainly a
slip, most often a percent typed where a decimal is expected (4.24 for 0.0424), and the
message says so."""

RATE_CHANGE_RANGE = Range(-1.0, 1.0, DECIMAL_CHANGE)
"""Changes in a rate or yield the library accepts: up to 100 percentage points either way."""


def is_rate_name(name: str) -> bool:
    """Whether an argument called ``name`` is a yield or rate in decimals, by the library's
    naming convention: it names a yield or rate (``yield``, ``rate``, ``ytm``, ``dy``) and has
    no ``_pct``, ``_points`` or ``_bp`` suffix."""
    words = name.lower().replace(" ", "_").split("_")
    if name.lower().endswith(_RATE_SUFFIXES):
        return False
    return any(w in ("yield", "yields", "rate", "rates", "ytm", "dy") for w in words)


def is_rate_change_name(name: str) -> bool:
    """Whether ``name`` is a change in a rate (``dy``, ``yield_change``...): see
    :func:`is_rate_name`."""
    words = name.lower().replace(" ", "_").split("_")
    return is_rate_name(name) and ("dy" in words or "change" in words or "changes" in words)


def _default_range(name: str) -> Range:
    """The range an argument gets when its caller gives none: by its name (see
    :func:`is_rate_name`), a plausible rate or rate change; otherwise any finite number."""
    if is_rate_change_name(name):
        return RATE_CHANGE_RANGE
    if is_rate_name(name):
        return RATE_RANGE
    return ANY_NUMBER


def _percent_hint(array: npt.NDArray[np.float64], allowed: Range) -> str:
    """A hint for a decimal rate outside ``allowed`` that would fit as a percent."""
    if not allowed.unit.startswith("as a decimal"):
        return ""
    flat = array.reshape(-1)
    outside = [float(v) for v in flat if not allowed.contains(v)]
    if not outside or not all(math.isfinite(v) for v in outside):
        return ""
    first = outside[0]
    if abs(first) < 0.1 or not allowed.contains(np.asarray(outside) / 100):
        return ""
    what = "percentage points" if "percentage point" in allowed.unit else "a percent"
    return f": {first:g} looks like {what}: did you mean {first / 100:g}?"


def _not_a_number(name: str, value: Any, allowed: Range) -> ValueError:
    unit = f" ({allowed.unit})" if allowed.unit else ""
    return ValueError(f"{name} must be a number or an array of numbers{unit}, got {value!r}")


def numbers(value: Any, name: str, allowed: Range | None = None) -> npt.NDArray[np.float64]:
    """``value`` as a float array, after checking that every element is a number in ``allowed``.

    Args:
        value: a number, a sequence of numbers or a NumPy array (of any shape).
        name: the argument's name, for the message.
        allowed: the range every element must lie in. By default, from the name: a yield or
            rate (``ytm``, ``discount_rate``...) must lie in :data:`RATE_RANGE`, a change in one
            (``dy``, ``yield_change``) in :data:`RATE_CHANGE_RANGE`, anything else may be any
            finite number (see :func:`is_rate_name`).

    Raises:
        ValueError: naming ``name`` and ``allowed``, for a value that is not made of numbers
            (text, ``None``, booleans, an empty array), is not finite, or lies outside
            ``allowed``. A decimal rate that would fit as a percent gets a hint ("4.24 looks
            like a percent: did you mean 0.0424?").
    """
    if allowed is None:
        allowed = _default_range(name)
    if isinstance(value, str | bytes | bool | np.bool_):
        raise _not_a_number(name, value, allowed)
    try:
        raw = np.asarray(value)
    except (TypeError, ValueError):  # ragged sequences
        raise _not_a_number(name, value, allowed) from None
    if raw.dtype.kind not in "iuf":
        raise _not_a_number(name, value, allowed)
    if raw.size == 0:
        kind = type(value).__name__
        raise ValueError(f"{name} must hold at least one number, got an empty {kind}")
    array = raw.astype(float)
    if not allowed.contains(array):
        hint = _percent_hint(array, allowed)
        raise ValueError(f"{name} must be {allowed}, got {value!r}{hint}")
    return array


def number(value: Any, name: str, allowed: Range | None = None) -> float:
    """A single number checked as :func:`numbers` does, returned as a float."""
    array = numbers(value, name, allowed)
    if array.ndim != 0:
        unit_text = (allowed or _default_range(name)).unit
        unit = f" ({unit_text})" if unit_text else ""
        raise ValueError(f"{name} must be a single number{unit}, got {value!r}")
    return float(array)


def one_of(value: Any, name: str, choices: Collection[Any]) -> Any:
    """``value`` itself, if it is one of ``choices``; otherwise a ValueError listing them."""
    try:
        known = not isinstance(value, bool) and value in choices
    except (TypeError, ValueError):  # an array, or something that cannot be compared
        known = False
    if not known:
        raise ValueError(f"{name} must be one of {', '.join(map(str, choices))}, got {value!r}")
    return value


def instance(value: Any, name: str, kind: type, what: str) -> Any:
    """``value`` itself, if it is a ``kind``; otherwise a ValueError saying ``what`` it must be
    (for example ``"a Bond, such as bonds.Bond(coupon_rate=0.03, maturity_years=10)"``)."""
    if not isinstance(value, kind):
        raise ValueError(f"{name} must be {what}, got {value!r}")
    return value


def result(array: npt.NDArray[np.float64]) -> FloatOrArray:
    """What a model returns: a float for a single value, otherwise the array."""
    return float(array) if np.ndim(array) == 0 else array
