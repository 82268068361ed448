"""Detect mojibake; fix it only where the fix is certain.

ftfy's encoding fixer is certain when it finds a real decode chain (UTF-8 read as
Latin-1/cp1252 and similar) and its result is clean. Lossy damage — U+FFFD, halfwidth
katakana left over from a broken decode (``?￥ﾍﾻ``) — cannot be undone: it is flagged.
"""

from __future__ import annotations

import re

import ftfy
from ftfy.badness import is_bad

from newsark.repair.base import Change, Finding

_LOSSY_RE = re.compile("[\ufffd\uff61-\uff9f]")
_CJK_RE = re.compile("[\u4e00-\u9fff]")
# Mojibake is made of these (Latin-1/Latin Extended letters, box drawing, halfwidth kana,
# U+FFFD); text without any of them is clean and skips ftfy's slower scan.
_PRONE_RE = re.compile("[\u0080-\u024f\u2500-\u257f\uff61-\uff9f\ufffd]")


def suspicious(text: str) -> int:
    """Characters that signal damage: U+FFFD, and halfwidth katakana inside Chinese text."""
    if "\ufffd" not in text and not re.search("[\uff61-\uff9f]", text):
        return 0
    n = text.count("\ufffd")
    if _CJK_RE.search(text):
        n += len(re.findall("[\uff61-\uff9f]", text))
    return n


def repair_text(text: str, field: str, *, runs: bool = False) -> tuple[str, list[Change], list[Finding]]:
    """``text`` repaired where ftfy finds a whole-text decode chain with a clean result.
    ``runs``: also take ftfy's run-by-run fix of clean text holding double-encoded runs
    (``Investorâ\x80\x99s``), when nothing bad is left after it (extraction asks for it;
    import does not, its texts being whole files that a person wrote once)."""
    changes: list[Change] = []
    findings: list[Finding] = []
    if not _PRONE_RE.search(text):
        return text, changes, findings
    if is_bad(text):
        fixed, steps = ftfy.fix_encoding_and_explain(text)
        decoded = any(step[0] in ("encode", "decode") for step in steps or [])
        by_runs = runs and any(step[1] == "decode_inconsistent_utf8" for step in steps or [])
        if (decoded or by_runs) and fixed != text and not is_bad(fixed) and not suspicious(fixed):
            changes.append(Change("mojibake", field, text, fixed))
            text = fixed
    n = suspicious(text)
    if n or is_bad(text):
        sample = _LOSSY_RE.search(text)
        where = text[max(0, sample.start() - 10) : sample.start() + 10] if sample else ""
        findings.append(Finding("mojibake", f"{field}: {n} suspicious characters near {where!r}"))
    return text, changes, findings
