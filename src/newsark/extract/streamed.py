"""Content that React's streamed server rendering sends after the page's shell.

A React page rendered in a stream (Next.js's app router among others) first sends the
page's shell. A part that was not ready yet shows its fallback ("Loading paragraph...")
in the shell, or an empty ``<template id="P:9">`` placeholder. The part itself comes later
in the same HTML, in a hidden ``<div hidden id="S:9">`` near the page's end, with a small
script that moves it into place: ``$RS("S:9","P:9")`` for a placeholder,
``$RC("B:0","S:0")`` for a fallback. A browser runs those scripts, so a reader sees the
article in order. An extractor does not run them, and sees loading notes where the article
goes and the paragraphs hidden at the end. On WCXB 0046 (fool.com) that was most of the
article: body recall 0.29.

The page is read as the browser shows it: each call the page makes is done on the tree, in
the page's order, as React's own two functions do it. A call whose elements are not there is
skipped. A fallback whose end marker (the ``<!--/$-->`` comment) is missing stays, and the
content goes in before it: React would remove everything after the fallback. Pages that
give their instructions as attributes instead of scripts (React's external runtime) are
left as they are.
"""

from __future__ import annotations

import re

from lxml import etree

from .candidates import drop_keeping_tail, text_before
from .choose import inside

_CALL_RE = re.compile(r'\$R([CS])\(\s*"([^"]+)"\s*,\s*"([^"]+)"\s*[,)]')
_PLACES = etree.XPath("//template[@id] | //div[@hidden][@id]")


def place_streamed(doc: etree._Element, text: str) -> int:
    """Move the streamed parts of a page into place, as its scripts would. Returns how many
    were moved."""
    # (one pass of the pattern over the page: faster than looking for "$RS(" and "$RC(")
    calls = [(kind, a, b) for kind, a, b in _CALL_RE.findall(text) if a[:2] in ("B:", "S:")]
    if not calls:
        return 0
    by_id = {el.get("id"): el for el in _PLACES(doc)}
    moved = 0
    for kind, first, second in calls:
        # $RS(segment, placeholder) and $RC(boundary, segment)
        part, place = (by_id.get(first), by_id.get(second)) if kind == "S" else (by_id.get(second), by_id.get(first))
        if (part is None or place is None or part.tag != "div" or place.tag != "template"
                or part.getparent() is None or place.getparent() is None or inside(place, part)):
            continue  # not on the page, already moved, or not what React writes
        end = place if kind == "S" else _drop_fallback(place)
        _move_children(part, before=end)
        if end is place:
            drop_keeping_tail(place)
        drop_keeping_tail(part)
        moved += 1
    return moved


def _drop_fallback(template: etree._Element) -> etree._Element:
    """Remove a boundary's fallback: the template and what follows it up to the boundary's
    end marker (``<!--/$-->``, nested boundaries counted), as ``$RC`` does. Returns the
    element the content goes in before: the end marker, or the template itself when the
    page has no end marker there (then nothing is removed)."""
    depth = 0
    end = None
    for sib in template.itersiblings():
        if isinstance(sib, etree._Comment):
            mark = (sib.text or "").strip()
            if mark == "/$":
                if depth == 0:
                    end = sib
                    break
                depth -= 1
            elif mark in ("$", "$?", "$!"):
                depth += 1
    if end is None:
        return template
    opening = template.getprevious()
    if isinstance(opening, etree._Comment) and (opening.text or "").strip() == "$?":
        opening.text = "$"
        opening.tail = None  # text between the marker and the template: the fallback's
    fallback = []
    for sib in template.itersiblings():
        if sib is end:
            break
        fallback.append(sib)
    for el in [template, *fallback]:
        el.getparent().remove(el)  # with its tail: the fallback's text goes too
    return end


def _move_children(part: etree._Element, *, before: etree._Element) -> None:
    """Move a hidden part's content (its text and children) before an element."""
    if part.text:
        text_before(before, part.text)
        part.text = None
    for child in list(part):
        before.addprevious(child)  # (lxml moves an element with its tail)
