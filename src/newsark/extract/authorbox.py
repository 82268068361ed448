"""The box about the author that some bodies end with, and the blocks that are only a
link to a writer's page: what an author box or a byline leaves in a body. Both run once
the byline is known (page.py), the box first: it is found by the name's heading."""

from __future__ import annotations

import re

from .furniture import without_closers
from .plaintext import plain_text

# What follows an author's name in the box about them: "Mirel Zaman is the health and
# fitness director …", "Mike Wall's book …", "Amanda Furrer, Editor, …".
_BIO_RE = r"(?:\s+(?:is|was|has|writes|covers|joined|lives|works)\b|,\s+(?:a|an|the)\b|['’]s\b)"
AUTHOR_BOX_BLOCKS = 3  # the box is among the body's last blocks ...
AUTHOR_BOX_SHARE = 0.25  # ... and, with what follows it, at most this share of its words
NAMES_RE = re.compile(r",|;|&|、|\band\b")
_CJK_NAME_RE = re.compile(r"[\u4e00-\u9fff·]{2,6}")
# A Chinese box's heading: the name alone, after its column or role at most ('**主筆 | 楊健興**',
# '**博客 | 仰止**'), over the writer's bio.
_CJK_LABEL = r"(?:[\u4e00-\u9fff]{1,4}\s*[|｜]\s*)?"


def drop_author_box(markdown: str, author: str | None) -> str:
    """The body without the author's box at its end: a block that is the byline's name
    alone (the box's heading; in Chinese after its column or role at most, '主筆 | 楊健興'),
    or that opens with it and says who they are ("Karina Cohen is the owner of …"), and
    everything after it. Latin names of two words or more only; the same text when there
    is no such box."""
    if not author or not markdown:
        return markdown
    parts = [n.strip() for n in NAMES_RE.split(author)]
    names = [n for n in parts if len(n.split()) >= 2]
    cjk = [n for n in parts if _CJK_NAME_RE.fullmatch(n)]
    if not names and not cjk:
        return markdown
    blocks = markdown.split("\n\n")
    last = range(max(1, len(blocks) - AUTHOR_BOX_BLOCKS), len(blocks))
    if not any(n.split()[0] in blocks[i] for n in names + cjk for i in last):
        return markdown  # most bodies: no name there at all
    box = re.compile("|".join([*(f"{re.escape(n)}(?:$|{_BIO_RE})" for n in names),
                               *(f"{_CJK_LABEL}{re.escape(n)}$" for n in cjk)]))
    for i in last:
        if box.match(plain_text(blocks[i], with_captions=False).strip()):
            # (the labels the box stood after now end the body: 'Follow Us' over the bio)
            kept = "\n\n".join(without_closers(blocks[:i]))
            total, left = _size(plain_text(markdown)), _size(plain_text(kept))
            if total - left <= AUTHOR_BOX_SHARE * total:
                return kept
            break
    return markdown


def _size(text: str) -> int:
    """Words, or characters where the text is Chinese (its words are not spaced)."""
    words = text.split()
    return len("".join(words)) if _CJK_NAME_RE.search(text[:200]) else len(words)


# A block that is one link to a writer's page ('[Kaavya Shah](…/blog/author/kaavya-shah)',
# '### [Ludo Fourrage](…/authors/ludo-fourrage)', '[see all](…/author/…)'): what is left of
# an author box or a byline. (8 such blocks on the English dev sets, none in a labelled body.)
_AUTHOR_LINK_CHARS = 800  # (Markdown included: the link's address)
_AUTHOR_LINK_RE = re.compile(
    r"^[#*_\s]*\[[^\]\n]{1,80}\]\(https?://[^)\s]*/(?:author|authors|contributor|contributors)/[^)\s]*\)[*_.)\s]*$",
    re.IGNORECASE)


def _author_link(block: str) -> bool:
    if len(block) > _AUTHOR_LINK_CHARS:
        return False
    low = block.lower()
    return ("/author" in low or "/contributor" in low) and bool(_AUTHOR_LINK_RE.match(block.strip()))


def drop_author_links(markdown: str) -> str:
    """The body without the blocks that are one link to a writer's page. (After
    ``drop_author_box``, which finds a box by such a heading.) The labels they stood after
    at the body's end go with them; a body is never emptied."""
    blocks = markdown.split("\n\n")
    kept = [b for b in blocks if not _author_link(b)]
    if len(kept) == len(blocks) or not any(b.strip() for b in kept):
        return markdown
    if _author_link(blocks[-1]):
        kept = without_closers(kept)
    return "\n\n".join(kept)
