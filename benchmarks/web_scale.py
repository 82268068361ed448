"""The reader's home and browse pages on a catalog replicated to ~1M articles.

    .venv/bin/python benchmarks/web_scale.py --archive DIR [--copies 20]

Copies DIR's catalog into a temporary folder and replicates its ``articles`` rows with new
ids (same dates, categories, tags) until it holds ``copies`` times as many. Only catalog
pages are measured (home, date, category, tag, author): article pages need the files.
Prints the time to build the archive-wide aggregates (what ``newsark serve`` warms up in the
background) and the cold / median / p95 latency of each page after that.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
import warnings
from pathlib import Path

from web_pages import time_pages  # benchmarks/ is on sys.path when run as a script


def replicate(source: Path, dest: Path, copies: int) -> int:
    src = sqlite3.connect(f"file:{source / 'catalog.sqlite'}?mode=ro", uri=True)
    db = sqlite3.connect(dest / "catalog.sqlite")
    src.backup(db)
    src.close()
    step = db.execute("SELECT max(id) FROM articles").fetchone()[0] + 1
    cols = [r[1] for r in db.execute("PRAGMA table_info(articles)")]
    rest = ", ".join(c for c in cols if c not in ("id", "path", "story_id"))
    for k in range(1, copies):
        db.execute(
            f"INSERT INTO articles (id, path, story_id, {rest}) SELECT id + ?, path, "
            f"CASE WHEN story_id IS NULL THEN NULL ELSE story_id + ? END, {rest} FROM articles "
            "WHERE id < ?", (k * step, k * step, step))
        db.execute("INSERT INTO aliases SELECT alias_id + ?, story_id + ?, similarity, reason "
                   "FROM aliases WHERE alias_id < ?", (k * step, k * step, step))
    db.commit()
    n = int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    db.execute("PRAGMA journal_mode=WAL")
    db.close()
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with")
        from starlette.testclient import TestClient

    from newsark.web.app import create_app, warm_up

    with tempfile.TemporaryDirectory(prefix="newsark-web-scale-") as tmp:
        t0 = time.perf_counter()
        n = replicate(args.archive, Path(tmp), args.copies)
        print(f"catalog of {n:,} articles replicated in {time.perf_counter() - t0:.1f} s")
        app = create_app(tmp)
        t0 = time.perf_counter()
        warm_up(app)
        print(f"warm-up (counts, browse index): {time.perf_counter() - t0:.1f} s")
        ro = app.state.pool.get()
        cat = ro.db.execute("SELECT category FROM articles GROUP BY category ORDER BY count(*)"
                            " DESC LIMIT 1").fetchone()[0]
        paths = ["/", "/date", "/date/2019", "/date/2019/06", "/date/2019/06/12",
                 f"/category/{cat}", f"/category/{cat}?page=500", "/tag", "/tag/林鄭月娥",
                 "/author"]
        with TestClient(app) as client:
            time_pages(client, paths, args.runs, width=34)
        app.state.pool.close()


if __name__ == "__main__":
    main()
