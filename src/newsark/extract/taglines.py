"""A story's tags from the line that labels them ('标签：中美贸易 中美竞争', 'Tags: ferries, harbour').

Sites that write no tags in their structure often show them under the story: a label
(标签, 標籤, 关键词, 關鍵字, Tags) and the tags, as links to their pages or as words. The
label's element, or the one around it when the label stands alone, is the line; its links
are the tags, or without links the words after the label. A line in a sidebar, a tag
cloud or a related story's card (``reltags.elsewhere``) is not the story's.
"""

from __future__ import annotations

import re

from lxml import etree

from .category import around_label, is_section, shown_text
from .choose import CJK_RE
from .reltags import MAX_TAGS, elsewhere

_LINE_TEXT = 300  # characters: a longer element is more than a line of tags
MAX_LABELS = 50  # text nodes holding a label's word read on a page (the first in page order)
# A Chinese label, with or without its colon ('标签 中美贸易', '关键词 >> 共享充电宝'), or an
# English one with its colon ('Tags:'; without it, 'Tags' opens sentences and headings).
_LABEL_RE = re.compile(
    r"^\s*(?:(?:文章|本文|相关|相關)?(?:标签|標籤|标籤|關鍵詞|关键词|關鍵字|关键字)\s*(?:[:：︰]|>>|»)?|"
    r"(?:tags?|tagged|keywords)\s*[:：︰])\s*", re.IGNORECASE)
# The words a label holds, as the source writes them: each is looked for there first (a
# C-level look), and the page's text searched only for those it writes.
_CHINESE_LABELS = ("标签", "標籤", "标籤", "关键", "關鍵")
# (English: 'Tags:' only; looking for 'tags:', 'TAGS:', 'Tagged:' and 'Keywords:' as well
# cost three times as much for 3 more of the 725 dev pages without tags.)
_ENGLISH_LABELS = ("Tags:",)


def _texts_with(words: tuple[str, ...]) -> etree.XPath:
    holds = " or ".join(f"contains(., '{w}')" for w in words)
    return etree.XPath(f"//text()[{holds}][not(ancestor::script or ancestor::style or ancestor::title or ancestor::a)]")


_ENGLISH_TEXT = _texts_with(_ENGLISH_LABELS)
_ANY_TEXT = _texts_with(_CHINESE_LABELS + _ENGLISH_LABELS)
_WORD_SEP_RE = re.compile(r"\s*[,，、;；|｜/]\s*|\s+")
_LIST_SEP_RE = re.compile(r"\s*[,，、;；|｜]\s*")


def labelled_tags(doc: etree._Element, html: str | None = None, *, chinese: bool = False) -> list[str]:
    """The tags of the first line that labels them, outside sidebars and clouds; [] when
    there is none. ``html``, the page's source, spares the search where it writes no
    label; Chinese labels are looked for on ``chinese`` pages."""
    labels = _CHINESE_LABELS + _ENGLISH_LABELS if chinese else _ENGLISH_LABELS
    if html is not None and not any(w in html for w in labels):
        return []
    for text in (_ANY_TEXT if chinese else _ENGLISH_TEXT)(doc)[:MAX_LABELS]:
        label = _LABEL_RE.match(text)
        if not label:
            continue
        el = around_label(text, len(label.group(0).strip()))
        if el is None or elsewhere(el) or _in_form(el) or len(shown_text(el, _LINE_TEXT)) > _LINE_TEXT:
            continue
        links = [shown_text(a) for a in _links_after(el, text)]
        if links:
            words = links
        else:
            parts = shown_text(el).split(label.group(0).strip(), 1)
            after = parts[1] if len(parts) == 2 else ""
            # Words apart by spaces are tags only in Chinese ('中美贸易 中美竞争'); English
            # tags are apart by commas ('Health & Fitness, Employment').
            words = (_WORD_SEP_RE if CJK_RE.search(after) else _LIST_SEP_RE).split(after) if after else []
        tags = list(dict.fromkeys(w.strip() for w in words if is_section(w.strip())))
        if tags:
            return tags[:MAX_TAGS]
    return []


def _in_form(el: etree._Element) -> bool:
    """Whether the line is a search form's ('关键字：[box] 楼盘名称 论坛名称 …')."""
    return any(a.tag == "form" for a in el.iterancestors()) or any(
        True for _ in el.iter("input", "select", "textarea", "form"))


def _links_after(el: etree._Element, label: etree._ElementUnicodeResult) -> list[etree._Element]:
    """The links of the line that follow its label ('所属分类：<a>头条</a> 标签：' has none)."""
    holder = label.getparent()
    order = {node: i for i, node in enumerate(el.iter())}
    start = order.get(holder, -1)
    links = []
    for a in el.iter("a"):
        # A label that is its element's tail text follows that element's own links.
        if order[a] > start and not (label.is_tail and holder in a.iterancestors()):
            links.append(a)
    return links
