"""Query plans: date windows as id ranges, and the title-and-lead tier."""

from __future__ import annotations

import pytest

from newsark.archive.store import Archive
from newsark.search import engine, search, sync_index
from newsark.search.plan import Source, date_bounds, id_ranges
from tests.search.conftest import write_story


@pytest.fixture()
def numbered(archive: Archive) -> Archive:
    """Stories numbered in publishing order (as news sites do), plus two strays."""
    for i in range(40):
        day = f"2020-{1 + i // 4:02d}-{1 + i % 4 * 7:02d}"
        write_story(archive, {"id": 1000 + i, "title": f"區議會新聞第{i}號", "date": day,
                              "author": "記者", "category": "眾聞", "tags": [],
                              "body": "區議會今日開會。" + "會議內容。" * 50  # past the lead
                              + ("補選" if i % 3 == 0 else "預算")})
    # a story whose date is far from its neighbours' (e.g. an old story re-published)
    write_story(archive, {"id": 9000, "title": "區議會舊聞補選", "date": "2020-03-08",
                          "author": "記者", "category": "眾聞", "tags": [], "body": "區議會舊聞。"})
    sync_index(archive)
    return archive


def test_date_window_becomes_id_ranges(numbered: Archive) -> None:
    ranges = id_ranges(numbered.db, date_bounds("2020-03", "2020-04"))
    assert ranges and all(lo <= hi for lo, hi in ranges)
    window = [r[0] for r in numbered.db.execute(
        "SELECT story_id FROM search_attrs WHERE day BETWEEN '2020-03' AND '2020-04-99'")]
    assert all(any(lo <= i <= hi for lo, hi in ranges) for i in window)  # covers the window
    assert (9000, 9000) in ranges  # the stray is its own range, not a span over everything
    assert id_ranges(numbered.db, None) == ()


def test_ranges_never_change_the_results(numbered: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    def run() -> tuple[int, list[int]]:
        res = search(numbered, "區議會 補選", date_from="2020-03", date_to="2020-05-15",
                     limit=100, facets=False)
        return res.total, sorted(h.id for h in res.hits)

    with_ranges = run()
    assert "id ranges" in search(numbered, "區議會", date_from="2020-03", date_to="2020-05-15").plan
    monkeypatch.setattr(engine, "id_ranges", lambda db, bounds: ())
    assert run() == with_ranges
    assert with_ranges[0] == len(with_ranges[1]) > 0
    assert 9000 in with_ranges[1]


def test_runs_follow_the_index(numbered: Archive) -> None:
    before = numbered.db.execute("SELECT count(*) FROM search_runs").fetchone()[0]
    assert before > 0
    numbered.db.execute("UPDATE articles SET status = 'unreadable' WHERE id = 9000")
    sync_index(numbered)
    months = {r[0] for r in numbered.db.execute("SELECT month FROM search_runs WHERE lo = 9000")}
    assert months == set()


def test_source_sql_has_one_arm_per_range() -> None:
    src = Source("search_fts", (1.0,), ((1, 5), (10, 20)))
    assert src.sql().count("UNION ALL") == 1
    assert src.params("x") == ["x", 1, 5, "x", 10, 20]
    assert "bm25" not in src.sql(scored=False)


def test_many_matches_rank_the_title_tier(numbered: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "NEAR_MAX_MATCHES", 0)
    full = search(numbered, "區議會", limit=5, facets=False)
    assert full.plan == "all matches"
    monkeypatch.setattr(engine, "HEAD_MIN", 1)
    tiered = search(numbered, "區議會", limit=5, facets=False)
    assert tiered.plan == "title tier"
    assert tiered.total == full.total == 41  # the total still counts every match
    assert len(tiered.hits) == 5
    assert all("區議會" in h.title for h in tiered.hits)


def test_title_tier_falls_back_when_too_few_titles_match(
    numbered: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "HEAD_MIN", 1)
    monkeypatch.setattr(engine, "NEAR_MAX_MATCHES", 0)
    # 補選 is in one title; elsewhere in bodies past the lead only: the page is still filled
    res = search(numbered, "補選", limit=5, facets=False)
    assert res.plan == "all matches"  # the tier had one story for a page of five
    assert res.total == 15 and len(res.hits) == 5
    assert res.hits[0].id == 9000  # its title matches: first either way


def test_title_tier_keeps_exclusions_in_the_body(numbered: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "HEAD_MIN", 1)
    monkeypatch.setattr(engine, "NEAR_MAX_MATCHES", 0)
    res = search(numbered, "區議會 -補選", limit=50, facets=False)
    assert res.total == 26 and len(res.hits) == 26
    excluded = {1000 + i for i in range(0, 40, 3)} | {9000}  # 補選 past the lead, or in the title
    assert not excluded & {h.id for h in res.hits}
