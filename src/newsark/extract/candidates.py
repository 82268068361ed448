"""Body candidates from the libraries that do it well: trafilatura and readability-lxml.

Each candidate is an lxml element holding the body as simple HTML, and its plain text.
"""

from __future__ import annotations

import copy
import functools
import itertools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml import etree

from .runs import break_spacers

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
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


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
def _trafilatura_options(fast: bool) -> Any:
    """Trafilatura's settings for newsark, made once: building them reads its configuration
    file's values each time (a fifth of a millisecond a page); it never changes them."""
    from trafilatura.settings import Extractor

    return Extractor(
        url=None,  # its link rewriting is slow; LinkMapper makes links absolute later
        fast=fast,
        images=True,
        links=True,
        tables=True,
        formatting=True,
        comments=False,
        with_metadata=False,
        # Not "python": that format also renders the body as plain text (xmltotxt),
        # 5 % of the page's time, and only the body tree is used here.
        output_format="xml",
    )


def from_trafilatura(html_text: str | etree._Element, url: str | None, *, fast: bool = True) -> Candidate | None:
    """Trafilatura's body. A parsed tree is not modified (trafilatura works on a copy)."""
    import trafilatura
    from trafilatura.htmlprocessing import convert_to_html

    try:
        doc = trafilatura.bare_extraction(html_text, options=_trafilatura_options(fast))
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
    root = convert_to_html(body_xml)
    body = root.find("body")
    if body is None:
        return None
    text = fast_text(body)
    return Candidate("trafilatura", body, text) if text else None


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


def _strip_for_readability(doc: etree._Element) -> etree._Element:
    """What readability's lxml ``Cleaner`` does to a page that matters to its scoring
    (scripts, styles, <link>s, comments and processing instructions gone, no inline
    styles), in two C-level passes. The Cleaner also rewrites every link to drop
    ``javascript:`` ones and strips ``on*`` handlers, which costs half of readability's
    time on a page; LinkMapper drops such links from the Markdown anyway."""
    etree.strip_elements(doc, "script", "style", "link", etree.Comment, etree.ProcessingInstruction,
                         with_tail=False)
    etree.strip_attributes(doc, "style")
    return doc


# readability's two exceptions to dropping an unlikely element (compiled once, not per element)
_IN_CODE = etree.XPath("boolean(ancestor-or-self::pre | ancestor-or-self::code)")
_HOLDS_MAIN = etree.XPath("boolean(descendant-or-self::main | descendant-or-self::article | descendant-or-self::math)")
_LONG_SPACE_RE = re.compile(r"\s{255,}")
_TAB_OR_SPACES_RE = re.compile(r"\t|[ \t]{2,}")
_readability_own: dict[str, Callable[[str], str]] = {}  # what clean_like_readability replaced


def clean_like_readability(text: str) -> str:
    """readability-lxml's ``clean``, the same result sooner: its three patterns ran on every
    element's text, several times each while it scored a page (a quarter of its time). Most
    of those texts hold single spaces and no other white space (none other is printable);
    a run of 255 white space characters (cut to 255 spaces first) holds a whole aligned
    block of 128 of them; white space around line breaks goes with str methods (``\\s``
    is str.isspace), and runs of spaces too. Only a tab takes the pattern: its ``\\t|``
    comes first, so tabs before a space are each a space, not a run."""
    if "  " not in text and text.isprintable():
        return text.strip()
    if len(text) >= 255 and any(text[i : i + 128].isspace() for i in range(0, len(text), 128)):
        text = _LONG_SPACE_RE.sub(" " * 255, text)
    if "\n" in text:  # r"\s*\n\s*" -> "\n": each white space run holding a break, one break
        lines = text.split("\n")
        kept = [lines[0].rstrip()]
        kept += [line for line in (middle.strip() for middle in lines[1:-1]) if line]
        kept.append(lines[-1].lstrip())
        text = "\n".join(kept)
    if "\t" in text:
        text = _TAB_OR_SPACES_RE.sub(" ", text)
    else:
        while "  " in text:
            text = text.replace("  ", " ")
    return text.strip()


@functools.cache
def _readability_class() -> Any:
    """readability's Document with a cheaper parse (imported on first use: it is slow to
    import and Chinese-only runs never need it)."""
    import readability.readability as readability_module
    from readability import Document
    from readability.htmls import build_doc
    from readability.readability import REGEXES

    if readability_module.clean is not clean_like_readability:
        _readability_own["clean"] = readability_module.clean
        # Its scoring calls this module function for every element's text: the same
        # result, sooner (clean_like_readability).
        readability_module.clean = clean_like_readability

    class FastCleanDocument(Document):  # type: ignore[misc]
        def _parse(self, input: Any) -> Any:
            if isinstance(input, etree._Element):
                # A copy per parse, as the Cleaner's clean_html makes: summary() parses
                # again for its lenient retry and must start from the untouched page.
                doc, self.encoding = copy.deepcopy(input), "utf-8"
            else:
                doc, self.encoding = build_doc(input)
            # As readability's own _parse: hidden elements go before scoring.
            for elem in doc.xpath("//*[@hidden]"):
                elem.drop_tree()
            for elem in doc.xpath("//*[@style]"):
                if REGEXES["displayNoneRe"].search(elem.get("style")):
                    elem.drop_tree()
            if not isinstance(input, etree._Element):  # (newsark's own parse broke them already)
                break_spacers(doc, input if isinstance(input, str) else None)  # (bytes: no prefilter)
            return _strip_for_readability(doc)

        def remove_unlikely_candidates(self) -> None:
            # readability's own, with each class-and-id string judged once: a page repeats a
            # few hundred of them over thousands of elements, and the two patterns were
            # most of this step's time.
            unlikely, maybe = REGEXES["unlikelyCandidatesRe"], REGEXES["okMaybeItsACandidateRe"]
            judged: dict[str, bool] = {}
            for elem in self.html.findall(".//*"):
                s = "{} {}".format(elem.get("class", ""), elem.get("id", ""))
                if len(s) < 2:
                    continue
                bad = judged.get(s)
                if bad is None:
                    bad = judged[s] = bool(unlikely.search(s)) and not maybe.search(s)
                if bad and elem.tag not in ("html", "body") and not _IN_CODE(elem) and not _HOLDS_MAIN(elem):
                    elem.drop_tree()

        def transform_misused_divs_into_paragraphs(self) -> None:
            # readability's own, but for a line's text after an inline element: it made
            # each such tail a paragraph of its own, cutting a line in two ('Rain cover or '
            # / '[dry bag]', '... designed to' / '**simplify**. It is ...'). And a <div>
            # holds a block when an element under it has one of the pattern's tag names,
            # asked of the tree instead of its children's serialised HTML (serialising
            # every <div>'s subtree was most of this step's time).
            blocks = REGEXES["divToPElementsRe"]
            if blocks.pattern == _DIV_BLOCKS_PATTERN:
                held = _holding_blocks(self.html)
                for elem in self.tags(self.html, "div"):
                    if elem not in held:
                        elem.tag = "p"
            else:  # (another version's pattern: its own test)
                for elem in self.tags(self.html, "div"):
                    if not blocks.search(str(b"".join(etree.tostring(s, encoding="utf-8") for s in elem))):
                        elem.tag = "p"
            for elem in self.tags(self.html, "div"):
                _paragraphs_of_runs(elem, blocks)

    return FastCleanDocument


# readability-lxml's pattern of the block tags a <div> must not hold to be a paragraph, and
# the same asked of the tree: an element under the <div> whose name starts with one of them
# (the pattern has no end, so '<picture' matches '<p'; lxml.html's tag names are lower case;
# the serialisation it searched escapes '<' in text and attributes, so only tags match).
_DIV_BLOCKS_PATTERN = "<(blockquote|dl|div|img|ol|p|pre|table|ul)"
_BLOCK_NAMED = etree.XPath("//*[{}]".format(" or ".join(
    f"starts-with(name(), '{tag}')" for tag in ("blockquote", "dl", "div", "img", "ol", "p", "table", "ul"))))


def _holding_blocks(root: etree._Element) -> set[etree._Element]:
    """Every element with such a block under it, found upwards from the blocks in one
    pass. (A <div> made a <p> is still one of them: renaming changes no answer.)"""
    held: set[etree._Element] = set()
    for el in _BLOCK_NAMED(root):
        parent = el.getparent()
        while parent is not None and parent not in held:
            held.add(parent)
            parent = parent.getparent()
    return held


# The tags readability-lxml keeps inside a paragraph it makes of a <div>'s loose text.
_READABILITY_INLINE = frozenset({"a", "b", "cite", "code", "em", "font", "i", "small", "span",
                                 "strong", "sub", "sup", "u"})


def _paragraphs_of_runs(elem: etree._Element, blocks_re: re.Pattern[str]) -> None:
    """Each run of a container's loose text and inline elements, up to a <br> or another
    element, made a <p> (the <br>s between runs dropped), as a browser shows the lines.
    An inline element is one of readability's inline tags holding nothing ``blocks_re``
    (its own pattern of block tags) finds in its HTML."""
    children = list(elem)
    if not (elem.text and elem.text.strip()) and not any(
            child.tag == "br" or (child.tail and child.tail.strip()) or child.tag in _READABILITY_INLINE
            for child in children):
        return  # blocks only: nothing to wrap (most <div>s)

    def inline(child: etree._Element) -> bool:
        return child.tag in _READABILITY_INLINE and not blocks_re.search(etree.tounicode(child, method="html"))
    text: str | None = elem.text
    run: list[etree._Element] = []
    elem.text = None
    out: list[etree._Element] = []

    def close() -> None:
        if (text and text.strip()) or run:
            p = elem.makeelement("p", {})
            p.text = text
            p.extend(run)
            out.append(p)
        elif text and out:  # white space between blocks stays where it was
            out[-1].tail = text
        elif text:
            elem.text = text

    for child in children:
        if child.tag == "br":
            close()
            text, run = child.tail, []
            elem.remove(child)
        elif inline(child):
            run.append(child)  # with its tail: the line goes on after it
        else:
            close()
            text, run = child.tail, []
            child.tail = None
            out.append(child)
    close()
    elem.extend(out)


_FRAGMENT_PARSER = lxml.html.HTMLParser(huge_tree=True)


def from_readability(html_text: str | etree._Element, url: str | None) -> Candidate | None:
    """Readability's body. A parsed tree is not modified (each parse works on a copy)."""
    try:
        # No url: readability's own link rewriting is slow; LinkMapper does it later.
        summary = _readability_class()(html_text).summary(html_partial=True)
        # (huge_tree: a page read with the deep parser comes back as deep: page.py, nesting.py)
        el = lxml.html.fragment_fromstring(summary, create_parent="div", parser=_FRAGMENT_PARSER)
    except Exception:  # noqa: BLE001
        return None
    text = fast_text(el)
    return Candidate("readability", el, text) if text else None
