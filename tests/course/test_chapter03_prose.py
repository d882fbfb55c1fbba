"""Chapters 03 and 03b: the figures their prose and captions state, checked against the
library and the shipped data.

CONTRIBUTING.md, "Numbers in prose": each test recomputes a figure and looks for the sentence
that quotes it in the chapter's Markdown (line breaks and the \\\\$ of money ignored). The one
1981 peak comes from the monthly history (rates_history), the daily curve starting in 1990.
"""

import json

import pandas as pd

from lessons_lib import bonds, course, curve, data, market


def prose(chapter_id: str) -> str:
    cells = json.loads(course.chapter(chapter_id).path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return " ".join(text.replace("\\\\$", "$").split())


DAILY = data.load("yield_curve_daily")
PREMIUM = data.load("term_premium_daily")
NOTE_10Y = bonds.Bond(coupon_rate=0.03, maturity_years=10)


def test_the_10_year_note_at_90():
    y = float(bonds.yield_to_maturity(NOTE_10Y, 90.0))
    one_year = float(bonds.simple_yield(90.0, 103.0))
    assert round(10_000 * (y - 0.03)) == 124 and round(10_000 * (one_year - 0.03)) == 1144
    text = prose("03")
    assert "The yield rises 124 basis points (1.24" in text and "not 1,144" in text
    assert "a 10-year note at $90 yields 4.24%" in text and f"{100 * y:.2f}" == "4.24"


def test_figure_1_of_03_tangent_and_convexity():
    change = bonds.price_change(NOTE_10Y, 0.03, round(float(
        bonds.yield_to_maturity(NOTE_10Y, 90.0)) - 0.03, 4))
    text = prose("03")
    assert (f"the tangent's ${100 + change.duration:.2f}, with convexity "
            f"${100 + change.duration_convexity:.2f}") in text


def test_figure_2_of_03_term_premium_history():
    monthly = data.load("term_premium_monthly")["term_premium_10y_pct"]
    yields = data.load("yield_curve_monthly")["y10y_pct"]
    both = monthly[monthly.index.isin(yields.index)]
    assert both.idxmax().year == 1992
    negative = (both.loc["2016":"2021"] < 0).mean()
    assert negative > 0.5  # "below zero for much of 2016-2021"
    text = prose("03")
    assert "The term premium peaked in 1992 and was below zero for much of 2016-2021" in text
    assert f"{yields.index[-1]:%B %Y}" in text and "January 1990" in text


def test_the_decompositions_of_2022_23_autumn_2023_and_april_2025():
    autumn = curve.decompose_change(DAILY, PREMIUM, "2023-07-31", "2023-10-19")
    assert autumn.term_premium_change_points > autumn.yield_change_points  # "more than the whole"
    assert autumn.expected_change_points < 0  # "edged down"
    april = curve.decompose_change(DAILY, PREMIUM, "2025-04-04", "2025-04-11")
    assert round(100 * april.yield_change_points) == 47
    assert round(100 * april.term_premium_share) == 93
    cycle = curve.decompose_change(DAILY, PREMIUM, "2022-01-03", "2023-10-19")
    assert cycle.term_premium_share < 0.5  # hikes drove 2022-23
    short = DAILY["y3m_pct"]
    assert short["2023-10-19"] - short["2022-01-03"] > 5  # "more than five points"
    text = prose("03")
    assert "the term premium did more than the whole rise while expected short rates edged down" \
        in text
    assert "93% of the week to 11 April 2025" in text
    assert "rose 47 basis points" in text


def test_the_peaks_and_the_japanese_sale_in_03():
    ten = DAILY["y10y_pct"]
    assert (ten.loc["2008":].idxmax(), ten.loc["2008":].max()) == (pd.Timestamp("2023-10-19"), 4.98)
    assert (ten.loc["2025-04"].idxmax(), ten.loc["2025-04"].max()) == (
        pd.Timestamp("2025-04-11"), 4.48)
    assert ten.max() < 14.4
    sale = market.holder_sale_usd_bn("japan", 100)
    band = market.impact_band(market.even_schedule(sale, 21), horizon_days=252)
    start = 100 * market.today().ten_year_yield
    central, high = (start + path.max() / 100 for path in (band.central_bp, band.high_bp))
    text = prose("03")
    assert f"peaks at {central:.2f}% in the model's central case, {high:.2f}% at its high end" \
        in text
    assert f"Even the high calibration peaks near {round(high * 2) / 2:.1f}%" in text
    assert "4.98% at the 2023 peak (19 October), 4.48% in April 2025 (11 April)" in text


def test_the_1981_peak_from_the_monthly_history():
    text = prose("03")
    history = data.load("rates_history")
    peak = history.loc[history["y10y_high_pct"].idxmax()]
    assert f"closing at {peak.y10y_high_pct:.2f}% on {peak.y10y_high_date:%-d %B %Y}" in text
    assert f"consumer prices {peak.cpi_inflation_pct:.1f}% higher than a year before" in text
    funds = history["fed_funds_pct"]
    assert f"peaked at {funds.max():.1f}% in {funds.idxmax():%B %Y}" in text
    above = history.index[history["y10y_high_pct"] >= 14.4]
    assert (above[0].year, above[-1].year) == (1981, 1982)
    assert "The 10-year last paid 14.4% in 1981-82" in text



def test_03b_fits_and_costs():
    latest = curve.fit_row(DAILY.iloc[-1])
    july = curve.fit_row(DAILY.loc["2023-07-31"])
    assert (round(latest.rmse_bp), round(july.rmse_bp)) == (4, 9)
    text = prose("03b")
    assert "miss their day's yields by 4 and 9 basis points in root mean square" in text
    shares = curve.outstanding_shares(data.load("maturity_profile"))
    mix = curve.mix_by_kind(*shares)
    now = curve.issuance_cost(latest.curve, *mix).first_year_usd_bn
    assert f"costs about ${now:.1f} billion in its first year on {DAILY.index[-1]:%-d %B %Y}" \
        in text
    sale = market.holder_sale_usd_bn("japan", 100)
    band = market.impact_band(market.even_schedule(sale, 21), horizon_days=252)

    def extra(bp):
        return curve.issuance_cost(curve.shift(latest.curve, bp), *mix).first_year_usd_bn - now

    low_year, high_year = extra(band.low_bp[-1]), extra(band.high_bp[-1])
    high_peak = extra(band.high_bp.max())
    assert f"about ${low_year:.2f}-{high_year:.1f} billion a year later" in text
    assert f"up to ${high_peak:.1f} billion at the peak of its high case" in text
    assert round(14.4 - 3.0, 1) == 11.4 and "not $11.4 billion" in text


def test_03b_what_matures_and_the_inversions():
    profile = data.load("maturity_profile")["total_usd_bn"]
    share = profile.iloc[:12].sum() / profile.sum()
    assert 0.30 <= share <= 0.36  # "about a third"
    spreads = curve.spreads(DAILY)
    spells = curve.inversions(spreads["spread_10y_2y_points"])
    longest = spells.loc[spells["trading_days"].idxmax()]
    assert (longest["start"], longest["end"]) == (pd.Timestamp("2022-07-06"),
                                                  pd.Timestamp("2024-08-26"))
    assert "the curve inverted for most of 2022-24" in prose("03b")
