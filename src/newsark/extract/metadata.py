"""Article metadata: structure first (JSON-LD, Open Graph / article:* meta, <time>, URL),
then the page's text near the title (English and Chinese forms), then nothing.
"""

from __future__ import annotations

import functools
import html
import json
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from lxml import etree

from .article_dates import article_dates
from .authors import english_authors, join_pieces, labelled_authors
from .bylines import looks_like_name, norm_name, plausible_chinese_name, split_byline
from .category import clean_section, trail_category
from .keywords import chinese_keywords
from .pagebylines import bylines_in_page, bylines_marked
from .pagebylines import forget_page as forget_marked
from .reltags import rel_tags, writes_rel_tags
from .taglines import labelled_tags
from .titles import TITLE_SEP_RE, page_title
from .zone import forget_page as forget_lines
from .zone import header_zone, page_lines

_ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|WebPage)$")
_SECTION_META = ("article:section", "og:article:section", "section", "category")
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
    article_body: str | None = None  # JSON-LD's articleBody, the longest one (page.py's fallback)


def _meta_map(doc: etree._Element) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in doc.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "")
        value = m.get("content")
        if key and value and value.strip():
            out.setdefault(key.strip().lower(), []).append(value.strip())
    return out


class JsonLd(NamedTuple):
    articles: list[dict[str, Any]]  # article objects, real article types before a generic WebPage
    nodes: dict[str, dict[str, Any]]  # every node with an @id
    trails: list[dict[str, Any]]  # BreadcrumbList objects


def _jsonld(doc: etree._Element) -> JsonLd:
    """The page's JSON-LD: its article objects, nodes by @id and breadcrumb trails."""
    found: list[dict[str, Any]] = []
    nodes: dict[str, dict[str, Any]] = {}
    trails: list[dict[str, Any]] = []

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
            elif "BreadcrumbList" in names:
                trails.append(obj)
                return  # (its items are crumbs, not articles)
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
    return JsonLd(found, nodes, trails)


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        return _names(value.get("name"))
    return []


def _first(meta: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for k in keys:
        for v in meta.get(k, []):
            return v
    return None


# The words of the page's links to its tag, category and topic pages ('<a
# href="/blog/tag/personal-finance">Personal finance</a>'): a topic, never a name, whatever
# element holds them (a theme's "byline" of tag and date).
_TOPIC_LINK_TEXTS = etree.XPath(
    "//a[contains(@href, '/tag/') or contains(@href, '/tags/') or contains(@href, '/category/')"
    " or contains(@href, '/categories/') or contains(@href, '/topic/') or contains(@href, '/topics/')]"
    "/text()[normalize-space()]", smart_strings=False)


def extract_metadata(doc: etree._Element, url: str | None, body_text: str | None = None,
                     html: str | None = None) -> Meta:
    """The page's metadata; ``html``, the source the tree was read from, spares searches
    of the tree for what the source never writes."""
    meta = _meta_map(doc)
    lds, ld_nodes, ld_trails = _jsonld(doc)
    ld = lds[0] if lds else {}
    out = Meta()
    out.site_name = _first(meta, ("og:site_name", "application-name", "twitter:site"))

    # -- title ----------------------------------------------------------------------
    site_names = {norm_name(n) for key in ("og:site_name", "application-name") for n in meta.get(key, [])}
    site_names |= {norm_name(n) for o in lds for n in _names(o.get("publisher"))}
    site_names.discard("")
    headline = ld.get("headline") if isinstance(ld.get("headline"), str) else None
    og = _first(meta, ("og:title", "twitter:title", "title", "dc.title"))
    titled = page_title(doc, url, out.site_name, site_names, headline, og, body_text)
    out.title, title_tag, h1s = titled.title, titled.tag, titled.h1s

    # -- dates ----------------------------------------------------------------------
    lines = page_lines(doc)
    zone = header_zone(lines, out.title or (title_tag if title_tag else None), body_text)
    chinese = bool(re.search(r"[\u4e00-\u9fff]", (out.title or "") + (body_text or "")[:200]))
    out.date, out.last_updated = article_dates(
        doc, url, meta, lds, lines, zone, out.title, body_text, chinese, h1s[0] if h1s else None)

    # -- author ---------------------------------------------------------------------
    site_words = {norm_name(w) for w in [out.site_name or "", *TITLE_SEP_RE.split(title_tag or "")] if w}
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
        topic_links = functools.cache(lambda: {norm_name(str(t)) for t in _TOPIC_LINK_TEXTS(doc)})
        pieces = english_authors(doc, lds, ld_nodes, meta_values, lines, zone, site_words, found, not_names,
                                 labelled_authors(meta), topic_links)
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
    # A post's rel-tag links, read once and only when asked (category or tags still missing).
    rel = functools.cache(lambda: rel_tags(doc) if html is None or writes_rel_tags(html) else ([], None))
    out.category = (
        clean_section(ld.get("articleSection"))
        or clean_section([_shown(v) for key in _SECTION_META for v in meta.get(key, [])])
        or trail_category(doc, ld_trails, out.title, site_names, author=out.author, html=html, chinese=chinese)
        or clean_section(rel()[1]))
    tags: list[str] = list(meta.get("article:tag", [])) + list(meta.get("og:article:tag", []))
    kw = ld.get("keywords")
    if not tags and kw:
        # (unescaped before it is split: 'PG&amp;E' is one tag)
        tags = kw if isinstance(kw, list) else re.split(r"\s*[,，、;]\s*", _shown(str(kw)))
    if not tags:
        for v in meta.get("news_keywords", []):
            tags += re.split(r"\s*[,，、;]\s*", _shown(v))
    if not tags:
        tags = rel()[0]
    if not tags and chinese:
        # (the site's names, not site_words: a sina <title> holds the story's keywords)
        names = site_names | ({norm_name(out.site_name)} if out.site_name else set())
        tags = chinese_keywords([_shown(v) for v in meta.get("keywords", [])], out.title, body_text, names)
    if not tags:
        tags = labelled_tags(doc, html, chinese=chinese)
    out.tags = list(dict.fromkeys(_shown(t) for t in tags if isinstance(t, str) and t.strip()))[:30]
    out.lead = _first(meta, ("description", "og:description", "twitter:description"))
    out.category, out.lead = _unescaped(out.category), _unescaped(out.lead)
    out.page_type = (_first(meta, ("og:type",)) or "").lower() or None
    out.article_body = max((b for o in lds if isinstance(b := o.get("articleBody"), str) and b.strip()),
                           key=len, default=None)
    forget_lines()
    forget_marked()
    return out


def _shown(value: str) -> str:
    """A value the page escaped twice ('Health &amp;amp; Fitness' in a meta tag, '&amp;'
    in JSON-LD, as WordPress writes them) read as it is shown, as titles are."""
    return " ".join(html.unescape(value).split()) if "&" in value else value.strip()


def _unescaped(value: str | None) -> str | None:
    return _shown(value) if value else value


# A news outlet's name rather than a person's: 新京报, 环球网, 中央社 (not every outlet's:
# 参考消息 passes for a person's name here, as before).
_OUTLET_RE = re.compile(
    r"(?:报|報|网|網|社|台|新闻|新聞|周刊|週刊|杂志|雜誌|传媒|傳媒|媒体|媒體|频道|頻道|客户端|客戶端|APP|App)$")


def _people(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The bylines that name a person who wrote (a Chinese name), not the editor."""
    return [(r, n) for r, n in names if r != "編輯" and plausible_chinese_name(n)]


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
    if names:
        # The reporter the page shows in its byline element ('<div class="author">謝明俊')
        # over another person its JSON-LD names (陳昱光, chinatimes); never its editor.
        shown = _people(bylines_marked(doc))
        if shown and not {norm_name(n) for _, n in shown} & {norm_name(n) for _, n in names}:
            names = shown
    desc = _first(meta, ("description", "og:description"))
    if names and all(_OUTLET_RE.search(n) for _, n in names):
        # The structure names the outlet the story came from ('article:author' 新京报), the
        # page its reporter ('新京报快讯（记者 裴剑飞）'): the people are the authors.
        people = _people(bylines_in_page(doc, lines, zone, body_text, [desc] if desc else None))
        names = people or names
    if not names:
        names = bylines_in_page(doc, lines, zone, body_text, [desc] if desc else None)
    names = [(r, n) for r, n in names if looks_like_name(n) and norm_name(n) not in site_words]
    # The site itself as author (a company blog) only when no person is named anywhere.
    return names or structured
