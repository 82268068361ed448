"""A post's tags and category from its ``rel="tag"`` links.

WordPress, and themes copied from it, mark a post's tag links ``rel="tag"`` and its
category links ``rel="category tag"`` (the rel-tag microformat): 'Tags: <a rel="tag">Home
Assistant</a>, <a rel="tag">ESPHome</a>'. The same marks are on a sidebar's tag cloud, a
"related posts" grid's tags and the categories widget; only the first group of such links
outside those, the post's own, is read.
"""

from __future__ import annotations

import re

from lxml import etree

from .category import is_section
from .nodetext import ancestors_in_body, flat_text

MAX_TAGS = 15
MAX_LINKS = 300  # rel-tag links read on a page (a tag archive may list thousands)
_REL_TAG = etree.XPath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]")
# Where the marks are not the post's: widgets, clouds, related posts, menus, the site's footer.
_ELSEWHERE_RE = re.compile(
    r"widget|sidebar|cloud|related|recommend|popular|trending|menu|card|teaser|archive|more-|"
    r"search|popup|modal|site-footer|colophon|footer-widgets", re.IGNORECASE)
_GROUPING = frozenset({"li", "a", "strong", "b", "em", "i", "small"})  # (a list item's list holds the group)


def writes_rel_tags(html: str) -> bool:
    """Whether the page's source can hold such links, as WordPress writes them or with
    single quotes (C-level looks, about 0.2 ms a page, spare the search of the tree on 6
    dev pages in 7; also looking for a 'tag' last among several rel values took 0.4 ms
    and found no more)."""
    return 'rel="tag' in html or "category tag" in html or "rel='tag" in html


def rel_tags(doc: etree._Element) -> tuple[list[str], str | None]:
    """(the post's tags, its first category) from its first group of rel-tag links."""
    tags: dict[str, None] = {}
    category: str | None = None
    tag_group = None
    for a in _REL_TAG(doc)[:MAX_LINKS]:
        if elsewhere(a):
            continue
        text = flat_text(a)
        if not is_section(text):  # (the rules of a section name: not 'Uncategorized', no URL …)
            continue
        if "category" in (a.get("rel") or "").split():
            category = category or text
            continue
        group = _group(a)
        if tag_group is None or group is tag_group:
            tag_group = group
            tags[text] = None
    return list(tags)[:MAX_TAGS], category


def elsewhere(a: etree._Element) -> bool:
    """Whether an element is, or sits in, what is not the story's: an aside, a nav, a
    widget, a cloud, related stories, a menu, the site's footer."""
    for el in (a, *ancestors_in_body(a)):
        if el.tag in ("aside", "nav"):
            return True
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if marks.strip() and _ELSEWHERE_RE.search(marks):
            return True
    return False


def _group(a: etree._Element) -> etree._Element | None:
    """The element holding the link's group: its nearest ancestor that is not a list item
    or formatting."""
    for el in a.iterancestors():
        if el.tag not in _GROUPING:
            return el
    return None
