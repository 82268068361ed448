"""A page whose HTML shows little of its story keeps the story its JSON-LD articleBody holds."""

from __future__ import annotations

import json

from newsark.extract import extract_page

from .fixtures import EN_ARTICLE

PARAS = ["The council approved the new ferry timetable on Tuesday after a long review & debate.",
         "Residents said the evening sailings would change their commute, and asked for passenger counts.",
         "The operator said fares would stay the same until the end of the year, according to a statement.",
         "Officials will publish a review after three months of the new sailings, the council said."]


def _shell(article_body: str) -> bytes:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry timetable approved",
          "datePublished": "2021-03-04T08:00:00+08:00", "author": {"@type": "Person", "name": "Jane Doe"},
          "articleBody": article_body}
    return (f'<html><head><title>Ferry timetable approved | Harbour News</title><script type="application/ld+json">'
            f'{json.dumps(ld)}</script></head><body><div id="root"><p>Loading…</p></div>'
            '<script src="/app.js"></script></body></html>').encode()


def test_an_application_shell_keeps_the_articles_paragraphs_from_its_json_ld() -> None:
    ex = extract_page(_shell("\n".join(p.replace("&", "&amp;") for p in PARAS)), url="https://news.example.org/ferry")
    assert ex.markdown.split("\n\n") == PARAS  # a paragraph per line, entities read, nothing else
    assert ex.chosen == "json-ld articleBody" and ex.is_article
    assert (ex.title, ex.author, ex.date) == ("Ferry timetable approved", "Jane Doe", "2021-03-04T08:00:00+08:00")


def test_an_article_body_written_in_html_is_read_as_markup() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS[:3]) + '<p>See the <a href="/fares">fares page</a> for details.</p>'
    ex = extract_page(_shell(body.replace("&", "&amp;")), url="https://news.example.org/ferry")
    assert ex.markdown.split("\n\n")[:3] == PARAS[:3]
    assert "[fares page](https://news.example.org/fares)" in ex.markdown


def test_a_page_that_shows_its_article_keeps_its_own_body() -> None:
    # the usual case: an articleBody cut short, or the same text the page shows
    ld = {"@type": "NewsArticle", "articleBody": " ".join(PARAS)[:500]}
    page = EN_ARTICLE.replace("</head>", f'<script type="application/ld+json">{json.dumps(ld)}</script></head>')
    ex = extract_page(page.encode(), url="https://news.example.org/2020/03/04/ferry")
    assert ex.chosen != "json-ld articleBody" and "fewer sailings after nine" in ex.text
    # a short articleBody does not stand in for a shell's empty page either
    assert extract_page(_shell(PARAS[0]), url="https://news.example.org/ferry").chosen != "json-ld articleBody"
