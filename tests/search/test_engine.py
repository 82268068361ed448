from __future__ import annotations

import pytest

from newsark.archive.store import Archive
from newsark.search import QueryError, SearchIndexMissing, search, sync_index


@pytest.fixture()
def indexed(archive: Archive) -> Archive:
    sync_index(archive)
    return archive


def ids(archive: Archive, q: str, **kw: object) -> list[int]:
    return [h.id for h in search(archive, q, facets=False, **kw).hits]  # type: ignore[arg-type]


def test_missing_index_is_a_clear_error(archive: Archive) -> None:
    with pytest.raises(SearchIndexMissing, match="newsark index"):
        search(archive, "香港")


def test_simplified_query_finds_traditional_text_and_marks_original(indexed: Archive) -> None:
    res = search(indexed, "郑若骅 公帑")
    assert [h.id for h in res.hits] == [101]
    hit = res.hits[0]
    assert hit.title_html.startswith("<mark>鄭若驊</mark>")
    assert "<mark>公帑</mark>" in hit.title_html
    assert "<mark>鄭若驊</mark>" in hit.snippet and "<mark>公帑</mark>" in hit.snippet
    assert "**" not in hit.snippet  # markup is not indexed or shown


def test_traditional_query_and_one_character_terms(indexed: Archive) -> None:
    assert ids(indexed, "倫敦") == ids(indexed, "伦敦")
    assert set(ids(indexed, "倫敦")) == {106, 107}
    assert 101 in ids(indexed, "驊")  # end of a run
    assert 101 in ids(indexed, "鄭")  # start of a run
    assert 103 in ids(indexed, "浸")


def test_latin_words_numbers_and_mixed(indexed: Archive) -> None:
    assert ids(indexed, "iphone 12") == [102]
    assert ids(indexed, "IPHONE12") == [102]
    assert ids(indexed, "7.1") == [102]
    assert ids(indexed, "237") == [101]
    assert ids(indexed, "23") == []  # numbers match whole
    assert ids(indexed, "hong") == [102]


def test_title_outranks_body(indexed: Archive) -> None:
    # 倫敦 is in both titles/bodies: 106 has it in the title.
    assert ids(indexed, "倫敦")[0] == 106


def test_copies_fold_into_one_hit_with_aliases(indexed: Archive) -> None:
    res = search(indexed, "科興 疫苗")
    assert [h.id for h in res.hits] == [104]
    assert res.hits[0].aliases == [105]
    assert res.total == 1


def test_all_terms_required_then_relaxed(indexed: Archive) -> None:
    res = search(indexed, "倫敦 唐人街")
    assert [h.id for h in res.hits] == [106] and not res.relaxed
    res = search(indexed, "唐人街 天文台")
    assert res.relaxed and {h.id for h in res.hits} == {103, 106}


def test_phrase_and_exclude(indexed: Archive) -> None:
    assert ids(indexed, '"黃色暴雨"') == [103]
    assert ids(indexed, '"暴雨黃色"') == []
    assert ids(indexed, "倫敦 -唐人街") == [107]
    assert 106 not in ids(indexed, "倫敦 -唐人")


def test_filters_as_options_and_inline(indexed: Archive) -> None:
    assert ids(indexed, "倫敦", date_from="2021") == [107]
    assert ids(indexed, "倫敦 to:2019-12") == [106]
    assert ids(indexed, "倫敦 from:2019-07-01 to:2019-07-01") == [106]
    assert set(ids(indexed, "", category="眾聞")) == {101, 103, 104}
    assert ids(indexed, "港 author:眾新聞記者") == [103]
    assert ids(indexed, "tag:移民") == [107]
    assert ids(indexed, "倫敦", tag="移民") == [107]
    with pytest.raises(QueryError):
        search(indexed, "倫敦", date_from="2021/01/01")


def test_facets_count_matching_stories(indexed: Archive) -> None:
    res = search(indexed, "香港")
    assert res.total == 2 and {h.id for h in res.hits} == {102, 106}
    assert dict(res.facets["year"]) == {"2020": 1, "2019": 1}
    assert dict(res.facets["category"]) == {"科技": 1, "眾議": 1}
    assert dict(res.facets["tag"]) == {"蘋果": 1, "英國": 1}
    res = search(indexed, "", category="眾聞")  # a filtered listing has facets too
    assert dict(res.facets["author"]) == {"眾新聞記者": 2, "林小明": 1}
    assert search(indexed, "天氣 -天文台").total == 0  # tags are not matched as text


def test_pagination_and_browse(indexed: Archive) -> None:
    everything = ids(indexed, "", limit=100)
    assert everything == [107, 104, 103, 102, 106, 101]  # newest first, copy 105 folded
    assert ids(indexed, "", limit=2, offset=2) == everything[2:4]
    assert search(indexed, "", facets=False).total == 6
    assert ids(indexed, "-倫敦", limit=100) == [104, 103, 102, 101]


def test_latin_word_next_to_chinese_is_highlighted(indexed: Archive) -> None:
    hit = search(indexed, "iphone").hits[0]
    assert "<mark>iPhone</mark>" in hit.snippet or "<mark>iPhone12</mark>" in hit.title_html
    from newsark.search.snippet import highlight

    assert highlight("蘋果iPhone 12發布", ["iphone 12"]) == "蘋果<mark>iPhone 12</mark>發布"
    assert highlight("iPhones 12", ["iphone"]) == "iPhones 12"


def test_a_query_of_nothing_searchable_matches_nothing(indexed: Archive) -> None:
    # emoji or punctuation alone must not list the whole archive (as an empty query does)
    for q in ("😀", '"', "，。"):
        assert search(indexed, q).total == 0
        assert ids(indexed, q) == []
    assert search(indexed, "", facets=False).total == 6


@pytest.fixture()
def variants(archive: Archive) -> Archive:
    from tests.search.conftest import write_story

    extra = [
        (201, "臺灣選舉結果", "臺灣選民今日投票。"),
        (202, "台灣選舉結果分析", "台灣選民的取態。"),
        (203, "台湾选举观察", "台湾选民（简体字报道）。"),
        (204, "先後兩次", "政府先後兩次回應。"),
    ]
    for sid, title, body in extra:
        write_story(archive, {"id": sid, "title": title, "date": "2020-01-11", "author": "記者",
                              "category": "眾聞", "tags": [], "body": body})
    sync_index(archive)
    return archive


def test_traditional_query_matches_the_characters_typed(variants: Archive) -> None:
    # 臺灣 and 台灣 are different spellings in Traditional text: each finds its own
    assert ids(variants, "臺灣") == [201]
    # 台灣 is also how Simplified 台湾 is written in Traditional: it finds both
    assert set(ids(variants, "台灣")) == {202, 203}
    # a Simplified query stands for every Traditional spelling
    assert set(ids(variants, "台湾")) == {201, 202, 203}
    assert set(ids(variants, "台湾 选民")) == {201, 202, 203}
    # written the same in both scripts: every spelling (先后 is 先後 in Traditional)
    assert ids(variants, "先后") == [204]


def test_highlights_follow_the_spellings_meant(variants: Archive) -> None:
    hits = {h.id: h for h in search(variants, "台湾", facets=False).hits}
    assert hits[201].title_html.startswith("<mark>臺灣</mark>")
    assert hits[202].title_html.startswith("<mark>台灣</mark>")
    trad = search(variants, "台灣", facets=False).hits
    assert all("臺" not in h.title_html for h in trad)



def test_spellings_absent_from_the_index_are_not_searched(variants: Archive) -> None:
    from newsark.search.engine import _known_tokens, _match_expr
    from newsark.search.query import parse_query

    expr = _match_expr(parse_query("台湾"), any_term=False, known=_known_tokens(variants.db))
    assert expr is not None
    assert "臺湾" in expr and "台湾" in expr  # both occur in the archive
    assert "颱湾" not in expr and "檯湾" not in expr  # never written: not searched
    assert set(ids(variants, "台湾")) == {201, 202, 203}


def test_an_index_from_an_older_newsark_asks_for_a_rebuild(indexed: Archive) -> None:
    indexed.db.execute("UPDATE search_meta SET value = '2' WHERE key = 'version'")
    with pytest.raises(SearchIndexMissing, match="older newsark"):
        search(indexed, "倫敦")
    sync_index(indexed)  # rebuilds: the version differs
    assert set(ids(indexed, "倫敦")) == {106, 107}


def test_words_split_by_characters_no_reader_sees_are_found(archive: Archive) -> None:
    # Citizen News articles write '非\u200d法集結' and '反\u200c送\u200c中': a reader sees 非法集結
    from newsark.archive.article import make_article

    archive.write_article(120, make_article(
        title="\u2060\u2060反\u200c送\u200c中運動周年", date="2020-06-09", author="眾新聞記者",
        body_markdown="被告被控非\u200d法集結及未經批\u200d准集結罪。Der Not\u00adfall\u00addaten\u00adsatz."))
    sync_index(archive)
    res = search(archive, "非法集結", facets=False)
    assert [h.id for h in res.hits] == [120]
    assert "<mark>非法集結</mark>" in res.hits[0].snippet
    assert ids(archive, "反送中") == [120]
    assert ids(archive, "未經批准") == [120]
    assert ids(archive, "Notfalldatensatz") == [120]
    assert ids(archive, "非\u200b法集結") == [120]  # a query pasted with one
