"""Where newsark's extraction time goes, step by step, beside trafilatura's in the same run.

Every page of a set is extracted by newsark and by trafilatura (``bare_extraction`` with
its defaults, as in extract_bench.py) one after the other, alternating which goes first.
The steps of ``newsark.extract.page`` are wrapped with timers (a step called from inside
another counts in both; trafilatura's main extractor and its full pipeline are told
apart), so the table shows each step's share of newsark's time and how often it ran: how
many pages asked readability, how many trafilatura's fallbacks. The ratio printed first is
trafilatura's total time over newsark's (above 1: newsark is faster).

Both extractors first go over the whole set once, untimed (then the libraries' functools
caches are emptied, as extract_bench.py does between its runs): in a fresh process the
ratio reads several per cent more in newsark's favour than a long rescue sees. Trafilatura's
date search (htmldate) asks dateparser on a few pages, and dateparser compiles each
locale's patterns the first time it tries that locale: on the first 355 WCXB pages,
htmldate took 2.37 s in a fresh process, 1.30 s once the other 356 pages had been through.
``--cold`` skips that pass (a warm-up on five pages only).

    .venv/bin/python benchmarks/extract_steps.py [--sets wcxb-dev-articles] [--limit N] [--cold]
"""

from __future__ import annotations

import argparse
import functools
import logging
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from extract_bench import EVAL, clear_library_caches, load_set, run_trafilatura

from newsark.extract import page

STEPS = ("decode_html", "parse_document", "from_readability", "doubtful", "choose", "fragment_or_menu",
         "wrap_text_runs", "trim_tail", "drop_repeats", "restore_sandwiched", "rejoin_split_runs",
         "restore_figure_images", "restore_spaces", "to_markdown", "insert_embeds", "extract_metadata",
         "plain_text", "not_article_reason", "_repair_mojibake")

spent: defaultdict[str, float] = defaultdict(float)
calls: Counter[str] = Counter()


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - t0
            calls[name] += 1
    return run


def _wrap_steps() -> None:
    for name in STEPS:
        setattr(page, name, _timed(name, getattr(page, name)))
    trafilatura = page.from_trafilatura

    def from_trafilatura(doc: Any, url: str | None, *, fast: bool = True, **options: Any) -> Any:
        return _timed("trafilatura (main)" if fast else "trafilatura (full)", trafilatura)(doc, url, fast=fast, **options)

    page.from_trafilatura = from_trafilatura


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="wcxb-dev-articles")
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    ap.add_argument("--cold", action="store_true", help="no untimed pass over the set first")
    args = ap.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"no development sets at {EVAL}")
    logging.disable(logging.CRITICAL)
    _wrap_steps()
    for set_name in args.sets.split(","):
        pages = load_set(set_name, args.limit)
        for _, data, lab in pages if not args.cold else pages[:5]:  # warm-up (see above)
            page.extract_page(data, url=lab.get("url"))
            run_trafilatura(data, lab.get("url"))
        clear_library_caches()
        spent.clear()
        calls.clear()
        ours = theirs = 0.0
        for i, (_, data, lab) in enumerate(pages):
            order = ("newsark", "trafilatura") if i % 2 == 0 else ("trafilatura", "newsark")
            for who in order:
                t0 = time.perf_counter()
                if who == "newsark":
                    page.extract_page(data, url=lab.get("url"))
                    ours += time.perf_counter() - t0
                else:
                    run_trafilatura(data, lab.get("url"))
                    theirs += time.perf_counter() - t0
        print(f"\n== {set_name} ({len(pages)} pages{', cold process' if args.cold else ''})")
        print(f"newsark {ours:.2f} s, trafilatura {theirs:.2f} s: trafilatura / newsark = {theirs / ours:.3f}")
        for name, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<22} {secs:7.2f} s {100 * secs / ours:5.1f} %  {calls[name]:5d} calls")


if __name__ == "__main__":
    main()
