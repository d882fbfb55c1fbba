"""Treasury FiscalData (Bureau of the Fiscal Service): the API's JSON, page by page.

The parser also reads the dataset's CSV download and, for offline builds, records pasted
into a JavaScript/TypeScript module (the mirror layout of some raw folders).
"""

from __future__ import annotations

import csv
import io
import json
import re

from ..errors import RawFormatError, RefreshError
from ..spec import Endpoint, Fetch, register_endpoint
from .common import text_of

MAX_PAGES = 100


def fetch_pages(url: str, get: Fetch, timeout: float) -> bytes:
    """All pages of a FiscalData query merged into one JSON ``{"data": [...]}``.

    The record count must equal the API's ``total-count``; otherwise :class:`RefreshError`
    (a partial download).
    """
    rows: list[dict[str, object]] = []
    page, pages, total = 1, 1, None
    while page <= pages:
        page_url = f"{url}&page[number]={page}&page[size]=10000"
        body = get(page_url, timeout)
        try:
            parsed = json.loads(body.decode("utf-8"))
            data = parsed["data"]
            meta = parsed["meta"]
            pages = int(meta["total-pages"])
            total = int(meta["total-count"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise RefreshError(f"{page_url}: not a FiscalData API response ({exc!r})") from exc
        if not isinstance(data, list):
            raise RefreshError(f"{page_url}: 'data' is not a list")
        rows.extend(data)
        page += 1
        if page > MAX_PAGES:
            raise RefreshError(f"{page_url}: more than {MAX_PAGES} pages")
    if total is not None and total != len(rows):
        raise RefreshError(f"{url.split('?')[0]}: got {len(rows)} records of {total} "
                           "(partial download)")
    return json.dumps({"data": rows}).encode("utf-8")


FISCALDATA = register_endpoint(Endpoint(
    "fiscaldata", "https://api.fiscaldata.treasury.gov/services/api/fiscal_service/{param}",
    fetch_pages))


_RECORD = re.compile(r"\{([^{}]*)\}")
_PAIR = re.compile(r"""["']?(\w+)["']?\s*:\s*(?:"([^"]*)"|'([^']*)')""")


def parse_fiscaldata_records(raw: bytes, what: str) -> list[dict[str, str]]:
    """Records of a FiscalData API response as dicts of strings.

    Reads the JSON of ``/services/api/fiscal_service/...`` (``{"data": [...]}``), the same
    records pasted into a JavaScript/TypeScript module (keys unquoted or quoted, single or
    double quotes) or the CSV download of a dataset (header with ``record_date``). Only flat
    records with a ``record_date`` are returned.
    """
    text = text_of(raw, what)
    stripped = text.lstrip()
    if stripped.startswith("record_date"):
        reader = csv.DictReader(io.StringIO(stripped))
        return [dict(row) for row in reader]
    if stripped.startswith("{") and '"data"' in stripped[:200]:
        try:
            body = json.loads(stripped)
        except ValueError as exc:
            raise RawFormatError(f"{what}: response is not valid JSON ({exc})") from exc
        data = body.get("data") if isinstance(body, dict) else None
        if not isinstance(data, list):
            raise RawFormatError(f"{what}: JSON without a 'data' list")
        return [
            {k: "" if v is None else str(v) for k, v in row.items()}
            for row in data
            if isinstance(row, dict) and "record_date" in row
        ]
    records = []
    for match in _RECORD.finditer(text):
        pairs = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
                 for m in _PAIR.finditer(match.group(1))}
        if "record_date" in pairs:
            records.append(pairs)
    return records


def amount(value: str) -> float:
    """A FiscalData amount string as float; ``'null'`` and empty become NaN."""
    if value in ("", "null", "None"):
        return float("nan")
    return float(value)

