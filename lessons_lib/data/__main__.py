"""``python -m lessons_lib.data`` (``make data``): refresh every dataset into the user cache."""

from __future__ import annotations

from . import cache_dir, refresh_all

print(f"Refreshing into {cache_dir()} (the shipped copies are never changed).")
for dataset, outcome in refresh_all().items():
    print(f"{dataset}: {outcome}")
print("Use them with lessons_lib.data.load(name, prefer_cache=True).")
