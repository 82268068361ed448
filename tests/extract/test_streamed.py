"""React's streamed parts, put where the page's scripts put them (streamed.py)."""

from __future__ import annotations

import lxml.html

from newsark.extract import extract_page
from newsark.extract.page import parse_document
from newsark.extract.streamed import place_streamed

RS = '<script>$RS=function(a,b){};$RS("S:1","P:1")</script>'
RC = '<script>$RC=function(b,c,e){};$RC("B:0","S:0")</script>'


def _body_html(doc: lxml.html.HtmlElement) -> str:
    return lxml.html.tostring(doc.find("body"), encoding="unicode")


def test_a_placeholder_gets_its_part_in_place() -> None:
    page = ('<html><body><div id="post"><p>one</p><template id="P:1"></template><p>three</p></div>'
            '<div hidden id="S:1">before <p>two</p> after</div>' + RS + "</body></html>")
    doc = lxml.html.document_fromstring(page)
    assert place_streamed(doc, page) == 1
    html = _body_html(doc)
    assert '<div id="post"><p>one</p>before <p>two</p> after<p>three</p></div>' in html
    assert "hidden" not in html and "template" not in html


def test_a_fallback_is_replaced_by_its_content() -> None:
    page = ('<html><body><div id="post"><p>one</p><!--$?--><template id="B:0"></template>'
            '<div>Loading <!-- -->paragraph<!-- -->...</div><!--$--><p>nested fallback</p><!--/$-->'
            '<!--/$--><p>three</p></div><div hidden id="S:0"><p>two</p></div>' + RC + "</body></html>")
    doc = lxml.html.document_fromstring(page)
    assert place_streamed(doc, page) == 1
    post = doc.get_element_by_id("post")
    assert [p.text for p in post.iter("p")] == ["one", "two", "three"]
    assert "Loading" not in post.text_content()


def test_a_fallback_without_its_end_marker_stays() -> None:
    # React would remove everything after it; the content goes in where the template was.
    page = ('<html><body><div id="post"><p>one</p><template id="B:0"></template><div>Loading...</div>'
            '<p>three</p></div><div hidden id="S:0"><p>two</p></div>' + RC + "</body></html>")
    doc = lxml.html.document_fromstring(page)
    assert place_streamed(doc, page) == 1
    post = doc.get_element_by_id("post")
    assert [p.text for p in post.iter("p")] == ["one", "two", "three"]
    assert "Loading..." in post.text_content()


def test_calls_to_parts_that_are_not_there_change_nothing() -> None:
    page = ('<html><body><div id="post"><p>one</p><template id="P:1"></template></div>'
            '<script>$RS("S:1","P:1");$RC("B:7","S:7")</script></body></html>')
    doc = lxml.html.document_fromstring(page)
    before = _body_html(doc)
    assert place_streamed(doc, page) == 0
    assert _body_html(doc) == before
    assert place_streamed(doc, "<html><body><p>no stream</p></body></html>") == 0
    # a call made twice moves its part once
    page = ('<html><body><div id="post"><template id="P:1"></template></div>'
            '<div hidden id="S:1"><p>two</p></div><script>$RS("S:1","P:1");$RS("S:1","P:1")</script></body></html>')
    doc = lxml.html.document_fromstring(page)
    assert place_streamed(doc, page) == 1
    assert [p.text for p in doc.iter("p")] == ["two"]


def test_a_streamed_article_is_read_in_order_without_its_loading_notes() -> None:
    # WCXB 0046 (fool.com): most paragraphs came as hidden parts after the page's footer.
    parts = [f"Part {i} of the story tells how the cloud companies grew their sales again this year, "
             f"and what investors should watch for in the next quarter of trading." for i in range(6)]
    shell = "".join(f'<h2>Section {i}</h2><!--$?--><template id="B:{i}"></template>'
                    f"<div>Loading paragraph...</div><!--/$-->" for i in range(6))
    hidden = "".join(f'<div hidden id="S:{i}"><p>{p}</p></div><script>$RC("B:{i}","S:{i}")</script>'
                     for i, p in enumerate(parts))
    page = (f"<html><head><title>Cloud stocks</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Cloud stocks</h1>{shell}</article><footer>About us</footer>{hidden}</body></html>")
    ex = extract_page(page.encode(), url="https://example.com/cloud-stocks")
    assert "Loading paragraph" not in ex.markdown
    positions = [ex.markdown.find(f"Part {i} of the story") for i in range(6)]
    sections = [ex.markdown.find(f"Section {i}") for i in range(6)]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert all(s < p for s, p in zip(sections, positions))
    assert all(p < s for p, s in zip(positions, sections[1:]))  # each part under its own heading


def test_parse_document_places_the_parts() -> None:
    page = ('<html><body><div id="post"><template id="P:1"></template></div>'
            '<div hidden id="S:1"><p>two</p></div>' + RS + "</body></html>")
    doc = parse_document(page)
    assert doc.get_element_by_id("post").findtext("p") == "two"
