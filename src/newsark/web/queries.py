"""Catalog queries behind the reader's pages, and the cache of archive-wide results.

Listings show one row per story: an article that is an alias of another story is left
out (it is reachable from its story's page). Listings by date, category, tag and author
come from :mod:`newsark.web.browse_index`.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from newsark.web.db import ReadOnlyArchive

# One row per story: skip aliases and files that could not be read.
STORY = (
    "status != 'unreadable' AND NOT EXISTS (SELECT 1 FROM aliases WHERE alias_id = articles.id)"
)
CARD_COLUMNS = "id, title, date, author, category, tags"
T = TypeVar("T")


@dataclass
class Card:
    """What a listing shows of one story."""

    id: int
    title: str
    date: str
    author: str
    category: str
    tags: list[str] = field(default_factory=list)

    @classmethod
    def from_row(cls, row: Any) -> Card:
        try:
            tags = json.loads(row["tags"] or "[]")
        except ValueError:
            tags = []
        return cls(
            id=int(row["id"]),
            title=row["title"] or "",
            date=row["date"] or "",
            author=row["author"] or "",
            category=row["category"] or "",
            tags=[str(t) for t in tags] if isinstance(tags, list) else [],
        )


@dataclass
class Page:
    """A page of a listing."""

    cards: list[Card]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


class Cache:
    """Memoise aggregate queries until the catalog's version changes."""

    def __init__(self) -> None:
        self._data: dict[tuple[Any, ...], tuple[tuple[float, ...], Any]] = {}
        self._lock = threading.Lock()

    def get(self, archive: ReadOnlyArchive, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        version = archive.version()
        with self._lock:
            hit = self._data.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self._data[key] = (version, value)
        return value


@dataclass
class Overview:
    """What the archive holds, for the home page."""

    stories: int
    files: int
    aliases: int
    first_date: str
    last_date: str
    sites: list[str]


def overview(archive: ReadOnlyArchive) -> Overview:
    db = archive.db
    files = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    stories = db.execute(f"SELECT count(*) FROM articles WHERE {STORY}").fetchone()[0]
    aliases = db.execute("SELECT count(*) FROM aliases").fetchone()[0]
    first = db.execute("SELECT min(date) FROM articles WHERE date >= '0'").fetchone()[0]
    last = db.execute("SELECT max(date) FROM articles WHERE date >= '0'").fetchone()[0]
    return Overview(int(stories), int(files), int(aliases), first or "", last or "", sites(archive))


def sites(archive: ReadOnlyArchive) -> list[str]:
    return [r[0] for r in archive.db.execute(
        "SELECT DISTINCT site FROM articles WHERE site IS NOT NULL ORDER BY site")]


def article_row(archive: ReadOnlyArchive, article_id: int) -> Any:
    return archive.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()


def is_local(archive: ReadOnlyArchive, article_id: int) -> bool:
    """True when the id is an article or an alias held by the archive."""
    return archive.db.execute(
        "SELECT 1 FROM articles WHERE id = ? UNION ALL SELECT 1 FROM aliases WHERE alias_id = ?",
        (article_id, article_id),
    ).fetchone() is not None


def provenance(archive: ReadOnlyArchive, article_id: int) -> list[dict[str, Any]]:
    return [dict(r) for r in archive.db.execute(
        "SELECT source, member, sha256, imported_at FROM provenance WHERE article_id = ?"
        " ORDER BY imported_at", (article_id,))]


def boilerplate(archive: ReadOnlyArchive, article_id: int) -> list[dict[str, Any]]:
    return [dict(r) for r in archive.db.execute(
        "SELECT position, kind, author, text FROM boilerplate WHERE article_id = ?"
        " ORDER BY position", (article_id,))]


def author_bio(archive: ReadOnlyArchive, author: str | None) -> str | None:
    if not author:
        return None
    row = archive.db.execute("SELECT bio FROM author_bios WHERE author = ?", (author,)).fetchone()
    return str(row[0]) if row else None
