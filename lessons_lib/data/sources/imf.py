"""International Monetary Fund: COFER (currency composition of foreign-exchange reserves).

Reads two CSV layouts of the IMF's data portal / SDMX service:

- the data portal's download (wide): one row per series, a ``SERIES_CODE`` column such as
  ``G001.AFXRA.CI_USD.SHRO_PT.Q`` and one column per period (``2024-Q4``, ``2024``);
- SDMX-CSV (long): one row per observation, the dimension columns ``COUNTRY``,
  ``INDICATOR``, ``FXR_CURRENCY``, ``TYPE_OF_TRANSFORMATION``, ``FREQUENCY`` (or a
  ``SERIES_CODE``), ``TIME_PERIOD`` and ``OBS_VALUE``.

Amounts are in US dollars in both (the ``SCALE`` column says "Millions" but the values are
dollars: world total reserves 2024-Q4 read 1.236e13). The SDMX URL below is the IMF's
SDMX 3.0 data service as documented for the new data portal; it could not be checked from
where this module was written.
"""

from __future__ import annotations

import io

import pandas as pd

from ..errors import RawFormatError
from ..spec import Endpoint, register_endpoint
from .common import text_of

IMF_SDMX = register_endpoint(Endpoint(
    "imf_sdmx", "https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.STA/COFER/+/{param}"))

_DIMENSIONS = ("COUNTRY", "INDICATOR", "FXR_CURRENCY", "TYPE_OF_TRANSFORMATION", "FREQUENCY")


def _quarter_end(label: str) -> pd.Timestamp:
    return pd.Period(label.replace("-", ""), freq="Q").to_timestamp(how="end").normalize()


def parse_cofer(raw: bytes, codes: tuple[str, ...]) -> pd.DataFrame:
    """Quarterly COFER series ``codes`` (full series codes ending ``.Q``) as columns.

    The index is quarter-end dates; periods with no value are NaN. Raises
    :class:`RawFormatError` for another layout (an HTML page) or when a series is absent.
    """
    what = "IMF COFER"
    text = text_of(raw, what)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError) as exc:
        raise RawFormatError(f"{what}: not a readable CSV ({exc})") from exc
    columns = set(frame.columns)
    series: dict[str, pd.Series] = {}
    if "TIME_PERIOD" in columns and "OBS_VALUE" in columns:
        if "SERIES_CODE" in columns:
            keys = frame["SERIES_CODE"]
        elif set(_DIMENSIONS) <= columns:
            keys = frame[list(_DIMENSIONS)].agg(".".join, axis=1)
        else:
            raise RawFormatError(f"{what}: SDMX-CSV without series dimensions")
        quarterly = frame[frame["TIME_PERIOD"].str.fullmatch(r"\d{4}-Q[1-4]")]
        for code in codes:
            rows = quarterly[keys[quarterly.index] == code]
            values = pd.to_numeric(rows["OBS_VALUE"].replace("", None), errors="coerce")
            series[code] = pd.Series(values.to_numpy(dtype="float64"),
                                     index=[_quarter_end(p) for p in rows["TIME_PERIOD"]])
    elif "SERIES_CODE" in columns:
        periods = [c for c in frame.columns if len(c) == 7 and c[4:6] == "-Q"]
        if not periods:
            raise RawFormatError(f"{what}: no quarterly period columns (yyyy-Qn)")
        by_code = frame.set_index("SERIES_CODE")
        for code in codes:
            if code not in by_code.index:
                continue
            row = by_code.loc[code, periods]
            if isinstance(row, pd.DataFrame):
                raise RawFormatError(f"{what}: series {code} appears twice")
            values = pd.to_numeric(row.replace("", None), errors="coerce")
            series[code] = pd.Series(values.to_numpy(dtype="float64"),
                                     index=[_quarter_end(p) for p in periods])
    else:
        raise RawFormatError(f"{what}: neither the data portal's CSV (SERIES_CODE) nor "
                             f"SDMX-CSV (TIME_PERIOD, OBS_VALUE): {text[:60]!r}")
    missing = [code for code in codes if code not in series or series[code].dropna().empty]
    if missing:
        raise RawFormatError(f"{what}: series {missing} not in the file")
    table = pd.DataFrame(series).sort_index()
    table.index = pd.DatetimeIndex(table.index, name="quarter_end")
    return table
