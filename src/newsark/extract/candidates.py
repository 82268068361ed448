"""Body candidates from the libraries that do it well: trafilatura here, readability-lxml
in readability_body.py.

Each candidate is an lxml element holding the body as simple HTML, and its plain text;
the tree helpers every step shares (dropping an element but not its tail, a body's text)
and the fixes of what trafilatura loses of a link's formatting live here too.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

_WS_RE = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "br",
           "table", "ul", "ol", "figure", "figcaption", "pre", "section", "article", "td"}

# Both libraries log every page they find hard; that is noise for us.
for _name in ("trafilatura", "readability", "readability.readability", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass
class Candidate:
    name: str
    element: etree._Element
    text: str


def drop_keeping_tail(el: etree._Element) -> None:
    """Remove an element, keeping its tail text (lxml.html's drop_tree for any element)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        text_before(el, el.tail)
    parent.remove(el)


def text_before(el: etree._Element, text: str) -> None:
    """Put text right before an element: on the tail of the one before it, or at the
    start of its parent's text."""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + text
    else:
        parent = el.getparent()
        if parent is not None:
            parent.text = (parent.text or "") + text


def fast_text(el: etree._Element) -> str:
    """Plain text, one line per text node (cheap; enough for token counts)."""
    # str.split() splits at the same white space (and a little more, e.g. U+2009) in C
    lines = (" ".join(t.split()) for t in el.itertext())
    return "\n".join(t for t in lines if t)


def element_text(el: etree._Element) -> str:
    """Plain text with a line break at every block boundary."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "noscript"):
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in _BLOCKS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    if el.text:
        parts.append(el.text)
    for child in el:
        walk(child)
    lines = (_WS_RE.sub(" ", ln).strip() for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


@functools.cache
def _trafilatura_options(fast: bool, images: bool = True) -> Any:
    """Trafilatura's settings for newsark, made once: building them reads its configuration
    file's values each time (a fifth of a millisecond a page); it never changes them."""
    from trafilatura.settings import Extractor

    return Extractor(
        url=None,  # its link rewriting is slow; LinkMapper makes links absolute later
        fast=fast,
        images=images,
        links=True,
        tables=True,
        formatting=True,
        comments=False,
        with_metadata=False,
        # Not "python": that format also renders the body as plain text (xmltotxt),
        # 5 % of the page's time, and only the body tree is used here.
        output_format="xml",
    )


def from_trafilatura(html_text: str | etree._Element, url: str | None, *, fast: bool = True,
                     images: bool = True) -> Candidate | None:
    """Trafilatura's body. A parsed tree is not modified (trafilatura works on a copy).
    ``images=False`` asks it without pictures (see ``picture_grid``)."""
    import trafilatura
    from trafilatura.htmlprocessing import convert_to_html

    try:
        doc = trafilatura.bare_extraction(html_text, options=_trafilatura_options(fast, images))
    except Exception:  # noqa: BLE001 - a library failure means "no candidate"
        return None
    body_xml = getattr(doc, "body", None)
    if body_xml is None:
        return None
    # Its HTML conversion makes every list a <ul>: an ordered list keeps its numbers here.
    for el in body_xml.iter("list"):
        if el.get("rend") == "ol":
            el.tag = "ol"
            el.attrib.clear()
    # It also makes every <code> a <pre>, a block: code inside a line of text ('adds a
    # dummy character (<code>#</code>) to') stays in its line.
    inline_code = [el for el in body_xml.iter("code") if _in_a_line(el)]
    for el in inline_code:
        el.tag = "inline-code"
    root = convert_to_html(body_xml)
    for el in inline_code:
        el.tag = "code"
    body = root.find("body")
    if body is None:
        return None
    text = fast_text(body)
    return Candidate("trafilatura", body, text) if text else None


PICTURE_GRID_IMAGES = 4  # a body of this many pictures or more ...
PICTURE_GRID_CHARS = 50  # ... with less text than this per picture (a name, a title) is a grid of them
GRID_TEXT_GAIN = 1.25  # a body without pictures replaces a grid when this much longer


def picture_grid(body: Candidate) -> bool:
    """Whether trafilatura's body is a grid of pictures (a logo wall, a gallery of
    teasers) rather than the article: with pictures asked for, it takes the first of its
    container patterns that yields some content, and a grid's pictures are content, so a
    grid can win over the article's own container further down its list."""
    pictures = sum(1 for _ in body.element.iter("img"))
    return pictures >= PICTURE_GRID_IMAGES and len(body.text) < PICTURE_GRID_CHARS * pictures


def text_instead_of_grid(doc: etree._Element, url: str | None, body: Candidate | None) -> Candidate | None:
    """Trafilatura's body, or when it is a grid of pictures, its body asked without
    pictures if that holds more text (GRID_TEXT_GAIN): it then looks for the article's
    text instead. The article's own pictures are put back later (restore.restore_images),
    as for any body. (3 of the 892 English dev pages have such a grid; one changes.)"""
    if body is None or not picture_grid(body):
        return body
    text_only = from_trafilatura(doc, url, fast=True, images=False)
    if text_only is not None and len(text_only.text) >= GRID_TEXT_GAIN * len(body.text):
        return text_only
    return body


_LINE_PARENTS = frozenset(("p", "item", "cell", "head", "hi", "ref", "del"))  # trafilatura's tags


def _in_a_line(code: etree._Element) -> bool:
    """Whether a <code> of trafilatura's body is part of a line of text: inside a paragraph
    (a list item, a cell, a heading, formatting) and of one line itself."""
    parent = code.getparent()
    return parent is not None and parent.tag in _LINE_PARENTS and "\n" not in "".join(code.itertext())


_FORMATTED_LINKS = etree.XPath("//a[@href][not(normalize-space(text()))][count(*)=1]")
_FORMATTING = frozenset({"em", "i", "strong", "b", "u"})


def swap_formatted_links(doc: etree._Element) -> int:
    """Put the formatting of a link outside it: ``<a href><em>text</em></a>`` becomes
    ``<em><a href>text</a></em>``, where trafilatura would lose the link: it keeps the
    formatting and drops the ``<a>`` when nothing but an element or the paragraph's end
    follows the link (a ``<span>`` around the formatting changes nothing; its issue 511
    is of this kind). Swapped, it keeps the link and drops the formatting there: the
    URL is the content. The page looks the same; readability and the Markdown read
    either order. Returns how many links were swapped (on the English dev sets, by a
    rough count, 708 such links were missing from the Markdown before, 487 after)."""
    swapped = 0
    for a in _FORMATTED_LINKS(doc):
        if (a.tail or "").strip():
            continue  # text after the link: trafilatura keeps it as it is
        inner = a[0]
        while inner.tag == "span" and len(inner) == 1 and not (inner.text or "").strip() \
                and not (inner[0].tail or "").strip():
            inner = inner[0]  # a > span > strong: the span is dropped by trafilatura anyway
        if inner.tag not in _FORMATTING or len(inner) or (inner.tail or "").strip():
            continue  # formatting with markup of its own inside: left as it is
        fmt = a.makeelement(inner.tag, {})
        fmt.tail = a.tail
        a.tail = None
        a.getparent().replace(a, fmt)
        text = inner.text
        for child in list(a):
            a.remove(child)
        a.text = text
        fmt.append(a)
        swapped += 1
    return swapped


_INLINE_WRAPPERS = ("strong", "b", "em", "i", "u", "span", "a")
# The last element inside one of them that is a <br> (its tail is checked after).
_CLOSING_BREAKS = etree.XPath(
    "//br[" + " or ".join(f"parent::{tag}" for tag in _INLINE_WRAPPERS) + "][not(following-sibling::*)]")


def hoist_closing_breaks(doc: etree._Element) -> int:
    """Put a line break that closes a formatting element after it: ``<strong>A
    heading<br></strong>Text`` becomes ``<strong>A heading</strong><br>Text``, where
    trafilatura would drop the break and run the words together ('nutritionEveryone'),
    and a link whose formatting ends in a break would lose its URL. The page looks the
    same. Not when another break follows anyway ('<strong>…<br></strong><br>'): trafilatura
    keeps that one, and moving the first would make two, which it reads as one paragraph
    instead of two. Returns how many breaks moved (WCXB and scrapinghub: 17 pages, body F1
    up on 4, none down)."""
    moved = 0
    for br in _CLOSING_BREAKS(doc):
        if (br.tail or "").strip():
            continue  # text follows it inside the element
        outer = br.getparent()
        while outer.getparent() is not None and outer.getparent().tag in _INLINE_WRAPPERS \
                and not (outer.tail or "").strip() and outer is outer.getparent()[-1]:
            outer = outer.getparent()  # <b><i>text<br></i></b>, <a><b>text<br></b></a>: out of all
        after = outer.getnext()
        if after is not None and after.tag == "br" and not (outer.tail or "").strip():
            continue
        br.getparent().remove(br)
        br.tail = outer.tail
        outer.tail = None
        outer.addnext(br)
        moved += 1
    return moved


def _formatting_of(a: etree._Element) -> str | None:
    """The formatting a page gives a link's whole text: ``<em><a>…</a></em>`` or
    ``<a><strong>…</strong></a>`` (nothing else in either), else None."""
    parent = a.getparent()
    if (parent is not None and parent.tag in _FORMATTING and len(parent) == 1
            and not (parent.text or "").strip() and not (a.tail or "").strip()):
        return str(parent.tag)
    if len(a) == 1 and a[0].tag in _FORMATTING and not (a.text or "").strip() \
            and not (a[0].tail or "").strip():
        return str(a[0].tag)
    return None


def restore_link_formatting(body: etree._Element, doc: etree._Element) -> int:
    """Give back the formatting a body's link lost: trafilatura keeps either a link or
    the emphasis around it, not both (see ``swap_formatted_links``); the page's link with
    the same address and text says which it had. Returns how many were given back."""
    bare = {a: (a.get("href", "").strip(), " ".join((a.text or "").split())) for a in body.iter("a")
            if a.get("href") and len(a) == 0 and (a.text or "").strip()
            and not any(anc.tag in _FORMATTING for anc in itertools.islice(a.iterancestors(), 3))}
    if not bare:
        return 0
    hrefs = {href for href, _ in bare.values()}
    # Each (address, text) of the page's links to those addresses: its formatting, "" where
    # one has none (a link shown both ways, say in a menu and in the text, is left as the
    # body has it).
    page: dict[tuple[str, str], str] = {}
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if href in hrefs:
            key = (href, " ".join(a.text_content().split()))
            tag = _formatting_of(a) or ""
            page[key] = tag if page.get(key, tag) == tag else ""
    restored = 0
    for a, key in bare.items():
        shown = page.get(key)
        if shown:
            fmt = a.makeelement(shown, {})
            fmt.text, a.text = a.text, None
            a.append(fmt)
            restored += 1
    return restored
