"""Chapter 07: the figures its prose, captions and worked brief state, checked against the
scenario runner and the shipped data.

CONTRIBUTING.md, "Numbers in prose": each test recomputes a figure and looks for the sentence
that quotes it in the chapter's Markdown (line breaks and the \\\\$ of money ignored).
"""

from chapter_text import chapter_prose

from lessons_lib import data, market, scenario
from lessons_lib.explorers.ch07 import ScenarioExplorer

TEXT = chapter_prose("07", notes=False)
SOLUTIONS = chapter_prose("07", solutions=True)
STORY = scenario.run(scenario.load("articles_japan_sells_all"))
CBO_TOTAL = data.load("cbo_baseline").loc[2026:2035, "net_interest_usd_bn"].sum()


def test_the_articles_story_is_all_of_japans_latest_holdings():
    month, held = market.holder_holdings_usd_bn("japan")
    assert STORY.scenario.size_usd_bn == held and f"{held / 1000:.1f}" == "1.2"
    assert month.strftime("%B %Y") == "December 2025"
    assert "Japan sells all its Treasuries (the December 2025 TIC figure)" in TEXT
    assert "Japan sells all its Treasuries, December 2025 TIC, over 21 trading days" in TEXT
    points = 100 * STORY.net_ten_year_equivalents_usd_bn.sum() / market.today(
    ).ten_year_equivalents_usd_bn
    assert round(points) == 4 and round(market.today().marketable_debt_usd_bn / 1000) == 30
    assert market.CALIBRATIONS["central"].lasting_bp_per_pp == 2.2
    assert "about 4% of the $30 trillion market (in 10-year equivalents), and each point of it " \
           "lasts 2.2 bp in the central calibration" in TEXT
    assert "some 4% of the market once measured by interest-rate risk" in SOLUTIONS


def test_the_yield_band_of_the_articles_story():
    peak = [round(STORY.peak_bp[c]) for c in ("low", "high")]
    lasting = [round(STORY.lasting_bp[c]) for c in ("low", "high")]
    assert (peak, lasting) == ([13, 334], [6, 67])
    assert 5 < STORY.lasting_bp["central"] < 15  # "about 10 bp" among 1, 10 and 100
    assert "**Reveal.** About 10 bp in the central calibration, 6 to 67 bp across the band." in TEXT
    assert "lifts the 10-year by 13 to 334 bp at the peak and 6 to 67 bp for good" in TEXT
    assert "by 13 to 334 basis points at the worst of the selling and by 6 to 67 basis points " \
           "for good" in SOLUTIONS


def test_the_interest_band_against_cbos_total():
    low, high = (STORY.added_interest_usd_bn[c] for c in ("low", "high"))
    assert (round(low, -1), round(high / 1000, 1)) == (200, 2.2)
    assert round(CBO_TOTAL / 1000, 1) == 13.8
    assert "$200 billion to $2.2 trillion over ten years, against about $13.8 trillion CBO " \
           "already expects" in TEXT
    assert 0.01 < STORY.added_interest_usd_bn["central"] / CBO_TOTAL < 0.05  # "a few percent"
    assert "adds $200 billion to $2.2 trillion of net interest, against about $13.8 trillion" \
           in SOLUTIONS


def test_the_spring_2024_interventions():
    spring = data.load("japan_interventions").loc["2024-04-01":"2024-05-31", "amount_usd_bn"]
    assert f"{spring.sum():.1f}" == "62.3"
    assert "the sales behind the interventions were $62.3 billion in spring 2024" in TEXT


def test_march_2020_against_the_model():
    y10 = data.load("yield_curve_daily")["y10y_pct"]
    jump = 100 * (y10["2020-03-18"] - y10["2020-03-09"])
    replay = scenario.load("march_2020_replay")
    assert replay.size["start"] == "2020-03-04" and replay.size["end"] == "2020-04-01"
    assert "fall of official custody holdings from 4 March to 1 April 2020" in TEXT
    peak = scenario.run(replay).peak_bp
    assert peak["low"] < 5 and 0.4 < peak["high"] / jump < 0.6
    assert "official selling explains a few basis points to about half of March 2020's jump" \
           in TEXT


def test_the_explorer_goal_and_the_calibrations_ratio():
    explorer = ScenarioExplorer()
    cuts = [c / 4 for c in range(13)]
    met = [c for c in cuts if scenario.run(explorer.build(1, 50.0, 21, 0.0, 0.0, c, 3))
           .added_interest_usd_bn["high"] < 100.0]
    assert met[0] == 1.5
    assert "**Reveal.** About 1.5% of GDP a year, in steps of a quarter point." in TEXT
    assert round(STORY.lasting_bp["high"] / STORY.lasting_bp["central"]) == 8
    assert "lasting rise is eight times the central one's" in TEXT


def test_the_model_briefs_other_figures():
    loss = [STORY.seller_loss_pct[c] for c in ("low", "high")]
    assert [f"{v:.1f}" for v in loss] == ["0.3", "7.5"]
    assert "Japan would lose 0.3% to 7.5% of what it sold" in SOLUTIONS
    move = [STORY.dollar_move_pct[c] for c in ("low", "high")]
    assert [round(v) for v in move] == [0, 7]
    assert "the dollar would strengthen by 0 to 7%" in SOLUTIONS
    consolidation = scenario.run(scenario.with_remedy(STORY.scenario, "consolidation"))
    saved = STORY.added_interest_usd_bn["central"] - consolidation.added_interest_usd_bn[
        "central"]
    assert saved > STORY.added_interest_usd_bn["central"]
    assert "saves more interest than the central case costs" in SOLUTIONS
    assert "(6 to 67 bp for the articles' story)" in SOLUTIONS
    assert "(\\$200 billion to \\$2.2 trillion)".replace("\\", "") in SOLUTIONS


def test_the_dollar_moves_a_few_percent_either_way_in_every_shipped_scenario():
    table = scenario.side_by_side(remedies=("none",))
    moves = table[[f"dollar_move_pct_{c}" for c in ("low", "central", "high")]].to_numpy()
    assert moves.min() < 0 < moves.max() and abs(moves).max() < 10
    assert "the dollar moves by a few percent either way in the model" in TEXT


def test_the_fed_at_100_percent_empties_the_yield_and_loss_panels_and_keeps_the_saving():
    fed_all = scenario.run(ScenarioExplorer().build(1, 50.0, 21, 100.0, 0.0, 1.5, 3))
    cut_alone = scenario.run(scenario.load("no_sale").replace(consolidation_pct_gdp=1.5))
    for band in (fed_all.peak_bp, fed_all.lasting_bp, fed_all.seller_loss_pct):
        assert set(band.values()) == {0.0}
    assert fed_all.added_interest_usd_bn == cut_alone.added_interest_usd_bn
    assert cut_alone.added_interest_usd_bn["central"] < 0
    assert "The Fed at 100% empties the yield and loss panels, and leaves the consolidation's " \
           "saving." in TEXT
