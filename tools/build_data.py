"""Build the course's shipped datasets (``lessons_lib/datasets/*.csv`` and the manifest).

By default every series is downloaded from its publisher (FRED, Treasury FiscalData, TIC):

    python tools/build_data.py

Offline, from a folder of the publishers' files as distributed (same layout as
``shared/facts/raw``: ``mfhhis01.txt``, ``rates/DGS10.csv``, ``fred/*.csv``, ``nc/*.ts``):

    python tools/build_data.py --from-dir ../shared/facts/raw --retrieved 2026-11-21

``--check`` builds into memory and compares with the shipped files byte for byte instead of
writing (exit status 1 on any difference). Hand-curated tables come from ``tools/curated``.
A dataset that fails to download or validate is reported and the shipped copy is kept.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lessons_lib import data  # noqa: E402

CURATED = ROOT / "tools" / "curated"
DATASETS = ROOT / "lessons_lib" / "datasets"


def read_inputs(spec: data.DatasetSpec, from_dir: Path | None, timeout: float) -> dict[str, bytes]:
    """The raw inputs of ``spec``: files under ``from_dir``, or downloads when it is None.

    A missing optional input (e.g. the 30-year yield in an offline folder) is skipped with a
    note on stderr; a missing required one raises :class:`lessons_lib.data.DataError`.
    """
    raw: dict[str, bytes] = {}
    for item in spec.inputs:
        try:
            if from_dir is None:
                raw[item.key] = data.fetch_input(item, data.http_get, timeout)
            else:
                path = from_dir / item.local
                if not path.is_file():
                    raise data.RawFormatError(f"{path} not found")
                raw[item.key] = path.read_bytes()
        except data.DataError as exc:
            if item.required:
                raise
            print(f"  note: {spec.name}: optional input {item.key} skipped ({exc})",
                  file=sys.stderr)
    return raw


def build_one(name: str, from_dir: Path | None, timeout: float) -> data.Built:
    """Build dataset ``name`` (validated) from raw inputs and its curated table."""
    spec = data.SPECS[name]
    raw = read_inputs(spec, from_dir, timeout)
    curated = (CURATED / spec.curated).read_bytes() if spec.curated else None
    return data.build_dataset(name, raw, curated)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from-dir", type=Path, help="build offline from this raw folder")
    parser.add_argument("--retrieved", help="retrieval date to record (YYYY-MM-DD); "
                        "default today (UTC) when downloading; required with --from-dir")
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

    names = args.only or data.available()  # download-only datasets are never shipped
    manifest = data.read_manifest(args.out)
    failures = 0
    for name in names:
        spec = data.SPECS[name]
        try:
            built = build_one(name, args.from_dir, args.timeout)
        except data.DataError as exc:
            failures += 1
            print(f"FAILED {name}: {exc} (kept the existing file)", file=sys.stderr)
            continue
        payload = data.to_csv_bytes(built.frame, spec)
        entry = data.manifest_entry(built.frame, spec, payload, args.retrieved, built.vintage,
                                    built.missing)
        target = args.out / str(entry["file"])
        if args.check:
            same = target.is_file() and target.read_bytes() == payload
            failures += not same
            print(f"{'same' if same else 'DIFFERENT'} {target.name}: {entry['rows']} rows, "
                  f"{entry['period']}")
            continue
        data.atomic_write(target, payload)
        manifest[name] = entry
        print(f"wrote {target.name}: {entry['rows']} rows, {entry['period']}")
    if not args.check:
        data.write_manifest(args.out, manifest)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
