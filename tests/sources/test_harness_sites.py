"""The WARC writer and the synthetic site generator."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness.site import captures_by_note
from harness.synthetic import synthetic_site
from harness.warcs import Capture, html_capture, pad_timestamp, redirect_capture, write_warc
from warcio.archiveiterator import ArchiveIterator


def test_warc_has_request_and_response_records(tmp_path: Path) -> None:
    caps = [
        html_capture("https://www.example-news.com/article/1/a", "20200102030405", "中文".encode("big5hkscs"),
                     charset="Big5-HKSCS"),
        redirect_capture("http://example-news.com/article/1", "20200102030409",
                         "https://www.example-news.com/article/1/a"),
        Capture("https://www.example-news.com/article/2/b", "20210101000000", 200,
                (("Content-Type", "text/html"),), b"<html><p>cut", "truncated", truncated=True),
    ]
    path = tmp_path / "x.warc.gz"
    assert write_warc(path, caps) == 3
    with path.open("rb") as fh:
        records = list(ArchiveIterator(fh))
        types = [r.rec_type for r in records]
    assert types == ["response", "request"] * 3
    with path.open("rb") as fh:
        responses = [(r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers.get_header("WARC-Date"),
                      r.http_headers.get_statuscode(), r.http_headers.get_header("Content-Type"),
                      r.http_headers.get_header("Location"), r.rec_headers.get_header("WARC-Truncated"),
                      r.content_stream().read())
                     for r in ArchiveIterator(fh) if r.rec_type == "response"]
    assert responses[0] == (caps[0].url, "2020-01-02T03:04:05Z", "200", "text/html; charset=Big5-HKSCS",
                            None, None, caps[0].body)
    assert responses[1][2:5] == ("301", "text/html; charset=utf-8", caps[1].header("Location"))
    assert responses[2][5] == "length" and responses[2][6] == b"<html><p>cut"
    assert not list(tmp_path.glob(".*.tmp"))


def test_capture_validation() -> None:
    with pytest.raises(ValueError):
        Capture("https://x/", "2020", 200, (), b"")
    with pytest.raises(ValueError):
        Capture("https://x/中文", "20200101000000", 200, (), b"")
    with pytest.raises(ValueError):
        redirect_capture("https://x/", "20200101000000", "https://y/", status=200)
    assert pad_timestamp("2019") == "20190101000000"
    assert pad_timestamp("201906") == "20190601000000"
    assert pad_timestamp("20190615123456") == "20190615123456"


def test_synthetic_site_is_deterministic_and_has_every_case() -> None:
    a, b = synthetic_site(60, seed=3), synthetic_site(60, seed=3)
    assert [(c.url, c.timestamp, c.body) for c in a.captures] == [(c.url, c.timestamp, c.body) for c in b.captures]
    assert synthetic_site(60, seed=4).captures != a.captures
    big = synthetic_site(520, seed=7)
    notes = captures_by_note(big.captures)
    for note in ("good", "redirect", "redirect-target", "old-slug", "second-id", "truncated",
                 "soft404", "challenge", "listing", "asset", "junk"):
        assert notes.get(note, 0) > 0, note
    ids = [i for s in big.stories for i in s.ids]
    assert len(ids) == len(set(ids)) and len(big.stories) == 520
    assert sum(len(s.ids) > 1 for s in big.stories) > 10
    # Every story has a good capture of its first id, and variants of its URL exist.
    by_story = {s.ids[0]: s for s in big.stories}
    good = {big.story_of_url(c.url).ids[0] for c in big.captures if c.note == "good"}  # type: ignore[union-attr]
    assert good == set(by_story)
    urls = {c.url for c in big.captures}
    assert any(u.startswith("http://www.") for u in urls) and any("?utm_source" in u for u in urls)
    assert any(u.startswith("https://example-news.com/") for u in urls)
    big5 = [c for c in big.captures if b'charset="big5-hkscs"' in c.body]
    assert big5 and all(c.timestamp < big.style.redesign_ts for c in big5)
    assert any(("嘅".encode("big5hkscs")) in c.body for c in big5)
