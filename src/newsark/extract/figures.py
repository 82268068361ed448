"""Figure captions from the original page, keyed by image URL.

Extractors return images without their captions (or with the caption as a stray
paragraph); the original DOM knows which caption belongs to which image: a <figure>'s
<figcaption>, or a caption-classed element next to the image.
"""

from __future__ import annotations

import copy
import itertools
import re
import weakref
from urllib.parse import urlsplit

from lxml import etree

from .choose import CJK_RE
from .links import LinkMapper
from .media import VIEWER_PROMPT_RE, caption_parts, image_src
from .nodetext import children_upto, flat_text
from .spacing import spaced_text

CAPTION_ARROWS = "▲▼△▽"  # a caption pointing at its picture (captionrepeats.py too)

# (Searched in lower case, in class names: a pattern that ignores case cannot skip ahead
# by its words, and was 8 times slower over the siblings of every picture.)
_CAPTION_CLASS = re.compile(r"caption|pic-?info|img-?desc|photo-?desc|imgtxt|pictext|pic_?txt|image-?text|credit|desc")


def image_caption(img: etree._Element) -> tuple[str, str]:
    """(caption text, credit from a credit-marked element) of one image of the page."""
    caption = credit = ""
    fig = next(img.iterancestors("figure"), None)
    if fig is not None:
        cap = fig.find(".//figcaption")
        if cap is not None:
            caption, credit = caption_parts(cap)
    if not caption:
        caption = _classed_caption(img)
        picture = next(img.iterancestors("picture"), None)
        if not caption and picture is not None:
            # an image in a <picture> is the picture, whose <source>s are no blocks around it
            # (nor levels above it, as lxml reads them when their tree is not emptied:
            # nesting.empty_void_elements)
            caption = _classed_caption(picture)
    if credit and caption.endswith(credit):
        # the credit read again: the caption-classed element found is the figcaption
        # that held only the credit, or its twin for small screens
        caption = caption[: -len(credit)].rstrip(" -–—|")
    if not caption and not credit:
        caption = _arrow_caption(img) or _line_under(img)
    return caption, credit


NEAR_SIBLINGS = 2  # in a larger block, a caption is one of the picture's nearest siblings on either side


def _classed_caption(node: etree._Element) -> str:
    """A caption-classed sibling of an image or of its wrapper (up to 2 levels). In a block
    of more than 4 children (where the search stops going up), only the NEAR_SIBLINGS on
    either side: further off, a caption-classed element is another picture's caption, or
    a box's, given to every picture of the article (WCXB 0215's ten screenshots all took a
    certificate's caption); and reading all of them for every picture grew with the
    square of the pictures (44 s for 10,000 pictures, each in its paragraph)."""
    for _ in range(3):
        parent = node.getparent()
        if parent is None:
            break
        larger = children_upto(parent, 4) > 4
        for sib in _near_siblings(node) if larger else parent:
            if sib is node or not isinstance(sib.tag, str):
                continue
            cls = f"{sib.get('class') or ''} {sib.get('id') or ''}"
            if cls != " " and _CAPTION_CLASS.search(cls.lower()):  # (most siblings have neither)
                text = spaced_text(sib)  # (its lines and styled words kept apart)
                if 0 < len(text) <= 400:
                    return text
        if larger:
            break
        node = parent
    return ""


def _near_siblings(node: etree._Element) -> list[etree._Element]:
    """The node's NEAR_SIBLINGS siblings on either side, in document order."""
    before: list[etree._Element] = []
    sib = node.getprevious()
    while sib is not None and len(before) < NEAR_SIBLINGS:
        before.append(sib)
        sib = sib.getprevious()
    after: list[etree._Element] = []
    sib = node.getnext()
    while sib is not None and len(after) < NEAR_SIBLINGS:
        after.append(sib)
        sib = sib.getnext()
    return [*reversed(before), *after]


# Taiwanese news write a picture's caption as the paragraph beside it, pointing at it: '▲'
# under the picture, '▼' over it, '▲▼' between two (ETtoday, SETN).
ARROW_CAPTION_CHARS = 300


def _own_block(img: etree._Element) -> etree._Element:
    """The image's own block: the wrapper that holds nothing else (up to 3 levels)."""
    box = img
    for _ in range(3):
        parent = box.getparent()
        if parent is None or children_upto(parent, 1) != 1 or (parent.text or "").strip() or (box.tail or "").strip():
            break
        box = parent
        if box.tag in ("p", "div", "figure"):
            break
    return box


def _arrow_caption(img: etree._Element) -> str:
    """The caption pointing at an image from the block beside the image's own block."""
    box = _own_block(img)
    after, before = box.getnext(), box.getprevious()
    for sib, arrow, between in ((after, "▲△", box.tail), (before, "▼▽", before.tail if before is not None else None)):
        if sib is None or not isinstance(sib.tag, str) or (between or "").strip():
            continue  # (text between them: not the block beside the picture)
        text = flat_text(sib)
        lead = text[: len(text) - len(text.lstrip(CAPTION_ARROWS))]
        if lead and any(a in lead for a in arrow) and len(text) <= ARROW_CAPTION_CHARS \
                and sib.find(".//img") is None:
            return text
    return ""


# Chinese news write a picture's caption as the line under it, without markup that says so:
# '“救命啊SOS”纸团。沙坪坝区公安分局供图', '雨游黄鹤楼照样开心。城市摄影队 周斌 摄', a centred '大会开幕式'.
ZH_CAPTION_CHARS = 80  # a longer line under a picture is the story's text
_ZH_CREDIT_RE = re.compile(r"摄|攝|供图|供圖|截图|截圖|资料图|資料圖|图片来源|圖片來源|图源|圖源|图为|圖為|[图圖]\s*[：︰:/／]")
_TEXT_ALIGN_RE = re.compile(r"text-align\s*:\s*(?:justify|left)", re.IGNORECASE)


def _line_under(img: etree._Element) -> str:
    """The Chinese line right under an image's own block that is its caption: a short one
    (not a subheading in bold, a section's number, a lead-in ending in a colon, nor one
    aligned as the story's text) that credits a picture (摄, 供图, 截图, 资料图, 图：),
    repeats the image's alt text, or is set apart as captions are (centred, a caption's
    class, <center>, a <font> of its own size); or, on a page that captions its pictures so
    (``_captions_under``), any such line of ZH_SHORT_CAPTION characters or fewer
    ('小花家。'). Elsewhere a short line without any of these is the story's ('居民表示歡迎。')."""
    found = _text_under(img)
    if found is None:
        return ""
    text, line = found
    if _marked(img, text, line) or (len(text) <= ZH_SHORT_CAPTION and _captions_under(img.getroottree().getroot())):
        return text
    return ""


def _marked(img: etree._Element, text: str, line: etree._Element) -> bool:
    """Whether a line under a picture says it is the caption: it credits a picture,
    repeats the image's alt text or title, or is set apart as captions are."""
    if _ZH_CREDIT_RE.search(text) or text in {(img.get("alt") or "").strip(), (img.get("title") or "").strip()}:
        return True
    return line.tag == "center" or "center" in f"{line.get('style') or ''} {line.get('align') or ''}".lower() \
        or _CAPTION_CLASS.search((line.get("class") or "").lower()) is not None \
        or any(f.get("size") or "font-size" in (f.get("style") or "") for f in line.iter("font"))


def _text_under(img: etree._Element) -> tuple[str, etree._Element] | None:
    """(text, element) of the short Chinese line right under an image's own block that may
    be its caption (see ``_line_under``)."""
    box = _own_block(img)
    line = box.getnext()
    if line is None or not isinstance(line.tag, str) or (box.tail or "").strip() or line.find(".//img") is not None:
        return None
    text = flat_text(line).strip(" \u3000")
    if not text or len(text) > ZH_CAPTION_CHARS or not CJK_RE.search(text) or text[-1] in "：︰:" \
            or text.isdigit() or VIEWER_PROMPT_RE.match(text):
        return None
    bold = "".join(flat_text(b) for b in line.iter("strong", "b")).strip(" \u3000")
    if bold == text or _TEXT_ALIGN_RE.search(line.get("style") or ""):
        return None
    if any(_HEADING_CLASS_RE.search(el.get("class") or "") for el in line.iter()):
        return None  # a subheading by its class ('<p><span class="bjh-h3">', Baijiahao)
    return text, line


_HEADING_CLASS_RE = re.compile(r"(?:^|[\s_-])h[1-6](?:$|[\s_-])|heading|headline|sub-?title|subhead", re.IGNORECASE)


ZH_SHORT_CAPTION = 20  # characters: a line under a picture this short may be its caption ...
SHORT_CAPTIONS = 3  # ... on a page where this many pictures have one,
SHORT_SHARE = 0.6  # and they are this share of the pictures with a line under them
MAX_PICTURES = 200  # pictures looked at for the page's habit
_HABIT: weakref.WeakKeyDictionary[etree._Element, bool] = weakref.WeakKeyDictionary()


_FURNITURE_RE = re.compile(r"nav|header|footer|sidebar|share|qr|logo", re.IGNORECASE)


def _furniture(img: etree._Element) -> bool:
    """A picture of the site's furniture (a menu's QR codes labelled '环球微信公众号')."""
    for anc in itertools.islice(img.iterancestors(), 8):
        if anc.tag in ("nav", "header", "footer", "aside") \
                or _FURNITURE_RE.search(f"{anc.get('class') or ''} {anc.get('id') or ''}"):
            return True
    return False


def _captions_under(doc: etree._Element) -> bool:
    """Whether the page captions its pictures with a short line under each that nothing
    marks as one ('小花家。', '大涧学校。', '小刚的作业本。' under ifeng's pictures):
    SHORT_CAPTIONS or more of its pictures have one, most of those with a line under them
    (the pictures of its menus, header and footer not counted). A page that marks its
    captions (credits, centred lines) or points them at their pictures ('▲…') keeps that
    habit instead."""
    try:
        known = _HABIT.get(doc)
    except TypeError:  # an lxml.etree tree takes no weak reference: not cached
        known = None
    if known is not None:
        return known
    lines = short = 0
    for img in itertools.islice(doc.iter("img"), MAX_PICTURES):
        found = _text_under(img)
        if found is None or _furniture(img):
            continue
        if found[0][0] in CAPTION_ARROWS:
            lines, short = 1, 0
            break
        lines += 1
        short += len(found[0]) <= ZH_SHORT_CAPTION and not _marked(img, *found)
    habit = short >= SHORT_CAPTIONS and short >= SHORT_SHARE * lines
    try:
        _HABIT[doc] = habit
    except TypeError:
        pass
    return habit


class CaptionFinder:
    """Captions of the body's images, read in the original page: the body's image is
    found there by its source (as written, else as an absolute capture URL), and only the
    images a body shows are looked at (a page may hold hundreds)."""

    def __init__(self, doc: etree._Element, links: LinkMapper) -> None:
        self.doc, self.links = doc, links
        self._raw: dict[str, list[etree._Element]] | None = None
        self._mapped: dict[str, list[etree._Element]] | None = None

    def __call__(self, img: etree._Element) -> tuple[str, str]:
        raw = image_src(img)
        if not raw:
            return "", ""
        if self._raw is None:
            self._raw = {}
            for el in self.doc.iter("img"):
                self._raw.setdefault(image_src(el), []).append(el)
        found = self._raw.get(raw)
        if not found:  # written otherwise in the body (made absolute, another attribute)
            if self._mapped is None:
                self._mapped = {}
                for src, els in self._raw.items():
                    if src:
                        self._mapped.setdefault(self.links(src, image=True), []).extend(els)
            found = self._mapped.get(self.links(raw, image=True))
        # the same picture shown twice (a gallery and its lightbox): the one with a caption
        for el in found or ():
            caption, credit = image_caption(el)
            if caption or credit:
                return caption, credit
        return "", ""


def _figure_key(fig: etree._Element) -> tuple[str, str]:
    cap = fig.find(".//figcaption")
    return (fig.get("class") or "", flat_text(cap) if cap is not None else "")


def restore_figure_images(body: etree._Element, doc: etree._Element) -> int:
    """Put back the images an extractor dropped from the body's figures (readability
    removes an image's wrapper that holds no text, leaving an empty <figure> or one with
    only its caption): each such figure takes the image of the page's figure with the same
    class and caption, in order. Returns how many were restored."""
    empty = [f for f in body.iter("figure")
             if f.find(".//img") is None and f.find(".//video") is None and f.find(".//table") is None]
    if not empty:
        return 0
    originals: dict[tuple[str, str], list[etree._Element]] = {}
    for fig in doc.iter("figure"):
        img = fig.find(".//img")
        if img is not None and image_src(img):
            originals.setdefault(_figure_key(fig), []).append(img)
    restored = 0
    for fig in empty:
        queue = originals.get(_figure_key(fig))
        if queue:
            original = queue.pop(0)
            img = copy.deepcopy(original)
            img.tail = None
            img.set("src", image_src(original))  # resolved where it stood (a lightbox link)
            fig.insert(0, img)
            restored += 1
    return restored


def _beside_in_noscript(img: etree._Element, src: str) -> str:
    """The picture a ``data:`` placeholder stands for when the page writes the real one
    only for browsers without scripts, in a ``<noscript>`` beside it (react-datocms,
    Next.js image components: a blurred inline preview, then the picture in
    ``<noscript>``): that one's URL, or ''."""
    if not src.startswith("data:"):
        return ""
    for sibling in img.itersiblings():
        if sibling.tag == "noscript":
            pictures = [image_src(el) for el in sibling.iter("img")]
            return pictures[0] if len(pictures) == 1 else ""
    return ""


def show_scripted_pictures(doc: etree._Element) -> int:
    """Put the picture a script would draw where the page's markup holds only its
    ``<noscript>`` copy: a ``<noscript>`` holding one picture, in an element that holds no
    other (picturefill's ``<span data-picture>`` of ``<span data-src>`` sources, the
    Smithsonian's lead pictures, Instructables' steps), is replaced by that picture; not one
    in a link (an ad server's fallback banner). Where a placeholder stands
    beside it, ``resolve_lazy_images`` takes its URL instead. Returns how many were shown."""
    shown = 0
    for noscript in list(doc.iter("noscript")):
        parent = noscript.getparent()
        pictures = list(noscript.iter("img"))
        if parent is None or len(pictures) != 1 or not image_src(pictures[0]):
            continue
        if next(pictures[0].iterancestors("a"), None) is not None:
            continue  # a linked picture for browsers without scripts: an ad server's banner
        if any(img is not pictures[0] for img in parent.iter("img")):
            continue  # another picture stands there (its placeholder, or the same picture)
        img = pictures[0]
        img.tail = noscript.tail
        parent.replace(noscript, img)
        shown += 1
    return shown


def resolve_lazy_images(doc: etree._Element, url: str | None = None) -> int:
    """Give each lazily loaded image of the page its real URL as ``src``, as the page's
    script would in a browser (``<img src="data:image/svg+xml,…" data-lazy-src="…">``,
    ``data-src``, ``data-original``…; a placeholder ``src`` with no lazy attribute and a
    ``srcset`` takes the first of the set). Trafilatura keeps no image whose ``src`` is a
    ``data:`` placeholder, whatever its other attributes say: a WordPress lazy-loading
    plugin left every picture of such a page out of its body. A protocol-relative
    ``//host/…`` takes the page's scheme: trafilatura writes it as ``http:``, so the
    picture would be another one (and come back twice). Returns how many were set."""
    scheme = urlsplit(url).scheme if url else ""
    resolved = 0
    for img in doc.iter("img"):
        src = (img.get("src") or "").strip()
        real = image_src(img) or _beside_in_noscript(img, src)
        if real.startswith("//") and scheme in ("http", "https"):
            real = f"{scheme}:{real}"
        if real and real != src and not real.startswith("data:"):
            img.set("src", real)
            resolved += 1
    return resolved
