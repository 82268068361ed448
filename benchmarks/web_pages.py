"""Latency of the web reader's pages on a real archive (in-process, one thread).

    .venv/bin/python benchmarks/web_pages.py --archive DIR          # an existing archive
    .venv/bin/python benchmarks/web_pages.py                         # builds one from the corpus

Without --archive, ../shared/corpora/hkcnews-article-archive.tar.xz is imported into a
temporary archive first (as ``newsark import`` does: repairs, stories, search index; a few
minutes). Prints the first (cold) request and the median and p95 of several runs of each
page.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "../shared/corpora/hkcnews-article-archive.tar.xz"


def build_from_corpus(dest: Path) -> None:
    """``newsark import`` of the corpus (repairs, story folding, search index)."""
    from newsark.archive.importer import import_sources
    from newsark.archive.store import Archive

    t0 = time.perf_counter()
    with Archive(dest) as archive:
        stats = import_sources(archive, [str(CORPUS)])
    print(f"imported the corpus in {time.perf_counter() - t0:.0f} s: {stats}")


def measure(archive_dir: Path, runs: int) -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with")
        from starlette.testclient import TestClient

    from newsark.web import create_app
    from newsark.web.db import ReadOnlyArchive

    ro = ReadOnlyArchive(archive_dir)
    first_id, last_id = ro.db.execute("SELECT min(id), max(id) FROM articles").fetchone()
    mid_id = ro.db.execute("SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET "
                           "(SELECT count(*) / 2 FROM articles)").fetchone()[0]
    cat = ro.db.execute("SELECT category FROM articles GROUP BY category ORDER BY count(*) DESC"
                        " LIMIT 1").fetchone()[0]
    ro.db.close()
    paths = [
        "/", "/index.json", f"/article/{first_id}", f"/article/{mid_id}", f"/article/{last_id}.json",
        "/date", "/date/2019", "/date/2019/06", "/date/2019/06/12", f"/category/{cat}",
        f"/category/{cat}?page=50", "/tag", "/tag/林鄭月娥", "/author",
        "/search?q=機場", "/search?q=林郑月娥&category=" + cat, "/search.json?q=iPhone",
    ]
    with TestClient(create_app(archive_dir)) as client:
        time_pages(client, paths, runs, width=44)


def time_pages(client: Any, paths: list[str], runs: int, width: int) -> None:
    """Print each page's status, first (cold) request, and median / p95 of ``runs`` more."""
    print(f"{'page':{width}} {'status':>6} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for path in paths:
        t0 = time.perf_counter()
        status = client.get(path).status_code
        cold = (time.perf_counter() - t0) * 1000
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(f"{path:{width}} {status:>6} {cold:8.1f} {statistics.median(times):8.1f} {p95:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, help="existing archive (default: build one)")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if args.archive:
        measure(args.archive, args.runs)
        return
    if not CORPUS.exists():
        raise SystemExit(f"corpus not found: {CORPUS}")
    with tempfile.TemporaryDirectory(prefix="newsark-web-bench-") as tmp:
        build_from_corpus(Path(tmp) / "archive")
        measure(Path(tmp) / "archive", args.runs)


if __name__ == "__main__":
    main()
