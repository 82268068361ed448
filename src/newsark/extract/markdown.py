"""An lxml element tree (an extracted article body) to corpus-style Markdown.

Paragraphs, headings, lists, block quotes, tables, links and emphasis become Markdown;
figures become the corpus's HTML block::

    <figure>
    <img src="..." alt="">
    <figcaption>caption</figcaption>
    </figure>

(``alt`` holds the page's own description of the picture when it is not the caption.)

Links and images go through a LinkMapper (links.py): absolute, and capture URLs (``im_``
for images) when the page came from a Wayback capture, like the corpus.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from lxml import etree

from newsark.unseen import INVISIBLE, visible

from .credits import STORY_SOURCE, split_credit
from .links import LinkMapper, goes_nowhere
from .media import (
    SCHEME_RE,
    caption_parts,
    captioned,
    figure_html,
    image_alt,
    image_src,
    is_content_image,
    link_caption,
    video_shortcode,
)
from .nodetext import flat_text, text_with_breaks
from .plaintext import plain_block, plain_text, replace_code_spans

_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "ul", "ol", "li",
    "blockquote", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "figure", "hr",
    "dl", "dt", "dd", "form", "center", "tr", "td", "th", "tbody", "thead", "caption",
}
# (a <title> misplaced into the body, as a page wrapped in other markup has it, is never
# shown either: browsers hide it wherever it stands)
_SKIP = {"script", "style", "noscript", "template", "button", "svg", "iframe", "form",
         "input", "select", "textarea", "nav", "object", "embed", "canvas", "map", "head", "title"}
_HEADING_IN = etree.XPath("boolean(.//h2|.//h3|.//h4|.//h5|.//h6)")
# A list item written as blocks, not as a line: a nested list, a heading, a quote, code, a
# table or several paragraphs in it.
_STRUCTURED_ITEM = etree.XPath(
    "boolean(.//ul|.//ol|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//blockquote|.//pre|.//table|p[2])")
_LIST_START_RE = re.compile(r"(-|\d+\.) ")
_NO_WORD_RE = re.compile(r"[\W_]+")
_WS_RE = re.compile(r"[ \t\r\n\u00a0\u3000]+")
_SPACES_RE = re.compile("   *")  # two spaces or more: " {2,}" written so that the engine looks up its start (2.4x faster)
_LINK_HREF_RE = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)")  # a Markdown link's (text, href)
CREDIT_CHARS = 300  # a longer paragraph under a figure is text, not its credit (Markdown) ...
CREDIT_WORDS = 12  # ... nor one of more words


def shown_caption(figure: dict[str, str]) -> str:
    """A figure's caption as its block shows it: the caption, then the credit."""
    return " ".join(filter(None, [figure["caption"], figure["credit"]]))


def _credit_line(text: str) -> str:
    """The credit a Markdown line is made of ('*Source: [statista.com](…)*' → 'Source:
    statista.com'), or "": not a sentence ('Source: the council said …'), nor the story's
    source (来源：新华网)."""
    if len(text) > CREDIT_CHARS or text.startswith(("<", "{{<", "#", "|", "```", "- ")):
        return ""
    plain = plain_text(text, with_captions=False)
    words = len(plain.split())
    if words > CREDIT_WORDS or (words > 6 and plain.endswith((".", "!", "?"))) or "\n" in plain \
            or plain.startswith(STORY_SOURCE):
        return ""
    caption, credit = split_credit(plain)
    return "" if caption else credit


def _inline_text(text: str | None) -> str:
    if not text:
        return ""
    # Most text nodes hold single spaces only: nothing to collapse, and the pattern (run on
    # every text node of every body) is not tried.
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\u00a0" in text or "\u3000" in text:
        return _WS_RE.sub(" ", text)
    return text


_BACKTICKS_RE = re.compile(r"`+")


def code_span(el: etree._Element) -> str:
    """Inline code as Markdown writes it: its text as it is (a code span takes no escapes:
    '`read_file`', not '`read\\_file`'), between backticks one more than the longest run
    inside it, spaced from a backtick at either end."""
    code = " ".join("".join(el.itertext()).split())
    if not code:
        return ""
    fence = "`" * (max((len(run) for run in _BACKTICKS_RE.findall(code)), default=0) + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{fence}{pad}{code}{pad}{fence}"


_BOLD = ("strong", "b")
_ITALIC = ("em", "i")


def _within(el: etree._Element, tags: tuple[str, ...]) -> bool:
    return next(el.iterancestors(*tags), None) is not None


def _bracketless_code(code: str, span: str) -> str:
    """A code span of a link's text, as text when it holds a bracket."""
    return _escape_md(code) if "[" in code or "]" in code else span


_NEEDS_ESCAPE = re.compile(r"[*_\\`]").search


def _escape_md(text: str) -> str:
    # Only what would change the meaning at the start of a line, in emphasis, or as code
    # (a backtick the page writes as text opens no code span).
    if not text or not _NEEDS_ESCAPE(text):
        return text
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")


# White space (what str.strip() strips: line breaks, no-break spaces …) and the
# invisible characters that newsark.unseen drops
_EDGE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + INVISIBLE


def _edge_space(edge: str) -> str:
    """What the white space at an emphasis's edge becomes outside its markers: a line
    break if it holds one, a space if it holds any other, else (invisible characters
    alone) nothing."""
    return "\n" if "\n" in edge else " " if any(c.isspace() for c in edge) else ""


def _append_inline(parts: list[str], piece: str) -> None:
    """Append an inline piece. Bold or italic right after bold or italic of the same kind,
    nothing between ('<b>trend</b><b>s</b>', '<b>B</b><b>reakfast:</b>'), continues it:
    '**trends**', not '**trend****s**'."""
    if len(parts) >= 2 and parts[-1] == "":
        prev = parts[-2]
        for mark in ("**", "*"):
            if (prev.endswith(mark) and not prev.endswith("*" + mark) and piece.startswith(mark)
                    and not piece.startswith(mark + "*") and not prev.endswith("\\" + mark)):
                parts[-2] = prev[: -len(mark)]
                piece = piece[len(mark):]
                break
    parts.append(piece)


class MarkdownWriter:
    """Walk a body element; collect Markdown blocks and figures."""

    def __init__(self, links: LinkMapper, caption_of: Callable[[etree._Element], tuple[str, str]] | None = None):
        self.links = links
        self.blocks: list[str] = []
        self.figures: list[dict[str, str]] = []
        self.caption_of = caption_of
        self._seen_images: set[str] = set()
        self._used_captions: set[str] = set()

    # -- inline --------------------------------------------------------------------
    def inline(self, el: etree._Element) -> str:
        parts: list[str] = [_escape_md(_inline_text(el.text))]
        for child in el:
            _append_inline(parts, self._inline_child(child))
            parts.append(_escape_md(_inline_text(child.tail)))
        return "".join(parts)

    def _inline_child(self, child: etree._Element) -> str:
        tag = child.tag if isinstance(child.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP or not tag:
            return ""
        if tag == "br":
            return "\n"
        if tag == "img":
            self._image(child)
            return ""
        if tag == "video":
            self._video(child)
            return ""
        inner = self.inline(child)
        # White space at either end of the element's text ('the<b> payment method</b>')
        # goes outside the markers: '**payment method**' only reads as bold without it.
        # So does a line break, and an invisible character that is dropped later: a
        # marker after '<strong>Faster builds<br>\u200d</strong>' would start the next
        # line ('**Tools like…') and close nothing.
        text = inner.strip(_EDGE)
        before = _edge_space(inner[: len(inner) - len(inner.lstrip(_EDGE))]) if text else ""
        after = _edge_space(inner[len(inner.rstrip(_EDGE)):]) if text else ""
        # Emphasis of punctuation alone ('<i>. </i>' after an italic run) is written
        # without markers: '*here**.*' would read as bold markers run together.
        # Emphasis inside the same emphasis ('<strong><b>…</b></strong>') adds nothing: its
        # markers would only run into the outer ones ('******For those short on time').
        if tag in _BOLD and text and not _NO_WORD_RE.fullmatch(text):
            return inner if _within(child, _BOLD) else f"{before}**{text}**{after}"
        if tag in _ITALIC and text and not _NO_WORD_RE.fullmatch(text):
            return inner if _within(child, _ITALIC) else f"{before}*{text}*{after}"
        if tag == "a":
            href = self.links(child.get("href") or "")
            if href and text and not goes_nowhere(href):
                # brackets in the text and parentheses or spaces in the URL would end
                # the link early ('[[Guide] More]', 'wiki/Foo_(bar)'); code with brackets
                # in a link's text is written as text, where they can be escaped
                if "`" in text and ("[" in text or "]" in text):
                    text = replace_code_spans(text, _bracketless_code)
                text = text.replace("[", "\\[").replace("]", "\\]")
                href = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                return f"{before}[{text}]({href}){after}"
            return inner
        if tag == "code":
            return code_span(child)
        if tag in _BLOCK:
            # A block inside a run of text (a <div> of a list item, a card's lines): the
            # page shows it on a line of its own, so its words never run into the next.
            return f" {inner} "
        return inner

    # -- blocks --------------------------------------------------------------------
    def _flush(self, text: str, prefix: str = "") -> None:
        # (runs of spaces come only from joining inline pieces that each kept one)
        lines = [ln for ln in (_SPACES_RE.sub(" ", ln).strip() for ln in text.split("\n")) if ln]
        # A paragraph whose line starts like a Markdown block ('1. Safety first', '- 3 °C',
        # '# 1 hit') is text: escaped, it stays a paragraph and keeps its number or sign.
        if lines and lines[0][:1] in _BULLETS and all(_BULLET_RE.match(ln) for ln in lines):
            # lines drawn as a list with a bullet character ('• Sweat towel<br>• Lock'): a list
            out = "\n".join("- " + _LINE_START_RE.sub(r"\1\\\2", _BULLET_RE.sub("", ln)) for ln in lines)
        else:
            out = "\n".join(_LINE_START_RE.sub(r"\1\\\2", ln) for ln in lines)
        if out:
            self.blocks.append(prefix + out if prefix else out)

    def _image(self, img: etree._Element, caption: str = "", credit: str = "") -> None:
        raw = image_src(img)
        if not is_content_image(img, raw, lambda: self._captioned(img)):
            return
        src = self.links(raw, image=True)
        seen = SCHEME_RE.sub("", src)  # the same picture over http and https
        if seen in self._seen_images:
            return
        self._seen_images.add(seen)
        if not caption and self.caption_of is not None:
            caption, credit = self.caption_of(img)
        caption = " ".join(caption.split())
        if not any(c.isalnum() for c in caption):
            caption = ""  # a template's "." or "|" where no one wrote a caption
        # The Markdown keeps the caption as the page shows it; ``figures`` splits the credit.
        shown = " ".join(filter(None, [caption, credit]))
        self._used_captions.update(filter(None, [caption, shown]))  # not again as a paragraph
        if not credit:
            caption, credit = split_credit(caption)
        alt = image_alt(img, shown)
        if shown and self.blocks and self.blocks[-1] in (shown, caption, _escape_md(shown), _escape_md(caption)):
            # the caption, put before its picture as a paragraph (trafilatura moves an
            # image out of the <button> that opens it, behind its caption)
            self.blocks.pop()
        self.blocks.append(figure_html(src, shown, alt))
        figure = {"src": src, "caption": caption, "credit": credit}
        if alt:  # only where the page describes the picture otherwise than its caption
            figure["alt"] = alt
        self.figures.append(figure)

    def _captioned(self, img: etree._Element) -> bool:
        """Whether the page captions a picture: in the body (a figure's own caption) or
        where the page shows it (an extractor's body may have kept the picture without
        its figure)."""
        return captioned(img) or (self.caption_of is not None and any(self.caption_of(img)))

    def _video(self, video: etree._Element) -> None:
        """An HTML5 <video> of the article: the corpus's video shortcode (its own src, or
        its first <source>'s)."""
        raw = video.get("src") or video.get("data-src") or ""
        if not raw:
            source = video.find(".//source")
            raw = (source.get("src") or source.get("data-src") or "") if source is not None else ""
        if not raw or raw.startswith(("blob:", "data:")):
            return
        src = self.links(raw, frame=True)
        if src not in self._seen_images:
            self._seen_images.add(src)
            self.blocks.append(video_shortcode(src))

    def block(self, el: etree._Element) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP:
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = max(2, int(tag[1]))  # the title is the only level-1 heading
            text = " ".join(self.inline(el).split())
            if text.startswith("**") and text.endswith("**") and "**" not in text[2:-2] and len(text) > 4:
                text = text[2:-2]  # a heading is bold already: '## **Title**' says it twice
            if visible(text):  # (not a page builder's spacer: '<h2>\u200b\u200b</h2>')
                self.blocks.append("#" * level + " " + text)
            return
        if tag == "figure":
            imgs = el.findall(".//img")
            if not imgs:
                # A figure of a table, a quote or code: its content is text. (The caption
                # of an image an extractor dropped is not: it stays out, with its image.)
                for child in el:
                    if isinstance(child.tag, str) and child.tag.lower() != "figcaption":
                        self.block(child)
                return
            cap_el = el.find(".//figcaption")
            caption, credit = caption_parts(cap_el) if cap_el is not None else ("", "")
            for img in imgs:
                self._image(img, caption, credit)
                caption = credit = ""  # one caption per figure
            return
        if tag == "img":
            self._image(el)
            return
        if tag == "video":
            self._video(el)
            return
        if tag in ("ul", "ol"):
            start = el.get("start") or ""
            n = int(start) - 1 if start.isdigit() else 0  # <ol start="4">: the list goes on
            for li in el:
                if not isinstance(li.tag, str) or li.tag.lower() != "li":
                    continue
                n += 1
                marker = f"{n}." if tag == "ol" else "-"
                if _STRUCTURED_ITEM(li):
                    item = self._item(li, " " * (len(marker) + 1))
                else:
                    item = " ".join(self.inline(li).split())
                if item:
                    self.blocks.append(f"{marker} {item}")
            self.blocks.append("")  # list end
            return
        if tag == "blockquote":
            sub = MarkdownWriter(self.links, self.caption_of)
            sub.walk(el)
            self.figures.extend(sub.figures)
            text = sub.markdown()
            if text:
                self.blocks.append("\n".join("> " + ln if ln else ">" for ln in text.split("\n")))
            return
        if tag == "table":
            self._table(el)
            return
        if tag == "pre":
            self.blocks.append("```\n" + text_with_breaks(el).strip("\n") + "\n```")
            return
        if tag == "hr":
            return
        if tag == "figcaption":
            text = flat_text(el)
            if text and text not in self._used_captions:
                self.blocks.append(text)
            return
        # Mixed content: inline runs become paragraphs, block children recurse.
        if any((isinstance(c.tag, str) and c.tag.lower() == "img") or _reads_as_block(c) for c in el):
            self.walk(el)
        else:
            self._para(self.inline(el))

    def _para(self, text: str) -> None:
        text = text.strip()
        if text and not self._caption_again(text) and not self._credit_of_figure(text) \
                and not self._caption_piece(text):
            self._flush(text)

    def _caption_again(self, text: str) -> bool:
        """A paragraph that is a figure's caption already written, with its formatting too
        ('Wei-An Jin for *Quanta Magazine*': Quanta's figcaption holds a <p>, which
        trafilatura reads as a paragraph of the story). One with a link stays: the
        figure's caption is plain text, and the link ('*[Source](…)*') would be lost."""
        return text in self._used_captions or (
            bool(self._used_captions) and any(m in text for m in "*_`") and "](" not in text
            and plain_block(text) in self._used_captions)

    def _credit_of_figure(self, text: str) -> bool:
        """A line that is only a credit ('Source: statista.com', 'Photo: Gene J. Puskar')
        right under a figure is that figure's credit: folded into it, or dropped when the
        figure's caption already ends with it (the page shows it twice)."""
        if not (self.figures and self.blocks and self.blocks[-1].startswith("<figure")):
            return False
        credit = _credit_line(text)
        if not credit:
            return False
        figure = self.figures[-1]
        if shown_caption(figure).endswith(credit):
            return True
        if figure["credit"]:
            return False
        figure["credit"] = credit
        block = self.blocks[-1]
        if "<a href=" in block:  # a caption with links (link_caption): the credit goes after them
            at = block.rindex("</figcaption>")
            self.blocks[-1] = f"{block[:at]} {html.escape(credit, quote=False)}{block[at:]}"
        else:
            self.blocks[-1] = figure_html(figure["src"], shown_caption(figure), figure.get("alt", ""))
        return True

    def _caption_piece(self, text: str) -> bool:
        """A paragraph right under a figure that is a piece of its caption: what trafilatura
        keeps of a <figcaption> is its links and formatting, each run a paragraph of its
        own ('[Jacqueline & Laura](…) via' and '[One Fab Day](…)' under 'Image by Jacqueline
        & Laura via One Fab Day'; '*[Source](…)*' under 'Source'). Dropped; its links go
        onto the caption's words, so none is lost."""
        if not (self.figures and self.blocks and self.blocks[-1].startswith("<figure")) or "![" in text:
            return False
        shown = "".join(shown_caption(self.figures[-1]).split())
        piece = "".join(plain_text(text, with_captions=False).split())
        if not piece or piece not in shown:
            return False
        links = [(plain_text(words, with_captions=False), href) for words, href in _LINK_HREF_RE.findall(text)]
        if links:
            self.blocks[-1] = link_caption(self.blocks[-1], links)
        return True

    def walk(self, el: etree._Element) -> None:
        run: list[str] = [_escape_md(_inline_text(el.text))]
        for child in el:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag == "button" and _HEADING_IN(child):
                # an accordion's question (FAQ): a heading inside the button that opens it
                self._para("".join(run))
                run = []
                self.walk(child)
            elif _reads_as_block(child):
                self._para("".join(run))
                run = []
                self.block(child)
            elif tag in ("img", "video"):
                self._para("".join(run))
                run = []
                self._image(child) if tag == "img" else self._video(child)
            else:
                _append_inline(run, self._inline_child(child))
            run.append(_escape_md(_inline_text(child.tail)))
        self._para("".join(run))

    def _item(self, li: etree._Element, indent: str) -> str:
        """A list item holding blocks (a nested list, a heading and its paragraphs): its
        blocks as Markdown, continuation lines indented under the marker; a nested list
        follows its item's text on the next line (a tight list)."""
        sub = MarkdownWriter(self.links, self.caption_of)
        sub._seen_images, sub._used_captions = self._seen_images, self._used_captions
        sub.walk(li)
        self.figures.extend(sub.figures)
        parts = sub.markdown().split("\n\n")
        text = parts[0] if parts else ""
        for part in parts[1:]:
            text += ("\n" if _LIST_START_RE.match(part) else "\n\n") + part
        return "\n".join(indent + ln if ln and i else ln for i, ln in enumerate(text.split("\n")))

    def _table(self, table: etree._Element) -> None:
        own_rows = _OWN_ROWS(table)
        cells_of = [[c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")] for tr in own_rows]
        # (each row's one cell at most, and whether it holds blocks, worked out once)
        column = [(cells[0], any(_reads_as_block(c) for c in cells[0])) for cells in cells_of if cells] \
            if own_rows and all(len(cells) <= 1 for cells in cells_of) else []
        if any(holds for _, holds in column):
            # A layout table of one column around the article (an old site's page frame):
            # each cell is a container, its paragraphs, headings and lists kept apart.
            for cell, holds in column:
                if holds:
                    self.walk(cell)
                else:
                    self._para(" ".join(self.inline(cell).split()))
            return
        rows: list[list[str]] = []
        for tr in table.iter("tr"):
            cells = [" ".join(self.inline(c).split()).replace("|", "\\|")
                     for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
            if any(cells):
                rows.append(cells)
        if not rows:
            return
        width = max(len(r) for r in rows)
        if width == 1:  # layout table: its cells are paragraphs
            for r in rows:
                self._para(r[0])
            return
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        self.blocks.append("\n".join(lines))

    def markdown(self) -> str:
        # A list's items, one per line, are gathered and joined once (adding each to the
        # growing list took 0.34 s for a list of 20,000 items, and grows with its square).
        groups: list[list[str]] = []
        prev_list = False
        for b in self.blocks:
            if b == "":
                prev_list = False
                continue
            is_list = bool(re.match(r"^(-|\d+\.) ", b))
            if groups and is_list and prev_list:
                groups[-1].append(b)
            else:
                groups.append([b])
            prev_list = is_list
        return "\n\n".join("\n".join(group) for group in groups).strip()


def to_markdown(
    el: etree._Element,
    links: LinkMapper,
    caption_of: Callable[[etree._Element], tuple[str, str]] | None = None,
) -> tuple[str, list[dict[str, str]]]:
    """Markdown of an element's content and the figures found in it."""
    _open_misnested_navs(el)
    writer = MarkdownWriter(links, caption_of)
    writer.walk(el)
    return writer.markdown(), writer.figures


# Elements that hold blocks without being one: a web component ('<astro-island>', a page
# builder's '<growth-…>', Wired's '<inline-embed>' around a quote), an element this writer
# does not know ('<details>', '<font>'), a <span> around paragraphs. A browser lays out the
# blocks inside as blocks; read as a line of text they ran a whole page into one paragraph
# (WCXB 4267: 36,000 characters; 7 zh-cwced pages of old forums, their paragraphs inside a
# <font>). A link around blocks (a teaser card) stays a link, and bold or italics around one
# paragraph ('<strong><div><p>Virtual Classroom</p></div></strong>') stay a line in bold.
_BLOCK_INSIDE = etree.XPath("boolean(.//p|.//div|.//ul|.//ol|.//table|.//blockquote|.//pre|.//h1|.//h2|.//h3"
                            "|.//h4|.//h5|.//h6|.//section|.//article|.//figure)")
_PARAGRAPHS_INSIDE = etree.XPath("count(.//p|.//li|.//blockquote|.//pre|.//table|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6)")
_EMPHASIS = frozenset((*_BOLD, *_ITALIC, "u"))


def _holds_blocks(el: etree._Element) -> bool:
    """Whether an element that is not a block of this writer holds blocks (read as a container)."""
    if not len(el) or not isinstance(el.tag, str):
        return False
    tag = el.tag.lower()
    if tag in _SKIP or tag in ("a", "img", "video", "br"):
        return False
    if tag in _EMPHASIS:
        return _PARAGRAPHS_INSIDE(el) >= 2
    return bool(_BLOCK_INSIDE(el))


def _reads_as_block(el: etree._Element) -> bool:
    """Whether the writer lays an element out as blocks: a block of its own, or one that
    holds blocks (``_holds_blocks``)."""
    return isinstance(el.tag, str) and (el.tag.lower() in _BLOCK or _holds_blocks(el))


_OWN_ROWS = etree.XPath("./tr|./tbody/tr|./thead/tr|./tfoot/tr")


def _open_misnested_navs(el: etree._Element) -> None:
    """A <nav> holding most of the body's text is no menu: a page that leaves an element
    of its menu open parses with the whole article inside the <nav> (a WCXB page's 34,000
    characters came out as nothing). Such a <nav> is read as a plain container."""
    navs = list(el.iter("nav"))
    if navs:  # (itertext: a body from trafilatura is a plain lxml.etree tree, no text_content)
        half = len("".join(el.itertext())) / 2
        for nav in navs:
            if len("".join(nav.itertext())) > half:
                nav.tag = "div"


_BULLETS = "•▪●◦‣∙·"
_BULLET_RE = re.compile(f"^[{_BULLETS}]\\s+(?=\\S)")
_LINE_START_RE = re.compile(r"^(\d*)([.)](?= )|[-+>#](?= |$|#))")
