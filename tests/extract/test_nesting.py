"""Pages that leave a tag open on every line nest past the parser's limit (nesting.py)."""

from __future__ import annotations

import pytest

from newsark.extract import extract_page
from newsark.extract.nesting import unnested

LINES = 300  # past libxml2's 256 levels: the lines after the 254th were dropped unread


def _page(opener: str, line: str, end: str, title: str = "Old page") -> bytes:
    body = "".join(f"<{opener}>{line.format(i=i)}" for i in range(LINES))
    return f"<html><head><title>{title}</title></head><body>{body}<p>{end}</p></body></html>".encode()


@pytest.mark.parametrize("opener", ["font color=red", "div class=line", "span", "blockquote"])
def test_a_chinese_page_with_a_tag_left_open_on_every_line_is_read_to_its_end(opener: str) -> None:
    line = "第{i}段，這是一個舊網頁的內容，文字足夠長，看起來像是正文的一部分，讀者可以閱讀。"
    ex = extract_page(_page(opener, line, "全文完，作者在結尾這樣寫道。", "舊網頁"))
    assert ex.text.count("段，這是") == LINES and ex.text.rstrip().endswith("全文完，作者在結尾這樣寫道。")


@pytest.mark.parametrize("opener", ["font size=2", "div", "ul><li", "table><tr><td"])
def test_an_english_page_with_tags_left_open_keeps_every_line(opener: str) -> None:
    line = "Paragraph {i} of the old page, with enough words in it to read as a line of prose. "
    ex = extract_page(_page(opener, line, "THE END, said the writer in closing."))
    assert ex.text.count("Paragraph") == LINES and "THE END" in ex.text


def test_unnesting_keeps_the_text_and_the_paragraphs() -> None:
    html = '<div class="a"><font color=red>one<div><span>two</span></div>three'
    assert unnested(html) == "<p>one<p>two<p>three"
    assert unnested("<ul><li>a<ul><li>b</ul></ul>c", lists=True) == "<p><p>a<p><p>b<p><p>c"
    assert unnested("<ul><li>a</ul>") == "<ul><li>a</ul>"  # lists only when asked


def test_a_page_nested_too_deep_for_any_reading_is_a_clear_error() -> None:
    deep = "".join(f"<sup>第{i}行文字。" for i in range(1800)).encode()  # no tag of it can be undone
    with pytest.raises(ValueError, match="nest too deep"):
        extract_page(b"<html><body>" + deep + b"</body></html>")


def test_a_nul_in_the_page_is_no_character() -> None:
    ex = extract_page(b"<html><body><p>Hello\x00 world, a line of text with enough words to keep.</p></body></html>")
    assert "Hello world" in ex.text and "\ufffd" not in ex.text and ex.suspicious == 0


def test_what_the_parser_nests_inside_a_void_element_is_moved_out_after_it() -> None:
    """libxml2 does not know <source>, <wbr>, <track>, <embed> as void: a <picture>'s image
    sits inside each <source> before it, a word after a <wbr> inside the <wbr>. Moved out,
    in the page's order, text and tails kept."""
    from lxml import etree, html

    from newsark.extract.nesting import empty_void_elements

    page = ("<div><picture><source srcset='a.webp'><source srcset='b.webp'><img src='c.jpg'></picture>"
            "<p>long<wbr>word and <b>more</b> after</p><video><source src='v.mp4'><track src='t.vtt'>Your browser"
            "</video></div>")
    doc = html.fromstring(page)
    assert doc.find(".//img").getparent().tag == "source"
    assert empty_void_elements(doc, page) == 5
    assert etree.tostring(doc, encoding="unicode") == (
        '<div><picture><source srcset="a.webp"/><source srcset="b.webp"/><img src="c.jpg"/></picture>'
        '<p>long<wbr/>word and <b>more</b> after</p><video><source src="v.mp4"/><track src="t.vtt"/>Your browser'
        "</video></div>")
    assert empty_void_elements(html.fromstring("<p>no such element</p>"), "<p>no such element</p>") == 0


def test_a_picture_elements_lead_picture_in_a_lightbox_link_to_its_own_page_still_leads() -> None:
    """The Guardian's lead picture: a <picture> of many <source>s in a link to '#img-1' (its
    lightbox). With the sources emptied, the link is two levels above the picture; it links
    to a place on the story's own page, not to another story, so the picture still leads."""
    from lxml import html

    from newsark.extract.leadpicture import lead_picture
    from newsark.extract.page import parse_document

    sources = "".join(f"<source media='(min-width: {w}px)' srcset='https://i.example.org/ferry.jpg?width={w}'>"
                      for w in (980, 740, 660, 480, 320))
    paragraphs = "".join(f"<p>The harbour ferry will change its timetable in month {n}, after a long review by the "
                         "board, which heard from commuters, traders and the crews who run the boats.</p>"
                         for n in range(1, 7))
    picture = ("<div class='media'><a href='{href}' class='lightbox'><div class='ratio'><picture>" + sources +
               "<img src='https://i.example.org/ferry.jpg?width=300' alt='The ferry'></picture></div></a>"
               "<p class='caption'>The ferry at the pier. Photograph: A. Person</p></div>")
    for href, leads in (("#img-1", True), ("javascript:void(0)", True), ("https://news.example.org/other-story", False)):
        page = ("<html><head><title>Ferry</title></head><body><article><h1>Harbour ferry timetable changes</h1>"
                + picture.format(href=href) + "<div class='body'>" + paragraphs + "</div></article></body></html>")
        doc = parse_document(page)
        assert [a.tag for a in doc.find(".//img").iterancestors()][:3] == ["picture", "div", "a"]
        img = lead_picture(doc, html.fromstring(f"<div>{paragraphs}</div>"))
        assert (img is not None) == leads, href
