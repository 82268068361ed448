"""Control characters that XML refuses, kept out of the tree's moves and out of the output;
and characters a reader never sees that split words, kept out of the output (newsark.unseen).

lxml's HTML parser reads them into the tree from a page that has them; every step that then
moves text from one node to another fails (page.py reads such a page again without them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .page import Extraction

# What XML, and so lxml when text is set, refuses: C0 control characters other than tab
# and line breaks, and the non-characters U+FFFE and U+FFFF. lxml's HTML parser still reads
# them into the tree from a page that has them (a vertical tab in a code sample, an ad
# script's separators), and every step that moves text from one node to another then fails.
XML_REFUSED = "XML compatible"  # (lxml's ValueError says so)
CONTROLS = tuple(chr(c) for c in (*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF))
CONTROLS_RE = re.compile("[" + re.escape("".join(CONTROLS)) + "]")


def drop_controls(text: str) -> str:
    """The text without the control characters XML refuses; a form feed, white space in
    HTML, becomes a space."""
    return CONTROLS_RE.sub("", text.replace("\x0c", " "))


_CHAR_REF_RE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def drop_control_refs(html: str) -> str:
    """The page without character references to what ``drop_controls`` drops (``&#x1;``,
    ``&#11;``): the parser turns them into those characters."""

    def one(m: re.Match[str]) -> str:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        if code == 0x0C:
            return " "
        return "" if code < 0x110000 and CONTROLS_RE.match(chr(code)) else m.group(0)

    return _CHAR_REF_RE.sub(one, html) if "&#" in html else html


def drop_output_controls(out: Extraction) -> None:
    """No control character of the page (see CONTROLS_RE) in what is archived: the page
    parsed with them, but a vertical tab in a code sample is no text of the article. (Each
    character looked for in turn: a tenth of the pattern's time on a body.)"""
    if any(c in out.markdown for c in CONTROLS):  # (the text is made from the Markdown)
        out.markdown, out.text = drop_controls(out.markdown), drop_controls(out.text)
    _fix_fields(out, lambda value: drop_controls(value) if CONTROLS_RE.search(value) else value)


def drop_output_unseen(out: Extraction) -> None:
    """No soft hyphen, zero-width space or stray joiner (newsark.unseen) in an extraction's
    text, Markdown, metadata, captions or alt text; link and image addresses keep theirs."""
    from newsark.unseen import visible, visible_markdown

    out.markdown = visible_markdown(out.markdown)
    out.text = visible(out.text)
    _fix_fields(out, visible, figure_keys=("caption", "credit", "alt"))


def _fix_fields(out: Extraction, fix: Callable[[str], str], figure_keys: tuple[str, ...] | None = None) -> None:
    """``fix`` applied to an extraction's title, author, category, lead, tags, bylines'
    names and its figures' texts (those of ``figure_keys``, or all of them). ``fix``
    returns a text it has nothing to change in as it is."""
    for name in ("title", "author", "category", "lead"):
        value = getattr(out, name)
        if value:
            setattr(out, name, fix(value))
    out.tags = [fix(tag) for tag in out.tags]
    out.bylines = [(role, fix(name)) for role, name in out.bylines]
    for figure in out.figures:
        for key, value in figure.items():
            if isinstance(value, str) and (figure_keys is None or key in figure_keys):
                figure[key] = fix(value)
