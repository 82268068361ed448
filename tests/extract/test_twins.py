"""A caption written whole and cut short, with a script's "... more" / "less" between them,
is read once (twins.py)."""

from __future__ import annotations

import lxml.html

from newsark.extract import extract_page
from newsark.extract.twins import drop_truncated_twins

from .fixtures import EN_ARTICLE

CAPTION = ("Ferry passengers wait at the pier in Hanoi on Wednesday, Nov. 20, 2019, as the new timetable "
           "starts and the harbour authority adds two morning sailings to the route.")
GALLERY = (
    '<ul class="hst-resgallery"><li class="hst-resgalleryitem"><div class="img-wrap">'
    '<img src="https://img.example.org/pier-gallery.jpg" alt=""></div><div class="caption">'
    f'<div class="caption-full">{CAPTION}<a class="more-caption"> less</a></div>'
    f'<div class="caption-truncated">{CAPTION[:120]}<a class="more-caption"> ... more</a></div>'
    '<span class="credit">Photo: Jo Example, AP</span></div></li></ul>'
)


def test_the_shortened_copy_and_the_toggles_go() -> None:
    html = f"<html><body><div>{GALLERY}</div></body></html>"
    doc = lxml.html.document_fromstring(html)  # (parse_document drops them itself)
    assert drop_truncated_twins(doc, html) == 1
    text = doc.text_content()
    assert text.count("Ferry passengers") == 1 and CAPTION in text and "Photo: Jo Example, AP" in text
    assert "more" not in text and "less" not in text


def test_a_copy_as_long_as_the_text_is_a_twin_too_and_other_text_stays() -> None:
    same = GALLERY.replace(CAPTION[:120], CAPTION)
    html = f"<html><body>{same}<p class='summary-truncated'>Another story entirely, told in short.</p>" \
           "<a>more</a></body></html>"
    doc = lxml.html.document_fromstring(html)  # (parse_document drops them itself)
    assert drop_truncated_twins(doc, html) == 1
    text = " ".join(doc.text_content().split())
    assert text.count("Ferry passengers") == 1 and "Another story entirely" in text
    # a page without such a copy keeps its toggles
    html = "<html><body><p>Text.</p><a>more</a></body></html>"
    doc = lxml.html.document_fromstring(html)  # (parse_document drops them itself)
    assert drop_truncated_twins(doc, html) == 0 and "more" in doc.text_content()


def test_the_picture_takes_the_caption_once_and_the_body_holds_it_no_more() -> None:
    page = EN_ARTICLE.replace("<ul><li>Morning", GALLERY + "<ul><li>Morning")
    ex = extract_page(page.encode(), url="https://news.example.org/2020/03/04/ferry")
    figure = next(f for f in ex.figures if f["src"].endswith("pier-gallery.jpg"))
    assert figure["caption"] == CAPTION and figure["credit"] == "Photo: Jo Example, AP"
    assert ex.markdown.count("Ferry passengers wait") == 1
    assert "... more" not in ex.markdown and " less" not in ex.text
