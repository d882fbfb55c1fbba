"""Chapter 06: the figures its prose and captions state, checked against the library and the
shipped data.

CONTRIBUTING.md, "Numbers in prose": each test recomputes a figure and looks for the sentence
that quotes it in the chapter's Markdown (line breaks and the \\\\$ of money ignored).
"""

import numpy as np
from chapter_text import chapter_prose

from lessons_lib import course, data, market
from lessons_lib.explorers import ch06


def prose() -> str:
    return chapter_prose("06", notes=False)


TEXT = prose()
HALF = float(market.holder_sale_usd_bn("japan", 50.0))
CUSTODY = data.load("custody_holdings")["marketable_treasuries_usd_bn"]


def test_the_retrieval_question_offers_the_central_lasting_rise():
    central = market.CALIBRATIONS["central"].lasting_bp_per_pp * market.share_of_market_pct(HALF)
    assert round(float(central)) == 4
    assert "about 4, 40 or 400 basis points?" in TEXT


def test_the_same_purchases_cancel_and_late_ones_leave_the_peak():
    same = ch06.qe_schedules(HALF, 100.0, 0)
    later = ch06.qe_schedules(HALF, 100.0, 21)
    alone = ch06.band_in_ten_year_equivalents(same.sale)
    late = ch06.band_in_ten_year_equivalents(later.net)
    assert np.allclose(ch06.band_in_ten_year_equivalents(same.net).high_bp, 0.0, atol=1e-9)
    assert late.high_bp.max() == alone.high_bp.max()
    assert all(abs(v) < 1e-9 for v in ch06.lasting_bp(later.net).values())
    assert "On the same days the two cancel: no peak, no lasting rise" in TEXT
    assert "A month later the peak is the same as with no Fed at all" in TEXT
    assert "the lasting rise is zero" in TEXT


def test_the_published_estimates_and_the_model_agree_at_low_and_central():
    qe2 = market.PAST_MARKETS["qe2"]
    points = market.share_of_market_pct(600.0, qe2.marketable_debt_usd_bn, qe2.duration_years,
                                        seller_duration_years=5.5)
    falls = {n: c.lasting_bp_per_pp * points for n, c in market.CALIBRATIONS.items()}
    assert 15 <= round(falls["low"]) and round(falls["central"]) <= 25 < falls["high"]
    assert "lowered the 10-year term premium by about 30 to 100 bp" in TEXT
    assert "lowers the 10-year by about 15 to 25 bp" in TEXT
    assert "The low and central calibrations sit inside the published range" in TEXT
    assert "the model's low and central calibrations agree, its high one does not" in TEXT


def test_the_explorer_goal_needs_nearly_all_of_the_sale():
    needed = next(p for p in range(0, 151, 5)
                  if ch06.lasting_bp(ch06.qe_schedules(HALF, float(p)).net)["high"] < 5)
    assert needed >= 85
    assert "In the high calibration the Fed must buy nearly all of it" in TEXT
    assert "keeps 17 bp a point" in TEXT
    assert market.CALIBRATIONS["high"].lasting_bp_per_pp == 17.0


def test_march_2020_and_the_remittances():
    fall = CUSTODY["2020-03-04"] - CUSTODY["2020-04-01"]
    assert round(fall) == 128
    assert "Official custody holdings fell about $128 billion in four weeks" in TEXT
    remit = data.load("fed_remittances")["remittances_due_usd_bn"]
    assert remit[remit >= 0].index[-1].year == 2022 and remit.iloc[-1] < 0
    assert "remittances stopped in 2022" in TEXT
    curve = data.load("yield_curve_daily")["y10y_pct"]
    assert round(100 * (curve["2020-03-18"] - curve["2020-03-09"])) == 64
    assert "the 10-year's 64 bp jump of 9-18 March" in TEXT


def test_the_events_date_the_backstops():
    events = data.load("events")
    backstops = events[events["category"] == "fed_backstop"].index
    assert [f"{d:%d %B %Y}" for d in backstops] == ["31 March 2020", "28 July 2021"]
    assert "announced 31 March 2020" in (course.ROOT / "docs" / "glossary.md").read_text()
