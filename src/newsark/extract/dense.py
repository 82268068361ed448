"""A last-resort body for Chinese pages that both body libraries miss: the densest text
block of the page, found by GeneralNewsExtractor (gne, MIT) — text density and
punctuation density per element, links penalised.

Readability and trafilatura look for paragraph elements; a page written as nested
``<section><span>`` runs with no ``<p>`` (WeChat articles, some CMS editors) gives them
nothing to score and they return a menu or a footer. gne's body F1 is lower than theirs
on ordinary pages (see the eval README), so it is only asked when the chosen body is short
(``SHORT``), and its body is only taken when it is clearly more article than the other:
longer by ``GAIN``, at least ``SHORT`` characters, and not mostly link text (list pages
must stay lists; pages mostly of links are not asked at all).
"""

from __future__ import annotations

import copy
from collections import Counter

from lxml import etree

from .candidates import Candidate, fast_text
from .choose import link_share
from .kind import LINK_PAGE, page_link_share
from .scoring import tokens

SHORT = 300  # characters (no white space) of a body below which the fallback is asked
GAIN = 2.0  # the dense block must hold this many times the other body's characters
MAX_LINKS = 0.3  # share of link text above which the dense block is a menu or a list
PARAGRAPH = 40  # characters: a body with no line this long has no paragraph (menus, boxes)
HOLDS = 0.5  # share of the other body's tokens in the dense block: it extends that body


def _chars(text: str) -> int:
    return len("".join(text.split()))


def is_short(body: Candidate | None) -> bool:
    """Whether a body is too short to trust without asking the fallback."""
    return body is None or _chars(body.text) < SHORT


def _no_paragraph(body: Candidate) -> bool:
    return all(_chars(line) < PARAGRAPH for line in body.text.split("\n"))


def _holds(dense: Candidate, body: Candidate) -> bool:
    have = Counter(tokens(body.text))
    n = sum(have.values())
    return not n or sum((have & Counter(tokens(dense.text))).values()) >= HOLDS * n


def from_gne(doc: etree._Element) -> Candidate | None:
    """gne's best-scored element of a copy of the page (gne cleans the tree in place:
    noise classes removed, bare ``<span>`` and ``<div>`` runs turned into ``<p>``)."""
    from gne import utils as gne_utils
    from gne.extractor import ContentExtractor
    from gne.utils import pre_parse

    # gne reads a ``.gne`` YAML file from the working directory when imported (an xpath
    # for the body, noise nodes…) into one dict all its modules share: a file of that name
    # where newsark happens to run must not change what it extracts.
    if isinstance(gne_utils.config, dict):
        gne_utils.config.clear()

    try:
        tree = pre_parse(copy.deepcopy(doc))
        ranked = ContentExtractor().extract(tree)
    except Exception:  # noqa: BLE001 - a library failure means "no candidate"
        return None
    if not ranked:
        return None
    node = ranked[0][1]["node"]
    text = fast_text(node)
    return Candidate("dense", node, text) if text else None


def fallback(doc: etree._Element, body: Candidate | None) -> Candidate | None:
    """The dense block when it is clearly a better body than ``body`` (short or None),
    else None. A short body with a paragraph of its own is replaced only by a block that
    holds it (a short article stays, even beside a longer box of other text). Not asked
    on a page of links (a list or a front: gne costs a third of a second on such large
    pages, and a short body there is a list, see kind.py)."""
    if page_link_share(doc) >= LINK_PAGE:
        return None
    dense = from_gne(doc)
    if dense is None:
        return None
    n = _chars(dense.text)
    have = 0 if body is None else _chars(body.text)
    if n < SHORT or n < GAIN * have or link_share(dense) > MAX_LINKS:
        return None
    if body is not None and not _no_paragraph(body) and not _holds(dense, body):
        return None
    return dense


__all__ = ["SHORT", "fallback", "from_gne", "is_short"]
