"""rates_history: the 10-year yield, the funds rate and inflation since 1980."""

import pandas as pd
import pytest

from lessons_lib import data
from lessons_lib.data import RawFormatError

HISTORY = data.load("rates_history")


def test_the_1981_peaks():
    """The highs chapter 03 quotes: H.15's 10-year at 15.84% on 30 Sep 1981, the funds rate at
    19.1% in June 1981 (FRED DGS10 and FEDFUNDS)."""
    peak = HISTORY.loc[HISTORY["y10y_high_pct"].idxmax()]
    assert peak["y10y_high_pct"] == 15.84
    assert peak["y10y_high_date"] == pd.Timestamp("1981-09-30")
    assert HISTORY["fed_funds_pct"].idxmax() == pd.Timestamp("1981-06-30")
    assert HISTORY["fed_funds_pct"].max() == 19.1
    assert HISTORY.loc["1981-09-30", "cpi_inflation_pct"] == pytest.approx(10.97)


def test_monthly_means_agree_with_yields_monthly_where_both_run():
    monthly = data.load("yields_monthly")["y10y_pct"]
    both = HISTORY["y10y_pct"].reindex(monthly.index).dropna()
    assert len(both) > 250
    assert (both == monthly.loc[both.index]).all()


def test_the_high_is_a_day_of_its_month_and_above_the_mean():
    assert (HISTORY["y10y_high_pct"] >= HISTORY["y10y_pct"]).all()
    days = pd.DatetimeIndex(HISTORY["y10y_high_date"])
    assert (days.to_period("M") == HISTORY.index.to_period("M")).all()


def test_inflation_is_missing_where_it_cannot_be_computed():
    missing = HISTORY.index[HISTORY["cpi_inflation_pct"].isna()]
    assert list(missing.year[:12]) == [1980] * 12
    assert pd.Timestamp("2025-10-31") in missing  # CPI for October 2025 was not published
    assert HISTORY["cpi_inflation_pct"].loc["1981":].isna().sum() == 1


def test_a_raw_file_that_is_not_fred_is_refused():
    raw = {"DGS10": b"<html>error</html>", "FEDFUNDS": b"", "CPIAUCSL": b""}
    with pytest.raises(RawFormatError, match="DGS10"):
        data.build_dataset("rates_history", raw)
