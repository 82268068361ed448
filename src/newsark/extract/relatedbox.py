"""A box of other stories placed inside the article: its label, their links, their summaries.

An editor puts a box of related stories in the middle or at the end of a story: a label
('延伸 · 推荐', '相关阅读'), the other story's headline as a link, and on
some sites a paragraph of that story (163.com). The extractors take it as part of the
article, since it sits in the article's flow; in the Markdown the label and links alone
can be told apart (``furniture._without_related_links``), but a summary under them reads
like the article's next paragraph. On the page, the box is an element of its own that
starts with the label, and so it goes there, whole, before any extractor reads the page.

Only a small element (``BOX_CHARS``) that opens with the label and holds a link counts: a
label the article writes among its own paragraphs (Sina's '相关新闻：' over two links) has
the article around it, and stays for the Markdown's rule; so does a label over prose.
"""

from __future__ import annotations

from lxml import etree

from .candidates import drop_keeping_tail
from .furniture import related_label
from .links import goes_nowhere
from .nodetext import flat_text

BOX_CHARS = 600  # a box of one or two stories' headlines and summaries is no longer
SUMMARY_CHARS = 300  # text besides the links: at most this much per link (a summary each)
# The words of a Chinese related-stories label, and the text nodes that may be one. (Not
# English labels: taking out an English page's 'Related Articles' box moved trafilatura to
# the teasers further down on 2 of the 5 WCXB pages it changed.)
_LABEL_WORDS = ("相关", "相關", "延伸", "推荐", "推薦")
_LABEL_FIRSTS = "相延推"  # their first characters: a page with none of these has none of them
_LABEL_TEXTS = etree.XPath(
    "//text()[" + " or ".join(f"contains(., '{word}')" for word in _LABEL_WORDS) + "]"
    "[not(ancestor::a or ancestor::script or ancestor::title or ancestor::head)]")


def drop_related_boxes(doc: etree._Element, html: str) -> int:
    """Remove the boxes of related stories from the page (``html``, its text, spares the
    walk of every text node on a page that writes none of the labels' words: 1.5 ms of an
    English page); returns how many went."""
    # (One character is found much faster than two in a page's text: str.find looks a
    # single character up with memchr, while the five words cost 0.9 ms of an English page.)
    if not any(first in html for first in _LABEL_FIRSTS) or not any(word in html for word in _LABEL_WORDS):
        return 0
    boxes: list[etree._Element] = []
    for node in _LABEL_TEXTS(doc):
        holder = node.getparent()
        if holder is None or node.is_tail or len(node) > 80:
            continue
        label = flat_text(holder)
        if not related_label(label):
            continue
        box = holder
        while box.getparent() is not None and len(flat_text(box)) <= len(label):
            box = box.getparent()  # up to the element that holds more than the label
        if _is_box(box, label) and not any(b in boxes for b in box.iterancestors()):
            boxes.append(box)
    for box in boxes:
        drop_keeping_tail(box)
    return len(boxes)


def _is_box(box: etree._Element, label: str) -> bool:
    text = flat_text(box)
    if len(text) > BOX_CHARS or not text.startswith(label) or box.tag in ("body", "html", "article", "main"):
        return False
    links = [a for a in box.iter("a") if not goes_nowhere(a.get("href") or "#") and a.text_content().strip()]
    if not links:
        return False
    link_chars = sum(len(flat_text(a)) for a in links)
    return len(text) - len(label) - link_chars <= SUMMARY_CHARS * len(links)
