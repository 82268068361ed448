"""Search benchmark on the real corpus: quality, latency, index size and build time.

    .venv/bin/python benchmarks/search_bench.py [--archive DIR] [--rebuild] [--runs 3]
    .venv/bin/python benchmarks/search_bench.py --million [--size 1000000]

Prints, for Traditional and Simplified known-item queries separately, MRR@10 and
found-in-top-10 (found = any of the story's ids in ``target_ids`` is returned: a hit's
canonical id or one of its aliases); precision/recall/F1 of the filtered queries (story
level: target articles are mapped to their stories); p50/p95 latency over all queries
(one thread, median of ``--runs`` passes per query); index size and build time.

``--million`` builds an index-only archive of ``--size`` stories by replicating the
corpus's indexed text with new ids and dates shifted by whole years per copy: catalog
rows are inserted directly and the indexer is fed the text (no Markdown files written),
then it prints build time, index size and latency of the known-item queries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_corpus import EVAL, corpus_archive

from newsark.archive.store import Archive
from newsark.search import rebuild_index, search
from newsark.search.index import (
    DocText,
    Prepared,
    ensure_schema,
    optimize,
    prepare,
    write_prepared,
)


def load(name: str) -> list[dict]:
    with open(EVAL / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def index_size(archive: Archive) -> int:
    try:
        rows = archive.db.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_%'"
        ).fetchone()
        return int(rows[0] or 0)
    except sqlite3.OperationalError:  # dbstat not compiled in
        return (archive.root / "catalog.sqlite").stat().st_size


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


CPU: list[float] = []  # CPU time of the last timed() call (the machine may be shared)


def timed(archive: Archive, runs: int, **kwargs: object) -> float:
    """Median wall time in ms of ``runs`` searches; the median CPU time goes to CPU."""
    times, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.thread_time()
        search(archive, **kwargs)  # type: ignore[arg-type]
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
    CPU.append(statistics.median(cpu))
    return statistics.median(times)


def known_item(archive: Archive, queries: list[dict], runs: int, verbose: bool) -> list[float]:
    latencies: list[float] = []
    by_script: dict[str, list[tuple[float, bool]]] = {}
    for item in queries:
        targets = set(item["target_ids"])
        res = search(archive, item["query"], limit=10, facets=False)
        rank = 0
        for n, hit in enumerate(res.hits, start=1):
            if targets & {hit.id, *hit.aliases}:
                rank = n
                break
        by_script.setdefault(item["script"], []).append((1 / rank if rank else 0.0, rank > 0))
        if verbose and rank != 1:
            top = res.hits[0].title if res.hits else "-"
            print(f"  miss r={rank} {item['qid']} {item['query']!r} -> {item['target_title']} | top: {top}")
        latencies.append(timed(archive, runs, q=item["query"], limit=10, facets=False))
    for script in sorted(by_script):
        rows = by_script[script]
        mrr = sum(r for r, _ in rows) / len(rows)
        found = sum(1 for _, f in rows if f) / len(rows)
        name = {"hant": "Traditional", "hans": "Simplified"}.get(script, script)
        print(f"known-item {name:<11} n={len(rows):>3}  MRR@10 {mrr:.3f}  found@10 {found:.3f}")
    return latencies


def filtered(archive: Archive, queries: list[dict], runs: int, verbose: bool) -> list[float]:
    latencies: list[float] = []
    by_script: dict[str, list[tuple[float, float, float]]] = {}
    for item in queries:
        rule = item["rule"]
        kwargs = {"q": item["query"], "date_from": rule.get("date_from"), "date_to": rule.get("date_to"),
                      "category": rule.get("category"), "facets": False}
        res = search(archive, limit=100_000, **kwargs)  # type: ignore[arg-type]
        got = {h.id for h in res.hits}
        want = {archive.resolve(i)[0] for i in item["target_ids"]}
        tp = len(got & want)
        p = tp / len(got) if got else (1.0 if not want else 0.0)
        r = tp / len(want) if want else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        by_script.setdefault(item["script"], []).append((p, r, f))
        if verbose and f < 1:
            print(f"  filtered {item['qid']} {item['query']} P={p:.2f} R={r:.2f} "
                  f"extra={sorted(got - want)[:5]} missing={sorted(want - got)[:5]}")
        latencies.append(timed(archive, runs, limit=10, **kwargs))
    for script in sorted(by_script):
        rows = by_script[script]
        mean = [sum(x[i] for x in rows) / len(rows) for i in range(3)]
        name = {"hant": "Traditional", "hans": "Simplified"}.get(script, script)
        print(f"filtered   {name:<11} n={len(rows):>3}  P {mean[0]:.3f}  R {mean[1]:.3f}  F1 {mean[2]:.3f}")
    return latencies


def facet_latency(archive: Archive, queries: list[dict], runs: int) -> list[float]:
    return [timed(archive, runs, q=item["query"], limit=10, facets=True) for item in queries]


def report_latency(label: str, values: list[float]) -> None:
    """Wall-clock percentiles, then CPU-time percentiles of the same searches."""
    cpu = CPU[-len(values):]
    print(f"{label:<32} wall p50 {pct(values, 50):6.2f} p95 {pct(values, 95):6.2f} "
          f"max {max(values):7.2f} ms | cpu p50 {pct(cpu, 50):6.2f} p95 {pct(cpu, 95):6.2f} ms"
          f"  (n={len(values)})")


def build(archive: Archive) -> None:
    t = time.perf_counter()
    result = rebuild_index(archive)
    t_index = time.perf_counter() - t
    t = time.perf_counter()
    optimize(archive.db)
    t_opt = time.perf_counter() - t
    print(f"index build: {result['stories']} stories, {t_index:.1f} s + optimize {t_opt:.1f} s "
          f"= {t_index + t_opt:.1f} s")


def million(source: Archive, root: Path, size: int, runs: int, reuse: bool = False) -> None:
    if reuse and (root / "catalog.sqlite").exists():
        archive = Archive(root)
        ensure_schema(archive.db)  # adds tables a newer newsark expects, if any
        n = archive.db.execute("SELECT count(*) FROM search_docs").fetchone()[0]
        size = sum(p.stat().st_size for p in root.glob("catalog.sqlite*"))
        print(f"million: reusing {root} ({n} stories; catalog files {size / 1e9:.1f} GB in all, "
              "catalog rows included)")
        million_latency(archive, runs)
        return
    docs = [(int(r[0]), r[1]) for r in source.db.execute("SELECT story_id, text_z FROM search_docs")]
    meta = {int(r[0]): tuple(r[1:]) for r in source.db.execute(
        "SELECT id, title, date, author, category, tags FROM articles")}
    root.mkdir(parents=True, exist_ok=True)
    for name in ("catalog.sqlite", "catalog.sqlite-wal", "catalog.sqlite-shm"):
        (root / name).unlink(missing_ok=True)
    archive = Archive(root)
    stride = 10 ** len(str(max(i for i, _ in docs)))

    def shifted(date: str | None, k: int) -> str | None:
        if not date or k == 0:
            return date
        try:
            d = dt.date.fromisoformat(date[:10])
        except ValueError:
            return date
        return (d + dt.timedelta(days=365 * k)).isoformat() + date[10:]

    def plan():  # type: ignore[no-untyped-def]
        n, k = 0, 0
        while n < size:
            for old_id, _ in docs:
                if n >= size:
                    return
                yield k, old_id, k * stride + old_id
                n += 1
            k += 1

    t = time.perf_counter()
    db = archive.db
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO articles (id, path, sha256, title, date, author, category, tags, status, "
        "updated_at) VALUES (?,?,?,?,?,?,?,?,'ok','bench')",
        ((new_id, f"articles/x/article_{new_id}.md", f"bench{k}-{old_id}", meta[old_id][0],
          shifted(meta[old_id][1], k), *meta[old_id][2:]) for k, old_id, new_id in plan()),
    )
    db.execute("COMMIT")
    print(f"million: catalog rows written in {time.perf_counter() - t:.0f} s")
    # Every copy of a story has the same text: tokenize each source story once and reuse
    # its token columns (the cost of tokenizing all copies is estimated below).
    t = time.perf_counter()
    prepared = {old_id: prepare(old_id, "", DocText.unpack(blob)) for old_id, blob in docs}
    t_prep = time.perf_counter() - t
    per_story = t_prep / len(docs)
    print(f"million: tokenized {len(docs)} source stories in {t_prep:.0f} s "
          f"({per_story * 1000:.2f} ms each, one process)")

    def feed():  # type: ignore[no-untyped-def]
        for k, old_id, new_id in plan():
            p = prepared[old_id]
            yield Prepared(new_id, f"bench{k}-{old_id}", p.columns, p.blob)

    t = time.perf_counter()
    count = write_prepared(archive.db, feed(), bulk=True)
    t_write = time.perf_counter() - t
    print(f"million: {count} stories written to the index in {t_write:.0f} s (incl. optimize); "
          f"tokenizing {count} distinct stories would add ~{per_story * count:.0f} s CPU "
          f"(~{per_story * count / 2:.0f} s on 2 worker processes), so a real build is "
          f"~{t_write + per_story * count / 2:.0f} s. Index-only: catalog rows + index, no Markdown files.")
    size = sum(p.stat().st_size for p in root.glob("catalog.sqlite*"))
    print(f"million: catalog files {size / 1e9:.1f} GB in all (dbstat is too slow at this size)")
    million_latency(archive, runs)


def million_latency(archive: Archive, runs: int) -> None:
    queries = load("dev_knownitem.jsonl")
    lat = [timed(archive, runs, q=item["query"], limit=10, facets=False) for item in queries]
    filt = load("dev_filtered.jsonl")
    lat2 = []
    for item in filt:
        rule = item["rule"]
        lat2.append(timed(archive, runs, q=item["query"], date_from=rule.get("date_from"),
                          date_to=rule.get("date_to"), category=rule.get("category"),
                          limit=10, facets=False))
    cpu_all = list(CPU)
    CPU[:] = cpu_all[: len(lat)]
    report_latency("million known-item, no facets", lat)
    CPU[:] = cpu_all
    report_latency("million filtered, no facets", lat2)
    report_latency("million all queries, no facets", lat + lat2)
    report_latency("million known-item, with facets",
                   [timed(archive, 1, q=item["query"], limit=10, facets=True) for item in queries])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--archive", type=Path, default=Path("/tmp/newsark-search-bench"))
    ap.add_argument("--raw", action="store_true", help="build the archive without the importer")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the index (timed)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--verbose", "-v", action="store_true", help="list the misses")
    ap.add_argument("--million", action="store_true")
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--million-dir", type=Path, default=Path("/tmp/newsark-search-million"))
    ap.add_argument("--reuse", action="store_true",
                    help="with --million: measure an already built million archive again")
    args = ap.parse_args()
    archive = corpus_archive(args.archive, raw=args.raw)
    how = archive.get_meta("search_bench_built")
    print(f"archive {args.archive} ({how['how'] if isinstance(how, dict) else how} build), "
          f"{archive.db.execute('SELECT count(*) FROM articles').fetchone()[0]} articles")
    if args.rebuild or not archive.db.execute(
        "SELECT 1 FROM sqlite_master WHERE name='search_docs'").fetchone():
        build(archive)
    if args.million:
        million(archive, args.million_dir, args.size, args.runs, reuse=args.reuse)
        return
    stories = archive.db.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    print(f"index: {stories} stories, {index_size(archive) / 1e6:.0f} MB (search_* tables)")
    ki = load("dev_knownitem.jsonl")
    lat_ki = known_item(archive, ki, args.runs, args.verbose)
    lat_f = filtered(archive, load("dev_filtered.jsonl"), args.runs, args.verbose)
    cpu_all = list(CPU)
    CPU[:] = cpu_all[: len(lat_ki)]
    report_latency("known-item, no facets", lat_ki)
    CPU[:] = cpu_all
    report_latency("filtered, no facets", lat_f)
    report_latency("all queries, no facets", lat_ki + lat_f)
    report_latency("known-item, with facets", facet_latency(archive, ki, 1))


if __name__ == "__main__":
    main()
