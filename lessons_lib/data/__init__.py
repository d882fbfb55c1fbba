"""The course's datasets: shipped, validated on load, refreshable from the publishers.

Every chart and claim check in the course reads its figures through this package::

    from lessons_lib import data
    holdings = data.load("tic_holdings")        # USD billions, month-end index
    print(data.caption("tic_holdings"))         # one line for a figure caption
    data.describe("tic_holdings")               # source, units, period, transformation

The package ships one CSV per dataset in ``lessons_lib/datasets/`` with a manifest that
records each file's SHA-256, its period, the snapshot it was built from and what it was
built from (the publisher's file or a named mirror). :func:`load` checks the checksum and
the schema every time, so a damaged file fails loudly and names itself.

:func:`refresh` downloads the current series from the publishers' public endpoints, builds
the same table, validates it and writes it atomically to a user cache (``LESSONS_LIB_CACHE``
or the platform's cache folder); ``load(name, prefer_cache=True)`` reads it. The shipped
copies are never touched. ``make datasets`` (``python -m tools.build_data``) rebuilds the
shipped copies from a folder of the publishers' files or from the publishers.

Layout: :mod:`.schema` (column and index kinds, validation, the CSV form), :mod:`.spec`
(dataset specs, the registry, endpoints), :mod:`.sources` (one parser module per
publisher), :mod:`.catalogue` (one module per domain: each spec beside its builder),
:mod:`.store` (folders, manifest, loading), :mod:`.refreshing` (building and downloading).
"""

from __future__ import annotations

from . import catalogue as _catalogue  # noqa: F401  (registers every dataset)
from .errors import (
    DataError,
    DataIntegrityError,
    RawFormatError,
    RefreshError,
    UnknownDatasetError,
)
from .refreshing import build_dataset, refresh, refresh_all
from .spec import SPECS, DatasetSpec, available, download_only, get_spec
from .store import SourceInfo, cache_dir, caption, describe, load, sources, use_folder

__all__ = [
    "SPECS",
    "DataError",
    "DataIntegrityError",
    "DatasetSpec",
    "RawFormatError",
    "RefreshError",
    "SourceInfo",
    "UnknownDatasetError",
    "available",
    "build_dataset",
    "cache_dir",
    "caption",
    "describe",
    "download_only",
    "get_spec",
    "load",
    "refresh",
    "refresh_all",
    "sources",
    "use_folder",
]
