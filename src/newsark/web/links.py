"""Recognise capture URLs and links to stories of the archive.

A capture URL is ``https://web.archive.org/web/<14-digit timestamp>[flags]/<original>``.
A link to a story is any URL whose original (after unwrapping a capture) is
``<site>/article/<id>[/slug]`` for a site the archive holds.
"""

from __future__ import annotations

import datetime as _dt
import re
from urllib.parse import urlsplit

# web.archive.org/web/20210703163830im_/https://… ; the flags (im_, if_, id_…) are optional.
_CAPTURE_RE = re.compile(
    r"^https?://(?:web\.)?archive\.org/web/(?P<ts>\d{4,14})(?:[a-z]{2}_)?/(?P<original>.+)$",
    re.IGNORECASE,
)
_ARTICLE_PATH_RE = re.compile(r"^/article/(?P<id>\d{1,12})(?:/|$)")


def unwrap_capture(url: str) -> tuple[str, str | None]:
    """Return (original URL, capture timestamp or None) for a capture URL or a plain URL."""
    m = _CAPTURE_RE.match(url.strip())
    if not m:
        return url, None
    original = m.group("original")
    if original.startswith("//"):
        original = "https:" + original
    elif not re.match(r"^[a-z][a-z0-9+.-]*:", original, re.IGNORECASE):
        original = "http://" + original
    return original, m.group("ts")


def capture_time(url: str | None) -> _dt.datetime | None:
    """The capture time encoded in a capture URL's timestamp (UTC), if it has a full one."""
    if not url:
        return None
    _, ts = unwrap_capture(url)
    if ts is None or len(ts) != 14:
        return None
    try:
        return _dt.datetime.strptime(ts, "%Y%m%d%H%M%S").replace(tzinfo=_dt.UTC)
    except ValueError:
        return None


def host_of(url: str) -> str:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")


def article_id_of(url: str, sites: frozenset[str]) -> int | None:
    """The story id a URL points to when its original is ``<site>/article/<id>``."""
    original, _ = unwrap_capture(url)
    if host_of(original) not in sites:
        return None
    try:
        path = urlsplit(original).path
    except ValueError:
        return None
    m = _ARTICLE_PATH_RE.match(path)
    return int(m.group("id")) if m else None
