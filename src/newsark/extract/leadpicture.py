"""The story's lead picture, put above the body when the body opens without it.

Extractors start the body at the article's first paragraph. The picture a news page shows
between its headline and that paragraph (in the article's header, or above the text in
its own wrapper) is the story's own, yet it stands before every block the body kept, so
neither the extractors nor ``restore.restore_images`` (pictures between two kept blocks)
bring it. It is taken (``lead_picture``) when:

- the page has a headline (``<h1>``) before the body's first block, and the picture
  stands after that headline and before that block (before the next one, when the first
  is the story's dek under the headline), or else above the headline in its own
  ``<header>`` (a hero over the title);
- it is a content picture (not an icon, a logo, an avatar, a headshot), outside asides,
  navigation, footers, forms, a header without the headline (the site's), the author's
  box, and not linked to another page (a teaser's thumbnail);
- the page says it is the story's picture: it sits in a ``<figure>``, has a caption, or
  is the page's Open Graph image;
- the smallest element holding it and the body's first block holds at most about twice
  the body's text (the article with a related box or comments, not a page of several stories).

One picture at most, the first that qualifies: the lead. It goes above the finished body
(``with_lead_picture``), after the steps that read the body's first blocks (the title
repeated, the byline and date lines), so it moves none of them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from .captionrepeats import drop_caption_repeats
from .choose import inside
from .figures import image_caption
from .links import LinkMapper, goes_nowhere
from .markdown import shown_caption, to_markdown
from .media import IMAGE_FILE_RE, SCHEME_RE, image_src, is_content_image
from .nodetext import all_text
from .plaintext import plain_text
from .restore import _precedes, lightbox, picture_copy
from .trim import _UNITS, find_units

OPENING_UNITS = 20  # the body's first blocks looked for on the page (its first found one starts it)
MAX_LOOKS = 30  # pictures after the headline looked at (a gallery above the text holds thousands)
BOX_SHARE = 2.2  # the element holding the picture and the body's start: at most this much more text than the body
DEK_WORDS = 60  # words of a dek at most
MIN_SIZE = 150  # pixels: a picture whose written width and height are both smaller is no lead
_NOT_STORY = {"aside", "nav", "footer", "form", "noscript", "button", "a"}
_WHOLE = {"article", "main", "body"}
_NOT_LEAD_RE = re.compile(r"author|byline|avatar|profile|branding|logo", re.IGNORECASE)
_SIZE_RE = re.compile(r"[-_]\d+x\d+(?=\.\w+$)")  # WordPress's sized copies: photo-1024x683.jpg
_FOLLOWING_IMGS = etree.XPath("following::img")
_OG_IMAGE = etree.XPath("meta[@property='og:image' or @name='og:image' or @name='twitter:image']/@content")


def lead_picture(doc: etree._Element, body: etree._Element) -> etree._Element | None:
    """The page's picture that leads the story the body holds, when the body opens
    without one (see the module's docstring)."""
    units = _opening_units(body)
    if not units:
        return None
    first_img = next(body.iter("img"), None)
    if first_img is not None and _precedes(first_img, units[0]):
        return None  # the body opens with its picture
    found = [el for _, _, el in find_units(doc, units) if el is not None]
    if not found:
        return None
    first = found[0]
    headline = None
    for h1 in doc.iter("h1"):
        if not _precedes(h1, first):
            break
        headline = h1
    if headline is None:
        return None
    # A dek under the headline may open the body above the picture: then the picture may
    # stand up to the body's next block.
    end = found[1] if len(found) > 1 and _dek(first, headline) else first
    shown = {SCHEME_RE.sub("", image_src(img)) for img in body.iter("img")}
    after = list(itertools.takewhile(lambda img: _precedes(img, end),
                                     itertools.islice(_FOLLOWING_IMGS(headline), MAX_LOOKS)))
    for img in after + _above(headline):
        src = image_src(img)
        if not is_content_image(img, src) or _small(img) or _outside_story(img, headline):
            continue
        if not (_in_figure(img) or any(image_caption(img)) or _file_key(src) in _open_graph(doc)):
            continue
        box = next(a for a in img.iterancestors() if inside(first, a))
        if _words(box) > BOX_SHARE * _words(body) or SCHEME_RE.sub("", src) in shown:
            return None  # a page of several stories, or a header far from the text; or the body shows it
        return img
    return None


def with_lead_picture(markdown: str, figures: list[dict[str, str]], img: etree._Element, links: LinkMapper,
                      caption_of: Callable[[etree._Element], tuple[str, str]]) -> tuple[str, list[dict[str, str]]]:
    """The body's Markdown and figures with the lead picture above them; a paragraph that
    repeats its caption (trafilatura keeps a caption without its picture) goes."""
    box = etree.Element("div")
    box.append(picture_copy(img))
    block, lead = to_markdown(box, links, caption_of)
    if not block:
        return markdown, figures
    first, _, rest = markdown.partition("\n\n")
    caption = "".join(shown_caption(lead[0]).split()) if lead else ""
    if rest and caption and "".join(plain_text(first, with_captions=False).split()) == caption:
        markdown = rest  # the body opened with the caption as a line ('共享充电宝。视觉中国 资料', thepaper)
    return drop_caption_repeats(f"{block}\n\n{markdown}" if markdown else block), lead + figures


def _words(el: etree._Element) -> int:
    return len(all_text(el).split())


def _opening_units(body: etree._Element) -> list[etree._Element]:
    """The body's first OPENING_UNITS outermost text blocks (trim._walk_units' order)."""
    out: list[etree._Element] = []
    stack = [iter(body)]
    while stack and len(out) < OPENING_UNITS:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif isinstance(child.tag, str):
            if child.tag in _UNITS:
                out.append(child)
            else:
                stack.append(iter(child))
    return out


def _open_graph(doc: etree._Element) -> set[str]:
    """The keys of the pictures the page's head names for sharing (og:image, twitter:image)."""
    head = doc.find("head")
    return {_file_key(str(u)) for u in _OG_IMAGE(head)} - {""} if head is not None else set()


def _file_key(url: str) -> str:
    """A picture's file name, without its query or its WordPress size (photo-1024x683.jpg
    and the Open Graph's photo.jpg are one picture); a name without an extension (a CDN's
    /transform/…/deep-breathing-2151228306) with its host and path; a resizer's
    (/_next/image?url=…) the key of the picture it serves."""
    parts = urlsplit(url.strip())
    inner = parse_qs(parts.query).get("url")
    if inner and inner[0] != url:
        return _file_key(inner[0])
    name = parts.path.rstrip("/").rsplit("/", 1)[-1].lower()
    if "." not in name:
        return f"{parts.netloc}{parts.path}".lower()
    return _SIZE_RE.sub("", name)


def _small(img: etree._Element) -> bool:
    """A picture the page shows smaller than a lead's (a headshot beside the byline)."""
    sizes = [int(v) for v in (img.get("width"), img.get("height")) if v and v.isdigit()]
    return bool(sizes) and max(sizes) < MIN_SIZE


def _outside_story(img: etree._Element, headline: etree._Element) -> bool:
    """Whether the picture is not the story's: in an aside, navigation, footer, form or
    button (not a lightbox's, which holds a figure: ``restore.lightbox``), in
    a header that does not hold the headline (the site's), in the author's box or the
    site's branding, or linked to another page."""
    named = True  # (the page's and the article's own classes name what they hold: "author-12")
    for depth, anc in enumerate(img.iterancestors()):
        if anc.tag == "a":
            href = (anc.get("href") or "").strip()
            # (a link to the picture itself, or to a place on this page, opens a lightbox)
            if depth < 3 and not IMAGE_FILE_RE.search(href) and not goes_nowhere(href):
                return True
        elif (anc.tag in _NOT_STORY and not (anc.tag == "button" and lightbox(anc))) \
                or (anc.tag == "header" and not inside(headline, anc)):
            return True
        elif anc.tag in _WHOLE:
            named = False
        elif named and _NOT_LEAD_RE.search(f"{anc.get('class') or ''} {anc.get('id') or ''}"):
            return True
    return False


def _above(headline: etree._Element) -> list[etree._Element]:
    """The pictures above the headline in its own <header> (a hero over the title), in the
    page's order: looked at when none after the headline leads."""
    header = next(headline.iterancestors("header"), None)
    if header is None:
        return []
    return [img for img in header.iter("img") if _precedes(img, headline)][:MAX_LOOKS]


def _dek(block: etree._Element, headline: etree._Element) -> bool:
    """Whether the body's first block is the story's dek (standfirst): a few words
    (DEK_WORDS at most) in the headline's header, or else the element holding it."""
    box = next(headline.iterancestors("header"), None)
    if box is None:
        box = headline.getparent()
    return box is not None and inside(block, box) and _words(block) <= DEK_WORDS


def _in_figure(img: etree._Element) -> bool:
    return any(a.tag == "figure" for a in img.iterancestors())
