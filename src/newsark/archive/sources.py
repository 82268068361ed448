"""Read import sources as streams: folders, single files, .tar(.gz/.xz/.bz2) and .zip.

Every member comes out as a ``Member`` with its bytes, or with a ``problem`` explaining why
it was not read (too big, a link, an unsafe path …). Nothing here writes to disk, and
members are read one at a time so memory stays bounded by ``max_bytes``.
"""

from __future__ import annotations

import os
import re
import stat
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # an article file is a few KB; 20 MB is clearly junk
ARTICLE_NAME_RE = re.compile(r"(?:^|/)article_(\d+)\.md$")
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass
class Member:
    source: str          # what the user named (folder, file or archive), as given
    name: str            # path inside the source (posix), or the file name
    data: bytes | None   # None when problem is set
    problem: str | None = None   # kind of problem (e.g. 'too_large', 'unsafe_path')
    message: str | None = None


class SourceError(Exception):
    """A source that cannot be opened at all (missing, not an archive we know)."""


def unsafe_member_path(name: str) -> str | None:
    """Why a member path is unsafe to trust (absolute, drive letter, '..'), else None."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "absolute path"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if ".." in parts:
        return "path contains '..'"
    return None


def is_candidate(name: str) -> bool:
    """Files the importer looks at: Markdown files (README.md is not an article)."""
    base = name.rsplit("/", 1)[-1]
    return base.lower().endswith(MARKDOWN_SUFFIXES) and base.lower() != "readme.md"


def iter_source(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Member]:
    """Yield the candidate members of one source, sorted by name within folders."""
    p = Path(path)
    if not p.exists():
        raise SourceError(f"{path}: no such file or folder")
    if p.is_dir():
        yield from _iter_dir(path, p, max_bytes)
        return
    lower = p.name.lower()
    if lower.endswith(".zip"):
        yield from _iter_zip(path, p, max_bytes)
    elif re.search(r"\.(tar|tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2)$", lower):
        yield from _iter_tar(path, p, max_bytes)
    else:
        yield _read_file(path, p.name, p, max_bytes)


def _read_file(source: str, name: str, p: Path, max_bytes: int) -> Member:
    try:
        st = p.lstat()
    except OSError as exc:
        return Member(source, name, None, "unreadable", str(exc))
    if stat.S_ISLNK(st.st_mode):
        return Member(source, name, None, "link", "symbolic link not followed")
    if not stat.S_ISREG(st.st_mode):
        return Member(source, name, None, "not_a_file", "not a regular file")
    if st.st_size > max_bytes:
        return Member(source, name, None, "too_large", f"{st.st_size} bytes (limit {max_bytes})")
    try:
        return Member(source, name, p.read_bytes())
    except OSError as exc:
        return Member(source, name, None, "unreadable", str(exc))


def _iter_dir(source: str, root: Path, max_bytes: int) -> Iterator[Member]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for fn in sorted(filenames):
            full = Path(dirpath) / fn
            rel = full.relative_to(root).as_posix()
            if is_candidate(rel):
                yield _read_file(source, rel, full, max_bytes)


def _iter_tar(source: str, p: Path, max_bytes: int) -> Iterator[Member]:
    try:
        tf = tarfile.open(p, mode="r|*")  # noqa: SIM115 - closed by `with tf` below; stream mode: one pass, bounded memory
    except (tarfile.TarError, OSError) as exc:
        raise SourceError(f"{source}: not a readable tar archive ({exc})") from exc
    with tf:
        try:
            for info in tf:
                name = info.name
                if not is_candidate(name):
                    continue
                why = unsafe_member_path(name)
                if why:
                    yield Member(source, name, None, "unsafe_path", why)
                elif info.issym() or info.islnk():
                    yield Member(source, name, None, "link", f"link to {info.linkname!r} not followed")
                elif not info.isfile():
                    yield Member(source, name, None, "not_a_file", "not a regular file")
                elif info.size > max_bytes:
                    yield Member(source, name, None, "too_large", f"{info.size} bytes (limit {max_bytes})")
                else:
                    fh = tf.extractfile(info)
                    yield Member(source, name, fh.read() if fh else b"")
        except (tarfile.TarError, EOFError, OSError) as exc:
            yield Member(source, "(archive)", None, "corrupt_archive", f"archive ends early: {exc}")


def _iter_zip(source: str, p: Path, max_bytes: int) -> Iterator[Member]:
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError) as exc:
        raise SourceError(f"{source}: not a readable zip archive ({exc})") from exc
    with zf:
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            name = info.filename
            if info.is_dir() or not is_candidate(name):
                continue
            why = unsafe_member_path(name)
            mode = (info.external_attr >> 16) & 0o170000
            if why:
                yield Member(source, name, None, "unsafe_path", why)
            elif mode == stat.S_IFLNK:
                yield Member(source, name, None, "link", "symbolic link not followed")
            elif info.file_size > max_bytes:
                yield Member(source, name, None, "too_large", f"{info.file_size} bytes (limit {max_bytes})")
            else:
                try:
                    with zf.open(info) as fh:
                        data = fh.read(max_bytes + 1)
                except (zipfile.BadZipFile, OSError, EOFError) as exc:
                    yield Member(source, name, None, "corrupt_archive", str(exc))
                    continue
                if len(data) > max_bytes:  # a lying header
                    yield Member(source, name, None, "too_large", f"over {max_bytes} bytes")
                else:
                    yield Member(source, name, data)


def article_id_from_name(name: str) -> int | None:
    m = ARTICLE_NAME_RE.search(name.replace("\\", "/"))
    return int(m.group(1)) if m else None
