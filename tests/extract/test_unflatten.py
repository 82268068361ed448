"""A body flattened into one paragraph gets the page's blocks back."""
from __future__ import annotations

from lxml import etree, html

from newsark.extract.candidates import Candidate, fast_text
from newsark.extract.unflatten import unflattened

PARAS = [f"The harbour ferry service will change its timetable in month {n} after a long review by the board, "
         f"which heard from commuters, traders and the crews who run the boats every single day of the year."
         for n in range(1, 13)]


def _page(*, open_header: bool) -> etree._Element:
    story = ("<div class='story'><h2>The new timetable</h2>" + "".join(f"<p>{p}</p>" for p in PARAS[:6])
             + "<figure><img src='https://cdn.example.org/ferry.jpg'><figcaption>The ferry</figcaption></figure>"
             + "".join(f"<p>{p}</p>" for p in PARAS[6:]) + "</div>")
    menu = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
    if open_header:  # an ASP.NET page's form around the story, a lead paragraph beside it
        lead = f"<p class='dek'>{' '.join(PARAS[:6])}</p>"
        return html.fromstring(f"<html><body><div class='page'>{lead}<form id='aspnetForm'>{menu}{story}</form>"
                               "</div></body></html>")
    return html.fromstring(f"<html><body><header>{menu}</header>{story}<footer><p>Contact us</p></footer>"
                           "</body></html>")


def _blob(text: str) -> Candidate:
    el = etree.Element("body")
    etree.SubElement(el, "p").text = text
    return Candidate("trafilatura", el, text)


def test_a_one_paragraph_body_takes_the_blocks_of_the_page_that_hold_its_words() -> None:
    for open_header in (False, True):
        lead = [" ".join(PARAS[:6])] if open_header else []
        got = unflattened(_page(open_header=open_header), _blob(" ".join([*lead, "The new timetable", *PARAS])))
        assert got is not None and got.element.tag == "div"
        opening = ["p", "h2", "p"] if open_header else ["h2", "p", "p"]
        assert [el.tag for el in got.element.iter("h2", "p")][:3] == opening
        assert len(got.element.findall(".//p")) == 12 + len(lead) and got.element.find(".//img") is not None
        assert "Home" not in got.text and "Contact us" not in got.text  # (the menu stays out)
        assert got.text == fast_text(got.element)


def test_bodies_with_blocks_and_blobs_the_page_does_not_hold_stay() -> None:
    page = _page(open_header=False)
    lines = _blob("\n".join(PARAS))  # blocks already
    assert unflattened(page, lines) is lines
    short = _blob(" ".join(PARAS[:3]))  # not a whole page's text run together
    assert unflattened(page, short) is short
    other = _blob(" ".join(p.replace("ferry", "tram").replace("harbour", "city") for p in PARAS) * 2)
    assert unflattened(page, other) is other
