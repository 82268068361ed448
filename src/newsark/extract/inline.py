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

from .choose import page_blocks

_BLOCKS = ("p", "li", "h2", "h3", "h4", "blockquote", "dd", "td")
# What a page's block may hold besides text, links and formatting that the body's block
# did not: none of it is taken into the body this way.
_FOREIGN = ("img", "picture", "svg", "iframe", "video", "audio", "script", "style", "button", "input",
            "select", "textarea", "form", "object", "embed", "noscript", "table", "ul", "ol")


def _squeezed(el: etree._Element) -> str:
    return "".join("".join(el.itertext()).split())


def _links(el: etree._Element) -> int:
    return sum(1 for a in el.iter("a") if not (a.get("href") or "#").strip().startswith(("#", "javascript:")))


def restore_links(body: etree._Element, doc: etree._Element) -> int:
    """Give each block of ``body`` that lost its links the page's content of that block.
    Returns how many blocks were given back."""
    wanting = [el for el in body.iter(_BLOCKS) if el.find(".//a") is None]
    if not wanting:
        return 0
    by_text: dict[str, list[etree._Element]] = {}
    for el, _, key in page_blocks(doc):
        if el.tag in _BLOCKS:
            by_text.setdefault(key, []).append(el)
    restored = 0
    for el in wanting:
        text = _squeezed(el)
        if not text:
            continue
        same = [p for p in by_text.get(text[:60], ()) if p.tag == el.tag and _squeezed(p) == text]
        if len(same) != 1 or not _links(same[0]) or next(same[0].iter(_FOREIGN), None) is not None:
            continue  # none, or several such blocks (which one?), or one with more than text in it
        page = same[0]
        for child in list(el):
            el.remove(child)
        el.text = page.text
        for child in page:
            if isinstance(child.tag, str):
                kid = copy.deepcopy(child)
                el.append(kid)
            elif child.tail:  # a comment between pieces of text: its tail is text
                if len(el):
                    el[-1].tail = (el[-1].tail or "") + child.tail
                else:
                    el.text = (el.text or "") + child.tail
        restored += 1
    return restored
