"""The articles of an archive as export records: one flat dict per article, same keys
for every format (JSONL, Parquet, the metadata records of a WARC export)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newsark.archive.article import Article, FormatError, load_bytes
from newsark.archive.store import Archive
from newsark.extract.plaintext import plain_text

# The keys of every record, in this order. A contract: datasets built from exports rely on
# them; add keys at the end, never rename.
RECORD_KEYS = (
    "id", "story_id", "is_alias", "aliases", "title", "date", "last_updated", "author",
    "category", "tags", "lead", "url", "original_url", "site", "path", "sha256", "status",
    "markdown", "text", "chars", "sources", "extra",
)
# Front matter keys that have a column of their own; the others go to "extra".
_OWN_KEYS = {"title", "date", "last_updated", "author", "category", "tags", "lead", "url",
             "original_url"}


@dataclass
class Selection:
    """Which articles to export. By default one record per story (its canonical article);
    ``aliases`` adds the other copies, each pointing at its story."""

    aliases: bool = False
    since: str | None = None     # first day, YYYY[-MM[-DD]], compared with the date's prefix
    until: str | None = None     # last day, included
    site: str | None = None
    category: str | None = None
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        if not self.aliases:
            clauses.append("id NOT IN (SELECT alias_id FROM aliases)")
        if self.since:
            clauses.append("substr(date, 1, ?) >= ?")
            args += [len(self.since), self.since]
        if self.until:
            clauses.append("substr(date, 1, ?) <= ?")
            args += [len(self.until), self.until]
        if self.site:
            clauses.append("site = ?")
            args.append(self.site.removeprefix("www."))
        if self.category:
            clauses.append("category = ?")
            args.append(self.category)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), args

    def query(self, columns: str) -> tuple[str, list[Any]]:
        """The SQL selecting these articles' ``columns`` by id, and its arguments."""
        where, args = self.where()
        sql = f"SELECT {columns} FROM articles{where} ORDER BY id"
        if self.limit is not None:
            sql += f" LIMIT {int(self.limit)}"
        return sql, args


@dataclass
class Tally:
    """What an export wrote and what it left out, and why."""

    written: int = 0
    stories: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    capture_files: int = 0       # WARC export: files of raw captures copied
    originals: int = 0           # WARC export: files as imported, where repairs changed them

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


def iter_records(archive: Archive, selection: Selection, tally: Tally) -> Iterator[dict[str, Any]]:
    """The selected articles' records, by id. Files that are missing or cannot be read
    are counted in ``tally`` and left out (``newsark report`` says more about them)."""
    return (record for _, record in iter_files(archive, selection, tally))


def iter_files(archive: Archive, selection: Selection,
               tally: Tally) -> Iterator[tuple[bytes, dict[str, Any]]]:
    """As iter_records, each record with the file's bytes it was made from."""
    sql, args = selection.query("id, story_id, path, sha256, status, site")
    db = archive.db
    alias_of = dict(db.execute("SELECT alias_id, story_id FROM aliases").fetchall())
    aliases: dict[int, list[int]] = {}
    for alias_id, story_id in sorted(alias_of.items()):
        aliases.setdefault(story_id, []).append(alias_id)
    for row in db.execute(sql, args).fetchall():
        article_id = int(row["id"])
        try:
            data = archive.read_bytes(article_id)
            article = load_bytes(data)
        except FileNotFoundError:
            tally.skip("file missing")
            continue
        except (OSError, FormatError, ValueError):
            tally.skip("unreadable file")
            continue
        story_id = alias_of.get(article_id, article_id)
        sources = [
            {"source": s, "member": m, "sha256": h}
            for s, m, h in db.execute(
                "SELECT source, member, sha256 FROM provenance WHERE article_id=? "
                "ORDER BY imported_at, source, member", (article_id,))
        ]
        tally.written += 1
        tally.stories += story_id == article_id
        yield data, make_record(article_id, article, story_id=story_id,
                                aliases=aliases.get(article_id, []), path=row["path"],
                                sha256=row["sha256"], status=row["status"], site=row["site"],
                                sources=sources)


def make_record(article_id: int, article: Article, *, story_id: int, aliases: list[int],
                path: str, sha256: str, status: str, site: str | None,
                sources: list[dict[str, str]]) -> dict[str, Any]:
    markdown = article.text()
    text = plain_text(markdown, with_captions=True)
    extra = {k: v for k, v in article.meta.items() if k not in _OWN_KEYS}
    lead = article.meta.get("lead")
    return {
        "id": article_id,
        "story_id": story_id,
        "is_alias": story_id != article_id,
        "aliases": aliases,
        "title": article.title,
        "date": article.date,
        "last_updated": article.last_updated,
        "author": article.author,
        "category": article.category,
        "tags": article.tags,
        "lead": lead if isinstance(lead, str) and lead else None,
        "url": article.url,
        "original_url": article.original_url,
        "site": site,
        "path": path,
        "sha256": sha256,
        "status": status,
        "markdown": markdown,
        "text": text,
        "chars": len(text),
        "sources": sources,
        # Values of other front matter keys may be of any YAML type: kept as JSON text so
        # that a column has one type in every format.
        "extra": json.dumps(extra, ensure_ascii=False, default=str) if extra else None,
    }
