"""An archive on disk: ``DIR/articles/<bucket>/article_<id>.md`` + ``DIR/catalog.sqlite``.

Original bytes of every imported or extracted file are kept, content-addressed and
compressed, in ``DIR/originals.sqlite`` so that every repair can be undone.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Self
from urllib.parse import urlsplit

from newsark.archive import catalog
from newsark.archive.article import Article, load_bytes
from newsark.files import atomic_write

BUCKET_SIZE = 1000


def bucket_name(article_id: int) -> str:
    """The corpus's bucket folders: 1-1000, 1001-2000, … (id 0 goes to 0-0)."""
    if article_id <= 0:
        return "0-0"
    low = (article_id - 1) // BUCKET_SIZE * BUCKET_SIZE + 1
    return f"{low}-{low + BUCKET_SIZE - 1}"


def relative_path(article_id: int) -> str:
    return f"articles/{bucket_name(article_id)}/article_{article_id}.md"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def holds_hand_edit(path: Path, catalog_sha: str | None, adopted_sha: str | None, new_sha: str) -> bool:
    """Whether the file at ``path`` holds a person's edit, which newsark must not replace
    with the bytes ``new_sha``: bytes it did not write (not yet taken in), or the very edit
    taken in (``adopted_sha``; archive/edits.py). The bytes about to be written are no
    edit: a run killed after writing a file and before recording it wrote them."""
    try:
        disk = sha256(path.read_bytes())
    except FileNotFoundError:
        return False
    if disk == new_sha:
        return False
    return disk == adopted_sha or (catalog_sha is not None and disk != catalog_sha)


def now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def site_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host or None


class Originals:
    """Content-addressed store of original bytes (zlib-compressed in SQLite)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, timeout=60, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS originals (sha256 TEXT PRIMARY KEY, size INTEGER, data BLOB)"
        )

    def put(self, data: bytes, digest: str | None = None) -> str:
        digest = digest or sha256(data)
        self.conn.execute(
            "INSERT OR IGNORE INTO originals VALUES (?, ?, ?)",
            (digest, len(data), zlib.compress(data, 1)),
        )
        return digest

    def put_compressed(self, digest: str, size: int, compressed: bytes) -> None:
        """Store bytes already zlib-compressed (by an import worker)."""
        self.conn.execute("INSERT OR IGNORE INTO originals VALUES (?, ?, ?)", (digest, size, compressed))

    def has(self, digest: str) -> bool:
        return self.conn.execute("SELECT 1 FROM originals WHERE sha256=?", (digest,)).fetchone() is not None

    def get(self, digest: str) -> bytes | None:
        row = self.conn.execute("SELECT data FROM originals WHERE sha256=?", (digest,)).fetchone()
        return zlib.decompress(row[0]) if row else None

    def close(self) -> None:
        self.conn.close()


class Archive:
    """A newsark archive folder. Use as a context manager or call close()."""

    CATALOG = "catalog.sqlite"
    ORIGINALS = "originals.sqlite"

    def __init__(self, root: str | os.PathLike[str], *, create: bool = True) -> None:
        self.root = Path(root).resolve()
        if not create and not (self.root / self.CATALOG).exists():
            raise FileNotFoundError(f"{self.root} is not a newsark archive (no {self.CATALOG})")
        self.root.mkdir(parents=True, exist_ok=True)
        self.db = catalog.connect(self.root / self.CATALOG)
        self._originals: Originals | None = None

    # -- context management --------------------------------------------------------
    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()
        if self._originals is not None:
            self._originals.close()

    @property
    def originals(self) -> Originals:
        if self._originals is None:
            self._originals = Originals(self.root / self.ORIGINALS)
        return self._originals

    # -- paths ---------------------------------------------------------------------
    def path_for(self, article_id: int) -> Path:
        return self.root / relative_path(article_id)

    # -- reading -------------------------------------------------------------------
    def ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def read_bytes(self, article_id: int) -> bytes:
        return self.path_for(article_id).read_bytes()

    def read_article(self, article_id: int) -> Article:
        return load_bytes(self.read_bytes(article_id))

    def iter_articles(self, ids: Iterable[int] | None = None) -> Iterator[tuple[int, Article]]:
        """Yield (id, Article) for readable articles (unreadable files are skipped)."""
        for article_id in ids if ids is not None else self.ids():
            try:
                yield article_id, self.read_article(article_id)
            except (OSError, ValueError):
                continue

    def original_bytes(self, article_id: int) -> bytes | None:
        row = self.db.execute(
            "SELECT original_sha256 FROM articles WHERE id=?", (article_id,)
        ).fetchone()
        if not row or not row[0]:
            return None
        return self.originals.get(row[0])

    def resolve(self, article_id: int) -> tuple[int, bool]:
        """Map an id to its story's canonical id; the flag says whether it was an alias."""
        row = self.db.execute("SELECT story_id FROM aliases WHERE alias_id=?", (article_id,)).fetchone()
        if row:
            return int(row[0]), True
        return article_id, False

    def aliases_of(self, story_id: int) -> list[int]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT alias_id FROM aliases WHERE story_id=? ORDER BY alias_id", (story_id,)
            )
        ]

    # -- writing -------------------------------------------------------------------
    def write_article(
        self,
        article_id: int,
        article: Article,
        *,
        original: bytes | None = None,
        source: str | None = None,
        member: str | None = None,
        status: str = "ok",
    ) -> bool:
        """Write an article file atomically and record it in the catalog.

        ``original`` are the bytes it came from (kept in originals for undo/--original);
        defaults to the written bytes. Returns False when nothing changed on disk.
        """
        data = article.to_bytes()
        return self.write_raw(
            article_id, data, article=article, original=original, source=source,
            member=member, status=status,
        )

    def write_raw(
        self,
        article_id: int,
        data: bytes,
        *,
        article: Article | None,
        original: bytes | None = None,
        original_sha256: str | None = None,
        source: str | None = None,
        member: str | None = None,
        status: str = "ok",
    ) -> bool:
        """Write exact bytes as an article file (``article`` = its parse, None if unreadable)."""
        digest = sha256(data)
        if original_sha256 is not None:  # the original is already kept
            orig_digest = original_sha256
        else:
            orig = original if original is not None else data
            orig_digest = sha256(orig) if original is not None else digest
            if not self.originals.has(orig_digest):
                self.originals.put(orig, orig_digest)
        path = self.path_for(article_id)
        row = self.db.execute(
            "SELECT sha256, original_sha256 FROM articles WHERE id=?", (article_id,)
        ).fetchone()
        changed = not (row and row[0] == digest and path.exists())
        if changed and row and self.hand_edited(article_id, digest):
            return False  # a person's edit: left as it is (archive/edits.py)
        if changed:
            atomic_write(path, data)
            self.db.execute("DELETE FROM hand_edits WHERE article_id=?", (article_id,))
        self.upsert_row(article_id, digest, orig_digest, article, status)
        if source is not None:
            self.db.execute(
                "INSERT OR IGNORE INTO provenance VALUES (?, ?, ?, ?, ?)",
                (article_id, source, member or "", orig_digest, now()),
            )
        return changed

    def hand_edited(self, article_id: int, new_sha: str = "") -> bool:
        """Whether an article's file holds a person's edit that the bytes ``new_sha`` must not
        replace (``holds_hand_edit``, with what the catalog recorded; a row left pending by an
        interrupted import, with no digest yet, is newsark's own file)."""
        row = self.db.execute(
            """SELECT a.sha256, h.sha256 FROM articles a LEFT JOIN hand_edits h ON h.article_id = a.id
               WHERE a.id=?""", (article_id,)).fetchone()
        if row is None:
            return False
        return holds_hand_edit(self.path_for(article_id), row[0] or None, row[1], new_sha)

    def upsert_row(
        self, article_id: int, digest: str, orig_digest: str, article: Article | None, status: str
    ) -> None:
        a = article or Article()
        body_chars = len(a.text()) if article is not None else 0
        self.db.execute(
            """INSERT INTO articles (id, path, sha256, original_sha256, title, date, last_updated,
                   author, category, tags, url, original_url, site, body_chars, status, updated_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
               ON CONFLICT(id) DO UPDATE SET path=excluded.path, sha256=excluded.sha256,
                   original_sha256=excluded.original_sha256, title=excluded.title,
                   date=excluded.date, last_updated=excluded.last_updated,
                   author=excluded.author, category=excluded.category, tags=excluded.tags,
                   url=excluded.url, original_url=excluded.original_url, site=excluded.site,
                   body_chars=excluded.body_chars, status=excluded.status,
                   updated_at=excluded.updated_at""",
            (
                article_id, relative_path(article_id), digest, orig_digest, a.title, a.date,
                a.last_updated, a.author, a.category, json.dumps(a.tags, ensure_ascii=False),
                a.url, a.original_url, site_of(a.original_url), body_chars, status, now(),
            ),
        )

    def set_meta(self, key: str, value: object) -> None:
        self.db.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )

    def get_meta(self, key: str, default: object = None) -> object:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else default
