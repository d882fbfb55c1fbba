"""Chapters 02 and 02b: the figures their prose and captions state, checked against the data.

CONTRIBUTING.md, "Numbers in prose": each test quotes sentences of the notebook and recomputes
what they state from the shipped datasets and :mod:`lessons_lib.market`.
"""

import json

import numpy as np
import pandas as pd

from lessons_lib import bonds, course, data, market

CENTRAL, HIGH = market.CALIBRATIONS["central"], market.CALIBRATIONS["high"]
CUSTODY = data.load("custody_holdings")["marketable_treasuries_usd_bn"]
FED = data.load("fed_holdings")["treasuries_outright_usd_bn"]
TIC = data.load("tic_net_purchases")
CURVE = data.load("yield_curve_daily")["y10y_pct"]
PREMIUM = data.load("term_premium_daily")["term_premium_10y_pct"]
PAST = market.PAST_MARKETS["2020"]


def prose(chapter_id: str) -> str:
    cells = json.loads(course.chapter(chapter_id).path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return " ".join(text.replace("\\\\$", "$").split())  # money as read; line breaks ignored


def peaks(sold_usd_bn, days, **market_size):
    band = market.impact_band(market.even_schedule(sold_usd_bn, days), horizon_days=250,
                              **market_size)
    return [float(p[np.argmax(np.abs(p))]) for p in band]


def test_02_custody_and_flows_point_to_march_2020():
    assert f"{CUSTODY.idxmax():%B %Y}" == "March 2021"
    assert f"{TIC['grand_total_usd_bn'].idxmin():%B %Y}" == "March 2020"
    assert CUSTODY.diff(4).idxmin().strftime("%B %Y") == "March 2020"
    yearly = data.load("auctions").groupby(lambda d: d.year)["bid_to_cover"].mean()
    assert yearly.min() > 2
    text = prose("02")
    for phrase in ("They peaked in March 2021", "Both point to March 2020",
                   "On average more than two dollars were bid for each dollar sold, every year"):
        assert phrase in text, phrase


def test_02_japan_in_ten_year_equivalents():
    japan, today = market.holder_size("japan"), market.today()
    assert round(japan.holdings_usd_bn, 1) == 1185.5
    assert round(japan.duration_high_years, 2) == 5.46
    assert round(today.ten_year_duration_years, 2) == 8.12
    assert round(japan.ten_year_equivalents_high_usd_bn) == 797
    assert round(today.market_duration_years, 2) == 4.29
    assert round(japan.share_of_market_low_pct) == 3 and round(japan.share_of_market_high_pct) == 5
    text = prose("02")
    assert r"$1{,}185.5 \times 5.46 / 8.12 \approx 797$" in text
    assert "At the market's own duration, 4.29 years, it equals the share in face value" in text
    assert "Japan's holdings are roughly 3-5% of the market" in text


def test_02_calibrations_and_the_japan_sale():
    assert round(HIGH.lasting_bp_per_pp / CENTRAL.lasting_bp_per_pp) == 8
    half = market.holder_sale_usd_bn("japan", 50.0)
    low, central, high = peaks(half, 20)
    lasting = CENTRAL.lasting_bp_per_pp * float(market.share_of_market_pct(half))
    assert round(central) == 11 and round(lasting) == 4 and 160 <= high <= 180
    china = market.holder_holdings_usd_bn("china")[1]
    assert 0.5 < china / market.holder_holdings_usd_bn("japan")[1] < 0.65 and half / china > 0.5
    text = prose("02")
    assert "the flow-based one is eight times larger" in text
    assert ("The central path peaks near 11bp and settles near 4bp; the high one peaks near "
            "170bp") in text
    assert "China's holdings are little more than half of Japan's" in text


def test_02_verdict_on_the_price_of_90():
    today = market.today()
    note = bonds.Bond(coupon_rate=today.ten_year_yield, maturity_years=10)
    needed = 10_000 * (float(bonds.yield_to_maturity(note, 90.0)) - today.ten_year_yield)
    assert round(needed) == 131
    japan = market.holder_holdings_usd_bn("japan")[1]
    for share in (10.0, 50.0, 100.0):
        low, central, high = peaks(japan * share / 100, 20)
        assert market.ten_year_note_price(central) > 98 and market.ten_year_note_price(low) > 98
        assert (high > needed) == (share >= 50)
        lasting = HIGH.lasting_bp_per_pp * float(market.share_of_market_pct(japan * share / 100))
        assert market.ten_year_note_price(lasting) > 94
    text = prose("02")
    for phrase in ("$90 needs about +131bp", "leaves the note above $98",
                   "at the peak of a sale of half or more", "its lasting part stays above $94",
                   "only the high calibration's short run gets there, for a sale of half"):
        assert phrase in text, phrase


def test_02b_march_2020():
    assert round(100 * (CURVE["2020-03-18"] - CURVE["2020-03-09"])) == 64
    assert round(-CUSTODY.diff()["2020-03"].min()) == 52
    fall = CUSTODY["2020-03-04"] - CUSTODY["2020-04-01"]
    assert round(fall) == 128
    assert sorted(CUSTODY.diff(4).nsmallest(3).index.month) == [3, 4, 4]
    assert f"{pd.Timestamp('2020-02-29'):%A}" != "Wednesday" != f"{pd.Timestamp('2020-03-31'):%A}"
    bought = FED["2020-04-08"] - FED["2020-03-18"]
    assert round(bought / fall) == 8
    assert round((FED["2020-04-29"] - FED["2020-02-26"]) / 1000, 1) == 1.5
    low, central, high = peaks(fall, 20, marketable_debt_usd_bn=PAST.marketable_debt_usd_bn,
                               market_duration_years=PAST.duration_years)
    assert central < 5 and abs(high - 64) < 3
    assert CURVE["2020-04-01"] < CURVE["2020-03-18"]
    text = prose("02b")
    for phrase in ("The holdings moved by up to $52 billion in a week",
                   "neither the last day of February nor that of March was a Wednesday",
                   "the official sales give a few basis points under the low and central "
                   "calibrations, and about all of it under the high one",
                   "The Fed's purchases were about eight times the custody fall",
                   "by about $1.5 trillion by the end of April",
                   "custody holdings fell by $128 billion in the four weeks to 1 April"):
        assert phrase in text, phrase


def test_02b_spring_2024_and_april_2025():
    interventions = data.load("japan_interventions").loc["2024-04":"2024-05", "amount_usd_bn"]
    assert round(interventions.sum()) == 62
    assert peaks(interventions.sum(), 3)[2] < 20
    japan = TIC.loc["2024-04":"2024-07", "japan_usd_bn"]
    assert (japan.iloc[:2].abs() < 1).all() and (japan.iloc[2:] < 0).all()
    assert CURVE["2024-05-31"] < CURVE["2024-04-29"]
    assert PREMIUM["2024-05-31"] > PREMIUM["2024-04-29"]
    assert round(100 * (CURVE["2025-04-11"] - CURVE["2025-04-04"])) == 47
    assert round(100 * (PREMIUM["2025-04-11"] - PREMIUM["2025-04-04"])) >= 40
    assert CUSTODY["2025-04-16"] > CUSTODY["2025-04-02"]
    april = TIC.loc["2025-04-30"]
    assert round(-april["grand_total_usd_bn"]) == 58
    assert round(april["foreign_official_usd_bn"] / april["grand_total_usd_bn"], 1) == 0.1
    official = market.holder_holdings_usd_bn("foreign_official")[1]
    in_april = data.load("tic_holdings").loc["2025-04-30", "foreign_official_usd_bn"]
    assert abs(official / in_april - 1) < 0.01
    needed = {}
    for calibration in ("central", "high"):
        needed[calibration] = next(
            official * s / 100 for s in range(5, 105, 5)
            if market.impact_path(market.even_schedule(official * s / 100, 5), calibration,
                                  horizon_days=250).max() >= 47)
    assert needed["central"] > 1000 and round(needed["high"], -2) == 200
    text = prose("02b")
    for phrase in ("Even if all $62 billion had come from Treasuries",
                   "a peak under 20bp in its high calibration",
                   "Japan's net purchases were about nil in April and May; they turned negative "
                   "in June and July",
                   "official net sales were about a tenth of foreigners' $58 billion",
                   "well over a trillion dollars in a week; even the high one needs about "
                   "$200 billion", "December 2025's, within 1% of April 2025's"):
        assert phrase in text, phrase

