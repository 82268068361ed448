"""What rescue/ingest tried and got, for ``newsark report`` (merged there by the lead).

Everything is counted from the ledger. Ids the index never listed are "not listed", ids
listed but not yet tried are "not tried": the report never calls anything "missing" that
was not actually looked for.
"""

from __future__ import annotations

import sqlite3
from itertools import pairwise
from typing import Any

from newsark.archive.store import BUCKET_SIZE, Archive, bucket_name

MAX_GAPS = 50


def _has_tables(db: sqlite3.Connection) -> bool:
    row = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='rescue_stories'"
    ).fetchone()
    return row is not None


def gaps(ids: list[int]) -> list[list[int]]:
    """Ranges [a, b] of ids between the listed ones that the index never listed."""
    return [[a + 1, b - 1] for a, b in pairwise(ids) if b > a + 1]


def rescue_report(archive: Archive) -> dict[str, Any]:
    """The rescue part of the report; {} when this archive has no rescue/ingest state."""
    db = archive.db
    if not _has_tables(db):
        return {}
    states = {r[0]: r[1] for r in db.execute(
        "SELECT state, COUNT(*) FROM rescue_stories GROUP BY state")}
    if not states:
        return {}
    ids = [int(r[0]) for r in db.execute("SELECT story_id FROM rescue_stories ORDER BY story_id")]
    by_range: dict[str, dict[str, int]] = {}
    for sid, state in db.execute("SELECT story_id, state FROM rescue_stories ORDER BY story_id"):
        b = by_range.setdefault(bucket_name(int(sid)), {"listed": 0})
        b["listed"] += 1
        b[state] = b.get(state, 0) + 1
    all_gaps = gaps(ids)
    fetched = db.execute(
        "SELECT COUNT(DISTINCT s.story_id) FROM rescue_stories s JOIN rescue_urls u "
        "ON u.story_id = s.story_id JOIN rescue_fetches f ON f.original = u.original "
        "WHERE f.outcome = 'ok'"
    ).fetchone()[0]
    pending = {(r[0] or "not_tried"): r[1] for r in db.execute(
        "SELECT reason, COUNT(*) FROM rescue_stories WHERE state='discovered' GROUP BY reason")}
    return {
        "listing": {
            "captures": db.execute("SELECT COUNT(*) FROM rescue_captures").fetchone()[0],
            "cdx_pages": db.execute("SELECT COALESCE(SUM(pages),0) FROM rescue_cdx").fetchone()[0],
            "complete": db.execute("SELECT COUNT(*) FROM rescue_cdx WHERE done=0").fetchone()[0] == 0,
            "article_urls": db.execute(
                "SELECT COUNT(*) FROM rescue_urls WHERE kind='article'").fetchone()[0],
        },
        "ids": {
            "lowest": ids[0] if ids else None,
            "highest": ids[-1] if ids else None,
            "listed": len(ids),
            "per_range": by_range,
            "range_size": BUCKET_SIZE,
            # ids in between that no capture in the index carries: never tried, not "missing"
            "not_listed_ranges": all_gaps[:MAX_GAPS],
            "not_listed_ranges_total": len(all_gaps),
            "not_listed_ids": sum(b - a + 1 for a, b in all_gaps),
        },
        "stories": {
            "found": len(ids),
            "fetched": fetched,
            "written": states.get("written", 0),
            "aliased": states.get("aliased", 0),
            "failed": states.get("failed", 0),
            "not_done_yet": states.get("discovered", 0),
        },
        "aliased_by_reason": {r[0]: r[1] for r in db.execute(
            "SELECT reason, COUNT(*) FROM rescue_stories WHERE state='aliased' GROUP BY reason")},
        "failed_by_reason": {r[0]: r[1] for r in db.execute(
            "SELECT reason, COUNT(*) FROM rescue_stories WHERE state='failed' GROUP BY reason")},
        "not_done_by_reason": pending,
        "captures_rejected_by_reason": {r[0]: r[1] for r in db.execute(
            "SELECT reason, COUNT(*) FROM rescue_fetches WHERE outcome='rejected' "
            "GROUP BY reason ORDER BY 2 DESC")},
        "captures_postponed_by_reason": {r[0]: r[1] for r in db.execute(
            "SELECT reason, COUNT(*) FROM rescue_fetches WHERE outcome='error' "
            "GROUP BY reason ORDER BY 2 DESC")},
        "requests": _requests(db),
        "charsets": {r[0]: r[1] for r in db.execute(
            "SELECT charset, COUNT(*) FROM rescue_stories WHERE state='written' GROUP BY charset")},
    }


def _requests(db: sqlite3.Connection) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for kind, outcome, n in db.execute("SELECT kind, outcome, n FROM rescue_requests ORDER BY kind, outcome"):
        d = out.setdefault(kind, {"total": 0})
        d["total"] += n
        d[outcome] = n
    return out
