"""Scenario (a): a clean 520-story site with aliases, redirects and several captures each,
rescued by the real ``newsark rescue`` command through pywb and the IA layer."""

from __future__ import annotations

import json

import pytest
from harness.checks import check_archive, replays_per_story
from harness.ratelog import pause_violations, rate_violations
from harness.world import World

from newsark.archive.store import Archive

pytestmark = pytest.mark.slow


def test_clean_site_every_story_rescued_once(clean_rescue, synthetic_world: World) -> None:  # type: ignore[no-untyped-def]
    assert clean_rescue.proc.returncode == 0, clean_rescue.proc.stderr[-3000:]
    check = check_archive(synthetic_world.site, clean_rescue.archive)
    assert check.problems(ignore=("unfolded",)) == [], check.examples
    assert check.rescued == len(synthetic_world.site.stories)


def test_clean_site_aliases_folded(clean_rescue, synthetic_world: World) -> None:  # type: ignore[no-untyped-def]
    """Slug, scheme, www and query variants, redirects and second ids: one story each."""
    check = check_archive(synthetic_world.site, clean_rescue.archive)
    assert check.unfolded == []


def test_clean_site_replay_budget_and_rates(clean_rescue, synthetic_world: World) -> None:  # type: ignore[no-untyped-def]
    log = clean_rescue.log
    stories = len(synthetic_world.site.stories)
    ratio = replays_per_story(log, stories)
    print(f"replay requests per rescued story: {ratio:.3f}; cdx requests: "
          f"{sum(1 for i in log if i.kind == 'cdx')}; run {clean_rescue.seconds:.1f}s")
    assert ratio <= 1.2
    assert rate_violations([i for i in log if i.kind == "replay"], per_second=200) == []
    assert rate_violations([i for i in log if i.kind == "cdx"], per_second=600 / 60) == []
    assert pause_violations(log, pause=1.0) == []
    assert {i.flag for i in log if i.kind == "replay"} == {"id_"}
    assert not [i for i in log if i.kind == "other"]
    # The listing was paged with resume keys (the layer clamps pages to 300 rows), each page once.
    pages = [i.url for i in log if i.kind == "cdx"]
    assert len(pages) >= -(-len(synthetic_world.site.captures) // 300)
    assert len(set(pages)) == len(pages)


def test_clean_site_summary_is_honest(clean_rescue, synthetic_world: World) -> None:  # type: ignore[no-untyped-def]
    summary = json.loads(clean_rescue.proc.stdout[clean_rescue.proc.stdout.index("{"):])
    log = clean_rescue.log
    assert summary["requests"]["replay"] == sum(1 for i in log if i.kind == "replay")
    assert summary["requests"]["cdx"] == sum(1 for i in log if i.kind == "cdx")
    assert summary["failed"] == 0
    with Archive(clean_rescue.archive, create=False) as archive:
        assert summary["written"] == len(archive.ids())
        assert summary["aliased"] == archive.db.execute("SELECT count(*) FROM aliases").fetchone()[0]
