from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newsark.files import atomic_write


def test_new_file_gets_the_umask_mode_not_a_temporary_files(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        import importlib

        import newsark.files

        importlib.reload(newsark.files)  # the module reads the umask once
        newsark.files.atomic_write(tmp_path / "a" / "x.md", b"one")
    finally:
        os.umask(old)
        importlib.reload(newsark.files)
    path = tmp_path / "a" / "x.md"
    assert path.read_bytes() == b"one"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_replacing_keeps_the_files_mode_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["x.md"]


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(b"old")
    with pytest.raises(TypeError):
        atomic_write(path, "not bytes")  # type: ignore[arg-type]
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.md"]
