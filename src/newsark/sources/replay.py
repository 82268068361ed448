"""Getting one capture's final response: replay with ``id_``, archived redirects followed.

Two fetchers share the redirect logic: ``HttpFetcher`` asks a Wayback server,
``IndexFetcher`` (in ingest) reads WARC files. A 3xx *with* Memento-Datetime is the site's
own redirect as archived; a 3xx without it is the archive jumping to the nearest capture;
a 404 without it means "never archived".
"""

from __future__ import annotations

import email.utils
import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urljoin

from newsark.sources.client import Response, WaybackClient
from newsark.sources.warcstore import WarcResponse

_WEB_RE = re.compile(r"/web/(\d{1,14})(?:[a-z]{2}_)?/(.+)$")
# Headers of the archive itself, not of the archived response.
_ARCHIVE_HEADERS = {
    "memento-datetime", "link", "server-timing", "x-app-server", "x-ts", "x-tr",
    "x-location", "x-cache-key", "x-page-cache", "x-nid", "x-rl", "x-na", "x-archive-src",
    "x-archive-guessed-content-type", "x-archive-guessed-charset", "transfer-encoding",
    "connection", "keep-alive", "server", "date", "set-cookie", "permissions-policy",
    "referrer-policy", "content-security-policy", "strict-transport-security",
}


@dataclass
class Hop:
    """One response on the way to a capture."""

    kind: str                       # memento | jump | missing | error | damaged
    resp: WarcResponse | None = None
    target: tuple[str, str] | None = None   # (url, ts) a redirect or jump points at
    where: tuple[str, int] | None = None    # (warc file, offset) when read from a file
    status: int = 0


class Fetcher(Protocol):
    requests: int

    def get(self, url: str, ts: str) -> Hop: ...


def memento_ts(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).strftime("%Y%m%d%H%M%S")
    except (TypeError, ValueError):
        return None


def parse_location(location: str, base_url: str, base_ts: str) -> tuple[str, str]:
    """A Location as (original URL, timestamp): IA-style ``/web/<ts>id_/<url>`` or plain."""
    m = _WEB_RE.search(location)
    if m:
        target = m.group(2)
        if target.startswith(("http:/", "https:/")) and not target.startswith(("http://", "https://")):
            target = target.replace(":/", "://", 1)  # some servers collapse the double slash
        return target, m.group(1)
    return urljoin(base_url, location), base_ts


def original_headers(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The site's own headers: X-Archive-Orig-* when the archive renamed them, else as-is."""
    orig = [(k[len("x-archive-orig-"):], v) for k, v in headers if k.lower().startswith("x-archive-orig-")]
    if orig:
        names = {k.lower() for k, _ in orig}
        keep = [(k, v) for k, v in orig if k.lower() not in ("content-encoding", "content-length",
                                                               "transfer-encoding", "connection")]
        for k, v in headers:  # type and transport encoding describe the bytes we got
            if k.lower() in ("content-type", "content-encoding", "location") and (
                k.lower() not in names or k.lower() == "content-encoding"
            ):
                keep.append((k, v))
        return keep
    return [(k, v) for k, v in headers if k.lower() not in _ARCHIVE_HEADERS]


@dataclass
class HttpFetcher:
    """Replay over HTTP. With ``parallel`` > 1 the first request of upcoming captures is
    sent ahead by worker threads (still under the same rate limiter): the archive answers
    slowly, so one request at a time would leave most of the rate unused."""

    client: WaybackClient
    public_base: str
    requests: int = 0
    parallel: int = 1
    _pool: ThreadPoolExecutor | None = None
    _pending: dict[tuple[str, str], Future[Response]] = field(default_factory=dict)

    def prefetch(self, keys: list[tuple[str, str]]) -> None:
        if self.parallel <= 1:
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.parallel, thread_name_prefix="newsark-replay")
        for key in keys:
            if len(self._pending) >= 2 * self.parallel:
                break
            if key not in self._pending:
                self._pending[key] = self._pool.submit(self._request, *key)

    def _request(self, url: str, ts: str) -> Response:
        return self.client.get("replay", f"{self.client.base}/web/{ts}id_/{url}")

    def close(self) -> None:
        for fut in self._pending.values():
            fut.cancel()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        self._pending.clear()

    def get(self, url: str, ts: str) -> Hop:
        fut = self._pending.pop((url, ts), None)
        resp = fut.result() if fut is not None else self._request(url, ts)
        self.requests += 1
        headers = list(resp.headers.multi_items())
        mts = memento_ts(resp.headers.get("memento-datetime"))
        location = resp.headers.get("location")
        if 300 <= resp.status < 400 and location:
            target = parse_location(location, url, mts or ts)
            if mts is None:
                return Hop("jump", target=target, status=resp.status)
        elif mts is None and resp.status == 404:
            return Hop("missing", status=404)
        elif mts is None and resp.status >= 400:
            return Hop("error", status=resp.status)
        cap_ts = mts or ts
        wr = WarcResponse(
            url=url, ts=cap_ts, status=resp.status, headers=original_headers(headers),
            payload=resp.raw, capture_url=f"{self.public_base}/web/{cap_ts}/{url}",
        )
        if resp.truncated:
            wr.headers.append(("X-Newsark-Truncated", "1"))
        moved = parse_location(location, url, cap_ts) if (300 <= resp.status < 400 and location) else None
        return Hop("memento", resp=wr, target=moved, status=resp.status)


@dataclass
class Resolution:
    final: Hop | None
    mementos: list[Hop] = field(default_factory=list)   # every archived response seen
    reason: str | None = None                           # why there is no final response


def _days(a: str, b: str) -> float:
    import datetime as dt

    def parse(t: str) -> dt.datetime:
        t = (t + "00000000000000")[:14]
        try:
            return dt.datetime.strptime(t, "%Y%m%d%H%M%S")
        except ValueError:
            return dt.datetime(1970, 1, 1)

    return abs((parse(a) - parse(b)).total_seconds()) / 86400


def resolve(fetcher: Fetcher, url: str, ts: str, *, window_days: float = 365, max_hops: int = 8) -> Resolution:
    """Follow jumps and archived redirects from (url, ts) to a final response."""
    res = Resolution(final=None)
    seen: set[tuple[str, str]] = set()
    redirected: set[str] = {url}
    cur = (url, ts)
    for _ in range(max_hops):
        if cur in seen:
            res.reason = "redirect_loop"
            return res
        seen.add(cur)
        hop = fetcher.get(*cur)
        if hop.kind == "missing":
            res.reason = "not_archived"
            return res
        if hop.kind == "error":
            res.reason = f"http_{hop.status}"
            return res
        if hop.kind == "damaged":  # (a local WARC's record that cannot be read: not the archive's trouble)
            res.reason = "damaged_record"
            return res
        if hop.kind == "jump":
            assert hop.target is not None
            if _days(hop.target[1], ts) > window_days:
                res.reason = "outside_window"
                return res
            cur = hop.target
            continue
        res.mementos.append(hop)
        if hop.target is not None and 300 <= hop.status < 400:
            target_url, target_ts = hop.target
            if target_url in redirected and target_url != cur[0]:
                res.reason = "redirect_loop"
                return res
            if _days(target_ts, ts) > window_days:
                res.reason = "redirect_outside_window"
                return res
            redirected.add(target_url)
            cur = (target_url, target_ts)
            continue
        res.final = hop
        return res
    res.reason = "too_many_redirects"
    return res
