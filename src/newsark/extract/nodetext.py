"""An element's text, read the ways the extractor's steps compare and show it: on one
line, without any white space, with its line breaks; and where an element sits (its
ancestors inside the body)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from lxml import etree


def all_text(el: etree._Element) -> str:
    """An element's text, all of it (as ``"".join(el.itertext())`` and ``text_content()``
    give it, comments left out): libxml2 writes it out in one call, two to three times
    faster than either on the dev pages' blocks."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def flat_text(el: etree._Element) -> str:
    """An element's text on one line, white space runs made single spaces."""
    return " ".join(all_text(el).split())


def ancestors_in_body(el: etree._Element) -> Iterator[etree._Element]:
    """An element's ancestors, nearest first, up to (not including) <body>: whether it sits
    in a footer, a sidebar or comments is read from them, never from <body>'s or <html>'s
    own classes, which describe the whole page ('fl-has-sidebar', 'navbar-fixed',
    'comments-open') and hold every element."""
    for a in el.iterancestors():
        if a.tag in ("body", "html"):
            return
        yield a


def squeezed_text(el: etree._Element) -> str:
    """An element's text without any white space (how blocks are compared: extractors
    split and join text nodes differently)."""
    return "".join(all_text(el).split())


def text_with_breaks(el: etree._Element) -> str:
    """An element's text as shown, its <br>s as line breaks (code pasted into a CMS, the
    lines of one paragraph)."""
    parts: list[str] = [el.text or ""]
    for child in el.iterdescendants():
        if child.tag == "br":
            parts.append("\n")
        elif isinstance(child.tag, str) and child.text:
            parts.append(child.text)
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)


def children_upto(el: etree._Element, most: int) -> int:
    """How many children an element has, counted up to ``most`` + 1 at the most: ``len()``
    (and a slice) of an lxml element walks all its children, which, asked of the parent of
    each of its 20,000 pictures, took seconds."""
    return sum(1 for _ in itertools.islice(el, most + 1))
