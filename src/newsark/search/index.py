"""The search index, kept in the archive's own catalog (``DIR/catalog.sqlite``).

Tables (all ``search_*``, created here):

* ``search_fts`` — a contentless FTS5 table (columns title, body, meta) over the token
  streams of :mod:`newsark.search.tokens`; its rowid is the story's canonical article id.
  Only canonical articles are indexed, so copies of a story can never fill a result page.
* ``search_docs`` — per indexed story: the catalog sha256 it was built from (to find what
  changed) and the zlib-compressed plain text (for snippets, and to delete the story's
  tokens from the contentless index: SQLite 3.40 has no ``contentless_delete``).

Every batch of changes runs in one transaction, so a crash leaves the index as it was
after the last finished batch and the next :func:`sync_index` picks up the rest.
"""

from __future__ import annotations

import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsark.archive.article import Article
from newsark.archive.store import Archive
from newsark.search.fold import fold
from newsark.search.tokens import plain_text, tokens

# Bump when tokens or stored text change: sync_index then rebuilds.
INDEX_VERSION = 1
BATCH = 500

SCHEMA = """
CREATE TABLE IF NOT EXISTS search_docs (
    story_id INTEGER PRIMARY KEY,   -- canonical article id (= search_fts rowid)
    sha256   TEXT NOT NULL,         -- articles.sha256 the entry was built from
    text_z   BLOB NOT NULL          -- zlib(title NUL body NUL meta), plain text
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    title, body, meta, content='', tokenize='ascii'
);
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT);
"""

# Canonical stories: readable articles that are not an alias of another story.
CANONICAL_SQL = (
    "SELECT id, sha256 FROM articles WHERE status != 'unreadable' "
    "AND NOT EXISTS (SELECT 1 FROM aliases WHERE alias_id = articles.id)"
)


@dataclass
class DocText:
    """The searchable text of one story (original characters, not folded)."""

    title: str
    body: str
    meta: str

    def pack(self) -> bytes:
        return zlib.compress("\0".join((self.title, self.body, self.meta)).encode("utf-8"), 6)

    @classmethod
    def unpack(cls, blob: bytes) -> DocText:
        title, body, meta = zlib.decompress(blob).decode("utf-8").split("\0", 2)
        return cls(title, body, meta)

    def token_columns(self) -> tuple[str, str, str]:
        return tuple(" ".join(tokens(fold(s))) for s in (self.title, self.body, self.meta))  # type: ignore[return-value]


def doc_text(article: Article) -> DocText:
    """What is indexed of an article: title, plain body (no ``# title``), author/tags."""
    meta = " ".join([article.author or "", *article.tags, article.category or ""])
    return DocText(
        title=(article.title or "").replace("\0", " "),
        body=plain_text(article.text()).replace("\0", " "),
        meta=meta.replace("\0", " ").strip(),
    )


def ensure_schema(db: sqlite3.Connection) -> None:
    db.executescript(SCHEMA)


def has_index(db: sqlite3.Connection) -> bool:
    row = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='search_fts'"
    ).fetchone()
    return row is not None


def _version(db: sqlite3.Connection) -> int | None:
    row = db.execute("SELECT value FROM search_meta WHERE key='version'").fetchone()
    return int(row[0]) if row else None


def _delete(db: sqlite3.Connection, story_id: int) -> None:
    row = db.execute("SELECT text_z FROM search_docs WHERE story_id=?", (story_id,)).fetchone()
    if row is None:
        return
    title, body, meta = DocText.unpack(row[0]).token_columns()
    # A contentless table forgets a row only when given the exact tokens it indexed.
    db.execute(
        "INSERT INTO search_fts(search_fts, rowid, title, body, meta) VALUES('delete', ?, ?, ?, ?)",
        (story_id, title, body, meta),
    )
    db.execute("DELETE FROM search_docs WHERE story_id=?", (story_id,))


def _insert(db: sqlite3.Connection, story_id: int, sha: str, text: DocText) -> None:
    title, body, meta = text.token_columns()
    db.execute(
        "INSERT INTO search_fts(rowid, title, body, meta) VALUES (?, ?, ?, ?)",
        (story_id, title, body, meta),
    )
    db.execute("INSERT INTO search_docs VALUES (?, ?, ?)", (story_id, sha, text.pack()))


def _batches(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def index_documents(
    db: sqlite3.Connection, docs: Iterable[tuple[int, str, DocText]], *, batch: int = BATCH
) -> int:
    """Add or replace (story id, sha256, text) entries directly, in batched transactions.

    The low-level entry point: :func:`sync_index` feeds it from the archive's files, the
    million-article benchmark feeds it generated stories without writing files.
    """
    ensure_schema(db)
    count = 0
    pending: list[tuple[int, str, DocText]] = []

    def flush() -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            for story_id, sha, text in pending:
                _delete(db, story_id)
                _insert(db, story_id, sha, text)
            db.execute(
                "INSERT OR REPLACE INTO search_meta VALUES ('version', ?)", (str(INDEX_VERSION),)
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        pending.clear()

    for doc in docs:
        pending.append(doc)
        count += 1
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return count


def sync_index(archive: Archive) -> dict[str, int | float]:
    """Bring the index up to date with the catalog: new, changed and removed stories.

    Changes are found by comparing ``articles.sha256`` with what was indexed, so it is
    cheap to call after every import or rescue. Returns counts and the time taken.
    """
    start = time.perf_counter()
    db = archive.db
    ensure_schema(db)
    if _version(db) not in (None, INDEX_VERSION):
        return rebuild_index(archive)
    want = {int(r[0]): str(r[1]) for r in db.execute(CANONICAL_SQL)}
    have = {int(r[0]): str(r[1]) for r in db.execute("SELECT story_id, sha256 FROM search_docs")}
    removed = sorted(set(have) - set(want))
    changed = sorted(i for i, sha in want.items() if have.get(i) != sha)
    unreadable = 0
    for chunk in _batches(removed, BATCH):
        db.execute("BEGIN IMMEDIATE")
        try:
            for story_id in chunk:
                _delete(db, story_id)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def docs() -> Iterator[tuple[int, str, DocText]]:
        nonlocal unreadable
        for story_id in changed:
            try:
                article = archive.read_article(story_id)
            except (OSError, ValueError):
                unreadable += 1
                continue
            yield story_id, want[story_id], doc_text(article)

    indexed = index_documents(db, docs())
    if not changed and not removed and _version(db) is None:
        db.execute("INSERT OR REPLACE INTO search_meta VALUES ('version', ?)", (str(INDEX_VERSION),))
    return {
        "indexed": indexed,
        "removed": len(removed),
        "unreadable": unreadable,
        "stories": len(want) - unreadable,
        "seconds": round(time.perf_counter() - start, 3),
    }


def rebuild_index(archive: Archive) -> dict[str, int | float]:
    """Drop the index and build it again from the archive's files."""
    start = time.perf_counter()
    db = archive.db
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DROP TABLE IF EXISTS search_fts")
        db.execute("DROP TABLE IF EXISTS search_docs")
        db.execute("DROP TABLE IF EXISTS search_meta")
        # executescript() would COMMIT early: create the tables one statement at a time.
        for statement in SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    result = sync_index(archive)
    result["seconds"] = round(time.perf_counter() - start, 3)
    return result


def optimize(db: sqlite3.Connection) -> None:
    """Merge the FTS5 segments into one (smaller, faster to query); optional."""
    db.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")
