"""make data: refresh_all reports per dataset and never stops at the first failure."""

from pathlib import Path

from lessons_lib import data
from lessons_lib.data import refreshing


def test_refresh_all_reports_each_dataset(monkeypatch):
    calls = []

    def fake_refresh(name, timeout):
        calls.append(name)
        if name == "tic_holdings":
            raise data.RefreshError("tic_holdings: download failed (test)")
        return Path("/cache") / f"{name}.csv"

    monkeypatch.setattr(refreshing, "refresh", fake_refresh)
    results = data.refresh_all(timeout=1)
    assert set(results) == set(data.available()) | set(data.download_only())
    assert results["tic_holdings"].startswith("not refreshed: tic_holdings: download failed")
    assert results["yields_monthly"] == "/cache/yields_monthly.csv"
    assert results["events"] == "not refreshed: built from hand-curated tables"
    assert "events" not in calls and "term_premium_kim_wright" in calls
