"""Links resolve as a browser resolves them: against <base href>, the page's address, or
the address the page states itself when it was read without one."""
from __future__ import annotations

from newsark.extract import extract_page
from newsark.extract.links import LinkMapper, base_href, original_url, own_url
from newsark.extract.page import parse_document

from .fixtures import en_para

CAPTURE = "https://web.archive.org/web/20190301000000/https://news.example.tw/life/1"


def _page(head: str, body_links: str) -> bytes:
    paras = "".join(f"<p>{en_para(40, i)}</p>" for i in range(6))
    return (f"<html><head><title>A story</title>{head}</head><body><article><h1>A story</h1>{paras}"
            f"<p>{en_para(30, 9)} {body_links}</p></article></body></html>").encode()


def test_relative_links_resolve_against_the_pages_base_href() -> None:
    data = _page('<base href="//m.example.tw/">', '<a href="news/2">the next story</a>')
    ex = extract_page(data, url="https://news.example.tw/life/1")
    assert "[the next story](https://m.example.tw/news/2)" in ex.markdown


def test_a_page_read_without_its_address_takes_its_canonical_link() -> None:
    data = _page('<link rel="canonical" href="https://x.example.org/a/b/story">',
                 '<a href="../c">older</a> <img src="//cdn.example.org/p.jpg" width="600">')
    ex = extract_page(data)
    assert "[older](https://x.example.org/a/c)" in ex.markdown
    assert ex.figures and ex.figures[0]["src"] == "https://cdn.example.org/p.jpg"


def test_og_url_when_there_is_no_canonical_and_the_given_url_wins_over_both() -> None:
    data = _page('<meta property="og:url" content="https://og.example.org/s/1">', '<a href="/about">about</a>')
    assert "[about](https://og.example.org/about)" in extract_page(data).markdown
    given = extract_page(data, url="https://given.example.org/s/1")
    assert "[about](https://given.example.org/about)" in given.markdown


def test_a_base_href_rewritten_by_the_archive_points_links_at_captures() -> None:
    data = _page('<base href="https://web.archive.org/web/20190301000000/https://m.example.tw/">',
                 '<a href="news/2">the next story</a>')
    ex = extract_page(data, capture_url=CAPTURE)
    assert "[the next story](https://web.archive.org/web/20190301000000/https://m.example.tw/news/2)" in ex.markdown


def test_page_address_helpers() -> None:
    doc = parse_document('<html><head><base href="/web/2019/https://m.example.tw/">'
                         '<link rel="alternate canonical" href="/web/2019id_/https://x.example.org/a">'
                         "</head><body><p>x</p></body></html>")
    assert base_href(doc) == "/web/2019/https://m.example.tw/"
    assert own_url(doc) == "https://x.example.org/a"  # a capture URL read as its original
    assert own_url(parse_document("<html><head><link rel=canonical href='/a'></head><body>x</body></html>")) is None
    assert original_url("/web/2019im_/https://x.org/p.jpg") == "https://x.org/p.jpg"
    assert original_url("https://x.org/web/a") == "https://x.org/web/a"


def test_a_base_that_cannot_be_resolved_is_ignored() -> None:
    links = LinkMapper(None, None, "sub/dir/")
    assert links("page.html") == "page.html"
    assert LinkMapper("https://x.org/a/b", None, "sub/")("c") == "https://x.org/a/sub/c"
    assert LinkMapper("https://x.org/a/b", None, None)("#top") == "#top"


def test_a_script_link_is_text_in_any_case() -> None:
    # A URL's scheme is case-insensitive: 'Javascript:' runs a script as 'javascript:' does.
    data = _page("", '<a href="Javascript:%20history.back();">back</a> and <a href="JAVASCRIPT:void(0)">more</a>'
                     ' and <a href="MAILTO:desk@example.org">write</a>')
    ex = extract_page(data, capture_url=CAPTURE)
    assert "back and more and" in ex.markdown
    assert "avascript" not in ex.markdown.lower()
    assert "[write](MAILTO:desk@example.org)" in ex.markdown  # not made a capture URL
