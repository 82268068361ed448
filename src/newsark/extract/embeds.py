"""Embedded video and posts: Hugo ``{{< video src="..." >}}`` shortcodes, as in the corpus,
and links to the posts of social networks (Instagram, Facebook, TikTok, X) whose card
their script would have drawn. A post on X or Facebook keeps its words: the page writes
them in the quote the script replaces, and they are quoted with who posted and the date
linked to the post, as when the body kept that quote (a post may be deleted; the archive
still shows what it said).

The body extractors drop iframes, and the posts' markup holds little or nothing, so embeds
are found in the original page and put back after the body paragraph that precedes them
there.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator

from lxml import etree

from .links import LinkMapper
from .markdown import to_markdown
from .media import video_shortcode
from .nodetext import all_text, ancestors_in_body, flat_text
from .plaintext import plain_text

_VIDEO_RE = re.compile(
    r"(youtube\.com/embed|youtube-nocookie\.com/embed|player\.vimeo\.com|facebook\.com/plugins/"
    r"(video|post)\.php|dailymotion\.com/embed|player\.youku\.com|player\.bilibili\.com|"
    r"v\.qq\.com/txp/iframe|twitter\.com/.*/status|instagram\.com/p/)",
    re.IGNORECASE,
)


def _previous_text(el: etree._Element, known: dict[etree._Element, str]) -> str:
    """The nearest non-empty text before an element in document order, other embedded
    posts' text left out (several posts in a row follow the same paragraph). ``known``
    holds the answers found so far, for the element and each ancestor it was looked for
    from (the same text): a row of thousands of embeds, each in its own wrapper, with no
    text between them is not walked back again for each one."""
    path: list[etree._Element] = []
    text = ""
    node: etree._Element | None = el
    while node is not None and not text:
        path.append(node)
        prev = node.getprevious()
        while prev is not None:
            got = flat_text(prev) if isinstance(prev.tag, str) and not _is_post(prev) else ""
            if len(got) >= 6:
                text = got
                break
            if prev in known:  # its own nearest text is this one's too
                text = known[prev]
                break
            prev = prev.getprevious()
        if text:
            break
        parent = node.getparent()
        if parent is not None and parent.text and len(parent.text.strip()) >= 6:
            text = " ".join(parent.text.split())  # text that opens the parent comes first
        node = parent
    for n in path:
        known[n] = text
    return text


EARLIER_TEXTS = 8  # texts further back looked at when the nearest is not the body's ...
EARLIER_LOOKS = 100  # ... among this many elements at most (a row of thousands of embeds)


def _earlier_texts(el: etree._Element) -> Iterator[str]:
    """The texts before an element in document order, nearest first, up to EARLIER_TEXTS
    elements: each one's text, then its last piece (a heading's number and name after a
    line of the table of contents: '…Cameras1. Compact Cameras')."""
    seen = looked = 0
    node: etree._Element | None = el
    while node is not None and seen < EARLIER_TEXTS and looked < EARLIER_LOOKS:
        prev = node.getprevious()
        while prev is not None and seen < EARLIER_TEXTS and looked < EARLIER_LOOKS:
            looked += 1
            text = flat_text(prev) if isinstance(prev.tag, str) and not _is_post(prev) else ""
            if len(text) >= 6:
                seen += 1
                yield text
                last = next((" ".join(t.split()) for t in reversed(list(prev.itertext())) if t.strip()), "")
                if len(last) >= 6 and last != text:
                    yield last
            prev = prev.getprevious()
        node = node.getparent()


def _is_post(el: etree._Element) -> bool:
    return el.tag in ("blockquote", "div") and _POST_CLASS_RE.search(el.get("class") or "") is not None


ANCHOR_CHARS = 20  # the end of the text before an embed, found in a block of the body


_OUTSIDE_RE = re.compile(r"(footer|sidebar|related|nav|comment|advert|promo)", re.IGNORECASE)
WRAPPER = 0.5  # a header, footer, nav or aside holding more of the page's text wraps the article


def _outside_article(el: etree._Element) -> bool:
    for a in ancestors_in_body(el):
        if a.tag in ("footer", "nav", "aside", "header") and not _wraps_page(a):
            return True
        if _OUTSIDE_RE.search(f"{a.get('class') or ''} {a.get('id') or ''}"):
            return True
    return False


def _wraps_page(el: etree._Element) -> bool:
    """Whether an element holds most of the page's text: a header left open or misused
    around the article (a Webflow page's ``<header class="section_content32">``)."""
    body = el.getroottree().getroot().find("body")
    return body is not None and len(all_text(el)) > WRAPPER * len(all_text(body))


# Posts of social networks embedded as markup their script turns into a card (nothing is
# left of them once the script is gone): the page loads one of these scripts.
_POST_SCRIPT_RE = re.compile(
    r"instagram\.com/embed\.js|connect\.facebook\.net|tiktok\.com/embed|platform\.twitter\.com/widgets\.js|"
    r"cdn\.ampproject\.org/v0/amp-(?:twitter|instagram|facebook)",  # an AMP copy's (amp.py)
    re.IGNORECASE)
# The classes of the markup: quotes for Instagram, TikTok and X, divs for Facebook.
_QUOTE_POSTS = ("instagram-media", "tiktok-embed", "twitter-tweet")
_DIV_POSTS = ("fb-post", "fb-video")
_POST_CLASS_RE = re.compile("|".join(_QUOTE_POSTS + _DIV_POSTS))


def _has_class(names: tuple[str, ...]) -> str:
    return " or ".join(f'contains(@class,"{n}")' for n in names)


_POSTS = etree.XPath(f"//blockquote[{_has_class(_QUOTE_POSTS)}] | //div[{_has_class(_DIV_POSTS)}][@data-href]")
_TWEET_RE = re.compile(r"/status(?:es)?/(\d+)")


def _post(el: etree._Element) -> tuple[str, str] | None:
    """(label, URL) of an embedded post, or None when it names no post."""
    cls = el.get("class") or ""
    if "instagram-media" in cls:
        url = el.get("data-instgrm-permalink") or ""
        return ("Instagram post", url.split("?")[0]) if url else None
    if "tiktok-embed" in cls:
        url = el.get("cite") or ""
        return ("TikTok video", url) if url else None
    if "twitter-tweet" in cls:
        url = next((a.get("href") or "" for a in el.iter("a") if _TWEET_RE.search(a.get("href") or "")), "")
        return ("Post on X (Twitter)", url.split("?")[0]) if url else None
    url = el.get("data-href") or ""
    return ("Facebook video" if "fb-video" in cls else "Facebook post", url) if url else None


def _quote_of(el: etree._Element) -> etree._Element | None:
    """The quote a post's markup holds for readers without the script: the tweet's own
    ``<blockquote>``, or the one inside Facebook's ``<div class="fb-post">``."""
    return el if el.tag == "blockquote" else el.find("blockquote")


def _quoted_post(quote: etree._Element, links: LinkMapper) -> str | None:
    """A post as the page wrote it for readers without the script: its words, then who
    posted and when ('— Name (@handle) [date](link)', 'Posted by [Name](…) on [date](…)');
    None when the quote holds no words (only the link)."""
    words = quote.find("p")
    if words is None or not flat_text(words):
        return None
    holder = etree.Element("div")
    holder.append(copy.deepcopy(quote))
    holder[0].tail = None
    markdown, _ = to_markdown(holder, links)
    return markdown if markdown.startswith("> ") else None


_NOT_LETTERS_RE = re.compile(r"\W+")
QUOTE_KEY = 40  # letters that end a post's quote: its words' end, who posted and when


def _quote_key(quote: etree._Element | None) -> str:
    """What tells that the body kept a post's quote, its links in another form or lost: the
    letters that end it. Not its first words: the article may quote those in its own text
    ('"Hey Twitter, the whole point …," Noem tweeted.')."""
    return _NOT_LETTERS_RE.sub("", flat_text(quote))[-QUOTE_KEY:] if quote is not None else ""


def _embedded(doc: etree._Element, links: LinkMapper) -> list[tuple[etree._Element, str, str, str]]:
    """(element, Markdown block, what makes it already present, the letters that end the
    post's quote or "") of each embed of the page."""
    found: list[tuple[etree._Element, str, str, str]] = []
    for frame in doc.iter("iframe", "embed"):
        raw = frame.get("src") or frame.get("data-src") or ""
        if raw and _VIDEO_RE.search(raw):
            src = links(raw, frame=True)
            found.append((frame, video_shortcode(src), src, ""))
    if any(_POST_SCRIPT_RE.search(s.get("src") or "") for s in doc.iter("script")):
        for el in _POSTS(doc):
            post = _post(el)
            if post:
                label, url = post
                tweet = _TWEET_RE.search(url)
                # Instagram's and TikTok's quotes hold "View this post on Instagram" or a
                # video's caption, not a post's words: they stay links.
                quote = _quote_of(el) if tweet or el.tag == "div" else None
                block = _quoted_post(quote, links) if quote is not None else None
                # a post the body kept (a tweet's quote with its link) is present by its id
                found.append((el, block or f"[{label}]({links(url)})", tweet.group(0) if tweet else url,
                              _quote_key(quote) if block else ""))
    return found


def _after(text: str, flat: list[str]) -> int | None:
    """The body block (white space removed) that ends the text, if any."""
    anchor = "".join(text.split())[-ANCHOR_CHARS:]
    return next((i for i in range(len(flat)) if anchor and anchor in flat[i]), None)


def insert_embeds(markdown: str, doc: etree._Element, links: LinkMapper) -> str:
    """Put the page's video embeds back into the body Markdown, after their paragraph, and
    the posts of social networks it embeds as links to them."""
    blocks = markdown.split("\n\n") if markdown else []
    flat = ["".join(b.split()) for b in blocks]
    new = [False] * len(blocks)  # which blocks this step inserted
    added: set[str] = set()
    known: dict[etree._Element, str] = {}
    letters: str | None = None  # the body's text (no link addresses), when a post's quote is looked for
    for el, block, key, quote_end in _embedded(doc, links):
        if key in added or key in markdown or _outside_article(el):
            continue
        if quote_end:
            letters = _NOT_LETTERS_RE.sub("", plain_text(markdown)) if letters is None else letters
            if quote_end in letters:
                continue  # the body kept the post's quote (its link in another form)
        known[el] = _previous_text(el, known)
        at = _after(known[el], flat)
        if at is None:  # that text is not the body's (a "Read my review" line it dropped)
            at = next((i for i in (_after(t, flat) for t in _earlier_texts(el)) if i is not None), None)
        if at is None:
            continue  # not next to the article's text: a sidebar or footer embed
        added.add(key)
        at += 1
        while at < len(new) and new[at]:
            at += 1  # after the embeds put after the same paragraph before it: the page's order
        blocks.insert(at, block)
        flat.insert(at, "")
        new.insert(at, True)
    return "\n\n".join(blocks)
