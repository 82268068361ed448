"""Restoring blocks the chosen body dropped from the middle of the article.

Trafilatura drops some blocks of the article's own flow: a list whose items are bold
labels and links, a table, a heading its heuristics took for a teaser. A block the body
lacks is put back only when the page places it between two blocks the body kept, as a
sibling of theirs (one parent, the article's flow), and it is not mostly links (a "read
also" box placed in the flow stays out). It goes in before the body's copy of the next
kept sibling, so the article's order holds.
"""

from __future__ import annotations

import copy

from lxml import etree

from .candidates import Candidate, fast_text
from .choose import KEY_CHARS, link_chars
from .trim import MIN_WORDS, _units, find_units

_RESTORE = {"p", "ul", "ol", "table", "blockquote", "h2", "h3", "h4", "dl", "pre"}
MAX_LINKS = 0.5  # a block this much link text is not restored
# Text of these never counts (a <p> holding only a style sheet or a script is no paragraph;
# a heading's "copy link" button is not its text).
_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
                    " or ancestor::button or ancestor::svg or ancestor::template or ancestor::select)]")
_CONTAINERS = {"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr"}
_DROP = ("script", "style", "noscript", "iframe", "form", "button", "svg", "template")


def _key(el: etree._Element) -> tuple[str, str, int, int]:
    """(first characters, last characters, words, characters) of a block's text, white
    space left out."""
    words = "".join(str(t) for t in _TEXT(el)).split()
    joined = "".join(words)
    return joined[:KEY_CHARS], joined[-KEY_CHARS:], len(words), len(joined)


def restore_sandwiched(doc: etree._Element, body: Candidate | None) -> Candidate | None:
    """The body with the blocks it dropped between two kept siblings put back (see the
    module's docstring); the same candidate when there are none."""
    if body is None:
        return None
    have = "".join(body.text.split())
    # Page elements holding a block the body kept, each with the body's first block in it;
    # the parents of those blocks (of their list, for a list item) are the article's flow.
    # (Keyed by the elements themselves, which keeps them alive: lxml gives a node the
    # same Python object only while one exists, so ids of dropped ones would be reused.)
    first: dict[etree._Element, etree._Element] = {}
    parents: dict[etree._Element, None] = {}
    for unit, _, el in find_units(doc, _units(body.element)):
        if el is None:
            continue
        first.setdefault(el, unit)
        for anc in el.iterancestors():
            if anc in first:
                break  # its ancestors are marked already
            first[anc] = unit
        parent = el.getparent()
        if el.tag == "li" and parent is not None:
            parent = parent.getparent()
        if parent is not None:
            parents[parent] = None
    inserts: list[tuple[etree._Element, etree._Element]] = []  # (page block, body block before which)
    added: set[str] = set()
    for parent in parents:
        kids = [c for c in parent if isinstance(c.tag, str)]
        kept = [c in first for c in kids]
        for i, child in enumerate(kids):
            if kept[i] or child.tag not in _RESTORE or not any(kept[:i]):
                continue
            nxt = next((kids[j] for j in range(i + 1, len(kids)) if kept[j]), None)
            if nxt is None:
                continue
            k, end, n, chars = _key(child)
            # Not when the body holds it in another form (an extractor drops or reorders
            # inline bits: one end may differ), nor twice (a page rendering it twice).
            if n < MIN_WORDS or k in have or end in have or k in added:
                continue
            if link_chars(child) >= MAX_LINKS * max(1, chars):
                continue
            inserts.append((child, first[nxt]))
            added.add(k)
    if not inserts:
        return body
    for block, anchor in inserts:
        while anchor.getparent() is not None and anchor.getparent().tag in _CONTAINERS:
            anchor = anchor.getparent()  # before the list or table that holds the kept block
        new = copy.deepcopy(block)
        new.tail = None
        etree.strip_elements(new, *_DROP, with_tail=False)
        anchor.addprevious(new)
    text = fast_text(body.element)
    return Candidate(body.name, body.element, text) if text else body
