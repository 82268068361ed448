"""Tags from the page: a Chinese page's keywords meta (the story's own words, not the site's), a
post's rel-tag links (its own group, not a cloud's or a related post's)."""

from __future__ import annotations

from newsark.extract.keywords import chinese_keywords
from newsark.extract.metadata import extract_metadata
from newsark.extract.page import extract_page, parse_document

from .fixtures import EN_ARTICLE, PARAS, zh_article

TITLE = "公園計劃第3號討論"
BODY = "\n".join(p.format(n=3) for p in PARAS)


def _tags(keywords: str, head: str = "") -> list[str]:
    html = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{TITLE}</title>"
            f"<meta property='og:site_name' content='測試新聞網'>"
            f"<meta name='keywords' content='{keywords}'>{head}</head><body><h1>{TITLE}</h1>"
            + "".join(f"<p>{p.format(n=3)}</p>" for p in PARAS) + "</body></html>")
    return extract_metadata(parse_document(html), None, BODY).tags


def test_the_storys_keywords_are_its_tags() -> None:
    assert _tags("市議會,公園,環保團體,綠化") == ["市議會", "公園", "環保團體", "綠化"]
    assert _tags("市議會 公園 環保團體") == ["市議會", "公園", "環保團體"]  # a list apart by spaces
    # Most of them written in the story: those written are kept.
    assert _tags("市議會;公園;環保團體;天文台") == ["市議會", "公園", "環保團體"]


def test_the_sites_own_words_are_no_tags() -> None:
    # Written on every page of the site, not in the story.
    assert _tags("測試新聞網,香港新聞,即時新聞,國際新聞,財經新聞") == []
    assert _tags("新聞,即時,測試新聞網,市議會") == ["市議會"]


def test_the_headlines_pieces_and_dates_are_no_tags() -> None:
    assert chinese_keywords(["從上海車展看在華布局 現代汽車再次提速"], "從上海車展看在華布局 現代汽車再次提速",
                            "從上海車展看在華布局，現代汽車再次提速。") == []
    assert chinese_keywords(["20190926|國貿|增長率"], "報告", "國貿的增長率") == ["國貿", "增長率"]


def test_structured_tags_win_and_english_keywords_meta_is_not_read() -> None:
    assert _tags("市議會,公園", "<meta property='article:tag' content='綠化'>") == ["綠化"]
    english = EN_ARTICLE.replace("<meta property=\"article:tag\" content=\"ferries\"><meta property=\"article:tag\" "
                                 "content=\"harbour\">", "<meta name=\"keywords\" content=\"ferry, harbour\">")
    assert "keywords" in english
    assert extract_page(english.encode("utf-8")).tags == []


def test_extract_page_reports_the_keywords() -> None:
    page = zh_article(2, extra_head="<meta name='keywords' content='市議會,公園,環保團體'>")
    assert extract_page(page.encode("utf-8")).tags == ["市議會", "公園", "環保團體"]


EN_TITLE = "Track who is in each room"
EN_BODY = "".join(f"<p>Step {i}: put a small sensor in each room and let it report which phone it hears, "
                  "so the house knows where everyone is.</p>" for i in range(6))


def _wp_post(footer: str, after: str = "", head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{EN_TITLE}</title>{head}</head><body>"
            f"<article class='post'><h1>{EN_TITLE}</h1>{EN_BODY}<footer class='entry-footer'>{footer}</footer>"
            f"</article>{after}<footer id='colophon' class='site-footer'><a rel='tag' href='/t/z'>Zebra</a></footer>"
            "</body></html>")


POST_TERMS = ("<span class='cat-links'><a rel='category tag' href='/c/home'>Smart Home</a></span>"
              "<span class='tags-links'><a rel='tag' href='/t/esp'>ESPHome</a>, "
              "<a rel='tag' href='/t/ha'>Home Assistant</a></span>")


def _meta(html: str) -> tuple[list[str], str | None]:
    meta = extract_metadata(parse_document(html), None, None, html)
    assert extract_metadata(parse_document(html), None, None).tags == meta.tags  # source or not, the same
    return meta.tags, meta.category


def test_a_posts_rel_tag_links_give_its_tags_and_category() -> None:
    cloud = ("<aside class='widget'><div class='tagcloud'><a rel='tag' href='/t/a'>Apples</a>"
             "<a rel='tag' href='/t/b'>Bees</a></div></aside>")
    related = ("<div class='related-posts'><div><a rel='tag' href='/t/x'>Xiaomi</a></div></div>")
    assert _meta(_wp_post(POST_TERMS, cloud + related)) == (["ESPHome", "Home Assistant"], "Smart Home")


def test_only_the_first_group_is_the_posts_and_clouds_are_no_tags() -> None:
    other_group = "<div class='next-post'><span><a rel='tag' href='/t/v'>Vinyl</a></span></div>"
    assert _meta(_wp_post(POST_TERMS, other_group))[0] == ["ESPHome", "Home Assistant"]
    cloud = "<div class='cs-search__tags'><ul><li><a rel='tag' href='/t/x'>Xmas</a></li></ul></div>"
    assert _meta(_wp_post("", f"<div class='cs-search'>{cloud}</div>")) == ([], None)
    uncategorized = "<div class='taxonomy-category'><a rel='tag' href='/c/u'>Uncategorized</a></div>"
    assert _meta(_wp_post(uncategorized))[0] == []


def test_rel_tag_links_in_either_quotes() -> None:
    double = POST_TERMS.replace("rel='category tag'", 'rel="category tag"').replace("rel='tag'", 'rel="tag"')
    assert _meta(_wp_post(double)) == (["ESPHome", "Home Assistant"], "Smart Home")
    only_tags = "<span class='tags-links'><a rel='tag' href='/t/esp'>ESPHome</a></span>"
    assert _meta(_wp_post(only_tags))[0] == ["ESPHome"]


def test_structured_tags_and_sections_come_before_rel_tags() -> None:
    head = "<meta property='article:tag' content='sensors'><meta property='article:section' content='Guides'>"
    assert _meta(_wp_post(POST_TERMS, head=head)) == (["sensors"], "Guides")


def _zh_tags(line: str) -> list[str]:
    html = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><h1>{TITLE}</h1>"
            + "".join(f"<p>{p.format(n=3)}</p>" for p in PARAS) + f"{line}</body></html>")
    tags = extract_metadata(parse_document(html), None, BODY, html).tags
    assert extract_metadata(parse_document(html), None, BODY).tags == tags  # source or not, the same
    return tags


def test_a_labelled_line_of_tags() -> None:
    assert _zh_tags("<div class='key-word'>标签 <a href='/t/1'>中美贸易</a><a href='/t/2'>中美竞争</a></div>") == [
        "中美贸易", "中美竞争"]
    assert _zh_tags("<p><span>標籤：</span><a href='/t/1'>公園</a> <a href='/t/2'>綠化</a></p>") == ["公園", "綠化"]
    assert _zh_tags("<p>关键词：市议会 公园 环保团体</p>") == ["市议会", "公园", "环保团体"]  # words, no links
    english = _wp_post("", "<p class='post-tags'>Tags: Health &amp; Fitness, Employment</p>")
    assert _meta(english)[0] == ["Health & Fitness", "Employment"]


def test_what_a_labelled_line_is_not() -> None:
    # The links before the label are the category's; a search box's label; a sidebar.
    assert _zh_tags("<div class='cat-tag'>所属分类： <a href='/c/1'>头条</a> 标签：</div>") == []
    assert _zh_tags("<div>关键字：<input name='q'> <a href='/s?x=1'>楼盘名称</a> <a href='/s?x=2'>论坛名称</a></div>") == []
    assert _zh_tags("<div class='sidebar'>标签 <a href='/t/1'>热门</a></div>") == []
    assert _meta(_wp_post("", "<h3>Tags</h3><p><a href='/t/r'>rust</a></p>"))[0] == []  # 'Tags' without its colon
