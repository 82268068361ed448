"""The extraction benchmarks still run: each on the first pages of the development sets.

Numbers are not checked here (benchmarks print them; see docs/extraction.md); these
tests catch a benchmark that no longer runs after a change to the code it wraps, as
extract_steps.py did once when ``from_trafilatura`` grew an option its timer did not pass.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO.parent / "shared" / "eval" / "extract"

pytestmark = pytest.mark.skipif(not EVAL.is_dir(), reason=f"no development sets at {EVAL}")


def _run(script: str, *args: str) -> str:
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / script), *args],
                          check=False, capture_output=True, text=True, timeout=300, cwd=REPO)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_extract_bench_scores_every_extractor() -> None:
    out = _run("extract_bench.py", "--sets", "wcxb-dev-articles", "--limit", "4")
    for name in ("newsark", "trafilatura", "readability"):
        assert any(line.startswith(name) for line in out.splitlines()), out


def test_extract_steps_times_trafilatura_and_readability_steps() -> None:
    # WCXB 0016, among the first pages, is one where a doubt asks readability
    out = _run("extract_steps.py", "--limit", "20", "--cold")
    assert "trafilatura / newsark" in out
    assert "trafilatura (main)" in out and "trafilatura (full)" in out and "extract_metadata" in out


def test_metadata_and_figure_benchmarks_run() -> None:
    assert "wcxb-dev-articles" in _run("metadata_bench.py", "--sets", "wcxb-dev-articles", "--limit", "3",
                                       "--runs", "1")
    assert "captioned figures" in _run("figure_pairs.py", "--limit", "3")



def test_doubt_cost_reports_the_doubted_pages_and_the_third_opinion() -> None:
    # WCXB 0016, among the first pages, is doubted (see the extract_steps test above)
    out = _run("doubt_cost.py", "--sets", "wcxb-dev-articles", "--limit", "20")
    assert "all doubted pages" in out and "missed" in out, out
    out = _run("doubt_cost.py", "--sets", "wcxb-dev-articles", "--limit", "3", "--without-full")
    assert "as extracted" in out and "without the full pipeline" in out, out

CORPUS = REPO.parent / "shared" / "corpora" / "hkcnews-article-archive.tar.xz"


@pytest.mark.skipif(not CORPUS.is_file(), reason=f"no corpus at {CORPUS}")
def test_corpus_tails_reads_the_corpus_bodies() -> None:
    out = _run("corpus_tails.py", "--limit", "60")
    assert out.startswith("60 files with an author") and "drop_author_box cut" in out, out
