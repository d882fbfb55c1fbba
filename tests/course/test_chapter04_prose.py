"""Chapter 04: the figures its prose and captions state, checked against the library and the
shipped data.

CONTRIBUTING.md, "Numbers in prose": each test recomputes a figure and looks for the sentence
that quotes it in the chapter's Markdown (line breaks and the \\\\$ of money ignored).
"""

import numpy as np
import pytest
from chapter_text import chapter_prose
from scipy.optimize import brentq

from lessons_lib import curve, data, fiscal, market


def prose(chapter_id: str, solutions: bool = False) -> str:
    return chapter_prose(chapter_id, solutions)


TEXT = prose("04")
CBO = fiscal.project()
BUDGET = data.load("budget_fy")
INPUTS = fiscal.cbo_inputs()
REVENUE = INPUTS.baseline["revenues_usd_bn"]


def run(yields):
    return fiscal.rollover(INPUTS.profile, yields, INPUTS.monthly_primary_deficit_usd_bn,
                           months=120, kind_rates=INPUTS.kind_rates).by_year


def test_figure_1_interest_shares_of_revenue_and_outlays():
    revenue = 100 * BUDGET["net_interest_usd_bn"] / BUDGET["receipts_usd_bn"]
    outlays = 100 * BUDGET["net_interest_usd_bn"] / BUDGET["outlays_usd_bn"]
    assert revenue.idxmin() == 2015 and f"lowest in FY2015 ({revenue.min():.1f}%)" in TEXT
    assert (revenue.loc[2022:].diff().dropna() > 0).all()  # "climbed since FY2022"
    assert (outlays.loc[2022:].diff().dropna() > 0).all()
    assert (f"in FY2025, {revenue[2025]:.1f}% of revenue and {outlays[2025]:.1f}% of outlays"
            in TEXT)
    row = CBO.loc[2030]
    pair = f"{row.interest_pct_revenue:.1f}% and {row.interest_pct_outlays:.1f}%"
    assert f"in CBO's 2030, {pair}" in TEXT
    assert (f"In CBO's 2030, {row.interest_pct_revenue:.1f}% of revenue is "
            f"{row.interest_pct_outlays:.1f}% of outlays") in TEXT
    assert round(row.interest_pct_revenue) == 20 and round(row.interest_pct_outlays) == 15
    assert "about a fifth of revenue in CBO's 2030 and about 15% of outlays" in TEXT


def test_a_lasting_point_against_the_all_at_once_mistake():
    one = fiscal.rate_shock(1.0).added_interest_usd_bn
    before = data.load("cbo_baseline")["debt_held_by_public_usd_bn"].shift(1)
    assert f"${one[2026]:.1f} billion in FY2026, a quarter of the ${0.01 * before[2026]:.0f}" \
        " billion" in TEXT
    assert round(one[2026] / (0.01 * before[2026]), 1) == 0.2  # a quarter, near enough
    assert f"By FY2035 the model adds ${one[2035]:.0f} billion, more than 1% of the debt" in TEXT
    assert one[2035] > 0.01 * before[2035]
    assert (f"a lasting point adds ${one[2026]:.1f} billion in the first year, not "
            f"${0.01 * before[2026]:.0f} billion, and ${one[2035]:.0f} billion by FY2035") in TEXT


def test_cbo_rule_of_thumb():
    total = fiscal.rate_shock(fiscal.CBO_RULE_SHOCK_POINTS).total_usd_bn
    assert f"about ${fiscal.CBO_RULE_OF_THUMB_USD_BN:.0f} billion to deficits" in TEXT
    assert abs(total / fiscal.CBO_RULE_OF_THUMB_USD_BN - 1) < 0.1  # "within a tenth"
    assert "The model comes within a tenth of CBO" in TEXT


def test_japan_selling_all_against_a_lasting_point():
    share = market.share_of_market_pct(market.holder_sale_usd_bn("japan", 100))
    totals = {name: fiscal.rate_shock(market.CALIBRATIONS[name].lasting_bp_per_pp * share / 100)
              .total_usd_bn for name in ("central", "high")}
    one = fiscal.rate_shock(1.0).total_usd_bn
    assert (f"adds ${totals['central']:.0f} billion over ten years at chapter 02's central "
            f"calibration and ${totals['high']:,.0f} billion at its high one") in TEXT
    assert round(12 * totals["central"] / one) == 1 and round(3 * totals["high"] / one) == 2
    assert "a twelfth to two thirds of a lasting point" in TEXT


def test_the_articles_14_4_percent_rolled_through_the_debt():
    share = 100 * run(0.144)["interest_usd_bn"] / REVENUE
    assert share[2030] > 80 and "passes four fifths of revenue by 2030" in TEXT
    at_once = 0.144 * INPUTS.start_debt_usd_bn / REVENUE[2026]
    assert f"{share[2026]:.0f}% of revenue in FY2026, not the {100 * at_once:.0f}%" in TEXT


def test_the_fed_and_the_term_premium():
    kept = curve.outstanding_shares(INPUTS.profile)
    assert round(5 * kept.bills) == 1 and "Bills are about a fifth of the debt" in TEXT
    assert fiscal.issuance_shares(kept).bills > 0.5  # "most of what the Treasury sells"
    maturities = np.array(fiscal.ISSUE_MATURITIES_YEARS)
    base = INPUTS.yields.to_numpy()
    reference = run(INPUTS.yields)["interest_usd_bn"][2026]
    short = run(base + 0.01 * (maturities < 1))["interest_usd_bn"][2026] - reference
    long = run(base + 0.01 * (maturities >= 10))["interest_usd_bn"][2026] - reference
    solutions = prose("04", solutions=True)
    assert round(short, -1) == 60 and round(long) == 4
    assert "adds about $60 billion in FY2026 against about $4 billion" in solutions


def test_explorer_reveal():
    assert CBO.loc[2035, "interest_pct_revenue"] < 25
    half = fiscal.project(0.5)
    quarter = fiscal.project(0.25)
    assert half.loc[2035, "interest_pct_revenue"] > 25 > half.loc[2030, "interest_pct_revenue"]
    assert quarter.loc[2035, "interest_pct_revenue"] < 25
    assert "Half a point is enough by FY2035 (not by 2030)" in TEXT
    target = CBO.loc[2035, "debt_pct_gdp"]
    growth = fiscal.project(1.0, growth_change_points=0.75).loc[2035, "debt_pct_gdp"]
    deficit = fiscal.project(1.0, primary_deficit_change_pct_gdp=-0.75).loc[2035, "debt_pct_gdp"]
    assert abs(growth - target) < 1 and abs(deficit - target) < 1
    assert "growth about 0.75 point a year faster, or by a primary deficit about 0.75%" in TEXT


def test_claim_check_20_percent_of_the_budget_by_2030():
    row = CBO.loc[2030]
    assert f"passes 20% in 2030 ({row.interest_pct_revenue:.1f}%)" in TEXT
    assert f"it reaches {row.interest_pct_outlays:.1f}%" in TEXT
    needed = brentq(lambda s: fiscal.project(s).loc[2030, "interest_pct_outlays"] - 20, 0, 5,
                    xtol=1e-3)
    assert f"about {needed:.2f} points above CBO's path" in TEXT
    outlays = 100 * BUDGET["net_interest_usd_bn"] / BUDGET["outlays_usd_bn"]
    assert f"{outlays.loc[2000:2019].mean():.1f}% on average in FY2000-2019" in TEXT
    assert 6 <= outlays.loc[2000:2019].mean() <= 8


def test_claim_check_36_trillion_at_4_5_percent():
    debt = data.load("federal_debt_fy").loc[2024]
    total, public = debt["total_public_debt_usd_bn"], debt["debt_held_by_public_usd_bn"]
    assert f"(${total / 1000:.2f} trillion at the end of FY2024)" in TEXT
    assert round((total - public) / 1000) == 7 and "about $7 trillion" in TEXT
    receipts = BUDGET.loc[2025, "receipts_usd_bn"]
    assert f"({0.045 * public / receipts:.0%} of FY2025's)" in TEXT
    share = 100 * run(0.045)["interest_usd_bn"] / REVENUE
    assert f"gets there in FY{share[share > 25].index[0]}" in TEXT
    below = INPUTS.baseline["net_interest_usd_bn"] - run(INPUTS.yields)["interest_usd_bn"]
    assert f"${below.min():.0f}-{below.max():.0f} billion a year below CBO's" in TEXT


@pytest.mark.parametrize("term", ["net-interest", "revenue", "outlays", "fiscal-year"])
def test_the_chapter_links_its_new_terms(term):
    assert f"(../docs/glossary.md#{term})" in TEXT
