"""Snippets and highlights on the original characters.

A query term is matched the way the index matches it, but directly on the original text:
each character of the folded term becomes the class of every character that folds to it
(郑 → [郑鄭], i → [iIｉＩ]) in every spelling the query means (臺 alone in a Traditional
query, [台臺颱檯枱] in a Simplified one), so the spans found are the original characters to
``<mark>`` (HTML-escaped), and no per-hit folding of whole bodies is needed.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from functools import lru_cache

from newsark.search.fold import alternatives, variant_chars
from newsark.search.tokens import _CJK, TOKEN_RE

SNIPPET_CANDIDATES = 200  # windows tried (a common term may match hundreds of times)
_GAP = r"[\W_]*?"  # what may separate two tokens of one phrase in the text
_LETTER = f"[^\\W\\d_{_CJK}]"  # a letter of a Latin-like word (as in the tokenizer)


def _chars(options: set[str]) -> str:
    """A regex for one position: any original character folding to one of ``options``."""
    chars = "".join(sorted({c for opt in options for c in variant_chars(opt)}))
    return f"[{re.escape(chars)}]" if len(chars) > 1 else re.escape(chars)


@lru_cache(maxsize=256)
def term_pattern(term: str, script: str | None = None) -> re.Pattern[str] | None:
    """A regex over original text matching ``term`` the way the index matches it (in
    every spelling the query means, see :func:`fold.alternatives`)."""
    spellings = alternatives(term, script)
    folded = spellings[0]
    parts: list[str] = []
    for m in TOKEN_RE.finditer(folded):
        text = "".join(_chars({sp[i] for sp in spellings}) for i in range(m.start(), m.end()))
        if m.group(1) is not None:  # CJK: matches inside any run
            parts.append(text)
        elif m.group(2) is not None:  # digits: a whole number
            parts.append(rf"(?<![0-9]){text}(?![0-9])")
        else:  # letters: a whole word
            # whole word: no adjacent letter of the same kind (CJK next to it is fine)
            parts.append(f"(?<!{_LETTER}){text}(?!{_LETTER})")
    if not parts:
        return None
    return re.compile(_GAP.join(parts))


def find_spans(text: str, terms: list[str], script: str | None = None) -> list[tuple[int, int, int]]:
    """(start, end, term index) of every match of ``terms`` in ``text``, sorted."""
    spans: list[tuple[int, int, int]] = []
    for i, term in enumerate(terms):
        pattern = term_pattern(term, script)
        if pattern is None:
            continue
        spans.extend((m.start(), m.end(), i) for m in pattern.finditer(text) if m.end() > m.start())
    spans.sort()
    return spans


def mark(text: str, spans: list[tuple[int, int, int]], start: int = 0, end: int | None = None) -> str:
    """HTML-escape ``text[start:end]`` with ``<mark>`` around the spans inside it."""
    end = len(text) if end is None else end
    out: list[str] = []
    pos = start
    for s, e, _ in spans:
        s, e = max(s, start), min(e, end)
        if e <= s or s < pos:
            if e > pos and s < pos:  # overlapping spans: extend the open mark
                s = pos
            else:
                continue
        out.append(html.escape(text[pos:s]))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def highlight(text: str, terms: list[str], script: str | None = None) -> str:
    """The whole of ``text``, escaped, with every match marked."""
    return mark(text, _merge(find_spans(text, terms, script)))


def _merge(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    merged: list[tuple[int, int, int]] = []
    for s, e, i in spans:
        if merged and s <= merged[-1][1]:
            ps, pe, pi = merged[-1]
            merged[-1] = (ps, max(pe, e), pi)
        else:
            merged.append((s, e, i))
    return merged


def snippet(text: str, terms: list[str], width: int = 120, script: str | None = None) -> str:
    """The ``width``-character window of ``text`` that covers most distinct terms."""
    spans = find_spans(text, terms, script)
    text_len = len(text)
    if not spans:
        cut = text[:width]
        return html.escape(cut.replace("\n", " ")) + ("…" if text_len > width else "")
    best_start, best_score = 0, (-1, 0)
    lead = width // 5
    starts = [sp[0] for sp in spans]
    for s, _, _ in spans[:SNIPPET_CANDIDATES]:
        start = max(0, s - lead)
        # Begin at a sentence or line break just before the match when there is one.
        brk = max(text.rfind(c, start, s) for c in "\n。！？!?")
        if brk >= 0:
            start = brk + 1
        window = spans[bisect_left(starts, start) : bisect_left(starts, start + width)]
        inside = [t for _, ee, t in window if ee <= start + width]
        score = (len(set(inside)), len(inside))
        if score > best_score:
            best_start, best_score = start, score
    start = best_start
    end = min(text_len, start + width)
    body = mark(text, _merge(spans), start, end).replace("\n", " ")
    return ("…" if start > 0 else "") + body + ("…" if end < text_len else "")
