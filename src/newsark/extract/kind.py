"""Is a page an article? Lists, section fronts, forum threads and error pages are not.

Cheap signals first, from the extracted body alone: too little text, a body made mostly of
links, a column of short items. The page's own structure is read only when those are
borderline: a page of links with a short body (the share of the page's text that is link
text), or a body whose paragraphs look like records of a list (several paragraphs cut off
mid-sentence, as list abstracts are, or many short paragraphs). Such a body is a list when
its paragraphs come from different records of one repeated block of the page: siblings of
the same tag and class, most holding a link of their own to another page (thread lists,
search results, tag pages, forum posts under their authors' names).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from urllib.parse import urlsplit

from lxml import etree

from .choose import is_cjk
from .links import goes_nowhere
from .plaintext import LINK_TEXT, plain_text

LINK_PAGE = 0.75  # share of a page's text that is link text: a page of links
MOSTLY_LINKS = 0.5  # share of the body's text that is link text
MIN_RECORDS = 5  # repeated siblings that make a list
RECORD_SHARE = 0.9  # share of the body's text found in distinct records: a list of them (a roundup article has its own prose too)
_LINK_TEXT_RE = re.compile(rf"(?<!!)\[([^\]]{{0,{LINK_TEXT}}})\]\([^)]*\)")
_WS_RE = re.compile(r"\s+")
# A paragraph that ends without closing punctuation was cut off (list abstracts are); a
# paragraph ending in a link ends in ")".
_SENTENCE_ENDS = frozenset(".!?。！？…:：︰;；)）]】」』\"'”’》>*_~-")
_MANY_CHILDREN = etree.XPath("//body//*[count(*) >= $n]")
_RECORD_TAGS = frozenset({"li", "div", "tr", "tbody", "article", "section", "dl", "table", "dd"})
_SECOND_LEVEL = frozenset({"com", "net", "org", "gov", "edu", "co", "ac", "or", "ne", "go"})
_KEY = 12  # characters of a paragraph that find it in a record
_NOT_PROSE_RE = re.compile(r"(#|\||>|!\[|<figure|\{\{<)")  # (a figure or an embed is no paragraph)
_ITEM_RE = re.compile(r"(?m)^\s*(?:[-*+]|\d+[.)])\s+")
CUT_MIN, CUT_SHARE = 4, 0.3  # paragraphs cut off mid-sentence that make a body look like a list
# Scripts written without spaces between words: CJK ideographs, Japanese kana, Thai, Lao,
# Khmer, Myanmar. A text mostly in them is sized in characters, not words (a Japanese
# article is a third kanji and its spaces only stand around Latin words: 'Kindle for PC').
_UNSPACED_RE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
UNSPACED_SHARE = 0.2  # share of a text's characters (white space aside)


def unspaced(text: str) -> bool:
    """Whether a text is mostly written in scripts without spaces between words (its first
    4,000 characters; ``choose.is_cjk`` counts CJK ideographs only, for Chinese pages)."""
    if is_cjk(text):
        return True
    sample = text[:4000]
    return len(_UNSPACED_RE.findall(sample)) > UNSPACED_SHARE * max(1, len("".join(sample.split())))


def page_link_share(doc: etree._Element) -> float:
    """Share of the page's visible text that is link text (lists and fronts: most)."""
    body = doc.find(".//body")
    if body is None:
        return 0.0
    total = linked = 0
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript"):
            continue
        n = len("".join((el.text or "").split()))
        total += n
        if el.tag == "a" or (n and any(a.tag == "a" for a in el.iterancestors())):
            linked += n
        if el.tail:
            t = len("".join(el.tail.split()))
            total += t
            parent = el.getparent()
            if parent is not None and (parent.tag == "a" or any(a.tag == "a" for a in parent.iterancestors())):
                linked += t
    return linked / total if total else 0.0


def _own_link(record: etree._Element) -> str | None:
    """The first link of a record to another page (not an anchor or a script)."""
    for a in record.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not goes_nowhere(href) and "".join(a.itertext()).strip():
            return href
    return None


def _site_of(href: str) -> str:
    """The registered domain of a link, roughly ("" for a link within the site)."""
    host = urlsplit(href).hostname if href.startswith(("http:", "https:", "//")) else None
    if not host:
        return ""
    labels = host.split(".")
    n = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-n:])


def repeated_records(doc: etree._Element, paragraphs: list[str]) -> tuple[int, float]:
    """(records, share): how many distinct records of the page's best repeated block hold
    the body's paragraphs, and the share of the body's text they hold."""
    keys = [p for p in (_WS_RE.sub("", p) for p in paragraphs) if len(p) >= _KEY]
    total = sum(len(k) for k in keys)
    if len(keys) < MIN_RECORDS or not total:
        return 0, 0.0
    best = (0, 0.0)
    for parent in _MANY_CHILDREN(doc, n=MIN_RECORDS):
        sig = Counter((c.tag, c.get("class")) for c in parent if isinstance(c.tag, str))
        (tag, cls), n = sig.most_common(1)[0]
        if n < MIN_RECORDS or tag not in _RECORD_TAGS:
            continue
        records = [c for c in parent if c.tag == tag and c.get("class") == cls]
        hrefs = [_own_link(r) for r in records]
        linked = [h for h in hrefs if h]
        if len(linked) < 0.6 * len(records) or len(set(linked)) < 0.6 * len(linked):
            continue  # records of a list each lead to their own page ...
        if Counter(map(_site_of, linked)).most_common(1)[0][1] < 0.6 * len(linked):
            continue  # ... of one site (a listicle's entries link to many sites)
        texts = [_WS_RE.sub("", "".join(r.itertext())) for r in records]
        hit: set[int] = set()
        covered = 0
        for key in keys:
            for i, t in enumerate(texts):
                if key[:_KEY] in t:
                    hit.add(i)
                    covered += len(key)
                    break
        best = max(best, (len(hit), covered / total))
    return best


def _paragraphs(markdown: str) -> list[str]:
    """The body's paragraphs and list items, as Markdown (no headings, tables, quotes, images)."""
    out: list[str] = []
    for block in markdown.split("\n\n"):
        block = block.strip()
        if not block or _NOT_PROSE_RE.match(block):
            continue
        if block[0] in "-*+0123456789":  # list items are records too
            out += [i.strip() for i in _ITEM_RE.split(block) if i.strip()]
        else:
            out.append(block)
    return out


def _looks_like_records(paragraphs: list[str], cjk: bool) -> bool:
    """Cheap: many paragraphs cut off mid-sentence, as a list's abstracts are."""
    if len(paragraphs) < MIN_RECORDS:
        return False
    long_enough = [p for p in paragraphs if (len(p) >= 15 if cjk else p.count(" ") >= 7)]
    cut = sum(1 for p in long_enough if p[-1] not in _SENTENCE_ENDS)
    return cut >= CUT_MIN and cut >= CUT_SHARE * len(long_enough)


# An error page served with status 200 ("soft 404"), or the Wayback Machine's own notice
# of a redirect it captured: its title, headline or first lines say so.
_ERROR_RE = re.compile(
    # a status code alone or with its wording ('404', 'Error 404 - Page not found'), not
    # a story's number ('500 jobs cut')
    r"^\W*(?:error\W*)?(?:404|410|500|503)(?:\W*$|\W+(?:error|not found|page|server|gone|service|internal|forbidden))|\bpage (?:was )?(?:not found|cannot be found|could not be found|"
    r"(?:does not|doesn't|no longer) exists?)|\b(?:page|file|article|story|content|post) not found\b|^\W*not found\W*$|"
    r"\b(?:page|article|story|content|post|video)s? (?:you (?:are looking|were looking|requested) for )?"
    r"(?:is|are|was|has been) (?:no longer available|removed|deleted|unavailable)\b|"
    r"^\W*(?:access denied|forbidden|internal server error|service unavailable)\W*$|"
    r"got an http \d{3} response at crawl time|"
    r"找不到(?:您|你)?(?:要|所)?(?:访问|訪問|请求|請求|查看)?的?(?:[页頁]面|[网網][页頁]|文章|[内內]容)|"
    r"(?:[页頁]面|[网網][页頁]|文章|[内內]容)(?:不存在|已被?[删刪]除|已失效|已下[线線])|抱歉.{0,12}(?:[页頁]面|[网網][页頁])",
    re.IGNORECASE,
)


def error_page(doc: etree._Element, text: str) -> str | None:
    """The error message of a short page that says it is an error, or None."""
    heads = ["".join(el.itertext()) for el in (doc.find(".//title"), doc.find(".//h1")) if el is not None]
    for line in [*heads, *text.strip().split("\n")[:2]]:
        line = _WS_RE.sub(" ", line).strip()[:200]
        if _ERROR_RE.search(line):
            return line
    return None


PROSE_PARAGRAPHS = 3  # whole paragraphs that make a short body a story
PROSE_WORDS, PROSE_CHARS = 12, 40  # a whole paragraph's words (characters in CJK text) at least


def _prose(markdown: str, cjk: bool) -> bool:
    """Whether a body has PROSE_PARAGRAPHS paragraphs of sentences: long enough, ending as a
    sentence does, not a link's text nor a heading or list item."""
    whole = 0
    for block in markdown.split("\n\n"):
        block = block.strip()
        if not block or block[0] in "#<|>-*+[{" or _LINK_TEXT_RE.search(block):
            continue
        size = len("".join(block.split())) if cjk else len(block.split())
        if size >= (PROSE_CHARS if cjk else PROSE_WORDS) and block[-1] in ".!?。！？”’\"'":
            whole += 1
    return whole >= PROSE_PARAGRAPHS


WRAPPED_WORDS = 6  # a line a sentence runs on from has this many words at least


def _sentences_rejoined(lines: list[str]) -> list[str]:
    """Lines with a line that goes on with a sentence (it starts in lower case, after a
    line of WRAPPED_WORDS or more) joined to the one before: a page that breaks its
    paragraphs at every line (``<br>`` where a text pasted from an editor wrapped) writes
    prose, not a list of short items. (A list of tags in lower case has short lines.)
    Each joined line's pieces and words are counted as they come: joining and splitting
    the growing line again at every piece took 16 s on a page of 8,000 such lines."""
    groups: list[list[str]] = []
    words = 0  # of the last group (its pieces are stripped: joined with a space, their words add up)
    for line in lines:
        if groups and line[0].islower() and words >= WRAPPED_WORDS:
            groups[-1].append(line)
            words += len(line.split())
        else:
            groups.append([line])
            words = len(line.split())
    return [" ".join(group) for group in groups]


def not_article_reason(markdown: str, text: str, doc: etree._Element,
                       link_share: Callable[[], float] | None = None, *, stated: bool = False,
                       dated: bool = False) -> str | None:
    """Why a page is not an article (list, section front, forum, error page), or None.
    ``stated``: the page says it is an article and names its author and date; its short body
    among many links is then the story as the page shows it (an expired story's first
    paragraph above a notice), not a page of links. ``dated``: the page says it is an
    article and gives its date; a short body of whole paragraphs (``_prose``) among many
    links is then a brief (an agency's four paragraphs without a byline)."""
    cjk = unspaced(text)
    words = text.split()  # (once: the body may be long)
    chars = sum(map(len, words))
    size = chars if cjk else len(words)
    short = size < (600 if cjk else 150)  # an error page, a page of links: only bodies this short
    if short and (said := error_page(doc, text)):
        return f"an error page ({said!r})"
    if size < (120 if cjk else 60) and "<figcaption>" in markdown:
        # a story told in its picture's caption and a line (a news photo): the caption counts
        told = plain_text(markdown)
        size = len("".join(told.split())) if cjk else len(told.split())
    if size < (120 if cjk else 60):
        return f"body too short ({size} {'characters' if cjk else 'words'})"
    if short and not stated and not (dated and _prose(markdown, cjk)):  # (the link share costs a walk)
        share = (link_share or (lambda: page_link_share(doc)))()
        if share >= LINK_PAGE:
            return f"a page of links ({share:.0%} of its text) with a short body"
    linked = len("".join("".join(_LINK_TEXT_RE.findall(markdown)).split()))  # (the links' text, white space left out)
    share = linked / max(1, chars)
    if share > MOSTLY_LINKS:
        return f"mostly links ({share:.0%} of the body's text)"
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not cjk:
        lines = _sentences_rejoined(lines)
    longest = max((len(ln) if cjk else len(ln.split()) for ln in lines), default=0)
    if len(lines) >= 10 and longest < (40 if cjk else 25):
        return f"a list of {len(lines)} short items, no paragraph"
    paragraphs = _paragraphs(markdown)
    if _looks_like_records(paragraphs, cjk):  # the page's structure only for such bodies
        records, held = repeated_records(doc, [_LINK_TEXT_RE.sub(r"\1", p) for p in paragraphs])
        if records >= MIN_RECORDS and held >= RECORD_SHARE:
            return f"a list: the body is {records} records of a repeated block ({held:.0%} of its text)"
    return None
