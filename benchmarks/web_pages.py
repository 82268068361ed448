"""Latency of the web reader's pages on a real archive (in-process, one thread).

    .venv/bin/python benchmarks/web_pages.py --archive DIR          # an existing archive
    .venv/bin/python benchmarks/web_pages.py                         # builds one from the corpus

Without --archive, the articles of ../shared/corpora/hkcnews-article-archive.tar.xz are
written into a temporary archive first (no repair, no story folding: raw files). Prints the
median and p95 of several runs of each page, cold (first request) apart.
"""

from __future__ import annotations

import argparse
import statistics
import tarfile
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "../shared/corpora/hkcnews-article-archive.tar.xz"


def build_from_corpus(dest: Path) -> None:
    from newsark.archive.article import FormatError, load_bytes
    from newsark.archive.store import Archive

    t0 = time.perf_counter()
    n = 0
    with Archive(dest) as archive, tarfile.open(CORPUS) as tar:
        archive.db.execute("BEGIN")
        for member in tar:
            name = Path(member.name).name
            if not (member.isfile() and name.startswith("article_") and name.endswith(".md")):
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            data = fh.read()
            try:
                article = load_bytes(data)
            except FormatError:
                article = None
            archive.write_raw(int(name[8:-3]), data, article=article, source=str(CORPUS),
                              member=member.name, status="ok" if article else "unreadable")
            n += 1
        archive.db.execute("COMMIT")
        try:
            from newsark.search import sync_index
        except ImportError:
            print("search engine not available: /search is not measured")
        else:
            t1 = time.perf_counter()
            sync_index(archive)
            print(f"search index built in {time.perf_counter() - t1:.1f} s")
    print(f"archive of {n} files built in {time.perf_counter() - t0:.1f} s")


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
        print(f"{'page':44} {'status':>6} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8}")
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
            print(f"{path:44} {status:>6} {cold:8.1f} {statistics.median(times):8.1f} {p95:8.1f}")


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
