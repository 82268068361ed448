"""The article page: faithful rendering, local links, provenance, aliases, boilerplate."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from newsark.archive.article import make_article
from newsark.archive.store import Archive

from .conftest import IMG, VIDEO


def test_article_renders_figure_caption_table_and_video(client: TestClient) -> None:
    html = client.get("/article/101").text
    assert "<h1>機場第三跑道啟用</h1>" in html
    assert html.count("機場第三跑道啟用</h1>") == 1  # the body's repeated "# title" is dropped
    assert f'<img src="{IMG}" alt="新跑道"' in html
    assert "<figcaption>三跑道系統的新跑道航拍圖</figcaption>" in html
    assert "<td>3</td>" in html
    assert f'href="{VIDEO}"' in html and "<iframe" not in html
    assert "香港國際機場的第三條跑道正式啟用" in html


def test_links_to_archived_stories_are_local(client: TestClient) -> None:
    html = client.get("/article/101").text
    assert 'href="/article/102"' in html  # a capture URL of story 102
    assert 'href="https://www.hkcnews.com/article/999/missing"' in html  # not in the archive


def test_provenance(client: TestClient) -> None:
    data = client.get("/article/101.json").json()
    assert data["capture_time"] == "2019-04-21T08:00:00+00:00"
    assert data["url"] == "https://web.archive.org/web/20190421080000/https://www.hkcnews.com/article/101/runway"
    assert data["original_url"] == "https://www.hkcnews.com/article/101/runway"
    assert data["aliases"] == [103]
    assert [(p["source"], p["member"]) for p in data["provenance"]] == [
        ("fixture", "articles/article_101.md")]
    html = client.get("/article/101").text
    assert "2019-04-21 08:00:00 UTC" in html and 'href="/article/103"' in html
    assert f'href="{data["url"]}"' in html and "來源紀錄" in html


def test_boilerplate_and_bio_shown_apart_collapsed(client: TestClient) -> None:
    html = client.get("/article/101").text
    body, _, rest = html.partition('<details class="bio"')
    assert "支持眾新聞" not in body  # not mixed into the story text
    assert "記者甲是本報資深記者。" in rest
    assert '<details class="boilerplate"' in rest and "<strong>支持眾新聞</strong>" in rest
    assert "<details open" not in html
    data = client.get("/article/101.json").json()
    assert [(b["kind"], b["text"]) for b in data["boilerplate"]] == [
        ("site", "**支持眾新聞**，請訂閱我們的通訊。")]
    assert data["author_bio"] == "記者甲是本報資深記者。"


def test_alias_shows_its_story_and_says_so(client: TestClient) -> None:
    data = client.get("/article/103.json").json()
    assert (data["id"], data["requested_id"], data["is_alias"]) == (101, 103, True)
    assert "香港國際機場" in data["markdown"]
    html = client.get("/article/103").text
    assert "編號 103 是報道 101 的重複副本" in html
    assert '<link rel="canonical" href="/article/101">' in html
    assert "Id 103 is a duplicate copy of story 101" in client.get("/article/103?lang=en").text
    assert not client.get("/article/101.json").json()["is_alias"]


def test_planted_script_is_removed(client: TestClient) -> None:
    html = client.get("/article/104").text
    body = html.split('<div class="body">', 1)[1].split("</div>", 1)[0]
    for bad in ("<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "<svg",
                "<style", "__pwned"):
        assert bad not in body, bad
    assert 'href="https://evil.example/frame"' in body  # the iframe became a plain link
    data = client.get("/article/104.json").json()
    assert "<script" in data["markdown"]  # the JSON keeps the source as archived...
    assert "<script" not in data["html"]  # ...and its HTML is the sanitised one


def test_missing_article_is_404_in_both_forms(client: TestClient) -> None:
    assert client.get("/article/424242").status_code == 404
    r = client.get("/article/424242.json")
    assert r.status_code == 404 and r.json()["status"] == 404
    assert client.get("/article/abc").status_code == 404
    assert client.get("/article/99999999999999999999999").status_code == 404


def test_json_twin_is_json(client: TestClient) -> None:
    r = client.get("/article/105.json")
    assert r.headers["content-type"] == "application/json"
    assert r.json()["title"] == "Trump visits Hong Kong" and r.json()["tags"] == ["Carrie Lam"]


def test_percent_encoded_urls_are_shown_readable(tmp_path: Path) -> None:
    from newsark.web import create_app

    original = "https://www.hkcnews.com/article/5/%E6%A9%9F%E5%A0%B4"
    with Archive(tmp_path) as archive:
        archive.write_article(5, make_article(
            title="機場", body_markdown="內文", original_url=original,
            url=f"https://web.archive.org/web/20200101000000/{original}"))
    with TestClient(create_app(tmp_path)) as c:
        html = c.get("/article/5").text
    assert "https://www.hkcnews.com/article/5/機場</dd>" in html
    assert f'href="https://web.archive.org/web/20200101000000/{original}"' in html
