from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsark.cli import main

from .fixtures import EN_ARTICLE, zh_article, zh_list_page

KEYS = ["title", "date", "last_updated", "author", "category", "tags", "lead", "markdown",
        "text", "figures", "charset", "path",
        "suspicious", "is_article", "reason", "bylines", "meta_paths", "chosen", "capture_url"]


def test_extract_json_from_stdin() -> None:
    result = CliRunner().invoke(main, ["extract", "-", "--json"], input=zh_article(2).encode("big5hkscs"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == KEYS
    assert data["title"] == "公園計劃第2號討論" and data["path"] == "generic"
    assert data["is_article"] is True and data["suspicious"] == 0
    assert {"role": "記者", "name": data["bylines"][0]["name"]} == data["bylines"][0]


def test_extract_file_to_archive_format(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(EN_ARTICLE.encode("utf-8"))
    cap = "https://web.archive.org/web/20200305000000/https://news.example.org/ferry"
    result = CliRunner().invoke(main, ["extract", str(page), "--capture-url", cap])
    assert result.exit_code == 0, result.output
    assert result.output.startswith('---\ntitle: "Harbour ferry timetable changes next month"\n')
    assert f'url: "{cap}"' in result.output
    assert "\n# Harbour ferry timetable changes next month\n" in result.output


def test_extract_site(tmp_path: Path) -> None:
    for n in range(1, 4):
        (tmp_path / f"{n}.html").write_bytes(zh_article(n).encode("utf-8"))
    (tmp_path / "list.html").write_bytes(zh_list_page().encode("utf-8"))
    prof = tmp_path / "profile.yaml"
    result = CliRunner().invoke(main, ["extract", "--site", str(tmp_path), "--profile", str(prof)])
    assert result.exit_code == 0, result.output
    rows = {r["page"]: r for r in map(json.loads, result.output.splitlines())}
    assert rows["list.html"]["is_article"] is False
    assert all(rows[f"{n}.html"]["path"] == "learned" for n in range(1, 4))
    assert prof.exists()


def test_extract_site_reports_bad_pages_and_goes_on(tmp_path: Path) -> None:
    for n in range(1, 4):
        (tmp_path / f"{n}.html").write_bytes(zh_article(n).encode("utf-8"))
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    result = CliRunner().invoke(main, ["extract", "--site", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rows = {r["page"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert rows["empty.html"] == {"page": "empty.html", "error": "page is empty"}
    assert rows["photo.html"]["error"] == "not an HTML page: a PNG image"
    # the bad pages were left out of the sample: the three articles still share a template
    assert all(rows[f"{n}.html"]["path"] == "learned" for n in range(1, 4))
    assert "warning: photo.html: not an HTML page" in result.stderr
    assert "3 pages extracted, 2 failed" in result.stderr


def test_extract_site_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", "--site", str(tmp_path)])
    assert result.exit_code == 1 and "no pages (.html, .htm, .shtml, .xhtml) in" in result.output
    (tmp_path / "empty.html").write_bytes(b"  ")
    result = CliRunner().invoke(main, ["extract", "--site", str(tmp_path)])
    assert result.exit_code == 1 and "no page of" in result.stderr
    result = CliRunner().invoke(main, ["extract", "--site", str(tmp_path), "--profile", str(tmp_path / "p.json")])
    assert result.exit_code == 2 and "a site profile is .yaml, .yml or .toml" in result.output
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder: use --site" in result.output


def test_a_page_that_is_not_an_article_says_so_on_stderr(tmp_path: Path) -> None:
    page = tmp_path / "list.html"
    page.write_bytes(zh_list_page().encode("utf-8"))
    result = CliRunner().invoke(main, ["extract", str(page)])
    assert result.exit_code == 0
    assert result.stdout.startswith("---\n") and "note:" not in result.stdout
    assert result.stderr.startswith("note: this page does not look like an article: ")
    article = tmp_path / "a.html"
    article.write_bytes(EN_ARTICLE.encode("utf-8"))
    assert CliRunner().invoke(main, ["extract", str(article)]).stderr == ""


def test_missing_page_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.html")])
    assert result.exit_code != 0 and "no such file" in result.output
