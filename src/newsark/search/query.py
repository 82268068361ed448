"""The query language: ``terms "exact phrase" -exclude key:value``.

* space-separated terms are all required (the engine relaxes to any-term when nothing
  matches all of them); each term is matched as a phrase of its tokens, so ``郑若骅``
  needs those characters adjacent;
* ``"…"`` (or 「…」, “…”) is an exact phrase that may contain spaces;
* ``-term`` / ``-"phrase"`` excludes stories containing it;
* filters ``category:`` ``author:`` ``tag:`` ``from:`` ``to:`` (values may be quoted);
  dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsark.search.fold import alternatives, detect_script, fold
from newsark.search.tokens import query_tokens
from newsark.unseen import visible

FILTER_KEYS = {
    "category": "category",
    "cat": "category",
    "author": "author",
    "tag": "tag",
    "from": "date_from",
    "since": "date_from",
    "to": "date_to",
    "until": "date_to",
}
_QUOTES = {'"': '"', "「": "」", "“": "”", "『": "』"}
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SPACE_RE = re.compile(r"[\s\u3000]")


class QueryError(ValueError):
    """A query or filter value the engine cannot understand."""


@dataclass
class ParsedQuery:
    terms: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    excludes: list[str] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)
    # words typed that hold nothing searchable (emoji, punctuation): a query made only of
    # them matches nothing, rather than listing the whole archive
    unsearchable: list[str] = field(default_factory=list)
    # the script the query is typed in ("hant", "hans" or None: cannot be told); a
    # Traditional query matches the Traditional characters typed (see fold.py)
    script: str | None = None

    @property
    def required(self) -> list[str]:
        """Every positive term and phrase, as typed."""
        return self.terms + self.phrases

    def is_empty(self) -> bool:
        return not self.required


def normalize_date(value: str, key: str = "date") -> str:
    """Check a date filter value; raises QueryError with a readable message."""
    value = value.strip()
    if not _DATE_RE.match(value):
        raise QueryError(f"{key}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    try:  # a real month and day (2019-13 and 2019-02-30 are not dates)
        dt.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        raise QueryError(f"{key}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return value


def _split(q: str) -> list[tuple[str, bool]]:
    """Split into (chunk, quoted) pieces; a quote may follow a '-' or a 'key:' prefix."""
    out: list[tuple[str, bool]] = []
    i, n = 0, len(q)
    while i < n:
        if _SPACE_RE.match(q[i]):
            i += 1
            continue
        start = i
        prefix_end = i
        # optional '-' or 'key:' before a quote
        m = re.compile(r"-|[A-Za-z]+:").match(q, i)
        if m and m.end() < n and q[m.end()] in _QUOTES:
            prefix_end = m.end()
        if q[prefix_end] in _QUOTES:
            close = _QUOTES[q[prefix_end]]
            end = q.find(close, prefix_end + 1)
            if end < 0:
                end = n
            out.append((q[start:prefix_end] + q[prefix_end + 1 : end], True))
            i = end + 1
            continue
        while i < n and not _SPACE_RE.match(q[i]):
            i += 1
        out.append((q[start:i], False))
    return out


def parse_query(q: str) -> ParsedQuery:
    """Parse a query string (see the module docstring)."""
    parsed = ParsedQuery()
    for chunk, quoted in _split(visible(q or "")):  # (a query pasted from a page may hold them)
        negate = chunk.startswith("-") and len(chunk) > 1
        body = chunk[1:] if negate else chunk
        key, sep, value = body.partition(":")
        if sep and not negate and key.lower() in FILTER_KEYS and value.strip():
            name = FILTER_KEYS[key.lower()]
            if name.startswith("date"):
                value = normalize_date(value, key.lower())
            parsed.filters[name] = value.strip()
            continue
        if not query_tokens(fold(body)):
            parsed.unsearchable.append(chunk)  # punctuation or emoji only: nothing to match
            continue
        if negate:
            parsed.excludes.append(body)
        elif quoted:
            parsed.phrases.append(body)
        else:
            parsed.terms.append(body)
    parsed.script = detect_script("".join(parsed.required + parsed.excludes))
    return parsed


def fts_phrases(
    text: str, script: str | None = None, known: Callable[[str], bool] | None = None
) -> list[str]:
    """One FTS5 phrase per spelling ``text`` stands for (see :func:`fold.alternatives`),
    the most likely first; empty if it has no tokens. ``known`` (an FTS5 token expression →
    does it occur in the index) drops the other spellings that cannot match: each phrase
    left costs the ranking a pass over its postings."""
    out: list[str] = []
    for n, spelling in enumerate(alternatives(text, script)):
        toks = [f'"{tok}"' + ("*" if prefix else "") for tok, prefix in query_tokens(spelling)]
        if toks and (n == 0 or known is None or all(known(t) for t in toks)):
            out.append(" + ".join(toks))
    return out


def fts_phrase(text: str, script: str | None = None) -> str | None:
    """The FTS5 expression matching ``text`` as one phrase in any of its spellings
    (None if it has no tokens)."""
    phrases = fts_phrases(text, script)
    if not phrases:
        return None
    if len(phrases) == 1:
        return phrases[0]
    return " OR ".join(f"({p})" for p in phrases)
