"""Pages that close </body> or </html> before their article (endtags.py)."""

from __future__ import annotations

import time

from newsark.extract import extract_page
from newsark.extract.endtags import closes_early, read_to_end

HEADER = ("<html><head><title>Six kinds of outsourcing | Example</title></head><body>"
          "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/blog'>Blog</a></li>"
          "<li><a href='/contact'>Contact us</a></li></ul></nav></header>")
ARTICLE = "".join(
    f"<p>Paragraph {i} of the story about outsourcing explains one more way a company can hand "
    f"its routine work to a partner, and what that costs and saves over a year.</p>" for i in range(8))


def test_an_article_after_a_header_that_closes_the_page_is_read() -> None:
    page = f"{HEADER}</body></html>\n<div class='post'><h1>Six kinds of outsourcing</h1>{ARTICLE}</div>"
    ex = extract_page(page.encode(), url="https://example.com/blog/six-kinds")
    assert "Paragraph 0 of the story" in ex.text
    assert "Paragraph 7 of the story" in ex.text
    assert ex.is_article


def test_a_chinese_article_after_an_early_body_end_is_read() -> None:
    # Chinese pages go to readability as HTML text: it must get the mended text too.
    story = "".join(f"<p>第{i}段：市民在街頭排隊等候，記者在現場看到人群秩序良好，警方表示會繼續留意情況。</p>"
                    for i in range(8))
    page = f"<html><head><title>街頭排隊</title></head><body><div>首頁 新聞</div></body></html><div>{story}</div>"
    ex = extract_page(page.encode())
    assert "第0段" in ex.text and "第7段" in ex.text


def test_end_tags_inside_a_script_or_comment_stay_text() -> None:
    page = ("<html><body><p>a</p><script>document.write('</body></html>')</script>"
            "<!-- </html> --><p>b</p></body></html><p>c</p>")
    assert closes_early(page)
    mended = read_to_end(page)
    assert "document.write('</body></html>')" in mended
    assert "<!-- </html> -->" in mended
    assert mended.endswith("<p>b</p><p>c</p>")


def test_a_page_that_ends_where_it_should_is_left_alone() -> None:
    assert not closes_early("<html><body><p>a</p></body></html>\n<!-- archived -->\n")
    # trackers after the body show nothing: no reason to read the page again
    assert not closes_early("<html><body><p>a</p></body><script src='t.js'></script></html>")
    assert not closes_early("<html><body><p>a</p>")


def test_a_script_never_closed_runs_to_the_end_in_one_pass() -> None:
    page = "<html><body><p>a</p></body></html><p>b</p>" + "<script>x = '</body>';" * 20_000
    start = time.process_time()
    mended = read_to_end(page)
    assert time.process_time() - start < 2  # one pass (searching on from each "<script" took 50 s)
    assert mended.startswith("<html><body><p>a</p><p>b</p><script>")
    assert mended.count("</body>") == 20_000
