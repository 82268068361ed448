"""Metadata benchmark: date and author accuracy and the cost of extract_metadata alone.

Each page is extracted once (extract_page) for its body text; extract_metadata is then
timed alone on a fresh parse (CPU time, median of --runs passes). Scored as
../shared/eval/extract/README.md says. ``--misses`` sorts the date misses of the English
set by cause, and checks whether the labelled date is written anywhere in the HTML at all
(ISO, 'March 3, 2024', '3 March 2024', 03/03/2024, 2024/03/03, 20240303, 2024年3月3日,
unix timestamps).

    .venv/bin/python benchmarks/metadata_bench.py [--sets a,b] [--limit N] [--runs N] [--misses]
    .venv/bin/python benchmarks/metadata_bench.py --categories   (each page's category, to read by hand)
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import logging
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from extract_bench import EVAL, load_set

from newsark.extract import page as page_module
from newsark.extract.article_dates import MOD_META, PUB_META
from newsark.extract.charset import decode_html
from newsark.extract.dates import parse_date, same_day_somewhere
from newsark.extract.metadata import _jsonld, _meta_map, extract_metadata
from newsark.extract.otherposts import drop_other_posts
from newsark.extract.page import extract_page, parse_document
from newsark.extract.scoring import author_match, date_match, date_parts, has_value

logging.disable(logging.CRITICAL)
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def written_forms(y: int, m: int, d: int) -> list[str]:
    """The ways a page may write a day (lowercase)."""
    out = [f"{y}{m:02d}{d:02d}", f"{y}年{m}月{d}日", f"{y}年{m:02d}月{d:02d}日"]
    for mm in {f"{m:02d}", str(m)}:
        for dd in {f"{d:02d}", str(d)}:
            for sep in "-/.":
                out += [f"{y}{sep}{mm}{sep}{dd}", f"{mm}{sep}{dd}{sep}{y}", f"{dd}{sep}{mm}{sep}{y}"]
    name = _MONTHS[m - 1]
    for mon in {name, name[:3], name[:3] + ".", "Sept"} if m == 9 else {name, name[:3], name[:3] + "."}:
        for dd in (str(d), f"{d:02d}", f"{d}st", f"{d}nd", f"{d}rd", f"{d}th"):
            out += [f"{mon} {dd}, {y}", f"{mon} {dd} {y}", f"{dd} {mon} {y}", f"{dd} {mon}, {y}"]
    return [f.lower() for f in out]


def in_html(text: str, day: tuple[int, int, int]) -> str | None:
    """'text' when the day is written in the page, 'stamp' when only a unix timestamp of
    it (in some timezone) is, None when neither."""
    flat = re.sub(r"\s+", " ", html.unescape(text)).lower()
    if any(f in flat for f in written_forms(*day)):
        return "text"
    start = dt.datetime(*day, tzinfo=dt.UTC).timestamp()
    for n in re.findall(r"(?<!\d)(1[3-9]\d{8})(?:\d{3})?(?!\d)", text):
        if start - 14 * 3600 <= int(n) <= start + 36 * 3600:
            return "stamp"
    return None


def miss_cause(text: str, truth: str, got: dict[str, str | None]) -> str:
    parts = [int(p) for p in date_parts(truth)]
    if len(parts) < 3:
        return "partial date in the truth"
    day = (parts[0], parts[1], parts[2])
    ok = {k: bool(v) and date_match(v, truth) for k, v in got.items()}
    pub = got["published (structure)"]
    if pub and "T" in pub and not ok["published (structure)"] and same_day_somewhere(pub, f"{day[0]:04d}-{day[1]:02d}-{day[2]:02d}"):
        return "timezone: the truth is the structured instant's day in another zone"
    where = in_html(text, day)
    if where is None:
        return "the labelled date is nowhere in the HTML"
    if where == "stamp":
        return "the labelled date is only a unix timestamp in the HTML (image/asset versions)"
    if ok["last_updated"] or ok["modified (structure)"]:
        return "the label is the page's updated/modified date (kept apart from the published one)"
    return "other (wrong source chosen, format, zone)"


bodies: list[str | None] = []


def spy(doc: Any, url: str | None, body_text: str | None = None, html: str | None = None) -> Any:
    """extract_metadata, keeping the very body text extract_page gives it."""
    bodies.append(body_text)
    return extract_metadata(doc, url, body_text, html)


def list_categories(args: argparse.Namespace) -> None:
    """Every page's category beside its title, for reading by hand (no set labels one),
    the unlabelled multi-page Chinese sites too."""
    sets = [(name, [(pid, data, lab.get("url")) for pid, data, lab in load_set(name, args.limit)])
            for name in args.sets.split(",")]
    gne = sorted((EVAL / "gne-zh-unlabelled").rglob("*.html"))[: args.limit]
    sets.append(("gne-zh-unlabelled", [(str(p.relative_to(EVAL)), p.read_bytes(), None) for p in gne]))
    for name, pages in sets:
        found = []
        for pid, data, url in pages:
            ex = extract_page(data, url=url)
            found.append(ex.category is not None)
            print(f"  {name[:12]:<12} {pid[-40:]:<40} {ex.category or '–':<28} | {(ex.title or '')[:60]}")
        print(f"{name}: a category on {sum(found)} of {len(found)} pages")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="wcxb-dev-articles,zh-cwced-dev,tw-news-7,scrapinghub-aeb")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--misses", action="store_true", help="date misses by cause")
    ap.add_argument("--categories", action="store_true", help="list every page's category and title instead")
    args = ap.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"no development sets at {EVAL}")
    if args.categories:
        list_categories(args)
        return
    print(f"{'set':<20} {'pages':>5} {'date':>7} {'n_date':>6} {'unknown':>8} {'author':>7} {'meta ms/page':>12}")
    for name in args.sets.split(","):
        pages = load_set(name, args.limit)
        prepared: list[tuple[str, str | None, str | None, dict[str, Any]]] = []
        bodies.clear()
        page_module.extract_metadata = spy  # type: ignore[assignment]
        for _, data, lab in pages:
            extract_page(data, url=lab.get("url"))
            prepared.append((decode_html(data)[0], lab.get("url"), bodies[-1], lab))
        page_module.extract_metadata = extract_metadata
        docs = [parse_document(text) for text, *_ in prepared]
        for doc, (text, *_) in zip(docs, prepared):
            drop_other_posts(doc, text)  # as extract_page does before it reads the metadata
        metas = [extract_metadata(doc, url, body, text) for doc, (text, url, body, _) in zip(docs, prepared)]
        spent = []
        for _ in range(max(1, args.runs)):
            t0 = time.process_time()
            for doc, (text, url, body, _) in zip(docs, prepared):
                extract_metadata(doc, url, body, text)
            spent.append((time.process_time() - t0) / len(docs) * 1000)
        dates, unknown, authors = [], [], []
        causes: dict[str, int] = {}
        for meta, doc, (text, _, _, lab) in zip(metas, docs, prepared):
            truth = lab.get("publish_date", lab.get("date"))
            if truth is not None:
                if date_parts(truth):
                    dates.append(date_match(meta.date, truth))
                    if args.misses and not dates[-1]:
                        m = _meta_map(doc)
                        ld: dict[str, Any] = next((o for o in _jsonld(doc)[0] if o.get("datePublished")), {})
                        got = {"last_updated": meta.last_updated,
                               "published (structure)": parse_date(ld.get("datePublished")) or parse_date(
                                   next((v[0] for k in PUB_META if (v := m.get(k))), None)),
                               "modified (structure)": parse_date(ld.get("dateModified")) or parse_date(
                                   next((v[0] for k in MOD_META if (v := m.get(k))), None))}
                        cause = miss_cause(text, truth, got)
                        causes[cause] = causes.get(cause, 0) + 1
                else:
                    unknown.append(meta.date is None)
            if has_value(lab.get("author")):
                authors.append(author_match(meta.author, lab["author"]))
        date = f"{statistics.fmean(dates):.3f}" if dates else "–"
        unk = f"{sum(unknown)}/{len(unknown)}" if unknown else "–"
        auth = f"{statistics.fmean(authors):.3f}" if authors else "–"
        print(f"{name:<20} {len(pages):>5} {date:>7} {len(dates):>6} {unk:>8} {auth:>7} {statistics.median(spent):>12.2f}")
        for cause, n in sorted(causes.items(), key=lambda kv: -kv[1]):
            print(f"    {n:4d}  {cause}")


if __name__ == "__main__":
    main()
