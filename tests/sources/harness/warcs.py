"""Write WARC files of archived HTTP exchanges (request + response records) with warcio."""

from __future__ import annotations

import datetime as dt
import email.utils
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REASONS = {
    200: "OK", 301: "Moved Permanently", 302: "Found", 304: "Not Modified",
    404: "Not Found", 410: "Gone", 500: "Internal Server Error", 503: "Service Unavailable",
}


@dataclass(frozen=True)
class Capture:
    """One archived HTTP response: what the crawler saw at ``timestamp`` (14 digits, UTC)."""

    url: str
    timestamp: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    note: str = field(default="", compare=False)  # why this capture exists (good, outage, ...)
    truncated: bool = False  # the crawler stored a cut-off body (WARC-Truncated: length)

    def __post_init__(self) -> None:
        if len(self.timestamp) != 14 or not self.timestamp.isdigit():
            raise ValueError(f"timestamp must be 14 digits, got {self.timestamp!r}")
        if not self.url.startswith(("http://", "https://")):
            raise ValueError(f"capture url must be absolute http(s), got {self.url!r}")
        if not self.url.isascii():
            raise ValueError(f"capture url must be percent-encoded ASCII, got {self.url!r}")

    @property
    def datetime(self) -> dt.datetime:
        return ts_to_datetime(self.timestamp)

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


def pad_timestamp(ts: str) -> str:
    """A 1-14 digit Wayback timestamp as 14 digits (missing month/day = 01, time = 00)."""
    if not ts.isdigit() or not 4 <= len(ts) <= 14:
        raise ValueError(f"bad timestamp {ts!r}")
    full = ts + "0101000000"[len(ts) - 4:]
    return full.replace("0000", "0101", 1) if full[4:8] == "0000" else full


def ts_to_datetime(ts: str) -> dt.datetime:
    return dt.datetime.strptime(pad_timestamp(ts[:14]), "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)


def datetime_to_ts(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S")


def http_date(ts: str) -> str:
    return email.utils.format_datetime(ts_to_datetime(ts), usegmt=True)


def html_capture(
    url: str, timestamp: str, body: bytes, *, charset: str | None = "utf-8", note: str = "",
    status: int = 200, extra_headers: Iterable[tuple[str, str]] = (),
) -> Capture:
    """A text/html response; ``charset=None`` leaves the charset out of Content-Type."""
    ctype = "text/html" if charset is None else f"text/html; charset={charset}"
    headers = (("Content-Type", ctype), ("Server", "nginx"), *extra_headers)
    return Capture(url, timestamp, status, headers, body, note)


def redirect_capture(url: str, timestamp: str, location: str, *, status: int = 301) -> Capture:
    """An archived redirect (the site itself answered 301/302 with Location)."""
    if status not in (301, 302, 303, 307, 308):
        raise ValueError(f"not a redirect status: {status}")
    body = b'<html><body>Moved <a href="' + location.encode() + b'">here</a></body></html>'
    headers = (("Location", location), ("Content-Type", "text/html; charset=utf-8"))
    return Capture(url, timestamp, status, headers, body, "redirect")


def _response_headers(capture: Capture) -> StatusAndHeaders:
    reason = REASONS.get(capture.status, "Unknown")
    headers = [(k, v) for k, v in capture.headers if k.lower() != "content-length"]
    headers.append(("Date", http_date(capture.timestamp)))
    headers.append(("Content-Length", str(len(capture.body))))
    return StatusAndHeaders(f"{capture.status} {reason}", headers, protocol="HTTP/1.1")


def _request_headers(capture: Capture) -> StatusAndHeaders:
    parts = urlsplit(capture.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = [("Host", parts.netloc), ("User-Agent", "newsark-test-crawler/1.0"),
               ("Accept", "text/html,*/*")]
    return StatusAndHeaders(f"GET {target} HTTP/1.1", headers, is_http_request=True)


def write_warc(path: str | os.PathLike[str], captures: Iterable[Capture]) -> int:
    """Write a gzipped WARC (request + response record per capture) atomically.

    Returns the number of captures written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    count = 0
    try:
        with os.fdopen(fd, "wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            for capture in captures:
                warc_date = capture.datetime.strftime("%Y-%m-%dT%H:%M:%SZ")
                extra = {"WARC-Truncated": "length"} if capture.truncated else {}
                response = writer.create_warc_record(
                    capture.url, "response", payload=BytesIO(capture.body),
                    http_headers=_response_headers(capture),
                    warc_headers_dict={"WARC-Date": warc_date, **extra},
                )
                request = writer.create_warc_record(
                    capture.url, "request", payload=BytesIO(b""),
                    http_headers=_request_headers(capture),
                    warc_headers_dict={
                        "WARC-Date": warc_date,
                        "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
                    },
                )
                writer.write_record(response)
                writer.write_record(request)
                count += 1
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
