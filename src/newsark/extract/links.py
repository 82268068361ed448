"""Where a page's links point: the page's own address and base, and the mapping of every
link and picture to an absolute URL (a capture URL when the page came from the Wayback
Machine, as in the corpus).

Relative links resolve as a browser resolves them: against the page's ``<base href>``
when it has one (itself resolved against the page's address), else against the page's
address. A page read without its address (``newsark extract page.html``) takes the
address it states itself: its canonical link or ``og:url``.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

_WAYBACK_RE = re.compile(
    r"^(?:https?:)?//web\.archive\.org/web/(\d{1,14})(?:[a-z]{2}_)?/(.+)$", re.IGNORECASE
)
_LOCAL_CAPTURE_RE = re.compile(r"^/web/\d{1,14}(?:[a-z]{2}_)?/(.+)$")
_HTTP_RE = re.compile(r"^https?://", re.IGNORECASE)
# Both are read from the page's <head> only (where the parser puts them; a walk of the
# whole page would cost 0.2 ms a page).
_OWN_URL = etree.XPath(
    '(.//link[@href][contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href'
    ' | .//meta[@property="og:url" or @name="og:url"]/@content)'
)
_BASE_HREF = etree.XPath(".//base[@href][1]/@href")


def goes_nowhere(href: str) -> bool:
    """Whether a link leads to no other page: a place on this one ('#top') or a script. A
    URL's scheme is read in any case, as a browser reads it ('Javascript:history.back()')."""
    href = href.lstrip()
    return href.startswith("#") or href[:11].lower() == "javascript:"


def original_url(href: str) -> str:
    """A capture URL's original (``https://web.archive.org/web/2020…/https://x.org/a``,
    or the archive's own ``/web/2020…/https://x.org/a``); any other URL as it is."""
    m = _WAYBACK_RE.match(href)
    if m:
        return m.group(2)
    m2 = _LOCAL_CAPTURE_RE.match(href)
    return m2.group(1) if m2 else href


def capture_parts(url: str) -> tuple[str, str] | None:
    """(timestamp, original URL) of a Wayback capture URL; None for any other URL."""
    m = _WAYBACK_RE.match(url)
    return (m.group(1), m.group(2)) if m else None


def stated_urls(doc: etree._Element) -> list[str]:
    """The addresses the page gives itself in its head (canonical links, og:url), as written."""
    head = doc.find("head")
    return [str(value).strip() for value in _OWN_URL(head)] if head is not None else []


def own_url(doc: etree._Element) -> str | None:
    """The absolute http(s) address the page gives itself (canonical link, then og:url),
    capture URLs read as their original; None when it gives none."""
    for value in stated_urls(doc):
        url = original_url(value)
        if _HTTP_RE.match(url):
            return url
    return None


def base_href(doc: etree._Element) -> str | None:
    """The page's ``<base href>`` as written (the first one, as browsers take it)."""
    head = doc.find("head")
    found = _BASE_HREF(head) if head is not None else []
    value = str(found[0]).strip() if found else ""
    return value or None


class LinkMapper:
    """Make URLs absolute and, for a Wayback capture, point them at capture URLs."""

    def __init__(self, url: str | None, capture_url: str | None, base: str | None = None) -> None:
        """``url``: the page's address; ``capture_url``: where the archive served it;
        ``base``: the page's ``<base href>``, which relative links resolve against."""
        self.timestamp: str | None = None
        address = url
        if capture_url:
            m = _WAYBACK_RE.match(capture_url)
            if m:
                self.timestamp = m.group(1)
                address = address or m.group(2)
            else:
                address = address or capture_url
        if base:
            joined = urljoin(address, original_url(base)) if address else original_url(base)
            # An unusable base (a bare path with no address to resolve it against) is
            # ignored, as a browser ignores one it cannot resolve.
            if _HTTP_RE.match(joined):
                address = joined
        self.base = address

    def __call__(self, href: str, *, image: bool = False, frame: bool = False) -> str:
        href = href.strip()
        if not href or goes_nowhere(href) or href[:7].lower().startswith(("mailto:", "tel:", "data:")):
            return href
        # already a capture URL (the archive rewrote it): normalise its form
        href = original_url(href)
        if href.startswith(("https://", "http://")) and not href.endswith(("?", "#")):
            absolute = href  # already absolute: urljoin would give it back as written (and cost 1 %)
        else:
            absolute = urljoin(self.base, href) if self.base else href
        if self.timestamp and absolute.startswith(("http://", "https://")):
            flag = "im_" if image else "if_" if frame else ""
            return f"https://web.archive.org/web/{self.timestamp}{flag}/{absolute}"
        return absolute
