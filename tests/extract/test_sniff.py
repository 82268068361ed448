"""Bytes that are not a page get a clear error; a gzip-compressed page is unpacked."""
from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsark.cli import main
from newsark.extract import extract_page
from newsark.extract.sniff import html_bytes

from .fixtures import EN_ARTICLE, zh_article


def test_a_gzip_compressed_page_is_unpacked() -> None:
    ex = extract_page(gzip.compress(EN_ARTICLE.encode("utf-8")))
    assert ex.title == "Harbour ferry timetable changes next month" and ex.is_article


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "a PNG image"),
        (b"PK\x03\x04" + bytes(64), "a ZIP archive"),
        (random.Random(5).randbytes(4096), "binary data"),
        (b"\x1f\x8b\x08\x00garbage", "gzip data that does not unpack"),
        (b'\xef\xbb\xbf {"title": "<p>Harbour ferry</p>", "body": "..."}', "JSON data"),
        (b'[{"id": 1}]\n', "JSON data"),
    ],
)
def test_what_is_not_a_page_is_said(data: bytes, what: str) -> None:
    with pytest.raises(ValueError, match=f"not an HTML page: {what}"):
        extract_page(data)


def test_text_opening_like_json_but_not_json_is_read_as_a_page() -> None:
    data = b"{{ template }} <html><body><p>Harbour ferry timetable</p></body></html>"
    assert html_bytes(data) is data


@pytest.mark.parametrize("encoding", ["utf-16", "big5hkscs", "gb18030", "utf-8"])
def test_pages_in_any_charset_pass(encoding: str) -> None:
    data = zh_article(1).encode(encoding)
    assert html_bytes(data) is data


def test_cli_says_what_the_file_is(tmp_path: Path) -> None:
    pdf = tmp_path / "story.html"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj\n")
    result = CliRunner().invoke(main, ["extract", str(pdf), "--json"])
    assert result.exit_code != 0 and "not an HTML page: a PDF document" in result.output
