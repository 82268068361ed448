"""One page to an Extraction: charset, metadata, body (learned or generic), figures."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import lxml.html
from lxml import etree

from .amp import read_amp
from .authorbox import drop_author_box, drop_author_links
from .bylines import plausible_chinese_name
from .candidates import (
    Candidate,
    drop_keeping_tail,
    fast_text,
    from_trafilatura,
    hoist_closing_breaks,
    restore_link_formatting,
    swap_formatted_links,
    text_instead_of_grid,
)
from .captionrepeats import drop_caption_repeats
from .charset import count_suspicious, decode_html
from .choose import CJK_RE, choose, doubtful, fragment_or_menu, is_cjk
from .collapsed import open_collapsed
from .controls import (
    XML_REFUSED,
    drop_control_refs,
    drop_controls,
    drop_output_controls,
    drop_output_unseen,
)
from .dense import fallback as dense_fallback
from .dense import is_short
from .embeds import insert_embeds
from .endtags import closes_early, read_to_end
from .entries import first_entry
from .figures import (
    CaptionFinder,
    resolve_lazy_images,
    restore_figure_images,
    show_scripted_pictures,
)
from .furniture import drop_furniture
from .gallery import restore_gallery
from .headerlines import drop_header_lines
from .headings import restore_headings, unlink_self_anchored_headings
from .inline import restore_links
from .kind import not_article_reason, page_link_share  # noqa: F401 (page_link_share: moved, still importable)
from .leadpicture import lead_picture, with_lead_picture
from .links import LinkMapper, base_href, capture_parts, own_url
from .markdown import to_markdown
from .media import shown_figures
from .metadata import extract_metadata
from .nesting import empty_void_elements, stopped_too_deep, unnested
from .otherposts import drop_other_posts
from .plaintext import plain_text
from .readability_body import from_readability
from .relatedbox import drop_related_boxes
from .replay import drop_replay_toolbar, is_replayed, replay_capture
from .restore import restore_drop_caps, restore_images, restore_lead, restore_sandwiched
from .runs import (
    break_spacers,
    rejoin_split_runs,
    restore_dropped_openings,
    unwrapped_copy,
    wrap_text_runs,
)
from .sniff import html_bytes
from .spacing import restore_spaces
from .streamed import place_streamed
from .structured import structured_body_instead
from .tables import restore_list_tables
from .titleblock import drop_title_block
from .titles import is_placeholder_title, title_from_body
from .tooltips import drop_tooltips
from .trim import drop_repeats, trim_tail
from .twins import drop_truncated_twins
from .unflatten import unflattened
from .zone import page_lines, untitled_headline

if TYPE_CHECKING:
    from newsark.archive.article import Article

    from .profile import SiteProfile

CJK_ENOUGH = 300  # characters of a Chinese readability body that need no second opinion
CJK_PAGE = 200  # CJK characters in a page's HTML that make it worth the Chinese path
# One parse per page, shared by every step (trafilatura and readability copy or get a copy).
# Comments stay: learned site profiles count them among an element's children.
_PARSER = lxml.html.HTMLParser(collect_ids=False)
# The last resort for a page nested deeper than _PARSER reads, even without its open tags
# (nesting.py): 2048 levels instead of 256.
_DEEP_PARSER = lxml.html.HTMLParser(collect_ids=False, huge_tree=True)
# Every element is an HtmlElement, looked up in C. lxml.html's own lookup is a Python call
# for each element proxy made (to give <form>, <input>… their own classes, which nothing
# here uses), and the extractors make millions of proxies walking the tree and its copies:
# 4 % of the time on WCXB, with the same output on every development page.
for _parser in (_PARSER, _DEEP_PARSER):
    _parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
_LONG_DATA_URIS = etree.XPath("//@*[starts-with(., 'data:') and string-length(.) > 256]")
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_LIGATURE_ICONS = etree.XPath(
    "//*[@class][contains(@class, 'material-icons') or contains(@class, 'material-symbols')]")
_LIGATURE_RE = re.compile(r"[a-z0-9_]+")


@dataclass
class Extraction:
    title: str | None = None
    date: str | None = None
    last_updated: str | None = None
    author: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    lead: str | None = None
    markdown: str = ""
    text: str = ""
    figures: list[dict[str, str]] = field(default_factory=list)
    charset: str = "utf-8"
    suspicious: int = 0
    path: str = "generic"
    is_article: bool = True
    reason: str | None = None
    bylines: list[tuple[str, str]] = field(default_factory=list)
    chosen: str | None = None  # which body candidate (trafilatura/readability/profile)
    # ``suspicious`` counts the output (title + text); this counts the whole decoded page
    # before repair (icon fonts in CSS count here too).
    decode_suspicious: int = 0
    # Per metadata field, which path gave it: "learned" (a site profile's position) or "generic".
    meta_paths: dict[str, str] = field(default_factory=dict)
    # The Wayback capture the page is: as given, or found in a page saved from the replay.
    capture_url: str | None = None

    # The fields issue 5 names (a contract, in this order), then what else a user needs to
    # judge the result: suspicious characters left, whether it is an article and why not,
    # bylines with their roles, which path gave each metadata field and the body.
    JSON_KEYS = ("title", "date", "last_updated", "author", "category", "tags", "lead",
                 "markdown", "text", "figures", "charset", "path")
    EXTRA_KEYS = ("suspicious", "is_article", "reason", "bylines", "meta_paths", "chosen", "capture_url")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["bylines"] = [{"role": role, "name": name} for role, name in self.bylines]
        return {k: data[k] for k in (*self.JSON_KEYS, *self.EXTRA_KEYS)}

    def to_article(self, *, url: str | None, original_url: str | None) -> Article:
        """The corpus format (front matter + ``# title`` + Markdown body)."""
        from newsark.archive.article import make_article

        return make_article(
            title=self.title or "",
            body_markdown=self.markdown,
            date=self.date,
            last_updated=self.last_updated,
            author=self.author,
            category=self.category,
            tags=self.tags,
            url=url,
            original_url=original_url,
        )


def _cjk_count(text: str) -> int:
    """CJK characters in a page. The pattern runs on the non-ASCII characters only (a
    C-level pass drops the rest: most of an English page, all of its markup)."""
    if text.isascii():
        return 0
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    return len(CJK_RE.findall(rest))


_ASCII_BYTES = bytes(range(0x80))


def parse_document(text: str) -> etree._Element:
    return _parse(text)[0]


def _parse(text: str) -> tuple[etree._Element, str | None]:
    """The page's tree, and the HTML it was read from, for a library that reads the text
    itself; None when the page had to be read again without its open tags (nesting.py)."""
    declaration = _XML_DECL_RE.match(text)  # (a match at the start, not a search of the page)
    if declaration:
        text = text[declaration.end() :]
    if "\x00" in text:  # as a browser does: a NUL in the page is no character (libxml2 shows U+FFFD)
        text = text.replace("\x00", "")
    if closes_early(text):  # markup after </body> or </html>: a browser still shows it
        text = read_to_end(text)
    if not text or text.isspace():
        raise ValueError("page is empty")
    try:
        doc = lxml.html.document_fromstring(text, parser=_PARSER)
        deep = stopped_too_deep(_PARSER)
        if deep:  # the parser stopped at its nesting limit: read the page without its open tags
            doc = lxml.html.document_fromstring(unnested(text), parser=_PARSER)
            if stopped_too_deep(_PARSER):  # lists or tables left open too
                flat = unnested(text, lists=True)
                doc = lxml.html.document_fromstring(flat, parser=_PARSER)
                if stopped_too_deep(_PARSER):
                    doc = lxml.html.document_fromstring(flat, parser=_DEEP_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ValueError(f"page is not parseable HTML: {exc}") from exc
    # Inline SVG icons (thousands of path nodes on some pages) and style sheets are never
    # text; every extractor copies and walks the tree, so they go once here.
    etree.strip_elements(doc, "svg", "style", with_tail=False)
    empty_void_elements(doc, text)  # '<picture><source><img>': the picture is not inside the <source>
    read_amp(doc, text)  # an AMP copy's <amp-img> is a picture, its <amp-youtube> a player
    place_streamed(doc, text)  # React's streamed parts, put where its scripts would put them
    # Inline data: URIs (base64 placeholders, embedded pictures) are never an archived
    # image and every step skips them; but trafilatura's image pattern backtracks over each
    # one of up to 8 KB at quadratic cost (65 ms for one of them on a WCXB page). Cut short:
    # a stub "data:," still reads as an inline URI to every check. (Most pages never write
    # "data:", and are spared the search of every attribute.)
    for value in _LONG_DATA_URIS(doc) if "data:" in text else ():
        value.getparent().set(value.attrname, "data:,")
    # An icon font's ligature ('<i class="material-icons">chevron_right</i>') is drawn as
    # an icon, never read: its name is no text of the article.
    for icon in _LIGATURE_ICONS(doc) if "material-" in text else ():
        if _LIGATURE_RE.fullmatch(icon.text_content().strip()):
            drop_keeping_tail(icon)
    drop_tooltips(doc, text)  # a term's explanation drawn on hover is not read in the flow
    unlink_self_anchored_headings(doc)
    if is_replayed(text):  # saved from the Wayback Machine's replay: its toolbar is not the page
        drop_replay_toolbar(doc)
    open_collapsed(doc, text)  # an accordion's closed answers are text every extractor drops
    drop_truncated_twins(doc, text)  # a caption written whole and cut short ("... more"): once
    break_spacers(doc, text)  # an empty display:block element between two lines of text
    return doc, (None if deep else text)


def extract_page(
    data: bytes,
    *,
    url: str | None = None,
    http_content_type: str | None = None,
    capture_url: str | None = None,
    profile: SiteProfile | None = None,
) -> Extraction:
    """Extract one archived page. ``capture_url`` rewrites links to Wayback captures."""
    try:
        try:
            return _extract(data, url, http_content_type, capture_url, profile)
        except ValueError as exc:
            if XML_REFUSED not in str(exc):
                raise
            # A control character lxml read from the page but refuses to move (see
            # controls.py): read again without them. Looking for them in every page up front
            # would cost more (0.1-0.2 ms a page) than this retry does on the rare one.
            return _extract(data, url, http_content_type, capture_url, profile, without_controls=True)
    except RecursionError as exc:  # a page nested too deep even for the last resort (nesting.py)
        raise ValueError("page is not extractable: its elements nest too deep") from exc


def _extract(data: bytes, url: str | None, http_content_type: str | None, capture_url: str | None,
             profile: SiteProfile | None, *, without_controls: bool = False) -> Extraction:
    text, charset, decode_bad = decode_html(html_bytes(data), http_content_type=http_content_type)
    if without_controls:
        text = drop_control_refs(drop_controls(text))
    doc, html = _parse(text)
    drop_other_posts(doc, text)  # a WordPress post's teasers of other posts: no extractor's to read
    drop_related_boxes(doc, text)  # an editor's box of other stories in the article: a label, links, summaries
    if capture_url is None and is_replayed(text):  # saved from the Wayback Machine's replay
        capture_url = replay_capture(doc)
    if url is None and capture_url:
        parts = capture_parts(capture_url)
        url = parts[1] if parts else None
    if url is None:  # read without its address: the one it states itself, if any
        url = own_url(doc)
    hoist_closing_breaks(doc)  # first: a break left inside a link keeps it from being swapped
    swap_formatted_links(doc)
    show_scripted_pictures(doc)
    resolve_lazy_images(doc, url)
    links = LinkMapper(url, capture_url, base_href(doc))
    captions = CaptionFinder(doc, links)

    body: Candidate | None = None
    path = "generic"
    reason = None
    if profile is not None:
        body = profile.body(doc)
        if body is not None:
            path = "learned"
            reason = "site profile"
    if body is None:
        if _cjk_count(text) >= CJK_PAGE:
            body, reason = _chinese_body(doc, doc if html is None else html, url)
            wrap_text_runs(doc)  # (after the libraries read it) so its runs are found as blocks
            entry = first_entry(doc, body)
            if entry is not body:
                body, reason = entry, "the first of the page's dated entries (the body was a later one)"
        else:
            body, reason = _body(doc, url)
            body = restore_drop_caps(doc, restore_sandwiched(doc, drop_repeats(trim_tail(doc, body, url))))
            if body is not None:
                rejoin_split_runs(body.element, doc)
        if profile is not None and body is not None:
            body = profile.clean(body)

    out = Extraction(charset=charset, path=path, chosen=body.name if body else None,
                     decode_suspicious=decode_bad, capture_url=capture_url)
    lead_img = None
    if body is not None:
        restore_figure_images(body.element, doc)
        restore_images(doc, body.element)
        restore_gallery(doc, body.element)
        if body.name == "trafilatura":
            # Trafilatura loses a table's rows inside a list item, and its fallbacks write
            # headings as paragraphs and paragraphs without their links; readability keeps
            # all three (the headings it drops, it drops whole).
            restore_list_tables(body.element, doc)
            squeezed = "".join(body.text.split())  # (the body's text, as the steps before left it)
            restore_headings(body.element, doc, squeezed)
            restore_links(body.element, doc, squeezed)
        restore_link_formatting(body.element, doc)
        restore_spaces(body.element, doc)
        restore_dropped_openings(body.element, doc)  # (after the spaces: the page is searched for its words)
        lead_img = lead_picture(doc, body.element)
        md, figures = to_markdown(body.element, links, captions)
        out.markdown = insert_embeds(md, doc, links)
        out.figures = figures
    meta = extract_metadata(doc, url, plain_text(out.markdown), text)
    structured = structured_body_instead(meta.article_body, out.markdown, _PARSER)
    if structured is not None:
        md, figures = to_markdown(structured, links, captions)
        out.markdown, out.figures, out.chosen = md, figures, "json-ld articleBody"
        reason = "the page's JSON-LD articleBody (its HTML shows little of the article)"
    if profile is not None:  # learned metadata positions, per field, whichever body path was taken
        out.meta_paths = profile.apply_metadata(doc, meta)
    md = drop_title_block(drop_caption_repeats(out.markdown), meta.title)
    out.markdown = drop_author_links(drop_author_box(drop_furniture(md), meta.author))
    out.markdown = drop_header_lines(out.markdown, meta.author, (meta.date, meta.last_updated))
    if lead_img is not None and structured is None:
        out.markdown, out.figures = with_lead_picture(out.markdown, out.figures, lead_img, links, captions)
    out.figures = shown_figures(out.figures, out.markdown)
    # The body's prose: captions belong to their figures (``figures``), not to the text.
    out.text = plain_text(out.markdown, with_captions=False)
    out.title, out.date, out.last_updated = meta.title, meta.date, meta.last_updated
    if is_placeholder_title(out.title):  # a forum's '显示', an editor's 'Untitled Document'
        headline, rest = title_from_body(out.markdown)
        out.title = headline or out.title
        if headline and not meta.author and plausible_chinese_name(rest):  # '**犬儒病(上)** 胡平'
            meta.author, meta.bylines = rest, [("撰文", rest)]
    if not out.title and is_cjk(out.text):  # a Chinese page that names itself nowhere
        out.title = untitled_headline(page_lines(doc), out.text)
    out.author, out.bylines = meta.author, meta.bylines
    out.category, out.tags, out.lead = meta.category, meta.tags, meta.lead
    drop_output_controls(out)
    drop_output_unseen(out)  # soft hyphens, zero-width spaces: they split words for search
    out.suspicious = count_suspicious(f"{out.title or ''}\n{out.text}")
    if out.suspicious:
        _repair_mojibake(out)
    dated = out.date is not None and meta.page_type == "article"
    why_not = not_article_reason(out.markdown, out.text, doc, stated=dated and out.author is not None, dated=dated)
    out.is_article = why_not is None
    out.reason = why_not or reason
    return out


def _repair_mojibake(out: Extraction) -> None:
    """Text that was double-encoded before it was archived (UTF-8 read as cp1252 and
    saved again) decodes cleanly and still shows ``itâ€™s``: repaired where ftfy finds a
    certain decode chain, or fixes the double-encoded runs of otherwise clean text and
    leaves nothing bad (repair/mojibake.py, as for imported archives)."""
    from newsark.repair.mojibake import repair_text

    fixed = False
    for name in ("title", "markdown", "lead"):
        value = getattr(out, name)
        if value:
            new, changes, _ = repair_text(value, name, runs=True)
            if changes:
                setattr(out, name, new)
                fixed = True
    if fixed:
        out.text = plain_text(out.markdown, with_captions=False)
        out.suspicious = count_suspicious(f"{out.title or ''}\n{out.text}")


def _body(doc: etree._Element, url: str | None) -> tuple[Candidate | None, str]:
    """Trafilatura's main extractor first, without its own fallbacks (a third of its
    time; on some pages they swap a fine body for a longer, noisier one). When a cheap signal
    doubts its body (it misses text of its own container or long paragraphs of the page,
    is mostly links or menu lines, or is empty), readability is asked and the per-page
    choice made (choose.py). Trafilatura's full pipeline, with its fallbacks, is the third
    opinion when the two disagree, and the answer when the chosen body is still clearly a
    fragment or a menu and its body is not doubtful. Trafilatura's main extractor reads the
    page as parsed; everything after it, with the page's runs of bare text as paragraphs
    (runs.py), except the full pipeline: it reads them as the page wrote them
    (``unwrapped_copy``)."""
    traf = text_instead_of_grid(doc, url, from_trafilatura(doc, url, fast=True))
    wrap_text_runs(doc)
    if traf is not None and not doubtful(doc, traf):
        return traf, "trafilatura"
    read = from_readability(doc, url)
    # Trafilatura's full pipeline runs once at most, asked without pictures: with them it
    # takes a row of teasers' pictures for content on some pages (WCXB 4105); the body's
    # own pictures are put back later (restore.restore_images).
    full: list[Candidate | None] = []

    def full_traf() -> Candidate | None:
        if not full:
            full.append(from_trafilatura(unwrapped_copy(doc), url, fast=False, images=False))
        return full[0]

    got, why = choose(traf, read, full_traf, doc)
    if got is read:
        got = restore_lead(doc, got, traf)
    if got is None or fragment_or_menu(doc, got):
        alt = full_traf()
        if alt is not None and (got is None or not doubtful(doc, alt)):
            return unflattened(doc, alt), "trafilatura with its fallbacks"
    return unflattened(doc, got), why


def _chinese_body(doc: etree._Element, html: str | etree._Element,
                  url: str | None) -> tuple[Candidate | None, str]:
    # readability parses the text itself here: on Chinese pages its bodies from our tree
    # differ (it reads the page through its own utf-8 round trip), and measured a little worse.
    # (The tree, when the page had to be read without its open tags: nesting.py.)
    read = from_readability(html, url)
    if read is not None and isinstance(html, str) and drop_related_boxes(read.element, html):
        read = Candidate(read.name, read.element, fast_text(read.element))  # (it read the boxes from the text)
    if read is not None and is_cjk(read.text) and len(read.text) >= CJK_ENOUGH:
        # On Chinese pages readability's body wins (see choose.py); trafilatura is
        # only asked when readability finds too little.
        return read, "Chinese page: readability"
    traf = from_trafilatura(doc, url, fast=True)
    got, why = choose(traf, read, lambda: from_trafilatura(doc, url, fast=False))
    if is_short(got):  # both libraries found too little: the densest text block (dense.py)
        dense = dense_fallback(doc, got)
        if dense is not None:
            return dense, "Chinese page: densest text block (both libraries found too little)"
    return got, why
