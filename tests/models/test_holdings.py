"""Holdings data reading: price effect versus the rest."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons_lib import data, holdings


def test_price_effect_by_hand():
    # $1,000bn at duration 5 years, yields +0.5 point: -1000 * 5 * 0.005 = -25
    assert holdings.valuation_change(1000.0, 5.0, 0.005) == pytest.approx(-25.0)


def test_japan_april_2024_by_hand():
    split = holdings.decompose_change(1167.0, 1126.1, 5.0, 0.0049)
    assert split.recorded_usd_bn == pytest.approx(-40.9)
    assert split.valuation_usd_bn == pytest.approx(-1167.0 * 5.0 * 0.0049)
    assert split.other_usd_bn == pytest.approx(-40.9 + 1167.0 * 5.0 * 0.0049)


def test_default_duration_is_the_average_maturity_notes():
    assert 4.5 < holdings.DEFAULT_PORTFOLIO_DURATION_YEARS < holdings.AVERAGE_MATURITY_YEARS


def test_average_maturity_is_the_latest_figure_of_the_shipped_data():
    wam = data.load("wam_marketable")
    latest = wam.index.max()
    assert holdings.AVERAGE_MATURITY_YEARS == wam.loc[latest, "wam_months"] / 12


def test_vectorised_over_duration():
    durations = np.linspace(0, 10, 11)
    out = holdings.valuation_change(1000.0, durations, 0.005)
    assert out.shape == (11,)
    np.testing.assert_allclose(out, -1000.0 * durations * 0.005)


@pytest.mark.parametrize(
    "args, name",
    [
        ((-1.0, 5.0, 0.005), "holdings_usd_bn must be between 0 and 100000 USD billions"),
        ((1000.0, 31.0, 0.005), "modified_duration_years must be between 0 and 30 years"),
        ((1000.0, float("nan"), 0.005), "modified_duration_years"),
        # 0.5 meant as half a point is 50 points as a decimal: refused, naming the unit
        ((1000.0, 5.0, 0.5), r"yield_change must be between -0.05 and 0.05 as a decimal"),
        ((1000.0, "5", 0.005), "modified_duration_years must be a number"),
        ((None, 5.0, 0.005), "holdings_usd_bn must be a number"),
    ],
)
def test_bad_input_names_the_argument(args, name):
    with pytest.raises(ValueError, match=name):
        holdings.valuation_change(*args)


def test_decompose_names_its_own_arguments():
    with pytest.raises(ValueError, match="start_usd_bn"):
        holdings.decompose_change(-5.0, 100.0, 5.0, 0.001)
    with pytest.raises(ValueError, match="end_usd_bn"):
        holdings.decompose_change(100.0, "lots", 5.0, 0.001)


@settings(max_examples=200, deadline=None)
@given(
    st.floats(0, 5000), st.floats(0, 5000), st.floats(0, 30), st.floats(-0.05, 0.05),
)
def test_parts_add_up_and_signs_follow_yields(start, end, duration, dy):
    split = holdings.decompose_change(start, end, duration, dy)
    assert split.valuation_usd_bn + split.other_usd_bn == pytest.approx(
        split.recorded_usd_bn, abs=1e-9
    )
    assert split.valuation_usd_bn * dy <= 0  # yields up, value down, and the reverse
    if dy > 0.0001 and duration > 0.1 and start > 1:
        assert split.valuation_usd_bn < 0
