"""Script folding: one form for Traditional, Hong Kong and Simplified Chinese.

Index and query text both go through :func:`fold`, so a query typed in either script
finds text written in either. The fold is a per-character table built from OpenCC (never
hand-written) plus full-width → ASCII and ASCII lower-casing. Because every character maps
to exactly one character, ``len(fold(s)) == len(s)`` and a match offset in folded text is
the same offset in the original: highlights land on the original characters.

Most characters fold to their Simplified form (``hk2s``): 鄭 and 郑 become one. But a
Simplified character sometimes stands for several *different* Traditional characters
(台 for 台/臺/颱/檯, 后 for 后/後, 发 for 發/髮). Folding those together would make a
Traditional query such as 臺灣 also find 台灣, a different spelling a reader did not type.
So in such an *ambiguous class* each Traditional character keeps its own form (臺 and
台 stay apart, and so do the regional spellings 裏/裡 or 衞/衛), and the query side (:func:`alternatives`) decides which forms a query means: a
Traditional query means the form typed (and its Simplified spelling); a Simplified query,
or one whose script cannot be told, means every form of the class.

Per-character (not phrase-level) conversion is deliberate: it is consistent on both
sides, which is what matching needs.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Blocks whose characters OpenCC may convert (CJK radicals, ideographs, compatibility).
_CJK_BLOCKS = (
    (0x2E80, 0x2FDF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2EBEF),
    (0x2F800, 0x2FA1F),
)
MAX_ALTERNATIVES = 16  # spellings of one query term searched at most (the rest: primary)


@dataclass(frozen=True)
class FoldTables:
    table: dict[int, str]  # the index fold, character by character
    to_simplified: dict[str, str]  # hk2s per character (only characters it changes)
    # ambiguous class: each member character → every folded form of its class
    forms: dict[str, tuple[str, ...]]
    # ambiguous class: each member → its Simplified-only folded form, if the class has one
    simplified_form: dict[str, str]
    simplified_only: frozenset[str]  # characters written only in Simplified text (湾, 发)


def _convert_chars(config: str, chars: list[str]) -> list[str]:
    """OpenCC ``config`` applied to each character alone (one per line: no phrases)."""
    import opencc

    converter = opencc.OpenCC(config)
    converted = converter.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # pragma: no cover - a newline was merged
        converted = [converter.convert(c) for c in chars]
    return [dst if len(dst) == 1 else src for src, dst in zip(chars, converted)]


def _in_codec(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _unified(ch: str, trad: set[str]) -> str:
    nfkc = unicodedata.normalize("NFKC", ch)
    return nfkc if nfkc != ch and nfkc in trad else ch


def _traditional(ch: str, simplified: str) -> bool:
    """Whether ``ch`` is written in Traditional text: it is in Big5, or it is an HKSCS
    character that OpenCC converts (HKSCS also holds some Simplified characters)."""
    return _in_codec(ch, "big5") or (ch != simplified and _in_codec(ch, "big5hkscs"))


@lru_cache(maxsize=1)
def tables() -> FoldTables:
    """Build the tables once per process from OpenCC (~0.3 s)."""
    chars = [chr(c) for lo, hi in _CJK_BLOCKS for c in range(lo, hi + 1)]
    simp = dict(zip(chars, _convert_chars("hk2s", chars)))
    changed = {c: s for c, s in simp.items() if s != c}
    classes: dict[str, set[str]] = {}
    for c, s in changed.items():
        classes.setdefault(s, {s}).add(c)

    table: dict[int, str] = {}
    forms: dict[str, tuple[str, ...]] = {}
    simplified_form: dict[str, str] = {}
    simplified_only: set[str] = set()
    for s, group in classes.items():
        trad = {c for c in group if _traditional(c, s)}
        # one form per Traditional character; compatibility ideographs (U+F900…) are
        # spellings of a unified character
        form = {c: _unified(c, trad) for c in group if c in trad or _unified(c, trad) != c}
        if s not in trad:
            simplified_only.add(s)
        if len(set(form.values())) <= 1:  # one Traditional character: fold all to s
            for c in group - {s}:
                table[ord(c)] = s
            continue
        for c in group:
            dst = form.get(c, s)
            if dst != c:
                table[ord(c)] = dst
        images = tuple(sorted({form.get(c, s) for c in group}))
        for c in group:
            forms[c] = images
            if s not in trad:
                simplified_form[c] = s
    # Full-width ASCII (Ａ, １, ＃) -> ASCII; ideographic space -> space.
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    # Lower-case ASCII (str.lower() can change lengths for some non-ASCII letters).
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    for code in range(0xFF21, 0xFF3B):
        table[code] = chr(code - 0xFEE0 + 32)
    return FoldTables(table, changed, forms, simplified_form, frozenset(simplified_only))


def fold_table() -> dict[int, str]:
    """The index fold, character by character (only characters it changes)."""
    return tables().table


@lru_cache(maxsize=1)
def _bmp_table() -> str:
    # str.translate looks each character up in the table; indexing a 64K string is much
    # faster than a dict that raises KeyError for most characters. Characters beyond the
    # BMP raise IndexError and stay as they are (both sides alike).
    chars = [chr(c) if not 0xD800 <= c <= 0xDFFF else "\ufffd" for c in range(0x10000)]
    for code, dst in fold_table().items():
        if code < 0x10000:
            chars[code] = dst
    return "".join(chars)


def fold(text: str) -> str:
    """Fold ``text`` to the canonical form; the result has the same length."""
    return text.translate(_bmp_table())


def detect_script(text: str) -> str | None:
    """``"hant"`` when ``text`` has Traditional-only characters and no Simplified-only
    ones, ``"hans"`` for the reverse, None when it cannot be told (or is mixed)."""
    t = tables()
    trad = any(c in t.to_simplified for c in text)
    simp = any(c in t.simplified_only for c in text)
    if trad != simp:
        return "hant" if trad else "hans"
    return None


@lru_cache(maxsize=1)
def _s2hk():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("s2hk")


def alternatives(term: str, script: str | None = None) -> list[str]:
    """The folded spellings a query term stands for, the most likely first.

    ``script`` is the whole query's (see :func:`detect_script`); by default the term's own.
    Only characters of ambiguous classes have more than one spelling: in a Traditional
    query the character typed (and its Simplified-only form), otherwise every form.
    """
    t = tables()
    folded = fold(term)
    if not any(c in t.forms for c in term):
        return [folded]
    script = script or detect_script(term)
    # For a Simplified query, OpenCC's phrase-aware conversion picks the likely form first.
    guess = fold(_s2hk().convert(term)) if script != "hant" else folded
    if len(guess) != len(term):
        guess = folded
    options: list[list[str]] = []
    count = 1
    for i, ch in enumerate(term):
        if ch not in t.forms:
            options.append([folded[i]])
            continue
        if script == "hant" and ch not in t.simplified_only:
            opts = [folded[i]]
            if ch in t.simplified_form and t.simplified_form[ch] != folded[i]:
                opts.append(t.simplified_form[ch])
        else:
            primary = guess[i] if guess[i] in t.forms[ch] else folded[i]
            opts = [primary, *(f for f in t.forms[ch] if f != primary)]
        if count * len(opts) > MAX_ALTERNATIVES:
            opts = opts[:1]
        count *= len(opts)
        options.append(opts)
    return ["".join(p) for p in itertools.product(*options)]


def variant_chars(folded_char: str) -> str:
    """Every original character that folds to ``folded_char`` (itself included)."""
    return _reverse().get(folded_char, folded_char)


@lru_cache(maxsize=1)
def _reverse() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, dst in fold_table().items():
        out[dst] = out.get(dst, dst) + chr(code)
    return out
