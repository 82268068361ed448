"""The article's category: the section the site files it under.

The site says it first in its structure (JSON-LD ``articleSection``, ``article:section``
meta), and there it is taken, once cleaned: a list or a comma-joined string gives its first
real section, and what is no section is passed over (WordPress's "Uncategorized", a page
type such as "post", a URL, a sentence). Without it, the page's breadcrumb trail names it:
JSON-LD's ``BreadcrumbList``, schema.org microdata, an element named for it
(``class="breadcrumb"``, ``aria-label="Breadcrumb"``) or, on Chinese sites, the line that
says where the reader is ('当前位置：首页 > 要闻 > 山西要闻', '网易首页 > 新闻中心 > 国内新闻 >
正文'). The category is the trail's last section: the home page, the site's own name, the
article itself ('正文', its headline) are not sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from lxml import etree

from .bylines import norm_name

MAX_SECTION = 40  # characters: a longer crumb or section is a headline or a sentence
_TRAIL_TEXT = 200  # characters: a longer element is more than a trail (a menu, a column)
MAX_CANDIDATES = 100  # elements named like a trail read on a page (the first in page order)

# Not sections: WordPress's default, page types, languages written where a section goes.
_NO_SECTION = frozenset({
    "uncategorized", "uncategorised", "未分类", "未分類", "post", "posts", "article", "articles",
    "page", "pages", "default", "none", "null", "undefined", "en", "story", "blog post"})
_HOME_RE = re.compile(r"(?:首页|首頁|主页|主頁)$|^(?:home|home page|homepage|start|main)$", re.IGNORECASE)
# The article's own place at the trail's end ('正文', '资讯正文', 'Article').
_HERE_RE = re.compile(r"^(?:.{0,4}正文(?:内容|頁|页)?|内容|內容|详情|詳情|详细内容|文章|本文|当前文章|article|story|"
                      r"read|detail|details|current page|current|you are here)$", re.IGNORECASE)
# What a Chinese page writes before its trail: '当前位置：', '您的位置:' (and an English
# trail's 'You are here:', taken off its crumbs).
_PLACE_LABEL_RE = re.compile(
    r"^\s*(?:(?:您|你)?的?(?:当前|當前|现在|現在|目前|所在)的?位置|(?:您|你)的?位置|位置(?=\s*[:：︰])|you are here)"
    r"\s*[:：︰]?\s*", re.IGNORECASE)
# Separators between crumbs: '>', '>>', '»', '›', '＞', '→', '|', and a spaced '/'.
_CRUMB_SEP_RE = re.compile(r"\s*(?:>{1,2}|»|›|＞|→|≫|\|)\s*|\s+/\s+")
# Only the arrows where the element's name does not say it is a trail ('location' may be
# a venue's 'Bib Gourmand | Lower East Side').
_ARROW_SEP_RE = re.compile(r"\s*(?:>{1,2}|»|›|＞|→|≫)\s*")

# Searched by attribute ('//@class[…]/..', then the tag): a test of every element's
# attributes took four times as long (1.8 against 0.45 ms a page). Every spelling of the
# name holds 'rumb' ('breadcrumb', 'BreadCrumbs', 'crumbs').
_NAMED_TRAIL = etree.XPath(
    "//@class[contains(., 'rumb')]/.. | //@id[contains(., 'rumb')]/.. | //@aria-label[contains(., 'rumb')]/..")
# Chinese sites' names for it ('news_path', 'channel-path', 'position'): taken only where
# the element's text separates its crumbs itself.
_PLACED_TRAIL = etree.XPath(
    "//@class[contains(., 'path') or contains(., 'position') or contains(., 'location')]/.."
    " | //@id[contains(., 'path') or contains(., 'position') or contains(., 'location')]/..")
# Elements whose name holds those words but never hold a trail (a crumb's own link included).
_NOT_TRAILS = frozenset({"script", "style", "body", "html", "meta", "link", "head", "svg", "img", "input",
                         "button", "a"})
_MICRODATA_TRAIL = etree.XPath("//@itemtype[contains(., 'BreadcrumbList')]/..")
_MICRODATA_NAME = etree.XPath(".//*[@itemprop='name']")
# The text that opens a Chinese trail ('当前位置：'): its element, or the one around it, is the trail.
_PLACE_TEXT = etree.XPath("//text()[contains(., '位置')][not(ancestor::script or ancestor::style or ancestor::title)]")


def clean_section(value: Any) -> str | None:
    """The first real section of a structured value (a string, a comma-joined string of
    three or more, or a list), or None."""
    values = value if isinstance(value, list) else [value]
    for v in values:
        if not isinstance(v, str):
            continue
        parts = [p.strip() for p in v.split(",")]
        # A list of sections joined ('Design 101, How to Style, Living Rooms'); two parts may
        # be one name ('Arts, Culture and Heritage'), and a sentence written there is no list.
        joined = len(parts) >= 3 and all(len(p) <= MAX_SECTION for p in parts)
        for part in parts if joined else [v.strip()]:
            if is_section(part):
                return " ".join(part.split())
    return None


def is_section(value: str) -> bool:
    """Whether a value can name a section: short, no URL, sentence, date or number, no
    template placeholder, slug or placeholder name."""
    value = " ".join(value.split())
    if not value or len(value) > MAX_SECTION or value.lower() in _NO_SECTION or _HOME_RE.search(value):
        return False
    if "://" in value or value.startswith("/") or "{{" in value or "${" in value:
        return False
    if re.search(r"[.!?。！？]\s|[。！？]$", value):  # a sentence
        return False
    if " " not in value and value.count("-") >= 2:  # a slug ('pto-policies-best-practices')
        return False
    chars = [c for c in value if c.isalnum()]
    digits = sum(c.isdigit() for c in chars)
    return digits * 2 <= len(chars)  # not a date or an id ('2021 – 01 – 18', 'arXiv:2512.16245')


def trail_category(doc: etree._Element, ld_trails: list[dict[str, Any]], title: str | None,
                   site_names: Iterable[str], *, author: str | None = None, html: str | None = None,
                   chinese: bool = False) -> str | None:
    """The category named by the page's breadcrumb trail, or None. A crumb that is the
    author's name is the author's page, no section ('澎湃号 > 中国广州发布' on an account's
    post: 澎湃号). ``html``, the page's source, spares the searches of the tree for the
    kinds of trail it never writes; ``chinese`` also reads elements named as Chinese sites
    name their trails."""
    others = {*site_names, *([author] if author else [])}
    for trail in _trails(doc, ld_trails, html, chinese):
        category = _last_section(trail, title, others)
        if category:
            return category
    return None


def _trails(doc: etree._Element, ld_trails: list[dict[str, Any]], html: str | None,
            chinese: bool) -> Iterable[list[str]]:
    """The page's breadcrumb trails, most structured first (lazily: most pages stop early).
    Each search of the tree costs about half a millisecond; a look for its words in the
    source (``html``) a tenth of one or less."""

    def writes(*words: str) -> bool:
        return html is None or any(w in html for w in words)

    def marks(word: str) -> bool:  # (most pages write 'breadcrumb' in scripts and styles only)
        return html is None or _in_attribute(html, word)

    for obj in ld_trails:
        yield _ld_names(obj)
    if marks("BreadcrumbList"):
        for el in _MICRODATA_TRAIL(doc):
            yield [shown_text(n) or (n.get("content") or "") for n in _MICRODATA_NAME(el)]
    if marks("rumb"):
        yield from _innermost(_NAMED_TRAIL(doc), links=True)
    if chinese:
        yield from _innermost(_PLACED_TRAIL(doc), links=False)
    if not (chinese and writes("位置")):  # (an English 'You are here:' sits in a named trail)
        return
    for text in _PLACE_TEXT(doc):
        label_match = _PLACE_LABEL_RE.match(text)
        if not label_match:
            continue
        el = around_label(text, len(label_match.group(0).strip()))
        if el is not None and _is_trail_container(el):
            yield _crumbs(el)


def around_label(text: etree._ElementUnicodeResult, size: int) -> etree._Element | None:
    """The line a label of ``size`` characters opens: the label's element, or the nearest
    element around it that holds more than the label alone ('<span>当前位置：</span><a>首页</a>
    > …'; '<span>标签</span><a>中美贸易</a>')."""
    el = text.getparent()
    while el is not None and len(shown_text(el, size + 2)) < size + 2:
        el = el.getparent()
    return el


_ATTRIBUTE_OPEN_RE = re.compile(r"""\b(?:class|id|aria-label|itemtype)\s*=\s*["']?[^"'<>=]*$""", re.IGNORECASE)


def _in_attribute(html: str, word: str, looks: int = 500) -> bool:
    """Whether the source writes ``word`` inside a class, id, aria-label or itemtype; after
    ``looks`` places that are not, the tree is searched anyway (a script of a million
    'breadcrumb's costs the search, not a million looks)."""
    pos = html.find(word)
    while pos != -1 and looks:
        if _ATTRIBUTE_OPEN_RE.search(html, max(0, pos - 100), pos):
            return True
        pos = html.find(word, pos + len(word))
        looks -= 1
    return pos != -1


def _innermost(elements: list[etree._Element], *, links: bool) -> Iterable[list[str]]:
    """The trails of these elements, in page order, each from the innermost element that
    holds one: a wrapper named for the trail may hold a search box or a menu beside it
    ('<div class="path-search"><div class="path">产经 > 正文</div> 行情 股吧 …')."""
    trails = {}
    for el in elements[:MAX_CANDIDATES]:
        if el.tag not in _NOT_TRAILS and _is_trail_container(el):
            crumbs = _crumbs(el, links=links)
            if len(crumbs) >= 2:
                trails[el] = crumbs
    for el, crumbs in trails.items():
        if not any(d in trails for d in el.iterdescendants()):
            yield crumbs


def _ld_names(obj: dict[str, Any]) -> list[str]:
    items = obj.get("itemListElement")
    if not isinstance(items, list):
        return []
    ordered = sorted((i for i in items if isinstance(i, dict)), key=lambda i: _position(i.get("position")))
    names = []
    for item in ordered:
        name = item.get("name")
        inner = item.get("item")
        if not isinstance(name, str) and isinstance(inner, dict):
            name = inner.get("name")
        if isinstance(name, str):
            names.append(name)
    return names


def _position(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("inf")


_NO_TEXT = frozenset({"script", "style", "noscript"})


def shown_text(el: etree._Element, limit: int | None = None) -> str:
    """An element's text without its scripts and styles, on one line; with ``limit``, read
    only until it is certainly longer (a wrapper named 'position-relative' may hold the
    whole page). Walked with a stack, not by recursion: a page may nest deep."""
    parts: list[str] = []
    seen = 0  # characters other than white space: the text on one line is longer still

    def add(text: str | None) -> bool:
        """Keep a piece of text; whether the limit is passed."""
        nonlocal seen
        if text:
            parts.append(text)
            if limit is not None:
                seen += len("".join(text.split()))
        return limit is not None and seen > limit

    if el.tag not in _NO_TEXT and add(el.text):
        return " ".join(" ".join(parts).split())
    stack: list[tuple[Iterator[etree._Element], str | None]] = [(iter(el), None)]
    while stack:
        children, tail = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            passed = add(tail)
        elif isinstance(child.tag, str) and child.tag not in _NO_TEXT:
            passed = add(child.text)
            stack.append((iter(child), child.tail))
        else:  # a script's, a comment's: only the text after it
            passed = add(child.tail)
        if passed:
            break
    return " ".join(" ".join(parts).split())


def _is_trail_container(el: etree._Element) -> bool:
    text = shown_text(el, _TRAIL_TEXT)
    return 0 < len(text) <= _TRAIL_TEXT


def _crumbs(el: etree._Element, *, links: bool = True) -> list[str]:
    """An element's crumbs: the parts between its separators; with ``links`` (an element
    named for the trail), its list items or its links too."""
    items = [t for li in el.iter("li") if (t := shown_text(li))] if links else []
    if len(items) >= 2:
        return [p for item in items for p in _CRUMB_SEP_RE.split(item)]
    text = _PLACE_LABEL_RE.sub("", shown_text(el))
    parts = (_CRUMB_SEP_RE if links else _ARROW_SEP_RE).split(text)
    if len(parts) >= 2:
        return parts
    anchors = [t for a in el.iter("a") if (t := shown_text(a))] if links else []
    if len(anchors) >= 2:
        # Crumbs whose separators are drawn by the style sheet: the links, then the text
        # after the last one (the current page's place, when it is not a link).
        last = text.rsplit(anchors[-1], 1)
        return [*anchors, *(last[1:] if len(last) == 2 else [])]
    return []


def _last_section(trail: list[str], title: str | None, names: Iterable[str]) -> str | None:
    """The trail's last crumb that is a section: not the home page, the site or another of
    ``names``, the article."""
    sites = {norm_name(n) for n in names} - {""}
    headline = norm_name(title or "")
    kept = []
    for crumb in trail:
        crumb = " ".join(_PLACE_LABEL_RE.sub("", crumb).split()).strip(" :：︰/|>»›")
        if not is_section(crumb) or _HERE_RE.match(crumb):
            continue
        key = norm_name(crumb)
        if key in sites or (headline and (key == headline or (len(key) >= 8 and headline.startswith(key)))):
            continue
        kept.append(crumb)
    return kept[-1] if kept else None
