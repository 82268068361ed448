"""Closed accordion and FAQ panels are opened before extraction; hidden menus stay shut."""

from __future__ import annotations

import lxml.html

from newsark.extract import extract_page
from newsark.extract.collapsed import open_collapsed
from newsark.extract.page import parse_document

from .fixtures import en_para


def _page(panels: str, extra: str = "") -> str:
    intro = "".join(f"<p>{en_para(40, i)}</p>" for i in range(4))
    return (f"<html><head><title>Ferry guide</title></head><body>{extra}<main><article>"
            f"<h1>Ferry guide</h1>{intro}{panels}</article></main></body></html>")


def _accordion(n: int) -> str:
    # as a Bootstrap/WordPress accordion saves it: questions as buttons, answers shut
    items = "".join(
        f"<div class='accordion-item'><h3><button>Question {i}?</button></h3>"
        f"<div class='accordion-collapse collapse' style='display: none' aria-hidden='true'>"
        f"<p>{en_para(30, 10 + i)}</p></div></div>" for i in range(n))
    return f"<div class='accordion'>{items}</div>"


def test_closed_accordion_answers_reach_the_body() -> None:
    page = _page(_accordion(3))
    ex = extract_page(page.encode())
    for i in range(3):
        assert en_para(30, 10 + i) in ex.text
    assert en_para(40, 0) in ex.text


def test_panels_closed_by_class_height_or_attribute_are_opened() -> None:
    panels = (
        "<div class='faq-item'><div class='kt-accordion-panel kt-accordion-panel-hidden'><p>A</p></div></div>"
        "<div class='FAQ_accordionItem'><div id='faq-1' style='height:0;overflow:hidden'><p>B</p></div></div>"
        "<div id='collapse-7' class='box'><div id='collapse-7_content' role='region' hidden><p>C</p></div></div>"
        "<div class='ss-accordion-content hidden'><p>D</p></div>")
    doc = lxml.html.document_fromstring(_page(panels))
    assert open_collapsed(doc) == 4
    for letter in "ABCD":
        el = doc.xpath(f"//p[. = '{letter}']")[0].getparent()
        assert el.get("style") is None and el.get("hidden") is None
        assert "hidden" not in (el.get("class") or "").split()
    assert doc.xpath("//div[@class='kt-accordion-panel']")  # its other class names stay


def test_hidden_menus_dialogs_and_comments_stay_shut() -> None:
    shut = (
        "<nav class='accordion-menu' style='display:none'><a href='/'>Home</a></nav>"
        "<div class='accordion-nav'><ul class='sub' style='display:none'><li>Menu</li></ul></div>"
        "<div class='modal accordion' aria-hidden='true'><p>Sign up</p></div>"
        "<div class='comments-collapse' id='comments-hidden' style='display:none'><p>Nice!</p></div>")
    doc = lxml.html.document_fromstring(_page(_accordion(1), extra=shut))
    assert open_collapsed(doc) == 1  # the one answer
    assert open_collapsed(doc) == 0  # and it is open now
    assert doc.xpath("//nav")[0].get("style") == "display:none"
    assert doc.xpath("//ul[@class='sub']")[0].get("style") == "display:none"
    assert doc.xpath("//div[contains(@class, 'modal')]")[0].get("aria-hidden") == "true"
    assert doc.xpath("//div[@id='comments-hidden']")[0].get("style") == "display:none"


def test_a_page_without_an_accordion_is_left_alone() -> None:
    page = _page("<div class='collapse-box' style='display:none'><p>Shown later</p></div>")
    doc = parse_document(page)  # which opens what it finds: the page never says "accordion"
    assert doc.xpath("//div[@class='collapse-box']")[0].get("style") == "display:none"
    assert open_collapsed(doc, page) == 0
    assert open_collapsed(doc) == 1  # without the page's text to tell, the tree is searched
