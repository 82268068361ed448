"""Trimming a chosen body: blocks the extractor took from outside the article.

Both libraries sometimes run past the article's end into what follows it on the page: a
"read next" list, a newsletter box, an author card, a disclaimer, a cookie table. Those
blocks sit in another branch of the page than the article's own text. The article's
container is the deepest element that holds most of the body's text (found on the page by
each block's first characters); a run of blocks at the end of the body that comes from
outside it is cut, when it is small beside the article or mostly links. A long run of
prose from outside the container is kept: more often the article continues in a sibling
container (after an ad, a split layout) than a long text follows it.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from .candidates import Candidate, fast_text

_UNITS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "td", "tr")
_KEY_CHARS = 60  # a body block is found on the page by its first characters (white space removed)
MIN_WORDS = 5  # shorter blocks are not looked up (a "Share" or "Menu" is anywhere)
CONTAINER = 0.6  # the article's container holds this share of the found blocks' words
TAIL_SMALL = 0.15  # a tail from outside the container this small beside the body is cut ...
TAIL_LINKS = 0.3  # ... and one of any size whose text is this much link text


def _words(el: etree._Element) -> list[str]:
    return "".join(el.itertext()).split()


def _units(body: etree._Element) -> list[etree._Element]:
    """The body's outermost text blocks, in order."""
    out: list[etree._Element] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag in _UNITS:
                out.append(child)
            else:
                walk(child)

    walk(body)
    return out


def _link_chars(el: etree._Element) -> int:
    return sum(len("".join("".join(a.itertext()).split())) for a in el.iter("a"))


def trim_tail(doc: etree._Element, body: Candidate | None) -> Candidate | None:
    """The body without its trailing blocks from outside the article's container (see the
    module's docstring); the same candidate when nothing is cut."""
    if body is None:
        return None
    units = _units(body.element)
    if len(units) < 3:
        return body
    page: dict[str, etree._Element] = {}
    for el in doc.iter(*_UNITS):
        words = _words(el)
        if len(words) >= MIN_WORDS:
            page.setdefault("".join(words)[:_KEY_CHARS], el)
    found: list[tuple[etree._Element, int, etree._Element | None]] = []
    for unit in units:
        words = _words(unit)
        el = page.get("".join(words)[:_KEY_CHARS]) if len(words) >= MIN_WORDS else None
        found.append((unit, len(words), el))
    total = sum(n for _, n, el in found if el is not None)
    if not total:
        return body
    held: Counter[etree._Element] = Counter()
    for _, n, el in found:
        if el is not None:
            for anc in el.iterancestors():
                held[anc] += n
    # Ancestors holding more than half of the words form one chain: take its deepest.
    chain = [a for a in held if held[a] >= CONTAINER * total]
    if not chain:
        return body
    box = max(chain, key=lambda a: sum(1 for _ in a.iterancestors()))

    def inside(el: etree._Element) -> bool:
        return any(a is box for a in el.iterancestors())

    last = max((i for i, (_, _, el) in enumerate(found) if el is not None and inside(el)), default=None)
    if last is None:
        return body
    tail = found[last + 1 :]
    first = next((el for _, _, el in tail if el is not None), None)
    if first is None or inside(first):
        return body
    words = sum(n for _, n, _ in tail)
    chars = sum(len("".join(_words(u))) for u, _, _ in tail)
    links = sum(_link_chars(u) for u, _, _ in tail)
    if words > TAIL_SMALL * total and links < TAIL_LINKS * chars:
        return body
    for unit, _, _ in tail:
        parent = unit.getparent()
        if parent is not None:
            parent.remove(unit)
    text = fast_text(body.element)
    return Candidate(body.name, body.element, text) if text else body
