"""Article Markdown -> safe HTML for the reader.

Bodies come from archived web pages and are untrusted. They are rendered with markdown-it
(raw HTML allowed, since the corpus keeps ``<figure>`` blocks as HTML) and the result is
then cleaned by nh3 with an allow-list of tags and attributes: no scripts, no event
handlers, no styles, no iframes, only http(s)/mailto/relative URLs. Hugo ``video``
shortcodes and archived ``<iframe>`` embeds become a link to the capture (a ``<video>``
player when the source is a plain video file): the reader never embeds third-party frames.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsark.web.links import article_id_of, host_of, unwrap_capture

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre",
    "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "u", "ul", "video", "source",
}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "video": {"src", "controls", "preload"},
    "source": {"src", "type"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "blockquote": {"cite"},
    "time": {"datetime"},
    "abbr": {"title"},
}
# Classes the renderer itself emits; anything else a body carries is dropped.
ALLOWED_CLASSES = {"div": {"video"}, "a": {"capture-link", "local"}}
URL_SCHEMES = {"http", "https", "mailto"}

_SHORTCODE_RE = re.compile(r"\{\{<\s*(?P<name>video|youtube)\s+(?P<args>.*?)\s*/?>\}\}", re.DOTALL)
_ARG_RE = re.compile(r'(?:(?P<key>\w+)=)?(?:"(?P<dq>[^"]*)"|(?P<bare>[^\s"]+))')
_IFRAME_RE = re.compile(
    r"<iframe\b[^>]*?\bsrc\s*=\s*[\"']?(?P<src>[^\"'\s>]+)[^>]*>(?:.*?</iframe\s*>)?", re.IGNORECASE | re.DOTALL
)
_VIDEO_FILE_RE = re.compile(r"\.(?:mp4|webm|ogv|m4v)(?:[?#].*)?$", re.IGNORECASE)

_md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# CJK and full-width punctuation: a line break between two of them is not a space.
_CJK_RE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def _softbreak(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """A soft line break joins Chinese lines without the space a browser would show."""
    before = tokens[idx - 1].content[-1:] if idx > 0 else ""
    after = tokens[idx + 1].content[:1] if idx + 1 < len(tokens) else ""
    return "" if _CJK_RE.match(before) and _CJK_RE.match(after) else "\n"


_md.add_render_rule("softbreak", _softbreak)


def _video_block(src: str, label: str) -> str:
    """An HTML block for an embedded video: a player for plain files, else a link."""
    src = src.strip()
    if not re.match(r"^https?://", src, re.IGNORECASE):
        return ""
    original, _ = unwrap_capture(src)
    host = host_of(original) or host_of(src)
    esc = html.escape(src, quote=True)
    text = html.escape(label.replace("{host}", host or "?"))
    player = ""
    if _VIDEO_FILE_RE.search(original):
        player = f'<video controls preload="none" src="{esc}"></video>\n'
    return f'\n\n<div class="video">\n{player}<a class="capture-link" href="{esc}">▶ {text}</a>\n</div>\n\n'


def _shortcode_args(args: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for i, m in enumerate(_ARG_RE.finditer(args)):
        value = m.group("dq") if m.group("dq") is not None else (m.group("bare") or "")
        out[m.group("key") or str(i)] = value
    return out


def expand_embeds(markdown: str, video_label: str) -> str:
    """Replace Hugo video/youtube shortcodes and raw iframes by safe video blocks."""

    def shortcode(m: re.Match[str]) -> str:
        args = _shortcode_args(m.group("args"))
        if m.group("name") == "youtube":
            vid = args.get("id") or args.get("0") or ""
            src = f"https://www.youtube.com/watch?v={vid}" if re.fullmatch(r"[\w-]+", vid) else ""
        else:
            src = args.get("src") or args.get("0") or ""
        return _video_block(html.unescape(src), video_label) or ""

    markdown = _SHORTCODE_RE.sub(shortcode, markdown)
    return _IFRAME_RE.sub(lambda m: _video_block(html.unescape(m.group("src")), video_label), markdown)


class Renderer:
    """Renders bodies of one archive; ``is_local(id)`` says whether a story id is held."""

    def __init__(
        self, sites: frozenset[str], is_local: Callable[[int], bool], video_label: str = "Video ({host})",
        article_href: str = "/article/{id}",
    ) -> None:
        self.sites = sites
        self.is_local = is_local
        self.video_label = video_label
        self.article_href = article_href  # where a link to a held story points

    def _attribute_filter(self, tag: str, attr: str, value: str) -> str | None:
        if tag == "a" and attr == "href":
            story = article_id_of(value, self.sites)
            if story is not None and self.is_local(story):
                return self.article_href.format(id=story)
        return value

    def sanitize(self, fragment: str) -> str:
        return nh3.clean(
            fragment,
            tags=ALLOWED_TAGS,
            clean_content_tags={"script", "style", "template", "noscript", "textarea", "title"},
            attributes=ALLOWED_ATTRIBUTES,
            attribute_filter=self._attribute_filter,
            allowed_classes=ALLOWED_CLASSES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer",
            set_tag_attribute_values={"img": {"loading": "lazy", "referrerpolicy": "no-referrer"}},
            strip_comments=True,
        )

    def markdown(self, markdown: str) -> str:
        """Render Markdown (with embedded HTML) to sanitised HTML."""
        return self.sanitize(_md.render(expand_embeds(markdown, self.video_label)))


def sanitize_highlight(fragment: str) -> str:
    """Search snippets are escaped text with <mark>; keep exactly that and nothing else."""
    return nh3.clean(fragment, tags={"mark"}, attributes={}, strip_comments=True)
