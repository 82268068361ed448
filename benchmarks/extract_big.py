"""Extraction time on very long pages (a live blog of thousands of entries, a long forum
thread): does it grow with the page, or faster?

Synthetic pages of N paragraphs (a menu, the article, N/4 readers' comments, a footer),
generated here, no third-party text. For each size: newsark's and trafilatura's seconds for the page (the median of
--runs, the two interleaved in the same process) and newsark's milliseconds per 1,000
paragraphs, which stays flat when the time grows linearly with the page. Then pages of
unusual shape around a short article (a huge inline script, a huge table, a huge menu, one
huge paragraph, thousands of pictures or videos, a tag left open on every line), each timed
the same way.

    .venv/bin/python benchmarks/extract_big.py [--sizes 2500,5000,10000,20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsark.extract import extract_page

WORDS = ["the", "harbour", "ferry", "service", "will", "change", "its", "timetable", "next", "month",
         "after", "a", "long", "review", "by", "the", "council"]


def page(paragraphs: int) -> bytes:
    menu = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(30))
    entries = "".join(
        f"<p>Entry {i}: " + " ".join(WORDS[(i * 7 + j) % len(WORDS)] for j in range(24)) + ".</p>"
        for i in range(paragraphs))
    comments = "".join(  # readers' comments under it, a quarter as many: page text not in the body
        f'<div class="comment"><p>Reader {i} wrote: thanks to the reporters for the hard work, '
        "everyone please stay safe out there.</p></div>" for i in range(paragraphs // 4))
    return (f"<html><head><title>Live: the long day</title></head><body><nav><ul>{menu}</ul></nav>"
            f"<article><h1>Live: the long day</h1>{entries}</article><section>{comments}</section>"
            "<footer><p>Copyright the newsroom, all rights reserved.</p></footer></body></html>").encode()


def shapes() -> dict[str, bytes]:
    """Pages of unusual shape around a short article: each once grew worse than linearly
    somewhere, or could."""
    art = "".join(f"<p>Paragraph {i}: the council met on Tuesday to discuss the new ferry timetable and "
                  "residents spoke.</p>" for i in range(30))
    head = "<html><head><title>Shapes</title>"
    blob = json.dumps({"x": ["v" * 50 + str(i) for i in range(100_000)]})
    pages = {
        "a 5 MB inline JSON script": f"{head}<script type='application/json'>{blob}</script></head>"
                                     f"<body><article>{art}</article></body></html>",
        "a table of 5,000 rows": f"{head}</head><body><article>{art}<table>" + "".join(
            f"<tr><td>row {i}</td><td>value {i} of the table</td><td>{i * 3}</td></tr>" for i in range(5000))
        + "</table></article></body></html>",
        "100,000 links before it": f"{head}</head><body>" + "".join(
            f"<a href='/p/{i}'>Story number {i}</a> " for i in range(100_000)) + f"<article>{art}</article></body></html>",
        "one 5 MB paragraph": f"{head}</head><body><article><p>{'word ' * 1_000_000}</p></article></body></html>",
        "10,000 captioned pictures": f"{head}</head><body><article>{art}" + "".join(
            f"<figure><img src='/i/{i}.jpg'><figcaption>Caption {i}</figcaption></figure>" for i in range(10_000))
        + "</article></body></html>",
        "10,000 pictures, each in its paragraph": f"{head}</head><body><article>{art}" + "".join(
            f"<p><img src='/i/{i}.jpg' alt='Picture {i} of the event'></p>" for i in range(10_000))
        + "</article></body></html>",
        "20,000 pictures straight in the article": f"{head}</head><body><article>{art}" + "".join(
            f"<img src='/i/{i}.jpg' alt='Picture {i}'>" for i in range(20_000)) + "</article></body></html>",
        "4,000 videos, each wrapped": f"{head}</head><body><article>{art}" + "".join(
            f"<div class='video'><iframe src='https://www.youtube.com/embed/v{i:010d}'></iframe></div>"
            for i in range(4000)) + "</article></body></html>",
        "8,000 paragraphs opening in lower case": f"{head}</head><body><article>" + "".join(
            f"<p>and then paragraph {i} went on with more of the story.</p>" for i in range(8000))
        + "</article></body></html>",
        "a list of 20,000 items": f"{head}</head><body><article>{art}<ul>" + "".join(
            f"<li>Item {i}: a line of the long list of things in this article, with words</li>" for i in range(20_000))
        + "</ul></article></body></html>",
        "8,000 headings, each over a paragraph": f"{head}</head><body><article>" + "".join(
            f"<h2>Part {i}</h2><p>Paragraph {i} of the story, with words enough to be prose.</p>" for i in range(8000))
        + "</article></body></html>",
        "3,000 lines, a <font> left open on each": f"{head}</head><body>" + "".join(
            f"<font color=red>Line {i} of the old page, with enough words to read as prose.<br>" for i in range(3000))
        + "</body></html>",
        "a tag archive: 20,000 rel-tag links": f"{head}</head><body><article>{art}<footer class='entry-footer'><ul>"
        + "".join(f"<li><a rel='tag' href='/tag/{i}'>Tag {i}</a></li>" for i in range(20_000))
        + "</ul></footer></article></body></html>",
        "5,000 elements named like a trail": f"{head}</head><body>" + "".join(
            f"<div class='breadcrumb-item position-{i}'><a href='/s/{i}'>Home</a> &gt; <a href='/s/{i}/x'>Part {i}</a>"
            f"</div>" for i in range(5000)) + f"<article>{art}</article></body></html>",
        "a Chinese page in 200 nested 'position' wrappers": f"{head}</head><body>"
        + "<div class='position-relative'>" * 200 + "<div>当前位置：首页 &gt; 要闻</div><article>" + "".join(
            f"<p>第{i}段：市议会今日讨论新的公园计划，多名议员发言支持扩建绿化空间，并要求政府尽快公布时间表。</p>"
            for i in range(300)) + "</article>" + "</div>" * 200 + "</body></html>",
    }
    return {name: html.encode() for name, html in pages.items()}


def timed(extractors: dict[str, Any], data: bytes, runs: int) -> tuple[float, float]:
    """(newsark, trafilatura) seconds for one page: medians of ``runs``, interleaved."""
    times: dict[str, list[float]] = {name: [] for name in extractors}
    for run in range(runs):
        for name in (list(extractors) if run % 2 == 0 else list(reversed(extractors))):
            t0 = time.perf_counter()
            extractors[name](data)
            times[name].append(time.perf_counter() - t0)
    return statistics.median(times["newsark"]), statistics.median(times["trafilatura"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="2500,5000,10000,20000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    logging.disable(logging.CRITICAL)
    import trafilatura

    extractors = {
        "newsark": lambda data: extract_page(data),
        "trafilatura": lambda data: trafilatura.bare_extraction(data, with_metadata=True),
    }
    extractors["newsark"](page(50))  # warm-up (imports, caches)
    extractors["trafilatura"](page(50))
    print(f"{'paragraphs':>10} {'MB':>6} {'newsark s':>10} {'trafilatura s':>14} {'ratio':>6} {'newsark ms/1000':>16}")
    for size in (int(s) for s in args.sizes.split(",")):
        data = page(size)
        ours, theirs = timed(extractors, data, args.runs)
        print(f"{size:>10} {len(data) / 1e6:>6.1f} {ours:>10.2f} {theirs:>14.2f} {theirs / ours:>6.2f} "
              f"{1000 * ours / size * 1000:>16.1f}")
    print(f"\n{'page shape':<42} {'MB':>5} {'newsark s':>10} {'trafilatura s':>14} {'ratio':>6}")
    for name, data in shapes().items():
        ours, theirs = timed(extractors, data, args.runs)
        print(f"{name:<42} {len(data) / 1e6:>5.1f} {ours:>10.2f} {theirs:>14.2f} {theirs / ours:>6.2f}")


if __name__ == "__main__":
    main()
