"""newsark's readability parse (cheap cleaning) must give the library's own bodies."""

from __future__ import annotations

import copy
import random
from collections.abc import Callable

import lxml.html
import readability.readability as readability_module
from lxml import etree
from readability import Document
from readability.readability import REGEXES

from newsark.extract import readability_body
from newsark.extract.candidates import fast_text
from newsark.extract.page import parse_document
from newsark.extract.readability_body import clean_like_readability, from_readability

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


def _librarys_clean() -> Callable[[str], str]:
    readability_body._readability_class()  # (puts clean_like_readability in its place)
    assert readability_module.clean is clean_like_readability
    return readability_body._readability_own["clean"]


def test_clean_gives_the_librarys_result() -> None:
    own = _librarys_clean()
    cases = ["", " ", "a", " a b ", "中\t\t中", "a\t b", "a \tb", "a  \t\tb", "\ta", "a\n\n b",
             "  \n a \r\n\u2028 b\n", "a\xa0 \xa0b", "a" + " \n" * 200 + "b", "x" + "\t" * 300 + "y",
             "p" + "\u3000" * 255 + "q", "p" + " " * 254 + "q", "a\x85\nb", "a\x1c b"]
    rng = random.Random(5)
    alphabet = [" ", "\t", "\n", "\r", "\xa0", "\u3000", "\x0b", "\x0c", "\u2028", "\x85", "\x1c", "a", "中"]
    for _ in range(20000):
        chars = [rng.choice(alphabet[: rng.randint(1, len(alphabet))]) for _ in range(rng.choice((3, 12, 60)))]
        if rng.random() < 0.1:  # a long run of white space, which the library cuts to 255 spaces
            chars.insert(rng.randint(0, len(chars)), rng.choice(" \t\n\xa0") * rng.randint(200, 400))
        cases.append("".join(chars))
    for text in cases:
        assert clean_like_readability(text) == own(text), repr(text)



def test_text_length_gives_the_librarys_result() -> None:
    readability_body._readability_class()
    assert readability_module.text_length is readability_body.text_length_like_readability
    own = readability_body._readability_own["text_length"]
    doc = lxml.html.document_fromstring(
        "<html><body><div id=a>Some <a href=x>linked\n\n  words</a> and\t\ttabs<!-- a comment -->"
        "<script>var x = 1;</script><p>para&nbsp;&nbsp;graph <b>bold</b></p>tail</div>"
        "<div>\u3000中文\u3000\u3000<a href=y> 鏈接 </a></div><p></p></body></html>")
    elements = list(doc.iter(etree.Element))  # (neither takes a comment)
    assert len(elements) > 8
    for el in elements:
        assert readability_body.text_length_like_readability(el) == own(el), lxml.html.tostring(el)

DIVS = (
    "<html><body><div id=a><span>text <b>bold</b></span></div>"
    "<div id=b><span><picture><img src=x></picture></span></div>"  # '<picture' matches '<p'
    "<div id=c><param name=x></div><div id=d><amp-img src=y></amp-img> words</div>"
    "<div id=e><section><em><dl><dt>t</dt></dl></em></section></div>"
    "<div id=f><span title='<p>'>&lt;div&gt; in text</span><div id=g>inner</div></div>"
    "<div id=h><ol><li>one</li></ol></div><div id=i></div><div id=j>tail<br>only</div></body></html>"
)


def test_divs_holding_blocks_are_found_as_the_library_finds_them() -> None:
    doc = lxml.html.document_fromstring(DIVS)
    held = readability_body._holding_blocks(doc)
    for div in doc.iter("div"):
        serialised = str(b"".join(etree.tostring(child, encoding="utf-8") for child in div))
        assert (div in held) == bool(REGEXES["divToPElementsRe"].search(serialised)), div.get("id")
    assert {div.get("id") for div in doc.iter("div") if div in held} == {"b", "c", "e", "f", "h"}


def test_unlikely_candidates_go_as_the_library_drops_them() -> None:
    html = (
        "<html><body><div class='sidebar'>side</div><div class='sidebar'><article>kept: an article</article></div>"
        "<div class='comment-list main'>kept: ok maybe</div><pre><span class='footer'>kept in pre</span></pre>"
        "<p id='menu'>menu</p><p class='menu'>menu again</p><div class='story'>story</div>"
        "<div class=''>no class</div><div class='popup' id='x'>popup</div>"
        # (the patterns ignore case; newsark reads the names in lower case)
        "<div class='SideBar'>side</div><div class='Comment-List MAIN'>kept: ok maybe in capitals</div></body></html>"
    )
    ours = readability_body._readability_class()(html)
    theirs = Document(html)
    ours.html, theirs.html = ours._html(True), theirs._html(True)
    ours.remove_unlikely_candidates()
    theirs.remove_unlikely_candidates()
    assert lxml.html.tostring(ours.html) == lxml.html.tostring(copy.deepcopy(theirs.html))
    text = ours.html.text_content()
    assert "kept: an article" in text and "kept: ok maybe" in text and "kept in pre" in text
    assert "ok maybe in capitals" in text
    assert "side" not in text.replace("kept", "") and "menu" not in text and "popup" not in text
