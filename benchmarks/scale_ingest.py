"""Ingest with extraction spread over workers: in this process, --workers N (local
processes) and --cluster (a Dask LocalCluster of N worker processes on 127.0.0.1, which
newsark reaches over TCP exactly as it would reach workers on other machines).

Builds a WARC of the hkcnews replica (real corpus stories as the site published them)
when ../shared/corpora is there, else of the synthetic site; or, with --source wcxb, of
the 711 WCXB development pages (../shared/eval/extract, real 2025 web pages, several times
heavier to extract) served as the articles of one site. Ingests it with each mode
(--runs times, interleaved) and prints the median wall time, the ratio to the in-process
run of the same round, and whether every mode wrote the same archive. Also measures the
share of an in-process ingest spent extracting: with unlimited workers the run can get at
most 1 / (1 - share) times faster (the rest is reading WARCs, folding and writing, which
stays in one process).

    .venv/bin/python benchmarks/scale_ingest.py [--stories 1000] [--workers 2] [--runs 3]
        [--source replica|wcxb] [--files 4]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "sources"))

from harness import cli
from harness.replica import corpus_available, corpus_replica
from harness.synthetic import synthetic_site
from harness.warcs import Capture, html_capture, write_warc

WCXB = REPO.parent / "shared" / "eval" / "extract" / "wcxb-dev-articles" / "html"

# Columns that hold the time of the run, not what was extracted.
TIME_COLUMNS = {"imported_at", "updated_at", "changed_at", "at"}


def archive_digest(root: Path) -> tuple[dict[str, bytes], dict[str, list[tuple[object, ...]]]]:
    files = {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "articles").rglob("*.md"))}
    tables: dict[str, list[tuple[object, ...]]] = {}
    db = sqlite3.connect(root / "catalog.sqlite")
    for table in ("articles", "stories", "aliases", "rescue_stories"):
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
        keep = [c for c in cols if c not in TIME_COLUMNS]
        tables[table] = db.execute(f"SELECT {','.join(keep)} FROM {table} ORDER BY 1").fetchall()
    db.close()
    return files, tables


def wcxb_captures(limit: int) -> list[Capture]:
    """The WCXB pages as articles /article/<n>/ of one host, one capture each."""
    import gzip

    pages = sorted(WCXB.glob("*.html.gz"))[:limit]
    if not pages:
        raise SystemExit(f"no pages in {WCXB}")
    return [html_capture(f"https://www.example-news.com/article/{n}/", f"2025{(n % 12) + 1:02d}01000000",
                         gzip.decompress(p.read_bytes()))
            for n, p in enumerate(pages, start=1001)]


def extraction_share(warcs: list[Path], dest: Path) -> float:
    """Share of an in-process ingest's wall time spent in extract_response."""
    from newsark.sources import pipeline
    from newsark.sources.ingest import ingest

    spent = 0.0
    real = pipeline.extract_response

    def timed(*args: object, **kwargs: object) -> object:
        nonlocal spent
        t = time.perf_counter()
        try:
            return real(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            spent += time.perf_counter() - t

    pipeline.extract_response = timed  # type: ignore[assignment]
    try:
        start = time.perf_counter()
        ingest(warcs, dest)
        total = time.perf_counter() - start
    finally:
        pipeline.extract_response = real
    return spent / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", choices=("replica", "wcxb"), default="replica")
    parser.add_argument("--files", type=int, default=4, help="WARC files the captures are split into")
    args = parser.parse_args()
    from distributed import LocalCluster

    if args.source == "wcxb":
        source = "WCXB pages"
        captures = wcxb_captures(args.stories)
        stories = len(captures)
    else:
        source = "hkcnews replica" if corpus_available() else "synthetic site"
        site = corpus_replica(args.stories) if corpus_available() else synthetic_site(args.stories)
        captures, stories = site.captures, len(site.stories)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        warcs = [tmp / f"site-{k}.warc.gz" for k in range(args.files)]
        for k, path in enumerate(warcs):
            write_warc(path, captures[k :: args.files])
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address="127.0.0.1:0")
        modes = {
            "in this process": [],
            f"--workers {args.workers}": ["--workers", str(args.workers)],
            f"--cluster ({args.workers} Dask workers)": ["--cluster", cluster.scheduler_address],
        }
        times: dict[str, list[float]] = {m: [] for m in modes}
        ratios: dict[str, list[float]] = {m: [] for m in modes}
        digests = {}
        try:
            for run in range(args.runs):
                anchor = None
                for mode, extra in modes.items():
                    dest = tmp / f"a{run}-{len(times[mode])}-{abs(hash(mode))}"
                    start = time.perf_counter()
                    proc = cli.run(cli.newsark_cmd("ingest", *map(str, warcs), "--archive", str(dest),
                                                   "--json", *extra), timeout=3600)
                    seconds = time.perf_counter() - start
                    if proc.returncode != 0:
                        raise SystemExit(f"{mode}: ingest failed: {proc.stderr[-2000:]}")
                    anchor = anchor or seconds
                    times[mode].append(seconds)
                    ratios[mode].append(anchor / seconds)
                    digests[mode] = archive_digest(dest)
        finally:
            cluster.close()
        share = extraction_share(warcs, tmp / "share")
    first = next(iter(digests.values()))
    print(f"source: {source}, {stories} stories, {len(captures)} captures in {args.files} WARC files; "
          f"{args.runs} runs per mode, interleaved")
    print(f"{'mode':34} {'median s':>9} {'speed-up':>9}  same archive")
    for mode in modes:
        print(f"{mode:34} {statistics.median(times[mode]):9.2f} {statistics.median(ratios[mode]):8.2f}x"
              f"  {digests[mode] == first}")
    print(f"extraction share of an in-process ingest: {share:.0%} "
          f"(bound with unlimited workers: {1 / max(1e-9, 1 - share):.1f}x)")
    print(json.dumps({"source": source, "stories": stories, "extraction_share": round(share, 3),
                      **{m: round(statistics.median(times[m]), 2) for m in modes}}))


if __name__ == "__main__":
    main()
