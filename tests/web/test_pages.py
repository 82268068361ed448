"""Home and browse pages, and their JSON twins, through an in-process client."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from .conftest import STORIES


def ids_in(html: str) -> set[int]:
    return {int(m) for m in re.findall(r'href="/article/(\d+)"', html)}


def test_home_says_what_the_archive_holds(client: TestClient) -> None:
    data = client.get("/index.json").json()
    o = data["overview"]
    assert (o["stories"], o["files"], o["aliases"]) == (4, 5, 1)
    assert (o["first_date"], o["last_date"], o["sites"]) == ("2018-04-20", "2020-11-27", ["hkcnews.com"])
    assert [c["id"] for c in data["latest"]] == [104, 102, 101, 105]  # newest first, no alias
    assert {c["name"]: c["count"] for c in data["categories"]} == {"眾聞": 2, "眾說": 1, "tri-angles": 1}
    assert [(y["year"], y["count"]) for y in data["years"]] == [("2018", 1), ("2019", 2), ("2020", 1)]
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert ids_in(page.text) >= STORIES and "/article/103" not in page.text
    assert '<html lang="zh-Hant-HK">' in page.text and "檔案館收藏" in page.text


def test_on_this_day_lists_past_years(client: TestClient) -> None:
    data = client.get("/index.json?day=04-20").json()["on_this_day"]
    assert data["day"] == "04-20"
    assert [(y["year"], [s["id"] for s in y["stories"]]) for y in data["years"]] == [
        ("2019", [101]), ("2018", [105])]
    html = client.get("/?day=04-20").text
    assert 'href="/date/2019/04/20"' in html
    assert client.get("/index.json?day=02-30").json()["on_this_day"]["day"] != "02-30"


def test_date_pages_year_month_day(client: TestClient) -> None:
    years = client.get("/date.json").json()
    assert [(i["name"], i["count"], i["url"]) for i in years["items"]] == [
        ("2018", 1, "/date/2018"), ("2019", 2, "/date/2019"), ("2020", 1, "/date/2020")]
    year = client.get("/date/2019.json").json()
    assert [(p["count"], p["url"]) for p in year["parts"]] == [(1, "/date/2019/04"), (1, "/date/2019/05")]
    assert [s["id"] for s in year["stories"]] == [102, 101]
    month = client.get("/date/2019/04.json").json()
    assert [p["url"] for p in month["parts"]] == ["/date/2019/04/20"]
    day = client.get("/date/2019/04/20.json").json()
    assert [s["id"] for s in day["stories"]] == [101] and day["total"] == 1
    html = client.get("/date/2019/04/20").text
    assert ids_in(html) == {101} and 'href="/date/2019/04"' in html  # breadcrumb up


@pytest.mark.parametrize("path", ["/date/1999", "/date/2019/13x", "/date/abcd", "/date/2019/04/31"])
def test_dates_without_stories_are_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404
    assert client.get(path + ".json").status_code == 404


@pytest.mark.parametrize(
    "kind, value, expected",
    [("category", "眾說", [102]), ("category", "眾聞", [104, 101]), ("tag", "機場", [102, 101]),
     ("tag", "Carrie Lam", [105]), ("author", "記者甲", [104, 101]), ("author", "Reporter C", [105])],
)
def test_value_pages(client: TestClient, kind: str, value: str, expected: list[int]) -> None:
    data = client.get(f"/{kind}/{value}.json").json()
    assert [s["id"] for s in data["stories"]] == expected and data["total"] == len(expected)
    assert ids_in(client.get(f"/{kind}/{value}").text) == set(expected)


def test_kind_indexes(client: TestClient) -> None:
    tags = {i["name"]: i["count"] for i in client.get("/tag.json").json()["items"]}
    assert tags == {"機場": 2, "跑道": 1, "測試": 1, "Carrie Lam": 1}  # the alias 103 not counted
    authors = client.get("/author.json").json()["items"]
    assert authors[0] == {"name": "記者甲", "count": 2, "url": "/author/%E8%A8%98%E8%80%85%E7%94%B2"}
    html = client.get("/category").text
    assert 'href="/category/%E7%9C%BE%E8%AA%AA"' in html


def test_unknown_values_and_bad_parameters(client: TestClient) -> None:
    assert client.get("/category/無此分類").status_code == 404
    assert client.get("/tag/無此標籤.json").status_code == 404
    bad = client.get("/tag?page=abc")
    assert bad.status_code == 400 and "page must be a whole number" in bad.text
    assert client.get("/category.json?page=0").status_code == 400
    assert client.get("/nowhere").status_code == 404


def test_pagination_past_the_end_is_empty_not_an_error(client: TestClient) -> None:
    data = client.get("/category/眾聞.json?page=2").json()
    assert data["stories"] == [] and data["pages"] == 1 and data["total"] == 2


def test_language_chinese_by_default_english_on_request(client: TestClient) -> None:
    assert "按日期" in client.get("/").text
    en = client.get("/?lang=en")
    assert '<html lang="en">' in en.text and "By date" in en.text
    assert "lang=en" in en.headers["set-cookie"]
    assert "By date" in client.get("/category").text  # the cookie keeps it
    assert "按日期" in client.get("/category?lang=zh").text
    odd = client.get("/?lang=xx")  # unknown: ignored, the cookie (zh) stays
    assert "按日期" in odd.text and "set-cookie" not in odd.headers
