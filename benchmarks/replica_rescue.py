"""Rescue of the hkcnews replica (real corpus stories published as the site would have,
captured into WARCs, served by pywb behind the IA-compatible layer of the test harness).
Prints what came back compared with the corpus: stories found, aliases folded, template
leaks, metadata mismatches, text recall, replay requests per story and wall time.

    .venv/bin/python benchmarks/replica_rescue.py [--stories 2000] [--window 20001 32001]

Needs ../shared/corpora/hkcnews-article-archive.tar.xz; nothing of it is written to the repo.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "sources"))

from harness import cli
from harness.checks import check_archive, norm
from harness.ratelog import rate_violations
from harness.replica import CORPUS, corpus_available, corpus_replica
from harness.world import World

from newsark.archive.store import Archive


def recall(expected: tuple[str, ...], body: str) -> float:
    wanted = [norm(p) for p in expected if norm(p)]
    total = sum(len(p) for p in wanted)
    return sum(len(p) for p in wanted if p in body) / total if total else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--window", type=int, nargs=2, default=(20001, 32001))
    args = parser.parse_args()
    if not corpus_available():
        raise SystemExit(f"corpus not found at {CORPUS}")
    start = time.monotonic()
    site = corpus_replica(args.stories, window=tuple(args.window))
    built = time.monotonic() - start
    with tempfile.TemporaryDirectory() as tmp:
        world = World.start(site, Path(tmp) / "world")
        try:
            with world.layer(cdx_max_page=5000) as ia:
                archive = Path(tmp) / "archive"
                start = time.monotonic()
                proc = cli.run(cli.rescue_args(site.host, archive, ia.base_url), timeout=3600)
                seconds = time.monotonic() - start
                log = ia.log.items()
            if proc.returncode != 0:
                raise SystemExit(f"rescue failed: {proc.stderr[-2000:]}")
            check = check_archive(site, archive, check_text=False)
            recalls, captions = [], []
            with Archive(archive, create=False) as arch:
                present = set(arch.ids())
                for story in site.stories:
                    cid = arch.resolve(story.ids[0])[0]
                    if cid in present:
                        body = norm(arch.read_article(cid).body)
                        recalls.append(recall(story.paragraphs, body))
                        if story.captions:
                            captions.append(recall(story.captions, body))
        finally:
            world.stop()
    replay = sum(1 for i in log if i.kind == "replay")
    print(json.dumps({
        "stories": len(site.stories), "ids": len(site.all_ids()), "captures": len(site.captures),
        "rescued": check.rescued, "missing": len(check.missing), "unfolded": len(check.unfolded),
        "merged": len(check.merged), "extra_articles": len(check.extra),
        "template_leaks": len(check.template_leaks), "metadata_mismatches": dict(check.wrong),
        "examples": check.examples[:5],
        "text_recall_mean": round(sum(recalls) / max(1, len(recalls)), 4),
        "stories_text_recall_below_0.9": sum(r < 0.9 for r in recalls),
        "caption_recall_mean": round(sum(captions) / max(1, len(captions)), 4),
        "replay_requests": replay, "cdx_requests": sum(1 for i in log if i.kind == "cdx"),
        "replay_per_story": round(replay / len(site.stories), 3),
        "rate_violations": rate_violations([i for i in log if i.kind == "replay"], 200.0),
        "build_seconds": round(built, 1), "rescue_seconds": round(seconds, 1),
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
