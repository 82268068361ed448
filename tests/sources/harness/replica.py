"""A replica of hkcnews.com built from the real corpus (never committed: made at test time).

Stories come from the corpus tarball; the corpus's duplicate groups (same title and date
under several ids) are published under all their ids. The site boilerplate that the
corpus bodies carry (subscription appeal, author box) is cut from the text and put back
as template, so the expected text of each story is the corpus text without it. Pages use
the two designs of templates.py, older captures are sometimes Big5-HKSCS, and some
captures are bad (challenge page, truncated) beside good ones.
"""

from __future__ import annotations

import random
import re
import tarfile
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote, unquote

import lxml.html
from markdown_it import MarkdownIt

from newsark.archive.article import FormatError, load_bytes

from .site import ArchivedSite, Story
from .templates import MAINTENANCE_PAGE, PageArticle, SiteStyle, article_page, listing_page
from .warcs import Capture, html_capture

REPO = Path(__file__).resolve().parents[3]
CORPUS = (REPO / ".." / "shared" / "corpora" / "hkcnews-article-archive.tar.xz").resolve()
APPEAL = "請加入成為眾新聞的月費訂戶，長期支持我們的工作。所有訂戶都可以收到我們的「每周時事」通訊 。"
_MEMBER_RE = re.compile(r"article_(\d+)\.md$")
_WAYBACK_RE = re.compile(r"(?:(?:https?:)?//web\.archive\.org)?/web/\d{1,14}(?:[a-z]{2}_)?/(?=https?:)")
_BOILER_RE = re.compile(r"\n---[ \t]*\n(?=[\s\S]*(?:請加入成為眾新聞|!\[博客|\*\*博客))")
_BIO_RE = re.compile(r"\*\*博客 \| [^*\n]+\*\*\s*\n+([\s\S]+)$")
_VIDEO_RE = re.compile(r'\{\{<\s*video\s+src="([^"]+)"\s*>\}\}')
_TEXT_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "td", "th")


def corpus_available() -> bool:
    return CORPUS.is_file()


def read_window(lo: int, hi: int, path: Path = CORPUS) -> dict[int, bytes]:
    """Raw files of the articles with ids in [lo, hi) (one pass over the tarball)."""
    out: dict[int, bytes] = {}
    with tarfile.open(path, "r:xz") as tar:
        for member in tar:
            m = _MEMBER_RE.search(member.name)
            if m and member.isfile() and lo <= int(m.group(1)) < hi:
                fh = tar.extractfile(member)
                if fh is not None:
                    out[int(m.group(1))] = fh.read()
    return out


def clean_body(markdown: str) -> tuple[str, str]:
    """(the story's own Markdown, the author bio) from a corpus body."""
    bio = ""
    m = _BIO_RE.search(markdown)
    if m:
        bio = " ".join(m.group(1).split())
    cut = _BOILER_RE.search(markdown)
    own = markdown[: cut.start()] if cut else markdown
    own = _WAYBACK_RE.sub("", own)
    own = _VIDEO_RE.sub(r'<figure class="video"><iframe src="\1"></iframe></figure>', own)
    return own.strip(), bio


def _paragraphs(body_html: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(text blocks, figure captions) of an article body."""
    root = lxml.html.fragment_fromstring(body_html, create_parent="div")
    texts: list[str] = []
    captions: list[str] = []
    for el in root.iter(*_TEXT_TAGS):
        if el.tag in ("li", "blockquote") and any(c.tag in ("p",) for c in el):
            continue
        text = " ".join(el.text_content().split())
        if text:
            (captions if el.tag == "figcaption" else texts).append(text)
    return tuple(texts), tuple(captions)


def _usable(meta: dict[str, object], own: str) -> bool:
    text = own + str(meta.get("title", ""))
    return (all(meta.get(k) for k in ("title", "date", "author", "category"))
            and len(own) >= 300 and "\ufffd" not in text and "Temporarily Offline" not in own)


def _slug(original_url: str | None, title: str) -> str:
    if original_url:
        path = original_url.split("/article/", 1)[-1]
        parts = path.split("/", 1)
        segment = parts[1].split("/")[0] if len(parts) == 2 else ""
        if segment and "%EF%BF%BD" not in segment.upper():
            return quote(unquote(segment), safe="-._~%")
    return quote(re.sub(r"\s+", "-", title[:12]), safe="-")


def load_stories(n_stories: int, lo: int = 20001, hi: int = 24001, path: Path = CORPUS) -> list[Story]:
    """Up to ``n_stories`` usable stories from ids [lo, hi), duplicate groups kept together."""
    files = read_window(lo, hi, path)
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    parsed = {}
    for article_id, raw in sorted(files.items()):
        try:
            article = load_bytes(raw)
        except FormatError:
            continue
        parsed[article_id] = article
        groups[(str(article.title), str(article.date))].append(article_id)
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    stories = []
    for (title, date), ids in sorted(groups.items(), key=lambda kv: kv[1][0]):
        article = parsed[ids[0]]
        own, bio = clean_body(article.text())
        if not _usable(article.meta, own):
            continue
        body_html = md.render(own)
        paragraphs, captions = _paragraphs(body_html)
        stamp = str(article.meta.get("last_updated") or "")
        time = stamp[11:19] if re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", stamp) else "12:00:00"
        author = str(article.author)
        stories.append(Story(
            ids=tuple(ids), title=title, date=date, time=time, author=author,
            category=str(article.category), tags=tuple(article.tags), paragraphs=paragraphs,
            captions=captions,
            slug=_slug(article.original_url, title), body_html=body_html,
            author_bio=bio or f"{author}，眾新聞作者。", source_file=f"article_{ids[0]}.md",
        ))
        if len(stories) >= n_stories:
            break
    return stories


STYLE = SiteStyle(
    host="www.hkcnews.com", name="眾新聞 Citizen News",
    sections=("港聞", "政治", "社會", "眾說", "國際", "文化", "經濟", "專題"),
    appeal=APPEAL, redesign_ts="20200101000000",
)


def corpus_replica(n_stories: int = 300, seed: int = 11, path: Path = CORPUS,
                   window: tuple[int, int] = (20001, 24001)) -> ArchivedSite:
    """The replica site: stories from the corpus ids in ``window``, captured 2-3 times each."""
    rng = random.Random(seed)
    stories = load_stories(n_stories, *window, path=path)
    site = ArchivedSite(STYLE, stories)
    links = [(site.article_url(s.ids[0], s.slug), s.title) for s in stories]
    for story in stories:
        related = tuple(rng.sample(links, 3))
        for n, article_id in enumerate(story.ids):
            url = site.article_url(article_id, story.slug)
            year = int(story.date[:4])
            times = sorted({f"{min(2021, year + k)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
                            f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
                            for k in range(rng.choice((2, 3)) if n == 0 else 1)})
            times = [t if t >= story.date.replace("-", "") else story.date.replace("-", "") + "235959"
                     for t in times]
            for k, ts in enumerate(times):
                variant = url if k == 0 else url.replace("https://", "http://", 1)
                site.captures.append(_page(site, story, article_id, variant, ts, related, rng))
            if n == 0 and rng.random() < 0.08:
                ts = times[-1][:8] + "000001"
                if rng.random() < 0.5:
                    site.captures.append(html_capture(url, ts, MAINTENANCE_PAGE.encode(), note="challenge"))
                else:
                    good = _page(site, story, article_id, url, ts, related, rng)
                    site.captures.append(Capture(url, ts, 200, good.headers,
                                                 good.body[: len(good.body) // 2], "truncated",
                                                 truncated=True))
    by_category: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for story, link in zip(stories, links, strict=True):
        by_category[story.category].append(link)
    for category, items in by_category.items():
        page = listing_page(STYLE, category, items[:30], "B")
        site.captures.append(html_capture(f"https://{STYLE.host}/section/{quote(category)}",
                                          "20211201000000", page.encode(), note="listing"))
    site.captures.append(html_capture(f"https://{STYLE.host}/", "20211231000000",
                                      listing_page(STYLE, STYLE.name, links[:40], "B").encode(),
                                      note="listing"))
    return site


def _page(site: ArchivedSite, story: Story, article_id: int, url: str, ts: str,
          related: tuple[tuple[str, str], ...], rng: random.Random) -> Capture:
    design = "A" if ts < STYLE.redesign_ts else "B"
    a = PageArticle(
        article_id=article_id, url=site.article_url(article_id, story.slug), title=story.title,
        date=story.date, time=story.time, author=story.author, author_bio=story.author_bio,
        category=story.category, tags=story.tags, body_html=story.body_html, related=related,
    )
    if design == "A" and rng.random() < 0.35:
        text = article_page(STYLE, a, design, charset="big5-hkscs")
        try:
            body = text.encode("big5hkscs")
        except UnicodeEncodeError:
            pass  # text outside Big5-HKSCS: this page stays UTF-8
        else:
            declared = rng.random() < 0.5
            return html_capture(url, ts, body, charset="Big5-HKSCS" if declared else None, note="good")
    return html_capture(url, ts, article_page(STYLE, a, design).encode(), note="good")
