"""The search index, kept in the archive's own catalog (``DIR/catalog.sqlite``).

Tables (all ``search_*``, created here):

* ``search_fts`` — a contentless FTS5 table (columns title, lead, body) over the token
  streams of :mod:`newsark.search.tokens`; its rowid is the story's canonical article id.
  Only canonical articles are indexed, so copies of a story can never fill a result page.
* ``search_head`` — the same tokens of titles and leads only: a small first tier for
  queries that match many stories (see :mod:`newsark.search.plan`).
* ``search_runs`` — per month, the runs of consecutive story ids: date windows as id
  ranges (see :mod:`newsark.search.plan`).
* ``search_attrs`` — per indexed story, the few catalog fields filters and facets need
  (day, category, author, tags) in small rows: joining it is ~4x faster than ``articles``.
* ``search_docs`` — per indexed story: the catalog sha256 it was built from (to find what
  changed) and the zlib-compressed plain text (for snippets, and to delete the story's
  tokens from the contentless index: SQLite 3.40 has no ``contentless_delete``).

Every batch of changes runs in one transaction, so a crash leaves the index as it was
after the last finished batch and the next :func:`sync_index` picks up the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from newsark.archive.article import Article, split_front_matter, strip_title_heading
from newsark.archive.store import Archive, relative_path
from newsark.search.fold import fold
from newsark.search.plan import month_runs
from newsark.search.tokens import plain_text, token_text
from newsark.unseen import visible

# Bump when tokens or stored text change: sync_index then rebuilds.
INDEX_VERSION = 4  # 3: Traditional characters of ambiguous classes kept apart (fold.py);
# 4: characters a reader never sees, which split words, left out (newsark.unseen)
# The lead: the first characters of the body, where a news story says what it is about.
LEAD_CHARS = 200
BATCH = 500
BULK_BATCH = 4000
PARALLEL_MIN = 2000  # below this many stories, worker processes cost more than they save
T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS search_docs (
    story_id INTEGER PRIMARY KEY,   -- canonical article id (= search_fts rowid)
    sha256   TEXT NOT NULL,         -- articles.sha256 the entry was built from
    text_z   BLOB NOT NULL          -- zlib(title NUL body), plain text
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    title, lead, body, content='', tokenize='ascii'
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_head USING fts5(  -- the tier of titles and leads
    title, lead, content='', tokenize='ascii'
);
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS search_attrs (
    story_id INTEGER PRIMARY KEY,
    day      TEXT,                  -- YYYY-MM-DD (first 10 characters of articles.date)
    category TEXT,
    author   TEXT,
    tags     TEXT                   -- JSON list, as in articles.tags
);
CREATE INDEX IF NOT EXISTS search_attrs_day ON search_attrs(day);
CREATE TABLE IF NOT EXISTS search_runs (  -- runs of consecutive story ids of one month
    month TEXT NOT NULL,               -- YYYY-MM
    lo    INTEGER NOT NULL,
    hi    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS search_runs_month ON search_runs(month);
"""
ATTRS_SQL = (
    "INSERT OR REPLACE INTO search_attrs SELECT id, substr(date, 1, 10), category, author, "
    "tags FROM articles WHERE id = ?"
)

# Canonical stories: readable articles that are not an alias of another story.
CANONICAL_SQL = (
    "SELECT id, sha256, title FROM articles WHERE status != 'unreadable' "
    "AND NOT EXISTS (SELECT 1 FROM aliases WHERE alias_id = articles.id)"
)


@dataclass
class DocText:
    """The searchable text of one story (original characters, not folded)."""

    title: str
    body: str

    def pack(self) -> bytes:
        return zlib.compress(f"{self.title}\0{self.body}".encode(), 1)

    @classmethod
    def unpack(cls, blob: bytes) -> DocText:
        title, body = zlib.decompress(blob).decode("utf-8").split("\0", 1)
        return cls(title, body)

    def token_columns(self) -> tuple[str, str, str]:
        """The (title, lead, body) columns as the index stores them."""
        title, body = (token_text(fold(s)) for s in (self.title, self.body))
        lead = token_text(fold(self.body[:LEAD_CHARS]))
        return title, lead, body


def make_doc(title: str | None, markdown_body: str) -> DocText:
    """What is indexed of an article: its title and plain body without ``# title``."""
    body = plain_text(strip_title_heading(markdown_body, title))
    return DocText(title=visible(title or "").replace("\0", " "), body=body.replace("\0", " "))


def doc_text(article: Article) -> DocText:
    return make_doc(article.title, article.body)


def ensure_schema(db: sqlite3.Connection) -> None:
    new = not has_index(db)
    had_attrs = has_index(db, "search_attrs")
    db.executescript(SCHEMA)  # every statement is IF NOT EXISTS: adds what a newer newsark needs
    if new:
        # A 64 MB in-memory term buffer: fewer, larger segments when writing in bulk.
        _config(db, "hashsize", 64 * 1024 * 1024)
    elif not had_attrs:  # an index from before search_attrs: fill it
        db.execute(
            "INSERT OR REPLACE INTO search_attrs SELECT id, substr(date, 1, 10), category, "
            "author, tags FROM articles WHERE id IN (SELECT story_id FROM search_docs)"
        )


def has_index(db: sqlite3.Connection, table: str = "search_fts") -> bool:
    row = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)
    ).fetchone()
    return row is not None


def index_version(db: sqlite3.Connection) -> int | None:
    """The version of newsark's index format the index was built with (None: empty)."""
    row = db.execute("SELECT value FROM search_meta WHERE key='version'").fetchone()
    return int(row[0]) if row else None


def _config(db: sqlite3.Connection, key: str, value: int) -> None:
    for table in ("search_fts", "search_head"):
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES (?, ?)", (key, value))


def _batches(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _delete(db: sqlite3.Connection, story_id: int) -> None:
    row = db.execute("SELECT text_z FROM search_docs WHERE story_id=?", (story_id,)).fetchone()
    if row is None:
        return
    columns = DocText.unpack(row[0]).token_columns()
    # A contentless table forgets a row only when given the exact tokens it indexed.
    db.execute(
        "INSERT INTO search_fts(search_fts, rowid, title, lead, body) VALUES('delete', ?, ?, ?, ?)",
        (story_id, *columns),
    )
    db.execute(
        "INSERT INTO search_head(search_head, rowid, title, lead) VALUES('delete', ?, ?, ?)",
        (story_id, *columns[:2]),
    )
    db.execute("DELETE FROM search_docs WHERE story_id=?", (story_id,))
    db.execute("DELETE FROM search_attrs WHERE story_id=?", (story_id,))


@dataclass
class Prepared:
    """One story ready to be written: its token columns and packed text."""

    story_id: int
    sha256: str
    columns: tuple[str, str, str]
    blob: bytes


def prepare(story_id: int, sha: str, text: DocText) -> Prepared:
    return Prepared(story_id, sha, text.token_columns(), text.pack())


def _prepare_tuple(item: tuple[int, str, DocText]) -> Prepared:
    return prepare(*item)


# (archive root, story id, sha256, title) of a catalog row.
FileJob = tuple[str, int, str, "str | None"]


def _prepare_file(job: FileJob) -> Prepared | None:
    """Read one article file and prepare it (runs in worker processes)."""
    root, story_id, sha, title = job
    try:
        data = (Path(root) / relative_path(story_id)).read_bytes().decode("utf-8")
        _, body, _ = split_front_matter(data)
    except (OSError, ValueError):
        return None
    # The title comes from the catalog row (parsed at import): no YAML parse needed.
    return prepare(story_id, sha, make_doc(title, body))


def _workers(n_items: int) -> int:
    return min(os.cpu_count() or 1, 4) if n_items >= PARALLEL_MIN else 1


def _mapped(func: Callable[[T], Prepared | None], items: list[T] | Iterable[T],
            n_items: int) -> Iterator[Prepared | None]:
    """``map(func, items)``, in worker processes when there is enough work."""
    workers = _workers(n_items)
    if workers == 1:
        yield from map(func, items)
        return
    # The writer (this process) is the bottleneck: the workers yield the CPU to it.
    with multiprocessing.get_context("spawn").Pool(workers, os.nice, (10,)) as pool:
        yield from pool.imap(func, items, chunksize=32)


def write_prepared(db: sqlite3.Connection, items: Iterable[Prepared | None], *,
                   bulk: bool = False) -> int:
    """Write prepared stories, replacing earlier entries, one transaction per batch.

    ``bulk``: many stories; write big segments without merging, then merge them once.
    """
    ensure_schema(db)
    batch = BULK_BATCH if bulk else BATCH
    if bulk:
        _config(db, "automerge", 0)
    try:
        count = _write_batches(db, items, batch)
    finally:
        if bulk:
            _config(db, "automerge", 4)
    if bulk:
        optimize(db)
    if count:
        write_runs(db)
    return count


def _write_batches(db: sqlite3.Connection, items: Iterable[Prepared | None], batch: int) -> int:
    count = 0
    pending: list[Prepared] = []

    def flush() -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            for p in pending:
                _delete(db, p.story_id)
                db.execute(
                    "INSERT INTO search_fts(rowid, title, lead, body) VALUES (?, ?, ?, ?)",
                    (p.story_id, *p.columns),
                )
                db.execute(
                    "INSERT INTO search_head(rowid, title, lead) VALUES (?, ?, ?)",
                    (p.story_id, *p.columns[:2]),
                )
                db.execute("INSERT INTO search_docs VALUES (?, ?, ?)", (p.story_id, p.sha256, p.blob))
                db.execute(ATTRS_SQL, (p.story_id,))
            db.execute(
                "INSERT OR REPLACE INTO search_meta VALUES ('version', ?)", (str(INDEX_VERSION),)
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        pending.clear()

    for item in items:
        if item is None:
            continue
        pending.append(item)
        count += 1
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return count


def index_documents(
    db: sqlite3.Connection, docs: Iterable[tuple[int, str, DocText]], *, expected: int = 0,
) -> int:
    """Add or replace (story id, sha256, text) entries directly, in batched transactions.

    The low-level entry point for text that is not in files (the million-story benchmark
    feeds generated stories); ``expected`` (the number of docs) enables worker processes.
    """
    return write_prepared(db, _mapped(_prepare_tuple, docs, expected),
                          bulk=expected >= PARALLEL_MIN)


def sync_index(archive: Archive) -> dict[str, int | float]:
    """Bring the index up to date with the catalog: new, changed and removed stories.

    Changes are found by comparing ``articles.sha256`` with what was indexed, so it is
    cheap to call after every import or rescue. Returns counts and the time taken.
    """
    start = time.perf_counter()
    db = archive.db
    ensure_schema(db)
    if index_version(db) not in (None, INDEX_VERSION):
        return rebuild_index(archive)
    want = {int(r[0]): tuple(r) for r in db.execute(CANONICAL_SQL)}
    have = {int(r[0]): str(r[1]) for r in db.execute("SELECT story_id, sha256 FROM search_docs")}
    removed = sorted(set(have) - set(want))
    changed = sorted(i for i, row in want.items() if have.get(i) != row[1])
    for chunk in _batches(removed, BATCH):
        db.execute("BEGIN IMMEDIATE")
        try:
            for story_id in chunk:
                _delete(db, story_id)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    root = str(archive.root)
    jobs: list[FileJob] = [(root, *want[i]) for i in changed]  # type: ignore[misc]
    indexed = write_prepared(db, _mapped(_prepare_file, jobs, len(jobs)),
                             bulk=len(jobs) >= PARALLEL_MIN)
    if removed and not indexed:
        write_runs(db)
    db.execute("INSERT OR REPLACE INTO search_meta VALUES ('version', ?)", (str(INDEX_VERSION),))
    unreadable = len(changed) - indexed
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
        db.execute("DROP TABLE IF EXISTS search_head")
        db.execute("DROP TABLE IF EXISTS search_docs")
        db.execute("DROP TABLE IF EXISTS search_attrs")
        db.execute("DROP TABLE IF EXISTS search_meta")
        db.execute("DROP TABLE IF EXISTS search_runs")
        # executescript() would COMMIT early: create the tables one statement at a time.
        for statement in SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        _config(db, "hashsize", 64 * 1024 * 1024)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    result = sync_index(archive)
    result["seconds"] = round(time.perf_counter() - start, 3)
    return result


def write_runs(db: sqlite3.Connection) -> None:
    """Rewrite ``search_runs`` (date windows → id ranges, see :mod:`newsark.search.plan`)."""
    runs = month_runs(db)
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DELETE FROM search_runs")
        db.executemany("INSERT INTO search_runs VALUES (?, ?, ?)", runs)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def optimize(db: sqlite3.Connection) -> None:
    """Merge the FTS5 segments into one (smaller, faster to query); optional."""
    db.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")
    db.execute("INSERT INTO search_head(search_head) VALUES('optimize')")
