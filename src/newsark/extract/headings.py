"""Headings the libraries lose or flatten, kept or given back from the page."""

from __future__ import annotations

from lxml import etree

from .choose import block_key
from .nodetext import flat_text, squeezed_text

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
MAX_HEADING = 200  # characters: a longer paragraph is no heading, whatever the page says
_FOLLOW_KEY = 30  # characters (white space aside) of the text after a heading compared


# What a heading's permalink shows, when it shows anything: '#', '¶', '§', a link symbol.
_PERMALINK_MARKS = frozenset(("", "#", "¶", "§", "🔗", "⚓", "link", "permalink", "anchor", "anchor link",
                              "copy link", "link to this section"))


def _to_itself(a: etree._Element, heading: etree._Element) -> bool:
    """Whether a link points at the heading's own place: a fragment alone ('#goals'), or a
    fragment that is the heading's id or the link's ('/select/hubs#anchor-37d07d' on an
    <a id="anchor-37d07d"> around the heading)."""
    href = (a.get("href") or "").strip()
    if href.startswith("#"):
        return True
    fragment = href.partition("#")[2]
    return bool(fragment) and fragment in (heading.get("id"), a.get("id"))


def unlink_self_anchored_headings(doc: etree._Element) -> None:
    """A heading written wholly as a link to itself ('<h2 id="goals"><a href="#goals">Setting
    goals</a></h2>', so a reader can copy its address) is a heading: readability drops a
    heading that is mostly a link (29 headings of one WCXB page). The link goes, its text
    stays. So does a link to itself around a heading ('<a href="…#anchor-37d07d"
    id="anchor-37d07d"><h2>What is a smart home hub?</h2></a>', NBC News), which made the
    heading a link's text. A permalink beside the heading's words ('<a href="#section2">
    #section2</a>', '¶') goes with its mark: it is no part of the heading."""
    for heading in list(doc.iter(HEADINGS)):
        own = flat_text(heading)
        for a in list(heading.iter("a")):
            if not _to_itself(a, heading):
                continue
            shown = flat_text(a)
            if shown == own:
                a.drop_tag()
                break
            fragment = (a.get("href") or "").partition("#")[2]
            if shown.lower() in _PERMALINK_MARKS or shown in (f"#{fragment}", fragment):
                a.drop_tree()  # (its tail, if any, stays: lxml joins it to what came before)
        parent = heading.getparent()
        if parent is not None and parent.tag == "a" and len(parent) == 1 and not (parent.text or "").strip() \
                and not (heading.tail or "").strip() and _to_itself(parent, heading):
            parent.drop_tag()


def _text_after(el: etree._Element) -> str:
    """The first characters of the text that follows ``el`` in its tree, white space removed."""
    node: etree._Element | None = el
    while node is not None:
        if node.tail and node.tail.strip():
            return "".join(node.tail.split())[:_FOLLOW_KEY]
        for sib in node.itersiblings():
            if isinstance(sib.tag, str):  # (a comment's own text is not shown; its tail is)
                text = squeezed_text(sib)
                if text:
                    return text[:_FOLLOW_KEY]
            if sib.tail and sib.tail.strip():
                return "".join(sib.tail.split())[:_FOLLOW_KEY]
        node = node.getparent()
    return ""


def restore_headings(body: etree._Element, doc: etree._Element, text: str | None = None) -> int:
    """Give a body's paragraph back its heading: trafilatura's fallbacks write a page's
    headings as paragraphs ('<h3>Partial Remodel</h3>' came out '<p>Partial Remodel</p>',
    18 headings on one WCXB page). A paragraph that is the whole text of a heading of the
    page, with the same text after it in the body as after the heading in the page, takes
    that heading's tag, unless the body has that heading already (``text``: the body's
    text without white space, when known). Returns how many were given back."""
    headings: dict[str, list[etree._Element]] = {}
    for h in doc.iter(HEADINGS):
        own = flat_text(h)
        if 0 < len(own) <= MAX_HEADING:
            headings.setdefault(own, []).append(h)
    if not headings:
        return 0
    # Most bodies flattened no heading: each heading's text in the body is one of its headings.
    if text is None:
        text = squeezed_text(body)
    kept = {squeezed_text(h) for h in body.iter(HEADINGS)}
    if all(squeezed in kept or squeezed not in text for squeezed in ("".join(t.split()) for t in headings)):
        return 0
    keys = {block_key(h) for hs in headings.values() for h in hs}
    restored = 0
    for p in body.iter("p"):
        if block_key(p) not in keys:  # (most paragraphs: read no further)
            continue
        flat = flat_text(p)
        same = headings.get(flat)
        if not same or "".join(flat.split()) in kept:  # (a table of contents' entry for a heading the body has)
            continue
        after = _text_after(p)
        match = next((h for h in same if after and _text_after(h) == after), None)
        if match is not None:
            p.tag = match.tag
            p.attrib.clear()
            restored += 1
    return restored
