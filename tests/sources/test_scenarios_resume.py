"""Scenario (c): ``kill -9`` of the rescue at 5 random moments, then run it again: the
archive is identical to a clean run's and nothing was fetched twice."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from harness import cli
from harness.checks import article_files, extra_fetches
from harness.ratelog import LoggedRequest
from harness.world import World

pytestmark = pytest.mark.slow
KILLS = 5


def test_kill9_at_random_moments_then_resume(clean_rescue, synthetic_world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert clean_rescue.proc.returncode == 0, clean_rescue.proc.stderr[-3000:]
    layer = clean_rescue.layer  # same port as the clean run: capture URLs in files match
    layer.log.clear()
    archive = tmp_path / "archive"
    # A slower CDX budget (2/s) so that the first kill lands during the paged listing.
    rates = ("--cdx-rate", "120", *cli.FAST[2:])
    cmd = cli.rescue_args(synthetic_world.site.host, archive, layer.base_url, rates)
    rng = random.Random(20260104)
    killed_running = 0
    for n in range(KILLS):
        # Startup takes about a second; kill during the listing first, then somewhere in
        # the first sixth of a clean run.
        moment = rng.uniform(1.2, 2.5) if n == 0 else rng.uniform(1.0, 1.0 + clean_rescue.seconds / 6)
        proc = cli.start(cmd, tmp_path / "runs.log")
        try:
            proc.wait(timeout=moment)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            killed_running += 1
            layer.log.add(LoggedRequest(time.monotonic(), "kill", "", 0))
        time.sleep(0.05)
    final = cli.run(cmd, timeout=600)
    assert final.returncode == 0, final.stderr[-3000:]
    log = layer.log.items()
    assert killed_running >= 3, "the rescue finished before most kills: kill earlier"
    assert article_files(archive) == article_files(clean_rescue.archive)
    # Only a request in flight at a kill may be asked again (the clean run's own retries of a
    # bad capture are not counted against resume).
    again = extra_fetches(log, clean_rescue.log)
    assert sum(again.values()) <= killed_running, _story_of_refetches(log, again)
    kills = [i.t for i in log if i.kind == "kill"]
    cdx_times = [i.t for i in log if i.kind == "cdx"]
    assert kills and cdx_times and kills[0] < max(cdx_times), "no kill interrupted the listing"
    cdx = sum(1 for i in log if i.kind == "cdx")
    clean_cdx = sum(1 for i in clean_rescue.log if i.kind == "cdx")
    assert cdx <= clean_cdx + killed_running


def _story_of_refetches(log: list[LoggedRequest], again: object) -> str:
    """The log around each kill, to tell which requests were repeated and when."""
    lines = []
    keys = set(again)  # type: ignore[call-overload]
    for item in log:
        if item.kind == "kill" or (item.ts, item.url) in keys:
            lines.append(f"{item.t:.2f} {item.kind} {item.status} {item.ts} {item.url[-50:]}")
    return "\n".join(lines)
