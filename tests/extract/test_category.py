"""The article's category: the structured section first, cleaned; else the breadcrumb
trail's last section (JSON-LD, microdata, an element named for it, a Chinese page's
'当前位置：' line or its 'path' element)."""

from __future__ import annotations

import json

import pytest

from newsark.extract.category import clean_section, trail_category
from newsark.extract.metadata import extract_metadata
from newsark.extract.page import extract_page, parse_document

from .fixtures import EN_ARTICLE, PARAS, zh_article

TITLE = "Harbour ferry timetable changes next month"
EN_BODY = "".join(f"<p>Paragraph {i} of the story says the ferry will leave earlier on weekdays and later on "
                  "Sundays, and that the old pier stays open while the new one is built.</p>" for i in range(6))


def _en_page(head: str = "", trail: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{TITLE} - The Test Gazette</title>"
            f"<meta property='og:site_name' content='The Test Gazette'>{head}</head><body>{trail}"
            f"<article><h1>{TITLE}</h1>{EN_BODY}</article></body></html>")


def _zh_page(trail: str) -> str:
    paras = "".join(f"<p>{p.format(n=3)}</p>" for p in PARAS)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>公園計劃第3號討論</title></head><body>"
            f"{trail}<div class='main'><h1>公園計劃第3號討論</h1><div class='article-content'>{paras}</div>"
            f"</div></body></html>")


def _category(html: str) -> str | None:
    """The category both ways: with the page's source (whose words spare searches of the
    tree) and without it (every search made); they must agree."""
    doc = parse_document(html)
    with_source = extract_metadata(doc, None, None, html).category
    assert extract_metadata(parse_document(html), None, None).category == with_source
    return with_source


def _ld(obj: dict[str, object]) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


BREADCRUMB_LD = _ld({"@context": "https://schema.org", "@graph": [
    {"@type": "NewsArticle", "headline": TITLE},
    {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 3, "name": TITLE},
        {"@type": "ListItem", "position": 1, "item": {"@id": "https://example.org/", "name": "Home"}},
        {"@type": "ListItem", "position": 2, "name": "Transport"}]}]})


def test_a_json_ld_trail_names_the_section_before_the_article() -> None:
    assert _category(_en_page(BREADCRUMB_LD)) == "Transport"


def test_a_microdata_trail() -> None:
    trail = ("<ol itemscope itemtype='https://schema.org/BreadcrumbList'>"
             + "".join(f"<li itemprop='itemListElement' itemscope itemtype='https://schema.org/ListItem'>"
                       f"<a itemprop='item' href='/{n}'><span itemprop='name'>{n}</span></a></li>"
                       for n in ("Home", "News", "Local"))
             + "</ol>")
    assert _category(_en_page(trail=trail)) == "Local"


def test_a_trail_named_by_its_class_or_label() -> None:
    listed = ("<nav aria-label='Breadcrumb'><ol><li><a href='/'>Home</a></li><li><a href='/travel'>Travel</a></li>"
              f"<li>{TITLE}</li></ol></nav>")
    assert _category(_en_page(trail=listed)) == "Travel"
    separated = "<div class='BreadCrumbs'><a href='/'>Home</a> » <a href='/city'>City</a> » Ferries</div>"
    assert _category(_en_page(trail=separated)) == "Ferries"
    # Separators drawn by the style sheet: the links are the crumbs.
    drawn = "<div class='crumbs'><a href='/'>The Test Gazette</a><a href='/money'>Money</a></div>"
    assert _category(_en_page(trail=drawn)) == "Money"


@pytest.mark.parametrize(("trail", "category"), [
    (("<div class='post_crumb'><a href='/'>网易首页</a> &gt; <a href='/news'>新闻中心</a> &gt; "
      "<a href='/domestic'>国内新闻</a> &gt; 正文</div>"), "国内新闻"),
    ("<div class='breadcrumb'>首页 &gt;&gt; 东区新闻 &gt;&gt; 正文</div>", "东区新闻"),
    ("<ul><li>当前位置： <a href='/'>主页</a> &gt; <a href='/flash'>股市消息实时播报</a> &gt;</li></ul>", "股市消息实时播报"),
    ("<h2><span>您的当前位置：</span><a href='/news'>新闻中心</a> &gt; <a href='/wh'>武汉</a></h2>", "武汉"),
    ("<div class='path-search'><div class='path'>产经 &gt; 正文</div> 行情 股吧 新闻 外汇</div>", "产经"),
    ("<div class='news_path'><a href='/'>首页</a> &gt; <a href='/c'>10%公司</a></div>", "10%公司"),
])
def test_chinese_trails(trail: str, category: str) -> None:
    assert _category(_zh_page(trail)) == category


def test_a_wrapper_named_like_a_trail_around_the_page_is_none() -> None:
    # Layout wrappers whose class holds 'position' hold the whole page: too long to be a
    # trail (read only until that is certain), and the label's own line is the trail.
    page = _zh_page("<div>当前位置：首页 &gt; 要闻</div>")
    nested = page.replace("<body>", "<body>" + "<div class='position-relative'>" * 30).replace(
        "</body>", "</div>" * 30 + "</body>")
    assert _category(nested) == "要闻"


def test_a_trail_after_many_script_mentions_of_it_is_still_read() -> None:
    # The source is looked at for 'breadcrumb' inside an attribute; past the first few
    # hundred places that are not (a script's), the tree is searched anyway.
    script = "<script>" + "var breadcrumb = 1;" * 2000 + "</script>"
    trail = "<div class='breadcrumb'><a href='/'>Home</a> › <a href='/city'>City</a></div>"
    assert _category(_en_page(script, trail)) == "City"


def test_a_trail_of_home_site_and_article_only_names_no_category() -> None:
    assert _category(_zh_page("<div class='crumb'><a href='/'>首页</a> &gt; 正文</div>")) is None
    own = f"<div class='breadcrumb'><a href='/'>Home</a> › {TITLE}</div>"
    assert _category(_en_page(trail=own)) is None


def test_a_crumb_naming_the_author_is_the_authors_page_not_a_section() -> None:
    html = "<html><body><div class='news_path'>澎湃号 &gt; 中国广州发布</div><p>正文</p></body></html>"
    doc = parse_document(html)
    assert trail_category(doc, [], None, [], author="中国广州发布", html=html, chinese=True) == "澎湃号"
    assert trail_category(doc, [], None, [], html=html, chinese=True) == "中国广州发布"


def test_what_names_no_section_is_passed_over() -> None:
    # A venue's 'location' line on an English page is no trail: only an element named for
    # the trail (or a Chinese page's) is read for one.
    venue = "<p class='venue-location'>Bib Gourmand | Lower East Side</p>"
    assert _category(_en_page(trail=venue)) is None
    for crumb in ("{{ navItem.title }}", "2021 – 01 – 18", "arXiv:2512.16245", "pto-policies-best-practices"):
        trail = f"<div class='breadcrumb'><a href='/'>Home</a> › <a href='/x'>{crumb}</a></div>"
        assert _category(_en_page(trail=trail)) is None, crumb


def test_the_structured_section_comes_first() -> None:
    trail = "<div class='breadcrumb'><a href='/'>Home</a> › <a href='/city'>City</a></div>"
    section = "<meta property='article:section' content='Transport'>"
    assert _category(_en_page(section, trail)) == "Transport"
    assert _category(EN_ARTICLE) == "Transport"


@pytest.mark.parametrize(("value", "section"), [
    ("Design 101, How to Style, Living Rooms, Uncategorized", "Design 101"),
    (["Home", "Stuff We Love", "Reviews"], "Stuff We Love"),
    ("Arts, Culture and Heritage", "Arts, Culture and Heritage"),  # two parts: one name
    ("Uncategorized", None),
    ("post", None),
    ("https://example.org/blog/travel-hacks/", None),
    ("Staying ahead of trends keeps trainers competitive, in demand and paid. As new styles emerge, adapt.", None),
    ("game,news,slider", "game"),
])
def test_structured_values_are_cleaned(value: object, section: str | None) -> None:
    assert clean_section(value) == section


def test_an_uncategorized_post_takes_its_trail() -> None:
    section = "<meta property='article:section' content='Uncategorized'>"
    trail = "<div class='breadcrumb'><a href='/'>Home</a> › <a href='/city'>City</a></div>"
    assert _category(_en_page(section, trail)) == "City"


def test_extract_page_reports_the_trail_category() -> None:
    page = zh_article(2).replace("<div class=\"main\">",
                                 "<div class=\"crumb\">首頁 &gt; 港聞 &gt; 正文</div><div class=\"main\">")
    assert extract_page(page.encode("utf-8")).category == "港聞"
