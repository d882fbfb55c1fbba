"""Holdings data reading: price effect versus the rest."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons_lib import holdings


def test_price_effect_by_hand():
    # $1,000bn at duration 5 years, yields +0.5 point: -1000 * 5 * 0.005 = -25
    assert holdings.valuation_change(1000.0, 5.0, 0.5) == pytest.approx(-25.0)


def test_japan_april_2024_by_hand():
    split = holdings.decompose_change(1167.0, 1126.1, 5.0, 0.49)
    assert split.recorded_usd_bn == pytest.approx(-40.9)
    assert split.valuation_usd_bn == pytest.approx(-1167.0 * 5.0 * 0.0049)
    assert split.other_usd_bn == pytest.approx(-40.9 + 1167.0 * 5.0 * 0.0049)


def test_default_duration_is_the_average_maturity_notes():
    assert 4.5 < holdings.DEFAULT_PORTFOLIO_DURATION_YEARS < holdings.AVERAGE_MATURITY_YEARS


def test_vectorised_over_duration():
    durations = np.linspace(0, 10, 11)
    out = holdings.valuation_change(1000.0, durations, 0.5)
    assert out.shape == (11,)
    np.testing.assert_allclose(out, -1000.0 * durations * 0.005)


@pytest.mark.parametrize(
    "args, name",
    [
        ((-1.0, 5.0, 0.5), "holdings_usd_bn"),
        ((1000.0, 31.0, 0.5), "modified_duration_years"),
        ((1000.0, 5.0, 50.0), "yield_change_points"),
        ((1000.0, float("nan"), 0.5), "modified_duration_years"),
    ],
)
def test_bad_input_names_the_argument(args, name):
    with pytest.raises(ValueError, match=name):
        holdings.valuation_change(*args)


@settings(max_examples=200, deadline=None)
@given(
    st.floats(0, 5000), st.floats(0, 5000), st.floats(0, 30), st.floats(-5, 5),
)
def test_parts_add_up_and_signs_follow_yields(start, end, duration, dy):
    split = holdings.decompose_change(start, end, duration, dy)
    assert split.valuation_usd_bn + split.other_usd_bn == pytest.approx(
        split.recorded_usd_bn, abs=1e-9
    )
    assert split.valuation_usd_bn * dy <= 0  # yields up, value down, and the reverse
    if dy > 0.01 and duration > 0.1 and start > 1:
        assert split.valuation_usd_bn < 0
