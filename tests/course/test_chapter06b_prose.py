"""Chapter 06b: the figures its prose and captions state, checked against the library and the
shipped data.

CONTRIBUTING.md, "Numbers in prose": each test recomputes a figure and looks for the sentence
that quotes it in the chapter's Markdown (line breaks and the \\\\$ of money ignored).
"""

import numpy as np
from chapter_text import chapter_prose

from lessons_lib import execution, fiscal, holder, market
from lessons_lib.explorers.ch06b import ExecutionExplorer


def prose() -> str:
    return chapter_prose("06b", notes=False)


TEXT = prose()
CALS = ("low", "central", "high")
HELD = market.holder_size("japan")
SALE = float(market.holder_sale_usd_bn("japan", 50))


def expected(calibration: str, trajectory: np.ndarray) -> float:
    p = execution.treasury_parameters(calibration)
    return execution.schedule_cost(trajectory, 20, p.sigma, p.eta, p.gamma).expected_usd_bn


def test_the_sale_is_half_of_japans_latest_holdings():
    assert f"{SALE:.2f}" == "592.75" and HELD.month_end.strftime("%B %Y") == "December 2025"
    assert "% of $592.75 billion, half of Japan's Treasuries in the December 2025 TIC table" in TEXT


def test_the_savings_are_a_range_over_the_calibrations():
    fire, even = execution.fire_sale(SALE, 20), execution.even_trajectory(SALE, 20)
    model = [100 * (1 - expected(c, even) / expected(c, fire)) for c in CALS]
    ch02 = [100 * (1 - holder.sale_cost(HELD.holdings_usd_bn, 50, 20, c).shortfall_usd_bn
                   / holder.sale_cost(HELD.holdings_usd_bn, 50, 1, c).shortfall_usd_bn)
            for c in CALS]
    assert (round(min(model)), round(max(model))) == (61, 78)
    assert (round(min(ch02)), round(max(ch02))) == (8, 20)
    assert "The execution model saves 61-78% of the fire sale's cost; chapter 02's, 8-20%." in TEXT
    assert ("spares the seller 61-78% of its own impact cost in the execution model (8-20% in"
            in TEXT)
    assert 0.6 < model[1] / 100 < 0.7  # "about two thirds"
    assert "**Reveal.** In this model about two thirds." in TEXT


def test_the_lasting_rise_is_the_same_for_both_schedules():
    for days in (1, 20):
        lasting = [market.impact_parts(market.even_schedule(SALE, days), c,
                                       horizon_days=250).lasting_bp[-1] for c in CALS]
        assert (f"{lasting[0]:.1f}", f"{lasting[2]:.1f}") == ("3.1", "33.4")
    assert "the same 3.1 to 33.4 bp for a one-day or a 20-day sale" in TEXT


def test_the_explorer_goal_quoted_in_the_reveal():
    explorer = ExecutionExplorer()
    sold = {cal: 100 - 100 * explorer.schedules(20, step, cal)["optimal"][2] / SALE
            for cal, step in ((2, -1.25), (3, 0.0))}
    assert all(abs(v - 50) < 1 for v in sold.values())
    assert round(10 ** -1.25, 3) == 0.056
    assert "In the central calibration about 0.056 (10^-1.25), in the high about 1" in TEXT


def test_the_consolidation_range_and_cbos_debt_ratio():
    base = fiscal.project()
    saved = [(base["interest_usd_bn"] - fiscal.project(
        primary_deficit_change_pct_gdp=-1.0, debt_feedback_bp_per_pp=fb)["interest_usd_bn"]).sum()
        for fb in (0.0, *fiscal.CBO_DEBT_FEEDBACK_BP_PER_PP)]
    assert (f"{saved[0]:,.0f}", f"{saved[-1]:,.0f}") == ("680", "1,071")
    assert "over FY2026-2035 it saves $680-1,071 billion of interest" in TEXT
    assert "saves $680-1,071 billion of interest over FY2026-2035" in TEXT
    assert fiscal.CBO_DEBT_FEEDBACK_BP_PER_PP == (2.0, 3.0)
    assert "CBO's feedback from debt to yields (2 to 3 bp a point of debt/GDP)" in TEXT


def test_the_frontier_caption_states_the_risk_aversions_drawn():
    assert "aversions from 0.0001 to 10 per $ billion" in TEXT


def test_chapter_02_s_short_run_part_halves_over_10_to_40_days():
    half_lives = sorted(c.half_life_days for c in market.CALIBRATIONS.values())
    assert (half_lives[0], half_lives[-1]) == (10.0, 40.0)
    assert "halves over 10 to 40 days" in TEXT
