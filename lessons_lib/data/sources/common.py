"""What the publishers' parsers share: decoding text, and monthly means rounded as H.15 does."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import RawFormatError


def text_of(raw: bytes, what: str) -> str:
    """``raw`` decoded as UTF-8 (a byte-order mark dropped), else as Latin-1."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("latin-1")
        except UnicodeDecodeError as exc:  # pragma: no cover - latin-1 decodes anything
            raise RawFormatError(f"{what}: not text") from exc


def monthly_mean(daily: pd.Series, decimals: int = 2) -> pd.Series:
    """Monthly means of a daily series, rounded half up to ``decimals`` (as in H.15).

    The daily values are taken as exact multiples of 10**-decimals, so the rounding is
    exact. A final month whose last weekday is missing from the series is dropped.
    """
    present = daily.dropna()
    scale = 10**decimals
    units = (present * scale).round().astype("int64")
    grouped = units.groupby(present.index.to_period("M"))
    means = np.floor(grouped.sum() / grouped.count() + 0.5) / scale
    last_day = present.index.max()
    last_weekday = (pd.Timestamp(last_day) + pd.offsets.BMonthEnd(0)).normalize()
    if last_day < last_weekday:
        means = means.iloc[:-1]
    means.index = means.index.to_timestamp(how="end").normalize()
    return means

