"""Where datasets live (the shipped folder, the user cache), their manifest, and loading.

Each folder holds one CSV per dataset and ``manifest.json``, which records each file's
SHA-256, rows, period, retrieval date, vintage and what it was built from. :func:`load`
checks the checksum and the schema every time, so a damaged file fails loudly and names
itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd
import platformdirs

from .errors import DataError, DataIntegrityError
from .schema import period_text, read_csv, to_csv_bytes, validate
from .spec import SPECS, Built, DatasetSpec, Input, get_spec

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1

_folder_override: list[Path] = []


def shipped_dir() -> Path:
    """The folder of the shipped datasets (inside the installed package).

    :func:`use_folder` points it elsewhere for a block of code (tests do).
    """
    if _folder_override:
        return _folder_override[-1]
    return Path(str(resources.files("lessons_lib").joinpath("datasets")))


@contextlib.contextmanager
def use_folder(folder: Path | str) -> Iterator[Path]:
    """Within the block, :func:`load` and friends read ``folder`` as the shipped folder.

    For tests and for a lecturer's own build: ``with data.use_folder(tmp): data.load(...)``.
    """
    path = Path(folder)
    _folder_override.append(path)
    try:
        yield path
    finally:
        _folder_override.remove(path)


def cache_dir() -> Path:
    """The folder where ``refresh`` writes (not created here).

    ``LESSONS_LIB_CACHE`` wins; otherwise the platform's user cache folder for
    ``lessons_lib`` (``~/.cache/lessons_lib`` on Linux, as platformdirs gives it).
    """
    env = os.environ.get("LESSONS_LIB_CACHE")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("lessons_lib", appauthor=False))


# --------------------------------------------------------------------------------------------
# Manifest and files
# --------------------------------------------------------------------------------------------


def sha256(payload: bytes) -> str:
    """Hex SHA-256 of ``payload``."""
    return hashlib.sha256(payload).hexdigest()


def read_manifest(folder: Path) -> dict[str, dict[str, object]]:
    """The manifest's entry per dataset in ``folder`` (checksum, rows, period, retrieval).

    A folder without a manifest gives ``{}``; an unreadable or unknown manifest raises
    :class:`DataIntegrityError` naming the file.
    """
    path = folder / MANIFEST_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise DataIntegrityError(f"manifest {path} cannot be read: {exc}") from exc
    if not isinstance(raw, dict) or raw.get("format") != MANIFEST_FORMAT:
        raise DataIntegrityError(f"manifest {path} has an unknown format")
    datasets = raw.get("datasets")
    if not isinstance(datasets, dict):
        raise DataIntegrityError(f"manifest {path} has no 'datasets' table")
    return datasets


def atomic_write(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; data files are for everyone to read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_manifest(folder: Path, datasets: Mapping[str, Mapping[str, object]]) -> None:
    """Write ``manifest.json`` in ``folder`` atomically, datasets sorted by name."""
    body = {"format": MANIFEST_FORMAT,
            "datasets": {k: dict(datasets[k]) for k in sorted(datasets)}}
    text = json.dumps(body, indent=2, sort_keys=True) + "\n"
    atomic_write(folder / MANIFEST_NAME, text.encode("utf-8"))


def origin_text(item: Input, downloaded_from: str | None) -> str:
    """What one input of a written copy was read from: a URL, or a raw-folder file."""
    if downloaded_from:
        return f"{item.key}: downloaded from {downloaded_from}"
    text = f"{item.key}: {item.local}"
    return text + (f" (mirror: {item.mirror})" if item.mirror else " (publisher's file)")


def write_dataset(
    folder: Path,
    spec: DatasetSpec,
    built: Built,
    retrieved: str,
    built_from: list[str],
    file_name: str | None = None,
) -> dict[str, object]:
    """Write one built dataset and its manifest entry into ``folder``; return the entry.

    The one sequence both the build tool and ``refresh`` use: CSV bytes, checksum, atomic
    write of the file, then of the manifest (readers never see a manifest that names a
    file not yet written). ``file_name`` defaults to ``NAME.csv``; a file the entry named
    before is removed once replaced.
    """
    payload = to_csv_bytes(built.frame, spec.schema)
    digest = sha256(payload)
    entry: dict[str, object] = {
        "file": file_name or f"{spec.name}.csv",
        "sha256": digest,
        "rows": len(built.frame),
        "period": period_text(built.frame, spec.schema),
        "retrieved": retrieved,
        "vintage": built.vintage,
        "missing_series": list(built.missing),
        "built_from": built_from,
    }
    atomic_write(folder / str(entry["file"]), payload)
    manifest = read_manifest(folder)
    old = manifest.get(spec.name, {}).get("file")
    manifest[spec.name] = entry
    write_manifest(folder, manifest)
    if old and old != entry["file"]:
        (folder / str(old)).unlink(missing_ok=True)
    return entry


# --------------------------------------------------------------------------------------------
# Loading and describing
# --------------------------------------------------------------------------------------------


def _entry(name: str, prefer_cache: bool) -> tuple[Path, dict[str, object]]:
    """The folder and manifest entry of the copy :func:`load` reads."""
    if prefer_cache:
        folder = cache_dir()
        entry = read_manifest(folder).get(name)
        if entry is not None:
            return folder, entry
    if not SPECS[name].shipped:
        raise DataIntegrityError(
            f"dataset {name!r} is not shipped with the course (no verified offline source); "
            f"run lessons_lib.data.refresh({name!r}) when online, then "
            f"load({name!r}, prefer_cache=True)"
        )
    folder = shipped_dir()
    entry = read_manifest(folder).get(name)
    if entry is None:
        raise DataIntegrityError(
            f"dataset {name!r}: no entry in the shipped manifest {folder / MANIFEST_NAME}; "
            "rebuild the datasets with `make datasets`"
        )
    return folder, entry


def load(name: str, prefer_cache: bool = False) -> pd.DataFrame:
    """Dataset ``name`` as a DataFrame with a typed index, validated against its schema.

    The shipped copy is read unless ``prefer_cache`` is true and ``refresh`` has written
    one to :func:`cache_dir`. Raises :class:`UnknownDatasetError` for an unknown name (the
    message lists the available ones) and :class:`DataIntegrityError` naming the file when a
    checksum or the schema does not match.
    """
    spec = get_spec(name)
    folder, entry = _entry(name, prefer_cache)
    path = folder / str(entry.get("file", ""))
    try:
        payload = path.read_bytes()
    except OSError as exc:
        raise DataIntegrityError(f"dataset {name!r}: cannot read {path}: {exc}") from exc
    if sha256(payload) != entry.get("sha256"):
        raise DataIntegrityError(
            f"dataset {name!r}: checksum mismatch for {path} (the file was altered or "
            "damaged; reinstall the package or run refresh())"
        )
    try:
        frame = read_csv(payload, spec.schema)
        validate(frame, spec.schema)
    except DataError as exc:
        raise DataIntegrityError(f"dataset {name!r} in {path}: {exc}") from exc
    return frame


@dataclass(frozen=True)
class SourceInfo:
    """Where a dataset comes from, for captions and further reading.

    ``spec`` is the dataset's fixed description; ``period``, ``retrieved``, ``vintage`` and
    ``built_from`` come from the manifest of the copy that :func:`load` would read, and
    ``notes`` adds to the spec's notes what that copy lacks.
    """

    spec: DatasetSpec
    period: str
    retrieved: str
    vintage: str
    built_from: tuple[str, ...]
    notes: str

    name = property(lambda self: self.spec.name)
    publisher = property(lambda self: self.spec.publisher)
    title = property(lambda self: self.spec.title)
    url = property(lambda self: self.spec.url)
    series = property(lambda self: self.spec.series)
    units = property(lambda self: self.spec.units)
    transformation = property(lambda self: self.spec.transformation)

    @property
    def mirrors(self) -> tuple[str, ...]:
        """The inputs of this copy that came from a mirror, not the publisher's own file."""
        return tuple(item for item in self.built_from if "(mirror:" in item)


def describe(name: str, prefer_cache: bool = False) -> SourceInfo:
    """Source, units, period, retrieval date, transformation and inputs of dataset ``name``."""
    spec = get_spec(name)
    if spec.shipped or prefer_cache and name in read_manifest(cache_dir()):
        _, entry = _entry(name, prefer_cache)
    else:
        entry = {"period": "not shipped; download with refresh()"}
    notes = spec.notes
    missing = entry.get("missing_series") or []
    if missing:
        notes += (f" This copy lacks {', '.join(map(str, missing))}: the series was not "
                  "available when it was built; refresh() downloads them when online.")
    return SourceInfo(
        spec=spec,
        period=str(entry.get("period", "")),
        retrieved=str(entry.get("retrieved", "")),
        vintage=str(entry.get("vintage", "")),
        built_from=tuple(map(str, entry.get("built_from") or ())),  # type: ignore[call-overload]
        notes=notes,
    )


def sources(prefer_cache: bool = False) -> dict[str, SourceInfo]:
    """:func:`describe` for every dataset, keyed by name."""
    return {name: describe(name, prefer_cache) for name in sorted(SPECS)}


def caption(name: str, prefer_cache: bool = False) -> str:
    """One line for a figure caption: source, vintage, the period covered, the snapshot date.

    Example: ``"Source: U.S. Treasury, TIC major foreign holders (mfhhis01), revised vintage
    of 18 Mar 2026. Data: 2000-03 to 2025-12 (monthly), from files retrieved 2026-11-21."``
    The period says how current the figures are (its end is the last observation); the date
    is when the publishers' files the copy was built from were taken. Deterministic: it reads
    only the manifest.
    """
    info = describe(name, prefer_cache)
    text = f"Source: {info.spec.short_source}"
    if info.vintage:
        text += f", {info.vintage}"
    text += f". Data: {info.period}"
    if info.retrieved:
        text += f", from files retrieved {info.retrieved}"
    return text + "."
