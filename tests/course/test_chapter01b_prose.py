"""Chapters 01b, 01c and 01d: the figures their prose and captions state, checked against the data.

CONTRIBUTING.md, "Numbers in prose": each claim below is a sentence of the notebook (quoted
in the test's assertion on the text) and the computation from the shipped data it rests on.
"""

import json

import pandas as pd
import pytest

from lessons_lib import course, data, holdings, maturity
from lessons_lib.explorers import ch01b
from lessons_lib.explorers.ch01d import DEBT_SHAPED_DURATION_YEARS


def prose(chapter_id: str) -> str:
    cells = json.loads(course.chapter(chapter_id).path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return " ".join(text.split())  # line breaks do not matter


TIC = data.load("tic_holdings")
JAPAN = TIC["japan_usd_bn"]


def test_who_led_japan_or_china_is_what_the_data_show():
    leader = (JAPAN > TIC["china_usd_bn"]).map({True: "Japan", False: "China"})
    runs = leader.groupby((leader != leader.shift()).cumsum())
    spells = [(s.iloc[0], s.index[0], s.index[-1]) for _, s in runs]
    japan_after_2008 = [(a, b) for who, a, b in spells if who == "Japan" and a.year > 2008]
    assert [(f"{a:%B %Y}", f"{b:%B %Y}") for a, b in japan_after_2008] == [
        ("February 2015", "February 2015"), ("October 2016", "May 2017"),
        ("June 2019", f"{JAPAN.index[-1]:%B %Y}"),
    ]
    assert spells[1][0] == "China" and f"{spells[1][1]:%B %Y}" == "September 2008"
    text = prose("01b")
    assert ("China passed Japan in September 2008; Japan was ahead again in February 2015 and "
            "from October 2016 to May 2017, and has led since June 2019") in text


def _holder_shares() -> pd.DataFrame:
    debt = data.load("federal_debt_fy")["debt_held_by_public_usd_bn"]
    fed = data.load("fed_holdings")["treasuries_outright_usd_bn"]
    sep = TIC[TIC.index.month == 9]
    sep = sep.set_axis(sep.index.year)
    to_sep = fed[fed.index.month <= 9]
    frame = pd.DataFrame({"debt": debt, "fed": to_sep.groupby(to_sep.index.year).last(),
                          "foreign": sep["all_foreign_usd_bn"], "japan": sep["japan_usd_bn"]})
    frame = frame.dropna()
    frame["rest"] = frame["debt"] - frame["fed"] - frame["foreign"]
    return 100 * frame.drop(columns="debt").div(frame["debt"], axis=0)


def test_holders_of_the_debt_held_by_the_public():
    shares = _holder_shares()
    assert shares.index[-1] == 2024, "the prose says the last full fiscal year is 2024"
    assert shares["foreign"].idxmax() == 2012 and 45 < shares.loc[2012, "foreign"] < 50
    assert shares.loc[2024, "foreign"] < 100 / 3
    assert shares.loc[2024, "foreign"] < shares.loc[2012, "foreign"] * 2 / 3  # "more than a third"
    assert round(shares.loc[2024, "japan"]) == 4
    assert shares.loc[2024, "rest"] > 50
    text = prose("01b")
    for phrase in ("peaked in 2012 and has since fallen by more than a third",
                   "everyone else at home now holds over half", "about 4%"):
        assert phrase in text


def test_april_2024_attribution_over_the_duration_range():
    y10 = data.load("yields_monthly")["y10y_month_end_pct"]
    y2 = data.load("yields_monthly")["y2y_month_end_pct"]
    assert round(y2["2024-04-30"] - y2["2024-03-31"], 2) == 0.45
    assert round(y10["2024-04-30"] - y10["2024-03-31"], 2) == 0.49
    assert DEBT_SHAPED_DURATION_YEARS == round(
        maturity.duration_years(data.load("maturity_profile"), 0.04), 1) == 4.4
    assert holdings.DEFAULT_PORTFOLIO_DURATION_YEARS == 5.3
    dy = (y10["2024-04-30"] - y10["2024-03-31"]) / 100
    price_shares, rests = [], []
    for d in (3.5, 5.3):
        split = holdings.decompose_change(JAPAN["2024-03-31"], JAPAN["2024-04-30"], d, dy)
        price_shares.append(split.valuation_usd_bn / split.recorded_usd_bn)
        rests.append(-split.other_usd_bn)
    assert 0.45 < price_shares[0] < 0.55 and 0.7 < price_shares[1] < 0.78  # half, three quarters
    assert round(min(rests)) >= 10 and round(max(rests)) <= 21
    assert 37.5 / max(rests) > 1.75 and 37.5 / min(rests) < 3.6  # "two to three and a half"
    text = prose("01d")
    assert "(+0.45 point against +0.49)" in text
    assert "half to three quarters of April's fall is price, and the rest \\\\$10-21" in text
    assert "two to three and a half times the rest (\\\\$10-21 billion)" in text


def test_two_months_are_mostly_not_price():
    y10 = data.load("yields_monthly")["y10y_month_end_pct"]
    dy = (y10["2024-05-31"] - y10["2024-03-31"]) / 100
    assert round(100 * dy, 2) == 0.31
    for d, low, high in ((3.5, 0.2, 0.25), (5.3, 0.28, 1 / 3)):
        split = holdings.decompose_change(JAPAN["2024-03-31"], JAPAN["2024-05-31"], d, dy)
        assert low <= split.valuation_usd_bn / split.recorded_usd_bn <= high
    assert "only a fifth to a third is price" in prose("01d")


def test_the_interventions_settle_in_may():
    operations = data.load("japan_interventions").loc["2024-04-29":"2024-05-01"]
    assert list(operations.index.strftime("%Y-%m-%d")) == ["2024-04-29", "2024-05-01"]
    assert all((day + pd.offsets.BDay(2)).month == 5 for day in operations.index)
    slt = data.load("tic_holdings_slt")["japan_short_term_usd_bn"]
    assert round(slt["2024-03-31"] - slt["2024-04-30"]) == 12
    assert round(slt["2024-04-30"] - slt["2024-05-31"]) == 24
    flows = data.load("tic_net_purchases")["japan_usd_bn"]
    assert abs(flows["2024-04-30"]) < 1  # "about nil"
    text = prose("01d")
    assert "down about \\\\$12 billion" in text and "fell another \\\\$24 billion" in text


@pytest.mark.parametrize("month, low, high", [("2025-01-31", 1075, 1085),
                                              ("2025-02-28", 1125, 1135)])
def test_japan_in_early_2025(month, low, high):
    assert low <= JAPAN[month] < high  # "\$1.08-1.13 trillion in early 2025"
    assert "Japan held \\\\$1.08-1.13 trillion in early 2025" in prose("01b")


def test_japan_back_at_1_2_trillion_only_late_in_2025():
    at_or_above = JAPAN["2023":][JAPAN["2023":] >= 1200]
    assert list(at_or_above.index.strftime("%Y-%m")) == ["2025-10", "2025-11"]
    assert "\\\\$1.2 trillion again only late in 2025" in prose("01b")


def test_the_foreign_share_fell_because_the_debt_grew_faster():
    assert round(100 * ch01b.FOREIGN_GROWTH) == 4 and round(100 * ch01b.DEBT_GROWTH) == 8
    assert ch01b.DEBT_GROWTH / ch01b.FOREIGN_GROWTH == pytest.approx(2, abs=0.1)  # "twice"
    text = prose("01b")
    assert "Foreign holdings grew, about 4% a year; the debt grew about 8% a year" in text


def test_01c_auction_figures():
    ten_year = data.load("auctions")
    yearly = ten_year.groupby(ten_year.index.year)["dealer_pct"].mean()
    assert yearly[2025] < yearly[2015] / 2  # "fallen by more than half"
    weakest = ten_year.loc[ten_year["bid_to_cover"].idxmin()]
    assert 30 <= weakest["dealer_pct"] <= 37  # "about a third"
    assert data.load("bid_to_cover")["bid_to_cover_10y"].min() > 1
    text = prose("01c")
    assert "the dealers' share has fallen by more than half" in text
    assert "the dealers took about a third" in text
