"""Chapter 04b: the figures its prose and captions state, checked against the library and the
shipped data.

CONTRIBUTING.md, "Numbers in prose": each test recomputes a figure and looks for the sentence
that quotes it in the chapter's Markdown (line breaks and the \\\\$ of money ignored).
"""

import pandas as pd
import pytest
from chapter_text import chapter_prose

from lessons_lib import curve, data, fiscal


def prose() -> str:
    return chapter_prose("04b")


CBO = data.load("cbo_baseline")
RG = fiscal.r_minus_g_cbo()


def test_the_retrieval_question_compares_the_first_year_with_one_percent_of_the_debt():
    added = fiscal.rate_shock(1.0).added_interest_usd_bn[2026]
    one_pct = 0.01 * CBO.loc[2025, "debt_held_by_public_usd_bn"]
    assert round(added, 1) == 74.5 and round(one_pct) == 301
    assert added < one_pct / 3
    assert "Does FY2026's interest rise by about 1% of the whole debt?" in prose()


def test_the_worked_example_misses_cbo_by_two_tenths_of_a_point():
    b0 = CBO.loc[2025, "debt_held_by_public_pct_gdp"] / 100
    pb = -CBO.loc[2026, "primary_deficit_usd_bn"] / CBO.loc[2026, "gdp_usd_bn"]
    b1 = fiscal.next_debt_ratio(b0, RG.loc[2026, "effective_rate"], RG.loc[2026, "growth"], pb)
    gap = CBO.loc[2026, "debt_held_by_public_pct_gdp"] - 100 * b1
    assert round(gap, 1) == 0.2
    # the gap is the debt's growth beyond the deficit (other means of financing)
    debt = CBO["debt_held_by_public_usd_bn"]
    other = debt[2026] - debt[2025] - CBO.loc[2026, "deficit_usd_bn"]
    assert other > 0
    assert "one reason for its 0.2 points more" in prose()


def test_r_minus_g_in_history_and_in_cbo_s_baseline():
    history = fiscal.r_minus_g_history()["r_minus_g_points"]
    assert (history.index[0], history.index[-1]) == (2001, 2025)
    above = history[history > 0]
    assert list(above.index) == [2001, 2002, 2003, 2008, 2009, 2020]
    ahead = RG.loc[2026:2035, "r_minus_g_points"]
    assert (ahead < 0).all()
    assert round(ahead[2026], 2) == -0.64 and round(ahead[2035], 2) == -0.20
    text = prose()
    assert "r exceeded g in 6 of 25 years, in and after recessions; CBO's stays below zero" in text
    assert "CBO's r - g is -0.64 points in FY2026" in text
    assert "In CBO's baseline it is negative every year" in text


def test_a_balanced_primary_budget_would_let_the_ratio_fall():
    ahead = RG.loc[2026:2035]
    b0 = CBO.loc[2025, "debt_held_by_public_pct_gdp"] / 100
    balanced = fiscal.debt_ratio_path(b0, ahead["effective_rate"], ahead["growth"], 0.0, 10)
    assert balanced[-1] < b0
    assert "with a balanced primary budget the ratio would fall" in prose()


def test_the_shock_that_flips_r_minus_g():
    flip = fiscal.flip_shock_points()
    assert round(flip[2026], 2) == 2.58 and round(flip[2035], 2) == 0.22
    assert round(flip[2030], 2) == 0.42
    assert round(flip[2026] / -RG.loc[2026, "r_minus_g_points"]) == 4
    assert flip.is_monotonic_decreasing
    text = prose()
    assert "Four times the gap in FY2026" in text
    assert "(2.58 points in FY2026, 0.22 by FY2035)" in text


def test_the_feedback_of_debt_on_yields_as_a_range():
    assert fiscal.CBO_DEBT_FEEDBACK_BP_PER_PP == (2.0, 3.0)
    base = fiscal.project().loc[2035]
    runs = {bp: fiscal.project(shock_points=1.0, debt_feedback_bp_per_pp=bp).loc[2035]
            for bp in (0.0, 2.0, 3.0)}
    added = {bp: runs[bp]["interest_usd_bn"] - runs[0.0]["interest_usd_bn"] for bp in (2.0, 3.0)}
    debt = {bp: runs[bp]["debt_pct_gdp"] - runs[0.0]["debt_pct_gdp"] for bp in (2.0, 3.0)}
    assert (round(added[2.0]), round(added[3.0])) == (53, 81)
    assert (round(debt[2.0], 1), round(debt[3.0], 1)) == (0.4, 0.6)
    assert round(runs[0.0]["debt_pct_gdp"], 1) == 126.0 and round(base["debt_pct_gdp"], 1) == 118.5
    text = prose()
    assert "The shock lifts FY2035's debt to 126.0% of GDP (CBO: 118.5%)" in text
    assert "the feedback adds $53-81 billion to that year's interest and 0.4-0.6 points" in text
    assert "about 2 to 3 basis points" in text


def test_figure_2_the_turn_in_the_fed_s_remittances():
    remit = data.load("fed_remittances")["remittances_due_usd_bn"]
    last = remit[remit >= 0].index[-1]
    assert last == pd.Timestamp("2022-08-31")
    dips = remit[:last][remit[:last] < 0]
    assert set(dips.index.year) == {2011} and len(dips) == 4  # two spells of two weeks
    assert remit.index[-1] == pd.Timestamp("2022-12-14") and round(remit.iloc[-1], 1) == -14.3
    text = prose()
    assert "Apart from two brief dips in 2011, it turned negative after 31 August 2022" in text
    assert "-$14.3 billion by 14 December" in text
    assert "From September 2022 the Fed paid more" in text


def test_the_fed_s_share_of_the_debt():
    share = fiscal.fed_share_of_debt()["fed_share_pct"]
    assert round(share[2024], 1) == 15.5 and round(share[2035], 1) == 19.1
    stated = "The Fed holds 15.5% of the debt held by the public in FY2024, 19.1% by FY2035"
    assert stated in prose()


@pytest.fixture(scope="module")
def moves():
    daily, premium = data.load("yield_curve_daily"), data.load("term_premium_daily")
    ratings = data.load("events").query("category == 'rating_action'").index
    out = {}
    for day in ratings:
        week = curve.decompose_change(daily, premium, day, day + pd.Timedelta(days=7))
        month = curve.decompose_change(daily, premium, day, day + pd.DateOffset(months=1))
        out[day.year] = (week, month)
    return out


def test_the_three_rating_actions_are_in_the_events():
    ratings = data.load("events").query("category == 'rating_action'")
    assert [f"{d:%Y-%m-%d}" for d in ratings.index] == ["2011-08-05", "2023-08-01", "2025-05-16"]
    assert ["AA+" in e for e in ratings["event"]] == [True, True, False]
    assert "Aa1" in ratings["event"].iloc[2]
    text = prose()
    assert ("When A appeared (15 April 2025), S&P (since 2011) and Fitch (since August 2023) "
            "rated the US AA+; only Moody's kept Aaa, until 16 May 2025") in text


def test_the_reveal_after_each_downgrade(moves):
    week_2011, month_2011 = moves[2011]
    assert round(100 * week_2011.yield_change_points) == -34
    assert week_2011.term_premium_change_points < week_2011.yield_change_points  # more than all
    week_2023, month_2023 = moves[2023]
    assert round(100 * week_2023.yield_change_points) == -3
    assert round(100 * month_2023.yield_change_points) == 13
    week_2025, _ = moves[2025]
    assert round(100 * week_2025.yield_change_points) == 8
    ten = data.load("yield_curve_daily")["y10y_pct"]
    assert ten.loc["2023-08":"2023-12"].idxmax() == pd.Timestamp("2023-10-19")
    assert ten.loc["2023-10-19"] == 4.98
    germany = data.load("global_rates")["de_10y_pct"]
    assert germany["2011-08"].iloc[0] < germany["2011-07"].iloc[0]
    tens = data.load("auctions").query("not reopening")["offering_usd_bn"]
    assert (tens["2023-05"].iloc[0], tens["2023-08"].iloc[0]) == (35.0, 38.0)
    text = prose()
    assert "-34 basis points in the week, more than all of it term premium" in text
    assert "-3 in the week, +13 in the month" in text
    assert "+8 in the week" in text
    assert "carried the 10-year to 4.98% in October" in text
    assert "The week's move ran from -34 to +8 basis points" in text


def test_the_explorer_s_reveal_and_exercise_04b_4():
    from lessons_lib.exercises import ch04b

    cut = fiscal.project(shock_points=1.0, primary_deficit_change_pct_gdp=-0.75).loc[2035]
    faster = fiscal.project(shock_points=1.0, growth_change_points=0.75).loc[2035]
    cbo_2035 = fiscal.project().loc[2035, "debt_pct_gdp"]
    assert abs(cut["debt_pct_gdp"] - cbo_2035) < 1 and abs(faster["debt_pct_gdp"] - cbo_2035) < 1
    assert faster["r_minus_g_points"] < 0 < cut["r_minus_g_points"]
    assert round(ch04b.TARGET_PCT_GDP, 1) == 99.9
    text = prose()
    assert "About three quarters of a point a year" in text
    assert "faster growth also takes r - g back below zero" in text
    assert "back to the end of FY2025's 99.9% of GDP" in text
