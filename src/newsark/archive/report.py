"""The coverage report of an archive: what it holds, what is wrong with it, what was fixed.

Counts come straight from the catalog; nothing is estimated. ``id_gaps`` are the ranges of
ids between the lowest and highest id that have no file: ids the site used (or skipped)
that the archive does not hold — the report says "not in the archive", never "missing"
for ids nobody tried to fetch (rescue adds what it tried).
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from typing import Any

from newsark.archive.store import Archive
from newsark.archive.stories import counts as story_counts
from newsark.repair.dates import is_iso_date

DEFECT_ORDER = (
    "legacy_encoding", "damaged_utf8", "invalid_yaml", "relative_wayback_link", "boilerplate", "author_box", "mojibake",
    "damaged_url", "placeholder_body", "short_body", "date_format", "invalid_date", "missing_date", "missing_category", "missing_author",
    "missing_tags",
)


def id_gaps(ids: list[int]) -> list[list[int]]:
    gaps = []
    for a, b in itertools.pairwise(ids):
        if b > a + 1:
            gaps.append([a + 1, b - 1])
    return gaps


def build_report(archive: Archive) -> dict[str, Any]:
    db = archive.db
    n = story_counts(archive)
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    canon = "id NOT IN (SELECT alias_id FROM aliases)"
    # Only dates in ISO form count for the range and the years; one left as written because
    # no date could be read in it (flagged invalid_date) is counted as "invalid".
    per_year: Counter[str] = Counter()
    first: str | None = None
    last: str | None = None
    for (date,) in db.execute(f"SELECT date FROM articles WHERE {canon}"):
        if not date:
            per_year["unknown"] += 1
        elif is_iso_date(date):
            per_year[date[:4]] += 1
            first = date if first is None or date < first else first
            last = date if last is None or date > last else last
        else:
            per_year["invalid"] += 1
    dates = (first, last)
    per_category = {
        (r[0] or "unknown"): r[1]
        for r in db.execute(
            f"SELECT category, COUNT(*) FROM articles WHERE {canon} GROUP BY category ORDER BY COUNT(*) DESC"
        )
    }
    defects: dict[str, dict[str, int]] = {}
    for r in db.execute("SELECT kind, status, COUNT(*) FROM defects GROUP BY kind, status"):
        d = defects.setdefault(r[0], {"found": 0, "repaired": 0, "flagged": 0})
        d["found"] += r[2]
        d[r[1]] = d.get(r[1], 0) + r[2]
    ordered = {k: defects[k] for k in DEFECT_ORDER if k in defects}
    ordered.update({k: v for k, v in sorted(defects.items()) if k not in ordered})
    rejects = {
        r[0]: r[1] for r in db.execute("SELECT kind, COUNT(*) FROM rejects GROUP BY kind ORDER BY 2 DESC")
    }
    status = {r[0]: r[1] for r in db.execute("SELECT status, COUNT(*) FROM articles GROUP BY status")}
    gaps = id_gaps(ids)
    report: dict[str, Any] = {
        "archive": str(archive.root),
        "files": n["files"],
        "stories": n["stories"],
        "aliases": n["aliases"],
        "stories_with_copies": n["groups"],
        "date_range": {"from": dates[0], "to": dates[1]},
        "per_year": dict(sorted(per_year.items())),
        "per_category": per_category,
        "id_range": {"min": ids[0] if ids else None, "max": ids[-1] if ids else None},
        "id_gaps": gaps,
        "ids_not_in_archive": sum(b - a + 1 for a, b in gaps),
        "status": status,
        "hand_edits": db.execute("SELECT COUNT(*) FROM hand_edits").fetchone()[0],
        "defects": ordered,
        "rejected_files": rejects,
        "last_import": _last_import(archive),
    }
    rescue = _rescue_report(archive)
    if rescue is not None:
        report["rescue"] = rescue
    return report


def _last_import(archive: Archive) -> dict[str, Any] | None:
    value = archive.get_meta("last_import")
    if not isinstance(value, dict):
        return None
    return {k: value.get(k) for k in ("at", "sources", "members", "new", "updated", "unchanged", "rejected")}


def _rescue_report(archive: Archive) -> dict[str, Any] | None:
    try:
        from newsark.sources.report import rescue_report
    except ImportError:
        return None
    result = rescue_report(archive)
    return result if result else None


def format_text(report: dict[str, Any]) -> str:
    """A plain-text rendering for terminals and READMEs."""
    lines = [
        f"archive      {report['archive']}",
        f"files        {report['files']:,}",
        (f"stories      {report['stories']:,}  ({report['aliases']:,} aliases folded into "
         f"{report['stories_with_copies']:,} stories with copies)"),
        f"dates        {report['date_range']['from']} … {report['date_range']['to']}",
        (f"ids          {report['id_range']['min']} … {report['id_range']['max']}; "
         f"{report['ids_not_in_archive']:,} ids in {len(report['id_gaps']):,} gaps not in the archive"),
        "",
        "per year     " + ", ".join(f"{y}: {n:,}" for y, n in report["per_year"].items()),
        "categories   " + ", ".join(f"{c}: {n:,}" for c, n in list(report["per_category"].items())[:15]),
        "",
        f"{'defect':<24}{'found':>8}{'repaired':>10}{'flagged':>9}",
    ]
    for kind, d in report["defects"].items():
        lines.append(f"{kind:<24}{d['found']:>8,}{d.get('repaired', 0):>10,}{d.get('flagged', 0):>9,}")
    if report.get("hand_edits"):
        lines += ["", (f"edited by hand: {report['hand_edits']:,} article file(s), taken into the catalog "
                      "and never overwritten")]
    if report["rejected_files"]:
        lines += ["", "files not imported: " + ", ".join(f"{k}: {v}" for k, v in report["rejected_files"].items())]
    if "rescue" in report:
        lines += ["", "rescue", json.dumps(report["rescue"], ensure_ascii=False, indent=2)]
    return "\n".join(lines)
