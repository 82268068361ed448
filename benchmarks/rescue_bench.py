"""Rescue benchmark: the clean synthetic scenario (520 stories with aliases, redirects and
several captures each) rescued by ``newsark rescue`` through pywb and the IA-compatible
layer of the test harness. Prints replay requests per rescued story (CDX requests counted
apart, from the layer's own log) and the wall time of each run (median of --runs).

    .venv/bin/python benchmarks/rescue_bench.py [--stories 520] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "sources"))

from harness import cli
from harness.checks import check_archive
from harness.ratelog import rate_violations
from harness.synthetic import synthetic_site
from harness.world import World


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=520)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--replay-rate", default="200")
    parser.add_argument("--cdx-rate", default="600")
    args = parser.parse_args()
    site = synthetic_site(args.stories, seed=7)
    world = World.start(site)
    rates = ("--cdx-rate", args.cdx_rate, "--replay-rate", args.replay_rate,
             "--pause-429", "1", "--pause-refused", "2")
    seconds, ratios = [], []
    try:
        for n in range(args.runs):
            with world.layer() as ia, tempfile.TemporaryDirectory() as tmp:
                archive = Path(tmp) / "archive"
                start = time.monotonic()
                proc = cli.run(cli.rescue_args(site.host, archive, ia.base_url, rates), timeout=1800)
                elapsed = time.monotonic() - start
                if proc.returncode != 0:
                    raise SystemExit(f"rescue failed: {proc.stderr[-2000:]}")
                log = ia.log.items()
                check = check_archive(site, archive)
                replay = sum(1 for i in log if i.kind == "replay")
                cdx = sum(1 for i in log if i.kind == "cdx")
                ratio = replay / len(site.stories)
                seconds.append(elapsed)
                ratios.append(ratio)
                print(json.dumps({
                    "run": n + 1, "stories": len(site.stories), "ids": len(site.all_ids()),
                    "captures": len(site.captures), "rescued": check.rescued,
                    "problems": check.problems(), "replay_requests": replay, "cdx_requests": cdx,
                    "replay_per_rescued_story": round(ratio, 3), "seconds": round(elapsed, 1),
                    "replay_rate_violations": rate_violations(
                        [i for i in log if i.kind == "replay"], float(args.replay_rate)),
                }, ensure_ascii=False))
    finally:
        world.stop()
    print(f"replay requests per rescued story: {statistics.median(ratios):.3f} "
          f"(CDX counted apart); median wall time {statistics.median(seconds):.1f}s over "
          f"{args.runs} run(s) at --replay-rate {args.replay_rate}/s --cdx-rate {args.cdx_rate}/min")


if __name__ == "__main__":
    main()
