"""The price-impact model of a large sale (lessons_lib.market): hand-worked cases, the
calibrations' arithmetic, bad input and properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lessons_lib import bonds, data, market, maturity

TODAY = market.today()
CENTRAL = market.CALIBRATIONS["central"]
ONE_POINT_USD_BN = TODAY.marketable_debt_usd_bn / 100  # 1% of today's market, face
NAMES = ("low", "central", "high")

# ------------------------------------------------------------------------ ten-year equivalents


def test_ten_year_duration_is_that_of_bonds_py() -> None:
    for y in (0.01, 0.0414, 0.08):
        note = bonds.Bond(coupon_rate=y, maturity_years=10)
        assert market.ten_year_note_duration_years(y) == pytest.approx(
            float(bonds.modified_duration(note, y)), rel=1e-12)
    assert market.ten_year_note_duration_years() == pytest.approx(TODAY.ten_year_duration_years)
    assert 7.5 < TODAY.ten_year_duration_years < 8.8


def test_ten_year_equivalents_by_hand() -> None:
    # $100bn of duration 4 years, with a 10-year note of duration 8: $50bn of 10-year notes
    assert market.ten_year_equivalents(100.0, 4.0, 8.0) == pytest.approx(50.0)
    assert market.ten_year_equivalents(np.array([100.0, 200.0]), 8.0, 8.0) == pytest.approx(
        [100.0, 200.0])


def test_todays_market_comes_from_the_shipped_profile() -> None:
    profile = data.load("maturity_profile")
    assert TODAY.marketable_debt_usd_bn == pytest.approx(
        profile[list(maturity.KIND_COLUMNS)].to_numpy().sum())
    assert 3.5 < TODAY.market_duration_years < 5.5
    assert market.market_ten_year_equivalents() == pytest.approx(
        TODAY.marketable_debt_usd_bn * TODAY.market_duration_years
        / TODAY.ten_year_duration_years)
    # a flat 4% curve gives the maturity module's figure
    assert market.market_duration_years(0.04) == pytest.approx(
        maturity.duration_years(profile, 0.04))


def test_holder_size_spans_the_duration_assumption() -> None:
    japan = market.holder_size("japan")
    held = data.load("tic_holdings")["japan_usd_bn"].dropna()
    assert japan.holdings_usd_bn == pytest.approx(held.iloc[-1])
    assert japan.duration_low_years == market.HOLDER_DURATION_LOW_YEARS
    assert japan.duration_low_years < TODAY.market_duration_years < japan.duration_high_years
    assert (japan.ten_year_equivalents_low_usd_bn
            < japan.ten_year_equivalents_market_duration_usd_bn
            < japan.ten_year_equivalents_high_usd_bn)
    assert japan.ten_year_equivalents_low_usd_bn == pytest.approx(
        japan.holdings_usd_bn * 3.0 / TODAY.ten_year_duration_years)
    # at the market's duration, the share in risk is the share in face value
    assert japan.share_of_market_market_duration_pct == pytest.approx(
        100 * japan.holdings_usd_bn / TODAY.marketable_debt_usd_bn)
    assert market.holder_sale_usd_bn("japan", 50.0) == pytest.approx(japan.holdings_usd_bn / 2)


# ------------------------------------------------------------------------ the model by hand


def test_one_day_sale_of_one_point_gives_lambda_plus_kappa_then_lambda() -> None:
    for name in NAMES:
        cal = market.CALIBRATIONS[name]
        path = market.impact_path(ONE_POINT_USD_BN, name, horizon_days=400)
        assert path[0] == pytest.approx(cal.lasting_bp_per_pp + cal.impulse_bp_per_pp)
        h = int(cal.half_life_days)
        assert path[h] == pytest.approx(cal.lasting_bp_per_pp + cal.impulse_bp_per_pp / 2)
        assert path[-1] == pytest.approx(cal.lasting_bp_per_pp, abs=0.01 * cal.impulse_bp_per_pp)


def test_central_numbers_by_hand() -> None:
    # kappa = (5.5 - 2.2) x 21 (1 - rho) / (1 - rho^21), rho = 2^(-1/20)
    rho = 2 ** (-1 / 20)
    kappa = 3.3 * 21 * (1 - rho) / (1 - rho**21)
    assert CENTRAL.impulse_bp_per_pp == pytest.approx(kappa)
    assert round(kappa, 2) == 4.57
    path = market.impact_path(ONE_POINT_USD_BN)
    assert round(float(path[0]), 2) == 6.77  # 2.2 + 4.57


def test_a_month_long_sale_of_one_point_peaks_at_the_calibrated_short_run() -> None:
    for name in NAMES:
        cal = market.CALIBRATIONS[name]
        sales = market.even_schedule(ONE_POINT_USD_BN, market.CALIBRATION_PACE_DAYS)
        path = market.impact_path(sales, name)
        assert path[-1] == pytest.approx(cal.short_run_peak_bp_per_pp)
        assert path.max() == pytest.approx(cal.short_run_peak_bp_per_pp)


def test_parts_add_up_and_the_seller_duration_scales_the_share() -> None:
    parts = market.impact_parts([100.0, 50.0], horizon_days=5)
    assert np.allclose(parts.total_bp, parts.lasting_bp + parts.short_run_bp)
    share = 100 * 150.0 / TODAY.marketable_debt_usd_bn
    assert parts.lasting_bp[-1] == pytest.approx(CENTRAL.lasting_bp_per_pp * share)
    # selling a portfolio twice the market's duration is selling twice the risk
    d = TODAY.market_duration_years
    doubled = market.impact_path([100.0], seller_duration_years=2 * d)
    assert doubled == pytest.approx(market.impact_path([200.0]))
    assert market.share_of_market_pct(109.0, 17_000.0, 5.0) == pytest.approx(100 * 109 / 17_000)


def test_tables_of_schedules_are_computed_row_by_row() -> None:
    table = np.array([[10.0, 0.0, 5.0], [0.0, 20.0, 0.0]])
    together = market.impact_path(table, "high", horizon_days=10)
    assert together.shape == (2, 10)
    for row, path in zip(table, together, strict=True):
        assert np.allclose(path, market.impact_path(row, "high", horizon_days=10))


# ------------------------------------------------------------------------ calibration arithmetic


def test_calibrations_rescale_the_published_figures_as_their_derivations_say() -> None:
    qe2 = market.PAST_MARKETS["qe2"]
    qe2_share = 100 * 600 * 5.5 / (qe2.marketable_debt_usd_bn * qe2.duration_years)
    assert round(qe2_share, 2) == 9.17
    # low: Williams's 15bp over QE2's share in 10-year equivalents
    assert market.CALIBRATIONS["low"].lasting_bp_per_pp == round(15 / qe2_share, 1)
    # central: IMF WP/17/174's 2.0-2.4, and Williams's 20bp over the same share
    assert market.CALIBRATIONS["central"].lasting_bp_per_pp == pytest.approx((2.0 + 2.4) / 2)
    assert 20 / qe2_share == pytest.approx(2.2, abs=0.05)
    # high: Beltran et al.'s 20bp per $100bn in 2010's market, and Ahmed & Rebucci's 100bp
    beltran_share = 100 * 100 / market.PAST_MARKETS["2010"].marketable_debt_usd_bn
    assert market.CALIBRATIONS["high"].lasting_bp_per_pp == round(20 / beltran_share, 1)
    assert market.CALIBRATIONS["high"].short_run_peak_bp_per_pp == pytest.approx(
        100 / beltran_share)
    # peak multiples: Beltran et al.'s short run against long run, 40/20 and 50/20
    assert market.CALIBRATIONS["low"].peak_multiple == 40 / 20
    assert market.CALIBRATIONS["central"].peak_multiple == 50 / 20
    # the IMF's "$100bn raises yields 1.5-1.8bp" is its per-point figure on a ~$13T market
    assert 100 / 13_000 * 100 * 2.0 == pytest.approx(1.5, abs=0.05)


def test_central_reproduces_qe2_within_williams_band() -> None:
    """QE2: $600bn bought over about eight months (160 trading days), duration about 5.5
    years, in 2010's market (about $9.0 trillion, duration 4): the lasting fall in the 10-year
    is 2.2 x 9.17 = 20bp, inside Williams's 15-25bp."""
    qe2 = market.PAST_MARKETS["qe2"]
    parts = market.impact_parts(
        market.even_schedule(-600.0, 160), "central",
        marketable_debt_usd_bn=qe2.marketable_debt_usd_bn,
        market_duration_years=qe2.duration_years, seller_duration_years=5.5, horizon_days=600)
    assert -25 <= parts.lasting_bp[-1] <= -15
    assert parts.lasting_bp[-1] == pytest.approx(-2.2 * 600 * 5.5 / 90 / 4.0)
    assert abs(parts.short_run_bp[-1]) < 0.01


def test_calibrations_are_ordered_and_documented() -> None:
    lows, centrals, highs = (market.CALIBRATIONS[n] for n in NAMES)
    for field in ("lasting_bp_per_pp", "impulse_bp_per_pp", "half_life_days",
                  "short_run_peak_bp_per_pp"):
        assert getattr(lows, field) <= getattr(centrals, field) <= getattr(highs, field), field
    for cal in market.CALIBRATIONS.values():
        assert cal.sources and len(cal.derivation) > 200
        with pytest.raises(AttributeError):
            cal.lasting_bp_per_pp = 1.0  # frozen


# ------------------------------------------------------------------------ the picture


def test_demand_picture() -> None:
    assert market.demand_price(100.0) == 100.0
    assert market.demand_price(np.array([90.0, 110.0]), slope=0.5) == pytest.approx([105, 95])
    shift = market.supply_shift(10.0)
    assert shift == (100.0, 110.0, 100.0, 90.0)  # the article's story, with the default slope
    assert market.supply_shift(-10.0).price_after == 110.0
    assert market.supply_shift(10.0, slope=0.0).price_after == 100.0
    with pytest.raises(ValueError, match="quantity_pct"):
        market.demand_price(250.0, slope=1.0)


def test_ten_year_note_price() -> None:
    assert market.ten_year_note_price(0.0) == pytest.approx(100.0)
    note = bonds.Bond(coupon_rate=0.04, maturity_years=10)
    assert market.ten_year_note_price(100.0, 0.04) == pytest.approx(bonds.price(note, 0.05))


# ------------------------------------------------------------------------ bad input


@pytest.mark.parametrize("kwargs, name", [
    ({"daily_net_sales_usd_bn": [10.0, math.nan]}, "daily_net_sales_usd_bn"),
    ({"daily_net_sales_usd_bn": [math.inf]}, "daily_net_sales_usd_bn"),
    ({"daily_net_sales_usd_bn": "100"}, "daily_net_sales_usd_bn"),
    ({"daily_net_sales_usd_bn": []}, "daily_net_sales_usd_bn"),
    ({"daily_net_sales_usd_bn": [100.0], "calibration": "medium"}, "calibration"),
    ({"daily_net_sales_usd_bn": [100.0], "calibration": None}, "calibration"),
    ({"daily_net_sales_usd_bn": [100.0], "marketable_debt_usd_bn": -5.0},
     "marketable_debt_usd_bn"),
    ({"daily_net_sales_usd_bn": [100.0], "market_duration_years": 0.0}, "market_duration_years"),
    ({"daily_net_sales_usd_bn": [100.0], "seller_duration_years": -1.0},
     "seller_duration_years"),
    ({"daily_net_sales_usd_bn": [100.0, 100.0], "horizon_days": 1}, "horizon_days"),
    ({"daily_net_sales_usd_bn": [100.0], "horizon_days": -3}, "horizon_days"),
    ({"daily_net_sales_usd_bn": [100.0], "horizon_days": 2.5}, "horizon_days"),
    ({"daily_net_sales_usd_bn": [600.0, 600.0], "holdings_usd_bn": 1185.5}, "holdings_usd_bn"),
    ({"daily_net_sales_usd_bn": [40_000.0]}, "daily_net_sales_usd_bn"),  # more than the market
])
def test_bad_input_names_the_argument(kwargs, name) -> None:
    with pytest.raises(ValueError, match=name):
        market.impact_path(**kwargs)


def test_bad_input_of_the_helpers() -> None:
    with pytest.raises(ValueError, match=r"days must be between 1 and 2520"):
        market.even_schedule(100.0, -1)
    with pytest.raises(ValueError, match="days must be a whole number"):
        market.even_schedule(100.0, 2.5)
    with pytest.raises(ValueError, match="holder must be one of japan, china, foreign_official"):
        market.holder_size("Japan ")
    with pytest.raises(ValueError, match="share_sold_pct must be between 0 and 100"):
        market.holder_sale_usd_bn("japan", 150.0)
    with pytest.raises(ValueError, match="ytm"):
        market.ten_year_note_duration_years(4.14)
    with pytest.raises(ValueError, match="face_usd_bn"):
        market.ten_year_equivalents(math.nan, 4.0)
    with pytest.raises(ValueError, match="sold_pct"):
        market.supply_shift(150.0)


def test_selling_exactly_the_holdings_is_allowed() -> None:
    path = market.impact_path([592.75, 592.75], holdings_usd_bn=1185.5)
    assert path.shape == (2,) and np.all(np.isfinite(path))


# ------------------------------------------------------------------------ properties

SALES = arrays(np.float64, st.integers(1, 40),
               elements=st.floats(0.0, 300.0, allow_nan=False, allow_infinity=False))
"""Up to 40 days of up to $300bn: at most $24 trillion in all, inside today's market."""
CALIBRATION = st.sampled_from(NAMES)


@settings(max_examples=60, deadline=None)
@given(SALES, SALES, CALIBRATION)
def test_more_selling_never_lowers_the_impact(sales, extra, name) -> None:
    n = max(len(sales), len(extra))
    base = np.pad(sales, (0, n - len(sales)))
    more = base + np.pad(extra, (0, n - len(extra)))
    assert np.all(market.impact_path(more, name, horizon_days=n + 30)
                  >= market.impact_path(base, name, horizon_days=n + 30) - 1e-9)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 300), CALIBRATION)
def test_zero_sales_move_nothing(days, name) -> None:
    assert np.all(market.impact_path(np.zeros(days), name, horizon_days=days + 10) == 0.0)


@settings(max_examples=60, deadline=None)
@given(SALES, CALIBRATION)
def test_the_short_run_part_decays_to_zero_once_selling_stops(sales, name) -> None:
    cal = market.CALIBRATIONS[name]
    n = len(sales)
    parts = market.impact_parts(sales, name, horizon_days=n + int(30 * cal.half_life_days))
    after = parts.short_run_bp[n - 1:]
    assert np.all(np.diff(after) <= 1e-12)  # falls every day after the last sale
    assert after[-1] <= 1e-9 * max(1.0, after[0]) + 1e-9
    assert parts.short_run_bp[n - 1 + int(cal.half_life_days)] == pytest.approx(
        after[0] / 2, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(SALES, CALIBRATION)
def test_purchases_are_the_mirror_of_sales(sales, name) -> None:
    assert np.allclose(market.impact_path(-sales, name, horizon_days=len(sales) + 5),
                       -market.impact_path(sales, name, horizon_days=len(sales) + 5))


@settings(max_examples=60, deadline=None)
@given(st.floats(1.0, 2000.0), st.integers(1, 100), st.integers(1, 100), CALIBRATION)
def test_the_lasting_part_does_not_depend_on_the_schedule(total, days_a, days_b, name) -> None:
    a = market.impact_parts(market.even_schedule(total, days_a), name, horizon_days=100)
    b = market.impact_parts(market.even_schedule(total, days_b), name, horizon_days=100)
    assert a.lasting_bp[-1] == pytest.approx(b.lasting_bp[-1], rel=1e-12)
    assert a.lasting_bp[-1] == pytest.approx(
        market.CALIBRATIONS[name].lasting_bp_per_pp * 100 * total / TODAY.marketable_debt_usd_bn)


@settings(max_examples=60, deadline=None)
@given(SALES)
def test_the_band_is_ordered_for_a_sale(sales) -> None:
    band = market.impact_band(sales, horizon_days=len(sales) + 60)
    assert np.all(band.low_bp <= band.central_bp + 1e-12)
    assert np.all(band.central_bp <= band.high_bp + 1e-12)
    assert np.allclose(band.central_bp, market.impact_path(sales, horizon_days=len(sales) + 60))


@settings(max_examples=40, deadline=None)
@given(st.floats(0.0, 100.0), st.floats(0.0, 30.0))
def test_impact_scales_with_the_market_in_ten_year_equivalents(amount, duration) -> None:
    """Doubling the market halves the impact; doubling the seller's duration doubles it."""
    small = market.impact_path([amount], marketable_debt_usd_bn=5_000.0,
                               market_duration_years=4.0, seller_duration_years=duration)
    big = market.impact_path([amount], marketable_debt_usd_bn=10_000.0,
                             market_duration_years=4.0, seller_duration_years=duration)
    assert small == pytest.approx(2 * big)
