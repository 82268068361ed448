"""Repairs of GB-encoded pages (read as gb18030) that are certain.

A byte lost from a double-byte character (a page cut or edited as bytes) shifts every
character after it by one byte, until the next ASCII byte: the rest of the run decodes as
nonsense, full of rare characters and of GBK's user-defined area (mapped to private use,
U+E000–U+E765). Dropping the orphan byte puts the run back in step; the place is the one
after which the run reads as ordinary text again, and the repair is made only when that
place is clear (the repaired run is common text, the shifted one was not).

Characters of the user-defined area that remain, in ordinary text, are a site's own glyphs
(font-specific symbols, a soft hyphen): they have no meaning outside that font and are
dropped, not shown as boxes.
"""

from __future__ import annotations

import re
from collections import Counter

_PUA_RE = re.compile("[\ue000-\ue765]")
# GB2312's punctuation rows and its 3755 level-1 (most common) characters.
_COMMON = frozenset(
    bytes((lead, trail)).decode("gb18030")
    for lead in (*range(0xA1, 0xA4), *range(0xB0, 0xD8))
    for trail in range(0xA1, 0xFF)
    if not (lead == 0xD7 and trail > 0xF9)
)
CLEAN_SHARE = 0.85  # share of common characters around a user-defined glyph kept as text
RARE = 2  # a character seen fewer times on the page is odd in a run
EVIDENCE = 8  # characters after the orphan byte needed to judge a repair
_RUN_RE = re.compile(rb"[\x81-\xfe][\x40-\x7e\x80-\xfe](?:[\x81-\xfe][\x40-\x7e\x80-\xfe])*")


def _common_share(text: str) -> float:
    cjk = [ch for ch in text if ord(ch) >= 0x80]
    return sum(ch in _COMMON for ch in cjk) / len(cjk) if cjk else 1.0


def _wide(text: str) -> int:
    return sum(1 for ch in text if ord(ch) >= 0x80)


def _odd(text: str, seen: Counter[str]) -> int:
    """Characters of ``text`` that are rare on the page, or of the user-defined area: a
    shifted run reads as characters the page's own text does not otherwise use."""
    return sum(1 for ch in text if ord(ch) >= 0x80 and (seen[ch] < RARE or _PUA_RE.match(ch)))


def _resync(run: bytes, seen: Counter[str]) -> bytes | None:
    """The run with one orphan byte dropped, when that makes it read as the page's text."""
    text = run.decode("gb18030", errors="replace")
    first = _PUA_RE.search(text)
    if first is None:
        return None
    pua_at = len(text[: first.start()].encode("gb18030", errors="replace"))
    scored: list[tuple[int, int]] = []
    for p in range(0, min(pua_at + 1, len(run) - 1), 2):  # token boundaries of a double-byte run
        fixed = (run[:p] + run[p + 1 :]).decode("gb18030", errors="replace").removesuffix("\ufffd")
        if "\ufffd" not in fixed and not _PUA_RE.search(fixed):
            scored.append((_odd(fixed, seen), p))
    if not scored:
        return None
    scored.sort()
    odd, p = scored[0]
    after = _wide(run[p + 1 :].decode("gb18030", errors="replace"))
    # certain: the repaired run reads as the page's text (half the odd characters or
    # fewer), with enough characters after the orphan to judge, and no other place as good
    was = _odd(text, seen)
    if after < EVIDENCE or was < 2 * odd or was < odd + EVIDENCE // 2 or (len(scored) > 1 and scored[1][0] == odd):
        return None
    return run[:p] + run[p + 1 :]


def repair_gb_shifts(data: bytes) -> bytes:
    """The page's bytes with orphan bytes of double-byte runs dropped where certain."""
    text = data.decode("gb18030", errors="replace")
    if not _PUA_RE.search(text):
        return data
    seen = Counter(text)
    return _RUN_RE.sub(lambda m: _resync(m.group(), seen) or m.group(), data)


def drop_user_defined(text: str) -> str:
    """Remove user-defined-area characters standing in ordinary text (a site's glyphs)."""

    def keep_or_drop(m: re.Match[str]) -> str:
        around = _PUA_RE.sub("", text[max(0, m.start() - 8) : m.end() + 8])
        return "" if _common_share(around) >= CLEAN_SHARE else m.group()

    return _PUA_RE.sub(keep_or_drop, text)
