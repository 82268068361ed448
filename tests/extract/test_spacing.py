"""Spaces an extractor lost between inline pieces come back from the page's own text."""
from __future__ import annotations

from lxml import html

from newsark.extract import extract_page
from newsark.extract.links import LinkMapper
from newsark.extract.markdown import to_markdown
from newsark.extract.page import parse_document
from newsark.extract.spacing import block_lines, restore_spaces, spaced_text

PAGE = ("<html><body><article><p>Most importantly, we arrive<strong> at the airport</strong> "
        "<strong>without stress</strong>.</p><figure><img src='a.jpg'><figcaption>The new airport in "
        "<a href='/istanbul'>Istanbul</a> is very impressive</figcaption></figure>"
        "<p>The <b>Wiki</b>pedia article and <b>Hong</b>Kong written together.</p>"
        "<p>記者<b>王小明</b>報導</p></article></body></html>")


def _restore(body_html: str) -> tuple[int, str]:
    body = html.fromstring(body_html)
    n = restore_spaces(body, parse_document(PAGE))
    return n, to_markdown(body, LinkMapper("https://ex.org/", None))[0]


def test_spaces_the_page_writes_come_back() -> None:
    # what trafilatura gave for the page: both spaces lost
    n, md = _restore("<div><p>Most importantly, we arrive<b> at the airport</b><b>without stress</b>.</p>"
                     "<p><a href='/istanbul'>Istanbul</a>is very impressive</p></div>")
    assert n == 2
    assert md == ("Most importantly, we arrive **at the airport** **without stress**.\n\n"
                  "[Istanbul](https://ex.org/istanbul) is very impressive")


def test_pieces_the_page_writes_joined_stay_joined() -> None:
    n, md = _restore("<div><p>The <b>Wiki</b>pedia article written together.</p>"
                     "<p>記者<b>王小明</b>報導</p><p>Mc<b>Donald</b> and i<b>Phone</b></p></div>")
    assert n == 0
    assert md == "The **Wiki**pedia article written together.\n\n記者**王小明**報導\n\nMc**Donald** and i**Phone**"


def test_a_lower_case_word_then_an_upper_case_one_in_another_element_are_two_words() -> None:
    # a style shows them apart (the page's text runs them together), or the page typed them so
    n, md = _restore("<div><h2><a href='/a'>The Alchemist</a><em>Mercy</em>Backwoodz Studioz</h2>"
                     "<p><b>Hong</b>Kong and <a href='/b'>Amazon</a><span>Check price</span></p></div>")
    assert n == 4
    assert md == ("## [The Alchemist](https://ex.org/a) *Mercy* Backwoodz Studioz\n\n"
                  "**Hong** Kong and [Amazon](https://ex.org/b) Check price")
    # and after a sentence or a label ended ('…, etc.' then 'Name' in the next element); not
    # after an abbreviation in capitals
    n, md = _restore("<div><p><b>Question?</b>The answer, <i>etc.</i>Name the <b>U.S.</b>Army</p></div>")
    assert n == 2 and md == "**Question?** The answer, *etc.* Name the **U.S.**Army"


def test_pieces_in_different_blocks_are_not_joined_or_spaced() -> None:
    n, _ = _restore("<div><p>we arrive</p><p><b>at the airport</b></p></div>")
    assert n == 0


def test_extract_page_puts_the_space_back_in_the_text() -> None:
    filler = "".join(f"<p>Paragraph {i} of the travel story is long enough to be kept as article text here.</p>"
                     for i in range(6))
    page = PAGE.replace("<article>", f"<article><h1>Airports</h1>{filler}")
    text = extract_page(page.encode(), url="https://ex.org/story").text
    assert "arrive at the airport without stress" in text
    assert "Istanbulis" not in text and "airportwithout" not in text


def test_a_captions_lines_and_words_of_two_elements_stay_apart() -> None:
    from newsark.extract.media import caption_parts

    cap = html.fromstring("<figcaption><div>Coffee plantation</div><div>Guatemalan laborer at work.</div>"
                          "<span>Media caption</span>Who is <b>Julian</b> Assange?"
                          "<span class='credit'>Photo: Jo Doe</span></figcaption>")
    caption = "Coffee plantation Guatemalan laborer at work. Media caption Who is Julian Assange?"
    assert caption_parts(cap) == (caption, "Photo: Jo Doe")
    # one word stays one ('Wiki<b>pedia</b>'), a brand the page writes whole stays whole
    assert caption_parts(html.fromstring("<figcaption>The Wiki<b>pedia</b> logo at PortMiami</figcaption>")) == \
        ("The Wikipedia logo at PortMiami", "")


def test_block_lines_are_the_lines_an_elements_blocks_show() -> None:
    el = html.fromstring("<div class='author'><p>Written by</p><p> <a href='/a'>Sir  Nuno</a></p><p> </p>"
                         "<span>The</span><em>Alchemist</em><br>Wiki<b>pedia</b><!-- x --></div>")
    assert block_lines(el) == ["Written by", "Sir Nuno", "The Alchemist", "Wikipedia"]
    assert spaced_text(el) == "Written by Sir Nuno The Alchemist Wikipedia"


def test_a_year_and_a_capitalised_word_of_two_elements_are_two_words() -> None:
    # a date's element and a name's (or a label's) side by side, no space in the page
    el = html.fromstring("<div><span>Dec 17, 2025</span><span>Julian K. Arni</span></div>")
    assert block_lines(el) == ["Dec 17, 2025 Julian K. Arni"]
    el = html.fromstring("<p><time>Nov. 20, 2019</time><span>Updated: Nov. 20, 2019</span></p>")
    assert spaced_text(el) == "Nov. 20, 2019 Updated: Nov. 20, 2019"
    # not a number that only ends like a year, nor a code after it
    el = html.fromstring("<p><b>12025</b>Units and <b>2025</b>Q3</p>")
    assert spaced_text(el) == "12025Units and 2025Q3"
