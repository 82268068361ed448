"""``newsark rescue``: list a site in the CDX index, then run the story pipeline over replay."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from newsark.archive.store import Archive
from newsark.sources.cdx import bare_host, list_site
from newsark.sources.client import RequestLog, WaybackClient
from newsark.sources.discover import SiteProfile, is_candidate, learn_shape, load_profile
from newsark.sources.ledger import Capture, Ledger, RequestCounter
from newsark.sources.pipeline import Pipeline, Tally
from newsark.sources.ratelimit import RateLimiter
from newsark.sources.replay import HttpFetcher
from newsark.sources.warcstore import WarcStore

DEFAULT_WAYBACK = "https://web.archive.org"
DEFAULT_CDX_RATE = 20.0      # per minute (the archive allows ~30; stay under 80 %)
DEFAULT_REPLAY_RATE = 2.0    # per second (the archive allows ~10; "well under 8/s")


@dataclass
class RescueOptions:
    wayback: str = DEFAULT_WAYBACK
    cdx_rate: float = DEFAULT_CDX_RATE          # requests per minute
    replay_rate: float = DEFAULT_REPLAY_RATE    # requests per second
    pause_429: float = 60.0
    pause_refused: float = 3600.0
    date_from: str | None = None
    date_to: str | None = None
    profile: Path | None = None
    window_days: float = 365.0
    cdx_limit: int = 5000
    log_json: Path | None = None
    # Replay requests in flight at once. 1 keeps resume exact (a kill loses at most the one
    # request in flight); N > 1 is faster on a slow archive but a kill may lose up to 2N.
    parallel: int = 1
    transport: httpx.BaseTransport | None = None
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep

    def validate(self) -> None:
        for name in ("cdx_rate", "replay_rate"):
            if getattr(self, name) <= 0:
                raise ValueError(f"--{name.replace('_', '-')} must be positive")
        if not 1 <= self.parallel <= 16:
            raise ValueError("--parallel must be between 1 and 16")
        for name in ("pause_429", "pause_refused"):
            if getattr(self, name) < 0:
                raise ValueError(f"--{name.replace('_', '-')} must not be negative")
        for name in ("date_from", "date_to"):
            v = getattr(self, name)
            if v is not None and not (v.isdigit() and 1 <= len(v) <= 14):
                raise ValueError(f"--{name[5:]} takes a 1-14 digit timestamp like 2019 or 20190401")
        if self.profile is not None:
            load_profile(self.profile)  # a bad profile fails before any request
        if not self.wayback.startswith(("http://", "https://")):
            raise ValueError(f"--wayback must be an http(s) URL, got {self.wayback!r}")


@dataclass
class Progress:
    """Callbacks the command uses to draw progress (all optional)."""

    listed: Callable[[int], None] = lambda n: None
    stories: Callable[[int], None] = lambda total: None
    story_done: Callable[[Tally], None] = lambda t: None
    # Each global pause: why ("429" or "refused") and for how many seconds.
    paused: Callable[[str, float], None] = lambda why, seconds: None


@dataclass
class RescueSummary:
    site: str
    captures: int
    article_urls: int
    stories: int
    shape: str
    tally: Tally | None
    requests: dict[str, int] = field(default_factory=dict)
    waited_seconds: float = 0.0
    elapsed_seconds: float = 0.0
    dry_run: bool = False
    estimate_seconds: float | None = None
    samples: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        t = self.tally
        d: dict[str, Any] = {
            "site": self.site, "dry_run": self.dry_run, "captures": self.captures,
            "article_urls": self.article_urls, "stories": self.stories, "shape": self.shape,
            "requests": self.requests, "waited_seconds": round(self.waited_seconds, 2),
            "elapsed_seconds": round(self.elapsed_seconds, 2),
        }
        if t is not None:
            d.update(written=t.written, aliased=t.aliased, failed=t.failed, skipped=t.skipped,
                     postponed=t.postponed,
                     fetched_captures=t.fetches, rejected=dict(sorted(t.reasons.items())))
            done = t.written
            d["replay_per_written_story"] = round(self.requests.get("replay", 0) / done, 3) if done else None
        if self.dry_run:
            d["estimate_seconds"] = self.estimate_seconds
            d["sample_urls"] = self.samples
        return d


def site_profile(captures: list[Capture], hosts: set[str], profile: Path | None) -> tuple[list[Capture], SiteProfile | None]:
    cands = [c for c in captures if is_candidate(c.original, c.mimetype, hosts)]
    if profile is not None:
        return cands, load_profile(profile)
    return cands, learn_shape(sorted({c.original for c in cands}))


def rescue(site: str, archive_dir: Path | None, opts: RescueOptions, *, dry_run: bool = False,
           progress: Progress | None = None) -> RescueSummary:
    """Rescue ``site`` into ``archive_dir`` (dry run: list only, write nothing)."""
    opts.validate()
    progress = progress or Progress()
    host = bare_host(site)
    started = time.monotonic()
    if dry_run:
        archive = None
        db = sqlite3.connect(":memory:", isolation_level=None)
    else:
        assert archive_dir is not None
        archive = Archive(archive_dir)
        db = archive.db
    ledger = Ledger(db)
    log = RequestLog(opts.log_json)
    counter = RequestCounter(archive.root / Archive.CATALOG) if archive is not None else None
    log.on_event = counter.count if counter is not None else None
    limiter = RateLimiter(
        {"cdx": opts.cdx_rate / 60.0, "replay": opts.replay_rate},
        pause_429=opts.pause_429, pause_refused=opts.pause_refused,
        clock=opts.clock, sleep=opts.sleep, on_pause=progress.paused,
    )
    client = WaybackClient(opts.wayback, limiter, log, transport=opts.transport)
    try:
        list_site(client, ledger, host, date_from=opts.date_from, date_to=opts.date_to,
                  limit=opts.cdx_limit, progress=progress.listed)
        captures = ledger.captures()
        cands, profile = site_profile(captures, {host, f"www.{host}"}, opts.profile)
        summary = RescueSummary(site=host, captures=len(captures), article_urls=0, stories=0,
                                shape=profile.describe() if profile else "none", tally=None)
        if profile is None:
            return _close(summary, log, limiter, started)
        mapping = {c.original: profile.story_id(c.original) for c in cands}
        summary.article_urls = sum(1 for v in mapping.values() if v is not None)
        story_ids = sorted({v for v in mapping.values() if v is not None})
        summary.stories = len(story_ids)
        if dry_run:
            todo = len(story_ids)
            summary.dry_run = True
            summary.estimate_seconds = round(todo / opts.replay_rate, 1)
            summary.samples = sorted({u for u, v in mapping.items() if v is not None})[:10]
            return _close(summary, log, limiter, started)
        assert archive is not None
        ledger.set_urls(mapping)
        progress.stories(len(story_ids))
        fetcher = HttpFetcher(client, public_base=opts.wayback.rstrip("/"),
                              parallel=opts.parallel)
        pipe = Pipeline(archive, ledger, fetcher, profile, public_base=opts.wayback,
                        warcs=WarcStore(archive.root, ledger), window_days=opts.window_days,
                        on_story=progress.story_done, retry_sleep=opts.sleep,
                        # an outage page is retried after a tenth of the 429 pause
                        retry_pause=min(5.0, opts.pause_429 / 10))
        try:
            summary.tally = pipe.run(cands)
        finally:
            fetcher.close()
        sync_search(archive)
        return _close(summary, log, limiter, started)
    finally:
        client.close()
        log.close()
        if counter is not None:
            counter.close()
        if archive is not None:
            archive.close()
        else:
            db.close()


def _close(summary: RescueSummary, log: RequestLog, limiter: RateLimiter,
           started: float) -> RescueSummary:
    out: dict[str, int] = {}
    for (kind, _outcome), n in log.counts.items():
        out[kind] = out.get(kind, 0) + n
    summary.requests = out
    summary.waited_seconds = limiter.waited
    summary.elapsed_seconds = time.monotonic() - started
    return summary


def sync_search(archive: Archive) -> None:
    """Keep the search index in step when that module exists."""
    try:
        from newsark.search import sync_index  # type: ignore[attr-defined]
    except ImportError:
        return
    try:
        sync_index(archive)
    except Exception as exc:  # noqa: BLE001 - the articles are safe; the index can be rebuilt
        import sys

        print(f"warning: search index not updated ({type(exc).__name__}: {exc}); "
              f"run 'newsark index --archive {archive.root}'", file=sys.stderr)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
