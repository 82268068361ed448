from __future__ import annotations

import pytest

from newsark.search import QueryError, parse_query


def test_terms_phrases_excludes_and_filters() -> None:
    p = parse_query('鄭若驊 "iPhone 12" -蘋果 -"黃色 暴雨" category:眾聞 author:"Ann Lee" '
                    "tag:「天氣」 from:2019 to:2020-05-31")
    assert p.terms == ["鄭若驊"]
    assert p.phrases == ["iPhone 12"]
    assert p.excludes == ["蘋果", "黃色 暴雨"]
    assert p.filters == {"category": "眾聞", "author": "Ann Lee", "tag": "天氣",
                         "date_from": "2019", "date_to": "2020-05-31"}


def test_full_width_space_and_punctuation_only_terms() -> None:
    p = parse_query("香港\u3000天文台 ， -")
    assert p.terms == ["香港", "天文台"]


def test_unknown_key_is_a_term_and_bad_date_is_an_error() -> None:
    assert parse_query("http:abc").terms == ["http:abc"]
    with pytest.raises(QueryError, match="not a date"):
        parse_query("from:yesterday")


def test_unterminated_quote_takes_the_rest() -> None:
    assert parse_query('"香港 天文台').phrases == ["香港 天文台"]


def test_impossible_dates_are_errors() -> None:
    for bad in ("from:2019-13", "to:2019-02-30", "from:2019-00"):
        with pytest.raises(QueryError, match="not a date"):
            parse_query(bad)
    assert parse_query("from:2019-02 to:2020-02-29").filters == {"date_from": "2019-02", "date_to": "2020-02-29"}
