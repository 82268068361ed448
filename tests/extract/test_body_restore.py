"""Restoring blocks the chosen body dropped between two blocks it kept."""

from __future__ import annotations

from lxml import html

from newsark.extract.page import parse_document
from newsark.extract.restore import restore_sandwiched

from .fixtures import body_candidate, en_para

LIST = "<ul><li><b>Early boats:</b> from six in the morning on weekdays</li><li><b>Late boats:</b> until midnight on Fridays and Saturdays</li></ul>"


def test_a_list_between_two_kept_paragraphs_is_put_back_in_place() -> None:
    paras = [f"<p>{en_para(30, i)}</p>" for i in range(3)]
    doc = parse_document("<html><body><article>" + paras[0] + paras[1] + LIST + paras[2] + "</article></body></html>")
    body = restore_sandwiched(doc, body_candidate(paras))
    assert body is not None
    assert "Early boats" in body.text and "until midnight" in body.text
    text = body.text
    assert text.index(en_para(30, 1)[:20]) < text.index("Early boats") < text.index(en_para(30, 2)[:20])


def test_blocks_at_the_edges_links_and_scripts_are_not_restored() -> None:
    paras = [f"<p>{en_para(30, i)}</p>" for i in range(3)]
    links = "<ul>" + "".join(f"<li><a href='/s/{i}'>{en_para(6, 40 + i)}</a></li>" for i in range(3)) + "</ul>"
    style = "<p><style>.gallery { margin: auto; float: left; width: 33%; }</style></p>"
    after = f"<p>{en_para(20, 9)}</p>"  # after the last kept block: not between two
    doc = parse_document("<html><body><article>" + paras[0] + links + paras[1] + style + paras[2] + after
                         + "</article></body></html>")
    whole = body_candidate(paras)
    assert restore_sandwiched(doc, whole) is whole


def test_a_list_of_links_a_kept_lead_in_introduces_is_put_back() -> None:
    """'Top Expert Recommendations:' over the products' links: the article's list, short and
    all links. Not under a button's one word ('More:') or a related-stories label."""
    paras = [f"<p>{en_para(30, i)}</p>" for i in range(3)]
    products = "<ul><li><h2><a href='https://shop.example/a'>Fluke 117</a></h2></li>" \
               "<li><h2><a href='https://shop.example/b'>Klein MM400</a></h2></li></ul>"
    lead_in = "<h4>Top Expert Recommendations: </h4>"
    doc = parse_document("<html><body><article>" + paras[0] + paras[1] + lead_in + products + paras[2]
                         + "</article></body></html>")
    body = restore_sandwiched(doc, body_candidate([paras[0], paras[1], lead_in, paras[2]]))
    assert body is not None
    assert body.text.index("Recommendations:") < body.text.index("Fluke 117") < body.text.index(en_para(30, 2)[:20])
    for label in ("<h4>More:</h4>", "<p>You may also be interested in the following reports:</p>"):
        doc = parse_document("<html><body><article>" + paras[0] + paras[1] + label + products + paras[2]
                             + "</article></body></html>")
        whole = body_candidate([paras[0], paras[1], label, paras[2]])
        assert restore_sandwiched(doc, whole) is whole


def test_a_block_the_body_holds_in_another_form_is_not_doubled() -> None:
    # the page's heading has a "copy link" button; the body kept the heading without it
    paras = [f"<p>{en_para(30, i)}</p>" for i in range(2)]
    heading = "<h2>Why the timetable changes this spring <button>#</button></h2>"
    doc = parse_document("<html><body><article>" + paras[0] + heading + paras[1] + "</article></body></html>")
    whole = body_candidate([paras[0], "<h2>Why the timetable changes this spring</h2>", paras[1]])
    assert restore_sandwiched(doc, whole) is whole


def test_pictures_the_body_dropped_between_its_blocks_are_put_back() -> None:
    from newsark.extract.restore import restore_images

    paras = [f"Paragraph {n} of the harbour ferry story, with enough words to be found again." for n in range(4)]
    page = parse_document(
        "<html><body><header><img src='https://ex.org/masthead.jpg'></header><article>"
        f"<p>{paras[0]}</p>"
        "<div class='image-block'><figure><img src='data:,' data-src='https://ex.org/ferry.jpg'></figure></div>"
        f"<p>{paras[1]}</p>"
        "<div class='teaser'><a href='https://ex.org/other-story'><img src='https://ex.org/thumb.jpg'></a></div>"
        "<aside><img src='https://ex.org/ad.jpg'></aside>"
        "<a href='https://ex.org/big.jpg'><img src='https://ex.org/big-small.jpg'></a>"
        f"<p>{paras[2]}</p><p>{paras[3]}</p>"
        "<img src='https://ex.org/after.jpg'></article></body></html>")
    body = html.fromstring("<div>" + "".join(f"<p>{p}</p>" for p in paras) + "</div>")
    assert restore_images(page, body) == 2
    order = [(el.tag, el.get("src") or el.text_content()[:11]) for el in body]
    assert order == [("p", "Paragraph 0"), ("img", "https://ex.org/ferry.jpg"), ("p", "Paragraph 1"),
                     ("img", "https://ex.org/big-small.jpg"), ("p", "Paragraph 2"), ("p", "Paragraph 3")]
    assert restore_images(page, body) == 0  # nothing twice


def test_the_opening_a_nested_body_missed_is_put_back_from_the_other_candidate() -> None:
    from newsark.extract.restore import restore_lead

    intro = [f"<p>{en_para(30, i)}</p>" for i in range(2)]
    nested = ["<table><tr><th>Bill total</th><th>Tip at fifteen per cent of the bill</th></tr></table>"] + \
        [f"<p>{en_para(30, 10 + i)}</p>" for i in range(3)]
    doc = parse_document("<html><body><div class='post'>" + "".join(intro) + "<div class='embed'>"
                         + "".join(nested) + "</div></div></body></html>")
    body = restore_lead(doc, body_candidate(nested), body_candidate(intro))
    assert body is not None
    text = body.text
    assert text.index(en_para(30, 0)[:20]) < text.index(en_para(30, 1)[:20]) < text.index("Bill total")


def test_an_opening_outside_the_articles_flow_is_not_put_back() -> None:
    from newsark.extract.restore import restore_lead

    dek = [f"<p>{en_para(30, 0)}</p>"]  # a summary box above the article, not in its flow
    article = [f"<p>{en_para(30, 10 + i)}</p>" for i in range(3)]
    doc = parse_document("<html><body><main><div class='summary'>" + dek[0] + "</div><article>"
                         + "".join(article) + "</article></main></body></html>")
    whole = body_candidate(article)
    assert restore_lead(doc, whole, body_candidate(dek)) is whole
    # nor an opening the page places after the body's start, nor one of a few words
    doc = parse_document("<html><body><article>" + "".join(article) + dek[0] + "</article></body></html>")
    assert restore_lead(doc, whole, body_candidate(dek)) is whole
    short = ["<p>Five words of a dek.</p>"]
    doc = parse_document("<html><body><article>" + short[0] + "".join(article) + "</article></body></html>")
    assert restore_lead(doc, whole, body_candidate(short)) is whole


def _tips_page(extra: str = "") -> tuple[str, list[str]]:
    """A listicle whose items sit in their own wrappers (an image, a heading, a text box),
    apart from the intro's container: trafilatura keeps the paragraphs, not the headings."""
    paras = [f"<p>{en_para(30, i)}</p>" for i in range(4)]
    items = "".join(f"<div class='item'><div class='img-wrap'><img src='/t{i}.webp'></div><div class='text-wrap'>"
                    f"<h6>{i}. Tip number {i} for less waste</h6><div class='rich'>{paras[i]}</div></div></div>"
                    for i in range(1, 4))
    page = (f"<html><body><article><div class='intro'>{paras[0]}</div>"
            f"<section class='blog-list'>{extra}{items}</section></article></body></html>")
    return page, paras


def test_headings_of_items_in_their_own_wrappers_are_put_back_before_their_text() -> None:
    page, paras = _tips_page()
    body = restore_sandwiched(parse_document(page), body_candidate(paras))
    assert body is not None
    text = body.text
    for i in range(1, 4):
        assert text.index(en_para(30, i - 1)[:20]) < text.index(f"{i}. Tip number {i}") < text.index(en_para(30, i)[:20])
    assert [h.tag for h in body.element.iter("h6")] == ["h6"] * 3


def test_a_heading_of_dropped_text_or_of_a_teaser_is_not_put_back() -> None:
    # "Related links" heads a list the body dropped; a teaser card's title sits inside
    # its link; a heading already in the body stays once
    for before_items in ("<h3>Related links</h3><ul><li><a href='/a'>Another story</a></li></ul>",
                         "<a href='/b' class='card'><h4>A teaser title of another story</h4></a>"):
        page, paras = _tips_page(before_items)
        held = body_candidate([paras[0], "<h6>1. Tip number 1 for less waste</h6>", *paras[1:]])
        body = restore_sandwiched(parse_document(page), held)
        assert body is not None
        assert "Related links" not in body.text and "teaser title" not in body.text
        assert body.text.count("Tip number 1") == 1
        assert "Tip number 2" in body.text and "Tip number 3" in body.text


def test_a_drop_cap_drawn_beside_the_first_paragraph_is_put_back() -> None:
    from newsark.extract.restore import restore_drop_caps

    rest = "uring the pandemic, e-learning cropped up as a means of keeping classes going for every pupil."
    page = parse_document("<html><body><article><div class='post-first-letter'>D</div>"
                          f"<div class='rich'><p>{rest}</p><p>{en_para(30, 1)}</p>"
                          f"<p>and a paragraph that opens in lower case after another one, as prose may do.</p>"
                          "</div></article></body></html>")
    body = restore_drop_caps(page, body_candidate([f"<p>{rest}</p>", f"<p>{en_para(30, 1)}</p>",
                                                   "<p>and a paragraph that opens in lower case after another one, as prose may do.</p>"]))
    assert body is not None
    assert body.text.startswith("During the pandemic")
    assert "\nand a paragraph that opens in lower case" in body.text  # no letter before it: left alone
    assert len(body.text.split("\n")) == 3


def test_the_text_before_an_element_is_found_by_walking_back() -> None:
    from newsark.extract.page import parse_document
    from newsark.extract.restore import _previous_shown_text

    doc = parse_document("<html><body><div>Opening<p>one <b>two</b> tail\xa0</p><!-- c --> \n"
                         "<div><span>D</span></div><section> <p id=x>uring</p></section></div></body></html>")
    x = doc.get_element_by_id("x")
    text, holder, is_tail = _previous_shown_text(x)
    assert (text, holder.tag, is_tail) == ("D", "span", False)
    b = next(doc.iter("b"))
    assert _previous_shown_text(b)[:1] == ("one ",) and _previous_shown_text(b)[2] is False
    span = next(doc.iter("span"))  # a tail ('tail' + no-break space: not white space to XPath)
    text, holder, is_tail = _previous_shown_text(span)
    assert (text, holder.tag, is_tail) == (" tail\xa0", "b", True)
    first_p = next(doc.iter("p"))  # the text opening its parent
    assert _previous_shown_text(first_p)[:2] == ("Opening", first_p.getparent())
    assert _previous_shown_text(doc.find(".//body")) is None
