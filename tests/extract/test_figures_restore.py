"""Figures whose image an extractor dropped get it back from the page."""
from __future__ import annotations

from lxml import html

from newsark.extract.figures import restore_figure_images
from newsark.extract.media import image_src

PLACEHOLDER = "data:image/svg+xml;charset=utf-8,%3Csvg%20xmlns%3D'http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg'%2F%3E"


def test_a_lazy_placeholder_in_a_lightbox_link_is_the_linked_picture() -> None:
    img = html.fromstring(f"<div><a href='https://cdn.example.org/p/1_XXL.jpg'><img src=\"{PLACEHOLDER}\"></a></div>").find(".//img")
    assert image_src(img) == "https://cdn.example.org/p/1_XXL.jpg"
    img = html.fromstring(f"<div><a href='https://example.org/story'><img src=\"{PLACEHOLDER}\"></a></div>").find(".//img")
    assert image_src(img) == ""  # a link to a page is not a picture


def test_other_lazy_loaders_attributes_name_the_picture() -> None:
    """NitroPack's 'nitro-lazy-src' (459 pictures on 12 WCXB pages had none), CNN's sizes
    ('data-src-mini' … 'data-src-large'), 'data-lazy', LinkedIn's 'data-delayed-url': the
    picture's own URL, the large size of several; an attribute that is no source is not."""
    def src(attrs: str) -> str:
        return image_src(html.fromstring(f"<div><img src=\"{PLACEHOLDER}\" {attrs}></div>").find(".//img"))

    assert src("nitro-lazy-src='https://cdn.example.org/a-1024x683.webp' "
               "nitro-lazy-srcset='https://cdn.example.org/a-300x200.webp 300w'") == "https://cdn.example.org/a-1024x683.webp"
    assert src("data-src-mini='//cdn.example.org/b-mini.jpg' data-src-large='//cdn.example.org/b-large.jpg'") \
        == "//cdn.example.org/b-large.jpg"
    assert src("data-lazy='/img/c.png'") == "/img/c.png"
    assert src("data-delayed-url='https://media.example.org/d?e=1&t=x'") == "https://media.example.org/d?e=1&t=x"
    assert src("data-href='https://example.org/story' data-lazy='data:image/gif;base64,R0lGOD'") == ""
    assert src("data-pin-url='https://example.org/story' data-share-url='https://example.org/s'") == ""


def test_an_image_whose_files_only_its_pictures_sources_name_takes_the_first() -> None:
    """Medium writes '<picture><source srcset="…640w, …720w"><img alt="" width="700"></picture>':
    the image has no file of its own; its <picture>'s sources name them."""
    img = html.fromstring(
        "<div><picture><source srcset='data:,' type='image/avif'>"
        "<source srcset='https://miro.example.org/fit:640/a.webp 640w, https://miro.example.org/fit:720/a.webp 720w'>"
        "<img alt='' width='700'></picture></div>").find(".//img")
    assert image_src(img) == "https://miro.example.org/fit:640/a.webp"
    lazy = html.fromstring("<div><picture><source data-srcset='https://cdn.example.org/b.jpg 1x'><img alt=''>"
                           "</picture></div>").find(".//img")
    assert image_src(lazy) == "https://cdn.example.org/b.jpg"
    assert image_src(html.fromstring("<div><picture><img alt=''></picture></div>").find(".//img")) == ""


def test_empty_figures_take_the_image_of_the_pages_figure_with_their_caption() -> None:
    page = html.fromstring(
        "<html><body><article>"
        "<figure><a href='https://cdn.example.org/a.jpg'><img src=\"" + PLACEHOLDER + "\"></a>"
        "<figcaption>The pier at dawn. Credit: A. Person</figcaption></figure>"
        "<figure class='wide'><div><img src='https://cdn.example.org/b.jpg'></div></figure>"
        "<figure><img src='https://cdn.example.org/c.jpg'><figcaption>Another caption</figcaption></figure>"
        "</article></body></html>")
    body = html.fromstring("<div><figure class='wide'></figure><p>Text.</p>"
                           "<figure><figcaption>The pier at dawn. Credit: A. Person</figcaption></figure>"
                           "<figure><figcaption>Not on the page</figcaption></figure></div>")
    assert restore_figure_images(body, page) == 2
    srcs = [f.find(".//img").get("src") if f.find(".//img") is not None else None for f in body.iter("figure")]
    assert srcs == ["https://cdn.example.org/b.jpg", "https://cdn.example.org/a.jpg", None]


def test_lazily_loaded_figures_reach_the_article() -> None:
    from newsark.extract.page import extract_page

    para = "<p>The harbour ferry service will change its timetable next month after a review by the board.</p>"
    lazy = ("<figure class='wp-block-image'><img src=\"{ph}\" data-lazy-src='https://cdn.example.org/ferry-{n}.jpg' "
            "alt='The ferry'><noscript><img src='https://cdn.example.org/ferry-{n}.jpg' alt='The ferry'></noscript>"
            "<figcaption>The ferry at dawn, number {n}.</figcaption></figure>")
    page = ("<html><body><article><h1>Ferry</h1>" + para * 2 + lazy.format(ph=PLACEHOLDER, n=1) + para * 2
            + lazy.format(ph=PLACEHOLDER, n=2) + para + "</article></body></html>")
    ex = extract_page(page.encode(), url="https://example.org/ferry")
    assert [(f["src"], f["caption"]) for f in ex.figures] == [
        ("https://cdn.example.org/ferry-1.jpg", "The ferry at dawn, number 1."),
        ("https://cdn.example.org/ferry-2.jpg", "The ferry at dawn, number 2.")]
    assert ex.markdown.count("<figure>") == 2 and "data:" not in ex.markdown


def test_layzr_pictures_are_read_from_data_normal() -> None:
    """Slate's lazy loader (layzr.js) writes the picture only in data-normal."""
    img = html.fromstring("<div><img class='image__src' data-normal='https://cdn.example.org/ford.jpeg?width=780'>"
                          "</div>").find(".//img")
    assert image_src(img) == "https://cdn.example.org/ford.jpeg?width=780"


def test_a_lazy_loaders_placeholder_file_gives_way_to_the_linked_picture() -> None:
    img = html.fromstring("<div><a href='https://cdn.example.org/p/pier.jpg'><img class='lazy' "
                          "src='//example.org/plugins/a3-lazy-load/images/lazy_placeholder.gif'></a></div>").find(".//img")
    assert image_src(img) == "https://cdn.example.org/p/pier.jpg"
    img = html.fromstring("<div><img src='https://example.org/img/blank.gif'></div>").find(".//img")
    assert image_src(img) == ""


def test_protocol_relative_pictures_take_the_pages_scheme_and_come_once() -> None:
    from newsark.extract.page import extract_page

    para = "<p>The harbour ferry service will change its timetable in month {n} after a review by the board.</p>"
    pic = "<div class='gallery'><picture><img src='//cdn.example.org/ferry-{n}.webp' alt=''></picture></div>"
    page = ("<html><body><article><h1>Ferry</h1>" + para.format(n=1) + pic.format(n=1) + para.format(n=2)
            + pic.format(n=2) + para.format(n=3) + "</article></body></html>")
    for url, scheme in (("https://example.org/ferry", "https"), ("http://example.org/ferry", "http")):
        ex = extract_page(page.encode(), url=url)
        assert [f["src"] for f in ex.figures] == [f"{scheme}://cdn.example.org/ferry-1.webp",
                                                  f"{scheme}://cdn.example.org/ferry-2.webp"]
    ex = extract_page(page.encode())  # no page URL: the scheme is unknown, the picture still comes once
    assert len(ex.figures) == 2


def test_a_captioned_figures_picture_is_content_whatever_its_file_is_named() -> None:
    from newsark.extract import extract_page

    para = "<p>{} is an agency that plans campaigns for small brands and reports on them every month.</p>"
    entries = "".join(
        f"<h2>{i}. Agency {i}</h2><figure><div><img src='https://cdn.example.org/agency{i}-logo-body-min.jpeg' alt=''></div>"
        f"<figcaption><em>Source: </em><a href='https://agency{i}.example.com/'><em>Agency {i}</em></a></figcaption></figure>"
        + para.format(f"Agency {i}") * 3 for i in range(1, 5))
    page = ("<html><head><title>Best agencies</title></head><body><header><img src='/img/site-logo.png' alt='logo'></header>"
            f"<article><h1>Best agencies</h1>{entries}</article></body></html>")
    srcs = [f["src"] for f in extract_page(page.encode(), url="https://example.org/best").figures]
    assert srcs == [f"https://cdn.example.org/agency{i}-logo-body-min.jpeg" for i in range(1, 5)]
    # without a caption, a picture named a logo is still the site's or a partner's logo
    uncaptioned = page.replace("<figcaption><em>Source: </em>", "<span><em>Source: </em>").replace("</figcaption>", "</span>")
    assert extract_page(uncaptioned.encode(), url="https://example.org/best").figures == []


def test_a_placeholder_takes_the_picture_the_page_writes_beside_it_in_noscript() -> None:
    from newsark.extract import extract_page

    para = "<p>Interfaces can be part of the game's world or drawn over it, and players read both kinds {}.</p>"
    figure = ("<figure><div><img aria-hidden='true' alt='' src='data:image/svg+xml;base64,PHN2Zz4='>"
              "<img alt='' src='data:,'><noscript><picture><img src='https://cdn.example.org/ui-{0}.png' "
              "alt='Character selection {0}'></picture></noscript></div><figcaption>Menu {0}</figcaption></figure>")
    body = "".join(para.format(i) + figure.format(i) for i in range(3)) + para.format("at last")
    page = f"<html><head><title>Game UI</title></head><body><article><h1>Game UI</h1>{body}</article></body></html>"
    figures = extract_page(page.encode(), url="https://example.org/ui").figures
    assert [(f["src"], f["caption"]) for f in figures] == [(f"https://cdn.example.org/ui-{i}.png", f"Menu {i}") for i in range(3)]
    # a <noscript> of several pictures says nothing of which one the placeholder is
    two = page.replace("</picture></noscript>", "</picture><img src='https://cdn.example.org/other.png'></noscript>")
    assert extract_page(two.encode(), url="https://example.org/ui").figures == []


def test_a_picture_written_only_in_noscript_where_a_script_draws_it_is_shown() -> None:
    """Picturefill's '<span data-picture>' of '<span data-src>' sources, the picture itself
    only in <noscript> (the Smithsonian's lead pictures, Instructables' steps): a script draws
    it, so it is the article's. A linked picture in <noscript> (an ad server's banner) is not."""
    from newsark.extract import extract_page

    para = "<p>Step {}: cut the stock to length, mark the joints and check every piece twice before gluing.</p>"
    step = ("<section><h2>Step {0}</h2><div class='mediaset'></div><noscript><div class='no-js-photoset'>"
            "<img src='https://cdn.example.org/step-{0}.jpg' alt='Step {0}'></div></noscript>")
    lead = ("<figure class='article-image'><span data-picture=''><span data-src='https://cdn.example.org/lead-420.jpg'>"
            "</span><noscript><img src='https://cdn.example.org/lead-800.jpg' alt=''></noscript></span>"
            "<figcaption>The finished table in the workshop.</figcaption></figure>")
    ad = ("<noscript><a href='https://ads.example.org/ck.php?zoneid=9'><img src='https://ads.example.org/avw.php?zoneid=9'>"
          "</a></noscript>")
    body = lead + "".join(step.format(i) + para.format(i) + "</section>" for i in range(1, 4)) + ad + para.format("last")
    page = f"<html><head><title>Table</title></head><body><article><h1>Table</h1>{body}</article></body></html>"
    figures = extract_page(page.encode(), url="https://example.org/table").figures
    assert [(f["src"], f["caption"]) for f in figures] == [
        ("https://cdn.example.org/lead-800.jpg", "The finished table in the workshop."),
        *((f"https://cdn.example.org/step-{i}.jpg", "") for i in range(1, 4))]
    from newsark.extract.figures import show_scripted_pictures

    doc = html.fromstring(f"<div><p>Text.</p><div class='ad'>{ad}</div><div>{lead}</div></div>")
    assert show_scripted_pictures(doc) == 1  # the lead picture; the ad's stays in its <noscript>
    assert [img.getparent().tag for img in doc.iter("img")] == ["a", "span"]


def test_a_figure_in_a_lightbox_button_is_the_articles_picture() -> None:
    from newsark.extract import extract_page

    para = "<p>Part {}: the model reads bytes, not tokens, and its encoder groups them into patches.</p>"
    lightbox = ("<button class='zoom'><figure><img src='https://cdn.example.org/arch-{0}.png' width='800' alt=''>"
                "<figcaption>The architecture, part {0}.</figcaption></figure></button>")
    poster = "<button class='play'><img src='https://cdn.example.org/poster-{0}.jpg' width='800' alt=''></button>"
    body = "".join(para.format(f"{i}a") + para.format(f"{i}b") + lightbox.format(i) + para.format(f"{i}c") + poster.format(i)
                   + para.format(f"{i}d") for i in range(2))
    page = f"<html><head><title>Bytes</title></head><body><main><h1>Bytes</h1>{body}{para.format('at last')}</main></body></html>"
    figures = extract_page(page.encode(), url="https://example.org/bytes").figures
    assert [(f["src"], f["caption"]) for f in figures] == [
        (f"https://cdn.example.org/arch-{i}.png", f"The architecture, part {i}.") for i in range(2)]


def test_captioned_icons_badges_network_pictures_and_drawings_are_content_favicons_never() -> None:
    from newsark.extract import extract_page

    para = "<p>Step {}: the course teaches storage and cloud basics to beginners in short weekly lessons.</p>"
    shown = [("https://cdn.example.org/chatbot-icons.jpg", "The chatbots we tried"),
             ("https://cdn.example.org/ibm-badge.jpg", "The badge the course gives"),
             ("https://cdn.example.org/facebook-live.webp", "Facebook Live"),
             ("https://cdn.example.org/method-diagram.svg", "How the method works")]
    figures = "".join(para.format(i) + f"<figure><img src='{src}' alt=''><figcaption>{cap}</figcaption></figure>"
                      for i, (src, cap) in enumerate(shown))
    junk = ("<figure><img src='https://example.org/favicon.ico' alt=''><figcaption>Site</figcaption></figure>"
            "<p><img src='https://cdn.example.org/share-icon.png' alt=''></p>")
    page = (f"<html><head><title>Courses</title></head><body><article><h1>Courses</h1>{figures}{junk}"
            f"{para.format('last')}</article></body></html>")
    got = [(f["src"], f["caption"]) for f in extract_page(page.encode(), url="https://example.org/c").figures]
    assert got == shown


def test_names_of_placeholders_icons_and_captions_are_read_in_any_case() -> None:
    """The patterns for these names are searched in lower case (faster than ignoring case):
    a name written in capitals still counts."""
    from newsark.extract.figures import image_caption
    from newsark.extract.media import is_content_image

    lazy = html.fromstring("<div><img src='/img/Lazy_PLACEHOLDER.gif' data-srcset='/p/a.jpg 1x'></div>").find(".//img")
    assert image_src(lazy) == "/p/a.jpg"
    icon = html.fromstring("<div><img src='/static/Share-ICON.png'></div>").find(".//img")
    assert not is_content_image(icon, "/static/Share-ICON.png")
    assert not is_content_image(icon, "/static/Facebook-Logo.png", lambda: False)
    page = html.fromstring("<div><div><img src='/p/b.jpg'></div><p class='Photo-Caption'>The ferry at dawn.</p></div>")
    assert image_caption(page.find(".//img"))[0] == "The ferry at dawn."


def test_a_picture_whose_file_name_says_it_is_an_icon_is_no_figure() -> None:
    from newsark.extract.media import is_content_image

    img = html.fromstring("<div><img src='x'></div>").find(".//img")
    assert not is_content_image(img, "http://p2.example.com/a/2016/0810/204c43size1_w16_h16.png")
    assert not is_content_image(img, "https://ex.org/wp-content/uploads/mark-16x16.png")
    assert is_content_image(img, "https://x0.example.com/cmpp/2020_37/01b103f2_w568_h429.png")
    assert is_content_image(img, "https://ex.org/wp-content/uploads/ferry-150x150.jpg")
