"""The in-memory browse index: date periods and pages that span several days."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from newsark.archive.article import make_article
from newsark.archive.store import Archive
from newsark.web import create_app
from newsark.web.browse_index import BrowseIndex
from newsark.web.db import ReadOnlyArchive

DAYS = ["2019-06-10", "2019-06-11", "2019-07-01", "2020-01-05", "not a date"]


def build(root: Path) -> dict[int, str]:
    dates: dict[int, str] = {}
    with Archive(root) as archive:
        for i in range(1, 51):
            date = DAYS[i % len(DAYS)]
            dates[i] = date
            archive.write_article(i, make_article(title=f"第{i}篇", body_markdown="內文", date=date,
                                                  tags=["甲", "甲"] if i % 2 else ["乙"]))
    return dates


def test_periods_and_pages(tmp_path: Path) -> None:
    dates = build(tmp_path)
    ro = ReadOnlyArchive(tmp_path)
    index = BrowseIndex.build(ro)
    assert index.periods("") == [("2019", 30), ("2020", 10)]
    assert index.periods("2019") == [("06", 20), ("07", 10)]
    assert index.periods("2019-06") == [("10", 10), ("11", 10)]
    expected = sorted((i for i, d in dates.items() if d.startswith("2019")),
                      key=lambda i: (dates[i], i), reverse=True)
    got: list[int] = []
    for page in (1, 2, 3):  # 30 stories, 12 per page: pages cross day boundaries
        listing = index.date_page(ro, "2019", page, 12)
        assert listing.total == 30 and listing.pages == 3
        got += [c.id for c in listing.cards]
    assert got == expected
    assert index.date_page(ro, "2019", 4, 12).cards == []
    assert [c.id for c in index.latest(ro, 3)] == [48, 43, 38]  # 2020-01-05, highest id first
    assert dict(index.counts("tag")) == {"甲": 25, "乙": 25}  # a tag twice counts once
    ro.db.close()


def test_date_pages_through_http(tmp_path: Path) -> None:
    build(tmp_path)
    with TestClient(create_app(tmp_path)) as c:
        first = c.get("/date/2019/06.json").json()
        assert first["total"] == 20 and first["pages"] == 1
        assert [s["date"] for s in first["stories"]] == ["2019-06-11"] * 10 + ["2019-06-10"] * 10
        assert [(p["name"], p["count"]) for p in first["parts"]] == [("10 日", 10), ("11 日", 10)]
        assert c.get("/date/2019/06.json?page=2").json()["stories"] == []
        assert c.get("/date/2019/08").status_code == 404


def test_values_with_url_characters(tmp_path: Path) -> None:
    odd = ["#metoo", "VUI 202012/01", "a?b&c", "100%"]
    with Archive(tmp_path) as archive:
        archive.write_article(1, make_article(title="怪", body_markdown="內文", date="2020-01-01",
                                              category="a?b&c", author="VUI 202012/01", tags=odd))
    with TestClient(create_app(tmp_path)) as c:
        items = c.get("/tag.json").json()["items"]
        assert sorted(i["name"] for i in items) == sorted(odd)
        for item in items:
            assert "/" not in item["url"][len("/tag/"):] and "#" not in item["url"]
            for url in (item["url"], item["url"] + ".json"):
                r = c.get(url)
                assert r.status_code == 200, url
            assert c.get(item["url"] + ".json").json()["title"] == item["name"]
        html = c.get("/article/1").text
        assert 'href="/tag/%23metoo"' in html and 'href="/author/VUI%20202012%2F01"' in html
        assert c.get("/author/VUI%20202012%2F01.json").json()["total"] == 1
        assert c.get("/category/a%3Fb%26c.json").json()["total"] == 1
