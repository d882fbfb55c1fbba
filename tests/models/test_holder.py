"""A yen holder's return on a Treasury (lessons_lib.holder): hand-worked cases, properties,
bad input, and the seller's cost of its own sale through chapter 02's model."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons_lib import bonds, holder, market

NOTE_4PCT = bonds.Bond(coupon_rate=0.04, maturity_years=10)
D_4PCT = float(bonds.modified_duration(NOTE_4PCT, 0.04))
C_4PCT = float(bonds.convexity(NOTE_4PCT, 0.04))

# ------------------------------------------------------------------------------ hedge cost


def test_hedge_cost_by_hand() -> None:
    # 5% against 0% over three months: the forward buys 1/1.0125 of the spot's yen
    assert holder.hedge_cost(0.05, 0.0) == pytest.approx((1.0125 - 1) / 0.25)
    # 5.5% against -0.1%: (1.01375 / 0.99975 - 1) / 0.25
    assert holder.hedge_cost(0.055, -0.001) == pytest.approx((1.01375 / 0.99975 - 1) / 0.25)
    # equal rates cost nothing; higher yen rates make the hedge pay
    assert holder.hedge_cost(0.02, 0.02) == pytest.approx(0.0, abs=1e-15)
    assert holder.hedge_cost(0.01, 0.03) < 0


def test_hedge_cost_is_about_the_rate_gap_and_a_negative_basis_adds_to_it() -> None:
    usd, jpy = np.array([0.01, 0.03, 0.055]), np.array([0.0, -0.001, 0.0025])
    assert holder.hedge_cost(usd, jpy) == pytest.approx(usd - jpy, abs=2e-4)
    plain = holder.hedge_cost(0.05, 0.0)
    with_basis = holder.hedge_cost(0.05, 0.0, basis_bp=-40.0)
    assert with_basis - plain == pytest.approx(0.0040, abs=1e-4)
    # a one-year forward: simple interest over the year
    assert holder.hedge_cost(0.05, 0.01, tenor_years=1.0) == pytest.approx(1.05 / 1.01 - 1)


# ------------------------------------------------------------------------------ yen return


def test_yen_return_by_hand() -> None:
    # the docstring's example: 4% note, a year, no shocks, short rates 5% and 0%
    r = holder.yen_return(0.04, 0.0, 0.0, 0.05, 0.0)
    assert r.carry == pytest.approx(0.04)
    assert r.price_change == 0.0 and r.currency == 0.0
    assert r.unhedged == pytest.approx(0.04)
    assert r.hedge == pytest.approx(1.0125**-4 - 1)  # -4.85%
    assert r.hedge == pytest.approx(-0.0485, abs=5e-5)
    assert r.hedged == pytest.approx(1.04 * 1.0125**-4 - 1)  # -1.04%
    assert r.hedged == pytest.approx(-0.0104, abs=5e-5)


def test_yield_and_yen_shocks_by_hand() -> None:
    # +100bp on a 4% 10-year note: -D x 0.01 + C/2 x 0.0001; the yen 10% stronger
    r = holder.yen_return(0.04, 100.0, -10.0, 0.04, 0.0)
    price = -D_4PCT * 0.01 + 0.5 * C_4PCT * 0.0001
    assert r.price_change == pytest.approx(price)
    assert -0.082 < price < -0.075  # about -7.8%: duration about 8.2, convexity about 78
    assert r.dollar_return == pytest.approx(0.04 + price)
    assert r.unhedged == pytest.approx((1.04 + price) * 0.9 - 1)
    assert r.unhedged == pytest.approx(
        r.carry + r.price_change + r.currency + r.currency_interaction)
    assert r.hedged == pytest.approx(r.carry + r.price_change + r.hedge + r.hedge_interaction)


def test_duration_convexity_approximation_is_close_to_repricing() -> None:
    # a 50bp move at once: the approximation against the exact price change, per $100
    r = holder.yen_return(0.04, 50.0, 0.0, 0.04, 0.04)
    exact = float(bonds.price_change(NOTE_4PCT, 0.04, 0.005).exact) / 100.0
    assert r.price_change == pytest.approx(exact, abs=2e-4)


def test_half_a_year_earns_half_the_carry_and_half_the_hedge() -> None:
    year = holder.yen_return(0.04, 0.0, 0.0, 0.05, 0.01)
    half = holder.yen_return(0.04, 0.0, 0.0, 0.05, 0.01, horizon_years=0.5)
    assert half.carry == pytest.approx(year.carry / 2)
    assert (1 + half.hedge) ** 2 == pytest.approx(1 + year.hedge)


def test_arrays_broadcast() -> None:
    r = holder.yen_return(0.04, np.array([-100.0, 0.0, 100.0]), np.array([[-10.0], [10.0]]),
                          0.05, 0.0)
    assert np.shape(r.unhedged) == (2, 3) and np.shape(r.hedged) == (2, 3)
    assert np.all(np.diff(r.unhedged, axis=1) < 0)  # higher yields, lower returns
    assert np.all(np.diff(r.unhedged, axis=0) > 0)  # a weaker yen, a higher yen return


shocks = st.floats(-500, 500)
moves = st.floats(-50, 100)
rates = st.floats(-0.05, 0.25)
ytms = st.floats(0.0, 0.20)


@settings(max_examples=200, deadline=None)
@given(ytms, shocks, moves, moves, rates, rates)
def test_a_hedged_return_does_not_depend_on_the_spot_move(y, dy, s1, s2, usd, jpy) -> None:
    one = holder.yen_return(y, dy, s1, usd, jpy)
    two = holder.yen_return(y, dy, s2, usd, jpy)
    assert one.hedged == two.hedged
    assert one.hedge == two.hedge


@settings(max_examples=200, deadline=None)
@given(ytms, rates, rates, st.sampled_from([0.5, 1.0, 2.0, 5.0]))
def test_zero_shocks_give_carry_only(y, usd, jpy, horizon) -> None:
    r = holder.yen_return(y, 0.0, 0.0, usd, jpy, horizon_years=horizon)
    assert r.price_change == 0.0 and r.currency == 0.0
    assert r.unhedged == pytest.approx(y * horizon, abs=1e-15)
    # hedged: the carry net of the hedge, and nothing else
    assert r.hedged == pytest.approx((1 + y * horizon) * (1 + r.hedge) - 1, abs=1e-15)
    if usd == jpy:
        assert r.hedged == pytest.approx(y * horizon, abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(ytms, shocks, moves, rates, rates)
def test_the_parts_add_up(y, dy, s, usd, jpy) -> None:
    r = holder.yen_return(y, dy, s, usd, jpy)
    assert r.unhedged == pytest.approx(
        r.carry + r.price_change + r.currency + r.currency_interaction, abs=1e-12)
    assert r.hedged == pytest.approx(r.carry + r.price_change + r.hedge + r.hedge_interaction,
                                     abs=1e-12)
    # a weaker yen never hurts the unhedged holder while the dollar value is positive
    if r.dollar_return > -1:
        assert holder.yen_return(y, dy, s + 1.0 if s < 99 else s, usd, jpy).unhedged >= r.unhedged


@settings(max_examples=100, deadline=None)
@given(ytms, st.floats(0.0, 500.0), st.floats(0.0, 500.0))
def test_a_higher_yield_move_never_gives_more(y, a, b) -> None:
    low, high = sorted((a, b))
    r_low = holder.yen_return(y, low, 0.0, 0.03, 0.0)
    r_high = holder.yen_return(y, high, 0.0, 0.03, 0.0)
    assert r_high.price_change <= r_low.price_change + 1e-15


# ------------------------------------------------------------------------------ inflation


def test_real_return_by_hand() -> None:
    assert holder.real_return(0.04, 0.09) == pytest.approx(1.04 / 1.09 - 1)  # -4.6%
    assert holder.real_return(0.04, 0.09) == pytest.approx(-0.0459, abs=5e-5)
    assert holder.real_return(0.10, 0.02, horizon_years=2) == pytest.approx(1.10 / 1.02**2 - 1)
    assert holder.real_return(0.03, 0.0) == pytest.approx(0.03)


@settings(max_examples=100, deadline=None)
@given(st.floats(-0.5, 2.0), st.floats(0.0, 0.5))
def test_inflation_never_raises_a_return(ret, pi) -> None:
    assert holder.real_return(ret, pi) <= ret + 1e-15


# ------------------------------------------------------------------------------ own sale


def test_sale_cost_by_hand_for_a_one_day_sale() -> None:
    today = market.today()
    d = today.market_duration_years
    cost = holder.sale_cost(100.0, 50.0, 1)
    share = 100 * 50.0 / today.marketable_debt_usd_bn  # percent of the market
    central = market.CALIBRATIONS["central"]
    jump = (central.lasting_bp_per_pp + central.impulse_bp_per_pp) * share
    assert cost.sold_usd_bn == 50.0 and cost.kept_usd_bn == 50.0
    assert cost.peak_yield_change_bp == pytest.approx(jump)
    assert cost.shortfall_usd_bn == pytest.approx(50.0 * d * jump / 2 / 10_000)
    assert 0.008 < cost.shortfall_usd_bn < 0.016  # about $12 million (the docstring's example)
    assert cost.shortfall_pct == pytest.approx(100 * cost.shortfall_usd_bn / 50.0)
    assert cost.kept_markdown_usd_bn == pytest.approx(50.0 * d * jump / 10_000)
    assert cost.kept_markdown_lasting_usd_bn == pytest.approx(
        50.0 * d * central.lasting_bp_per_pp * share / 10_000)


def test_sale_cost_uses_chapter_02s_band_and_selling_slower_costs_less() -> None:
    japan = market.holder_holdings_usd_bn("japan")[1]
    costs = {name: holder.sale_cost(japan, 20.0, 20, calibration=name)
             for name in ("low", "central", "high")}
    assert (costs["low"].shortfall_usd_bn < costs["central"].shortfall_usd_bn
            < costs["high"].shortfall_usd_bn)
    band = market.impact_band(market.even_schedule(japan * 0.2, 20))
    assert costs["central"].peak_yield_change_bp == pytest.approx(band.central_bp.max())
    slow = holder.sale_cost(japan, 20.0, 120)
    assert slow.shortfall_usd_bn < costs["central"].shortfall_usd_bn
    # the lasting markdown of what is kept does not depend on the pace
    assert slow.kept_markdown_lasting_usd_bn == pytest.approx(
        costs["central"].kept_markdown_lasting_usd_bn)
    nothing = holder.sale_cost(japan, 0.0, 20)
    assert nothing.shortfall_usd_bn == 0.0 and nothing.shortfall_pct == 0.0


# ------------------------------------------------------------------------------ bad input


@pytest.mark.parametrize("kwargs, name", [
    ({"ytm": 4.0}, "ytm"),
    ({"ytm": -0.01}, "ytm"),
    ({"yield_change_bp": 600.0}, "yield_change_bp"),
    ({"jpy_per_usd_change_pct": -60.0}, "jpy_per_usd_change_pct"),
    ({"usd_short_rate": 5.0}, "usd_short_rate"),
    ({"jpy_short_rate": -0.2}, "jpy_short_rate"),
    ({"maturity_years": 10.3}, "maturity_years"),
    ({"horizon_years": 0.0}, "horizon_years"),
    ({"horizon_years": 11.0}, "horizon_years"),
    ({"tenor_years": 2.0}, "tenor_years"),
    ({"basis_bp": -500.0}, "basis_bp"),
])
def test_bad_input_names_the_argument_and_its_range(kwargs, name) -> None:
    args = {"ytm": 0.04, "yield_change_bp": 0.0, "jpy_per_usd_change_pct": 0.0,
            "usd_short_rate": 0.05, "jpy_short_rate": 0.0, **kwargs}
    with pytest.raises(ValueError, match=rf"^{name} must be"):
        holder.yen_return(**args)


def test_bad_input_elsewhere() -> None:
    with pytest.raises(ValueError, match=r"usd_short_rate must be .*did you mean 0\.055"):
        holder.hedge_cost(5.5, 0.0)
    with pytest.raises(ValueError, match="^inflation_rate must be"):
        holder.real_return(0.04, 9.0)
    with pytest.raises(ValueError, match="^nominal_return must be"):
        holder.real_return(-1.5, 0.02)
    with pytest.raises(ValueError, match="^share_sold_pct must be between 0 and 100"):
        holder.sale_cost(100.0, 120.0, 5)
    with pytest.raises(ValueError, match="^days must be a whole number"):
        holder.sale_cost(100.0, 10.0, 2.5)
    with pytest.raises(ValueError, match="^sampling must be one of monthly, daily"):
        holder.hedged_ten_year_yield("weekly")


# ------------------------------------------------------------------------------ from the data


def test_the_hedged_table_is_its_columns_arithmetic() -> None:
    table = holder.hedged_ten_year_yield()
    assert list(table.columns) == ["y10y_pct", "y3m_pct", "jpy_call_overnight_pct",
                                   "hedge_cost_pct", "hedged_10y_pct"]
    assert not table.isna().any().any()
    gap = table["y3m_pct"] - table["jpy_call_overnight_pct"]
    assert np.allclose(table["hedge_cost_pct"], gap, atol=0.02)  # a few hundredths at most
    assert np.allclose(table["hedged_10y_pct"], table["y10y_pct"] - table["hedge_cost_pct"])
    dec_2023 = table.loc["2023-12-31"]
    assert dec_2023["hedge_cost_pct"] == pytest.approx(5.45, abs=0.005)  # hedge_cost docstring


def test_latest_rates_are_the_last_row_of_the_daily_table() -> None:
    latest = holder.latest_rates()
    daily = holder.hedged_ten_year_yield("daily")
    assert latest.date == daily.index[-1]
    assert latest.ten_year_yield == pytest.approx(daily["y10y_pct"].iloc[-1] / 100)
    assert latest.hedge_cost == pytest.approx(daily["hedge_cost_pct"].iloc[-1] / 100)
    assert 60 < latest.jpy_per_usd < 400
