"""The story a page's JSON-LD ``articleBody`` holds, when its HTML shows little of it.

An application's shell saved before its script drew the story, or a paywall's teaser,
shows a line or two; the page's structured data may still hold the whole text. That text
becomes the body (a paragraph per line, or its own markup when it is written in HTML) when
it is long and the extracted body a small part of it, or when the body is that text run
into one paragraph (trafilatura's last resort reads it so).
"""

from __future__ import annotations

import html as html_lib
import re

import lxml.html
from lxml import etree

from .plaintext import plain_text

STRUCTURED_BODY_CHARS = 500  # a JSON-LD articleBody this long ...
STRUCTURED_BODY_SHARE = 0.25  # ... and the extracted body at most this share of it: use it


def structured_body_instead(article_body: str | None, markdown: str,
                            parser: etree.HTMLParser) -> etree._Element | None:
    """The articleBody as body markup when it should stand for the extracted body (see the
    module's docstring), else None. On the development pages that have one, the extracted
    body is the longer or close to it (the articleBody is often cut at 500 characters), and
    this never applies."""
    if not article_body:
        return None
    element = _article_body_element(article_body, parser)
    flat = "".join(element.text_content().split())
    body = "".join(plain_text(markdown, with_captions=False).split())
    if body == flat:
        # the body is the articleBody already (trafilatura's last resort reads it), in one
        # paragraph: its own paragraphs are wanted
        blocks = sum(1 for block in markdown.split("\n\n") if block.strip())
        return element if len(element) > blocks else None
    return element if len(flat) >= STRUCTURED_BODY_CHARS and len(body) < STRUCTURED_BODY_SHARE * len(flat) else None


_TAG_RE = re.compile(r"<(?:p|br|div|h[1-6]|ul|ol|li|blockquote|a|img|strong|em|b|i)\b[^>]*>", re.IGNORECASE)


def _article_body_element(article_body: str, parser: etree.HTMLParser) -> etree._Element:
    """The articleBody as body markup: its own HTML when it is written in HTML, else a
    paragraph per line (as text: nothing in it is read as markup)."""
    if _TAG_RE.search(article_body):
        try:
            return lxml.html.fragment_fromstring(article_body, create_parent="div", parser=parser)
        except (etree.ParserError, ValueError):
            pass  # read as text below
    div = lxml.html.Element("div")
    for line in html_lib.unescape(article_body).split("\n"):  # (JSON-LD text often keeps &amp;)
        if line.strip():
            p = etree.SubElement(div, "p")
            p.text = line.strip()
    return div
