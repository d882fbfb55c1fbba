"""World Gold Council: official gold reserves by country (its republication of IMF IFS data).

Two layouts:

- the WGC's Central Banks dashboard API (JSON): ``chartData.linechart.QTD_FULL.
  gold_reserves_tns.data`` is a list of ``{"name": ISO3, "data": [[epoch_ms, tonnes], ...]}``
  with ``null`` where a country did not report;
- the mirror's conversion of that JSON to CSV: ``country,quarter_end,gold_reserves_tonnes``.

The API URL below is the one the mirror's fetch log records; it could not be checked from
where this module was written.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from ..errors import RawFormatError
from ..spec import Endpoint, register_endpoint
from .common import text_of

WGC = register_endpoint(Endpoint("wgc", "https://fsapi.gold.org/api/cbd/v11/charts/getPage?{param}"))


def _from_api(body: object, what: str) -> pd.DataFrame:
    try:
        countries = body["chartData"]["linechart"]["QTD_FULL"]["gold_reserves_tns"]["data"]  # type: ignore[index]
    except (KeyError, TypeError) as exc:
        raise RawFormatError(f"{what}: JSON without chartData.linechart.QTD_FULL."
                             "gold_reserves_tns") from exc
    rows = []
    for country in countries:
        try:
            name = str(country["name"])
            for stamp, value in country["data"]:
                if value is None:
                    continue
                day = pd.Timestamp(int(stamp), unit="ms").normalize()
                rows.append((name, day, float(value)))
        except (KeyError, TypeError, ValueError) as exc:
            raise RawFormatError(f"{what}: malformed country entry ({exc!r})") from exc
    return pd.DataFrame(rows, columns=["country", "quarter_end", "tonnes"])


def parse_gold_reserves(raw: bytes) -> pd.DataFrame:
    """Reported official gold holdings as a long table: ``country``, ``quarter_end``, ``tonnes``.

    Countries are ISO 3166 alpha-3 codes; quarters a country did not report are left out.
    Raises :class:`RawFormatError` for another layout, a date that is not a quarter end, or a
    country-quarter given twice.
    """
    what = "WGC official gold reserves"
    text = text_of(raw, what)
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            body = json.loads(stripped)
        except ValueError as exc:
            raise RawFormatError(f"{what}: not valid JSON ({exc})") from exc
        table = _from_api(body, what)
    elif stripped.startswith("country,quarter_end,gold_reserves_tonnes"):
        if not text.endswith("\n"):
            raise RawFormatError(f"{what}: the file ends mid-line (cut short?)")
        try:
            table = pd.read_csv(io.StringIO(stripped), dtype={"country": str, "quarter_end": str})
            table["quarter_end"] = pd.to_datetime(table["quarter_end"], format="%Y-%m-%d")
            table["tonnes"] = pd.to_numeric(table.pop("gold_reserves_tonnes"), errors="raise")
        except (ValueError, pd.errors.ParserError) as exc:
            raise RawFormatError(f"{what}: malformed CSV ({exc})") from exc
        table = table.dropna(subset=["tonnes"])
    else:
        raise RawFormatError(f"{what}: neither the WGC API's JSON nor the CSV "
                             f"'country,quarter_end,gold_reserves_tonnes': {text[:60]!r}")
    if table.empty:
        raise RawFormatError(f"{what}: no holdings")
    if not table["quarter_end"].dt.is_quarter_end.all():
        bad = table.loc[~table["quarter_end"].dt.is_quarter_end, "quarter_end"].iloc[0]
        raise RawFormatError(f"{what}: {bad:%Y-%m-%d} is not a quarter end")
    if table.duplicated(["country", "quarter_end"]).any():
        raise RawFormatError(f"{what}: a country-quarter appears twice")
    return table.sort_values(["quarter_end", "country"]).reset_index(drop=True)
