"""Index text: Markdown → plain text, and plain text → the index's token stream.

Tokens are made from folded text (see :mod:`newsark.search.fold`):

* a run of CJK characters gives its overlapping bigrams, plus its last character alone
  (so a one-character query is the prefix query ``X*``: every occurrence of X starts a
  bigram or ends a run), e.g. 香港人 → 香港 港人 人;
* a run of letters (any non-CJK script) is one token, a run of digits another:
  ``iPhone12`` → ``iphone 12``, so ``iPhone 12`` and ``iPhone12`` match each other.

The tokens are joined by spaces and stored in an FTS5 table with the ``ascii`` tokenizer,
which splits on ASCII spaces/punctuation only and keeps every non-ASCII character, so the
FTS5 terms are exactly these tokens.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from operator import add

from newsark.unseen import visible

_CJK = (
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3040-\u30fa\u30fc-\u30ff\u3100-\u312f\u3190-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
CJK_CHAR = f"[{_CJK}]"
TOKEN_RE = re.compile(f"({CJK_CHAR}+)|([0-9]+)|([^\\W\\d_{_CJK}]+)")

# Markdown / HTML noise that is not text a reader would search for.
_SHORTCODE_RE = re.compile(r"\{\{[<%].*?[%>]\}\}", re.DOTALL)
# (A link's text is 1,000 characters at most: each '[' of a text of unclosed brackets was
# otherwise tried up to its end, 6 s for 60 KB of them.)
_IMAGE_RE = re.compile(r"!\[([^\]]{0,1000})\]\([^)]*\)")
_LINK_RE = re.compile(r"\[([^\]]{0,1000})\]\((?:[^()]|\([^)]*\))*\)")
_TAG_RE = re.compile(r"<[^>]*>")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_HEADING_RE = re.compile(r"^[ \t]{0,3}(#{1,6}|>+)[ \t]*", re.MULTILINE)
_EMPHASIS = str.maketrans("", "", "*`")  # emphasis and code marks: never searched for
_SPACES_RE = re.compile(r"[ \t\u00a0]*\n\s*|[ \t\u00a0]{2,}|[\t\u00a0]")


def plain_text(markdown: str) -> str:
    """The readable text of a Markdown body: no URLs, tags, shortcodes or markup."""
    text = _COMMENT_RE.sub(" ", markdown)
    text = _SHORTCODE_RE.sub(" ", text)
    text = _IMAGE_RE.sub(r"\1", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _TAG_RE.sub(" ", text)
    text = html.unescape(text)
    text = _HEADING_RE.sub("", text)
    text = text.translate(_EMPHASIS)
    text = _SPACES_RE.sub(_space, visible(text))  # ('非\u200d法集結' is found as 非法集結)
    return text.strip()


def _space(m: re.Match[str]) -> str:
    return "\n" if "\n" in m.group(0) else " "


_SPLIT_RE = re.compile(f"({CJK_CHAR}+)")
_LETTER_DIGIT_RE = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


@lru_cache(maxsize=1)
def _separators() -> str:
    """A str.translate table (BMP) turning every non-alphanumeric character into a space."""
    return "".join(chr(c) if chr(c).isalnum() else " " for c in range(0x10000))


def token_text(folded: str) -> str:
    """The index's token stream of folded text, space-separated (the hot path of indexing).

    Splits into CJK runs and the rest with C-level calls; only the bigrams of each run
    are built in Python. Same tokens as :func:`tokens`.
    """
    parts = _SPLIT_RE.split(folded.translate(_separators()))
    out: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(" ".join(map(add, part, part[1:])))
            out.append(part[-1])
        elif not part.isspace():
            out.append(_LETTER_DIGIT_RE.sub(" ", part))
    return " ".join(out)


def tokens(folded: str) -> list[str]:
    """Index tokens of folded text (see the module docstring)."""
    return token_text(folded).split()


def query_tokens(folded: str) -> list[tuple[str, bool]]:
    """Tokens of a folded query term as (token, is_prefix), matched as one phrase.

    A CJK run gives its bigrams. When another token follows it in the term, the text's
    run must end there too, so its end-of-run unigram follows as well (as in the index);
    the term's last run has no unigram (the text's run may go on), except a one-character
    last run, which is the prefix ``X*``.
    """
    found = list(TOKEN_RE.finditer(folded.translate(_separators())))
    out: list[tuple[str, bool]] = []
    for i, m in enumerate(found):
        run = m.group(1)
        last = i == len(found) - 1
        if run is None:
            out.append((m.group(0), False))
            continue
        out.extend((run[j : j + 2], False) for j in range(len(run) - 1))
        if len(run) == 1 or not last:
            out.append((run[-1], last))
    return out
