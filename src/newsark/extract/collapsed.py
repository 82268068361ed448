"""Collapsed panels opened: an accordion's or an FAQ's answers are the article's text.

A page saves every panel of an accordion in its HTML, closed ("display:none",
``aria-hidden="true"``, a ``hidden`` class or attribute, ``height:0``) until the reader
clicks its question. Both libraries drop hidden elements as boilerplate, so a guide made
of such panels loses most of its text, and an FAQ keeps its questions without their
answers. Such a panel is opened here, before any extractor sees the page; hidden menus,
pop-ups, cookie notices and closed comment threads stay as they are.
"""

from __future__ import annotations

import re

from lxml import etree

# A panel names itself (class or id), or its item names it, after the accordion it belongs
# to (an FAQ is one too: 'faq-answer accordion-content', 'FAQ_accordionItem') or as
# collapsible ('chakra-collapse', 'collapse-3_content').
_NAMED = etree.XPath("//@*[contains(., 'ccordion') or contains(., 'ollaps')]"
                     "[name() = 'class' or name() = 'id']")
# A page that never writes "accordion" is spared the search of its tree (a scan of its
# text costs 0.15 ms, the search 1 ms; a collapsible alone is as often a menu or a "show
# more" as an answer).
_PAGE_WORD = "ccordion"
# Hidden things that are not the article, whatever their names say.
_NOT_PANEL_RE = re.compile(r"nav|menu|modal|dropdown|popup|pop-up|cookie|consent|comment|search|cart|dialog",
                           re.IGNORECASE)
_HIDING_CLASS_RE = re.compile(r"(?:^|\s)(?:hidden|hide|is-hidden|[\w-]*-hidden)(?=\s|$)")
_NOT_PANEL_TAGS = frozenset({"nav", "body", "html", "aside", "header", "footer"})


def _names(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"


def _closed(el: etree._Element) -> bool:
    style = "".join((el.get("style") or "").split()).lower()
    return (el.get("hidden") is not None or el.get("aria-hidden") == "true"
            or "display:none" in style or "height:0" in style or "visibility:hidden" in style
            or bool(_HIDING_CLASS_RE.search(el.get("class") or "")))


def _open(el: etree._Element) -> None:
    for attr in ("hidden", "aria-hidden", "style"):
        el.attrib.pop(attr, None)
    if el.get("class"):
        el.set("class", " ".join(_HIDING_CLASS_RE.sub(" ", el.get("class") or "").split()))


def open_collapsed(doc: etree._Element, text: str | None = None) -> int:
    """Open every closed accordion (or FAQ) panel of a parsed page, as a reader's click
    would: an element named after an accordion, or a child of one, that the page hides,
    unless it or its parent is a menu, a dialog or comments. ``text`` (the page's HTML)
    lets a page without an accordion skip the search. Returns how many were opened."""
    if text is not None and _PAGE_WORD not in text:
        return 0
    opened = 0
    for value in _NAMED(doc):
        named = value.getparent()
        for el in (named, *named):
            if not isinstance(el.tag, str) or el.tag in _NOT_PANEL_TAGS or not _closed(el):
                continue
            parent = el.getparent()
            if _NOT_PANEL_RE.search(_names(el) + " " + (_names(parent) if parent is not None else "")):
                continue
            _open(el)
            opened += 1
    return opened
