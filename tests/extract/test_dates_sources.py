"""Date rules of article_dates.py / dates.py / zone.py, one small synthetic page per rule."""

from __future__ import annotations

import pytest

from newsark.extract import article_dates
from newsark.extract.article_dates import month_day_confirmed, script_date
from newsark.extract.dates import (
    UPDATED_LABEL_RE,
    find_date,
    find_partial_date,
    parse_date,
    shows_day,
)
from newsark.extract.metadata import extract_metadata
from newsark.extract.page import parse_document
from newsark.extract.zone import find_line, page_lines

BODY = "The council met on Tuesday to discuss the new harbour ferry timetable."


def _page(head: str = "", before: str = "", after: str = "", title: str = "Ferry timetable changes") -> str:
    return (f"<html><head><title>{title}</title>{head}</head><body><h1>{title}</h1>{before}"
            f"<p>{BODY}</p>{after}</body></html>")


def _dates(html: str, body: str = BODY) -> tuple[str | None, str | None]:
    meta = extract_metadata(parse_document(html), None, body)
    return meta.date, meta.last_updated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2/24/2026", "2026-02-24"),  # US order, certain since 24 > 12
        ("24/2/2026", "2026-02-24"),
        ("发布日期： 9/17/2004 5:54:13 AM", "2004-09-17T05:54:13"),
        ("posted 12/31/2024 9:05 pm", "2024-12-31T21:05:00"),
        ("03/01/2017", None),  # March 1 or 3 January: unread
    ],
)
def test_slash_dates_only_when_the_order_is_certain(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated on 19-Dec-2025", "2025-12-19"),  # day-month-year joined by hyphens
        ("19 Dec 2025", "2025-12-19"),
        ("Nov. 3rd, 2020", "2020-11-03"),
        ("Dec-2025", None),  # no day
    ],
)
def test_english_month_names_with_spaces_or_hyphens(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


def test_updated_on_is_an_update_label() -> None:
    assert UPDATED_LABEL_RE.search("Updated on")
    assert UPDATED_LABEL_RE.search("Last updated on:")
    assert not UPDATED_LABEL_RE.search("Posted on")
    shown = "<p>Updated on</p><p>April 19, 2025</p>"
    ld = '<script type="application/ld+json">{"@type":"Article","datePublished":"2024-02-01T15:46:14Z"}</script>'
    assert _dates(_page(ld, shown)) == ("2024-02-01T15:46:14+00:00", "2025-04-19")


def test_numeric_date_read_the_other_way_round_agrees_with_the_metadata() -> None:
    # 09.10.2024 under the headline is the structured 10 September (month first), not 9 October
    # (a Chinese page: no htmldate vote to hide the rule)
    ld = '<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2024-09-10T16:07:00Z"}</script>'
    body = "市议会周二开会讨论新的港口渡轮时刻表，并听取了居民的意见。"
    html = (f"<html><head><title>渡轮时刻表调整</title>{ld}</head><body><h1>渡轮时刻表调整</h1>"
            f"<p>09.10.2024</p><p>{body}</p></body></html>")
    assert _dates(html, body)[0] == "2024-09-10T16:07:00+00:00"


def test_the_headline_line_itself_beats_a_story_that_starts_alike() -> None:
    lines = ["Top 10 best luxury hotel brands in the world", "June 3, 2024", "story",
             "Top 10 best luxury hotels in Barcelona", "December 13, 2021"]
    assert find_line(lines, "Top 10 best luxury hotel brands in the world", 5) == 0
    assert find_line(lines, "Top 10 best luxury hotels in Barcelona") == 3


def test_page_lines_in_document_order_without_scripts() -> None:
    doc = parse_document("<html><body><p>One <b>two</b> three</p><script>var x = 1;</script>"
                         "<select><option>Menu</option></select><p>four</p></body></html>")
    assert page_lines(doc) == ["One", "two", "three", "four"]


def test_labelled_date_just_above_the_body_when_the_title_is_the_sites() -> None:
    # a blog page titled with the blog's name; the post's own date sits above its text
    nav = "".join(f"<li>Link number {i}</li>" for i in range(100))
    html = (f"<html><head><title>China-Pub blog</title></head><body><h2>China-Pub blog</h2><ul>{nav}</ul>"
            f"<h3>警世钟</h3><p>ggjjzhzz</p><p>发表于 2005-9-15 11:46:00</p><p>{BODY}</p></body></html>")
    assert _dates(html)[0] == "2005-09-15T11:46:00"


def test_labelled_month_and_year_after_the_body() -> None:
    assert find_partial_date("November 2003") == "2003-11"
    assert find_partial_date("We met in November 2003 at the port") is None
    html = _page(after="<dl><dt>Publication Type</dt><dd>Report</dd><dt>Date</dt><dd>November 2003</dd></dl>")
    assert _dates(html)[0] == "2003-11"


def test_labelled_date_after_the_row_of_buttons_under_the_body() -> None:
    paras = [f"{place}的市民在廣場了解金融知識，志願者逐一解答第{i}個提問。"
             for i, place in enumerate(("常德", "長沙", "岳陽", "衡陽", "株洲", "湘潭", "益陽", "郴州"))]
    widgets = "".join(f"<span>{w}</span>" for w in ("赞", "0", "赏", "分享", "查看评论", "阅读", "539", "隐藏边栏", "A+"))
    html = ("<html><head><title>金融知識普及月</title></head><body><h1>金融知識普及月</h1>"
            + "".join(f"<p>{p}</p>" for p in paras) + f"<div>{widgets}</div>"
            "<p>发布日期：2019-09-23 14:34:05 所属分类：</p><p>头条</p></body></html>")
    assert _dates(html, "\n".join(paras))[0] == "2019-09-23T14:34:05"


def test_originally_published_note_just_after_the_body() -> None:
    ld = '<meta property="article:published_time" content="2022-09-30T11:07:00+10:00">'
    paras = [BODY] + [f"The story goes on, long enough to count as body line number {i}." for i in range(20)]
    after = "<p>This article was originally published on 26 Sep 2019 at 4:12pm but has been updated.</p>"
    html = ("<html><head><title>Ferry timetable changes</title>" + ld + "</head><body><h1>Ferry timetable changes</h1>"
            + "".join(f"<p>{p}</p>" for p in paras) + after + "</body></html>")
    assert _dates(html, "\n".join(paras))[0] == "2019-09-26T16:12:00"


def test_year_month_line_at_the_head_of_a_report_body() -> None:
    body = "北京市儿童心理素质调查报告\n北京市妇女儿童工作委员会课题组\n2003年5月\n" + "\n".join(
        f"第{i}部分：为了贯彻落实北京市儿童发展规划，进一步了解全市儿童的心理状况。" for i in range(6))
    html = ("<html><head><title>研究集萃</title></head><body><p>首页</p>"
            + "".join(f"<p>{ln}</p>" for ln in body.split("\n")) + "</body></html>")
    assert _dates(html, body)[0] == "2003-05"


def test_month_day_under_the_headline_completed_by_a_structured_date() -> None:
    zone = ["作者名", "发布时间：10-08", "12:00"]
    assert month_day_confirmed(zone, ["2019-10-08T12:00:57"]) == "2019-10-08T12:00:57"
    assert month_day_confirmed(["发布时间：18-03-08"], ["2018-03-08T23:16:24"]) == "2018-03-08T23:16:24"
    # no structured date with that month and day: no year is guessed
    assert month_day_confirmed(zone, ["2019-10-09T12:00:57"]) is None
    head = '<meta itemprop="dateUpdate" content="2019-10-08 12:00:57">'
    html = _page(head, "<p>某作者</p><span>发布时间：10-08</span><span>12:00</span>", title="英国美女转行当美人鱼")
    assert _dates(html)[0] == "2019-10-08T12:00:57"


def test_one_date_variable_in_the_pages_script() -> None:
    wechat = parse_document('<html><body><script>var nickname = "x";\n var ct = "1581517074";</script></body></html>')
    assert script_date(wechat) == "2020-02-12T14:17:54+00:00"
    data = parse_document('<html><body><script>window.DATA = {"pubtime": "2019-09-07 19:02:26"}</script></body></html>')
    assert script_date(data) == "2019-09-07T19:02:26"
    # several values: a list of other stories, not this one's date
    many = parse_document('<html><body><script>x = [{"pubtime": "2019-09-07"}, {"pubtime": "2019-09-06"}]'
                          "</script></body></html>")
    assert script_date(many) is None
    page = _page(title="三星 Galaxy S20 系列手机正式发布") .replace(
        "</body>", '<script>var nickname = "x";\n var ct = "1581517074";</script></body>')
    assert _dates(page)[0] == "2020-02-12T14:17:54+00:00"


def test_only_an_updated_date_shown_stands_for_the_publication() -> None:
    assert _dates(_page(before="<p>Updated March 5, 2025</p>")) == ("2025-03-05", "2025-03-05")
    # a published date anywhere keeps the two apart
    ld = '<meta property="article:published_time" content="2024-01-02">'
    assert _dates(_page(ld, "<p>Updated March 5, 2025</p>")) == ("2024-01-02", "2025-03-05")


def test_date_under_the_pages_own_headline_when_the_metadata_titles_it_otherwise() -> None:
    nav = "".join(f"<li>Section {i}</li>" for i in range(30))
    # (a related product's upload date elsewhere is what a markup-wide search would find)
    html = ('<html><head><title>How Does Robot Vacuum Mapping Work</title>'
            '<meta property="og:title" content="How Does Robot Vacuum Mapping Work"></head>'
            '<body><div class="card"><span class="date">2023-10-11</span> Related</div>'
            f"<ul>{nav}</ul><h1>How Do Vacuum Robots with Mapping Navigate?</h1><h5><span>2024-11-06</span></h5>"
            f"<p>{BODY}</p>" + "".join(f"<p>More of the story, part {i}.</p>" for i in range(10))
            + "<h2>FAQ</h2><h3>How Does Robot Vacuum Mapping Work</h3><p>It scans the room.</p></body></html>")
    assert _dates(html)[0] == "2024-11-06"


def test_date_under_the_headline_after_its_kicker_dek_and_byline() -> None:
    nav = "".join(f"<li>Section {i}</li>" for i in range(30))
    html = ('<html><head><meta property="og:title" content="Our favourite biking spots">'
            '<meta property="og:updated_time" content="2024-04-12 08:02:41 -0500"></head>'
            f"<body><ul>{nav}</ul><h1>The best trails in town for biking</h1><p>Adventure time</p>"
            "<h2>The best trails in town for biking</h2><p>A better time to be a cyclist.</p>"
            "<p>By <a href='/p/dan'>Dan Ren</a> <span>April 12, 2024</span></p>"
            f"<p>{BODY}</p></body></html>")
    # the body opens with the headline, so the lines between title and body hold no date
    assert _dates(html, body=f"The best trails in town for biking\n{BODY}")[0] == "2024-04-12"


def test_a_modification_date_alone_is_not_taken_for_the_publication() -> None:
    # htmldate falls back to article:modified_time when it finds nothing else
    head = '<meta property="article:modified_time" content="2026-02-27T19:16:59+00:00">'
    assert _dates(_page(head)) == (None, "2026-02-27T19:16:59+00:00")


def test_an_unlabelled_month_and_year_is_not_a_date() -> None:
    # a blog's archive list under the headline names months; only a label makes one the date
    html = _page(before="<ul><li>November 2003</li><li>October 2003</li></ul>")
    assert _dates(html)[0] != "2003-11"


def test_the_same_moment_in_two_offsets_is_no_update() -> None:
    head = ('<meta property="article:published_time" content="2026-02-01T09:58:04+02:00">'
            '<meta property="article:modified_time" content="2026-02-01T07:58:04+00:00">')
    assert _dates(_page(head)) == ("2026-02-01T09:58:04+02:00", None)


@pytest.mark.parametrize(("published", "modified", "updated"), [
    # saved as a draft, then published as scheduled: no update since
    ("2025-12-20T06:36:00+00:00", "2025-12-19T12:37:00+00:00", None),
    ("2025-12-20T06:36:00+00:00", "2025-12-20T01:00:00+00:00", None),
    ("2025-12-20T06:36:00+00:00", "2025-12-20T09:00:00+00:00", "2025-12-20T09:00:00+00:00"),
    # an earlier day in its own zone, a later instant: an update
    ("2025-12-20T06:36:00+00:00", "2025-12-19T23:30:00-08:00", "2025-12-19T23:30:00-08:00"),
    # one stamp in a zone, one not: no order to tell, the update kept (unless days apart)
    ("2025-12-20T06:36:00+00:00", "2025-12-20T01:00:00", "2025-12-20T01:00:00"),
    ("2025-12-20T06:36:00+00:00", "2025-12-18T01:00:00", None),
])
def test_a_modification_before_the_publication_is_no_update(published: str, modified: str,
                                                            updated: str | None) -> None:
    head = (f'<meta property="article:published_time" content="{published}">'
            f'<meta property="article:modified_time" content="{modified}">')
    assert _dates(_page(head)) == (published, updated)


def test_the_time_under_the_headline_before_a_sidebars_earlier_one() -> None:
    # a list of other stories, with their own <time>, comes first in the markup
    side = "".join(f'<li><a href="/s{i}">Other story {i}</a> <time datetime="2025-12-1{i}T12:00:00Z">Read</time></li>'
                   for i in range(3))
    nav = "".join(f"<li>Section {i}</li>" for i in range(12))
    html = (f"<html><head><title>Harbour ferry</title></head><body><ul>{side}</ul><ul>{nav}</ul>"
            '<article><h1>Harbour ferry</h1><time datetime="2017-03-01T12:00:00Z">Posted</time>'
            f"<p>{BODY}</p></article></body></html>")
    assert _dates(html)[0] == "2017-03-01T12:00:00+00:00"


def test_the_time_just_above_the_headline_before_related_stories_below() -> None:
    related = "".join(f'<li><a href="/s{i}">Other story {i}</a> <time datetime="2025-12-1{i}T12:00:00Z">Read</time></li>'
                      for i in range(3))
    html = ('<html><head><title>Harbour ferry</title></head><body><article><small><time datetime="2023-10-12T19:38:01Z">'
            f'Posted</time></small><h1>Harbour ferry</h1><p>{BODY}</p></article><ul>{related}</ul></body></html>')
    assert _dates(html)[0] == "2023-10-12T19:38:01+00:00"


def test_a_shown_date_in_either_order_confirms_the_time_under_the_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    # The story shows '03/01/2017' (month and day in unknown order) in its <time>; the list
    # of news just above it shows '12/17/2025', whose order is certain: the story's date stays.
    # (htmldate, asked to break a tie between the two, read 2025-06-01 on the real page.)
    monkeypatch.setattr(article_dates, "_htmldate", lambda doc, url: "2025-06-01")
    news = "".join(f'<li><a href="/n{i}">News item {i}</a><time datetime="2025-12-1{7 - i}T12:00:00Z">'
                   f"12/1{7 - i}/2025</time></li>" for i in range(3))
    crumbs = "".join(f'<a href="/c{i}">Section</a>' for i in range(4))
    html = (f"<html><head><title>Harbour ferry</title></head><body><ul>{news}</ul><nav>{crumbs}</nav>"
            '<h1>Harbour ferry</h1><div><time datetime="2017-03-01T12:00:00Z">03/01/2017</time> by A. Writer</div>'
            f"<p>{BODY}</p></body></html>")
    assert _dates(html)[0] == "2017-03-01T12:00:00+00:00"


@pytest.mark.parametrize(("text", "day", "expected"), [
    ("03/01/2017", "2017-03-01", True),
    ("03/01/2017", "2017-01-03", True),
    ("03/01/2017", "2017-03-02", False),
    ("Posted 12/17/2025", "2025-12-17", True),
    ("no date here", "2017-03-01", False),
])
def test_shows_day_reads_a_numeric_date_both_ways(text: str, day: str, expected: bool) -> None:
    assert shows_day(text, day) is expected


def test_a_shown_update_beats_a_modification_stamp_of_the_publication_day() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-06-17",'
          ' "dateModified": "2025-06-17"}</script>')
    assert _dates(_page(ld, before="<p>Updated Dec 18, 2025 · 12 min read</p>")) == ("2025-06-17", "2025-12-18")
    # a real structured modification stays; with nothing shown the stamp says "no update"
    real = ld.replace('"dateModified": "2025-06-17"', '"dateModified": "2025-07-01"')
    assert _dates(_page(real, before="<p>Updated Dec 18, 2025</p>")) == ("2025-06-17", "2025-07-01")
    assert _dates(_page(ld)) == ("2025-06-17", None)


def test_a_utc_stamp_is_told_in_the_zone_of_the_day_the_page_shows() -> None:
    # WordPress: article:published_time in UTC (next day), the page shows its local day.
    meta = '<meta property="article:published_time" content="2025-12-19T03:05:00+00:00">'
    same = '<p><time datetime="2025-12-18T19:05:00-08:00">December 18, 2025</time></p>'
    assert _dates(_page(meta, before=same))[0] == "2025-12-18T19:05:00-08:00"
    # no stamp of that instant: the offset of the page's other stamps (its comments)
    comments = ('<ol><li>Nice <time datetime="2025-12-18T21:46:01-05:00">9:46 pm</time></li>'
                '<li>Yes <time datetime="2025-12-19T00:25:41-05:00">12:25 am</time></li></ol>')
    shown = "<p>Posted on December 18, 2025</p>"
    meta = meta.replace("03:05:00", "02:41:41")
    assert _dates(_page(meta, before=shown, after=comments))[0] == "2025-12-18T21:41:41-05:00"
    # no stamp tells the zone: the instant stays as the metadata gives it (never guessed)
    assert _dates(_page(meta, before=shown))[0] == "2025-12-19T02:41:41+00:00"


def test_a_marked_publication_beats_a_published_stamp_equal_to_the_modified_one() -> None:
    ld = ('<script type="application/ld+json">{"@type": "Article", "datePublished": "2025-11-29T12:28:31-05:00",'
          ' "dateModified": "2025-11-29T12:28:31-05:00"}</script>')
    # (at the end of a long text: not among the lines read around the headline)
    after = "".join(f"<p>{BODY} Paragraph {i}.</p>" for i in range(20))
    after += '<div>Published <time pubdate datetime="2025-08-13">August 13, 2025</time></div>'
    assert _dates(_page(ld, after=after)) == ("2025-08-13", "2025-11-29T12:28:31-05:00")
    # a real modification later than the publication: the structured publication stays
    real = ld.replace('"dateModified": "2025-11-29T12:28:31-05:00"', '"dateModified": "2025-12-01T08:00:00-05:00"')
    assert _dates(_page(real, after=after))[0] == "2025-11-29T12:28:31-05:00"


def test_a_stamp_later_than_the_update_the_page_shows_is_a_re_stamp() -> None:
    # published = modified in one save, a day after the 'Page updated:' the page shows:
    # the page shows only when it was updated, and that stands for the publication
    ld = ('<script type="application/ld+json">{"@type": "Article", "datePublished": "2025-11-13T09:21:40",'
          ' "dateModified": "2025-11-13T09:21:40"}</script>')
    shown = "<div>Page updated:</div><div>12 November 2025</div>"
    assert _dates(_page(ld, shown)) == ("2025-11-12", "2025-11-12")
    # stamps of two saves, or a shown update after the stamp: the stamp is the publication
    two = ld.replace('"dateModified": "2025-11-13T09:21:40"', '"dateModified": "2025-11-14T10:00:00"')
    assert _dates(_page(two, shown))[0] == "2025-11-13T09:21:40"
    later = shown.replace("12 November", "20 November")
    assert _dates(_page(ld, later)) == ("2025-11-13T09:21:40", "2025-11-20")


def test_a_last_updated_line_closing_the_text_dates_an_undated_page() -> None:
    html = _page(after="<footer>Short URL: example.gov/cyber<br>Last updated July 2, 2024</footer>")
    assert _dates(html) == ("2024-07-02", "2024-07-02")
    assert _dates(_page()) == (None, None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sun, 03 Jan 2021 10:00:00 +0800", "2021-01-03T10:00:00+08:00"),  # RFC 5322 (RSS, HTTP)
        ("3 Jan 2021 02:00 GMT", "2021-01-03T02:00:00+00:00"),
        ("Sun, 03 Jan 2021 10:00:00 CST", "2021-01-03T10:00:00-06:00"),  # the standard's own US zone
        ("03 Jan 2021 10:00:00 -0000", "2021-01-03T10:00:00"),  # '-0000': the zone is unknown
        ("Sun, 31 Feb 2021 10:00:00 GMT", None),
        ("2021-01-03 10:00 HKT", "2021-01-03T10:00:00+08:00"),
        ("2021-01-03 10:00 (JST)", "2021-01-03T10:00:00+09:00"),
        ("2021-01-03 10:00 CST", "2021-01-03T10:00:00"),  # China's or the US Central's: the time as written
        ("2021-01-03T10:00:00Z HKT", "2021-01-03T10:00:00+00:00"),  # the written offset stands
        ("2021-01-03 HKT", "2021-01-03"),
        ("Tue, 25 Nov 2025 5:00:00 PST", "2025-11-25T05:00:00-08:00"),  # a one-digit hour
        ("Nov 25, 2025 5:00 am PST", "2025-11-25T05:00:00-08:00"),  # RFC 5322's US names
        ("2025-07-01 09:00 EDT", "2025-07-01T09:00:00-04:00"),
        ("3 Jan 2021 10:00 AEDT", "2021-01-03T10:00:00+11:00"),
        ("2021-01-03 10:00 BST", "2021-01-03T10:00:00"),  # Britain's summer or Bangladesh: unread
        # a zone named without its season: the offset in force there that day
        ("Nov 18, 2019 at 9:24 pm ET", "2019-11-18T21:24:00-05:00"),
        ("July 4, 2021 at 9:24 pm ET", "2021-07-04T21:24:00-04:00"),
        ("2021-07-03 10:00 (PT)", "2021-07-03T10:00:00-07:00"),
        ("2018-09-16T15:31:57&#x2B;08:00", "2018-09-16T15:31:57+08:00"),  # JSON-LD escaped as HTML
    ],
)
def test_structured_dates_with_their_timezone(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_published_time_meta_in_rss_form_keeps_its_time_and_zone() -> None:
    head = '<meta property="article:published_time" content="Sun, 03 Jan 2021 10:00:00 +0800">'
    assert _dates(_page(head=head))[0] == "2021-01-03T10:00:00+08:00"


def test_a_date_line_under_the_headline_keeps_the_zone_it_names() -> None:
    assert _dates(_page(before="<p>發佈時間：2021年1月3日 10:00 HKT</p>"))[0] == "2021-01-03T10:00:00+08:00"
    assert _dates(_page(before="<p>發佈時間：2021年1月3日 10:00 CST</p>"))[0] == "2021-01-03T10:00:00"


@pytest.mark.parametrize(("text", "expected"), [
    ("November 20, 2019, 3:45 PM", "2019-11-20T15:45:00"),
    ("20 Nov 2019 at 10:00", "2019-11-20T10:00:00"),
    ("January 5, 2021 - 12:05 a.m.", "2021-01-05T00:05:00"),
    ("Published January 5, 2021 | 3 min read", "2021-01-05"),  # no clock time: the day alone
    ("Jan 5, 2021 13:00 pm", "2021-01-05"),  # an hour no 12-hour clock has: no time to trust
])
def test_english_dates_keep_the_time_that_follows(text: str, expected: str) -> None:
    assert find_date(text) == expected


def test_an_english_date_line_keeps_its_time_and_one_zone_abbreviation() -> None:
    assert _dates(_page(before="<p>Published 5 Jan 2021 10:00 HKT</p>"))[0] == "2021-01-05T10:00:00+08:00"
    assert _dates(_page(before="<p>Nov 18, 2019 at 9:24 pm ET</p>"))[0] == "2019-11-18T21:24:00-05:00"


def test_a_time_without_its_zone_takes_the_zone_of_the_same_minute_written_elsewhere() -> None:
    meta = '<meta itemprop="datePublished" content="2019-11-19 23:46:00">'
    shown = '<time datetime="2019-11-19 23:46:00 UTC">Nov 19, 2019</time>'
    assert _dates(_page(head=meta, before=shown))[0] == "2019-11-19T23:46:00+00:00"
    # a stamp of another minute, or two zones for the minute, say nothing of its zone
    other = shown.replace("23:46", "23:50")
    assert _dates(_page(head=meta, before=other))[0] == "2019-11-19T23:46:00"
    two = shown + '<time datetime="2019-11-19T23:46:00+08:00">x</time>'
    assert _dates(_page(head=meta, before=two))[0] == "2019-11-19T23:46:00"
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-11-19T23:46:00",'
          ' "dateModified": "2019-11-20T08:00:00"}</script>')
    line = "<p>Updated Nov 20, 2019 8:00 am EST</p>"
    assert _dates(_page(head=ld, before=line)) == ("2019-11-19T23:46:00", "2019-11-20T08:00:00-05:00")
