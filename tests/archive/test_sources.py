"""Reading import sources: folders, tar, zip, and hostile members."""

from __future__ import annotations

import io
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

from newsark.archive.sources import SourceError, article_id_from_name, iter_source

GOOD = b'---\ntitle: "t"\n---\n\n# t\n'


def _tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as tf:
        for info, data in members:
            if data is not None:
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
            else:
                tf.addfile(info)
    return path


def test_folder_yields_markdown_files_sorted(tmp_path: Path) -> None:
    (tmp_path / "articles" / "1-1000").mkdir(parents=True)
    (tmp_path / "articles" / "1-1000" / "article_2.md").write_bytes(GOOD)
    (tmp_path / "articles" / "1-1000" / "article_1.md").write_bytes(GOOD)
    (tmp_path / "README.md").write_text("not an article")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    names = [m.name for m in iter_source(str(tmp_path))]
    assert names == ["articles/1-1000/article_1.md", "articles/1-1000/article_2.md"]


@pytest.mark.parametrize("mode,suffix", [("w", ".tar"), ("w:gz", ".tar.gz"), ("w:xz", ".tar.xz")])
def test_tar_members_are_read_as_a_stream(tmp_path: Path, mode: str, suffix: str) -> None:
    path = _tar(tmp_path / f"a{suffix}", [(tarfile.TarInfo("articles/1-1000/article_5.md"), GOOD)], mode)
    members = list(iter_source(str(path)))
    assert [(m.name, m.data) for m in members] == [("articles/1-1000/article_5.md", GOOD)]


def test_hostile_tar_members_are_refused(tmp_path: Path) -> None:
    sym = tarfile.TarInfo("articles/article_3.md")
    sym.type = tarfile.SYMTYPE
    sym.linkname = "/etc/passwd"
    hard = tarfile.TarInfo("articles/article_4.md")
    hard.type = tarfile.LNKTYPE
    hard.linkname = "articles/article_1.md"
    path = _tar(tmp_path / "evil.tar.gz", [
        (tarfile.TarInfo("/abs/article_1.md"), GOOD),
        (tarfile.TarInfo("../../escape/article_2.md"), GOOD),
        (sym, None),
        (hard, None),
        (tarfile.TarInfo("ok/article_9.md"), GOOD),
    ])
    got = {m.name: m.problem for m in iter_source(str(path))}
    assert got == {
        "/abs/article_1.md": "unsafe_path",
        "../../escape/article_2.md": "unsafe_path",
        "articles/article_3.md": "link",
        "articles/article_4.md": "link",
        "ok/article_9.md": None,
    }


def test_zip_members_and_unsafe_names(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("articles/article_7.md", GOOD)
        zf.writestr("../article_8.md", GOOD)
    got = {m.name: (m.problem, m.data) for m in iter_source(str(path))}
    assert got["articles/article_7.md"] == (None, GOOD)
    assert got["../article_8.md"][0] == "unsafe_path"


def test_a_huge_file_is_refused_without_being_read(tmp_path: Path) -> None:
    big = tmp_path / "article_1.md"
    with open(big, "wb") as fh:  # sparse: 100 MB on paper, nothing on disk
        fh.truncate(100 * 1024 * 1024)
    [member] = list(iter_source(str(big)))
    assert member.problem == "too_large" and member.data is None


def test_symlinked_file_in_folder_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_bytes(GOOD)
    (tmp_path / "src").mkdir()
    os.symlink(secret, tmp_path / "src" / "article_1.md")
    [member] = list(iter_source(str(tmp_path / "src")))
    assert member.problem == "link" and member.data is None


def test_missing_and_corrupt_sources(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        list(iter_source(str(tmp_path / "nope")))
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(b"this is not a tarball")
    with pytest.raises(SourceError):
        list(iter_source(str(bad)))
    badzip = tmp_path / "bad.zip"
    badzip.write_bytes(b"PK nope")
    with pytest.raises(SourceError):
        list(iter_source(str(badzip)))


def test_truncated_tar_reports_and_keeps_what_came_before(tmp_path: Path) -> None:
    path = _tar(tmp_path / "t.tar", [(tarfile.TarInfo(f"article_{i}.md"), GOOD * 50) for i in range(1, 4)], "w")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    members = list(iter_source(str(path)))
    assert members[0].data == GOOD * 50
    assert members[-1].problem == "corrupt_archive"


def test_article_id_from_name() -> None:
    assert article_id_from_name("articles/1-1000/article_174.md") == 174
    assert article_id_from_name("article_5.md") == 5
    assert article_id_from_name("notes.md") is None
