"""Authors of non-Chinese pages: the byline a reader sees, then JSON-LD, meta and markup.

Each source gives names or nothing; the caller takes the first source that gives any.
Names are cleaned of "By", roles, credentials, e-mails and handles (see bylines.py).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from .bylines import english_byline, english_name_ok, is_login
from .dates import find_date
from .nodetext import ancestors_in_body
from .pagebylines import author_marked
from .spacing import block_lines

Pieces = list[tuple[str, str]]  # [(separator, name)], see bylines.english_byline

# A sentence that names the writer, in a blog's author box or atop its text: 'This post was
# written by Danielle Padula, Head of Marketing …' (the name up to its first comma; what
# follows is who they are), or the name in a link of its own after it.
_THIS_POST_BY_RE = re.compile(r"^(?:this|the) (?:blog )?(?:post|article|story|piece|guide) (?:was|is) "
                              r"(?:written|authored) by(?:\s+([^,.;:()]{3,60})|\s*$)", re.IGNORECASE)
# An author box's label over a bio that opens with the writer's name ('About the Author:' /
# 'Juliette Carreiro is a skilled content creator …').
_ABOUT_AUTHOR_RE = re.compile(r"^about the (?:author|writer)s?\s*:?$", re.IGNORECASE)
_BIO_OPENING_RE = re.compile(r"([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}) "
                             r"(?:is|was|has|writes|covers|joined|lives|works|holds|serves)\b")
# "By" alone on a line, or opening it: the byline label a reader sees.
_BY_LABEL_RE = re.compile(
    r"^(?:(?:written|posted|authored|words|story|text|article|published)\s+by|by|authors?|author\(s\)|writers?|"
    r"written by\s*[:：︰])\s*[:：︰-]?\s*$",
    re.IGNORECASE,
)
_BY_LINE_RE = re.compile(
    r"^(?:(?:written|posted|authored|words|story|text|article|published)\s+by|by|authors?\s*[:：︰-]|"
    r"writers?\s*[:：︰-])\s*[:：︰]?\s*(\S.{1,120})$",
    re.IGNORECASE,
)
# Credits that are not authorship: a reviewer or photographer is not the author.
_OTHER_ROLE_RE = re.compile(
    r"\b(reviewed|fact[- ]checked|edited|photos?|photograph(?:y|ed)|illustrat\w*|images?|video|"
    r"medically|sponsored|powered|presented|hosted|designed|developed|built|created|made|"
    r"supported|produced|translated|narrated|inspired|followed|backed|owned)\s+by\b",
    re.IGNORECASE,
)


def _other_role(line: str) -> bool:
    """``_OTHER_ROLE_RE`` in the line (most lines of a page hold no "by": the pattern, which
    ignores case and so cannot skip ahead by its words, is not tried on them)."""
    return "by" in line.lower() and _OTHER_ROLE_RE.search(line) is not None


# Markup that holds other people's names: comments, testimonials, quotes, related cards.
_ELSEWHERE_RE = re.compile(
    r"comment|testimonial|quote|statement|claim|related|recommend|card|promo|review|reply|footer|sidebar|"
    r"widget|newsletter|share|tooltip|popular|trending|more-",
    re.IGNORECASE,
)
_CLASS_TOKEN_RE = re.compile(r"author|byline|writer|contributor", re.IGNORECASE)
_CLASS_NOISE_RE = re.compile(
    r"avatar|image|img|photo|pic|bio|desc|role|title|job|social|link-list|website|follow|all|"
    r"hidden|box--|label|date|time|count|orcid|options|wrapper--bio",
    re.IGNORECASE,
)
_NAME_CLASS_RE = re.compile(r"name", re.IGNORECASE)


def _text(el: etree._Element) -> str:
    # text nodes joined with a space: '<b>By</b>Jane' is 'By Jane', not 'ByJane'
    return " ".join(" ".join(el.itertext()).split())


def _pieces(text: str, *, strict: bool) -> Pieces:
    pieces = [(sep, n) for sep, n in english_byline(text) if english_name_ok(n, strict=strict)]
    return [("" if i == 0 else sep, n) for i, (sep, n) in enumerate(pieces)]


def _elsewhere(el: etree._Element) -> bool:
    """Inside comments, testimonials, related-article cards and the like (read from its
    ancestors inside <body>: ``ancestors_in_body``)."""
    for a in ancestors_in_body(el):
        marks = f"{a.get('class') or ''} {a.get('id') or ''}"
        if marks.strip() and _ELSEWHERE_RE.search(marks):
            return True
        if a.tag in ("footer", "aside", "nav", "blockquote"):
            return True
    return False


_LEFT_OUT_CHARS = " ,;|/-–—"
_LEFT_OUT_RE = re.compile(r"^\s*[,;|/–—-]")


def jsonld_authors(objs: list[dict[str, Any]], nodes: dict[str, dict[str, Any]]) -> tuple[Pieces, Pieces]:
    """(people, organisations) named as the author of the first article object that names
    one; ``{"@id": ...}`` references are looked up among the page's JSON-LD nodes (Yoast's
    @graph does this). Several values are joined with commas."""
    for obj in objs:
        people: Pieces = []
        orgs: Pieces = []
        for kind, name in _names(obj.get("author"), nodes):
            name = html.unescape(name)
            # A template that left the person's name out before the outlet's (USA TODAY's
            # '"name": ", USA TODAY"'): the outlet, not a person.
            outlet_only = _LEFT_OUT_RE.match(name) is not None
            got = _pieces(name.lstrip(_LEFT_OUT_CHARS), strict=False)
            target = orgs if kind == "Organization" or outlet_only else people
            for sep, n in got:
                target.append((sep if sep else (", " if target else ""), n))
        if people or orgs:
            return people, orgs
    return [], []


def _names(value: Any, nodes: dict[str, dict[str, Any]], depth: int = 0) -> list[tuple[str, str]]:
    """[(@type, name)] of a JSON-LD author value."""
    if depth > 3:
        return []
    if isinstance(value, str):
        return [] if value.startswith(("http:", "https:")) else [("", value)]
    if isinstance(value, list):
        return [n for v in value for n in _names(v, nodes, depth + 1)]
    if isinstance(value, dict):
        kind = value.get("@type")
        kind = kind if isinstance(kind, str) else (kind[0] if isinstance(kind, list) and kind else "")
        name = value.get("name")
        if isinstance(name, str) and name.strip():
            return [(str(kind), name)]
        ref = value.get("@id")
        if isinstance(ref, str) and ref in nodes and nodes[ref] is not value:
            return _names(nodes[ref], nodes, depth + 1)
        if isinstance(name, (list, dict)):
            return _names(name, nodes, depth + 1)
    return []


def meta_authors(values: list[str]) -> Pieces:
    """Names in author meta tags (URLs and handles are not names)."""
    for value in values:
        value = html.unescape(value).strip()
        if value.startswith(("http:", "https:", "@", "www.")):
            continue
        got = _pieces(value, strict=False)
        if got:
            return got
    return []


_WRITTEN_BY_RE = re.compile(r"^(?:written by|authors?|by)\s*:?$", re.IGNORECASE)


def labelled_authors(meta: dict[str, list[str]]) -> list[str]:
    """The names a Twitter card's label pairs give as the writer: Yoast (WordPress) writes
    ``twitter:label1`` "Written by" and ``twitter:data1`` the post's user."""
    found: list[str] = []
    for i in range(1, 5):
        if any(_WRITTEN_BY_RE.match(label.strip()) for label in meta.get(f"twitter:label{i}", [])):
            found += meta.get(f"twitter:data{i}", [])
    return found


def byline_in_lines(lines: list[str]) -> Pieces:
    """'By' then a name on the same line or the next one, within header lines."""
    for i, line in enumerate(lines):
        if len(line) > 160 or _other_role(line):
            continue
        if _BY_LABEL_RE.match(line):
            if i and line.strip().lower() == "by" and _OTHER_ROLE_RE.search(f"{lines[i - 1]} by"):
                continue  # 'Medically reviewed' (a link) 'by' 'Kim Rose-Francis': not the writer
            # Names may be split across links: 'A' ',' 'B' 'and' 'C'.
            parts: list[str] = []
            want_name = True
            for nxt in lines[i + 1 : i + 8]:
                piece = nxt.strip()
                if not piece.strip(" |:·•-–—/"):
                    continue  # 'by' '|' 'whova'
                if re.fullmatch(r"(?:,|&|and|,\s*and)", piece, re.IGNORECASE):
                    if not parts:
                        break
                    parts.append(piece)
                    want_name = True
                    continue
                if not want_name or len(piece) > 80:
                    break
                parts.append(piece)
                want_name = bool(re.search(r"(?:,|&|\band)$", piece))
            names = _pieces(" ".join(parts), strict=True)
            if names:
                return names
            continue
        m = _BY_LINE_RE.match(line)
        if m:
            names = _pieces(m.group(1), strict=True)
            if names:
                return names
    return []


def byline_elements(doc: etree._Element) -> Pieces:
    """Names in elements marked as the author or byline (itemprop, rel, class), outside
    comments and related-article cards; a name-classed child beats the whole box."""
    found: list[etree._Element] = []
    for el in author_marked(doc):
        if el.tag in ("script", "style", "img", "svg", "meta", "link", "input", "textarea", "form", "title",
                      "body", "html", "head"):
            continue
        cls = el.get("class") or ""
        if not (el.get("rel") == "author" or el.get("itemprop") == "author"
                or any(k in cls for k in ("uthor", "yline", "riter", "ontributor"))):
            continue
        tokens = [t for t in cls.split() if _CLASS_TOKEN_RE.search(t)]
        marked = el.get("rel") == "author" or el.get("itemprop") == "author"
        if not marked and (not tokens or all(_CLASS_NOISE_RE.search(t) for t in tokens)):
            continue
        if _elsewhere(el):
            continue
        found.append(el)
        if len(found) >= 12:
            break
    # Most specific first: an element whose class says "name", then itemprop/rel, then boxes,
    # and an element before one that holds it (USA TODAY's 'byline-section' holds the
    # 'author' and the publication beside it: 'Brian Truitt USA TODAY').
    holders = {id(a) for e in found for a in e.iterancestors()}
    found.sort(key=lambda e: (not _NAME_CLASS_RE.search(e.get("class") or ""),
                              e.get("itemprop") != "author" and e.get("rel") != "author", id(e) in holders))
    for el in found:
        name_el = el.find('.//*[@itemprop="name"]')
        text = _text(name_el) if name_el is not None else _text(el)
        if len(text) > 120:
            # an author box with the writer's bio: its heading, when it is a name and
            # nothing else ('Bence Kovács', not 'Author Spotlight')
            heading = next(el.iter("h2", "h3", "h4", "h5", "h6"), None)
            name = _text(heading) if heading is not None else _box_name(el)
            names = _pieces(name, strict=True) if name else []
            if len(names) == 1 and names[0][1] == name:
                return names
            continue
        if not text or _other_role(text):
            continue
        names = _pieces(text, strict=True)
        if names:
            return names
    return []


def _box_name(box: etree._Element) -> str:
    """The name an author box without a heading shows: its first line, when the bio below
    it opens with that line's first word ('Lauren Vetter' over 'Lauren Vetter is a
    growth-focused marketing professional …'), or the bold name and colon opening the bio;
    else ''."""
    lines = block_lines(box)
    if len(lines) >= 2 and len(lines[0]) <= 60:
        first = lines[0].split()[0]
        if any(line.startswith(f"{first} ") for line in lines[1:3]):
            return lines[0]
    # or the bio opens with the name in bold and a colon ('**David Gracey:** Since its founding …')
    bold = next(box.iter("strong", "b"), None)
    if bold is not None and (parent := bold.getparent()) is not None and not (parent.text or "").strip():
        name = _text(bold)
        if name.endswith(":") and len(name) <= 60:
            return name[:-1].strip()
    return ""


def byline_anywhere(lines: list[str], limit: int = 600) -> Pieces:
    """A byline anywhere in the page's first lines: 'By Jane Doe' on a line of its own, or
    a label ('Author', 'Written by') with the name on the next line (author boxes at the
    foot of the article), or a sentence that says who wrote the post ('This post was
    written by …'). Two words at least: one word after 'By' is too often a menu."""
    for i, line in enumerate(lines[:limit]):
        if len(line) > 160 or _other_role(line):
            continue
        if _ABOUT_AUTHOR_RE.match(line):
            bio = next((ln for ln in lines[i + 1 : i + 3] if ln.strip()), "")
            opening = _BIO_OPENING_RE.match(bio)
            names = _pieces(opening.group(1), strict=True) if opening else []
            if len(names) == 1:
                return names
            continue
        sentence = _THIS_POST_BY_RE.match(line)
        if sentence:
            names = _pieces(sentence.group(1), strict=True) if sentence.group(1) \
                else byline_in_lines(["by", *lines[i + 1 : i + 8]])
            if names:
                return names
        elif len(line) <= 80 and (_BY_LINE_RE.match(line) or _BY_LABEL_RE.match(line)):
            names = byline_in_lines(lines[i : i + 8])
            if names and all(len(n.split()) >= 2 for _, n in names):
                return names
    return []


def name_beside_date(zone: list[str]) -> Pieces:
    """A name on a line of its own right before or after the date under the headline
    ('Jane Doe' / 'March 3, 2024'), or after it on its line ('Dec. 19, 2025 · Niko
    Matsakis'): where bylines without 'By' sit. A word left hanging at the end of the
    name's line belongs to the next line ('Mahua Das in' / 'Project Management')."""
    zone = [ln for ln in zone[:16] if ln.strip(" |:·•-–—/,")]  # 'Mar 3' '•' 'Jane Doe'
    for i, line in enumerate(zone[:12]):
        if not find_date(line) or len(line) > 60:
            continue
        beside = [part for part in _SEPARATOR_RE.split(line)[1:] if not find_date(part)]
        beside += [zone[j] for j in (i - 1, i + 1) if 0 <= j < len(zone) and not find_date(zone[j])]
        for cand in beside:
            cand = _HANGING_RE.sub("", cand.strip())
            if cand.endswith((":", "：")):
                continue  # a label over what follows ('Filed Under:' over the tags)
            if 3 <= len(cand) <= 40 and (2 <= len(cand.split()) <= 4 or cand.isupper()):
                got = _pieces(cand, strict=True)
                if got and len(got) == 1:
                    return got
    return []


_SEPARATOR_RE = re.compile(r"\s[·•|]\s")  # between a date and a name on one line
_HANGING_RE = re.compile(r"\s+(?:in|for|at|on behalf of)$", re.IGNORECASE)


def join_pieces(pieces: Pieces) -> str:
    return "".join(sep + name for sep, name in pieces)


def english_authors(
    doc: etree._Element,
    lds: list[dict[str, Any]],
    nodes: dict[str, dict[str, Any]],
    meta_values: list[str],
    lines: list[str],
    zone: list[str],
    site_words: set[str],
    page_bylines: Callable[[], list[str]],
    not_names: set[str] = frozenset(),  # type: ignore[assignment]
    labelled: list[str] | None = None,
    topic_links: Callable[[], set[str]] | None = None,
) -> Pieces:
    """The first source that names someone other than the site, in the order measured
    best on the WCXB dev pages: the byline under the headline, JSON-LD people, author
    meta, byline markup, older byline rules, a name beside the date, 'By X' anywhere,
    the writer a Twitter card's label names (``labelled_authors``: the post's WordPress
    user, which the page's byline overrides on 9 dev pages), JSON-LD organisations. The
    site itself is the author only when no source names anyone else. (The copyright holder was tried last: on the dev pages it named the
    institution far more often than the author.) ``topic_links``: the words of the page's
    links to its tag and category pages, asked only of a name read from the page's markup
    or text (a theme's "byline" of tag and date), once per page."""
    from .bylines import norm_name

    people, orgs = jsonld_authors(lds, nodes)
    sources = (
        lambda: byline_in_lines(zone),
        lambda: people,
        lambda: meta_authors(meta_values),
        lambda: byline_elements(doc),
        lambda: [("" if i == 0 else ", ", n) for i, n in enumerate(
            n for n in page_bylines() if english_name_ok(n, strict=False))],
        lambda: name_beside_date(zone),
        lambda: byline_anywhere(lines),
        lambda: meta_authors(labelled or []),
        lambda: orgs,
    )
    site_only: Pieces = []
    login: Pieces = []
    for i, source in enumerate(sources):
        # A category or tag next to the date is not a name.
        got = [(sep, n) for sep, n in source() if norm_name(n) not in not_names]
        if got and i >= 3 and topic_links is not None:
            got = [(sep, n) for sep, n in got if norm_name(n) not in topic_links()]
        if not got:
            continue
        # The site's name as the visible byline or as a JSON-LD person is a personal or
        # company blog that signs its own posts; from other sources it is a fallback.
        if i > 1 and all(norm_name(n) in site_words for _, n in got):
            site_only = site_only or got
            continue
        # A login ('andrew.keaveney') is the writer's account, not the name the page shows
        # further on; it stands only when no source names anyone.
        if all(is_login(n) for _, n in got):
            login = login or got
            continue
        return got
    return login or site_only
