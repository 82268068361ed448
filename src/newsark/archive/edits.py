"""Article files a person edited by hand: taken into the catalog, never overwritten.

newsark records the sha256 of every file it writes. A file whose bytes differ from that
record was changed outside newsark (a title corrected in an editor, say). ``adopt_edits``
takes such files into the catalog (title, dates, author, category, tags, the file's
digest), so search, the reader and publishing show the edit, and records them in
``hand_edits``. ``store.holds_hand_edit`` tells the writers (import, repair undo/redo,
rescue) that a file holds a person's edit: they leave it as it is.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from newsark.archive.article import FormatError, load_bytes
from newsark.archive.store import Archive, now, sha256


@dataclass
class Adopted:
    ids: list[int] = field(default_factory=list)       # edits taken into the catalog
    unreadable: list[int] = field(default_factory=list)  # edited files whose front matter no longer parses


def kept_edits(db: sqlite3.Connection) -> dict[int, str]:
    """Article id → sha256 of the hand edit taken in (table ``hand_edits``, catalog.py)."""
    return {int(r[0]): str(r[1]) for r in db.execute("SELECT article_id, sha256 FROM hand_edits")}


def _epoch(stamp: str) -> float:
    try:
        return dt.datetime.fromisoformat(stamp).timestamp()
    except ValueError:
        return 0.0


def adopt_edits(archive: Archive) -> Adopted:
    """Take every file edited since newsark wrote it into the catalog. Only files modified
    after their catalog row was written are read (one stat per article)."""
    db = archive.db
    out = Adopted()
    rows = db.execute(
        "SELECT id, path, sha256, original_sha256, status, updated_at, title, date FROM articles").fetchall()
    touched: list[int] = []  # newer on disk but the same bytes (a copied archive, say)
    for article_id, rel, catalog_sha, original_sha, status, updated_at, title, date in rows:
        if status == "pending" or not catalog_sha:
            continue  # an interrupted import's file: the import derives it again
        path = archive.root / rel
        try:
            mtime = path.stat().st_mtime
        except OSError:
            continue
        # newsark writes a file, then its row (second precision): a file not modified a second
        # after its row is as newsark left it, and is not read.
        if mtime < _epoch(updated_at) + 1:
            continue
        data = path.read_bytes()
        digest = sha256(data)
        if digest == catalog_sha:
            touched.append(int(article_id))
            continue
        try:
            article = load_bytes(data)
        except FormatError:
            out.unreadable.append(int(article_id))
            continue
        db.execute("BEGIN")
        try:
            archive.upsert_row(int(article_id), digest, original_sha or catalog_sha, article,
                               "flagged" if status == "flagged" else "ok")
            # A second edit keeps what newsark had written before the first.
            db.execute(
                """INSERT INTO hand_edits (article_id, sha256, previous_sha256, previous_title,
                       previous_date, at) VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT(article_id) DO UPDATE SET sha256=excluded.sha256, at=excluded.at""",
                (int(article_id), digest, catalog_sha, title, date, now()))
            # a story's title and date as its canonical file now gives them
            db.execute("UPDATE stories SET title=?, date=? WHERE story_id=?",
                       (article.title, article.date, int(article_id)))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        out.ids.append(int(article_id))
    if touched:  # read once: their rows are stamped now, so the next run skips them
        stamp = now()
        db.execute("BEGIN")
        db.executemany("UPDATE articles SET updated_at=? WHERE id=?", [(stamp, i) for i in touched])
        db.execute("COMMIT")
    return out
