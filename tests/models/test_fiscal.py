"""The rollover of the debt, CBO's baseline under a rate shock, and debt dynamics
(lessons_lib.fiscal)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons_lib import curve, data, fiscal, maturity

PROFILE = data.load("maturity_profile")
KINDS = list(maturity.KIND_COLUMNS)
FLAT = {"bills": 0.04, "notes": 0.04, "bonds": 0.04, "tips": 0.04}


def small_profile(rows: list[list[float]], start: str = "2025-10-31") -> pd.DataFrame:
    index = pd.date_range(start, periods=len(rows), freq="ME", name="month_end")
    return pd.DataFrame(rows, index=index, columns=KINDS)


# ------------------------------------------------------------------------ rollover by hand


def test_one_bill_rolled_over_by_hand() -> None:
    """$1,200B of bills at 2% maturing at the end of the first month, refinanced at 5% into
    bills only: month 0 pays 1200 * 2% / 12 = 2; the 1,202 borrowed then pays 5% a year, and
    each month's interest is borrowed at its end, so it pays interest from the next month."""
    profile = small_profile([[1200, 0, 0, 0, 0]])
    rates = {"bills": 0.02, "notes": 0.03, "bonds": 0.03, "tips": 0.01}
    run = fiscal.rollover(profile, 0.05, months=3, kind_rates=rates, debt_shares=(1, 0, 0))
    interest = run.monthly["interest_usd_bn"].to_numpy()
    assert interest[0] == pytest.approx(2.0)
    assert interest[1] == pytest.approx(1202 * 0.05 / 12)
    assert interest[2] == pytest.approx((1202 + interest[1]) * 0.05 / 12)
    debt = run.monthly["debt_usd_bn"].to_numpy()
    assert debt == pytest.approx(1200 + np.cumsum(interest))
    assert run.monthly["bills_rate"].tolist() == pytest.approx([0.02, 0.05, 0.05])
    # October to December 2025 are all fiscal year 2026
    assert run.by_year.index.tolist() == [2026] and run.by_year["months"].tolist() == [3]


def test_deficits_are_borrowed_and_frns_pay_the_bill_yield() -> None:
    profile = small_profile([[0, 0, 0, 0, 0]] * 11 + [[0, 0, 0, 0, 600]])
    run = fiscal.rollover(profile, 0.03, monthly_primary_deficit_usd_bn=10.0, months=2,
                          kind_rates=FLAT, debt_shares=(0, 1, 0))
    assert run.monthly["frn_rate"].tolist() == pytest.approx([0.03, 0.03])
    first = 600 * 0.03 / 12
    assert run.monthly["interest_usd_bn"].iloc[0] == pytest.approx(first)
    assert run.monthly["debt_usd_bn"].iloc[0] == pytest.approx(600 + 10 + first)


def test_fiscal_years_run_october_to_september() -> None:
    run = fiscal.rollover(PROFILE, 0.04, months=24)  # from May 2026
    assert run.by_year.index.tolist() == [2026, 2027, 2028]
    assert run.by_year["months"].tolist() == [5, 12, 7]
    september = run.monthly.loc["2026-09-30", "debt_usd_bn"]
    assert run.by_year.loc[2026, "debt_usd_bn"] == september
    assert run.by_year["interest_usd_bn"].sum() == pytest.approx(
        run.monthly["interest_usd_bn"].sum())


def test_issuance_mix_keeping_the_debt_composition() -> None:
    shares = fiscal.issuance_shares((0.2, 0.6, 0.2))
    flow = np.array([0.2 / 0.25, 0.6 / 5.4, 0.2 / 25])
    assert tuple(shares) == pytest.approx(tuple(flow / flow.sum()))
    assert shares.bills > 0.85  # most of what is issued is bills


# ------------------------------------------------------------------------ the model's behaviour


def test_flat_unchanged_curve_average_rate_converges_to_the_yield() -> None:
    """Par issuance at a flat 4% that stays: once the last legacy bond (February 2056) has
    matured, every dollar pays 4%, whatever the stock paid before."""
    run = fiscal.rollover(PROFILE, 0.04, months=360, kind_rates={
        "bills": 0.02, "notes": 0.025, "bonds": 0.03, "tips": 0.01})
    rate = run.monthly["average_rate"]
    assert rate.iloc[0] < 0.03
    assert rate.iloc[-1] == pytest.approx(0.04, abs=1e-12)
    assert (rate.diff().dropna() > -1e-15).all()  # rises as the cheaper stock matures


def test_a_shock_reprices_bills_within_a_year_and_bonds_slowly() -> None:
    base = fiscal.rollover(PROFILE, 0.04, months=120).monthly
    shocked = fiscal.rollover(PROFILE, 0.04, months=120, shock_points=1.0).monthly
    rise = shocked.filter(like="_rate") - base.filter(like="_rate")
    after_a_year = rise.iloc[12]
    assert after_a_year["bills_rate"] == pytest.approx(0.01)  # every bill reissued
    assert after_a_year["frn_rate"] == pytest.approx(0.01)  # reset at once
    assert after_a_year["bonds_rate"] < 0.001  # the long end barely moved
    assert rise["bonds_rate"].iloc[-1] < 0.005  # half-repriced only after ten years
    assert rise["tips_rate"].abs().max() == 0  # TIPS keep their rate until they mature
    assert 0.002 < rise["average_rate"].iloc[12] < 0.006
    assert rise["average_rate"].is_monotonic_increasing


def test_a_fading_shock_adds_less_than_a_lasting_one() -> None:
    lasting = fiscal.rate_shock(1.0).total_usd_bn
    fading = fiscal.rate_shock(1.0, persistence=0.5).total_usd_bn
    assert 0 < fading < lasting


def test_the_mix_matters_for_a_fading_shock_not_a_lasting_one() -> None:
    """A lasting parallel shock reaches all debt issued since it began, whatever its
    maturities: the mix moves the total by about 1% (through the baseline curve's slope).
    A fading one is locked in by long issues and let go by bills."""
    bills, bonds = (0.4, 0.45, 0.15), (0.1, 0.6, 0.3)
    lasting = [fiscal.rate_shock(1.0, debt_shares=s).total_usd_bn for s in (bills, bonds)]
    assert lasting[0] == pytest.approx(lasting[1], rel=0.03)
    fading = [fiscal.rate_shock(1.0, 0.5, debt_shares=s).total_usd_bn for s in (bills, bonds)]
    assert fading[0] < 0.7 * fading[1]


@settings(max_examples=25, deadline=None)
@given(st.floats(-2.0, 3.0), st.floats(0.01, 1.0))
def test_interest_is_monotone_in_the_shock(shock: float, extra: float) -> None:
    low = fiscal.rate_shock(shock).added_interest_usd_bn
    high = fiscal.rate_shock(shock + extra).added_interest_usd_bn
    assert (high > low).all()


@settings(max_examples=20, deadline=None)
@given(st.floats(0.0, 0.1), st.floats(0.0, 0.1))
def test_a_flat_curve_never_pays_more_than_its_highest_rate(y: float, legacy: float) -> None:
    rates = dict.fromkeys(fiscal.LEGACY_KINDS, legacy)
    run = fiscal.rollover(PROFILE, y, months=60, kind_rates=rates)
    average = run.monthly["average_rate"]
    assert (average <= max(y, legacy) + 1e-12).all()
    assert (average >= min(y, legacy) - 1e-12).all()


# ------------------------------------------------------------------------ CBO's baseline


def test_no_change_returns_cbos_baseline() -> None:
    table = fiscal.project()
    base = data.load("cbo_baseline").loc[2026:]
    assert table.index.tolist() == list(range(2026, 2036))
    assert table["interest_usd_bn"].to_numpy() == pytest.approx(base["net_interest_usd_bn"])
    assert table["debt_usd_bn"].to_numpy() == pytest.approx(
        base["debt_held_by_public_usd_bn"])
    assert table["debt_pct_gdp"].to_numpy() == pytest.approx(
        base["debt_held_by_public_pct_gdp"])
    assert table["outlays_usd_bn"].to_numpy() == pytest.approx(base["outlays_usd_bn"])
    assert table["interest_pct_revenue"].to_numpy() == pytest.approx(
        100 * base["net_interest_usd_bn"] / base["revenues_usd_bn"])


def test_the_models_own_baseline_is_near_cbos_net_interest() -> None:
    """Without anchoring, the model's interest on CBO's inputs lies within 10% of CBO's net
    interest each year (below it: TIPS' inflation adjustment and non-marketable debt are not
    counted)."""
    inputs = fiscal.cbo_inputs()
    run = fiscal.rollover(inputs.profile, inputs.yields, inputs.monthly_primary_deficit_usd_bn,
                          months=120, kind_rates=inputs.kind_rates)
    ratio = run.by_year["interest_usd_bn"] / inputs.baseline["net_interest_usd_bn"]
    assert ratio.between(0.9, 1.0).all()


def test_rate_shock_beside_cbos_rule_of_thumb() -> None:
    """CBO: 0.1 point higher rates in every year add about $351bn over 2026-2035.

    The model gives about $319bn, 9% less. Tolerance 20%: CBO's rule also reprices
    non-marketable debt and rate-linked budget items (the model reprices marketable debt only,
    scaled to the debt held by the public), and the model's maturity structure is an April
    2026 profile put at October 2025 with one average rate a kind; each of these moves the
    total by a few percent, not by a fifth.
    """
    shock = fiscal.rate_shock(fiscal.CBO_RULE_SHOCK_POINTS)
    assert shock.added_interest_usd_bn.index.tolist() == list(range(2026, 2036))
    assert shock.total_usd_bn == pytest.approx(fiscal.CBO_RULE_OF_THUMB_USD_BN, rel=0.20)
    assert shock.total_usd_bn < fiscal.CBO_RULE_OF_THUMB_USD_BN
    assert round(shock.total_usd_bn) == 319  # the figure the docstring quotes
    assert shock.added_interest_usd_bn.is_monotonic_increasing  # more reprices every year
    assert shock.total_usd_bn == pytest.approx(shock.added_interest_usd_bn.sum())
    # the added interest is borrowed: the added debt is the interest added so far
    assert shock.added_debt_usd_bn.to_numpy() == pytest.approx(
        shock.added_interest_usd_bn.cumsum().to_numpy())


def test_the_interest_on_the_added_debt_makes_a_shock_slightly_more_than_proportional() -> None:
    one = fiscal.rate_shock(1.0).total_usd_bn
    tenth = fiscal.rate_shock(0.1).total_usd_bn
    assert 10 * tenth < one < 11 * tenth


def test_deficit_and_growth_changes() -> None:
    base = fiscal.project()
    more = fiscal.project(primary_deficit_change_pct_gdp=1.0)
    assert (more["primary_deficit_pct_gdp"] - base["primary_deficit_pct_gdp"]).to_numpy() == (
        pytest.approx(1.0))
    assert (more["debt_pct_gdp"] > base["debt_pct_gdp"]).all()
    assert (more["interest_usd_bn"] > base["interest_usd_bn"]).all()
    faster = fiscal.project(growth_change_points=1.0)
    assert (faster["growth"] - base["growth"]).to_numpy() == pytest.approx(
        0.01 * (1 + base["growth"].to_numpy()))
    assert faster["debt_pct_gdp"].iloc[-1] < base["debt_pct_gdp"].iloc[-1]
    assert faster["r_minus_g_points"].iloc[-1] < base["r_minus_g_points"].iloc[-1]


def test_debt_feedback_adds_to_a_deficit_increase() -> None:
    without = fiscal.project(primary_deficit_change_pct_gdp=2.0)
    with_feedback = fiscal.project(primary_deficit_change_pct_gdp=2.0,
                                   debt_feedback_bp_per_pp=fiscal.CBO_DEBT_FEEDBACK_BP_PER_PP[1])
    assert (with_feedback["interest_usd_bn"] >= without["interest_usd_bn"]).all()
    assert with_feedback["interest_usd_bn"].iloc[-1] > without["interest_usd_bn"].iloc[-1]
    # with CBO's own debt path there is no departure, so no feedback
    assert fiscal.project(debt_feedback_bp_per_pp=3.0)["interest_usd_bn"].to_numpy() == (
        pytest.approx(fiscal.project()["interest_usd_bn"].to_numpy()))


def test_r_below_g_in_cbos_baseline_and_the_shock_that_flips_it() -> None:
    cbo = fiscal.r_minus_g_cbo()
    assert cbo.index.tolist() == list(range(2025, 2036))
    assert (cbo["r_minus_g_points"] < 0).all()
    assert fiscal.project()["r_minus_g_points"].to_numpy() == pytest.approx(
        cbo.loc[2026:, "r_minus_g_points"].to_numpy())
    flip = fiscal.flip_shock_points()
    assert flip.notna().all() and (flip > 0).all()
    assert flip.is_monotonic_decreasing  # more of the debt has repriced each year
    for year in (2026, 2035):
        at = fiscal.project(float(flip[year]))["r_minus_g_points"][year]
        below = fiscal.project(float(flip[year]) - 0.01)["r_minus_g_points"][year]
        assert below < 0 <= at + 1e-3
    assert flip[2035] > -cbo.loc[2035, "r_minus_g_points"]  # full pass-through takes years


def test_r_minus_g_history_from_the_shipped_data() -> None:
    history = fiscal.r_minus_g_history()
    assert history.index[0] == 2001 and history.index[-1] == 2025
    budget = data.load("budget_fy")
    debt = data.load("federal_debt_fy")["debt_held_by_public_usd_bn"]
    r_2024 = budget.loc[2024, "net_interest_usd_bn"] / debt[2023]
    g_2024 = budget.loc[2024, "gdp_fy_usd_bn"] / budget.loc[2023, "gdp_fy_usd_bn"] - 1
    assert history.loc[2024, "r_minus_g_points"] == pytest.approx(100 * (r_2024 - g_2024))
    assert history["r_minus_g_points"].idxmin() == 2022  # inflation lifted nominal growth
    assert history.loc[2009, "r_minus_g_points"] > 0  # the recession: GDP fell


def test_fed_share_of_the_debt() -> None:
    share = fiscal.fed_share_of_debt()
    base = data.load("cbo_baseline")
    assert share.loc[2035, "fed_share_pct"] == pytest.approx(
        100 * base.loc[2035, "debt_held_by_fed_usd_bn"]
        / base.loc[2035, "debt_held_by_public_usd_bn"])


# ------------------------------------------------------------------------ debt dynamics


def test_debt_dynamics_by_hand() -> None:
    # b = 100%, r = 4%, g = 3%, a primary deficit of 2% of GDP:
    # 1.00 * 1.04 / 1.03 + 0.02 = 1.029708...
    assert fiscal.next_debt_ratio(1.0, 0.04, 0.03, -0.02) == pytest.approx(1.04 / 1.03 + 0.02)
    # stable at 100% needs a surplus of (0.04 - 0.03) / 1.03 = 0.97% of GDP
    pb = fiscal.debt_stabilizing_primary_balance(1.0, 0.04, 0.03)
    assert pb == pytest.approx(0.01 / 1.03)
    assert fiscal.next_debt_ratio(1.0, 0.04, 0.03, pb) == pytest.approx(1.0)
    path = fiscal.debt_ratio_path(1.0, 0.04, 0.03, pb, years=5)
    assert path == pytest.approx(np.ones(6))
    two = fiscal.debt_ratio_path(0.5, [0.02, 0.03], 0.05, [0.0, -0.01], years=2)
    assert two[1] == pytest.approx(0.5 * 1.02 / 1.05)
    assert two[2] == pytest.approx(two[1] * 1.03 / 1.05 + 0.01)


def test_cbos_stabilizing_balance_is_a_deficit() -> None:
    """With r < g in CBO's baseline, a primary deficit keeps debt/GDP steady, but a smaller
    one than CBO projects: so the ratio rises from the deficits, not from a snowball."""
    base = data.load("cbo_baseline")
    cbo = fiscal.r_minus_g_cbo()
    for year in (2025, 2035):
        b = base.loc[year, "debt_held_by_public_pct_gdp"] / 100
        r, g = cbo.loc[year, "effective_rate"], cbo.loc[year, "growth"]
        pb = fiscal.debt_stabilizing_primary_balance(b, r, g)
        projected = -base.loc[year, "primary_deficit_usd_bn"] / base.loc[year, "gdp_usd_bn"]
        assert projected < pb < 0


@settings(max_examples=50)
@given(st.floats(0.1, 3.0), st.floats(-0.02, 0.10), st.floats(-0.02, 0.10))
def test_the_stabilizing_balance_stabilizes(b: float, r: float, g: float) -> None:
    pb = fiscal.debt_stabilizing_primary_balance(b, r, g)
    assert fiscal.next_debt_ratio(b, r, g, pb) == pytest.approx(b, abs=1e-12)
    assert np.sign(pb) == np.sign(round(r - g, 15)) or pb == pytest.approx(0, abs=1e-15)


# ------------------------------------------------------------------------ bad input


@pytest.mark.parametrize("call, message", [
    (lambda: fiscal.rollover(small_profile([[-5, 0, 0, 0, 0]]), 0.04), "at least 0"),
    (lambda: fiscal.rollover(PROFILE, 0.04, debt_shares=(0.5, 0.3, 0.1)),
     "debt_shares must sum to 1"),
    (lambda: fiscal.rollover(PROFILE, 0.04, debt_shares=(0.5, 0.5)), "debt_shares must hold"),
    (lambda: fiscal.rollover(PROFILE, 0.04, shock_points=-150.0), "shock_points must be"),
    (lambda: fiscal.rate_shock(-100.5), "shock_points must be between -10 and 10"),
    (lambda: fiscal.rollover(PROFILE, 0.04, kind_rates={**FLAT, "strips": 0.03}),
     r"kind_rates has unknown kinds \['strips'\]"),
    (lambda: fiscal.rollover(PROFILE, 0.04, kind_rates={"bills": 0.03}),
     "kind_rates is missing"),
    (lambda: fiscal.rollover(PROFILE, 4.0), "yields must be .* did you mean 0.04"),
    (lambda: fiscal.rollover(PROFILE, np.full(5, 0.04), months=6), "yields must be a decimal"),
    (lambda: fiscal.rollover(PROFILE, 0.04, months=6.5), "months must be a whole number"),
    (lambda: fiscal.rollover(PROFILE, 0.04, persistence=0.0), "persistence must be more than 0"),
    (lambda: fiscal.rollover(PROFILE, 0.04, monthly_primary_deficit_usd_bn=[1.0, 2.0]),
     "monthly_primary_deficit_usd_bn must be a number"),
    (lambda: fiscal.project(primary_deficit_change_pct_gdp=50), "primary_deficit_change_pct_gdp"),
    (lambda: fiscal.project(debt_feedback_bp_per_pp=-1), "debt_feedback_bp_per_pp"),
    (lambda: fiscal.next_debt_ratio(-1.0, 0.04, 0.03, 0.0), "b must be between 0 and 10"),
    (lambda: fiscal.debt_stabilizing_primary_balance(1.0, 4.0, 0.03), "r must be .*0.04"),
    (lambda: fiscal.debt_stabilizing_primary_balance(1.0, 0.04, -1.0), "g must be"),
    (lambda: fiscal.debt_ratio_path(1.0, [0.04, 0.05], 0.03, 0.0, years=3),
     r"r must be one number or one per year \(3\)"),
    (lambda: fiscal.latest_kind_rates("1990-01-31"), "month must be on or after"),
])
def test_bad_input_is_named(call, message) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_kind_shares_from_the_curve_module_are_accepted() -> None:
    shares = curve.outstanding_shares(PROFILE)
    a = fiscal.rollover(PROFILE, 0.04, months=12, debt_shares=shares)
    b = fiscal.rollover(PROFILE, 0.04, months=12)
    pd.testing.assert_frame_equal(a.by_year, b.by_year)
