"""Tooltip bubbles and hover cards (drawn on hover) are left out of the page; their
triggers and footnotes stay."""

from __future__ import annotations

import lxml.html

from newsark.extract.page import extract_page
from newsark.extract.tooltips import drop_tooltips

from .fixtures import en_para

GLOSSARY = ("<p>Video results were the fastest-growing <span class='Term_component'><dfn aria-labelledby='t1'>"
            "search engine</dfn><span class='Term_tooltip' id='t1'><span class='Term_tooltipBubble'>"
            "<strong>Search Engine</strong><br>A website through which users can search internet content."
            "</span></span></span> feature of the year.</p>")


def _text(html: str) -> str:
    doc = lxml.html.document_fromstring(html)
    drop_tooltips(doc, html)
    return " ".join(doc.text_content().split())


def test_a_glossary_bubble_goes_and_the_term_and_sentence_stay() -> None:
    assert _text(f"<html><body>{GLOSSARY}</body></html>") == (
        "Video results were the fastest-growing search engine feature of the year.")


def test_a_role_tooltip_hover_card_goes() -> None:
    html = ("<html><body><p>Written by <a href='/u/b'>Brian</a><span role='tooltip'><img src='/b.jpg' alt='Brian'>"
            "Brian writes about code. Follow him</span> today.</p></body></html>")
    doc = lxml.html.document_fromstring(html)
    assert drop_tooltips(doc, html) == 1
    assert doc.find(".//img") is None and " ".join(doc.text_content().split()) == "Written by Brian today."


def test_a_persons_rollover_card_goes_and_the_name_stays() -> None:
    """The Hill's card on a politician's name: a picture and three headlines about them,
    drawn on hover; its trigger, the name's link, stays."""
    card = ("<span class='rollover-people-block' id='rollover-people-1'><span class='rollover-block'><span>"
            "<img src='/thumb_100/omar.jpg' alt=''><a class='name' href='/people/omar'>Ilhan Omar</a>"
            "<a class='people-articles' href='/policy/1'>Progressives oppose funding bill</a> "
            "<a class='people-articles' href='/policy/2'>Omar asks court for compassion</a> "
            "<a class='more' href='/people/omar'>MORE</a></span></span></span>")
    page = (f"<html><body><p>He threatened Rep. <span class='rollover-people'><a class='rollover-people-link' "
            f"href='/people/omar'>Ilhan Omar</a>{card}</span> (D-Minn.), the office said.</p></body></html>")
    doc = lxml.html.document_fromstring(page)
    assert drop_tooltips(doc, page) == 1
    assert doc.find(".//img") is None
    assert " ".join(doc.text_content().split()) == "He threatened Rep. Ilhan Omar (D-Minn.), the office said."
    for card_class in ("HoverCard_content", "hover-card-body", "popover-content"):
        other = page.replace("rollover-people-block", card_class).replace("rollover-block", "inner")
        assert _text(other) == "He threatened Rep. Ilhan Omar (D-Minn.), the office said.", card_class


def test_triggers_footnotes_and_large_elements_stay() -> None:
    trigger = "<p>Several <a class='tooltip216221' title='A study of people'>clinical trials</a> found it.</p>"
    wrapper = "<p><span class='LWTooltip-root'>Posted by Ann</span> on Monday.</p>"
    rollover = "<p>See <a class='rollover-people-link' href='/people/ann'>Ann Lee</a> today.</p>"
    picture = "<p>The <span class='rollover-image'>view from the pier</span> at dawn.</p>"
    footnote = ("<p>I am not bitter<sup class='modern-footnotes-footnote'><span role='tooltip' "
                "class='modern-footnotes-footnote__note'>No seriously, I am not.</span></sup> at all.</p>")
    big = f"<div class='tooltip-content'><p>{en_para(120, 1)}</p></div>"
    for html in (trigger, wrapper, rollover, picture, footnote, big):
        page = f"<html><body>{html}</body></html>"
        assert _text(page) == " ".join(lxml.html.document_fromstring(page).text_content().split())


def test_a_page_that_writes_no_bubble_is_not_searched() -> None:
    doc = lxml.html.document_fromstring("<html><body><span role='tooltip'>x</span></body></html>")
    assert drop_tooltips(doc, "<html><body>no such word</body></html>") == 0  # (the text decides)
    css_only = "<style>.has-tooltip:hover .tooltip { display: block }</style>"
    assert drop_tooltips(doc, css_only) == 0
    for written in ("<span role='tooltip'>", '<span role="tooltip">', "<div class='x tooltip-content'>",
                    "<span class='Term_tooltipBubble__mu'>"):
        fresh = lxml.html.document_fromstring(f"<html><body><p>a {written}bubble</span> b</p></body></html>")
        assert drop_tooltips(fresh, written) == 1, written


def test_extract_page_leaves_the_bubble_out_of_the_body() -> None:
    paras = "".join(f"<p>{en_para(50, i)}</p>" for i in range(4))
    page = f"<html><body><article><h1>Video wins</h1>{paras}{GLOSSARY}<p>{en_para(40, 9)}</p></article></body></html>"
    got = extract_page(page.encode())
    assert "fastest-growing search engine feature of the year" in " ".join(got.text.split())
    assert "through which users can search" not in got.text
