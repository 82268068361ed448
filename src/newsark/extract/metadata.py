"""Article metadata: structure first (JSON-LD, Open Graph / article:* meta, <time>, URL),
then the page's text near the title (English and Chinese forms), then nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from .bylines import looks_like_name, split_byline
from .dates import PUBLISHED_LABEL_RE, UPDATED_LABEL_RE, date_from_url, find_date, parse_date

_ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|WebPage)$")
_TITLE_SEP_RE = re.compile(r"\s+[|\-–—_:·•»]\s+|\s*[｜|_–—]\s*|\s+-{2}\s+|\s*::\s*")
_PUB_META = ("article:published_time", "og:published_time", "datepublished", "pubdate",
             "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
             "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
             "created", "publication_date", "release_date", "og:release_date", "cxenseparse:recs:publishtime",
             "weibo: article:create_at", "article:published", "publishtime", "pubtime")
_MOD_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified",
             "dcterms.modified", "article.updated", "lastmod", "modified_time")
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "sailthru.author",
                "parsely-author", "cxenseparse:author", "twitter:creator")
_BYLINE_CLASS = re.compile(r"(byline|author|writer|reporter|editor-name|article-source|"
                           r"\bsource\b|info|meta|date|time|post-meta|article-info)", re.I)


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


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _meta_map(doc: etree._Element) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in doc.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "")
        value = m.get("content")
        if key and value and value.strip():
            out.setdefault(key.strip().lower(), []).append(value.strip())
    return out


def _jsonld(doc: etree._Element) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def visit(obj: Any) -> None:
        if isinstance(obj, list):
            for o in obj:
                visit(o)
        elif isinstance(obj, dict):
            if "@graph" in obj:
                visit(obj["@graph"])
            types = obj.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and _ARTICLE_TYPES.search(t) for t in names):
                found.append(obj)

    for script in doc.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            visit(json.loads(script.text.strip().rstrip(";")))
        except (ValueError, RecursionError):
            continue
    # Real article types before a generic WebPage.
    found.sort(key=lambda o: "WebPage" in str(o.get("@type")))
    return found


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        return _names(value.get("name"))
    return []


def clean_title(raw: str | None, candidates: list[str], site_name: str | None) -> str | None:
    """A title without the site's suffix/prefix."""
    if not raw:
        return None
    raw = " ".join(raw.split())
    for cand in candidates:  # a heading that the <title> contains is the real title
        cand = " ".join(cand.split())
        if len(cand) >= 4 and cand in raw and cand != raw:
            return cand
    parts = [p.strip() for p in _TITLE_SEP_RE.split(raw) if p and p.strip()]
    if len(parts) > 1:
        if site_name:
            kept = [p for p in parts if p.lower() != site_name.lower()]
            if kept and len(kept) < len(parts):
                parts = kept
        if len(parts) > 1:
            return max(parts, key=len)
        return parts[0]
    return raw


def _first(meta: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for k in keys:
        for v in meta.get(k, []):
            return v
    return None


def extract_metadata(doc: etree._Element, url: str | None) -> Meta:
    meta = _meta_map(doc)
    lds = _jsonld(doc)
    ld = lds[0] if lds else {}
    out = Meta()
    out.site_name = _first(meta, ("og:site_name", "application-name", "twitter:site"))

    # -- title ----------------------------------------------------------------------
    h1s = [_text(h) for h in doc.iter("h1")]
    h1s = [h for h in h1s if 2 <= len(h) <= 300]
    headline = ld.get("headline") if isinstance(ld.get("headline"), str) else None
    og = _first(meta, ("og:title", "twitter:title", "title", "dc.title"))
    title_el = doc.find(".//title")
    title_tag = _text(title_el) if title_el is not None else None
    structured = headline or og
    if structured:
        out.title = clean_title(structured, h1s, out.site_name)
    elif title_tag:
        out.title = clean_title(title_tag, h1s, out.site_name)
    elif h1s:
        out.title = h1s[0]

    # -- dates ----------------------------------------------------------------------
    out.date = parse_date(ld.get("datePublished") or ld.get("dateCreated")) or parse_date(
        _first(meta, _PUB_META))
    out.last_updated = parse_date(ld.get("dateModified")) or parse_date(_first(meta, _MOD_META))
    if not out.date:
        for t in doc.iter("time"):
            if t.get("pubdate") is not None or (t.get("itemprop") or "") == "datePublished" or not out.date:
                d = parse_date(t.get("datetime")) or find_date(_text(t))
                if d:
                    out.date = d
                    if t.get("pubdate") is not None or t.get("itemprop") == "datePublished":
                        break
    for el in doc.xpath('//*[@itemprop="datePublished" or @itemprop="dateModified"]'):
        value = parse_date(el.get("content") or el.get("datetime") or _text(el))
        if el.get("itemprop") == "datePublished" and not out.date:
            out.date = value
        elif el.get("itemprop") == "dateModified" and not out.last_updated:
            out.last_updated = value
    if not out.date:
        out.date = date_from_url(url)
    text_pub, text_upd = dates_in_header(doc, out.title)
    if not out.date:
        out.date = text_pub
    if not out.last_updated:
        out.last_updated = text_upd
    if out.last_updated and out.date and out.last_updated[:16] == out.date[:16]:
        out.last_updated = None

    # -- author ---------------------------------------------------------------------
    names: list[tuple[str, str]] = []
    for n in _names(ld.get("author")):
        names += split_byline(n)
    if not names:
        for key in _AUTHOR_META:
            for v in meta.get(key, []):
                if not v.startswith(("http", "@")):
                    names += split_byline(v)
            if names:
                break
    if not names:
        names = bylines_in_page(doc, out.title)
    out.bylines = [(r, n) for r, n in names if looks_like_name(n)]
    if out.bylines:
        seen: list[str] = []
        for _, n in out.bylines:
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
    return out


def _header_zone(doc: etree._Element, title: str | None) -> list[str]:
    """Short text lines from the title heading onwards (where bylines and dates sit)."""
    body = doc.find(".//body")
    if body is None:
        return []
    lines: list[str] = []
    started = title is None
    norm_title = "".join((title or "").split())[:20]
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript"):
            continue
        if not started and el.tag in ("h1", "h2", "h3", "div", "p", "span", "td", "strong"):
            t = "".join(_text(el).split())
            if norm_title and t.startswith(norm_title) and len(t) < len(norm_title) * 3 + 20:
                started = True
            continue
        if started:
            for piece in (el.text, el.tail):
                if piece and piece.strip():
                    lines.append(" ".join(piece.split()))
            if len(lines) > 60:
                break
    return lines


def dates_in_header(doc: etree._Element, title: str | None) -> tuple[str | None, str | None]:
    """(published, updated) written near the title; labelled ones win."""
    lines = _header_zone(doc, title)
    if not lines:
        return None, None
    pub: str | None = None
    upd: str | None = None
    prev = ""
    for line in lines[:40]:
        if len(line) > 120:
            prev = ""
            continue
        d = find_date(line)
        if d:
            before = line[: max(0, line.find(d[:4]))] if d[:4] in line else ""
            label = before or prev
            if UPDATED_LABEL_RE.search(label.strip()):
                upd = upd or d
            elif pub is None:
                pub = d
        prev = line
    return pub, upd


_BYLINE_TEXT_RE = re.compile(
    r"(?:^|[\s(（【\[])(?:本報|本报|中央社|[^\s]{0,6}?)?"
    r"(記者|记者|作者|撰文|文字|文[/／:：]|文\s|攝影|摄影|圖[/／:：]|图[/／:：]|編輯|编辑|By|by|BY)"
    r"\s*[:：/／]?\s*([^\s，,。|｜]{2,12}(?:[、，,\s和及與与][^\s，,。|｜]{2,4}){0,4})"
)


def bylines_in_page(doc: etree._Element, title: str | None) -> list[tuple[str, str]]:
    """Bylines from author/byline elements, then from '記者 XXX' text near the title."""
    for el in doc.xpath(
        '//*[@rel="author" or @itemprop="author" or contains(@class,"author") or '
        'contains(@class,"byline") or contains(@class,"reporter") or contains(@id,"author")]'
    )[:8]:
        t = _text(el)
        if 2 <= len(t) <= 60:
            names = split_byline(t)
            if names and all(looks_like_name(n) for _, n in names):
                return names
    for line in _header_zone(doc, title)[:40]:
        if len(line) > 150:
            continue
        m = _BYLINE_TEXT_RE.search(line)
        if m and not re.match(r"(編輯|编辑)", m.group(1)):
            names = split_byline(m.group(0))
            names = [(r, n) for r, n in names if looks_like_name(n)]
            if names:
                return names
    return []
