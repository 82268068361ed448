"""A Chinese page's tags from its keywords meta: the story's own words, not the site's."""

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
