"""Fixtures every data test shares: no test reads or writes the user's own cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lessons_lib import data


@pytest.fixture(autouse=True)
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty cache folder for ``refresh`` (``LESSONS_LIB_CACHE``)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LESSONS_LIB_CACHE", str(folder))
    return folder


@pytest.fixture
def empty_folder(tmp_path: Path) -> Iterator[Path]:
    """An empty folder read as the shipped one, so ``refresh`` has nothing to compare with."""
    shipped = tmp_path / "empty_shipped"
    shipped.mkdir()
    with data.use_folder(shipped):
        yield shipped
