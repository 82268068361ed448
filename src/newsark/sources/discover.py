"""Which captured URLs are articles, and which story (article id) each belongs to.

A site profile (a small YAML file) says it explicitly::

    site: example-news.com
    article_path: '^/article/(?P<id>\\d+)(?:/[^/]*)?/?$'   # regex on the URL path
    selectors: {title: 'h1.title', body: 'div.article-body'}   # optional, for extraction

Without one, the dominant article URL shape is learned from the listing: the path shape
(literal segments, then a numeric id, then at most a slug) that carries the most distinct
ids. Every URL variant of the same id (http/https, www., other slugs, query strings) folds
into one story.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ASSET_EXT = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|bmp|tiff?|css|js|mjs|json|xml|rss|atom|pdf|zip|gz|"
    r"mp[34]|m4a|webm|mov|avi|woff2?|ttf|eot|otf|txt|csv|docx?|xlsx?|pptx?)$",
    re.IGNORECASE,
)
HTMLISH = ("text/html", "application/xhtml", "warc/revisit")
UNKNOWN_MIME = ("unk", "-", "", "application/octet-stream")
_SEG_ID = re.compile(r"^(\d+)(?:[-_.][^/]*)?$")


@dataclass
class SiteProfile:
    article_path: re.Pattern[str]
    selectors: dict[str, str] = field(default_factory=dict)
    source: str = "learned"      # 'learned' or the profile file
    ids_seen: int = 0

    def story_id(self, url: str) -> int | None:
        m = self.article_path.search(urlsplit(url).path or "/")
        if not m:
            return None
        try:
            return int(m.group("id"))
        except (IndexError, ValueError):
            return None

    def describe(self) -> str:
        return f"{self.article_path.pattern} ({self.source})"


def load_profile(path: str | Path) -> SiteProfile:
    """Read a profile file; a bad file is a clear error naming what is wrong."""
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"cannot read site profile {p}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("article_path"), str):
        raise ValueError(  # noqa: TRY004 - a bad file is a value error for the user
            f"site profile {p} needs an 'article_path' regex with a (?P<id>...) group")
    try:
        pattern = re.compile(data["article_path"])
    except re.error as exc:
        raise ValueError(f"site profile {p}: bad article_path regex: {exc}") from exc
    if "id" not in pattern.groupindex:
        raise ValueError(f"site profile {p}: article_path has no (?P<id>...) group")
    selectors = data.get("selectors") or {}
    if not isinstance(selectors, dict):
        raise ValueError(f"site profile {p}: 'selectors' must be a mapping")  # noqa: TRY004
    return SiteProfile(pattern, {str(k): str(v) for k, v in selectors.items()}, str(p))


def is_candidate(url: str, mimetype: str, hosts: set[str]) -> bool:
    """An HTML-ish capture of the site itself (not an asset, not another host)."""
    parts = urlsplit(url)
    if (parts.hostname or "") not in hosts:
        return False
    if ASSET_EXT.search(parts.path):
        return False
    mt = mimetype.lower().strip()
    return mt in UNKNOWN_MIME or mt.startswith(HTMLISH)


def learn_shape(urls: Iterable[str], min_ids: int = 3) -> SiteProfile | None:
    """The path shape carrying the most distinct numeric ids, or None if there is none."""
    ids: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for url in urls:
        segs = [s for s in (urlsplit(url).path or "/").split("/") if s]
        for i, seg in enumerate(segs[:5]):
            m = _SEG_ID.match(seg)
            if not m or len(segs) - i - 1 > 1:
                continue
            prefix = tuple("#" if s.isdigit() else s for s in segs[:i])
            ids[prefix].add(m.group(1))
    if not ids:
        return None
    prefix, seen = max(ids.items(), key=lambda kv: (len(kv[1]), -len(kv[0]), kv[0]))
    if len(seen) < min_ids:
        return None
    parts = [r"\d+" if s == "#" else re.escape(s) for s in prefix]
    lead = "^/" + "".join(p + "/" for p in parts)
    pattern = re.compile(lead + r"(?P<id>\d+)(?:[-_.][^/]*)?(?:/[^/]*)?/?$")
    return SiteProfile(pattern, source="learned", ids_seen=len(seen))


def fold(urls: Iterable[str], profile: SiteProfile) -> dict[str, int | None]:
    """Map each URL to its story id (None for non-article URLs)."""
    return {u: profile.story_id(u) for u in urls}
