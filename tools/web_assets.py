"""Fetch the JavaScript the offline slides and site need, from the npm registry, at build time.

The packages and their exact versions and sha512 integrity hashes are pinned in
``tools/web_assets.json``. Each is downloaded with ``npm pack`` (no dependencies, no install
scripts), its integrity checked against the pin, and unpacked into ``vendor/<name>/`` (git
ignores it). Nothing is fetched at presentation time: decks and pages load these files from
disk.

Usage: python -m tools.web_assets   (or any build that calls ``ensure()``)
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PINS = ROOT / "tools" / "web_assets.json"
VENDOR = ROOT / "vendor"


def _folder(name: str) -> str:
    return name.split("/")[-1]


def _integrity(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def _installed(vendor: Path, name: str) -> str | None:
    stamp = vendor / _folder(name) / ".version"
    return stamp.read_text().strip() if stamp.is_file() else None


def _extract(archive: tarfile.TarFile, dest: Path) -> None:
    """Unpack ``archive`` into ``dest`` with tarfile's "data" filter, which refuses links,
    devices and paths that leave ``dest``. Pythons before 3.11.4 (Debian 12 has 3.11.2) lack
    the filter: there the same refusal is checked here, entry by entry, before unpacking."""
    if hasattr(tarfile, "data_filter"):
        archive.extractall(dest, filter="data")
        return
    root = dest.resolve()
    for member in archive.getmembers():
        inside = (root / member.name).resolve().is_relative_to(root)
        if not inside or not (member.isfile() or member.isdir()):
            raise SystemExit(f"refusing {member.name!r} in the npm tarball: not a plain file "
                             f"or folder inside {dest}")
    archive.extractall(dest)


def ensure(vendor: Path = VENDOR) -> Path:
    """Make sure every pinned package is unpacked in ``vendor``; return ``vendor``."""
    pins = json.loads(PINS.read_text())
    missing = {
        name: pin for name, pin in pins.items() if _installed(vendor, name) != pin["version"]
    }
    if not missing:
        return vendor
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit(
            "The offline slides and site need reveal.js, MathJax and the widget renderer, "
            "fetched once with npm (Node.js). Install Node.js (it includes npm) and run again."
        )
    vendor.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        specs = [f"{name}@{pin['version']}" for name, pin in missing.items()]
        result = subprocess.run(
            [npm, "pack", *specs, "--json", "--pack-destination", tmp],
            capture_output=True, text=True, timeout=600, check=False,
        )
        if result.returncode:
            raise SystemExit(f"npm pack failed:\n{result.stderr[-2000:]}")
        packed = {p["name"]: p for p in json.loads(result.stdout)}
        for name, pin in missing.items():
            tarball = Path(tmp) / packed[name]["filename"]
            got = _integrity(tarball)
            if got != pin["integrity"]:
                raise SystemExit(f"{name}@{pin['version']}: integrity {got} is not the pinned one")
            target = vendor / _folder(name)
            shutil.rmtree(target, ignore_errors=True)
            with tarfile.open(tarball) as archive:
                _extract(archive, Path(tmp) / _folder(name))
            shutil.move(Path(tmp) / _folder(name) / "package", target)
            (target / ".version").write_text(pin["version"] + "\n")
    return vendor


if __name__ == "__main__":
    print(f"web assets ready in {ensure()}")
    sys.exit(0)
