"""Defects that can only be flagged: damaged URLs, placeholder bodies, missing metadata."""

from __future__ import annotations

import re

from newsark.archive.article import Article
from newsark.repair.base import Finding

MIN_BODY_CHARS = 300
# Pages the *web archive* (not the site) serves in place of a capture. These are the
# archive's own texts, the same for every site it holds.
ARCHIVE_PLACEHOLDERS = (
    "Internet Archive: Temporarily Offline",
    "Temporarily Offline",
    "Wayback Machine has not archived that URL",
    "Hrm.",
    "Just a moment...",
)
_WS_RE = re.compile(r"\s+")
# A video or post embed (Hugo shortcode), a figure, a Markdown image.
_MEDIA_RE = re.compile(r"\{\{<|<figure|<img |!\[")


def damaged_url(article: Article) -> Finding | None:
    url = article.original_url or ""
    if "%EF%BF%BD" in url.upper() or "\ufffd" in url:
        return Finding("damaged_url", "original_url has U+FFFD where characters were lost")
    return None


def missing_fields(article: Article) -> list[Finding]:
    out = []
    for key in ("date", "category", "author"):
        value = article.meta.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            out.append(Finding(f"missing_{key}", f"no {key} in front matter"))
    if not article.tags:
        out.append(Finding("missing_tags", "no tags in front matter"))
    return out


def plain_length(text: str) -> int:
    return len(_WS_RE.sub("", text))


def placeholder(article: Article, body_text: str) -> Finding | None:
    """Empty bodies and archive outage pages (``placeholder_body``); short bodies of text
    alone (``short_body``: a farewell notice, or a poem: for a person to look at). A short
    body around a video or pictures is a video or photo story (361 and 111 in the corpus),
    not a defect."""
    n = plain_length(body_text)
    if n == 0:
        return Finding("placeholder_body", "empty body")
    for marker in ARCHIVE_PLACEHOLDERS:
        if marker in body_text[:2000] or marker in (article.title or ""):
            return Finding("placeholder_body", f"web archive placeholder page ({marker!r})")
    if n < MIN_BODY_CHARS and not _MEDIA_RE.search(article.body):
        return Finding("short_body", f"body of {n} characters (under {MIN_BODY_CHARS}), text only")
    return None
