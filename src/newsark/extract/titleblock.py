"""The title repeated at the top of a body, with the breadcrumbs or the layout table
around it: dropped, since the archive's format writes the title once, as ``# title``."""

from __future__ import annotations

import re

from .plaintext import plain_text

# What may stand before the title in a block that repeats it: a breadcrumb trail
# ('Consulting Articles > Careers > ', 'General» ', 'Home' run into the title) or a label.
_CRUMBS_RE = re.compile(r"^(?:home|title\s*:|(?:[^>»›]{1,40}[>»›]\s*){1,4})$", re.IGNORECASE)
_PICTURES = ("<figure", "{{<")  # a figure's block, a video's shortcode


def drop_title_block(markdown: str, title: str | None) -> str:
    """Drop the title repeated at the top of the body, and the breadcrumbs above it (short
    blocks, or breadcrumbs that end with the title again); or,
    where none is the title alone, a block of breadcrumbs that ends with it ('Home >
    Careers > The title', 'General» The title')."""
    if not title:
        return markdown
    blocks = markdown.split("\n\n")
    norm = "".join(title.split())
    top = [("".join(re.sub(r"^#+ ", "", b).split()), b) for b in blocks[:4]]
    at = next((i for i, (flat, _) in enumerate(top) if flat == norm), None)
    if at is None:
        at = next((i for i, (flat, b) in enumerate(top) if flat.endswith(norm) and _crumbs_before(b, title)), None)
    if at is None:  # a layout table heading the page: the title, its date and source, paging
        at = next((i for i, (_, b) in enumerate(top) if b.startswith("|") and _titles_table(b, norm)), None)
    if at is None:
        return markdown
    above = blocks[:at]
    # A picture above the title (the story's lead image) stays; the short blocks go.
    pictures = [b for b in above if b.startswith(_PICTURES)]
    if all(len(b) < 120 or _crumbs_before(b, title) for b in above if not b.startswith(_PICTURES)):
        return "\n\n".join(pictures + blocks[at + 1 :])
    return "\n\n".join(above + blocks[at + 1 :])


TITLE_TABLE_CHARS = 300  # a layout table round the title holds little more than it


def _titles_table(block: str, norm: str) -> bool:
    """A short table whose first cell is the title (the title without white space)."""
    text = "".join(plain_text(block, with_captions=False).replace("|", " ").split())
    return text.startswith(norm) and len(text) <= TITLE_TABLE_CHARS


def _crumbs_before(block: str, title: str) -> bool:
    """Whether a block is breadcrumbs (or a 'Title:' label) and then the title."""
    if block.startswith(_PICTURES):
        return False
    text = plain_text(block, with_captions=False)
    crumbs = text[: len(text) - len(title)].strip() if text.endswith(title) else ""
    return bool(crumbs) and bool(_CRUMBS_RE.match(crumbs))
