"""What newsark's doubt about trafilatura's first body costs, and what it buys.

On every English page newsark runs trafilatura's main extractor; when a cheap signal doubts
its body (``choose.doubtful``: mostly links or menu lines, one blob of text, long
paragraphs of the page missing from it, or blocks of its own container missing), it asks
readability and, when the two disagree, trafilatura's full pipeline too. This script
extracts each page as newsark does, and each doubted page a second time with that first
doubt answered "no", and prints per signal: how many pages it fired on, the body F1 gained
(summed; the bag-of-tokens F1 of ``newsark.extract.scoring.body_prf``), and the CPU time
it cost (process time of one extraction each way).

``--without-full`` instead scores every page with trafilatura's full pipeline never asked
(the third opinion answered "nothing"), beside the pages as extracted: the mean F1 each way.

    .venv/bin/python benchmarks/doubt_cost.py [--sets wcxb-dev-articles,scrapinghub-aeb] [--without-full] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from typing import Any

from extract_bench import EVAL, load_set

from newsark.extract import choose, page
from newsark.extract.scoring import body_prf


def _signals(doc: Any, body: Any) -> list[str]:
    fired = []
    if choose.link_share(body) > choose.LINKS_DOUBT:
        fired.append("links")
    if choose.short_line_share(body) > choose.SHORT_LINES_DOUBT:
        fired.append("short lines")
    if choose.is_blob(body):
        fired.append("blob")
    blocks = choose._blocks(doc, body)
    if choose.missed_share(doc, body, blocks) > choose.MISSED_DOUBT:
        fired.append("missed paragraphs")
    if choose.missed_inside(doc, body, blocks) > choose.INSIDE_DOUBT:
        fired.append("missed in container")
    return fired


def doubt_table(name: str, limit: int | None) -> None:
    truth = json.loads((EVAL / name / "ground-truth.json").read_text())
    own = page.doubtful
    state: dict[str, Any] = {}

    def first_doubt_recorded(doc: Any, body: Any) -> bool:
        if state.get("first", False):
            state["first"] = False
            state["fired"] = _signals(doc, body)
            if state.get("answer") is not None:
                return bool(state["answer"])
        return own(doc, body)

    page.doubtful = first_doubt_recorded
    rows = defaultdict(lambda: [0, 0.0, 0.0, 0, 0])  # pages, F1 gained, seconds, up, down
    try:
        for pid, data, label in load_set(name, limit):
            body = truth.get(pid, {}).get("articleBody")
            state.update(first=True, answer=None, fired=[])
            t = time.process_time()
            doubted = page.extract_page(data, url=label.get("url"))
            t_doubted = time.process_time() - t
            if not state["fired"] or body is None:
                continue
            state.update(first=True, answer=False)
            t = time.process_time()
            trusted = page.extract_page(data, url=label.get("url"))
            t_trusted = time.process_time() - t
            gain = body_prf(doubted.text, body)[2] - body_prf(trusted.text, body)[2]
            for key in ("+".join(state["fired"]), "all doubted pages"):
                row = rows[key]
                row[0] += 1
                row[1] += gain
                row[2] += t_doubted - t_trusted
                row[3] += gain > 1e-9
                row[4] += gain < -1e-9
    finally:
        page.doubtful = own
    print(f"\n== {name}: pages whose first body newsark doubts")
    print(f"{'signals':50s} {'pages':>5s} {'F1 up':>5s} {'down':>5s} {'F1 gained':>9s} {'extra CPU s':>11s}")
    for key, (n, gain, secs, up, down) in sorted(rows.items(), key=lambda kv: -kv[1][0]):
        print(f"{key:50s} {n:5d} {up:5d} {down:5d} {gain:+9.3f} {secs:11.2f}")


def without_full(name: str, limit: int | None) -> None:
    truth = json.loads((EVAL / name / "ground-truth.json").read_text())
    own = page.from_trafilatura

    def fast_only(html: Any, url: str | None, *, fast: bool = True, images: bool = True) -> Any:
        return own(html, url, fast=fast, images=images) if fast else None

    scores: dict[str, list[float]] = {"as extracted": [], "without the full pipeline": []}
    try:
        for pid, data, label in load_set(name, limit):
            body = truth.get(pid, {}).get("articleBody")
            if body is None:
                continue
            page.from_trafilatura = own
            scores["as extracted"].append(body_prf(page.extract_page(data, url=label.get("url")).text, body)[2])
            page.from_trafilatura = fast_only
            scores["without the full pipeline"].append(
                body_prf(page.extract_page(data, url=label.get("url")).text, body)[2])
    finally:
        page.from_trafilatura = own
    print(f"\n== {name}: mean body F1 over {len(scores['as extracted'])} labelled pages")
    for key, values in scores.items():
        print(f"{key:30s} {statistics.fmean(values):.5f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="wcxb-dev-articles,scrapinghub-aeb")
    parser.add_argument("--without-full", action="store_true",
                        help="score the pages with trafilatura's full pipeline never asked")
    parser.add_argument("--limit", type=int, default=None, help="the first N pages of each set")
    args = parser.parse_args()
    for name in args.sets.split(","):
        (without_full if args.without_full else doubt_table)(name, args.limit)


if __name__ == "__main__":
    main()
