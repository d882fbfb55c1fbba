"""Build the course's shipped datasets (``lessons_lib/datasets/*.csv`` and the manifest).

By default every series is downloaded from its publisher (the endpoints the data
package's sources modules register):

    python -m tools.build_data

Offline, from a folder of the publishers' files (and mirrors of them) laid out as
``shared/facts/raw``; each input's path in that folder is its ``Input.local``:

    python -m tools.build_data --from-dir ../shared/facts/raw --retrieved 2026-11-21

``--check`` builds into memory and compares with the shipped files byte for byte instead of
writing (exit status 1 on any difference). Hand-curated tables come from ``tools/curated``.
A dataset that fails to download or validate is reported and the shipped copy is kept.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from lessons_lib import data
from lessons_lib.data import refreshing as fetching
from lessons_lib.data import schema, store
from lessons_lib.data.spec import Built, DatasetSpec

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "tools" / "curated"
DATASETS = ROOT / "lessons_lib" / "datasets"


def read_inputs(
    spec: DatasetSpec, from_dir: Path | None, timeout: float
) -> tuple[dict[str, bytes], list[str]]:
    """The raw inputs of ``spec`` and, for the manifest, where each was read from.

    Curated tables come from ``tools/curated``; the others from ``from_dir`` or, when it is
    None, from the publishers. A missing optional input is skipped with a note on stderr; a
    missing required one raises :class:`lessons_lib.data.DataError`.
    """
    raw: dict[str, bytes] = {}
    origins: list[str] = []
    for item in spec.inputs:
        try:
            if not item.downloadable:
                raw[item.key] = (CURATED / item.param).read_bytes()
                origins.append(f"{item.key}: tools/curated/{item.param} (transcribed by hand)")
            elif from_dir is None:
                raw[item.key] = fetching.fetch_input(item, fetching.http_get, timeout)
                origins.append(store.origin_text(item, fetching.input_url(item)))
            else:
                path = from_dir / item.local
                if not path.is_file():
                    raise data.RawFormatError(f"{path} not found")
                raw[item.key] = path.read_bytes()
                origins.append(store.origin_text(item, None))
        except (data.DataError, OSError) as exc:
            if item.required:
                raise data.RawFormatError(f"{spec.name}: input {item.key}: {exc}") from exc
            print(f"  note: {spec.name}: optional input {item.key} skipped ({exc})",
                  file=sys.stderr)
    return raw, origins


def build_one(name: str, from_dir: Path | None, timeout: float) -> tuple[Built, list[str]]:
    """Build dataset ``name`` (validated) and say what it was built from."""
    raw, origins = read_inputs(data.SPECS[name], from_dir, timeout)
    return data.build_dataset(name, raw), origins


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from-dir", type=Path, help="build offline from this raw folder")
    parser.add_argument("--retrieved", help="date the raw files were taken from the "
                        "publishers (YYYY-MM-DD); default today (UTC) when downloading; "
                        "required with --from-dir")
    parser.add_argument("--only", nargs="+", choices=data.available(), metavar="NAME",
                        help="build only these datasets")
    parser.add_argument("--out", type=Path, default=DATASETS, help="output folder")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per download")
    parser.add_argument("--check", action="store_true",
                        help="compare with the files in --out instead of writing")
    args = parser.parse_args(argv)

    if args.retrieved is None:
        if args.from_dir is not None:
            parser.error("--from-dir needs --retrieved YYYY-MM-DD (when the raw files were "
                         "taken from the publishers)")
        args.retrieved = datetime.now(UTC).strftime("%Y-%m-%d")
    datetime.strptime(args.retrieved, "%Y-%m-%d")

    failures = 0
    for name in args.only or data.available():  # download-only datasets are never shipped
        spec = data.SPECS[name]
        try:
            built, origins = build_one(name, args.from_dir, args.timeout)
        except data.DataError as exc:
            failures += 1
            print(f"FAILED {name}: {exc} (kept the existing file)", file=sys.stderr)
            continue
        period = schema.period_text(built.frame, spec.schema)
        if args.check:
            target = args.out / f"{name}.csv"
            payload = schema.to_csv_bytes(built.frame, spec.schema)
            same = target.is_file() and target.read_bytes() == payload
            failures += not same
            print(f"{'same' if same else 'DIFFERENT'} {target.name}: {len(built.frame)} rows, "
                  f"{period}")
            continue
        entry = store.write_dataset(args.out, spec, built, args.retrieved, origins)
        print(f"wrote {entry['file']}: {entry['rows']} rows, {period}")
    if not args.check and not args.only:
        prune(args.out)
    return 1 if failures else 0


def prune(folder: Path) -> None:
    """Drop the files and manifest entries of datasets the catalogue no longer ships."""
    manifest = store.read_manifest(folder)
    gone = sorted(set(manifest) - set(data.available()))
    for name in gone:
        (folder / str(manifest.pop(name).get("file", ""))).unlink(missing_ok=True)
        print(f"removed {name}: no longer in the catalogue")
    if gone:
        store.write_manifest(folder, manifest)


if __name__ == "__main__":
    sys.exit(main())
