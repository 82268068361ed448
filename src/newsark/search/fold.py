"""Script folding: one canonical form for Traditional, Hong Kong and Simplified Chinese.

Index and query text both go through :func:`fold`, so a query typed in either script
finds text written in either. The fold is a per-character table built from OpenCC's
``hk2s`` conversion (never hand-written) plus full-width → ASCII and ASCII lower-casing.
Because every character maps to exactly one character, ``len(fold(s)) == len(s)`` and a
match offset in folded text is the same offset in the original: highlights land on the
original characters.

Per-character (not phrase-level) conversion is deliberate: it is consistent on both
sides, which is what matching needs; e.g. 乾 folds to 干 in 乾淨 and in 乾隆 alike.
"""

from __future__ import annotations

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


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """The character table (built once per process from OpenCC, ~0.1 s)."""
    import opencc

    converter = opencc.OpenCC("hk2s")
    chars = [chr(c) for lo, hi in _CJK_BLOCKS for c in range(lo, hi + 1)]
    # One character per line: OpenCC's phrase dictionary cannot match across lines.
    converted = converter.convert("\n".join(chars)).split("\n")
    table: dict[int, str] = {}
    if len(converted) == len(chars):
        for src, dst in zip(chars, converted):
            if len(dst) == 1 and dst != src:
                table[ord(src)] = dst
    else:  # pragma: no cover - a newline was merged; convert one by one instead
        for src in chars:
            dst = converter.convert(src)
            if len(dst) == 1 and dst != src:
                table[ord(src)] = dst
    # Full-width ASCII (Ａ, １, ＃) -> ASCII; ideographic space -> space.
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    # Lower-case ASCII (str.lower() can change lengths for some non-ASCII letters).
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    for code in range(0xFF21, 0xFF3B):
        table[code] = chr(code - 0xFEE0 + 32)
    return table


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
    """Fold ``text`` to the canonical script; the result has the same length."""
    return text.translate(_bmp_table())
