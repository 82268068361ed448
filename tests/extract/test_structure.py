"""The body's Markdown keeps the page's structure: headings, lines, tables, paragraphs."""

from __future__ import annotations

import lxml.html
from lxml import etree

from newsark.extract import extract_page
from newsark.extract.candidates import Candidate
from newsark.extract.choose import doubtful, is_blob
from newsark.extract.headings import restore_headings
from newsark.extract.inline import restore_links
from newsark.extract.links import LinkMapper
from newsark.extract.markdown import to_markdown
from newsark.extract.page import parse_document
from newsark.extract.readability_body import from_readability
from newsark.extract.tables import restore_list_tables

URL = "https://news.example.org/2024/05/harbour"
PARA = ("The harbour authority said on Monday that the new ferry terminal would open in the "
        "spring, after three years of building work and two delays over the cost of steel.")
MENU = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(8))


def _page(article: str) -> bytes:
    return (f"<html><head><title>The new terminal</title></head><body><nav><ul>{MENU}</ul></nav>"
            f"<article><h1>The new terminal</h1>{article}</article>"
            "<footer><p>Copyright the newsroom</p></footer></body></html>").encode()


def _md(html: str) -> str:
    return to_markdown(lxml.html.fragment_fromstring(html, create_parent="div"), LinkMapper(URL, None))[0]


def test_a_heading_written_as_a_link_to_itself_stays_a_heading() -> None:
    sections = "".join(f'<h2 id="part-{i}"><a href="#part-{i}">Part {i} of the plan</a></h2><p>{PARA} {i}.</p>'
                       for i in range(4))
    # readability drops a heading that is mostly a link
    read = from_readability(parse_document(_page(sections).decode()), URL)
    assert read is not None
    assert [h.text_content() for h in read.element.iter("h2")] == [f"Part {i} of the plan" for i in range(4)]
    md = extract_page(_page(sections), url=URL).markdown
    for i in range(4):
        assert f"## Part {i} of the plan" in md
    assert "#part-" not in md


def test_a_headings_permalink_and_a_link_to_itself_around_it_go() -> None:
    marks = ['<a class="subhead-anchor" href="#s0">#s0</a>', '<a href="#s1">#</a>', '<a href="#s2">¶</a>',
             '<a href="#s3" aria-label="Link"></a>']
    sections = "".join(f'<h2 id="s{i}">Part {i} of the plan{mark}</h2><p>{PARA} {i}.</p>' for i, mark in enumerate(marks))
    # a link to itself around the heading (NBC News: the fragment is the link's own id)
    sections += (f'<a href="/2024/05/harbour#anchor-7" id="anchor-7" class="scrollLink"><h2>Part 4 of the plan</h2></a>'
                 f"<p>{PARA} 4.</p>")
    md = extract_page(_page(sections), url=URL).markdown
    for i in range(5):
        assert f"## Part {i} of the plan\n" in md
    assert "#s0" not in md and "¶" not in md and "anchor-7" not in md
    # a link elsewhere in a heading stays a link, and a heading linking to another page too
    md = extract_page(_page(f'<h2>Read <a href="https://ex.org/report">the report</a></h2><p>{PARA}</p>'
                            f'<h2>Part two</h2><p>{PARA} 2.</p>'), url=URL).markdown
    assert "## Read [the report](https://ex.org/report)" in md


def test_a_heading_in_bold_is_not_bold_twice() -> None:
    assert _md("<h2><strong>What the plan costs</strong></h2>") == "## What the plan costs"
    # bold on part of it is the page's emphasis
    assert _md("<h3><b>Cost</b> and time</h3>") == "### **Cost** and time"
    assert _md("<h3><b>Cost</b> and <b>time</b></h3>") == "### **Cost** and **time**"


def test_a_nav_holding_the_whole_article_is_read() -> None:
    # a menu left open: the parser puts everything after it inside the <nav>
    md = _md(f"<nav><a href='/'>Home</a><div><p>{PARA}</p><p>{PARA} Again.</p></div></nav>")
    assert md.count("ferry terminal") == 2
    assert "ferry" not in _md(f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><p>{'x ' * 5}</p>")
    # a body from trafilatura is a plain lxml.etree tree
    plain = etree.fromstring(f"<div><nav><a href='/'>Home</a><div><p>{PARA}</p></div></nav></div>")
    assert "ferry terminal" in to_markdown(plain, LinkMapper(URL, None))[0]


def test_a_whole_page_dumped_in_one_run_of_text_is_doubted() -> None:
    doc = lxml.html.fromstring(f"<html><body><p>{PARA}</p></body></html>")
    blob = Candidate("trafilatura", lxml.html.fromstring(f"<div><p>{PARA * 20}</p></div>"), PARA * 20)
    assert is_blob(blob) and doubtful(doc, blob)
    lines = "\n".join([PARA] * 20)
    assert not is_blob(Candidate("trafilatura", blob.element, lines))
    assert not is_blob(Candidate("trafilatura", blob.element, PARA))


def test_readability_keeps_a_line_whole_across_its_links() -> None:
    # a checklist after a paragraph, in one <div>: readability made each line's text after
    # the checkbox a paragraph and its link another one
    rows = "".join(f'<input type="checkbox">&nbsp;Rain cover or <a href="/bags/{i}">dry bag {i}</a> for the pack<br>'
                   for i in range(3))
    paras = "".join(f"<p>{PARA}</p>" for _ in range(12))
    html = f"<html><body><div class='content'><div>{paras}{rows}</div></div></body></html>"
    read = from_readability(html, URL)
    assert read is not None
    paragraphs = [" ".join(p.text_content().split()) for p in read.element.iter("p")]
    assert [p for p in paragraphs if "Rain" in p or "dry bag" in p] == [
        f"Rain cover or dry bag {i} for the pack" for i in range(3)]


TABLE = ("<table><thead><tr><th></th><th>Basic</th><th>Premier</th></tr></thead><tbody>"
         "<tr><td>Cost</td><td>$642</td><td>$1,041</td></tr>"
         "<tr><td>Cover</td><td>$10,000</td><td>$50,000</td></tr></tbody></table>")


def test_a_table_inside_a_list_item_keeps_its_rows() -> None:
    doc = lxml.html.fromstring(f"<html><body><ol><li><h2>1. Allianz</h2><p>{PARA}</p>{TABLE}</li></ol></body></html>")
    # trafilatura's body of such an item: the cells, without rows or table
    body = lxml.html.fragment_fromstring(
        f"<div><ul><li><h2>1. Allianz</h2><p>{PARA}</p>" + "".join(
            f"<td>{t}</td>" for t in ["Basic", "Premier", "Cost", "$642", "$1,041", "Cover", "$10,000", "$50,000"])
        + "</li></ul></div>")
    assert restore_list_tables(body, doc) == 1
    md = to_markdown(body, LinkMapper(URL, None))[0]
    assert "| Cost | $642 | $1,041 |" in md and "| Cover | $10,000 | $50,000 |" in md
    assert md.count("$642") == 1


def test_loose_cells_of_no_page_table_stay() -> None:
    doc = lxml.html.fromstring(f"<html><body>{TABLE}</body></html>")
    body = lxml.html.fragment_fromstring("<div><ul><li><td>Other</td><td>cells</td></li></ul></div>")
    assert restore_list_tables(body, doc) == 0
    assert [c.text for c in body.iter("td")] == ["Other", "cells"]


def test_a_ranking_with_a_table_per_entry_keeps_the_tables() -> None:
    entries = "".join(f"<li><h2>{i}. Carrier {i}</h2><p>{PARA} {i}.</p><p>{PARA}</p>{TABLE}</li>" for i in range(1, 4))
    md = extract_page(_page(f"<p>{PARA}</p><ol>{entries}</ol>"), url=URL).markdown
    assert md.count("| Cost | $642 | $1,041 |") == 3


def test_lines_drawn_with_bullet_characters_are_a_list() -> None:
    assert _md("<p>• Water bottle<br>• Sweat towel<br>•  1. Lock</p>") == "- Water bottle\n- Sweat towel\n- 1\\. Lock"
    assert _md("<p>• One idea.</p><p>• Another one.</p>") == "- One idea.\n- Another one."
    # a bullet on some lines only, or a middle dot inside a name, is text as written
    assert _md("<p>Pack:<br>• Water bottle</p>").startswith("Pack:\n•")
    assert _md("<p>阿里·巴巴</p>") == "阿里·巴巴"


def test_a_paragraph_that_was_a_heading_of_the_page_is_one_again() -> None:
    doc = lxml.html.fromstring(
        f"<html><body><aside><h4>Partial remodel</h4><p>See our guide.</p></aside>"
        f"<h3 class='x'>Partial remodel</h3><p>{PARA}</p><h2>Costs</h2><p>Costs vary.</p></body></html>")
    body = lxml.html.fragment_fromstring(
        f"<div><p>Partial remodel</p><p>{PARA}</p><p>Costs</p><p>Other text.</p></div>")
    assert restore_headings(body, doc) == 1
    assert [(el.tag, el.text) for el in body][:2] == [("h3", "Partial remodel"), ("p", PARA)]
    assert body[2].tag == "p"  # 'Costs' is followed by other text than the page's heading is


def test_a_paragraph_that_lost_its_links_gets_them_from_the_page() -> None:
    linked = (f'{PARA} Read <a href="/guides/steel">our guide to <em>steel</em> prices</a> and '
              f'<a href="https://port.example.org/">the port\'s notice</a>.')
    doc = lxml.html.fromstring(f"<html><body><p>{linked}</p><p>{PARA} Twice.</p><p>{PARA} Twice.</p>"
                               f"<p>{PARA} Icon <img src='/i.png'> <a href='/x'>here</a>.</p></body></html>")
    plain = lxml.html.fragment_fromstring(
        f"<div><p>{PARA} Read our guide to steel prices and the port's notice.</p>"
        f"<p>{PARA} Twice.</p><p>{PARA} Icon here.</p></div>")
    assert restore_links(plain, doc) == 1
    md = to_markdown(plain, LinkMapper(URL, None))[0]
    assert "[our guide to *steel* prices](https://news.example.org/guides/steel)" in md
    assert "[the port's notice](https://port.example.org/)" in md
    # the page's block holds a picture the body's did not: left as it was
    assert "i.png" not in md and "](https://news.example.org/x)" not in md


def test_a_paragraph_of_other_words_keeps_its_own() -> None:
    doc = lxml.html.fromstring(f'<html><body><p>{PARA} <a href="/a">More</a> here.</p></body></html>')
    body = lxml.html.fragment_fromstring(f"<div><p>{PARA} More there.</p></div>")
    assert restore_links(body, doc) == 0
    assert body.find(".//a") is None
