"""Security: headers on every response, read-only server and catalog, host checks."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from newsark.web import create_app
from newsark.web.db import ReadOnlyArchive


@pytest.mark.parametrize("path", ["/", "/index.json", "/article/101", "/static/style.css",
                                  "/static/app.js", "/nowhere", "/search?q=x"])
def test_security_headers_everywhere(client: TestClient, path: str) -> None:
    h = client.get(path).headers
    csp = h["content-security-policy"]
    for part in ("default-src 'self'", "img-src 'self' https: data:", "script-src 'self'",
                 "frame-ancestors 'none'", "object-src 'none'"):
        assert part in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_only_get_and_head(client: TestClient, method: str) -> None:
    r = client.request(method, "/article/101")
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"
    assert client.head("/article/101").status_code == 200


def test_no_inline_scripts_or_handlers_in_pages(client: TestClient) -> None:
    for path in ("/", "/article/101", "/article/104", "/date/2019", "/search?q=機場"):
        html = client.get(path).text
        scripts = html.split("<script")[1:]
        assert scripts and all(s.startswith(' src="/static/app.js" defer></script>') for s in scripts)
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), path
        assert "javascript:" not in html and "style=" not in html


def test_catalog_is_opened_read_only(archive_dir: Path) -> None:
    archive = ReadOnlyArchive(archive_dir)
    with pytest.raises(sqlite3.OperationalError):
        archive.db.execute("DELETE FROM articles")
    assert archive.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    archive.db.close()


def test_serving_changes_nothing_on_disk(archive_dir: Path) -> None:
    def digest() -> str:
        h = hashlib.sha256()
        for p in sorted((archive_dir / "articles").rglob("*.md")):
            h.update(p.read_bytes())
        db = sqlite3.connect(archive_dir / "catalog.sqlite")
        for row in db.execute("SELECT * FROM articles ORDER BY id"):
            h.update(repr(row).encode())
        db.close()
        return h.hexdigest()

    before = digest()
    with TestClient(create_app(archive_dir)) as c:
        for path in ("/", "/article/101", "/article/103", "/tag", "/date/2019/04/20"):
            assert c.get(path).status_code == 200
    assert digest() == before


def test_not_an_archive(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not a newsark archive"):
        create_app(tmp_path)


def test_allowed_hosts_guard_against_dns_rebinding(archive_dir: Path) -> None:
    app = create_app(archive_dir, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code == 200
    with TestClient(app, base_url="http://evil.example") as c:
        assert c.get("/").status_code == 400


def test_an_internal_error_keeps_the_security_headers(archive_dir: Path) -> None:
    app = create_app(archive_dir)

    def broken() -> None:
        raise RuntimeError("catalog exploded")

    with TestClient(app, raise_server_exceptions=False) as c:
        app.state.pool.get = broken  # a fault no real request can trigger on purpose
        r = c.get("/")
    assert r.status_code == 500
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "exploded" not in r.text
