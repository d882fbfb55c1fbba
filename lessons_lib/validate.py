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


def _not_a_number(name: str, value: Any, allowed: Range) -> ValueError:
    unit = f" ({allowed.unit})" if allowed.unit else ""
    return ValueError(f"{name} must be a number or an array of numbers{unit}, got {value!r}")


def numbers(value: Any, name: str, allowed: Range = ANY_NUMBER) -> npt.NDArray[np.float64]:
    """``value`` as a float array, after checking that every element is a number in ``allowed``.

    Args:
        value: a number, a sequence of numbers or a NumPy array (of any shape).
        name: the argument's name, for the message.
        allowed: the range every element must lie in; by default any finite number.

    Raises:
        ValueError: naming ``name`` and ``allowed``, for a value that is not made of numbers
            (text, ``None``, booleans), is not finite, or lies outside ``allowed``.
    """
    if isinstance(value, str | bytes | bool | np.bool_):
        raise _not_a_number(name, value, allowed)
    try:
        raw = np.asarray(value)
    except (TypeError, ValueError):  # ragged sequences
        raise _not_a_number(name, value, allowed) from None
    if raw.dtype.kind not in "iuf":
        raise _not_a_number(name, value, allowed)
    array = raw.astype(float)
    if not allowed.contains(array):
        raise ValueError(f"{name} must be {allowed}, got {value!r}")
    return array


def number(value: Any, name: str, allowed: Range = ANY_NUMBER) -> float:
    """A single number checked as :func:`numbers` does, returned as a float."""
    array = numbers(value, name, allowed)
    if array.ndim != 0:
        unit = f" ({allowed.unit})" if allowed.unit else ""
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


def result(array: npt.NDArray[np.float64]) -> FloatOrArray:
    """What a model returns: a float for a single value, otherwise the array."""
    return float(array) if np.ndim(array) == 0 else array
