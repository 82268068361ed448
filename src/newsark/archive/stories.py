"""Fold copies of one story, served by the site under several ids, into one story.

Copies have the same title and date and the same or a near-identical body: their sets
of clause hashes have a Jaccard ≥ ``SIMILAR``, or one copy's clauses lie ≥ ``CONTAINED``
inside the other's (a capture cut short). Within a group the canonical id is the one the
site's own links point to most (``links`` table, filled from every body at import); else
the most complete copy (no flags, has category and tags, longest body); else the lowest id.
Nothing is deleted: aliases stay as files and resolve to their story.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter, defaultdict
from typing import Any
from urllib.parse import urlsplit

from newsark.archive.store import Archive, site_of

SIMILAR = 0.8      # Jaccard of clause sets: the same body, lightly edited …
CONTAINED = 0.9    # … or one copy (nearly) inside the other: a truncated capture
RESCUE_PREFIX = "rescue:"
# Clauses, not sentences: an edit or a damaged character changes one clause only.
_SENT_RE = re.compile(r"[。！？!?.;；,，、:：\n]+")
_NOISE_RE = re.compile(r"(?:https?://[^/\s)]+)?/web/\d{1,14}[a-z_]*/|\s+")
_URL_RE = re.compile(r"(?:https?://|/web/\d{1,14}[a-z_]*/https?://)[^\s)\"'<>]+")
_DIGITS_RE = re.compile(r"/(\d+)(?=/|$)")
_CAPTURE_RE = re.compile(r"/web/\d{1,14}[a-z_]*/(https?://.*)")


def fingerprint(body: str) -> bytes:
    """Sorted 8-byte hashes of the body's clauses (capture timestamps and spaces removed)."""
    text = _NOISE_RE.sub("", body)
    hashes = {
        int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big") >> 1
        for s in _SENT_RE.split(text)
        if len(s) >= 4
    }
    return array("q", sorted(hashes)).tobytes()


def jaccard(a: bytes, b: bytes) -> float:
    sa, sb = set(array("q", a)), set(array("q", b))
    if not sa and not sb:
        return 1.0
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def containment(a: bytes, b: bytes) -> float:
    """Share of the smaller body's clauses found in the other (a truncated copy scores 1)."""
    sa, sb = set(array("q", a)), set(array("q", b))
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def same_story(a: bytes, b: bytes) -> bool:
    return jaccard(a, b) >= SIMILAR or containment(a, b) >= CONTAINED


def internal_links(body: str, site: str | None) -> Counter[int]:
    """Ids (numeric path segments) of the same site's pages that a body links to."""
    counts: Counter[int] = Counter()
    for m in _URL_RE.finditer(body):
        url = m.group(0)
        inner = _CAPTURE_RE.search(url)  # a capture URL: the page it captured
        if inner:
            url = inner.group(1)
        try:
            parts = urlsplit(url)
        except ValueError:  # archived text holds malformed URLs
            continue
        if not site or (parts.hostname or "").removeprefix("www.") != site:
            continue
        for d in _DIGITS_RE.findall(parts.path):
            counts[int(d)] += 1
    return counts


def _norm_title(title: str | None) -> str:
    return re.sub(r"\s+", "", title or "")


def fold_stories(archive: Archive) -> dict[str, Any]:
    db = archive.db
    # A file a person edited folds by the title and date newsark gave it (archive/edits.py):
    # a corrected headline keeps its copies, which still carry the old one.
    rows = db.execute(
        """SELECT a.id, a.title, a.date, a.body_chars, a.category, a.tags, a.site, f.sentences,
                  COALESCE(h.previous_title, a.title) AS fold_title,
                  COALESCE(h.previous_date, a.date) AS fold_date
           FROM articles a LEFT JOIN fingerprints f ON f.article_id = a.id
           LEFT JOIN hand_edits h ON h.article_id = a.id
           WHERE a.status != 'unreadable' AND a.title IS NOT NULL AND a.title != ''"""
    ).fetchall()
    groups: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for r in rows:
        groups[(r["site"] or "", _norm_title(r["fold_title"]), r["fold_date"] or "")].append(r)
    multi = [g for g in groups.values() if len(g) > 1]
    flagged = {r[0] for r in db.execute("SELECT DISTINCT article_id FROM defects WHERE status='flagged'")}
    links: Counter[int] = Counter()
    for r in db.execute(
        """SELECT target_id, SUM(count) FROM links WHERE target_id IN (SELECT id FROM articles)
           AND source_id != target_id GROUP BY target_id"""
    ):
        links[int(r[0])] = int(r[1])

    db.execute("BEGIN")
    try:
        # Rescue records the aliases it learns from the archive itself (redirects, ids
        # that served the same page, reason 'rescue:…'): those stay; the folding below is
        # redone from scratch each time.
        db.execute(f"DELETE FROM aliases WHERE reason NOT LIKE '{RESCUE_PREFIX}%'")
        db.execute("DELETE FROM stories WHERE reason != 'rescue'")
        db.execute("UPDATE articles SET story_id = id")
        db.execute("UPDATE articles SET story_id = (SELECT story_id FROM aliases WHERE alias_id = articles.id) "
                   "WHERE id IN (SELECT alias_id FROM aliases)")
        kept = {int(r[0]) for r in db.execute("SELECT alias_id FROM aliases")}
        for group in multi:
            clusters: list[list[Any]] = []
            for r in sorted(group, key=lambda r: r["id"]):
                if r["id"] in kept:
                    continue
                for c in clusters:
                    if same_story(c[0]["sentences"] or b"", r["sentences"] or b""):
                        c.append(r)
                        break
                else:
                    clusters.append([r])
            for c in clusters:
                if len(c) < 2:
                    continue
                canon, reason = _choose(c, links, flagged)
                db.execute(
                    "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?)",
                    (canon["id"], canon["title"], canon["date"], len(c), reason),
                )
                for r in c:
                    if r["id"] == canon["id"]:
                        continue
                    a, b = canon["sentences"] or b"", r["sentences"] or b""
                    sim = jaccard(a, b)
                    db.execute(
                        "INSERT INTO aliases VALUES (?, ?, ?, ?)",
                        (r["id"], canon["id"], round(sim, 4),
                         f"same title and date; body similarity {sim:.2f}, containment {containment(a, b):.2f}"),
                    )
                    db.execute("UPDATE articles SET story_id=? WHERE id=?", (canon["id"], r["id"]))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return counts(archive)


def counts(archive: Archive) -> dict[str, int]:
    """Files, stories (files that are not aliases), aliases (with or without a file)."""
    db = archive.db
    files = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    stories = db.execute(
        "SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT alias_id FROM aliases)").fetchone()[0]
    aliases = db.execute("SELECT COUNT(*) FROM aliases").fetchone()[0]
    groups = db.execute("SELECT COUNT(*) FROM stories WHERE copies > 1").fetchone()[0]
    return {"files": files, "stories": stories, "aliases": aliases, "groups": groups}


def _choose(cluster: list[Any], links: Counter[int], flagged: set[int]) -> tuple[Any, str]:
    linked = max(links.get(r["id"], 0) for r in cluster)
    if linked > 0:
        best = [r for r in cluster if links.get(r["id"], 0) == linked]
        if len(best) == 1:
            return best[0], f"the site's own links point to id {best[0]['id']} ({linked} links)"
        cluster = best

    def completeness(r: Any) -> tuple[int, int, int, int]:
        return (
            0 if r["id"] in flagged else 1,
            1 if r["category"] else 0,
            1 if r["tags"] and r["tags"] != "[]" else 0,
            r["body_chars"] or 0,
        )

    ranked = sorted(cluster, key=lambda r: (completeness(r), -r["id"]), reverse=True)
    best = ranked[0]
    if completeness(best) == completeness(ranked[1]):
        return best, "copies equally complete; lowest id chosen"
    return best, "most complete copy (unflagged, metadata, longest body)"


__all__ = ["fingerprint", "fold_stories", "internal_links", "jaccard", "site_of"]
