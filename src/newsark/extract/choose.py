"""Per-page choice between the trafilatura and readability-lxml bodies.

Measured on the development sets (see benchmarks/extract_bench.py): readability-lxml is
the better body on Chinese pages, trafilatura on the varied English web; when the two
disagree, trafilatura's full pipeline (with its own fallbacks) is asked as a third opinion,
and readability wins whenever it holds most of the other body's text without being much
shorter (the other one missed parts of the article).
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Callable

from lxml import etree

from .candidates import Candidate
from .nodetext import all_text, squeezed_text
from .scoring import tokens

AGREE = 0.8  # both bodies share this much of their tokens: no third opinion needed
HOLDS = 0.5  # readability holds this share of the other body's tokens
MIN_LEN = 0.5  # ... and is at least this long relative to it
CJK_MIN_LEN = 0.25
OUTGROWN = 2  # readability's body this many times as long as trafilatura's, neither holding the other
LONG_PARAGRAPH = 20  # words: a <p> this long on the page is article text, or close to it
MISSED_DOUBT = 0.5  # long paragraphs missing from a body, relative to its size: ask again
BLOCK_WORDS = 5  # words: smaller text blocks are not compared
LINKS_DOUBT = 0.5  # link text share of a body that makes it doubtful
SHORT_LINE = 6  # words
SHORT_LINES_DOUBT = 0.5  # share of a body's words on short lines that makes it doubtful
FRAGMENT = 2.0  # long paragraphs missed, relative to the body's size: a fragment of the article
INSIDE_DOUBT = 0.2  # blocks of the body's own container missing from it, relative to its size
BLOB_CHARS = 2000  # one run of text this long, with no break at all: a whole page's text dumped
REPEATED = 3  # a paragraph the page writes this many times is a banner, not article text
_TEXT_BLOCKS = ("p", "li", "h2", "h3", "h4", "blockquote", "pre", "dd", "td")
_OTHER_BLOCKS = ("h1", "h5", "h6", "dt", "tr")  # text blocks a body's trimming maps too (trim.py)
KEY_CHARS = 60  # a paragraph is "in" a body when its first characters are (trim.py and restore.py too)
# Characters of a body searched through for keys not opening one of its lines, past which
# keys are looked up at the body's word starts only (BodyKeys); the most on a development
# page: 12 M.
SEARCH_BUDGET = 120_000_000


def _overlap(a: Counter[str], b: Counter[str]) -> tuple[int, int, float, float]:
    na, nb = sum(a.values()), sum(b.values())
    inter = sum((a & b).values())
    return na, nb, (inter / na if na else 0.0), (inter / nb if nb else 0.0)


CJK_RE = re.compile("[\u3400-\u9fff]")  # the CJK ideographs


def block_size(words: list[str]) -> int:
    """A block's length in words, its white-space words, where Chinese (written without
    spaces: a paragraph is one "word") counts a word for every two ideographs."""
    n = len(words)
    joined = "".join(words)
    if joined.isascii() or not CJK_RE.search(joined):  # (most blocks: one pass in C)
        return n
    for word in words:
        if not word.isascii():
            ideographs = len(CJK_RE.findall(word))
            if ideographs > 2:
                n += (ideographs + 1) // 2 - 1
    return n


def is_cjk(text: str) -> bool:
    sample = text[:4000]
    cjk = len(CJK_RE.findall(sample))  # C-level; a loop over the characters cost 1 % of a page
    return cjk > 0.2 * max(1, len(sample.replace(" ", "")))


def choose(
    traf: Candidate | None,
    read: Candidate | None,
    full_traf: Callable[[], Candidate | None],
    doc: etree._Element | None = None,
) -> tuple[Candidate | None, str]:
    """(chosen candidate, why). With the page (``doc``), readability's body is taken
    without the third opinion when it holds trafilatura's body and no doubt signal
    questions it: the two agree, readability found more (on WCXB this skips 41 of 71 runs
    of trafilatura's fallbacks, 6 % of the time, for one page's body). It also wins when
    neither body holds the other and readability's, not doubtful, is OUTGROWN times as long
    or more: trafilatura took a header line for the article (WCXB 0384)."""
    if traf is None and read is None:
        alt = full_traf()
        return alt, "only trafilatura's fallbacks found a body" if alt else "no body found"
    if read is None:
        return traf, "readability found nothing"
    if traf is None:
        return read, "trafilatura found nothing"
    ta, tb = Counter(tokens(traf.text)), Counter(tokens(read.text))
    na, nb, ca, cb = _overlap(ta, tb)
    if is_cjk(read.text + traf.text):
        if nb >= CJK_MIN_LEN * na:
            return read, "Chinese page: readability"
        return traf, "Chinese page: readability body too short"
    if doc is not None and ca >= HOLDS and nb >= MIN_LEN * na and not doubtful(doc, read):
        return read, "readability holds trafilatura's body, no doubt about it"
    if not (ca >= AGREE and cb >= AGREE):
        alt = full_traf()
        if alt is not None:
            traf = alt
            na, nb, ca, cb = _overlap(Counter(tokens(traf.text)), tb)
    if not na:
        return read, "trafilatura body empty"
    if ca >= HOLDS and nb >= MIN_LEN * na:
        return read, "readability holds trafilatura's body"
    if doc is not None and nb >= OUTGROWN * na and not doubtful(doc, read):
        return read, "readability found many times more, no doubt about it"
    return traf, "trafilatura"


_Block = tuple[etree._Element, int, bool]  # (element, words, found in the body)


_PAGE_BLOCKS: weakref.WeakKeyDictionary[etree._Element, list[tuple[etree._Element, int, str]]] = \
    weakref.WeakKeyDictionary()


def page_blocks(doc: etree._Element) -> list[tuple[etree._Element, int, str]]:
    """The page's text blocks of BLOCK_WORDS words or more, in document order: (element,
    words, key), the key its first characters without white space. Worked out once per page (the doubt signals,
    the choice and the body's trimming all ask; nothing changes the page's tree)."""
    try:
        got = _PAGE_BLOCKS.get(doc)
    except TypeError:  # an lxml.etree tree (not lxml.html) takes no weak reference
        got = None
    if got is None:
        got = []
        for el in doc.iter(*_TEXT_BLOCKS, *_OTHER_BLOCKS):
            words = all_text(el).split()
            size = block_size(words)
            if size >= BLOCK_WORDS:
                got.append((el, size, "".join(words)[:KEY_CHARS]))
        try:
            _PAGE_BLOCKS[doc] = got
        except TypeError:
            pass
    return got


def block_key(el: etree._Element) -> str:
    """An element's key as ``page_blocks`` gives it (its first KEY_CHARS characters, white
    space removed), reading no more of its text than that takes."""
    parts: list[str] = []
    size = 0
    for text in el.itertext():
        piece = "".join(text.split())
        parts.append(piece)
        size += len(piece)
        if size >= KEY_CHARS:
            break
    return "".join(parts)[:KEY_CHARS]


def _blocks(doc: etree._Element, body: Candidate) -> list[_Block]:
    """The page's text blocks of BLOCK_WORDS words or more, each marked found or not in the
    body. Compared without white space, since extractors split and join text nodes
    differently; a block is found when its first characters are."""
    in_body = BodyKeys(body.text)
    out: list[_Block] = [(el, n, key in in_body) for el, n, key in page_blocks(doc) if el.tag in _TEXT_BLOCKS]
    if next(doc.iter("article"), None) is not None:
        out = _own_story_blocks(out)
    return out


class BodyKeys:
    """Which page blocks a body holds, by their keys (their first KEY_CHARS characters,
    white space removed): ``key in BodyKeys(body_text)``, as ``key in have`` for the body's
    text without white space. Most keys open a line of the body: a set lookup first, the
    search through the whole body only for the others. Those searches grow with the body
    and with their number (a live blog of 20,000 entries under thousands of comments);
    past SEARCH_BUDGET characters searched, no development page comes within a tenth of,
    the keys that open a word of the body are looked up instead (one found mid-word, or
    shorter than KEY_CHARS and not a line of its own, then counts as missing)."""

    def __init__(self, text: str) -> None:
        self._text = text
        lines = ["".join(line.split()) for line in text.split("\n")]
        self.have = "".join(lines)
        self._keys = _line_keys(lines, self.have)
        self._searched = 0

    def __contains__(self, key: str) -> bool:
        if key in self._keys:
            return True
        if self._searched > SEARCH_BUDGET:
            return False
        self._searched += len(self.have)
        if self._searched > SEARCH_BUDGET:  # from now on: the word starts, no more searching
            self._keys |= _word_keys(self._text, self.have)
            return key in self._keys
        return key in self.have


def _line_keys(lines: list[str], joined: str) -> set[str]:
    """What a key is when it opens one of these lines (white space removed, ``joined`` the
    lines together): the KEY_CHARS characters from the line's start on, or the line itself
    when shorter."""
    keys: set[str] = set()
    pos = 0
    for line in lines:
        keys.add(joined[pos : pos + KEY_CHARS])
        if len(line) < KEY_CHARS:
            keys.add(line)
        pos += len(line)
    return keys


def _word_keys(text: str, have: str) -> set[str]:
    """The KEY_CHARS characters from each word's start on, in ``have`` (the words of
    ``text`` without white space)."""
    keys: set[str] = set()
    pos = 0
    for word in text.split():
        keys.add(have[pos : pos + KEY_CHARS])
        pos += len(word)
    return keys


def _nearest_article(el: etree._Element) -> etree._Element | None:
    return next((a for a in el.iterancestors("article")), None)


def _own_story_blocks(blocks: list[_Block]) -> list[_Block]:
    """Drop the blocks of other stories: text inside an <article> element other than the
    one that holds most of the body's found text (teaser cards, "read next" posts, a
    list of posts nested under the story) is not article text the body missed."""
    articles = [_nearest_article(el) for el, _, _ in blocks]
    held: Counter[etree._Element | None] = Counter()
    size: Counter[etree._Element | None] = Counter()
    for (_, n, found), art in zip(blocks, articles):
        size[art] += n
        if found:
            held[art] += n
    if not held:
        return blocks
    own = held.most_common(1)[0][0]
    if own is None:
        return blocks
    # Only stories smaller than the body's own (an <article> holding more text than the
    # story the body came from is more likely the article itself, the body a teaser),
    # and not classed exactly as the body's own (another section of the same long read).
    other = {a for a in size if a is not None and a is not own and size[a] < held[own]
             and a.get("class") != own.get("class")}
    return [b for b, art in zip(blocks, articles) if b[2] or art not in other]


def missed_share(doc: etree._Element, body: Candidate, blocks: list[_Block] | None = None) -> float:
    """Words of the page's long paragraphs that a body lacks, relative to the body's words.

    A cheap doubt signal (no second extractor run): a body that misses several long
    paragraphs of the page probably cut the article short or took the wrong block.
    Paragraphs the page repeats (``_repeated``) are not counted.
    """
    blocks = _blocks(doc, body) if blocks is None else blocks
    banners = _repeated(doc)
    missed = sum(n for el, n, found in blocks
                 if not found and n >= LONG_PARAGRAPH and el.tag == "p" and el not in banners)
    return missed / max(1, len(body.text.split()))


def _repeated(doc: etree._Element) -> set[etree._Element]:
    """The page's text blocks whose text it writes REPEATED times or more: a banner per
    locale or per product card ("Free shipping on orders $40+ …" once for each country),
    which no body should be doubted for leaving out."""
    blocks = page_blocks(doc)
    counts = Counter(key for _, _, key in blocks)
    return {el for el, _, key in blocks if counts[key] >= REPEATED}


def missed_inside(doc: etree._Element, body: Candidate, blocks: list[_Block] | None = None) -> float:
    """Words of text blocks inside the body's own container that the body lacks, relative
    to the body's words.

    The container is the deepest element around the first block the body kept that holds
    most (70 %) of the kept blocks' words; blocks in it that the body dropped are article
    parts it missed (a list, a section after an embed) or in-article clutter (a box of
    links): either way a second extractor's opinion is worth its cost.
    """
    blocks = _blocks(doc, body) if blocks is None else blocks
    kept = [(el, n) for el, n, found in blocks if found]
    if not kept:
        return float("inf") if blocks else 0.0
    held: Counter[etree._Element] = Counter()
    for el, n in kept:
        for anc in el.iterancestors():
            held[anc] += n
    need = 0.7 * sum(n for _, n in kept)
    box = next((a for a in kept[0][0].iterancestors() if held[a] >= need), None)
    if box is None:
        return 0.0
    missed = sum(n for el, n, found in blocks if not found and inside(el, box))
    return missed / max(1, len(body.text.split()))


def link_chars(el: etree._Element) -> int:
    """Characters (white space left out) of the link text inside an element."""
    return sum(len(squeezed_text(a)) for a in el.iter("a"))


def inside(el: etree._Element, box: etree._Element) -> bool:
    """Whether ``box`` is an ancestor of ``el``."""
    return any(a is box for a in el.iterancestors())


def link_share(body: Candidate) -> float:
    """Share of a body's text that is link text: a menu or a list of headlines taken for
    the article is mostly links, an article's prose is not."""
    total = len("".join(body.text.split()))
    return link_chars(body.element) / total if total else 0.0


def short_line_share(body: Candidate) -> float:
    """Share of a body's words on short lines. Trafilatura's last resort (its baseline) is
    the whole page's text in one paragraph, one line per menu entry; an article's text is
    mostly long lines."""
    words = short = 0
    for line in "".join(body.element.itertext()).split("\n"):
        n = len(line.split())
        words += n
        if n < SHORT_LINE:
            short += n
    return short / words if words else 0.0


def doubtful(doc: etree._Element, body: Candidate) -> bool:
    """Whether a body probably missed part of the article (see the two signals above), or
    took a page of links or a menu for it."""
    if link_share(body) > LINKS_DOUBT or short_line_share(body) > SHORT_LINES_DOUBT or is_blob(body):
        return True
    blocks = _blocks(doc, body)
    return missed_share(doc, body, blocks) > MISSED_DOUBT or missed_inside(doc, body, blocks) > INSIDE_DOUBT


def is_blob(body: Candidate) -> bool:
    """A body that is one run of text of thousands of characters: trafilatura's last resort
    (its baseline, when its extractor found too little, joins the text of the page's
    paragraphs into one). The words may be right, but every paragraph, heading and list of
    the article is gone, and menus and notices are run in with them."""
    text = body.text
    return len(text) >= BLOB_CHARS and "\n" not in text


def fragment_or_menu(doc: etree._Element, body: Candidate) -> bool:
    """Stronger doubt than ``doubtful``: the body misses long paragraphs of the page worth
    twice its own size, or is a page of links or menu lines."""
    return (link_share(body) > LINKS_DOUBT or short_line_share(body) > SHORT_LINES_DOUBT
            or missed_share(doc, body) > FRAGMENT)
