"""An Internet-Archive-compatible front for pywb on 127.0.0.1, with injected faults.

- ``/cdx/search/cdx``: IA's CDX dialect (see cdx.py) over pywb's index of the collection.
- ``/web/<ts><flag>/<url>``: replay proxied to pywb's ``id_`` mode with IA's conventions:
  an inexact timestamp gets a 302 (no Memento-Datetime) to the nearest capture, a memento
  carries ``Memento-Datetime`` and ``X-Archive-Orig-*`` headers, an archived redirect is a
  3xx WITH Memento-Datetime whose Location is ``/web/<same ts><flag>/<target>``, a URL never
  archived is a 404 without Memento-Datetime. Every flag gets the original bytes (no
  rewriting); the flag used is logged so tests can check the client asked for ``id_``.
- Faults from a FaultPlan; every request is logged (RequestLog) for rate checks.
"""

from __future__ import annotations

import gzip
import re
import socket
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx

from .cdx import CdxError, CdxQuery, CdxRow, load_cdxj, render, run_query, url_key
from .faults import OUTAGE_PAGE, FaultPlan, FaultState
from .ratelog import LoggedRequest, RequestLog
from .warcs import ts_to_datetime

LogFn = Callable[..., None]
_REPLAY_RE = re.compile(r"^/web/(\d{1,14})([a-z]{2}_)?/(.+)$", re.DOTALL)
TOO_MANY = (
    b"<html><head><title>429 Too Many Requests</title></head><body><h1>Too Many Requests"
    b"</h1><p>Your client has issued too many requests.</p></body></html>"
)
ERROR_5XX = b"<html><head><title>503 Service Unavailable</title></head><body>Error</body></html>"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128
    allow_reuse_address = True


class IALayer:
    """The layer over a running pywb (``pywb_url``/``coll``) and its CDXJ ``index``."""

    def __init__(
        self, pywb_url: str, coll: str, index: Path, *, plan: FaultPlan | None = None,
        log_path: Path | None = None, cdx_default_cap: int | None = None,
        cdx_max_page: int | None = None,
    ) -> None:
        self.pywb_url = pywb_url.rstrip("/")
        self.coll = coll
        self.plan = plan or FaultPlan()
        self.state = FaultState(self.plan)
        self.log = RequestLog(log_path)
        self.cdx_default_cap = cdx_default_cap  # IA truncates unlimited listings silently
        self.cdx_max_page = cdx_max_page  # larger limits are clamped: forces resume-key paging
        self.rows = load_cdxj(index)
        self.served_rows = self._with_repeats(self.rows)
        self.by_key: dict[str, list[CdxRow]] = defaultdict(list)
        for row in self.rows:
            self.by_key[row.urlkey].append(row)
        # No keep-alive: pywb (gevent) + Nagle + delayed ACK costs ~40 ms per reused request.
        self.client = httpx.Client(
            timeout=30.0, limits=httpx.Limits(max_connections=32, max_keepalive_connections=0)
        )
        self.port = 0
        self._server: _Server | None = None
        self._lock = threading.Lock()
        self._refusing = False
        self._stopped = threading.Event()
        self._threads: list[threading.Thread] = []

    def _with_repeats(self, rows: list[CdxRow]) -> list[CdxRow]:
        out: list[CdxRow] = []
        for n, row in enumerate(rows):
            out.append(row)
            if self.plan.roll("repeat", n) < self.plan.p_cdx_repeat:
                out.append(row)
        return out

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- life cycle ----------------------------------------------------------------
    def start(self) -> IALayer:
        self._serve(self._bind(0))
        return self

    def _bind(self, port: int) -> _Server:
        layer = self

        class Handler(_Handler):
            ia = layer

        deadline = time.monotonic() + 10
        while True:
            try:
                server = _Server(("127.0.0.1", port), Handler)
                break
            except OSError:
                if port == 0 or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        self.port = int(server.server_address[1])
        return server

    def _serve(self, server: _Server) -> None:
        self._server = server
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                  daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stopped.set()
        with self._lock:
            server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self.client.close()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- refusals: the listening socket closes, then reopens on the same port ----------
    def refuse_for(self, seconds: float, reason: str = "refuse") -> bool:
        with self._lock:
            if self._refusing or self._server is None:
                return False
            self._refusing = True
        thread = threading.Thread(target=self._refusal, args=(seconds, reason), daemon=True)
        thread.start()
        self._threads.append(thread)
        return True

    def _refusal(self, seconds: float, reason: str) -> None:
        with self._lock:
            server = self._server
        if server is not None:
            server.shutdown()
            server.server_close()
        self.log.add(LoggedRequest(time.monotonic(), "refusal", reason, 0, reason))
        if not self._stopped.wait(seconds):
            with self._lock:
                if not self._stopped.is_set():
                    self._serve(self._bind(self.port))
        self.log.add(LoggedRequest(time.monotonic(), "reopen", reason, 0, reason))
        with self._lock:
            self._refusing = False

    # -- replay helpers -----------------------------------------------------------------
    def nearest(self, key: str, ts: str) -> CdxRow | None:
        rows = self.by_key.get(key)
        if not rows:
            return None
        try:
            want = ts_to_datetime(ts)
        except ValueError:
            want = ts_to_datetime(rows[-1].timestamp)  # unusable timestamp: the latest capture
        return min(rows, key=lambda r: (abs((ts_to_datetime(r.timestamp) - want).total_seconds()),
                                        r.timestamp))

    def replay_url(self, ts: str, flag: str, url: str) -> str:
        return f"{self.base_url}/web/{ts}{flag}/{url}"


class _Handler(BaseHTTPRequestHandler):
    ia: IALayer
    protocol_version = "HTTP/1.0"  # one request per connection: refusals bite immediately
    server_version = "ia-layer/1.0"

    def log_message(self, format: str, *args: object) -> None:
        pass  # the RequestLog is the log

    def _send(self, status: int, body: bytes, headers: list[tuple[str, str]] | None = None,
              *, declared_length: int | None = None) -> None:
        self.send_response(status)
        for key, value in headers or []:
            self.send_header(key, value)
        self.send_header("Content-Length", str(declared_length or len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        ia = self.ia
        t = time.monotonic()
        ordinal = ia.state.next_ordinal()
        path = self.path
        kind = "cdx" if path.startswith("/cdx/search/cdx") else (
            "replay" if path.startswith("/web/") else "other")
        m = _REPLAY_RE.match(path) if kind == "replay" else None
        url = m.group(3) if m else path
        ts = m.group(1) if m else ""
        flag = (m.group(2) or "") if m else ""

        def log(status: int, fault: str = "") -> None:
            ia.log.add(LoggedRequest(t, kind, url, status, fault, ts, flag))

        state, plan = ia.state, ia.plan
        if kind in plan.kinds:
            with state.lock:
                in_burst = t < state.burst_until
                if in_burst:
                    state.burst_hits += 1
                    abuse = plan.block_on_429_abuse and state.burst_hits > plan.block_on_429_abuse
                elif state.opens_burst(ordinal):
                    state.burst_until = t + plan.burst_429_seconds
                    state.burst_hits = 1
                    in_burst, abuse = True, False
            if in_burst:
                log(429, "429")
                self._send(429, TOO_MANY, [("Content-Type", "text/html")])
                if abuse:
                    ia.refuse_for(plan.refuse_seconds, "ban")
                return
            with state.lock:
                refuse = state.opens_refusal(ordinal)
                if refuse:
                    state.refusals += 1
            if refuse:
                ia.refuse_for(plan.refuse_seconds, "refuse")
        if kind == "cdx":
            self._cdx(log)
        elif m is not None:
            self._replay(ts, flag, url, log)
        else:
            log(404)
            self._send(404, b"not found\n", [("Content-Type", "text/plain")])

    def _cdx(self, log: LogFn) -> None:
        ia = self.ia
        query_string = urlsplit(self.path).query
        params = parse_qs(query_string, keep_blank_values=True)
        fault = ia.state.url_fault("cdx", query_string)
        if fault == "5xx":
            log(503, "5xx")
            self._send(503, ERROR_5XX, [("Content-Type", "text/html")])
            return
        try:
            query = CdxQuery.parse(params)
            if query.limit is None and ia.cdx_default_cap is not None:
                query.limit, query.show_resume_key = ia.cdx_default_cap, False
            elif query.limit is not None and ia.cdx_max_page is not None:
                query.limit = min(query.limit, ia.cdx_max_page)
            page, resume = run_query(ia.served_rows, query)
        except CdxError as exc:
            log(400)
            self._send(400, f"Bad request: {exc}\n".encode(), [("Content-Type", "text/plain")])
            return
        ctype = "application/json" if query.output_json else "text/plain"
        log(200)
        self._send(200, render(page, query, resume).encode(), [("Content-Type", ctype)])

    def _replay(self, ts: str, flag: str, target: str, log: LogFn) -> None:
        ia = self.ia
        target = re.sub(r"^(https?:/)(?!/)", r"\1/", target)  # IA tolerates http:/x
        if not re.match(r"^https?://", target):
            target = "http://" + target
        key = url_key(target)
        row = ia.nearest(key, ts)
        if row is None:
            log(404, "never-archived")
            self._send(404, b"<html><body>Wayback Machine has not archived that URL.</body></html>",
                       [("Content-Type", "text/html")])
            return
        if row.timestamp != ts:
            # IA jumps to the nearest capture with a 302 and no Memento-Datetime.
            log(302, "nearest")
            self._send(302, b"", [("Location", ia.replay_url(row.timestamp, flag, row.original))])
            return
        fault = ia.state.url_fault("replay", key)
        if fault == "5xx":
            log(503, fault)
            self._send(503, ERROR_5XX, [("Content-Type", "text/html")])
            return
        if fault == "outage":
            log(200, fault)
            self._send(200, OUTAGE_PAGE, [("Content-Type", "text/html; charset=utf-8")])
            return
        try:
            upstream = ia.client.get(f"{ia.pywb_url}/{ia.coll}/{row.timestamp}id_/{row.original}")
        except httpx.HTTPError as exc:
            log(502, "pywb-error")
            self._send(502, f"pywb: {exc}".encode(), [("Content-Type", "text/plain")])
            return
        headers: list[tuple[str, str]] = []
        for name, value in upstream.headers.multi_items():
            lower = name.lower()
            if lower in ("content-type", "memento-datetime") or lower.startswith("x-archive-orig-"):
                headers.append((name, value))
            elif lower == "location":
                absolute = urljoin(row.original, value)
                headers.append(("Location", ia.replay_url(row.timestamp, flag, absolute)))
        body = upstream.content
        if upstream.status_code == 200 and ia.state.gzip_blank(key):
            body = gzip.compress(body, mtime=0)
            headers.append(("Content-Encoding", ""))
            fault = fault or "gzip-blank"
        if fault == "truncate" and len(body) > 16:
            log(upstream.status_code, fault)
            self._send(upstream.status_code, body[: len(body) // 2], headers,
                       declared_length=len(body))
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        log(upstream.status_code, fault)
        self._send(upstream.status_code, body, headers)
