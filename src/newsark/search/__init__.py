"""Full-text search over an archive: SQLite FTS5 in the catalog, CJK bigrams of
OpenCC-folded text, one hit per story. See :mod:`newsark.search.engine`."""

from newsark.search.engine import Hit, SearchIndexMissing, SearchResults, search
from newsark.search.index import rebuild_index, sync_index
from newsark.search.query import ParsedQuery, QueryError, parse_query

__all__ = [
    "Hit",
    "ParsedQuery",
    "QueryError",
    "SearchIndexMissing",
    "SearchResults",
    "parse_query",
    "rebuild_index",
    "search",
    "sync_index",
]
