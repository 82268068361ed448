"""Pages nested deeper than an HTML parser reads.

Hand-made and old pages often open a tag on every line and never close it (a
``<font color=red>`` before each line, a ``<div>`` per paragraph): each line then sits one
level deeper than the one before. libxml2 stops reading a page 256 levels down and drops
everything after that point without a word: a page of 300 such lines kept 254 of them.

Such a page is read again without the tags that nest when left open: the inline wrappers
go (their formatting is lost, their text is kept) and where a block container opens or
closes a paragraph starts (``<p>`` closes the one before it, so nothing nests); if it still goes too deep (lists or
tables left open), their items and cells become paragraphs too. Only a page that goes too
deep even then is read with libxml2's "huge" option, 2048 levels.
"""

from __future__ import annotations

import re

from lxml import etree

_WRAPPERS_RE = re.compile(r"</?(?:font|span|center|small|big|b|i|u|em|strong)\b[^>]*>", re.IGNORECASE)
_BLOCKS = r"(?:div|section|article|aside|main|nav|header|footer|blockquote|form|fieldset|details|address|figure)"
_BLOCK_OPEN_RE = re.compile(rf"<{_BLOCKS}\b[^>]*>", re.IGNORECASE)
_BLOCK_CLOSE_RE = re.compile(rf"</{_BLOCKS}\s*>", re.IGNORECASE)
_ITEM_OPEN_RE = re.compile(r"<(?:li|dt|dd|tr|td|th)\b[^>]*>", re.IGNORECASE)
_LIST_TAGS_RE = re.compile(r"</?(?:ul|ol|dl|table|tbody|thead|tfoot)\b[^>]*>|</(?:li|dt|dd|tr|td|th)\s*>",
                           re.IGNORECASE)


def stopped_too_deep(parser: etree.HTMLParser) -> bool:
    """Whether the parser's last page (in this thread) stopped at its nesting limit, the
    rest of the page not read. Free: libxml2 ends such a parse on this error."""
    last = parser.error_log.last_error
    return last is not None and last.type_name == "ERR_RESOURCE_LIMIT" and "depth" in last.message


def unnested(text: str, *, lists: bool = False) -> str:
    """The page's HTML without the tags that nest when left open: inline wrappers dropped
    (their text stays), a paragraph started where a block container (``<div>``,
    ``<section>``, ``<blockquote>`` …) opens or closes;
    with ``lists``, list items and table cells too (the lists and tables themselves gone)."""
    text = _WRAPPERS_RE.sub("", text)
    # (a closer starts a paragraph too: the text after a closed block is not the block's)
    text = _BLOCK_CLOSE_RE.sub("<p>", _BLOCK_OPEN_RE.sub("<p>", text))
    if lists:
        text = _LIST_TAGS_RE.sub("<p>", _ITEM_OPEN_RE.sub("<p>", text))
    return text


# HTML's void elements that libxml2's HTML parser does not know as void: it nests what
# follows them inside them, up to their parent's end ('<picture><source><source><img>'
# puts the picture two levels down, '…long<wbr>word</p>' puts the word inside the <wbr>).
_VOID_UNKNOWN = ("source", "track", "wbr", "embed", "keygen")
_VOID_UNKNOWN_RE = re.compile(rf"<(?:{'|'.join(_VOID_UNKNOWN)})\b", re.IGNORECASE)


def empty_void_elements(doc: etree._Element, text: str) -> int:
    """Move what the parser nested inside a void element (``_VOID_UNKNOWN``) out after it,
    where the page put it and a browser shows it, so that a picture's caption, its link and
    its wrapper are as near to it as the page writes them. ``text`` is the page's HTML (most
    pages write none of these elements). Returns how many elements were emptied."""
    if not _VOID_UNKNOWN_RE.search(text):
        return 0
    emptied = 0
    for el in list(doc.iter(_VOID_UNKNOWN)):
        if el.text is None and not len(el):
            continue
        parent = el.getparent()
        if parent is None:
            continue
        children, tail = list(el), el.tail
        el.tail, el.text = el.text, None  # its text follows it
        at = parent.index(el)
        for i, child in enumerate(children, start=1):
            parent.insert(at + i, child)  # (moves the child with its tail)
        last = children[-1] if children else el
        last.tail = (last.tail or "") + (tail or "") or None
        emptied += 1
    return emptied
