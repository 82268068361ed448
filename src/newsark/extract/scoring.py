"""Scoring exactly as ``shared/eval/extract/README.md`` says, so numbers compare.

Body: bag-of-tokens precision/recall/F1 per page (NFKC, lowercase; each CJK ideograph,
kana or hangul is one token; every other run of word characters is one token). Title:
exact after normalisation, or lenient (truth contained in prediction). Date: the year,
month and day present in the truth equal the prediction's. Author: equal, or one contains
the other, after normalisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_CJK = (
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"  # hangul
    "\U00020000-\U0003134f"
)
_TOKEN_RE = re.compile(f"[{_CJK}]|(?:(?![{_CJK}])\\w)+")
_STRIP_RE = re.compile(r"[\W_]+")


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(unicodedata.normalize("NFKC", text or "").lower())


def body_prf(predicted: str, truth: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall, F1 of one page (empty output scores 0)."""
    p, t = Counter(tokens(predicted)), Counter(tokens(truth))
    if not p or not t:
        return 0.0, 0.0, 0.0
    common = sum((p & t).values())
    if not common:
        return 0.0, 0.0, 0.0
    prec = common / sum(p.values())
    rec = common / sum(t.values())
    return prec, rec, 2 * prec * rec / (prec + rec)


def norm(text: str | None) -> str:
    return _STRIP_RE.sub("", unicodedata.normalize("NFKC", text or "").lower())


def title_match(predicted: str | None, truth: str) -> tuple[bool, bool]:
    """(exact, lenient)."""
    p, t = norm(predicted), norm(truth)
    if not p or not t:
        return False, False
    return p == t, t in p


_YMD_RE = re.compile(r"(\d{4})(?:\D{1,3}(\d{1,2}))?(?:\D{1,3}(\d{1,2}))?")


def date_parts(value: str | None) -> tuple[str, ...]:
    """(year[, month[, day]]) as written in a date string; () when none."""
    if not value:
        return ()
    m = _YMD_RE.search(unicodedata.normalize("NFKC", value))
    if not m:
        return ()
    return tuple(str(int(g)) for g in m.groups() if g)


def date_match(predicted: str | None, truth: str) -> bool:
    t = date_parts(truth)
    if not t:
        return False
    p = date_parts(predicted)
    return len(p) >= len(t) and p[: len(t)] == t


def author_match(predicted: str | None, truth: str) -> bool:
    p, t = norm(predicted), norm(truth)
    if not p or not t:
        return False
    return p == t or p in t or t in p


def has_value(label: object) -> bool:
    """A ground-truth field that is present and not the ``UNKNOWN`` marker."""
    return isinstance(label, str) and bool(label.strip()) and label.strip().upper() != "UNKNOWN"
