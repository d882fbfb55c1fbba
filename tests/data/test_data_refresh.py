"""refresh(): recorded publisher responses, and a local HTTP server that fails, truncates and
returns garbage. Offline: the only network used is 127.0.0.1.

The samples in tests/data/data_samples are responses in the publishers' formats (FRED
``fredgraph.csv``; FiscalData API JSON with ``meta.total-count`` and pagination). The FRED
machinery is exercised on a small test-only dataset (daily 2- and 10-year yields of March-May
2025) registered by a fixture and "shipped" in a temporary folder through
``data.use_folder``, so the tests do not depend on any one catalogue entry.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from lessons_lib import data
from lessons_lib.data import store
from lessons_lib.data.refreshing import http_get, input_url
from lessons_lib.data.schema import Column, Schema
from lessons_lib.data.sources.fred import fred_input, parse_fred_csv
from lessons_lib.data.spec import SPECS, Built, DatasetSpec, Raw, register

SAMPLES = Path(__file__).parent / "data_samples"


DAILY = "test_daily_yields"


def build_test_daily_yields(raw: Raw) -> Built:
    """Daily 2- and 10-year yields, 3 March - 30 May 2025, days without a quote left out."""
    frame = pd.DataFrame({"y2y_pct": parse_fred_csv(raw["DGS2"], "DGS2"),
                          "y10y_pct": parse_fred_csv(raw["DGS10"], "DGS10")})
    frame = frame.loc["2025-03-03":"2025-05-30"].dropna()
    frame.index.name = "date"
    return Built(frame, f"daily data to {frame.index[-1]:%d %b %Y}")


TEST_SPEC = DatasetSpec(
    name=DAILY,
    schema=Schema("date", "business_day", (Column("y2y_pct", low=0, high=10),
                                           Column("y10y_pct", low=0, high=10)), min_rows=40),
    publisher="test", short_source="test", title="test", url="test", series=("DGS2", "DGS10"),
    units="percent", transformation="test", builder=build_test_daily_yields,
    inputs=(fred_input("DGS2", "DGS2.csv"), fred_input("DGS10", "DGS10.csv")),
)


@pytest.fixture(autouse=True)
def shipped_folder(tmp_path: Path) -> Iterator[Path]:
    """The shipped datasets plus the test dataset, in a folder ``load`` reads as shipped."""
    folder = tmp_path / "shipped"
    shutil.copytree(store.shipped_dir(), folder)
    register(TEST_SPEC)
    try:
        raw = {s: (SAMPLES / f"fred_{s}_2025.csv").read_bytes() for s in ("DGS2", "DGS10")}
        store.write_dataset(folder, TEST_SPEC, data.build_dataset(DAILY, raw), "2026-11-01",
                            ["DGS2: sample", "DGS10: sample"])
        with data.use_folder(folder):
            yield folder
    finally:
        SPECS.pop(DAILY)


def sample_for(url: str) -> bytes:
    """The recorded response for a download URL (FRED series or FiscalData page)."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qs(parts.query)
    if "fred" in parts.netloc or parts.path.endswith("/fred"):
        return (SAMPLES / f"fred_{query['id'][0]}_2025.csv").read_bytes()
    endpoint = parts.path.rstrip("/").split("/")[-1]
    page = query.get("page[number]", ["1"])[0]
    if endpoint == "debt_to_penny":
        return (SAMPLES / f"fiscaldata_debt_to_penny_page{page}.json").read_bytes()
    if endpoint == "debt_outstanding":
        return (SAMPLES / "fiscaldata_debt_outstanding.json").read_bytes()
    raise AssertionError(f"no sample for {url}")


def recorded(url: str, timeout: float) -> bytes:
    return sample_for(url)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` with its bytes."""
    if not folder.exists():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def shipped() -> Iterator[dict[str, bytes]]:
    """The shipped files before the test; the test fails if any of them changed."""
    before = snapshot(store.shipped_dir())
    yield before
    assert snapshot(store.shipped_dir()) == before


# ------------------------------------------------------------------------------ recorded responses


def test_refresh_from_recorded_fred_responses(user_cache: Path,
                                              shipped: dict[str, bytes]) -> None:
    path = data.refresh(DAILY, fetch=recorded, today="2026-11-21")
    assert path.parent == user_cache and path.exists()
    fresh = data.load(DAILY, prefer_cache=True)
    pd.testing.assert_frame_equal(fresh, data.load(DAILY))
    assert data.describe(DAILY, prefer_cache=True).retrieved == "2026-11-21"
    # load() without prefer_cache still reads the shipped copy
    shipped_entry = store.read_manifest(store.shipped_dir())[DAILY]
    assert data.describe(DAILY).retrieved == shipped_entry["retrieved"]


def test_refresh_follows_fiscaldata_pages(user_cache: Path,
                                          shipped: dict[str, bytes]) -> None:
    urls: list[str] = []

    def fetch(url: str, timeout: float) -> bytes:
        urls.append(url)
        return sample_for(url)

    data.refresh("federal_debt_fy", fetch=fetch, today="2026-11-21")
    assert any("page[number]=2" in u for u in urls)
    assert all(u.startswith("https://api.fiscaldata.treasury.gov/services/api/fiscal_service/v2/")
               for u in urls)
    fresh = data.load("federal_debt_fy", prefer_cache=True)
    assert round(fresh.loc[2024, "debt_held_by_public_usd_bn"], 1) == 28307.3
    assert round(fresh.loc[2025, "total_public_debt_usd_bn"], 1) == 37637.6


def test_refresh_uses_the_publishers_endpoints() -> None:
    spec = data.SPECS["yields_monthly"]
    urls = [input_url(item) for item in spec.inputs]
    assert "https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS10" in urls
    assert "https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS30" in urls
    tic = input_url(data.SPECS["tic_holdings"].inputs[0])
    assert tic == "https://ticdata.treasury.gov/Publish/mfhhis01.txt"


def test_a_second_refresh_replaces_the_first_cleanly(user_cache: Path) -> None:
    first = data.refresh(DAILY, fetch=recorded, today="2026-11-20")
    second = data.refresh(DAILY, fetch=recorded, today="2026-11-21")
    assert first == second  # same content, same file name
    assert sorted(p.name for p in user_cache.iterdir()) == ["manifest.json", second.name]


def test_curated_datasets_cannot_be_refreshed() -> None:
    with pytest.raises(data.RefreshError, match="events.csv.*tools/curated"):
        data.refresh("events", fetch=recorded)


def test_prefer_cache_falls_back_to_shipped_when_nothing_is_cached() -> None:
    pd.testing.assert_frame_equal(data.load("budget_fy", prefer_cache=True),
                                  data.load("budget_fy"))


def test_damaged_cache_names_the_file(user_cache: Path) -> None:
    path = data.refresh(DAILY, fetch=recorded)
    path.write_bytes(path.read_bytes()[:-20])
    with pytest.raises(data.DataIntegrityError, match=f"checksum mismatch.*{path.name}"):
        data.load(DAILY, prefer_cache=True)
    data.load(DAILY)  # the shipped copy is unaffected


# ------------------------------------------------------------------------------ malformed payloads


def _with(url_to_body: dict[str, bytes]):  # noqa: ANN202 - small test helper
    def fetch(url: str, timeout: float) -> bytes:
        for key, body in url_to_body.items():
            if key in url:
                return body
        return sample_for(url)

    return fetch


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<!DOCTYPE html><html><body>Service unavailable</body></html>", "unexpected header"),
        (b"(replaced below)", "less than the shipped"),
        (b"observation_date,DGS10\n2025-03-03,4.16\n2025-03-0", "cut short"),
        (b"observation_date,DGS10\n2025-03-03,4.16\n2025-03-0,4.2\n", "malformed line"),
        (b"observation_date,DGS10\n2025-03-03,four\n", "malformed value"),
        (b"observation_date,DGS10\n2025-03-03,99.0\n", "above"),
        (b"", "empty"),
    ],
)
def test_malformed_fred_payload_keeps_the_data(user_cache: Path, shipped: dict[str, bytes],
                                               body: bytes, message: str) -> None:
    good = data.refresh(DAILY, fetch=recorded)
    before = snapshot(user_cache)
    sample = (SAMPLES / "fred_DGS10_2025.csv").read_bytes()
    if message == "above":
        body = sample.replace(b"2025-04-11,4.48", b"2025-04-11,99.0")
    if message == "less than the shipped":  # cut at a line end: every line is well formed
        body = sample[: sample.index(b"2025-05-20")]
    with pytest.raises(data.RefreshError, match=message):
        data.refresh(DAILY, fetch=_with({"id=DGS10": body}))
    assert snapshot(user_cache) == before and good.exists()


def test_partial_fiscaldata_download_is_refused(user_cache: Path,
                                                shipped: dict[str, bytes]) -> None:
    page2 = json.loads((SAMPLES / "fiscaldata_debt_to_penny_page2.json").read_text())
    page2["data"] = page2["data"][:-5]
    with pytest.raises(data.RefreshError, match="partial download"):
        data.refresh("federal_debt_fy",
                     fetch=_with({"page[number]=2": json.dumps(page2).encode()}))
    assert snapshot(user_cache) == {}


def test_non_api_json_is_refused(user_cache: Path) -> None:
    with pytest.raises(data.RefreshError, match="not a FiscalData API response"):
        data.refresh("federal_debt_fy", fetch=_with({"debt_outstanding": b'{"error": "x"}'}))
    assert snapshot(user_cache) == {}


def test_interrupted_write_leaves_no_file(user_cache: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        data.refresh(DAILY, fetch=recorded)
    assert [p.name for p in user_cache.iterdir()] == []


# ------------------------------------------------------------------------------ local HTTP server


class Handler(BaseHTTPRequestHandler):
    """Serves the recorded samples; the first path segment picks a failure mode."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        mode = self.path.split("/")[1]
        body = sample_for("http://127.0.0.1" + self.path)
        if mode == "fail":
            self.send_response(503)
            self.send_header("Content-Length", "11")
            self.end_headers()
            self.wfile.write(b"unavailable")
            return
        if mode == "slow":
            time.sleep(1.5)
        if mode == "garbage":
            body = b"<html><head><title>Just a moment...</title></head><body>%%%\x00</body>"
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            if mode == "truncate":
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def endpoints(base: str, mode: str) -> dict[str, str]:
    return {"fred": f"{base}/{mode}/fred?id={{param}}",
            "fiscaldata": f"{base}/{mode}/fiscal/{{param}}"}


def test_refresh_over_http(server: str, user_cache: Path, shipped: dict[str, bytes]) -> None:
    data.refresh(DAILY, timeout=5, endpoints=endpoints(server, "ok"))
    data.refresh("federal_debt_fy", timeout=5, endpoints=endpoints(server, "ok"))
    assert len(data.load("federal_debt_fy", prefer_cache=True)) == 26


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("fail", "HTTP status 503"),
        ("truncate", "truncated|IncompleteRead|download failed"),
        ("garbage", "unexpected header|not valid data"),
        ("slow", "timed out|download failed"),
    ],
)
def test_faulty_server_never_replaces_good_data(server: str, user_cache: Path,
                                                shipped: dict[str, bytes], mode: str,
                                                message: str) -> None:
    data.refresh(DAILY, timeout=5, endpoints=endpoints(server, "ok"))
    before = snapshot(user_cache)
    with pytest.raises(data.RefreshError, match=message) as info:
        data.refresh(DAILY, timeout=0.5, endpoints=endpoints(server, mode))
    assert "127.0.0.1" in str(info.value) or mode == "garbage"
    assert snapshot(user_cache) == before
    data.load(DAILY, prefer_cache=True)


@pytest.mark.parametrize("mode", ["fail", "truncate", "garbage"])
def test_faulty_fiscaldata_server(server: str, user_cache: Path, mode: str) -> None:
    with pytest.raises(data.RefreshError):
        data.refresh("federal_debt_fy", timeout=2, endpoints=endpoints(server, mode))
    assert snapshot(user_cache) == {}


def test_http_get_reports_truncation(server: str) -> None:
    with pytest.raises(data.RefreshError, match="127.0.0.1"):
        http_get(f"{server}/truncate/fred?id=DGS10", timeout=2)
    body = http_get(f"{server}/ok/fred?id=DGS10", timeout=2)
    assert body == (SAMPLES / "fred_DGS10_2025.csv").read_bytes()


def test_unreachable_host_is_a_refresh_error() -> None:
    with pytest.raises(data.RefreshError, match="download failed"):
        http_get("http://127.0.0.1:9/nothing", timeout=1)


# ------------------------------------------------------------------------------ download-only


def synthetic_fred(series: str, start: str, end: str, value: float) -> bytes:
    """A FRED-format CSV with a constant, obviously synthetic value on every weekday."""
    days = pd.bdate_range(start, end)
    lines = [f"observation_date,{series}"] + [f"{d:%Y-%m-%d},{value:.4f}" for d in days]
    return ("\n".join(lines) + "\n").encode()


def test_kim_wright_term_premium_is_download_only(user_cache: Path) -> None:
    assert "term_premium_kim_wright" in data.download_only()
    assert "term_premium_kim_wright" not in data.available()
    with pytest.raises(data.DataIntegrityError,
                       match=r"not shipped.*refresh\('term_premium_kim_wright'\)"):
        data.load("term_premium_kim_wright")
    assert "not shipped" in data.describe("term_premium_kim_wright").period
    body = synthetic_fred("THREEFYTP10", "1999-12-01", "2012-03-30", 0.1234)
    urls: list[str] = []

    def fetch(url: str, timeout: float) -> bytes:
        urls.append(url)
        return body

    data.refresh("term_premium_kim_wright", fetch=fetch, today="2026-11-21")
    assert urls == ["https://fred.stlouisfed.org/graph/fredgraph.csv?id=THREEFYTP10"]
    frame = data.load("term_premium_kim_wright", prefer_cache=True)
    assert frame.index[0] == pd.Timestamp("2000-01-31")
    assert frame.index[-1] == pd.Timestamp("2012-03-31")
    assert (frame["term_premium_10y_pct"] == 0.1234).all()
    assert data.describe("term_premium_kim_wright", prefer_cache=True).retrieved == "2026-11-21"
    assert "term_premium_kim_wright" in data.sources()


def test_unknown_name_mentions_download_only_datasets() -> None:
    with pytest.raises(data.UnknownDatasetError, match="term_premium_kim_wright"):
        data.load("term_premia")


# ------------------------------------------------------------------------------ chapters 00-01b


FRED_SAMPLES = {"FYFR": "fred_FYFR_2018-2025.csv", "FYONET": "fred_FYONET_2018-2025.csv",
                "FYFSD": "fred_FYFSD_2018-2025.csv", "FYOINT": "fred_FYOINT_2018-2025.csv",
                "GDP": "fred_GDP_2017-2025.csv", "DGS2": "fred_DGS2_2023-2024.csv",
                "DGS10": "fred_DGS10_2023-2024.csv"}


def publisher(url: str, timeout: float) -> bytes:
    """Recorded FRED and FiscalData answers; the optional 3-month and 30-year series fail."""
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    if "fred" in url:
        series = query["id"][0]
        if series not in FRED_SAMPLES:
            raise data.RefreshError(f"{url}: HTTP status 503")
        return (SAMPLES / FRED_SAMPLES[series]).read_bytes()
    if "avg_interest_rates" in url:
        return (SAMPLES / "fiscaldata_avg_interest_rates_2024-2025.json").read_bytes()
    raise AssertionError(f"no sample for {url}")


def test_budget_refreshes_from_fred(empty_folder: Path) -> None:
    data.refresh("budget_fy", fetch=publisher, today="2026-11-21")
    fresh = data.load("budget_fy", prefer_cache=True)
    assert list(fresh.index) == list(range(2018, 2026))
    assert round(fresh.loc[2025, "receipts_usd_bn"], 1) == 5236.4  # FYFR 5,236,421 millions
    assert round(fresh.loc[2024, "net_interest_usd_bn"], 1) == 879.9
    assert abs(fresh.loc[2025, "gdp_fy_usd_bn"] - 30363) < 1  # Q4 2024 to Q3 2025


def test_avg_interest_rate_refreshes_from_fiscaldata(empty_folder: Path) -> None:
    data.refresh("avg_interest_rate", fetch=publisher, today="2026-11-21")
    fresh = data.load("avg_interest_rate", prefer_cache=True)
    assert fresh.index[0] == pd.Timestamp("2024-01-31")
    assert fresh.loc["2025-05-31", "total_marketable_pct"] == 3.362
    assert fresh.loc["2024-09-30", "total_marketable_pct"] == 3.392


def test_yields_monthly_refreshes_without_its_optional_series(empty_folder: Path) -> None:
    data.refresh("yields_monthly", fetch=publisher, today="2026-11-21")
    fresh = data.load("yields_monthly", prefer_cache=True)
    assert "y3m_pct" not in fresh and "y30y_pct" not in fresh
    assert len(fresh) == 24 and fresh.loc["2024-04-30", "y10y_pct"] == 4.54
    assert fresh.loc["2024-04-30", "y10y_month_end_pct"] == 4.69
    assert "lacks DGS3MO, DGS30" in data.describe("yields_monthly", prefer_cache=True).notes
