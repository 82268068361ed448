"""Restoring blocks the chosen body dropped from the middle of the article.

Trafilatura drops some blocks of the article's own flow: a list whose items are bold
labels and links, a table, a heading its heuristics took for a teaser. A block the body
lacks is put back only when the page places it between two blocks the body kept, as a
sibling of theirs (one parent, the article's flow), and it is not mostly links (a "read
also" box placed in the flow stays out) unless a lead-in the body kept introduces it
('Top Expert Recommendations:' over a listicle's product links, ``_introduced``). It goes
in before the body's copy of the next kept sibling, so the article's order holds; so does
a heading the page places right before a kept block, after another, in the article's
container (``_lost_headings``).
The article's opening, when readability's body starts too late, comes back from
trafilatura's (``restore_lead``); the pictures a body dropped, from the page
(``restore_images``).
"""

from __future__ import annotations

import bisect
import copy
import re

from lxml import etree

from .candidates import Candidate, fast_text
from .choose import CJK_RE, KEY_CHARS, BodyKeys, inside, link_chars, page_blocks
from .furniture import related_label
from .media import IMAGE_FILE_RE, SCHEME_RE, captioned, image_src, is_content_image
from .nodetext import all_text, squeezed_text
from .trim import _UNITS, MIN_WORDS, _container, _Found, _units, _walk_units, find_units

_RESTORE = {"p", "ul", "ol", "table", "blockquote", "h2", "h3", "h4", "dl", "pre"}
MAX_LINKS = 0.5  # a block this much link text is not restored
# Text of these never counts (a <p> holding only a style sheet or a script is no paragraph;
# a heading's "copy link" button is not its text).
_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
                    " or ancestor::button or ancestor::svg or ancestor::template or ancestor::select)]")
_CONTAINERS = {"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr"}
_DROP = ("script", "style", "noscript", "iframe", "form", "button", "svg", "template")


def _key(el: etree._Element) -> tuple[str, str, int, int]:
    """(first characters, last characters, words, characters) of a block's text, white
    space left out."""
    words = "".join(str(t) for t in _TEXT(el)).split()
    joined = "".join(words)
    return joined[:KEY_CHARS], joined[-KEY_CHARS:], len(words), len(joined)


def restore_sandwiched(doc: etree._Element, body: Candidate | None) -> Candidate | None:
    """The body with the blocks it dropped between two kept siblings put back (see the
    module's docstring); the same candidate when there are none."""
    if body is None:
        return None
    in_body = BodyKeys(body.text)
    have = in_body.have
    # Page elements holding a block the body kept, each with the body's first block in it;
    # the parents of those blocks (of their list, for a list item) are the article's flow.
    # (Keyed by the elements themselves, which keeps them alive: lxml gives a node the
    # same Python object only while one exists, so ids of dropped ones would be reused.)
    first: dict[etree._Element, etree._Element] = {}
    parents: dict[etree._Element, None] = {}
    found = find_units(doc, _units(body.element))
    for unit, _, el in found:
        if el is None:
            continue
        first.setdefault(el, unit)
        for anc in el.iterancestors():
            if anc in first:
                break  # its ancestors are marked already
            first[anc] = unit
        parent = el.getparent()
        if el.tag == "li" and parent is not None:
            parent = parent.getparent()
        if parent is not None:
            parents[parent] = None
    inserts: list[tuple[etree._Element, etree._Element]] = []  # (page block, body block before which)
    added: set[str] = set()
    for parent in parents:
        kids = [c for c in parent if isinstance(c.tag, str)]
        kept = [c in first for c in kids]
        # the first kept child, and after each child the next kept one (looked for once:
        # a search from every child grew with the square of a parent's 10,000 pictures)
        first_kept = kept.index(True) if True in kept else len(kids)
        next_kept: list[etree._Element | None] = [None] * len(kids)
        following = None
        for i in range(len(kids) - 1, -1, -1):
            next_kept[i] = following
            if kept[i]:
                following = kids[i]
        for i, child in enumerate(kids):
            if kept[i] or child.tag not in _RESTORE or first_kept > i:  # (none kept before it)
                continue
            nxt = next_kept[i]
            if nxt is None:
                continue
            k, end, n, chars = _key(child)
            # (short blocks first, the most of them: no search of the body for those)
            if n < MIN_WORDS and not _introduced(kids, i, in_body):
                continue
            # Not when the body holds it in another form (an extractor drops or reorders
            # inline bits: one end may differ), nor twice (a page rendering it twice).
            if k in have or end in have or k in added:
                continue
            if link_chars(child) >= MAX_LINKS * max(1, chars) and not _introduced(kids, i, in_body):
                continue
            inserts.append((child, first[nxt]))
            added.add(k)
    # after the blocks: a heading goes in right before its kept block, after anything else
    inserts += _lost_headings(found, in_body, added)
    if not inserts:
        return body
    for block, anchor in inserts:
        new = copy.deepcopy(block)
        new.tail = None
        etree.strip_elements(new, *_DROP, with_tail=False)
        _in_flow(anchor).addprevious(new)
    text = fast_text(body.element)
    return Candidate(body.name, body.element, text) if text else body


LEAD_IN_WORDS = 12  # a kept block this short, ending in a colon, introduces the list under it
LEAD_IN_CHARS = 100
# Labels over other stories' links, not an article's lead-in ('Read more:', 'See also:').
_MORE_RE = re.compile(r"(?:read|see|more|also|related|further|recommended|popular|trending|latest)\b", re.IGNORECASE)


def _introduced(kids: list[etree._Element], i: int, in_body: BodyKeys) -> bool:
    """Whether a list is the one a lead-in right before it, which the body kept, introduces
    ('Top Expert Recommendations:' over the products' links, fieldedge; 'Meditation has been
    shown to help improve:' over its studies' links): the article's list, however short and
    however many links it holds. Not under a related-stories label ('Related articles:')."""
    if kids[i].tag not in ("ul", "ol") or i == 0:
        return False
    words = "".join(str(t) for t in _TEXT(kids[i - 1])).split()
    text = " ".join(words)
    if not (text.endswith((":", "：", "︰")) and len(text) <= LEAD_IN_CHARS) or related_label(text):
        return False
    if not CJK_RE.search(text) and not (2 <= len(words) <= LEAD_IN_WORDS and not _MORE_RE.match(text)):
        return False  # (a label of one word is a button's: 'More:' over Al Jazeera's other stories)
    return "".join(words) in in_body.have


def _in_flow(block: etree._Element) -> etree._Element:
    """Where something goes in before a kept body block: before the list or table that
    holds it, not inside them."""
    while block.getparent() is not None and block.getparent().tag in _CONTAINERS:
        block = block.getparent()
    return block


_NOT_FLOW = {"aside", "nav", "header", "footer", "noscript", "form", "button"}


def restore_images(doc: etree._Element, body: etree._Element) -> int:
    """Put back the pictures the chosen body dropped from inside the article: a content
    image of the page (lazily loaded ones resolved first) that stands in the article's
    container between two blocks the body kept, and that the body lacks, goes in before
    the body's copy of the next kept block. Trafilatura's fallbacks and readability keep
    no picture of some layouts (a Squarespace image block, a figure in its own wrapper
    between text blocks); a picture linked to another page (a teaser's thumbnail), or in
    an aside, navigation, header or footer, stays out. Returns how many were put back.
    Their captions are found in the page like any figure's (``CaptionFinder``)."""
    units = _units(body)
    found = find_units(doc, units)
    box = _container(found)
    if box is None:
        return 0
    # (trafilatura writes a protocol-relative //host/… as http:)
    have = {SCHEME_RE.sub("", image_src(img)) for img in body.iter("img")}
    candidates = []
    for img in box.iter("img"):
        src = image_src(img)
        key = SCHEME_RE.sub("", src)
        if key in have or not is_content_image(img, src) or _outside_flow(img, box) \
                or (_icon_sized(img) and not captioned(img)):
            continue
        candidates.append(img)
        have.add(key)
    if not candidates:
        return 0
    elements = list(box.iter())
    order = {el: i for i, el in enumerate(elements)}
    kept = sorted((order[el], i) for i, (_, _, el) in enumerate(found) if el is not None and el in order)
    positions = [p for p, _ in kept]
    restored = 0
    for img in candidates:
        at = bisect.bisect_left(positions, order[img])
        if at == 0 or at == len(positions):
            continue  # not between two kept blocks: before the article or after it
        place = _in_flow(found[kept[at][1]][0])
        place = _before_short_blocks(place, elements[order[img] + 1 : positions[at]])
        place.addprevious(picture_copy(img))
        restored += 1
    return restored


def _before_short_blocks(place: etree._Element, between: list[etree._Element]) -> etree._Element:
    """Where a picture goes: before the body's blocks too short to be looked up on the page
    ('相关新闻：', 'Related:') that the page writes between the picture and ``place``'s
    block, not between them and ``place``."""
    written = {squeezed_text(el) for el in between if el.tag in _UNITS}
    written.discard("")
    prev = place.getprevious()
    while prev is not None and isinstance(prev.tag, str) and squeezed_text(prev) in written:
        place, prev = prev, prev.getprevious()
    return place


ICON_SIDE = 100  # pixels: a picture the page draws smaller both ways is an icon, not the article's


def _icon_sized(img: etree._Element) -> bool:
    """Whether the page draws a picture icon-sized (a text-ad box's 54×50 badge between two
    paragraphs): both its width and height given, and both under ICON_SIDE. (A figure the
    page captions is content at any size: a testimonial's headshot over its name.)"""
    sides = (img.get("width") or "", img.get("height") or "")
    return all(side.isdigit() and int(side) < ICON_SIDE for side in sides)


def picture_copy(img: etree._Element) -> etree._Element:
    """A page's picture to put into a body: its resolved source, none of the text after it."""
    new = copy.deepcopy(img)
    new.tail = None
    new.set("src", image_src(img))
    return new


def _outside_flow(img: etree._Element, box: etree._Element) -> bool:
    """Whether an image is not the article's own picture: inside an aside, navigation,
    header, footer, form, noscript copy or button (but a lightbox's: a button holding a
    figure opens the article's picture larger), or linked to a page that is not the
    picture."""
    for depth, anc in enumerate(img.iterancestors()):
        if anc is box:
            return False
        if anc.tag in _NOT_FLOW and not (anc.tag == "button" and lightbox(anc)):
            return True
        if anc.tag == "a" and depth < 3 and not IMAGE_FILE_RE.search(anc.get("href") or ""):
            return True
    return False


def lightbox(button: etree._Element) -> bool:
    """Whether a <button> opens its picture larger (a lightbox): it holds a figure."""
    return button.find(".//figure") is not None


LEAD_WORDS = 15  # the opening a body missed must say this much to be put back
BOX_SHARE = 1.5  # the container of both holds at most this much more text than they do


def restore_lead(doc: etree._Element, body: Candidate | None, other: Candidate | None) -> Candidate | None:
    """The body with the article's opening put back when it started too late: the blocks
    the other candidate opens with, up to the first one the body holds, when the page
    places them before the body's first block, in the article's flow (each a child of an
    ancestor of that block: not a summary box or a disclosure beside the article), in one
    container with the body that holds little else, and they are prose (not mostly links).
    Readability takes the one container that scores best; when that is a part nested in
    the article (an embedded table with the text after it), the paragraphs above it are
    lost, while trafilatura kept them. (Without the flow condition, 10 dev pages changed,
    5 for the worse: deks, disclosures, tag lines; with it, 2, both better. The same rule
    for an ending the body missed changed no dev page, so there is none.)"""
    if body is None or other is None:
        return body
    have = "".join(body.text.split())
    lead: list[etree._Element] = []
    for unit in _walk_units(other.element):
        joined = "".join(all_text(unit).split())
        if joined[:KEY_CHARS] in have:
            break
        if joined:
            lead.append(unit)
    if not _opening_fits(doc, body, lead):
        return body
    anchor = next((c for c in body.element if isinstance(c.tag, str)), None)
    for unit in lead:
        new = copy.deepcopy(unit)
        new.tail = None
        if anchor is None:
            body.element.append(new)
        else:
            anchor.addprevious(new)
    text = fast_text(body.element)
    return Candidate(body.name, body.element, text) if text else body


def _opening_fits(doc: etree._Element, body: Candidate, lead: list[etree._Element]) -> bool:
    words = sum(len(all_text(u).split()) for u in lead)
    chars = sum(len("".join(all_text(u).split())) for u in lead)
    if words < LEAD_WORDS or sum(link_chars(u) for u in lead) >= MAX_LINKS * chars:
        return False
    order = {el: i for i, (el, _, _) in enumerate(page_blocks(doc))}
    body_els = [el for _, _, el in find_units(doc, _walk_units(body.element)) if el is not None and el in order]
    lead_els = [el for _, _, el in find_units(doc, lead) if el is not None and el in order]
    if not body_els or not lead_els:
        return False
    first = min(body_els, key=order.__getitem__)
    if max(order[el] for el in lead_els) >= order[first]:
        return False
    flow = set(first.iterancestors())
    if not all(el.getparent() in flow for el in lead_els):
        return False
    box = next((a for a in lead_els[0].iterancestors() if inside(first, a)), None)
    return box is not None and len(all_text(box).split()) <= BOX_SHARE * (words + len(body.text.split()))


_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_SILENT = {"script", "style", "noscript", "template"}  # their text is not shown


def _next_text_owner(el: etree._Element) -> etree._Element | None:
    """The element holding the first text shown after ``el`` (outside it), in document
    order; None when nothing follows. (An XPath ``following::text()`` costs a walk of the
    rest of the page; the text after a heading is near.)"""
    node: etree._Element | None = el
    while node is not None:
        parent = node.getparent()
        if node.tail and not node.tail.isspace():
            return parent
        for sib in node.itersiblings():
            if not isinstance(sib.tag, str):  # a comment: only its tail is shown
                if sib.tail and not sib.tail.isspace():
                    return parent
                continue
            silent = 0
            for event, e in etree.iterwalk(sib, events=("start", "end")):
                quiet = not isinstance(e.tag, str) or e.tag in _SILENT
                if event == "start":
                    silent += quiet
                    if not silent and e.text and not e.text.isspace():
                        return e
                    continue
                silent -= quiet
                if not silent and e.tail and not e.tail.isspace():
                    return e.getparent()
        node = parent
    return None


def _precedes(a: etree._Element, b: etree._Element) -> bool:
    """Whether ``a`` starts before ``b`` in document order."""
    up_a = [a, *a.iterancestors()]
    at = {e: i for i, e in enumerate(up_a)}
    below = b  # the child of the common ancestor on b's side
    for j, e in enumerate((b, *b.iterancestors())):
        i = at.get(e)
        if i is not None:
            if i == 0 or j == 0:  # one holds the other: the outer one starts first
                return i == 0 and j > 0
            return e.index(up_a[i - 1]) < e.index(below)
        below = e
    return False


def _kept_around(el: etree._Element, kept: dict[etree._Element, etree._Element]) -> etree._Element | None:
    """The body block kept from this element or one around it, if any."""
    for anc in (el, *el.iterancestors()):
        if anc in kept:
            return kept[anc]
    return None


def _lost_headings(found: _Found, in_body: BodyKeys, added: set[str]) -> list[tuple[etree._Element, etree._Element]]:
    """The headings the body dropped from inside the article, each with the body block it
    goes in before: a heading of the page, in the article's container, that stands after
    a block the body kept and right before another one (no text the body dropped between
    them: a heading followed by a dropped list of links was that list's; another heading
    may be, and both go in), that the body lacks, that is not mostly links nor inside a
    link (a teaser card's title), an aside, navigation or a form. Trafilatura loses the
    headings of an article whose sections sit in their own wrappers apart from its main
    container (a listicle's items, each an image, a heading and a text box), taking their
    paragraphs only; they are no siblings of the kept blocks."""
    box = _container(found)
    kept = {el: unit for unit, _, el in found if el is not None}
    if box is None or not kept:
        return []
    first: etree._Element | None = None  # the kept block the page places first, once needed
    out: list[tuple[etree._Element, etree._Element]] = []
    pending: list[etree._Element] = []  # lost headings right before this one
    for heading in box.iter(*_HEADINGS):
        if _kept_around(heading, kept) is not None or not _lost_heading(heading, box, in_body, added):
            pending = []
            continue
        if first is None:  # (a body may reorder its parts: not always its first block)
            for el in kept:
                if first is None or _precedes(el, first):
                    first = el
        if first is None or not _precedes(first, heading):
            continue  # not after a kept block: before the article
        owner = _next_text_owner(heading)
        nxt = _kept_around(owner, kept) if owner is not None else None
        if nxt is not None:  # (each time: "Pros", "Cons" head every product's parts)
            out.extend((h, nxt) for h in (*pending, heading))
            pending = []
        elif owner is not None and any(a.tag in _HEADINGS for a in (owner, *owner.iterancestors())):
            pending.append(heading)  # another heading follows: both go in before its block
        else:
            pending = []  # text the body dropped follows: the heading was its
    return out


def _heading_key(el: etree._Element) -> str:
    return "".join("".join(str(t) for t in _TEXT(el)).split())[:KEY_CHARS]


def _lost_heading(el: etree._Element, box: etree._Element, in_body: BodyKeys, added: set[str]) -> bool:
    key = _heading_key(el)
    if not key or key in added or key in in_body or link_chars(el) >= MAX_LINKS * len(key):
        return False
    # not in an aside, navigation, a form…, nor inside a link (a teaser card's title)
    return not any(anc.tag in _NOT_FLOW or anc.tag == "a" for anc in _ancestors_below(el, box))


def _ancestors_below(el: etree._Element, box: etree._Element) -> list[etree._Element]:
    out = []
    for anc in el.iterancestors():
        if anc is box:
            break
        out.append(anc)
    return out


_SHOWN_TEXTS = etree.XPath(".//text()[normalize-space()]")
_XML_SPACE = " \t\r\n"  # what XPath's normalize-space() takes for white space


def _previous_shown_text(el: etree._Element) -> tuple[str, etree._Element, bool] | None:
    """(text, the element holding it, whether it is that element's tail) of the last text
    before ``el`` in document order that is not white space alone. A walk back that stops
    there (an XPath ``preceding::text()`` looks through the whole page before it: a page
    of 4,000 such paragraphs took a minute)."""
    node: etree._Element | None = el
    while node is not None:
        for sib in node.itersiblings(preceding=True):
            if sib.tail and sib.tail.strip(_XML_SPACE):
                return sib.tail, sib, True
            if isinstance(sib.tag, str):
                texts = _SHOWN_TEXTS(sib)
                if texts:
                    last = texts[-1]
                    return str(last), last.getparent(), bool(last.is_tail)
        parent = node.getparent()
        if parent is not None and parent.text and parent.text.strip(_XML_SPACE):
            return parent.text, parent, False
        node = parent
    return None


def restore_drop_caps(doc: etree._Element, body: Candidate | None) -> Candidate | None:
    """The body with the drop caps it lost put back: a paragraph that opens with a lower-case
    letter on the page too, where the text the page shows right before it is a capital
    letter alone in an element of its own (``<div class="first-letter">D</div><p>uring …``:
    the big letter drawn beside the paragraph; extractors keep 'uring'). A drop cap
    inside the paragraph is kept by every extractor."""
    if body is None or not any((p.text or "").lstrip()[:1].islower() for p in body.element.iter("p")):
        return body
    fixed = 0
    for unit, _, el in find_units(doc, _units(body.element)):
        if el is None or unit.tag != "p" or not (unit.text or "").lstrip()[:1].islower():
            continue
        if not (el.text or "").lstrip()[:1].islower():
            continue  # the page's paragraph opens otherwise: not this case
        before = _previous_shown_text(el)
        if before is None or before[2]:
            continue
        letter, holder = before[0].strip(), before[1]
        if len(letter) == 1 and letter.isupper() and len(holder) == 0 and holder.tag not in _SILENT:
            # (the later steps' cached words of this block keep 'uring …', as the page's
            # own paragraph reads: they still find it there)
            unit.text = letter + (unit.text or "").lstrip()
            fixed += 1
    if not fixed:
        return body
    return Candidate(body.name, body.element, fast_text(body.element))
