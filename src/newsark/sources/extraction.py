"""From a stored response to an Article in the archive format.

Uses ``newsark.extract.extract_page`` when that module provides it; until then (or if it
fails on a page) a generic extraction: title, dates, author, section and tags from meta
tags, the body via trafilatura with figures. Either way links and images point at capture
URLs (``<base>/web/<ts>/<url>``, images ``<ts>im_``), as in the corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import lxml.html

from newsark.archive.article import Article, make_article, strip_title_heading
from newsark.extract.links import goes_nowhere
from newsark.sources.decode import decompress, to_text
from newsark.sources.validate import check_html
from newsark.sources.warcstore import WarcResponse

MIN_BODY_CHARS = 40
IA = "https://web.archive.org"
_OFFSET_RE = re.compile(r"(?:[+-]\d\d:\d\d|Z)$")
_IMG_MD = re.compile(r"^!\[([^\]]*)\]\((\S+?)(?:\s+\"[^\"]*\")?\)\s*$", re.MULTILINE)


@dataclass
class Extracted:
    article: Article | None
    reason: str | None          # why not an article (None when article is set)
    charset: str
    soft: bool = False          # the reason is a soft one (missing </html>): last resort


def extract_response(resp: WarcResponse, *, capture_url: str, public_base: str,
                     template: Any = None) -> Extracted:
    """``template``: a ``newsark.extract.SiteProfile`` learned from the site, or None."""
    data = decompress(resp.payload, resp.header("Content-Encoding") or "")
    ctype = resp.header("Content-Type")
    html, charset = to_text(data, ctype)
    reason = check_html(html)
    soft = reason == "truncated_html"
    if reason and not soft:
        return Extracted(None, reason, charset)
    module = _extract_with_module(data, resp, capture_url, ctype, template)
    if module is not None:
        article, why_not, charset = module
        if article is None:
            return Extracted(None, why_not or "not_article", charset)
        if why_not is not None:
            # Short or list-like text at an article URL (a poem, a photo story): kept, but
            # only when no capture of the story extracts as a plain article.
            return Extracted(article, why_not, charset, soft=True)
    else:
        article = generic_article(html, url=resp.url, ts=resp.ts, capture_url=capture_url,
                                  public_base=public_base)
    if article is None:
        return Extracted(None, "no_content", charset)
    if soft:
        return Extracted(article, reason, charset, soft=True)
    return Extracted(article, None, charset)


def _extract_with_module(data: bytes, resp: WarcResponse, capture_url: str, ctype: str | None,
                         template: Any) -> tuple[Article | None, str | None, str] | None:
    """newsark.extract's answer (article or why not), or None when it is unavailable."""
    try:
        from newsark.extract import extract_page
    except ImportError:
        return None
    # extract_page maps links to web.archive.org capture URLs; for another Wayback server
    # (a mirror, a local pywb) the same URLs are moved onto that server afterwards.
    base = capture_url.split("/web/", 1)[0] if "/web/" in capture_url else IA
    ia_capture = IA + capture_url[len(base):] if base != IA else capture_url
    try:
        ext: Any = extract_page(data, url=resp.url, http_content_type=ctype,
                                capture_url=ia_capture, profile=template)
    except ValueError as exc:  # empty / unparseable page
        return None, f"unparseable: {exc}", "utf-8"
    charset = str(getattr(ext, "charset", "utf-8"))
    if not ext.is_article and not (ext.title and ext.text.strip()):
        return None, "not_article", charset
    art = ext.to_article(url=capture_url, original_url=resp.url)
    if not isinstance(art, Article) or not art.title:
        return None, "no_title", charset
    if base != IA:
        art.body = art.body.replace(f"{IA}/web/", f"{base}/web/")
    # The archive format: date as YYYY-MM-DD, last_updated as "YYYY-MM-DD HH:MM:SS". What
    # that leaves out of the page's own stamps (the time of publication, the zone of
    # either) is kept beside them, in keys of newsark's own.
    for key, stamp in (("published_at", ext.date), ("updated_at", ext.last_updated)):
        if stamp and "T" in stamp and (key == "published_at" or _OFFSET_RE.search(stamp)):
            art.meta[key] = stamp
    if art.meta.get("date"):
        art.meta["date"] = _date(str(art.meta["date"])) or art.meta["date"]
    if art.meta.get("last_updated"):
        art.meta["last_updated"] = _datetime(str(art.meta["last_updated"])) or art.meta["last_updated"]
    return art, (None if ext.is_article else "not_article"), charset


def _meta(doc: Any, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            vals = doc.xpath(f'//meta[@{attr}="{name}"]/@content')
            for v in vals:
                if v and v.strip():
                    return " ".join(v.split())
    return None


def _metas(doc: Any, name: str) -> list[str]:
    out: list[str] = []
    for attr in ("property", "name"):
        for v in doc.xpath(f'//meta[@{attr}="{name}"]/@content'):
            v = " ".join(v.split())
            if v and v not in out:
                out.append(v)
    return out


def _date(value: str | None) -> str | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    return "-".join(m.groups()) if m else None


def _datetime(value: str | None) -> str | None:
    m = re.match(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)", value or "")
    if not m:
        return None
    t = m.group(2) if len(m.group(2)) == 8 else m.group(2) + ":00"
    return f"{m.group(1)} {t}"


def rewrite_links(doc: Any, url: str, ts: str, public_base: str) -> None:
    """Point links and images at capture URLs (images with ``im_``)."""
    for el in doc.iter("img"):
        src = el.get("data-src") or el.get("src")
        if src and not src.startswith("data:"):
            el.set("src", f"{public_base}/web/{ts}im_/{urljoin(url, src.strip())}")
    for el in doc.iter("a"):
        href = el.get("href")
        if href and not goes_nowhere(href) and not href.lower().startswith("mailto:"):
            el.set("href", f"{public_base}/web/{ts}/{urljoin(url, href.strip())}")


def generic_article(html: str, *, url: str, ts: str, capture_url: str,
                    public_base: str) -> Article | None:
    import trafilatura

    try:
        doc = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    title = _meta(doc, "og:title", "twitter:title")
    if not title:
        h1 = doc.xpath("//h1")
        title = " ".join(h1[0].text_content().split()) if h1 else None
    if not title:
        t = doc.xpath("//title")
        title = " ".join(t[0].text_content().split()) if t else None
    published = _meta(doc, "article:published_time", "datePublished", "pubdate", "publishdate")
    modified = _meta(doc, "article:modified_time", "dateModified", "og:updated_time")
    date = _date(published)
    if date is None:
        from htmldate import find_date

        try:
            date = find_date(html, url=url, original_date=True)
        except Exception:  # noqa: BLE001 - htmldate raises assorted errors on odd pages
            date = None
    author = _meta(doc, "author", "article:author", "dc.creator")
    if author and author.startswith("http"):
        author = None
    category = _meta(doc, "article:section")
    tags = _metas(doc, "article:tag")
    rewrite_links(doc, url, ts, public_base)
    rewritten = lxml.html.tostring(doc, encoding="unicode")
    body = trafilatura.extract(
        rewritten, url=url, output_format="markdown", include_images=True,
        include_links=False, include_comments=False, include_tables=True, favor_precision=True,
    )
    if not body or len(re.sub(r"\s|!\[[^\]]*\]\([^)]*\)", "", body)) < MIN_BODY_CHARS or not title:
        return None
    body = strip_title_heading(body, title)
    body = _IMG_MD.sub(lambda m: f'<figure>\n<img src="{m.group(2)}" alt="{m.group(1)}">\n</figure>\n', body)
    return make_article(
        title=title, body_markdown=body, date=date, last_updated=_datetime(modified),
        author=author, category=category, tags=tags or None, url=capture_url, original_url=url,
    )
