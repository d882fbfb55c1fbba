"""Chapter 06c: the figures its prose and captions state, checked against the library and the
shipped data.

CONTRIBUTING.md, "Numbers in prose": each test recomputes a figure and looks for the sentence
that quotes it in the chapter's Markdown (line breaks and the \\\\$ of money ignored).
"""

import numpy as np
from chapter_text import chapter_prose

from lessons_lib import fiscal, market, reserves
from lessons_lib.exercises import ch06c as exercises

CALS = ("low", "central", "high")


def prose() -> str:
    return chapter_prose("06c", notes=False)


TEXT = prose()
FULL = reserves.estimates()


def volatility_pct(w: np.ndarray) -> float:
    return 100 * float(np.sqrt(w @ FULL.covariance @ w))


def test_the_reserves_window_duration_and_weights():
    assert f"{FULL.first_month:%B %Y} to {FULL.last_month:%B %Y}" == "February 2000 to July 2025"
    assert "Monthly averages, February 2000 to July 2025" in TEXT
    assert reserves.BOND_DURATION_YEARS == 8.0 and "its duration (8 years)" in TEXT
    free = reserves.min_variance_weights(FULL.covariance)
    floored = reserves.min_variance_weights(FULL.covariance, reserves.LIQUIDITY_FLOOR)
    assert free[2] > 0.5  # "mostly JGBs"
    assert abs(floored[0] - 0.5) < 1e-6 and abs(floored[2] - 0.5) < 1e-6  # half and half
    assert volatility_pct(floored) < 100 * FULL.volatilities[0]
    assert "the least-variance mix is mostly JGBs, and the floor keeps half in Treasuries" in TEXT
    assert "half in Treasuries and half in JGBs is less volatile than Treasuries alone" in TEXT


def test_jgbs_are_the_least_volatile_in_yen():
    assert int(np.argmin(FULL.volatilities)) == reserves.ASSETS.index("jgbs")
    assert FULL.volatilities[2] < 0.5 * np.sort(FULL.volatilities)[1]  # "by far"
    assert "**Reveal.** JGBs, by far." in TEXT


def test_the_floor_reveal():
    free = reserves.min_variance_weights(FULL.covariance)
    floored = reserves.min_variance_weights(FULL.covariance, 0.5)
    before, after = volatility_pct(free), volatility_pct(floored)
    assert (f"{before:.2f}", f"{after:.2f}") == ("2.60", "4.07")
    assert 0.4 < after / before - 1 < 0.65  # "by about a half"
    assert f"{free[0]:.0%}" == "7%"
    assert "**Reveal.** By about a half: from 2.60% to 4.07% a year." in TEXT
    assert "The no-floor mix holds only 7% in Treasuries" in TEXT


def test_the_goal_and_exercise_windows():
    assert exercises.FLOOR_PCT == 40 and round(exercises.JGB_WEIGHT_PCT) == 86
    assert "compares 2000-2012 with 2013-2025" in TEXT


def test_the_table_diversifying_is_the_same_sale():
    held = market.holder_size("japan").holdings_usd_bn
    floored = reserves.min_variance_weights(FULL.covariance, reserves.LIQUIDITY_FLOOR)
    moved = held * (1 - floored[0])
    lasting = [market.impact_parts(market.even_schedule(moved, 60), c,
                                   horizon_days=250).lasting_bp[-1] for c in CALS]
    assert (f"{lasting[0]:.1f}", f"{lasting[2]:.1f}") == ("3.1", "33.4")
    assert "as selling that amount at once, 3.1 to 33.4 bp" in TEXT
    assert "sold evenly over 60 days" in TEXT and "Moving Japan's holdings to the floor over 60" \
        in TEXT


def test_the_consolidation_range():
    base = fiscal.project()
    saved = [(base["interest_usd_bn"] - fiscal.project(
        primary_deficit_change_pct_gdp=-1.0, debt_feedback_bp_per_pp=fb)["interest_usd_bn"]).sum()
        for fb in (0.0, *fiscal.CBO_DEBT_FEEDBACK_BP_PER_PP)]
    assert (f"{saved[0]:,.0f}", f"{saved[-1]:,.0f}") == ("680", "1,071")
    assert "it cuts the bill by $680-1,071 billion whatever foreigners do" in TEXT
