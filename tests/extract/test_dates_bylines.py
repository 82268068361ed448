from __future__ import annotations

import pytest

from newsark.extract.bylines import plausible_chinese_name, split_byline
from newsark.extract.dates import date_from_url, find_date, parse_date
from newsark.extract.scoring import author_match, body_prf, date_match, title_match, tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年1月3日", "2021-01-03"),
        ("發佈時間：2021年1月3日 下午3:05", "2021-01-03T15:05:00"),
        ("2021年6月23日 星期三 下午3:30", "2021-06-23T15:30:00"),  # the weekday before the time
        ("2021年6月23日（三）22:10", "2021-06-23T22:10:00"),
        ("2021年6月23日 天氣晴 3:30", "2021-06-23"),  # other words: the time is not the date's
        ("2019-03-18 23:59 聯合報", "2019-03-18T23:59:00"),
        ("Published March 4, 2020", "2020-03-04"),
        ("4 March 2020", "2020-03-04"),
        ("2020-03-04T08:15:00+0800", "2020-03-04T08:15:00+08:00"),
        ("2020-02-30", None),  # no such day: unknown, not a guess
        ("no date here", None),
        # the month's name in the other languages of the dev pages, and German's dot after the day
        ("publiziert am 25. September 2018", "2018-09-25"),
        ("am 3. März 2020 um 10:00", "2020-03-03"),
        ("3 de marzo de 2019", "2019-03-03"),
        ("5 de outubro de 2018", "2018-10-05"),
        ("12 febbraio 2019", "2019-02-12"),
        ("1er août 2019", "2019-08-01"),
        ("3 January, 2025", "2025-01-03"),
        ("30. Juli", None),  # no year: no date
    ],
)
def test_find_date(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


def test_parse_date_epoch_and_bad() -> None:
    assert parse_date("1583280900") == "2020-03-04T00:15:00+00:00"
    assert parse_date("") is None
    assert parse_date("3000-01-01") is None


def test_date_from_url() -> None:
    assert date_from_url("https://x.org/news/2021/01/03/story") == "2021-01-03"
    assert date_from_url("https://x.org/a/20210103/1.html") == "2021-01-03"
    assert date_from_url("https://web.archive.org/web/20210630061242/https://x.org/article/32145/") is None


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("記者陳大文、李小明／香港報導", [("記者", "陳大文"), ("記者", "李小明")]),
        ("撰文：黃小玲　攝影：林志強", [("撰文", "黃小玲"), ("攝影", "林志強")]),
        ("文／張三豐", [("撰文", "張三豐")]),
        ("By Jane Doe and Sam Lee", [("撰文", "Jane Doe"), ("撰文", "Sam Lee")]),
        ("作者：宋怡 杨志华", [("撰文", "宋怡"), ("撰文", "杨志华")]),  # names apart by spaces
        ("執筆人：陳大文 李小明", [("撰文", "陳大文"), ("撰文", "李小明")]),
        ("記者 王小明 高雄報導", [("記者", "王小明")]),  # 高雄 is where it was filed from
        ("記者陳大文 李小明報導", [("記者", "陳大文"), ("記者", "李小明")]),  # a name, not a place
        ("作者：宋怡 我要说说", [("撰文", "宋怡")]),  # words after the name are not names
        ("記者林悅翻攝", [("記者", "林悅")]),  # 翻攝: a photo reproduced by the reporter
        ("采写：林子沛", [("撰文", "林子沛")]),  # 采写: gathered and written (南方都市报)
        ("採寫：陳大文 李小明", [("撰文", "陳大文"), ("撰文", "李小明")]),
    ],
)
def test_split_byline(byline: str, expected: list[tuple[str, str]]) -> None:
    assert split_byline(byline) == expected


def test_plausible_chinese_name() -> None:
    assert plausible_chinese_name("陳大文")
    assert not plausible_chinese_name("了解")
    assert not plausible_chinese_name("翻攝畫面")


def test_scoring_as_the_eval_readme_says() -> None:
    assert tokens("Hello, World! 中文ok") == ["hello", "world", "中", "文", "ok"]
    assert body_prf("", "text") == (0.0, 0.0, 0.0)
    p, r, f = body_prf("a b c d", "a b")
    assert (p, r) == (0.5, 1.0) and abs(f - 2 / 3) < 1e-9
    assert title_match("Title - Site", "Title") == (False, True)
    assert date_match("2021-01-03T10:00", "2021-1-3 9:00") and not date_match(None, "2021-01-03")
    assert date_match("2003-05-09", "2003-5")
    assert author_match("記者王小明", "王小明") and not author_match(None, "王小明")


def test_same_day_somewhere() -> None:
    from newsark.extract.dates import same_day_somewhere

    # 02:41 UTC on the 19th is the evening of the 18th in America: the same moment
    assert same_day_somewhere("2025-12-19T02:41:41+00:00", "2025-12-18")
    # 22:02 UTC on the 19th is nowhere the 18th
    assert not same_day_somewhere("2025-12-19T22:02:58+00:00", "2025-12-18")
    assert not same_day_somewhere("2025-12-19", "2025-12-18")  # no time: no instant


def _doc_with(ld_date: str, shown: str) -> str:
    return (f'<html><head><title>Ferry news</title><script type="application/ld+json">'
            f'{{"@type":"NewsArticle","headline":"Ferry timetable changes","datePublished":"{ld_date}"}}'
            f"</script></head><body><h1>Ferry timetable changes</h1><p>{shown}</p>"
            "<p>The council met on Tuesday to discuss the new harbour ferry timetable.</p></body></html>")


def test_shown_date_earlier_than_metadata_is_the_publication() -> None:
    from newsark.extract.metadata import extract_metadata
    from newsark.extract.page import parse_document

    body = "The council met on Tuesday to discuss the new harbour ferry timetable."
    # metadata re-stamped by a migration; the page still shows the original date
    meta = extract_metadata(parse_document(_doc_with("2025-12-01T05:10:15Z", "24 Apr 2000")), None, body)
    assert meta.date == "2000-04-24"
    # the same moment seen from another timezone: the stamp with its offset is kept
    meta = extract_metadata(parse_document(_doc_with("2025-12-19T02:41:41Z", "Dec 18, 2025")), None, body)
    assert meta.date == "2025-12-19T02:41:41+00:00"


def _zone_page(zone_html: str, ld_date: str | None = None) -> str:
    ld = (f'<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"{ld_date}"}}</script>'
          if ld_date else "")
    return (f"<html><head><title>Ferry timetable changes</title>{ld}</head><body><h1>Ferry timetable changes</h1>"
            f"{zone_html}<p>The council met on Tuesday to discuss the new harbour ferry timetable.</p></body></html>")


def _dates(html: str) -> tuple[str | None, str | None]:
    from newsark.extract.metadata import extract_metadata
    from newsark.extract.page import parse_document

    meta = extract_metadata(parse_document(html), None,
                            "The council met on Tuesday to discuss the new harbour ferry timetable.")
    return meta.date, meta.last_updated


def test_updated_label_on_the_line_before_the_date() -> None:
    # published known only from the metadata; the page shows when it was updated
    assert _dates(_zone_page("<span>Updated:</span><span>December 31, 2024</span>", "2023-04-07")) == (
        "2023-04-07", "2024-12-31")
    # only an update date anywhere: it stands for the publication (the date of the text as
    # archived), and stays as last_updated so the record says what it is
    assert _dates(_zone_page("<span>Last updated:</span><span>Dec 12, 2025</span>")) == (
        "2025-12-12", "2025-12-12")


def test_creation_dates_of_a_blog_are_not_the_articles() -> None:
    assert _dates(_zone_page("<p>建立于:2004年10月6日</p>"))[0] is None


def test_partial_date_when_the_page_gives_only_year_and_month() -> None:
    from newsark.extract.dates import find_partial_date

    assert find_partial_date("——《北京之春》1998年3月号") == "1998-03"
    assert find_partial_date("2003年5月12日") is None  # a full date is not partial
    assert _dates(_zone_page("<p>《北京之春》1998年3月号</p>"))[0] == "1998-03"


def test_originally_published_note_at_the_end_of_the_body() -> None:
    from newsark.extract.zone import originally_published

    body = "First paragraph of the story.\nThis article was originally published on 26 Sep 2019 at 4:12pm."
    assert originally_published(body) == "2019-09-26T16:12:00"  # (its time kept)
    assert originally_published("Published in a hurry, on a Monday.") is None


# Eight paragraphs of a Chinese story, for pages whose bylines are under test.
ZH_PARAS = "".join(f"<p>市政府今天公布新的公園計劃，多名議員表示支持擴建綠化空間，第{i}段。</p>" for i in range(8))


def test_byline_and_editor_just_below_the_body() -> None:
    from newsark.extract import extract_page

    text = ZH_PARAS
    page = ("<html><head><meta charset='utf-8'><title>公園計劃公布</title></head><body><h1>公園計劃公布</h1>"
            f"<div class='content'>{text}</div><div class='info'>作者：陳大文 李小明 分享 打印</div>"
            "<div class='more'>相關新聞</div></body></html>")
    assert extract_page(page.encode()).bylines == [("撰文", "陳大文"), ("撰文", "李小明")]
    page = page.replace("作者：陳大文 李小明", "責任編輯：林志強")
    assert extract_page(page.encode()).bylines == [("編輯", "林志強")]
    # a staff code after the name (163.com), the short label 责编, a Latin name
    for line, name in (("责任编辑：杨倩_NF4425", "杨倩"), ("责编：薛艺磊", "薛艺磊"), ("责编：Demi Xia", "Demi Xia")):
        assert extract_page(page.replace("責任編輯：林志強", line).encode()).bylines == [("編輯", name)]


def test_the_writers_line_above_an_empty_editor_label_and_a_quoted_teaser() -> None:
    """'采写：陳大文 李小明' closing the story, with an empty '责任编辑：' and another story's
    teaser (a quote of two paragraphs and its outlet) after it in the same element: the
    body's last six lines are searched, not four."""
    from newsark.extract import extract_page

    tail = ("<p>采写：陳大文 李小明</p><p>责任编辑：<span></span></p><blockquote><p>香港天文台：本週天氣持續晴朗</p>"
            "<p>天文台表示，一股乾燥的東北季候風會在週末影響華南沿岸。</p></blockquote>,測試日報")
    page = ("<html><head><meta charset='utf-8'><title>公園計劃公布</title></head><body><h1>公園計劃公布</h1>"
            f"<div class='content'>{ZH_PARAS}{tail}</div></body></html>")
    assert extract_page(page.encode()).bylines == [("撰文", "陳大文"), ("撰文", "李小明")]


def test_the_reporters_credit_closing_the_text_above_a_hotline_box() -> None:
    from newsark.extract import extract_page

    hotline = "<p><strong>關心你</strong></p><p>求助熱線：1234</p><p>輔導熱線：5678</p><p>社工熱線：9012</p>"
    last = "<p>警方已到場調查，事件原因有待進一步釐清。（陳大文／台中報導）</p>"
    page = ("<html><head><meta charset='utf-8'><title>公園計劃公布</title></head><body><h1>公園計劃公布</h1>"
            f"<div class='content'>{ZH_PARAS}{last}{hotline}</div></body></html>")
    assert extract_page(page.encode()).bylines == [("撰文", "陳大文")]
    # a credit inside a paragraph (another outlet's report, quoted) is not the page's byline
    page = page.replace("（陳大文／台中報導）</p>", "（陳大文／台中報導）指出，居民不滿。</p>")
    assert extract_page(page.encode()).bylines == []


def test_writers_named_after_their_label_to_the_lines_end_pen_names_too() -> None:
    from newsark.extract import extract_page

    page = ("<html><head><meta charset='utf-8'><title>公園計劃公布</title></head><body><h1>公園計劃公布</h1>"
            f"<div class='content'><p><strong>执笔/叨叨姐、胡一刀&amp;李小飞刀</strong></p>{ZH_PARAS}</div></body></html>")
    assert extract_page(page.encode()).bylines == [("撰文", "叨叨姐"), ("撰文", "胡一刀"), ("撰文", "李小飞刀")]
    # a label with more than names after it is no byline
    assert extract_page(page.replace("执笔/叨叨姐、胡一刀&amp;李小飞刀", "作者/来源：网络").encode()).bylines == []


def test_a_byline_label_ending_its_line_takes_the_name_on_the_next() -> None:
    from newsark.extract.pagebylines import bylines_in_text

    assert bylines_in_text(["连载：", "乔冠华才情人生", "出版社：团结出版社 作者：", "罗银胜"]) == [("撰文", "罗银胜")]
    assert bylines_in_text(["陈天华《警世钟》", "ggjjzhzz", "发表于 2005-9-15 11:46:00"]) == [("撰文", "ggjjzhzz")]
    # a label with its name on its own line, and no label at all: nothing joined
    assert bylines_in_text(["作者：罗银胜", "出版社：团结出版社"]) == [("撰文", "罗银胜")]
    assert bylines_in_text(["乔冠华才情人生", "罗银胜"]) == []
    # a WeChat post's compiler, before the account's name
    assert bylines_in_text(["原创： 路闻卓立编译 人民币交易与研究"]) == [("撰文", "路闻卓立")]


def test_the_header_zone_keeps_a_byline_whose_posted_on_line_ends_it() -> None:
    from newsark.extract.pagebylines import bylines_in_text
    from newsark.extract.zone import header_zone

    # an old blog: no title line found; the zone is the lines before the body's start and
    # two more, and the byline's '发表于' line just after them finishes it
    lines = [f"日志分类{i}" for i in range(25)] + ["[湖湘文化]", "陈天华《警世钟》", "ggjjzhzz",
                                                  "发表于 2005-9-15 11:46:00", "长梦千年何日醒，睡乡谁遣警钟鸣？"]
    zone = header_zone(lines, None, "陈天华《警世钟》\n长梦千年何日醒，睡乡谁遣警钟鸣？")
    assert zone[-2:] == ["ggjjzhzz", "发表于 2005-9-15 11:46:00"]
    assert bylines_in_text(zone) == [("撰文", "ggjjzhzz")]
    # any other line there stays out
    lines[-2] = "长梦千年何日醒，睡乡谁遣警钟鸣？"
    assert header_zone(lines, None, "陈天华《警世钟》\n长梦千年何日醒")[-1] == "ggjjzhzz"


def test_a_line_that_is_only_a_byline_after_a_summary_the_story_opens_with() -> None:
    from newsark.extract import extract_page

    summary = "<p>划重点：</p><ol>" + "".join(f"<li>市政府表示，第{i}项计划将于明年开始实施。</li>" for i in range(4)) + "</ol>"
    page = ("<html><head><meta charset='utf-8'><title>公园计划公布</title></head><body><h1>公园计划公布</h1>"
            f"<div class='content'>{summary}<p>《棱镜》作者 周纯</p>{ZH_PARAS}</div></body></html>")
    assert extract_page(page.encode()).bylines == [("撰文", "周纯")]
    # words after the role are a sentence, not a name
    assert extract_page(page.replace("《棱镜》作者 周纯", "作者认为这很重要").encode()).bylines == []


def test_placeholders_and_authorized_badges_are_not_authors() -> None:
    from newsark.extract import extract_page

    text = ZH_PARAS
    page = ("<html><head><meta charset='utf-8'><title>公園計劃公布</title></head><body><h1>公園計劃公布</h1>"
            f"<div class='content'>{text}</div><div class='gs_bot_author'>作者：未知 责任编辑：林志強</div>"
            "</body></html>")
    ex = extract_page(page.encode())
    assert ex.bylines == [("編輯", "林志強")]  # the editor, the last resort, as with no author at all
    for placeholder in ("网络整理", "網路", "不詳"):
        assert extract_page(page.replace("未知", placeholder).encode()).bylines == [("編輯", "林志強")]
    # 'authorized' speaks of a licence, not of the author ('我已授权': I have authorised)
    badge = page.replace("<div class='gs_bot_author'>作者：未知 责任编辑：林志強</div>",
                         "<span class='authorized'> 我已授权 </span>")
    assert extract_page(badge.encode()).author is None
    assert extract_page(page.replace("未知", "陳大文").encode()).author == "陳大文"


def test_an_outlet_named_as_author_gives_way_to_the_reporter_the_page_names() -> None:
    from newsark.extract import extract_page

    text = ZH_PARAS
    page = ("<html><head><meta charset='utf-8'><title>公園計劃公布</title>"
            "<meta property='article:author' content='新京报'></head><body><h1>公園計劃公布</h1>"
            f"<div class='content'><p>新京报快讯（记者 裴剑飞）今日公園計劃公布。</p>{text}</div>"
            "<ul class='blogs'><li><a href='/b/1'><span class='author'>黄斌汉：</span>新年大礼 规划批复</a></li></ul>"
            "</body></html>")
    ex = extract_page(page.encode())
    assert ex.bylines == [("記者", "裴剑飞")] and ex.author == "裴剑飞"
    # no reporter in the page: the outlet stays; and the author of a teaser link never counts
    plain = page.replace("（记者 裴剑飞）", "")
    assert extract_page(plain.encode()).author == "新京报"
    no_meta = plain.replace("<meta property='article:author' content='新京报'>", "")
    assert extract_page(no_meta.encode()).author is None


def test_a_templates_placeholder_a_follow_button_and_a_noun_are_not_the_author() -> None:
    from newsark.extract import extract_page
    from newsark.extract.pagebylines import bylines_in_text

    page = ("<html><head><meta charset='utf-8'><title>公園計劃公布</title>"
            "<meta name='author' content='name, email@gmail.com'></head><body><h1>公園計劃公布</h1>"
            f"<div class='content'>{ZH_PARAS}</div></body></html>")
    assert extract_page(page.encode()).author is None  # the theme's "name, email" never filled in
    # the account's name beside its follow button (澎湃號): the button's word is no part of it
    account = page.replace("<h1>", "<div class='news_author'><div class='name'>中国广州发布</div>"
                                   "<div class='link' onclick='followUser(this)'>关注</div></div><h1>")
    assert extract_page(account.encode()).bylines == [("撰文", "中国广州发布")]
    # 摄影师 (photographer), 记者会 (press conference): a role word opening a longer word
    assert bylines_in_text(["现场聚集大批粉丝、采访媒体、摄影师等，明星接二连三登场。"]) == []
    assert bylines_in_text(["政府昨日举行记者会，陈大文表示支持。"]) == []
    assert bylines_in_text(["摄影：陈大文"]) == [("攝影", "陈大文")]


def test_the_reporter_the_page_shows_beats_another_person_in_json_ld() -> None:
    from newsark.extract import extract_page

    ld = '{"@type":"NewsArticle","headline":"公園計劃公布","author":{"@type":"Person","name":"陳昱光"}}'
    page = ("<html><head><meta charset='utf-8'><title>公園計劃公布</title>"
            f"<script type='application/ld+json'>{ld}</script></head><body><h1>公園計劃公布</h1>"
            "<div class='author'><a href='/reporter/899'>謝明俊</a></div>"
            f"<div class='content'>{ZH_PARAS}</div></body></html>")
    assert extract_page(page.encode()).author == "謝明俊"
    # the same person, or only an editor shown: the JSON-LD's author stands
    assert extract_page(page.replace("謝明俊", "陳昱光").encode()).author == "陳昱光"
    editor = page.replace("<div class='author'><a href='/reporter/899'>謝明俊</a></div>",
                          "<p class='show_author'>责任编辑：林志強</p>")
    assert extract_page(editor.encode()).author == "陳昱光"


def test_hong_kongs_colon_reads_as_a_colon() -> None:
    """Pages typed in Hong Kong write '︰' (U+FE30, Big5 0xA14A) for the colon: '撰文︰',
    '文︰', '記者︰', '更新︰'. NFKC would make it '..', which no label reads; the rules read
    it as '：' and the archive keeps the page's own character."""
    from newsark.extract import extract_page

    assert split_byline("文︰陳大文") == [("撰文", "陳大文")]
    assert split_byline("記者︰陳大文") == [("記者", "陳大文")]
    assert find_date("發佈時間︰2021年6月15日 14︰30") == "2021-06-15T14:30:00"
    paras = "".join(f"<p>{p}</p>" for p in (
        "天星小輪今日宣布下月起加價，多名市民表示不滿，認為加幅過高，要求政府介入。",
        "運輸署表示會研究有關申請，並會考慮市民負擔能力，稍後公布結果。",
        "有立法會議員批評加價時機不當，市民在疫情下生活已經十分困難。"))
    for byline in ("文︰陳大文", "撰文︰陳大文", "記者︰陳大文"):
        page = (f"<html><head><meta charset='utf-8'><title>渡輪加價 市民不滿 | 眾新聞</title></head><body><article>"
                f"<h1>渡輪加價 市民不滿</h1><p>{byline}</p><p>2021年6月15日 14︰30</p>{paras}</article></body></html>")
        got = extract_page(page.encode(), url="https://www.hkcnews.com/article/12345/ferry")
        assert got.author == "陳大文", byline
        assert got.date == "2021-06-15T14:30:00"
        assert got.markdown.startswith("天星小輪今日宣布"), got.markdown[:40]  # the byline line went too
