"""Catalog queries behind the reader's home and browse pages.

Listings show one row per story: an article that is an alias of another story is left
out (it is reachable from its story's page). Aggregates over the whole archive are cached
until the catalog changes (categories, tags and authors: see browse_index).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
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


def next_prefix(prefix: str) -> str:
    """The smallest string above every string that starts with ``prefix`` (index ranges)."""
    return prefix + "\U0010ffff"


def list_cards(
    archive: ReadOnlyArchive,
    where: str,
    params: Sequence[Any],
    *,
    page: int,
    per_page: int,
    order: str = "date DESC, id DESC",
) -> Page:
    """One page of stories matching ``where`` (an SQL condition built by this module)."""
    cond = f"{STORY} AND ({where})"
    total = archive.db.execute(f"SELECT count(*) FROM articles WHERE {cond}", params).fetchone()[0]
    rows = archive.db.execute(
        f"SELECT {CARD_COLUMNS} FROM articles WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, per_page, (page - 1) * per_page],
    ).fetchall()
    return Page([Card.from_row(r) for r in rows], int(total), page, per_page)


def date_range(prefix: str) -> tuple[str, Sequence[Any]]:
    """A condition for dates starting with ``prefix`` ('2019', '2019-04', '2019-04-20')."""
    return "date >= ? AND date < ?", [prefix, next_prefix(prefix)]


def counts(archive: ReadOnlyArchive, sql: str, params: Sequence[Any] = ()) -> list[tuple[str, int]]:
    return [(str(r[0]), int(r[1])) for r in archive.db.execute(sql, params) if r[0] not in (None, "")]


def years(archive: ReadOnlyArchive) -> list[tuple[str, int]]:
    return counts(
        archive,
        f"SELECT substr(date, 1, 4) AS y, count(*) FROM articles WHERE {STORY} AND date >= '0'"
        " GROUP BY y ORDER BY y",
    )


def months(archive: ReadOnlyArchive, year: str) -> list[tuple[str, int]]:
    cond, params = date_range(year + "-")
    return counts(
        archive,
        f"SELECT substr(date, 6, 2) AS m, count(*) FROM articles WHERE {STORY} AND {cond}"
        " GROUP BY m ORDER BY m",
        params,
    )


def days(archive: ReadOnlyArchive, year: str, month: str) -> list[tuple[str, int]]:
    cond, params = date_range(f"{year}-{month}-")
    return counts(
        archive,
        f"SELECT substr(date, 9, 2) AS d, count(*) FROM articles WHERE {STORY} AND {cond}"
        " GROUP BY d ORDER BY d",
        params,
    )


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


def latest(archive: ReadOnlyArchive, limit: int) -> list[Card]:
    return list_cards(archive, "date >= '0'", [], page=1, per_page=limit).cards


def on_this_day(
    archive: ReadOnlyArchive, month_day: str, before_year: int, per_year: int
) -> list[tuple[str, list[Card]]]:
    """Stories dated ``MM-DD`` in each year before ``before_year`` (newest year first)."""
    out: list[tuple[str, list[Card]]] = []
    for year, _ in reversed(years(archive)):
        if not year.isdigit() or int(year) >= before_year:
            continue
        cond, params = date_range(f"{year}-{month_day}")
        cards = list_cards(archive, cond, params, page=1, per_page=per_year).cards
        if cards:
            out.append((year, cards))
    return out


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
