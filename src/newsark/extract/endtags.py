"""Pages that close their ``<body>`` or ``<html>`` before the end of their markup.

Some themes print ``</body></html>`` after the site's header and the article after that
(WCXB 0310: the whole article follows a header that closes the page). A browser shows
the whole page: the HTML standard reads whatever follows those end tags into the body.
libxml2 does not. It drops everything after ``</html>``, and puts what follows
``</body>`` beside the body instead of in it. So every extractor saw 0310's header and
nothing else, and the article was lost.

Such a page is read as a browser reads it: its ``</body>`` and ``</html>`` end tags are
left out, and the parser closes both at the end of the page. End tags inside a script, a
style sheet, a comment or a text area are text, not tags, and stay as they are
(``document.write('…</body>')``).
"""

from __future__ import annotations

import re

_END_RE = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
# An element that is shown, started after that end tag. Scripts, style sheets, links and
# meta tags placed after ``</body>`` (trackers, as many pages have) show nothing: they
# are no reason to read the page again.
_SHOWN_START_RE = re.compile(r"<(?!(?:script|noscript|style|link|meta)\b)[a-z]", re.IGNORECASE)
# What the tokenizer reads as text (so an end tag inside it is none), or the end tags. A
# script or comment never closed runs to the page's end, as in a browser (and the scan
# stays one pass: it does not search to the end again from each later "<script").
_TOKENS_RE = re.compile(
    r"<script\b.*?(?:</script\s*>|\Z)|<style\b.*?(?:</style\s*>|\Z)"
    r"|<textarea\b.*?(?:</textarea\s*>|\Z)|<!--.*?(?:-->|\Z)"
    r"|(</(?:body|html)\s*>)", re.IGNORECASE | re.DOTALL)


def closes_early(text: str) -> bool:
    """Whether shown markup follows the page's first ``</body>`` or ``</html>``. (A cheap
    test: one such end tag inside a script's text is enough to say yes; ``read_to_end``
    then finds nothing to change.)"""
    end = _END_RE.search(text)
    return end is not None and _SHOWN_START_RE.search(text, end.end()) is not None


def read_to_end(text: str) -> str:
    """The page without its ``</body>`` and ``</html>`` end tags, those inside a script,
    style sheet, text area or comment left as they are."""
    return _TOKENS_RE.sub(lambda m: "" if m.group(1) else m.group(0), text)
