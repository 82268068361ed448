"""A text saved twice, whole and cut short, and the script's toggle between the two.

Some templates write a caption or a teaser twice, the whole text and a shortened copy,
and let a script show one at a time with "... more" / "less" links (Hearst's newspapers:
``<div class="caption-full">… <a class="more-caption">less</a></div><div
class="caption-truncated">… <a class="more-caption">... more</a></div>``). Every extractor
reads both: the caption comes out twice, with the toggles' words, and is too long to be
taken as the picture's caption. Before any extractor sees the page, the shortened copy
goes (an element marked truncated whose text, toggles aside, begins a sibling's or is all
of it) and so do the toggles (a link without an address, or a button, whose whole text is
"more" or "less").
"""

from __future__ import annotations

import re

from lxml import etree

from .candidates import drop_keeping_tail

# The shortened copy names itself so; found only on a page that writes the word.
_TRUNCATED = etree.XPath("//*[contains(@class, 'truncat')]")
_PAGE_WORD = "truncat"
# A script's toggle: a link to nowhere, or a button, saying only that.
_TOGGLES = etree.XPath("//a[not(@href)] | //button")
_TOGGLE_RE = re.compile(r"\W*(?:(?:show|read|see|view)\s+)?(?:more|less)\W*", re.IGNORECASE)
MIN_TWIN = 20  # characters (white space aside) of a shortened copy compared with its sibling


def _squeezed(el: etree._Element, toggles: set[etree._Element]) -> str:
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text and node not in toggles:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return "".join("".join(parts).split())


def drop_truncated_twins(doc: etree._Element, html: str) -> int:
    """Drop the shortened copies of a text the page also writes whole, and the toggles
    between them (see the module's docstring); changes ``doc`` in place. Returns how many
    copies were dropped."""
    if _PAGE_WORD not in html:
        return 0
    truncated = _TRUNCATED(doc)
    if not truncated:  # (the word was in a script or a style sheet)
        return 0
    toggles = {el for el in _TOGGLES(doc) if _TOGGLE_RE.fullmatch(el.text_content() or "")}
    dropped = 0
    for el in truncated:
        parent = el.getparent()
        if parent is None:
            continue
        short = _squeezed(el, toggles).rstrip(".…")
        if len(short) < MIN_TWIN:
            continue
        for sib in parent:
            if sib is el or not isinstance(sib.tag, str):
                continue
            whole = _squeezed(sib, toggles)
            if whole.startswith(short):  # (a text short enough is "cut" to itself)
                drop_keeping_tail(el)
                dropped += 1
                break
    if dropped:
        for toggle in toggles:
            drop_keeping_tail(toggle)
    return dropped
