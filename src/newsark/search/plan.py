"""Where a query reads its matches from: which full-text table, which story-id ranges.

Two things keep large archives fast without changing what matches:

* **Date windows as id ranges.** News sites number their stories in publishing order, so
  the stories of a date window are a few runs of consecutive ids. FTS5 seeks straight to
  a ``rowid BETWEEN`` range, and bm25 is then computed for the matches inside it only,
  instead of for every match in the archive before the date filter drops them. The date
  filter itself still applies, so an id run that strays outside the window costs time,
  never correctness; when the window is not a few runs, no ranges are used.
* **A tiered index.** ``search_head`` indexes only titles and leads. When a query matches
  many stories, the first result pages come from ranking the stories whose title or lead
  match (a small posting list) rather than scoring every match in ``search_fts``; the
  total still counts every matching story. (Manning, Raghavan & Schütze, *Introduction to
  Information Retrieval*, §7.2.1, "tiered indexes".)
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

MAX_RANGES = 8  # UNION ALL arms: each recomputes bm25's IDF, so few
RANGE_GAP = 1000  # ids apart before a window's stories count as two runs
RANGE_SHARE = 0.5  # ranges covering more of the id span than this are not used
MAX_RUNS = 2000  # more month runs than this in a window: ids do not follow dates


@dataclass(frozen=True)
class Source:
    """A full-text table, its bm25 column weights and optional id ranges."""

    table: str
    weights: tuple[float, ...]
    ranges: tuple[tuple[int, int], ...] = ()

    def sql(self, *, scored: bool = True) -> str:
        """A subquery of (id, score) rows; one ``?`` for the MATCH expression per arm,
        followed by the two ends of its range."""
        score = f"bm25({self.table}, {', '.join(str(w) for w in self.weights)})" if scored else "0.0"
        arm = f"SELECT rowid AS id, {score} AS score FROM {self.table} WHERE {self.table} MATCH ?"
        if not self.ranges:
            return f"({arm})"
        return "(" + " UNION ALL ".join(f"{arm} AND rowid BETWEEN ? AND ?" for _ in self.ranges) + ")"

    def params(self, expr: str) -> list[object]:
        if not self.ranges:
            return [expr]
        return [x for lo, hi in self.ranges for x in (expr, lo, hi)]


def date_bounds(date_from: str | None, date_to: str | None) -> tuple[str, str] | None:
    """``day`` bounds (inclusive, index-friendly) for YYYY / YYYY-MM / YYYY-MM-DD values."""
    if not date_from and not date_to:
        return None
    return (date_from or ""), ((date_to + "\uffff") if date_to else "\uffff")


def month_runs(db: sqlite3.Connection) -> list[tuple[str, int, int]]:
    """(month, first id, last id) of each run of story ids of one month (built with the
    index: see :func:`newsark.search.index.sync_index`)."""
    out: list[tuple[str, int, int]] = []
    rows = db.execute(
        "SELECT substr(day, 1, 7), story_id FROM search_attrs WHERE day IS NOT NULL ORDER BY 1, 2"
    )
    for month, story_id in rows:
        if out and out[-1][0] == month and story_id - out[-1][2] <= RANGE_GAP:
            out[-1] = (month, out[-1][1], story_id)
        else:
            out.append((month, story_id, story_id))
    return out


def id_ranges(db: sqlite3.Connection, bounds: tuple[str, str] | None) -> tuple[tuple[int, int], ...]:
    """A few id ranges covering every story whose day is within ``bounds`` (empty: none
    worth using — no date filter, no run table, or stories not numbered by date)."""
    if bounds is None:
        return ()
    lo, hi = bounds
    try:
        runs = db.execute(
            "SELECT lo, hi FROM search_runs WHERE month >= ? AND month <= ? ORDER BY lo LIMIT ?",
            (lo[:7], hi[:7] if len(hi) > 7 else hi, MAX_RUNS + 1),
        ).fetchall()
    except sqlite3.OperationalError:  # an index built before the run table existed
        return ()
    if not runs or len(runs) > MAX_RUNS:
        return ()
    first, last = db.execute("SELECT min(lo), max(hi) FROM search_runs").fetchone()
    merged: list[list[int]] = []
    for a, b in runs:
        if merged and a - merged[-1][1] <= RANGE_GAP:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    while len(merged) > MAX_RANGES:  # cover more ids rather than pay for more arms
        k = min(range(len(merged) - 1), key=lambda j: merged[j + 1][0] - merged[j][1])
        merged[k : k + 2] = [[merged[k][0], max(merged[k][1], merged[k + 1][1])]]
    if sum(b - a + 1 for a, b in merged) > RANGE_SHARE * (last - first + 1):
        return ()  # most of the archive anyway: one plain pass is cheaper than the arms
    return tuple((a, b) for a, b in merged)
