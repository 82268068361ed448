"""The reader follows the archive while it runs, and copes with unreadable files."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from newsark.archive.article import make_article
from newsark.archive.store import Archive
from newsark.web import create_app


def test_pages_follow_changes_to_the_archive(tmp_path: Path) -> None:
    with Archive(tmp_path) as archive:
        archive.write_article(1, make_article(title="第一篇", body_markdown="內文", date="2020-01-01",
                                              category="眾聞", tags=["甲"]))
    with TestClient(create_app(tmp_path)) as c:
        assert c.get("/index.json").json()["overview"]["stories"] == 1
        assert c.get("/tag.json").json()["items"] == [{"name": "甲", "count": 1, "url": "/tag/%E7%94%B2"}]
        with Archive(tmp_path) as archive:  # e.g. an import running beside the reader
            archive.write_article(2, make_article(title="第二篇", body_markdown="內文",
                                                  date="2020-01-02", category="眾聞", tags=["甲"]))
        assert c.get("/index.json").json()["overview"]["stories"] == 2
        assert c.get("/tag/甲.json").json()["total"] == 2
        assert [s["id"] for s in c.get("/category/眾聞.json").json()["stories"]] == [2, 1]


def test_unreadable_file_is_reported_not_crashed(tmp_path: Path) -> None:
    with Archive(tmp_path) as archive:
        archive.write_raw(7, b"---\ntitle: [unclosed\n---\nbody", article=None, status="unreadable")
        archive.write_article(8, make_article(title="好", body_markdown="內文"))
        (tmp_path / "articles" / "1-1000" / "article_8.md").unlink()  # vanished from disk
    with TestClient(create_app(tmp_path)) as c:
        page = c.get("/article/7")
        assert page.status_code == 200 and "此檔案無法讀取" in page.text
        assert c.get("/article/7.json").json()["readable"] is False
        gone = c.get("/article/8.json").json()
        assert gone["readable"] is False and gone["title"] == "好"  # from the catalog
        assert c.get("/index.json").json()["overview"]["stories"] == 1  # 7 is not a story
