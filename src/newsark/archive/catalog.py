"""The SQLite catalog kept beside the article files (``DIR/catalog.sqlite``).

One table per concept. Other parts of newsark (rescue, search) add their own tables with
``CREATE TABLE IF NOT EXISTS`` in their own modules; this module owns the archive core:
articles, where each came from, the repairs made to them, defects, boilerplate and stories.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id              INTEGER PRIMARY KEY,   -- the article id (file article_<id>.md)
    path            TEXT NOT NULL,         -- relative to the archive root
    sha256          TEXT NOT NULL,         -- of the file as written now
    original_sha256 TEXT,                  -- of the bytes first imported/extracted (originals)
    title           TEXT,
    date            TEXT,
    last_updated    TEXT,
    author          TEXT,
    category        TEXT,
    tags            TEXT,                  -- JSON list
    url             TEXT,                  -- capture URL
    original_url    TEXT,
    site            TEXT,                  -- host of original_url without www.
    body_chars      INTEGER,
    story_id        INTEGER,               -- canonical article id of its story
    status          TEXT NOT NULL DEFAULT 'ok',  -- ok | flagged | unreadable
    updated_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);

-- Where each article's bytes came from (one row per distinct source occurrence).
CREATE TABLE IF NOT EXISTS provenance (
    article_id  INTEGER NOT NULL,
    source      TEXT NOT NULL,   -- path of the folder/file/tarball given to import, or 'rescue'
    member      TEXT NOT NULL,   -- path inside the source (or the capture URL)
    sha256      TEXT NOT NULL,   -- of the original bytes
    imported_at TEXT NOT NULL,
    PRIMARY KEY (article_id, source, member, sha256)
);

-- Files that could not be imported, with the reason (kept so the report is honest).
CREATE TABLE IF NOT EXISTS rejects (
    source  TEXT NOT NULL,
    member  TEXT NOT NULL,
    kind    TEXT NOT NULL,
    message TEXT NOT NULL,
    sha256  TEXT,
    at      TEXT NOT NULL,
    PRIMARY KEY (source, member)
);

-- Every defect found in an article, and whether it was repaired or only flagged.
CREATE TABLE IF NOT EXISTS defects (
    article_id INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    status     TEXT NOT NULL,    -- repaired | flagged
    detail     TEXT,
    PRIMARY KEY (article_id, kind)
);

-- Every change made to a file, reversible: the exact text before and after.
CREATE TABLE IF NOT EXISTS repairs (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    field      TEXT NOT NULL,    -- 'body' or a front matter key or 'front_matter'
    before     TEXT NOT NULL,
    after      TEXT NOT NULL,
    count      INTEGER NOT NULL DEFAULT 1,
    at         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS repairs_article ON repairs(article_id);

-- Boilerplate blocks learned from the archive and moved out of bodies.
CREATE TABLE IF NOT EXISTS boilerplate (
    article_id INTEGER NOT NULL,
    position   INTEGER NOT NULL,   -- character offset in the body before removal
    kind       TEXT NOT NULL,      -- site | author
    author     TEXT,               -- for author boxes: whose bio it is
    block_key  TEXT NOT NULL,      -- normalised key of the block family
    text       TEXT NOT NULL,      -- the exact characters removed
    PRIMARY KEY (article_id, position)
);
CREATE TABLE IF NOT EXISTS author_bios (
    author TEXT PRIMARY KEY,
    bio    TEXT NOT NULL,
    seen   INTEGER NOT NULL
);

-- Stories: one canonical article per story, the others are aliases.
CREATE TABLE IF NOT EXISTS stories (
    story_id   INTEGER PRIMARY KEY,   -- the canonical article id
    title      TEXT,
    date       TEXT,
    copies     INTEGER NOT NULL,
    reason     TEXT NOT NULL          -- why this id was chosen
);
CREATE TABLE IF NOT EXISTS aliases (
    alias_id   INTEGER PRIMARY KEY,
    story_id   INTEGER NOT NULL,
    similarity REAL NOT NULL,
    reason     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS aliases_story ON aliases(story_id);

-- Links between articles of the same site (by ids in the URL path), from the bodies.
CREATE TABLE IF NOT EXISTS links (
    source_id INTEGER NOT NULL,
    target_id INTEGER NOT NULL,
    count     INTEGER NOT NULL,
    PRIMARY KEY (source_id, target_id)
);
CREATE INDEX IF NOT EXISTS links_target ON links(target_id);

-- Sentence-hash fingerprint of each body, to tell copies of one story apart from others.
CREATE TABLE IF NOT EXISTS fingerprints (
    article_id INTEGER PRIMARY KEY,
    sentences  BLOB NOT NULL          -- sorted 8-byte hashes
);

-- Repairs a user undid for one article (kind, or 'all' = the original bytes as they were).
CREATE TABLE IF NOT EXISTS repairs_undone (
    article_id INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (article_id, kind)
);

-- Article files a person edited by hand, taken into the catalog (archive/edits.py):
-- newsark never writes over them.
CREATE TABLE IF NOT EXISTS hand_edits (
    article_id      INTEGER PRIMARY KEY,
    sha256          TEXT NOT NULL,   -- of the file as the person left it
    previous_sha256 TEXT NOT NULL,   -- of the file as newsark had written it
    previous_title  TEXT,            -- and its title and date: the story folds by them
    previous_date   TEXT,
    at              TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);
"""


def connect(path: Path) -> sqlite3.Connection:
    """Open (and create) a catalog. WAL keeps readers (the web reader) unblocked."""
    conn = sqlite3.connect(path, timeout=60, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.executescript(SCHEMA)
    return conn
