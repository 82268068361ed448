"""Site-template learning on gne-zh-unlabelled (Chinese sites with several pages each).

For every site with 2+ pages: learn its profile from all its pages, extract each page with
it, and report which path was used, whether the body, title and date are present, and how
many body lines recur on 2+ pages of the site (navigation/footers leaking into bodies;
0 is the goal), and which metadata fields came from learned positions (title/date/author/
category/tags: pages whose field was read at a learned selector; the selectors are listed
after the table). List/forum pages (test_list_page/) must not be taken for articles.

    .venv/bin/python benchmarks/extract_sites.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsark.extract import extract_page, learn_site

GNE = REPO.parent / "shared" / "eval" / "extract" / "gne-zh-unlabelled"


def recurring_lines(texts: list[str]) -> int:
    """Body lines (8+ characters) present in the bodies of 2+ pages (identical bodies, the
    same story saved twice, count once)."""
    seen: Counter[str] = Counter()
    for t in dict.fromkeys(texts):
        seen.update({ln.strip() for ln in t.split("\n") if len(ln.strip()) >= 8})
    return sum(1 for n in seen.values() if n >= 2)


def main() -> None:
    if not GNE.is_dir():
        sys.exit(f"no pages at {GNE}")
    print(f"{'site':<12} {'pages':>5} {'learned':>7} {'article':>7} {'body':>5} {'title':>5} {'date':>5} {'recur(gen)':>10} {'recur(learn)':>12} {'meta learned t/d/a/c/g':>22}  selectors")
    totals = Counter()
    positions: dict[str, dict[str, list[str]]] = {}
    for site in sorted(p for p in (GNE / "tests").iterdir() if p.is_dir()):
        files = sorted(site.glob("*.html"))
        pages = [(f.read_bytes(), None) for f in files]
        generic = [extract_page(d) for d, _ in pages]
        if len(pages) >= 2:
            profile = learn_site(pages)
            learned = [extract_page(d, profile=profile) for d, _ in pages]
            sels = ", ".join(profile.body_selectors) or "-"
            positions[site.name] = profile.meta_selectors
        else:
            learned, sels = generic, "(single page)"
        row = Counter(
            pages=len(pages),
            learned=sum(e.path == "learned" for e in learned),
            article=sum(e.is_article for e in learned),
            body=sum(bool(e.text) for e in learned),
            title=sum(bool(e.title) for e in learned),
            date=sum(bool(e.date) for e in learned),
        )
        fields = ("title", "date", "author", "category", "tags")
        meta = {f: sum(e.meta_paths.get(f) == "learned" for e in learned) for f in fields}
        row.update({f"m_{f}": n for f, n in meta.items()})
        mcol = "/".join(str(meta[f]) for f in fields)
        rg = recurring_lines([e.text for e in generic])
        rl = recurring_lines([e.text for e in learned])
        totals.update(row)
        totals.update({"recur_gen": rg, "recur_learn": rl})
        print(f"{site.name:<12} {row['pages']:>5} {row['learned']:>7} {row['article']:>7} {row['body']:>5} "
              f"{row['title']:>5} {row['date']:>5} {rg:>10} {rl:>12} {mcol:>22}  {sels[:60]}")
    print(f"{'TOTAL':<12} {totals['pages']:>5} {totals['learned']:>7} {totals['article']:>7} {totals['body']:>5} "
          f"{totals['title']:>5} {totals['date']:>5} {totals['recur_gen']:>10} {totals['recur_learn']:>12} "
          f"{'/'.join(str(totals['m_' + f]) for f in ('title', 'date', 'author', 'category', 'tags')):>22}")
    print("\nlearned metadata positions:")
    for name, sels in positions.items():
        for field, found in sels.items():
            print(f"  {name:<12} {field:<8} {', '.join(found)}")
    print("\nlist / forum pages (must not be articles):")
    for f in sorted((GNE / "test_list_page").rglob("*.html")):
        ex = extract_page(f.read_bytes())
        print(f"  {f.relative_to(GNE)!s:<40} is_article={ex.is_article}  {ex.reason}")


if __name__ == "__main__":
    main()
