"""Build (once) the real-corpus archive the search benchmarks run on.

Uses the importer (``newsark.archive.importer``: repair, boilerplate, story folding) when
it is available; otherwise streams the tarball with ``tarfile`` and writes each file as
it is (no repair, no folding of copies: every copy is then its own story).
"""

from __future__ import annotations

import re
import sys
import tarfile
import time
from pathlib import Path

from newsark.archive.article import FormatError, load_bytes
from newsark.archive.store import Archive

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "hkcnews-article-archive.tar.xz"
EVAL = REPO.parent / "shared" / "eval" / "search"
_ID_RE = re.compile(r"article_(\d+)\.md$")


def corpus_archive(root: Path, *, raw: bool = False) -> Archive:
    """Open the benchmark archive at ``root``, building it first if needed."""
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS}")
    archive = Archive(root)
    if archive.get_meta("search_bench_built"):
        return archive
    start = time.perf_counter()
    how = "raw"
    if not raw:
        try:
            from newsark.archive.importer import import_sources
        except ImportError:
            import_sources = None  # type: ignore[assignment]
        if import_sources is not None:
            import_sources(archive, [str(CORPUS)])
            how = "importer"
    if how == "raw":
        _write_raw(archive)
    archive.set_meta("search_bench_built", {"how": how, "seconds": time.perf_counter() - start})
    print(f"built {root} with the {how} path in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return archive


def _write_raw(archive: Archive) -> None:
    db = archive.db
    db.execute("BEGIN")
    archive.originals.conn.execute("BEGIN")
    n = 0
    with tarfile.open(CORPUS, "r:xz") as tar:
        for info in tar:
            m = _ID_RE.search(info.name)
            if not info.isfile() or not m:
                continue
            fh = tar.extractfile(info)
            if fh is None:
                continue
            data = fh.read()
            try:
                article = load_bytes(data)
                status = "ok"
            except FormatError:
                article, status = None, "unreadable"
            archive.write_raw(int(m.group(1)), data, article=article, source=str(CORPUS),
                              member=info.name, status=status)
            n += 1
            if n % 2000 == 0:
                db.execute("COMMIT")
                archive.originals.conn.execute("COMMIT")
                db.execute("BEGIN")
                archive.originals.conn.execute("BEGIN")
    db.execute("COMMIT")
    archive.originals.conn.execute("COMMIT")
