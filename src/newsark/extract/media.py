"""Pictures and videos in a body: which pictures are content (not icons, spacers, share
buttons, a theme's own art or the writer's headshot), their real source behind a lazy
loader, their description, a caption's credit; and the corpus format's figure block and
video shortcode, which markdown.py writes."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable

from lxml import etree

from .spacing import spaced_text

# Icons, logos, badges, a network's mark, drawings: not figures either, unless the page
# captions the picture (an article's 'AI-Chatbot-Icons.jpg', its 'Facebook Live' picture,
# an agency's logo under 'Source: …', a diagram in SVG).
# (It, _NOT_FIGURE_RE and _PLACEHOLDER_RE are searched in the lower-cased address: a pattern
# that ignores case cannot skip ahead by its words, and took two to five times as long.)
_NAMED_RE = re.compile(r"icon|logo|badge|facebook|twitter|\.svg(?:\?|$)")
IMAGE_FILE_RE = re.compile(r"\.(?:jpe?g|png|webp|gif|avif)(?:[?#]|$)", re.IGNORECASE)
# Spacers, share buttons, avatars and tracking pixels are not figures.
_NOT_FIGURE_RE = re.compile(
    # Words of a file's or folder's name, whole: 'arrow' is not 'narrow' or 'sparrow', 'button'
    # not 'buttondown.email'.
    r"((?<![a-z])(?:sprites?|spacer|buttons?|arrows?|spinner|divider)(?![a-z])|"
    # a tracker's pixel (not a CDN's 'shortpixel', nor a 'google-pixel-9-review.jpg'), a blank
    # stand-in (not 'blankfein-gettyimages.jpg')
    r"(?<![a-z])pixel(?:[_-]?trans\w*)?(?:\.(?:gif|png)|/|[?#]|$)|//pixel\.|(?<![a-z])blank\.(?:gif|png|jpe?g|svg|webp)|"
    # sharing's icons, not a chart of 'market-share-2024' nor 'Skillshare'
    r"(?<![a-z])share(?:s?/|[_-]?(?:icons?|buttons?|btn)(?![a-z])|\.(?:svg|gif|png|webp))|"
    # a loader's animation (not 'customer-loading-truck.jpg'), a stand-in picture at the end
    # of the path (not Cloudinary's default 'd_transparent.gif/' in the middle of one)
    r"/(?:ajax[_-]?)?loading[\w-]*\.(?:gif|svg|png|webp)|transparent\.(?:gif|png|svg)(?:[?#]|$)|"
    r"avatar|emoji|favicon|/icons?/|"
    r"weibo|wechat|whatsapp|qrcode|1x1|_tip\.(?:png|gif)|"
    # a site theme's own pictures (a WordPress article's are under /wp-content/uploads/), and
    # a style sheet's (stcn's QR codes under /templates/…/css/)
    r"/wp-content/themes/|/css/|"
    # the writer's headshot from an author box
    r"/authors?/[^?#]*\.(?:jpe?g|png|webp|gif)|_author\.(?:jpe?g|png|webp)|"
    r"^data:)",
)


SCHEME_RE = re.compile(r"^https?:", re.IGNORECASE)
# A lazy loader's stand-in picture (a3-lazy-load's lazy_placeholder.gif, blank.gif…, a theme's
# 'bfi_thumb/dummy-transparent-….png').
_PLACEHOLDER_RE = re.compile(r"placeholder|/(?:blank|spacer|grey|gray)\.(?:gif|png)(?:\?|$)|/dummy[_-]")


def _placeholder(url: str) -> bool:
    return _PLACEHOLDER_RE.search(url.lower()) is not None


def first_url(srcset: str) -> str:
    """The first URL of a ``srcset`` ('a-300.jpg 300w, a-600.jpg 600w'), or of a single URL."""
    return srcset.split(",")[0].strip().split(" ")[0]


def image_src(img: etree._Element) -> str:
    """The real image URL: lazy-loading attributes first, then src (not a placeholder)."""
    for attr in ("data-original", "data-src", "data-lazy-src", "data-actualsrc", "data-url", "data-normal", "src"):
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:") and not _placeholder(value):
            return value
    srcset = img.get("srcset") or img.get("data-srcset") or ""
    if srcset:
        return first_url(srcset)
    other = _other_lazy_src(img)
    if other:
        return other
    # An image of a <picture> whose files only its <source>s name (lazily: 'data-srcset'),
    # the sources before it or, as lxml reads a tree not emptied of them, around it
    parent = img.getparent()
    while parent is not None and parent.tag == "source":
        parent = parent.getparent()
    if parent is not None and parent.tag == "picture":
        for source in parent.iter("source"):
            srcset = source.get("srcset") or source.get("data-srcset") or ""
            first = first_url(srcset)
            if first and not first.startswith("data:") and not _placeholder(first):
                return first
    # A lazy placeholder inside a link to the full-size picture (a lightbox): that picture.
    for a in itertools.islice(img.iterancestors(), 2):
        href = (a.get("href") or "").strip() if a.tag == "a" else ""
        if IMAGE_FILE_RE.search(href):
            return href
    return ""


# Other lazy loaders' attributes, by how surely they name the picture itself: one ending in
# "src" (NitroPack's 'nitro-lazy-src', 'data-lzl-src', 'data-fallback-src'), a large size of
# several ('data-src-large', 'data-src-full16x9' beside 'data-src-mini'), any "lazy" one
# ('data-lazy'), one ending in "url" ('data-delayed-url'), a set of sizes ('nitro-lazy-srcset').
_LAZY_RANKS = ((re.compile(r"src$"), 0), (re.compile(r"src.*(?:large|full)"), 1), (re.compile(r"lazy"), 2),
               (re.compile(r"url$"), 3), (re.compile(r"srcset$"), 4))
_URL_START_RE = re.compile(r"(?:https?:)?//|/(?!/)")
# ... but not one that names a page (Pinterest's 'data-pin-url', a share button's 'data-share-url')
_PAGE_ATTR_RE = re.compile(r"pin|share|href|link|page|canonical")


def _other_lazy_src(img: etree._Element) -> str:
    """The picture's URL from a lazy loader's attribute newsark does not name (``_LAZY_RANKS``),
    or ''."""
    best: tuple[int, str] | None = None
    for name, value in img.attrib.items():
        if name in ("src", "srcset", "alt", "title", "class", "id", "style") or _PAGE_ATTR_RE.search(name):
            continue
        first = first_url(value)
        if not first or not _URL_START_RE.match(first) or _placeholder(first):
            continue
        rank = next((r for pattern, r in _LAZY_RANKS if pattern.search(name)), None)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, first)
    return best[1] if best else ""


def is_content_image(img: etree._Element, src: str, shown_captioned: Callable[[], bool] | None = None) -> bool:
    """Whether a picture is the article's, not a spacer, a share button, an icon or a
    logo. A picture named an icon, a logo, a badge, a network's or an SVG drawing is
    content when the page captions it (a listicle's agency logos, 'Source: Sculpt'):
    ``shown_captioned`` tells, asked only then (by default: it is a figure's, with a
    caption of its own)."""
    low_src = src.lower()
    if not src or _NOT_FIGURE_RE.search(low_src):
        return False
    cls = " ".join(filter(None, [img.get("class"), img.get("id"), img.get("alt")])).lower()
    if re.search(r"(avatar|share|emoji)", cls):
        return False
    named = _NAMED_RE.search(low_src) or re.search(r"(icon|logo)", cls)
    if named and not (shown_captioned or (lambda: captioned(img)))():
        return False
    for attr in ("width", "height"):
        value = img.get(attr) or ""
        if value.isdigit() and int(value) < ICON_PIXELS:
            return False
    # The file's own name may say it is an icon: both of its sides small (a thin banner's
    # '-728x40.png' is a picture as far as its name tells).
    sized = _FILE_SIZE_RE.search(low_src)
    return not (sized and all(int(n) < ICON_PIXELS for n in sized.groups() if n))


ICON_PIXELS = 50  # a picture narrower or lower than this is an icon or a spacer
# The size a file's name states: ifeng's '…size1_w16_h16.png' (a 16-pixel icon under a story;
# '…_w568_h429.png' its pictures), a resized copy's '-16x16.png'.
_FILE_SIZE_RE = re.compile(r"[_-]w(\d{1,4})[_-]h(\d{1,4})(?=[._?/-]|$)|[-_](\d{1,4})x(\d{1,4})(?=\.(?:png|gif|jpe?g|webp|svg)\b)")


def captioned(img: etree._Element) -> bool:
    """Whether a picture is a figure's, with a caption of its own (a listicle's agency
    logos, 'Source: Sculpt'): the page shows it as content, whatever its file is named."""
    figure = next(img.iterancestors("figure"), None)
    if figure is None or sum(1 for _ in figure.iter("img")) != 1:
        return False
    return any("".join(cap.itertext()).strip() for cap in figure.iter("figcaption"))


_CREDIT_CLASS_RE = re.compile(r"(credit|copyright|byline|photographer|source|author)", re.IGNORECASE)


def caption_parts(cap: etree._Element) -> tuple[str, str]:
    """(caption, credit) of a <figcaption>; the credit from an element marked as one."""
    credit = ""
    for sub in cap.iterdescendants():
        if isinstance(sub.tag, str) and _CREDIT_CLASS_RE.search(f"{sub.get('class') or ''} {sub.get('id') or ''}"):
            credit = spaced_text(sub)
            break
    text = spaced_text(cap)
    if credit and text.endswith(credit):
        return text[: -len(credit)].rstrip(" -–—|"), credit
    return text, ""


def video_shortcode(src: str) -> str:
    """The corpus's Hugo shortcode for an embedded video or post."""
    return '{{< video src="' + src.replace('"', "%22") + '" >}}'


def figure_html(src: str, caption: str, alt: str = "") -> str:
    cap = f"<figcaption>{html.escape(caption, quote=False)}</figcaption>\n" if caption else ""
    return f'<figure>\n<img src="{html.escape(src)}" alt="{html.escape(alt)}">\n{cap}</figure>'


def _whole_words_at(text: str, words: str, pos: int) -> int:
    """Where ``words`` first stand in ``text`` from ``pos`` on, not inside a longer word
    ('AP' is not the start of 'APPLE'); -1 when nowhere."""
    at = text.find(words, pos)
    while at >= 0:
        end = at + len(words)
        if not (words[0].isalnum() and at > 0 and text[at - 1].isalnum()) \
                and not (words[-1].isalnum() and end < len(text) and text[end].isalnum()):
            return at
        at = text.find(words, at + 1)
    return -1


def link_caption(figure: str, links: list[tuple[str, str]]) -> str:
    """A figure block (``figure_html``'s) with links put on its caption's words: each
    (text, href) links the first place of its text after the caption's last link. A text
    the caption does not hold is left out."""
    start, end = figure.find("<figcaption>") + len("<figcaption>"), figure.rfind("</figcaption>")
    if start < len("<figcaption>") or end < start:
        return figure
    caption = figure[start:end]
    last = caption.rfind("</a>")
    pos = last + len("</a>") if last >= 0 else 0
    out = [caption[:pos]]
    for text, href in links:
        words = html.escape(" ".join(text.split()), quote=False)
        at = _whole_words_at(caption, words, pos) if words else -1
        if at < 0:
            continue
        out += [caption[pos:at], f'<a href="{html.escape(href)}">{words}</a>']
        pos = at + len(words)
    out.append(caption[pos:])
    return figure[:start] + "".join(out) + figure[end:]


def shown_figures(figures: list[dict[str, str]], markdown: str) -> list[dict[str, str]]:
    """The figures whose block the Markdown still holds (a later step may drop some: the
    author box's headshot, other stories' thumbnails under a related-stories label)."""
    if not figures:
        return figures
    shown = set(_SHOWN_SRC_RE.findall(markdown))  # (one pass: a search per figure was quadratic)
    return [f for f in figures if html.escape(f["src"]) in shown]


_SHOWN_SRC_RE = re.compile(r'<img src="([^"]*)"')


_FILE_NAME_RE = re.compile(r"^[\w.-]+\.(?:jpe?g|png|webp|gif|avif|svg)$|^(?:img|image|dsc|photo)[\s_-]*\d+$", re.IGNORECASE)
ALT_CHARS = 300  # a longer "alt" is a pasted paragraph, not a description


# What a template or a script writes where no one described the picture: a script's
# "null", a generic "image", Wix's "ree" (a viewer's "click to see the full picture",
# '点击查看大图', is VIEWER_PROMPT_RE's).
_PLACEHOLDER_ALTS = frozenset(("null", "undefined", "none", "image", "img", "photo", "picture", "alt", "placeholder",
                               "untitled", "ree", "click me", "图片", "圖片"))


# A picture viewer's prompt written under or on a picture ('（点击看清晰大图）', '點擊放大'):
# the archive's page opens no viewer; it is neither a caption nor a credit.
VIEWER_PROMPT_RE = re.compile(r"^[（(]?\s*(?:点击|點擊|点此|點此|点|點)(?:查看|看|浏览|瀏覽)?[^。，,；;]{0,4}?"
                              r"(?:大图|大圖|原图|原圖|高清图|高清圖|放大|图片|圖片)\s*[）)]?$")


def image_alt(img: etree._Element, caption: str) -> str:
    """The page's description of a picture, when it says something the caption does not:
    not a file name ("IMG_0413.jpg"), not a placeholder ("null", "image"), not the caption
    again or a part of it (the corpus format never repeats a caption as alt text), not a
    pasted paragraph."""
    alt = " ".join((img.get("alt") or "").split())
    if not alt or len(alt) > ALT_CHARS or _FILE_NAME_RE.match(alt) or alt.casefold() in _PLACEHOLDER_ALTS \
            or VIEWER_PROMPT_RE.match(alt):
        return ""
    norm = alt.casefold().strip(" .")
    cap = caption.casefold()
    return "" if norm in cap or (cap and cap.strip(" .") in norm) else alt
