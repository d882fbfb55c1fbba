"""Building datasets from raw inputs, and refreshing them from the publishers.

:func:`build_dataset` turns raw inputs into a validated table (the build tool and
:func:`refresh` share it). :func:`refresh` downloads the current series from each
publisher's endpoint, builds and validates the table, refuses one that covers less than
the shipped copy, and writes it atomically to the user cache; the shipped copies are never
touched.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Mapping
from http.client import HTTPException
from pathlib import Path

import pandas as pd

from .errors import DataError, RawFormatError, RefreshError
from .schema import period_text, to_csv_bytes, validate
from .spec import ENDPOINTS, SPECS, Built, Fetch, Input, Raw, available, download_only, get_spec
from .store import cache_dir, load, origin_text, sha256, write_dataset

_USER_AGENT = "lessons_lib-data/0.2 (course 'When a big holder sells US Treasuries')"
MAX_BYTES = 50_000_000


def http_get(url: str, timeout: float) -> bytes:
    """GET ``url`` and return the body; raise :class:`RefreshError` on any failure.

    A status other than 200, a body shorter than its ``Content-Length``, a timeout or a
    connection error all raise, with the URL in the message.
    """
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            status = getattr(response, "status", 200)
            if status != 200:
                raise RefreshError(f"{url}: HTTP status {status}")
            body = response.read(MAX_BYTES + 1)
            expected = response.headers.get("Content-Length")
    except RefreshError:
        raise
    except urllib.error.HTTPError as exc:
        raise RefreshError(f"{url}: HTTP status {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, HTTPException, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise RefreshError(f"{url}: download failed ({type(exc).__name__}: {reason})") from exc
    if len(body) > MAX_BYTES:
        raise RefreshError(f"{url}: response larger than {MAX_BYTES} bytes")
    if expected is not None and expected.isdigit() and int(expected) != len(body):
        raise RefreshError(f"{url}: truncated response ({len(body)} of {expected} bytes)")
    if not body:
        raise RefreshError(f"{url}: empty response")
    return body


def input_url(item: Input, endpoints: Mapping[str, str] | None = None) -> str:
    """The download URL of an input, with ``endpoints`` overriding the publishers' templates."""
    if not item.downloadable:
        raise RefreshError(f"input {item.key}: a curated table has no download URL")
    template = (endpoints or {}).get(item.kind) or ENDPOINTS[item.kind].template
    return template.format(param=item.param)


def fetch_input(
    item: Input, fetch: Fetch, timeout: float, endpoints: Mapping[str, str] | None = None
) -> bytes:
    """Download one input, through its endpoint's own fetcher when it has one (paging)."""
    url = input_url(item, endpoints)
    custom = ENDPOINTS[item.kind].fetch
    return custom(url, fetch, timeout) if custom else fetch(url, timeout)


def build_dataset(name: str, raw: Raw) -> Built:
    """Build dataset ``name`` from its raw inputs (curated tables included) and validate it.

    A missing required input raises :class:`RawFormatError` naming it; a missing optional one
    is recorded in :attr:`Built.missing`. Errors inside a builder become
    :class:`RawFormatError` with the dataset's name.
    """
    spec = get_spec(name)
    for item in spec.inputs:
        if item.required and item.key not in raw:
            raise RawFormatError(f"{name}: input {item.key} ({item.local}) is missing")
    try:
        built = spec.builder(raw)
    except DataError:
        raise
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        raise RawFormatError(f"{name}: cannot build from the inputs ({exc!r})") from exc
    validate(built.frame, spec.schema)
    missing = tuple(item.key for item in spec.inputs if item.key not in raw)
    return Built(built.frame, built.vintage, missing)


def _check_not_shorter(name: str, fresh: pd.DataFrame) -> None:
    """Refuse a refreshed table that covers less than the shipped one (a partial download)."""
    try:
        shipped = load(name)
    except DataError:
        return
    schema = SPECS[name].schema
    if fresh.index[0] > shipped.index[0] or fresh.index[-1] < shipped.index[-1]:
        raise RefreshError(
            f"{name}: downloaded data cover {period_text(fresh, schema)}, less than the "
            f"shipped {period_text(shipped, schema)}; kept the existing data")
    missing = [c for c in shipped.columns if c not in fresh.columns]
    if missing:
        raise RefreshError(f"{name}: downloaded data lack columns {missing}; kept the "
                           "existing data")


def refresh(
    name: str,
    timeout: float = 30.0,
    *,
    endpoints: Mapping[str, str] | None = None,
    fetch: Fetch | None = None,
    today: str | None = None,
) -> Path:
    """Download dataset ``name`` from its publishers, validate it and cache it atomically.

    Returns the path of the cached CSV; ``load(name, prefer_cache=True)`` then reads it.
    ``endpoints`` overrides URL templates by endpoint kind (each with a ``{param}`` field);
    ``fetch(url, timeout) -> bytes`` replaces HTTP (tests use recorded responses); ``today``
    (``YYYY-MM-DD``) is the retrieval date to record (default: the current UTC date).

    Raises :class:`RefreshError` when a download fails, is cut short or is malformed, or when
    the result fails validation or covers less than the shipped copy; in every such case the
    cached and shipped files are left as they were.
    """
    spec = get_spec(name)
    if not spec.refreshable:
        tables = ", ".join(item.param for item in spec.curated)
        raise RefreshError(
            f"{name}: built from tables transcribed by hand from cited documents ({tables}); "
            "no public data endpoint. Update them in tools/curated and run `make datasets`.")
    getter = fetch or http_get
    raw: dict[str, bytes] = {}
    built_from = []
    for item in spec.inputs:
        try:
            raw[item.key] = fetch_input(item, getter, timeout, endpoints)
            built_from.append(origin_text(item, input_url(item, endpoints)))
        except RefreshError:
            if item.required:
                raise
    try:
        built = build_dataset(name, raw)
    except DataError as exc:
        raise RefreshError(f"{name}: the download did not give valid data: {exc}") from exc
    _check_not_shorter(name, built.frame)
    retrieved = today or pd.Timestamp.now(tz="UTC").strftime("%Y-%m-%d")
    folder = cache_dir()
    file_name = f"{name}.{sha256(to_csv_bytes(built.frame, spec.schema))[:12]}.csv"
    write_dataset(folder, spec, built, retrieved, built_from, file_name)
    return folder / file_name


def refresh_all(timeout: float = 30.0) -> dict[str, str]:
    """Refresh every dataset that has public endpoints into the user cache.

    Returns, for each dataset, the cached file's path or the reason it was not refreshed
    (the shipped and cached copies are then left as they were).
    """
    results: dict[str, str] = {}
    for name in [*available(), *download_only()]:
        if not SPECS[name].refreshable:
            results[name] = "not refreshed: built from hand-curated tables"
            continue
        try:
            results[name] = str(refresh(name, timeout=timeout))
        except RefreshError as exc:
            results[name] = f"not refreshed: {exc}"
    return results
