"""Bylines written in the page's text and author markup (記者 XXX, 文／XXX, 'By X'),
the rules used for Chinese pages and as a late source for other pages."""

from __future__ import annotations

import re
from itertools import pairwise, zip_longest

from lxml import etree

from .bylines import (
    OTHER_STORIES,
    is_placeholder,
    looks_like_name,
    plausible_chinese_name,
    split_byline,
)
from .nodetext import ancestors_in_body, flat_text
from .spacing import block_lines
from .zone import POSTED_AT_START_RE, body_bounds

_CJK_RE = re.compile("[\u4e00-\u9fff]")

# Every element marked as an author or byline by either rule set (authors.byline_elements,
# bylines_in_page below): one walk of the page, kept for the page's next question.
# The tests run on the attribute nodes themselves (each element's attribute read once,
# the elements without one never visited): half the time of testing every element's
# @class five times over.
_AUTHOR_MARKED = etree.XPath(
    '//@rel[.="author"]/.. | //@itemprop[.="author"]/.. | //@id[contains(.,"author")]/.. | '
    '//@class[contains(.,"yline") or '
    # not "authorized"/"authorised"/"authority" (hexun's '<span class="authorized">我已授权')
    '(contains(.,"uthor") and not(contains(.,"uthoriz") or contains(.,"uthoris") or contains(.,"uthorit"))) or '
    'contains(.,"riter") or contains(.,"ontributor") or contains(.,"reporter")]/..'
)
_last_marked: tuple[etree._Element, list[etree._Element]] | None = None


def author_marked(doc: etree._Element) -> list[etree._Element]:
    """The page's elements whose rel, itemprop, class or id speak of an author or byline."""
    global _last_marked  # a one-page cache: both rule sets ask of the same page
    cached = _last_marked
    if cached is None or cached[0] is not doc:
        cached = _last_marked = (doc, _AUTHOR_MARKED(doc))
    return cached[1]


def forget_page() -> None:
    """Drop the one-page cache (no finished page's tree kept alive)."""
    global _last_marked
    _last_marked = None


_CJK_NAMES = r"[\u4e00-\u9fff·]{2,4}(?:[ \u3000、，,和及与與]+[\u4e00-\u9fff·]{2,4}){0,5}"
_END = r"(?=[\s)）】\]/／|｜,，。;；]|$|报道|報導|综合|綜合)"
_BYLINE_PATTERNS = [
    # (a role word that starts a longer word is none: 摄影师 photographer, 记者会 press
    # conference, 作者们 the authors)
    re.compile(r"(特約記者|實習記者|记者|記者|作者|撰文|采写|採寫|执笔人|執筆人|执笔|執筆|文字|文[/／:：︰]|攝影|摄影|圖[/／:：︰]|图[/／:：︰])"
               r"(?![师師会會们們机機站])\s*[:：︰/／]?\s*(" + _CJK_NAMES + ")" + _END),
    # wire dateline: 中央社記者邱俊欽桃園19日電
    re.compile(r"(?:記者|记者)\s*([\u4e00-\u9fff]{3})\s*[\u4e00-\u9fff]{2,4}\d{1,2}日[電电]"),
    re.compile(r"[（(【]\s*(" + _CJK_NAMES + r")\s*[/／]\s*[\u4e00-\u9fff]{0,4}(?:报道|報導|摄|攝)"),
    re.compile(r"(?:^|\s)(" + _CJK_NAMES + r")\s*[/／]\s*(?:摄|攝)(?:影)?\s*$"),
    re.compile(r"(?:^|\s)([\w\u4e00-\u9fff]{2,20})\s*(?:发表于|發表於)"),
    # the writers named to the line's end after their label, pen names too ('执笔/叨叨姐、胡一刀&李小飞刀')
    re.compile(r"(?:作者|撰文|采写|採寫|执笔|執筆)\s*[:：︰/／]\s*([^\s:：︰,，|｜/／]{2,30}(?: [^\s:：︰,，|｜/／]{2,10}){0,4})\s*$"),
    # a WeChat post's compiler: '原创： 路闻卓立编译 人民币交易与研究'
    re.compile(r"(?:原创|原創)\s*[:：︰]\s*([\u4e00-\u9fff·]{2,6}?)\s*(?:编译|編譯|整理)"),
    re.compile(r"^(?:By|BY|by)\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*)"),
]
# The button beside an author's name ('中国广州发布 关注', 'Jose Altoveros View More Articles').
_FOLLOW_RE = re.compile(r"\s*[+＋]?\s*(?:关注|關注|订阅|訂閱|follow|subscribe|"
                        + OTHER_STORIES + r")\s*$", re.IGNORECASE)
# The editor: '责任编辑：张迪', '责编：薛艺磊', a staff code after the name ('杨倩_NF4425', 163.com),
# a Latin name ('责编：Demi Xia').
_EDITOR_RE = re.compile(r"(?:责任编辑|責任編輯|编辑|編輯|责编|責編)\s*[:：︰]\s*(" + _CJK_NAMES
                        + r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:_[A-Z]{1,4}\d+)?" + _END)


# A label ending its line ('出版社：团结出版社 作者：' / '罗银胜'), a name whose '发表于 …'
# opens the next line: the page's markup split one byline over two lines.
_LABEL_AT_END_RE = re.compile(r"(?:作者|撰文|记者|記者|执笔人|執筆人|执笔|執筆)\s*[:：︰]\s*$")


def _joined_bylines(lines: list[str]) -> list[str]:
    """``lines`` with each byline split over two lines joined again (short lines only)."""
    out: list[str] = []
    for line, after in zip(lines, [*lines[1:], ""]):
        if after and len(line) <= 80 and len(after) <= 80 and (
                _LABEL_AT_END_RE.search(line) or POSTED_AT_START_RE.match(after)):
            out.append(f"{line} {after}")
        else:
            out.append(line)
    return out


def bylines_in_text(lines: list[str]) -> list[tuple[str, str]]:
    for line in _joined_bylines(lines):
        if len(line) > 200:
            line = line[:80] + " " + line[-80:]
        for i, pat in enumerate(_BYLINE_PATTERNS):
            m = pat.search(line)
            if not m:
                continue
            text = m.group(0) if i == 0 else m.group(1)
            names = [(r, n) for r, n in split_byline(text) if looks_like_name(n)]
            if i <= 3:  # names found in running text must look like personal names
                names = [(r, n) for r, n in names if plausible_chinese_name(n)]
            if names:
                return names
    return []


# The reporter's credit closing a paragraph ('…釐清死因。（王煌忠／台中報導）'): the story's
# last paragraph of text, with a hotline box or other notes after it further down than the
# body's last lines that are searched first.
_CREDIT_AT_END_RE = re.compile(r"[（(]\s*(" + _CJK_NAMES + r")\s*[/／]\s*[\u4e00-\u9fff]{0,4}(?:报道|報導)\s*[）)]\s*$")


def _credit_ending_a_paragraph(body_lines: list[str]) -> list[tuple[str, str]]:
    for line in reversed(body_lines):
        m = _CREDIT_AT_END_RE.search(line)
        if m:
            names = [(r, n) for r, n in split_byline(m.group(1)) if plausible_chinese_name(n)]
            if names:
                return names
    return []


# A line of the body that is nothing but its byline, the column or outlet's name before it
# at most ('《棱镜》作者 周纯', '记者 王小明'): looked for further into the body than the
# bylines inside longer lines, past a summary the story opens with (qq.com's '划重点' list).
_BYLINE_LINE_RE = re.compile(r"^(?:《[^》]{1,12}》\s*)?(?:作者|撰文|记者|記者|特約記者|特约记者)\s*[:：︰/／]?\s*("
                             + _CJK_NAMES + r")\s*$")
BYLINE_LINES = 12  # the body's first lines searched for one


def _byline_line(body_lines: list[str]) -> list[tuple[str, str]]:
    """The names of the first of the body's opening lines that is only a byline."""
    for line in body_lines[:BYLINE_LINES]:
        m = _BYLINE_LINE_RE.match(line.strip())
        if m:
            names = [(r, n) for r, n in split_byline(m.group(0).split("》")[-1]) if plausible_chinese_name(n)]
            if names:
                return names
    return []


_OTHERS_RE = re.compile(r"comment|statement|claim", re.IGNORECASE)


def bylines_marked(doc: etree._Element) -> list[tuple[str, str]]:
    """Bylines from the page's author/byline elements (rel/itemprop author, a class naming
    an author, byline or reporter): the first that holds names and nothing else."""
    marked = [el for el in author_marked(doc)
              if el.get("rel") == "author" or el.get("itemprop") == "author"
              or any(k in (el.get("class") or "") for k in ("author", "byline", "reporter"))
              or "author" in (el.get("id") or "")]
    for el in marked[:8]:
        if any(_OTHERS_RE.search(f"{a.get('class') or ''} {a.get('id') or ''}")
               for a in (el, *ancestors_in_body(el)) if a.tag not in ("body", "html")):
            continue  # a commenter is not the author (<body class="comments-open"> says nothing), nor
            # the claimant of a fact-check ('statement-author')
        lines = [_FOLLOW_RE.sub("", line) for line in block_lines(el)]
        t = " ".join(lines)
        link = next(el.iterancestors("a"), None)
        if link is not None and len(flat_text(link)) > len(t) + 2:
            continue  # the author of another story, in its teaser link ('黄斌汉：新年大礼 …')
        if 2 <= len(t) <= 40:
            names = _names_in(lines)
            if names:
                return names
    return []


def _names_in(lines: list[str]) -> list[tuple[str, str]]:
    """The names an author element shows: its label beside the name stays out ('Matteo
    Laratta | Author'); of several lines, the first that names someone, or a label line
    with the name on the next ('Written by' / 'Sir Nuno'), not a role or link on another
    ('Matt Check' / 'Head Winemaker', 'Jose Altoveros' / 'View More Articles')."""
    pairs = [f"{line} {after}" for line, after in pairwise(lines)]
    texts = [text for both in zip_longest(lines, pairs) for text in both if text]  # line, line + next, …
    for text in texts:
        names = [(r, n) for r, n in split_byline(text) if not is_placeholder(n)]
        if names and all(looks_like_name(n) for _, n in names):
            return names
    return []


END_LINES = 6  # the body's last lines searched for a line that opens with its byline label
_LABEL_FIRST_RE = re.compile(r"^(?:作者|撰文|采写|採寫|执笔|執筆|记者|記者|特約記者|特约记者)\s*[:：︰/／]")


def bylines_in_page(
    doc: etree._Element, lines: list[str], zone: list[str], body_text: str | None,
    lead: list[str] | None = None,
) -> list[tuple[str, str]]:
    """Bylines from author/byline elements, then '記者 XXX' text near the title or at the
    start or end of the body, then (last resort) the editor."""
    names = bylines_marked(doc)
    if names:
        return names
    body_lines = [ln for ln in (body_text or "").split("\n") if ln.strip()]
    # The Chinese lines just after the body: '作者：宋怡 杨志华' or '编辑：苏亮' often sit below
    # the text, outside the element that holds it.
    end = body_bounds(lines, body_text)[1]
    after = [ln for ln in lines[end + 1 : end + 7] if _CJK_RE.search(ln)] if end is not None else []
    found = bylines_in_text(zone + body_lines[:3] + body_lines[-4:] + after + (lead or []))
    if found:
        return found
    # A byline line a little further up, above an empty '责任编辑：' and another story's
    # teaser quoted at the end: only a line that opens with its label (a reporter's credit
    # inside a paragraph there quotes another outlet's report).
    found = bylines_in_text([ln for ln in body_lines[-END_LINES:-4] if _LABEL_FIRST_RE.match(ln)])
    if found:
        return found
    found = _credit_ending_a_paragraph(body_lines) or _byline_line(body_lines)
    if found:
        return found
    for line in zone + body_lines[-6:] + after:
        m = _EDITOR_RE.search(line)
        if m:
            return [("編輯", n) for _, n in split_byline(m.group(1)) if looks_like_name(n)]
    return []
