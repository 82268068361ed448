"""A story's lead picture, above its text in the page's header, leads the body."""
from __future__ import annotations

from newsark.extract.page import extract_page

PARAS = "".join(
    f"<p>The harbour ferry service will change its timetable in month {n} after a long review by the "
    f"board, which heard from commuters, traders and the crews who run the boats every day.</p>"
    for n in range(1, 7))


def _page(between: str, *, h1: str = "<h1>Harbour ferry timetable changes</h1>", head: str = "") -> bytes:
    return ("<html><head><title>Harbour ferry timetable changes | The Gazette</title>" + head + "</head><body>"
            "<header class='site-header'><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
            "<main><article><header class='article-header'>" + h1 + between + "</header>"
            "<div class='article-body'>" + PARAS + "</div></article></main>"
            "<footer><p>The Gazette, 1 Harbour Road. All rights reserved.</p></footer></body></html>").encode()


HERO = ("<figure class='hero'><img src='https://cdn.example.org/ferry-hero.jpg' alt='A white boat beside a wooden pier'>"
        "<figcaption>The ferry at the pier at dawn. <span class='credit'>Photo: A. Person</span></figcaption></figure>")


def test_the_pictures_between_the_headline_and_the_text_leads_the_body_with_its_caption() -> None:
    ex = extract_page(_page("<p class='byline'>By Jane Doe</p>" + HERO), url="https://example.org/ferry")
    assert ex.figures[0] == {"src": "https://cdn.example.org/ferry-hero.jpg", "caption": "The ferry at the pier at dawn.",
                             "credit": "Photo: A. Person", "alt": "A white boat beside a wooden pier"}
    assert ex.markdown.startswith("<figure>\n<img src=\"https://cdn.example.org/ferry-hero.jpg\"")
    assert ex.markdown.count("<figure>") == 1 and "By Jane Doe" not in ex.markdown
    assert ex.text.startswith("The harbour ferry service")  # the caption stays with its picture


def test_the_open_graph_picture_leads_without_a_figure() -> None:
    og = "<meta property='og:image' content='https://cdn.example.org/ferry-hero-1200x630.jpg'>"
    bare = "<div class='media'><img src='https://cdn.example.org/ferry-hero-800x450.jpg' alt='The ferry'></div>"
    ex = extract_page(_page(bare, head=og), url="https://example.org/ferry")
    assert [f["src"] for f in ex.figures] == ["https://cdn.example.org/ferry-hero-800x450.jpg"]
    # a picture the page does not call the story's (no figure, caption or Open Graph) stays out
    ex = extract_page(_page(bare), url="https://example.org/ferry")
    assert ex.figures == []


def test_headshots_teasers_site_pictures_and_headline_less_pages_lead_nothing() -> None:
    for between in (
        "<figure class='author-photo'><img src='https://cdn.example.org/jane.jpg'><figcaption>Jane Doe</figcaption></figure>",
        "<figure><img src='https://cdn.example.org/jane.jpg' width='60' height='60'><figcaption>Jane Doe</figcaption></figure>",
        ("<a href='https://example.org/other-story'><figure><img src='https://cdn.example.org/other.jpg'>"
         "<figcaption>Another story</figcaption></figure></a>"),
        "<aside><figure><img src='https://cdn.example.org/ad.jpg'><figcaption>Advertisement</figcaption></figure></aside>",
    ):
        ex = extract_page(_page(between), url="https://example.org/ferry")
        assert ex.figures == [], between
    ex = extract_page(_page(HERO, h1=""), url="https://example.org/ferry")
    assert ex.figures == []


def test_a_body_that_opens_with_its_picture_gets_no_second_one() -> None:
    inline = ("<figure><img src='https://cdn.example.org/ferry-inline.jpg'><figcaption>The timetable board"
              "</figcaption></figure>")
    page = _page(HERO).replace(b"<div class='article-body'>", f"<div class='article-body'>{inline}".encode())
    ex = extract_page(page, url="https://example.org/ferry")
    assert [f["src"] for f in ex.figures] == ["https://cdn.example.org/ferry-inline.jpg"]


def test_an_article_holding_twice_the_story_still_leads_with_its_picture_a_page_of_stories_does_not() -> None:
    def with_aside(words: int) -> bytes:
        note = " ".join(f"word{i}" for i in range(words))
        return _page(HERO).replace(b"</article>", f"<aside class='more'><p>{note}</p></aside></article>".encode())

    story = len(" ".join(PARAS.split("<p>")).split())  # about the body's words
    # an article element with as much again beside the story (a newspaper's related box,
    # its comments): the picture is the story's
    assert [f["src"] for f in extract_page(with_aside(story), url="https://example.org/ferry").figures] == [
        "https://cdn.example.org/ferry-hero.jpg"]
    # three times the story's words around it: a page of several stories, no lead taken
    assert extract_page(with_aside(3 * story), url="https://example.org/ferry").figures == []


def test_a_lead_picture_in_a_lightbox_button_leads_a_plain_buttons_picture_does_not() -> None:
    ex = extract_page(_page("<button class='zoom'>" + HERO + "</button>"), url="https://example.org/ferry")
    assert [f["src"] for f in ex.figures] == ["https://cdn.example.org/ferry-hero.jpg"]
    og = "<meta property='og:image' content='https://cdn.example.org/ferry-hero.jpg'>"
    plain = "<button class='play'><img src='https://cdn.example.org/ferry-hero.jpg' alt='Play the video'></button>"
    assert extract_page(_page(plain, head=og), url="https://example.org/ferry").figures == []


def test_a_lead_picture_under_the_dek_that_opens_the_body_still_leads() -> None:
    from lxml import html

    from newsark.extract.leadpicture import lead_picture
    from newsark.extract.page import parse_document

    dek = "<p class='dek'>Commuters will wait less at the busiest piers from next spring, the board says.</p>"
    doc = parse_document(_page(dek + HERO).decode())
    body = html.fromstring(f"<div>{dek}{PARAS}</div>")  # a body that opens with the dek
    img = lead_picture(doc, body)
    assert img is not None and img.get("src") == "https://cdn.example.org/ferry-hero.jpg"
    # the headline and the dek in rows of their own, in the article's header (Wired)
    rows = _page("<div class='row'><p class='dek'>" + dek[len("<p class='dek'>"):] + "</div>" + HERO,
                 h1="<div class='row'><h1>Harbour ferry timetable changes</h1></div>")
    img = lead_picture(parse_document(rows.decode()), html.fromstring(f"<div>{dek}{PARAS}</div>"))
    assert img is not None and img.get("src") == "https://cdn.example.org/ferry-hero.jpg"
    # a long first block above the picture is the story's text, not a dek: no lead
    long_dek = dek.replace("the board says.", "the board says. " + "More words follow here. " * 20)
    doc = parse_document(_page(long_dek + HERO).decode())
    assert lead_picture(doc, html.fromstring(f"<div>{long_dek}{PARAS}</div>")) is None


def test_a_hero_above_the_headline_in_its_header_leads() -> None:
    ex = extract_page(_page("", h1=HERO + "<h1>Harbour ferry timetable changes</h1>"), url="https://example.org/ferry")
    assert [f["src"] for f in ex.figures] == ["https://cdn.example.org/ferry-hero.jpg"]
    # one after the headline is still preferred to one above it
    after = HERO.replace("ferry-hero.jpg", "ferry-after.jpg")
    ex = extract_page(_page(after, h1=HERO + "<h1>Harbour ferry timetable changes</h1>"), url="https://example.org/ferry")
    assert [f["src"] for f in ex.figures] == ["https://cdn.example.org/ferry-after.jpg"]


def test_a_body_that_opens_with_its_lead_pictures_caption_as_a_line_loses_the_line() -> None:
    """thepaper writes the lead picture's caption as a grey line of text under it
    ('共享充电宝。视觉中国 资料'); readability keeps the line, not the picture, and the picture
    put back above it carries the caption: the line goes, the story's next line stays."""
    import lxml.html

    from newsark.extract.leadpicture import with_lead_picture
    from newsark.extract.links import LinkMapper

    img = lxml.html.fromstring("<div><img src='https://img.example.org/420.jpg' width='600' height='400'></div>").find(".//img")
    story = "“以前花一两元就能充满电，前几天一下子被扣了12元。”吴先生说。"
    md, figures = with_lead_picture(f"共享充电宝。视觉中国 资料\n\n{story}", [], img, LinkMapper(None, None, None),
                                    lambda _: ("共享充电宝。", "视觉中国 资料"))
    assert md.endswith(f"</figure>\n\n{story}") and md.count("共享充电宝。") == 1
    assert figures[0]["caption"] == "共享充电宝。" and figures[0]["credit"] == "视觉中国 资料"
    # a first line that only begins like the caption is the story's
    md, _ = with_lead_picture(f"共享充电宝。视觉中国 资料显示，租金上涨。\n\n{story}", [], img,
                              LinkMapper(None, None, None), lambda _: ("共享充电宝。", "视觉中国 资料"))
    assert "资料显示，租金上涨。" in md
