"""Article metadata: structure first (JSON-LD, Open Graph / article:* meta, <time>, URL),
then the page's text near the title (English and Chinese forms), then nothing.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from .authors import english_authors, join_pieces
from .bylines import looks_like_name, norm_name, plausible_chinese_name, split_byline
from .dates import (
    NOT_PUBLISHED_LABEL_RE,
    PUBLISHED_LABEL_RE,
    UPDATED_LABEL_RE,
    date_from_url,
    find_date,
    find_date_span,
    find_partial_date,
    parse_date,
    same_day_somewhere,
)

_ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|WebPage)$")
_TITLE_SEP_RE = re.compile(r"\s+[|\-–—_:·•»]\s+|\s*[｜|_–—]\s*|\s*-{2,}\s*|\s*::\s*")
_PUB_META = ("article:published_time", "og:published_time", "datepublished", "pubdate",
             "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
             "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
             "created", "publication_date", "release_date", "og:release_date", "cxenseparse:recs:publishtime",
             "weibo: article:create_at", "article:published", "publishtime", "pubtime", "published",
             "date_published", "publication-date", "dc.date.created", "citation_publication_date",
             "citation_date", "prism.publicationdate", "og:article:published_time")
_MOD_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified",
             "dcterms.modified", "article.updated", "lastmod", "modified_time", "updated",
             "article:modified", "dc.date.modified", "og:article:modified_time")
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "sailthru.author",
                "parsely-author", "cxenseparse:author", "twitter:creator")
_BYLINE_CLASS = re.compile(r"(byline|author|writer|reporter|editor-name|article-source|"
                           r"\bsource\b|info|meta|date|time|post-meta|article-info)", re.IGNORECASE)


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


def _htmldate(doc: etree._Element, url: str | None) -> str | None:
    from htmldate import find_date as htmldate_find

    try:
        found = htmldate_find(doc, url=url, extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 - a library failure means "unknown"
        return None
    return parse_date(found) if found else None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\u4e00-\u9fff]|[^\W_]+", text.lower()))


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
    # The headline shown on the page wins over the one written for sharing, when they are
    # about the same thing (a site logo in an <h1> is not).
    visible = _visible_headline(h1s, [t for t in (out.title, title_tag) if t])
    if visible:
        out.title = visible
    if out.title:
        out.title = " ".join(html.unescape(out.title).split())

    # -- dates ----------------------------------------------------------------------
    # The first article object that carries a date (a WebPage node may come first).
    ld_dated = next((o for o in lds if o.get("datePublished") or o.get("dateCreated")), ld)
    out.date = parse_date(ld_dated.get("datePublished") or ld_dated.get("dateCreated")) or parse_date(
        _first(meta, _PUB_META))
    out.last_updated = parse_date(ld_dated.get("dateModified")) or parse_date(_first(meta, _MOD_META))
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
    lines = page_lines(doc)
    zone = header_zone(lines, out.title or (title_tag if title_tag else None), body_text)
    text_pub, text_upd = dates_in_zone(zone)
    if not text_pub:
        ti = _find(lines, out.title) if out.title else None
        if ti is not None:
            text_pub = dates_in_zone(lines[max(0, ti - 6) : ti + 12])[0]
    if not text_pub and not out.date:
        text_pub = labelled_date_after_body(lines, body_text)
    chinese = bool(re.search(r"[\u4e00-\u9fff]", (out.title or "") + (body_text or "")[:200]))
    if (text_pub and out.date and out.date[:10] != text_pub[:10]
            and not same_day_somewhere(out.date, text_pub)):
        # The date under the headline and the structured one disagree (on the WCXB dev
        # pages each is right half the time). A shown date earlier than the structured one
        # is the original publication (a CMS migration re-stamps metadata; a later shown
        # date is mostly an update); otherwise htmldate's reading of the markup breaks the
        # tie on non-Chinese pages (right 42 of 67 times instead of 33).
        vote = None if chinese or text_pub[:10] < out.date[:10] else _htmldate(doc, url)
        if text_pub[:10] < out.date[:10] or not (vote and vote[:10] == out.date[:10]):
            out.date = text_pub
    elif text_pub and not out.date:
        out.date = text_pub
    if not out.date:
        out.date = partial_date_near_body(zone, body_text)
    if not out.date and not chinese:
        # Last resort, markup only (no extensive text search): htmldate, which on Chinese
        # pages gives confident wrong dates, so not there.
        out.date = _htmldate(doc, url)
    if not out.last_updated:
        out.last_updated = text_upd
    if out.last_updated and out.date and out.last_updated[:16] == out.date[:16]:
        out.last_updated = None

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
        not_names = {norm_name(t) for t in topics if isinstance(t, str)} - {""}
        pieces = english_authors(doc, lds, ld_nodes, meta_values, lines, zone, site_words, found, not_names)
        out.bylines = [("撰文", n) for _, n in pieces]
        out.author = join_pieces(pieces) or None
    if out.bylines and not out.author:
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
    if not names:
        desc = _first(meta, ("description", "og:description"))
        names = bylines_in_page(doc, lines, zone, body_text, [desc] if desc else None)
    names = [(r, n) for r, n in names if looks_like_name(n) and norm_name(n) not in site_words]
    # The site itself as author (a company blog) only when no person is named anywhere.
    return names or structured


def page_lines(doc: etree._Element) -> list[str]:
    """Every non-empty text node of the body, in document order."""
    body = doc.find(".//body")
    if body is None:
        return []
    lines: list[str] = []
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in (
            "script", "style", "noscript", "select", "option", "title", "meta", "head"
        ):
            if el.tail and el.tail.strip():
                lines.append(" ".join(el.tail.split()))
            continue
        for piece in (el.text, el.tail):
            if piece and piece.strip():
                lines.append(" ".join(piece.split()))
    return lines


def _find(lines: list[str], probe: str, before: int | None = None) -> int | None:
    """Index of the line holding ``probe``'s start; the last one before ``before``."""
    probe = "".join(probe.split())[:12]
    if len(probe) < 4:
        return None
    found = None
    for i, line in enumerate(lines[:before]):
        if probe in "".join(line.split()):
            found = i
            if before is None:
                break
    return found


def header_zone(lines: list[str], title: str | None, body_text: str | None) -> list[str]:
    """Lines between the title and the first lines of the body (bylines and dates sit there)."""
    first = next((ln for ln in (body_text or "").split("\n") if len(ln.strip()) >= 6), "")
    bi = _find(lines, first) if first else None
    ti = _find(lines, title, bi) if title else None
    if ti is None and title:
        ti = _find(lines, title)
    if ti is not None and bi is not None and ti < bi <= ti + 80:
        return lines[ti + 1 : bi + 2]
    if ti is not None:
        return lines[ti + 1 : ti + 25]
    if bi is not None:
        return lines[max(0, bi - 20) : bi + 2]
    return []


def dates_in_zone(zone: list[str]) -> tuple[str | None, str | None]:
    """(published, updated) written near the title; a label decides which is which, and a
    date labelled as the publication date wins over an unlabelled one."""
    pub: str | None = None
    labelled: str | None = None
    upd: str | None = None
    prev = ""
    for line in zone:
        if len(line) > 160:
            prev = ""
            continue
        span = find_date_span(line)
        if span:
            start, _, d = span
            norm = unicodedata.normalize("NFKC", line)
            head = norm[:start]
            label = head if head.strip() else prev
            if NOT_PUBLISHED_LABEL_RE.search(label.strip()):
                prev = line
                continue
            if UPDATED_LABEL_RE.search(label.strip()):
                upd = upd or d
            else:
                if labelled is None and PUBLISHED_LABEL_RE.search(label.strip()):
                    labelled = d
                if pub is None:
                    pub = d
        prev = line
    return labelled or pub, upd


def partial_date_near_body(zone: list[str], body_text: str | None) -> str | None:
    """'1998年3月号' on a short line of its own under the title or at either end of the
    body, when no full date is anywhere: a year and month is all the page gives."""
    body_lines = [ln.strip() for ln in (body_text or "").split("\n") if ln.strip()]
    for line in [*zone[:12], *body_lines[:2], *body_lines[-3:]]:
        if len(line) <= 40:
            found = find_partial_date(line)
            if found:
                return found
    return None


def labelled_date_after_body(lines: list[str], body_text: str | None) -> str | None:
    """'发表于 2004年12月27日' / 'Posted on ...' just after the body (blogs put it there)."""
    body_lines = [ln for ln in (body_text or "").split("\n") if len(ln.strip()) >= 6]
    if not body_lines:
        return None
    end = _find(lines, body_lines[-1][-12:])
    if end is None:
        return None
    for line in lines[end + 1 : end + 4]:
        d = find_date(line)
        if d and len(line) <= 160:
            head = re.split(r"\d{4}", line, maxsplit=1)[0]
            if PUBLISHED_LABEL_RE.search(head.strip()):
                return d
    return None


_CJK_NAMES = r"[\u4e00-\u9fff·]{2,4}(?:[ \u3000、，,和及与與]+[\u4e00-\u9fff·]{2,4}){0,5}"
_END = r"(?=[\s)）】\]/／|｜,，。;；]|$|报道|報導|综合|綜合)"
_BYLINE_PATTERNS = [
    re.compile(r"(特約記者|實習記者|记者|記者|作者|撰文|文字|文[/／:：]|攝影|摄影|圖[/／:：]|图[/／:：])"
               r"\s*[:：/／]?\s*(" + _CJK_NAMES + ")" + _END),
    # wire dateline: 中央社記者邱俊欽桃園19日電
    re.compile(r"(?:記者|记者)\s*([\u4e00-\u9fff]{3})\s*[\u4e00-\u9fff]{2,4}\d{1,2}日[電电]"),
    re.compile(r"[（(【]\s*(" + _CJK_NAMES + r")\s*[/／]\s*[\u4e00-\u9fff]{0,4}(?:报道|報導|摄|攝)"),
    re.compile(r"(?:^|\s)(" + _CJK_NAMES + r")\s*[/／]\s*(?:摄|攝)(?:影)?\s*$"),
    re.compile(r"(?:^|\s)([\w\u4e00-\u9fff]{2,20})\s*(?:发表于|發表於)"),
    re.compile(r"(?:作者|撰文)\s*[:：]\s*([^\s:：,，|｜]{2,30}(?: [^\s:：,，|｜]{2,10}){0,4})\s*$"),
    re.compile(r"^(?:By|BY|by)\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*)"),
]
_EDITOR_RE = re.compile(r"(?:责任编辑|責任編輯|编辑|編輯)\s*[:：]\s*(" + _CJK_NAMES + ")" + _END)


def bylines_in_text(lines: list[str]) -> list[tuple[str, str]]:
    for line in lines:
        if len(line) > 200:
            line = line[:80] + " " + line[-80:]
        for i, pat in enumerate(_BYLINE_PATTERNS):
            m = pat.search(line)
            if not m:
                continue
            text = m.group(0) if i == 0 else m.group(1)
            names = [(r, n) for r, n in split_byline(text) if looks_like_name(n)]
            if i <= 3:  # names found in running text must look like personal names
                names = [(r, n) for r, n in names if plausible_chinese_name(n)]
            if names:
                return names
    return []


def bylines_in_page(
    doc: etree._Element, lines: list[str], zone: list[str], body_text: str | None,
    lead: list[str] | None = None,
) -> list[tuple[str, str]]:
    """Bylines from author/byline elements, then '記者 XXX' text near the title or at the
    start or end of the body, then (last resort) the editor."""
    for el in doc.xpath(
        '//*[@rel="author" or @itemprop="author" or contains(@class,"author") or '
        'contains(@class,"byline") or contains(@class,"reporter") or contains(@id,"author")]'
    )[:8]:
        if any("comment" in f"{a.get('class') or ''} {a.get('id') or ''}".lower()
               for a in (el, *el.iterancestors())):
            continue  # a commenter is not the author
        t = _text(el)
        if 2 <= len(t) <= 40:
            names = split_byline(t)
            if names and all(looks_like_name(n) for _, n in names):
                return names
    body_lines = [ln for ln in (body_text or "").split("\n") if ln.strip()]
    found = bylines_in_text(zone + body_lines[:3] + body_lines[-4:] + (lead or []))
    if found:
        return found
    for line in zone + body_lines[-6:]:
        m = _EDITOR_RE.search(line)
        if m:
            return [("編輯", n) for _, n in split_byline(m.group(1)) if looks_like_name(n)]
    return []
