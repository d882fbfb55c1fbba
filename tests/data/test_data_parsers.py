"""Parsers of the publishers' formats, on small hand-written samples of each layout."""

from __future__ import annotations

import json
import math
from datetime import date

import pandas as pd
import pytest

from lessons_lib import data
from lessons_lib.data.catalogue.fiscal import _fiscal_year_end_records
from lessons_lib.data.sources.common import monthly_mean
from lessons_lib.data.sources.fiscaldata import amount, parse_fiscaldata_records
from lessons_lib.data.sources.fred import parse_fred_csv
from lessons_lib.data.sources.tic import parse_tic_mfh

# A miniature of TIC's mfhhis01.txt: tab-separated year blocks, newest month on the left, a
# month printed twice at a series break (left = newer series), a dated footer.
TIC_SAMPLE = "\n".join(
    [
        "\t\t\tMAJOR FOREIGN HOLDERS OF TREASURY SECURITIES\t\t",
        "\t\t\t    (in billions of dollars)\t\t",
        "",
        "\tFeb\tJan\t",
        "Country\t2011\t2011\t",
        "\t------\t------\t",
        "Japan\t890.3\t886\t",
        '"China, Mainland"\t1154.7\t1155.2\t',
        "Grand Total\t4470.6\t4451.8\t",
        "Of which:\t\t\t",
        "  For. Official\t3200.9\t3184.1\t",
        "",
        "\tDec\tNov\tJun\tJun\t",
        "Country\t2010\t2010\t2010\t2010\t",
        "Japan\t882.3\t875.9\t799.9\t801.2\t",
        '"China, Mainland"\t1160.1\t1164.1\t1112.1\t843.7\t',
        "Grand Total\t4415.8\t4394.4\t4070\t4002.9\t",
        "  For. Official\t3189.3\t3212.4\t3071.4\t2688.7\t",
        "",
        "Department of the Treasury/Federal Reserve Board\t\t",
        "3/18/26\t\t",
        '"(2011 revised August 15, 2018)"\t\t',
        '"(2010 revised August 15, 2018)"\t\t',
        "",
    ]
)


def test_parse_tic_mfh_reads_blocks_and_keeps_the_newer_series() -> None:
    table = parse_tic_mfh(TIC_SAMPLE.encode())
    frame = table.holdings
    # Jul-Oct 2010 are absent from this miniature, so only the listed months appear
    assert [f"{d:%Y-%m}" for d in frame.index] == ["2010-06", "2010-11", "2010-12", "2011-01",
                                                   "2011-02"]
    assert frame.loc["2010-06-30", "china_usd_bn"] == 1112.1  # not 843.7
    assert frame.loc["2011-02-28"].tolist() == [890.3, 1154.7, 4470.6, 3200.9]
    assert table.series_breaks == ("2010-06",)
    assert table.file_date == date(2026, 3, 18)
    assert table.revisions == {2011: "August 15, 2018", 2010: "August 15, 2018"}


def test_parse_tic_mfh_accepts_windows_line_ends() -> None:
    table = parse_tic_mfh(TIC_SAMPLE.replace("\n", "\r\n").encode())
    assert table.holdings.loc["2011-01-31", "japan_usd_bn"] == 886.0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<html><body>Not found</body></html>", "title"),
        (TIC_SAMPLE.split("Department")[0], "cut short"),
        (TIC_SAMPLE.replace("Grand Total\t4470.6", "Grand Total\tn/a"), "not a number"),
        (TIC_SAMPLE.replace("  For. Official\t3200.9\t3184.1\t\n", ""), "missing"),
        (TIC_SAMPLE.replace("\tFeb\tJan", "\tFeb\tJam"), "bad column header"),
    ],
)
def test_parse_tic_mfh_rejects_damaged_files(text: str, message: str) -> None:
    with pytest.raises(data.RawFormatError, match=message):
        parse_tic_mfh(text.encode())


@pytest.mark.parametrize(
    "header", ["observation_date,DGS10", "DATE,DGS10", "date,value"]
)
def test_parse_fred_csv_headers_and_missing_values(header: str) -> None:
    body = f"{header}\n2025-04-17,4.34\n2025-04-18,.\n2025-04-21,\n2025-04-22,4.40\n"
    series = parse_fred_csv(body.encode(), "DGS10")
    assert series.name == "DGS10" and len(series) == 4
    assert series["2025-04-17"] == 4.34 and series["2025-04-22"] == 4.40
    assert math.isnan(series["2025-04-18"]) and math.isnan(series["2025-04-21"])


def test_parse_fred_csv_rejects_another_series() -> None:
    with pytest.raises(data.RawFormatError, match="unexpected header"):
        parse_fred_csv(b"observation_date,DGS2\n2025-04-17,3.8\n", "DGS10")


def test_parse_fred_csv_rejects_dates_out_of_order() -> None:
    with pytest.raises(data.RawFormatError, match="order"):
        parse_fred_csv(b"DATE,DGS10\n2025-04-18,4.3\n2025-04-17,4.3\n", "DGS10")


def test_parse_fiscaldata_records_reads_json_typescript_and_csv() -> None:
    api = {"data": [{"record_date": "2024-09-30", "debt_held_public_amt": "28307312290783.00",
                     "intragov_hold_amt": None}],
           "meta": {"total-count": 1, "total-pages": 1}}
    records = parse_fiscaldata_records(json.dumps(api).encode(), "api")
    assert records == [{"record_date": "2024-09-30", "debt_held_public_amt": "28307312290783.00",
                        "intragov_hold_amt": ""}]
    ts = (b"export const debtRecords = [\n  {\n    record_date: '2024-09-30',\n"
          b"    debt_held_public_amt: '28307312290783.00', // a comment\n  },\n"
          b'  {\n    "record_date": "2024-09-27",\n    "debt_held_public_amt": "null"\n  }\n]\n')
    records = parse_fiscaldata_records(ts, "ts")
    assert [r["record_date"] for r in records] == ["2024-09-30", "2024-09-27"]
    assert math.isnan(amount(records[1]["debt_held_public_amt"]))
    csv_body = b"record_date,debt_outstanding_amt\n2025-09-30,37637553494935.61\n"
    assert parse_fiscaldata_records(csv_body, "csv") == [
        {"record_date": "2025-09-30", "debt_outstanding_amt": "37637553494935.61"}]
    with pytest.raises(data.RawFormatError, match="not valid JSON"):
        parse_fiscaldata_records(b'{"data": [1, 2', "broken")


def test_fiscal_year_end_skips_an_unfinished_september() -> None:
    records = [{"record_date": "2024-09-30", "x": "1.0"}, {"record_date": "2025-09-12", "x": "2"},
               {"record_date": "2023-09-29", "x": "3.0"}, {"record_date": "2023-09-28", "x": "9"}]
    result = _fiscal_year_end_records(records, "x")
    assert result.to_dict() == {2023: 3.0, 2024: 1.0}


def test_monthly_mean_rounds_half_up_and_drops_an_unfinished_month() -> None:
    days = pd.to_datetime(["2008-04-01", "2008-04-30", "2008-05-01"])
    series = pd.Series([3.67, 3.68, 3.70], index=days)
    means = monthly_mean(series)
    assert means.to_dict() == {pd.Timestamp("2008-04-30"): 3.68}  # 3.675 -> 3.68; May dropped


def test_refresh_refuses_a_valid_but_short_tic_table(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("LESSONS_LIB_CACHE", str(tmp_path))
    with pytest.raises(data.RefreshError, match="only 5 rows|less than the shipped"):
        data.refresh("tic_holdings", fetch=lambda url, timeout: TIC_SAMPLE.encode())
    cut = TIC_SAMPLE.split("Department")[0].encode()  # the tables without the dated footer
    with pytest.raises(data.RefreshError, match="cut short"):
        data.refresh("tic_holdings", fetch=lambda url, timeout: cut)
    assert list(tmp_path.iterdir()) == []
