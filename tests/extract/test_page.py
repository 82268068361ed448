from __future__ import annotations

import re

from newsark.archive.article import loads
from newsark.extract import extract_page
from newsark.extract.page import parse_document

from .fixtures import EN_ARTICLE, zh_article, zh_list_page

CAPTURE = "https://web.archive.org/web/20200305000000/https://news.example.org/2020/03/04/ferry"


def test_english_article_metadata_and_body() -> None:
    ex = extract_page(EN_ARTICLE.encode("utf-8"), url="https://news.example.org/2020/03/04/ferry")
    assert ex.title == "Harbour ferry timetable changes next month"
    assert ex.date == "2020-03-04T08:15:00+08:00"
    assert ex.last_updated == "2020-03-05T09:00:00+08:00"
    assert ex.author == "Jane Doe and Sam Lee"  # English names joined as the byline writes them
    assert ex.category == "Transport" and ex.tags == ["ferries", "harbour"]
    assert "fewer sailings after nine" in ex.text
    assert "Copyright" not in ex.text and "Home" not in ex.text.split("\n")[0]
    assert "- Evening sailings every 30 minutes" in ex.markdown
    assert ex.is_article and ex.path == "generic" and ex.charset == "utf-8"


def test_category_tags_and_lead_escaped_twice_by_the_page_read_as_shown() -> None:
    # WordPress writes '&amp;' into JSON-LD and meta content ('&amp;amp;' in the HTML)
    page = (EN_ARTICLE.replace('content="Transport"', 'content="Food &amp;amp; Drink"')
            .replace('content="ferries"', 'content="M&amp;amp;A"')
            .replace("<head>", '<head><meta name="description" content="Fares &amp;amp; times: what changes">', 1))
    assert page != EN_ARTICLE and "Food &amp;amp; Drink" in page and "M&amp;amp;A" in page
    ex = extract_page(page.encode("utf-8"), url="https://news.example.org/2020/03/04/ferry")
    assert ex.category == "Food & Drink" and ex.tags == ["M&A", "harbour"]
    assert ex.lead == "Fares & times: what changes"


def test_figures_captions_and_capture_links() -> None:
    ex = extract_page(EN_ARTICLE.encode("utf-8"), capture_url=CAPTURE)
    img = "https://web.archive.org/web/20200305000000im_/https://cdn.example.org/ferry.jpg"
    assert ex.figures == [{"src": img, "caption": "The ferry at the pier.", "credit": "Photo: Test Gazette"}]
    assert (f'<figure>\n<img src="{img}" alt="">\n'
            "<figcaption>The ferry at the pier. Photo: Test Gazette</figcaption>\n</figure>") in ex.markdown
    # the caption is not repeated as a paragraph, nor as alt text
    assert ex.markdown.count("The ferry at the pier") == 1
    link = "[fares page](https://web.archive.org/web/20200305000000/https://news.example.org/fares)"
    assert link in ex.markdown


def test_chinese_article_bylines_dates_and_no_share_icons() -> None:
    ex = extract_page(zh_article(3).encode("big5hkscs"), capture_url="https://web.archive.org/web/2021/https://hk.example.org/a/3")
    assert ex.charset == "utf-8" or ex.charset == "big5hkscs"
    assert ex.title == "公園計劃第3號討論"
    assert ex.date == "2021-01-03T10:33:00"
    assert ex.author == "陳大文、李小明"
    assert ("記者", "陳大文") in ex.bylines
    assert "居民代表表示" in ex.text
    assert not any("share" in f["src"] for f in ex.figures)
    assert [(f["caption"], f["credit"]) for f in ex.figures] == [("新公園的設計圖。", "測試新聞網圖片")]
    assert ex.suspicious == 0


def test_unknown_date_rather_than_a_guess() -> None:
    page = zh_article(4).replace("2021年1月4日 10:34", "今日上午")
    ex = extract_page(page.encode("utf-8"))
    assert ex.date is None


def test_updated_date_kept_apart() -> None:
    page = zh_article(5).replace(
        '<span class="time">2021年1月5日 10:35</span>',
        '<span class="time">2021年1月5日 10:35</span> <span>最後更新：2021年1月6日 08:00</span>',
    )
    ex = extract_page(page.encode("utf-8"))
    assert ex.date == "2021-01-05T10:35:00"
    assert ex.last_updated == "2021-01-06T08:00:00"


def test_list_page_is_not_an_article() -> None:
    ex = extract_page(zh_list_page().encode("utf-8"))
    assert not ex.is_article and ex.reason


def test_to_article_is_the_corpus_format() -> None:
    ex = extract_page(EN_ARTICLE.encode("utf-8"), capture_url=CAPTURE)
    art = ex.to_article(url=CAPTURE, original_url="https://news.example.org/2020/03/04/ferry")
    again = loads(art.dumps())
    assert again.title == ex.title and again.author == ex.author
    assert again.body.startswith(f"\n# {ex.title}\n\n")
    assert re.search(r"^original_url: \"https://news\.example\.org/", art.dumps(), re.MULTILINE)


def test_empty_page_is_a_clear_error() -> None:
    import pytest

    with pytest.raises(ValueError, match="empty"):
        extract_page(b"   ")


def test_breadcrumb_and_repeated_title_dropped_and_wire_byline() -> None:
    paras = "".join(
        f"<p>桃園市第{i}區今天清晨發生火警，消防人員到場後迅速控制火勢，事件中沒有人受傷，原因有待調查。</p>"
        for i in range(1, 5)
    )
    page = f"""<html><head><meta charset="utf-8"><title>輪胎行火警 | 測試社</title>
<meta name="description" content="（測試社記者邱大同桃園19日電）桃園市今天清晨發生火警。"></head>
<body><article><div><a href="/">首頁</a> / <a href="/soc">社會</a></div>
<h1>輪胎行火警</h1><div>2016/03/19 08:15</div>{paras}</article></body></html>"""
    ex = extract_page(page.encode("utf-8"))
    assert ex.title == "輪胎行火警"
    assert not ex.markdown.startswith(("[首頁]", "## 輪胎行火警"))
    assert "輪胎行火警" not in ex.markdown.split("\n\n")[0]
    assert ex.author == "邱大同"
    assert ex.date == "2016-03-19T08:15:00"


def test_labelled_blog_date_after_the_body() -> None:
    paras = "".join(f"<p>這是第{i}段測試文字，內容是關於社區活動的記錄，字數足夠讓抽取器當作正文處理。</p>" for i in range(6))
    page = f"""<html><head><meta charset="utf-8"><title>社區活動記錄</title></head><body>
<div class="side">建立于: 2004年10月6日</div><div class="post"><h2>社區活動記錄</h2>{paras}
<div class="foot">发表于 2005-9-15 11:46:00 (阅读:12)</div></div></body></html>"""
    ex = extract_page(page.encode("utf-8"))
    assert ex.date == "2005-09-15T11:46:00"


def test_video_embed_becomes_a_shortcode_after_its_paragraph() -> None:
    page = EN_ARTICLE.replace(
        "<ul><li>Morning",
        '<iframe src="https://www.youtube.com/embed/abcDEF12345" width="560"></iframe><ul><li>Morning',
    ).replace("</footer>", '<iframe src="https://www.youtube.com/embed/sidebar0000"></iframe></footer>')
    ex = extract_page(page.encode("utf-8"), capture_url=CAPTURE)
    code = '{{< video src="https://web.archive.org/web/20200305000000if_/https://www.youtube.com/embed/abcDEF12345" >}}'
    blocks = ex.markdown.split("\n\n")
    assert code in blocks
    assert "three months of the new timetable" in blocks[blocks.index(code) - 1]
    assert "sidebar0000" not in ex.markdown
    assert "{{<" not in ex.text


def test_text_double_encoded_before_archiving_is_repaired() -> None:
    import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252

    para = ("The council said it\u2019s going to review the \u201cferry\u201d timetable after a long "
            "public consultation with residents of the island. ") * 3
    garbled = para.encode("utf-8").decode("sloppy-windows-1252")  # UTF-8 read as cp1252
    html = ("<html><head><meta charset='utf-8'><title>Ferry review</title></head><body><article>"
            "<h1>Ferry review</h1>" + "".join(f"<p>{garbled} {i}</p>" for i in range(4)) + "</article></body></html>")
    ex = extract_page(html.encode("utf-8"))
    assert "it\u2019s going" in ex.text and "\u201cferry\u201d" in ex.markdown
    assert "\u00e2\u20ac" not in ex.text
    assert ex.suspicious == 0 and ex.decode_suspicious > 0  # the page as archived is counted


def test_runs_double_encoded_inside_clean_text_are_repaired() -> None:
    clean = ("The harbour ferry\u2019s timetable will change next month after a long review "
             "of the island service by the council. ")
    garbled = "An investor\u2019s guide to the \u201cferry\u201d fares.".encode().decode("latin-1")
    html = ("<html><head><meta charset='utf-8'><title>Ferry</title></head><body><article><h1>Ferry</h1>"
            + "".join(f"<p>{clean * 3} {i}</p>" for i in range(3)) + f"<p>{garbled} {clean * 2}</p>"
            + "</article></body></html>")
    ex = extract_page(html.encode("utf-8"))
    assert "An investor\u2019s guide to the \u201cferry\u201d fares." in ex.text
    assert ex.suspicious == 0


def test_a_long_inline_data_uri_is_cut_short_and_the_lazy_picture_kept() -> None:
    # A base64 placeholder of a few KB: no step keeps it, and trafilatura's image pattern
    # would scan it at quadratic cost; the real picture is in data-src.
    placeholder = "data:image/gif;base64," + "R0lGODlhAQABAIAAAAAAAP" * 200
    lazy = f'<img src="{placeholder}" data-src="https://cdn.example.org/ferry.jpg" alt="Ferry">'
    html = EN_ARTICLE.replace('<img src="https://cdn.example.org/ferry.jpg" alt="Ferry">', lazy)
    assert lazy in html
    doc = parse_document(html)
    assert [img.get("src") for img in doc.iter("img")] == ["data:,"]
    ex = extract_page(html.encode("utf-8"), url="https://news.example.org/2020/03/04/ferry")
    assert [f["src"] for f in ex.figures] == ["https://cdn.example.org/ferry.jpg"]
    assert "base64" not in ex.markdown
    short = parse_document(EN_ARTICLE.replace('src="https://cdn.example.org/ferry.jpg"', 'src="data:image/gif;base64,R0lGOD"'))
    assert [img.get("src") for img in short.iter("img")] == ["data:image/gif;base64,R0lGOD"]  # short ones stay


def test_pages_extracted_in_threads_match_one_at_a_time() -> None:
    # The one-page caches (trim, zone, bylines) read their slot once per use: a page of
    # another thread costs a miss, never its blocks. Frequent thread switches exercise it.
    import sys
    from concurrent.futures import ThreadPoolExecutor

    pages = [EN_ARTICLE.replace("Harbour ferry", f"Harbour ferry {i}").replace("fewer sailings", f"{i} fewer sailings")
             for i in range(4)] + [zh_article(i) for i in range(4)]
    alone = [extract_page(p.encode("utf-8")) for p in pages]
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(4) as pool:
            together = list(pool.map(lambda p: extract_page(p.encode("utf-8")), pages * 3))
    finally:
        sys.setswitchinterval(old)
    for i, ex in enumerate(together):
        want = alone[i % len(pages)]
        assert (ex.markdown, ex.title, ex.date, ex.author) == (want.markdown, want.title, want.date, want.author)


def test_a_break_closing_bold_text_stays_a_break() -> None:
    from newsark.extract.candidates import hoist_closing_breaks

    story = "<p>" + "The council met on Tuesday and agreed the new ferry timetable for the harbour. " * 5 + "</p>"
    page = ("<html><body><article><h1>Ferry</h1>" + story
            + "<p><strong>Sustainable concepts for affordable ferries<br></strong>Everyone has a right to a "
            "safe crossing. Our concepts target families.</p>"
            "<p>Order here: <a href='https://x.org/buy'><strong>https://x.org/buy<br></strong></a></p>"
            + story + "</article></body></html>")
    md = extract_page(page.encode(), url="https://news.example.org/ferry").markdown
    assert "**Sustainable concepts for affordable ferries**\nEveryone has" in md
    assert "[**https://x.org/buy**](https://x.org/buy)" in md  # the link is kept
    # a break that another one follows anyway is left where it is
    doc = parse_document("<html><body><p><strong>TL;DR<br></strong><br>Text.</p></body></html>")
    assert hoist_closing_breaks(doc) == 0


def test_breadcrumbs_run_into_the_title_in_one_block_go() -> None:
    from newsark.extract.titleblock import drop_title_block

    story = "The council met on Tuesday and agreed the new ferry timetable for the harbour."
    for crumbs in ("Home", "Articles > Harbour news > ", "General» ", "Title: "):
        md = f"{crumbs}Ferry timetable agreed\n\n{story}"
        assert drop_title_block(md, "Ferry timetable agreed") == story
    # a word before the title that is no breadcrumb, or a sentence ending with it: kept
    for kept in (f"CIS Ferry timetable agreed\n\n{story}", f"{story} Ferry timetable agreed\n\n{story}"):
        assert drop_title_block(kept, "Ferry timetable agreed") == kept
    # breadcrumbs ending with the title, above the title's own block: all go, however long
    # the links make them
    title = "A long headline about the harbour's new ferry timetable agreed on Tuesday"
    crumbs = (f"[Home](https://news.example.org/)»\n\n[Harbour](https://news.example.org/harbour/)» {title}"
              f"\n\n## {title}\n\n{story}")
    assert drop_title_block(crumbs, title) == story
    # the story's lead picture above the title stays
    lead = '<figure>\n<img src="https://news.example.org/ferry.jpg" alt="The ferry">\n</figure>'
    assert drop_title_block(f"Home\n\n{lead}\n\n## {title}\n\n{story}", title) == f"{lead}\n\n{story}"


def test_figures_are_those_the_markdown_still_shows() -> None:
    from newsark.extract.media import figure_html, shown_figures

    kept = {"src": "https://ex.org/ferry.jpg?w=640&h=480", "caption": "The ferry", "credit": ""}
    gone = {"src": "https://ex.org/headshot.jpg", "caption": "", "credit": ""}  # its block was dropped
    md = f"Text.\n\n{figure_html(kept['src'], 'The ferry')}\n\nMore text."
    assert shown_figures([kept, gone], md) == [kept]


def test_icon_font_ligatures_are_not_text() -> None:
    # '<i class="material-icons">chevron_right</i>' is drawn as an arrow, never read
    story = "".join(f"<p>{'The council met on Tuesday and agreed the new ferry timetable. ' * 3}{i}</p>"
                    for i in range(4))
    page = ("<html><head><title>Ferry FAQ</title></head><body><article><h1>Ferry FAQ</h1>"
            "<h3>When does the ferry run? <i class=\"material-icons\">chevron_right</i></h3>"
            f"{story}<p>Tap <span class=\"material-symbols-outlined\">Menu icon</span> to see more.</p>"
            "</article></body></html>")
    ex = extract_page(page.encode(), url="https://news.example.org/faq")
    assert "When does the ferry run?" in ex.text and "chevron" not in ex.markdown
    assert "Menu icon" in ex.text  # words, not a ligature's name: kept


def test_control_characters_lxml_refuses_are_read_without_them() -> None:
    # lxml's parser keeps an escape or a vertical tab in the page's text, then refuses to
    # move that text (wrapping a run of loose text into a paragraph raised ValueError).
    words = " ".join(["word"] * 30)
    html = (
        "<html><head><title>Control\x1b characters</title></head><body><article>"
        f"<h1>Control characters</h1><p>{words} first.</p>"
        f"<div>A run of loose text\x1b with an escape in it {words}<br>and a second line {words}</div>"
        f"<pre><code>\x0b ls -l\x0c/tmp</code></pre><p>{words} last.</p></article></body></html>"
    )
    ex = extract_page(html.encode())
    assert "A run of loose text with an escape in it" in ex.text
    assert "```\n ls -l /tmp\n```" in ex.markdown  # a form feed is white space in HTML
    assert ex.title == "Control characters"
    for value in (ex.markdown, ex.text, ex.title):
        assert not re.search("[\x01-\x08\x0b\x0c\x0e-\x1f]", value)


def test_character_references_to_refused_control_characters_are_dropped_too() -> None:
    words = " ".join(["word"] * 30)
    html = (f"<html><body><article><p>{words} first.</p><div>Loose text&#x1; &#11;with references"
            f" {words}<br>a second line&#xFFFE; {words}</div><p>{words} &amp; last &#233;t&#233;.</p>"
            "</article></body></html>")
    ex = extract_page(html.encode())
    assert "Loose text with references" in ex.text and "a second line word" in ex.text
    assert "& last été." in ex.text  # other references are read as ever
    assert not re.search("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe]", ex.markdown)


def test_a_control_character_in_a_page_that_parses_is_kept_out_of_the_output() -> None:
    # (no text moved: no retry; the character still reaches no field)
    words = " ".join(["word"] * 40)
    ex = extract_page(f"<html><body><article><p>{words}\x02 end.</p><p>{words} more.</p>"
                      f"<pre><code>\x0b echo</code></pre></article></body></html>".encode())
    assert "word end." in ex.text and "\x02" not in ex.text and "\x0b" not in ex.markdown
