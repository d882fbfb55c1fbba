"""Chapter 01a's prose states figures computed from the library and the shipped data.

CONTRIBUTING.md, "Numbers in prose": each figure below is quoted in a Markdown cell of
notebooks/01a_reading_treasury_quotes.ipynb; the test recomputes it and looks for it in the
text.
"""

import json

from lessons_lib import bonds, course, data
from lessons_lib.explorers.ch01a import NOTE_COUPON_PCT, note_value

NOTEBOOK = course.chapter("01a").path


def prose() -> str:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return " ".join(text.replace("\\\\$", "$").split())


def test_the_composition_of_marketable_debt_is_the_datasets():
    shipped = data.load("marketable_composition")
    composition = shipped.set_index("security")
    text = prose()
    total_tn = composition["amount_usd_bn"].sum() / 1000
    assert f"${total_tn:.1f} trillion" in text
    shares = composition["amount_usd_bn"] / composition["amount_usd_bn"].sum() * 100
    for security, word in (("Bills", "bills"), ("Notes", "notes"), ("Bonds", "bonds"),
                           ("TIPS", "TIPS"), ("FRNs", "FRNs")):
        assert f"{shares[security]:.1f}% {word}" in text, security
    assert f"On {shipped.index[0]:%-d %B %Y}" in text


def test_the_bill_in_the_worked_example():
    price = bonds.bill_price(0.042, bonds.BILL_TERMS_DAYS["13-week"])
    rate = bonds.bill_investment_rate(price, bonds.BILL_TERMS_DAYS["13-week"])
    assert f"{100 * rate:.3f}% against a discount rate of 4.20%" in prose()


def test_figure_1_caption_is_the_datasets():
    curve = data.load("yield_curve_monthly")
    ten = curve["y10y_pct"]
    low, high = ten.idxmin(), ten.loc["2023"].idxmax()
    before = ten[(ten.index < high) & (ten >= ten[high])].index.max()
    text = prose()
    assert f"{ten[low]:.2f}% in {low:%B %Y}, its lowest month" in text
    assert f"{ten[high]:.2f}% in {high:%B %Y}, its highest since {before:%B %Y}" in text
    first, last = curve.index.min(), curve.index.max()
    assert f"{first:%B %Y} to {last:%B %Y}" in text


def test_the_note_sold_in_2020_lost_about_a_fifth():
    curve = data.load("yield_curve_monthly")
    coupon_pct = round(curve.loc["2020-07", "y10y_pct"].iloc[0] * 8) / 8
    assert coupon_pct == NOTE_COUPON_PCT  # the explorer's note is the notebook's
    note = bonds.Bond(coupon_rate=coupon_pct / 100, maturity_years=7)
    price = bonds.price(note, curve.loc["2023-07", "y7y_pct"].iloc[0] / 100)
    assert 17.5 <= 100 - price <= 22.5  # "about a fifth"
    assert "about a fifth" in prose()
    july_2023 = curve.loc["2023-07"].index[0]
    assert note_value(curve.loc[july_2023], july_2023)[2] == price  # the explorer agrees


def test_the_claim_check_is_the_datasets():
    daily = data.load("yield_curve_daily")
    short = 100 * (daily["y10y_pct"] - daily["y3m_pct"])
    two = 100 * (daily["y10y_pct"] - daily["y2y_pct"])
    april, before = slice("2025-04-01", "2025-04-15"), slice("2005-04-01", "2025-03-31")
    text = prose()
    low = short[april]
    assert f"at most {-low.min():.0f} basis points below the 3-month (on {low.idxmin():%-d %B})" \
        in text
    assert two[april].min() > 0 and "stayed above the 2-year throughout" in text
    assert (f"{-short[before].min():.0f} basis points on the 3-month measure "
            f"({short[before].idxmin():%-d %B %Y})") in text
    assert (f"{-two[before].min():.0f} on the 2-year measure "
            f"({two[before].idxmin():%-d %B %Y})") in text
    assert short[before].idxmin().year == 2023 and "came in 2023" in text
    assert f"({short['2025-04-11']:+.0f} basis points)" in text
    assert short["2025-04-11"] > short["2025-04-04"]  # the curve steepened that week
