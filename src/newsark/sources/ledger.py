"""Rescue's resumable state, in the archive's catalog (tables prefixed ``rescue_``).

Per capture (``rescue_captures``: what the CDX listing or a WARC file holds), per fetch
(``rescue_fetches``: each capture tried once, with its outcome and where its raw response
sits in the WARCs), per URL (``rescue_urls``: which story a URL belongs to) and per story
(``rescue_stories``: discovered → fetched → written, or aliased / failed with a reason).
Each step commits in one transaction, so a ``kill -9`` loses at most the step in flight.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS rescue_cdx (
    query      TEXT PRIMARY KEY,   -- variant|from|to
    resume_key TEXT,               -- where the next page starts ('' = first page)
    pages      INTEGER NOT NULL DEFAULT 0,
    rows       INTEGER NOT NULL DEFAULT 0,
    done       INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS rescue_captures (
    original   TEXT NOT NULL,      -- the captured URL, byte for byte
    ts         TEXT NOT NULL,      -- 14-digit timestamp
    mimetype   TEXT,
    status     TEXT,               -- '200', '301', '-' (revisit) ...
    digest     TEXT,
    length     TEXT,
    source     TEXT NOT NULL,      -- 'cdx' or the WARC/WACZ file it was read from
    warc_file  TEXT,               -- for captures read from files: where the record is
    warc_offset INTEGER,
    PRIMARY KEY (original, ts)
);
CREATE TABLE IF NOT EXISTS rescue_urls (
    original   TEXT PRIMARY KEY,
    story_id   INTEGER,            -- NULL: not an article URL
    kind       TEXT NOT NULL       -- article | other
);
CREATE INDEX IF NOT EXISTS rescue_urls_story ON rescue_urls(story_id);
CREATE TABLE IF NOT EXISTS rescue_fetches (
    original   TEXT NOT NULL,
    ts         TEXT NOT NULL,
    outcome    TEXT NOT NULL,      -- ok | rejected | error
    reason     TEXT,               -- why rejected (outage, soft_404, truncated, ...)
    status     INTEGER,
    final_url  TEXT,               -- after archived redirects
    final_ts   TEXT,
    warc_file  TEXT,               -- the final response's record
    warc_offset INTEGER,
    payload_sha TEXT,
    requests   INTEGER NOT NULL DEFAULT 0,
    at         TEXT NOT NULL,
    PRIMARY KEY (original, ts)
);
CREATE TABLE IF NOT EXISTS rescue_stories (
    story_id   INTEGER PRIMARY KEY,
    state      TEXT NOT NULL,      -- discovered | written | aliased | failed
    reason     TEXT,               -- failure reason or alias reason
    alias_of   INTEGER,
    capture_url TEXT,
    original_url TEXT,
    ts         TEXT,
    warc_file  TEXT,
    warc_offset INTEGER,
    payload_sha TEXT,
    charset    TEXT,
    text_hash  TEXT,               -- of the text without markup, URLs and spaces
    title_key  TEXT,               -- title without spaces: candidates for near-duplicates
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS rescue_stories_hash ON rescue_stories(text_hash);
CREATE INDEX IF NOT EXISTS rescue_stories_title ON rescue_stories(title_key);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS rescue_requests (
    kind    TEXT NOT NULL,
    outcome TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (kind, outcome)
);
"""


@dataclass(frozen=True)
class Capture:
    original: str
    ts: str
    mimetype: str
    status: str
    source: str = "cdx"
    warc_file: str | None = None
    warc_offset: int | None = None


@dataclass(frozen=True)
class FetchRow:
    original: str
    ts: str
    outcome: str
    reason: str | None
    status: int | None
    final_url: str | None
    final_ts: str | None
    warc_file: str | None
    warc_offset: int | None
    payload_sha: str | None


def warc_end(db: sqlite3.Connection, warc_file: str) -> int | None:
    """Where the last committed record of ``warc_file`` ends (None: none recorded). A
    function too, for readers of an archive (export) that must not create the rescue tables."""
    row = db.execute("SELECT value FROM meta WHERE key=?", (f"rescue_warc_end:{warc_file}",)).fetchone()
    return int(row[0]) if row else None


class Ledger:
    """Thin typed access to the rescue tables of one catalog connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        db.executescript(SCHEMA)

    @contextmanager
    def tx(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- CDX checkpoints -------------------------------------------------------------
    def cdx_state(self, query: str) -> tuple[str, bool]:
        row = self.db.execute(
            "SELECT resume_key, done FROM rescue_cdx WHERE query=?", (query,)
        ).fetchone()
        return (row[0] or "", bool(row[1])) if row else ("", False)

    def save_cdx_page(self, query: str, rows: list[Capture], resume_key: str | None) -> None:
        """Store one page of rows and the key of the next page in one transaction."""
        with self.tx():
            self.add_captures(rows)
            self.db.execute(
                """INSERT INTO rescue_cdx (query, resume_key, pages, rows, done) VALUES (?,?,1,?,?)
                   ON CONFLICT(query) DO UPDATE SET resume_key=excluded.resume_key,
                   pages=pages+1, rows=rows+excluded.rows, done=excluded.done""",
                (query, resume_key or "", len(rows), 0 if resume_key else 1),
            )

    # -- captures --------------------------------------------------------------------
    def add_captures(self, rows: list[Capture]) -> None:
        self.db.executemany(
            "INSERT INTO rescue_captures VALUES (?,?,?,?,NULL,NULL,?,?,?) "
            "ON CONFLICT(original, ts) DO UPDATE SET "
            "warc_file=coalesce(warc_file, excluded.warc_file), "
            "warc_offset=coalesce(warc_offset, excluded.warc_offset)",
            [(c.original, c.ts, c.mimetype, c.status, c.source, c.warc_file, c.warc_offset)
             for c in rows],
        )

    def captures(self) -> list[Capture]:
        return [
            Capture(r[0], r[1], r[2] or "", r[3] or "", r[4], r[5], r[6])
            for r in self.db.execute(
                "SELECT original, ts, mimetype, status, source, warc_file, warc_offset "
                "FROM rescue_captures ORDER BY original, ts"
            )
        ]

    # -- fetches ---------------------------------------------------------------------
    def fetch_row(self, original: str, ts: str) -> FetchRow | None:
        r = self.db.execute(
            "SELECT original, ts, outcome, reason, status, final_url, final_ts, warc_file, "
            "warc_offset, payload_sha FROM rescue_fetches WHERE original=? AND ts=?",
            (original, ts),
        ).fetchone()
        return FetchRow(*r) if r else None

    def record_fetch(self, row: FetchRow, requests: int, at: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO rescue_fetches VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (row.original, row.ts, row.outcome, row.reason, row.status, row.final_url,
             row.final_ts, row.warc_file, row.warc_offset, row.payload_sha, requests, at),
        )

    def warc_end(self, warc_file: str) -> int | None:
        """Where the last committed record of ``warc_file`` ends (None: none recorded)."""
        return warc_end(self.db, warc_file)

    def set_warc_end(self, warc_file: str, end: int) -> None:
        self.db.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (f"rescue_warc_end:{warc_file}", str(end)),
        )

    # -- URLs and stories ------------------------------------------------------------
    def set_urls(self, mapping: dict[str, int | None]) -> None:
        with self.tx():
            self.db.executemany(
                "INSERT OR REPLACE INTO rescue_urls VALUES (?,?,?)",
                [(u, sid, "article" if sid is not None else "other") for u, sid in mapping.items()],
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO rescue_stories (story_id, state, updated_at) "
                "VALUES (?, 'discovered', datetime('now'))",
                [(sid,) for sid in sorted({s for s in mapping.values() if s is not None})],
            )

    def story_state(self, story_id: int) -> str | None:
        row = self.db.execute(
            "SELECT state FROM rescue_stories WHERE story_id=?", (story_id,)
        ).fetchone()
        return row[0] if row else None

    def set_story(self, story_id: int, state: str, **cols: object) -> None:
        names = ["state", *cols]
        values = [state, *cols.values()]
        self.db.execute(
            "INSERT OR IGNORE INTO rescue_stories (story_id, state, updated_at) "
            "VALUES (?, 'discovered', datetime('now'))",
            (story_id,),
        )
        sets = ", ".join(f"{n}=?" for n in names)
        self.db.execute(
            f"UPDATE rescue_stories SET {sets}, updated_at=datetime('now') WHERE story_id=?",
            (*values, story_id),
        )

    def story_with_hash(self, text_hash: str, other_than: int) -> int | None:
        row = self.db.execute(
            "SELECT story_id FROM rescue_stories WHERE text_hash=? AND state='written' "
            "AND story_id<>? ORDER BY story_id LIMIT 1",
            (text_hash, other_than),
        ).fetchone()
        return int(row[0]) if row else None

    def stories_with_title(self, title_key: str, other_than: int) -> list[int]:
        return [int(r[0]) for r in self.db.execute(
            "SELECT story_id FROM rescue_stories WHERE title_key=? AND state='written' "
            "AND story_id<>? ORDER BY story_id", (title_key, other_than))]

    # -- request counts --------------------------------------------------------------
    def count_request(self, kind: str, outcome: str) -> None:
        self.db.execute(
            "INSERT INTO rescue_requests VALUES (?,?,1) "
            "ON CONFLICT(kind, outcome) DO UPDATE SET n=n+1",
            (kind, outcome),
        )


class RequestCounter:
    """Requests per kind and outcome, counted from any thread (own connection + lock)."""

    def __init__(self, catalog: Path) -> None:
        self.conn = sqlite3.connect(catalog, timeout=60, isolation_level=None,
                                    check_same_thread=False)
        self.conn.executescript(SCHEMA)
        self._lock = threading.Lock()

    def count(self, kind: str, outcome: str) -> None:
        with self._lock:
            self.conn.execute(
                "INSERT INTO rescue_requests VALUES (?,?,1) "
                "ON CONFLICT(kind, outcome) DO UPDATE SET n=n+1",
                (kind, outcome),
            )

    def close(self) -> None:
        self.conn.close()
