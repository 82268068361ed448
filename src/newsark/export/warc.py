"""An archive as one WARC file (warcio): the article files as ``resource`` records, the
catalog's facts about each as a ``metadata`` record, and, on request, the files as they
were imported (before repair) and the raw captures a rescue or an ingest kept under
``DIR/warcs/``, copied as they are.

A ``.warc.gz`` output is gzip per record, as WARC tools expect; the captures are copied
byte for byte (their gzip members), up to the end of their last committed record.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import io
import json
import re
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from warcio.warcwriter import WARCWriter

from newsark import __version__
from newsark.archive.store import Archive
from newsark.sources.ledger import warc_end
from newsark.sources.warcstore import ts_to_iso

_CAPTURE_TS_RE = re.compile(r"/web/(\d{14})")
_CHUNK = 1 << 20


def _record_id(*parts: object) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, ' '.join(map(str, parts)))}>"


def article_uri(record: dict[str, Any]) -> str:
    # Not the page's own URL: a replay tool (pywb) would then serve the Markdown file in
    # place of the captured page of the same URL and time.
    return f"urn:newsark:article:{record['id']}"


def original_uri(record: dict[str, Any]) -> str:
    return f"urn:newsark:original:{record['id']}"


def _markdown_record(writer: WARCWriter, uri: str, data: bytes, headers: dict[str, str]) -> Any:
    """A ``resource`` record holding a Markdown file's exact bytes."""
    return writer.create_warc_record(uri, "resource", payload=io.BytesIO(data), length=len(data),
                                     warc_content_type="text/markdown; charset=utf-8",
                                     warc_headers_dict=headers)


def write_articles(writer: WARCWriter, files: Iterable[tuple[bytes, dict[str, Any]]],
                   exported_at: str, originals: Callable[[int], bytes | None] | None = None) -> int:
    """A resource and a metadata record per (file bytes, export record); with
    ``originals`` (article id -> the bytes it was imported from), also a resource record
    of those bytes where repairs changed them. Returns how many originals were written."""
    written = 0
    for data, record in files:
        uri = article_uri(record)
        m = _CAPTURE_TS_RE.search(record["url"] or "")
        date = ts_to_iso(m.group(1)) if m else exported_at
        rid = _record_id("article", record["id"], record["sha256"])
        writer.write_record(_markdown_record(writer, uri, data, {
            "WARC-Record-ID": rid, "WARC-Date": date,
            "WARC-Newsark-Article-Id": str(record["id"]),
            "WARC-Newsark-Story-Id": str(record["story_id"]),
            **({"WARC-Newsark-Original-URL": record["original_url"]} if record["original_url"] else {})}))
        facts = {k: v for k, v in record.items() if k not in ("markdown", "text")}
        meta = json.dumps(facts, ensure_ascii=False).encode("utf-8")
        metadata = writer.create_warc_record(
            uri, "metadata", payload=io.BytesIO(meta), length=len(meta),
            warc_content_type="application/json",
            warc_headers_dict={"WARC-Record-ID": _record_id("facts", record["id"], record["sha256"]),
                               "WARC-Date": date, "WARC-Refers-To": rid},
        )
        writer.write_record(metadata)
        original = originals(record["id"]) if originals else None
        if original is not None and original != data:
            # The file as it was before newsark repaired it (the undo data of `repair`),
            # so the export keeps what was received as well as what was made of it.
            writer.write_record(_markdown_record(writer, original_uri(record), original, {
                "WARC-Record-ID": _record_id("original", record["id"], record["sha256"]),
                "WARC-Date": date, "WARC-Newsark-Article-Id": str(record["id"]),
                "WARC-Newsark-Original-Of": uri}))
            written += 1
    return written


def capture_files(archive: Archive) -> Iterator[tuple[Path, int]]:
    """The archive's WARC files of raw captures, each with the length of its committed
    part (a rescue that is still running, or was killed, may have written a tail past it)."""
    folder = archive.root / "warcs"
    for path in sorted(folder.glob("*.warc.gz")) if folder.is_dir() else []:
        end = warc_end(archive.db, path.relative_to(archive.root).as_posix())
        size = path.stat().st_size
        yield path, min(size, end) if end is not None else size


class _Bounded(io.RawIOBase):
    """The first ``length`` bytes of a file."""

    def __init__(self, fh: IO[bytes], length: int) -> None:
        self.fh, self.left = fh, length

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        n = self.fh.readinto(memoryview(buf)[: min(len(buf), self.left)])  # type: ignore[attr-defined]
        self.left -= n or 0
        return n or 0


def copy_captures(archive: Archive, out: IO[bytes], *, gzipped: bool) -> int:
    """Append the committed captures to ``out``; returns the number of files copied."""
    count = 0
    for path, length in capture_files(archive):
        with path.open("rb") as fh:
            part = io.BufferedReader(_Bounded(fh, length), _CHUNK)
            if gzipped:
                shutil.copyfileobj(part, out, _CHUNK)
            else:
                with gzip.GzipFile(fileobj=part, mode="rb") as plain:
                    shutil.copyfileobj(plain, out, _CHUNK)
        count += 1
    return count


def write_warc(archive: Archive, files: Iterable[tuple[bytes, dict[str, Any]]], out: IO[bytes],
               *, gzipped: bool, captures: bool, originals: bool = False) -> tuple[int, int]:
    """The whole export; returns how many originals were written and capture files copied."""
    exported_at = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    writer = WARCWriter(out, gzip=gzipped, warc_version="WARC/1.1")
    info = writer.create_warcinfo_record(f"{archive.root.name}.warc", {
        "software": f"newsark/{__version__} (warcio)",
        "format": "WARC File Format 1.1",
        "description": "a newsark archive: article files (resource), their catalog facts "
                       "(metadata)" + (", the files as imported, before repair (resource)"
                                       if originals else "")
                       + (", raw captures (response)" if captures else ""),
        "isPartOf": archive.root.name,
    })
    writer.write_record(info)
    n_originals = write_articles(writer, files, exported_at,
                                 archive.original_bytes if originals else None)
    return n_originals, (copy_captures(archive, out, gzipped=gzipped) if captures else 0)
