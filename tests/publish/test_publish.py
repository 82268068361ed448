"""``newsark publish``: a static site built by Hugo, searched with Pagefind, from the web
reader's fixture archive (Chinese stories, an alias, a body with planted scripts)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from newsark.cli import main
from tests.web.conftest import build_archive, free_port

CHROMIUM = Path("/usr/bin/chromium")


def publish(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["publish", *args])
    return result.exit_code, result.output + (result.stderr or "")


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("pub") / "archive")


@pytest.fixture(scope="module")
def site(archive_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    args = ("--archive", str(archive_dir), str(out), "--title", "眾新聞存檔",
            "--search-part-size", "2")  # 4 stories: a search index in 2 parts
    code, output = publish(*args)
    assert code == 0, output
    assert "4 stories written" in output and "site built with search" in output
    # The tests (the browser's search too) see a site published again: its search parts
    # are the first run's, linked back in after Hugo cleaned the site.
    code, output = publish(*args)
    assert code == 0 and "0 part(s) indexed, 2 unchanged" in output, output
    return out / "public"


def page(public: Path, path: str) -> str:
    return (public / path / "index.html").read_text("utf-8")


def test_one_page_per_story_and_a_redirect_for_each_copy(site: Path) -> None:
    assert sorted(p.name for p in (site / "article").iterdir() if p.name.isdigit()) == [
        "101", "102", "103", "104", "105"]
    story = page(site, "article/101")
    assert "<h1>機場第三跑道啟用</h1>" in story
    assert "三跑道系統的新跑道航拍圖" in story and "<figure>" in story
    assert 'href="/article/102/"' in story  # a link to a held story is local
    assert 'href="https://www.hkcnews.com/article/999/missing"' in story  # not held: kept
    alias = page(site, "article/103")
    assert re.search(r'http-equiv="refresh" content="0; url=/article/101/"', alias)
    assert "眾新聞存檔" in page(site, "")


def test_planted_code_is_not_published(site: Path) -> None:
    body = page(site, "article/104")
    assert "危險內容測試" in body
    for bad in ("<script>window", "onerror", "onclick", "javascript:", "<iframe", "onload", "<style>"):
        assert bad not in body


def test_listings_by_year_category_author_tag(site: Path) -> None:
    assert "機場第三跑道啟用" in page(site, "years/2019")
    assert "Trump visits Hong Kong" in page(site, "years/2018")
    assert "評論：機場擴建的代價" in page(site, "categories/眾說")
    assert "機場第三跑道啟用" in page(site, "tags/跑道")
    assert "危險內容" in page(site, "authors/記者甲")
    home = page(site, "")
    assert home.index("危險內容") < home.index("評論：機場擴建的代價")  # newest first
    assert "共 4 篇報道" in home
    feed = (site / "index.xml").read_text("utf-8")
    assert feed.count("<item>") == 4 and "危險內容" in feed


def test_the_feed_gives_the_latest_stories(archive_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsark.publish import source

    monkeypatch.setattr(source, "RSS_ITEMS", 2)
    out = tmp_path / "out"
    code, output = publish("--archive", str(archive_dir), str(out), "--no-search")
    assert code == 0, output
    feed = (out / "public" / "index.xml").read_text("utf-8")
    assert feed.count("<item>") == 2 and "危險內容" in feed and "Trump visits" not in feed  # newest first


def test_search_index_in_parts_of_newsark_tokens(site: Path) -> None:
    for part in (0, 1):
        entry = json.loads((site / "pagefind" / f"part-{part}" / "pagefind-entry.json").read_text())
        assert entry["languages"]["en"]["page_count"] == 2  # tokens, split on spaces only
    assert not (site / "pagefind" / "part-2").exists()
    search = page(site, "search")
    assert "/pagefind/part-0/" in search and "/pagefind/part-1/" in search
    fold = json.loads((site / "fold.json").read_text("utf-8"))
    assert fold["鄭"] == "郑" and fold["機"] == "机" and fold["臺"] == "台"
    assert not (site.parent / ".search-pages").exists()


def test_base_url_path_and_republishing(archive_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for _ in range(2):  # a second run replaces the first
        code, output = publish("--archive", str(archive_dir), str(out), "--base-url", "/hkc/",
                               "--lang", "en", "--since", "2019")
        assert code == 0, output
    public = out / "public"
    story = page(public, "article/101")
    assert 'href="/hkc/style.css"' in story and 'href="/hkc/article/102/"' in story
    assert 'lang="en"' in story and "Provenance" in story
    assert not (public / "article" / "105").exists()  # 2018: not selected
    search = page(public, "search")
    assert 'data-base="/hkc/"' in search and "/hkc/pagefind/part-0/" in search
    assert 'data-fold="/hkc/fold.json"' in search
    code, output = publish("--archive", str(archive_dir), str(out), "--no-search")
    assert code == 0, output
    assert not (public / "pagefind").exists()
    assert "沒有建立搜尋索引" in page(public, "search")  # and the default language again


def test_publishing_again_indexes_only_the_parts_that_changed(archive_dir: Path, tmp_path: Path) -> None:
    from newsark.archive.article import make_article
    from newsark.archive.store import Archive

    archive = tmp_path / "archive"
    shutil.copytree(archive_dir, archive)
    out = tmp_path / "out"
    args = ["--archive", str(archive), str(out), "--search-part-size", "2"]  # [101, 102], [104, 105]

    def entries() -> dict[str, tuple[int, str]]:
        """Each part's entry file: its inode (the same file linked again) and its text
        (it names the part's index files by their content's hash)."""
        return {p.parent.name: (p.stat().st_ino, p.read_text()) for p in
                (out / "public" / "pagefind").glob("part-*/pagefind-entry.json")}

    code, output = publish(*args)
    assert code == 0 and "2 part(s) indexed, 0 unchanged" in output, output
    first = entries()
    code, output = publish(*args, "--title", "Another title")  # pages change, the search parts do not
    assert code == 0 and "0 part(s) indexed, 2 unchanged" in output, output
    assert entries() == first  # the same files, linked from the store again
    assert "Another title" in page(out / "public", "")
    with Archive(archive) as held:  # a story after the others, and one of them edited
        held.write_article(106, make_article(title="新增報道", body_markdown="新跑道明年開放。", date="2021-01-02"),
                           source="fixture", member="articles/article_106.md")
        held.write_article(104, make_article(title="危險內容（更正）", body_markdown="更正。", date="2020-11-27"),
                           source="fixture", member="articles/article_104.md")
    code, output = publish(*args)
    assert code == 0 and "2 part(s) indexed, 1 unchanged" in output, output
    now = entries()
    assert sorted(now) == ["part-0", "part-1", "part-2"] and now["part-0"] == first["part-0"]
    assert now["part-1"][1] != first["part-1"][1]
    meta = json.loads((out / ".search-index" / "parts.json").read_text())
    assert sorted(meta) == ["part-0", "part-1", "part-2"]
    code, output = publish(*args, "--until", "2019")  # fewer stories: the parts past the last go
    assert code == 0, output
    assert not (out / ".search-index" / "part-2").exists() and not (out / "public" / "pagefind" / "part-2").exists()
    code, output = publish(*args, "--no-search")
    assert code == 0 and not (out / ".search-index").exists(), output


def test_source_only_and_refusing_a_foreign_folder(archive_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = publish("--archive", str(archive_dir), str(out), "--source-only")
    assert code == 0, output
    assert (out / "source" / "hugo.json").exists() and not (out / "public").exists()
    content = (out / "source" / "content" / "article" / "101.html").read_text("utf-8")
    front = json.loads(content[: content.index("\n}\n") + 2])
    assert front["aliases"] == ["/article/103/"] and front["years"] == ["2019"]
    # a person's own layout overrides the theme's and survives the next publish
    own = out / "source" / "layouts" / "page.html"
    own.parent.mkdir()
    own.write_text('{{ define "main" }}<p class="mine">{{ .Title }}</p>{{ end }}', "utf-8")
    code, output = publish("--archive", str(archive_dir), str(out), "--no-search")
    assert code == 0, output
    assert '<p class="mine">機場第三跑道啟用</p>' in page(out / "public", "article/101")
    assert own.exists() and (out / "source" / "themes" / "newsark" / "layouts" / "page.html").exists()
    # a second publish into the same folder while one runs is refused
    import fcntl

    with (out / ".newsark-publish").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        code, output = publish("--archive", str(archive_dir), str(out), "--source-only")
    assert code == 1 and "another newsark publish is writing" in output
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    code, output = publish("--archive", str(archive_dir), str(mine))
    assert code == 1 and "not made by newsark publish" in output
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


@pytest.fixture()
def static_server(site: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "-d", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(base + "/", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail("the static server did not start")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


QUERIES = ["跑道", "机场 跑道", "跑", "擴建", "iPhone12 香港人", "Trump", "Ｔｒｕｍｐ，記者甲", "機場第三跑道啟用"]


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_search_in_the_browser(static_server: str) -> None:
    from playwright.sync_api import sync_playwright

    from newsark.publish.search_index import encode_tokens, fold_static
    from newsark.search.tokens import query_tokens
    from tests.web.test_browser import CHROMIUM_ARGS, keep_local

    def titles(pg: Any) -> list[str]:
        # search.js writes the count once the results are on the page
        pg.wait_for_function("document.getElementById('search-status').textContent !== ''")
        return [a.inner_text() for a in pg.locator("#search-results .card > a").all()]

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            outside = keep_local(context, static_server)
            pg = context.new_page()
            pg.set_default_timeout(15_000)
            pg.goto(static_server + "/search/?q=跑道")
            assert titles(pg)[0] == "機場第三跑道啟用"
            assert pg.locator("#search-results mark").first.inner_text() == "跑道"
            assert outside == []  # the search page and its index are all local
            # the browser cuts a query into the same tokens as newsark's index
            js = pg.evaluate("""async (qs) => { const t = await (await fetch('/fold.json')).json();
                                 return qs.map((q) => queryTokens(t, q).map(encodeToken)); }""", QUERIES)
            assert js == [[encode_tokens(t) for term in q.split() for t, _ in query_tokens(fold_static(term))]
                          for q in QUERIES]
            # Simplified finds Traditional; one character; a story of the index's 2nd part
            pg.goto(static_server + "/search/?q=扩建")
            assert titles(pg) == ["評論：機場擴建的代價"]
            pg.goto(static_server + "/search/?q=机场")  # 機 and 机 are both Traditional
            assert "機場第三跑道啟用" in titles(pg)
            pg.goto(static_server + "/search/?q=跑")
            assert "機場第三跑道啟用" in titles(pg)
            pg.goto(static_server + "/search/?q=跑\u200d道")  # a query pasted with a joiner
            assert titles(pg)[0] == "機場第三跑道啟用"
            assert pg.locator("#search-results mark").first.inner_text() == "跑道"
            pg.goto(static_server + "/search/?q=Trump")
            assert titles(pg) == ["Trump visits Hong Kong"]
            # filters alone list by date, newest first; then the form
            pg.goto(static_server + "/search/?year=2019")
            assert titles(pg) == ["評論：機場擴建的代價", "機場第三跑道啟用"]
            pg.fill("#search input[name=q]", "危險")
            pg.select_option("#search select[name=year]", "")
            pg.click("#search button")
            pg.wait_for_url("**q=%E5%8D%B1%E9%9A%AA**")
            assert titles(pg) == ["危險內容"]
            pg.locator("#search-results .card > a").first.click()
            pg.wait_for_url(static_server + "/article/104/")
        finally:
            browser.close()


def test_a_kept_search_part_writes_no_pages(tmp_path: Path) -> None:
    from newsark.publish.search_index import SearchPages

    def record(i: int, title: str) -> dict[str, Any]:
        return {"id": i, "title": title, "text": f"第{i}篇的內文", "lead": None, "date": "2020-01-02",
                "category": None, "author": None, "tags": [], "markdown": "ignored"}

    def run(titles: list[str]) -> tuple[SearchPages, list[str]]:
        pages = SearchPages(tmp_path / "work", 2, tmp_path / "store")
        assert [r["id"] for r in pages.tee(record(i, t) for i, t in enumerate(titles))] == list(range(len(titles)))
        written = sorted(p.parent.parent.parent.name for p in (tmp_path / "work").glob("part-*/article/*/index.html"))
        pages.index(tmp_path / "public", [f"pagefind/part-{k}/" for k in range((len(titles) + 1) // 2)])
        return pages, written

    first, written = run(["機場", "跑道", "天氣"])
    assert (first.indexed, first.reused) == (2, 0) and written == ["part-0", "part-0", "part-1"]
    again, written = run(["機場", "跑道（更正）", "天氣"])  # a story of the first part changed
    assert (again.indexed, again.reused) == (1, 1) and written == ["part-0", "part-0"]
    assert (tmp_path / "public" / "pagefind" / "part-1" / "pagefind-entry.json").is_file()
    assert not (tmp_path / "work").exists()


def test_a_search_page_leaves_out_characters_no_reader_sees() -> None:
    # Citizen News wrote '非\u200d法集結': the static index must hold the bigram 非法 as the
    # archive's does, or a search for 非法集結 misses the story
    from newsark.publish.search_index import encode_tokens, search_page

    page = search_page({"id": 7, "title": "\u2060\u2060反\u200c送\u200c中", "text": "被控非\u200d法集結罪",
                        "lead": None, "date": None, "category": None, "author": None, "tags": []})
    assert encode_tokens("非法") in page and encode_tokens("反送") in page
    assert not any(c in page for c in "\u200b\u200c\u200d\u2060")
