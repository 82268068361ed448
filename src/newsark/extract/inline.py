"""A body paragraph's links, given back from the same paragraph of the page.

Trafilatura's fallbacks (and at times readability) give a paragraph's text without its
links: '… invest in specific sectors or types of stocks …', where the page links 'specific
sectors' to its guide. A link is the article's citation; the archive keeps it. A body
block holding no link, whose text is exactly the text of one block of the page of the
same kind that holds links (and nothing but text, links and formatting), takes that
block's content.
"""

from __future__ import annotations

import copy

from lxml import etree

from .choose import block_key, page_blocks
from .links import goes_nowhere
from .nodetext import squeezed_text

_BLOCKS = ("p", "li", "h2", "h3", "h4", "blockquote", "dd", "td")
# What a page's block may hold besides text, links and formatting that the body's block
# did not: none of it is taken into the body this way.
_FOREIGN = ("img", "picture", "svg", "iframe", "video", "audio", "script", "style", "button", "input",
            "select", "textarea", "form", "object", "embed", "noscript", "table", "ul", "ol")


def _links(el: etree._Element) -> int:
    return sum(1 for a in el.iter("a") if not goes_nowhere(a.get("href") or "#"))


def restore_links(body: etree._Element, doc: etree._Element, text: str | None = None) -> int:
    """Give each block of ``body`` that lost its links the page's content of that block
    (``text``: the body's text without white space, when known). Returns how many blocks
    were given back."""
    linked = [(el, key) for el, _, key in page_blocks(doc)
              if el.tag in _BLOCKS and el.find(".//a[@href]") is not None]
    if not linked:
        return 0
    # Most bodies lost no link: those whose text holds a linked block of the page hold its
    # links too (one pass over the body's text, then a search per linked block).
    text = squeezed_text(body) if text is None else text
    hrefs = {(a.get("href") or "").strip() for a in body.iter("a")}
    if all(key not in text or all((a.get("href") or "").strip() in hrefs for a in el.iter("a"))
           for el, key in linked):
        return 0
    keys = {key for _, key in linked}
    restored = 0
    for el in body.iter(_BLOCKS):
        if el.find(".//a") is not None:
            continue
        key = block_key(el)
        if key not in keys:  # (most blocks: read no further)
            continue
        own = squeezed_text(el)
        same = [p for p, _, k in page_blocks(doc) if k == key and p.tag == el.tag and squeezed_text(p) == own]
        if len(same) != 1 or not _links(same[0]) or next(same[0].iter(_FOREIGN), None) is not None:
            continue  # none, or several such blocks (which one?), or one with more than text in it
        _take_content(el, same[0])
        restored += 1
    return restored


def _take_content(el: etree._Element, page: etree._Element) -> None:
    """Give ``el`` a copy of the page block's text and inline elements."""
    for child in list(el):
        el.remove(child)
    el.text = page.text
    for child in page:
        if isinstance(child.tag, str):
            el.append(copy.deepcopy(child))
        elif child.tail:  # a comment between pieces of text: its tail is text
            if len(el):
                el[-1].tail = (el[-1].tail or "") + child.tail
            else:
                el.text = (el.text or "") + child.tail
