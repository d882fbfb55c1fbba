"""The maturity profile's buckets, average maturity and duration (lessons_lib.maturity)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons_lib import bonds, data, maturity

PROFILE = data.load("maturity_profile")
KINDS = list(maturity.KIND_COLUMNS)


def small_profile(rows: list[list[float]], start: str = "2026-05-31") -> pd.DataFrame:
    index = pd.date_range(start, periods=len(rows), freq="ME", name="month_end")
    return pd.DataFrame(rows, index=index, columns=KINDS)


# ------------------------------------------------------------------------ by hand


def test_one_bill_by_hand() -> None:
    profile = small_profile([[0, 0, 0, 0, 0]] * 11 + [[100, 0, 0, 0, 0]])
    assert maturity.reference_date(profile) == pd.Timestamp("2026-04-30")
    assert maturity.average_maturity_years(profile) == pytest.approx(11.5 / 12)
    t = 11.5 / 12
    assert maturity.duration_years(profile, 0.04) == pytest.approx(t / 1.02)
    assert maturity.duration_years(profile, 0.04, "macaulay") == pytest.approx(t)
    assert maturity.buckets(profile)["share_pct"].tolist() == [100, 0, 0, 0, 0]


def test_par_bond_duration_is_that_of_bonds_py() -> None:
    """At whole half-years the closed form equals lessons_lib.bonds' modified duration."""
    for years in (0.5, 2.0, 10.0, 30.0):
        for y in (0.01, 0.04, 0.08):
            closed = maturity._par_bond_modified(np.array([years]), np.array([y]))[0]
            bond = bonds.Bond(coupon_rate=y, maturity_years=years)
            assert closed == pytest.approx(float(bonds.modified_duration(bond, y)), rel=1e-12)


def test_frns_have_almost_no_duration() -> None:
    profile = small_profile([[0, 0, 0, 0, 0]] * 23 + [[0, 0, 0, 0, 50]])
    assert maturity.duration_years(profile, 0.04) < 0.02
    assert maturity.average_maturity_years(profile) == pytest.approx(23.5 / 12)


# ------------------------------------------------------------------------ the shipped profile


def test_buckets_of_the_shipped_profile() -> None:
    table = maturity.buckets(PROFILE)
    assert list(table.index) == ["0-1y", "1-2y", "2-5y", "5-10y", "10y+"]
    assert table["amount_usd_bn"].sum() == pytest.approx(PROFILE["total_usd_bn"].sum())
    assert round(table.loc["0-1y", "share_pct"], 1) == 31.6
    within_year = PROFILE.loc[:"2027-04-30", "total_usd_bn"].sum()
    assert table.loc["0-1y", "amount_usd_bn"] == pytest.approx(within_year)


def test_average_maturity_against_treasurys_figure() -> None:
    """Measured: 71.8 months at end-April 2026 against 72 months (June 2025) in wam_marketable.

    The gap (-0.2 month) is within what the conventions explain: mid-month dating (month-end
    dating would add half a month: 72.3), bills counted (without them 89.4 months), TIPS at
    their inflation-adjusted principal (without TIPS 70.5), and ten months between the dates.
    """
    ours = maturity.average_maturity_years(PROFILE) * 12
    wam = data.load("wam_marketable").sort_index()["wam_months"].iloc[-1]
    assert round(ours, 1) == 71.8
    assert abs(ours - wam) < 1.0
    no_bills = PROFILE.assign(bills_usd_bn=0.0)
    assert maturity.average_maturity_years(no_bills) * 12 > wam + 12


def test_duration_at_four_percent() -> None:
    """Measured: 4.44 years modified (4.53 Macaulay) at 4%, against 5.99 years of maturity."""
    duration = maturity.duration_years(PROFILE, 0.04)
    assert round(duration, 2) == 4.44
    assert 3.5 < duration < 5.0
    assert round(maturity.duration_years(PROFILE, 0.04, "macaulay"), 2) == 4.53
    assert duration < maturity.average_maturity_years(PROFILE) - 1.5


def test_a_curve_as_yields() -> None:
    flat = maturity.duration_years(PROFILE, 0.04)
    same = maturity.duration_years(PROFILE, lambda t: np.full(t.shape, 0.04))
    per_month = maturity.duration_years(PROFILE, np.full(len(PROFILE), 0.04))
    assert same == pytest.approx(flat) and per_month == pytest.approx(flat)
    upward = maturity.duration_years(PROFILE, lambda t: 0.035 + 0.001 * np.minimum(t, 10))
    assert 3.5 < upward < 5.0


@pytest.mark.parametrize(("yields", "match"), [
    (0.0, "yields must be"),
    (-0.01, "yields must be"),
    (3.0, "yields must be"),
    ("4%", "yields must be"),
    (np.full(3, 0.04), "one per month"),
])
def test_bad_yields_name_the_argument_and_range(yields: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        maturity.duration_years(PROFILE, yields)  # type: ignore[arg-type]


def test_bad_profiles_are_named() -> None:
    with pytest.raises(ValueError, match="profile must have the columns"):
        maturity.buckets(PROFILE.drop(columns="tips_usd_bn"))
    with pytest.raises(ValueError, match="without gaps"):
        maturity.average_maturity_years(PROFILE.drop(PROFILE.index[3]))
    with pytest.raises(ValueError, match="at least 0"):
        maturity.buckets(PROFILE.assign(bills_usd_bn=-1.0))
    with pytest.raises(ValueError, match="measure must be one of"):
        maturity.duration_years(PROFILE, 0.04, "effective")


# ------------------------------------------------------------------------ properties

positive_yields = st.floats(min_value=0.001, max_value=0.2)
scales = st.lists(st.floats(min_value=0.0, max_value=3.0), min_size=5, max_size=5)


def scaled(factors: list[float]) -> pd.DataFrame:
    """The shipped profile with each kind scaled: other portfolios of the same shape."""
    profile = PROFILE[KINDS] * np.array(factors)
    if profile.to_numpy().sum() == 0:
        profile["notes_usd_bn"] = PROFILE["notes_usd_bn"]
    return profile


@settings(max_examples=60, deadline=None)
@given(y=positive_yields, factors=scales)
def test_duration_is_below_average_maturity(y: float, factors: list[float]) -> None:
    profile = scaled(factors)
    assert maturity.duration_years(profile, y) < maturity.average_maturity_years(profile)
    assert maturity.duration_years(profile, y, "macaulay") <= (
        maturity.average_maturity_years(profile) + 1e-12)


@settings(max_examples=60, deadline=None)
@given(y=positive_yields, step=st.floats(min_value=0.001, max_value=0.05))
def test_duration_falls_as_yields_rise(y: float, step: float) -> None:
    assert maturity.duration_years(PROFILE, y + step) < maturity.duration_years(PROFILE, y)


@settings(max_examples=60, deadline=None)
@given(factors=scales, shift=st.integers(min_value=0, max_value=340))
def test_buckets_sum_to_the_total(factors: list[float], shift: int) -> None:
    profile = scaled(factors).iloc[shift:]
    if profile.to_numpy().sum() == 0:
        return
    profile.index.name = "month_end"
    table = maturity.buckets(profile)
    assert table["amount_usd_bn"].sum() == pytest.approx(profile.to_numpy().sum())
    assert table["share_pct"].sum() == pytest.approx(100.0)
