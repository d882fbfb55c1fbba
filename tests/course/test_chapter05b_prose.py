"""Chapter 05b: the figures its prose and captions state, checked against the library and the
shipped data.

CONTRIBUTING.md, "Numbers in prose": each test recomputes a figure and looks for the sentence
that quotes it in the chapter's Markdown (line breaks and the \\\\$ of money ignored).
"""

import pandas as pd
from chapter_text import chapter_prose

from lessons_lib import curve, data, dollar
from lessons_lib.explorers.ch05b import DollarDebtExplorer


def prose() -> str:
    return chapter_prose("05b", notes=False)


TEXT = prose()
DAILY = data.load("yield_curve_daily")
FX = data.load("fx_daily")
YEAR = dollar.yield_and_dollar(*dollar.WINDOWS["2022"])
APRIL = dollar.yield_and_dollar(*dollar.WINDOWS["april_2025"])
COFER = data.load("cofer_shares")
USD = COFER["usd_share_pct"]
EURO = COFER["eur_share_pct"]
END_2000 = pd.Timestamp("2000-12-31")


def test_the_retrieval_question_quotes_chapter_03s_week():
    week = curve.decompose_change(DAILY, data.load("term_premium_daily"), "2025-04-04",
                                  "2025-04-11")
    assert round(100 * week.yield_change_points) == 47
    assert "the 10-year yield rose 47 basis points" in TEXT


def test_2022_and_april_2025_beside_the_dollar():
    assert (f"Over 2022 the 10-year yield rose {YEAR.yield_change_points:.2f} points and the "
            f"broad dollar rose {YEAR.broad_dollar_change_pct:.1f}%") in TEXT
    assert YEAR.expected_change_points / YEAR.yield_change_points > 0.9  # "nearly all"
    assert "In 2022 expected short rates did nearly all of the rise, and the dollar rose" in TEXT
    assert APRIL.yield_change_points > 0 > APRIL.expected_change_points
    assert APRIL.term_premium_change_points > APRIL.yield_change_points
    assert (f"the term premium rose by more than the whole rise and the broad dollar fell "
            f"{-APRIL.broad_dollar_change_pct:.1f}%") in TEXT
    peak = FX.loc["2022", "usd_broad_index"].idxmax()
    assert f"the dollar to a peak on {peak:%-d %B}" in TEXT and peak.year == 2022
    assert "in April 2025 the yield rose as the dollar fell" in TEXT
    assert (f"Right when expected policy rates drove the yield (2022, dollar "
            f"{YEAR.broad_dollar_change_pct:+.1f}%), wrong in April 2025 (dollar "
            f"{APRIL.broad_dollar_change_pct:.1f}%)") in TEXT


def test_japan_sold_dollars_and_the_dollar_rose_in_2022():
    japan = data.load("japan_interventions").loc["2022"]
    assert japan["amount_usd_bn"].sum() > 0 and (japan["sold_currency"] == "USD").all()
    assert YEAR.broad_dollar_change_pct > 0
    assert ("The largest foreign holder of Treasuries sold dollars, and the dollar still rose "
            "over 2022") in TEXT


def test_term_premium_rises_that_came_with_a_stronger_dollar():
    late_2024 = dollar.yield_and_dollar("2024-09-16", "2025-01-13")
    autumn = dollar.yield_and_dollar("2023-07-31", "2023-10-19")
    assert late_2024.yield_change_points > 0  # "when yields rose anyway"
    assert "the Fed's cuts of late 2024, when yields rose anyway" in TEXT
    for window in (late_2024, autumn):
        assert window.term_premium_change_points > 0.5 * window.yield_change_points > 0
        assert window.broad_dollar_change_pct > 0
    assert ("In autumn 2023 (05b.4) and late 2024 a rising term premium came with a stronger "
            "dollar") in TEXT


def test_the_stylised_borrower_as_stated():
    b = dollar.STYLISED_BORROWER
    assert (b["debt_pct_gdp"], b["dollar_share"], b["us_rate"], b["spread"],
            b["repricing_share"]) == (60.0, 0.25, 0.02, 0.03, 0.3)
    assert ("public debt 60% of GDP, a quarter in dollars, paying the US rate of 2% plus a "
            "3-point spread, 30% of its dollar debt repriced within the year") in TEXT
    debt = b["debt_pct_gdp"] * b["dollar_share"]
    assert debt == 15 and round(b["us_rate"] + b["spread"], 2) == 0.05
    assert "(15 × 0.20 × 5%)" in TEXT and "(15 × 0.30 × 2 points)" in TEXT


def test_the_explorers_goal_and_the_yen_in_2022():
    explorer = DollarDebtExplorer()
    base = explorer.service(0.0, 0.0).interest_before_pct_gdp
    two_points = float(explorer.service(2.0, 0.0).interest_after_pct_gdp) - base
    twelve = float(explorer.service(0.0, 12.0).interest_after_pct_gdp) - base
    six = float(explorer.service(0.0, 6.0).interest_after_pct_gdp) - base
    one_point = float(explorer.service(1.0, 0.0).interest_after_pct_gdp) - base
    assert abs(twelve - two_points) < 1e-12 and abs(six - one_point) < 1e-12
    assert ("a point of US rates weighs as much as a 6% rise of the dollar (+2 points add what "
            "+12% adds)") in TEXT
    assert f"(yen per dollar rose {YEAR.jpy_per_usd_change_pct:.0f}% in 2022)" in TEXT


def test_the_2022_borrower_in_the_verdict():
    s = dollar.dollar_debt_service(
        **dollar.STYLISED_BORROWER,
        us_rate_change=round(float(DAILY["y2y_pct"].loc[YEAR.end]
                                   - DAILY["y2y_pct"].loc[YEAR.start]), 2) / 100,
        dollar_change_pct=round(YEAR.broad_dollar_change_pct, 2))
    assert (f"take the stylised borrower from {float(s.interest_before_pct_gdp):.2f}% to "
            f"{float(s.interest_after_pct_gdp):.2f}% of GDP") in TEXT


def test_figure_2_and_the_reserve_shares():
    assert (f"{USD.index[0].year}Q{USD.index[0].quarter} to "
            f"{USD.index[-1].year}Q{USD.index[-1].quarter}") == "1999Q1 to 2025Q1"
    assert "quarterly, 1999Q1 to 2025Q1" in TEXT
    first_cny = COFER["cny_share_pct"].first_valid_index()
    assert f"renminbi (from {first_cny.year}Q{first_cny.quarter})" in TEXT
    broad = FX["usd_broad_index"].dropna()
    assert USD.loc["2015-12-31"] > USD.loc["2013-12-31"]
    assert broad.loc[:"2015-12-31"].iloc[-1] > broad.loc[:"2013-12-31"].iloc[-1]
    assert "rising when the dollar rose (2014-15)" in TEXT
    assert (f"about {USD.loc[END_2000]:.0f}% (end-2000) to about {USD.iloc[-1]:.0f}% (early "
            f"{USD.index[-1].year})") in TEXT


def test_the_de_dollarization_and_collapse_verdicts():
    years = (USD.index[-1] - END_2000).days / 365.25
    fall = USD.loc[END_2000] - USD.iloc[-1]
    since_2015 = USD.loc["2015-12-31"] - USD.iloc[-1]
    assert (f"The share fell {fall:.1f} points in {years:.1f} years, {since_2015:.1f} since "
            "2015") in TEXT
    five = ["usd_share_pct", "eur_share_pct", "jpy_share_pct", "gbp_share_pct", "cny_share_pct"]
    outside = 100 - COFER[five].sum(axis=1)
    assert (outside.iloc[-1] - outside.loc[END_2000]) > fall / 2
    assert "more than half of it to currencies outside the five above" in TEXT
    dollars = USD / 100 * COFER["allocated_reserves_usd_bn"]
    assert f"the dollar reserves are {dollars.iloc[-1] / dollars.loc[END_2000]:.1f} times" in TEXT
    pace = fall / years
    gap = USD.iloc[-1] - EURO.iloc[-1]
    assert (f"At {pace:.2f} points a year the share would take {gap / pace:.0f} years to reach "
            "the euro's") in TEXT
    assert f"no quarter since 1999 cut it by more than {-USD.diff().min():.1f} points" in TEXT
    assert USD.iloc[-1] > 2 * EURO.iloc[-1]  # "the largest reserve currency by far"
    assert "The dollar remains the largest reserve currency by far" in TEXT


def test_the_gold_verdict():
    reported = dollar.gold_changes()["change_tonnes"]
    wgc = data.load("cb_gold_purchases")["net_purchases_tonnes"]
    low, high = reported.loc[2022:2024].min(), reported.loc[2022:2024].max()
    assert f"{round(low, -1):.0f}-{round(high, -1):.0f} t a year (reported" in TEXT
    assert abs(reported.loc[2022:2024].mean() / reported.loc[2010:2019].mean() - 1) < 0.1
    assert "(reported; as in the 2010s)" in TEXT
    assert all(abs(wgc.loc[year] / 1000 - 1) < 0.1 for year in (2022, 2023, 2024))
    assert "about 1,000 t (the WGC's estimate)" in TEXT
    price = data.load("global_rates")["gold_usd_per_troy_oz"].dropna()
    assert price.iloc[-1] / price.loc["2021-12-31"] > 2
    assert "gold more than doubled in price" in TEXT
    value_bn = wgc.loc[2024] * 32_150.7 * price.loc["2024"].mean() / 1e9
    dollars_bn = COFER["usd_share_pct"].iloc[-1] / 100 * COFER["allocated_reserves_usd_bn"].iloc[-1]
    assert round(value_bn, -1) == 80 and 0.005 < value_bn / dollars_bn < 0.015
    assert "2024's, about $80 billion, was about 1% of the dollar reserves" in TEXT
