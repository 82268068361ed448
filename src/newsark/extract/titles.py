"""The article's title: the headline the page shows, or the title written for sharing,
without the site's name around it.

A page gives its title several times: JSON-LD's ``headline``, ``og:title``, the
``<title>`` element, its ``<h1>``s. ``page_title`` takes the structured one, cleans it
(``clean_title``: the site's suffix or prefix, a heading that is one of its parts), lets
the visible headline win when it is about the same thing, and takes the site's domain and
name off either end.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .bylines import norm_name
from .nodetext import flat_text

# Separators of a <title>'s parts: spaced ones; '|' and '｜' always; '_', '–' and '—'
# without spaces only beside CJK text ('标题_新浪网'), not inside English words or ranges
# ('rustc_codegen_gcc', 'Update–Fall 2025'); '-' without spaces only between two CJK
# characters ('监察法-纪检', not 'COVID-19疫苗'); '--' spaced or beside CJK text
# ('新闻动态--中国地理学会官网'), not as an English dash ('Problems--Simple Cells Can Do It').
_CJK_CHAR = "[\u3000-\u9fff\uff00-\uffef]"
TITLE_SEP_RE = re.compile(
    rf"\s+[|\-–—_:·•»]\s+|\s*[｜|]\s*|(?<={_CJK_CHAR})\s*[_–—]\s*|\s*[_–—]\s*(?={_CJK_CHAR})|"
    rf"(?<={_CJK_CHAR})-(?={_CJK_CHAR})|\s+-{{2,}}\s+|(?<={_CJK_CHAR})\s*-{{2,}}\s*|\s*-{{2,}}\s*(?={_CJK_CHAR})|"
    rf"\s*::\s*")


@dataclass
class PageTitle:
    title: str | None = None
    tag: str | None = None  # the <title> element's text
    h1s: list[str] = field(default_factory=list)  # the page's <h1> headlines, mastheads left out


def page_title(doc: etree._Element, url: str | None, site_name: str | None, site_names: set[str],
               headline: str | None, og: str | None, body_text: str | None = None) -> PageTitle:
    """The title from the JSON-LD ``headline`` and the ``og:title`` (or its like) found in
    the page's structure, its ``<title>`` and its ``<h1>``s; ``site_names`` are the site's
    names, normalised (an ``<h1>`` that is one of them is a masthead)."""
    out = PageTitle()
    out.h1s = [t for h in doc.iter("h1") if 2 <= len(t := headline_text(h)) <= 300 and not _banner(h, t, site_names, url)]
    title_el = doc.find(".//title")
    out.tag = flat_text(title_el) if title_el is not None else None
    if headline and og and len(og) > len(headline) + 3 and " ".join(og.split()).startswith(" ".join(headline.split())):
        headline = None  # cut short (JSON-LD headlines are often truncated at 110 characters)
    structured = headline or og
    if structured:
        out.title = clean_title(structured, out.h1s, site_name, url)
    elif out.tag:
        out.title = clean_title(out.tag, out.h1s, site_name, url)
    elif out.h1s:
        out.title = out.h1s[0]
    # The headline shown on the page wins over the one written for sharing, when they are
    # about the same thing (a site logo in an <h1> is not): the same thing as the JSON-LD
    # headline, the <title> or the og:title (Popsugar's h1 is its og:title, its JSON-LD
    # headline and <title> an SEO line: 'Amp AI Fitness Machine Review With Photos').
    visible = _visible_headline(out.h1s, [t for t in (out.title, out.tag, og) if t])
    if visible and not (out.title and _same_but_lost_characters(visible, " ".join(out.title.split()))):
        out.title = visible
    if out.tag and not structured and not out.h1s and len(out.tag) <= SECTION_TITLE_CHARS:
        out.title = headline_under_crumbs(doc, out.tag, body_text) or out.title
    if out.title:
        out.title = _without_domain(" ".join(html.unescape(out.title).split()), url)
        out.title = _without_site_part(out.title, site_name, url)
        out.title = _without_copyright_holder(out.title, doc)
    return out


# A Chinese title's last part after a space ('…技能大赛 湖南省中医药研究院附属医院'), when the
# page's copyright line names it ('版权所有 湖南省中医药研究院附属医院'): the site's name. (A
# space is no separator in a title otherwise: it stands between a headline's own words.)
_SPACED_TAIL_RE = re.compile(r"(?<=[\u4e00-\u9fff！？。）」』】])\s+([\u4e00-\u9fff]{4,20})$")
_COPYRIGHT_TEXTS = etree.XPath(
    "//body//text()[contains(., '版权所有') or contains(., '版權所有') or contains(., 'Copyright')"
    " or contains(., '©') or contains(., '主办')]", smart_strings=False)


def _without_copyright_holder(title: str, doc: etree._Element) -> str:
    tail = _SPACED_TAIL_RE.search(title)
    if tail is None or len(title) - len(tail.group(0)) < 8:
        return title
    holder = tail.group(1)
    if any(holder in t for t in _COPYRIGHT_TEXTS(doc)):
        return title[: tail.start()].rstrip()
    return title


def clean_title(raw: str | None, candidates: list[str], site_name: str | None, url: str | None = None) -> str | None:
    """A title without the site's suffix/prefix (the part that is the site's name, or
    whose first word the site's domain starts with: 'Thrive Internet Marketing' on
    thriveagency.com)."""
    if not raw:
        return None
    raw = " ".join(raw.split())
    for cand in candidates:  # a heading that is one of the <title>'s parts is the real title
        cand = " ".join(cand.split())
        if len(cand) >= 4 and cand != raw and _title_part(cand, raw):
            return cand
    parts = [p.strip() for p in TITLE_SEP_RE.split(raw) if p and p.strip()]
    if len(parts) > 1:
        if site_name:
            kept = [p for p in parts if p.lower() != site_name.lower()]
            if kept and len(kept) < len(parts):
                parts = kept
        kept = [p for p in parts if not _HOSTNAME_RE.match(p)]  # 'blog.wenxuecity.com'
        if kept and len(kept) < len(parts):
            parts = kept
        host = _host_label(url)
        if len(parts) > 1 and host:
            kept = [p for p in parts if not _names_host(p, host)]
            if kept and len(kept) < len(parts):
                parts = kept
        if len(parts) > 1:
            return max(parts, key=len)
        return parts[0]
    return raw


# A title part that is a host name names the site, whichever address the page is read at.
_HOSTNAME_RE = re.compile(r"^(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.IGNORECASE)


def _host_label(url: str | None) -> str:
    """The distinctive label of a page's host ('thriveagency' of www.thriveagency.com)."""
    labels = (urlsplit(url).hostname or "").split(".") if url else []
    labels = [x for x in labels if x not in ("www", "m", "blog", "news")][:-1]
    return max(labels, key=len, default="")


def _names_host(part: str, host: str) -> bool:
    """Whether a title part is the site's name: its letters are the host's label, or it is
    a name of three words at most whose first word (4+ letters) starts that label ('Apple
    unveils iPhone 16' on apple.com is a headline)."""
    letters, words = norm_name(part), part.split()
    first = norm_name(words[0]) if words else ""
    return bool(letters) and (letters == host or (len(words) <= 3 and len(first) >= 4 and host.startswith(first)))


def _title_part(part: str, title: str) -> bool:
    """Whether ``part`` is one of ``title``'s parts, or a run of them, between its
    separators ('Webcams' of 'Webcams - Yosemite National Park'), not words inside a part
    ('Discord' of 'How we pwned X, Vercel, Cursor, Discord, and hundreds of companies')."""
    seps = [m.span() for m in TITLE_SEP_RE.finditer(title)]
    starts = [0, *(e for _, e in seps)]
    ends = [*(b for b, _ in seps), len(title)]
    return any(b > a and title[a:b].strip() == part for a in starts for b in ends)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\u4e00-\u9fff]|[^\W_]+", text.lower()))


def _home_link(href: str | None, url: str | None) -> bool:
    """A link to the site's (or its section's) front page: '/', '../', the host root, or a
    folder above the page ('/blog/' on '/blog/a-post')."""
    if href is None:
        return False
    href = href.strip()
    if href in ("/", "./", "../", "#", "index.html", "/index.html"):
        return True
    target = urlsplit(urljoin(url or "", href))
    if target.query or target.fragment:
        return False
    if target.path in ("", "/"):
        return True
    page = urlsplit(url or "")
    folder = target.path if target.path.endswith("/") else target.path + "/"
    return bool(page.path) and target.netloc == page.netloc and page.path.startswith(folder) and page.path != target.path


def _banner(h: etree._Element, text: str, site_names: set[str], url: str | None) -> bool:
    """An <h1> that names the site, not the story: a blog's or magazine's masthead (the
    site's own name, or a heading that links to the front page)."""
    if norm_name(text) in site_names:
        return True
    links = [a for a in h.iter("a")] + [a for a in h.iterancestors("a")]
    return any(_home_link(a.get("href"), url) for a in links[:2])


# Inside an <h1>, but not the headline: its date (<time>, a "Posted on" heading nested in
# it) and controls.
_NOT_HEADLINE = frozenset(("time", "h2", "h3", "h4", "h5", "h6", "button", "script", "style", "noscript"))
_LABEL_RE = re.compile(r"^(?:title|headline|標題|标题)\s*[:：︰]\s*", re.IGNORECASE)


def headline_text(h: etree._Element) -> str:
    """An <h1>'s text on one line without what it holds besides the headline (a date, a
    nested meta heading, a 'Title:' label)."""
    if next(h.iter(*_NOT_HEADLINE), None) is None:
        text = flat_text(h)
    else:
        parts: list[str] = []

        def walk(el: etree._Element) -> None:
            if el.text:
                parts.append(el.text)
            for child in el:
                if not (isinstance(child.tag, str) and child.tag in _NOT_HEADLINE):
                    walk(child)
                if child.tail:
                    parts.append(child.tail)

        walk(h)
        text = " ".join("".join(parts).split())
    return _LABEL_RE.sub("", text, count=1)


def _same_but_lost_characters(shown: str, written: str) -> bool:
    """Whether a headline shows '?' where the title written for sharing has one or two
    other characters ('Beginner? Guide' / "Beginner's Guide"): the page lost them."""
    s, w = shown.lower(), written.lower()
    if "?" not in s or s == w:
        return False

    def match(i: int, j: int) -> bool:  # s[i:] against w[j:], each '?' one or two non-spaces
        while i < len(s) and s[i] != "?":
            if j >= len(w) or w[j] != s[i]:
                return False
            i, j = i + 1, j + 1
        if i == len(s):
            return j == len(w)
        return any(j + k <= len(w) and not any(c.isspace() for c in w[j : j + k]) and match(i + 1, j + k)
                   for k in (1, 2))

    return match(0, 0)


def _without_site_part(title: str, site_name: str | None, url: str | None) -> str:
    """A headline without its last part when that part names the site ('Critics’ Choice:
    Best UK Art Exhibitions 2025 – Artlyst' on artlyst.com): some sites write their name
    into the <h1> itself."""
    seps = list(TITLE_SEP_RE.finditer(title))
    if not seps:
        return title
    last = title[seps[-1].end():].strip()
    host = _host_label(url)
    site = norm_name(site_name or "")
    if (site and norm_name(last) == site) or (host and _names_host(last, host)):
        rest = title[: seps[-1].start()].strip()
        if len(rest.split()) >= 2:
            return rest
    return title


def _without_domain(title: str, url: str | None) -> str:
    """A title without the site's domain name before or after it ('davidbau.com Vibe Coding')."""
    host = ((urlsplit(url).hostname or "") if url else "").removeprefix("www.")
    if "." not in host:
        return title
    # Plain string tests, not a pattern per host: compiling one cost more than the rest of
    # the title's steps together.
    words = title.split(" ")
    low = [w.lower().removeprefix("www.") for w in words]
    if len(words) > 1 and low[0] == host:
        words, low = words[1:], low[1:]
    if len(words) > 1 and low[-1] == host:
        words = words[:-1]
    rest = " ".join(words)
    return rest if len(rest) >= 4 else title


SECTION_TITLE_CHARS = 40  # a <title> of a section's and a site's names is short
# A breadcrumb's line: 'Home', or where the page is, then the sections apart ('首页 - 新闻动态',
# '当前位置：首页 > 新闻动态').
_CRUMBS_RE = re.compile(
    r"^(?:(?:当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置|所在位置|位置)\s*[:：︰]\s*)?"
    r"(?:首页|首頁|主页|主頁|home)\s*(?:[-–>»›/→]|&gt;)", re.IGNORECASE)
_CRUMB_SEP_RE = re.compile(r"\s*(?:[-–>»›/→]|&gt;)\s*")
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def headline_under_crumbs(doc: etree._Element, tag: str, body_text: str | None) -> str | None:
    """The headline of a page whose <title> (``tag``) names only its section and its site
    ('新闻动态--中国地理学会官网', a small site's CMS) and which has no <h1>: one of the
    title's parts is the last crumb of the page's breadcrumb ('首页 - 新闻动态'), and the
    headline the first heading after that breadcrumb and before the body's text
    ('<h5>2019年中国人文地理学术年会…</h5>'). None otherwise."""
    opening = "".join((body_text or "").split())[:10]
    parts = {p.strip() for p in TITLE_SEP_RE.split(tag)} - {""}
    if len(opening) < 4 or len(parts) < 2:
        return None  # (no body to find the headline above, or a title of one part)
    after_crumbs = False
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        text = (el.text or "").strip()
        if not after_crumbs:
            if not text or (_CRUMBS_RE.match(text) is None and text.lower() not in ("首页", "首頁", "home")):
                continue
            line = flat_text(el.getparent() if el.tag == "a" and el.getparent() is not None else el)
            if len(line) <= 80 and _CRUMBS_RE.match(line):
                if _CRUMB_SEP_RE.split(line)[-1].strip() not in parts:
                    return None  # (the breadcrumb names another section, or the story)
                after_crumbs = True
        elif "".join(text.split()).startswith(opening):
            return None  # the body's text, and no heading above it
        elif el.tag in _HEADINGS:
            shown = headline_text(el)
            if len(shown) >= 6 and shown not in parts and not _CRUMBS_RE.match(shown):
                return shown
    return None


VISIBLE_H1S = 5  # the page's first <h1>s looked at for its headline


def _visible_headline(h1s: list[str], others: list[str]) -> str | None:
    """Of the page's first <h1>s, the one most of whose words the titles written for
    sharing have (half of them at least; the first of equals): IGN's page has the menu's
    'Games', 'Entertainment' and 'IGN Entertainment' before its headline."""
    if not h1s or not others:
        return None
    ref = set().union(*(_words(o) for o in others))
    best, best_share = None, 0.5
    for h in h1s[:VISIBLE_H1S]:
        w = _words(h)
        if len(w) >= 2 and len(h) >= 6 and (share := len(w & ref) / len(w)) >= best_share \
                and (best is None or share > best_share):
            best, best_share = h, share
    return best


# Titles a page tool or a forum gives every page ('显示' "show", '无标题文档' "untitled
# document", 'New Page 1'): no page's title.
_PLACEHOLDERS = frozenset("""
显示|顯示|无标题|無標題|无标题文档|無標題文件|未命名|未命名文档|新建网页 1|新網頁 1|正文|内容|內容|详细|詳細|
详细内容|詳細內容|浏览|瀏覽|查看|网页|網頁|untitled|untitled document|untitled page|document|new page 1|
new page|index|page
""".replace("\n", "").split("|"))
_LEAD_BOLD_RE = re.compile(r"^\*\*([^*\n]{2,60})\*\*")


def is_placeholder_title(title: str | None) -> bool:
    return bool(title) and " ".join((title or "").split()).lower() in _PLACEHOLDERS


def title_from_body(markdown: str) -> tuple[str | None, str]:
    """The headline a body opens with, in bold or as a heading, and what follows it on its
    line, or when it is a block of its own, the next block's first line ('**犬儒病(上)**
    胡平': an essay's author): a page whose own title is a placeholder shows its headline
    so."""
    first, _, rest = markdown.lstrip().partition("\n")
    m = _LEAD_BOLD_RE.match(first) or re.match(r"^#{1,3} (.{2,80})$", first)
    if not m:
        return None, ""
    after = first[m.end():].strip()
    if not after and rest.startswith("\n"):
        after = rest.lstrip("\n").split("\n", 1)[0].strip()
    return m.group(1).strip(), after
