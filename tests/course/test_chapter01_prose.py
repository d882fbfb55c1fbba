"""Chapter 01's prose states figures computed from the library and the shipped data.

CONTRIBUTING.md, "Numbers in prose": each figure below is quoted in a Markdown cell of
notebooks/01_what_is_a_treasury.ipynb; the test recomputes it and looks for it in the text.
"""

import json

from lessons_lib import bonds, course, data

NOTEBOOK = course.chapter("01").path


def prose() -> str:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return " ".join(text.replace("\\\\$", "$").split())


def pct(x: float) -> str:
    return f"{100 * x:.2f}%"


def test_yields_at_90_quoted_in_the_prose_are_the_models():
    text = prose()
    iou = bonds.Bond(coupon_rate=0.03, maturity_years=1, frequency=1)
    assert pct(bonds.yield_to_maturity(iou, 90.0)) in text  # 14.44%
    for years in (1, 2, 10, 30):
        note = bonds.Bond(coupon_rate=0.03, maturity_years=years)
        assert pct(bonds.yield_to_maturity(note, 90.0)) in text, years
    for years in (1, 10):
        note = bonds.Bond(coupon_rate=0.05, maturity_years=years)
        assert pct(bonds.yield_to_maturity(note, 95.0)) in text, years
    assert pct(bonds.simple_yield(95.0, 105.0)) in text  # 10.53%


def test_the_market_week_in_the_verdict_is_the_datasets():
    daily = data.load("yield_curve_daily")["y10y_pct"]
    start, end = daily["2025-04-04"], daily["2025-04-11"]
    text = prose()
    assert f"rose {100 * (end - start):.0f} basis points" in text
    loss_pct = 100 - bonds.price(bonds.Bond(coupon_rate=start / 100, maturity_years=10), end / 100)
    assert f"lost about {loss_pct:.0f}%" in text
