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


def _ci(word: str) -> str:
    """A pattern for a tag name in any case. (Not re.IGNORECASE: with it, a search no
    longer jumps from one "<" to the next, and reads the page twenty times slower.)"""
    return "".join(f"[{c}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


_END_RE = re.compile(rf"</(?:{_ci('body')}|{_ci('html')})\s*>")
# An element that is shown, started after that end tag. Scripts, style sheets, links and
# meta tags placed after ``</body>`` (trackers, as many pages have) show nothing: they
# are no reason to read the page again.
_SHOWN_START_RE = re.compile(
    rf"<(?!(?:{_ci('script')}|{_ci('noscript')}|{_ci('style')}|{_ci('link')}|{_ci('meta')})\b)[a-zA-Z]")
# Where the tokenizer starts reading text that is no markup (a script, a style sheet, a
# text area, a comment), and the end tags themselves; each text runs to its closer, or,
# never closed, to the page's end, as in a browser.
# (Every branch opens with "<" itself, outside any group: the search then jumps from one
# "<" to the next.)
_NEXT_RE = re.compile(
    rf"<({_ci('script')}|{_ci('style')}|{_ci('textarea')})\b|<(!--)|</(?:{_ci('body')}|{_ci('html')})\s*>")
_CLOSERS = {name: re.compile(rf"</{_ci(name)}\s*>") for name in ("script", "style", "textarea")}
_CLOSERS["!--"] = re.compile("-->")


def closes_early(text: str) -> bool:
    """Whether shown markup follows the page's first ``</body>`` or ``</html>``. (A cheap
    test: one such end tag inside a script's text is enough to say yes; ``read_to_end``
    then finds nothing to change.)"""
    end = _END_RE.search(text)
    return end is not None and _SHOWN_START_RE.search(text, end.end()) is not None


def read_to_end(text: str) -> str:
    """The page without its ``</body>`` and ``</html>`` end tags, those inside a script,
    style sheet, text area or comment left as they are."""
    out: list[str] = []
    pos = 0
    while (found := _NEXT_RE.search(text, pos)) is not None:
        opener = found.group(1) or found.group(2)
        if opener is None:  # an end tag to leave out
            out.append(text[pos : found.start()])
            pos = found.end()
            continue
        closer = _CLOSERS[opener.lower()].search(text, found.end())
        end = closer.end() if closer else len(text)
        out.append(text[pos:end])
        pos = end
    out.append(text[pos:])
    return "".join(out)
