"""Mangled pages: extraction must give a result or a clear error, never crash, in bounded time.

Pages of the development sets in ../shared/eval/extract/ are damaged the ways archived
bytes get damaged, and each damaged page is extracted (and turned into the archive format):

- ``cut``: the page truncated at a random byte (a capture cut short);
- ``flip``: 50 random bytes replaced by markup characters, NUL or 0xFF;
- ``junk``: 200 random bytes inserted at a random place (control characters, broken UTF-8);
- ``inject``: three hostile snippets inserted at random places (U+FFFE, a form feed,
  thousands of open ``<div>``s or ``<table>``s, an unclosed script or comment, contradictory
  charset declarations, a 100 KB data: URI, invalid entities, broken JSON-LD and dates (one
  followed by 30,000 spaces), a
  bad ``<base href>``, a paragraph of backtick runs of every length, an early
  ``</body></html>``, React's streamed parts and calls out of place, thousands of
  characters no reader sees, ...).

It prints how many pages crashed (any error but newsark's clear refusal of what is no page,
which is counted apart), how many took over ``--slow`` seconds, and
the slowest page. Seeded: the same ``--seed`` damages the same bytes.

    .venv/bin/python benchmarks/extract_fuzz.py [--seed 1] [--pages 60] [--slow 2]
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO.parent / "src"))

from extract_bench import EVAL, load_set

from newsark.extract import extract_page

# newsark's clear refusals of what is no page ("page is empty", "not an HTML page: a PNG
# image", "page is not extractable: ..."); any other error is counted as a crash.
REFUSALS = ("page is ", "not an HTML page")
SETS = ("scrapinghub-aeb", "wcxb-dev-articles", "zh-cwced-dev", "tw-news-7")
SNIPPETS = (
    b"\xef\xbf\xbe", b"\xef\xbf\xbf", b"\x0c", b"\x1b[0m", b"\x0b", b"<div>" * 3000, b"</p>" * 50,
    b"<table>" * 500, b"<script>", b"<!--", b"<![CDATA[", b"<?xml version='1.0'?>", b"\xef\xbb\xbf",
    b'<meta charset="utf-16">', b'<meta charset="x-unknown">',
    b'<meta http-equiv="Content-Type" content="text/html; charset=big5">',
    b"<a href='javascript:alert(1)'>x</a>", b"<img src='data:image/png;base64," + b"A" * 100_000 + b"'>",
    b"<svg>" + b"<path/>" * 1000, b"<base href='::::'>", b"<a href='http://[::1'>bad</a>",
    b"<img src='http://%zz'>", b"&#0;&#x1;&#xD800;&#1114112;", b"<p>" + "中文".encode("gb18030") * 50,
    b"<noscript><p>hidden</p>", b"<template><p>t</p></template>",
    b"<iframe src='https://www.youtube.com/embed/x'>", b"<time datetime='9999-99-99'>",
    (b'<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-13-45",'
    b'"author":{"name":null}}</script>'),
    (b'<script type="application/ld+json">{"@type":["NewsArticle"],"author":[1,2,{"name":["a"]}],'
    b'"headline":{"x":1}}</script>'),
    b'<meta property="article:published_time" content="not a date">',
    # a date, then a long run of white space where a time might follow (5 s a page before
    # the date pattern's two runs of white space could no longer share one)
    b'<meta property="article:published_time" content="Jan 5, 2021' + b" " * 30_000 + b'x">',
    b"<p>Posted Jan 5, 2021" + b"\t" * 30_000 + b"</p>",
    b'<meta name="keywords" content="' + b",".join([b"k"] * 5000) + b'">',
    # a paragraph of backtick runs of every length (seconds for its plain text when each run
    # searched ahead for its closing run)
    b"<p>" + b" x ".join(b"`" * k for k in range(1, 800)) + b"</p>",
    # the page closed early (the rest is read into the body, endtags.py), then a script or
    # comment that never closes
    b"</body></html>", b"</BODY></HTML><script>" + b"x = '</body>';" * 2000, b"</html><!--" * 50,
    # React's streamed parts and calls (streamed.py): calls without their parts, a part
    # placed twice, a fallback with no end marker, a boundary inside its own part
    b'<div hidden id="S:0"><p>part</p></div><script>$RC("B:0","S:0");$RS("S:0","P:0");$RS("S:0","P:0")</script>',
    b'<!--$?--><template id="B:0"></template><div>Loading...</div><template id="P:0"></template>',
    b'<div hidden id="S:1"><!--$?--><template id="B:1"></template><!--/$--></div><script>$RC("B:1","S:1")</script>',
    # characters no reader sees (newsark/unseen.py), thousands of them
    "\u00ad\u200b\u200d\u2060\ufeff\u200c".encode() * 2000,
)


def damages(rng: random.Random) -> dict[str, Callable[[bytes], bytes]]:
    def cut(d: bytes) -> bytes:
        return d[: rng.randint(0, len(d))]

    def flip(d: bytes) -> bytes:
        b = bytearray(d)
        for _ in range(50):
            b[rng.randrange(len(b))] = rng.choice(b"<>/\"'&;\x00\xff ")
        return bytes(b)

    def junk(d: bytes) -> bytes:
        i = rng.randrange(len(d))
        return d[:i] + bytes(rng.randrange(256) for _ in range(200)) + d[i:]

    def inject(d: bytes) -> bytes:
        for _ in range(3):
            i = rng.randrange(len(d))
            d = d[:i] + rng.choice(SNIPPETS) + d[i:]
        return d

    return {"cut": cut, "flip": flip, "junk": junk, "inject": inject}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=60, help="pages drawn from each set")
    ap.add_argument("--slow", type=float, default=2.0, help="seconds that make a page slow")
    args = ap.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"no development sets at {EVAL}")
    logging.disable(logging.CRITICAL)
    rng = random.Random(args.seed)
    kinds = damages(rng)
    tried, refused, crashed = Counter[str](), Counter[str](), Counter[str]()
    slow: list[tuple[float, str]] = []
    for name in SETS:
        pages = load_set(name, None)
        for pid, data, label in rng.sample(pages, min(args.pages, len(pages))):
            for kind, damage in kinds.items():
                page = damage(data)
                tried[kind] += 1
                start = time.perf_counter()
                try:
                    ex = extract_page(page, url=label.get("url"))
                    ex.to_article(url=label.get("url"), original_url=None).dumps()
                except ValueError as exc:
                    if str(exc).startswith(REFUSALS):
                        refused[kind] += 1
                    else:  # (lxml's own ValueErrors were the crashes this found)
                        crashed[kind] += 1
                        print(f"CRASH {name}/{pid} ({kind}): {exc!r}", file=sys.stderr)
                except Exception:  # noqa: BLE001 - the point is to count them
                    crashed[kind] += 1
                    print(f"CRASH {name}/{pid} ({kind}):", file=sys.stderr)
                    traceback.print_exc(limit=4)
                took = time.perf_counter() - start
                slow.append((took, f"{name}/{pid} ({kind})"))
    slow.sort(reverse=True)
    print(f"{'damage':<8} {'pages':>6} {'refused':>8} {'crashed':>8}")
    for kind in kinds:
        print(f"{kind:<8} {tried[kind]:>6} {refused[kind]:>8} {crashed[kind]:>8}")
    print(f"{'all':<8} {sum(tried.values()):>6} {sum(refused.values()):>8} {sum(crashed.values()):>8}")
    over = sum(1 for t, _ in slow if t > args.slow)
    print(f"over {args.slow:g} s: {over}; slowest {slow[0][0]:.2f} s ({slow[0][1]})" if slow else "no pages")


if __name__ == "__main__":
    main()
