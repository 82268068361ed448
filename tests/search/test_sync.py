from __future__ import annotations

import pytest

from newsark.archive.article import make_article
from newsark.archive.store import Archive
from newsark.search import index as index_mod
from newsark.search import rebuild_index, search, sync_index


def ids(archive: Archive, q: str) -> set[int]:
    return {h.id for h in search(archive, q, facets=False, limit=100).hits}


def test_sync_adds_changes_and_removes(archive: Archive) -> None:
    first = sync_index(archive)
    assert first["indexed"] == 6 and first["stories"] == 6  # 105 is an alias of 104
    archive.write_article(103, make_article(title="天文台取消警告", body_markdown="雨停了。",
                                            date="2021-05-01", category="眾聞"))
    archive.write_article(108, make_article(title="新文章", body_markdown="颱風來了。", date="2022-01-01"))
    archive.db.execute("INSERT INTO aliases VALUES (106, 107, 0.9, 'test')")  # 106 folds away
    result = sync_index(archive)
    assert (result["indexed"], result["removed"]) == (2, 1)
    assert ids(archive, "黃色暴雨") == set() and ids(archive, "雨停") == {103}
    assert ids(archive, "颱風") == {108}
    assert ids(archive, "倫敦") == {107}
    hit = search(archive, "倫敦").hits[0]
    assert hit.aliases == [106]
    # the contentless index really forgot the old tokens (no stale rowid match)
    assert archive.db.execute(
        "SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"暴雨\"'"
    ).fetchone()[0] == 0


def test_crash_mid_sync_leaves_a_usable_index(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    sync_index(archive)
    for story_id in (101, 102, 103):
        archive.write_article(story_id, make_article(title=f"更新{story_id}",
                                                     body_markdown=f"新內容{story_id}號"))
    monkeypatch.setattr(index_mod, "BATCH", 1)
    real = index_mod._prepare_file
    calls = {"n": 0}

    def crashing(job):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("simulated crash")
        return real(job)

    monkeypatch.setattr(index_mod, "_prepare_file", crashing)
    with pytest.raises(KeyboardInterrupt):
        sync_index(archive)
    # The first batch was committed, the rest still shows the old text: usable either way.
    assert ids(archive, "新內容101號") == {101}
    assert ids(archive, "倫敦") == {106, 107}
    assert ids(archive, "天文台") == {103}
    monkeypatch.setattr(index_mod, "_prepare_file", real)
    result = sync_index(archive)
    assert result["indexed"] == 2
    assert ids(archive, "新內容") == {101, 102, 103}
    assert ids(archive, "天文台") == set()


def test_rebuild_matches_incremental(archive: Archive) -> None:
    sync_index(archive)
    before = {q: ids(archive, q) for q in ("倫敦", "港", "科興", "iphone")}
    assert rebuild_index(archive)["indexed"] == 6
    assert {q: ids(archive, q) for q in before} == before


def test_unreadable_files_are_skipped(archive: Archive) -> None:
    archive.path_for(102).write_bytes(b"\x00\x01 not an article")
    result = sync_index(archive)
    assert result["unreadable"] == 1 and result["stories"] == 5
    assert ids(archive, "iphone") == set()


@pytest.mark.slow
def test_bulk_path_with_worker_processes(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    """The path big imports take: worker processes, big batches, merge at the end."""
    monkeypatch.setattr(index_mod, "PARALLEL_MIN", 2)
    assert index_mod._workers(6) >= 1
    result = rebuild_index(archive)
    assert result["indexed"] == 6
    assert ids(archive, "郑若骅") == {101}
    assert ids(archive, "倫敦") == {106, 107}
