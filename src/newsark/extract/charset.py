"""Bytes to text for archived HTML pages.

Order of evidence: BOM, the archived HTTP header, the page's own declaration (meta prescan
of the first bytes, XML declaration), UTF-8 validation, then detection. Every candidate is
decoded and the one with the fewest suspicious characters wins; ties go to the earlier
(more authoritative) source. Narrow legacy Chinese charsets are widened to the superset
pages really use: gb2312/gbk → gb18030 and big5 → big5hkscs (啲 嘅 嚟 咗 exist only there).
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from .gbrepair import drop_user_defined, repair_gb_shifts
from .mixed import mend_mixed

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDER = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "hz": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "ascii": "utf-8",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
}
_META_RE = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_RE = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.IGNORECASE)
_HEADER_RE = re.compile(r"""charset\s*=\s*["']?([^;"'\s]+)""", re.IGNORECASE)
# Replacement characters, C0/C1 controls, private use, and classic UTF-8-as-Latin-1
# mojibake pairs (Ã©, â€™, å…): each occurrence counts as one suspicious character.
_BAD_CHAR_RE = re.compile("[\ufffd\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")
_C1 = "\u0080-\u00bf\u2018-\u203a\u0152-\u017e\u02c6-\u02dc\u2122"
_MOJIBAKE_RE = re.compile(
    f"[\u00c2\u00c3][{_C1}]|\u00e2\u20ac|[\u00e4-\u00e9][\u00b8-\u00bf{_C1}][{_C1}]"
)

# C1 controls: what a double encoding read as Latin-1 leaves ('â\x80\x99' for ’), or a
# cp1252 punctuation byte the page's UTF-8 carries as it is ('we\x92re').
_C1_RE = re.compile("[\u0080-\u009f]")


def normalise_charset(name: str | bytes | None) -> str | None:
    """Python codec name for a declared charset, widened; None when unknown."""
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    name = name.strip().strip("\"'").lower()
    if name in ("x-user-defined", "unicode", "none", ""):
        return None
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return _WIDER.get(canonical, canonical)


def header_charset(content_type: str | None) -> str | None:
    m = _HEADER_RE.search(content_type or "")
    return normalise_charset(m.group(1)) if m else None


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first 8 KiB (meta prescan / XML declaration)."""
    head = data[:8192]
    m = _XML_RE.match(head) or _META_RE.search(head)
    if not m:
        return None
    found = normalise_charset(m.group(1))
    # A page served as bytes cannot really be UTF-16 if its markup is ASCII-readable.
    if found and found.startswith("utf-16"):
        return "utf-8"
    return found


# Every character _BAD_CHAR_RE counts, and every character a _MOJIBAKE_RE match starts with.
_TRIGGER_RE = re.compile("[\ufffd\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\u00c2\u00c3\u00e2\u00e4-\u00e9]")
_PLAIN_ASCII = bytes([9, 10, 12, 13, *range(0x20, 0x7F)])
_PLAIN_AS_SPACE = bytes(0x20 if b in _PLAIN_ASCII else b for b in range(256))


def count_suspicious(text: str) -> int:
    """Replacement characters, control characters, private-use and mojibake sequences."""
    # Most pages have none: a C-level pass drops printable ASCII and white space (most
    # of a page's bytes), and when what is left holds no character that could start a
    # match, nothing is counted. Otherwise the runs of such characters are collected (in
    # C too) and both patterns run on those runs only.
    encoded = text.encode("utf-8", "surrogatepass")
    if not _TRIGGER_RE.search(encoded.translate(None, _PLAIN_ASCII).decode("utf-8", "surrogatepass")):
        return 0
    # A vertical tab parts the runs (it is white space to bytes.split) and is counted apart.
    runs = _rare_runs(encoded)
    return text.count("\x0b") + len(_BAD_CHAR_RE.findall(runs)) + len(_MOJIBAKE_RE.findall(runs))


def _rare_runs(encoded: bytes) -> str:
    """The runs of characters other than printable ASCII and white space (tab, newline,
    form feed, return) in a text's UTF-8, a line each, parted at vertical tabs too: in C,
    where a pattern over a large page took longer than the page's extraction steps."""
    return b"\n".join(encoded.translate(_PLAIN_AS_SPACE).split()).decode("utf-8", "surrogatepass")


def _detect(data: bytes) -> str | None:
    # Detection on a bounded sample keeps it fast; the sample starts at the body where
    # the text (not the ASCII markup) decides.
    start = max(0, data.find(b"<body"))
    sample = data[start : start + 65536] or data[:65536]
    best = charset_normalizer.from_bytes(sample, steps=3, chunk_size=2048).best()
    return normalise_charset(best.encoding) if best else None


def _decode(data: bytes, charset: str) -> tuple[str, int]:
    text = data.decode(charset, errors="replace")
    bad = count_suspicious(text)
    if bad and charset == "utf-8":  # parts of a UTF-8 page written in GBK or Big5 (mixed.py)
        mended = mend_mixed(data)
        if mended is not None and (still := count_suspicious(mended)) < bad:
            return mended, still
    return text, bad


def decode_html(data: bytes, *, http_content_type: str | None = None) -> tuple[str, str, int]:
    """Decode page bytes. Returns (text, charset used, suspicious character count).

    The count is taken on the decoded page before repair; the text is then repaired where
    that is certain: bytes that decode to nothing (a truncated double-byte character) are
    dropped rather than shown as U+FFFD, a UTF-8 page's parts written in GBK or Big5 are
    read in their encoding (``mixed.py``), GBK's 0xA3A0 reads as the ideographic space
    (WHATWG's mapping) instead of a private-use character, a GB run shifted by a lost byte
    is put back in step, and the site's own glyphs of GBK's user-defined area are dropped
    from ordinary text (gbrepair.py), and a page that was double-encoded before it was
    archived is read as it was written (``_undo_double_encoding``)."""
    text, charset, bad = _decode_best(data, http_content_type)
    if bad:
        if charset == "gb18030":
            text = text.replace("\ue5e5", "\u3000")
            repaired = repair_gb_shifts(data)
            if repaired is not data:
                text = repaired.decode(charset, errors="replace").replace("\ue5e5", "\u3000")
            text = drop_user_defined(text)
        text = text.replace("\ufffd", "")
        runs = _rare_runs(text.encode("utf-8", "surrogatepass"))  # (all either pattern can match)
        if _MOJIBAKE_RE.search(runs) or _C1_RE.search(runs):
            text = _undo_double_encoding(text)
    return text, charset, bad


def _undo_double_encoding(text: str) -> str:
    """A page whose text was UTF-8 read as Latin-1 and saved as UTF-8 again before it was
    archived (``whatâ\x80\x99s``, the page itself says utf-8 and is valid UTF-8) read as
    it was written: ftfy's fix of each run of non-ASCII characters (a UTF-8 sequence never
    holds an ASCII byte, so runs mend independently: the same result as the whole page at
    once on every dev page, 20 times faster); a C1 control left alone is the cp1252
    character it stands for (``we\x92re``). Kept only when it leaves fewer suspicious
    characters."""
    import ftfy  # only for the few pages that need it
    from ftfy.fixes import fix_c1_controls

    fixed = _NON_ASCII_RUN_RE.sub(lambda m: fix_c1_controls(ftfy.fix_encoding(m.group(0))), text)
    return fixed if fixed != text and count_suspicious(fixed) < count_suspicious(text) else text


_NON_ASCII_RUN_RE = re.compile(r"[^\x00-\x7f]+")


def _decode_best(data: bytes, http_content_type: str | None) -> tuple[str, str, int]:
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"decode_html needs bytes, not {type(data).__name__}")
    data = bytes(data)
    for bom, name in _BOMS:
        if data.startswith(bom):
            text, bad = _decode(data[len(bom) :], name)
            return text, name, bad
    candidates: list[str] = []
    for found in (header_charset(http_content_type), declared_charset(data)):
        if found and found not in candidates:
            candidates.append(found)
    valid_utf8: str | None = None  # decoded once, reused below
    try:
        valid_utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if "utf-8" not in candidates and valid_utf8 is not None and not data.isascii():
        # Strictly valid UTF-8 with non-ASCII bytes is almost never anything else.
        candidates.insert(0 if not candidates else len(candidates), "utf-8")
    best: tuple[int, int, str, str] | None = None  # (suspicious, rank, charset, text)
    for rank, charset in enumerate(candidates):
        if charset == "utf-8" and valid_utf8 is not None:
            text, bad = valid_utf8, count_suspicious(valid_utf8)
        else:
            text, bad = _decode(data, charset)
        if bad == 0:
            return text, charset, 0
        if best is None or bad < best[0]:
            best = (bad, rank, charset, text)
    if best is not None and best[2] == "utf-8" and valid_utf8 is not None:
        # Strictly valid UTF-8: what is suspicious in it (icon-font glyphs, stray controls)
        # is in the page itself; no other codec reads such bytes better, and trying them
        # all on a large page costs more than its extraction.
        return best[3], best[2], best[0]
    if best is not None:
        # A few damaged characters do not make a declared charset wrong: only a page whose
        # declared decoding fails on many of its non-ASCII characters is re-detected.
        non_ascii = len(best[3]) - len(best[3].encode("ascii", "ignore"))
        if best[0] <= max(3, 0.005 * non_ascii):
            return best[3], best[2], best[0]
    detected = _detect(data) if data else None
    for fallback in (detected, "utf-8", "gb18030", "big5hkscs", "cp1252"):
        if not fallback or fallback in candidates:
            continue
        charset = fallback
        candidates.append(charset)
        text, bad = _decode(data, charset)
        # A fallback must be clearly better than what the page declared to overrule it.
        if best is None or bad * 2 < best[0] or (bad < best[0] and charset == detected):
            best = (bad, len(candidates), charset, text)
        if best[0] == 0:
            break
    assert best is not None
    return best[3], best[2], best[0]
