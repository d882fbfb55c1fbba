"""Federal Reserve Bank of New York: the ACM (Adrian, Crump and Moench) term premium workbook.

The publisher's file is the Excel 97 workbook ``ACMTermPremium.xls``; its sheet
``"ACM Daily"`` has a ``DATE`` column and, among the model's yields and risk-neutral yields,
the term premia ``ACMTP01`` ... ``ACMTP10`` (percent). Reading it needs ``xlrd`` (pandas'
engine for .xls). The parser also reads the course's mirror of the 10-year column: a
``date,value`` CSV re-saved by a dashboard (ISO dates, six decimals).
"""

from __future__ import annotations

import io
import warnings
from datetime import datetime

import pandas as pd

from ..errors import RawFormatError
from ..spec import Endpoint, Input, register_endpoint
from .fred import parse_fred_csv

ACM_URL = "https://www.newyorkfed.org/medialibrary/media/research/data_indicators/{param}"
ACM_WORKBOOK = "ACMTermPremium.xls"
ACM_DAILY_SHEET = "ACM Daily"

NYFED_ACM = register_endpoint(Endpoint("nyfed_acm", ACM_URL))

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an Excel 97 (.xls) file starts so
_DATE_FORMATS = ("%d-%b-%Y", "%Y-%m-%d", "%m/%d/%Y")


def acm_input(key: str, local: str, mirror: str = "") -> Input:
    """The input for the ACM workbook, found at ``local`` in a raw folder."""
    return Input(key, "nyfed_acm", ACM_WORKBOOK, local, True, mirror)


def _acm_date(value: object) -> pd.Timestamp:
    if isinstance(value, datetime):
        return pd.Timestamp(value).normalize()
    text = str(value).strip()
    for fmt in _DATE_FORMATS:
        try:
            return pd.Timestamp(datetime.strptime(text, fmt))
        except ValueError:
            continue
    raise ValueError(text)


def acm_series_from_sheet(sheet: pd.DataFrame, column: str = "ACMTP10",
                          what: str = "ACM Daily") -> pd.Series:
    """Column ``column`` of the workbook's sheet (as pandas reads it) as a float Series.

    ``sheet`` has a ``DATE`` column (Excel dates, or text such as ``14-Jun-1961``) and the
    ``column`` wanted, in percent; other columns are ignored and blank trailing rows are
    dropped. Raises :class:`RawFormatError` when a column is missing, a date or value is
    malformed, or the dates are out of order or repeated.
    """
    names = {str(name).strip(): name for name in sheet.columns}
    for needed in ("DATE", column):
        if needed not in names:
            raise RawFormatError(f"{what}: no column {needed!r} (columns: "
                                 f"{', '.join(map(str, names))[:200]})")
    pairs = sheet[[names["DATE"], names[column]]].dropna(how="all")
    try:
        dates = [_acm_date(value) for value in pairs.iloc[:, 0]]
    except ValueError as exc:
        raise RawFormatError(f"{what}: not a date in DATE: {str(exc)[:40]!r}") from exc
    try:
        values = pd.to_numeric(pairs.iloc[:, 1], errors="raise").astype("float64")
    except (ValueError, TypeError) as exc:
        raise RawFormatError(f"{what}: a value of {column} is not a number ({exc})") from exc
    index = pd.DatetimeIndex(dates, name="date")
    series = pd.Series(values.to_numpy(), index=index, name=column)
    if series.empty:
        raise RawFormatError(f"{what}: no rows")
    if not index.is_monotonic_increasing or index.has_duplicates:
        raise RawFormatError(f"{what}: dates out of order or repeated")
    return series


def parse_acm_daily(raw: bytes, column: str = "ACMTP10") -> pd.Series:
    """The daily ACM series ``column`` (percent) from the publisher's workbook or the mirror.

    ``raw`` is ``ACMTermPremium.xls`` (sheet ``"ACM Daily"``, read with xlrd) or a
    ``date,value`` CSV of that one column. Raises :class:`RawFormatError` for anything else
    (an HTML page, a damaged or cut-short workbook, a workbook without the sheet).
    """
    what = f"NY Fed {ACM_WORKBOOK}"
    if raw.startswith(_OLE2_MAGIC):
        try:
            with warnings.catch_warnings():
                # pandas 3 announces that its xlrd engine will go in pandas 4; xlrd is pinned
                warnings.filterwarnings("ignore", "The xlrd engine is deprecated")
                sheet = pd.read_excel(io.BytesIO(raw), sheet_name=ACM_DAILY_SHEET,
                                      engine="xlrd")
        except ImportError:
            raise
        except Exception as exc:  # xlrd raises its own errors, and asserts, on damaged files
            raise RawFormatError(f"{what}: cannot read sheet {ACM_DAILY_SHEET!r} "
                                 f"({type(exc).__name__}: {str(exc)[:120]})") from exc
        return acm_series_from_sheet(sheet, column, f"{what}, sheet {ACM_DAILY_SHEET!r}")
    if raw[:2] == b"PK":
        raise RawFormatError(f"{what}: an .xlsx (zip) file, not the Excel 97 workbook")
    try:
        series = parse_fred_csv(raw, column)
    except RawFormatError as exc:
        raise RawFormatError(f"{what}: neither the Excel workbook nor a date,value CSV of "
                             f"{column} ({exc})") from exc
    if series.isna().any():
        raise RawFormatError(f"{what}: the CSV has empty values on "
                             f"{series.index[series.isna()][0]:%Y-%m-%d}")
    return series.rename(column)
