"""Raw responses kept in WARC files inside the archive (``DIR/warcs/``), with warcio.

Each response is one gzip member, appended; the ledger records the file, the offset and
where the last committed record ends, so after a crash the file is cut back to that point
and nothing is stored twice. Record ids are derived from the content, so the same fetch
gives the same record.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsark.sources.ledger import Ledger
from newsark.sources.warcnotes import warcio_notes

MAX_WARC_BYTES = 1 << 30


@dataclass
class StoredRecord:
    warc_file: str      # relative to the archive root
    offset: int
    end: int


@dataclass
class WarcResponse:
    """One HTTP response as stored: what extraction needs, wherever it came from."""

    url: str            # the captured (original) URL
    ts: str             # 14-digit capture time
    status: int
    headers: list[tuple[str, str]]
    payload: bytes      # as sent (may still be compressed; see decode.decompress)
    capture_url: str | None = None

    def header(self, name: str) -> str | None:
        low = name.lower()
        for k, v in self.headers:
            if k.lower() == low:
                return v
        return None


def ts_to_iso(ts: str) -> str:
    t = (ts + "00000000000000")[:14]
    return f"{t[0:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}Z"


def iso_to_ts(value: str) -> str:
    digits = "".join(ch for ch in value if ch.isdigit())
    return (digits + "00000000000000")[:14]


class WarcStore:
    """Append-only writer of response records under ``root/warcs``."""

    def __init__(self, root: Path, ledger: Ledger, prefix: str = "rescue") -> None:
        self.root = root
        self.ledger = ledger
        self.dir = root / "warcs"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        existing = sorted(self.dir.glob(f"{prefix}-*.warc.gz"))
        self.index = int(existing[-1].name.split("-")[-1].split(".")[0]) if existing else 0
        self._recover()

    @property
    def rel(self) -> str:
        return f"warcs/{self.prefix}-{self.index:05d}.warc.gz"

    def _recover(self) -> None:
        """Cut the current file back to its last committed record (a crash may leave a tail)."""
        path = self.root / self.rel
        if not path.exists():
            return
        end = self.ledger.warc_end(self.rel) or 0
        if path.stat().st_size != end:
            with path.open("r+b") as fh:
                fh.truncate(end)

    def write(self, resp: WarcResponse, extra: dict[str, str] | None = None) -> StoredRecord:
        path = self.root / self.rel
        if path.exists() and path.stat().st_size >= MAX_WARC_BYTES:
            self.index += 1
            path = self.root / self.rel
        body_sha = hashlib.sha256(resp.payload).hexdigest()
        rid = uuid.uuid5(uuid.NAMESPACE_URL, f"{resp.url} {resp.ts} {resp.status} {body_sha}")
        warc_headers = {
            "WARC-Record-ID": f"<urn:uuid:{rid}>",
            "WARC-Date": ts_to_iso(resp.ts),
        }
        if resp.capture_url:
            warc_headers["WARC-Newsark-Capture-URL"] = resp.capture_url
        warc_headers.update(extra or {})
        headers = [(k, v) for k, v in resp.headers if k.lower() not in ("content-length", "transfer-encoding")]
        headers.append(("Content-Length", str(len(resp.payload))))
        http = StatusAndHeaders(f"{resp.status} {_reason(resp.status)}", headers, protocol="HTTP/1.1")
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=True)
        record = writer.create_warc_record(
            resp.url, "response", payload=io.BytesIO(resp.payload), http_headers=http,
            warc_headers_dict=warc_headers,
        )
        writer.write_record(record)
        data = buf.getvalue()
        with path.open("ab") as fh:
            offset = fh.tell()
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        return StoredRecord(self.rel, offset, offset + len(data))


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def read_response(path: Path, offset: int) -> WarcResponse:
    """Read the response record that starts at ``offset`` of a WARC file. A damaged
    record (its gzip member does not inflate, or does not end where its record does, or
    its block is not the one its ``WARC-Block-Digest`` names) is a ValueError, not a
    truncated or altered page."""
    with path.open("rb") as fh, warcio_notes() as notes:
        fh.seek(offset)
        try:
            records = ArchiveIterator(fh, check_digests=True)
            for record in records:
                if record.rec_type != "response" or not record.rec_headers.get_header("WARC-Target-URI"):
                    # a member that does not inflate can be read as raw bytes: a "record"
                    # of nothing, which would pass for an empty response
                    raise ValueError(f"damaged WARC record at {path}:{offset}: no response record there")
                response = response_of(record)
                while record.raw_stream.read(_BLOCK_READ):  # the rest of the block: its digest is
                    pass  # checked at its end
                failed = block_digest_failed(record)
                if not failed and not record.rec_headers.get_header("WARC-Block-Digest"):
                    failed = member_unfinished(records.reader)  # (a block its digest vouches for
                    # is the record, whatever is wrong after it)
                break
            else:
                raise ValueError(f"no WARC record at {path}:{offset}")
        except (OSError, ValueError):
            raise
        except Exception as exc:
            raise ValueError(f"damaged WARC record at {path}:{offset}: {type(exc).__name__}") from exc
        if notes:
            raise ValueError(f"damaged WARC record at {path}:{offset}: {notes[0]}")
        if failed:
            raise ValueError(f"damaged WARC record at {path}:{offset}: {failed}")
        return response


_BLOCK_READ = 65536
_MEMBER_TAIL = 1 << 20  # bytes read past a record for its gzip member's end, at most


def member_unfinished(reader: object) -> str | None:
    """Whether the gzip member a record was read from fails to end after it, or None. A
    member with a byte changed may still inflate to as many (other) bytes as the record
    says it holds before the damage shows: its deflate stream then runs on past the
    member's own end, where its checksum would have been checked, into the next member
    or the end of the file (50 of 1,173 one-bit changes of a small record). A record
    with a ``WARC-Block-Digest`` is caught by it; this is asked of those without one.
    (A member holding several records, as a WARC compressed whole is, reaches no end
    within _MEMBER_TAIL bytes: nothing is said of it.)"""
    decompressor = getattr(reader, "decompressor", None)
    if decompressor is None or not hasattr(decompressor, "eof"):  # not gzip
        return None
    read = 0
    while not decompressor.eof and read < _MEMBER_TAIL:
        got = reader.read(_BLOCK_READ)  # type: ignore[attr-defined]
        if not got:
            break
        read += len(got)
    if decompressor.eof or read >= _MEMBER_TAIL:
        return None
    return "its gzip member does not end after it"


def block_digest_failed(record: object) -> str | None:
    """warcio's complaint that a record's block does not match its ``WARC-Block-Digest``
    (a byte changed in it: in an uncompressed WARC nothing else tells), or None. Only the
    block's: the payload digest is computed differently by different tools when the
    response was chunked (webrecorder/warcio#74), so its mismatch says nothing certain."""
    checker = getattr(record, "digest_checker", None)
    problems = getattr(checker, "problems", None) or []
    return next((p for p in problems if p.startswith("block digest failed")), None)


def response_of(record: object) -> WarcResponse:
    rec = record  # warcio ArcWarcRecord
    url = rec.rec_headers.get_header("WARC-Target-URI") or ""  # type: ignore[attr-defined]
    date = rec.rec_headers.get_header("WARC-Date") or ""  # type: ignore[attr-defined]
    http = rec.http_headers  # type: ignore[attr-defined]
    status = int(http.get_statuscode() or "0") if http else 0
    headers = list(http.headers) if http else []
    payload = rec.content_stream().read()  # type: ignore[attr-defined]
    capture = rec.rec_headers.get_header("WARC-Newsark-Capture-URL")  # type: ignore[attr-defined]
    return WarcResponse(url, iso_to_ts(date), status, headers, payload, capture)


def now_ts() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y%m%d%H%M%S")
