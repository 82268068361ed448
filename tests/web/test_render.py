"""Markdown rendering and sanitising of untrusted article bodies."""

from __future__ import annotations

import pytest

from newsark.web.links import article_id_of, capture_time, unwrap_capture
from newsark.web.render import Renderer, expand_embeds, sanitize_highlight

SITES = frozenset({"hkcnews.com"})


@pytest.fixture()
def renderer() -> Renderer:
    return Renderer(SITES, lambda i: i in {828, 102}, video_label="Video ({host})")


def test_figure_and_caption_survive(renderer: Renderer) -> None:
    html = renderer.markdown(
        '<figure>\n<img src="https://web.archive.org/web/2021im_/https://x.com/a.jpg" alt="a">\n'
        "<figcaption>說明 <b>粗</b></figcaption>\n</figure>\n\n正文"
    )
    assert "<figure>" in html and "<figcaption>說明 <b>粗</b></figcaption>" in html
    assert 'src="https://web.archive.org/web/2021im_/https://x.com/a.jpg"' in html
    assert 'referrerpolicy="no-referrer"' in html
    assert "<p>正文</p>" in html


@pytest.mark.parametrize(
    "evil, forbidden",
    [
        ("<script>alert(1)</script>", "alert"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ('<a href="javascript:alert(1)">j</a>', "javascript"),
        ('<iframe src="https://evil.example/"></iframe>', "<iframe"),
        ('<svg onload="alert(1)"></svg>', "onload"),
        ("<style>body{display:none}</style>", "display"),
        ('<p style="position:fixed">x</p>', "position"),
        ('<object data="x.swf"></object>', "<object"),
        ('<form action="/x"><input name="a"></form>', "<form"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "refresh"),
        ('<a href="data:text/html,<script>alert(1)</script>">d</a>', "data:"),
        ("<!-- <script>alert(1)</script> -->", "alert"),
    ],
)
def test_untrusted_html_is_neutralised(renderer: Renderer, evil: str, forbidden: str) -> None:
    assert forbidden not in renderer.markdown(f"前文\n\n{evil}\n\n後文")


def test_links_to_stories_of_the_archive_become_local(renderer: Renderer) -> None:
    html = renderer.markdown(
        "[a](https://web.archive.org/web/20210703163830/https://www.hkcnews.com/article/828/%E8%A5%BF)"
        " [b](https://hkcnews.com/article/102) [c](https://www.hkcnews.com/article/999/x)"
        " [d](https://example.com/article/828)"
    )
    assert 'href="/article/828"' in html and 'href="/article/102"' in html
    assert 'href="https://www.hkcnews.com/article/999/x"' in html  # not held: left as is
    assert 'href="https://example.com/article/828"' in html  # another site


def test_video_shortcode_becomes_a_link_not_a_frame(renderer: Renderer) -> None:
    src = "https://web.archive.org/web/20200927162413if_/https://www.youtube.com/embed/Vv_nZMDeoJ0"
    html = renderer.markdown(f'段落\n\n{{{{< video src="{src}" >}}}}\n\n段落')
    assert f'<a class="capture-link" href="{src}"' in html
    assert "▶ Video (youtube.com)</a>" in html and "<iframe" not in html and "{{<" not in html


def test_video_file_gets_a_player(renderer: Renderer) -> None:
    html = renderer.markdown('{{< video src="https://web.archive.org/web/2020/https://x.com/v.mp4" >}}')
    assert '<video controls="" preload="none" src="https://web.archive.org/web/2020/https://x.com/v.mp4">' in html


def test_archived_iframe_becomes_a_link() -> None:
    out = expand_embeds('<iframe width="5" src="https://www.youtube.com/embed/x"></iframe>', "Video")
    assert 'href="https://www.youtube.com/embed/x"' in out and "<iframe" not in out


def test_shortcode_with_unsafe_scheme_is_dropped(renderer: Renderer) -> None:
    html = renderer.markdown('{{< video src="javascript:alert(1)" >}}')
    assert "javascript" not in html and "<a" not in html


def test_tables_headings_lists_blockquotes(renderer: Renderer) -> None:
    html = renderer.markdown("## 小標\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- 一\n- 二\n\n> 引文\n\n~~刪~~")
    for tag in ("<h2>", "<table>", "<td>1</td>", "<ul>", "<li>一</li>", "<blockquote>", "<s>刪</s>"):
        assert tag in html


def test_highlight_keeps_only_mark() -> None:
    assert sanitize_highlight("a <mark>機場</mark> &lt;b&gt;") == "a <mark>機場</mark> &lt;b&gt;"
    assert "<script" not in sanitize_highlight("<mark onclick='x'>m</mark><script>x</script>")
    assert "onclick" not in sanitize_highlight("<mark onclick='x'>m</mark>")


def test_capture_urls() -> None:
    url = "https://web.archive.org/web/20210703163830im_/https://www.hkcnews.com/a.jpg"
    assert unwrap_capture(url) == ("https://www.hkcnews.com/a.jpg", "20210703163830")
    assert unwrap_capture("https://example.com/x") == ("https://example.com/x", None)
    t = capture_time(url)
    assert t is not None and t.isoformat() == "2021-07-03T16:38:30+00:00"
    assert capture_time("https://web.archive.org/web/2021/https://x.com/") is None
    assert capture_time(None) is None


def test_article_id_of() -> None:
    assert article_id_of("https://www.hkcnews.com/article/1001/slug", SITES) == 1001
    assert article_id_of("https://web.archive.org/web/20210101000000/http://hkcnews.com/article/7", SITES) == 7
    assert article_id_of("https://www.hkcnews.com/articles/7", SITES) is None
    assert article_id_of("https://other.com/article/7", SITES) is None
    assert article_id_of("not a url at all", SITES) is None


def test_line_break_inside_chinese_adds_no_space(renderer: Renderer) -> None:
    assert renderer.markdown("第一行，\n第二行") == "<p>第一行，第二行</p>\n"
    assert renderer.markdown("line one\nline two") == "<p>line one\nline two</p>\n"
    assert renderer.markdown("中文\nEnglish") == "<p>中文\nEnglish</p>\n"
