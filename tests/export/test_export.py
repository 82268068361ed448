"""``newsark export``: JSON Lines, Parquet and WARC from a small archive built here."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from newsark.archive.article import make_article
from newsark.archive.store import Archive
from newsark.cli import main
from newsark.export import RECORD_KEYS
from newsark.export.datasets import parquet_schema
from newsark.sources.ledger import Ledger
from newsark.sources.warcstore import WarcResponse, WarcStore

SITE = "https://www.news.example.org/article/{id}/story"
CAPTURE = "https://web.archive.org/web/{ts}/" + SITE

FIGURE = """<figure>
<img src="https://web.archive.org/web/2019im_/https://www.news.example.org/a.jpg" alt="">
<figcaption>渡輪碼頭的早晨</figcaption>
</figure>"""

SPECS = {
    1: {"title": "渡輪停航", "date": "2019-04-20T08:00:00+08:00", "category": "港聞", "author": "記者甲",
        "tags": ["渡輪", "交通"], "body_markdown": f"天星小輪今日停航。\n\n{FIGURE}\n\n乘客改乘地鐵。"},
    2: {"title": "Budget day", "date": "2020-02-26", "category": "Economy", "author": "Reporter B",
        "tags": ["budget"], "body_markdown": "The budget was read **today**.\n\n- one\n- two"},
    3: {"title": "渡輪停航", "date": "2019-04-20", "category": "港聞", "author": "記者甲",
        "tags": ["渡輪"], "body_markdown": "天星小輪今日停航（副本）。"},
    4: {"title": "Old story", "date": "2016-01-02", "category": "Economy", "author": None,
        "tags": [], "body_markdown": "An older story."},
}


@pytest.fixture()
def archive_dir(tmp_path: Path) -> Path:
    root = tmp_path / "arch"
    with Archive(root) as archive:
        for article_id, spec in SPECS.items():
            article = make_article(url=CAPTURE.format(ts="20190421080000", id=article_id),
                                   original_url=SITE.format(id=article_id), **spec)
            if article_id == 2:
                article.meta["lead"] = "What the budget holds."
                article.meta["word_count"] = 7
            archive.write_article(article_id, article, source="fixture",
                                  member=f"article_{article_id}.md")
        archive.db.execute("INSERT INTO aliases VALUES (3, 1, 0.97, 'same title and text')")
        archive.db.execute("UPDATE articles SET story_id = 1 WHERE id IN (1, 3)")
        # a file in the catalog that cannot be read
        archive.path_for(4).write_bytes(b"---\ntitle: [unclosed\n---\nbody")
    return root


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["export", *args])
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_one_record_per_story_with_every_key(archive_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    code, _, err = run("--archive", str(archive_dir), str(out))
    assert code == 0, err
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in records] == [1, 2]  # 3 is an alias, 4 unreadable
    assert all(list(r) == list(RECORD_KEYS) for r in records)
    first, second = records
    assert first["aliases"] == [3] and first["is_alias"] is False
    assert first["tags"] == ["渡輪", "交通"] and first["category"] == "港聞"
    assert first["date"] == "2019-04-20T08:00:00+08:00"
    assert "# 渡輪停航" not in first["markdown"] and "<figure>" in first["markdown"]
    assert "渡輪碼頭的早晨" in first["text"] and "<" not in first["text"]
    assert first["sources"] == [{"source": "fixture", "member": "article_1.md",
                                 "sha256": first["sha256"]}]
    assert second["lead"] == "What the budget holds."
    assert json.loads(second["extra"]) == {"word_count": 7}
    assert second["text"] == "The budget was read today.\n\none\ntwo"
    assert "exported 2 articles (2 stories)" in err
    assert "left out 1: unreadable file" in err


def test_aliases_and_filters(archive_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl.gz"
    code, _, err = run("--archive", str(archive_dir), str(out), "--aliases",
                       "--since", "2019-04", "--until", "2019")
    assert code == 0, err
    records = [json.loads(line) for line in gzip.decompress(out.read_bytes()).splitlines()]
    assert [(r["id"], r["story_id"], r["is_alias"]) for r in records] == [(1, 1, False), (3, 1, True)]
    code, stdout, _ = run("--archive", str(archive_dir), "-", "--category", "Economy")
    assert code == 0
    assert [json.loads(line)["id"] for line in stdout.splitlines()] == [2]
    code, stdout, _ = run("--archive", str(archive_dir), "-", "--site", "www.news.example.org",
                          "--limit", "1")
    assert [json.loads(line)["id"] for line in stdout.splitlines()] == [1]


def test_parquet_has_the_same_records(archive_dir: Path, tmp_path: Path) -> None:
    jsonl, parquet = tmp_path / "a.jsonl", tmp_path / "a.parquet"
    assert run("--archive", str(archive_dir), str(jsonl), "--aliases")[0] == 0
    code, _, err = run("--archive", str(archive_dir), str(parquet), "--aliases")
    assert code == 0, err
    table = pq.read_table(parquet)
    assert table.schema.names == list(RECORD_KEYS)
    assert table.schema.equals(parquet_schema())
    assert table.to_pylist() == [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]


def test_an_empty_selection_is_a_valid_empty_dataset(archive_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.parquet"
    code, _, err = run("--archive", str(archive_dir), str(out), "--since", "2030")
    assert code == 0, err
    assert pq.read_table(out).num_rows == 0
    assert "exported 0 articles" in err


@pytest.mark.parametrize("flag, value", [("--since", "0"), ("--until", "2019-13"), ("--since", "19-04")])
def test_a_bad_day_is_a_usage_error(archive_dir: Path, tmp_path: Path, flag: str, value: str) -> None:
    code, _, err = run("--archive", str(archive_dir), str(tmp_path / "a.jsonl"), flag, value)
    assert code == 2 and f"{value!r} is not a date" in err and not (tmp_path / "a.jsonl").exists()


def test_refuses_to_replace_a_file_without_force(archive_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    out.write_text("mine\n")
    code, _, err = run("--archive", str(archive_dir), str(out))
    assert code == 1 and "exists: give --force" in err
    assert out.read_text() == "mine\n"
    assert run("--archive", str(archive_dir), str(out), "--force")[0] == 0
    assert out.read_text("utf-8").count("\n") == 2


@pytest.mark.parametrize(("args", "message"), [
    (["out.csv"], "cannot tell the format"),
    (["-", "--format", "parquet"], "not to standard output"),
    (["a.jsonl", "--captures"], "--captures goes with --format warc"),
    (["a.parquet", "--originals"], "--originals goes with --format warc"),
])
def test_usage_errors(archive_dir: Path, tmp_path: Path, args: list[str], message: str) -> None:
    if args[0] != "-":
        args = [str(tmp_path / args[0]), *args[1:]]
    code, _, err = run("--archive", str(archive_dir), *args)
    assert code == 2 and message in err
    assert not any(p.name.startswith(("out", "a.")) for p in tmp_path.iterdir())


def test_not_an_archive(tmp_path: Path) -> None:
    code, _, err = run("--archive", str(tmp_path), str(tmp_path / "a.jsonl"))
    assert code == 1 and "not a newsark archive" in err


def test_a_failing_export_leaves_no_file(archive_dir: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from newsark.export import records

    def broken(*args: object, **kwargs: object) -> dict[str, object]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(records, "make_record", broken)
    with pytest.raises(RuntimeError):
        from newsark.export import Selection, export_archive

        with Archive(archive_dir, create=False) as archive:
            export_archive(archive, tmp_path / "a.parquet", "parquet", Selection())
    assert list(tmp_path.iterdir()) == [archive_dir]


def add_captures(archive_dir: Path) -> Path:
    """Two committed responses in DIR/warcs, then a tail a killed rescue left behind."""
    with Archive(archive_dir, create=False) as archive:
        ledger = Ledger(archive.db)
        store = WarcStore(archive.root, ledger)
        for n in (1, 2):
            stored = store.write(WarcResponse(SITE.format(id=n), "20190421080000", 200,
                                              [("Content-Type", "text/html; charset=utf-8")],
                                              f"<html><h1>story {n}</h1></html>".encode()))
            ledger.set_warc_end(stored.warc_file, stored.end)
        path = archive.root / stored.warc_file
    with path.open("ab") as fh:
        fh.write(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n"))  # uncommitted
    return path


def test_warc_holds_articles_facts_and_committed_captures(archive_dir: Path, tmp_path: Path) -> None:
    add_captures(archive_dir)
    for name in ("a.warc.gz", "a.warc"):
        out = tmp_path / name
        code, _, err = run("--archive", str(archive_dir), str(out), "--captures")
        assert code == 0, err
        assert "and 1 files of captures" in err
        with out.open("rb") as fh:
            records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
                        r.rec_headers, r.content_stream().read()) for r in ArchiveIterator(fh)]
        types = [t for t, *_ in records]
        assert types == ["warcinfo", "resource", "metadata", "resource", "metadata",
                         "response", "response"]
        _, uri, headers, payload = records[1]
        assert uri == "urn:newsark:article:1"
        assert headers.get_header("WARC-Newsark-Original-URL") == SITE.format(id=1)
        assert payload == (archive_dir / "articles/1-1000/article_1.md").read_bytes()
        assert headers.get_header("WARC-Date") == "2019-04-21T08:00:00Z"
        assert headers.get_header("Content-Type") == "text/markdown; charset=utf-8"
        facts = json.loads(records[2][3])
        assert facts["aliases"] == [3] and "markdown" not in facts
        assert records[2][2].get_header("WARC-Refers-To") == headers.get_header("WARC-Record-ID")
        assert records[6][3] == b"<html><h1>story 2</h1></html>"
        if name.endswith(".gz"):  # one gzip member per record, as WARC tools expect
            raw = out.read_bytes()
            assert gzip.decompress(raw).startswith(b"WARC/1.1")
            with out.open("rb") as fh:
                it = ArchiveIterator(fh)
                offsets = [it.get_record_offset() for _ in it]
            assert len(offsets) == 7 and offsets[0] == 0


def test_warc_without_captures(archive_dir: Path, tmp_path: Path) -> None:
    add_captures(archive_dir)
    out = tmp_path / "a.warc.gz"
    assert run("--archive", str(archive_dir), str(out))[0] == 0
    with out.open("rb") as fh:
        assert [r.rec_type for r in ArchiveIterator(fh)] == ["warcinfo"] + ["resource", "metadata"] * 2


def test_library_writes_jsonl_to_a_stream(archive_dir: Path) -> None:
    from newsark.export import Selection, export_archive

    buf = io.BytesIO()
    with Archive(archive_dir, create=False) as archive:
        tally = export_archive(archive, buf, "jsonl", Selection(aliases=True))
    assert tally.written == 3 and tally.stories == 2 and tally.skipped == {"unreadable file": 1}
    assert len(buf.getvalue().splitlines()) == 3


def test_warc_keeps_the_files_as_imported(tmp_path: Path) -> None:
    """--originals: the bytes each repaired file was imported from, beside the file."""
    from tests.archive import sitegen

    src, arch = tmp_path / "src", tmp_path / "arch"
    sitegen.write_site(src)
    assert CliRunner().invoke(main, ["import", str(src), "--archive", str(arch), "--no-index"]).exit_code == 0
    out = tmp_path / "a.warc.gz"
    code, _, err = run("--archive", str(arch), str(out), "--aliases", "--originals")
    assert code == 0, err
    with Archive(arch) as archive:
        want = {}
        for article_id in archive.ids():
            original = archive.original_bytes(article_id)
            if original is not None and original != archive.read_bytes(article_id):
                want[f"urn:newsark:original:{article_id}"] = original
        assert len(want) >= 5
        got, refers = {}, {}
        with out.open("rb") as fh:
            for r in ArchiveIterator(fh):
                uri = r.rec_headers.get_header("WARC-Target-URI")
                if uri and uri.startswith("urn:newsark:original:"):
                    got[uri] = r.content_stream().read()
                    refers[uri] = r.rec_headers.get_header("WARC-Newsark-Original-Of")
        assert got == want
        assert all(refers[u] == u.replace(":original:", ":article:") for u in got)
    assert f", {len(want)} files as imported" in err
    plain = tmp_path / "b.warc.gz"
    assert run("--archive", str(arch), str(plain), "--aliases")[0] == 0
    with plain.open("rb") as fh:
        assert not any("original" in (r.rec_headers.get_header("WARC-Target-URI") or "")
                       for r in ArchiveIterator(fh))
