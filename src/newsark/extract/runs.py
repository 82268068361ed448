"""Bare text of a container made into paragraphs, as a browser shows it.

Many CMS pages write an article as text straight inside a ``<div>``, between images and
other blocks (``<div><img> LessAccounting is the best … <strong>simplify</strong>. It is
…<h2>…</h2> …</div>``). A browser shows each run of such text and its inline elements as
a paragraph of its own; the extractors' paragraph-based scoring does not see it: the
doubt signals (choose.py) count only real ``<p>``s, so a body that misses those runs goes
unquestioned, and readability scores the runs' container lower. Each run holding text is
wrapped in a ``<p>`` of its own (``<body>`` counts as a container: hand-made pages of
the 1990s write their text straight into it, ``<P>`` only a separator, and trafilatura
drops the text after each heading), after trafilatura has read the page (its own handling of
such runs differs, and measured worse wrapped).

Trafilatura itself breaks such a run at its inline elements ('… designed to' left loose,
'**simplify** …' a paragraph of its own); ``rejoin_split_runs`` joins the pieces again
where the page's own paragraphs show they are one. It may also drop the words before a
run's first inline element ('The council <a>approved</a> …' comes out '[approved] …');
``restore_dropped_openings`` puts them back.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree

from .choose import BLOCK_WORDS, KEY_CHARS, block_size, page_blocks
from .nodetext import all_text, flat_text, text_with_breaks
from .zone import FlatLines

# Inline content: stays inside the run around it. Comments and other non-elements too.
INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "picture", "q", "s", "samp",
    "small", "source", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
})
# Containers with text of their own (in XPath a child's tail is a text node of its parent).
_WITH_BARE_TEXT = etree.XPath("(//body|//div|//section|//article|//main)[text()[normalize-space()]]")


# An empty element drawn as a block: the page's own paragraph break, where an article is one
# run of text with such spacers between its paragraphs (Apple Daily Taiwan:
# '…死因。<span style="display:block;height:1em;"></span>警方調查…').
_SPACERS = etree.XPath(
    "//*[contains(@style, 'display:block') or contains(@style, 'display: block')][not(*)][not(normalize-space())]")
# In the page's text, after such a style: the element's end straight after its start tag.
_EMPTY_AFTER_RE = re.compile(r"[^<>{}]{0,300}>\s*</")
# Elements that are content even when empty (pictures, frames, fields), never a spacer.
_REPLACED = frozenset({"img", "iframe", "video", "audio", "canvas", "embed", "object", "input",
                       "textarea", "select", "picture", "source", "br", "hr", "ins", "a"})


def _writes_empty_block(html: str) -> bool:
    """Whether the page's text may hold a spacer: an element styled display:block that ends
    straight after its start tag (found with str.find: most pages write the style many
    times, in their style sheets, where a pattern's own search is slower)."""
    for probe in ("display:block", "display: block"):
        at = html.find(probe)
        while at != -1:
            if _EMPTY_AFTER_RE.match(html, at + len(probe)):
                return True
            at = html.find(probe, at + len(probe))
    return False


def break_spacers(doc: etree._Element, html: str | None = None) -> int:
    """Make each empty ``display:block`` element with a line after it (its tail's text, or
    an inline element) a ``<br>``: the lines before and after it were read as one by every
    extractor, run together; and readability's paragraphs of a ``<div>``'s runs end at a
    ``<br>``. ``html``, the page's text, spares the search of the tree on pages that write
    no such element. Returns how many were made."""
    if html is not None and not _writes_empty_block(html):
        return 0
    made = 0
    for el in _SPACERS(doc):
        if el.tag in _REPLACED or el.getparent() is None or not _line_after(el):
            continue
        br = el.makeelement("br", {})
        br.tail = el.tail
        el.getparent().replace(el, br)
        made += 1
    return made


def _line_after(el: etree._Element) -> bool:
    after = el.getnext()
    return _has_text(el.tail) or (after is not None and isinstance(after.tag, str) and after.tag != "br"
                                  and _inline(after))


def _inline(el: etree._Element) -> bool:
    return not isinstance(el.tag, str) or el.tag.lower() in INLINE


def _has_text(text: str | None) -> bool:
    return bool(text and not text.isspace())


MIN_WORDS = 8  # a shorter run is a label ("By", a date), not a paragraph
RUN_MARK = "data-newsark-run"  # on each paragraph wrap_text_runs made (unwrapped_copy undoes them)
_UNWRAP = "newsark-unwrap"  # the tag such a paragraph takes in the copy, to be stripped


def _words(text: str | None, run: list[etree._Element]) -> int:
    words = (text or "").split()
    for el in run:
        if isinstance(el.tag, str):
            words += "".join(el.itertext()).split()
        words += (el.tail or "").split()
    return block_size(words)  # (Chinese: two ideographs a word)


def _close_run(box: etree._Element, out: list[etree._Element], text: str | None,
               run: list[etree._Element]) -> bool:
    """Append a run (its leading ``text`` and inline elements) to ``out``: as a new <p>
    when it holds bare text and MIN_WORDS words (True), else as it was."""
    if (_has_text(text) or any(_has_text(el.tail) for el in run)) and _words(text, run) >= MIN_WORDS:
        p = box.makeelement("p", {RUN_MARK: ""})
        p.text = text
        p.extend(run)  # each keeps its tail, now inside the paragraph
        out.append(p)
        return True
    if out:
        out[-1].tail = text
    else:
        box.text = text
    out.extend(run)
    return False


def wrap_text_runs(doc: etree._Element) -> int:
    """Wrap each run of bare text (with its inline elements) of a container in a ``<p>``,
    changing ``doc`` in place. Returns how many paragraphs were made."""
    made = 0
    for box in _WITH_BARE_TEXT(doc):
        children = list(box)
        out: list[etree._Element] = []
        text, run = box.text, []
        box.text = None
        for child in children:
            if _inline(child):
                run.append(child)
            else:
                made += _close_run(box, out, text, run)
                text, run = child.tail, []
                child.tail = None
                out.append(child)
        made += _close_run(box, out, text, run)
        box.extend(out)
    return made


def unwrapped_copy(doc: etree._Element) -> etree._Element:
    """A copy of the page without the paragraphs ``wrap_text_runs`` made: trafilatura's full
    pipeline, asked after the wrapping, reads the runs better as the page wrote them (WCXB:
    4 pages change, +0.21 F1 in all; a copy made before the wrapping would cost every page
    0.7 ms, this one only the few asked)."""
    copy = deepcopy(doc)
    marked = [p for p in copy.iter("p") if p.get(RUN_MARK) is not None]
    for p in marked:
        p.tag = _UNWRAP
    if marked:
        etree.strip_tags(copy, _UNWRAP)  # their text and elements back in their containers
    return copy


_SENTENCE_END = tuple(".!?:;\"”’)]…。！？")
_SIDE = 24  # characters of each paragraph's edge looked up in the page


def _lines(p: etree._Element) -> str:
    """A paragraph's text, white space normalised, with its <br>s as line breaks (two
    lines of one paragraph are not one line)."""
    if p.find(".//br") is None:
        return flat_text(p)
    return "\n".join(" ".join(line.split()) for line in text_with_breaks(p).split("\n"))


def _unfinished(text: str | None) -> bool:
    text = (text or "").rstrip()
    return bool(text) and not text.endswith(_SENTENCE_END)


def _opens_mid_sentence(p: etree._Element) -> bool:
    """Whether ``p`` starts as a piece cut from a paragraph (with an inline element or a
    lower-case letter) after loose text or a paragraph without a sentence's end (the cheap
    test before the page is read)."""
    head = (p.text or "").lstrip()
    if head[:1].isupper() or head[:1].isdigit() or (not head and (len(p) == 0 or not _inline(p[0]))):
        return False
    before = p.getprevious()
    if before is None:
        parent = p.getparent()
        return parent is not None and _unfinished(parent.text)
    if before.tail and not before.tail.isspace():
        return _unfinished(before.tail)
    return before.tag == "p" and _unfinished("".join(before.itertext()))


_PARAGRAPHS_WITH = etree.XPath("//p[contains(normalize-space(.), $s)]")


def _gap(left: str, right: str, doc: etree._Element) -> str | None:
    """' ' or '' when the page writes ``left`` and ``right`` together inside one of its
    paragraphs (with or without a space between), else None."""
    left, right = " ".join(left.split())[-_SIDE:], " ".join(right.split())[:_SIDE]
    if len(left) < 4 or len(right) < 4 or left.endswith(_SENTENCE_END):
        return None
    for p in _PARAGRAPHS_WITH(doc, s=right):  # (found in C; most pieces are in one or two)
        text = _lines(p)
        if f"{left} {right}" in text:
            return " "
        if f"{left}{right}" in text:
            return ""
    return None


def rejoin_split_runs(body: etree._Element, doc: etree._Element) -> int:
    """Put back together a paragraph of the page that ``body`` holds in pieces: trafilatura
    breaks a run of bare text at its inline elements, leaving '… is designed to' loose (the
    tail of an image) or in a paragraph of its own before '<p>**simplify task 0**. It …'.
    A piece joins the next paragraph when the page writes the two together inside one of
    its own paragraphs (after ``wrap_text_runs``). Changes ``body`` in place; returns how
    many pieces were joined."""
    paragraphs = [p for p in body.iter("p") if _opens_mid_sentence(p)]
    joined = 0
    for p in reversed(paragraphs):  # from the end: a piece joined on may join on again
        parent = p.getparent()
        if parent is None:
            continue
        before = p.getprevious()
        loose = parent.text if before is None else before.tail
        start = flat_text(p)
        if loose and not loose.isspace():
            gap = _gap(loose, start, doc)
            if gap is not None:  # loose text before the paragraph: it opens the paragraph
                p.text = loose.strip() + gap + (p.text or "").lstrip()
                if before is None:
                    parent.text = None
                else:
                    before.tail = None
                joined += 1
        elif before is not None and before.tag == "p" and not (before.tail or "").strip():
            gap = _gap(flat_text(before), start, doc)
            if gap is not None:  # the paragraph before ends where this one goes on
                if len(before):
                    before[-1].tail = (before[-1].tail or "").rstrip() + gap + (p.text or "").lstrip()
                else:
                    before.text = (before.text or "").rstrip() + gap + (p.text or "").lstrip()
                before.extend(list(p))
                before.tail = p.tail
                parent.remove(p)
                joined += 1
    return joined


OPENING_CHARS = 300  # the most of a paragraph's opening put back (a longer one is another block)
PROBE_CHARS = 40  # the paragraph's first characters (white space aside) looked up in the page


def restore_dropped_openings(body: etree._Element, doc: etree._Element) -> int:
    """Put back the opening words of a page paragraph that ``body`` holds without them:
    trafilatura drops the text a ``<div>`` starts with before its first inline element ('The
    council <a>approved</a> the new route …' comes out '[approved] the new route …'). A body
    paragraph that opens with an inline element or in lower case takes the page paragraph's
    text before its start, when exactly one paragraph of the page (its own ``<p>`` or a run
    ``wrap_text_runs`` made) holds it, not at its start, and the body has not kept that
    text just before it (``rejoin_split_runs`` joins such pieces). Changes ``body`` in
    place; returns how many paragraphs were mended."""
    mended = 0
    have: str | None = None  # the body's text without white space, when first needed
    page: _PageParagraphs | None = None  # the page's paragraphs, when first needed
    opens: set[str] | None = None  # how the page's blocks open (choose.page_blocks' keys)
    for p in body.iter("p"):
        head = p.text or ""
        if head.strip():
            if not head.lstrip()[:1].islower():
                continue
        elif len(p) == 0 or not _inline(p[0]):
            continue
        words = flat_text(p).split()
        start = " ".join(words)[:_SIDE]
        if len(start) < 8:
            continue
        if len(words) >= BLOCK_WORDS:  # a block of the page opens as it does: nothing was dropped
            if opens is None:
                opens = {key for _, _, key in page_blocks(doc)}
            if "".join(words)[:KEY_CHARS] in opens:
                continue
        if page is None:
            page = _PageParagraphs(doc)
        found = page.only_one_with("".join(words)[:PROBE_CHARS])
        if found is None:
            continue
        text = " ".join(_lines(found).split())
        at = text.find(start)
        if at <= 0 or at > OPENING_CHARS:
            continue
        opening = text[:at]
        if _NOT_ONE_SENTENCE_RE.search(opening) or _LABEL_OPENING_RE.match(opening):
            continue
        before, parent = p.getprevious(), p.getparent()
        if before is not None:
            kept = flat_text(before) + (before.tail or "")
        else:
            kept = (parent.text or "") if parent is not None else ""
        if " ".join(kept.split()).endswith(opening.strip()):
            continue
        squeezed = "".join(opening.split())
        if len(squeezed) >= 12:
            if have is None:
                have = "".join(flat_text(body).split())
            if squeezed in have:
                continue  # the body holds it elsewhere (a piece of the same paragraph)
        p.text = opening + head.lstrip()
        mended += 1
    return mended


class _PageParagraphs:
    """The page's paragraphs without white space, joined into one string (zone.FlatLines):
    each is found with str.find, not a search of the tree for each body paragraph (2 ms a
    WCXB page)."""

    def __init__(self, doc: etree._Element) -> None:
        self.paragraphs = list(doc.iter("p"))
        self.flat = FlatLines(["".join(all_text(p).split()) for p in self.paragraphs])

    def only_one_with(self, squeezed: str) -> etree._Element | None:
        """The one paragraph holding ``squeezed``; None when none does or several do."""
        blob, starts = self.flat.blob, self.flat.starts
        at = blob.find(squeezed)
        if at == -1:
            return None
        i = self.flat.line_at(at)
        end = starts[i + 1] if i + 1 < len(starts) else len(blob)
        if blob.find(squeezed, end) != -1:
            return None
        return self.paragraphs[i]


# An opening that holds a sentence's end, a label's colon, a bracket or a trail's arrow is
# not the first words of the body's sentence ('Image: ', 'Home › ', 'Latest posts by … (',
# 'Why work with us? Numbers talk. '): the extractor left it out for a reason.
_NOT_ONE_SENTENCE_RE = re.compile(r"[.!?:;()\[\]{}|›»>•·。！？：；（）【】]")
# Nor is a byline's or a date line's label before its link ('by [European Space Agency]',
# 'Last updated on 2025-12-17 [commit history]').
_LABEL_OPENING_RE = re.compile(r"\s*(?:by|from|via|(?:last )?(?:updated|published|posted|modified)\b.*)\s*$",
                               re.IGNORECASE)
