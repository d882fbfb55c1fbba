"""The dollar helpers (lessons_lib.dollar): the yield's parts beside the dollar, a borrower's
dollar debt service worked by hand, official gold summed over steady reporters."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons_lib import curve, data, dollar

# ------------------------------------------------------------------------------ the windows


def test_yield_and_dollar_reuses_the_curve_decomposition() -> None:
    start, end = dollar.WINDOWS["2022"]
    window = dollar.yield_and_dollar(start, end)
    parts = curve.decompose_change(data.load("yield_curve_daily"),
                                   data.load("term_premium_daily"), start, end)
    assert window.yield_change_points == parts.yield_change_points
    assert window.term_premium_change_points == parts.term_premium_change_points
    index = data.load("fx_daily")["usd_broad_index"].dropna()
    first, last = index.loc[:"2021-12-31"].iloc[-1], index.loc[:"2022-12-30"].iloc[-1]
    assert window.broad_dollar_start == first and window.broad_dollar_end == last
    assert window.broad_dollar_change_pct == pytest.approx(100 * (last / first - 1))


def test_2022_and_april_2025_point_in_opposite_directions() -> None:
    year_2022 = dollar.yield_and_dollar(*dollar.WINDOWS["2022"])
    april = dollar.yield_and_dollar(*dollar.WINDOWS["april_2025"])
    # 2022: the 10-year rose by more than 2 points, almost all expected rates; the dollar rose
    assert year_2022.yield_change_points > 2.0
    assert year_2022.expected_change_points > 0.9 * year_2022.yield_change_points
    assert year_2022.broad_dollar_change_pct > 4.0
    assert year_2022.jpy_per_usd_change_pct > 10.0
    # April 2025: the yield rose on term premium (more than the whole rise), the dollar fell
    assert april.yield_change_points > 0
    assert april.term_premium_change_points > april.yield_change_points
    assert april.expected_change_points < 0
    assert april.broad_dollar_change_pct < -1.0
    assert april.jpy_per_usd_change_pct < -3.0


def test_a_window_before_the_dollar_index_is_refused() -> None:
    with pytest.raises(ValueError, match="^start_date must be on or after 2006-01-02"):
        dollar.yield_and_dollar("2001-01-02", "2001-06-29")
    with pytest.raises(ValueError, match="end_date"):
        dollar.yield_and_dollar("2025-04-11", "2025-04-02")


# ------------------------------------------------------------------------------ dollar debt


def test_dollar_debt_service_by_hand() -> None:
    # the docstring's borrower: 60% of GDP, a quarter in dollars, 2% + 3%, 30% repriced;
    # US rates +2 points and the dollar +20%
    s = dollar.dollar_debt_service(**dollar.STYLISED_BORROWER, us_rate_change=0.02,
                                   dollar_change_pct=20.0)
    assert s.debt_before_pct_gdp == pytest.approx(15.0)
    assert s.debt_after_pct_gdp == pytest.approx(18.0)
    assert s.interest_before_pct_gdp == pytest.approx(0.75)
    assert s.interest_after_pct_gdp == pytest.approx(18 * 0.056)  # 1.008
    assert s.from_currency_pct_gdp == pytest.approx(0.15)
    assert s.from_rates_pct_gdp == pytest.approx(0.09)
    assert s.interaction_pct_gdp == pytest.approx(0.018)


def test_nothing_repriced_leaves_only_the_currency() -> None:
    s = dollar.dollar_debt_service(50.0, 0.4, 0.03, 0.02, 0.0, 0.03, 10.0)
    assert s.from_rates_pct_gdp == 0.0 and s.interaction_pct_gdp == 0.0
    assert s.interest_after_pct_gdp == pytest.approx(20 * 1.1 * 0.05)
    # a wider spread on what is repriced counts like a higher US rate
    wider = dollar.dollar_debt_service(50.0, 0.4, 0.03, 0.02, 0.5, 0.0, 0.0, spread_change=0.02)
    higher = dollar.dollar_debt_service(50.0, 0.4, 0.03, 0.02, 0.5, 0.02, 0.0)
    assert wider.interest_after_pct_gdp == pytest.approx(higher.interest_after_pct_gdp)


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 200), st.floats(0, 1), st.floats(0, 0.1), st.floats(0, 0.1),
       st.floats(0, 1), st.floats(-0.05, 0.1), st.floats(-30, 100))
def test_the_parts_add_up(debt, share, rate, spread, repriced, dr, dx) -> None:
    s = dollar.dollar_debt_service(debt, share, rate, spread, repriced, dr, dx)
    change = s.interest_after_pct_gdp - s.interest_before_pct_gdp
    assert change == pytest.approx(
        s.from_currency_pct_gdp + s.from_rates_pct_gdp + s.interaction_pct_gdp, abs=1e-9)
    if dr >= 0 and dx >= 0:
        assert change >= -1e-12  # dearer dollars and higher rates never lower the bill


def test_changes_broadcast() -> None:
    s = dollar.dollar_debt_service(60.0, 0.25, 0.02, 0.03, 0.3, np.array([0.0, 0.01, 0.02]),
                                   np.array([[0.0], [20.0]]))
    assert np.shape(s.interest_after_pct_gdp) == (2, 3)
    assert np.shape(s.from_rates_pct_gdp) == (2, 3)


@pytest.mark.parametrize("kwargs, name", [
    ({"dollar_share": 25.0}, "dollar_share"),
    ({"us_rate": 2.0}, "us_rate"),
    ({"spread": -0.01}, "spread"),
    ({"repricing_share": 1.5}, "repricing_share"),
    ({"us_rate_change": 2.0}, "us_rate_change"),
    ({"dollar_change_pct": -80.0}, "dollar_change_pct"),
    ({"debt_pct_gdp": -5.0}, "debt_pct_gdp"),
])
def test_bad_input_is_named(kwargs, name) -> None:
    args = {**dollar.STYLISED_BORROWER, "us_rate_change": 0.02, "dollar_change_pct": 20.0,
            **kwargs}
    with pytest.raises(ValueError, match=rf"^{name} must be"):
        dollar.dollar_debt_service(**args)


# ------------------------------------------------------------------------------ gold


def test_gold_changes_count_only_countries_reporting_at_both_ends() -> None:
    gold = dollar.gold_changes()
    # the dataset's notes give these sums over the countries reporting at both year-ends
    assert gold.loc[2022, "change_tonnes"] == pytest.approx(414.9, abs=0.05)
    assert gold.loc[2023, "change_tonnes"] == pytest.approx(417.0, abs=0.05)
    assert gold.loc[2024, "change_tonnes"] == pytest.approx(313.5, abs=0.05)
    notes = data.describe("gold_reserves").spec.notes
    assert "+414.9 t in 2022, +417.0 t in 2023 and +313.5 t in 2024" in notes
    assert gold.loc[2024, "countries"] == 107
    assert np.allclose(gold["end_tonnes"] - gold["start_tonnes"], gold["change_tonnes"])
    # the reported buying is well below the World Gold Council's estimates of about 1,000 t
    wgc = data.load("cb_gold_purchases")["net_purchases_tonnes"]
    for year in (2022, 2023, 2024):
        assert gold.loc[year, "change_tonnes"] < 0.5 * wgc.loc[year]
