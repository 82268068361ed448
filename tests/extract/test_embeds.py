"""Posts of social networks embedded in an article become links to them (their card is
drawn by a script, nothing of it is left in the archive), in the page's order; a post on X
keeps the words its quote holds."""
from __future__ import annotations

from newsark.extract import extract_page

from .fixtures import EN_ARTICLE

CAPTURE = "https://web.archive.org/web/20200305000000/https://news.example.org/2020/03/04/ferry"
TWEET = ('<blockquote class="twitter-tweet"><p lang="en">The new timetable starts on Monday.</p>&mdash; Harbour '
         'Ferries (@harbourferries) <a href="https://twitter.com/harbourferries/status/1234567890123456789?ref_src=tw">'
         'March 4, 2020</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>')
INSTAGRAM = ('<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/B9aBcDeFgHi/?utm_source=ig">'
             '<div><a href="https://www.instagram.com/p/B9aBcDeFgHi/"><div>View this post on Instagram</div></a></div>'
             '</blockquote><script async src="//www.instagram.com/embed.js"></script>')
FACEBOOK = ('<div class="fb-post" data-href="https://www.facebook.com/harbourferries/posts/10157000000000000"></div>'
            '<script async src="https://connect.facebook.net/en_US/sdk.js"></script>')


def _page(embeds: str) -> bytes:
    return EN_ARTICLE.replace("<ul><li>Morning", embeds + "<ul><li>Morning").encode()


def test_embedded_posts_become_links_after_their_paragraph_in_page_order() -> None:
    md = extract_page(_page(INSTAGRAM + FACEBOOK), capture_url=CAPTURE).markdown
    insta = "[Instagram post](https://web.archive.org/web/20200305000000/https://www.instagram.com/p/B9aBcDeFgHi/)"
    fb = "[Facebook post](https://web.archive.org/web/20200305000000/https://www.facebook.com/harbourferries/posts/10157000000000000)"
    assert f"according to a statement.\n\n{insta}\n\n{fb}\n\n- Morning sailings unchanged" in md
    assert "View this post on Instagram" not in md


def test_a_tweet_the_body_kept_is_not_added_again() -> None:
    md = extract_page(_page(TWEET + INSTAGRAM), url="https://news.example.org/2020/03/04/ferry").markdown
    assert md.count("1234567890123456789") == 1
    assert "[Instagram post](https://www.instagram.com/p/B9aBcDeFgHi/)" in md


def test_post_markup_without_its_script_is_left_alone() -> None:
    bare = FACEBOOK.split("<script")[0]
    md = extract_page(_page(bare), url="https://news.example.org/2020/03/04/ferry").markdown
    assert "facebook.com" not in md


def test_videos_in_wrappers_go_after_the_paragraph_before_them_in_page_order() -> None:
    from newsark.extract.embeds import _previous_text

    videos = "".join(f'<div class="video-wrap"><iframe src="https://www.youtube.com/embed/vid{i:08d}"></iframe></div>'
                     for i in range(3))
    md = extract_page(_page(videos), url="https://news.example.org/2020/03/04/ferry").markdown
    shortcodes = [f'{{{{< video src="https://www.youtube.com/embed/vid{i:08d}" >}}}}' for i in range(3)]
    assert "according to a statement.\n\n" + "\n\n".join(shortcodes) + "\n\n- Morning" in md
    # each asks for the text before it once: the answers for those before it are reused
    from newsark.extract.page import parse_document

    doc = parse_document(_page(videos).decode())
    frames = list(doc.iter("iframe"))
    known: dict = {}
    answers = [_previous_text(f, known) for f in frames]
    assert len(set(answers)) == 1 and answers[0].endswith("according to a statement.")
    assert all(f in known and f.getparent() in known for f in frames)
    assert [_previous_text(f, {}) for f in frames] == answers  # the same without them


def test_the_pages_own_classes_do_not_put_every_embed_outside_the_article() -> None:
    # <body class="… has-sidebar navbar-fixed …"> describes the whole page, not the video's place
    video = '<div class="video-wrap"><iframe src="https://www.youtube.com/embed/vid00000042"></iframe></div>'
    page = _page(video).decode()
    assert "<body>" in page
    page = page.replace("<body>", '<body class="single-post has-sidebar navbar-fixed comments-open">')
    md = extract_page(page.encode(), url="https://news.example.org/2020/03/04/ferry").markdown
    assert '{{< video src="https://www.youtube.com/embed/vid00000042" >}}' in md
    # a video in the page's own sidebar still stays out
    assert "</article>" in page
    aside = page.replace(video, "").replace("</article>", f'</article><div class="sidebar">{video}</div>')
    md = extract_page(aside.encode(), url="https://news.example.org/2020/03/04/ferry").markdown
    assert "vid00000042" not in md


def test_a_header_wrapping_the_whole_article_does_not_put_its_videos_outside_it() -> None:
    video = '<div class="video-wrap"><iframe src="https://www.youtube.com/embed/vid00000043"></iframe></div>'
    page = _page(video).decode()
    # a page builder's <header> around the article and all its text (Webflow's sections)
    wrapped = page.replace("<article>", '<header class="section_content"><article>').replace("</article>", "</article></header>")
    md = extract_page(wrapped.encode(), url="https://news.example.org/2020/03/04/ferry").markdown
    assert '{{< video src="https://www.youtube.com/embed/vid00000043" >}}' in md
    # a header of its own, beside the text, keeps its video out (the site's promotion)
    own = page.replace(video, "").replace("<article>", f'<header class="masthead"><p>Our channel</p>{video}</header><article>')
    assert "vid00000043" not in extract_page(own.encode(), url="https://news.example.org/2020/03/04/ferry").markdown


def test_a_video_after_a_line_the_body_dropped_goes_after_the_body_text_before_that() -> None:
    """The nearest text before an embed may be one the body left out (a 'Read my review'
    link line), or run into the table of contents' line before a heading: the next text
    back that the body holds places it."""
    from newsark.extract.embeds import insert_embeds
    from newsark.extract.links import LinkMapper
    from newsark.extract.page import parse_document

    frame = '<p><iframe src="https://www.youtube.com/embed/{0}"></iframe></p>'
    doc = parse_document(
        "<html><body><article><p>The Park Hyatt opened its tower suites in May, each with a terrace.</p>"
        "<p><a href='https://example.org/review'>Read my review of this property here.</a></p>"
        + frame.format("aaaaaaaaaaa") + "<h2><span class='toc'>Contents</span>1. Compact Cameras</h2>"
        + frame.format("bbbbbbbbbbb") + "<p>Compact cameras fit in a pocket and cost little.</p>"
        "</article></body></html>")
    md = "The Park Hyatt opened its tower suites in May, each with a terrace.\n\n## 1. Compact Cameras\n\n" \
         "Compact cameras fit in a pocket and cost little."
    got = insert_embeds(md, doc, LinkMapper(None, None, None))
    assert got.split("\n\n") == [
        "The Park Hyatt opened its tower suites in May, each with a terrace.",
        '{{< video src="https://www.youtube.com/embed/aaaaaaaaaaa" >}}',
        "## 1. Compact Cameras",
        '{{< video src="https://www.youtube.com/embed/bbbbbbbbbbb" >}}',
        "Compact cameras fit in a pocket and cost little."]


def test_the_texts_further_back_are_looked_for_among_a_bounded_number_of_elements() -> None:
    """A row of thousands of embeds after a text the body dropped: each looks back over
    EARLIER_LOOKS elements at most, not over the whole row before it."""
    from newsark.extract.embeds import EARLIER_LOOKS, _earlier_texts
    from newsark.extract.page import parse_document

    row = "".join(f'<div><iframe src="https://www.youtube.com/embed/v{i:09d}"></iframe></div>'
                  for i in range(EARLIER_LOOKS + 20))
    doc = parse_document(f"<html><body><p>The harbour ferry timetable changes.</p>{row}</body></html>")
    frames = list(doc.iter("iframe"))
    assert list(_earlier_texts(frames[10])) == ["The harbour ferry timetable changes."]
    assert list(_earlier_texts(frames[-1])) == []


def test_a_tweet_the_body_lost_keeps_its_words_and_its_link() -> None:
    """A post on X is quoted as the page wrote it for readers without the script (its
    words, who and when, the date linked to the post), as when the body keeps that quote:
    a deleted post still reads in the archive. A quote holding only the link stays a link."""
    from newsark.extract.embeds import insert_embeds
    from newsark.extract.links import LinkMapper
    from newsark.extract.page import parse_document

    bare = ('<blockquote class="twitter-tweet"><a href="https://twitter.com/harbourferries/status/'
            '1234567890123456780">March 5, 2020</a></blockquote>')
    doc = parse_document("<html><body><article><p>The operator announced the change on Twitter.</p>"
                         f"<div class='social-embed'>{TWEET}</div><p>Passengers were not convinced.</p>"
                         f"{bare}<p>More sailings follow in April.</p></article></body></html>")
    md = ("The operator announced the change on Twitter.\n\nPassengers were not convinced.\n\n"
          "More sailings follow in April.")
    got = insert_embeds(md, doc, LinkMapper(None, CAPTURE, None)).split("\n\n")
    assert got == [
        "The operator announced the change on Twitter.",
        ("> The new timetable starts on Monday.\n>\n> — Harbour Ferries (@harbourferries) [March 4, 2020]"
        "(https://web.archive.org/web/20200305000000/https://twitter.com/harbourferries/status/1234567890123456789?ref_src=tw)"),
        "Passengers were not convinced.",
        ("[Post on X (Twitter)](https://web.archive.org/web/20200305000000/https://twitter.com/harbourferries/status/"
        "1234567890123456780)"),
        "More sailings follow in April."]


FB_QUOTED = ('<div class="fb-post" data-href="https://www.facebook.com/hkferries/posts/10158000000000001" '
             'data-width="552"><blockquote cite="https://graph.facebook.com/1234/posts/10158000000000001/" '
             'class="fb-xfbml-parse-ignore"><p>渡輪服務明日起恢復正常，多謝大家體諒。</p>Posted by '
             '<a href="https://www.facebook.com/hkferries/">港九渡輪</a> on&nbsp;<a href="https://graph.facebook.com/1234/'
             'posts/10158000000000001/">Monday, 9 March 2020</a></blockquote></div>'
             '<script async defer src="https://connect.facebook.net/zh_HK/sdk.js#xfbml=1"></script>')


def test_a_facebook_post_keeps_its_words_once() -> None:
    """Facebook's markup holds the same kind of quote for readers without its script: the
    post's words, who posted and when. Once the body has that quote (its copy without the
    links, or linking to the post in another form), it is not added again."""
    from newsark.extract.embeds import insert_embeds
    from newsark.extract.links import LinkMapper
    from newsark.extract.page import parse_document

    doc = parse_document(f"<html><body><article><p>The operator posted the news on Facebook.</p>{FB_QUOTED}"
                         "<p>Passengers welcomed it.</p></article></body></html>")
    md = "The operator posted the news on Facebook.\n\nPassengers welcomed it."
    got = insert_embeds(md, doc, LinkMapper(None, None, None)).split("\n\n")
    assert got == [
        "The operator posted the news on Facebook.",
        ("> 渡輪服務明日起恢復正常，多謝大家體諒。\n>\n> Posted by [港九渡輪](https://www.facebook.com/hkferries/) on "
        "[Monday, 9 March 2020](https://graph.facebook.com/1234/posts/10158000000000001/)"),
        "Passengers welcomed it."]
    # the article quoting the post's words in its own text is not the post
    quoted = "The operator posted the news on Facebook.\n\nIt said: “渡輪服務明日起恢復正常，多謝大家體諒。”"
    assert "> 渡輪服務明日起恢復正常" in insert_embeds(quoted, doc, LinkMapper(None, None, None))
    kept = ("The operator posted the news on Facebook.\n\n> 渡輪服務明日起恢復正常，多謝大家體諒。\n>\n> Posted by 港九渡輪 "
            "on Monday, 9 March 2020\n\nPassengers welcomed it.")
    assert insert_embeds(kept, doc, LinkMapper(None, None, None)) == kept
    # the body's own copy of the quote, its links kept: once
    md = extract_page(_page(FB_QUOTED), url="https://news.example.org/2020/03/04/ferry").markdown
    assert md.count("渡輪服務明日起恢復正常") == 1 and "Posted by [港九渡輪](https://www.facebook.com/hkferries/)" in md
