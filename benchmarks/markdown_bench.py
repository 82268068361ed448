"""Markdown structure benchmark: paragraphs, headings, lists, links, emphasis, tables, quotes
and code of the body, against WCXB's labelled article Markdown, newsark vs trafilatura's Markdown.

Body F1 (extract_bench.py) counts words only; a body can score 1.0 with every heading a
paragraph and every link gone. Here both outputs and the label are parsed with
markdown-it (CommonMark + tables) into elements of each kind, each keyed by its text
(tokens as the scoring README says; a link by its text and address), and compared as
multisets, pooled over the pages:

- raw precision / recall: an element counts when the other side has the same element;
- given the text: only elements whose text the other side has somewhere (so a heading the
  body lost with its section is not counted against the Markdown): recall is the share of
  the label's elements, whose text the output has, that the output gives as the same kind;
  precision the share of the output's elements, whose text the label has, that the label
  gives so. This is the faithfulness of the Markdown itself, apart from the body's choice.

    .venv/bin/python benchmarks/markdown_bench.py [--limit N] [--worst KIND] [--extractors newsark,trafilatura]
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from extract_bench import EVAL, load_set
from markdown_it import MarkdownIt

from newsark.extract.scoring import tokens

logging.disable(logging.CRITICAL)
SET = "wcxb-dev-articles"
KINDS = ("paragraph", "heading", "list_item", "link", "strong", "em", "table_cell", "blockquote", "code")
_MD = MarkdownIt("commonmark").enable("table")
_SHORTCODE_RE = re.compile(r"\{\{<.*?>\}\}")


def _key(text: str) -> str:
    return " ".join(tokens(text))


def _url_key(href: str) -> str:
    """An address as a reader sees it: no scheme, no www., no fragment, no trailing slash."""
    parts = urlsplit(href.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def elements(markdown: str) -> tuple[dict[str, Counter[str]], str]:
    """Each kind's elements (multisets of keys) and the whole text's tokens, space-joined."""
    found: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    words: list[str] = []
    stack: list[str] = []  # open block kinds: heading, list_item, blockquote, table_cell
    top_paragraph = False  # the next inline run is a paragraph of the body's own (in no container)
    for tok in _MD.parse(_SHORTCODE_RE.sub("", markdown)):
        if tok.type == "paragraph_open":
            top_paragraph = not stack
            continue
        kind = {"heading_open": "heading", "list_item_open": "list_item", "blockquote_open": "blockquote",
                "td_open": "table_cell", "th_open": "table_cell"}.get(tok.type)
        if kind:
            stack.append(kind)
            continue
        if tok.type in ("heading_close", "list_item_close", "blockquote_close", "td_close", "th_close"):
            if stack:
                stack.pop()
            continue
        if tok.type in ("fence", "code_block"):
            for line in tok.content.splitlines():
                if _key(line):
                    found["code"][_key(line)] += 1
            words.append(tok.content)
            continue
        if tok.type != "inline":
            continue
        text = "".join(" " if c.type in ("softbreak", "hardbreak") else c.content
                       for c in tok.children or [] if c.type in ("text", "code_inline", "softbreak", "hardbreak"))
        words.append(text)
        if top_paragraph and _key(text):
            found["paragraph"][_key(text)] += 1
        top_paragraph = False
        if stack and stack[-1] != "seen" and _key(text):
            # an item's or quote's first paragraph stands for it (a nested list's items count alone)
            found[stack[-1]][_key(text)] += 1
            if stack[-1] in ("list_item", "blockquote"):
                stack[-1] = "seen"
        for kind, spans in _inline_spans(tok.children or []):
            found[kind][spans] += 1
    return found, " " + _key(" ".join(words)) + " "


def _inline_spans(children: list[Any]) -> Iterator[tuple[str, str]]:
    """(kind, key) of the links, strong and emphasised spans of one inline run."""
    open_spans: list[tuple[str, str, list[str]]] = []
    for c in children:
        if c.type in ("link_open", "strong_open", "em_open"):
            kind = c.type.removesuffix("_open")
            open_spans.append((kind, c.attrs.get("href", "") if kind == "link" else "", []))
        elif c.type in ("link_close", "strong_close", "em_close") and open_spans:
            kind, href, parts = open_spans.pop()
            text = _key("".join(parts))
            if open_spans:
                open_spans[-1][2].extend(parts)
            if text:
                yield kind, (f"{text} -> {_url_key(str(href))}" if kind == "link" else text)
        elif c.type in ("text", "code_inline") and open_spans:
            open_spans[-1][2].append(c.content)


def _text_of(key: str, kind: str) -> str:
    return key.split(" -> ")[0] if kind == "link" else key


def compare(out_md: str, label_md: str) -> dict[str, list[int]]:
    """Per kind: [common, output count, label count, common given text, output elements whose
    text the label has, label elements whose text the output has]."""
    out, out_text = elements(out_md)
    lab, lab_text = elements(label_md)
    counts: dict[str, list[int]] = {}
    for kind in KINDS:
        o, lb = out[kind], lab[kind]
        common = sum((o & lb).values())
        o_known = Counter({k: n for k, n in o.items() if f" {_text_of(k, kind)} " in lab_text})
        l_known = Counter({k: n for k, n in lb.items() if f" {_text_of(k, kind)} " in out_text})
        counts[kind] = [common, sum(o.values()), sum(lb.values()), sum((o_known & lb).values()),
                        sum(o_known.values()), sum(l_known.values()), sum((l_known & o).values())]
    return counts


def _newsark(data: bytes, url: str | None) -> str:
    from newsark.extract.page import extract_page

    return extract_page(data, url=url).markdown


def _trafilatura(data: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(data, url=url, output_format="markdown", include_formatting=True,
                               include_links=True, include_tables=True, include_images=False) or ""


EXTRACTORS: dict[str, Callable[[bytes, str | None], str]] = {"newsark": _newsark, "trafilatura": _trafilatura}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--extractors", default="newsark,trafilatura")
    ap.add_argument("--worst", choices=KINDS, help="list the pages where newsark misses most of this kind, given the text")
    args = ap.parse_args()
    if not (EVAL / SET).exists():
        sys.exit(f"{EVAL / SET} is absent: this benchmark needs the WCXB development set")
    names = args.extractors.split(",")
    pages = [(pid, data, lab) for pid, data, lab in load_set(SET, args.limit) if lab.get("articleMarkdown")]
    totals = {n: {k: [0] * 7 for k in KINDS} for n in names}
    per_page: list[tuple[str, dict[str, list[int]]]] = []
    for pid, data, lab in pages:
        for name in names:
            try:
                md = EXTRACTORS[name](data, lab.get("url"))
            except Exception:  # noqa: BLE001 - a failed page has no elements
                md = ""
            counts = compare(md, lab["articleMarkdown"])
            for kind, row in counts.items():
                totals[name][kind] = [a + b for a, b in zip(totals[name][kind], row)]
            if name == "newsark":
                per_page.append((pid, counts))
    print(f"{SET}: {len(pages)} pages with labelled Markdown")
    print(f"{'kind':11s} {'extractor':12s} {'label':>6s} {'raw P':>6s} {'raw R':>6s} {'P|text':>7s} {'R|text':>7s}")
    for kind in KINDS:
        for name in names:
            common, n_out, n_lab, c_known, o_known, l_known, l_common = totals[name][kind]
            print(f"{kind:11s} {name:12s} {n_lab:6d} {_ratio(common, n_out)} {_ratio(common, n_lab)} "
                  f" {_ratio(c_known, o_known)}  {_ratio(l_common, l_known)}")
    if args.worst:
        rows = sorted(per_page, key=lambda r: r[1][args.worst][6] - r[1][args.worst][5])
        for pid, counts in rows[:25]:
            c = counts[args.worst]
            print(f"{pid}: label {c[2]}, text kept {c[5]}, as {args.worst} {c[6]}; output {c[1]} ({c[4]} known, {c[3]} right)")


def _ratio(a: int, b: int) -> str:
    return f"{a / b:6.3f}" if b else "     –"


if __name__ == "__main__":
    main()
