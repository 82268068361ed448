"""A UTF-8 page with parts in a legacy Chinese encoding.

Old Chinese sites assembled pages from parts written at different times: a UTF-8 template
around an article, a sidebar or a reader's comment still in GBK or Big5. Decoded as
UTF-8, those parts are replacement characters, which decoding drops: the paragraphs are
lost. Read part by part instead (the text between tags, and each tag; a tag never splits
a character, and neither GBK nor Big5 uses ``<`` inside a character), each part that is
not UTF-8 is read as GB18030 or Big5-HKSCS, whichever gives Chinese text made of more of
its charset's most used characters (a part read in the wrong one comes out as rarer
characters, or does not decode); a part neither reads so stays as UTF-8 would read it.
"""

from __future__ import annotations

import re

_PART_RE = re.compile(rb"<[^<>]*>|[^<]+|<")
_CJK_RE = re.compile("[\u3400-\u9fff]")
COMMON_SHARE = 0.85  # of a reading's non-ASCII characters, common ones of its charset
CJK_SHARE = 0.5  # of a reading's visible characters, Chinese (not accented Latin text)
# Chinese characters the UTF-8 parts must hold: a page all in GBK has a few parts that are
# UTF-8 by chance, and is read as GBK, not part by part.
MIN_UTF8_CJK = 10


def _common_gb(char: str) -> bool:
    """A character of GB2312's symbols or its level 1, the 3,755 most used simplified
    characters (GB text read as Big5, or Big5 as GB, comes out as rarer ones)."""
    try:
        code = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and (code[0] <= 0xA9 or 0xB0 <= code[0] <= 0xD7)


def _common_big5(char: str) -> bool:
    """A character of Big5's symbols or its 5,401 frequent ones, or a Cantonese one of
    HKSCS (啲 嘅 嚟 咗: not in Big5 itself)."""
    try:
        code = char.encode("big5")
    except UnicodeEncodeError:
        try:
            return len(char.encode("big5hkscs")) == 2
        except UnicodeEncodeError:
            return False
    return len(code) == 2 and code[0] <= 0xC6


_LEGACY = (("gb18030", _common_gb), ("big5hkscs", _common_big5))


def mend_mixed(data: bytes) -> str | None:
    """The page decoded part by part, each part not UTF-8 read in the legacy Chinese
    encoding it is written in; None when the page is no such mix (no part needed another
    codec, or none is Chinese UTF-8: a page all in GBK is read as GBK, not part by part)."""
    out: list[str] = []
    mended = False
    chinese_utf8 = 0  # Chinese characters in the parts that are UTF-8
    for m in _PART_RE.finditer(data):
        part = m.group(0)
        try:
            text = part.decode("utf-8")
        except UnicodeDecodeError:
            legacy = _legacy_reading(part)
            mended = mended or legacy is not None
            out.append(legacy if legacy is not None else part.decode("utf-8", "replace"))
            continue
        if not part.isascii():
            chinese_utf8 += len(_CJK_RE.findall(text))
        out.append(text)
    return "".join(out) if mended and chinese_utf8 >= MIN_UTF8_CJK else None


def _legacy_reading(part: bytes) -> str | None:
    """The part read as GB18030 or Big5-HKSCS, whichever gives Chinese text made of more
    of its charset's common characters (at least COMMON_SHARE); None when neither does."""
    best = _best_reading(part, whole=False)
    return best[0] if best else None


def legacy_reading(data: bytes) -> tuple[str, str] | None:
    """A whole file written in GB18030 or Big5-HKSCS (an article file of an old dump): its
    text and codec, read as ``_legacy_reading`` reads a part, except that Chinese need
    only be most of its characters past ASCII (a file's front matter and links are ASCII)."""
    return _best_reading(data, whole=True)


def _best_reading(data: bytes, *, whole: bool) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    for codec, common in _LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        wide = [c for c in text if ord(c) > 0x7F]
        chinese_of = wide if whole else [c for c in text if not c.isspace()]
        if not wide or len(_CJK_RE.findall(text)) < CJK_SHARE * len(chinese_of):
            continue
        share = sum(1 for c in wide if common(c)) / len(wide)
        if share >= COMMON_SHARE and (best is None or share > best[0]):
            best = (share, text, codec)
    return (best[1], best[2]) if best else None
