"""Chapter 05: the figures its prose and captions state, checked against the library and the
shipped data.

CONTRIBUTING.md, "Numbers in prose": each test recomputes a figure and looks for the sentence
that quotes it in the chapter's Markdown (line breaks and the \\\\$ of money ignored).
"""

import pytest
from chapter_text import chapter_prose
from scipy.optimize import brentq

from lessons_lib import bonds, curve, data, holder, loop, market


def prose(chapter_id: str) -> str:
    return chapter_prose(chapter_id)


TEXT = prose("05")
RATES = holder.latest_rates()


def year(bp: float, pct: float) -> holder.YenReturn:
    return holder.yen_return(RATES.ten_year_yield, bp, pct, RATES.usd_short_rate,
                             RATES.jpy_short_rate)


def test_the_retrieval_question_s_duration_and_price():
    note = bonds.Bond(coupon_rate=0.04, maturity_years=10)
    assert f"about {bonds.modified_duration(note, 0.04):.1f}" == "about 8.2"
    assert "modified duration of about 8.2" in TEXT
    assert round(bonds.price_change(note, 0.04, 0.01).exact) == -8  # "about 8%"


def test_the_hedged_yield_in_the_data():
    daily = holder.hedged_ten_year_yield("daily")["hedged_10y_pct"]
    spells = curve.inversions(daily)
    longest = spells.loc[spells["trading_days"].idxmax()]
    assert (longest["start"].strftime("%B %Y"), longest["end"].strftime("%B %Y")) == (
        "October 2022", "November 2024")
    assert "from October 2022 to November 2024 the hedge cost more than the 10-year" in TEXT
    assert "paid less than nothing from October 2022 to November 2024" in TEXT
    monthly = holder.hedged_ten_year_yield("monthly").loc["2023-12-31"]
    assert round(monthly["y10y_pct"]) == 4 and round(monthly["y3m_pct"], 1) == 5.4
    assert "yielded about 4% and US 3-month bills about 5.4%" in TEXT
    assert abs(monthly["jpy_call_overnight_pct"]) < 0.1  # "yen rates were near zero"
    assert monthly["hedged_10y_pct"] < 0
    caption = holder.hedged_ten_year_yield("monthly").index[-1]
    assert f"January 2015 to {caption:%B %Y}" in TEXT


def test_inflation_and_a_large_sale():
    central = holder.sale_cost(market.holder_holdings_usd_bn("japan")[1], 50, 20, "central")
    high = holder.sale_cost(market.holder_holdings_usd_bn("japan")[1], 50, 20, "high")
    assert central.shortfall_pct < 1 and 1 < high.shortfall_pct < 10
    assert ("a fraction of a percent of what it sells in the central case and a few percent in "
            "the high one") in TEXT


def test_the_explorer_s_reveal():
    yen_zero = brentq(lambda pct: float(year(0, pct).unhedged), -30, 0)
    yield_zero = brentq(lambda bp: float(year(bp, 0).hedged), -200, 200)
    assert round(yen_zero) == -4 and "A yen about 4% stronger wipes out a year" in TEXT
    assert round(yield_zero, -1) == 10 or round(yield_zero / 5) * 5 == 15
    assert "a rise of the yield of about 15 basis points takes it" in TEXT


def test_the_loop_gains_and_how_far_from_running_away():
    gains = {name: loop.gains(name) for name in ("low", "central", "high")}
    assert all(g.stable and g.total < 1 for g in gains.values())
    assert gains["low"].direct < -gains["low"].yield_channel  # intervention's effect larger
    assert -gains["central"].direct > 10 * gains["central"].yield_channel
    assert gains["high"].total < 0.2  # "far below one"
    assert "calibrated loop gain stays below one in every set" in TEXT
    central = loop.calibrations().central
    for name in ("ten_year_bp_per_usd_bn", "yen_pct_per_yield_bp"):
        assert loop.critical_value(name) / getattr(central, name) > 100  # "hundreds of times"


def test_claim_check_130_to_150():
    yen = data.load("fx_daily")["jpy_per_usd"].dropna().loc["2022":]
    assert round(3 * (yen > 150).mean()) == 1  # about a third of the days
    assert "The yen spent about a third of the days since 2022 weaker than 150" in TEXT
    operations = data.load("japan_interventions").loc["2022":, "jpy_per_usd"]
    assert (round(operations.min()), round(operations.max())) == (142, 159)
    assert "bought yen at rates from about 142 to 159" in TEXT
    custody = data.load("custody_holdings")["marketable_treasuries_usd_bn"]
    fall = custody["2024-05-29"] - custody["2024-04-24"]
    spent = data.load("japan_interventions").loc["2024-04":"2024-05", "amount_usd_bn"].sum()
    assert (f"fell ${-fall:.1f} billion against ${spent:.1f} billion of intervention") in TEXT


@pytest.mark.parametrize("term", ["currency-hedge", "covered-interest-parity",
                                  "cross-currency-basis", "loop-gain"])
def test_the_chapter_links_its_new_terms(term):
    assert f"(../docs/glossary.md#{term})" in TEXT


def test_a_yen_move_against_the_cost_of_a_sale():
    held = market.holder_holdings_usd_bn("japan")[1]
    central = holder.sale_cost(held, 50, 20, "central")
    one_percent = 0.01 * held
    assert round(one_percent) == 12 and "by about $12 billion" in TEXT
    assert one_percent > central.shortfall_usd_bn + central.kept_markdown_usd_bn
    assert round(loop.gains("high").total, 2) == 0.12 and "the high set's gain is 0.12" in TEXT
    assert loop.gains("high").yield_channel > -loop.gains("high").direct
