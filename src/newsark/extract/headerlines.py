"""The lines above an article that only say who wrote it and when.

Extractors keep the page's byline ('By Jane Doe'), its date line ('Published 4:00 am CST,
Wednesday, November 20, 2019'), a reading time ('8 min read'), a label whose value went to
the front matter ('Published:') and the labels of the controls there ('Back to blog',
'Table of Contents') as the body's first blocks; a Chinese page, its bar of date and source
('2019-08-13 14:07来源：澎湃新闻') and its reporter's line ('澎湃新闻记者 贺梨萍'). Once the byline and the dates are known,
``drop_header_lines`` takes them out: only among the first blocks, before the first
paragraph of prose (past a dek that opens the body), and only when they hold nothing else.
"""

from __future__ import annotations

import datetime as dt
import re

from .choose import CJK_RE
from .dates import find_date_span
from .furniture import UI_LABELS, orphan_credit
from .plaintext import plain_block
from .textform import nfkc

# The names of an author field: English ones joined by commas or "and", Chinese ones by '、'
# ('叨叨姐、胡一刀、李小飞刀').
_NAMES_RE = re.compile(r",|;|&|\band\b|、")
HEADER_BLOCKS = 6  # only the body's first blocks, and only before its first paragraph of ...
HEADER_PROSE = 20  # ... this many words, are looked at
_BYLINE_RE = re.compile(r"^(?:by|written by|posted by|words by|story by)\s*:?\s+(.+)$", re.IGNORECASE)
# '8 min read', '3 MIN. READ', 'Estimated reading time: 11 minutes', or its label alone.
_READING_TIME_RE = re.compile(
    r"^(?:(?:estimated\s+)?reading time:?\s*|(?:estimated\s+reading time:?\s*)?"
    r"(?:\d+\s*(?:-\s*\d+\s*)?(?:min|mins|minutes?)\.?(?:\s+read)?|min\.?\s+read))$",
    re.IGNORECASE)
# ... in other languages ('Tempo de leitura: 1 minuto', '閱讀時間：約3分鐘').
_READING_TIME_OTHER_RE = re.compile(
    r"^(?:tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|阅读时间|閱讀時間|预计阅读时间|預計閱讀時間)"
    r"\s*[:：︰]?\s*(?:约|約|aprox\.?|ca\.?)?\s*\d+\s*(?:minutos?|minutes?|min\.?|minuten|分钟|分鐘)$", re.IGNORECASE)
# Who reviewed or checked the story, not its writer ('reviewed by Jo-ann Caballes', 'Reviewed by,').
_REVIEWED_BY_RE = re.compile(
    r"^(?:medically |expertly )?(?:reviewed|fact[- ]checked|edited)(?: and (?:reviewed|fact[- ]checked|edited))?"
    r" by\b[\s,:]*(?:\S+(?:\s+\S+){0,4})?$", re.IGNORECASE)
# A label left alone on its line, its value gone to the front matter ('Published:', 'by:').
_LONE_LABEL_RE = re.compile(
    r"^(?:published|posted|posted on|updated|last updated|updated on|date|by|written by|author)\s*:?$", re.IGNORECASE)
# Labels of the page's controls above an article ("Back to blog", a table of contents' title).
_TOP_LABELS = frozenset({"table of contents", "contents", "in this article", "on this page", "jump to", "skip to content",
                         "目錄", "目录"})
# What may stand beside the date on a line that only dates the page: its label, the time,
# a time zone (CST, AEDT), the weekday.
_DATE_LINE_WORDS_RE = re.compile(
    r"\b(?:published|updated|last updated|posted|modified|on|at|am|pm|a\.m\.|p\.m\.|[a-z]{2,4}t|utc|gmt|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b|\d{1,2}:\d{2}|[\W_]+",
    re.IGNORECASE)


def _only_dates(text: str, days: set[str], instants: frozenset[str] = frozenset()) -> bool:
    """Whether a line says nothing but the page's dates (one, or the published and the
    updated one), with their labels, time or weekday and perhaps a reading time
    ('Published 4:00 am CST, Wednesday, November 20, 2019', 'August 16, 2019 - Updated
    July 9, 2025', 'Jun 08, 2023 • 11 Minute Read')."""
    rest = nfkc(text)  # the spans' positions are NFKC's
    found = 0
    while days and found < 2:
        span = find_date_span(rest)
        if not span or not _page_day(span[2][:10], days, instants):
            break
        rest, found = rest[: span[0]] + " " + rest[span[1] :], found + 1
    if days and not found:  # 'Updated: Jan 31', the year left out: the month and day of one
        m = _MONTH_DAY_RE.search(rest)
        month = _MONTHS.get(m.group(1)[:3].lower()) if m and m.group(1) else None
        if m and month and any(d[5:10] == f"{month:02d}-{int(m.group(2)):02d}" for d in days):
            rest, found = rest[: m.start()] + " " + rest[m.end() :], 1
    return found > 0 and not _DATE_LINE_WORDS_RE.sub("", _AGO_OR_READ_RE.sub(" ", rest))


def _page_day(day: str, days: set[str], instants: frozenset[str]) -> bool:
    """One of the page's days, or a day beside the day of one of its instants (a UTC stamp
    the page shows on its own day: 'Last Updated: December 15th 2025' for
    2025-12-16T01:52Z)."""
    if day in days:
        return True
    try:
        shown = dt.date.fromisoformat(day)
        return any(abs((shown - dt.date.fromisoformat(d)).days) <= 1 for d in instants)
    except ValueError:  # a month alone, '2025-12'
        return False


# Relative dates and reading times beside a byline ('2 days ago', '6 min read').
_AGO_OR_READ_RE = re.compile(
    r"\b\d+\s*(?:(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago|(?:min|mins|minutes?)\.?\s+read)\b",
    re.IGNORECASE)
_BY_WORDS_RE = re.compile(r"\b(?:by|written|posted)\b", re.IGNORECASE)
# A day without its year beside them ('Gabo · Jan 23 · 11 min read'): the date is not
# checked against the page's, the reading time already says what the line is.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTH_DAY_RE = re.compile(rf"\b(?:({_MONTH})\s+(\d{{1,2}})|\d{{1,2}}\s+{_MONTH})(?!\w)", re.IGNORECASE)
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                        "dec"), 1)}


def _byline_and_date(text: str, names: list[str], days: set[str]) -> bool:
    """Whether a line says nothing but the byline found and when: one of the page's dates,
    or how long ago, or a reading time ('Jayesh Shinde| Updated on 19-Dec-2025', 'Posted on
    December 18, 2025 Posted by John Scalzi', 'Ben · 2 days ago · 6 min read')."""
    rest = text
    for name in names:
        rest = re.sub(rf"\b{re.escape(name)}\b", " ", rest, flags=re.IGNORECASE)
    if rest == text:
        return False  # no byline in it
    rest = _BY_WORDS_RE.sub(" ", rest)
    when = _AGO_OR_READ_RE.sub(" ", rest)
    if when != rest:
        when = _MONTH_DAY_RE.sub(" ", when)
    return (when != rest and not _DATE_LINE_WORDS_RE.sub("", when)) or _only_dates(when, days)


# What a Chinese byline line holds besides the names and the date: roles, where the story was
# filed ('桃園機場報導', '台北19日電'), a clock time.
_ZH_FILED_RE = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:綜合報導|综合报道|報導|报道|報道|[電电])")
_ZH_ROLES_RE = re.compile(r"特約記者|特约记者|實習記者|实习记者|記者|记者|撰文|文字|攝影|摄影|作者|[文圖图]")
_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
# Where the story came from, labelled ('来源：证券时报网', '來源：轉載文章'), and the other
# labels of a page's bar of facts over the story ('13:26更新', '发表评论').
_ZH_SOURCE_RE = re.compile(r"(?:来源|來源|出处|出處)\s*[:：︰]\s*[^\s|｜]{1,16}")
_ZH_BAR_RE = re.compile(r"更新|发表评论|發表評論|发布|發佈|发表于|發表於")
ZH_HEADER_CHARS = 60
ZH_HEADER_REST = 6  # characters left over: the outlet's name ('聯合報'), no more


def _zh_byline_and_date(text: str, names: list[str], days: set[str]) -> bool:
    """A short Chinese line that says only who wrote it and when, and at most the outlet's
    name ('2019-03-18 23:59聯合報 記者陳嘉寧／桃園機場報導', udn): the byline found, or the
    story's source under its label ('2019-08-13 14:07来源：澎湃新闻·澎湃号·政务'), and one
    of the page's dates."""
    if len(text) > ZH_HEADER_CHARS or not CJK_RE.search(text):
        return False
    source = _ZH_SOURCE_RE.search(text)
    if not source and not any(n in text for n in names):
        return False
    span = find_date_span(text)
    if not span or span[2][:10] not in days:
        return False
    norm = nfkc(text)  # the span's positions are NFKC's
    rest = _CLOCK_RE.sub(" ", norm[: span[0]] + " " + norm[span[1] :])
    rest = _without_names(_ZH_SOURCE_RE.sub(" ", rest), names)
    return _little_left(rest, _ZH_FILED_RE, _ZH_ROLES_RE, _ZH_BAR_RE)


def _without_names(text: str, names: list[str]) -> str:
    for name in names:
        text = text.replace(name, " ")
    return text


def _little_left(rest: str, *said: re.Pattern[str]) -> bool:
    """Whether a Chinese line, what ``said`` matches taken out in turn, has at most
    ZH_HEADER_REST letters left (an outlet's name)."""
    for pattern in said:
        rest = pattern.sub(" ", rest)
    return len(re.sub(r"[\W\d_]+", "", rest)) <= ZH_HEADER_REST


# Who wrote it: a reporter's or writer's role, or '文' alone as a label ('文︰陳大文', '文／王文').
_ZH_REPORTER_RE = re.compile(r"記者|记者|撰文|作者|編輯|编辑|執筆|执笔|(?:^|[\s【\[（(])文\s*[／/：:︰]")
_ZH_PICTURES_RE = re.compile(r"供图|供圖|摄影|攝影|图片|圖片|摄|攝")
# An outlet or its channel named beside a byline ('新华网黑龙江频道', '澎湃新闻', '观察者网').
_ZH_OUTLET_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:频道|頻道|新闻|新聞|日报|日報|晚报|晚報|网|網|报|報|社|电视台|電視台)")
ZH_PROSE_CHARS = 30  # a Chinese block this long with a comma or full stop is the story's prose


def _zh_prose(text: str) -> bool:
    return len(text) >= ZH_PROSE_CHARS and any(c in text for c in "，。,") and CJK_RE.search(text) is not None


def _zh_byline(text: str, names: list[str]) -> bool:
    """A short Chinese line that names the byline found as the story's reporter or writer,
    and at most the outlet or its channel ('澎湃新闻记者 贺梨萍', '新华网黑龙江频道 记者
    伊琳 李清芬', '記者林悅／南市報導'); only above the story's first paragraph (a credit
    line under it may name a photographer and an editor beside the writer)."""
    if len(text) > ZH_HEADER_CHARS or not names or not _ZH_REPORTER_RE.search(text) or not CJK_RE.search(text):
        return False
    if find_date_span(text):
        return False  # a line with a date is _zh_byline_and_date's to judge (the page's day or not)
    if _ZH_PICTURES_RE.search(text):
        return False  # it credits the pictures too ('受访者供图'), which the author field does not say
    rest = _without_names(text, names)
    return rest != text and _little_left(rest, _ZH_REPORTER_RE, _ZH_FILED_RE, _ZH_ROLES_RE, _ZH_OUTLET_RE)


def drop_header_lines(markdown: str, author: str | None, dates: tuple[str | None, ...]) -> str:
    """The body without the lines above the article that only say who wrote it and when:
    'By Jane Doe' (the byline found, with its markup), 'Published 4:00 am CST, Wednesday,
    November 20, 2019' (a date found), '8 min read'; and the labels of the page's controls
    there ('Back to blog', 'Table of Contents'). Only among the first blocks, before
    the first paragraph of prose; the same text when there are none."""
    if not markdown:
        return markdown
    blocks = markdown.split("\n\n")
    names = [n.strip().lower() for n in _NAMES_RE.split(author or "") if n.strip()]
    days = {d[:10] for d in dates if d}
    instants = frozenset(d[:10] for d in dates if d and "T" in d)  # (stamps with their time)
    drop: list[int] = []
    seen = 0  # text blocks looked at (a lead picture above them is none)
    zh_prose = False  # a Chinese paragraph seen (its words are not split by spaces)
    for i, block in enumerate(blocks):
        if block.startswith(("<figure", "{{<")):
            continue
        if seen == HEADER_BLOCKS:
            break
        seen += 1
        text = plain_block(block)
        if len(text.split()) >= HEADER_PROSE:
            if seen == 1:
                continue  # the story's dek may stand above its byline and date
            break
        if orphan_credit(text) and not (i and blocks[i - 1].startswith("<figure")):
            drop.append(i)  # the credit of a picture the body does not hold
            continue
        if _header_line(text, names, days, instants) or _header_list(block, names, days, instants) \
                or (not zh_prose and _zh_byline(text, names)):
            drop.append(i)
        zh_prose = zh_prose or _zh_prose(text)
    if not drop or len(drop) == len(blocks):
        return markdown
    return "\n\n".join(b for i, b in enumerate(blocks) if i not in drop)


_LIST_MARK_RE = re.compile(r"^[-*+] ")
# An address written out as text above the article: its share link ('https://www.barrons.com/
# articles/home-depot-…', a sharing bar's copy field saved with the page).
_BARE_URL_RE = re.compile(r"https?://\S+")


def _header_list(block: str, names: list[str], days: set[str], instants: frozenset[str]) -> bool:
    """A list of such lines, an item each ('- [Leonardo Garcia](…)', '- Sep 26, 2022',
    '- 2 min read')."""
    lines = block.split("\n")
    return len(lines) > 1 and all(_LIST_MARK_RE.match(ln) for ln in lines) \
        and all(_header_line(plain_block(_LIST_MARK_RE.sub("", ln)), names, days, instants) for ln in lines)


def _header_line(text: str, names: list[str], days: set[str], instants: frozenset[str]) -> bool:
    """A line above the article that only gives its byline, its dates or reading time, a
    label left without its value, or a control's label."""
    m = _BYLINE_RE.match(text)
    return bool((m and names and any(n in m.group(1).lower() for n in names)) or text.lower() in names
                or _READING_TIME_RE.match(text) or _READING_TIME_OTHER_RE.match(text)
                or _LONE_LABEL_RE.match(text) or _REVIEWED_BY_RE.match(text)
                or text.lower().strip(" .!?…→»›:") in UI_LABELS or text.lower() in _TOP_LABELS
                or bool(_BARE_URL_RE.fullmatch(text))
                or (len(text.split()) <= 12
                    and (_only_dates(text, days, instants) or _byline_and_date(text, names, days)))
                or _zh_byline_and_date(text, names, days) or _behalf_bar(text, days, instants))


# A law firm's blog (FindLaw's template, on thousands of firms' sites) writes above each post
# 'On Behalf of O'Malley Tunstall PLLC | Apr 21, 2017 | Products Liability': the firm, the
# day and the post's category, none of them the post's words.
_BEHALF_RE = re.compile(r"^On Behalf of [^|]{2,80}\|([^|]{4,40})(?:\|[^|]{1,60})?$")


def _behalf_bar(text: str, days: set[str], instants: frozenset[str]) -> bool:
    m = _BEHALF_RE.match(text)
    return m is not None and _only_dates(m.group(1).strip(), days, instants)
