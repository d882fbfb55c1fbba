"""Japan's Ministry of Finance (MOF): JGB yields and the foreign exchange intervention record.

Two publications:

* JGB constant-maturity yields ("Interest Rate"), English CSVs under
  ``https://www.mof.go.jp/english/policy/jgbs/reference/interest_rate/``:
  ``historical/jgbcme_all.csv`` (from 24 Sep 1974 to the end of the previous month) and
  ``jgbcme.csv`` (the current month). Each has a title line, the header
  ``Date,1Y,2Y,...,10Y,15Y,20Y,25Y,30Y,40Y`` and rows dated ``1974/9/24``; a maturity not yet
  issued is ``-``. The Japanese files (``jgbcm_all.csv``, ``jgbcm.csv``) use era dates
  (``R6.7.11``) and are not read here.
* "Foreign Exchange Intervention Operations" (``foreign_exchange_intervention_operations.csv``),
  one bilingual Shift-JIS (cp932) file with CRLF line ends, linked from the English page
  (``/english/policy/international_policy/reference/feio/``) and from the Japanese page
  (``/policy/international_policy/reference/feio/``). Nine columns: Japanese era year, month,
  day; Gregorian year, English month, day (each written only where it changes); the amount
  in 100 million yen (``"28,382"``); the currency pair in Japanese and in English. A total
  row (``令和6年4月～6月期計`` / ``April - June 2024``) closes each calendar quarter, also the
  quarters without operations (total 0); notes follow the table.

Also reads the mirrors' ``date,value`` re-save of the 10-year JGB column.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import pandas as pd

from ..errors import RawFormatError
from ..spec import Endpoint, Input, register_endpoint

MOF_JGB = register_endpoint(Endpoint(
    "mof_jgb", "https://www.mof.go.jp/english/policy/jgbs/reference/interest_rate/{param}"))
MOF_FEIO = register_endpoint(Endpoint(
    "mof_feio",
    "https://www.mof.go.jp/english/policy/international_policy/reference/feio/{param}"))

FEIO_FILE = "foreign_exchange_intervention_operations.csv"

_SLASH_DATE = re.compile(r"^\d{4}/\d{1,2}/\d{1,2}$")
_ERA_DATE = re.compile(r"^[MTSHR]\d{1,2}\.\d{1,2}\.\d{1,2}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def jgb_input(key: str, param: str, local: str, required: bool = True,
              mirror: str = "") -> Input:
    """An input for the MOF JGB yield CSV ``param`` (a path under the interest-rate page)."""
    return Input(key, "mof_jgb", param, local, required, mirror)


def _decode(raw: bytes, what: str) -> str:
    """UTF-8 when it decodes, else cp932 (Shift-JIS as Japanese Windows writes it)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp932")
        except UnicodeDecodeError as exc:
            raise RawFormatError(f"{what}: neither UTF-8 nor Shift-JIS text") from exc


def _yield_value(cell: str, what: str, line: int) -> float:
    cell = cell.strip()
    if cell in ("", "-"):
        return float("nan")
    try:
        return float(cell)
    except ValueError as exc:
        raise RawFormatError(f"{what}: malformed value on line {line}: {cell[:40]!r}") from exc


def parse_jgb_csv(raw: bytes, column: str = "10Y") -> pd.Series:
    """One maturity of the MOF JGB yield CSV as a float Series, percent per year.

    Reads ``jgbcme_all.csv`` / ``jgbcme.csv`` (title line, ``Date,1Y,...`` header,
    ``YYYY/M/D`` dates, ``-`` for no value) and the ``date,value`` re-save of one column;
    days without a value are dropped. Raises :class:`RawFormatError` for the Japanese files'
    era dates, a missing ``column``, an HTML page or a file that ends mid-line.
    """
    what = f"MOF JGB {column}"
    text = _decode(raw, what)
    if not text.strip():
        raise RawFormatError(f"{what}: empty response")
    if not text.endswith("\n"):
        raise RawFormatError(f"{what}: the file ends mid-line (cut short?)")
    rows = list(csv.reader(io.StringIO(text)))
    header_at = next((i for i, row in enumerate(rows[:5])
                      if row and row[0].strip() in ("Date", "date")), None)
    if header_at is None:
        raise RawFormatError(f"{what}: no 'Date,...' header line at the top "
                             f"({text.splitlines()[0][:60]!r})")
    header = [cell.strip() for cell in rows[header_at]]
    if header == ["date", "value"]:
        position, date_pattern, fmt = 1, _ISO_DATE, "%Y-%m-%d"
    elif column in header:
        position, date_pattern, fmt = header.index(column), _SLASH_DATE, "%Y/%m/%d"
    else:
        raise RawFormatError(f"{what}: no {column!r} column in the header {header[:16]}")
    dates: list[str] = []
    values: list[float] = []
    for number, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        cell = row[0].strip() if row else ""
        if not cell or not any(c.strip() for c in row):
            continue
        if _ERA_DATE.match(cell):
            raise RawFormatError(f"{what}: Japanese-era date {cell!r} on line {number}; read "
                                 "the English file (jgbcme_all.csv), which has Gregorian dates")
        if not date_pattern.match(cell):
            if dates:  # notes below the table end it
                break
            raise RawFormatError(f"{what}: malformed line {number}: {','.join(row)[:80]!r}")
        if len(row) <= position:
            raise RawFormatError(f"{what}: short line {number}: {','.join(row)[:80]!r}")
        dates.append(cell)
        values.append(_yield_value(row[position], what, number))
    if not dates:
        raise RawFormatError(f"{what}: no observations")
    index = pd.DatetimeIndex(pd.to_datetime(dates, format=fmt), name="date")
    result = pd.Series(values, index=index, name=column, dtype="float64")
    if not result.index.is_monotonic_increasing or result.index.has_duplicates:
        raise RawFormatError(f"{what}: dates out of order or repeated")
    return result.dropna()


# --------------------------------------------------------------------------------------------
# Foreign exchange intervention operations
# --------------------------------------------------------------------------------------------

CURRENCIES = {
    "us dollar": "USD",
    "japanese yen": "JPY",
    "german mark": "DEM",
    "euro": "EUR",
    "indonesian rupiah": "IDR",
}
"""The currencies named in the record (English names, lower case) and their ISO codes."""

_PAIR_ORDER = ("EUR", "USD", "DEM", "JPY", "IDR")  # market quoting convention, base first
_MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    start=1)}
_LONG_MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}
_PAIR_TEXT = re.compile(r"^the (.+?) \((sold|bought)\) the (.+?) \((sold|bought)\)$")
_QUARTER_TEXT = re.compile(r"^([A-Za-z]+)\s*-\s*([A-Za-z]+),?\s+(\d{4})$")


@dataclass(frozen=True)
class InterventionRecord:
    """The parsed MOF intervention file.

    ``days``: one row per operation (date index, in file order): ``amount_100m_jpy`` (int, as
    published), ``sold``, ``bought`` (ISO codes), ``quarter`` (the quarter whose total row
    follows it). ``quarter_totals``: the published total of each quarter, 100 million yen,
    indexed by ``pd.Period`` (quarterly).
    """

    days: pd.DataFrame
    quarter_totals: pd.Series


def _amount(cell: str, line: int) -> int:
    text = cell.replace(",", "").strip()
    if not text.isdigit():
        raise RawFormatError(f"MOF interventions: amount {cell!r} on line {line} is not a "
                             "whole number of 100 million yen")
    return int(text)


def _pair(cell: str, line: int) -> tuple[str, str]:
    text = " ".join(cell.replace("\u3000", " ").split())
    match = _PAIR_TEXT.match(text)
    if not match or match.group(2) == match.group(4):
        raise RawFormatError(f"MOF interventions: currency pair {cell[:80]!r} on line {line} "
                             "not understood")
    codes = []
    for name in (match.group(1), match.group(3)):
        code = CURRENCIES.get(name.lower())
        if code is None:
            raise RawFormatError(f"MOF interventions: unknown currency {name!r} on line {line}")
        codes.append(code)
    if match.group(2) == "sold":
        return codes[0], codes[1]
    return codes[1], codes[0]


def currency_pair(sold: str, bought: str) -> str:
    """The pair as quoted in the market, base currency first (``"USD/JPY"``, ``"EUR/JPY"``)."""
    first, second = sorted((sold, bought), key=_PAIR_ORDER.index)
    return f"{first}/{second}"


def _quarter(cell: str, line: int) -> pd.Period:
    match = _QUARTER_TEXT.match(" ".join(cell.split()))
    first = _LONG_MONTHS.get(match.group(1)) if match else None
    last = _LONG_MONTHS.get(match.group(2)) if match else None
    if match is None or first is None or last != first + 2 or first % 3 != 1:
        raise RawFormatError(f"MOF interventions: quarter {cell!r} on line {line} not "
                             "understood")
    return pd.Period(year=int(match.group(3)), quarter=(first + 2) // 3, freq="Q")


def parse_intervention_csv(raw: bytes) -> InterventionRecord:
    """The MOF foreign exchange intervention record: each operation and each quarter's total.

    Reads the Shift-JIS (cp932) publisher file, or a UTF-8 copy of it. The Gregorian year and
    month are carried down from the row that states them; every operation must fall in the
    quarter whose total row follows it. Raises :class:`RawFormatError` when the header is not
    found, a row or pair cannot be read, a date is impossible or out of its quarter, or the
    table has no closing quarter total (a file cut short).
    """
    text = _decode(raw, "MOF interventions")
    if "Foreign Exchange Intervention Operations" not in text[:2000]:
        raise RawFormatError("MOF interventions: title 'Foreign Exchange Intervention "
                             "Operations' not found at the top")
    rows = list(csv.reader(io.StringIO(text)))
    header_at = next((i for i, row in enumerate(rows[:40])
                      if len(row) >= 9 and row[3:6] == ["Year", "Month", "Day"]), None)
    if header_at is None:
        raise RawFormatError("MOF interventions: header row with Year,Month,Day not found")
    year: int | None = None
    month: int | None = None
    pending: list[dict[str, object]] = []
    days: list[dict[str, object]] = []
    totals: dict[pd.Period, int] = {}
    ended = False
    for number, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 9:
            raise RawFormatError(f"MOF interventions: short line {number}: {row!r}")
        label, eyear, emonth, eday, amount = (row[0].strip(), row[3].strip(), row[4].strip(),
                                              row[5].strip(), row[6].strip())
        if label.startswith("(") or label.startswith("（"):
            ended = True  # the notes under the table
            continue
        if ended:
            raise RawFormatError(f"MOF interventions: data after the notes on line {number}")
        if eday:
            if eyear:
                year = int(eyear) if eyear.isdigit() else None
            if emonth:
                month = _MONTHS.get(emonth)
            if year is None or month is None or not eday.isdigit():
                raise RawFormatError(f"MOF interventions: date not understood on line "
                                     f"{number}: {row[:6]!r}")
            try:
                day = pd.Timestamp(year, month, int(eday))
            except ValueError as exc:
                raise RawFormatError(f"MOF interventions: impossible date on line {number}: "
                                     f"{year}-{month}-{eday}") from exc
            sold, bought = _pair(row[8], number)
            pending.append({"date": day, "amount_100m_jpy": _amount(amount, number),
                            "sold": sold, "bought": bought, "line": number})
        elif eyear and not eday:
            quarter = _quarter(eyear, number)
            if quarter in totals:
                raise RawFormatError(f"MOF interventions: quarter {quarter} twice")
            totals[quarter] = _amount(amount, number)
            for item in pending:
                if pd.Timestamp(item["date"]).to_period("Q") != quarter:  # type: ignore[arg-type]
                    raise RawFormatError(
                        f"MOF interventions: the operation on line {item['line']} "
                        f"({pd.Timestamp(item['date']).date()}) is not in {quarter}, the "  # type: ignore[arg-type]
                        "quarter whose total follows it")
                item["quarter"] = str(quarter)
            days.extend(pending)
            pending = []
        else:
            raise RawFormatError(f"MOF interventions: line {number} not understood: {row[:7]!r}")
    if pending or not totals:
        raise RawFormatError("MOF interventions: the table does not end with a quarter total "
                             "(file cut short?)")
    if not ended:
        raise RawFormatError("MOF interventions: the notes under the table are missing "
                             "(file cut short?)")
    quarters = pd.Series(totals, dtype="int64").sort_index()
    expected = pd.period_range(quarters.index[0], quarters.index[-1], freq="Q")
    if len(expected) != len(quarters) or not (quarters.index == expected).all():
        raise RawFormatError("MOF interventions: quarter totals are not consecutive")
    frame = pd.DataFrame(days, columns=["date", "amount_100m_jpy", "sold", "bought", "quarter",
                                        "line"])
    frame = frame.drop(columns="line").set_index("date")
    if not frame.index.is_monotonic_increasing:
        raise RawFormatError("MOF interventions: operations are not in date order")
    return InterventionRecord(frame, quarters)
