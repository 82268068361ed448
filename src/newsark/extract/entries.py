"""A page of several dated entries, one under the other (a blog's front or archive page:
each post with its date; a forum thread's posts): the first entry is the page's article,
as people label such pages, whichever entry is longest.

Readability takes the entries it scores best, mostly the longest: on zh-cwced 59562291, a
blog's month of six posts, it took the second and third (0.27 F1); the page's article is
the first, the latest post (1.00 F1). When the body starts inside an entry, not the first,
of a run of MIN_ENTRIES or more siblings alike (tag and class) that each give a date, the
element that holds most of that entry's text on the way to the body's first line is found
at the same place in the first entry, and that is the body instead. (Run on Chinese pages
only: on the 892 English dev pages it changed none and cost 1 % of the time.)
"""

from __future__ import annotations

import copy

from lxml import etree

from .candidates import Candidate, fast_text
from .dates import find_date
from .nodetext import all_text

MIN_ENTRIES = 3  # dated siblings alike that make a page of entries
LINE_CHARS = 12  # a line this long opens the body (a shorter one may be its title)
MIN_SHARE = 0.2  # the first entry's body holds at least this share of the body's characters
MOST = 0.5  # share of an entry's text that the element holding its body holds
START_CHARS = 6  # of the first line, looked for in the page's text nodes ...
MIN_START = 3  # ... when the line's first word has this many at least
_TEXT_WITH = etree.XPath("//body//text()[contains(., $key)]")
_ENTRY_TAGS = frozenset({"li", "div", "tr", "tbody", "article", "section", "table", "dd"})


def _first_line(text: str) -> str | None:
    """The body's first line of LINE_CHARS characters or more, white space aside."""
    return next((line for line in text.split("\n") if len("".join(line.split())) >= LINE_CHARS), None)


def _holder(entry: etree._Element, start: etree._Element) -> list[int]:
    """The path (child positions) from ``entry`` down to the deepest element on the way to
    ``start`` (the body's first line) that holds most of the entry's text: a post's text,
    not its title and date line above it, nor its links below."""
    chain = [start, *start.iterancestors()]
    chain = chain[: chain.index(entry)][::-1]  # entry's child on the way, ..., start
    whole = len(all_text(entry))
    path: list[int] = []
    parent = entry
    for node in chain:
        if len(all_text(node)) < MOST * whole:
            break
        path.append(parent.index(node))
        parent = node
    return path


def _follow(entry: etree._Element, path: list[int], like: etree._Element) -> etree._Element | None:
    """The element at ``path`` in another entry, when it is there and of the same tag."""
    node = entry
    for i in path:
        if i >= len(node):
            return None
        node = node[i]
    return node if node.tag == like.tag else None


def _start(doc: etree._Element, line: str) -> etree._Element | None:
    """The first element whose text holds the start of the body's first line (its first
    run of characters without a space, START_CHARS of them at most, looked up in C)."""
    words = line.split()
    token = words[0][:START_CHARS] if words else ""
    if len(token) < MIN_START:
        return None
    for node in _TEXT_WITH(doc, key=token):
        el = node.getparent()
        return el.getparent() if node.is_tail else el
    return None


def first_entry(doc: etree._Element, body: Candidate | None) -> Candidate | None:
    """The first entry's body instead of ``body`` when ``body`` is a later entry of a page
    of dated entries (see the module's docstring); ``body`` otherwise."""
    line = _first_line(body.text) if body is not None else None
    if body is None or line is None:
        return body
    start = _start(doc, line)
    if start is None:
        return body
    for entry in start.iterancestors(*_ENTRY_TAGS):
        parent = entry.getparent()
        if parent is None:
            break
        alike = [c for c in parent if c.tag == entry.tag and c.get("class") == entry.get("class")]
        if len(alike) < MIN_ENTRIES:
            continue
        # (a run the first of which holds the body may be the rows of a post of a larger
        # run, further up)
        if alike[0] is entry or not all(find_date(all_text(c)) for c in alike):
            continue
        path = _holder(entry, start)
        held = entry
        for i in path:
            held = held[i]
        target = _follow(alike[0], path, held)
        if target is None:
            return body
        box = copy.deepcopy(target)
        box.tail = None
        text = fast_text(box)
        return Candidate(body.name, box, text) if len(text) >= MIN_SHARE * len(body.text) else body
    return body
