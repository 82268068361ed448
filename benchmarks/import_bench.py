"""Import the real corpus and print speed, memory and repair quality.

    .venv/bin/python benchmarks/import_bench.py [--corpus PATH] [--keep DIR] [--with-index]

Prints: first import time and peak memory (this process + its workers), second import time
(must change nothing), the report's counts, and the quality checks of the archive-core
issue: relative Wayback links left, front matter unreadable and unflagged, share of bodies
that had the subscription appeal / author box and no longer have them, and whether any
text was lost (for every file: original body − repaired body == boilerplate recorded).

The appeal and author-box signatures below are *measurement only*: newsark itself finds
boilerplate from the archive, with no site's strings.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from newsark.archive.article import load_bytes
from newsark.archive.importer import import_sources
from newsark.archive.materialize import materialize
from newsark.archive.report import build_report
from newsark.archive.store import Archive

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpora" / "hkcnews-article-archive.tar.xz"
APPEAL = "請加入成為眾新聞的月費訂戶"
BOX_RE = re.compile(r"^\*\*(?:博客|主筆|Blogger) \| ", re.MULTILINE)
REL_RE = re.compile(r"""(\]\(|(?:src|href)=["'])/web/\d""")


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def tree_digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("article_*.md")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--keep", type=Path, help="import into this folder and keep it")
    ap.add_argument("--with-index", action="store_true", help="also build the search index")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    tmp = None
    if args.keep:
        dest = args.keep
        shutil.rmtree(dest, ignore_errors=True)
    else:
        tmp = tempfile.mkdtemp(prefix="newsark-bench-")
        dest = Path(tmp) / "archive"
    try:
        with Archive(dest) as archive:
            t0 = time.perf_counter()
            first = import_sources(archive, [str(args.corpus)], index=args.with_index)
            t1 = time.perf_counter()
        mem = peak_mb()
        digest = tree_digest(dest)
        with Archive(dest) as archive:
            t2 = time.perf_counter()
            second = import_sources(archive, [str(args.corpus)], index=args.with_index)
            t3 = time.perf_counter()
            report = build_report(archive)
            quality = measure(archive)
        same = tree_digest(dest) == digest
        print(f"first import      {t1 - t0:7.1f} s   peak memory {mem:,.0f} MB   (search index: {'yes' if args.with_index else 'no'})")
        print(f"second import     {t3 - t2:7.1f} s   new={second.new} updated={second.updated} written={second.written} files identical={same}")
        print(f"files {report['files']:,}  stories {report['stories']:,}  aliases {report['aliases']:,}  "
              f"dates {report['date_range']['from']}…{report['date_range']['to']}  id gaps {len(report['id_gaps'])}")
        print(f"{'defect':<24}{'found':>8}{'repaired':>10}{'flagged':>9}")
        for kind, d in report["defects"].items():
            print(f"{kind:<24}{d['found']:>8,}{d.get('repaired', 0):>10,}{d.get('flagged', 0):>9,}")
        for key, value in quality.items():
            print(f"{key:<44} {value}")
        print("phases (s)        " + "  ".join(f"{k} {v}" for k, v in first.seconds.items()))
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def measure(archive: Archive) -> dict[str, str]:
    had_appeal = left_appeal = had_box = left_box = rel_left = lost = checked = 0
    unflagged_unreadable = archive.db.execute(
        """SELECT COUNT(*) FROM articles a WHERE status='unreadable' AND NOT EXISTS
           (SELECT 1 FROM defects d WHERE d.article_id=a.id AND d.status='flagged')"""
    ).fetchone()[0]
    for article_id in archive.ids():
        data = archive.read_bytes(article_id)
        original = archive.original_bytes(article_id)
        text = data.decode("utf-8", "replace")
        rel_left += bool(REL_RE.search(text))
        if original is None:
            continue
        orig_text = original.decode("utf-8", "replace")
        a_app, a_box = APPEAL in orig_text, bool(BOX_RE.search(orig_text))
        had_appeal += a_app
        had_box += a_box
        try:
            now_body = load_bytes(data).body
        except ValueError:
            continue
        left_appeal += a_app and APPEAL in now_body
        left_box += a_box and bool(BOX_RE.search(now_body))
        try:
            before = materialize(original, None).article.body
        except ValueError:
            continue
        checked += 1
        rows = archive.db.execute(
            "SELECT position, text FROM boilerplate WHERE article_id=? ORDER BY position", (article_id,)
        ).fetchall()
        if _reinsert(now_body, [(int(r[0]), str(r[1])) for r in rows]) != before:
            lost += 1
    return {
        "relative Wayback links left (files)": f"{rel_left}",
        "unreadable front matter left unflagged": f"{unflagged_unreadable}",
        "subscription appeal out of bodies": f"{had_appeal - left_appeal:,}/{had_appeal:,} = {100 * (had_appeal - left_appeal) / max(had_appeal, 1):.2f} %",
        "author box out of bodies": f"{had_box - left_box:,}/{had_box:,} = {100 * (had_box - left_box) / max(had_box, 1):.2f} %",
        "files with text lost (removed != recorded)": f"{lost} of {checked:,} checked",
    }


def _reinsert(kept: str, removed: list[tuple[int, str]]) -> str:
    """Put the recorded boilerplate back at its offsets: must give the body before repair."""
    out: list[str] = []
    taken = 0  # characters of `kept` used so far
    length = 0  # length of the rebuilt text so far
    for position, text in removed:
        chunk = kept[taken : taken + position - length]
        out += [chunk, text]
        taken += len(chunk)
        length += len(chunk) + len(text)
    out.append(kept[taken:])
    return "".join(out)


if __name__ == "__main__":
    sys.exit(main())
