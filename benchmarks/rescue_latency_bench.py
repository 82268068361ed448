"""Rescue against a slow archive: stories per second with replay requests sent one at a
time (--parallel 1) or several in flight (--parallel 4), all under the same --replay-rate.

The server is the small IA-compatible test server of tests/sources (our own synthetic
pages), answering each replay after --delay seconds, as the Wayback Machine's 1-3 s do.
Prints, per setting, the median over --runs of wall time, stories/s and replay requests
per written story.

    .venv/bin/python benchmarks/rescue_latency_bench.py [--stories 120] [--delay 0.5] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "sources"))

from sitegen import HOST, build_site

from newsark.sources.rescue import RescueOptions, rescue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=120)
    parser.add_argument("--delay", type=float, default=0.5)
    parser.add_argument("--replay-rate", type=float, default=4.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ia = build_site(args.stories, bad=False).start()
    ia.delay = args.delay
    try:
        for parallel in (1, 4):
            times, ratios, written = [], [], 0
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory() as tmp:
                    opts = RescueOptions(wayback=ia.base, cdx_rate=600, replay_rate=args.replay_rate,
                                         pause_429=1, pause_refused=1, parallel=parallel)
                    start = time.monotonic()
                    s = rescue(HOST, Path(tmp) / "a", opts)
                    times.append(time.monotonic() - start)
                    assert s.tally is not None
                    written = s.tally.written
                    ratios.append(s.requests.get("replay", 0) / max(1, written))
            t = statistics.median(times)
            print(f"--parallel {parallel}: {written} stories written in {t:.1f}s "
                  f"({written / t:.2f} stories/s) at --replay-rate {args.replay_rate}/s, "
                  f"replay delay {args.delay}s; replay requests per written story "
                  f"{statistics.median(ratios):.3f} (median of {args.runs})")
    finally:
        ia.stop()


if __name__ == "__main__":
    main()
