"""Query the index: filters, ranking, one hit per story, snippets and facets."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsark.archive.store import Archive
from newsark.search.collapse import collapse
from newsark.search.index import INDEX_VERSION, DocText, has_index, index_version
from newsark.search.plan import Source, date_bounds, id_ranges
from newsark.search.query import (
    ParsedQuery,
    QueryError,
    fts_phrase,
    fts_phrases,
    normalize_date,
    parse_query,
)
from newsark.search.snippet import highlight, snippet

# bm25 column weights (title, lead, body): a term in the title counts far more than one
# in the body; the lead (first characters of the body) in between.
WEIGHTS = (16.0, 4.0, 1.0)
FACET_LIMIT = 20
NEAR_DISTANCE = 20  # tokens (about characters, for Chinese)
NEAR_MAX_MATCHES = 500  # above this many matching stories, rank without proximity
# Above this many matching stories, the first pages rank the title-and-lead tier only.
HEAD_MIN = 1000
HEAD_WINDOW = 100  # deeper pages rank every match
HEAD_WEIGHTS = WEIGHTS[:2]
COLLAPSE = True  # fold near-identical versions of a story on result pages (collapse.py)
COLLAPSE_WINDOW = 1000  # deeper than this, pages are not folded (cost grows with depth)


class SearchIndexMissing(RuntimeError):
    """The archive has no search index yet (run ``newsark index``)."""


@dataclass
class Hit:
    id: int
    aliases: list[int]
    title: str
    date: str | None
    category: str | None
    author: str | None
    tags: list[str]
    score: float
    snippet: str
    title_html: str


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    query: str = ""
    took_ms: float = 0.0
    relaxed: bool = False
    plan: str = ""  # how the page was ranked (see plan.py), for benchmarks and debugging


def _filters(parsed: ParsedQuery) -> tuple[str, list[object]]:
    """SQL conditions on ``a`` (articles) for the query's filters."""
    where: list[str] = []
    params: list[object] = []
    f = parsed.filters
    if f.get("date_from"):
        d = normalize_date(f["date_from"], "from")
        where.append("substr(a.day, 1, ?) >= ?")
        params += [len(d), d]
    if f.get("date_to"):
        d = normalize_date(f["date_to"], "to")
        where.append("substr(a.day, 1, ?) <= ?")
        params += [len(d), d]
    if f.get("category"):
        where.append("a.category = ?")
        params.append(f["category"])
    if f.get("author"):
        where.append("a.author = ?")
        params.append(f["author"])
    if f.get("tag"):
        where.append("EXISTS (SELECT 1 FROM json_each(a.tags) WHERE value = ?)")
        params.append(f["tag"])
    return (" AND ".join(where) or "1"), params


def _match_expr(parsed: ParsedQuery, any_term: bool, near: bool = False,
                known: Callable[[str], bool] | None = None) -> str | None:
    spellings = [p for p in (fts_phrases(t, parsed.script, known) for t in parsed.required) if p]
    if not spellings:
        return None
    phrases = [p[0] if len(p) == 1 else " OR ".join(f"({x})" for x in p) for p in spellings]
    expr = (" OR " if any_term else " AND ").join(f"({p})" for p in phrases)
    if near and NEAR_DISTANCE and 1 < len(phrases) <= 6:
        # Proximity: every story matching all terms also matches this NEAR group when the
        # terms are close together; bm25 then scores those phrases a second time, so
        # close terms rank above scattered ones without changing the set of results.
        # (NEAR takes phrases only: each term's most likely spelling.)
        expr = f"({expr}) OR NEAR({' '.join(p[0] for p in spellings)}, {NEAR_DISTANCE})"
    excludes = [p for p in (fts_phrase(t, parsed.script) for t in parsed.excludes) if p]
    if excludes:
        expr = f"({expr}) NOT ({' OR '.join(f'({p})' for p in excludes)})"
    return expr


def search(
    archive: Archive,
    q: str,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    category: str | None = None,
    author: str | None = None,
    tag: str | None = None,
    limit: int = 10,
    offset: int = 0,
    facets: bool = True,
) -> SearchResults:
    """Search ``archive``; filters given here override the same filters in ``q``.

    Raises :class:`QueryError` for a bad filter value and :class:`SearchIndexMissing`
    when the archive has not been indexed.
    """
    start = time.perf_counter()
    if limit < 0 or offset < 0:
        raise QueryError("limit and offset must not be negative")
    parsed = parse_query(q)
    for key, value in (
        ("date_from", date_from), ("date_to", date_to), ("category", category),
        ("author", author), ("tag", tag),
    ):
        if value:
            parsed.filters[key] = value
    db = archive.db
    if not has_index(db, "search_attrs") or index_version(db) not in (None, INDEX_VERSION):
        raise SearchIndexMissing(
            f"{archive.root} has no search index (or one from an older newsark): run `newsark index`"
        )
    where, params = _filters(parsed)
    if parsed.is_empty() and parsed.unsearchable:
        # Only emoji or punctuation were typed: nothing can match them.
        return SearchResults(hits=[], total=0, facets={}, query=q, took_ms=0.0, relaxed=False)
    relaxed = False
    known = _known_tokens(db)
    match = _match_expr(parsed, any_term=False, known=known)
    if match is None:  # no terms: a filtered listing, newest first
        source = _browse_source(parsed)
        total = _count(db, source, [], where, params)
        ranked = db.execute(_rank_sql(source, where, ranked=False), [*params, limit, offset]).fetchall()
        meta = _meta(db, [r[0] for r in ranked])
        rows = [(r[0], *meta[r[0]], r[1]) for r in ranked if r[0] in meta]
        folded: dict[int, list[int]] = {}
        plan = "listing"
    else:
        f = parsed.filters
        main = Source("search_fts", WEIGHTS, id_ranges(db, date_bounds(f.get("date_from"), f.get("date_to"))))
        total = _count(db, main.sql(scored=False), main.params(match), where, params)
        if total == 0 and len(parsed.required) > 1:
            relaxed = True
            match = _match_expr(parsed, any_term=True, known=known)
            assert match is not None
            total = _count(db, main.sql(scored=False), main.params(match), where, params)
        rank_expr, tier = match, main
        if not relaxed and total <= NEAR_MAX_MATCHES:
            # Proximity costs a pass over the positions of every match: only for small sets.
            rank_expr = _match_expr(parsed, any_term=False, near=True, known=known) or match
        elif (total > HEAD_MIN and offset + limit <= HEAD_WINDOW and not parsed.excludes
              and has_index(db, "search_head")):
            # Many matches: rank the stories whose title or lead match (see plan.py). Not
            # with -excluded terms: the tier cannot see them in the body.
            tier = Source("search_head", HEAD_WEIGHTS, main.ranges)
        rows, folded = _page(db, tier, rank_expr, where, params, limit, offset)
        if tier is not main and len(rows) < min(limit, max(0, total - offset)):
            # Too few titles and leads match to fill the page: rank every match after all.
            tier = main
            rows, folded = _page(db, main, match, where, params, limit, offset)
        plan = ("title tier" if tier is not main else "all matches") + (
            f", {len(main.ranges)} id ranges" if main.ranges else "")
    terms = parsed.required
    hits = [_hit(db, row, terms, folded.get(int(row[0]), []), parsed.script) for row in rows]
    if not facets:
        facet_counts: dict[str, list[tuple[str, int]]] = {}
    elif match is None:
        facet_counts = _facets(db, source, [], where, params)
    else:
        facet_counts = _facets(db, main.sql(scored=False), main.params(match), where, params)
    return SearchResults(
        hits=hits,
        total=total,
        facets=facet_counts,
        query=q,
        took_ms=(time.perf_counter() - start) * 1000,
        relaxed=relaxed,
        plan=plan,
    )


def _known_tokens(db: sqlite3.Connection) -> Callable[[str], bool]:
    """Does an FTS5 token expression (``"台湾"``, ``"台"*``) occur in the index at all?"""
    cache: dict[str, bool] = {}

    def known(token: str) -> bool:
        if token not in cache:
            cache[token] = db.execute(
                "SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1", (token,)
            ).fetchone() is not None
        return cache[token]

    return known


def _page(
    db: sqlite3.Connection, source: Source, expr: str, where: str, params: list[object],
    limit: int, offset: int,
) -> tuple[list[tuple[Any, ...]], dict[int, list[int]]]:
    """One page of ranked rows (id, title, date, category, author, tags, score), and the
    near-identical versions folded into each (see collapse.py)."""
    sql = _rank_sql(source.sql(), where, ranked=True)
    src_params = source.params(expr)
    if not (COLLAPSE and offset + limit <= COLLAPSE_WINDOW):
        ranked = db.execute(sql, [*src_params, *params, limit, offset]).fetchall()
        meta = _meta(db, [r[0] for r in ranked])
        return [(r[0], *meta[r[0]], r[1]) for r in ranked if r[0] in meta], {}
    # Fetch a few more rows than the page needs: near-identical versions fold away.
    n = offset + limit + max(10, limit)
    while True:
        ranked = db.execute(sql, [*src_params, *params, n, 0]).fetchall()
        meta = _meta(db, [r[0] for r in ranked])
        groups = collapse([(r[0], meta[r[0]][0], meta[r[0]][1]) for r in ranked if r[0] in meta])
        if len(groups) >= offset + limit or len(ranked) < n:
            break
        n *= 2
    scores = {r[0]: r[1] for r in ranked}
    page = groups[offset : offset + limit]
    return [(i, *meta[i], scores[i]) for i, _ in page], dict(page)


def _rank_sql(source: str, where: str, *, ranked: bool) -> str:
    """(story id, score) of one page. Only ids and scores go through the sort: the catalog
    fields of the few rows kept are read afterwards (see :func:`_meta`)."""
    if not ranked:  # a filtered listing, newest first
        return (f"SELECT a.story_id, 0.0 FROM {source} s JOIN search_attrs a ON a.story_id = s.id "
                f"WHERE {where} ORDER BY a.day DESC, a.story_id DESC LIMIT ? OFFSET ?")
    if where == "1":
        return f"SELECT s.id, -s.score FROM {source} s ORDER BY s.score, s.id LIMIT ? OFFSET ?"
    return (f"SELECT s.id, -s.score FROM {source} s JOIN search_attrs a ON a.story_id = s.id "
            f"WHERE {where} ORDER BY s.score, s.id LIMIT ? OFFSET ?")


def _meta(db: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[Any, ...]]:
    """id → (title, date, category, author, tags) from the catalog."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    sql = f"SELECT id, title, date, category, author, tags FROM articles WHERE id IN ({marks})"
    return {int(r[0]): tuple(r[1:]) for r in db.execute(sql, ids)}


def _browse_source(parsed: ParsedQuery) -> str:
    """Every indexed story (no terms: a filtered listing, newest first)."""
    excludes = [p for p in (fts_phrase(t, parsed.script) for t in parsed.excludes) if p]
    if excludes:
        expr = " OR ".join(f"({p})" for p in excludes).replace("'", "''")
        return (
            "(SELECT story_id AS id FROM search_attrs WHERE story_id NOT IN "
            f"(SELECT rowid FROM search_fts WHERE search_fts MATCH '{expr}'))"
        )
    return "(SELECT story_id AS id FROM search_attrs)"


def _count(
    db: sqlite3.Connection, source: str, src_params: list[object], where: str, params: list[object]
) -> int:
    if where == "1":
        sql = f"SELECT count(*) FROM {source} s"
        return int(db.execute(sql, src_params).fetchone()[0])
    sql = f"SELECT count(*) FROM {source} s JOIN search_attrs a ON a.story_id = s.id WHERE {where}"
    return int(db.execute(sql, [*src_params, *params]).fetchone()[0])


def _facets(
    db: sqlite3.Connection, source: str, src_params: list[object], where: str, params: list[object]
) -> dict[str, list[tuple[str, int]]]:
    base = f"FROM {source} s JOIN search_attrs a ON a.story_id = s.id"
    out: dict[str, list[tuple[str, int]]] = {}
    specs = {
        "year": ("substr(a.day, 1, 4)", "", "k DESC"),
        "category": ("a.category", "", "n DESC, k"),
        "author": ("a.author", "", "n DESC, k"),
        "tag": ("j.value", ", json_each(a.tags) j", "n DESC, k"),
    }
    for name, (expr, join, order) in specs.items():
        sql = (
            f"SELECT {expr} AS k, count(*) AS n {base}{join} WHERE {where} AND k IS NOT NULL "
            f"AND k != '' GROUP BY k ORDER BY {order} LIMIT {FACET_LIMIT if name != 'year' else 200}"
        )
        out[name] = [(str(r[0]), int(r[1])) for r in db.execute(sql, [*src_params, *params])]
    return out


def _aliases(db: sqlite3.Connection, story_id: int) -> list[int]:
    return [
        int(r[0]) for r in db.execute(
            "SELECT alias_id FROM aliases WHERE story_id=? ORDER BY alias_id", (story_id,)
        )
    ]


def _hit(db: sqlite3.Connection, row: tuple[Any, ...], terms: list[str], versions: list[int],
         script: str | None) -> Hit:
    story_id = int(row[0])
    text_row = db.execute("SELECT text_z FROM search_docs WHERE story_id=?", (story_id,)).fetchone()
    text = DocText.unpack(text_row[0]) if text_row else DocText(row[1] or "", "")
    aliases = _aliases(db, story_id)
    for other in versions:  # near-identical versions folded at query time, with their aliases
        aliases += [other, *_aliases(db, other)]
    aliases.sort()
    try:
        tags = json.loads(row[5] or "[]")
    except ValueError:
        tags = []
    title = row[1] or text.title
    return Hit(
        id=story_id,
        aliases=aliases,
        title=title,
        date=row[2],
        category=row[3],
        author=row[4],
        tags=[str(t) for t in tags] if isinstance(tags, list) else [],
        score=round(float(row[6]), 4),
        snippet=snippet(text.body, terms, script=script),
        title_html=highlight(title, terms, script=script),
    )
