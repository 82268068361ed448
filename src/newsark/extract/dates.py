"""Dates from structured values, URLs and page text (English and Chinese forms).

A date is returned as ISO text: ``2021-01-03``, or with the time and the timezone when the
source gives them (``2021-01-03T12:30:00+08:00``). Anything doubtful is ``None``: an
unknown date is better than a confident wrong one.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
import zoneinfo
from collections import Counter

from .textform import nfkc

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_ISO_RE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T\s]+(\d{1,2}):(\d\d)(?::(\d\d))?(?:\.\d+)?\s*(Z|[+-]\d\d:?\d\d)?)?(?!\d)"
)
# (the weekday may stand between the day and the time: '2021年6月23日 星期三 下午3:30',
# '2021年6月23日（三）22:10')
_CN_RE = re.compile(
    r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]"
    r"(?:\s*(?:[（(]\s*(?:星期|週|周)?[一二三四五六日天]\s*[）)]|(?:星期|週|周|禮拜|礼拜)[一二三四五六日天]))?"
    r"(?:\s*(?:[上下]午|晚上|凌晨|早上|中午)?\s*(\d{1,2})[:：︰时時](\d\d)(?:[:：︰分](\d\d))?)?"
)
# 'November 20, 2019', '20 Nov 2019', '19-Dec-2025'
_EN_RE = re.compile(
    r"\b(?:(\d{1,2})(?:\s+|-(?=[a-z])))?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"(?:\s+|(?<=[a-z])-(?=\d{4}))(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b"
    # and the time when it follows ('November 20, 2019, 3:45 PM', '20 Nov 2019 at 10:00')
    # (one run of white space before the separator and one after it: never two to share one)
    r"(?:\s*(?:(?:,|\bat\b|@|\||-|–|—|•|·)\s*)?(\d{1,2}):(\d\d)(?::(\d\d))?(?!\d)(?:\s*([ap])\.?m\b\.?)?)?",
    re.IGNORECASE,
)
# Day, month's name, year in the other languages of the dev pages, and with a dot after the
# day as German writes it ('25. September 2018', '30. Juli 2018', '3 de marzo de 2019',
# '5 de outubro de 2018', '12 febbraio 2019', '1er août 2019').
_EU_MONTHS = {
    **{m: i for i, m in enumerate(["januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
                                   "september", "oktober", "november", "dezember"], 1)},
    **{m: i for i, m in enumerate(["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                   "septembre", "octobre", "novembre", "décembre"], 1)},
    **{m: i for i, m in enumerate(["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                   "septiembre", "octubre", "noviembre", "diciembre"], 1)},
    **{m: i for i, m in enumerate(["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
                                   "setembro", "outubro", "novembro", "dezembro"], 1)},
    **{m: i for i, m in enumerate(["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
                                   "settembre", "ottobre", "novembre", "dicembre"], 1)},
    **{m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december"], 1)},
}
_EU_RE = re.compile(
    r"(?<![\w.])(\d{1,2})(?:\.|er)?\s+(?:de\s+)?(" + "|".join(sorted(_EU_MONTHS, key=len, reverse=True)) + r")"
    r",?\s+(?:de\s+)?((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# 17.05.2021: day first wherever dots are used (Europe).
_DMY_DOT_RE = re.compile(r"(?<![\w.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d.])")
# 2/24/2026 (US) or 24/2/2026: read only when one side is over 12, so the order is certain;
# 03/01/2017 stays unread. A time may follow ('9/17/2004 5:54:13 AM').
_SLASH_RE = re.compile(
    r"(?<![\w/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])"
    r"(?:,?\s+(\d{1,2}):(\d\d)(?::(\d\d))?(?:\s*([AaPp])\.?[Mm]\.?)?)?"
)
_URL_RE = re.compile(
    r"(?<![\d])((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?![\d])"
)
_URL_YM_RE = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])/")
PUBLISHED_LABEL_RE = re.compile(
    r"(发布时间|發佈時間|發布時間|发表时间|發表時間|发布日期|發佈日期|出版时间|出版時間|刊登日期|时间|時間|日期|"
    r"发表于|發表於|发布于|發佈於|發布於|刊于|刊於|published|published on|posted|posted on|posted at|date)"
    r"\s*[:：︰]?\s*$",
    re.IGNORECASE,
)
# Dates that are not the article's: when a blog or member was created, a copyright span.
NOT_PUBLISHED_LABEL_RE = re.compile(
    r"(建立于|建立於|创建于|創建於|成立于|成立於|注册于|註冊於|注册时间|註冊時間|加入于|加入時間|加入时间|"
    r"joined|member since|established|founded|copyright|©|出生|生于|生於)\s*[:：︰]?\s*$",
    re.IGNORECASE,
)
UPDATED_LABEL_RE = re.compile(
    r"(最後更新|最后更新|更新时间|更新時間|更新日期|更新于|更新於|updated|last updated|modified|revised)"
    r"(?:\s+(?:on|at))?\s*[:：︰]?\s*$",
    re.IGNORECASE,
)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return 1990 <= y <= dt.date.today().year + 1


def _fmt(y: int, m: int, d: int, hh: str | None = None, mm: str | None = None,
         ss: str | None = None, tz: str | None = None) -> str:
    out = f"{y:04d}-{m:02d}-{d:02d}"
    if hh is not None and mm is not None and int(hh) < 24 and int(mm) < 60:
        out += f"T{int(hh):02d}:{mm}:{ss or '00'}"
        if tz:
            out += "+00:00" if tz == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
    return out


def parse_date(value: str | None) -> str | None:
    """A date in a structured value (meta, JSON-LD, <time datetime>), or None."""
    if not value:
        return None
    text = nfkc(str(value)).strip()
    if "&" in text:  # a JSON-LD value escaped as if it were HTML ('15:31:57&#x2B;08:00')
        text = html.unescape(text)
    if re.fullmatch(r"\d{10}(\d{3})?", text):  # epoch seconds / milliseconds
        stamp = int(text[:10])
        when = dt.datetime.fromtimestamp(stamp, dt.UTC)
        return when.isoformat() if 1990 <= when.year <= dt.date.today().year + 1 else None
    found = value_date_span(text)
    return found[2] if found else None


def value_date_span(text: str) -> tuple[int, int, str] | None:
    """(start, end, ISO date) of the date in a value (NFKC text), with its time and zone:
    the whole value in RFC 5322's form, or the first date written in it with the one-zone
    abbreviation after it read in (parse_date, and the import's date repair, which also
    asks what stands around it)."""
    rfc = rfc5322_date(text)  # 'Sun, 03 Jan 2021 10:00:00 GMT', as RSS writes it
    if rfc:
        return 0, len(text), rfc
    found = find_date_span(text)
    if found is None:
        return None
    start, end, iso = found
    end, iso = zone_after(text, end, iso)  # '2021-01-03 10:00 HKT'
    return start, end, iso


# Timezone abbreviations read as offsets after a written time: only those that mean one
# zone wherever they are written ('CST' is China's or the US Central's, 'IST' India's,
# Ireland's or Israel's, 'BST' Britain's summer or Bangladesh's: left unread). The US
# names are those RFC 5322 gives (mail and RSS dates write them so); Europe's and
# Australia's are their own.
ZONE_OFFSETS = {"UTC": "+00:00", "GMT": "+00:00", "UT": "+00:00", "Z": "+00:00",
                "HKT": "+08:00", "SGT": "+08:00", "JST": "+09:00", "KST": "+09:00",
                "EST": "-05:00", "EDT": "-04:00", "CDT": "-05:00", "MST": "-07:00",
                "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00", "AKST": "-09:00",
                "AKDT": "-08:00", "HST": "-10:00",
                "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00",
                "WEST": "+01:00", "MSK": "+03:00",
                "AEST": "+10:00", "AEDT": "+11:00", "ACST": "+09:30", "ACDT": "+10:30",
                "AWST": "+08:00", "NZST": "+12:00", "NZDT": "+13:00"}
# A zone's name without its season ('9:24 pm ET'): the offset is the one in force there
# on that day.
ZONE_NAMES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
              "PT": "America/Los_Angeles"}
_OFFSET_END_RE = re.compile(r"[+-]\d\d:\d\d$")
_ZONE_AFTER_RE = re.compile(r"\s*(?:\(\s*([A-Z]{1,4})\s*\)|([A-Z]{1,4})\b)")

# RFC 5322's date (RSS's pubDate, HTTP and e-mail headers): 'Sun, 03 Jan 2021 10:00:00
# GMT'. Its zone names are the standard's own (UT, GMT and the US zones it defines, so
# 'CST' there is US Central, certainly) or those above; an offset '-0000' says the zone
# is unknown.
_RFC5322_RE = re.compile(
    r"((?:(?:mon|tue|wed|thu|fri|sat|sun),\s*)?\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"\s+\d{4}\s+\d{1,2}:\d\d(?::\d\d)?\s+)([+-]\d{4}|[ECMP][SD]T|" + "|".join(ZONE_OFFSETS) + ")",
    re.IGNORECASE,
)


def rfc5322_date(text: str) -> str | None:
    """The date and time of a value in RFC 5322's form (its whole text), in ISO form."""
    m = _RFC5322_RE.fullmatch(text)
    if not m:
        return None
    offset = ZONE_OFFSETS.get(m[2].upper())
    try:  # (the standard library's reader of that form)
        when = email.utils.parsedate_to_datetime(m[1] + offset.replace(":", "") if offset else text)
    except (TypeError, ValueError):
        return None
    if not _valid(when.year, when.month, when.day):
        return None
    return when.isoformat()


def zone_after(text: str, end: int, iso: str) -> tuple[int, str]:
    """(where the date ends, the ISO date) with the timezone abbreviation that follows it
    ('2021-01-03 10:00 HKT'), when one of ZONE_OFFSETS or ZONE_NAMES, taken in: read into
    a time without an offset; after a day alone, it changes nothing written. Else (end, iso)."""
    m = _ZONE_AFTER_RE.match(text, end)
    name = (m[1] or m[2]) if m else None
    if m is None or (name not in ZONE_OFFSETS and name not in ZONE_NAMES):
        return end, iso
    if "T" not in iso:
        return m.end(), iso
    if _OFFSET_END_RE.search(iso):  # an offset written already: a second zone is no part of it
        return end, iso
    offset = ZONE_OFFSETS.get(name) or _offset_on(iso, ZONE_NAMES[name])
    return (m.end(), iso + offset) if offset else (end, iso)


def _offset_on(iso: str, zone: str) -> str | None:
    """The UTC offset in force in the IANA ``zone`` at the local time ``iso`` ('-05:00')."""
    try:
        when = dt.datetime.fromisoformat(iso).replace(tzinfo=zoneinfo.ZoneInfo(zone))
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return None
    return when.isoformat()[-6:]


def find_date(text: str) -> str | None:
    """The first well-formed date written in ``text`` (ISO, Chinese or English form)."""
    found = find_date_span(text)
    return found[2] if found else None


_FOUR_DIGITS_RE = re.compile(r"\d{4}")


def find_date_span(text: str) -> tuple[int, int, str] | None:
    """(start, end, ISO date) of the first well-formed date in ``text`` (NFKC positions)."""
    if not _FOUR_DIGITS_RE.search(text):
        return None  # every form has a four-digit year (most lines have none: cheap way out)
    text = nfkc(text)
    found: list[tuple[int, int, str]] = []
    for m in _ISO_RE.finditer(text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        if _valid(y, mo, d):
            found.append((m.start(), m.end(), _fmt(y, mo, d, m[4], m[5], m[6], m[7])))
            break
    for m in _CN_RE.finditer(text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        if _valid(y, mo, d):
            hh = m[4]
            if hh is not None and re.search(r"下午|晚上", m.group(0)) and int(hh) < 12:
                hh = str(int(hh) + 12)
            found.append((m.start(), m.end(), _fmt(y, mo, d, hh, m[5], m[6])))
            break
    for m in _EN_RE.finditer(text):
        day = m[1] or m[3]
        if not day:
            continue
        y, mo, d = int(m[4]), _MONTHS[m[2][:3].lower()], int(day)
        if _valid(y, mo, d):
            hh = m[5]
            if hh is not None and m[8]:  # 12-hour clock
                if not 1 <= int(hh) <= 12:
                    hh = None  # ('13:00 pm': no time to trust)
                else:
                    hh = str(int(hh) % 12 + (12 if m[8].lower() == "p" else 0))
            end = m.end() if hh is not None else m.end(4)
            found.append((m.start(), end, _fmt(y, mo, d, hh, m[6], m[7])))
            break
    if not found:  # (English forms first: the other languages' only where they find none)
        for m in _EU_RE.finditer(text):
            y, mo, d = int(m[3]), _EU_MONTHS[m[2].lower()], int(m[1])
            if _valid(y, mo, d):
                found.append((m.start(), m.end(), _fmt(y, mo, d)))
                break
    for m in _DMY_DOT_RE.finditer(text):
        y, mo, d = int(m[3]), int(m[2]), int(m[1])
        if _valid(y, mo, d):
            found.append((m.start(), m.end(), _fmt(y, mo, d)))
            break
    if "/" in text:
        for m in _SLASH_RE.finditer(text):
            a, b, y = int(m[1]), int(m[2]), int(m[3])
            if (a > 12) == (b > 12):
                continue  # ambiguous (or no day at all)
            mo, d = (b, a) if a > 12 else (a, b)
            if _valid(y, mo, d):
                hh = m[4]
                if hh is not None and m[7] and int(hh) <= 12:
                    hh = str(int(hh) % 12 + (12 if m[7] in "Pp" else 0))
                found.append((m.start(), m.end(), _fmt(y, mo, d, hh, m[5], m[6])))
                break
    return min(found) if found else None


def shows_day(text: str, day: str) -> bool:
    """Whether ``text`` writes the day YYYY-MM-DD as a numeric date whose order is
    unknown ('03/01/2017' is 1 March or 3 January): find_date_span leaves it unread, but
    it is the day another source gave when one of its readings is."""
    if "/" not in text:
        return False
    for m in _SLASH_RE.finditer(text):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if any(_valid(y, mo, d) and _fmt(y, mo, d) == day for mo, d in ((a, b), (b, a))):
            return True
    return False


# Year and month only ('1998年3月号', '2003年5月'): a partial date, written YYYY-MM.
_CN_YM_RE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
# 'November 2003' as the whole of a short line (a report's date), never inside a sentence.
_EN_YM_RE = re.compile(
    r"^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\s*$", re.IGNORECASE
)


def find_partial_date(text: str, *, english: bool = True) -> str | None:
    """'YYYY-MM' of a year-and-month date in a short line ('2003年5月', or with ``english``
    'November 2003' standing alone), or None."""
    text = nfkc(text)
    m = _CN_YM_RE.search(text)
    if m:
        y, mo = int(m[1]), int(m[2])
    else:
        m = _EN_YM_RE.match(text) if english else None
        if not m:
            return None
        y, mo = int(m[2]), _MONTHS[m[1][:3].lower()]
    if not 1 <= mo <= 12 or not _valid(y, mo, 1):
        return None
    return f"{y:04d}-{mo:02d}"


def date_from_url(url: str | None) -> str | None:
    """A full date in the URL path (/2021/01/03/, /20210103/, 2021-01-03)."""
    if not url:
        return None
    path = re.sub(r"^https?://web\.archive\.org/web/\d+[a-z_]*/", "", url)
    path = re.sub(r"^[a-z]+://[^/]+", "", path)
    for m in _URL_RE.finditer(path):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        if _valid(y, mo, d):
            return _fmt(y, mo, d)
    return None


def date_only(value: str | None) -> str | None:
    return value[:10] if value else None


def same_day_somewhere(stamp: str, day: str) -> bool:
    """Whether the instant ``stamp`` (ISO with a time and an offset) falls on ``day``
    (YYYY-MM-DD) in some timezone (UTC-12 to UTC+14): a page showing its local date and
    metadata in UTC disagree by a day about the same moment."""
    try:
        when = dt.datetime.fromisoformat(stamp)
        target = dt.date.fromisoformat(day[:10])
    except ValueError:
        return False
    if when.tzinfo is None or "T" not in stamp:
        return False
    utc = when.astimezone(dt.UTC)
    return any((utc + dt.timedelta(hours=h)).date() == target for h in range(-12, 15))


def in_page_zone(stamp: str, day: str, others: list[str]) -> str:
    """``stamp`` told in the page's own timezone when the page shows it as ``day``: the
    page's stamp for the same instant ('2025-12-18T19:05:00-08:00' beside the metadata's
    '2025-12-19T03:05:00+00:00'), else the instant at the offset the page's other stamps
    use that makes it ``day`` (a WordPress post of 9:41 pm in New York is the next day in
    UTC). ``stamp`` unchanged when neither is found: the zone is never guessed."""
    try:
        when = dt.datetime.fromisoformat(stamp)
        target = dt.date.fromisoformat(day[:10])
    except ValueError:
        return stamp
    if when.tzinfo is None:
        return stamp
    offsets: Counter[dt.timedelta] = Counter()
    for other in others:
        try:
            there = dt.datetime.fromisoformat(other)
        except ValueError:
            continue
        offset = there.utcoffset()
        if offset is None or "T" not in other:
            continue
        if there == when and there.date() == target:
            return other
        offsets[offset] += 1
    for offset, _ in offsets.most_common():
        local = when.astimezone(dt.timezone(offset))
        if local.date() == target:
            return local.isoformat()
    return stamp


def with_zone(stamp: str | None, others: list[str]) -> str | None:
    """``stamp``, a local time without an offset, with the offset of the page's other
    stamps that name the same minute in a zone (the metadata's '2019-11-19T23:46:00'
    beside ``<time datetime="2019-11-19 23:46:00 UTC">``): one moment written twice, once
    with its zone. Unchanged when none does, or when they name different zones."""
    if not stamp or len(stamp) != 19:  # (a day alone, or a zone given already)
        return stamp
    offsets = {other[19:] for other in others
               if other[:16] == stamp[:16] and len(other) == 25 and _OFFSET_END_RE.search(other)}
    return stamp + offsets.pop() if len(offsets) == 1 else stamp
