"""A WordPress post's page: the teasers of other posts go before extraction."""

from __future__ import annotations

import lxml.html

from newsark.extract import extract_page
from newsark.extract.otherposts import drop_other_posts

from .fixtures import en_para

_TEASERS = "".join(
    f"<article class='post-{n} post type-post status-publish hentry'><h3><a href='/p/{n}'>Other story {n}</a></h3>"
    f"<div class='excerpt'><p>{en_para(45, n)}</p></div></article>" for n in (81, 82, 83))


def _page(own: str = "postid-7", article_class: str = "post-7 post type-post status-publish hentry",
          teasers: str = _TEASERS) -> str:
    story = "".join(f"<p>{en_para(60, i)}</p>" for i in range(4))
    return (f"<html><head><title>A story</title></head><body class='single single-post {own}'>"
            f"<main><article class='{article_class}'><h1>A story</h1><div class='entry-content'>{story}"
            f"<div class='related'>{teasers}</div></div></article></main></body></html>")


def test_teasers_of_other_posts_leave_the_body() -> None:
    out = extract_page(_page().encode(), url="https://blog.example/a-story/")
    assert en_para(60, 3) in out.text
    assert not any(en_para(45, n) in out.text for n in (81, 82, 83))
    assert "Other story" not in out.markdown


def test_teasers_classed_without_hentry_go_too() -> None:
    # (some themes drop 'hentry'; every published post stays 'status-publish')
    html = _page(teasers=_TEASERS.replace(" hentry", ""))
    doc = lxml.html.document_fromstring(html)
    assert drop_other_posts(doc, html) == 3


def test_teasers_stay_on_pages_whose_ids_cannot_be_trusted() -> None:
    # a list page (no postid), and a theme that names post 1 but marks no element as it
    for html in (_page(own="blog"), _page(article_class="entry")):
        doc = lxml.html.document_fromstring(html)
        assert drop_other_posts(doc, html) == 0
        assert all(en_para(45, n) in doc.text_content() for n in (81, 82, 83))


def test_a_post_that_holds_the_page_is_not_a_teaser() -> None:
    # a page builder wraps the article in its template's own post (another id)
    html = _page(own="postid-7").replace(
        "<main>", "<main><div class='post-149 tdb_templates type-post hentry'>").replace("</main>", "</div></main>")
    doc = lxml.html.document_fromstring(html)
    assert drop_other_posts(doc, html) == 3  # the three teasers only
    assert en_para(60, 0) in doc.text_content()
