"""Front matter dates written another way than ISO 8601.

Hand-made archives write ``date: 2021/01/03 10:00``, ``date: 3 Jan 2021``, ``date:
2021年1月3日`` or epoch seconds. Hugo reads none of them, and the catalog's date filters,
facets and per-year counts compare ISO text. A value that is one date and nothing else
(a weekday beside it at most) is rewritten in ISO form, its time and timezone kept when it
gives them (``date_format``: recorded and undoable, the original bytes kept as always);
one that is no date, or holds more than one ("yesterday", "Posted 3 Jan 2021 by …"), is
left as written and flagged (``invalid_date``) for a person to read. The date forms read
are the extractor's (``newsark.extract.dates``), so imports and rescues agree.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from newsark.repair.base import Change, Finding

KEYS = ("date", "last_updated")
# What ISO 8601 (and Hugo) accept as they are: a day, or a day and a time (with a space
# or a T, seconds and fractions optional), with or without a timezone.
_ISO_RE = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?")
_EPOCH_RE = re.compile(r"\d{10}(?:\d{3})?")
# What may stand beside the date and still leave it one date: white space, punctuation
# and a weekday ('Sunday, 3 Jan 2021', '2021年1月3日 星期日').
_AROUND_RE = re.compile(
    r"^(?:[\s\W_]|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|(?:星期|週|周|禮拜|礼拜)[一二三四五六日天])*$",
    re.IGNORECASE,
)


def is_iso_date(value: str) -> bool:
    """Whether ``value`` is a date in ISO form (a day of the calendar, a time after it or not)."""
    value = value.strip()
    return bool(_ISO_RE.fullmatch(value)) and _real_day(value)


def _real_day(iso: str) -> bool:
    """Whether the day an ISO-shaped value opens with is on the calendar ('2021-13-45' is not)."""
    try:
        dt.date.fromisoformat(iso[:10])
    except ValueError:
        return False
    return True


def iso_date(value: Any) -> str | None:
    """``value`` in ISO form when it is certainly one date, else None."""
    # (imported here: the extract package loads lxml and the extractors, a fifth of a second
    # that every import worker would pay for the rare date not in ISO form)
    from newsark.extract.dates import parse_date, value_date_span
    from newsark.extract.textform import nfkc

    # (NFKC, as the date forms read it: the positions found are in that text)
    text = nfkc(str(value)).strip()
    if _EPOCH_RE.fullmatch(text):
        return parse_date(text)  # (UTC; None when outside the years a news site can have)
    found = value_date_span(text)
    if found is None:
        return None
    start, end, iso = found
    return iso if _AROUND_RE.match(text[:start] + " " + text[end:]) else None


def normalize_dates(meta: dict[str, Any]) -> tuple[list[Change], list[Finding]]:
    """Rewrite ``meta``'s dates in ISO form where certain (see the module's docstring);
    the changes made and the values flagged."""
    changes: list[Change] = []
    findings: list[Finding] = []
    for key in KEYS:
        value = meta.get(key)
        if value is None or isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
            continue  # (a missing date is flagged as missing_date)
        if isinstance(value, str) and _ISO_RE.fullmatch(value.strip()):
            if not _real_day(value.strip()):  # the shape, not a day
                findings.append(Finding("invalid_date", f"{key} {value[:60]!r} is no day of the calendar"))
            continue
        iso = iso_date(value) if isinstance(value, (str, int)) else None
        if iso is None:
            findings.append(Finding("invalid_date", f"{key} {str(value)[:60]!r} is not a date newsark can read"))
            continue
        meta[key] = iso
        changes.append(Change("date_format", key, str(value), iso))
    return changes, findings
