"""Embedded video and posts: Hugo ``{{< video src="..." >}}`` shortcodes, as in the corpus.

The body extractors drop iframes, so embeds are found in the original page and put back
after the body paragraph that precedes them there.
"""

from __future__ import annotations

import re

from lxml import etree

from .links import LinkMapper
from .markdown import flat_text, video_shortcode

_VIDEO_RE = re.compile(
    r"(youtube\.com/embed|youtube-nocookie\.com/embed|player\.vimeo\.com|facebook\.com/plugins/"
    r"(video|post)\.php|dailymotion\.com/embed|player\.youku\.com|player\.bilibili\.com|"
    r"v\.qq\.com/txp/iframe|twitter\.com/.*/status|instagram\.com/p/)",
    re.IGNORECASE,
)


def _previous_text(el: etree._Element) -> str:
    """The nearest non-empty text before an element in document order."""
    node: etree._Element | None = el
    while node is not None:
        prev = node.getprevious()
        while prev is not None:
            text = flat_text(prev) if isinstance(prev.tag, str) else ""
            if len(text) >= 6:
                return text
            prev = prev.getprevious()
        parent = node.getparent()
        if parent is not None and parent.text and len(parent.text.strip()) >= 6:
            return " ".join(parent.text.split())  # text that opens the parent comes first
        node = parent
    return ""


_OUTSIDE_RE = re.compile(r"(footer|sidebar|related|nav|comment|advert|promo)", re.IGNORECASE)


def _outside_article(el: etree._Element) -> bool:
    for a in el.iterancestors():
        if a.tag in ("footer", "nav", "aside", "header"):
            return True
        if _OUTSIDE_RE.search(f"{a.get('class') or ''} {a.get('id') or ''}"):
            return True
    return False


def insert_embeds(markdown: str, doc: etree._Element, links: LinkMapper) -> str:
    """Put the page's video embeds back into the body Markdown, after their paragraph."""
    blocks = markdown.split("\n\n") if markdown else []
    flat = ["".join(b.split()) for b in blocks]
    added: set[str] = set()
    for frame in doc.iter("iframe", "embed"):
        raw = frame.get("src") or frame.get("data-src") or ""
        if not raw or not _VIDEO_RE.search(raw) or _outside_article(frame):
            continue
        src = links(raw, frame=True)
        if src in added or src in markdown:
            continue
        anchor = "".join(_previous_text(frame).split())[-20:]
        at = next((i for i in range(len(flat)) if anchor and anchor in flat[i]), None)
        if at is None:
            continue  # not next to the article's text: a sidebar or footer embed
        added.add(src)
        blocks.insert(at + 1, video_shortcode(src))
        flat.insert(at + 1, "")
    return "\n\n".join(blocks)
