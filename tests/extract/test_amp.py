"""An AMP copy of a story (what the Wayback Machine often holds) keeps its pictures and players."""
from __future__ import annotations

from lxml import etree, html

from newsark.extract import extract_page
from newsark.extract.amp import read_amp

PARAS = "".join(
    f"<p>The harbour ferry will change its timetable in month {n}, after a long review by the board, "
    "which heard from commuters, traders and the crews who run the boats every day.</p>" for n in range(1, 5))


def _amp_page(between: str) -> bytes:
    return ("<!doctype html><html amp lang='en'><head><meta charset='utf-8'><title>Ferry timetable changes</title>"
            "<link rel='canonical' href='https://news.example.org/ferry'>"
            "<script async src='https://cdn.ampproject.org/v0.js'></script>"
            "<style amp-boilerplate>body{visibility:hidden}</style></head><body>"
            "<header><a href='/'><amp-img src='https://news.example.org/logo.png' width='120' height='30' alt='The Gazette'>"
            "</amp-img></a></header><article><h1>Ferry timetable changes</h1>" + PARAS[: len(PARAS) // 2] + between
            + PARAS[len(PARAS) // 2 :] + "</article></body></html>").encode()


def test_an_amp_storys_pictures_and_players_are_kept() -> None:
    figure = ("<figure><amp-img src='https://cdn.example.org/ferry.jpg' width='1200' height='800' layout='responsive' "
              "alt='The ferry at the pier'><amp-img placeholder src='https://cdn.example.org/ferry-blur.jpg' "
              "layout='fill'></amp-img><noscript><img src='https://cdn.example.org/ferry.jpg' alt=''></noscript>"
              "</amp-img><figcaption>The ferry at the pier. Photo: A. Person</figcaption></figure>")
    player = "<amp-youtube data-videoid='dQw4w9WgXcQ' layout='responsive' width='480' height='270'></amp-youtube>"
    ex = extract_page(_amp_page(figure + player), url="https://news.example.org/ferry/amp")
    assert [(f["src"], f["caption"] or f["credit"]) for f in ex.figures] \
        == [("https://cdn.example.org/ferry.jpg", "The ferry at the pier.")]
    assert ex.markdown.count("<figure>") == 1  # not its placeholder, nor its <noscript> copy
    assert '{{< video src="https://www.youtube.com/embed/dQw4w9WgXcQ" >}}' in ex.markdown
    assert "logo.png" not in ex.markdown


def test_amp_elements_become_the_html_they_stand_for() -> None:
    page = ("<div><amp-img src='a.jpg' alt='A'><noscript><img src='a.jpg'></noscript></amp-img>"
            "<amp-anim src='b.gif'></amp-anim><amp-vimeo data-videoid='123'></amp-vimeo>"
            "<amp-youtube></amp-youtube><amp-video src='c.mp4'></amp-video><amp-iframe src='https://x.org/map'></amp-iframe>"
            "</div>")
    doc = html.fromstring(page)
    assert read_amp(doc, page) == 5  # the player without an id stays as it is
    assert etree.tostring(doc, encoding="unicode") == (
        '<div><img src="a.jpg" alt="A"/><img src="b.gif"/><iframe data-videoid="123" '
        'src="https://player.vimeo.com/video/123"/><amp-youtube/><video src="c.mp4"/>'
        '<iframe src="https://x.org/map"/></div>')
    assert read_amp(html.fromstring("<p>no AMP</p>"), "<p>no AMP</p>") == 0


def test_an_amp_storys_posts_keep_their_words_and_links() -> None:
    """<amp-twitter> holds the tweet's quote for readers without scripts (its placeholder):
    the post keeps its words, who posted and its link, as a page of X's own embed does;
    <amp-instagram> becomes the link to the post."""
    tweet = ("<amp-twitter width='375' height='472' layout='responsive' data-tweetid='1180000000000000000'>"
             "<blockquote placeholder data-lang='en'><p lang='en'>The new ferries are here, "
             "quieter and faster than ever.</p>&mdash; Harbour Board (@harbourboard) "
             "<a href='https://twitter.com/harbourboard/status/1180000000000000000'>October 4, 2019</a></blockquote>"
             "</amp-twitter>")
    gram = "<amp-instagram data-shortcode='B3xYz12AbCd' width='1' height='1' layout='responsive'></amp-instagram>"
    bare = "<amp-twitter data-tweetid='1180000000000000001' width='375' height='472'></amp-twitter>"
    page = _amp_page(tweet + gram + bare).replace(
        b"</head>", b"<script async custom-element='amp-twitter' src='https://cdn.ampproject.org/v0/amp-twitter-0.1.js'>"
                    b"</script></head>")
    ex = extract_page(page, url="https://news.example.org/ferry/amp")
    assert "> The new ferries are here, quieter and faster than ever." in ex.markdown
    assert "[October 4, 2019](https://twitter.com/harbourboard/status/1180000000000000000)" in ex.markdown
    assert "[Instagram post](https://www.instagram.com/p/B3xYz12AbCd/)" in ex.markdown
    assert "https://twitter.com/i/status/1180000000000000001" in ex.markdown
