"""A photo gallery the chosen body lost whole.

A gallery story (a row of pictures and the caption of the one shown) keeps its pictures in
a list of its own beside the caption's box; neither library takes them, and the body is
the caption alone. When a short body (STORY_CHARS) holds no picture at all and such a
list stands in the same small part of the page as the body's text (their common container
holds little more text than the body), its pictures go into the body, before the text when the page shows them
first, else after it. A list of pictures linked to other pages (teasers, product cards:
the picture or a name beside it is a link), in an aside, navigation, header or footer, or
far from the body's text stays out.
"""

from __future__ import annotations

from lxml import etree

from .choose import inside
from .media import IMAGE_FILE_RE, image_src, is_content_image
from .nodetext import squeezed_text
from .restore import _precedes, picture_copy
from .trim import _units, find_units

GALLERY_ITEMS = 3  # pictures in a row, each in an item of its own, that make a gallery
STORY_CHARS = 1500  # a gallery story's own text (its captions, an introduction) is this short
ITEM_CHARS = 40  # text an item holds beside its picture (a number, a short label) at most
NEAR_CHARS = 300  # the container of both holds at most the body's text and this much more
NEAR_SHARE = 1.5  # ... or this many times the body's text
ITEM_DEPTH = 5  # levels a picture sits below its row at most (the row's item, its wrappers)
_NOT_GALLERY = {"aside", "nav", "header", "footer", "noscript", "form"}


def restore_gallery(doc: etree._Element, body: etree._Element) -> int:
    """Put a lost gallery's pictures into a body without any; how many were put in."""
    if next(body.iter("img"), None) is not None:
        return 0
    size = len(squeezed_text(body))
    if size > STORY_CHARS:
        return 0  # a long article without pictures: a carousel beside it is more likely a promotion
    rows = [(row, pictures) for row in _rows(doc) if (pictures := _pictures(row))]
    anchor = _anchor(doc, body) if rows else None  # (most pages have no gallery: no lookup)
    if anchor is None:
        return 0
    near = max(NEAR_SHARE * size, size + NEAR_CHARS)
    for row, pictures in rows:
        box = _common(row, anchor)
        if box is None or len(squeezed_text(box)) > near:
            continue
        before = _precedes(row, anchor)
        for i, img in enumerate(pictures):
            if before:
                body.insert(i, picture_copy(img))
            else:
                body.append(picture_copy(img))
        return len(pictures)
    return 0


_TEXT_WITH = etree.XPath("//body//text()[contains(., $k)]", smart_strings=True)
_RUN_CHARS = 8  # a run of text without white space this long finds a Chinese block on the page


def _anchor(doc: etree._Element, body: etree._Element) -> etree._Element | None:
    """The page element of the body's first block found on the page: by its first words
    (``find_units``), or, for Chinese text without spaces, by a run of its characters."""
    units = _units(body)
    for _, _, el in find_units(doc, units):
        if el is not None:
            return el
    for unit in units:
        runs = [r for r in "".join(unit.itertext())[:200].split() if len(r) >= _RUN_CHARS]
        if runs:
            hits = _TEXT_WITH(doc, k=max(runs, key=len)[:40])
            if hits:
                return hits[0].getparent()
    return None


def _rows(doc: etree._Element) -> list[etree._Element]:
    """Lists and boxes with GALLERY_ITEMS or more items holding a picture (found from the
    pictures up: a page has few pictures and many boxes)."""
    held: dict[etree._Element, set[etree._Element]] = {}
    for img in doc.iter("img"):
        child = img
        for _ in range(ITEM_DEPTH):
            parent = child.getparent()
            if parent is None:
                break
            if parent.tag in ("ul", "ol", "div"):
                held.setdefault(parent, set()).add(child)
            child = parent
    return [row for row, items in held.items() if len(items) >= GALLERY_ITEMS]


def _pictures(row: etree._Element) -> list[etree._Element] | None:
    """The pictures of a gallery, one per item of the row, or None when the row is not one."""
    items = [c for c in row if isinstance(c.tag, str)]
    pictures = []
    for item in items:
        imgs = [i for i in item.iter("img") if is_content_image(i, image_src(i))]
        if len(imgs) != 1 or len(squeezed_text(item)) > ITEM_CHARS:
            return None
        if any(a.get("href") and not IMAGE_FILE_RE.search(a.get("href") or "")
               and (inside(imgs[0], a) or "".join(a.itertext()).strip()) for a in item.iter("a")):
            return None  # a teaser or a product card: its picture or its name links to its page
        pictures.append(imgs[0])
    if len(pictures) < GALLERY_ITEMS or any(a.tag in _NOT_GALLERY for a in row.iterancestors()):
        return None
    if len({(item.tag, item.get("class")) for item in items}) > 1:
        return None  # a gallery's items are alike: not a column of different boxes
    return pictures


def _common(a: etree._Element, b: etree._Element) -> etree._Element | None:
    """The nearest element holding both."""
    around_b = set(b.iterancestors())
    return next((x for x in a.iterancestors() if x in around_b), None)
