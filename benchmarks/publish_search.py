"""Search quality and speed of a published static site (``newsark publish``), in a browser.

Serves OUT/public on 127.0.0.1, opens the search page in Debian's chromium (Playwright),
and runs the development known-item queries of ``../shared/eval/search/`` through the
page's own code (``queryTokens`` + Pagefind's JS API, all index parts merged), as a
reader's browser would. Prints MRR@10 and found@10 for Traditional and Simplified queries,
and the median / p95 time per query in the browser (first page of 10 results, with their
metadata), to compare with ``benchmarks/search_bench.py`` (the archive's own engine).

    .venv/bin/newsark publish --archive DIR site/
    .venv/bin/python benchmarks/publish_search.py --site site/public [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "search"
CHROMIUM = "/usr/bin/chromium"

# The page's own script has loaded Pagefind and merged the parts (the module is shared).
RUN_QUERIES = """async (queries) => {
  const form = document.getElementById('search');
  const pagefind = await import(JSON.parse(form.dataset.bundles)[0] + 'pagefind.js');
  const table = await (await fetch(form.dataset.fold)).json();
  const out = [];
  for (const q of queries) {
    const t0 = performance.now();
    const found = await pagefind.search(queryTokens(table, q).map(encodeToken).join(' '));
    const top = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    out.push({ ms: performance.now() - t0, urls: top.map((d) => d.url) });
  }
  return out;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", type=Path, required=True, help="the published site (OUT/public)")
    ap.add_argument("--verbose", action="store_true", help="print the queries not found first")
    args = ap.parse_args()
    queries = [json.loads(line) for line in (EVAL / "dev_knownitem.jsonl").read_text("utf-8").splitlines()]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "-d", str(args.site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
            page.goto(base + "/search/")
            # the page's script is ready once it has listed the years (all parts merged)
            page.wait_for_selector("select[name=year] option:nth-child(2)", state="attached",
                                   timeout=120_000)
            results: list[dict[str, Any]] = page.evaluate(RUN_QUERIES, [q["query"] for q in queries])
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    by_script: dict[str, list[float]] = {}
    for q, res in zip(queries, results, strict=True):
        ids = [int(m.group(1)) for u in res["urls"] if (m := re.search(r"/article/(\d+)/", u))]
        rank = next((n for n, i in enumerate(ids, start=1) if i in set(q["target_ids"])), 0)
        by_script.setdefault(q["script"], []).append(1 / rank if rank else 0.0)
        if args.verbose and rank != 1:
            print(f"  miss r={rank} {q['qid']} {q['query']!r} -> {q['target_title']}")
    for script, rr in sorted(by_script.items()):
        name = {"hant": "Traditional", "hans": "Simplified"}.get(script, script)
        found = sum(1 for r in rr if r) / len(rr)
        print(f"known-item {name:<11} n={len(rr):>3}  MRR@10 {statistics.fmean(rr):.3f}  found@10 {found:.3f}")
    ms = sorted(r["ms"] for r in results)
    print(f"per query in the browser: median {statistics.median(ms):.0f} ms, "
          f"p95 {ms[int(0.95 * (len(ms) - 1))]:.0f} ms ({len(ms)} queries)")


if __name__ == "__main__":
    main()
