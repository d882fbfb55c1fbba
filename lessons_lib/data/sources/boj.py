"""Bank of Japan (BOJ): daily series from the Time-Series Data Search API, as CSV.

The BOJ's API (public since 18 Feb 2026, no key) serves one series per request as
``https://www.stat-search.boj.or.jp/api/v1/getDataCode?format=csv&lang=en&db=DB&code=CODE``.
Its English CSV is UTF-8: a preamble of ``KEY,value`` lines (``STATUS``, ``MESSAGEID``,
``MESSAGE``, ``DATE``, ``PARAMETER`` ..., ``NEXTPOSITION``), then the header
``SERIES_CODE,NAME_OF_TIME_SERIES,UNIT,FREQUENCY,CATEGORY,LAST_UPDATE,SURVEY_DATES,VALUES``
and one row per calendar day (``SURVEY_DATES`` as ``YYYYMMDD``; ``null`` on weekends and
holidays). Errors come back as JSON even when CSV was asked for.

Also reads the mirrors' ``date,value`` re-save (ISO dates, business days only).
"""

from __future__ import annotations

import csv
import io
import re

import pandas as pd

from ..errors import RawFormatError
from ..spec import Endpoint, Input, register_endpoint
from .common import text_of

BOJ = register_endpoint(Endpoint(
    "boj", "https://www.stat-search.boj.or.jp/api/v1/getDataCode?format=csv&lang=en&{param}"))

_HEADER = ["SERIES_CODE", "NAME_OF_TIME_SERIES", "UNIT", "FREQUENCY", "CATEGORY",
           "LAST_UPDATE", "SURVEY_DATES", "VALUES"]
_DAY = re.compile(r"^\d{8}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def boj_input(key: str, db: str, code: str, start: str, local: str, mirror: str = "") -> Input:
    """The input for BOJ series ``db'code`` from month ``start`` (``YYYYMM``) on."""
    return Input(key, "boj", f"db={db}&code={code}&startDate={start}", local, True, mirror)


def _number(cell: str, what: str, line: int) -> float:
    if cell in ("", "null", "NA"):
        return float("nan")
    try:
        return float(cell)
    except ValueError as exc:
        raise RawFormatError(f"{what}: malformed value on line {line}: {cell[:40]!r}") from exc


def _series(dates: list[str], values: list[float], fmt: str, code: str) -> pd.Series:
    if not dates:
        raise RawFormatError(f"BOJ {code}: no observations")
    index = pd.DatetimeIndex(pd.to_datetime(dates, format=fmt), name="date")
    result = pd.Series(values, index=index, name=code, dtype="float64")
    if not result.index.is_monotonic_increasing or result.index.has_duplicates:
        raise RawFormatError(f"BOJ {code}: dates out of order or repeated")
    return result.dropna()


def _parse_api(rows: list[list[str]], code: str) -> pd.Series:
    preamble: dict[str, str] = {}
    start = None
    for number, row in enumerate(rows):
        if [cell.strip() for cell in row] == _HEADER:
            start = number + 1
            break
        if row:
            preamble.setdefault(row[0].strip(), ",".join(row[1:]).strip())
    if preamble.get("STATUS") != "200":
        raise RawFormatError(f"BOJ {code}: API status {preamble.get('STATUS')!r}: "
                             f"{preamble.get('MESSAGE', '')[:120]}")
    if start is None:
        raise RawFormatError(f"BOJ {code}: no SERIES_CODE header line in the API response")
    if preamble.get("NEXTPOSITION"):
        raise RawFormatError(f"BOJ {code}: partial response (NEXTPOSITION "
                             f"{preamble['NEXTPOSITION']}); ask for a shorter period")
    dates: list[str] = []
    values: list[float] = []
    for number, row in enumerate(rows[start:], start=start + 1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(_HEADER) or not _DAY.match(row[6].strip()):
            raise RawFormatError(f"BOJ {code}: malformed line {number}: {','.join(row)[:80]!r}")
        if row[0].strip() != code:
            raise RawFormatError(f"BOJ {code}: line {number} is series {row[0][:40]!r}")
        dates.append(row[6].strip())
        values.append(_number(row[7].strip(), f"BOJ {code}", number))
    return _series(dates, values, "%Y%m%d", code)


def _parse_resave(rows: list[list[str]], code: str) -> pd.Series:
    dates: list[str] = []
    values: list[float] = []
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != 2 or not _ISO_DATE.match(row[0]):
            raise RawFormatError(f"BOJ {code}: malformed line {number}: {','.join(row)[:80]!r}")
        dates.append(row[0])
        values.append(_number(row[1].strip(), f"BOJ {code}", number))
    return _series(dates, values, "%Y-%m-%d", code)


def parse_boj_csv(raw: bytes, code: str) -> pd.Series:
    """BOJ daily series ``code`` (e.g. ``STRDCLUCON``) as a float Series, percent or as published.

    Reads the API's CSV (preamble, header, ``YYYYMMDD`` rows, ``null`` when there is no
    value) and the ``date,value`` re-save; days without a value are dropped. Raises
    :class:`RawFormatError` for an API error (a JSON body or a ``STATUS`` other than 200), a
    partial answer (``NEXTPOSITION`` set), another series, an HTML page or a file that ends
    mid-line.
    """
    text = text_of(raw, f"BOJ {code}")
    if not text.strip():
        raise RawFormatError(f"BOJ {code}: empty response")
    if text.lstrip().startswith("{"):
        raise RawFormatError(f"BOJ {code}: the API answered with an error (JSON): "
                             f"{text.strip()[:160]!r}")
    rows = list(csv.reader(io.StringIO(text)))
    first = [cell.strip() for cell in rows[0]]
    if first == ["date", "value"]:
        if not text.endswith("\n"):
            raise RawFormatError(f"BOJ {code}: the file ends mid-line (cut short?)")
        return _parse_resave(rows, code)
    if first and first[0] == "STATUS":
        return _parse_api(rows, code)
    raise RawFormatError(f"BOJ {code}: unexpected first line {text.splitlines()[0][:80]!r}")
