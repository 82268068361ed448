"""Detect mojibake; fix it only where the fix is certain.

ftfy's encoding fixer is certain when it finds a real decode chain (UTF-8 read as
Latin-1/cp1252 and similar) and its result is clean. ftfy knows the Latin codecs only: a
text that is UTF-8 read whole as a Cyrillic single-byte codec (the corpus has a story read
as Kazakh ptcp154: 眾說 shown as ``зңҫиӘӘ``) is put back when its characters encode back
to strictly valid UTF-8 holding Chinese (``legacy_round_trip``). Lossy damage — U+FFFD,
halfwidth katakana left over from a broken decode (``?￥ﾍﾻ``) — cannot be undone: it is
flagged.
"""

from __future__ import annotations

import re

import ftfy
from ftfy.badness import is_bad

from newsark.repair.base import Change, Finding

# Halfwidth katakana letters (U+FF66-U+FF9F), what bytes of broken UTF-8 leave behind
# (``?￥ﾍﾻ``). Not the halfwidth CJK punctuation before them (｡｢｣､･, U+FF61-U+FF65): Hong
# Kong text writes ``（｢MTM｣）`` on purpose, and 228 corpus files hold nothing else of the
# range; a bad decode that makes them makes katakana letters too.
_KANA = "\uff66-\uff9f"
_KANA_RE = re.compile(f"[{_KANA}]")
_LOSSY_RE = re.compile(f"[\ufffd{_KANA}]")
_CJK_RE = re.compile("[\u4e00-\u9fff]")
# Mojibake is made of these (Latin-1/Latin Extended letters, box drawing, halfwidth kana,
# U+FFFD); text without any of them is clean and skips ftfy's slower scan.
_PRONE_RE = re.compile("[\u0080-\u024f\u2500-\u257f\uff61-\uff9f\ufffd]")
_LATIN_OR_BOX_RE = re.compile("[\u0080-\u024f\u2500-\u257f]")


def suspicious(text: str) -> int:
    """Characters that signal damage: U+FFFD, and halfwidth katakana letters inside Chinese text."""
    if "\ufffd" not in text and not _KANA_RE.search(text):
        return 0
    n = text.count("\ufffd")
    if _CJK_RE.search(text):
        n += len(_KANA_RE.findall(text))
    return n


# Single-byte Cyrillic codecs UTF-8 text has been read as. Real Cyrillic text never
# encodes back to valid UTF-8 (its letters are lead bytes with no continuation bytes after
# them), so a strict round trip to UTF-8 with Chinese in it is certain.
_LEGACY_CODECS = ("ptcp154", "cp1251", "koi8_r", "cp866")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


def legacy_round_trip(text: str) -> str | None:
    """The text as written, when all of it is UTF-8 read as one of ``_LEGACY_CODECS``;
    None otherwise (already Chinese, no Cyrillic, or no codec gives valid UTF-8)."""
    if not _CYRILLIC_RE.search(text) or _CJK_RE.search(text):
        return None
    for codec in _LEGACY_CODECS:
        try:
            fixed = _utf8_keeping_nbsp(text.encode(codec))
        except UnicodeError:
            continue
        if fixed is not None and _CJK_RE.search(fixed) and not suspicious(fixed) and not is_bad(fixed):
            return fixed
    return None


def _utf8_keeping_nbsp(data: bytes) -> str | None:
    """``data`` as UTF-8, allowing for the one byte these codecs' texts lose or carry:
    0xA0, a UTF-8 continuation byte that is the no-break space in each of them. A space
    where a sequence needs its continuation byte was that byte (the no-break space was
    normalised to a space after the bad decode); 0xA0 where no sequence is open is a
    no-break space written after it ('[email\xa0protected]'). Any other invalid byte:
    None (not UTF-8 read as this codec)."""
    buf = bytearray(data)
    out: list[str] = []
    pos = 0
    while True:
        part = bytes(buf[pos:])
        try:
            out.append(part.decode("utf-8"))
            return "".join(out)
        except UnicodeDecodeError as e:
            out.append(part[: e.start].decode("utf-8"))
            if e.reason == "invalid start byte" and part[e.start] == 0xA0:
                out.append("\u00a0")
                pos += e.start + 1
            elif e.reason == "invalid continuation byte" and part[e.end] == 0x20:
                buf[pos + e.end] = 0xA0  # decoded again from the sequence's start
                pos += e.start
            else:
                return None


def repair_text(text: str, field: str, *, runs: bool = False) -> tuple[str, list[Change], list[Finding]]:
    """``text`` repaired where ftfy finds a whole-text decode chain with a clean result.
    ``runs``: also take ftfy's run-by-run fix of clean text holding double-encoded runs
    (``Investorâ\x80\x99s``), when nothing bad is left after it (extraction asks for it;
    import does not, its texts being whole files that a person wrote once)."""
    changes: list[Change] = []
    findings: list[Finding] = []
    if not _PRONE_RE.search(text) and not _CYRILLIC_RE.search(text):
        return text, changes, findings
    if is_bad(text):
        fixed, steps = ftfy.fix_encoding_and_explain(text)
        decoded = any(step[0] in ("encode", "decode") for step in steps or [])
        by_runs = runs and any(step[1] == "decode_inconsistent_utf8" for step in steps or [])
        if (decoded or by_runs) and fixed != text and not is_bad(fixed) and not suspicious(fixed):
            changes.append(Change("mojibake", field, text, fixed))
            text = fixed
    if not changes and (whole := legacy_round_trip(text)) is not None:
        changes.append(Change("mojibake", field, text, whole))
        text = whole
    n = suspicious(text)
    if n or is_bad(text):
        # Without damaged characters, only ftfy's doubt is left ('“Sostinė”' in Chinese text):
        # say so, and where, for a person to judge.
        sample = _LOSSY_RE.search(text) or _LATIN_OR_BOX_RE.search(text)
        where = text[max(0, sample.start() - 10) : sample.start() + 10] if sample else ""
        what = f"{n} suspicious characters" if n else "characters ftfy takes for possible mojibake"
        findings.append(Finding("mojibake", f"{field}: {what} near {where!r}"))
    return text, changes, findings
