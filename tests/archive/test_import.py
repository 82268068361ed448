"""``newsark import`` end to end through the CLI, on synthetic archives."""

from __future__ import annotations

import hashlib
import json
import re
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsark.archive.article import load_bytes
from newsark.archive.store import Archive
from newsark.cli import main
from tests.archive import sitegen


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def tree_hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*.md"))
    }


@pytest.fixture()
def site(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    src = tmp_path / "src"
    planted = sitegen.write_site(src)
    return src, planted


@pytest.fixture()
def imported(tmp_path: Path, site: tuple[Path, dict[str, object]]) -> tuple[Path, Path, dict[str, object]]:
    src, planted = site
    arch = tmp_path / "arch"
    run("import", str(src), "--archive", str(arch), "--quiet")
    return src, arch, planted


def test_import_writes_the_corpus_layout_and_keeps_originals(imported) -> None:  # type: ignore[no-untyped-def]
    src, arch, planted = imported
    assert sorted(int(p.stem[8:]) for p in arch.rglob("article_*.md")) == planted["ids"]
    for path in src.rglob("article_*.md"):
        rel = path.relative_to(src)
        assert (arch / rel).exists()
        result = CliRunner().invoke(main, ["show", path.stem[8:], "--original", "--archive", str(arch)])
        assert result.exit_code == 0
        assert result.stdout_bytes == path.read_bytes()


def test_second_import_changes_nothing(imported) -> None:  # type: ignore[no-untyped-def]
    src, arch, _ = imported
    before = tree_hashes(arch)
    with Archive(arch) as a:
        rows_before = a.db.execute("SELECT COUNT(*), SUM(length(sha256)) FROM articles").fetchone()[:]
        repairs_before = a.db.execute("SELECT COUNT(*) FROM repairs").fetchone()[0]
    out = json.loads(run("import", str(src), "--archive", str(arch), "--json"))
    assert out["new"] == 0 and out["updated"] == 0 and out["written"] == 0
    assert out["unchanged"] == len(before)
    assert tree_hashes(arch) == before
    with Archive(arch) as a:
        assert a.db.execute("SELECT COUNT(*), SUM(length(sha256)) FROM articles").fetchone()[:] == rows_before
        assert a.db.execute("SELECT COUNT(*) FROM repairs").fetchone()[0] == repairs_before


def test_relative_wayback_links_become_absolute(imported) -> None:  # type: ignore[no-untyped-def]
    _, arch, _ = imported
    for path in arch.rglob("article_*.md"):
        assert "](/web/" not in path.read_text()
    text = (arch / "articles/1-1000/article_130.md").read_text()
    assert "](https://web.archive.org/web/20210712025232/https://www.news.example.org/article/105/earlier)" in text


def test_boilerplate_is_moved_out_and_no_text_is_lost(imported) -> None:  # type: ignore[no-untyped-def]
    _, arch, _ = imported
    with Archive(arch) as a:
        for article_id in a.ids():
            original = a.original_bytes(article_id)
            assert original is not None
            before = load_bytes(original).body
            after = a.read_article(article_id).body
            removed = [r[0] for r in a.db.execute(
                "SELECT text FROM boilerplate WHERE article_id=? ORDER BY position", (article_id,))]
            links = a.db.execute(
                "SELECT SUM(count) FROM repairs WHERE article_id=? AND kind='relative_wayback_link'",
                (article_id,)).fetchone()[0] or 0
            # links grew by len("https://web.archive.org") each; boilerplate removed exactly
            assert len(before) + links * len("https://web.archive.org") - len(after) == sum(map(len, removed))
            assert sitegen.APPEAL not in after
            assert "**Blog |" not in after
            assert "【" not in after  # the bio went with the box
        bios = dict(a.db.execute("SELECT author, bio FROM author_bios").fetchall())
    assert bios == {author: sitegen.BIOS[author] for author in bios}
    assert len(bios) == len(sitegen.AUTHORS)


def test_copies_fold_into_one_story_and_aliases_still_resolve(imported) -> None:  # type: ignore[no-untyped-def]
    _, arch, planted = imported
    copies = planted["copies"]
    report = json.loads(run("report", "--archive", str(arch), "--json"))
    assert report["files"] == len(planted["ids"])
    assert report["aliases"] == 3  # 201, 203 → 202; 106 → 105
    assert report["stories"] == report["files"] - 3
    for key in ("files", "stories", "aliases", "defects", "date_range", "id_gaps"):
        assert key in report
    result = CliRunner().invoke(main, ["show", "201", "--archive", str(arch)])
    assert result.exit_code == 0
    assert "201 is an alias of story 202" in result.stderr
    assert result.stdout == (arch / "articles/1-1000/article_202.md").read_text()
    info = json.loads(run("show", "203", "--archive", str(arch), "--json"))
    assert info["story_id"] == copies["story"] and info["is_alias"]
    assert sorted(info["aliases"]) == copies["aliases"]
    assert "complete" in info["story"]["reason"]
    linked = json.loads(run("show", "106", "--archive", str(arch), "--json"))
    assert linked["story_id"] == 105 and "links point to" in linked["story"]["reason"]


def test_report_counts_defects_and_gaps(imported) -> None:  # type: ignore[no-untyped-def]
    _, arch, planted = imported
    report = json.loads(run("report", "--archive", str(arch), "--json"))
    n = len(planted["ids"])
    assert report["defects"]["relative_wayback_link"] == {"found": n, "repaired": n, "flagged": 0}
    assert report["defects"]["boilerplate"]["repaired"] == n
    assert report["defects"]["author_box"]["repaired"] == n
    assert report["id_gaps"] == [[161, 200]]
    assert report["date_range"]["from"] <= report["date_range"]["to"]
    text = run("report", "--archive", str(arch))
    assert "relative_wayback_link" in text and "aliases" in text


def test_bad_files_get_a_clear_message_and_the_import_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "src"
    sitegen.write_site(src, n=12)
    bad = {
        "junk/article_901.md": b"\x00\x01\x02\x03" * 100,
        "junk/article_902.md": b"",
        "junk/article_903.md": b'---\ntitle: "caf\xe9"\n---\n',
        "junk/article_904.md": b'---\ntitle: [unclosed\n: : :\n---\n\nbody text\n',
        "junk/notes.md": b'---\ntitle: "no id anywhere"\n---\n',
    }
    for name, data in bad.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(data)
    big = src / "junk" / "article_905.md"
    with open(big, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    arch = tmp_path / "arch"
    result = CliRunner().invoke(main, ["import", str(src), "--archive", str(arch), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    kinds = {p["member"]: p["kind"] for p in out["problems"]}
    assert kinds["junk/article_901.md"] == "binary"
    assert kinds["junk/article_902.md"] == "empty_file"
    assert kinds["junk/article_903.md"] == "invalid_utf8"
    assert kinds["junk/article_904.md"] == "invalid_yaml"
    assert kinds["junk/notes.md"] == "no_id"
    assert kinds["junk/article_905.md"] == "too_large"
    assert "binary" in result.stderr  # one clear line per file
    with Archive(arch) as a:
        # unreadable front matter: the file is kept as it was and flagged, not lost
        assert a.read_bytes(904) == bad["junk/article_904.md"]
        assert a.db.execute("SELECT status FROM articles WHERE id=904").fetchone()[0] == "unreadable"
        assert a.originals.get(hashlib.sha256(bad["junk/article_901.md"]).hexdigest()) == bad["junk/article_901.md"]
    report = json.loads(run("report", "--archive", str(arch), "--json"))
    assert report["defects"]["invalid_yaml"]["flagged"] == 1
    assert report["rejected_files"]["binary"] == 1


def test_control_characters_in_front_matter_are_repaired_and_reversible(tmp_path: Path) -> None:
    src = tmp_path / "src"
    sitegen.write_site(src, n=10)
    path = src / "articles/1-1000/article_103.md"
    original = path.read_bytes().replace(b'title: "Story number 103', b'title: "Story\x08 number 103')
    path.write_bytes(original)
    arch = tmp_path / "arch"
    run("import", str(src), "--archive", str(arch), "--quiet")
    fixed = load_bytes((arch / "articles/1-1000/article_103.md").read_bytes())
    assert fixed.title is not None and fixed.title.startswith("Story number 103")
    report = json.loads(run("report", "--archive", str(arch), "--json"))
    assert report["defects"]["invalid_yaml"] == {"found": 1, "repaired": 1, "flagged": 0}
    run("repair", "undo", "103", "--archive", str(arch))
    assert (arch / "articles/1-1000/article_103.md").read_bytes() == original
    run("repair", "redo", "103", "--archive", str(arch))
    assert load_bytes((arch / "articles/1-1000/article_103.md").read_bytes()).title == fixed.title


def test_undo_one_kind_keeps_the_others(imported) -> None:  # type: ignore[no-untyped-def]
    _, arch, _ = imported
    run("repair", "undo", "110", "--kind", "boilerplate", "--archive", str(arch))
    text = (arch / "articles/1-1000/article_110.md").read_text()
    assert sitegen.APPEAL in text  # boilerplate back …
    assert "](/web/" not in text  # … links still absolute
    run("repair", "redo", "110", "--kind", "boilerplate", "--archive", str(arch))
    assert sitegen.APPEAL not in (arch / "articles/1-1000/article_110.md").read_text()


def test_tarball_with_hostile_members_writes_nothing_outside(tmp_path: Path) -> None:
    src = tmp_path / "src"
    sitegen.write_site(src, n=8)
    tar = tmp_path / "a.tar.xz"
    with tarfile.open(tar, "w:xz") as tf:
        tf.add(src / "articles", arcname="articles")
        info = tarfile.TarInfo("../../outside/article_999.md")
        data = b'---\ntitle: "x"\n---\n'
        info.size = len(data)
        import io
        tf.addfile(info, io.BytesIO(data))
    arch = tmp_path / "work" / "arch"
    before = sorted(p for p in tmp_path.rglob("*") if "work" not in p.parts)
    out = json.loads(run("import", str(tar), "--archive", str(arch), "--json"))
    assert out["new"] == 8 + 3  # ids 101-108 plus the planted copies 201-203
    assert {p["kind"] for p in out["problems"]} == {"unsafe_path"}
    after = sorted(p for p in tmp_path.rglob("*") if "work" not in p.parts)
    assert after == before
    assert not (arch / "articles" / "article_999.md").exists()


def test_import_keeps_the_aliases_a_rescue_recorded(tmp_path: Path) -> None:
    src = tmp_path / "src"
    sitegen.write_site(src, n=10)
    arch = tmp_path / "arch"
    with Archive(arch) as a:  # as a rescue leaves it: id 999 redirected to story 101
        a.db.execute("INSERT INTO aliases VALUES (999, 101, 1.0, 'rescue:redirect')")
    run("import", str(src), "--archive", str(arch), "--quiet")
    run("import", str(src), "--archive", str(arch), "--quiet")
    with Archive(arch) as a:
        assert a.resolve(999) == (101, True)
        assert a.resolve(201) == (202, True)
    report = json.loads(run("report", "--archive", str(arch), "--json"))
    assert report["aliases"] == 4  # 999 (no file), 201, 203, 106
    assert report["stories"] == report["files"] - 3


def test_a_corrupt_archive_source_is_reported_and_the_others_imported(tmp_path: Path) -> None:
    src = tmp_path / "src"
    sitegen.write_site(src, n=5)
    bad = tmp_path / "broken.tar.gz"
    bad.write_bytes(b"not a tarball at all")
    arch = tmp_path / "arch"
    result = CliRunner().invoke(main, ["import", str(bad), str(src), "--archive", str(arch), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["new"] == 6 + 3  # 101-105, the twin 106, the copies 201-203
    assert [p["kind"] for p in out["problems"]] == ["bad_source"]
    assert "not a readable tar archive" in result.stderr


def _read_as_ptcp154(text: str) -> str:
    """Chinese UTF-8 read as Kazakh ptcp154, as one story of the real corpus was."""
    return text.encode("utf-8").decode("ptcp154")


def test_a_story_read_whole_as_a_cyrillic_codec_is_put_back_and_reversible(tmp_path: Path) -> None:
    src = tmp_path / "src"
    sitegen.write_site(src, n=10)
    title, category, tag = "失業回落　灣區報應到", "眾說", "失業率"
    body = ("\n# 失業回落　灣區報應到\n\n上周本港公佈的最新失業率由6.0%大跌至5.5%，當中三類行業跌得尤其明顯。\n\n"
            "電郵：[email\u00a0protected]\n")
    mangled_title = _read_as_ptcp154(title)
    assert "\u00a0" in mangled_title  # 報 is E5 A0 B1: its middle byte reads as a no-break space …
    mangled_title = mangled_title.replace("\u00a0", " ")  # … which became a plain space
    head, rest = body.split("[email", 1)
    mangled_body = _read_as_ptcp154(head) + "[email" + rest  # the address was written later, as it is
    article = sitegen.make_article(104, __import__("random").Random(1), title=mangled_title, body=mangled_body)
    article.meta.update(category=_read_as_ptcp154(category), tags=[_read_as_ptcp154(tag), "HK"])
    original = sitegen.dumps(article).encode()
    path = sitegen.write_file(src, 104, original)
    arch = tmp_path / "arch"
    run("import", str(src), "--archive", str(arch), "--quiet")

    fixed = load_bytes((arch / path.relative_to(src)).read_bytes())
    assert (fixed.title, fixed.meta["category"], fixed.meta["tags"]) == (title, category, [tag, "HK"])
    assert fixed.body == body
    report = json.loads(run("report", "--archive", str(arch), "--json"))
    assert report["defects"]["mojibake"]["repaired"] == 1 and report["defects"]["mojibake"]["flagged"] == 0
    assert report["per_category"].get(category) == 1

    run("repair", "undo", "104", "--kind", "mojibake", "--archive", str(arch))
    undone = load_bytes((arch / path.relative_to(src)).read_bytes())
    assert (undone.title, undone.body) == (mangled_title, mangled_body)
    run("repair", "redo", "104", "--kind", "mojibake", "--archive", str(arch))
    assert load_bytes((arch / path.relative_to(src)).read_bytes()).title == title


def test_real_cyrillic_and_mixed_text_are_left_alone() -> None:
    from newsark.repair.mojibake import legacy_round_trip, repair_text

    for text in ("Москва — столица России", "Привет, мир", "Қазақстан Республикасы",
                 _read_as_ptcp154("眾說") + " 眾說"):  # already holds Chinese: not read whole
        assert legacy_round_trip(text) is None
        assert repair_text(text, "title")[1] == []
    assert legacy_round_trip(_read_as_ptcp154("香港眾新聞")) == "香港眾新聞"


def test_halfwidth_punctuation_is_not_taken_for_mojibake() -> None:
    from newsark.repair.mojibake import repair_text

    # Hong Kong text writes halfwidth corner brackets and commas on purpose: not damage.
    assert repair_text("港鐵營運商 MTM Ltd.（｢MTM｣），營運、巴士･小輪", "body")[2] == []
    # Halfwidth katakana letters left by broken UTF-8 in Chinese text are, and U+FFFD.
    for damaged in ("像一個奇景，而內?￥ﾍﾻ是吶喊", "可享有為期一\ufffd上者"):
        (finding,) = repair_text(damaged, "body")[2]
        assert finding.detail.startswith("body: 1 suspicious characters near")
    # Only ftfy's doubt: flagged as such, with the place shown.
    (finding,) = repair_text("｢波羅的海之路」。有一種名為“Sostinė”的糖果非常受歡迎", "body")[2]
    assert "ftfy takes for possible mojibake" in finding.detail and "Sostinė" in finding.detail


def test_short_video_and_photo_stories_are_not_flagged_as_placeholders() -> None:
    from newsark.archive.article import Article
    from newsark.repair.flags import placeholder

    def body_of(body: str) -> Article:
        return Article(meta={"title": "西九文化區現況"}, body=body)

    caption = "\n西九文化區現狀──M+視覺文化博物館已見軀殼。\n"
    for media in ('{{< video src="https://web.archive.org/web/2021if_/https://roundme.com/embed/1" >}}',
                  '<figure>\n<img src="https://web.archive.org/web/2021im_/https://x.com/a.jpg" alt="">\n</figure>'):
        a = body_of(f"\n# 西九文化區現況\n\n{media}\n{caption}")
        assert placeholder(a, a.text()) is None
    poem = body_of("\n# 庚子中秋即事\n\n月照高樓夜未央，清光一片滿庭霜。\n")
    finding = placeholder(poem, poem.text())
    assert finding is not None and finding.kind == "short_body" and "text only" in finding.detail
    empty = body_of("\n# 西九文化區現況\n")
    finding = placeholder(empty, empty.text())
    assert finding is not None and (finding.kind, finding.detail) == ("placeholder_body", "empty body")


def _import_then_edit(tmp_path: Path, n: int, article_id: int, title: str) -> tuple[Path, Path, Path, str]:
    """Import a synthetic site, then change one article's title as a person would."""
    import os
    import time

    src = tmp_path / "src"
    sitegen.write_site(src, n=n)
    arch = tmp_path / "arch"
    run("import", str(src), "--archive", str(arch), "--quiet")
    path = arch / f"articles/1-1000/article_{article_id}.md"
    edited = path.read_text().replace(f'title: "Story number {article_id}', f'title: "{title}', 1)
    path.write_text(edited)
    later = time.time() + 5  # a person edits after the import, not within its second
    os.utime(path, (later, later))
    return src, arch, path, edited


def test_a_hand_edit_is_taken_in_and_never_overwritten(tmp_path: Path) -> None:
    src, arch, path, edited = _import_then_edit(tmp_path, 12, 110, "Corrected headline of 110")

    def invoke(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(main, list(args))
        return result.exit_code, result.output

    # Not yet taken in: undo leaves the file alone and says why.
    code, out = invoke("repair", "undo", "110", "--kind", "boilerplate", "--archive", str(arch))
    assert code == 1 and "edited by hand" in out and path.read_text() == edited
    # `index` takes the edit into the catalog and the search index.
    assert "took 1 article file(s) edited by hand into the catalog: 110" in run("index", "--archive", str(arch))
    with Archive(arch) as a:
        assert a.db.execute("SELECT title FROM articles WHERE id=110").fetchone()[0].startswith("Corrected headline")
        assert a.db.execute("SELECT COUNT(*) FROM hand_edits").fetchone()[0] == 1
    hits = [json.loads(line) for line in run("search", "Corrected", "--archive", str(arch), "--json").splitlines()]
    assert [h["id"] for h in hits if "id" in h] == [110]
    assert "took" not in run("index", "--archive", str(arch))  # once
    shown = json.loads(run("show", "110", "--json", "--archive", str(arch)))
    assert shown["hand_edit"]["sha256"] == hashlib.sha256(edited.encode()).hexdigest()
    assert shown["article"]["title"].startswith("Corrected headline")
    # A changed source would rewrite the file: the edit stays, and the import says so.
    src_file = src / "articles/1-1000/article_110.md"
    src_file.write_text(src_file.read_text().replace("Story number 110", "Story number 110, revised"))
    code, out = invoke("import", str(src), "--archive", str(arch))
    assert code == 0 and "kept 1 article file(s) edited by hand as they are (110)" in out
    assert path.read_text() == edited
    code, out = invoke("repair", "redo", "110", "--archive", str(arch))
    assert code == 1 and path.read_text() == edited
    assert json.loads(run("report", "--archive", str(arch), "--json"))["hand_edits"] == 1
    # Deleting the file drops the edit: redo writes it again from the original.
    path.unlink()
    run("repair", "redo", "110", "--archive", str(arch))
    assert "Corrected headline" not in path.read_text() and "Story number 110, revised" in path.read_text()
    assert json.loads(run("report", "--archive", str(arch), "--json"))["hand_edits"] == 0
    found = [json.loads(line) for line in run("search", "Corrected", "--archive", str(arch), "--json").splitlines()]
    assert 110 not in [h.get("id") for h in found]


def test_serve_takes_hand_edits_in_before_serving(tmp_path: Path) -> None:
    from newsark.commands.serve_cmd import update_index

    _, arch, _, _ = _import_then_edit(tmp_path, 6, 104, "Fixed by hand 104")
    update_index(arch)
    with Archive(arch) as a:
        assert a.db.execute("SELECT title FROM articles WHERE id=104").fetchone()[0].startswith("Fixed by hand")
        indexed = a.db.execute("SELECT sha256 FROM search_docs WHERE story_id=104").fetchone()[0]
        assert indexed == a.db.execute("SELECT sha256 FROM articles WHERE id=104").fetchone()[0]


def test_what_counts_as_a_hand_edit(tmp_path: Path) -> None:
    from newsark.archive.store import holds_hand_edit, sha256

    path = tmp_path / "article_1.md"
    assert not holds_hand_edit(path, "a" * 64, None, "b" * 64)  # no file: nothing to keep
    path.write_bytes(b"edited")
    edited = sha256(b"edited")
    assert holds_hand_edit(path, sha256(b"as written"), None, sha256(b"new"))  # not what newsark wrote
    assert holds_hand_edit(path, edited, edited, sha256(b"new"))  # the edit taken in
    assert not holds_hand_edit(path, sha256(b"as written"), None, edited)  # the very bytes a killed run wrote
    assert not holds_hand_edit(path, None, None, sha256(b"new"))  # no row yet: a killed run's file



def test_an_interrupted_import_is_not_taken_for_hand_edits(tmp_path: Path) -> None:
    import os
    import time

    # A run killed after its workers wrote files and before their rows were recorded
    # leaves rows pending (no digest yet); a rerun with another boilerplate model derives
    # other bytes, and must still write them.
    src = tmp_path / "src"
    sitegen.write_site(src, n=6)
    arch = tmp_path / "arch"
    run("import", str(src), "--archive", str(arch), "--quiet")
    path = arch / "articles/1-1000/article_103.md"
    with Archive(arch) as a:
        a.db.execute("UPDATE articles SET sha256='', status='pending' WHERE id=103")
    path.write_bytes(path.read_bytes().replace(b"Story number 103", b"Story number 103 (a killed run's bytes)"))
    later = time.time() + 5
    os.utime(path, (later, later))
    assert "took" not in run("index", "--archive", str(arch))  # nor taken in by index meanwhile
    result = CliRunner().invoke(main, ["import", str(src), "--archive", str(arch)])
    assert result.exit_code == 0 and "edited by hand" not in result.output
    assert b"killed run" not in path.read_bytes()
    with Archive(arch) as a:
        assert a.db.execute("SELECT status FROM articles WHERE id=103").fetchone()[0] != "pending"


def test_a_corrected_headline_keeps_its_copies(tmp_path: Path) -> None:
    import os
    import time

    src = tmp_path / "src"
    sitegen.write_site(src, n=6)
    arch = tmp_path / "arch"
    run("import", str(src), "--archive", str(arch), "--quiet")
    stories = json.loads(run("report", "--archive", str(arch), "--json"))["stories"]
    path = arch / "articles/1-1000/article_202.md"  # the canonical copy of 201-203
    path.write_text(path.read_text().replace('title: "Ferry strike ends after talks', 'title: "Ferry strike ends after long talks', 1))
    later = time.time() + 5
    os.utime(path, (later, later))
    run("index", "--archive", str(arch))
    # A later import folds the stories again (a changed source): the copies stay folded.
    changed = src / "articles/1-1000/article_104.md"
    changed.write_text(changed.read_text().replace("Story number 104", "Story number 104, revised"))
    run("import", str(src), "--archive", str(arch), "--quiet")
    assert json.loads(run("report", "--archive", str(arch), "--json"))["stories"] == stories
    shown = json.loads(run("show", "201", "--json", "--archive", str(arch)))
    assert shown["story_id"] == 202 and shown["article"]["title"] == "Ferry strike ends after long talks"
    assert shown["hand_edit"]["previous_title"] == "Ferry strike ends after talks"


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2021/01/03 10:00", "2021-01-03T10:00:00"),
        ("3 Jan 2021", "2021-01-03"),
        ("Sunday, 3 January 2021", "2021-01-03"),
        ("2021年1月3日", "2021-01-03"),
        ("1609639200", "2021-01-03T02:00:00+00:00"),  # epoch seconds (UTC)
        ("Sun, 03 Jan 2021 10:00:00 +0800", "2021-01-03T10:00:00+08:00"),  # RSS's pubDate (RFC 5322)
        ("Sun, 03 Jan 2021 02:00:00 GMT", "2021-01-03T02:00:00+00:00"),
        ("2021-01-03 10:00 HKT", "2021-01-03T10:00:00+08:00"),  # a zone that is one zone anywhere
        ("2021年1月3日 10:00 (HKT)", "2021-01-03T10:00:00+08:00"),
        ("2021年1月3日 10︰00", "2021-01-03T10:00:00"),  # Hong Kong's colon (U+FE30)
        ("Nov 18, 2019 9:24 pm ET", "2019-11-18T21:24:00-05:00"),  # US Eastern, in force that day
    ],
)
def test_dates_written_another_way_become_iso_and_the_change_is_undoable(
    tmp_path: Path, written: str, iso: str
) -> None:
    src = tmp_path / "src"
    sitegen.write_site(src, n=10)
    path = src / "articles/1-1000/article_104.md"
    text = path.read_text(encoding="utf-8")
    original = re.sub(r'^date: .*$', f'date: "{written}"', text, count=1, flags=re.MULTILINE).encode()
    path.write_bytes(original)
    arch = tmp_path / "arch"
    run("import", str(src), "--archive", str(arch), "--quiet")
    assert load_bytes((arch / "articles/1-1000/article_104.md").read_bytes()).date == iso
    with Archive(arch, create=False) as a:
        assert a.db.execute("SELECT date FROM articles WHERE id=104").fetchone()[0] == iso
    report = json.loads(run("report", "--archive", str(arch), "--json"))
    assert report["defects"]["date_format"] == {"found": 1, "repaired": 1, "flagged": 0}
    assert "invalid" not in report["per_year"]
    run("repair", "undo", "104", "--kind", "date_format", "--archive", str(arch))
    assert load_bytes((arch / "articles/1-1000/article_104.md").read_bytes()).date == written
    run("repair", "undo", "104", "--archive", str(arch))  # every repair: the file as it came
    assert (arch / "articles/1-1000/article_104.md").read_bytes() == original


# ('CST' is China's or the US Central's: not guessed)
@pytest.mark.parametrize("written", ["yesterday", "Posted 3 Jan 2021 by the desk", "2021-13-45",
                                     "2021-01-03 10:00 CST"])
def test_a_date_that_cannot_be_read_is_kept_as_written_and_flagged(tmp_path: Path, written: str) -> None:
    src = tmp_path / "src"
    sitegen.write_site(src, n=10)
    path = src / "articles/1-1000/article_104.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'^date: .*$', f'date: "{written}"', text, count=1, flags=re.MULTILINE), encoding="utf-8")
    arch = tmp_path / "arch"
    run("import", str(src), "--archive", str(arch), "--quiet")
    assert load_bytes((arch / "articles/1-1000/article_104.md").read_bytes()).date == written
    report = json.loads(run("report", "--archive", str(arch), "--json"))
    assert report["defects"]["invalid_date"] == {"found": 1, "repaired": 0, "flagged": 1}
    assert report["per_year"]["invalid"] == 1
    assert written not in (report["date_range"]["from"], report["date_range"]["to"])


_ZH_BODY = ("香港國際機場今日宣布新措施，乘客需要提前三小時到達機場辦理登機手續。記者在現場看到，"
            "不少旅客排隊等候。這段文字用來測試匯入的編碼處理，啲嘅嚟咗都要保留。")
_ZH_FILE = ('---\ntitle: "香港機場新措施"\ndate: "2021-01-03T10:00:00+08:00"\nauthor: "記者"\n'
            'category: "港聞"\ntags:\n  - "機場"\n---\n\n# 香港機場新措施\n\n' + _ZH_BODY + "\n")


_ZH_SIMPLIFIED = _ZH_FILE.translate(str.maketrans("國際機場宣佈須時達辦理記現隊這測試匯處編碼",
                                                  "国际机场宣布须时达办理记现队这测试汇处编码"))


@pytest.mark.parametrize(("name", "text", "raw", "kind"), [
    ("big5hkscs", _ZH_FILE, _ZH_FILE.encode("big5hkscs"), "legacy_encoding"),  # (啲嘅嚟咗: HKSCS only)
    ("gb18030", _ZH_SIMPLIFIED, _ZH_SIMPLIFIED.encode("gb18030"), "legacy_encoding"),
    ("utf-16", _ZH_FILE, b"\xff\xfe" + _ZH_FILE.encode("utf-16-le"), "legacy_encoding"),
])
def test_a_file_in_another_encoding_is_read_in_it_and_its_bytes_kept(
    tmp_path: Path, name: str, text: str, raw: bytes, kind: str
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "article_301.md").write_bytes(raw)
    arch = tmp_path / "arch"
    run("import", str(src), "--archive", str(arch), "--quiet")
    art = load_bytes((arch / "articles/1-1000/article_301.md").read_bytes())
    assert art.body.strip() == text.split("---\n\n", 1)[1].strip() and art.title and art.title in text
    report = json.loads(run("report", "--archive", str(arch), "--json"))
    assert report["defects"][kind] == {"found": 1, "repaired": 1, "flagged": 0}
    assert "mojibake" not in report["defects"]
    original = CliRunner().invoke(main, ["show", "301", "--original", "--archive", str(arch)])
    assert original.stdout_bytes == raw


def test_a_utf8_file_with_a_damaged_byte_is_imported_with_the_damage_flagged(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    data = _ZH_FILE.encode("utf-8")
    cut = data.index("排隊".encode())
    (src / "article_302.md").write_bytes(data[: cut + 1] + data[cut + 3 :])  # '排' loses two of its bytes
    # a Latin-1 file is not taken for damaged UTF-8: too many of its bytes would be damage
    (src / "article_303.md").write_bytes('---\ntitle: "Café"\n---\n\nA café. Crème brûlée. Déjà vu.\n'.encode("cp1252"))
    arch = tmp_path / "arch"
    run("import", str(src), "--archive", str(arch), "--quiet")
    art = load_bytes((arch / "articles/1-1000/article_302.md").read_bytes())
    assert "不少旅客\ufffd隊等候" in art.body
    report = json.loads(run("report", "--archive", str(arch), "--json"))
    assert report["defects"]["damaged_utf8"] == {"found": 1, "repaired": 1, "flagged": 0}
    assert report["defects"]["mojibake"]["flagged"] == 1  # the U+FFFD, for a person to check
    assert report["rejected_files"] == {"invalid_utf8": 1}
