"""Figure/caption pairs, scored against the page's own markup.

No development set labels pictures. A page that writes a picture as a ``<figure>`` with a
``<figcaption>`` says itself which caption is that picture's; such a figure is the
article's when the page's next paragraph after it is in the labelled body (the lead
picture above the text counts; the teasers after the article's last paragraph do not). Those figures
are the reference, on the sets whose labels hold the body (the English ones; the Chinese
pages write captions without ``<figcaption>``). Two numbers:

- kept: the share of the reference pictures that the output holds, matched by file name
  (without query, nor WordPress's size suffix: one picture comes in several sizes);
- right: of the kept ones, the share whose caption and credit, joined, say what the
  figure's captions say: token F1 >= 0.9, or the same characters once spaces are left out
  (a page that runs its caption into its credit, 'AirportWenjie Zheng', is matched by
  newsark's 'Airport Wenjie Zheng').

extract_bench.py prints both for newsark (the libraries give no pictures with their
captions), and the share of the articles' YouTube and Vimeo players (an iframe whose next
paragraph is in the labelled body) that newsark's Markdown keeps as video shortcodes
("vid kept"). Run alone, this script extracts the sets with newsark and lists each miss:

    .venv/bin/python benchmarks/figure_pairs.py [--sets scrapinghub-aeb,wcxb-dev-articles] [--misses]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import lxml.html

from newsark.extract.scoring import tokens

RIGHT_F1 = 0.9
NEIGHBOUR_CHARS = 40  # a paragraph this long beside the figure tells where it stands
KEY_CHARS = 80  # ... by its first characters, found in the labelled body
_SIZE_RE = re.compile(r"-\d+x\d+(?=\.\w+$)")
_IMAGE_FILE_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg)$")
_NOSCRIPT_SRC_RE = re.compile(r'src="([^"]+)"')


@dataclass
class RefFigure:
    files: set[str]  # the picture's file names, in every size and attribute the page gives
    caption: str  # its figcaptions' text (a twin for small screens once)


def file_key(url: str) -> str | None:
    name = (url or "").strip().split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1].lower()
    name = _SIZE_RE.sub("", name)
    return name if _IMAGE_FILE_RE.search(name) else None


def _files(fig: lxml.html.HtmlElement) -> set[str]:
    found: set[str] = set()
    for el in fig.xpath(".//img|.//source"):
        for attr, value in el.attrib.items():
            if "src" in attr.lower():
                for part in value.split(","):
                    key = file_key(part.strip().split(" ")[0])
                    if key:
                        found.add(key)
    for ns in fig.iter("noscript"):
        for m in _NOSCRIPT_SRC_RE.finditer(ns.text or ""):
            key = file_key(m.group(1))
            if key:
                found.add(key)
    return found


def _squeezed(text: str) -> str:
    return " ".join(tokens(text))


@dataclass
class _Page:
    doc: lxml.html.HtmlElement
    body: str  # the labelled body's tokens
    order: dict[lxml.html.HtmlElement, int]
    paras: list[tuple[int, str]]  # (position, tokens) of the page's paragraphs

    @classmethod
    def read(cls, data: bytes, label_body: str) -> _Page | None:
        body = _squeezed(label_body)
        if not body:
            return None
        try:
            doc = lxml.html.fromstring(data)
        except (ValueError, lxml.etree.ParserError):
            return None
        order = {el: i for i, el in enumerate(doc.iter())}
        paras = [(order[p], _squeezed(p.text_content())) for p in doc.iter("p")
                 if len(p.text_content().strip()) >= NEIGHBOUR_CHARS]
        return cls(doc, body, order, paras)

    def in_article(self, el: lxml.html.HtmlElement) -> bool:
        """Whether the page's next paragraph after the element is in the labelled body."""
        at = self.order[el]
        after = next((t for o, t in self.paras if o > at), "")
        return bool(after) and after[:KEY_CHARS] in self.body


def reference_pairs(data: bytes, label_body: str) -> list[RefFigure]:
    """The article's captioned figures, as the page marks them (see the module's docstring)."""
    page = _Page.read(data, label_body)
    if page is None:
        return []
    refs = []
    for fig in page.doc.iter("figure"):
        if next(fig.iterancestors("figure"), None) is not None:
            continue  # (its outermost figure holds it)
        captions: list[str] = []
        for cap in fig.iter("figcaption"):
            text = " ".join(cap.text_content().split())
            if text and text not in captions:
                captions.append(text)
        files = _files(fig)
        if not captions or not files:
            continue
        if page.in_article(fig):
            refs.append(RefFigure(files, " ".join(captions)))
    return refs


_PLAYER_RE = re.compile(r"(?:youtube(?:-nocookie)?\.com/embed|player\.vimeo\.com/video)/([\w-]{6,})")


def reference_videos(data: bytes, label_body: str) -> list[str]:
    """The ids of the YouTube and Vimeo players the article embeds (an iframe whose next
    paragraph is in the labelled body, as for figures)."""
    page = _Page.read(data, label_body) if b"<iframe" in data else None
    if page is None:
        return []
    ids: list[str] = []
    for frame in page.doc.iter("iframe"):
        m = _PLAYER_RE.search(frame.get("src") or frame.get("data-src") or "")
        if not m or m.group(1) in ids:
            continue
        if page.in_article(frame):
            ids.append(m.group(1))
    return ids


def _f1(a: str, b: str) -> float:
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def score_pairs(refs: list[RefFigure], figures: list[dict[str, str]]) -> tuple[int, int, list[str]]:
    """(pictures kept, kept with their caption right, a line for each miss)."""
    kept = right = 0
    misses = []
    for ref in refs:
        got = next((f for f in figures if file_key(f.get("src", "")) in ref.files), None)
        if got is None:
            misses.append(f"lost     {ref.caption[:90]}")
            continue
        kept += 1
        shown = " ".join(x for x in (got.get("caption"), got.get("credit")) if x)
        f1 = _f1(shown, ref.caption)
        if f1 >= RIGHT_F1 or "".join(tokens(shown)) == "".join(tokens(ref.caption)):
            right += 1
        else:
            misses.append(f"caption  {f1:.2f} page: {ref.caption[:60]!r} newsark: {shown[:60]!r}")
    return kept, right, misses


def main() -> None:
    from extract_bench import EVAL, load_set

    from newsark.extract import extract_page

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="scrapinghub-aeb,wcxb-dev-articles")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--misses", action="store_true", help="list each page's misses")
    args = ap.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"no development sets at {EVAL}")
    for set_name in args.sets.split(","):
        n_ref = n_kept = n_right = pages = n_vid = vid_kept = 0
        for pid, data, lab in load_set(set_name, args.limit):
            refs = reference_pairs(data, lab.get("articleBody") or "")
            videos = reference_videos(data, lab.get("articleBody") or "")
            if not refs and not videos:
                continue
            ex = extract_page(data, url=lab.get("url"))
            pages += 1
            kept, right, misses = score_pairs(refs, ex.figures)
            n_ref, n_kept, n_right = n_ref + len(refs), n_kept + kept, n_right + right
            n_vid, vid_kept = n_vid + len(videos), vid_kept + sum(1 for v in videos if v in ex.markdown)
            if args.misses:
                for line in misses + [f"video    {v}" for v in videos if v not in ex.markdown]:
                    print(f"  {pid[:12]:<12} {line}")
        if n_ref:
            print(f"{set_name}: {n_ref} captioned figures in the articles of {pages} pages; newsark keeps "
                  f"{n_kept} ({n_kept / n_ref:.1%}), {n_right} with their caption right "
                  f"({n_right / max(1, n_kept):.1%} of those kept)")
        if n_vid:
            print(f"{set_name}: {n_vid} YouTube and Vimeo players in the articles; newsark keeps {vid_kept} "
                  f"({vid_kept / n_vid:.1%}) as video shortcodes")


if __name__ == "__main__":
    main()
