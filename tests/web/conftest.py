"""Small fixture archives for the web reader's tests, built through the archive API."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

with warnings.catch_warnings():  # starlette >= 1.10 nags about httpx; it still works
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

from newsark.archive.article import make_article
from newsark.archive.store import Archive

CAPTURE = "https://web.archive.org/web/{ts}/https://www.hkcnews.com/article/{id}/{slug}"
IMG = "https://web.archive.org/web/20190421080000im_/https://www.hkcnews.com/img/runway.jpg"
VIDEO = "https://web.archive.org/web/20190421080000if_/https://www.youtube.com/embed/abcDEF123"

AIRPORT_BODY = f"""
<figure>
<img src="{IMG}" alt="新跑道">
<figcaption>三跑道系統的新跑道航拍圖</figcaption>
</figure>

機場管理局今日宣布，香港國際機場的第三條跑道正式啟用。

詳見[前文]({CAPTURE.format(ts="20190501000000", id=102, slug="runway-view")})，
以及[未收錄的報道](https://www.hkcnews.com/article/999/missing)。

{{{{< video src="{VIDEO}" >}}}}

| 項目 | 數字 |
| --- | --- |
| 跑道 | 3 |
"""

EVIL_BODY = """
危險內容測試。

<script>window.__pwned = "script";</script>

<img src="x" onerror="window.__pwned = 'onerror'">

<p onclick="window.__pwned='click'">點擊</p>

<a href="javascript:window.__pwned='href'">連結</a>

<iframe src="https://evil.example/frame"></iframe>

<svg onload="window.__pwned='svg'"><circle r="1"></circle></svg>

<style>body { display: none }</style>
"""

ARTICLES = {
    101: {"title": "機場第三跑道啟用", "body_markdown": AIRPORT_BODY, "date": "2019-04-20",
              "category": "眾聞", "author": "記者甲", "tags": ["機場", "跑道"], "ts": "20190421080000",
              "slug": "runway"},
    102: {"title": "評論：機場擴建的代價", "body_markdown": "擴建機場的代價由誰承擔？\n\n> 引文一段",
              "date": "2019-05-01", "category": "眾說", "author": "作者乙", "tags": ["機場"],
              "ts": "20190502000000", "slug": "runway-view"},
    103: {"title": "機場第三跑道啟用", "body_markdown": "機場管理局今日宣布（副本）。",
              "date": "2019-04-20", "category": "眾聞", "author": "記者甲", "tags": ["機場"],
              "ts": "20190422000000", "slug": "runway-copy"},
    104: {"title": "危險內容", "body_markdown": EVIL_BODY, "date": "2020-11-27", "category": "眾聞",
              "author": "記者甲", "tags": ["測試"], "ts": "20201128000000", "slug": "evil"},
    105: {"title": "Trump visits Hong Kong", "body_markdown": "Trump said 2019 was good; iPhone 12.",
              "date": "2018-04-20", "category": "tri-angles", "author": "Reporter C",
              "tags": ["Carrie Lam"], "ts": "20180421000000", "slug": "trump"},
}
STORIES = {101, 102, 104, 105}  # 103 is an alias of 101


def build_archive(root: Path) -> Path:
    with Archive(root) as archive:
        for article_id, spec in ARTICLES.items():
            spec = dict(spec)
            ts, slug = spec.pop("ts"), spec.pop("slug")
            original = f"https://www.hkcnews.com/article/{article_id}/{slug}"
            article = make_article(
                url=f"https://web.archive.org/web/{ts}/{original}", original_url=original, **spec
            )
            archive.write_article(article_id, article, source="fixture",
                                  member=f"articles/article_{article_id}.md")
        db = archive.db
        db.execute("INSERT INTO aliases VALUES (103, 101, 0.97, 'same title and text')")
        db.execute("UPDATE articles SET story_id = 101 WHERE id IN (101, 103)")
        db.execute(
            "INSERT INTO boilerplate VALUES (101, 900, 'site', NULL, 'support', ?)",
            ("**支持眾新聞**，請訂閱我們的通訊。",),
        )
        db.execute("INSERT INTO author_bios VALUES ('記者甲', '記者甲是本報資深記者。', 12)")
        index_archive(archive)
    return root


def index_archive(archive: Archive) -> None:
    """Build the search index when the search engine is present (else search tests skip)."""
    try:
        from newsark.search import sync_index
    except ImportError:
        return
    sync_index(archive)


@pytest.fixture(scope="session")
def archive_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("web") / "archive")


@pytest.fixture()
def client(archive_dir: Path) -> Iterator[TestClient]:
    from newsark.web import create_app

    with TestClient(create_app(archive_dir)) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(archive_dir: Path) -> Iterator[str]:
    """``newsark serve`` on a free loopback port, stopped at the end."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsark.cli", "serve", "--archive", str(archive_dir),
         "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                pytest.fail(f"newsark serve exited with {proc.returncode}: {out}")
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("newsark serve did not answer within 30 s")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
