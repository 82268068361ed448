"""Spaces an extractor lost between words, put back from the page.

trafilatura drops white space at the edges of inline elements in some layouts: the tail
of ``in <a>Istanbul</a> is very`` loses its space ('Istanbul is' becomes 'Istanbulis'),
a white-space-only tail between ``<strong>at the airport</strong> <strong>without
stress</strong>`` vanishes, and the tail of ``<strong>save some money</strong> by`` in a
<div> of bare text is cut at the front. The words then run together in the Markdown, the
plain text and the search index. Each place where two pieces of a body's text meet inside
one block without white space is looked up in the page's own text: when the page writes a
space there and never writes the two pieces joined, the space is put back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

# Elements that start a new line of their own: text on either side never runs together.
_BREAKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "ul", "ol", "li",
    "blockquote", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "figure", "figcaption",
    "hr", "dl", "dt", "dd", "tr", "td", "th", "br", "img", "body", "caption",
}
_CONTEXT = 16  # characters on each side looked up in the page's text
_MIN_SIDE = 3  # shorter pieces are too common to tell anything
_SENTENCE_ENDS = (".", "!", "?", ":")


def _slots(body: etree._Element) -> Iterator[tuple[etree._Element, str] | None]:
    """The body's text nodes in reading order as (element, "text" or "tail"), with None
    where a block boundary falls between two of them. (lxml walks the tree: a recursive
    generator in Python paid for every level of nesting at every node.)"""
    for event, el in etree.iterwalk(body, events=("start", "end", "comment", "pi")):
        if event == "start":
            if el.tag.lower() in _BREAKS:
                yield None
            if el.text:
                yield el, "text"
        elif event == "end":
            if el.tag.lower() in _BREAKS:
                yield None
            if el.tail and el is not body:
                yield el, "tail"
        elif el.tail:  # a comment or processing instruction: its text is not shown, its tail is
            yield el, "tail"


def _get(slot: tuple[etree._Element, str]) -> str:
    el, which = slot
    return (el.text if which == "text" else el.tail) or ""


def _joins_words(left: str, right: str) -> bool:
    """Two pieces that meet without white space, a letter or digit on the right and a
    letter, digit or closing punctuation on the left ('Istanbul|is', 'current.|Make')."""
    if not left or not right or left[-1].isspace() or right[0].isspace():
        return False
    return right[0].isalnum() and (left[-1].isalnum() or left[-1] in ".,;:!?)]\"'”’")


_YEAR_END_RE = re.compile(r"(?<!\d)(?:19|20)\d\d$")


def _new_word(left: str, right: str) -> bool:
    """Two pieces of two elements that are two words even where the page's text runs them
    together: a style shows them apart ('The Alchemist' in a link, 'Mercy' in an <em>
    after it, each a line of a heading; 'Amazon' and a 'Check price' button), or the page
    typed them so ('<b>Hong</b>Kong'). A word of three letters or more ending in lower
    case, then one starting in upper case; 'Wiki<b>pedia</b>' stays one word. A year, then
    a word starting in upper case: a date's element, then a name's ('Dec 17, 2025' and
    'Julian K. Arni' side by side)."""
    word = left.split()[-1] if left.split() else ""
    if word[-1:] in _SENTENCE_ENDS:  # 'etc.' then 'Name': a sentence or a label ended
        word = word[:-1]
    if not (right[:1].isupper() and right[:2].isalpha()):
        return False
    return (len(word) >= _MIN_SIDE and word.isalpha() and word[-1].islower()) or _YEAR_END_RE.search(word) is not None


def restore_spaces(body: etree._Element, doc: etree._Element) -> int:
    """Put back the spaces the body lost between its inline pieces (see the module's
    docstring), changing ``body`` in place. Returns how many were put back."""
    page: str | None = None
    restored = 0
    prev: tuple[etree._Element, str] | None = None
    for slot in _slots(body):
        if slot is None:
            prev = None
            continue
        text = _get(slot)
        if prev is not None and _joins_words(left := _get(prev), text):
            a = " ".join(left.split())[-_CONTEXT:]
            b = " ".join(text.split())[:_CONTEXT]
            if len(a) >= _MIN_SIDE and len(b) >= _MIN_SIDE:
                if page is None:
                    page = " ".join(doc.text_content().split())
                if (f"{a} {b}" in page and f"{a}{b}" not in page) or _new_word(a, b):
                    el, which = slot
                    if which == "text":
                        el.text = " " + text
                    else:
                        el.tail = " " + text
                    text = " " + text
                    restored += 1
        if text.strip():
            prev = slot
        elif text:
            prev = None  # white space already parts the pieces
    return restored


def block_lines(el: etree._Element) -> list[str]:
    """An element's text as the lines its blocks show ('<p>Matt Check</p><p>Head
    Winemaker</p>': two lines), white space runs made single spaces, and a space between
    two words of two elements that a style shows apart (``_new_word``); no empty lines."""
    lines: list[str] = []
    parts: list[str] = []
    last = ""
    for slot in [*_slots(el), None]:
        if slot is None:
            line = " ".join("".join(parts).split())
            if line:
                lines.append(line)
            parts, last = [], ""
            continue
        text = _get(slot)
        if text and last and not parts[-1][-1:].isspace() and _new_word(last, text):
            parts.append(" ")
        if text:
            parts.append(text)
            last = text if text.strip() else last
    return lines


def spaced_text(el: etree._Element) -> str:
    """An element's text on one line, as ``flat_text`` gives it but with a space where two
    of its blocks meet ('<div>Coffee plantation</div><div>Guatemalan laborer…</div>') and
    between two words of two elements (``_new_word``): a caption's parts, shown as lines."""
    return " ".join(block_lines(el))
