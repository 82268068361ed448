"""Tooltips left out: the bubble a page shows while the pointer rests on a term or an icon.

A glossary term ('search engine') or an info icon beside a price carries its explanation
in the page, in an element drawn only on hover: ``role="tooltip"``, or a class that names
the bubble ('Term_tooltipBubble', 'tooltip-content', 'tooltiptext'). A person's name may
carry a card the same way (a rollover, hover card or popover: The Hill's
'rollover-people-block', their picture and three headlines about them). A reader of the
article does not read it in the flow; the extractors do, in the middle of a sentence or
as a paragraph of its own. Each such bubble goes before any extractor sees the page.

Not dropped: the element a bubble is attached to (its trigger, often classed "tooltip"
too: 'LWTooltip-root', a link 'tooltip216221' whose title holds the text), anything of
a footnote (a footnote plugin shows a note only as a bubble: its text is the writer's),
and a large element (an article in a container oddly named).
"""

from __future__ import annotations

import re

from lxml import etree

from .candidates import drop_keeping_tail

# What follows "tooltip" (or a card's name) in the class of the bubble itself, after one
# word at most ('rollover-people-block'); not in a trigger's ('tooltip-trigger',
# 'has-tooltip', 'rollover-people-link').
_BUBBLE_NAMES = ("text", "content", "bubble", "body", "inner", "popup", "panel", "box", "block")
# How the page names a bubble, without its first letter (written capitalised too:
# 'Term_tooltipBubble', 'Popover-body'); 'hover-card' and 'HoverCard' have their own.
_KINDS = ("ooltip", "ollover", "overcard", "over-card", "overCard", "opover")
_BUBBLE_RE = re.compile(rf"(?:tooltip|rollover|hover-?card|popover)[-_]{{0,2}}(?:[a-z]+[-_])?"
                        rf"(?:{'|'.join(_BUBBLE_NAMES)})", re.IGNORECASE)
# The same in the page's text: one of _KINDS, then a bubble's name in lower case or
# capitalised ('tooltip-content', 'Term_tooltipBubble'); see _writes_bubble for why no IGNORECASE.
_WRITTEN_BUBBLE_RE = re.compile(rf"(?:{'|'.join(_KINDS)})[-_]{{0,2}}(?:[a-z]+[-_])?"
                                rf"(?:{'|'.join(f'[{n[0]}{n[0].upper()}]{n[1:]}' for n in _BUBBLE_NAMES)})")
# (tested on the attribute nodes, each read once: half the time of testing every element)
_CANDIDATES = etree.XPath(
    f"//@role[.='tooltip']/.. | //@class[{' or '.join(f'contains(., {kind!r})' for kind in _KINDS)}]/..")
_FOOTNOTE_RE = re.compile(r"foot-?note|\bfn\b|mfn", re.IGNORECASE)
MAX_CHARS = 600  # a bubble is a sentence or two; a larger element is no bubble


def drop_tooltips(doc: etree._Element, html: str | None = None) -> int:
    """Drop the page's tooltip bubbles (see the module's docstring), keeping the text after
    each. ``html``, the page's text, spares the search on pages that never name one.
    Returns how many went."""
    if html is not None and not _writes_bubble(html):
        return 0
    gone: set[etree._Element] = set()
    for el in _CANDIDATES(doc):
        if el.tag in ("a", "body", "html") or el.getparent() is None:
            continue
        if gone and any(a in gone for a in el.iterancestors()):
            continue  # inside a bubble dropped already (a card's inner box)
        if el.get("role") != "tooltip" and not _BUBBLE_RE.search(el.get("class") or ""):
            continue  # a trigger, or a list "with tooltips"
        if _of_footnote(el) or len(el.text_content()) > MAX_CHARS:
            continue
        drop_keeping_tail(el)
        gone.add(el)
    return len(gone)


def _writes_bubble(html: str) -> bool:
    """Whether the page's text may hold a bubble: one of _KINDS followed by a bubble's
    class name, or "tooltip" written as an element's role. Most pages that name a tooltip
    do so in their style sheets and scripts only (160 of WCXB's 711 write "tooltip"; 58
    pass this test). The pattern is searched case-sensitively, so the engine skips to the
    characters that open a kind: 0.16 ms a page (0.26 with the role test), where a loop
    of str.find over the six kinds took 0.46."""
    return _WRITTEN_BUBBLE_RE.search(html) is not None or _tooltip_role(html)


def _tooltip_role(html: str) -> bool:
    """Whether "tooltip" is written right after a "role=" (within 4 characters of it)."""
    at = html.find("role=")
    while at != -1:
        if "ooltip" in html[at + 5 : at + 15]:
            return True
        at = html.find("role=", at + 5)
    return False


def _of_footnote(el: etree._Element) -> bool:
    """Whether the bubble is a footnote's (its own names, or its parent's)."""
    parent = el.getparent()
    names = f"{el.get('class') or ''} {el.get('id') or ''} {parent.get('class') or ''}" if parent is not None else ""
    return _FOOTNOTE_RE.search(names) is not None
