"""Page kinds: forum thread lists and result lists are not articles; articles stay articles."""

from __future__ import annotations

import random

from newsark.extract import extract_page
from newsark.extract.kind import (
    WRAPPED_WORDS,
    _sentences_rejoined,
    not_article_reason,
    repeated_records,
)
from newsark.extract.page import parse_document

from .fixtures import zh_article

NAV = '<div class="nav"><a href="/">首页</a> <a href="/hot">热门</a> <a href="/new">最新</a></div>'
# Abstracts of forum threads: whole sentences, and several cut off mid-sentence as lists do.
ABSTRACTS = [
    "市政府今天公布新的公园计划，多名议员表示支持扩建绿化空间，并要求尽快公布时间表和预算安排",
    "居民代表表示区内长者及儿童一直缺乏休憩地方，希望新公园能设置无障碍设施及遮荫座椅。",
    "有环保团体指出计划应保留现有树木，并在设计阶段加入公众咨询，避免重复过去的错误和浪费",
    "发言人回应说当局会在下月提交详细方案，并会考虑各方意见，预计工程需时两年才能完成。",
    "网友讨论地铁新线的票价问题，有人认为应该参考其他城市的做法，也有人担心财政压力越来越",
    "今年夏天的雨水特别多，不少低洼地区出现水浸，居民希望政府加快改善排水系统的工程进度",
    "本地一间中学的学生在国际比赛中获奖，校长表示会继续支持学生参加不同类型的科学活动。",
    "图书馆延长开放时间的建议获得支持，不少学生表示考试期间需要更多安静的温习地方和座位",
]


def forum_page(*, links: str = "thread") -> str:
    """A forum's thread list: each record a title linking to its thread, an abstract, the
    author and a reply count (``links="sites"``: each record links to another site)."""
    records = []
    for i, text in enumerate(ABSTRACTS):
        href = f"/p/{7000 + i}" if links == "thread" else f"https://shop{i}.example{i}.com/"
        records.append(
            f'<li class="thread clearfix"><div class="reply-count">{i * 7 + 3}</div>'
            f'<div class="thread-main"><a class="title" href="{href}">讨论第{i}号：市民关心的问题</a>'
            f'<div class="abstract">{text}</div>'
            f'<span class="author"><a href="/home/user{i}">用户{i}号</a></span></div></li>'
        )
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>本地讨论吧</title></head><body>{NAV}'
            f'<div class="content"><ul class="thread-list">{"".join(records)}</ul></div></body></html>')


def test_forum_thread_list_is_not_an_article() -> None:
    ex = extract_page(forum_page().encode("utf-8"))
    assert not ex.is_article
    assert ex.reason is not None and ex.reason.startswith("a list")


def test_records_that_link_to_many_sites_are_a_listicle_not_a_list() -> None:
    doc = parse_document(forum_page(links="sites"))
    assert repeated_records(doc, ABSTRACTS) == (0, 0.0)
    records, held = repeated_records(parse_document(forum_page()), ABSTRACTS)
    assert records == len(ABSTRACTS) and held == 1.0


def test_article_with_cut_paragraphs_but_no_records_stays_an_article() -> None:
    paras = "".join(f"<p>{t}</p>" for t in ABSTRACTS)
    page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>公园计划</title></head><body>{NAV}'
            f'<div class="article"><h1>公园计划</h1>{paras}</div></body></html>')
    doc = parse_document(page)
    markdown = "\n\n".join(ABSTRACTS)
    assert not_article_reason(markdown, markdown, doc) is None


def test_a_lists_records_stay_a_list_with_their_pictures_between_them() -> None:
    """A figure or an embed put back between a list's records is no record of it (Tieba's
    thread list, its threads' pictures put back: test_chinese_pictures.py)."""
    doc = parse_document(forum_page())
    figure = '<figure>\n<img src="https://img.example.org/{i}.jpg" alt="">\n</figure>'
    markdown = "\n\n".join(f"{t}\n\n{figure.format(i=i)}\n\n{{{{< video src=\"https://v.example.org/{i}\" >}}}}"
                           for i, t in enumerate(ABSTRACTS))
    text = "\n\n".join(ABSTRACTS)
    reason = not_article_reason(markdown, text, doc)
    assert reason is not None and reason.startswith("a list")


def test_a_news_photo_told_in_its_caption_is_no_too_short_body() -> None:
    """A story of one paragraph under a captioned picture (CNA): the caption tells it too."""
    story = ABSTRACTS[1] + ABSTRACTS[3]
    doc = parse_document(f"<html><body>{NAV}<div class='article'><p>{story}</p></div></body></html>")
    caption = "桃園市平鎮區一家輪胎行今日清晨發生大火，七人從火場中疏散，一名女子逃生不及。（消防局提供）"
    markdown = f'<figure>\n<img src="/p.jpg" alt="">\n<figcaption>{caption}</figcaption>\n</figure>\n\n{story}'
    assert not_article_reason(markdown, story, doc, dated=True) is None
    assert (not_article_reason(story, story, doc, dated=True) or "").startswith("body too short")


def test_ordinary_article_is_an_article() -> None:
    ex = extract_page(zh_article(3).encode("utf-8"))
    assert ex.is_article and ex.reason and "list" not in ex.reason


def test_short_body_and_link_pages_keep_their_reasons() -> None:
    doc = parse_document("<html><body><p>太短了</p></body></html>")
    assert (not_article_reason("太短了", "太短了", doc) or "").startswith("body too short")


def test_a_short_story_among_many_links_is_an_article_when_the_page_says_so() -> None:
    # An expired story shows its first paragraph above a notice, among menus of links.
    menu = "".join(f'<li><a href="/list/{i}">分類{i}</a></li>' for i in range(40))
    related = "".join(f'<li><a href="/news/{i}">其他新聞標題第{i}號，市民關心的問題</a></li>' for i in range(20))
    story = ("（本社記者陳大文台北19日電）市政府今天公布新的公園計劃，多名議員表示支持擴建綠化空間，"
             "並要求政府盡快公布時間表和預算安排，居民代表亦表示歡迎。有環保團體指出計劃應保留現有樹木，"
             "並在設計階段加入公眾諮詢，避免重複過去的錯誤，當局表示會在下月提交詳細方案。")
    page = ("<html><head><meta charset='utf-8'><title>公園計劃公布</title>"
            '<meta property="og:type" content="article">'
            '<meta property="article:published_time" content="2016-03-19T08:15:00+08:00"></head>'
            f"<body><nav><ul class='menu'>{menu}</ul></nav><article><h1>公園計劃公布</h1>"
            f"<div class='content'><p>{story}</p><div class='notice'>您所瀏覽的新聞已過查詢時效。</div></div>"
            f"</article><aside><h2>熱門新聞</h2><ul class='related'>{related}</ul></aside></body></html>")
    ex = extract_page(page.encode())
    assert ex.author == "陳大文" and ex.date and ex.text == story
    assert ex.is_article, ex.reason
    # without the page's word for it (no reporter named), the same body is a page of links
    ex = extract_page(page.replace("本社記者陳大文台北", "本社台北").encode())
    assert not ex.is_article and (ex.reason or "").startswith("a page of links")


def test_forum_thread_of_posts_under_their_authors_is_not_an_article() -> None:
    posts = "".join(
        f'<div class="post"><div class="side"><a class="user" href="/u/{i}">网友{i}号</a>'
        f'<span class="floor">{i + 1}楼</span></div><div class="post-body">{text}</div>'
        f'<div class="post-foot">回复 {i * 3}</div></div>'
        for i, text in enumerate(ABSTRACTS)
    )
    page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>公园计划讨论帖</title></head><body>'
            f'{NAV}<div class="thread"><h1>公园计划讨论帖</h1>{posts}</div></body></html>')
    ex = extract_page(page.encode("utf-8"))
    assert not ex.is_article and (ex.reason or "").startswith("a list"), ex.reason


def _short_page(title: str, h1: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><nav><a href='/'>Home</a> "
            f"<a href='/news'>News</a></nav><main><h1>{h1}</h1>{body}</main></body></html>").encode()


def test_soft_404_pages_are_error_pages() -> None:
    sorry = ["Sorry, the page you are looking for does not exist or has been moved to another address on this site.",
             "You can also search the site for the story you wanted, or browse the latest headlines below."]
    ex = extract_page(_short_page("Page not found | Harbour Times", "Oops!", sorry * 2))
    assert not ex.is_article and ex.reason is not None and ex.reason.startswith("an error page")
    zh = ["很抱歉，您要訪問的頁面不存在，可能已被刪除或移動到其他地址，請返回首頁繼續瀏覽本網站的其他新聞內容。" * 3]
    ex = extract_page(_short_page("測試新聞網", "找不到您要訪問的頁面", zh))
    assert not ex.is_article and ex.reason is not None and ex.reason.startswith("an error page")


def test_a_short_news_brief_about_a_removal_stays_an_article() -> None:
    brief = [("The statue of the harbour's founder has been removed from the pier for repairs, the council said on Monday. "
             "Workers lifted it onto a barge early in the morning and will return it next spring after cleaning."),
             ("Residents who asked about the work were told the plinth would stay fenced off until then, and that "
             "a temporary plaque would explain where the statue had gone and when it would be back in its place.")]
    ex = extract_page(_short_page("Founder's statue removed for repairs | Harbour Times", "Founder's statue removed for repairs", brief))
    assert ex.is_article, ex.reason
    ex = extract_page(_short_page("500 jobs cut at the harbour | Harbour Times", "500 jobs cut at the harbour", brief))
    assert ex.is_article, ex.reason  # a number, not a status code
    zh = ["區議會今日通過議案，決定刪除舊有公園規劃中的停車場部分，改為增加綠化空間及兒童遊樂設施，工程預計明年動工。" * 3]
    ex = extract_page(_short_page("公園規劃刪除停車場", "公園規劃刪除停車場", zh))
    assert ex.is_article, ex.reason


def test_the_wayback_machines_redirect_notice_is_not_an_article() -> None:
    notice = ["Got an HTTP 301 response at crawl time",
              ("Redirecting to... https://news.example.org/2020/03/04/ferry-timetable-changes-next-month-for-all-routes "
              "Impatient? The Wayback Machine is an initiative of the Internet Archive, a non-profit building a digital "
              "library of Internet sites and other cultural artifacts in digital form.")]
    ex = extract_page(_short_page("Wayback Machine", "Got an HTTP 301 response at crawl time", notice))
    assert not ex.is_article and ex.reason is not None and "error page" in ex.reason


def test_a_japanese_article_is_sized_in_characters() -> None:
    # A third of Japanese text is kanji; the rest is kana, and its spaces stand only
    # around Latin words: counted in words, this story was 'too short' (scrapinghub f105de6e).
    text = ("Kindle書籍を読む場合は、一般的にスマホやタブレットなどのモバイル端末で読むことが多いと思いますが、"
            "パソコンでそのまま読みたい時もあります。\n\nそんな用途を考慮してか、Kindle for PCというデスクトップ"
            "アプリが用意されています。今回はそのアプリの起動ショートカットキーに関する話です。\n\n"
            "このショートカットキーはパスワード管理ソフトのものと同じなので、設定を変えるしかありません。")
    doc = parse_document(f"<html><body>{''.join(f'<p>{p}</p>' for p in text.split(chr(10) * 2))}</body></html>")
    assert len(text.split()) < 60  # what the word count saw
    assert not_article_reason(text, text, doc) is None
    # a Japanese page that is short in characters too is still too short
    assert (not_article_reason("お知らせ", "お知らせ", doc) or "").startswith("body too short (4 characters)")


def test_prose_broken_at_every_line_is_an_article_and_a_list_of_short_lines_is_not() -> None:
    """A page that breaks its paragraphs at every line (<br> where pasted text wrapped) has
    lines of a dozen words, each going on with the sentence before: prose. Lines that each
    start a new item, or short lower-case tags, are a list."""
    doc = parse_document("<html><body><p>x</p></body></html>")
    prose = ("Gym equipment refers to the various machines, tools, and accessories used in a\n"
             "fitness facility to help people reach their goals. These machines are designed\n"
             "to work different muscle groups, improve the heart and lungs, and build strength\n"
             "over time. From rowing machines to free weights and the simplest of mats,\n"
             "there is something for every person who walks into the room for the first time.\n") * 3
    assert not_article_reason(prose, prose, doc) is None
    items = "\n".join(f"Item number {i} of the catalogue, with its price and size" for i in range(15))
    assert (not_article_reason(items, items, doc) or "").startswith("a list of 15 short items")
    tags = "\n".join(f"tag{i} news" for i in range(40))
    assert (not_article_reason(tags, tags, doc) or "").startswith("a list of 40 short items")



def _rejoined_by_the_first_rule(lines: list[str]) -> list[str]:
    """_sentences_rejoined as first written (590c0d2): the growing line joined and split
    again at every piece."""
    out: list[str] = []
    for line in lines:
        if out and line[0].islower() and len(out[-1].split()) >= WRAPPED_WORDS:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def test_lines_rejoined_as_the_first_rule_did() -> None:
    rng = random.Random(7)
    words = ["the", "Next", "a", "big", "Word", "x", "中文", "é", "1990"]
    for _ in range(3000):
        lines = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(rng.randint(0, 12))]
        assert _sentences_rejoined(lines) == _rejoined_by_the_first_rule(lines), lines
    # a page of thousands of such lines is one line of prose (benchmarks/extract_big.py times it)
    many = ["It goes on with the sentence of the line before it"] + ["and on it goes, word after word"] * 8000
    assert _sentences_rejoined(many) == [" ".join(many)]

def test_a_dated_brief_of_whole_paragraphs_among_many_links_is_an_article() -> None:
    """An agency's brief without a byline (four short paragraphs, 'SANTA FE, N.M. (AP) —')
    on a page of menus and headlines, which says it is an article and gives its date: a
    story. The same page without its date is a page of links."""
    menu = "".join(f'<li><a href="/section/{i}">Section number {i}</a></li>' for i in range(40))
    related = "".join(f'<li><a href="/news/{i}">Another headline of the day, number {i}, about the city</a></li>'
                      for i in range(25))
    paras = ["SANTA FE, N.M. (AP) — A cat missing for five years in Portland, Oregon, has been found in Santa Fe.",
             "The animal shelter said this week that the black cat was found wandering the streets of the capital.",
             "An airline offered to fly the cat home, along with a member of the shelter's staff next week.",
             "The owner says the family thought they would never see the cat again after it went missing."]
    body = "".join(f"<p>{p}</p>" for p in paras)
    page = ("<html><head><meta charset='utf-8'><title>Cat found far from home</title>"
            '<meta property="og:type" content="article">'
            '<meta property="article:published_time" content="2019-11-20T05:14:35+00:00"></head>'
            f"<body><nav><ul class='menu'>{menu}</ul></nav><article><h1>Cat found far from home</h1>"
            f"<div class='content'>{body}</div></article>"
            f"<aside><h2>Latest</h2><ul class='related'>{related}</ul></aside></body></html>")
    ex = extract_page(page.encode())
    assert ex.date and ex.author is None and ex.text.startswith("SANTA FE")
    assert ex.is_article, ex.reason
    ex = extract_page(page.replace('<meta property="article:published_time" content="2019-11-20T05:14:35+00:00">', "")
                      .encode())
    assert ex.date is None and not ex.is_article and (ex.reason or "").startswith("a page of links")
