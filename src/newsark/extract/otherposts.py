"""Other posts' teasers on a WordPress post's page.

WordPress names a single post's page by its id (``<body class="single postid-3767">``),
and marks every post it shows with its own (``<article class="post-4184 type-post
hentry">``): the page's post, and the teasers of others in a sidebar, a "related posts"
grid, a "read next" list. A teaser of another post is never the article's text, but it
is written like one (a title, an excerpt of prose), and extractors take it when it sits
beside the article or inside its column. They go before any extractor reads the page.

A post of another id that holds much of the page's text is not a teaser: page builders
(Newspaper's tdb templates) wrap the whole article in the template's own post. Nor is one
that holds the page's own post. And a page whose body names its post but marks none
(a theme copied onto another system: 'postid-1' on every page) is left alone.
"""

from __future__ import annotations

import re

from lxml import etree

from .candidates import drop_keeping_tail

_OWN_RE = re.compile(r"\bpostid-(\d+)\b")
_POSTS = etree.XPath(
    "//*[contains(@class, 'type-post') or contains(@class, 'hentry')][contains(@class, 'post-')]")
_MARKED = etree.XPath(".//*[contains(concat(' ', normalize-space(@class), ' '), $name)]")
_TEASER_SHARE = 0.3  # a teaser holds less than this share of the page's text


def drop_other_posts(doc: etree._Element, html: str | None = None) -> int:
    """Drop the teasers of other posts from a WordPress post's page; how many went."""
    if html is not None and ("postid-" not in html or not _several_posts(html)):
        return 0
    body = doc.find("body")
    own = _OWN_RE.search(body.get("class") or "") if body is not None else None
    if body is None or own is None:
        return 0
    page = 0
    dropped = 0
    for el in _POSTS(doc):
        classes = (el.get("class") or "").split()
        if _post_id(classes) in (None, own.group(1)) or not {"type-post", "hentry"} & set(classes):
            continue
        if not page:
            if not _marked(body, own.group(1)):
                return 0  # a theme that names the page's post but marks none: no ids to trust
            page = len(body.text_content())
        if len(el.text_content()) >= _TEASER_SHARE * page or _marked(el, own.group(1)):
            continue
        drop_keeping_tail(el)
        dropped += 1
    return dropped


def _several_posts(html: str) -> bool:
    """Whether the page's markup can mark more than one post (every post WordPress shows
    is classed 'status-publish', most 'hentry' too): a C-level count spares the walk of
    the tree on most posts' pages (of the 289 English dev pages that name a post, 65 pass;
    all 42 with teasers do)."""
    return html.count("status-publish") > 1 or html.count("hentry") > 1


def _post_id(classes: list[str]) -> str | None:
    for name in classes:
        if name.startswith("post-") and name[5:].isdigit():
            return name[5:]
    return None


def _marked(el: etree._Element, post: str) -> bool:
    """Whether an element inside ``el`` is marked as the post ``post``."""
    return bool(_MARKED(el, name=f" post-{post} "))
