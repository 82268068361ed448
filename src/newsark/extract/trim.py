"""Trimming a chosen body: blocks the extractor took from outside the article.

Both libraries sometimes run past the article's end into what follows it on the page: a
"read next" list, a newsletter box, an author card, a disclaimer, a cookie table. Those
blocks sit in another branch of the page than the article's own text. The article's
container is the deepest element that holds most of the body's text (found on the page by
each block's first characters); a run of blocks at the end of the body that comes from
outside it is cut, when it is small beside the article, mostly links, a list of cards
(each text under a linked name: other stories', services' teasers), or opens with a
short heading that names it ("Read this next", "About the author", "Follow us", "Contact
us"). A long run
of prose from outside the container is otherwise kept: more often the article continues in
a sibling container (after an ad, a split layout) than a long text follows it.

A named heading also cuts a tail too long for the container test (a list of teasers as
long as the article pulls the "container" up to their common ancestor): when every block
found after it lies outside the container of the text above it.

Some sites put their teasers inside the article's own container, after its last
paragraph: a run of cards, each the linked title of another page of the site and a short
paragraph of its summary ("Collect them all!" and six checklists). Such a run ending the
body is cut too (``_trailing_cards``), when it is a minor part of the body.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections import Counter
from urllib.parse import urlsplit

from lxml import etree

from .candidates import Candidate, fast_text
from .choose import BLOCK_WORDS, KEY_CHARS, block_size, inside, link_chars, page_blocks
from .nodetext import all_text

_UNITS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "td", "tr")
# A body block is found on the page by its first KEY_CHARS characters (white space removed),
# as choose.page_blocks keys the page's blocks; shorter blocks than MIN_WORDS are not looked
# up (a "Share" or "Menu" is anywhere), as page_blocks leaves them out.
MIN_WORDS = BLOCK_WORDS
CONTAINER = 0.6  # the article's container holds this share of the found blocks' words
TAIL_SMALL = 0.15  # a tail from outside the container this small beside the body is cut ...
TAIL_LINKS = 0.3  # ... and one of any size whose text is this much link text ...
TAIL_DECLARED = 0.5  # ... and one this large outside the page's declared <main>/<article> ...
NAMED_ABOVE = 0.25  # ... or where such a heading follows this share of the body's found words
NAMED_LINKS_ABOVE = 0.5  # ... or in the last half of the body and followed by ...
NAMED_LINKS = 0.5  # ... blocks this much link text
HEADING_WORDS = 10  # ... or that opens with a heading this short naming what follows it:
CARDS = 3  # a run of this many teaser cards or more ending the body is cut ...
CARD_WORDS = 80  # ... each a paragraph of at most this many words ...
CARD_TITLE_WORDS = (2, 20)  # ... under a title of this many words, all of it a link to the site ...
CARDS_SHARE = 0.5  # ... when the run is at most this share of the body's words
# Headings that invite to read on; see ``_invites`` for when they name no tail.
_INVITES = r"(explore|discover|keep reading|continue reading)\b"
_AFTER_RE = re.compile(
    r"^\W*(related\b|read (this |these )?next|what to read|more (news|from|stories|articles|posts|to read)\b|"
    r"you (may|might|will) (also )?(like|enjoy|be interested)|recommended (for you|reading|articles|posts|stories)|"
    + _INVITES + r"|about the authors?\b|(written|posted) by\b|"
    r"(subscribe|sign up|newsletter|join our|follow us|follow me|share (this|the|your)|contact us|get in touch)\b|"
    r"(leave a (comment|reply)|\d* ?comments?\b)|disclaimer|cookie)",
    re.IGNORECASE,
)


_INVITES_RE = re.compile(r"^\W*" + _INVITES, re.IGNORECASE)


# The last body's blocks and their words, worked out once for the steps that follow one
# another on it (trim_tail, drop_repeats, restore). One slot: (root, blocks, words by the
# block's id); it holds the root and the blocks, so the ids stay theirs. Each use reads
# the slot once: a page extracted in another thread replaces it, which costs a miss here,
# never a wrong hit (the body is checked by identity, a block's id is only ever that live
# block's).
_Slot = tuple[etree._Element, list[etree._Element], dict[int, list[str]]]
_last: _Slot | None = None


def _words(el: etree._Element) -> list[str]:
    last = _last
    if last is not None:
        got = last[2].get(id(el))
        if got is not None:
            return got
    return all_text(el).split()


def _units(body: etree._Element) -> list[etree._Element]:
    """The body's outermost text blocks, in order (the ones a step cut are left out; a
    block a step inserted is not among them)."""
    global _last
    last = _last
    if last is not None and last[0] is body:
        return [u for u in last[1] if u.getparent() is not None]
    out = _walk_units(body)
    _last = (body, out, {id(u): all_text(u).split() for u in out})
    return list(out)


def _walk_units(body: etree._Element) -> list[etree._Element]:
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


_Found = list[tuple[etree._Element, int, "etree._Element | None"]]  # (body block, words, page element)


_PAGE: weakref.WeakKeyDictionary[etree._Element, dict[str, etree._Element]] = weakref.WeakKeyDictionary()


def find_units(doc: etree._Element, units: list[etree._Element]) -> _Found:
    """Each body block with its words and the page's block it comes from (None when not
    found, or shorter than MIN_WORDS): the page's text blocks (choose.page_blocks, shared
    with the doubt signals) by their first characters."""
    try:
        page = _PAGE.get(doc)
    except TypeError:  # an lxml.etree tree takes no weak reference: not cached
        page = None
    if page is None:
        page = {}
        for el, _, key in page_blocks(doc):
            page.setdefault(key, el)
        try:
            _PAGE[doc] = page
        except TypeError:
            pass
    found: _Found = []
    for unit in units:
        words = _words(unit)
        size = block_size(words)
        el = page.get("".join(words)[:KEY_CHARS]) if size >= MIN_WORDS else None
        found.append((unit, size, el))
    return found


def _container(found: _Found, share: float = CONTAINER) -> etree._Element | None:
    """The deepest page element holding ``share`` (CONTAINER) of the found blocks' words
    (the ancestors holding more than half of them form one chain)."""
    total = sum(n for _, n, el in found if el is not None)
    if not total:
        return None
    # (the blocks' parents first: most blocks share one, whose ancestors are walked once)
    parents: Counter[etree._Element] = Counter()
    for _, n, el in found:
        if el is not None:
            parent = el.getparent()
            if parent is not None:
                parents[parent] += n
    held: Counter[etree._Element] = Counter()
    for parent, n in parents.items():
        held[parent] += n
        for anc in parent.iterancestors():
            held[anc] += n
    chain = [a for a in held if held[a] >= share * total]
    return max(chain, key=lambda a: sum(1 for _ in a.iterancestors())) if chain else None


def _named(unit: etree._Element) -> bool:
    words = _words(unit)
    return 0 < len(words) <= HEADING_WORDS and _AFTER_RE.match(" ".join(words)) is not None


def _invites(unit: etree._Element) -> bool:
    """A heading that invites to read on ("Explore online programs by subject"): when it
    is long enough to be found on the page, more often the article's next part than a
    tail's name."""
    return _INVITES_RE.match(" ".join(_words(unit))) is not None


def _named_start(found: _Found) -> int | None:
    """The first short block naming what follows ("Read this next", "About the author")
    after which the body has found blocks, none of them inside the container of the text
    above it, which holds at least NAMED_ABOVE of the found words. A block long enough to
    be found on the page counts too, unless it invites to read on (``_invites``)."""
    total = sum(n for _, n, el in found if el is not None)
    above = 0
    for i, (unit, n, el) in enumerate(found):
        if n <= HEADING_WORDS and above >= NAMED_ABOVE * total and _named(unit) \
                and (el is None or not _invites(unit)):
            after = [e for _, _, e in found[i + 1 :] if e is not None]
            box = _container(found[:i])
            if after and box is not None and not any(inside(e, box) for e in after):
                return i
        if el is not None:
            above += n
    return None


def _named_links_start(found: _Found) -> int | None:
    """A short block naming what follows, in the last half of the body's words, followed
    by blocks that are mostly links ("You might also like:" and a list of other posts),
    wherever they are on the page."""
    total = sum(n for _, n, _ in found)
    above = 0
    for i, (unit, n, _) in enumerate(found):
        if above >= NAMED_LINKS_ABOVE * total and _named(unit):
            rest = [u for u, _, _ in found[i + 1 :]]
            chars = sum(len("".join(_words(u))) for u in rest)
            if chars and sum(link_chars(u) for u in rest) >= NAMED_LINKS * chars:
                return i
        above += n
    return None


def trim_tail(doc: etree._Element, body: Candidate | None, url: str | None = None) -> Candidate | None:
    """The body without its trailing blocks from outside the article's container, or its
    trailing teaser cards of the site's other pages (``url`` the page's address, which
    tells the site's links; see the module's docstring); the same candidate when nothing
    is cut."""
    if body is None:
        return None
    trimmed = _trim_outside(doc, body)
    if trimmed is not body:
        return trimmed
    units = _units(body.element)
    found = [(u, len(_words(u)), None) for u in units]
    start = _trailing_cards(found, _site(url))
    return body if start is None else _cut(body, found[start:])


def _trim_outside(doc: etree._Element, body: Candidate) -> Candidate:
    """The body without its trailing blocks from outside the article's container."""
    units = _units(body.element)
    if len(units) < 3:
        return body
    found = find_units(doc, units)
    total = sum(n for _, n, el in found if el is not None)
    box = _container(found)
    if box is None:
        return body
    named = _named_start(found)
    if named is None:
        named = _named_links_start(found)
    if named is not None:
        return _cut(body, found[named:])
    last = max((i for i, (_, _, el) in enumerate(found) if el is not None and inside(el, box)), default=None)
    if last is None:
        return body
    # The tail starts at the first block after it found outside the container, with the
    # short unfound blocks just above it (its heading: "Read next", "About the author");
    # longer unfound blocks before it are more likely article text the page writes
    # differently (split by markup) than boilerplate.
    start = next((i for i in range(last + 1, len(found)) if found[i][2] is not None), None)
    if start is None:
        return body
    while start > last + 1 and found[start - 1][2] is None and found[start - 1][1] < MIN_WORDS:
        start -= 1
    tail = found[start:]
    words = sum(n for _, n, _ in tail)
    chars = sum(len("".join(_words(u))) for u, _, _ in tail)
    links = sum(link_chars(u) for u, _, _ in tail)
    if words > TAIL_SMALL * total and links < TAIL_LINKS * chars and not _named(tail[0][0]) \
            and not _outside_declared(box, tail, words, total) and not _cards(tail):
        return body
    return _cut(body, tail)


def _link_only(unit: etree._Element) -> bool:
    words = _words(unit)
    return 0 < len(words) <= HEADING_WORDS and link_chars(unit) >= 0.9 * len("".join(words))


def _cards(tail: _Found) -> bool:
    """Whether a tail is a list of cards: each text block in it comes under a short
    heading that is a link (other stories', services', products' teasers)."""
    long = [i for i, (u, n, _) in enumerate(tail) if n >= MIN_WORDS and not _link_only(u)]
    return len(long) >= 2 and all(i > 0 and _link_only(tail[i - 1][0]) for i in long)


_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))


def _site(url: str | None) -> str | None:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.") or None


def _site_link(href: str, site: str | None) -> bool:
    """Whether a link goes to another page of the page's site (relative, or to its host); a
    footnote's or a section's anchor does not."""
    if not href or "#" in href:
        return False
    parts = urlsplit(href)
    if not parts.scheme and not parts.netloc:
        return True
    return site is not None and (parts.hostname or "").removeprefix("www.") == site


def _trailing_cards(found: _Found, site: str | None) -> int | None:
    """Where a run of CARDS teaser cards or more ending the body starts: each a paragraph
    of CARD_WORDS words at most, little of it links, under a title (CARD_TITLE_WORDS) that
    is all a link to another page of the site; with the short heading above the run that
    names it, if there is one. None when the body ends otherwise, or the run is more than
    CARDS_SHARE of the body's words (a list of the site's pages that is the article itself)."""
    i = len(found) - 1
    cards = words = 0
    while i >= 1:
        text, n, _ = found[i]
        title = found[i - 1][0]
        if not MIN_WORDS <= n <= CARD_WORDS or link_chars(text) >= TAIL_LINKS * len("".join(_words(text))):
            break
        title_words = _words(title)
        hrefs = [a.get("href") or "" for a in title.iter("a")]
        if not CARD_TITLE_WORDS[0] <= len(title_words) <= CARD_TITLE_WORDS[1] \
                or link_chars(title) < 0.9 * len("".join(title_words)) \
                or not hrefs or not all(_site_link(h, site) for h in hrefs):
            break
        cards += 1
        words += n + len(title_words)
        i -= 2
    if cards < CARDS or words > CARDS_SHARE * sum(n for _, n, _ in found):
        return None
    start = i + 1
    above = found[start - 1][0] if start > 0 else None
    if above is not None and above.tag in _HEADINGS and 0 < len(_words(above)) <= HEADING_WORDS \
            and link_chars(above) == 0:
        start -= 1  # its heading ("Collect them all!", "More guides")
    return start


def _outside_declared(box: etree._Element, tail: _Found, words: int, total: int) -> bool:
    """Whether the article's container is the page's declared main content (a <main>, or
    an <article> with the body's text in it) and the tail's blocks are all outside it: a
    sidebar, a teaser grid, the footer, whatever their size up to TAIL_DECLARED of the body."""
    if words > TAIL_DECLARED * total:
        return False
    declared = box if box.tag in ("main", "article") else next(box.iterancestors("main", "article"), None)
    if declared is None:
        return False
    return all(el is None or not inside(el, declared) for _, _, el in tail)


REPEAT_BLOCKS = 3  # a run of this many blocks seen before in the body, in the same order ...
REPEAT_WORDS = 100  # ... with this many words ...
REPEAT_SHARE = 0.2  # ... and this share of the body's words, is a second rendering of its text
REPEAT_ADJACENT_WORDS = 10  # so is a run of any length this many words long, right after itself


def drop_repeats(body: Candidate | None) -> Candidate | None:
    """The body without runs of blocks it already holds, in the same order: pages that
    render the article twice or three times (a desktop and a mobile layout, one of them
    hidden by style sheets) give it twice. Short runs stay (the same question asked of each
    guest, the same meal on several days of a plan), unless one follows its twin straight
    away: a card's front and its hover side, a block and its copy for the other layout
    side by side, which a reader sees once (WCXB: 9 pages better, +0.50 F1 in all, one page
    that lists the same card twice -0.02)."""
    if body is None:
        return None
    units = _units(body.element)
    drop = [units[k] for k in repeated_blocks([" ".join(_words(u)) for u in units])]
    if not drop:
        return body
    return _cut(body, [(u, 0, None) for u in drop])


def repeated_blocks(keys: list[str]) -> list[int]:
    """The indexes of the blocks ``drop_repeats`` drops, each block given by its words
    (``keys``, "" for a block without any)."""
    # Words before each block, and the blocks without words (pictures) from each on: a
    # run's words are a difference, and a stretch of such blocks is passed in one step
    # (counted and compared one by one, 10,000 pictures each in its paragraph took 17 s).
    before = [0, *itertools.accumulate(len(k.split()) for k in keys)]
    total = before[-1]
    empties = [0] * (len(keys) + 1)
    for k in range(len(keys) - 1, -1, -1):
        empties[k] = 0 if keys[k] else empties[k + 1] + 1
    first: dict[str, int] = {}
    drop: list[int] = []
    j = 0
    while j < len(keys):
        i = first.get(keys[j])
        if i is None:
            first[keys[j]] = j
            j += 1
            continue
        run = 0
        while j + run < len(keys) and i + run < j and keys[i + run] == keys[j + run]:
            run += 1 if keys[i + run] else min(empties[i + run], empties[j + run], j - i - run)
        words = before[j + run] - before[j]
        if (i + run == j and words >= REPEAT_ADJACENT_WORDS
                or run >= REPEAT_BLOCKS and words >= max(REPEAT_WORDS, REPEAT_SHARE * total)):
            drop.extend(range(j, j + run))
            j += run
        else:
            j += 1
    return drop


def _cut(body: Candidate, tail: _Found) -> Candidate:
    for unit, _, _ in tail:
        parent = unit.getparent()
        if parent is not None:
            parent.remove(unit)
    text = fast_text(body.element)
    return Candidate(body.name, body.element, text) if text else body
