"""tools.web_assets unpacks npm tarballs safely on every Python the course supports: with
tarfile's "data" filter where it exists (3.11.4+), with its own check before that."""

import io
import tarfile

import pytest

from tools.web_assets import _extract


def tarball(path, members):
    """A gzipped tar at ``path`` holding ``members``: name -> bytes, or a (type, target) pair."""
    with tarfile.open(path, "w:gz") as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            if isinstance(content, bytes):
                info.size = len(content)
                archive.addfile(info, io.BytesIO(content))
            else:
                info.type, info.linkname = content
                archive.addfile(info)
    return path


GOOD = {"package/package.json": b'{"name": "x"}', "package/dist/x.js": b"var x = 1;\n"}
ESCAPES = {"package/ok.js": b"1", "package/../../outside.js": b"2"}
LINK = {"package/ok.js": b"1", "package/passwd": (tarfile.SYMTYPE, "/etc/passwd")}


@pytest.fixture(params=["filter", "own check"])
def python(request, monkeypatch):
    """Run each test with tarfile's filter, and again as on a Python that lacks it."""
    if request.param == "own check":
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    return request.param


def test_a_plain_package_unpacks(tmp_path, python):
    with tarfile.open(tarball(tmp_path / "good.tgz", GOOD)) as archive:
        _extract(archive, tmp_path / "out")
    assert (tmp_path / "out/package/dist/x.js").read_bytes() == b"var x = 1;\n"


@pytest.mark.parametrize("members", [ESCAPES, LINK], ids=["path escapes", "symlink"])
def test_an_entry_that_leaves_the_folder_or_links_out_is_refused(tmp_path, python, members):
    with tarfile.open(tarball(tmp_path / "bad.tgz", members)) as archive:
        with pytest.raises((SystemExit, getattr(tarfile, "FilterError", SystemExit))):
            _extract(archive, tmp_path / "deep" / "out")
    assert not (tmp_path / "outside.js").exists() and not (tmp_path / "deep/outside.js").exists()
    if python == "own check":  # every entry is checked before any is written
        assert not (tmp_path / "deep").exists()
