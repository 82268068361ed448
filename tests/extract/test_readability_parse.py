"""newsark's readability parse (cheap cleaning) must give the library's own bodies."""

from __future__ import annotations

import lxml.html
from readability import Document

from newsark.extract.candidates import fast_text, from_readability
from newsark.extract.page import parse_document

from .test_body_choice import _para

PAGES = {
    "article with clutter": (
        "<html><head><title>T</title><style>p{color:red}</style><link rel=stylesheet href=x.css>"
        "<script>var a = 1;</script></head><body><!-- nav --><div class='nav'><a href='/'>Home</a>"
        "<a href='javascript:void(0)' onclick='x()'>Menu</a></div><div class='article-body'>"
        + "".join(f"<p style='margin:0'>{_para(45, i)}.</p>" for i in range(5))
        + "<p style='display:none'>hidden words never shown</p><p hidden>hidden too</p>"
        "</div><div class='footer'>© the paper</div></body></html>"
    ),
    # The ruthless pass drops the "extra" box that holds all the text, finds nothing, and
    # readability parses again for its lenient retry, which must start from the untouched
    # page, not the one the first pass stripped.
    "text only in a box the ruthless pass drops": (
        "<html><body><div class='extra'>"
        + "".join(f"<p>{_para(45, i)}, and more.</p>" for i in range(3))
        + "</div></body></html>"
    ),
}


def _library_text(html: str) -> str:
    summary = Document(parse_document(html)).summary(html_partial=True)
    return fast_text(lxml.html.fragment_fromstring(summary, create_parent="div"))


def test_cheap_cleaning_gives_the_librarys_bodies() -> None:
    for name, html in PAGES.items():
        ours = from_readability(parse_document(html), None)
        assert ours is not None, name
        assert ours.text == _library_text(html), name
        assert len(ours.text.split()) > 100, name
    assert "hidden" not in from_readability(parse_document(PAGES["article with clutter"]), None).text  # type: ignore[union-attr]


def test_the_callers_tree_is_left_untouched() -> None:
    doc = parse_document(PAGES["article with clutter"])
    before = lxml.html.tostring(doc)
    from_readability(doc, None)
    assert lxml.html.tostring(doc) == before
