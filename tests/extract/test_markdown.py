"""Markdown of a body: blocks keep their words apart, text that looks like markup stays text."""
from __future__ import annotations

import pytest
from lxml import html

from newsark.extract.links import LinkMapper
from newsark.extract.markdown import to_markdown
from newsark.extract.plaintext import plain_text


def _md(fragment: str) -> str:
    return to_markdown(html.fromstring(fragment), LinkMapper(None, None))[0]


def test_blocks_inside_a_list_item_keep_their_words_apart() -> None:
    md = _md("<div><ul><li><div>March 17, 2026</div><a href='https://ex.org/e'>Midsize Summit</a>"
             "<div>Florida, United States</div><div>Product Specs</div><div>Resolution</div></li></ul></div>")
    assert md == ("- March 17, 2026 [Midsize Summit](https://ex.org/e) Florida, United States Product Specs "
                  "Resolution")


def test_a_paragraph_that_starts_like_markup_stays_a_paragraph() -> None:
    md = _md("<div><p>1. Safety first: keep the water clean.</p><p>- 3 degrees tonight</p>"
             "<p># 1 hit of the year</p><ol><li>A real item</li></ol><p>3.5 percent</p></div>")
    assert md.split("\n\n") == ["1\\. Safety first: keep the water clean.", "\\- 3 degrees tonight",
                                "\\# 1 hit of the year", "1. A real item", "3.5 percent"]
    # the plain text keeps the paragraph's own number and signs, not the list's marker
    assert plain_text(md).split("\n\n") == ["1. Safety first: keep the water clean.", "- 3 degrees tonight",
                                            "# 1 hit of the year", "A real item", "3.5 percent"]


def test_a_figure_of_a_table_keeps_the_table_and_a_lone_caption_stays_out() -> None:
    md = _md("<div><figure><table><tr><th>Certification</th><th>Cost</th></tr><tr><td>CAPM</td><td>$225</td></tr>"
             "</table><figcaption>Costs in 2025</figcaption></figure>"
             "<figure><figcaption>A photo the extractor dropped. Credit: A. Person</figcaption></figure></div>")
    assert md == "| Certification | Cost |\n|---|---|\n| CAPM | $225 |"


def test_an_accordion_question_inside_its_button_is_kept() -> None:
    md = _md("<div><h2>FAQs</h2><button type='button'><h3>Are there free courses?</h3><svg></svg></button>"
             "<div><p>Yes, several.</p></div><button>Share</button></div>")
    assert md == "## FAQs\n\n### Are there free courses?\n\nYes, several."


def test_links_with_brackets_or_parentheses_stay_whole() -> None:
    md = _md("<div><p>See <a href='http://x.org/blog/p'>[The Palace] More Reviews!</a> and "
             "<a href='https://en.wikipedia.org/wiki/Foo_(bar)'>Foo (bar)</a>.</p></div>")
    assert md == ("See [\\[The Palace\\] More Reviews!](http://x.org/blog/p) and "
                  "[Foo (bar)](https://en.wikipedia.org/wiki/Foo_%28bar%29).")
    assert plain_text(md) == "See [The Palace] More Reviews! and Foo (bar)."  # no URL left in the text


def test_an_html5_video_becomes_the_video_shortcode_in_place() -> None:
    html_ = ("<div><p>Intro text here.</p><figure><div><video controls><source src='https://cdn.example.org/v/1.mp4'>"
             "</video></div><figcaption>The brush in action.</figcaption></figure><p>After.</p></div>")
    links = LinkMapper("https://x.org/a", "https://web.archive.org/web/2020/https://x.org/a")
    md = to_markdown(html.fromstring(html_), links)[0]
    assert md == ('Intro text here.\n\n{{< video src="https://web.archive.org/web/2020if_/https://cdn.example.org/v/1.mp4" >}}'
                  "\n\nAfter.")
    assert plain_text(md) == "Intro text here.\n\nAfter."


def test_white_space_at_the_edges_of_bold_and_links_stays_outside_the_markers() -> None:
    md = _md("<div><p>There is also the<b> payment method</b> filter and a<a href='https://ex.org/r'> new report </a>"
             "from the committee, <i>in italics </i>too.</p></div>")
    assert md == ("There is also the **payment method** filter and a [new report](https://ex.org/r) from the "
                  "committee, *in italics* too.")


def test_a_code_block_keeps_its_br_line_breaks() -> None:
    md = _md("<div><pre>#!/usr/bin/env python3<br><br>import subprocess<br>import <b>time</b><br></pre></div>")
    assert md == "```\n#!/usr/bin/env python3\n\nimport subprocess\nimport time\n```"


def test_nested_lists_and_items_made_of_blocks_keep_their_structure() -> None:
    md = _md("<div><ul><li>Fruit<ul><li>Apple</li><li>Pear<ol><li>Conference</li></ol></li></ul></li>"
             "<li>Vegetables</li></ul></div>")
    assert md == "- Fruit\n  - Apple\n  - Pear\n    1. Conference\n- Vegetables"
    md = _md("<div><ol><li><h3>Phoneography</h3><p>Phones rival cameras.</p></li>"
             "<li><h3>Macro</h3><p>Close up.</p><p>Very close.</p></li></ol><h3>1. Pliers</h3></div>")
    assert md == ("1. ### Phoneography\n\n   Phones rival cameras.\n2. ### Macro\n\n   Close up.\n\n"
                  "   Very close.\n\n### 1. Pliers")
    # the plain text has no markers, nested or not; a heading's own number stays
    assert [ln.strip() for ln in plain_text(md).split("\n") if ln.strip()] == [
        "Phoneography", "Phones rival cameras.", "Macro", "Close up.", "Very close.", "1. Pliers"]


def test_an_ordered_list_in_trafilaturas_body_keeps_its_numbers() -> None:
    from newsark.extract.candidates import from_trafilatura

    steps = "".join(f"<li>Step {w} of the ferry timetable review, done by the harbour board.</li>"
                    for w in ("one", "two", "three"))
    page = ("<html><body><article><h1>Ferry</h1>"
            + "<p>The harbour ferry service will change its timetable next month after a long review.</p>" * 3
            + f"<ol>{steps}</ol><ul><li>A bullet about the ferry timetable and the harbour.</li></ul>"
            + "</article></body></html>")
    body = from_trafilatura(page, None)
    assert body is not None
    md = to_markdown(body.element, LinkMapper(None, None))[0]
    assert "1. Step one" in md and "3. Step three" in md and "- A bullet" in md


def test_inline_code_is_a_code_span_with_its_text_as_written() -> None:
    # a code span takes no escapes: 'read\\_file' would show its backslash
    assert _md("<div><p>Call <code>read_file</code>, <code>a*b</code> and <code>x`y</code>.</p></div>") == \
        "Call `read_file`, `a*b` and ``x`y``."
    # in a link's text, code holding a bracket is text (escaped there), other code stays code
    md = _md("<div><p><a href='https://ex.org/pr/815'>Remove <code>[no-mentions]</code> and <code>a_b</code></a>"
             " (thanks)</p></div>")
    assert md == "[Remove \\[no-mentions\\] and `a_b`](https://ex.org/pr/815) (thanks)"
    assert plain_text(md) == "Remove [no-mentions] and a_b (thanks)"
    # backticks the page writes as text open no code span
    md = _md("<div><p>The Spiral Model`s pros and `typed` ticks, and <code>real_code</code>.</p></div>")
    assert md == "The Spiral Model\\`s pros and \\`typed\\` ticks, and `real_code`."
    assert plain_text(md) == "The Spiral Model`s pros and `typed` ticks, and real_code."
    from newsark.extract.candidates import from_trafilatura

    # trafilatura's HTML makes every <code> a <pre>: inside a line of text it stays inline
    para = "<p>It first adds a dummy character (<code>#</code>) to the front of both strings of the ferry.</p>"
    page = ("<html><body><article><h1>Ferry</h1>" + para * 4
            + "<pre><code>def f(s1_name):\n    return s1_name</code></pre></article></body></html>")
    body = from_trafilatura(page, None)
    assert body is not None
    md = to_markdown(body.element, LinkMapper(None, None))[0]
    assert "It first adds a dummy character (`#`) to the front" in md
    assert "```\ndef f(s1_name):\n    return s1_name\n```" in md  # a block stays a block


def test_an_ordered_list_that_goes_on_keeps_its_first_number() -> None:
    assert _md("<div><ol start='4'><li>Four</li><li>Five</li></ol><ol start='x'><li>One</li></ol></div>") == \
        "4. Four\n5. Five\n\n1. One"


def test_a_link_around_formatting_survives_trafilatura_with_its_formatting() -> None:
    from newsark.extract.page import extract_page

    para = "<p>The harbour ferry service will change its timetable next month after a review by the board.</p>"
    page = ("<html><body><nav><a href='https://ex.org/menu'>the menu</a></nav><article><h1>Ferry</h1>" + para * 4
            + "<p>Our policy: <a href='https://ex.org/disclosure'><em>read the full disclosure</em></a><em>.</em></p>"
            + "<p>Then <a href='https://ex.org/map'><span><strong>the harbour map</strong></span></a></p>"
            + "<p>See <em><a href='https://ex.org/menu'>the menu</a></em></p>"
            + "<p>And <a href='https://ex.org/kept'><em>this one</em></a>, as it was.</p>" + para + "</article></body></html>")
    md = extract_page(page.encode()).markdown
    assert "[*read the full disclosure*](https://ex.org/disclosure)" in md
    assert "[**the harbour map**](https://ex.org/map)" in md
    assert "[*this one*](https://ex.org/kept), as it was." in md  # text after it: left as it was
    # shown plain in the menu and in italics in the text: the body's link is left as it is
    assert "See [the menu](https://ex.org/menu)" in md


def test_emphasis_of_punctuation_alone_has_no_markers() -> None:
    md = _md("<div><p><i>This post has affiliate links. </i><i>Read the disclosure</i><i>. </i>"
             "<b>:</b> <b>Bold</b></p></div>")
    assert md == "*This post has affiliate links.* *Read the disclosure*. : **Bold**"


def test_adjacent_bold_or_italic_pieces_are_one() -> None:
    md = _md("<div><p>When you chase <b>corporate event trend</b><b>s</b> for their own sake.</p>"
             "<ul><li><strong>B</strong><strong>reakfast:</strong> a main entree</li></ul>"
             "<p><i>one</i><i>two</i> <b>apart</b> <b>words</b> <i>it</i><b>bold</b></p></div>")
    assert md == ("When you chase **corporate event trends** for their own sake.\n\n"
                  "- **Breakfast:** a main entree\n\n*onetwo* **apart** **words** *it***bold**")


def test_emphasis_inside_the_same_emphasis_adds_no_markers() -> None:
    md = _md("<div><p><strong><em><b><i>For those short on time, a <a href='https://ex.org/c'>circuit</a> </i></b>"
             "works.</em></strong></p><p>It tells you <i><em>what happened</em></i>.</p>"
             "<p><b>Bold <i>both <b>again</b></i> end</b></p></div>")
    assert md == ("***For those short on time, a [circuit](https://ex.org/c) works.***\n\n"
                  "It tells you *what happened*.\n\n**Bold *both again* end**")


def test_a_figure_keeps_the_pages_description_when_it_is_not_the_caption() -> None:
    from newsark.extract.media import image_alt

    md = _md("<div><figure><img src='https://ex.org/a.jpg' alt='The ferry leaving the pier at dawn'>"
             "<figcaption>Ferry, 2021</figcaption></figure>"
             "<figure><img src='https://ex.org/b.jpg' alt='Ferry, 2021.'><figcaption>Ferry, 2021</figcaption></figure>"
             "<img src='https://ex.org/c.jpg' alt='IMG_0413.jpg'></div>")
    assert md == ('<figure>\n<img src="https://ex.org/a.jpg" alt="The ferry leaving the pier at dawn">\n'
                  "<figcaption>Ferry, 2021</figcaption>\n</figure>\n\n"
                  '<figure>\n<img src="https://ex.org/b.jpg" alt="">\n<figcaption>Ferry, 2021</figcaption>\n</figure>\n\n'
                  '<figure>\n<img src="https://ex.org/c.jpg" alt="">\n</figure>')
    img = html.fromstring("<img alt='x'>")
    assert image_alt(img, "") == "x"
    img.set("alt", "A \"quoted\" <b> description")  # escaped in the figure's HTML
    assert image_alt(img, "other") == 'A "quoted" <b> description'
    assert image_alt(html.fromstring("<img alt='" + "long " * 80 + "'>"), "") == ""
    # what a script or a template writes where no one described the picture
    for placeholder in ("null", "Image", "ree", "点击查看高清原图", "（点击看清晰大图）", "點擊放大"):
        assert image_alt(html.fromstring(f"<img alt='{placeholder}'>"), "") == ""


def test_theme_art_dividers_and_author_headshots_are_not_figures() -> None:
    from newsark.extract.media import is_content_image

    def ok(src: str) -> bool:
        return is_content_image(html.fromstring(f'<img src="{src}">'), src)

    assert ok("https://x.org/wp-content/uploads/2025/07/harbour-ferry.jpg")
    assert ok("https://cdn.x.org/authors-guild-protest.jpg")  # a story's picture, not a headshot
    assert ok("https://cdn.x.org/2025/travel-tips.png")  # nor a picture about tips
    for src in ("https://x.org/wp-content/themes/site/img/banner-left.png",
                "https://x.org/posts/divider.gif", "https://x.org/assets/img/spinner.gif",
                "http://img.x.com/templates/site/css/2018/news/ewm1.gif",
                "https://cdn.x.org/Authors/_96x96/18572/Doris-Munoz_200x200.webp",
                "https://cdn.x.org/685be7dc_kb_author.webp",
                "//file.x.cn/www/v3/img/iask_tip.png"):  # a comment box's hint
        assert not ok(src), src


def test_a_story_picture_whose_name_holds_an_icon_word_inside_another_is_a_figure() -> None:
    """The words that mark a spacer, a loader, a tracker or a share button count whole, in
    a file's or folder's name: a story's picture named with them inside other words, or a
    CDN's, stays a figure."""
    from newsark.extract.media import image_src, is_content_image

    def ok(src: str) -> bool:
        img = html.fromstring(f'<img src="{src}">')
        return is_content_image(img, image_src(img))

    for src in ("https://x.org/2018/home-depot-store-customer-loading-truck.jpg",
                "https://cdn.shortpixel.ai/client/q_lossy/https://x.org/wp-content/uploads/bike-book.jpg",
                "https://x.org/thumbnail/blankfein-gettyimages-456026072.jpg",
                "https://assets.buttondown.email/images/1e8b4251.png",
                "https://x.org/2025/03/GenAI-market-share-2024-Datacenter-GPUs.png",
                "https://x.org/2023/08/FranShares-feature-image.png",
                "https://x.org/2025/gold-armchairs-and-narrow-entryway-table.jpg",
                "https://x.org/reviews/google-pixel-9-review.jpg",
                "https://res.x.com/w_776,h_437/d_transparent.gif/content/workstation-setup-step-1.jpg"):
        assert ok(src), src
    for src in ("https://x.org/images/loading.gif", "https://x.org/static/images/loading_icon.gif",
                "https://pixel.wp.com/b.gif", "https://x.org/images/pixel_trans.gif", "https://x.org/blank.gif",
                "https://x.org/img/share/twitter-icon.png", "https://x.org/post-share-icon.svg",
                "https://x.org/homepage_share_icons/twitter_x3.png", "https://x.org/buttons/somacro/email.png",
                "https://x.org/white_arrow_right.png", "https://x.org/icon-sprite.svg#education",
                "https://x.org/img/3-transparent.svg",
                "https://x.org/wp-content/uploads/bfi_thumb/dummy-transparent-rf93aa4h4u96.png"):  # a stand-in
        assert not ok(src), src


def test_a_caption_written_just_before_its_picture_is_not_a_paragraph_too() -> None:
    # trafilatura puts a picture that sits in a <button> behind its caption; the page's
    # caption (found by CaptionFinder) is the figure's, not a paragraph of its own
    body = html.fromstring("<div><p>Colours matter.</p><p>Colour wheel by Clay</p>"
                           "<img src='https://ex.org/w.png'><p>Colour wheel by Clay</p><p>After.</p></div>")
    md, figures = to_markdown(body, LinkMapper(None, None), lambda img: ("Colour wheel by Clay", ""))
    figure = '<figure>\n<img src="https://ex.org/w.png" alt="">\n<figcaption>Colour wheel by Clay</figcaption>\n</figure>'
    assert md.split("\n\n") == ["Colours matter.", figure, "After."]
    assert figures == [{"src": "https://ex.org/w.png", "caption": "Colour wheel by Clay", "credit": ""}]
    # a paragraph that is not the caption stays where it is
    other = html.fromstring("<div><p>Colours matter.</p><img src='https://ex.org/w.png'></div>")
    md, _ = to_markdown(other, LinkMapper(None, None), lambda img: ("Colour wheel by Clay", ""))
    assert md.startswith("Colours matter.\n\n<figure>")


def test_a_credit_line_under_a_figure_is_its_credit() -> None:
    body = html.fromstring("<div><p>Text.</p><img src='https://ex.org/chart.png' alt='A chart'>"
                           "<p><em>Source: <a href='https://statista.com/x'>statista.com</a></em></p>"
                           "<figure><img src='https://ex.org/b.jpg'><figcaption>Ferry. Photo: Jane Doe</figcaption></figure>"
                           "<p>Photo: Jane Doe</p><p>After.</p></div>")
    md, figures = to_markdown(body, LinkMapper(None, None))
    assert figures[0] == {"src": "https://ex.org/chart.png", "caption": "", "credit": "Source: statista.com",
                          "alt": "A chart"}
    assert "<figcaption>Source: statista.com</figcaption>" in md
    assert figures[1]["credit"] == "Photo: Jane Doe"
    assert md.count("Jane Doe") == 1 and md.endswith("</figure>\n\nAfter.")  # shown twice: once
    # a line under a figure that is more than a credit stays text
    prose = html.fromstring("<div><img src='https://ex.org/c.png'><p>Source: the council said fares will rise.</p></div>")
    assert to_markdown(prose, LinkMapper(None, None))[1][0]["credit"] == ""
    # the story's source under a picture is not the picture's
    zh = html.fromstring("<div><img src='https://ex.org/c.png'><p>来源：新华网</p></div>")
    md, figures = to_markdown(zh, LinkMapper(None, None))
    assert figures[0]["credit"] == "" and md.endswith("来源：新华网")


def test_paragraphs_repeating_a_figures_caption_go() -> None:
    from newsark.extract.captionrepeats import drop_caption_repeats

    cap = "A long row of unsold sports-utility vehicles sits at a dealership in Littleton, Colo."
    fig = f'<figure>\n<img src="https://ex.org/a.jpg" alt="">\n<figcaption>{cap} Photo: Jo Doe</figcaption>\n</figure>'
    md = (f"- {cap} Photo: Jo Doe\n\n## Car sales fall\n\n{cap}\n\n{fig}\n\n"
          "Sales fell by a tenth last month, dealers said on Tuesday.")
    assert drop_caption_repeats(md) == f"## Car sales fall\n\n{fig}\n\nSales fell by a tenth last month, dealers said on Tuesday."
    # a sentence that is only a small part of a caption, a heading, a short caption: kept
    part = "Sales fell by a tenth last month, dealers said."
    long_cap = f"{part} " + "The cars wait on the lot for buyers who do not come this autumn. " * 2
    fig2 = f'<figure>\n<img src="https://ex.org/b.jpg" alt="">\n<figcaption>{long_cap}</figcaption>\n</figure>'
    kept = f"## {cap}\n\n{part}\n\n{fig2}\n\nShort one\n\n" + fig.replace(cap + " Photo: Jo Doe", "Short one")
    assert drop_caption_repeats(kept) == kept
    # a credit alone that a caption ends with goes too; an embed (no text) stays
    video = '{{< video src="https://ex.org/v.mp4" >}}'
    assert drop_caption_repeats(f"Photo: Jo Doe\n\n{video}\n\n{fig}\n\nSales fell.") == f"{video}\n\n{fig}\n\nSales fell."
    # a body that is nothing but its captions stays whole
    assert drop_caption_repeats(f"{cap} Photo: Jo Doe\n\n{fig}") == f"{cap} Photo: Jo Doe\n\n{fig}"


@pytest.mark.parametrize(("markdown", "text"), [
    ("A [link](https://ex.org/a) and ![a picture](https://ex.org/p.jpg).", "A link and a picture."),
    ("No image here![note] and a [link](https://ex.org/a).", "No image here![note] and a link."),
    ("*Italic*, **bold** and a kept \\* star.", "Italic, bold and a kept * star."),
    ("> - 1. ### Nested heading\n\n  - item\n\nA line of its own", "Nested heading\n\nitem\n\nA line of its own"),
    ("Words  with\u3000odd\u00a0spaces stay as written", "Words  with\u3000odd\u00a0spaces stay as written"),
    ("Call `read_file` with `a*b` or `` x`y ``.", "Call read_file with a*b or x`y."),  # code spans
    ("```\nprint(s1_name)\n```", "print(s1_name)"),
    ("The model\\`s `a` and \\`b\\` ``c`` `d", "The model`s a and `b` c `d"),  # escaped ticks are text
])
def test_plain_text_of_markup(markdown: str, text: str) -> None:
    assert plain_text(markdown) == text


def test_a_link_text_is_a_thousand_characters_at_most() -> None:
    # Past that, a '[' is a bracket of the text: in a damaged page of escaped brackets each
    # '[' was otherwise tried up to the end of the page (extract_fuzz.py measures the time).
    from newsark.extract.plaintext import LINK_TEXT

    words = "word " * (LINK_TEXT // 5)
    assert plain_text(f"A [{words[:LINK_TEXT]}](https://ex.org/a) b") == f"A {words[:LINK_TEXT]} b"
    long = f"A [{words}x](https://ex.org/a) b"
    assert plain_text(long) == long


def test_inline_white_space_runs_become_one_space() -> None:
    assert _md("<div><p>One\u00a0\u00a0two\n three\tfour  five six</p></div>") == "One two three four five six"


def test_blocks_inside_an_element_that_is_no_block_stay_blocks() -> None:
    # a web component, an old page's <font> and a <span> around paragraphs: laid out as blocks
    md = _md("<div><astro-island><header><div><p>First paragraph.</p><h2>A part</h2><ul><li>an item</li></ul>"
             "</div></header></astro-island><font><p>Second paragraph.</p><p>Third.</p></font>"
             "<span><p>Fourth.</p></span></div>")
    assert md.split("\n\n") == ["First paragraph.", "## A part", "- an item", "Second paragraph.", "Third.",
                                "Fourth."]


def test_emphasis_or_a_link_around_blocks() -> None:
    # bold around one paragraph stays a bold line; italics around two are two paragraphs
    md = _md("<div><p>Intro.</p><strong><div><p>Virtual Classroom</p></div></strong>"
             "<em><p>a@example.org</p><p>twitter.com/a</p></em>"
             "<a href='https://ex.org/card'><div><p>A teaser card</p></div></a></div>")
    assert md.split("\n\n") == ["Intro.", "**Virtual Classroom**", "a@example.org", "twitter.com/a",
                                "[A teaser card](https://ex.org/card)"]


def test_a_layout_table_of_one_column_keeps_its_blocks() -> None:
    md = _md("<div><table><tr><td><h2>Wine Regions</h2><p>First paragraph.</p><ul><li>France</li></ul></td></tr>"
             "<tr><td>A plain row</td></tr></table>"
             "<table><tr><td>one</td></tr><tr><td>two</td></tr></table></div>")
    assert md.split("\n\n") == ["## Wine Regions", "First paragraph.", "- France", "A plain row", "one", "two"]
    # a table of data stays a table
    assert _md("<div><table><tr><th>A</th><th>B</th></tr><tr><td><p>1</p></td><td>2</td></tr></table></div>") \
        == "| A | B |\n|---|---|\n| 1 | 2 |"


def test_a_caption_with_formatting_is_not_read_again_as_a_paragraph() -> None:
    """Quanta's figcaption holds a <p> ('Wei-An Jin for <em>Quanta Magazine</em>'), which
    trafilatura's body holds as a paragraph under the picture: the caption is written once.
    The caption's words with a link go too, their link onto the caption's words."""
    captions = {"https://cdn.example.org/1.jpg": ("Jo Doe for Harbour Weekly", ""),
                "https://cdn.example.org/2.jpg": ("Port map", "")}
    body = html.fromstring(
        "<div><p>The ferry timetable changes next month.</p>"
        "<img src='https://cdn.example.org/1.jpg'><p>Jo Doe for <em>Harbour Weekly</em></p>"
        "<p>The new boats are quieter.</p>"
        "<img src='https://cdn.example.org/2.jpg'><p><em><a href='https://port.example.org/map'>Port map</a></em></p>"
        "</div>")
    md, figures = to_markdown(body, LinkMapper(None, None), lambda img: captions[img.get("src")])
    assert [f["caption"] for f in figures] == ["Jo Doe for Harbour Weekly", "Port map"]
    assert md.count("Jo Doe for") == 1
    assert "Port map](" not in md
    assert '<figcaption><a href="https://port.example.org/map">Port map</a></figcaption>' in md


def test_pieces_of_a_caption_under_its_figure_go_and_their_links_go_onto_the_caption() -> None:
    """What trafilatura keeps of a <figcaption> is its links and formatting, each run a
    paragraph under the picture ('[Jacqueline & Laura](…) via', '[One Fab Day](…)' under
    'Image by Jacqueline & Laura via One Fab Day'). They go; their links stay, on the
    caption's words. A paragraph the caption does not hold stays, and so does one that holds
    some of its words away from its figure."""
    captions = {"https://cdn.example.org/1.jpg": ("Image by Jo & Al via Harbour Weekly", ""),
                "https://cdn.example.org/2.jpg": ("The new AP boats at the quay", "")}
    body = html.fromstring(
        "<div><p>The ferry timetable changes next month.</p>"
        "<img src='https://cdn.example.org/1.jpg'><p><a href='https://jo.example.org/'>Jo &amp; Al</a> via</p>"
        "<p><a href='https://harbour.example.org/story'>Harbour Weekly</a></p>"
        "<p>The boats are quieter.</p><p>via</p>"
        "<img src='https://cdn.example.org/2.jpg'><p><em><a href='https://ap.example.org/'>AP</a></em> boats</p>"
        "</div>")
    md, figures = to_markdown(body, LinkMapper(None, None), lambda img: captions[img.get("src")])
    assert [f["credit"] or f["caption"] for f in figures] == ["Image by Jo & Al via Harbour Weekly",
                                                              "The new AP boats at the quay"]
    assert md.split("\n\n") == [
        "The ferry timetable changes next month.",
        ('<figure>\n<img src="https://cdn.example.org/1.jpg" alt="">\n<figcaption>Image by '
        '<a href="https://jo.example.org/">Jo &amp; Al</a> via <a href="https://harbour.example.org/story">'
        'Harbour Weekly</a></figcaption>\n</figure>'),
        "The boats are quieter.", "via",
        ('<figure>\n<img src="https://cdn.example.org/2.jpg" alt="">\n<figcaption>The new '
        '<a href="https://ap.example.org/">AP</a> boats at the quay</figcaption>\n</figure>')]
    # a credit line under them joins the caption after its links
    credited = html.fromstring("<div><p>Intro.</p><img src='https://cdn.example.org/2.jpg'>"
                               "<p><a href='https://ap.example.org/'>AP</a> boats</p><p>Photo: Jo Doe</p></div>")
    credited_md, credited_figures = to_markdown(credited, LinkMapper(None, None), lambda img: captions[img.get("src")])
    assert ('<figcaption>The new <a href="https://ap.example.org/">AP</a> boats at the quay Photo: Jo Doe'
            '</figcaption>') in credited_md
    assert credited_figures[0]["credit"] == "Photo: Jo Doe"
    # the text keeps the captions' words, not their links' tags
    assert plain_text(md).split("\n\n")[1] == "Image by Jo & Al via Harbour Weekly"
    assert "Harbour Weekly" not in plain_text(md, with_captions=False)


def test_a_heading_of_invisible_characters_is_no_heading() -> None:
    # A page builder's spacer '<h2>\u200b\u200b</h2>' would be an empty '## ' once the
    # invisible characters are dropped from the Markdown.
    md = _md("<div><p>Intro words here.</p><h2>\u200b\u200b</h2><h2>\u200dBest buys</h2><p>Text.</p></div>")
    assert md == "Intro words here.\n\n## \u200dBest buys\n\nText."


def test_a_line_break_at_the_end_of_bold_goes_outside_its_markers() -> None:
    # '**Faster builds⏎**Tools' would close nothing: the marker starts the next line.
    md = _md("<div><p><strong>Faster builds<br/>\u200d</strong>Tools like these automate tasks.</p>"
             "<p><b><br>Lower costs </b>follow.</p></div>")
    assert md == "**Faster builds**\nTools like these automate tasks.\n\n**Lower costs** follow."
