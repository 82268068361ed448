"""A small Internet-Archive-compatible server for rescue unit tests (127.0.0.1 only).

Serves IA's CDX JSON dialect (limit + showResumeKey + resumeKey, from/to, SURT-style
matching of http/https/www.) and ``/web/<ts>id_/<url>`` replay with Memento-Datetime,
X-Archive-Orig-* headers, archived redirects and nearest-capture jumps. Faults: 429 bursts,
repeated CDX rows, gzip bodies with a blank Content-Encoding, truncated bodies.
Every request is logged with its time, so tests can check the client's rate.
"""

from __future__ import annotations

import email.utils
import gzip
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass
class Cap:
    url: str
    ts: str
    status: int = 200
    body: bytes = b""
    ctype: str = "text/html; charset=utf-8"
    location: str | None = None     # for archived redirects: the original target URL
    gzip_blank: bool = False        # send gzip bytes with "Content-Encoding: " (blank)
    truncate: bool = False          # announce the full length, send half, close


@dataclass
class FakeIA:
    caps: list[Cap] = field(default_factory=list)
    fail_429: int = 0                # answer the next N requests with 429
    repeat_rows: bool = False        # every CDX row twice
    delay: float = 0.0               # seconds each replay takes (the real archive is slow)
    log: list[tuple[float, str, str, int]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def key(self, url: str) -> str:
        p = urlsplit(url)
        host = (p.hostname or "").removeprefix("www.")
        return host + (p.path or "/") + (f"?{p.query}" if p.query else "")

    def start(self) -> FakeIA:
        ia = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a: object) -> None:
                pass

            def do_GET(self) -> None:
                arrived = time.monotonic()
                kind = "cdx" if self.path.startswith("/cdx/") else "replay"
                if ia.fail_429 > 0:
                    ia.fail_429 -= 1
                    ia.log.append((arrived, kind, self.path, 429))
                    return self._send(429, [], b"Too Many Requests")
                if kind == "replay" and ia.delay:
                    time.sleep(ia.delay)
                status, headers, body, trunc = (
                    ia.cdx(self.path) if kind == "cdx" else ia.replay(self.path)
                )
                ia.log.append((arrived, kind, self.path, status))
                self._send(status, headers, body, trunc)

            def _send(self, status: int, headers: list[tuple[str, str]], body: bytes,
                      trunc: bool = False) -> None:
                self.send_response(status)
                for k, v in headers:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2] if trunc else body)
                if trunc:
                    self.close_connection = True

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    # -- CDX ---------------------------------------------------------------------------
    def cdx(self, path: str) -> tuple[int, list[tuple[str, str]], bytes, bool]:
        q = {k: v[0] for k, v in parse_qs(urlsplit(path).query).items()}
        prefix = q["url"].removesuffix("*").removeprefix("www.")
        rows = sorted(
            (self.key(c.url), c.ts, c.url, c.ctype.split(";")[0], str(c.status), "D", "100")
            for c in self.caps
            if self.key(c.url).startswith(prefix)
            and c.ts >= q.get("from", "")[:14].ljust(14, "0")
            and c.ts <= q.get("to", "9" * 14)[:14].ljust(14, "9")
        )
        start = int(q.get("resumeKey", "0") or 0)
        limit = int(q.get("limit", "100000"))
        page = rows[start : start + limit]
        out: list[list[str]] = [["urlkey", "timestamp", "original", "mimetype", "statuscode",
                                 "digest", "length"]]
        for r in page:
            out.append(list(r))
            if self.repeat_rows:
                out.append(list(r))
        if start + limit < len(rows) and q.get("showResumeKey") == "true":
            out += [[], [str(start + limit)]]
        if len(out) == 1:
            out = []
        return 200, [("Content-Type", "application/json")], json.dumps(out).encode(), False

    # -- replay ------------------------------------------------------------------------
    def replay(self, path: str) -> tuple[int, list[tuple[str, str]], bytes, bool]:
        rest = path[len("/web/"):]
        stamp, _, url = rest.partition("/")
        ts = stamp.removesuffix("id_")
        url = unquote(url) if "%3A" in url[:8] else url
        same = [c for c in self.caps if self.key(c.url) == self.key(url)]
        if not same:
            return 404, [("Content-Type", "text/html")], b"not in archive", False
        exact = [c for c in same if c.ts == ts]
        if not exact:
            best = min(same, key=lambda c: abs(int(c.ts) - int(ts)))
            return 302, [("Location", f"{self.base}/web/{best.ts}id_/{best.url}")], b"", False
        c = exact[0]
        dt = time.strptime(c.ts, "%Y%m%d%H%M%S")
        headers = [("Memento-Datetime", email.utils.formatdate(time.mktime(dt) - time.timezone,
                                                               usegmt=True)),
                   ("Content-Type", c.ctype), ("X-Archive-Orig-Server", "nginx")]
        body = c.body
        if c.location:
            headers.append(("Location", f"{self.base}/web/{c.ts}id_/{c.location}"))
            headers.append(("X-Archive-Orig-Location", c.location))
        if c.gzip_blank:
            body = gzip.compress(body)
            headers.append(("Content-Encoding", ""))
        return c.status, headers, body, c.truncate
