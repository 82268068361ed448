"""Article metadata: structure first (JSON-LD, Open Graph / article:* meta, <time>, URL),
then the page's text near the title (English and Chinese forms), then nothing.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .article_dates import article_dates
from .authors import english_authors, join_pieces
from .bylines import looks_like_name, norm_name, plausible_chinese_name, split_byline
from .markdown import flat_text
from .pagebylines import bylines_in_page
from .pagebylines import forget_page as forget_marked
from .zone import forget_page as forget_lines
from .zone import header_zone, page_lines

_ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|WebPage)$")
# Separators of a <title>'s parts: spaced ones; '|' and '｜' always; '_', '–' and '—'
# without spaces only beside CJK text ('标题_新浪网'), not inside English words or ranges
# ('rustc_codegen_gcc', 'Update–Fall 2025').
_CJK_CHAR = "[\u3000-\u9fff\uff00-\uffef]"
_TITLE_SEP_RE = re.compile(
    rf"\s+[|\-–—_:·•»]\s+|\s*[｜|]\s*|(?<={_CJK_CHAR})\s*[_–—]\s*|\s*[_–—]\s*(?={_CJK_CHAR})|\s*-{{2,}}\s*|\s*::\s*")
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "sailthru.author",
                "parsely-author", "cxenseparse:author", "twitter:creator")


@dataclass
class Meta:
    title: str | None = None
    date: str | None = None
    last_updated: str | None = None
    author: str | None = None
    bylines: list[tuple[str, str]] = field(default_factory=list)
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    lead: str | None = None
    site_name: str | None = None
    page_type: str | None = None


def _meta_map(doc: etree._Element) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in doc.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "")
        value = m.get("content")
        if key and value and value.strip():
            out.setdefault(key.strip().lower(), []).append(value.strip())
    return out


def _jsonld(doc: etree._Element) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """(article objects, every node with an @id) of the page's JSON-LD."""
    found: list[dict[str, Any]] = []
    nodes: dict[str, dict[str, Any]] = {}

    def visit(obj: Any, depth: int = 0) -> None:
        if depth > 12:
            return
        if isinstance(obj, list):
            for o in obj:
                visit(o, depth + 1)
        elif isinstance(obj, dict):
            ref = obj.get("@id")
            if isinstance(ref, str) and len(obj) > 1:
                nodes.setdefault(ref, obj)
            if "@graph" in obj:
                visit(obj["@graph"], depth + 1)
            types = obj.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and _ARTICLE_TYPES.search(t) for t in names):
                found.append(obj)
            for key in ("author", "mainEntity", "itemListElement"):
                if isinstance(obj.get(key), (dict, list)):
                    visit(obj[key], depth + 1)

    for script in doc.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            visit(json.loads(script.text.strip().rstrip(";")))
        except (ValueError, RecursionError):
            continue
    # Real article types before a generic WebPage.
    found.sort(key=lambda o: "WebPage" in str(o.get("@type")))
    return found, nodes


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        return _names(value.get("name"))
    return []


def clean_title(raw: str | None, candidates: list[str], site_name: str | None, url: str | None = None) -> str | None:
    """A title without the site's suffix/prefix (the part that is the site's name, or
    whose first word the site's domain starts with: 'Thrive Internet Marketing' on
    thriveagency.com)."""
    if not raw:
        return None
    raw = " ".join(raw.split())
    for cand in candidates:  # a heading that is one of the <title>'s parts is the real title
        cand = " ".join(cand.split())
        if len(cand) >= 4 and cand != raw and _title_part(cand, raw):
            return cand
    parts = [p.strip() for p in _TITLE_SEP_RE.split(raw) if p and p.strip()]
    if len(parts) > 1:
        if site_name:
            kept = [p for p in parts if p.lower() != site_name.lower()]
            if kept and len(kept) < len(parts):
                parts = kept
        host = _host_label(url)
        if len(parts) > 1 and host:
            kept = [p for p in parts if not _names_host(p, host)]
            if kept and len(kept) < len(parts):
                parts = kept
        if len(parts) > 1:
            return max(parts, key=len)
        return parts[0]
    return raw


def _host_label(url: str | None) -> str:
    """The distinctive label of a page's host ('thriveagency' of www.thriveagency.com)."""
    labels = (urlsplit(url).hostname or "").split(".") if url else []
    labels = [x for x in labels if x not in ("www", "m", "blog", "news")][:-1]
    return max(labels, key=len, default="")


def _names_host(part: str, host: str) -> bool:
    """Whether a title part is the site's name: its letters are the host's label, or it is
    a name of three words at most whose first word (4+ letters) starts that label ('Apple
    unveils iPhone 16' on apple.com is a headline)."""
    letters, words = norm_name(part), part.split()
    first = norm_name(words[0]) if words else ""
    return bool(letters) and (letters == host or (len(words) <= 3 and len(first) >= 4 and host.startswith(first)))


def _title_part(part: str, title: str) -> bool:
    """Whether ``part`` is one of ``title``'s parts, or a run of them, between its
    separators ('Webcams' of 'Webcams - Yosemite National Park'), not words inside a part
    ('Discord' of 'How we pwned X, Vercel, Cursor, Discord, and hundreds of companies')."""
    seps = [m.span() for m in _TITLE_SEP_RE.finditer(title)]
    starts = [0, *(e for _, e in seps)]
    ends = [*(b for b, _ in seps), len(title)]
    return any(b > a and title[a:b].strip() == part for a in starts for b in ends)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\u4e00-\u9fff]|[^\W_]+", text.lower()))


def _home_link(href: str | None, url: str | None) -> bool:
    """A link to the site's (or its section's) front page: '/', '../', the host root, or a
    folder above the page ('/blog/' on '/blog/a-post')."""
    if href is None:
        return False
    href = href.strip()
    if href in ("/", "./", "../", "#", "index.html", "/index.html"):
        return True
    target = urlsplit(urljoin(url or "", href))
    if target.query or target.fragment:
        return False
    if target.path in ("", "/"):
        return True
    page = urlsplit(url or "")
    folder = target.path if target.path.endswith("/") else target.path + "/"
    return bool(page.path) and target.netloc == page.netloc and page.path.startswith(folder) and page.path != target.path


def _banner(h: etree._Element, text: str, site_names: set[str], url: str | None) -> bool:
    """An <h1> that names the site, not the story: a blog's or magazine's masthead (the
    site's own name, or a heading that links to the front page)."""
    if norm_name(text) in site_names:
        return True
    links = [a for a in h.iter("a")] + [a for a in h.iterancestors("a")]
    return any(_home_link(a.get("href"), url) for a in links[:2])


# Inside an <h1>, but not the headline: its date (<time>, a "Posted on" heading nested in
# it) and controls.
_NOT_HEADLINE = frozenset(("time", "h2", "h3", "h4", "h5", "h6", "button", "script", "style", "noscript"))
_LABEL_RE = re.compile(r"^(?:title|headline|標題|标题)\s*[:：]\s*", re.IGNORECASE)


def headline_text(h: etree._Element) -> str:
    """An <h1>'s text on one line without what it holds besides the headline (a date, a
    nested meta heading, a 'Title:' label)."""
    if next(h.iter(*_NOT_HEADLINE), None) is None:
        text = flat_text(h)
    else:
        parts: list[str] = []

        def walk(el: etree._Element) -> None:
            if el.text:
                parts.append(el.text)
            for child in el:
                if not (isinstance(child.tag, str) and child.tag in _NOT_HEADLINE):
                    walk(child)
                if child.tail:
                    parts.append(child.tail)

        walk(h)
        text = " ".join("".join(parts).split())
    return _LABEL_RE.sub("", text, count=1)


def _same_but_lost_characters(shown: str, written: str) -> bool:
    """Whether a headline shows '?' where the title written for sharing has one or two
    other characters ('Beginner? Guide' / "Beginner's Guide"): the page lost them."""
    s, w = shown.lower(), written.lower()
    if "?" not in s or s == w:
        return False

    def match(i: int, j: int) -> bool:  # s[i:] against w[j:], each '?' one or two non-spaces
        while i < len(s) and s[i] != "?":
            if j >= len(w) or w[j] != s[i]:
                return False
            i, j = i + 1, j + 1
        if i == len(s):
            return j == len(w)
        return any(j + k <= len(w) and not any(c.isspace() for c in w[j : j + k]) and match(i + 1, j + k)
                   for k in (1, 2))

    return match(0, 0)


def _without_site_part(title: str, site_name: str | None, url: str | None) -> str:
    """A headline without its last part when that part names the site ('Critics’ Choice:
    Best UK Art Exhibitions 2025 – Artlyst' on artlyst.com): some sites write their name
    into the <h1> itself."""
    seps = list(_TITLE_SEP_RE.finditer(title))
    if not seps:
        return title
    last = title[seps[-1].end():].strip()
    host = _host_label(url)
    site = norm_name(site_name or "")
    if (site and norm_name(last) == site) or (host and _names_host(last, host)):
        rest = title[: seps[-1].start()].strip()
        if len(rest.split()) >= 2:
            return rest
    return title


def _without_domain(title: str, url: str | None) -> str:
    """A title without the site's domain name before or after it ('davidbau.com Vibe Coding')."""
    host = ((urlsplit(url).hostname or "") if url else "").removeprefix("www.")
    if "." not in host:
        return title
    # Plain string tests, not a pattern per host: compiling one cost more than the rest of
    # the title's steps together.
    words = title.split(" ")
    low = [w.lower().removeprefix("www.") for w in words]
    if len(words) > 1 and low[0] == host:
        words, low = words[1:], low[1:]
    if len(words) > 1 and low[-1] == host:
        words = words[:-1]
    rest = " ".join(words)
    return rest if len(rest) >= 4 else title


def _visible_headline(h1s: list[str], others: list[str]) -> str | None:
    if not h1s or not others:
        return None
    ref = set().union(*(_words(o) for o in others))
    for h in h1s[:3]:
        w = _words(h)
        if len(w) >= 2 and len(h) >= 6 and len(w & ref) >= 0.5 * len(w):
            return h
    return None


def _first(meta: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for k in keys:
        for v in meta.get(k, []):
            return v
    return None


def extract_metadata(doc: etree._Element, url: str | None, body_text: str | None = None) -> Meta:
    meta = _meta_map(doc)
    lds, ld_nodes = _jsonld(doc)
    ld = lds[0] if lds else {}
    out = Meta()
    out.site_name = _first(meta, ("og:site_name", "application-name", "twitter:site"))

    # -- title ----------------------------------------------------------------------
    site_names = {norm_name(n) for key in ("og:site_name", "application-name") for n in meta.get(key, [])}
    site_names |= {norm_name(n) for o in lds for n in _names(o.get("publisher"))}
    site_names.discard("")
    h1s = [t for h in doc.iter("h1") if 2 <= len(t := headline_text(h)) <= 300 and not _banner(h, t, site_names, url)]
    headline = ld.get("headline") if isinstance(ld.get("headline"), str) else None
    og = _first(meta, ("og:title", "twitter:title", "title", "dc.title"))
    title_el = doc.find(".//title")
    title_tag = flat_text(title_el) if title_el is not None else None
    if headline and og and len(og) > len(headline) + 3 and " ".join(og.split()).startswith(" ".join(headline.split())):
        headline = None  # cut short (JSON-LD headlines are often truncated at 110 characters)
    structured = headline or og
    if structured:
        out.title = clean_title(structured, h1s, out.site_name, url)
    elif title_tag:
        out.title = clean_title(title_tag, h1s, out.site_name, url)
    elif h1s:
        out.title = h1s[0]
    # The headline shown on the page wins over the one written for sharing, when they are
    # about the same thing (a site logo in an <h1> is not).
    visible = _visible_headline(h1s, [t for t in (out.title, title_tag) if t])
    if visible and not (out.title and _same_but_lost_characters(visible, " ".join(out.title.split()))):
        out.title = visible
    if out.title:
        out.title = _without_domain(" ".join(html.unescape(out.title).split()), url)
        out.title = _without_site_part(out.title, out.site_name, url)

    # -- dates ----------------------------------------------------------------------
    lines = page_lines(doc)
    zone = header_zone(lines, out.title or (title_tag if title_tag else None), body_text)
    chinese = bool(re.search(r"[\u4e00-\u9fff]", (out.title or "") + (body_text or "")[:200]))
    out.date, out.last_updated = article_dates(
        doc, url, meta, lds, lines, zone, out.title, body_text, chinese, h1s[0] if h1s else None)

    # -- author ---------------------------------------------------------------------
    site_words = {norm_name(w) for w in [out.site_name or "", *_TITLE_SEP_RE.split(title_tag or "")] if w}
    if url:
        host = re.sub(r"^(?:https?://)?(?:www\.)?([^/:]+).*$", r"\1", url).split(".")
        site_words |= {norm_name(h) for h in host[:-1] if len(h) > 3}
    site_words.discard("")
    if chinese:
        out.bylines = _chinese_authors(doc, ld, meta, lines, zone, body_text, site_words)
    else:
        desc = _first(meta, ("description", "og:description"))

        def found() -> list[str]:  # the older rules, asked only when the others find nobody
            return [n for _, n in bylines_in_page(doc, lines, zone, body_text, [desc] if desc else None)
                    if looks_like_name(n) and norm_name(n) not in site_words]

        meta_values = [v for key in _AUTHOR_META if key != "twitter:creator" for v in meta.get(key, [])]
        # Sections only: keywords and tags often hold the author's own name.
        topics = [*meta.get("article:section", []), *meta.get("category", [])]
        value = ld.get("articleSection")
        topics += value if isinstance(value, list) else [value] if isinstance(value, str) else []
        not_names = {norm_name(t) for t in [*topics, out.title] if isinstance(t, str)} - {""}
        pieces = english_authors(doc, lds, ld_nodes, meta_values, lines, zone, site_words, found, not_names)
        out.bylines = [("撰文", n) for _, n in pieces]
        out.author = join_pieces(pieces) or None
    if out.bylines and not out.author:
        seen: list[str] = []
        # An editor is the author only when the page names nobody else ('責任編輯' under
        # a story whose writer is '作者：陳大文' is not one of its authors).
        writers = [(r, n) for r, n in out.bylines if r != "編輯"] or out.bylines
        for _, n in writers:
            if n not in seen:
                seen.append(n)
        out.author = "、".join(seen)

    # -- category, tags, lead ---------------------------------------------------------
    section = ld.get("articleSection")
    if isinstance(section, list):
        section = section[0] if section else None
    out.category = (section if isinstance(section, str) and section.strip() else None) or _first(
        meta, ("article:section", "og:article:section", "section", "category"))
    tags: list[str] = list(meta.get("article:tag", [])) + list(meta.get("og:article:tag", []))
    kw = ld.get("keywords")
    if not tags and kw:
        tags = kw if isinstance(kw, list) else re.split(r"\s*[,，、;]\s*", str(kw))
    if not tags:
        for v in meta.get("news_keywords", []):
            tags += re.split(r"\s*[,，、;]\s*", v)
    out.tags = list(dict.fromkeys(t.strip() for t in tags if isinstance(t, str) and t.strip()))[:30]
    out.lead = _first(meta, ("description", "og:description", "twitter:description"))
    out.page_type = (_first(meta, ("og:type",)) or "").lower() or None
    forget_lines()
    forget_marked()
    return out


# A news outlet's name rather than a person's (新京报, 环球网, 中央社, 參考消息 is not one).
_OUTLET_RE = re.compile(
    r"(?:报|報|网|網|社|台|新闻|新聞|周刊|週刊|杂志|雜誌|传媒|傳媒|媒体|媒體|频道|頻道|客户端|客戶端|APP|App)$")


def _chinese_authors(
    doc: etree._Element, ld: dict[str, Any], meta: dict[str, list[str]], lines: list[str],
    zone: list[str], body_text: str | None, site_words: set[str],
) -> list[tuple[str, str]]:
    """Bylines of a Chinese page: JSON-LD, author meta, then the page (記者 XXX)."""
    names: list[tuple[str, str]] = []
    for n in _names(ld.get("author")):
        names += split_byline(html.unescape(n))
    if not names:
        for key in _AUTHOR_META:
            for v in meta.get(key, []):
                if not v.startswith(("http", "@")):
                    names += split_byline(html.unescape(v))
            if names:
                break
    structured = [(r, n) for r, n in names if looks_like_name(n)]
    names = [(r, n) for r, n in structured if norm_name(n) not in site_words]
    if names and all(_OUTLET_RE.search(n) for _, n in names):
        # The structure names the outlet the story came from ('article:author' 新京报), the
        # page its reporter ('新京报快讯（记者 裴剑飞）'): the people are the authors.
        desc = _first(meta, ("description", "og:description"))
        people = [(r, n) for r, n in bylines_in_page(doc, lines, zone, body_text, [desc] if desc else None)
                  if r != "編輯" and plausible_chinese_name(n)]
        names = people or names
    if not names:
        desc = _first(meta, ("description", "og:description"))
        names = bylines_in_page(doc, lines, zone, body_text, [desc] if desc else None)
    names = [(r, n) for r, n in names if looks_like_name(n) and norm_name(n) not in site_words]
    # The site itself as author (a company blog) only when no person is named anywhere.
    return names or structured
