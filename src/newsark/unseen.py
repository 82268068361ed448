"""Characters a reader never sees that split words: kept out of what is archived and indexed.

Pages put characters in their text that a reader never sees: soft hyphens (a hint where a
long word may break, "Not\\u00adfall\\u00addaten\\u00adsatz"), zero-width spaces (a hint
where a line may break, or an editor's leftovers before a paragraph), word joiners, and
byte-order marks in the middle of a word ("H\\ufeffow to apply", from pasted text). Webflow
ends paragraphs with a zero-width joiner. The page looks the same without them. But a
search for "Notfalldatensatz" or "How" does not find a word they split, and a word count
sees two words. The same holds in Chinese text: '非\\u200d法集結' (unlawful assembly) and
'反\\u200c送\\u200c中' in Citizen News articles are not found by a search for 非法集結 or 反送中.

The extractor drops them from an article's text and Markdown, its metadata, and its
captions and alt text (``extract.controls.drop_output_unseen``); links and image addresses
keep them, since a file's name may hold one, and without it the address is a different one.
Search drops them from what it indexes and from queries (``search.tokens.plain_text``,
``search.index.make_doc``, ``search.query.parse_query``; for a published site,
``publish.search_index.search_page`` and its ``search.js``), so archives made before, or by
other tools, are found as well.

A zero-width joiner or non-joiner between two characters it acts on is kept: a joiner
makes one emoji of several (👨‍👩‍👧), and Indic, Arabic and Persian writing need both.
Next to a space, a line's end, an ASCII character or a Chinese, Japanese or Korean one,
they act on nothing, and are dropped.
"""

from __future__ import annotations

import re

_SPLITTERS = "\u00ad\u200b\u2060\ufeff"  # soft hyphen, zero-width space, word joiner, BOM
_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner
INVISIBLE = _SPLITTERS + _JOINERS  # every character this module may drop
# What a joiner acts on nothing next to: ASCII, white space, CJK ideographs, kana, Hangul,
# CJK punctuation and full-width forms.
_INERT = (r"\x00-\x7f\s\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
          r"\uac00-\ud7af\uf900-\ufaff\uff00-\uffef")
_IN_TEXT_RE = re.compile(
    f"[{_SPLITTERS}]|(?<=[{_INERT}])[{_JOINERS}]|[{_JOINERS}](?=[{_INERT}]|$)|^[{_JOINERS}]",
    re.MULTILINE)
# An address in the Markdown ('](https://…)') or in its figure HTML ('src="…"'): skipped.
_ADDRESS_RE = re.compile(r'\]\([^)\s]*|\b(?:src|href|poster)="[^"]*"')
_ANY_RE = re.compile(f"[{_SPLITTERS}{_JOINERS}]")


def visible(text: str) -> str:
    """The text without the invisible characters that split words."""
    return _IN_TEXT_RE.sub("", text) if _ANY_RE.search(text) else text


def visible_markdown(markdown: str) -> str:
    """The Markdown without them, its link and image addresses left as they are."""
    if not _ANY_RE.search(markdown):
        return markdown
    out: list[str] = []
    pos = 0
    for address in _ADDRESS_RE.finditer(markdown):
        out.append(visible(markdown[pos : address.start()]))
        out.append(address.group(0))
        pos = address.end()
    out.append(visible(markdown[pos:]))
    return "".join(out)
