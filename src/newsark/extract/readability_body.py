"""Readability-lxml's body, as the library gives it, sooner.

Readability re-reads and scores the whole page; newsark gives it its own parse (a copy)
and replaces the library's slowest steps with ones that give the same result: the
Cleaner's pass (only what matters to the scoring), its text clean-up, the unlikely
candidates' class test (each class and id string judged once) and the test of which
``<div>`` holds a block (asked of the tree, not of serialised HTML). One change of result
is deliberate: a line's text after an inline element stays on its line.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable
from typing import Any

import lxml.html
from lxml import etree

from .candidates import Candidate, fast_text
from .nodetext import all_text
from .runs import break_spacers


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
# readability's r"\s{255,}": each run of white space from its start only (a run's other
# characters follow white space), the same matches without trying 255 characters again at
# every position of a shorter run (an indented page's text: 7 times faster).
_LONG_SPACE_RE = re.compile(r"(?<!\s)\s{255,}")
_TAB_OR_SPACES_RE = re.compile(r"\t|[ \t]{2,}")
_readability_own: dict[str, Callable[..., Any]] = {}  # what the *_like_readability functions replaced


@functools.cache
def _in_lower_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern that ignores case, for text put in lower case: the same matches when its
    own words are in lower case (readability's are), else the pattern itself."""
    if pattern.flags & re.IGNORECASE and pattern.pattern == pattern.pattern.lower():
        return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    return pattern


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


def text_length_like_readability(el: Any) -> int:
    """readability-lxml's ``text_length``, the length of an element's cleaned text: its
    text read by libxml2's text serialiser (all_text) instead of ``text_content()``, the
    same text 2.4 times sooner; readability asks it for every link of every candidate."""
    return len(clean_like_readability(all_text(el)))


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
    if readability_module.text_length is not text_length_like_readability:
        _readability_own["text_length"] = readability_module.text_length
        readability_module.text_length = text_length_like_readability

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
            # (Searched in lower case: patterns that ignore case cannot skip ahead by their
            # words, 4 times slower.)
            unlikely, maybe = (_in_lower_case(REGEXES[name]) for name in ("unlikelyCandidatesRe", "okMaybeItsACandidateRe"))
            judged: dict[str, bool] = {}
            for elem in self.html.findall(".//*"):
                s = "{} {}".format(elem.get("class", ""), elem.get("id", ""))
                if len(s) < 2:
                    continue
                bad = judged.get(s)
                if bad is None:
                    low = s.lower()
                    bad = judged[s] = bool(unlikely.search(low)) and not maybe.search(low)
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
