"""The one place newsark talks HTTP to a Wayback server: budgets, retries, request log.

Every attempt (including refused connections and 429s) is one event in the request log,
so the rate actually used can be checked afterwards. ``transport`` is the seam tests use
to inject faults without a network.
"""

from __future__ import annotations

import errno
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

from newsark.sources.ratelimit import RateLimiter

USER_AGENT = "newsark/0.1 (+https://github.com/newsark; archival rescue of a vanished site)"


class BlockedError(RuntimeError):
    """The archive keeps refusing or throttling us: stop the run (nothing counts as missing)."""


class NetworkError(RuntimeError):
    """A request failed for a transient reason after its retries (retry on the next run)."""


_NO_ROUTE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}


def why_unreachable(exc: BaseException) -> str | None:
    """Why a connection could not even be tried ("name resolution failed", "no route to
    the host"), from the OS error under httpx's ConnectError; None for a refused
    connection or an unknown cause (read as the archive's block)."""
    seen: BaseException | None = exc
    for _ in range(8):  # the chain is httpx -> httpcore -> OSError; bounded all the same
        if seen is None:
            break
        if isinstance(seen, socket.gaierror):
            return "name resolution failed"
        if isinstance(seen, OSError) and seen.errno in _NO_ROUTE:
            return "no route to the host"
        seen = seen.__cause__ or seen.__context__
    return None


@dataclass
class Response:
    status: int
    headers: httpx.Headers
    raw: bytes            # body as sent on the wire (Content-Encoding not undone)
    url: str
    truncated: bool = False  # the connection closed before Content-Length was reached


@dataclass
class RequestLog:
    """One JSON line per HTTP attempt (``--log-json``) and counts per kind and outcome."""

    path: Path | None = None
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    on_event: Callable[[str, str], None] | None = None
    _fh: IO[str] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("a", encoding="utf-8")

    def event(self, kind: str, url: str, status: int | str, **extra: Any) -> None:
        outcome = str(status)
        with self._lock:
            self.counts[(kind, outcome)] = self.counts.get((kind, outcome), 0) + 1
            if self._fh is not None:
                rec = {"kind": kind, "url": url, "status": status, "t": round(time.time(), 3)}
                rec.update(extra)
                self._fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                self._fh.flush()
        if self.on_event is not None:
            self.on_event(kind, outcome)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


class WaybackClient:
    """GET requests against a Wayback base URL under the rate limiter."""

    def __init__(
        self,
        base: str,
        limiter: RateLimiter,
        log: RequestLog,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 60.0,
        max_429: int = 8,
        max_refused: int = 8,
        max_errors: int = 3,
    ) -> None:
        self.base = base.rstrip("/")
        self.limiter = limiter
        self.log = log
        self.max_429 = max_429
        self.max_refused = max_refused
        self.max_errors = max_errors
        self.http = httpx.Client(
            transport=transport,
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        self.http.close()

    def get(self, kind: str, url: str, params: dict[str, str] | None = None) -> Response:
        """One logical GET: waits for its budget, retries 429 / refused / 5xx / timeouts."""
        n429 = nref = nerr = 0
        while True:
            self.limiter.acquire(kind)
            request = self.http.build_request("GET", url, params=params)
            shown = str(request.url)
            try:
                resp = self.http.send(request, stream=True)
            except httpx.TransportError as exc:
                # Nothing answered (no name resolution, no route: this machine is offline or
                # --wayback names the wrong host) is a transport error like the others: a few
                # short retries, then a clear error. Any other failed connection is the
                # firewall block the archive imposes after ignored 429s: wait it out (an
                # hour, doubling).
                unreachable = why_unreachable(exc) if isinstance(exc, httpx.ConnectError) else None
                if isinstance(exc, httpx.ConnectError) and unreachable is None:
                    self.log.event(kind, shown, "refused", error=type(exc).__name__)
                    nref += 1
                    if nref > self.max_refused:
                        raise BlockedError(f"connections to {self.base} keep failing: {exc}") from exc
                    self.limiter.on_refused()
                    continue
                self.log.event(kind, shown, "error", error=type(exc).__name__,
                               **({"cause": unreachable} if unreachable else {}))
                nerr += 1
                if nerr > self.max_errors:
                    if unreachable:
                        raise NetworkError(f"cannot reach {httpx.URL(self.base).host}: {unreachable} ({exc}); "
                                           f"is this machine online, and is --wayback {self.base} right?") from exc
                    raise NetworkError(f"{shown}: {type(exc).__name__}: {exc}") from exc
                self.limiter.sleep(min(2.0**nerr, 30.0))
                continue
            truncated = False
            chunks: list[bytes] = []
            try:
                # chunk by chunk: what came before a cut-off transfer is kept
                chunks.extend(resp.iter_raw())
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.ReadTimeout):
                truncated = True
            finally:
                resp.close()
            status = resp.status_code
            self.log.event(kind, shown, status, **({"truncated": True} if truncated else {}))
            if status == 429:
                n429 += 1
                if n429 > self.max_429:
                    raise BlockedError(f"{self.base} keeps answering 429 Too Many Requests")
                self.limiter.on_429()
                continue
            if status >= 500 and nerr < self.max_errors:
                nerr += 1
                self.limiter.sleep(min(2.0**nerr, 30.0))
                continue
            self.limiter.success()
            return Response(status, resp.headers, b"".join(chunks), shown, truncated)
