"""Pages saved from the Wayback Machine's replay rather than fetched raw (``id_``): a
browser's "save page" of web.archive.org, or a crawl of it. The replay inserts its toolbar
(capture counts, "COLLECTED BY", its own dates) and scripts, and rewrites every link to a
capture. The toolbar is not the page, and the replay's own script says which capture the
page is, so its links can point at captures as a rescued page's do.
"""

from __future__ import annotations

import re

from lxml import etree

from .candidates import drop_keeping_tail
from .links import capture_parts, stated_urls

# Cheap test on the decoded page before any walk of its tree: the replay puts its scripts
# (``__wm.init``) at the start of the head, and a comment ("FILE ARCHIVED ON … AND RETRIEVED
# FROM THE INTERNET ARCHIVE") after the page's end. Only those ends are read: a scan of the
# whole page cost 0.3 ms, 1 % of an extraction.
HEAD_CHARS = 16384
TAIL_CHARS = 4096
# __wm.wombat("https://example.org/a","20200305000000","https://web.archive.org/",…)
_WOMBAT_RE = re.compile(r'__wm\.wombat\(\s*"([^"]+)"\s*,\s*"(\d{14})"')
_TOOLBAR_IDS = etree.XPath(
    '//*[@id="wm-ipp-base" or @id="wm-ipp" or @id="wm-ipp-print" or @id="donato" or @id="wm-capinfo"]')


def is_replayed(text: str) -> bool:
    """Whether the decoded page may come from the replay (substring tests, no parse)."""
    return "__wm." in text[:HEAD_CHARS] or "FILE ARCHIVED ON" in text[-TAIL_CHARS:]


def replay_capture(doc: etree._Element) -> str | None:
    """The capture URL of a replayed page (``https://web.archive.org/web/<ts>/<url>``): from
    the replay's own script, else an address the page states (canonical link, og:url) that
    the replay rewrote to a capture; None for any other page."""
    for script in doc.iter("script"):
        m = _WOMBAT_RE.search(script.text or "")
        if m:
            return f"https://web.archive.org/web/{m.group(2)}/{m.group(1)}"
    for value in stated_urls(doc):
        parts = capture_parts(value)
        if parts:
            return f"https://web.archive.org/web/{parts[0]}/{parts[1]}"
    return None


def drop_replay_toolbar(doc: etree._Element) -> int:
    """Remove what the replay inserted into the page's body: everything between its
    ``BEGIN``/``END WAYBACK TOOLBAR INSERT`` comments, and its toolbar elements wherever
    they are. Returns how many elements went."""
    removed = 0
    for begin in [c for c in doc.iter(etree.Comment) if "BEGIN WAYBACK TOOLBAR INSERT" in (c.text or "")]:
        parent = begin.getparent()
        if parent is None:
            continue
        between: list[etree._Element] = []
        for sibling in begin.itersiblings():
            if isinstance(sibling, etree._Comment) and "END WAYBACK TOOLBAR INSERT" in (sibling.text or ""):
                between.append(sibling)
                break
            between.append(sibling)
        else:
            continue  # no end marker among its siblings: the ids below still find the toolbar
        for el in [begin, *between]:
            if not isinstance(el, etree._Comment):
                removed += 1
            drop_keeping_tail(el)
    for el in _TOOLBAR_IDS(doc):
        if el.getparent() is not None:
            removed += 1
            drop_keeping_tail(el)
    return removed

