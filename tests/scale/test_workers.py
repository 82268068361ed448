"""Ingest with extraction on local processes and on a real Dask cluster (127.0.0.1):
the archive must be the same as when every page is extracted in the ingesting process."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "sources"))
from harness.synthetic import synthetic_site
from harness.warcs import write_warc

from newsark.cli import main
from newsark.commands.rescue_cmd import ingest_command
from newsark.extract.site import extract_pages
from newsark.scale.ahead import ExtractAhead
from newsark.scale.ordered import map_in_order
from newsark.scale.workers import (
    ClusterError,
    Pool,
    PoolGone,
    check_workers,
    code_fingerprint,
    open_pool,
)
from newsark.sources import ingest as ingest_module
from newsark.sources.extraction import extract_response
from newsark.sources.ingest import WarcScan, index_files, scan_warc
from newsark.sources.warcstore import read_response

TIME_COLUMNS = {"imported_at", "updated_at"}


@pytest.fixture(scope="module")
def warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("site") / "site.warc.gz"
    write_warc(path, synthetic_site(40).captures)
    return path


@pytest.fixture(scope="module")
def inline(warc: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    dest = tmp_path_factory.mktemp("inline") / "a"
    return ingest_json(warc, dest), dest


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as c:
        yield c.scheduler_address


def ingest_json(warc: Path, dest: Path, *extra: str) -> dict[str, Any]:
    r = CliRunner().invoke(ingest_command, [str(warc), "--archive", str(dest), "--json", *extra])
    assert r.exit_code == 0, r.output
    out: dict[str, Any] = json.loads(r.output[r.output.index("{"):])
    return out


def digest(root: Path) -> tuple[dict[str, bytes], dict[str, list[tuple[object, ...]]]]:
    files = {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "articles").rglob("*.md"))}
    db = sqlite3.connect(root / "catalog.sqlite")
    tables = {}
    for table in ("articles", "stories", "aliases", "rescue_stories", "rescue_fetches"):
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] not in TIME_COLUMNS
                and r[1] not in ("at", "fetched_at")]
        tables[table] = db.execute(f"SELECT {','.join(cols)} FROM {table} ORDER BY 1, 2").fetchall()
    db.close()
    return files, tables


def test_local_workers_write_the_same_archive(warc: Path, inline: tuple[dict[str, Any], Path],
                                              tmp_path: Path) -> None:
    summary, plain = inline
    out = ingest_json(warc, tmp_path / "a", "--workers", "2")
    where = out.pop("extracted_on")
    assert where["pool"] == "2 local processes" and where["pages"] >= summary["written"]
    assert out == summary
    files, tables = digest(tmp_path / "a")
    assert len(files) == summary["written"] > 20
    assert (files, tables) == digest(plain)


def test_dask_cluster_writes_the_same_archive(warc: Path, inline: tuple[dict[str, Any], Path],
                                              cluster: str, tmp_path: Path) -> None:
    summary, plain = inline
    out = ingest_json(warc, tmp_path / "a", "--cluster", cluster)
    where = out.pop("extracted_on")
    assert where["pool"] == f"Dask cluster {cluster} (2 threads)"
    assert where["pages"] >= summary["written"]
    assert out == summary
    assert digest(tmp_path / "a") == digest(plain)


def test_cluster_workers_run_this_code(cluster: str) -> None:
    with open_pool(cluster=cluster) as pool:
        assert pool is not None
        client = pool.executor._client  # type: ignore[attr-defined]
        assert set(client.run(code_fingerprint).values()) == {code_fingerprint()}
        assert client.run(os.getpid).keys() and os.getpid() not in client.run(os.getpid).values()


def test_workers_running_other_code_are_refused() -> None:
    check_workers({"tcp://10.0.0.2:4000": "0.1.0+abc", "scheduler": "0.1.0+abc"}, "0.1.0+abc")
    with pytest.raises(ClusterError, match=r"tcp://10.0.0.3:4000 runs 0.1.0\+old"):
        check_workers({"tcp://10.0.0.2:4000": "0.1.0+abc", "tcp://10.0.0.3:4000": "0.1.0+old"},
                      "0.1.0+abc")


def test_unreachable_scheduler_is_a_clear_error(warc: Path, tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with (pytest.raises(ClusterError, match="cannot reach the Dask scheduler"),
          open_pool(cluster=f"tcp://127.0.0.1:{port}", timeout=2)):
        pass
    r = CliRunner().invoke(ingest_command, [str(warc), "--archive", str(tmp_path / "a"),
                                            "--workers", "2", "--cluster", f"tcp://127.0.0.1:{port}"])
    assert r.exit_code == 2 and "not both" in r.output
    assert not (tmp_path / "a").exists()


def test_a_pool_that_dies_costs_no_page(warc: Path) -> None:
    """Worker processes killed with pages in flight: every page is extracted here instead,
    to the same result."""
    caps = [c for c in scan_warc(warc).captures if c.status == "200" and "/article/" in c.original][:12]
    resps = [read_response(warc, c.warc_offset) for c in caps]  # type: ignore[arg-type]
    want = [extract_response(r, capture_url=f"https://web.archive.org/web/{r.ts}/{r.url}",
                             public_base="https://web.archive.org") for r in resps]
    with open_pool(workers=2) as pool:
        assert pool is not None
        ahead = ExtractAhead(pool)
        keys = [(r.url, r.ts) for r in resps]
        for k, r in zip(keys[:2], resps[:2]):
            ahead.submit(k, r, f"https://web.archive.org/web/{r.ts}/{r.url}", "https://web.archive.org")
        got = [ahead.take(keys[0], resps[0], f"https://web.archive.org/web/{resps[0].ts}/{resps[0].url}",
                          "https://web.archive.org")]
        for proc in list(pool.executor._processes.values()):  # type: ignore[attr-defined]
            proc.kill()
        for k, r in zip(keys[1:], resps[1:]):
            ahead.submit(k, r, f"https://web.archive.org/web/{r.ts}/{r.url}", "https://web.archive.org")
        for k, r in zip(keys[1:], resps[1:]):
            got.append(ahead.take(k, r, f"https://web.archive.org/web/{r.ts}/{r.url}", "https://web.archive.org"))
        # The second page may have been done before the kill; none after it was.
        assert ahead.remote in (1, 2) and ahead.remote + ahead.local == len(resps)
        assert ahead.broken and not ahead.pending
    assert [(g.article.title if g.article else None, g.article.body if g.article else None, g.reason)
            for g in got] == [(w.article.title if w.article else None, w.article.body if w.article else None,
                               w.reason) for w in want]
    assert sum(1 for g in got if g.article) >= 8


@pytest.fixture(scope="module")
def three_warcs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    caps = synthetic_site(40).captures
    folder = tmp_path_factory.mktemp("three")
    paths = [folder / f"part-{k}.warc.gz" for k in range(3)]
    for k, path in enumerate(paths):
        write_warc(path, caps[k::3])
    return paths


def test_files_are_indexed_on_the_pool(three_warcs: list[Path], cluster: str) -> None:
    want = [scan_warc(p) for p in three_warcs]
    assert all(w.captures and not w.damaged for w in want)
    with open_pool(workers=2) as pool:
        assert list(index_files(three_warcs, pool)) == want
    with open_pool(cluster=cluster) as pool:
        assert list(index_files(three_warcs, pool)) == want
    with open_pool(workers=2) as pool:  # a pool whose processes died: the files are read here
        assert pool is not None
        assert list(index_files(three_warcs[:2], pool)) == want[:2]
        for proc in list(pool.executor._processes.values()):  # type: ignore[attr-defined]
            proc.kill()
        assert list(index_files(three_warcs, pool)) == want


def test_several_files_on_workers_give_the_same_archive(three_warcs: list[Path], tmp_path: Path) -> None:
    a = ingest_json(three_warcs[0], tmp_path / "a")  # one file first, then all three
    b = ingest_json(three_warcs[0], tmp_path / "b", "--workers", "2")
    b.pop("extracted_on")
    assert a == b
    args = [str(p) for p in three_warcs[1:]]
    a = ingest_json(three_warcs[0], tmp_path / "a", *args)
    b = ingest_json(three_warcs[0], tmp_path / "b", *args, "--workers", "2")
    b.pop("extracted_on")
    assert a == b
    files, tables = digest(tmp_path / "a")
    assert len(files) > 20 and (files, tables) == digest(tmp_path / "b")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The WARC files ingest scans from now on, in order."""
    seen: list[Path] = []
    real = ingest_module.scan_warc

    def counted(path: Path) -> WarcScan:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(ingest_module, "scan_warc", counted)
    return seen


def test_a_resumed_ingest_does_not_read_the_files_again(warc: Path, tmp_path: Path, reads: list[Path]) -> None:
    first = ingest_json(warc, tmp_path / "a")
    reads.clear()
    again = ingest_json(warc, tmp_path / "a")
    assert reads == [] and again["skipped"] == first["stories"] and again["written"] == 0
    before = digest(tmp_path / "a")
    st = warc.stat()
    os.utime(warc, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # the file was touched: read it
    again = ingest_json(warc, tmp_path / "a")
    assert reads == [warc.resolve()] and again["skipped"] == first["stories"]
    assert digest(tmp_path / "a") == before


def indexed(root: Path) -> list[tuple[object, ...]]:
    db = sqlite3.connect(root / "catalog.sqlite")
    rows = db.execute("SELECT original, ts, status, mimetype, warc_file, warc_offset FROM rescue_captures "
                      "ORDER BY original, ts").fetchall()
    db.close()
    return rows


def test_files_added_to_a_collection_are_the_only_ones_read(three_warcs: list[Path], tmp_path: Path,
                                                            reads: list[Path]) -> None:
    ingest_json(three_warcs[0], tmp_path / "grown")
    assert reads == [three_warcs[0].resolve()]
    reads.clear()
    ingest_json(three_warcs[0], tmp_path / "grown", *map(str, three_warcs[1:]))  # two files added
    assert reads == [p.resolve() for p in three_warcs[1:]]
    reads.clear()
    whole = ingest_json(three_warcs[0], tmp_path / "whole", *map(str, three_warcs[1:]))
    assert len(reads) == 3 and whole["written"] > 20
    # The captures known are those of all three files read at once (the stories the first
    # ingest finished from one file stay as written: a resumed ingest redoes no story).
    assert indexed(tmp_path / "grown") == indexed(tmp_path / "whole")
    reads.clear()
    ingest_json(three_warcs[2], tmp_path / "grown")  # a subset of what was read: nothing to read
    assert reads == []


@pytest.fixture(scope="module")
def site_folder(warc: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of the site's saved pages (articles, listings, a bad page)."""
    folder = tmp_path_factory.mktemp("pages")
    for n, cap in enumerate(c for c in scan_warc(warc).captures if c.status == "200"):
        assert cap.warc_offset is not None
        (folder / f"{n:03d}.html").write_bytes(read_response(warc, cap.warc_offset).payload)
    (folder / "empty.html").write_bytes(b"")
    return folder


def test_extract_site_on_workers_prints_the_same_lines(site_folder: Path, cluster: str) -> None:
    def run(*extra: str) -> list[str]:
        r = CliRunner().invoke(main, ["extract", "--site", str(site_folder), *extra])
        assert r.exit_code == 0, r.output
        return r.stdout.splitlines()

    here = run()
    assert len(here) > 60 and sum('"path": "learned"' in line for line in here) > 20
    assert run("--workers", "2") == here
    assert run("--cluster", cluster) == here
    r = CliRunner().invoke(main, ["extract", str(site_folder / "000.html"), "--workers", "2"])
    assert r.exit_code == 2 and "go with --site" in r.output


def test_map_in_order_survives_a_dying_pool(site_folder: Path) -> None:
    pages: list[tuple[str, bytes | str]] = [(p.name, p.read_bytes())
                                            for p in sorted(site_folder.glob("0*.html"))[:24]]
    fn = partial(extract_pages, profile_json=None)
    want = [(s.name, s.extraction.title if s.extraction else s.error) for s in fn(pages)]
    with open_pool(workers=2) as pool:
        assert pool is not None
        got = []
        for n, s in enumerate(map_in_order(pool, fn, pages, batch=2)):
            got.append((s.name, s.extraction.title if s.extraction else s.error))
            if n == 0:
                for proc in list(pool.executor._processes.values()):  # type: ignore[attr-defined]
                    proc.kill()
    assert got == want and len(got) == 24


def test_cluster_killed_mid_ingest_loses_nothing(tmp_path: Path) -> None:
    """A real scheduler and workers (the dask CLI, as a user runs them) killed with -9 while
    an ingest uses them: the ingest ends normally, with the archive of an in-process run."""
    warc = tmp_path / "site.warc.gz"
    write_warc(warc, synthetic_site(300).captures)
    want = ingest_json(warc, tmp_path / "inline")
    dask = str(Path(sys.executable).with_name("dask"))
    info = tmp_path / "scheduler.json"
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(info)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        procs.append(subprocess.Popen([dask, "worker", "--scheduler-file", str(info), "--nworkers", "2",
                                       "--nthreads", "1", "--host", "127.0.0.1"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      start_new_session=True))
        address = json.loads(info.read_text())["address"]
        ingest_proc = subprocess.Popen(
            [sys.executable, "-m", "newsark.cli", "ingest", str(warc), "--archive", str(tmp_path / "a"),
             "--cluster", address, "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        articles = tmp_path / "a" / "articles"
        while (ingest_proc.poll() is None and time.monotonic() < deadline
               and len(list(articles.rglob("*.md")) if articles.exists() else []) < 20):
            time.sleep(0.05)
        for p in procs:
            os.killpg(p.pid, signal.SIGKILL)
        out, err = ingest_proc.communicate(timeout=300)
    finally:
        for p in procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(p.pid, signal.SIGKILL)
            p.wait(timeout=30)
    assert ingest_proc.returncode == 0, err[-3000:]
    got = json.loads(out[out.index("{"):])
    assert got.pop("extracted_on")["pages"] < want["written"]  # some pages were done here
    assert got == want
    assert "extracting the rest in this process" in err
    assert digest(tmp_path / "a") == digest(tmp_path / "inline")


def test_waiting_on_a_pool_that_is_gone_ends() -> None:
    """A Dask client that gave up on a dead scheduler never resolves its futures: a wait
    must end when the pool says it is gone, not after the page timeout."""
    release = threading.Event()
    state = {"alive": True}
    with ThreadPoolExecutor(1) as ex:
        pool = Pool(ex, 1, "test pool", alive=lambda: state["alive"])
        fut = pool.submit(release.wait, 60)
        with pytest.raises(FuturesTimeout):
            pool.result(fut, 0.2)
        state["alive"] = False
        start = time.monotonic()
        with pytest.raises(PoolGone):
            pool.result(fut, 600)
        assert time.monotonic() - start < 5
        with pytest.raises(PoolGone):
            pool.submit(release.wait, 1)
        release.set()


def test_ingest_reports_progress(warc: Path, tmp_path: Path) -> None:
    from newsark.sources.ingest import ingest
    from newsark.sources.rescue import Progress

    listed: list[int] = []
    totals: list[int] = []
    done: list[int] = []
    tally, _ = ingest([warc], tmp_path / "a", progress=Progress(
        listed=listed.append, stories=totals.append,
        story_done=lambda t: done.append(t.written + t.aliased + t.failed + t.skipped)))
    assert listed == [len(scan_warc(warc).captures)]
    assert totals == [tally.stories] and len(done) == tally.stories and done[-1] == tally.stories
    r = CliRunner().invoke(ingest_command, [str(warc), "--archive", str(tmp_path / "b")])
    assert r.exit_code == 0 and "written:" in r.stdout
