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
