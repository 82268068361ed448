"""Scenario (b): a fault storm (429 bursts, refusals, 5xx, outage pages, truncated and
blank-encoded gzip bodies, repeated CDX rows) still gives the complete archive."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from harness import cli
from harness.checks import check_archive
from harness.faults import FaultPlan
from harness.ratelog import pause_violations, rate_violations
from harness.world import World

from newsark.archive.store import Archive

pytestmark = pytest.mark.slow
MAX_RUNS = 3


def test_fault_storm_gives_the_complete_archive(synthetic_world: World, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    summaries = []
    with synthetic_world.layer(FaultPlan.storm(seed=3), cdx_max_page=300) as ia:
        for _ in range(MAX_RUNS):  # work the archive itself could not serve may be postponed
            proc = cli.run(cli.rescue_args(synthetic_world.site.host, archive, ia.base_url,
                                           (*cli.FAST, "--json")), timeout=600)
            assert proc.returncode == 0, proc.stderr[-3000:]
            summary = json.loads(proc.stdout[proc.stdout.index("{"):])
            summaries.append(summary)
            assert summary["failed"] == 0, summary
            if summary["postponed"] == 0:
                break
        log = ia.log.items()
    print(f"storm: {len(summaries)} run(s); postponed per run {[s['postponed'] for s in summaries]}; "
          f"faults {dict(Counter(i.fault for i in log if i.fault))}")
    # Every kind of fault really happened, so the scenario cannot pass vacuously.
    faults = Counter(i.fault for i in log)
    for kind in ("429", "5xx", "outage", "truncate", "gzip-blank"):
        assert faults[kind] > 0, f"no {kind} fault was injected"
    assert any(i.kind == "refusal" and i.fault == "refuse" for i in log)
    assert not any(i.kind == "refusal" and i.fault == "ban" for i in log), "client kept going after 429s"
    assert summaries[-1]["postponed"] == 0, f"still postponed after {MAX_RUNS} runs"
    check = check_archive(synthetic_world.site, archive)
    assert check.problems(ignore=("unfolded",)) == [], check.examples
    assert check.rescued == len(synthetic_world.site.stories)
    with Archive(archive, create=False) as arch:
        failed = arch.db.execute(
            "SELECT count(*) FROM rescue_stories WHERE state NOT IN ('written', 'aliased')"
        ).fetchone()[0]
    assert failed == 0
    requests = [i for i in log if i.kind in ("cdx", "replay")]
    assert rate_violations([i for i in requests if i.kind == "replay"], per_second=200) == []
    assert rate_violations([i for i in requests if i.kind == "cdx"], per_second=10) == []
    assert pause_violations(requests, pause=1.0) == []
