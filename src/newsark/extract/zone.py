"""The lines of text around the headline: where bylines and dates are written.

``page_lines`` flattens the body to its text nodes; ``header_zone`` is the stretch between
the title and the first lines of the extracted body; the date helpers read labelled dates
there ('Published: …', '最後更新 …', 'Updated:' on the line before the date).
"""

from __future__ import annotations

import bisect
import re

from lxml import etree

from .dates import (
    NOT_PUBLISHED_LABEL_RE,
    PUBLISHED_LABEL_RE,
    UPDATED_LABEL_RE,
    find_date,
    find_date_span,
    find_partial_date,
    zone_after,
)
from .textform import nfkc

DATE_LINE = 160  # characters: a longer line is prose, not a line that dates the page
# 'posted on' opening a line: the rest of a byline whose name is the line before it
POSTED_AT_START_RE = re.compile(r"\s*(?:发表于|發表於)")
_SKIP_TAGS = ("script", "style", "noscript", "select", "option", "title", "meta", "head")
# Every text node under an element in document order, as plain strings (no element proxies:
# walking the elements in Python cost more than the rest of the metadata together).
_TEXT_NODES = etree.XPath(".//text()", smart_strings=False)


def page_lines(doc: etree._Element) -> list[str]:
    """Every non-empty text node of the body in document order, white space collapsed;
    the text of scripts, styles, option lists and the like left out."""
    body = doc.find(".//body")
    if body is None:
        return []
    # Strings carry no parent: a skipped element's text is dropped by value, as many times
    # as such elements hold it (a <title> misplaced into the body goes, the headline stays).
    skip: dict[str, int] = {}
    for el in body.iter(*_SKIP_TAGS):
        if el.text:
            skip[el.text] = skip.get(el.text, 0) + 1
    lines: list[str] = []
    for t in _TEXT_NODES(body):
        if t.isspace():
            continue
        if skip and t in skip and skip[t] > 0:
            skip[t] -= 1
            continue
        lines.append(" ".join(t.split()))
    return lines


class FlatLines:
    """Lines without white space, joined into one string: probes are found with str.find
    instead of a loop over every line (a page's lines are searched many times; so are its
    paragraphs, runs.py)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.flat = [line.replace(" ", "") for line in lines]  # page_lines left single spaces
        self.blob = "\x00".join(self.flat)
        self.starts: list[int] = []
        pos = 0
        for f in self.flat:
            self.starts.append(pos)
            pos += len(f) + 1

    def line_at(self, pos: int) -> int:
        """The index of the line that holds the blob's character at ``pos``."""
        return bisect.bisect_right(self.starts, pos) - 1


_last_flat: FlatLines | None = None


def _flat(lines: list[str]) -> FlatLines:
    global _last_flat  # a one-page cache: the same lines are searched again and again
    cached = _last_flat
    if cached is None or cached.lines is not lines:
        cached = _last_flat = FlatLines(lines)
    return cached


def forget_page() -> None:
    """Drop the one-page cache (no finished page's lines kept alive)."""
    global _last_flat
    _last_flat = None


def find_line(lines: list[str], probe: str, before: int | None = None) -> int | None:
    """Index of the line holding ``probe``'s start; the last one before ``before``. A line
    that is the whole probe (the headline itself) wins over one that only starts like it
    (a related story 'Top 10 best luxury hotels in …' under 'Top 10 best luxury hotel brands')."""
    whole = "".join(probe.split())
    start = whole[:12]
    if len(start) < 4 or "\x00" in start:
        return None
    f = _flat(lines)
    limit = len(lines) if before is None else min(before, len(lines))
    found = exact = None
    pos = f.blob.find(start)
    while pos != -1:
        i = f.line_at(pos)
        if i >= limit:
            break
        if found is None or before is not None:
            found = i
        if f.flat[i] == whole and (exact is None or before is not None):
            exact = i
            if before is None:
                break
        pos = f.blob.find(start, f.starts[i + 1]) if i + 1 < len(f.starts) else -1
    return exact if exact is not None else found


def header_zone(lines: list[str], title: str | None, body_text: str | None) -> list[str]:
    """Lines between the title and the first lines of the body (bylines and dates sit there)."""
    first = next((ln for ln in (body_text or "").split("\n") if len(ln.strip()) >= 6), "")
    bi = find_line(lines, first) if first else None
    ti = find_line(lines, title, bi) if title else None
    if ti is None and title:
        ti = find_line(lines, title)
    if ti is not None and bi is not None and ti < bi <= ti + 80:
        return lines[ti + 1 : _byline_end(lines, bi + 2)]
    if ti is not None:
        return lines[ti + 1 : _byline_end(lines, ti + 25)]
    if bi is not None:
        return lines[max(0, bi - 20) : _byline_end(lines, bi + 2)]
    return []


def _byline_end(lines: list[str], end: int) -> int:
    """The zone's end, one line further when the line there finishes the byline the zone
    ends with: the name and its '发表于 2005-9-15' written as two lines (a link, then text)."""
    return end + 1 if end < len(lines) and POSTED_AT_START_RE.match(lines[end]) else end


def dates_in_zone(zone: list[str]) -> tuple[str | None, str | None]:
    """(published, updated) written near the title; a label decides which is which, and a
    date labelled as the publication date wins over an unlabelled one."""
    pub: str | None = None
    labelled: str | None = None
    upd: str | None = None
    prev = ""
    for line in zone:
        if len(line) > DATE_LINE:
            prev = ""
            continue
        span = find_date_span(line)
        if span:
            start, end, d = span
            norm = nfkc(line)
            d = zone_after(norm, end, d)[1]  # '2021年1月3日 10:00 HKT'
            head = norm[:start]
            label = head if head.strip() else prev
            if NOT_PUBLISHED_LABEL_RE.search(label.strip()):
                prev = line
                continue
            if UPDATED_LABEL_RE.search(label.strip()):
                upd = upd or d
            else:
                if labelled is None and PUBLISHED_LABEL_RE.search(label.strip()):
                    labelled = d
                if pub is None:
                    pub = d
        prev = line
    return labelled or pub, upd


def partial_date_near_body(zone: list[str], body_text: str | None) -> str | None:
    """'1998年3月号' on a short line of its own under the title or at either end of the
    body (a report's title, its author, then its date), when no full date is anywhere: a
    year and month is all the page gives."""
    body_lines = [ln.strip() for ln in (body_text or "").split("\n") if ln.strip()]
    for line in [*zone[:12], *body_lines[:4], *body_lines[-3:]]:
        if len(line) <= 40:  # (an English 'November 2003' only after a label: blogs list months)
            found = find_partial_date(line, english=False)
            if found:
                return found
    return None


def labelled_date(window: list[str]) -> str | None:
    """The first date in ``window`` labelled as the publication date ('发表于 2005-9-15',
    'Posted on …', 'Date' on the line before 'November 2003'); a year and month counts."""
    prev = ""
    for line in window:
        if len(line) <= DATE_LINE:
            span = find_date_span(line)
            found = span[2] if span else find_partial_date(line)
            if found:
                head = nfkc(line)[: span[0]] if span else ""
                if not head.strip():
                    head = re.split(r"\d{4}|[A-Za-z]{3,9}\.? (?:19|20)\d\d", line, maxsplit=1)[0]
                label = head if head.strip() else prev
                if PUBLISHED_LABEL_RE.search(label.strip()):
                    return found
        prev = line
    return None


def body_bounds(lines: list[str], body_text: str | None) -> tuple[int | None, int | None]:
    """Indexes of the lines holding the body's first and last lines (None when not found)."""
    body_lines = [ln for ln in (body_text or "").split("\n") if len(ln.strip()) >= 6]
    if not body_lines:
        return None, None
    return find_line(lines, body_lines[0]), find_line(lines, body_lines[-1][-12:])


_UNTITLED_LINE = (4, 60)  # characters of a headline line above the body
_SHORT_OPENING = 30  # characters at most of a body's first line that is its headline
_SENTENCE_END = ("。", "！", "？", "…", "：", "︰", ":", ".", "!", "?")
_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$")


def untitled_headline(lines: list[str], body_text: str) -> str | None:
    """The headline of a Chinese page that gives no title (no <title>, heading or title
    meta), as it shows one: the body's first line when it is short and no sentence
    ('飞行物理学常识'), else the nearest line above the body, past the address and date
    lines under it ('广汽回应现代合资内幕 全面合作项目即将展开' / 'http://www.qianlong.com/' /
    '2005-07-18 13:03:17': a portal's page for printing). None when neither looks so."""
    opening = next((ln.strip() for ln in body_text.split("\n") if ln.strip()), "")
    if _UNTITLED_LINE[0] <= len(opening) <= _SHORT_OPENING and not opening.endswith(_SENTENCE_END):
        return opening
    start, _ = body_bounds(lines, body_text)
    for line in reversed(lines[max(0, start - 4) : start] if start is not None else []):
        text = line.strip()
        if _URL_RE.match(text) or find_date(text):
            continue
        short = _UNTITLED_LINE[0] <= len(text) <= _UNTITLED_LINE[1]
        return text if short and not text.endswith(_SENTENCE_END) and re.search("[\u4e00-\u9fff]", text) else None
    return None


def labelled_date_around_body(lines: list[str], body_text: str | None) -> str | None:
    """A labelled date just above the body's start ('发表于 …' under a blog post's title when
    the page's title is the blog's) or just after its end ('Posted on …', 'Date: …'), past
    the row of buttons and counters there ('发布日期：2019-09-23 14:34:05' under '赞 0 赏
    分享 查看评论 阅读 539')."""
    start, end = body_bounds(lines, body_text)
    if start is not None:
        found = labelled_date(lines[max(0, start - 8) : start + 4])
        if found:
            return found
    if end is None:
        return None
    found = labelled_date(lines[end + 1 : end + 1 + _AFTER_LINES])  # ('Date' / 'November 2003')
    if found:
        return found
    # The same past the buttons and counters under a body ('赞' '0' '分享' '阅读' '539').
    after = [ln for ln in lines[end + 1 : end + 1 + _AFTER_SCAN] if len(ln.strip()) > _WIDGET_CHARS]
    return labelled_date(after[:_AFTER_LINES])


_AFTER_LINES = 5  # lines after the body searched for its labelled date ...
_AFTER_SCAN = 30  # ... or, past a row of widgets, lines of text among this many:
_WIDGET_CHARS = 4  # a button's or a counter's line is no longer


_ORIGINALLY_RE = re.compile(
    r"\b(?:originally|first)\s+(?:published|posted|appeared|ran)\b[^.]{0,60}?\b(?:on|in)\s+(.{6,40})",
    re.IGNORECASE,
)


def originally_published(body_text: str | None, after: list[str] | None = None) -> str | None:
    """The date in 'This article was originally published on 26 Sep 2019' at either end
    of the body or in the lines ``after`` it: a republished article's first publication."""
    lines = [ln for ln in (body_text or "").split("\n") if ln.strip()]
    for line in [*lines[:3], *lines[-4:], *(after or [])]:
        m = _ORIGINALLY_RE.search(line)
        if m:
            found = find_date(m.group(1))
            if found:
                return found
    return None
