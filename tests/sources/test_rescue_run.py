"""Rescue and ingest end to end against a small IA-compatible server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from _fakeia import FakeIA
from sitegen import HOST, build_site

from newsark.archive.store import Archive
from newsark.commands.rescue_cmd import ingest_command, rescue_command
from newsark.sources.ingest import ingest
from newsark.sources.rescue import RescueOptions, rescue


@pytest.fixture
def ia() -> Iterator[FakeIA]:
    server = build_site().start()
    yield server
    server.stop()


def fast(ia: FakeIA, **kw: object) -> RescueOptions:
    opts = RescueOptions(wayback=ia.base, cdx_rate=6000, replay_rate=200, pause_429=0.05,
                         pause_refused=0.05, cdx_limit=10)
    for k, v in kw.items():
        setattr(opts, k, v)
    return opts


def tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((root / "articles").rglob("*.md"))}


def test_rescue_small_site(ia: FakeIA, tmp_path: Path) -> None:
    s = rescue(HOST, tmp_path / "a", fast(ia))
    assert s.tally is not None
    assert (s.stories, s.tally.written, s.tally.aliased, s.tally.failed) == (33, 31, 2, 0)
    with Archive(tmp_path / "a") as ar:
        assert ar.resolve(2001) == (1002, True)   # archived redirect
        assert ar.resolve(3001) == (1004, True)   # same story under a second id
        assert not ar.path_for(2001).exists() and not ar.path_for(3001).exists()
        zh = ar.read_article(1900)
        assert zh.title == "港島區議會會議" and "押後兩次" in zh.body
        assert ar.db.execute("SELECT charset FROM rescue_stories WHERE story_id=1900").fetchone()[0] == "big5hkscs"
        a1003 = ar.read_article(1003)  # gzip body with a blank Content-Encoding
        assert "meeting number 1003" in a1003.body
        a1002 = ar.read_article(1002)  # images point at capture URLs, in figures
        assert f'<img src="{ia.base}/web/20210101000000im_/https://{HOST}/media/1002.jpg"' in a1002.body
        assert a1003.date == "2019-05-04" and a1003.author == "Chan Tai Man"
        # the day in the corpus's form; the page's stamp, with its time and zone, beside it
        assert a1003.meta["published_at"] == "2019-05-04T10:00:00+08:00"
        assert "Subscribe to Example News" not in a1003.body
        assert a1003.url == f"{ia.base}/web/20210101000000/https://{HOST}/article/1003/story-1003"
        # 1005's newest capture is an outage page: the older capture was used instead.
        assert ar.read_article(1005).url is not None and "/web/20200101000000/" in str(ar.read_article(1005).url)
        reasons = dict(ar.db.execute(
            "SELECT reason, COUNT(*) FROM rescue_fetches WHERE outcome<>'ok' GROUP BY reason"))
        assert reasons == {"outage_page": 6, "soft_404": 1, "truncated": 4}
        # Non-article pages were never fetched.
    replayed = [p for _, kind, p, _ in ia.log if kind == "replay"]
    assert not any("/section/" in p or ".css" in p or ".jpg" in p for p in replayed)
    assert list((tmp_path / "a" / "warcs").glob("*.warc.gz"))


def test_rerun_fetches_nothing(ia: FakeIA, tmp_path: Path) -> None:
    rescue(HOST, tmp_path / "a", fast(ia))
    before = tree(tmp_path / "a")
    n = len(ia.log)
    s = rescue(HOST, tmp_path / "a", fast(ia, replay_rate=0.001, cdx_rate=0.001))
    # No request at all, hence no wait at those rates.
    assert len(ia.log) == n and s.elapsed_seconds < 5
    assert s.tally is not None and s.tally.skipped == 33
    assert tree(tmp_path / "a") == before


def test_interrupted_run_resumes_to_the_same_archive(ia: FakeIA, tmp_path: Path) -> None:
    rescue(HOST, tmp_path / "clean", fast(ia))
    clean = tree(tmp_path / "clean")
    clean_replays = sum(1 for _, kind, _, _ in ia.log if kind == "replay")
    ia.log.clear()

    class Boom(Exception):
        pass

    class Dying(httpx.HTTPTransport):
        """Dies (like a killed process) when its request budget is spent."""

        def __init__(self, budget: int) -> None:
            super().__init__()
            self.budget = budget

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            self.budget -= 1
            if self.budget < 0:
                raise Boom()
            return super().handle_request(request)

    for stop_after in (3, 9, 14, 8):
        with pytest.raises(Boom):
            rescue(HOST, tmp_path / "resumed", fast(ia, transport=Dying(stop_after)))
    s = rescue(HOST, tmp_path / "resumed", fast(ia))
    assert tree(tmp_path / "resumed") == clean
    # Nothing fetched twice: each successful capture request happens once over all runs
    # (outage and truncated captures are retried on purpose).
    ok = Counter(p for _, kind, p, st in ia.log if kind == "replay" and st in (200, 301))
    twice = {p for p, n in ok.items() if n > 1}
    assert all("20210101000000" in p for p in twice), twice
    with Archive(tmp_path / "resumed") as ar:
        assert ar.resolve(2001) == (1002, True)
    # All runs together cost at most one request more per interruption than the clean run.
    assert sum(1 for _, kind, _, _ in ia.log if kind == "replay") <= clean_replays + 4
    assert s.tally is not None and s.tally.written + s.tally.skipped >= 31


def test_429_burst_pauses_and_rate_is_kept(ia: FakeIA, tmp_path: Path) -> None:
    ia.fail_429 = 3
    rate = 40.0
    s = rescue(HOST, tmp_path / "a", fast(ia, replay_rate=rate, pause_429=0.3))
    assert s.tally is not None and s.tally.written == 31
    # The server's own log: no half-second holds more requests than the budget allows.
    replay = [t for t, kind, _, _ in ia.log if kind == "replay"]
    busiest = max(sum(1 for u in replay if t <= u < t + 0.5) for t in replay)
    assert busiest <= rate * 0.5 + 1
    # After each 429 the client waited at least the pause before asking again.
    for i, (t, _k, _p, st) in enumerate(ia.log[:-1]):
        if st == 429:
            assert ia.log[i + 1][0] - t >= 0.29


def test_refused_connections_are_waited_out(ia: FakeIA, tmp_path: Path) -> None:
    calls = {"n": 0}
    real = httpx.HTTPTransport()

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] in (2, 3, 10):
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return real.handle_request(request)

    class Wrapped(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            return handler(request)

    log = tmp_path / "log.jsonl"
    s = rescue(HOST, tmp_path / "a", fast(ia, transport=Wrapped(), log_json=log))
    assert s.tally is not None and (s.tally.written, s.tally.failed, s.tally.postponed) == (31, 0, 0)
    events = [json.loads(line) for line in log.read_text().splitlines()]
    assert sum(e["status"] == "refused" for e in events) == 3
    assert all({"kind", "url", "status", "t"} <= e.keys() for e in events)


def test_dry_run_writes_nothing(ia: FakeIA, tmp_path: Path) -> None:
    r = CliRunner().invoke(rescue_command, [HOST, "--wayback", ia.base, "--cdx-rate", "6000",
                                            "--dry-run", "--json", "--archive", str(tmp_path / "a")])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["stories"] == 33 and data["dry_run"] and data["estimate_seconds"] > 0
    assert len(data["sample_urls"]) == 10
    assert not (tmp_path / "a").exists()
    assert all(kind == "cdx" for _, kind, _, _ in ia.log)


def test_cli_and_ingest_of_own_warcs(ia: FakeIA, tmp_path: Path) -> None:
    log = tmp_path / "req.jsonl"
    r = CliRunner().invoke(rescue_command, [
        HOST, "--archive", str(tmp_path / "a"), "--wayback", ia.base, "--cdx-rate", "6000",
        "--replay-rate", "200", "--pause-429", "0.05", "--pause-refused", "0.05", "--quiet",
        "--json", "--log-json", str(log), "--from", "2019", "--to", "2022"])
    assert r.exit_code == 0, r.output
    summary = json.loads(r.output)
    assert summary["written"] == 31 and summary["requests"]["replay"] == len(
        [1 for line in log.read_text().splitlines() if json.loads(line)["kind"] == "replay"])
    warcs = sorted(str(p) for p in (tmp_path / "a" / "warcs").glob("*.warc.gz"))
    r = CliRunner().invoke(ingest_command, [*warcs, "--archive", str(tmp_path / "b"), "--json"])
    assert r.exit_code == 0, r.output
    assert tree(tmp_path / "b") == tree(tmp_path / "a")
    with Archive(tmp_path / "b") as ar:
        assert ar.resolve(2001) == (1002, True) and ar.resolve(3001) == (1004, True)


def test_bad_options_are_clear_errors(tmp_path: Path) -> None:
    r = CliRunner().invoke(rescue_command, ["www.x.com", "--archive", str(tmp_path), "--replay-rate", "0"])
    assert r.exit_code == 2 and "replay-rate" in r.output
    r = CliRunner().invoke(rescue_command, ["www.x.com"])
    assert r.exit_code == 2 and "--archive" in r.output
    with pytest.raises(FileNotFoundError):
        ingest([tmp_path / "nope.warc.gz"], tmp_path / "b")


def test_report_counts_what_was_tried(ia: FakeIA, tmp_path: Path) -> None:
    from newsark.sources.report import rescue_report

    with Archive(tmp_path / "empty") as ar:
        assert rescue_report(ar) == {}
    rescue(HOST, tmp_path / "a", fast(ia))
    with Archive(tmp_path / "a") as ar:
        rep = rescue_report(ar)
    assert rep["stories"] == {"found": 33, "fetched": 33, "written": 31, "aliased": 2,
                              "failed": 0, "not_done_yet": 0}
    assert rep["aliased_by_reason"] == {"redirect": 1, "same_text": 1}
    assert rep["captures_rejected_by_reason"] == {"soft_404": 1}
    assert rep["captures_postponed_by_reason"] == {"outage_page": 6, "truncated": 4}
    assert rep["ids"]["not_listed_ranges"][0] == [1031, 1899]
    assert rep["ids"]["per_range"]["1001-2000"]["listed"] == 31
    assert rep["requests"]["cdx"]["total"] == sum(1 for _, k, _, _ in ia.log if k == "cdx")
    assert rep["requests"]["replay"]["total"] == sum(1 for _, k, _, _ in ia.log if k == "replay")
    assert rep["listing"]["complete"] is True
    assert "missing" not in repr(rep)


def test_profile_file_and_wacz_ingest(ia: FakeIA, tmp_path: Path) -> None:
    import zipfile

    prof = tmp_path / "site.yaml"
    # Only ids below 1010 are articles by this profile.
    prof.write_text("article_path: '^/article/(?P<id>10[0-0]\\d)(?:/[^/]*)?/?$'\n", encoding="utf-8")
    s = rescue(HOST, tmp_path / "a", fast(ia, profile=prof))
    assert s.tally is not None and s.stories == 9 and s.tally.written == 9
    assert "site.yaml" in s.shape
    wacz = tmp_path / "crawl.wacz"
    with zipfile.ZipFile(wacz, "w") as zf:
        for w in (tmp_path / "a" / "warcs").glob("*.warc.gz"):
            zf.write(w, f"archive/{w.name}")
    tally, _shape = ingest([wacz], tmp_path / "b", profile=prof)
    assert tally.written == 9 and tree(tmp_path / "b") == tree(tmp_path / "a")
    bad = tmp_path / "bad.yaml"
    bad.write_text("article_path: '^/article/(\\d+)'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="id"):
        rescue(HOST, tmp_path / "c", fast(ia, profile=bad))


def test_parallel_replay_gives_the_same_archive(tmp_path: Path) -> None:
    ia = build_site(bad=False).start()
    try:
        ia.delay = 0.05
        a = rescue(HOST, tmp_path / "one", fast(ia, parallel=1))
        n_one = sum(1 for _, k, _, _ in ia.log if k == "replay")
        ia.log.clear()
        b = rescue(HOST, tmp_path / "four", fast(ia, parallel=4, replay_rate=40))
        n_four = sum(1 for _, k, _, _ in ia.log if k == "replay")
        # Requests overlapped: some arrived while the one before was still being answered.
        starts = sorted(t for t, k, _, _ in ia.log if k == "replay")
        assert min(y - x for x, y in itertools.pairwise(starts)) < 0.05
    finally:
        ia.stop()
    assert a.tally is not None and b.tally is not None and b.tally.written == a.tally.written == 31
    assert tree(tmp_path / "four") == tree(tmp_path / "one")
    assert n_four == n_one


def test_exported_warc_ingests_back_to_the_same_archive(ia: FakeIA, tmp_path: Path) -> None:
    """``newsark export --captures`` keeps every raw capture: ingesting the export alone
    rebuilds the rescued archive (its resource/metadata records are not pages)."""
    from newsark.cli import main

    s = rescue(HOST, tmp_path / "a", fast(ia))
    assert s.tally is not None and s.tally.written == 31
    out = tmp_path / "a.warc.gz"
    r = CliRunner().invoke(main, ["export", "--archive", str(tmp_path / "a"), str(out), "--captures"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(ingest_command, [str(out), "--archive", str(tmp_path / "b"), "--json"])
    assert r.exit_code == 0, r.output
    assert tree(tmp_path / "b") == tree(tmp_path / "a")


def test_cli_announces_refused_connections_and_stops_with_a_clear_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a loopback port nothing listens on: connections are refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = CliRunner().invoke(rescue_command, [
        HOST, "--archive", str(tmp_path / "a"), "--wayback", f"http://127.0.0.1:{port}",
        "--cdx-rate", "60000", "--pause-refused", "0", "--quiet"])
    assert r.exit_code == 1
    assert r.output.count("paused 0 s") == 8 and "the archive refused the connection" in r.output
    assert "keep failing" in r.output and "run the same command again" in r.output
