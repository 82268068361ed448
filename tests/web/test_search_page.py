"""The search page and its JSON twin (the engine itself is tested in tests/search)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from newsark.archive.article import make_article
from newsark.archive.store import Archive
from newsark.web.views.search import MAX_QUERY


def engine_present() -> bool:
    try:
        from newsark.search import search  # noqa: F401
    except ImportError:
        return False
    return True


needs_engine = pytest.mark.skipif(not engine_present(),
                                  reason="newsark.search.search is not available in this build")


def test_empty_search_shows_the_form_and_help(client: TestClient) -> None:
    html = client.get("/search").text
    assert 'name="q"' in html and "引號" in html
    data = client.get("/search.json").json()
    assert data["hits"] == [] and data["total"] == 0 and data["query"] == ""


@pytest.mark.parametrize("params, message", [
    ("q=x&from=2019-13-01", "from must be a date"),
    ("q=x&to=yesterday", "to must be a date"),
    ("q=x&from=19-01-01", "from must be a date"),
    ("q=x&to=0", "to must be a date"),  # (was a 500: the end of year 0's December overflowed)
    ("q=x&to=0000-12", "to must be a date"),
    ("q=x&to=99999999999999999999", "to must be a date"),
    ("q=x&page=0", "page must be between"),
    ("q=" + "長" * (MAX_QUERY + 1), "longer than"),
])
def test_bad_parameters_are_400(client: TestClient, params: str, message: str) -> None:
    r = client.get("/search.json?" + params)
    assert r.status_code == 400 and message in r.json()["error"]


@needs_engine
def test_simplified_query_finds_traditional_story_highlighted(client: TestClient) -> None:
    data = client.get("/search.json", params={"q": "机场管理局"}).json()
    ids = [h["id"] for h in data["hits"]]
    assert ids and ids[0] == 101 and 103 not in ids  # the alias is folded into its story
    top = data["hits"][0]
    assert top["aliases"] == [103] and top["url"] == "/article/101"
    assert "<mark>" in top["snippet"] + top["title_html"]
    marked = re.findall(r"<mark>(.*?)</mark>", top["snippet"] + top["title_html"])
    assert "機場管理局" in marked  # on the original (Traditional) characters
    html = client.get("/search", params={"q": "机场管理局"}).text
    assert 'href="/article/101"' in html and "<mark>" in html


@needs_engine
def test_filters_and_facets(client: TestClient) -> None:
    both = client.get("/search.json", params={"q": "機場"}).json()
    assert {h["id"] for h in both["hits"]} == {101, 102}
    assert dict(map(tuple, both["facets"]["category"])) == {"眾聞": 1, "眾說": 1}
    one = client.get("/search.json", params={"q": "機場", "category": "眾說"}).json()
    assert [h["id"] for h in one["hits"]] == [102] and one["filters"]["category"] == "眾說"
    dated = client.get("/search.json", params={"q": "機場", "from": "2019-04", "to": "2019-04"}).json()
    assert [h["id"] for h in dated["hits"]] == [101]
    assert dated["dates"] == {"from": "2019-04-01", "to": "2019-04-30"}
    form = client.get("/search", params={"q": "機場", "from": "2019-04", "to": "2019-04"}).text
    assert 'value="2019-04-01"' in form and 'value="2019-04-30"' in form
    html = client.get("/search", params={"q": "機場"}).text
    assert 'data-facet="category"' in html and "category=%E7%9C%BE%E8%AA%AA" in html


@needs_engine
def test_english_and_numbers(client: TestClient) -> None:
    assert [h["id"] for h in client.get("/search.json?q=Trump").json()["hits"]] == [105]
    assert [h["id"] for h in client.get("/search.json?q=iPhone%2012").json()["hits"]] == [105]


@needs_engine
def test_pagination_beyond_results(client: TestClient) -> None:
    data = client.get("/search.json", params={"q": "機場", "page": 5}).json()
    assert data["hits"] == [] and data["total"] == 2


def test_archive_without_index_says_so(tmp_path: Path) -> None:
    from newsark.web import create_app

    with Archive(tmp_path) as archive:
        archive.write_article(1, make_article(title="無索引", body_markdown="內文"))
    with TestClient(create_app(tmp_path)) as c:
        assert "尚未建立搜尋索引" in c.get("/search?q=內文").text
        data = c.get("/search.json?q=內文").json()
        assert data["available"] is False and data["hits"] == []


def test_query_language_errors_are_400(client: TestClient) -> None:
    r = client.get("/search.json", params={"q": "機場 from:notadate"})
    assert r.status_code == 400, r.text
